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
 *     │             tickets counted as still waiting) and one comparison engine (compare.ts);
 *     │             on a large table a helper thread meanwhile orders each customer's tickets
 *     │             and ranks the follower counts (measure/helper.ts), awaited before judge,
 *     │             and tallies resolution while this thread tallies first response
 *     ▼
 *   judge ───────── judge/ findings (tolerance band, Holm, like for like), verdicts onto the
 *     │             numbers they judge, gates (the helper still tallying beside it, stopped after)
 *     ▼
 *   Report ──────── render/ table, json, markdown, html, csv, junit: pure functions of the Report
 *
 * `periodReport` is the same audit on one period's tickets, plus the trend over the periods
 * before it, measured with the same estimate and comparison engine.
 *
 * `auditCounted` / `auditCounts` start from a count table instead of tickets (a `--counts` file,
 * or DuckDB, Postgres, ClickHouse computing it where the tickets live): the same measure, judge
 * and renderers, fed by the count table's groups (measure/source.ts: one judge, two producers),
 * `--by` groups included. `countedPeriodReport` is periodReport where the tickets live: one
 * count table for the whole export, then one per period.
 */
import { NoTicketsError, ParityError, UsageError } from './errors.js';
import { CHANNELS, type Channel } from './model.js';
import type { BySettings, Settings } from './settings.js';
import { futureAsOf, loadDataset, type Dataset, type RunIO } from './load/dataset.js';
import { describeCounts, describeInput } from './load/describe.js';
import { subsetTable, withoutLocations } from './normalise/table.js';
import { measure, measureGroups, type Measurement } from './measure/index.js';
import type { TicketGroups } from './measure/ticketGroups.js';
import { bandOf, CountGroups } from './measure/countGroups.js';
import { BY_FIELDS, CALENDAR_FALLBACK_NOTE, LEGACY_CALENDAR_FALLBACK_NOTE, type ByField, type CountTable } from './measure/counts.js';
import type { CellLayout, MeasuredGroups } from './measure/source.js';
import { bandsFromEdges } from './measure/groups.js';
import type { EngineSource } from './read/engines/choose.js';
import type { CountingProgress } from './read/engines/connection.js';
import { createdRange, latestCreatedBefore } from './measure/groups.js';
import { hoursText, parseWeeklyHours, recordedHours, sameHours } from './measure/clock.js';
import { businessWaiting } from './measure/waitingClock.js';
import { groupByCounts, groupByField, measureBy, renamedBy, withLookalikeLabels, type ByGrouping, type ByMeasurement } from './measure/byGroups.js';
import { isoSeconds } from './format.js';
import { indicesBySpan, isoDate, measurePeriod, measurePeriods, openTickets, planPeriods, withChanges, type PeriodPlanRequest, type PeriodSpan } from './measure/periods.js';
import { judge } from './judge/index.js';
import { parseGates } from './judge/gates/index.js';
import { startHelper, wantsHelper, type Helper } from './measure/helper.js';
import { unusedSlaNotes } from './measure/sla.js';
import type { WorkerUse } from './threads.js';
import { byHoldsCustomers, customerPseudonym, redactReport } from './render/redact.js';
import { SCHEMA_VERSION, type ByReport, type PeriodReport, type PeriodUnit, type Report, type ReportInput } from './report.js';

export type { Dataset, RunIO } from './load/dataset.js';
export type { Settings } from './settings.js';

/** What an audit reads besides the tickets: an earlier report for `delta(...)` gates. */
export interface AuditIO extends RunIO {
  baseline?: Report | null;
  /** Told when a statistics stage starts after reading, with the rows read (a progress line on a terminal). */
  onStage?: (stage: StatisticsStage, rowsRead: number) => void;
  /** Told of each count query where the tickets live: its start, the cells received, its end (a progress line on a terminal). */
  onCounting?: CountingProgress;
}

/** The stages after reading, as a progress line names them. */
export type StatisticsStage = 'measure' | 'judge';

/** read → normalise → measure → judge → Report. */
export async function audit(settings: Settings, io: AuditIO): Promise<Report> {
  // nothing after loading asks where a ticket was read: those columns go before the statistics
  // (the loaded dataset is not kept in a variable of its own, which would hold them)
  const dataset = withoutTicketLocations(await loadDataset(settings, io));
  return finish(await auditHelped(dataset, settings, io.baseline ?? null, { onStage: io.onStage }, io.workers ?? 'auto'), settings);
}

/** The dataset with a table that no longer holds where its tickets were read (normalise/table.ts withoutLocations). */
function withoutTicketLocations(dataset: Dataset): Dataset {
  return { ...dataset, table: withoutLocations(dataset.table) };
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
  return judgeDataset(measureDataset(dataset, given, options, null), dataset, baseline, options);
}

/**
 * auditDataset with the statistics helper thread beside the measure stage on a large table
 * (measure/helper.ts): the same report, sooner on two cores. What the helper works out (the
 * customer timeline, the follower correlation) is awaited between measure and judge.
 */
async function auditHelped(dataset: Dataset, given: Settings, baseline: Report | null, options: AuditOptions, workers: WorkerUse): Promise<Report> {
  const table = dataset.table;
  const helper = table.size > 0 && wantsHelper(table.size, workers) ? await startHelper(table, dataset.asOf) : null;
  if (helper === null) return auditDataset(dataset, given, baseline, options);
  try {
    const measured = measureDataset(dataset, given, options, helper);
    measured.groups.adopt(await helper.done);
    return judgeDataset(measured, dataset, baseline, options);
  } finally {
    helper.stop();
  }
}

/** What auditDataset's measure stage hands its judge stage. */
interface MeasuredDataset {
  /** The settings with the reference channel the data allow. */
  settings: Settings;
  input: ReportInput;
  period: Report['period'];
  measured: Measurement;
  groups: TicketGroups;
  byReport: ByReport | null;
}

/** The measure stage of auditDataset (`helper`: the helper thread works out what TicketGroups.adopt takes, and tallies resolution meanwhile). */
function measureDataset(dataset: Dataset, given: Settings, options: AuditOptions, helper: Helper | null): MeasuredDataset {
  requireTickets(dataset);
  const settings = withReference(channelTickets(dataset.table), given);
  const { from, to } = createdRange(dataset.table);
  options.onStage?.('measure', dataset.rowsRead);
  const measuredChannels = measure(dataset.table, dataset.asOf, settings, { perTicket: options.perTicket ?? true, helped: helper !== null, twin: helper?.twin ?? null });
  const settingNotes = [...(settings.configNotes ?? []), ...(settings.referenceNote ? [settings.referenceNote] : []), ...unusedSlaNotes(settings.sla, measuredChannels.channels)];
  const input = settingNotes.length ? { ...describeInput(dataset), notes: [...dataset.notes, ...settingNotes] } : describeInput(dataset);
  // --by groups: index arrays into the table, sharing the channels' gathered durations
  const by = settings.groupBy ? measuredBy(measuredChannels.groups, groupByField(dataset.table, settings.groupBy, byShownAs(settings)), settings) : null;
  const measured = by ? { ...measuredChannels, by: by.measurement } : measuredChannels;
  const period = { from: iso(from), to: iso(to), asOf: iso(dataset.asOf) };
  return { settings, input: withByNote(input, by), period, measured, groups: measuredChannels.groups, byReport: by?.report ?? null };
}

/** The judge stage of auditDataset. */
function judgeDataset(step: MeasuredDataset, dataset: Dataset, baseline: Report | null, options: AuditOptions): Report {
  return judgeGroups(step.measured, step.settings, step.input, step.period, baseline, { byReport: step.byReport, onJudge: () => options.onStage?.('judge', dataset.rowsRead) });
}

/** How the report shows a --by value: a customer's pseudonym with --redact on a field that holds customers (renamedBy), else as it is. */
function byShownAs(settings: Settings): (value: string) => string {
  return settings.redact && settings.groupBy && byHoldsCustomers(settings.groupBy.field) ? customerPseudonym : (value) => value;
}

/**
 * The --by groups measured from either producer's groups; with --redact on a field that holds
 * customers, the values are pseudonyms before any sentence is made; then values that would look
 * alike in one table are labelled apart, and `note` (for input.notes) names them.
 */
function measuredBy<G>(groups: MeasuredGroups<G, CellLayout>, grouping: ByGrouping<G>, settings: Settings): { measurement: ByMeasurement<G>; report: ByReport; note: string | null } {
  const by = measureBy(groups, grouping, settings.groupBy as BySettings);
  return withLookalikeLabels(settings.redact && byHoldsCustomers(by.report.field) ? renamedBy(by, customerPseudonym) : by);
}

/** `input` with a --by note added (look-alike values), or as it is. */
function withByNote(input: ReportInput, by: { note: string | null } | null): ReportInput {
  return by?.note ? { ...input, notes: [...input.notes, by.note] } : input;
}

/** Where an audit's tickets are when parity does not read them in-process: a count table file, or an engine. */
export type CountedSource = { kind: 'counts'; file: string } | Exclude<EngineSource, { kind: 'files' }>;

/**
 * The audit of a count table: read from a file (`--counts`, exported from any engine), or made
 * where the tickets live (DuckDB for Parquet, Postgres, ClickHouse) so only the count table
 * reaches parity. Then auditCounts.
 */
export async function auditCounted(source: CountedSource, given: Settings, io: AuditIO): Promise<Report> {
  const { settings, notes } = countedBy(given);
  const baseline = io.baseline ?? null;
  // Loaded when used: a file audit never loads the engines or the count-file reader.
  if (source.kind === 'counts') {
    const { readCountsFile } = await import('./read/countsFile.js');
    const counts = await readCountsFile(source.file, io.stdin);
    // since/until/as-of from a config (the flags are refused by the command): fixed when the table was made
    const fixed = (['since', 'until', 'asOf'] as const).filter((k) => settings[k] !== null);
    if (fixed.length) notes.push(`${fixed.map((k) => (k === 'asOf' ? 'as-of' : k)).join(', ')} in the config ${fixed.length > 1 ? 'are' : 'is'} not applied: a count table's period and as-of time were fixed when it was made`);
    // (the --duplicates flag is refused by the command; the config's rule is said not to apply)
    if (settings.duplicates === 'last') notes.push('duplicates "last" in the config is not applied: a count table\'s rows (and which of a repeated id was kept) were read when it was made');
    return auditCounts(counts, settings, { files: [source.file], format: 'counts' }, baseline, [...notes, ...clockNotes(counts, settings)]);
  }
  const [{ openEngine }, { countFromEngine }] = await Promise.all([import('./read/engines/index.js'), import('./read/engines/count.js')]);
  const { connection, source: sql, notes: readNotes } = await openEngine(source, settings.timeZone, { progress: io.onCounting, workers: io.workers, maxRecordBytes: settings.limits.maxRecordBytes, mapping: settings.mapping });
  notes.push(...readNotes);
  try {
    const { counts } = await countFromEngine(connection, sql, { ...settings, by: countByField(settings) });
    // (the --duplicates flag is refused with an engine; the config's rule is said not to apply)
    if (settings.duplicates === 'last') notes.push('duplicates "last" in the config is not applied: a database source counts every row of a repeated id');
    return auditCounts(counts, settings, { files: [connection.label], format: source.kind }, baseline, [...notes, ...futureAsOf(counts.header.asOf, settings, io)]);
  } finally {
    await connection.close();
  }
}

/**
 * --by from a count table: the count query and `parity counts` carry a `by` dimension for the
 * canonical fields only (counts.ts BY_FIELDS). Any other header is refused when given as --by;
 * a config's by naming one (meant for file audits) does not block the audit: the notes say so.
 */
function countedBy(given: Settings): { settings: Settings; notes: string[] } {
  const by = given.groupBy;
  if (!by || by.column !== 'header') return { settings: given, notes: [] };
  const fields = BY_FIELDS.join(', ');
  if (!by.fromConfig) {
    throw new UsageError(`--by ${by.field}: a count table (--counts, Parquet, --engine, --db) has by groups for ${fields} only, not for another column`, {
      hint: `group by one of ${fields}, or audit the export itself to group by the column "${by.field}"`,
    });
  }
  // a by(...) gate reads those groups: said here, not "no --by field is given" after dropping it
  const byGate = parseGates(given).find((g) => g.gate.subject.kind === 'by' || g.gate.subject.kind === 'byRatio');
  if (byGate) {
    throw new UsageError(`by ${by.field} in the config cannot be applied to a count table (--counts, Parquet, --engine, --db), which has by groups for ${fields} only, and the gate ${byGate.gate.text} reads its groups`, {
      hint: `audit the export itself to group by the column "${by.field}", or group by one of ${fields} with --by`,
    });
  }
  return { settings: { ...given, groupBy: null }, notes: [`by ${by.field} in the config is not applied: a count table has by groups for ${fields} only (audit the export itself to group by another column)`] };
}

/** The count table's `by` field of the settings (a canonical field; countedBy refused the rest). */
function countByField(settings: Settings): ByField | null {
  const column = settings.groupBy?.column;
  return column && column !== 'header' ? column : null;
}

/**
 * A count table's durations are in the clock it was made with (header.clock, `meta,clock`): the
 * report says that clock, whatever the settings say. A table that does not say (an older
 * parity's, or the result of `parity sql`'s query) is read in the settings' clock, as before.
 */
function countClock(counts: CountTable, settings: Settings): Report['settings']['clock'] {
  return counts.header.clock ?? settings.clock.kind;
}

/**
 * The settings ask for business hours and a count-table file says calendar time: the notes say
 * the business clock is not applied (an engine's table says so in its own notes).
 */
function clockNotes(counts: CountTable, settings: Settings): string[] {
  if (counts.header.clock !== 'calendar' || settings.clock.kind !== 'business') return [];
  return ['business clock in the config is not applied: the count table was made in calendar time (make it with the business clock for business hours)'];
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
  return finish(judgeCounts(counts, given, source, baseline, sourceNotes), given);
}

/** A count table needs at least one usable ticket; say why there is none. */
function requireCountedTickets(counts: CountTable, source: CountSource): void {
  const h = counts.header;
  if (h.tickets > 0) return;
  throw new ParityError('no usable tickets: nothing to audit', {
    location: { file: source.files.join(', ') },
    hint: h.rowsRead ? `${h.rowsRejected ?? 0} of ${h.rowsRead} rows rejected (${Object.entries(h.rejected).map(([k, n]) => `${k} ×${n}`).join(', ')})` : 'the source has no rows',
  });
}

/** auditCounts before the last step (pseudonyms with --redact), for the period report to finish. */
function judgeCounts(counts: CountTable, given: Settings, source: CountSource, baseline: Report | null, sourceNotes: readonly string[]): Report {
  const h = counts.header;
  requireCountedTickets(counts, source);
  const tickets = new Map<Channel, number>();
  for (const v of h.channelValues) tickets.set(v.channel, (tickets.get(v.channel) ?? 0) + v.count);
  const byNotes: string[] = [];
  const clockNotes: string[] = [];
  const settings = countedHours(counts, countedClock(counts, withReference(tickets, requireBy(counts, given, source, byNotes)), clockNotes), source, clockNotes);
  counts = waitingInClock(counts, settings);
  requireBands(counts, settings.bands, source);
  requireJourneyRules(counts, settings, source);
  const groups = new CountGroups(counts, settings.bands);
  const notes = [...h.notes, ...clockNotes, ...countTableNotes(groups), ...sourceNotes, ...byNotes];
  // (a table made under the business clock is measured in its own hours whatever the config's
  // clock says, and says so in its own note: then the config's hours are not "left unapplied")
  if (countClock(counts, settings) !== 'business') notes.push(...(settings.configNotes ?? []));
  if (settings.referenceNote) notes.push(settings.referenceNote);
  const at = (seconds: number | null): string | null => (seconds === null ? null : iso(seconds));
  const measuredChannels = measureGroups(groups, settings);
  notes.push(...unusedSlaNotes(settings.sla, measuredChannels.channels));
  const input = describeCounts(counts, source.files, source.format, notes);
  // --by groups: the count table's `by` dimension, measured and judged as in-process
  const by = settings.groupBy ? measuredBy(groups, groupByCounts(groups.byGroups(), settings.groupBy, byShownAs(settings)), settings) : null;
  const measured = by ? { ...measuredChannels, by: by.measurement } : measuredChannels;
  return judgeGroups(measured, settings, withByNote(input, by), { from: at(h.createdFrom), to: at(h.createdTo), asOf: at(h.asOf) }, baseline, { byReport: by?.report ?? null, clock: countClock(counts, settings) });
}

/**
 * The clock of a count table's durations: the configured one, unless the table says they are
 * calendar time (its meta,clock row, or made by an engine under the business clock without
 * duration columns: CALENDAR_FALLBACK_NOTE). Then the whole report is in calendar time — its settings, so every
 * renderer says so — and SLA attainment is not computed: business-hour targets judged against
 * calendar durations would answer another question.
 */
function countedClock(counts: CountTable, settings: Settings, notes: string[]): Settings {
  // the table's own clock (meta,clock); a table without it made by an engine says so in its notes
  // (a table of an earlier parity carries the note's earlier wording)
  const fellBack = counts.header.notes.includes(CALENDAR_FALLBACK_NOTE) || counts.header.notes.includes(LEGACY_CALENDAR_FALLBACK_NOTE);
  const tableClock = counts.header.clock ?? (fellBack ? 'calendar' : null);
  if (settings.clock.kind === 'calendar' && tableClock === 'business') {
    // the mirror case: targets meant in calendar time, durations in business hours
    if (settings.sla.firstResponse || settings.sla.resolution) {
      notes.push('SLA attainment is not computed: its targets are in calendar time (the configuration has no business clock) and this count table\'s durations are in business hours (audit it with the business clock it was made with)');
    }
    return { ...settings, sla: { firstResponse: null, resolution: null } };
  }
  if (settings.clock.kind !== 'business' || tableClock !== 'calendar') return settings;
  if (settings.sla.firstResponse || settings.sla.resolution) {
    notes.push('SLA attainment is not computed: its targets are in business hours and this source\'s durations are calendar time (set "clock": "calendar" to judge the targets in calendar time, or map business-time duration columns)');
  }
  return { ...settings, clock: { kind: 'calendar' }, sla: { firstResponse: null, resolution: null } };
}

/**
 * A business-clock table's durations are in the opening hours it was made with (`meta,
 * businessHours`): an audit configured with other hours is refused (its numbers would be read as
 * hours they were not counted in, and a delta gate against a baseline of those hours would call
 * the difference a change in service); one without a business clock reads the table in its own
 * hours, and the report says which.
 */
function countedHours(counts: CountTable, settings: Settings, source: CountSource, notes: string[]): Settings {
  const made = counts.header.businessHours;
  if (!made || countClock(counts, settings) !== 'business') return settings;
  if (settings.clock.kind === 'business') {
    const now = recordedHours(settings.clock);
    if (sameHours(made, now)) return settings;
    throw new ParityError(`the count table's durations are in the business hours it was made with, ${hoursText(made)}, not in this audit's, ${hoursText(now)}`, {
      location: { file: source.files.join(', ') },
      hint: 'audit it with the businessHours it was made with, or make the count table again with these (parity counts -c <config>)',
    });
  }
  notes.push(`durations are in the business hours the count table was made with: ${hoursText(made)}`);
  return { ...settings, clock: { kind: 'business', schedule: parseWeeklyHours(made.open), timeZone: made.timeZone, holidays: [...made.holidays] } };
}

/**
 * A table whose open tickets' ages are calendar time under business-time durations (an engine's,
 * `meta,waitingClock`): converted with the configured opening hours, as in-process; without a
 * business clock in the settings it is refused (exit 2).
 */
function waitingInClock(counts: CountTable, settings: Settings): CountTable {
  if (counts.header.waitingClock !== 'calendar' || countClock(counts, settings) !== 'business') return counts;
  if (settings.clock.kind === 'business') return businessWaiting(counts, settings.clock);
  // business durations beside calendar ages would be one report in two clocks
  throw new ParityError('this count table\'s durations are business time (duration columns given in business hours) and its open tickets\' ages are calendar time: they can only be put in one clock with the opening hours', {
    hint: 'audit it with the business clock it was made with: "clock": "business" and "businessHours" in the config',
  });
}

/**
 * --by needs the count table's `by` rows for that field (`parity counts --by`, `parity sql --by`;
 * an engine's query is made with them). Without them --by is refused; a config's by is noted
 * and not applied, as for another column.
 */
function requireBy(counts: CountTable, settings: Settings, source: CountSource, notes: string[]): Settings {
  const by = settings.groupBy;
  const field = countByField(settings);
  if (!by || (field !== null && counts.header.by === field)) return settings;
  const made = counts.header.by === null ? 'without by groups' : `with by groups for ${counts.header.by}`;
  if (by.fromConfig) {
    notes.push(`by ${by.field} in the config is not applied: the count table was made ${made} (make it with --by ${by.field} for them)`);
    return { ...settings, groupBy: null };
  }
  throw new ParityError(`--by ${by.field}: the count table was made ${made}`, {
    location: { file: source.files.join(', ') },
    hint: field ? `make the count table with --by ${field} (\`parity counts … --by ${field}\`, or \`parity sql … --by ${field}\`)` : `a count table has by groups for ${BY_FIELDS.join(', ')} only`,
  });
}

/** A count table's bands are fixed when it is made: the audit must use the same edges. */
function requireBands(counts: CountTable, edges: readonly number[], source: CountSource): void {
  const labels = new Set(bandsFromEdges(edges).map((b) => b.label));
  const foreign = [...new Set(counts.series.filter((s) => s.dimension === 'bandChannel').map((s) => bandOf(s.group)))].filter((g) => !labels.has(g));
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
  extra: { byReport?: ByReport | null; onJudge?: () => void; clock?: Report['settings']['clock'] } = {},
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
      clock: extra.clock ?? settings.clock.kind,
      // the opening hours when the durations are in them (a baseline made under other hours is not comparable)
      ...((extra.clock ?? settings.clock.kind) === 'business' && settings.clock.kind === 'business'
        ? { businessHours: recordedHours(settings.clock) }
        : {}),
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
  return judge({ report, measured, settings, baseline, byShownAs: byShownAs(settings) });
}

/** Tickets per channel. */
function channelTickets(table: Dataset['table']): Map<Channel, number> {
  const perCode = new Float64Array(CHANNELS.length);
  for (let i = 0; i < table.size; i++) perCode[table.channel[i] as number]!++;
  const counts = new Map<Channel, number>();
  CHANNELS.forEach((channel, c) => {
    if ((perCode[c] as number) > 0) counts.set(channel, perCode[c] as number);
  });
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
  /** False leaves the per-ticket findings out of the period's audit (as AuditOptions.perTicket). */
  perTicket?: boolean;
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
  let plan = planPeriods(request);
  let [focusIndices] = indicesBySpan(table, [plan.focus]);
  if (!options.focus && focusIndices?.length === 0) {
    // the latest complete period had no tickets: the latest complete period that has some
    const before = latestCreatedBefore(table, plan.focus.start);
    if (before !== null) {
      plan = planPeriods({ ...request, latestCreated: before });
      [focusIndices] = indicesBySpan(table, [plan.focus]);
    }
  }
  if (!focusIndices || focusIndices.length === 0) throw noTicketsError(plan.focus, earliest, latest, settings);
  const periodTable = subsetTable(table, focusIndices);
  const periodSettings: Settings = { ...settings, since: plan.focus.start, until: plan.focus.end, asOf };
  const report = auditDataset({ ...dataset, table: periodTable }, periodSettings, io.baseline ?? null, { onStage: io.onStage, perTicket: options.perTicket ?? true });
  // The trend's ratios and gaps are against the reference the period's audit chose (a period
  // without phone tickets compares with its largest channel): one reference in every part.
  const trend: Settings = { ...settings, reference: report.reference };
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
      periods: measurePeriods(table, plan, trend, asOf),
    },
    settings,
  );
}

/**
 * `parity report` where the tickets live (Parquet, `--engine duckdb`, `--db`): the periodReport
 * of the same tickets, from count tables. One count query over the whole export plans the
 * periods and fixes the as-of time (as reading the whole export does in-process); then one per
 * period, with since/until at the period's bounds and that as-of, so open tickets of every
 * period are censored where the in-process report censors them. The period of interest is
 * judged by the count-table audit (auditCounts) and every period's channels measured from its
 * table by the trend's own code (measure/periods.ts). A count-table file (`--counts`) has no
 * creation times to cut into periods: the report command refuses it.
 */
export async function countedPeriodReport(source: Exclude<CountedSource, { kind: 'counts' }>, given: Settings, io: AuditIO, options: PeriodOptions): Promise<Report> {
  const { settings, notes } = countedBy(given);
  const [{ openEngine }, { windowCounter }] = await Promise.all([import('./read/engines/index.js'), import('./read/engines/periods.js')]);
  const { connection, source: sql, notes: readNotes } = await openEngine(source, settings.timeZone, { progress: io.onCounting, workers: io.workers, maxRecordBytes: settings.limits.maxRecordBytes, mapping: settings.mapping });
  notes.push(...readNotes);
  try {
    const count = await windowCounter(connection, sql, settings);
    const where: CountSource = { files: [connection.label], format: source.kind };
    const whole = await count({ since: null, until: null, asOf: settings.asOf, by: null });
    requireCountedTickets(whole, where);
    const h = whole.header;
    const asOf = h.asOf;
    const earliest = h.createdFrom as number;
    const latest = h.createdTo as number;
    const request: PeriodPlanRequest = { ...options, timeZone: settings.timeZone, earliestCreated: earliest, latestCreated: latest, asOf };
    let plan = planPeriods(request);
    let focus = await count({ since: plan.focus.start, until: plan.focus.end, asOf, by: countByField(settings) });
    if (!options.focus && focus.header.tickets === 0) {
      // the latest complete period had no tickets: the latest complete period that has some (as periodReport)
      const before = (await count({ since: null, until: plan.focus.start, asOf, by: null })).header.createdTo;
      if (before !== null && before !== undefined) {
        plan = planPeriods({ ...request, latestCreated: before });
        focus = await count({ since: plan.focus.start, until: plan.focus.end, asOf, by: countByField(settings) });
      }
    }
    if (focus.header.tickets === 0) throw noTicketsError(plan.focus, earliest, latest, settings);
    // The export's rows, as in-process (the whole export is read once): rows read, rejected by
    // reason and negative durations are the export's; tickets and cells are the period's.
    const { rowsRead, rowsUsed, rowsRejected, rejected, negative } = h;
    const focusTable: CountTable = { ...focus, header: { ...focus.header, rowsRead, rowsUsed, rowsRejected, rejected, negative } };
    const periodSettings: Settings = { ...settings, since: plan.focus.start, until: plan.focus.end, asOf };
    const report = judgeCounts(focusTable, periodSettings, where, io.baseline ?? null, [...notes, ...futureAsOf(asOf, settings, io)]);
    const previous: CountTable[] = [];
    for (const span of plan.previous) previous.push(await count({ since: span.start, until: span.end, asOf, by: null }));
    const spans = [...plan.previous, plan.focus];
    // against the reference the period's audit chose, as periodReport
    const trend: Settings = { ...settings, reference: report.reference };
    const periods = withChanges(
      [...previous, focus].map((table, k) => {
        // the open tickets' ages in the report's clock, as judgeCounts has them (one computation)
        const groups = new CountGroups(waitingInClock(table, settings), settings.bands);
        return measurePeriod(groups.channels, groups, spans[k] as PeriodSpan, k === spans.length - 1, trend, asOf);
      }),
      trend.reference,
    );
    const current = periods[periods.length - 1] as PeriodReport;
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
          tickets: focus.header.tickets,
          allTickets: h.tickets,
          open: current.open,
          complete: asOf >= plan.focus.end,
        },
        periods,
      },
      settings,
    );
  } finally {
    await connection.close();
  }
}

/** The last step every report takes: pseudonyms for customer ids and handles with --redact. */
function finish(report: Report, settings: Settings): Report {
  return settings.redact ? redactReport(report) : report;
}

/**
 * The fix when the rows were left out on purpose rather than unreadable: the options that left
 * them out, not the mapping (`--since 2027-01-01` on an export of 2026 had been told to "run
 * parity inspect to check the mapping").
 */
const NO_TICKETS_FIX: Readonly<Record<string, string>> = {
  'outside-period': 'No ticket was created between --since and --until: widen them (or check --tz); `parity inspect` shows the dates the export holds.',
  'after-as-of': 'No ticket was created before --as-of: give a later one, or leave it out (the default is the latest time in the data).',
};

/** An audit needs at least one usable ticket; say why there is none. */
export function requireTickets(dataset: Dataset): void {
  if (dataset.table.size > 0) return;
  const top = dataset.issues.entries().sort((a, b) => b.count - a.count)[0];
  throw new NoTicketsError('no usable tickets: nothing to audit', {
    location: top
      ? { file: top.example.file, line: top.example.line, ...(top.example.column ? { column: top.example.column } : {}) }
      : { file: dataset.files.map((f) => f.file).join(', ') },
    hint: top
      ? `${dataset.rowsRejected} of ${dataset.rowsRead} rows ${top.severity === 'excluded' ? 'left out' : 'rejected'}; most often ${top.kind} (${top.count}×), e.g. ${top.example.detail}. ${NO_TICKETS_FIX[top.kind] ?? 'Run `parity inspect` to check the mapping.'}`
      : 'the file has a header but no rows',
  });
}

function iso(seconds: number): string | null {
  return Number.isFinite(seconds) ? new Date(Math.round(seconds * 1000)).toISOString() : null;
}

/**
 * A period without tickets. With --as-of inside or before the period, tickets created in it after
 * the as-of time are left out: the period has none *before --as-of*, which the message says, and
 * the hint offers a later --as-of ("no tickets were created in 2026-11" had been said of a month
 * full of tickets, all after --as-of 2026-10-15).
 */
function noTicketsError(focus: { label: string; start: number; end: number }, earliest: number, latest: number, settings: Settings): ParityError {
  const asOf = settings.asOf;
  if (asOf !== null && focus.end > asOf) {
    return new ParityError(`no tickets were created in ${focus.label} before --as-of ${isoSeconds(asOf)}`, {
      hint: `the tickets created before --as-of run ${isoDate(earliest, settings.timeZone)} to ${isoDate(latest, settings.timeZone)} (${settings.timeZone}): choose a period in that range, or give a later --as-of (tickets created after it are left out)`,
    });
  }
  return new ParityError(`no tickets were created in ${focus.label}`, { hint: noTicketsHint(focus, earliest, latest, settings.timeZone) });
}

/**
 * What to do about a period without tickets: choose one in the data's range, or, when the
 * period lies inside that range (a month nobody wrote in), one of the periods that have tickets.
 */
function noTicketsHint(focus: { start: number; end: number }, earliest: number, latest: number, zone: string): string {
  const range = `the data has tickets created ${isoDate(earliest, zone)} to ${isoDate(latest, zone)} (${zone})`;
  return focus.start <= latest && focus.end > earliest ? `${range}, but none in this period; choose a period that has some` : `${range}; choose a period in that range`;
}
