// The count-table producer of measured groups, worked out by hand on four tickets (the same four
// as counts.test.ts).
import { describe, expect, test } from 'vitest';
import { TicketTableBuilder } from '../../src/normalise/table.js';
import { countTicketTable } from '../../src/measure/counts.js';
import { CountGroups } from '../../src/measure/countGroups.js';
import { sizeOf } from '../../src/measure/sample.js';
import { ticketRow } from '../helpers/tickets.js';

// as-of 1000:
//   t1 phone  created 0    answered after 10   resolved after 100  Billing/high  500 followers
//   t2 phone  created 400  not answered        open                Billing/high  no followers
//   t3 email  created 900  answered after 10   resolution unusable (none)        20 000
//   t4 email  created 990  answered after 10   open                (none)/low    1 500
function groups(): CountGroups {
  const b = new TicketTableBuilder();
  b.add(ticketRow({ id: 't1', channel: 'phone', createdAt: 0, firstResponse: 10, resolution: 100, category: 'Billing', priority: 'high', followers: 500 }));
  b.add(ticketRow({ id: 't2', channel: 'phone', createdAt: 400, category: 'Billing', priority: 'high' }));
  b.add(ticketRow({ id: 't3', channel: 'email', createdAt: 900, firstResponse: 10, resolution: 'excluded', followers: 20000 }));
  b.add(ticketRow({ id: 't4', channel: 'email', createdAt: 990, firstResponse: 10, priority: 'low', followers: 1500 }));
  return new CountGroups(countTicketTable(b.build(), { bands: [1000, 10000, 100000], asOf: 1000 }), [1000, 10000, 100000]);
}

describe('CountGroups', () => {
  const g = groups();

  test('channels, tickets and sizes', () => {
    expect([...g.channels.keys()]).toEqual(['phone', 'email']);
    const email = g.of(g.channels.get('email')!);
    expect(email.tickets).toBe(2); // t3 counts as a ticket though its resolution is left out
    expect(sizeOf(email.samples.firstResponse)).toEqual({ n: 2, ended: 2 });
    expect(sizeOf(email.samples.resolution)).toEqual({ n: 1, ended: 0 }); // t4 still open
    const phone = g.of(g.channels.get('phone')!);
    expect(sizeOf(phone.samples.firstResponse)).toEqual({ n: 2, ended: 1 });
  });

  test('cells are labelled as the ticket table labels them, in label order', () => {
    expect(g.strata?.by).toEqual(['category', 'priority']);
    expect(g.strata?.labels).toEqual(['(no category) / (no priority)', '(no category) / low', 'Billing / high']);
    const cells = g.byCell(g.channels.get('email')!, g.strata!);
    expect([...cells.keys()].sort()).toEqual([0, 1]);
    expect(cells.get(1)!.tickets).toBe(1); // t4
  });

  test('bands: the channel mix and social bands', () => {
    // <1k: t1 (phone); 1k-10k: t4 (email); 10k-100k: t3 (email); unknown: t2 (phone)
    expect(g.bands.map((b, k) => [b.label, g.bandMix(k)])).toEqual([
      ['<1k', { phone: 1 }],
      ['1k-10k', { email: 1 }],
      ['10k-100k', { email: 1 }],
      ['100k+', {}],
      ['unknown', { phone: 1 }],
    ]);
    expect(g.socialBands.map((s) => g.of(s).tickets)).toEqual([0, 0, 0, 0]);
    expect(g.bandOnChannels(0, ['email']).tickets).toBe(0);
    expect(g.bandOnChannels(0, ['phone', 'email']).tickets).toBe(1);
  });

  test('SLA from the cells: target by priority, then channel, then default', () => {
    const targets = new Map([['default', 15], ['high', 5]]);
    // email: t3, t4 answered after 10 ≤ 15 (default) → 2 met
    expect(g.sla('email', targets, 'firstResponse')).toEqual({ target: 15, met: 2, breached: 0, notYetDue: 0, attainment: 1, priorityTargets: [], targetTickets: 2 });
    // phone (high: 5 s): t1 answered after 10 > 5 → breached; t2 waiting 600 > 5 → breached; both
    // judged against high's 5 s, none against the 15 s shown as the channel's target
    expect(g.sla('phone', targets, 'firstResponse')).toEqual({ target: 15, met: 0, breached: 2, notYetDue: 0, attainment: 0, priorityTargets: [{ priority: 'high', target: 5, tickets: 2 }], targetTickets: 0 });
    // email resolution, default 15: t4 waiting 10 ≤ 15 → not yet due
    // (t3's resolution is left out: no outcome, not counted)
    expect(g.sla('email', targets, 'resolution')).toEqual({ target: 15, met: 0, breached: 0, notYetDue: 1, attainment: null, priorityTargets: [], targetTickets: 1 });
  });

  test('case-mix clause from the ticket rows', () => {
    // category: email none 100% vs phone 0% (no category); Billing 0% vs 100% — tie at 1, the first (no value) wins
    expect(g.mixNote(g.channels.get('email')!, g.channels.get('phone')!, 'email tickets', 'phone tickets')).toBe('; 100% of email tickets are without a category vs 0% of phone tickets');
  });
});

describe('CountGroups keeps few sums unpacked and few cell sums, and reads the same numbers afresh', () => {
  // six tickets over two channels and two cells; the same calls on groups that keep nothing
  // between calls (limits 0) and on the default must read the same tallies, in any order
  function table() {
    const b = new TicketTableBuilder();
    b.add(ticketRow({ id: 'a', channel: 'phone', createdAt: 0, firstResponse: 30, resolution: 300, category: 'Billing' }));
    b.add(ticketRow({ id: 'b', channel: 'phone', createdAt: 100, firstResponse: 20, category: 'Tech' }));
    b.add(ticketRow({ id: 'c', channel: 'phone', createdAt: 200, category: 'Tech' }));
    b.add(ticketRow({ id: 'd', channel: 'email', createdAt: 300, firstResponse: 5, resolution: 50, category: 'Billing' }));
    b.add(ticketRow({ id: 'e', channel: 'email', createdAt: 400, firstResponse: 5, category: 'Billing' }));
    b.add(ticketRow({ id: 'f', channel: 'chat', createdAt: 500, firstResponse: 1, category: 'Tech' }));
    return countTicketTable(b.build(), { bands: [1000], asOf: 1000 });
  }
  const plain = (t: { times: ArrayLike<number>; ended: ArrayLike<number>; waiting: ArrayLike<number> }) => ({ times: Array.from(t.times), ended: Array.from(t.ended), waiting: Array.from(t.waiting) });
  const read = (g: CountGroups, channel: string) => {
    const key = g.channels.get(channel as never)!;
    const cells = g.byCell(key, g.strata!);
    return {
      whole: [g.of(key).tickets, plain(g.of(key).samples.firstResponse), plain(g.of(key).samples.resolution)],
      cells: [...cells].map(([code, d]) => [code, d.tickets, plain(d.samples.firstResponse), plain(d.samples.resolution)]),
    };
  };

  test('phone by hand, then every channel twice over in an order that evicts, equal to the default', () => {
    const fresh = new CountGroups(table(), [1000], { cellSumsBytes: 0, keptViews: 0 });
    const kept = new CountGroups(table(), [1000]);
    // phone: first responses 20 and 30 answered, c waiting since 200 (age 800); resolution 300
    // resolved, b and c open (ages 900, 800); cells Billing = 0 (a), Tech = 1 (b, c)
    expect(read(fresh, 'phone')).toEqual({
      whole: [3, { times: [20, 30, 800], ended: [1, 1, 0], waiting: [0, 0, 1] }, { times: [300, 800, 900], ended: [1, 0, 0], waiting: [0, 1, 1] }],
      cells: [
        [0, 1, { times: [30], ended: [1], waiting: [0] }, { times: [300], ended: [1], waiting: [0] }],
        [1, 2, { times: [20, 800], ended: [1, 0], waiting: [0, 1] }, { times: [800, 900], ended: [0, 0], waiting: [1, 1] }],
      ],
    });
    // each read equals the first read of a new CountGroups (nothing cached yet)
    for (const channel of ['phone', 'email', 'chat', 'email', 'phone', 'chat', 'phone']) {
      const first = read(new CountGroups(table(), [1000]), channel);
      expect(read(fresh, channel)).toEqual(first);
      expect(read(kept, channel)).toEqual(first);
    }
    // the default keeps the group last asked for; limits 0 unpack it again
    const phone = kept.channels.get('phone')!;
    expect(kept.of(phone)).toBe(kept.of(phone));
    expect(fresh.of(fresh.channels.get('phone')!)).not.toBe(fresh.of(fresh.channels.get('phone')!));
  });
});

describe('cells are values, not labels', () => {
  test('(Billing / high, low) and (Billing, high / low) are two cells, as in-process, though their labels read the same', () => {
    const b = new TicketTableBuilder();
    b.add(ticketRow({ id: 'a', channel: 'phone', createdAt: 0, firstResponse: 10, category: 'Billing / high', priority: 'low' }));
    b.add(ticketRow({ id: 'b', channel: 'phone', createdAt: 0, firstResponse: 20, category: 'Billing', priority: 'high / low' }));
    b.add(ticketRow({ id: 'c', channel: 'email', createdAt: 0, firstResponse: 30, category: '(no category)', priority: 'low' }));
    b.add(ticketRow({ id: 'd', channel: 'email', createdAt: 0, firstResponse: 40, priority: 'low' }));
    const g = new CountGroups(countTicketTable(b.build(), { bands: [1000], asOf: 1000 }), [1000]);
    // four cells (labels in order; two pairs of them read alike)
    expect(g.strata?.labels).toEqual(['(no category) / low', '(no category) / low', 'Billing / high / low', 'Billing / high / low']);
    expect(new Set([g.strata!.codeOf('Billing / high', 'low'), g.strata!.codeOf('Billing', 'high / low')]).size).toBe(2);
    expect(new Set([g.strata!.codeOf('(no category)', 'low'), g.strata!.codeOf(null, 'low')]).size).toBe(2);
    // each phone ticket in a cell of its own
    expect([...g.byCell(g.channels.get('phone')!, g.strata!).values()].map((d) => d.tickets)).toEqual([1, 1]);
  });
});
