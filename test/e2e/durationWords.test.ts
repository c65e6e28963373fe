/**
 * A German export whose first-response and resolution columns are durations in words
 * (fixtures/durations/de-words.csv: `30 Min.`, `1 Stunde 30 Minuten`, `2 Std.`, `1,5 Stunden`,
 * `1 Tag 2 Std.`), audited by the built binary; a unit given twice (`1h 1h`) or out of order
 * (`30m 1h`) is left out of its metric on its row, the note naming line, column, value and why.
 */
import { describe, expect, it } from 'vitest';
import { fixture, runParity } from '../helpers/exec.js';

describe('durations written in German words (end to end)', () => {
  it('audits them with the medians worked by hand and notes the refused values on their line', async () => {
    const r = await runParity(['audit', fixture('durations', 'de-words.csv'), '--format', 'json', '--as-of', '2026-10-30T00:00:00Z']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.input).toMatchObject({ rowsRead: 7, rowsUsed: 7, rowsRejected: 0 });
    const channel = (name: string) => report.channels.find((c: { channel: string }) => c.channel === name);
    // phone first responses 30 Min. 1,800 · 1 Stunde 30 Minuten 5,400 · 2 Std. 7,200 (D-4's `1h 1h`
    // left out): median 5,400 s; resolutions 3 Std. 15 Min. 11,700 · 1 Tag 86,400 · 2 Tage
    // 172,800 (D-4's `30m 1h` left out): median 86,400 s
    expect(channel('phone').firstResponse).toMatchObject({ n: 3, median: 5400 });
    expect(channel('phone').resolution).toMatchObject({ n: 3, median: 86_400 });
    // email first responses 1,5 Stunden 5,400 · 2 Stunden 30 Sekunden 7,230 · 4 Std. 14,400:
    // median 7,230 s; resolutions 1 Tag 2 Std. 93,600 · 2 Tage 172,800 · 3 Tage 259,200: 172,800 s
    expect(channel('email').firstResponse).toMatchObject({ n: 3, median: 7230 });
    expect(channel('email').resolution).toMatchObject({ n: 3, median: 172_800 });
    const quality = Object.fromEntries(report.input.dataQuality.map((q: { kind: string }) => [q.kind, q]));
    expect(quality['bad-first-response']).toMatchObject({
      count: 1,
      example: { line: 5, column: 'Erste Antwortzeit', value: '1h 1h', detail: 'cannot read "1h 1h": hours are given twice ("1h", "1h"): a duration gives each unit once, larger first (2h 30m); left out of first response' },
    });
    expect(quality['bad-resolution']).toMatchObject({
      count: 1,
      example: { line: 5, column: 'Lösungszeit', value: '30m 1h', detail: 'cannot read "30m 1h": hours ("1h") come after minutes ("30m"): a duration gives each unit once, larger first (2h 30m); left out of resolution' },
    });
  });

  it('inspect binds both columns as durations that say their units, and names the same problems', async () => {
    const r = await runParity(['inspect', fixture('durations', 'de-words.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/firstResponseTime\s+← "Erste Antwortzeit"\s+\[units as written in the values/);
    expect(r.stdout).toMatch(/resolutionTime\s+← "Lösungszeit"\s+\[units as written in the values/);
    expect(r.stdout).toContain('rows: 7, usable tickets: 7 (6 answered, 6 resolved)');
    expect(r.stdout).toContain('line 5 (Erste Antwortzeit): cannot read "1h 1h": hours are given twice');
  });

});
