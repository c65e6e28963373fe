// Excel's text formulas (read/excelText.ts): a CSV cell written `="00123"` (or `"=""00123"""`) is
// read as the text Excel shows, 00123, by both CSV readers and both normalisers, and through
// DuckDB; any other formula is read as written. Expected values are worked by hand from the
// inputs (fixtures/excel-formulas.csv, and a generated export whose numbers follow from its rule).
import { describe, expect, test } from 'vitest';
import { statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { excelText } from '../../../src/read/excelText.js';
import { loadDataset } from '../../../src/load/dataset.js';
import { resolveSettings } from '../../../src/commands/options.js';
import type { RowIssue } from '../../../src/normalise/issues.js';
import type { Report } from '../../../src/report.js';
import { auditFiles, bothProducers } from '../../helpers/audit.js';

const FIXTURE = 'fixtures/excel-formulas.csv';

test('exactly = " text " is a text formula: its text, a doubled quote read as one; anything else is none', () => {
  expect(excelText('="00123"')).toBe('00123');
  expect(excelText('="2026-03-04 09:15:00"')).toBe('2026-03-04 09:15:00');
  expect(excelText('  ="007"\t')).toBe('007'); // white space around it passed over, as parity trims every value
  expect(excelText('=" 7 "')).toBe(' 7 '); // (the text inside is trimmed where it is read, as any value)
  expect(excelText('="say ""hi"""')).toBe('say "hi"');
  expect(excelText('=""')).toBe('');
  expect(excelText('="a""&""b"')).toBe('a"&"b'); // one string with quotes in it
  expect(excelText('="line\nbreak"')).toBe('line\nbreak');
  for (const none of ['00123', '=SUM(A1)', '=1+2', '="a"&"b"', '="abc', '=abc"', '= "x"', '=="x"', '="x"y"', '"="x""', '="x""', 'x="y"', '']) {
    expect(excelText(none), none).toBeNull();
  }
});

/** The report's numbers these tests assert on. */
function channelNumbers(report: Report): Record<string, unknown> {
  return Object.fromEntries(
    report.channels.map((c) => [c.channel, { tickets: c.tickets, answered: c.answered, firstResponse: [c.firstResponse.n, c.firstResponse.median], resolution: [c.resolution.resolved, c.resolution.median] }]),
  );
}

describe('fixtures/excel-formulas.csv', () => {
  // By hand, first response after creation:
  //   phone: 000481 09:15 → 09:45 (1,800 s), 000482 10:00 → 11:00 (3,600 s), 000483 11:00 → 13:00
  //          (7,200 s): median 3,600 s;
  //   email: 000484 08:00 → 10:00 (7,200 s), 000485 09:00 → 13:00 (14,400 s), 000486 10:00 → 16:00
  //          (21,600 s): median 14,400 s;
  //   chat:  line 8's creation `=SUM(A1)` is no text formula and no date (rejected); line 9's id
  //          000481 is line 2's `="000481"` (a duplicate, rejected); line 10's first response
  //          `="abc` is not closed: read as written, unreadable, left out of first response.
  // The as-of time is the latest time, 2026-03-05 16:00 (000486's first response). Phone's
  // resolution: 000481 after 2 h 45 min (9,900 s), 000483 after 24 h (86,400 s), 000482 open for
  // 30 h: the curve falls to 1/3 at 86,400 s, the median. Nothing else is resolved: email's
  // median is a lower bound, the middle of its ages (8 h, 7 h, 6 h at the as-of time: 25,200 s),
  // and chat's one ticket (000488, 12:30) is 3 h 30 min old (12,600 s) with no first response
  // measured (answered: none to count).
  const expected = {
    phone: { tickets: 3, answered: 3, firstResponse: [3, 3600], resolution: [2, 86400] },
    email: { tickets: 3, answered: 3, firstResponse: [3, 14400], resolution: [0, 25200] },
    chat: { tickets: 1, answered: null, firstResponse: [0, null], resolution: [0, 12600] },
  };

  test('audited alike through the byte scanner and through csv-parse: the times they show, ids and rows as hand-counted', async () => {
    for (const reader of [undefined, 'csv-parse'] as const) {
      const report = await auditFiles([FIXTURE], {}, {}, '', reader ? { reader } : {});
      expect([report.input.rowsRead, report.input.rowsUsed, report.input.rowsRejected, report.input.tickets]).toEqual([9, 7, 2, 7]);
      expect(report.period.asOf).toBe('2026-03-05T16:00:00.000Z');
      expect(channelNumbers(report)).toEqual(expected);
      expect(report.input.dataQuality.map((q) => [q.kind, q.count, q.example?.line, q.example?.value])).toEqual([
        ['bad-created', 1, 8, '=SUM(A1)'],
        ['duplicate-id', 1, 9, '000481'],
        ['bad-first-response', 1, 10, '="abc'],
      ]);
      // the note, by column: ids on lines 2, 3, 5, 6 and 8; customers on 2, 5, 6, 8, 9; creation
      // times on 2, 3, 5, 6, 10; first responses on 2, 4, 5, 6; resolutions on 2, 4; line 7's note
      expect(report.input.notes).toContain(
        `${FIXTURE}: 22 values are written as Excel text formulas (="…", the first on line 2), read as the text they show: 5 in "ticket_id", 5 in "customer_id", 5 in "created_at", 4 in "first_response_at", 2 in "resolved_at", 1 in "note"`,
      );
    }
  });

  test('ids and customers: ="007" is 007, one customer with a plain 007, and 7 is another; a rejected row keeps its values as written', async () => {
    const rejected: RowIssue[] = [];
    const settings = resolveSettings([FIXTURE], {}, {}, 'test');
    const dataset = await loadDataset(settings, { stdin: Readable.from([]), onReject: (issue) => rejected.push(issue) });
    const t = dataset.table;
    expect(t.id.toArray()).toEqual(['000481', '000482', '000483', '000484', '000485', '000486', '000488']);
    const customers = Array.from({ length: t.size }, (_, i) => t.dictionaries.customer.valueOf(t.customer[i] as number));
    expect(customers).toEqual(['007', '7', '007', 'C9', 'C9', 'C10', 'C13']);
    // --rejects writes the row as the file writes it
    expect(rejected.map((r) => [r.line, r.values])).toEqual([
      [8, ['="000487"', '="C11"', 'chat', '=SUM(A1)', '2026-03-05 11:00:00', '', 'open', 'unreadable date']],
      [9, ['000481', '="C12"', 'chat', '2026-03-05 12:00:00', '2026-03-05 12:15:00', '', 'open', 'same id as line 2']],
    ]);
  });

  test('inspect profiles the text formulas as the times they show', async () => {
    const { profileFiles } = await import('../../../src/load/profile.js');
    const [profile] = await profileFiles(resolveSettings([FIXTURE], {}, {}, 'test'), { stdin: Readable.from([]) });
    expect(profile?.timestampStyles.map((s) => [s.field, s.style?.startsWith('ISO 8601')])).toEqual([
      ['createdAt', true],
      ['firstResponseAt', true],
      ['resolvedAt', true],
    ]);
    // as the audit counts them: 7 tickets, 6 answered (not 000488), 2 resolved (000481, 000483)
    expect([profile?.ticketsUsable, profile?.answered, profile?.resolved]).toEqual([7, 6, 2]);
    expect(profile?.notes.some((n) => n.includes('22 values are written as Excel text formulas'))).toBe(true);
  });

  test('DuckDB reads them as parity does: the same numbers (the rows DuckDB cannot read as parity does left out), and the repeated id', async () => {
    // DuckDB stops at an unreadable time (line 8's =SUM(A1), line 10's ="abc) and counts a
    // repeated id as a ticket (README): lines 1–7 alone are compared, then line 9 added
    const dir = mkdtempSync(join(tmpdir(), 'parity-excel-'));
    const lines = (await import('node:fs')).readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
    const readable = join(dir, 'readable.csv');
    writeFileSync(readable, `${lines.slice(0, 7).join('\n')}\n`);
    const [own, engine] = await bothProducers([readable]);
    expect(channelNumbers(own)).toEqual({ phone: expected.phone, email: expected.email });
    expect(channelNumbers(engine)).toEqual(channelNumbers(own));
    const repeated = join(dir, 'repeated.csv');
    writeFileSync(repeated, `${[...lines.slice(0, 7), lines[8]].join('\n')}\n`);
    const [, withRepeat] = await bothProducers([repeated]);
    // line 9's 000481 is line 2's ="000481": one id seen twice
    expect(withRepeat.input.dataQuality.find((q) => q.kind === 'repeated-id')?.count).toBe(1);
  });
});

describe('a large export: the byte reader leaves rows with text formulas to rows.ts, and the numbers are the hand-worked ones', () => {
  // 30,000 rows, k = 0 … 29,999: ticket id k (six digits) written ="…" when k is even; customer
  // ="007" when k % 3 = 0, 007 when 1, 7 when 2; created 2026-03-01 00:00 plus k seconds, written
  // ="…" when k % 5 = 0; phone when k is even, email when odd; first response (k % 3 + 1) × 600 s
  // after creation for phone, × 900 s for email, written "=""…""" when k % 7 = 0. Then row
  // 30,001: id 000000, ticket 0's ="000000" as written plainly — a duplicate.
  // Each channel has 15,000 tickets, a third each at 1, 2 and 3 steps: medians 1,200 s (phone)
  // and 1,800 s (email). Text formulas: 15,000 ids, 10,000 customers, 6,000 creation times,
  // 4,286 first responses (k = 0, 7, …, 29,995): 35,286.
  const dir = mkdtempSync(join(tmpdir(), 'parity-excel-large-'));
  const file = join(dir, 'large.csv');
  const base = Date.UTC(2026, 2, 1) / 1000;
  const time = (s: number): string => new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ');
  const rows = ['ticket_id,customer_id,channel,created_at,first_response_at'];
  for (let k = 0; k < 30_000; k++) {
    const id = String(k).padStart(6, '0');
    const created = base + k;
    const first = created + (k % 3 + 1) * (k % 2 === 0 ? 600 : 900);
    rows.push(
      [
        k % 2 === 0 ? `="${id}"` : id,
        ['="007"', '007', '7'][k % 3],
        k % 2 === 0 ? 'phone' : 'email',
        k % 5 === 0 ? `="${time(created)}"` : time(created),
        k % 7 === 0 ? `"=""${time(first)}"""` : time(first),
      ].join(','),
    );
  }
  rows.push(`000000,7,phone,${time(base)},${time(base + 600)}`);
  writeFileSync(file, `${rows.join('\n')}\n`);

  test('the same report from the byte scanner and from csv-parse, with the numbers worked by hand', async () => {
    // past the head read as strings (1 MiB): most rows reach the byte reader
    expect(statSync(file).size).toBeGreaterThan(1.5 * 2 ** 20);
    const reports: Report[] = [];
    for (const reader of [undefined, 'csv-parse'] as const) {
      const report = await auditFiles([file], {}, {}, '', reader ? { reader } : {});
      expect([report.input.rowsRead, report.input.rowsRejected, report.input.tickets]).toEqual([30_001, 1, 30_000]);
      expect(report.input.dataQuality.map((q) => [q.kind, q.count, q.example?.line])).toEqual([['duplicate-id', 1, 30_002]]);
      const numbers = channelNumbers(report);
      expect(numbers.phone).toMatchObject({ tickets: 15_000, firstResponse: [15_000, 1200] });
      expect(numbers.email).toMatchObject({ tickets: 15_000, firstResponse: [15_000, 1800] });
      expect(report.input.notes).toContain(
        `${file}: 35,286 values are written as Excel text formulas (="…", the first on line 2), read as the text they show: 15,000 in "ticket_id", 10,000 in "customer_id", 6,000 in "created_at", 4,286 in "first_response_at"`,
      );
      reports.push(report);
    }
    expect({ ...reports[0], generatedAt: null }).toEqual({ ...reports[1], generatedAt: null });
  });

  test('customers: ="007" and 007 are one, 7 another', async () => {
    const dataset = await loadDataset(resolveSettings([file], {}, {}, 'test'), { stdin: Readable.from([]) });
    const t = dataset.table;
    expect([...t.dictionaries.customer.values].sort()).toEqual(['007', '7']);
    let sevens = 0;
    for (let i = 0; i < t.size; i++) if (t.dictionaries.customer.valueOf(t.customer[i] as number) === '7') sevens++;
    expect(sevens).toBe(10_000); // k % 3 = 2
  });
});
