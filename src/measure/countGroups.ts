/**
 * The count-table producer of MeasuredGroups (source.ts): the same groups as the ticket table's,
 * read from a count table (counts.ts) that any engine — DuckDB, Postgres, ClickHouse, a CSV
 * exported from a warehouse — returns. A group is a dimension and a group name; its durations
 * are the tallies of its cells (tally.ts), so nothing here ever holds a ticket: memory is
 * bounded by the count table.
 *
 * Like-for-like cells are the count table's category × priority strata, labelled as the ticket
 * table labels them (strata.ts); cell codes follow the labels' order.
 */
import { CHANNELS, type Channel } from '../model.js';
import { bandChannelGroup, type CountDimension, type CountRow, type CountTable } from './counts.js';
import { bandsFromEdges, type FollowerBand } from './groups.js';
import type { GroupDurations, Metric } from './sample.js';
import type { SlaCount, SlaTargets } from './sla.js';
import type { CellLayout, MeasuredGroups } from './source.js';
import type { StratumField } from './strata.js';
import { tallyOf } from './tally.js';
import { mixClause } from './ticketGroups.js';

/** A group of a count table: `dimension`, then the group name. */
export type CountGroup = string;

/** Count-table cells: a code per (category, priority) pair. */
export interface CountStrata extends CellLayout {
  codeOf(category: string | null, priority: string | null): number | undefined;
}

/** The band of a `bandChannel` group (`<band> / <channel>`). */
export function bandOf(group: string): string {
  const cut = group.lastIndexOf(' / ');
  return cut < 0 ? group : group.slice(0, cut);
}

export function groupKey(dimension: CountDimension | 'band', group: string): CountGroup {
  return `${dimension}\u0000${group}`;
}

function durationsOf(rows: readonly CountRow[]): GroupDurations {
  const first: CountRow[] = [];
  const resolution: CountRow[] = [];
  let tickets = 0;
  for (const r of rows) {
    if (r.metric === 'firstResponse') first.push(r);
    else if (r.metric === 'resolution') resolution.push(r);
    else if (r.metric === 'tickets') tickets += r.ended;
  }
  return { tickets, samples: { firstResponse: tallyOf(first), resolution: tallyOf(resolution) }, curves: {} };
}

/** Groups of a count table. */
export class CountGroups implements MeasuredGroups<CountGroup, CountStrata> {
  readonly tickets = null;
  readonly asOf: number;
  readonly channels: ReadonlyMap<Channel, CountGroup>;
  readonly bands: FollowerBand[];
  readonly bandGroups: CountGroup[];
  readonly socialBands: CountGroup[];
  readonly strata: CountStrata | null;
  private readonly rows = new Map<CountGroup, CountRow[]>();
  private readonly whole = new Map<CountGroup, GroupDurations>();
  private readonly cells = new Map<CountStrata, Map<CountGroup, Map<number, GroupDurations>>>();
  /** Values each stratum field takes anywhere in the table (null = no value), sorted. */
  private readonly values: Record<StratumField, Array<string | null>>;

  constructor(
    readonly counts: CountTable,
    bandEdges: readonly number[],
  ) {
    this.asOf = counts.header.asOf;
    const add = (key: CountGroup, r: CountRow): void => {
      const list = this.rows.get(key);
      if (list) list.push(r);
      else this.rows.set(key, [r]);
    };
    for (const r of counts.rows) {
      add(groupKey(r.dimension, r.group), r);
      // A band is the sum of its channels: its rows are theirs (a tally adds equal seconds up).
      if (r.dimension === 'bandChannel') add(groupKey('band', bandOf(r.group)), r);
    }
    const channels = new Map<Channel, CountGroup>();
    for (const c of CHANNELS) {
      const key = groupKey('channel', c);
      if (this.ticketsOf(key) > 0) channels.set(c, key);
    }
    this.channels = channels;
    this.bands = bandsFromEdges(bandEdges);
    this.bandGroups = this.bands.map((b) => groupKey('band', b.label));
    this.socialBands = this.bands.slice(0, -1).map((b) => groupKey('bandChannel', bandChannelGroup(b.label, 'social')));
    const seen: Record<StratumField, Set<string | null>> = { category: new Set(), priority: new Set() };
    const pairs = new Map<string, [string | null, string | null]>();
    for (const r of counts.rows) {
      if (r.dimension !== 'channel' || r.metric !== 'tickets') continue;
      seen.category.add(r.category);
      seen.priority.add(r.priority);
      pairs.set(JSON.stringify([r.category, r.priority]), [r.category, r.priority]);
    }
    const sorted = (s: Set<string | null>): Array<string | null> => [...s].sort((x, y) => (x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1));
    this.values = { category: sorted(seen.category), priority: sorted(seen.priority) };
    this.strata = this.layout([...pairs.values()]);
  }

  /** Cells of the fields that have a value on some ticket (as strataOf); null below two cells. */
  private layout(pairs: Array<[string | null, string | null]>): CountStrata | null {
    const fields = (['category', 'priority'] as const).filter((f) => this.values[f].some((v) => v !== null));
    if (fields.length === 0) return null;
    const labelOf = (category: string | null, priority: string | null): string =>
      fields.map((f) => (f === 'category' ? category : priority) ?? `(no ${f})`).join(' / ');
    const labels = [...new Set(pairs.map(([c, p]) => labelOf(c, p)))].sort();
    if (labels.length < 2) return null;
    const code = new Map(labels.map((l, k) => [l, k]));
    return { by: [...fields], labels, codeOf: (category, priority) => code.get(labelOf(category, priority)) };
  }

  private rowsOf(group: CountGroup): readonly CountRow[] {
    return this.rows.get(group) ?? [];
  }

  private ticketsOf(group: CountGroup): number {
    let n = 0;
    for (const r of this.rowsOf(group)) if (r.metric === 'tickets') n += r.ended;
    return n;
  }

  of(group: CountGroup): GroupDurations {
    let d = this.whole.get(group);
    if (!d) {
      d = durationsOf(this.rowsOf(group));
      this.whole.set(group, d);
    }
    return d;
  }

  byCell(group: CountGroup, strata: CountStrata): Map<number, GroupDurations> {
    let perGroup = this.cells.get(strata);
    if (!perGroup) {
      perGroup = new Map();
      this.cells.set(strata, perGroup);
    }
    let m = perGroup.get(group);
    if (!m) {
      const split = new Map<number, CountRow[]>();
      for (const r of this.rowsOf(group)) {
        const code = strata.codeOf(r.category, r.priority);
        if (code === undefined) continue;
        const list = split.get(code);
        if (list) list.push(r);
        else split.set(code, [r]);
      }
      m = new Map([...split].map(([code, rows]) => [code, durationsOf(rows)]));
      perGroup.set(group, m);
    }
    return m;
  }

  /** Tickets of each channel in band k, from the band × channel rows. */
  bandMix(k: number): Partial<Record<Channel, number>> {
    const band = this.bands[k];
    const mix: Partial<Record<Channel, number>> = {};
    if (!band) return mix;
    for (const c of CHANNELS) {
      const n = this.ticketsOf(groupKey('bandChannel', bandChannelGroup(band.label, c)));
      if (n > 0) mix[c] = n;
    }
    return mix;
  }

  /** In CHANNELS order (a count table does not know which ticket came first). */
  bandChannels(k: number): Channel[] {
    return Object.keys(this.bandMix(k)) as Channel[];
  }

  bandOnChannels(k: number, channels: readonly Channel[]): GroupDurations {
    const band = this.bands[k];
    if (!band) return durationsOf([]);
    return durationsOf(channels.flatMap((c) => this.rowsOf(groupKey('bandChannel', bandChannelGroup(band.label, c)))));
  }

  /**
   * As the ticket table's mixNote, from the groups' ticket rows. Values are tried with "no
   * value" first, then in sorted order; in-process they follow the file's order, so the two
   * can name different values only when two share differences tie exactly.
   */
  mixNote(a: CountGroup, b: CountGroup, aPhrase: string, bPhrase: string): string {
    const na = this.ticketsOf(a);
    const nb = this.ticketsOf(b);
    if (na === 0 || nb === 0) return '';
    let best: { field: StratumField; value: string | null; sa: number; sb: number } | null = null;
    for (const field of ['category', 'priority'] as const) {
      if (!this.values[field].some((v) => v !== null)) continue;
      const values = this.values[field].includes(null) ? this.values[field] : [null, ...this.values[field]];
      const count = (group: CountGroup): Map<string | null, number> => {
        const m = new Map<string | null, number>();
        for (const r of this.rowsOf(group)) if (r.metric === 'tickets') m.set(r[field], (m.get(r[field]) ?? 0) + r.ended);
        return m;
      };
      const ca = count(a);
      const cb = count(b);
      for (const value of values) {
        const sa = (ca.get(value) ?? 0) / na;
        const sb = (cb.get(value) ?? 0) / nb;
        if (!best || Math.abs(sa - sb) > Math.abs(best.sa - best.sb)) best = { field, value, sa, sb };
      }
    }
    return best ? mixClause(best.field, best.value, best.sa, best.sb, aPhrase, bPhrase) : '';
  }

  /**
   * SLA counts from the channel's rows: a row's target by its priority, then the channel, then
   * `default`; ended within the target = met, after it = breached; still waiting past it =
   * breached, within it = not yet due. The target shown is the channel's or the default.
   */
  sla(channel: Channel, targets: SlaTargets, metric: Metric): SlaCount | null {
    let met = 0;
    let breached = 0;
    let notYetDue = 0;
    let shown: number | null = null;
    for (const r of this.rowsOf(groupKey('channel', channel))) {
      if (r.metric !== metric) continue;
      const priority = r.priority?.toLowerCase();
      const target = (priority !== undefined ? targets.get(priority) : undefined) ?? targets.get(channel) ?? targets.get('default');
      if (target === undefined) continue;
      shown ??= targets.get(channel) ?? targets.get('default') ?? target;
      if (r.ended) {
        if (r.seconds <= target) met += r.ended;
        else breached += r.ended;
      }
      if (r.waiting) {
        if (r.seconds > target) breached += r.waiting;
        else notYetDue += r.waiting;
      }
    }
    if (shown === null) return null;
    return { target: shown, met, breached, notYetDue, attainment: met + breached ? met / (met + breached) : null };
  }
}
