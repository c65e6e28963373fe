/**
 * The count table: everything the judge's tests need, as counts. For each dimension (channel,
 * follower band × channel, `--by` value) × stratum (category × priority) × metric (first response,
 * resolution) × whole-second duration: how many tickets ended there (answered / resolved) and
 * how many were still waiting at the as-of time with exactly that age. Kaplan–Meier, Gehan,
 * log-rank and exact quantiles need nothing else, so a database can produce this table where
 * the tickets live and parity judges it here.
 *
 * This module owns the table's shape, its one rounding rule, its flat serialisation (header
 * facts travel as `meta` rows, so one CSV exported from any engine carries everything) and the
 * in-process producer from a TicketTable, which is the reference every engine must equal.
 *
 * Whole seconds: a duration is rounded half up, `floor(x + 0.5)`. Rounding (not flooring)
 * keeps timestamps with fractional seconds from losing a second to floating-point noise, and
 * the expression is the same in every SQL dialect (their own ROUND functions disagree on halves).
 */
import type { Channel } from '../model.js';
import { CHANNELS } from '../model.js';
import { ANSWERED, RESOLVED, UNANSWERED, OPEN, type TicketTable } from '../normalise/table.js';
import { bandIndex, bandsFromEdges } from './groups.js';
import { journeyRows, type JourneyFacts, type JourneyRules } from './journeyGroups.js';

export const COUNT_METRICS = ['firstResponse', 'resolution'] as const;
export type CountMetric = (typeof COUNT_METRICS)[number];
/**
 * A cell row's metric: a duration metric, or `tickets` (seconds 0, `ended` = tickets in the cell),
 * or `waited` (`jumpOrigin` rows only: seconds from a jump's origin ticket to the jump ticket).
 */
export type CountRowMetric = CountMetric | 'tickets' | 'waited';
/**
 * `bandChannel` crosses follower band and channel (group `<band> / <channel>`, see
 * bandChannelGroup): the follower findings compare social tickets by band, a band's channel mix
 * and `band(A,B)` gates restrict bands to channels. A band's own cells are the sum of its
 * channels' (countGroups.ts adds them up), so the table has no separate band margin and is no
 * larger than a channel margin plus a band margin would be.
 */
export const COUNT_DIMENSIONS = ['channel', 'bandChannel', 'by', 'loud', 'loudReason', 'jump', 'jumpOrigin'] as const;
/** The dimensions of loudness and channel jumps (measure/journeyGroups.ts says what each holds). */
export const JOURNEY_DIMENSIONS = ['loud', 'loudReason', 'jump', 'jumpOrigin'] as const;
export type CountDimension = (typeof COUNT_DIMENSIONS)[number];
/** Fields `--by` can group on in a count table (dictionary-coded text fields). */
export const BY_FIELDS = ['group', 'category', 'priority', 'status'] as const;
export type ByField = (typeof BY_FIELDS)[number];

/** The group of a `bandChannel` row. */
export function bandChannelGroup(band: string, channel: string): string {
  return `${band} / ${channel}`;
}

/**
 * One cell of the count table. `category`/`priority` null = the ticket has no value. Metric
 * `tickets` counts every ticket of the group and stratum (seconds 0, waiting 0), including
 * tickets that take part in neither duration metric.
 */
export interface CountRow {
  dimension: CountDimension;
  group: string;
  category: string | null;
  priority: string | null;
  metric: CountRowMetric;
  /** Whole seconds (see the module header for the rounding rule); 0 on `tickets` rows. */
  seconds: number;
  /** Tickets answered (first response) or resolved (resolution) at this duration. */
  ended: number;
  /** Tickets still waiting at the as-of time whose age is this many seconds. */
  waiting: number;
}

/** Facts about the tickets behind a count table. Times are epoch seconds, whole. */
export interface CountHeader {
  tickets: number;
  /** Records read (null when the producer cannot know). */
  rowsRead: number | null;
  rowsUsed: number | null;
  rowsRejected: number | null;
  /** Rejected records by reason (`outbound`, `outside-period`, `missing-id`, …). */
  rejected: Record<string, number>;
  createdFrom: number | null;
  createdTo: number | null;
  asOf: number;
  /** Raw channel values, how many tickets carry each, and the channel each maps to. */
  channelValues: Array<{ raw: string; count: number; channel: Channel }>;
  /** Tickets whose duration was below zero (left out of that metric). */
  negative: Record<CountMetric, number>;
  /** Tickets that take part in each metric (not left out); 0 = the metric is not measured. */
  measured: Record<CountMetric, number>;
  /** The `--by` field, when the table has `by` rows. */
  by: string | null;
  /** What cannot be measured from this source, in words. */
  notes: string[];
  /** Loudness and channel jumps: the rules and facts (null = the table has no journey rows). */
  journeys?: JourneyFacts | null;
}

export interface CountTable {
  header: CountHeader;
  rows: CountRow[];
}

/** The one rounding rule for durations: half up to whole seconds. */
export function wholeSeconds(seconds: number): number {
  return Math.floor(seconds + 0.5);
}

const DIMENSION_ORDER: Record<CountDimension, number> = { channel: 0, bandChannel: 1, by: 2, loud: 3, loudReason: 4, jump: 5, jumpOrigin: 6 };
const METRIC_ORDER: Record<CountRowMetric, number> = { firstResponse: 0, resolution: 1, tickets: 2, waited: 3 };

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** The canonical row order: dimension, group, category, priority, metric, seconds. */
export function compareCountRows(a: CountRow, b: CountRow): number {
  return (
    DIMENSION_ORDER[a.dimension] - DIMENSION_ORDER[b.dimension] ||
    compareText(a.group, b.group) ||
    compareText(a.category, b.category) ||
    compareText(a.priority, b.priority) ||
    METRIC_ORDER[a.metric] - METRIC_ORDER[b.metric] ||
    a.seconds - b.seconds
  );
}

/** What the in-process producer needs besides the ticket table. */
export interface CountOptions {
  /** Follower band edges (as `--bands`). */
  bands: readonly number[];
  by?: ByField | null;
  /** The as-of time, epoch seconds. */
  asOf: number;
  rowsRead?: number | null;
  rowsRejected?: number | null;
  rejected?: Record<string, number>;
  negative?: Partial<Record<CountMetric, number>>;
  notes?: readonly string[];
  /** Loudness and channel jumps with these rules (the `loud`, `loudReason`, `jump`, `jumpOrigin` rows). */
  journeys?: JourneyRules | null;
}

/** The label of a ticket's `--by` value when it has none (as strata labels say it). */
export function noValueLabel(field: string): string {
  return `(no ${field})`;
}

/**
 * The count table of a ticket table: the reference producer. O(tickets) with one map entry
 * per distinct cell.
 */
export function countTicketTable(table: TicketTable, options: CountOptions): CountTable {
  const bands = bandsFromEdges(options.bands);
  const by = options.by ?? null;
  const cells = new Map<string, CountRow>();
  const measured: Record<CountMetric, number> = { firstResponse: 0, resolution: 0 };
  const add = (dimension: CountDimension, group: string, category: string | null, priority: string | null, metric: CountRowMetric, seconds: number, ended: boolean): void => {
    const key = `${dimension}\u0000${group}\u0000${category ?? '\u0001'}\u0000${priority ?? '\u0001'}\u0000${metric}\u0000${seconds}`;
    let row = cells.get(key);
    if (!row) {
      row = { dimension, group, category, priority, metric, seconds, ended: 0, waiting: 0 };
      cells.set(key, row);
    }
    if (ended) row.ended++;
    else row.waiting++;
  };
  const d = table.dictionaries;
  for (let i = 0; i < table.size; i++) {
    const channel = CHANNELS[table.channel[i] as number] ?? 'other';
    const band = (bands[bandIndex(bands, table.followers[i] as number)] ?? bands[bands.length - 1])!.label;
    const groups: Array<[CountDimension, string]> = [
      ['channel', channel],
      ['bandChannel', bandChannelGroup(band, channel)],
    ];
    if (by) groups.push(['by', d[by].valueOf(table[by][i] as number) ?? noValueLabel(by)]);
    const category = d.category.valueOf(table.category[i] as number);
    const priority = d.priority.valueOf(table.priority[i] as number);
    const age = wholeSeconds(Math.max(0, table.openAge ? (table.openAge[i] as number) : options.asOf - (table.createdAt[i] as number)));
    const metrics: Array<[CountMetric, number, boolean]> = [];
    const fr = table.firstResponseState[i];
    if (fr === ANSWERED) metrics.push(['firstResponse', wholeSeconds(table.firstResponse[i] as number), true]);
    else if (fr === UNANSWERED) metrics.push(['firstResponse', age, false]);
    const res = table.resolutionState[i];
    if (res === RESOLVED) metrics.push(['resolution', wholeSeconds(table.resolution[i] as number), true]);
    else if (res === OPEN) metrics.push(['resolution', age, false]);
    for (const [metric, seconds, ended] of metrics) {
      measured[metric]++;
      for (const [dimension, group] of groups) add(dimension, group, category, priority, metric, seconds, ended);
    }
    for (const [dimension, group] of groups) add(dimension, group, category, priority, 'tickets', 0, true);
  }
  const ageOf = (i: number): number => wholeSeconds(Math.max(0, table.openAge ? (table.openAge[i] as number) : options.asOf - (table.createdAt[i] as number)));
  const journeys = options.journeys ? journeyRows(table, options.journeys, wholeSeconds, ageOf, add) : null;

  const rawCounts = new Map<number, { count: number; channel: Channel }>();
  let createdFrom = Number.POSITIVE_INFINITY;
  let createdTo = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < table.size; i++) {
    const code = table.rawChannel[i] as number;
    const entry = rawCounts.get(code);
    if (entry) entry.count++;
    else rawCounts.set(code, { count: 1, channel: CHANNELS[table.channel[i] as number] ?? 'other' });
    const c = table.createdAt[i] as number;
    if (c < createdFrom) createdFrom = c;
    if (c > createdTo) createdTo = c;
  }
  const rowsRejected = options.rowsRejected ?? null;
  const rowsRead = options.rowsRead ?? null;
  return {
    header: {
      tickets: table.size,
      rowsRead,
      rowsUsed: rowsRead !== null && rowsRejected !== null ? rowsRead - rowsRejected : null,
      rowsRejected,
      rejected: sortedRecord(options.rejected ?? {}),
      createdFrom: table.size ? wholeSeconds(createdFrom) : null,
      createdTo: table.size ? wholeSeconds(createdTo) : null,
      asOf: wholeSeconds(options.asOf),
      channelValues: sortChannelValues(
        [...rawCounts.entries()].map(([code, e]) => ({ raw: d.rawChannel.valueOf(code) ?? '', count: e.count, channel: e.channel })),
      ),
      negative: { firstResponse: options.negative?.firstResponse ?? 0, resolution: options.negative?.resolution ?? 0 },
      measured,
      by,
      notes: [...(options.notes ?? [])],
      ...(journeys ? { journeys } : {}),
    },
    rows: [...cells.values()].sort(compareCountRows),
  };
}

/** A record with its keys in order (so equal tables print equal). */
function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

/** Raw channel values, most tickets first, then by value. */
export function sortChannelValues<T extends { raw: string; count: number; channel: Channel }>(values: T[]): T[] {
  return values.sort((a, b) => b.count - a.count || compareText(a.raw, b.raw) || compareText(a.channel, b.channel));
}

// ---------------------------------------------------------------------------------------------
// Flat form: one row shape for cells and header facts, as engines return it and files store it.

/** A row of the flat count table (`dimension` is a CountDimension, `meta` or `rawChannel`). */
export interface FlatCountRow {
  dimension: string;
  group: string | null;
  category: string | null;
  priority: string | null;
  metric: string | null;
  seconds: number | null;
  ended: number;
  waiting: number;
}

/** The columns of the flat table, in order (CSV header, SQL select list). */
export const FLAT_COLUMNS = ['dimension', 'group', 'category', 'priority', 'metric', 'seconds', 'ended', 'waiting'] as const;

function meta(group: string, fields: Partial<FlatCountRow> = {}): FlatCountRow {
  return { dimension: 'meta', group, category: null, priority: null, metric: null, seconds: null, ended: 0, waiting: 0, ...fields };
}

/** A count table as flat rows: header facts first (as `meta` and `rawChannel` rows), then cells. */
export function flattenCounts(table: CountTable): FlatCountRow[] {
  const h = table.header;
  const out: FlatCountRow[] = [];
  if (h.rowsRead !== null) out.push(meta('rows', { ended: h.rowsRead }));
  for (const [reason, count] of Object.entries(h.rejected).sort(([a], [b]) => compareText(a, b))) {
    out.push(meta('rejected', { category: reason, ended: count }));
  }
  out.push(meta('tickets', { ended: h.tickets }));
  out.push(meta('createdFrom', { seconds: h.createdFrom }));
  out.push(meta('createdTo', { seconds: h.createdTo }));
  out.push(meta('asOf', { seconds: h.asOf }));
  for (const metric of COUNT_METRICS) out.push(meta('negative', { metric, ended: h.negative[metric] }));
  for (const metric of COUNT_METRICS) out.push(meta('measured', { metric, ended: h.measured[metric] }));
  if (h.by !== null) out.push(meta('by', { category: h.by }));
  for (const note of h.notes) out.push(meta('note', { category: note }));
  if (h.journeys) {
    for (const key of JOURNEY_FACTS) out.push(meta('journey', key.endsWith('Seconds') ? { category: key, seconds: h.journeys[key] } : { category: key, ended: h.journeys[key] }));
  }
  for (const v of h.channelValues) {
    out.push({ dimension: 'rawChannel', group: v.raw, category: v.channel, priority: null, metric: null, seconds: null, ended: v.count, waiting: 0 });
  }
  for (const r of table.rows) out.push({ ...r });
  return out;
}

/** The `meta,journey` rows, in order: rules as `seconds` (windows) or `ended`, counts as `ended`. */
export const JOURNEY_FACTS = ['repeatContacts', 'repeatWindowSeconds', 'jumpWindowSeconds', 'customers', 'jumpers', 'capitalsUntested'] as const satisfies ReadonlyArray<keyof JourneyFacts>;

/** Why a flat row cannot be read back (the caller adds file and line). */
export class CountRowError extends Error {}

function isMetric(value: string | null): value is CountMetric {
  return value === 'firstResponse' || value === 'resolution';
}

function isRowMetric(value: string | null): value is CountRowMetric {
  return isMetric(value) || value === 'tickets' || value === 'waited';
}

/**
 * Flat rows → count table. Rows may come in any order; cells with the same key are added up
 * (an engine over two shards may return a cell twice). Throws CountRowError naming the row.
 */
export function unflattenCounts(rows: Iterable<FlatCountRow>): CountTable {
  const header: CountHeader = {
    tickets: 0,
    rowsRead: null,
    rowsUsed: null,
    rowsRejected: null,
    rejected: {},
    createdFrom: null,
    createdTo: null,
    asOf: 0,
    channelValues: [],
    negative: { firstResponse: 0, resolution: 0 },
    measured: { firstResponse: 0, resolution: 0 },
    by: null,
    notes: [],
  };
  let sawTickets = false;
  let sawAsOf = false;
  const cells = new Map<string, CountRow>();
  const raw = new Map<string, { raw: string; count: number; channel: Channel }>();
  let index = 0;
  for (const r of rows) {
    index++;
    const where = `row ${index}`;
    if (r.dimension === 'meta') {
      switch (r.group) {
        case 'rows':
          header.rowsRead = (header.rowsRead ?? 0) + r.ended;
          break;
        case 'rejected':
          header.rejected[r.category ?? 'unknown'] = (header.rejected[r.category ?? 'unknown'] ?? 0) + r.ended;
          break;
        case 'tickets':
          header.tickets += r.ended;
          sawTickets = true;
          break;
        case 'createdFrom':
          if (r.seconds !== null) header.createdFrom = header.createdFrom === null ? r.seconds : Math.min(header.createdFrom, r.seconds);
          break;
        case 'createdTo':
          if (r.seconds !== null) header.createdTo = header.createdTo === null ? r.seconds : Math.max(header.createdTo, r.seconds);
          break;
        case 'asOf':
          if (r.seconds === null) throw new CountRowError(`${where}: the asOf row has no seconds`);
          header.asOf = r.seconds;
          sawAsOf = true;
          break;
        case 'negative':
        case 'measured':
          if (!isMetric(r.metric)) throw new CountRowError(`${where}: metric "${r.metric ?? ''}" is not firstResponse or resolution`);
          header[r.group][r.metric] += r.ended;
          break;
        case 'by':
          header.by = r.category;
          break;
        case 'note':
          if (r.category) header.notes.push(r.category);
          break;
        case 'journey': {
          const key = JOURNEY_FACTS.find((k) => k === r.category);
          if (!key) throw new CountRowError(`${where}: unknown journey fact "${r.category ?? ''}"`);
          header.journeys ??= { repeatContacts: 0, repeatWindowSeconds: 0, jumpWindowSeconds: 0, customers: 0, jumpers: 0, capitalsUntested: 0 };
          // rules are stated once; counts from two shards add up
          if (key === 'repeatWindowSeconds' || key === 'jumpWindowSeconds') header.journeys[key] = r.seconds ?? 0;
          else if (key === 'repeatContacts') header.journeys[key] = r.ended;
          else header.journeys[key] += r.ended;
          break;
        }
        default:
          throw new CountRowError(`${where}: unknown meta row "${r.group ?? ''}"`);
      }
      continue;
    }
    if (r.dimension === 'rawChannel') {
      const channel = (CHANNELS as readonly string[]).includes(r.category ?? '') ? (r.category as Channel) : null;
      if (channel === null) throw new CountRowError(`${where}: "${r.category ?? ''}" is not a channel`);
      const key = `${r.group ?? ''}\u0000${channel}`;
      const entry = raw.get(key);
      if (entry) entry.count += r.ended;
      else raw.set(key, { raw: r.group ?? '', count: r.ended, channel });
      continue;
    }
    if (!(COUNT_DIMENSIONS as readonly string[]).includes(r.dimension)) {
      throw new CountRowError(`${where}: dimension "${r.dimension}" is not ${COUNT_DIMENSIONS.join(', ')}, meta or rawChannel`);
    }
    if (!isRowMetric(r.metric)) throw new CountRowError(`${where}: metric "${r.metric ?? ''}" is not firstResponse, resolution, tickets or waited`);
    if (r.group === null) throw new CountRowError(`${where}: no group`);
    if (r.seconds === null || !Number.isInteger(r.seconds) || r.seconds < 0) throw new CountRowError(`${where}: seconds must be a whole number ≥ 0`);
    if (!Number.isInteger(r.ended) || !Number.isInteger(r.waiting) || r.ended < 0 || r.waiting < 0) {
      throw new CountRowError(`${where}: ended and waiting must be whole numbers ≥ 0`);
    }
    if (r.ended === 0 && r.waiting === 0) continue;
    const key = `${r.dimension}\u0000${r.group}\u0000${r.category ?? '\u0001'}\u0000${r.priority ?? '\u0001'}\u0000${r.metric}\u0000${r.seconds}`;
    const cell = cells.get(key);
    if (cell) {
      cell.ended += r.ended;
      cell.waiting += r.waiting;
    } else {
      cells.set(key, {
        dimension: r.dimension as CountDimension,
        group: r.group,
        category: r.category,
        priority: r.priority,
        metric: r.metric,
        seconds: r.seconds,
        ended: r.ended,
        waiting: r.waiting,
      });
    }
  }
  if (!sawTickets) throw new CountRowError('no "meta,tickets" row: this is not a count table parity wrote or printed the query for');
  if (!sawAsOf) throw new CountRowError('no "meta,asOf" row: the as-of time is needed to read waiting tickets');
  const rejectedTotal = Object.values(header.rejected).reduce((a, b) => a + b, 0);
  if (header.rowsRead !== null) {
    header.rowsRejected = rejectedTotal;
    header.rowsUsed = header.rowsRead - rejectedTotal;
  }
  header.rejected = sortedRecord(header.rejected);
  header.channelValues = sortChannelValues([...raw.values()]);
  return { header, rows: [...cells.values()].sort(compareCountRows) };
}

/** What `countDataset` reads from a loaded dataset (structurally, so measure needs no pipeline import). */
export interface CountedDataset {
  table: TicketTable;
  rowsRead: number;
  rowsRejected: number;
  asOf: number;
  notes: readonly string[];
  issues: { entries(): Array<{ kind: string; severity: string; count: number }> };
}

/** The count table of a dataset read in-process (files): the reference for every engine. */
export function countDataset(dataset: CountedDataset, options: { bands: readonly number[]; by?: ByField | null; notes?: readonly string[]; journeys?: JourneyRules | null }): CountTable {
  const rejected: Record<string, number> = {};
  const negative: Record<CountMetric, number> = { firstResponse: 0, resolution: 0 };
  for (const e of dataset.issues.entries()) {
    if (e.severity === 'error' || e.severity === 'excluded') rejected[e.kind] = (rejected[e.kind] ?? 0) + e.count;
    if (e.kind === 'negative-first-response') negative.firstResponse += e.count;
    if (e.kind === 'negative-resolution') negative.resolution += e.count;
  }
  return countTicketTable(dataset.table, {
    bands: options.bands,
    by: options.by ?? null,
    asOf: dataset.asOf,
    rowsRead: dataset.rowsRead,
    rowsRejected: dataset.rowsRejected,
    rejected,
    negative,
    notes: [...dataset.notes, ...(options.notes ?? [])],
    journeys: options.journeys ?? null,
  });
}
