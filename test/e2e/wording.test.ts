/**
 * Words that must not mislead, end to end: a share beside the group's tickets says what it is a
 * share of, and a metric without a median is said to be unmeasured, never "no measurable time"
 * (which reads as none at all). Found by an independent attack; values by hand below.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParity } from '../helpers/exec.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-words-'));

describe('shares and missing metrics in the words of every table', () => {
  it('a resolution left out (negative) makes "Resolved 67% of 3" beside 4 tickets, as "Answered 100% of 3" does', async () => {
    // P2 resolved an hour before it was created and P4 answered ten minutes before: each left out
    // of that metric. First response: P1, P2, P3 answered (3 of 3). Resolution: P1 and P4 resolved,
    // P3 open: 2 of 3.
    const file = join(dir, 'negative.csv');
    writeFileSync(
      file,
      [
        'ticket_id,channel,created_at,first_response_at,resolved_at,status',
        'P1,phone,2026-10-01T00:00:00Z,2026-10-01T00:10:00Z,2026-10-01T01:00:00Z,solved',
        'P2,phone,2026-10-01T00:00:00Z,2026-10-01T00:20:00Z,2026-09-30T23:00:00Z,solved',
        'P3,phone,2026-10-01T00:00:00Z,2026-10-01T00:30:00Z,,open',
        'P4,phone,2026-10-01T00:00:00Z,2026-09-30T23:50:00Z,2026-10-01T02:00:00Z,solved',
      ].join('\n') + '\n',
    );
    for (const format of ['table', 'markdown', 'html']) {
      const out = (await runParity(['audit', file, '--format', format])).stdout;
      expect(out, format).toContain('100% of 3');
      expect(out, format).toContain('67% of 3');
      expect(out, format).not.toMatch(/\b67%(?! of 3)/);
    }
  });

  it('a share reads 100% only when all and 0% only when none: 998 of 1,000 answered is 99.8%, 3 of 1,000 resolved 0.3%', async () => {
    // 1,000 phone tickets created 2026-10-01 00:00: all but two answered at 00:10 (998 / 1,000 =
    // 99.8%); three resolved at 01:00, the rest still open at the as-of time (3 / 1,000 = 0.3%).
    // Whole percents wrote them "100%" and "0%": all answered, none resolved.
    const file = join(dir, 'ends.csv');
    const rows = Array.from({ length: 1000 }, (_, i) => `P${i},phone,2026-10-01T00:00:00Z,${i < 2 ? '' : '2026-10-01T00:10:00Z'},${i < 3 ? '2026-10-01T01:00:00Z' : ''}`);
    writeFileSync(file, ['ticket_id,channel,created_at,first_response_at,resolved_at', ...rows].join('\n') + '\n');
    for (const format of ['table', 'markdown', 'html']) {
      const run = await runParity(['audit', file, '--as-of', '2026-10-02T00:00:00Z', '--format', format]);
      expect(run.code, run.stderr).toBe(0);
      // the channel table's phone row: terminal, Markdown, HTML
      const row = run.stdout.split('\n').find((l) => /│ phone +│ 1,000|\*\*phone\*\* \(ref\) \| 1,000|phone<span class="change">reference<\/span><\/td><td class="num">1,000/.test(l));
      expect(row, format).toMatch(/\b99\.8%.*\b0\.3%/);
      expect(row, format).not.toMatch(/\b100%|[^.\d]0%/);
    }
  });

  it('an export without resolution: the reference "waited 10m for a first response", and no resolution time is said to be unmeasured', async () => {
    const file = join(dir, 'no-resolution.csv');
    writeFileSync(file, 'ticket_id,channel,created_at,first_response_at\nP1,phone,2026-10-01T00:00:00Z,2026-10-01T00:10:00Z\n');
    const md = (await runParity(['audit', file, '--format', 'markdown'])).stdout;
    expect(md).toContain('- phone (the reference) waited 10m for a first response (medians, counting tickets not yet answered or resolved as still waiting). No phone ticket has a measurable resolution time.');
    expect(md).not.toContain('no measurable time');
  });

  it('one row read is "1 row read", and one usable ticket "1 usable ticket", in every format', async () => {
    const file = join(dir, 'one-row.csv');
    writeFileSync(file, 'ticket_id,channel,created_at,first_response_at\nP1,phone,2026-10-01T00:00:00Z,2026-10-01T00:10:00Z\n');
    for (const [command, format] of [['audit', 'table'], ['audit', 'markdown'], ['audit', 'html'], ['report', 'markdown']]) {
      const out = (await runParity([command as string, file, '--format', format as string])).stdout;
      expect(out, `${command} ${format}`).toContain('1 row read: 1 used, 0 rejected');
      expect(out, `${command} ${format}`).not.toMatch(/\b1 rows\b|\b1 usable tickets\b/);
    }
  });
});
