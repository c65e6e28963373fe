/**
 * Order statistics of a tally without expanding it: the k-th smallest ended time (or observed
 * time, ended or waiting) read from running counts. On top of that, the plain statistics of the
 * answered tickets that helpdesk dashboards show: R's type-7 quantile, the sample median, and the
 * distribution-free order-statistic confidence interval of a quantile — the same numbers as
 * quantileSorted, medianSorted and quantileCi (src/stats/quantile.ts) on the expanded, sorted
 * sample, because they read the same order statistics and do the same arithmetic on them.
 *
 * type 7: h = (n − 1)·p, Q = x_(⌊h⌋) + (h − ⌊h⌋)·(x_(⌊h⌋+1) − x_(⌊h⌋)) (0-based order statistics);
 * CI: [x_(l), x_(u)] with the equal-tailed binomial ranks of quantileCiRanks.
 * A lookup is a binary search over running counts: O(log distinct) after an O(distinct) pass.
 */
import { interpolate, quantileCiRanks } from './quantile.js';
import type { Tally } from './tally.js';

/** Which tickets of a tally are the sample: the ended ones, or every observed time. */
export type Observed = 'ended' | 'all';

/** The sorted sample a tally stands for, read by rank. */
export class OrderStatistics {
  /** Sample size. */
  readonly n: number;
  /** cumulative[i] = tickets of the sample at times[0..i]. */
  private readonly cumulative: Float64Array;

  constructor(
    private readonly tally: Tally,
    which: Observed = 'ended',
  ) {
    const m = tally.times.length;
    this.cumulative = new Float64Array(m);
    let sum = 0;
    for (let i = 0; i < m; i++) {
      sum += (tally.ended[i] as number) + (which === 'all' ? (tally.waiting[i] as number) : 0);
      this.cumulative[i] = sum;
    }
    this.n = sum;
  }

  /** The value at 0-based rank k of the sorted sample (0 ≤ k < n). */
  at(k: number): number {
    if (!(k >= 0 && k < this.n)) throw new RangeError(`rank ${k} outside 0..${this.n - 1}`);
    // First index whose running count exceeds k.
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > k) hi = mid;
      else lo = mid + 1;
    }
    return this.tally.times[lo] as number;
  }

  /** Type-7 p-quantile (as quantileSorted); NaN for an empty sample. RangeError unless 0 ≤ p ≤ 1. */
  quantile(p: number): number {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
    const n = this.n;
    if (n === 0) return Number.NaN;
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = this.at(Math.min(lo, n - 1));
    if (lo >= n - 1) return a;
    const frac = h - lo;
    if (frac === 0) return a;
    return interpolate(a, this.at(lo + 1), frac);
  }

  /** Sample median (as medianSorted): middle value, or the mean of the two middle values; NaN when empty. */
  median(): number {
    const n = this.n;
    if (n === 0) return Number.NaN;
    const mid = Math.floor(n / 2);
    if (n % 2 === 1) return this.at(mid);
    return (this.at(mid - 1) + this.at(mid)) / 2;
  }

  /** Distribution-free CI of the p-quantile (as quantileCi): null where no order statistic qualifies. */
  quantileCi(p: number, level = 0.95): { lo: number | null; hi: number | null } {
    const { l, u } = quantileCiRanks(this.n, p, level);
    return { lo: l === null ? null : this.at(l - 1), hi: u === null ? null : this.at(u - 1) };
  }
}

/** Type-7 p-quantile of a tally's ended times (the plain quantile of the answered). */
export function endedQuantile(t: Tally, p: number): number {
  return new OrderStatistics(t, 'ended').quantile(p);
}

/** Plain median of a tally's ended times (the answered-only median); NaN when none ended. */
export function endedMedian(t: Tally): number {
  return new OrderStatistics(t, 'ended').median();
}

/** Order-statistic CI of the p-quantile of a tally's ended times. */
export function endedQuantileCi(t: Tally, p: number, level = 0.95): { lo: number | null; hi: number | null } {
  return new OrderStatistics(t, 'ended').quantileCi(p, level);
}
