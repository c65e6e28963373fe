import { describe, it, expect } from 'vitest';
import { logRank, logRankStratified } from '../../reference/logRank.js';
import { maintained, nonmaintained } from '../../reference/aml.js';

// R: survdiff(Surv(time, status) ~ x, data = aml)
//                  N Observed Expected (O-E)^2/E (O-E)^2/V
// x=Maintained    11        7    10.69      1.27       3.4
// x=Nonmaintained 12       11     7.31      1.86       3.4
//  Chisq= 3.4  on 1 degrees of freedom, p= 0.07     (chisq 3.396, p 0.0653)

describe('logRank', () => {
  it('reproduces survdiff on aml', () => {
    const r = logRank(maintained, nonmaintained);
    expect(r.observedA).toBe(7);
    expect(r.expectedA).toBeCloseTo(10.69, 2);
    expect(r.observedB).toBe(11);
    expect(r.expectedB).toBeCloseTo(7.31, 2);
    expect(r.chiSquare).toBeCloseTo(3.396, 3);
    expect(r.pValue).toBeCloseTo(0.0653, 4);
    expect(r.strataUsed).toBe(1);
  });

  it('is symmetric in the groups', () => {
    const r = logRank(nonmaintained, maintained);
    expect(r.observedA).toBe(11);
    expect(r.expectedA).toBeCloseTo(7.31, 2);
    expect(r.chiSquare).toBeCloseTo(3.396, 3);
  });

  it('hand example: one event each', () => {
    // t = 1: n = 2 (1 + 1), d = 1 -> E_A = 1/2, V = 1 * 1/2 * 1/2 * (2-1)/(2-1) = 1/4
    // t = 2: only B at risk (n = 1) -> E_A = 0, V = 0
    // chi = (1 - 1/2)^2 / (1/4) = 1; p = P(chi2_1 >= 1) = 2*(1 - Phi(1)) = 0.3173105
    const r = logRank({ times: [1], events: [1] }, { times: [2], events: [1] });
    expect(r.expectedA).toBeCloseTo(0.5, 12);
    expect(r.variance).toBeCloseTo(0.25, 12);
    expect(r.chiSquare).toBeCloseTo(1, 12);
    expect(r.pValue).toBeCloseTo(0.3173105, 6);
  });

  it('stratified: two identical strata double O-E and V, so chi-square doubles', () => {
    // (2(O-E))^2 / (2V) = 2 (O-E)^2 / V = 2 * 3.396 = 6.793
    const r = logRankStratified([
      { a: maintained, b: nonmaintained },
      { a: maintained, b: nonmaintained },
    ]);
    expect(r.strataUsed).toBe(2);
    expect(r.observedA).toBe(14);
    expect(r.expectedA).toBeCloseTo(21.38, 2);
    expect(r.chiSquare).toBeCloseTo(6.793, 2);
  });

  it('stratum with an empty group adds O = E and no variance', () => {
    const r = logRankStratified([
      { a: maintained, b: nonmaintained },
      { a: { times: [1, 2, 3], events: [1, 1, 0] }, b: { times: [], events: [] } },
    ]);
    expect(r.strataUsed).toBe(1);
    expect(r.observedA).toBe(9);
    expect(r.expectedA).toBeCloseTo(12.69, 2);
    expect(r.chiSquare).toBeCloseTo(3.396, 3);
  });

  it('edge cases: all censored, empty group, mismatched lengths', () => {
    const cens = logRank({ times: [1, 2], events: [0, 0] }, { times: [3], events: [0] });
    expect(cens.chiSquare).toBe(0);
    expect(cens.pValue).toBe(1);
    expect(cens.observedA).toBe(0);
    const empty = logRank({ times: [], events: [] }, nonmaintained);
    expect(empty.strataUsed).toBe(0);
    expect(empty.pValue).toBeNaN();
    expect(() => logRank({ times: [1, 2], events: [1] }, nonmaintained)).toThrow(RangeError);
  });
});
