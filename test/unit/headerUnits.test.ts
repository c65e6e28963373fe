// A duration column whose header is a field's name plus its unit (`First response time
// (minutes)`, `Resolution time [h]`, `TTR (days)`, `First reply time, minutes`) binds to that
// field's duration in that unit (formats/durationHeader.ts, formats/bind.ts), in-process and
// through DuckDB alike; a header naming a timestamp field whose values are dates stays a timestamp.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { durationHeader } from '../../src/formats/durationHeader.js';
import { assumedUnitNotes, bindColumns, headerZone, headerZoneNotes, unitFromHeader } from '../../src/formats/bind.js';
import { generic } from '../../src/formats/generic.js';
import { zendesk } from '../../src/formats/zendesk.js';
import { intercom } from '../../src/formats/intercom.js';
import type { FormatDef } from '../../src/formats/types.js';
import { bothProducers } from '../helpers/audit.js';
import { tempCsv } from '../helpers/exec.js';

describe('a header taken apart into a name and its unit', () => {
  test.each([
    ['First response time (minutes)', 'firstresponsetime', 'minutes', null],
    ['First Response Time (hrs)', 'firstresponsetime', 'hours', null],
    ['Resolution time [h]', 'resolutiontime', 'hours', null],
    ['Time to first response (min)', 'timetofirstresponse', 'minutes', null],
    ['FRT (mins)', 'frt', 'minutes', null],
    ['First reply time, minutes', 'firstreplytime', 'minutes', null],
    ['Resolution Time in Hours', 'resolutiontime', 'hours', null],
    ['First Response Time (seconds)', 'firstresponsetime', 'seconds', null],
    ['time to first response (seconds)', 'timetofirstresponse', 'seconds', null],
    ['TTR (days)', 'ttr', 'days', null],
    ['Time to resolution (hours)', 'timetoresolution', 'hours', null],
    ['Resolution time (in hrs)', 'resolutiontime', 'hours', null],
    ['Closed (d)', 'closed', 'days', null],
    ['frt_h', 'frt', 'hours', null],
    ['resolution_time_s', 'resolutiontime', 'seconds', null],
    ['firstResponseTimeMinutes', 'firstresponsetime', 'minutes', null],
    ['FRTMins', 'frt', 'minutes', null],
    ['time_to_first_reply_ms', 'timetofirstreply', 'ms', null],
    // `business hours` names the clock; its hours are the unit only when no other is named
    ['First reply time in minutes within business hours', 'firstreplytime', 'minutes', 'business'],
    ['Full resolution time in minutes (business)', 'fullresolutiontime', 'minutes', 'business'],
    ['Resolution time (business hours)', 'resolutiontime', 'hours', 'business'],
    ['First response time (calendar, mins)', 'firstresponsetime', 'minutes', 'calendar'],
    ['metric_set.reply_time_in_minutes.business', 'metricsetreplytime', 'minutes', 'business'],
  ] as const)('%s', (header, base, unit, clock) => {
    // (the hours of `business hours` alone: the unit, said as assumed)
    expect(durationHeader(header)).toEqual({ base, unit, clock, clockText: false, ...(header === 'Resolution time (business hours)' ? { unitFromClock: true } : {}) });
    // the same unit wherever a header's unit is asked (a configured column, the sql command)
    expect(unitFromHeader(header)).toBe(unit);
  });

  test('a clock pattern names clock text, whose values say which; no qualifier, an unknown one, or two units: none', () => {
    expect(durationHeader('Response time (hh:mm)')).toEqual({ base: 'responsetime', unit: null, clock: null, clockText: true });
    expect(durationHeader('Talk time (mm:ss)')).toEqual({ base: 'talktime', unit: null, clock: null, clockText: true });
    for (const header of ['First response time', 'First response time (UTC)', 'Avg first response time', 'Closed day', 'Logged in', 'first_response_at', 'Resolution time (hours, minutes)', 'First response time (fortnights)', 'minutes', '(h)']) {
      expect(durationHeader(header), header).toBeNull();
    }
    // (a unit word elsewhere in the header is still found as before)
    expect(unitFromHeader('minutes_to_first_reply')).toBe('minutes');
    expect(unitFromHeader('Closed day')).toBeNull();
  });
});

/** Binds `header` (with ticket_id, channel, created_at before it) over rows holding `values` in its columns. */
function bind(header: readonly string[], values: readonly (readonly string[])[], format: FormatDef = generic) {
  return bindColumns(
    ['ticket_id', 'channel', 'created_at', ...header],
    format,
    1,
    { columns: {}, dateFormat: null, decimal: null },
    values.map((v, i) => [`T${i}`, 'phone', '2026-09-14T10:00:00Z', ...v]),
    'UTC',
    'f.csv',
  );
}

describe('binding a name with a unit', () => {
  test.each([
    ['first response time (minutes)', 'firstResponseTime', 'minutes'],
    ['First Response Time (hrs)', 'firstResponseTime', 'hours'],
    ['Time to first response (min)', 'firstResponseTime', 'minutes'],
    ['FRT (mins)', 'firstResponseTime', 'minutes'],
    ['First reply time, minutes', 'firstResponseTime', 'minutes'],
    ['First Response Time (seconds)', 'firstResponseTime', 'seconds'],
    ['Response time (s)', 'firstResponseTime', 'seconds'],
    ['resolution time (minutes)', 'resolutionTime', 'minutes'],
    ['Resolution time [h]', 'resolutionTime', 'hours'],
    ['Resolution Time in Hours', 'resolutionTime', 'hours'],
    ['TTR (days)', 'resolutionTime', 'days'],
    // a timestamp's name with a unit: the unit says it is the duration
    ['Time to resolution (hours)', 'resolutionTime', 'hours'],
    ['Resolved (d)', 'resolutionTime', 'days'],
  ] as const)('%s → %s in %s', (header, field, unit) => {
    const mapping = bind([header], [['30'], ['1.5'], ['']]);
    expect(mapping.bindings[field]).toMatchObject({ header, unit, clock: 'calendar', clockAssumed: true });
    expect(mapping.bindings[field]?.unitAssumed).toBeUndefined();
    expect(mapping.unused).toEqual([]);
  });

  test('with its clock: business named by the header, with or without a unit', () => {
    const mapping = bind(['Full resolution time in minutes (business)', 'First response time (business)'], [['90', '01:30:00']]);
    expect(mapping.bindings.resolutionTime).toMatchObject({ unit: 'minutes', clock: 'business' });
    expect(mapping.bindings.resolutionTime?.clockAssumed).toBeUndefined();
    // no unit word: the values' clock text is hours, minutes and seconds
    expect(mapping.bindings.firstResponseTime).toMatchObject({ unit: 'hms', clock: 'business' });
  });

  test('clock text under a unit: the values decide, as for any duration column', () => {
    // `1:30` under (minutes) and no hour word is a minute and a half; under (hrs) an hour and a half
    expect(bind(['First response time (minutes)'], [['1:30']]).bindings.firstResponseTime).toMatchObject({ unit: 'mmss' });
    expect(bind(['First response time (hrs)'], [['01:30:00']]).bindings.firstResponseTime).toMatchObject({ unit: 'hms' });
    expect(bind(['Response time (hh:mm)'], [['1:30']]).bindings.firstResponseTime).toMatchObject({ unit: 'hms' });
  });

  test('dates under a timestamp name stay a timestamp, a unit named or not', () => {
    const plain = bind(['first response time', 'time to resolution'], [['2026-09-14T11:00:00Z', '2026-09-15T10:00:00Z']]);
    expect(Object.keys(plain.bindings).filter((f) => f.startsWith('first') || f.startsWith('resol'))).toEqual(['firstResponseAt', 'resolvedAt']);
    const dated = bind(['Time to resolution (hours)'], [['2026-09-15 10:00']]);
    expect(dated.bindings.resolvedAt).toMatchObject({ header: 'Time to resolution (hours)', style: 'iso' });
    expect(dated.bindings.resolutionTime).toBeUndefined();
  });

  test('a qualifier parity does not know binds nothing: the column is listed unused', () => {
    const mapping = bind(['First response time (fortnights)', 'Avg resolution time (hrs)'], [['2', '3']]);
    expect(mapping.bindings.firstResponseTime).toBeUndefined();
    expect(mapping.bindings.resolutionTime).toBeUndefined();
    expect(mapping.unused).toEqual(['First response time (fortnights)', 'Avg resolution time (hrs)']);
  });

  test('two candidates: a whole synonym first, then the better name, then calendar before business, then the leftmost', () => {
    // `first_response_minutes` is a synonym as written: it wins over a name with a unit
    expect(bind(['First response time (hours)', 'first_response_minutes'], [['1', '60']]).bindings.firstResponseTime).toMatchObject({ header: 'first_response_minutes', unit: 'minutes' });
    // calendar before business time, whichever comes first
    const both = bind(['First reply time (min, business)', 'First reply time (min)'], [['10', '20']]);
    expect(both.bindings.firstResponseTime).toMatchObject({ header: 'First reply time (min)', unit: 'minutes', clockAssumed: true });
    expect(both.unused).toEqual(['First reply time (min, business)']);
    // the better name: the duration's own (`resolution time`) before its timestamp twin's (`time to resolution`)
    expect(bind(['Time to resolution (h)', 'Resolution time (h)'], [['1', '2']]).bindings.resolutionTime).toMatchObject({ header: 'Resolution time (h)' });
    // equal names: the leftmost, unless it is empty in every sampled row
    expect(bind(['FRT (min)', 'FRT (hrs)'], [['5', '1']]).bindings.firstResponseTime).toMatchObject({ header: 'FRT (min)', unit: 'minutes' });
    expect(bind(['FRT (min)', 'FRT (hrs)'], [['', '1']]).bindings.firstResponseTime).toMatchObject({ header: 'FRT (hrs)', unit: 'hours' });
  });

  test('a timestamp column with no value in any sampled row beside its duration twin with values: the duration is read', () => {
    // `first_response_at` all NULL or empty (a database dump of tickets answered by a duration):
    // bound beside `First response time (minutes)`, the timestamp was read first, the minutes never
    for (const empty of [['NULL', 'NULL'], ['', 'n/a']]) {
      const mapping = bind(['first_response_at', 'First response time (minutes)'], [[empty[0] as string, '10'], [empty[1] as string, '20']]);
      expect(mapping.bindings.firstResponseAt).toBeUndefined();
      expect(mapping.bindings.firstResponseTime).toMatchObject({ header: 'First response time (minutes)', unit: 'minutes' });
      expect(mapping.unused).toEqual(['first_response_at']);
    }
    // the same for two whole synonyms (`resolved_at` empty, `resolution_minutes` filled)
    const whole = bind(['resolved_at', 'resolution_minutes'], [['', '90']]);
    expect(whole.bindings.resolvedAt).toBeUndefined();
    expect(whole.bindings.resolutionTime).toMatchObject({ header: 'resolution_minutes', unit: 'minutes' });
    // both with values: the timestamp, as before; the duration empty: the timestamp
    expect(bind(['first_response_at', 'First response time (minutes)'], [['2026-09-14T10:10:00Z', '10']]).bindings.firstResponseAt).toMatchObject({ header: 'first_response_at' });
    expect(bind(['first_response_at', 'First response time (minutes)'], [['2026-09-14T10:10:00Z', 'NULL']]).bindings.firstResponseAt).toMatchObject({ header: 'first_response_at' });
  });

  test('a format: its own columns keep its unit; another with a unit of its own is read in that one', () => {
    // Zendesk's "First reply time in minutes" is calendar minutes as ever
    const own = bind(['First reply time in minutes', 'First reply time in minutes within business hours'], [['30', '20']], zendesk);
    expect(own.bindings.firstResponseTime).toMatchObject({ header: 'First reply time in minutes', unit: 'minutes', clock: 'calendar' });
    // Zendesk's business-hours twins are not read (its notes say so), even with the calendar one missing;
    // the same header in a generic file is business minutes
    const twin = ['First reply time in minutes within business hours'];
    expect(bind(twin, [['20']], zendesk).bindings.firstResponseTime).toBeUndefined();
    expect(bind(twin, [['20']]).bindings.firstResponseTime).toMatchObject({ unit: 'minutes', clock: 'business' });
    // a column in hours in a Zendesk file is hours, not Zendesk's minutes
    expect(bind(['Full resolution time (hours)'], [['2']], zendesk).bindings.resolutionTime).toMatchObject({ unit: 'hours' });
    // Intercom says its durations are not to be read: no name with a unit changes that
    expect(bind(['time to first response (seconds)'], [['60']], intercom).bindings.firstResponseTime).toBeUndefined();
  });

  test('the hours of "business hours" alone are read as hours, said as assumed (found by an attack: said as named)', () => {
    const alone = bind(['First reply time (business hours)'], [['90']]);
    expect(alone.bindings.firstResponseTime).toMatchObject({ unit: 'hours', clock: 'business', unitAssumed: true });
    expect(assumedUnitNotes(alone)).toEqual([
      'column "First reply time (business hours)" names no unit but the "hours" of "business hours", which names its clock: its first-response durations are read as hours (set columns.firstResponseTime.unit if they are not)',
    ]);
    // with a unit of its own, nothing is assumed
    const minutes = bind(['First reply time in minutes within business hours'], [['90']]);
    expect(minutes.bindings.firstResponseTime).toMatchObject({ unit: 'minutes', clock: 'business' });
    expect(minutes.bindings.firstResponseTime?.unitAssumed).toBeUndefined();
    expect(assumedUnitNotes(minutes)).toEqual([]);
  });
});

describe('both producers', () => {
  test('hours and days by their headers: the same medians in-process and through DuckDB', async () => {
    // By hand, all created 2026-01-01 00:00 and solved, as-of 2026-01-10 (nobody waiting).
    // First response "First Response Time (hrs)": phone 0.5, 1, 2 h → median 1 h = 3,600 s;
    // email 0.25, 0.5, 0.75 h → median 0.5 h = 1,800 s. Resolution "TTR (days)": phone 1, 2, 3 d
    // → median 2 d = 172,800 s; email 0.5, 1.5, 2.5 d → median 1.5 d = 129,600 s.
    // (Read as seconds, the phone median would have been 1 s; unread, no first response at all.)
    const path = tempCsv('units.csv', [
      'ticket_id,channel,created_at,First Response Time (hrs),TTR (days),status',
      'P1,phone,2026-01-01T00:00:00Z,0.5,1,solved',
      'P2,phone,2026-01-01T00:00:00Z,1,2,solved',
      'P3,phone,2026-01-01T00:00:00Z,2,3,solved',
      'E1,email,2026-01-01T00:00:00Z,0.25,0.5,solved',
      'E2,email,2026-01-01T00:00:00Z,0.5,1.5,solved',
      'E3,email,2026-01-01T00:00:00Z,0.75,2.5,solved',
    ]);
    const reports = await bothProducers([path], { asOf: '2026-01-10T00:00:00Z' }, { minSample: 1 });
    for (const report of reports) {
      expect([report.input.rowsUsed, report.input.rowsRejected, report.input.dataQuality.length]).toEqual([6, 0, 0]);
      const phone = report.channels.find((c) => c.channel === 'phone');
      const email = report.channels.find((c) => c.channel === 'email');
      expect([phone?.answered, phone?.firstResponse.median, phone?.resolution.resolved, phone?.resolution.median]).toEqual([3, 3600, 3, 172800]);
      expect([email?.answered, email?.firstResponse.median, email?.resolution.resolved, email?.resolution.median]).toEqual([3, 1800, 3, 129600]);
    }
  });

  test('a header at GMT+2 binds and is read in --tz Etc/GMT-2, in-process and through DuckDB', async () => {
    // By hand: created 10:00 at UTC+2 is 08:00Z; answered 11:00 (+1 h), resolved next day 10:00 (+24 h).
    const path = tempCsv('gmt2.csv', [
      'Ticket ID,Channel,Created (GMT+2),First response (GMT+2),Resolved (GMT+2)',
      'T1,Phone,2026-10-01 10:00,2026-10-01 11:00,2026-10-02 10:00',
      'T2,Phone,2026-10-03 10:00,2026-10-03 11:00,2026-10-04 10:00',
    ]);
    for (const report of await bothProducers([path], { asOf: '2026-10-10T00:00:00Z', tz: 'Etc/GMT-2' }, { minSample: 1 })) {
      expect([report.period.from, report.period.to]).toEqual(['2026-10-01T08:00:00.000Z', '2026-10-03T08:00:00.000Z']);
      expect([report.channels[0]?.firstResponse.median, report.channels[0]?.resolution.median]).toEqual([3600, 86400]);
      expect(report.input.notes.filter((n) => n.includes('GMT+2'))).toEqual([]);
    }
    // read in UTC, the note names the zone --tz takes
    for (const report of await bothProducers([path], { asOf: '2026-10-10T00:00:00Z' }, { minSample: 1 })) {
      expect(report.period.from).toBe('2026-10-01T10:00:00.000Z');
      expect(report.input.notes.some((n) => n.includes('say their times are in GMT+2') && n.includes('give --tz Etc/GMT-2'))).toBe(true);
    }
  });

  test('the header of the report: minutes under "first response time (minutes)", through DuckDB too', async () => {
    // By hand, all created 00:00 and solved, as-of 2026-01-02. Phone: first responses after 30
    // and 120 min, both answered; the answered-only median is the middle of 1,800 s and 7,200 s,
    // 4,500 s; both resolved (240 and 480 min). Email, one ticket: first response 45 min =
    // 2,700 s, resolution 180 min = 10,800 s.
    const path = tempCsv('minutes.csv', [
      'ticket_id,channel,created_at,first response time (minutes),resolution time (minutes),status',
      'P1,phone,2026-01-01T00:00:00Z,30,240,solved',
      'P2,phone,2026-01-01T00:00:00Z,120,480,solved',
      'E1,email,2026-01-01T00:00:00Z,45,180,solved',
    ]);
    for (const report of await bothProducers([path], { asOf: '2026-01-02T00:00:00Z' }, { minSample: 1 })) {
      const phone = report.channels.find((c) => c.channel === 'phone');
      const email = report.channels.find((c) => c.channel === 'email');
      expect([phone?.answered, phone?.firstResponse.answeredMedian, phone?.resolution.resolved]).toEqual([2, 4500, 2]);
      expect([email?.firstResponse.median, email?.resolution.median]).toEqual([2700, 10800]);
      expect(report.input.dataQuality).toEqual([]);
    }
  });
});

describe('a timestamp column with no values beside its duration twin', () => {
  test('the duration is read, in-process and through DuckDB', async () => {
    // By hand, created 09:00, as-of 2026-09-20. first_response_at is NULL in every row; the
    // minutes column says 10, 20 and 30 min: all three answered, median 20 min = 1,200 s.
    // (Read from the empty timestamp column: 0 answered, the median a bound at the as-of time.)
    const path = tempCsv('twins.csv', [
      'ticket_id,channel,created_at,first_response_at,First response time (minutes)',
      'P1,phone,2026-09-14T09:00:00Z,NULL,10',
      'P2,phone,2026-09-14T09:00:00Z,NULL,20',
      'P3,phone,2026-09-14T09:00:00Z,NULL,30',
    ]);
    for (const report of await bothProducers([path], { asOf: '2026-09-20T00:00:00Z' }, { minSample: 1 })) {
      const phone = report.channels.find((c) => c.channel === 'phone');
      expect([phone?.tickets, phone?.answered, phone?.firstResponse.median, phone?.firstResponse.bound]).toEqual([3, 3, 1200, null]);
    }
  });
});

describe('a unit only assumed', () => {
  test('is said in the report, in-process and through DuckDB; a unit named by the header is not', async () => {
    // `response_time` names no unit: 30 and 120 are read as seconds (the answered-only median
    // of 30 s and 120 s is 75 s), and a note says so; `FRT (min)` names minutes: no such note.
    const assumed = tempCsv('assumed.csv', ['ticket_id,channel,created_at,response_time', 'P1,phone,2026-01-01T00:00:00Z,30', 'P2,phone,2026-01-01T00:00:00Z,120']);
    const named = tempCsv('named.csv', ['ticket_id,channel,created_at,FRT (min)', 'P1,phone,2026-01-01T00:00:00Z,30', 'P2,phone,2026-01-01T00:00:00Z,120']);
    const note = 'column "response_time" names no unit: its first-response durations are read as seconds (set columns.firstResponseTime.unit if they are not)';
    const [inProcess, duckdb] = await bothProducers([assumed], { asOf: '2026-01-02T00:00:00Z' }, { minSample: 1 });
    expect(inProcess.input.notes).toContain(`${assumed}: ${note}`);
    expect(duckdb.input.notes).toContain(note);
    for (const report of [inProcess, duckdb]) expect(report.channels[0]?.firstResponse.answeredMedian).toBe(75);
    for (const report of await bothProducers([named], { asOf: '2026-01-02T00:00:00Z' }, { minSample: 1 })) {
      expect(report.input.notes.filter((n) => n.includes('names no unit'))).toEqual([]);
      // 30 and 120 min: the middle, 75 min = 4,500 s
      expect(report.channels[0]?.firstResponse.answeredMedian).toBe(4500);
    }
  });
});

describe('a header of capitals is taken apart in time linear in its length', () => {
  // The capital before a capitalised word is found by looking ahead; the regex it replaced,
  // `([A-Z]+)([A-Z][a-z])`, backtracked over a long run of capitals (100,000 took 23 s). The two
  // split every header alike: the old one is the reference on short headers.
  const old = (h: string): string => h.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  const now = (h: string): string => h.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ');
  test('the same words as before on any short header of capitals, small letters, digits and spaces', () => {
    expect(now('TTRDays')).toBe('TTR Days');
    expect(now('ABcDEf')).toBe('A Bc D Ef');
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9 _()]{0,24}$/), (h) => {
      expect(now(h)).toBe(old(h));
    }), { numRuns: 5000 });
  });

  test('the split as durationHeader uses it: a run of capitals before a capitalised word is a word of its own', () => {
    // (worked by hand: FRT|Minutes, TTR|Days; a unit in capitals after a word, HOURS, is one word)
    expect(durationHeader('FRTMinutes')).toMatchObject({ base: 'frt', unit: 'minutes' });
    expect(durationHeader('TTRDays')).toMatchObject({ base: 'ttr', unit: 'days' });
    expect(durationHeader('FirstResponseTimeHOURS')).toMatchObject({ base: 'firstresponsetime', unit: 'hours' });
  });

  test('a header of a million capitals names no unit (and returns)', () => {
    expect(durationHeader('H'.repeat(1_000_000))).toBeNull();
    expect(durationHeader(`${'H'.repeat(200_000)}Minutes`)).not.toBeNull();
  });
});

describe('a header that names its time zone after the name (found by an attack: Intercom\'s "Started at (Europe/London)" was refused)', () => {
  test('the name and the zone apart; a unit in brackets is no zone', () => {
    expect(headerZone('Started at (Europe/London)')).toEqual({ name: 'Started at', zone: 'Europe/London', label: 'Europe/London' });
    expect(headerZone('Closed at [America/Argentina/Buenos_Aires]')).toEqual({ name: 'Closed at', zone: 'America/Argentina/Buenos_Aires', label: 'America/Argentina/Buenos_Aires' });
    expect(headerZone('Created (UTC)')).toEqual({ name: 'Created', zone: 'UTC', label: 'UTC' });
    // a date format written like a zone is no zone, nor an offset beyond any zone's
    expect(headerZone('Created (DD/MM/YYYY)')).toBeNull();
    expect(headerZone('Created (GMT+15)')).toBeNull();
    expect(headerZone('Created (UTC+02:75)')).toBeNull();
    expect(headerZone('First response time (minutes)')).toBeNull();
    expect(headerZone('created_at')).toBeNull();
  });

  test('binds by the name, and a note says when the zone is not the one times are read in', () => {
    const header = ['Conversation ID', 'Channel', 'Started at (Europe/London)', 'Closed at (Europe/London)'];
    const m = bindColumns(header, generic, 1, { columns: {}, dateFormat: null, decimal: null }, [['1', 'Email', '2026-10-01 09:00', '2026-10-02 09:00']], 'UTC', 'f.csv');
    expect(m.bindings.createdAt?.header).toBe('Started at (Europe/London)');
    expect(m.bindings.resolvedAt?.header).toBe('Closed at (Europe/London)');
    expect(headerZoneNotes(m)).toEqual([
      'columns "Started at (Europe/London)" and "Closed at (Europe/London)" say their times are in Europe/London, but times without an offset are read in UTC: give --tz Europe/London (or "timeZone": "Europe/London" in the config) if the export wrote them there',
    ]);
    expect(headerZoneNotes({ ...m, timeZone: 'Europe/London' })).toEqual([]);
  });

  test('an offset from UTC in the brackets (found by an attack: "Created (GMT+2)" left the file without a creation time)', () => {
    // the IANA fixed-offset zones count the other way: UTC+2 is Etc/GMT-2, UTC−5 is Etc/GMT+5
    expect(headerZone('Created (GMT+2)')).toEqual({ name: 'Created', zone: 'Etc/GMT-2', label: 'GMT+2', offset: 120 });
    expect(headerZone('Created (GMT+01:00)')).toEqual({ name: 'Created', zone: 'Etc/GMT-1', label: 'GMT+01:00', offset: 60 });
    expect(headerZone('Resolved [UTC - 5]')).toEqual({ name: 'Resolved', zone: 'Etc/GMT+5', label: 'UTC-5', offset: -300 });
    expect(headerZone('Created (UTC\u221203:00)')).toEqual({ name: 'Created', zone: 'Etc/GMT+3', label: 'UTC-03:00', offset: -180 });
    expect(headerZone('Created (GMT+0)')).toEqual({ name: 'Created', zone: 'UTC', label: 'GMT+0' });
    // hours and minutes: no fixed IANA zone has them, so none is named
    expect(headerZone('Created (UTC+05:30)')).toEqual({ name: 'Created', zone: null, label: 'UTC+05:30', offset: 330 });

    const header = ['Ticket ID', 'Channel', 'Created (GMT+2)', 'First response (GMT+2)', 'Resolved (UTC+05:30)'];
    const m = bindColumns(header, generic, 1, { columns: {}, dateFormat: null, decimal: null }, [['1', 'Email', '2026-10-01 09:00', '2026-10-01 10:00', '2026-10-02 09:00']], 'UTC', 'f.csv');
    expect([m.bindings.createdAt?.header, m.bindings.firstResponseAt?.header, m.bindings.resolvedAt?.header]).toEqual(header.slice(2));
    expect(headerZoneNotes(m)).toEqual([
      'columns "Created (GMT+2)" and "First response (GMT+2)" say their times are in GMT+2, but times without an offset are read in UTC: give --tz Etc/GMT-2 (or "timeZone": "Etc/GMT-2" in the config; Etc/GMT-2 is GMT+2, its sign the other way, as IANA writes it) if the export wrote them there',
      'column "Resolved (UTC+05:30)" says its times are at UTC+05:30, but times without an offset are read in UTC: give --tz a zone at that offset (an IANA name such as Asia/Kolkata for UTC+05:30; or "timeZone" in the config) if the export wrote them there',
    ]);
    // read in the zone the header names: no note for those columns; read in a zone at UTC+05:30, none for that one (found by a review)
    expect(headerZoneNotes({ ...m, timeZone: 'Etc/GMT-2' })).toHaveLength(1);
    expect(headerZoneNotes({ ...m, timeZone: 'Asia/Kolkata' })).toEqual([expect.stringContaining('say their times are in GMT+2')]);
  });

  test('"Closed On" binds as "Opened On" does (found by an attack)', () => {
    expect(bind(['Closed On'], [['2026-09-15T10:00:00Z']]).bindings.resolvedAt?.header).toBe('Closed On');
  });

  test("Zendesk Explore's timestamp columns bind", () => {
    const m = bind(['Ticket solved - Timestamp'], [['2026-09-15T10:00:00']]);
    expect(m.bindings.resolvedAt?.header).toBe('Ticket solved - Timestamp');
    const explore = bindColumns(['Ticket ID', 'Ticket channel', 'Ticket created - Timestamp'], generic, 1, { columns: {}, dateFormat: null, decimal: null }, [['1', 'Email', '2026-10-01T09:00:00']], 'UTC', 'f.csv');
    expect(explore.bindings.createdAt?.header).toBe('Ticket created - Timestamp');
  });
});

describe('clock text in a column of minutes (found by an attack: read 60× apart by the values beside it)', () => {
  test('`1:30` is a minute and a half whether the column is all clock text or mixed with numbers of minutes', async () => {
    const { auditFiles } = await import('../helpers/audit.js');
    // By hand. All clock text: 1:30, 12:45, 0:45 as MM:SS = 90, 765, 45 s → median 90 s.
    const clock = tempCsv('minutes-clock.csv', ['ticket_id,channel,created_at,First response time (minutes)', '1,phone,2026-10-01T10:00:00Z,1:30', '2,phone,2026-10-01T10:00:00Z,12:45', '3,phone,2026-10-01T10:00:00Z,0:45']);
    // Mixed: 1:30 (90 s), 45 min (2,700 s), 90 min (5,400 s) → median 2,700 s (1:30 as 90 minutes had made it 5,400 s).
    const mixed = tempCsv('minutes-mixed.csv', ['ticket_id,channel,created_at,First response time (minutes)', '1,phone,2026-10-01T10:00:00Z,1:30', '2,phone,2026-10-01T10:00:00Z,45', '3,phone,2026-10-01T10:00:00Z,90']);
    const asOf = { asOf: '2026-10-05T00:00:00Z' };
    expect((await auditFiles([clock], asOf, { minSample: 1 })).channels[0]?.firstResponse.median).toBe(90);
    expect((await auditFiles([mixed], asOf, { minSample: 1 })).channels[0]?.firstResponse.median).toBe(2700);
    // hours and minutes in a column of hours: 1:30 is an hour and a half (5,400 s)
    const hours = tempCsv('hours-mixed.csv', ['ticket_id,channel,created_at,Resolution time (hours)', '1,phone,2026-10-01T10:00:00Z,1:30']);
    expect((await auditFiles([hours], asOf, { minSample: 1 })).channels[0]?.resolution.median).toBe(5400);
  });
});
