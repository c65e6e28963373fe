/**
 * The published reference values the per-ticket statistics are tested against (R's survival and
 * coin packages on aml, Gehan's 6-MP data, Hollander & Wolfe, R's sleep data, textbook quantile
 * tables), re-run through the tally versions with the same expected values. Where a tally is
 * built from count rows, the rows are what an engine's GROUP BY would return for those tickets.
 */
import { describe, expect, it } from 'vitest';
import { maintained, nonmaintained } from '../../../reference/aml.js';
import { vanElteren } from '../../../reference/vanElteren.js';
import { EMPTY_TALLY, endedOnly, sumTallies, tallyFromRows, tallyFromSamples, tallySizes, type Tally } from '../../../../src/stats/tally.js';
import { kaplanMeier, kmQuantile, kmSummary, kmSurvivalAt } from '../../../../src/stats/kaplanMeier.js';
import { endedMedian, endedQuantile, endedQuantileCi, OrderStatistics } from '../../../../src/stats/orderStatistics.js';
import { kmMedianLogVariance } from '../../../../src/stats/median.js';
// the median estimate the measure stage uses (Kaplan–Meier, or a lower bound when not reached)
import { medianEstimate as firstResponseMedian } from '../../../../src/measure/estimate.js';
import { gehan, gehanStratified, logRank, logRankStratified } from '../../../../src/stats/rankTests.js';

const Z = 1.959963984540054;
const tally = (s: { times: number[]; events: number[] }): Tally => tallyFromSamples(s.times, s.events);
const allEnded = (times: number[]): Tally => tallyFromSamples(times, times.map(() => 1));

// aml as count rows (seconds, ended, waiting), unordered, with 13 split over two rows:
// Maintained 9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+.
const amlMaintained = tallyFromRows([161, 13, 9, 48, 45, 34, 31, 28, 23, 18, 13], [0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0], [1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
const amlNonmaintained = tally(nonmaintained);

describe('building tallies by hand', () => {
  it('aml from count rows: distinct times with ended and waiting', () => {
    expect(Array.from(amlMaintained.times)).toEqual([9, 13, 18, 23, 28, 31, 34, 45, 48, 161]);
    expect(Array.from(amlMaintained.ended)).toEqual([1, 1, 1, 1, 0, 1, 1, 0, 1, 0]);
    expect(Array.from(amlMaintained.waiting)).toEqual([0, 1, 0, 0, 1, 0, 0, 1, 0, 1]);
    expect(tallySizes(amlMaintained)).toEqual({ n: 11, ended: 7, waiting: 4 });
    // The same as the tickets.
    const fromTickets = tally(maintained);
    expect(Array.from(fromTickets.times)).toEqual(Array.from(amlMaintained.times));
    expect(Array.from(fromTickets.waiting)).toEqual(Array.from(amlMaintained.waiting));
  });

  it('strata merged, ended part', () => {
    // Maintained + Nonmaintained: times 5 8 9 12 13 16 18 23 27 28 30 31 33 34 43 45 48 161;
    // at 23 one ended in each group (2); at 45 Maintained 45+ and Nonmaintained 45 (1 ended, 1 waiting).
    const both = sumTallies([amlMaintained, amlNonmaintained]);
    expect(Array.from(both.times)).toEqual([5, 8, 9, 12, 13, 16, 18, 23, 27, 28, 30, 31, 33, 34, 43, 45, 48, 161]);
    expect(both.ended[7]).toBe(2);
    expect([both.ended[15], both.waiting[15]]).toEqual([1, 1]);
    expect(tallySizes(both)).toEqual({ n: 23, ended: 18, waiting: 5 });
    expect(sumTallies([])).toBe(EMPTY_TALLY);
    const ended = endedOnly(amlMaintained);
    expect(Array.from(ended.times)).toEqual([9, 13, 18, 23, 31, 34, 48]);
    expect(tallySizes(ended)).toEqual({ n: 7, ended: 7, waiting: 0 });
  });

  it('rejects rows an engine should never return, naming the row', () => {
    expect(() => tallyFromRows([1, 2], [1], [0, 0])).toThrow(RangeError);
    expect(() => tallyFromRows([1, Number.NaN], [1, 1], [0, 0])).toThrow(/row 1: time NaN/);
    expect(() => tallyFromRows([1, 2], [1, -1], [0, 0])).toThrow(/row 1: ended count -1/);
    expect(() => tallyFromRows([1, 2], [1, 1], [0.5, 0])).toThrow(/row 0: waiting count 0.5/);
    expect(() => tallyFromSamples([1, 2], [1])).toThrow(RangeError);
  });
});

describe('Kaplan–Meier on tallies (R survfit on aml)', () => {
  it('Maintained: curve, Greenwood, median 31 [18, NA]', () => {
    const km = kaplanMeier(amlMaintained);
    expect(km.n).toBe(11);
    expect(km.totalEvents).toBe(7);
    expect(km.maxTime).toBe(161);
    expect(Array.from(km.time)).toEqual([9, 13, 18, 23, 31, 34, 48]);
    expect(Array.from(km.nRisk)).toEqual([11, 10, 8, 7, 5, 4, 2]);
    // S = 10/11, 9/11, 63/88, 27/44, 27/55, 81/220, 81/440 (product of 1 − d/n).
    [10 / 11, 9 / 11, 63 / 88, 27 / 44, 27 / 55, 81 / 220, 81 / 440].forEach((s, i) => expect(km.survival[i]).toBeCloseTo(s, 12));
    // se(S(9)) = 10/11·√(1/110) = 0.0866784; se(S(13)) = 9/11·√(1/110 + 1/90) = 0.1162913;
    // se(log S(18)) = √(1/110 + 1/90 + 1/56) = 0.195088.
    expect(km.stdErr[0]).toBeCloseTo(0.0866784, 6);
    expect(km.stdErr[1]).toBeCloseTo(0.1162913, 6);
    expect(km.stdErrLog[2]).toBeCloseTo(0.195088, 5);
    expect(kmQuantile(km, 0.5)).toEqual({ estimate: 31, lo: 18, hi: null });
    // R's rule on the non-monotone upper curve: CDF values .054435 (31), .124727 (34), .056470 (48).
    expect(kmQuantile(km, 0.055).hi).toBe(48);
    expect(kmQuantile(km, 0.1).hi).toBe(34);
    expect(kmQuantile(km, 0.25).estimate).toBe(18);
    expect(kmQuantile(km, 0.75).estimate).toBe(48);
    expect(kmQuantile(km, 0.9).estimate).toBeNull();
    expect(kmSurvivalAt(km, 12.5)).toBeCloseTo(10 / 11, 12);
    expect(kmSurvivalAt(km, 161)).toBeCloseTo(81 / 440, 12);
    expect(kmSurvivalAt(km, 162)).toBeNaN();
    expect(kmSummary(amlMaintained)).toEqual({ n: 11, ended: 7, median: 31, p90: null, ci95: [18, null] });
  });

  it('Nonmaintained: median 23 [8, NA], the last event empties the risk set', () => {
    const km = kaplanMeier(amlNonmaintained);
    expect(Array.from(km.nRisk)).toEqual([12, 10, 8, 6, 5, 4, 3, 2, 1]);
    expect(Array.from(km.nEvent)).toEqual([2, 2, 1, 1, 1, 1, 1, 1, 1]);
    expect(km.survival[3]).toBeCloseTo(35 / 72, 12);
    expect(km.survival[8]).toBe(0);
    expect(km.stdErrLog[8]).toBe(Infinity);
    expect(km.stdErr[8]).toBeNaN();
    expect(kmQuantile(km, 0.5)).toEqual({ estimate: 23, lo: 8, hi: null });
  });

  it("R's midpoint rules and the edge cases", () => {
    // 1..10 all ended: S(5) = 0.5 exactly → (5 + 6)/2; S(2) = 0.8 → 20th percentile (2 + 3)/2.
    const ten = kaplanMeier(allEnded([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(kmQuantile(ten, 0.5).estimate).toBe(5.5);
    expect(kmQuantile(ten, 0.2).estimate).toBe(2.5);
    // 1, 2, 3+, 4+: flat at 1/2 to the end → (2 + 4)/2.
    expect(kmQuantile(kaplanMeier(tally({ times: [1, 2, 3, 4], events: [1, 1, 0, 0] })), 0.5).estimate).toBe(3);
    expect(kmQuantile(kaplanMeier(EMPTY_TALLY), 0.5)).toEqual({ estimate: null, lo: null, hi: null });
    expect(kaplanMeier(EMPTY_TALLY).maxTime).toBeNaN();
    expect(kmSummary(EMPTY_TALLY)).toEqual({ n: 0, ended: 0, median: null, p90: null, ci95: null });
    expect(kmQuantile(kaplanMeier(allEnded([5])), 0.5)).toEqual({ estimate: 5, lo: null, hi: null });
    const censored = kaplanMeier(tally({ times: [3, 5, 8], events: [0, 0, 0] }));
    expect(censored.time.length).toBe(0);
    expect(kmSurvivalAt(censored, 8)).toBe(1);
    expect(kmQuantile(censored, 0.5)).toEqual({ estimate: null, lo: null, hi: null });
    expect(() => kmQuantile(ten, 1.2)).toThrow(RangeError);
    // A million tickets 1..1e6, all ended: S(500000) = 0.5 → 500000.5.
    const n = 1_000_000;
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) t[n - 1 - i] = i + 1;
    expect(kmQuantile(kaplanMeier(tallyFromSamples(t, new Float64Array(n).fill(1))), 0.5).estimate).toBe(500000.5);
  });
});

describe('plain quantiles of the ended on tallies', () => {
  it('R quantile(1:4, c(0, .25, .5, .9, 1)) = 1, 1.75, 2.5, 3.7, 4 (type 7), waiting tickets ignored', () => {
    const t = tally({ times: [4, 1, 3, 2, 9, 0], events: [1, 1, 1, 1, 0, 0] });
    expect(endedQuantile(t, 0)).toBe(1);
    expect(endedQuantile(t, 0.25)).toBeCloseTo(1.75, 12);
    expect(endedQuantile(t, 0.5)).toBeCloseTo(2.5, 12);
    expect(endedQuantile(t, 0.9)).toBeCloseTo(3.7, 12);
    expect(endedQuantile(t, 1)).toBe(4);
    expect(endedMedian(t)).toBe(2.5);
    expect(endedMedian(allEnded([2, 2, 2]))).toBe(2);
    expect(endedMedian(EMPTY_TALLY)).toBeNaN();
    expect(endedQuantile(EMPTY_TALLY, 0.5)).toBeNaN();
    expect(() => endedQuantile(t, 1.5)).toThrow(RangeError);
  });

  it('interpolated quantiles carry no binary noise: R quantile(c(0, 0, 0, 0, 0, 100, 200), .9) = 140', () => {
    // h = 6·0.9 = 5.4 → 100 + 0.4·(200 − 100); plain double arithmetic gives 140.00000000000003
    expect(endedQuantile(allEnded([0, 0, 0, 0, 0, 100, 200]), 0.9)).toBe(140);
    // every observed time, as a median or p90 not reached reads them: 2 answered, 5 still waiting
    const mixed = tally({ times: [0, 0, 0, 0, 0, 100, 200], events: [1, 1, 0, 0, 0, 0, 0] });
    expect(new OrderStatistics(mixed, 'all').quantile(0.9)).toBe(140);
  });

  it('order-statistic CIs: n = 10 median [x(2), x(9)]; n = 20 p90 [x(15), NA]; n = 5 none at 95%, [x(1), x(5)] at 90%', () => {
    // Bin(10, .5): P(B ≤ 1) = 11/1024 ≤ .025 < P(B ≤ 2) = 56/1024 → l = 2, u = 9.
    expect(endedQuantileCi(allEnded([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]), 0.5)).toEqual({ lo: 20, hi: 90 });
    // Bin(20, .9): P(B ≤ 14) = .0113 ≤ .025 < P(B ≤ 15) = .0432 → l = 15; P(B ≥ 20) = .1216 → no u.
    expect(endedQuantileCi(allEnded(Array.from({ length: 20 }, (_, i) => i + 1)), 0.9)).toEqual({ lo: 15, hi: null });
    expect(endedQuantileCi(allEnded([1, 2, 3, 4, 5]), 0.5)).toEqual({ lo: null, hi: null });
    expect(endedQuantileCi(allEnded([1, 2, 3, 4, 5]), 0.5, 0.9)).toEqual({ lo: 1, hi: 5 });
    // Ties: ten 3s → [3, 3]; the same from one count row of ten.
    expect(endedQuantileCi(tallyFromRows([3], [10], [0]), 0.5)).toEqual({ lo: 3, hi: 3 });
    // n = 2000 tied in pairs (1, 1, 2, 2, …, 1000, 1000): normal approximation l = 956, u = 1045
    // → x(956) = 478, x(1045) = 523.
    const pairs = tallyFromRows(Array.from({ length: 1000 }, (_, i) => i + 1), new Array(1000).fill(2), new Array(1000).fill(0));
    expect(new OrderStatistics(pairs).quantileCi(0.5)).toEqual({ lo: 478, hi: 523 });
  });
});

describe('first-response median estimate on tallies', () => {
  it('kmMedianLogVariance without censoring reads the Price–Bonett order statistics: ((ln 50 − ln 10)/(2z))²', () => {
    // n = 5: median 30; Greenwood se at 30 = √(.4·.6/5) = 0.2191 → quantiles at .0706, .9294 → 10, 50.
    const r = kmMedianLogVariance(allEnded([30, 10, 50, 20, 40]));
    expect(r.median).toBe(30);
    expect(r.variance).toBeCloseTo((Math.log(5) / (2 * Z)) ** 2, 7);
    expect(r.variance).toBeCloseTo(0.168577, 5);
  });

  it('with a censored value, from the Greenwood spread: (ln 6/(2z))² = 0.208931', () => {
    // 10 20 30+ 40 50 60: median 40; Σ d/(n(n−d)) to 40 = 1/30 + 1/20 + 1/6 = .25, se = (4/9)·.5;
    // quantiles at .0644 and .9356 → 10 and 60.
    const r = kmMedianLogVariance(tally({ times: [10, 20, 30, 40, 50, 60], events: [1, 1, 0, 1, 1, 1] }));
    expect(r.median).toBe(40);
    expect(r.variance).toBeCloseTo(0.208931, 5);
    // 10 20 30 40+ 50+: median 30, Q(0.93) never reached → variance null.
    expect(kmMedianLogVariance(tally({ times: [10, 20, 30, 40, 50], events: [1, 1, 1, 0, 0] }))).toEqual({ median: 30, variance: null });
  });

  it('every ticket tied at the median: the distribution-free CI is that duration (not undefined)', () => {
    // 40 tickets all answered in exactly 3600 s: every order statistic is 3600, so the classic CI
    // of the median is [3600, 3600] and var(ln m) = 0. The curve falls from 1 to 0 at 3600, where
    // Greenwood's se(S) is 0·∞; there is no earlier step, so se = 0.
    expect(firstResponseMedian(allEnded(new Array(40).fill(3600)))).toEqual({ value: 3600, reached: true, lo: 3600, hi: 3600 });
    expect(kmMedianLogVariance(allEnded(new Array(40).fill(3600)))).toEqual({ median: 3600, variance: 0 });
    // 1800 once, 3600 × 39: median 3600 (S(1800) = 39/40 > .5). S falls to 0 at 3600, so the step
    // at 1800 is read: se = (39/40)·√(1/(40·39)) = 0.024685; quantiles at .5 ∓ 1.96·se = .4516,
    // .5484: F reaches both only at 3600 (F(1800) = 1/40).
    expect(firstResponseMedian(allEnded([1800, ...new Array(39).fill(3600)]))).toEqual({ value: 3600, reached: true, lo: 3600, hi: 3600 });
    // Control, unchanged by the rule: 10, 20, 30, 30. S(20) = .5 exactly, so the median is the
    // midpoint (20 + 30)/2 = 25 (R's survfit); the last step ≤ 25 is 20 (S = .5 > 0):
    // se = .5·√(1/12 + 1/6) = .25 → quantiles at .01 and .99 → 10, 30.
    expect(firstResponseMedian(allEnded([10, 20, 30, 30]))).toEqual({ value: 25, reached: true, lo: 10, hi: 30 });
  });

  it('median not reached: the median of the observed times, lower end x(1)', () => {
    // Answered at 10 and 20, waiting after 100, 200, 300: S stays at 3/5. Median of 10 20 100 200 300
    // = 100; Price–Bonett c = round(3 − 1.96·√1.25) = 1 → 10.
    expect(firstResponseMedian(tally({ times: [10, 20, 100, 200, 300], events: [1, 1, 0, 0, 0] }))).toEqual({ value: 100, reached: false, lo: 10, hi: null });
    // Reached, five answered: 30 with spread [10, 50] (as above).
    expect(firstResponseMedian(allEnded([30, 10, 50, 20, 40]))).toEqual({ value: 30, reached: true, lo: 10, hi: 50 });
    expect(firstResponseMedian(EMPTY_TALLY)).toEqual({ value: null, reached: false, lo: null, hi: null });
  });
});

// Gehan (1965): remission weeks of 42 leukaemia patients (Freireich et al. 1963), + = censored.
// 6-MP:    6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+
// placebo: 1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23
// The 6-MP group as count rows (16 distinct times, 9 ended and 12 waiting).
const mp = tallyFromRows(
  [6, 7, 9, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 34, 35],
  [3, 1, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0],
  [1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 2, 1, 1],
);
const placebo = allEnded([1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23]);

describe('Gehan on tallies: published reference values', () => {
  it("Gehan's 6-MP data: W = 271, Mantel's Var(W) = 5644.39, Z = 3.6071, p = 0.0003096 (coin)", () => {
    // Σu² = 22040; Var = 21·21/(42·41)·22040 = 5644.3902; z = 271/75.12916 = 3.607122.
    const r = gehan(mp, placebo);
    expect(r.statistic).toBe(271);
    expect(r.variance).toBeCloseTo(5644.3902, 3);
    expect(r.z).toBeCloseTo(3.607122, 5);
    expect(r.pValue).toBeCloseTo(0.0003096, 6);
    expect([r.nA, r.nB]).toEqual([21, 21]);
    const swapped = gehan(placebo, mp);
    expect(swapped.statistic).toBe(-271);
    expect(swapped.pValue).toBeCloseTo(r.pValue, 12);
  });

  it('aml: W = 50, Var = 912, Z = 1.6557, p = 0.09779 (coin, Gehan-Breslow)', () => {
    const r = gehan(amlMaintained, amlNonmaintained);
    expect(r.statistic).toBe(50);
    expect(r.variance).toBeCloseTo(912, 9);
    expect(r.z).toBeCloseTo(1.655665, 5);
    expect(r.pValue).toBeCloseTo(0.09778959, 6);
  });

  it('six observations with an event and a censoring at the same time: W = 1, Var = 19.8', () => {
    // A: 2, 4+, 4   B: 1, 4, 5+. Scores −5 (B 1), −3 (A 2), 0 (A 4), 0 (B 4), 4 (A 4+), 4 (B 5+).
    // Σu² = 66; Var = 9/30·66 = 19.8; z = 0.2247333; p = 0.8221868 (coin).
    const r = gehan(tally({ times: [2, 4, 4], events: [1, 0, 1] }), tally({ times: [1, 4, 5], events: [1, 1, 0] }));
    expect(r.statistic).toBe(1);
    expect(r.variance).toBeCloseTo(19.8, 12);
    expect(r.z).toBeCloseTo(0.2247333, 6);
    expect(r.pValue).toBeCloseTo(0.8221868, 6);
  });

  it('two strata and a skipped one: plain sums W = 2, Var = 25.8; Van Elteren W = 12/35, Var = 0.6440816', () => {
    // Stratum y: A 3, 8  B 2, 6+: scores −3, −1, 2, 2 → W = 1, Σu² = 18, Var = 4/12·18 = 6.
    const strata = [
      { a: tally({ times: [2, 4, 4], events: [1, 0, 1] }), b: tally({ times: [1, 4, 5], events: [1, 1, 0] }) },
      { a: allEnded([3, 8]), b: tally({ times: [2, 6], events: [1, 0] }) },
      { a: allEnded([7]), b: EMPTY_TALLY },
    ];
    const sum = gehanStratified(strata, { weighting: 'sum' });
    expect(sum.statistic).toBe(2);
    expect(sum.variance).toBeCloseTo(25.8, 12);
    expect(sum.z).toBeCloseTo(0.3937496, 6);
    expect([sum.strataUsed, sum.strataSkipped, sum.nA, sum.nB]).toEqual([2, 1, 5, 5]);
    const ve = gehanStratified(strata);
    expect(ve.statistic).toBeCloseTo(12 / 35, 12);
    expect(ve.variance).toBeCloseTo(0.6440816, 6);
    expect(ve.z).toBeCloseTo(0.4272113, 6);
  });

  it('Hollander & Wolfe (R ?wilcox.test), nothing censored: z = 1.224745, p = 0.2207', () => {
    // U = 35 → W = 2·(35 − 25) = 20; Var(W) = 4·Var(U) = 4·66.667 = 266.667.
    const g = gehan(allEnded([0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]), allEnded([1.15, 0.88, 0.9, 0.74, 1.21]));
    expect(g.statistic).toBeCloseTo(20, 12);
    expect(g.variance).toBeCloseTo(800 / 3, 9);
    expect(g.z).toBeCloseTo(1.224745, 6);
    expect(g.pValue).toBeCloseTo(0.2207, 4);
  });

  it('tied sample (R sleep data, negative times): W = −49, Var = 698.42105, z = −1.854118, p = 0.06372', () => {
    const s1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const s2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const g = gehan(allEnded(s1), allEnded(s2));
    expect(g.statistic).toBe(-49);
    expect(g.variance).toBeCloseTo(698.42105, 4);
    expect(g.z).toBeCloseTo(-1.854118, 5);
    expect(g.pValue).toBeCloseTo(0.06372, 5);
  });

  it('stratified with Van Elteren weights = Van Elteren when nothing is censored', () => {
    const strata = [
      { x: [1, 2, 2, 7], y: [2, 3, 9] },
      { x: [10, 11], y: [5, 20, 20, 31] },
      { x: [4, 4, 4], y: [4, 5] },
    ];
    const ve = vanElteren(strata);
    const g = gehanStratified(strata.map((s) => ({ a: allEnded(s.x), b: allEnded(s.y) })));
    expect(g.statistic).toBeCloseTo(2 * (ve.statistic - ve.expected), 12);
    expect(g.variance).toBeCloseTo(4 * ve.variance, 12);
    expect(g.z).toBeCloseTo(ve.z as number, 12);
    expect(g.pValue).toBeCloseTo(ve.pValue, 12);
  });

  it('edge cases: empty group, nothing orderable', () => {
    expect(gehan(EMPTY_TALLY, allEnded([1])).pValue).toBeNaN();
    expect(gehanStratified([]).pValue).toBeNaN();
    const none = gehan(tally({ times: [1, 2], events: [0, 0] }), tally({ times: [3], events: [0] }));
    expect(none.variance).toBe(0);
    expect(none.z).toBeNull();
    expect(none.pValue).toBe(1);
  });
});

describe('log-rank on tallies (R survdiff on aml)', () => {
  it('O = 7, E = 10.69 vs 11, 7.31; chi-square 3.396, p = 0.0653', () => {
    const r = logRank(amlMaintained, amlNonmaintained);
    expect(r.observedA).toBe(7);
    expect(r.expectedA).toBeCloseTo(10.69, 2);
    expect(r.observedB).toBe(11);
    expect(r.expectedB).toBeCloseTo(7.31, 2);
    expect(r.chiSquare).toBeCloseTo(3.396, 3);
    expect(r.pValue).toBeCloseTo(0.0653, 4);
    expect(logRank(amlNonmaintained, amlMaintained).chiSquare).toBeCloseTo(3.396, 3);
  });

  it('one event each by hand: E_A = 1/2, V = 1/4, chi-square 1, p = 0.3173105', () => {
    const r = logRank(allEnded([1]), allEnded([2]));
    expect(r.expectedA).toBeCloseTo(0.5, 12);
    expect(r.variance).toBeCloseTo(0.25, 12);
    expect(r.chiSquare).toBeCloseTo(1, 12);
    expect(r.pValue).toBeCloseTo(0.3173105, 6);
  });

  it('stratified: two identical strata double chi-square (6.793); a stratum with an empty group adds O = E', () => {
    const doubled = logRankStratified([
      { a: amlMaintained, b: amlNonmaintained },
      { a: amlMaintained, b: amlNonmaintained },
    ]);
    expect(doubled.strataUsed).toBe(2);
    expect(doubled.observedA).toBe(14);
    expect(doubled.expectedA).toBeCloseTo(21.38, 2);
    expect(doubled.chiSquare).toBeCloseTo(6.793, 2);
    const lopsided = logRankStratified([
      { a: amlMaintained, b: amlNonmaintained },
      { a: tally({ times: [1, 2, 3], events: [1, 1, 0] }), b: EMPTY_TALLY },
    ]);
    expect(lopsided.strataUsed).toBe(1);
    expect(lopsided.observedA).toBe(9);
    expect(lopsided.expectedA).toBeCloseTo(12.69, 2);
    expect(lopsided.chiSquare).toBeCloseTo(3.396, 3);
  });

  it('edge cases: all waiting, empty group', () => {
    const cens = logRank(tally({ times: [1, 2], events: [0, 0] }), tally({ times: [3], events: [0] }));
    expect(cens.chiSquare).toBe(0);
    expect(cens.pValue).toBe(1);
    const empty = logRank(EMPTY_TALLY, amlNonmaintained);
    expect(empty.strataUsed).toBe(0);
    expect(empty.pValue).toBeNaN();
  });
});
