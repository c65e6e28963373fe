// Response theatre's sentence: how much of the reply advantage survives to resolution is
// ln(resolution ratio) / ln(first-response ratio), by hand below; a ratio that is only a bound (a
// median not reached) leaves that share open, and the sentence says so rather than a number.
import { describe, expect, it } from 'vitest';
import { theatre } from '../../../src/judge/findings/channels.js';
import type { Finding } from '../../../src/report.js';
import { toleranceEdges } from '../../../src/format.js';
import { findingEvidence } from '../../../src/render/evidence.js';

const NO_EDGES: number[] = [];

function finding(metric: 'firstResponse' | 'resolution', verdict: Finding['verdict'], effect: number, bound: 'lower' | 'upper' | null, ci: [number | null, number | null]): Finding {
  return {
    kind: 'channel-preference',
    subject: 'social',
    against: 'phone',
    metric,
    significant: verdict === 'preference',
    verdict,
    effect,
    effectCi95: ci,
    pValue: 0.001,
    pValueAdjusted: 0.002,
    rule: verdict,
    message: '',
    details: bound ? { effectBound: bound } : {},
  } as Finding;
}

describe('response theatre: the share of the advantage that survives', () => {
  it('two exact ratios: ln 0.5 / ln 0.25 = 50%', () => {
    const t = theatre('social', 'phone', NO_EDGES, finding('firstResponse', 'preference', 0.25, null, [0.2, 0.3]), finding('resolution', 'no-preference', 0.5, null, [0.3, 1.1]));
    expect(t?.details?.['advantageSurviving']).toBeCloseTo(0.5, 12);
    expect(t?.message).toContain('about 50% of the reply advantage survives to resolution');
  });

  it('a bound on either ratio: the share is not a number, and the CI of a bound is one-sided', () => {
    // first response at least 10× faster (phone's median not reached), resolution 2× faster
    const firstBound = theatre('social', 'phone', NO_EDGES, finding('firstResponse', 'preference', 0.1, 'upper', [null, 0.2]), finding('resolution', 'no-preference', 0.5, null, [0.3, 1.1]));
    expect(firstBound?.details?.['advantageSurviving']).toBeNull();
    expect(firstBound?.message).toContain('how much of the reply advantage survives to resolution cannot be said (a median is only a bound)');
    // resolution at most 0.6 (a bound towards 1): CI written "at most 1.70", not "NA–1.70"
    const resolutionBound = theatre('social', 'phone', NO_EDGES, finding('firstResponse', 'preference', 0.25, null, [0.2, 0.3]), finding('resolution', 'no-preference', 0.6, 'upper', [null, 1.7]));
    expect(resolutionBound?.details?.['advantageSurviving']).toBeNull();
    expect(resolutionBound?.message).toContain('95% CI at most 1.70');
    // the finding's effect is that resolution ratio: its bound travels with it (every renderer
    // reads details.effectBound; the Markdown evidence wrote "3.1× faster" for "at least")
    expect(resolutionBound?.details?.['effectBound']).toBe('upper');
    expect(theatre('social', 'phone', NO_EDGES, finding('firstResponse', 'preference', 0.25, null, [0.2, 0.3]), finding('resolution', 'no-preference', 0.5, null, [0.3, 1.1]))?.details?.['effectBound']).toBeNull();
  });

  it('the rule quotes each side\'s rule once (it read "(no-preference: no-preference: …)")', () => {
    const first = { ...finding('firstResponse', 'preference', 0.25, null, [0.2, 0.3]), rule: 'preference: 95% CI 0.20–0.30 wholly outside' };
    const resolution = { ...finding('resolution', 'no-preference', 0.5, null, [0.3, 1.1]), rule: 'no preference shown: ratio 0.50 is outside' };
    expect(theatre('social', 'phone', NO_EDGES, first, resolution)?.rule).toBe(
      'response theatre: first response is a preference for social (preference: 95% CI 0.20–0.30 wholly outside) while resolution is not (no preference shown: ratio 0.50 is outside)',
    );
  });

  it('resolution no faster (at least 1.2×): none survives, bound or not', () => {
    const t = theatre('social', 'phone', NO_EDGES, finding('firstResponse', 'preference', 0.1, 'upper', [null, 0.2]), finding('resolution', 'no-preference', 1.2, 'lower', [0.9, null]));
    expect(t?.details?.['advantageSurviving']).toBe(0);
    expect(t?.message).toContain('none of the reply advantage survives to resolution');
  });

  it('a first-response preference found like for like but reversed overall (case mix, significant) is still a reply advantage', () => {
    // social answered 4× faster like for like (the raw ratio pointing the other way): theatre when
    // resolution is not faster; ln 0.5 / ln 0.25 = 50%
    const reversed = { ...finding('firstResponse', 'case-mix', 0.25, null, [0.2, 0.3]), significant: true };
    const t = theatre('social', 'phone', NO_EDGES, reversed, finding('resolution', 'no-preference', 0.5, null, [0.3, 1.1]));
    expect(t?.details?.['advantageSurviving']).toBeCloseTo(0.5, 12);
    // a case-mix verdict that is not significant is no reply advantage
    expect(theatre('social', 'phone', NO_EDGES, finding('firstResponse', 'case-mix', 0.25, null, [0.2, 0.3]), finding('resolution', 'no-preference', 0.5, null, [0.3, 1.1]))).toBeNull();
    // resolution significantly slower like for like (reversed overall): said as significantly slower
    const slower = { ...finding('resolution', 'case-mix', 1.5, null, [1.3, 1.8]), significant: true };
    expect(theatre('social', 'phone', NO_EDGES, finding('firstResponse', 'preference', 0.25, null, [0.2, 0.3]), slower)?.message).toContain('(significantly slower;');
  });
});

describe('response theatre: its ratios on their side of the tolerance band, as the comparison findings write them', () => {
  it('a resolution ratio of 0.7996 (outside 0.80–1.25) is not written as the edge 1.25×', () => {
    // resolution 1 / 0.7996 = 1.250625× faster: to two places 1.25, the edge itself (inside the
    // band); to three 1.251, above it, as 0.7996 is below 0.80. First response 1 / 0.79995 =
    // 1.250078×: 1.25 and 1.250 are the edge, four places 1.2501.
    const edges = toleranceEdges({ low: 0.8, high: 1.25 });
    const t = theatre('social', 'phone', edges, finding('firstResponse', 'preference', 0.79995, null, [0.79, 0.7999]), finding('resolution', 'no-preference', 0.7996, null, [0.6, 1.05]));
    expect(t?.message).toContain('answered 1.2501× faster than phone tickets');
    expect(t?.message).toContain('but resolved 1.251× faster (not shown to be faster; 95% CI 0.60–1.05');
  });
});

describe('response theatre beside a ratio of a lower percentile (neither median reached: compare.ts decisiveView)', () => {
  /** The finding judged at quantile q (its effectQuantile), as the judge writes it. */
  const atQuantile = (f: Finding, q: number): Finding => ({ ...f, details: { ...f.details, effectQuantile: q } });

  it('both at the 25th percentile: the share is ln 0.5 / ln 0.1 = 30.103%, and the evidence names the percentile', () => {
    const t = theatre('social', 'phone', NO_EDGES, atQuantile(finding('firstResponse', 'preference', 0.1, null, [0.08, 0.12]), 0.25), atQuantile(finding('resolution', 'no-preference', 0.5, null, [0.4, 0.6]), 0.25)) as Finding;
    expect(t.details?.['advantageSurviving']).toBeCloseTo(0.30103, 5);
    expect(t.message).toContain('about 30% of the reply advantage survives to resolution');
    expect(t.details?.['effectQuantile']).toBe(0.25);
    const evidence = new Map(findingEvidence(t));
    expect(evidence.get('effect')).toContain('ratio of the 25th percentiles');
    expect(evidence.get('time to first response')).toBe('10× faster at the 25th percentile (significant)');
  });

  it('first response at the 25th percentile, resolution at the medians: the share is not said', () => {
    const t = theatre('social', 'phone', NO_EDGES, atQuantile(finding('firstResponse', 'preference', 0.1, null, [0.08, 0.12]), 0.25), finding('resolution', 'no-preference', 0.5, null, [0.4, 0.6])) as Finding;
    expect(t.details?.['advantageSurviving']).toBeNull();
    expect(t.message).toContain('how much of the reply advantage survives to resolution cannot be said (first response is compared at the 25th percentile, resolution at the medians)');
    expect(t.details?.['effectQuantile']).toBeUndefined();
    expect(new Map(findingEvidence(t)).get('effect')).toContain('ratio of medians');
  });
});

describe('response theatre: the words for a resolution gap the case mix explains (found by an attack)', () => {
  it('a like-for-like resolution ratio of 0.893 (CI 0.811–0.983), faster but inside the band, is said to be case mix, never "no faster"', () => {
    const t = theatre('email', 'phone', toleranceEdges({ low: 0.8, high: 1.25 }), { ...finding('firstResponse', 'preference', 0.476, null, [0.4, 0.55]), subject: 'email' }, { ...finding('resolution', 'case-mix', 0.893, null, [0.811, 0.983]), subject: 'email' });
    expect(t?.message).toContain('but resolved 1.12× faster (case mix: the raw gap comes from the mix of tickets; 95% CI 0.81–0.98');
    expect(t?.message).not.toContain('no faster');
  });
});
