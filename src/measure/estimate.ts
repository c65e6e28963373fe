/**
 * How long a group of tickets waited: the one estimate behind every number parity shows.
 *
 * A group's durations on one metric (first response or resolution) are a censored sample: a
 * ticket answered (resolved) is an event at its duration; a ticket not answered (not resolved)
 * by the as-of time is censored at its age, because it has waited at least that long. Dropping
 * it would be survivorship bias: a phone queue that never answers its hardest calls and answers
 * the rest quickly would look fast.
 *
 * - median and p90 are Kaplan–Meier quantiles of that sample;
 * - a quantile the curve never reaches (half or more, or a tenth or more, of the group still
 *   waiting at the end of the curve) is reported as a LOWER BOUND: the same quantile of the
 *   observed times (answer time or wait so far), since every true time is at least the observed
 *   one ("at least half of these tickets waited 9d 21h"). Exactly half still waiting counts as
 *   not reached ({@link endsAt}): the curve then ends flat at one half, and R's midpoint of that
 *   flat and the last wait is no more than a bound of the tickets' median (their true times lie
 *   beyond the waits); and whether a product of 30 factors lands on 0.5 or a hair above it
 *   must not decide whether a median is a number or a bound;
 * - the median's 95% CI reads the curve at 0.5 ∓ z·se, se the Greenwood standard error of S at
 *   the median (the Price–Bonett idea carried over to Kaplan–Meier: with nothing censored it
 *   reads the order statistics around the sample median). Not reached, its lower end is the
 *   Price–Bonett order statistic x_(c), c = round((n+1)/2 − z·√(n/4)), of the observed times, a
 *   distribution-free lower confidence bound of their median, and there is no upper end;
 * - the ratio of two medians (a over b) carries a CI from both spreads (ratioCiFromIntervals);
 *   a median not reached makes the ratio a bound ('lower' when a's is not reached: a is at least
 *   this much slower; 'upper' when b's is not) with a one-sided CI; with both not reached there is
 *   no ratio.
 *
 * The channel table, the JSON, the gates, the report's cards and trend, and the findings' raw
 * view all take their numbers from these functions, so they cannot disagree.
 */
import { kaplanMeier, kmQuantileEstimate, R_TOLERANCE, type KmCurve } from '../stats/kaplanMeier.js';
import { kmMedianSpread, kmMedianLogVariance, kmQuantileSpread } from '../stats/median.js';
import { OrderStatistics } from '../stats/orderStatistics.js';
import { ratioCiFromIntervals, type RatioCi } from '../stats/ratioCi.js';
import { zCritical } from '../stats/normal.js';
import type { Tally } from '../stats/tally.js';

export { kmMedianSpread, kmMedianLogVariance };

/** A confidence interval; a null end does not exist (too little data, or a one-sided bound). */
export type Interval = [number | null, number | null];

/**
 * A value that is only a bound: 'lower' = the true value is at least this; 'upper' = at most.
 * For a ratio a/b: 'lower' when a's median is not reached, 'upper' when b's is not.
 */
export type Bound = 'lower' | 'upper';

const Z95 = zCritical(0.95);

/** A group's median (or other quantile) with its spread. */
export interface Estimate {
  /** The Kaplan–Meier quantile, or (not reached) the observed times' quantile, a lower bound; null for an empty group. */
  value: number | null;
  /** Whether the Kaplan–Meier curve reached the quantile (false also for an empty group). */
  reached: boolean;
  /** Lower end of the 95% CI; null when unknown. */
  lo: number | null;
  /** Upper end; null when unknown, always null when the quantile is not reached. */
  hi: number | null;
}

/** The estimate's bound marker: 'lower' when not reached, else null (also for an empty group). */
export function boundOf(e: Estimate): Bound | null {
  return e.value !== null && !e.reached ? 'lower' : null;
}

/**
 * Whether the curve ends at quantile `p` (within R's tolerance): exactly that share of the group
 * answered (resolved) at the last event and the rest still waiting after it. The quantile is then
 * not settled by the data, and is read as not reached (a lower bound).
 */
export function endsAt(curve: KmCurve, p: number): boolean {
  const k = curve.time.length;
  const last = k === 0 ? 0 : 1 - (curve.survival[k - 1] as number);
  return Math.abs(last - p) < R_TOLERANCE;
}

/** Median estimate of a tally (see the module header). */
export function medianEstimate(sample: Tally, curve: KmCurve = kaplanMeier(sample)): Estimate {
  const n = curve.n;
  if (n === 0) return { value: null, reached: false, lo: null, hi: null };
  const spread = kmMedianSpread(curve);
  if (spread.median !== null && !endsAt(curve, 0.5)) return { value: spread.median, reached: true, lo: spread.lo, hi: spread.hi };
  const observed = new OrderStatistics(sample, 'all');
  return { value: observed.median(), reached: false, lo: lowerRankEnd(observed, n, 0.5), hi: null };
}

/**
 * Quantile p of a tally with its 95% CI, as {@link medianEstimate} reads the median: the
 * Kaplan–Meier quantile and the curve at p ∓ z·se; not reached, the observed times' quantile (a
 * lower bound) with the distribution-free lower confidence bound of rank
 * round((n + 1)·p − z·√(n·p·(1 − p))) and no upper end. For the comparisons' fallback when
 * neither median is reached (compare.ts).
 */
export function quantileSpreadEstimate(sample: Tally, p: number, curve: KmCurve = kaplanMeier(sample)): Estimate {
  const n = curve.n;
  if (n === 0) return { value: null, reached: false, lo: null, hi: null };
  const spread = kmQuantileSpread(curve, p);
  if (spread.quantile !== null && !endsAt(curve, p)) return { value: spread.quantile, reached: true, lo: spread.lo, hi: spread.hi };
  const observed = new OrderStatistics(sample, 'all');
  return { value: observed.quantile(p), reached: false, lo: lowerRankEnd(observed, n, p), hi: null };
}

/**
 * The distribution-free lower confidence end of quantile p of n observed times: the order
 * statistic of rank round((n + 1)·p − z·√(n·p·(1 − p))), at most the quantile's own rank. A rank
 * below 1 is no end (null), as for a median reached (two or three tickets): the data cannot put
 * the quantile above their shortest time with 95% confidence, and the shortest time shown as
 * the CI's end would claim they do.
 */
function lowerRankEnd(observed: OrderStatistics, n: number, p: number): number | null {
  const rank = Math.min(Math.round((n + 1) * p - Z95 * Math.sqrt(n * p * (1 - p))), Math.floor((n + 1) * p));
  return rank < 1 ? null : observed.at(rank - 1);
}

/** Quantile `p` of a tally: Kaplan–Meier, or the observed times' (a lower bound) when not reached. No CI. */
export function quantileEstimate(sample: Tally, p: number, curve: KmCurve = kaplanMeier(sample)): Estimate {
  if (curve.n === 0) return { value: null, reached: false, lo: null, hi: null };
  const q = kmQuantileEstimate(curve, p);
  if (q !== null && !endsAt(curve, p)) return { value: q, reached: true, lo: null, hi: null };
  return { value: new OrderStatistics(sample, 'all').quantile(p), reached: false, lo: null, hi: null };
}

/** A ratio with its CI and, when a median was not reached, which way the ratio is a bound. */
export interface BoundedRatio extends RatioCi {
  bound?: Bound;
}

/**
 * The smallest duration a ratio divides by (ratioCiFromIntervals' floor): timestamps are whole
 * seconds, so a median below one second (0 s: half or more answered in the second they came in)
 * says only that the true median lies somewhere in [0, 1 s).
 */
export const RATIO_FLOOR_SECONDS = 1;

/**
 * Ratio of two medians (a over b) with a 95% CI, floored at one second. A median not reached
 * makes the ratio a bound with a one-sided CI; with both not reached there is no ratio. So does
 * a median below the floor beside one above it: b's 0 s (read as 1 s) makes a/b a lower bound
 * (a's 29m 30s is at least 1,770 times whatever b's true median under a second is, not exactly
 * 1,770 times it), a's an upper bound; both below it, the ratio is 1 (equal to the second).
 */
export function ratioOfEstimates(a: Estimate, b: Estimate): BoundedRatio {
  if (a.value === null || b.value === null || (!a.reached && !b.reached)) return { ratio: null, lo: null, hi: null };
  const r = ratioCiFromIntervals(a.value, a, b.value, b, { floor: RATIO_FLOOR_SECONDS });
  const aBelow = a.reached && a.value < RATIO_FLOOR_SECONDS;
  const bBelow = b.reached && b.value < RATIO_FLOOR_SECONDS;
  if (!a.reached || (bBelow && !aBelow)) return { ...r, hi: null, bound: 'lower' };
  if (!b.reached || (aBelow && !bBelow)) return { ...r, lo: null, bound: 'upper' };
  return r;
}

/**
 * An estimate as the report stores it ({ median, bound, ci95 } or { p90, p90Bound }) read back:
 * the gates and a baseline report go through the same ratio function as the measurement.
 */
export function estimateOf(value: number | null | undefined, bound: Bound | null | undefined, ci95?: Interval | null): Estimate {
  if (value === null || value === undefined || !Number.isFinite(value)) return { value: null, reached: false, lo: null, hi: null };
  return { value, reached: bound !== 'lower', lo: ci95?.[0] ?? null, hi: bound === 'lower' ? null : (ci95?.[1] ?? null) };
}

/** Difference a − b of two estimates; a bound when one side is (a not reached: at least; b not reached: at most). */
export function gapOfEstimates(a: Estimate, b: Estimate): { value: number | null; bound?: Bound } {
  if (a.value === null || b.value === null || (!a.reached && !b.reached)) return { value: null };
  const value = a.value - b.value;
  if (!a.reached) return { value, bound: 'lower' };
  if (!b.reached) return { value, bound: 'upper' };
  return { value };
}
