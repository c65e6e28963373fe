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
   * Rows used with at least one value left out of a metric (a row's notes are added one after
   * another, so a row is told by its file and line changing): a row with a negative first
   * response and a negative resolution is one row, two values.
   */
  metricRows = 0;
  private lastMetric = { file: '', line: -1 };
  private lastRetracted = { file: '', line: -1 };
  add(issue: RowIssue): void {
    const entry = this.byKind.get(issue.kind);
    if (entry) entry.count++;
    else this.byKind.set(issue.kind, { severity: issue.severity, count: 1, example: issue });
    if (issue.severity === 'metric' && !sameRow(this.lastMetric, issue)) {
      this.metricRows++;
      this.lastMetric = { file: issue.file, line: issue.line };
    }
  }
  /**
   * Takes back an issue added earlier (a note on a row that a later row of the same id
   * replaced). The kind's example stays the first one seen, even when it is this row's: it still
   * shows what the problem looks like.
   */
  retract(issue: RowIssue): void {
    const entry = this.byKind.get(issue.kind);
    if (!entry) return;
    if (--entry.count <= 0) this.byKind.delete(issue.kind);
    // (a replaced row's notes are taken back one after another too)
    if (issue.severity === 'metric' && !sameRow(this.lastRetracted, issue)) {
      this.metricRows--;
      this.lastRetracted = { file: issue.file, line: issue.line };
    }
  }
  entries(): Array<{ kind: string; severity: Severity; count: number; example: RowIssue }> {
    return [...this.byKind.entries()].map(([kind, e]) => ({ kind, ...e }));
  }
  count(kind: string): number {
    return this.byKind.get(kind)?.count ?? 0;
  }
}

function sameRow(a: { file: string; line: number }, issue: RowIssue): boolean {
  return a.line === issue.line && a.file === issue.file;
}
