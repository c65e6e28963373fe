/**
 * Record → ticket. Applies a file's mapping to each record and returns either a canonical
 * ticket row (possibly with metric-level notes) or the reason it cannot be used. Pure: the
 * caller (pipeline) owns counting, duplicate ids and the rejects file.
 */
import type { Mapping, FieldBinding } from '../formats/bind.js';
import type { RawRecord } from '../read/source.js';
import type { TicketField } from '../model.js';
import { channelResolver, parseBoolean, type ChannelMeaning } from './channel.js';
import { parserFor, type TimestampParser, detectStyle } from './time.js';
import { classifyStatus } from './status.js';
import {
  ANSWERED, UNANSWERED, EXCLUDED, RESOLVED, OPEN, FLAG_ESCALATED, FLAG_SHOUTING, type TicketRow,
} from './table.js';
import type { RowIssue } from './issues.js';
import type { Channel, DurationUnit } from '../model.js';
import { DOT_READING, parseNumberText, type NumberReading } from './decimal.js';
import { formatDuration } from '../measure/duration.js';

/** Settings the row normaliser needs beyond the mapping. */
export interface RowContext {
  /** Raw channel value → channel (config `channels` mapping). */
  readonly channels: Readonly<Record<string, Channel>>;
  /** Epoch seconds; events after it are not yet known, tickets created after it are excluded. */
  readonly asOf: number | null;
  readonly since: number | null;
  readonly until: number | null;
  readonly capitalsShare: number;
  readonly exclamationRun: number;
  readonly escalationTags: readonly string[];
}

/** Result of one record: a ticket with notes, or a rejection. */
export type RowResult =
  | { ok: true; ticket: TicketRow; notes: RowIssue[]; latest: number }
  | { ok: false; issue: RowIssue };

const UNIT_SECONDS: Record<Exclude<DurationUnit, 'hms'>, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400, ms: 0.001 };

/**
 * A duration value in `unit` → seconds; null when unreadable. Empty is handled by the caller.
 * Numbers are read by the column's decimal reading (normalise/decimal.ts): `12,5` is 12.5 or
 * unreadable, never 125.
 */
export function parseDurationValue(text: string, unit: DurationUnit, reading: NumberReading = DOT_READING): number | null {
  const t = text.trim();
  if (unit === 'hms' || /^-?\d+:\d{2}(:\d{2}(\.\d+)?)?$/.test(t)) {
    const m = /^(-?)(\d+):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(t);
    if (!m) return null;
    const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60 + (m[4] ? Number(m[4]) : 0);
    return m[1] ? -seconds : seconds;
  }
  if (t === '') return null;
  const n = parseNumberText(t, reading);
  return n === null ? null : n * UNIT_SECONDS[unit];
}

/** Follower counts: `156924`, `156,924`, `15.6k`, `1.2M` (`15,6k` where the column's decimal is a comma). */
export function parseFollowers(text: string, reading: NumberReading = DOT_READING): number | null {
  const t = text.trim().toLowerCase().replace(/[_\s]/g, '');
  const m = /^([\d.,]+)([km])?$/.exec(t);
  if (!m) return null;
  const base = parseNumberText(m[1] as string, reading);
  if (base === null) return null;
  return Math.round(base * (m[2] === 'k' ? 1e3 : m[2] === 'm' ? 1e6 : 1));
}

/** Whether text shouts: mostly capitals (among ≥ 8 letters) or a run of exclamation marks. */
export function shouts(text: string, capitalsShare: number, exclamationRun: number): boolean {
  let letters = 0;
  let capitals = 0;
  let run = 0;
  for (const ch of text) {
    if (ch === '!') {
      run++;
      if (run >= exclamationRun) return true;
      continue;
    }
    run = 0;
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower !== upper) {
      letters++;
      if (ch === upper) capitals++;
    }
  }
  return letters >= 8 && capitals / letters >= capitalsShare;
}

function timestampParser(binding: FieldBinding, timeZone: string): TimestampParser {
  if (binding.style) return parserFor(binding.style, timeZone, binding.dateFormat);
  // No sample settled the style (the column was empty in the first rows): decide on first use.
  let parser: TimestampParser | null = null;
  return (text) => {
    if (!parser) {
      const style = detectStyle([text], timeZone);
      if (!style) return null;
      parser = parserFor(style, timeZone);
    }
    return parser(text);
  };
}

/** Builds the per-record normaliser for one file's mapping. */
export function rowNormaliser(mapping: Mapping, context: RowContext): (record: RawRecord) => RowResult {
  const b = mapping.bindings;
  const width = mapping.header.length;
  const resolveChannel = channelResolver(context.channels, mapping.format.channels ?? {});
  const created = b.createdAt ? timestampParser(b.createdAt, mapping.timeZone) : null;
  const firstAt = b.firstResponseAt ? timestampParser(b.firstResponseAt, mapping.timeZone) : null;
  const resolvedAt = b.resolvedAt ? timestampParser(b.resolvedAt, mapping.timeZone) : null;
  const escalation = new Set(context.escalationTags.map((t) => t.toLowerCase()));
  const outboundDirections = new Set((mapping.format.outboundDirections ?? []).map((v) => v.toLowerCase()));
  const fixed: ChannelMeaning | null = mapping.format.fixedChannel
    ? { channel: mapping.format.fixedChannel, known: true }
    : null;

  const get = (values: readonly string[], field: TicketField): string => {
    const binding = b[field];
    return binding ? (values[binding.index] ?? '').trim() : '';
  };

  return (record) => {
    const { file, line, values } = record;
    const issue = (kind: string, severity: RowIssue['severity'], detail: string, field?: TicketField, value?: string): RowIssue => {
      const out: { -readonly [K in keyof RowIssue]: RowIssue[K] } = { kind, severity, file, line, detail };
      const column = field ? b[field]?.header : undefined;
      if (column !== undefined) out.column = column;
      if (value !== undefined) out.value = value;
      if (severity === 'error' || severity === 'excluded') out.values = values;
      return out;
    };
    const reject = (kind: string, detail: string, field?: TicketField, value?: string, severity: RowIssue['severity'] = 'error'): RowResult => ({
      ok: false,
      issue: issue(kind, severity, detail, field, value),
    });

    if (values.length !== width) {
      const extra = values.slice(width);
      if (values.length < width || extra.some((v) => v.trim() !== '')) {
        return reject('ragged-row', `expected ${width} fields, found ${values.length}`);
      }
    }
    const id = get(values, 'ticketId');
    if (!id) return reject('missing-id', 'no ticket id', 'ticketId', '');
    const createdText = get(values, 'createdAt');
    if (!createdText) return reject('missing-created', 'no creation time', 'createdAt', '');
    const createdAt = created ? created(createdText) : null;
    if (createdAt === null) return reject('bad-created', `cannot read date "${createdText}"`, 'createdAt', createdText);
    if (context.since !== null && createdAt < context.since) return reject('outside-period', 'created before --since', 'createdAt', createdText, 'excluded');
    if (context.until !== null && createdAt >= context.until) return reject('outside-period', 'created on or after --until', 'createdAt', createdText, 'excluded');
    if (context.asOf !== null && createdAt > context.asOf) return reject('after-as-of', 'created after --as-of', 'createdAt', createdText, 'excluded');

    const rawChannel = fixed ? (b.channel ? get(values, 'channel') || mapping.format.fixedChannel! : mapping.format.fixedChannel!) : get(values, 'channel');
    const meaning = fixed ?? resolveChannel(rawChannel);
    if (meaning.outbound) return reject('outbound', `agent-initiated contact ("${rawChannel}") is not a customer waiting for a reply`, 'channel', rawChannel, 'excluded');
    const direction = get(values, 'direction').toLowerCase();
    if (direction && (/^(outbound|agent|admin|admin_initiated|outgoing)/.test(direction) || outboundDirections.has(direction))) {
      return reject('outbound', `agent-initiated contact (${direction})`, 'direction', direction, 'excluded');
    }

    const notes: RowIssue[] = [];
    let latest = createdAt;
    if (!fixed && !rawChannel) notes.push(issue('missing-channel', 'note', 'no channel value; counted as other', 'channel', ''));

    // First response: a timestamp or a duration; empty = not answered yet.
    let firstResponseSeconds = Number.NaN;
    let firstResponseState = UNANSWERED;
    const firstText = b.firstResponseAt ? get(values, 'firstResponseAt') : get(values, 'firstResponseTime');
    if (firstText) {
      let seconds: number | null;
      if (b.firstResponseAt) {
        const at = firstAt!(firstText);
        seconds = at === null ? null : at - createdAt;
      } else {
        seconds = parseDurationValue(firstText, b.firstResponseTime?.unit ?? 'seconds', b.firstResponseTime?.number);
      }
      const field: TicketField = b.firstResponseAt ? 'firstResponseAt' : 'firstResponseTime';
      if (seconds === null) {
        notes.push(issue('bad-first-response', 'metric', `cannot read "${firstText}"; left out of first response`, field, firstText));
        firstResponseState = EXCLUDED;
      } else if (seconds < 0) {
        notes.push(issue('negative-first-response', 'metric', `first response ${formatDuration(-seconds)} before creation; left out of first response`, field, firstText));
        firstResponseState = EXCLUDED;
      } else if (context.asOf !== null && createdAt + seconds > context.asOf) {
        firstResponseState = UNANSWERED; // answered after the as-of time: not known then
      } else {
        firstResponseSeconds = seconds;
        firstResponseState = ANSWERED;
        latest = Math.max(latest, createdAt + seconds);
      }
    }

    // Resolution: a timestamp or a duration; empty = still open (censored), unless the status says otherwise.
    const status = get(values, 'status') || null;
    const statusClass = classifyStatus(status);
    let resolutionSeconds = Number.NaN;
    let resolutionState = OPEN;
    const resolvedText = b.resolvedAt ? get(values, 'resolvedAt') : get(values, 'resolutionTime');
    const resField: TicketField = b.resolvedAt ? 'resolvedAt' : 'resolutionTime';
    if (resolvedText && statusClass !== 'open') {
      let seconds: number | null;
      if (b.resolvedAt) {
        const at = resolvedAt!(resolvedText);
        seconds = at === null ? null : at - createdAt;
      } else {
        seconds = parseDurationValue(resolvedText, b.resolutionTime?.unit ?? 'seconds', b.resolutionTime?.number);
      }
      if (seconds === null) {
        notes.push(issue('bad-resolution', 'metric', `cannot read "${resolvedText}"; left out of resolution`, resField, resolvedText));
        resolutionState = EXCLUDED;
      } else if (seconds < 0) {
        notes.push(issue('negative-resolution', 'metric', `resolved ${formatDuration(-seconds)} before creation; left out of resolution`, resField, resolvedText));
        resolutionState = EXCLUDED;
      } else if (context.asOf !== null && createdAt + seconds > context.asOf) {
        resolutionState = OPEN;
      } else {
        resolutionSeconds = seconds;
        resolutionState = RESOLVED;
        latest = Math.max(latest, createdAt + seconds);
        if (firstResponseState === ANSWERED && seconds < firstResponseSeconds) {
          notes.push(issue('resolved-before-first-response', 'note', 'resolution time is earlier than the first response', resField, resolvedText));
        }
      }
    } else if (resolvedText && statusClass === 'open') {
      notes.push(issue('reopened', 'note', `status "${status}" is open although a resolution time is given; counted as still open`, 'status', status ?? ''));
    } else if (!resolvedText && statusClass === 'resolved' && (b.resolvedAt || b.resolutionTime)) {
      notes.push(issue('resolved-without-time', 'metric', `status "${status}" but no resolution time; left out of resolution`, 'status', status ?? ''));
      resolutionState = EXCLUDED;
    }

    let followers = Number.NaN;
    const followersText = get(values, 'followers');
    if (followersText) {
      const n = parseFollowers(followersText, b.followers?.number);
      if (n === null) notes.push(issue('bad-followers', 'metric', `cannot read follower count "${followersText}"`, 'followers', followersText));
      else followers = n;
    }

    let isPublic: boolean | null = meaning.isPublic ?? null;
    const publicText = get(values, 'isPublic');
    if (publicText) {
      const p = parseBoolean(publicText);
      if (p === null) notes.push(issue('bad-is-public', 'note', `cannot read "${publicText}" as true/false`, 'isPublic', publicText));
      else isPublic = p;
    }

    const text = get(values, 'text');
    const subject = get(values, 'subject');
    let flags = 0;
    if ((text || subject) && shouts(`${subject} ${text}`, context.capitalsShare, context.exclamationRun)) flags |= FLAG_SHOUTING;
    const tags = get(values, 'tags').toLowerCase();
    const priority = get(values, 'priority') || null;
    if (escalation.size) {
      const words = tags.split(/[\s,;|]+/).filter(Boolean);
      if (words.some((w) => escalation.has(w)) || (priority && escalation.has(priority.toLowerCase()))) flags |= FLAG_ESCALATED;
    }
    const excerptSource = subject || text;
    const excerpt = excerptSource ? excerptSource.replace(/\s+/g, ' ').slice(0, 140) : null;

    return {
      ok: true,
      latest,
      notes,
      ticket: {
        id,
        customerId: get(values, 'customerId') || null,
        channel: meaning.channel,
        rawChannel: rawChannel || '(empty)',
        channelKnown: meaning.known,
        isPublic,
        createdAt,
        firstResponseSeconds,
        firstResponseState,
        resolutionSeconds,
        resolutionState,
        status,
        priority,
        category: get(values, 'category') || null,
        group: get(values, 'group') || null,
        followers,
        flags,
        excerpt,
        file,
        line,
      },
    };
  };
}
