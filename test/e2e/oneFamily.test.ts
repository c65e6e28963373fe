/**
 * One verdict whichever producer counted the tickets: the follower rank correlation, which only
 * single tickets allow, is Holm-adjusted in a family of its own, so an in-process audit and the
 * audit of its count table adjust every other p-value in the same family and reach the same
 * verdicts (before, the correlation doubled the channel comparison's adjusted p in-process only:
 * a gate on significant findings failed from the count table and passed from the file).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParity } from '../helpers/exec.js';

interface JsonFinding {
  kind: string;
  subject: string;
  metric?: string;
  verdict: string;
  pValue: number | null;
  pValueAdjusted: number | null;
  details?: { test?: string; holmFamilySize?: number };
}

const dir = mkdtempSync(join(tmpdir(), 'parity-family-'));
const file = join(dir, 'social.csv');
// 60 phone and 60 social tickets, all created at midnight and answered: phone after 10–59
// minutes, social after 5–44 minutes, social accounts with 1,000–60,000 followers
const rows = ['ticket_id,channel,created_at,first_response_at,follower_count'];
const at = (minutes: number): string => new Date(Date.UTC(2026, 9, 1) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
for (let i = 0; i < 60; i++) {
  rows.push(`P${i},phone,${at(0)},${at(10 + ((i * 7) % 50))},`);
  rows.push(`S${i},social,${at(0)},${at(5 + ((i * 13) % 40))},${1000 * (i + 1)}`);
}
writeFileSync(file, rows.join('\n') + '\n');

describe('the report\'s Holm family is the same from the tickets and from their count table', () => {
  it('every finding both make has the same adjusted p-value, verdict and family; the correlation is adjusted on its own', async () => {
    const asOf = ['--as-of', '2026-10-03T00:00:00Z'];
    const own = await runParity(['audit', file, '--format', 'json', ...asOf]);
    const table = await runParity(['counts', file, '-o', join(dir, 'counts.csv'), ...asOf]);
    expect(table.code).toBe(0);
    const counted = await runParity(['audit', '--counts', join(dir, 'counts.csv'), '--format', 'json']);
    const findings = (out: string) => (JSON.parse(out) as { findings: JsonFinding[] }).findings;
    const key = (f: JsonFinding) => `${f.kind} ${f.subject} ${f.metric ?? ''}`;
    const fromTable = new Map(findings(counted.stdout).map((f) => [key(f), f]));
    const tested = findings(own.stdout).filter((f) => f.pValue !== null && f.details?.test !== 'spearman');
    // social against phone on first response at least, and the follower bands
    expect(tested.length).toBeGreaterThan(0);
    for (const f of tested) {
      const g = fromTable.get(key(f));
      expect(g, key(f)).toBeDefined();
      expect({ verdict: g?.verdict, pValueAdjusted: g?.pValueAdjusted, family: g?.details?.holmFamilySize }, key(f)).toEqual({
        verdict: f.verdict,
        pValueAdjusted: f.pValueAdjusted,
        family: f.details?.holmFamilySize,
      });
    }
    // the correlation (60 answered social tickets; no category or priority, so one view): a
    // family of one, whose Holm-adjusted p is its own p
    const correlation = findings(own.stdout).find((f) => f.details?.test === 'spearman');
    expect(correlation?.details?.holmFamilySize).toBe(1);
    expect(correlation?.pValueAdjusted).toBe(correlation?.pValue);
  });
});
