/**
 * Packed tallies (src/stats/packedTally.ts) hold exactly the cells they were given: the byte
 * layout is checked on hand-written cells, round trips and sums on random tallies against the
 * plain tally functions, and the values the encoding does not cover are kept as they are.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_PACKED, PackedReader, PackedTally, PackedWriter, packMarked, packTally, sumPacked } from '../../../../src/stats/packedTally.js';
import { marksByTicket, marksOfGroups, sortDurations, sumTallies, tallyFromRows, tallyFromSamples, ticketCodes, type Tally } from '../../../../src/stats/tally.js';
import { talliesByTicket, talliesOfGroups } from '../../../reference/tallies.js';
import { CountSeriesBuilder } from '../../../../src/measure/counts.js';
import { kaplanMeier } from '../../../../src/stats/kaplanMeier.js';

const plain = (t: Tally) => ({ times: [...t.times], ended: [...t.ended], waiting: [...t.waiting] });

/** A tally from [time, ended, waiting] cells (times ascending, distinct). */
const tally = (cells: Array<[number, number, number]>): Tally => tallyFromRows(cells.map((c) => c[0]), cells.map((c) => c[1]), cells.map((c) => c[2]));

describe('packed tally', () => {
  it('writes a cell of a step 1–16, ended ≤ 3 and waiting ≤ 1 as one byte, of a step ≤ 63, ended ≤ 255 and waiting ≤ 1 as two, anything else as an escape and three varints', () => {
    const w = new PackedWriter();
    w.cell(5, 1, 0); // step 5 from 0: (4 << 3) | (1 << 1) | 0 = 34
    w.cell(21, 3, 1); // step 16: (15 << 3) | 6 | 1 = 127
    w.cell(22, 0, 1); // step 1: 0 | 0 | 1 = 1
    w.cell(39, 1, 0); // step 17: two bytes, 0x81 + (16 << 1 | 0) = 161, then ended 1
    w.cell(40, 4, 1); // ended 4: 0x81 + (0 << 1 | 1) = 130, then 4
    w.cell(103, 255, 0); // step 63, ended 255: 0x81 + (62 << 1) = 253, then 255
    w.cell(167, 1, 0); // step 64: escape, 64, 1, 0
    w.cell(168, 256, 0); // ended 256 = 0b10_0000000: escape, 1, 0x80 0x02, 0
    w.cell(168 + 300, 1, 2); // step 300 = 0b10_0101100: 0xac 0x02; waiting 2: escape
    const p = w.finish();
    expect([...p.bytes]).toEqual([34, 127, 1, 161, 1, 130, 4, 253, 255, 0x80, 64, 1, 0, 0x80, 1, 0x80, 0x02, 0, 0x80, 0xac, 0x02, 1, 2]);
    expect([p.cells, p.ended, p.waiting, p.last]).toEqual([9, 522, 5, 468]);
    expect(plain(p.unpack())).toEqual({ times: [5, 21, 22, 39, 40, 103, 167, 168, 468], ended: [1, 3, 0, 1, 4, 255, 1, 256, 1], waiting: [0, 1, 1, 0, 1, 0, 0, 0, 2] });
  });

  it('a first time of 0 is an escape (a step of 0); equal times add up; empty cells are left out; times going back are refused', () => {
    const w = new PackedWriter();
    w.cell(0, 1, 0);
    w.cell(0, 1, 1);
    w.cell(3, 0, 0);
    w.cell(7, 1, 0);
    const p = w.finish();
    expect([...p.bytes]).toEqual([0x80, 0, 2, 1, (6 << 3) | 2]);
    expect(plain(p.unpack())).toEqual({ times: [0, 7], ended: [2, 1], waiting: [1, 0] });
    const back = new PackedWriter();
    back.cell(10, 1, 0);
    expect(() => back.cell(9, 1, 0)).toThrow(RangeError);
  });

  it('holds whole numbers up to 2^53 − 1 exactly, and unpacks to float64 columns beyond 32 bits (32-bit otherwise)', () => {
    const big = Number.MAX_SAFE_INTEGER;
    const t = tally([
      [1, 2 ** 32, 0],
      [2 ** 40 + 1, 1, 0],
      [big, 0, 3],
    ]);
    const p = packTally(t);
    expect(p.raw).toBeNull();
    const back = p.unpack();
    expect(back.times instanceof Float64Array).toBe(true);
    expect(plain(back)).toEqual({ times: [1, 2 ** 40 + 1, big], ended: [2 ** 32, 1, 0], waiting: [0, 0, 3] });
    expect(packTally(tally([[10, 1, 0]])).unpack().times instanceof Uint32Array).toBe(true);
    // ended + waiting over 2^32 − 1: the counts do not fit 32 bits together
    expect(packTally(tally([[1, 2 ** 31, 0], [2, 2 ** 31, 0]])).unpack().ended instanceof Float64Array).toBe(true);
  });

  it('unpacks each count column in the fewest bits its largest count needs (8, 16 or 32); sums and curves of them are exact', () => {
    const t = packTally(tally([[1, 255, 1], [2, 1, 256], [3, 2, 0]])).unpack();
    expect(t.times).toBeInstanceOf(Uint32Array);
    expect(t.ended).toBeInstanceOf(Uint8Array); // largest 255
    expect(t.waiting).toBeInstanceOf(Uint16Array); // largest 256
    expect(plain(t)).toEqual({ times: [1, 2, 3], ended: [255, 1, 2], waiting: [1, 256, 0] });
    const wide = packTally(tally([[1, 65_536, 0], [2, 1, 65_535]])).unpack();
    expect(wide.ended).toBeInstanceOf(Uint32Array);
    expect(wide.waiting).toBeInstanceOf(Uint16Array);
    expect(plain(wide)).toEqual({ times: [1, 2], ended: [65_536, 1], waiting: [0, 65_535] });
    // two 8-bit columns added: 255 + 255 = 510 in a column of its own
    const twice = sumTallies([t, t]);
    expect(plain(twice)).toEqual({ times: [1, 2, 3], ended: [510, 2, 4], waiting: [2, 512, 0] });
    // a narrow tally added to one of plain arrays (fractional times) stays exact: float64, not 32-bit
    const plainArrays = { times: [1.5], ended: [1], waiting: [0] } as unknown as Tally;
    const mixed = sumTallies([packTally(tally([[1, 1, 0], [2, 0, 1]])).unpack(), plainArrays]);
    expect(plain(mixed)).toEqual({ times: [1, 1.5, 2], ended: [1, 1, 0], waiting: [0, 0, 1] });
    // Kaplan–Meier on the narrow columns, by hand: 258 ended + 257 waiting = 515 at risk at 1 s,
    // 255 end: S = 260/515; 515 − 255 − 1 = 259 at risk at 2 s, 1 ends: S = 260/515 · 258/259;
    // 259 − 1 − 256 = 2 at risk at 3 s, both end: S = 0
    const curve = kaplanMeier(t);
    expect(curve.time).toBeInstanceOf(Uint32Array);
    expect([...curve.time]).toEqual([1, 2, 3]);
    expect(curve.survival[0]).toBeCloseTo(260 / 515, 15);
    expect(curve.survival[1]).toBeCloseTo((260 / 515) * (258 / 259), 15);
    expect(curve.survival[2]).toBe(0);
  });

  it('keeps a tally with fractional or negative times as it is', () => {
    const t = tally([
      [-2, 1, 0],
      [0.5, 0, 1],
    ]);
    const p = packTally(t);
    expect(p.raw).toBe(t);
    expect([p.cells, p.ended, p.waiting]).toEqual([2, 1, 1]);
    const r = new PackedReader(p);
    const cells: number[][] = [];
    while (r.next()) cells.push([r.time, r.ended, r.waiting]);
    expect(cells).toEqual([
      [-2, 1, 0],
      [0.5, 0, 1],
    ]);
    // summed with a packed one: through the tallies
    expect(plain(sumPacked([p, packTally(tally([[0.5, 2, 0], [3, 1, 0]]))]).unpack())).toEqual({ times: [-2, 0.5, 3], ended: [1, 2, 1], waiting: [0, 1, 0] });
  });

  const cellsArb = fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 ** 34 })), fc.nat(6), fc.nat(2)), { maxLength: 60 });

  it('round trip: unpack(pack(t)) is t, on random tallies (small steps, large times, counts up to 6)', () => {
    fc.assert(
      fc.property(cellsArb, (cells) => {
        const t = tallyFromRows(cells.map((c) => c[0]), cells.map((c) => c[1]), cells.map((c) => c[2]));
        const p = packTally(t);
        expect(plain(p.unpack())).toEqual(plain(t));
        expect(p.cells).toBe(t.times.length);
      }),
    );
  });

  it('a tally of unsigned integer columns (what a pass makes) is packed to the bytes and sizes PackedWriter gives, cell by cell', () => {
    const viaWriter = (t: Tally): PackedTally => {
      if (t.times.length === 0) return EMPTY_PACKED;
      const w = new PackedWriter(4);
      for (let i = 0; i < t.times.length; i++) w.cell(t.times[i]!, t.ended[i]!, t.waiting[i]!);
      return w.finish();
    };
    const fields = (p: PackedTally) => ({ bytes: [...p.bytes], raw: p.raw, cells: p.cells, ended: p.ended, waiting: p.waiting, last: p.last, maxEnded: p.maxEnded, maxWaiting: p.maxWaiting });
    // steps around 1, 16, 17, 63, 64 and large; counts around 3, 4, 255, 256 and beyond; empty and repeated times
    const step = fc.oneof(fc.constantFrom(0, 1, 15, 16, 17, 62, 63, 64, 127, 128, 300), fc.integer({ min: 0, max: 2 ** 20 }));
    const count = fc.oneof(fc.constantFrom(0, 1, 2, 3, 4, 254, 255, 256, 70_000), fc.nat(9));
    const column = fc.constantFrom('u32', 'u16', 'u8');
    // (a count too large for the column wraps: either way both packers get the same column)
    const columnOf = (kind: string, values: number[]) => (kind === 'u32' ? Uint32Array.from(values) : kind === 'u16' ? Uint16Array.from(values) : Uint8Array.from(values));
    fc.assert(
      fc.property(fc.array(fc.tuple(step, count, count), { maxLength: 80 }), fc.tuple(column, column), (cells, [Ended, Waiting]) => {
        let at = 0;
        const times = Uint32Array.from(cells, ([s]) => (at += s));
        const ended = columnOf(Ended, cells.map(([, e]) => e));
        const waiting = columnOf(Waiting, cells.map(([, , w]) => w));
        const t = { times, ended, waiting };
        expect(fields(packTally(t))).toEqual(fields(viaWriter(t)));
      }),
    );
    // hand-worked: the first time 0 is an escape, an equal time adds up, an empty cell is left out
    const p = packTally({ times: Uint32Array.of(0, 0, 3, 7), ended: Uint32Array.of(1, 1, 0, 1), waiting: Uint8Array.of(0, 1, 0, 0) });
    expect([...p.bytes]).toEqual([0x80, 0, 2, 1, (6 << 3) | 2]);
    expect([p.cells, p.ended, p.waiting, p.last, p.maxEnded, p.maxWaiting]).toEqual([2, 3, 1, 7, 2, 1]);
    expect(() => packTally({ times: Uint32Array.of(10, 9), ended: Uint32Array.of(1, 1), waiting: Uint32Array.of(0, 0) })).toThrow(RangeError);
  });

  it('sumPacked of packed tallies is sumTallies of the tallies (a k-way merge), for 0 to 7 of them', () => {
    fc.assert(
      fc.property(fc.array(cellsArb, { maxLength: 7 }), (lists) => {
        const tallies = lists.map((cells) => tallyFromRows(cells.map((c) => c[0]), cells.map((c) => c[1]), cells.map((c) => c[2])));
        const sum = sumPacked(tallies.map(packTally));
        expect(plain(sum.unpack())).toEqual(plain(sumTallies(tallies)));
      }),
    );
    expect(sumPacked([])).toBe(EMPTY_PACKED);
  });
});

describe('packed tallies straight from a pass (packMarked)', () => {
  const fields = (p: PackedTally) => ({ bytes: [...p.bytes], raw: p.raw, cells: p.cells, ended: p.ended, waiting: p.waiting, last: p.last, maxEnded: p.maxEnded, maxWaiting: p.maxWaiting });

  it('writes each group’s cells as its times rise: hand-worked bytes and sizes', () => {
    // tickets 0..4: times 5, 3, 3, 4, 5 s; ticket 2 still waiting, the others ended; groups 0, 1, 0, 1, 0, and group 2 empty
    const sorted = sortDurations([5, 3, 3, 4, 5], [1, 1, 0, 1, 1])!;
    const [zero, one, two] = packMarked(sorted, marksByTicket(sorted, ticketCodes(5, [[0, 2, 4], [1, 3], []], null, 1)), 3);
    // group 0: t = 3 (0 ended, 1 waiting), step 3: (2 << 3) | (0 << 1) | 1 = 17; t = 5 (2 ended), step 2: (1 << 3) | (2 << 1) = 12
    expect(fields(zero!)).toEqual({ bytes: [17, 12], raw: null, cells: 2, ended: 2, waiting: 1, last: 5, maxEnded: 2, maxWaiting: 1 });
    // group 1: t = 3 (1 ended), step 3: (2 << 3) | (1 << 1) = 18; t = 4 (1 ended), step 1: 2
    expect(fields(one!)).toEqual({ bytes: [18, 2], raw: null, cells: 2, ended: 2, waiting: 0, last: 4, maxEnded: 1, maxWaiting: 0 });
    expect(two).toBe(EMPTY_PACKED);
  });

  // times with ties (one-byte cells), steps of 17–63 and beyond (two bytes, escapes), a time of 0, many tickets at a time (ended > 255)
  const time = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 2 ** 30 }));
  const ticketsArb = fc.array(fc.tuple(time, fc.boolean(), fc.nat(12)), { minLength: 0, maxLength: 400 });

  it('gives the bytes and sizes of packing the tallies a pass counts, for 1 to 300 groups (one-byte and 32-bit codes), whole or by cells', () => {
    fc.assert(
      fc.property(ticketsArb, fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 3 }), (tickets, groupCount, cells) => {
        const n = tickets.length;
        const sorted = sortDurations(tickets.map(([t]) => t), tickets.map(([, ended]) => (ended ? 1 : 0)));
        if (!sorted) return;
        // ticket i in group i mod groupCount, every 13th in none; its cell from the third value
        const lists = Array.from({ length: groupCount }, (_, g) => Array.from({ length: n }, (_, i) => i).filter((i) => i % 13 !== 12 && i % groupCount === g));
        const cellOf = Int32Array.from(tickets, ([, , c]) => c % cells);
        const groups = groupCount * cells;
        const byTicket = ticketCodes(n, lists, cellOf, cells);
        expect(packMarked(sorted, marksByTicket(sorted, byTicket), groups).map(fields)).toEqual(talliesByTicket(sorted, byTicket, groups).map(packTally).map(fields));
        expect(packMarked(sorted, marksOfGroups(sorted, lists, cellOf, cells), groups).map(fields)).toEqual(talliesOfGroups(sorted, lists, cellOf, cells).map(packTally).map(fields));
        // and each group's cell is its tickets tallied alone
        const g = groupCount - 1;
        const mine = lists[g]!.filter((i) => cellOf[i] === 0);
        const alone = tallyFromSamples(mine.map((i) => tickets[i]![0]), mine.map((i) => (tickets[i]![1] ? 1 : 0)));
        expect(plain(packMarked(sorted, marksByTicket(sorted, byTicket), groups)[g * cells]!.unpack())).toEqual(plain(alone));
      }),
      { numRuns: 200 },
    );
  });

  it('what a thread’s message makes of a packed tally is revived with the same fields and unpacks alike', () => {
    const p = packTally(tally([[3, 1, 0], [40, 300, 1], [2 ** 31, 2, 0]]));
    const cloned = structuredClone(p);
    expect(cloned).not.toBeInstanceOf(PackedTally);
    const revived = PackedTally.revived(cloned);
    expect(revived).toBeInstanceOf(PackedTally);
    expect(fields(revived)).toEqual(fields(p));
    expect(plain(revived.unpack())).toEqual({ times: [3, 40, 2 ** 31], ended: [1, 300, 2], waiting: [0, 1, 0] });
  });
});

describe('count series builder', () => {
  const key = { dimension: 'bandChannel', group: 'unknown / phone', category: null, priority: null, metric: 'firstResponse' } as const;

  it('cells in any order, repeated, empty or beyond what its buffer holds come out as one sorted, summed series', () => {
    const b = new CountSeriesBuilder();
    b.cells(key, [30, 10, 30, 20, 10], [1, 1, 0, 0, 2], [0, 0, 1, 0, 0]);
    b.cell(key.dimension, key.group, null, null, 'resolution', 5, 1, 0);
    b.cell(key.dimension, key.group, null, null, 'resolution', 6, 0, 1);
    // a fractional time turns the series' buffer into columns; the cells before are kept
    b.cell(key.dimension, key.group, null, null, 'resolution', 5.5, 1, 0);
    b.cell(key.dimension, key.group, null, null, 'resolution', 5, 2, 0);
    const series = b.finish();
    expect(series.map((s) => s.metric)).toEqual(['firstResponse', 'resolution']);
    expect(plain(series[0]!.packed.unpack())).toEqual({ times: [10, 30], ended: [3, 1], waiting: [0, 1] });
    expect(plain(series[1]!.packed.unpack())).toEqual({ times: [5, 5.5, 6], ended: [3, 1, 0], waiting: [0, 0, 1] });
  });

  it('cells given one by one whose time goes back (packed so far, then buffered) are sorted and summed at the end', () => {
    const b = new CountSeriesBuilder();
    for (const [t, e, w] of [[10, 1, 0], [20, 0, 1], [20, 2, 0], [15, 1, 0], [20, 1, 0], [2 ** 45, 0, 7], [3, 0, 1]] as const) b.cell(key.dimension, key.group, null, null, 'firstResponse', t, e, w);
    expect(plain(b.finish()[0]!.packed.unpack())).toEqual({ times: [3, 10, 15, 20, 2 ** 45], ended: [0, 1, 1, 3, 0], waiting: [1, 0, 0, 1, 7] });
  });

  it('a series given in rising order is packed as it comes (no sort); an empty one is left out', () => {
    const b = new CountSeriesBuilder();
    b.cells(key, [2, 3, 2 ** 40], [1, 0, 5], [0, 1, 0]);
    b.cells({ ...key, metric: 'resolution' }, [4], [0], [0]);
    const series = b.finish();
    expect(series).toHaveLength(1);
    expect(plain(series[0]!.packed.unpack())).toEqual({ times: [2, 3, 2 ** 40], ended: [1, 0, 5], waiting: [0, 1, 0] });
  });
});
