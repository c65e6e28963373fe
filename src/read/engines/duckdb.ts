/**
 * DuckDB for Parquet files (and CSV with --engine duckdb): the file is read by DuckDB's own
 * readers and only the count table reaches JavaScript. This module runs DuckDB in the process
 * that loads it: DuckDB's own process (duckdbHost.ts, started by duckdbProcess.ts, so that
 * DuckDB's working memory is not parity's), or parity's process when no other can be started
 * (PARITY_WORKERS=never). `@duckdb/node-api` is an optional dependency
 * (a native build per platform): it is imported only when a DuckDB source is used, and its
 * absence is a clear message, not a crash.
 */
import { DUCKDB_MEMORY } from './choose.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParityError, type Location } from '../../errors.js';
import { DEFAULT_LIMITS, raiseHint } from '../limits.js';
import { holdTemporary, releaseTemporary } from '../../temporaries.js';
import { dialect } from './dialects.js';
import { FORMULA_OPENING } from '../excelText.js';
import { sampledValues, secondsOrNull, unreadableValueHint, type EngineConnection, type SqlSource } from './connection.js';
import { NO_SECONDS } from './sql.js';
import type { FlatCountSeries } from '../../measure/counts.js';

type DuckModule = typeof import('@duckdb/node-api');

async function loadDuckDB(): Promise<DuckModule> {
  try {
    return await import('@duckdb/node-api');
  } catch (error) {
    // (the innermost error: a loader or test runner may wrap the one the import met)
    let e = error as NodeJS.ErrnoException;
    while (e?.cause instanceof Error) e = e.cause as NodeJS.ErrnoException;
    // not installed — or installed but its native library cannot be loaded (another platform's
    // build, a limit on the address space): said as what it is, the loader's first line with it
    const missing = e?.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find (package|module)/.test(e?.message ?? '');
    if (missing) {
      throw new ParityError('reading Parquet (or --engine duckdb) needs DuckDB, which is not installed', {
        hint: 'install it next to parity: npm install @duckdb/node-api',
      });
    }
    throw new ParityError(`DuckDB is installed but could not be loaded: ${(e?.message ?? String(error)).split('\n')[0]}`, {
      hint: 'reinstall it for this platform (npm install @duckdb/node-api), and check limits on memory such as ulimit -v',
    });
  }
}

/**
 * DuckDB's reason for a CSV error, as a fixed text of parity's (digits at most from DuckDB's):
 * its message quotes the row ("Original Line: …", the data's text, which may span lines and
 * say anything), then the reason; the last reason found is DuckDB's own (a quoted row comes
 * before it). Null when none is known.
 */
export function csvErrorReason(message: string): string | null {
  const reasons: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
    [/Invalid unicode \(byte sequence mismatch\) detected/g, () => NOT_UTF8_REASON],
    [/Expected Number of Columns: (\d+) Found: (\d+)/g, (m) => `expected ${m[1]} columns, found ${m[2]}`],
    [/Value with unterminated quote found/g, () => 'a quote that is never closed'],
    [/Maximum line size of (\d+) bytes exceeded/g, (m) => `a line over ${m[1]} bytes`],
  ];
  let best: { at: number; text: string } | null = null;
  for (const [pattern, text] of reasons) {
    for (const m of message.matchAll(pattern)) if (best === null || (m.index ?? 0) > best.at) best = { at: m.index ?? 0, text: text(m) };
  }
  return best?.text ?? null;
}

/** The reason csvErrorReason gives a file that is not UTF-8 (engines/index.ts looks for the line then). */
export const NOT_UTF8_REASON = 'bytes that are not UTF-8';

/** An error DuckDB raised, with the reason of a CSV error (csvErrorReason) for callers to act on, not to parse the message for. */
export class DuckDBError extends ParityError {
  constructor(
    message: string,
    options: { location?: Location; hint?: string },
    readonly reason: string | null,
  ) {
    super(message, options);
  }
}

/**
 * The DuckDB reader of a file: read_parquet for .parquet, read_csv otherwise — every CSV column
 * read as text, as parity reads a file: DuckDB would otherwise guess a column's type from a sample,
 * and ids that look like numbers would be compared as numbers (`1.0` and `1` one ticket, 20-digit
 * ids rounded into each other). The count query casts what it measures itself. A record may be
 * as long as parity's own reader allows (`maxRecordBytes`, read/limits.ts), no longer: DuckDB's
 * own bound is 2 MB, and a longer ticket text failed through DuckDB that parity reads.
 */
export function fileQuery(path: string, maxRecordBytes: number = DEFAULT_LIMITS.maxRecordBytes, headerLine = 1): string {
  const d = dialect('duckdb');
  if (/\.parquet$/i.test(path)) return `SELECT * FROM read_parquet(${d.string(path)})`;
  // DuckDB's buffer is 16 lines of the longest by default (1 GiB for 64 MiB: more than its
  // default working memory); one line of it, or 32 MiB, reads as fast (measured on 1M rows)
  const line = Math.floor(maxRecordBytes);
  // A header below title lines (headerLine > 1, found by parity's own reader: formats/open.ts)
  // is where DuckDB starts: its sniffer passes over a title of one cell, not one of two or more
  const skip = headerLine > 1 ? `, skip = ${Math.floor(headerLine) - 1}, header = true` : '';
  return `SELECT ${excelTextColumns()} FROM read_csv(${d.string(path)}, all_varchar = true, max_line_size = ${line}, buffer_size = ${Math.max(line, 32 * 1024 * 1024)}${skip})`;
}

/**
 * Every column of a CSV read by DuckDB with Excel's text formulas unwrapped, as parity's own
 * readers unwrap them (read/excelText.ts): a value that is exactly `="…"` once trimmed of
 * JavaScript's white space (dialects.ts WHITESPACE), inner quotes doubled, is the text between the
 * quotes with `""` read as `"`; any other value as it is. `COLUMNS(*)` keeps each column's name;
 * a value without `="` is passed over by `contains` before the pattern is tried. (Only a CSV: a
 * Parquet file or a table holds data as it stands, as a JSON value does in-process.)
 */
export function excelTextColumns(): string {
  const d = dialect('duckdb');
  const column = 'COLUMNS(*)';
  const trimmed = d.trimWhite(column);
  const formula = `regexp_full_match(${trimmed}, ${d.string('="([^"]|"")*"')}, 's')`;
  const inner = `replace(substr(${trimmed}, 3, length(${trimmed}) - 3), '""', '"')`;
  return `CASE WHEN contains(${column}, ${d.string(FORMULA_OPENING)}) AND ${formula} THEN ${inner} ELSE ${column} END`;
}

export { DUCKDB_MEMORY };

/** Twice a working-memory size as --duckdb-memory takes it (`512MB` → `1024MB`); the size as given when it is not a number and a unit. */
export function twice(memory: string): string {
  const m = /^(\d+(?:\.\d+)?)([A-Za-z]+)$/.exec(memory);
  return m ? `${Number(m[1]) * 2}${m[2]}` : memory;
}

/** A fresh folder for DuckDB to spill to, in the temporary folder; a clear error when none can be made there. */
export async function spillFolder(): Promise<string> {
  const base = tmpdir();
  try {
    return await mkdtemp(join(base, 'parity-duckdb-'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ParityError(`cannot make DuckDB's temporary folder in ${base} (${code ?? (error as Error).message})`, {
      hint: 'set TMPDIR to a folder that exists and can be written, with room for what DuckDB spills',
    });
  }
}

/** How DuckDB's own process (duckdbHost.ts) runs a connection; nothing given in parity's process. */
export interface DuckDBOptions {
  /** The folder DuckDB spills to, made and removed by the caller (default: one of its own, removed by close). */
  spill?: string;
  /**
   * Called after each chunk of the count table is handed to the sink: a promise to wait for
   * before the next chunk is fetched (the host waits while its messages to parity are unsent).
   */
  pace?: () => Promise<void> | undefined;
}

/**
 * `memory`: DuckDB's working memory (in parity's process, or in DuckDB's own: duckdbProcess.ts) (`--duckdb-memory`, default 1GB);
 * beyond it DuckDB spills to a temporary folder (every step of the count query can: sortedSeries);
 * what still does not fit is an out-of-memory error naming the option.
 */
export async function connectDuckDB(label: string, timeZone: string, memory = DUCKDB_MEMORY, options: DuckDBOptions = {}): Promise<EngineConnection> {
  const duck = await loadDuckDB();
  // Insertion order is never needed (the count table is grouped; the one order parity reads is
  // an ORDER BY's), and a memory limit with a folder to spill to sends DuckDB's joins, aggregates
  // and sorts of a large file to disk instead of growing parity's memory (DuckDB's own default is
  // 80% of the machine's).
  const own = options.spill === undefined;
  const spill = options.spill ?? (await spillFolder());
  // removed by close(), or by the CLI when a signal stops the run: it may hold gigabytes (a
  // folder given in options is its giver's to remove: duckdbProcess.ts)
  if (own) holdTemporary(spill);
  const removeSpill = async (): Promise<void> => {
    if (!own) return;
    await rm(spill, { recursive: true, force: true }).catch(() => undefined);
    releaseTemporary(spill);
  };
  const notOpened = (error: unknown): ParityError => new ParityError(`DuckDB: ${(error as Error).message.split('\n')[0]}`, { location: { file: label } });
  const instance = await duck.DuckDBInstance.create(':memory:', { preserve_insertion_order: 'false', temp_directory: spill, memory_limit: memory }).catch(async (error: unknown) => {
    await removeSpill();
    throw notOpened(error);
  });
  const connection = await instance.connect().catch(async (error: unknown) => {
    instance.closeSync();
    await removeSpill();
    throw notOpened(error);
  });
  const close = async (): Promise<void> => {
    connection.closeSync();
    instance.closeSync();
    await removeSpill();
  };
  // the values of the rows sampled (count.ts mapSource), for the hint of a value the query cannot read
  const sampled = new Map<string, Set<string>>();
  const failed = (error: unknown): ParityError => {
    // the first line, and the reason of a CSV error in parity's words: the rest quotes rows of
    // the file (the data's text) and DuckDB's settings (engines/index.ts locatingUtf8 names the
    // line of a byte that is not UTF-8)
    const full = (error as Error).message;
    const reason = csvErrorReason(full);
    const message = `${full.split('\n')[0] ?? ''}${reason ? ` (${reason})` : ''}`;
    const longLine = /Maximum line size of (\d+) bytes exceeded/.exec(full);
    const hint = /out of memory/i.test(message)
      ? `DuckDB's working memory (${memory}) was not enough for this file: give it more with --duckdb-memory, e.g. --duckdb-memory ${twice(memory)}`
      : longLine
        ? // the bound is parity's own record bound (fileQuery): raised the same way
          `a record longer than that is refused by parity's own reader too: ${raiseHint('maxRecordBytes', Number(longLine[1]))}`
      : /CSV Error/.test(message)
        ? 'check the file at that record (DuckDB counts records, not lines, and reads UTF-8 only), or audit it without --engine'
        : (unreadableValueHint(message, sampled) ?? 'check the file and the columns mapping');
    return new DuckDBError(`DuckDB: ${message}`, { location: { file: label }, hint }, reason);
  };
  const run = async (sql: string) => {
    try {
      return await connection.runAndReadAll(sql);
    } catch (error) {
      throw failed(error);
    }
  };
  try {
    await run(dialect('duckdb').sessionTimeZone(timeZone) as string);
  } catch (error) {
    await close();
    throw error;
  }
  const fromSql = (source: SqlSource): string =>
    'table' in source ? source.table.split('.').map((p) => dialect('duckdb').ident(p)).join('.') : `(${source.query}\n) AS parity_source`;
  return {
    dialect: 'duckdb',
    label,
    async sample(source, n) {
      const reader = await run(`SELECT COLUMNS(*)::VARCHAR FROM ${fromSql(source)} LIMIT ${Math.floor(n)}`);
      const header = reader.columnNames();
      const rows = reader.getRows().map((row) => row.map((v) => (v === null ? null : String(v))));
      sampledValues(header, rows, sampled);
      return { header, rows };
    },
    async countSeries(flat, sink) {
      await sortedSeries(connection, run, flat, sink, failed, options.pace);
    },
    close,
  };
}

type DuckConnection = Awaited<ReturnType<InstanceType<DuckModule['DuckDBInstance']>['connect']>>;

/** The columns that name a series in the flat count query. */
const SERIES_KEYS = ['dimension', 'group', 'category', 'priority', 'metric'] as const;

/**
 * The count table by sorting, not by lists: the flat count query into a temporary table, its
 * series (dimension, group, category, priority, metric) numbered in a small one, then its cells
 * streamed ordered by series and seconds, four numbers a row. DuckDB spills each step to its
 * temporary folder beyond its memory limit — a grouped list cannot be spilled, so a 50M-ticket
 * table (36M cells) needed about 8 GB of DuckDB's memory that way — and the reader packs each
 * series as it comes, its times rising.
 */
async function sortedSeries(
  connection: DuckConnection,
  run: (sql: string) => ReturnType<DuckConnection['runAndReadAll']>,
  flat: string,
  sink: (series: FlatCountSeries) => void,
  failed: (error: unknown) => Error,
  pace?: () => Promise<void> | undefined,
): Promise<void> {
  const d = dialect('duckdb');
  const keys = SERIES_KEYS.map((k) => d.ident(k));
  try {
    // (a line break before the closing parenthesis: the query may end in a line comment)
    await run(`CREATE OR REPLACE TEMP TABLE parity_cells AS SELECT * FROM (\n${flat.trimEnd()}\n)`);
    await run(`CREATE OR REPLACE TEMP TABLE parity_series AS SELECT CAST(row_number() OVER () - 1 AS INTEGER) AS parity_id, * FROM (SELECT DISTINCT ${keys.join(', ')} FROM parity_cells)`);
    const named = (await run(`SELECT parity_id, ${keys.join(', ')} FROM parity_series ORDER BY parity_id`)).getRows();
    const series = named.map((row) => row.slice(1).map((v) => (v === null ? null : String(v))));
    const on = keys.map((k) => `c.${k} IS NOT DISTINCT FROM s.${k}`).join(' AND ');
    let result: Awaited<ReturnType<typeof connection.stream>>;
    try {
      result = await connection.stream(
        `SELECT s.parity_id, CAST(COALESCE(c.${d.ident('seconds')}, ${NO_SECONDS}) AS DOUBLE), CAST(c.${d.ident('ended')} AS DOUBLE), CAST(c.${d.ident('waiting')} AS DOUBLE) FROM parity_cells c JOIN parity_series s ON ${on} ORDER BY s.parity_id, 2`,
      );
    } catch (error) {
      throw failed(error);
    }
    for (;;) {
      let chunk: Awaited<ReturnType<typeof result.fetchChunk>>;
      try {
        chunk = await result.fetchChunk();
      } catch (error) {
        throw failed(error);
      }
      if (!chunk || chunk.rowCount === 0) break;
      const [id, seconds, ended, waiting] = [0, 1, 2, 3].map((k) => chunk.getColumnVector(k));
      const n = chunk.rowCount;
      for (let from = 0; from < n; ) {
        const current = id!.getItem(from) as number;
        let to = from + 1;
        while (to < n && (id!.getItem(to) as number) === current) to++;
        const take = (v: typeof seconds): Float64Array => {
          const out = new Float64Array(to - from);
          for (let k = from; k < to; k++) out[k - from] = v!.getItem(k) as number;
          return out;
        };
        const key = series[current]!;
        sink({ dimension: key[0] ?? '', group: key[1] ?? null, category: key[2] ?? null, priority: key[3] ?? null, metric: key[4] ?? null, seconds: secondsOrNull(take(seconds)), ended: take(ended), waiting: take(waiting) });
        from = to;
      }
      const wait = pace?.();
      if (wait) await wait;
    }
  } finally {
    await connection.run('DROP TABLE IF EXISTS parity_cells').catch(() => undefined);
    await connection.run('DROP TABLE IF EXISTS parity_series').catch(() => undefined);
  }
}
