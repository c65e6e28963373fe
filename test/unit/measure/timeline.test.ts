// The customer timeline (measure/journeys.ts): every ticket with a customer, customer by customer,
// oldest first, ties by row. Compared with the definition written out plainly (group, then sort by
// time and row) on seeded tables large enough for the radix sort (over 1,024 tickets), with
// customers that repeat, tickets without one, equal creation times, and fractional times (the
// per-customer sort). Plus a small case worked by hand.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TicketTableBuilder, type TicketTable } from '../../../src/normalise/table.js';
import { customerTimeline } from '../../../src/measure/journeys.js';
import { TicketGroups } from '../../../src/measure/ticketGroups.js';
import { journeyMarks, ticketJourneys } from '../../../src/measure/journeyGroups.js';
import { ticketRow } from '../../helpers/tickets.js';

function tableOf(rows: ReadonlyArray<{ customer: number | null; created: number }>): TicketTable {
  const b = new TicketTableBuilder();
  rows.forEach((r, i) => b.add(ticketRow({ id: `T${i}`, channel: 'email', createdAt: r.created, customerId: r.customer === null ? null : `C${r.customer}` })));
  return b.build();
}

/** The definition: per customer (in dictionary code order), ticket indices by (created, index). */
function plainTimeline(table: TicketTable): { order: number[]; starts: number[] } {
  const byCustomer: number[][] = Array.from({ length: table.dictionaries.customer.size }, () => []);
  for (let i = 0; i < table.size; i++) {
    const c = table.customer[i] as number;
    if (c >= 0) byCustomer[c]!.push(i);
  }
  const order: number[] = [];
  const starts = [0];
  for (const list of byCustomer) {
    list.sort((a, b) => (table.createdAt[a] as number) - (table.createdAt[b] as number) || a - b);
    order.push(...list);
    starts.push(order.length);
  }
  return { order, starts };
}

describe('customerTimeline', () => {
  test('by hand: C1 has rows 0, 2, 3 (row 3 created first, rows 0 and 2 at the same second), C2 row 1, row 4 has no customer', () => {
    const table = tableOf([
      { customer: 1, created: 100 },
      { customer: 2, created: 50 },
      { customer: 1, created: 100 },
      { customer: 1, created: 10 },
      { customer: null, created: 0 },
    ]);
    const t = customerTimeline(table);
    expect([...t.order]).toEqual([3, 0, 2, 1]);
    expect([...t.starts]).toEqual([0, 3, 4]);
  });

  test('matches the definition on large seeded tables (radix path, and fractional times)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1100, max: 4000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.boolean(),
        fc.integer(),
        (n, customers, spread, fractional, seed) => {
          let state = seed >>> 0;
          const next = (): number => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
          const rows = Array.from({ length: n }, () => ({
            customer: next() < 0.1 ? null : Math.floor(next() * customers),
            created: 1.7e9 + Math.floor(next() * spread) * 60 + (fractional && next() < 0.01 ? 0.5 : 0),
          }));
          const table = tableOf(rows);
          const t = customerTimeline(table);
          const plain = plainTimeline(table);
          expect([...t.order]).toEqual(plain.order);
          expect([...t.starts]).toEqual(plain.starts);
        },
      ),
      { numRuns: 40, seed: 20261129 },
    );
  });
});

describe('TicketGroups.takeTimeline', () => {
  const rows = [
    { customer: 1, created: 100 },
    { customer: 2, created: 50 },
    { customer: 1, created: 100 },
    { customer: 1, created: 10 },
    { customer: null, created: 0 },
  ];

  test('by hand: hands over the timeline (C1: rows 3, 0, 2; C2: row 1) and lets it go; read again, the same is worked out anew', () => {
    const groups = new TicketGroups(tableOf(rows), 1000, []);
    const first = groups.takeTimeline();
    expect([...first.order]).toEqual([3, 0, 2, 1]);
    expect([...first.starts]).toEqual([0, 3, 4]);
    const again = groups.takeTimeline();
    expect(again).not.toBe(first);
    expect([...again.order]).toEqual([3, 0, 2, 1]);
    expect([...again.starts]).toEqual([0, 3, 4]);
  });

  test("ticketJourneys on the groups' own channel lists and marks made from the taken timeline: the same journeys as on its own", () => {
    const table = tableOf(rows);
    const groups = new TicketGroups(table, 1000, []);
    const rules = { repeatContacts: 3, repeatWindowDays: 7, jumpWindowDays: 7 };
    const marks = journeyMarks(table, rules, groups.takeTimeline());
    expect([...marks.reasons]).toEqual([2, 0, 2, 0, 0]); // rows 0 and 2: repeat contact (bit 2)
    const given = ticketJourneys(table, groups.samples, groups.strata, rules, { marks, channels: groups.channels });
    const alone = ticketJourneys(table, groups.samples, groups.strata, rules);
    // every row is email; C1 has three contacts within 90 s, the third at second 100 where rows 0
    // and 2 both are: both are its third contact, so loud; rows 1, 3 and 4 are quiet
    expect(given.loud.map((s) => [s.channel, [...s.loud], [...s.quiet]])).toEqual([['email', [0, 2], [1, 3, 4]]]);
    expect(alone.loud.map((s) => [s.channel, [...s.loud], [...s.quiet]])).toEqual([['email', [0, 2], [1, 3, 4]]]);
  });
});
