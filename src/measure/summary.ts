/**
 * What is measured about one group of tickets, on both metrics, in the report's shape: the
 * Kaplan–Meier median (a lower bound when not reached), its 95% CI and p90 (estimate.ts), with
 * tickets not answered or not resolved by the as-of time counted as still waiting; and, for
 * first response, the plain median of the answered tickets alone (what helpdesk dashboards
 * show), labelled as such. One function per group, fed by the same gathered durations the
 * comparisons use, so a summary and a comparison can never disagree.
 */
import { boundOf, quantileEstimate, type Bound, type Interval } from './estimate.js';
import { kaplanMeier } from '../stats/kaplanMeier.js';
import { endedMedian } from '../stats/orderStatistics.js';
import { medianOf, sizeOf, type GroupDurations, type Metric } from './sample.js';
import type { VsReference } from '../report.js';

export type { Interval } from './estimate.js';

/** One metric of a group. Durations in seconds; null = absent. */
export interface MetricSummary {
  /** Tickets in the estimate: ended (answered/resolved) plus still waiting at the as-of time. */
  n: number;
  /** Kaplan–Meier median; a lower bound when `bound` is 'lower' (the median was not reached). */
  median: number | null;
  bound: Bound | null;
  /** Kaplan–Meier 90th percentile; a lower bound when `p90Bound` is 'lower'. */
  p90: number | null;
  p90Bound: Bound | null;
  /** 95% CI of the median; the upper end is null when the median is only a bound. */
  ci95: Interval | null;
  method: 'kaplan-meier';
}

/** First response: the censoring-aware summary plus the plain median of answered tickets. */
export interface FirstResponseSummary extends MetricSummary {
  /** Plain median (R type 7) of the answered tickets only; ignores the ones still waiting. */
  answeredMedian: number | null;
}

export interface ResolutionSummary extends MetricSummary {
  /**
   * Tickets resolved by the as-of time (the rest of n is still open). Null when the group has
   * tickets but none with a measurable resolution (measuredCount).
   */
  resolved: number | null;
}

/** Everything measured about one group of tickets. */
export interface GroupSummary {
  tickets: number;
  /**
   * Tickets answered by the as-of time. Null when the group has tickets but none with a
   * measurable first response (measuredCount): how many were answered is not known.
   */
  answered: number | null;
  /** Answered share of the tickets whose first response is measurable; null when none is. */
  answeredShare: number | null;
  resolvedShare: number | null;
  firstResponse: FirstResponseSummary;
  resolution: ResolutionSummary;
}

/**
 * Tickets still open at the as-of time among `tickets`: those in the resolution estimate
 * (`resolutionN`, resolved plus still open) not resolved. Null when there are tickets but none
 * with a measurable resolution (the export has no resolution information): 0 would claim that
 * every ticket was resolved, which nobody knows. An empty group has 0 open.
 */
export function openCount(tickets: number, resolutionN: number, resolved: number | null): number | null {
  return resolved === null || (tickets > 0 && resolutionN === 0) ? null : resolutionN - resolved;
}

/**
 * How many of a group's `tickets` ended (were answered, were resolved) among the `n` whose
 * metric is measurable: null when there are tickets but none is measurable (an export without
 * first-response or resolution information), where 0 would say that nobody was answered
 * (resolved), which nobody knows; the share beside it is null for the same reason. An empty
 * group has 0.
 */
export function measuredCount(tickets: number, n: number, ended: number): number | null {
  return tickets > 0 && n === 0 ? null : ended;
}

/** The censoring-aware summary of one metric. */
export function summariseMetric(d: GroupDurations, metric: Metric): MetricSummary {
  const sample = d.samples[metric];
  const { n } = sizeOf(sample);
  if (n === 0) return { n: 0, median: null, bound: null, p90: null, p90Bound: null, ci95: null, method: 'kaplan-meier' };
  const curve = kaplanMeier(sample);
  const median = medianOf(d, metric, { sample, curve });
  const p90 = quantileEstimate(sample, 0.9, curve);
  return {
    n,
    median: median.value,
    bound: boundOf(median),
    p90: p90.value,
    p90Bound: boundOf(p90),
    ci95: median.value === null ? null : [median.lo, median.hi],
    method: 'kaplan-meier',
  };
}

/** Full summary of a group from its gathered durations. */
export function summarise(d: GroupDurations): GroupSummary {
  const first = summariseMetric(d, 'firstResponse');
  const resolution = summariseMetric(d, 'resolution');
  const answered = sizeOf(d.samples.firstResponse).ended;
  const resolved = sizeOf(d.samples.resolution).ended;
  return {
    tickets: d.tickets,
    answered: measuredCount(d.tickets, first.n, answered),
    answeredShare: first.n ? answered / first.n : null,
    resolvedShare: resolution.n ? resolved / resolution.n : null,
    firstResponse: { ...first, answeredMedian: answered ? endedMedian(d.samples.firstResponse) : null },
    resolution: { ...resolution, resolved: measuredCount(d.tickets, resolution.n, resolved) },
  };
}

/**
 * The reference against itself: ratio 1 by definition, nothing to test — on a metric it has
 * tickets to measure; on one it has none (an export without resolution times) the ratio is
 * unknown (null), as every other channel's is there, never a 1 beside a median that is absent.
 */
export function selfRatio(summary: Pick<GroupSummary, 'firstResponse' | 'resolution'>): VsReference {
  return {
    firstResponseRatio: summary.firstResponse.n > 0 ? 1 : null,
    firstResponseRatioCi95: null,
    firstResponseBound: null,
    resolutionRatio: summary.resolution.n > 0 ? 1 : null,
    resolutionRatioCi95: null,
    resolutionBound: null,
    pValue: null,
    resolutionPValue: null,
    firstResponseVerdict: null,
    resolutionVerdict: null,
    firstResponseVerdictHoldsOverall: null,
    resolutionVerdictHoldsOverall: null,
  };
}
