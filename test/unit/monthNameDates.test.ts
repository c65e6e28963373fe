// Dates whose month is a word (`3 Nov 2026 2:05 PM`, `Nov 3, 2026 2:05 PM`, `03-Nov-2026 14:05`,
// Jira's `03/Nov/26 2:05 PM`, an e-mail Date header) say their own order and are read without a
// dateFormat. Every row of such an export had been rejected as bad-created ("no usable tickets").
import { describe, expect, it } from 'vitest';
import { detectStyle, parserFor } from '../../src/normalise/time.js';
import { auditFiles } from '../helpers/audit.js';
import { tempCsv } from '../helpers/exec.js';

// 2026-11-03T00:00:00Z = 1,793,664,000 (2026-01-01 = 1,767,225,600, + 306 days × 86,400)
const NOV_3 = 1_793_664_000;
const H = 3600;

describe('dates with the month by name', () => {
  it('reads day-first and month-first, 12- and 24-hour, with a weekday and an offset', () => {
    const utc = parserFor('month-name', 'UTC');
    // 2:05 PM = 14:05 = 50,700 s after midnight
    for (const text of ['3 Nov 2026 2:05 PM', '03 Nov 2026 14:05', '03-Nov-2026 14:05:00', '03/Nov/26 2:05 PM', 'Nov 3, 2026 2:05 PM', 'November 3rd, 2026 at 2:05 p.m.', 'Tuesday, November 3, 2026 2:05 PM', 'Tue, 03 Nov 2026 14:05:00 +0000', '3 Nov 2026 14:05 GMT']) {
      expect(utc(text), text).toBe(NOV_3 + 14 * H + 5 * 60);
    }
    // +05:30 is 5h 30m ahead of UTC: 14:05 there is 08:35Z
    expect(utc('3 Nov 2026 14:05 +05:30')).toBe(NOV_3 + 8 * H + 35 * 60);
    // 12 AM is midnight; `Sept` is September; a date alone is its midnight
    expect(utc('3 Nov 2026 12:00 AM')).toBe(NOV_3);
    expect(utc('Sept 3, 2026')).toBe(NOV_3 - 61 * 86_400);
    // without an offset, in the zone given: Berlin is UTC+1 in November
    expect(parserFor('month-name', 'Europe/Berlin')('3 Nov 2026 2:05 PM')).toBe(NOV_3 + 13 * H + 5 * 60);
  });

  it('refuses what is no date: an impossible day, an unknown word, 13 PM', () => {
    const utc = parserFor('month-name', 'UTC');
    for (const text of ['31 Feb 2026', '3 Nox 2026', 'Foo 3 Nov 2026', '3 Nov 2026 13:05 PM', '3 Nov']) expect(utc(text), text).toBeNull();
  });

  it('is detected from the values, after ISO and the Twitter style', () => {
    expect(detectStyle(['3 Nov 2026 2:05 PM', 'Nov 4, 2026 9:00 AM'], 'UTC')).toBe('month-name');
    expect(detectStyle(['Tue Oct 31 22:10:47 +0000 2017'], 'UTC')).toBe('twitter');
    expect(detectStyle(['2026-11-03 14:05'], 'UTC')).toBe('iso');
  });

  it('audits an export written that way', async () => {
    const file = tempCsv('month-names.csv', [
      'ticket_id,channel,created_at,first_response_at,resolved_at',
      '1,phone,3 Nov 2026 2:05 PM,3 Nov 2026 3:05 PM,4 Nov 2026 9:00 AM',
      '2,email,3 Nov 2026 2:05 PM,3 Nov 2026 4:05 PM,',
    ]);
    const report = await auditFiles([file], {}, {});
    expect(report.input.rowsRejected).toBe(0);
    const median = (channel: string) => report.channels.find((c) => c.channel === channel)?.firstResponse.median;
    // phone 14:05 → 15:05 is 1h; email 14:05 → 16:05 is 2h
    expect([median('phone'), median('email')]).toEqual([H, 2 * H]);
    // phone resolved 4 Nov 09:00, 18h 55m after creation
    expect(report.channels.find((c) => c.channel === 'phone')?.resolution.median).toBe(18 * H + 55 * 60);
  });
});
