/**
 * DuckDB in-process, for Parquet files (and CSV with --engine duckdb): the file is read by
 * DuckDB's own readers and only the count table reaches JavaScript, so parity's memory is
 * bounded by the count table, not by the rows. `@duckdb/node-api` is an optional dependency
 * (a native build per platform): it is imported only when a DuckDB source is used, and its
 * absence is a clear message, not a crash.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParityError, type Location } from '../../errors.js';
import { dialect } from './dialects.js';
import { secondsOrNull, type EngineConnection, type SqlSource } from './connection.js';

type DuckModule = typeof import('@duckdb/node-api');

async function loadDuckDB(): Promise<DuckModule> {
  try {
    return await import('@duckdb/node-api');
  } catch {
    throw new ParityError('reading Parquet (or --engine duckdb) needs DuckDB, which is not installed', {
      hint: 'install it next to parity: npm install @duckdb/node-api',
    });
  }
}

/** Row i of a LIST(DOUBLE) column as a Float64Array (NULL elements as 0; the query writes none). */
function listDoubles(list: InstanceType<DuckModule['DuckDBListVector']>, i: number): Float64Array {
  const offset = list.getEntryOffset(i);
  const n = list.getEntryLength(i);
  const child = list.childVector;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = (child.getItem(offset + k) as number | null) ?? 0;
  return out;
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
 * ids rounded into each other). The count query casts what it measures itself.
 */
export function fileQuery(path: string): string {
  const d = dialect('duckdb');
  return /\.parquet$/i.test(path) ? `SELECT * FROM read_parquet(${d.string(path)})` : `SELECT * FROM read_csv(${d.string(path)}, all_varchar = true)`;
}

/** DuckDB's working memory when not given: enough for 10M tickets (not for 50M: `--duckdb-memory`). */
export const DUCKDB_MEMORY = '1GB';

/**
 * `memory`: DuckDB's working memory inside parity's process (`--duckdb-memory`, default 1GB);
 * beyond it DuckDB spills to a temporary folder where the operation can (a grouped list of a
 * very large table cannot: that is an out-of-memory error naming the option).
 */
export async function connectDuckDB(label: string, timeZone: string, memory = DUCKDB_MEMORY): Promise<EngineConnection> {
  const duck = await loadDuckDB();
  // Row order is never needed (the count table is grouped), and a memory limit with a folder to
  // spill to sends DuckDB's joins and aggregates of a large file to disk instead of growing
  // parity's memory (DuckDB's own default is 80% of the machine's).
  const spill = await mkdtemp(join(tmpdir(), 'parity-duckdb-'));
  const instance = await duck.DuckDBInstance.create(':memory:', { preserve_insertion_order: 'false', temp_directory: spill, memory_limit: memory }).catch(async (error: unknown) => {
    await rm(spill, { recursive: true, force: true });
    throw new ParityError(`DuckDB: ${(error as Error).message.split('\n')[0]}`, { location: { file: label } });
  });
  const connection = await instance.connect();
  const failed = (error: unknown): ParityError => {
    // the first line, and the reason of a CSV error in parity's words: the rest quotes rows of
    // the file (the data's text) and DuckDB's settings (engines/index.ts locatingUtf8 names the
    // line of a byte that is not UTF-8)
    const full = (error as Error).message;
    const reason = csvErrorReason(full);
    const message = `${full.split('\n')[0] ?? ''}${reason ? ` (${reason})` : ''}`;
    const hint = /out of memory/i.test(message)
      ? `DuckDB's working memory (${memory}) was not enough for this file: give it more with --duckdb-memory, e.g. --duckdb-memory 8GB`
      : /CSV Error/.test(message)
        ? 'check the file at that record (DuckDB counts records, not lines, and reads UTF-8 only), or audit it without --engine'
        : 'check the file and the columns mapping';
    return new DuckDBError(`DuckDB: ${message}`, { location: { file: label }, hint }, reason);
  };
  const run = async (sql: string) => {
    try {
      return await connection.runAndReadAll(sql);
    } catch (error) {
      throw failed(error);
    }
  };
  await run(`SET TimeZone = ${dialect('duckdb').string(timeZone)}`);
  const fromSql = (source: SqlSource): string =>
    'table' in source ? source.table.split('.').map((p) => dialect('duckdb').ident(p)).join('.') : `(${source.query}\n) AS parity_source`;
  return {
    dialect: 'duckdb',
    label,
    async sample(source, n) {
      const reader = await run(`SELECT COLUMNS(*)::VARCHAR FROM ${fromSql(source)} LIMIT ${Math.floor(n)}`);
      const header = reader.columnNames();
      const rows = reader.getRows().map((row) => row.map((v) => (v === null ? null : String(v))));
      return { header, rows };
    },
    async countSeries(sql, sink) {
      // Chunk by chunk; the arrays are copied straight out of DuckDB's list vectors.
      let result: Awaited<ReturnType<typeof connection.stream>>;
      try {
        result = await connection.stream(sql);
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
        const text = [0, 1, 2, 3, 4].map((k) => chunk.getColumnVector(k));
        const lists = [5, 6, 7].map((k) => chunk.getColumnVector(k) as InstanceType<DuckModule['DuckDBListVector']>);
        for (let i = 0; i < chunk.rowCount; i++) {
          const [seconds, ended, waiting] = lists.map((list) => listDoubles(list, i)) as [Float64Array, Float64Array, Float64Array];
          const str = (k: number): string | null => {
            const v = text[k]!.getItem(i);
            return v === null ? null : String(v);
          };
          sink({ dimension: str(0) ?? '', group: str(1), category: str(2), priority: str(3), metric: str(4), seconds: secondsOrNull(seconds), ended, waiting });
        }
      }
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      await rm(spill, { recursive: true, force: true });
    },
  };
}
