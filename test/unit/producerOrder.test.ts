// The two producers of measured groups (in-process ticket groups, a count table's groups) make
// the same choices where an order decides: which value a case-mix clause names on an exact tie,
// which channels of a band a gate lists. The order is the count table's (values sorted, no value
// first; channels in the standard order), never the order in which a file shows them. The
// like-for-like cells are summed in one order too: the exactness tests (test/helpers/exactness.ts)
// compare the two producers' reports number for number, to the last bit.
import { describe, expect, test } from 'vitest';
import { TicketTableBuilder, type TicketTable } from '../../src/normalise/table.js';
import { countTicketTable } from '../../src/measure/counts.js';
import { CountGroups } from '../../src/measure/countGroups.js';
import { TicketGroups } from '../../src/measure/ticketGroups.js';
import { ticketRow } from '../helpers/tickets.js';

const BANDS = [1000];

function both(table: TicketTable): [TicketGroups, CountGroups] {
  return [new TicketGroups(table, 1000, BANDS), new CountGroups(countTicketTable(table, { bands: BANDS, asOf: 1000 }), BANDS)];
}

describe('a case-mix clause on an exact tie names the same value from both producers', () => {
  // email: e1, e2 both Zeta (first in the file); phone: p1, p2 both Alpha. Shares email vs phone:
  // no value 0% vs 0% (0), Alpha 0% vs 100% (1), Zeta 100% vs 0% (1): Alpha and Zeta tie at 1.
  // Tried in sorted order (no value, Alpha, Zeta), the first strictly largest is Alpha.
  function table(): TicketTable {
    const b = new TicketTableBuilder();
    b.add(ticketRow({ id: 'e1', channel: 'email', createdAt: 0, firstResponse: 10, category: 'Zeta' }));
    b.add(ticketRow({ id: 'e2', channel: 'email', createdAt: 10, firstResponse: 10, category: 'Zeta' }));
    b.add(ticketRow({ id: 'p1', channel: 'phone', createdAt: 20, firstResponse: 10, category: 'Alpha' }));
    b.add(ticketRow({ id: 'p2', channel: 'phone', createdAt: 30, firstResponse: 10, category: 'Alpha' }));
    return b.build();
  }

  test('Alpha, the first in sorted order, not Zeta, the first in the file', () => {
    const expected = '; 0% of email tickets are Alpha vs 100% of phone tickets';
    for (const g of both(table()) as Array<TicketGroups | CountGroups>) {
      const email = g.channels.get('email')!;
      const phone = g.channels.get('phone')!;
      expect((g.mixNote as (a: unknown, b: unknown, x: string, y: string) => string)(email, phone, 'email tickets', 'phone tickets')).toBe(expected);
    }
  });

  test('a value no ticket of the table has (only a rejected row had it) makes no clause: no ticket has a category', () => {
    const b = new TicketTableBuilder();
    b.add(ticketRow({ id: 'e1', channel: 'email', createdAt: 0, firstResponse: 10 }));
    b.add(ticketRow({ id: 'p1', channel: 'phone', createdAt: 20, firstResponse: 10 }));
    const t = b.build();
    // the dictionary knows a value that no ticket in the table carries
    t.dictionaries.category.codeOf('Ghost');
    expect(t.dictionaries.category.size).toBe(1);
    for (const g of both(t) as Array<TicketGroups | CountGroups>) {
      const mix = (g.mixNote as (a: unknown, b: unknown, x: string, y: string) => string)(g.channels.get('email')!, g.channels.get('phone')!, 'email tickets', 'phone tickets');
      expect(mix).toBe('');
    }
  });
});

describe("a band's channels come in the standard order from both producers", () => {
  test('a band whose first ticket is an email lists phone first (phone, email, web, social, chat, other)', () => {
    // all four under 1,000 followers: the <1k band, shown email, chat, phone in the file
    const b = new TicketTableBuilder();
    b.add(ticketRow({ id: 'a', channel: 'email', createdAt: 0, firstResponse: 10, followers: 5 }));
    b.add(ticketRow({ id: 'b', channel: 'chat', createdAt: 10, firstResponse: 10, followers: 6 }));
    b.add(ticketRow({ id: 'c', channel: 'phone', createdAt: 20, firstResponse: 10, followers: 7 }));
    b.add(ticketRow({ id: 'd', channel: 'email', createdAt: 30, firstResponse: 10, followers: 8 }));
    const [tickets, counts] = both(b.build());
    expect(tickets.bandChannels(0)).toEqual(['phone', 'email', 'chat']);
    expect(counts.bandChannels(0)).toEqual(['phone', 'email', 'chat']);
  });
});

describe('two like-for-like cells of one label are told apart by their values, alike from both producers', () => {
  // category `Billing` + priority `high / low` and category `Billing / high` + priority `low`:
  // both read `Billing / high / low`. The file shows the first pair first (code 0 in-process);
  // by their values (JSON) the second comes first: `["Billing / high"` < `["Billing"` at the
  // tenth character, a space (0x20) before a quote (0x22).
  test('each producer gives the two cells their values as keys, in the same order by label then key', async () => {
    const { strataOf } = await import('../../src/measure/strata.js');
    const b = new TicketTableBuilder();
    b.add(ticketRow({ id: 'a', channel: 'email', createdAt: 0, firstResponse: 10, category: 'Billing', priority: 'high / low' }));
    b.add(ticketRow({ id: 'b', channel: 'phone', createdAt: 10, firstResponse: 10, category: 'Billing / high', priority: 'low' }));
    b.add(ticketRow({ id: 'c', channel: 'phone', createdAt: 20, firstResponse: 10, category: 'Account', priority: 'low' }));
    const table = b.build();
    const [, counts] = both(table);
    const inProcess = strataOf(table, ['category', 'priority'])!;
    expect(inProcess.labels).toEqual(['Billing / high / low', 'Billing / high / low', 'Account / low']);
    expect(inProcess.keys).toEqual(['["Billing","high / low"]', '["Billing / high","low"]', '["Account","low"]']);
    const fromCounts = counts.strata!;
    expect(fromCounts.labels).toEqual(['Account / low', 'Billing / high / low', 'Billing / high / low']);
    expect(fromCounts.keys).toEqual(['["Account","low"]', '["Billing / high","low"]', '["Billing","high / low"]']);
    // the order the like-for-like view sums cells in (compare.ts cellOrder): the same cells, by
    // their values, from both producers — Account, then Billing / high + low, then Billing + high / low
    const { cellOrder } = await import('../../src/measure/compare.js');
    expect([0, 1, 2].sort(cellOrder(inProcess)).map((c) => inProcess.keys![c])).toEqual(fromCounts.keys);
    expect([2, 1, 0].sort(cellOrder(fromCounts)).map((c) => fromCounts.keys![c])).toEqual(fromCounts.keys);
  });

  test('cells whose labels all differ carry no keys in-process (nothing to tell apart)', async () => {
    const { strataOf } = await import('../../src/measure/strata.js');
    const b = new TicketTableBuilder();
    b.add(ticketRow({ id: 'a', channel: 'email', createdAt: 0, firstResponse: 10, category: 'Billing' }));
    b.add(ticketRow({ id: 'b', channel: 'phone', createdAt: 10, firstResponse: 10, category: 'Account' }));
    const s = strataOf(b.build(), ['category', 'priority'])!;
    expect(s.labels).toEqual(['Billing', 'Account']);
    expect(s.keys).toBeUndefined();
  });
});
