/**
 * Excel's text formulas in CSV: an export made "for Excel" writes a cell as `="00123"` (in the
 * file `="00123"` or `"=""00123"""`; either decodes to the value `="00123"`) so that Excel keeps
 * its leading zeros or does not turn it into a date or a number. Excel shows the text `00123`,
 * and that is the value parity reads: the CSV readers (scan.ts, source.ts's csv-parse path) hand
 * on such a value unwrapped, and keep the record as written beside it (RawRecord.written) for
 * --rejects. Only a value that is exactly `=` `"` text `"` (JavaScript's white space around it
 * aside) is one: inside it a quote is written twice (`""` is one `"`), and any other formula
 * (`=SUM(A1)`, `=1+2`, `="a"&"b"`, an unclosed `="abc`) is read as the text it is (and
 * neutralised as a formula wherever parity writes it). A JSON or workbook value is data as it
 * stands and is never unwrapped: a JSON string `="1"` was written so on purpose, and a workbook
 * holds the text a formula gave, not the formula.
 *
 * DuckDB reads a CSV file the same way: read/engines/duckdb.ts fileQuery (excelTextColumns).
 */

/** `="`, the bytes every value read as a text formula holds (read/scan.ts ScanBatch.formulaRows). */
export const FORMULA_OPENING = '="';

/** Exactly `="…"`, inner quotes doubled, the value trimmed first (the `s` flag: a line break inside is text). */
const TEXT_FORMULA = /^="((?:[^"]|"")*)"$/s;

/** The text an Excel text formula shows (`="00123"` → `00123`), or null when `value` is none (read as it stands). */
export function excelText(value: string): string | null {
  if (!value.includes(FORMULA_OPENING)) return null;
  const m = TEXT_FORMULA.exec(value.trim());
  return m ? (m[1] as string).replaceAll('""', '"') : null;
}

/**
 * A record's values with each text formula unwrapped ({@link excelText}), or null when none is
 * (the common case: no new array).
 */
export function unwrapExcelText(values: readonly string[]): string[] | null {
  let out: string[] | null = null;
  for (let i = 0; i < values.length; i++) {
    const text = excelText(values[i] as string);
    if (text === null) continue;
    out ??= values.slice();
    out[i] = text;
  }
  return out;
}

/**
 * How many values of an opened CSV were read from a text formula, by column, and where the first
 * was: counted once a record by the ticket stream (load/stream.ts) as it reads the file, for the
 * note (formats/open.ts excelTextNote).
 */
export class ExcelTextTally {
  /** Values unwrapped, by column index. */
  readonly byColumn: number[] = [];
  /** Physical line of the first record with one (0 while there is none). */
  firstLine = 0;

  /** Counts a record's unwrapped values (`values` as read, `written` as written). */
  add(line: number, values: readonly string[], written: readonly string[]): void {
    for (let i = 0; i < written.length; i++) {
      if (values[i] === written[i]) continue;
      this.byColumn[i] = (this.byColumn[i] ?? 0) + 1;
      if (this.firstLine === 0) this.firstLine = line;
    }
  }
}
