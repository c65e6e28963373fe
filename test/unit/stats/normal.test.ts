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

  it('the far tail keeps its digits (R: pnorm(z, lower.tail = FALSE)); a p-value is never 0 for a finite z below 38', () => {
    // pnorm(5, lower = F) = 2.866515718791939e-07; pnorm(10, lower = F) = 7.619853024160527e-24;
    // pnorm(20, lower = F) = 2.753624118606233e-89 (1 − erf gave 0 from z ≈ 9)
    expect(normalSf(5) / 2.866515718791939e-7).toBeCloseTo(1, 12);
    expect(normalSf(10) / 7.619853024160527e-24).toBeCloseTo(1, 12);
    expect(normalSf(20) / 2.753624118606233e-89).toBeCloseTo(1, 12);
    // 2 · pnorm(14.33, lower = F) = 2 · 7.106030179374749e-47
    expect(pTwoSided(-14.33) / (2 * 7.106030179374749e-47)).toBeCloseTo(1, 10);
    expect(pTwoSided(30)).toBeGreaterThan(0);
    // pnorm(3, lower = F) = 0.001349898031630095, either side of where the tail takes over
    expect(normalSf(3)).toBeCloseTo(0.001349898031630095, 12);
    expect(normalSf(2.999999)).toBeCloseTo(0.0013499024634851552, 7);
    expect(normalSf(-5)).toBeCloseTo(0.9999997133484281, 15);
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
