/**
 * The stderr line about rows not used: rows rejected as bad data and rows excluded on purpose
 * (outside --since/--until, agent-initiated) are different things and are counted apart, with
 * thousands separators: "12 of 3,050 rows rejected as unusable …; 2,262 excluded (outbound
 * ×2,100, outside-period ×162)". A database source's rows that repeat a ticket id are counted,
 * not rejected: they get a part of their own. `parity tickets` says the same of the rows it does
 * not list (it has no Data quality section to point to).
 */
import type { ReportInput } from '../report.js';
import { count } from '../format.js';

/**
 * The warning for a report's input (`listing`: for `parity tickets`, whose rows not used are
 * not listed), or null when every row was used.
 */
export function rowsWarning(input: Pick<ReportInput, 'dataQuality' | 'rowsRead' | 'formats'>, rejectsFile: string | undefined, listing = false, duplicates: 'first' | 'last' = 'first'): string | null {
  const entries = input.dataQuality;
  // (--duplicates last: a row a later row of its id replaced is the rule chosen, not bad data,
  // as --strict reads it: said apart, not "rejected as unusable")
  const replacedByLater = (d: { kind: string }): boolean => duplicates === 'last' && d.kind === 'duplicate-id';
  const replaced = entries.filter(replacedByLater).reduce((a, d) => a + d.count, 0);
  const bad = entries.filter((d) => d.severity === 'error' && !replacedByLater(d));
  const excluded = entries.filter((d) => d.severity === 'excluded');
  const badCount = bad.reduce((a, d) => a + d.count, 0);
  const excludedCount = excluded.reduce((a, d) => a + d.count, 0);
  // a database source counts a repeated id's every row (load/describe.ts repeatedIdsNote)
  const repeated = entries.find((d) => d.kind === 'repeated-id')?.count ?? 0;
  if (badCount === 0 && excludedCount === 0 && repeated === 0 && replaced === 0) return null;
  const total = count(input.rowsRead);
  const parts: string[] = [];
  if (badCount > 0) {
    // --rejects reads rows in-process: a count table or an engine (no formats read) has no rows to write
    const written = rejectsFile ? `written to ${rejectsFile}` : input.formats.length ? '--rejects <file> writes them out' : '';
    const where = listing ? (written ? `, not listed (${written})` : ', not listed') : ` (see Data quality${written ? `; ${written}` : ''})`;
    parts.push(`${count(badCount)} of ${total} rows rejected as unusable${where}`);
  }
  if (replaced > 0) {
    parts.push(`${count(replaced)}${badCount > 0 ? '' : ` of ${total}`} ${replaced === 1 && badCount > 0 ? 'row' : 'rows'} replaced by a later row of the same ticket id (--duplicates last)${listing ? ', not listed' : ''}`);
  }
  if (excludedCount > 0) {
    const kinds = excluded.map((d) => `${d.kind} ×${count(d.count)}`).join(', ');
    parts.push(`${count(excludedCount)}${badCount > 0 ? '' : ` of ${total}`} ${excludedCount === 1 && badCount > 0 ? 'row' : 'rows'} excluded on purpose (${kinds})${listing ? ', not listed' : ''}`);
  }
  if (repeated > 0) {
    const what = repeated === 1 ? 'row repeats a ticket id and was counted as a ticket of its own' : 'rows repeat a ticket id and were counted as tickets of their own';
    parts.push(`${count(repeated)} ${what} (see the notes)`);
  }
  return parts.join('; ');
}
