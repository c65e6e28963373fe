import { describe, it, expect } from 'vitest';
import {
  regularizedIncompleteBeta,
  studentTCdf,
  studentTTwoSided,
} from '../../../src/stats/studentT.js';

describe('regularizedIncompleteBeta', () => {
  it('closed forms', () => {
    // I_x(1,1) = x; I_x(a,1) = x^a; I_x(1,b) = 1 - (1-x)^b; I_.5(a,a) = .5
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedIncompleteBeta(0.6, 3, 1)).toBeCloseTo(0.216, 12);
    expect(regularizedIncompleteBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 12);
    expect(regularizedIncompleteBeta(0.5, 7.5, 7.5)).toBeCloseTo(0.5, 12);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
  it('invalid arguments -> NaN', () => {
    expect(regularizedIncompleteBeta(1.5, 1, 1)).toBeNaN();
    expect(regularizedIncompleteBeta(0.5, 0, 1)).toBeNaN();
  });
});

describe('Student t', () => {
  it('t-table values', () => {
    // two-sided 5% critical values: t(10) = 2.228, t(5) = 2.571; one-sided 5%: t(5) = 2.015, t(20) = 1.725
    expect(studentTCdf(2.228, 10)).toBeCloseTo(0.975, 4);
    expect(studentTCdf(2.015, 5)).toBeCloseTo(0.95, 4);
    expect(studentTCdf(2.571, 5)).toBeCloseTo(0.975, 4);
    expect(studentTCdf(1.725, 20)).toBeCloseTo(0.95, 4);
    expect(studentTCdf(-2.228, 10)).toBeCloseTo(0.025, 4);
    expect(studentTTwoSided(2.228, 10)).toBeCloseTo(0.05, 4);
  });
  it('closed forms for 1 and 2 df', () => {
    // df = 1 (Cauchy): F(t) = 1/2 + atan(t)/pi -> F(1) = .75, F(-1) = .25
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 12);
    expect(studentTCdf(-1, 1)).toBeCloseTo(0.25, 12);
    // df = 2: F(t) = 1/2 + t / (2 sqrt(2 + t^2)) -> F(2) = .5 + 1/sqrt(6) = .9082483
    expect(studentTCdf(2, 2)).toBeCloseTo(0.5 + 1 / Math.sqrt(6), 12);
  });
  it('symmetry, extremes, large df tends to normal', () => {
    expect(studentTCdf(0, 7)).toBe(0.5);
    expect(studentTTwoSided(0, 7)).toBe(1);
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(-Infinity, 3)).toBe(0);
    expect(studentTTwoSided(Infinity, 3)).toBe(0);
    // Phi(1.959964) = .975
    expect(studentTCdf(1.959964, 1e7)).toBeCloseTo(0.975, 6);
    expect(studentTCdf(Number.NaN, 3)).toBeNaN();
    expect(studentTCdf(1, 0)).toBeNaN();
  });
});
