import { describe, it, expect } from 'vitest';
import {
  mannWhitney,
  mannWhitneyExactDistribution,
  rankSumStratum,
} from '../../reference/mannWhitney.js';

// Hollander & Wolfe (1973, p. 69), the example of R's ?wilcox.test:
// wilcox.test(x, y, alternative = "g")  ->  W = 35, p-value = 0.1272
const hwX = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
const hwY = [1.15, 0.88, 0.9, 0.74, 1.21];

// R's `sleep` data, extra by group: wilcox.test(extra ~ group, data = sleep)
// -> W = 25.5, p-value = 0.06933 (normal approximation with continuity correction; ties)
const sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const sleep2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('mannWhitney: published reference values', () => {
  it('Hollander & Wolfe, exact one-sided: W = 35, p = 0.1272', () => {
    const r = mannWhitney(hwX, hwY, { alternative: 'greater' });
    expect(r.U).toBe(35);
    expect(r.method).toBe('exact');
    expect(r.ties).toBe(false);
    expect(r.z).toBeNull();
    expect(r.pValue).toBeCloseTo(0.1272, 4);
  });

  it('Hollander & Wolfe, normal without continuity correction: p = 0.1103', () => {
    const r = mannWhitney(hwX, hwY, { alternative: 'greater', exact: false, correct: false });
    expect(r.method).toBe('normal');
    expect(r.pValue).toBeCloseTo(0.1103, 4);
    // z = (35 - 10*5/2) / sqrt(10*5*16/12) = 10 / 8.164966 = 1.224745
    expect(r.z).toBeCloseTo(1.224745, 6);
  });

  it('Hollander & Wolfe, exact two-sided = 2 x one-sided = 0.2544; symmetry of less', () => {
    expect(mannWhitney(hwX, hwY).pValue).toBeCloseTo(0.2544, 4);
    // U(y vs x) = 10*5 - 35 = 15, and P(U <= 15) = P(U >= 35) by symmetry of the null
    const rev = mannWhitney(hwY, hwX, { alternative: 'less' });
    expect(rev.U).toBe(15);
    expect(rev.pValue).toBeCloseTo(0.1272, 4);
  });

  it('sleep data: W = 25.5, two-sided p = 0.06933 (ties -> normal)', () => {
    const r = mannWhitney(sleep1, sleep2);
    expect(r.U).toBe(25.5);
    expect(r.ties).toBe(true);
    expect(r.method).toBe('normal');
    expect(r.pValue).toBeCloseTo(0.06933, 5);
  });

  it('exact: true with ties falls back to normal, as R does', () => {
    const r = mannWhitney(sleep1, sleep2, { exact: true });
    expect(r.method).toBe('normal');
    expect(r.pValue).toBeCloseTo(0.06933, 5);
  });
});

describe('rankSumStratum', () => {
  it('average ranks and tie correction by hand', () => {
    // pooled: 1(x) 2(x) 2(x) 2(y) 3(y) -> ranks 1, 3, 3, 3, 5
    // rank sum x = 1 + 3 + 3 = 7; U = 7 - 3*4/2 = 1 (= #{x>y} + ties/2 = 0 + 2/2)
    // tie group of size 3: 27 - 3 = 24; var U = 3*2/12 * (6 - 24/(5*4)) = 0.5 * 4.8 = 2.4
    const r = rankSumStratum([1, 2, 2], [2, 3]);
    expect(r.nx).toBe(3);
    expect(r.ny).toBe(2);
    expect(r.rankSumX).toBe(7);
    expect(r.U).toBe(1);
    expect(r.tieSum).toBe(24);
    expect(r.meanU).toBe(3);
    expect(r.varU).toBeCloseTo(2.4, 12);
    expect(r.ties).toBe(true);
  });
  it('drops NaN', () => {
    const r = rankSumStratum([Number.NaN, 5], new Float64Array([1, Number.NaN]));
    expect(r.nx).toBe(1);
    expect(r.ny).toBe(1);
    expect(r.U).toBe(1);
  });
});

describe('mannWhitneyExactDistribution', () => {
  it('m = n = 2: arrangements of C(4,2) = 6 give U = 0,1,2,2,3,4', () => {
    const d = Array.from(mannWhitneyExactDistribution(2, 2));
    [1 / 6, 1 / 6, 2 / 6, 1 / 6, 1 / 6].forEach((v, i) => expect(d[i]).toBeCloseTo(v, 14));
  });
  it('m = 1, n = 3: U uniform on 0..3', () => {
    const d = Array.from(mannWhitneyExactDistribution(1, 3));
    expect(d.length).toBe(4);
    d.forEach((v) => expect(v).toBeCloseTo(0.25, 14));
  });
});

describe('mannWhitney edge cases', () => {
  it('empty sample -> NaN', () => {
    const r = mannWhitney([], [1, 2]);
    expect(r.U).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(mannWhitney([1], new Float64Array(0)).pValue).toBeNaN();
  });
  it('n = 1 each: exact P(U <= 0) = 1/2, two-sided p = 1', () => {
    const r = mannWhitney([1], [2]);
    expect(r.U).toBe(0);
    expect(r.method).toBe('exact');
    expect(r.pValue).toBe(1);
    expect(mannWhitney([1], [2], { alternative: 'less' }).pValue).toBeCloseTo(0.5, 14);
  });
  it('all values tied -> zero variance, p = 1', () => {
    const r = mannWhitney([3, 3, 3], [3, 3]);
    expect(r.U).toBe(3); // no x > y, 6 tied pairs count 1/2 each = nx*ny/2
    expect(r.ties).toBe(true);
    expect(r.z).toBeNull();
    expect(r.pValue).toBe(1);
  });
  it('complete separation, exact: p = 2 / C(6,3) = 0.1', () => {
    // x all above y: U = 9 = max, P(U >= 9) = 1 / C(6,3) = 1/20, two-sided 0.1
    const r = mannWhitney([4, 5, 6], [1, 2, 3]);
    expect(r.U).toBe(9);
    expect(r.pValue).toBeCloseTo(0.1, 12);
  });
  it('large samples: identical samples give U = n^2/2 and p = 1', () => {
    // every x has one tied partner in y: U = n(n-1)/2 + n/2 = n^2/2 = mean -> z = 0 (no correction at 0)
    const n = 1_000_000;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = (i * 7919) % n;
    const r = mannWhitney(x, x.slice().reverse());
    expect(r.U).toBe((n * n) / 2);
    expect(r.method).toBe('normal');
    expect(r.z).toBe(0);
    expect(r.pValue).toBe(1);
  });
});
