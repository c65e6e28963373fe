/**
 * DuckDB in-process, for Parquet files (and CSV with --engine duckdb): the file is read by
 * DuckDB's own readers and only the count table reaches JavaScript, so parity's memory is
 * bounded by the count table, not by the rows. `@duckdb/node-api` is an optional dependency
 * (a native build per platform): it is imported only when a DuckDB source is used, and its
 * absence is a clear message, not a crash.
 */
import { ParityError } from '../../errors.js';
import type { FlatCountRow } from '../../measure/counts.js';
import { dialect } from './dialects.js';
import { toFlatRow, type EngineConnection, type SqlSource } from './connection.js';

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

/** The DuckDB reader of a file: read_parquet for .parquet, read_csv otherwise. */
export function fileQuery(path: string): string {
  const d = dialect('duckdb');
  const reader = /\.parquet$/i.test(path) ? 'read_parquet' : 'read_csv';
  return `SELECT * FROM ${reader}(${d.string(path)})`;
}

export async function connectDuckDB(label: string, timeZone: string): Promise<EngineConnection> {
  const duck = await loadDuckDB();
  const instance = await duck.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const run = async (sql: string) => {
    try {
      return await connection.runAndReadAll(sql);
    } catch (error) {
      throw new ParityError(`DuckDB: ${(error as Error).message.split('\n')[0]}`, { location: { file: label }, hint: 'check the file and the columns mapping' });
    }
  };
  await run(`SET TimeZone = ${dialect('duckdb').string(timeZone)}`);
  const fromSql = (source: SqlSource): string =>
    'table' in source ? source.table.split('.').map((p) => dialect('duckdb').ident(p)).join('.') : `(${source.query}) AS parity_source`;
  return {
    dialect: 'duckdb',
    label,
    async sample(source, n) {
      const reader = await run(`SELECT COLUMNS(*)::VARCHAR FROM ${fromSql(source)} LIMIT ${Math.floor(n)}`);
      const header = reader.columnNames();
      const rows = reader.getRows().map((row) => row.map((v) => (v === null ? null : String(v))));
      return { header, rows };
    },
    async countRows(sql): Promise<FlatCountRow[]> {
      const reader = await run(sql);
      return reader.getRowObjectsJS().map((row) => toFlatRow(row as Record<string, unknown>));
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
