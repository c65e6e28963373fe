// ClickHouse (two servers started by scripts/services.sh, release 18.16 on Debian): each fixture
// split over two shards behind a Distributed table gives the in-process count table. A server
// that cannot be reached fails these tests.
import { beforeAll, describe, expect, test } from 'vitest';
import { connectClickHouse } from '../../src/read/engines/clickhouse.js';
import { countFromEngine } from '../../src/read/engines/count.js';
import { CH_URL, CH2_URL, loadClickHouse, asJudged, referenceCounts, repeatsQuery, REPEATS, settingsFor, withoutNotes } from './helpers.js';
import { SCENARIOS } from './scenarios.js';

beforeAll(async () => {
  for (const table of new Set(SCENARIOS.filter((s) => s.clickhouse !== false).map((s) => s.table))) {
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
  for (const s of SCENARIOS.filter((x) => x.clickhouse !== false)) {
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
