/**
 * data-quality: a finding when rows rejected for bad data, or values left out of a metric, are a
 * material share of what was read. Deliberate exclusions (agent-initiated contacts, rows outside
 * --since/--until) and notes do not count.
 */
import type { Finding, Report } from '../../report.js';
import { count, share } from '../../format.js';
import { noteFinding } from './sentence.js';

/** Share of rows read above which data problems are reported as a finding. */
export const MATERIAL_SHARE = 0.01;

export function dataQualityFinding(report: Report): Finding | null {
  const input = report.input;
  if (input.rowsRead === 0) return null;
  const problems = input.dataQuality.filter((d) => d.severity === 'error' || d.severity === 'metric');
  const rejected = problems.filter((d) => d.severity === 'error').reduce((a, d) => a + d.count, 0);
  const leftOut = problems.filter((d) => d.severity === 'metric').reduce((a, d) => a + d.count, 0);
  const total = rejected + leftOut;
  // rows, not values: a row with two values left out is one row (a count table counts values
  // only: at most the rows it used)
  const leftOutRows = input.rowsWithValuesLeftOut ?? Math.min(leftOut, Math.max(0, input.rowsRead - rejected));
  const fraction = (rejected + leftOutRows) / input.rowsRead;
  if (fraction <= MATERIAL_SHARE) return null;
  const kinds = problems
    .slice()
    .sort((a, b) => b.count - a.count)
    .slice(0, 3)
    .map((d) => `${d.kind} ×${count(d.count)}`)
    .join(', ');
  return noteFinding({
    kind: 'data-quality',
    subject: 'input',
    verdict: 'info',
    effect: fraction,
    count: total,
    rule: `data quality: rows rejected for bad data plus values left out of a metric exceed ${share(MATERIAL_SHARE)} of rows read`,
    message: `${share(fraction)} of rows read have data problems (${count(rejected)} rejected, ${count(leftOut)} value${leftOut === 1 ? '' : 's'} left out of a metric${leftOutRows !== leftOut ? ` in ${count(leftOutRows)} row${leftOutRows === 1 ? '' : 's'}` : ''}, of ${count(input.rowsRead)} rows; most often ${kinds}): see Data quality before trusting the numbers.`,
    details: { rowsRead: input.rowsRead, rejected, leftOutOfMetric: leftOut, rowsWithValuesLeftOut: leftOutRows, kinds: problems.map((d) => ({ kind: d.kind, severity: d.severity, count: d.count })) },
  });
}
