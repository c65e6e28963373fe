// The table builder: room reserved from estimates, the --by column made only when a row has a
// value. Values worked out by hand.
import { describe, expect, it } from 'vitest';
import { TicketTableBuilder } from '../../../src/normalise/table.js';
import { ticketRow } from '../../helpers/tickets.js';

describe('the ticket table builder', () => {
  it('keeps every ticket past a reservation that was too small, ids and customers included', () => {
    const b = new TicketTableBuilder(4);
    // room for 3 tickets with 2 customers, 6 + 4 code units: 5 tickets and a wide id come instead
    b.reserve(3, 2, 6, 4);
    const rows = [
      { id: 'T1', customerId: 'C7' },
      { id: 'T2', customerId: 'C07' },
      { id: 'T3', customerId: 'C7' },
      { id: 'Ticket-€4', customerId: 'Ćustomer' },
      { id: 'T5', customerId: 'C07' },
    ];
    rows.forEach((r, k) => expect(b.add(ticketRow({ ...r, channel: 'email', createdAt: 100 * k, line: k + 2 }))).toBe(k));
    const table = b.build();
    expect(table.size).toBe(5);
    expect(table.id.toArray()).toEqual(['T1', 'T2', 'T3', 'Ticket-€4', 'T5']);
    // customers by first appearance: C7 → 0, C07 → 1, Ćustomer → 2
    expect([...table.customer]).toEqual([0, 1, 0, 2, 1]);
    expect(table.dictionaries.customer.values).toEqual(['C7', 'C07', 'Ćustomer']);
    expect([...table.line]).toEqual([2, 3, 4, 5, 6]);
    expect([...table.createdAt]).toEqual([0, 100, 200, 300, 400]);
  });

  it('has no --by column until a row carries a value; the rows before it have none (-1)', () => {
    const none = new TicketTableBuilder();
    none.add(ticketRow({ id: 'a', channel: 'chat', createdAt: 0 }));
    expect(none.build().byValue).toBeUndefined();

    const b = new TicketTableBuilder(2); // grows twice on the way
    b.add(ticketRow({ id: 'a', channel: 'chat', createdAt: 0 }));
    b.add(ticketRow({ id: 'b', channel: 'chat', createdAt: 0 }));
    b.add(ticketRow({ id: 'c', channel: 'chat', createdAt: 0, byValue: 'EU' }));
    b.add(ticketRow({ id: 'd', channel: 'chat', createdAt: 0, byValue: null }));
    b.add(ticketRow({ id: 'e', channel: 'chat', createdAt: 0, byValue: 'US' }));
    b.add(ticketRow({ id: 'f', channel: 'chat', createdAt: 0 }));
    const table = b.build();
    expect([...(table.byValue ?? [])]).toEqual([-1, -1, 0, -1, 1, -1]);
    expect(table.dictionaries.byValue?.values).toEqual(['EU', 'US']);
  });
});
