/**
 * Every vendor format, end to end: the built binary detects the format of each fixture and the
 * per-channel numbers equal the hand arithmetic written beside them. All runs use --as-of
 * 2026-07-10T00:00:00Z, so a still-open ticket is censored at that instant.
 *
 * Medians follow the contract: first response is the plain sample median of answered tickets
 * (mean of the two middle values for an even count); resolution is the Kaplan–Meier median
 * (smallest time where S(t) ≤ 0.5, R's midpoint on a flat at exactly 0.5). Where S stays exactly
 * 0.5 to the end of follow-up (exactly half still open), the median is not settled: a lower
 * bound, the median of the observed times (here, as R's midpoint to the largest observed time).
 */
import { describe, expect, it } from 'vitest';
import { fixture, runParity, tempCsv } from '../helpers/exec.js';

const AS_OF = ['--as-of', '2026-07-10T00:00:00Z'];
const M = 60;
const H = 3600;

interface ChannelExpectation {
  tickets: number;
  /** Null where no ticket of the channel has a measurable first response (the share is null too). */
  answered: number | null;
  /** Plain median of the answered tickets (answeredMedian). */
  firstResponse: number | null;
  /** Kaplan–Meier median with the unanswered counted as still waiting, where it differs from the above. */
  firstResponseKm?: number | null;
  resolved: number | null;
  resolution: number | null;
  /** 'lower' where half or more is still open: the resolution median is then a lower bound. */
  resolutionBound?: 'lower';
}

interface Case {
  file: string;
  format: string;
  rows: [read: number, used: number, rejected: number];
  channels: Record<string, ChannelExpectation>;
  quality?: Record<string, number>;
  extra?: string[];
}

const CASES: Case[] = [
  {
    file: 'zendesk.csv',
    format: 'zendesk',
    // 13 rows; 113 "Phone call (outbound)" is agent-initiated → excluded.
    rows: [13, 12, 1],
    quality: { outbound: 1, 'negative-first-response': 1 },
    channels: {
      // Mail 101/102/103: first reply 30, 90, 60 min → median 60 min. Solved 180 min, 1440 min,
      // 103 open: S = 2/3 after 180, 1/3 after 1440 → 1440 min.
      email: { tickets: 3, answered: 3, firstResponse: 60 * M, resolved: 2, resolution: 1440 * M },
      // Phone call (inbound) 104 & 106, Voicemail 105: 10, 20, 40 min → 20 min; solved 60, 120, 180 → 120 min.
      phone: { tickets: 3, answered: 3, firstResponse: 20 * M, resolved: 3, resolution: 120 * M },
      // Twitter 107 (5 min), Twitter DM 108 (15 min), Facebook post 109 unanswered → answered-only
      // (5+15)/2 = 10 min; 109 still waiting: S = 2/3, 1/3 → Kaplan–Meier median 15 min.
      // Only 107 solved (30 min); S never reaches 0.5: a lower bound, the middle of the observed
      // times 30 min, 108's age and 109's age at the as-of time (108's: 733200 s).
      social: { tickets: 3, answered: 2, firstResponse: 10 * M, firstResponseKm: 15 * M, resolved: 1, resolution: 733200, resolutionBound: 'lower' },
      // Web form 110 has first reply -3 min (left out), 111 120 min → 120 min; solved 200 and 240 → 220 min.
      web: { tickets: 2, answered: 1, firstResponse: 120 * M, resolved: 2, resolution: 220 * M },
      // Closed ticket 112 → other: 45 min, solved 90 min.
      other: { tickets: 1, answered: 1, firstResponse: 45 * M, resolved: 1, resolution: 90 * M },
    },
  },
  {
    file: 'zendesk.ndjson',
    format: 'zendesk',
    rows: [6, 6, 0],
    channels: {
      // web 201/202: reply 30 and 50 min → 40 min; solved at +120 and +240 min → 180 min.
      web: { tickets: 2, answered: 2, firstResponse: 40 * M, resolved: 2, resolution: 180 * M },
      // email 203: 100 min; solved 09:00 → 14:00 = 300 min.
      email: { tickets: 1, answered: 1, firstResponse: 100 * M, resolved: 1, resolution: 300 * M },
      // voice 204: 20 min, solved 60 min; 205 open and unanswered since 10:00 (censored 8 d 14 h =
      // 741600 s later). Resolution: S = 0.5 from 3600 s to the end: half still open, a lower
      // bound, the observed times' median (3600 + 741600) / 2 = 372600 s; first response likewise
      // (1200 + 741600) / 2 = 371400 s.
      phone: { tickets: 2, answered: 1, firstResponse: 20 * M, firstResponseKm: 371400, resolved: 1, resolution: 372600, resolutionBound: 'lower' },
      // twitter 206: 4 min, solved 30 min.
      social: { tickets: 1, answered: 1, firstResponse: 4 * M, resolved: 1, resolution: 30 * M },
    },
  },
  {
    file: 'freshdesk.csv',
    format: 'freshdesk',
    // ticket 8 is Outbound Email → excluded.
    rows: [10, 9, 1],
    quality: { outbound: 1, 'negative-first-response': 1 },
    channels: {
      // Email 1 (09:00 → 09:30) and 2 (10:00 → 11:00): 30 and 60 min → 45 min. Resolved 2 h and 24 h → 13 h.
      email: { tickets: 2, answered: 2, firstResponse: 45 * M, resolved: 2, resolution: 13 * H },
      // Portal 3 (20 min), Portal 4 open & unanswered, Feedback Widget 10 (40 min) → answered-only
      // 30 min; with 4 still waiting S = 2/3, 1/3 → 40 min.
      // Resolved 1 h and 3 h, 4 open: S = 2/3, then 1/3 at 3 h → 3 h.
      web: { tickets: 3, answered: 2, firstResponse: 30 * M, firstResponseKm: 40 * M, resolved: 2, resolution: 3 * H },
      // Phone 5 (5 min) and 6 (15 min) → 10 min; resolved 45 and 60 min → 52.5 min.
      phone: { tickets: 2, answered: 2, firstResponse: 10 * M, resolved: 2, resolution: 52.5 * M },
      // Chat 7: 2 min; resolved 10 min.
      chat: { tickets: 1, answered: 1, firstResponse: 2 * M, resolved: 1, resolution: 10 * M },
      // Twitter 9: initial response 13:50 before creation 14:00 → left out; resolved 2 h.
      social: { tickets: 1, answered: null, firstResponse: null, resolved: 1, resolution: 2 * H },
    },
  },
  {
    file: 'salesforce.csv',
    format: 'salesforce',
    rows: [9, 9, 0],
    quality: { 'negative-resolution': 1 },
    extra: ['Salesforce case report has no first-response field'],
    channels: {
      // Phone: 12:02 AM → 1:02 AM (1 h), 9 AM → 11 AM (2 h), 1 PM → 5 PM (4 h) → 2 h.
      phone: { tickets: 3, answered: null, firstResponse: null, resolved: 3, resolution: 2 * H },
      // Email: 2 h, 6 h, one New (open) → S 2/3 then 1/3 at 6 h → 6 h.
      email: { tickets: 3, answered: null, firstResponse: null, resolved: 2, resolution: 6 * H },
      // Web: 1 h; 00001008 closed half an hour before it opened → left out of resolution.
      web: { tickets: 2, answered: null, firstResponse: null, resolved: 1, resolution: 1 * H },
      // Twitter (custom origin) → social: 6 PM → 9 PM = 3 h.
      social: { tickets: 1, answered: null, firstResponse: null, resolved: 1, resolution: 3 * H },
    },
  },
  {
    file: 'helpscout.csv',
    format: 'helpscout',
    rows: [8, 8, 0],
    channels: {
      // email 2 h, 4 h, one active → 4 h.
      email: { tickets: 3, answered: null, firstResponse: null, resolved: 2, resolution: 4 * H },
      // chat 30 and 50 min, both closed: S = 0.5 between them → (30 + 50) / 2 = 40 min.
      chat: { tickets: 2, answered: null, firstResponse: null, resolved: 2, resolution: 40 * M },
      // phone 1 h, 3 h, one pending → 3 h.
      phone: { tickets: 3, answered: null, firstResponse: null, resolved: 2, resolution: 3 * H },
    },
  },
  {
    file: 'intercom.csv',
    format: 'intercom',
    // 3007 delivered_as admin_initiated → excluded.
    rows: [8, 7, 1],
    quality: { outbound: 1 },
    channels: {
      // conversation (Messenger → chat): replies after 300, 900, 600 s → 600 s; closed after 3600, 1800 s, 3003 open → 3600 s.
      chat: { tickets: 3, answered: 3, firstResponse: 600, resolved: 2, resolution: 3600 },
      // email: 3600 and 7200 s, 3006 snoozed unanswered → answered-only 5400 s; with 3006 still
      // waiting S = 2/3, 1/3 → 7200 s. Closed 7200, 10800, one open → 10800 s.
      email: { tickets: 3, answered: 2, firstResponse: 5400, firstResponseKm: 7200, resolved: 2, resolution: 10800 },
      // phone_call: 120 s, closed 600 s.
      phone: { tickets: 1, answered: 1, firstResponse: 120, resolved: 1, resolution: 600 },
    },
  },
  {
    file: 'hubspot.csv',
    format: 'hubspot',
    rows: [9, 9, 0],
    quality: { 'negative-first-response': 1 },
    channels: {
      // EMAIL: 45 and 15 min (9003 unanswered) → answered-only 30 min, Kaplan–Meier 45 min (S = 2/3,
      // 1/3); closed 3 h and 1 h, 9003 open → 3 h.
      email: { tickets: 3, answered: 2, firstResponse: 30 * M, firstResponseKm: 45 * M, resolved: 2, resolution: 3 * H },
      // CHAT: 1 and 3 min → 2 min; closed 30 and 30 min → 30 min.
      chat: { tickets: 2, answered: 2, firstResponse: 2 * M, resolved: 2, resolution: 30 * M },
      // PHONE: 10 and 30 min → 20 min; closed 40 min and 2 h → 80 min.
      phone: { tickets: 2, answered: 2, firstResponse: 20 * M, resolved: 2, resolution: 80 * M },
      // FORM: 2 h; 9009 replied 5 min before creation → left out; closed 6 h and 2 h → 4 h.
      web: { tickets: 2, answered: 1, firstResponse: 2 * H, resolved: 2, resolution: 4 * H },
    },
  },
  {
    file: 'zoho.csv',
    format: 'zoho',
    rows: [10, 10, 0],
    channels: {
      // Email: 20 and 60 min (803 open, unanswered) → answered-only 40 min, Kaplan–Meier 60 min;
      // closed 1 h and 4 h, 803 open → 4 h.
      email: { tickets: 3, answered: 2, firstResponse: 40 * M, firstResponseKm: 60 * M, resolved: 2, resolution: 4 * H },
      // Phone: 5 and 15 min → 10 min; closed 30 and 60 min → 45 min.
      phone: { tickets: 2, answered: 2, firstResponse: 10 * M, resolved: 2, resolution: 45 * M },
      // Web 806 (30 min) and Forums 809 (60 min) → 45 min; closed 1 h and 2 h → 1.5 h.
      web: { tickets: 2, answered: 2, firstResponse: 45 * M, resolved: 2, resolution: 1.5 * H },
      // Twitter 807: 10 min; on hold: its resolution median is a lower bound, its age at the as-of
      // time (734400 s).
      social: { tickets: 1, answered: 1, firstResponse: 10 * M, resolved: 0, resolution: 734400, resolutionBound: 'lower' },
      // Chat 808: 1 min, closed 10 min.
      chat: { tickets: 1, answered: 1, firstResponse: 1 * M, resolved: 1, resolution: 10 * M },
      // "Trade show" is in no vocabulary → other: 2 h, closed 3 h.
      other: { tickets: 1, answered: 1, firstResponse: 2 * H, resolved: 1, resolution: 3 * H },
    },
  },
  {
    file: 'gorgias.csv',
    format: 'gorgias',
    // 5009 internal-note is the team writing to itself, 5010 was started by an agent
    // (from_agent true) → both excluded.
    rows: [10, 8, 2],
    quality: { outbound: 2 },
    channels: {
      // email: closed 2 h and 1 h, 5003 open → S 2/3 at 1 h, 1/3 at 2 h → 2 h.
      email: { tickets: 3, answered: null, firstResponse: null, resolved: 2, resolution: 2 * H },
      // twitter-direct-message 20 min, facebook-mention 40 min, instagram-comment open → 40 min.
      social: { tickets: 3, answered: null, firstResponse: null, resolved: 2, resolution: 40 * M },
      // contact_form 6 h; chat 15 min.
      web: { tickets: 1, answered: null, firstResponse: null, resolved: 1, resolution: 6 * H },
      chat: { tickets: 1, answered: null, firstResponse: null, resolved: 1, resolution: 15 * M },
    },
  },
  {
    file: 'tweets.csv',
    format: 'tweets',
    // 14 tweets. Tickets 10 (4 rows: 10, 11, 12, 13), 20 (20, 21), 30, 40 (40, 41), 70 (70, 71) use 11.
    // Excluded: 50 replies to 49, not in the file (orphan); 60 is a brand tweet replying to nothing, 61 answers it.
    rows: [14, 11, 3],
    quality: { outbound: 2, 'orphan-reply': 1 },
    channels: {
      // 10: brand replies 11 (09:30) and 12 (09:20) → earliest 12: 1200 s. 20: 11:00 − 10:00 = 3600 s.
      // 40: 41 at 13:05 (99 is not in the file) → 300 s. 30 and 70 (only the customer's own follow-up) unanswered.
      // Sorted 300, 1200, 3600 → answered-only 1200 s; with 30 and 70 still waiting (days old at
      // the as-of time) S = 4/5, 3/5, 2/5 → Kaplan–Meier 3600 s. No resolution in a conversation log.
      social: { tickets: 5, answered: 3, firstResponse: 1200, firstResponseKm: 3600, resolved: null, resolution: null },
    },
  },
  {
    file: 'servicenow.csv',
    format: 'servicenow',
    // 14 event rows of 4 incidents: all used.
    rows: [14, 14, 0],
    channels: {
      // INC101 opened 09:00, first update out of New 09:30 (Active) → 1800 s; resolved_at 12:00 → 3 h.
      // INC103 opened 01-07 11:00, Active 02-07 11:00 → 86400 s; still Awaiting User Info → open,
      // censored at 10-07 00:00 (738000 s). First response (1800 + 86400) / 2 = 44100 s.
      // Resolution: S = 0.5 from 10800 s to the end (INC103 still open): a lower bound, the
      // observed times' median (10800 + 738000) / 2 = 374400 s.
      phone: { tickets: 2, answered: 2, firstResponse: 44100, resolved: 1, resolution: 374400, resolutionBound: 'lower' },
      // INC102: no New event logged; Active at 11:00 → 3600 s. resolved_at is "?" → closed_at 07-07 10:00 = 6 d.
      email: { tickets: 1, answered: 1, firstResponse: 3600, resolved: 1, resolution: 6 * 24 * H },
      // INC104 (Self service → web): New 12:10, then Resolved 12:40 → 2400 s both ways.
      web: { tickets: 1, answered: 1, firstResponse: 2400, resolved: 1, resolution: 2400 },
    },
  },
];

describe('vendor formats (end to end)', () => {
  for (const c of CASES) {
    it(`${c.file}: detected as ${c.format}, per-channel numbers by hand`, async () => {
      const r = await runParity(['audit', fixture('formats', c.file), '--format', 'json', ...AS_OF]);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.input.format).toBe(c.format);
      expect([report.input.rowsRead, report.input.rowsUsed, report.input.rowsRejected]).toEqual(c.rows);
      const quality = Object.fromEntries(report.input.dataQuality.map((d: { kind: string; count: number }) => [d.kind, d.count]));
      expect(quality).toEqual(c.quality ?? {});
      const got = Object.fromEntries(
        report.channels.map((ch: any) => [
          ch.channel,
          {
            tickets: ch.tickets,
            answered: ch.answered,
            firstResponse: ch.firstResponse.answeredMedian,
            firstResponseKm: ch.firstResponse.median,
            resolved: ch.resolution.resolved,
            resolution: ch.resolution.median,
            resolutionBound: ch.resolution.bound,
          },
        ]),
      );
      // Where nothing is still waiting, the Kaplan–Meier median is the answered-only one.
      const expected = Object.fromEntries(
        Object.entries(c.channels).map(([k, v]) => [k, { ...v, firstResponseKm: v.firstResponseKm === undefined ? v.firstResponse : v.firstResponseKm, resolutionBound: v.resolutionBound ?? null }]),
      );
      expect(got).toEqual(expected);
      for (const text of c.extra ?? []) expect(report.input.notes.join('\n')).toContain(text);
    });
  }

  it('--input-format overrides detection (and an unknown id is a usage error)', async () => {
    const forced = await runParity(['audit', fixture('formats', 'zendesk.csv'), '--input-format', 'generic', '--format', 'json', ...AS_OF]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout).input.format).toBe('generic');
    const bad = await runParity(['audit', fixture('formats', 'zendesk.csv'), '--input-format', 'nosuch']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown input format "nosuch"');
    expect(bad.stderr).toContain('zendesk, freshdesk, salesforce');
  });

  it('Zendesk CSV times are read in --tz; durations do not move', async () => {
    const utc = JSON.parse((await runParity(['audit', fixture('formats', 'zendesk.csv'), '--format', 'json', ...AS_OF])).stdout);
    const berlin = JSON.parse((await runParity(['audit', fixture('formats', 'zendesk.csv'), '--format', 'json', '--tz', 'Europe/Berlin', ...AS_OF])).stdout);
    // 101 was created 2026-07-01 09:00 Berlin time = 07:00 UTC (CEST is UTC+2).
    expect(utc.period.from).toBe('2026-07-01T09:00:00.000Z');
    expect(berlin.period.from).toBe('2026-07-01T07:00:00.000Z');
    expect(berlin.channels.map((c: any) => c.firstResponse.median)).toEqual(utc.channels.map((c: any) => c.firstResponse.median));
  });
});

describe("a Salesforce report's footer (found by an attack: every Salesforce report failed --strict)", () => {
  it('the blank lines and the footer below the table are excluded on purpose, not ragged rows; --strict passes', async () => {
    // fixtures/formats/salesforce-footer.csv: 3 cases (lines 2–4), two `""` lines (5–6), then the
    // copyright line (7), "Confidential Information" (8), "Generated By" (9) and the company (10)
    const r = await runParity(['audit', fixture('formats', 'salesforce-footer.csv'), '--no-config', '--strict', '--format', 'json']);
    expect(r.code).toBe(0);
    const input = JSON.parse(r.stdout).input;
    expect(input).toMatchObject({ rowsRead: 9, rowsUsed: 3, rowsRejected: 6, tickets: 3 });
    const kinds = Object.fromEntries(input.dataQuality.map((q: { kind: string; severity: string; count: number; example: { line: number } }) => [q.kind, [q.severity, q.count, q.example.line]]));
    expect(kinds['report-footer']).toEqual(['excluded', 4, 7]);
    expect(kinds['blank-row']).toEqual(['excluded', 2, 5]);
    expect(kinds['ragged-row']).toBeUndefined();
  });

  it('a short row above the footer is still a ragged row', async () => {
    const file = tempCsv('short.csv', ['"Case Number","Case Origin","Date/Time Opened"', '"1","Phone","10/1/2026 9:00 AM"', '"2","Phone"', '"3","Email","10/2/2026 9:00 AM"', '""', '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."']);
    const r = await runParity(['audit', file, '--no-config', '--format', 'json']);
    const kinds = Object.fromEntries(JSON.parse(r.stdout).input.dataQuality.map((q: { kind: string; count: number }) => [q.kind, q.count]));
    expect(kinds).toMatchObject({ 'ragged-row': 1, 'blank-row': 1, 'report-footer': 1 });
  });
});
