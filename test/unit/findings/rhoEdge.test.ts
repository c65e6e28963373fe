/**
 * The follower correlation's rho is written on its side of the 0.1 that counts as a relation, as
 * its rule writes it: a rho of 0.0994 ("barely related", |rho| under 0.1) had read
 * "Spearman rho = 0.10 … |rho| under 0.1", the sentence contradicting its own number.
 *
 * The plant: 30 social tickets, ticket i (i = 1, …, 30) from an account of 100·i followers,
 * answered after 10·π(i) minutes, π the permutation below; no category or priority (the raw view
 * decides), no ties, so Spearman's rho = 1 − 6·Σ(i − π(i))² / (n(n² − 1)) with
 * Σ(i − π(i))² = 4,048 (the sum of the squares of the differences below) and n(n² − 1) = 30·899
 * = 26,970: rho = 1 − 24,288 / 26,970 = 0.09944. To two places 0.10, which reads as the 0.1 it
 * is below; to three 0.099.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../helpers/audit.js';
import { renderMarkdown } from '../../../src/render/markdown.js';

const PI = [1, 2, 3, 15, 20, 27, 16, 22, 10, 18, 13, 25, 24, 9, 19, 28, 17, 8, 21, 30, 12, 23, 11, 6, 5, 26, 14, 7, 29, 4];

function rhoCsv(): string {
  const rows = ['ticket_id,channel,created_at,first_response_at,follower_count'];
  const start = Date.UTC(2026, 9, 1) / 1000;
  const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  PI.forEach((pi, k) => {
    const t = start + k * 3600;
    rows.push(`S${k + 1},social,${iso(t)},${iso(t + 600 * pi)},${100 * (k + 1)}`);
  });
  return `${rows.join('\n')}\n`;
}

describe('a follower rho just under 0.1', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'parity-rho-edge-')), 'rho.csv');
  writeFileSync(file, rhoCsv());

  it('is written below 0.1, never as 0.10 beside "under 0.1"', async () => {
    expect(PI.reduce((s, v, i) => s + (i + 1 - v) ** 2, 0)).toBe(4048);
    const report = await auditFiles([file]);
    const f = report.findings.find((x) => x.kind === 'follower-preference' && x.details?.['test'] === 'spearman');
    expect(f?.effect).toBeCloseTo(1 - (6 * 4048) / 26970, 12);
    expect(f?.verdict).toBe('within-tolerance');
    expect(f?.message).toContain('Spearman rho = 0.099,');
    expect(f?.message).not.toContain('rho = 0.10,');
    // the evidence under it writes the same number
    const md = renderMarkdown(report);
    expect(md).toContain("effect: Spearman's rho 0.099");
    expect(md).toContain('overall (raw view): rho 0.099;');
  });
});
