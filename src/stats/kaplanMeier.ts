/**
 * Kaplan–Meier survival curve of a tally (one group's durations with unanswered or unresolved
 * tickets censored at their age), its Greenwood standard errors, and quantiles with the confidence
 * interval of R's `survfit` (conf.type = "log") and `quantile.survfit` / `print.survfit` median.
 *
 * Formulas, at each distinct time t_j with d_j tickets ended and r_j at risk just before t_j
 * (tickets still waiting at t_j count as at risk there: an event comes before a censoring):
 *   S(t) = Π_{t_j ≤ t} (1 − d_j / r_j)                                  (Kaplan & Meier 1958)
 *   se(log S(t)) = √Σ_{t_j ≤ t} d_j / (r_j (r_j − d_j))                 (Greenwood 1926)
 *   se(S(t)) = S(t) · se(log S(t))
 *   CI curves S · exp(∓ z · se(log S)) (upper capped at 1), read with the same quantile rule.
 *
 * The same numbers, operation for operation, as the per-ticket estimator in
 * test/reference/kaplanMeier.ts, but in one pass over the tally's distinct times: after the one sort
 * that built the tally, a curve costs O(distinct times), however many tickets it counts.
 * Hand-written because simple-statistics has no survival analysis.
 */
import { zCritical } from './normal.js';
import type { Tally } from './tally.js';

/** Kaplan–Meier estimate at the distinct event times of a tally. */
export interface KmCurve {
  /** Tickets counted (ended + still waiting). */
  n: number;
  /** Tickets that ended (observed events). */
  totalEvents: number;
  /** Largest observed time, ended or waiting (NaN when n = 0). */
  maxTime: number;
  /** Distinct times with at least one event, ascending (32-bit when the tally's times are). */
  time: Float64Array | Uint32Array;
  /** Number at risk just before each event time (those waiting at that time count as at risk). */
  nRisk: Float64Array;
  /** Number of events at each event time. */
  nEvent: Float64Array;
  /** S(t) at each event time (right-continuous step function). */
  survival: Float64Array;
  /** Greenwood standard error of S(t): S(t)·√Σ d/(r(r−d)); NaN where S(t) = 0. */
  stdErr: Float64Array;
  /** Standard error of log S(t) (R's `survfit()$std.err`): √Σ d/(r(r−d)); +Infinity where S(t) = 0. */
  stdErrLog: Float64Array;
}

/** What {@link kmQuantile} and {@link kmSurvivalAt} read of a curve (also fits the per-ticket curve). */
export type KmCurveView = Pick<KmCurve, 'n' | 'maxTime' | 'time' | 'survival' | 'stdErrLog'>;

/**
 * Kaplan–Meier estimator of a tally (ties as R: events at a time before censorings at that time).
 * Times, S(t) and se(log S) are worked out here; the numbers at risk, the events and se(S) —
 * which only the median's spread (one element) and the tests read — are made from the tally when
 * first read, by the same arithmetic. A judge draws hundreds of curves over millions of distinct
 * times; three arrays instead of six halve what they allocate.
 */
export function kaplanMeier(t: Tally): KmCurve {
  const m = t.times.length;
  let n = 0;
  let totalEvents = 0;
  let k = 0;
  for (let i = 0; i < m; i++) {
    const d = t.ended[i] as number;
    n += d + (t.waiting[i] as number);
    totalEvents += d;
    if (d > 0) k++;
  }
  const time = t.times instanceof Uint32Array ? new Uint32Array(k) : new Float64Array(k);
  const survival = new Float64Array(k);
  const stdErrLog = new Float64Array(k);
  let s = 1;
  let gw = 0; // Greenwood sum Σ d / (r (r − d))
  let before = 0; // tickets whose time is strictly before the current one
  let j = 0;
  for (let i = 0; i < m; i++) {
    const d = t.ended[i] as number;
    if (d > 0) {
      const r = n - before;
      s *= 1 - d / r;
      gw += r === d ? Number.POSITIVE_INFINITY : d / (r * (r - d));
      time[j] = t.times[i] as number;
      survival[j] = s;
      stdErrLog[j] = Math.sqrt(gw);
      j++;
    }
    before += d + (t.waiting[i] as number);
  }
  const maxTime = n === 0 ? Number.NaN : (t.times[m - 1] as number);
  return new Curve(t, n, totalEvents, maxTime, time, survival, stdErrLog);
}

/** A curve whose risk sets, event counts and se(S) are made on first read (see {@link kaplanMeier}). */
class Curve implements KmCurve {
  private risk: { nRisk: Float64Array; nEvent: Float64Array } | null = null;
  private se: Float64Array | null = null;

  constructor(
    private readonly tally: Tally,
    readonly n: number,
    readonly totalEvents: number,
    readonly maxTime: number,
    readonly time: Float64Array | Uint32Array,
    readonly survival: Float64Array,
    readonly stdErrLog: Float64Array,
  ) {}

  get nRisk(): Float64Array {
    return this.riskSets().nRisk;
  }

  get nEvent(): Float64Array {
    return this.riskSets().nEvent;
  }

  /** S(t)·√Σ d/(r(r−d)), as kaplanMeier's loop would have stored it; NaN where S(t) = 0. */
  get stdErr(): Float64Array {
    if (!this.se) {
      const k = this.time.length;
      const se = new Float64Array(k);
      for (let j = 0; j < k; j++) {
        const s = this.survival[j] as number;
        se[j] = s === 0 ? Number.NaN : s * (this.stdErrLog[j] as number);
      }
      this.se = se;
    }
    return this.se;
  }

  private riskSets(): { nRisk: Float64Array; nEvent: Float64Array } {
    if (!this.risk) {
      const t = this.tally;
      const k = this.time.length;
      const nRisk = new Float64Array(k);
      const nEvent = new Float64Array(k);
      let before = 0;
      let j = 0;
      for (let i = 0; i < t.times.length; i++) {
        const d = t.ended[i] as number;
        if (d > 0) {
          nRisk[j] = this.n - before;
          nEvent[j] = d;
          j++;
        }
        before += d + (t.waiting[i] as number);
      }
      this.risk = { nRisk, nEvent };
    }
    return this.risk;
  }
}

/**
 * S(t) of a Kaplan–Meier curve: 1 before the first event time, the step value at or after each
 * event time. Beyond the largest observed time the estimate is undefined: NaN there unless the
 * curve has already reached 0. NaN for an empty curve or NaN t.
 */
export function kmSurvivalAt(curve: KmCurveView, t: number): number {
  if (curve.n === 0 || Number.isNaN(t)) return Number.NaN;
  const times = curve.time;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  const s = lo === 0 ? 1 : (curve.survival[lo - 1] as number);
  if (t > curve.maxTime && s > 0) return Number.NaN;
  return s;
}

/** R's default tolerance in `quantile.survfit`: sqrt(.Machine$double.eps). */
export const R_TOLERANCE = Math.sqrt(Number.EPSILON);

/** Same value in R's duplicated() sense (NaN equals NaN). */
function sameValue(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** Index of the last element of y whose value does not occur earlier (y non-empty). */
function lastFirstOccurrence(y: Float64Array): number {
  const last = y.length - 1;
  const v = y[last] as number;
  let dup = false;
  for (let j = 0; j < last && !dup; j++) dup = sameValue(y[j] as number, v);
  if (!dup) return last;
  const seen = new Set<number>(); // SameValueZero: NaN equals NaN
  let result = 0;
  for (let i = 0; i <= last; i++) {
    const w = y[i] as number;
    if (!seen.has(w)) {
      seen.add(w);
      result = i;
    }
  }
  return result;
}

/**
 * The `findq` rule of R's quantile.survfit for one curve given as a CDF (y = 1 − S, NaN = NA) at
 * x (x[0] = start time, y[0] = 0): the point whose y (± √ε) is the smallest value ≥ p, the
 * midpoint of the two tolerance-shifted picks, and the midpoint to the end of follow-up when the
 * curve is flat at exactly p to the end.
 */
function findQuantile(x: Float64Array, y: Float64Array, p: number, xmax: number): number | null {
  const tol = R_TOLERANCE;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    if (!Number.isNaN(v) && v > maxY) maxY = v;
  }
  if (maxY < p) return null;
  const pick = (shift: number): number | null => {
    let best: number | null = null;
    let bestY = Number.POSITIVE_INFINITY;
    for (let i = 0; i < y.length; i++) {
      const v = (y[i] as number) + shift;
      if (v >= p && v < bestY) {
        bestY = v;
        best = i;
      }
    }
    return best;
  };
  const i1 = pick(tol);
  const i2 = pick(-tol);
  let quant: number | null = i1 === null || i2 === null ? null : ((x[i1] as number) + (x[i2] as number)) / 2;
  if (p === 0) quant = x[0] as number;
  const yLast = y[lastFirstOccurrence(y)] as number;
  if (!Number.isNaN(yLast) && Math.abs(p - yLast) < tol) {
    quant = i1 === null ? null : ((x[i1] as number) + xmax) / 2;
  }
  return quant;
}

/** A quantile of a curve with its confidence interval; null = NA (never reached). */
export interface KmQuantile {
  estimate: number | null;
  lo: number | null;
  hi: number | null;
}

/** A curve as R's quantile rule reads it: CDFs at x (x[0] = 0) of the estimate and of the CI curves. */
interface Cdfs {
  x: Float64Array;
  yEst: Float64Array;
  /** CDF of the lower survival curve → lower quantile bound. */
  yLowerS: Float64Array;
  /** CDF of the upper survival curve → upper quantile bound. */
  yUpperS: Float64Array;
}

/**
 * The CDFs of a curve at a level, built once per curve and level (two exp() per event time) and
 * kept: a median, its CI, the p90 and the spread around the median all read the same curve. Curves
 * are read-only after {@link kaplanMeier}; a WeakMap lets them go with their curve.
 */
const cdfCache = new WeakMap<KmCurveView, Map<number, Cdfs>>();

function cdfsOf(curve: KmCurveView, level: number): Cdfs {
  let byLevel = cdfCache.get(curve);
  if (!byLevel) {
    byLevel = new Map();
    cdfCache.set(curve, byLevel);
  }
  const cached = byLevel.get(level);
  if (cached) return cached;
  const z = zCritical(level);
  const k = curve.time.length;
  const x = new Float64Array(k + 1);
  const yEst = new Float64Array(k + 1);
  const yLowerS = new Float64Array(k + 1);
  const yUpperS = new Float64Array(k + 1);
  x[0] = 0;
  for (let i = 0; i < k; i++) {
    const s = curve.survival[i] as number;
    const se = curve.stdErrLog[i] as number;
    x[i + 1] = curve.time[i] as number;
    yEst[i + 1] = 1 - s;
    if (s === 0 || !Number.isFinite(se)) {
      yLowerS[i + 1] = Number.NaN;
      yUpperS[i + 1] = Number.NaN;
    } else {
      yLowerS[i + 1] = 1 - s * Math.exp(-z * se);
      yUpperS[i + 1] = 1 - Math.min(1, s * Math.exp(z * se));
    }
  }
  const cdfs = { x, yEst, yLowerS, yUpperS };
  byLevel.set(level, cdfs);
  return cdfs;
}

function checkProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
}

/**
 * p-quantile of a Kaplan–Meier curve with its confidence interval, as R's
 * `quantile(survfit(...), probs = p)` with conf.type = "log": the smallest event time with
 * S(t) ≤ 1 − p (midpoint rules of R where S equals 1 − p on a flat), and the same rule on the
 * pointwise confidence curves for lo and hi. p = 0 gives 0. Throws RangeError for p outside [0, 1].
 */
export function kmQuantile(curve: KmCurveView, p: number, level = 0.95): KmQuantile {
  checkProbability(p);
  zCritical(level); // a bad level throws even for an empty curve, as the per-ticket function
  if (curve.n === 0) return { estimate: null, lo: null, hi: null };
  const c = cdfsOf(curve, level);
  return {
    estimate: findQuantile(c.x, c.yEst, p, curve.maxTime),
    lo: findQuantile(c.x, c.yLowerS, p, curve.maxTime),
    hi: findQuantile(c.x, c.yUpperS, p, curve.maxTime),
  };
}

/**
 * The estimate of {@link kmQuantile} alone (no confidence curves read); null when not reached.
 * The estimate's CDF, 1 − S, never decreases (each step multiplies S by 1 − d/r ≤ 1, and
 * rounding keeps the order), so R's rule — the first point whose y (± √ε) reaches p — is a
 * binary search here, read straight off the curve: the same values as {@link findQuantile} on
 * the CDF arrays, without building them.
 */
export function kmQuantileEstimate(curve: KmCurveView, p: number): number | null {
  checkProbability(p);
  if (curve.n === 0) return null;
  const k = curve.time.length;
  // The CDF at point i: x = 0 and y = 0 at i = 0, then each event time and 1 − S there.
  const y = (i: number): number => (i === 0 ? 0 : 1 - (curve.survival[i - 1] as number));
  const x = (i: number): number => (i === 0 ? 0 : (curve.time[i - 1] as number));
  const yLast = y(k);
  if (yLast < p) return null;
  /** First point whose y + shift ≥ p (the smallest such value; the first among equal ones). */
  const pick = (shift: number): number | null => {
    let lo = 0;
    let hi = k + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (y(mid) + shift >= p) hi = mid;
      else lo = mid + 1;
    }
    return lo <= k ? lo : null;
  };
  const tol = R_TOLERANCE;
  const i1 = pick(tol);
  const i2 = pick(-tol);
  let quant: number | null = i1 === null || i2 === null ? null : (x(i1) + x(i2)) / 2;
  if (p === 0) quant = 0;
  // The last distinct value of a non-decreasing y is its last value.
  if (Math.abs(p - yLast) < tol) quant = i1 === null ? null : (x(i1) + curve.maxTime) / 2;
  return quant;
}

/** A group's censoring-aware summary on one metric (what today's resolution summary holds). */
export interface KmSummary {
  n: number;
  /** Tickets that ended (answered or resolved). */
  ended: number;
  /** Kaplan–Meier median; null when not reached. */
  median: number | null;
  /** Kaplan–Meier 90th percentile; null when not reached. */
  p90: number | null;
  /** 95% CI of the median (ends null when not reached); null for an empty group. */
  ci95: [number | null, number | null] | null;
}

/** Median, p90 and the median's 95% CI of a tally's Kaplan–Meier curve. */
export function kmSummary(t: Tally): KmSummary {
  const curve = kaplanMeier(t);
  if (curve.n === 0) return { n: 0, ended: 0, median: null, p90: null, ci95: null };
  const median = kmQuantile(curve, 0.5);
  return { n: curve.n, ended: curve.totalEvents, median: median.estimate, p90: kmQuantile(curve, 0.9).estimate, ci95: [median.lo, median.hi] };
}
