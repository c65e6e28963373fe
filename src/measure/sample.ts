/**
 * A group's durations, gathered once from the ticket table and shared by every number that
 * describes or compares the group (summaries, comparisons, findings, gates, trend).
 *
 * Per metric, a tally (src/stats/tally.ts): the distinct durations with how many tickets ended
 * (answered / resolved) at each and how many were still waiting at each — a ticket not answered
 * (not resolved) by the as-of time waits at its age there. Tickets whose duration is unusable
 * (negative, or from a file that cannot measure the metric) are left out. The same tally is what
 * an engine's GROUP BY returns, so every statistic downstream reads counts, not tickets. Groups
 * are index lists into the ticket table; nothing copies tickets.
 */
import { ANSWERED, EXCLUDED, RESOLVED, UNANSWERED, waitingAge, type SecondsColumn, type TicketTable } from '../normalise/table.js';
import { kaplanMeier, type KmCurve } from '../stats/kaplanMeier.js';
import { SORTABLE_MAX_TIME, marksByTicket, marksOfGroups, sortKeyed, ticketCodes, tallyFromSamples, tallySizes, type SharedMarks, type SortedDurations, type Tally, type TallyCodes } from '../stats/tally.js';
import { packMarked, type PackedTally } from '../stats/packedTally.js';
import { splitByStratum, type Strata } from './strata.js';
import { medianEstimate, type Estimate } from './estimate.js';
import { packDurations, RecentViews, unpacked, type PackedDurations } from './packedDurations.js';

export type Metric = 'firstResponse' | 'resolution';
export const METRICS: readonly Metric[] = ['firstResponse', 'resolution'];

/** One group's durations on both metrics. */
export interface GroupDurations {
  /** Tickets in the group. */
  tickets: number;
  /** Per metric: ended and still-waiting tickets per distinct duration. */
  samples: Record<Metric, Tally>;
  /** Sizes known without reading the samples (a count table's packed sums carry them). */
  readonly sizes?: Record<Metric, { n: number; ended: number }>;
}

/**
 * The statistics helper thread's side of the tallies (measure/helper.ts): it sorts the
 * resolution durations of the table while this thread sorts first response's, and tallies them
 * in each pass while this thread tallies first response (the same functions on the same
 * columns: the same tallies). Every method answers "not there" rather than fail; the pass is then
 * made here, as without a helper.
 */
export interface ResolutionTwin {
  /** Resolution's durations sorted there, in shared memory; null: not sortable (as sortedMetric's null); undefined: not there (sort here). */
  sorted(): SortedRuns | null | undefined;
  /** Whether a pass can be started there now (the helper is free and has the durations sorted). */
  free(): boolean;
  /** Starts resolution's tallies of `codes` (in shared memory) over `groups` there. */
  start(codes: TallyCodes, groups: number): void;
  /** The tallies started last, packed; null when they did not come (tally here: the twin is not asked again). */
  finish(): PackedTally[] | null;
}

/** A metric's sorted durations without the marks (what the helper thread hands over). */
export type SortedRuns = Pick<SortedDurations, 'runKeys' | 'runEnds' | 'position'>;

/** Median estimates per group and metric, worked out once: a group is in many comparisons. */
const medians = new WeakMap<GroupDurations, Partial<Record<Metric, Estimate>>>();

/**
 * A group's median estimate on `metric`, worked out once. `given`: the sample and its curve a
 * caller has in hand (the summary, which reads p90 off the same curve). Curves are not kept:
 * at 20 bytes a distinct event time they were a quarter of the judge's memory on a 50M-ticket
 * count table, and nothing reads a group's curve again once its median and p90 are known.
 */
export function medianOf(d: GroupDurations, metric: Metric, given?: { sample: Tally; curve: KmCurve }): Estimate {
  let memo = medians.get(d);
  if (!memo) {
    memo = {};
    medians.set(d, memo);
  }
  const known = memo[metric];
  if (known) return known;
  // read once: a count table's cell is unpacked at each read
  const sample = given?.sample ?? d.samples[metric];
  return (memo[metric] = medianEstimate(sample, given?.curve ?? kaplanMeier(sample)));
}

/** Tickets in a tally (ended + still waiting), and how many ended. */
export function sizeOf(t: Tally): { n: number; ended: number } {
  const s = tallySizes(t);
  return { n: s.n, ended: s.ended };
}

/** A group's size on `metric`: its known sizes, else counted from its sample. */
export function groupSize(d: GroupDurations, metric: Metric): { n: number; ended: number } {
  return d.sizes?.[metric] ?? sizeOf(d.samples[metric]);
}

/** Gathers the durations of the tickets at `indices`, censoring at each ticket's age at the as-of time. */
export function gatherDurations(table: TicketTable, indices: ArrayLike<number>, asOf: number): GroupDurations {
  let first = 0;
  let resolution = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    if (table.firstResponseState[i] !== EXCLUDED) first++;
    if (table.resolutionState[i] !== EXCLUDED) resolution++;
  }
  const firstTimes = new Float64Array(first);
  const firstEnded = new Uint8Array(first);
  const resTimes = new Float64Array(resolution);
  const resEnded = new Uint8Array(resolution);
  let f = 0;
  let r = 0;
  const ageOf = (i: number): number => waitingAge(table, i, asOf);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const fs = table.firstResponseState[i];
    if (fs === ANSWERED) {
      firstTimes[f] = table.firstResponse[i] as number;
      firstEnded[f++] = 1;
    } else if (fs === UNANSWERED) firstTimes[f++] = ageOf(i);
    const rs = table.resolutionState[i];
    if (rs === RESOLVED) {
      resTimes[r] = table.resolution[i] as number;
      resEnded[r++] = 1;
    } else if (rs !== EXCLUDED) resTimes[r++] = ageOf(i);
  }
  return {
    tickets: indices.length,
    samples: { firstResponse: tallyFromSamples(firstTimes, firstEnded), resolution: tallyFromSamples(resTimes, resEnded) },
  };
}

/**
 * The durations of ticket groups, gathered once per group (and once per group and cell) however
 * many comparisons use them: the reference channel is compared with every other channel on two
 * metrics, so without this its half-million tickets would be gathered and sorted twenty times.
 * Groups are keyed by their index array's identity. What was gathered is kept packed and read
 * through views as a count table's groups are (packedDurations.ts): the last groups asked for
 * stay unpacked, a cell is unpacked at each read.
 */
export class Samples {
  private readonly whole = new WeakMap<object, PackedDurations>();
  private readonly cells = new WeakMap<object, Map<Strata, Map<number, PackedDurations>>>();
  /** The whole durations of the groups asked for last, unpacked. */
  private readonly views = new RecentViews<object>();
  /** Each metric's tickets sorted once by duration (null: not whole seconds, gather per group). */
  private sortedByMetric: Record<Metric, SortedDurations | null> | undefined;
  /** Groups declared together ({@link together}), by each member's identity. */
  private readonly families = new WeakMap<object, readonly ArrayLike<number>[]>();

  constructor(
    readonly table: TicketTable,
    /** Open tickets are censored here (epoch seconds). */
    readonly asOf: number,
    /** The helper thread that sorts and tallies resolution meanwhile (measure/helper.ts): for this table and as-of time; null: none. */
    private twin: ResolutionTwin | null = null,
  ) {}

  /**
   * Declares groups that share no ticket (the channels; the follower bands; the loud and quiet
   * tickets of every channel): the first time one of them is asked for, whole or by cell, while
   * one of them is large enough for a pass of its own, all of them not yet tallied are tallied
   * together in one pass over each metric's sorted durations instead of a pass or a sort each.
   * The tallies are the same either way (test/unit/measure/samples.test.ts).
   */
  together(groups: readonly ArrayLike<number>[]): void {
    for (const g of groups) this.families.set(g as object, groups);
  }

  /** The group's durations. */
  of(indices: ArrayLike<number>): GroupDurations {
    return this.views.get(indices as object, () => this.packedWhole(indices));
  }

  private packedWhole(indices: ArrayLike<number>): PackedDurations {
    let m = this.whole.get(indices as object);
    if (!m) {
      this.passFamily(indices, null);
      m = this.whole.get(indices as object) ?? this.gather(indices);
      this.whole.set(indices as object, m);
    }
    return m;
  }

  /** The group's durations cell by cell (each cell unpacked at every read; the map is the caller's). */
  byCell(indices: ArrayLike<number>, strata: Strata): Map<number, GroupDurations> {
    let m = this.perStrata(indices).get(strata);
    if (!m) {
      this.passFamily(indices, strata);
      m = this.perStrata(indices).get(strata) ?? this.gatherCells(indices, strata);
      this.perStrata(indices).set(strata, m);
    }
    return new Map([...m].map(([code, d]) => [code, unpacked(d, false)]));
  }

  private perStrata(indices: ArrayLike<number>): Map<Strata, Map<number, PackedDurations>> {
    let perStrata = this.cells.get(indices as object);
    if (!perStrata) {
      perStrata = new Map();
      this.cells.set(indices as object, perStrata);
    }
    return perStrata;
  }

  /**
   * Tallies the groups of `indices`'s family not yet tallied (whole, or by the cells of
   * `strata`), `indices` among them, in one pass per metric, when one of them is large enough
   * for a pass of its own; nothing when it has no family.
   */
  private passFamily(indices: ArrayLike<number>, strata: Strata | null): void {
    const family = this.families.get(indices as object);
    if (!family) return;
    // Every group of the family not yet tallied rides along: the pass costs the same, and a
    // small group is spared a sort of its own.
    const todo = family.filter((g) => g.length > 0 && (strata ? !this.perStrata(g).has(strata) : !this.whole.has(g as object)));
    if (todo.length < 2 || !todo.some((g) => this.large(g))) return;
    const cells = strata ? strata.labels.length : 1;
    // sorted first: it settles whether the helper thread takes part (the codes are then made in shared memory)
    this.sorted();
    const codes = ticketCodes(this.table.size, todo, strata ? strata.code : null, cells, this.twin !== null);
    const [first, resolution] = this.tallied(codes, todo.length * cells);
    todo.forEach((g, k) => {
      if (!strata) {
        this.whole.set(g as object, { tickets: g.length, firstResponse: first[k] as PackedTally, resolution: resolution[k] as PackedTally });
        return;
      }
      const sizes = new Uint32Array(cells);
      for (let j = 0; j < g.length; j++) sizes[strata.code[g[j] as number] as number]!++;
      const out = new Map<number, PackedDurations>();
      for (let c = 0; c < cells; c++) {
        if (sizes[c] === 0) continue;
        const at = k * cells + c;
        out.set(c, { tickets: sizes[c] as number, firstResponse: first[at] as PackedTally, resolution: resolution[at] as PackedTally });
      }
      this.perStrata(g).set(strata, out);
    });
  }

  /**
   * A large group is tallied in one pass over the durations sorted once (the reference channel,
   * a quiet majority); a small one is gathered and sorted on its own, which is cheaper than a
   * pass over every ticket.
   */
  private large(indices: ArrayLike<number>): boolean {
    return indices.length >= SORTED_MIN && indices.length * 8 >= this.table.size && this.sorted() !== null;
  }

  private gather(indices: ArrayLike<number>): PackedDurations {
    if (!this.large(indices)) return packed(gatherDurations(this.table, indices, this.asOf));
    const [first, resolution] = this.pass(indices, null, 1);
    return { tickets: indices.length, firstResponse: first[0] as PackedTally, resolution: resolution[0] as PackedTally };
  }

  private gatherCells(indices: ArrayLike<number>, strata: Strata): Map<number, PackedDurations> {
    const out = new Map<number, PackedDurations>();
    if (!this.large(indices)) {
      for (const [code, cell] of splitByStratum(strata, indices)) out.set(code, packed(gatherDurations(this.table, cell, this.asOf)));
      return out;
    }
    const cells = strata.labels.length;
    const sizes = new Uint32Array(cells);
    for (let k = 0; k < indices.length; k++) sizes[strata.code[indices[k] as number] as number]!++;
    const [first, resolution] = this.pass(indices, strata.code, cells);
    for (let c = 0; c < cells; c++) {
      if (sizes[c] === 0) continue;
      out.set(c, { tickets: sizes[c] as number, firstResponse: first[c] as PackedTally, resolution: resolution[c] as PackedTally });
    }
    return out;
  }

  /** Both metrics' tallies of `indices`, split by `code` (or one group), in one pass each, packed. */
  private pass(indices: ArrayLike<number>, code: ArrayLike<number> | null, groups: number): [PackedTally[], PackedTally[]] {
    const sorted = this.sorted() as Record<Metric, SortedDurations>;
    if (this.twin?.free()) return this.tallied(ticketCodes(this.table.size, [indices], code, groups, true), groups);
    return [packMarked(sorted.firstResponse, marksOfGroups(sorted.firstResponse, [indices], code, groups), groups), packMarked(sorted.resolution, marksOfGroups(sorted.resolution, [indices], code, groups), groups)];
  }

  /**
   * Both metrics' tallies of the groups `codes` marks, packed, in one pass each over the sorted
   * durations: resolution's on the helper thread meanwhile when it is free (codes in shared
   * memory), else here.
   */
  private tallied(codes: TallyCodes, groups: number): [PackedTally[], PackedTally[]] {
    const sorted = this.sorted() as Record<Metric, SortedDurations>;
    const twin = this.twin !== null && codes.buffer instanceof SharedArrayBuffer && this.twin.free() ? this.twin : null;
    twin?.start(codes, groups);
    const first = packMarked(sorted.firstResponse, marksByTicket(sorted.firstResponse, codes), groups);
    const there = twin ? twin.finish() : null;
    if (twin && there === null) this.twin = null; // (it did not answer: not asked again)
    return [first, there ?? packMarked(sorted.resolution, marksByTicket(sorted.resolution, codes), groups)];
  }

  /** Every ticket's durations on each metric, as gatherDurations reads them, sorted once. */
  private sorted(): Record<Metric, SortedDurations | null> | null {
    if (!this.sortedByMetric) {
      const t = this.table;
      // one scratch of byte marks for both metrics (each pass writes what it reads)
      const marks: SharedMarks = { bytes: null };
      const firstResponse = sortedMetric(t, t.firstResponse, t.firstResponseState, ANSWERED, this.asOf, marks);
      // resolution's, sorted on the helper thread meanwhile when there is one (not waited for
      // when first response's cannot be sorted: no pass is made then)
      if (firstResponse === null) this.twin = null;
      const there = this.twin?.sorted();
      if (there === undefined) this.twin = null;
      const resolution = there === undefined ? sortedMetric(t, t.resolution, t.resolutionState, RESOLVED, this.asOf, marks) : there && { ...there, marks };
      this.sortedByMetric = { firstResponse, resolution };
    }
    const s = this.sortedByMetric;
    return s.firstResponse && s.resolution ? s : null;
  }
}

/**
 * One metric's tickets sorted by duration, with the sort keys made straight from the table (the
 * durations gatherDurations reads: the metric's seconds when it ended, the ticket's age at the
 * as-of time while still waiting, nothing when excluded); null when a duration is not a whole
 * second in 0..2^31−1 (groups are then gathered and sorted one by one).
 */
export function sortedMetric(t: TableAges, seconds: SecondsColumn, state: Uint8Array, ended: number, asOf: number, marks: SharedMarks, shared = false): SortedDurations | null {
  // (shared: sorted in shared memory, for both threads: the statistics helper's sort, helper.ts)
  const keys = shared ? new Uint32Array(new SharedArrayBuffer(4 * t.size)) : new Uint32Array(t.size);
  const index = shared ? new Uint32Array(new SharedArrayBuffer(4 * t.size)) : new Uint32Array(t.size);
  const count = metricKeys(t, seconds, state, ended, asOf, keys, index);
  return count < 0 ? null : sortKeyed(keys.subarray(0, count), index.subarray(0, count), t.size, marks, shared);
}

/** keys/index of {@link sortKeyed} for one metric; how many were written, −1 when a duration cannot be a key. */
function metricKeys(t: TableAges, seconds: SecondsColumn, state: Uint8Array, ended: number, asOf: number, keys: Uint32Array, index: Uint32Array): number {
  let k = 0;
  for (let i = 0; i < t.size; i++) {
    const s = state[i];
    if (s === EXCLUDED) continue;
    const done = s === ended;
    const time = done ? (seconds[i] as number) : waitingAge(t, i, asOf);
    if (!Number.isFinite(time)) continue;
    if (!(Number.isInteger(time) && time >= 0 && time <= SORTABLE_MAX_TIME)) return -1;
    keys[k] = time * 2 + (done ? 0 : 1);
    index[k++] = i;
  }
  return k;
}

/** The columns a ticket's waiting age is read from (normalise/table.ts waitingAge), and the tickets. */
export type TableAges = Pick<TicketTable, 'size' | 'createdAt' | 'openAge'>;

/** Gathered durations, packed. */
function packed(d: GroupDurations): PackedDurations {
  return packDurations(d.tickets, d.samples.firstResponse, d.samples.resolution);
}

/** Groups smaller than this are gathered on their own (a pass over all tickets costs more). */
const SORTED_MIN = 20_000;
