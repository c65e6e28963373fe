/**
 * The profile of an export, for `parity inspect`: detected format and mapping, raw channel
 * values and where each maps, date range and timestamp styles, and the row problems a full
 * audit would meet. Works even when required columns are missing, so it can show what to map.
 * Folds over the same ticket stream as the audit (stream.ts): the same rows are read, used and
 * rejected, with the same duplicate policy.
 */
import { TICKET_FIELDS, type Channel, type TicketField } from '../model.js';
import type { Settings } from '../settings.js';
import { detectFormat } from '../formats/index.js';
import { columnsHint, dateFormatNotes, headerZoneNotes } from '../formats/bind.js';
import { otherSheets, pagesNotes, readNotes, type OpenedFile } from '../formats/open.js';
import { headerKey, type FieldBinding } from '../formats/types.js';
import { channelResolver } from '../normalise/channel.js';
import { isNoValue, sameAsHeader, unsampled } from '../normalise/rows.js';
import { IssueLog } from '../normalise/issues.js';
import { streamTickets, type StreamIO } from './stream.js';
import { labelledChannelValues } from '../text/lookalike.js';
import { ANSWERED, RESOLVED } from '../normalise/table.js';
import type { RawRecord } from '../read/source.js';
import { STYLE_LABELS, parserFor, type TimestampParser, type TimestampStyle } from '../normalise/time.js';
import { textOrder } from '../text/order.js';

/** The order a column's dates are read in when no sampled value settled it (as styleLabel says in words). */
function orderAssumed(binding: Pick<FieldBinding, 'style' | 'orderGuessed' | 'dateFormat'>): { orderAssumed?: 'month-first' | 'day-first' } {
  if (!binding.orderGuessed || binding.dateFormat !== undefined) return {};
  return { orderAssumed: binding.style === 'mdy' ? 'month-first' : 'day-first' };
}

/**
 * A timestamp column's style in words; a date order no sampled value settled (no day over 12) is
 * said to be only the default, as the audit's note says (formats/bind.ts guessedOrderNotes).
 */
function styleLabel(binding: Pick<FieldBinding, 'style' | 'orderGuessed' | 'dateFormat'>): string {
  const label = STYLE_LABELS[binding.style as TimestampStyle];
  if (!binding.orderGuessed || binding.dateFormat !== undefined) return label;
  return `${label}, order assumed: no day over 12 in the rows sampled (set dateFormat if the ${binding.style === 'mdy' ? 'day' : 'month'} comes first)`;
}

export interface FileProfile {
  file: string;
  format: { id: string; label: string; confidence: number; candidates: Array<{ id: string; confidence: number }> };
  header: string[];
  mapping: Array<{ field: TicketField; column: string | null; source: 'config' | 'format' | null; detail: string | null }>;
  missingRequired: Array<{ field: TicketField; hint: string }>;
  /** Fields the format never has, with the reason (Salesforce: no first-response field). */
  absent: Array<{ field: TicketField; reason: string }>;
  unusedColumns: string[];
  /** Log formats: further columns read to assemble tickets, with what for. */
  logColumns: Array<{ column: string; use: string }>;
  /** Every ticket is on this channel (tweet logs), when the format says so. */
  fixedChannel: Channel | null;
  rows: number;
  /** What one row is ("row", or "tweet"/"event" for logs where many rows make one ticket). */
  recordNoun: string;
  /** `label`: how the text shows a value that looks like another one (text/lookalike.ts). */
  channelValues: Array<{ raw: string; count: number; channel: Channel; known: boolean; isPublic: boolean | null; outbound: boolean; label?: string }>;
  createdRange: { from: string | null; to: string | null };
  /** `unsampled`: no value in the rows sampled (style null, settled by the column's first value). */
  /** `orderAssumed`: the order the dates are read in when no sampled value settled it (no day over 12; `style` says so in words). */
  timestampStyles: Array<{ field: TicketField; column: string; style: string | null; unsampled?: boolean; orderAssumed?: 'month-first' | 'day-first' }>;
  /** Whether creation times carry no offset (so the time zone setting decides what they mean). */
  naiveTimes: boolean;
  issues: Array<{ kind: string; severity: string; count: number; example: { line: number; column: string | null; detail: string } }>;
  ticketsUsable: number | null;
  /** Of the usable tickets: how many have a first response / a resolution (null when not read, or when the file does not measure the metric). */
  answered: number | null;
  resolved: number | null;
  /**
   * When tickets cannot be measured (no creation time) but first-response and resolution
   * timestamps exist: how many rows have both, and how many of those resolve before the first
   * response — what can honestly be said about such an export.
   */
  eventOrder?: { bothTimes: number; resolvedBeforeFirstResponse: number };
  notes: string[];
}

const SEVERITY_ORDER = { error: 0, excluded: 1, metric: 2, note: 3 } as const;

/** What is counted while one file streams past. */
interface FileState {
  opened: OpenedFile;
  /** The header as headerKey reduces it (a row that repeats it is no data: rows.ts sameAsHeader). */
  headerKeys: string[];
  rows: number;
  rawCounts: Map<string, number>;
  issues: IssueLog;
  usable: number;
  answered: number;
  resolved: number;
  from: number;
  to: number;
  eventOrder: { bothTimes: number; resolvedBeforeFirstResponse: number };
  /** Which metrics the file measures (the stream says once the file is read; both until then). */
  measures: { firstResponse: boolean; resolution: boolean };
  orderCheck: { first: TimestampParser; resolved: TimestampParser; firstIndex: number; resolvedIndex: number } | null;
}

function newState(opened: OpenedFile): FileState {
  const b = opened.mapping.bindings;
  const firstB = b.firstResponseAt;
  const resolvedB = b.resolvedAt;
  const tz = opened.mapping.timeZone;
  return {
    opened,
    headerKeys: opened.mapping.header.map(headerKey),
    rows: 0,
    rawCounts: new Map(),
    issues: new IssueLog(),
    usable: 0,
    answered: 0,
    resolved: 0,
    from: Infinity,
    to: -Infinity,
    eventOrder: { bothTimes: 0, resolvedBeforeFirstResponse: 0 },
    measures: { firstResponse: true, resolution: true },
    // Without a creation time, say what can honestly be said: how often resolution precedes the first response.
    orderCheck:
      opened.missingRequired.length > 0 && firstB?.style && resolvedB?.style
        ? { first: parserFor(firstB.style, tz, firstB.dateFormat), resolved: parserFor(resolvedB.style, tz, resolvedB.dateFormat), firstIndex: firstB.index, resolvedIndex: resolvedB.index }
        : null,
  };
}

/** Profiles every file of a run, folding over the audit's ticket stream. */
export async function profileFiles(given: Settings, io: StreamIO): Promise<FileProfile[]> {
  // inspect compares no groups: a --by header (config `by`) is not read, so it cannot fail here
  const settings = given.mapping.byHeader ? { ...given, mapping: { ...given.mapping, byHeader: null } } : given;
  const states: FileState[] = [];
  let current: FileState | null = null;
  const byFile = new Map<string, FileState>();
  // Per ticket slot: the file it counts in and whether it was answered / resolved, so a later row
  // that takes the slot (--duplicates last) moves the counts instead of adding to them.
  // (undefined: the slot's ticket left the period, sink.drop)
  const slotState: Array<FileState | undefined> = [];
  const slotAnswered: boolean[] = [];
  const slotResolved: boolean[] = [];
  /** Takes the ticket in `slot` out of its file's counts. */
  const uncount = (slot: number): void => {
    const before = slotState[slot];
    if (!before) return;
    before.usable--;
    if (slotAnswered[slot]) before.answered--;
    if (slotResolved[slot]) before.resolved--;
  };
  await streamTickets(
    settings,
    io,
    {
      file(opened) {
        current = newState(opened);
        states.push(current);
        byFile.set(opened.file, current);
      },
      fileDone(opened, _rows, measures) {
        const st = byFile.get(opened.file);
        if (st) st.measures = { ...measures };
      },
      record(record: RawRecord) {
        const st = current as FileState | null;
        if (!st) return;
        st.rows++;
        if (record.rejected) return; // no fields (a JSON value that is not an object)
        // (the header again, exports joined with cat: counted as a row, not as values: a repeated-header row)
        if (sameAsHeader(record.values, st.headerKeys)) return;
        const b = st.opened.mapping.bindings;
        // Logs count channel values per ticket (below); exports per row.
        if (b.channel && !st.opened.mapping.format.reduce) {
          // (a placeholder for no value, `NULL`, is no channel value, as an empty cell: rows.ts NO_VALUE)
          const written = (record.values[b.channel.index] ?? '').trim();
          const raw = isNoValue(written) ? '' : written;
          st.rawCounts.set(raw, (st.rawCounts.get(raw) ?? 0) + 1);
        }
        if (st.orderCheck) {
          const first = st.orderCheck.first((record.values[st.orderCheck.firstIndex] ?? '').trim());
          const done = st.orderCheck.resolved((record.values[st.orderCheck.resolvedIndex] ?? '').trim());
          if (first !== null && done !== null) {
            st.eventOrder.bothTimes++;
            if (done < first) st.eventOrder.resolvedBeforeFirstResponse++;
          }
        }
      },
      ticket(ticket, slot, replaced) {
        const st = byFile.get(ticket.file) ?? (current as FileState | null);
        if (!st) return;
        if (st.opened.mapping.format.reduce) st.rawCounts.set(ticket.rawChannel, (st.rawCounts.get(ticket.rawChannel) ?? 0) + 1);
        if (replaced) uncount(slot);
        slotState[slot] = st;
        slotAnswered[slot] = ticket.firstResponseState === ANSWERED;
        slotResolved[slot] = ticket.resolutionState === RESOLVED;
        st.usable++;
        if (slotAnswered[slot]) st.answered++;
        if (slotResolved[slot]) st.resolved++;
        st.from = Math.min(st.from, ticket.createdAt);
        st.to = Math.max(st.to, ticket.createdAt);
      },
      drop(slot) {
        uncount(slot);
        slotState[slot] = undefined;
      },
      issue(issue) {
        (byFile.get(issue.file) ?? (current as FileState | null))?.issues.add(issue);
      },
      retract(issue) {
        (byFile.get(issue.file) ?? (current as FileState | null))?.issues.retract(issue);
      },
    },
    false,
  );
  // (a workbook whose first sheet cannot be audited: its sheets, as the audit's error names them)
  const sheets = await Promise.all(states.map(async (st) => (st.opened.missingRequired.length > 0 ? ((await st.opened.sheetNames?.().catch(() => [])) ?? []) : [])));
  return states.map((st, k) => profileOf(st, settings, sheets[k] ?? []));
}

function profileOf(st: FileState, settings: Settings, sheets: readonly string[]): FileProfile {
  const { opened } = st;
  const { mapping } = opened;
  const format = mapping.format;
  const detection = detectFormat(mapping.header, settings.mapping.inputFormat);
  const b = mapping.bindings;
  const missingRequired = opened.missingRequired.map((field) => ({ field, hint: columnsHint(field) }));
  const resolve = channelResolver(Object.fromEntries(settings.mapping.channels), format.channels ?? {});
  const normalised = opened.missingRequired.length === 0;
  const createdBinding = b.createdAt;
  const createdSamples = createdBinding ? opened.sample.map((r) => (r.values[createdBinding.index] ?? '').trim()).filter((t) => !unsampled(t)) : [];
  const naiveTimes =
    createdBinding !== undefined &&
    !['twitter', 'epoch-seconds', 'epoch-ms'].includes(createdBinding.style ?? '') &&
    createdSamples.length > 0 &&
    !createdSamples.some((t) => /(?:Z|UTC|[+-]\d{2}:?\d{2})$/i.test(t));
  const iso = (s: number): string | null => (Number.isFinite(s) ? new Date(s * 1000).toISOString() : null);
  const logColumns = Object.entries(format.logColumns ?? {}).flatMap(([name, use]) => {
    const column = mapping.header.find((h) => headerKey(h) === headerKey(name));
    return column === undefined ? [] : [{ column, use }];
  });
  const absent = Object.entries(format.absent ?? {}).map(([field, reason]) => ({ field: field as TicketField, reason: reason as string }));
  const channelValues = labelledChannelValues(
    [...st.rawCounts.entries()]
      .sort((x, y) => y[1] - x[1] || textOrder(x[0], y[0]))
      .map(([raw, n]) => {
        const m = format.fixedChannel && !b.channel ? { channel: format.fixedChannel, known: true, isPublic: undefined, outbound: undefined } : resolve(raw);
        return { raw, count: n, channel: m.channel, known: m.known, isPublic: m.isPublic ?? null, outbound: m.outbound ?? false };
      }),
  );
  return {
    file: opened.file,
    format: { id: format.id, label: format.label, confidence: detection.confidence, candidates: detection.candidates },
    header: [...mapping.header],
    mapping: TICKET_FIELDS.map((field) => {
      const binding = b[field];
      // a duration's clock is said when it is not the assumed calendar time
      const clock = binding?.clock && !binding.clockAssumed ? `, ${binding.clock} time` : '';
      const unit = binding?.unitsWritten ? `units as written in the values (2h, 1d 2h, 01:30:00; a plain number would be ${binding.unit})` : `unit ${binding?.unit}`;
      const detail = binding?.unit ? `${unit}${binding.unitAssumed ? ' (assumed; set columns.' + field + '.unit)' : ''}${clock}` : binding?.style ? styleLabel(binding) : null;
      return { field, column: binding?.header ?? null, source: binding?.source ?? null, detail };
    }),
    missingRequired,
    absent,
    unusedColumns: mapping.unused.filter((h) => !logColumns.some((c) => c.column === h)),
    logColumns,
    fixedChannel: format.fixedChannel && !b.channel ? format.fixedChannel : null,
    rows: st.rows,
    recordNoun: format.recordNoun ?? 'row',
    channelValues: channelValues.list,
    createdRange: { from: iso(st.from), to: iso(st.to) },
    timestampStyles: (['createdAt', 'firstResponseAt', 'resolvedAt'] as const)
      .filter((f) => b[f])
      .map((field) => ({ field, column: b[field]!.header, style: b[field]!.style ? styleLabel(b[field]!) : null, ...(b[field]!.unsampled ? { unsampled: true } : {}), ...orderAssumed(b[field]!) })),
    naiveTimes,
    issues: st.issues
      .entries()
      .sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity] || y.count - x.count || textOrder(x.kind, y.kind))
      .map((e) => ({ kind: e.kind, severity: e.severity, count: e.count, example: { line: e.example.line, column: e.example.column ?? null, detail: e.example.detail } })),
    ticketsUsable: normalised ? st.usable : null,
    // (a metric the file cannot measure has no count: "0 answered" would say nobody was answered)
    answered: normalised && st.measures.firstResponse ? st.answered : null,
    resolved: normalised && st.measures.resolution ? st.resolved : null,
    ...(!normalised && st.eventOrder.bothTimes > 0 ? { eventOrder: st.eventOrder } : {}),
    // (a header that names a zone other than the one times are read in: the audit's note, here before the audit)
    notes: [...(format.notes ?? []), ...readNotes(opened), ...(channelValues.note ? [channelValues.note] : []), ...headerZoneNotes(mapping), ...dateFormatNotes(mapping), ...pagesNotes([opened]), ...(sheets.length > 1 ? [otherSheets(sheets)] : [])],
  };
}
