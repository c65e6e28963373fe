import { describe, expect, it } from 'vitest';
import { conditionHolds, evaluateGate, type GateContext, type LikeForLike } from '../../../src/judge/gates/evaluate.js';
import { parseGate } from '../../../src/judge/gates/parse.js';
import { sameGateNumber } from '../../../src/format.js';
import { gateMessage } from '../../../src/render/junit.js';
import type { GroupSummary } from '../../../src/measure/summary.js';
import type { Finding, Report } from '../../../src/report.js';
import { band, channel, finding, handReport } from './handReport.js';

const BANDS = ['<1k', '1k-10k', '10k-100k', '100k+', 'unknown'];

// phone: 50 tickets, 40 in the first-response estimate (answered share 40/50 = 0.8), median 2h = 7200 s
// social: 35 tickets, all answered (share 1), median 30m = 1800 s; resolution median none (n = 35, null)
// email: 12 tickets with a first-response time, fewer than minSample = 30
const current = handReport({
  channels: [
    channel('phone', { tickets: 50, firstResponse: { n: 40, median: 7200, p90: 14400 } }),
    channel('social', { tickets: 35, firstResponse: { n: 35, median: 1800, p90: 3600 }, resolution: { n: 35, resolved: 10, median: null, p90: null } }),
    channel('email', { tickets: 12, firstResponse: { n: 12, median: 3600, p90: 7200 } }),
  ],
  followerBands: [band('100k+', { tickets: 60, firstResponse: { n: 60, median: 1200, p90: 2400 } }), band('<1k', { tickets: 0, firstResponse: { n: 0, median: null, p90: null } })],
  findings: [finding('social', true), finding('email', false), finding('chat', true)],
});

function summary(n: number, median: number): GroupSummary {
  return {
    tickets: n,
    answered: n,
    answeredShare: 1,
    resolvedShare: 1,
    firstResponse: { n, median, bound: null, p90: median * 2, p90Bound: null, ci95: null, answeredMedian: median, method: 'kaplan-meier' },
    resolution: { n, resolved: n, median: 36000, bound: null, p90: 72000, p90Bound: null, ci95: null, method: 'kaplan-meier' },
  };
}

function context(overrides: Partial<GateContext> = {}): GateContext {
  return {
    report: current,
    baseline: null,
    minSample: 30,
    allowMissing: false,
    // 100k+ restricted to phone+social: median 15m = 900 s; <1k restricted: 45m = 2700 s
    likeForLike: (a, b): LikeForLike | { reason: string } =>
      a === '100k+' && b === '1k-10k' ? { a: summary(40, 900), b: summary(40, 2700), channels: ['phone', 'social'] } : { reason: `follower bands ${a} and ${b} share no channel` },
    ...overrides,
  };
}

const gate = (text: string) => parseGate(text, { bands: BANDS });
const run = (text: string, overrides: Partial<GateContext> = {}) => evaluateGate(gate(text), context(overrides), '--fail-on');

describe('gate evaluation against a hand-built report', () => {
  it('a ratio above its threshold fails (a gate is a failure condition)', () => {
    // 7200 / 1800 = 4 > 3
    const result = run('ratio(phone,social).firstResponse.median > 3');
    expect(result).toMatchObject({ expression: 'ratio(phone,social).firstResponse.median > 3', value: 4, threshold: 3, passed: false, reason: null, evaluated: true, comparator: '>', unit: 'ratio', source: '--fail-on' });
    expect(result.detail).toBe('phone 2h (n=40) over social 30m (n=35)');
  });

  it('passes when the condition does not hold, with the boundary exact', () => {
    expect(run('ratio(phone,social).firstResponse.median > 5')).toMatchObject({ value: 4, passed: true });
    // 4 > 4 is false, 4 >= 4 is true
    expect(run('ratio(phone,social).firstResponse.median > 4').passed).toBe(true);
    expect(run('ratio(phone,social).firstResponse.median >= 4').passed).toBe(false);
    expect(run('ratio(phone,social).firstResponse.median < 4').passed).toBe(true);
    expect(run('ratio(phone,social).firstResponse.median <= 4').passed).toBe(false);
  });

  it('gap is A minus B, in seconds', () => {
    // 7200 - 1800 = 5400 s = 1h30m > 1h
    expect(run('gap(phone,social).firstResponse.median > 1h')).toMatchObject({ value: 5400, threshold: 3600, passed: false, unit: 'seconds' });
    // 1800 - 7200 = -5400 s, not below -2h = -7200 s
    expect(run('gap(social,phone).firstResponse.median < -2h')).toMatchObject({ value: -5400, passed: true });
    // p90: 14400 - 3600 = 10800 s = 3h
    expect(run('gap(phone,social).firstResponse.p90 >= 3h')).toMatchObject({ value: 10800, passed: false });
  });

  it('single-group forms and shares', () => {
    expect(run('channel(social).firstResponse.median > 2h')).toMatchObject({ value: 1800, passed: true });
    // answered share: social 35/35 = 1, phone 40/50 = 0.8; gap 0.2 > 0.1
    const share = run('gap(social,phone).answeredShare > 0.1');
    expect(share.value).toBeCloseTo(0.2, 12);
    expect(share.passed).toBe(false);
    expect(run('channel(phone).answeredShare < 90%')).toMatchObject({ value: 0.8, passed: false, unit: 'share' });
    expect(run('band(100k+).firstResponse.median > 30m')).toMatchObject({ value: 1200, passed: true });
  });

  it('a share counts the tickets it is a share of (a negative first response leaves one out), in n and for minSample', () => {
    // 4 phone tickets, 3 with a usable first response (one answered "before" creation), 2 answered: 2/3
    const report = handReport({ channels: [channel('phone', { tickets: 4, answered: 2, answeredShare: 2 / 3, firstResponse: { n: 3, median: 600, p90: 900 } })] });
    const share = evaluateGate(gate('channel(phone).answeredShare < 90%'), context({ report, minSample: 3 }), '--fail-on');
    expect(share).toMatchObject({ passed: false, evaluated: true });
    expect(share.detail).toBe('phone 66.7% (n=3)');
    const tooFew = evaluateGate(gate('channel(phone).answeredShare < 90%'), context({ report, minSample: 4, allowMissing: true }), '--fail-on');
    expect(tooFew.evaluated).toBe(false);
    expect(tooFew.reason).toBe('phone has 3 tickets in its answered share; a share gate needs at least 4 (minSample)');
  });

  it('counts significant findings', () => {
    // social and chat are significant; email is not: 2
    expect(run('findings.significant > 0')).toMatchObject({ value: 2, passed: false, unit: 'count', subject: 'findings.significant' });
    expect(run('findings.significant > 2').passed).toBe(true);
  });

  it('band(X,Y) uses the like-for-like groups', () => {
    // 900 / 2700 = 1/3
    const result = run('band(100k+,1k-10k).firstResponse.median < 0.5');
    expect(result.value).toBeCloseTo(1 / 3, 12);
    expect(result.passed).toBe(false);
    expect(result.detail).toContain('like channels only: phone, social');
    expect(result.current).toBeCloseTo(1 / 3, 12);
    expect(run('band(100k+,<1k).firstResponse.median < 0.5')).toMatchObject({ value: null, passed: false, evaluated: false, reason: 'follower bands 100k+ and <1k share no channel' });
  });
});

describe('gates that cannot be evaluated', () => {
  it('findings.significant when nothing was compared: not evaluated, never a silent 0', () => {
    // every channel value mapped to other: one group, no comparison, so 0 says nothing
    const alone = handReport({ channels: [channel('other', { tickets: 40, firstResponse: { n: 40, median: 600, p90: 900 } })], findings: [] });
    const none = evaluateGate(gate('findings.significant > 0'), context({ report: alone }), '--fail-on');
    expect(none).toMatchObject({ value: null, passed: false, evaluated: false });
    expect(none.reason).toBe(
      'nothing was compared: there was only one group to compare (map the channel values with "channels" in the config, or check the channel column), so a count of significant findings would be 0 whatever the service',
    );
    expect(evaluateGate(gate('findings.significant > 0'), context({ report: alone, allowMissing: true }), '--fail-on')).toMatchObject({ passed: true, evaluated: false });
    // every comparison too small (or its reference absent): the first one's reason is given
    const tooFew: Finding = { kind: 'channel-preference', subject: 'chat', significant: false, verdict: 'insufficient-data', effect: null, pValue: null, rule: 'insufficient data: no tickets of the reference channel', message: 'x' };
    const lacking = handReport({ channels: current.channels, findings: [tooFew, { ...tooFew, subject: 'email' }] });
    expect(evaluateGate(gate('findings.significant > 0'), context({ report: lacking }), '--fail-on').reason).toBe(
      'nothing was compared: every comparison lacked data (chat: no tickets of the reference channel), so a count of significant findings would be 0 whatever the service',
    );
    // one judged comparison without a preference is enough: 0 is then a real count
    const judged = handReport({ channels: current.channels, findings: [tooFew, finding('email', false)] });
    expect(evaluateGate(gate('findings.significant > 0'), context({ report: judged }), '--fail-on')).toMatchObject({ value: 0, passed: true, evaluated: true });
  });

  it('an absent channel fails with its reason, or passes with --allow-missing', () => {
    const failed = run('ratio(phone,chat).firstResponse.median > 3');
    expect(failed).toMatchObject({ value: null, passed: false, evaluated: false, reason: 'no chat tickets (channels present: phone, social, email)' });
    const allowed = run('ratio(phone,chat).firstResponse.median > 3', { allowMissing: true });
    expect(allowed).toMatchObject({ value: null, passed: true, evaluated: false, reason: 'no chat tickets (channels present: phone, social, email)' });
  });

  it('too few answered tickets (minSample) for first-response metrics', () => {
    expect(run('ratio(phone,email).firstResponse.median > 3').reason).toBe('email has 12 tickets with a measurable first-response time; a first-response gate needs at least 30 (minSample)');
    // with minSample 10, email's 12 answered tickets are enough: 7200 / 3600 = 2
    expect(run('ratio(phone,email).firstResponse.median > 3', { minSample: 10 })).toMatchObject({ value: 2, passed: true });
  });

  it('a group with no estimate at all', () => {
    expect(run('gap(social,phone).resolution.median > 1h').reason).toBe('social has no resolution median');
  });

  it('a ratio over a median of 0 s reads both medians floored at one second, as the channel table does', () => {
    const zero = handReport({ channels: [channel('phone', { tickets: 40, firstResponse: { n: 40, median: 600, p90: 900 } }), channel('chat', { tickets: 40, firstResponse: { n: 40, median: 0, p90: 0 } })] });
    // 600 / max(0, 1) = 600
    expect(run('ratio(phone,chat).firstResponse.median > 3', { report: zero })).toMatchObject({ value: 600, passed: false });
  });
});

describe('gates on a median that is only a bound (more than half still waiting)', () => {
  // phone: 60 tickets, most never answered: its median is at least 9 days (777600 s);
  // social: 40 tickets, median 30m = 1800 s exactly.
  const waiting = handReport({
    channels: [
      channel('phone', { tickets: 60, firstResponse: { n: 60, median: 777600, p90: 1296000, bound: 'lower' } }),
      channel('social', { tickets: 40, firstResponse: { n: 40, median: 1800, p90: 3600 } }),
      channel('email', { tickets: 40, firstResponse: { n: 40, median: 86400, p90: 172800, bound: 'lower' } }),
    ],
  });
  const on = (text: string, allowMissing = false) => run(text, { report: waiting, allowMissing });

  it('decides when the bound decides: at least 9 days is more than 4 hours', () => {
    expect(on('channel(phone).firstResponse.median > 4h')).toMatchObject({ value: 777600, bound: 'lower', passed: false, evaluated: true });
    // at least 9 days is never below 4 hours: the gate passes
    expect(on('channel(phone).firstResponse.median < 4h')).toMatchObject({ passed: true, evaluated: true });
  });

  it('a ratio over a bound is a bound: at least 777600/1800 = 432', () => {
    expect(on('ratio(phone,social).firstResponse.median > 3')).toMatchObject({ value: 432, bound: 'lower', passed: false });
    // social over phone: at most 1800/777600 = 0.0023148: "< 0.5" holds whatever the true value
    const r = on('ratio(social,phone).firstResponse.median < 0.5');
    expect(r.bound).toBe('upper');
    expect(r.value).toBeCloseTo(1800 / 777600, 12);
    expect(r.passed).toBe(false);
  });

  it('cannot be evaluated when the bound does not decide, and fails unless --allow-missing', () => {
    const r = on('channel(phone).firstResponse.median > 20d');
    expect(r).toMatchObject({ value: null, passed: false, evaluated: false });
    expect(r.reason).toContain('only a bound');
    expect(on('channel(phone).firstResponse.median > 20d', true).passed).toBe(true);
    // both medians only lower bounds: their ratio is unknown
    expect(on('ratio(phone,email).firstResponse.median > 3').reason).toBe(
      'phone at least 9d (a lower bound: half or more still unanswered) (n=60) and email at least 1d (a lower bound: half or more still unanswered) (n=40) are both only lower bounds, so their ratio is unknown; a comparison finding judges such a pair at its 25th or 10th percentile instead, which `findings.significant > 0` gates on',
    );
  });
});

describe('delta gates against a baseline report', () => {
  // baseline: phone 1h30m = 5400 s, social 30m = 1800 s: gap 3600 s; now the gap is 5400 s
  const baseline: Report = handReport({
    channels: [
      channel('phone', { tickets: 40, firstResponse: { n: 40, median: 5400, p90: 9000 } }),
      channel('social', { tickets: 40, firstResponse: { n: 40, median: 1800, p90: 3600 } }),
    ],
  });
  baseline.gates = [{ expression: 'band(100k+,1k-10k).firstResponse.median < 0.2', value: 0.5, threshold: 0.2, passed: true, reason: null, subject: 'band(100k+,1k-10k).firstResponse.median', current: 0.5 }];

  it('is the change of the subject: now minus then', () => {
    // 5400 - 3600 = 1800 s = 30m: not above 30m, but at or above it
    const strict = run('delta(gap(phone,social).firstResponse.median) > 30m', { baseline });
    expect(strict).toMatchObject({ value: 1800, threshold: 1800, passed: true, current: 5400, baseline: 3600, subject: 'gap(phone,social).firstResponse.median' });
    expect(strict.detail).toBe('now: phone 2h (n=40) minus social 30m (n=35); baseline: phone 1h 30m (n=40) minus social 30m (n=40)');
    expect(run('delta(gap(phone,social).firstResponse.median) >= 30m', { baseline }).passed).toBe(false);
    // ratio then 5400/1800 = 3, now 4: change 1
    expect(run('delta(ratio(phone,social).firstResponse.median) > 0.5', { baseline })).toMatchObject({ value: 1, passed: false });
  });

  it('band subjects read the value the baseline run recorded', () => {
    // now 1/3, then 0.5: change -1/6
    const result = run('delta(band(100k+,1k-10k).firstResponse.median) < -0.1', { baseline });
    expect(result.value).toBeCloseTo(1 / 3 - 0.5, 12);
    expect(result.passed).toBe(false);
    const none = run('delta(band(100k+,1k-10k).firstResponse.p90) > 0', { baseline });
    expect(none.reason).toMatch(/^the baseline report has no like-for-like value for band\(100k\+,1k-10k\)\.firstResponse\.p90/);
 
    // the baseline run had a gate on the subject, but too few tickets then to give it a value
    const thin: Report = { ...baseline, gates: [...(baseline.gates ?? []), { expression: 'band(100k+,1k-10k).firstResponse.p90 < 0.2', value: null, threshold: 0.2, passed: false, evaluated: false, reason: 'too few tickets in band 100k+ (n = 4; at least 30 needed)', subject: 'band(100k+,1k-10k).firstResponse.p90', current: null }] };
    expect(run('delta(band(100k+,1k-10k).firstResponse.p90) > 0', { baseline: thin }).reason).toBe(
      "the baseline run's gate band(100k+,1k-10k).firstResponse.p90 < 0.2 had no value for band(100k+,1k-10k).firstResponse.p90: too few tickets in band 100k+ (n = 4; at least 30 needed)",
    );
  });

  it('no baseline, or a baseline without the metric, is not evaluated', () => {
    expect(run('delta(gap(phone,social).firstResponse.median) > 30m')).toMatchObject({
      value: null,
      passed: false,
      reason: 'delta(...) needs an earlier report: pass --baseline <report.json>',
      current: 5400,
    });
    expect(run('delta(gap(phone,email).firstResponse.median) > 30m', { baseline, minSample: 10 }).reason).toBe(
      'no email tickets in the baseline report (channels present: phone, social)',
    );
    const thin = handReport({ channels: [channel('phone', { tickets: 8, firstResponse: { n: 8, median: 60, p90: 60 } }), channel('social', { tickets: 40, firstResponse: { n: 40, median: 60, p90: 60 } })] });
    expect(run('delta(gap(phone,social).firstResponse.median) > 30m', { baseline: thin }).reason).toBe(
      'phone has 8 tickets with a measurable first-response time in the baseline report; a first-response gate needs at least 30 (minSample)',
    );
    expect(run('delta(gap(phone,social).firstResponse.median) > 30m', { baseline: thin, allowMissing: true }).passed).toBe(true);
  });
});

describe('delta gates against a baseline measured differently', () => {
  // The same numbers then as now (phone 2h, social 30m: every change would be 0); only how they were measured differs.
  const like = (settings: Partial<Report['settings']>, extra: Partial<Report> = {}): Report => ({ ...handReport({ channels: current.channels, followerBands: current.followerBands, findings: current.findings }), ...extra, settings: { ...current.settings, ...settings } });
  const business = { timeZone: 'Europe/London', open: ['Mon-Fri 09:00-17:00'], holidays: ['2026-12-25'] };
  const now = (settings: Partial<Report['settings']>, extra: Partial<Report> = {}) => ({ report: like(settings, extra) });

  it('durations: another clock, other hours or other holidays are not compared; shares are', () => {
    const onBusiness = now({ clock: 'business', businessHours: business });
    // measured alike, or by a hand-written baseline without settings (taken as written): compared, change 0
    expect(run('delta(gap(phone,social).firstResponse.median) > 0', { ...onBusiness, baseline: like({ clock: 'business', businessHours: business }) })).toMatchObject({ value: 0, evaluated: true });
    const { settings: _settings, ...bare } = like({});
    expect(run('delta(gap(phone,social).firstResponse.median) > 0', { ...onBusiness, baseline: bare as Report })).toMatchObject({ value: 0, evaluated: true });
    expect(run('delta(channel(phone).firstResponse.median) > 0', { ...onBusiness, baseline: like({}) }).reason).toBe(
      "the baseline report was measured differently (durations counted in calendar time in the baseline, business hours Mon-Fri 09:00-17:00 (Europe/London) now), so their difference is not a change in service: make the baseline again with this run's settings",
    );
    const otherZone = like({ clock: 'business', businessHours: { ...business, timeZone: 'UTC' } });
    expect(run('delta(channel(phone).firstResponse.p90) > 0', { ...onBusiness, baseline: otherZone }).reason).toContain(
      '(durations counted in business hours Mon-Fri 09:00-17:00 (UTC) in the baseline, business hours Mon-Fri 09:00-17:00 (Europe/London) now)',
    );
    const otherHolidays = like({ clock: 'business', businessHours: { ...business, holidays: [] } });
    expect(run('delta(channel(phone).resolution.median) > 0', { ...onBusiness, baseline: otherHolidays }).reason).toContain('(holidays none in the baseline, 2026-12-25 now)');
    // answered share: 40/50 = 0.8 then and now, whatever the clock
    expect(run('delta(channel(phone).answeredShare) < 0', { ...onBusiness, baseline: like({}) })).toMatchObject({ value: 0, evaluated: true });
    // a business baseline from before business hours were recorded: the clock alone is compared
    expect(run('delta(channel(phone).firstResponse.median) > 0', { ...onBusiness, baseline: like({ clock: 'business' }) })).toMatchObject({ value: 0, evaluated: true });
  });

  it('band(...) over a band of another range is not compared', () => {
    // labels round edges to two decimals of a thousand: --bands 100400 and --bands 100404 both name their top band "100.4k+"
    const top = (min: number) => ({ followerBands: [{ ...(current.followerBands[0] as Report['followerBands'][number]), band: '100.4k+', min, max: null }] });
    const topGate = parseGate('delta(band(100.4k+).firstResponse.median) > 0', { bands: ['<100.4k', '100.4k+', 'unknown'] });
    const result = evaluateGate(topGate, context({ ...now({}, top(100400)), baseline: like({}, top(100404)) }));
    expect(result).toMatchObject({ evaluated: false, passed: false });
    expect(result.reason).toContain('(follower band 100.4k+ 100404 followers or more in the baseline, 100400 followers or more now)');
    // the same range: 1200 s then and now
    expect(evaluateGate(topGate, context({ ...now({}, top(100400)), baseline: like({}, top(100400)) }))).toMatchObject({ value: 0, evaluated: true, current: 1200 });
  });

  it('findings.significant judged with other rules is not compared', () => {
    const gateText = 'delta(findings.significant) > 0';
    expect(run(gateText, { baseline: like({ alpha: 0.1, minSample: 20 }) }).reason).toContain('(alpha 0.1 in the baseline, 0.05 now; minSample 20 in the baseline, 30 now)');
    expect(run(gateText, { baseline: like({ tolerance: { low: 0.9, high: 1.1 }, bands: [5000] }) }).reason).toContain(
      '(follower band edges 5000 in the baseline, 1000,10000,100000 now; tolerance 0.9–1.1 in the baseline, 0.8–1.25 now)',
    );
    const by = { field: 'group', reference: 'Tier 1', referenceChosen: 'largest' as const, noValue: 0, groups: [] };
    expect(run(gateText, { baseline: like({}, { by }) }).reason).toContain('(--by group (reference Tier 1) in the baseline, none now)');
    // 2 significant findings then and now
    expect(run(gateText, { baseline: like({}) })).toMatchObject({ value: 0, evaluated: true, current: 2 });
  });
});

describe('comparison tolerance', () => {
  it('treats values within 1e-9 (relative) as equal', () => {
    // 0.1 + 0.2 = 0.30000000000000004 is not above 0.3
    expect(conditionHolds(0.1 + 0.2, '>', 0.3)).toBe(false);
    expect(conditionHolds(0.1 + 0.2, '>=', 0.3)).toBe(true);
    expect(conditionHolds(0.3000001, '>', 0.3)).toBe(true);
    expect(conditionHolds(2.9999999, '<', 3)).toBe(true);
  });

  it('is relative below 1 too: 1e-10 and 2e-10 differ by half, so they are not equal', () => {
    // |1e-10 − 2e-10| = 1e-10, far above 1e-9 × 2e-10 = 2e-19 (an absolute 1e-9 took them alike)
    expect(conditionHolds(1e-10, '>=', 2e-10)).toBe(false);
    expect(conditionHolds(1e-10, '<', 2e-10)).toBe(true);
    expect(conditionHolds(2e-10, '>', 1e-10)).toBe(true);
    expect(conditionHolds(2e-10, '<=', 1e-10)).toBe(false);
    // 0.0003 and 0.0003000000001: 1e-13 apart, within 1e-9 × 0.0003 = 3e-13: equal
    expect(conditionHolds(0.0003000000001, '>', 0.0003)).toBe(false);
    expect(conditionHolds(0.0003000000001, '<=', 0.0003)).toBe(true);
    // 0.0003 and 0.000300001: 1e-9 apart, above 3e-13: not equal
    expect(conditionHolds(0.000300001, '>', 0.0003)).toBe(true);
    expect(sameGateNumber(0, 0)).toBe(true);
    expect(sameGateNumber(0, 1e-300)).toBe(false);
  });

  it('the message prints the numbers by the comparison that decided the gate', () => {
    // phone 5,400.000001 s over social 1,800 s = 3.00000000056, within 1e-9 × 3 of 3: equal to
    // the threshold, so "> 3" does not hold and ">= 3" does; both read 3 (not "3.000000001 is not above 3")
    const equalish = current.channels.map((c) => (c.channel === 'phone' ? { ...c, firstResponse: { ...c.firstResponse, median: 5400.000001 } } : c));
    const report = { ...current, channels: equalish };
    const above = run('ratio(phone,social).firstResponse.median > 3', { report });
    expect(above).toMatchObject({ passed: true, evaluated: true });
    expect(gateMessage(above)).toBe('value 3 is not above 3');
    const atOrAbove = run('ratio(phone,social).firstResponse.median >= 3', { report });
    expect(atOrAbove).toMatchObject({ passed: false, evaluated: true });
    expect(gateMessage(atOrAbove)).toBe('value 3 is at or above 3');
    // social's median 1 s over phone's 10,000,000,000 s = 1e-10, not at or above 2e-10: passes,
    // and says so with the two numbers told apart
    const tiny = { ...current, channels: current.channels.map((c) => (c.channel === 'social' ? { ...c, firstResponse: { ...c.firstResponse, median: 1 } } : c.channel === 'phone' ? { ...c, firstResponse: { ...c.firstResponse, median: 1e10 } } : c)) };
    const small = run('ratio(social,phone).firstResponse.median >= 0.0000000002', { report: tiny });
    expect(small).toMatchObject({ value: 1e-10, passed: true, evaluated: true });
    expect(gateMessage(small)).toBe('value 1e-10 is not at or above 2e-10');
  });
});
