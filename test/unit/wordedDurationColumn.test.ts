// A column named like a timestamp or a duration (`first_response_time`) whose values are
// durations written with their units (`1h 30m`, `45m`, `PT2H`) is a duration column: its values
// say their unit, as `01:30:00` does. It had been bound as a timestamp, and every value was
// rejected as an unreadable time (`bad-first-response` ×3, no first response measured at all).
import { describe, expect, test } from 'vitest';
import { assumedUnitNotes } from '../../src/formats/bind.js';
import { auditFiles } from '../helpers/audit.js';
import { tempCsv } from '../helpers/exec.js';
import { bindFourthColumn } from '../helpers/bindColumn.js';

const bind = bindFourthColumn;

describe('a column of durations written with their units', () => {
  test('under a name of either kind it is the duration, and no unit is said to be assumed', () => {
    const first = bind('first_response_time', ['1h 30m', '01:30:00', '45m', '']);
    expect(first.bindings.firstResponseAt).toBeUndefined();
    expect(first.bindings.firstResponseTime).toMatchObject({ header: 'first_response_time', unit: 'seconds' });
    expect(first.bindings.firstResponseTime?.unitAssumed).toBeUndefined();
    expect(assumedUnitNotes(first)).toEqual([]);
    const resolution = bind('resolution_time', ['2h', '1d 2h', 'PT3H']);
    expect(resolution.bindings.resolutionTime?.unitAssumed).toBeUndefined();
    expect(assumedUnitNotes(resolution)).toEqual([]);
  });

  test("pandas' and Python's timedelta text (found by an attack: every row unreadable, with a unit too)", async () => {
    // By hand: `0 days 01:30:00` = 5,400 s; `0 days 00:10:00.500000` = 600.5 s, measured as 601 (whole
    // seconds, half up, as every duration); `2 days, 3:00:00` = 2 × 86,400 + 10,800 = 183,600 s;
    // `1 day, 0:30:00` = 88,200 s. Medians of two: (5,400 + 601) / 2 = 3,000.5 s; (183,600 + 88,200) / 2 = 135,900 s.
    const path = tempCsv('pandas.csv', [
      'ticket_id,channel,created_at,first_response_time,resolution_time',
      '1,phone,2026-10-01T10:00:00Z,0 days 01:30:00,"2 days, 3:00:00"',
      '2,phone,2026-10-01T10:00:00Z,0 days 00:10:00.500000,"1 day, 0:30:00"',
    ]);
    const report = await auditFiles([path], { asOf: '2026-10-10T00:00:00Z' }, { minSample: 1 });
    expect(report.input.dataQuality).toEqual([]);
    expect([report.channels[0]?.firstResponse.median, report.channels[0]?.resolution.median]).toEqual([3000.5, 135900]);
    // the sign is the days' alone, as Python and pandas write a negative duration: −1 day + 23 h = −1 h
    const { parseDurationValue } = await import('../../src/normalise/rows.js');
    expect(parseDurationValue('-1 day, 23:00:00', 'seconds')).toBe(-3600);
    expect(parseDurationValue('-1 days +23:00:00', 'seconds')).toBe(-3600);
    expect(parseDurationValue('-2 days, 0:00:00', 'seconds')).toBe(-172800);
  });

  test('a plain number beside them is read in seconds, and the report says so', () => {
    const mixed = bind('first_response_time', ['1h 30m', '30']);
    expect(mixed.bindings.firstResponseTime).toMatchObject({ unit: 'seconds', unitAssumed: true });
    expect(assumedUnitNotes(mixed)).toHaveLength(1);
  });

  test('dates and unix seconds under the name stay timestamps', () => {
    expect(bind('first_response_time', ['2026-11-03 11:30', '']).bindings.firstResponseAt).toMatchObject({ style: 'iso' });
    expect(bind('first_response_time', ['1793703600']).bindings.firstResponseAt).toMatchObject({ style: 'epoch-seconds' });
  });

  test('the audit measures them', async () => {
    const file = tempCsv('worded.csv', [
      'ticket_id,channel,created_at,first_response_time,resolution_time',
      '1,phone,2026-11-03T10:00:00Z,1h 30m,2h',
      '2,phone,2026-11-03T10:00:00Z,01:30:00,1d 2h',
      '3,phone,2026-11-03T10:00:00Z,45m,',
    ]);
    const report = await auditFiles([file], {}, {});
    const phone = report.channels.find((c) => c.channel === 'phone');
    // first responses 45m, 1h 30m, 1h 30m: median 1h 30m = 5400 s, none left out
    expect(phone?.firstResponse.median).toBe(5400);
    expect(phone?.answered).toBe(3);
    expect(report.input.dataQuality.filter((q) => q.kind === 'bad-first-response')).toEqual([]);
    // resolutions 2h, 1d 2h and one open since 10:00 to the as-of time (11-04 12:00, 1d 2h):
    // the middle of 2h, 1d 2h, ≥ 1d 2h is 1d 2h = 93600 s
    expect(phone?.resolution.median).toBe(93600);
    expect((report.input.notes ?? []).some((n) => n.includes('names no unit'))).toBe(false);
  });
});

test('inspect says the units are the values\' own, not "unit seconds"', async () => {
  const { profileFiles } = await import('../../src/load/profile.js');
  const { resolveSettings } = await import('../../src/commands/options.js');
  const { Readable } = await import('node:stream');
  const path = tempCsv('units.csv', ['ticket_id,channel,created_at,resolution_time', 'T1,phone,2026-11-03T10:00:00Z,2h', 'T2,email,2026-11-03T10:00:00Z,1d 2h']);
  const [profile] = await profileFiles(resolveSettings([path], {}, {}, 'test'), { stdin: Readable.from([]) });
  const detail = (field: string) => profile?.mapping.find((m) => m.field === field)?.detail;
  expect(detail('resolutionTime')).toBe('units as written in the values (2h, 1d 2h, 01:30:00; a plain number would be seconds)');
});

describe('a value with a word that is no unit (5 fortnights, 3 jiffies)', () => {
  const KNOWN = 'it reads weeks (w, wk), days (d), hours (h, hr), minutes (m, min) and seconds (s, sec) in English, German, French, Spanish, Portuguese, Dutch or Italian words (Stunden, Std., heures, j, días, uur, ore, Min., mn, seg), ISO 8601 (PT2H30M) or a clock (01:30:00, 1.02:00:00, 0 days 01:30:00)';

  test('does not make the column one of times, nor its unit an assumed one', () => {
    // one such value among durations had made first_response_time a timestamp column (every value,
    // 2h too, "cannot read") and resolution_time a column of seconds "named no unit"
    const first = bind('first_response_time', ['2h', '5 fortnights', '45 mins']);
    expect(first.bindings.firstResponseAt).toBeUndefined();
    expect(first.bindings.firstResponseTime).toMatchObject({ unit: 'seconds', unitsWritten: true });
    const resolution = bind('resolution_time', ['1d', '3 jiffies']);
    expect(resolution.bindings.resolutionTime).toMatchObject({ unit: 'seconds', unitsWritten: true });
    expect(assumedUnitNotes(resolution)).toEqual([]);
  });

  test('its row keeps the ticket and leaves the value out of its metric, naming the value, the word and the units parity reads', async () => {
    const file = tempCsv('unknown-units.csv', [
      'ticket_id,channel,created_at,first_response_time,resolution_time',
      'T1,phone,2026-11-03T10:00:00Z,2h,1d',
      'T2,phone,2026-11-03T10:00:00Z,5 fortnights,2d',
      'T3,phone,2026-11-03T10:00:00Z,45 mins,2h 3 jiffies',
    ]);
    const report = await auditFiles([file], {}, {});
    expect(report.input.rowsUsed).toBe(3);
    const phone = report.channels.find((c) => c.channel === 'phone');
    // first responses 2h and 45m measured, T2's left out: two answered of the three
    expect(phone?.answered).toBe(2);
    expect(phone?.firstResponse.n).toBe(2);
    // resolutions 1d and 2d measured, T3's left out
    expect(phone?.resolution.n).toBe(2);
    const quality = Object.fromEntries(report.input.dataQuality.map((q) => [q.kind, q]));
    expect(quality['bad-first-response']).toMatchObject({
      count: 1,
      example: { line: 3, column: 'first_response_time', detail: `cannot read "5 fortnights": "fortnights" is no unit parity reads (${KNOWN}); left out of first response` },
    });
    expect(quality['bad-resolution']).toMatchObject({
      count: 1,
      example: { line: 4, column: 'resolution_time', detail: `cannot read "2h 3 jiffies": "jiffies" is no unit parity reads (${KNOWN}); left out of resolution` },
    });
    expect((report.input.notes ?? []).some((n) => n.includes('names no unit'))).toBe(false);
  });

  test('a column whose header names the unit says the same of such a value', async () => {
    const file = tempCsv('minutes.csv', ['ticket_id,channel,created_at,first_response_minutes', 'T1,phone,2026-11-03T10:00:00Z,30', 'T2,phone,2026-11-03T10:00:00Z,3 jiffies']);
    const report = await auditFiles([file], {}, {});
    expect(report.input.dataQuality.find((q) => q.kind === 'bad-first-response')?.example?.detail).toBe(`cannot read "3 jiffies": "jiffies" is no unit parity reads (${KNOWN}); left out of first response`);
    expect(report.channels.find((c) => c.channel === 'phone')?.firstResponse.n).toBe(1);
  });
});

/**
 * A word of no duration's shape among durations written with their units (`pending`, `see notes`:
 * free text a helpdesk puts in a column it computes). Found by an attack: one such word made
 * first_response_time a timestamp column in no style (2h 30m, 45m, 1d 2h, pending: every value
 * "cannot read", no first response measured), or in Unix seconds when a plain number stood beside
 * them (3600 read as 1970-01-01T01:00:00Z, a reply 56 years before its ticket).
 */
describe('a word among durations written with their units (pending)', () => {
  test('the column is the duration; the word says nothing of the unit', () => {
    const first = bind('first_response_time', ['2h 30m', '45m', 'pending', '1d 2h']);
    expect(first.bindings.firstResponseAt).toBeUndefined();
    expect(first.bindings.firstResponseTime).toMatchObject({ unit: 'seconds', unitsWritten: true });
    // a plain number beside them: still the duration, its unit assumed seconds (and said)
    const withNumber = bind('first_response_time', ['2h 30m', '45m', 'pending', '1d 2h', '3600']);
    expect(withNumber.bindings.firstResponseAt).toBeUndefined();
    expect(withNumber.bindings.firstResponseTime).toMatchObject({ unit: 'seconds', unitAssumed: true });
  });

  test('times with such a word stay times, and a word-only column is no duration', () => {
    expect(bind('first_response_time', ['2026-11-03 11:30', 'pending', '2026-11-03 12:00']).bindings.firstResponseAt).toMatchObject({ style: 'iso' });
    // Unix seconds and a word: the numbers are as many durations as times, none says its unit
    expect(bind('first_response_time', ['1793703600', 'pending', '1793707200']).bindings.firstResponseAt).toMatchObject({ style: 'epoch-seconds' });
    // half the values words: not most of them durations
    expect(bind('first_response_time', ['2h', 'pending', '45m', 'see notes']).bindings.firstResponseTime).toBeUndefined();
  });

  test('the audit measures the durations and leaves the word out on its row', async () => {
    const file = tempCsv('pending.csv', [
      'ticket_id,channel,created_at,first_response_time',
      'T1,phone,2026-11-03T10:00:00Z,2h 30m',
      'T2,phone,2026-11-03T10:00:00Z,45m',
      'T3,phone,2026-11-03T10:00:00Z,pending',
      'T4,phone,2026-11-03T10:00:00Z,1d 2h',
    ]);
    const report = await auditFiles([file], {}, {});
    const phone = report.channels.find((c) => c.channel === 'phone');
    // 45m = 2700 s, 2h 30m = 9000 s, 1d 2h = 93600 s measured; T3's left out: the median of
    // three is the middle one, 9000 s
    expect(phone?.firstResponse.n).toBe(3);
    expect(phone?.answered).toBe(3);
    expect(phone?.firstResponse.median).toBe(9000);
    expect(report.input.dataQuality.find((q) => q.kind === 'bad-first-response')).toMatchObject({
      count: 1,
      example: { line: 4, column: 'first_response_time', detail: 'cannot read "pending"; left out of first response' },
    });
  });
});
