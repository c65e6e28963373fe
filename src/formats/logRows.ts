/**
 * Shared by the log formats (tweets, ServiceNow events), where many records make one ticket:
 * a reduced ticket is handed to the ordinary row normaliser as one synthetic record (its times
 * as parsed numbers, not as text to parse again), so a log
 * ticket gets exactly the checks a ticket row gets (--since/--until/--as-of, negative durations,
 * status censoring, loudness cues), and the accounting helpers spread a ticket's outcome over
 * every record it consumed (rowsRead = rowsUsed + rowsRejected).
 */
import type { Mapping, FieldBinding } from './bind.js';
import { headerList } from './bind.js';
import type { FormatDef } from './types.js';
import { headerKey } from './types.js';
import { rowNormaliser, type RowContext, type RowResult } from '../normalise/rows.js';
import type { RowIssue } from '../normalise/issues.js';
import type { TicketField } from '../model.js';
import type { TicketRow } from '../normalise/table.js';
import { ParityError } from '../errors.js';

const SYNTHETIC_FIELDS = [
  'ticketId', 'customerId', 'channel', 'createdAt', 'firstResponseAt', 'resolvedAt', 'status', 'priority', 'category',
  'group', 'text', 'isPublic',
] as const;
type SyntheticField = (typeof SYNTHETIC_FIELDS)[number];
const TIMESTAMPS = new Set<TicketField>(['createdAt', 'firstResponseAt', 'resolvedAt']);

/** A reduced ticket: times are epoch seconds (null = none). */
export type LogTicket = Partial<Record<Exclude<SyntheticField, 'createdAt' | 'firstResponseAt' | 'resolvedAt'>, string | null>> & {
  createdAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  /**
   * A record that could have decided a metric but whose time cannot be read (a brand reply, an
   * update out of New): the metric is not known, so it is left out with a note at that record
   * (`bad-first-response`, `bad-resolution`), never taken as "not answered yet" or "still open".
   */
  unreadable?: Partial<Record<'firstResponseAt' | 'resolvedAt', UnreadableTime>>;
};

/** A record's time that cannot be read: its text, line and column (and why, when not the time itself). */
export interface UnreadableTime {
  text: string;
  line: number;
  column: string;
  /** The note's words before "; left out of …", when they are not `cannot read "<text>"`. */
  why?: string;
}

/** The latest time among a reduced ticket's records, and the line that holds it. */
export interface LogLatest {
  at: number;
  line: number;
}

/**
 * What a log reduce yields (FormatDef.reduce): a ticket (with `latest`, the latest time among its records), or an
 * issue; a ticket rejected only for lying outside --since/--until carries `latest` on its first
 * issue too (the default as-of time is the export's latest timestamp, not the period's), and
 * its id on the issue of each of its records (`outside`; `part` on all but the first), since
 * ids are settled before the period (load/stream.ts).
 */
export type LogOutput =
  | { ticket: TicketRow; lines: readonly number[]; latest?: LogLatest }
  | { issue: RowIssue; latest?: LogLatest; outside?: { id: string; part: boolean; discarded?: true } };

/**
 * A normaliser for reduced tickets. Issues name the file's own headers where the reduced field
 * came from one (`created_at`), so messages read like any row's.
 */
export function logTicketNormaliser(mapping: Mapping, context: RowContext): (ticket: LogTicket, file: string, line: number) => RowResult {
  const bindings: Partial<Record<TicketField, FieldBinding>> = {};
  SYNTHETIC_FIELDS.forEach((field, index) => {
    const header = mapping.bindings[field]?.header ?? field;
    bindings[field] = TIMESTAMPS.has(field)
      ? { field, index, header, source: 'format', style: 'epoch-seconds' }
      : { field, index, header, source: 'format' };
  });
  const synthetic: Mapping = { format: mapping.format, confidence: mapping.confidence, header: [...SYNTHETIC_FIELDS], bindings, timeZone: 'UTC', unused: [] };
  const normalise = rowNormaliser(synthetic, context);
  // Times go over as numbers; their text is only what messages show (empty = none).
  const usable = (t: number | null): t is number => t !== null && Number.isFinite(t) && t >= 0;
  const time = (t: number | null): string => (usable(t) ? String(t) : '');
  // an unreadable time goes over as its text with no parsed time: the row normaliser's own note
  const unreadable = (ticket: LogTicket, f: 'firstResponseAt' | 'resolvedAt'): UnreadableTime | undefined => (usable(ticket[f]) ? undefined : ticket.unreadable?.[f]);
  return (ticket, file, line) => {
    const result = normalise(
      {
        file,
        line,
        values: SYNTHETIC_FIELDS.map((f) => {
          // (any text the parse is not given: the value the note shows is the record's own, below)
          if (f === 'firstResponseAt' || f === 'resolvedAt') return unreadable(ticket, f) ? 'unreadable' : time(ticket[f]);
          if (f === 'createdAt') return time(ticket[f]);
          return ticket[f] ?? '';
        }),
      },
      {
        createdAt: usable(ticket.createdAt) ? ticket.createdAt : null,
        firstResponseAt: usable(ticket.firstResponseAt) ? ticket.firstResponseAt : null,
        resolvedAt: usable(ticket.resolvedAt) ? ticket.resolvedAt : null,
      },
    );
    if (!result.ok || ticket.unreadable === undefined) return result;
    // the note names the record that holds the time, not the ticket's first one
    const at: Partial<Record<string, UnreadableTime | undefined>> = { 'bad-first-response': unreadable(ticket, 'firstResponseAt'), 'bad-resolution': unreadable(ticket, 'resolvedAt') };
    const notes = result.notes.map((note) => {
      const where = at[note.kind];
      if (!where) return note;
      const metric = note.kind === 'bad-first-response' ? 'first response' : 'resolution';
      const why = where.why ?? (where.text ? `cannot read "${where.text}"` : 'no time given');
      return { ...note, line: where.line, column: where.column, value: where.text, detail: `${why}; left out of ${metric}` };
    });
    return { ...result, notes };
  };
}

/**
 * Yields the outcome of one reduced ticket that consumed the records at `lines` (the first is
 * the ticket's own line): the ticket with its notes (and `latest`, the latest time among its
 * records), or one rejection per consumed record, so every record is counted once.
 */
export function* settle(result: RowResult, lines: readonly number[], what: string, latest?: LogLatest): Generator<LogOutput> {
  const known = latest !== undefined && Number.isFinite(latest.at) ? latest : undefined;
  if (result.ok) {
    for (const note of result.notes) yield { issue: note };
    yield known ? { ticket: result.ticket, lines, latest: known } : { ticket: result.ticket, lines };
    return;
  }
  // The synthetic record's values are not the file's: leave them out, and --rejects takes each
  // line's own values from a second read of the file (load/stream.ts).
  const { values: _values, ...rest } = result.issue;
  const id = result.outsideId;
  const discarded = result.discarded ? ({ discarded: true } as const) : {};
  // outside the period: the ticket's own latest time (rows.ts), or a later record's
  if (result.latest !== undefined) {
    const own: LogLatest = { at: result.latest, line: lines[0] ?? rest.line };
    const at = known && known.at > own.at ? known : own;
    yield id !== undefined ? { issue: rest, latest: at, outside: { id, part: false, ...discarded } } : { issue: rest, latest: at };
  } else yield id !== undefined ? { issue: rest, outside: { id, part: false, ...discarded } } : { issue: rest };
  for (const line of lines.slice(1)) {
    const issue = { ...rest, line, detail: `part of ${what}: ${rest.detail}` };
    yield id !== undefined ? { issue, outside: { id, part: true, ...discarded } } : { issue };
  }
}

/** Column index of the first header (by headerKey) among `names`, or -1. */
export function columnIndex(header: readonly string[], names: readonly string[]): number {
  for (const name of names) {
    const key = headerKey(name);
    const i = header.findIndex((h) => headerKey(h) === key);
    if (i >= 0) return i;
  }
  return -1;
}

/** Like columnIndex, but a missing column is an input error naming what the log needs. */
export function requireColumn(mapping: Mapping, field: TicketField | null, names: readonly string[], file: string, format: FormatDef): number {
  const bound = field ? mapping.bindings[field] : undefined;
  if (bound) return bound.index;
  const i = columnIndex(mapping.header, names);
  if (i >= 0) return i;
  throw new ParityError(`${format.label}: no "${names[0]}" column`, {
    location: { file, line: 1 },
    hint: `headers found: ${headerList(mapping.header)}`,
  });
}
