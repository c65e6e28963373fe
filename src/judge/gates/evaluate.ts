/**
 * Gate evaluation: a parsed gate against the Report (and the baseline report for `delta`).
 *
 * A gate is a FAILURE condition: `ratio(phone,social).firstResponse.median > 3` fails when the
 * ratio is above 3. A gate that cannot be evaluated — channel absent, fewer than `minSample`
 * tickets behind a metric, a median not reached, no baseline value, a baseline measured
 * differently or not earlier (notComparable) — fails with its reason unless `--allow-missing`,
 * so CI is never green because nothing was measured.
 *
 * Sample sizes: first-response metrics need `minSample` answered tickets in each group,
 * resolution metrics `minSample` tickets in the Kaplan–Meier estimate, shares `minSample`
 * tickets. The baseline is held to the same minimum.
 *
 * `band(X,Y)` compares like channels: both bands are restricted to the channels they share and
 * re-summarised from the tickets (the `likeForLike` hook), because a band made mostly of social
 * tickets would otherwise "beat" one made mostly of phone calls for the channel's sake alone.
 * A baseline report holds no such restricted summary, so `delta(band(X,Y)...)` reads the value
 * the baseline run recorded for the same subject in its own `gates[]`.
 */
import type { Channel } from '../../model.js';
import type { GroupSummary } from '../../measure/summary.js';
import { estimateOf, gapOfEstimates, ratioOfEstimates, type Bound, type Interval } from '../../measure/estimate.js';
import { hoursText } from '../../measure/clock.js';
import { durationBeside, gateValue, gateValues, roundingOf, sameGateNumber, type Edges } from '../../format.js';
import type { Finding, GateResult, Report } from '../../report.js';
import { metricSpec, subjectText, type Comparator, type Gate, type GateUnit, type MetricPath, type Subject } from './parse.js';

/** Two follower bands restricted to the channels both contain. */
export interface LikeForLike {
  a: GroupSummary;
  b: GroupSummary;
  channels: Channel[];
}

/** What evaluation needs beyond the gate. */
export interface GateContext {
  report: Report;
  baseline: Report | null;
  minSample: number;
  allowMissing: boolean;
  /** For `band(X,Y)`: both bands restricted to their shared channels, or why that is impossible. */
  likeForLike(a: string, b: string): LikeForLike | { reason: string };
  /** How this run's report shows a --by value as the data has it (a pseudonym with --redact on a customer field): by(...) gates may name either. */
  byShownAs?: (value: string) => string;
}

/** A measured value: exact (bound null), or only a bound ('lower': at least; 'upper': at most). */
type Measured = { ok: true; value: number; bound: Bound | null; ci95?: Interval | null; detail: string } | { ok: false; reason: string };

/**
 * Whether `value comparator threshold` holds (the gate's failure condition). Values equal as
 * sameGateNumber says (within 1e-9, relative, at every scale) are equal: `3.0000000001 > 3` is
 * not a failure, nor is `0.1 + 0.2 > 0.3`; 1e-10 is below 2e-10. The message prints the two
 * numbers by the same comparison.
 */
export function conditionHolds(value: number, comparator: Comparator, threshold: number): boolean {
  const equal = sameGateNumber(value, threshold);
  switch (comparator) {
    case '>':
      return !equal && value > threshold;
    case '>=':
      return equal || value > threshold;
    case '<':
      return !equal && value < threshold;
    case '<=':
      return equal || value < threshold;
  }
}

/** A group's numbers as far as a (possibly hand-written or older) report has them. */
interface MetricLike {
  n?: number;
  median?: number | null;
  bound?: Bound | null;
  p90?: number | null;
  p90Bound?: Bound | null;
  ci95?: Interval | null;
}
interface GroupLike {
  tickets?: number;
  answeredShare?: number | null;
  resolvedShare?: number | null;
  firstResponse?: MetricLike | null;
  resolution?: (MetricLike & { resolved?: number | null }) | null;
}

function boundWord(bound: Bound | null): string {
  return bound === 'lower' ? 'at least ' : bound === 'upper' ? 'at most ' : '';
}

function boundOrNull(x: unknown): Bound | null {
  return x === 'lower' || x === 'upper' ? x : null;
}

function num(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/**
 * One metric of one group, with the sample-size rule. `name` is "social", "band 100k+", … The
 * tickets behind a duration are all of the group's tickets in the estimate (answered or resolved
 * plus the ones still waiting), as in the findings.
 */
function metricOf(group: GroupLike, metric: MetricPath, name: string, minSample: number, where: string, edges: Edges = []): Measured {
  const spec = metricSpec(metric);
  const [part, stat] = metric.split('.') as [string, 'median' | 'p90' | undefined];
  if (part === 'firstResponse' || part === 'resolution') {
    const m = part === 'firstResponse' ? group.firstResponse : group.resolution;
    const n = num(m?.n);
    const what = part === 'firstResponse' ? 'first-response' : 'resolution';
    if (n !== null && n < minSample) {
      return { ok: false, reason: `${name} has ${n} ticket${n === 1 ? '' : 's'} with a measurable ${what} time${where}; a ${what} gate needs at least ${minSample} (minSample)` };
    }
    const v = num(m?.[stat ?? 'median']);
    if (v === null) return { ok: false, reason: `${name} has no ${spec.label}${where}` };
    const bound = boundOrNull(stat === 'p90' ? m?.p90Bound : m?.bound);
    const still = part === 'firstResponse' ? 'unanswered' : 'open';
    const share = stat === 'p90' ? 'a tenth' : 'half';
    const boundNote = bound ? ` (a lower bound: ${share} or more still ${still})` : '';
    return { ok: true, value: v, bound, ci95: stat === 'p90' ? null : (m?.ci95 ?? null), detail: `${name} ${boundWord(bound)}${durationBeside(v, roundingOf(bound), edges)}${boundNote}${n === null ? '' : ` (n=${n})`}` };
  }
  // the share's own denominator: the tickets that take part in the metric (a negative duration
  // leaves one out), as the share itself is counted (measure/summary.ts)
  const denominator = num(metric === 'answeredShare' ? group.firstResponse?.n : group.resolution?.n) ?? num(group.tickets);
  if (denominator !== null && denominator < minSample) {
    return { ok: false, reason: `${name} has ${denominator} ticket${denominator === 1 ? '' : 's'}${where} in its ${spec.label}; a share gate needs at least ${minSample} (minSample)` };
  }
  const v = num(metric === 'answeredShare' ? group.answeredShare : group.resolvedShare);
  if (v === null) return { ok: false, reason: `${name} has no ${spec.label}${where}` };
  return { ok: true, value: v, bound: null, detail: `${name} ${gateValue(v, 'share')}${denominator === null ? '' : ` (n=${denominator})`}` };
}

function channelGroup(report: Report, channel: Channel, where: string): GroupLike | string {
  const channels = Array.isArray(report.channels) ? report.channels : [];
  const found = channels.find((c) => c.channel === channel);
  if (found) return found;
  const present = channels.map((c) => c.channel).join(', ');
  return `no ${channel} tickets${where} (channels present: ${present || 'none'})`;
}

function bandGroup(report: Report, band: string, where: string): GroupLike | string {
  const bands = Array.isArray(report.followerBands) ? report.followerBands : [];
  const found = bands.find((b) => b.band === band);
  if (!found) return `no follower band ${band}${where} (bands: ${bands.map((b) => b.band).join(', ') || 'none'})`;
  if (!found.tickets) return `no tickets in follower band ${band}${where}`;
  return found;
}

/**
 * A --by group of a report: by(A) and by(A,B) read report.by, as ratio(...) reads channels. The
 * value is matched as --by-reference matches it: trimmed (as the data's values are read), as
 * written, else the one value equal to it ignoring case; two such values are named, not "none".
 */
/** A --by value as the text outputs show it: its label when another value looks the same (`Sales\u200b`), else as it is. */
function shownValue(group: { value: string; label?: string }): string {
  return group.label ?? group.value;
}

function byGroup(report: Report, written: string, where: string, shownAs: (value: string) => string = (v) => v): (GroupLike & { value: string; label?: string }) | string {
  const by = report.by;
  if (!by || !Array.isArray(by.groups)) {
    return where ? `the baseline report has no --by groups` : 'by(...) gates need --by <field> (or "by" in the config)';
  }
  // (a value as the data has it, `alice@example.com`, is found by its pseudonym with --redact on a
  // customer field, as --by-reference finds it: it had been "not evaluated" beside that very pseudonym)
  const trimmed = written.trim();
  const value = by.groups.some((g) => g.value === trimmed) ? trimmed : shownAs(trimmed);
  const lower = value.toLowerCase();
  const alike = by.groups.filter((g) => g.value.toLowerCase() === lower);
  const found = by.groups.find((g) => g.value === value) ?? (alike.length === 1 ? alike[0] : undefined);
  if (found) return found;
  if (alike.length > 1) {
    return `${by.field} ${value}${where} matches ${alike.length} values that differ only in case (${alike.map((g) => `"${shownValue(g)}"`).join(', ')}): write one of them exactly`;
  }
  const values = by.groups.map(shownValue);
  const shown = values.slice(0, 10).join(', ');
  return `no ${by.field} ${value}${where} (values: ${shown || 'none'}${values.length > 10 ? `, and ${values.length - 10} more` : ''})`;
}

/**
 * Combines two measured sides into a ratio (a over b) or a gap (a minus b), through the same
 * functions as the measurement (estimate.ts), so `ratio(social,phone)` equals social's
 * vsReference.firstResponseRatio. A side that is only a bound makes the result a bound; with
 * both sides only lower bounds nothing can be said.
 */
function combine(kind: 'ratio' | 'gap', a: Measured, b: Measured, unit: GateUnit, bName: string): Measured {
  if (!a.ok) return a;
  if (!b.ok) return b;
  if (a.bound === 'lower' && b.bound === 'lower') {
    // (the findings then judge the pair at a lower percentile where one is reached, measure/compare.ts: the gate on their verdicts still decides)
    return { ok: false, reason: `${a.detail} and ${b.detail} are both only lower bounds, so their ${kind === 'gap' ? 'difference' : 'ratio'} is unknown; a comparison finding judges such a pair at its 25th or 10th percentile instead, which \`findings.significant > 0\` gates on` };
  }
  if (unit === 'share' || unit === 'count' || (a.bound === null && b.bound === null && kind === 'gap')) {
    if (kind === 'gap') return { ok: true, value: a.value - b.value, bound: null, detail: `${a.detail} minus ${b.detail}` };
    if (b.value === 0) return { ok: false, reason: `${bName}'s value is ${gateValue(0, unit)}: a ratio over it is undefined` };
    return { ok: true, value: a.value / b.value, bound: null, detail: `${a.detail} over ${b.detail}` };
  }
  const ea = estimateOf(a.value, a.bound, a.ci95);
  const eb = estimateOf(b.value, b.bound, b.ci95);
  if (kind === 'gap') {
    const g = gapOfEstimates(ea, eb);
    if (g.value === null) return { ok: false, reason: `the gap between ${a.detail} and ${b.detail} is unknown` };
    return { ok: true, value: g.value, bound: g.bound ?? null, detail: `${a.detail} minus ${b.detail}` };
  }
  const r = ratioOfEstimates(ea, eb);
  if (r.ratio === null) return { ok: false, reason: `no ratio of ${a.detail} over ${b.detail}` };
  return { ok: true, value: r.ratio, bound: r.bound ?? null, detail: `${a.detail} over ${b.detail}` };
}

/**
 * Why no comparison was judged, or null when one was. `findings.significant > 0` on an export
 * whose channels all mapped to `other`, or whose reference channel is absent, would otherwise
 * pass with 0: the contract wants such a gate not evaluated, as an absent channel is.
 */
function nothingCompared(findings: readonly Finding[]): string | null {
  const judged = (f: Finding): boolean => f.kind !== 'data-quality' && f.verdict !== 'insufficient-data' && f.verdict !== 'info';
  if (findings.some(judged)) return null;
  const lacking = findings.find((f) => f.verdict === 'insufficient-data');
  if (lacking) return `nothing was compared: every comparison lacked data (${lacking.subject}: ${(lacking.rule ?? lacking.message).replace(/^insufficient data: /, '')})`;
  return 'nothing was compared: there was only one group to compare (map the channel values with "channels" in the config, or check the channel column)';
}

/** The bound of a − b from the bounds of a and b (null = exact; undefined = unknown). */
function differenceBound(a: Bound | null, b: Bound | null): Bound | null | undefined {
  const flipped = b === 'lower' ? 'upper' : b === 'upper' ? 'lower' : null;
  if (a === null) return flipped;
  if (flipped === null || flipped === a) return a;
  return undefined;
}

/**
 * Whether a gate's condition holds for a value that may be only a bound: true or false when the
 * bound decides (at least 9d is > 4h), null when it cannot (at least 3h may or may not be > 4h).
 */
export function decide(value: number, bound: Bound | null, comparator: Comparator, threshold: number): boolean | null {
  if (bound === null) return conditionHolds(value, comparator, threshold);
  // The true value lies in [value, ∞) for a lower bound, (−∞, value] for an upper one.
  const holdsAtValue = conditionHolds(value, comparator, threshold);
  const upward = comparator === '>' || comparator === '>=';
  if (bound === 'lower') return upward ? (holdsAtValue ? true : null) : holdsAtValue ? null : false;
  return upward ? (holdsAtValue ? null : false) : holdsAtValue ? true : null;
}

/**
 * Measures a subject on a report. `isBaseline` switches the wording and, for `band(X,Y)`, the
 * source (the baseline's recorded gate value instead of the like-for-like hook).
 */
function measure(subject: Subject, report: Report, ctx: GateContext, isBaseline: boolean, edges: Edges = []): Measured {
  const where = isBaseline ? ' in the baseline report' : '';
  const { minSample } = ctx;
  switch (subject.kind) {
    case 'findings': {
      if (!Array.isArray(report.findings)) return { ok: false, reason: `no findings${where}` };
      const unjudged = nothingCompared(report.findings);
      if (unjudged !== null) return { ok: false, reason: `${unjudged}${where}, so a count of significant findings would be 0 whatever the service` };
      const significant = report.findings.filter((f) => f.significant === true);
      const shown = significant.slice(0, 3).map((f) => `${f.kind} ${f.subject}`);
      const more = significant.length > 3 ? `, and ${significant.length - 3} more` : '';
      return { ok: true, value: significant.length, bound: null, detail: significant.length ? `significant: ${shown.join(', ')}${more}` : 'no significant finding' };
    }
    case 'channel': {
      const group = channelGroup(report, subject.a, where);
      if (typeof group === 'string') return { ok: false, reason: group };
      return metricOf(group, subject.metric, subject.a, minSample, where, edges);
    }
    case 'band': {
      const group = bandGroup(report, subject.a, where);
      if (typeof group === 'string') return { ok: false, reason: group };
      return metricOf(group, subject.metric, `band ${subject.a}`, minSample, where, edges);
    }
    case 'ratio':
    case 'gap': {
      const ga = channelGroup(report, subject.a, where);
      const gb = channelGroup(report, subject.b, where);
      if (typeof ga === 'string') return { ok: false, reason: ga };
      if (typeof gb === 'string') return { ok: false, reason: gb };
      const a = metricOf(ga, subject.metric, subject.a, minSample, where);
      const b = metricOf(gb, subject.metric, subject.b, minSample, where);
      return combine(subject.kind, a, b, metricSpec(subject.metric).unit, subject.b);
    }
    case 'by': {
      const group = byGroup(report, subject.a, where, isBaseline ? undefined : ctx.byShownAs);
      if (typeof group === 'string') return { ok: false, reason: group };
      return metricOf(group, subject.metric, `${report.by?.field ?? 'by'} ${shownValue(group)}`, minSample, where, edges);
    }
    case 'byRatio': {
      const ga = byGroup(report, subject.a, where, isBaseline ? undefined : ctx.byShownAs);
      const gb = byGroup(report, subject.b, where, isBaseline ? undefined : ctx.byShownAs);
      if (typeof ga === 'string') return { ok: false, reason: ga };
      if (typeof gb === 'string') return { ok: false, reason: gb };
      const field = report.by?.field ?? 'by';
      // two spellings of one value (`by(Ops,ops)`: the second matches Ops ignoring case) would
      // compare a group with itself, a ratio of 1 that no threshold above 1 ever trips
      if (ga === gb) return { ok: false, reason: `${subject.a} and ${subject.b} are both ${field} ${shownValue(ga)} (matched ignoring case): the gate would compare it with itself; write two different values` };
      const a = metricOf(ga, subject.metric, `${field} ${shownValue(ga)}`, minSample, where);
      const b = metricOf(gb, subject.metric, `${field} ${shownValue(gb)}`, minSample, where);
      return combine('ratio', a, b, metricSpec(subject.metric).unit, `${field} ${shownValue(gb)}`);
    }
    case 'bandRatio': {
      if (isBaseline) return recordedValue(subject, report);
      const pair = ctx.likeForLike(subject.a, subject.b);
      if ('reason' in pair) return { ok: false, reason: pair.reason };
      const only = ` (${pair.channels.join(', ')})`;
      const a = metricOf(pair.a, subject.metric, `band ${subject.a}${only}`, minSample, '');
      const b = metricOf(pair.b, subject.metric, `band ${subject.b}${only}`, minSample, '');
      const combined = combine('ratio', a, b, metricSpec(subject.metric).unit, `band ${subject.b}`);
      return combined.ok ? { ...combined, detail: `${combined.detail}; like channels only: ${pair.channels.join(', ')}` } : combined;
    }
  }
}

/** The value a baseline run recorded for a subject in its `gates[]` (band gates only). */
function recordedValue(subject: Subject, baseline: Report): Measured {
  const text = subjectText(subject);
  const gates = Array.isArray(baseline.gates) ? baseline.gates : [];
  // (a gate on the subject that had no value then: its own reason says why, e.g. too few tickets)
  let unmeasured: { expression: unknown; reason: unknown } | null = null;
  for (const g of gates) {
    if (!g || g.subject !== text) continue;
    if (num(g.current) !== null) return { ok: true, value: g.current as number, bound: boundOrNull(g.bound), detail: `recorded by the baseline run's gate ${g.expression}` };
    unmeasured ??= g;
  }
  if (unmeasured !== null) {
    const why = typeof unmeasured.reason === 'string' && unmeasured.reason !== '' ? `: ${unmeasured.reason}` : '';
    return { ok: false, reason: `the baseline run's gate ${String(unmeasured.expression)} had no value for ${text}${why}` };
  }
  return {
    ok: false,
    reason: `the baseline report has no like-for-like value for ${text}: it is recorded only when the baseline run had a gate on ${text}`,
  };
}

/** The settings a baseline records, read loosely: a hand-written baseline may have none of them. */
type RecordedSettings = Partial<Report['settings']>;

function sameList(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
}

function clockText(settings: RecordedSettings): string {
  const hours = settings.businessHours;
  if (settings.clock === 'business') return hours ? `business hours ${hoursText({ ...hours, holidays: [] })}` : 'business hours';
  return settings.clock === 'calendar' ? 'calendar time' : `the ${settings.clock} clock`;
}

function rangeText(band: { min?: unknown; max?: unknown }): string {
  return band.max === null ? `${String(band.min)} followers or more` : `${String(band.min ?? 0)} to ${String(band.max)} followers`;
}

/**
 * Why the baseline's value of a subject does not answer the same question as this run's, or null.
 * A delta is a change in service only when both values were measured the same way: durations on
 * the same clock (the same business hours, time zone and holidays), by(...) over the same --by
 * field, a follower band over the same range, and a count of significant findings judged with the
 * same reference channel, --by field and reference, bands, tolerance, alpha and minSample. What a
 * subject does not depend on is not compared (shares do not depend on the clock, a ratio of two
 * named channels not on the reference channel; the time zone only reads timestamps written
 * without an offset). A setting the baseline does not record (a hand-written baseline) is taken
 * as comparable. The baseline must also be earlier: a report whose tickets run later than this
 * run's would turn the change around.
 */
function notComparable(subject: Subject, now: Report, then: Report): string | null {
  const was: RecordedSettings = typeof then.settings === 'object' && then.settings !== null ? then.settings : {};
  const is = now.settings;
  const differences: string[] = [];
  const differ = (what: string, before: string, after: string): void => {
    differences.push(`${what} ${before} in the baseline, ${after} now`);
  };
  const durations = subject.kind === 'findings' || !subject.metric.endsWith('Share');
  if (durations && typeof was.clock === 'string') {
    // an older baseline records no business hours: the clock alone is compared then
    const hours = was.clock === 'business' && is.clock === 'business' && was.businessHours && is.businessHours ? ([was.businessHours, is.businessHours] as const) : null;
    if (was.clock !== is.clock || (hours && (hours[0].timeZone !== hours[1].timeZone || !sameList(hours[0].open, hours[1].open)))) {
      differ('durations counted in', clockText(was), clockText(is));
    }
    if (hours && !sameList(hours[0].holidays, hours[1].holidays)) differ('holidays', hours[0].holidays.join(', ') || 'none', hours[1].holidays.join(', ') || 'none');
  }
  if ((subject.kind === 'by' || subject.kind === 'byRatio') && then.by && now.by && then.by.field !== now.by.field) {
    differ('--by field', then.by.field, now.by.field);
  }
  if (subject.kind === 'band' || subject.kind === 'bandRatio') {
    for (const label of subject.kind === 'band' ? [subject.a] : [subject.a, subject.b]) {
      const before = Array.isArray(then.followerBands) ? then.followerBands.find((b) => b.band === label) : undefined;
      const after = now.followerBands.find((b) => b.band === label);
      if (before && after && 'min' in before && 'max' in before && (before.min !== after.min || before.max !== after.max)) {
        differ(`follower band ${label}`, rangeText(before), rangeText(after));
      }
    }
  }
  if (subject.kind === 'findings' && was.reference !== undefined) {
    if (was.reference !== is.reference) differ('reference channel', was.reference, is.reference);
    const byText = (by: Report['by']): string => (by ? `${by.field} (reference ${by.reference ?? 'none'})` : 'none');
    if (byText(then.by) !== byText(now.by)) differ('--by', byText(then.by), byText(now.by));
    if (was.bands !== undefined && !sameList(was.bands, is.bands)) differ('follower band edges', was.bands.join(','), is.bands.join(','));
    if (was.tolerance !== undefined && (was.tolerance.low !== is.tolerance.low || was.tolerance.high !== is.tolerance.high)) {
      differ('tolerance', `${was.tolerance.low}–${was.tolerance.high}`, `${is.tolerance.low}–${is.tolerance.high}`);
    }
    if (was.alpha !== undefined && was.alpha !== is.alpha) differ('alpha', String(was.alpha), String(is.alpha));
    if (was.minSample !== undefined && was.minSample !== is.minSample) differ('minSample', String(was.minSample), String(is.minSample));
  }
  if (differences.length > 0) {
    return `the baseline report was measured differently (${differences.join('; ')}), so their difference is not a change in service: make the baseline again with this run's settings`;
  }
  const thenTo = Date.parse(String(then.period?.to));
  const nowTo = Date.parse(String(now.period?.to));
  if (Number.isFinite(thenTo) && Number.isFinite(nowTo) && thenTo > nowTo) {
    return `the baseline report is not earlier than this run: its tickets were created up to ${then.period.to}, this run's up to ${now.period.to}; delta(...) is the change since an earlier report`;
  }
  return null;
}

/** Evaluates one gate. `source` says where it was given (`--fail-on`, `config gates[0]`). */
export function evaluateGate(gate: Gate, ctx: GateContext, source?: string): GateResult {
  const subject = subjectText(gate.subject);
  const base = {
    expression: gate.text,
    threshold: gate.threshold,
    comparator: gate.comparator,
    unit: gate.unit,
    subject,
    ...(source === undefined ? {} : { source }),
  };
  const missing = (reason: string, current: number | null, extra: { baseline?: number | null; detail?: string | null } = {}): GateResult => ({
    ...base,
    value: null,
    passed: ctx.allowMissing,
    reason,
    evaluated: false,
    current,
    ...extra,
  });

  // a group's duration in the line's brackets is written beside the threshold it is compared
  // with, as the value is: a median of 3,600.5 s is `1h 0m 1s` there too, never `1h` beside a
  // threshold of 1h (not for a change, whose threshold is not a duration of the group)
  const now = measure(gate.subject, ctx.report, ctx, false, gate.delta ? [] : [gate.threshold]);
  if (!now.ok) return missing(now.reason, null);
  let value = now.value;
  let bound: Bound | null | undefined = now.bound;
  let detail = now.detail;
  let baselineValue: number | undefined;
  let baselineBound: Bound | null | undefined;
  if (gate.delta) {
    if (!ctx.baseline) return missing('delta(...) needs an earlier report: pass --baseline <report.json>', now.value, { baseline: null, detail: now.detail });
    const differs = notComparable(gate.subject, ctx.report, ctx.baseline);
    if (differs) return missing(differs, now.value, { baseline: null, detail: now.detail });
    const then = measure(gate.subject, ctx.baseline, ctx, true);
    if (!then.ok) return missing(then.reason, now.value, { baseline: null, detail: now.detail });
    baselineValue = then.value;
    baselineBound = then.bound;
    value = now.value - then.value;
    bound = differenceBound(now.bound, then.bound);
    detail = `now: ${now.detail}; baseline: ${then.detail}`;
    if (bound === undefined) return missing(`both ${now.detail} and the baseline's ${then.detail} are only bounds, so the change is unknown`, now.value, { baseline: then.value, detail });
  }
  const holds = decide(value, bound ?? null, gate.comparator, gate.threshold);
  if (holds === null) {
    const [shown, threshold] = gateValues(value, gate.threshold, gate.unit, roundingOf(bound ?? null));
    return missing(
      `the value is only a bound (${boundWord(bound ?? null)}${shown}: ${detail}), which does not decide whether it is ${gate.comparator} ${threshold}`,
      now.value,
      { ...(baselineValue === undefined ? {} : { baseline: baselineValue }), detail },
    );
  }
  return {
    ...base,
    value,
    passed: !holds,
    reason: null,
    evaluated: true,
    bound: bound ?? null,
    current: now.value,
    ...(baselineValue === undefined ? {} : { baseline: baselineValue, currentBound: now.bound ?? null, baselineBound: baselineBound ?? null }),
    detail,
  };
}
