import { describe, it, expect } from 'vitest';
import { gehan, gehanStratified } from '../../reference/gehan.js';
import { mannWhitney } from '../../reference/mannWhitney.js';
import { vanElteren } from '../../reference/vanElteren.js';
import { maintained, nonmaintained } from '../../reference/aml.js';

const all1 = (n: number): number[] => Array.from({ length: n }, () => 1);

// Gehan (1965): remission weeks of 42 leukaemia patients (Freireich et al. 1963), + = censored.
// 6-MP:    6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+
// placebo: 1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23
const mp = {
  times: [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35],
  events: [1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0],
};
const placebo = { times: [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23], events: all1(21) };

describe('gehan: published reference values', () => {
  it("Gehan's 6-MP data: W = 271, Mantel's Var(W) = 5644.39, Z = 3.6071, p = 0.0003096", () => {
    // W = 271 is Gehan's (1965) statistic for these data. R's coin package, which uses the
    // permutation (Mantel) variance: logrank_test(Surv(time, event) ~ g, type = "Gehan-Breslow")
    //   -> linear statistic 271, variance 5644.39, Z = 3.6071, p-value = 0.0003096.
    // By hand: Σu² = 22040 over the 42 patients, Var = 21·21/(42·41) · 22040 = 441/1722 · 22040
    //   = 5644.3902; z = 271/75.12916 = 3.607122.
    // (The same W is Breslow's Σ n_j(E_j − O_j) over the event times; with the hypergeometric
    // variance of the weighted log-rank form instead of Mantel's, 271²/5457.11 = 13.46 on 1 df.)
    const r = gehan(mp, placebo);
    expect(r.statistic).toBe(271);
    expect(r.variance).toBeCloseTo(5644.3902, 3);
    expect(r.z).toBeCloseTo(3.607122, 5);
    expect(r.pValue).toBeCloseTo(0.0003096, 6);
    expect(r.nA).toBe(21);
    expect(r.nB).toBe(21);
    // Orientation: swapping the groups flips the sign only.
    const swapped = gehan(placebo, mp);
    expect(swapped.statistic).toBe(-271);
    expect(swapped.pValue).toBeCloseTo(r.pValue, 12);
  });

  it('aml (R survival): W = 50, Var = 912, Z = 1.6557, p = 0.09779 (coin, Gehan-Breslow)', () => {
    // logrank_test(Surv(time, status) ~ x, data = aml, type = "Gehan-Breslow"), Maintained first:
    //   linear statistic 50, variance 912, Z = 1.655665, p-value = 0.09778959.
    const r = gehan(maintained, nonmaintained);
    expect(r.statistic).toBe(50);
    expect(r.variance).toBeCloseTo(912, 9);
    expect(r.z).toBeCloseTo(1.655665, 5);
    expect(r.pValue).toBeCloseTo(0.09778959, 6);
  });
});

describe('gehan: ties and censoring by hand', () => {
  it('six observations with an event and a censoring at the same time', () => {
    // A: 2, 4+, 4   B: 1, 4, 5+   (+ = censored). Event times 1 2 4 4; all times 1 2 4 4 4 5; N = 6.
    // u = #definitely smaller − #definitely larger:
    //   B 1  (event):    0 smaller; larger = all 5 others                     → −5
    //   A 2  (event):    1 smaller (1); larger = 4+, 4, 4, 5+                  → 1 − 4 = −3
    //   A 4  (event):    2 smaller (1, 2); larger = 4+ (censored at 4 outlasts
    //                    an answer at 4) and 5+; the other event at 4 is a tie  → 2 − 2 = 0
    //   B 4  (event):    the same                                              → 0
    //   A 4+ (censored): larger than the events at or before 4 (1, 2, 4, 4)   → 4
    //   B 5+ (censored): larger than 1, 2, 4, 4                                → 4
    // Σu = 0 ✓. W = −3 + 4 + 0 = 1 (pair by pair: 2 vs 1, 4+ vs 1, 4+ vs 4, 4 vs 1 are +1;
    // 2 vs 4, 2 vs 5+, 4 vs 5+ are −1; 4+ vs 5+ and 4 vs 4 are 0: 4 − 3 = 1).
    // Σu² = 25 + 9 + 0 + 0 + 16 + 16 = 66; Var = 3·3/(6·5) · 66 = 19.8; z = 1/√19.8 = 0.2247333;
    // p = 2·(1 − Φ(0.2247333)) = 0.8221868. coin gives the same (1, 19.8, 0.2247333, 0.8221868).
    const r = gehan({ times: [2, 4, 4], events: [1, 0, 1] }, { times: [1, 4, 5], events: [1, 1, 0] });
    expect(r.statistic).toBe(1);
    expect(r.variance).toBeCloseTo(19.8, 12);
    expect(r.z).toBeCloseTo(0.2247333, 6);
    expect(r.pValue).toBeCloseTo(0.8221868, 6);
  });

  it('two strata: plain sums and Van Elteren weights', () => {
    // Stratum x: the six observations above, W = 1, Var = 19.8, N = 6.
    // Stratum y: A 3, 8   B 2, 6+. Event times 2 3 8; N = 4.
    //   B 2: 0 − 3 = −3;  A 3: 1 − 2 (6+, 8) = −1;  B 6+: 2 (2, 3);  A 8: 2 (2, 3) − 0 = 2.
    //   W = −1 + 2 = 1; Σu² = 9 + 1 + 4 + 4 = 18; Var = 2·2/(4·3) · 18 = 6.
    // A third stratum without B is skipped.
    // Sum:          W = 2, Var = 25.8, z = 2/5.0793700 = 0.3937496.
    // Van Elteren:  W = 1/7 + 1/5 = 12/35 = 0.3428571; Var = 19.8/49 + 6/25 = 0.6440816;
    //               z = 0.3428571/0.8025470 = 0.4272113.
    const strata = [
      { a: { times: [2, 4, 4], events: [1, 0, 1] }, b: { times: [1, 4, 5], events: [1, 1, 0] } },
      { a: { times: [3, 8], events: [1, 1] }, b: { times: [2, 6], events: [1, 0] } },
      { a: { times: [7], events: [1] }, b: { times: [], events: [] } },
    ];
    const sum = gehanStratified(strata, { weighting: 'sum' });
    expect(sum.statistic).toBe(2);
    expect(sum.variance).toBeCloseTo(25.8, 12);
    expect(sum.z).toBeCloseTo(0.3937496, 6);
    expect(sum.strataUsed).toBe(2);
    expect(sum.strataSkipped).toBe(1);
    expect([sum.nA, sum.nB]).toEqual([5, 5]);
    const ve = gehanStratified(strata);
    expect(ve.statistic).toBeCloseTo(12 / 35, 12);
    expect(ve.variance).toBeCloseTo(0.6440816, 6);
    expect(ve.z).toBeCloseTo(0.4272113, 6);
  });

  it('edge cases: empty groups, nothing orderable, non-finite times dropped', () => {
    expect(gehan({ times: [], events: [] }, { times: [1], events: [1] }).pValue).toBeNaN();
    expect(gehanStratified([]).pValue).toBeNaN();
    // Only censorings: no pair can be ordered, every score is 0.
    const none = gehan({ times: [1, 2], events: [0, 0] }, { times: [3], events: [0] });
    expect(none.variance).toBe(0);
    expect(none.z).toBeNull();
    expect(none.pValue).toBe(1);
    const dropped = gehan({ times: [Number.NaN, 2, Number.POSITIVE_INFINITY], events: [1, 1, 1] }, { times: [1], events: [1] });
    expect(dropped.nA).toBe(1);
    expect(dropped.statistic).toBe(1);
    expect(() => gehan({ times: [1, 2], events: [1] }, { times: [1], events: [1] })).toThrow(RangeError);
  });
});

describe('gehan without censoring is Mann–Whitney (normal, tie-corrected, no continuity correction)', () => {
  // Why: without censoring "definitely smaller" is just "smaller", so for a value with L values
  // below it, G above it and t − 1 others tied with it (midrank r = L + (t+1)/2, N = L + G + t),
  // u = L − G = 2r − (N + 1). Hence W = Σ_A u = 2R_A − n_A(N+1) = 2(U − n_A·n_B/2), and
  // Σu² = 4Σ(r − (N+1)/2)², so Var(W) = 4·Var_perm(R_A) = 4·Var(U) with the tie correction.
  // z = W/√Var(W) = (U − n_A·n_B/2)/sd(U): the Mann–Whitney z without continuity correction.
  it('Hollander & Wolfe (R ?wilcox.test): z = 1.224745, two-sided p = 0.2207', () => {
    // U = 35 → W = 2·(35 − 25) = 20; Var(U) = 10·5·16/12 = 66.667 → Var(W) = 266.667 (coin: 20, 266.6667).
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const g = gehan({ times: x, events: all1(10) }, { times: y, events: all1(5) });
    const mw = mannWhitney(x, y, { correct: false, exact: false });
    expect(g.statistic).toBeCloseTo(20, 12);
    expect(g.variance).toBeCloseTo(800 / 3, 9);
    expect(g.z).toBeCloseTo(1.224745, 6);
    expect(g.pValue).toBeCloseTo(0.2207, 4);
    expect(g.z).toBeCloseTo(mw.z as number, 12);
    expect(g.pValue).toBeCloseTo(mw.pValue, 12);
  });

  it('tied sample (R sleep data): z = −1.854118, p = 0.06372', () => {
    // U = 25.5 → W = 2·(25.5 − 50) = −49; ties −0.1, 0.8, 3.4 (pairs): Var(U) = 100/12·(21 − 18/380)
    // = 174.60526 → Var(W) = 698.42105 (coin on these values shifted by +2: −49, 698.4211).
    // wilcox.test(sleep1, sleep2, exact = FALSE, correct = FALSE): p-value = 0.06372.
    // Times may be negative here: only their order matters.
    const s1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const s2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const g = gehan({ times: s1, events: all1(10) }, { times: s2, events: all1(10) });
    const mw = mannWhitney(s1, s2, { correct: false, exact: false });
    expect(g.statistic).toBe(-49);
    expect(g.variance).toBeCloseTo(698.42105, 4);
    expect(g.z).toBeCloseTo(-1.854118, 5);
    expect(g.pValue).toBeCloseTo(0.06372, 5);
    expect(g.z).toBeCloseTo(mw.z as number, 12);
    expect(g.pValue).toBeCloseTo(mw.pValue, 12);
  });

  it('stratified with Van Elteren weights = Van Elteren (same z) when nothing is censored', () => {
    // Σ W_k/(N_k+1) = 2·Σ (R_k − E R_k)/(N_k+1) and the variance is 4× Van Elteren's: same z.
    const strata = [
      { x: [1, 2, 2, 7], y: [2, 3, 9] },
      { x: [10, 11], y: [5, 20, 20, 31] },
      { x: [4, 4, 4], y: [4, 5] },
    ];
    const ve = vanElteren(strata);
    const g = gehanStratified(strata.map((s) => ({ a: { times: s.x, events: s.x.map(() => 1) }, b: { times: s.y, events: s.y.map(() => 1) } })));
    expect(g.statistic).toBeCloseTo(2 * (ve.statistic - ve.expected), 12);
    expect(g.variance).toBeCloseTo(4 * ve.variance, 12);
    expect(g.z).toBeCloseTo(ve.z as number, 12);
    expect(g.pValue).toBeCloseTo(ve.pValue, 12);
  });
});

/** Gehan's W and Σu² straight from the pair definitions: O(N²), for checking the fast version. */
function bruteForce(a: { times: number[]; events: number[] }, b: { times: number[]; events: number[] }): { W: number; variance: number } {
  const obs = [
    ...a.times.map((t, i) => ({ t, e: a.events[i] as number, inA: true })),
    ...b.times.map((t, i) => ({ t, e: b.events[i] as number, inA: false })),
  ];
  // i definitely smaller than j: i is an event and j ends later, or j is censored at i's time.
  const smaller = (i: (typeof obs)[number], j: (typeof obs)[number]): boolean => i.e === 1 && (i.t < j.t || (i.t === j.t && j.e === 0));
  let W = 0;
  let sumU2 = 0;
  for (const i of obs) {
    let u = 0;
    for (const j of obs) {
      if (j === i) continue;
      if (smaller(j, i)) u++;
      if (smaller(i, j)) u--;
    }
    if (i.inA) W += u;
    sumU2 += u * u;
  }
  const N = obs.length;
  return { W, variance: ((a.times.length * b.times.length) / (N * (N - 1))) * sumU2 };
}

describe('gehan: the O(N log N) scores equal the pair-by-pair definition', () => {
  it('on 200 random censored samples with many ties', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const sample = (n: number, censorShare: number): { times: number[]; events: number[] } => {
      const times = Array.from({ length: n }, () => Math.floor(random() * 15)); // integers: ties
      const events = times.map(() => (random() < censorShare ? 0 : 1));
      return { times, events };
    };
    for (let k = 0; k < 200; k++) {
      const a = sample(1 + Math.floor(random() * 30), random() * 0.7);
      const b = sample(1 + Math.floor(random() * 30), random() * 0.7);
      const fast = gehan(a, b);
      const slow = bruteForce(a, b);
      expect(fast.statistic).toBe(slow.W);
      expect(fast.variance).toBeCloseTo(slow.variance, 8);
      // The same in time order (the path that skips the sorts).
      const order = (s: { times: number[]; events: number[] }) => {
        const idx = s.times.map((_, i) => i).sort((x, y) => (s.times[x] as number) - (s.times[y] as number));
        return { times: idx.map((i) => s.times[i] as number), events: idx.map((i) => s.events[i] as number) };
      };
      const sorted = gehan(order(a), order(b));
      expect(sorted.statistic).toBe(slow.W);
      expect(sorted.variance).toBeCloseTo(slow.variance, 8);
    }
  });

  it('a million observations in well under a second per group (no N² work)', () => {
    const n = 500_000;
    const times = new Float64Array(n);
    const events = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      times[i] = (i * 7919) % 100_003;
      events[i] = i % 3 === 0 ? 0 : 1;
    }
    const started = Date.now();
    const r = gehan({ times, events }, { times: times.slice().reverse(), events: events.slice().reverse() });
    // Identical multisets of (time, event): W = 0 exactly.
    expect(r.statistic).toBe(0);
    expect(r.pValue).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
