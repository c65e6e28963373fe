/**
 * The report's summary sentence per channel says which ratio a "within the tolerance band"
 * verdict is about: the like-for-like one decides, so a raw ratio outside the band (1.43×) is not
 * called within it.
 */
import { describe, expect, it } from 'vitest';
import { channelSentence } from '../../../src/render/markdown.js';
import { sampleReport } from './sampleReport.js';

const tolerance = { low: 0.8, high: 1.25 };

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
    expect(channelSentence(mine, 'phone', phone, tolerance)).toBe(
      'email: first response 4h 10m, about as fast as phone like for like (1.43× slower overall, within the tolerance band once tickets of the same kind are compared; see the findings).',
    );
  });

  it('a raw ratio inside the band (1.10): within the tolerance band, as it was', () => {
    const { mine, phone } = emailWith(1.1);
    expect(channelSentence(mine, 'phone', phone, tolerance)).toBe('email: first response 4h 10m, about as fast as phone (1.10× slower, within the tolerance band).');
  });
});
