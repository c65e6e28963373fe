/**
 * Two groups of tickets compared on one metric, in two views. Both metrics are censored: a ticket
 * not answered (or not resolved) by the as-of time has waited at least its age so far, and counts
 * as such instead of being dropped. Dropping the unanswered would be survivorship bias: a channel
 * that never answers most of its tickets but answers the rest quickly would look fast.
 *
 * - raw: the ratio of Kaplan–Meier medians with a 95% CI and a two-sided test: Gehan's generalized
 *   Wilcoxon test on first response (the censored-data Mann–Whitney), log-rank on resolution;
 * - like for like: inside every cell (category × priority, or whatever strata the caller gives)
 *   with at least MIN_CELL tickets of both groups, the ratio of Kaplan–Meier medians (spread from
 *   kmMedianLogVariance); the cells' log ratios pooled with Mantel–Haenszel-type weights
 *   n_a·n_b/(n_a+n_b), and the stratified test (Gehan with Van Elteren's weights on first
 *   response, stratified log-rank on resolution).
 *
 * First response, when nothing is censored: the Kaplan–Meier median is the sample median, its
 * spread reads the same order statistics as Price–Bonett, and Gehan's test is the Mann–Whitney
 * normal test with tie correction and no continuity correction (Van Elteren's test like for
 * like), so the comparison is the former answered-only one. When more than half of a group is
 * still waiting at the end of its curve, its median is not reached; the median of its observed
 * times (answer time or wait so far) is then a lower bound, because every true time is at least
 * the observed one, and the ratio becomes a bound (`bound`), with a one-sided CI.
 *
 * Unadjusted p-values; the findings put every p-value into one Holm family. Costs one sort per
 * group and per cell: O(n log n), no resampling.
 */
import type { Interval } from '../../measure/summary.js';
import { gatherSample, summariseResolution } from '../../measure/summary.js';
import { kaplanMeier, kmQuantile, type KmCurve } from '../../measure/kaplanMeier.js';
import { medianSorted } from '../../measure/quantile.js';
import { splitByStratum, type Strata } from '../../measure/strata.js';
import { UNANSWERED, type TicketTable } from '../../normalise/table.js';
import { gehan, gehanStratified } from '../stats/gehan.js';
import { logRank, logRankStratified, type CensoredSample } from '../stats/logRank.js';
import { ratioCiFromIntervals, type RatioCi } from '../stats/ratioCi.js';
import { zCritical } from '../stats/normal.js';

export type Metric = 'firstResponse' | 'resolution';

/**
 * Fewest tickets of each group a cell needs to enter the like-for-like view. Five is where the
 * Price–Bonett spread (read from the sample's extremes at this size) still covers about 95%:
 * [x_(1), x_(5)] covers the median with probability 1 − 2/2⁵ = 0.94; with three it is 0.75.
 */
export const MIN_CELL = 5;
/** Most cells listed in a finding's details (largest first). */
export const MAX_CELLS_SHOWN = 50;

/**
 * A ratio that is only a bound, because a group's median was not reached: 'lower' = the ratio
 * is at least this (group a's median is not reached), 'upper' = at most this (group b's).
 */
export type Bound = 'lower' | 'upper';

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
  /** Tickets in the view: answered plus still waiting (first response), resolved plus still open (resolution). */
  n: [number, number];
  /** 'gehan' | 'stratified-gehan' | 'log-rank' | 'stratified-log-rank'. */
  test: string;
  /** Set when the ratio is only a bound because a median was not reached (first response). */
  bound?: Bound;
}

export interface RawView extends View {
  /**
   * Each group's Kaplan–Meier median; on first response, when the median is not reached, the
   * median of the observed times, a lower bound (see `mediansReached`).
   */
  medians: [number | null, number | null];
  /** First response: whether each group's Kaplan–Meier median was reached (absent = both were). */
  mediansReached?: [boolean, boolean];
  /** First response: tickets of each group answered by the as-of time (the rest of n is still waiting). */
  answered?: [number, number];
  /** First response: plain median of each group's answered tickets (the channel table's figure). */
  answeredMedians?: [number | null, number | null];
}

export interface AdjustedView extends View {
  /** Cells with at least MIN_CELL tickets of both groups. */
  strataUsed: number;
  /** Cells of the raw groups left out for having too few tickets of one group. */
  strataSkipped: number;
  /** Share of each group's tickets (of the raw view) inside the cells used. */
  coverage: [number, number];
  /** Per-cell ratios, largest cells first, at most MAX_CELLS_SHOWN. */
  cells: CellRatio[];
  /** Fields the cells are made of. */
  by: string[];
}

export interface Comparison {
  metric: Metric;
  raw: RawView;
  /** null when there are no strata (no category or priority in the data). */
  adjusted: AdjustedView | null;
}

const Z95 = zCritical(0.95);

/** A ratio with its CI and, when a median was not reached, which way the ratio is a bound. */
interface BoundedRatio extends RatioCi {
  bound?: Bound;
}

function interval(r: RatioCi): Interval | null {
  return r.ratio === null ? null : [r.lo, r.hi];
}

function finite(p: number): number | null {
  return Number.isFinite(p) ? p : null;
}

/**
 * Log-scale variance of a ratio from its 95% CI: from both ends when there are two, else from
 * the one end there is (a one-sided CI of a bounded ratio); null without either.
 */
function logVariance(r: RatioCi, oneSided: boolean): number | null {
  if (r.ratio === null || !(r.ratio > 0)) return null;
  const lo = r.lo !== null && r.lo > 0 ? Math.log(r.lo) : null;
  const hi = r.hi !== null && r.hi > 0 ? Math.log(r.hi) : null;
  let w: number;
  if (lo !== null && hi !== null) w = (hi - lo) / (2 * Z95);
  else if (!oneSided) return null;
  else if (lo !== null) w = (Math.log(r.ratio) - lo) / Z95;
  else if (hi !== null) w = (hi - Math.log(r.ratio)) / Z95;
  else return null;
  return w * w;
}

/**
 * The Kaplan–Meier median and the two quantiles around it at 0.5 ∓ z·se, se the Greenwood
 * standard error of S at the median: the Price–Bonett idea carried over to Kaplan–Meier.
 * Price–Bonett reads two order statistics around the median at ranks set by the binomial spread
 * of the median; here the spread comes from se, and without censoring the same order statistics
 * are read. lo/hi are null where the curve never reaches that quantile.
 */
function kmMedianSpread(curve: KmCurve): { median: number | null; lo: number | null; hi: number | null } {
  const median = kmQuantile(curve, 0.5).estimate;
  if (median === null || curve.n < 2) return { median, lo: null, hi: null };
  // Greenwood se of S at the median: the step at the last event time ≤ median.
  let k = -1;
  for (let j = 0; j < curve.time.length && (curve.time[j] as number) <= median; j++) k = j;
  const se = k < 0 ? 0 : (curve.stdErr[k] as number);
  if (!Number.isFinite(se)) return { median, lo: null, hi: null };
  return {
    median,
    lo: kmQuantile(curve, Math.max(0, 0.5 - Z95 * se)).estimate,
    hi: kmQuantile(curve, Math.min(1, 0.5 + Z95 * se)).estimate,
  };
}

/**
 * var(ln median) of a censored sample, for small cells where the Kaplan–Meier median's own CI
 * is often open-ended: var = ((ln Q(0.5 + z·se) − ln Q(0.5 − z·se)) / (2z))², the quantiles of
 * the curve around the median (see kmMedianSpread). Null when the curve never reaches the upper
 * quantile (too many still open). Values are floored at one second.
 */
export function kmMedianLogVariance(times: ArrayLike<number>, events: ArrayLike<number>): { median: number | null; variance: number | null } {
  const { median, lo, hi } = kmMedianSpread(kaplanMeier(times, events));
  if (median === null || lo === null || hi === null) return { median, variance: null };
  const w = (Math.log(Math.max(hi, 1)) - Math.log(Math.max(lo, 1))) / (2 * Z95);
  return { median, variance: w * w };
}

/** Ratio of Kaplan–Meier medians with a CI from {@link kmMedianLogVariance} (resolution cells of the like-for-like view). */
function kmCellRatio(ma: { median: number | null; variance: number | null }, mb: { median: number | null; variance: number | null }): RatioCi {
  if (ma.median === null || mb.median === null) return { ratio: null, lo: null, hi: null };
  const ratio = Math.max(ma.median, 1) / Math.max(mb.median, 1);
  if (ma.variance === null || mb.variance === null) return { ratio, lo: null, hi: null };
  const half = Z95 * Math.sqrt(ma.variance + mb.variance);
  return { ratio, lo: ratio * Math.exp(-half), hi: ratio * Math.exp(half) };
}

/** A group's median time to first response, with the two values around it that set its spread. */
export interface MedianEstimate {
  /**
   * The Kaplan–Meier median; when it is not reached (more than half still waiting at the end of
   * the curve), the median of the observed times, a lower bound. null for an empty group.
   */
  value: number | null;
  reached: boolean;
  /** Lower end of the spread (like a 95% CI); null when unknown. */
  lo: number | null;
  /** Upper end; null when unknown, always null when the median is not reached. */
  hi: number | null;
}

/**
 * {@link MedianEstimate} of a time-sorted censored sample. Not reached, the bound is the plain
 * median of the observed times: every ticket's true time is at least its observed one, so the
 * true median is at least theirs ("at least half of these tickets waited this long"), and its
 * lower end is the Price–Bonett order statistic x_(c), c = round((n+1)/2 − z·√(n/4)), a
 * distribution-free lower confidence bound of that median.
 */
export function firstResponseMedian(sample: CensoredSample): MedianEstimate {
  const n = sample.times.length;
  if (n === 0) return { value: null, reached: false, lo: null, hi: null };
  const spread = kmMedianSpread(kaplanMeier(sample.times, sample.events));
  if (spread.median !== null) return { value: spread.median, reached: true, lo: spread.lo, hi: spread.hi };
  const sorted = sample.times as Float64Array;
  const c = Math.max(1, Math.min(Math.round((n + 1) / 2 - Z95 * Math.sqrt(n / 4)), Math.floor((n + 1) / 2)));
  return { value: medianSorted(sorted), reached: false, lo: sorted[c - 1] as number, hi: null };
}

/**
 * Ratio of two first-response medians with a 95% CI (ratioCiFromIntervals on the spreads, floored
 * at one second). A median not reached makes the ratio a bound with a one-sided CI; with both
 * not reached there is no ratio.
 */
function firstResponseRatio(a: MedianEstimate, b: MedianEstimate): BoundedRatio {
  if (a.value === null || b.value === null || (!a.reached && !b.reached)) return { ratio: null, lo: null, hi: null };
  const r = ratioCiFromIntervals(a.value, a, b.value, b);
  if (!a.reached) return { ...r, hi: null, bound: 'lower' };
  if (!b.reached) return { ...r, lo: null, bound: 'upper' };
  return r;
}

/** One group's durations on both metrics. */
interface Measured {
  /** First response: answered tickets as events, the still unanswered censored at their age; time-sorted. */
  first: CensoredSample;
  /** Answered tickets among `first`. */
  answered: number;
  /** Answered first-response seconds, sorted. */
  answeredTimes: Float64Array;
  /** Resolution: resolved or censored durations, time-sorted. */
  resolution: CensoredSample;
  /**
   * Medians, worked out on first use and kept: a group (the reference channel, its cells) is in
   * many comparisons, and its Kaplan–Meier curve is the same in each.
   */
  memo: {
    first?: MedianEstimate;
    resolution?: { median: number | null; lo: number | null; hi: number | null };
    resolutionSpread?: { median: number | null; variance: number | null };
  };
}

function firstMedianOf(m: Measured): MedianEstimate {
  return (m.memo.first ??= firstResponseMedian(m.first));
}

function resolutionMedianOf(m: Measured): { median: number | null; lo: number | null; hi: number | null } {
  return (m.memo.resolution ??= kmMedian(m.resolution));
}

function resolutionSpreadOf(m: Measured): { median: number | null; variance: number | null } {
  return (m.memo.resolutionSpread ??= kmMedianLogVariance(m.resolution.times, m.resolution.events));
}

function sizeOf(m: Measured, metric: Metric): number {
  return metric === 'firstResponse' ? m.first.times.length : m.resolution.times.length;
}

/**
 * A censored sample in time order (events and censorings sorted apart, then merged; an event
 * before a censoring at the same time). The tests sort their input again; already sorted input
 * makes those sorts a few times cheaper, which matters for groups compared many times.
 */
function byTime(times: Float64Array, events: Uint8Array): CensoredSample {
  let d = 0;
  for (let i = 0; i < events.length; i++) d += events[i] ? 1 : 0;
  const ev = new Float64Array(d);
  const cen = new Float64Array(times.length - d);
  let a = 0;
  let b = 0;
  for (let i = 0; i < times.length; i++) {
    if (events[i]) ev[a++] = times[i] as number;
    else cen[b++] = times[i] as number;
  }
  ev.sort();
  cen.sort();
  const outTimes = new Float64Array(times.length);
  const outEvents = new Uint8Array(times.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < times.length; k++) {
    if (j >= cen.length || (i < ev.length && (ev[i] as number) <= (cen[j] as number))) {
      outTimes[k] = ev[i++] as number;
      outEvents[k] = 1;
    } else {
      outTimes[k] = cen[j++] as number;
    }
  }
  return { times: outTimes, events: outEvents };
}

/**
 * First response of the tickets at `indices` as a censored sample in time order: answered
 * tickets are events at their first-response time (`answeredSorted`, already sorted), unanswered
 * ones are censored at their age at the as-of time (they have waited at least that long),
 * tickets with an unusable first response are left out. Only the unanswered need sorting.
 */
function firstResponseSample(table: TicketTable, indices: ArrayLike<number>, asOf: number, answeredSorted: Float64Array): CensoredSample {
  let waiting = 0;
  for (let k = 0; k < indices.length; k++) if (table.firstResponseState[indices[k] as number] === UNANSWERED) waiting++;
  const ages = new Float64Array(waiting);
  let m = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    if (table.firstResponseState[i] !== UNANSWERED) continue;
    ages[m++] = Math.max(0, table.openAge ? (table.openAge[i] as number) : asOf - (table.createdAt[i] as number));
  }
  ages.sort();
  // Merge, an answer before a censoring at the same time (as byTime).
  const n = answeredSorted.length + ages.length;
  const times = new Float64Array(n);
  const events = new Uint8Array(n);
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    if (j >= ages.length || (i < answeredSorted.length && (answeredSorted[i] as number) <= (ages[j] as number))) {
      times[k] = answeredSorted[i++] as number;
      events[k] = 1;
    } else {
      times[k] = ages[j++] as number;
    }
  }
  return { times, events };
}

/**
 * The durations of ticket groups, gathered once per group (and once per group and cell) however
 * many comparisons use them: the reference channel is compared with every other channel on two
 * metrics, so without this its half-million tickets would be gathered and sorted twenty times.
 * Groups are keyed by their index array's identity.
 */
export class Samples {
  private readonly whole = new WeakMap<object, Measured>();
  private readonly cells = new WeakMap<object, Map<Strata, Map<number, Measured>>>();

  constructor(
    readonly table: TicketTable,
    /** Open tickets are censored here (epoch seconds). */
    readonly asOf: number,
  ) {}

  private gather(indices: ArrayLike<number>): Measured {
    const s = gatherSample(this.table, indices, this.asOf);
    return {
      first: firstResponseSample(this.table, indices, this.asOf, s.firstResponse),
      answered: s.firstResponse.length,
      answeredTimes: s.firstResponse,
      resolution: byTime(s.resolutionTime, s.resolvedFlag),
      memo: {},
    };
  }

  /** The group's durations. */
  of(indices: ArrayLike<number>): Measured {
    let m = this.whole.get(indices as object);
    if (!m) {
      m = this.gather(indices);
      this.whole.set(indices as object, m);
    }
    return m;
  }

  /** The group's durations cell by cell. */
  byCell(indices: ArrayLike<number>, strata: Strata): Map<number, Measured> {
    let perStrata = this.cells.get(indices as object);
    if (!perStrata) {
      perStrata = new Map();
      this.cells.set(indices as object, perStrata);
    }
    let m = perStrata.get(strata);
    if (!m) {
      m = new Map();
      for (const [code, cell] of splitByStratum(strata, indices)) m.set(code, this.gather(cell));
      perStrata.set(strata, m);
    }
    return m;
  }
}

function kmMedian(c: CensoredSample): { median: number | null; lo: number | null; hi: number | null } {
  const s = summariseResolution(c.times as Float64Array, c.events as Uint8Array);
  return { median: s.median, lo: s.ci95?.[0] ?? null, hi: s.ci95?.[1] ?? null };
}

/** The raw view of a against b. */
function rawView(metric: Metric, a: Measured, b: Measured): RawView {
  const n: [number, number] = [sizeOf(a, metric), sizeOf(b, metric)];
  const both = n[0] > 0 && n[1] > 0;
  if (metric === 'firstResponse') {
    const ma = firstMedianOf(a);
    const mb = firstMedianOf(b);
    const ci = firstResponseRatio(ma, mb);
    const plain = (x: Float64Array): number | null => (x.length ? medianSorted(x) : null);
    return {
      ratio: ci.ratio,
      ci95: interval(ci),
      pValue: both ? finite(gehan(a.first, b.first).pValue) : null,
      n,
      test: 'gehan',
      ...(ci.bound ? { bound: ci.bound } : {}),
      medians: [ma.value, mb.value],
      mediansReached: [ma.reached || ma.value === null, mb.reached || mb.value === null],
      answered: [a.answered, b.answered],
      answeredMedians: [plain(a.answeredTimes), plain(b.answeredTimes)],
    };
  }
  const ma = resolutionMedianOf(a);
  const mb = resolutionMedianOf(b);
  const ci = ratioCiFromIntervals(ma.median, ma, mb.median, mb);
  return {
    ratio: ci.ratio,
    ci95: interval(ci),
    pValue: both ? finite(logRank(a.resolution, b.resolution).pValue) : null,
    n,
    test: 'log-rank',
    medians: [ma.median, mb.median],
  };
}

/** The like-for-like view of a against b within `strata`. */
function adjustedView(
  samples: Samples,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  metric: Metric,
  strata: Strata,
  rawN: [number, number],
): AdjustedView {
  const first = metric === 'firstResponse';
  const cellsA = samples.byCell(a, strata);
  const cellsB = samples.byCell(b, strata);
  const pairs: Array<{ a: CensoredSample; b: CensoredSample }> = [];
  const cells: CellRatio[] = [];
  // Each cell's ln ratio, variance and weight; pooled once the bounds are known.
  const pooled: Array<{ l: number; v: number; w: number; bound: Bound | undefined }> = [];
  let used = 0;
  let skipped = 0;
  const n: [number, number] = [0, 0];
  const codes = new Set([...cellsA.keys(), ...cellsB.keys()]);
  for (const code of [...codes].sort((x, y) => x - y)) {
    const ma = cellsA.get(code);
    const mb = cellsB.get(code);
    const na = ma ? sizeOf(ma, metric) : 0;
    const nb = mb ? sizeOf(mb, metric) : 0;
    if (!ma || !mb || na < MIN_CELL || nb < MIN_CELL) {
      if (na > 0 || nb > 0) skipped++;
      continue;
    }
    used++;
    n[0] += na;
    n[1] += nb;
    pairs.push(first ? { a: ma.first, b: mb.first } : { a: ma.resolution, b: mb.resolution });
    const ci: BoundedRatio = first ? firstResponseRatio(firstMedianOf(ma), firstMedianOf(mb)) : kmCellRatio(resolutionSpreadOf(ma), resolutionSpreadOf(mb));
    cells.push({ stratum: strata.labels[code] ?? String(code), n: [na, nb], ratio: ci.ratio, ci95: interval(ci), ...(ci.bound ? { bound: ci.bound } : {}) });
    const v = logVariance(ci, first);
    if (ci.ratio !== null && ci.ratio > 0 && v !== null) {
      // Mantel–Haenszel-type weight: a cell counts by how much it can tell, n_a·n_b/(n_a+n_b).
      pooled.push({ l: Math.log(ci.ratio), v, w: (na * nb) / (na + nb), bound: ci.bound });
    }
  }
  // Bounds of one direction pool into a bound of that direction (a weighted mean of lower bounds
  // and estimates is a lower bound of the weighted mean); with both directions present, nothing
  // can be said of the bounded cells' sum, so only the cells with both medians enter the effect.
  const lower = pooled.some((c) => c.bound === 'lower');
  const upper = pooled.some((c) => c.bound === 'upper');
  const bound: Bound | undefined = lower && !upper ? 'lower' : upper && !lower ? 'upper' : undefined;
  const entering = lower && upper ? pooled.filter((c) => c.bound === undefined) : pooled;
  let sumW = 0;
  let sumWL = 0;
  let sumW2V = 0;
  for (const c of entering) {
    sumW += c.w;
    sumWL += c.w * c.l;
    sumW2V += c.w * c.w * c.v;
  }
  let ratio: number | null = null;
  let ci95: Interval | null = null;
  if (sumW > 0) {
    const l = sumWL / sumW;
    const half = (Z95 * Math.sqrt(sumW2V)) / sumW;
    ratio = Math.exp(l);
    ci95 = [bound === 'upper' ? null : Math.exp(l - half), bound === 'lower' ? null : Math.exp(l + half)];
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
    strataUsed: used,
    strataSkipped: skipped,
    coverage: [rawN[0] ? n[0] / rawN[0] : 0, rawN[1] ? n[1] / rawN[1] : 0],
    cells: cells.slice(0, MAX_CELLS_SHOWN),
    by: [...strata.by],
  };
}

/**
 * Compares the tickets at `a` with those at `b` on `metric` (ratios are a over b; below 1 = a is
 * faster). With `strata`, adds the like-for-like view. Pass the same index arrays again to reuse
 * what `samples` already gathered.
 */
export function compareGroups(samples: Samples, a: ArrayLike<number>, b: ArrayLike<number>, metric: Metric, strata: Strata | null): Comparison {
  const raw = rawView(metric, samples.of(a), samples.of(b));
  return { metric, raw, adjusted: strata ? adjustedView(samples, a, b, metric, strata, raw.n) : null };
}
