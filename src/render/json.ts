/** `--format json`: the Report as the contract's schemaVersion 1 document. */
import type { Report } from '../report.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}
