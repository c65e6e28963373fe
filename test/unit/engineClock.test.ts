// The business clock where the tickets live (DuckDB in-process; Postgres and ClickHouse write the
// same query and notes): a database subtracts timestamps, which is calendar time, or reads a
// duration column as given. The report's settings — so every renderer — and its SLA section say
// which clock the durations are in, from the count table itself, whether the engine is queried
// directly or its count table is read back from a file.
//
// fixtures/engines/business.csv by hand, business hours Mon–Fri 09:00–17:00 UTC (7 September 2026
// is a Monday):
//
//   ticket    created       first response  calendar  business        resolved    calendar  business       given (FR, R minutes)
//   B1 phone  Mon 7 16:00   Tue 10:00       18h       1h + 1h = 2h    Tue 16:00   24h       1h + 7h = 8h    120, 480
//   B2 phone  Tue 8 09:00   Tue 10:00       1h        1h              Tue 12:00   3h        3h              60, 180
//   B3 email  Fri 11 16:30  Mon 09:30       65h       30m + 30m = 1h  Mon 17:00   72h 30m   30m + 8h        60, 510
//   B4 email  Wed 9 09:00   Wed 11:00       2h        2h              Wed 13:00   4h        4h              120, 240
//
// Two tickets a channel, both answered and resolved: the Kaplan–Meier curve is 1/2 from the first
// time to the second, so the median is R's midpoint of the two.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { resolveSettings } from '../../src/commands/options.js';
import { countsCsv } from '../../src/commands/counts.js';
import type { Config } from '../../src/config/schema.js';
import { BUSINESS_GIVEN_NOTE, CALENDAR_FALLBACK_NOTE } from '../../src/measure/counts.js';
import { BUSINESS_AS_OF_NOTE } from '../../src/measure/durationClocks.js';
import { audit, auditCounted, auditCounts, countedPeriodReport } from '../../src/pipeline.js';
import { readCountsFile } from '../../src/read/countsFile.js';
import { countFromEngine } from '../../src/read/engines/count.js';
import { openEngine } from '../../src/read/engines/index.js';
import { loadRenderer } from '../../src/render/index.js';
import type { Report } from '../../src/report.js';
import { durationClockFromHeader } from '../../src/formats/bind.js';
import { tempCsv } from '../helpers/exec.js';

const FILE = 'fixtures/engines/business.csv';
const HOUR = 3600;
const BUSINESS: Config = {
  clock: 'business',
  businessHours: { timeZone: 'UTC', open: ['Mon-Fri 09:00-17:00'] },
  sla: { firstResponse: { default: '4h' }, resolution: { default: '8h' } },
};
const GIVEN: Config = {
  ...BUSINESS,
  columns: {
    firstResponseTime: { column: 'first_reply_time_business_minutes', unit: 'minutes' },
    resolutionTime: { column: 'full_resolution_business_minutes', unit: 'minutes' },
  },
};
const io = { stdin: Readable.from([]) };

function settingsOf(config: Config) {
  return { ...resolveSettings([FILE], {}, config, 'test'), generatedAt: null };
}

const duckdb = { kind: 'duckdb' as const, files: [FILE] };

function median(report: Report, channel: string): number | null | undefined {
  return report.channels.find((c) => c.channel === channel)?.firstResponse.median;
}

async function rendered(report: Report): Promise<{ table: string; markdown: string; html: string }> {
  const [table, markdown, html] = await Promise.all((['table', 'markdown', 'html'] as const).map((f) => loadRenderer(f, 'audit')));
  return { table: table!(report, { color: false }), markdown: markdown!(report, { color: false }), html: html!(report, { color: false }) };
}

/** What a report says about its clock and SLA attainment, in every renderer. */
async function expectCalendarWithoutSla(report: Report): Promise<void> {
  expect(report.settings.clock).toBe('calendar');
  expect(report.channels.map((c) => c.sla)).toEqual([null, null]);
  expect(report.input.notes).toContain(CALENDAR_FALLBACK_NOTE);
  expect(report.input.notes.some((n) => n.startsWith('SLA attainment is not computed: its targets are in business hours and this source\'s durations are calendar time'))).toBe(true);
  const { table, markdown, html } = await rendered(report);
  expect(table).toContain('Durations are calendar time.');
  expect(table).not.toContain('SLA attainment (business hours)');
  expect(table).not.toContain('business-hours time');
  for (const text of [markdown, html]) {
    expect(text).toContain('Durations are calendar time.');
    expect(text).not.toContain('business hours.');
  }
}

describe('business clock from an engine without duration columns: the report is in calendar time', () => {
  test('DuckDB over the CSV: calendar medians, settings and every renderer say calendar, SLA not computed', async () => {
    const report = await auditCounted(duckdb, settingsOf(BUSINESS), io);
    // phone (1h + 18h) / 2 = 9h 30m; email (2h + 65h) / 2 = 33h 30m: calendar time
    expect(median(report, 'phone')).toBe(9.5 * HOUR);
    expect(median(report, 'email')).toBe(33.5 * HOUR);
    await expectCalendarWithoutSla(report);
  });

  test('the same file in-process is in business time, with SLA attainment (the targets\' own clock)', async () => {
    const report = await audit(settingsOf(BUSINESS), io);
    expect(report.settings.clock).toBe('business');
    // phone (1h + 2h) / 2 = 1h 30m; email (1h + 2h) / 2 = 1h 30m
    expect(median(report, 'phone')).toBe(1.5 * HOUR);
    expect(median(report, 'email')).toBe(1.5 * HOUR);
    // resolution within 8h: phone 8h and 3h met; email 8h 30m breached, 4h met
    expect(report.channels.map((c) => [c.channel, c.sla?.resolution?.met, c.sla?.resolution?.breached])).toEqual([['phone', 2, 0], ['email', 1, 1]]);
  });

  test('its count table read back from a file (parity audit --counts) says the same', async () => {
    const settings = settingsOf(BUSINESS);
    const { connection, source } = await openEngine(duckdb, settings.timeZone);
    let csv: string;
    try {
      csv = countsCsv((await countFromEngine(connection, source, settings)).counts);
    } finally {
      await connection.close();
    }
    const path = join(mkdtempSync(join(tmpdir(), 'parity-engine-clock-')), 'counts.csv');
    writeFileSync(path, csv);
    const report = auditCounts(await readCountsFile(path, Readable.from([])), settings, { files: [path], format: 'counts' }, null);
    expect(median(report, 'phone')).toBe(9.5 * HOUR);
    await expectCalendarWithoutSla(report);
  });

  test('parity report through DuckDB: the period\'s audit is in calendar time too', async () => {
    const report = await countedPeriodReport(duckdb, settingsOf(BUSINESS), io, { unit: 'month', focus: null, previous: 12 });
    expect(report.reportPeriod?.label).toBe('2026-09');
    expect(median(report, 'email')).toBe(33.5 * HOUR);
    await expectCalendarWithoutSla(report);
  });
});

describe('business clock from an engine with business-time duration columns: used as given, the report is in business time', () => {
  test('medians and SLA attainment from the given minutes, labelled business hours', async () => {
    const report = await auditCounted(duckdb, settingsOf(GIVEN), io);
    expect(report.settings.clock).toBe('business');
    // phone (60 + 120) / 2 = 90 minutes; email (60 + 120) / 2 = 90 minutes
    expect(median(report, 'phone')).toBe(1.5 * HOUR);
    expect(median(report, 'email')).toBe(1.5 * HOUR);
    // first response within 4h: all four; resolution within 8h = 480 minutes: phone 480 and 180
    // met, email 510 breached and 240 met
    expect(report.channels.map((c) => [c.channel, c.sla?.firstResponse?.met, c.sla?.firstResponse?.breached, c.sla?.resolution?.met, c.sla?.resolution?.breached, c.sla?.resolution?.attainment])).toEqual([
      ['phone', 2, 0, 2, 0, 1],
      ['email', 2, 0, 1, 1, 0.5],
    ]);
    expect(report.input.notes).toContain(BUSINESS_GIVEN_NOTE);
    expect(report.input.notes).not.toContain(CALENDAR_FALLBACK_NOTE);
    const { table, markdown } = await rendered(report);
    expect(table).toContain('SLA attainment (business hours)');
    expect(table).toContain('Durations are business-hours time: only open hours count, and a day (d) is 24 of them, not a calendar day.');
    expect(markdown).toContain('Durations are business-hours time: only open hours count, and a day (d) is 24 of them, not a calendar day.');
  });

  test('one metric given, the other from timestamps: two clocks in one report, refused with what to map', async () => {
    // first response from the given minutes; resolution from resolved_at (bound by its name)
    const mixed: Config = { ...BUSINESS, columns: { firstResponseTime: { column: 'first_reply_time_business_minutes', unit: 'minutes' } } };
    await expect(auditCounted(duckdb, settingsOf(mixed), io)).rejects.toThrow(
      'clock is "business", but a database source measures resolution from timestamps, in calendar time, while first response is the business-time duration column "first_reply_time_business_minutes" used as given: one report cannot be in both clocks',
    );
    // the hint's way to calendar time does not lead to the refusal of business columns under it
    const error = (await auditCounted(duckdb, settingsOf(mixed), io).catch((e: unknown) => e)) as { hint?: string };
    expect(error.hint).toContain('map columns.firstResponseTime to a timestamp or a calendar-time column instead and set "clock": "calendar"');
  });
});

// A duration column counts in its own clock (config `clock`, else its header's word "business" or
// "calendar", else calendar), and both producers read it the same way: business minutes are used
// as given, never converted a second time; calendar minutes are converted in-process and are
// calendar time where the tickets live (a database cannot count open hours).
describe('a duration column\'s own clock, read alike by both producers', () => {
  test('business-time columns in-process are used as given, as DuckDB uses them (not converted twice)', async () => {
    const file = await audit(settingsOf(GIVEN), io);
    const engine = await auditCounted(duckdb, settingsOf(GIVEN), io);
    for (const report of [file, engine]) {
      expect(report.settings.clock).toBe('business');
      // first response: phone (60 + 120) / 2 = 90 min, email (60 + 120) / 2 = 90 min;
      // resolution: phone (480 + 180) / 2 = 330 min, email (510 + 240) / 2 = 375 min
      expect(report.channels.map((c) => [c.channel, c.firstResponse.median, c.resolution.median])).toEqual([
        ['phone', 90 * 60, 330 * 60],
        ['email', 90 * 60, 375 * 60],
      ]);
      expect(report.channels.map((c) => [c.channel, c.sla?.resolution?.met, c.sla?.resolution?.breached])).toEqual([['phone', 2, 0], ['email', 1, 1]]);
    }
  });

  test('an open ticket waits in business hours from an engine too: its calendar age is converted with the opening hours', async () => {
    // B5 phone, created Fri 11 Sep 16:00, not answered by the as-of time Mon 14 Sep 10:00: 66h of
    // calendar time, 1h (Fri 16–17) + 1h (Mon 9–10) = 2h of business time. First response within
    // 4h: B1 (120 min) and B2 (60 min) met; B5 has waited 2h, not yet due (66h would breach it).
    const dir = mkdtempSync(join(tmpdir(), 'parity-waiting-clock-'));
    const path = join(dir, 'open.csv');
    writeFileSync(path, `${readFileSync(FILE, 'utf8').trimEnd()}\nB5,phone,2026-09-11T16:00:00Z,,,,\n`);
    const flags = { asOf: '2026-09-14T10:00:00Z' };
    const settings = { ...resolveSettings([path], flags, GIVEN, 'test'), generatedAt: null };
    const file = await audit(settings, io);
    const engine = await auditCounted({ kind: 'duckdb', files: [path] }, settings, io);
    for (const report of [file, engine]) {
      const phone = report.channels.find((c) => c.channel === 'phone');
      expect([phone?.sla?.firstResponse?.met, phone?.sla?.firstResponse?.breached, phone?.sla?.firstResponse?.notYetDue]).toEqual([2, 0, 1]);
      // first response: 1h ended, then 2h ended and B5 waiting at 2h: S = 2/3 · 1/2 = 1/3 from 2h
      expect(phone?.firstResponse.median).toBe(2 * HOUR);
    }
    expect(engine.input.notes).toContain(BUSINESS_GIVEN_NOTE);

    // the engine's count table says its open tickets' ages are calendar time (meta,waitingClock);
    // read back without business hours they stay so, and a note says it
    const { connection, source } = await openEngine({ kind: 'duckdb', files: [path] }, settings.timeZone);
    let csv: string;
    try {
      csv = countsCsv((await countFromEngine(connection, source, settings)).counts);
    } finally {
      await connection.close();
    }
    expect(csv).toContain('meta,waitingClock,calendar');
    const countsPath = join(dir, 'counts.csv');
    writeFileSync(countsPath, csv);
    const readBack = auditCounts(await readCountsFile(countsPath, Readable.from([])), settings, { files: [countsPath], format: 'counts' }, null);
    expect(readBack.channels.find((c) => c.channel === 'phone')?.sla?.firstResponse?.notYetDue).toBe(1);
    // without the business clock its ages cannot be put in business hours: refused (two clocks)
    const calendar = { ...resolveSettings([path], flags, {}, 'test'), generatedAt: null };
    const table = await readCountsFile(countsPath, Readable.from([]));
    expect(() => auditCounts(table, calendar, { files: [countsPath], format: 'counts' }, null)).toThrow(
      "this count table's durations are business time (duration columns given in business hours) and its open tickets' ages are calendar time",
    );
  });

  test('a column mapped with "clock": "calendar" is converted in-process and calendar time from DuckDB', async () => {
    const calendarColumns: Config = {
      ...BUSINESS,
      columns: {
        firstResponseTime: { column: 'first_reply_time_business_minutes', unit: 'minutes', clock: 'calendar' },
        resolutionTime: { column: 'full_resolution_business_minutes', unit: 'minutes', clock: 'calendar' },
      },
    };
    // in-process, created + minutes in business hours: B1 Mon 16:00 + 2h → 1h; B2 Tue 09:00 + 1h →
    // 1h; B3 Fri 16:30 + 1h → 30 min; B4 Wed 09:00 + 2h → 2h. Phone 1h, email (30 + 120) / 2 = 75 min
    const file = await audit(settingsOf(calendarColumns), io);
    expect(file.settings.clock).toBe('business');
    expect([median(file, 'phone'), median(file, 'email')]).toEqual([HOUR, 75 * 60]);
    // DuckDB cannot convert: calendar time, as for timestamps (phone 90 min, email 90 min)
    const engine = await auditCounted(duckdb, settingsOf(calendarColumns), io);
    expect([median(engine, 'phone'), median(engine, 'email')]).toEqual([90 * 60, 90 * 60]);
    await expectCalendarWithoutSla(engine);
  });

  test('business-time columns under the calendar clock are refused by both, naming the column and the fixes', async () => {
    const calendar: Config = { columns: GIVEN.columns };
    const message = 'columns.firstResponseTime "first_reply_time_business_minutes" counts business time, but the clock is "calendar": its durations would be reported as calendar time';
    await expect(audit(settingsOf(calendar), io)).rejects.toThrow(message);
    await expect(auditCounted(duckdb, settingsOf(calendar), io)).rejects.toThrow(message);
  });

  test('a format that knows its durations count business hours (Freshdesk "(in hrs)") is read so', async () => {
    // no timestamps but the "(in hrs)" columns: 01:00:00 and 02:00:00 on e-mail, used as given
    // under the business clock (median 1h 30m, not converted a second time); refused under the
    // calendar clock, as any business-time column
    const path = tempCsv('freshdesk.csv', [
      'Ticket ID,Subject,Status,Priority,Source,Type,Group,Agent,Created time,First response time (in hrs),Resolution time (in hrs),Contact ID',
      '1,a,Closed,Low,Email,Question,Orders,Ana,2026-09-11 16:00:00,01:00:00,03:00:00,501',
      '2,b,Closed,Low,Email,Question,Orders,Ana,2026-09-11 16:30:00,02:00:00,05:00:00,502',
    ]);
    const business = { ...resolveSettings([path], {}, { clock: 'business', businessHours: BUSINESS.businessHours }, 'test'), generatedAt: null };
    const report = await audit(business, io);
    expect(report.channels.map((c) => [c.channel, c.firstResponse.median, c.resolution.median])).toEqual([['email', 1.5 * HOUR, 4 * HOUR]]);
    const calendar = { ...resolveSettings([path], {}, {}, 'test'), generatedAt: null };
    await expect(audit(calendar, io)).rejects.toThrow('columns.firstResponseTime "First response time (in hrs)" counts business time, but the clock is "calendar"');
  });

  test('the clock a header names', () => {
    expect(durationClockFromHeader('first_reply_time_business_minutes')).toBe('business');
    expect(durationClockFromHeader('First reply time in minutes within business hours')).toBe('business');
    expect(durationClockFromHeader('metric_set.reply_time_in_minutes.calendar')).toBe('calendar');
    expect(durationClockFromHeader('First reply time in minutes')).toBeNull();
    // camelCase and run-together names too
    expect(durationClockFromHeader('FirstReplyTimeBusinessMinutes')).toBe('business');
    expect(durationClockFromHeader('fullresolutionbusinessminutes')).toBe('business');
    expect(durationClockFromHeader('ReplyTimeCalendarMinutes')).toBe('calendar');
  });
});

describe('business-time columns and the instants they cannot give', () => {
  test('an explicit as-of time is noted by both producers (an answer after it may count as before it)', async () => {
    const flags = { asOf: '2026-09-14T10:00:00Z' };
    const settings = { ...resolveSettings([FILE], flags, GIVEN, 'test'), generatedAt: null };
    for (const report of [await audit(settings, io), await auditCounted(duckdb, settings, io)]) {
      expect(report.input.notes).toContain(BUSINESS_AS_OF_NOTE);
    }
    // without --as-of (the latest time in the data) there is nothing to say
    for (const report of [await audit(settingsOf(GIVEN), io), await auditCounted(duckdb, settingsOf(GIVEN), io)]) {
      expect(report.input.notes).not.toContain(BUSINESS_AS_OF_NOTE);
    }
  });

  test('channel jumps read instants under the business clock: the same jump as in calendar time', async () => {
    // C1 e-mails Fri 11 Sep 14:00 (answered Mon 08:00) and tweets Sat 10:00 while it waits: a
    // jump after 20h. In business hours (Mon–Fri 09–17 UTC) the e-mail's first response is 3h
    // (Fri 14–17); created + 3h is Fri 17:00, before the tweet, which hid the jump.
    const path = tempCsv('jump.csv', [
      'ticket_id,customer_id,channel,created_at,first_response_at,resolved_at,status',
      'E1,C1,email,2026-09-11T14:00:00Z,2026-09-14T08:00:00Z,2026-09-14T10:00:00Z,solved',
      'S1,C1,twitter,2026-09-12T10:00:00Z,2026-09-12T10:30:00Z,2026-09-12T11:00:00Z,solved',
      'S2,C3,twitter,2026-09-09T07:00:00Z,2026-09-09T08:00:00Z,2026-09-09T09:00:00Z,solved',
    ]);
    const jumps = (report: Report) => {
      const finding = report.findings.find((f) => f.details && 'jumpTickets' in f.details);
      const d = finding?.details as { jumpTickets: number; waitedMedian: number; originsUnansweredAtJump: number } | undefined;
      return [d?.jumpTickets, d?.waitedMedian, d?.originsUnansweredAtJump];
    };
    const settings = (config: Config) => ({ ...resolveSettings([path], {}, config, 'test'), generatedAt: null });
    expect(jumps(await audit(settings({}), io))).toEqual([1, 20 * HOUR, 1]);
    expect(jumps(await audit(settings({ clock: 'business', businessHours: BUSINESS.businessHours }), io))).toEqual([1, 20 * HOUR, 1]);
  });
});
