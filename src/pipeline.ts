/**
 * The pipeline on one page. Every command, the tests' helper and the scripts run the audit
 * through here; nothing here prints or touches process state, and no stage imports this file.
 *
 *   Settings (resolved once: commands/options.ts)
 *     │
 *     ▼
 *   loadDataset ─── read/ bytes → records ─ formats/ header → mapping ─ normalise/ records → TicketTable
 *     │             (every row used or rejected with a reason; the as-of time resolved here)
 *     ▼
 *   measure ─────── measure/ one estimate per group and metric (Kaplan–Meier, unanswered and open
 *     │             tickets counted as still waiting) and one comparison engine (compare.ts)
 *     ▼
 *   judge ───────── judge/ findings (tolerance band, Holm, like for like), verdicts onto the
 *     │             numbers they judge, gates
 *     ▼
 *   Report ──────── render/ table, json, markdown, html, csv, junit: pure functions of the Report
 *
 * `periodReport` is the same audit on one period's tickets, plus the trend over the periods
 * before it, measured with the same estimate and comparison engine.
 */
import { ParityError } from './errors.js';
import { CHANNELS, type Channel } from './model.js';
import type { Settings } from './settings.js';
import { loadDataset, type Dataset, type RunIO } from './load/dataset.js';
import { describeInput } from './load/describe.js';
import { measure } from './measure/index.js';
import { createdRange } from './measure/groups.js';
import { measureBy } from './measure/byGroups.js';
import { indicesBySpan, isoDate, measurePeriods, openTickets, planPeriods, subsetTable, type PeriodPlanRequest } from './measure/periods.js';
import { judge } from './judge/index.js';
import { redactReport } from './render/redact.js';
import { SCHEMA_VERSION, type PeriodUnit, type Report } from './report.js';

export type { Dataset, RunIO } from './load/dataset.js';
export type { Settings } from './settings.js';

/** What an audit reads besides the tickets: an earlier report for `delta(...)` gates. */
export interface AuditIO extends RunIO {
  baseline?: Report | null;
  /** Told when a statistics stage starts after reading, with the rows read (a progress line on a terminal). */
  onStage?: (stage: StatisticsStage, rowsRead: number) => void;
}

/** The stages after reading, as a progress line names them. */
export type StatisticsStage = 'measure' | 'judge';

/** read → normalise → measure → judge → Report. */
export async function audit(settings: Settings, io: AuditIO): Promise<Report> {
  const dataset = await loadDataset(settings, io);
  return finish(auditDataset(dataset, settings, io.baseline ?? null, io.onStage), settings);
}

/** measure → judge on a loaded dataset. */
export function auditDataset(dataset: Dataset, given: Settings, baseline: Report | null, onStage?: (stage: StatisticsStage, rowsRead: number) => void): Report {
  requireTickets(dataset);
  const settings = withReference(dataset, given);
  onStage?.('measure', dataset.rowsRead);
  const measuredChannels = measure(dataset.table, dataset.asOf, settings);
  const by = settings.groupBy ? measureBy(dataset.table, measuredChannels.samples, settings.groupBy) : null;
  const measured = by ? { ...measuredChannels, by: by.measurement } : measuredChannels;
  const { from, to } = createdRange(dataset.table);
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'parity', version: settings.version },
    generatedAt: settings.generatedAt,
    input: settings.referenceNote ? { ...describeInput(dataset), notes: [...dataset.notes, settings.referenceNote] } : describeInput(dataset),
    period: { from: iso(from), to: iso(to), asOf: iso(dataset.asOf) },
    settings: {
      reference: settings.reference,
      timeZone: settings.timeZone,
      clock: settings.clock.kind,
      bands: [...settings.bands],
      tolerance: settings.tolerance,
      alpha: settings.alpha,
      minSample: settings.minSample,
    },
    reference: settings.reference,
    channels: measured.channels,
    followerBands: measured.followerBands,
    ...(by ? { by: by.report } : {}),
    findings: [],
    gates: [],
    distributions: { firstResponse: measured.distributions },
  };
  onStage?.('judge', dataset.rowsRead);
  return judge({ report, measured, settings, baseline });
}

/**
 * The reference channel: the one given (flag or config), else phone when the data has phone
 * tickets, else the largest channel — a single-channel export (a tweet log) compares what it
 * can instead of asking for a channel it does not have. The report says which was chosen.
 */
function withReference(dataset: Dataset, settings: Settings): Settings {
  if (settings.referenceGiven) return settings;
  const counts = new Map<Channel, number>();
  const { table } = dataset;
  for (let i = 0; i < table.size; i++) {
    const channel = CHANNELS[table.channel[i] as number] as Channel;
    counts.set(channel, (counts.get(channel) ?? 0) + 1);
  }
  if (counts.has('phone')) return settings;
  let largest: Channel = settings.reference;
  let most = -1;
  for (const channel of CHANNELS) {
    const n = counts.get(channel) ?? 0;
    if (n > most) {
      most = n;
      largest = channel;
    }
  }
  const note = `reference channel: ${largest} (the largest channel; there are no phone tickets — choose another with --reference)`;
  return { ...settings, reference: largest, referenceNote: note };
}

/** How `parity report` cuts time. */
export interface PeriodOptions {
  unit: PeriodUnit;
  /** The period of interest ([start, end) epoch seconds), or null = the latest period with tickets. */
  focus: { start: number | null; end: number | null } | null;
  /** How many earlier periods the trend shows. */
  previous: number;
}

/**
 * The report of one period: the whole export is read once (the period is chosen after reading,
 * not by filtering it), the period's tickets are audited as `audit` would, and the trend measures
 * every period with the same estimate and comparison engine. Open tickets of every period are
 * censored at the as-of time of the export.
 */
export async function periodReport(settings: Settings, io: AuditIO, options: PeriodOptions): Promise<Report> {
  const dataset = await loadDataset({ ...settings, since: null, until: null }, io);
  requireTickets(dataset);
  const { table, asOf } = dataset;
  const { from: earliest, to: latest } = createdRange(table);
  const request: PeriodPlanRequest = { ...options, timeZone: settings.timeZone, earliestCreated: earliest, latestCreated: latest, asOf };
  const plan = planPeriods(request);
  const [focusIndices] = indicesBySpan(table, [plan.focus]);
  if (!focusIndices || focusIndices.length === 0) {
    throw new ParityError(`no tickets were created in ${plan.focus.label}`, {
      hint: `the data has tickets created ${isoDate(earliest, settings.timeZone)} to ${isoDate(latest, settings.timeZone)} (${settings.timeZone}); choose a period in that range`,
    });
  }
  const periodTable = subsetTable(table, focusIndices);
  const periodSettings: Settings = { ...settings, since: plan.focus.start, until: plan.focus.end, asOf };
  const report = auditDataset({ ...dataset, table: periodTable }, periodSettings, io.baseline ?? null, io.onStage);
  return finish(
    {
      ...report,
      reportPeriod: {
        unit: options.unit,
        label: plan.focus.label,
        custom: plan.focus.custom,
        from: new Date(plan.focus.start * 1000).toISOString(),
        to: new Date(plan.focus.end * 1000).toISOString(),
        timeZone: settings.timeZone,
        previous: options.previous,
        tickets: periodTable.size,
        allTickets: table.size,
        open: openTickets(periodTable),
        complete: asOf >= plan.focus.end,
      },
      periods: measurePeriods(table, plan, settings, asOf),
    },
    settings,
  );
}

/** The last step every report takes: pseudonyms for customer ids and handles with --redact. */
function finish(report: Report, settings: Settings): Report {
  return settings.redact ? redactReport(report) : report;
}

/** An audit needs at least one usable ticket; say why there is none. */
function requireTickets(dataset: Dataset): void {
  if (dataset.table.size > 0) return;
  const top = dataset.issues.entries().sort((a, b) => b.count - a.count)[0];
  throw new ParityError('no usable tickets: nothing to audit', {
    location: top
      ? { file: top.example.file, line: top.example.line, ...(top.example.column ? { column: top.example.column } : {}) }
      : { file: dataset.files.map((f) => f.file).join(', ') },
    hint: top
      ? `${dataset.rowsRejected} of ${dataset.rowsRead} rows rejected; most often ${top.kind} (${top.count}×), e.g. ${top.example.detail}. Run \`parity inspect\` to check the mapping.`
      : 'the file has a header but no rows',
  });
}

function iso(seconds: number): string | null {
  return Number.isFinite(seconds) ? new Date(Math.round(seconds * 1000)).toISOString() : null;
}
