// The evidence under a finding (Markdown, HTML): each line a label and its words, none empty.
import { describe, expect, it } from 'vitest';
import { findingEvidence } from '../../../src/render/evidence.js';
import type { Finding } from '../../../src/report.js';

describe('finding evidence', () => {
  it('a correlation\'s like-for-like view has no cells to count: its words alone, never ": rho" (found by a review)', () => {
    const f = {
      kind: 'follower-preference', subject: 'social', metric: 'firstResponse', significant: true, verdict: 'preference', effect: -0.22, effectCi95: [-0.3, -0.14],
      pValue: 0.0001, pValueAdjusted: 0.0002, n: { social: 300 }, rule: 'r', message: 'm',
      details: { likeForLike: { rho: -0.22, ci95: [-0.3, -0.14], pValue: 0.0001, pValueAdjusted: 0.0002, n: 300 } },
    } as unknown as Finding;
    const line = findingEvidence(f).find(([label]) => label === 'like for like');
    expect(line).toBeDefined();
    expect(line![1]).not.toMatch(/^:/);
    expect(line![1]).toMatch(/^rho -0\.22/);
  });

  it('cells without a ratio are said with the cells', () => {
    const f = {
      kind: 'channel-preference', subject: 'email', against: 'phone', metric: 'firstResponse', significant: false, verdict: 'no-preference', effect: 0.5, effectCi95: [0.2, 1.3],
      pValue: 0.2, pValueAdjusted: 0.4, n: { email: 40, phone: 40 }, rule: 'r', message: 'm',
      details: { view: 'like-for-like', likeForLike: { ratio: 0.5, ci95: [0.2, 1.3], bound: null, pValue: 0.2, pValueAdjusted: 0.4, n: { email: 40, phone: 40 }, test: 'stratified-gehan', by: ['category'], strataUsed: 3, strataSkipped: 0, strataWithoutRatio: 1, coverage: { email: 1, phone: 1 }, strata: [] } },
    } as unknown as Finding;
    const line = findingEvidence(f).find(([label]) => label === 'like for like');
    expect(line![1]).toMatch(/^3 cells of the same category, 1 of them without a ratio \(both medians not reached\) \(covering email 100%, phone 100% of the tickets\): 2\.0× faster; /);
  });

  it("a data-quality finding's effect is the share of rows with a problem (1 of 4), not a ratio of medians", () => {
    const f = {
      kind: 'data-quality', subject: 'input', significant: false, verdict: 'info', effect: 0.25, pValue: null, count: 1, rule: 'r', message: 'm',
      details: { rowsRead: 4, rejected: 0, leftOutOfMetric: 1 },
    } as unknown as Finding;
    expect(findingEvidence(f).find(([label]) => label === 'effect')).toEqual(['effect', 'data problems (rows rejected and values left out) come to 25% of the rows read']);
  });

  it("a bounded effect's plain ratio is rounded its way, as the rule beside it (at least 61.754: 61.7, not 61.8)", () => {
    const f = {
      kind: 'channel-preference', subject: 'email', against: 'phone', metric: 'firstResponse', significant: false, verdict: 'no-preference', effect: 61.754, effectCi95: [1.2, null],
      pValue: 0.2, pValueAdjusted: 0.4, n: { email: 3, phone: 3 }, rule: 'r', message: 'm', details: { effectBound: 'lower' },
    } as unknown as Finding;
    expect(findingEvidence(f).find(([label]) => label === 'effect')).toEqual(['effect', 'at least 61× slower (ratio of medians 61.7)']);
  });
});
