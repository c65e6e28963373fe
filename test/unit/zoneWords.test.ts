// A time ending in a zone's name parity does not read there (found by an attack: only "cannot read
// date"): the detail says why and what to write instead.
import { describe, expect, test } from 'vitest';
import { auditFiles } from '../helpers/audit.js';
import { tempCsv } from '../helpers/exec.js';

describe('a zone word after a time', () => {
  test('an abbreviation: no one offset, so --tz or ISO 8601 with an offset (a review: a US date takes no offset); UTC after a US date: read after ISO 8601 only', async () => {
    const path = tempCsv('zone-words.csv', [
      'ticket_id,channel,created_at,first_response_at',
      '1,phone,"Oct 1, 2026 10:00 AM EST","Oct 1, 2026 11:00 AM"',
      '2,phone,"Oct 1, 2026 10:00 AM","Oct 1, 2026 11:00 AM"',
      // (after a month by name UTC is read: no row to reject)
      '3,phone,"Oct 1, 2026 10:00 AM","Oct 1, 2026 11:00 AM UTC"',
      '4,phone,"Oct 1, 2026 10:00 AM",10/01/2026 11:00 AM UTC',
    ]);
    const report = await auditFiles([path], { asOf: '2026-10-05T00:00:00Z' }, { minSample: 1 });
    expect(report.input.dataQuality.map((d) => [d.kind, d.count, d.example?.detail])).toEqual([
      ['bad-created', 1, 'cannot read date "Oct 1, 2026 10:00 AM EST": "EST" is a time-zone abbreviation, which names no one offset (CST is US Central, China and Cuba): leave it out and give --tz the zone it stands for (an IANA name: America/New_York for EST, Europe/Paris for CET), or write the time as ISO 8601 with its offset (2026-10-01T10:00:00-05:00)'],
      ['bad-first-response', 1, 'cannot read "10/01/2026 11:00 AM UTC": "UTC" is read after an ISO 8601 time (2026-10-01 10:00:00 UTC) and a month by name, not after this form: leave it out and give --tz UTC, or write the time as ISO 8601; left out of first response'],
    ]);
  });
});
