import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, share } from '../../src/format.js';

describe('count: whole numbers with thousands separators, as en-US writes them', () => {
  it('hand examples: separators, rounding halves away from zero, signs, zero and non-finite', () => {
    expect(count(0)).toBe('0');
    expect(count(999)).toBe('999');
    expect(count(1000)).toBe('1,000');
    expect(count(1053)).toBe('1,053');
    expect(count(1234567)).toBe('1,234,567');
    expect(count(999.5)).toBe('1,000');
    expect(count(2.5)).toBe('3');
    expect(count(-2.5)).toBe('-3');
    expect(count(-1234.4)).toBe('-1,234');
    expect(count(-0)).toBe('-0');
    expect(count(1e21)).toBe('1,000,000,000,000,000,000,000');
    expect(count(1.0000000000000001e21)).toBe('1,000,000,000,000,000,100,000');
    expect(count(Number.NaN)).toBe('NaN');
    expect(count(Infinity)).toBe('∞');
    expect(count(-Infinity)).toBe('-∞');
  });

  it("agrees with Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }) on any double", () => {
    const reference = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -1e7, max: 1e7 }), fc.double({ min: -1e6, max: 1e6 }), fc.maxSafeNat()), (x) => {
        expect(count(x)).toBe(reference.format(x));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('share: a percentage that reads 100% only when all and 0% only when none', () => {
  it('hand examples: whole percents in the middle, one decimal below 10% and near the ends, more only where one still reads 100 or 0', () => {
    expect(share(0.42)).toBe('42%');
    expect(share(0.054)).toBe('5.4%');
    expect(share(1)).toBe('100%');
    expect(share(0)).toBe('0%');
    // 998 of 1,000 is 99.8%, 3 of 1,000 is 0.3% (whole percents made them 100% and 0%)
    expect(share(998 / 1000)).toBe('99.8%');
    expect(share(3 / 1000)).toBe('0.3%');
    // 9,998 of 10,000 is 99.98%: one decimal would read 100.0%
    expect(share(9998 / 10000)).toBe('99.98%');
    // 4 of 10,000 is 0.04%: one decimal would read 0.0%
    expect(share(4 / 10000)).toBe('0.04%');
    // 1 of 1,000,000,000: 0.0000001%
    expect(share(1 / 1e9)).toBe('0.0000001%');
    // 99.5% and 0.5% themselves, once rounded to 100% and 1%
    expect(share(995 / 1000)).toBe('99.5%');
    expect(share(5 / 1000)).toBe('0.5%');
    expect(share(994 / 1000)).toBe('99%');
  });

  it('k of n (0 < k < n) never reads 100% or 0%, and the number shown is k/n to the last place written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1e9 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, u) => {
        const k = Math.min(n - 1, Math.max(1, Math.floor(u * n)));
        const text = share(k / n);
        expect(text).not.toBe('100%');
        expect(text).not.toBe('0%');
        const digits = text.slice(0, -1);
        const places = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
        expect(Math.abs(Number(digits) - (100 * k) / n)).toBeLessThanOrEqual(0.5 * 10 ** -places + 1e-9);
      }),
      { numRuns: 3000 },
    );
  });
});
