/**
 * Spearman rank correlation with a two-sided p-value from the t
 * approximation, e.g. to check whether response time drifts with queue
 * length or time of day.
 *
 * rho comes from simple-statistics' `sampleRankCorrelation` (Pearson
 * correlation of average ranks); the p-value is hand-written because the
 * library has no t distribution function (see studentT.ts).
 */
import { sampleRankCorrelation } from 'simple-statistics';
import { studentTTwoSided } from './studentT.js';

/** Result of {@link spearman}. */
export interface SpearmanResult {
  /** Spearman's rho (average ranks for ties); NaN when undefined (n < 3 or a constant variable). */
  rho: number;
  /** Two-sided p-value, t = rho·√((n−2)/(1−rho²)) on n − 2 df; NaN when rho is undefined. */
  pValue: number;
  /** Number of complete (non-NaN) pairs used. */
  n: number;
  /** How the p-value was obtained. */
  method: 't-approximation';
}

/**
 * Spearman's rank correlation of paired x and y (pairs with a NaN dropped).
 * Unlike R's cor.test, which uses an exact null distribution for n < 1290
 * without ties, the p-value always uses the t approximation.
 * @throws RangeError when x and y differ in length.
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): SpearmanResult {
  if (x.length !== y.length) {
    throw new RangeError(`x (${x.length}) and y (${y.length}) differ in length`);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    xs.push(a);
    ys.push(b);
  }
  const n = xs.length;
  const method = 't-approximation' as const;
  if (n < 3) return { rho: Number.NaN, pValue: Number.NaN, n, method };
  let rho = sampleRankCorrelation(xs, ys);
  if (!Number.isFinite(rho)) return { rho: Number.NaN, pValue: Number.NaN, n, method };
  // Guard rounding just outside [−1, 1].
  rho = Math.max(-1, Math.min(1, rho));
  if (Math.abs(rho) === 1) return { rho, pValue: 0, n, method };
  const t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
  return { rho, pValue: studentTTwoSided(t, n - 2), n, method };
}
