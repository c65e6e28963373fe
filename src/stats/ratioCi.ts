/**
 * Confidence interval for the ratio of two medians (e.g. "channel A's median
 * response time is 1.8× channel B's"), affordable at any sample size.
 *
 * Price & Bonett (2002) distribution-free method: each sample's
 * var(ln median) is estimated from two symmetric order statistics, and the
 * ratio CI is exp(ln(m1/m2) ± z·√(v1 + v2)). A variant derives the
 * log-variances from already computed median CIs (Kaplan–Meier medians).
 * Hand-written because simple-statistics has nothing of the kind; the cost
 * is one sort per sample (or none if the caller passes sorted data).
 */
import { medianSorted, sortedCopy } from './quantile.js';
import { zCritical } from './normal.js';

/** A ratio estimate with its confidence interval; null = not estimable / open-ended. */
export interface RatioCi {
  /** m1 / m2 after flooring, or null when either median is unavailable. */
  ratio: number | null;
  /** Lower bound, or null when it cannot be bounded. */
  lo: number | null;
  /** Upper bound, or null when open-ended. */
  hi: number | null;
}

/** Options shared by the ratio CIs. */
export interface RatioCiOptions {
  /** Confidence level, default 0.95. */
  level?: number;
  /**
   * Positive floor applied before taking logs: values (and medians/bounds)
   * below it, in particular 0 and negatives, are raised to it. Default 1
   * (one second). Raising to a floor is monotone, so order statistics stay ordered.
   */
  floor?: number;
}

function resolve(opts: RatioCiOptions): { z: number; floor: number } {
  const floor = opts.floor ?? 1;
  if (!(floor > 0) || !Number.isFinite(floor)) throw new RangeError(`floor must be a positive finite number, got ${floor}`);
  return { z: zCritical(opts.level ?? 0.95), floor };
}

/**
 * Price–Bonett estimate of var(ln median) for an ascending-sorted sample:
 * ((ln x_(n−c+1) − ln x_(c)) / (2z))² with c = round((n+1)/2 − z·√(n/4)),
 * clamped to 1 ≤ c ≤ (n+1)/2 (1-based order statistics, values floored).
 * NaN when n < 2 (no spread information).
 */
export function medianLogVariance(sorted: Float64Array, level = 0.95, floor = 1): number {
  const { z } = resolve({ level, floor });
  const n = sorted.length;
  if (n < 2) return Number.NaN;
  let c = Math.round((n + 1) / 2 - z * Math.sqrt(n / 4));
  c = Math.max(1, Math.min(c, Math.floor((n + 1) / 2)));
  const lo = Math.max(sorted[c - 1] as number, floor);
  const hi = Math.max(sorted[n - c] as number, floor);
  const w = (Math.log(hi) - Math.log(lo)) / (2 * z);
  return w * w;
}

/** Median of an ascending-sorted sample after raising values to the floor. */
function flooredMedian(sorted: Float64Array, floor: number): number {
  const n = sorted.length;
  const mid = n >> 1;
  if (n % 2 === 1) return Math.max(sorted[mid] as number, floor);
  return (Math.max(sorted[mid - 1] as number, floor) + Math.max(sorted[mid] as number, floor)) / 2;
}

/**
 * Price–Bonett CI for median(x) / median(y) from two ascending-sorted samples
 * without NaN (see {@link sortedCopy}). ratio is null when a sample is empty;
 * lo/hi are null when a sample has fewer than 2 values.
 */
export function ratioCiSorted(xSorted: Float64Array, ySorted: Float64Array, opts: RatioCiOptions = {}): RatioCi {
  const { z, floor } = resolve(opts);
  const level = opts.level ?? 0.95;
  if (xSorted.length === 0 || ySorted.length === 0) return { ratio: null, lo: null, hi: null };
  const m1 = flooredMedian(xSorted, floor);
  const m2 = flooredMedian(ySorted, floor);
  const ratio = m1 / m2;
  const v1 = medianLogVariance(xSorted, level, floor);
  const v2 = medianLogVariance(ySorted, level, floor);
  if (Number.isNaN(v1) || Number.isNaN(v2)) return { ratio, lo: null, hi: null };
  const half = z * Math.sqrt(v1 + v2);
  const lr = Math.log(ratio);
  return { ratio, lo: Math.exp(lr - half), hi: Math.exp(lr + half) };
}

/**
 * Price–Bonett CI for median(x) / median(y) from raw samples (NaN dropped).
 * Equivalent to {@link ratioCiSorted} on sorted copies. The unfloored sample
 * median is {@link medianSorted}; they differ only when it is below the floor.
 */
export function ratioCi(x: ArrayLike<number>, y: ArrayLike<number>, opts: RatioCiOptions = {}): RatioCi {
  return ratioCiSorted(sortedCopy(x), sortedCopy(y), opts);
}

/** Log-scale standard deviations of an estimate below and above it, null = unknown. */
function logSpread(
  m: number,
  ci: { lo: number | null; hi: number | null },
  z: number,
  floor: number,
): { down: number | null; up: number | null } {
  const lm = Math.log(Math.max(m, floor));
  const lo = ci.lo === null || Number.isNaN(ci.lo) ? null : Math.log(Math.max(ci.lo, floor));
  const hi = ci.hi === null || Number.isNaN(ci.hi) ? null : Math.log(Math.max(ci.hi, floor));
  if (lo !== null && hi !== null) {
    const s = (hi - lo) / (2 * z);
    return { down: s, up: s };
  }
  return {
    down: lo === null ? null : Math.max(0, lm - lo) / z,
    up: hi === null ? null : Math.max(0, hi - lm) / z,
  };
}

/**
 * CI for m1 / m2 from two medians and their confidence intervals at the same
 * level (e.g. Kaplan–Meier medians from kmQuantile). With both bounds of a
 * CI present its log-variance is ((ln hi − ln lo) / (2z))², as Price–Bonett.
 * When a bound is null (NA), the half of the CI that exists is used as a
 * one-sided spread, and every ratio bound that depends on the missing side is
 * null: ci1.hi or ci2.lo missing → ratio hi null; ci1.lo or ci2.hi missing →
 * ratio lo null. A null median gives an all-null result.
 */
export function ratioCiFromIntervals(
  m1: number | null,
  ci1: { lo: number | null; hi: number | null },
  m2: number | null,
  ci2: { lo: number | null; hi: number | null },
  opts: RatioCiOptions = {},
): RatioCi {
  const { z, floor } = resolve(opts);
  if (m1 === null || m2 === null || Number.isNaN(m1) || Number.isNaN(m2)) {
    return { ratio: null, lo: null, hi: null };
  }
  const a = Math.max(m1, floor);
  const b = Math.max(m2, floor);
  const ratio = a / b;
  const lr = Math.log(ratio);
  const s1 = logSpread(a, ci1, z, floor);
  const s2 = logSpread(b, ci2, z, floor);
  // exp(ln r) need not be r to the last bit (5h / 24h: 0.20833333333333334, exp(ln) …31), so a CI
  // of no width would not hold its own ratio: an end with no spread is the ratio, and no end
  // passes it.
  const end = (spread: number, sign: number): number => (spread === 0 ? ratio : sign < 0 ? Math.min(ratio, Math.exp(lr - spread)) : Math.max(ratio, Math.exp(lr + spread)));
  const lo = s1.down === null || s2.up === null ? null : end(z * Math.hypot(s1.down, s2.up), -1);
  const hi = s1.up === null || s2.down === null ? null : end(z * Math.hypot(s1.up, s2.down), 1);
  return { ratio, lo, hi };
}
