// Planted effects with fixed seeds: the findings must see what was planted, and must not see
// what was not. The expectations come from the plant (e.g. "social answered 2× faster"), not from
// running the code.
import { describe, expect, it } from 'vitest';
import { generate, toCsv, type GenerateOptions } from '../../../scripts/generate.mjs';
import { auditFiles } from '../../helpers/audit.js';
import type { Finding, Report } from '../../../src/report.js';

async function audit(options: GenerateOptions): Promise<Report> {
  return auditFiles(['-'], {}, {}, toCsv(generate(options)));
}

const find = (r: Report, kind: Finding['kind'], subject: string, metric?: Finding['metric']): Finding | undefined =>
  r.findings.find((f) => f.kind === kind && f.subject === subject && (metric === undefined || f.metric === metric));

describe('planted 2× social preference (seed 4242, 2,000 tickets)', async () => {
  const report = await audit({ n: 2000, seed: 4242, speed: { social: { fr: 0.5, res: 1 } } });
  const social = find(report, 'channel-preference', 'social', 'firstResponse')!;

  it('is found, like for like, and the CI covers the planted ratio 0.5', () => {
    expect(social).toMatchObject({ significant: true, verdict: 'preference', against: 'phone' });
    expect(social.details?.['view']).toBe('like-for-like');
    const [lo, hi] = social.effectCi95!;
    expect(lo!).toBeLessThan(0.5);
    expect(hi!).toBeGreaterThan(0.5);
    expect(hi!).toBeLessThan(0.8);
  });

  it('carries effect, CI, raw and adjusted p, n per group and the rule', () => {
    expect(social.pValue).toBeGreaterThanOrEqual(0);
    expect(social.pValueAdjusted).toBeGreaterThanOrEqual(social.pValue!);
    expect(Object.keys(social.n!)).toEqual(['social', 'phone']);
    expect(social.rule).toMatch(/outside the tolerance 0\.80–1\.25 and Holm p .* < 0\.05 \(stratified Gehan test over \d+ cells/);
    expect(social.message).toMatch(/^Social tickets are answered \d\.\d× faster than phone tickets with the same category and priority \(.*95% CI .*Holm p .*n = /);
  });

  it('resolution was not planted: no preference there, and the pattern is response theatre', () => {
    const resolution = find(report, 'channel-preference', 'social', 'resolution')!;
    expect(resolution.significant).toBe(false);
    // Theatre is a reading of the two findings, not a test of its own: not "significant", no p.
    const theatre = find(report, 'response-theatre', 'social')!;
    expect(theatre).toMatchObject({ significant: false, verdict: 'info', pValue: null });
    expect(theatre.message).toMatch(/^Response theatre on social: answered .* faster than phone tickets, but resolved/);
    expect(theatre.message).toMatch(/of the reply advantage survives to resolution\.$/);
  });

  it('the channels without a planted effect show no preference', () => {
    const others = report.findings.filter((f) => f.kind === 'channel-preference' && f.subject !== 'social');
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((f) => f.significant)).toEqual([]);
  });
});

describe('planted follower gradient (×0.5 per decade over 1k; seed 7, 6,000 tickets)', async () => {
  const report = await audit({ n: 6000, seed: 7, followerGradient: 0.5 });

  it('more followers, faster answers: a significant negative correlation', () => {
    const rho = report.findings.find((f) => f.kind === 'follower-preference' && f.details?.['test'] === 'spearman')!;
    expect(rho).toMatchObject({ significant: true, verdict: 'preference' });
    expect(rho.effect!).toBeLessThan(-0.1);
  });

  it('the 100k+ band (at least 2 decades over 1k: ≤ 0.25× the time) is answered faster than <1k', () => {
    expect(find(report, 'follower-preference', '100k+')).toMatchObject({ significant: true, against: '<1k' });
    expect(find(report, 'follower-preference', '100k+')!.effect!).toBeLessThan(0.8);
  });
});

describe('fair data with a case-mix confound (seed 99: social 90% Account and urgent, no preference)', async () => {
  const report = await audit({ n: 3000, seed: 99, socialCaseMix: 0.9, socialPriorityMix: 0.9 });
  const social = find(report, 'channel-preference', 'social', 'firstResponse')!;

  it('no channel-preference finding: the raw gap is reported as case mix', () => {
    expect(social.significant).toBe(false);
    expect(social.verdict).toBe('case-mix');
    expect((social.details?.['raw'] as { significant: boolean }).significant).toBe(true);
    expect(social.message).toMatch(/case mix, not preference; \d+% of social tickets are (Account|urgent priority) vs \d+% of phone tickets/);
  });

  it('nothing anywhere is flagged', () => {
    expect(report.findings.filter((f) => f.significant)).toEqual([]);
  });

  it('the like-for-like view lists the per-cell ratios', () => {
    const cells = (social.details?.['likeForLike'] as { strata: Array<{ stratum: string; ratio: number }> }).strata;
    expect(cells.length).toBeGreaterThan(1);
    expect(cells.some((c) => c.stratum === 'Account / urgent')).toBe(true);
  });
});

describe('a tiny fair sample (seed 3, 80 tickets)', async () => {
  const report = await audit({ n: 80, seed: 3 });

  it('is insufficient data, not a pass or a fail', () => {
    const channel = report.findings.filter((f) => f.kind === 'channel-preference');
    expect(channel.length).toBeGreaterThan(0);
    expect(channel.every((f) => f.verdict === 'insufficient-data' && !f.significant)).toBe(true);
    expect(channel[0]!.message).toMatch(/^Too few tickets to judge .* at least 30 per group needed\)\.$/);
  });
});

describe('planted channel jumps (seed 11, 30 jumpers, every other customer distinct)', async () => {
  const report = await audit({ n: 2000, seed: 11, jumpers: 30, uniqueCustomers: true });
  const jump = find(report, 'channel-jump', 'social')!;

  it('counts exactly the planted jumps', () => {
    expect(jump.count).toBe(30);
    // The planted jumpers waited between 1 and 10 days.
    const waited = jump.details?.['waitedMedian'] as number;
    expect(waited).toBeGreaterThan(86400);
    expect(waited).toBeLessThan(10 * 86400);
  });

  it('lists the worst cases with the customer id only under customerId', () => {
    const cases = jump.details?.['cases'] as Array<Record<string, unknown>>;
    expect(cases).toHaveLength(10);
    expect(cases[0]!['customerId']).toMatch(/^J\d+$/);
    const waits = cases.map((c) => c['waited'] as number);
    expect(waits).toEqual([...waits].sort((a, b) => b - a));
    const elsewhere = JSON.stringify({ ...jump, details: { ...jump.details, cases: cases.map(({ customerId: _, ...rest }) => rest) } });
    expect(elsewhere).not.toMatch(/"J\d+"/);
  });
});

describe('planted loudness (public social posts 2× faster; seed 5, 4,000 tickets)', async () => {
  const report = await audit({ n: 4000, seed: 5, publicSpeed: 0.5 });
  it('loud social tickets are found to be answered faster than quiet ones', () => {
    expect(find(report, 'loud-preference', 'social')).toMatchObject({ significant: true, verdict: 'preference', against: 'quiet' });
  });
});

describe('data quality', async () => {
  const csv = [
    'ticket_id,channel,created_at,first_response_at',
    ...Array.from({ length: 95 }, (_, k) => `T${k},phone,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z`),
    ...Array.from({ length: 5 }, (_, k) => `B${k},phone,not a date,2026-10-01T11:00:00Z`),
  ].join('\n');
  const report = await auditFiles(['-'], {}, {}, csv);
  it('5 of 100 rows rejected is material (over 1%): a data-quality finding', () => {
    const dq = report.findings.find((f) => f.kind === 'data-quality')!;
    expect(dq).toMatchObject({ count: 5, significant: false });
    expect(dq.effect).toBeCloseTo(0.05, 12);
    expect(dq.message).toMatch(/^5\.0% of rows read have data problems \(5 rejected, 0 values left out of a metric, of 100 rows/);
  });
});

describe('data quality counts rows, not values (found by an attack)', () => {
  // 3 rows; N1 and N2 answered and resolved a day before they were created: two values left out
  // each, four values in two rows: 2 of 3 rows = 67%, not 4 of 3 = 133%
  const rows = [
    'ticket_id,channel,created_at,first_response_at,resolved_at',
    'N1,email,2026-10-02T00:00:00Z,2026-10-01T00:00:00Z,2026-10-01T00:00:00Z',
    'N2,email,2026-10-02T00:00:00Z,2026-10-01T00:00:00Z,2026-10-01T00:00:00Z',
    'N3,email,2026-10-01T00:00:00Z,2026-10-01T01:00:00Z,2026-10-01T02:00:00Z',
  ];

  it('two values left out of one row are one row', async () => {
    const report = await auditFiles(['-'], {}, {}, rows.join('\n'));
    expect(report.input.rowsWithValuesLeftOut).toBe(2);
    const dq = report.findings.find((f) => f.kind === 'data-quality')!;
    expect(dq.effect).toBeCloseTo(2 / 3, 12);
    expect(dq.message).toMatch(/^67% of rows read have data problems \(0 rejected, 4 values left out of a metric in 2 rows, of 3 rows;/);
  });

  it('JSON records sharing a line (a minified array) are rows of their own (found by a review)', async () => {
    const record = (id: string, created: string, answered: string) => ({ ticket_id: id, channel: 'email', created_at: created, first_response_at: answered, resolved_at: answered });
    const json = JSON.stringify([
      record('N1', '2026-10-02T00:00:00Z', '2026-10-01T00:00:00Z'),
      record('N2', '2026-10-02T00:00:00Z', '2026-10-01T00:00:00Z'),
      record('N3', '2026-10-01T00:00:00Z', '2026-10-01T01:00:00Z'),
    ]);
    const report = await auditFiles(['-'], {}, {}, json);
    expect(report.input.rowsWithValuesLeftOut).toBe(2);
    expect(report.findings.find((f) => f.kind === 'data-quality')!.effect).toBeCloseTo(2 / 3, 12);
  });

  it('a row replaced by a later one of its id (--duplicates last) takes its values back', async () => {
    // N1 again, answered and resolved after creation: only N2 is left with problems, 1 of 3 tickets (4 rows read)
    const report = await auditFiles(['-'], { duplicates: 'last' }, {}, [...rows, 'N1,email,2026-10-02T00:00:00Z,2026-10-02T01:00:00Z,2026-10-02T02:00:00Z'].join('\n'));
    expect(report.input.rowsWithValuesLeftOut).toBe(1);
    expect(report.input.dataQuality.filter((d) => d.severity === 'metric').map((d) => [d.kind, d.count])).toEqual([
      ['negative-first-response', 1],
      ['negative-resolution', 1],
    ]);
  });
});
