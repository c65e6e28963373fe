import { describe, expect, it } from 'vitest';
import { ANSWERED, OPEN, TicketTableBuilder } from '../../../src/normalise/table.js';
import { strataOf } from '../../../src/measure/strata.js';
import { compareGroups, kmMedianLogVariance, Samples } from '../../../src/judge/findings/compare.js';
import { PFamily } from '../../../src/judge/findings/family.js';
import type { Channel } from '../../../src/model.js';

const Z = 1.959963984540054;

describe('kmMedianLogVariance (Price–Bonett carried over to Kaplan–Meier)', () => {
  it('without censoring reads the same order statistics as Price–Bonett', () => {
    // n = 5: Price–Bonett c = round(3 − z·√1.25) = round(0.81) = 1 → x(1) = 10, x(5) = 50.
    // Kaplan–Meier: median 30 (S = .8, .6, .4); Greenwood se at 30 = √(.4·.6/5) = 0.2191;
    // quantiles at 0.5 ∓ 1.96·0.2191 = 0.0706, 0.9294 → 10 and 50.
    // var = ((ln 50 − ln 10)/(2z))² = (1.609438/3.919928)² = 0.168577.
    const r = kmMedianLogVariance([30, 10, 50, 20, 40], [1, 1, 1, 1, 1]);
    expect(r.median).toBe(30);
    expect(r.variance).toBeCloseTo((Math.log(5) / (2 * Z)) ** 2, 7);
    expect(r.variance).toBeCloseTo(0.168577, 5);
  });

  it('with a censored value, from the Greenwood spread', () => {
    // times 10 20 30+ 40 50 60 (30 censored). S: 10 → 5/6, 20 → 2/3, 40 → 4/9, 50 → 2/9, 60 → 0.
    // Median 40. Greenwood Σ d/(n(n−d)) to 40 = 1/30 + 1/20 + 1/6 = 0.25 → se = (4/9)·0.5 = 0.2222.
    // Quantiles at 0.5 ∓ 1.96·0.2222 = 0.0644, 0.9356 → 10 and 60.
    // var = (ln 6/(2z))² = (1.791759/3.919928)² = 0.208931.
    const r = kmMedianLogVariance([10, 20, 30, 40, 50, 60], [1, 1, 0, 1, 1, 1]);
    expect(r.median).toBe(40);
    expect(r.variance).toBeCloseTo(0.208931, 5);
  });

  it('is null when too many are still open to reach the upper quantile', () => {
    // S: 10 → .8, 20 → .6, 30 → .4; then two open. Median 30; se = .2191; Q(0.93) never reached.
    const r = kmMedianLogVariance([10, 20, 30, 40, 50], [1, 1, 1, 0, 0]);
    expect(r.median).toBe(30);
    expect(r.variance).toBeNull();
  });
});

describe('compareGroups: like-for-like pooling by hand', () => {
  // Two categories, five answered tickets per group in each.
  //   Billing:   email 10 20 30 40 50,      phone 20 40 60 80 100 → ratio 30/60 = 0.5
  //   Technical: email 100 200 300 400 500, phone the same          → ratio 1
  // Price–Bonett var(ln median) with n = 5 reads x(1), x(5): (ln 5/(2z))² = 0.168577 for every
  // sample here, so each cell's var(ln ratio) = 0.337155. Weights n_a·n_b/(n_a+n_b) = 2.5 each.
  // Pooled ln ratio = (ln 0.5 + 0)/2 = −0.346574 → ratio 0.707107.
  // var = Σ w²v/(Σw)² = 2·6.25·0.337155/25 = 0.168577, se 0.410581;
  // CI exp(−0.346574 ∓ 1.959964·0.410581) = exp(−1.151293), exp(0.458145) = 0.316228, 1.581139.
  const builder = new TicketTableBuilder();
  const add = (channel: Channel, category: string, seconds: number): void =>
    builder.add({
      id: `T${builder.size}`, customerId: null, channel, rawChannel: channel, isPublic: null, createdAt: 0,
      firstResponseSeconds: seconds, firstResponseState: ANSWERED, resolutionSeconds: Number.NaN, resolutionState: OPEN,
      status: null, priority: null, category, group: null, followers: Number.NaN, flags: 0, excerpt: null, file: 'x', line: 1,
    });
  for (const s of [10, 20, 30, 40, 50]) add('email', 'Billing', s);
  for (const s of [20, 40, 60, 80, 100]) add('phone', 'Billing', s);
  for (const s of [100, 200, 300, 400, 500]) add('email', 'Technical', s);
  for (const s of [100, 200, 300, 400, 500]) add('phone', 'Technical', s);
  const table = builder.build();
  const email = Uint32Array.from({ length: 20 }, (_, i) => i).filter((i) => table.channel[i] === 1);
  const phone = Uint32Array.from({ length: 20 }, (_, i) => i).filter((i) => table.channel[i] === 0);
  const c = compareGroups(new Samples(table, 1000), email, phone, 'firstResponse', strataOf(table, ['category', 'priority']));

  it('pools the cell ratios with weights n_a·n_b/(n_a+n_b)', () => {
    const adj = c.adjusted!;
    expect(adj.by).toEqual(['category']);
    expect(adj.strataUsed).toBe(2);
    expect(adj.n).toEqual([10, 10]);
    expect(adj.ratio).toBeCloseTo(0.707107, 5);
    expect(adj.ci95![0]).toBeCloseTo(0.316228, 5);
    expect(adj.ci95![1]).toBeCloseTo(1.581139, 5);
    const billing = adj.cells.find((x) => x.stratum === 'Billing')!;
    expect(billing.ratio).toBeCloseTo(0.5, 12);
    expect(adj.test).toBe('van-elteren');
  });

  it('keeps the raw view beside it', () => {
    // email sorted 10 20 30 40 50 100 200 300 400 500 → median (50+100)/2 = 75;
    // phone 20 40 60 80 100 100 200 300 400 500 → (100+100)/2 = 100; ratio 0.75.
    expect(c.raw.medians).toEqual([75, 100]);
    expect(c.raw.ratio).toBeCloseTo(0.75, 12);
    expect(c.raw.test).toBe('mann-whitney');
  });

  it('drops cells with fewer than five of a group, and says so', () => {
    const onlyFour = Uint32Array.from(email).slice(1); // Billing now has 4 email tickets
    const d = compareGroups(new Samples(table, 1000), onlyFour, phone, 'firstResponse', strataOf(table, ['category']));
    expect(d.adjusted!.strataUsed).toBe(1);
    expect(d.adjusted!.strataSkipped).toBe(1);
    expect(d.adjusted!.ratio).toBeCloseTo(1, 12);
    expect(d.adjusted!.coverage[0]).toBeCloseTo(5 / 9, 12);
  });
});

describe('PFamily', () => {
  it('Holm-adjusts everything added, skipping nulls', () => {
    // Holm on [.01, .04, .03, .005, .20, .02] = [.05, .09, .09, .03, .2, .08] (R's p.adjust).
    const f = new PFamily();
    const h = [0.01, null, 0.04, 0.03, 0.005, 0.2, 0.02].map((p) => f.add(p));
    f.adjust();
    expect(f.size).toBe(6);
    const adjusted = h.map((k) => f.get(k));
    const expected = [0.05, null, 0.09, 0.09, 0.03, 0.2, 0.08];
    adjusted.forEach((a, k) => (expected[k] === null ? expect(a).toBeNull() : expect(a).toBeCloseTo(expected[k] as number, 12)));
  });
});
