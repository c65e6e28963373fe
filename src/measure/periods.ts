/**
 * Cutting tickets by period (ISO week, calendar month, quarter) in the configured time zone, and
 * what the monthly report measures per period: per-channel medians, ratios to the reference,
 * the reference gap and the change since the previous period — with the audit's own estimate
 * (summary.ts) and comparison engine (compare.ts), so the trend's latest point is the audit's
 * number.
 *
 * A ticket belongs to the period its creation time falls in (local time in `timeZone`). Tickets
 * still open are censored at the as-of time of the whole export, whatever period they are in.
 *
 * A period is measured from its channels' groups (source.ts), so the trend reads either producer:
 * the period's tickets in-process (measurePeriods), or a count table of the period made where
 * the tickets live (pipeline.ts, one count query per period).
 */
import { TZDate } from '@date-fns/tz/date';
import { ParityError } from '../errors.js';
import { CHANNELS, type Channel } from '../model.js';
import { OPEN, RESOLVED, subsetTable, type TicketTable } from '../normalise/table.js';
import { byChannel } from './groups.js';
import { compareRaw } from './compare.js';
import { gapOfEstimates, type Bound } from './estimate.js';
import { medianOf, Samples, type Metric } from './sample.js';
import type { GroupSource } from './source.js';
import { openCount, selfRatio, summarise } from './summary.js';
import type { PeriodChannel, PeriodReport, PeriodUnit, ReferenceGap } from '../report.js';

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
  // (years before 1000: JavaScript's dates read a year below 100 as 19xx, so 0099-05 would be May 1999)
  if (month < 0 || month > 11 || year < 1000) return null;
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
export interface PeriodPlanRequest {
  unit: PeriodUnit;
  timeZone: string;
  focus: { start: number | null; end: number | null } | null;
  previous: number;
  earliestCreated: number;
  latestCreated: number;
  /**
   * The as-of time: with no focus, the default is the latest period that is complete (ends at
   * or before it) and has tickets, so a report is not written on a month that has barely begun.
   * Without it (or when no complete period has tickets), the period of the latest ticket.
   */
  asOf?: number;
}

export function planPeriods(options: PeriodPlanRequest): PeriodPlan {
  const { unit, timeZone: zone } = options;
  let focus: PeriodPlan['focus'];
  if (!options.focus) {
    let span = periodContaining(unit, options.latestCreated, zone);
    if (options.asOf !== undefined && options.asOf < span.end) {
      const before = previousPeriod(unit, span, zone);
      // the period before it is complete; take it when it has tickets
      if (options.earliestCreated < before.end) span = before;
    }
    focus = { ...span, custom: false };
  } else {
    const start = options.focus.start ?? options.earliestCreated;
    const end = options.focus.end ?? Math.floor(options.latestCreated) + 1;
    if (end <= start) {
      // --since after the data's last ticket, or --until before its first: a period that runs backwards
      throw new ParityError(`the period ${isoDate(start, zone)} to ${isoDate(end - 1, zone)} runs backwards: it holds no ticket`, {
        hint: `the data has tickets created ${isoDate(options.earliestCreated, zone)} to ${isoDate(options.latestCreated, zone)} (${zone}); choose a period in that range`,
      });
    }
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


function difference(a: number | null, b: number | null | undefined): number | null {
  return a === null || b === null || b === undefined ? null : a - b;
}

/** What the trend needs from the settings. */
export interface TrendSettings {
  reference: Channel;
  minSample: number;
}

/**
 * The reference gap of one metric: the reference's median minus that of the other channel
 * served fastest, among channels with at least minSample tickets (a thin channel is shown, not
 * headlined) whose median was reached (a median not reached is at least its value: a channel
 * that answered nobody is never "the fastest"). Bounds travel: a gap or ratio built on the
 * reference's median not reached is a bound; a median under a second bounds the ratio only.
 */
function referenceGap<G>(
  samples: GroupSource<G, never>,
  groups: ReadonlyMap<Channel, G>,
  channels: readonly PeriodChannel[],
  settings: TrendSettings,
  metric: Metric,
): Omit<ReferenceGap, 'change'> | null {
  const refIndices = groups.get(settings.reference);
  const ref = channels.find((c) => c.channel === settings.reference);
  const enough = (c: PeriodChannel): boolean => (metric === 'firstResponse' ? c.firstResponseEnough : c.resolutionEnough);
  if (!refIndices || !ref || !enough(ref)) return null;
  const median = (c: PeriodChannel): number | null => (metric === 'firstResponse' ? c.firstResponseMedian : c.resolutionMedian);
  // a median not reached is only a lower bound: such a channel cannot be said to be the fastest
  const bounded = (c: PeriodChannel): boolean => Boolean(metric === 'firstResponse' ? c.firstResponseBound : c.resolutionBound);
  let best: PeriodChannel | null = null;
  for (const c of channels) {
    const value = median(c);
    if (c.channel === settings.reference || value === null || !enough(c) || bounded(c)) continue;
    if (!best || value < (median(best) as number)) best = c;
  }
  if (!best) return null;
  const other = groups.get(best.channel) as G;
  const gap = gapOfEstimates(medianOf(samples.of(refIndices), metric), medianOf(samples.of(other), metric));
  if (gap.value === null) return null;
  const view = compareRaw(samples, refIndices, other, metric);
  // Each number carries its own bound: a median under a second makes the ratio a bound (it divides
  // by at least one second) but not the gap, a difference of two medians the data give exactly
  // (the gate gap(...) reads the same gapOfEstimates).
  return { channel: best.channel, gap: gap.value, ratio: view.ratio, bound: gap.bound ?? null, ratioBound: view.bound ?? null };
}

/**
 * The sample-size rule of the gates and findings (a metric's n, not the channel's tickets), per
 * metric, and whether every metric measured (n above 0) meets it.
 */
export function enoughOf(firstResponseN: number, resolutionN: number, minSample: number): Pick<PeriodChannel, 'firstResponseEnough' | 'resolutionEnough' | 'enough'> {
  const firstResponseEnough = firstResponseN >= minSample;
  const resolutionEnough = resolutionN >= minSample;
  const enough = (firstResponseN > 0 || resolutionN > 0) && (firstResponseN === 0 || firstResponseEnough) && (resolutionN === 0 || resolutionEnough);
  return { firstResponseEnough, resolutionEnough, enough };
}

/**
 * Per-channel numbers of one period's tickets, from the period's channel groups (either
 * producer): the same summaries and comparison engine as the audit.
 */
export function measurePeriod<G>(groups: ReadonlyMap<Channel, G>, samples: GroupSource<G, never>, span: PeriodSpan, current: boolean, settings: TrendSettings, asOf: number): PeriodReport {
  const ref = groups.get(settings.reference);
  const channels: PeriodChannel[] = [];
  let tickets = 0;
  // the resolution estimates' tickets and the resolved among them, over every channel
  let resolutionN = 0;
  let resolved = 0;
  // and the first-response estimates' tickets and the answered among them (the trend tables'
  // tickets still waiting in each metric)
  let firstResponseN = 0;
  let answered: number | null = 0;
  for (const channel of CHANNELS) {
    const members = groups.get(channel);
    if (members === undefined) continue;
    const durations = samples.of(members);
    const s = summarise(durations);
    tickets += durations.tickets;
    resolutionN += s.resolution.n;
    resolved += s.resolution.resolved ?? 0;
    firstResponseN += s.firstResponse.n;
    answered = answered === null || s.answered === null ? null : answered + s.answered;
    // the reference against itself is 1 by definition, as the audit's table has it (measure/summary.ts
    // selfRatio), also when its median is only a bound (a comparison of two bounds would give
    // none), and unknown on a metric it has no tickets to measure
    const self = channel === settings.reference ? selfRatio(s) : null;
    const first = self ? { ratio: self.firstResponseRatio, bound: null } : ref !== undefined ? compareRaw(samples, members, ref, 'firstResponse') : null;
    const resolution = self ? { ratio: self.resolutionRatio, bound: null } : ref !== undefined ? compareRaw(samples, members, ref, 'resolution') : null;
    channels.push({
      channel,
      tickets: durations.tickets,
      answered: s.answered,
      open: openCount(durations.tickets, s.resolution.n, s.resolution.resolved),
      unanswered: openCount(durations.tickets, s.firstResponse.n, s.answered),
      firstResponseMedian: s.firstResponse.median,
      firstResponseBound: s.firstResponse.bound,
      resolutionMedian: s.resolution.median,
      resolutionBound: s.resolution.bound,
      answeredMedian: s.firstResponse.answeredMedian,
      firstResponseRatio: first?.ratio ?? null,
      firstResponseRatioBound: first?.bound ?? null,
      resolutionRatio: resolution?.ratio ?? null,
      resolutionRatioBound: resolution?.bound ?? null,
      firstResponseN: s.firstResponse.n,
      resolutionN: s.resolution.n,
      ...enoughOf(s.firstResponse.n, s.resolution.n, settings.minSample),
      change: null,
    });
  }
  const first = referenceGap(samples, groups, channels, settings, 'firstResponse');
  const resolution = referenceGap(samples, groups, channels, settings, 'resolution');
  return {
    period: span.label,
    from: new Date(span.start * 1000).toISOString(),
    to: new Date(span.end * 1000).toISOString(),
    current,
    complete: asOf >= span.end,
    tickets,
    open: openCount(tickets, resolutionN, resolved),
    unanswered: openCount(tickets, firstResponseN, answered),
    channels,
    referenceGap: {
      firstResponse: first ? { ...first, change: null } : null,
      resolution: resolution ? { ...resolution, change: null } : null,
    },
  };
}

/**
 * The trend of a plan: one PeriodReport per period, oldest first, ending with the period of
 * interest; each with the change since the period before it (null for the first, for a
 * channel or gap absent from either period, for a channel with too few tickets in the period,
 * or when either value is only a bound).
 */
export function measurePeriods(table: TicketTable, plan: PeriodPlan, settings: TrendSettings, asOf: number): PeriodReport[] {
  const spans = [...plan.previous, plan.focus];
  const indices = indicesBySpan(table, spans);
  return withChanges(
    spans.map((span, k) => {
      const sub = subsetTable(table, indices[k] as Uint32Array);
      return measurePeriod(byChannel(sub), new Samples(sub, asOf), span, k === spans.length - 1, settings, asOf);
    }),
    settings.reference,
  );
}

/**
 * The periods of a trend, oldest first, each with the change since the period before it (null
 * for the first, for a channel or gap absent from either period, for a channel with fewer than
 * minSample tickets in the period — `enough` false, shown as "too few" — or when either value
 * is only a bound). Every renderer shows these changes as they are.
 */
export function withChanges(periods: PeriodReport[], reference: Channel): PeriodReport[] {
  const exact = (value: number | null, bound: Bound | null): number | null => (bound ? null : value);
  const referenceEnough = (p: PeriodReport): boolean => p.channels.some((c) => c.channel === reference && c.firstResponseEnough);
  for (let k = 1; k < periods.length; k++) {
    const before = periods[k - 1] as PeriodReport;
    const now = periods[k] as PeriodReport;
    // a ratio's change needs its reference with enough tickets in both periods, as its own channel
    const ratios = referenceEnough(before) && referenceEnough(now);
    for (const c of now.channels) {
      const prior = before.channels.find((p) => p.channel === c.channel);
      // a metric with too few tickets in the period (or in the one before) is shown, not
      // compared: no change either (a change from a handful of tickets is noise), by the
      // gates' and findings' count, the metric's n
      if (!prior) continue;
      const first = c.firstResponseEnough && prior.firstResponseEnough;
      const resolution = c.resolutionEnough && prior.resolutionEnough;
      if (!first && !resolution) continue;
      c.change = {
        firstResponseMedian: first ? difference(exact(c.firstResponseMedian, c.firstResponseBound), exact(prior.firstResponseMedian, prior.firstResponseBound)) : null,
        resolutionMedian: resolution ? difference(exact(c.resolutionMedian, c.resolutionBound), exact(prior.resolutionMedian, prior.resolutionBound)) : null,
        firstResponseRatio: first && ratios ? difference(exact(c.firstResponseRatio, c.firstResponseRatioBound), exact(prior.firstResponseRatio, prior.firstResponseRatioBound)) : null,
      };
    }
    for (const metric of ['firstResponse', 'resolution'] as const) {
      const gap = now.referenceGap[metric];
      const prior = before.referenceGap[metric];
      // the same two channels in both periods: a gap to another fastest channel is another question
      if (gap && !gap.bound && prior && !prior.bound && prior.channel === gap.channel) gap.change = gap.gap - prior.gap;
    }
  }
  return periods;
}

/** Tickets still open at the as-of time among all of `table`; null when none has a measurable resolution (openCount). */
export function openTickets(table: TicketTable): number | null {
  let open = 0;
  let resolved = 0;
  for (let i = 0; i < table.size; i++) {
    const state = table.resolutionState[i];
    if (state === OPEN) open++;
    else if (state === RESOLVED) resolved++;
  }
  return openCount(table.size, open + resolved, resolved);
}
