// Durations and ages in whole seconds, rounded half up (the as-of time rounded up), from either producer: timestamps with
// fractions of a second gave the in-process audit other numbers than the count query, which
// rounds (a plain median of 2.4 s against 2 s; a ticket 4h 0.4s old breached a 4h target in one
// and not the other). Local times on a change of clocks are read alike too.
import { expect, test } from 'vitest';
import { bothProducers } from '../helpers/audit.js';
import { tempCsv } from '../helpers/exec.js';

test('fractions of a second: the same whole-second numbers in-process and from DuckDB', async () => {
  // By hand: phone answered after 0.6 s, 2.4 s and 3.4 s → whole seconds 1, 2, 3: median 2 (the
  // unrounded median would be 2.4). Email E1 created 10:00:00, still waiting at the as-of time
  // 14:00:00.4, which is rounded up to 14:00:01 (--as-of, like the default, in whole seconds
  // rounded up): 14401 s, past the 4h target (breached); E2 answered in 30 s (met).
  const path = tempCsv('fractions.csv', [
    'ticket_id,channel,created_at,first_response_at',
    'P1,phone,2026-09-14T10:00:00.000Z,2026-09-14T10:00:00.600Z',
    'P2,phone,2026-09-14T10:00:00.000Z,2026-09-14T10:00:02.400Z',
    'P3,phone,2026-09-14T10:00:00.000Z,2026-09-14T10:00:03.400Z',
    'E1,email,2026-09-14T10:00:00.000Z,',
    'E2,email,2026-09-14T10:00:00.000Z,2026-09-14T10:00:30.000Z',
  ]);
  for (const report of await bothProducers([path], { asOf: '2026-09-14T14:00:00.400Z' }, { sla: { firstResponse: { default: '4h' } } })) {
    const phone = report.channels.find((c) => c.channel === 'phone');
    const email = report.channels.find((c) => c.channel === 'email');
    expect([phone?.firstResponse.median, phone?.firstResponse.answeredMedian]).toEqual([2, 2]);
    expect([email?.sla?.firstResponse?.met, email?.sla?.firstResponse?.breached, email?.sla?.firstResponse?.notYetDue]).toEqual([1, 1, 0]);
  }
});

test('a default as-of time with a fraction is whole seconds too: ages agree with DuckDB', async () => {
  // P1–P3 never answered, created 00:00:00, 00:00:01, 00:00:02; the latest time in the data is a
  // resolution at 00:10:00.700, so the as-of time is 00:10:01 (rounded up) and the ages are
  // 601, 600 and 599 s: the first-response median is not reached, a bound of 600 s
  const path = tempCsv('as-of.csv', [
    'ticket_id,channel,created_at,first_response_at,resolved_at,status',
    'P1,phone,2026-09-14T00:00:00Z,,,open',
    'P2,phone,2026-09-14T00:00:01Z,,,open',
    'P3,phone,2026-09-14T00:00:02Z,,,open',
    'E1,email,2026-09-14T00:00:00Z,2026-09-14T00:05:00Z,2026-09-14T00:10:00.700Z,solved',
  ]);
  for (const report of await bothProducers([path], {}, { minSample: 1 })) {
    expect(report.period.asOf).toBe('2026-09-14T00:10:01.000Z');
    const phone = report.channels.find((c) => c.channel === 'phone');
    expect([phone?.firstResponse.median, phone?.firstResponse.bound]).toEqual([600, 'lower']);
  }
});

test('the data\'s latest time given as --as-of reads the data as the default does', async () => {
  // By hand: the latest time is E3's creation, 00:00:00.400 on 2 November; the as-of time is
  // 00:00:01 either way (rounded up). Nothing lies after it: E3 is kept (waiting 1 s after
  // rounding 0.6 s), E2's reply at 00:00:00.300 counts (answered after 14h 0.3 s → 50400 s),
  // P1 answered after 1h. (Rounded half up, the as-of time would have been 00:00:00 and
  // --as-of would have left E3 out and E2 unanswered, unlike the default.)
  const path = tempCsv('as-of-latest.csv', [
    'ticket_id,channel,created_at,first_response_at,resolved_at,status',
    'P1,phone,2026-11-01T10:00:00Z,2026-11-01T11:00:00Z,,open',
    'E2,email,2026-11-01T10:00:00Z,2026-11-02T00:00:00.300Z,,open',
    'E3,email,2026-11-02T00:00:00.400Z,,,open',
  ]);
  const reports = [...(await bothProducers([path], {}, { minSample: 1 })), ...(await bothProducers([path], { asOf: '2026-11-02T00:00:00.400Z' }, { minSample: 1 }))];
  for (const report of reports) {
    expect(report.period.asOf).toBe('2026-11-02T00:00:01.000Z');
    expect([report.input.rowsUsed, report.input.rowsRejected]).toEqual([3, 0]);
    const email = report.channels.find((c) => c.channel === 'email');
    expect([email?.tickets, email?.answered, email?.firstResponse.answeredMedian]).toEqual([2, 1, 50400]);
  }
});

test('a duration that puts a resolution after the year 9999 is left out of resolution by both producers', async () => {
  // By hand: R1–R3 resolved after 10, 20 and 30 minutes; R4's 144,000,000,000 minutes
  // (8.64e12 s) would end past the year 9999, so it is left out of resolution: 3 resolved,
  // median 20 min = 1200 s; the as-of time is R3's resolution, 00:30:00 (not R4's)
  const path = tempCsv('past-9999.csv', [
    'ticket_id,channel,created_at,resolution_minutes,status',
    'R1,phone,2026-09-14T00:00:00Z,10,solved',
    'R2,phone,2026-09-14T00:00:00Z,20,solved',
    'R3,phone,2026-09-14T00:00:00Z,30,solved',
    'R4,phone,2026-09-14T00:00:00Z,144000000000,solved',
  ]);
  for (const report of await bothProducers([path], {}, { minSample: 1 })) {
    expect(report.period.asOf).toBe('2026-09-14T00:30:00.000Z');
    const phone = report.channels.find((c) => c.channel === 'phone');
    expect([phone?.tickets, phone?.resolution.resolved, phone?.resolution.n, phone?.resolution.median]).toEqual([4, 3, 3, 1200]);
  }
});

test('local times on a change of clocks are read alike in-process and by DuckDB', async () => {
  // New York: 02:30 on 8 March does not exist (read as 03:30 EDT), 01:30 on 1 November occurs
  // twice (the second, EST). Phone 02:30 → 03:30 EDT, answered 04:00 EDT: 30 min; email 00:30 EDT,
  // answered 01:30 EST: 2h
  const path = tempCsv('dst.csv', [
    'ticket_id,channel,created_at,first_response_at',
    'P1,phone,2026-03-08 02:30:00,2026-03-08 04:00:00',
    'E1,email,2026-11-01 00:30:00,2026-11-01 01:30:00',
  ]);
  for (const report of await bothProducers([path], { tz: 'America/New_York' }, { minSample: 1 })) {
    expect(report.channels.map((c) => [c.channel, c.firstResponse.median])).toEqual([['phone', 1800], ['email', 7200]]);
  }
});
