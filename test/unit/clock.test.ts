import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BusinessCalendar, parseWeeklyHours } from '../../src/measure/clock.js';
import { auditFiles } from '../helpers/audit.js';
import { fixture } from '../helpers/exec.js';

const at = (iso: string): number => Date.parse(iso) / 1000;

describe('business-hours clock', () => {
  const calendar = new BusinessCalendar(
    parseWeeklyHours(['Mon-Fri 09:00-17:00']),
    'Europe/London',
    ['2026-12-25'],
    at('2026-10-01T00:00:00Z'),
    at('2027-01-10T00:00:00Z'),
  );

  it('counts only open hours, in local time', () => {
    // Mon 5 Oct 16:00 BST (15:00Z) → Tue 6 Oct 10:00 BST (09:00Z): 1h Monday + 1h Tuesday
    expect(calendar.between(at('2026-10-05T15:00:00Z'), at('2026-10-06T09:00:00Z'))).toBe(7200);
    // Fri 9 Oct 16:30 BST → Mon 12 Oct 09:30 BST: 30m + 30m, nothing at the weekend
    expect(calendar.between(at('2026-10-09T15:30:00Z'), at('2026-10-12T08:30:00Z'))).toBe(3600);
    // Sat 10 Oct 12:00 → Mon 12 Oct 09:15 BST: only the 15 minutes on Monday
    expect(calendar.between(at('2026-10-10T11:00:00Z'), at('2026-10-12T08:15:00Z'))).toBe(900);
  });

  it('follows the change from summer time, and skips holidays', () => {
    // Fri 23 Oct 17:00 BST (16:00Z) → Mon 26 Oct 10:00 GMT (10:00Z): 0 + 1h
    expect(calendar.between(at('2026-10-23T16:00:00Z'), at('2026-10-26T10:00:00Z'))).toBe(3600);
    // Thu 24 Dec 16:00 GMT → Mon 28 Dec 10:00 GMT: 1h Thursday, Friday 25th is a holiday, 1h Monday
    expect(calendar.between(at('2026-12-24T16:00:00Z'), at('2026-12-28T10:00:00Z'))).toBe(7200);
  });

  it('reads several day ranges and rejects bad ones', () => {
    const schedule = parseWeeklyHours(['Mon-Fri 09:00-17:00', 'Sat 10:00-14:00', 'Fri-Mon 20:00-22:00']);
    expect(schedule[6]).toEqual([
      [600, 840],
      [1200, 1320],
    ]);
    expect(schedule[0]).toEqual([[1200, 1320]]); // Sunday, inside Fri-Mon
    expect(schedule[3]).toEqual([[540, 1020]]); // Wednesday
    expect(() => parseWeeklyHours(['Mon-Fri 17:00-09:00'])).toThrow('closes before it opens');
  });

  it('applies to the whole audit: durations and open-ticket ages in business time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-clock-'));
    const file = join(dir, 'week.csv');
    writeFileSync(
      file,
      [
        'ticket_id,channel,created_at,first_response_at,resolved_at',
        // Mon 16:00 → Tue 10:00 UTC: 2h business; resolved Wed 17:00: 1h + 8h + 8h = 17h
        'A,phone,2026-10-05T16:00:00Z,2026-10-06T10:00:00Z,2026-10-07T17:00:00Z',
        // Fri 16:30 → Mon 09:30: 1h; open, as of Mon 12 Oct 17:00: 30m + 8h = 8h30m
        'B,phone,2026-10-09T16:30:00Z,2026-10-12T09:30:00Z,',
        // Sat 12:00 → Mon 09:15: 15m; resolved Mon 11:00: 2h
        'C,phone,2026-10-10T12:00:00Z,2026-10-12T09:15:00Z,2026-10-12T11:00:00Z',
      ].join('\n'),
    );
    const report = await auditFiles([file], { asOf: '2026-10-12T17:00:00Z' }, {
      clock: 'business',
      businessHours: { timeZone: 'UTC', open: ['Mon-Fri 09:00-17:00'] },
    });
    const phone = report.channels[0]!;
    expect(report.settings.clock).toBe('business');
    // first responses 2h, 1h, 15m → median 1h
    expect(phone.firstResponse.median).toBe(3600);
    // resolution: events 2h (C), 17h (A); B censored at 8h30m.
    // S(2h) = 2/3; at 8h30m B leaves; S(17h) = 2/3 · 0/1 = 0 → median 17h = 61200
    expect(phone.resolution.median).toBe(61200);
  });
});

describe('SLA attainment', () => {
  it('priority beats channel beats default; waiting past the target is a breach', async () => {
    const report = await auditFiles([fixture('small.csv')], { asOf: '2026-10-10T00:00:00Z' }, {
      sla: { firstResponse: { default: '2h', email: '1h', high: '5h' }, resolution: { default: '2d' } },
    });
    const phone = report.channels.find((c) => c.channel === 'phone')!;
    // P1 1h met, P2 2h met (at the target), P3 (high: 5h) 3h met, P4 4h breached, P5 unanswered for 8d 15h: breached
    // P3 is judged against its priority's 5h, the other four against the default 2h: shown as such
    expect(phone.sla?.firstResponse).toEqual({ target: 7200, met: 3, breached: 2, notYetDue: 0, attainment: 0.6, priorityTargets: [{ priority: 'high', target: 18000, tickets: 1 }], targetTickets: 4 });
    // resolution 2d: P1 1d met, P2 2d met, P4 3d breached, P3 and P5 open for 8d 15h: breached (no priority target)
    expect(phone.sla?.resolution).toEqual({ target: 172800, met: 2, breached: 3, notYetDue: 0, attainment: 0.4, priorityTargets: [], targetTickets: 5 });
    const email = report.channels.find((c) => c.channel === 'email')!;
    // E1 30m met (1h), E2 90m breached (1h), E3 high → 5h: 4h met
    expect(email.sla?.firstResponse).toMatchObject({ target: 3600, met: 2, breached: 1, priorityTargets: [{ priority: 'high', target: 18000, tickets: 1 }], targetTickets: 2 });
    expect(email.sla?.firstResponse?.attainment).toBeCloseTo(2 / 3, 10);
  });

  it('no sla config, no sla numbers', async () => {
    const report = await auditFiles([fixture('small.csv')], { asOf: '2026-10-10T00:00:00Z' });
    expect(report.channels[0]?.sla).toBeNull();
  });
});
