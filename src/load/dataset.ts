/**
 * read → normalise: every input file into one ticket table, every row accounted for. Folds the
 * ticket stream (stream.ts) into the columnar TicketTable, leaves metrics a file cannot measure
 * out of them, resolves the as-of time (the one place it is resolved), and puts durations in
 * the configured clock.
 */
import type { Settings } from '../settings.js';
import { ParityError } from '../errors.js';
import { assumedUnitNotes, dateFormatNotes, guessedOrderNotes, headerZoneNotes, type Mapping } from '../formats/bind.js';
import { headerKey } from '../formats/types.js';
import { BusinessCalendar } from '../measure/clock.js';
import type { FileSummary } from '../report.js';
import { IssueLog, isRejection, type RowIssue } from '../normalise/issues.js';
import { streamTickets, type StreamIO } from './stream.js';
import { pagesNotes, readNotes, type OpenedFile } from '../formats/open.js';
import { ANSWERED, EXCLUDED, RESOLVED, TicketTableBuilder, locationsOf, secondsColumn, subsetTable, whole, type TicketTable } from '../normalise/table.js';
import { formatDuration } from '../measure/duration.js';
import { isoSeconds } from '../format.js';
import { bindingColumns, businessAsOfNote, checkDurationClocks, metricSource } from '../measure/durationClocks.js';

/** Side channels of a run: standard input, progress, and where rejected rows go. */
export interface RunIO extends StreamIO {
  onReject?: (issue: RowIssue) => void;
  /** Called when a file is opened, before its rows (the --rejects file takes its columns from it). */
  onFile?: (file: string, header: readonly string[], customerColumn: string | null) => void;
  /**
   * The time of the run (epoch seconds): an as-of time taken from the data that lies after it is
   * noted (futureAsOfNote). Absent: not checked.
   */
  now?: number;
  /** A note of the report that is also for standard error (the command prints it once the read is done). */
  onWarning?: (message: string) => void;
}

/** Everything read and normalised: the ticket table and the accounting. */
export interface Dataset {
  table: TicketTable;
  files: FileSummary[];
  mappings: Array<{ file: string; mapping: Mapping }>;
  rowsRead: number;
  rowsUsed: number;
  rowsRejected: number;
  issues: IssueLog;
  /** Raw channel values no vocabulary knew (mapped to `other`), with counts. */
  unknownChannels: Map<string, number>;
  /** Latest timestamp seen in the data (epoch seconds), or null when there is none. */
  latest: number | null;
  /** The as-of time (epoch seconds): --as-of, or the latest timestamp in the data. Resolved here only. */
  asOf: number;
  notes: string[];
}

/** read → normalise: every file into one ticket table. */

/**
 * A column read for a field whose header the file has more than once (two "channel" columns):
 * the first is read, and the note says which, rather than choosing silently.
 */
function repeatedHeaders(file: string, mapping: Mapping): string[] {
  const out: string[] = [];
  for (const binding of Object.values(mapping.bindings)) {
    if (!binding) continue;
    const key = headerKey(binding.header);
    const same = mapping.header.flatMap((h, i) => (headerKey(h) === key ? [i + 1] : []));
    if (same.length < 2) continue;
    // (headers written apart, `Created At` and `created_at`, are named as written: "2 columns are
    // named "Created At"" read as if the file held that header twice; found by an attack)
    const written = [...new Set(same.map((i) => mapping.header[i - 1] as string))];
    const names = written.length === 1 ? `are named "${binding.header}"` : `name the same field: ${written.map((h) => `"${h}"`).join(', ')}`;
    out.push(`${file}: ${same.length} columns ${names} (columns ${same.join(', ')}); column ${binding.index + 1} is read as ${binding.field}`);
  }
  return out;
}

export async function loadDataset(settings: Settings, io: RunIO): Promise<Dataset> {
  if (settings.files.length === 0) throw new ParityError('no input files given', { hint: 'pass one or more files, or - for standard input' });
  const builder = new TicketTableBuilder();
  const issues = new IssueLog();
  const files: FileSummary[] = [];
  const mappings: Dataset['mappings'] = [];
  const notes = new Set<string>();
  const unknownRaw = new Set<string>();
  const fileMeasures = new Map<string, { firstResponse: boolean; resolution: boolean }>();
  const pages: Array<Pick<OpenedFile, 'file' | 'pages'>> = [];
  const totals = await streamTickets(
    settings,
    io,
    {
      file(opened) {
        io.onFile?.(opened.file, opened.mapping.header, opened.mapping.bindings.customerId?.header ?? null);
        checkDurationClocks(bindingColumns(opened.mapping.bindings), settings.clock.kind, opened.file);
        mappings.push({ file: opened.file, mapping: opened.mapping });
        for (const note of opened.mapping.format.notes ?? []) notes.add(note);
        if (opened.encoding !== 'utf-8') notes.add(`${opened.file} is not UTF-8; it was read as ${opened.encoding}`);
        for (const [field, why] of Object.entries(opened.mapping.format.absent ?? {})) notes.add(`${field}: ${why}`);
      },
      builder,
      unknownChannel(raw) {
        unknownRaw.add(raw);
      },
      ticket(ticket, slot, replaced) {
        if (ticket.channelKnown === false) unknownRaw.add(ticket.rawChannel);
        if (replaced) builder.replace(slot, ticket);
        else builder.add(ticket);
      },
      issue(issue, later, row) {
        issues.add(issue, row);
        if (isRejection(issue) && !later) io.onReject?.(issue);
      },
      ...(io.onReject ? { rejectedLater: io.onReject } : {}),
      retract(issue, row) {
        issues.retract(issue, row);
      },
      fileDone(opened, rowsRead, measures) {
        const { mapping } = opened;
        files.push({ file: opened.file, format: mapping.format.id, formatLabel: mapping.format.label, confidence: mapping.confidence, rowsRead });
        fileMeasures.set(opened.file, measures);
        for (const note of readNotes(opened)) notes.add(note);
        if (opened.pages) pages.push({ file: opened.file, pages: opened.pages });
        if (!measures.firstResponse) notes.add(`${opened.file}: no first-response information, so first response is not measured for its tickets`);
        if (!measures.resolution) notes.add(`${opened.file}: no resolution information, so resolution is not measured for its tickets`);
        for (const note of repeatedHeaders(opened.file, mapping)) notes.add(note);
        for (const note of assumedUnitNotes(mapping)) notes.add(`${opened.file}: ${note}`);
        for (const note of guessedOrderNotes(mapping)) notes.add(`${opened.file}: ${note}`);
        for (const note of headerZoneNotes(mapping)) notes.add(`${opened.file}: ${note}`);
        for (const note of dateFormatNotes(mapping)) notes.add(`${opened.file}: ${note}`);
      },
    },
    true,
  );
  // whole seconds, rounded up as the count query's as-of and --as-of are (no time of the data lies
  // after it): every age is measured to it
  const asOf = settings.asOf ?? Math.ceil(totals.latest ?? 0);
  // (--duplicates last: a ticket whose last row lies outside --since/--until is not in the period)
  const built = withoutSlots(builder.build(), totals.dropped);
  if (settings.asOf === null && totals.latest !== null && totals.latestAt !== null && io.now !== undefined && totals.latest > io.now) {
    const note = futureAsOfNote(built, mappings, totals.latest, totals.latestAt);
    notes.add(note);
    io.onWarning?.(note);
  }
  const table = applyClock(withoutUnmeasured(built, fileMeasures), settings, asOf, mappings);
  // (told on stderr too: an audit of part of the result reads like an audit of all of it)
  for (const note of pagesNotes(pages)) {
    notes.add(note);
    io.onWarning?.(note);
  }
  const asOfNote = businessAsOfNote(mappings.map((m) => bindingColumns(m.mapping.bindings)), settings.clock.kind, settings.asOf !== null);
  if (asOfNote) notes.add(asOfNote);
  return {
    table,
    files,
    mappings,
    rowsRead: totals.rowsRead,
    rowsUsed: totals.rowsRead - totals.rowsRejected,
    rowsRejected: totals.rowsRejected,
    issues,
    latest: totals.latest,
    asOf,
    unknownChannels: countUnknown(table, unknownRaw),
    notes: [...notes],
  };
}

/**
 * An engine's as-of time taken from the data (no --as-of) after the time of the run: said, as a
 * file's audit says it (load/dataset.ts; an engine cannot name the row). Told on stderr too.
 */
export function futureAsOf(asOf: number, settings: Pick<Settings, 'asOf'>, io: Pick<RunIO, 'now' | 'onWarning'>): string[] {
  if (settings.asOf !== null || io.now === undefined || !(asOf > io.now)) return [];
  const note = `the as-of time is the latest timestamp in the data, ${isoSeconds(asOf)}, which is after the time of this run: every ticket still open is measured to it. Fix the row that holds it, or give --as-of the time the export was taken`;
  io.onWarning?.(note);
  return [note];
}

/**
 * The note for an as-of time taken from the data (no --as-of) that lies after the time of the
 * run: one timestamp in the future (a mistyped year, a wrong time zone) makes every ticket still
 * open look that old. Names the row, the column and the time it holds, and the fix. The as-of
 * rule itself is not changed.
 */
function futureAsOfNote(table: TicketTable, mappings: Dataset['mappings'], latest: number, at: { file: string; line: number; column?: string }): string {
  // the ticket that row became (none when a later row of its id replaced it, --duplicates last)
  const fileCode = table.dictionaries.file.values.indexOf(at.file);
  const { fileIndex, line } = locationsOf(table);
  let i = -1;
  for (let k = 0; k < table.size && fileCode >= 0; k++) {
    if (fileIndex[k] === fileCode && line[k] === at.line) {
      i = k;
      break;
    }
  }
  const b = mappings.find((m) => m.file === at.file)?.mapping.bindings ?? {};
  // the column it is in: a timestamp column, or a duration column (the time is creation + duration)
  // (a row outside --since/--until is no ticket of the table: the stream said its column)
  let column = at.column ?? '';
  if (i >= 0) {
    const created = table.createdAt[i] as number;
    const first = table.firstResponseState[i] === ANSWERED ? (table.firstResponse[i] as number) : Number.NaN;
    const resolution = table.resolutionState[i] === RESOLVED ? (table.resolution[i] as number) : Number.NaN;
    const duration = (header: string, seconds: number): string => `${header}: ${formatDuration(seconds)} after creation`;
    if (created === latest) column = b.createdAt?.header ?? 'creation time';
    else if (created + first === latest) column = b.firstResponseTime && !b.firstResponseAt ? duration(b.firstResponseTime.header, first) : (b.firstResponseAt?.header ?? 'first response');
    else if (created + resolution === latest) column = b.resolutionTime && !b.resolvedAt ? duration(b.resolutionTime.header, resolution) : (b.resolvedAt?.header ?? 'resolution');
    // none of the measured times: the resolution of a ticket whose status is open (normalise/rows.ts), not measured but a time of the export
    else if (table.resolutionState[i] !== RESOLVED && (b.resolvedAt ?? b.resolutionTime)) column = `${(b.resolvedAt ?? b.resolutionTime)?.header}, of a ticket whose status is open`;
  }
  return (
    `the as-of time is the latest timestamp in the data, ${isoSeconds(latest)} (${at.file}:${at.line}${column ? `, ${column}` : ''}), ` +
    // the run's time itself is not written: the report would change with the clock (--generated-at keeps outputs stable)
    'which is after the time of this run: every ticket still open is measured to it. ' +
    'Fix that row, or give --as-of the time the export was taken'
  );
}

/** The table without the tickets at `slots` (ascending). */
function withoutSlots(table: TicketTable, slots: readonly number[]): TicketTable {
  if (slots.length === 0) return table;
  const keep = new Uint32Array(table.size - slots.length);
  for (let i = 0, k = 0, s = 0; i < table.size; i++) {
    if (slots[s] === i) s++;
    else keep[k++] = i;
  }
  return subsetTable(table, keep);
}

/**
 * Tickets from a file that cannot measure a metric (Salesforce has no first-response field, a
 * tweet log no resolution) are left out of that metric, instead of counting as never answered
 * or never resolved.
 */
function withoutUnmeasured(table: TicketTable, measures: ReadonlyMap<string, { firstResponse: boolean; resolution: boolean }>): TicketTable {
  const files = table.dictionaries.file.values;
  const lacking = files.map((f) => measures.get(f) ?? { firstResponse: true, resolution: true });
  if (lacking.every((m) => m.firstResponse && m.resolution)) return table;
  const firstResponseState = table.firstResponseState.slice();
  const resolutionState = table.resolutionState.slice();
  const { fileIndex } = locationsOf(table);
  for (let i = 0; i < table.size; i++) {
    const m = lacking[fileIndex[i] as number];
    if (m && !m.firstResponse) firstResponseState[i] = EXCLUDED;
    if (m && !m.resolution) resolutionState[i] = EXCLUDED;
  }
  return { ...table, firstResponseState, resolutionState };
}

function nanToZero(x: number): number {
  return Number.isNaN(x) ? 0 : x;
}

/**
 * Puts the table's durations in the configured clock and records each ticket's age at the
 * as-of time (the censoring time of a still-open ticket). Durations from timestamps and from
 * calendar-time duration columns are converted; a business-time duration column's are already
 * in business hours and are kept as given (measure/durationClocks.ts, the engines' rule too).
 */
function applyClock(table: TicketTable, settings: Settings, asOf: number, mappings: Dataset['mappings']): TicketTable {
  const clock = settings.clock;
  // calendar time: a ticket's age is as-of − created, read from createdAt where needed (openAges)
  if (clock.kind === 'calendar') return { ...table, clock: 'calendar' };
  // per file code: whether each metric's durations are business time already
  const files = table.dictionaries.file.values;
  const given = files.map((file) => {
    const columns = bindingColumns(mappings.find((m) => m.file === file)?.mapping.bindings ?? {});
    return { firstResponse: metricSource(columns, 'firstResponse') === 'business column', resolution: metricSource(columns, 'resolution') === 'business column' };
  });
  const openAge = new Float64Array(table.size);
  // a duration exists where its state says so (a SecondsColumn holds 0 or NaN elsewhere)
  const first = (i: number): number => (table.firstResponseState[i] === ANSWERED ? (table.firstResponse[i] as number) : Number.NaN);
  const res = (i: number): number => (table.resolutionState[i] === RESOLVED ? (table.resolution[i] as number) : Number.NaN);
  let from = asOf;
  let to = asOf;
  for (let i = 0; i < table.size; i++) {
    const c = table.createdAt[i] as number;
    from = Math.min(from, c);
    to = Math.max(to, c + nanToZero(first(i)), c + nanToZero(res(i)));
  }
  const calendar = new BusinessCalendar(clock.schedule, clock.timeZone, clock.holidays, from, to);
  const inBusinessTime = (i: number, seconds: number, given: boolean | undefined): number => {
    const c = table.createdAt[i] as number;
    return Number.isNaN(seconds) || given ? seconds : whole(calendar.between(c, c + seconds));
  };
  const { fileIndex } = locationsOf(table);
  const firstResponse = secondsColumn(table.size, (i) => inBusinessTime(i, first(i), given[fileIndex[i] as number]?.firstResponse));
  const resolution = secondsColumn(table.size, (i) => inBusinessTime(i, res(i), given[fileIndex[i] as number]?.resolution));
  for (let i = 0; i < table.size; i++) openAge[i] = whole(calendar.between(table.createdAt[i] as number, asOf));
  return { ...table, firstResponse, resolution, openAge, clock: 'business', instantFirstResponse: table.firstResponse, instantResolution: table.resolution };
}

/** Tickets per raw channel value that no vocabulary knew (counted on the final table). */
function countUnknown(table: TicketTable, unknownRaw: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  if (unknownRaw.size === 0) return out;
  const dictionary = table.dictionaries.rawChannel;
  for (let i = 0; i < table.size; i++) {
    const raw = dictionary.valueOf(table.rawChannel[i] as number) ?? '';
    if (unknownRaw.has(raw)) out.set(raw, (out.get(raw) ?? 0) + 1);
  }
  return out;
}
