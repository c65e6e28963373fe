import { describe, it, expect } from 'vitest';
import { sampleRankCorrelation } from 'simple-statistics';
import { censoredMidranks, midranks, spearman } from '../../../src/stats/spearman.js';

describe('spearman', () => {
  it("Wikipedia's IQ vs TV-hours example: rho = -29/165, p = 0.627188 (t approximation)", () => {
    // sum d^2 = 194 -> rho = 1 - 6*194 / (10*(100-1)) = -29/165 = -0.175757...
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    const r = spearman(iq, tv);
    expect(r.n).toBe(10);
    expect(r.method).toBe('t-approximation');
    expect(r.rho).toBeCloseTo(-29 / 165, 12);
    expect(r.pValue).toBeCloseTo(0.627188, 5);
  });

  it('ties use average ranks (hand example)', () => {
    // ranks x: 1 2 3 4; y = [1,1,2,2] -> ranks 1.5 1.5 3.5 3.5
    // deviations: x -1.5 -.5 .5 1.5, y -1 -1 1 1 -> cov sum 4, ssx 5, ssy 4
    // rho = 4 / sqrt(20) = 0.894427; t = rho*sqrt(2/(1-.8)) = sqrt(8) on 2 df
    // df = 2: P(|T| > t) = 1 - t/sqrt(2 + t^2) = 1 - sqrt(8)/sqrt(10) = 0.105573
    const r = spearman([1, 2, 3, 4], new Float64Array([1, 1, 2, 2]));
    expect(r.rho).toBeCloseTo(4 / Math.sqrt(20), 12);
    expect(r.pValue).toBeCloseTo(1 - Math.sqrt(0.8), 10);
  });

  it('perfect monotone association', () => {
    // identical ranks -> rho = 1 (up to rounding), t -> infinity, p -> 0
    const r = spearman([1, 2, 3, 4, 5], [2, 4, 8, 16, 1000]);
    expect(r.rho).toBeCloseTo(1, 12);
    expect(r.pValue).toBeCloseTo(0, 10);
    expect(spearman([1, 2, 3], [3, 2, 1]).rho).toBeCloseTo(-1, 12);
  });

  it('edge cases: n < 3, constant variable, NaN pairs, length mismatch', () => {
    expect(spearman([], []).rho).toBeNaN();
    expect(spearman([1, 2], [2, 1]).pValue).toBeNaN();
    const c = spearman([1, 2, 3, 4], [5, 5, 5, 5]);
    expect(c.rho).toBeNaN();
    expect(c.pValue).toBeNaN();
    const nan = spearman([1, Number.NaN, 2, 3], [1, 5, 2, 3]);
    expect(nan.n).toBe(3);
    expect(nan.rho).toBe(1);
    expect(() => spearman([1, 2], [1])).toThrow(RangeError);
  });

  it("rho equals simple-statistics' sampleRankCorrelation to the last digit (ranks computed apart, same arithmetic)", () => {
    let r = 3;
    const next = (): number => (r = (r * 1103515245 + 12345) % 2147483648);
    for (let t = 0; t < 100; t++) {
      const n = 5 + (next() % 400);
      const x: number[] = [];
      const y: number[] = [];
      for (let i = 0; i < n; i++) {
        x.push(next() % 50); // many ties
        y.push(next() % (2 + t));
      }
      const reference = sampleRankCorrelation(x, y);
      expect(spearman(x, y).rho).toBe(Math.max(-1, Math.min(1, reference)));
    }
  });

  it('midranks: 1-based average ranks, ties share the mean (hand example)', () => {
    // 30 10 20 10 → sorted 10 10 20 30: the two 10s take ranks 1, 2 → 1.5; 20 → 3; 30 → 4
    expect(Array.from(midranks(new Float64Array([30, 10, 20, 10])))).toEqual([4, 1.5, 3, 1.5]);
  });

  it('midranks of fractions and negatives (ranked by their bits, not by packed keys): hand example', () => {
    // 0.5 2.5 0.5 1 → sorted 0.5 0.5 1 2.5: ranks 1.5 1.5 3 4
    expect(Array.from(midranks(new Float64Array([0.5, 2.5, 0.5, 1])))).toEqual([1.5, 4, 1.5, 3]);
    // −3 7 −3 −3 0 → sorted −3 −3 −3 0 7: the three −3s take ranks 1..3 → 2
    expect(Array.from(midranks(new Float64Array([-3, 7, -3, -3, 0])))).toEqual([2, 5, 2, 2, 4]);
  });

  it('midranks of negatives, −0 and +0 (one value), tiny and huge magnitudes, infinities: hand example', () => {
    // sorted: −Infinity, −1e300, −2.5, −1e−300, (−0, 0), 5e−324, 3, 1e300, Infinity
    const values = new Float64Array([3, -0, -2.5, 1e300, 0, -1e-300, 5e-324, -Infinity, Infinity, -1e300]);
    expect(Array.from(midranks(values))).toEqual([8, 5.5, 3, 9, 5.5, 4, 7, 1, 10, 2]);
  });

  it('midranks equal the definition, rank = #smaller + (#equal + 1) / 2, on generated values with ties and signs', () => {
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (const kind of ['fractions', 'whole'] as const) {
      const values = Float64Array.from({ length: 400 }, () => {
        const base = next() % 60;
        return kind === 'whole' ? base : (base - 30) / 7 + (next() % 3 === 0 ? 1e-12 : 0);
      });
      const expected = Array.from(values, (v) => {
        let smaller = 0;
        let equal = 0;
        for (const w of values) {
          if (w < v) smaller++;
          else if (w === v) equal++;
        }
        return smaller + (equal + 1) / 2;
      });
      expect(Array.from(midranks(values))).toEqual(expected);
    }
  });

  it('midranks: whole numbers (packed keys) rank as the same numbers shifted by ½ (by bits), ties included', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (const size of [1, 2, 5, 100, 5000]) {
      const whole = Float64Array.from({ length: size }, () => next() % (size < 100 ? 3 : 400));
      const shifted = whole.map((v) => v + 0.5);
      const ranks = midranks(whole);
      expect(Array.from(ranks)).toEqual(Array.from(midranks(shifted)));
      // ranks sum to n(n+1)/2 whatever the ties
      expect(ranks.reduce((a, b) => a + b, 0)).toBe((size * (size + 1)) / 2);
    }
  });
});

describe('censoredMidranks (Gehan scores as midranks)', () => {
  it('with nothing censored, the midranks', () => {
    expect(Array.from(censoredMidranks(Float64Array.from([30, 10, 20, 10]), Uint8Array.from([1, 1, 1, 1])))).toEqual([4, 1.5, 3, 1.5]);
  });

  it('hand example: ended 5, 10, 10; still running at 7 and 3', () => {
    // 5: 0 shorter, longer: the two 10s and the one running at 7 → U −3, (−3 + 6) / 2 = 1.5;
    // 10: shorter 5, longer none (nothing running past 10) → U 1 → 3.5 (both 10s);
    // running at 7: the answer at 5 is certainly shorter → U 1 → 3.5; running at 3: U 0 → 3.
    const r = censoredMidranks(Float64Array.from([5, 10, 7, 3, 10]), Uint8Array.from([1, 1, 0, 0, 1]));
    expect(Array.from(r)).toEqual([1.5, 3.5, 3.5, 3, 3.5]);
  });

  it('an answer at the age a ticket is still waiting came no later: the waiting one ranks above', () => {
    expect(Array.from(censoredMidranks(Float64Array.from([5, 5]), Uint8Array.from([1, 0])))).toEqual([1, 2]);
  });
});
