// Times outside the years 1–9999 (normalise/time.ts inCalendar): a creation time there rejects
// its row (bad-created), a reply or resolution a value puts there leaves the ticket out of that
// metric (bad-first-response, bad-resolution), on the first rows (read by rows.ts) and past the
// first MiB (read from the scanner's bytes by fields.ts, which hands such rows to rows.ts).
// Expected values are the rows as written.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/load/dataset.js';
import { resolveSettings } from '../../../src/commands/options.js';
import { ANSWERED, RESOLVED } from '../../../src/normalise/table.js';
import { FIRST_TIME, LAST_TIME, inCalendar } from '../../../src/normalise/time.js';

describe('the years parity reads', () => {
  it('are 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z', () => {
    expect(new Date(FIRST_TIME * 1000).toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect(new Date(LAST_TIME * 1000).toISOString()).toBe('9999-12-31T23:59:59.000Z');
    expect([inCalendar(FIRST_TIME), inCalendar(LAST_TIME), inCalendar(FIRST_TIME - 1), inCalendar(LAST_TIME + 1)]).toEqual([true, true, false, false]);
  });

  // 60,000 rows of a Unix-seconds export (2.4 MB): odd values on row 10 (the sample) and row
  // 55,000 (past the first MiB, read from bytes)
  const rows = 60_000;
  const created = (i: number): number => 1_780_000_000 + i * 60;
  function file(odd: (i: number) => { created?: string; first?: string; resolved?: string } | null): string {
    const dir = mkdtempSync(join(tmpdir(), 'parity-calendar-'));
    const path = join(dir, 'export.csv');
    const lines = ['ticket_id,channel,created_at,first_response_minutes,resolution_minutes,status'];
    for (let i = 0; i < rows; i++) {
      const o = odd(i) ?? {};
      lines.push(`T${i},${i % 2 ? 'phone' : 'email'},${o.created ?? created(i)},${o.first ?? 30},${o.resolved ?? 600},solved`);
    }
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  }
  const load = (path: string) => loadDataset(resolveSettings([path], {}, {}, 'test'), { stdin: Readable.from([Buffer.alloc(0)]) });
  const odd = [10, 55_000];

  for (const at of odd) {
    it(`a count too large for a seconds column (a millisecond count by its size; as seconds, after the year 9999) rejects its row, naming the value and why (row ${at})`, async () => {
      // 13 digits is 10¹¹ or more: milliseconds by the size rule, not read in a column of seconds;
      // read as milliseconds (the year 2286) it would have become the as-of time of every open ticket
      const d = await load(file((i) => (i === at ? { created: '9999999999999' } : null)));
      expect([d.rowsRead, d.rowsUsed, d.rowsRejected]).toEqual([rows, rows - 1, 1]);
      const [entry] = d.issues.entries();
      expect(entry?.kind).toBe('bad-created');
      expect([entry?.example.line, entry?.example.column, entry?.example.value, entry?.example.detail]).toEqual([at + 2, 'created_at', '9999999999999', '"9999999999999" is 10¹¹ or more, a count of milliseconds, in a column of Unix seconds']);
      // the latest time, and so the as-of time, is the data's: the last row resolved 600 minutes after creation
      expect(d.asOf).toBe(created(rows - 1) + 600 * 60);
    });

    it(`a duration that puts a reply or a resolution after the year 9999 leaves the ticket out of that metric only (row ${at})`, async () => {
      // 144,000,000,000 minutes: 8.64e12 s, past JavaScript's last date
      for (const metric of ['first', 'resolved'] as const) {
        const d = await load(file((i) => (i === at ? { [metric]: '144000000000' } : null)));
        expect([d.rowsRead, d.rowsUsed, d.rowsRejected]).toEqual([rows, rows, 0]);
        const t = d.table;
        expect([t.firstResponseState[at] === ANSWERED, t.resolutionState[at] === RESOLVED]).toEqual([metric !== 'first', metric === 'first']);
        if (metric === 'first') expect(t.resolution[at]).toBe(600 * 60);
        else expect(t.firstResponse[at]).toBe(30 * 60);
        const [entry] = d.issues.entries();
        const [kind, column, what] = metric === 'first' ? ['bad-first-response', 'first_response_minutes', 'first response'] : ['bad-resolution', 'resolution_minutes', 'resolution'];
        expect([entry?.kind, entry?.count, entry?.example.line, entry?.example.column, entry?.example.detail]).toEqual([kind, 1, at + 2, column, `"144000000000" puts the ${what} after the year 9999; left out of ${what}`]);
        expect(d.asOf).toBe(created(rows - 1) + 600 * 60);
      }
    });
  }
});
