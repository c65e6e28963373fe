/**
 * Engine tests' helpers: the in-process reference count table of a fixture, and loaders that
 * put a fixture CSV into Postgres and into two ClickHouse shards as typed tables (timestamps
 * as timestamps, counts as numbers, everything else as text), the way a warehouse holds them
 * (or with the column types a test gives, e.g. all text, as a table loaded from a CSV holds them).
 * Servers come from scripts/services.sh; their URLs from PARITY_PG_URL / PARITY_CH_URL /
 * PARITY_CH2_URL (defaults: the ports that script uses), each pointed at a database of the test
 * worker's own by test/helpers/engineDatabases.ts.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { createClient } from '@clickhouse/client';
import type { Config } from '../../src/config/schema.js';
import { resolveSettings, type CommonFlags } from '../../src/commands/options.js';
import { loadDataset } from '../../src/load/dataset.js';
import { countDataset, type ByField, type CountTable } from '../../src/measure/counts.js';
import type { CountSettings } from '../../src/read/engines/count.js';
import { businessWaiting } from '../../src/measure/waitingClock.js';

export const PG_URL = process.env.PARITY_PG_URL ?? 'postgresql://postgres@127.0.0.1:54329/postgres';
export const CH_URL = process.env.PARITY_CH_URL ?? 'http://127.0.0.1:18123';
export const CH2_URL = process.env.PARITY_CH2_URL ?? 'http://127.0.0.1:18124';
/** The ClickHouse database the URLs name (each worker's own: test/helpers/engineDatabases.ts). */
export const CH_DATABASE = process.env.PARITY_CH_DATABASE ?? 'default';

/** Settings of a run, as the CLI resolves them, plus --by. */
export function settingsFor(file: string, config: Config = {}, flags: CommonFlags = {}, by: ByField | null = null): CountSettings & ReturnType<typeof resolveSettings> {
  return { ...resolveSettings([file], flags, config, 'test'), by };
}

/** The in-process count table of a file: the reference. */
export async function referenceCounts(file: string, config: Config = {}, flags: CommonFlags = {}, by: ByField | null = null): Promise<CountTable> {
  const settings = settingsFor(file, config, flags, by);
  const dataset = await loadDataset(settings, { stdin: Readable.from([]) });
  return countDataset(dataset, { bands: settings.bands, by, journeys: settings.loud });
}

/**
 * An engine's count table as the judge reads it: with business-time duration columns its open
 * tickets' ages come back as calendar time (`meta,waitingClock`), converted with the opening
 * hours (measure/waitingClock.ts) before anything is measured. The in-process table is already so.
 */
export function asJudged(table: CountTable, settings: Pick<CountSettings, 'clock'>): CountTable {
  return table.header.waitingClock === 'calendar' && settings.clock.kind === 'business' ? businessWaiting(table, settings.clock) : table;
}

/** A count table without its notes (notes say what a source cannot measure, so they differ). */
export function withoutNotes(table: CountTable): CountTable {
  return { ...table, header: { ...table.header, notes: [] } };
}

export type ColumnType = 'timestamp' | 'integer' | 'double' | 'text';

/** The column type a fixture header stands for. */
export function columnType(header: string): ColumnType {
  if (/_at$/.test(header)) return 'timestamp';
  if (header === 'follower_count') return 'integer';
  if (/_minutes$/.test(header)) return 'double';
  return 'text';
}

export function readFixture(file: string): { header: string[]; rows: string[][] } {
  const records = parse(readFileSync(file, 'utf8'), { relax_column_count: true }) as string[][];
  const [header, ...rows] = records;
  return { header: header as string[], rows };
}

function typed(type: ColumnType, value: string | undefined): string | number | null {
  if (value === undefined) return null;
  if (type === 'text') return value;
  if (value.trim() === '') return null;
  return type === 'timestamp' ? value : Number(value);
}

const PG_TYPES: Record<ColumnType, string> = { timestamp: 'TIMESTAMPTZ', integer: 'BIGINT', double: 'DOUBLE PRECISION', text: 'TEXT' };

/** Creates `table` in Postgres from a fixture, with `rename` applied to column names. */
export async function loadPostgres(table: string, file: string, rename: Record<string, string> = {}, typeOf: (header: string) => ColumnType = columnType): Promise<void> {
  const { header, rows } = readFixture(file);
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const names = header.map((h) => rename[h] ?? h);
    await client.query(`DROP TABLE IF EXISTS ${q(table)}`);
    await client.query(`CREATE TABLE ${q(table)} (${names.map((n, k) => `${q(n)} ${PG_TYPES[typeOf(header[k] as string)]}`).join(', ')})`);
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500);
      const values: unknown[] = [];
      const tuples = batch.map((row) => `(${header.map((h, k) => {
        values.push(typed(typeOf(h), row[k]));
        return `$${values.length}`;
      }).join(', ')})`);
      await client.query(`INSERT INTO ${q(table)} VALUES ${tuples.join(', ')}`, values);
    }
  } finally {
    await client.end();
  }
}

const CH_TYPES: Record<ColumnType, string> = { timestamp: 'Nullable(DateTime)', integer: 'Nullable(Int64)', double: 'Nullable(Float64)', text: 'Nullable(String)' };

/** ISO with Z → `YYYY-MM-DD hh:mm:ss` (the servers run in UTC). */
function clickhouseTime(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value;
  return new Date(value).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Loads a fixture into ClickHouse as two shards: `<table>_local` on each server (rows split
 * alternately) and `<table>`, a Distributed table over both, on the first server.
 */
export async function loadClickHouse(table: string, file: string, typeOf: (header: string) => ColumnType = columnType): Promise<void> {
  const { header, rows } = readFixture(file);
  const clients = [createClient({ url: CH_URL }), createClient({ url: CH2_URL })];
  try {
    const columns = header.map((h) => `\`${h}\` ${CH_TYPES[typeOf(h)]}`).join(', ');
    for (const client of clients) {
      await client.command({ query: `DROP TABLE IF EXISTS ${table}_local` });
      await client.command({ query: `CREATE TABLE ${table}_local (${columns}) ENGINE = Memory` });
    }
    const first = clients[0]!;
    await first.command({ query: `DROP TABLE IF EXISTS ${table}` });
    await first.command({ query: `CREATE TABLE ${table} (${columns}) ENGINE = Distributed(parity_shards, ${CH_DATABASE}, ${table}_local)` });
    for (const [shard, client] of clients.entries()) {
      const values = rows
        .filter((_, i) => i % 2 === shard)
        .map((row) => Object.fromEntries(header.map((h, k) => {
          const type = typeOf(h);
          const v = typed(type, row[k]);
          // (JSON has no NaN: ClickHouse reads a float's NaN from the text "nan")
          return [h, type === 'timestamp' ? clickhouseTime(v) : typeof v === 'number' && Number.isNaN(v) ? 'nan' : v];
        })));
      if (values.length) await client.insert({ table: `${table}_local`, values, format: 'JSONEachRow' });
    }
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}

/**
 * A query over the demo export (`from`: its table, or DuckDB's reader of the file) that repeats
 * every Chat ticket (157 rows of demo.csv, counted with `cut -d, -f3 | sort | uniq -c`) and adds
 * every Portal ticket (243) again as an outbound call, which is rejected and so repeats no used
 * id: 3,450 rows read, 243 rejected (outbound), 3,207 tickets, 157 rows repeating a used id.
 */
export function repeatsQuery(from: string): string {
  const rest = 'created_at, first_response_at, resolved_at, status, priority, category, follower_count, is_public, subject';
  return `SELECT ticket_id, customer_id, channel, ${rest} FROM ${from}\n` +
    `UNION ALL SELECT ticket_id, customer_id, channel, ${rest} FROM ${from} WHERE channel = 'Chat'\n` +
    // filtered in a subquery: ClickHouse's WHERE would see the alias `channel`, not the column
    `UNION ALL SELECT ticket_id, customer_id, 'Outbound call' AS channel, ${rest} FROM (SELECT * FROM ${from} WHERE channel = 'Portal') portal`;
}

/** The header facts repeatsQuery's rows give (see there). */
export const REPEATS = { rowsRead: 3450, rejected: { outbound: 243 }, tickets: 3207, repeatedIds: 157 };

/**
 * The series an engine returned for a flat query of 40,000 cells of one series — n = 0…39,999 at seconds
 * (7919·n) mod 40,000, every second once in scrambled order (7919 is a prime dividing neither 2
 * nor 5), n mod 3 ended and 1 waiting — as the reader must get them: rows of 16,384, 16,384 and
 * 7,232 cells in order, the counts at each second worked out by hand: n = 17,679·s mod 40,000
 * (7919·17,679 = 140,000,001 ≡ 1).
 */
export function expectScrambledSeries(got: ReadonlyArray<{ group: string | null; seconds: ArrayLike<number | null>; ended: ArrayLike<number>; waiting: ArrayLike<number> }>): void {
  expect(got.map((s) => [s.group, s.seconds.length])).toEqual([['email', 16384], ['email', 16384], ['email', 7232]]);
  expect(got.flatMap((s) => Array.from(s.seconds))).toEqual(Array.from({ length: 40000 }, (_, k) => k));
  expect(got.flatMap((s) => Array.from(s.ended))).toEqual(Array.from({ length: 40000 }, (_, s) => ((17679 * s) % 40000) % 3));
  expect(got.flatMap((s) => Array.from(s.waiting))).toEqual(Array.from({ length: 40000 }, () => 1));
}
