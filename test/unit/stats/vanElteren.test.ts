import { describe, it, expect } from 'vitest';
import { vanElteren } from '../../reference/vanElteren.js';
import { mannWhitney } from '../../reference/mannWhitney.js';

const sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const sleep2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('vanElteren', () => {
  it('one stratum = Mann–Whitney normal test without continuity correction', () => {
    // Derivation: with one stratum, N = nx + ny, R = rank sum of x:
    //   (R/(N+1) - nx/2) / (sd(R)/(N+1)) = (R - nx(N+1)/2) / sd(U) = (U - nx*ny/2) / sd(U),
    // since U = R - nx(nx+1)/2 and Var(R) = Var(U).
    // sleep data by hand: R = 25.5 + 55 = 80.5; ties -0.1 (2), 0.8 (2), 3.4 (2) -> sum(t^3 - t) = 18;
    // Var(U) = 100/12 * (21 - 18/380) = 174.60526; z = (25.5 - 50)/13.213828 = -1.854118.
    const ve = vanElteren([{ x: sleep1, y: sleep2 }]);
    const mw = mannWhitney(sleep1, sleep2, { exact: false, correct: false });
    expect(ve.strataUsed).toBe(1);
    expect(ve.statistic).toBeCloseTo(80.5 / 21, 12);
    expect(ve.expected).toBeCloseTo(5, 12);
    expect(ve.variance).toBeCloseTo(174.60526 / 441, 6);
    expect(ve.z).toBeCloseTo(-1.854118, 5);
    expect(ve.z).toBeCloseTo(mw.z as number, 10);
    expect(ve.pValue).toBeCloseTo(mw.pValue, 10);
  });

  it('two strata by hand, plus a skipped stratum', () => {
    // Stratum 1: x = [1, 2], y = [3]. N = 3, weight 1/4. Ranks of x: 1, 2 -> R = 3.
    //   contribution 3/4; expected (2*4/2)/4 = 1; no ties: Var(R) = Var(U) = nx*ny*(N+1)/12
    //   = 2*1*4/12 = 2/3 -> weighted (2/3)/16 = 1/24.
    // Stratum 2: x = [10], y = [5, 20]. N = 3, weight 1/4. Rank of 10 is 2 -> R = 2.
    //   contribution 2/4; expected 1*4/2 /4 = 1/2; Var(U) = 1*2*4/12 = 2/3 -> weighted 1/24.
    // Stratum 3: y empty -> skipped.
    // statistic = 3/4 + 1/2 = 5/4; expected = 3/2; variance = 1/24 + 1/24 = 1/12
    // z = (5/4 - 3/2) / sqrt(1/12) = -0.25 * sqrt(12) = -0.8660254 = -sqrt(3)/2
    // p = 2 * Phi(-0.8660254): table Phi(0.86) = 0.8051054, plus 0.0060254 * phi(0.863) = 0.0016564
    //   -> Phi(0.8660254) = 0.8067618, p = 2 * 0.1932382 = 0.386476
    const r = vanElteren([
      { x: [1, 2], y: [3] },
      { x: [10], y: new Float64Array([5, 20]) },
      { x: [7, 8], y: [] },
    ]);
    expect(r.strataUsed).toBe(2);
    expect(r.strataSkipped).toBe(1);
    expect(r.statistic).toBeCloseTo(1.25, 12);
    expect(r.expected).toBeCloseTo(1.5, 12);
    expect(r.variance).toBeCloseTo(1 / 12, 12);
    expect(r.z).toBeCloseTo(-Math.sqrt(3) / 2, 10);
    expect(r.pValue).toBeCloseTo(0.386476, 4);
  });

  it('edge cases: no strata, only empty groups, all tied', () => {
    const none = vanElteren([]);
    expect(none.strataUsed).toBe(0);
    expect(none.z).toBeNull();
    expect(none.pValue).toBeNaN();
    const empty = vanElteren([{ x: [], y: [1] }, { x: [Number.NaN], y: [2] }]);
    expect(empty.strataUsed).toBe(0);
    expect(empty.strataSkipped).toBe(2);
    expect(empty.pValue).toBeNaN();
    const tied = vanElteren([{ x: [4, 4], y: [4] }, { x: [1], y: [1, 1] }]);
    expect(tied.variance).toBe(0);
    expect(tied.z).toBeNull();
    expect(tied.pValue).toBe(1);
  });
});
