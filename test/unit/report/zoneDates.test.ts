/**
 * Dates shown in a report are the dates of the zone the run is in (--tz / timeZone): a month cut
 * in Berlin starts on the 1st there, though its first instant is the 31st in UTC.
 */
import { describe, expect, it } from 'vitest';
import { formatDate, zoneNote } from '../../../src/render/format.js';
import { scopeSentence } from '../../../src/render/markdown.js';
import { sampleReport } from './sampleReport.js';

describe('dates in the run\'s zone', () => {
  it('formatDate reads the instant in the zone: 2026-10-31T23:30Z is 1 November in Berlin (CET, +1h), 31 October in New York', () => {
    expect(formatDate('2026-10-31T23:30:00.000Z')).toBe('2026-10-31');
    expect(formatDate('2026-10-31T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-11-01');
    expect(formatDate('2026-11-01T03:30:00.000Z', 'America/New_York')).toBe('2026-10-31');
    // summer time: 2026-10-24T22:30Z is 00:30 on the 25th in Berlin (CEST, +2h)
    expect(formatDate('2026-10-24T22:30:00.000Z', 'Europe/Berlin')).toBe('2026-10-25');
    expect(formatDate(null, 'Europe/Berlin')).toBe('—');
    // UTC by any of its names, in any case: no "(dates in utc)" note (found by a review)
    expect(['UTC', 'utc', 'Etc/UTC', 'GMT', 'Zulu'].map(zoneNote)).toEqual(['', '', '', '', '']);
    expect(zoneNote('Europe/Berlin')).toBe(' (dates in Europe/Berlin)');
  });

  it("a report's scope names the period's dates in the zone it was cut in: November in Berlin is 1 to 30 November", () => {
    const report = sampleReport();
    // November 2026 in Berlin: [2026-10-31T23:00Z, 2026-11-30T23:00Z); one ticket, created 2026-10-31T23:30Z
    report.reportPeriod = { ...report.reportPeriod!, label: '2026-11', from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z', timeZone: 'Europe/Berlin', tickets: 1, allTickets: 7 };
    report.period = { from: '2026-10-31T23:30:00.000Z', to: '2026-10-31T23:30:00.000Z', asOf: '2026-12-05T00:00:00.000Z' };
    expect(scopeSentence(report)).toMatch(/^1 ticket in the period 2026-11-01 to 2026-11-30 \(periods cut in Europe\/Berlin; the first created 2026-11-01, the last 2026-11-01\) out of 7 usable tickets in /);
  });
});
