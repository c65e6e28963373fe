/**
 * Period cutting and per-period measures. Every expected instant is worked out from the calendar
 * (time-zone offsets from the zone's published rules) and every median by hand.
 */
import { describe, expect, it } from 'vitest';
import { measure } from '../../../src/measure/index.js';
import {
  measurePeriods, parseMonth, periodContaining, planPeriods,
} from '../../../src/measure/periods.js';
import { OPEN, RESOLVED, subsetTable, TicketTableBuilder, type TicketTable } from '../../../src/normalise/table.js';
import { ticketRow } from '../../helpers/tickets.js';
import type { Channel } from '../../../src/model.js';

const at = (iso: string): number => Date.parse(iso) / 1000;
const MIN = 60;
const DAY = 86400;

describe('periodContaining', () => {
  it('cuts calendar months in UTC', () => {
    expect(periodContaining('month', at('2026-07-31T23:30:00Z'), 'UTC')).toEqual({ label: '2026-07', start: at('2026-07-01T00:00:00Z'), end: at('2026-08-01T00:00:00Z') });
  });

  it('cuts months in the configured zone: 23:30 UTC on 31 July is 1 August in Berlin (UTC+2 in summer)', () => {
    expect(periodContaining('month', at('2026-07-31T23:30:00Z'), 'Europe/Berlin')).toEqual({
      label: '2026-08',
      start: at('2026-07-31T22:00:00Z'),
      end: at('2026-08-31T22:00:00Z'),
    });
  });

  it('handles the change back to winter time inside a month (Berlin, 25 October 2026)', () => {
    const october = periodContaining('month', at('2026-10-15T12:00:00Z'), 'Europe/Berlin');
    expect(october.start).toBe(at('2026-09-30T22:00:00Z'));
    expect(october.end).toBe(at('2026-10-31T23:00:00Z'));
    expect(october.end - october.start).toBe(31 * DAY + 3600);
    expect(periodContaining('month', at('2026-11-10T12:00:00Z'), 'Europe/Berlin').start).toBe(at('2026-10-31T23:00:00Z'));
  });

  it('cuts ISO weeks starting on Monday, labelled with the ISO week-numbering year', () => {
    // 1 January 2026 is a Thursday: week 1 of 2026 starts Monday 29 December 2025.
    expect(periodContaining('week', at('2026-01-01T12:00:00Z'), 'UTC')).toEqual({ label: '2026-W01', start: at('2025-12-29T00:00:00Z'), end: at('2026-01-05T00:00:00Z') });
    // A year that starts on a Thursday has 53 weeks: 1 January 2027 (a Friday) is in 2026-W53.
    expect(periodContaining('week', at('2027-01-01T12:00:00Z'), 'UTC')).toEqual({ label: '2026-W53', start: at('2026-12-28T00:00:00Z'), end: at('2027-01-04T00:00:00Z') });
    // Monday 5 October 2026 00:00 starts week 41; Sunday 11 October 23:59 is still in it.
    expect(periodContaining('week', at('2026-10-05T00:00:00Z'), 'UTC').label).toBe('2026-W41');
    expect(periodContaining('week', at('2026-10-11T23:59:00Z'), 'UTC').label).toBe('2026-W41');
  });

  it('cuts weeks in the zone: 02:00 UTC on Monday 5 October is still Sunday evening in New York (UTC−4)', () => {
    expect(periodContaining('week', at('2026-10-05T02:00:00Z'), 'America/New_York')).toEqual({
      label: '2026-W40',
      start: at('2026-09-28T04:00:00Z'),
      end: at('2026-10-05T04:00:00Z'),
    });
  });

  it('cuts quarters', () => {
    expect(periodContaining('quarter', at('2026-11-15T00:00:00Z'), 'UTC')).toEqual({ label: '2026-Q4', start: at('2026-10-01T00:00:00Z'), end: at('2027-01-01T00:00:00Z') });
    expect(periodContaining('quarter', at('2026-03-31T23:00:00Z'), 'UTC').label).toBe('2026-Q1');
  });
});

describe('parseMonth', () => {
  it('reads YYYY-MM in the zone and refuses anything else', () => {
    expect(parseMonth('2026-02', 'UTC')).toEqual({ label: '2026-02', start: at('2026-02-01T00:00:00Z'), end: at('2026-03-01T00:00:00Z') });
    expect(parseMonth('2026-10', 'Europe/Berlin')?.start).toBe(at('2026-09-30T22:00:00Z'));
    for (const bad of ['2026-13', '2026-00', '2026-1', 'October', '2026-10-01']) expect(parseMonth(bad, 'UTC')).toBeNull();
  });
});

describe('planPeriods', () => {
  const base = { unit: 'month' as const, timeZone: 'UTC', earliestCreated: at('2026-07-06T10:00:00Z'), latestCreated: at('2026-10-22T10:00:00Z') };

  it('defaults to the month of the latest ticket, with the earlier months that have data', () => {
    const plan = planPeriods({ ...base, focus: null, previous: 12 });
    expect(plan.focus.label).toBe('2026-10');
    expect(plan.focus.custom).toBe(false);
    expect(plan.previous.map((p) => p.label)).toEqual(['2026-07', '2026-08', '2026-09']);
  });

  it('with the as-of time, defaults to the latest complete month that has tickets', () => {
    // data to 22 October, as of 23 October: October is not over, September is the report
    expect(planPeriods({ ...base, focus: null, previous: 12, asOf: at('2026-10-23T00:00:00Z') }).focus.label).toBe('2026-09');
    // as of 1 November 00:00, October is complete
    expect(planPeriods({ ...base, focus: null, previous: 12, asOf: at('2026-11-01T00:00:00Z') }).focus.label).toBe('2026-10');
    // a single partial month: nothing complete has tickets, so the month of the data, partial
    const oneMonth = { ...base, earliestCreated: at('2026-10-02T00:00:00Z') };
    expect(planPeriods({ ...oneMonth, focus: null, previous: 12, asOf: at('2026-10-23T00:00:00Z') }).focus.label).toBe('2026-10');
  });

  it('a period that runs backwards (--since after the last ticket) is an error naming it and the data\'s range', () => {
    expect(() => planPeriods({ ...base, focus: { start: at('2030-01-01T00:00:00Z'), end: null }, previous: 12 })).toThrow('the period 2030-01-01 to 2026-10-22 runs backwards: it holds no ticket');
    expect(() => planPeriods({ ...base, focus: { start: at('2026-08-01T00:00:00Z'), end: at('2026-08-01T00:00:00Z') }, previous: 12 })).toThrow(/runs backwards/);
  });

  it('keeps at most --periods earlier periods', () => {
    expect(planPeriods({ ...base, focus: null, previous: 2 }).previous.map((p) => p.label)).toEqual(['2026-08', '2026-09']);
    expect(planPeriods({ ...base, focus: null, previous: 0 }).previous).toEqual([]);
  });

  it('takes a chosen month; later months are not part of the trend', () => {
    const plan = planPeriods({ ...base, focus: { start: at('2026-08-01T00:00:00Z'), end: at('2026-09-01T00:00:00Z') }, previous: 12 });
    expect(plan.focus).toMatchObject({ label: '2026-08', custom: false });
    expect(plan.previous.map((p) => p.label)).toEqual(['2026-07']);
  });

  it('names a --since/--until range that is not one whole month, and trends over the whole months before it', () => {
    const plan = planPeriods({ ...base, focus: { start: at('2026-10-05T00:00:00Z'), end: at('2026-10-20T00:00:00Z') }, previous: 12 });
    expect(plan.focus).toMatchObject({ label: '2026-10-05 to 2026-10-19', custom: true, start: at('2026-10-05T00:00:00Z'), end: at('2026-10-20T00:00:00Z') });
    expect(plan.previous.map((p) => p.label)).toEqual(['2026-07', '2026-08', '2026-09']);
  });
});

/** A ticket for the table: channel, creation time, minutes to first response, days to resolution (null = open). */
interface Spec {
  channel: Channel;
  created: string;
  firstMinutes: number | null;
  resolutionDays: number | null;
}

function table(specs: Spec[]): TicketTable {
  const builder = new TicketTableBuilder();
  specs.forEach((s, k) => {
    builder.add(
      ticketRow({
        id: `T${k + 1}`,
        customerId: `C${k + 1}`,
        channel: s.channel,
        createdAt: at(s.created),
        firstResponse: s.firstMinutes === null ? null : s.firstMinutes * MIN,
        resolution: s.resolutionDays === null ? null : s.resolutionDays * DAY,
        line: k + 2,
      }),
    );
  });
  return builder.build();
}

// July: phone 60/120/180 min (one open), social 10/20/30 min. August: one phone ticket (90 min).
// September: nothing. October: phone 30 min (open), social 5 and 15 min.
const TICKETS: Spec[] = [
  { channel: 'phone', created: '2026-07-06T10:00:00Z', firstMinutes: 60, resolutionDays: 1 },
  { channel: 'phone', created: '2026-07-13T10:00:00Z', firstMinutes: 120, resolutionDays: 2 },
  { channel: 'phone', created: '2026-07-20T10:00:00Z', firstMinutes: 180, resolutionDays: null },
  { channel: 'social', created: '2026-07-07T10:00:00Z', firstMinutes: 10, resolutionDays: 1 },
  { channel: 'social', created: '2026-07-14T10:00:00Z', firstMinutes: 20, resolutionDays: 1 },
  { channel: 'social', created: '2026-07-21T10:00:00Z', firstMinutes: 30, resolutionDays: 3 },
  { channel: 'phone', created: '2026-08-03T10:00:00Z', firstMinutes: 90, resolutionDays: 1 },
  { channel: 'phone', created: '2026-10-05T10:00:00Z', firstMinutes: 30, resolutionDays: null },
  { channel: 'social', created: '2026-10-06T10:00:00Z', firstMinutes: 5, resolutionDays: 1 },
  { channel: 'social', created: '2026-10-07T10:00:00Z', firstMinutes: 15, resolutionDays: 2 },
];
const AS_OF = at('2026-11-01T00:00:00Z');

describe('measurePeriods', () => {
  const t = table(TICKETS);
  const plan = planPeriods({ unit: 'month', timeZone: 'UTC', focus: null, previous: 12, earliestCreated: at('2026-07-06T10:00:00Z'), latestCreated: at('2026-10-07T10:00:00Z') });
  // minSample 1: every channel counts as enough here (the thin-period rule has its own test below).
  const periods = measurePeriods(t, plan, { reference: 'phone', minSample: 1 }, AS_OF);

  it('lists every month from the first with data to the period of interest, empty months included', () => {
    expect(periods.map((p) => [p.period, p.tickets, p.open, p.current])).toEqual([
      ['2026-07', 6, 1, false],
      ['2026-08', 1, 0, false],
      ['2026-09', 0, 0, false],
      ['2026-10', 3, 1, true],
    ]);
    expect(periods[2]?.channels).toEqual([]);
    expect(periods.every((p) => p.complete)).toBe(true);
  });

  it('measures July: medians, ratio to phone, reference gap; the open phone ticket is censored, not dropped', () => {
    const july = periods[0]!;
    const phone = july.channels.find((c) => c.channel === 'phone')!;
    const social = july.channels.find((c) => c.channel === 'social')!;
    expect(phone).toMatchObject({ tickets: 3, answered: 3, open: 1, firstResponseMedian: 120 * MIN, change: null });
    // Kaplan–Meier: 1d (S = 2/3), 2d (S = 1/3), then censored: the median is 2d.
    // (Dropping the open ticket would give the median of 1d and 2d, 1.5d.)
    expect(phone.resolutionMedian).toBe(2 * DAY);
    expect(social.firstResponseMedian).toBe(20 * MIN);
    expect(social.firstResponseRatio).toBeCloseTo(20 / 120, 9);
    // social resolution 1d, 1d, 3d: median 1d; over phone's 2d = 0.5
    expect(social.resolutionMedian).toBe(DAY);
    expect(social.resolutionRatio).toBeCloseTo(0.5, 9);
    expect(july.referenceGap.firstResponse).toEqual({ channel: 'social', gap: 100 * MIN, ratio: 6, bound: null, ratioBound: null, change: null });
  });

  it('gives the change since the month before, and null where a channel or gap is missing in either', () => {
    const august = periods[1]!;
    const phone = august.channels.find((c) => c.channel === 'phone')!;
    expect(phone.change?.firstResponseMedian).toBe(-30 * MIN); // 90 − 120 minutes
    expect(august.referenceGap.firstResponse).toBeNull(); // no social tickets in August
    const october = periods[3]!;
    // September had no tickets: nothing to compare October with.
    expect(october.channels.find((c) => c.channel === 'phone')?.change).toBeNull();
    // social 5 and 15 minutes: Kaplan–Meier S = 1/2 from 5 to 15, so the median is R's
    // midpoint, 10; phone 30: gap 20 minutes, change unknown
    expect(october.referenceGap.firstResponse).toEqual({ channel: 'social', gap: 20 * MIN, ratio: 3, bound: null, ratioBound: null, change: null });
  });

  it('marks channels below minSample and never headlines them in the gap', () => {
    // minSample 3: July has 3 phone and 3 social tickets (enough); October 1 phone, 2 social.
    const strict = measurePeriods(t, plan, { reference: 'phone', minSample: 3 }, AS_OF);
    const [july, , , october] = strict;
    expect(july?.channels.map((c) => [c.channel, c.enough])).toEqual([['phone', true], ['social', true]]);
    expect(october?.channels.map((c) => [c.channel, c.enough])).toEqual([['phone', false], ['social', false]]);
    expect(july?.referenceGap.firstResponse?.gap).toBe(100 * MIN);
    expect(october?.referenceGap.firstResponse).toBeNull();
  });

  it('gives no change to a channel with too few tickets in the period: shown as too few, not compared', () => {
    // minSample 2: July has 3 phone tickets (enough), August 1 (too few). With minSample 1 the
    // change of August's phone is 90 − 120 = −30 minutes (above); here it is not computed, so
    // the JSON, the CSV and the Markdown/HTML trend all show none. October's 2 social tickets
    // are enough, but September had none: no change either.
    const [, august, , october] = measurePeriods(t, plan, { reference: 'phone', minSample: 2 }, AS_OF);
    const phone = august?.channels.find((c) => c.channel === 'phone');
    expect(phone).toMatchObject({ tickets: 1, enough: false, firstResponseMedian: 90 * MIN, change: null });
    expect(october?.channels.map((c) => [c.channel, c.enough, c.change])).toEqual([['phone', false, null], ['social', true, null]]);
  });

  it("counts a metric's own tickets, as the gates and findings do: a duration left out is not one (found by an independent review)", () => {
    // minSample 2. July: phone 60 and 120 min (median 90), resolved in 1 and 2 days; social 10 and
    // 20 min (median 15), one resolved in 1 day, the other's resolution left out (a bad value):
    // social has 2 tickets but 1 in its resolution estimate. August: phone 30 and 50 min (median
    // 40), social 10 and 30 min (median 20), every resolution measured.
    const rows: Array<[Channel, string, number, number | 'excluded']> = [
      ['phone', '2026-07-06T10:00:00Z', 60, DAY],
      ['phone', '2026-07-07T10:00:00Z', 120, 2 * DAY],
      ['social', '2026-07-08T10:00:00Z', 10, DAY],
      ['social', '2026-07-09T10:00:00Z', 20, 'excluded'],
      ['phone', '2026-08-03T10:00:00Z', 30, DAY],
      ['phone', '2026-08-04T10:00:00Z', 50, DAY],
      ['social', '2026-08-05T10:00:00Z', 10, DAY],
      ['social', '2026-08-06T10:00:00Z', 30, 3 * DAY],
    ];
    const builder = new TicketTableBuilder();
    rows.forEach(([channel, created, first, resolution], k) => {
      builder.add(ticketRow({ id: `T${k + 1}`, customerId: `C${k + 1}`, channel, createdAt: at(created), firstResponse: first * MIN, resolution, line: k + 2 }));
    });
    const two = planPeriods({ unit: 'month', timeZone: 'UTC', focus: null, previous: 12, earliestCreated: at('2026-07-06T10:00:00Z'), latestCreated: at('2026-08-06T10:00:00Z') });
    const [july, august] = measurePeriods(builder.build(), two, { reference: 'phone', minSample: 2 }, AS_OF);
    const julySocial = july?.channels.find((c) => c.channel === 'social');
    expect(julySocial).toMatchObject({ tickets: 2, firstResponseN: 2, resolutionN: 1, firstResponseEnough: true, resolutionEnough: false, enough: false });
    // July's resolution gap has no other channel with enough resolved tickets; first response: 90 − 15 = 75
    expect(july?.referenceGap.resolution).toBeNull();
    expect(july?.referenceGap.firstResponse?.gap).toBe(75 * MIN);
    // August social: first response 20 − 15 = +5 min, its ratio 20/40 − 15/90 = 1/3; no resolution
    // change (July's one measurable resolution is too few, as a resolution gate would say)
    const change = august?.channels.find((c) => c.channel === 'social')?.change;
    expect(change?.firstResponseMedian).toBe(5 * MIN);
    expect(change?.firstResponseRatio).toBeCloseTo(20 / 40 - 15 / 90, 12);
    expect(change?.resolutionMedian).toBeNull();
  });

  it('gives no change after a period with too few tickets, nor a gap change when the fastest channel is another', () => {
    // minSample 2. July: phone 1 ticket (60 min, too few), social 10 and 20 min (enough, median
    // 15 by the midpoint rule). August: phone 30 and 50 min (enough, median 40), chat 4 and 6 min
    // (median 5), social 10 and 20 (median 15). August phone's change would be 40 − 60 = −20 min
    // against one July ticket: not given. July has no gap (phone too few); with minSample 1 July's
    // gap is to social (60 − 15 = 45) and August's to chat (40 − 5 = 35): another pair, no change.
    const specs: Spec[] = [
      { channel: 'phone', created: '2026-07-06T10:00:00Z', firstMinutes: 60, resolutionDays: 1 },
      { channel: 'social', created: '2026-07-07T10:00:00Z', firstMinutes: 10, resolutionDays: 1 },
      { channel: 'social', created: '2026-07-08T10:00:00Z', firstMinutes: 20, resolutionDays: 1 },
      { channel: 'phone', created: '2026-08-03T10:00:00Z', firstMinutes: 30, resolutionDays: 1 },
      { channel: 'phone', created: '2026-08-04T10:00:00Z', firstMinutes: 50, resolutionDays: 1 },
      { channel: 'chat', created: '2026-08-05T10:00:00Z', firstMinutes: 4, resolutionDays: 1 },
      { channel: 'chat', created: '2026-08-06T10:00:00Z', firstMinutes: 6, resolutionDays: 1 },
      { channel: 'social', created: '2026-08-07T10:00:00Z', firstMinutes: 10, resolutionDays: 1 },
      { channel: 'social', created: '2026-08-08T10:00:00Z', firstMinutes: 20, resolutionDays: 1 },
    ];
    const two = planPeriods({ unit: 'month', timeZone: 'UTC', focus: null, previous: 12, earliestCreated: at('2026-07-06T10:00:00Z'), latestCreated: at('2026-08-08T10:00:00Z') });
    const [july, august] = measurePeriods(table(specs), two, { reference: 'phone', minSample: 2 }, AS_OF);
    expect(july?.channels.map((c) => [c.channel, c.enough])).toEqual([['phone', false], ['social', true]]);
    const phone = august?.channels.find((c) => c.channel === 'phone');
    expect([phone?.enough, phone?.firstResponseMedian, phone?.change]).toEqual([true, 40 * MIN, null]);
    // social is enough in both: 15 − 15 = 0; its ratio to phone has no change, phone (the
    // reference) having too few tickets in July
    const social = august?.channels.find((c) => c.channel === 'social');
    expect([social?.change?.firstResponseMedian, social?.change?.firstResponseRatio]).toEqual([0, null]);
    const [july1, august1] = measurePeriods(table(specs), two, { reference: 'phone', minSample: 1 }, AS_OF);
    expect([july1?.referenceGap.firstResponse?.channel, july1?.referenceGap.firstResponse?.gap]).toEqual(['social', 45 * MIN]);
    expect(august1?.referenceGap.firstResponse).toMatchObject({ channel: 'chat', gap: 35 * MIN, change: null });
  });

  it('never names a channel whose median is not reached "the fastest" (found by an independent review)', () => {
    // July, as-of 1 August: phone 60 and 120 min (median 90 by the midpoint rule); chat two
    // tickets never answered, created 31 July 23:50 and 23:40 (waiting 10 and 20 min: median not
    // reached, at least 15 min by the midpoint, a lower bound below social's); social 30 and 50
    // min (median 40). The fastest channel is social (a known 40 min), not chat: gap 90 − 40 = 50.
    const asOf = at('2026-08-01T00:00:00Z');
    const specs: Spec[] = [
      { channel: 'phone', created: '2026-07-06T10:00:00Z', firstMinutes: 60, resolutionDays: 1 },
      { channel: 'phone', created: '2026-07-07T10:00:00Z', firstMinutes: 120, resolutionDays: 1 },
      { channel: 'chat', created: '2026-07-31T23:50:00Z', firstMinutes: null, resolutionDays: null },
      { channel: 'chat', created: '2026-07-31T23:40:00Z', firstMinutes: null, resolutionDays: null },
      { channel: 'social', created: '2026-07-08T10:00:00Z', firstMinutes: 30, resolutionDays: 1 },
      { channel: 'social', created: '2026-07-09T10:00:00Z', firstMinutes: 50, resolutionDays: 1 },
    ];
    const one = planPeriods({ unit: 'month', timeZone: 'UTC', focus: null, previous: 12, earliestCreated: at('2026-07-06T10:00:00Z'), latestCreated: at('2026-07-31T23:50:00Z') });
    const [july] = measurePeriods(table(specs), one, { reference: 'phone', minSample: 1 }, asOf);
    const chat = july?.channels.find((c) => c.channel === 'chat');
    expect([chat?.firstResponseMedian, chat?.firstResponseBound]).toEqual([15 * MIN, 'lower']);
    expect(july?.referenceGap.firstResponse).toEqual({ channel: 'social', gap: 50 * MIN, ratio: 90 / 40, bound: null, ratioBound: null, change: null });
  });

  it('counts a phone ticket never answered as still waiting: the median becomes a bound', () => {
    // Three phone tickets, two never answered (ages 10 and 20 days at the as-of time), one at 60
    // minutes. Kaplan–Meier: S(60m) = 2/3 and then only censorings, so the median is not reached;
    // the median of the observed times (60m, 10d, 20d) is 10d, a lower bound.
    const asOf = at('2026-07-31T00:00:00Z');
    const specs: Spec[] = [
      { channel: 'phone', created: '2026-07-21T00:00:00Z', firstMinutes: null, resolutionDays: null },
      { channel: 'phone', created: '2026-07-11T00:00:00Z', firstMinutes: null, resolutionDays: null },
      { channel: 'phone', created: '2026-07-01T00:00:00Z', firstMinutes: 60, resolutionDays: 1 },
      { channel: 'social', created: '2026-07-02T00:00:00Z', firstMinutes: 30, resolutionDays: 1 },
    ];
    const one = planPeriods({ unit: 'month', timeZone: 'UTC', focus: null, previous: 0, earliestCreated: at('2026-07-01T00:00:00Z'), latestCreated: at('2026-07-21T00:00:00Z') });
    const [july] = measurePeriods(table(specs), one, { reference: 'phone', minSample: 1 }, asOf);
    const phone = july?.channels.find((c) => c.channel === 'phone');
    expect(phone).toMatchObject({ firstResponseMedian: 10 * DAY, firstResponseBound: 'lower', answeredMedian: 60 * MIN });
    // the reference against itself is 1, as in the audit's table, bound or not
    expect([phone?.firstResponseRatio, phone?.firstResponseRatioBound, phone?.resolutionRatio, phone?.resolutionRatioBound]).toEqual([1, null, 1, null]);
    // social's 30 minutes over phone's "at least 10 days": at most 30m/10d, an upper bound.
    const social = july?.channels.find((c) => c.channel === 'social');
    expect(social?.firstResponseRatio).toBeCloseTo(1800 / 864000, 12);
    expect(social?.firstResponseRatioBound).toBe('upper');
  });
});

describe('reference gap bounds', () => {
  it('a median under a second bounds the ratio, not the gap: 3h − 0s is exactly 3h, as the gate gap(...) reads it', () => {
    // July: phone answered in 2h, 3h and 4h (median 3h); email answered all three in the second
    // the ticket came in (median 0s). The gap phone − email is 3h − 0s = 3h, a difference of two
    // medians the data give exactly. The ratio divides by at least one second: phone over email
    // is at least 10800 (a lower bound). August: phone 1h, 2h, 3h (median 2h), email 0s again:
    // gap 2h exactly, so its change since July is 2h − 3h = −1h.
    const specs: Spec[] = [
      { channel: 'phone', created: '2026-07-06T10:00:00Z', firstMinutes: 120, resolutionDays: 1 },
      { channel: 'phone', created: '2026-07-07T10:00:00Z', firstMinutes: 180, resolutionDays: 1 },
      { channel: 'phone', created: '2026-07-08T10:00:00Z', firstMinutes: 240, resolutionDays: 1 },
      { channel: 'email', created: '2026-07-06T10:00:00Z', firstMinutes: 0, resolutionDays: 1 },
      { channel: 'email', created: '2026-07-07T10:00:00Z', firstMinutes: 0, resolutionDays: 1 },
      { channel: 'email', created: '2026-07-08T10:00:00Z', firstMinutes: 0, resolutionDays: 1 },
      { channel: 'phone', created: '2026-08-06T10:00:00Z', firstMinutes: 60, resolutionDays: 1 },
      { channel: 'phone', created: '2026-08-07T10:00:00Z', firstMinutes: 120, resolutionDays: 1 },
      { channel: 'phone', created: '2026-08-08T10:00:00Z', firstMinutes: 180, resolutionDays: 1 },
      { channel: 'email', created: '2026-08-06T10:00:00Z', firstMinutes: 0, resolutionDays: 1 },
      { channel: 'email', created: '2026-08-07T10:00:00Z', firstMinutes: 0, resolutionDays: 1 },
      { channel: 'email', created: '2026-08-08T10:00:00Z', firstMinutes: 0, resolutionDays: 1 },
    ];
    const plan = planPeriods({ unit: 'month', timeZone: 'UTC', focus: null, previous: 1, earliestCreated: at('2026-07-06T10:00:00Z'), latestCreated: at('2026-08-08T10:00:00Z') });
    const [july, august] = measurePeriods(table(specs), plan, { reference: 'phone', minSample: 1 }, at('2026-09-01T00:00:00Z'));
    expect(july?.referenceGap.firstResponse).toEqual({ channel: 'email', gap: 3 * 3600, ratio: 3 * 3600, bound: null, ratioBound: 'lower', change: null });
    expect(august?.referenceGap.firstResponse).toEqual({ channel: 'email', gap: 2 * 3600, ratio: 2 * 3600, bound: null, ratioBound: 'lower', change: -3600 });
  });
});

describe('subsetTable', () => {
  it('cuts every column the same way and shares the dictionaries', () => {
    const t = table(TICKETS);
    const sub = subsetTable(t, [1, 7]);
    expect(sub.size).toBe(2);
    expect(sub.id.toArray()).toEqual(['T2', 'T8']);
    expect([...sub.createdAt]).toEqual([at('2026-07-13T10:00:00Z'), at('2026-10-05T10:00:00Z')]);
    expect([...sub.resolutionState]).toEqual([RESOLVED, OPEN]);
    expect(sub.dictionaries).toBe(t.dictionaries);
    expect(sub.dictionaries.customer.valueOf(sub.customer[1] as number)).toBe('C8');
  });
});

describe('first-response distributions (measure stage)', () => {
  it('gives the Kaplan–Meier quantiles of each channel, as the tables read their median and p90', () => {
    const july = table(TICKETS.slice(0, 6));
    const [phone, social] = measure(july, AS_OF, { reference: 'phone', bands: [1000], sla: { firstResponse: null, resolution: null } }).distributions;
    // phone 60, 120, 180 minutes, all answered: S = 2/3, 1/3, 0 after each. A quantile p is the
    // first time S ≤ 1 − p (below it for the median, else the midpoint): p10 and p25 at 60 (2/3
    // is already ≤ 0.9 and ≤ 0.75), median 120 (1/3 < 0.5), p75 and p90 at 180. (Until 3 December
    // 2026 these were R's type-7 quantiles of the answered tickets: 72, 90, 150, 168.)
    expect(phone).toEqual({
      channel: 'phone', n: 3, answered: 3, min: 60 * MIN,
      p10: 60 * MIN, p10Bound: null, p25: 60 * MIN, p25Bound: null, median: 120 * MIN, medianBound: null,
      p75: 180 * MIN, p75Bound: null, p90: 180 * MIN, p90Bound: null, max: 180 * MIN, maxBound: null,
    });
    expect(social?.median).toBe(20 * MIN);
  });
});
