/**
 * Which engine reads the tickets: the in-process path (files), DuckDB (Parquet files, or any
 * file with --engine duckdb), Postgres or ClickHouse (--db URL with --table or --query, or the
 * config's `source`). Decided once from flags and config; connections are opened here.
 */
import { statSync } from 'node:fs';
import { ParityError } from '../../errors.js';
import { Readable } from 'node:stream';
import { fileHead, firstInvalidUtf8Line, openCsv, sniffEncoding, zeroPattern } from '../source.js';
import { isOle2, isZip } from '../xlsx.js';
import { closeRecords } from '../record.js';
import { reportingProgress, type CountingProgress, type EngineConnection, type SqlSource } from './connection.js';
import { connectDuckDB, DuckDBError, fileQuery, NOT_UTF8_REASON } from './duckdb.js';
import { connectDuckDBAside } from './duckdbProcess.js';
import type { WorkerUse } from '../../threads.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { aboveHeaderNote, openMapped } from '../../formats/open.js';
import type { MappingSettings } from '../../settings.js';

export { databaseKind, resolveSource, type EngineSource, type SourceFlags } from './choose.js';
import type { EngineSource } from './choose.js';

/**
 * Several files read by DuckDB are one table (UNION ALL BY NAME), mapped once from the first
 * file's columns: files with other columns would be read under a mapping made for another
 * header (a missing first-response column read as never answered). Refused, naming the columns.
 */
async function sameColumns(connection: EngineConnection, files: readonly string[], queries: readonly string[]): Promise<void> {
  if (files.length < 2) return;
  const first = new Set((await connection.sample({ query: queries[0] as string }, 1)).header);
  for (let k = 1; k < files.length; k++) {
    const header = (await connection.sample({ query: queries[k] as string }, 1)).header;
    const missing = [...first].filter((c) => !header.includes(c));
    const extra = header.filter((c) => !first.has(c));
    if (missing.length || extra.length) {
      const say = (names: string[]) => names.map((n) => JSON.stringify(n)).join(', ');
      throw new ParityError(`--engine duckdb reads the files as one table, but ${files[k]} has other columns than ${files[0]}${missing.length ? `: no ${say(missing)}` : ''}${extra.length ? `${missing.length ? ';' : ':'} ${say(extra)} besides` : ''}`, {
        location: { file: files[k] as string },
        hint: 'audit them without --engine (each file is mapped from its own header), or give the files the same columns',
      });
    }
  }
}

/**
 * DuckDB guesses a CSV file's layout from its first rows: a row near the top with more fields
 * than the header (a trailing comma, which parity reads as an empty last field), or with fewer,
 * can make it read each line as one column, or the header as data. The audit then said the file
 * had no ticket id or channel column and asked for a mapping. A CSV file whose header parity
 * reads with another number of columns than DuckDB found is refused saying so, and what to do.
 * (The count of columns, not their names: DuckDB renames a repeated or empty name.)
 */
async function headerAsWritten(connection: EngineConnection, files: readonly string[], queries: readonly string[], heads: ReadonlyArray<CsvHead | null>): Promise<void> {
  for (const [k, file] of files.entries()) {
    if (/\.parquet$/i.test(file)) continue;
    let header = heads[k]?.header;
    if (header === undefined) {
      const source = await openCsv(file, Readable.from([]));
      await closeRecords(source.records);
      header = source.header;
    }
    const found = (await connection.sample({ query: queries[k] as string }, 1)).header;
    if (found.length === header.length) continue;
    const say = (names: readonly string[]): string => `${names.length} column${names.length === 1 ? '' : 's'} (${names.slice(0, 6).map((n) => JSON.stringify(n)).join(', ')}${names.length > 6 ? ', …' : ''})`;
    throw new ParityError(`DuckDB's CSV reader found ${say(found)} in this file, but its header line names ${say(header)}: a row near the top with more or fewer fields than the header throws its guess of the layout off`, {
      location: { file, line: 1 },
      hint: 'audit it without --engine: parity reads the file itself, an empty last field after a trailing comma included, and rejects a ragged row with its line',
    });
  }
}

/**
 * DuckDB's CSV reader reads UTF-8 only; parity reads UTF-16 and Windows-1252 itself (read/
 * source.ts sniffEncoding). A text file whose head is not UTF-8 is refused before DuckDB fails
 * on it with its own message (a non-UTF-8 byte further in still reaches DuckDB's).
 */
/**
 * DuckDB reads `*`, `?` and `[` in a path as a pattern (other files matched too, the output
 * among them), and a URL (`http://`, `s3://`) as something to download, installing an extension
 * from the network to do it. parity gives DuckDB only a file that is there, named as it is:
 * anything else is refused before DuckDB sees it.
 */
export function requireLocalFile(file: string): void {
  if (/[*?[]/.test(file)) {
    throw new ParityError('DuckDB would read "*", "?" and "[" in this path as a pattern, and read other files too', {
      location: { file },
      hint: /\.parquet$/i.test(file) ? 'rename the file' : 'rename the file, or audit it without --engine (parity reads it)',
    });
  }
  let directory: boolean;
  try {
    directory = statSync(file).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ParityError(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read it (${code ?? 'unreadable'})`, {
      location: { file },
      hint: 'check the path (DuckDB reads local files only, not URLs)',
    });
  }
  if (directory) throw new ParityError('a folder, not a file', { location: { file }, hint: 'name the files in it' });
}

async function requireUtf8(file: string): Promise<void> {
  if (/\.parquet$/i.test(file)) return;
  const head = await fileHead(file, 64 * 1024);
  if (head === null) return; // not readable here: DuckDB says why, naming the file
  if (head[0] === 0x1f && head[1] === 0x8b) return; // gzip: DuckDB decompresses it itself
  notCsvForDuckDB(file, head);
  // a multi-byte character cut at the end of the head is not an error (sniffEncoding streams)
  // UTF-16 and UTF-32 without a byte-order mark are valid UTF-8 byte by byte: told by their NULs
  const zeros = zeroPattern(head);
  if (zeros === 'utf-32') throw notUtf8(file, null, 'UTF-32');
  if (zeros === 'utf-16be' || (head[0] === 0xfe && head[1] === 0xff)) throw notUtf8(file, null, 'UTF-16 big-endian');
  const encoding = sniffEncoding(head);
  if (encoding === 'utf-8') return;
  throw notUtf8(file, null, encoding === 'utf-16le' ? 'UTF-16' : 'not UTF-8 (Windows-1252, as Excel writes "CSV" on Western Windows)');
}

/**
 * A file DuckDB would read as CSV that is none: an Excel workbook (it was called "not UTF-8"), a
 * JSON export (read as CSV, its fragments listed as columns), or a CSV whose lines end in a bare
 * carriage return (DuckDB's sniffer fails on it). parity reads all three itself.
 */
function notCsvForDuckDB(file: string, head: Buffer): void {
  const without = (what: string): ParityError =>
    new ParityError(`${what}: --engine duckdb reads CSV and Parquet files only`, { location: { file }, hint: 'audit it without --engine: parity reads it itself' });
  if (isZip(head) || isOle2(head) || /\.xlsx?$/i.test(file)) throw without('an Excel workbook');
  const text = head.toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) throw without('a JSON export');
  if (head.includes(0x0d) && !head.includes(0x0a)) throw without('lines that end in a bare carriage return (an old Mac text file)');
}

function notUtf8(file: string, line: number | null, what: string): ParityError {
  return new ParityError(`${line === null ? `${file} is ` : 'this line holds '}${what}: DuckDB reads UTF-8 only`, {
    location: line === null ? { file } : { file, line },
    hint: 'audit it without --engine (parity reads it), or save it as "CSV UTF-8"',
  });
}

/**
 * A file that starts as UTF-8 (requireUtf8 looks at its first 64 KiB) may hold other bytes
 * further on: DuckDB stops there with an input error, counting records rather than lines, and
 * its message quotes a neighbouring row. When DuckDB's reason is that (duckdb.ts
 * csvErrorReason: its last reason, after any quoted row) the CSV files are looked through for
 * such a byte, and the error names the file and its line when there is one; otherwise DuckDB's
 * error stands (gzip files, or bytes parity does not find).
 */
async function locateUtf8(error: unknown, files: readonly string[]): Promise<never> {
  if (!(error instanceof DuckDBError) || error.reason !== NOT_UTF8_REASON) throw error;
  for (const file of files) {
    if (/\.parquet$/i.test(file)) continue; // read by DuckDB's Parquet reader, not as text
    const head = await fileHead(file, 2);
    if (head === null || (head[0] === 0x1f && head[1] === 0x8b)) continue; // gzip: DuckDB's message stands
    const line = await firstInvalidUtf8Line(file);
    if (line !== null) throw notUtf8(file, line, 'bytes that are not UTF-8 (from a file saved as Windows-1252, as Excel writes "CSV" on Western Windows, or joined from files in two encodings)');
  }
  throw error;
}

/** The connection with its queries' errors through {@link locateUtf8}. */
function locatingUtf8(connection: EngineConnection, files: readonly string[]): EngineConnection {
  const locate = (error: unknown): Promise<never> => locateUtf8(error, files);
  return {
    ...connection,
    sample: (source, n) => connection.sample(source, n).catch(locate),
    countSeries: (sql, sink) => connection.countSeries(sql, sink).catch(locate),
  };
}

/**
 * Opens the connection of a database or DuckDB source, with the SQL source to query; with
 * `progress`, each count query on it reports there (a progress line).
 */
export async function openEngine(source: Exclude<EngineSource, { kind: 'files' }>, timeZone: string, options: EngineOptions = {}): Promise<{ connection: EngineConnection; source: SqlSource; notes: string[] }> {
  const { progress, workers = 'auto', maxRecordBytes = DEFAULT_LIMITS.maxRecordBytes, mapping = null } = options;
  const opened = await openSource(source, timeZone, workers, maxRecordBytes, mapping);
  return progress ? { ...opened, connection: reportingProgress(opened.connection, progress) } : opened;
}

/** How openEngine opens a source (each optional). */
export interface EngineOptions {
  /** Where each count query reports how long it has run (a progress line). */
  progress?: CountingProgress | undefined;
  workers?: WorkerUse | undefined;
  /** The longest CSV record DuckDB is to read (settings.limits.maxRecordBytes: the bound of parity's own reader). */
  maxRecordBytes?: number;
  /**
   * The column mapping (settings.mapping): with it, a CSV file's header is found by parity's own
   * reader first, title lines above it passed over as a file audit passes them (formats/open.ts),
   * and DuckDB reads from that header on.
   */
  mapping?: MappingSettings | null;
}

/** Where parity's own reader found a CSV file's header, what it names, and the note on title lines passed over (null: none). */
interface CsvHead {
  headerLine: number;
  header: readonly string[];
  note: string | null;
}

/** A CSV file's head as a file audit reads it (formats/open.ts openMapped); null for Parquet. */
async function csvHead(file: string, mapping: MappingSettings, timeZone: string, maxRecordBytes: number): Promise<CsvHead | null> {
  if (/\.parquet$/i.test(file)) return null;
  const opened = await openMapped(file, mapping, timeZone, Readable.from([]), { ...DEFAULT_LIMITS, maxRecordBytes });
  await closeRecords(opened.records);
  return { headerLine: opened.headerLine ?? 1, header: opened.mapping.header, note: aboveHeaderNote(opened) };
}

async function openSource(source: Exclude<EngineSource, { kind: 'files' }>, timeZone: string, workers: WorkerUse, maxRecordBytes: number, mapping: MappingSettings | null): Promise<{ connection: EngineConnection; source: SqlSource; notes: string[] }> {
  if (source.kind === 'duckdb') {
    for (const file of source.files) requireLocalFile(file);
    for (const file of source.files) await requireUtf8(file);
    const heads: Array<CsvHead | null> = [];
    for (const file of source.files) heads.push(mapping ? await csvHead(file, mapping, timeZone, maxRecordBytes) : null);
    // DuckDB in a process of its own (duckdbProcess.ts), unless PARITY_WORKERS=never
    const label = source.files.join(', ');
    const connection = workers === 'never' ? await connectDuckDB(label, timeZone, source.memory) : await connectDuckDBAside(label, timeZone, source.memory);
    const queries = source.files.map((f, k) => fileQuery(f, maxRecordBytes, heads[k]?.headerLine ?? 1));
    try {
      await sameColumns(connection, source.files, queries).catch((error: unknown) => locateUtf8(error, source.files));
      await headerAsWritten(connection, source.files, queries, heads).catch((error: unknown) => locateUtf8(error, source.files));
    } catch (error) {
      await connection.close();
      throw error;
    }
    const notes = heads.flatMap((h) => (h?.note ? [h.note] : []));
    return { connection: locatingUtf8(connection, source.files), source: { query: queries.join(' UNION ALL BY NAME ') }, notes };
  }
  if (source.kind === 'postgres') {
    const { connectPostgres } = await import('./postgres.js');
    return { connection: await connectPostgres(source.url, timeZone), source: source.source, notes: [] };
  }
  if (source.kind === 'clickhouse') {
    const { connectClickHouse } = await import('./clickhouse.js');
    return { connection: await connectClickHouse(source.url), source: source.source, notes: [] };
  }
  throw new ParityError('unknown source');
}
