/**
 * Every statistic on a tally equals the per-ticket statistic on the tickets it counts (to 1e-9
 * relative), over random censored samples with many ties and the edge cases: empty, one ticket,
 * all ended, all still waiting. The per-ticket functions are the references here: they are the
 * ones checked against published values (test/unit/stats/*), and the tally versions must not
 * change a single number the reports show.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kaplanMeier as kmTickets, kmQuantile as kmQuantileTickets, kmSurvivalAt as kmSurvivalAtTickets } from '../../../reference/kaplanMeier.js';
import { medianSorted, quantileCi, quantileSorted } from '../../../../src/stats/quantile.js';
import { gehan as gehanTickets, gehanStratified as gehanStratifiedTickets } from '../../../reference/gehan.js';
import { logRank as logRankTickets, logRankStratified as logRankStratifiedTickets } from '../../../reference/logRank.js';
import { firstResponseMedian as firstResponseMedianTickets, kmMedianLogVariance as kmMedianLogVarianceTickets } from '../../../reference/median.js';
import { endedOnly, keyRuns, sortDurations, sortKeyed, sortedCount, sumTallies, ticketCodes, tallyFromRows, tallyFromSamples, tallySizes, type SharedMarks, type Tally } from '../../../../src/stats/tally.js';
import { talliesByTicket, talliesOfGroups } from '../../../reference/tallies.js';
import { kaplanMeier, kmQuantile, kmQuantileEstimate, kmSummary, kmSurvivalAt } from '../../../../src/stats/kaplanMeier.js';
import { OrderStatistics } from '../../../../src/stats/orderStatistics.js';
import { kmMedianLogVariance } from '../../../../src/stats/median.js';
// the median estimate the measure stage uses (Kaplan–Meier, or a lower bound when not reached)
import { medianEstimate as firstResponseMedian } from '../../../../src/measure/estimate.js';
import { gehan, gehanStratified, logRank, logRankStratified } from '../../../../src/stats/rankTests.js';

interface Sample {
  times: number[];
  events: number[];
}

/** Equal to 1e-9 relative; null, NaN and ±Infinity must match exactly. */
function close(actual: number | null | undefined, expected: number | null | undefined, what: string): void {
  if (expected === null || expected === undefined || !Number.isFinite(expected)) {
    expect(actual, what).toBe(expected);
    return;
  }
  expect(typeof actual, what).toBe('number');
  const tol = 1e-9 * Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

function closeArrays(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) close(actual[i], expected[i], `${what}[${i}]`);
}

function closeObjects(actual: object, expected: object, what: string): void {
  for (const [key, value] of Object.entries(expected)) {
    const got = (actual as Record<string, unknown>)[key];
    if (typeof value === 'number' || value === null) close(got as number | null, value as number | null, `${what}.${key}`);
  }
}

/** Times drawn from a few values (many ties), from a wide range, or fractional/negative (the sort fallback). */
const time = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
  { weight: 1, arbitrary: fc.double({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true }) },
);

/** A censored sample: each ticket ended with a probability drawn per sample (0 and 1 included). */
const sample: fc.Arbitrary<Sample> = fc
  .tuple(fc.constantFrom(0, 0.3, 0.5, 0.8, 1), fc.array(fc.tuple(time, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 0, maxLength: 40 }))
  .map(([endedShare, pairs]) => ({
    times: pairs.map(([t]) => t),
    events: pairs.map(([, u]) => (u < endedShare || endedShare === 1 ? 1 : 0)),
  }));

/** The same tickets in time order, an event before a censoring at the same time (as the findings pass them). */
function byTime(s: Sample): Sample {
  const idx = s.times.map((_, i) => i).sort((x, y) => (s.times[x] as number) - (s.times[y] as number) || (s.events[y] as number) - (s.events[x] as number));
  return { times: idx.map((i) => s.times[i] as number), events: idx.map((i) => s.events[i] as number) };
}

/** A tally expanded back into tickets, in time order. */
function expand(t: Tally): Sample {
  const out: Sample = { times: [], events: [] };
  for (let i = 0; i < t.times.length; i++) {
    for (let k = 0; k < (t.ended[i] as number); k++) {
      out.times.push(t.times[i] as number);
      out.events.push(1);
    }
    for (let k = 0; k < (t.waiting[i] as number); k++) {
      out.times.push(t.times[i] as number);
      out.events.push(0);
    }
  }
  return out;
}

/** Values as plain numbers, −0 as 0 (one time, whichever sign the first ticket had). */
const plain = (x: ArrayLike<number>): number[] => Array.from(x, (v) => v + 0);

const PROBS = [0, 0.05, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.95, 1];
const RUNS = { numRuns: 300 };

describe('tally builders', () => {
  it('a tally is the sample: strictly ascending distinct times, and expands back to the sorted tickets', () => {
    fc.assert(
      fc.property(sample, (s) => {
        const t = tallyFromSamples(s.times, s.events);
        for (let i = 1; i < t.times.length; i++) expect(t.times[i]).toBeGreaterThan(t.times[i - 1] as number);
        for (let i = 0; i < t.times.length; i++) expect((t.ended[i] as number) + (t.waiting[i] as number)).toBeGreaterThan(0);
        const e = expand(t);
        const sorted = byTime(s);
        expect(e.times.map((x) => x + 0)).toEqual(sorted.times.map((x) => x + 0)); // + 0: −0 and 0 are one time
        expect(e.events).toEqual(sorted.events);
        const sizes = tallySizes(t);
        expect(sizes).toEqual({ n: s.times.length, ended: s.events.filter((x) => x === 1).length, waiting: s.events.filter((x) => x === 0).length });
      }),
      RUNS,
    );
  });

  it('rows in any order, one time split over several rows, give the same tally as the tickets', () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (s, seed) => {
        const t = tallyFromSamples(s.times, s.events);
        // One row per ticket (ended 0/1, waiting 1/0), plus empty rows, shuffled.
        const rows = s.times.map((x, i) => [x, s.events[i] as number, 1 - (s.events[i] as number)] as [number, number, number]);
        rows.push([7.5, 0, 0], [-3, 0, 0]);
        let r = seed;
        for (let i = rows.length - 1; i > 0; i--) {
          r = (r * 1103515245 + 12345) % 2147483648;
          const j = r % (i + 1);
          [rows[i], rows[j]] = [rows[j] as [number, number, number], rows[i] as [number, number, number]];
        }
        const fromRows = tallyFromRows(
          rows.map((x) => x[0]),
          rows.map((x) => x[1]),
          rows.map((x) => x[2]),
        );
        expect(plain(fromRows.times)).toEqual(plain(t.times));
        expect(Array.from(fromRows.ended)).toEqual(Array.from(t.ended));
        expect(Array.from(fromRows.waiting)).toEqual(Array.from(t.waiting));
      }),
      RUNS,
    );
  });

  it('the sum of strata tallies is the tally of all their tickets; the ended part is the tally of the ended', () => {
    fc.assert(
      fc.property(fc.array(sample, { minLength: 0, maxLength: 5 }), (strata) => {
        const all: Sample = { times: strata.flatMap((s) => s.times), events: strata.flatMap((s) => s.events) };
        const summed = sumTallies(strata.map((s) => tallyFromSamples(s.times, s.events)));
        const direct = tallyFromSamples(all.times, all.events);
        expect(plain(summed.times)).toEqual(plain(direct.times));
        expect(Array.from(summed.ended)).toEqual(Array.from(direct.ended));
        expect(Array.from(summed.waiting)).toEqual(Array.from(direct.waiting));
        const ended = endedOnly(direct);
        const endedTimes = all.times.filter((_, i) => all.events[i] === 1);
        const expected = tallyFromSamples(endedTimes, endedTimes.map(() => 1));
        expect(plain(ended.times)).toEqual(plain(expected.times));
        expect(Array.from(ended.ended)).toEqual(Array.from(expected.ended));
        expect(Array.from(ended.waiting)).toEqual(Array.from(expected.waiting));
      }),
      RUNS,
    );
  });

  it('the radix path (thousands of whole seconds, one and two 16-bit passes) equals the typed-array sort', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4096, max: 12_000 }), fc.constantFrom(30_000, 2_000_000_000), fc.integer({ min: 1, max: 2 ** 30 }), (n, range, seed) => {
        let r = seed;
        const next = (): number => (r = (r * 1103515245 + 12345) % 2147483648);
        const times = new Float64Array(n);
        const events = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          times[i] = next() % (i % 3 === 0 ? 50 : range); // ties on a third of the tickets
          events[i] = next() % 4 === 0 ? 0 : 1;
        }
        const t = tallyFromSamples(times, events);
        const e = expand(t);
        const sorted = byTime({ times: Array.from(times), events: Array.from(events) });
        expect(e.times).toEqual(sorted.times);
        expect(e.events).toEqual(sorted.events);
      }),
      { numRuns: 20 },
    );
  });

  it('tallies from durations sorted once equal each group tallied alone; non-whole seconds decline', () => {
    const check = (s: Sample, group: number[], groups: number): void => {
      const sorted = sortDurations(s.times, s.events);
      if (s.times.some((t, i) => Number.isFinite(t) && !Number.isNaN(s.events[i] as number) && !(Number.isInteger(t) && t >= 0 && t <= 2 ** 31 - 1))) {
        expect(sorted).toBeNull();
        return;
      }
      expect(sorted).not.toBeNull();
      const codes = Int32Array.from(group, (g) => (Number.isInteger(g) && g < groups ? g : -1));
      // members: every ticket (codes split them), and again a subset in one group
      const all = talliesOfGroups(sorted!, [Uint32Array.from(s.times, (_, i) => i)], codes, groups);
      const evens = Uint32Array.from(s.times, (_, i) => i).filter((i) => i % 2 === 0);
      const evenTally = talliesOfGroups(sorted!, [evens], null, 1)[0]!;
      const evenAlone = tallyFromSamples(Array.from(evens, (i) => s.times[i] as number), Array.from(evens, (i) => s.events[i] as number));
      expect(plain(evenTally.times)).toEqual(plain(evenAlone.times));
      expect(Array.from(evenTally.ended)).toEqual(Array.from(evenAlone.ended));
      expect(Array.from(evenTally.waiting)).toEqual(Array.from(evenAlone.waiting));
      for (let g = 0; g < groups; g++) {
        const mine = s.times.map((_, i) => i).filter((i) => codes[i] === g);
        const alone = tallyFromSamples(mine.map((i) => s.times[i] as number), mine.map((i) => s.events[i] as number));
        expect(plain(all[g]!.times)).toEqual(plain(alone.times));
        expect(Array.from(all[g]!.ended)).toEqual(Array.from(alone.ended));
        expect(Array.from(all[g]!.waiting)).toEqual(Array.from(alone.waiting));
      }
    };
    fc.assert(
      fc.property(sample, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 2 ** 30 }), (s, groups, seed) => {
        let r = seed;
        const group = s.times.map(() => {
          r = (r * 1103515245 + 12345) % 2147483648;
          return (r % (groups + 1)) - 1; // −1 is left out
        });
        check(s, group, groups);
      }),
      RUNS,
    );
    // Times past 2^16 (two radix passes), up to the largest whole-second key, and NaN times left out.
    let r = 7;
    const next = (): number => (r = (r * 1103515245 + 12345) % 2147483648);
    const s: Sample = { times: [], events: [] };
    const group: number[] = [];
    for (let i = 0; i < 9000; i++) {
      s.times.push(i % 997 === 0 ? Number.NaN : i % 1000 === 1 ? 2 ** 31 - 1 : next() % 5_000_000);
      s.events.push(next() % 3 === 0 ? 0 : 1);
      group.push(next() % 4);
    }
    check(s, group, 4);
    // A hand-sized case: times 5, 3, 3 (waiting), 5 in group 0 and 4 in group 1.
    const hand = talliesOfGroups(sortDurations([5, 3, 3, 4, 5], [1, 1, 0, 1, 1])!, [[0, 1, 2, 3, 4]], Int32Array.from([0, 0, 0, 1, 0]), 2);
    expect(Array.from(hand[0]!.times)).toEqual([3, 5]);
    expect(Array.from(hand[0]!.ended)).toEqual([1, 2]);
    expect(Array.from(hand[0]!.waiting)).toEqual([1, 0]);
    expect(Array.from(hand[1]!.times)).toEqual([4]);
    expect(sortDurations([1.5], [1])).toBeNull();
  });

  it('several disjoint groups tallied in one pass, by cell, dense and sparse (hand-sized)', () => {
    // tickets 0..4: times 5, 3, 3 (waiting), 4, 5; group A = {0, 2}, B = {1, 3}; cells 0 1 0 1 0.
    // A·cell0 = t5 ended + t3 waiting; A·cell1 empty; B·cell0 empty; B·cell1 = t3 and t4 ended.
    const sorted = sortDurations([5, 3, 3, 4, 5], [1, 1, 0, 1, 1])!;
    const cells = Int32Array.from([0, 1, 0, 1, 0]);
    const plain = (t: Tally): number[][] => [Array.from(t.times), Array.from(t.ended), Array.from(t.waiting)];
    const expected = [[[3, 5], [0, 1], [1, 0]], [[], [], []], [[], [], []], [[3, 4], [1, 1], [0, 0]]];
    // 4 members of 5 durations: codes read through the sorted order
    expect(talliesOfGroups(sorted, [[0, 2], [1, 3]], cells, 2).map(plain)).toEqual(expected);
    expect(talliesByTicket(sorted, ticketCodes(5, [[0, 2], [1, 3]], cells, 2), 4).map(plain)).toEqual(expected);
    // 2 members of 20 durations (0..19 s, all ended): marked where they sit
    const twenty = sortDurations(Array.from({ length: 20 }, (_, i) => 19 - i), new Array(20).fill(1))!;
    expect(talliesOfGroups(twenty, [[12], [17]], null, 1).map(plain)).toEqual([[[7], [1], [0]], [[2], [1], [0]]]);
    // groups tallied together must not share a ticket
    expect(() => ticketCodes(5, [[0, 2], [2, 3]], null, 1)).toThrow(/ticket 2 is in two groups/);
  });

  it('sorted keys are held as runs: each distinct key once, with where its run ends', () => {
    // keys 3 3 4 7 7 7 (time 1 ended ×2, time 2 ended, time 3 waiting ×3): runs 3 | 4 | 7 7 7
    const runs = keyRuns(Uint32Array.from([3, 3, 4, 7, 7, 7]));
    expect(Array.from(runs.keys)).toEqual([3, 4, 7]);
    expect(Array.from(runs.ends)).toEqual([2, 3, 6]);
    expect(Array.from(keyRuns(new Uint32Array(0)).keys)).toEqual([]);
    // tickets 0..4 at 5, 3, 3 (waiting), 4, 5 s: keys 10, 6, 7, 8, 10 sorted 6 7 8 10 10
    const sorted = sortDurations([5, 3, 3, 4, 5], [1, 1, 0, 1, 1])!;
    expect(Array.from(sorted.runKeys)).toEqual([6, 7, 8, 10]);
    expect(Array.from(sorted.runEnds)).toEqual([1, 2, 3, 5]);
    expect(Array.from(sorted.position)).toEqual([3, 0, 1, 2, 4]);
    expect(sortedCount(sorted)).toBe(5);
  });

  it('two metrics of the same tickets share their byte marks: what one pass leaves never counts in the next, on either metric', () => {
    // 30 tickets. Metric A: ticket i ended at i s (30 keys). Metric B: tickets 10..29 ended at
    // 29 − i s (20 keys; tickets 0..9 have no time). One marks holder for both, as Samples has.
    const marks: SharedMarks = { bytes: null };
    const a = sortKeyed(Uint32Array.from({ length: 30 }, (_, i) => i * 2), Uint32Array.from({ length: 30 }, (_, i) => i), 30, marks);
    const b = sortKeyed(Uint32Array.from({ length: 20 }, (_, k) => (29 - (k + 10)) * 2), Uint32Array.from({ length: 20 }, (_, k) => k + 10), 30, marks);
    const plain = (t: Tally): number[][] => [Array.from(t.times), Array.from(t.ended), Array.from(t.waiting)];
    // every ticket of A in one group, split by parity of the ticket (a pass over all positions: codes 0 and 1 everywhere)
    const parity = Int32Array.from({ length: 30 }, (_, i) => i % 2);
    const split = talliesOfGroups(a, [Uint32Array.from({ length: 30 }, (_, i) => i)], parity, 2).map(plain);
    expect(split[0]![0]).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28]);
    expect(split[1]![0]).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29]);
    // then one ticket of B (1 member of 20 keys: only it is marked): ticket 15 ended at 14 s, nothing else
    expect(talliesOfGroups(b, [[15]], null, 1).map(plain)).toEqual([[[14], [1], [0]]]);
    // and B's tickets 10..19 in one pass over every position (tickets 20..29 in no group): 19 − k s for k = 0..9 → 10..19 s
    expect(talliesOfGroups(b, [Uint32Array.from({ length: 10 }, (_, k) => k + 10)], null, 1).map(plain)).toEqual([
      [Array.from({ length: 10 }, (_, k) => 10 + k), new Array(10).fill(1), new Array(10).fill(0)],
    ]);
    // back to A with two members: tickets 3 and 25
    expect(talliesOfGroups(a, [[3, 25]], null, 1).map(plain)).toEqual([[[3, 25], [1, 1], [0, 0]]]);
  });

  it('the positions are written into an array the sort is done with (no 4 bytes a ticket more), in shared memory when asked', () => {
    // keys 9, 2, 9, 4, 2 of tickets 0..4 → sorted 2 2 4 9 9: tickets 1, 4 at 0, 1; 3 at 2; 0, 2 at 3, 4
    for (const size of [5, 2000]) {
      // (2,000 tickets: the radix sort; 5: the comparator sort) — the first five keys as above, the rest 10
      const keys = Uint32Array.from({ length: size }, (_, i) => [9, 2, 9, 4, 2][i] ?? 10);
      const index = Uint32Array.from({ length: size }, (_, i) => i);
      const buffers = [keys.buffer, index.buffer];
      const sorted = sortKeyed(keys, index, size);
      expect([...sorted.position.slice(0, 5)], `${size}`).toEqual([3, 0, 4, 2, 1]);
      expect(buffers, `${size}`).toContain(sorted.position.buffer);
      expect([...sorted.runKeys.slice(0, 3)]).toEqual([2, 4, 9]);
      // shared keys and index: the positions are shared too, and the runs
      const sharedKeys = new Uint32Array(new SharedArrayBuffer(4 * size));
      sharedKeys.set(Uint32Array.from({ length: size }, (_, i) => [9, 2, 9, 4, 2][i] ?? 10));
      const sharedIndex = new Uint32Array(new SharedArrayBuffer(4 * size));
      sharedIndex.set(Uint32Array.from({ length: size }, (_, i) => i));
      const there = sortKeyed(sharedKeys, sharedIndex, size, { bytes: null }, true);
      expect(there.position.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(there.runKeys.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect([...there.position.slice(0, 5)]).toEqual([3, 0, 4, 2, 1]);
    }
    // keys of fewer tickets than the table (ticket 1 has none): no array is long enough, positions of their own
    const few = sortKeyed(Uint32Array.of(6, 2), Uint32Array.of(0, 2), 3);
    expect([...few.position]).toEqual([1, -1, 0]);
  });

  it('tally codes: one byte up to 255 groups, 32 bits beyond; both give each group its own tally', () => {
    // 600 tickets, ticket i: time i mod 7 (seconds), ended unless i mod 5 = 0; group i mod G.
    const n = 600;
    const times = Array.from({ length: n }, (_, i) => i % 7);
    const events = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : 1));
    const sorted = sortDurations(times, events)!;
    for (const groups of [3, 255, 256, 300]) {
      const lists = Array.from({ length: groups }, (_, g) => Array.from({ length: n }, (_, i) => i).filter((i) => i % groups === g));
      const codes = ticketCodes(n, lists, null, 1);
      expect(codes instanceof Uint8Array, `${groups} groups`).toBe(groups <= 255);
      const tallies = talliesByTicket(sorted, codes, groups);
      // group 1: tickets 1, 1+G, 1+2G, …: by hand from their times and statuses
      const mine = lists[1]!;
      const byTime = new Map<number, [number, number]>();
      for (const i of mine) {
        const cell = byTime.get(i % 7) ?? [0, 0];
        cell[i % 5 === 0 ? 1 : 0]++;
        byTime.set(i % 7, cell);
      }
      const keys = [...byTime.keys()].sort((a, b) => a - b);
      expect(Array.from(tallies[1]!.times), `${groups} groups`).toEqual(keys);
      expect(Array.from(tallies[1]!.ended)).toEqual(keys.map((t) => byTime.get(t)![0]));
      expect(Array.from(tallies[1]!.waiting)).toEqual(keys.map((t) => byTime.get(t)![1]));
      expect(tallies.reduce((a, t) => a + tallySizes(t).n, 0)).toBe(n);
      expect(() => ticketCodes(n, [lists[0]!, lists[0]!.slice(0, 1)], null, 1)).toThrow(/in two groups/);
    }
    // the "none" code at the byte boundary: 254, 255 and 256 groups (groups × cells), every third
    // ticket in no group; each group's tally equals its tickets tallied alone
    for (const [groups, cells] of [[254, 1], [85, 3], [51, 5], [128, 2]] as const) {
      const members = Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0);
      const lists = Array.from({ length: groups }, (_, g) => members.filter((i) => i % groups === g));
      const cellOf = Int32Array.from({ length: n }, (_, i) => i % cells);
      const codes = ticketCodes(n, lists, cellOf, cells);
      expect(codes instanceof Uint8Array, `${groups} × ${cells}`).toBe(groups * cells <= 255);
      const tallies = talliesByTicket(sorted, codes, groups * cells);
      expect(tallies.reduce((a, t) => a + tallySizes(t).n, 0), `${groups} × ${cells}`).toBe(members.length);
      for (const g of [0, groups - 1]) {
        for (let c = 0; c < cells; c++) {
          const mine = lists[g]!.filter((i) => i % cells === c);
          const alone = tallyFromSamples(mine.map((i) => times[i]!), mine.map((i) => events[i]!));
          const t = tallies[g * cells + c]!;
          expect([Array.from(t.times), Array.from(t.ended), Array.from(t.waiting)], `${groups} × ${cells}: group ${g} cell ${c}`).toEqual([Array.from(alone.times), Array.from(alone.ended), Array.from(alone.waiting)]);
        }
      }
    }
  });

  it("the quantile estimate by binary search equals R's rule on the CDF arrays (kmQuantile)", () => {
    const ps = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1, 1 / 3, 2 / 3];
    fc.assert(
      fc.property(sample, fc.double({ min: 0, max: 1, noNaN: true }), (s, extra) => {
        const curve = kaplanMeier(tallyFromSamples(s.times, s.events));
        for (const p of [...ps, extra]) expect(kmQuantileEstimate(curve, p), `p = ${p}`).toBe(kmQuantile(curve, p).estimate);
      }),
      RUNS,
    );
    // Flat at exactly 0.5 to the end: 4 tickets, 2 answered (10, 20), 2 still waiting at 30 →
    // S = 0.75, 0.5; R's median is the midpoint from 20 to the end of follow-up, (20 + 30) / 2.
    expect(kmQuantileEstimate(kaplanMeier(tallyFromSamples([10, 20, 30, 30], [1, 1, 0, 0])), 0.5)).toBe(25);
  });

  it('drops pairs with a non-finite time or NaN status, as the per-ticket functions do', () => {
    const t = tallyFromSamples([Number.NaN, 2, 3, Number.POSITIVE_INFINITY, 2, 5], [1, 1, Number.NaN, 1, 0, 2]);
    expect(Array.from(t.times)).toEqual([2, 5]);
    expect(Array.from(t.ended)).toEqual([1, 1]); // any non-zero status ended
    expect(Array.from(t.waiting)).toEqual([1, 0]);
  });
});

/** Kaplan–Meier curve, quantiles with CI, survival and summary of one sample, tally vs tickets. */
function checkKaplanMeier(s: Sample, p: number): void {
  const t = tallyFromSamples(s.times, s.events);
  const mine = kaplanMeier(t);
  const ref = kmTickets(s.times, s.events);
  close(mine.n, ref.n, 'n');
  close(mine.totalEvents, ref.totalEvents, 'totalEvents');
  close(mine.maxTime, ref.maxTime, 'maxTime');
  closeArrays(mine.time, ref.time, 'time');
  closeArrays(mine.nRisk, ref.nRisk, 'nRisk');
  closeArrays(mine.nEvent, ref.nEvent, 'nEvent');
  closeArrays(mine.survival, ref.survival, 'survival');
  closeArrays(mine.stdErr, ref.stdErr, 'stdErr');
  closeArrays(mine.stdErrLog, ref.stdErrLog, 'stdErrLog');
  for (const q of [...PROBS, p]) {
    closeObjects(kmQuantile(mine, q), kmQuantileTickets(ref, q), `kmQuantile(${q})`);
    closeObjects(kmQuantile(mine, q, 0.9), kmQuantileTickets(ref, q, 0.9), `kmQuantile(${q}, 0.9)`);
  }
  for (const x of [...s.times, -1, 0, 6.5, 1e6]) close(kmSurvivalAt(mine, x), kmSurvivalAtTickets(ref, x), `S(${x})`);
  const summary = kmSummary(t);
  const median = kmQuantileTickets(ref, 0.5);
  // the same number (a sample of one duration −0 gives +0 on one side: equal as a duration)
  close(summary.median, median.estimate, 'summary.median');
  close(summary.p90, kmQuantileTickets(ref, 0.9).estimate, 'summary.p90');
  if (ref.n === 0) expect(summary.ci95).toBeNull();
  else {
    close(summary.ci95?.[0], median.lo, 'summary.ci95 lower');
    close(summary.ci95?.[1], median.hi, 'summary.ci95 upper');
  }
}

/** Type-7 quantiles, median and order-statistic CIs of the ended, tally vs sorted answered times. */
function checkPlainQuantiles(s: Sample, p: number): void {
  const t = tallyFromSamples(s.times, s.events);
  const answered = Float64Array.from(s.times.filter((_, i) => s.events[i] === 1)).sort();
  const stats = new OrderStatistics(t, 'ended');
  expect(stats.n).toBe(answered.length);
  for (const q of [...PROBS, p]) {
    close(stats.quantile(q), quantileSorted(answered, q), `quantile(${q})`);
    closeObjects(stats.quantileCi(q), quantileCi(answered, q), `quantileCi(${q})`);
    closeObjects(stats.quantileCi(q, 0.8), quantileCi(answered, q, 0.8), `quantileCi(${q}, 0.8)`);
  }
  close(stats.median(), medianSorted(answered), 'median');
  const observed = Float64Array.from(s.times).sort();
  close(new OrderStatistics(t, 'all').median(), medianSorted(observed), 'median of all observed');
}

/** First-response median estimate and kmMedianLogVariance, tally vs tickets (time-sorted, as the findings pass them). */
function checkMedianEstimate(s: Sample): void {
  const t = tallyFromSamples(s.times, s.events);
  const sorted = byTime(s);
  closeObjects(firstResponseMedian(t), firstResponseMedianTickets(sorted), 'firstResponseMedian');
  expect(firstResponseMedian(t).reached).toBe(firstResponseMedianTickets(sorted).reached);
  closeObjects(kmMedianLogVariance(t), kmMedianLogVarianceTickets(s.times, s.events), 'kmMedianLogVariance');
}

/** Gehan (both weightings, and each stratum alone) and log-rank (stratified and each stratum), tallies vs tickets. */
function checkRankTests(strata: Array<{ a: Sample; b: Sample }>): void {
  const t = strata.map((x) => ({ a: tallyFromSamples(x.a.times, x.a.events), b: tallyFromSamples(x.b.times, x.b.events) }));
  closeObjects(gehanStratified(t), gehanStratifiedTickets(strata), 'gehan van-elteren');
  closeObjects(gehanStratified(t, { weighting: 'sum' }), gehanStratifiedTickets(strata, { weighting: 'sum' }), 'gehan sum');
  closeObjects(logRankStratified(t), logRankStratifiedTickets(strata), 'logRankStratified');
  for (const [i, x] of strata.entries()) {
    closeObjects(gehan(t[i]!.a, t[i]!.b), gehanTickets(x.a, x.b), `gehan stratum ${i}`);
    closeObjects(logRank(t[i]!.a, t[i]!.b), logRankTickets(x.a, x.b), `logRank stratum ${i}`);
  }
}

describe('every statistic on a tally = on the tickets, random censored samples with ties', () => {
  const probability = fc.double({ min: 0, max: 1, noNaN: true });
  it('Kaplan–Meier: curve, quantiles with CI, survival, summary', () => {
    fc.assert(fc.property(sample, probability, checkKaplanMeier), RUNS);
  });
  it('plain quantiles of the ended: type 7, median, order-statistic CIs', () => {
    fc.assert(fc.property(sample, probability, checkPlainQuantiles), RUNS);
  });
  it('first-response median estimate (reached or a lower bound) and kmMedianLogVariance', () => {
    fc.assert(fc.property(sample, checkMedianEstimate), RUNS);
  });
  it('Gehan (two-sample, Van Elteren, plain sums) and log-rank (two-sample, stratified)', () => {
    fc.assert(fc.property(fc.array(fc.record({ a: sample, b: sample }), { minLength: 0, maxLength: 4 }), checkRankTests), RUNS);
  });

  it('quantile CIs from the normal approximation (more than 1000 answered)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1001, max: 3000 }), fc.integer({ min: 1, max: 2 ** 30 }), fc.constantFrom(0.1, 0.5, 0.9), (n, seed, p) => {
        let r = seed;
        const times = Array.from({ length: n }, () => (r = (r * 1103515245 + 12345) % 2147483648) % 200);
        const t = tallyFromSamples(times, times.map(() => 1));
        const sorted = Float64Array.from(times).sort();
        closeObjects(new OrderStatistics(t).quantileCi(p), quantileCi(sorted, p), 'quantileCi');
        close(new OrderStatistics(t).quantile(p), quantileSorted(sorted, p), 'quantile');
      }),
      { numRuns: 20 },
    );
  });
});

describe('every statistic on a tally = on the tickets, edge cases', () => {
  const cases: Record<string, Sample> = {
    empty: { times: [], events: [] },
    'one ended': { times: [7], events: [1] },
    'one waiting': { times: [7], events: [0] },
    'all waiting, tied': { times: [5, 5, 3, 9, 9, 9], events: [0, 0, 0, 0, 0, 0] },
    'all ended, tied': { times: [5, 5, 3, 9, 9, 9, 0], events: [1, 1, 1, 1, 1, 1, 1] },
    'one time, ended and waiting': { times: [4, 4, 4, 4], events: [1, 0, 1, 0] },
    'median not reached': { times: [10, 20, 100, 200, 300], events: [1, 1, 0, 0, 0] },
    'flat at one half to the end': { times: [1, 2, 3, 4], events: [1, 1, 0, 0] },
    'last event empties the risk set': { times: [1, 2, 2, 3], events: [1, 0, 1, 1] },
  };
  for (const [name, s] of Object.entries(cases)) {
    it(name, () => {
      checkKaplanMeier(s, 0.5);
      checkPlainQuantiles(s, 0.5);
      checkMedianEstimate(s);
      for (const o of Object.values(cases)) checkRankTests([{ a: s, b: o }, { a: o, b: s }]);
    });
  }
});
