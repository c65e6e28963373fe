import { describe, it, expect } from 'vitest';
import {
  normalCdf,
  normalSf,
  normalQuantile,
  zCritical,
  pTwoSided,
  pGreater,
  pLess,
  pFromZ,
} from '../../../src/stats/normal.js';

// Reference values: standard normal table / R qnorm, pnorm.
// qnorm(0.975) = 1.959964, qnorm(0.95) = 1.644854, qnorm(0.995) = 2.575829,
// pnorm(1) = 0.8413447, qnorm(1e-10) = -6.361341.
describe('normal distribution', () => {
  it('normalCdf matches table values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1)).toBeCloseTo(0.8413447, 6);
    expect(normalCdf(-1)).toBeCloseTo(1 - 0.8413447, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  it('normalSf is the upper tail', () => {
    expect(normalSf(1)).toBeCloseTo(1 - 0.8413447, 6);
    expect(normalSf(-1.959964)).toBeCloseTo(0.975, 6);
  });

  it('normalQuantile is accurate beyond the probit approximation', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.644854, 6);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361341, 5);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });

  it('zCritical gives two-sided critical values and rejects bad levels', () => {
    expect(zCritical(0.95)).toBeCloseTo(1.959964, 6);
    expect(zCritical(0.99)).toBeCloseTo(2.575829, 6);
    expect(zCritical(0.9)).toBeCloseTo(1.644854, 6);
    expect(() => zCritical(1)).toThrow(RangeError);
    expect(() => zCritical(0)).toThrow(RangeError);
  });

  it('p-value helpers', () => {
    expect(pTwoSided(1.959964)).toBeCloseTo(0.05, 6);
    expect(pTwoSided(-1.959964)).toBeCloseTo(0.05, 6);
    expect(pTwoSided(0)).toBe(1);
    expect(pGreater(1.644854)).toBeCloseTo(0.05, 6);
    expect(pLess(-1.644854)).toBeCloseTo(0.05, 6);
    expect(pFromZ(1.644854, 'greater')).toBeCloseTo(0.05, 6);
    expect(pFromZ(1.644854, 'less')).toBeCloseTo(0.95, 6);
    expect(pFromZ(2.575829)).toBeCloseTo(0.01, 6);
    expect(pTwoSided(Number.NaN)).toBeNaN();
  });
});
