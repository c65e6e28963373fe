/**
 * The live warehouse test's path, for any engine that runs SQL (live.test.ts runs it on BigQuery,
 * Snowflake and Databricks; test/engines/warehouseFlow.test.ts on DuckDB, so that the path itself
 * is checked where CI runs): the demo export loaded into a typed table, the query `parity sql`
 * prints run there, its result saved as CSV and audited with `parity audit --counts`; returns that
 * audit and the in-process audit of the file, to be compared (test/helpers/exactness.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Config } from '../../src/config/schema.js';
import { resolveSettings } from '../../src/commands/options.js';
import { loadDataset } from '../../src/load/dataset.js';
import { auditCounted, auditDataset } from '../../src/pipeline.js';
import type { Report } from '../../src/report.js';
import { dialect } from '../../src/read/engines/dialects.js';
import { runParity } from '../helpers/exec.js';
import { columnType, readFixture, type ColumnType } from '../engines/helpers.js';
import type { WarehouseClient } from './clients.js';

/** An engine the path runs on: the three warehouses, or DuckDB standing in for them in CI. */
export type FlowDialect = 'bigquery' | 'snowflake' | 'databricks' | 'duckdb';

const FIXTURE = 'fixtures/demo.csv';
/** Every column of the demo export mapped (the printed query maps only what the config names). */
const CONFIG: Config = {
  columns: {
    ticketId: 'ticket_id',
    customerId: 'customer_id',
    channel: 'channel',
    createdAt: 'created_at',
    firstResponseAt: 'first_response_at',
    resolvedAt: 'resolved_at',
    status: 'status',
    priority: 'priority',
    category: 'category',
    followers: 'follower_count',
    isPublic: 'is_public',
    subject: 'subject',
  },
};

const TYPES: Record<FlowDialect, Record<ColumnType, string>> = {
  bigquery: { timestamp: 'TIMESTAMP', integer: 'INT64', double: 'FLOAT64', text: 'STRING' },
  snowflake: { timestamp: 'TIMESTAMP_TZ', integer: 'NUMBER(38,0)', double: 'DOUBLE', text: 'TEXT' },
  databricks: { timestamp: 'TIMESTAMP', integer: 'BIGINT', double: 'DOUBLE', text: 'STRING' },
  duckdb: { timestamp: 'TIMESTAMPTZ', integer: 'BIGINT', double: 'DOUBLE', text: 'VARCHAR' },
};

/** A fixture cell as a literal of the warehouse's SQL (blank time or number = NULL; text as it is). */
function literal(warehouse: FlowDialect, type: ColumnType, value: string | undefined): string {
  if (value === undefined) return 'NULL';
  if (type === 'text') return dialect(warehouse).string(value);
  if (value.trim() === '') return 'NULL';
  if (type !== 'timestamp') return String(Number(value));
  const iso = new Date(value).toISOString(); // the fixture's times are ISO with Z: UTC
  // (an explicit format: an account's TIMESTAMP_INPUT_FORMAT may not be AUTO)
  if (warehouse === 'snowflake') return `TO_TIMESTAMP_TZ(${dialect(warehouse).string(`${iso.slice(0, 10)} ${iso.slice(11, 23)} +00:00`)}, 'YYYY-MM-DD HH24:MI:SS.FF3 TZH:TZM')`;
  return `CAST(${dialect(warehouse).string(iso)} AS ${TYPES[warehouse].timestamp})`;
}

async function loadTable(warehouse: FlowDialect, db: WarehouseClient, table: string): Promise<void> {
  const { header, rows } = readFixture(FIXTURE);
  const d = dialect(warehouse);
  await db.run(`CREATE TABLE ${table} (${header.map((h) => `${d.ident(h)} ${TYPES[warehouse][columnType(h)]}`).join(', ')})`);
  for (let start = 0; start < rows.length; start += 500) {
    const tuples = rows.slice(start, start + 500).map((row) => `(${header.map((h, k) => literal(warehouse, columnType(h), row[k])).join(', ')})`);
    await db.run(`INSERT INTO ${table} (${header.map((h) => d.ident(h)).join(', ')}) VALUES ${tuples.join(',\n')}`);
  }
}

/**
 * Runs the path on `db` (a table of its own, dropped at the end) and returns both audits: from the
 * warehouse's count table, and in-process from the file.
 */
export async function throughWarehouse(warehouse: FlowDialect, db: WarehouseClient): Promise<{ fromWarehouse: Report; reference: Report; rows: number }> {
  const table = db.tableName(`parity_live_${process.pid}_${Date.now()}`);
  let dir: string | null = null;
  try {
    await loadTable(warehouse, db, table.sql);
    dir = mkdtempSync(join(tmpdir(), 'parity-warehouse-'));
    writeFileSync(join(dir, 'parity.config.json'), JSON.stringify(CONFIG));
    const printed = await runParity(['sql', '--dialect', warehouse, '--table', table.plain, '-o', 'count.sql'], { cwd: dir });
    if (printed.code !== 0) throw new Error(`parity sql: ${printed.stderr}`);
    const result = await db.run(readFileSync(join(dir, 'count.sql'), 'utf8'));
    const columns = result.columns.map((c) => c.toLowerCase());
    if (columns.join() !== 'dimension,group,category,priority,metric,seconds,ended,waiting') throw new Error(`the count query returned the columns ${columns.join(', ')}`);
    const counts = join(dir, 'counts.csv');
    writeFileSync(counts, stringify([columns, ...result.rows.map((r) => r.map((v) => v ?? ''))]));
    const settings = resolveSettings([FIXTURE], {}, CONFIG, 'test');
    const reference = auditDataset(await loadDataset(settings, { stdin: Readable.from([]) }), settings, null, { perTicket: false });
    const fromWarehouse = await auditCounted({ kind: 'counts', file: counts }, settings, { stdin: Readable.from([]) });
    return { fromWarehouse, reference, rows: result.rows.length };
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${table.sql}`).catch(() => undefined);
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
  }
}
