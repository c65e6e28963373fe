/**
 * Excel workbooks (src/read/xlsx.ts): cells to text, the 1900 date system, row numbers, and the
 * fixtures written by scripts/make-xlsx-fixture.mjs from fixtures/formats/zendesk.csv.
 */
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { cellReference, cellText, dateCellText, headerRowOf, headRows, durationStyles, durationText, errorCells, errorCellsOf, durationFormatKind, excelSerial, isOle2, isZip, openXlsx, parseSheetChoice, withErrorCells, workbookKind } from '../../src/read/xlsx.js';
import { openCsv, type RawRecord } from '../../src/read/source.js';
import { ParityError } from '../../src/errors.js';
import { fixture } from '../helpers/exec.js';
import { auditFiles } from '../helpers/audit.js';

async function all(records: AsyncIterable<RawRecord>): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

describe('Excel cells as text', () => {
  it('counts serials from 1899-12-30 (the 1900 system): 2026-07-01 09:00 is 46204.375', () => {
    // 2025-01-01 is serial 45658; + 365 days of 2025 = 46023 for 2026-01-01; + 181 days (Jan–Jun) = 46204; 9h = 0.375 d
    expect(excelSerial(Date.UTC(2026, 6, 1, 9, 0, 0))).toBe(46204.375);
  });

  it('rounds a date cell to the second and writes the wall clock without offset', () => {
    // a serial for 10:00 stored a hair short, as binary fractions are
    expect(dateCellText(new Date(Date.UTC(2026, 6, 1, 9, 59, 59, 999)))).toBe('2026-07-01T10:00:00');
    expect(dateCellText(new Date(Date.UTC(2026, 6, 1, 10, 0, 0, 400)))).toBe('2026-07-01T10:00:00');
    expect(dateCellText(new Date(Date.UTC(2026, 0, 31)))).toBe('2026-01-31T00:00:00');
    // a date-formatted cell holding no number: read as the text NaN (a bad date), not 0NaN-NaN-…
    expect(dateCellText(new Date(Number.NaN))).toBe('NaN');
  });

  it('writes a cell below one day (a time or duration) as hours:minutes:seconds', () => {
    // serial 0.5208333 = 12:30 on 1899-12-30
    expect(dateCellText(new Date(Date.UTC(1899, 11, 30, 12, 30, 0)))).toBe('12:30:00');
    expect(dateCellText(new Date(Date.UTC(1899, 11, 30, 0, 0, 45)))).toBe('0:00:45');
  });

  it('writes numbers with a decimal point, booleans as words, empty cells as nothing', () => {
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(9001)).toBe('9001');
    expect(cellText(true)).toBe('true');
    expect(cellText(null)).toBe('');
    expect(cellText('Mail')).toBe('Mail');
  });

  it('tells workbooks by name and by their first bytes', () => {
    expect(workbookKind('export.XLSX')).toBe('xlsx');
    expect(workbookKind('old.xls')).toBe('legacy');
    expect(workbookKind('export.csv')).toBeNull();
    expect(isZip(Buffer.from('PK\u0003\u0004rest'))).toBe(true);
    expect(isZip(Buffer.from('Id,Via'))).toBe(false);
    expect(isOle2(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe(true);
    expect(parseSheetChoice('2')).toBe(2);
    expect(parseSheetChoice('Tickets')).toBe('Tickets');
  });
});

describe('reading a workbook', () => {
  it('reads the first sheet: header, then records numbered by sheet row, dates and numbers as text', async () => {
    const source = await openXlsx(fixture('xlsx', 'zendesk.xlsx'), 'zendesk.xlsx');
    expect(source.header.slice(0, 3)).toEqual(['Id', 'Requester', 'Requester id']);
    const records = await all(source.records);
    expect(records).toHaveLength(13);
    // row 2 of the sheet = line 2 of zendesk.csv: 101,Ada Lovelace,9001,…,2026-07-01 09:00:00,…,30,30,180,180
    expect(records[0]).toMatchObject({ file: 'zendesk.xlsx', line: 2 });
    expect(records[0]?.values.slice(0, 3)).toEqual(['101', 'Ada Lovelace', '9001']);
    expect(records[0]?.values[9]).toBe('2026-07-01T09:00:00');
    expect(records[0]?.values.slice(14)).toEqual(['30', '30', '180', '180']);
    // 104 was created at 10:00: the serial is stored just below it and rounds back
    expect(records[3]?.values[9]).toBe('2026-07-01T10:00:00');
    // 103 is still open: an empty "Solved at" cell
    expect(records[2]?.values[11]).toBe('');
    expect(records[12]?.line).toBe(14);
  });

  it('skips a title row above the table and keeps sheet row numbers', async () => {
    const source = await openXlsx(fixture('xlsx', 'two-sheets.xlsx'), 'two-sheets.xlsx', 'Tickets');
    expect(source.header[0]).toBe('Id');
    const records = await all(source.records);
    // title on row 1, empty row 2, header on row 3: ticket 101 is on row 4
    expect(records[0]).toMatchObject({ line: 4 });
    expect(records[0]?.values[0]).toBe('101');
    const bySheetNumber = await all((await openXlsx(fixture('xlsx', 'two-sheets.xlsx'), 'two-sheets.xlsx', 2)).records);
    expect(bySheetNumber.map((r) => r.values)).toEqual(records.map((r) => r.values));
  });

  it('names the sheets when the chosen one does not exist or the first is a cover page', async () => {
    await expect(openXlsx(fixture('xlsx', 'two-sheets.xlsx'), 'two-sheets.xlsx', 'Nope')).rejects.toThrow(/no sheet "Nope"/);
    const error = await openXlsx(fixture('xlsx', 'two-sheets.xlsx'), 'two-sheets.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParityError);
    expect((error as ParityError).hint).toContain('1 "About", 2 "Tickets"');
  });

  it('a sheet without the parts a spreadsheet writes (no sheetData) is an error in parity\'s words, not the reader\'s', async () => {
    // the Zendesk fixture with its sheet replaced by an empty <worksheet/>
    const parts = unzipSync(readFileSync(fixture('xlsx', 'zendesk.xlsx')));
    parts['xl/worksheets/sheet1.xml'] = strToU8('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    const path = join(mkdtempSync(join(tmpdir(), 'parity-xlsx-')), 'bare.xlsx');
    writeFileSync(path, zipSync(parts));
    const error = await openXlsx(path, 'bare.xlsx').then((source) => all(source.records)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParityError);
    expect((error as ParityError).message).toBe('the workbook cannot be read: a sheet lacks parts a spreadsheet writes');
    expect((error as ParityError).hint).toContain('save it again, or export the sheet as CSV');
  });

  it('never reads workbook bytes as CSV: a workbook on standard input is a clear error', async () => {
    const bytes = readFileSync(fixture('xlsx', 'zendesk.xlsx'));
    await expect(openCsv('-', Readable.from([bytes]))).rejects.toThrow(/standard input holds an Excel workbook/);
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await expect(openCsv('-', Readable.from([ole2]))).rejects.toThrow(/legacy Excel/);
  });
});

describe('error cells (#N/A, #VALUE!): the text Excel shows, not empty', () => {
  it('reads cell references: column letters base 26 from A = 1', () => {
    expect(cellReference('B5')).toEqual({ row: 5, column: 2 });
    // AA = 26 + 1; XFD (Excel's last column) = 24·676 + 6·26 + 4 = 16384
    expect(cellReference('AA10')).toEqual({ row: 10, column: 27 });
    expect(cellReference('XFD1048576')).toEqual({ row: 1048576, column: 16384 });
    expect(cellReference('$C$7')).toEqual({ row: 7, column: 3 });
    expect(cellReference('5B')).toBeNull();
  });

  it('finds error cells by r, by their place when r is left out, with a namespace prefix, and reads entities', () => {
    const xml =
      '<worksheet><sheetData>' +
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
      // no r on the row or the cells: row 3, columns 1 and 2
      "<row><c><v>7</v></c><c t='e'><v>#N/A</v></c></row>" +
      // an error cell without a value (nothing to give back), and a prefixed one with an entity
      '<x:row r="9"><x:c r="D9" t="e"/><x:c r="E9" t="e"><x:v>#REF&amp;!</x:v></x:c></x:row>' +
      '</sheetData></worksheet>';
    expect(errorCellsOf(xml)).toEqual([
      { row: 2, column: 3, text: '#DIV/0!' },
      { row: 3, column: 2, text: '#N/A' },
      { row: 9, column: 5, text: '#REF&!' },
    ]);
  });

  it('puts them into the rows read, where the reader left the cell empty, growing rows as needed', () => {
    const rows: unknown[][] = [['Id', 'Created'], [101, null]];
    withErrorCells(rows, [
      { row: 2, column: 2, text: '#VALUE!' },
      { row: 4, column: 3, text: '#N/A' },
      // a cell that holds a value keeps it
      { row: 1, column: 1, text: '#NAME?' },
    ]);
    expect(rows).toEqual([['Id', 'Created'], [101, '#VALUE!'], [], [null, null, '#N/A']]);
  });

  it('reads them from the chosen sheet of a workbook (by name or position), and none from a sheet without any', async () => {
    const parts = unzipSync(readFileSync(fixture('xlsx', 'two-sheets.xlsx')));
    const sheet2 = new TextDecoder().decode(parts['xl/worksheets/sheet2.xml']);
    parts['xl/worksheets/sheet2.xml'] = strToU8(sheet2.replace('<c r="A4"><v>101</v></c>', '<c r="A4" t="e"><v>#N/A</v></c>'));
    const path = join(mkdtempSync(join(tmpdir(), 'parity-xlsx-')), 'errors.xlsx');
    writeFileSync(path, zipSync(parts));
    expect(await errorCells(path, 'Tickets')).toEqual([{ row: 4, column: 1, text: '#N/A' }]);
    expect(await errorCells(path, 2)).toEqual([{ row: 4, column: 1, text: '#N/A' }]);
    expect(await errorCells(path, 1)).toEqual([]);
    expect(await errorCells(path, 'Nope')).toEqual([]);
    const records = await all((await openXlsx(path, 'errors.xlsx', 'Tickets')).records);
    expect(records[0]).toMatchObject({ line: 4 });
    expect(records[0]?.values[0]).toBe('#N/A');
  });
});

describe('time and duration cells are hours:minutes:seconds, whatever their length and the date system (found by an attack)', () => {
  it('tells a time or duration number format from a date one', () => {
    for (const code of ['[h]:mm:ss', '[mm]:ss', '[ss]']) expect(durationFormatKind(code), code).toBe('elapsed');
    for (const code of ['h:mm', 'hh:mm:ss', 'h:mm AM/PM', '[$-409]h:mm:ss;@', 'mm:ss.0']) expect(durationFormatKind(code), code).toBe('time');
    for (const code of ['yyyy\\-mm\\-dd\\ hh:mm:ss', 'm/d/yyyy', 'dd/mm/yyyy hh:mm', 'mmm', 'mmmm yyyy', '0.00', '#,##0', '"h"0', 'General']) expect(durationFormatKind(code), code).toBeNull();
  });

  it('finds the cell styles with such a format: a custom one, and the built-in ones without a numFmt entry (20 h:mm, 46 [h]:mm:ss)', () => {
    const styles = '<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="46"/></cellStyleXfs>' +
      '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="22"/><xf numFmtId="164"/><xf numFmtId="165" applyNumberFormat="1"><alignment/></xf><xf numFmtId="20"/><xf numFmtId="46"/></cellXfs></styleSheet>';
    // [h]:mm:ss is elapsed time (any length); h:mm a time of day (a duration below a day)
    expect([...durationStyles(styles)]).toEqual([
      [3, 'elapsed'],
      [4, 'time'],
      [5, 'elapsed'],
    ]);
  });

  it('writes days as hours: 49 h is 49:00:00, not a date in 1900', () => {
    expect(durationText(49 / 24)).toBe('49:00:00');
    expect(durationText(0.5)).toBe('12:00:00');
    // 1 day 1 min 30 s = 86490 s; a serial is a binary fraction, rounded to the second
    expect(durationText(86490 / 86400)).toBe('24:01:30');
    expect(durationText(-1 / 24)).toBe('-1:00:00');
  });

  it('reads a [h]:mm:ss cell of 49 h as 49:00:00, in the 1900 and the 1904 date systems', async () => {
    const parts = unzipSync(readFileSync(fixture('xlsx', 'zendesk.xlsx')));
    const decode = (name: string): string => new TextDecoder().decode(parts[name]);
    parts['xl/styles.xml'] = strToU8(
      decode('xl/styles.xml')
        .replace('<numFmts count="1">', '<numFmts count="3"><numFmt numFmtId="165" formatCode="[h]:mm:ss"/><numFmt numFmtId="166" formatCode="hh:mm"/>')
        .replace('<cellXfs count="3">', '<cellXfs count="5">')
        .replace('</cellXfs>', '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'),
    );
    // K2 (a date cell, 2026-07-01 12:00) becomes 49 hours in the new style; L2, the same date,
    // is shown as its time (hh:mm) and stays a date (found by a review: it became 1108900:00:00);
    // M2 0.5 in hh:mm is a time of day, 12:00:00
    parts['xl/worksheets/sheet1.xml'] = strToU8(
      decode('xl/worksheets/sheet1.xml')
        .replace('<c r="K2" s="2"><v>46204.5</v></c>', '<c r="K2" s="3"><v>2.0416666666666665</v></c>')
        .replace('<c r="L2" s="2"><v>46204.5</v></c>', '<c r="L2" s="4"><v>46204.5</v></c>')
        .replace('<c r="M2"><v>0</v></c>', '<c r="M2" s="4"><v>0.5</v></c>'),
    );
    const dir = mkdtempSync(join(tmpdir(), 'parity-xlsx-'));
    const book1900 = join(dir, 'durations.xlsx');
    writeFileSync(book1900, zipSync(parts));
    parts['xl/workbook.xml'] = strToU8(decode('xl/workbook.xml').replace('<sheets>', '<workbookPr date1904="1"/><sheets>'));
    const book1904 = join(dir, 'durations-1904.xlsx');
    writeFileSync(book1904, zipSync(parts));
    for (const path of [book1900, book1904]) {
      const records = await all((await openXlsx(path, 'durations.xlsx')).records);
      expect(records[0]?.values[10], path).toBe('49:00:00');
      // L2, a date and time in a time-of-day format, stays a date (in either date system's year)
      expect(records[0]?.values[11], path).toMatch(/^\d{4}-\d{2}-\d{2}T12:00:00$/);
      expect(records[0]?.values[12], path).toBe('12:00:00');
    }
  });
});

describe('a blank row below the header (found by an independent attack: the workbook skipped it, its CSV rejected it)', () => {
  it('is a row read and rejected for its missing id, at its sheet row, as the CSV of the sheet reads its `,,,`', async () => {
    const parts = unzipSync(readFileSync(fixture('xlsx', 'zendesk.xlsx')));
    const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']);
    // row 3 (ticket 102) emptied in place: the row is there, its cells are not
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace(/<row r="3"[^>]*>.*?<\/row>/s, '<row r="3"></row>'));
    const path = join(mkdtempSync(join(tmpdir(), 'parity-xlsx-blank-')), 'blank-row.xlsx');
    writeFileSync(path, zipSync(parts));
    const plain = await auditFiles([fixture('xlsx', 'zendesk.xlsx')]);
    const blank = await auditFiles([path]);
    // as many rows read; one more rejected (row 3, no ticket id); one ticket fewer
    expect(blank.input.rowsRead).toBe(plain.input.rowsRead);
    expect(blank.input.rowsRejected).toBe(plain.input.rowsRejected + 1);
    expect(blank.input.tickets).toBe(plain.input.tickets - 1);
    const missing = blank.input.dataQuality.find((q) => q.kind === 'missing-id');
    expect([missing?.count, missing?.example?.line, missing?.example?.detail]).toEqual([1, 3, "no ticket id"]);
  });
});

describe('serial dates held as plain numbers in a workbook (found by an attack)', () => {
  it('are refused with the fix for a workbook, not "save the sheet as .xlsx"', async () => {
    const parts = unzipSync(readFileSync(fixture('xlsx', 'zendesk.xlsx')));
    // the created_at column (J) in the General style: 46204.375 and the like, plain numbers
    parts['xl/worksheets/sheet1.xml'] = strToU8(new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']).replace(/<c r="(J\d+)" s="1">/g, '<c r="$1">'));
    const path = join(mkdtempSync(join(tmpdir(), 'parity-xlsx-')), 'general.xlsx');
    writeFileSync(path, zipSync(parts));
    const failure = await auditFiles([path]).then(
      () => null,
      (error: ParityError) => error,
    );
    expect(failure?.message).toMatch(/holds numbers like "46204\.375", which as Unix seconds would all fall before 1973, and look like spreadsheet serial dates/);
    expect(failure?.hint).toBe('the workbook holds them as plain numbers: format the column as dates in it (Format Cells, Date) and save it, then parity reads them as dates');
  });
});

describe('title rows above a sheet\'s header', () => {
  const header = ['Id', 'Via', 'Created at', 'Status', 'Subject', 'Priority'];
  const row = ['1', 'Mail', '2026-11-02 09:00', 'open', 'Hello', 'low'];
  const title = (k: number): string[] => [`Ticket report ${k}`, 'November 2026'];

  it('passes over a one-cell title and a title of two cells above a header of six', () => {
    // one cell: a title, as before
    expect(headerRowOf([['Zendesk export'], [], header, row])).toEqual({ index: 2, titles: [0] });
    // two cells, 2 × 2 = 4 < 6 cells of the rows below: a title; the empty row is passed over unsaid
    expect(headerRowOf([title(1), [], header, row])).toEqual({ index: 2, titles: [0] });
    expect(headerRowOf([title(1), ['Generated 2026-12-01', 'by the support team'], header, row])).toEqual({ index: 2, titles: [0, 1] });
    // three cells are half of six, not fewer: that row is taken as the header (the two-cell row above it is a title)
    expect(headerRowOf([title(1), ['Generated 2026-12-01', 'by the support team', 'page 1'], header, row])).toEqual({ index: 1, titles: [0] });
  });

  it('at most five such rows; never a row half as wide as the rows below or wider, nor one naming a known column', () => {
    const five = [1, 2, 3, 4, 5].map(title);
    expect(headerRowOf([...five, header, row])).toEqual({ index: 5, titles: [0, 1, 2, 3, 4] });
    // a sixth two-cell row is not passed over: it is taken as the header (and the mapping then says what is missing)
    expect(headerRowOf([...five, title(6), header, row])).toEqual({ index: 5, titles: [0, 1, 2, 3, 4] });
    // 2 × 2 = 4 is not fewer than half of a four-column header: not clearly a title
    expect(headerRowOf([title(1), header.slice(0, 4), row.slice(0, 4)])).toEqual({ index: 0, titles: [] });
    // a narrow header above wider rows is kept when it names a known column
    const known = (cell: string): boolean => cell === 'Id';
    expect(headerRowOf([['Id', 'Via'], row, row], known)).toEqual({ index: 0, titles: [] });
    expect(headerRowOf([['Id', 'Via'], row, row])).toEqual({ index: 1, titles: [0] });
    // a header above sparse rows stays the header: 6 × 2 is not fewer than 2
    expect(headerRowOf([header, ['1', 'Mail'], ['2', 'Web']])).toEqual({ index: 0, titles: [] });
  });

  it('decides from the head of the sheet alone (headRows): the same header and titles as from every row, on random sheets', () => {
    // rows of 0 to 6 cells; a sheet of a million rows is not made text to find its header
    let seed = 7;
    const next = (): number => (seed = (seed * 48271) % 2147483647);
    for (let sheet = 0; sheet < 300; sheet++) {
      const rows = Array.from({ length: 1 + (next() % 40) }, () => Array.from({ length: next() % 7 }, (_, c) => (next() % 5 === 0 ? '' : `v${c}`)));
      const head = headRows(rows);
      expect(headerRowOf(head as string[][]), `sheet ${sheet}`).toEqual(headerRowOf(rows));
    }
    // 40 two-cell rows: the head ends at the twelfth (5 titles + the header + a look-ahead of 6)
    const wide = Array.from({ length: 40 }, () => ['a', 'b']);
    expect(headRows(wide).length).toBe(12);
    expect(headRows([['a'], ['b'], ...wide]).length).toBe(14);
  });

  it('a workbook with a two-cell title row and a three-cell one above its header audits as without them, with a note naming the rows', async () => {
    // two-sheets.xlsx's Tickets sheet: "Zendesk export" on row 1, row 2 empty, the header (18 cells) on row 3
    const parts = unzipSync(readFileSync(fixture('xlsx', 'two-sheets.xlsx')));
    const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet2.xml']);
    const before = '<row r="1"><c r="A1" t="s"><v>1</v></c></row><row r="2"></row>';
    expect(sheet).toContain(before);
    const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    parts['xl/worksheets/sheet2.xml'] = strToU8(sheet.replace(before, `<row r="1"><c r="A1" t="s"><v>1</v></c>${inline('B1', 'November 2026')}</row><row r="2">${inline('A2', 'Generated 2026-12-01')}${inline('B2', 'by the support team')}${inline('C2', 'page 1')}</row>`));
    const path = join(mkdtempSync(join(tmpdir(), 'parity-xlsx-titles-')), 'titled.xlsx');
    writeFileSync(path, zipSync(parts));
    const source = await openXlsx(path, 'titled.xlsx', 'Tickets');
    expect(source.header[0]).toBe('Id');
    expect(source.aboveHeader).toEqual({ lines: [1, 2], first: 'Zendesk export November 2026', rows: true });
    // ticket 101 is on row 4, as before
    expect((await all(source.records))[0]).toMatchObject({ line: 4, values: expect.arrayContaining(['101']) as unknown });
    const report = await auditFiles([path], { sheet: 'Tickets' });
    // the fixture's 13 rows, 113 an outbound call: 12 tickets
    expect([report.input.rowsRead, report.input.tickets]).toEqual([13, 12]);
    expect(report.input.notes).toContain(`${path}: rows 1, 2 above the header ("Zendesk export November 2026", …) passed over: a title, not a ticket`);
  });
});

describe('a group row of merged cells above the header (found by an attack)', () => {
  // `Ticket` over the first columns and `Timestamps` over the times: the row names a column
  // (Ticket), so the title rule keeps it as the header, and nothing could be audited, not even
  // with a config naming every column of the real header on the line below.
  it('a workbook: the header below it is found, and the numbers are the plain workbook\'s', async () => {
    const grouped = await auditFiles([fixture('xlsx', 'group-header.xlsx')]);
    const plain = await auditFiles([fixture('xlsx', 'zendesk.xlsx')]);
    expect(grouped.channels).toEqual(plain.channels);
    expect(grouped.input.notes.some((n) => n.endsWith('group-header.xlsx: rows 1, 2 above the header ("Zendesk export", …) passed over: a title, not a ticket'))).toBe(true);
  });

  it('a CSV, with and without a config naming the header\'s columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-group-header-'));
    const file = join(dir, 'grouped.csv');
    // first responses after 1 h, 2 h and 3 h: median 2 h
    writeFileSync(
      file,
      [
        'Ticket,,,Timestamps,,',
        'ticket_id,channel,priority,created_at,first_response_at,resolved_at',
        'T1,phone,normal,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,',
        'T2,phone,normal,2026-10-02T09:00:00Z,2026-10-02T11:00:00Z,',
        'T3,phone,normal,2026-10-03T09:00:00Z,2026-10-03T12:00:00Z,',
      ].join('\n') + '\n',
    );
    for (const config of [{}, { columns: { ticketId: 'ticket_id', channel: 'channel', createdAt: 'created_at' } }]) {
      const report = await auditFiles([file], {}, { ...config, minSample: 1 });
      expect([report.input.rowsRead, report.input.rowsUsed]).toEqual([3, 3]);
      expect(report.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median])).toEqual([['phone', 3, 7200]]);
      expect(report.input.notes).toContain(`${file}: line 1 above the header ("Ticket Timestamps") passed over: a title or Excel's sep= line, not a ticket`);
    }
  });

  it('never passes over a header that lacks a column, nor rows of data, for a header further down (found by a review)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-group-header-'));
    // two exports pasted one under the other: the first has no creation time; its rows are data
    const pasted = join(dir, 'pasted.csv');
    writeFileSync(pasted, 'ticket_id,channel,first_response_at\nA1,phone,2026-10-01T10:00:00Z\nA2,email,2026-10-01T12:00:00Z\nticket_id,channel,created_at,first_response_at\nB1,phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z\n');
    await expect(auditFiles([pasted])).rejects.toThrow('no creation-time column');
  });

  it('a title line and a group row are each named once in the note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-group-header-'));
    const file = join(dir, 'titled.csv');
    writeFileSync(file, 'Ticket report,November 2026,,,\nTicket,,Timestamps,,\nticket_id,channel,created_at,first_response_at,resolved_at\nT1,phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,\n');
    const report = await auditFiles([file], {}, { minSample: 1 });
    expect(report.input.rowsUsed).toBe(1);
    expect(report.input.notes).toContain(`${file}: lines 1, 2 above the header ("Ticket report November 2026", …) passed over: a title or Excel's sep= line, not a ticket`);
  });
});
