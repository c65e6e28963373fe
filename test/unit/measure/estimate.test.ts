/**
 * A median the data do not settle is a bound, whatever floating point does: exactly half of a
 * group still waiting after its last answer. Expected values worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../../src/stats/kaplanMeier.js';
import { tallyFromSamples } from '../../../src/stats/tally.js';
import { boundOf, endsAt, medianEstimate, quantileEstimate, ratioOfEstimates } from '../../../src/measure/estimate.js';

const DAY = 86_400;

/** `answered` tickets answered at 1, 2, … minutes and as many still waiting, each at a wait of one day. */
function half(answered: number) {
  const times: number[] = [];
  const ended: number[] = [];
  for (let k = 1; k <= answered; k++) {
    times.push(k * 60);
    ended.push(1);
  }
  for (let k = 0; k < answered; k++) {
    times.push(DAY);
    ended.push(0);
  }
  return tallyFromSamples(Float64Array.from(times), Uint8Array.from(ended));
}

describe('exactly half still waiting: the median is a lower bound, for every group size', () => {
  it('15 answered of 30 (where the curve lands a hair above 1/2) and 17 of 34 (a hair below) read alike', () => {
    // S after the 15 answers = Π (1 − 1/r), r = 30 … 16 = 15/30 = 1/2; in floating point the
    // product is 0.5000000000000001 for 30 tickets (R's rule: never reached) and
    // 0.4999999999999999 for 34 (R's rule: the midpoint to the last wait): both are one half
    expect(kaplanMeier(half(15)).survival.at(-1)).toBe(0.5000000000000001);
    expect(kaplanMeier(half(17)).survival.at(-1)).toBe(0.4999999999999999);
    for (const [answered, lastAnswer] of [
      [15, 15 * 60],
      [17, 17 * 60],
      [6, 6 * 60],
      [23, 23 * 60],
      [31, 31 * 60],
    ] as const) {
      const median = medianEstimate(half(answered));
      // the median of the observed times: the mean of the middle two, the last answer and a
      // one-day wait (every true time of the waiting half is beyond a day): a lower bound
      expect(median.value).toBe((lastAnswer + DAY) / 2);
      expect(boundOf(median)).toBe('lower');
      expect(median.hi).toBeNull();
    }
  });

  it('one more answer settles it: 16 of 30 answered is a reached median, the midpoint of the 15th and 16th answers', () => {
    const times = [...Array.from({ length: 16 }, (_, k) => (k + 1) * 60), ...Array.from({ length: 14 }, () => DAY)];
    const ended = [...Array.from({ length: 16 }, () => 1), ...Array.from({ length: 14 }, () => 0)];
    const median = medianEstimate(tallyFromSamples(Float64Array.from(times), Uint8Array.from(ended)));
    // S falls to 15/30 at 15 min (a flat at exactly 1/2 up to the 16th answer at 16 min): R's midpoint, 15.5 min
    expect(median).toMatchObject({ value: 930, reached: true });
  });

  it('the p90 likewise: exactly a tenth still waiting is a lower bound', () => {
    // 18 answered at 1 … 18 min, 2 waiting a day: the curve ends at S = 2/20 = 0.1
    const times = [...Array.from({ length: 18 }, (_, k) => (k + 1) * 60), DAY, DAY];
    const ended = [...Array.from({ length: 18 }, () => 1), 0, 0];
    const tally = tallyFromSamples(Float64Array.from(times), Uint8Array.from(ended));
    expect(endsAt(kaplanMeier(tally), 0.9)).toBe(true);
    const p90 = quantileEstimate(tally, 0.9);
    // type-7 quantile of the observed times: h = 1 + 0.9 · 19 = 18.1 → 18 min + 0.1 · (1 day − 18 min) = 1080 + 8532 = 9612 s
    expect(p90.reached).toBe(false);
    expect(p90.value).toBeCloseTo(9612, 6);
  });
});

describe('the CI of a median has no end the data cannot place (found by an attack)', () => {
  const MIN = 60;
  const answered = (...minutes: number[]) => tallyFromSamples(Float64Array.from(minutes.map((m) => m * MIN)), new Uint8Array(minutes.length).fill(1));

  it('three tickets (60, 90, 120 min): no end at all, not 0s–2h', () => {
    // S(60) = 2/3, Greenwood se = 2/3·√(1/(3·2)) = 0.2722; 0.5 ∓ 1.96·0.2722 = −0.034 and 1.034,
    // beyond 0 and 1: ranks round(2 ∓ 1.70) = 0 and 4 of 3 tickets
    expect(medianEstimate(answered(60, 90, 120))).toEqual({ value: 90 * MIN, reached: true, lo: null, hi: null });
    expect(medianEstimate(answered(60, 120)).lo).toBeNull();
  });

  it('five tickets (10 … 50 min): the order statistics of ranks 1 and 5', () => {
    // S(20) = 3/5, se = 3/5·√(1/(5·4) + 1/(4·3)) = 0.2191; 0.5 ∓ 0.4294 = 0.0706 and 0.9294:
    // the first times the curve has fallen that far, 10 and 50 min (ranks round(3 ∓ 2.19) = 1, 5)
    expect(medianEstimate(answered(10, 20, 30, 40, 50))).toEqual({ value: 30 * MIN, reached: true, lo: 10 * MIN, hi: 50 * MIN });
  });

  it('a median not reached: the lower end is the order statistic of rank round((n+1)/2 − 1.96·√n/2), none below rank 1', () => {
    const waiting = (...hours: number[]) => tallyFromSamples(Float64Array.from(hours.map((h) => h * 3600)), new Uint8Array(hours.length));
    // two tickets still waiting, 84h and 96h: rank round(1.5 − 1.96·0.7071) = round(0.114) = 0, no end
    // (was the shortest wait, 84h, shown as "≥ 3d 18h (≥ 3d 12h)"); the bound itself is the midpoint, 90h
    expect(medianEstimate(waiting(84, 96))).toEqual({ value: 90 * 3600, reached: false, lo: null, hi: null });
    // three: round(2 − 1.96·0.866) = round(0.303) = 0, none either
    expect(medianEstimate(waiting(1, 2, 3)).lo).toBeNull();
    // four: round(2.5 − 1.96) = round(0.54) = 1, the shortest; ten: round(5.5 − 3.099) = 2, the second shortest
    expect(medianEstimate(waiting(5, 6, 7, 8)).lo).toBe(5 * 3600);
    expect(medianEstimate(waiting(10, 1, 9, 2, 8, 3, 7, 4, 6, 5)).lo).toBe(2 * 3600);
  });
});

describe('a median under the one-second floor makes the ratio a bound (found by a review)', () => {
  // Timestamps are whole seconds: a median of 0 s (half or more answered in the second they came
  // in) says only that the true median lies in [0 s, 1 s). Divided by the floor of 1 s, 1,770 s
  // over it is 1,770, but the true ratio is 1,770 / m for some m < 1: at least 1,770, not 1,770.
  const social = { value: 1770, reached: true, lo: 1380, hi: 2160 };
  const phone = { value: 0, reached: true, lo: 0, hi: 1560 };

  it('b under the floor: a lower bound, no upper CI end (was "1770× slower, 95% CI 45×–70388×")', () => {
    const r = ratioOfEstimates(social, phone);
    expect(r.ratio).toBe(1770);
    expect(r.bound).toBe('lower');
    expect(r.hi).toBeNull();
    // the lower end still combines both spreads: social's down to 1380 s, phone's up to 1560 s
    expect(r.lo).not.toBeNull();
    expect(r.lo as number).toBeLessThan(1770);
  });

  it('a under the floor: an upper bound (at most 1/1770), no lower CI end', () => {
    const r = ratioOfEstimates(phone, social);
    expect(r.ratio).toBeCloseTo(1 / 1770, 12);
    expect(r.bound).toBe('upper');
    expect(r.lo).toBeNull();
  });

  it('both under it: equal to the second, a ratio of 1 that is no bound; both at or over it: unchanged', () => {
    const r = ratioOfEstimates({ value: 0.5, reached: true, lo: 0, hi: 3 }, phone);
    expect(r.ratio).toBe(1);
    expect(r.bound).toBeUndefined();
    // 1 s exactly is on the floor, not under it: 1770 / 1, an estimate with both CI ends
    const onFloor = ratioOfEstimates(social, { value: 1, reached: true, lo: 1, hi: 60 });
    expect(onFloor.ratio).toBe(1770);
    expect(onFloor.bound).toBeUndefined();
    expect(onFloor.hi).not.toBeNull();
  });
});
