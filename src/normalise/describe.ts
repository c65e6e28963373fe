/**
 * The report's description of its input: files and formats, row accounting, data quality by
 * kind with an example, raw channel values and where each maps, and notes on what the input
 * cannot measure. A pure function of the dataset.
 */
import { CHANNELS, type Channel } from '../model.js';
import type { DataQualityEntry, ReportInput } from '../report.js';
import type { Dataset } from './dataset.js';
import type { IssueLog } from './issues.js';

/** The data-quality list of the report, errors first, then by count. */
function dataQuality(issues: IssueLog): DataQualityEntry[] {
  const order = { error: 0, excluded: 1, metric: 2, note: 3 } as const;
  return issues
    .entries()
    .sort((a, b) => order[a.severity] - order[b.severity] || b.count - a.count || a.kind.localeCompare(b.kind))
    .map((e) => ({
      kind: e.kind,
      severity: e.severity,
      count: e.count,
      example: { file: e.example.file, line: e.example.line, column: e.example.column ?? null, value: e.example.value ?? null, detail: e.example.detail },
    }));
}

export function describeInput(dataset: Dataset): ReportInput {
  const { table } = dataset;
  const rawCounts = new Map<number, number>();
  const valueChannel = new Map<number, Channel>();
  for (let i = 0; i < table.size; i++) {
    const code = table.rawChannel[i] as number;
    rawCounts.set(code, (rawCounts.get(code) ?? 0) + 1);
    valueChannel.set(code, CHANNELS[table.channel[i] as number] as Channel);
  }
  const channelValues = [...rawCounts.entries()]
    .map(([code, count]) => ({ raw: table.dictionaries.rawChannel.valueOf(code) ?? '', count, channel: valueChannel.get(code) ?? 'other' }))
    .sort((a, b) => b.count - a.count || a.raw.localeCompare(b.raw));
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
    unknownChannels: [...dataset.unknownChannels.entries()]
      .map(([raw, count]) => ({ raw, count }))
      .sort((a, b) => b.count - a.count || a.raw.localeCompare(b.raw)),
    channelValues,
    notes: dataset.notes,
  };
}
