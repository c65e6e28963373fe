/**
 * The report's summary sentence per channel says which ratio a "within the tolerance band"
 * verdict is about: the judge decided on the like-for-like one (the finding's effect), so a raw
 * ratio outside the band (1.43×) is not called within it. The renderer reads the finding; it
 * compares nothing with the band itself.
 *
 * Like for like at a lower percentile (no comparable cell has a ratio of medians, while the raw
 * ratio of medians exists): the like-for-like number is the 25th percentiles' ratio and is said as
 * such ("about as fast as phone at the 25th percentile like for like").
 */
import { describe, expect, it } from 'vitest';
import { channelSentence } from '../../../src/render/markdown.js';
import { sampleReport } from './sampleReport.js';
import type { Finding } from '../../../src/report.js';

/** The judge's finding on email's first response: its view and effect (the decisive ratio). */
const judged = (view: 'raw' | 'like-for-like', effect: number, effectQuantile?: number): Finding =>
  ({ kind: 'channel-preference', subject: 'email', against: 'phone', metric: 'firstResponse', verdict: 'within-tolerance', effect, details: { view, effectBound: null, ...(effectQuantile === undefined ? {} : { effectQuantile }) } }) as unknown as Finding;

function emailWith(ratio: number) {
  const report = sampleReport();
  const phone = report.channels.find((c) => c.channel === 'phone')!;
  const email = report.channels.find((c) => c.channel === 'email')!;
  // email: median 4h 10m (15,000 s); the verdict within tolerance
  const mine = { ...email, firstResponse: { ...email.firstResponse, median: 15000, bound: null }, vsReference: { ...email.vsReference!, firstResponseRatio: ratio, firstResponseBound: null, firstResponseVerdict: 'within-tolerance' as const } };
  return { mine, phone };
}

describe('a channel within the tolerance band', () => {
  it('a raw ratio outside the band (250m / 175m = 1.43): within the band like for like, 1.43× slower overall', () => {
    const { mine, phone } = emailWith(250 / 175);
    // like for like 1.10 (the finding's effect), raw 250/175 = 1.43
    expect(channelSentence(mine, 'phone', phone, judged('like-for-like', 1.1))).toBe(
      'email: first response 4h 10m, about as fast as phone like for like (1.10× slower within the tolerance band once tickets of the same kind are compared, 1.43× slower overall).',
    );
  });

  it('like for like at the 25th percentile: the sentence names the percentile', () => {
    const { mine, phone } = emailWith(250 / 175);
    expect(channelSentence(mine, 'phone', phone, judged('like-for-like', 1.1, 0.25))).toBe(
      'email: first response 4h 10m, about as fast as phone at the 25th percentile like for like (1.10× slower within the tolerance band once tickets of the same kind are compared, 1.43× slower overall).',
    );
  });

  it('a raw ratio inside the band (1.10): within the tolerance band, as it was', () => {
    const { mine, phone } = emailWith(1.1);
    expect(channelSentence(mine, 'phone', phone, judged('raw', 1.1))).toBe('email: first response 4h 10m, about as fast as phone (1.10× slower, within the tolerance band).');
    // no finding at hand: the raw words alone, as before
    expect(channelSentence(mine, 'phone', phone)).toBe('email: first response 4h 10m, about as fast as phone (1.10× slower, within the tolerance band).');
  });
});
