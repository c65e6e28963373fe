/**
 * The measure stage: groups in (source.ts: the ticket table's, or a count table's), every
 * group's numbers out — per channel, per follower band, each channel against the reference —
 * all from one gathering of durations per group, one estimate per group and metric (estimate.ts,
 * summary.ts) and one comparison engine (compare.ts). The judge reuses the same groups, so a
 * finding's raw view is the channel table's number, not a second computation of it.
 */
import { CHANNELS, type Channel } from '../model.js';
import type { TicketTable } from '../normalise/table.js';
import type { BandReport, ChannelReport, FirstResponseDistribution, VsReference } from '../report.js';
import { compareRaw, type RawView } from './compare.js';
import type { ByMeasurement } from './byGroups.js';
import { OrderStatistics } from '../stats/orderStatistics.js';
import { kaplanMeier } from '../stats/kaplanMeier.js';
import { boundOf, quantileEstimate, type Bound, type Estimate } from './estimate.js';
import type { Tally } from '../stats/tally.js';
import type { SlaTargets } from './sla.js';
import type { CellLayout, MeasuredGroups } from './source.js';
import type { Strata } from './strata.js';
import { selfRatio, summarise } from './summary.js';
import { TicketGroups, type TicketGroupOptions } from './ticketGroups.js';

/** What the measure stage needs from the settings. */
export interface MeasureSettings {
  reference: Channel;
  bands: readonly number[];
  sla: { firstResponse: SlaTargets | null; resolution: SlaTargets | null };
}

/**
 * The measure stage's hand-off to the judge and the report: the groups (source.ts: from the
 * ticket table or from a count table) and what was measured of them.
 */
export interface Measurement<G = unknown, L extends CellLayout = CellLayout> {
  /** Every group's durations, shared with the judge. */
  groups: MeasuredGroups<G, L>;
  channels: ChannelReport[];
  followerBands: BandReport[];
  /** Per-channel first-response quantiles of the answered tickets (box plots). */
  distributions: FirstResponseDistribution[];
  /** --by groups (measure/byGroups.ts), set by the pipeline when --by is given: handles of `groups`. */
  by?: ByMeasurement<G>;
}

/** A raw comparison view as the report's vsReference (verdicts are the judge's, filled in later). */
export function vsReferenceOf(first: RawView, resolution: RawView): VsReference {
  return {
    firstResponseRatio: first.ratio,
    firstResponseRatioCi95: first.ci95,
    firstResponseBound: first.bound ?? null,
    resolutionRatio: resolution.ratio,
    resolutionRatioCi95: resolution.ci95,
    resolutionBound: resolution.bound ?? null,
    pValue: first.pValue,
    resolutionPValue: resolution.pValue,
    firstResponseVerdict: null,
    resolutionVerdict: null,
    firstResponseVerdictHoldsOverall: null,
    resolutionVerdictHoldsOverall: null,
  };
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * Per-channel first response for the box plot: the channel summary's own median and p90 (not
 * worked out again, so the chart's tick is the table's number) and the other quartiles and
 * deciles read off the same Kaplan–Meier curve the same way (estimate.ts), each a lower bound
 * when not reached.
 */
function distribution(channel: Channel, tally: Tally, summary: ChannelReport['firstResponse']): FirstResponseDistribution {
  const curve = kaplanMeier(tally);
  const at = (e: Estimate): [number | null, Bound | null] => [e.value === null ? null : finite(e.value), boundOf(e)];
  const [p10, p10Bound] = at(quantileEstimate(tally, 0.1, curve));
  const [p25, p25Bound] = at(quantileEstimate(tally, 0.25, curve));
  const [p75, p75Bound] = at(quantileEstimate(tally, 0.75, curve));
  const { median, bound: medianBound, p90, p90Bound } = summary;
  const answered = new OrderStatistics(tally, 'ended');
  const k = tally.times.length;
  const last = k === 0 ? null : finite(tally.times[k - 1] as number);
  // the longest time seen is still running when no answer came at it
  const lastWaiting = k > 0 && (tally.ended[k - 1] as number) === 0;
  return {
    channel,
    n: curve.n,
    answered: answered.n,
    min: answered.n ? finite(answered.quantile(0)) : null,
    p10, p10Bound, p25, p25Bound, median, medianBound, p75, p75Bound, p90, p90Bound,
    max: last,
    maxBound: last !== null && lastWaiting ? 'lower' : null,
  };
}

/** measure: every group's summary, and each channel against the reference (from the ticket table). */
export function measure(table: TicketTable, asOf: number, settings: MeasureSettings, options: TicketGroupOptions = {}): Measurement<ArrayLike<number>, Strata> & { groups: TicketGroups } {
  const groups = new TicketGroups(table, asOf, settings.bands, options);
  return { ...measureGroups(groups, settings), groups };
}

/** measure, from any producer of groups: every group's summary, each channel against the reference. */
export function measureGroups<G, L extends CellLayout>(groups: MeasuredGroups<G, L>, settings: MeasureSettings): Measurement<G, L> {
  const reference = groups.channels.get(settings.reference) ?? null;
  const { sla } = settings;
  const channels: ChannelReport[] = [];
  const distributions: FirstResponseDistribution[] = [];
  for (const channel of CHANNELS) {
    const group = groups.channels.get(channel);
    if (group === undefined) continue;
    const durations = groups.of(group);
    const summary = summarise(durations);
    distributions.push(distribution(channel, durations.samples.firstResponse, summary.firstResponse));
    const vsReference =
      reference === null
        ? null
        : group === reference
          ? selfRatio(summary)
          : vsReferenceOf(compareRaw(groups, group, reference, 'firstResponse'), compareRaw(groups, group, reference, 'resolution'));
    channels.push({
      channel,
      ...summary,
      vsReference,
      sla:
        sla.firstResponse || sla.resolution
          ? {
              firstResponse: sla.firstResponse ? groups.sla(channel, sla.firstResponse, 'firstResponse') : null,
              resolution: sla.resolution ? groups.sla(channel, sla.resolution, 'resolution') : null,
            }
          : null,
    });
  }
  const followerBands: BandReport[] = groups.bands.map((band, k) => ({
    band: band.label,
    min: band.min,
    max: band.max,
    ...summarise(groups.of(groups.bandGroups[k] as G)),
    channels: groups.bandMix(k),
  }));
  return { groups, channels, followerBands, distributions };
}
