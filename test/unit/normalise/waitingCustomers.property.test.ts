// Customers that wait (TicketTableBuilder.customerWaiting): while every customer id is a prefix
// and a running number, a row's customer is kept as its number and coded only later, in one pass
// in ticket order (when the table is built, before a row is replaced by a later row of the same
// ticket, and before a customer of another form is coded). The claim is that the built table is
// exactly what coding row by row gave: codes in the order of first appearance over the rows as
// they were written (a replaced row's customer keeps the place where it first came), and the
// dictionary's strings written back exactly (a width fixed by leading zeros included).
//
// Checked here against a model of that rule written in the test (a Map in order of writes), over
// random mixes of the id forms that move the table between its states — numbered ids of one
// prefix, ids with leading zeros of a few widths (fixing the form's width, or not fitting it),
// numbers near and far apart (the index by number given up for the hash slots), 9- and 10-digit
// numbers, ids of other prefixes, ids that are only digits, non-ASCII ids, no id and empty ids —
// written as string rows and as byte rows (the id interned first, as load/stream.ts does),
// interleaved with later rows of earlier tickets and with reservations as the stream makes them
// between files.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteRow, TEXT_CUSTOMER, TicketTableBuilder } from '../../../src/normalise/table.js';
import { ticketRow } from '../../helpers/tickets.js';

type Customer = string | null;
type Op =
  | { kind: 'add'; customer: Customer; bytes: boolean }
  | { kind: 'replace'; at: number; customer: Customer; bytes: boolean }
  | { kind: 'reserve'; rows: number; customers: number };

const number = (min: number, max: number) => fc.integer({ min, max });
const customer: fc.Arbitrary<Customer> = fc.oneof(
  { weight: 8, arbitrary: number(0, 40).map((n) => `C${n}`) },
  { weight: 4, arbitrary: number(10, 99).map((n) => `C${n}`) },
  { weight: 3, arbitrary: number(100, 999).map((n) => `C${n}`) },
  { weight: 3, arbitrary: fc.record({ n: number(0, 120), w: fc.constantFrom(2, 3, 4, 9) }).map(({ n, w }) => `C${String(n).padStart(w, '0')}`) },
  { weight: 2, arbitrary: number(60_000, 400_000).map((n) => `C${n}`) },
  { weight: 1, arbitrary: number(100_000_000, 999_999_999).map((n) => `C${n}`) },
  { weight: 1, arbitrary: number(1_000_000_000, 2_000_000_000).map((n) => `C${n}`) },
  { weight: 1, arbitrary: number(0, 50).map((n) => `${n}`) },
  { weight: 1, arbitrary: number(0, 50).map((n) => `D${n}`) },
  { weight: 1, arbitrary: fc.constantFrom('C', 'guest', 'Ć7', 'C7€', 'C١٢', 'c7', 'C-7', '007') },
  { weight: 2, arbitrary: fc.constantFrom(null, '') },
);
// (a run of the first form before the mix, so that the numbered states are reached and left)
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('add' as const), customer, bytes: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), customer, bytes: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reserve' as const), rows: number(0, 200), customers: number(0, 300_000) }) },
);
const start = fc.array(number(0, 60).map((n): Op => ({ kind: 'add', customer: `C${n}`, bytes: n % 2 === 0 })), { maxLength: 20 });
const ops = fc.tuple(start, fc.array(op, { maxLength: 120 })).map(([a, b]) => [...a, ...b]);

/** A byte row of ticket `id` and customer `c`: an ASCII id as a byte range, else as text (as the byte reader does). */
function byteRow(id: string, c: Customer, line: number): ByteRow {
  const row = new ByteRow();
  const ascii = c !== null && /^[\x00-\x7f]*$/.test(c);
  const text = `,${id},${ascii ? c : ''},`;
  row.bytes = Buffer.from(text, 'latin1');
  row.idStart = 1;
  row.idEnd = 1 + id.length;
  for (let k = 0; k < row.start.length; k++) row.start[k] = row.end[k] = 0; // (no value)
  if (ascii) {
    row.start[TEXT_CUSTOMER] = 2 + id.length;
    row.end[TEXT_CUSTOMER] = 2 + id.length + (c as string).length;
  } else {
    row.start[TEXT_CUSTOMER] = -1;
    row.text[TEXT_CUSTOMER] = c;
  }
  row.rawChannel = 'email';
  row.file = 'f.csv';
  row.line = line;
  return row;
}

function run(sequence: Op[]): { codes: number[]; values: string[]; want: { codes: number[]; values: string[] } } {
  const b = new TicketTableBuilder(2); // grows on the way
  // the model: codes in the order customers are written, each ticket holding its last row's
  const code = new Map<string, number>();
  const ticketCustomer: Customer[] = [];
  const write = (i: number, c: Customer): void => {
    ticketCustomer[i] = c;
    if (c !== null && c !== '' && !code.has(c)) code.set(c, code.size);
  };
  sequence.forEach((o, line) => {
    if (o.kind === 'reserve') {
      // as load/stream.ts before each file read from bytes
      b.reserve(b.size + o.rows, o.customers, 0, 0);
      return;
    }
    const n = ticketCustomer.length;
    const i = o.kind === 'add' || n === 0 ? n : o.at % n;
    const id = `T${i}`;
    if (o.bytes) {
      const row = byteRow(id, o.customer, line);
      const slot = b.ids.size;
      const earlier = b.ids.internAscii(row.bytes, row.idStart, row.idEnd);
      if (earlier === slot) b.addBytes(row);
      else b.replaceBytes(earlier, row);
    } else {
      const row = ticketRow({ id, customerId: o.customer, channel: 'email', createdAt: line, line });
      if (i === n) b.add(row);
      else b.replace(i, row);
    }
    write(i, o.customer);
  });
  const table = b.build();
  return {
    codes: [...table.customer],
    values: table.dictionaries.customer.values,
    want: { codes: ticketCustomer.map((c) => (c === null || c === '' ? -1 : (code.get(c) as number))), values: [...code.keys()] },
  };
}

describe('customers coded when the table is built', () => {
  it('get the codes of first appearance and the same strings as coding row by row, whatever the mix of forms and writes', () => {
    fc.assert(
      fc.property(ops, (sequence) => {
        const { codes, values, want } = run(sequence);
        expect(codes).toEqual(want.codes);
        expect(values).toEqual(want.values);
      }),
      { numRuns: 200, seed: 20261202 },
    );
  });

  it('a long run of one form with far numbers, a width fixed by a leading zero and a later other form', () => {
    // hand-made: C10..C99 (two digits each), C05 fixes the width at 2, C150 then leaves the
    // form, a far number and a later row of ticket 3 (C13, once C13) naming C05
    const sequence: Op[] = [
      ...Array.from({ length: 90 }, (_, k): Op => ({ kind: 'add', customer: `C${10 + ((k * 7) % 90)}`, bytes: k % 3 === 0 })),
      { kind: 'add', customer: 'C05', bytes: true },
      { kind: 'replace', at: 3, customer: 'C05', bytes: false },
      { kind: 'add', customer: 'C150', bytes: false },
      { kind: 'add', customer: 'C999999999', bytes: true },
      { kind: 'add', customer: 'C17', bytes: true },
    ];
    const { codes, values } = run(sequence);
    // (every k·7 mod 90 for k < 90 differs: 90 customers C10..C99, codes 0..89 in that order)
    const first = Array.from({ length: 90 }, (_, k) => `C${10 + ((k * 7) % 90)}`);
    expect(values).toEqual([...first, 'C05', 'C150', 'C999999999']);
    const expected = Array.from({ length: 90 }, (_, k) => k);
    expected[3] = 90; // ticket 3's later row: C05
    expect(codes).toEqual([...expected, 90, 91, 92, first.indexOf('C17')]);
  });
});
