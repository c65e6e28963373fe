/**
 * Wilcoxon–Mann–Whitney rank-sum test, matching R's `wilcox.test(x, y)`
 * (statistic W, exact or normal p-value, continuity correction, tie-corrected
 * variance), plus the per-stratum pieces the Van Elteren test reuses.
 *
 * Hand-written because simple-statistics' `wilcoxonRankSum` returns only the
 * rank sum (no tie information, no p-value) and boxes every value into an
 * object. Here both samples are sorted as typed arrays and merged once:
 * O(n log n), fine on millions of values. The exact null distribution (a
 * probability recursion, O((nx·ny)²)) is used only for small samples.
 */
import { type Alternative, normalCdf, normalSf } from '../../src/stats/normal.js';
import { sortedCopy } from '../../src/stats/quantile.js';

/** Largest nx·ny for which an explicitly requested exact p-value is computed. */
export const MANN_WHITNEY_EXACT_MAX_CELLS = 10_000;

/** Rank-sum summary of one two-sample comparison (one stratum). */
export interface RankSumStratum {
  /** Number of non-NaN x values. */
  nx: number;
  /** Number of non-NaN y values. */
  ny: number;
  /** Sum of the pooled-sample average ranks (1-based) of the x values. */
  rankSumX: number;
  /** Mann–Whitney U of x (R's W): rankSumX − nx(nx+1)/2 = #{x > y} + ½·#{x = y}. */
  U: number;
  /** Σ (t³ − t) over the tie groups of the pooled sample (0 when no ties). */
  tieSum: number;
  /** Null mean of U: nx·ny/2. */
  meanU: number;
  /** Tie-corrected null variance of U: nx·ny/12 · (N + 1 − tieSum / (N(N − 1))). Also the variance of rankSumX. */
  varU: number;
  /** Whether the pooled sample contains ties. */
  ties: boolean;
}

/**
 * Rank x and y jointly (average ranks for ties) and return rank sum, U, the
 * tie correction and the null mean/variance of U. NaN values are dropped.
 */
export function rankSumStratum(x: ArrayLike<number>, y: ArrayLike<number>): RankSumStratum {
  const xs = sortedCopy(x);
  const ys = sortedCopy(y);
  const nx = xs.length;
  const ny = ys.length;
  const N = nx + ny;
  let i = 0;
  let j = 0;
  let pos = 0; // values already ranked
  let rankSumX = 0;
  let tieSum = 0;
  while (i < nx || j < ny) {
    const vx = i < nx ? (xs[i] as number) : Number.POSITIVE_INFINITY;
    const vy = j < ny ? (ys[j] as number) : Number.POSITIVE_INFINITY;
    const v = i < nx && (j >= ny || vx <= vy) ? vx : vy;
    let cx = 0;
    while (i < nx && xs[i] === v) {
      cx++;
      i++;
    }
    let cy = 0;
    while (j < ny && ys[j] === v) {
      cy++;
      j++;
    }
    const t = cx + cy;
    rankSumX += cx * (pos + (t + 1) / 2);
    if (t > 1) tieSum += t * t * t - t;
    pos += t;
  }
  const meanU = (nx * ny) / 2;
  const varU = N < 2 ? 0 : ((nx * ny) / 12) * (N + 1 - tieSum / (N * (N - 1)));
  return {
    nx,
    ny,
    rankSumX,
    U: rankSumX - (nx * (nx + 1)) / 2,
    tieSum,
    meanU,
    varU: Math.max(0, varU),
    ties: tieSum > 0,
  };
}

/**
 * Exact null distribution of the Mann–Whitney U for sample sizes m and n
 * without ties: element u is P(U = u), u = 0..m·n. Uses the recursion on the
 * largest pooled value, P_{i,j}(u) = i/(i+j)·P_{i−1,j}(u−j) + j/(i+j)·P_{i,j−1}(u),
 * in probabilities (no overflow). Cost O((m·n)²/4): small samples only.
 */
export function mannWhitneyExactDistribution(m: number, n: number): Float64Array {
  const a = Math.min(m, n);
  const b = Math.max(m, n);
  // prev[j] = distribution for (i − 1, j); cur[j] for (i, j).
  let prev: Float64Array[] = [];
  for (let j = 0; j <= b; j++) prev.push(Float64Array.of(1));
  for (let i = 1; i <= a; i++) {
    const cur: Float64Array[] = [Float64Array.of(1)];
    for (let j = 1; j <= b; j++) {
      const d = new Float64Array(i * j + 1);
      const fromX = prev[j] as Float64Array; // (i − 1, j): largest is an x, adds j
      const fromY = cur[j - 1] as Float64Array; // (i, j − 1): largest is a y, adds 0
      const wx = i / (i + j);
      const wy = j / (i + j);
      for (let u = 0; u < fromX.length; u++) d[u + j] = (d[u + j] as number) + wx * (fromX[u] as number);
      for (let u = 0; u < fromY.length; u++) d[u] = (d[u] as number) + wy * (fromY[u] as number);
      cur.push(d);
    }
    prev = cur;
  }
  return prev[b] as Float64Array;
}

/** Result of {@link mannWhitney}. */
export interface MannWhitneyResult {
  /** W statistic as R reports it: sum of ranks of x minus nx(nx+1)/2. NaN if a sample is empty. */
  U: number;
  /** Standardised statistic (after continuity correction) for the normal method; null for exact or when undefined. */
  z: number | null;
  /** p-value for the requested alternative. NaN when a sample is empty; 1 when every value is tied. */
  pValue: number;
  /** How the p-value was obtained. */
  method: 'exact' | 'normal';
  /** Whether the pooled sample contains ties. */
  ties: boolean;
  /** Non-NaN sample sizes. */
  nx: number;
  ny: number;
}

/** Options of {@link mannWhitney}. */
export interface MannWhitneyOptions {
  /** 'greater' = x tends to be larger than y. Default 'two-sided'. */
  alternative?: Alternative;
  /** Continuity correction of the normal approximation (default true, as R). */
  correct?: boolean;
  /**
   * true: exact when there are no ties and nx·ny ≤ {@link MANN_WHITNEY_EXACT_MAX_CELLS}
   * (otherwise normal, as R falls back with ties); false: normal;
   * 'auto' (default): exact when nx < 50, ny < 50 and no ties (R's rule).
   */
  exact?: boolean | 'auto';
}

/**
 * Two-sample Wilcoxon rank-sum / Mann–Whitney test of x against y, as R's
 * `wilcox.test(x, y, alternative, correct, exact)`. NaN values are dropped.
 */
export function mannWhitney(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  opts: MannWhitneyOptions = {},
): MannWhitneyResult {
  const alternative = opts.alternative ?? 'two-sided';
  const correct = opts.correct ?? true;
  const exactOpt = opts.exact ?? 'auto';
  const st = rankSumStratum(x, y);
  const { nx, ny, ties } = st;
  if (nx === 0 || ny === 0) {
    return { U: Number.NaN, z: null, pValue: Number.NaN, method: 'normal', ties, nx, ny };
  }
  const U = st.U;
  const useExact =
    !ties &&
    (exactOpt === 'auto' ? nx < 50 && ny < 50 : exactOpt === true && nx * ny <= MANN_WHITNEY_EXACT_MAX_CELLS);

  if (useExact) {
    const dist = mannWhitneyExactDistribution(nx, ny);
    const lowerTail = (q: number): number => {
      // P(U ≤ q)
      let s = 0;
      for (let u = 0; u <= q && u < dist.length; u++) s += dist[u] as number;
      return Math.min(1, s);
    };
    const upperTail = (q: number): number => {
      // P(U ≥ q)
      let s = 0;
      for (let u = dist.length - 1; u >= Math.max(0, q); u--) s += dist[u] as number;
      return Math.min(1, s);
    };
    let pValue: number;
    if (alternative === 'greater') pValue = upperTail(U);
    else if (alternative === 'less') pValue = lowerTail(U);
    else pValue = Math.min(1, 2 * (U > (nx * ny) / 2 ? upperTail(U) : lowerTail(U)));
    return { U, z: null, pValue, method: 'exact', ties, nx, ny };
  }

  const sigma = Math.sqrt(st.varU);
  const diff = U - st.meanU;
  if (!(sigma > 0)) {
    // Every value tied: no evidence either way (R returns NaN here).
    return { U, z: null, pValue: 1, method: 'normal', ties, nx, ny };
  }
  let correction = 0;
  if (correct) {
    if (alternative === 'greater') correction = 0.5;
    else if (alternative === 'less') correction = -0.5;
    else correction = Math.sign(diff) * 0.5;
  }
  const z = (diff - correction) / sigma;
  let pValue: number;
  if (alternative === 'greater') pValue = normalSf(z);
  else if (alternative === 'less') pValue = normalCdf(z);
  else pValue = Math.min(1, 2 * Math.min(normalCdf(z), normalSf(z)));
  return { U, z, pValue, method: 'normal', ties, nx, ny };
}
