// Postgres (started by scripts/services.sh): each fixture loaded as a typed table gives the
// in-process count table. A server that cannot be reached fails these tests.
import { beforeAll, describe, expect, test } from 'vitest';
import { connectPostgres } from '../../src/read/engines/postgres.js';
import { countFromEngine } from '../../src/read/engines/count.js';
import type { FlatCountSeries } from '../../src/measure/counts.js';
import type { SqlSource } from '../../src/read/engines/connection.js';
import { loadPostgres, PG_URL, asJudged, referenceCounts, repeatsQuery, REPEATS, settingsFor, withoutNotes, expectScrambledSeries } from './helpers.js';
import { SCENARIOS } from './scenarios.js';

const HOSTILE_TABLE = `tick"ets; DROP TABLE demo; --`;

beforeAll(async () => {
  for (const table of new Set(SCENARIOS.map((s) => s.table))) {
    await loadPostgres(table, SCENARIOS.find((s) => s.table === table)!.file);
  }
  await loadPostgres(HOSTILE_TABLE, 'fixtures/engines/mixed.csv', { channel: `ch'an"nel`, ticket_id: 'id\\x' });
});

async function pgCounts(source: SqlSource, settings: ReturnType<typeof settingsFor>) {
  const connection = await connectPostgres(PG_URL, settings.timeZone);
  try {
    return await countFromEngine(connection, source, settings);
  } finally {
    await connection.close();
  }
}

describe('Postgres count table equals the in-process one', () => {
  for (const s of SCENARIOS) {
    test(s.name, async () => {
      const reference = await referenceCounts(s.file, s.config, s.flags, s.by ?? null);
      const settings = settingsFor(s.file, s.config, s.flags, s.by ?? null);
      const { counts } = await pgCounts({ table: s.table }, settings);
      expect(withoutNotes(asJudged(counts, settings))).toEqual(withoutNotes(reference));
    });
  }

  test('--query instead of --table', async () => {
    const reference = await referenceCounts('fixtures/demo.csv');
    const { counts } = await pgCounts({ query: 'SELECT * FROM demo WHERE ticket_id IS NOT NULL;' }, settingsFor('fixtures/demo.csv'));
    expect(withoutNotes(counts)).toEqual(withoutNotes(reference));
  });

  test('rows that repeat a used ticket id are counted, and how many there are is said', async () => {
    const { counts } = await pgCounts({ query: repeatsQuery('demo') }, settingsFor('fixtures/demo.csv'));
    const h = counts.header;
    expect({ rowsRead: h.rowsRead, rejected: h.rejected, tickets: h.tickets, repeatedIds: h.repeatedIds }).toEqual(REPEATS);
  });

  test('a hostile table name and column names stay names', async () => {
    const reference = await referenceCounts('fixtures/engines/mixed.csv', {}, {}, 'group');
    const config = { columns: { channel: `ch'an"nel`, ticketId: 'id\\x' } };
    const { counts } = await pgCounts({ table: HOSTILE_TABLE }, settingsFor('fixtures/engines/mixed.csv', config, {}, 'group'));
    expect(withoutNotes(counts)).toEqual(withoutNotes(reference));
  });
});

describe('Postgres returns each series sorted by seconds, in rows of at most 16,384 cells', () => {
  test('the three arrays by the same key, and the rows of one series in order', async () => {
    // 40,000 cells: n = 0…39,999 at seconds (7919·n) mod 40,000 — every second once, in scrambled
    // order — with n mod 3 ended and 1 waiting
    const flat = `SELECT 'channel' AS "dimension", 'email' AS "group", CAST(NULL AS text) AS "category", CAST(NULL AS text) AS "priority", 'firstResponse' AS "metric", CAST((n * 7919) % 40000 AS double precision) AS "seconds", CAST(n % 3 AS double precision) AS "ended", CAST(1 AS double precision) AS "waiting" FROM generate_series(0, 39999) AS n`;
    const connection = await connectPostgres(PG_URL, 'UTC');
    const got: FlatCountSeries[] = [];
    try {
      await connection.countSeries(flat, (series) => got.push(series));
    } finally {
      await connection.close();
    }
    expectScrambledSeries(got);
  });
});

describe('an interval column is refused with the fix, not cast as a timestamp (found by an independent attack)', () => {
  // Before: "cannot cast type interval to timestamp with time zone", with a hint at the mapping,
  // or "[object Object]" quoted as the sampled value
  const rows = `VALUES ('1', 'phone', TIMESTAMPTZ '2026-10-01 09:00Z', INTERVAL '1 hour'), ('2', 'email', TIMESTAMPTZ '2026-10-01 09:00Z', INTERVAL '30 minutes')`;
  const query = `SELECT * FROM (${rows}) AS t (ticket_id, channel, created_at, first_response_time)`;

  test('named with its type and the query that reads its seconds', async () => {
    const failure = await pgCounts({ query }, settingsFor('fixtures/small.csv')).then(
      () => null,
      (error: Error & { hint?: string }) => ({ message: error.message, hint: error.hint }),
    );
    expect(failure?.message).toBe('column "first_response_time" (mapped as firstResponseTime) is of type interval, a duration the count query cannot read as it is');
    expect(failure?.hint).toContain(`EXTRACT(EPOCH FROM "first_response_time") AS first_response_time_seconds`);
    expect(failure?.hint).toContain(`"columns": { "firstResponseTime": { "column": "first_response_time_seconds", "unit": "seconds" } }`);
  });

  test('and the fix it names reads it: phone 1h, email 30m', async () => {
    const fixed = `SELECT ticket_id, channel, created_at, EXTRACT(EPOCH FROM first_response_time) AS first_response_time_seconds FROM (${query}) AS q`;
    const settings = settingsFor('fixtures/small.csv', { columns: { firstResponseTime: { column: 'first_response_time_seconds', unit: 'seconds' } } });
    const { counts } = await pgCounts({ query: fixed }, settings);
    const cells = counts.series
      .filter((s) => s.dimension === 'bandChannel' && s.metric === 'firstResponse')
      .map((s) => [s.group, [...s.packed.unpack().times]]);
    // (no follower column: every ticket in the band unknown)
    expect(Object.fromEntries(cells)).toEqual({ 'unknown / phone': [3600], 'unknown / email': [1800] });
  });
});

describe('a configured column the table lacks is said of the table, not of a file line 1', () => {
  test('no ":1" after the URL, "table or query", the columns found', async () => {
    const failure = await pgCounts({ query: `SELECT 1 AS ticket_id, 'phone' AS channel, now() AS created_at` }, settingsFor('fixtures/small.csv', { columns: { createdAt: 'no such col' } })).then(
      () => null,
      (error: Error & { hint?: string; location?: { file?: string; line?: number } }) => ({ message: error.message, hint: error.hint, location: error.location }),
    );
    expect(failure?.message).toBe('columns.createdAt names "no such col", but the table or query has no such column');
    expect(failure?.hint).toBe('columns found: "ticket_id", "channel", "created_at"');
    expect(failure?.location?.line).toBeUndefined();
  });
});
