/**
 * The report's description of its input: files and formats, row accounting, data quality by
 * kind with an example, raw channel values and where each maps, and notes on what the input
 * cannot measure. A pure function of the dataset (or, for an engine's audit, of the count table).
 */
import { count } from '../format.js';
import { CHANNELS, type Channel } from '../model.js';
import type { DataQualityEntry, ReportInput } from '../report.js';
import type { CountTable } from '../measure/counts.js';
import type { Dataset } from './dataset.js';
import type { IssueLog } from '../normalise/issues.js';
import { labelledChannelValues } from '../text/lookalike.js';
import { textOrder } from '../text/order.js';

/** The data-quality list of the report, errors first, then by count. */
function dataQuality(issues: IssueLog): DataQualityEntry[] {
  const order = { error: 0, excluded: 1, metric: 2, note: 3 } as const;
  return issues
    .entries()
    .sort((a, b) => order[a.severity] - order[b.severity] || b.count - a.count || textOrder(a.kind, b.kind))
    .map((e) => ({
      kind: e.kind,
      severity: e.severity,
      count: e.count,
      example: { file: e.example.file, line: e.example.line, column: e.example.column ?? null, value: e.example.value ?? null, detail: e.example.detail },
    }));
}

export function describeInput(dataset: Dataset): ReportInput {
  const { table } = dataset;
  // per raw value (dictionary code + 1; 0 = no value): tickets, and the channel the last one went to
  const values = table.dictionaries.rawChannel.size + 1;
  const rawCounts = new Float64Array(values);
  const valueChannel = new Int16Array(values).fill(-1);
  for (let i = 0; i < table.size; i++) {
    const at = (table.rawChannel[i] as number) + 1;
    rawCounts[at]!++;
    valueChannel[at] = table.channel[i] as number;
  }
  const channelValues: ReportInput['channelValues'] = [];
  for (let at = 0; at < values; at++) {
    if (rawCounts[at] === 0) continue;
    const channel = valueChannel[at] as number;
    channelValues.push({ raw: table.dictionaries.rawChannel.valueOf(at - 1) ?? '', count: rawCounts[at] as number, channel: channel >= 0 ? (CHANNELS[channel] as Channel) : 'other' });
  }
  channelValues.sort(byCountThenValue);
  const labelled = labelledChannelValues(channelValues);
  const formatIds = [...new Set(dataset.files.map((f) => f.format))];
  return {
    files: dataset.files.map((f) => f.file),
    format: formatIds.length === 1 ? (formatIds[0] as string) : 'mixed',
    formats: dataset.files,
    rowsRead: dataset.rowsRead,
    rowsUsed: dataset.rowsUsed,
    rowsRejected: dataset.rowsRejected,
    tickets: table.size,
    dataQuality: dataQuality(dataset.issues),
    ...(dataset.issues.metricRows > 0 ? { rowsWithValuesLeftOut: dataset.issues.metricRows } : {}),
    // counted over this table, as channelValues are: a report's period lists the unknown values
    // of its own tickets (with the whole export's counts it disagreed with the table above it)
    unknownChannels: unknownOf(labelled.list.filter((v) => dataset.unknownChannels.has(v.raw))),
    channelValues: labelled.list,
    notes: labelled.note ? [...dataset.notes, labelled.note] : dataset.notes,
  };
}

/** Rejection reasons that are deliberate exclusions, not bad data (as normalise/rows.ts rejects them). */
const EXCLUDED_KINDS = new Set(['outbound', 'discarded', 'outside-period', 'after-as-of', 'report-footer', 'blank-row', 'repeated-header']);

/**
 * Values a count table says were left out of a metric for another reason than a negative
 * duration: the metric's tickets less those measured (`meta,measured`) and the negative ones.
 * The table does not say which rule left them out (a "solved" status without a time, a duration
 * past the year 9999; in a table made from a file, an unreadable value too), so the kind names
 * the metric only. A metric measured for no ticket (`measured` 0: no such column) has none.
 */
function leftOut(h: CountTable['header']): DataQualityEntry[] {
  const entries: DataQualityEntry[] = [];
  for (const [metric, kind] of [['firstResponse', 'left-out-of-first-response'], ['resolution', 'left-out-of-resolution']] as const) {
    const measured = h.measured[metric];
    const count = measured > 0 ? h.tickets - measured - h.negative[metric] : 0;
    if (count > 0) entries.push({ kind, severity: 'metric', count, example: null });
  }
  return entries;
}

/**
 * The input section of a count table's report. A count table carries rejected rows by reason,
 * negative durations and how many values each metric left out otherwise (`leftOut`), without
 * example lines; other data problems (unreadable values, duplicate ids, notes) are a file's alone. Raw channel values counted under `other` are
 * listed as unknown (the table does not say whether a vocabulary or the config chose `other`).
 */
export function describeCounts(counts: CountTable, files: string[], format: string, notes: string[]): ReportInput {
  const h = counts.header;
  const order = { error: 0, excluded: 1, metric: 2, note: 3 } as const;
  const quality: DataQualityEntry[] = [
    ...Object.entries(h.rejected).map(([kind, count]) => ({ kind, severity: EXCLUDED_KINDS.has(kind) ? ('excluded' as const) : ('error' as const), count, example: null })),
    ...(h.negative.firstResponse ? [{ kind: 'negative-first-response', severity: 'metric' as const, count: h.negative.firstResponse, example: null }] : []),
    ...(h.negative.resolution ? [{ kind: 'negative-resolution', severity: 'metric' as const, count: h.negative.resolution, example: null }] : []),
    ...leftOut(h),
    ...(h.repeatedIds ? [{ kind: 'repeated-id', severity: 'note' as const, count: h.repeatedIds, example: null }] : []),
  ].sort((a, b) => order[a.severity] - order[b.severity] || b.count - a.count || textOrder(a.kind, b.kind));
  const labelled = labelledChannelValues(
    h.channelValues.map((v) => ({ raw: v.raw, count: v.count, channel: v.channel })).sort(byCountThenValue),
  );
  const channelValues = labelled.list;
  if (labelled.note) notes = [...notes, labelled.note];
  return {
    files,
    format,
    formats: [],
    rowsRead: h.rowsRead ?? h.tickets,
    rowsUsed: h.rowsUsed ?? h.tickets,
    rowsRejected: h.rowsRejected ?? 0,
    tickets: h.tickets,
    dataQuality: quality,
    unknownChannels: unknownOf(channelValues.filter((v) => v.channel === 'other')),
    channelValues,
    notes: h.repeatedIds ? [...notes, repeatedIdsNote(h.repeatedIds, format === 'duckdb' && files.every((f) => !/\.parquet$/i.test(f)))] : notes,
  };
}

/**
 * What a count table's repeated ids mean: each of those rows was counted as a ticket of its
 * own (parity's own reading keeps the first row of an id and rejects the rest). A join that
 * repeats a ticket per event or per tag, or exports loaded twice, do this. `csv`: the source is a
 * CSV file read by DuckDB, which parity can also read itself.
 */
export function repeatedIdsNote(rows: number, csv: boolean): string {
  const what = rows === 1 ? 'row repeats a ticket id already counted, and was counted as a ticket too' : 'rows repeat a ticket id already counted, and each was counted as a ticket';
  const fix = csv ? 'remove the repeats, or audit the CSV file without --engine, which keeps the first row of an id' : 'remove the repeats where the tickets live (a query can select each ticket once)';
  return `${count(rows)} ${what}: a database source counts every row (a join that repeats tickets, or an export loaded twice, does this); ${fix}`;
}

/**
 * Raw values, most tickets first, then by value (textOrder: the same on every machine, and
 * code-unit order for the distinct texts collation takes as equal, such as a zero-width space),
 * so that two producers of the same values (a file read in-process, an engine's count table)
 * list them alike.
 */
function byCountThenValue(a: { raw: string; count: number }, b: { raw: string; count: number }): number {
  return b.count - a.count || textOrder(a.raw, b.raw);
}

/** Unknown channel values as the report lists them: value, count and any look-alike label. */
function unknownOf(values: ReadonlyArray<{ raw: string; count: number; label?: string }>): ReportInput['unknownChannels'] {
  return values.map((v) => ({ raw: v.raw, count: v.count, ...(v.label ? { label: v.label } : {}) }));
}
