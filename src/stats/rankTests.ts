/**
 * The two-sample tests on censored durations, run on tallies: Gehan's generalised Wilcoxon test
 * (two-sample; stratified with Van Elteren's weights or with plain sums) and the log-rank test
 * (two-sample and stratified). The same statistics, variances and p-values as
 * test/reference/gehan.ts and test/reference/logRank.ts on the per-ticket samples, computed in
 * one linear pass over the merged distinct times of the two tallies of each stratum.
 *
 * Gehan (1965) with Mantel's (1967) permutation variance. Within a stratum of N tickets, at a
 * distinct time t with E_t tickets ended and C_t still waiting, D_<t ended before t and A_<t
 * observed (ended or waiting) before t:
 *   score of a ticket that ended at t      u = D_<t − (N − A_<t − E_t)
 *     (definitely smaller: the events before t; definitely larger: everything after t and the
 *     tickets still waiting at t, since an event comes before a censoring at the same time;
 *     other events at t are ties),
 *   score of a ticket still waiting at t   u = D_<t + E_t (larger than every event at or before t),
 *   W = Σ_A u,  Var(W) = n_A·n_B / (N(N−1)) · Σ_all u²  (Σ u = 0).
 * Stratified: Σ_k w_k W_k and Σ_k w_k² Var(W_k), w_k = 1/(N_k + 1) (Van Elteren 1960) or 1 (sum);
 * strata with an empty group are skipped. z = W/√Var, two-sided normal p.
 *
 * Log-rank (Mantel–Cox; R's survdiff, rho = 0). At each event time with r_A, r_B at risk
 * (r = r_A + r_B) and d = d_A + d_B events: E_A += d·r_A/r, and the hypergeometric variance
 * V += d·(r_A/r)·(1 − r_A/r)·(r − d)/(r − 1). Stratified: O − E and V summed over strata; a stratum
 * with an empty group adds O = E and no variance. χ² = (O_A − E_A)²/V on 1 df.
 *
 * With counts, each stratum costs O(distinct times of A + distinct times of B), however many
 * tickets share a time. Hand-written: no maintained npm package has censored rank tests.
 */
import { normalSf, pTwoSided } from './normal.js';
import { tallySizes, type Tally } from './tally.js';

/** Two tallies compared within one stratum (a = the group under test, b = the comparison). */
export interface TallyPair {
  a: Tally;
  b: Tally;
}

/** Result of {@link gehan} / {@link gehanStratified}. */
export interface GehanResult {
  /** Σ of group A's scores (weighted by stratum in the stratified test); > 0 = A's durations tend to be longer. */
  statistic: number;
  /** Permutation variance of the statistic under the null. */
  variance: number;
  /** statistic / √variance; null when the variance is 0 or no stratum has both groups. */
  z: number | null;
  /** Two-sided normal p; NaN when no stratum has both groups, 1 when the variance is 0. */
  pValue: number;
  /** Tickets of A and B (summed over the strata used). */
  nA: number;
  nB: number;
  /** Strata with both groups non-empty. */
  strataUsed: number;
  /** Strata skipped because a group was empty. */
  strataSkipped: number;
}

/** How strata are combined in {@link gehanStratified}. */
export type GehanWeighting = 'van-elteren' | 'sum';

/**
 * W and Σu² of one stratum with N tickets, in one merge of the two tallies' distinct times (the
 * loop is written out rather than shared through a callback: it is the hot path at millions of
 * distinct times, and the log-rank pass below has the same shape).
 */
function gehanStratum(a: Tally, b: Tally, N: number): { W: number; sumU2: number } {
  const ka = a.times.length;
  const kb = b.times.length;
  let i = 0;
  let j = 0;
  let W = 0;
  let sumU2 = 0;
  let evBelow = 0;
  let allBelow = 0;
  while (i < ka || j < kb) {
    const ta = i < ka ? (a.times[i] as number) : Number.POSITIVE_INFINITY;
    const tb = j < kb ? (b.times[j] as number) : Number.POSITIVE_INFINITY;
    let eA = 0;
    let wA = 0;
    let E = 0;
    let C = 0;
    if (ta <= tb) {
      eA = a.ended[i] as number;
      wA = a.waiting[i] as number;
      E = eA;
      C = wA;
      i++;
    }
    if (tb <= ta) {
      E += b.ended[j] as number;
      C += b.waiting[j] as number;
      j++;
    }
    const uEnded = evBelow - (N - allBelow - E);
    const uWaiting = evBelow + E;
    W += eA * uEnded + wA * uWaiting;
    sumU2 += E * uEnded * uEnded + C * uWaiting * uWaiting;
    evBelow += E;
    allBelow += E + C;
  }
  return { W, sumU2 };
}

/**
 * Stratified Gehan test on tallies: W and Var(W) within each stratum, combined with Van Elteren's
 * weights 1/(N_k + 1) (default) or plain sums; only tickets of the same stratum are compared.
 */
export function gehanStratified(strata: readonly TallyPair[], opts: { weighting?: GehanWeighting } = {}): GehanResult {
  const weighting = opts.weighting ?? 'van-elteren';
  let statistic = 0;
  let variance = 0;
  let nA = 0;
  let nB = 0;
  let used = 0;
  let skipped = 0;
  for (const s of strata) {
    // each side read once (a count table's cells are unpacked when read: measure/countGroups.ts)
    const { a, b } = s;
    const na = tallySizes(a).n;
    const nb = tallySizes(b).n;
    if (na === 0 || nb === 0) {
      skipped++;
      continue;
    }
    const N = na + nb;
    const r = gehanStratum(a, b, N);
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

/** Gehan's test of tally A against tally B (two-sided, Mantel's variance); z > 0 = A tends to be longer. */
export function gehan(a: Tally, b: Tally): GehanResult {
  return gehanStratified([{ a, b }], { weighting: 'sum' });
}

/** Result of {@link logRank} / {@link logRankStratified}. */
export interface LogRankResult {
  /** (O_A − E_A)² / V on 1 df; 0 when V = 0. */
  chiSquare: number;
  /** Upper-tail chi-square(1) p-value; 1 when V = 0, NaN when no stratum has both groups. */
  pValue: number;
  observedA: number;
  expectedA: number;
  observedB: number;
  expectedB: number;
  /** Hypergeometric variance of O_A − E_A (summed over strata). */
  variance: number;
  /** Strata with both groups non-empty. */
  strataUsed: number;
}

interface LogRankSums {
  oA: number;
  eA: number;
  oB: number;
  eB: number;
  v: number;
}

/**
 * O − E and variance for one stratum (both groups non-empty), summed within the stratum and then
 * added to `sum`: the same order of additions as the per-ticket test.
 */
function logRankStratum(a: Tally, b: Tally, nA0: number, nB0: number, sum: LogRankSums): void {
  const ka = a.times.length;
  const kb = b.times.length;
  let i = 0;
  let j = 0;
  let beforeA = 0;
  let beforeB = 0;
  let oA = 0;
  let eA = 0;
  let oB = 0;
  let eB = 0;
  let v = 0;
  while (i < ka || j < kb) {
    const ta = i < ka ? (a.times[i] as number) : Number.POSITIVE_INFINITY;
    const tb = j < kb ? (b.times[j] as number) : Number.POSITIVE_INFINITY;
    let dA = 0;
    let wA = 0;
    let dB = 0;
    let wB = 0;
    if (ta <= tb) {
      dA = a.ended[i] as number;
      wA = a.waiting[i] as number;
      i++;
    }
    if (tb <= ta) {
      dB = b.ended[j] as number;
      wB = b.waiting[j] as number;
      j++;
    }
    if (dA + dB > 0) {
      const nA = nA0 - beforeA;
      const nB = nB0 - beforeB;
      const n = nA + nB;
      const d = dA + dB;
      const fa = nA / n;
      oA += dA;
      oB += dB;
      eA += d * fa;
      eB += d * (1 - fa);
      if (n > 1) v += (d * fa * (1 - fa) * (n - d)) / (n - 1);
    }
    beforeA += dA + wA;
    beforeB += dB + wB;
  }
  sum.oA += oA;
  sum.eA += eA;
  sum.oB += oB;
  sum.eB += eB;
  sum.v += v;
}

/**
 * Stratified log-rank test on tallies (R's `survdiff(... + strata(s))`): O − E and V within each
 * stratum, summed. observedA > expectedA means A ends sooner (shorter durations) than B.
 */
export function logRankStratified(strata: readonly TallyPair[]): LogRankResult {
  const sum: LogRankSums = { oA: 0, eA: 0, oB: 0, eB: 0, v: 0 };
  let used = 0;
  for (const s of strata) {
    const { a, b } = s;
    const A = tallySizes(a);
    const B = tallySizes(b);
    if (A.n === 0 || B.n === 0) {
      sum.oA += A.ended;
      sum.eA += A.ended;
      sum.oB += B.ended;
      sum.eB += B.ended;
      continue;
    }
    logRankStratum(a, b, A.n, B.n, sum);
    used++;
  }
  const base = { observedA: sum.oA, expectedA: sum.eA, observedB: sum.oB, expectedB: sum.eB, variance: sum.v, strataUsed: used };
  if (used === 0) return { chiSquare: Number.NaN, pValue: Number.NaN, ...base };
  if (!(sum.v > 0)) return { chiSquare: 0, pValue: 1, ...base };
  const diff = sum.oA - sum.eA;
  const chiSquare = (diff * diff) / sum.v;
  return { chiSquare, pValue: Math.min(1, 2 * normalSf(Math.sqrt(chiSquare))), ...base };
}

/** Two-sample log-rank test of tally A against tally B. */
export function logRank(a: Tally, b: Tally): LogRankResult {
  return logRankStratified([{ a, b }]);
}
