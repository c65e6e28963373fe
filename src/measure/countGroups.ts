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
import { bandChannelGroup, channelPart, noValueLabel, type CountDimension, type CountSeries, type CountTable } from './counts.js';
import { bandsFromEdges, type FollowerBand } from './groups.js';
import type { GroupDurations, Metric } from './sample.js';
import { SlaCounter, type SlaCount, type SlaTargets } from './sla.js';
import type { CellLayout, MeasuredGroups } from './source.js';
import type { StratumField } from './strata.js';
import { PackedReader, sumPacked } from '../stats/packedTally.js';
import { KEPT_VIEWS, NO_DURATIONS, packedBytes, RecentViews, unpacked, type PackedDurations } from './packedDurations.js';
import { mixClause } from './ticketGroups.js';
import { codeUnitOrder } from '../text/order.js';

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

/** The channel of a `bandChannel` group (`<band> / <channel>`). */
export function channelOf(group: string): string {
  return channelPart(group);
}

export function groupKey(dimension: CountDimension | 'band', group: string): CountGroup {
  return `${dimension}\u0000${group}`;
}

/** Tickets of `tickets` series (one cell each: seconds 0, ended = tickets). */
function ticketsIn(series: readonly CountSeries[]): number {
  let n = 0;
  for (const s of series) if (s.metric === 'tickets') n += s.packed.ended;
  return n;
}

/** A group's durations from its series: the tallies of each metric added up, packed (one series is used as it is). */
function packedOf(series: readonly CountSeries[]): PackedDurations {
  const first = series.filter((s) => s.metric === 'firstResponse').map((s) => s.packed);
  const resolution = series.filter((s) => s.metric === 'resolution').map((s) => s.packed);
  return { tickets: ticketsIn(series), firstResponse: sumPacked(first), resolution: sumPacked(resolution) };
}

/** Bytes of packed cell sums {@link CountGroups.byCell} keeps (the groups used last). */
const CELL_SUMS_BYTES = 24 * 2 ** 20;

/** Groups of a count table. */
export class CountGroups implements MeasuredGroups<CountGroup, CountStrata> {
  readonly tickets = null;
  readonly asOf: number;
  readonly channels: ReadonlyMap<Channel, CountGroup>;
  readonly bands: FollowerBand[];
  readonly bandGroups: CountGroup[];
  readonly socialBands: CountGroup[];
  readonly strata: CountStrata | null;
  private readonly series = new Map<CountGroup, CountSeries[]>();
  /** Groups' durations, packed (their sums are made once). */
  private readonly whole = new Map<CountGroup, PackedDurations>();
  /** The groups a summary or a finding reads more than once, unpacked (see {@link of}). */
  private readonly views: RecentViews<CountGroup>;
  /** Groups' durations cell by cell, packed: the ones used last, within CELL_SUMS_BYTES (see {@link byCell}). */
  private readonly cells = new Map<string, { sums: Map<number, PackedDurations>; bytes: number }>();
  private cellBytes = 0;
  /** Values each stratum field takes anywhere in the table (null = no value), sorted. */
  private readonly values: Record<StratumField, Array<string | null>>;
  /** The (category, priority) pairs with tickets. */
  private readonly pairs: Array<[string | null, string | null]>;
  /** Cells of fewer fields than `strata` (strataBy), made once per set of fields. */
  private readonly layouts = new Map<string, CountStrata | null>();

  private readonly cellSumsBytes: number;

  /** `limits`: what is kept between calls (defaults CELL_SUMS_BYTES and KEPT_VIEWS; the tests set 0 to read everything afresh). */
  constructor(
    readonly counts: CountTable,
    bandEdges: readonly number[],
    limits: { cellSumsBytes?: number; keptViews?: number } = {},
  ) {
    this.cellSumsBytes = limits.cellSumsBytes ?? CELL_SUMS_BYTES;
    this.views = new RecentViews(limits.keptViews ?? KEPT_VIEWS);
    this.asOf = counts.header.asOf;
    const add = (key: CountGroup, s: CountSeries): void => {
      const list = this.series.get(key);
      if (list) list.push(s);
      else this.series.set(key, [s]);
    };
    // A band is the sum of its channels and a channel the sum of its bands: their series are
    // the band × channel series (tallies add equal seconds up). A table with `channel` series of
    // its own (written by hand or by an earlier parity) uses those for the channels.
    const ownChannels = counts.series.some((s) => s.dimension === 'channel');
    for (const s of counts.series) {
      add(groupKey(s.dimension, s.group), s);
      if (s.dimension !== 'bandChannel') continue;
      add(groupKey('band', bandOf(s.group)), s);
      if (!ownChannels) add(groupKey('channel', channelOf(s.group)), s);
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
    for (const r of counts.series) {
      if (r.dimension !== (ownChannels ? 'channel' : 'bandChannel') || r.metric !== 'tickets') continue;
      seen.category.add(r.category);
      seen.priority.add(r.priority);
      pairs.set(JSON.stringify([r.category, r.priority]), [r.category, r.priority]);
    }
    const sorted = (s: Set<string | null>): Array<string | null> => [...s].sort((x, y) => (x === y ? 0 : x === null ? -1 : y === null ? 1 : codeUnitOrder(x, y)));
    this.values = { category: sorted(seen.category), priority: sorted(seen.priority) };
    this.pairs = [...pairs.values()];
    this.strata = this.layout(['category', 'priority']);
  }

  /** Cells of the wanted fields that have a value on some ticket (as strataOf); null below two cells. */
  private layout(wanted: readonly StratumField[]): CountStrata | null {
    const pairs = this.pairs;
    const fields = (['category', 'priority'] as const).filter((f) => wanted.includes(f) && this.values[f].some((v) => v !== null));
    if (fields.length === 0) return null;
    const labelOf = (category: string | null, priority: string | null): string =>
      fields.map((f) => (f === 'category' ? category : priority) ?? `(no ${f})`).join(' / ');
    // A cell is its values, as in-process (strata.ts keys dictionary codes), not its label: the
    // pairs (`Billing / high`, `low`) and (`Billing`, `high / low`), or a category spelled
    // `(no category)` beside tickets without one, are two cells with one label each.
    const keyOf = (category: string | null, priority: string | null): string => JSON.stringify(fields.map((f) => (f === 'category' ? category : priority)));
    const cells = new Map<string, string>();
    for (const [c, p] of pairs) cells.set(keyOf(c, p), labelOf(c, p));
    // label, then values: the order compare.ts cellOrder sums a file's cells in too
    const ordered = [...cells].sort(([ka, la], [kb, lb]) => codeUnitOrder(la, lb) || codeUnitOrder(ka, kb));
    if (ordered.length < 2) return null;
    const code = new Map(ordered.map(([key], k) => [key, k]));
    return { by: [...fields], labels: ordered.map(([, label]) => label), keys: ordered.map(([key]) => key), codeOf: (category, priority) => code.get(keyOf(category, priority)) };
  }

  strataBy(fields: readonly StratumField[]): CountStrata | null {
    const key = [...fields].sort().join(' ');
    if (key === 'category priority') return this.strata;
    if (!this.layouts.has(key)) this.layouts.set(key, this.layout(fields));
    return this.layouts.get(key) ?? null;
  }

  /**
   * The groups of the table's `by` dimension (`--by`; header.by names the field), each with its
   * tickets, in no particular order (byGroups.ts orders them as in-process). Tickets without a
   * value are the group the count table labels `(no <field>)`: counted apart, in no group.
   */
  byGroups(): { field: string | null; groups: Array<{ value: string; group: CountGroup; tickets: number }>; noValue: number } {
    const field = this.counts.header.by;
    const prefix = groupKey('by', '');
    const groups: Array<{ value: string; group: CountGroup; tickets: number }> = [];
    let noValue = 0;
    for (const key of this.series.keys()) {
      if (!key.startsWith(prefix)) continue;
      const value = key.slice(prefix.length);
      const tickets = this.ticketsOf(key);
      if (field !== null && value === noValueLabel(field)) noValue += tickets;
      else if (tickets > 0) groups.push({ value, group: key, tickets });
    }
    return { field, groups, noValue };
  }

  private seriesOf(group: CountGroup): readonly CountSeries[] {
    return this.series.get(group) ?? [];
  }

  private ticketsOf(group: CountGroup): number {
    return ticketsIn(this.seriesOf(group));
  }

  private packedWhole(group: CountGroup): PackedDurations {
    let d = this.whole.get(group);
    if (!d) {
      d = packedOf(this.seriesOf(group));
      this.whole.set(group, d);
    }
    return d;
  }

  /**
   * A group's durations. The last few groups asked for stay unpacked (a group is summarised,
   * then compared with each other group: its curve and median are made once), the rest are
   * unpacked again when asked for: memory holds the packed table and sums, not every group's
   * tallies at 12 bytes a distinct time.
   */
  of(group: CountGroup): GroupDurations {
    return this.views.get(group, () => this.packedWhole(group));
  }

  /**
   * A group's durations cell by cell: each cell the sum of the group's series in it, packed, and
   * unpacked at each read (the map is the caller's). The sums of the groups used last are kept,
   * up to CELL_SUMS_BYTES; older ones are summed again when asked for. A group's cells are
   * nearly as large as its share of the table (at 50M tickets 48 MB for every group's, beside a
   * 70 MB table), and a comparison reads two groups' at a time.
   */
  byCell(group: CountGroup, strata: CountStrata): Map<number, GroupDurations> {
    const key = `${strata.by.join(' ')}\u0000${group}`;
    let entry = this.cells.get(key);
    if (entry) {
      this.cells.delete(key);
    } else {
      const split = new Map<number, CountSeries[]>();
      for (const r of this.seriesOf(group)) {
        const code = strata.codeOf(r.category, r.priority);
        if (code === undefined) continue;
        const list = split.get(code);
        if (list) list.push(r);
        else split.set(code, [r]);
      }
      const sums = new Map([...split].map(([code, series]) => [code, packedOf(series)]));
      let bytes = 0;
      for (const d of sums.values()) bytes += packedBytes(d);
      entry = { sums, bytes };
      this.cellBytes += bytes;
    }
    this.cells.set(key, entry);
    for (const [old, e] of this.cells) {
      if (this.cellBytes <= this.cellSumsBytes || old === key) break;
      this.cells.delete(old);
      this.cellBytes -= e.bytes;
    }
    return new Map([...entry.sums].map(([code, d]) => [code, unpacked(d, false)]));
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
    if (!band) return unpacked(NO_DURATIONS, true);
    return unpacked(packedOf(channels.flatMap((c) => this.seriesOf(groupKey('bandChannel', bandChannelGroup(band.label, c))))), true);
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
        for (const r of this.seriesOf(group)) if (r.metric === 'tickets') m.set(r[field], (m.get(r[field]) ?? 0) + ticketsIn([r]));
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
    const counter = new SlaCounter(targets, channel);
    for (const s of this.seriesOf(groupKey('channel', channel))) {
      if (s.metric !== metric) continue;
      const target = counter.targetFor(s.priority);
      if (target === undefined) continue;
      let tickets = 0;
      for (const r = new PackedReader(s.packed); r.next(); ) {
        const seconds = r.time;
        const e = r.ended;
        const w = r.waiting;
        tickets += e + w;
        if (seconds <= target) counter.met += e;
        else counter.breached += e;
        if (seconds > target) counter.breached += w;
        else counter.notYetDue += w;
      }
      counter.judged(s.priority, tickets);
    }
    return counter.result();
  }
}
