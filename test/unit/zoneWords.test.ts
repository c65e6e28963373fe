// A time ending in a zone's name parity does not read there (found by an attack: only "cannot read
// date"): the detail says why and what to write instead.
import { describe, expect, test } from 'vitest';
import { auditFiles } from '../helpers/audit.js';
import { tempCsv } from '../helpers/exec.js';

describe('a zone word after a time', () => {
  test('an abbreviation: no one offset, so --tz or ISO 8601 with an offset (a review: a US date takes no offset); UTC after a form that takes none', async () => {
    const path = tempCsv('zone-words.csv', [
      'ticket_id,channel,created_at,first_response_at',
      '1,phone,"Oct 1, 2026 10:00 AM EST","Oct 1, 2026 11:00 AM"',
      '2,phone,"Oct 1, 2026 10:00 AM","Oct 1, 2026 11:00 AM"',
      // (after a month by name UTC is read: no row to reject)
      '3,phone,"Oct 1, 2026 10:00 AM","Oct 1, 2026 11:00 AM UTC"',
      // (ISO 8601 with AM/PM is no form parity reads)
      '4,phone,"Oct 1, 2026 10:00 AM",2026-10-01 11:00:00 AM UTC',
    ]);
    const report = await auditFiles([path], { asOf: '2026-10-05T00:00:00Z' }, { minSample: 1 });
    expect(report.input.dataQuality.map((d) => [d.kind, d.count, d.example?.detail])).toEqual([
      ['bad-created', 1, 'cannot read date "Oct 1, 2026 10:00 AM EST": "EST" is a time-zone abbreviation, which names no one offset (CST is US Central, China and Cuba): leave it out and give --tz the zone it stands for (an IANA name: America/New_York for EST, Europe/Paris for CET), or write the time as ISO 8601 with its offset (2026-10-01T10:00:00-05:00)'],
      ['bad-first-response', 1, 'cannot read "2026-10-01 11:00:00 AM UTC": "UTC" is read after a time in ISO 8601 (2026-10-01 10:00:00 UTC), day/month/year or month-name form, in the column\'s form; write this one as the column\'s others are, or as ISO 8601; left out of first response'],
    ]);
  });

  test('after a day/month/year time UTC, GMT and an offset are read, as the instant they name (found by an attack: refused)', async () => {
    // By hand: created 10:00 UTC (12:00 at +02:00), answered 11:00 UTC: 3,600 s; read in any --tz.
    const path = tempCsv('us-zones.csv', ['ticket_id,channel,created_at,first_response_at', '1,phone,10/01/2026 12:00 PM +02:00,10/01/2026 11:00 AM UTC', '2,phone,10/01/2026 10:00 AM GMT,10/01/2026 11:00 AM Z']);
    for (const tz of ['UTC', 'America/New_York']) {
      const report = await auditFiles([path], { asOf: '2026-10-05T00:00:00Z', tz }, { minSample: 1 });
      expect(report.input.dataQuality).toEqual([]);
      expect([report.period.from, report.channels[0]?.firstResponse.median]).toEqual(['2026-10-01T10:00:00.000Z', 3600]);
    }
  });
});

describe('the dateFormat parity suggests for a date order reads the value it names (found by an attack: a zone after the time was left out, and the format read nothing)', () => {
  test('with an offset, Z, GMT, AM/PM or none', async () => {
    const { dateFormatLike } = await import('../../src/normalise/rows.js');
    const { parserFor } = await import('../../src/normalise/time.js');
    // By hand: 13 October 2026, 10:00 at +02:00 = 08:00Z; with Z or GMT 10:00Z; without a zone 10:00 in --tz (UTC)
    const cases: Array<[string, string, string]> = [
      ['13/10/2026 10:00 AM +02:00', 'dd/MM/yyyy h:mm a XXX', '2026-10-13T08:00:00Z'],
      ['13/10/2026 10:00+0200', 'dd/MM/yyyy HH:mmXX', '2026-10-13T08:00:00Z'],
      ['13/10/2026 10:00Z', 'dd/MM/yyyy HH:mmXXX', '2026-10-13T10:00:00Z'],
      ['13/10/2026 10:00 GMT', "dd/MM/yyyy HH:mm 'GMT'", '2026-10-13T10:00:00Z'],
      ['13-10-2026 10:00:30', 'dd-MM-yyyy HH:mm:ss', '2026-10-13T10:00:30Z'],
      ['13/10/2026 10:00 AM', 'dd/MM/yyyy h:mm a', '2026-10-13T10:00:00Z'],
    ];
    for (const [value, format, instant] of cases) {
      expect(dateFormatLike(value, 'day-first'), value).toBe(format);
      expect(parserFor('custom', 'UTC', format)(value), value).toBe(Date.parse(instant) / 1000);
    }
  });
});

describe('a configured dateFormat that reads too few of a column (found by an attack: dropped without a word)', () => {
  test('is said, with the count, a value it did not read and what the column is read as; not beside ISO 8601, which says its own form', async () => {
    const { bindColumns, dateFormatNotes } = await import('../../src/formats/bind.js');
    const { generic } = await import('../../src/formats/generic.js');
    const rows = [['1', 'phone', '10/01/2026 10:00 AM +02:00', '2026-10-01T09:00:00Z'], ['2', 'phone', '10/02/2026 10:00 AM +02:00', '2026-10-02T09:00:00Z']];
    const m = bindColumns(['ticket_id', 'channel', 'created_at', 'first_response_at'], generic, 1, { columns: {}, dateFormat: 'dd/MM/yyyy h:mm a', decimal: null }, rows, 'UTC', 'f.csv');
    expect(m.bindings.createdAt?.dateFormatUnused).toEqual({ format: 'dd/MM/yyyy h:mm a', read: 0, sampled: 2, example: '10/01/2026 10:00 AM +02:00' });
    expect(m.bindings.firstResponseAt?.dateFormatUnused).toBeUndefined();
    expect(dateFormatNotes(m)).toEqual([
      'the dateFormat "dd/MM/yyyy h:mm a" reads 0 of the 2 values sampled from column "created_at" (not "10/01/2026 10:00 AM +02:00"), so it is not used there: the column is read as US month/day/year (10/31/2026 9:30 PM); give a dateFormat that reads its values, or none',
    ]);
    // the format with the zone reads them: taken, nothing to say
    const fixed = bindColumns(['ticket_id', 'channel', 'created_at', 'first_response_at'], generic, 1, { columns: {}, dateFormat: 'dd/MM/yyyy h:mm a XXX', decimal: null }, rows, 'UTC', 'f.csv');
    expect([fixed.bindings.createdAt?.style, dateFormatNotes(fixed)]).toEqual(['custom', []]);
  });
});
