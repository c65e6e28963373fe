// ClickHouse (two servers started by scripts/services.sh, release 18.16 on Debian): each fixture
// split over two shards behind a Distributed table gives the in-process count table. A server
// that cannot be reached fails these tests.
import { beforeAll, describe, expect, test } from 'vitest';
import { connectClickHouse } from '../../src/read/engines/clickhouse.js';
import { countFromEngine } from '../../src/read/engines/count.js';
import type { FlatCountSeries } from '../../src/measure/counts.js';
import { CH_URL, CH2_URL, CH_DATABASE, loadClickHouse, asJudged, referenceCounts, repeatsQuery, REPEATS, settingsFor, withoutNotes, expectScrambledSeries } from './helpers.js';
import { SCENARIOS } from './scenarios.js';

beforeAll(async () => {
  for (const table of new Set(SCENARIOS.map((s) => s.table))) {
    await loadClickHouse(table, SCENARIOS.find((s) => s.table === table)!.file);
  }
});

async function chCounts(url: string, table: string | { query: string }, settings: ReturnType<typeof settingsFor>) {
  const connection = await connectClickHouse(url);
  try {
    return await countFromEngine(connection, typeof table === 'string' ? { table } : table, settings);
  } finally {
    await connection.close();
  }
}

describe('ClickHouse Distributed table over two shards equals the in-process count table', () => {
  for (const s of SCENARIOS) {
    test(s.name, async () => {
      const reference = await referenceCounts(s.file, s.config, s.flags, s.by ?? null);
      const settings = settingsFor(s.file, s.config, s.flags, s.by ?? null);
      const { counts } = await chCounts(CH_URL, s.table, settings);
      expect(withoutNotes(asJudged(counts, settings))).toEqual(withoutNotes(reference));
    });
  }

  test('each shard holds part of the tickets, the Distributed table all of them', async () => {
    const settings = settingsFor('fixtures/demo.csv');
    const [one, two] = [await chCounts(CH_URL, 'demo_local', settings), await chCounts(CH2_URL, 'demo_local', settings)];
    // demo.csv has 3050 tickets, split alternately: 1525 on each shard
    expect([one.counts.header.tickets, two.counts.header.tickets]).toEqual([1525, 1525]);
    expect((await chCounts(CH_URL, 'demo', settings)).counts.header.tickets).toBe(3050);
  });

  test('rows that repeat a used ticket id are counted, and how many there are is said (an id repeated across the shards too)', async () => {
    const { counts } = await chCounts(CH_URL, { query: repeatsQuery('demo') }, settingsFor('fixtures/demo.csv'));
    const h = counts.header;
    expect({ rowsRead: h.rowsRead, rejected: h.rejected, tickets: h.tickets, repeatedIds: h.repeatedIds }).toEqual(REPEATS);
  });
});

describe('ClickHouse counts in one scan (oneScan.ts): the header sums are rows even when no row adds to them', () => {
  test('every row rejected: rows and rejections counted, tickets and measured 0, no creation times', async () => {
    // the demo's Chat rows (157, counted in the file) with no creation time: each is missing-created
    const rest = 'first_response_at, resolved_at, status, priority, category, follower_count, is_public, subject';
    const query = `SELECT ticket_id, customer_id, channel, CAST(NULL AS Nullable(DateTime)) AS created_at, ${rest} FROM (SELECT * FROM demo WHERE channel = 'Chat') chat`;
    const { counts } = await chCounts(CH_URL, { query }, settingsFor('fixtures/demo.csv'));
    const h = counts.header;
    expect({ rowsRead: h.rowsRead, rejected: h.rejected, tickets: h.tickets, measured: h.measured, negative: h.negative, createdFrom: h.createdFrom, createdTo: h.createdTo }).toEqual({
      rowsRead: 157,
      rejected: { 'missing-created': 157 },
      tickets: 0,
      measured: { firstResponse: 0, resolution: 0 },
      negative: { firstResponse: 0, resolution: 0 },
      createdFrom: null,
      createdTo: null,
    });
  });
});

describe('ClickHouse returns each series sorted by seconds, in rows of at most 16,384 cells', () => {
  test('the three arrays by the same key, and the rows of one series in order', async () => {
    // 40,000 cells: n = 0…39,999 at seconds (7919·n) mod 40,000 — every second once, in scrambled
    // order — with n mod 3 ended and 1 waiting (expectScrambledSeries: the counts by hand)
    const flat = "SELECT 'channel' AS `dimension`, 'email' AS `group`, CAST(NULL AS Nullable(String)) AS `category`, CAST(NULL AS Nullable(String)) AS `priority`, 'firstResponse' AS `metric`, toFloat64((number * 7919) % 40000) AS `seconds`, toFloat64(number % 3) AS `ended`, toFloat64(1) AS `waiting` FROM system.numbers LIMIT 40000";
    const connection = await connectClickHouse(CH_URL);
    const got: FlatCountSeries[] = [];
    try {
      await connection.countSeries(flat, (series) => got.push(series));
    } finally {
      await connection.close();
    }
    expectScrambledSeries(got);
  });
});

describe('the query parity sql prints for ClickHouse runs in clickhouse-client as printed, and --counts reads its CSV (found by an independent attack)', () => {
  test('the SET statements above it let the long query through; \\N, its NULL in CSV, reads as empty', async () => {
    // T1 phone created 09:00, answered 10:00: 3,600 s; T2 email not answered, waiting to the
    // as-of time, the latest timestamp (10:00): 3,600 s waiting
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { createClient } = await import('@clickhouse/client');
    const { runParity } = await import('../helpers/exec.js');
    const client = createClient({ url: CH_URL });
    try {
      await client.command({ query: 'DROP TABLE IF EXISTS printed_sql' });
      await client.command({ query: 'CREATE TABLE printed_sql (ticket_id String, channel String, created_at DateTime, first_response_at Nullable(DateTime)) ENGINE = Memory' });
      await client.insert({ table: 'printed_sql', values: [{ ticket_id: 'T1', channel: 'phone', created_at: '2026-10-01 09:00:00', first_response_at: '2026-10-01 10:00:00' }, { ticket_id: 'T2', channel: 'email', created_at: '2026-10-01 09:00:00', first_response_at: null }], format: 'JSONEachRow' });
    } finally {
      await client.close();
    }
    const dir = mkdtempSync(join(tmpdir(), 'parity-ch-sql-'));
    writeFileSync(join(dir, 'parity.config.json'), JSON.stringify({ columns: { ticketId: 'ticket_id', channel: 'channel', createdAt: 'created_at', firstResponseAt: 'first_response_at' } }));
    const printed = await runParity(['sql', '--dialect', 'clickhouse', '--table', 'printed_sql'], { cwd: dir });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('SET max_query_size = 16777216;\nSET max_ast_elements = 10000000;\nSET max_expanded_ast_elements = 10000000;\n');
    // the first server's native port (scripts/services.sh prints it; 19000 by default)
    const port = process.env.PARITY_CH_TCP_PORT ?? '19000';
    const csv = execFileSync('clickhouse-client', ['--port', port, '--database', CH_DATABASE, '--multiquery', '--format', 'CSVWithNames'], { input: printed.stdout, encoding: 'utf8' });
    expect(csv).toContain('\\N');
    writeFileSync(join(dir, 'counts.csv'), csv);
    const audited = await runParity(['audit', '--counts', 'counts.csv', '--format', 'json'], { cwd: dir });
    expect(audited.code, audited.stderr).toBe(0);
    const report = JSON.parse(audited.stdout);
    expect(report.channels.map((c: any) => [c.channel, c.tickets, c.answered, c.firstResponse.median, c.firstResponse.bound])).toEqual([
      ['phone', 1, 1, 3600, null],
      ['email', 1, 0, 3600, 'lower'],
    ]);
  });
});

describe('parity sql --text-columns: a table of String columns (a CSV loaded as it is) runs in clickhouse-client (found by an independent attack)', () => {
  test('without it the typed query stops on the String times; with it the same counts as the typed table', async () => {
    // T1 phone created 09:00, answered 10:00 (3,600 s); T2 email with a blank answer time and a
    // padded creation time: waiting to the as-of time, 10:00 (3,600 s)
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { createClient } = await import('@clickhouse/client');
    const { runParity } = await import('../helpers/exec.js');
    const client = createClient({ url: CH_URL });
    try {
      await client.command({ query: 'DROP TABLE IF EXISTS printed_text_sql' });
      await client.command({ query: 'CREATE TABLE printed_text_sql (ticket_id String, channel String, created_at String, first_response_at String) ENGINE = Memory' });
      await client.insert({ table: 'printed_text_sql', values: [{ ticket_id: 'T1', channel: 'phone', created_at: '2026-10-01T09:00:00Z', first_response_at: '2026-10-01T10:00:00Z' }, { ticket_id: 'T2', channel: 'email', created_at: ' 2026-10-01T09:00:00Z ', first_response_at: '' }], format: 'JSONEachRow' });
    } finally {
      await client.close();
    }
    const dir = mkdtempSync(join(tmpdir(), 'parity-ch-text-sql-'));
    writeFileSync(join(dir, 'parity.config.json'), JSON.stringify({ columns: { ticketId: 'ticket_id', channel: 'channel', createdAt: 'created_at', firstResponseAt: 'first_response_at' } }));
    const port = process.env.PARITY_CH_TCP_PORT ?? '19000';
    const runInClient = (sql: string): string => execFileSync('clickhouse-client', ['--port', port, '--database', CH_DATABASE, '--multiquery', '--format', 'CSVWithNames'], { input: sql, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    const typed = await runParity(['sql', '--dialect', 'clickhouse', '--table', 'printed_text_sql'], { cwd: dir });
    expect(typed.stdout).toContain('for a table of text columns (a CSV loaded as it is) use --text-columns');
    expect(() => runInClient(typed.stdout)).toThrow();
    const printed = await runParity(['sql', '--dialect', 'clickhouse', '--table', 'printed_text_sql', '--text-columns'], { cwd: dir });
    expect(printed.code).toBe(0);
    writeFileSync(join(dir, 'counts.csv'), runInClient(printed.stdout));
    const audited = await runParity(['audit', '--counts', 'counts.csv', '--format', 'json'], { cwd: dir });
    expect(audited.code, audited.stderr).toBe(0);
    const report = JSON.parse(audited.stdout);
    expect(report.channels.map((c: any) => [c.channel, c.tickets, c.answered, c.firstResponse.median, c.firstResponse.bound])).toEqual([
      ['phone', 1, 1, 3600, null],
      ['email', 1, 0, 3600, 'lower'],
    ]);
  });
});
