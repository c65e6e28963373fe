// ClickHouse (two servers started by scripts/services.sh, release 18.16 on Debian): each fixture
// split over two shards behind a Distributed table gives the in-process count table. A server
// that cannot be reached fails these tests.
import { beforeAll, describe, expect, test } from 'vitest';
import { connectClickHouse } from '../../src/read/engines/clickhouse.js';
import { countFromEngine } from '../../src/read/engines/count.js';
import type { FlatCountSeries } from '../../src/measure/counts.js';
import { CH_URL, CH2_URL, loadClickHouse, asJudged, referenceCounts, repeatsQuery, REPEATS, settingsFor, withoutNotes, expectScrambledSeries } from './helpers.js';
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
