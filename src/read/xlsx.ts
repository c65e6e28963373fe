/**
 * Excel workbooks (.xlsx) → records, in the same shape as CSV records, so a workbook goes through
 * the same header binding, normalisation and counting as the CSV it could have been saved as.
 * The record's `line` is the sheet's row number (what Excel shows at the left), so a rejected
 * row can be found in the workbook.
 *
 * Cells become text the way the rest of the pipeline reads text: text cells as they are, number
 * cells as plain decimals ("12.5", never "12,5", whatever the author's locale), booleans as
 * true/false, and date cells (Excel serial numbers, 1900 or 1904 date system, rounded to the
 * second: serials are binary fractions, so 10:00 is stored as 09:59:59.9999) as a wall-clock
 * time without offset ("2026-07-01T10:00:00"): a workbook stores no time zone, so the configured
 * zone (`--tz`, `timeZone`) says what the time means, as for a CSV time without offset. A time
 * or duration cell (a number format without year or day: `[h]:mm:ss`, `h:mm`; durationFormatKind)
 * becomes hours:minutes:seconds of any length ("49:00:00"), which the duration columns read,
 * whatever the date system: the library reads it as a date, so the sheet's XML gives it back
 * (below, with the error cells). A date cell below one day becomes "0:30:00" too.
 *
 * Library: read-excel-file. Compared (2026): exceljs has a streaming reader but its last release
 * is years old and it pulls in archiver, unzipper, tmp, uuid and more; SheetJS's `xlsx` package
 * on npm is frozen at 0.18.5 with published advisories (prototype pollution, ReDoS), because
 * SheetJS now publishes only from its own site, and its community re-publications (@e965/xlsx)
 * are a mirror of a multi-megabyte bundle rather than a maintained package; read-excel-file is
 * released regularly, small (fflate for the zip, a SAX parser for the XML), reads the workbook
 * from a path, understands the 1900/1904 date systems and date number formats, and keeps empty
 * rows in place, so row numbers stay true. It holds one sheet in memory rather than streaming
 * it: a sheet is bounded (1,048,576 rows), so that is acceptable; CSV stays the route for
 * exports larger than memory. The library is loaded only when a workbook is opened, so reading a
 * CSV never loads it.
 *
 * Error cells (`#VALUE!`, `#N/A`, `#DIV/0!`: a formula that failed) the library reads as empty,
 * with no option to keep them. Empty is a wrong answer here: an empty first-response cell is a
 * ticket still waiting, where the same sheet saved as CSV holds `#VALUE!`, a bad time, which is
 * noted with that value and left out of its metric (normalise/rows.ts SPREADSHEET_ERROR; only
 * `#N/A`, "not available", reads as no value, as empty). So the sheet's XML is read once more for its error cells
 * (fflate, the zip library read-excel-file itself uses; a regular expression over the `<c>`
 * elements of a sheet that has any `t="e"`), and each is given back its text. A sheet without
 * error cells costs one more inflate of its XML and a byte search.
 */
import { readFile } from 'node:fs/promises';
import type * as ExcelLibrary from 'read-excel-file/node';
import { ParityError } from '../errors.js';
import { DEFAULT_LIMITS, formatSize, raiseHint, type ReadLimits } from './limits.js';
import type { CsvSource, RawRecord } from './source.js';

/** `--sheet` / config `sheet`: a sheet name, or its position (1 = first). */
export type SheetChoice = string | number;

/** What a file's name says it is: a workbook parity reads, a legacy one it does not, or neither. */
export function workbookKind(path: string): 'xlsx' | 'legacy' | null {
  const lower = path.toLowerCase();
  if (/\.(xlsx|xlsm)$/.test(lower)) return 'xlsx';
  if (/\.(xls|xlsb|ods|numbers)$/.test(lower)) return 'legacy';
  return null;
}

/** Zip local-file header "PK\x03\x04": how every .xlsx file starts. */
export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1): legacy .xls (and .doc, .msg). */
export function isOle2(head: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return magic.every((b, i) => head[i] === b);
}

/** The error for a workbook parity cannot read (legacy .xls, .ods, or one on standard input). */
export function unsupportedWorkbook(file: string, why: 'legacy' | 'stdin' | 'zip'): ParityError {
  if (why === 'stdin') {
    return new ParityError('standard input holds an Excel workbook (a zip archive), which parity reads only from a file', {
      location: { file },
      hint: 'save it and pass its path (parity audit export.xlsx), or export the sheet as CSV',
    });
  }
  if (why === 'zip') {
    return new ParityError('the file is a zip archive but not an Excel workbook (.xlsx)', {
      location: { file },
      hint: 'unzip it and pass the CSV or .xlsx inside',
    });
  }
  return new ParityError('legacy Excel (.xls), .xlsb and OpenDocument workbooks are not read', {
    location: { file },
    hint: 'save the sheet as .xlsx (Excel Workbook) or as CSV UTF-8, and pass that file',
  });
}

const EPOCH_MS_PER_DAY = 86_400_000;
/** 1900-01-01T00:00:00 as a wall clock: serials below it are times of day or durations. */
const FIRST_DAY = Date.UTC(1900, 0, 1);
/** read-excel-file's "serial 0" in the 1900 system (1899-12-30, after Lotus's leap-year bug). */
const SERIAL_ZERO = Date.UTC(1899, 11, 30);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A date cell as text: the wall clock it shows, rounded to the second, without offset. Dates
 * before 1900 (serials below 1) are times or durations: "H:MM:SS".
 */
export function dateCellText(date: Date): string {
  // a date-formatted cell holding no number (`<v>NaN</v>`): what it holds, for the reader to refuse
  if (Number.isNaN(date.getTime())) return 'NaN';
  const ms = Math.round(date.getTime() / 1000) * 1000;
  if (ms < FIRST_DAY) {
    const seconds = Math.round((ms - SERIAL_ZERO) / 1000);
    return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  }
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** One cell as the text a CSV export would hold. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateCellText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** Excel's own serial for a wall-clock time (for tests and fixtures): days since 1899-12-30. */
export function excelSerial(wallClockUtcMs: number): number {
  return (wallClockUtcMs - SERIAL_ZERO) / EPOCH_MS_PER_DAY;
}

/** `--sheet 2` → 2, `--sheet Tickets` → "Tickets". */
export function parseSheetChoice(text: string): SheetChoice {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
}

type Excel = typeof ExcelLibrary;

function failure(error: unknown, excel: Excel, file: string, sheet: SheetChoice | undefined, byName: boolean): ParityError {
  if (error instanceof ParityError) return error;
  const { SheetNotFoundError, InvalidSpreadsheetError, InvalidInputError } = excel;
  // A zip that only looked like a workbook by its bytes (a zipped CSV, say).
  if (!byName && (error instanceof InvalidInputError || (error instanceof InvalidSpreadsheetError && /not found inside/.test(error.message)))) {
    return unsupportedWorkbook(file, 'zip');
  }
  if (error instanceof SheetNotFoundError) {
    const sheets = ((error as unknown as { sheets?: string[] }).sheets ?? []).map((s, i) => `${i + 1} "${s}"`).join(', ');
    // (the library's own message names the choice and the sheets; parity says it in its words)
    return new ParityError(`the workbook has no sheet ${typeof sheet === 'number' ? sheet : JSON.stringify(sheet)}`, {
      location: { file },
      hint: `its sheets: ${sheets}; choose one with --sheet <name|number> (or "sheet" in the config)`,
    });
  }
  if (error instanceof InvalidSpreadsheetError) {
    // "<c/> at row 14, col 3: VALUE_MISSING": a formula saved without its value, and the like.
    const m = /row (\d+), col (\d+): (\w+)/.exec(error.message);
    if (m) {
      const what = m[3] === 'VALUE_MISSING' ? 'a cell has no stored value (a formula saved without its result?)' : `a cell cannot be read (${m[3]})`;
      return new ParityError(what, { location: { file, line: Number(m[1]), column: `column ${m[2]}` }, hint: 'open the workbook in Excel, let it recalculate, and save it again' });
    }
    // a zip without a workbook's parts (a .docx, any zip named .xlsx) lands here too
    return new ParityError(`the workbook is damaged: ${error.message}`, {
      location: { file },
      hint: 'open it in Excel and save it again as .xlsx (or save the sheet as CSV); if it is not a workbook, give the export itself',
    });
  }
  if (error instanceof InvalidInputError) return unsupportedWorkbook(file, 'zip');
  // the reader stopping on a part it expected (a sheet without <sheetData>, written by a tool
  // other than a spreadsheet): said in parity's words, not the reader's internal message
  if (error instanceof TypeError || error instanceof RangeError) {
    return new ParityError('the workbook cannot be read: a sheet lacks parts a spreadsheet writes', {
      location: { file },
      hint: 'open it in Excel or LibreOffice and save it again, or export the sheet as CSV',
    });
  }
  return new ParityError(`cannot read the workbook: ${(error as Error).message}`, { location: { file } });
}

/** The workbook's sheet names, in order (read from the error a sheet that cannot exist raises). */
async function sheetNames(path: string, excel: Excel): Promise<string[]> {
  try {
    await excel.readSheet(path, '\u0000');
  } catch (error) {
    if (error instanceof excel.SheetNotFoundError) return (error as unknown as { sheets?: string[] }).sheets ?? [];
  }
  return [];
}

/** Most title rows of two or more cells passed over above a sheet's header (as a CSV's title lines, read/source.ts TITLE_LINES). */
const TITLE_ROWS = 5;

/** How many non-empty rows below a title row are looked at for the header's width: from the first of five titles, the header is in view. */
const TITLE_LOOKAHEAD = TITLE_ROWS + 1;

/**
 * The first rows of a sheet, up to and including the (TITLE_ROWS + TITLE_LOOKAHEAD + 1)-th row
 * of two or more cells: all that headerRowOf reads to decide (past its TITLE_ROWS titles of two
 * cells the next such row is the header, and each title's look-ahead of TITLE_LOOKAHEAD
 * non-empty rows ends before the TITLE_LOOKAHEAD-th wide row after it).
 */
export function headRows(rows: readonly (readonly unknown[])[]): readonly (readonly unknown[])[] {
  let wide = 0;
  for (let i = 0; i < rows.length; i++) {
    let cells = 0;
    for (const v of rows[i] as readonly unknown[]) if (cellText(v).trim() !== '' && ++cells >= 2) break;
    if (cells >= 2 && ++wide > TITLE_ROWS + TITLE_LOOKAHEAD) return rows.slice(0, i + 1);
  }
  return rows;
}

/**
 * The header row of a sheet's rows (0-based), and the non-empty rows above it passed over as a
 * title. A title row is one of a single cell ("Zendesk export", as before), or — at most
 * TITLE_ROWS of them — one that fills fewer than half the cells of the widest of the next
 * TITLE_LOOKAHEAD non-empty rows ("Ticket report" | "November 2026" above a header of six
 * columns) and holds no cell naming a known column (`headerName`), so a narrow header above
 * wider rows is never taken for a title. Empty rows are passed over unsaid, as a CSV's blank
 * lines. With no row of two cells, the first non-empty row (a cover page: the caller says so).
 */
export function headerRowOf(rows: readonly (readonly string[])[], headerName: (cell: string) => boolean = () => false): { index: number; titles: number[] } {
  const filled = rows.map((row) => row.filter((v) => v.trim() !== '').length);
  const nonEmpty = filled.flatMap((n, i) => (n > 0 ? [i] : []));
  if (!filled.some((n) => n >= 2)) return { index: nonEmpty[0] ?? -1, titles: [] };
  const titles: number[] = [];
  let wide = 0;
  for (let k = 0; k < nonEmpty.length; k++) {
    const i = nonEmpty[k] as number;
    const n = filled[i] as number;
    const below = nonEmpty.slice(k + 1, k + 1 + TITLE_LOOKAHEAD).map((j) => filled[j] as number);
    if (below.length === 0) return { index: i, titles };
    if (n < 2) {
      titles.push(i);
      continue;
    }
    const title = wide < TITLE_ROWS && n * 2 < Math.max(...below) && !(rows[i] as readonly string[]).some((v) => v.trim() !== '' && headerName(v.trim()));
    if (!title) return { index: i, titles };
    titles.push(i);
    wide++;
  }
  return { index: nonEmpty[0] ?? -1, titles: [] };
}

/**
 * Opens sheet `sheet` (default the first) of the workbook at `path`. The header is the first
 * non-empty row that is not a title (headerRowOf); records are the rows after it, each with its
 * sheet row number.
 */
export async function openXlsx(path: string, file: string, sheet?: SheetChoice, byName = true, headerName?: (cell: string) => boolean, limits: ReadLimits = DEFAULT_LIMITS): Promise<CsvSource> {
  await checkWorkbookSize(path, file, limits);
  const excel: Excel = await import('read-excel-file/node');
  let rows: unknown[][];
  try {
    rows = (await excel.readSheet(path, sheet ?? 1)) as unknown[][];
  } catch (error) {
    throw failure(error, excel, file, sheet, byName);
  }
  withErrorCells(rows, await errorCells(path, sheet ?? 1));
  const isEmpty = (row: readonly unknown[]): boolean => row.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
  // A title above the table ("Zendesk export", or "Ticket report" | "November 2026") is passed
  // over to the first row that looks like a header, as a person would, and a note says so.
  // (only the rows that can decide it are made text: a sheet of a million rows is read once, below)
  const texts = headRows(rows).map((row) => row.map(cellText));
  const { index: headerIndex, titles } = headerRowOf(texts, headerName);
  if (headerIndex < 0 || isEmpty(rows[headerIndex] as unknown[])) {
    throw new ParityError(`the sheet${sheet === undefined ? '' : ` ${JSON.stringify(sheet)}`} is empty: no header row and no tickets`, {
      location: { file },
      hint: 'choose the sheet that holds the tickets with --sheet <name|number>',
    });
  }
  const headerRow = rows[headerIndex] as unknown[];
  if (sheet === undefined && headerRow.filter((v) => cellText(v).trim() !== '').length < 2) {
    // The first sheet is a note or a cover page: say which sheets there are.
    const names = await sheetNames(path, excel);
    if (names.length > 1) {
      throw new ParityError(`the first sheet ("${names[0]}") holds no table of tickets`, {
        location: { file },
        hint: `its sheets: ${names.map((s, i) => `${i + 1} "${s}"`).join(', ')}; choose one with --sheet <name|number> (or "sheet" in the config)`,
      });
    }
  }
  // Trailing empty header cells (a formatted but empty column) are not columns.
  let width = headerRow.length;
  while (width > 0 && cellText(headerRow[width - 1]).trim() === '') width--;
  const header = headerRow.slice(0, width).map((v) => cellText(v).trim());
  // A blank row below the header is a row of empty values, read and then rejected (no ticket
  // id), as the same sheet saved as CSV reads its `,,,`: a workbook audits to the CSV's numbers.
  // (The library gives the rows up to the last one with a cell; Excel's CSV may go on with empty
  // formatted rows, which it then rejects: the one difference left, said in the README.)
  async function* records(): AsyncGenerator<RawRecord> {
    for (let i = headerIndex + 1; i < rows.length; i++) {
      const row = rows[i] as unknown[];
      let end = row.length;
      while (end > width && cellText(row[end - 1]) === '') end--;
      yield { file, line: i + 1, values: row.slice(0, Math.max(end, width)).map(cellText) };
    }
  }
  const above = titles.length ? { aboveHeader: { lines: titles.map((i) => i + 1), first: (texts[titles[0] as number] as string[]).filter((v) => v.trim() !== '').map((v) => v.trim()).join(' '), rows: true as const } } : {};
  // (a lower row taken for the header by formats/open.ts, below a group row of merged cells, is
  // wider than this one: the records are read to its width from then on)
  const widen = (n: number): void => {
    if (n > width) width = n;
  };
  return { file, header, delimiter: 'xlsx', records: records(), headerLine: headerIndex + 1, widen, ...above, ...(sheet === undefined ? { sheetNames: () => sheetNames(path, excel) } : {}) };
}

/**
 * A cell of a sheet the library does not read as a CSV would hold it: its 1-based row and column,
 * and its text — the error Excel shows (`#N/A`, where the library leaves the cell empty), or a
 * time or duration cell's hours:minutes:seconds (`replaces`: where the library made a date).
 */
export interface ErrorCell {
  row: number;
  column: number;
  text: string;
  replaces?: boolean;
}

const decoder = new TextDecoder();

/** XML text with its five entities (and numeric references) read. */
function xmlText(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex || dec) {
      const code = Number.parseInt((hex ?? dec) as string, hex ? 16 : 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp'];
  });
}

/** An attribute of an element's attribute text (`r="B5" t="e"`), or null. */
function attribute(attributes: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? xmlText(m[1] ?? m[2] ?? '') : null;
}

/** "B5" → row 5, column 2; null for anything else. */
export function cellReference(reference: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(reference.trim());
  if (!m) return null;
  let column = 0;
  for (const letter of (m[1] as string).toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/** The zip part a workbook relationship's target names (relative to `xl/`, or absolute). */
function partPath(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const out: string[] = [];
  for (const piece of path.split('/')) {
    if (piece === '..') out.pop();
    else if (piece !== '.' && piece !== '') out.push(piece);
  }
  return out.join('/');
}

/** Below this size the parts parity reads are not judged by the workbook's compression ratio (a small workbook compresses oddly). */
const WORKBOOK_RATIO_FLOOR_BYTES = 1024 * 1024;

/** The parts of a workbook the XML parser reads: the sheets and their shared strings (not pivot caches, drawings or the like, which may compress far better). */
function parsedPart(name: string): boolean {
  return /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(name);
}

/**
 * Bounds on a workbook before the spreadsheet library reads it, as gzipGuard bounds gzip input:
 * the parts the XML parser reads (the sheets and their shared strings) are inflated once from
 * their local entries, as the library will inflate them (not from the sizes the zip's directory
 * declares, which a crafted file can understate), counting what comes out, and stopped past
 * `maxCompressionRatio` times the workbook's size (once past 1 MiB) or past
 * `maxDecompressedBytes`. A 12 KB workbook whose sheet held 10 MiB of spaces had kept the XML
 * parser busy for a minute, and one of 300 KB took 1.9 GB, before each failed with a wrong
 * diagnosis. The cost: one more inflate of the sheets (the error cells' reading inflates the
 * chosen one again too).
 */
async function checkWorkbookSize(path: string, file: string, limits: ReadLimits): Promise<void> {
  const { Unzip, UnzipInflate } = await import('fflate');
  const zip = new Uint8Array(await readFile(path));
  const ratioCap = Math.max(WORKBOOK_RATIO_FLOOR_BYTES, limits.maxCompressionRatio * zip.length);
  let total = 0;
  let over: { name: string; kind: 'ratio' | 'size' } | null = null;
  const unzip = new Unzip((entry) => {
    if (over || !parsedPart(entry.name)) return;
    entry.ondata = (error, chunk) => {
      if (error || over) return;
      total += chunk.length;
      if (total > limits.maxDecompressedBytes) over = { name: entry.name, kind: 'size' };
      else if (total > ratioCap) over = { name: entry.name, kind: 'ratio' };
      if (over) entry.terminate();
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    // in pieces, so that a part found too large stops the inflating early
    for (let at = 0; at < zip.length && !over; at += 1 << 16) unzip.push(zip.subarray(at, Math.min(zip.length, at + (1 << 16))), at + (1 << 16) >= zip.length);
  } catch {
    return; // not a zip fflate can read: read-excel-file says what is wrong with it
  }
  const found = over as { name: string; kind: 'ratio' | 'size' } | null;
  if (found?.kind === 'ratio') {
    throw new ParityError(`the workbook's part ${JSON.stringify(found.name)} unpacks to more than ${limits.maxCompressionRatio} times the workbook's size (past ${formatSize(ratioCap)} from ${formatSize(zip.length)}): a zip bomb, not an export`, {
      location: { file },
      hint: raiseHint('maxCompressionRatio', limits.maxCompressionRatio),
    });
  }
  if (found?.kind === 'size') {
    throw new ParityError(`the workbook's sheets unpack to more than ${formatSize(limits.maxDecompressedBytes)}`, { location: { file }, hint: raiseHint('maxDecompressedBytes', limits.maxDecompressedBytes) });
  }
}

/**
 * The error cells of the workbook's sheet `sheet` (a name, or its position from 1), in the
 * sheet's XML: `<c r="B5" t="e"><f>…</f><v>#N/A</v></c>`. Empty when the sheet has none, or
 * when its part cannot be found (the library has then already said what is wrong).
 */
export async function errorCells(path: string, sheet: SheetChoice): Promise<ErrorCell[]> {
  const { unzipSync } = await import('fflate');
  const zip = new Uint8Array(await readFile(path));
  const names = (file: string): boolean => file === 'xl/workbook.xml' || file === 'xl/_rels/workbook.xml.rels' || file === 'xl/styles.xml';
  let book: Record<string, Uint8Array>;
  try {
    book = unzipSync(zip, { filter: (f) => names(f.name) });
  } catch {
    return [];
  }
  const workbook = decoder.decode(book['xl/workbook.xml'] ?? new Uint8Array());
  const rels = decoder.decode(book['xl/_rels/workbook.xml.rels'] ?? new Uint8Array());
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)].map((m) => m[1] as string);
  const chosen = typeof sheet === 'number' ? sheets[sheet - 1] : sheets.find((a) => attribute(a, 'name') === sheet);
  const id = chosen === undefined ? null : attribute(chosen, '(?:\\w+:)?id');
  if (id === null) return [];
  const relation = [...rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => m[1] as string).find((a) => attribute(a, 'Id') === id);
  const target = relation === undefined ? null : attribute(relation, 'Target');
  if (target === null) return [];
  const part = partPath(target);
  let xml: Uint8Array | undefined;
  try {
    xml = unzipSync(zip, { filter: (f) => f.name === part })[part];
  } catch {
    return [];
  }
  const durations = durationStyles(decoder.decode(book['xl/styles.xml'] ?? new Uint8Array()));
  if (!xml || (!hasErrorType(xml) && durations.size === 0)) return [];
  return errorCellsOf(decoder.decode(xml), durations);
}

/** Built-in number formats (no numFmt entry) that show a time, not a date: h:mm AM/PM … mm:ss.0, and [h]:mm:ss (46) elapsed. */
const BUILT_IN_TIMES = new Map<number, 'elapsed' | 'time'>([[18, 'time'], [19, 'time'], [20, 'time'], [21, 'time'], [45, 'time'], [46, 'elapsed'], [47, 'time']]);

/**
 * What an Excel number format shows: `elapsed` time (`[h]:mm:ss`, `[mm]:ss`: a duration of any
 * length), a `time` of day (hours, minutes, seconds without a year, day or era, `h:mm`: a
 * duration below a day; a serial of a day or more is a date and time shown as its time, and stays
 * a date), or null for anything else. read-excel-file reads both kinds as dates: a duration of two
 * days or more became 1900-01-01 and was rejected, and in a workbook of the 1904 date system
 * every duration was a date in 1904 (found by an attack).
 */
export function durationFormatKind(code: string): 'elapsed' | 'time' | null {
  const section = (code.toLowerCase().replace(/\\./g, ' ').split(';')[0] ?? '').replace(/"[^"]*"/g, ' ');
  if (/\[(h+|m+|s+)\]/.test(section)) return 'elapsed';
  const plain = section.replace(/\[[^\]]*\]/g, '');
  return /[hs]/.test(plain) && !/[yde]/.test(plain) ? 'time' : null;
}

/** The workbook's cell styles (`s` of a cell) whose number format shows a time or duration, by index, with their kind. */
export function durationStyles(styles: string): Map<number, 'elapsed' | 'time'> {
  const formats = new Map<number, string>();
  for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const id = Number(attribute(m[1] as string, 'numFmtId'));
    const code = attribute(m[1] as string, 'formatCode');
    if (Number.isInteger(id) && code !== null) formats.set(id, code);
  }
  const out = new Map<number, 'elapsed' | 'time'>();
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs\s*>/.exec(styles);
  if (!xfs) return out;
  [...(xfs[1] as string).matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)].forEach((m, index) => {
    const id = Number(attribute(m[1] as string, 'numFmtId') ?? '0');
    const code = formats.get(id);
    const kind = code !== undefined ? durationFormatKind(code) : (BUILT_IN_TIMES.get(id) ?? null);
    if (kind !== null) out.set(index, kind);
  });
  return out;
}

/** A serial number of days as the duration text a CSV would hold: "49:00:00" (whole seconds; a minus sign before). */
export function durationText(days: number): string {
  const total = Math.round(Math.abs(days) * 86400);
  const sign = days < 0 && total > 0 ? '-' : '';
  return `${sign}${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/** Whether the sheet's bytes hold `t="e"` or `t='e'` anywhere (most sheets: no, and nothing more is read). */
function hasErrorType(xml: Uint8Array): boolean {
  const buffer = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  return buffer.includes('t="e"') || buffer.includes("t='e'");
}

/**
 * The error cells of a sheet's XML text. A cell's place is its `r` ("B5"); a writer may leave
 * `r` out, and the place is then the one after the previous cell (rows likewise).
 */
export function errorCellsOf(xml: string, durations: ReadonlyMap<number, 'elapsed' | 'time'> = new Map()): ErrorCell[] {
  const out: ErrorCell[] = [];
  const tag = /<(?:\w+:)?(row|c)\b([^>]*?)(\/)?>/g;
  let row = 0;
  let column = 0;
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    const attributes = m[2] as string;
    const r = attribute(attributes, 'r');
    if (m[1] === 'row') {
      const n = r === null ? Number.NaN : Number(r);
      row = Number.isInteger(n) && n > 0 ? n : row + 1;
      column = 0;
      continue;
    }
    const at = r === null ? null : cellReference(r);
    column = at ? at.column : column + 1;
    if (at) row = at.row;
    if (m[3] === '/') continue;
    const type = attribute(attributes, 't');
    const error = type === 'e';
    // a number (no type, or n) in a time or duration style
    const kind = !error && durations.size > 0 && (type === null || type === 'n') ? durations.get(Number(attribute(attributes, 's') ?? '0')) : undefined;
    const duration = kind !== undefined;
    if (!error && !duration) continue;
    const end = /<\/(?:\w+:)?c\s*>/g;
    end.lastIndex = tag.lastIndex;
    const close = end.exec(xml);
    const value = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v\s*>/.exec(xml.slice(tag.lastIndex, close ? close.index : xml.length));
    if (!value || row <= 0) continue;
    if (error) out.push({ row, column, text: xmlText(value[1] as string) });
    else {
      const days = Number(xmlText(value[1] as string).trim());
      // a time of day's format on a serial of a day or more: a date and time, the library's date
      if (Number.isFinite(days) && (kind === 'elapsed' || (days >= 0 && days < 1))) out.push({ row, column, text: durationText(days), replaces: true });
    }
  }
  return out;
}

/** Gives each error cell its text back in the rows the library read (where it left the cell empty). */
export function withErrorCells(rows: unknown[][], cells: readonly ErrorCell[]): void {
  for (const { row, column, text, replaces } of cells) {
    while (rows.length < row) rows.push([]);
    const values = rows[row - 1] as unknown[];
    while (values.length < column) values.push(null);
    if (replaces || values[column - 1] === null || values[column - 1] === undefined) values[column - 1] = text;
  }
}
