/**
 * Cutting tickets by period (ISO week, calendar month, quarter) in the configured time zone, and
 * what the monthly report measures per period: per-channel medians, ratios to the reference,
 * the reference gap and the change since the previous period. Also the first-response
 * distribution per channel that the report's box plots draw.
 *
 * A ticket belongs to the period its creation time falls in (local time in `timeZone`). Tickets
 * still open are censored at the as-of time of the whole export, whatever period they are in.
 */
import { TZDate } from '@date-fns/tz/date';
import { CHANNELS, type Channel } from '../model.js';
import { OPEN, type TicketTable } from '../normalise/table.js';
import { byChannel } from './groups.js';
import { quantileSorted } from './quantile.js';
import { gatherSample, summariseResolution, type GroupSample } from './summary.js';
import type { FirstResponseDistribution, PeriodChannel, PeriodReport, PeriodUnit, ReferenceGap, Report } from '../report.js';

export const PERIOD_UNITS: readonly PeriodUnit[] = ['week', 'month', 'quarter'];

/** A period: [start, end) in epoch seconds, with its label (`2026-10`, `2026-W40`, `2026-Q4`). */
export interface PeriodSpan {
  label: string;
  start: number;
  end: number;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Epoch seconds of local midnight on (year, month, day) in `zone`; overflowing fields roll over. */
function localMidnight(zone: string, year: number, month: number, day: number): number {
  return new TZDate(year, month, day, 0, 0, 0, zone).getTime() / 1000;
}

/** ISO week-numbering year and week of a local calendar date (month 0-based). */
function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  // Calendar arithmetic in UTC, where every day has 24 hours.
  const date = Date.UTC(year, month, day);
  const weekday = (new Date(date).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date + (3 - weekday) * 86400_000);
  const weekYear = thursday.getUTCFullYear();
  const dayOfYear = Math.round((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / 86400_000);
  return { year: weekYear, week: Math.floor(dayOfYear / 7) + 1 };
}

/** The period of `unit` that contains the instant `t` (epoch seconds), in `zone`. */
export function periodContaining(unit: PeriodUnit, t: number, zone: string): PeriodSpan {
  const local = TZDate.tz(zone, t * 1000);
  const year = local.getFullYear();
  const month = local.getMonth();
  const day = local.getDate();
  if (unit === 'month') {
    return { label: `${year}-${pad2(month + 1)}`, start: localMidnight(zone, year, month, 1), end: localMidnight(zone, year, month + 1, 1) };
  }
  if (unit === 'quarter') {
    const first = Math.floor(month / 3) * 3;
    return { label: `${year}-Q${first / 3 + 1}`, start: localMidnight(zone, year, first, 1), end: localMidnight(zone, year, first + 3, 1) };
  }
  const weekday = (local.getDay() + 6) % 7;
  const mondayDay = day - weekday;
  const iso = isoWeek(year, month, mondayDay);
  return {
    label: `${iso.year}-W${pad2(iso.week)}`,
    start: localMidnight(zone, year, month, mondayDay),
    end: localMidnight(zone, year, month, mondayDay + 7),
  };
}

/** The period after `span` (same unit). */
export function nextPeriod(unit: PeriodUnit, span: PeriodSpan, zone: string): PeriodSpan {
  return periodContaining(unit, span.end, zone);
}

/** The period before `span` (same unit). */
export function previousPeriod(unit: PeriodUnit, span: PeriodSpan, zone: string): PeriodSpan {
  return periodContaining(unit, span.start - 1, zone);
}

/** `2026-10` → that calendar month in `zone`, or null when the text is not a month. */
export function parseMonth(text: string, zone: string): PeriodSpan | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  if (month < 0 || month > 11) return null;
  return periodContaining('month', localMidnight(zone, year, month, 1), zone);
}

/** Which periods a report covers: the period of interest and the ones before it, oldest first. */
export interface PeriodPlan {
  unit: PeriodUnit;
  /** The period of interest (a unit period, or a custom range from --since/--until). */
  focus: PeriodSpan & { custom: boolean };
  /** Earlier periods for the trend, oldest first; the last one ends where `focus` starts or before. */
  previous: PeriodSpan[];
}

/**
 * Plans the periods of a report.
 * - `focus` null: the period that contains the latest creation time.
 * - `previous`: at most this many periods before the focus, none before the period of the
 *   earliest creation time (periods without tickets in between are kept, with zero tickets).
 * - A custom focus that is not one whole period: the trend is the whole periods ending on or
 *   before its start.
 */
export function planPeriods(options: {
  unit: PeriodUnit;
  timeZone: string;
  focus: { start: number | null; end: number | null } | null;
  previous: number;
  earliestCreated: number;
  latestCreated: number;
}): PeriodPlan {
  const { unit, timeZone: zone } = options;
  let focus: PeriodPlan['focus'];
  if (!options.focus) {
    focus = { ...periodContaining(unit, options.latestCreated, zone), custom: false };
  } else {
    const start = options.focus.start ?? options.earliestCreated;
    const end = options.focus.end ?? Math.floor(options.latestCreated) + 1;
    const whole = periodContaining(unit, start, zone);
    focus = whole.start === start && whole.end === end
      ? { ...whole, custom: false }
      : { label: `${isoDate(start, zone)} to ${isoDate(end - 1, zone)}`, start, end, custom: true };
  }
  const previous: PeriodSpan[] = [];
  const firstWithData = periodContaining(unit, options.earliestCreated, zone);
  let span = periodContaining(unit, focus.start - 1, zone);
  if (span.end > focus.start) span = previousPeriod(unit, span, zone);
  while (previous.length < options.previous && span.end > firstWithData.start) {
    previous.unshift(span);
    span = previousPeriod(unit, span, zone);
  }
  return { unit, focus, previous };
}

/** `2026-10-31`: the local calendar date of an instant in `zone`. */
export function isoDate(t: number, zone: string): string {
  const local = TZDate.tz(zone, t * 1000);
  return `${local.getFullYear()}-${pad2(local.getMonth() + 1)}-${pad2(local.getDate())}`;
}

/** Ticket indices created in each span ([start, end)); spans need not be contiguous. */
export function indicesBySpan(table: TicketTable, spans: readonly PeriodSpan[]): Uint32Array[] {
  const lists: number[][] = spans.map(() => []);
  for (let i = 0; i < table.size; i++) {
    const t = table.createdAt[i] as number;
    spans.forEach((span, k) => {
      if (t >= span.start && t < span.end) lists[k]!.push(i);
    });
  }
  return lists.map((l) => Uint32Array.from(l));
}

/**
 * The tickets at `indices` as a table of their own: every column is cut the same way, and the
 * dictionaries are shared, so codes keep their meaning. Generic over the columns so a column
 * added to the table is carried along.
 */
export function subsetTable(table: TicketTable, indices: ArrayLike<number>): TicketTable {
  const n = indices.length;
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(table) as Array<[string, unknown]>) {
    if (key === 'size') out[key] = n;
    else if (ArrayBuffer.isView(column) && !(column instanceof DataView)) {
      const source = column as unknown as { [k: number]: number; constructor: new (length: number) => { [k: number]: number } };
      const copy = new source.constructor(n);
      for (let k = 0; k < n; k++) copy[k] = source[indices[k] as number] as number;
      out[key] = copy;
    } else if (Array.isArray(column)) {
      out[key] = Array.from({ length: n }, (_, k) => column[indices[k] as number] as unknown);
    } else out[key] = column;
  }
  return out as unknown as TicketTable;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Plain sample median of answered first responses (R type 7 at 0.5), null when none. */
function sampleMedian(sorted: Float64Array): number | null {
  return sorted.length ? finite(quantileSorted(sorted, 0.5)) : null;
}

function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b <= 0 ? null : a / b;
}

function difference(a: number | null, b: number | null | undefined): number | null {
  return a === null || b === null || b === undefined ? null : a - b;
}

/** Tickets of one group still open at the as-of time (their resolution is censored there). */
function openCount(table: TicketTable, indices: ArrayLike<number>): number {
  let open = 0;
  for (let k = 0; k < indices.length; k++) if (table.resolutionState[indices[k] as number] === OPEN) open++;
  return open;
}

/** The largest preference for another channel over the reference in one metric. */
function referenceGap(channels: readonly PeriodChannel[], reference: Channel, metric: 'firstResponseMedian' | 'resolutionMedian'): Omit<ReferenceGap, 'change'> | null {
  const ref = channels.find((c) => c.channel === reference)?.[metric] ?? null;
  if (ref === null) return null;
  let best: PeriodChannel | null = null;
  for (const c of channels) {
    const value = c[metric];
    if (c.channel === reference || value === null) continue;
    if (!best || value < (best[metric] as number)) best = c;
  }
  if (!best) return null;
  const value = best[metric] as number;
  return { channel: best.channel, gap: ref - value, ratio: ratio(ref, value) };
}

/** Per-channel numbers of one period's tickets. */
function measurePeriod(table: TicketTable, indices: Uint32Array, span: PeriodSpan, current: boolean, reference: Channel, asOf: number): PeriodReport {
  const sub = subsetTable(table, indices);
  const groups = byChannel(sub);
  const samples = new Map<Channel, GroupSample>();
  for (const [channel, members] of groups) samples.set(channel, gatherSample(sub, members, asOf));
  const refSample = samples.get(reference);
  const refFirst = refSample ? sampleMedian(refSample.firstResponse) : null;
  const refResolution = refSample ? summariseResolution(refSample.resolutionTime, refSample.resolvedFlag).median : null;
  const channels: PeriodChannel[] = [];
  for (const channel of CHANNELS) {
    const members = groups.get(channel);
    const sample = samples.get(channel);
    if (!members || !sample) continue;
    const firstResponseMedian = sampleMedian(sample.firstResponse);
    const resolution = summariseResolution(sample.resolutionTime, sample.resolvedFlag);
    channels.push({
      channel,
      tickets: members.length,
      answered: sample.firstResponse.length,
      open: openCount(sub, members),
      firstResponseMedian,
      resolutionMedian: resolution.median,
      firstResponseRatio: ratio(firstResponseMedian, refFirst),
      resolutionRatio: ratio(resolution.median, refResolution),
      change: null,
    });
  }
  const first = referenceGap(channels, reference, 'firstResponseMedian');
  const resolution = referenceGap(channels, reference, 'resolutionMedian');
  return {
    period: span.label,
    from: new Date(span.start * 1000).toISOString(),
    to: new Date(span.end * 1000).toISOString(),
    current,
    complete: asOf >= span.end,
    tickets: indices.length,
    open: openTickets(sub),
    channels,
    referenceGap: {
      firstResponse: first ? { ...first, change: null } : null,
      resolution: resolution ? { ...resolution, change: null } : null,
    },
  };
}

/**
 * The trend of a plan: one PeriodReport per period, oldest first, ending with the period of
 * interest; each with the change since the period before it (null for the first, and for a
 * channel or gap absent from either period).
 */
export function measurePeriods(table: TicketTable, plan: PeriodPlan, reference: Channel, asOf: number): PeriodReport[] {
  const spans = [...plan.previous, plan.focus];
  const indices = indicesBySpan(table, spans);
  const periods = spans.map((span, k) => measurePeriod(table, indices[k] as Uint32Array, span, k === spans.length - 1, reference, asOf));
  for (let k = 1; k < periods.length; k++) {
    const before = periods[k - 1] as PeriodReport;
    const now = periods[k] as PeriodReport;
    for (const c of now.channels) {
      const prior = before.channels.find((p) => p.channel === c.channel);
      if (!prior) continue;
      c.change = {
        firstResponseMedian: difference(c.firstResponseMedian, prior.firstResponseMedian),
        resolutionMedian: difference(c.resolutionMedian, prior.resolutionMedian),
        firstResponseRatio: difference(c.firstResponseRatio, prior.firstResponseRatio),
      };
    }
    for (const metric of ['firstResponse', 'resolution'] as const) {
      const gap = now.referenceGap[metric];
      if (gap) gap.change = difference(gap.gap, before.referenceGap[metric]?.gap);
    }
  }
  return periods;
}

/**
 * First-response distribution per channel (answered tickets; R type-7 quantiles, so the
 * median is the channel table's median), for box plots.
 */
export function firstResponseDistributions(table: TicketTable, asOf: number): FirstResponseDistribution[] {
  const out: FirstResponseDistribution[] = [];
  const groups = byChannel(table);
  for (const channel of CHANNELS) {
    const members = groups.get(channel);
    if (!members) continue;
    const sorted = gatherSample(table, members, asOf).firstResponse;
    const q = (p: number): number | null => (sorted.length ? finite(quantileSorted(sorted, p)) : null);
    out.push({ channel, n: sorted.length, min: q(0), p10: q(0.1), p25: q(0.25), median: q(0.5), p75: q(0.75), p90: q(0.9), max: q(1) });
  }
  return out;
}

/** Tickets still open at the as-of time among all of `table`. */
export function openTickets(table: TicketTable): number {
  let open = 0;
  for (let i = 0; i < table.size; i++) if (table.resolutionState[i] === OPEN) open++;
  return open;
}

/** The report with its per-channel first-response distributions (chart data) from `table`. */
export function withDistributions(report: Report, table: TicketTable): Report {
  const asOf = report.period.asOf ? Date.parse(report.period.asOf) / 1000 : Number.POSITIVE_INFINITY;
  return { ...report, distributions: { firstResponse: firstResponseDistributions(table, asOf) } };
}
