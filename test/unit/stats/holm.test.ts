import { describe, it, expect } from 'vitest';
import { holm } from '../../../src/stats/holm.js';

describe('holm', () => {
  it("matches R p.adjust(c(.01,.04,.03,.005,.20,.02), 'holm')", () => {
    // sorted: .005*6 = .03, .01*5 = .05, .02*4 = .08, .03*3 = .09, .04*2 = .08 -> cummax .09, .20*1 = .20
    const adj = holm([0.01, 0.04, 0.03, 0.005, 0.2, 0.02]);
    [0.05, 0.09, 0.09, 0.03, 0.2, 0.08].forEach((v, i) => expect(adj[i]).toBeCloseTo(v, 12));
  });
  it('caps at 1 and stays monotone', () => {
    // .5*2 = 1, .6*1 = .6 -> cummax 1
    expect(holm([0.5, 0.6])).toEqual([1, 1]);
    expect(holm([0.9, 0.01, 0.8])).toEqual([1.6, 0.03, 1.6].map((v) => Math.min(1, v)));
  });
  it('edge cases: empty, single, NaN excluded from m (R treats NA so)', () => {
    expect(holm([])).toEqual([]);
    expect(holm([0.3])).toEqual([0.3]);
    const r = holm([0.01, Number.NaN, 0.04]);
    // m = 2: .01*2 = .02, .04*1 = .04
    expect(r[0]).toBeCloseTo(0.02, 12);
    expect(r[1]).toBeNaN();
    expect(r[2]).toBeCloseTo(0.04, 12);
  });
  it('equal p-values', () => {
    // three .02: .06, .04 -> .06, .02 -> .06
    holm([0.02, 0.02, 0.02]).forEach((v) => expect(v).toBeCloseTo(0.06, 12));
  });
});
