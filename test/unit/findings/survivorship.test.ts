// Survivorship: a channel that never answers most of its tickets but answers the rest quickly
// must not look fast. Phone leaves 60% of its tickets unanswered and answers the rest in a median
// 30 minutes; social answers every ticket, in a median 40 minutes. Seeded; the expectations come
// from the plant, not from running the code.
import { describe, expect, it } from 'vitest';
import { rng } from '../../../scripts/generate.mjs';
import { auditFiles } from '../../helpers/audit.js';
import { mannWhitney } from '../../reference/mannWhitney.js';
import { ratioCi } from '../../../src/stats/ratioCi.js';
import type { Finding } from '../../../src/report.js';

const AS_OF = Date.UTC(2026, 6, 1) / 1000;
const DAY = 86400;
const CATEGORIES = ['Billing', 'Technical', 'Account', 'Delivery'];

function iso(seconds: number): string {
  return new Date(Math.round(seconds) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Lognormal with the given median (seconds) and log-sd. */
function lognormal(random: () => number, median: number, sigma: number): number {
  const u = Math.max(random(), 1e-12);
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(sigma * z);
}

/**
 * 500 phone and 500 social tickets created over the 60 days that end 2 days before the as-of
 * time (so a ticket never answered has waited at least 2 days). Categories at random, alike in
 * both channels.
 */
function survivorshipCsv(seed: number): { csv: string; answered: { phone: number[]; social: number[] } } {
  const random = rng(seed);
  const rows = ['ticket_id,channel,created_at,first_response_at,resolved_at,status,category'];
  const answered = { phone: [] as number[], social: [] as number[] };
  for (let k = 0; k < 1000; k++) {
    const channel = k % 2 === 0 ? 'phone' : 'social';
    const created = AS_OF - 2 * DAY - random() * 60 * DAY;
    const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)] as string;
    const isAnswered = channel === 'social' || random() >= 0.6;
    const first = lognormal(random, channel === 'phone' ? 30 * 60 : 40 * 60, 0.5);
    if (isAnswered) {
      answered[channel].push(first);
      rows.push(`${channel}${k},${channel === 'phone' ? 'Phone' : 'Twitter'},${iso(created)},${iso(created + first)},${iso(created + first + 3600)},solved,${category}`);
    } else {
      rows.push(`${channel}${k},${channel === 'phone' ? 'Phone' : 'Twitter'},${iso(created)},,,new,${category}`);
    }
  }
  return { csv: rows.join('\n') + '\n', answered };
}

describe('survivorship: phone leaves 60% unanswered, answers the rest fast (seed 2024)', async () => {
  const { csv, answered } = survivorshipCsv(2024);
  const report = await auditFiles(['-'], { asOf: iso(AS_OF) }, {}, csv);
  const social = report.findings.find((f) => f.kind === 'channel-preference' && f.subject === 'social' && f.metric === 'firstResponse') as Finding;

  it('the old answered-only comparison would call social the slower channel', () => {
    // Answered tickets only: social's median 40m over phone's 30m = 1.33 (the plant), and
    // P(social < phone) = Φ(ln(30/40)/(0.5·√2)) = Φ(−0.41) = 0.34 < 1/2: Mann–Whitney leans the
    // wrong way. With 200 answered phone tickets against 500 social ones it is significant in the
    // wrong direction: phone would be reported as served as fast or faster.
    const old = ratioCi(answered.social, answered.phone);
    expect(old.ratio!).toBeGreaterThan(1.15);
    expect(old.ratio!).toBeLessThan(1.55);
    const mw = mannWhitney(answered.social, answered.phone, { exact: false });
    expect(mw.U).toBeGreaterThan((answered.social.length * answered.phone.length) / 2);
    expect(mw.pValue).toBeLessThan(0.05);
  });

  it('counting the unanswered as still waiting, social is found to be answered much faster than phone', () => {
    // Phone's Kaplan–Meier curve stops near S = 0.6 (after the 40% answered within hours, the
    // rest are censored at 2 days or more): its median is not reached. At least half of the phone
    // tickets have waited 2 days or more, so the ratio social/phone is at most about 40m/2d = 0.014,
    // far below the tolerance band, and Gehan's test sees social answered first in most pairs:
    // P(social definitely sooner) ≈ 0.6 + 0.4·0.34 = 0.74 against 1/2 under the null.
    expect(social).toMatchObject({ significant: true, verdict: 'preference', against: 'phone', metric: 'firstResponse' });
    expect(social.details?.['view']).toBe('like-for-like');
    expect(social.details?.['effectBound']).toBe('upper');
    expect(social.effect!).toBeLessThan(40 / (2 * 24 * 60));
    expect(social.effectCi95![0]).toBeNull();
    expect(social.effectCi95![1]!).toBeLessThan(0.8);
    expect(social.pValueAdjusted!).toBeLessThan(0.0001);
    const raw = social.details?.['raw'] as Record<string, Record<string, unknown>>;
    expect(raw['test']).toBe('gehan');
    expect(raw['mediansReached']).toEqual({ social: true, phone: false });
    expect(raw['medians']!['phone'] as number).toBeGreaterThanOrEqual(2 * DAY);
    // Plant: every social ticket answered, about 40% of phone tickets (binomial sd 2.2 points).
    expect(raw['answeredShare']!['social']).toBe(1);
    expect(raw['answeredShare']!['phone'] as number).toBeGreaterThan(0.33);
    expect(raw['answeredShare']!['phone'] as number).toBeLessThan(0.47);
  });

  it('says so in words: at least how much faster, the censored medians and the answered shares', () => {
    expect(social.message).toMatch(
      /^Social tickets are answered at least \d+× faster than phone tickets with the same category \(like for like in 4 cells: 95% CI at least [\d.]+× faster, Holm p < 0\.0001, n = [\d,]+ vs [\d,]+; overall median time to first response \d+m( \d+s)? vs at least \d+d( \d+h)?, counting unanswered tickets as still waiting; answered 100% vs (3\d|4\d)%\)\.$/,
    );
  });
});
