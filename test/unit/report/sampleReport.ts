/**
 * A hand-built Report for the document renderers' tests and goldens: three channels, bands, a
 * three-month trend, chart data, findings with evidence and a hostile message, gates, and data
 * quality whose examples and channel values are hostile. Built by hand so the goldens do not move
 * when the pipeline or the findings change; the numbers are round so the output can be read
 * against them.
 */
import type { ChannelReport, Finding, PeriodReport, Report } from '../../../src/report.js';

export const HOSTILE_SCRIPT = '<script>alert(1)</script>';
export const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
export const HOSTILE_MARKDOWN = '| pipe | `tick` *star* _under_ [link](javascript:alert(1)) # & ~strike~';

const H = 3600;
const D = 86400;

type Verdict = Finding['verdict'];

function channel(
  name: ChannelReport['channel'],
  tickets: number,
  firstMedian: number,
  resolutionMedian: number,
  ratio: number | null,
  verdict: Verdict | null = null,
  notReached = false,
): ChannelReport {
  return {
    channel: name,
    tickets,
    answered: notReached ? Math.floor(tickets / 3) : tickets,
    answeredShare: notReached ? Math.floor(tickets / 3) / tickets : 1,
    resolvedShare: 0.9,
    firstResponse: notReached
      ? { n: tickets, median: firstMedian, bound: 'lower', p90: firstMedian * 2, p90Bound: 'lower', ci95: [firstMedian / 2, null], answeredMedian: firstMedian / 8, method: 'kaplan-meier' }
      : { n: tickets, median: firstMedian, bound: null, p90: firstMedian * 2, p90Bound: null, ci95: [firstMedian / 2, firstMedian * 1.5], answeredMedian: firstMedian * 0.9, method: 'kaplan-meier' },
    resolution: { n: tickets, resolved: tickets - 1, median: resolutionMedian, bound: null, p90: null, p90Bound: null, ci95: [resolutionMedian / 2, null], method: 'kaplan-meier' },
    vsReference:
      ratio === null
        ? null
        : {
            firstResponseRatio: ratio,
            firstResponseRatioCi95: notReached ? [ratio / 2, null] : [ratio / 2, ratio * 2],
            firstResponseBound: notReached ? 'lower' : null,
            resolutionRatio: 1,
            resolutionRatioCi95: [0.5, 2],
            resolutionBound: null,
            pValue: 0.01,
            resolutionPValue: 0.5,
            firstResponseVerdict: name === 'phone' ? null : verdict,
            resolutionVerdict: name === 'phone' ? null : 'within-tolerance',
            firstResponseVerdictHoldsOverall: name === 'phone' || verdict === null ? null : true,
            resolutionVerdictHoldsOverall: name === 'phone' ? null : true,
          },
    sla: null,
  };
}

function metric(median: number, p90: number | null, ci95: [number | null, number | null] | null): ChannelReport['resolution'] {
  return { n: 10, resolved: 10, median, bound: null, p90, p90Bound: null, ci95, method: 'kaplan-meier' };
}

function first(n: number, median: number, p90: number, ci95: [number, number]): ChannelReport['firstResponse'] {
  return { n, median, bound: null, p90, p90Bound: null, ci95, answeredMedian: median, method: 'kaplan-meier' };
}

const exact = { firstResponseBound: null, resolutionBound: null, firstResponseRatioBound: null, resolutionRatioBound: null, enough: true, firstResponseEnough: true, resolutionEnough: true } as const;

/** Every ticket in both estimates (no duration left out). */
function measured(n: number): { tickets: number; firstResponseN: number; resolutionN: number } {
  return { tickets: n, firstResponseN: n, resolutionN: n };
}

function period(label: string, from: string, to: string, current: boolean, phone: number, social: number, change: { phone: number; social: number; gap: number } | null): PeriodReport {
  return {
    period: label,
    from,
    to,
    current,
    complete: true,
    tickets: 50,
    open: current ? 2 : 0,
    // every channel's tickets answered (answered = measured n)
    unanswered: 0,
    channels: [
      { ...exact, channel: 'phone', ...measured(30), answered: 30, open: current ? 2 : 0, unanswered: 0, firstResponseMedian: phone, answeredMedian: phone, resolutionMedian: 2 * D, firstResponseRatio: 1, resolutionRatio: 1, change: change ? { firstResponseMedian: change.phone, resolutionMedian: 0, firstResponseRatio: 0 } : null },
      { ...exact, channel: 'social', ...measured(20), answered: 20, open: 0, unanswered: 0, firstResponseMedian: social, answeredMedian: social, resolutionMedian: 2 * D, firstResponseRatio: social / phone, resolutionRatio: 1, change: change ? { firstResponseMedian: change.social, resolutionMedian: 0, firstResponseRatio: null } : null },
      // chat: three tickets a month, below minSample: shown, marked, never headlined
      { ...exact, channel: 'chat', ...measured(3), answered: 3, open: 0, unanswered: 0, firstResponseMedian: 600, answeredMedian: 600, resolutionMedian: D, firstResponseRatio: 600 / phone, resolutionRatio: 0.5, enough: false, firstResponseEnough: false, resolutionEnough: false, change: null },
    ],
    referenceGap: {
      firstResponse: { channel: 'social', gap: phone - social, ratio: phone / social, bound: null, ratioBound: null, change: change ? change.gap : null },
      resolution: { channel: 'social', gap: 0, ratio: 1, bound: null, ratioBound: null, change: change ? 0 : null },
    },
  };
}

export function sampleFindings(): Finding[] {
  return [
    {
      kind: 'channel-preference',
      subject: 'social',
      metric: 'firstResponse',
      significant: true,
      verdict: 'preference',
      effect: 0.25,
      effectCi95: [0.2, 0.31],
      pValue: 0.00001,
      pValueAdjusted: 0.00004,
      n: { social: 20, phone: 30 },
      rule: 'CI outside 0.80–1.25 and Holm p < 0.05',
      message: `social tickets are answered 4× faster than phone tickets; customer C1234 wrote ${HOSTILE_SCRIPT}`,
      details: { customerId: 'C1234', excerpt: `@loud_fan says ${HOSTILE_IMG}`, strata: 3 },
    },
    {
      kind: 'follower-preference',
      subject: 'followers',
      significant: false,
      verdict: 'insufficient-data',
      effect: null,
      pValue: null,
      message: `Too few social tickets with a follower count ${HOSTILE_MARKDOWN}`,
    },
  ];
}

/** The report of October 2026 with the trend of August–October. */
export function sampleReport(): Report {
  return {
    schemaVersion: 2,
    tool: { name: 'parity', version: '9.9.9' },
    generatedAt: null,
    input: {
      files: ['exports/october.csv'],
      format: 'generic',
      formats: [{ file: 'exports/october.csv', format: 'generic', formatLabel: 'Generic CSV', confidence: 1, rowsRead: 153 }],
      rowsRead: 153,
      rowsUsed: 150,
      rowsRejected: 3,
      // the report's input describes the period of interest's tickets (buildReport on the period)
      tickets: 50,
      dataQuality: [
        { kind: 'bad-created', severity: 'error', count: 3, example: { file: 'exports/october.csv', line: 7, column: 'created_at', value: HOSTILE_IMG, detail: `cannot read date "${HOSTILE_IMG}"` } },
        { kind: 'missing-customer', severity: 'note', count: 1, example: { file: 'exports/october.csv', line: 9, column: 'customer_id', value: 'C9876', detail: 'customer C9876 has no e-mail' } },
      ],
      unknownChannels: [{ raw: HOSTILE_SCRIPT, count: 1 }],
      channelValues: [
        { raw: 'Phone', channel: 'phone', count: 30 },
        { raw: 'Twitter', channel: 'social', count: 19 },
        { raw: HOSTILE_SCRIPT, channel: 'other', count: 1 },
      ],
      notes: [`header note ${HOSTILE_MARKDOWN}`],
    },
    period: { from: '2026-10-01T08:00:00.000Z', to: '2026-10-30T17:00:00.000Z', asOf: '2026-11-01T00:00:00.000Z' },
    settings: { reference: 'phone', timeZone: 'UTC', clock: 'calendar', bands: [1000, 10000, 100000], tolerance: { low: 0.8, high: 1.25 }, alpha: 0.05, minSample: 30 },
    reference: 'phone',
    channels: [
      channel('phone', 30, 2 * H, 2 * D, 1),
      channel('email', 30, 3 * D, 3 * D, 36, 'no-preference', true),
      channel('social', 20, 30 * 60, 2 * D, 0.25, 'preference'),
    ],
    followerBands: [
      { band: '<1k', min: 0, max: 1000, tickets: 10, answered: 10, answeredShare: 1, resolvedShare: 1, firstResponse: first(10, 40 * 60, 50 * 60, [30 * 60, 45 * 60]), resolution: metric(D, null, null), channels: { social: 10 } },
      { band: '100k+', min: 100000, max: null, tickets: 10, answered: 10, answeredShare: 1, resolvedShare: 1, firstResponse: first(10, 10 * 60, 20 * 60, [5 * 60, 15 * 60]), resolution: metric(D, null, null), channels: { social: 10 } },
      { band: 'unknown', min: null, max: null, tickets: 60, answered: 40, answeredShare: 2 / 3, resolvedShare: 0.9, firstResponse: first(60, 2 * H, 4 * H, [H, 3 * H]), resolution: { ...metric(2 * D, null, null), n: 60, resolved: 54 }, channels: { phone: 30, email: 30 } },
    ],
    findings: sampleFindings(),
    gates: [{ expression: 'ratio(phone,social).firstResponse.median > 3', value: 4, threshold: 3, passed: false, reason: null }],
    reportPeriod: { unit: 'month', label: '2026-10', custom: false, from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', timeZone: 'UTC', previous: 12, tickets: 50, allTickets: 150, open: 2, complete: true },
    periods: [
      period('2026-08', '2026-08-01T00:00:00.000Z', '2026-09-01T00:00:00.000Z', false, 3 * H, 60 * 60, null),
      // phone 3h → 2h 30m (−30m), social 1h → 45m (−15m); gap 2h → 1h 45m (−15m)
      period('2026-09', '2026-09-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z', false, 2.5 * H, 45 * 60, { phone: -30 * 60, social: -15 * 60, gap: -15 * 60 }),
      // phone 2h 30m → 2h (−30m), social 45m → 30m (−15m); gap 1h 45m → 1h 30m (−15m)
      period('2026-10', '2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', true, 2 * H, 30 * 60, { phone: -30 * 60, social: -15 * 60, gap: -15 * 60 }),
    ],
    distributions: {
      firstResponse: [
        { channel: 'phone', n: 30, answered: 30, min: 10 * 60, p10: 30 * 60, p10Bound: null, p25: H, p25Bound: null, median: 2 * H, medianBound: null, p75: 3 * H, p75Bound: null, p90: 5 * H, p90Bound: null, max: 8 * H, maxBound: null },
        { channel: 'social', n: 20, answered: 20, min: 0, p10: 5 * 60, p10Bound: null, p25: 15 * 60, p25Bound: null, median: 30 * 60, medianBound: null, p75: 45 * 60, p75Bound: null, p90: H, p90Bound: null, max: 2 * H, maxBound: null },
      ],
    },
  };
}

/** The same audit without the report's period cut (what `parity audit --format html` renders). */
export function sampleAudit(): Report {
  const { reportPeriod: _rp, periods: _p, ...rest } = sampleReport();
  return rest;
}
