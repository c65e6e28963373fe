import { describe, expect, it } from 'vitest';
import { judgeComparison, outsideBand, type Rules } from '../../../src/judge/findings/rules.js';
import type { AdjustedView, Comparison, RawView } from '../../../src/measure/compare.js';
import { PFamily } from '../../../src/judge/findings/family.js';
import { comparisonFinding, register } from '../../../src/judge/findings/sentence.js';
import { findingEvidence } from '../../../src/render/evidence.js';
import { toleranceEdges } from '../../../src/format.js';

const rules: Rules = { tolerance: { low: 0.8, high: 1.25 }, alpha: 0.05, minSample: 30 };

function raw(ratio: number, ci: [number, number], n: [number, number] = [100, 100], pValue = 0.001): RawView {
  return { ratio, ci95: ci, pValue, n, test: 'gehan', medians: [ratio * 3600, 3600], mediansReached: [true, true], ended: n };
}

function adjusted(ratio: number, ci: [number, number], n: [number, number] = [100, 100], pValue = 0.001): AdjustedView {
  return { ratio, ci95: ci, pValue, n, test: 'stratified-gehan', strataUsed: 4, strataSkipped: 0, strataWithoutRatio: 0, coverage: [1, 1], cells: [], by: ['category', 'priority'] };
}

const only = (r: RawView): Comparison => ({ metric: 'firstResponse', raw: r, adjusted: null });

describe('the tolerance band (Aequitas) and significance', () => {
  it('a CI wholly outside the band', () => {
    expect(outsideBand([0.4, 0.79], rules.tolerance)).toBe(true);
    expect(outsideBand([1.26, 3], rules.tolerance)).toBe(true);
    expect(outsideBand([0.4, 0.8], rules.tolerance)).toBe(false); // touching the band is not outside
    expect(outsideBand([0.4, 1.1], rules.tolerance)).toBe(false);
    expect(outsideBand([null, 0.7], rules.tolerance)).toBe(true); // open below, still wholly under 0.8
    expect(outsideBand([0.5, null], rules.tolerance)).toBe(false);
  });

  it('preference needs both: CI outside the band and Holm p below alpha', () => {
    expect(judgeComparison(only(raw(0.5, [0.4, 0.6])), { raw: 0.01, adjusted: null }, rules)).toMatchObject({ verdict: 'preference', significant: true, view: 'raw' });
    // Significant p, but the CI reaches into the band: not enough.
    expect(judgeComparison(only(raw(0.7, [0.6, 0.85])), { raw: 0.001, adjusted: null }, rules)).toMatchObject({ verdict: 'no-preference', significant: false });
    // CI outside, but the adjusted p is not below alpha.
    expect(judgeComparison(only(raw(0.5, [0.4, 0.6])), { raw: 0.06, adjusted: null }, rules)).toMatchObject({ verdict: 'no-preference', significant: false });
  });

  it('a ratio inside the band is within tolerance, even when significant', () => {
    expect(judgeComparison(only(raw(0.9, [0.88, 0.92])), { raw: 0.0001, adjusted: null }, rules)).toMatchObject({ verdict: 'within-tolerance', significant: false });
  });

  it('tickets enough but no ratio (both medians not reached): not conclusive, not "too few"', () => {
    const none: RawView = { ratio: null, ci95: null, pValue: 0.2, n: [400, 500], test: 'gehan', medians: [90000, 80000], mediansReached: [false, false], ended: [100, 120] };
    const j = judgeComparison(only(none), { raw: 0.2, adjusted: null }, rules);
    expect(j).toMatchObject({ verdict: 'no-preference', significant: false, view: 'raw' });
    expect(j.rule).toMatch(/^no preference shown: no ratio of medians can be estimated/);
  });

  it('below the minimum sample: insufficient-data, never pass or fail', () => {
    expect(judgeComparison(only(raw(0.2, [0.1, 0.3], [29, 500])), { raw: 0.0001, adjusted: null }, rules)).toMatchObject({ verdict: 'insufficient-data', significant: false });
  });
});

describe('like for like decides when strata exist', () => {
  it('half the gap gone counts only between two ratios of medians, not beside a like-for-like ratio of a lower percentile', () => {
    // raw 0.2 (|ln| 1.609), like for like 0.6 (|ln| 0.511 ≤ 1.609 / 2), not significant, outside the band (0.6 < 0.8)
    const medians: Comparison = { metric: 'firstResponse', raw: raw(0.2, [0.15, 0.27]), adjusted: adjusted(0.6, [0.3, 1.2]) };
    expect(judgeComparison(medians, { raw: 0.0001, adjusted: 0.3 }, rules)).toMatchObject({ verdict: 'case-mix', significant: false });
    // the same numbers with the like-for-like ratio of the 25th percentiles: another measure, no case-mix claim
    const percentile: Comparison = { ...medians, adjusted: { ...adjusted(0.6, [0.3, 1.2]), quantile: 0.25 } };
    const j = judgeComparison(percentile, { raw: 0.0001, adjusted: 0.3 }, rules);
    expect(j).toMatchObject({ verdict: 'no-preference', significant: false, view: 'like-for-like' });
    expect(j.rule).toContain('ratio of the 25th percentiles (no cell has a ratio of medians) 0.60 is outside');
    // inside the band, like for like: the gap is gone whatever the measure
    const inside: Comparison = { ...medians, adjusted: { ...adjusted(0.95, [0.7, 1.3]), quantile: 0.25 } };
    expect(judgeComparison(inside, { raw: 0.0001, adjusted: 0.3 }, rules)).toMatchObject({ verdict: 'case-mix', significant: false });
  });

  it('a raw gap that vanishes within cells is case mix', () => {
    const c: Comparison = { metric: 'firstResponse', raw: raw(0.4, [0.35, 0.46]), adjusted: adjusted(0.97, [0.85, 1.1]) };
    expect(judgeComparison(c, { raw: 0.0001, adjusted: 0.6 }, rules)).toMatchObject({ verdict: 'case-mix', significant: false, view: 'like-for-like', rawSignificant: true });
  });

  it('a gap that survives within cells is preference', () => {
    const c: Comparison = { metric: 'firstResponse', raw: raw(0.4, [0.35, 0.46]), adjusted: adjusted(0.5, [0.42, 0.6]) };
    expect(judgeComparison(c, { raw: 0.0001, adjusted: 0.0001 }, rules)).toMatchObject({ verdict: 'preference', significant: true, view: 'like-for-like' });
  });

  it('a gap hidden by case mix is found within cells', () => {
    const c: Comparison = { metric: 'firstResponse', raw: raw(0.95, [0.85, 1.05]), adjusted: adjusted(0.5, [0.42, 0.6]) };
    expect(judgeComparison(c, { raw: 1, adjusted: 0.0001 }, rules)).toMatchObject({ verdict: 'preference', significant: true, rawSignificant: false });
  });

  it('too few comparable tickets within cells: insufficient, even with a large raw sample', () => {
    const c: Comparison = { metric: 'firstResponse', raw: raw(0.4, [0.35, 0.46]), adjusted: adjusted(0.4, [0.2, 0.8], [12, 400]) };
    expect(judgeComparison(c, { raw: 0.0001, adjusted: 0.01 }, rules)).toMatchObject({ verdict: 'insufficient-data', significant: false });
  });

  it('case mix says which way it was reached: half the gap gone, or what is left inside the band (found by an independent check)', () => {
    // raw 0.708: ln = −0.345; like for like 0.8385: ln = −0.176, 51% of the gap left (less than
    // half gone), but 0.8385 lies inside 0.80–1.25: case mix, said as inside the band
    const band: Comparison = { metric: 'firstResponse', raw: raw(0.708, [0.628, 0.798]), adjusted: adjusted(0.8385, [0.75, 0.94]) };
    const inside = judgeComparison(band, { raw: 0.0001, adjusted: 0.3 }, rules);
    expect(inside.verdict).toBe('case-mix');
    expect(inside.rule).toContain('what is left lies inside the tolerance 0.80–1.25: the gap beyond it comes from the mix of category and priority');
    expect(inside.rule).not.toContain('at least half');
    // raw 0.4 (ln −0.92), like for like 0.97 (ln −0.03): more than half gone
    const half = judgeComparison({ metric: 'firstResponse', raw: raw(0.4, [0.35, 0.46]), adjusted: adjusted(0.97, [0.85, 1.1]) }, { raw: 0.0001, adjusted: 0.6 }, rules);
    expect(half.rule).toContain('at least half of it comes from the mix of category and priority');
  });

  it('a raw gap only partly explained (less than half on the log scale) is not called case mix', () => {
    // raw ln 0.4 = −0.92; like for like ln 0.6 = −0.51 (more than half remains) but not significant.
    const c: Comparison = { metric: 'firstResponse', raw: raw(0.4, [0.35, 0.46]), adjusted: adjusted(0.6, [0.3, 1.2]) };
    expect(judgeComparison(c, { raw: 0.0001, adjusted: 0.2 }, rules)).toMatchObject({ verdict: 'no-preference', significant: false });
  });
});

describe('a ratio that is only a bound (a median time to first response not reached)', () => {
  const bounded = (ratio: number, ci: [number | null, number | null], bound: 'lower' | 'upper'): RawView => ({
    ratio, ci95: ci, pValue: 0.001, n: [100, 100], test: 'gehan', medians: [3600, 100000], mediansReached: [true, false], ended: [100, 40], bound,
  });

  it('is a preference when its one-sided CI clears the band', () => {
    // At most 0.3 with the CI's upper end 0.5 < 0.8: faster by at least 2×.
    expect(judgeComparison(only(bounded(0.3, [null, 0.5], 'upper')), { raw: 0.001, adjusted: null }, rules)).toMatchObject({ verdict: 'preference', significant: true });
    expect(judgeComparison(only(bounded(4, [2, null], 'lower')), { raw: 0.001, adjusted: null }, rules).rule).toMatch(/^preference: 95% CI at least 2\.00 wholly outside/);
  });

  it('is never within tolerance: the true ratio may lie beyond the band', () => {
    // At least 1.1 (inside the band), but it could be 3.
    expect(judgeComparison(only(bounded(1.1, [0.7, null], 'lower')), { raw: 0.001, adjusted: null }, rules)).toMatchObject({ verdict: 'no-preference', significant: false });
  });

  it('a bounded like-for-like ratio cannot show that a raw gap shrank: not case mix', () => {
    const adj: AdjustedView = { ...adjusted(1.1, [0.6, 2]), ci95: [0.6, null], bound: 'lower' };
    const c: Comparison = { metric: 'firstResponse', raw: raw(3, [2.5, 3.6]), adjusted: adj };
    expect(judgeComparison(c, { raw: 0.0001, adjusted: 0.3 }, rules)).toMatchObject({ verdict: 'no-preference', rawSignificant: true });
  });
});

describe('the rule text at the tolerance edge: every number printed on the side of the edge it is on', () => {
  const pass = { raw: 0.001, adjusted: null };

  it('a ratio just above 1.25 is not printed 1.25 (which is the edge, inside the band)', () => {
    // ratio 1.2504, CI 1.1–1.4 (reaches into the band), p 0.001: no preference, the ratio outside.
    // Two decimals make 1.25, three 1.250 (still the edge), four 1.2504.
    expect(judgeComparison(only(raw(1.2504, [1.1, 1.4])), pass, rules).rule).toBe(
      "no preference shown: ratio 1.2504 is outside 0.80–1.25, but the 95% CI 1.10–1.40 is not wholly outside it or Holm p = 0.0010 is not below 0.05 (Gehan's generalized Wilcoxon test, unanswered tickets censored)",
    );
    // 1.2512: three decimals (1.251) already lie above 1.25
    expect(judgeComparison(only(raw(1.2512, [1.1, 1.4])), pass, rules).rule).toMatch(/^no preference shown: ratio 1\.251 is outside 0\.80–1\.25,/);
  });

  it('a ratio just inside, and a CI end just beyond the edge of a preference', () => {
    // 1.2496 inside: 1.2496 (1.25 would read as the edge; 1.250 too)
    expect(judgeComparison(only(raw(1.2496, [1.2, 1.3])), pass, rules).rule).toMatch(/^within tolerance: ratio 1\.2496 inside 0\.80–1\.25 /);
    // a preference whose CI starts at 1.2503, just above the band: 1.2503–1.60, never 1.25–1.60
    expect(judgeComparison(only(raw(1.4, [1.2503, 1.6])), pass, rules).rule).toMatch(/^preference: 95% CI 1\.2503–1\.60 wholly outside the tolerance 0\.80–1\.25 /);
    // faster: CI ending at 0.7998, just below 0.80: 0.40–0.7998
    expect(judgeComparison(only(raw(0.6, [0.4, 0.7998])), pass, rules).rule).toMatch(/^preference: 95% CI 0\.40–0\.7998 wholly outside the tolerance 0\.80–1\.25 /);
    // away from the edges the usual two decimals
    expect(judgeComparison(only(raw(0.5, [0.4, 0.6])), pass, rules).rule).toMatch(/^preference: 95% CI 0\.40–0\.60 wholly outside the tolerance 0\.80–1\.25 /);
  });

  it('a tolerance edge is written with its own digits: 1.333 is 1.333, never 1.33', () => {
    const wide: Rules = { ...rules, tolerance: { low: 0.75, high: 1.333 } };
    // 1.332 is inside, and 1.33 is too: two decimals do
    expect(judgeComparison(only(raw(1.332, [1.2, 1.45])), pass, wide).rule).toMatch(/^within tolerance: ratio 1\.33 inside 0\.75–1\.333 /);
    // 1.3334 is outside: 1.33 and 1.333 would not say so, 1.3334 does
    expect(judgeComparison(only(raw(1.3334, [1.2, 1.45])), pass, wide).rule).toMatch(/^no preference shown: ratio 1\.3334 is outside 0\.75–1\.333,/);
  });
});

describe('the finding at the tolerance edge: message, rule and evidence print the ratio alike, on its side', () => {
  it('a ratio of 1.2504 (CI 1.1–1.4) reads 1.2504 everywhere, never 1.25', () => {
    const family = new PFamily();
    const reg = register(family, only(raw(1.2504, [1.1, 1.4])), rules.minSample);
    family.adjust();
    const names = { a: 'email', b: 'phone', aPhrase: 'email tickets', bPhrase: 'phone tickets' };
    const f = comparisonFinding('channel-preference', 'email', 'phone', names, reg, family, rules);
    // one p in the family: Holm leaves 0.001 as it is
    expect(f.verdict).toBe('no-preference');
    expect(f.rule).toMatch(/^no preference shown: ratio 1\.2504 is outside 0\.80–1\.25, /);
    expect(f.message).toMatch(/^No preference shown: email tickets are answered 1\.2504× slower than phone tickets, but the evidence falls short \(95% CI 1\.10×–1\.40×, /);
    const evidence = new Map(findingEvidence(f, toleranceEdges(rules.tolerance)));
    expect(evidence.get('effect')).toBe('1.2504× slower (ratio of medians 1.2504)');
    expect(evidence.get('95% CI')).toBe('1.10×–1.40×');
  });
});

describe('a CI across 1 in the sentence and the evidence: each end as a speed of its own', () => {
  it('ratio 1.7 (CI 0.80–3.6, Holm p 0.2): "95% CI from 1.25× faster to 3.6× slower", not "0.80–3.60" beside "1.70× slower"', () => {
    const family = new PFamily();
    const reg = register(family, only(raw(1.7, [0.8, 3.6], [100, 100], 0.2)), rules.minSample);
    family.adjust();
    const names = { a: 'email', b: 'phone', aPhrase: 'email tickets', bPhrase: 'phone tickets' };
    const f = comparisonFinding('channel-preference', 'email', 'phone', names, reg, family, rules);
    expect(f.verdict).toBe('no-preference');
    expect(f.message).toContain('No preference shown: email tickets are answered 1.70× slower than phone tickets, but the evidence falls short (95% CI from 1.25× faster to 3.6× slower, Holm p = 0.200');
    const evidence = new Map(findingEvidence(f, toleranceEdges(rules.tolerance)));
    expect(evidence.get('95% CI')).toBe('from 1.25× faster to 3.6× slower');
  });
});

describe('a bounded ratio that falls short gives its CI in the sentence as a speed, like the effect beside it', () => {
  it('"at least 28× faster … 95% CI at least 20× faster", not "95% CI at most 0.05"', () => {
    // social's median 1h over phone's ≥ 28h (not reached): ratio at most 1/28 = 0.0357 (an upper
    // bound: social at least 28× faster), CI's upper end 0.05 = at least 20× faster. Raw p 0.2:
    // not significant (one test in the family, Holm p = 0.2).
    const bounded: RawView = { ratio: 1 / 28, ci95: [null, 0.05], pValue: 0.2, n: [100, 100], test: 'gehan', bound: 'upper', medians: [3600, 28 * 3600], mediansReached: [true, false], ended: [100, 40] };
    const family = new PFamily();
    const reg = register(family, only(bounded), rules.minSample);
    family.adjust();
    const names = { a: 'social', b: 'phone', aPhrase: 'social tickets', bPhrase: 'phone tickets' };
    const f = comparisonFinding('channel-preference', 'social', 'phone', names, reg, family, rules);
    expect(f.verdict).toBe('no-preference');
    expect(f.message).toContain('No preference shown: social tickets are answered at least 28× faster than phone tickets, but the evidence falls short (95% CI at least 20× faster, Holm p = 0.200');
  });
});
