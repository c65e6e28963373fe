// Spreadsheet error values (`#N/A`, `#VALUE!`, `#REF!`, `#DIV/0!`, `#NUM!`, `#NAME?`, `#NULL!`:
// normalise/rows.ts SPREADSHEET_ERROR) in a CSV or a workbook saved from a sheet: sampling a column
// for its kind passes over them as over empty cells; read in a time column, `#N/A` ("not
// available") is no value, as an empty cell, and any other is an unreadable value, noted with its
// file, line, column and value (the creation time's: the row rejected).
import { describe, expect, test } from 'vitest';
import { auditFiles, bothProducers } from '../helpers/audit.js';
import { tempCsv } from '../helpers/exec.js';
import { rowNormaliser, SPREADSHEET_ERROR, unsampled, type RowContext, type RowMapping } from '../../src/normalise/rows.js';
import { bindColumns } from '../../src/formats/bind.js';
import { generic } from '../../src/formats/generic.js';

const ERRORS = ['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!'];

test('the error values, as Excel and LibreOffice write them; nothing else that starts with #', () => {
  for (const e of [...ERRORS, '#n/a', '#SPILL!', '#CALC!', '#GETTING_DATA', 'Err:502']) expect(SPREADSHEET_ERROR.test(e), e).toBe(true);
  for (const t of ['#1', '#hashtag', 'N/A', '#VALUE', 'VALUE!', '#DIV/0', 'Err:50', '# N/A']) expect(SPREADSHEET_ERROR.test(t), t).toBe(false);
  for (const t of ['', 'NULL', ...ERRORS]) expect(unsampled(t), t).toBe(true);
  expect(unsampled('30')).toBe(false);
});

describe('sampling a column: spreadsheet errors neither decide nor veto its kind', () => {
  const bind = (header: string, values: string[]) =>
    bindColumns(['id', 'channel', 'created_at', header], generic, 1, { columns: {}, dateFormat: null, decimal: null }, values.map((v, i) => [`T${i}`, 'phone', '2026-09-14T10:00:00Z', v]), 'UTC', 'f.csv');

  test('a column of durations stays one, its unit and decimal point read from its numbers', () => {
    const minutes = bind('first_response_minutes', ['30', '#VALUE!', '#N/A', '45.5', '#DIV/0!']);
    expect(minutes.bindings.firstResponseTime).toMatchObject({ unit: 'minutes', number: { separator: '.' } });
    // clock text under a minutes header is MM:SS, whatever errors are among it
    expect(bind('first_response_minutes', ['1:30', '#NUM!', '0:45']).bindings.firstResponseTime).toMatchObject({ unit: 'mmss' });
  });

  test('"First response time" holding clock text is a duration, and "response_time" holding timestamps a time', () => {
    const clock = bind('First response time', ['01:30:00', '#REF!', '00:45:00', '#NAME?']);
    expect(clock.bindings.firstResponseTime).toMatchObject({ unit: 'hms' });
    expect(clock.bindings.firstResponseAt).toBeUndefined();
    const times = bind('response_time', ['2026-09-14T10:30:00Z', '#N/A', '2026-09-14T11:00:00Z', '#NULL!']);
    expect(times.bindings.firstResponseAt).toMatchObject({ style: 'iso' });
    expect(times.bindings.firstResponseTime).toBeUndefined();
  });
});

const CONTEXT: RowContext = { channels: {}, asOf: Date.UTC(2026, 8, 14, 14) / 1000, since: null, until: null, capitalsShare: 0.6, exclamationRun: 3, escalationTags: [] };

test('reading a row: #N/A is no value; #VALUE! and the others are unreadable, noted with file, line, column and value', () => {
  const mapping: RowMapping = {
    header: ['id', 'channel', 'created', 'first', 'resolved', 'status'],
    timeZone: 'UTC',
    bindings: {
      ticketId: { index: 0, header: 'id' },
      channel: { index: 1, header: 'channel' },
      createdAt: { index: 2, header: 'created', style: 'iso' },
      firstResponseAt: { index: 3, header: 'first', style: 'iso' },
      resolvedAt: { index: 4, header: 'resolved', style: 'iso' },
      status: { index: 5, header: 'status' },
    },
    format: {},
  };
  const normalise = rowNormaliser(mapping, CONTEXT);
  const row = (values: string[]) => normalise({ file: 'f.csv', line: 7, values });
  // #N/A: waiting, still open, no note
  expect(row(['T1', 'phone', '2026-09-14T10:00:00Z', '#N/A', '#n/a', 'open'])).toMatchObject({ ok: true, notes: [], ticket: { firstResponseState: 0, resolutionState: 0 } });
  // every other error: left out of its metric with a note
  for (const e of ERRORS.slice(1)) {
    expect(row(['T1', 'phone', '2026-09-14T10:00:00Z', e, '', 'open']), e).toMatchObject({
      ok: true,
      ticket: { firstResponseState: 2 },
      notes: [{ kind: 'bad-first-response', severity: 'metric', file: 'f.csv', line: 7, column: 'first', value: e, detail: `"${e}" is a spreadsheet error (a formula that failed), not a time; left out of first response` }],
    });
  }
  expect(row(['T1', 'phone', '2026-09-14T10:00:00Z', '', '#DIV/0!', 'solved'])).toMatchObject({ ok: true, ticket: { resolutionState: 2 }, notes: [{ kind: 'bad-resolution', column: 'resolved', value: '#DIV/0!' }] });
  // the creation time: #N/A is none (missing-created), #REF! unreadable (bad-created); both rejected
  expect(row(['T1', 'phone', '#N/A', '', '', 'open'])).toMatchObject({ ok: false, issue: { kind: 'missing-created', value: '#N/A' } });
  expect(row(['T1', 'phone', '#REF!', '', '', 'open'])).toMatchObject({ ok: false, issue: { kind: 'bad-created', value: '#REF!', detail: '"#REF!" is a spreadsheet error (a formula that failed), not a date' } });
});

describe('an export with spreadsheet errors', () => {
  test('#N/A in the time columns: the same numbers in-process and from DuckDB, counted as waiting', async () => {
    // By hand, as-of 14:00, all created 10:00. First response: C1 after 15 min (900 s), C2 after
    // 45 min (2,700 s), C3 after 1 h (3,600 s); C4 `#N/A`, waiting 4 h (14,400 s). Answered 3 of
    // 4 = 75%; the Kaplan–Meier curve falls to 3/4, 2/4 = 1/2 (exactly half: between the answers
    // at 2,700 and 3,600 s, R's midpoint rule) → median (2,700 + 3,600) / 2 = 3,150 s.
    // Resolution: C1 and C2 resolved after 2 h (7,200 s); C3 and C4 `#N/A`, open 14,400 s: the
    // curve falls to 1/2 at 7,200 s and stays there, exactly half, not reached: a lower bound, the
    // type-7 median of 7,200, 7,200, 14,400, 14,400 = 10,800 s. Nothing noted or rejected.
    // (Read as unreadable values, C4 would have been left out of first response: answered 3 of 3.)
    const path = tempCsv('na.csv', [
      'ticket_id,channel,created_at,first_response_at,resolved_at,status',
      'C1,chat,2026-09-14T10:00:00Z,2026-09-14T10:15:00Z,2026-09-14T12:00:00Z,solved',
      'C2,chat,2026-09-14T10:00:00Z,2026-09-14T10:45:00Z,2026-09-14T12:00:00Z,solved',
      'C3,chat,2026-09-14T10:00:00Z,2026-09-14T11:00:00Z,#N/A,open',
      'C4,chat,2026-09-14T10:00:00Z,#N/A,#N/A,open',
    ]);
    for (const report of await bothProducers([path], { asOf: '2026-09-14T14:00:00Z' }, { minSample: 1 })) {
      expect([report.input.rowsUsed, report.input.rowsRejected, report.input.dataQuality.length]).toEqual([4, 0, 0]);
      const chat = report.channels.find((c) => c.channel === 'chat');
      expect([chat?.tickets, chat?.answered, chat?.answeredShare]).toEqual([4, 3, 0.75]);
      expect([chat?.firstResponse.n, chat?.firstResponse.median, chat?.firstResponse.bound]).toEqual([4, 3150, null]);
      expect([chat?.resolution.n, chat?.resolution.resolved, chat?.resolution.median, chat?.resolution.bound]).toEqual([4, 2, 10800, 'lower']);
    }
  });

  test('#VALUE! in a first-response column: noted and left out in-process; through DuckDB it stops the query naming it, as any unreadable value does', async () => {
    // By hand: P1 answered after 10 min, P2 after 20 min; P3's `#VALUE!` is left out of first
    // response with a note at line 4: n 2, the median between 600 and 1,200 s where the curve
    // sits at one half, 900 s. The column is still read as ISO timestamps.
    const path = tempCsv('value.csv', [
      'ticket_id,channel,created_at,first_response_at',
      'P1,phone,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z',
      'P2,phone,2026-09-14T10:00:00Z,2026-09-14T10:20:00Z',
      'P3,phone,2026-09-14T10:00:00Z,#VALUE!',
    ]);
    const report = await auditFiles([path], { asOf: '2026-09-14T14:00:00Z' }, { minSample: 1 });
    expect(report.input.dataQuality).toEqual([
      { kind: 'bad-first-response', severity: 'metric', count: 1, example: { file: path, line: 4, column: 'first_response_at', value: '#VALUE!', detail: '"#VALUE!" is a spreadsheet error (a formula that failed), not a time; left out of first response' } },
    ]);
    const phone = report.channels.find((c) => c.channel === 'phone');
    expect([phone?.tickets, phone?.firstResponse.n, phone?.firstResponse.median]).toEqual([3, 2, 900]);
    await expect(bothProducers([path], { asOf: '2026-09-14T14:00:00Z' }, { minSample: 1 })).rejects.toThrow('unreadable as an ISO 8601 time (column first_response_at): #VALUE!');
  });
});
