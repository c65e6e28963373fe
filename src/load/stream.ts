/**
 * The ticket stream: every input file opened, its records normalised into tickets, duplicate
 * ticket ids settled by one policy, and every record counted once — used or rejected with a
 * reason. `audit` (through loadDataset) and `inspect` fold over this same stream, so they
 * cannot disagree on which rows were read, used or rejected.
 */
import { statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Settings } from '../settings.js';
import type { RawRecord, ReadOptions } from '../read/source.js';
import { batchesOf, closeRecords, isFieldBatched, writtenValues, type FieldBatch, type FieldBatchedRecords } from '../read/record.js';
import { StringTable } from '../normalise/strings.js';
import { AuditDateOrder } from '../formats/dateOrder.js';
import { missingFieldsError, openMapped, type OpenedFile } from '../formats/open.js';
import { readerRejection, rowNormaliser, type RowContext, type TimestampField } from '../normalise/rows.js';
import type { TimestampStyle } from '../normalise/time.js';
import { isRejection, type RowIssue } from '../normalise/issues.js';
import { ByteRow, OPEN, UNANSWERED, type TicketRow, type TicketTableBuilder } from '../normalise/table.js';
import { byteNormaliser, fieldRanges } from '../normalise/fields.js';
import type { ReadAhead } from './readAhead.js';
import { SplitLogs } from './splitLogs.js';
import { tweetId } from '../formats/tweets.js';
import { wantsReadAhead, type WorkerUse } from '../threads.js';

/**
 * The notes of one used row, given with each of them (issue, retract): a row is told by this
 * array, not by its file and line, which several JSON records can share.
 */
export type RowNotes = readonly RowIssue[];

/** What a consumer of the stream is told, in reading order. */
export interface TicketSink {
  /** A file was opened and its header bound (before any of its records). */
  file?(opened: OpenedFile): void;
  /** A raw record was read (every record, used or not). */
  record?(record: RawRecord): void;
  /** A ticket was accepted into slot `slot`; `replaced` when it takes the slot of an earlier row of the same id (--duplicates last). */
  ticket(ticket: TicketRow, slot: number, replaced: boolean): void;
  /**
   * The ticket in slot `slot` left the period (--duplicates last: a later row of its id lies
   * outside --since/--until); a later `ticket(…, slot, true)` may bring it back. (A table's
   * slots still left at the end are also in the stream's totals, `dropped`.)
   */
  drop?(slot: number): void;
  /**
   * The table the tickets go into, when the sink keeps one: rows the byte reader takes
   * (normalise/fields.ts) are written straight into it, without a TicketRow and without
   * `ticket()`; its `ids` is the duplicate check's table (ticket k has id k).
   */
  builder?: TicketTableBuilder;
  /** A raw channel value no vocabulary knew, on a row written straight into `builder`. */
  unknownChannel?(raw: string): void;
  /**
   * A rejected record (severity error or excluded) or a note on a used one. `later`: the
   * rejection comes again with the row's values through `rejectedLater` (count it here only).
   */
  issue(issue: RowIssue, later?: boolean, row?: RowNotes): void;
  /**
   * Given when rejected rows are wanted with their values (a --rejects file): a duplicate the
   * byte reader finds is then decoded for them, and a row that a later row of the same id
   * replaces (--duplicates last), whose values are gone by then, comes to `issue` without them
   * (`later` set) and here with them after the last file, from a second read of its file; so
   * does a rejected row of an event log (tweets, ServiceNow), whose reducer keeps no row's
   * values, once its file is reduced. A row of standard input, which cannot be read twice,
   * comes here without.
   */
  rejectedLater?(issue: RowIssue): void;
  /**
   * A note given earlier on a row that is no longer used: a later row of the same id took its
   * place (--duplicates last), and the earlier row is rejected as a duplicate instead.
   */
  retract?(issue: RowIssue, row?: RowNotes): void;
  /** A file is read to its end. */
  fileDone?(opened: OpenedFile, rowsRead: number, measures: { firstResponse: boolean; resolution: boolean }): void;
}

/** The stream's accounting after the last file. */
export interface StreamTotals {
  rowsRead: number;
  rowsRejected: number;
  /** Latest timestamp seen in the used tickets (epoch seconds), or null. */
  latest: number | null;
  /** The row that timestamp is on (a log ticket's own line), or null; `column` when the row is no ticket of the table (outside --since/--until). */
  latestAt: { file: string; line: number; column?: string } | null;
  /**
   * Slots whose ticket is not in the period after all (--duplicates last): a later row of the
   * same id lay outside --since/--until, and was kept there. Ascending; the table leaves them out.
   */
  dropped: number[];
}

/** Where standard input comes from, and optional progress reporting. */
export interface StreamIO {
  stdin: Readable;
  /** Which reader: the byte scanner for UTF-8 (default) or csv-parse, the reference (tests run both). */
  reader?: ReadOptions['reader'];
  /** Called every PROGRESS_EVERY rows read (for a progress line on a terminal), with the bytes read when known. */
  onProgress?: (rowsRead: number, file: string, position?: { bytesRead: number; totalBytes: number | null }) => void;
  /** Whether a large file is read with a worker (threads.ts; default by size). */
  workers?: WorkerUse;
}

const PROGRESS_EVERY = 100_000;

/**
 * Rows whose customer ids are read ahead together (Dictionary.warmAscii) before the rows are
 * read one by one, once the customer dictionary holds WARM_FROM_SIZE values (below that it sits
 * in the cache and reading ahead only costs the hashing).
 */
const WARM_ROWS = 256;
const WARM_FROM_SIZE = 1 << 16;

/** Row-normaliser settings from the resolved options. */
export function rowContext(settings: Settings): RowContext {
  return {
    channels: Object.fromEntries(settings.mapping.channels),
    asOf: settings.asOf,
    since: settings.since,
    until: settings.until,
    capitalsShare: settings.loud.capitalsShare,
    exclamationRun: settings.loud.exclamationRun,
    escalationTags: settings.loud.escalationTags,
  };
}

/** Rows reserved at most from an estimate (past it the table grows by doubling as before). */
const MAX_RESERVED_ROWS = 1 << 24;

/** What a file is expected to hold, from its size and its sample records (estimates). */
interface Expected {
  rows: number;
  /** Code units of the ids of those rows together. */
  idUnits: number;
  /** Distinct customers among those rows, and the code units of their ids together. */
  customers: number;
  customerUnits: number;
}

/**
 * How many rows a file is expected to have and how many distinct customers among them, judged
 * from its size in bytes and its sample records (all 0 when the size is not known): a little
 * over rather than under, since the table is trimmed to size in the end.
 */
function estimateRows(opened: OpenedFile): Expected {
  const total = opened.position?.().totalBytes ?? null;
  const sample = opened.sample;
  const none = { rows: 0, idUnits: 0, customers: 0, customerUnits: 0 };
  if (total === null || sample.length === 0) return none;
  let bytes = 0; // a delimiter or line break after each field
  for (const record of sample) for (const value of record.values) bytes += Buffer.byteLength(value) + 1;
  const rows = Math.min(Math.ceil((1.05 * total * sample.length) / Math.max(1, bytes)), MAX_RESERVED_ROWS);
  /** Mean length of column `index`'s trimmed values in the sample, a little over. */
  const meanLength = (index: number | undefined): number => {
    if (index === undefined) return 0;
    let units = 0;
    for (const record of sample) units += (record.values[index] ?? '').trim().length;
    return (1.05 * units) / sample.length;
  };
  const idUnits = Math.ceil(rows * meanLength(opened.mapping.bindings.ticketId?.index));
  const customerIndex = opened.mapping.bindings.customerId?.index;
  if (customerIndex === undefined) return { ...none, rows, idUnits };
  const distinct = new Set(sample.map((record) => (record.values[customerIndex] ?? '').trim()));
  const customers = Math.ceil((rows * distinct.size) / sample.length);
  return { rows, idUnits, customers, customerUnits: Math.ceil(customers * meanLength(customerIndex)) };
}

function nanToZero(x: number): number {
  return Number.isNaN(x) ? 0 : x;
}

/**
 * Reads every file in order into `sink`. With `requireFields` (audit), a file that lacks a
 * required column is an error; without (inspect), its records are still counted and handed to
 * `sink.record`, but no tickets are made of them.
 */
export async function streamTickets(settings: Settings, io: StreamIO, sink: TicketSink, requireFields: boolean): Promise<StreamTotals> {
  // Every ticket id so far: slot k is id k (the table's id column when the sink keeps a table),
  // and where that slot's row was read (for --duplicates last messages).
  const seen = sink.builder?.ids ?? new StringTable();
  // (kept here only without a table: the table has each ticket's file and line)
  const slotFile: string[] = [];
  const slotLine: number[] = [];
  const builder = sink.builder;
  const locationOf = (slot: number): { file: string; line: number } =>
    builder ? builder.locationOf(slot) : { file: slotFile[slot] as string, line: slotLine[slot] as number };
  const context = rowContext(settings);
  let rowsRead = 0;
  let rowsRejected = 0;
  let latest = Number.NEGATIVE_INFINITY;
  let latestFile: string | null = null;
  let latestLine = 0;
  // (the column, for a row outside --since/--until: its ticket is not in the table to be asked)
  let latestColumn: string | null = null;
  const keepValues = sink.rejectedLater !== undefined;
  // --duplicates last with keepValues: the rejections of replaced rows by file (as opened) and line, and each file's path
  const replacedRows = new Map<string, Map<number, RowIssue[]>>();
  const pathOf = new Map<string, string>();
  // --since/--until: ids are settled before the period, as a report settles them over the
  // whole export before it cuts its periods, so that both keep the same tickets of a period.
  // The first row of an id decides (--duplicates first): `outside` holds the ids whose first
  // row lay outside the period, and a row of the period with one of them is its duplicate.
  // The last row decides (--duplicates last): a ticket whose latest row lies outside leaves
  // the period (`dropped`) until a later row of the period takes its slot again.
  // A row that is spam or deleted (its status or a flag of its own) is settled the same way, in the period or not:
  // its id joins `outside` (first), or it takes back the ticket of its id (last).
  let outside: StringTable | null = context.since !== null || context.until !== null ? new StringTable() : null;
  /** The ids of `outside` (by code) whose first row was spam or deleted, not outside the period. */
  const discardedFirst = new Set<number>();
  const outsideIds = (): StringTable => (outside ??= new StringTable());
  /** How a row of the period whose id is `outside`'s `code` is a duplicate. */
  const firstRow = (code: number): 'first outside' | 'first discarded' => (discardedFirst.has(code) ? 'first discarded' : 'first outside');
  const dropped = new Set<number>();
  // --duplicates last: the other records of an event log's ticket, by slot (its own line is the
  // slot's), rejected with it when a later export's row of the same id takes the slot
  const slotRest = new Map<number, readonly number[]>();

  const reject = (issue: RowIssue, later = false): void => {
    rowsRejected++;
    sink.issue(issue, later);
  };
  // --duplicates last: the notes of each slot's row, taken back when a later row replaces it
  const slotNotes = new Map<number, readonly RowIssue[]>();
  const replaceNotes = (slot: number, notes: readonly RowIssue[]): void => {
    const earlier = slotNotes.get(slot) ?? [];
    for (const note of earlier) sink.retract?.(note, earlier);
    if (notes.length) slotNotes.set(slot, notes);
    else slotNotes.delete(slot);
  };

  // one date order for the whole audit (formats/dateOrder.ts)
  const dateOrder = new AuditDateOrder();
  // an event log split over several files is refused (load/splitLogs.ts)
  const splitLogs = new SplitLogs();
  for (const path of settings.files) {
    const unaligned = await openMapped(path, settings.mapping, settings.timeZone, io.stdin, settings.limits, io.reader);
    let opened: typeof unaligned;
    try {
      opened = { ...unaligned, mapping: dateOrder.align(unaligned.mapping, unaligned.file) };
    } catch (error) {
      await closeRecords(unaligned.records);
      throw error;
    }
    if (requireFields && opened.missingRequired.length > 0) {
      await closeRecords(opened.records);
      throw missingFieldsError(opened, settings.configFile, (await opened.sheetNames?.().catch(() => [])) ?? []);
    }
    try {
      sink.file?.(opened);
    } catch (error) {
      // a sink that refuses the file's mapping (load/dataset.ts: a duration column's clock) closes it first
      await closeRecords(opened.records);
      throw error;
    }
    pathOf.set(opened.file, path);
    const { mapping } = opened;
    const b = mapping.bindings;
    // Which metrics this file can measure: a bound column, or (for logs) any ticket that has it.
    const declared = mapping.format.measures?.(mapping) ?? {};
    const measures = { firstResponse: Boolean(b.firstResponseAt || b.firstResponseTime || declared.firstResponse), resolution: Boolean(b.resolvedAt || b.resolutionTime || declared.resolution) };
    const idColumn = b.ticketId?.header ?? 'ticketId';
    // Logs reduce many rows to one ticket, so a later duplicate cannot take the earlier one's rows.
    const lastWins = settings.duplicates === 'last' && !mapping.format.reduce;
    // A log's rejections are mostly settled once its whole file is read (a ticket is many rows),
    // and the reducer keeps only the few columns it needs, not each row's values: with
    // keepValues those rejections wait here by line, and the file is read once more for them
    // when its reduce is done, as a replaced row's file is (readReplaced).
    const logRejections = keepValues && mapping.format.reduce ? new Map<number, RowIssue[]>() : null;
    /** A rejected row of this file: handed on now, or (a log row without its values) after the second read. */
    const rejectRow = (issue: RowIssue): void => {
      if (logRejections === null || issue.values !== undefined) {
        reject(issue);
        return;
      }
      const atLine = logRejections.get(issue.line);
      if (atLine) atLine.push(issue);
      else logRejections.set(issue.line, [issue]);
      reject(issue, true);
    };
    let fileRows = 0;
    /**
     * A second row of id (slot `earlier`): rejected, or (--duplicates last) the earlier one is;
     * whether this one is kept. `values`: this row's fields (for --rejects), or how to decode them.
     */
    const duplicate = (id: string, file: string, line: number, earlier: number, values?: readonly string[] | (() => readonly string[]), period: 'first outside' | 'first discarded' | 'last outside' | 'last discarded' | null = null): boolean => {
      if (!lastWins) {
        const detail =
          period === 'first outside'
            ? `ticket id "${id}" appeared earlier, on a row created outside --since/--until; the first one is kept, so the ticket is not in the period`
            : period === 'first discarded'
              ? `ticket id "${id}" appeared earlier, on a row marked spam or deleted; the first one is kept, so the ticket is not counted`
              : `ticket id "${id}" appeared earlier; the first one is kept`;
        const issue: RowIssue = { kind: 'duplicate-id', severity: 'error', file, line, column: idColumn, value: id, detail };
        rejectRow(keepValues && values ? { ...issue, values: typeof values === 'function' ? values() : values } : issue);
        return false;
      }
      const kept = locationOf(earlier);
      const issue: RowIssue = {
        kind: 'duplicate-id',
        severity: 'error',
        file: kept.file,
        line: kept.line,
        column: idColumn,
        value: id,
        detail:
          period === 'last outside'
            ? `ticket id "${id}" appears again at ${file}:${line}, on a row created outside --since/--until; the last one is kept, so the ticket is not in the period`
            : period === 'last discarded'
              ? `ticket id "${id}" appears again at ${file}:${line}, on a row marked spam or deleted; the last one is kept, so the ticket is not counted`
              : `ticket id "${id}" appears again at ${file}:${line}; the last one is kept`,
      };
      // a log's ticket: each of its other records goes with it, rejected at its own line
      const rest = slotRest.get(earlier) ?? [];
      slotRest.delete(earlier);
      for (const replaced of [issue, ...rest.map((at) => ({ ...issue, line: at, detail: `part of ticket "${id}", rejected at line ${kept.line}: ${issue.detail}` }))]) {
        // the earlier row's values are gone: its file is read again for them after the last file
        if (keepValues) {
          let lines = replacedRows.get(kept.file);
          if (!lines) replacedRows.set(kept.file, (lines = new Map()));
          // (a JSON line can hold several replaced records: every one is kept)
          const atLine = lines.get(replaced.line);
          if (atLine) atLine.push(replaced);
          else lines.set(replaced.line, [replaced]);
        }
        reject(replaced, keepValues);
      }
      if (!builder) {
        slotFile[earlier] = file;
        slotLine[earlier] = line;
      }
      return true;
    };
    const accept = (ticket: TicketRow, file: string, line: number, notes: readonly RowIssue[] = [], values?: readonly string[]): boolean => {
      // (checked before the id takes a slot: a row of the period whose id first came outside it)
      if (!lastWins && outside !== null && outside.size > 0) {
        const first = outside.find(ticket.id);
        if (first >= 0) return duplicate(ticket.id, file, line, -1, values, firstRow(first));
      }
      const slot = seen.size;
      const earlier = seen.intern(ticket.id);
      if (lastWins && dropped.has(earlier)) {
        // (--duplicates last) the ticket's latest row so far lay outside the period and was
        // rejected as such: this row of the period takes its slot, and the ticket is back
        // (an event log's ticket, whose first row wins, is that row's duplicate below)
        dropped.delete(earlier);
        takeSlot(earlier, file, line, notes);
        sink.ticket(ticket, earlier, true);
        return true;
      }
      if (earlier === slot) {
        if (!builder) {
          slotFile.push(file);
          slotLine.push(line);
        }
        if (lastWins && notes.length) slotNotes.set(slot, notes);
        sink.ticket(ticket, slot, false);
        return true;
      }
      if (!duplicate(ticket.id, file, line, earlier, values)) return false;
      replaceNotes(earlier, notes);
      sink.ticket(ticket, earlier, true);
      return true;
    };
    /** A slot's row is now the one at file:line (with its notes): the earlier row was rejected already. */
    const takeSlot = (slot: number, file: string, line: number, notes: readonly RowIssue[]): void => {
      replaceNotes(slot, notes);
      if (!builder) {
        slotFile[slot] = file;
        slotLine[slot] = line;
      }
    };
    /**
     * A row outside --since/--until that would be a ticket (`issue` its rejection as such):
     * rejected as outside the period, or as a duplicate of an earlier row of its id, the same
     * row a whole export's reading would reject as one; a ticket of the period whose latest row
     * this is (--duplicates last) leaves the period. Whether the row is kept (outside the
     * period: its times count for the default as-of time, as a kept row's do). `discarded`: the
     * row is spam or deleted (its status or a flag), and is settled so whether in the period or not.
     */
    const outsideRow = (id: string, issue: RowIssue, values?: readonly string[], discarded = false): boolean => {
      const earlier = seen.find(id);
      if (!lastWins) {
        if (cameBefore(id, earlier, discarded)) return duplicate(id, issue.file, issue.line, earlier, values);
      } else if (earlier < 0) {
        // (kept for an event log read after this file: its tickets' first row wins)
        const ids = outsideIds();
        const size = ids.size;
        if (ids.intern(id) === size && discarded) discardedFirst.add(size);
      } else if (!dropped.has(earlier)) {
        duplicate(id, issue.file, issue.line, earlier, values, discarded ? 'last discarded' : 'last outside');
        takeSlot(earlier, issue.file, issue.line, []);
        dropped.add(earlier);
        sink.drop?.(earlier);
      }
      reject(issue);
      return true;
    };
    /**
     * (The first row of an id wins) whether a row outside the period, of `id` (`earlier` its slot
     * in the period, or −1), is a duplicate: its id came before, in the period or outside it.
     * Otherwise the id is kept, for the rows of the period that come after it.
     */
    const cameBefore = (id: string, earlier: number, discarded = false): boolean => {
      if (earlier >= 0) return true;
      const ids = outsideIds();
      const size = ids.size;
      if (ids.intern(id) < size) return true;
      if (discarded) discardedFirst.add(size);
      return false;
    };
    const counted = async function* (records: AsyncIterable<RawRecord>): AsyncGenerator<RawRecord> {
      for await (const record of records) {
        rowsRead++;
        fileRows++;
        if (io.onProgress && rowsRead % PROGRESS_EVERY === 0) io.onProgress(rowsRead, opened.file, opened.position?.());
        sink.record?.(record);
        if (record.written !== undefined) opened.excelText?.add(record.line, record.values, record.written);
        // a record its reader marked as no row: rejected here, as the row normaliser would
        if (record.rejected) reject(readerRejection(record, record.rejected));
        else yield record;
      }
    };
    // what a log's tickets measure: known from any ticket it makes (a duplicate one included)
    const markMeasures = (ticket: TicketRow): void => {
      if (ticket.firstResponseState !== UNANSWERED) measures.firstResponse = true;
      if (ticket.resolutionState !== OPEN) measures.resolution = true;
    };
    if (mapping.format.reduce) {
      // whether the ticket outside the period whose records are being rejected is a duplicate
      let outsideDuplicate = false;
      // a ticket's notes come just before it (logRows.ts settle): given only when the ticket is
      // kept, as a row's are, and with --duplicates last kept with its slot, to be taken back
      // when a later export's row of the same id replaces it
      let pending: RowIssue[] = [];
      splitLogs.start(mapping.format.id, opened.file);
      const tweetColumn = mapping.format.id === 'tweets' ? (b.ticketId?.index ?? -1) : -1;
      // (a tweet log's ids are noted as its records pass, for a reply in another file; an event
      // log's tickets are noted as they are made, below: no step per record there)
      const tweetIds = async function* (records: AsyncIterable<RawRecord>): AsyncGenerator<RawRecord> {
        for await (const record of records) {
          splitLogs.tweet(tweetId(record.values[tweetColumn]), record.line);
          yield record;
        }
      };
      const logRecords = tweetColumn >= 0 ? tweetIds(counted(opened.records)) : counted(opened.records);
      for await (const out of mapping.format.reduce(logRecords, mapping, context)) {
        if ('issue' in out) {
          if (out.issue.kind === 'orphan-reply' && tweetColumn >= 0) splitLogs.orphan(out.issue.value ?? '', out.issue.line);
          if (out.outside && !out.outside.part) splitLogs.ticket(out.outside.id, out.issue.line);
          if (out.outside) {
            // (a log's duplicates: the first one is kept; every record of the ticket goes with it)
            const { id, part } = out.outside;
            if (!part) outsideDuplicate = cameBefore(id, seen.find(id), out.outside.discarded);
            rejectRow(outsideDuplicate ? { ...out.issue, kind: 'duplicate-id', severity: 'error', column: idColumn, value: id, detail: `${part ? `part of ticket "${id}": ` : ''}ticket id "${id}" appeared earlier; the first one is kept` } : out.issue);
            if (outsideDuplicate) continue;
          } else if (isRejection(out.issue)) rejectRow(out.issue);
          else pending.push(out.issue);
          // a ticket outside the period: the export is still at least as old as its records
          if (out.latest && out.latest.at > latest) {
            latest = out.latest.at;
            latestFile = out.issue.file;
            latestLine = out.latest.line;
            latestColumn = null;
          }
        } else {
          const notes = pending;
          pending = [];
          markMeasures(out.ticket);
          splitLogs.ticket(out.ticket.id, out.ticket.line);
          if (accept(out.ticket, out.ticket.file, out.ticket.line)) {
            for (const note of notes) sink.issue(note, false, notes);
            if (settings.duplicates === 'last' && notes.length) slotNotes.set(seen.find(out.ticket.id), notes);
            if (settings.duplicates === 'last' && out.lines.length > 1) slotRest.set(seen.find(out.ticket.id), out.lines.slice(1));
            // the ticket's own times, and any later record of it (a follow-up, an update), named by its line
            const own = out.ticket.createdAt + Math.max(nanToZero(out.ticket.firstResponseSeconds), nanToZero(out.ticket.resolutionSeconds));
            const later = out.latest && out.latest.at > own ? out.latest : null;
            const last = later ? later.at : own;
            if (last > latest) {
              latest = last;
              latestFile = out.ticket.file;
              latestLine = later ? later.line : out.ticket.line;
              latestColumn = null;
            }
          } else {
            // the ticket's other records go with it, each rejected with its own line
            const id = out.ticket.id;
            for (const line of out.lines.slice(1)) {
              rejectRow({ kind: 'duplicate-id', severity: 'error', file: out.ticket.file, line, column: idColumn, value: id, detail: `part of ticket "${id}", rejected at line ${out.ticket.line}: its id appeared earlier` });
            }
          }
        }
      }
      splitLogs.done();
      // (notes no ticket followed: given as they are)
      for (const note of pending) sink.issue(note);
      if (logRejections !== null && logRejections.size > 0) await readReplaced(settings, io, path, logRejections, sink.rejectedLater!);
    } else if (opened.missingRequired.length > 0) {
      // inspect on a file that cannot be audited: count its records, make no tickets.
      for await (const record of counted(opened.records)) void record;
    } else {
      /** Who hears that a timestamp column the sample left without a style took its first value's (the byte readers). */
      let settled: ((field: TimestampField, style: TimestampStyle) => void) | null = null;
      const normalise = rowNormaliser(mapping, context, (field, style) => settled?.(field, style));
      /** One record through the string normaliser (rows.ts); already counted. */
      const normaliseRecord = (record: RawRecord): void => {
        if (record.written !== undefined) opened.excelText?.add(record.line, record.values, record.written);
        const result = normalise(record);
        if (!result.ok) {
          if (result.outsideId === undefined) reject(result.issue);
          else if (!outsideRow(result.outsideId, result.issue, writtenValues(record), result.discarded)) return;
          // a row outside the period: the export is still at least as old as its times
          if (result.latest !== undefined && result.latest > latest) {
            latest = result.latest;
            latestFile = record.file;
            latestLine = record.line;
            latestColumn = result.latestColumn ?? null;
          }
          return;
        }
        if (accept(result.ticket, record.file, record.line, result.notes, writtenValues(record))) {
          for (const note of result.notes) sink.issue(note, false, result.notes);
          if (result.latest > latest) {
            latest = result.latest;
            latestFile = record.file;
            latestLine = record.line;
            latestColumn = null;
          }
        }
      };
      const fromBytes = builder && !sink.record && isFieldBatched(opened.records) ? byteNormaliser(mapping, context) : null;
      if (builder && fromBytes) {
        // The byte scanner's batches: most rows are read from their bytes into one reused
        // ByteRow (normalise/fields.ts); the rest are decoded and read by rows.ts.
        const records: FieldBatchedRecords = opened.records as FieldBatchedRecords;
        const row = new ByteRow();
        const customerIndex = b.customerId?.index ?? -1;
        const customers = builder.dictionaries.customer;
        const warmStarts = new Int32Array(WARM_ROWS);
        const warmEnds = new Int32Array(WARM_ROWS);
        const expected = estimateRows(opened);
        builder.reserve(builder.size + expected.rows, expected.customers, expected.idUnits, expected.customerUnits);
        /** Reads row r of a batch from its bytes (the worker's reading of it, once handed over). */
        let take: (batch: FieldBatch, r: number, into: ByteRow) => boolean = fromBytes;
        // A large file is read on by a worker (load/readAhead.ts) once the sample is handed on:
        // the same rows from the same byte reader, this thread keeping the order-dependent part.
        // A worker that cannot be started (a limit on threads) leaves the file to this thread.
        const worker =
          records.handOff !== undefined && wantsReadAhead(opened.position?.().totalBytes ?? null, io.workers ?? 'auto')
            ? await import('./readAhead.js').then(({ ReadAhead }) => ReadAhead.prepare()).catch(() => null)
            : null;
        // A time column the sample left without a style is read from bytes only where empty
        // until the string normaliser settles its style on its first value: then on both threads.
        settled = (field, style) => {
          fromBytes.settle(field, style);
          worker?.settle(field, style);
        };
        let handedOver = false;
        /** The next chunk: from the scanner here, or (once handed over, between two chunks) from the worker. */
        const nextChunk = async (): Promise<FieldBatch | readonly RawRecord[] | null> => {
          if (handedOver) return (worker as ReadAhead).next();
          if (worker !== null) {
            const handOff = await records.handOff!(); // null while the sample is still being handed on
            if (handOff !== null) {
              handedOver = true;
              // (always: every row read by the worker, so that the tests compare its reading)
              worker.begin(handOff, opened.file, mapping, context, opened.recoded, io.workers === 'always');
              // a batch the worker did not read (it was ahead) is read here, as before the hand-over
              take = (batch, r, into) => (worker.decoded ? worker.fill(r, into) : fromBytes(batch, r, into));
              return worker.next();
            }
          }
          return records.nextFields();
        };
        try {
          for (let chunk = await nextChunk(); chunk !== null; chunk = await nextChunk()) {
            if (Array.isArray(chunk)) {
              for (const record of chunk as readonly RawRecord[]) {
                rowsRead++;
                fileRows++;
                if (io.onProgress && rowsRead % PROGRESS_EVERY === 0) io.onProgress(rowsRead, opened.file, opened.position?.());
                normaliseRecord(record);
              }
              continue;
            }
            const batch = chunk as Exclude<typeof chunk, readonly RawRecord[]>;
            const bytes = batch.bytes;
            for (let from = 0; from < batch.count; from += WARM_ROWS) {
              const to = Math.min(batch.count, from + WARM_ROWS);
              if (customerIndex >= 0 && customers.size >= WARM_FROM_SIZE) {
                customers.warmAscii(bytes, warmStarts, warmEnds, fieldRanges(batch, customerIndex, from, to, warmStarts, warmEnds));
              }
              for (let r = from; r < to; r++) {
                rowsRead++;
                fileRows++;
                if (io.onProgress && rowsRead % PROGRESS_EVERY === 0) io.onProgress(rowsRead, opened.file, opened.position?.());
                if (!take(batch, r, row)) {
                  normaliseRecord(batch.record(r));
                  continue;
                }
                if (!lastWins && outside !== null && outside.size > 0) {
                  // (as accept: a row of the period whose id first came outside it)
                  const first = outside.findAscii(bytes, row.idStart, row.idEnd);
                  if (first >= 0) {
                    duplicate(outside.valueOf(first), row.file, row.line, -1, () => writtenValues(batch.record(r)), firstRow(first));
                    continue;
                  }
                }
                const slot = seen.size;
                const earlier = seen.internAscii(bytes, row.idStart, row.idEnd);
                if (earlier === slot) {
                  builder.addBytes(row);
                } else if (lastWins && dropped.has(earlier)) {
                  // (as accept: the ticket's latest row so far lay outside the period)
                  dropped.delete(earlier);
                  takeSlot(earlier, row.file, row.line, []);
                  builder.replaceBytes(earlier, row);
                } else {
                  if (!duplicate(seen.valueOf(earlier), row.file, row.line, earlier, () => writtenValues(batch.record(r)))) continue;
                  replaceNotes(earlier, []); // (a row read from its bytes has no notes)
                  builder.replaceBytes(earlier, row);
                }
                if (!row.channelKnown) sink.unknownChannel?.(row.rawChannel);
                if (row.latest > latest) {
                  latest = row.latest;
                  latestFile = row.file;
                  latestLine = row.line;
                  latestColumn = null;
                }
              }
            }
          }
        } finally {
          // the loop stopped early (an error): close the source as for-await would
          await worker?.close();
          await (records as Partial<AsyncIterator<RawRecord>>).return?.();
        }
      } else {
        // Batch by batch (one promise per chunk of records, not per record); counted as in `counted`.
        for await (const batch of batchesOf(opened.records)) {
          for (const record of batch) {
            rowsRead++;
            fileRows++;
            if (io.onProgress && rowsRead % PROGRESS_EVERY === 0) io.onProgress(rowsRead, opened.file, opened.position?.());
            sink.record?.(record);
            normaliseRecord(record);
          }
        }
      }
    }
    sink.fileDone?.(opened, fileRows, measures);
  }
  for (const [file, lines] of replacedRows) await readReplaced(settings, io, pathOf.get(file) ?? file, lines, sink.rejectedLater!);
  return {
    rowsRead,
    rowsRejected,
    latest: Number.isFinite(latest) ? latest : null,
    latestAt: latestFile === null ? null : { file: latestFile, line: latestLine, ...(latestColumn !== null ? { column: latestColumn } : {}) },
    dropped: [...dropped].sort((a, b) => a - b),
  };
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The rejections of rows whose values were not kept (rows that later rows of the same id
 * replaced, --duplicates last; an event log's rows), with the rows' own values: their file is
 * read once more (the same reader, so the same lines) and each rejection handed to `out` with
 * its row's values, in the file's order. Standard input cannot be read twice: its rows are
 * handed on without values, as is a row the file no longer has.
 */
async function readReplaced(settings: Settings, io: StreamIO, path: string, lines: Map<number, RowIssue[]>, out: (issue: RowIssue) => void): Promise<void> {
  // Only a regular file can be read twice (a pipe, a FIFO or /dev/fd/N would hang or be empty),
  // and only a file of one record a line says by its line which record it was (a JSON line can
  // hold a whole page of tickets): the others' rejections go on without their values.
  if (path !== '-' && isRegularFile(path)) {
    const opened = await openMapped(path, settings.mapping, settings.timeZone, io.stdin, settings.limits, io.reader);
    if (opened.replaced) {
      // a JSON source (it counts its lines of bad bytes): records are not one a line
      await closeRecords(opened.records);
      for (const issues of lines.values()) for (const issue of issues) out(issue);
      return;
    }
    const found = (line: number, values: readonly string[]): void => {
      for (const issue of lines.get(line) as RowIssue[]) out({ ...issue, values });
      lines.delete(line);
    };
    try {
      if (isFieldBatched(opened.records)) {
        // undecoded batches: only the rows wanted are decoded
        const records = opened.records;
        for (let chunk = await records.nextFields(); chunk !== null && lines.size > 0; chunk = await records.nextFields()) {
          if (Array.isArray(chunk)) {
            for (const record of chunk as readonly RawRecord[]) if (lines.has(record.line)) found(record.line, writtenValues(record));
            continue;
          }
          const batch = chunk as Exclude<typeof chunk, readonly RawRecord[]>;
          for (let r = 0; r < batch.count; r++) if (lines.has(batch.line[r] as number)) found(batch.line[r] as number, writtenValues(batch.record(r)));
        }
      } else {
        for await (const batch of batchesOf(opened.records)) {
          for (const record of batch) if (lines.has(record.line)) found(record.line, writtenValues(record));
          if (lines.size === 0) break;
        }
      }
    } finally {
      await closeRecords(opened.records);
    }
  }
  for (const issues of lines.values()) for (const issue of issues) out(issue);
}
