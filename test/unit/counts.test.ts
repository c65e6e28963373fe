// The count table: worked out by hand from four tickets, its flat form, and the tally adapter.
import { describe, expect, test } from 'vitest';
import { TicketTableBuilder } from '../../src/normalise/table.js';
import { countTicketTable, flattenCounts, unflattenCounts, wholeSeconds, CountRowError, type CountRow } from '../../src/measure/counts.js';
import { tallyOf, talliesOf, stratumKey } from '../../src/measure/tally.js';
import { ticketRow } from '../helpers/tickets.js';

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

  test('cells: whole seconds rounded half up, waiting tickets at their age, in canonical order', () => {
    const durations = table.rows.filter((r) => r.dimension === 'channel' && r.metric !== 'tickets');
    expect(durations).toEqual([
      cell('channel', 'email', null, null, 'firstResponse', 10, 1, 0), // t3: 9.5 → 10
      cell('channel', 'email', null, 'low', 'firstResponse', 10, 1, 0), // t4: 10.49 → 10
      cell('channel', 'email', null, 'low', 'resolution', 10, 0, 1), // t4 open, age 1000 − 990
      cell('channel', 'phone', 'Billing', 'high', 'firstResponse', 10, 1, 0),
      cell('channel', 'phone', 'Billing', 'high', 'firstResponse', 600, 0, 1), // t2, age 1000 − 400
      cell('channel', 'phone', 'Billing', 'high', 'resolution', 100, 1, 0),
      cell('channel', 'phone', 'Billing', 'high', 'resolution', 600, 0, 1),
    ]);
  });

  test('ticket counts per group and stratum, and band × channel cells (no separate band margin)', () => {
    expect(new Set(table.rows.map((r) => r.dimension))).toEqual(new Set(['channel', 'bandChannel']));
    // bands: t1 500 → <1k, t2 none → unknown, t3 20 000 → 10k-100k, t4 1 500 → 1k-10k
    expect(table.rows.filter((r) => r.dimension === 'channel' && r.metric === 'tickets')).toEqual([
      cell('channel', 'email', null, null, 'tickets', 0, 1, 0), // t3
      cell('channel', 'email', null, 'low', 'tickets', 0, 1, 0), // t4
      cell('channel', 'phone', 'Billing', 'high', 'tickets', 0, 2, 0), // t1, t2
    ]);
    expect(table.rows.filter((r) => r.dimension === 'bandChannel')).toEqual([
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
      notes: [],
    });
  });

  test('--by adds one group per value, "(no …)" for none', () => {
    const b = new TicketTableBuilder();
    b.add(ticketRow({ id: 'a', channel: 'chat', createdAt: 0, firstResponse: 5, resolution: 7, group: 'Tier 1' }));
    b.add(ticketRow({ id: 'b', channel: 'chat', createdAt: 0, firstResponse: 5, resolution: 7 }));
    const byTeam = countTicketTable(b.build(), { bands: [1000], asOf: 10, by: 'group' }).rows.filter((r) => r.dimension === 'by');
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
    expect(flat.slice(0, 4)).toEqual([
      { dimension: 'meta', group: 'rows', category: null, priority: null, metric: null, seconds: null, ended: 5, waiting: 0 },
      { dimension: 'meta', group: 'rejected', category: 'outbound', priority: null, metric: null, seconds: null, ended: 1, waiting: 0 },
      { dimension: 'meta', group: 'tickets', category: null, priority: null, metric: null, seconds: null, ended: 4, waiting: 0 },
      { dimension: 'meta', group: 'createdFrom', category: null, priority: null, metric: null, seconds: 0, ended: 0, waiting: 0 },
    ]);
  });

  test('cells and counts returned twice (two shards) are added up, in any order', () => {
    const flat = flattenCounts(table).reverse();
    const doubled = unflattenCounts([...flat, ...flat]);
    expect(doubled.header.tickets).toBe(8);
    expect(doubled.header.rowsRead).toBe(10);
    expect(doubled.rows[0]).toEqual(cell('channel', 'email', null, null, 'firstResponse', 10, 2, 0));
  });

  test('a table without its tickets row, or with a bad cell, is refused', () => {
    expect(() => unflattenCounts([])).toThrow(CountRowError);
    const flat = flattenCounts(table);
    const bad = flat.map((r) => (r.dimension === 'channel' ? { ...r, seconds: -3 } : r));
    expect(() => unflattenCounts(bad)).toThrow(/seconds must be a whole number/);
    expect(() => unflattenCounts([...flat, { ...flat[0]!, dimension: 'planet' }])).toThrow(/dimension "planet"/);
  });
});

describe('tallies', () => {
  const table = countTicketTable(fourTickets(), { bands: [1000, 10000, 100000], asOf: 1000 });

  test('pooled over strata: distinct seconds ascending with ended and waiting', () => {
    const email = talliesOf(table, 'channel', 'firstResponse').get('email')!;
    // t3 and t4 both answered at 10 s, in different strata
    expect([...email.pooled.times]).toEqual([10]);
    expect([...email.pooled.ended]).toEqual([2]);
    expect([...email.pooled.waiting]).toEqual([0]);
    expect(email.strata.size).toBe(2);
    expect([...email.strata.get(stratumKey(null, 'low'))!.tally.ended]).toEqual([1]);
    const phone = talliesOf(table, 'channel', 'resolution').get('phone')!;
    expect({ times: [...phone.pooled.times], ended: [...phone.pooled.ended], waiting: [...phone.pooled.waiting] }).toEqual({ times: [100, 600], ended: [1, 0], waiting: [0, 1] });
  });

  test('tallyOf adds cells at the same second', () => {
    const t = tallyOf([{ seconds: 30, ended: 1, waiting: 0 }, { seconds: 5, ended: 0, waiting: 2 }, { seconds: 30, ended: 2, waiting: 1 }]);
    expect({ times: [...t.times], ended: [...t.ended], waiting: [...t.waiting] }).toEqual({ times: [5, 30], ended: [0, 3], waiting: [2, 1] });
  });
});
