/**
 * Log-rank (Mantel–Cox) test comparing two groups of right-censored
 * durations, optionally stratified, matching R's
 * `survdiff(Surv(time, status) ~ group [+ strata(s)])` for two groups (rho = 0).
 *
 * Hand-written because simple-statistics has no survival tests. Each group's
 * event and observation times are sorted as typed arrays and walked once in
 * time order, so a stratum costs O(n log n).
 */
import { normalSf } from '../../src/stats/normal.js';
import { splitCensored } from './kaplanMeier.js';

/** One group of durations: times and event indicators (1 = event observed, 0 = censored). */
export interface CensoredSample {
  times: ArrayLike<number>;
  events: ArrayLike<number>;
}

/** Result of {@link logRank} / {@link logRankStratified}. */
export interface LogRankResult {
  /** (O_A − E_A)² / V on 1 df; 0 when V = 0 (no informative event time). */
  chiSquare: number;
  /** Upper-tail chi-square(1) p-value; 1 when V = 0, NaN when no stratum has both groups. */
  pValue: number;
  /** Observed events in group A (summed over strata). */
  observedA: number;
  /** Expected events in group A under H0 (summed over strata). */
  expectedA: number;
  /** Observed events in group B. */
  observedB: number;
  /** Expected events in group B under H0. */
  expectedB: number;
  /** Hypergeometric variance of O_A − E_A (summed over strata). */
  variance: number;
  /** Strata with both groups non-empty (1 for the unstratified test when both are non-empty). */
  strataUsed: number;
}

interface Prepared {
  /** All usable observation times, ascending (for the at-risk count). */
  all: Float64Array;
  /** Event times, ascending. */
  ev: Float64Array;
}

function prepare(s: CensoredSample): Prepared {
  const { events, censored } = splitCensored(s.times, s.events);
  const all = new Float64Array(events.length + censored.length);
  all.set(events);
  all.set(censored, events.length);
  return { all: all.sort(), ev: events };
}

interface StratumSums {
  oA: number;
  eA: number;
  oB: number;
  eB: number;
  v: number;
}

/** O − E and variance for one stratum; both groups must be non-empty. */
function stratumSums(A: Prepared, B: Prepared): StratumSums {
  const nA0 = A.all.length;
  const nB0 = B.all.length;
  let ia = 0; // A events consumed
  let ib = 0; // B events consumed
  let ra = 0; // A observations with time < current t
  let rb = 0;
  let oA = 0;
  let eA = 0;
  let oB = 0;
  let eB = 0;
  let v = 0;
  while (ia < A.ev.length || ib < B.ev.length) {
    const ta = ia < A.ev.length ? (A.ev[ia] as number) : Number.POSITIVE_INFINITY;
    const tb = ib < B.ev.length ? (B.ev[ib] as number) : Number.POSITIVE_INFINITY;
    const t = Math.min(ta, tb);
    let dA = 0;
    while (ia < A.ev.length && A.ev[ia] === t) {
      dA++;
      ia++;
    }
    let dB = 0;
    while (ib < B.ev.length && B.ev[ib] === t) {
      dB++;
      ib++;
    }
    while (ra < nA0 && (A.all[ra] as number) < t) ra++;
    while (rb < nB0 && (B.all[rb] as number) < t) rb++;
    const nA = nA0 - ra;
    const nB = nB0 - rb;
    const n = nA + nB;
    const d = dA + dB;
    const fa = nA / n;
    oA += dA;
    oB += dB;
    eA += d * fa;
    eB += d * (1 - fa);
    if (n > 1) v += (d * fa * (1 - fa) * (n - d)) / (n - 1);
  }
  return { oA, eA, oB, eB, v };
}

function finish(sum: StratumSums, strataUsed: number): LogRankResult {
  const base = {
    observedA: sum.oA,
    expectedA: sum.eA,
    observedB: sum.oB,
    expectedB: sum.eB,
    variance: sum.v,
    strataUsed,
  };
  if (strataUsed === 0) return { chiSquare: Number.NaN, pValue: Number.NaN, ...base };
  if (!(sum.v > 0)) return { chiSquare: 0, pValue: 1, ...base };
  const diff = sum.oA - sum.eA;
  const chiSquare = (diff * diff) / sum.v;
  // Chi-square with 1 df: P(X ≥ c) = P(|Z| ≥ √c) = 2·(1 − Φ(√c)).
  return { chiSquare, pValue: Math.min(1, 2 * normalSf(Math.sqrt(chiSquare))), ...base };
}

/**
 * Two-sample log-rank test of group A against group B. Pairs with a
 * non-finite time or NaN status are dropped. A subject censored at an event
 * time counts as at risk at that time. observedA > expectedA means A has
 * events sooner (shorter durations) than B.
 */
export function logRank(a: CensoredSample, b: CensoredSample): LogRankResult {
  return logRankStratified([{ a, b }]);
}

/**
 * Stratified log-rank test: O_A − E_A and the variances are computed within
 * each stratum and summed before forming the chi-square (R's
 * `survdiff(... + strata(s))`). Strata where either group is empty carry no
 * information: they add O = E to the totals and nothing to the variance, and
 * are not counted in `strataUsed`.
 */
export function logRankStratified(strata: ReadonlyArray<{ a: CensoredSample; b: CensoredSample }>): LogRankResult {
  const sum: StratumSums = { oA: 0, eA: 0, oB: 0, eB: 0, v: 0 };
  let used = 0;
  for (const s of strata) {
    const A = prepare(s.a);
    const B = prepare(s.b);
    if (A.all.length === 0 || B.all.length === 0) {
      // One group absent: every event is "expected" where it occurred (O = E, V = 0),
      // counted in the totals as R's survdiff does.
      sum.oA += A.ev.length;
      sum.eA += A.ev.length;
      sum.oB += B.ev.length;
      sum.eB += B.ev.length;
      continue;
    }
    const r = stratumSums(A, B);
    sum.oA += r.oA;
    sum.eA += r.eA;
    sum.oB += r.oB;
    sum.eB += r.eB;
    sum.v += r.v;
    used++;
  }
  return finish(sum, used);
}
