import { describe, expect, it } from 'vitest';
import { detectStyle, epochMismatch, parserFor, wallClockIn } from '../../src/normalise/time.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditFiles } from '../helpers/audit.js';
import { runParity } from '../helpers/exec.js';

const at = (iso: string): number => Date.parse(iso) / 1000;

describe('timestamp parsing', () => {
  it('reads ISO 8601 with Z, with an offset, and without one (in the zone given)', () => {
    const utc = parserFor('iso', 'UTC');
    expect(utc('2026-10-01T09:00:00Z')).toBe(at('2026-10-01T09:00:00Z'));
    // +02:00 means 2 hours ahead of UTC: 10:00+02:00 = 08:00Z
    expect(utc('2026-10-02T10:00:00+02:00')).toBe(at('2026-10-02T08:00:00Z'));
    expect(utc('2026-10-02T10:00:00-0530')).toBe(at('2026-10-02T15:30:00Z'));
    expect(utc('2026-10-03 12:00')).toBe(at('2026-10-03T12:00:00Z'));
    expect(utc('2026-10-03')).toBe(at('2026-10-03T00:00:00Z'));
    expect(utc('2026-10-03T12:00:00.250Z')).toBe(at('2026-10-03T12:00:00Z') + 0.25);
    // lower-case t and z, and GMT as UTC (with or without a space): in any --tz, the same instant
    const kolkata = parserFor('iso', 'Asia/Kolkata');
    for (const read of [utc, kolkata]) {
      expect(read('2026-10-03t12:00:00z')).toBe(at('2026-10-03T12:00:00Z'));
      expect(read('2026-10-03 12:00:00 GMT')).toBe(at('2026-10-03T12:00:00Z'));
      expect(read('2026-10-03t12:00GMT')).toBe(at('2026-10-03T12:00:00Z'));
    }
    // year/month/day with slashes or dots (a trailing dot, Hungarian style), read in the ISO order:
    // found by an attack, refused before December 2026
    const ymd = parserFor('ymd', 'UTC');
    expect(ymd('2026/10/03 12:00:00')).toBe(at('2026-10-03T12:00:00Z'));
    expect(ymd('2026.10.03. 12:00')).toBe(at('2026-10-03T12:00:00Z'));
    expect(ymd('2026. 10. 03. 12:00')).toBe(at('2026-10-03T12:00:00Z'));
    expect(ymd('2026/10/03')).toBe(at('2026-10-03T00:00:00Z'));
    expect(ymd('2026/10/03T12:00:00+02:00')).toBe(at('2026-10-03T10:00:00Z'));
    expect(ymd('2026-10-03 12:00')).toBe(at('2026-10-03T12:00:00Z'));
    expect(ymd('2026/02/30 12:00')).toBeNull();
    expect(ymd('2026/10.03')).toBeNull();
    expect(detectStyle(['2026/10/03 12:00:00', '2026/10/04 09:15:00'], 'UTC')).toBe('ymd');
    // a day/month/year time with UTC, GMT, Z or an offset is that instant in any --tz (found by an
    // attack: refused); without one, a wall-clock time in --tz
    for (const zone of ['UTC', 'Asia/Kolkata']) {
      const us = parserFor('mdy', zone);
      const eu = parserFor('dmy', zone);
      expect(us('10/03/2026 12:00 PM UTC')).toBe(at('2026-10-03T12:00:00Z'));
      expect(us('10/03/2026 12:00 PM GMT')).toBe(at('2026-10-03T12:00:00Z'));
      expect(us('10/03/2026 10:00:00 AM +02:00')).toBe(at('2026-10-03T08:00:00Z'));
      expect(eu('03/10/2026 12:00 -0530')).toBe(at('2026-10-03T17:30:00Z'));
      expect(eu('03/10/2026 12:00Z')).toBe(at('2026-10-03T12:00:00Z'));
      // as ISO 8601 reads them: a lower-case z, an offset of hours alone (a second attack)
      expect(us('10/03/2026 1:00 PM z')).toBe(at('2026-10-03T13:00:00Z'));
      expect(us('10/03/2026 1:00 PM +02')).toBe(at('2026-10-03T11:00:00Z'));
    }
    expect(parserFor('mdy', 'Asia/Kolkata')('10/03/2026 12:00 PM')).toBe(at('2026-10-03T06:30:00Z'));
    expect(parserFor('mdy', 'UTC')('10/03/2026 12:00 PM +25:00')).toBeNull();
    // without a zone, a lower-case t is a wall-clock time in --tz: 12:00 at UTC+05:30 is 06:30Z
    expect(kolkata('2026-10-03t12:00:00')).toBe(at('2026-10-03T06:30:00Z'));
    expect(utc('2026-10-03 12:00:00 gmt')).toBeNull();
  });

  it('reads an ISO date with a 12-hour clock, and Go\'s zone name after the offset (both refused before December 2026)', () => {
    const utc = parserFor('iso', 'UTC');
    const kolkata = parserFor('iso', 'Asia/Kolkata');
    // 10 PM is 22:00; 12 AM is midnight, 12 PM noon; a wall time in --tz (Kolkata: UTC+05:30)
    expect(utc('2026-10-01 10:00:00 PM')).toBe(at('2026-10-01T22:00:00Z'));
    expect(utc('2026-10-01 12:30 am')).toBe(at('2026-10-01T00:30:00Z'));
    expect(utc('2026-10-01 12:00:00PM')).toBe(at('2026-10-01T12:00:00Z'));
    expect(kolkata('2026-10-01 10:00:00 PM')).toBe(at('2026-10-01T16:30:00Z'));
    // with an offset after the clock: 1 PM at +02:00 is 11:00Z
    expect(kolkata('2026-10-01 01:00 PM +02:00')).toBe(at('2026-10-01T11:00:00Z'));
    // no 0 or 13 on a 12-hour clock
    expect(utc('2026-10-01 00:30 AM')).toBeNull();
    expect(utc('2026-10-01 13:00 PM')).toBeNull();
    // Go's time.String(): the offset decides (10:00 at +02:00 = 08:00Z; the name is not read)
    for (const read of [utc, kolkata]) {
      expect(read('2026-10-01 10:00:00 +0000 UTC')).toBe(at('2026-10-01T10:00:00Z'));
      expect(read('2026-10-01 10:00:00.5 +0200 CEST')).toBe(at('2026-10-01T08:00:00Z') + 0.5);
      expect(read('2026-10-01 10:00:00 -0700 MST')).toBe(at('2026-10-01T17:00:00Z'));
    }
    // a zone's name alone (or after Z) names no one offset: still not read
    expect(utc('2026-10-01 10:00:00 EST')).toBeNull();
    expect(utc('2026-10-01 10:00:00Z UTC')).toBeNull();
    expect(detectStyle(['2026-10-01 10:00:00 +0000 UTC', '2026-10-01 10:00:00 PM'], 'UTC')).toBe('iso');
  });

  it('reads the common ISO shapes by arithmetic: month ends, leap days, the last second of a day', () => {
    const iso = parserFor('iso', 'UTC');
    // 2026-01-01T00:00:00Z = 1,767,225,600; + 31 (Jan) + 28 (Feb) days = 1,772,323,200
    expect(iso('2026-03-01T00:00:00Z')).toBe(1_772_323_200);
    expect(iso('2026-03-01 00:00:00')).toBe(1_772_323_200);
    // 2024-01-01 = 1,704,067,200; + 58 days + 86,399 s = 1,709,164,799 (the 28th of a leap February)
    expect(iso('2024-02-28T23:59:59Z')).toBe(1_709_164_799);
    // + 1 s = the 29th, which exists in 2024 and not in 2026
    expect(iso('2024-02-29T00:00:00Z')).toBe(1_709_164_800);
    expect(iso('2026-02-29T00:00:00Z')).toBeNull();
    // 24:00 ends the 28th: the 1st of March
    expect(iso('2026-02-28T24:00:00Z')).toBe(1_772_323_200);
    expect(iso('2026-13-01T00:00:00Z')).toBeNull();
    // 1969-12-31T23:59:59Z is one second before the epoch
    expect(iso('1969-12-31T23:59:59Z')).toBe(-1);
  });

  it('reads wall-clock times in an IANA zone, across daylight saving time', () => {
    const berlin = parserFor('iso', 'Europe/Berlin');
    // CEST (UTC+2) in July, CET (UTC+1) in January
    expect(berlin('2026-07-01 12:00:00')).toBe(at('2026-07-01T10:00:00Z'));
    expect(berlin('2026-01-15 12:00:00')).toBe(at('2026-01-15T11:00:00Z'));
    // an explicit offset wins over the zone
    expect(berlin('2026-07-01T12:00:00Z')).toBe(at('2026-07-01T12:00:00Z'));
    const ny = wallClockIn('America/New_York');
    // EDT (UTC-4) on 1 July 2026
    expect(ny(2026, 6, 1, 8, 0, 0)).toBe(at('2026-07-01T12:00:00Z'));
  });

  it('on a change of clocks: a time that does not exist moves forward, a time that occurs twice is the second (ICU, DuckDB, Postgres)', () => {
    const ny = wallClockIn('America/New_York');
    // 8 March 2026, 02:00 EST → 03:00 EDT: 02:30 does not exist; read with EST (the offset before
    // the change), 02:30 − (−5h) = 07:30Z, which is 03:30 EDT
    expect(ny(2026, 2, 8, 2, 30, 0)).toBe(at('2026-03-08T07:30:00Z'));
    expect(ny(2026, 2, 8, 1, 59, 0)).toBe(at('2026-03-08T06:59:00Z'));
    expect(ny(2026, 2, 8, 3, 0, 0)).toBe(at('2026-03-08T07:00:00Z'));
    // 1 November 2026, 02:00 EDT → 01:00 EST: 01:30 occurs at 05:30Z (EDT) and 06:30Z (EST): the second
    expect(ny(2026, 10, 1, 1, 30, 0)).toBe(at('2026-11-01T06:30:00Z'));
    expect(ny(2026, 10, 1, 0, 59, 0)).toBe(at('2026-11-01T04:59:00Z'));
    expect(ny(2026, 10, 1, 2, 0, 0)).toBe(at('2026-11-01T07:00:00Z'));
    const berlin = wallClockIn('Europe/Berlin');
    // 29 March 2026 02:00 CET → 03:00 CEST: 02:30 → 01:30Z; 25 October 02:30 twice → 01:30Z (CET)
    expect(berlin(2026, 2, 29, 2, 30, 0)).toBe(at('2026-03-29T01:30:00Z'));
    expect(berlin(2026, 9, 25, 2, 30, 0)).toBe(at('2026-10-25T01:30:00Z'));
    // Lord Howe moves by 30 minutes (02:00 +10:30 → 02:30 +11:00 on 4 October 2026): 02:15 → 15:45Z
    expect(wallClockIn('Australia/Lord_Howe')(2026, 9, 4, 2, 15, 0)).toBe(at('2026-10-03T15:45:00Z'));
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(parserFor('iso', 'UTC')('2026-02-31T09:00:00Z')).toBeNull();
    expect(parserFor('dmy', 'UTC')('31/02/2026 10:00')).toBeNull();
    expect(parserFor('iso', 'UTC')('yesterday')).toBeNull();
  });

  it('reads years below 100 as written, 24:00 as the end of a day, a leap second as the next minute; rejects offsets no clock has', () => {
    const utc = parserFor('iso', 'UTC');
    // year 26, not 1926 (Date.UTC's two-digit-year rule); reference via setUTCFullYear
    expect(utc('0026-10-01T00:00:00Z')).toBe(new Date(0).setUTCFullYear(26, 9, 1) / 1000);
    expect(utc('0026-10-01 00:00:00')).toBe(new Date(0).setUTCFullYear(26, 9, 1) / 1000);
    expect(wallClockIn('Europe/Berlin')(2026, 9, 1, 0, 0, 0)).toBe(at('2026-09-30T22:00:00Z'));
    // ISO 8601: 24:00:00 ends the day (the next one's 00:00), nothing past it
    expect(utc('2026-10-01T24:00:00Z')).toBe(at('2026-10-02T00:00:00Z'));
    expect(utc('2026-12-31T24:00:00Z')).toBe(at('2027-01-01T00:00:00Z'));
    expect(utc('2026-10-01T24:00:01Z')).toBeNull();
    expect(utc('2026-10-01T24:01')).toBeNull();
    expect(utc('2026-03-01T24:00:00.5Z')).toBeNull();
    expect(utc('2026-03-01T24:00:00.000Z')).toBe(at('2026-03-02T00:00:00Z'));
    // 9999-12-31T24:00 would be the year 10000; the last second of 9999 is there (253,402,300,799)
    expect(utc('9999-12-31T24:00:00Z')).toBeNull();
    expect(utc('9999-12-31T23:59:59Z')).toBe(253_402_300_799);
    // leap days: 1900 and 2026 have none, 2000 and 2028 do
    expect(utc('2026-02-29T10:00:00Z')).toBeNull();
    expect(utc('1900-02-29T10:00:00Z')).toBeNull();
    expect(utc('2000-02-29T10:00:00Z')).toBe(at('2000-02-29T10:00:00Z'));
    expect(utc('2028-02-29 10:00:00')).toBe(at('2028-02-29T10:00:00Z'));
    // 23:59:60 (the leap second of 31 Dec 2016) is counted as POSIX time counts it
    expect(utc('2016-12-31T23:59:60Z')).toBe(at('2017-01-01T00:00:00Z'));
    // offsets: up to ±23:59; minutes past 59 or hours past 23 are no offset
    expect(utc('2026-10-01T09:00:00+23:59')).toBe(at('2026-09-30T09:01:00Z'));
    expect(utc('2026-10-01T09:00:00+05:99')).toBeNull();
    expect(utc('2026-10-01T09:00:00+25:00')).toBeNull();
    expect(utc('2026-10-01T09:00:00-2400')).toBeNull();
    expect(parserFor('twitter', 'UTC')('Tue Oct 31 22:10:47 +0960 2017')).toBeNull();
    expect(parserFor('twitter', 'UTC')('Tue Oct 31 22:10:47 -0530 2017')).toBe(at('2017-11-01T03:40:47Z'));
  });

  it('reads Twitter, US and day-first styles', () => {
    expect(parserFor('twitter', 'UTC')('Tue Oct 31 22:10:47 +0000 2017')).toBe(at('2017-10-31T22:10:47Z'));
    expect(parserFor('mdy', 'UTC')('07/01/2026 12:02 AM')).toBe(at('2026-07-01T00:02:00Z'));
    expect(parserFor('mdy', 'UTC')('07/01/2026 12:02 PM')).toBe(at('2026-07-01T12:02:00Z'));
    expect(parserFor('mdy', 'UTC')('7/1/2026 1:05 PM')).toBe(at('2026-07-01T13:05:00Z'));
    expect(parserFor('dmy-dash', 'UTC')('29-02-2016 01:16')).toBe(at('2016-02-29T01:16:00Z'));
    expect(parserFor('dmy-dot', 'UTC')('31.12.2026 23:59')).toBe(at('2026-12-31T23:59:00Z'));
    expect(parserFor('epoch-seconds', 'UTC')('1790000000')).toBe(1790000000);
    expect(parserFor('epoch-ms', 'UTC')('1790000000500')).toBe(1790000000.5);
  });

  it("reads a dateFormat's repeated and skipped local hours as the built-in styles do, whatever the machine's zone (found by an independent attack)", () => {
    // New York, 1 November 2026: 01:30 happens twice (EDT, then EST); the second is 06:30Z. 8
    // March 2026: 02:30 does not exist (clocks go 02:00 → 03:00); the moment after is 03:30 EDT, 07:30Z.
    const saved = process.env['TZ'];
    try {
      for (const machine of ['UTC', 'America/Chicago', 'Asia/Kolkata']) {
        process.env['TZ'] = machine;
        const custom = parserFor('custom', 'America/New_York', 'MM/dd/yyyy HH:mm');
        expect(custom('11/01/2026 01:30'), machine).toBe(at('2026-11-01T06:30:00Z'));
        expect(custom('03/08/2026 02:30'), machine).toBe(at('2026-03-08T07:30:00Z'));
        expect(custom('11/01/2026 01:30'), machine).toBe(parserFor('mdy', 'America/New_York')('11/01/2026 01:30'));
      }
      // a format with its own offset names its instant
      expect(parserFor('custom', 'America/New_York', "yyyy-MM-dd'T'HH:mmXXX")('2026-11-01T01:30-04:00')).toBe(at('2026-11-01T05:30:00Z'));
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });

  it('reads a two-digit year within 50 years of 2000, with or without a dateFormat (found by an independent attack)', () => {
    // 26 is 2026, 49 is 2049, 50 is 1950, 99 is 1999: the built-in style as date-fns reads `yy`
    expect(parserFor('dmy', 'UTC')('15/10/26 10:00')).toBe(at('2026-10-15T10:00:00Z'));
    expect(parserFor('dmy', 'UTC')('15/10/49 10:00')).toBe(at('2049-10-15T10:00:00Z'));
    expect(parserFor('dmy', 'UTC')('15/10/50 10:00')).toBe(at('1950-10-15T10:00:00Z'));
    expect(parserFor('dmy', 'UTC')('15/10/99 10:00')).toBe(at('1999-10-15T10:00:00Z'));
    for (const yy of ['26', '49', '50', '99']) {
      expect(parserFor('custom', 'UTC', 'dd/MM/yy HH:mm')(`15/10/${yy} 10:00`), yy).toBe(parserFor('dmy', 'UTC')(`15/10/${yy} 10:00`));
    }
  });

  it('tells Unix seconds from milliseconds by size: a value of the other size is not read, and says why (found by an independent attack)', () => {
    // 10¹¹ or more is milliseconds: in a column of seconds 1790000000000 is a millisecond count
    // (read as seconds it is the year 58,692; 10¹¹ itself the year 5138, which would become the
    // export's latest time and so its as-of time); in a column of milliseconds 1790000000 is seconds
    const seconds = parserFor('epoch-seconds', 'UTC');
    const ms = parserFor('epoch-ms', 'UTC');
    expect([seconds('1790000000'), seconds('99999999999'), seconds('100000000000'), seconds('1790000000000')]).toEqual([1790000000, 99999999999, null, null]);
    expect([ms('1790000000000'), ms('100000000000'), ms('99999999999')]).toEqual([1790000000, at('1973-03-03T09:46:40Z'), null]);
    expect(epochMismatch('epoch-seconds', '1790000000000')).toBe('"1790000000000" is 10¹¹ or more, a count of milliseconds, in a column of Unix seconds');
    expect(epochMismatch('epoch-ms', ' 1790000000 ')).toBe('"1790000000" is below 10¹¹, a count of seconds, in a column of Unix milliseconds');
    expect([epochMismatch('epoch-seconds', '1790000000'), epochMismatch('iso', '1790000000000'), epochMismatch('epoch-seconds', 'soon')]).toEqual([null, null, null]);
  });

  it('reads a configured date-fns format in the configured zone', () => {
    const custom = parserFor('custom', 'Europe/Berlin', 'd.M.yyyy HH:mm');
    expect(custom('1.7.2026 12:00')).toBe(at('2026-07-01T10:00:00Z'));
    expect(custom('not a date')).toBeNull();
  });

  it('detects the style of a column from samples', () => {
    expect(detectStyle(['2026-10-01T09:00:00Z', '2026-10-02 10:00'], 'UTC')).toBe('iso');
    expect(detectStyle(['Tue Oct 31 22:10:47 +0000 2017'], 'UTC')).toBe('twitter');
    // 03/04 is ambiguous; 25/04 settles day-first for the whole column
    expect(detectStyle(['03/04/2026 10:00', '25/04/2026 10:00'], 'UTC')).toBe('dmy');
    expect(detectStyle(['03/04/2026 10:00', '04/25/2026 10:00'], 'UTC')).toBe('mdy');
    expect(detectStyle(['29-02-2016 01:16'], 'UTC')).toBe('dmy-dash');
    // Unix seconds or milliseconds by size: 13 digits are milliseconds, 10 digits with a
    // fraction (or pandas' float `.0`) still seconds — 1792888200.5 s is 2026-10-25T00:30:00.5Z
    expect(detectStyle(['1792888200000', '1792891800500'], 'UTC')).toBe('epoch-ms');
    expect(detectStyle(['1792888200.5', '1792891800.0'], 'UTC')).toBe('epoch-seconds');
    expect(detectStyle(['1792888200', '1792891800.75'], 'UTC')).toBe('epoch-seconds');
    expect(parserFor('epoch-seconds', 'UTC')('1792888200.5')).toBe(at('2026-10-25T00:30:00.500Z'));
    expect(detectStyle(['', '  '], 'UTC')).toBeNull();
    expect(detectStyle(['soon'], 'UTC')).toBeNull();
  });
});

describe('an ISO 8601 value in a column of month-first or day-first dates is read: it says its own order', () => {
  it('by each date-order style, in the zone given for a time without an offset', () => {
    // year-month-day whatever the column's order: 4 March 2026
    expect(parserFor('mdy', 'UTC')('2026-03-04T10:00:00Z')).toBe(at('2026-03-04T10:00:00Z'));
    expect(parserFor('dmy', 'UTC')('2026-03-04 10:00')).toBe(at('2026-03-04T10:00:00Z'));
    // Berlin is UTC+1 in early March (summer time starts on 29 March): 10:00 there is 09:00Z
    expect(parserFor('dmy-dash', 'Europe/Berlin')('2026-03-04 10:00')).toBe(at('2026-03-04T09:00:00Z'));
    expect(parserFor('dmy-dot', 'UTC')('2026-03-04')).toBe(at('2026-03-04T00:00:00Z'));
    // the column's own dates still read in its order: 03/04 is 3 April day-first, 4 March month-first
    expect(parserFor('dmy', 'UTC')('03/04/2026 10:00')).toBe(at('2026-04-03T10:00:00Z'));
    expect(parserFor('mdy', 'UTC')('03/04/2026 10:00')).toBe(at('2026-03-04T10:00:00Z'));
    // an impossible ISO date, or year-first with slashes, stays unreadable
    expect(parserFor('mdy', 'UTC')('2026-02-30T10:00:00Z')).toBeNull();
    expect(parserFor('dmy', 'UTC')('2026/03/04 10:00')).toBeNull();
  });

  it('in the sample, beside the dates whose order it detects', () => {
    expect(detectStyle(['2026-04-25T10:00:00Z', '03/04/2026 10:00', '25/04/2026 10:00'], 'UTC')).toBe('dmy');
    expect(detectStyle(['2026-04-25 10:00', '04/25/2026 10:00'], 'UTC')).toBe('mdy');
  });

  const dir = mkdtempSync(join(tmpdir(), 'parity-iso-in-order-'));
  const path = join(dir, 'day-first-with-iso.csv');
  writeFileSync(path, `${[
    'ticket_id,channel,created_at,first_response_at',
    'S2,phone,2026-04-25T10:00:00Z,2026-04-25 11:00', // 3,600 s
    'S1,phone,25/04/2026 10:00,25/04/2026 10:30', // settles day-first; 1,800 s
    ...Array.from({ length: 20_000 }, (_, k) => `F${k},email,03/04/2026 10:00,03/04/2026 10:20`), // 1,200 s each
    'X1,phone,2026-04-03T10:00:00Z,2026-04-03 12:00', // line 20,004: 7,200 s
    'X2,phone,2026-04-03 10:00,03/04/2026 10:45', // 2,700 s
    'X3,phone,2026-13-03T10:00:00Z,', // line 20,006: month 13, rejected
  ].join('\n')}\n`);

  for (const reader of ['fast', 'csv-parse'] as const) {
    it(`past the sample, read from the bytes and by the reference reader (${reader})`, async () => {
      const report = await auditFiles([path], {}, {}, '', { reader });
      expect([report.input.rowsRead, report.input.rowsUsed, report.input.rowsRejected]).toEqual([20_005, 20_004, 1]);
      expect(report.input.dataQuality.map((d) => [d.kind, d.count, d.example?.line])).toEqual([['bad-created', 1, 20_006]]);
      // phone 1,800, 2,700, 3,600, 7,200 s: survival is exactly 0.5 from 2,700 to 3,600, so the
      // median is their midpoint, 3,150 s; email 1,200 s
      expect(report.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median])).toEqual([['phone', 4, 3150], ['email', 20_000, 1200]]);
    });
  }

  it('--engine duckdb refuses the day-first column, naming a day-first value, not an ISO one', async () => {
    const refused = await runParity(['audit', path, '--engine', 'duckdb', '--no-config']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('column "created_at" holds timestamps written like "25/04/2026 10:00" (day/month/year');
  });
});
