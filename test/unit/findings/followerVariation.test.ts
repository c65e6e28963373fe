/**
 * The follower correlation with tickets enough but nothing to rank: every social ticket has the
 * same follower count, so Spearman's rho is 0/0. Its finding had read "Too few social
 * tickets … (n = 40; at least 30 needed)": 40 is not too few, and the sentence contradicted its
 * own number. As for a comparison with tickets enough but no ratio, the verdict is
 * `no-preference` ("not conclusive") and the sentence says why, never "too few".
 *
 * The plant: 40 social tickets, each from an account of 500 followers, answered after 10, 11, …,
 * 49 minutes (every ticket answered, no category or priority: the raw view decides); 40 ≥ the
 * default minSample of 30.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../helpers/audit.js';

function sameFollowersCsv(): string {
  const rows = ['ticket_id,channel,created_at,first_response_at,follower_count'];
  const start = Date.UTC(2026, 9, 1) / 1000;
  const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  for (let k = 0; k < 40; k++) {
    const created = start + k * 3600;
    rows.push(`S${k},social,${iso(created)},${iso(created + (10 + k) * 60)},500`);
  }
  return `${rows.join('\n')}\n`;
}

describe('a follower correlation with tickets enough but one follower count', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'parity-follower-variation-')), 'same.csv');
  writeFileSync(file, sameFollowersCsv());

  it('is not conclusive and says why, never "too few" beside n = 40', async () => {
    const report = await auditFiles([file]);
    const f = report.findings.find((x) => x.kind === 'follower-preference' && x.details?.['test'] === 'spearman');
    expect(f?.n).toEqual({ social: 40 });
    expect(f?.verdict).toBe('no-preference');
    expect(f?.message).not.toMatch(/too few/i);
    expect(f?.message).toBe(
      'Cannot relate follower count to first-response time on social: among the 40 social tickets with a follower count, the follower count or the response time does not vary.',
    );
  });
});

describe('a follower correlation with every social ticket unanswered (found by a review)', () => {
  it('says that none was answered, not that the times do not vary', async () => {
    const rows = ['ticket_id,channel,created_at,first_response_at,follower_count', 'P1,phone,2026-10-01T00:00:00Z,2026-10-01T01:00:00Z,'];
    const start = Date.UTC(2026, 9, 1) / 1000;
    const iso = (x: number): string => new Date(x * 1000).toISOString().replace('.000Z', 'Z');
    for (let k = 0; k < 40; k++) rows.push(`S${k},social,${iso(start + k * 3600)},,${100 * (k + 1)}`);
    const file = join(mkdtempSync(join(tmpdir(), 'parity-follower-unanswered-')), 'all.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const report = await auditFiles([file]);
    const f = report.findings.find((x) => x.kind === 'follower-preference' && x.details?.['test'] === 'spearman');
    expect(f?.verdict).toBe('no-preference');
    expect(f?.message).toBe(
      'Cannot relate follower count to first-response time on social: none of the 40 social tickets with a follower count was answered, so their waits cannot be put in order (each has waited at least its age so far).',
    );
  });
});
