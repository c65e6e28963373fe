/**
 * Standard normal distribution: CDF, survival function, quantile and the
 * z-test p-value helpers every rank test in this project ends with.
 *
 * Hand-written wrapper because simple-statistics exposes only the building
 * blocks: its `cumulativeStdNormalProbability` is a table rounded to 4
 * decimals (useless for p-values), so Φ is built here from its
 * `errorFunction` (relative error < 1.2e-7), and Φ⁻¹ starts from its `probit`
 * (a closed-form approximation good to only ~3 decimals, e.g. 1.9572 for
 * p = 0.975) and polishes it with Newton steps against Φ.
 */
import { errorFunction, probit } from 'simple-statistics';

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/**
 * Standard normal cumulative distribution function Φ(z) = P(Z ≤ z).
 *
 * Accurate to about 1e-7 relative in the body; values below ~1e-15 lose
 * precision and may be returned as 0. NaN in → NaN out.
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === Number.POSITIVE_INFINITY) return 1;
  if (z === Number.NEGATIVE_INFINITY) return 0;
  // Evaluate symmetrically so that Φ(-z) = 1 - Φ(z) holds to rounding.
  // erf(|x|) ≥ 0; the approximation returns −3e−8 at 0, which would put Φ(0) off 0.5.
  const e = Math.max(0, errorFunction(Math.abs(z) * SQRT1_2));
  return clamp01(z >= 0 ? 0.5 * (1 + e) : 0.5 * (1 - e));
}

/**
 * Standard normal survival function P(Z > z) = Φ(−z). In the far tail (|z| ≥ 3) 1 − erf loses
 * every digit (erf's absolute error, ~1e-7, is 20% of P(Z > 5) and all of P(Z > 9), which came
 * out as p = 0): there the tail is φ(z)·(Mills ratio), the ratio from its continued fraction
 * 1 / (z + 1/(z + 2/(z + 3/(z + …)))), evaluated from 200 terms down (A&S 26.2.14; P(Z > 10) =
 * 7.6198530241605e-24). It underflows to 0 only past z ≈ 38.5, where p < 1e-323.
 */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z >= TAIL_Z) return upperTail(z);
  if (z <= -TAIL_Z) return 1 - upperTail(-z);
  return normalCdf(-z);
}

/** From here on, P(Z > z) is read off the continued fraction (see normalSf). */
const TAIL_Z = 3;

/** P(Z > z) for z ≥ TAIL_Z: φ(z) / (z + 1/(z + 2/(z + …))). */
function upperTail(z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 0;
  let r = 0;
  for (let k = 200; k >= 1; k--) r = k / (z + r);
  return normalPdf(z) / (z + r);
}

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

/**
 * Standard normal quantile Φ⁻¹(p).
 *
 * Starts from simple-statistics' `probit` and applies Newton steps on
 * Φ(x) − p, so the result is as accurate as {@link normalCdf} (≈1e-6 in z).
 * p ≤ 0 → −Infinity, p ≥ 1 → +Infinity, NaN → NaN.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p)) return Number.NaN;
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  // Work in the lower tail, where p itself carries full precision.
  if (p > 0.5) return -normalQuantile(1 - p);
  let x = probit(p);
  for (let i = 0; i < 4; i++) {
    const f = normalCdf(x) - p;
    const d = normalPdf(x);
    if (!(d > 0)) break;
    const step = f / d;
    if (!Number.isFinite(step)) break;
    x -= step;
    if (Math.abs(step) < 1e-12 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

/**
 * Two-sided critical value z_{α/2} for a confidence level, e.g. 1.959964 for
 * 0.95. Throws RangeError unless 0 < level < 1.
 */
export function zCritical(level: number): number {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
  }
  return normalQuantile(1 - (1 - level) / 2);
}

/** Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|), capped at 1. */
export function pTwoSided(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return Math.min(1, 2 * normalSf(Math.abs(z)));
}

/** One-sided p-value for the alternative "greater": P(Z ≥ z). */
export function pGreater(z: number): number {
  return normalSf(z);
}

/** One-sided p-value for the alternative "less": P(Z ≤ z). */
export function pLess(z: number): number {
  return normalSf(-z);
}

/** Alternative hypothesis of a test, in R's spelling. */
export type Alternative = 'two-sided' | 'greater' | 'less';

/** p-value of a standard normal statistic for the given alternative. */
export function pFromZ(z: number, alternative: Alternative = 'two-sided'): number {
  switch (alternative) {
    case 'greater':
      return pGreater(z);
    case 'less':
      return pLess(z);
    default:
      return pTwoSided(z);
  }
}
