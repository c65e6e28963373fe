/**
 * A median the data do not settle is a bound, whatever floating point does: exactly half of a
 * group still waiting after its last answer. Expected values worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../../src/stats/kaplanMeier.js';
import { tallyFromSamples } from '../../../src/stats/tally.js';
import { boundOf, endsAt, medianEstimate, quantileEstimate } from '../../../src/measure/estimate.js';

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
