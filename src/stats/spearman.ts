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
 * float64 key each and sorted natively, then ranked run by run; anything else is ranked from one
 * sorted copy by binary search. Both give the same ranks (whole or half numbers, exact).
 */
export function midranks(values: Float64Array): Float64Array {
  const n = values.length;
  let packable = n <= PACK;
  for (let i = 0; i < n && packable; i++) {
    const v = values[i] as number;
    packable = Number.isInteger(v) && v >= 0 && v < 2 ** 31;
  }
  return packable ? packedMidranks(values) : searchedMidranks(values);
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

function searchedMidranks(values: Float64Array): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const n = values.length;
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    // first position holding v, and first position past it
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    hi = n;
    while (end < hi) {
      const mid = (end + hi) >>> 1;
      if ((sorted[mid] as number) <= v) end = mid + 1;
      else hi = mid;
    }
    ranks[i] = (lo + end + 1) / 2; // positions lo..end−1 hold v: ranks lo+1..end, mean (lo+1+end)/2
  }
  return ranks;
}

/** Ranks from 0, as simple-statistics ranks (exact: ranks are whole or half numbers). */
function zeroBased(ranks: Float64Array): Float64Array {
  for (let i = 0; i < ranks.length; i++) ranks[i] = (ranks[i] as number) - 1;
  return ranks;
}
