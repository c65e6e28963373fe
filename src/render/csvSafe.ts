/**
 * CSV cells written for spreadsheets: a cell that starts with = + - @ (or a tab / carriage
 * return) would be run as a formula by Excel, LibreOffice or Sheets. Ticket text is hostile, so
 * such cells get a leading apostrophe (OWASP's advice), except plain numbers like -3.5.
 */
import { stringify } from 'csv-stringify/sync';

export function neutraliseFormula(cell: string): string {
  if (cell === '' || /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One CSV line (with newline) of safe cells. */
export function csvLine(cells: ReadonlyArray<string | number | null>): string {
  return stringify([cells.map((c) => (c === null ? '' : neutraliseFormula(String(c))))]);
}
