// Response theatre's sentence: how much of the reply advantage survives to resolution is
// ln(resolution ratio) / ln(first-response ratio), by hand below; a ratio that is only a bound (a
// median not reached) leaves that share open, and the sentence says so rather than a number.
import { describe, expect, it } from 'vitest';
import { theatre } from '../../../src/judge/findings/channels.js';
import type { Finding } from '../../../src/report.js';

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
    const t = theatre('social', 'phone', finding('firstResponse', 'preference', 0.25, null, [0.2, 0.3]), finding('resolution', 'no-preference', 0.5, null, [0.3, 1.1]));
    expect(t?.details?.['advantageSurviving']).toBeCloseTo(0.5, 12);
    expect(t?.message).toContain('about 50% of the reply advantage survives to resolution');
  });

  it('a bound on either ratio: the share is not a number, and the CI of a bound is one-sided', () => {
    // first response at least 10× faster (phone's median not reached), resolution 2× faster
    const firstBound = theatre('social', 'phone', finding('firstResponse', 'preference', 0.1, 'upper', [null, 0.2]), finding('resolution', 'no-preference', 0.5, null, [0.3, 1.1]));
    expect(firstBound?.details?.['advantageSurviving']).toBeNull();
    expect(firstBound?.message).toContain('how much of the reply advantage survives to resolution cannot be said (a median is only a bound)');
    // resolution at most 0.6 (a bound towards 1): CI written "at most 1.70", not "NA–1.70"
    const resolutionBound = theatre('social', 'phone', finding('firstResponse', 'preference', 0.25, null, [0.2, 0.3]), finding('resolution', 'no-preference', 0.6, 'upper', [null, 1.7]));
    expect(resolutionBound?.details?.['advantageSurviving']).toBeNull();
    expect(resolutionBound?.message).toContain('95% CI at most 1.70');
    // the finding's effect is that resolution ratio: its bound travels with it (every renderer
    // reads details.effectBound; the Markdown evidence wrote "3.1× faster" for "at least")
    expect(resolutionBound?.details?.['effectBound']).toBe('upper');
    expect(theatre('social', 'phone', finding('firstResponse', 'preference', 0.25, null, [0.2, 0.3]), finding('resolution', 'no-preference', 0.5, null, [0.3, 1.1]))?.details?.['effectBound']).toBeNull();
  });

  it('resolution no faster (at least 1.2×): none survives, bound or not', () => {
    const t = theatre('social', 'phone', finding('firstResponse', 'preference', 0.1, 'upper', [null, 0.2]), finding('resolution', 'no-preference', 1.2, 'lower', [0.9, null]));
    expect(t?.details?.['advantageSurviving']).toBe(0);
    expect(t?.message).toContain('none of the reply advantage survives to resolution');
  });

  it('a first-response preference found like for like but reversed overall (case mix, significant) is still a reply advantage', () => {
    // social answered 4× faster like for like (the raw ratio pointing the other way): theatre when
    // resolution is not faster; ln 0.5 / ln 0.25 = 50%
    const reversed = { ...finding('firstResponse', 'case-mix', 0.25, null, [0.2, 0.3]), significant: true };
    const t = theatre('social', 'phone', reversed, finding('resolution', 'no-preference', 0.5, null, [0.3, 1.1]));
    expect(t?.details?.['advantageSurviving']).toBeCloseTo(0.5, 12);
    // a case-mix verdict that is not significant is no reply advantage
    expect(theatre('social', 'phone', finding('firstResponse', 'case-mix', 0.25, null, [0.2, 0.3]), finding('resolution', 'no-preference', 0.5, null, [0.3, 1.1]))).toBeNull();
    // resolution significantly slower like for like (reversed overall): said as significantly slower
    const slower = { ...finding('resolution', 'case-mix', 1.5, null, [1.3, 1.8]), significant: true };
    expect(theatre('social', 'phone', finding('firstResponse', 'preference', 0.25, null, [0.2, 0.3]), slower)?.message).toContain('(significantly slower;');
  });
});
