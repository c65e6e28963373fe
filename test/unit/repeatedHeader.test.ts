// Two exports joined one after the other (`cat a.csv b.csv`): the second one's header is a line
// of the file (found by an attack: read as a `bad-created` row, and a second header with its
// columns in another order had every row below it read under the first, first response and
// resolution swapped, with only a `resolved-before-first-response` note).
import { describe, expect, test } from 'vitest';
import { auditFiles } from '../helpers/audit.js';
import { runParity, tempCsv } from '../helpers/exec.js';

const HEADER = 'ticket_id,channel,created_at,first_response_at,resolved_at';

describe('the header again inside a file', () => {
  test('the same header: a line excluded on purpose (repeated-header), the rows on both sides read', async () => {
    // By hand: A1 phone answered after 1 h, A2 email after 10 min; three rows read, two used.
    const path = tempCsv('joined.csv', [
      HEADER,
      'A1,phone,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z,2026-10-02T10:00:00Z',
      // (written as an exporter may write it: another case, quoted)
      'Ticket_ID,"Channel",created_at,First_Response_At,resolved_at',
      'A2,email,2026-10-01T10:00:00Z,2026-10-01T10:10:00Z,2026-10-02T10:00:00Z',
    ]);
    const report = await auditFiles([path], { asOf: '2026-10-05T00:00:00Z' }, { minSample: 1 });
    expect([report.input.rowsRead, report.input.rowsUsed, report.input.rowsRejected]).toEqual([3, 2, 1]);
    expect(report.input.dataQuality.map((d) => [d.kind, d.severity, d.count, d.example?.line])).toEqual([['repeated-header', 'excluded', 1, 3]]);
    expect(report.channels.map((c) => [c.channel, c.firstResponse.median])).toEqual([['phone', 3600], ['email', 600]]);
    // excluded on purpose: --strict passes
    const strict = await runParity(['audit', path, '--strict', '--as-of', '2026-10-05T00:00:00Z']);
    expect(strict.code, strict.stderr).toBe(0);
  });

  test('inspect passes over it as no data: no channel value "channel", and a column of it alone has no value sampled (a review)', async () => {
    const path = tempCsv('joined-three.csv', [
      `${HEADER},status`,
      'A1,phone,2026-10-01T09:00:00Z,2026-10-01T09:30:00Z,,open',
      `${HEADER},status`,
      'A2,phone,2026-10-01T09:00:00Z,2026-10-01T09:30:00Z,,open',
      `${HEADER},status`,
    ]);
    const run = await runParity(['inspect', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/channel values:\n {4}"phone" +2 {2}→ phone\n {2}created/);
    expect(run.stdout).toContain('timestamps resolvedAt ("resolved_at"): no value in the rows sampled');
    expect(run.stdout).toContain('excluded repeated-header ×2');
  });

  test('the header in another order stops the run, naming the line: its rows would be read into the wrong columns', async () => {
    const path = tempCsv('joined-swapped.csv', [
      HEADER,
      'A1,phone,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z,2026-10-02T10:00:00Z',
      'ticket_id,channel,created_at,resolved_at,first_response_at',
      'A2,email,2026-10-01T10:00:00Z,2026-10-02T10:00:00Z,2026-10-01T10:10:00Z',
    ]);
    const run = await runParity(['audit', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('joined-swapped.csv:3: this line is a header again, with its columns in another order');
    expect(run.stderr).toContain('split the file at line 3');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('a row with one column name among its values is no header', async () => {
    // "channel" as a channel value: the row is a ticket with an unreadable creation time, as before
    const path = tempCsv('one-name.csv', [HEADER, 'A1,channel,created_at,2026-10-01T11:00:00Z,', 'A2,phone,2026-10-01T10:00:00Z,,']);
    const report = await auditFiles([path], { asOf: '2026-10-05T00:00:00Z' }, { minSample: 1 });
    expect(report.input.dataQuality.map((d) => [d.kind, d.count])).toEqual([['bad-created', 1]]);
  });
});
