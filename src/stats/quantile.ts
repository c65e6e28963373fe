/**
 * Sample quantiles of response times and their distribution-free
 * confidence intervals.
 *
 * Hand-written because simple-statistics' `quantileSorted` is not R's type 7
 * (the definition reports and R users expect), does not accept typed arrays,
 * and the library has no order-statistic confidence interval. Everything
 * here works on a sorted `Float64Array` and is O(n) after an O(n log n) sort,
 * so it is usable on millions of values.
 */
import { zCritical } from './normal.js';

/** Largest n for which {@link quantileCi} uses the exact binomial distribution. */
export const QUANTILE_CI_EXACT_MAX_N = 1000;

/**
 * Copy `values` into a new `Float64Array`, dropping NaN, sorted ascending
 * (typed-array numeric sort). ±Infinity are kept.
 */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  let kept = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i] as number)) kept++;
  const out = new Float64Array(kept);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) out[j++] = v;
  }
  return out.sort();
}

function checkProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
}

/**
 * a + frac·(b − a), type 7's interpolation, to the microsecond: (n − 1)·p is seldom exact in
 * binary (7 values at p = 0.9 between 100 and 200 gave 140.00000000000003), and a duration of
 * whole seconds shown or stored as such is arithmetic noise, not precision. Values of 10⁹ or more
 * are left as they are (a microsecond is below their last bit of precision).
 */
export function interpolate(a: number, b: number, frac: number): number {
  const v = a + frac * (b - a);
  return Math.abs(v) < 1e9 ? Math.round(v * 1e6) / 1e6 : v;
}

/**
 * Quantile of an ascending-sorted sample by R's default definition (type 7):
 * with h = (n − 1)·p, linear interpolation between x[⌊h⌋] and x[⌊h⌋ + 1]
 * (0-based; {@link interpolate}). NaN for an empty sample. Throws RangeError unless 0 ≤ p ≤ 1.
 */
export function quantileSorted(sorted: Float64Array, p: number): number {
  checkProbability(p);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo >= n - 1) return sorted[n - 1] as number;
  const frac = h - lo;
  if (frac === 0) return a;
  return interpolate(a, sorted[lo + 1] as number, frac);
}

/**
 * Exact sample median of an ascending-sorted sample: the middle value for odd
 * n, the mean of the two middle values for even n. NaN for an empty sample.
 */
export function medianSorted(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  if (n % 2 === 1) return sorted[mid] as number;
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** 1-based order-statistic ranks bounding a quantile confidence interval. */
export interface QuantileCiRanks {
  /** Rank l of the lower bound x_(l), or null when no order statistic qualifies. */
  l: number | null;
  /** Rank u of the upper bound x_(u), or null when no order statistic qualifies. */
  u: number | null;
  /** Exact binomial (n ≤ {@link QUANTILE_CI_EXACT_MAX_N}) or normal approximation. */
  method: 'exact' | 'normal';
}

/**
 * Order-statistic ranks (1-based) of the distribution-free confidence interval
 * [x_(l), x_(u)] for the p-quantile of a sample of size n.
 *
 * With B ~ Bin(n, p) the number of observations below the true quantile, the
 * interval covers it with probability P(l ≤ B < u) = 1 − P(B ≤ l−1) − P(B ≥ u).
 * The ranks are chosen **equal-tailed**: l is the largest rank with
 * P(B ≤ l−1) ≤ α/2 and u the smallest rank with P(B ≥ u) ≤ α/2, so the
 * coverage is at least `level` and each excluded tail is at most α/2
 * (e.g. n = 10, median, 95 % → x_(2), x_(9), coverage 0.9785).
 *
 * For n > {@link QUANTILE_CI_EXACT_MAX_N} the same rule is applied with the
 * continuity-corrected normal approximation to the binomial:
 * l = ⌊np − zσ + ½⌋, u = ⌈np + zσ + ½⌉ with σ = √(np(1−p)).
 *
 * A bound is null when it would need an order statistic outside 1..n (the
 * sample is too small for that tail at this level).
 */
export function quantileCiRanks(n: number, p: number, level = 0.95): QuantileCiRanks {
  checkProbability(p);
  const z = zCritical(level);
  const half = (1 - level) / 2;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (n === 0) return { l: null, u: null, method: 'exact' };

  if (n > QUANTILE_CI_EXACT_MAX_N) {
    const mu = n * p;
    const sigma = Math.sqrt(n * p * (1 - p));
    const l = Math.floor(mu - z * sigma + 0.5);
    const u = Math.ceil(mu + z * sigma + 0.5);
    return { l: l >= 1 ? l : null, u: u <= n ? u : null, method: 'normal' };
  }

  // Binomial pmf in log space (no underflow for n up to 1000 at any p).
  const pmf = new Float64Array(n + 1);
  if (p === 0) pmf[0] = 1;
  else if (p === 1) pmf[n] = 1;
  else {
    const lp = Math.log(p);
    const lq = Math.log1p(-p);
    let lnC = 0;
    for (let k = 0; k <= n; k++) {
      if (k > 0) lnC += Math.log(n - k + 1) - Math.log(k);
      pmf[k] = Math.exp(lnC + k * lp + (n - k) * lq);
    }
  }
  const tol = 1e-12;
  // Lower: largest k with P(B ≤ k) ≤ α/2, then l = k + 1.
  let l: number | null = null;
  let cdf = 0;
  for (let k = 0; k < n; k++) {
    cdf += pmf[k] as number;
    if (cdf <= half * (1 + tol)) l = k + 1;
    else break;
  }
  // Upper: smallest u with P(B ≥ u) ≤ α/2 (tail summed from the top).
  let u: number | null = null;
  let tail = 0;
  for (let k = n; k >= 1; k--) {
    tail += pmf[k] as number;
    if (tail <= half * (1 + tol)) u = k;
    else break;
  }
  return { l, u, method: 'exact' };
}

/**
 * Distribution-free confidence interval for the p-quantile of an
 * ascending-sorted sample, from order statistics (see
 * {@link quantileCiRanks} for the rank choice: equal-tailed, exact binomial
 * for n ≤ 1000, normal approximation above). `lo`/`hi` are null where the
 * bound does not exist because the sample is too small. Ties in the data make
 * the interval slightly conservative, never anti-conservative.
 */
export function quantileCi(
  sorted: Float64Array,
  p: number,
  level = 0.95,
): { lo: number | null; hi: number | null } {
  const { l, u } = quantileCiRanks(sorted.length, p, level);
  return {
    lo: l === null ? null : (sorted[l - 1] as number),
    hi: u === null ? null : (sorted[u - 1] as number),
  };
}
