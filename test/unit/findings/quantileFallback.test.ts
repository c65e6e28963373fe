/**
 * Neither median reached: the verdict reads the ratio at the 25th (else 10th) percentile
 * (measure/compare.ts decisiveView), says so in every text, and the ratio of medians stays
 * unknown wherever it is shown (tables, vsReference, gates).
 *
 * Worked by hand. As-of 2026-11-15T00:00Z. Each channel has 80 tickets, two answered after each
 * of 1 h, 2 h, …, 16 h (32), 48 unanswered; with a category column, one of each pair is Billing
 * and the other Technical (40 tickets a channel in each cell, one answered at each hour).
 *   social: opened 100 h before the as-of: the unanswered wait 100 h. No censoring before 100 h,
 *           so S(t_k) = 1 − 2k/80. S at 16 h = 0.6 > 0.5: the median is not reached.
 *           25th percentile: S = 0.75 exactly at k = 10 (10 h), flat to 11 h: R's midpoint,
 *           10.5 h = 37,800 s.
 *           Greenwood at 10 h: Σ 2/(r(r−2)) over r = 80, 78, …, 62 = 1/60 − 1/80 = 1/240;
 *           se(S) = 0.75·√(1/240) = 0.048412; z·se = 0.094886: the curve read at 0.155114 →
 *           k = 7 (7 h) and at 0.344886 → k = 14 (14 h): CI 25,200–50,400 s.
 *   phone:  opened 1,000 h before; answered after 10 h, 20 h, …, 160 h, the rest waiting 1,000 h:
 *           every time ×10, so the 25th percentile is 105 h = 378,000 s (4d 9h), CI 70–140 h.
 *   Ratio social/phone at the 25th percentile = 10.5/105 = 0.1 ("10× faster").
 *   var(ln q) of each = ((ln 14 − ln 7)/(2z))² = (0.693147/3.919928)² = 0.031268; the ratio's sd
 *   = √(2·0.031268) = 0.250070; CI 0.1·exp(∓1.959964·0.250070) = 0.061255–0.163253
 *   (6.1×–16× faster).
 *   Like for like, each cell is the same design with 40 a channel (one answer an hour): quantile
 *   10.5 h vs 105 h, ratio 0.1; Greenwood 1/30 − 1/40 = 1/120, se(S) = 0.068465, z·se = 0.134190:
 *   the curve at 0.115810 → 5 h and at 0.384190 → 16 h; var(ln q) = ((ln 16 − ln 5)/(2z))² =
 *   0.088047, the cell's var(ln ratio) 0.176095; weights 40·40/80 = 20 each; pooled ln ratio
 *   ln 0.1, var = 2·20²·0.176095/40² = 0.088047, sd 0.296728; CI 0.1·exp(∓0.581576) =
 *   0.055902–0.178885.
 *   The 25th percentile of 40 tickets of which 8 are answered (1 h … 8 h, 32 waiting 100 h):
 *   1 − S at the end is 0.2 < 0.25, not reached: the observed times' type-7 quantile, h = 39·0.25
 *   = 9.75, between ranks 10 and 11 (1-based), both 100 h: 360,000 s, a lower bound; its lower
 *   confidence bound the order statistic c = round(41·0.25 − z·√(40·0.25·0.75)) =
 *   round(10.25 − 5.367584) = 5: 5 h = 18,000 s.
 *
 * Like for like while the medians overall are reached: the two-category design above plus 200
 * social tickets of a third category, Other, answered 60 s after they came in. Phone has no Other
 * ticket, so that cell is left out (fewer than 5 of each) and the two cells are the ones above:
 * ratio 0.1 at the 25th percentile, CI 0.055902–0.178885. Overall, social has 232 of 280 answered
 * and nothing censored before 100 h, so S falls to 80/280 at 60 s: its median, 60 s, is reached.
 * The sentence may not say "neither median is reached" then: it says no comparable cell has a
 * ratio of medians.
 *
 * Response theatre's share of the reply advantage that survives, ln(resolution ratio) /
 * ln(first-response ratio), divides two ratios of one measure only: first response 0.1 and
 * resolution 0.5, both at the 25th percentile, give ln 0.5 / ln 0.1 = 0.693147 / 2.302585 =
 * 0.30103 ("about 30%"); first response at the 25th percentile beside resolution at the medians
 * leave it unsaid (null).
 */
import { describe, expect, it } from 'vitest';
import { auditFiles, bothProducers } from '../../helpers/audit.js';
import { runParity, tempCsv } from '../../helpers/exec.js';
import { quantileSpreadEstimate } from '../../../src/measure/estimate.js';
import { tallyFromSamples } from '../../../src/stats/tally.js';
import type { Finding } from '../../../src/report.js';
import { findingEvidence } from '../../../src/render/evidence.js';

const HOUR = 3600;
const AS_OF = Date.UTC(2026, 10, 15) / 1000;
const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');

/** 80 tickets of a channel opened `waited` hours before the as-of; two answered after k·step hours for k = 1…pairs; categories alternate. */
function rows(channel: string, first: number, pairs: number, step: number, waited: number, categories: boolean): string[] {
  const created = AS_OF - waited * HOUR;
  return Array.from({ length: 80 }, (_, k) => {
    const pair = Math.floor(k / 2);
    const fr = pair < pairs ? iso(created + (pair + 1) * step * HOUR) : '';
    return [`T${first + k}`, `C${first + k}`, channel, iso(created), fr, '', 'open', ...(categories ? [k % 2 ? 'Billing' : 'Technical'] : [])].join(',');
  });
}

function exportOf(socialPairs: number, phonePairs: number, categories = false, other = 0): string {
  const header = `ticket_id,customer_id,channel,created_at,first_response_at,resolved_at,status${categories ? ',category' : ''}`;
  // `other` social tickets of category Other, answered 60 s after they came in 100 h before the as-of
  const created = AS_OF - 100 * HOUR;
  const others = Array.from({ length: other }, (_, k) => [`O${k}`, `D${k}`, 'twitter', iso(created), iso(created + 60), '', 'open', 'Other'].join(','));
  return tempCsv('both-waiting.csv', [header, ...rows('twitter', 0, socialPairs, 1, 100, categories), ...rows('phone', 100, phonePairs, 10, 1000, categories), ...others]);
}

const firstResponseFinding = (findings: Finding[]): Finding => findings.find((f) => f.kind === 'channel-preference' && f.subject === 'social' && f.metric === 'firstResponse') as Finding;

describe('quantileSpreadEstimate', () => {
  it('reads the 25th percentile and its CI off the curve', () => {
    const times = [...Array.from({ length: 16 }, (_, k) => (k + 1) * HOUR), ...Array<number>(24).fill(100 * HOUR)];
    const events = [...Array<number>(16).fill(1), ...Array<number>(24).fill(0)];
    expect(quantileSpreadEstimate(tallyFromSamples(times, events), 0.25)).toEqual({ value: 37_800, reached: true, lo: 18_000, hi: 57_600 });
  });

  it('not reached: the observed quantile as a lower bound, with its distribution-free lower end', () => {
    const times = [...Array.from({ length: 8 }, (_, k) => (k + 1) * HOUR), ...Array<number>(32).fill(100 * HOUR)];
    const events = [...Array<number>(8).fill(1), ...Array<number>(32).fill(0)];
    expect(quantileSpreadEstimate(tallyFromSamples(times, events), 0.25)).toEqual({ value: 360_000, reached: false, lo: 18_000, hi: null });
  });
});

describe('neither median reached: the verdict reads the 25th percentile', () => {
  it('raw view: a preference on the ratio of the 25th percentiles, said as such; the ratio of medians stays unknown', async () => {
    const report = await auditFiles([exportOf(16, 16)], { asOf: iso(AS_OF), config: false });
    const f = firstResponseFinding(report.findings);
    expect(f.verdict).toBe('preference');
    expect(f.significant).toBe(true);
    expect(f.effect).toBeCloseTo(0.1, 10);
    expect(f.effectCi95?.[0]).toBeCloseTo(0.061255, 5);
    expect(f.effectCi95?.[1]).toBeCloseTo(0.163253, 5);
    expect(f.details?.['effectQuantile']).toBe(0.25);
    const raw = f.details?.['raw'] as Record<string, unknown>;
    expect(raw['ratio']).toBeNull();
    expect(raw['atQuantile']).toMatchObject({ quantile: 0.25, values: { social: 37_800, phone: 378_000 }, reached: { social: true, phone: true }, bound: null });
    expect(f.message).toContain('Social tickets are answered 10× faster than phone tickets at the 25th percentile (95% CI 6.1×–16×, Holm p = ');
    expect(f.message).toContain('neither median is reached, so the 25th percentiles are compared: 10h 30m vs 4d 9h');
    // one number: no ratio of medians in the table's row, nor for the gate on it
    const social = report.channels.find((c) => c.channel === 'social');
    expect(social?.vsReference?.firstResponseRatio).toBeNull();
    expect(social?.vsReference?.firstResponseVerdict).toBe('preference');
  });

  it('like for like (two categories): the cells pooled at the 25th percentile', async () => {
    const report = await auditFiles([exportOf(16, 16, true)], { asOf: iso(AS_OF), config: false });
    const f = firstResponseFinding(report.findings);
    expect(f.details?.['view']).toBe('like-for-like');
    expect(f.verdict).toBe('preference');
    expect(f.effect).toBeCloseTo(0.1, 10);
    expect(f.effectCi95?.[0]).toBeCloseTo(0.055902, 5);
    expect(f.effectCi95?.[1]).toBeCloseTo(0.178885, 5);
    expect(f.details?.['effectQuantile']).toBe(0.25);
    const alike = f.details?.['likeForLike'] as Record<string, unknown>;
    expect(alike['quantile']).toBe(0.25);
    expect(alike['strataWithoutRatio']).toBe(0);
    const strata = alike['strata'] as Array<Record<string, unknown>>;
    expect(strata.map((c) => [c['stratum'], c['quantile'], c['ratio']])).toEqual([
      ['Billing', 0.25, 0.1],
      ['Technical', 0.25, 0.1],
    ]);
    expect(f.message).toContain('10× faster than phone tickets at the 25th percentile with the same category');
    // the evidence names the percentile of the pooled ratio and of each cell's
    const evidence = new Map(findingEvidence(f));
    expect(evidence.get('like for like')).toContain(': at the 25th percentile 10× faster; 95% CI 5.6×–18×');
    expect(evidence.get('largest cells')).toContain('Billing: at the 25th percentile 10× faster');
  });

  it('like for like with the medians reached overall: says no cell has a ratio of medians, not that neither median is reached', async () => {
    const report = await auditFiles([exportOf(16, 16, true, 200)], { asOf: iso(AS_OF), config: false });
    const f = firstResponseFinding(report.findings);
    expect(f.details?.['view']).toBe('like-for-like');
    expect(f.details?.['effectQuantile']).toBe(0.25);
    expect(f.effect).toBeCloseTo(0.1, 10);
    expect(f.effectCi95?.[0]).toBeCloseTo(0.055902, 5);
    expect(f.effectCi95?.[1]).toBeCloseTo(0.178885, 5);
    const raw = f.details?.['raw'] as Record<string, unknown>;
    expect(raw['medians']).toMatchObject({ social: 60 });
    expect(raw['mediansReached']).toEqual({ social: true, phone: false });
    expect(f.message).toContain('no comparable cell has a ratio of medians (half or more of both groups still waiting in each), so the 25th percentiles are compared like for like');
    expect(f.message).not.toContain('neither median is reached');
    expect(f.rule).toContain('of the 25th percentiles (no cell has a ratio of medians)');
  });

  it('one number: the same verdict and ratio from the tickets read here and from DuckDB\'s count table', async () => {
    const [here, counted] = await bothProducers([exportOf(16, 16, true)], { asOf: iso(AS_OF), config: false });
    for (const report of [here, counted]) {
      const f = firstResponseFinding(report.findings);
      expect([f.verdict, f.details?.['effectQuantile']]).toEqual(['preference', 0.25]);
      expect(f.effect).toBeCloseTo(0.1, 10);
      expect(f.effectCi95?.[0]).toBeCloseTo(0.055902, 5);
    }
    expect(firstResponseFinding(counted.findings).message).toBe(firstResponseFinding(here.findings).message);
  });

  it('fewer than a tenth answered in both groups: still no verdict, and the sentence says why', async () => {
    // 6 of 80 answered in each (7.5%): neither curve reaches 0.1
    const report = await auditFiles([exportOf(3, 3)], { asOf: iso(AS_OF), config: false });
    const f = firstResponseFinding(report.findings);
    expect(f.verdict).toBe('no-preference');
    expect(f.effect).toBeNull();
    expect(f.details?.['effectQuantile']).toBeUndefined();
    expect(f.message).toContain('nor a lower percentile: fewer than a tenth of either group answered as far as the data reach');
  });

  it('the table marks the verdict beside no ratio and says what the mark means; Markdown names the percentile', async () => {
    const file = exportOf(16, 16);
    const table = await runParity(['audit', file, '--as-of', iso(AS_OF), '--no-config', '--format', 'table']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ social +│ 80 +│ 40% +│ ≥ [^│]+│[^│]+│ — ! +│/);
    expect(table.stdout.replace(/\s+/g, ' ')).toContain('— with a mark: no ratio of medians (neither is reached, or none overall), but a verdict on the finding\'s own number, like for like or at a lower percentile (see Findings)');
    const md = await runParity(['audit', file, '--as-of', iso(AS_OF), '--no-config', '--format', 'markdown']);
    expect(md.stdout).toContain('no ratio of medians to phone: half or more of the tickets of both social and phone are still unanswered');
    expect(md.stdout).toContain('10× faster than phone at the 25th percentile (significant)');
  });
});
