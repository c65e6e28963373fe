import { describe, expect, it } from 'vitest';
import { auditFiles } from '../helpers/audit.js';
import { fixture } from '../helpers/exec.js';

const AS_OF = { asOf: '2026-10-10T00:00:00Z' };

describe('audit of fixtures/small.csv (every number worked out by hand)', async () => {
  const report = await auditFiles([fixture('small.csv')], AS_OF);
  const channel = (name: string) => report.channels.find((c) => c.channel === name)!;

  it('accounts for every row', () => {
    expect(report.input).toMatchObject({ rowsRead: 11, rowsUsed: 11, rowsRejected: 0, format: 'generic' });
    expect(report.input.unknownChannels).toEqual([{ raw: 'Carrier pigeon', count: 1 }]);
    expect(report.period).toEqual({ from: '2026-10-01T09:00:00.000Z', to: '2026-10-04T00:00:00.000Z', asOf: '2026-10-10T00:00:00.000Z' });
  });

  it('phone: the unanswered ticket counts as still waiting; the answered-only median beside it', () => {
    const phone = channel('phone');
    expect(phone.tickets).toBe(5);
    expect(phone.answered).toBe(4);
    expect(phone.answeredShare).toBeCloseTo(0.8, 10);
    // Answered 1h 2h 3h 4h; P5 never answered, censored at its age at as-of: 8d 15h = 745200 s.
    // Kaplan–Meier: S(1h) = 4/5 = .8, S(2h) = .6, S(3h) = .4 → median 3h = 10800 s.
    // (The answered-only median would be (2h+3h)/2 = 9000 s.)
    // CI: Greenwood Σ d/(n(n−d)) to 3h = 1/20 + 1/12 + 1/6 = .3, se = .4·√.3 = .219089;
    // quantiles at .5 ∓ 1.959964·.219089 = .07059, .92941: S(1h) = .8 ≤ .92941 → 1h; S never
    // ≤ .07059 → no upper end.
    // p90: S(4h) = .2 and then only P5's censoring: never ≤ .1, so not reached; the type-7 p90
    // of the observed times 1h 2h 3h 4h 745200 s is 14400 + .6·(745200 − 14400) = 452880 s, a
    // lower bound.
    expect(phone.firstResponse).toMatchObject({ n: 5, median: 10800, bound: null, p90Bound: 'lower', ci95: [3600, null], answeredMedian: 9000, method: 'kaplan-meier' });
    expect(phone.firstResponse.p90).toBeCloseTo(452880, 6);
    // events 1d, 2d, 3d; P3 and P5 open, censored at as-of (745200 s)
    // S(1d) = 4/5 = .8, S(2d) = .8·3/4 = .6, S(3d) = .6·2/3 = .4 → median 3d = 259200; S never ≤ .1:
    // p90 not reached, the observed times' p90 is 745200 + .6·0 = 745200 s, a lower bound.
    expect(phone.resolution).toMatchObject({ n: 5, resolved: 3, median: 259200, bound: null, p90: 745200, p90Bound: 'lower', method: 'kaplan-meier' });
    expect(phone.resolvedShare).toBeCloseTo(0.6, 10);
  });

  it('email: offsets respected (+02:00), all resolved', () => {
    const email = channel('email');
    // 30m, 90m, 240m, all answered: Kaplan–Meier median = plain median = 5400 s
    expect(email.firstResponse).toMatchObject({ n: 3, median: 5400, answeredMedian: 5400 });
    // 4h, 1d, 2d: S = 2/3, 1/3 → median 1d
    expect(email.resolution).toMatchObject({ n: 3, resolved: 3, median: 86400 });
    // ratios over phone: 5400 / 10800 = 0.5; 86400 / 259200 = 1/3
    expect(email.vsReference?.firstResponseRatio).toBeCloseTo(0.5, 10);
    expect(email.vsReference?.resolutionRatio).toBeCloseTo(1 / 3, 10);
    // Gehan on first response, P5 (unanswered) censored at its age 745200 s. Pooled, with
    // u = #definitely shorter − #definitely longer (a censoring outlasts every answer before it;
    // E3 and P4 tie at 4h): E 30m −7, P 1h −5, E 90m −3, P 2h −1, P 3h +1, E 4h +4, P 4h +4,
    // P5 +7. W(email) = −7 −3 +4 = −6; Var = 3·5/(8·7)·Σu² = 15/56·166 = 44.4643;
    // z = −6/√44.4643 = −0.89980 → two-sided p = 0.36823
    expect(email.vsReference?.pValue).toBeCloseTo(0.36823, 4);
  });

  it('social: wall-clock times read as UTC, R\'s midpoint rule when S sits exactly at 0.5', () => {
    const social = channel('social');
    // 10m, 20m → 900 s
    expect(social.firstResponse).toMatchObject({ n: 2, median: 900 });
    // 1h, 5h: S(1h) = 0.5 exactly → median is the midpoint to the next event, (3600 + 18000)/2
    expect(social.resolution.median).toBe(10800);
    // 900 / 10800 (phone's median counting P5 as still waiting)
    expect(social.vsReference?.firstResponseRatio).toBeCloseTo(1 / 12, 10);
  });

  it('follower bands: 500 → <1k, "150,000" → 100k+, the rest unknown', () => {
    const band = (label: string) => report.followerBands.find((b) => b.band === label)!;
    expect(band('<1k')).toMatchObject({ tickets: 1, min: 0, max: 1000, channels: { social: 1 } });
    expect(band('<1k').firstResponse.median).toBe(600);
    expect(band('100k+')).toMatchObject({ tickets: 1, min: 100000, max: null });
    expect(band('100k+').firstResponse.median).toBe(1200);
    expect(band('unknown').tickets).toBe(9);
    expect(band('1k-10k').firstResponse.median).toBeNull();
  });

  it('absent values are null, never 0', () => {
    expect(channel('other').firstResponse.ci95).toEqual([null, null]);
    expect(channel('phone').vsReference?.pValue).toBeNull();
  });
});

describe('options', () => {
  it('--reference changes the comparison channel', async () => {
    const report = await auditFiles([fixture('small.csv')], { ...AS_OF, reference: 'email' });
    // phone over email: 10800 / 5400
    expect(report.channels.find((c) => c.channel === 'phone')?.vsReference?.firstResponseRatio).toBeCloseTo(2, 10);
  });

  it('--since/--until keep tickets by creation time and account for the rest', async () => {
    const report = await auditFiles([fixture('small.csv')], { ...AS_OF, since: '2026-10-02', until: '2026-10-02' });
    // only E1–E3 were created on 2 Oct (08:00Z); 8 rows excluded as outside the period
    expect(report.input).toMatchObject({ rowsRead: 11, rowsUsed: 3, rowsRejected: 8 });
    expect(report.input.dataQuality[0]).toMatchObject({ kind: 'outside-period', severity: 'excluded', count: 8 });
  });

  it('--as-of: events after it are not known yet', async () => {
    // as of 2 Oct 12:00Z: P1..P4 answered (10:00–13:00 on 1 Oct), P1 not yet resolved (2 Oct 09:00 is before → resolved)
    const report = await auditFiles([fixture('small.csv')], { asOf: '2026-10-02T12:00:00Z' });
    expect(report.input.rowsUsed).toBe(8); // E1–E3 created 08:00Z count; S1, S2, O1 are later
    const phone = report.channels.find((c) => c.channel === 'phone')!;
    expect(phone.resolution.resolved).toBe(1);
    // E1 (resolved 12:00Z = 14:00+02) is exactly at as-of: known; E2, E3 later: open
    expect(report.channels.find((c) => c.channel === 'email')!.resolution.resolved).toBe(1);
  });

  it('--tz reads wall-clock values in that zone', async () => {
    const report = await auditFiles([fixture('small.csv')], { ...AS_OF, tz: 'America/New_York' });
    // S1 created "2026-10-03 12:00" New York (EDT, UTC-4) = 16:00Z; durations unchanged
    expect(report.channels.find((c) => c.channel === 'social')!.firstResponse.median).toBe(900);
    expect(report.period.to).toBe('2026-10-04T04:00:00.000Z');
  });
});

describe('the reference channel of a single-channel export', () => {
  it('defaults to the largest channel when there are no phone tickets, and says so', async () => {
    // The tweet log is all social: 5 tickets, no phone.
    const report = await auditFiles([fixture('formats', 'tweets.csv')]);
    expect(report.reference).toBe('social');
    expect(report.input.notes).toContain('reference channel: social (the largest channel; there are no phone tickets — choose another with --reference)');
    expect(report.findings.some((f) => /choose another with --reference/.test(f.message))).toBe(false);
  });

  it('keeps a reference that was asked for, even when absent', async () => {
    const report = await auditFiles([fixture('formats', 'tweets.csv')], { reference: 'phone' });
    expect(report.reference).toBe('phone');
    expect(report.findings.find((f) => f.kind === 'channel-preference')?.message).toBe(
      'No phone tickets: channels cannot be compared with the reference (choose another with --reference).',
    );
  });

  it('stays phone when there are phone tickets', async () => {
    const report = await auditFiles([fixture('small.csv')], AS_OF);
    expect(report.reference).toBe('phone');
    expect(report.input.notes.some((n) => n.startsWith('reference channel'))).toBe(false);
  });
});
