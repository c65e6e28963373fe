import { describe, expect, it } from 'vitest';
import { conditionHolds, evaluateGate, type GateContext, type LikeForLike } from '../../../src/judge/gates/evaluate.js';
import { parseGate } from '../../../src/judge/gates/parse.js';
import type { GroupSummary } from '../../../src/measure/summary.js';
import type { Report } from '../../../src/report.js';
import { band, channel, finding, handReport } from './handReport.js';

const BANDS = ['<1k', '1k-10k', '10k-100k', '100k+', 'unknown'];

// phone: 50 tickets, 40 answered (answered share 40/50 = 0.8), first-response median 2h = 7200 s
// social: 35 tickets, all answered (share 1), median 30m = 1800 s; resolution median not reached
// email: 12 answered tickets, fewer than minSample = 30
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
    firstResponse: { n, median, p90: median * 2, ci95: null },
    resolution: { n, resolved: n, median: 36000, p90: 72000, ci95: null, method: 'kaplan-meier' },
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
  it('an absent channel fails with its reason, or passes with --allow-missing', () => {
    const failed = run('ratio(phone,chat).firstResponse.median > 3');
    expect(failed).toMatchObject({ value: null, passed: false, evaluated: false, reason: 'no chat tickets (channels present: phone, social, email)' });
    const allowed = run('ratio(phone,chat).firstResponse.median > 3', { allowMissing: true });
    expect(allowed).toMatchObject({ value: null, passed: true, evaluated: false, reason: 'no chat tickets (channels present: phone, social, email)' });
  });

  it('too few answered tickets (minSample) for first-response metrics', () => {
    expect(run('ratio(phone,email).firstResponse.median > 3').reason).toBe('email has 12 answered tickets; a first-response gate needs at least 30 (minSample)');
    // with minSample 10, email's 12 answered tickets are enough: 7200 / 3600 = 2
    expect(run('ratio(phone,email).firstResponse.median > 3', { minSample: 10 })).toMatchObject({ value: 2, passed: true });
  });

  it('a resolution median that is not reached', () => {
    expect(run('gap(social,phone).resolution.median > 1h').reason).toBe("social's resolution median is not reached: 10 of 35 tickets resolved (fewer than half)");
  });

  it('a ratio over zero', () => {
    const zero = handReport({ channels: [channel('phone', { tickets: 40, firstResponse: { n: 40, median: 600, p90: 900 } }), channel('chat', { tickets: 40, firstResponse: { n: 40, median: 0, p90: 0 } })] });
    expect(run('ratio(phone,chat).firstResponse.median > 3', { report: zero })).toMatchObject({ value: null, passed: false, reason: "chat's value is 0s: a ratio over it is undefined" });
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
      'phone has 8 answered tickets in the baseline report; a first-response gate needs at least 30 (minSample)',
    );
    expect(run('delta(gap(phone,social).firstResponse.median) > 30m', { baseline: thin, allowMissing: true }).passed).toBe(true);
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
});
