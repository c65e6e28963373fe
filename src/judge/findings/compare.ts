/**
 * Two groups of tickets compared on one metric, in two views:
 *
 * - raw: ratio of medians with a 95% CI (Price–Bonett on first response; from the Kaplan–Meier
 *   median CIs on resolution) and a two-sided test (Mann–Whitney with tie correction on first
 *   response; log-rank on resolution, because open tickets are censored);
 * - like for like: inside every cell (category × priority, or whatever strata the caller gives)
 *   with at least MIN_CELL tickets of both groups, the ratio of medians (Price–Bonett; on
 *   resolution its Kaplan–Meier counterpart, see kmMedianLogVariance); the cells' log ratios pooled with
 *   Mantel–Haenszel-type weights n_a·n_b/(n_a+n_b), and the stratified test (Van Elteren on first
 *   response, stratified log-rank on resolution).
 *
 * Unadjusted p-values; the findings put every p-value into one Holm family. Costs one sort per
 * group and per cell: O(n log n), no resampling.
 */
import type { Interval } from '../../measure/summary.js';
import { gatherSample, summariseResolution } from '../../measure/summary.js';
import { kaplanMeier, kmQuantile } from '../../measure/kaplanMeier.js';
import { medianSorted } from '../../measure/quantile.js';
import { splitByStratum, type Strata } from '../../measure/strata.js';
import type { TicketTable } from '../../normalise/table.js';
import { mannWhitney } from '../stats/mannWhitney.js';
import { vanElteren } from '../stats/vanElteren.js';
import { logRank, logRankStratified, type CensoredSample } from '../stats/logRank.js';
import { ratioCiFromIntervals, ratioCiSorted, type RatioCi } from '../stats/ratioCi.js';
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

/** One cell of the like-for-like view. */
export interface CellRatio {
  stratum: string;
  n: [number, number];
  /** Group a's median over group b's in this cell (null when a median is not estimable). */
  ratio: number | null;
  ci95: Interval | null;
}

/** One view (raw or like for like) of a comparison. */
export interface View {
  /** Group a's median over group b's. */
  ratio: number | null;
  ci95: Interval | null;
  /** Two-sided p of the view's test, unadjusted; null when the test cannot be run. */
  pValue: number | null;
  /** Tickets in the view: answered (first response) or in the survival estimate (resolution). */
  n: [number, number];
  /** 'mann-whitney' | 'log-rank' | 'van-elteren' | 'stratified-log-rank'. */
  test: string;
}

export interface RawView extends View {
  /** Each group's median (first response: plain sample median; resolution: Kaplan–Meier). */
  medians: [number | null, number | null];
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

function interval(r: RatioCi): Interval | null {
  return r.ratio === null ? null : [r.lo, r.hi];
}

function finite(p: number): number | null {
  return Number.isFinite(p) ? p : null;
}

/** Log-scale variance of a ratio from its 95% CI; null without both bounds. */
function logVariance(r: RatioCi): number | null {
  if (r.ratio === null || r.lo === null || r.hi === null || !(r.lo > 0) || !(r.hi > 0)) return null;
  const w = (Math.log(r.hi) - Math.log(r.lo)) / (2 * Z95);
  return w * w;
}

/**
 * var(ln median) of a censored sample, for small cells where the Kaplan–Meier median's own CI
 * is often open-ended: the Price–Bonett idea carried over to Kaplan–Meier. Price–Bonett reads two
 * order statistics around the median at ranks set by the binomial spread of the median; here the
 * spread comes from the Greenwood standard error of S at the median, and the two values are the
 * curve's quantiles at 0.5 ∓ z·se: var = ((ln Q(0.5 + z·se) − ln Q(0.5 − z·se)) / (2z))². Without
 * censoring this reads the same order statistics as Price–Bonett. Null when the curve never
 * reaches the upper quantile (too many still open). Values are floored at one second.
 */
export function kmMedianLogVariance(times: ArrayLike<number>, events: ArrayLike<number>): { median: number | null; variance: number | null } {
  const curve = kaplanMeier(times, events);
  const median = kmQuantile(curve, 0.5).estimate;
  if (median === null || curve.n < 2) return { median, variance: null };
  // Greenwood se of S at the median: the step at the last event time ≤ median.
  let k = -1;
  for (let j = 0; j < curve.time.length && (curve.time[j] as number) <= median; j++) k = j;
  const se = k < 0 ? 0 : (curve.stdErr[k] as number);
  if (!Number.isFinite(se)) return { median, variance: null };
  const lo = kmQuantile(curve, Math.max(0, 0.5 - Z95 * se)).estimate;
  const hi = kmQuantile(curve, Math.min(1, 0.5 + Z95 * se)).estimate;
  if (lo === null || hi === null) return { median, variance: null };
  const w = (Math.log(Math.max(hi, 1)) - Math.log(Math.max(lo, 1))) / (2 * Z95);
  return { median, variance: w * w };
}

/** Ratio of Kaplan–Meier medians with a CI from {@link kmMedianLogVariance} (cells of the like-for-like view). */
function kmCellRatio(a: CensoredSample, b: CensoredSample): RatioCi {
  const ma = kmMedianLogVariance(a.times, a.events);
  const mb = kmMedianLogVariance(b.times, b.events);
  if (ma.median === null || mb.median === null) return { ratio: null, lo: null, hi: null };
  const ratio = Math.max(ma.median, 1) / Math.max(mb.median, 1);
  if (ma.variance === null || mb.variance === null) return { ratio, lo: null, hi: null };
  const half = Z95 * Math.sqrt(ma.variance + mb.variance);
  return { ratio, lo: ratio * Math.exp(-half), hi: ratio * Math.exp(half) };
}

/** One group's durations on both metrics. */
interface Measured {
  /** First response: sorted answered durations. */
  first: Float64Array;
  /** Resolution: resolved or censored durations. */
  censored: CensoredSample;
}

function sizeOf(m: Measured, metric: Metric): number {
  return metric === 'firstResponse' ? m.first.length : m.censored.times.length;
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
    return { first: s.firstResponse, censored: byTime(s.resolutionTime, s.resolvedFlag) };
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
  let ci: RatioCi;
  let medians: [number | null, number | null];
  let pValue: number | null = null;
  if (metric === 'firstResponse') {
    ci = ratioCiSorted(a.first, b.first);
    medians = [a.first.length ? medianSorted(a.first) : null, b.first.length ? medianSorted(b.first) : null];
    if (n[0] > 0 && n[1] > 0) pValue = finite(mannWhitney(a.first, b.first, { exact: 'auto' }).pValue);
  } else {
    const ma = kmMedian(a.censored);
    const mb = kmMedian(b.censored);
    ci = ratioCiFromIntervals(ma.median, ma, mb.median, mb);
    medians = [ma.median, mb.median];
    if (n[0] > 0 && n[1] > 0) pValue = finite(logRank(a.censored, b.censored).pValue);
  }
  return { ratio: ci.ratio, ci95: interval(ci), pValue, n, test: metric === 'firstResponse' ? 'mann-whitney' : 'log-rank', medians };
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
  const cellsA = samples.byCell(a, strata);
  const cellsB = samples.byCell(b, strata);
  const firstPairs: Array<{ x: Float64Array; y: Float64Array }> = [];
  const censoredPairs: Array<{ a: CensoredSample; b: CensoredSample }> = [];
  const cells: CellRatio[] = [];
  let used = 0;
  let skipped = 0;
  const n: [number, number] = [0, 0];
  let sumW = 0;
  let sumWL = 0;
  let sumW2V = 0;
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
    if (metric === 'firstResponse') firstPairs.push({ x: ma.first, y: mb.first });
    else censoredPairs.push({ a: ma.censored, b: mb.censored });
    const ci = metric === 'firstResponse' ? ratioCiSorted(ma.first, mb.first) : kmCellRatio(ma.censored, mb.censored);
    cells.push({ stratum: strata.labels[code] ?? String(code), n: [na, nb], ratio: ci.ratio, ci95: interval(ci) });
    const v = logVariance(ci);
    if (ci.ratio !== null && ci.ratio > 0 && v !== null) {
      // Mantel–Haenszel-type weight: a cell counts by how much it can tell, n_a·n_b/(n_a+n_b).
      const w = (na * nb) / (na + nb);
      sumW += w;
      sumWL += w * Math.log(ci.ratio);
      sumW2V += w * w * v;
    }
  }
  let ratio: number | null = null;
  let ci95: Interval | null = null;
  if (sumW > 0) {
    const l = sumWL / sumW;
    const half = (Z95 * Math.sqrt(sumW2V)) / sumW;
    ratio = Math.exp(l);
    ci95 = [Math.exp(l - half), Math.exp(l + half)];
  }
  let pValue: number | null = null;
  if (used > 0) {
    pValue = metric === 'firstResponse' ? finite(vanElteren(firstPairs).pValue) : finite(logRankStratified(censoredPairs).pValue);
  }
  cells.sort((x, y) => y.n[0] + y.n[1] - (x.n[0] + x.n[1]) || x.stratum.localeCompare(y.stratum));
  return {
    ratio,
    ci95,
    pValue,
    n,
    test: metric === 'firstResponse' ? 'van-elteren' : 'stratified-log-rank',
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
