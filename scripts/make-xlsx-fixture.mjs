// Writes the Excel fixtures from existing CSV fixtures, the way a spreadsheet saves them: times
// as real date cells (Excel serial numbers, 1900 date system, with a date number format), numbers
// as number cells, everything else as shared strings. Run `node scripts/make-xlsx-fixture.mjs`.
//
//   fixtures/xlsx/zendesk.xlsx     one sheet "Tickets" from fixtures/formats/zendesk.csv
//   fixtures/xlsx/two-sheets.xlsx  sheet 1 "About" (a note), sheet 2 "Tickets" (the same data),
//                                  the header on row 3 under a title row and an empty row
//   fixtures/xlsx/group-header.xlsx  the same data under a title row and a group row of merged
//                                  cells ("Ticket" over the first columns, "Timestamps" over the
//                                  times), the header on row 3
//   fixtures/xlsx/summary-first.xlsx  sheet 1 "Summary" (a table of channels), sheet 2 "Tickets"
//
// The zip entries carry a fixed date, so the files only change when their content does.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { zipSync, strToU8 } from 'fflate';

const root = new URL('../', import.meta.url);
const EPOCH_1900 = Date.UTC(1899, 11, 30); // serial 0 in the 1900 system (after Lotus's leap-year bug)
const NAIVE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** "2026-07-01 09:00:00" → 46204.375: days since 1899-12-30, wall clock as written. */
export function excelSerial(text) {
  const m = NAIVE_TIME.exec(text);
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0);
  return (ms - EPOCH_1900) / 86_400_000;
}

const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnName(i) {
  let name = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A sheet's XML from rows of cells { t: 's'|'n'|'d', v }, the first row at `firstRow`. */
function sheetXml(rows, strings, firstRow = 1) {
  const index = (s) => {
    if (!strings.map.has(s)) {
      strings.map.set(s, strings.list.length);
      strings.list.push(s);
    }
    return strings.map.get(s);
  };
  const body = rows
    .map((cells, r) => {
      const n = r + firstRow;
      const cs = cells
        .map((c, i) => {
          if (c === null) return '';
          const ref = `${columnName(i)}${n}`;
          if (c.t === 'd') return `<c r="${ref}" s="${c.style}"><v>${c.v}</v></c>`;
          if (c.t === 'n') return `<c r="${ref}"><v>${c.v}</v></c>`;
          return `<c r="${ref}" t="s"><v>${index(c.v)}</v></c>`;
        })
        .join('');
      return `<row r="${n}">${cs}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** CSV text → typed rows: a column whose values are all naive times becomes date cells, etc. */
function typedRows(csvText) {
  const [header, ...records] = parse(csvText, { bom: true });
  const kinds = header.map((_, i) => {
    const values = records.map((r) => r[i] ?? '').filter((v) => v !== '');
    if (values.length && values.every((v) => NAIVE_TIME.test(v))) return 'date';
    if (values.length && values.every((v) => NUMBER.test(v))) return 'number';
    return 'text';
  });
  let dateColumns = 0;
  const styles = kinds.map((k) => (k === 'date' ? (dateColumns++ === 0 ? 1 : 2) : 0));
  const rows = [header.map((h) => ({ t: 's', v: h }))];
  for (const record of records) {
    rows.push(
      record.map((v, i) => {
        if (v === '') return null;
        if (kinds[i] === 'date') return { t: 'd', v: excelSerial(v), style: styles[i] };
        if (kinds[i] === 'number') return { t: 'n', v: Number(v) };
        return { t: 's', v };
      }),
    );
  }
  return rows;
}

// Style 1: the built-in "m/d/yy h:mm" (numFmtId 22); style 2: a custom "yyyy-mm-dd hh:mm:ss".
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** A workbook of named sheets, each { name, rows, firstRow }. */
function workbook(sheets) {
  const strings = { list: [], map: new Map() };
  const sheetFiles = sheets.map((s) => sheetXml(s.rows, strings, s.firstRow));
  const files = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': STYLES,
  };
  sheetFiles.forEach((text, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = text));
  files['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.list.length}" uniqueCount="${strings.list.length}">${strings.list.map((s) => `<si><t xml:space="preserve">${xml(s)}</t></si>`).join('')}</sst>`;
  const entries = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime: new Date('2026-01-01T00:00:00Z') }]]));
  return zipSync(entries, { level: 6 });
}

const zendesk = typedRows(readFileSync(new URL('fixtures/formats/zendesk.csv', root), 'utf8'));
mkdirSync(new URL('fixtures/xlsx/', root), { recursive: true });
writeFileSync(new URL('fixtures/xlsx/zendesk.xlsx', root), workbook([{ name: 'Tickets', rows: zendesk }]));
writeFileSync(
  new URL('fixtures/xlsx/two-sheets.xlsx', root),
  workbook([
    { name: 'About', rows: [[{ t: 's', v: 'Ticket export, July 2026. The tickets are on the next sheet.' }]] },
    { name: 'Tickets', rows: [[{ t: 's', v: 'Zendesk export' }], [], ...zendesk] },
  ]),
);
const groupRow = zendesk[0].map((_, i) => (i === 0 ? { t: 's', v: 'Ticket' } : i === 9 ? { t: 's', v: 'Timestamps' } : null));
writeFileSync(new URL('fixtures/xlsx/group-header.xlsx', root), workbook([{ name: 'Tickets', rows: [[{ t: 's', v: 'Zendesk export' }], groupRow, ...zendesk] }]));
// a summary table first (a table, but of channels, not tickets), the tickets on the second sheet
const summary = [
  [{ t: 's', v: 'Channel' }, { t: 's', v: 'Tickets' }, { t: 's', v: 'Median first response (min)' }],
  [{ t: 's', v: 'Email' }, { t: 'n', v: '4' }, { t: 'n', v: '95' }],
  [{ t: 's', v: 'Phone' }, { t: 'n', v: '3' }, { t: 'n', v: '30' }],
];
writeFileSync(new URL('fixtures/xlsx/summary-first.xlsx', root), workbook([{ name: 'Summary', rows: summary }, { name: 'Tickets', rows: zendesk }]));
console.log(`fixtures/xlsx/zendesk.xlsx, two-sheets.xlsx, group-header.xlsx, summary-first.xlsx: ${zendesk.length - 1} tickets each`);
