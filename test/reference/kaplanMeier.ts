/**
 * Kaplan–Meier survival curve for right-censored durations (e.g. tickets still
 * open at export time), its Greenwood standard errors, and quantiles with
 * confidence intervals that reproduce R's `survfit` (conf.type = "log") and
 * `quantile.survfit` / `print.survfit` median.
 *
 * Hand-written because simple-statistics has no survival analysis. The curve
 * is built from two typed-array sorts (event times, censoring times) merged in
 * one pass, so it is O(n log n) and fine on millions of durations.
 */
import { zCritical } from '../../src/stats/normal.js';

/** Kaplan–Meier estimate at the distinct event times. */
export interface KmCurve {
  /** Number of (time, event) pairs used (pairs with a non-finite time or NaN status are dropped). */
  n: number;
  /** Total number of observed events. */
  totalEvents: number;
  /** Largest observed time, event or censored (NaN when n = 0). */
  maxTime: number;
  /** Distinct event times, ascending. */
  time: Float64Array;
  /** Number at risk just before each event time (censored at that time count as at risk). */
  nRisk: Uint32Array;
  /** Number of events at each event time. */
  nEvent: Uint32Array;
  /** S(t) at each event time (right-continuous step function). */
  survival: Float64Array;
  /** Greenwood standard error of S(t): S(t)·√Σ d/(n(n−d)); NaN where S(t) = 0. */
  stdErr: Float64Array;
  /** Standard error of log S(t) (R's `survfit()$std.err`): √Σ d/(n(n−d)); +Infinity where S(t) = 0. */
  stdErrLog: Float64Array;
}

/**
 * The valid pairs of a censored sample, split into event times and censoring times, each sorted
 * ascending. Pairs with a non-finite time or a NaN status are dropped; any non-zero status is an
 * event. Shared by the Kaplan–Meier estimator and the rank tests on censored data.
 * @throws RangeError when the two inputs differ in length.
 */
export function splitCensored(times: ArrayLike<number>, events: ArrayLike<number>): { events: Float64Array; censored: Float64Array } {
  if (times.length !== events.length) {
    throw new RangeError(`times (${times.length}) and events (${events.length}) differ in length`);
  }
  let nEv = 0;
  let nCen = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    const e = events[i] as number;
    if (!Number.isFinite(t) || Number.isNaN(e)) continue;
    if (e !== 0) nEv++;
    else nCen++;
  }
  const ev = new Float64Array(nEv);
  const cen = new Float64Array(nCen);
  let a = 0;
  let b = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    const e = events[i] as number;
    if (!Number.isFinite(t) || Number.isNaN(e)) continue;
    if (e !== 0) ev[a++] = t;
    else cen[b++] = t;
  }
  // Samples often arrive in time order already (the findings pass them so): then skip the sort.
  return { events: ascending(ev), censored: ascending(cen) };
}

function ascending(x: Float64Array): Float64Array {
  for (let i = 1; i < x.length; i++) if ((x[i] as number) < (x[i - 1] as number)) return x.sort();
  return x;
}

/**
 * Kaplan–Meier estimator.
 *
 * @param times  durations; pairs whose time is not finite are ignored.
 * @param events 1 (any non-zero) = event observed, 0 = censored; NaN pairs are ignored.
 * @throws RangeError when the two inputs differ in length.
 *
 * Ties follow R: events at a time are processed before censorings at the same
 * time, i.e. a subject censored at t counts as at risk at t.
 */
export function kaplanMeier(times: ArrayLike<number>, events: ArrayLike<number>): KmCurve {
  const { events: ev, censored: cen } = splitCensored(times, events);
  const nEv = ev.length;
  const nCen = cen.length;
  const n = nEv + nCen;
  const maxTime =
    n === 0 ? Number.NaN : Math.max(nEv > 0 ? (ev[nEv - 1] as number) : -Infinity, nCen > 0 ? (cen[nCen - 1] as number) : -Infinity);

  // Count distinct event times.
  let k = 0;
  for (let i = 0; i < nEv; i++) if (i === 0 || ev[i] !== ev[i - 1]) k++;

  const time = new Float64Array(k);
  const nRisk = new Uint32Array(k);
  const nEvent = new Uint32Array(k);
  const survival = new Float64Array(k);
  const stdErr = new Float64Array(k);
  const stdErrLog = new Float64Array(k);

  let s = 1;
  let gw = 0; // Greenwood sum Σ d / (n (n − d))
  let i = 0; // index into ev
  let c = 0; // index into cen: censorings strictly before the current time
  let j = 0;
  while (i < nEv) {
    const t = ev[i] as number;
    let d = 0;
    const before = i; // events strictly before t
    while (i < nEv && ev[i] === t) {
      d++;
      i++;
    }
    while (c < nCen && (cen[c] as number) < t) c++;
    const r = n - before - c;
    s *= 1 - d / r;
    gw += r === d ? Number.POSITIVE_INFINITY : d / (r * (r - d));
    time[j] = t;
    nRisk[j] = r;
    nEvent[j] = d;
    survival[j] = s;
    stdErrLog[j] = Math.sqrt(gw);
    stdErr[j] = s === 0 ? Number.NaN : s * Math.sqrt(gw);
    j++;
  }
  return { n, totalEvents: nEv, maxTime, time, nRisk, nEvent, survival, stdErr, stdErrLog };
}

/**
 * S(t) of a Kaplan–Meier curve: 1 before the first event time, the step value
 * at or after each event time. Beyond the largest observed time the estimate
 * is undefined: returns NaN there unless the curve has already reached 0.
 * NaN for an empty curve or NaN t.
 */
export function kmSurvivalAt(curve: KmCurve, t: number): number {
  if (curve.n === 0 || Number.isNaN(t)) return Number.NaN;
  const times = curve.time;
  // Last index with time ≤ t (binary search).
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
const R_TOLERANCE = Math.sqrt(Number.EPSILON);

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
  if (!dup) return last; // the usual case: one linear scan
  const seen = new Set<number>(); // Set uses SameValueZero: NaN equals NaN
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
 * Port of the `findq` rule of R's quantile.survfit for one curve given as a
 * CDF (y = 1 − S, NaN = NA) at x (x[0] = start time, y[0] = 0).
 */
function findQuantile(x: Float64Array, y: Float64Array, p: number, xmax: number): number | null {
  const tol = R_TOLERANCE;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    if (!Number.isNaN(v) && v > maxY) maxY = v;
  }
  if (maxY < p) return null;
  // R drops duplicated y values first (duplicated(): first occurrence kept, NA
  // counts as a value). For the search below that is the same as preferring
  // the lowest index among equal values, so only the last kept point is needed.
  // approx(y ± tol, index, p, "constant", f = 1): the point whose (shifted) y is
  // the smallest value ≥ p; NA when p is above every y (NA pairs are dropped).
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
    // Flat at exactly the requested level up to the end of follow-up.
    quant = i1 === null ? null : ((x[i1] as number) + xmax) / 2;
  }
  return quant;
}

/**
 * p-quantile of a Kaplan–Meier curve with its confidence interval, as R's
 * `quantile(survfit(...), probs = p)` (and, for p = 0.5, the median line of
 * `print(survfit(...))`) with the default conf.type = "log".
 *
 * - estimate: smallest event time t with S(t) ≤ 1 − p; when S equals 1 − p
 *   (within √ε) over an interval, the midpoint between that time and the next
 *   event time (or the largest observed time if the curve stays flat to the end).
 * - lo / hi: the same rule applied to the pointwise lower / upper confidence
 *   curves S·exp(∓z·se(log S)) (upper capped at 1, undefined where S = 0).
 *
 * null = NA (the curve or the confidence curve never drops to 1 − p).
 * p = 0 gives 0 (R's default start time). Throws RangeError for p outside [0, 1].
 */
export function kmQuantile(
  curve: KmCurve,
  p: number,
  level = 0.95,
): { estimate: number | null; lo: number | null; hi: number | null } {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
  const z = zCritical(level);
  const k = curve.time.length;
  if (curve.n === 0) return { estimate: null, lo: null, hi: null };
  const x = new Float64Array(k + 1);
  const yEst = new Float64Array(k + 1);
  const yLowerS = new Float64Array(k + 1); // CDF of the lower survival curve → lower quantile bound
  const yUpperS = new Float64Array(k + 1); // CDF of the upper survival curve → upper quantile bound
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
  return {
    estimate: findQuantile(x, yEst, p, curve.maxTime),
    lo: findQuantile(x, yLowerS, p, curve.maxTime),
    hi: findQuantile(x, yUpperS, p, curve.maxTime),
  };
}
