// A baseline made from an export without resolution information (no resolution column: the
// JSON's resolution.resolved is null since 37ab1ba, "a count nobody can know is null") loads: it
// was refused as "not a parity report" (resolved: expected number), so `check --baseline` stopped
// with exit 2 for every such export. The delta of a first-response median is then read from it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadBaseline } from '../../../src/commands/baseline.js';
import { auditFiles } from '../../helpers/audit.js';
import { tempCsv } from '../../helpers/exec.js';

describe('a baseline whose counts nobody could know are null', () => {
  test('loads, its answered and resolved as null', async () => {
    // phone P1 answered after 10 min, P2 after 30 min: median 20 min = 1,200 s; no resolution
    // column: resolution.resolved null. E1's first response is empty: waiting, which is measurable,
    // so answered 0 of 1, not null.
    const path = tempCsv('no-resolution.csv', [
      'ticket_id,channel,created_at,first_response_at',
      'P1,phone,2026-09-14T09:00:00Z,2026-09-14T09:10:00Z',
      'P2,phone,2026-09-14T09:00:00Z,2026-09-14T09:30:00Z',
      'E1,email,2026-09-14T09:00:00Z,',
    ]);
    const report = await auditFiles([path], { asOf: '2026-09-15T00:00:00Z' }, { minSample: 1 });
    expect(report.channels.map((c) => [c.channel, c.answered, c.resolution.resolved])).toEqual([['phone', 2, null], ['email', 0, null]]);
    const dir = mkdtempSync(join(tmpdir(), 'parity-baseline-null-'));
    const file = join(dir, 'baseline.json');
    writeFileSync(file, JSON.stringify(report));
    const baseline = await loadBaseline(file, dir);
    // (email: E1 still waiting from 09:00 to the as-of midnight, 15 h = 54,000 s, a lower bound)
    expect(baseline.channels.map((c) => [c.channel, c.firstResponse.median, c.firstResponse.bound, c.resolution.resolved])).toEqual([['phone', 1200, null, null], ['email', 54000, 'lower', null]]);
  });
});
