/**
 * The measure stage: the ticket table in, every group's numbers out — per channel, per
 * follower band, each channel against the reference — all from one gathering of durations
 * (sample.ts), one estimate per group and metric (estimate.ts, summary.ts) and one comparison
 * engine (compare.ts). The judge reuses the same `samples` and groups, so a finding's raw view
 * is the channel table's number, not a second computation of it.
 */
import { CHANNELS, type Channel } from '../model.js';
import type { TicketTable } from '../normalise/table.js';
import type { BandReport, ChannelReport, FirstResponseDistribution, VsReference } from '../report.js';
import { compareRaw, type RawView } from './compare.js';
import type { ByMeasurement } from './byGroups.js';
import { bandsFromEdges, byBand, byChannel, type FollowerBand } from './groups.js';
import { OrderStatistics } from '../stats/orderStatistics.js';
import type { Tally } from '../stats/tally.js';
import { Samples } from './sample.js';
import { slaSummary, type SlaTargets } from './sla.js';
import { summarise } from './summary.js';

/** What the measure stage needs from the settings. */
export interface MeasureSettings {
  reference: Channel;
  bands: readonly number[];
  sla: { firstResponse: SlaTargets | null; resolution: SlaTargets | null };
}

/** The measure stage's hand-off to the judge and the report. */
export interface Measurement {
  table: TicketTable;
  /** Open tickets are censored here (epoch seconds). */
  asOf: number;
  /** Gathered durations, shared with the judge (keyed by the group index arrays below). */
  samples: Samples;
  channelGroups: ReadonlyMap<Channel, Uint32Array>;
  bands: FollowerBand[];
  bandGroups: Uint32Array[];
  channels: ChannelReport[];
  followerBands: BandReport[];
  /** Per-channel first-response quantiles of the answered tickets (box plots). */
  distributions: FirstResponseDistribution[];
  /** --by groups (measure/byGroups.ts), set by the pipeline when --by is given. */
  by?: ByMeasurement;
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
  };
}

/** The reference against itself: ratio 1 by definition, nothing to test. */
export const SELF: VsReference = {
  firstResponseRatio: 1,
  firstResponseRatioCi95: null,
  firstResponseBound: null,
  resolutionRatio: 1,
  resolutionRatioCi95: null,
  resolutionBound: null,
  pValue: null,
  resolutionPValue: null,
  firstResponseVerdict: null,
  resolutionVerdict: null,
};

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Per-channel distribution of answered first responses (R type-7 quantiles of the ended times). */
function distribution(channel: Channel, tally: Tally): FirstResponseDistribution {
  const answered = new OrderStatistics(tally, 'ended');
  const q = (p: number): number | null => (answered.n ? finite(answered.quantile(p)) : null);
  return { channel, n: answered.n, min: q(0), p10: q(0.1), p25: q(0.25), median: q(0.5), p75: q(0.75), p90: q(0.9), max: q(1) };
}

/** measure: every group's summary, and each channel against the reference. */
export function measure(table: TicketTable, asOf: number, settings: MeasureSettings): Measurement {
  const samples = new Samples(table, asOf);
  const channelGroups = byChannel(table);
  const openAge = table.openAge ?? new Float64Array(table.size);
  const reference = channelGroups.get(settings.reference) ?? null;
  const { sla } = settings;
  const channels: ChannelReport[] = [];
  const distributions: FirstResponseDistribution[] = [];
  for (const channel of CHANNELS) {
    const indices = channelGroups.get(channel);
    if (!indices) continue;
    const durations = samples.of(indices);
    distributions.push(distribution(channel, durations.samples.firstResponse));
    const vsReference = !reference
      ? null
      : indices === reference
        ? SELF
        : vsReferenceOf(compareRaw(samples, indices, reference, 'firstResponse'), compareRaw(samples, indices, reference, 'resolution'));
    channels.push({
      channel,
      ...summarise(durations),
      vsReference,
      sla:
        sla.firstResponse || sla.resolution
          ? {
              firstResponse: sla.firstResponse ? slaSummary(table, indices, sla.firstResponse, 'firstResponse', openAge) : null,
              resolution: sla.resolution ? slaSummary(table, indices, sla.resolution, 'resolution', openAge) : null,
            }
          : null,
    });
  }
  const bands = bandsFromEdges(settings.bands);
  const bandGroups = byBand(table, bands);
  const followerBands: BandReport[] = bands.map((band, k) => {
    const indices = bandGroups[k] as Uint32Array;
    const counts = new Uint32Array(CHANNELS.length);
    for (const i of indices) counts[table.channel[i] as number]!++;
    const mix: Partial<Record<Channel, number>> = {};
    CHANNELS.forEach((c, j) => {
      if (counts[j]) mix[c] = counts[j] as number;
    });
    return { band: band.label, min: band.min, max: band.max, ...summarise(samples.of(indices)), channels: mix };
  });
  return { table, asOf, samples, channelGroups, bands, bandGroups, channels, followerBands, distributions };
}
