/**
 * How every number is written, in every output: finding sentences (written by the judge) and
 * every renderer use these functions, so a ratio reads `1.5×` or `1.50×` in one way only, and
 * "as fast" means the same thing in the table as in a sentence.
 */
import { formatDuration, parseDuration, roundTo, type Rounding } from './measure/duration.js';
import type { Bound, Interval } from './measure/estimate.js';
import type { ChannelReport, Verdict } from './report.js';

export { formatDuration as duration, formatDuration, type Rounding };

/** x with `places` decimals, rounded to the nearest (as toFixed) or in direction `r` (a bound). */
function fixed(x: number, places: number, r: Rounding): string {
  return r === 'nearest' ? x.toFixed(places) : roundTo(x, 10 ** -places, r).toFixed(places);
}

/**
 * Numbers a printed number is read against (the tolerance band's edges `0.80` and `1.25`): a
 * number is written on the side of each edge it is on, and as an edge only when it is one.
 */
export type Edges = readonly number[];

/**
 * The decimals, from `places` on, that write x on the same side of every edge as x is (equal
 * to an edge only when x is equal to it): a ratio of 1.2504 against the edge 1.25 is `1.2504`,
 * never `1.25`, which reads as the edge itself (inside the band); 1.2496 is `1.2496`. As few as
 * do; `places` when no edge is near.
 */
export function placesBeside(x: number, places: number, edges: Edges, r: Rounding = 'nearest'): number {
  if (edges.length === 0 || !Number.isFinite(x)) return places;
  const misplaced = (d: number): boolean => {
    const shown = +fixed(x, d, r);
    return edges.some((e) => Math.sign(shown - e) !== Math.sign(x - e));
  };
  let d = places;
  // Rounded its way (a bound), a number is exact to about 11 significant digits: roundTo forgives
  // a relative hair of 1e-12 as floating-point error, and beyond that the digits it gives are
  // noise (at most 0.8000000000000007 had been written "at most 0.79999999999920068383", below
  // the edge 0.8 it is above). A bound that close to an edge is written as the edge.
  const exact = (k: number): boolean => r === 'nearest' || Math.abs(x) * 10 ** k < 1e11;
  while (d < 20 && misplaced(d)) {
    if (!exact(d + 1)) return places;
    d++;
  }
  return d;
}

/** An edge as written in a rule: its own digits (`0.80`, `1.25`; a tolerance of 1.333 is `1.333`, never `1.33`). */
export function edge(e: number): string {
  return num(e, 'nearest', [e]);
}

/** The tolerance band as every rule and sentence writes it: `0.80–1.25`. */
export function toleranceBand(tolerance: { readonly low: number; readonly high: number }): string {
  return `${edge(tolerance.low)}–${edge(tolerance.high)}`;
}

/** The edges of the tolerance band, for the numbers read against it. */
export function toleranceEdges(tolerance: { readonly low: number; readonly high: number }): Edges {
  return [tolerance.low, tolerance.high];
}

/** The edges a multiple is read against: a ratio below 1 is written as its inverse (`1.25× faster` is 0.80), so are the edges. */
function multipleEdges(ratio: number, edges: Edges): Edges {
  return ratio < 1 ? invertedEdges(edges) : edges;
}

/** The edges of a faster group's multiples (1 / edge: the band 0.80–1.25 is 1.25×–0.80× faster). */
function invertedEdges(edges: Edges): Edges {
  return edges.map((e) => 1 / e);
}

/** The bound's direction of rounding: a lower bound ("at least") rounds down, an upper one up. */
export function roundingOf(bound: Bound | null | undefined): Rounding {
  return bound === 'lower' ? 'down' : bound === 'upper' ? 'up' : 'nearest';
}

/**
 * `1,053`: rounded to a whole number (halves away from zero) with a comma every three digits, as
 * `Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })` writes it (a property test compares
 * the two). Written out because the first Intl formatter of a process costs ~25 ms of ICU start-up,
 * a tenth of the small-audit start-up budget.
 */
export function count(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  if (!Number.isFinite(n)) return `${sign}∞`;
  const digits = plainDigits(String(Math.round(Math.abs(n))));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return sign + out;
}

/** The shortest digits of a whole number as JavaScript writes it, `1.5e+21` spelled out (`15` and 20 zeros). */
function plainDigits(text: string): string {
  const e = text.indexOf('e+');
  if (e < 0) return text;
  const mantissa = text.slice(0, e).replace('.', '');
  return mantissa.padEnd(Number(text.slice(e + 2)) + 1, '0');
}

/**
 * A plain ratio: `0.83`, `1.05`, `12.3` (rounded in direction `r` for a bound: at least 2.96 is
 * `2.96`, 2.999 `2.99`); with more digits where fewer would put it on the wrong side of one of
 * `edges`, or on it (placesBeside: 1.2504 against 1.25 is `1.2504`).
 */
export function num(x: number | null, r: Rounding = 'nearest', edges: Edges = []): string {
  if (x === null || !Number.isFinite(x)) return 'NA';
  return fixed(x, placesBeside(x, Number(fixed(x, 2, r)) >= 10 ? 1 : 2, edges, r), r);
}

/**
 * A multiple: `1.64×`, `7.8×`, `12×` (precision chosen by the rounded value: 9.96 reads `10×`);
 * rounded in direction `r` for a bound ("at least 2.96×" is `2.9×`, never `3.0×`).
 */
export function times(x: number | null, r: Rounding = 'nearest', edges: Edges = []): string {
  if (x === null || !Number.isFinite(x)) return 'NA';
  const places = Number(fixed(x, 1, r)) >= 10 ? 0 : Number(fixed(x, 2, r)) >= 2 ? 1 : 2;
  // (more digits where these would put the multiple on the wrong side of an edge, or on it)
  return `${fixed(x, placesBeside(x, places, edges, r), r)}×`;
}

/** Smallest |rho| that counts as a relation worth reporting (Cohen's "small"): the tolerance band of a correlation. */
export const MIN_RHO = 0.1;

/**
 * A rank correlation as every sentence and evidence line writes it: on its side of ±MIN_RHO
 * (0.0994 is `0.099`, never `0.10`, which reads as the 0.1 it is below).
 */
export function rhoText(rho: number): string {
  return num(rho, 'nearest', [MIN_RHO, -MIN_RHO]);
}

/** `p < 0.0001`, `p = 0.012`, `p = 1`. */
export function p(value: number | null): string {
  if (value === null || Number.isNaN(value)) return 'p = NA';
  if (value < 0.0001) return 'p < 0.0001';
  if (value >= 0.9995) return 'p = 1';
  return `p = ${value < 0.01 ? value.toFixed(4) : value.toFixed(3)}`;
}

/**
 * The decimals, from `places` on, that write a percentage `pct` (a share × 100) between 0 and 100
 * as neither `100` nor `0`: 100% says all and 0% none, so 99.96 takes two (`99.96`, where one
 * reads `100.0`) and 0.04 two (`0.04`). 0, 100 and anything outside keep `places`.
 */
function percentPlaces(pct: number, places: number, r: Rounding = 'nearest'): number {
  if (!(pct > 0 && pct < 100)) return places;
  let d = places;
  for (let shown = +fixed(pct, d, r); d < 20 && (shown === 0 || shown === 100); shown = +fixed(pct, d, r)) d++;
  return d;
}

/**
 * A share as a percentage: `42%`, `5.4%`; near the ends one decimal, and more only where one
 * would still read 100% or 0%: `99.8%` (998 of 1,000), `99.96%`, `0.3%` (3 of 1,000), `0.04%`.
 * `100%` is all and `0%` none, exactly.
 */
export function share(x: number): string {
  const pct = x * 100;
  const places = (pct >= 10 && pct < 99.5) || pct <= 0 || pct >= 100 ? 0 : 1;
  return `${pct.toFixed(percentPlaces(pct, places))}%`;
}

/**
 * A ratio below 1 as "k× faster", above 1 as "k× slower"; "as fast" when the multiple would
 * read 1.00× either way. `r`: the direction the multiple k is rounded in (a bound's: "at least
 * k×" rounds k down).
 */
export function speed(ratio: number, r: Rounding = 'nearest', edges: Edges = []): string {
  if (times(ratio < 1 ? 1 / ratio : ratio) === '1.00×') return 'as fast';
  if (ratio < 1) return `${times(1 / ratio, r, multipleEdges(ratio, edges))} faster`;
  return `${times(ratio, r, edges)} slower`;
}

/** `at least ${speed}` or `at most ${speed}`, the multiple rounded so that the words stay true. */
function boundWords(atLeast: boolean, ratio: number, edges: Edges = []): string {
  // a multiple that rounds to 1.00× its bound's way says only "no faster" or "no slower"
  // (a/b ≥ 1.006 is at most as fast, never "at least 1.00× slower")
  if (times(ratio < 1 ? 1 / ratio : ratio, atLeast ? 'down' : 'up') === '1.00×') return ratio > 1 === atLeast ? 'at most as fast' : 'at least as fast';
  return `${atLeast ? 'at least' : 'at most'} ${speed(ratio, atLeast ? 'down' : 'up', edges)}`;
}

/** Both ends of a ratio CI as multiples of the faster side (inverted: 0.11–0.16 → 6.1×–9.0×) or of the slower. */
function multiples(faster: boolean, lo: number, hi: number, edges: Edges): string {
  if (faster) {
    const inverse = invertedEdges(edges);
    return `${times(1 / hi, 'nearest', inverse)}–${times(lo === 0 ? null : 1 / lo, 'nearest', inverse)}`;
  }
  return `${times(lo, 'nearest', edges)}–${times(hi, 'nearest', edges)}`;
}

/**
 * A ratio CI for a sentence that gave the ratio as a speed ("1.7× slower than phone tickets"):
 * ends on one side of 1 as multiples on that side (`1.10×–1.40×`, `1.3×–6.0×` for a faster
 * group), a CI across 1 with each end in its own words (`from 1.25× faster to 3.6× slower`:
 * as multiples, 0.80–3.6 read as "0.80× faster"), a CI with one end as that end (speedBound).
 */
export function speedCi(ci: Interval | null, edges: Edges = []): string {
  const [lo, hi] = ci ?? [null, null];
  if (lo === null && hi === null) return NOT_ESTIMABLE;
  if (lo === null || hi === null) return speedBound(ci, edges);
  if (lo < 1 && hi > 1) return `from ${speed(lo, 'nearest', edges)} to ${speed(hi, 'nearest', edges)}`;
  return multiples(hi <= 1 && lo < 1, lo, hi, edges);
}

/** What a CI without either end reads in a sentence. */
const NOT_ESTIMABLE = 'not estimable';

/**
 * A ratio that is only a bound (a median not reached) as speed words: `at least 4.1× slower`,
 * `at least 2.0× faster`, or `at most …` when the bound points towards 1.
 */
export function boundedSpeed(ratio: number, bound: 'lower' | 'upper' | null | undefined, edges: Edges = []): string {
  if (!bound) return speed(ratio, 'nearest', edges);
  // a ratio that reads 1.00×: an upper bound of a over b says a is no slower (at least as fast),
  // a lower bound that a is no faster (at most as fast), whichever side of 1 the digits fall
  if (speed(ratio) === 'as fast') return bound === 'upper' ? 'at least as fast' : 'at most as fast';
  return boundWords(bound === 'lower' ? ratio > 1 : ratio < 1, ratio, edges);
}

/**
 * A comparison with `other` in words: `7.3× faster than phone tickets`, `at least 4.1× slower
 * than …`; a ratio that reads 1.00× is `as fast as …`, and as a bound `at least as fast as …`
 * (an upper bound of a over b: a is no slower) or `at most as fast as …` (a lower bound), never
 * "at most as fast than".
 */
/** Month names, January first. */
export const MONTHS: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Epoch seconds as ISO 8601 in UTC, without milliseconds when they are 0 (`2026-11-15T00:00:00Z`). */
export function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** `5 January 2026`: the UTC day of epoch seconds in words, without Intl (its first use costs a process ICU's start-up). */
export function longDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] as string} ${d.getUTCFullYear()}`;
}

/** `25th percentile` for 0.25: what a ratio of a lower quantile is of (measure/compare.ts FALLBACK_QUANTILES). */
export function percentileWords(q: number): string {
  const k = Math.round(q * 100);
  const suffix = k % 100 >= 11 && k % 100 <= 13 ? 'th' : k % 10 === 1 ? 'st' : k % 10 === 2 ? 'nd' : k % 10 === 3 ? 'rd' : 'th';
  return `${k}${suffix} percentile`;
}

export function speedThan(ratio: number, bound: 'lower' | 'upper' | null | undefined, other: string, edges: Edges = []): string {
  const words = boundedSpeed(ratio, bound, edges);
  return `${words} ${words.endsWith('as fast') ? 'as' : 'than'} ${other}`;
}

/**
 * The one end of a one-sided ratio CI (a bounded ratio) in speed words: `at least 2.9× slower`,
 * `at least 3.3× faster`, `at most 1.2× slower`; `not estimable` without either end.
 */
export function speedBound(ci: Interval | null, edges: Edges = []): string {
  const [lo, hi] = ci ?? [null, null];
  // an end that reads 1.00× says no faster (a lower end) or no slower (an upper end), whichever side of 1 it is
  // (an end whose multiple rounds to 1.00× its way reads the same: no faster, no slower)
  const end = (words: string): string => (words === 'at most as fast' ? 'no faster' : words === 'at least as fast' ? 'no slower' : words);
  if (lo !== null && hi === null) return lo === 1 || speed(lo) === 'as fast' ? 'no faster' : end(boundWords(lo > 1, lo, edges));
  if (hi !== null && lo === null) return hi === 1 || speed(hi) === 'as fast' ? 'no slower' : end(boundWords(hi < 1, hi, edges));
  return lo === null || hi === null ? NOT_ESTIMABLE : speedCi(ci, edges);
}

/** A one-sided ratio CI as plain ratios: `at least 2.10`, `at most 0.45` (each on its side of `edges`, see num). */
export function oneSided(ci: Interval | null, edges: Edges = []): string {
  if (!ci) return NOT_ESTIMABLE;
  const [lo, hi] = ci;
  if (lo !== null && hi === null) return `at least ${num(lo, 'down', edges)}`;
  if (hi !== null && lo === null) return `at most ${num(hi, 'up', edges)}`;
  return interval(ci, edges);
}

/**
 * A ratio CI as plain ratios: `0.92–1.19`; with one end only that end (`at least 2.10`, never
 * `2.10–NA`), with neither `not estimable`.
 */
export function interval(ci: Interval | null, edges: Edges = []): string {
  if (!ci || (ci[0] === null && ci[1] === null)) return NOT_ESTIMABLE;
  if (ci[0] === null || ci[1] === null) return oneSided(ci, edges);
  return `${num(ci[0], 'nearest', edges)}–${num(ci[1], 'nearest', edges)}`;
}

// --- the renderers' side: absent values read "—" ---

const DASH = '—';

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? DASH : count(n);
}

export function formatShare(x: number | null | undefined): string {
  return x === null || x === undefined ? DASH : share(x);
}

/** A multiple: `0.42×`, `3.1×` (see times). */
export function formatRatio(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? DASH : times(x);
}

/** A p-value for a table cell: `<0.0001`, `0.012`. */
export function formatP(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return DASH;
  return p(value).replace(/^p = /, '').replace(/^p < /, '<');
}

/**
 * `28m–36m`; a CI with one end only that end, `≥ 18s` (the upper end not estimable: too many
 * still waiting) or `≤ 2h`, never `18s–NA`; "—" with neither.
 */
export function formatInterval(ci: Interval | null | undefined, f: (x: number | null, r?: Rounding) => string = formatDuration): string {
  if (!ci) return DASH;
  const [lo, hi] = ci;
  if (lo === null && hi === null) return DASH;
  if (hi === null) return `≥ ${f(lo, 'down')}`;
  if (lo === null) return `≤ ${f(hi, 'up')}`;
  return `${f(lo)}–${f(hi)}`;
}

/**
 * The SLA targets a channel's durations of `metric` are read against (its own or the default
 * target, and each priority's target some of its tickets were judged against): the channel
 * table, the findings' sentences and their evidence write its medians beside them
 * (durationBeside), so that a median of 3,601 s is never `1h` where the target is 1h.
 */
export function slaEdges(channel: Pick<ChannelReport, 'sla'> | null | undefined, metric: 'firstResponse' | 'resolution'): Edges {
  const s = channel?.sla?.[metric];
  return s ? [s.target, ...s.priorityTargets.map((p) => p.target)] : [];
}

/**
 * A duration read against targets (`edges`: the SLA targets of its channel and metric): its
 * short form (`2h 14m`), unless that form would put it on the other side of a target or on a
 * target it is not — a median of 3,601 s beside a target of 1h is `1h 0m 1s`, never `1h`, which
 * reads as the target met at the median while most tickets breached it. Then every unit down to
 * the second, with as many decimals as keep it off the target (as `placesBeside` does for ratios).
 */
export function durationBeside(seconds: number | null | undefined, r: Rounding = 'nearest', edges: Edges = []): string {
  const short = formatDuration(seconds, r);
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || edges.length === 0) return short;
  const misplaced = (text: string): boolean => {
    const magnitude = parseDuration(text.replace(/^-/, '').replace(/ /g, ''));
    if (magnitude === null) return false;
    const shown = text.startsWith('-') ? -magnitude : magnitude;
    return edges.some((e) => Math.sign(shown - e) !== Math.sign(seconds - e));
  };
  if (!misplaced(short)) return short;
  for (let decimals = 0; decimals < 6; decimals++) {
    const exact = exactDuration(seconds, decimals, r);
    if (!misplaced(exact)) return exact;
  }
  return exactDuration(seconds, 6, r);
}

/**
 * A median's 95% CI as every table writes it: `28m–36m`, `≥ 18s` with no upper end; for a median
 * not reached (a lower bound) only the lower end exists, `≥ 8d 5h` (never `8d 5h–NA`); "—" when
 * there is none.
 */
export function formatMedianCi(ci: Interval | null | undefined, bound: Bound | null | undefined, edges: Edges = []): string {
  const f = (x: number | null, r?: Rounding): string => durationBeside(x, r, edges);
  if (bound !== 'lower') return formatInterval(ci, f);
  const lo = ci?.[0];
  return lo === null || lo === undefined ? DASH : `≥ ${f(lo, 'down')}`;
}

/** A duration that may be only a bound: `≥ 9d 21h` for a lower bound (rounded down: {@link Rounding}); read against `edges` as {@link durationBeside}. */
export function formatBoundedDuration(seconds: number | null | undefined, bound: Bound | null | undefined, edges: Edges = []): string {
  if (seconds === null || seconds === undefined) return DASH;
  return `${bound === 'lower' ? '≥ ' : bound === 'upper' ? '≤ ' : ''}${durationBeside(seconds, roundingOf(bound), edges)}`;
}

/** A duration that may be only a bound, in words: `at least 9d 21h`, `at most 2h` (rounded so that the words stay true). */
export function boundedDurationWords(seconds: number | null | undefined, bound: Bound | null | undefined, edges: Edges = []): string {
  if (seconds === null || seconds === undefined) return DASH;
  return `${bound === 'lower' ? 'at least ' : bound === 'upper' ? 'at most ' : ''}${durationBeside(seconds, roundingOf(bound), edges)}`;
}

/** Speed words for a ratio of medians that may be a bound: `7.3× faster`, `at least 4.1× slower`; "—" when absent. */
export function speedWords(ratio: number | null | undefined, bound: Bound | null = null, edges: Edges = []): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio) || ratio <= 0) return DASH;
  return boundedSpeed(ratio, bound, edges);
}

/** What a verdict says, in the words every output uses. */
export const VERDICT_WORDS: Record<Verdict, string> = {
  preference: 'significant',
  'no-preference': 'not conclusive',
  'within-tolerance': 'within tolerance',
  'insufficient-data': 'too few to judge',
  'case-mix': 'case mix',
  info: 'note',
};

/** One-character marks for a terminal table cell, explained by VERDICT_LEGEND. */
export const VERDICT_MARKS: Record<Verdict, string> = {
  preference: '!',
  'no-preference': '?',
  'within-tolerance': '=',
  'insufficient-data': '…',
  'case-mix': '~',
  info: '',
};

export const VERDICT_LEGEND = '! significant preference, = within tolerance, ? not conclusive, ~ case mix, … too few tickets to judge (see Findings)';

/**
 * A ratio cell with its verdict: `7.3× faster (significant)`, `at least 4.1× slower (not
 * conclusive)`; without a ratio, only a verdict reached like for like (`— (significant)`), as
 * the terminal table marks it.
 */
export function ratioWithVerdict(ratio: number | null | undefined, bound: Bound | null, verdict: Verdict | null, edges: Edges = [], alike = false): string {
  const words = speedWords(ratio, bound, edges);
  // (alike: the verdict was reached like for like only, and the raw ratio beside it would not earn it)
  return verdict && (words !== DASH || verdict === 'preference' || verdict === 'case-mix') ? `${words} (${VERDICT_WORDS[verdict]}${alike && words !== DASH ? ' like for like' : ''})` : words;
}

/** What a gate's numbers are (judge/gates/parse.ts GateUnit). */
export type GateNumberUnit = 'seconds' | 'share' | 'ratio' | 'count';

/** A gate's number in its unit: `2h 14m`, `79.6%`, `1.234`, `12`; `n/a` for none. */
export function gateValue(value: number | null | undefined, unit: GateNumberUnit | undefined, digits = 0, r: Rounding = 'nearest'): string {
  if (value === null || value === undefined) return 'n/a';
  switch (unit) {
    case 'seconds':
      return digits === 0 ? formatDuration(value, r) : exactDuration(value, digits - 1, r);
    case 'share':
      // (never 100% for a share below 1, nor 0% for one above 0: see share)
      return `${fixedOrSignificant(value * 100, percentPlaces(value * 100, 1 + digits, r), r)}%`;
    default:
      return String(fixedOrSignificant(value, 3 + digits, r));
  }
}

/** `x` to `places` decimals (in direction `r` for a bound), or to two significant digits where that would write a value that is not 0 as 0 (a ratio of 0.000022, never "0"). */
function fixedOrSignificant(x: number, places: number, r: Rounding = 'nearest'): number {
  // a bound below the last place: its significant digits (rounding 0.000022 up to 0.001 says little)
  if (r !== 'nearest' && x !== 0 && Math.abs(x) < 10 ** -places) return significant(x, 2, r);
  const rounded = +fixed(x, places, r);
  return rounded === 0 && x !== 0 ? significant(x, 2, r) : rounded;
}

/**
 * x to `digits` significant digits, rounded in direction `r` for a bound: an upper bound of
 * 0.0000041101 is "at most 0.0000042", never 0.0000041 (toPrecision rounds to the nearest, which
 * made a gate's bound tighter than the data allow, while the CSV and the finding wrote it right).
 */
function significant(x: number, digits: number, r: Rounding): number {
  if (r === 'nearest' || x === 0 || !Number.isFinite(x)) return +x.toPrecision(digits);
  const step = 10 ** (Math.floor(Math.log10(Math.abs(x))) - digits + 1);
  return +roundTo(x, step, r).toPrecision(digits);
}

/** How close (relative) two numbers a gate compares must be to count as equal. */
const GATE_TOLERANCE = 1e-9;

/**
 * Whether a gate takes two numbers for equal: within 1e-9 of the larger magnitude, at every
 * scale (`0.1 + 0.2` is 0.3, `3.0000000001` is 3, but 1e-10 is not 2e-10, which an absolute
 * tolerance below 1 took alike). The one comparison behind a gate's decision
 * (judge/gates/evaluate.ts conditionHolds) and behind the numbers its message prints
 * ({@link gateDigits}), so that the words never say `3.000000001 is not above 3` of a gate that
 * took the two for equal.
 */
export function sameGateNumber(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= GATE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Two numbers a gate compares (value and threshold, or now and baseline), each written as
 * {@link gateValue} does, with more digits where that form would print different numbers
 * alike: a share of 79.96% failing `< 80%` reads `79.96%` and `80%`, not `80%` twice; a
 * median of 2h 0m 20s against `2h` reads `2h 0m 20s`.
 */
export function gateValues(a: number | null | undefined, b: number | null | undefined, unit: GateNumberUnit | undefined, ra: Rounding = 'nearest'): [string, string] {
  const digits = Math.max(gateDigits([[a, b]], unit, [[ra, 'nearest']]), thresholdDigits(b, unit));
  // `ra`: the first number's rounding when it is a bound (the threshold is exact as written)
  return [gateValue(a, unit, digits, ra), gateValue(b, unit, digits)];
}

/**
 * The digits that write a gate's threshold as the user wrote it: `5d3h31m` is `5d 3h 31m`, not
 * the short form's `5d 4h`, and `3.14159` not `3.142` (a threshold is exact; a report that
 * rounds it says the gate compared with another number).
 */
function thresholdDigits(threshold: number | null | undefined, unit: GateNumberUnit | undefined): number {
  if (threshold === null || threshold === undefined || !Number.isFinite(threshold)) return 0;
  let digits = 0;
  while (digits < 8) {
    const shown = shownNumber(gateValue(threshold, unit, digits), unit);
    if (shown !== null && sameGateNumber(shown, threshold)) break;
    digits++;
  }
  return digits;
}

/**
 * The digits (for {@link gateValue}) that tell apart each pair of different numbers: the fewest
 * that do for every pair, so that numbers read together (a change and its threshold beside the
 * values now and in the baseline) are written alike and their arithmetic reads right.
 */
export function gateDigits(
  pairs: ReadonlyArray<readonly [number | null | undefined, number | null | undefined]>,
  unit: GateNumberUnit | undefined,
  /** Each pair's roundings (a bound rounds its own way): different numbers must not print alike, nor equal ones differently. */
  roundings: ReadonlyArray<readonly [Rounding, Rounding]> = [],
): number {
  let digits = 0;
  pairs.forEach(([a, b], k) => {
    if (a === null || a === undefined || b === null || b === undefined) return;
    const [ra, rb] = roundings[k] ?? ['nearest', 'nearest'];
    // misleading: equal numbers written differently, or different ones written alike or the
    // wrong way round (a bound rounded down below a threshold rounded up: "at least 8.6011 is
    // above 8.6012"); equal as the gate decides it (sameGateNumber)
    const misleads = (): boolean => {
      const [ta, tb] = [gateValue(a, unit, digits, ra), gateValue(b, unit, digits, rb)];
      if (sameGateNumber(a, b)) return ta !== tb;
      const [sa, sb] = [shownNumber(ta, unit), shownNumber(tb, unit)];
      return ta === tb || (sa !== null && sb !== null && Math.sign(sa - sb) !== Math.sign(a - b));
    };
    while (digits < 8 && misleads()) digits++;
  });
  return digits;
}

/** The number a gateValue text shows (seconds, a share, a ratio or count), or null. */
function shownNumber(text: string, unit: GateNumberUnit | undefined): number | null {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const value = unit === 'seconds' ? parseDuration(body) : unit === 'share' ? Number(body.replace(/%$/, '')) / 100 : Number(body);
  return value === null || !Number.isFinite(value) ? null : negative ? -value : value;
}

/**
 * A delta gate's four numbers — the change, its threshold, the value now and in the baseline —
 * with one number of digits, so that now − baseline reads as the change does: the digits that
 * tell each pair apart, and for durations every unit down to the second when a short form rounds
 * (`2h 15m` − `2h` does not read as `14m 50s`; whole minutes and hours stay short).
 */
export function gateChangeValues(
  change: number | null | undefined,
  threshold: number | null | undefined,
  now: number | null | undefined,
  before: number | null | undefined,
  unit: GateNumberUnit | undefined,
  /** The rounding of the change, the value now and in the baseline, each by its own bound (the threshold is exact). */
  rounding: { change?: Rounding; now?: Rounding; before?: Rounding } = {},
): [string, string, string, string] {
  const four = [change, threshold, now, before];
  const ways: Rounding[] = [rounding.change ?? 'nearest', 'nearest', rounding.now ?? 'nearest', rounding.before ?? 'nearest'];
  const rounded = unit === 'seconds' && four.some((x) => x !== null && x !== undefined && !durationShownExactly(x));
  const digits = Math.max(gateDigits([[change, threshold], [now, before]], unit, [[ways[0] as Rounding, 'nearest'], [ways[2] as Rounding, ways[3] as Rounding]]), rounded ? 1 : 0, thresholdDigits(threshold, unit));
  return four.map((x, k) => gateValue(x, unit, digits, ways[k])) as [string, string, string, string];
}

/** Whether the short form of a duration (`2h 14m`, two units) is its exact value in whole seconds, so that sums and differences of such forms read right. */
function durationShownExactly(seconds: number): boolean {
  return parseDuration(formatDuration(Math.abs(seconds)).replace(/ /g, '')) === Math.abs(seconds);
}

/** Every unit from days down to seconds (`2h 0m 20s`, `1d 0h 0m 5s`), seconds with `decimals` places (trailing zeros dropped), rounded once as a whole (59.6 s is `1m 0s` at no decimals, never `60s`). */
function exactDuration(seconds: number, decimals: number, r: Rounding = 'nearest'): string {
  const sign = seconds < 0 ? '-' : '';
  const scale = 10 ** decimals;
  // a bound's last digit rounded its way (of the value: a negative one's magnitude the other way)
  const way: Rounding = seconds >= 0 || r === 'nearest' ? r : r === 'down' ? 'up' : 'down';
  const scaled = roundTo(Math.abs(seconds) * scale, 1, way);
  let rest = Math.floor(scaled / scale);
  const fraction = scaled - rest * scale;
  const parts: string[] = [];
  for (const [name, size] of [['d', 86400], ['h', 3600], ['m', 60]] as const) {
    if (parts.length > 0 || rest >= size) {
      parts.push(`${Math.floor(rest / size)}${name}`);
      rest %= size;
    }
  }
  const decimalsText = fraction > 0 ? `.${String(fraction).padStart(decimals, '0').replace(/0+$/, '')}` : '';
  parts.push(`${rest}${decimalsText}s`);
  return (scaled === 0 ? '' : sign) + parts.join(' ');
}
