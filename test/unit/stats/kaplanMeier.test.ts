import { describe, it, expect } from 'vitest';
import { kaplanMeier, kmQuantile, kmSurvivalAt } from '../../reference/kaplanMeier.js';
import { maintained, nonmaintained } from '../../reference/aml.js';

// R `survival::aml` (acute myelogenous leukemia), time in weeks, status 1 = relapse.
// Maintained:    9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+
// Nonmaintained: 5, 5, 8, 8, 12, 16+, 23, 27, 30, 33, 43, 45

describe('kaplanMeier on aml (Maintained)', () => {
  const km = kaplanMeier(maintained.times, maintained.events);

  it('event times, numbers at risk and events', () => {
    expect(km.n).toBe(11);
    expect(km.totalEvents).toBe(7);
    expect(km.maxTime).toBe(161);
    expect(Array.from(km.time)).toEqual([9, 13, 18, 23, 31, 34, 48]);
    // the 13+ is still at risk at 13 (R convention): 10 at risk there
    expect(Array.from(km.nRisk)).toEqual([11, 10, 8, 7, 5, 4, 2]);
    expect(Array.from(km.nEvent)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('survival by hand: product of (1 - d/n)', () => {
    // S(9)  = 10/11
    // S(13) = 10/11 * 9/10 = 9/11
    // S(18) = 9/11 * 7/8 = 63/88
    // S(23) = 63/88 * 6/7 = 27/44
    // S(31) = 27/44 * 4/5 = 27/55
    // S(34) = 27/55 * 3/4 = 81/220
    // S(48) = 81/220 * 1/2 = 81/440
    const expected = [10 / 11, 9 / 11, 63 / 88, 27 / 44, 27 / 55, 81 / 220, 81 / 440];
    expected.forEach((s, i) => expect(km.survival[i]).toBeCloseTo(s, 12));
  });

  it('Greenwood standard errors by hand', () => {
    // se(S(9))  = 10/11 * sqrt(1/(11*10)) = 0.0866784
    // se(S(13)) = 9/11 * sqrt(1/110 + 1/90) = 0.818182 * 0.142134 = 0.1162913
    // se(log S(18)) = sqrt(1/110 + 1/90 + 1/56) = sqrt(0.0380592) = 0.195088
    expect(km.stdErr[0]).toBeCloseTo(0.0866784, 6);
    expect(km.stdErr[1]).toBeCloseTo(0.1162913, 6);
    expect(km.stdErrLog[2]).toBeCloseTo(0.195088, 5);
  });

  it('kmSurvivalAt is a right-continuous step function', () => {
    expect(kmSurvivalAt(km, 0)).toBe(1);
    expect(kmSurvivalAt(km, 8.99)).toBe(1);
    expect(kmSurvivalAt(km, 9)).toBeCloseTo(10 / 11, 12);
    expect(kmSurvivalAt(km, 12.5)).toBeCloseTo(10 / 11, 12);
    expect(kmSurvivalAt(km, 13)).toBeCloseTo((10 / 11) * (9 / 10), 12);
    expect(kmSurvivalAt(km, 100)).toBeCloseTo(81 / 440, 12);
    expect(kmSurvivalAt(km, 161)).toBeCloseTo(81 / 440, 12);
    // beyond the last observation (censored, S > 0) the estimate is undefined
    expect(kmSurvivalAt(km, 162)).toBeNaN();
    expect(kmSurvivalAt(km, Number.NaN)).toBeNaN();
  });

  it('median and 95% CI as R print(survfit): 31 [18, NA]', () => {
    // By hand (log CI, z = 1.96): lower curve at 13: 9/11*exp(-1.96*0.142134) = 0.619 > .5,
    // at 18: 63/88*exp(-1.96*0.195088) = 0.488 <= .5 -> lower bound 18.
    // Upper curve at 48: 81/440*exp(1.96*sqrt(0.695193)) = 0.944 > .5 -> never <= .5 -> NA.
    expect(kmQuantile(km, 0.5)).toEqual({ estimate: 31, lo: 18, hi: null });
  });

  it("upper confidence curve is not monotone: R's rule takes the smallest CDF value >= p", () => {
    // Upper curve S*exp(1.96*se(log S)) by hand: at 31: .490909*exp(1.959964*.334468) = .945565,
    // at 34: .368182*exp(1.959964*.441817) = .875273, at 48: .184091*exp(1.959964*.833788) = .943530.
    // As CDF (1 - upper): .054435 (31), .124727 (34), .056470 (48). For p = .055 R's approx()
    // picks the smallest CDF value >= p, i.e. .056470 at 48 (a first-crossing rule would give 34).
    expect(kmQuantile(km, 0.055).hi).toBe(48);
    expect(kmQuantile(km, 0.1).hi).toBe(34);
  });

  it('other quantiles', () => {
    // S <= .75 first at 18 (63/88 = .716); S <= .25 first at 48 (81/440 = .184)
    expect(kmQuantile(km, 0.25).estimate).toBe(18);
    expect(kmQuantile(km, 0.75).estimate).toBe(48);
    // S never drops to 0.1 -> NA
    expect(kmQuantile(km, 0.9).estimate).toBeNull();
  });
});

describe('kaplanMeier on aml (Nonmaintained)', () => {
  const km = kaplanMeier(nonmaintained.times, nonmaintained.events);
  it('curve by hand', () => {
    expect(Array.from(km.time)).toEqual([5, 8, 12, 23, 27, 30, 33, 43, 45]);
    expect(Array.from(km.nRisk)).toEqual([12, 10, 8, 6, 5, 4, 3, 2, 1]);
    expect(Array.from(km.nEvent)).toEqual([2, 2, 1, 1, 1, 1, 1, 1, 1]);
    // S(5) = 10/12, S(8) = 10/12*8/10 = 2/3, S(12) = 2/3*7/8 = 7/12, S(23) = 7/12*5/6 = 35/72
    expect(km.survival[0]).toBeCloseTo(10 / 12, 12);
    expect(km.survival[1]).toBeCloseTo(2 / 3, 12);
    expect(km.survival[2]).toBeCloseTo(7 / 12, 12);
    expect(km.survival[3]).toBeCloseTo(35 / 72, 12);
    expect(km.survival[8]).toBe(0);
    // last event empties the risk set: Greenwood term infinite
    expect(km.stdErrLog[8]).toBe(Infinity);
    expect(km.stdErr[8]).toBeNaN();
    expect(kmSurvivalAt(km, 1000)).toBe(0);
  });
  it('median and 95% CI as R print(survfit): 23 [8, NA]', () => {
    expect(kmQuantile(km, 0.5)).toEqual({ estimate: 23, lo: 8, hi: null });
  });
});

describe('kmQuantile: R midpoint rules', () => {
  it('S = 0.5 exactly on a flat -> midpoint to the next event time (= sample median)', () => {
    // 1..10 all events: S(5) = 0.5 exactly, next drop at 6 -> (5 + 6) / 2
    const t = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const km = kaplanMeier(t, t.map(() => 1));
    expect(kmQuantile(km, 0.5).estimate).toBe(5.5);
    // S(2) = 0.8 exactly -> 20th percentile = (2 + 3) / 2
    expect(kmQuantile(km, 0.2).estimate).toBe(2.5);
  });
  it('flat at exactly 0.5 until the end -> midpoint to the last observed time', () => {
    // 1, 2, 3+, 4+: S(1) = 3/4, S(2) = 1/2 and stays there; last time 4 -> (2 + 4) / 2
    const km = kaplanMeier([1, 2, 3, 4], [1, 1, 0, 0]);
    expect(kmQuantile(km, 0.5).estimate).toBe(3);
  });
  it('p = 0 gives the start time 0', () => {
    const km = kaplanMeier(maintained.times, maintained.events);
    expect(kmQuantile(km, 0).estimate).toBe(0);
    expect(() => kmQuantile(km, 1.2)).toThrow(RangeError);
  });
});

describe('kaplanMeier edge cases', () => {
  it('empty input', () => {
    const km = kaplanMeier([], []);
    expect(km.n).toBe(0);
    expect(km.time.length).toBe(0);
    expect(km.maxTime).toBeNaN();
    expect(kmSurvivalAt(km, 1)).toBeNaN();
    expect(kmQuantile(km, 0.5)).toEqual({ estimate: null, lo: null, hi: null });
  });
  it('n = 1 event: median is that time, CI is NA (S = 0 has no log CI)', () => {
    const km = kaplanMeier([5], [1]);
    expect(km.survival[0]).toBe(0);
    expect(kmQuantile(km, 0.5)).toEqual({ estimate: 5, lo: null, hi: null });
  });
  it('all censored: S = 1 throughout, no quantiles', () => {
    const km = kaplanMeier([3, 5, 8], [0, 0, 0]);
    expect(km.time.length).toBe(0);
    expect(km.totalEvents).toBe(0);
    expect(kmSurvivalAt(km, 4)).toBe(1);
    expect(kmSurvivalAt(km, 8)).toBe(1);
    expect(kmQuantile(km, 0.5)).toEqual({ estimate: null, lo: null, hi: null });
  });
  it('all tied times, all events', () => {
    const km = kaplanMeier([4, 4, 4], [1, 1, 1]);
    expect(Array.from(km.time)).toEqual([4]);
    expect(km.nRisk[0]).toBe(3);
    expect(km.nEvent[0]).toBe(3);
    expect(kmQuantile(km, 0.5).estimate).toBe(4);
  });
  it('drops non-finite times and NaN statuses; rejects mismatched lengths', () => {
    const km = kaplanMeier(new Float64Array([Number.NaN, 2, 3, Infinity]), [1, 1, Number.NaN, 1]);
    expect(km.n).toBe(1);
    expect(Array.from(km.time)).toEqual([2]);
    expect(() => kaplanMeier([1, 2], [1])).toThrow(RangeError);
  });
  it('runs on a million durations', () => {
    // times 1..1e6, all events: S(500000) = 0.5 exactly -> median (500000 + 500001) / 2
    const n = 1_000_000;
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) t[n - 1 - i] = i + 1;
    const km = kaplanMeier(t, new Float64Array(n).fill(1));
    expect(kmQuantile(km, 0.5).estimate).toBe(500000.5);
  });
});
