/**
 * The channel-jump finding writes its comparison's ratio on its side of the tolerance band's
 * edges, as every other finding does: a ratio of 1.2504 (outside 0.80–1.25, "no preference
 * shown") had read "ratio 1.25", the edge itself, which is inside the band.
 *
 * The plant: 30 customers each with a phone ticket never answered, then a social ticket a day
 * later (a channel jump: the phone ticket is still open); 30 other customers with a social ticket
 * only. Social first responses in seconds, k = 0, …, 29:
 *   jump:  12504 + (k − 14.5)·400   (6704 … 18304; median = (12304 + 12704) / 2 = 12504)
 *   other: 10000 + (k − 14.5)·400   (4200 … 15800; median = (9800 + 10200) / 2 = 10000)
 * Ratio of medians 12504 / 10000 = 1.2504: to two places 1.25 (the edge), to four 1.2504. The
 * ratio lies outside the band, so the finding cannot be within tolerance, and its CI holds the
 * ratio, so it cannot lie wholly outside the band: not a preference either.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../helpers/audit.js';

function jumpCsv(): string {
  const rows = ['ticket_id,customer_id,channel,created_at,first_response_at'];
  const start = Date.UTC(2026, 9, 1) / 1000;
  const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  for (let k = 0; k < 30; k++) {
    const t = start + k * 3600;
    rows.push(`P${k},jumper${k},phone,${iso(t)},`);
    rows.push(`J${k},jumper${k},social,${iso(t + 86400)},${iso(t + 86400 + 12504 + (k - 14.5) * 400)}`);
    rows.push(`O${k},quiet${k},social,${iso(t + 86400)},${iso(t + 86400 + 10000 + (k - 14.5) * 400)}`);
  }
  return `${rows.join('\n')}\n`;
}

describe('the channel-jump comparison near an edge of the tolerance band', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'parity-jump-edges-')), 'jumps.csv');
  writeFileSync(file, jumpCsv());

  it('writes 1.2504 as 1.2504, never as the edge 1.25', async () => {
    const report = await auditFiles([file]);
    const f = report.findings.find((x) => x.kind === 'channel-jump');
    expect(f?.count).toBe(30);
    expect(f?.effect).toBeCloseTo(1.2504, 12);
    expect(f?.verdict).toBe('no-preference');
    expect(f?.message).toContain('no preference shown against other social tickets (ratio 1.2504, 95% CI ');
  });
});
