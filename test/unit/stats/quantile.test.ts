import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  sortedCopy,
  quantileSorted,
  medianSorted,
  quantileCi,
  quantileCiRanks,
} from '../../../src/stats/quantile.js';

const oneToN = (n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => i + 1);

describe('sortedCopy', () => {
  it('drops NaN and sorts numerically', () => {
    expect(Array.from(sortedCopy([10, Number.NaN, -1, 2, 100]))).toEqual([-1, 2, 10, 100]);
    expect(sortedCopy([]).length).toBe(0);
    expect(sortedCopy([Number.NaN]).length).toBe(0);
  });
  it('does not modify its input', () => {
    const input = new Float64Array([3, 1, 2]);
    sortedCopy(input);
    expect(Array.from(input)).toEqual([3, 1, 2]);
  });
});

describe('quantileSorted (R type 7)', () => {
  it('matches R quantile(1:4, c(0, .25, .5, .9, 1))', () => {
    // type 7: h = (n-1)p; (1:4) -> h = 0, .75, 1.5, 2.7, 3 -> 1, 1.75, 2.5, 3.7, 4
    const s = oneToN(4);
    expect(quantileSorted(s, 0)).toBe(1);
    expect(quantileSorted(s, 0.25)).toBeCloseTo(1.75, 12);
    expect(quantileSorted(s, 0.5)).toBeCloseTo(2.5, 12);
    expect(quantileSorted(s, 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileSorted(s, 1)).toBe(4);
  });
  it('interpolates to the microsecond: no binary noise from (n − 1)·p in a duration', () => {
    // R: quantile(c(0, 0, 0, 0, 0, 100, 200), .9) = 140 (h = 6·0.9 = 5.4: 100 + 0.4·100);
    // in plain double arithmetic 5.4 − 5 is 0.40000000000000036 and the value 140.00000000000003.
    expect(quantileSorted(new Float64Array([0, 0, 0, 0, 0, 100, 200]), 0.9)).toBe(140);
    // quantile(c(rep(0, 7), 3600, 7200), .9) = 4320 (h = 7.2: 3600 + 0.2·3600), not 4320.000000000001
    expect(quantileSorted(new Float64Array([0, 0, 0, 0, 0, 0, 0, 3600, 7200]), 0.9)).toBe(4320);
    // a fraction of a second stays: quantile(c(1, 2), .25) = 1.25
    expect(quantileSorted(new Float64Array([1, 2]), 0.25)).toBe(1.25);
  });
  it('edge cases', () => {
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
    expect(quantileSorted(new Float64Array([7]), 0.3)).toBe(7);
    expect(quantileSorted(new Float64Array([2, 2, 2]), 0.9)).toBe(2);
    expect(() => quantileSorted(oneToN(3), 1.5)).toThrow(RangeError);
    expect(() => quantileSorted(oneToN(3), Number.NaN)).toThrow(RangeError);
  });
});

describe('medianSorted', () => {
  it('odd and even n', () => {
    expect(medianSorted(new Float64Array([1, 2, 3]))).toBe(2);
    expect(medianSorted(new Float64Array([1, 2, 3, 10]))).toBe(2.5);
    expect(medianSorted(new Float64Array([5]))).toBe(5);
    expect(medianSorted(new Float64Array(0))).toBeNaN();
  });
});

describe('quantileCi (order statistics)', () => {
  it('n = 10, median, 95%: [x(2), x(9)] (classic table value)', () => {
    // B ~ Bin(10, .5): P(B<=0) = 1/1024, P(B<=1) = 11/1024 = .0107 <= .025,
    // P(B<=2) = 56/1024 = .0547 > .025  => l - 1 = 1, l = 2; by symmetry u = 9.
    // Coverage 1 - 2*11/1024 = .9785.
    expect(quantileCiRanks(10, 0.5)).toEqual({ l: 2, u: 9, method: 'exact' });
    expect(quantileCi(oneToN(10).map((v) => v * 10), 0.5)).toEqual({ lo: 20, hi: 90 });
  });

  it('n = 5: no 95% interval for the median, but a 90% one', () => {
    // P(B<=0) = 1/32 = .03125 > .025 -> no lower rank; symmetric -> no upper.
    expect(quantileCi(oneToN(5), 0.5)).toEqual({ lo: null, hi: null });
    // at 90%: .03125 <= .05, P(B<=1) = 6/32 = .1875 > .05 -> l = 1, u = 5.
    expect(quantileCi(oneToN(5), 0.5, 0.9)).toEqual({ lo: 1, hi: 5 });
  });

  it('n = 20, p = .9: lower bound x(15), no upper bound', () => {
    // F = 20 - B ~ Bin(20, .1); binomial table: P(F<=4) = .9568, P(F<=5) = .9887.
    // P(B<=14) = P(F>=6) = .0113 <= .025; P(B<=15) = P(F>=5) = .0432 > .025 -> l = 15.
    // P(B>=20) = .9^20 = .1216 > .025 -> no upper order statistic.
    expect(quantileCiRanks(20, 0.9)).toEqual({ l: 15, u: null, method: 'exact' });
    expect(quantileCi(oneToN(20), 0.9)).toEqual({ lo: 15, hi: null });
  });

  it('n = 1000 (exact) agrees with the equal-tailed rule', () => {
    // Bin(1000, .5), sd 15.811: P(B<=468) ~ Phi((468.5-500)/15.811) = Phi(-1.992) = .023 <= .025,
    // P(B<=469) ~ Phi(-1.929) = .027 > .025 -> l = 469; by symmetry u = 1000 - 469 + 1 = 532.
    expect(quantileCiRanks(1000, 0.5)).toEqual({ l: 469, u: 532, method: 'exact' });
  });

  it('n = 2000 uses the continuity-corrected normal approximation', () => {
    // sd = sqrt(500) = 22.3607, z*sd = 1.959964 * 22.3607 = 43.826
    // l = floor(1000 - 43.826 + .5) = 956, u = ceil(1000 + 43.826 + .5) = 1045
    expect(quantileCiRanks(2000, 0.5)).toEqual({ l: 956, u: 1045, method: 'normal' });
  });

  it('edge cases: empty, n = 1, all ties, p = 0 / 1', () => {
    expect(quantileCi(new Float64Array(0), 0.5)).toEqual({ lo: null, hi: null });
    expect(quantileCi(new Float64Array([4]), 0.5)).toEqual({ lo: null, hi: null });
    expect(quantileCi(new Float64Array(10).fill(3), 0.5)).toEqual({ lo: 3, hi: 3 });
    // p = 0: B = 0 surely -> no lower rank, u = 1 (the minimum bounds the 0-quantile above).
    expect(quantileCiRanks(10, 0)).toEqual({ l: null, u: 1, method: 'exact' });
    expect(quantileCiRanks(10, 1)).toEqual({ l: 10, u: null, method: 'exact' });
    expect(quantileCiRanks(5000, 0)).toEqual({ l: null, u: 1, method: 'normal' });
    expect(() => quantileCi(oneToN(3), 0.5, 1)).toThrow(RangeError);
  });

  it('median ranks are symmetric (l + u = n + 1) and ordered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), (n) => {
        const { l, u } = quantileCiRanks(n, 0.5);
        if (l === null || u === null) return l === null && u === null;
        return l + u === n + 1 && l <= u && l >= 1 && u <= n;
      }),
      { numRuns: 200 },
    );
  });
});
