/**
 * Which engine reads the tickets, from files, flags and config alone (nothing is opened here):
 * apart from engines/index.ts, which opens connections, so that an audit of files in-process
 * does not load the engines' code (start-up: issue 11's budget).
 */
import { UsageError } from '../../errors.js';
import type { Config } from '../../config/schema.js';
import type { SqlSource } from './connection.js';
import { checkDatabaseUrl, safeUrl } from './url.js';

/** DuckDB's working memory when not given (measured enough: 10M tickets in 256MB, 50M in 512MB). */
export const DUCKDB_MEMORY = '1GB';

/** Flags that choose a source. */
export interface SourceFlags {
  db?: string;
  table?: string;
  query?: string;
  engine?: string;
  /** DuckDB's working memory (in DuckDB's own process: duckdbProcess.ts), e.g. 4GB (default 1GB). */
  duckdbMemory?: string;
  /** --duplicates: a rule of parity's own reading, refused for a database source. */
  duplicates?: string;
}

export type EngineSource =
  | { kind: 'files'; files: string[] }
  | { kind: 'duckdb'; files: string[]; /** DuckDB's working memory (default DUCKDB_MEMORY). */ memory?: string }
  | { kind: 'postgres' | 'clickhouse'; url: string; source: SqlSource };

/** The kind of database a URL names. */
export function databaseKind(url: string): 'postgres' | 'clickhouse' {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') return 'postgres';
  if (scheme === 'clickhouse' || scheme === 'clickhouses' || scheme === 'http' || scheme === 'https') return 'clickhouse';
  throw new UsageError(`--db "${scheme ? `${scheme}://…` : safeUrl(url)}" is not a database URL parity can read`, {
    hint: 'use postgresql://user@host:5432/db or clickhouse://host:8123/db (or http://host:8123); for warehouses, print the query with `parity sql --dialect …`',
  });
}

/** Files, flags and config → where the tickets are. */
export function resolveSource(files: string[], flags: SourceFlags, config: Config): EngineSource {
  const source = sourceOf(files, flags, config);
  if (source.kind !== 'files' && flags.duplicates !== undefined) {
    throw new UsageError('--duplicates is a rule of parity\'s own reading: a database source (Parquet, --engine duckdb, --db) counts every row of a repeated id', {
      hint: 'audit the files without --engine to settle repeated ids, or remove the repeats where the tickets live',
    });
  }
  return source;
}

function sourceOf(files: string[], flags: SourceFlags, config: Config): EngineSource {
  const db = flags.db ?? (files.length === 0 ? config.source?.db : undefined);
  if (db) {
    if (files.length) throw new UsageError('give either files or --db, not both');
    const table = flags.table ?? (flags.query ? undefined : config.source?.table);
    const query = flags.query ?? (flags.table ? undefined : config.source?.query);
    if ((table ? 1 : 0) + (query ? 1 : 0) !== 1) {
      throw new UsageError('a database source needs exactly one of --table <name> or --query <sql>', { hint: 'e.g. --db postgresql://localhost/support --table tickets' });
    }
    const kind = databaseKind(db);
    checkDatabaseUrl(db);
    return { kind, url: db, source: table ? { table } : { query: query as string } };
  }
  if (flags.table || flags.query) throw new UsageError('--table and --query need --db <url>');
  if (flags.engine !== undefined && flags.engine !== 'duckdb' && flags.engine !== 'parity') {
    const database = /^(postgres(ql)?|clickhouse|pg|ch)$/i.test(flags.engine);
    throw new UsageError(`--engine "${flags.engine}" is not duckdb or parity`, {
      hint: database ? `a database is read with --db: parity audit --db ${/^(clickhouse|ch)$/i.test(flags.engine) ? 'clickhouse://host:8123/database' : 'postgresql://user@host:5432/database'} --table tickets` : '--engine duckdb reads the files through DuckDB; --engine parity (the default) reads them in-process',
    });
  }
  const parquet = files.some((f) => /\.parquet$/i.test(f));
  if (flags.engine === 'duckdb' || parquet) {
    if (flags.engine === 'parity' && parquet) throw new UsageError('Parquet files are read through DuckDB; drop --engine parity');
    if (files.some((f) => f === '-')) {
      throw new UsageError('DuckDB reads files, not standard input', { hint: parquet ? 'save the input to a file named .parquet and give its path' : 'leave out --engine duckdb to read standard input in-process, or save it to a file and give its path' });
    }
    return { kind: 'duckdb', files, memory: duckdbMemory(flags.duckdbMemory) };
  }
  if (flags.duckdbMemory !== undefined) throw new UsageError('--duckdb-memory is for files read by DuckDB (Parquet, or --engine duckdb)');
  return { kind: 'files', files };
}

/** `--duckdb-memory`: a size DuckDB understands (a number and KB, MB, GB or TB; KiB, MiB, GiB, TiB). */
function duckdbMemory(given: string | undefined): string {
  if (given === undefined) return DUCKDB_MEMORY;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$/i.exec(given);
  if (!m || !(Number(m[1]) > 0)) throw new UsageError(`--duckdb-memory "${given}" is not a size`, { hint: 'e.g. --duckdb-memory 4GB' });
  return `${m[1]}${(m[2] as string).toUpperCase().replace('IB', 'iB')}`;
}

