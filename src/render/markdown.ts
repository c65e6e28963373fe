/**
 * `--format markdown`: the audit (and, for `parity report`, the trend) as a GitHub-flavoured
 * Markdown document: headings, summary sentences, tables.
 *
 * Also the prose both document renderers share (title, scope, summary sentences, finding
 * evidence), written once here as plain text; each renderer escapes it for its own format.
 * Everything derived from the data (channel values, categories, file names, messages) passes
 * through `escapeMarkdown` here and `escapeHtml` in html.ts. Renders the Report; computes nothing.
 */
import { CHANNELS, type Channel } from '../model.js';
import { defuseMarkdown } from '../text/markdownSafe.js';
import { effectBound, effectScope, rowLikeForLikeOnly, verdictLikeForLikeOnly, type BandReport, type ByReport, type ChannelReport, type DataQualityEntry, type Finding, type PeriodReport, type Report, type SlaSummary } from '../report.js';
import { boundedDurationWords, clockSentence, firstValues, formatAnsweredShare, formatResolvedShare, formatBoundedDuration, formatCount, formatDate, formatDuration, formatInstant, formatMedianCi, formatShare, formatSlaTarget, durationBeside, slaEdges, moreValues, slaTitle, speedWords, zoneNote } from './format.js';
import { gateDetail, gateMessage } from './junit.js';
import { MONTHS, ratioWithVerdict, roundingOf, speedThan, toleranceEdges, VERDICT_WORDS, type Edges } from '../format.js';
import type { Bound } from '../measure/estimate.js';
import { byLabel, byNotes, byTitle, referenceLabel } from './by.js';

// ───────────────────────────── shared prose (plain text) ─────────────────────────────

/** `2026-10` → `October 2026`; `2026-W40` → `week 2026-W40`; other labels as they are. */
export function periodName(label: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  if (/^\d{4}-W\d{2}$/.test(label)) return `week ${label}`;
  return label;
}

/** What a period is called in a column head: Month, Week, Quarter. */
export function unitName(report: Report): string {
  const unit = report.reportPeriod?.unit ?? 'month';
  return unit === 'week' ? 'Week' : unit === 'quarter' ? 'Quarter' : 'Month';
}

/** `+17m`, `−20m`, `±0s`. */
export function signedDuration(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (Math.round(x) === 0) return '±0s';
  return x > 0 ? `+${formatDuration(x)}` : `−${formatDuration(-x)}`;
}

/** A duration that may be negative, with a proper minus sign: `1h 5m`, `−15s`. */
export function gapDuration(x: number | null | undefined, bound: Bound | null = null): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  // a bound's digits stay true to it: "≥" rounds the gap down, "≤" up (formatDuration rounds a
  // negative value's magnitude the other way itself); a proper minus sign
  const text = formatDuration(Math.round(x) === 0 ? Math.abs(x) : x, roundingOf(bound));
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

/** `+0.12`, `−0.30` for a change in a ratio. */
export function signedRatio(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (Math.abs(x) < 0.005) return '±0';
  return `${x > 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
}

/** The title; a period that is not over, or has fewer tickets than minSample, says so in it. */
export function reportTitle(report: Report): string {
  const rp = report.reportPeriod;
  if (!rp) return 'Service parity audit';
  const caveats = [
    ...(rp.complete ? [] : [`partial: data to ${formatDate(report.period.asOf, rp.timeZone)}`]),
    ...(rp.tickets < report.settings.minSample ? [`only ${formatCount(rp.tickets)} ticket${rp.tickets === 1 ? '' : 's'}`] : []),
  ];
  return `Service parity report: ${periodName(rp.label)}${caveats.length ? ` (${caveats.join('; ')})` : ''}`;
}

/** One sentence: what was audited, when, against which reference. */
export function scopeSentence(report: Report): string {
  const rp = report.reportPeriod;
  const files = report.input.files.length === 1 ? (report.input.files[0] as string) : `${report.input.files.length} files`;
  if (rp) {
    // dates in the zone the periods were cut in (the period's last second is the last day's)
    const zone = rp.timeZone;
    const last = formatDate(new Date(Date.parse(rp.to) - 1000).toISOString(), zone);
    // The period's bounds, and when its tickets were actually created (a month may hold two days of data).
    const seen = report.period.from && report.period.to ? `; the first created ${formatDate(report.period.from, zone)}, the last ${formatDate(report.period.to, zone)}` : '';
    return `${formatCount(rp.tickets)} ticket${rp.tickets === 1 ? '' : 's'} in the period ${formatDate(rp.from, zone)} to ${last} (periods cut in ${rp.timeZone}${seen}) out of ${formatCount(rp.allTickets)} usable ticket${rp.allTickets === 1 ? '' : 's'} in ${files}; reference channel ${report.reference}.`;
  }
  return `${formatCount(report.input.tickets)} ticket${report.input.tickets === 1 ? '' : 's'} from ${files} (${report.input.format}), created ${formatDate(report.period.from, report.settings.timeZone)} to ${formatDate(report.period.to, report.settings.timeZone)}${zoneNote(report.settings.timeZone)}; reference channel ${report.reference}.`;
}

/** How the gates went, in words that agree with their number: "The gate passed.", "1 of 1 gate failed.", "All 3 gates passed." */
export function gatesSentence(failed: number, total: number): string {
  const gates = total === 1 ? 'gate' : 'gates';
  if (failed) return `${failed} of ${total} ${gates} failed.`;
  return total === 1 ? 'The gate passed.' : `All ${total} gates passed.`;
}

/** The headline sentences: how each channel compares, findings, trend, censoring, gates. */
export function summarySentences(report: Report): string[] {
  const out: string[] = [];
  const ref = report.channels.find((c) => c.channel === report.reference) ?? null;
  if (!ref) out.push(`There are no ${report.reference} tickets in this period, so no channel could be compared with the reference.`);
  else {
    out.push(
      referenceSentence(report.reference, ref),
    );
  }
  // Every channel gets its sentence: the one without a ratio is often the worst served.
  for (const c of report.channels) {
    if (c.channel !== report.reference) {
      const judged = report.findings.find((f) => f.kind === 'channel-preference' && f.subject === c.channel && f.metric === 'firstResponse') ?? null;
      out.push(channelSentence(c, report.reference, ref, judged, toleranceEdges(report.settings.tolerance)));
    }
  }
  const significant = report.findings.filter((f) => f.significant);
  if (report.findings.length === 0) out.push('No findings were produced.');
  else if (significant.length === 0) out.push(`No significant preference was found (${formatCount(report.findings.length)} finding${report.findings.length === 1 ? '' : 's'} checked).`);
  else out.push(`${formatCount(significant.length)} significant finding${significant.length === 1 ? '' : 's'}: ${significant.map((f) => f.message).join(' ')}`);

  const periods = report.periods ?? [];
  const now = periods[periods.length - 1];
  const before = periods[periods.length - 2];
  if (now && before) {
    const gap = now.referenceGap.firstResponse;
    if (gap && gap.change !== null) {
      const prior = before.referenceGap.firstResponse;
      out.push(
        `Compared with ${periodName(before.period)}, the first-response gap between ${report.reference} and the fastest other channel (${gap.channel}${prior && prior.channel !== gap.channel ? `, was ${prior.channel}` : ''}) went from ${gapDuration(prior?.gap)} to ${gapDuration(gap.gap)} (${signedDuration(gap.change)}).`,
      );
    }
    const refNow = now.channels.find((c) => c.channel === report.reference);
    if (refNow?.change?.firstResponseMedian !== null && refNow?.change?.firstResponseMedian !== undefined) {
      out.push(`${report.reference}'s own first-response median changed by ${signedDuration(refNow.change.firstResponseMedian)} since ${periodName(before.period)}.`);
    }
  } else if (now) out.push('There is no earlier period in the data to compare with.');
  const rp = report.reportPeriod;
  if (rp && !rp.complete) out.push(`${periodName(rp.label)} is not over yet: the data ends ${formatInstant(report.period.asOf)}.`);
  const open = rp ? rp.open : null;
  if (open) {
    out.push(
      `${formatCount(open)} ticket${open === 1 ? ' was' : 's were'} still open at ${formatInstant(report.period.asOf)} (the as-of time); ${open === 1 ? 'its' : 'their'} resolution counts as taking at least that long (censored), not dropped.`,
    );
  }
  const failed = report.gates.filter((g) => !g.passed);
  if (report.gates.length) out.push(gatesSentence(failed.length, report.gates.length));
  return out;
}

/**
 * How long the reference waited, on each metric it has a median for; a metric without one is said
 * to be unmeasured (never "no measurable time", which reads as none at all).
 */
function referenceSentence(reference: string, ref: ChannelReport): string {
  const waited = [
    ref.firstResponse.median === null ? null : `${durationWords(ref.firstResponse.median, ref.firstResponse.bound, slaEdges(ref, 'firstResponse'))} for a first response`,
    ref.resolution.median === null ? null : `${durationWords(ref.resolution.median, ref.resolution.bound, slaEdges(ref, 'resolution'))} for resolution`,
  ].filter((w): w is string => w !== null);
  const missing = [ref.firstResponse.median === null ? 'first-response' : null, ref.resolution.median === null ? 'resolution' : null].filter((w): w is string => w !== null);
  const none = missing.length ? ` No ${reference} ticket has a measurable ${missing.join(' or ')} time.` : '';
  if (!waited.length) return none.trim();
  return `${reference} (the reference) waited ${waited.join(' and ')} (medians, counting tickets not yet answered or resolved as still waiting).${none}`;
}

/** A median in words: `3h 43m`, `at least 9d 21h` when it is only a lower bound. */
export function durationWords(seconds: number | null, bound: Bound | null, targets: Edges = []): string {
  return seconds === null ? 'no measurable time' : boundedDurationWords(seconds, bound === 'lower' ? bound : null, targets);
}

/**
 * One channel against the reference on first response, with the finding's verdict: a gap is
 * only called a gap when the findings call it significant. A channel without a ratio is still
 * described: its median (or bound) and why there is no ratio, read from the medians' bounds as
 * the ratio itself was (measure/estimate.ts: no ratio without both medians, nor of two lower bounds).
 */
export function channelSentence(c: ChannelReport, reference: string, ref: ChannelReport | null, judged: Finding | null = null, edges: Edges = []): string {
  const v = c.vsReference;
  const mine = c.firstResponse;
  if (mine.median === null) return `${c.channel}: no ticket has a measurable first-response time, so there is nothing to compare with ${reference}.`;
  const head = `${c.channel}: first response ${durationWords(mine.median, mine.bound, slaEdges(c, 'firstResponse'))}`;
  if (!v || !ref) return `${head}.`; // the sentence before says there is no reference
  // a significant finding whose number is not the raw ratio (none overall, or the other way): its own number, like for like
  // (said with what it compares: like for like, or a lower percentile when neither median is reached)
  const alike = judged?.significant && judged.effect !== null ? `${speedThan(judged.effect, effectBound(judged), reference, edges)} ${effectScope(judged) || 'like for like'} (significant)` : null;
  // ("no ratio to phone overall" beside a like-for-like number; "no ratio of medians to phone"
  // beside the raw view's lower percentile)
  const alikeView = judged?.details?.['view'] === 'like-for-like';
  const noRatioTo = !alike ? `no ratio to ${reference}` : alikeView ? `no ratio to ${reference} overall` : `no ratio of medians to ${reference}`;
  if (v.firstResponseRatio === null) {
    const theirs = ref.firstResponse;
    if (theirs.median === null) return `${head}; ${reference} has no ticket with a measurable first-response time, so there is no ratio.`;
    if (mine.bound === 'lower' && theirs.bound === 'lower') {
      return `${head}; ${noRatioTo}: half or more of the tickets of both ${c.channel} and ${reference} are still unanswered as far as the data reach, so neither median is known${alike ? `; but ${alike}` : ''}.`;
    }
    return `${head}; ${alike && !alikeView ? noRatioTo : `no ratio to ${reference}`} can be estimated${alike ? `${alikeView ? ' overall' : ''}; but ${alike}` : ''}.`;
  }
  // (every multiple on its side of the tolerance band's edges, as the table's cells and the findings)
  const words = speedWords(v.firstResponseRatio, v.firstResponseBound, edges);
  const than = speedThan(v.firstResponseRatio, v.firstResponseBound, reference, edges);
  switch (v.firstResponseVerdict) {
    case 'preference':
      // significant like for like only (the mix hides the gap overall): the significant number is
      // the finding's, the raw ratio is the overall one
      if (alike && verdictLikeForLikeOnly(judged)) return `${head}, ${alike}, ${words} overall.`;
      return `${head}, ${than} (significant).`;
    case 'within-tolerance':
      // the judge decided on the like-for-like ratio when there is one (the finding's effect): the
      // raw ratio (1.43× slower) is not itself "within the tolerance band", so both are named
      if (judged?.details?.['view'] === 'like-for-like' && judged.effect !== null && speedWords(judged.effect, null, edges) !== words) {
        // (at a lower percentile when no comparable cell has a ratio of medians: effectScope says so)
        return `${head}, about as fast as ${reference} ${effectScope(judged)} (${speedWords(judged.effect, null, edges)} within the tolerance band once tickets of the same kind are compared, ${words} overall).`;
      }
      return `${head}, about as fast as ${reference} (${words}, within the tolerance band).`;
    case 'case-mix':
      if (alike) return `${head}, ${than} overall, but ${alike}: the mix of tickets turns the gap around.`;
      return `${head}, ${than} overall, but not like for like: the gap comes from the mix of tickets.`;
    case 'insufficient-data':
      return `${head}, ${than}, but too few tickets to judge.`;
    case 'no-preference':
      return `${head}, ${than}, but not conclusive.`;
    default:
      return `${head}, ${than}.`;
  }
}

import { findingEvidence } from './evidence.js';

export { findingEvidence };

/** The badge of a finding: its verdict in words (never "significant" unless it is). */
export function findingLabel(f: Finding): string {
  if (f.kind === 'data-quality') return 'data quality';
  if (f.kind === 'response-theatre' && f.verdict === 'info') return 'response theatre';
  if (f.significant) return 'significant';
  if (f.verdict === 'info') return 'note';
  return VERDICT_WORDS[f.verdict];
}

/** The tone of a finding's badge: red for significant, green only for within tolerance, neutral otherwise. */
export function findingTone(f: Finding): 'significant' | 'fine' | 'insufficient' | 'note' {
  if (f.significant) return 'significant';
  if (f.verdict === 'within-tolerance') return 'fine';
  if (f.verdict === 'insufficient-data' || f.kind === 'data-quality') return 'insufficient';
  return 'note';
}

/** Channels that appear in any period, in the canonical order. */
export function trendChannels(periods: readonly PeriodReport[]): Channel[] {
  return CHANNELS.filter((c) => periods.some((p) => p.channels.some((pc) => pc.channel === c)));
}

/** One channel's cell of a trend table, in plain text: its median, its change, and "n=3, too few" when it has too few. */
export interface TrendCell {
  median: string;
  change: string | null;
  thin: string | null;
}

/** A trend table of one metric in plain text (each renderer escapes and lays it out): a row per period, a column per channel, then the reference gap. */
export interface TrendView {
  /** Month, Week, Quarter. */
  unit: string;
  /** Unanswered (first response) or Open (resolution): the tickets still waiting in the metric. */
  waitingHead: string;
  channels: Channel[];
  gapHead: string;
  rows: Array<{ current: boolean; label: string; tickets: string; waiting: string; cells: Array<TrendCell | null>; gap: string; gapChange: string }>;
}

/** The trend of `metric` as every renderer shows it (Markdown, HTML, the terminal table). */
export function trendView(report: Report, metric: 'firstResponse' | 'resolution'): TrendView {
  const periods = report.periods ?? [];
  const channels = trendChannels(periods);
  const key = metric === 'firstResponse' ? 'firstResponseMedian' : 'resolutionMedian';
  const boundKey = metric === 'firstResponse' ? 'firstResponseBound' : 'resolutionBound';
  const rows = periods.map((p) => {
    const cells = channels.map((c): TrendCell | null => {
      const pc = p.channels.find((x) => x.channel === c);
      if (!pc) return null;
      const change = pc.change?.[key];
      // (the metric's own count, as the gates count: a ticket answered before it was created is not in it)
      const enough = metric === 'firstResponse' ? pc.firstResponseEnough : pc.resolutionEnough;
      return {
        // (beside the channel's SLA target as the channel table writes it: 3,601 s is `1h 0m 1s` beside 1h)
        median: formatBoundedDuration(pc[key], pc[boundKey], slaEdges(report.channels.find((x) => x.channel === c), metric)),
        change: change !== null && change !== undefined ? signedDuration(change) : null,
        thin: enough ? null : `n=${formatCount(metric === 'firstResponse' ? pc.firstResponseN : pc.resolutionN)}, too few`,
      };
    });
    const gap = p.referenceGap[metric];
    return {
      current: p.current,
      label: `${p.period}${p.complete ? '' : ' (to date)'}`,
      tickets: formatCount(p.tickets),
      // (the tickets still waiting in the metric the table is of: unanswered for first response, open for resolution)
      waiting: formatCount(stillWaiting(p, metric)),
      cells,
      gap: gap ? `${gap.bound === 'lower' ? '≥ ' : gap.bound === 'upper' ? '≤ ' : ''}${gapDuration(gap.gap, gap.bound ?? null)} (${gap.channel})` : '—',
      gapChange: gap ? signedDuration(gap.change) : '—',
    };
  });
  return { unit: unitName(report), waitingHead: metric === 'firstResponse' ? 'Unanswered' : 'Open', channels, gapHead: `Gap: ${report.reference} − fastest`, rows };
}

/** The data-quality example in words. */
export function exampleText(dq: DataQualityEntry): string {
  if (!dq.example) return '';
  return `${dq.example.file}:${dq.example.line}${dq.example.column ? ` (${dq.example.column})` : ''}: ${dq.example.detail}`;
}

/** How the numbers are made, ending with the clock the report's durations are in (its settings, not the configuration's). */
export function methodNote(report: Report): string {
  return `Medians are Kaplan–Meier estimates: a ticket not answered (or not resolved) by the as-of time counts as having waited at least its age, not as missing; “at least” (≥) marks a median not reached, a lower bound. The answered-only median is the plain median of answered tickets, as helpdesk dashboards show it. Ratios are a channel’s median over the reference’s (below 1 = faster than the reference); the verdict beside a ratio is the finding’s. ${clockSentence(report)}`;
}

export function generatedLine(report: Report): string {
  return `Generated by ${report.tool.name} ${report.tool.version}${report.generatedAt ? ` at ${report.generatedAt}` : ''}${report.redacted ? '; customer ids and handles are pseudonymised' : ''}.`;
}

// ───────────────────────────── Markdown ─────────────────────────────

/**
 * Data-derived text made inert for GitHub Markdown: line breaks become spaces; the characters
 * that make emphasis, code, links, inline HTML, entities, strikethrough, table cells or math
 * (`\ ` * _ [ ] < > | # ~ & $`: GitHub renders `$…$` as LaTeX, where `\color` and `\huge` restyle
 * the page) are backslash-escaped anywhere, and a leading `- `, `+ `, `1. ` or a line of
 * `=` that could start a list or heading is escaped too. Plain punctuation elsewhere is left readable.
 */
export function escapeMarkdown(text: string): string {
  return defuseMarkdown(text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]#|~&$]/g, (ch) => `\\${ch}`))
    .replace(/^(\s*)([-+])(?=\s)/, '$1\\$2')
    .replace(/^(\s*)(=+\s*)$/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])(?=\s)/, '$1$2\\$3');
}

/** A Markdown table; cells are already escaped or formatted. */
function table(head: string[], rows: string[][], align: Array<'l' | 'r'> = []): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const rule = head.map((_, k) => (align[k] === 'r' ? '---:' : '---'));
  return [line(head), line(rule), ...rows.map(line)].join('\n');
}

const e = escapeMarkdown;

function channelRows(report: Report): string[][] {
  const ref = report.reference;
  const edges = toleranceEdges(report.settings.tolerance);
  return report.channels.map((c: ChannelReport) => {
    const isRef = c.channel === ref;
    const v = c.vsReference;
    const firstTargets = slaEdges(c, 'firstResponse');
    const resolutionTargets = slaEdges(c, 'resolution');
    return [
      isRef ? `**${e(c.channel)}** (ref)` : e(c.channel),
      formatCount(c.tickets),
      formatAnsweredShare(c),
      formatBoundedDuration(c.firstResponse.median, c.firstResponse.bound, firstTargets),
      formatMedianCi(c.firstResponse.ci95, c.firstResponse.bound, firstTargets),
      formatBoundedDuration(c.firstResponse.p90, c.firstResponse.p90Bound, firstTargets),
      isRef ? 'ref' : v ? ratioWithVerdict(v.firstResponseRatio, v.firstResponseBound, v.firstResponseVerdict, edges, rowLikeForLikeOnly(v, 'firstResponse')) : '—',
      durationBeside(c.firstResponse.answeredMedian, 'nearest', firstTargets),
      formatResolvedShare(c),
      formatBoundedDuration(c.resolution.median, c.resolution.bound, resolutionTargets),
      formatMedianCi(c.resolution.ci95, c.resolution.bound, resolutionTargets),
      formatBoundedDuration(c.resolution.p90, c.resolution.p90Bound, resolutionTargets),
      isRef ? 'ref' : v ? ratioWithVerdict(v.resolutionRatio, v.resolutionBound, v.resolutionVerdict, edges, rowLikeForLikeOnly(v, 'resolution')) : '—',
    ];
  });
}

function bandRows(bands: readonly BandReport[]): string[][] {
  return bands.map((b) => [
    e(b.band),
    formatCount(b.tickets),
    e(Object.entries(b.channels).map(([ch, n]) => `${ch} ${formatCount(n)}`).join(', ')),
    formatAnsweredShare(b),
    formatBoundedDuration(b.firstResponse.median, b.firstResponse.bound),
    formatMedianCi(b.firstResponse.ci95, b.firstResponse.bound),
    formatBoundedDuration(b.firstResponse.p90, b.firstResponse.p90Bound),
    formatBoundedDuration(b.resolution.median, b.resolution.bound),
    formatMedianCi(b.resolution.ci95, b.resolution.bound),
  ]);
}

/** The --by table's rows: one per value, largest first; untested groups marked ·. */
function byRows(by: ByReport, edges: Edges): string[][] {
  return by.groups.map((g) => {
    const isRef = g.isReference;
    const v = g.vsReference;
    return [
      isRef ? `**${e(byLabel(g))}** (ref)` : `${e(byLabel(g))}${g.tested ? '' : ' ·'}`,
      formatCount(g.tickets),
      formatAnsweredShare(g),
      formatBoundedDuration(g.firstResponse.median, g.firstResponse.bound),
      formatMedianCi(g.firstResponse.ci95, g.firstResponse.bound),
      isRef ? 'ref' : v ? ratioWithVerdict(v.firstResponseRatio, v.firstResponseBound, v.firstResponseVerdict, edges, rowLikeForLikeOnly(v, 'firstResponse')) : '—',
      formatResolvedShare(g),
      formatBoundedDuration(g.resolution.median, g.resolution.bound),
      formatMedianCi(g.resolution.ci95, g.resolution.bound),
      isRef ? 'ref' : v ? ratioWithVerdict(v.resolutionRatio, v.resolutionBound, v.resolutionVerdict, edges, rowLikeForLikeOnly(v, 'resolution')) : '—',
    ];
  });
}

/** A period's tickets still waiting in `metric` at its as-of time (measure/periods.ts): unanswered, or open. */
export function stillWaiting(p: PeriodReport, metric: 'firstResponse' | 'resolution'): number | null {
  return metric === 'firstResponse' ? p.unanswered : p.open;
}

/** Trend table of one metric: a row per period, a column per channel, then the reference gap. */
function trendTable(report: Report, metric: 'firstResponse' | 'resolution'): string {
  const view = trendView(report, metric);
  const head = [view.unit, 'Tickets', view.waitingHead, ...view.channels.map((c) => e(c)), e(view.gapHead), 'Gap change'];
  const rows = view.rows.map((r) => [
    r.current ? `**${e(r.label)}**` : e(r.label),
    r.tickets,
    r.waiting,
    ...r.cells.map((x) => (x ? `${x.median}${x.change ? ` (${x.change})` : ''}${x.thin ? ` (${x.thin})` : ''}` : '—')),
    e(r.gap),
    r.gapChange,
  ]);
  return table(head, rows, ['l', 'r', 'r', ...view.channels.map(() => 'r' as const), 'r', 'r']);
}

export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  const ref = report.reference;
  out.push(`# ${e(reportTitle(report))}`, '');
  out.push(e(scopeSentence(report)), '');

  out.push('## Summary', '');
  for (const s of summarySentences(report)) out.push(`- ${e(s)}`);
  out.push('');

  out.push('## Channels', '');
  out.push(
    table(
      ['Channel', 'Tickets', 'Answered', 'First response median', '95% CI', 'p90', `vs ${e(ref)}`, 'Answered-only median', 'Resolved', 'Resolution median', '95% CI', 'p90', `vs ${e(ref)}`],
      channelRows(report),
      ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
  );
  out.push('');

  if (report.channels.some((ch) => ch.sla)) {
    out.push(`## ${e(slaTitle(report))}`, '');
    const cells = (s: SlaSummary | null | undefined): string[] => [e(formatSlaTarget(s)), formatCount(s?.met), formatCount(s?.breached), formatCount(s?.notYetDue), formatShare(s?.attainment)];
    const counts = ['Met', 'Breached', 'Not yet due', 'Attainment'];
    out.push(
      table(
        ['Channel', 'First response target', ...counts, 'Resolution target', ...counts],
        report.channels.map((ch) => [e(ch.channel), ...cells(ch.sla?.firstResponse), ...cells(ch.sla?.resolution)]),
        ['l', 'l', 'r', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r'],
      ),
    );
    out.push('');
  }

  const bands = report.followerBands.filter((b) => b.tickets > 0);
  if (bands.some((b) => b.band !== 'unknown')) {
    out.push('## Follower bands', '');
    out.push(table(['Band', 'Tickets', 'Channels', 'Answered', 'First response median', '95% CI', 'p90', 'Resolution median', '95% CI'], bandRows(bands), ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r']));
    out.push('');
  }

  if (report.periods && report.periods.length) {
    const unit = unitName(report).toLowerCase();
    out.push(`## Trend by ${unit}`, '');
    out.push(`Medians per ${unit}; in brackets the change since the ${unit} before. The gap is ${e(ref)}’s median minus the fastest other channel’s.`, '');
    out.push('### First response', '', trendTable(report, 'firstResponse'), '');
    out.push('### Resolution', '', trendTable(report, 'resolution'), '');
  }

  if (report.by) {
    const by = report.by;
    out.push(`## ${e(byTitle(by))}`, '');
    if (by.groups.length) {
      const vs = `vs ${e(referenceLabel(by) ?? 'ref')}`;
      out.push(table([e(by.field), 'Tickets', 'Answered', 'First response median', '95% CI', vs, 'Resolved', 'Resolution median', '95% CI', vs], byRows(by, toleranceEdges(report.settings.tolerance)), ['l', 'r', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'l']), '');
    }
    for (const note of byNotes(by, report.settings.minSample)) out.push(e(note), '');
  }

  out.push('## Findings', '');
  if (report.findings.length === 0) out.push('No findings.');
  for (const f of report.findings) {
    out.push(`- **${e(findingLabel(f))}**: ${e(f.message)}`);
    for (const [label, value] of findingEvidence(f, toleranceEdges(report.settings.tolerance), (group, metric) => slaEdges(report.channels.find((c) => c.channel === group), metric))) out.push(`  - ${e(label)}: ${e(value)}`);
  }
  out.push('');

  if (report.gates.length) {
    out.push('## Gates', '');
    out.push(
      table(
        ['Result', 'Gate', 'Outcome', 'Detail'],
        report.gates.map((g) => [g.passed ? 'pass' : '**FAIL**', e(g.expression), e(gateMessage(g)), e(gateDetail(g) ?? '')]),
      ),
    );
    out.push('');
  }

  const input = report.input;
  out.push('## Data quality', '');
  out.push(`${formatCount(input.rowsRead)} row${input.rowsRead === 1 ? '' : 's'} read: ${formatCount(input.rowsUsed)} used, ${formatCount(input.rowsRejected)} rejected.`, '');
  if (input.dataQuality.length) {
    out.push(table(['Severity', 'Problem', 'Rows', 'Example'], input.dataQuality.map((dq) => [e(dq.severity), e(dq.kind), formatCount(dq.count), e(exampleText(dq))]), ['l', 'l', 'r', 'l']));
    out.push('');
  }
  if (input.channelValues.length) {
    out.push(`Channel values in the export and how they were read${report.reportPeriod ? ` (tickets of ${e(periodName(report.reportPeriod.label))})` : ''}:`, '');
    const values = firstValues(input.channelValues);
    out.push(table(['Value', 'Channel', 'Tickets'], values.shown.map((v) => [e(v.label ?? v.raw), e(v.channel), formatCount(v.count)]), ['l', 'l', 'r']));
    if (values.more) out.push('', `And ${moreValues(values.more, values.moreCount)}: the JSON report lists them all.`);
    out.push('');
  }
  if (input.unknownChannels.length) {
    const unknown = firstValues(input.unknownChannels);
    const rest = unknown.more ? `, and ${moreValues(unknown.more, unknown.moreCount)}` : '';
    out.push(`Unknown channel values read as other: ${unknown.shown.map((u) => `${e(u.label ?? u.raw)} (${formatCount(u.count)})`).join(', ')}${rest}. Map them with "channels" in the configuration.`, '');
  }
  for (const note of input.notes) out.push(`- Note: ${e(note)}`);
  if (input.notes.length) out.push('');

  out.push('---', '');
  out.push(`_${e(methodNote(report))}_`, '');
  out.push(`_${e(generatedLine(report))}_`);
  return `${out.join('\n')}\n`;
}
