// The count table: worked out by hand from four tickets, its flat form, and the tally adapter.
import { describe, expect, test } from 'vitest';
import { TicketTableBuilder } from '../../src/normalise/table.js';
import { countCells, countRows, countTicketTable, flattenCounts, unflattenCounts, wholeSeconds, CountRowError, CountTableReader, type CountRow, type FlatCountRow } from '../../src/measure/counts.js';
import { CountGroups, groupKey as groupKeyOf } from '../../src/measure/countGroups.js';
import { tallyFromRows, type Tally } from '../../src/stats/tally.js';
import { ticketRow } from '../helpers/tickets.js';
import { ParityError } from '../../src/errors.js';
import type { EngineConnection } from '../../src/read/engines/connection.js';
import { runCountQuery } from '../../src/read/engines/count.js';
import { transientClickHouse } from '../../src/read/engines/clickhouse.js';

// as-of 1000 (epoch seconds):
//   t1 phone  created 0      answered after 10     resolved after 100   Billing/high  500 followers
//   t2 phone  created 400    not answered          open                 Billing/high  no followers   → waiting 600 in both
//   t3 email  created 900.4  answered after 9.5    resolution unusable  (none)        20 000
//   t4 email  created 990    answered after 10.49  open                 (none)/low    1 500          → waiting 10
function fourTickets() {
  const b = new TicketTableBuilder();
  b.add(ticketRow({ id: 't1', channel: 'phone', createdAt: 0, firstResponse: 10, resolution: 100, category: 'Billing', priority: 'high', followers: 500 }));
  b.add(ticketRow({ id: 't2', channel: 'phone', createdAt: 400, category: 'Billing', priority: 'high' }));
  b.add(ticketRow({ id: 't3', channel: 'email', createdAt: 900.4, firstResponse: 9.5, resolution: 'excluded', followers: 20000 }));
  b.add(ticketRow({ id: 't4', channel: 'email', createdAt: 990, firstResponse: 10.49, priority: 'low', followers: 1500 }));
  return b.build();
}

const cell = (dimension: CountRow['dimension'], group: string, category: string | null, priority: string | null, metric: CountRow['metric'], seconds: number, ended: number, waiting: number): CountRow =>
  ({ dimension, group, category, priority, metric, seconds, ended, waiting });

describe('countTicketTable', () => {
  const table = countTicketTable(fourTickets(), { bands: [1000, 10000, 100000], asOf: 1000, rowsRead: 5, rowsRejected: 1, rejected: { outbound: 1 } });

  test('cells: whole seconds rounded half up, waiting tickets at their age, by band × channel only', () => {
    expect(new Set([...countRows(table)].map((r) => r.dimension))).toEqual(new Set(['bandChannel']));
    const durations = [...countRows(table)].filter((r) => r.metric !== 'tickets');
    expect(durations).toEqual([
      cell('bandChannel', '10k-100k / email', null, null, 'firstResponse', 10, 1, 0), // t3: 9.5 → 10
      cell('bandChannel', '1k-10k / email', null, 'low', 'firstResponse', 10, 1, 0), // t4: 10.49 → 10
      cell('bandChannel', '1k-10k / email', null, 'low', 'resolution', 10, 0, 1), // t4 open, age 1000 − 990
      cell('bandChannel', '<1k / phone', 'Billing', 'high', 'firstResponse', 10, 1, 0), // t1
      cell('bandChannel', '<1k / phone', 'Billing', 'high', 'resolution', 100, 1, 0),
      cell('bandChannel', 'unknown / phone', 'Billing', 'high', 'firstResponse', 600, 0, 1), // t2, age 1000 − 400
      cell('bandChannel', 'unknown / phone', 'Billing', 'high', 'resolution', 600, 0, 1),
    ]);
  });

  test('ticket counts per band × channel and stratum (no band or channel margin)', () => {
    // bands: t1 500 → <1k, t2 none → unknown, t3 20 000 → 10k-100k, t4 1 500 → 1k-10k
    expect([...countRows(table)].filter((r) => r.dimension === 'bandChannel')).toEqual([
      cell('bandChannel', '10k-100k / email', null, null, 'firstResponse', 10, 1, 0), // t3 (resolution left out, still a ticket)
      cell('bandChannel', '10k-100k / email', null, null, 'tickets', 0, 1, 0),
      cell('bandChannel', '1k-10k / email', null, 'low', 'firstResponse', 10, 1, 0), // t4
      cell('bandChannel', '1k-10k / email', null, 'low', 'resolution', 10, 0, 1),
      cell('bandChannel', '1k-10k / email', null, 'low', 'tickets', 0, 1, 0),
      cell('bandChannel', '<1k / phone', 'Billing', 'high', 'firstResponse', 10, 1, 0), // t1
      cell('bandChannel', '<1k / phone', 'Billing', 'high', 'resolution', 100, 1, 0),
      cell('bandChannel', '<1k / phone', 'Billing', 'high', 'tickets', 0, 1, 0),
      cell('bandChannel', 'unknown / phone', 'Billing', 'high', 'firstResponse', 600, 0, 1), // t2
      cell('bandChannel', 'unknown / phone', 'Billing', 'high', 'resolution', 600, 0, 1),
      cell('bandChannel', 'unknown / phone', 'Billing', 'high', 'tickets', 0, 1, 0),
    ]);
  });

  test('header', () => {
    expect(table.header).toEqual({
      tickets: 4,
      repeatedIds: 0, // the ticket table's ids are distinct
      rowsRead: 5,
      rowsUsed: 4,
      rowsRejected: 1,
      rejected: { outbound: 1 },
      createdFrom: 0,
      createdTo: 990,
      asOf: 1000,
      channelValues: [
        { raw: 'email', count: 2, channel: 'email' },
        { raw: 'phone', count: 2, channel: 'phone' },
      ],
      negative: { firstResponse: 0, resolution: 0 },
      measured: { firstResponse: 4, resolution: 3 }, // t3's resolution is left out
      by: null,
      clock: 'calendar', // a ticket table without a clock of its own is in calendar time
      notes: [],
    });
  });

  test('--by adds one group per value, "(no …)" for none', () => {
    const b = new TicketTableBuilder();
    b.add(ticketRow({ id: 'a', channel: 'chat', createdAt: 0, firstResponse: 5, resolution: 7, group: 'Tier 1' }));
    b.add(ticketRow({ id: 'b', channel: 'chat', createdAt: 0, firstResponse: 5, resolution: 7 }));
    const byTeam = [...countRows(countTicketTable(b.build(), { bands: [1000], asOf: 10, by: 'group' }))].filter((r) => r.dimension === 'by');
    expect(byTeam).toEqual([
      cell('by', '(no group)', null, null, 'firstResponse', 5, 1, 0),
      cell('by', '(no group)', null, null, 'resolution', 7, 1, 0),
      cell('by', '(no group)', null, null, 'tickets', 0, 1, 0),
      cell('by', 'Tier 1', null, null, 'firstResponse', 5, 1, 0),
      cell('by', 'Tier 1', null, null, 'resolution', 7, 1, 0),
      cell('by', 'Tier 1', null, null, 'tickets', 0, 1, 0),
    ]);
  });

  test('wholeSeconds rounds half up', () => {
    expect([wholeSeconds(0.49), wholeSeconds(0.5), wholeSeconds(1.5), wholeSeconds(2.5), wholeSeconds(59.9999999)]).toEqual([0, 1, 2, 3, 60]);
  });
});

describe('flat form', () => {
  const table = countTicketTable(fourTickets(), { bands: [1000, 10000, 100000], asOf: 1000, rowsRead: 5, rowsRejected: 1, rejected: { outbound: 1 }, notes: ['a note, with "quotes"'] });

  test('round trip', () => {
    expect(unflattenCounts(flattenCounts(table))).toEqual(table);
  });

  test('header facts are meta rows', () => {
    const flat = flattenCounts(table);
    expect(flat.slice(0, 5)).toEqual([
      { dimension: 'meta', group: 'rows', category: null, priority: null, metric: null, seconds: null, ended: 5, waiting: 0 },
      { dimension: 'meta', group: 'rejected', category: 'outbound', priority: null, metric: null, seconds: null, ended: 1, waiting: 0 },
      { dimension: 'meta', group: 'tickets', category: null, priority: null, metric: null, seconds: null, ended: 4, waiting: 0 },
      { dimension: 'meta', group: 'repeatedIds', category: null, priority: null, metric: null, seconds: null, ended: 0, waiting: 0 },
      { dimension: 'meta', group: 'createdFrom', category: null, priority: null, metric: null, seconds: 0, ended: 0, waiting: 0 },
    ]);
  });

  test('cells and counts returned twice (two shards) are added up, in any order', () => {
    const flat = flattenCounts(table).reverse();
    const doubled = unflattenCounts([...flat, ...flat]);
    expect(doubled.header.tickets).toBe(8);
    expect(doubled.header.rowsRead).toBe(10);
    expect([...countRows(doubled)][0]).toEqual(cell('bandChannel', '10k-100k / email', null, null, 'firstResponse', 10, 2, 0));
  });

  test('a table without its tickets row, or with a bad cell, is refused', () => {
    expect(() => unflattenCounts([])).toThrow(CountRowError);
    const flat = flattenCounts(table);
    const bad = flat.map((r) => (r.dimension === 'bandChannel' ? { ...r, seconds: -3 } : r));
    expect(() => unflattenCounts(bad)).toThrow(/seconds must be a whole number/);
    expect(() => unflattenCounts([...flat, { ...flat[0]!, dimension: 'planet' }])).toThrow(/dimension "planet"/);
  });
});

describe('a table that is not whole, or holds numbers beyond 2^53 − 1, is refused', () => {
  // fourTickets: 4 tickets, one in each band × channel tickets row; first response measured on
  // all 4, resolution on 3 (t3's left out); raw channel values phone ×2, email ×2
  const table = countTicketTable(fourTickets(), { bands: [1000, 10000, 100000], asOf: 1000, rowsRead: 5, rowsRejected: 1, rejected: { outbound: 1 } });
  const flat = flattenCounts(table);
  const without = (drop: (r: FlatCountRow) => boolean) => flat.filter((r) => !drop(r));

  test('cut after its header rows: no ticket in its cells', () => {
    expect(() => unflattenCounts(without((r) => r.dimension === 'bandChannel'))).toThrow('the count table is not whole: its "meta,tickets" row says 4 tickets, but its bandChannel rows of metric tickets hold 0');
  });

  test('a ticket\'s rows lost: 3 of 4 tickets', () => {
    // t2 is the only ticket of unknown / phone
    expect(() => unflattenCounts(without((r) => r.group === 'unknown / phone'))).toThrow('says 4 tickets, but its bandChannel rows of metric tickets hold 3');
  });

  test('a duration cell lost: the metric holds fewer tickets than meta,measured says', () => {
    // t1's first response (<1k / phone, 10 s): 3 of 4 first responses left
    expect(() => unflattenCounts(without((r) => r.group === '<1k / phone' && r.metric === 'firstResponse'))).toThrow(
      'its "meta,measured" row for firstResponse says 4 tickets, but its bandChannel firstResponse rows hold 3 (ended and waiting)',
    );
    // t4's resolution, still open at 10 s: 2 of 3 resolutions left
    expect(() => unflattenCounts(without((r) => r.group === '1k-10k / email' && r.metric === 'resolution'))).toThrow('for resolution says 3 tickets, but its bandChannel resolution rows hold 2');
    // a table without meta,measured rows (written by hand) is not checked on them
    expect(unflattenCounts(without((r) => r.group === 'measured' || (r.group === '<1k / phone' && r.metric === 'firstResponse'))).header.tickets).toBe(4);
  });

  test("a tickets row's count moved from ended to waiting (found by an independent attack)", () => {
    // the sums of ended + waiting still agree, but every reader counts a group's tickets from
    // ended: unknown / phone's one ticket (t2) would vanish from its channel
    const edited = flat.map((r) => (r.group === 'unknown / phone' && r.metric === 'tickets' ? { ...r, ended: 0, waiting: 1 } : r));
    expect(() => unflattenCounts(edited)).toThrow('a tickets row holds its count in ended, with seconds and waiting 0 (here seconds 0, waiting 1)');
    const timed = flat.map((r) => (r.group === 'unknown / phone' && r.metric === 'tickets' ? { ...r, seconds: 60 } : r));
    expect(() => unflattenCounts(timed)).toThrow('(here seconds 60, waiting 0)');
  });

  test("a duration row moved to another group: every sum kept, the group's answers above its tickets (found by an independent attack)", () => {
    // fourTickets: t2 is unknown / phone's only ticket (first response measured); moving that
    // cell to 1k-10k / email (one ticket, t4, already answered) gives that group two first
    // responses for one ticket
    const t2 = flat.find((r) => r.group === 'unknown / phone' && r.metric === 'firstResponse');
    const t4 = flat.find((r) => r.group === '1k-10k / email' && r.metric === 'tickets');
    expect(t2 && t4).toBeTruthy();
    const moved = flat.map((r) => (r === t2 ? { ...r, group: '1k-10k / email', category: t4!.category, priority: t4!.priority } : r));
    expect(() => unflattenCounts(moved)).toThrow(/its bandChannel rows of group "1k-10k \/ email".* and metric firstResponse hold 2 tickets, but its tickets rows of that group 1/);
  });

  test('a raw channel value lost', () => {
    expect(() => unflattenCounts(without((r) => r.dimension === 'rawChannel' && r.group === 'email'))).toThrow('its rawChannel rows count 2 tickets, but its "meta,tickets" row 4');
    // every one of them (found by an independent attack: it passed, and the audit's channel note then said nothing was read)
    expect(() => unflattenCounts(without((r) => r.dimension === 'rawChannel'))).toThrow('its rawChannel rows count 0 tickets, but its "meta,tickets" row 4');
  });

  test('--by: every ticket is in one by group, "(no …)" included', () => {
    // by category: Billing (t1, t2) and (no category) (t3, t4)
    const byFlat = flattenCounts(countTicketTable(fourTickets(), { bands: [1000, 10000, 100000], asOf: 1000, by: 'category' }));
    expect(() => unflattenCounts(byFlat.filter((r) => !(r.dimension === 'by' && r.group === '(no category)')))).toThrow('says 4 tickets, but its by rows of metric tickets hold 2');
    // meta,by names the field: its rows cannot be missing altogether
    expect(() => unflattenCounts(byFlat.filter((r) => r.dimension !== 'by'))).toThrow('says 4 tickets, but its by rows of metric tickets hold 0');
  });

  test('an older table with channel rows next to its band × channel rows is checked on both', () => {
    // the four tickets' channel cells by hand: phone t1 (10 s, resolved 100 s), t2 (waiting 600 s, both); email t3 (10 s), t4 (10 s, open at 10 s)
    const ch = (group: string, category: string | null, priority: string | null, metric: CountRow['metric'], seconds: number, ended: number, waiting: number): FlatCountRow => ({ dimension: 'channel', group, category, priority, metric, seconds, ended, waiting });
    const channelRows = [
      ch('phone', 'Billing', 'high', 'firstResponse', 10, 1, 0),
      ch('phone', 'Billing', 'high', 'firstResponse', 600, 0, 1),
      ch('phone', 'Billing', 'high', 'resolution', 100, 1, 0),
      ch('phone', 'Billing', 'high', 'resolution', 600, 0, 1),
      ch('phone', 'Billing', 'high', 'tickets', 0, 2, 0),
      ch('email', null, null, 'firstResponse', 10, 1, 0),
      ch('email', null, null, 'tickets', 0, 1, 0),
      ch('email', null, 'low', 'firstResponse', 10, 1, 0),
      ch('email', null, 'low', 'resolution', 10, 0, 1),
      ch('email', null, 'low', 'tickets', 0, 1, 0),
    ];
    const older = unflattenCounts([...flat, ...channelRows]);
    expect(new CountGroups(older, [1000, 10000, 100000]).of(groupKeyOf('channel', 'phone')).tickets).toBe(2);
    expect(() => unflattenCounts([...flat, ...channelRows.filter((r) => !(r.group === 'phone' && r.metric === 'tickets'))])).toThrow('says 4 tickets, but its channel rows of metric tickets hold 2');
    expect(() => unflattenCounts([...without((r) => r.group === 'unknown / phone'), ...channelRows])).toThrow('says 4 tickets, but its bandChannel rows of metric tickets hold 3');
  });

  test('counts and durations above 2^53 − 1 (Number.MAX_SAFE_INTEGER), and times that are not dates, name their row', () => {
    const key = { dimension: 'bandChannel', group: 'unknown / phone', category: null, priority: null } as const;
    const meta = (group: string, fields: Partial<FlatCountRow>): FlatCountRow => ({ dimension: 'meta', group, category: null, priority: null, metric: null, seconds: null, ended: 0, waiting: 0, ...fields });
    const one = (row: FlatCountRow) => () => new CountTableReader().row(row);
    expect(one({ ...key, metric: 'firstResponse', seconds: 269, ended: 1e300, waiting: 0 })).toThrow('row 1: ended 1e+300 is above 9007199254740991 (2^53 − 1)');
    expect(one({ ...key, metric: 'firstResponse', seconds: 269, ended: 0, waiting: 2 ** 53 })).toThrow('row 1: waiting 9007199254740992 is above 9007199254740991');
    expect(one({ ...key, metric: 'firstResponse', seconds: 1e300, ended: 1, waiting: 0 })).toThrow('row 1: seconds 1e+300 is above 9007199254740991');
    expect(one({ ...key, metric: 'firstResponse', seconds: 269, ended: 2 ** 53 - 1, waiting: 0 })).not.toThrow();
    // two cells of 2^52 each: 2^53 together, one more than a double holds every whole number up to
    const reader = new CountTableReader();
    reader.row({ ...key, metric: 'firstResponse', seconds: 1, ended: 2 ** 52, waiting: 0 });
    expect(() => reader.row({ ...key, metric: 'firstResponse', seconds: 2, ended: 2 ** 52, waiting: 0 })).toThrow("row 2: the table's ended and waiting counts add up to more than 9007199254740991");
    expect(one(meta('tickets', { ended: 1e300 }))).toThrow('row 1: ended 1e+300 is above 9007199254740991');
    expect(one(meta('tickets', { ended: -685 }))).toThrow('row 1: ended must be a whole number ≥ 0');
    expect(one(meta('asOf', { seconds: 1e300 }))).toThrow('row 1: asOf 1e+300 is not a time');
    expect(one(meta('createdFrom', { seconds: -1e300 }))).toThrow('row 1: createdFrom -1e+300 is not a time');
    // the last second a JavaScript date holds: 8.64e12 s after 1970 (year 275760)
    expect(one(meta('asOf', { seconds: 8.64e12 }))).not.toThrow();
  });

  test('an asOf row without seconds (no ticket used: the latest of no timestamps) is read only in a table of no tickets', () => {
    const meta = (group: string, fields: Partial<FlatCountRow> = {}): FlatCountRow => ({ dimension: 'meta', group, category: null, priority: null, metric: null, seconds: null, ended: 0, waiting: 0, ...fields });
    const empty = unflattenCounts([meta('rows', { ended: 1 }), meta('rejected', { category: 'missing-id', ended: 1 }), meta('tickets', { ended: 0 }), meta('asOf')]);
    expect(empty.header.tickets).toBe(0);
    expect(empty.header.rowsRejected).toBe(1);
    const withTickets = [...flattenCounts(table)].map((r) => (r.dimension === 'meta' && r.group === 'asOf' ? { ...r, seconds: null } : r));
    expect(() => unflattenCounts(withTickets)).toThrow(/the asOf row has no seconds/);
  });

  test('the clock travels as a meta,clock row; a table without one does not say', () => {
    expect(flat.filter((r) => r.group === 'clock')).toEqual([{ dimension: 'meta', group: 'clock', category: 'calendar', priority: null, metric: null, seconds: null, ended: 0, waiting: 0 }]);
    const business = unflattenCounts(flat.map((r) => (r.group === 'clock' ? { ...r, category: 'business' } : r)));
    expect(business.header.clock).toBe('business');
    expect(unflattenCounts(without((r) => r.group === 'clock')).header.clock).toBeNull();
    expect(() => unflattenCounts(flat.map((r) => (r.group === 'clock' ? { ...r, category: 'sundial' } : r)))).toThrow('clock "sundial" is not calendar or business');
  });
});

describe('grouped (series) reading, as engines return it', () => {
  const table = countTicketTable(fourTickets(), { bands: [1000, 10000, 100000], asOf: 1000, rowsRead: 5, rowsRejected: 1, rejected: { outbound: 1 }, notes: ['first note', 'second note'] });

  /** The flat rows grouped by key, in reverse key order, each group's rows reversed (order must not matter). */
  function grouped(rows: FlatCountRow[]) {
    const groups = new Map<string, FlatCountRow[]>();
    for (const r of rows) {
      const key = JSON.stringify([r.dimension, r.group, r.category, r.priority, r.metric]);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    return [...groups.values()].reverse().map((list) => {
      const rs = [...list].reverse();
      const r0 = rs[0]!;
      return { dimension: r0.dimension, group: r0.group, category: r0.category, priority: r0.priority, metric: r0.metric, seconds: rs.map((r) => r.seconds), ended: rs.map((r) => r.ended), waiting: rs.map((r) => r.waiting) };
    });
  }

  test('one row per series (meta rows included) reads as the flat rows do; notes keep their order', () => {
    const reader = new CountTableReader();
    for (const s of grouped(flattenCounts(table))) reader.series(s);
    const read = reader.finish();
    expect(read).toEqual(table);
    expect(read.header.notes).toEqual(['first note', 'second note']);
  });

  test('a series returned by two shards adds up; a bad cell names its row', () => {
    const reader = new CountTableReader();
    const key = { dimension: 'channel', group: 'email', category: null, priority: null, metric: 'firstResponse' };
    reader.series({ ...key, seconds: [10, 4], ended: [1, 0], waiting: [0, 1] });
    reader.series({ ...key, seconds: [10], ended: [2], waiting: [0] });
    // the table is whole: its 4 tickets (1 waiting + 3 answered) in the channel's tickets row and meta,tickets
    reader.series({ ...key, metric: 'tickets', seconds: [0], ended: [4], waiting: [0] });
    for (const r of flattenCounts(table).filter((r) => r.dimension === 'meta' && (r.group === 'tickets' || r.group === 'asOf'))) reader.row(r);
    reader.row({ dimension: 'rawChannel', group: 'E-mail', category: 'email', priority: null, metric: null, seconds: null, ended: 4, waiting: 0 });
    const read = reader.finish();
    // seconds 4: 1 waiting; seconds 10: 1 + 2 ended
    expect([...countRows(read)].filter((r) => r.metric === 'firstResponse')).toEqual([cell('channel', 'email', null, null, 'firstResponse', 4, 0, 1), cell('channel', 'email', null, null, 'firstResponse', 10, 3, 0)]);
    expect(countCells(read)).toBe(3);
    const bad = new CountTableReader();
    bad.series({ ...key, seconds: [1], ended: [1], waiting: [0] });
    expect(() => bad.series({ ...key, seconds: [1, 2.5], ended: [1, 1], waiting: [0, 0] })).toThrow('row 3: seconds must be a whole number');
  });

  test('a count query that fails with a fault the server does not repeat is run again into a new table; other failures are not', async () => {
    const series = grouped(flattenCounts(table));
    const drain = new ParityError('ClickHouse: Code: 49, e.displayText() = DB::Exception: Cannot drain connections: cancel first., e.what() = DB::Exception');
    /** A ClickHouse-like connection whose first `failures` runs deliver half the series, then fail with `error`. */
    const flaky = (failures: number, error: Error) => {
      let runs = 0;
      const connection: EngineConnection = {
        dialect: 'clickhouse',
        label: 'http://127.0.0.1:8123/',
        sample: () => Promise.reject(new Error('not used')),
        async countSeries(_sql, sink) {
          runs++;
          const failing = runs <= failures;
          for (const s of failing ? series.slice(0, Math.ceil(series.length / 2)) : series) sink(s);
          if (failing) throw error;
        },
        retryable: transientClickHouse,
        close: () => Promise.resolve(),
      };
      return { connection, runs: () => runs };
    };
    // twice the drain fault, then the whole table: the same table as one clean run (the half the
    // failed runs delivered is not counted again; t1–t4 are 4 tickets, not 8 or 12)
    const twice = flaky(2, drain);
    const read = await runCountQuery(twice.connection, 'SELECT 1');
    expect(twice.runs()).toBe(3);
    expect(read.header.notes).toEqual([
      'first note',
      'second note',
      'the count query was run 3 times: the server failed 2 times with a fault it does not repeat (ClickHouse: Code: 49, e.displayText() = DB::Exception: Cannot drain connections: cancel first.); the counts are those of the last run alone',
    ]);
    expect({ ...read, header: { ...read.header, notes: table.header.notes } }).toEqual(table);
    expect(read.header.tickets).toBe(4);
    // a third fault in a row is the user's to see
    const thrice = flaky(3, drain);
    await expect(runCountQuery(thrice.connection, 'SELECT 1')).rejects.toThrow('Cannot drain connections');
    expect(thrice.runs()).toBe(3);
    // a missing table is not run again
    const missing = flaky(1, new ParityError("ClickHouse: Code: 60. DB::Exception: Table default.tickets doesn't exist"));
    await expect(runCountQuery(missing.connection, 'SELECT 1')).rejects.toThrow("doesn't exist");
    expect(missing.runs()).toBe(1);
  });
});

describe('channels and bands are sums of band × channel cells', () => {
  const table = countTicketTable(fourTickets(), { bands: [1000, 10000, 100000], asOf: 1000 });
  const groups = new CountGroups(table, [1000, 10000, 100000]);
  const plain = (t: Tally) => ({ times: [...t.times], ended: [...t.ended], waiting: [...t.waiting] });

  test('a channel pools its bands: distinct seconds ascending with ended and waiting', () => {
    // email: t3 (10k-100k) and t4 (1k-10k) both answered at 10 s
    expect(plain(groups.of(groups.channels.get('email')!).samples.firstResponse)).toEqual({ times: [10], ended: [2], waiting: [0] });
    // phone: t1 resolved at 100 (<1k), t2 still open at 600 (unknown)
    expect(plain(groups.of(groups.channels.get('phone')!).samples.resolution)).toEqual({ times: [100, 600], ended: [1, 0], waiting: [0, 1] });
    expect(groups.of(groups.channels.get('phone')!).tickets).toBe(2);
  });

  test('a table with channel cells of its own uses them for the channels', () => {
    const flat = flattenCounts(table);
    // channel cells holding the table's 4 tickets, 4 first responses and 3 resolutions (meta,tickets and meta,measured), all as email
    const email = { dimension: 'channel', group: 'email', category: null, priority: null } as const;
    const own = unflattenCounts([
      ...flat,
      { ...email, metric: 'firstResponse', seconds: 3, ended: 4, waiting: 0 },
      { ...email, metric: 'resolution', seconds: 7, ended: 3, waiting: 0 },
      { ...email, metric: 'tickets', seconds: 0, ended: 4, waiting: 0 },
    ]);
    const g = new CountGroups(own, [1000, 10000, 100000]);
    expect(plain(g.of(g.channels.get('email')!).samples.firstResponse)).toEqual({ times: [3], ended: [4], waiting: [0] });
    expect(g.channels.has('phone')).toBe(false); // its own channel cells name email only
  });

  test('tallyFromRows adds cells at the same second', () => {
    const t = tallyFromRows([30, 5, 30], [1, 0, 2], [0, 2, 1]);
    expect(plain(t)).toEqual({ times: [5, 30], ended: [0, 3], waiting: [2, 1] });
  });

  test('whole seconds and counts below 2^32 are held in 32-bit columns (half the bytes), anything else in float64, with the same numbers', () => {
    const whole = tallyFromRows([30, 5, 30], [1, 0, 2], [0, 2, 1]);
    expect([whole.times, whole.ended, whole.waiting].every((c) => c instanceof Uint32Array)).toBe(true);
    // a fraction, a negative time, −0, a total of 2^32 tickets: float64
    for (const [seconds, ended, waiting] of [
      [[0.5, 2], [1, 1], [0, 0]],
      [[-3, 2], [1, 1], [0, 0]],
      [[-0, 2], [1, 1], [0, 0]],
      [[1, 2], [2 ** 31, 2 ** 31], [0, 0]],
    ] as Array<[number[], number[], number[]]>) {
      const t = tallyFromRows(seconds, ended, waiting);
      expect(t.times instanceof Float64Array, String(seconds)).toBe(true);
      expect([...t.ended], String(seconds)).toEqual(ended);
    }
    // 2^32 − 1 still fits: 2^31 + (2^31 − 1)
    expect(tallyFromRows([1, 2], [2 ** 31, 2 ** 31 - 1], [0, 0]).ended instanceof Uint32Array).toBe(true);
    // the series a count table reader builds (whole seconds): 32-bit until a count does not fit, then float64
    const reader = new CountTableReader();
    const base = { dimension: 'bandChannel', group: 'unknown / phone', category: null, priority: null } as const;
    reader.row({ ...base, metric: 'firstResponse', seconds: 10, ended: 1, waiting: 0 });
    reader.row({ ...base, metric: 'firstResponse', seconds: 20, ended: 0, waiting: 3 });
    reader.row({ ...base, metric: 'resolution', seconds: 10, ended: 1, waiting: 0 });
    reader.row({ ...base, metric: 'resolution', seconds: 20, ended: 0, waiting: 2 ** 32 });
    reader.row({ ...base, metric: 'tickets', seconds: 0, ended: 2 ** 32 + 1, waiting: 0 });
    reader.row({ dimension: 'meta', group: 'tickets', category: null, priority: null, metric: null, seconds: null, ended: 2 ** 32 + 1, waiting: 0 });
    reader.row({ dimension: 'meta', group: 'asOf', category: null, priority: null, metric: null, seconds: 1000, ended: 0, waiting: 0 });
    reader.row({ dimension: 'rawChannel', group: 'Phone', category: 'phone', priority: null, metric: null, seconds: null, ended: 2 ** 32 + 1, waiting: 0 });
    const table = reader.finish();
    const series = (metric: string) => table.series.find((x) => x.metric === metric)!.packed.unpack();
    expect(series('firstResponse').times instanceof Uint32Array).toBe(true);
    expect(plain(series('firstResponse'))).toEqual({ times: [10, 20], ended: [1, 0], waiting: [0, 3] });
    expect(series('resolution').times instanceof Float64Array).toBe(true);
    expect(plain(series('resolution'))).toEqual({ times: [10, 20], ended: [1, 0], waiting: [0, 2 ** 32] });
  });

  test('tallyFromRows sorts a long unsorted series (packed keys) and fractional seconds (comparator) alike', () => {
    // 0..9999 backwards, each twice (ended once, waiting once): every second once, 1 ended and 1 waiting
    const n = 10_000;
    const seconds = [...Array.from({ length: n }, (_, k) => n - 1 - k), ...Array.from({ length: n }, (_, k) => n - 1 - k)];
    const t = tallyFromRows(seconds, seconds.map((_, k) => (k < n ? 1 : 0)), seconds.map((_, k) => (k < n ? 0 : 1)));
    expect(t.times.length).toBe(n);
    expect([t.times[0], t.times[1], t.times[n - 1]]).toEqual([0, 1, n - 1]);
    expect([...t.ended].every((e) => e === 1) && [...t.waiting].every((w) => w === 1)).toBe(true);
    expect(plain(tallyFromRows([2.5, 0.5, 2.5], [1, 1, 0], [0, 0, 4]))).toEqual({ times: [0.5, 2.5], ended: [1, 1], waiting: [0, 4] });
  });
});
