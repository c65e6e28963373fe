/**
 * Student t distribution function via the regularized incomplete beta
 * function, for t-approximation p-values (Spearman's rho).
 *
 * Hand-written because simple-statistics has no t (or beta) distribution
 * function — only t statistics. The incomplete beta is the continued fraction
 * of Numerical Recipes (`betai`/`betacf`, modified Lentz method) on top of
 * simple-statistics' `gammaln`.
 */
import { gammaln } from 'simple-statistics';

const EPS = 1e-15;
const FPMIN = 1e-300;
const MAX_ITER = 100_000;

/** Continued fraction for I_x(a, b) (Numerical Recipes `betacf`). */
function betacf(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/**
 * I_x(a, b) given both x and y = 1 − x (passing y separately avoids
 * cancellation when x is close to 1).
 */
function betaiPair(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const lnFront = gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log(y);
  const front = Math.exp(lnFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betacf(a, b, x)) / a;
  return 1 - (front * betacf(b, a, y)) / b;
}

/**
 * Regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b),
 * for 0 ≤ x ≤ 1 and a, b > 0. NaN for invalid arguments.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1) || !(a > 0) || !(b > 0)) return Number.NaN;
  return betaiPair(x, 1 - x, a, b);
}

/**
 * Two-sided tail P(|T| ≥ |t|) of Student's t with `df` degrees of freedom
 * (df > 0, not necessarily an integer): I_{df/(df+t²)}(df/2, 1/2).
 */
export function studentTTwoSided(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  const t2 = t * t;
  const denom = df + t2;
  return Math.min(1, betaiPair(df / denom, t2 / denom, df / 2, 0.5));
}

/** Cumulative distribution function P(T ≤ t) of Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const tail = studentTTwoSided(t, df) / 2;
  return t > 0 ? 1 - tail : tail;
}
