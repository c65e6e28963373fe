/**
 * Spearman rank correlation with a two-sided p-value from the t
 * approximation, e.g. to check whether response time drifts with queue
 * length or time of day.
 *
 * rho is simple-statistics' `sampleCorrelation` (Pearson) of average ranks,
 * exactly as its `sampleRankCorrelation` computes it (0-based ranks, the same
 * arithmetic, so the same last digit), but the ranks are computed here over
 * typed arrays: the library ranks through an array object per value, which on
 * a million social tickets was most of the follower finding's time (0.9 s of
 * CPU in a profile at 1M rows). The p-value is hand-written because the
 * library has no t distribution function (see studentT.ts).
 */
import { sampleCorrelation } from 'simple-statistics';
import { studentTTwoSided } from './studentT.js';
import { radixSortPairs } from './radix.js';

/** Result of {@link spearman}. */
export interface SpearmanResult {
  /** Spearman's rho (average ranks for ties); NaN when undefined (n < 3 or a constant variable). */
  rho: number;
  /** Two-sided p-value, t = rho·√((n−2)/(1−rho²)) on n − 2 df; NaN when rho is undefined. */
  pValue: number;
  /** Number of complete (non-NaN) pairs used. */
  n: number;
  /** How the p-value was obtained. */
  method: 't-approximation';
}

/**
 * Spearman's rank correlation of paired x and y (pairs with a NaN dropped).
 * Unlike R's cor.test, which uses an exact null distribution for n < 1290
 * without ties, the p-value always uses the t approximation.
 * @throws RangeError when x and y differ in length.
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): SpearmanResult {
  if (x.length !== y.length) {
    throw new RangeError(`x (${x.length}) and y (${y.length}) differ in length`);
  }
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number) && !Number.isNaN(y[i] as number)) n++;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0, k = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    xs[k] = a;
    ys[k++] = b;
  }
  const method = 't-approximation' as const;
  if (n < 3) return { rho: Number.NaN, pValue: Number.NaN, n, method };
  // (typed arrays: the library only indexes and reads length; its type says number[])
  let rho = sampleCorrelation(zeroBased(midranks(xs)) as unknown as number[], zeroBased(midranks(ys)) as unknown as number[]);
  if (!Number.isFinite(rho)) return { rho: Number.NaN, pValue: Number.NaN, n, method };
  // Guard rounding just outside [−1, 1].
  rho = Math.max(-1, Math.min(1, rho));
  if (Math.abs(rho) === 1) return { rho, pValue: 0, n, method };
  const t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
  return { rho, pValue: studentTTwoSided(t, n - 2), n, method };
}

/** Index bits of a packed sort key (value · 2^22 + index): up to 4M values. */
const PACK = 2 ** 22;

/**
 * Average ranks (1-based) of `values`, ties sharing the mean rank. Whole numbers in [0, 2^31)
 * (follower counts, whole seconds), up to 4M of them, are packed with their index into one
 * float64 key each and sorted natively; any other values (fractions such as within-cell
 * percentiles, negatives) are put in order by a radix sort of their IEEE 754 bit patterns,
 * which for finite numbers order as the numbers do once the sign is folded in. Both then rank
 * run by run: O(n) after one sort, where a binary search per value took a cache miss per step.
 * The ranks are the same either way (whole or half numbers, exact).
 */
export function midranks(values: Float64Array): Float64Array {
  const n = values.length;
  let packable = n <= PACK;
  for (let i = 0; i < n && packable; i++) {
    const v = values[i] as number;
    packable = Number.isInteger(v) && v >= 0 && v < 2 ** 31;
  }
  return packable ? packedMidranks(values) : bitsMidranks(values);
}

function packedMidranks(values: Float64Array): Float64Array {
  const n = values.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (values[i] as number) * PACK + i;
  keys.sort();
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    const v = Math.floor((keys[start] as number) / PACK);
    let end = start + 1;
    while (end < n && Math.floor((keys[end] as number) / PACK) === v) end++;
    const rank = (start + end + 1) / 2; // positions start..end−1: ranks start+1..end
    for (let k = start; k < end; k++) ranks[(keys[k] as number) % PACK] = rank;
    start = end;
  }
  return ranks;
}

/** Which 32-bit half of a float64 holds the sign and exponent on this machine (1 on little-endian). */
const HIGH_HALF = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;

/**
 * Ranks of any numbers without NaN: each value's 64 bits as two 32-bit halves, made to order as
 * unsigned integers (negative: every bit flipped; positive: the sign bit set; −0 read as +0),
 * sorted by the low half and then, stably, by the high half.
 */
function bitsMidranks(values: Float64Array): Float64Array {
  const n = values.length;
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) f[i] = (values[i] as number) + 0; // −0 + 0 = +0
  const bits = new Uint32Array(f.buffer);
  const hiAt = HIGH_HALF;
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = bits[2 * i + hiAt] as number;
    const l = bits[2 * i + 1 - hiAt] as number;
    if (h >>> 31) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  const byLow = radixSortPairs(lo, index).payload;
  const highs = new Uint32Array(n);
  for (let k = 0; k < n; k++) highs[k] = hi[byLow[k] as number] as number;
  const order = radixSortPairs(highs, Uint32Array.from(byLow)).payload;
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    const v = values[order[start] as number] as number;
    let end = start + 1;
    while (end < n && values[order[end] as number] === v) end++;
    const rank = (start + end + 1) / 2;
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    start = end;
  }
  return ranks;
}

/** Ranks from 0, as simple-statistics ranks (exact: ranks are whole or half numbers). */
function zeroBased(ranks: Float64Array): Float64Array {
  for (let i = 0; i < ranks.length; i++) ranks[i] = (ranks[i] as number) - 1;
  return ranks;
}

/**
 * Ranks of durations some of which are still running (right-censored), for a rank correlation
 * that counts every ticket: each duration's Gehan score U = (how many others are certainly
 * shorter) − (how many are certainly longer), written as the midrank it equals without
 * censoring, (U + n + 1) / 2. An ended duration t is certainly longer than an ended one below t
 * and than none still running; a duration still running at age c is certainly longer than every
 * ended one at or below c (an answer at the age a ticket has waited came no later than it), and
 * not comparable with later answers or with other running ones (score 0 for those pairs). With
 * nothing censored these are exactly the midranks ({@link midranks}). The follower correlation
 * passes them to {@link spearman}, which ranks them again: Spearman's rho on the order of the
 * Gehan scores (with censoring that differs from a Pearson correlation of the scores themselves;
 * without, both are the classic rho). The censored-data rank scores are Gehan's (Biometrika
 * 1965), as in the Gehan test of first response (rankTests.ts). O(n log n): two sorts and a
 * binary search per value.
 */
export function censoredMidranks(times: Float64Array, ended: Uint8Array): Float64Array {
  const n = times.length;
  let events = 0;
  for (let i = 0; i < n; i++) if (ended[i]) events++;
  const ev = new Float64Array(events);
  const cens = new Float64Array(n - events);
  for (let i = 0, e = 0, c = 0; i < n; i++) {
    if (ended[i]) ev[e++] = times[i] as number;
    else cens[c++] = times[i] as number;
  }
  ev.sort();
  cens.sort();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = times[i] as number;
    let u: number;
    if (ended[i]) {
      const below = countBelow(ev, t, false); // ended strictly below t
      const above = events - countBelow(ev, t, true); // ended strictly above t
      const runningPast = cens.length - countBelow(cens, t, false); // still running at an age ≥ t
      u = below - above - runningPast;
    } else {
      u = countBelow(ev, t, true); // ended at or below c
    }
    out[i] = (u + n + 1) / 2;
  }
  return out;
}

/** How many values of ascending `sorted` are below t (`orEqual`: at or below t): a binary search. */
function countBelow(sorted: Float64Array, t: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v < t || (orEqual && v === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
