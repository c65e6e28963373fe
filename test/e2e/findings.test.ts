/** Findings through the built binary: the sentences an analyst reads, and the JSON behind them. */
import { describe, expect, it } from 'vitest';
import { fixture, runParity } from '../helpers/exec.js';

function json(stdout: string): any {
  return JSON.parse(stdout);
}

describe('findings on fixtures/findings/jumps.csv (worked out by hand)', () => {
  // See test/unit/findings/journeys.test.ts for the same table, ticket by ticket. Jumps: A2 and A3
  // (from A1, waited 2d and 3d), C3 (from C1, 4d), F2 (from F1, 12h) → 4 of 10 social tickets;
  // waited median (2d + 3d)/2 = 2d 12h = 216000 s; A2, A3, F2 came while the origin was still
  // unanswered (3 of 4 = 75%); the answered jump tickets (A2, A3, C3; F2 is unanswered) took
  // 14m 24s, 28m 48s, 2h 24m → 28m 48s (details.jumpFirstResponseMedian). The sentence's median
  // counts F2 as still waiting (its age at the as-of time 16 Oct, 14d 12h): Kaplan–Meier S = 3/4
  // after 14m 24s, 1/2 from 28m 48s to 2h 24m, so the median is the midpoint (28m 48s + 2h 24m) / 2
  // = 1h 26m 24s, written 1h 26m. The comparison counts unanswered tickets as still waiting too:
  // 4 jump tickets vs the 6 other social tickets (B2 answered; D2, E1, F3, G2, N1 not).
  it('counts the jumps and the wait', async () => {
    const r = await runParity(['audit', fixture('findings', 'jumps.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    const jump = json(r.stdout).findings.find((f: any) => f.kind === 'channel-jump');
    expect(jump.count).toBe(4);
    expect(jump.details.waitedMedian).toBe(216000);
    expect(jump.details.shareOfSocial).toBeCloseTo(0.4, 12);
    expect(jump.details.jumpFirstResponseMedian).toBe(1728);
    expect(jump.details.cases.map((c: any) => [c.customerId, c.jumpTicketId, c.originTicketId, c.waited])).toEqual([
      ['C', 'C3', 'C1', 4 * 86400],
      ['A', 'A3', 'A1', 3 * 86400],
      ['A', 'A2', 'A1', 2 * 86400],
      ['F', 'F2', 'F1', 0.5 * 86400],
    ]);
    expect(jump.message).toBe(
      '4 social tickets (40% of social) came from customers who went public after waiting a median 2d 12h on an open phone, email or web ticket (phone 3, web 1; 75% not yet answered); on social 3 of 4 were answered, a median first response of 1h 26m (counting the ones still waiting), too few to compare with other social tickets (n = 4 vs 6; at least 30 per group needed).',
    );
  });

  it('too few tickets for any preference: every comparison says so', async () => {
    const r = await runParity(['audit', fixture('findings', 'jumps.csv'), '--format', 'json']);
    const findings = json(r.stdout).findings as any[];
    const comparisons = findings.filter((f) => ['channel-preference', 'loud-preference'].includes(f.kind));
    expect(comparisons.length).toBeGreaterThan(0);
    expect(comparisons.every((f) => f.verdict === 'insufficient-data' && f.significant === false)).toBe(true);
  });
});

describe('findings on the demo export', () => {
  it('table: each finding is one sentence with the numbers behind it', async () => {
    const r = await runParity(['audit', fixture('demo.csv')]);
    expect(r.code).toBe(0);
    const block = r.stdout.split('\nFindings\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(block.length).toBeGreaterThan(5);
    for (const line of block) expect(line).toMatch(/^ {2}[!·?~=…*] [A-Z0-9].*\.$/);
    // The demo plants social first response at 0.15× phone's and leaves resolution alone.
    expect(block.find((l) => l.startsWith('  ! Social tickets are answered'))).toMatch(/faster than phone tickets with the same category and priority \(like for like in \d+ cells: 95% CI [\d.]+×–[\d.]+×, Holm p < 0\.0001, n = [\d,]+ vs [\d,]+; overall median time to first response \d.* vs \d.*, counting unanswered tickets as still waiting\)\.$/);
    // Response theatre is a reading of two findings, not a test of its own: a note, not "!".
    expect(r.stdout).toContain('· Response theatre on social: answered');
  });

  it('JSON: effect, CI, raw and adjusted p, n per group and the rule', async () => {
    const r = await runParity(['audit', fixture('demo.csv'), '--format', 'json']);
    const findings = json(r.stdout).findings as any[];
    const social = findings.find((f) => f.kind === 'channel-preference' && f.subject === 'social' && f.metric === 'firstResponse');
    expect(social).toMatchObject({ significant: true, verdict: 'preference', against: 'phone' });
    expect(social.effect).toBeLessThan(0.8);
    expect(social.effectCi95).toHaveLength(2);
    expect(typeof social.pValue).toBe('number');
    expect(social.pValueAdjusted).toBeGreaterThanOrEqual(social.pValue);
    expect(Object.keys(social.n)).toEqual(['social', 'phone']);
    expect(social.rule).toMatch(/^preference: 95% CI .* wholly outside the tolerance 0\.80–1\.25 and Holm p/);
    expect(social.details.raw.test).toBe('gehan');
    expect(social.details.likeForLike.test).toBe('stratified-gehan');
    // The demo leaves a few percent of tickets unanswered in every channel: counted, not dropped.
    expect(social.details.raw.answered.social).toBeLessThan(social.details.raw.n.social);
    expect(social.details.effectBound).toBeNull();
    const resolution = findings.find((f) => f.kind === 'channel-preference' && f.subject === 'social' && f.metric === 'resolution');
    expect(resolution.details.raw.test).toBe('log-rank');
    expect(resolution.details.likeForLike.test).toBe('stratified-log-rank');
    // The demo plants 25 jumpers; customers also repeat at random, so there can be more.
    expect(findings.find((f) => f.kind === 'channel-jump').count).toBeGreaterThanOrEqual(25);
  });

  it('a stricter tolerance in the config is applied', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'parity-findings-'));
    writeFileSync(join(dir, 'parity.config.json'), JSON.stringify({ tolerance: { low: 0.05, high: 20 }, minSample: 10 }));
    const r = await runParity(['audit', fixture('demo.csv'), '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const findings = json(r.stdout).findings as any[];
    // A band this wide leaves nothing that could be a preference.
    expect(findings.filter((f) => f.kind === 'channel-preference' && f.significant)).toEqual([]);
  });
});
