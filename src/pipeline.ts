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
 *
 * `auditCounted` / `auditCounts` start from a count table instead of tickets (a `--counts` file,
 * or DuckDB, Postgres, ClickHouse computing it where the tickets live): the same measure, judge
 * and renderers, fed by the count table's groups (measure/source.ts: one judge, two producers).
 */
import { ParityError, UsageError } from './errors.js';
import { CHANNELS, type Channel } from './model.js';
import type { Settings } from './settings.js';
import { loadDataset, type Dataset, type RunIO } from './load/dataset.js';
import { describeCounts, describeInput } from './load/describe.js';
import { measure, measureGroups, type Measurement } from './measure/index.js';
import { bandOf, CountGroups } from './measure/countGroups.js';
import type { CountTable } from './measure/counts.js';
import { bandsFromEdges } from './measure/groups.js';
import type { EngineSource } from './read/engines/index.js';
import { createdRange } from './measure/groups.js';
import { measureBy, renamedBy } from './measure/byGroups.js';
import { indicesBySpan, isoDate, measurePeriods, openTickets, planPeriods, subsetTable, type PeriodPlanRequest } from './measure/periods.js';
import { judge } from './judge/index.js';
import { byHoldsCustomers, customerPseudonym, redactReport } from './render/redact.js';
import { SCHEMA_VERSION, type ByReport, type PeriodUnit, type Report, type ReportInput } from './report.js';

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
  return finish(auditDataset(dataset, settings, io.baseline ?? null, { onStage: io.onStage }), settings);
}

/** What auditDataset can be told besides the dataset. */
export interface AuditOptions {
  /**
   * False leaves out what needs single tickets (the follower rank correlation, the jump cases
   * ticket by ticket): the audit a count table of the same tickets gives (loud vs quiet and
   * channel jumps included, from its journey rows), which the exactness tests compare with the
   * engines'.
   */
  perTicket?: boolean;
  onStage?: ((stage: StatisticsStage, rowsRead: number) => void) | undefined;
}

/** measure → judge on a loaded dataset. */
export function auditDataset(dataset: Dataset, given: Settings, baseline: Report | null, options: AuditOptions = {}): Report {
  requireTickets(dataset);
  const settings = withReference(channelTickets(dataset.table), given);
  const { from, to } = createdRange(dataset.table);
  const input = settings.referenceNote ? { ...describeInput(dataset), notes: [...dataset.notes, settings.referenceNote] } : describeInput(dataset);
  options.onStage?.('measure', dataset.rowsRead);
  const measuredChannels = measure(dataset.table, dataset.asOf, settings, options.perTicket ?? true);
  // --by groups: index arrays into the table, sharing the channels' gathered durations
  const measuredBy = settings.groupBy ? measureBy(dataset.table, measuredChannels.groups.samples, settings.groupBy) : null;
  // --redact on a field that holds customers: the values are pseudonyms before any sentence is made
  const by = measuredBy && settings.redact && byHoldsCustomers(measuredBy.report.field) ? renamedBy(measuredBy, customerPseudonym) : measuredBy;
  const measured = by ? { ...measuredChannels, by: by.measurement } : measuredChannels;
  const period = { from: iso(from), to: iso(to), asOf: iso(dataset.asOf) };
  return judgeGroups(measured, settings, input, period, baseline, { byReport: by?.report ?? null, onJudge: () => options.onStage?.('judge', dataset.rowsRead) });
}

/** Where an audit's tickets are when parity does not read them in-process: a count table file, or an engine. */
export type CountedSource = { kind: 'counts'; file: string } | Exclude<EngineSource, { kind: 'files' }>;

/**
 * The audit of a count table: read from a file (`--counts`, exported from any engine), or made
 * where the tickets live (DuckDB for Parquet, Postgres, ClickHouse) so only the count table
 * reaches parity. Then auditCounts.
 */
export async function auditCounted(source: CountedSource, given: Settings, io: AuditIO): Promise<Report> {
  let settings = given;
  const notes: string[] = [];
  if (given.groupBy) {
    const { field } = given.groupBy;
    const canonical = ['group', 'category', 'priority', 'status'].includes(field);
    // Not silently absent: the by section and its findings are measured on tickets only so far.
    if (!given.groupBy.fromConfig) {
      throw new UsageError(`--by ${field} is not available when the tickets are audited from a count table (--counts, Parquet, --engine, --db)`, {
        hint: canonical ? `audit the export itself for the by section, or see the counts per value with \`parity counts … --by ${field}\`` : 'audit the export itself for the by section',
      });
    }
    // A config's by (meant for file audits) does not block the audit of a count table: it says so.
    notes.push(`by ${field} in the config is not applied: the audit of a count table has no by groups yet (audit the export itself for them)`);
    settings = { ...given, groupBy: null };
  }
  const baseline = io.baseline ?? null;
  // Loaded when used: a file audit never loads the engines or the count-file reader.
  if (source.kind === 'counts') {
    const { readCountsFile } = await import('./read/countsFile.js');
    const counts = await readCountsFile(source.file, io.stdin);
    return auditCounts(counts, settings, { files: [source.file], format: 'counts' }, baseline, notes);
  }
  const [{ openEngine }, { countFromEngine }] = await Promise.all([import('./read/engines/index.js'), import('./read/engines/count.js')]);
  const { connection, source: sql } = await openEngine(source, settings.timeZone);
  try {
    const { counts } = await countFromEngine(connection, sql, settings);
    return auditCounts(counts, settings, { files: [connection.label], format: source.kind }, baseline, notes);
  } finally {
    await connection.close();
  }
}

/** Where a count table came from, for the report's input section. */
export interface CountSource {
  /** What the report names as its input: the count file, the database URL (password masked), the Parquet files. */
  files: string[];
  /** `counts` for a count-table file; the engine (`duckdb`, `postgres`, `clickhouse`) otherwise. */
  format: string;
}

/**
 * measure → judge on a count table (`parity audit --counts`, Parquet, `--db`): the same measure
 * stage, judge, gates and renderers as a file's audit, fed by the count table's groups
 * (measure/countGroups.ts). What needs single tickets is not computed and the input notes say so.
 */
export function auditCounts(counts: CountTable, given: Settings, source: CountSource, baseline: Report | null, sourceNotes: readonly string[] = []): Report {
  const h = counts.header;
  if (h.tickets === 0) {
    throw new ParityError('no usable tickets: nothing to audit', {
      location: { file: source.files.join(', ') },
      hint: h.rowsRead ? `${h.rowsRejected ?? 0} of ${h.rowsRead} rows rejected (${Object.entries(h.rejected).map(([k, n]) => `${k} ×${n}`).join(', ')})` : 'the source has no rows',
    });
  }
  const tickets = new Map<Channel, number>();
  for (const v of h.channelValues) tickets.set(v.channel, (tickets.get(v.channel) ?? 0) + v.count);
  const settings = withReference(tickets, given);
  requireBands(counts, settings.bands, source);
  requireJourneyRules(counts, settings, source);
  const groups = new CountGroups(counts, settings.bands);
  const notes = [...h.notes, ...countTableNotes(groups), ...sourceNotes];
  if (settings.referenceNote) notes.push(settings.referenceNote);
  const input = describeCounts(counts, source.files, source.format, notes);
  const at = (seconds: number | null): string | null => (seconds === null ? null : iso(seconds));
  const report = judgeGroups(measureGroups(groups, settings), settings, input, { from: at(h.createdFrom), to: at(h.createdTo), asOf: at(h.asOf) }, baseline);
  return finish(report, settings);
}

/** A count table's bands are fixed when it is made: the audit must use the same edges. */
function requireBands(counts: CountTable, edges: readonly number[], source: CountSource): void {
  const labels = new Set(bandsFromEdges(edges).map((b) => b.label));
  const foreign = [...new Set(counts.rows.filter((r) => r.dimension === 'bandChannel').map((r) => bandOf(r.group)))].filter((g) => !labels.has(g));
  if (foreign.length === 0) return;
  throw new ParityError(`the count table's follower bands (${foreign.join(', ')}) are not the bands of this audit (${[...labels].join(', ')})`, {
    location: { file: source.files.join(', ') },
    hint: 'audit with the --bands (or config bands) the count table was made with',
  });
}

/** A count table's repeat and jump windows are fixed when it is made: the audit must use the same. */
function requireJourneyRules(counts: CountTable, settings: Settings, source: CountSource): void {
  const j = counts.header.journeys;
  if (!j) return;
  const l = settings.loud;
  const differ: string[] = [];
  if (j.repeatContacts !== l.repeatContacts) differ.push(`loud.repeatContacts ${j.repeatContacts} (not ${l.repeatContacts})`);
  if (j.repeatWindowSeconds !== l.repeatWindowDays * 86400) differ.push(`loud.repeatWindowDays ${j.repeatWindowSeconds / 86400} (not ${l.repeatWindowDays})`);
  if (j.jumpWindowSeconds !== l.jumpWindowDays * 86400) differ.push(`jumpWindowDays ${j.jumpWindowSeconds / 86400} (not ${l.jumpWindowDays})`);
  if (differ.length === 0) return;
  throw new ParityError(`the count table was made with ${differ.join(', ')}`, {
    location: { file: source.files.join(', ') },
    hint: 'audit with the settings the count table was made with, or make it again with these',
  });
}

/** The findings a count table cannot give, by what the table holds; each goes into input.notes. */
function countTableNotes(groups: CountGroups): string[] {
  const notes: string[] = [];
  if (groups.socialBands.some((g) => groups.of(g).tickets > 0)) {
    notes.push('follower count vs first response (Spearman rank correlation) is not computed from a count table: it needs each ticket\'s follower count and time; the follower bands are compared');
  }
  const journeys = groups.counts.header.journeys;
  if (!journeys) {
    notes.push('loud vs quiet complainants (public posts, repeat contacts, shouting, escalation tags) are not compared: the count table has no loud rows (made without a customer column, or by an older parity)');
    if (groups.channels.has('social')) notes.push('channel jumps (social tickets opened while another ticket of the customer was open) are not computed: the count table has no jump rows');
    return notes;
  }
  if (journeys.capitalsUntested > 0) {
    notes.push(`shouting by capitals was not tested on ${journeys.capitalsUntested} ticket${journeys.capitalsUntested === 1 ? '' : 's'} whose subject or text has letters beyond ASCII (the source's case rules are not parity's); they are loud only by another cue`);
  }
  if (groups.channels.has('social') && journeys.customers > 0) {
    notes.push('channel jumps: the longest waits are listed ticket by ticket only when the tickets are read in-process; a count table gives the counts, shares and medians');
  }
  return notes;
}

/** The report of measured groups: the sections every audit has, then the judge. */
function judgeGroups(
  measured: Measurement,
  settings: Settings,
  input: ReportInput,
  period: Report['period'],
  baseline: Report | null,
  extra: { byReport?: ByReport | null; onJudge?: () => void } = {},
): Report {
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'parity', version: settings.version },
    generatedAt: settings.generatedAt,
    input,
    period,
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
    ...(extra.byReport ? { by: extra.byReport } : {}),
    findings: [],
    gates: [],
    distributions: { firstResponse: measured.distributions },
  };
  extra.onJudge?.();
  return judge({ report, measured, settings, baseline });
}

/** Tickets per channel. */
function channelTickets(table: Dataset['table']): Map<Channel, number> {
  const counts = new Map<Channel, number>();
  for (let i = 0; i < table.size; i++) {
    const channel = CHANNELS[table.channel[i] as number] as Channel;
    counts.set(channel, (counts.get(channel) ?? 0) + 1);
  }
  return counts;
}

/**
 * The reference channel: the one given (flag or config), else phone when the data has phone
 * tickets, else the largest channel — a single-channel export (a tweet log) compares what it
 * can instead of asking for a channel it does not have. The report says which was chosen.
 */
function withReference(counts: ReadonlyMap<Channel, number>, settings: Settings): Settings {
  if (settings.referenceGiven) return settings;
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
  const report = auditDataset({ ...dataset, table: periodTable }, periodSettings, io.baseline ?? null, { onStage: io.onStage });
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
