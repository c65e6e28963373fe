// The table builder: room reserved from estimates, the --by column made only when a row has a
// value; reading customer ids ahead. Values worked out by hand.
import { describe, expect, it } from 'vitest';
import { TicketTableBuilder, followersOf, locationsOf, withoutLocations } from '../../../src/normalise/table.js';
import { StringTable } from '../../../src/normalise/strings.js';
import { fieldRanges } from '../../../src/normalise/fields.js';
import { CsvScanner } from '../../../src/read/scan.js';
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
    expect([...locationsOf(table).line]).toEqual([2, 3, 4, 5, 6]);
    expect([...table.createdAt]).toEqual([0, 100, 200, 300, 400]);
    // an audit lets the locations go: every other column stays the same array
    const bare = withoutLocations(table);
    expect(bare.fileIndex).toBeUndefined();
    expect(bare.line).toBeUndefined();
    expect(bare.createdAt).toBe(table.createdAt);
    expect(bare.id).toBe(table.id);
    expect(bare.size).toBe(5);
    expect(() => locationsOf(bare)).toThrow(/no longer holds where its tickets were read/);
  });

  // While customer ids are a prefix and a running number, their codes are given when the table
  // is built (TicketTableBuilder.customerWaiting); every case below must end with the codes of
  // first appearance that coding row by row gives, worked out here by hand.
  describe('customers coded when the table is built get the codes of first appearance', () => {
    const build = (customers: Array<string | null>, replace?: { at: number; customer: string }) => {
      const b = new TicketTableBuilder(2); // grows on the way
      customers.forEach((customerId, k) => b.add(ticketRow({ id: `T${k}`, customerId, channel: 'email', createdAt: k })));
      if (replace) b.replace(replace.at, ticketRow({ id: `T${replace.at}`, customerId: replace.customer, channel: 'phone', createdAt: 0 }));
      const table = b.build();
      return { codes: [...table.customer], values: table.dictionaries.customer.values };
    };

    it('numbered ids, none, then an id of another form half way', () => {
      // C5 → 0, C9 → 1, C12 → 2, acme → 3 (the ones before it coded first), C40 → 4
      expect(build(['C5', 'C9', 'C5', null, 'C12', 'acme', 'C9', 'C40'])).toEqual({
        codes: [0, 1, 0, -1, 2, 3, 1, 4],
        values: ['C5', 'C9', 'C12', 'acme', 'C40'],
      });
    });

    it('an id with a leading zero that fixes the width, then one of another width', () => {
      // C07 fits once every id so far has two digits (width fixed at 2); C5 then is of another form
      expect(build(['C12', 'C34', 'C12', 'C07', 'C34', 'C5', 'C07'])).toEqual({
        codes: [0, 1, 0, 2, 1, 3, 2],
        values: ['C12', 'C34', 'C07', 'C5'],
      });
    });

    it('numbers too far apart for an index by number', () => {
      expect(build(['C1', 'C999999999', 'C1', 'C500000000'])).toEqual({
        codes: [0, 1, 0, 2],
        values: ['C1', 'C999999999', 'C500000000'],
      });
    });

    it('a reservation between files counts the customers that wait, and the index by number is kept as row-by-row coding kept it', () => {
      // The stream reserves before each file: the customers held so far plus the file's
      // estimate. Here 10 customers C0..C9, then 20,000 more expected, then C145575: an index by
      // number may span 4 entries a customer expected plus 65,536, 4 × 20,010 + 65,536 = 145,576
      // numbers, and C0..C145575 are exactly that many, so row by row the index is kept. Counted
      // without the 9 customers still waiting (20,001 expected) it would span 145,540 at most,
      // and the customers would go to the hash slots, no longer waiting.
      const b = new TicketTableBuilder();
      const rowByRow = new StringTable();
      for (let k = 0; k < 10; k++) {
        b.add(ticketRow({ id: `T${k}`, customerId: `C${k}`, channel: 'email', createdAt: k }));
        rowByRow.intern(`C${k}`);
      }
      b.reserve(b.size + 20_000, 20_000);
      rowByRow.reserve(10 + 20_000);
      expect(b.dictionaries.customer.size).toBe(10);
      b.add(ticketRow({ id: 'T10', customerId: 'C145575', channel: 'email', createdAt: 10 }));
      rowByRow.intern('C145575');
      // (a row without a customer codes those that wait)
      b.add(ticketRow({ id: 'T11', customerId: null, channel: 'email', createdAt: 11 }));
      expect(rowByRow.byNumbers).toBe(true);
      // a customer of the form waits again: the index by number is still there
      expect(b.dictionaries.customer.waitingNumber('C11')).toBe(11);
      const table = b.build();
      expect([...table.customer]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -1]);
      expect(table.dictionaries.customer.values).toEqual([...Array.from({ length: 10 }, (_, k) => `C${k}`), 'C145575']);
    });

    it('a later row of the same ticket: the customer of the row replaced keeps its place', () => {
      // T0 was C5 (code 0), T1 C8 (1); T0's later row names C9 (2)
      expect(build(['C5', 'C8'], { at: 0, customer: 'C9' })).toEqual({ codes: [2, 1], values: ['C5', 'C8', 'C9'] });
    });
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

  it('has no follower column until a row carries a count; rows without one read NaN, a later row of the same ticket included', () => {
    const none = new TicketTableBuilder();
    none.add(ticketRow({ id: 'a', channel: 'social', createdAt: 0 }));
    const empty = none.build();
    expect(empty.followers).toBeNull();
    expect(followersOf(empty, 0)).toBeNaN();

    const b = new TicketTableBuilder(2); // grows twice on the way
    b.add(ticketRow({ id: 'a', channel: 'social', createdAt: 0 }));
    b.add(ticketRow({ id: 'b', channel: 'social', createdAt: 0 }));
    const c = b.add(ticketRow({ id: 'c', channel: 'social', createdAt: 0, followers: 150_000 }));
    b.add(ticketRow({ id: 'd', channel: 'social', createdAt: 0 }));
    b.add(ticketRow({ id: 'e', channel: 'social', createdAt: 0, followers: 0 }));
    b.replace(c, ticketRow({ id: 'c', channel: 'social', createdAt: 5 })); // the later row has no count
    const table = b.build();
    expect(Array.from({ length: 5 }, (_, i) => followersOf(table, i))).toEqual([NaN, NaN, NaN, NaN, 0]);
    expect(table.followers?.length).toBe(5);
  });
});

describe('reading customer ids ahead', () => {
  it('finds the trimmed ranges of a column, quotes and spaces off, ragged and empty fields left out', () => {
    // record 0 is the header; ranges are byte offsets into the whole text
    const text = 'id,customer\nT1,C7\nT2," C42 "\nT3\nT4,\nT5,"C""9"""\n';
    const scanner = new CsvScanner({ file: 'f.csv', delimiter: ',', recordDelimiter: '\n' });
    scanner.feed(Buffer.from(text));
    scanner.finish();
    const starts = new Int32Array(8);
    const ends = new Int32Array(8);
    const n = fieldRanges(scanner.batch, 1, 1, scanner.batch.count, starts, ends);
    // C7 at 15..17; " C42 " quoted at 21..28 → C42 at 23..26; T3 has one field; T4's is empty;
    // "C""9""" (doubled quotes, 39..47) is left as it stands, quotes and all
    expect(n).toBe(3);
    expect([...starts.subarray(0, n)]).toEqual([15, 23, 39]);
    expect([...ends.subarray(0, n)]).toEqual([17, 26, 47]);
    expect(text.slice(23, 26)).toBe('C42');
  });

  it('changes no answer of the table, whatever the ranges hold', () => {
    const table = new StringTable();
    for (let i = 0; i < 5000; i++) table.intern(`C${i * 3}`);
    const bytes = Buffer.from('C0,C3,C4,C14997,,zzz');
    table.warmAscii(bytes, Int32Array.from([0, 3, 6, 9, 16, 17]), Int32Array.from([2, 5, 8, 15, 16, 20]), 6);
    expect(table.size).toBe(5000);
    expect(table.findAscii(bytes, 0, 2)).toBe(0); // C0
    expect(table.findAscii(bytes, 3, 5)).toBe(1); // C3
    expect(table.findAscii(bytes, 6, 8)).toBe(-1); // C4 is not a multiple of 3
    expect(table.findAscii(bytes, 9, 15)).toBe(4999); // C14997 = C(4999 × 3)
    expect(table.internAscii(bytes, 17, 20)).toBe(5000); // zzz, new
  });
});
