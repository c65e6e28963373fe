/**
 * Opening one input for reading tickets: the reader's records, the format detected from the
 * header, and the header bound to ticket fields. Shared by every command through the ticket
 * stream (normalise/stream.ts), so `inspect` and `audit` see a file the same way.
 */
import type { Readable } from 'node:stream';
import { ParityError } from '../errors.js';
import type { MappingSettings } from '../settings.js';
import { openCsv, PIPES, type CsvSource, type RawRecord, type ReadOptions } from '../read/source.js';
import { headerRowOf } from '../read/xlsx.js';
import { HEADER_SAMPLE, LATER_KEYS_MAX } from '../read/ndjson.js';
import { ExcelTextTally } from '../read/excelText.js';
import { closeRecords, isFieldBatched, nextBatchOf, writtenValues, type BatchedRecords, type FieldBatch, type FieldBatchedRecords, type ApiPages, type LateKeys, type RecodedRows } from '../read/record.js';
import { count } from '../format.js';
import type { ReadLimits } from '../read/limits.js';
import { detectFormat, FORMATS } from './index.js';
import { bindColumns, columnsHint, headerList, type Mapping } from './bind.js';
import { headerKey } from './types.js';
import { sameAsHeader } from '../normalise/rows.js';

/** One opened input. */
export interface OpenedFile {
  file: string;
  mapping: Mapping;
  /** Every record, the sample included. */
  records: AsyncIterable<RawRecord>;
  /** The first records, read for sniffing (timestamp styles, units). */
  sample: RawRecord[];
  encoding: string;
  /** Required fields no column is bound to (empty when the file can be audited). */
  missingRequired: RequiredField[];
  /** How far into its bytes the reader is (files only), for progress. */
  position?: CsvSource['position'];
  /** Records that were not valid UTF-8 and were read as Windows-1252 (a UTF-8 file), filled in as it is read. */
  recoded?: RecodedRows;
  /** JSON lines with a U+FFFD (bytes that were not valid UTF-8), filled in as it is read. */
  replaced?: RecodedRows;
  /** JSON on standard input: keys first seen after the header was made (not read), filled in as it is read. */
  lateKeys?: LateKeys;
  aboveHeader?: CsvSource['aboveHeader'];
  sheetIgnored?: true;
  /** The line the header was read from (a CSV's; past any title lines passed over). */
  headerLine?: number;
  /** Values read from Excel's text formulas (`="00123"`, read/excelText.ts), counted by the ticket stream as it reads them. */
  excelText?: ExcelTextTally;
  /** JSON API pages: what they say of the pages after them (read/record.ts ApiPages), filled in as they are read. */
  pages?: ApiPages;
  /** A workbook read at its first sheet: its sheets' names (read/record.ts CsvSource.sheetNames). */
  sheetNames?: () => Promise<string[]>;
}

/**
 * The notes for JSON API pages that are not the whole result (found by an attack: one page of
 * 2,500 tickets was audited as the export, without a word): when the last page of every file
 * of pages says more follow — a run given every page has one that says none does, wherever it
 * is among the files — each such file is named with its key; and when a page counts more
 * records in the whole result than the pages hold together, the two numbers.
 */
export function pagesNotes(opened: ReadonlyArray<Pick<OpenedFile, 'file' | 'pages'>>): string[] {
  const paged = opened.filter((o) => o.pages && o.pages.count > 0);
  const out: string[] = [];
  if (paged.length > 0 && paged.every((o) => o.pages?.more)) {
    for (const o of paged) {
      const p = o.pages as ApiPages;
      const what = p.count === 1 ? 'is one page of an API result, and the page says' : `holds ${count(p.count)} pages of an API result, and the last says`;
      out.push(`${o.file} ${what} more pages follow (${p.more}): only the ${count(p.records)} record${p.records === 1 ? '' : 's'} of the pages given ${p.records === 1 ? 'is' : 'are'} audited; fetch every page (until the last, which says none follows) and give them all, in one file or several`);
    }
  }
  const totals = paged.map((o) => (o.pages as ApiPages).total).filter((t): t is { value: number; key: string } => t !== null);
  const read = paged.reduce((n, o) => n + (o.pages as ApiPages).records, 0);
  const largest = totals.reduce<{ value: number; key: string } | null>((m, t) => (m === null || t.value > m.value ? t : m), null);
  if (largest && largest.value > read) out.push(`the API pages count ${count(largest.value)} records in the whole result ("${largest.key}"), and the pages given hold ${count(read)}: the audit is of those ${count(read)} only`);
  return out;
}

/** What the reader has to say of a file once it is read: bytes that were not UTF-8, JSON keys it could not read. */
export function readNotes(opened: OpenedFile): string[] {
  return [recodedNote(opened), excelTextNote(opened), lateKeysNote(opened), aboveHeaderNote(opened), sheetNote(opened)].filter((n): n is string => n !== null);
}

/**
 * The note for values written as Excel text formulas (`="00123"`), read as the text they show
 * (read/excelText.ts): how many, by column, and the first line. Said because it decides what a
 * value is: `="007"` and `007` are one ticket id, `7` another.
 */
export function excelTextNote(opened: Pick<OpenedFile, 'file' | 'excelText' | 'mapping'>): string | null {
  const tally = opened.excelText;
  if (!tally || tally.firstLine === 0) return null;
  const header = opened.mapping.header;
  const columns: string[] = [];
  let total = 0;
  tally.byColumn.forEach((n, i) => {
    if (!n) return;
    total += n;
    columns.push(`${count(n)} in ${JSON.stringify(header[i] ?? `column ${i + 1}`)}`);
  });
  const written = total === 1 ? 'value is written as an Excel text formula' : 'values are written as Excel text formulas';
  return `${opened.file}: ${count(total)} ${written} (="…", the first on line ${count(tally.firstLine)}), read as the text ${total === 1 ? 'it shows' : 'they show'}: ${columns.join(', ')}`;
}

/** The note for a sheet asked of a file that is no workbook (read/source.ts sheetIgnored). */
function sheetNote(opened: OpenedFile): string | null {
  return opened.sheetIgnored ? `${opened.file}: a sheet was asked for (--sheet, or "sheet" in the config), but the file is no Excel workbook: it is read as it is` : null;
}

/** The note for lines above a CSV's header that were passed over (read/source.ts aboveHeader). */
export function aboveHeaderNote(opened: Pick<OpenedFile, 'file' | 'aboveHeader'>): string | null {
  const above = opened.aboveHeader;
  if (!above) return null;
  const noun = above.rows ? 'row' : 'line';
  const lines = above.lines.length === 1 ? `${noun} ${count(above.lines[0] as number)}` : `${noun}s ${above.lines.map(count).join(', ')}`;
  const first = above.first.length > 80 ? `${above.first.slice(0, 80)}…` : above.first;
  return `${opened.file}: ${lines} above the header (${JSON.stringify(first)}${above.lines.length > 1 ? ', …' : ''}) passed over: ${above.rows ? 'a title' : "a title or Excel's sep= line"}, not a ticket`;
}

/** The note for JSON on standard input with keys first seen after the records its header was made from. */
function lateKeysNote(opened: OpenedFile): string | null {
  const late = opened.lateKeys;
  if (!late || late.keys.length === 0) return null;
  const named = late.keys.map((k) => JSON.stringify(k)).join(', ');
  const more = late.more ? ` and ${count(late.more)} more` : '';
  if (late.why === 'many') {
    return `${opened.file}: more than ${count(LATER_KEYS_MAX)} JSON keys first appear after the first ${count(HEADER_SAMPLE)} records; the first ${count(LATER_KEYS_MAX)} are read, these are not (from line ${count(late.firstLine)}): ${named}${more}`;
  }
  return `${opened.file}: JSON keys first seen after the first ${count(HEADER_SAMPLE)} records (from line ${count(late.firstLine)}) were not read: ${named}${more}; standard input cannot be read twice for them: save the export to a file and audit that (every key of a file is read)`;
}

/**
 * The note for a UTF-8 file with values that were not UTF-8 (each read as Windows-1252), or
 * null when every value was: said by the audit and by inspect.
 */
export function recodedNote(opened: OpenedFile): string | null {
  const lines = opened.replaced?.rows ?? 0;
  if (lines > 0) {
    const what = lines === 1 ? 'line holds' : 'lines hold';
    return `${opened.file}: ${count(lines)} ${what} bytes that are not valid UTF-8 (the first: line ${count(opened.replaced!.firstLine)}), read as the replacement character �; JSON is UTF-8: convert the file to UTF-8 and audit it again`;
  }
  const rows = opened.recoded?.rows ?? 0;
  if (rows === 0) return null;
  const what = rows === 1 ? 'row has' : 'rows have';
  return `${opened.file}: ${count(rows)} ${what} values that are not valid UTF-8 (the first on line ${count(opened.recoded!.firstLine)}) although the file starts as UTF-8; those values were read as Windows-1252, one character per byte. Check them, or save the file as UTF-8`;
}

const SAMPLE_ROWS = 500;
export const REQUIRED = ['ticketId', 'channel', 'createdAt'] as const;
export type RequiredField = (typeof REQUIRED)[number];
const REQUIRED_WORDS: Record<RequiredField, string> = {
  ticketId: 'ticket-id',
  channel: 'channel',
  createdAt: 'creation-time',
};

/** Reads the first records of a source for sniffing, returning them and the rest. */
async function takeSample(records: AsyncIterable<RawRecord>, n: number): Promise<{ sample: RawRecord[]; rest: AsyncIterable<RawRecord>; drop: (k: number) => void }> {
  const iterator = records[Symbol.asyncIterator]();
  const sample: RawRecord[] = [];
  let done = false;
  while (sample.length < n) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    sample.push(next.value);
  }
  // The sample, then the source's own iterator (no generator in between: a promise per record less).
  let at = 0;
  const nextBatch = async (): Promise<readonly RawRecord[] | null> => {
    if (at < sample.length) {
      const out = sample.slice(at);
      at = sample.length;
      return out;
    }
    return done ? null : nextBatchOf(records, iterator);
  };
  const rest: AsyncIterableIterator<RawRecord> & BatchedRecords & Partial<FieldBatchedRecords> = {
    next: () => {
      if (at < sample.length) return Promise.resolve({ value: sample[at++] as RawRecord, done: false });
      return done ? Promise.resolve({ value: undefined, done: true }) : iterator.next();
    },
    nextBatch,
    return: async () => {
      await iterator.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => rest,
  };
  // The byte scanner's undecoded batches pass through, once the sample is handed on.
  if (isFieldBatched(records)) {
    const source = records;
    rest.nextFields = (): Promise<FieldBatch | readonly RawRecord[] | null> =>
      at < sample.length || done ? nextBatch() : source.nextFields();
    // another reader may take over once the sample is handed on (load/readAhead.ts)
    if (source.handOff) {
      const handOff = source.handOff.bind(source);
      rest.handOff = () => (at < sample.length || done ? Promise.resolve(null) : handOff());
    }
  }
  /** Leaves the first k sample records out of `rest` (title lines found above the header: mapOpened). */
  const drop = (k: number): void => {
    at = Math.max(at, k);
  };
  return { sample, rest, drop };
}

/** The error for a file that lacks required fields: names every missing key at once, so one edit of the config fixes the layout. */
export function missingFieldsError(opened: Pick<OpenedFile, 'file' | 'mapping' | 'missingRequired'>, configFile: string | null, sheets: readonly string[] = []): ParityError {
  const missing = opened.missingRequired;
  const words = missing.map((f) => REQUIRED_WORDS[f]);
  const what = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
  const first = missing[0] as RequiredField;
  const fix = missing.length === 1 ? columnsHint(first) : `map them with ${missing.map((f) => `columns.${f}`).join(', ')} in parity.config.json (\`parity init <file>\` writes a starter)`;
  const fromConfig = configFile ? ` (mapping from ${configFile})` : '';
  return new ParityError(`no ${what} column${fromConfig}; ${fix}`, {
    location: { file: opened.file, line: 1 },
    hint: `headers found: ${headerList(opened.mapping.header)}${sheets.length > 1 ? `\n  ${otherSheets(sheets)}` : ''}${pipedHeader(opened.mapping.header) ? `\n  ${PIPES}` : ''}\n  \`parity inspect ${opened.file === '<stdin>' ? '-' : opened.file}\` shows what can be read from it`,
  });
}

/** Whether a header holds its names between `|` (a comma in a later value made the sniffer take commas: found by a review). */
function pipedHeader(header: readonly string[]): boolean {
  return header.join(',').split('|').length >= 3;
}

/** A workbook read at its first sheet, with others (found by an attack: a summary sheet first, the tickets on the second, and no word of it): its sheets and the option. */
export function otherSheets(sheets: readonly string[]): string {
  const listed = sheets.map((s, i) => `${i + 1} ${JSON.stringify(s)}`).join(', ');
  return `the first sheet was read; the workbook's sheets: ${listed}: choose the one that holds the tickets with --sheet <name|number> (or "sheet" in the config)`;
}

/**
 * The column `--by <header>` names: the header spelled the same ignoring case (then ignoring
 * spaces and punctuation too). A file without it is an input error that lists its headers. Log
 * formats (many rows make one ticket) reduce their rows to canonical fields only, so there
 * `--by` names one of those.
 */
export function byColumnOf(header: readonly string[], name: string, logFormat: string | null, file: string): { index: number; header: string } {
  if (logFormat !== null) {
    throw new ParityError(`--by "${name}": ${logFormat} makes one ticket of many rows, so --by can only name a canonical field there`, {
      location: { file, line: 1 },
      hint: 'use --by group, category, priority or status',
    });
  }
  const wanted = name.trim().toLowerCase();
  let index = header.findIndex((h) => h.trim().toLowerCase() === wanted);
  if (index < 0) {
    const key = headerKey(name);
    const matches = header.flatMap((h, i) => (key !== '' && headerKey(h) === key ? [i] : []));
    if (matches.length === 1) index = matches[0] as number;
  }
  if (index < 0) {
    throw new ParityError(`--by "${name}" is not a canonical field (group, category, priority, status) and the file has no such column`, {
      location: { file, line: 1 },
      hint: `headers found: ${headerList(header)}`,
    });
  }
  return { index, header: header[index] as string };
}

/**
 * Whether a cell names a column some format reads: any format's header names, or a header the
 * config's `columns` names. A workbook row holding one is never passed over as a title.
 */
function knownHeaderName(mapping: Pick<MappingSettings, 'columns'>): (cell: string) => boolean {
  const keys = new Set<string>();
  for (const format of FORMATS) for (const names of Object.values(format.synonyms)) for (const name of names ?? []) keys.add(headerKey(name));
  for (const ref of Object.values(mapping.columns)) {
    const name = typeof ref === 'string' ? ref : ref?.column;
    if (name) keys.add(headerKey(name));
  }
  keys.delete('');
  return (cell) => keys.has(headerKey(cell));
}

/** Opens one file and maps its header. Required fields that are missing are listed, not thrown: the caller decides. */
export async function openMapped(path: string, mapping: MappingSettings, timeZone: string, stdin: Readable, limits: ReadLimits, reader?: ReadOptions['reader']): Promise<OpenedFile> {
  const source = await openCsv(path, stdin, { limits, ...(reader ? { reader } : {}), ...(mapping.sheet !== null ? { sheet: mapping.sheet } : {}), headerName: knownHeaderName(mapping) });
  try {
    return await mapOpened(source, mapping, timeZone);
  } catch (error) {
    await closeRecords(source.records); // the file is not read further: release it now
    throw error;
  }
}

async function mapOpened(source: Awaited<ReturnType<typeof openCsv>>, mapping: MappingSettings, timeZone: string): Promise<OpenedFile> {
  const taken = await takeSample(source.records, SAMPLE_ROWS);
  const bind = (header: string[], sample: RawRecord[]) => {
    const detection = detectFormat(header, mapping.inputFormat);
    // (a row that is the header again, exports joined with cat, is no value of its columns)
    const keys = header.map(headerKey);
    const bound = bindColumns(header, detection.format, detection.confidence, mapping, sample.filter((r) => !sameAsHeader(r.values, keys)).map((r) => r.values), timeZone, source.file, source.delimiter);
    const format = detection.format;
    const missingRequired = format.reduce ? [] : REQUIRED.filter((field) => !bound.bindings[field] && !(field === 'channel' && format.fixedChannel));
    return { header, sample, format, bound, missingRequired };
  };
  // (the first line's bind may throw: the config's `columns` name a header it does not hold,
  // which a lower line may, below a group row of merged cells; see lowerHeader below)
  let firstError: unknown = null;
  let read: ReturnType<typeof bind> | null = null;
  try {
    read = bind(source.header, taken.sample);
  } catch (error) {
    if (!(error instanceof ParityError) || source.headerLine === undefined) throw error;
    firstError = error;
  }
  let aboveHeader = source.aboveHeader;
  let headerLine = source.headerLine;
  // A CSV's title of two or more cells (`Ticket report,November 2026,,,,`) is passed over as a
  // workbook's title row is (read/xlsx.ts headerRowOf: fewer than half the cells of the rows
  // below it, none naming a column): only when the first line is no header parity can read, so
  // a header it reads is never second-guessed. (One cell alone is passed over by the reader.)
  /** The header taken from sample record k − 1 (the lines above it passed over as titles). */
  const takeLower = (k: number, retried: ReturnType<typeof bind>): void => {
    headerLine = (taken.sample[k - 1] as RawRecord).line;
    const fresh = [source.headerLine as number, ...taken.sample.slice(0, k - 1).filter((r) => r.values.some((v) => v.trim() !== '')).map((r) => r.line)];
    // (each line once, when a title was passed over before the group row below it)
    const lines = fresh.filter((l) => !(aboveHeader?.lines ?? []).includes(l));
    taken.drop(k);
    if (source.widen) {
      // a workbook's rows were cut to the first header's width: to the new header's from here on
      const width = retried.header.length;
      source.widen(width);
      taken.sample.forEach((r, j) => {
        if (r.values.length < width) taken.sample[j] = { ...r, values: [...r.values, ...new Array<string>(width - r.values.length).fill('')] };
      });
    }
    const first = source.header.filter((v) => v !== '').join(' ');
    aboveHeader = { lines: [...(aboveHeader?.lines ?? []), ...lines], first: aboveHeader?.first ?? first, ...(aboveHeader?.rows || source.delimiter === 'xlsx' ? { rows: true as const } : {}) };
    read = retried;
  };
  const titled = read !== null && read.missingRequired.length > 0 && source.headerLine !== undefined && source.delimiter !== 'xlsx' ? titleLines(source.header, taken.sample, knownHeaderName(mapping)) : 0;
  if (titled > 0 && read !== null) {
    const header = writtenValues(taken.sample[titled - 1] as RawRecord).map((h) => h.trim());
    const retried = bind(header, taken.sample.slice(titled));
    if (retried.missingRequired.length < read.missingRequired.length) takeLower(titled, retried);
  }
  // Still no header parity can audit (or the config's columns not on the first line): a group
  // row of merged cells above the real header (`Ticket,,,Timestamps,,` over `ticket_id,channel,…`)
  // names a column itself, so the title rule keeps it. A line among the first ones below that
  // binds every required field (and every column the config names) is the header, and the lines
  // above it are passed over as titles, said in the notes (found by an attack).
  if ((read === null || read.missingRequired.length > 0) && source.headerLine !== undefined) {
    const filled = (values: readonly string[]): number => values.filter((v) => v.trim() !== '').length;
    // every line above a candidate must be sparse beside it (half its cells or fewer, as a group
    // row of merged cells is): a header that lacks a column, or rows of data, are never passed over
    let widest = filled(source.header);
    for (let k = 1; k <= Math.min(TITLE_SCAN, taken.sample.length - 1); k++) {
      const header = writtenValues(taken.sample[k - 1] as RawRecord).map((h) => h.trim());
      const width = filled(header);
      if (width < 2 || widest * 2 > width) {
        widest = Math.max(widest, width);
        continue;
      }
      let retried: ReturnType<typeof bind>;
      try {
        retried = bind(header, taken.sample.slice(k));
      } catch {
        continue;
      }
      if (retried.missingRequired.length === 0) {
        takeLower(k, retried);
        break;
      }
    }
  }
  if (read === null) throw firstError;
  const { header, sample, format, bound, missingRequired } = read as ReturnType<typeof bind>;
  const byHeader = mapping.byHeader ?? null;
  const mapped: Mapping = byHeader === null ? bound : { ...bound, byColumn: byColumnOf(header, byHeader, format.reduce ? format.label : null, source.file) };
  return { file: source.file, mapping: mapped, records: taken.rest, sample, encoding: source.encoding ?? 'utf-8', missingRequired, ...(source.position ? { position: source.position } : {}), ...(source.recoded ? { recoded: source.recoded } : {}), ...(source.replaced ? { replaced: source.replaced } : {}), ...(source.lateKeys ? { lateKeys: source.lateKeys } : {}), ...(source.pages ? { pages: source.pages } : {}), ...(source.sheetNames ? { sheetNames: source.sheetNames } : {}), ...(aboveHeader ? { aboveHeader } : {}), ...(source.sheetIgnored ? { sheetIgnored: true as const } : {}), ...(headerLine !== undefined ? { headerLine } : {}), excelText: new ExcelTextTally() };
}

/**
 * How many lines from a CSV's first line (`header`) on are a title above its real header, read by
 * the workbook's rule (read/xlsx.ts headerRowOf) over that line and the first sample records: 0
 * when the first line is the header.
 */
function titleLines(header: readonly string[], sample: readonly RawRecord[], headerName: (cell: string) => boolean): number {
  const rows = [header, ...sample.slice(0, TITLE_SCAN).map((r) => r.values)];
  return headerRowOf(rows, headerName).index;
}

/** Records read for titleLines: past the most titles headerRowOf passes over, and the rows it looks ahead at below them. */
const TITLE_SCAN = 16;
