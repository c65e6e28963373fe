/**
 * Hand-built Report objects for gate tests: every number is written here, not computed by parity.
 */
import type { Channel } from '../../../src/model.js';
import type { BandReport, ChannelReport, Finding, Report } from '../../../src/report.js';

export interface GroupNumbers {
  tickets: number;
  answered?: number;
  answeredShare?: number | null;
  resolvedShare?: number | null;
  /** n = tickets in the estimate (answered + still waiting); bound 'lower' = the median is only a lower bound. */
  firstResponse: { n: number; median: number | null; p90: number | null; bound?: 'lower' | null };
  resolution?: { n: number; resolved: number; median: number | null; p90: number | null; bound?: 'lower' | null };
}

function group(g: GroupNumbers): Omit<ChannelReport, 'channel' | 'vsReference' | 'sla'> {
  const resolution = g.resolution ?? { n: g.tickets, resolved: g.tickets, median: 36000, p90: 72000 };
  return {
    tickets: g.tickets,
    answered: g.answered ?? g.firstResponse.n,
    answeredShare: g.answeredShare === undefined ? g.firstResponse.n / g.tickets : g.answeredShare,
    resolvedShare: g.resolvedShare === undefined ? resolution.resolved / g.tickets : g.resolvedShare,
    firstResponse: { p90Bound: null, ...g.firstResponse, bound: g.firstResponse.bound ?? null, ci95: null, answeredMedian: g.firstResponse.median, method: 'kaplan-meier' },
    resolution: { p90Bound: null, ...resolution, bound: resolution.bound ?? null, ci95: null, method: 'kaplan-meier' },
  };
}

export function channel(name: Channel, g: GroupNumbers): ChannelReport {
  return { channel: name, ...group(g), vsReference: null, sla: null };
}

export function band(label: string, g: GroupNumbers, channels: BandReport['channels'] = {}): BandReport {
  return { band: label, min: null, max: null, ...group(g), channels };
}

export function finding(subject: string, significant: boolean, message = `${subject} is served differently`): Finding {
  return {
    kind: 'channel-preference',
    subject,
    significant,
    verdict: significant ? 'preference' : 'no-preference',
    effect: 0.5,
    pValue: significant ? 0.001 : 0.4,
    message,
  };
}

export function handReport(parts: { channels: ChannelReport[]; followerBands?: BandReport[]; findings?: Finding[] }): Report {
  return {
    schemaVersion: 2,
    tool: { name: 'parity', version: '0.0.0-test' },
    generatedAt: null,
    input: {
      files: ['hand.csv'],
      format: 'generic',
      formats: [],
      rowsRead: 0,
      rowsUsed: 0,
      tickets: 0,
      rowsRejected: 0,
      dataQuality: [],
      unknownChannels: [],
      channelValues: [],
      notes: [],
    },
    period: { from: null, to: null, asOf: null },
    settings: { reference: 'phone', timeZone: 'UTC', clock: 'calendar', bands: [1000, 10000, 100000], tolerance: { low: 0.8, high: 1.25 }, alpha: 0.05, minSample: 30 },
    reference: 'phone',
    channels: parts.channels,
    followerBands: parts.followerBands ?? [],
    findings: parts.findings ?? [],
    gates: [],
  };
}
