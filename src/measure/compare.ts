/**
 * The one comparison engine: two groups of tickets on one metric, in two views. Every output
 * that compares groups (the channel table's "vs reference", the JSON's vsReference, the gates,
 * the report's cards and trend, the findings) takes its numbers from here, and every group's
 * median from estimate.ts, so two outputs cannot answer one question differently.
 *
 * Both metrics are censored: a ticket not answered (or not resolved) by the as-of time has
 * waited at least its age so far, and counts as such instead of being dropped.
 *
 * - raw: the ratio of the groups' medians (estimate.ts: Kaplan–Meier, a lower bound when not
 *   reached) with a 95% CI, and a two-sided test: Gehan's generalized Wilcoxon test on first
 *   response (the censored-data Mann–Whitney), log-rank on resolution;
 * - like for like: inside every cell (category × priority, or whatever strata the caller gives)
 *   with at least MIN_CELL tickets of both groups, the same ratio of medians; the cells' log
 *   ratios pooled with Mantel–Haenszel-type weights n_a·n_b/(n_a+n_b), and the stratified test
 *   (Gehan with Van Elteren's weights on first response, stratified log-rank on resolution).
 *
 * First response, when nothing is censored: the Kaplan–Meier median is the sample median, its
 * spread reads the same order statistics as Price–Bonett, and Gehan's test is the Mann–Whitney
 * normal test with tie correction and no continuity correction, so the comparison is the
 * classical answered-only one.
 *
 * Unadjusted p-values; the findings put every p-value into one Holm family. Costs one sort per
 * group and per cell: O(n log n), no resampling.
 */
import { boundOf, ratioOfEstimates, type Bound, type BoundedRatio, type Interval } from './estimate.js';
import { groupSize, medianOf, sizeOf, type GroupDurations, type Metric } from './sample.js';
import type { CellLayout, GroupSource } from './source.js';
import { gehan, gehanStratified, logRank, logRankStratified, type TallyPair } from '../stats/rankTests.js';
import { endedMedian } from '../stats/orderStatistics.js';
import type { RatioCi } from '../stats/ratioCi.js';
import { zCritical } from '../stats/normal.js';
import type { Tally } from '../stats/tally.js';
import { MIN_CELL } from './strata.js';

export type { Bound, Metric };
export { MIN_CELL };

/** Most cells listed in a finding's details (largest first). */
export const MAX_CELLS_SHOWN = 50;

export type TestName = 'gehan' | 'stratified-gehan' | 'log-rank' | 'stratified-log-rank';

/** One cell of the like-for-like view. */
export interface CellRatio {
  stratum: string;
  n: [number, number];
  /** Group a's median over group b's in this cell (null when a median is not estimable). */
  ratio: number | null;
  ci95: Interval | null;
  /** Present when the cell's ratio is only a bound. */
  bound?: Bound;
}

/** One view (raw or like for like) of a comparison. */
export interface View {
  /** Group a's median over group b's (a bound when `bound` is set). */
  ratio: number | null;
  /** 95% CI; one-sided (the other end null) when `bound` is set. */
  ci95: Interval | null;
  /** Two-sided p of the view's test, unadjusted; null when the test cannot be run. */
  pValue: number | null;
  /** Tickets in the view: ended plus still waiting, per group. */
  n: [number, number];
  test: TestName;
  /** Set when the ratio is only a bound because a median was not reached. */
  bound?: Bound;
}

export interface RawView extends View {
  /** Each group's median (estimate.ts): Kaplan–Meier, or a lower bound when not reached (see `mediansReached`). */
  medians: [number | null, number | null];
  /** Whether each group's Kaplan–Meier median was reached (true for an empty group). */
  mediansReached: [boolean, boolean];
  /** Tickets of each group that ended (answered / resolved) by the as-of time; the rest of n is still waiting. */
  ended: [number, number];
  /** First response: plain median of each group's answered tickets (answeredMedian). */
  answeredMedians?: [number | null, number | null];
}

export interface AdjustedView extends View {
  /** Cells with at least MIN_CELL tickets of both groups. */
  strataUsed: number;
  /** Cells of the raw groups left out for having too few tickets of one group. */
  strataSkipped: number;
  /**
   * Cells used whose ratio cannot be said (both groups' medians not reached: most of both still
   * waiting): they count in the stratified test, not in the pooled ratio, and the finding says so.
   */
  strataWithoutRatio: number;
  /** Share of each group's tickets (of the raw view) inside the cells used. */
  coverage: [number, number];
  /** Per-cell ratios, largest cells first, at most MAX_CELLS_SHOWN. */
  cells: CellRatio[];
  /** Fields the cells are made of. */
  by: string[];
  /**
   * Set when some cells' ratios are lower bounds and others' upper bounds (medians not reached
   * on both sides): no like-for-like ratio can be said, only the stratified test.
   */
  opposingBounds?: true;
}

export interface Comparison {
  metric: Metric;
  raw: RawView;
  /** null when there are no strata (no category or priority in the data). */
  adjusted: AdjustedView | null;
}

const Z95 = zCritical(0.95);

function interval(r: RatioCi): Interval | null {
  return r.ratio === null ? null : [r.lo, r.hi];
}

function finite(p: number): number | null {
  return Number.isFinite(p) ? p : null;
}

/**
 * Log-scale variances of a ratio below and above its estimate, from its 95% CI: both from the
 * two ends together when there are two (the CI is symmetric on the log scale). With one end: a
 * ratio that is a bound (a median not reached) has a spread on its one side only, the other
 * being the bound's own direction; an estimate whose CI lacks an end (too many still waiting
 * past a median to read its upper quantile, where R writes NA) is given the spread of the end it
 * has on both sides, an approximation that keeps its tickets in the effect and its CI two-sided,
 * rather than one small cell's missing end leaving the whole pooled CI open. Null for a side
 * without a spread.
 */
function logVariances(r: BoundedRatio): { down: number | null; up: number | null } {
  if (r.ratio === null || !(r.ratio > 0)) return { down: null, up: null };
  const l = Math.log(r.ratio);
  const lo = r.lo !== null && r.lo > 0 ? Math.log(r.lo) : null;
  const hi = r.hi !== null && r.hi > 0 ? Math.log(r.hi) : null;
  if (lo !== null && hi !== null) {
    const w = (hi - lo) / (2 * Z95);
    return { down: w * w, up: w * w };
  }
  const square = (w: number | null): number | null => (w === null ? null : w * w);
  const down = square(lo === null ? null : (l - lo) / Z95);
  const up = square(hi === null ? null : (hi - l) / Z95);
  if (r.bound) return { down, up };
  return { down: down ?? up, up: up ?? down };
}

function testOf(metric: Metric, a: Tally, b: Tally): number | null {
  return finite(metric === 'firstResponse' ? gehan(a, b).pValue : logRank(a, b).pValue);
}

/** The raw view of a against b. */
function rawView(metric: Metric, a: GroupDurations, b: GroupDurations): RawView {
  const sa = a.samples[metric];
  const sb = b.samples[metric];
  const za = sizeOf(sa);
  const zb = sizeOf(sb);
  const n: [number, number] = [za.n, zb.n];
  const ma = medianOf(a, metric);
  const mb = medianOf(b, metric);
  const ci = ratioOfEstimates(ma, mb);
  const plain = (d: GroupDurations): number | null => (sizeOf(d.samples.firstResponse).ended ? endedMedian(d.samples.firstResponse) : null);
  return {
    ratio: ci.ratio,
    ci95: interval(ci),
    pValue: n[0] > 0 && n[1] > 0 ? testOf(metric, sa, sb) : null,
    n,
    test: metric === 'firstResponse' ? 'gehan' : 'log-rank',
    ...(ci.bound ? { bound: ci.bound } : {}),
    medians: [ma.value, mb.value],
    mediansReached: [boundOf(ma) === null, boundOf(mb) === null],
    ended: [za.ended, zb.ended],
    ...(metric === 'firstResponse' ? { answeredMedians: [plain(a), plain(b)] as [number | null, number | null] } : {}),
  };
}

/** The like-for-like view of a against b within `strata`. */
function adjustedView<G, L extends CellLayout>(
  samples: GroupSource<G, L>,
  a: G,
  b: G,
  metric: Metric,
  strata: L,
  rawN: [number, number],
): AdjustedView {
  const first = metric === 'firstResponse';
  const cellsA = samples.byCell(a, strata);
  const cellsB = samples.byCell(b, strata);
  const pairs: TallyPair[] = [];
  const cells: CellRatio[] = [];
  // Each cell's ln ratio, variances below and above it, and weight; pooled once the bounds are known.
  const pooled: Array<{ l: number; down: number | null; up: number | null; w: number; bound: Bound | undefined }> = [];
  let used = 0;
  let skipped = 0;
  // cells used whose ratio cannot be said (both medians not reached): in the test, not the effect
  let unrated = 0;
  const n: [number, number] = [0, 0];
  const codes = new Set([...cellsA.keys(), ...cellsB.keys()]);
  for (const code of [...codes].sort((x, y) => x - y)) {
    const ma = cellsA.get(code);
    const mb = cellsB.get(code);
    const na = ma ? groupSize(ma, metric).n : 0;
    const nb = mb ? groupSize(mb, metric).n : 0;
    if (!ma || !mb || na < MIN_CELL || nb < MIN_CELL) {
      if (na > 0 || nb > 0) skipped++;
      continue;
    }
    used++;
    n[0] += na;
    n[1] += nb;
    // read when the stratified test comes to this cell: a count table's cells are unpacked then
    // and let go after (countGroups.ts), not all held at once
    pairs.push({
      get a() {
        return ma.samples[metric];
      },
      get b() {
        return mb.samples[metric];
      },
    });
    const ci = ratioOfEstimates(medianOf(ma, metric), medianOf(mb, metric));
    cells.push({ stratum: strata.labels[code] ?? String(code), n: [na, nb], ratio: ci.ratio, ci95: interval(ci), ...(ci.bound ? { bound: ci.bound } : {}) });
    if (ci.ratio === null) unrated++;
    else if (ci.ratio > 0) {
      // Mantel–Haenszel-type weight: a cell counts by how much it can tell, n_a·n_b/(n_a+n_b).
      // Every cell with a ratio enters the effect, whatever its CI: a cell left out for a missing
      // CI end would leave its tickets (often the ones still waiting) out of the one number.
      pooled.push({ l: Math.log(ci.ratio), ...logVariances(ci), w: (na * nb) / (na + nb), bound: ci.bound });
    }
  }
  // Bounds of one direction pool into a bound of that direction (a weighted mean of lower bounds
  // and estimates is a lower bound of the weighted mean). With both directions present nothing
  // can be said of the weighted mean either way: there is no like-for-like ratio (the stratified
  // test still runs), rather than one made of the cells that happen to have both medians.
  const lower = pooled.some((c) => c.bound === 'lower');
  const upper = pooled.some((c) => c.bound === 'upper');
  const opposingBounds = lower && upper;
  const bound: Bound | undefined = lower && !upper ? 'lower' : upper && !lower ? 'upper' : undefined;
  // A cell with a ratio but no spread on a side (a bound whose CI has no end either, both
  // medians' spreads unknown) stays in the effect and takes the widest spread any cell has on
  // that side: no cell is taken as surer than the least sure one measured. A side no cell has a
  // spread for has no CI end.
  const widest = (side: 'down' | 'up'): number | null => pooled.reduce<number | null>((m, c) => (c[side] === null ? m : Math.max(m ?? 0, c[side] as number)), null);
  const widestDown = widest('down');
  const widestUp = widest('up');
  let sumW = 0;
  let sumWL = 0;
  let sumW2Down: number | null = 0;
  let sumW2Up: number | null = 0;
  for (const c of opposingBounds ? [] : pooled) {
    sumW += c.w;
    sumWL += c.w * c.l;
    const down = c.down ?? widestDown;
    const up = c.up ?? widestUp;
    sumW2Down = sumW2Down === null || down === null ? null : sumW2Down + c.w * c.w * down;
    sumW2Up = sumW2Up === null || up === null ? null : sumW2Up + c.w * c.w * up;
  }
  let ratio: number | null = null;
  let ci95: Interval | null = null;
  if (sumW > 0) {
    const l = sumWL / sumW;
    const end = (sumW2: number | null, sign: number): number | null => (sumW2 === null ? null : Math.exp(l + (sign * Z95 * Math.sqrt(sumW2)) / sumW));
    ratio = Math.exp(l);
    ci95 = [bound === 'upper' ? null : end(sumW2Down, -1), bound === 'lower' ? null : end(sumW2Up, 1)];
    if (ci95[0] === null && ci95[1] === null) ci95 = null;
  }
  let pValue: number | null = null;
  if (used > 0) pValue = finite(first ? gehanStratified(pairs).pValue : logRankStratified(pairs).pValue);
  cells.sort((x, y) => y.n[0] + y.n[1] - (x.n[0] + x.n[1]) || x.stratum.localeCompare(y.stratum));
  return {
    ratio,
    ci95,
    pValue,
    n,
    test: first ? 'stratified-gehan' : 'stratified-log-rank',
    ...(ratio !== null && bound ? { bound } : {}),
    ...(opposingBounds ? { opposingBounds: true as const } : {}),
    strataUsed: used,
    strataSkipped: skipped,
    strataWithoutRatio: unrated,
    coverage: [rawN[0] ? n[0] / rawN[0] : 0, rawN[1] ? n[1] / rawN[1] : 0],
    cells: cells.slice(0, MAX_CELLS_SHOWN),
    by: [...strata.by],
  };
}

/**
 * Compares group `a` with group `b` on `metric` (ratios are a over b; below 1 = a is faster).
 * With `strata`, adds the like-for-like view. Groups come from a GroupSource (source.ts): ticket
 * index arrays in-process, named groups of a count table; pass the same group again to reuse
 * what the source already gathered.
 */
export function compareGroups<G, L extends CellLayout>(samples: GroupSource<G, L>, a: G, b: G, metric: Metric, strata: L | null): Comparison {
  const raw = rawView(metric, samples.of(a), samples.of(b));
  return { metric, raw, adjusted: strata ? adjustedView(samples, a, b, metric, strata, raw.n) : null };
}

/** The raw view only (the channel table, the trend): no strata, no cell work. */
export function compareRaw<G>(samples: GroupSource<G, never>, a: G, b: G, metric: Metric): RawView {
  return rawView(metric, samples.of(a), samples.of(b));
}
