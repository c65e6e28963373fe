/**
 * Row-level problems. Every record read is either used or rejected with one of these, and
 * used records can carry metric-level notes (a negative duration left out of one metric).
 */

/**
 * How serious an issue is:
 * - `error`: the row could not be used (bad data; `--strict` fails on these);
 * - `excluded`: the row was left out on purpose (agent-initiated, outside --since/--until);
 * - `metric`: the row is used, but one of its values is left out of a metric;
 * - `note`: the row is used as it is; worth knowing.
 */
export type Severity = 'error' | 'excluded' | 'metric' | 'note';

/** One problem with one record. */
export interface RowIssue {
  readonly kind: string;
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly column?: string;
  readonly value?: string;
  readonly detail: string;
  /** The record's fields, for `--rejects` (only on rejected rows). */
  readonly values?: readonly string[];
}

/** Whether a row with this issue is not used. */
export function isRejection(issue: RowIssue): boolean {
  return issue.severity === 'error' || issue.severity === 'excluded';
}

/** Counts by kind with the first example, for the report. */
export class IssueLog {
  private readonly byKind = new Map<string, { severity: Severity; count: number; example: RowIssue }>();
  /**
   * Rows used with at least one value left out of a metric: a row with a negative first response
   * and a negative resolution is one row, two values. A row's notes come one after another, with
   * the row (its notes' array: several JSON records can share a file's line) or, without it,
   * told by file and line.
   */
  metricRows = 0;
  private lastMetric: object | null = null;
  private lastRetracted: object | null = null;
  add(issue: RowIssue, row?: readonly RowIssue[]): void {
    const entry = this.byKind.get(issue.kind);
    if (entry) entry.count++;
    else this.byKind.set(issue.kind, { severity: issue.severity, count: 1, example: issue });
    if (issue.severity !== 'metric') return;
    const key = rowKey(issue, row, this.lastMetric);
    if (key !== this.lastMetric) this.metricRows++;
    this.lastMetric = key;
  }
  /**
   * Takes back an issue added earlier (a note on a row that a later row of the same id
   * replaced). The kind's example stays the first one seen, even when it is this row's: it still
   * shows what the problem looks like.
   */
  retract(issue: RowIssue, row?: readonly RowIssue[]): void {
    const entry = this.byKind.get(issue.kind);
    if (!entry) return;
    if (--entry.count <= 0) this.byKind.delete(issue.kind);
    // (a replaced row's notes are taken back one after another too)
    if (issue.severity !== 'metric') return;
    const key = rowKey(issue, row, this.lastRetracted);
    if (key !== this.lastRetracted) this.metricRows--;
    this.lastRetracted = key;
  }
  entries(): Array<{ kind: string; severity: Severity; count: number; example: RowIssue }> {
    return [...this.byKind.entries()].map(([kind, e]) => ({ kind, ...e }));
  }
  count(kind: string): number {
    return this.byKind.get(kind)?.count ?? 0;
  }
}

/** The row an issue belongs to: its notes' array, else its file and line (`last` again when it is the same). */
function rowKey(issue: RowIssue, row: readonly RowIssue[] | undefined, last: object | null): object {
  if (row !== undefined) return row;
  const place = last as { file?: string; line?: number } | null;
  return place !== null && !Array.isArray(place) && place.file === issue.file && place.line === issue.line ? place : { file: issue.file, line: issue.line };
}
