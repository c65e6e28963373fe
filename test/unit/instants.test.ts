import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/commands/options.js';

describe('--since / --until dates: a day ends where the next one starts in the time zone', () => {
  it('a plain day in UTC ends 24 hours after it starts', () => {
    expect(parseInstant('2026-10-01', '--until', 'UTC', true)).toBe(Date.UTC(2026, 9, 2) / 1000);
    expect(parseInstant('2026-10-01', '--since', 'UTC')).toBe(Date.UTC(2026, 9, 1) / 1000);
  });

  it('Europe/Berlin: 25 October 2026 (clocks back) has 25 hours, 29 March 2026 (clocks forward) 23', () => {
    // 26 Oct 00:00 CET = 25 Oct 23:00 UTC; 30 Mar 00:00 CEST = 29 Mar 22:00 UTC
    expect(parseInstant('2026-10-25', '--until', 'Europe/Berlin', true)).toBe(Date.UTC(2026, 9, 25, 23) / 1000);
    expect(parseInstant('2026-03-29', '--until', 'Europe/Berlin', true)).toBe(Date.UTC(2026, 2, 29, 22) / 1000);
    // the starts of those days: 24 Oct 22:00 UTC (CEST) and 28 Mar 23:00 UTC (CET)
    expect(parseInstant('2026-10-25', '--since', 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 24, 22) / 1000);
    expect(parseInstant('2026-03-29', '--since', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 28, 23) / 1000);
  });

  it('the last day of a month and of a leap February roll over; a time of day is taken as given', () => {
    expect(parseInstant('2028-02-28', '--until', 'UTC', true)).toBe(Date.UTC(2028, 1, 29) / 1000);
    expect(parseInstant('2026-12-31', '--until', 'UTC', true)).toBe(Date.UTC(2027, 0, 1) / 1000);
    expect(parseInstant('2026-10-25T12:00:00Z', '--until', 'Europe/Berlin', true)).toBe(Date.UTC(2026, 9, 25, 12) / 1000);
  });
});
