/**
 * The measure stage's hand-off to the judge: groups of tickets as durations. One judge, two
 * producers — the ticket table read in-process (ticketGroups.ts) and a count table from any
 * engine or file (countGroups.ts) — implement `MeasuredGroups`, and the measure stage, the
 * channel and follower-band findings, response theatre and the gates read only through it.
 *
 * A group is an opaque handle `G` (ticket indices in-process, a dimension and group name in a
 * count table); `of` gives its durations, `byCell` the same per like-for-like cell (category ×
 * priority). Loud vs quiet and channel jumps have their own handle on both producers
 * (journeyGroups.ts, countJourneys.ts). The one finding that needs single tickets (the follower
 * rank correlation) reads `tickets`, which only the in-process producer has; a count table's
 * audit names it in `input.notes` instead.
 */
import type { Channel } from '../model.js';
import type { TicketTable } from '../normalise/table.js';
import type { FollowerBand } from './groups.js';
import type { GroupDurations, Metric } from './sample.js';
import type { SlaCount, SlaTargets } from './sla.js';
import type { StratumField } from './strata.js';

/** Like-for-like cells: the fields they are made of and a readable label per cell code. */
export interface CellLayout {
  by: StratumField[];
  labels: string[];
  /**
   * Each cell's values (JSON of the `by` fields' values, null for none), where two cells share a
   * label (`Billing / high` + `low` beside `Billing` + `high / low`): the order between them
   * (measure/compare.ts sums cells in label order). Absent when every label is its own.
   */
  keys?: string[];
}

/** Durations of groups, whole and per cell, gathered once per group however often asked. */
export interface GroupSource<G, L extends CellLayout = CellLayout> {
  /** The group's durations. */
  of(group: G): GroupDurations;
  /** The group's durations cell by cell (cell code → durations; cells without tickets absent). */
  byCell(group: G, cells: L): Map<number, GroupDurations>;
}

/** Every group the measure stage and the judge compare, from one producer. */
export interface MeasuredGroups<G = unknown, L extends CellLayout = CellLayout> extends GroupSource<G, L> {
  /** Open tickets were censored here (epoch seconds). */
  readonly asOf: number;
  /** Channels with tickets, in CHANNELS order. */
  readonly channels: ReadonlyMap<Channel, G>;
  /** Follower bands, the trailing `unknown` band included. */
  readonly bands: readonly FollowerBand[];
  /** All tickets per band (same order as `bands`). */
  readonly bandGroups: readonly G[];
  /** Social tickets with a follower count per band, without `unknown` (the follower findings). */
  readonly socialBands: readonly G[];
  /** Category × priority cells; null when the data give fewer than two. */
  readonly strata: L | null;
  /**
   * Cells of the given fields only (a `--by category` comparison is like for like within
   * priority); null when the data give fewer than two. `strataBy(['category', 'priority'])`
   * is the same cells as `strata`.
   */
  strataBy(fields: readonly StratumField[]): L | null;
  /** Tickets of each channel in band k, in CHANNELS order (channels without tickets absent). */
  bandMix(k: number): Partial<Record<Channel, number>>;
  /** The channels with tickets in band k, in the order `band(A,B)` gate messages name them. */
  bandChannels(k: number): Channel[];
  /** Band k's tickets on the given channels only (`band(A,B)` gates, like for like). */
  bandOnChannels(k: number, channels: readonly Channel[]): GroupDurations;
  /**
   * The category or priority whose share differs most between two groups, as a case-mix clause
   * ("; 88% of social tickets are Account vs 25% of phone tickets"); '' without either field.
   */
  mixNote(a: G, b: G, aPhrase: string, bPhrase: string): string;
  /** SLA counts of a channel on one metric (null when no target applies). */
  sla(channel: Channel, targets: SlaTargets, metric: Metric): SlaCount | null;
  /** The tickets themselves, when the producer has them (null for a count table). */
  readonly tickets: TicketTable | null;
}
