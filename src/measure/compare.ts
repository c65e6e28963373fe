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
 * Neither median reached (half or more of both groups still waiting as far as the data reach):
 * there is no ratio of medians, and the verdict reads the ratio at the largest lower quantile
 * either group reaches instead, the 25th or else the 10th percentile (`atQuantile`; the like-for-
 * like view the same way when none of its cells has a ratio of medians). If waiting times differ
 * by a factor (one group's times a multiple of the other's: an accelerated-failure-time model),
 * every quantile's ratio is that factor, so the lower quantile answers the same question where the
 * data reach; it is labelled as such wherever it is shown. The ratio of medians itself (the
 * tables, the JSON's vsReference, the gates) stays unknown: a number there is always the medians'.
 *
 * First response, when nothing is censored: the Kaplan–Meier median is the sample median, its
 * spread reads the same order statistics as Price–Bonett, and Gehan's test is the Mann–Whitney
 * normal test with tie correction and no continuity correction, so the comparison is the
 * classical answered-only one.
 *
 * Unadjusted p-values; the findings put every p-value into one Holm family. Costs one sort per
 * group and per cell: O(n log n), no resampling.
 */
import { quantileSpreadEstimate, ratioOfEstimates, RATIO_FLOOR_SECONDS, type Bound, type BoundedRatio, type Estimate, type Interval } from './estimate.js';
import { groupSize, medianOf, sizeOf, type GroupDurations, type Metric } from './sample.js';
import type { CellLayout, GroupSource } from './source.js';
import { gehan, gehanStratified, logRank, logRankStratified, type TallyPair } from '../stats/rankTests.js';
import { endedMedian } from '../stats/orderStatistics.js';
import type { RatioCi } from '../stats/ratioCi.js';
import { zCritical } from '../stats/normal.js';
import type { Tally } from '../stats/tally.js';
import { kaplanMeier, type KmCurve } from '../stats/kaplanMeier.js';
import { MIN_CELL } from './strata.js';
import { codeUnitOrder, textOrder } from '../text/order.js';

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
  /** Present when the ratio is of this quantile, not of the medians (the view's {@link View.quantile}). */
  quantile?: number;
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
  /**
   * Set when the ratio is of this lower quantile (0.25, 0.1), not of the medians: neither group's
   * median was reached (see the module header). Absent: the ratio of medians.
   */
  quantile?: number;
}

/**
 * The ratio at a lower quantile, when neither group's median is reached: what the verdict reads
 * then ({@link decisiveView}). `values` are each group's quantile (a lower bound where not reached).
 */
export interface QuantileRatio {
  quantile: number;
  values: [number, number];
  reached: [boolean, boolean];
  ratio: number;
  ci95: Interval | null;
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
  /** Neither median reached: the ratio at the largest lower quantile either group reaches (absent when none does). */
  atQuantile?: QuantileRatio;
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

/** A tally with its Kaplan–Meier curve, made once for every quantile read off it. */
interface Curved {
  tally: Tally;
  curve: KmCurve;
}

function curved(tally: Tally): Curved {
  return { tally, curve: kaplanMeier(tally) };
}

/** The lower quantiles a comparison reads when neither median is reached, largest first. */
export const FALLBACK_QUANTILES: readonly number[] = [0.25, 0.1];

/**
 * The ratio of a over b at quantile q (from both tallies' curves), or null when neither group
 * reaches it. Either one not reaching it makes the ratio a bound, as for medians.
 */
function ratioAt(q: number, a: Curved, b: Curved): { ea: Estimate; eb: Estimate; r: BoundedRatio } | null {
  const ea = quantileSpreadEstimate(a.tally, q, a.curve);
  const eb = quantileSpreadEstimate(b.tally, q, b.curve);
  const r = ratioOfEstimates(ea, eb);
  return r.ratio === null ? null : { ea, eb, r };
}

/** {@link RawView.atQuantile}: the largest of FALLBACK_QUANTILES either group reaches, or null. */
function quantileFallback(sa: Tally, sb: Tally): QuantileRatio | null {
  const a = curved(sa);
  const b = curved(sb);
  for (const q of FALLBACK_QUANTILES) {
    const at = ratioAt(q, a, b);
    if (!at) continue;
    return {
      quantile: q,
      values: [at.ea.value as number, at.eb.value as number],
      reached: [at.ea.reached, at.eb.reached],
      ratio: at.r.ratio as number,
      ci95: interval(at.r),
      ...(at.r.bound ? { bound: at.r.bound } : {}),
    };
  }
  return null;
}

/**
 * The view a verdict reads: the like-for-like view when there is one, else the raw view; a raw
 * view without a ratio of medians (neither reached) reads its ratio at a lower quantile when it
 * has one (`quantile` set on the view returned).
 */
export function decisiveView(c: Comparison): View {
  if (c.adjusted) return c.adjusted;
  const at = c.raw.atQuantile;
  if (c.raw.ratio !== null || !at) return c.raw;
  const { bound: _bound, ...rest } = c.raw;
  return { ...rest, ratio: at.ratio, ci95: at.ci95, quantile: at.quantile, ...(at.bound ? { bound: at.bound } : {}) };
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
  const fallback = ma.value !== null && mb.value !== null && !ma.reached && !mb.reached ? quantileFallback(sa, sb) : null;
  return {
    ratio: ci.ratio,
    ci95: interval(ci),
    pValue: n[0] > 0 && n[1] > 0 ? testOf(metric, sa, sb) : null,
    n,
    test: metric === 'firstResponse' ? 'gehan' : 'log-rank',
    ...(ci.bound ? { bound: ci.bound } : {}),
    medians: [ma.value, mb.value],
    // (false for a group without a median: no ticket measured; `medians` then holds null)
    mediansReached: [ma.value !== null && ma.reached, mb.value !== null && mb.reached],
    ended: [za.ended, zb.ended],
    ...(metric === 'firstResponse' ? { answeredMedians: [plain(a), plain(b)] as [number | null, number | null] } : {}),
    ...(fallback ? { atQuantile: fallback } : {}),
  };
}

/**
 * The cells' ratios as the pool reads their spreads. A ratio that is a bound has one CI end, on
 * its bound's side, made from the reached median's CI; when that median's CI lacks the end
 * needed (too many still waiting past it), the cell would have no spread at all, and with every
 * cell so the pooled ratio had no CI and its verdict fell to no-preference however clear the
 * gap. As the README says of a median's CI that lacks an end, it is given the spread of the end
 * it has on both sides (reflected on the log scale: m²/lo) — for the pool only; each cell is
 * shown with its own CI. Ratios that are no bound keep theirs (poolCells fills a missing side
 * from the other at the ratio's level).
 */
function forPooling(ratios: readonly BoundedRatio[], estimates: ReadonlyArray<readonly [Estimate, Estimate]>): BoundedRatio[] {
  return ratios.map((r, k) => {
    const missing = r.bound === 'lower' ? r.lo === null : r.bound === 'upper' ? r.hi === null : false;
    if (!missing) return r;
    const [ea, eb] = estimates[k] as readonly [Estimate, Estimate];
    return ratioOfEstimates(bothEnds(ea), bothEnds(eb));
  });
}

/** A reached estimate whose CI has one end, given the other by reflection on the log scale. */
function bothEnds(e: Estimate): Estimate {
  if (!e.reached || e.value === null || !(e.value >= RATIO_FLOOR_SECONDS)) return e;
  const v = e.value;
  if (e.lo !== null && e.hi === null) return { ...e, hi: (v * v) / Math.max(e.lo, RATIO_FLOOR_SECONDS) };
  if (e.hi !== null && e.lo === null) return { ...e, lo: (v * v) / e.hi };
  return e;
}

/**
 * The cells' ratios pooled: log ratios weighted n_a·n_b/(n_a+n_b), with the CI from their
 * spreads (see adjustedView); no ratio when no cell has one, or when some are bounded one way
 * and others the other way (`opposingBounds`).
 */
function poolCells(ratios: readonly BoundedRatio[], sizes: ReadonlyArray<{ na: number; nb: number }>): { ratio: number | null; ci95: Interval | null; bound: Bound | undefined; opposingBounds: boolean } {
  // Each cell's ln ratio, variances below and above it, and weight.
  const pooled: Array<{ l: number; down: number | null; up: number | null; w: number; bound: Bound | undefined }> = [];
  ratios.forEach((ci, k) => {
    const { na, nb } = sizes[k] as { na: number; nb: number };
    // Mantel–Haenszel-type weight: a cell counts by how much it can tell, n_a·n_b/(n_a+n_b).
    // Every cell with a ratio enters the effect, whatever its CI: a cell left out for a missing
    // CI end would leave its tickets (often the ones still waiting) out of the one number.
    if (ci.ratio !== null && ci.ratio > 0) pooled.push({ l: Math.log(ci.ratio), ...logVariances(ci), w: (na * nb) / (na + nb), bound: ci.bound });
  });
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
  return { ratio, ci95, bound, opposingBounds };
}

/**
 * The order the like-for-like view takes cells in: by label (code units, as a count table sorts
 * its values), then, for two cells of one label (`Billing / high` + `low` beside `Billing` +
 * `high / low`), by their values — never by code. A file's codes follow the order its values
 * first appear, a count table's the sorted order; the pooled effect and the stratified test sum
 * the cells in this order, so both producers add the same numbers in the same order and give the
 * same bits.
 */
export function cellOrder(strata: CellLayout): (x: number, y: number) => number {
  const label = (code: number): string => strata.labels[code] ?? String(code);
  const key = (code: number): string => strata.keys?.[code] ?? '';
  return (x, y) => codeUnitOrder(label(x), label(y)) || codeUnitOrder(key(x), key(y)) || x - y;
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
  // the cells used: at least MIN_CELL tickets of both groups
  const usedCells: Array<{ code: number; na: number; nb: number; ma: GroupDurations; mb: GroupDurations }> = [];
  let skipped = 0;
  const n: [number, number] = [0, 0];
  const codes = [...new Set([...cellsA.keys(), ...cellsB.keys()])].sort(cellOrder(strata));
  for (const code of codes) {
    const ma = cellsA.get(code);
    const mb = cellsB.get(code);
    const na = ma ? groupSize(ma, metric).n : 0;
    const nb = mb ? groupSize(mb, metric).n : 0;
    if (!ma || !mb || na < MIN_CELL || nb < MIN_CELL) {
      if (na > 0 || nb > 0) skipped++;
      continue;
    }
    usedCells.push({ code, na, nb, ma, mb });
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
  }
  const used = usedCells.length;
  // The cells' ratios of medians, pooled; when no cell has one (neither median reached in any),
  // the ratios at the largest lower quantile some cell reaches, pooled the same way (the module
  // header): every cell of the pool at the one quantile.
  const medians = usedCells.map((c) => [medianOf(c.ma, metric), medianOf(c.mb, metric)] as const);
  let ratios = medians.map(([ea, eb]) => ratioOfEstimates(ea, eb));
  let effect = poolCells(forPooling(ratios, medians), usedCells);
  let quantile: number | undefined;
  if (effect.ratio === null && !effect.opposingBounds && used > 0) {
    // each cell's two curves made once for every level tried (a count table's cell is unpacked at each read of its samples)
    const curves = usedCells.map((c) => [curved(c.ma.samples[metric]), curved(c.mb.samples[metric])] as const);
    for (const q of FALLBACK_QUANTILES) {
      const estimates = curves.map(([ca, cb]) => [quantileSpreadEstimate(ca.tally, q, ca.curve), quantileSpreadEstimate(cb.tally, q, cb.curve)] as const);
      const atQ = estimates.map(([ea, eb]) => ratioOfEstimates(ea, eb));
      const pooledAtQ = poolCells(forPooling(atQ, estimates), usedCells);
      if (pooledAtQ.ratio === null) continue;
      ratios = atQ;
      effect = pooledAtQ;
      quantile = q;
      break;
    }
  }
  // cells used whose ratio cannot be said (neither median reached; at the fallback quantile,
  // neither group reaching it): in the test, not the effect
  const unrated = ratios.filter((r) => r.ratio === null).length;
  const cells: CellRatio[] = usedCells.map((c, k) => {
    const ci = ratios[k] as BoundedRatio;
    return { stratum: strata.labels[c.code] ?? String(c.code), n: [c.na, c.nb], ratio: ci.ratio, ci95: interval(ci), ...(ci.bound ? { bound: ci.bound } : {}), ...(quantile !== undefined && ci.ratio !== null ? { quantile } : {}) };
  });
  const { ratio, ci95, bound, opposingBounds } = effect;
  let pValue: number | null = null;
  if (used > 0) pValue = finite(first ? gehanStratified(pairs).pValue : logRankStratified(pairs).pValue);
  cells.sort((x, y) => y.n[0] + y.n[1] - (x.n[0] + x.n[1]) || textOrder(x.stratum, y.stratum));
  return {
    ratio,
    ci95,
    pValue,
    n,
    test: first ? 'stratified-gehan' : 'stratified-log-rank',
    ...(ratio !== null && bound ? { bound } : {}),
    ...(ratio !== null && quantile !== undefined ? { quantile } : {}),
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
