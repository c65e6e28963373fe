/**
 * Gehan's generalized Wilcoxon test for two samples of right-censored durations (Gehan 1965),
 * with Mantel's (1967) permutation variance, and its stratified form. It is the Mann–Whitney
 * test for data where some values are only known to exceed a time (a ticket still waiting for
 * its first response has waited at least this long): with nothing censored it is exactly the
 * Mann–Whitney normal approximation with tie correction and no continuity correction.
 *
 * Pairs are compared only where the order is certain. With events (observed times) and
 * censorings (times known to be exceeded):
 *
 * - an event at t is definitely smaller than an event at t' > t and than a censoring at c ≥ t
 *   (a ticket still waiting at t outlasted one answered at t: censorings are taken to happen
 *   just after events at the same time, as in the Kaplan–Meier estimator and the log-rank test);
 * - two events at the same time are tied; two censorings, and a censoring at c against an event
 *   after c, cannot be ordered. These pairs count zero.
 *
 * Each observation gets the score u = (#observations definitely smaller) − (#definitely larger);
 * W = Σ u over group A (positive when A's durations tend to be longer), and under the null of
 * exchangeable groups Var(W) = n_A·n_B/(N(N−1)) · Σ u² over all N observations (Σ u = 0). Without
 * censoring u is 2·midrank − (N+1), so W = 2(U − n_A·n_B/2) and Var(W) = 4·Var(U) (tie-corrected).
 * W equals Breslow's Σ n_j(E_j − O_j) over event times; only the variance differs from the
 * Gehan–Breslow weighted log-rank form.
 *
 * Hand-written (no maintained npm package has censored rank tests). Scores come from counts in
 * two sorted arrays (event times, all times), read with pointers that only move forward, so a
 * stratum costs one sort, O(N log N) (none when the samples arrive in time order): a million
 * tickets are not 10¹² pairs.
 */
import type { CensoredSample } from './logRank.js';
import { splitCensored } from './kaplanMeier.js';
import { pTwoSided } from '../../src/stats/normal.js';

/** Result of {@link gehan} / {@link gehanStratified}. */
export interface GehanResult {
  /** Σ of group A's scores (weighted by stratum in the stratified test); > 0 = A's durations tend to be longer. */
  statistic: number;
  /** Permutation variance of the statistic under the null. */
  variance: number;
  /** statistic / √variance; null when the variance is 0 or no stratum has both groups. */
  z: number | null;
  /** Two-sided normal p; NaN when no stratum has both groups, 1 when the variance is 0 (nothing can be ordered). */
  pValue: number;
  /** Usable observations of A and B (summed over the strata used). */
  nA: number;
  nB: number;
  /** Strata with both groups non-empty (1 for the two-sample test when both are non-empty). */
  strataUsed: number;
  /** Strata skipped because a group was empty. */
  strataSkipped: number;
}

/** One group's usable observations: times split by whether the event was observed, each ascending. */
interface Split {
  events: Float64Array;
  censored: Float64Array;
}

function split(s: CensoredSample): Split {
  return splitCensored(s.times, s.events);
}

/** The two ascending arrays merged into one ascending array (linear). */
function merge(x: Float64Array, y: Float64Array): Float64Array {
  const out = new Float64Array(x.length + y.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = j >= y.length || (i < x.length && (x[i] as number) <= (y[j] as number)) ? (x[i++] as number) : (y[j++] as number);
  }
  return out;
}

/**
 * W, Σu² and sizes of one stratum (both groups non-empty). Each group's times are ascending, so
 * the counts below a time come from pointers that only move forward: linear after the sorts.
 */
function stratum(A: Split, B: Split): { W: number; sumU2: number; nA: number; nB: number } {
  const events = merge(A.events, B.events);
  const all = merge(events, merge(A.censored, B.censored));
  const N = all.length;
  let W = 0;
  let sumU2 = 0;
  const add = (group: Split, inA: boolean): void => {
    // An event at t: smaller = events before t; larger = everything after t plus censorings at t
    // = N − (all before t) − (events at t).
    let evBelow = 0;
    let evAtOrBelow = 0;
    let allBelow = 0;
    for (let k = 0; k < group.events.length; k++) {
      const t = group.events[k] as number;
      while (evBelow < events.length && (events[evBelow] as number) < t) evBelow++;
      if (evAtOrBelow < evBelow) evAtOrBelow = evBelow;
      while (evAtOrBelow < events.length && (events[evAtOrBelow] as number) <= t) evAtOrBelow++;
      while (allBelow < N && (all[allBelow] as number) < t) allBelow++;
      const u = evBelow - (N - allBelow - (evAtOrBelow - evBelow));
      if (inA) W += u;
      sumU2 += u * u;
    }
    // A censoring at c is larger than every event at or before c and smaller than nothing.
    let evUpTo = 0;
    for (let k = 0; k < group.censored.length; k++) {
      const c = group.censored[k] as number;
      while (evUpTo < events.length && (events[evUpTo] as number) <= c) evUpTo++;
      if (inA) W += evUpTo;
      sumU2 += evUpTo * evUpTo;
    }
  };
  add(A, true);
  add(B, false);
  return { W, sumU2, nA: A.events.length + A.censored.length, nB: B.events.length + B.censored.length };
}

/** How strata are combined in {@link gehanStratified}. */
export type GehanWeighting = 'van-elteren' | 'sum';

/**
 * Stratified Gehan test: W and Var(W) are computed within each stratum and combined, so only
 * tickets of the same stratum are ever compared. Strata with an empty group are skipped.
 *
 * - `'van-elteren'` (default): stratum k is weighted by 1/(N_k + 1), statistic Σ W_k/(N_k+1),
 *   variance Σ Var(W_k)/(N_k+1)². Without censoring this is exactly Van Elteren's stratified
 *   rank-sum test (W_k/(N_k+1) = 2·(R_k − E R_k)/(N_k+1)), whose weights are the locally most
 *   powerful for a common shift: W_k grows like N_k² and its sd like N_k^1.5, so an unweighted
 *   sum lets the largest cell drown out the others.
 * - `'sum'`: the plain sums Σ W_k and Σ Var(W_k).
 */
export function gehanStratified(
  strata: ReadonlyArray<{ a: CensoredSample; b: CensoredSample }>,
  opts: { weighting?: GehanWeighting } = {},
): GehanResult {
  const weighting = opts.weighting ?? 'van-elteren';
  let statistic = 0;
  let variance = 0;
  let nA = 0;
  let nB = 0;
  let used = 0;
  let skipped = 0;
  for (const s of strata) {
    const A = split(s.a);
    const B = split(s.b);
    const na = A.events.length + A.censored.length;
    const nb = B.events.length + B.censored.length;
    if (na === 0 || nb === 0) {
      skipped++;
      continue;
    }
    const r = stratum(A, B);
    const N = na + nb;
    const w = weighting === 'van-elteren' ? 1 / (N + 1) : 1;
    statistic += w * r.W;
    variance += w * w * ((na * nb) / (N * (N - 1))) * r.sumU2;
    nA += na;
    nB += nb;
    used++;
  }
  const base = { statistic, variance, nA, nB, strataUsed: used, strataSkipped: skipped };
  if (used === 0) return { ...base, z: null, pValue: Number.NaN };
  if (!(variance > 0)) return { ...base, z: null, pValue: 1 };
  const z = statistic / Math.sqrt(variance);
  return { ...base, z, pValue: pTwoSided(z) };
}

/**
 * Gehan's test of group A against group B (two-sided, normal approximation, Mantel's
 * variance). Pairs with a non-finite time or NaN status are dropped. z > 0 means A's durations
 * tend to be longer. Matches coin's `logrank_test(..., type = "Gehan-Breslow")`.
 */
export function gehan(a: CensoredSample, b: CensoredSample): GehanResult {
  return gehanStratified([{ a, b }], { weighting: 'sum' });
}
