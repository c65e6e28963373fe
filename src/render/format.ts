/**
 * Text formatting shared by the renderers: the project-wide number formats (src/format.ts) plus
 * the dates only renderers show. Formatting only: every number shown is already in the Report,
 * or (firstValues) how many of a Report list's values and tickets a cut-short list leaves out.
 */
import { tzOffset } from '@date-fns/tz/tzOffset';
import { isUtcZone } from '../normalise/time.js';
import { formatCount, formatDuration, formatShare } from '../format.js';
import type { Report, SlaSummary } from '../report.js';

export {
  boundedDurationWords, durationBeside, formatBoundedDuration, slaEdges, formatCount, formatDuration, formatInterval, formatMedianCi, formatP, formatRatio, formatShare, gateChangeValues, gateValues, speedWords,
} from '../format.js';

/**
 * A group's answered share: `67%`, or `67% of 3` when it is of fewer tickets than the group has
 * (a ticket whose first response cannot be measured — a negative time, noted under data
 * quality — is in the group but not in the share), so that the cell beside "Tickets 4" reads
 * right.
 */
export function formatAnsweredShare(group: { readonly tickets: number; readonly answeredShare: number | null; readonly firstResponse: { readonly n: number } }): string {
  const share = formatShare(group.answeredShare);
  return group.answeredShare !== null && group.firstResponse.n !== group.tickets ? `${share} of ${formatCount(group.firstResponse.n)}` : share;
}

/** A group's resolved share, likewise: `33% of 3` beside "Tickets 4" when one ticket's resolution cannot be measured. */
export function formatResolvedShare(group: { readonly tickets: number; readonly resolvedShare: number | null; readonly resolution: { readonly n: number } }): string {
  const share = formatShare(group.resolvedShare);
  return group.resolvedShare !== null && group.resolution.n !== group.tickets ? `${share} of ${formatCount(group.resolution.n)}` : share;
}

/**
 * A value from the data in quotes, as parity's messages quote one (`cannot read date "…"`). The
 * renderers get their text escaped already (sanitiseDeep: ESC is `\u001b`); JSON.stringify would
 * escape that escape a second time and show `\\u001b`, unlike every other output.
 */
export function quoted(text: string): string {
  return `"${text}"`;
}

/** `2026-10-31 14:05 UTC` from an ISO string. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The calendar date of an instant in `zone` (the run's --tz or timeZone; UTC by default): a
 * report on November in Berlin starts 2026-11-01, though its first instant is 31 October 23:00
 * UTC. Only the date is shown, so the zone is the one the periods were cut in.
 */
export function formatDate(iso: string | null | undefined, zone = 'UTC'): string {
  if (!iso) return '—';
  if (isUtcZone(zone)) return iso.slice(0, 10);
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso.slice(0, 10);
  // tzOffset: the zone's offset from UTC at that instant, in minutes
  return new Date(at.getTime() + tzOffset(zone, at) * 60_000).toISOString().slice(0, 10);
}

/**
 * How many values of a long list (channel values, unknown channel values) a human-readable
 * output shows: a file with a million distinct values must not print a million lines. The
 * JSON report keeps every value.
 */
export const SHOWN_VALUES = 20;

/** The first `limit` values of a list sorted by count, and how many values and tickets are left out. */
export function firstValues<T extends { count: number }>(values: readonly T[], limit = SHOWN_VALUES): { shown: readonly T[]; more: number; moreCount: number } {
  if (values.length <= limit) return { shown: values, more: 0, moreCount: 0 };
  let moreCount = 0;
  for (let k = limit; k < values.length; k++) moreCount += values[k]!.count;
  return { shown: values.slice(0, limit), more: values.length - limit, moreCount };
}

/** `… and 3 more values (12 tickets)`, or '' when nothing was left out. */
export function moreValues(more: number, moreCount: number, noun = 'tickets'): string {
  if (more === 0) return '';
  return `${more === 1 ? '1 more value' : `${formatCount(more)} more values`} (${formatCount(moreCount)} ${noun})`;
}

/**
 * An SLA target cell: the channel's (or default) target, then each priority target some of
 * its tickets were judged against with how many (`4h; urgent 30m (4)`); the channel's target
 * is left out when no ticket was judged against it.
 */
export function formatSlaTarget(s: SlaSummary | null | undefined): string {
  if (!s) return '—';
  const own = s.priorityTargets.map((p) => `${p.priority} ${formatDuration(p.target)} (${formatCount(p.tickets)})`);
  return [...(s.targetTickets > 0 || own.length === 0 ? [formatDuration(s.target)] : []), ...own].join('; ');
}

/** The SLA section's title: what the durations are measured in. */
export function slaTitle(report: Report): string {
  return `SLA attainment${report.settings.clock === 'business' ? ' (business hours)' : ''}`;
}

/**
 * The sentence that says what a duration counts: in business hours a day (`d`) is 24 open hours,
 * not a calendar day (`35d 20h` of open hours is some 107 working days of 8 hours), said so
 * beside every table of them.
 */
export function clockSentence(report: Report): string {
  return report.settings.clock === 'business'
    ? 'Durations are business-hours time: only open hours count, and a day (d) is 24 of them, not a calendar day.'
    : 'Durations are calendar time.';
}

/** ` (dates in Europe/Berlin)` beside dates shown in a zone other than UTC; '' in UTC. */
export function zoneNote(zone: string): string {
  return isUtcZone(zone) ? '' : ` (dates in ${zone})`;
}
