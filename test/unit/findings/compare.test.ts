import { describe, expect, it } from 'vitest';
import { TicketTableBuilder } from '../../../src/normalise/table.js';
import { ticketRow } from '../../helpers/tickets.js';
import { strataOf } from '../../../src/measure/strata.js';
import { compareGroups } from '../../../src/measure/compare.js';
import { kmMedianLogVariance as kmMedianLogVarianceOfTally, medianEstimate } from '../../../src/measure/estimate.js';
import { tallyFromSamples } from '../../../src/stats/tally.js';

const kmMedianLogVariance = (times: number[], events: number[]) => kmMedianLogVarianceOfTally(tallyFromSamples(times, events));
const firstResponseMedian = (s: { times: number[]; events: number[] }) => medianEstimate(tallyFromSamples(s.times, s.events));
import { Samples } from '../../../src/measure/sample.js';
import { PFamily } from '../../../src/judge/findings/family.js';
import { judgeComparison } from '../../../src/judge/findings/rules.js';
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
  const add = (channel: Channel, category: string, seconds: number): void => {
    builder.add(ticketRow({ id: `T${builder.size}`, channel, category, createdAt: 0, firstResponse: seconds }));
  };
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
    // Every ticket answered: the Kaplan–Meier medians and spreads are the plain ones above, and
    // the stratified Gehan test is Van Elteren's (see test/unit/stats/gehan.test.ts).
    expect(adj.test).toBe('stratified-gehan');
    expect(adj.bound).toBeUndefined();
  });

  it('keeps the raw view beside it', () => {
    // email sorted 10 20 30 40 50 100 200 300 400 500 → median (50+100)/2 = 75;
    // phone 20 40 60 80 100 100 200 300 400 500 → (100+100)/2 = 100; ratio 0.75.
    // (R's Kaplan–Meier median takes the midpoint where S = 1/2 exactly, as the sample median.)
    expect(c.raw.medians).toEqual([75, 100]);
    expect(c.raw.mediansReached).toEqual([true, true]);
    expect(c.raw.ended).toEqual([10, 10]);
    expect(c.raw.ratio).toBeCloseTo(0.75, 12);
    expect(c.raw.test).toBe('gehan');
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

describe('first response with unanswered tickets (censored at their age)', () => {
  it('a median not reached becomes a lower bound: the median of the observed times', () => {
    // Answered at 10 and 20 s, three still waiting after 100, 200, 300 s. Kaplan–Meier:
    // S(10) = 4/5, S(20) = 3/5, then no more answers: S never reaches 1/2, the median is not reached.
    // Every true time is at least the observed one, so the true median is at least the median of
    // 10 20 100 200 300 = 100. Lower end: Price–Bonett c = round(3 − 1.96·√1.25) = round(0.81) = 1
    // → x(1) = 10.
    expect(firstResponseMedian({ times: [10, 20, 100, 200, 300], events: [1, 1, 0, 0, 0] })).toEqual({ value: 100, reached: false, lo: 10, hi: null });
  });

  // Billing: email answered at 10 20 30 40 50 s; phone answered at 10 and 20 s, three phone
  // tickets never answered, 100, 200 and 300 s old at the as-of time (1000).
  // Technical: email and phone both answered at 100 200 300 400 500 s.
  const builder = new TicketTableBuilder();
  const add = (channel: Channel, category: string, seconds: number | null, createdAt = 0): void => {
    builder.add(ticketRow({ id: `T${builder.size}`, channel, category, createdAt, firstResponse: seconds }));
  };
  for (const s of [10, 20, 30, 40, 50]) add('email', 'Billing', s);
  for (const s of [10, 20]) add('phone', 'Billing', s);
  for (const age of [100, 200, 300]) add('phone', 'Billing', null, 1000 - age);
  for (const s of [100, 200, 300, 400, 500]) add('email', 'Technical', s);
  for (const s of [100, 200, 300, 400, 500]) add('phone', 'Technical', s);
  const table = builder.build();
  const all = Uint32Array.from({ length: table.size }, (_, i) => i);
  const email = all.filter((i) => table.channel[i] === 1);
  const phone = all.filter((i) => table.channel[i] === 0);
  const billing = all.filter((i) => table.category[i] === 0);
  const emailBilling = email.filter((i) => table.category[i] === 0);
  const phoneBilling = phone.filter((i) => table.category[i] === 0);

  it('raw: the phone median not reached makes email/phone an upper bound with a one-sided CI', () => {
    expect(billing.length).toBe(10);
    const c = compareGroups(new Samples(table, 1000), emailBilling, phoneBilling, 'firstResponse', null);
    // Answered only, email (median 30 s) would look twice as slow as phone (15 s). Counting the
    // waiting: email's median 30 s (spread 10–50 s as Price–Bonett with n = 5), phone's at least
    // 100 s (lower end 10 s): email/phone is at most 30/100 = 0.3.
    expect(c.raw.medians).toEqual([30, 100]);
    expect(c.raw.mediansReached).toEqual([true, false]);
    expect(c.raw.ended).toEqual([5, 2]);
    expect(c.raw.answeredMedians).toEqual([30, 15]);
    expect(c.raw.n).toEqual([5, 5]);
    expect(c.raw.bound).toBe('upper');
    expect(c.raw.ratio).toBeCloseTo(0.3, 12);
    // CI upper end: email's log spread (ln 50 − ln 10)/(2z) = 0.410581 above; phone's below,
    // one-sided, (ln 100 − ln 10)/z = 1.174809; hypot = 1.244489;
    // hi = exp(ln 0.3 + 1.959964·1.244489) = exp(−1.203973 + 2.439154) = 3.4390. No lower end.
    expect(c.raw.ci95![0]).toBeNull();
    expect(c.raw.ci95![1]).toBeCloseTo(3.4390, 4);
    // Gehan, N = 10; events 10 10 20 20 30 40 50, censorings 100 200 300.
    //   u: 10 → 0 − 8 = −8 (both), 20 → 2 − 6 = −4 (both), 30 → 4 − 5 = −1, 40 → 5 − 4 = 1,
    //   50 → 6 − 3 = 3, each censoring → 7 (all events are at or before it). Σu = 0.
    //   W(email) = −8 − 4 − 1 + 1 + 3 = −9; Σu² = 2·64 + 2·16 + 1 + 1 + 9 + 3·49 = 318;
    //   Var = 5·5/(10·9)·318 = 88.3333; z = −9/9.398581 = −0.957591; p = 2Φ(−0.957591) = 0.338269.
    expect(c.raw.test).toBe('gehan');
    expect(c.raw.pValue).toBeCloseTo(0.338269, 5);
  });

  it('like for like: a bounded cell pools into a bounded ratio', () => {
    const c = compareGroups(new Samples(table, 1000), email, phone, 'firstResponse', strataOf(table, ['category']));
    const adj = c.adjusted!;
    // Billing: ln 0.3, at most; one-sided var = (2.439154/1.959964)² = 1.548753 (from the CI above).
    // Technical: ratio 1, var 2·0.168577 = 0.337155. Weights 2.5 each.
    // Pooled ln ratio = (ln 0.3 + 0)/2 = −0.601986 → 0.547723, an upper bound (a bound and an
    // estimate average to a bound); var = 6.25·(1.548753 + 0.337155)/25 = 0.471476,
    // hi = exp(−0.601986 + 1.959964·0.686640) = exp(0.743807) = 2.10393. No lower end.
    expect(adj.bound).toBe('upper');
    expect(adj.ratio).toBeCloseTo(0.547723, 5);
    expect(adj.ci95![0]).toBeNull();
    expect(adj.ci95![1]).toBeCloseTo(2.10393, 4);
    expect(adj.cells.find((x) => x.stratum === 'Billing')!.bound).toBe('upper');
    expect(adj.cells.find((x) => x.stratum === 'Technical')!.bound).toBeUndefined();
    // Stratified Gehan with Van Elteren weights 1/(N+1) = 1/11 in both cells:
    //   Billing W = −9, Var 88.3333; Technical (identical samples) W = 0, u = −8 −4 0 4 8 twice,
    //   Σu² = 320, Var = 25/90·320 = 88.8889.
    //   statistic = −9/11 = −0.818182; variance = (88.3333 + 88.8889)/121 = 1.464646;
    //   z = −0.676057; p = 2Φ(−0.676057) = 0.499004.
    expect(adj.test).toBe('stratified-gehan');
    expect(adj.pValue).toBeCloseTo(0.499004, 5);
  });

  it('with both medians not reached there is no ratio', () => {
    const c = compareGroups(new Samples(table, 1000), phoneBilling, phoneBilling, 'firstResponse', null);
    expect(c.raw.mediansReached).toEqual([false, false]);
    expect(c.raw.ratio).toBeNull();
    expect(c.raw.ci95).toBeNull();
  });
});

/**
 * A table of first responses by channel and category: `put(channel, category, seconds)` for an
 * answered ticket created at 0, `put(channel, category, null, createdAt)` for one still waiting.
 */
function tableOf(fill: (put: (channel: Channel, category: string, seconds: number | null, createdAt?: number) => void) => void) {
  const b = new TicketTableBuilder();
  fill((channel, category, seconds, createdAt = 0) => b.add(ticketRow({ id: `T${b.size}`, channel, category, createdAt, firstResponse: seconds })));
  return b.build();
}

describe('like for like: every cell with a ratio counts (found by an independent review)', () => {
  const all = (t: { size: number }) => Uint32Array.from({ length: t.size }, (_, i) => i);

  it('a cell whose median is known but whose CI has one end enters the effect, its spread taken for both sides (it was left out)', () => {
    // Billing: email answered at 10 20 30 s, two still waiting at 40 and 50 s (as-of 1000):
    //   Kaplan–Meier S = .8 .6 .4 → median 30, reached; Greenwood se at 30 = .4·√(1/20 + 1/12 + 1/6)
    //   = .2191; F reaches .0706 at 10 (lower end), never .9294 (no upper end).
    //   phone answered at 20 40 60 80 100: median 60, ends 20 and 100.
    //   ratio 0.5; lower end: email's spread below (ln 30 − ln 10)/z = 0.560528, phone's above
    //   (ln 100 − ln 20)/(2z) = 0.410579, hypot 0.694813 → exp(ln 0.5 − 1.959964·0.694813) = 0.128099;
    //   no upper end (email's spread above is unknown).
    // Technical: both answered at 100 200 300 400 500: ratio 1, log spread (ln 5/(2z))·√2 = 0.580645 each way.
    // Pooled, weights 2.5 each: ln ratio (ln 0.5 + 0)/2 → 0.707107. Below: Billing
    //   ((−0.693147 − ln 0.128099)/z)² = 0.482765, Technical 0.337149; √(6.25·0.819914)/5 = 0.452746;
    //   lo = exp(−0.346574 − 1.959964·0.452746) = 0.291144. Above: Billing's ratio is an estimate,
    //   not a bound, so the spread of the end it has serves for both sides: the same 0.452746,
    //   hi = exp(−0.346574 + 0.887366) = 1.717366.
    // (Leaving Billing out, as before, gave Technical alone: ratio 1, CI 0.320–3.121.)
    const table = tableOf((put) => {
      for (const s of [10, 20, 30]) put('email', 'Billing', s);
      for (const age of [40, 50]) put('email', 'Billing', null, 1000 - age);
      for (const s of [20, 40, 60, 80, 100]) put('phone', 'Billing', s);
      for (const s of [100, 200, 300, 400, 500]) put('email', 'Technical', s);
      for (const s of [100, 200, 300, 400, 500]) put('phone', 'Technical', s);
    });
    const email = all(table).filter((i) => table.channel[i] === 1);
    const phone = all(table).filter((i) => table.channel[i] === 0);
    const adj = compareGroups(new Samples(table, 1000), email, phone, 'firstResponse', strataOf(table, ['category'])).adjusted!;
    const billing = adj.cells.find((x) => x.stratum === 'Billing')!;
    expect(billing.ratio).toBeCloseTo(0.5, 12);
    expect(billing.bound).toBeUndefined();
    expect(billing.ci95![0]).toBeCloseTo(0.128099, 5);
    expect(billing.ci95![1]).toBeNull();
    expect(adj.ratio).toBeCloseTo(0.707107, 5);
    expect(adj.bound).toBeUndefined();
    expect(adj.ci95![0]).toBeCloseTo(0.291144, 5);
    expect(adj.ci95![1]).toBeCloseTo(1.717366, 5);
  });

  it("a bounded cell whose reached median's CI has one end pools with that end's spread on both sides (found by an independent attack)", () => {
    // Billing: email answered at 10 20 30 s, two waiting (40, 50 s): median 30; Greenwood at 30:
    // S = 0.4, Σ = 1/20 + 1/12 + 1/6 = 0.3, se = 0.4·√0.3 = 0.2191, 0.5 ∓ 0.4294 → lo 10 s, no
    // upper end (the curve stops at 0.6). Phone answered at 10 and 20 s, three waiting (100,
    // 200, 300 s): not reached, at least 100 (the observed median), lower end of rank
    // round(3 − 1.96·√5/2) = 1: 10 s. email/phone is at most 0.3; its upper end needs email's
    // spread above, which for the pool is the one below reflected: hi = 30²/10 = 90 s, so
    // email's log sd (ln 90 − ln 10)/(2z) = ln 9/(2z) = 0.560528; phone's below ln(100/10)/z = 1.174810.
    // Billing's log-ratio variance 0.314192 + 1.380178 = 1.694370; Technical (identical samples,
    // ratio 1) 2·(ln 5/(2z))² = 0.337149. Pooled: at most exp((ln 0.3 + 0)/2) = 0.547723;
    // se = √(6.25·(1.694370 + 0.337149))/5 = 0.712657, hi = exp(−0.601986 + 1.959964·0.712657) = 2.213987.
    // (Before, Billing took Technical's spread, as a cell with none at all does, below.)
    const t = tableOf((put) => {
      for (const s of [10, 20, 30]) put('email', 'Billing', s);
      for (const age of [40, 50]) put('email', 'Billing', null, 1000 - age);
      for (const s of [10, 20]) put('phone', 'Billing', s);
      for (const age of [100, 200, 300]) put('phone', 'Billing', null, 1000 - age);
      for (const channel of ['email', 'phone'] as const) for (const s of [100, 200, 300, 400, 500]) put(channel, 'Technical', s);
    });
    const adj = compareGroups(new Samples(t, 1000), all(t).filter((i) => t.channel[i] === 1), all(t).filter((i) => t.channel[i] === 0), 'firstResponse', strataOf(t, ['category'])).adjusted!;
    const billing = adj.cells.find((x) => x.stratum === 'Billing')!;
    // the cell is shown with its own CI: none
    expect([billing.bound, billing.ci95]).toEqual(['upper', [null, null]]);
    expect(billing.ratio).toBeCloseTo(0.3, 12);
    expect(adj.bound).toBe('upper');
    expect(adj.ratio).toBeCloseTo(0.547723, 5);
    expect(adj.ci95![0]).toBeNull();
    expect(adj.ci95![1]).toBeCloseTo(2.213987, 5);
  });

  it('a bounded cell with no spread at all takes the widest spread another cell has (no cell surer than the least sure)', () => {
    // Billing: email answered at 10 s, two waiting at 12 s, answered at 25 and 30 s: S 0.8, then
    // 0.4 at 25 (two at risk): median 25; Greenwood Σ = 1/20 + 1/2 = 0.55, se = 0.4·√0.55 = 0.2966,
    // 0.5 ∓ 0.5814 lies beyond 0 and 1: no end on either side, nothing to reflect. Phone as
    // above: at least 100. email/phone at most 0.25, with no spread of its own.
    // Technical: identical samples, ratio 1, log-ratio variance 2·(ln 5/(2z))² = 0.337149.
    // Pooled: at most exp((ln 0.25 + 0)/2) = 0.5; above, Billing takes Technical's 0.337149:
    // se = √(6.25·0.674299)/5 = 0.410578, hi = exp(−0.693147 + 1.959964·0.410578) = 1.118034.
    // (Without it the pooled CI had no end and a 60%-unanswered phone channel went unjudged.)
    const t = tableOf((put) => {
      for (const s of [10, 25, 30]) put('email', 'Billing', s);
      for (const age of [12, 12]) put('email', 'Billing', null, 1000 - age);
      for (const s of [10, 20]) put('phone', 'Billing', s);
      for (const age of [100, 200, 300]) put('phone', 'Billing', null, 1000 - age);
      for (const channel of ['email', 'phone'] as const) for (const s of [100, 200, 300, 400, 500]) put(channel, 'Technical', s);
    });
    const adj = compareGroups(new Samples(t, 1000), all(t).filter((i) => t.channel[i] === 1), all(t).filter((i) => t.channel[i] === 0), 'firstResponse', strataOf(t, ['category'])).adjusted!;
    const billing = adj.cells.find((x) => x.stratum === 'Billing')!;
    expect([billing.bound, billing.ci95]).toEqual(['upper', [null, null]]);
    expect(billing.ratio).toBeCloseTo(0.25, 12);
    expect(adj.bound).toBe('upper');
    expect(adj.ratio).toBeCloseTo(0.5, 12);
    expect(adj.ci95![0]).toBeNull();
    expect(adj.ci95![1]).toBeCloseTo(1.118034, 5);
  });

  // Billing: phone leaves three of five waiting (email/phone at most 0.3, as above);
  // Technical: the mirror, email leaves three of five waiting (email/phone at least 100/30).
  const table = tableOf((put) => {
    for (const s of [10, 20, 30, 40, 50]) put('email', 'Billing', s);
    for (const s of [10, 20]) put('phone', 'Billing', s);
    for (const age of [100, 200, 300]) put('phone', 'Billing', null, 1000 - age);
    for (const s of [10, 20]) put('email', 'Technical', s);
    for (const age of [100, 200, 300]) put('email', 'Technical', null, 1000 - age);
    for (const s of [10, 20, 30, 40, 50]) put('phone', 'Technical', s);
  });
  const email = all(table).filter((i) => table.channel[i] === 1);
  const phone = all(table).filter((i) => table.channel[i] === 0);
  const c = compareGroups(new Samples(table, 1000), email, phone, 'firstResponse', strataOf(table, ['category']));

  it('cells bounded in opposite directions give no like-for-like ratio, only the stratified test', () => {
    const adj = c.adjusted!;
    expect(adj.cells.find((x) => x.stratum === 'Billing')!.bound).toBe('upper');
    expect(adj.cells.find((x) => x.stratum === 'Technical')!.bound).toBe('lower');
    expect(adj.cells.find((x) => x.stratum === 'Technical')!.ratio).toBeCloseTo(100 / 30, 12);
    expect(adj.opposingBounds).toBe(true);
    expect(adj.ratio).toBeNull();
    expect(adj.ci95).toBeNull();
    expect(adj.bound).toBeUndefined();
    // Stratified Gehan: Billing W = −9 (above), Technical the mirror W = +9, each Var 88.3333 and
    // Van Elteren weight 1/11: statistic 0, p = 1.
    expect(adj.pValue).toBeCloseTo(1, 12);
    expect(adj.n).toEqual([10, 10]);
  });

  it('a cell where neither median is reached has no ratio: in the test, not the effect, and counted as such', () => {
    // Billing: both channels answer 10 and 20 s and leave three waiting (100, 200, 300 s): neither
    // median reached, no ratio. Technical: email 100…500 s (median 300), phone 200…1000 s (600): 0.5.
    const t = tableOf((put) => {
      for (const channel of ['email', 'phone'] as const) {
        for (const s of [10, 20]) put(channel, 'Billing', s);
        for (const age of [100, 200, 300]) put(channel, 'Billing', null, 1000 - age);
      }
      for (const s of [100, 200, 300, 400, 500]) put('email', 'Technical', s);
      for (const s of [200, 400, 600, 800, 1000]) put('phone', 'Technical', s);
    });
    const adj = compareGroups(new Samples(t, 1000), all(t).filter((i) => t.channel[i] === 1), all(t).filter((i) => t.channel[i] === 0), 'firstResponse', strataOf(t, ['category'])).adjusted!;
    expect([adj.strataUsed, adj.strataWithoutRatio]).toEqual([2, 1]);
    expect(adj.cells.find((x) => x.stratum === 'Billing')!.ratio).toBeNull();
    expect(adj.ratio).toBeCloseTo(0.5, 12);
    expect(adj.n).toEqual([10, 10]);
  });

  it('which the judge calls not conclusive, not too few tickets nor case mix', () => {
    const j = judgeComparison(c, { raw: c.raw.pValue, adjusted: c.adjusted!.pValue }, { tolerance: { low: 0.8, high: 1.25 }, alpha: 0.05, minSample: 5 });
    expect(j.verdict).toBe('no-preference');
    expect(j.significant).toBe(false);
    expect(j.view).toBe('like-for-like');
    expect(j.rule).toMatch(/^no preference shown: like for like, some cells are bounded one way and others the other way/);
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
