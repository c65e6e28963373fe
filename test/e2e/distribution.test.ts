/**
 * The box plot's numbers are the tables' (found by an attack: the HTML report's only
 * first-response chart drew answered tickets alone, so 40 phone tickets of which 2 were answered
 * in 5 minutes sat at 5m beside email's 2h, while the table and headline said email was at least
 * 106× faster; a channel nobody answered vanished from the chart).
 *
 * By hand, 5 phone tickets at --as-of 01:00: answered after 60, 120 and 180 s; two still waiting,
 * 1,000 and 2,000 s old. Kaplan–Meier: S = 0.8, 0.6, 0.4 after the three answers, then flat
 * (the waiting leave the risk set without an answer). p10: first S ≤ 0.9 → 60 s; p25: first
 * S ≤ 0.75 → 120 s; median: first S < 0.5 → 180 s; p75 and p90 never reached: lower bounds, the
 * observed times' quantiles (R's type 7 over 60, 120, 180, 1000, 2000: 0.75·4 = 3 → 1000 s;
 * 0.9·4 = 3.6 → 1000 + 0.6·1000 = 1600 s). Fastest answer 60 s; longest time seen 2,000 s, a
 * ticket still waiting.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParity } from '../helpers/exec.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-distribution-'));
const file = join(dir, 'box.csv');
writeFileSync(
  file,
  [
    'ticket_id,channel,created_at,first_response_at',
    'A,phone,2026-10-01T00:00:00Z,2026-10-01T00:01:00Z',
    'B,phone,2026-10-01T00:00:00Z,2026-10-01T00:02:00Z',
    'C,phone,2026-10-01T00:00:00Z,2026-10-01T00:03:00Z',
    'D,phone,2026-10-01T00:43:20Z,',
    'E,phone,2026-10-01T00:26:40Z,',
  ].join('\n') + '\n',
);
const args = [file, '--as-of', '2026-10-01T01:00:00Z', '--no-color'];

describe('the first-response distribution counts the unanswered, as the tables do', () => {
  it('JSON: Kaplan–Meier quantiles worked by hand, the median and p90 the channel table\'s', async () => {
    const r = await runParity(['audit', ...args, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const d = report.distributions.firstResponse.find((x: { channel: string }) => x.channel === 'phone');
    expect(d).toEqual({
      channel: 'phone', n: 5, answered: 3, min: 60,
      p10: 60, p10Bound: null, p25: 120, p25Bound: null, median: 180, medianBound: null,
      p75: 1000, p75Bound: 'lower', p90: 1600, p90Bound: 'lower', max: 2000, maxBound: 'lower',
    });
    const phone = report.channels.find((c: { channel: string }) => c.channel === 'phone');
    expect([phone.firstResponse.median, phone.firstResponse.bound, phone.firstResponse.p90, phone.firstResponse.p90Bound]).toEqual([180, null, 1600, 'lower']);
  });

  it('HTML: the chart says how many were answered, and the median is the table\'s', async () => {
    const r = await runParity(['audit', ...args, '--format', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('phone: 3 of 5 answered (the rest counted as still waiting); fastest answer 1m, p10 1m, p25 2m, median 3m, p75 at least 16m 40s, p90 at least 26m 40s, longest still waiting at least 33m 20s');
    expect(r.stdout).toContain('the unanswered counted as still waiting, as in the tables');
  });
});
