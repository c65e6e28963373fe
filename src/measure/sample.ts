/**
 * A group's durations, gathered once from the ticket table and shared by every number that
 * describes or compares the group (summaries, comparisons, findings, gates, trend).
 *
 * Per metric, a censored sample in time order: answered (resolved) tickets are events at their
 * duration; tickets not answered (not resolved) by the as-of time are censored at their age
 * there; tickets whose duration is unusable (negative, or from a file that cannot measure the
 * metric) are left out. Groups are index lists into the ticket table; nothing copies tickets.
 */
import { ANSWERED, EXCLUDED, RESOLVED, UNANSWERED, type TicketTable } from '../normalise/table.js';
import type { CensoredSample } from '../judge/stats/logRank.js';
import { kaplanMeier, type KmCurve } from './kaplanMeier.js';
import { splitByStratum, type Strata } from './strata.js';

export type Metric = 'firstResponse' | 'resolution';
export const METRICS: readonly Metric[] = ['firstResponse', 'resolution'];

/** One group's durations on both metrics. */
export interface GroupDurations {
  /** Tickets in the group. */
  tickets: number;
  /** Per metric: events at their duration, the rest censored at their age; time-sorted (an event before a censoring at the same time). */
  samples: Record<Metric, CensoredSample>;
  /** Answered first-response seconds, sorted (the plain "answered median" of helpdesk dashboards). */
  answeredTimes: Float64Array;
  /** Kaplan–Meier curves, built on first use and kept: a group is in many comparisons. */
  readonly curves: Partial<Record<Metric, KmCurve>>;
}

/** The group's Kaplan–Meier curve on `metric` (built once). */
export function curveOf(d: GroupDurations, metric: Metric): KmCurve {
  const s = d.samples[metric];
  return (d.curves[metric] ??= kaplanMeier(s.times, s.events));
}

/** Merges sorted events and sorted censorings into one time-ordered sample, an event first on ties. */
function mergeSorted(ev: Float64Array, cen: Float64Array): CensoredSample {
  const n = ev.length + cen.length;
  const times = new Float64Array(n);
  const events = new Uint8Array(n);
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    if (j >= cen.length || (i < ev.length && (ev[i] as number) <= (cen[j] as number))) {
      times[k] = ev[i++] as number;
      events[k] = 1;
    } else {
      times[k] = cen[j++] as number;
    }
  }
  return { times, events };
}

/** Gathers the durations of the tickets at `indices`, censoring at each ticket's age at the as-of time. */
export function gatherDurations(table: TicketTable, indices: ArrayLike<number>, asOf: number): GroupDurations {
  let answered = 0;
  let waiting = 0;
  let resolved = 0;
  let open = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const f = table.firstResponseState[i];
    if (f === ANSWERED) answered++;
    else if (f === UNANSWERED) waiting++;
    const r = table.resolutionState[i];
    if (r === RESOLVED) resolved++;
    else if (r !== EXCLUDED) open++;
  }
  const firstEv = new Float64Array(answered);
  const firstCen = new Float64Array(waiting);
  const resEv = new Float64Array(resolved);
  const resCen = new Float64Array(open);
  let a = 0;
  let w = 0;
  let r = 0;
  let o = 0;
  const ageOf = (i: number): number => Math.max(0, table.openAge ? (table.openAge[i] as number) : asOf - (table.createdAt[i] as number));
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const f = table.firstResponseState[i];
    if (f === ANSWERED) firstEv[a++] = table.firstResponse[i] as number;
    else if (f === UNANSWERED) firstCen[w++] = ageOf(i);
    const s = table.resolutionState[i];
    if (s === RESOLVED) resEv[r++] = table.resolution[i] as number;
    else if (s !== EXCLUDED) resCen[o++] = ageOf(i);
  }
  firstEv.sort();
  firstCen.sort();
  resEv.sort();
  resCen.sort();
  return {
    tickets: indices.length,
    samples: { firstResponse: mergeSorted(firstEv, firstCen), resolution: mergeSorted(resEv, resCen) },
    answeredTimes: firstEv,
    curves: {},
  };
}

/**
 * The durations of ticket groups, gathered once per group (and once per group and cell) however
 * many comparisons use them: the reference channel is compared with every other channel on two
 * metrics, so without this its half-million tickets would be gathered and sorted twenty times.
 * Groups are keyed by their index array's identity.
 */
export class Samples {
  private readonly whole = new WeakMap<object, GroupDurations>();
  private readonly cells = new WeakMap<object, Map<Strata, Map<number, GroupDurations>>>();

  constructor(
    readonly table: TicketTable,
    /** Open tickets are censored here (epoch seconds). */
    readonly asOf: number,
  ) {}

  /** The group's durations. */
  of(indices: ArrayLike<number>): GroupDurations {
    let m = this.whole.get(indices as object);
    if (!m) {
      m = gatherDurations(this.table, indices, this.asOf);
      this.whole.set(indices as object, m);
    }
    return m;
  }

  /** The group's durations cell by cell. */
  byCell(indices: ArrayLike<number>, strata: Strata): Map<number, GroupDurations> {
    let perStrata = this.cells.get(indices as object);
    if (!perStrata) {
      perStrata = new Map();
      this.cells.set(indices as object, perStrata);
    }
    let m = perStrata.get(strata);
    if (!m) {
      m = new Map();
      for (const [code, cell] of splitByStratum(strata, indices)) m.set(code, gatherDurations(this.table, cell, this.asOf));
      perStrata.set(strata, m);
    }
    return m;
  }
}
