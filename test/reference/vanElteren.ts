/**
 * Van Elteren stratified rank-sum test: a Wilcoxon–Mann–Whitney comparison of
 * x against y inside each stratum (e.g. hour-of-week or ticket category),
 * combined across strata with weights 1/(n_x + n_y + 1) so every stratum
 * counts roughly by its information rather than its size.
 *
 * Hand-written because neither simple-statistics nor any maintained npm
 * package provides it. Per stratum it reuses the O(n log n) rank sums of
 * mannWhitney.ts; the combination is O(#strata).
 *
 * Kept with the tests, not in src/: the findings use the stratified Gehan test (which equals
 * Van Elteren when nothing is censored), and this independent implementation, itself checked by
 * hand, is what that equality is tested against.
 */
import { rankSumStratum } from './mannWhitney.js';
import { pTwoSided } from '../../src/stats/normal.js';

/** Result of {@link vanElteren}. */
export interface VanElterenResult {
  /** Σ_k R_k / (N_k + 1), R_k = rank sum of x in stratum k, N_k = n_x + n_y. */
  statistic: number;
  /** Null expectation Σ_k n_x,k / 2. */
  expected: number;
  /** Null variance Σ_k Var(R_k) / (N_k + 1)², with tie-corrected Var(R_k). */
  variance: number;
  /** (statistic − expected)/√variance, no continuity correction; null when the variance is 0 or no stratum is usable. */
  z: number | null;
  /** Two-sided normal p-value; NaN when no stratum is usable, 1 when the variance is 0 (all tied within strata). */
  pValue: number;
  /** Strata that contributed (both groups non-empty). */
  strataUsed: number;
  /** Strata skipped because one group was empty (after dropping NaN). */
  strataSkipped: number;
}

/**
 * Van Elteren test (two-sided, normal approximation, no continuity correction).
 * Positive z means x tends to be larger than y across strata. With a single
 * stratum it equals the Mann–Whitney normal test without continuity correction.
 */
export function vanElteren(
  strata: ReadonlyArray<{ x: ArrayLike<number>; y: ArrayLike<number> }>,
): VanElterenResult {
  let statistic = 0;
  let expected = 0;
  let variance = 0;
  let strataUsed = 0;
  let strataSkipped = 0;
  for (const s of strata) {
    const r = rankSumStratum(s.x, s.y);
    if (r.nx === 0 || r.ny === 0) {
      strataSkipped++;
      continue;
    }
    const w = 1 / (r.nx + r.ny + 1);
    statistic += w * r.rankSumX;
    expected += w * ((r.nx * (r.nx + r.ny + 1)) / 2);
    variance += w * w * r.varU;
    strataUsed++;
  }
  if (strataUsed === 0) {
    return { statistic, expected, variance, z: null, pValue: Number.NaN, strataUsed, strataSkipped };
  }
  if (!(variance > 0)) {
    return { statistic, expected, variance, z: null, pValue: 1, strataUsed, strataSkipped };
  }
  const z = (statistic - expected) / Math.sqrt(variance);
  return { statistic, expected, variance, z, pValue: pTwoSided(z), strataUsed, strataSkipped };
}
