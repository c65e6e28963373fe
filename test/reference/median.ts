/**
 * The per-ticket median estimates the tally versions (src/stats/median.ts) must equal: the
 * Kaplan–Meier median with its spread, and the not-reached lower bound, on sorted per-ticket
 * samples. Kept as the independent reference of test/unit/stats/tally/equivalence.test.ts; the
 * formulas are in src/measure/estimate.ts's header.
 */
import { kaplanMeier, kmQuantile, type KmCurve } from './kaplanMeier.js';
import type { CensoredSample } from './logRank.js';
import { medianSorted } from '../../src/stats/quantile.js';
import { zCritical } from '../../src/stats/normal.js';

const Z95 = zCritical(0.95);

/**
 * The Kaplan–Meier median and the two quantiles around it at 0.5 ∓ z·se, se the Greenwood
 * standard error of S at the median: the Price–Bonett idea carried over to Kaplan–Meier.
 * Price–Bonett reads two order statistics around the median at ranks set by the binomial spread
 * of the median; here the spread comes from se, and without censoring the same order statistics
 * are read. lo/hi are null where the curve never reaches that quantile.
 */
export function kmMedianSpread(curve: KmCurve): { median: number | null; lo: number | null; hi: number | null } {
  const median = kmQuantile(curve, 0.5).estimate;
  if (median === null || curve.n < 2) return { median, lo: null, hi: null };
  // Greenwood se of S at the median: the step at the last event time ≤ median where S > 0
  // (where S falls to 0 at that step its se is undefined; none before: se 0).
  let k = -1;
  for (let j = 0; j < curve.time.length && (curve.time[j] as number) <= median; j++) if ((curve.survival[j] as number) > 0) k = j;
  const se = k < 0 ? 0 : (curve.stdErr[k] as number);
  if (!Number.isFinite(se)) return { median, lo: null, hi: null };
  // 0.5 ∓ z·se beyond 0 or 1: the rank round((n+1)/2 ∓ z·√n/2) is below 1 or above n (two or
  // three tickets), and no order statistic is that end: none
  const down = 0.5 - Z95 * se;
  const up = 0.5 + Z95 * se;
  return {
    median,
    lo: down <= 0 ? null : kmQuantile(curve, down).estimate,
    hi: up > 1 ? null : kmQuantile(curve, up).estimate,
  };
}

/**
 * var(ln median) of a censored sample, for small cells where the Kaplan–Meier median's own CI
 * is often open-ended: var = ((ln Q(0.5 + z·se) − ln Q(0.5 − z·se)) / (2z))², the quantiles of
 * the curve around the median (see kmMedianSpread). Null when the curve never reaches the upper
 * quantile (too many still open). Values are floored at one second.
 */
export function kmMedianLogVariance(times: ArrayLike<number>, events: ArrayLike<number>): { median: number | null; variance: number | null } {
  const { median, lo, hi } = kmMedianSpread(kaplanMeier(times, events));
  if (median === null || lo === null || hi === null) return { median, variance: null };
  const w = (Math.log(Math.max(hi, 1)) - Math.log(Math.max(lo, 1))) / (2 * Z95);
  return { median, variance: w * w };
}

/** A group's median time to first response, with the two values around it that set its spread. */
export interface MedianEstimate {
  /**
   * The Kaplan–Meier median; when it is not reached (half or more still waiting at the end of
   * the curve), the median of the observed times, a lower bound. null for an empty group.
   */
  value: number | null;
  reached: boolean;
  /** Lower end of the spread (like a 95% CI); null when unknown. */
  lo: number | null;
  /** Upper end; null when unknown, always null when the median is not reached. */
  hi: number | null;
}

/**
 * {@link MedianEstimate} of a time-sorted censored sample. Not reached, the bound is the plain
 * median of the observed times: every ticket's true time is at least its observed one, so the
 * true median is at least theirs ("at least half of these tickets waited this long"), and its
 * lower end is the Price–Bonett order statistic x_(c), c = round((n+1)/2 − z·√(n/4)), a
 * distribution-free lower confidence bound of that median (none when c is below 1).
 */
export function firstResponseMedian(sample: CensoredSample): MedianEstimate {
  const n = sample.times.length;
  if (n === 0) return { value: null, reached: false, lo: null, hi: null };
  const curve = kaplanMeier(sample.times, sample.events);
  const spread = kmMedianSpread(curve);
  // a curve that ends at one half (within R's √ε: exactly half still waiting after the last
  // answer) has R's midpoint to the last wait, which the data do not settle: not reached
  const last = curve.survival.length ? (curve.survival[curve.survival.length - 1] as number) : 1;
  const endsAtHalf = Math.abs(last - 0.5) < Math.sqrt(Number.EPSILON);
  if (spread.median !== null && !endsAtHalf) return { value: spread.median, reached: true, lo: spread.lo, hi: spread.hi };
  const sorted = sample.times as Float64Array;
  // a rank below 1 (two or three tickets) is no end: the data cannot place one
  const c = Math.min(Math.round((n + 1) / 2 - Z95 * Math.sqrt(n / 4)), Math.floor((n + 1) / 2));
  return { value: medianSorted(sorted), reached: false, lo: c < 1 ? null : (sorted[c - 1] as number), hi: null };
}

