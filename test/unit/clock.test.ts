import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BusinessCalendar, parseWeeklyHours } from '../../src/measure/clock.js';
import { auditFiles } from '../helpers/audit.js';
import { resolveSettings } from '../../src/commands/options.js';
import { fixture, tempCsv } from '../helpers/exec.js';

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

  it('open until 24:00 counts to the next midnight on every day, the last of a month and of a year too', () => {
    // open all day, every day, in UTC and in Berlin: a day is 86,400 s whatever the date
    for (const zone of ['UTC', 'Europe/Berlin']) {
      const allDay = new BusinessCalendar(parseWeeklyHours(['Mon-Sun 00:00-24:00']), zone, [], at('2026-01-01T00:00:00Z'), at('2027-01-02T00:00:00Z'));
      let wrong = 0;
      // 24 hours from noon UTC, every day of 2026: open all the time, so 86,400 s each (across
      // Berlin's changes of clocks too: the local days are 23 and 25 h, the 24 hours are 24)
      for (let day = 0; day < 365; day++) {
        const from = at('2026-01-01T12:00:00Z') + day * 86_400;
        if (allDay.between(from, from + 86_400) !== 86_400) wrong++;
      }
      expect(wrong, zone).toBe(0);
    }
    // evenings to midnight: 31 January 18:00 → 1 February 18:00 is the 6 h of 31 January
    const evenings = new BusinessCalendar(parseWeeklyHours(['Mon-Sun 18:00-24:00']), 'UTC', [], at('2026-01-01T00:00:00Z'), at('2026-03-01T00:00:00Z'));
    expect(evenings.between(at('2026-01-31T18:00:00Z'), at('2026-02-01T18:00:00Z'))).toBe(6 * 3600);
  });

  it('opening ranges that overlap or touch are open once; hours past 24:00 are not a time of day', () => {
    const schedule = parseWeeklyHours(['Mon-Sun 09:00-17:00', 'Mon-Sun 12:00-18:00', 'Sat 10:00-12:00', 'Sun 18:00-19:00']);
    expect(schedule[1]).toEqual([[540, 1080]]); // Monday 09:00-18:00
    expect(schedule[6]).toEqual([[540, 1080]]); // Saturday: 10:00-12:00 lies inside
    expect(schedule[0]).toEqual([[540, 1140]]); // Sunday: 18:00-19:00 touches 18:00
    const overlap = new BusinessCalendar(schedule, 'UTC', [], at('2026-10-01T00:00:00Z'), at('2026-10-10T00:00:00Z'));
    // Mon 5 Oct 00:00 → Tue 6 Oct 00:00: 9 h, not 8 h + 6 h
    expect(overlap.between(at('2026-10-05T00:00:00Z'), at('2026-10-06T00:00:00Z'))).toBe(9 * 3600);
    expect(() => parseWeeklyHours(['Mon-Fri 09:00-25:00'])).toThrow('is not a time of day');
    expect(() => parseWeeklyHours(['Mon-Fri 09:60-17:00'])).toThrow('is not a time of day');
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

describe('opening hours across a change of clocks', () => {
  // New York, Sunday 8 March 2026: clocks go from 02:00 EST to 03:00 EDT (07:00 UTC)
  const from = at('2026-03-07T12:00:00Z');
  const to = at('2026-03-09T12:00:00Z');
  const open = (hours: string): number => new BusinessCalendar(parseWeeklyHours([hours]), 'America/New_York', [], from, to).between(from, to);

  it('a boundary the clocks skip is the change itself: 00:00–02:30 is open 2h (00:00–02:00 EST), 02:00–02:30 not at all', () => {
    expect(open('Sun 00:00-03:00')).toBe(7200);
    expect(open('Sun 00:00-02:30')).toBe(7200);
    expect(open('Sun 02:00-02:30')).toBe(0);
    expect(open('Sun 02:00-03:00')).toBe(0);
    // 02:30–04:00: from the change (03:00 EDT) to 04:00 EDT, 1h
    expect(open('Sun 02:30-04:00')).toBe(3600);
  });

  it('in a zone that changes at midnight, a day opening at 00:00 opens at the change (Santiago, 6 September 2026: 00:00 → 01:00)', () => {
    const f = at('2026-09-05T12:00:00Z');
    const t = at('2026-09-07T12:00:00Z');
    // Sunday 6 September opens when the clocks jump to 01:00 (04:00 UTC) and closes at 12:00 (15:00 UTC): 11h
    expect(new BusinessCalendar(parseWeeklyHours(['Sun 00:00-12:00']), 'America/Santiago', [], f, t).between(f, t)).toBe(11 * 3600);
  });
});

describe('a day whose midnight comes twice (Havana, Sunday 1 November 2026: 01:00 CDT → 00:00 CST, 05:00 UTC; found by an independent attack)', () => {
  // 1 November runs from the first midnight (00:00 CDT = 04:00 UTC) to 2 November 00:00 CST
  // (05:00 UTC): 25 hours. Its first hour had been left to 31 October.
  const f = at('2026-10-31T12:00:00Z');
  const t = at('2026-11-02T12:00:00Z');
  const hours = (open: string, holidays: string[] = []) => new BusinessCalendar(parseWeeklyHours([open]), 'America/Havana', holidays, f, t);

  it('a holiday is the whole day: 31 October 12:00 UTC to 1 November 12:00 UTC, open all week, is 16h (to 04:00 UTC), not 17h', () => {
    expect(hours('Mon-Sun 00:00-24:00', ['2026-11-01']).between(f, at('2026-11-01T12:00:00Z'))).toBe(16 * 3600);
    // to 2 November 12:00 UTC: 16h + 05:00–12:00 UTC on 2 November = 23h
    expect(hours('Mon-Sun 00:00-24:00', ['2026-11-01']).between(f, t)).toBe(23 * 3600);
  });

  it('open all day is every second, the repeated hour once in each offset: 48h from 12:00 to 12:00 UTC two days later', () => {
    expect(hours('Mon-Sun 00:00-24:00').between(f, t)).toBe(48 * 3600);
    // Sunday alone: 00:00 CDT (04:00 UTC) to 24:00 = 2 November 00:00 CST (05:00 UTC), 25 hours
    expect(hours('Sun 00:00-24:00').between(f, t)).toBe(25 * 3600);
  });

  it('--since/--until dates start the day at the first midnight, as report periods do', () => {
    const settings = resolveSettings(['x.csv'], { tz: 'America/Havana', since: '2026-11-01', until: '2026-11-30' }, {}, 'test');
    expect(settings.since).toBe(at('2026-11-01T04:00:00Z'));
    // the end of 30 November is 1 December 00:00 CST (05:00 UTC)
    expect(settings.until).toBe(at('2026-12-01T05:00:00Z'));
    expect(resolveSettings(['x.csv'], { tz: 'America/Havana', until: '2026-10-31' }, {}, 'test').until).toBe(at('2026-11-01T04:00:00Z'));
    // where midnight is skipped (Santiago, 6 September 2026: 00:00 → 01:00 at 04:00 UTC) the day starts at the change
    expect(resolveSettings(['x.csv'], { tz: 'America/Santiago', since: '2026-09-06' }, {}, 'test').since).toBe(at('2026-09-06T04:00:00Z'));
    // and an ordinary day at its midnight
    expect(resolveSettings(['x.csv'], { tz: 'Europe/Berlin', since: '2026-10-25' }, {}, 'test').since).toBe(at('2026-10-24T22:00:00Z'));
  });
});

describe('holidays', () => {
  it('a date listed twice is one holiday (a count table made with the hours reads them back the same)', () => {
    const settings = resolveSettings(['x.csv'], {}, { clock: 'business', businessHours: { open: ['Mon-Fri 09:00-17:00'], holidays: ['2026-10-26', '2026-12-25', '2026-10-26'] } }, 'test');
    expect(settings.clock).toMatchObject({ kind: 'business', holidays: ['2026-10-26', '2026-12-25'] });
  });
});

describe('the zone of business hours', () => {
  // Monday 5 October 2026, local times without an offset: created 08:00, answered 10:00
  const file = tempCsv('local.csv', ['ticket_id,channel,created_at,first_response_at', 'I1,email,2026-10-05 08:00,2026-10-05 10:00']);
  const open = { open: ['Mon-Fri 09:00-17:00'] };

  it('hours without a timeZone of their own are in --tz, as in the config\'s timeZone: open 09:00–10:00 Berlin time is 1h', async () => {
    const byFlag = await auditFiles([file], { tz: 'Europe/Berlin' }, { clock: 'business', businessHours: open });
    const byConfig = await auditFiles([file], {}, { clock: 'business', timeZone: 'Europe/Berlin', businessHours: open });
    expect(byFlag.channels[0]!.firstResponse.median).toBe(3600);
    expect(byConfig.channels[0]!.firstResponse.median).toBe(3600);
    // (the hours had been read in UTC under --tz: 06:00–08:00 UTC is closed all along, 0 s)
  });

  it('businessHours without "clock": "business" are not applied, and the notes say so', async () => {
    const report = await auditFiles([file], {}, { businessHours: { timeZone: 'UTC', ...open } });
    expect(report.settings.clock).toBe('calendar');
    expect(report.channels[0]!.firstResponse.median).toBe(7200);
    expect(report.input.notes).toContain(
      'the config has businessHours, but clock is "calendar" (the default): every duration and SLA is in calendar time and the hours are not applied; set "clock": "business" to measure in them',
    );
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

  it('a priority literally named "Default" (or a channel\'s name) has no target of its own: the channel\'s applies', async () => {
    // E, F and G answered after 1h 30m; E's priority is "Default", F's "normal", G's "Email"
    const file = tempCsv('default-priority.csv', [
      'ticket_id,channel,created_at,first_response_at,priority',
      'E,email,2026-10-01T00:00:00Z,2026-10-01T01:30:00Z,Default',
      'F,email,2026-10-01T00:00:00Z,2026-10-01T01:30:00Z,normal',
      'G,email,2026-10-01T00:00:00Z,2026-10-01T01:30:00Z,Email',
    ]);
    const report = await auditFiles([file], { asOf: '2026-10-02T00:00:00Z' }, { sla: { firstResponse: { default: '1h', email: '2h' } } });
    const email = report.channels.find((c) => c.channel === 'email')!;
    // all three against email's 2h: 1h 30m each is met (E had been judged against the 1h default and breached)
    expect(email.sla?.firstResponse).toEqual({ target: 7200, met: 3, breached: 0, notYetDue: 0, attainment: 1, priorityTargets: [], targetTickets: 3 });
  });

  it('an SLA key that names no channel and no ticket\'s priority (a typo) is said in the notes; used keys are not', async () => {
    const report = await auditFiles([fixture('small.csv')], { asOf: '2026-10-10T00:00:00Z' }, {
      sla: { firstResponse: { default: '2h', Mail: '4h', emial: '2h', high: '5h', chat: '1h' } },
    });
    const slaNotes = report.input.notes.filter((n) => n.startsWith('sla.'));
    // "high" judged P3 and E3; "chat" names a channel; "default" is the fallback: no note for them
    expect(slaNotes).toEqual([
      'sla.firstResponse "mail" is no channel (phone, email, web, social, chat, other) and no ticket\'s priority here, so no ticket was judged against it: check its spelling',
      'sla.firstResponse "emial" is no channel (phone, email, web, social, chat, other) and no ticket\'s priority here, so no ticket was judged against it: check its spelling',
    ]);
  });

  it('no sla config, no sla numbers', async () => {
    const report = await auditFiles([fixture('small.csv')], { asOf: '2026-10-10T00:00:00Z' });
    expect(report.channels[0]?.sla).toBeNull();
  });
});
