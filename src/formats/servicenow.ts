/**
 * ServiceNow incident event log (the UCI "incident management process enriched event log"
 * layout): one row per update of an incident, many rows per incident, dates `DD-MM-YYYY HH:MM`,
 * missing values written `?` (read as any placeholder for no value is, `NULL`: an empty cell). Reduced to one ticket per incident `number`:
 * - created: `opened_at`;
 * - resolved: `resolved_at` of the incident's last event (by `sys_updated_at`, then
 *   `sys_mod_count`), or its `closed_at` when `resolved_at` is missing; only when that last
 *   event's state is Resolved or Closed, otherwise the incident is still open;
 * - first response: the log records state changes, not replies to the caller. The closest signal
 *   is the first update that moved the incident out of state New (an agent took it on), so that
 *   is what is read, as time to acknowledge; a note says so;
 * - channel `contact_type`, customer `caller_id`, priority, category and group of the last event.
 * Every event row is a used row of its incident (or rejected with it).
 */
import type { RawRecord } from '../read/source.js';
import { writtenValues } from '../read/record.js';
import { isNoValue, type RowContext } from '../normalise/rows.js';
import { parserFor, detectStyle, type TimestampParser } from '../normalise/time.js';
import { classifyStatus } from '../normalise/status.js';
import { vocabularyKey } from '../normalise/channel.js';
import type { Mapping } from './bind.js';
import { signature } from './signature.js';
import { columnIndex, logTicketNormaliser, requireColumn, settle, type LogOutput, type UnreadableTime } from './logRows.js';
import type { FormatDef } from './types.js';

interface Incident {
  /** Whether the last event so far has a readable sys_updated_at (else the update count places events). */
  lastTimed: boolean;
  line: number;
  lines: number[];
  opened: string;
  caller: string;
  contact: string;
  /** Latest event so far: its order key and the values read from it. */
  lastAt: number;
  lastMod: number;
  state: string;
  resolved: string;
  closed: string;
  priority: string;
  category: string;
  group: string;
  /** Earliest update out of New (epoch seconds), NaN when none. */
  acknowledged: number;
  /** The first update out of New whose time cannot be read: it may have been the first response. */
  unreadableAck: UnreadableTime | null;
  /** The line of the latest event so far (where its resolved_at is read). */
  lastLine: number;
  /** Latest update time of any of its events (epoch seconds), −∞ when none, and its line. */
  latest: number;
  latestLine: number;
}

const MISSING = new Set(['?', '']);
/** Whether an event's trimmed value is missing: empty, the log's own `?`, or a placeholder for no value (`NULL`: normalise/rows.ts NO_VALUE). */
const missing = (text: string): boolean => MISSING.has(text) || isNoValue(text);

async function* reduceEvents(records: AsyncIterable<RawRecord>, mapping: Mapping, context: RowContext): AsyncGenerator<LogOutput> {
  let col: Record<'number' | 'state' | 'opened' | 'updated' | 'mod' | 'resolved' | 'closed' | 'contact' | 'caller' | 'priority' | 'category' | 'group', number> | null = null;
  const incidents = new Map<string, Incident>();
  const binding = mapping.bindings.createdAt;
  let parse: TimestampParser | null = binding?.style ? parserFor(binding.style, mapping.timeZone, binding.dateFormat) : null;
  let file = '';
  const time = (text: string): number => {
    if (missing(text)) return Number.NaN;
    if (!parse) {
      const style = detectStyle([text], mapping.timeZone);
      if (!style) return Number.NaN;
      parse = parserFor(style, mapping.timeZone);
    }
    return parse(text) ?? Number.NaN;
  };

  for await (const record of records) {
    file = record.file;
    col ??= {
      number: requireColumn(mapping, 'ticketId', ['number'], file, servicenow),
      state: requireColumn(mapping, 'status', ['incident_state', 'state'], file, servicenow),
      opened: requireColumn(mapping, 'createdAt', ['opened_at'], file, servicenow),
      updated: columnIndex(mapping.header, ['sys_updated_at']),
      mod: columnIndex(mapping.header, ['sys_mod_count']),
      resolved: mapping.bindings.resolvedAt?.index ?? columnIndex(mapping.header, ['resolved_at']),
      closed: columnIndex(mapping.header, ['closed_at']),
      contact: mapping.bindings.channel?.index ?? -1,
      caller: mapping.bindings.customerId?.index ?? -1,
      priority: mapping.bindings.priority?.index ?? -1,
      category: mapping.bindings.category?.index ?? -1,
      group: mapping.bindings.group?.index ?? -1,
    };
    const v = record.values;
    const get = (i: number): string => {
      const t = i >= 0 ? (v[i] ?? '').trim() : '';
      return missing(t) ? '' : t;
    };
    const number = get(col.number);
    if (!number) {
      yield { issue: { kind: 'missing-id', severity: 'error', file, line: record.line, column: mapping.header[col.number] ?? 'number', value: '', detail: 'no incident number', values: writtenValues(record) } };
      continue;
    }
    let incident = incidents.get(number);
    if (!incident) {
      incident = {
        lastTimed: true,
        line: record.line, lines: [], opened: '', caller: '', contact: '', lastAt: Number.NEGATIVE_INFINITY, lastMod: -1,
        state: '', resolved: '', closed: '', priority: '', category: '', group: '', acknowledged: Number.NaN, unreadableAck: null, lastLine: record.line, latest: Number.NEGATIVE_INFINITY, latestLine: record.line,
      };
      incidents.set(number, incident);
    }
    incident.lines.push(record.line);
    incident.opened ||= get(col.opened);
    incident.caller ||= get(col.caller);
    incident.contact ||= get(col.contact);
    const state = get(col.state);
    // Without sys_updated_at (a one-row-per-incident export) file order decides.
    const updatedText = col.updated >= 0 ? get(col.updated) : '';
    const updatedAt = updatedText ? time(updatedText) : Number.NaN;
    const order = Number.isNaN(updatedAt) ? incident.lines.length : updatedAt;
    if (updatedAt > incident.latest) {
      incident.latest = updatedAt;
      incident.latestLine = record.line;
    }
    // (without a sys_updated_at column, a one-row-per-incident export, file order decides)
    const mod = col.mod >= 0 && col.updated >= 0 ? Number(get(col.mod)) || 0 : incident.lines.length;
    // The last event by sys_updated_at, then sys_mod_count; an event without a readable time
    // is placed by its update count (it is not the first of all), and one after --as-of has not
    // happened yet when the export is taken then (a reopen at 12:00 does not undo a resolution
    // at 10:00 seen at 11:00).
    const timed = !Number.isNaN(updatedAt) && incident.lastTimed;
    const later = timed ? order > incident.lastAt || (order === incident.lastAt && mod >= incident.lastMod) : mod >= incident.lastMod;
    const happened = context.asOf === null || Number.isNaN(updatedAt) || updatedAt <= context.asOf;
    if (happened && later) {
      incident.lastTimed = !Number.isNaN(updatedAt);
      incident.lastAt = order;
      incident.lastMod = mod;
      incident.lastLine = record.line;
      incident.state = state;
      incident.resolved = get(col.resolved);
      incident.closed = get(col.closed);
      incident.priority = get(col.priority) || incident.priority;
      incident.category = get(col.category) || incident.category;
      incident.group = get(col.group) || incident.group;
    }
    if (state && vocabularyKey(state) !== 'new') {
      if (!Number.isNaN(updatedAt)) {
        if (!(updatedAt >= incident.acknowledged)) incident.acknowledged = updatedAt;
      } else if (col.updated >= 0) {
        // an update out of New whose time is missing (`?`) or cannot be read may have been the first: unknown, never "not answered yet"
        incident.unreadableAck ??= { text: (v[col.updated] ?? '').trim(), line: record.line, column: mapping.header[col.updated] ?? 'sys_updated_at' };
      }
    }
  }

  const normalise = logTicketNormaliser(mapping, context);
  for (const [number, incident] of incidents) {
    const what = `incident ${number}`;
    const created = incident.opened ? time(incident.opened) : Number.NaN;
    if (Number.isNaN(created)) {
      const detail = incident.opened ? `cannot read date "${incident.opened}"` : 'no opened_at on any event';
      yield* settle(
        { ok: false, issue: { kind: incident.opened ? 'bad-created' : 'missing-created', severity: 'error', file, line: incident.line, column: mapping.bindings.createdAt?.header ?? 'opened_at', value: incident.opened, detail } },
        incident.lines,
        what,
      );
      continue;
    }
    // resolved only when the last event says so: a state missing (`?`) or of no known word is not an ending
    const finished = classifyStatus(incident.state) === 'resolved';
    const resolvedText = incident.resolved || incident.closed;
    const resolvedAt = finished && resolvedText ? time(resolvedText) : Number.NaN;
    // an update out of New at a time that cannot be read may have been the first one: unknown
    const ack = incident.unreadableAck;
    const unreadableResolution = finished && resolvedText && Number.isNaN(resolvedAt)
      ? { text: resolvedText, line: incident.lastLine, column: mapping.header[(incident.resolved ? col?.resolved : col?.closed) ?? -1] ?? 'resolved_at' }
      : null;
    const result = normalise(
      {
        ticketId: number,
        customerId: incident.caller || null,
        channel: incident.contact,
        createdAt: created,
        firstResponseAt: ack !== null || Number.isNaN(incident.acknowledged) ? null : incident.acknowledged,
        resolvedAt: Number.isNaN(resolvedAt) ? null : resolvedAt,
        ...(ack !== null || unreadableResolution !== null ? { unreadable: { ...(ack ? { firstResponseAt: ack } : {}), ...(unreadableResolution ? { resolvedAt: unreadableResolution } : {}) } } : {}),
        status: incident.state || null,
        priority: incident.priority || null,
        category: incident.category || null,
        group: incident.group || null,
      },
      file,
      incident.line,
    );
    yield* settle(result, incident.lines, what, { at: incident.latest, line: incident.latestLine });
  }
}

export const servicenow: FormatDef = {
  id: 'servicenow',
  label: 'ServiceNow incident event log',
  recordNoun: 'event',
  detect: (keys) =>
    signature(keys, ['number', 'opened_at', ['incident_state', 'state']], [
      'sys_updated_at', 'contact_type', 'caller_id', 'resolved_at', 'closed_at', 'priority', 'category', 'assignment_group', 'sys_mod_count',
    ]),
  synonyms: {
    ticketId: ['number'],
    customerId: ['caller_id'],
    channel: ['contact_type'],
    createdAt: ['opened_at'],
    resolvedAt: ['resolved_at'],
    status: ['incident_state', 'state'],
    priority: ['priority'],
    category: ['category'],
    group: ['assignment_group'],
  },
  missingValues: ['?'],
  // with update times, first response (the first update out of New) is measured whether or not
  // any incident has been answered yet
  measures: (mapping) => ({ firstResponse: columnIndex(mapping.header, ['sys_updated_at']) >= 0 }),
  logColumns: {
    sys_updated_at: 'orders the events; the first update out of New is the first response',
    sys_mod_count: 'orders events updated in the same minute',
    closed_at: 'resolution when resolved_at is missing',
  },
  channels: {
    Phone: { channel: 'phone' },
    Email: { channel: 'email' },
    'Self service': { channel: 'web' },
    IVR: { channel: 'phone' },
    // "Direct opp(ortunity)": raised in person with IT staff.
    'Direct opp': { channel: 'other' },
  },
  absent: {
    firstResponseAt: 'the event log has no reply to the caller: first response is read as the first update that moved the incident out of New (time to acknowledge)',
  },
  notes: [
    'ServiceNow event log: one ticket per incident number; every event row counts as a used row of its incident',
    'ServiceNow resolution: resolved_at (or closed_at) of the last event, when that event is Resolved or Closed',
  ],
  reduce: reduceEvents,
};
