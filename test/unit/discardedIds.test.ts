// A row that is spam or deleted by its status takes part in the duplicate check (load/stream.ts):
// with --duplicates last, a later export's `deleted` row takes back the ticket an earlier row of
// its id made (a Zendesk incremental export returns a ticket again once it is deleted); with
// --duplicates first, a later row of a ticket first seen as spam is that row's duplicate. The
// same on every reader, with or without --since/--until. Expected tickets, medians and lines are
// worked out by hand below.
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { resolveSettings, type CommonFlags } from '../../src/commands/options.js';
import { audit } from '../../src/pipeline.js';
import type { Report } from '../../src/report.js';
import type { ReadOptions } from '../../src/read/source.js';
import type { WorkerUse } from '../../src/threads.js';
import { tempCsv } from '../helpers/exec.js';

const HEADER = 'ticket_id,customer_id,channel,created_at,first_response_at,resolved_at,status,priority,category';
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
/** A solved phone ticket created at `created`, answered `first` hours and resolved 11 hours later. */
const solved = (line: number, id: string, created: string, first: number): string => {
  const at = Date.parse(created);
  return `${id},c${line},Phone,${iso(at)},${iso(at + first * 3_600_000)},${iso(at + 11 * 3_600_000)},solved,normal,Billing`;
};
/** The same ticket as a later export has it once deleted: no reply, no resolution. */
const deleted = (line: number, id: string, created: string): string => `${id},c${line},Phone,${iso(Date.parse(created))},,,deleted,normal,Billing`;
// The rows that matter come after FILLER email tickets (lines 2..F+1), so that they are read
// from their bytes by the byte scanner (normalise/fields.ts), which has a duplicate check of its
// own; a deleted row is always read by the string normaliser (rows.ts).
const FILLER = 12_000;
const F = FILLER;
const LINES = [
  HEADER,
  ...Array.from({ length: FILLER }, (_, k) => `E${k},e${k},Email,2026-10-01T00:00:00Z,2026-10-01T01:00:00Z,2026-10-01T11:00:00Z,solved,normal,Billing`),
  solved(2, 'A', '2026-10-02T09:00:00Z', 5), // first: the ticket (5h); last: taken back by line 4
  solved(3, 'B', '2026-10-03T09:00:00Z', 2), // once (2h)
  deleted(4, 'A', '2026-10-02T09:00:00Z'), // first: a duplicate of line 2; last: A is deleted
  deleted(5, 'C', '2026-10-04T09:00:00Z'), // spam first
  solved(6, 'C', '2026-10-04T09:00:00Z', 3), // first: a duplicate of line 5; last: the ticket (3h)
  solved(7, 'D', '2026-10-05T09:00:00Z', 4), // once (4h)
  deleted(8, 'G', '2026-09-20T09:00:00Z'), // deleted, and before October
  solved(9, 'G', '2026-10-08T09:00:00Z', 6), // first: a duplicate of line 8; last: the ticket (6h)
];
const at = (kind: string, line: number): string => `${kind}@${F + line}`;
const OCTOBER = { since: '2026-10-01', until: '2026-11-01' };

async function auditOf(flags: CommonFlags, read: { reader?: ReadOptions['reader']; workers?: WorkerUse }): Promise<{ report: Report; rejected: string[]; details: Map<number, string> }> {
  const rejected: string[] = [];
  const details = new Map<number, string>();
  const settings = { ...resolveSettings([file], flags, {}, 'test'), generatedAt: null };
  const report = await audit(settings, {
    stdin: Readable.from([]),
    onReject: (issue) => {
      rejected.push(`${issue.kind}@${issue.line}`);
      details.set(issue.line - F, issue.detail);
    },
    ...read,
  });
  return { report, rejected: rejected.sort(), details };
}
const phone = (r: Report) => r.channels.find((c) => c.channel === 'phone');
const file = tempCsv('deleted-later.csv', LINES);

describe('a spam or deleted row settles its id as a ticket row would', () => {
  const readers = [
    ['the byte scanner', {}],
    ['csv-parse', { reader: 'csv-parse' as const }],
    ['the reading worker', { workers: 'always' as const }],
  ] as const;
  for (const [name, read] of readers) {
    for (const [window, flags] of [['the whole export', {}], ['October', OCTOBER]] as const) {
      test(`--duplicates last, ${name}, ${window}: a later deleted row takes back the ticket of its id`, async () => {
        const { report, rejected, details } = await auditOf({ ...flags, duplicates: 'last' }, read);
        // B 2h, C (line 6) 3h, D 4h, G (line 9) 6h: median (3 + 4) / 2 = 3.5h; A is deleted
        expect(phone(report)?.tickets).toBe(4);
        expect(phone(report)?.firstResponse.median).toBe(3.5 * 3600);
        // line 2 is the row line 4 replaces; lines 4, 5 and 8 are spam or deleted (8 is also before October)
        const eight = window === 'October' ? at('outside-period', 8) : at('discarded', 8);
        expect(rejected).toEqual([at('discarded', 4), at('discarded', 5), eight, at('duplicate-id', 2)].sort());
        expect(details.get(2)).toBe(`ticket id "A" appears again at ${file}:${F + 4}, on a row marked spam or deleted; the last one is kept, so the ticket is not counted`);
        expect(report.input.rowsUsed).toBe(F + 4);
      });

      test(`--duplicates first, ${name}, ${window}: a later row of a ticket first seen deleted is its duplicate`, async () => {
        const { report, rejected, details } = await auditOf({ ...flags, duplicates: 'first' }, read);
        // A (line 2) 5h, B 2h, D 4h: median 4h
        expect(phone(report)?.tickets).toBe(3);
        expect(phone(report)?.firstResponse.median).toBe(4 * 3600);
        const eight = window === 'October' ? at('outside-period', 8) : at('discarded', 8);
        expect(rejected).toEqual([at('duplicate-id', 4), at('discarded', 5), at('duplicate-id', 6), eight, at('duplicate-id', 9)].sort());
        expect(details.get(4)).toBe('ticket id "A" appeared earlier; the first one is kept');
        expect(details.get(6)).toBe('ticket id "C" appeared earlier, on a row marked spam or deleted; the first one is kept, so the ticket is not counted');
        expect(details.get(9)).toBe('ticket id "G" appeared earlier, on a row marked spam or deleted; the first one is kept, so the ticket is not counted');
        expect(report.input.rowsUsed).toBe(F + 3);
      });
    }
  }
});

describe('a deleted row without a creation time (a later export may leave it out)', () => {
  const lines = [HEADER, solved(2, 'A', '2026-10-02T09:00:00Z', 5), solved(3, 'B', '2026-10-03T09:00:00Z', 2), 'A,c4,Phone,,,,deleted,normal,Billing'];
  const small = tempCsv('deleted-no-created.csv', lines);
  test('is rejected as discarded, and with --duplicates last takes back its ticket', async () => {
    const settings = { ...resolveSettings([small], { duplicates: 'last' }, {}, 'test'), generatedAt: null };
    const kinds: string[] = [];
    const report = await audit(settings, { stdin: Readable.from([]), onReject: (issue) => kinds.push(`${issue.kind}@${issue.line}`) });
    // A (line 2) is taken back by line 4: B alone, 2h
    expect(kinds.sort()).toEqual(['discarded@4', 'duplicate-id@2']);
    expect(report.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median])).toEqual([['phone', 1, 7200]]);
  });

  test('in-process and through DuckDB alike (ids unique: DuckDB counts every row)', async () => {
    const { runParity } = await import('../helpers/exec.js');
    const unique = tempCsv('deleted-no-created-unique.csv', [HEADER, solved(2, 'A', '2026-10-02T09:00:00Z', 5), 'C,c3,Phone,,,,deleted,normal,Billing']);
    for (const engine of [[], ['--engine', 'duckdb']]) {
      const r = await runParity(['audit', unique, '--format', 'json', '--no-config', ...engine]);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).input.dataQuality.map((d: { kind: string; count: number }) => [d.kind, d.count])).toEqual([['discarded', 1]]);
    }
  });
});

describe('--strict with --duplicates last (found by an independent attack: every incremental export failed)', () => {
  test('a replaced row is the rule chosen, not bad data: audit and counts pass; with --duplicates first the repeated id fails', async () => {
    const { runParity } = await import('../helpers/exec.js');
    const { join, dirname } = await import('node:path');
    // A answered after 5h, then sent again once solved: with last, A is line 3's ticket (2h)
    const overlap = tempCsv('overlap-strict.csv', [HEADER, solved(2, 'A', '2026-10-02T09:00:00Z', 5), solved(3, 'A', '2026-10-02T09:00:00Z', 2)]);
    const last = await runParity(['audit', overlap, '--strict', '--duplicates', 'last', '--no-config', '--format', 'json']);
    expect(last.code, last.stderr).toBe(0);
    expect(JSON.parse(last.stdout).channels.map((c: { channel: string; firstResponse: { median: number } }) => [c.channel, c.firstResponse.median])).toEqual([['phone', 7200]]);
    const counts = await runParity(['counts', overlap, '--strict', '--duplicates', 'last', '--no-config', '-o', join(dirname(overlap), 'overlap-counts.csv')]);
    expect(counts.code, counts.stderr).toBe(0);
    const first = await runParity(['audit', overlap, '--strict', '--no-config']);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('ticket id "A" appeared earlier; the first one is kept (--strict: 1 row rejected)');
    // a row that is bad data still fails the run under last
    const bad = tempCsv('overlap-strict-bad.csv', [HEADER, solved(2, 'A', '2026-10-02T09:00:00Z', 5), 'B,c3,Phone,not a date,,,solved,normal,Billing']);
    const badLast = await runParity(['audit', bad, '--strict', '--duplicates', 'last', '--no-config']);
    expect(badLast.code).toBe(2);
    expect(badLast.stderr).toContain('(--strict: 1 row rejected)');
  });
});
