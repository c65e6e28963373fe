/**
 * The spread around a tally's Kaplan–Meier median that the comparisons turn into ratio CIs, from
 * counts (the per-ticket version is test/reference/median.ts):
 *
 * - Spread (Price & Bonett 2002 carried over to Kaplan–Meier): the Kaplan–Meier median m and the
 *   curve's quantiles at 0.5 ∓ z·se, se = Greenwood se(S) at the last event time ≤ m. Without
 *   censoring these are the order statistics Price–Bonett reads.
 *   var(ln m) = ((ln Q(0.5 + z·se) − ln Q(0.5 − z·se)) / (2z))², quantiles floored at one second.
 *
 * A median not reached (a lower bound) is measure/estimate.ts's `medianEstimate`.
 */
import { zCritical } from './normal.js';
import { kaplanMeier, kmQuantileEstimate, type KmCurveView } from './kaplanMeier.js';
import type { Tally } from './tally.js';

const Z95 = zCritical(0.95);

/** The Kaplan–Meier median and the curve's quantiles at 0.5 ∓ z·se around it (null = not reached). */
export interface MedianSpread {
  median: number | null;
  lo: number | null;
  hi: number | null;
}

/**
 * Kaplan–Meier median with the two quantiles around it at 0.5 ∓ z·se (see the module header).
 * lo/hi are null where the curve never reaches that quantile, or with fewer than two tickets.
 */
export function kmMedianSpread(curve: KmCurveView): MedianSpread {
  const { quantile, lo, hi } = kmQuantileSpread(curve, 0.5);
  return { median: quantile, lo, hi };
}

/** A Kaplan–Meier quantile and the curve's quantiles at p ∓ z·se around it (null = not reached). */
export interface QuantileSpread {
  quantile: number | null;
  lo: number | null;
  hi: number | null;
}

/**
 * Quantile p of the curve with the two quantiles around it at p ∓ z·se, se the Greenwood se(S)
 * at the last event time ≤ the quantile: the median's spread (the module header) read at p.
 * Without censoring these are the order statistics of the distribution-free CI of a quantile
 * (the normal approximation to the binomial: ranks n·p ∓ z·√(n·p·(1 − p))). The comparisons read
 * it at a lower quantile when neither group's median is reached (measure/compare.ts).
 */
export function kmQuantileSpread(curve: KmCurveView, p: number): QuantileSpread {
  const quantile = kmQuantileEstimate(curve, p);
  if (quantile === null || curve.n < 2) return { quantile, lo: null, hi: null };
  // the last event time ≤ the quantile (times ascend): binary search
  let lo = 0;
  let hi = curve.time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((curve.time[mid] as number) <= quantile) lo = mid + 1;
    else hi = mid;
  }
  // se(S) at t_k: S·se(log S). Where the curve falls to 0 at the quantile's step (every ticket
  // still there ended at that very duration: 40 tickets all answered in exactly one hour)
  // Greenwood's se is 0·∞, undefined; the step before it is read instead (no step before it:
  // se 0). Without censoring that gives the classic distribution-free CI, whose order
  // statistics all equal the tied duration (it gave no CI at all, which turned a 12× gap
  // into "no preference").
  let k = lo - 1;
  while (k >= 0 && (curve.survival[k] as number) === 0) k--;
  const se = k < 0 ? 0 : (curve.survival[k] as number) * (curve.stdErrLog[k] as number);
  if (!Number.isFinite(se)) return { quantile, lo: null, hi: null };
  // A share beyond 0 or 1 is an end the data cannot place (the order statistic of rank
  // round((n+1)/2 ∓ 1.96·√n/2) below 1 or above n: two or three tickets): no end, not the
  // quantile at 0 (0 s, a time no ticket had) nor at 1 (found by an attack).
  const down = p - Z95 * se;
  const up = p + Z95 * se;
  return {
    quantile,
    lo: down <= 0 ? null : kmQuantileEstimate(curve, down),
    hi: up > 1 ? null : kmQuantileEstimate(curve, up),
  };
}

/**
 * var(ln median) of a tally from the spread around its Kaplan–Meier median; variance null when the
 * curve never reaches a quantile of the spread (too many still waiting). Floored at one second.
 */
export function kmMedianLogVariance(t: Tally): { median: number | null; variance: number | null } {
  const { median, lo, hi } = kmMedianSpread(kaplanMeier(t));
  if (median === null || lo === null || hi === null) return { median, variance: null };
  const w = (Math.log(Math.max(hi, 1)) - Math.log(Math.max(lo, 1))) / (2 * Z95);
  return { median, variance: w * w };
}
