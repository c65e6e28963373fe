/**
 * The follower correlation counts the customers nobody answered (found by an attack): on
 * answered tickets alone, a band that answered 4 of its 12 customers within minutes and never
 * answered the other 8 looked fast, and the finding said "more followers go with slower first
 * responses (rho = 1.00, significant)" beside the band comparison's "100k+ answered at least 5.9×
 * faster". Unanswered tickets now rank with their age as a time still running (Gehan's scores).
 *
 * The plant (24 social tickets, minSample 10): small accounts k = 0..11 (100 + 10k followers,
 * created 6k hours after the start), the first four answered after 5 + k minutes, the other
 * eight never; large accounts k = 0..11 (200,000 + 1,000k followers, created 6k h 30 min after
 * the start), answered after 110 + k minutes. The as-of time is the latest timestamp, the last
 * answer at 68h 31m, so the unanswered are 2h 31m to 44h 31m old: each certainly waited longer
 * than all 16 answers (Gehan score 16, midrank (16 + 25) / 2 = 20.5). The answered small ones
 * score −23, −21, −19, −17 (midranks 1–4), the large ones 2k − 15 (midranks k + 5 = 5–16).
 * With followers ranked 1–24: x = 1..4 with y = x; x = 5..12 with y = 20.5; x = 13..24 with
 * y = x − 8. By hand: Σ(x − 12.5)(y − 12.5) = 405 − 256 − 1 = 148, Σ(x − 12.5)² = 1150,
 * Σ(y − 12.5)² = 405 + 512 + 191 = 1108, rho = 148 / √(1150 · 1108) = 0.131112…; with
 * t = rho·√(22 / (1 − rho²)) = 0.6203 on 22 df, p = 0.5414 (R: 2 * pt(-0.6203, 22)).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../helpers/audit.js';

function plantCsv(): string {
  const rows = ['ticket_id,channel,created_at,first_response_at,followers'];
  const start = Date.UTC(2026, 9, 1) / 1000;
  const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  for (let k = 0; k < 12; k++) {
    const created = start + k * 6 * 3600;
    rows.push(`S${k},social,${iso(created)},${k < 4 ? iso(created + (5 + k) * 60) : ''},${100 + 10 * k}`);
  }
  for (let k = 0; k < 12; k++) {
    const created = start + k * 6 * 3600 + 1800;
    rows.push(`L${k},social,${iso(created)},${iso(created + (110 + k) * 60)},${200000 + 1000 * k}`);
  }
  return `${rows.join('\n')}\n`;
}

describe('the follower correlation with unanswered social tickets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-follower-censored-'));
  const file = join(dir, 'plant.csv');
  writeFileSync(file, plantCsv());

  it('ranks the unanswered as still waiting: rho 0.1311 over all 24 tickets, not 1.00 over the 16 answered', async () => {
    const report = await auditFiles([file], {}, { minSample: 10 });
    const f = report.findings.find((x) => x.kind === 'follower-preference' && x.details?.['test'] === 'spearman');
    expect(f?.n).toEqual({ social: 24 });
    expect(f?.effect).toBeCloseTo(148 / Math.sqrt(1150 * 1108), 12);
    expect(f?.pValue).toBeCloseTo(0.5414, 4);
    expect(f?.significant).toBe(false);
    expect(f?.message).toBe(
      'No preference shown: more followers go with slower first responses on social, but the evidence falls short (Spearman rho = 0.13, Holm p = 0.541, n = 24).',
    );
  });
});
