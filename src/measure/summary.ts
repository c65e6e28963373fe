/**
 * Per-group duration summaries: first response (plain sample quantiles of answered tickets,
 * with distribution-free order-statistic CIs) and resolution (Kaplan–Meier, so tickets still
 * open at the as-of time count as censored, not dropped). Groups are index lists into the
 * ticket table; nothing here copies tickets.
 */
import { ANSWERED, EXCLUDED, RESOLVED, UNANSWERED, type TicketTable } from '../normalise/table.js';
import { kaplanMeier, kmQuantile } from './kaplanMeier.js';
import { quantileCi, quantileSorted, sortedCopy } from './quantile.js';

/** A confidence interval; a null bound does not exist (too little data). */
export type Interval = [number | null, number | null];

/** First-response summary of a group. Durations in seconds; null = absent. */
export interface FirstResponseSummary {
  /** Answered tickets (the sample the quantiles are of). */
  n: number;
  median: number | null;
  p90: number | null;
  ci95: Interval | null;
}

/** Resolution summary of a group (Kaplan–Meier). */
export interface ResolutionSummary {
  /** Tickets in the estimate (resolved + still open). */
  n: number;
  resolved: number;
  median: number | null;
  p90: number | null;
  ci95: Interval | null;
  method: 'kaplan-meier';
}

/** Everything measured about one group of tickets. */
export interface GroupSummary {
  tickets: number;
  answered: number;
  answeredShare: number | null;
  resolvedShare: number | null;
  firstResponse: FirstResponseSummary;
  resolution: ResolutionSummary;
}

/** The durations of one group, gathered once and reused by the judge (tests, ratios). */
export interface GroupSample {
  /** Answered tickets' first-response seconds, sorted ascending. */
  firstResponse: Float64Array;
  /** Tickets whose first response is known either way (answered or not yet): the answered share's base. */
  firstResponseKnown: number;
  /** Ages at the as-of time of the tickets not answered yet (censored first responses). */
  firstResponseWaiting: Float64Array;
  /** Resolution times (resolved) or censoring times (open), in the same order as `resolvedFlag`. */
  resolutionTime: Float64Array;
  /** 1 = resolved, 0 = still open at the as-of time. */
  resolvedFlag: Uint8Array;
}

/** Gathers the samples of the tickets at `indices`, censoring open tickets at `asOf`. */
export function gatherSample(table: TicketTable, indices: ArrayLike<number>, asOf: number): GroupSample {
  const first: number[] = [];
  const time: number[] = [];
  const flag: number[] = [];
  let firstResponseKnown = 0;
  const waiting: number[] = [];
  const ageOf = (i: number): number => Math.max(0, table.openAge ? (table.openAge[i] as number) : asOf - (table.createdAt[i] as number));
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    if (table.firstResponseState[i] === ANSWERED) first.push(table.firstResponse[i] as number);
    else if (table.firstResponseState[i] === UNANSWERED) waiting.push(ageOf(i));
    if (table.firstResponseState[i] !== EXCLUDED) firstResponseKnown++;
    const state = table.resolutionState[i];
    if (state === EXCLUDED) continue;
    if (state === RESOLVED) {
      time.push(table.resolution[i] as number);
      flag.push(1);
    } else {
      time.push(ageOf(i));
      flag.push(0);
    }
  }
  return { firstResponse: sortedCopy(first), firstResponseKnown, firstResponseWaiting: Float64Array.from(waiting), resolutionTime: Float64Array.from(time), resolvedFlag: Uint8Array.from(flag) };
}

function nullable(x: number | null | undefined): number | null {
  return x === null || x === undefined || Number.isNaN(x) ? null : x;
}

/** First-response summary of a sorted sample. */
export function summariseFirstResponse(sorted: Float64Array): FirstResponseSummary {
  if (sorted.length === 0) return { n: 0, median: null, p90: null, ci95: null };
  const ci = quantileCi(sorted, 0.5);
  return {
    n: sorted.length,
    median: nullable(quantileSorted(sorted, 0.5)),
    p90: nullable(quantileSorted(sorted, 0.9)),
    ci95: [ci.lo, ci.hi],
  };
}

/** Kaplan–Meier resolution summary. */
export function summariseResolution(times: Float64Array, events: Uint8Array): ResolutionSummary {
  const resolved = events.reduce((a, b) => a + b, 0);
  if (times.length === 0) return { n: 0, resolved: 0, median: null, p90: null, ci95: null, method: 'kaplan-meier' };
  const curve = kaplanMeier(times, events);
  const median = kmQuantile(curve, 0.5);
  const p90 = kmQuantile(curve, 0.9);
  return {
    n: times.length,
    resolved,
    median: median.estimate,
    p90: p90.estimate,
    ci95: [median.lo, median.hi],
    method: 'kaplan-meier',
  };
}

/** Full summary of a group given its gathered sample. */
export function summarise(tickets: number, sample: GroupSample): GroupSummary {
  const answered = sample.firstResponse.length;
  const resolution = summariseResolution(sample.resolutionTime, sample.resolvedFlag);
  return {
    tickets,
    answered,
    answeredShare: sample.firstResponseKnown ? answered / sample.firstResponseKnown : null,
    resolvedShare: resolution.n ? resolution.resolved / resolution.n : null,
    firstResponse: summariseFirstResponse(sample.firstResponse),
    resolution,
  };
}
