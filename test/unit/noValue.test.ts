// Placeholders for no value (`NULL`, `\N`, `n/a`, `-`, `NaN`, `None`, … in any case: normalise/rows.ts
// NO_VALUE) in a time column are an empty cell, in-process and through DuckDB alike: a first
// response or resolution not given yet (waiting until the as-of time), a creation time not given
// (the row rejected, `missing-created`). Column detection passes over them as over empty cells.
import { describe, expect, test } from 'vitest';
import { bothProducers, auditFiles } from '../helpers/audit.js';
import { tempCsv } from '../helpers/exec.js';
import { isNoValue, NO_VALUE, rowNormaliser, type RowContext, type RowMapping } from '../../src/normalise/rows.js';
import { bindColumns } from '../../src/formats/bind.js';
import { generic } from '../../src/formats/generic.js';
import { flagValue } from '../../src/normalise/status.js';

describe('the placeholders for no value', () => {
  test('are read in any case and trimmed of nothing else; a value that only starts like one is not one', () => {
    for (const word of ['NULL', 'null', 'Null', '\\N', '\\n', 'n/a', 'N/A', '-', 'NaN', 'nan', 'None', 'none', 'NA', 'nil', 'undefined']) expect(isNoValue(word), word).toBe(true);
    for (const text of ['', '0', '--', 'n', 'nulls', 'N/A!', 'none yet', '-1', 'NULL NULL', '2026-09-14']) expect(isNoValue(text), text).toBe(false);
    // one list: the flag columns read the same words as "not set"
    for (const word of NO_VALUE) expect(flagValue(word.toUpperCase(), true), word).toBe(false);
  });
});

const CONTEXT: RowContext = { channels: {}, asOf: Date.UTC(2026, 8, 14, 14) / 1000, since: null, until: null, capitalsShare: 0.6, exclamationRun: 3, escalationTags: [] };

describe('a time column holding a placeholder', () => {
  test('in-process: an empty cell, with no note; a creation time of one is no creation time (rejected)', () => {
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
    const row = (values: string[]) => normalise({ file: 'f.csv', line: 2, values });
    const waiting = row(['T1', 'phone', '2026-09-14T10:00:00Z', ' NULL ', 'n/a', 'open']);
    expect(waiting).toMatchObject({ ok: true, notes: [], ticket: { firstResponseState: 0 } });
    // (the same as an empty cell)
    const empty = row(['T1', 'phone', '2026-09-14T10:00:00Z', '', '', 'open']);
    expect(waiting.ok && empty.ok && [waiting.ticket.firstResponseState, waiting.ticket.resolutionState]).toEqual(empty.ok && [empty.ticket.firstResponseState, empty.ticket.resolutionState]);
    // a placeholder beside an open status is no "reopened" note either; beside "solved" it is a
    // resolution not given, as an empty cell is (resolved-without-time)
    expect(row(['T1', 'phone', '2026-09-14T10:00:00Z', '', '\\N', 'solved'])).toMatchObject({ ok: true, notes: [{ kind: 'resolved-without-time' }] });
    expect(row(['T1', 'phone', 'NULL', '', '', 'open'])).toMatchObject({ ok: false, issue: { kind: 'missing-created', severity: 'error', column: 'created', value: 'NULL' } });
    // a value that is no placeholder and no time is still unreadable, and noted
    expect(row(['T1', 'phone', '2026-09-14T10:00:00Z', 'soon', '', 'open'])).toMatchObject({ ok: true, notes: [{ kind: 'bad-first-response', value: 'soon' }] });
  });

  test('does not sway column detection: a column of durations, of timestamps, with placeholders among them', () => {
    const bind = (header: string, values: string[]) =>
      bindColumns(['id', 'channel', 'created_at', header], generic, 1, { columns: {}, dateFormat: null, decimal: null }, values.map((v, i) => [`T${i}`, 'phone', '2026-09-14T10:00:00Z', v]), 'UTC', 'f.csv');
    // minutes by the header, read with a decimal point; a `-` or `NaN` does not make it unreadable
    const minutes = bind('first_response_minutes', ['30', '-', 'NaN', '90.5', 'none']);
    expect(minutes.bindings.firstResponseTime).toMatchObject({ unit: 'minutes' });
    expect(minutes.bindings.firstResponseAt).toBeUndefined();
    expect(minutes.bindings.firstResponseTime?.number?.separator).toBe('.');
    // "First response time" holding clock text is a duration, NULLs among it or not
    const clock = bind('First response time', ['01:30:00', 'NULL', '00:45:00', '\\N']);
    expect(clock.bindings.firstResponseTime).toMatchObject({ unit: 'hms' });
    expect(clock.bindings.firstResponseAt).toBeUndefined();
    // day-first dates settled by 13/09 stay day-first; NULL is not read as a date of any style
    expect(bind('first_response_at', ['13/09/2026 10:00', 'NULL', 'n/a', '14/09/2026 09:00']).bindings.firstResponseAt).toMatchObject({ style: 'dmy' });
    // Unix seconds with placeholders among them are Unix seconds, not refused as too early
    expect(bind('first_response_at', ['1789380000', 'null', '1789383600']).bindings.firstResponseAt).toMatchObject({ style: 'epoch-seconds' });
  });
});

describe('both producers', () => {
  test('timestamps: 2 of 4 phone tickets with NULL first response are waiting at the as-of time; a NULL creation time is rejected', async () => {
    // By hand, as-of 14:00. First response: P1 answered after 10 min (600 s), P3 after 30 min
    // (1,800 s); P2 (NULL, created 10:00) and P4 (` n/a `, created 12:00) still waiting, for
    // 14,400 s and 7,200 s. Answered 2 of 4 = 50%; the Kaplan–Meier curve falls to 3/4 after
    // 600 s and to 3/4 × 2/3 = 1/2 after 1,800 s, exactly half: not reached, so the median is a
    // lower bound, the type-7 median of 600, 1,800, 7,200, 14,400 = (1,800 + 7,200) / 2 = 4,500 s;
    // the answered-only median is (600 + 1,800) / 2 = 1,200 s. Resolution likewise: P1 and P3
    // resolved after 1 h (3,600 s), P2 (`\N`) and P4 (`None`) still open for 14,400 s and 7,200 s:
    // a lower bound of (3,600 + 7,200) / 2 = 5,400 s. P5's creation time is `NULL`: no creation
    // time, rejected (missing-created); 5 rows read, 4 used, nothing noted.
    // (Read as unreadable values, P2 and P4 would have been left out: answered 2 of 2, median 1,200 s.)
    const path = tempCsv('placeholders.csv', [
      'ticket_id,channel,created_at,first_response_at,resolved_at,status',
      'P1,phone,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,2026-09-14T11:00:00Z,solved',
      'P2,phone,2026-09-14T10:00:00Z,NULL,\\N,open',
      'P3,phone,2026-09-14T11:00:00Z,2026-09-14T11:30:00Z,2026-09-14T12:00:00Z,solved',
      'P4,phone,2026-09-14T12:00:00Z, n/a ,None,pending',
      'P5,phone,NULL,2026-09-14T12:30:00Z,,open',
    ]);
    const reports = await bothProducers([path], { asOf: '2026-09-14T14:00:00Z' }, { minSample: 1 });
    for (const report of reports) {
      expect([report.input.rowsRead, report.input.rowsUsed, report.input.rowsRejected]).toEqual([5, 4, 1]);
      expect(report.input.dataQuality.map((e) => [e.kind, e.count])).toEqual([['missing-created', 1]]);
      const phone = report.channels.find((c) => c.channel === 'phone');
      expect([phone?.tickets, phone?.answered, phone?.answeredShare]).toEqual([4, 2, 0.5]);
      expect([phone?.firstResponse.n, phone?.firstResponse.median, phone?.firstResponse.bound, phone?.firstResponse.answeredMedian]).toEqual([4, 4500, 'lower', 1200]);
      expect([phone?.resolution.n, phone?.resolution.resolved, phone?.resolution.median, phone?.resolution.bound]).toEqual([4, 2, 5400, 'lower']);
    }
  });

  test("MySQL's zero date is no value: the same numbers as NULL (found by an attack: the tickets were left out)", async () => {
    // The tickets of the test above with MySQL's `0000-00-00 00:00:00` (and its other shapes) in
    // place of the placeholders: by hand the same — first response 4,500 s, a lower bound (2 of 4
    // answered), resolution 5,400 s, a lower bound; P5's zero creation time is no creation time.
    const path = tempCsv('zerodates.csv', [
      'ticket_id,channel,created_at,first_response_at,resolved_at,status',
      'P1,phone,2026-09-14 10:00:00,2026-09-14 10:10:00,2026-09-14 11:00:00,solved',
      // (quoted, as some writers quote every field: the byte reader's other path)
      'P2,phone,2026-09-14 10:00:00,"0000-00-00 00:00:00",0000-00-00,open',
      'P3,phone,2026-09-14 11:00:00,2026-09-14 11:30:00,2026-09-14 12:00:00,solved',
      'P4,phone,2026-09-14 12:00:00,0000-00-00 00:00:00.000000,0000-00-00 00:00,pending',
      'P5,phone,0000-00-00 00:00:00,2026-09-14 12:30:00,,open',
    ]);
    for (const report of await bothProducers([path], { asOf: '2026-09-14T14:00:00Z' }, { minSample: 1 })) {
      expect([report.input.rowsRead, report.input.rowsUsed, report.input.rowsRejected]).toEqual([5, 4, 1]);
      expect(report.input.dataQuality.map((e) => [e.kind, e.count])).toEqual([['missing-created', 1]]);
      const phone = report.channels.find((c) => c.channel === 'phone');
      expect([phone?.firstResponse.n, phone?.answered, phone?.firstResponse.median, phone?.firstResponse.bound]).toEqual([4, 2, 4500, 'lower']);
      expect([phone?.resolution.n, phone?.resolution.resolved, phone?.resolution.median, phone?.resolution.bound]).toEqual([4, 2, 5400, 'lower']);
    }
    // … and in its other shapes (a review: DATETIME(6) fractions, an offset of zero)
    for (const word of ['0000-00-00', '0000-00-00 00:00:00', '0000-00-00T00:00:00', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000', '0000-00-00T00:00:00+00:00', '0000-00-00T00:00:00Z', '0000-00-00 00:00'])
      expect(isNoValue(word), word).toBe(true);
    for (const text of ['0000-00-00 00:00:01', '0000-00-00T00:00:00+01:00', '0000-00-01 00:00:00']) expect(isNoValue(text), text).toBe(false);
    for (const text of ['0', '0000', '0000-00-01', '00:00:00']) expect(isNoValue(text), text).toBe(false);
  });

  test('a duration column in minutes: `-`, `NaN` and `none` are waiting, not unreadable', async () => {
    // By hand, as-of 14:00, all created 10:00: E1 answered after 30 min (1,800 s), E4 after
    // 90 min (5,400 s); E2 (`-`), E3 (`NaN`), E5 (`none`) waiting 4 h = 14,400 s. Answered 2 of
    // 5 = 40%; the curve falls to 4/5, then 4/5 × 3/4 = 3/5, never to 1/2: the median is a lower
    // bound, the type-7 median of 1,800, 5,400, 14,400 ×3 = 14,400 s; answered-only median
    // (1,800 + 5,400) / 2 = 3,600 s.
    const path = tempCsv('placeholder-minutes.csv', [
      'ticket_id,channel,created_at,first response time (minutes)',
      'E1,email,2026-09-14T10:00:00Z,30',
      'E2,email,2026-09-14T10:00:00Z,-',
      'E3,email,2026-09-14T10:00:00Z,NaN',
      'E4,email,2026-09-14T10:00:00Z,90',
      'E5,email,2026-09-14T10:00:00Z,none',
    ]);
    const columns = { firstResponseTime: { column: 'first response time (minutes)', unit: 'minutes' as const } };
    for (const report of await bothProducers([path], { asOf: '2026-09-14T14:00:00Z' }, { minSample: 1, columns })) {
      expect([report.input.rowsUsed, report.input.rowsRejected, report.input.dataQuality.length]).toEqual([5, 0, 0]);
      const email = report.channels.find((c) => c.channel === 'email');
      expect([email?.tickets, email?.answered, email?.answeredShare]).toEqual([5, 2, 0.4]);
      expect([email?.firstResponse.median, email?.firstResponse.bound, email?.firstResponse.answeredMedian]).toEqual([14400, 'lower', 3600]);
    }
  });

  test('past the sample, through the byte reader: the same numbers as rows.ts gives', async () => {
    // 600 rows: the first 500 (the sample, read by rows.ts) answered after 60 s; the 100 after
    // them (the byte reader's) half answered after 60 s, half `NULL` (waiting 1 h at the as-of
    // time). Answered 550 of 600; none noted.
    const lines = ['ticket_id,channel,created_at,first_response_at'];
    for (let i = 0; i < 600; i++) lines.push(`T${i},chat,2026-09-14T10:00:00Z,${i >= 500 && i % 2 === 1 ? 'NULL' : '2026-09-14T10:01:00Z'}`);
    const report = await auditFiles([tempCsv('many.csv', lines)], { asOf: '2026-09-14T11:00:00Z' });
    const chat = report.channels.find((c) => c.channel === 'chat');
    expect([chat?.tickets, chat?.answered, report.input.dataQuality.length]).toEqual([600, 550, 0]);
  });
});
