import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count } from '../../src/format.js';

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
