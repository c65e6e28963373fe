/**
 * Which clock each metric's durations are in, read from the mapped columns: one rule for both
 * producers, the in-process path (load/dataset.ts puts the table in the configured clock) and
 * the engines (read/engines/count.ts says the count table's clock).
 *
 * A metric measured from timestamps is calendar time until the business clock converts it
 * (in-process only: a database cannot count open hours). A duration column counts in its own
 * clock (formats/bind.ts: config `clock`, else the header's word, else calendar): a calendar one
 * is converted like timestamps, a business one (dbt's `first_reply_time_business_minutes`) is
 * used as given, never converted a second time. Business durations under the calendar clock
 * would be judged as calendar time: refused, naming the column and both fixes.
 */
import { ParityError } from '../errors.js';
import type { FieldBinding } from '../formats/types.js';

export type DurationMetric = 'firstResponse' | 'resolution';

/** A mapped duration column and the clock its durations count in. */
export interface DurationColumn {
  column: string;
  clock?: 'calendar' | 'business';
  clockAssumed?: boolean;
}

/** The columns that measure the two metrics: a timestamp (wins when both are mapped) or a duration. */
export interface MetricColumns {
  firstResponseAt?: unknown;
  firstResponseTime?: DurationColumn | undefined;
  resolvedAt?: unknown;
  resolutionTime?: DurationColumn | undefined;
}

/** Where a metric's durations come from, and in which clock. */
export type MetricSource = 'timestamp' | 'calendar column' | 'business column' | null;

const FIELDS = {
  firstResponse: { at: 'firstResponseAt', time: 'firstResponseTime', name: 'first response', example: 'first_reply_time_business_minutes' },
  resolution: { at: 'resolvedAt', time: 'resolutionTime', name: 'resolution', example: 'full_resolution_business_minutes' },
} as const;

export const DURATION_METRICS: readonly DurationMetric[] = ['firstResponse', 'resolution'];

/** A file's bindings as metric columns. */
export function bindingColumns(bindings: Partial<Record<string, FieldBinding>>): MetricColumns {
  const column = (b: FieldBinding | undefined): DurationColumn | undefined =>
    b ? { column: b.header, ...(b.clock ? { clock: b.clock } : {}), ...(b.clockAssumed ? { clockAssumed: true } : {}) } : undefined;
  return {
    firstResponseAt: bindings.firstResponseAt,
    firstResponseTime: column(bindings.firstResponseTime),
    resolvedAt: bindings.resolvedAt,
    resolutionTime: column(bindings.resolutionTime),
  };
}

/** Where metric `m` is measured from (a timestamp wins over a duration column, as in rows.ts and sql.ts). */
export function metricSource(columns: MetricColumns, m: DurationMetric): MetricSource {
  const f = FIELDS[m];
  if (columns[f.at]) return 'timestamp';
  const time = columns[f.time];
  if (!time) return null;
  return time.clock === 'business' ? 'business column' : 'calendar column';
}

/** The duration column of metric `m` (for messages). */
export function durationColumn(columns: MetricColumns, m: DurationMetric): string {
  return columns[FIELDS[m].time]?.column ?? '';
}

export function metricName(m: DurationMetric): string {
  return FIELDS[m].name;
}

export function durationField(m: DurationMetric): string {
  return FIELDS[m].time;
}

export function businessExample(m: DurationMetric): string {
  return FIELDS[m].example;
}

/**
 * Refuses business-time duration columns under the calendar clock: their durations would be
 * reported as calendar time beside calendar ones. Both producers call it with their columns.
 */
export function checkDurationClocks(columns: MetricColumns, clock: 'calendar' | 'business', file?: string): void {
  if (clock !== 'calendar') return;
  for (const m of DURATION_METRICS) {
    if (metricSource(columns, m) !== 'business column') continue;
    const col = columns[FIELDS[m].time] as DurationColumn;
    throw new ParityError(
      `columns.${FIELDS[m].time} "${col.column}" counts business time, but the clock is "calendar": its durations would be reported as calendar time`,
      {
        ...(file ? { location: { file, line: 1 } } : {}),
        hint: `set "clock": "business" with "businessHours" to audit in business hours, or map it as { "column": ${JSON.stringify(col.column)}, "clock": "calendar" } if it counts every hour`,
      },
    );
  }
}

/**
 * The note for an explicit as-of time with business-time duration columns used as given (both
 * producers): the instant of such an answer is not known (business time skips closed hours, so
 * it came later than creation + the duration), and whether it came before the as-of time is
 * judged from creation + the duration, as for a calendar duration.
 */
export const BUSINESS_AS_OF_NOTE =
  'as-of time given with business-time duration columns: an answer or resolution counts as before it when creation + its business-time duration is, but its real time is later (business time skips closed hours), so some that came after the as-of time count as before it; give the time the export was taken, or map timestamps';

/** BUSINESS_AS_OF_NOTE when it applies to these sources' columns, else null. */
export function businessAsOfNote(sources: readonly MetricColumns[], clock: 'calendar' | 'business', asOfGiven: boolean): string | null {
  if (!asOfGiven || clock !== 'business') return null;
  const given = sources.some((columns) => DURATION_METRICS.some((m) => metricSource(columns, m) === 'business column'));
  return given ? BUSINESS_AS_OF_NOTE : null;
}
