/**
 * The in-process producer of MeasuredGroups (source.ts): groups are ticket index arrays into the
 * TicketTable, durations gathered once per group by Samples (sample.ts).
 */
import { CHANNELS, type Channel } from '../model.js';
import { followersOf, openAges, type TicketTable } from '../normalise/table.js';
import { share } from '../format.js';
import { bandsFromEdges, byBand, byChannel, type FollowerBand } from './groups.js';
import { gatherDurations, Samples, type GroupDurations, type Metric, type ResolutionTwin } from './sample.js';
import { slaSummary, type SlaCount, type SlaTargets } from './sla.js';
import { strataOf, type Strata, type StratumField } from './strata.js';
import type { MeasuredGroups } from './source.js';
import { customerTimeline, type CustomerTimeline } from './journeys.js';
import { correlationInput, followerCorrelation, type FollowerCorrelation } from './rankCorrelation.js';
import type { Helped } from './helper.js';
import { codeUnitOrder } from '../text/order.js';

/**
 * The category or priority whose share differs most between two groups of tickets, as a clause
 * for a case-mix sentence; '' when the data have neither field.
 */
export function mixNote(table: TicketTable, a: ArrayLike<number>, b: ArrayLike<number>, aPhrase: string, bPhrase: string): string {
  if (a.length === 0 || b.length === 0) return '';
  let best: { field: 'category' | 'priority'; code: number; sa: number; sb: number } | null = null;
  for (const field of ['category', 'priority'] as const) {
    const order = valueOrder(table, field);
    if (order === null) continue;
    const ca = valueCounts(table, a, field);
    const cb = valueCounts(table, b, field);
    for (const c of order) {
      const sa = (ca[c] as number) / a.length;
      const sb = (cb[c] as number) / b.length;
      if (!best || Math.abs(sa - sb) > Math.abs(best.sa - best.sb)) best = { field, code: c - 1, sa, sb };
    }
  }
  if (!best) return '';
  return mixClause(best.field, table.dictionaries[best.field].valueOf(best.code), best.sa, best.sb, aPhrase, bPhrase);
}

/** valueOrder's answers, per table and field. */
const orders = new WeakMap<TicketTable, Partial<Record<'category' | 'priority', Uint32Array | null>>>();

/**
 * The order mixNote tries a field's values in, as a count table tries them (countGroups.ts): no
 * value first, then the values in sorted order (code units), as index code + 1 — so that on an
 * exact tie both producers name the same value, not the first the file happens to show. Null
 * when no ticket of the table has a value of the field (a value only a rejected row had is in
 * the dictionary, not in the table): then the field says nothing of the mix, as in a count table.
 */
function valueOrder(table: TicketTable, field: 'category' | 'priority'): Uint32Array | null {
  let memo = orders.get(table);
  if (!memo) {
    memo = {};
    orders.set(table, memo);
  }
  const known = memo[field];
  if (known !== undefined) return known;
  const dictionary = table.dictionaries[field];
  const column = table[field];
  let any = false;
  for (let i = 0; i < table.size && !any; i++) any = (column[i] as number) >= 0;
  let order: Uint32Array | null = null;
  if (any) {
    const values = Array.from({ length: dictionary.size }, (_, code) => code);
    const text = values.map((code) => dictionary.valueOf(code) as string);
    values.sort((x, y) => codeUnitOrder(text[x] as string, text[y] as string) || x - y);
    order = Uint32Array.from([0, ...values.map((code) => code + 1)]);
  }
  memo[field] = order;
  return order;
}

/** Tickets of a group per value of a field, kept per group: the reference channel is in every comparison. */
const counted = new WeakMap<object, Partial<Record<'category' | 'priority', Float64Array>>>();

/** How many of `group`'s tickets have each value of `field` (index code + 1; 0 = no value). */
function valueCounts(table: TicketTable, group: ArrayLike<number>, field: 'category' | 'priority'): Float64Array {
  let memo = counted.get(group as object);
  if (!memo) {
    memo = {};
    counted.set(group as object, memo);
  }
  let counts = memo[field];
  if (!counts) {
    counts = new Float64Array(table.dictionaries[field].size + 1);
    const column = table[field];
    for (let k = 0; k < group.length; k++) counts[(column[group[k] as number] as number) + 1]!++;
    memo[field] = counts;
  }
  return counts;
}

/** "; 88% of social tickets are Account vs 25% of phone tickets". */
export function mixClause(field: 'category' | 'priority', value: string | null, sa: number, sb: number, aPhrase: string, bPhrase: string): string {
  const label = value === null ? `without a ${field}` : field === 'priority' ? `${value} priority` : value;
  return `; ${share(sa)} of ${aPhrase} are ${label} vs ${share(sb)} of ${bPhrase}`;
}

/** How TicketGroups are made. */
export interface TicketGroupOptions {
  /**
   * False hides the tickets from the judge, so the audit is what the count table of the same
   * tickets gives (the exactness tests compare the two producers this way). Default true.
   */
  perTicket?: boolean;
  /**
   * The statistics helper thread works out the customer timeline and the follower correlation
   * meanwhile (measure/helper.ts), handed over by {@link TicketGroups.adopt}; without it they are
   * worked out here.
   */
  helped?: boolean;
  /** The helper thread's side of the tallies, for this table and as-of time (sample.ts ResolutionTwin). */
  twin?: ResolutionTwin | null;
}

/** Groups of the ticket table. */
export class TicketGroups implements MeasuredGroups<ArrayLike<number>, Strata> {
  readonly samples: Samples;
  readonly channels: ReadonlyMap<Channel, Uint32Array>;
  readonly bands: FollowerBand[];
  readonly bandGroups: Uint32Array[];
  readonly strata: Strata | null;
  /** The tickets for the findings that need them; null when built as a count table would be (see the constructor). */
  readonly tickets: TicketTable | null;
  private social: Uint32Array[] | null = null;
  private ordered: CustomerTimeline | null = null;
  private correlation: FollowerCorrelation | null = null;

  constructor(
    readonly table: TicketTable,
    readonly asOf: number,
    bandEdges: readonly number[],
    options: TicketGroupOptions = {},
  ) {
    this.tickets = (options.perTicket ?? true) ? table : null;
    // First, before anything else here or the durations sorted once: the timeline's sort needs
    // 24 bytes a ticket while it runs (240 MB at 10M tickets), which then no longer comes on
    // top of the sorted durations and group arrays; what it keeps (4 bytes a ticket) the
    // findings read anyway. (A helper that fails leaves it to be made when the judge reads it,
    // on top of them: a higher peak, on a path that is not meant to be taken.)
    if (!options.helped) this.ordered = customerTimeline(table);
    this.samples = new Samples(table, asOf, options.twin ?? null);
    this.channels = byChannel(table);
    this.bands = bandsFromEdges(bandEdges);
    this.bandGroups = byBand(table, this.bands);
    this.strata = strataOf(table, ['category', 'priority']);
    this.samples.together([...this.channels.values()]);
    this.samples.together(this.bandGroups);
  }

  /** Every customer's tickets in time order (loudness, channel jumps, the findings that list tickets). */
  get timeline(): CustomerTimeline {
    return (this.ordered ??= customerTimeline(this.table));
  }

  /**
   * The timeline, let go of here: the judge reads it once, to work out loudness and channel
   * jumps, and nothing after that. Held until the end it was 6 bytes a ticket (60 MB at 10M
   * tickets) under every comparison the findings then make. Read again, it is worked out again.
   */
  takeTimeline(): CustomerTimeline {
    const timeline = this.timeline;
    this.ordered = null;
    return timeline;
  }

  /** The follower rank correlation's rho and p, raw and like for like (judge/findings/followers.ts). */
  followerCorrelation(): FollowerCorrelation {
    return (this.correlation ??= followerCorrelation(correlationInput(this.table, this.strata, this.asOf)));
  }

  /**
   * What the helper thread worked out for these tickets (measure/helper.ts); what it could not is
   * worked out here when read. The timeline is taken out of `done` (left null there): the
   * helper's record lives until the audit ends, and would hold it after {@link takeTimeline}.
   */
  adopt(done: Helped): void {
    this.ordered ??= done.timeline;
    done.timeline = null;
    // (worked out in these groups' cells: strataOf gives one Strata per table and fields)
    if (done.correlation !== null && done.correlation.strata === this.strata) this.correlation ??= done.correlation.value;
  }

  strataBy(fields: readonly StratumField[]): Strata | null {
    return fields.length === 2 && fields[0] === 'category' && fields[1] === 'priority' ? this.strata : strataOf(this.table, fields);
  }

  of(group: ArrayLike<number>): GroupDurations {
    return this.samples.of(group);
  }

  byCell(group: ArrayLike<number>, cells: Strata): Map<number, GroupDurations> {
    return this.samples.byCell(group, cells);
  }

  get socialBands(): Uint32Array[] {
    if (!this.social) {
      const table = this.table;
      const socialCode = CHANNELS.indexOf('social');
      const counted = (i: number): boolean => table.channel[i] === socialCode && !Number.isNaN(followersOf(table, i));
      let size = 0;
      for (let i = 0; i < table.size; i++) if (counted(i)) size++;
      const withFollowers = new Uint32Array(size);
      for (let i = 0, k = 0; i < table.size; i++) if (counted(i)) withFollowers[k++] = i;
      this.social = byBand(table, this.bands, withFollowers).slice(0, this.bands.length - 1);
      this.samples.together(this.social);
    }
    return this.social;
  }

  bandMix(k: number): Partial<Record<Channel, number>> {
    const counts = new Uint32Array(CHANNELS.length);
    for (const i of this.bandGroups[k] ?? []) counts[this.table.channel[i] as number]!++;
    const mix: Partial<Record<Channel, number>> = {};
    CHANNELS.forEach((c, j) => {
      if (counts[j]) mix[c] = counts[j] as number;
    });
    return mix;
  }

  /** In CHANNELS order, as a count table gives them (not the order the band's tickets show them). */
  bandChannels(k: number): Channel[] {
    const present = new Set<Channel>();
    for (const i of this.bandGroups[k] ?? []) present.add(CHANNELS[this.table.channel[i] as number] as Channel);
    return CHANNELS.filter((c) => present.has(c));
  }

  bandOnChannels(k: number, channels: readonly Channel[]): GroupDurations {
    const keep = new Set(channels.map((c) => CHANNELS.indexOf(c)));
    const indices = (this.bandGroups[k] ?? new Uint32Array(0)).filter((i) => keep.has(this.table.channel[i] as number));
    return gatherDurations(this.table, indices, this.asOf);
  }

  mixNote(a: ArrayLike<number>, b: ArrayLike<number>, aPhrase: string, bPhrase: string): string {
    return mixNote(this.table, a, b, aPhrase, bPhrase);
  }

  sla(channel: Channel, targets: SlaTargets, metric: Metric): SlaCount | null {
    const indices = this.channels.get(channel);
    if (!indices) return null;
    return slaSummary(this.table, indices, targets, metric, openAges(this.table, this.asOf), channel);
  }
}
