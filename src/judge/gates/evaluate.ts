/**
 * Gate evaluation: a parsed gate against the Report (and the baseline report for `delta`).
 *
 * A gate is a FAILURE condition: `ratio(phone,social).firstResponse.median > 3` fails when the
 * ratio is above 3. A gate that cannot be evaluated — channel absent, fewer than `minSample`
 * tickets behind a metric, a median not reached, no baseline value — fails with its reason
 * unless `--allow-missing`, so CI is never green because nothing was measured.
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
import { formatDuration } from '../../measure/duration.js';
import type { GateResult, Report } from '../../report.js';
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
}

type Measured = { ok: true; value: number; detail: string } | { ok: false; reason: string };

/** Two values closer than this (relative) are equal: `3.0000000001 > 3` is not a failure. */
const EPS = 1e-9;

/** Whether `value comparator threshold` holds (the gate's failure condition). */
export function conditionHolds(value: number, comparator: Comparator, threshold: number): boolean {
  const equal = Math.abs(value - threshold) <= EPS * Math.max(1, Math.abs(value), Math.abs(threshold));
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

/** A value in words for details and messages. */
export function formatGateValue(value: number, unit: GateUnit): string {
  switch (unit) {
    case 'seconds':
      return formatDuration(value);
    case 'share':
      return `${+(value * 100).toFixed(1)}%`;
    case 'count':
      return String(value);
    case 'ratio':
      return String(+value.toFixed(3));
  }
}

/** A group's numbers as far as a (possibly hand-written or older) report has them. */
interface GroupLike {
  tickets?: number;
  answeredShare?: number | null;
  resolvedShare?: number | null;
  firstResponse?: { n?: number; median?: number | null; p90?: number | null } | null;
  resolution?: { n?: number; resolved?: number; median?: number | null; p90?: number | null } | null;
}

function num(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** One metric of one group, with the sample-size rule. `name` is "social", "band 100k+", … */
function metricOf(group: GroupLike, metric: MetricPath, name: string, minSample: number, where: string): Measured {
  const spec = metricSpec(metric);
  const [part, stat] = metric.split('.') as [string, 'median' | 'p90' | undefined];
  if (part === 'firstResponse') {
    const n = num(group.firstResponse?.n);
    if (n !== null && n < minSample) {
      return { ok: false, reason: `${name} has ${n} answered ticket${n === 1 ? '' : 's'}${where}; a first-response gate needs at least ${minSample} (minSample)` };
    }
    const v = num(group.firstResponse?.[stat ?? 'median']);
    if (v === null) return { ok: false, reason: `${name} has no ${spec.label}${where}` };
    return { ok: true, value: v, detail: `${name} ${formatDuration(v)}${n === null ? '' : ` (n=${n})`}` };
  }
  if (part === 'resolution') {
    const n = num(group.resolution?.n);
    if (n !== null && n < minSample) {
      return { ok: false, reason: `${name} has ${n} ticket${n === 1 ? '' : 's'} with a resolution time${where}; a resolution gate needs at least ${minSample} (minSample)` };
    }
    const v = num(group.resolution?.[stat ?? 'median']);
    if (v === null) {
      const resolved = num(group.resolution?.resolved);
      const share = stat === 'p90' ? '90%' : 'half';
      return {
        ok: false,
        reason: `${name}'s ${spec.label} is not reached${where}: ${resolved !== null && n !== null ? `${resolved} of ${n} tickets resolved (fewer than ${share})` : `fewer than ${share} of the tickets resolved`}`,
      };
    }
    return { ok: true, value: v, detail: `${name} ${formatDuration(v)}${n === null ? '' : ` (n=${n})`}` };
  }
  const tickets = num(group.tickets);
  if (tickets !== null && tickets < minSample) {
    return { ok: false, reason: `${name} has ${tickets} ticket${tickets === 1 ? '' : 's'}${where}; a share gate needs at least ${minSample} (minSample)` };
  }
  const v = num(metric === 'answeredShare' ? group.answeredShare : group.resolvedShare);
  if (v === null) return { ok: false, reason: `${name} has no ${spec.label}${where}` };
  return { ok: true, value: v, detail: `${name} ${formatGateValue(v, 'share')}${tickets === null ? '' : ` (n=${tickets})`}` };
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

/** Combines two measured sides into a ratio (a over b) or a gap (a minus b). */
function combine(kind: 'ratio' | 'gap', a: Measured, b: Measured, unit: GateUnit, bName: string): Measured {
  if (!a.ok) return a;
  if (!b.ok) return b;
  if (kind === 'gap') return { ok: true, value: a.value - b.value, detail: `${a.detail} minus ${b.detail}` };
  if (b.value === 0) return { ok: false, reason: `${bName}'s value is ${formatGateValue(0, unit)}: a ratio over it is undefined` };
  return { ok: true, value: a.value / b.value, detail: `${a.detail} over ${b.detail}` };
}

/**
 * Measures a subject on a report. `isBaseline` switches the wording and, for `band(X,Y)`, the
 * source (the baseline's recorded gate value instead of the like-for-like hook).
 */
function measure(subject: Subject, report: Report, ctx: GateContext, isBaseline: boolean): Measured {
  const where = isBaseline ? ' in the baseline report' : '';
  const { minSample } = ctx;
  switch (subject.kind) {
    case 'findings': {
      if (!Array.isArray(report.findings)) return { ok: false, reason: `no findings${where}` };
      const significant = report.findings.filter((f) => f.significant === true);
      const shown = significant.slice(0, 3).map((f) => `${f.kind} ${f.subject}`);
      const more = significant.length > 3 ? `, and ${significant.length - 3} more` : '';
      return { ok: true, value: significant.length, detail: significant.length ? `significant: ${shown.join(', ')}${more}` : 'no significant finding' };
    }
    case 'channel': {
      const group = channelGroup(report, subject.a, where);
      if (typeof group === 'string') return { ok: false, reason: group };
      return metricOf(group, subject.metric, subject.a, minSample, where);
    }
    case 'band': {
      const group = bandGroup(report, subject.a, where);
      if (typeof group === 'string') return { ok: false, reason: group };
      return metricOf(group, subject.metric, `band ${subject.a}`, minSample, where);
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
  for (const g of gates) {
    if (g && g.subject === text && num(g.current) !== null) return { ok: true, value: g.current as number, detail: `recorded by the baseline run's gate ${g.expression}` };
  }
  return {
    ok: false,
    reason: `the baseline report has no like-for-like value for ${text}: it is recorded only when the baseline run had a gate on ${text}`,
  };
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

  const now = measure(gate.subject, ctx.report, ctx, false);
  if (!now.ok) return missing(now.reason, null);
  let value = now.value;
  let detail = now.detail;
  let baselineValue: number | null | undefined;
  if (gate.delta) {
    if (!ctx.baseline) return missing('delta(...) needs an earlier report: pass --baseline <report.json>', now.value, { baseline: null, detail: now.detail });
    const then = measure(gate.subject, ctx.baseline, ctx, true);
    if (!then.ok) return missing(then.reason, now.value, { baseline: null, detail: now.detail });
    baselineValue = then.value;
    value = now.value - then.value;
    detail = `now: ${now.detail}; baseline: ${then.detail}`;
  }
  return {
    ...base,
    value,
    passed: !conditionHolds(value, gate.comparator, gate.threshold),
    reason: null,
    evaluated: true,
    current: now.value,
    ...(baselineValue === undefined ? {} : { baseline: baselineValue }),
    detail,
  };
}
