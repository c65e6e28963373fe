/**
 * The stderr line about rows not used: rows rejected as bad data and rows excluded on purpose
 * (outside --since/--until, agent-initiated) are different things and are counted apart, with
 * thousands separators: "12 of 3,050 rows rejected as unusable …; 2,262 excluded (outbound
 * ×2,100, outside-period ×162)".
 */
import type { Report } from '../report.js';
import { count } from '../format.js';

/** The warning for a report, or null when every row was used. */
export function rowsWarning(report: Report, rejectsFile: string | undefined): string | null {
  const entries = report.input.dataQuality;
  const bad = entries.filter((d) => d.severity === 'error');
  const excluded = entries.filter((d) => d.severity === 'excluded');
  const badCount = bad.reduce((a, d) => a + d.count, 0);
  const excludedCount = excluded.reduce((a, d) => a + d.count, 0);
  if (badCount === 0 && excludedCount === 0) return null;
  const total = count(report.input.rowsRead);
  const parts: string[] = [];
  if (badCount > 0) {
    // --rejects reads rows in-process: a count table or an engine (no formats read) has no rows to write
    const where = rejectsFile ? `; written to ${rejectsFile}` : report.input.formats.length ? '; --rejects <file> writes them out' : '';
    parts.push(`${count(badCount)} of ${total} rows rejected as unusable (see Data quality${where})`);
  }
  if (excludedCount > 0) {
    const kinds = excluded.map((d) => `${d.kind} ×${count(d.count)}`).join(', ');
    parts.push(`${count(excludedCount)}${badCount > 0 ? '' : ` of ${total}`} rows excluded on purpose (${kinds})`);
  }
  return parts.join('; ');
}
