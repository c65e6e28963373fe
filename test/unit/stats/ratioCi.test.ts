import { describe, it, expect } from 'vitest';
import {
  ratioCi,
  ratioCiSorted,
  ratioCiFromIntervals,
  medianLogVariance,
} from '../../../src/stats/ratioCi.js';

// Samples whose logs are integers make the Price–Bonett arithmetic exact by hand.
const expSeq = (from: number, to: number): number[] => {
  const out: number[] = [];
  for (let k = from; k <= to; k++) out.push(Math.exp(k));
  return out;
};

describe('ratioCi (Price & Bonett 2002)', () => {
  it('hand example, n = 9 each, 95%', () => {
    // x: ln values 2..10 (median e^6); y: ln values 0..8 (median e^4) -> ratio e^2.
    // c = round(10/2 - 1.959964 * sqrt(9/4)) = round(5 - 2.939946) = round(2.060054) = 2
    // ln x(8) - ln x(2) = 9 - 3 = 6 -> v1 = (6 / (2z))^2 = (3/z)^2; same for y: v2 = (3/z)^2
    // z * sqrt(v1 + v2) = sqrt(18) = 3*sqrt(2) -> CI = exp(2 -/+ 3 sqrt 2)
    const r = ratioCi(expSeq(2, 10).reverse(), expSeq(0, 8));
    expect(r.ratio).toBeCloseTo(Math.exp(2), 9);
    expect(r.lo).toBeCloseTo(Math.exp(2 - 3 * Math.SQRT2), 9);
    expect(r.hi).toBeCloseTo(Math.exp(2 + 3 * Math.SQRT2), 6);
    // variance by itself: (3 / 1.959964)^2 = 1.5306404^2 = 2.342860
    expect(medianLogVariance(Float64Array.from(expSeq(0, 8)))).toBeCloseTo(2.34286, 5);
  });

  it('hand example at 90%', () => {
    // z = 1.644854: c = round(5 - 2.467281) = round(2.532719) = 3
    // ln x(7) - ln x(3) = 4 -> z * sqrt(v1 + v2) = sqrt(2^2 + 2^2) = 2 sqrt 2
    const r = ratioCiSorted(Float64Array.from(expSeq(2, 10)), Float64Array.from(expSeq(0, 8)), { level: 0.9 });
    expect(r.lo).toBeCloseTo(Math.exp(2 - 2 * Math.SQRT2), 9);
    expect(r.hi).toBeCloseTo(Math.exp(2 + 2 * Math.SQRT2), 8);
  });

  it('values below the floor are raised to it', () => {
    // x all <= 0 -> all 1; y all 1 -> ratio 1, zero spread -> CI [1, 1]
    expect(ratioCi([0, -5, 0], [1, 1, 1])).toEqual({ ratio: 1, lo: 1, hi: 1 });
    // floor 10: x = [10, 10, 10], y = [20, 20, 20] -> ratio .5
    expect(ratioCi([0, 3, 5], [20, 20, 20], { floor: 10 })).toEqual({ ratio: 0.5, lo: 0.5, hi: 0.5 });
    expect(() => ratioCi([1], [1], { floor: 0 })).toThrow(RangeError);
  });

  it('edge cases: empty sample, n = 1, NaN dropped', () => {
    expect(ratioCi([], [1, 2, 3])).toEqual({ ratio: null, lo: null, hi: null });
    // n = 1: ratio defined, no spread information
    expect(ratioCi([6], [2, 3, 4])).toEqual({ ratio: 2, lo: null, hi: null });
    expect(ratioCi([6, Number.NaN], [3]).ratio).toBe(2);
  });
});

describe('ratioCiFromIntervals', () => {
  // m1 = 30 with CI [15, 60]: ln 60 - ln 15 = ln 4 -> sd = ln4/(2z) = ln2/z
  // m2 = 10 with CI [5, 20]:  same, ln2/z
  // ratio 3; z*sqrt(2 (ln2/z)^2) = sqrt(2) ln 2 -> CI = 3 * 2^(-/+ sqrt 2)
  it('symmetric log-scale spreads', () => {
    const r = ratioCiFromIntervals(30, { lo: 15, hi: 60 }, 10, { lo: 5, hi: 20 });
    expect(r.ratio).toBe(3);
    expect(r.lo).toBeCloseTo(3 * 2 ** -Math.SQRT2, 10);
    expect(r.hi).toBeCloseTo(3 * 2 ** Math.SQRT2, 10);
  });

  it('missing upper bound of m1 (Kaplan–Meier NA) -> open-ended upper ratio bound', () => {
    // lower side of m1 from its lower half: (ln 30 - ln 15)/z = ln2/z, same as before -> lo unchanged
    const r = ratioCiFromIntervals(30, { lo: 15, hi: null }, 10, { lo: 5, hi: 20 });
    expect(r.ratio).toBe(3);
    expect(r.lo).toBeCloseTo(3 * 2 ** -Math.SQRT2, 10);
    expect(r.hi).toBeNull();
  });

  it('missing upper bound of m2 -> open-ended lower ratio bound', () => {
    const r = ratioCiFromIntervals(30, { lo: 15, hi: 60 }, 10, { lo: 5, hi: null });
    expect(r.lo).toBeNull();
    // upper side uses m1's spread ln2/z and m2's lower half (ln 10 - ln 5)/z = ln2/z
    expect(r.hi).toBeCloseTo(3 * 2 ** Math.SQRT2, 10);
  });

  it('a CI of no width is the ratio itself, to the last bit', () => {
    // 5h over 24h, both CIs of no width (every ticket tied): the ratio is 5/24 and so is each
    // end; ln then exp gives 0.20833333333333331, below the ratio 0.20833333333333334
    const r = ratioCiFromIntervals(5 * 3600, { lo: 5 * 3600, hi: 5 * 3600 }, 24 * 3600, { lo: 24 * 3600, hi: 24 * 3600 });
    expect(r.ratio).toBe(5 / 24);
    expect(r.lo).toBe(5 / 24);
    expect(r.hi).toBe(5 / 24);
  });

  it('null median -> all null; medians below the floor are floored', () => {
    expect(ratioCiFromIntervals(null, { lo: 1, hi: 2 }, 10, { lo: 5, hi: 20 })).toEqual({
      ratio: null,
      lo: null,
      hi: null,
    });
    // m1 = 0 -> 1, bounds [0, 0] -> [1, 1] (no spread); m2 = 2 with [1, 4]: sd ln2/z
    // ratio 1/2, CI = 0.5 * 2^(-/+1) = [0.25, 1]
    const r = ratioCiFromIntervals(0, { lo: 0, hi: 0 }, 2, { lo: 1, hi: 4 });
    expect(r.ratio).toBe(0.5);
    expect(r.lo).toBeCloseTo(0.25, 12);
    expect(r.hi).toBeCloseTo(1, 12);
  });
});
