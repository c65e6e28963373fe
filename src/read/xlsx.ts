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
 * zone (`--tz`, `timeZone`) says what the time means, as for a CSV time without offset. A date
 * cell below one day (a time-of-day or duration cell, "0:30:00") becomes "0:30:00", which the
 * duration columns read as hours:minutes:seconds.
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
 */
import type * as ExcelLibrary from 'read-excel-file/node';
import { ParityError } from '../errors.js';
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
    return new ParityError(`the workbook is damaged: ${error.message}`, { location: { file } });
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

/**
 * Opens sheet `sheet` (default the first) of the workbook at `path`. The header is the first
 * non-empty row; records are the non-empty rows after it, each with its sheet row number.
 */
export async function openXlsx(path: string, file: string, sheet?: SheetChoice, byName = true): Promise<CsvSource> {
  const excel: Excel = await import('read-excel-file/node');
  let rows: unknown[][];
  try {
    rows = (await excel.readSheet(path, sheet ?? 1)) as unknown[][];
  } catch (error) {
    throw failure(error, excel, file, sheet, byName);
  }
  const isEmpty = (row: readonly unknown[]): boolean => row.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
  // A title above the table ("Zendesk export") is a row with one cell: skip to the first row that
  // looks like a header (two or more cells), as a person would.
  let headerIndex = rows.findIndex((row) => row.filter((v) => cellText(v).trim() !== '').length >= 2);
  if (headerIndex < 0) headerIndex = rows.findIndex((row) => !isEmpty(row));
  if (headerIndex < 0) {
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
  async function* records(): AsyncGenerator<RawRecord> {
    for (let i = headerIndex + 1; i < rows.length; i++) {
      const row = rows[i] as unknown[];
      if (isEmpty(row)) continue;
      let end = row.length;
      while (end > width && cellText(row[end - 1]) === '') end--;
      yield { file, line: i + 1, values: row.slice(0, Math.max(end, width)).map(cellText) };
    }
  }
  return { file, header, delimiter: 'xlsx', records: records() };
}
