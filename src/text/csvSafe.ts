/**
 * CSV cells written for spreadsheets: a cell that starts with = + - @ (or a tab / carriage
 * return, or their full-width forms ＝ ＋ － ＠, also after leading spaces or line breaks)
 * would be run as a formula by Excel, LibreOffice or Sheets. Ticket text is hostile, so
 * such cells get a leading apostrophe (OWASP's advice), except plain numbers like -3.5.
 */
import { stringify } from 'csv-stringify/sync';

export function neutraliseFormula(cell: string): string {
  if (cell === '' || /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell)) return cell;
  // Spreadsheets skip leading blanks and line breaks, and read the full-width ＝＋－＠ as their
  // ASCII twins; a cell that starts like a formula after those is one.
  return defuseCommands(FORMULA_START.test(cell) ? `'${cell}` : cell);
}

/**
 * A line inside a cell (after a line break, a multi-line cell's text is a line of the file of
 * its own) that would start with `::`, a CI workflow command (`::error::…`) when the file is
 * shown in a CI log, gets an apostrophe before it (after any blanks), as a formula does; one that
 * already has apostrophes there gets one more, so {@link restoreCell} can take exactly one away.
 */
function defuseCommands(cell: string): string {
  return cell.includes('::') ? cell.replace(LINE_COMMAND, "$1$2'$3::") : cell;
}

/** A line break, blanks, apostrophes, then `::`. */
const LINE_COMMAND = /(\r\n|\r|\n)([ \t\u00a0]*)('*)::/g;
/** The same with the apostrophe {@link defuseCommands} added. */
const DEFUSED_COMMAND = /(\r\n|\r|\n)([ \t\u00a0]*)'('*)::/g;

/** Optional leading whitespace (any, including line breaks and NBSP), then a formula trigger. */
const FORMULA_START = /^[\s\u00a0\u3000\ufeff]*[=+\-@＝＋－＠\t\r]/;

/**
 * A text cell of a CSV that parity reads back (a count table): neutralised like any other, and
 * also when it starts with apostrophes before a formula trigger, so that {@link restoreCell}
 * gives back exactly the value written (`'=x` is written `''=x`). Plain numbers stay as they are.
 */
export function neutraliseReversibly(cell: string): string {
  if (cell === '' || /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell)) return cell;
  return defuseCommands(FORMULA_START.test(cell.replace(/^'+/, '')) ? `'${cell}` : cell);
}

/** The value {@link neutraliseReversibly} was given: one apostrophe fewer where it added one. */
export function restoreCell(cell: string): string {
  const lines = cell.includes('::') ? cell.replace(DEFUSED_COMMAND, '$1$2$3::') : cell;
  return lines.startsWith("'") && FORMULA_START.test(lines.replace(/^'+/, '')) ? lines.slice(1) : lines;
}

/** One CSV line (with newline) of safe cells. */
export function csvLine(cells: ReadonlyArray<string | number | null>): string {
  // a cell that starts with `::` is quoted: a row whose first cell is data (a ticket id) then
  // cannot start a line with a workflow command (`::error::…`) when the file is shown in a CI
  // log; read as CSV, the value is the same
  return stringify([cells.map((c) => (c === null ? '' : neutraliseFormula(String(c))))], { quoted_match: /^::/ });
}
