/**
 * Contacts the team starts, in the words each helpdesk writes them, are excluded from the
 * response metrics as `outbound` (found by an independent attack: each was counted as a
 * customer waiting for ever). Expected values by hand in each test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../helpers/audit.js';
import { runParity } from '../../helpers/exec.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-outbound-'));
function file(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** An audit's JSON report, as the tests below read it. */
interface AuditJson {
  input: { rowsRead: number; rowsUsed: number; rowsRejected: number; dataQuality: Array<{ kind: string; count: number }>; unknownChannels: unknown[] };
  channels: Array<{ channel: string; tickets: number; firstResponse: { median: number }; resolution: { resolved: number; median: number } }>;
  findings: Array<{ kind: string; details?: unknown }>;
}

/**
 * The JSON report of `path` in-process and through DuckDB, each run exiting 0: a rule the count
 * query also holds must give both the same numbers. With `config`, that config file is read.
 */
async function bothWays(path: string, config?: string): Promise<AuditJson[]> {
  const out: AuditJson[] = [];
  for (const engine of [[], ['--engine', 'duckdb']]) {
    const r = await runParity(['audit', path, '--format', 'json', ...(config ? ['-c', config] : ['--no-config']), ...engine]);
    expect(r.code, r.stderr).toBe(0);
    out.push(JSON.parse(r.stdout) as AuditJson);
  }
  return out;
}

/** [kind, count] of each data-quality entry. */
const kindCounts = (json: AuditJson): Array<[string, number]> => json.input.dataQuality.map((d) => [d.kind, d.count]);
/** [channel, tickets, median first response] of each channel. */
const firstMedians = (json: AuditJson): Array<[string, number, number]> => json.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median]);

describe('contacts the team starts are outbound', () => {
  it('Intercom: delivered as campaigns_initiated, operator_initiated, automated or admin_initiated', async () => {
    const path = file('intercom.csv', [
      'type,id,created_at,updated_at,source.type,source.delivered_as,source.author.id,state,open,priority,statistics.first_admin_reply_at,statistics.last_close_at,team_assignee_id',
      // the one customer conversation: answered 600 s after it started
      'conversation,3001,1782892800,1782896400,conversation,customer_initiated,u1,closed,false,not_priority,1782893400,1782896400,40',
      'conversation,3002,1782892800,1782892800,email,automated,5,open,true,not_priority,,,',
      'conversation,3003,1782892800,1782892800,conversation,campaigns_initiated,5,open,true,not_priority,,,',
      'conversation,3004,1782892800,1782892800,conversation,operator_initiated,99,open,true,not_priority,,,',
      'conversation,3005,1782892800,1782900000,conversation,admin_initiated,5,closed,false,not_priority,,1782900000,',
    ]);
    const report = await auditFiles([path], {}, { minSample: 1 });
    expect(report.input.format).toBe('intercom');
    expect([report.input.rowsRead, report.input.rowsUsed, report.input.rowsRejected]).toEqual([5, 1, 4]);
    expect(report.input.dataQuality.map((d) => [d.kind, d.count])).toEqual([['outbound', 4]]);
    expect(report.channels.map((c) => [c.channel, c.tickets, c.answered, c.firstResponse.median])).toEqual([['chat', 1, 1, 600]]);
  });

  it('Zendesk JSON: a call the agent made (via.source.rel outbound); inbound calls and voicemail stay', async () => {
    const ticket = (id: number, rel: string, created: string, reply: number | null, status: string) =>
      JSON.stringify({ ticket: { id, via: { channel: 'voice', source: { rel } }, created_at: created, status, requester_id: id, metric_set: { reply_time_in_minutes: { calendar: reply, business: reply }, full_resolution_time_in_minutes: { calendar: null, business: null }, solved_at: null } } });
    const path = file('zendesk.ndjson', [
      ticket(301, 'outbound', '2026-07-01T08:00:00Z', null, 'solved'),
      ticket(302, 'inbound', '2026-07-01T08:10:00Z', 1, 'open'),
      ticket(305, 'voicemail', '2026-07-01T08:40:00Z', 2, 'open'),
    ]);
    const report = await auditFiles([path], {}, { minSample: 1 });
    expect(report.input.format).toBe('zendesk');
    // 302 answered in 1 minute, 305 in 2: median 90 s; 301 outbound
    expect(report.input.dataQuality.map((d) => [d.kind, d.count])).toEqual([['outbound', 1]]);
    expect(report.channels.map((c) => [c.channel, c.tickets, c.answered, c.firstResponse.median])).toEqual([['phone', 2, 2, 90]]);
  });

  it('Zendesk CSV: CTI (Talk Partner Edition) calls are phone, the outbound one excluded', async () => {
    const path = file('zendesk-cti.csv', [
      'Id,Requester id,Status,Via,Created at,Solved at,First reply time in minutes,Full resolution time in minutes',
      '201,1,Solved,Phone call (inbound),2026-07-01 09:00,2026-07-01 09:10,1,10',
      '202,2,Solved,CTI phone call (outbound),2026-07-01 10:00,2026-07-01 10:10,,10',
      '203,3,Solved,CTI phone call (inbound),2026-07-01 11:00,2026-07-01 11:10,3,10',
      '204,4,Solved,CTI voicemail,2026-07-01 12:00,2026-07-01 12:20,5,20',
    ]);
    const report = await auditFiles([path], {}, { minSample: 1 });
    expect(report.input.format).toBe('zendesk');
    // 201, 203, 204 phone: first replies 60, 180, 300 s, median 180 s; 202 outbound
    expect(report.input.dataQuality.map((d) => [d.kind, d.count])).toEqual([['outbound', 1]]);
    expect(report.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median])).toEqual([['phone', 3, 180]]);
  });
});

describe('spam and deleted items are no customer waiting: excluded as discarded, in-process and through DuckDB alike (found by an independent attack)', () => {
  it('Help Scout status spam, a generic export\'s deleted and Trash', async () => {
    const path = file('helpscout.csv', [
      'number,mailboxId,type,status,state,subject,createdAt,closedAt,primaryCustomer.id,source.type,source.via',
      // the one conversation kept: closed 2h after it was created
      '401,12,email,closed,published,Order late,2026-07-01T08:00:00Z,2026-07-01T10:00:00Z,c1,email,customer',
      '402,12,email,spam,published,WIN,2026-07-01T09:00:00Z,,c2,email,customer',
    ]);
    const report = await auditFiles([path], {}, { minSample: 1 });
    expect(report.input.format).toBe('helpscout');
    expect([report.input.rowsRead, report.input.rowsUsed, report.input.rowsRejected]).toEqual([2, 1, 1]);
    expect(report.input.dataQuality).toEqual([
      { kind: 'discarded', severity: 'excluded', count: 1, example: { file: path, line: 3, column: 'status', value: 'spam', detail: 'status "spam": spam or deleted, no customer waiting' } },
    ]);
    expect(report.channels.map((c) => [c.channel, c.tickets, c.resolution.resolved, c.resolution.median])).toEqual([['email', 1, 1, 7200]]);

    const generic = file('generic.csv', [
      'ticket_id,channel,status,created_at,first_response_at',
      'G1,email,open,2026-07-01T08:00:00Z,2026-07-01T08:30:00Z',
      'G2,email,Deleted,2026-07-01T08:00:00Z,',
      'G3,phone,Trash,2026-07-01T08:00:00Z,',
      'G4,phone,solved,2026-07-01T08:00:00Z,2026-07-01T09:00:00Z',
    ]);
    // kept: G1 email 1,800 s, G4 phone 3,600 s; G2 and G3 discarded
    const inProcess = await runParity(['audit', generic, '--format', 'json', '--no-config']);
    const duckdb = await runParity(['audit', generic, '--format', 'json', '--no-config', '--engine', 'duckdb']);
    for (const r of [inProcess, duckdb]) {
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(kindCounts(json)).toEqual([['discarded', 2]]);
      expect(firstMedians(json)).toEqual([
        ['phone', 1, 3600],
        ['email', 1, 1800],
      ]);
    }
  });
});

describe('a direct message on a channel of public posts is private (Zendesk via.source.rel)', () => {
  /** isPublic of each ticket id (1 public, 0 private, −1 not said), as the table holds it. */
  async function publicById(path: string, reader?: 'csv-parse'): Promise<Record<string, number>> {
    const { loadDataset } = await import('../../../src/load/dataset.js');
    const { resolveSettings } = await import('../../../src/commands/options.js');
    const { Readable } = await import('node:stream');
    const settings = resolveSettings([path], { asOf: '2026-07-02T00:00:00Z' }, {}, 'test');
    const t = (await loadDataset(settings, { stdin: Readable.from([]), ...(reader ? { reader } : {}) })).table;
    const ids = t.id.toArray();
    return Object.fromEntries(['501', '502', '503', '504'].map((id) => [id, t.isPublic[ids.indexOf(id)] as number]));
  }
  // 501 a tweet mentioning the brand: public; 502 a Twitter DM: private; 503 a Facebook message
  // (facebook alone says neither): private; 504 a Facebook post: not said
  const expected = { '501': 1, '502': 0, '503': 0, '504': -1 };

  it('Zendesk JSON, whose is_public (the ticket has a public comment) does not say a public post', async () => {
    const ticket = (id: number, channel: string, rel: string) =>
      JSON.stringify({ ticket: { id, via: { channel, source: { rel } }, created_at: '2026-07-01T08:00:00Z', status: 'open', requester_id: id, is_public: true } });
    const path = file('zendesk-social.ndjson', [ticket(501, 'twitter', 'mention'), ticket(502, 'twitter', 'direct_message'), ticket(503, 'facebook', 'direct_message'), ticket(504, 'facebook', 'post')]);
    expect(await publicById(path)).toEqual(expected);
  });

  it('the same tickets flattened to a CSV, read from its bytes and by csv-parse', async () => {
    // after 30,000 email tickets (1.3 MB), so that the byte scanner reads the four from their bytes
    const filler = Array.from({ length: 30_000 }, (_, k) => `${100000 + k},${k},email,,2026-07-01T07:00:00Z,open`);
    const path = file('zendesk-social.csv', [
      'id,requester_id,via.channel,via.source.rel,created_at,status',
      ...filler,
      '501,1,twitter,mention,2026-07-01T08:00:00Z,open',
      '502,2,twitter,direct_message,2026-07-01T08:00:00Z,open',
      '503,3,facebook,direct_message,2026-07-01T08:00:00Z,open',
      '504,4,facebook,post,2026-07-01T08:00:00Z,open',
    ]);
    expect(await publicById(path)).toEqual(expected);
    expect(await publicById(path, 'csv-parse')).toEqual(expected);
  });
});

describe('the loud/quiet split counts a direct message as quiet, in-process and through DuckDB alike', () => {
  it('60 public mentions are loud, 60 direct messages quiet', async () => {
    // every ticket its own requester, none shouting or escalated: public is the only loud cue
    const rows = ['id,requester_id,via.channel,via.source.rel,created_at,status,metric_set.reply_time_in_minutes.calendar'];
    let k = 0;
    for (let i = 0; i < 60; i++) rows.push(`${++k},${k},twitter,mention,2026-07-01T08:${String(i).padStart(2, '0')}:00Z,open,${5 + (i % 7)}`);
    for (let i = 0; i < 60; i++) rows.push(`${++k},${k},twitter,direct_message,2026-07-01T09:${String(i).padStart(2, '0')}:00Z,open,${120 + (i % 13)}`);
    for (let i = 0; i < 80; i++) rows.push(`${++k},${k},email,,2026-07-01T10:${String(i % 60).padStart(2, '0')}:00Z,open,${200 + (i % 11)}`);
    const path = file('zendesk-loud.csv', rows);
    for (const json of await bothWays(path)) {
      const loud = json.findings.find((f) => f.kind === 'loud-preference');
      expect(loud?.details).toMatchObject({ loudTickets: 60, quietTickets: 60, reasons: { public: 60, repeatContact: 0, shouting: 0, escalated: 0 } });
    }
  });
});

describe('a spam or deleted flag in a column of its own excludes the ticket as discarded, in-process and through DuckDB alike', () => {
  const head = 'id,channel,via,status,priority,subject,customer.id,created_datetime,closed_datetime,from_agent,spam,trashed_datetime';
  /** A Gorgias email ticket created 09:00, closed after `hours` (none: still open), with its spam and trash cells. */
  const gorgias = (id: string, hours: number | null, spam: string, trashed: string): string =>
    `${id},email,email,${hours === null ? 'open' : 'closed'},normal,s,c-${id},2026-07-01T09:00:00+00:00,${hours === null ? '' : `2026-07-01T${String(9 + hours).padStart(2, '0')}:00:00+00:00`},false,${spam},${trashed}`;

  it('Gorgias spam (any way of writing true) and trashed_datetime', async () => {
    const path = file('gorgias-spam.csv', [
      head,
      gorgias('g1', 1, 'false', ''), // kept: resolved in 1 h
      gorgias('g2', null, 'true', ''), // spam, never answered
      gorgias('g3', null, 'TRUE', ''), // spam
      gorgias('g4', null, 'false', '2026-07-02T08:00:00+00:00'), // in the trash
      gorgias('g5', 3, '0', ''), // kept: resolved in 3 h
      gorgias('g6', null, 'no', ''), // kept: still open
    ]);
    // kept g1 (3,600 s), g5 (10,800 s), g6 open since 09:00 (as-of: the latest time, g5's close at
    // 12:00, so waiting 10,800 s, censored): the Kaplan–Meier curve drops to 2/3 at 3,600 s and to
    // 0 at 10,800 s (g5 resolved there; g6 censored at the same time comes after the event), so
    // the median is 10,800 s
    for (const json of await bothWays(path)) {
      expect([json.input.rowsRead, json.input.rowsUsed, json.input.rowsRejected]).toEqual([6, 3, 3]);
      expect(kindCounts(json)).toEqual([['discarded', 3]]);
      expect(json.channels.map((c) => [c.channel, c.tickets, c.resolution.resolved, c.resolution.median])).toEqual([['email', 3, 2, 10_800]]);
    }
    const report = await auditFiles([path]);
    expect(report.input.dataQuality[0]?.example).toMatchObject({ line: 3, column: 'spam', value: 'true', detail: 'spam "true": marked as spam, no customer waiting' });
  });

  it('a generic export\'s deleted column: true or a time deletes, false or empty does not', async () => {
    const path = file('generic-deleted.csv', [
      'ticket_id,channel,created_at,first_response_at,deleted',
      'D1,phone,2026-07-01T08:00:00Z,2026-07-01T08:10:00Z,false',
      'D2,phone,2026-07-01T08:00:00Z,,2026-07-03 10:00',
      'D3,phone,2026-07-01T08:00:00Z,2026-07-01T08:30:00Z,',
      'D4,phone,2026-07-01T08:00:00Z,,yes',
    ]);
    // kept D1 (600 s) and D3 (1,800 s): median 1,200 s
    for (const json of await bothWays(path)) {
      expect(kindCounts(json)).toEqual([['discarded', 2]]);
      expect(firstMedians(json)).toEqual([['phone', 2, 1200]]);
    }
  });

  it('read from its bytes: a flagged row far into a large file', async () => {
    const filler = Array.from({ length: 30_000 }, (_, k) => `F${100000 + k},email,2026-07-01T07:00:00Z,2026-07-01T07:10:00Z,false,${k % 2 ? '0' : ''}`);
    const path = file('generic-deleted-large.csv', [
      'ticket_id,channel,created_at,first_response_at,deleted,is_spam',
      ...filler,
      'X1,phone,2026-07-01T08:00:00Z,,2026-07-03,', // deleted (a date)
      'X2,phone,2026-07-01T08:00:00Z,2026-07-01T08:20:00Z,false,0.0', // kept
      'X3,phone,2026-07-01T08:00:00Z,,,1.0', // spam
      'X4,phone,2026-07-01T08:00:00Z,2026-07-01T08:30:00Z,NULL,maybe', // kept, with a note
    ]);
    const report = await auditFiles([path]);
    expect(report.input.dataQuality.map((d) => [d.kind, d.count, d.example?.line])).toEqual([
      ['discarded', 2, 30_002],
      ['bad-flag', 1, 30_005],
    ]);
    expect(report.channels.find((c) => c.channel === 'phone')?.tickets).toBe(2);
  });
});

describe('how a spam or deleted flag cell is read (found by an independent attack: NULL deleted every ticket)', () => {
  it('true words and numbers other than 0 are set, a date deletes; placeholders for no value are not set; anything else is kept with a note', async () => {
    const path = file('flags.csv', [
      'ticket_id,channel,created_at,first_response_at,is_spam,deleted_at',
      'P1,phone,2026-07-01T08:00:00Z,2026-07-01T08:10:00Z,0.0,NULL', // kept, 600 s
      'P2,phone,2026-07-01T08:00:00Z,2026-07-01T08:20:00Z,1.0,', // spam (a pandas 1.0)
      'P3,phone,2026-07-01T08:00:00Z,2026-07-01T08:30:00Z,,None', // kept, 1,800 s
      'P4,phone,2026-07-01T08:00:00Z,2026-07-01T08:40:00Z,no,2026-07-03 10:00', // deleted (a time)
      'P5,phone,2026-07-01T08:00:00Z,2026-07-01T08:50:00Z,0,\\N', // kept, 3,000 s
      'P6,phone,2026-07-01T08:00:00Z,2026-07-01T09:00:00Z,maybe,n/a', // kept, 3,600 s, with a note
      'P7,phone,2026-07-01T08:00:00Z,2026-07-01T09:10:00Z,2,"0,0"', // spam (2 is not 0)
      'P8,phone,2026-07-01T08:00:00Z,2026-07-01T09:20:00Z,FALSE,17.07.2026', // deleted (a date)
      'P9,phone,2026-07-01T08:00:00Z,2026-07-01T09:30:00Z,,pending review', // kept, 5,400 s, with a note
    ]);
    // kept P1, P3, P5, P6, P9: 600, 1,800, 3,000, 3,600, 5,400 s, median 3,000 s
    for (const json of await bothWays(path)) {
      expect(json.input.dataQuality.find((d) => d.kind === 'discarded')?.count).toBe(4);
      expect(firstMedians(json)).toEqual([['phone', 5, 3000]]);
    }
    const report = await auditFiles([path]);
    expect(report.input.dataQuality.find((d) => d.kind === 'bad-flag')).toMatchObject({ severity: 'note', count: 2, example: { line: 7, column: 'is_spam', value: 'maybe' } });
  });
});

describe('outbound contacts as other exports spell them (found by an independent attack: they counted as customers waiting)', () => {
  it('channel values: Phone - Outbound, Phone (outbound), Outgoing call, Email - Outbound; Phone - Inbound is phone', async () => {
    const path = file('spelled-outbound.csv', [
      'id,channel,created_at,first_response_at',
      '1,Outbound call,2026-10-01T09:00:00Z,',
      '2,Phone - Outbound,2026-10-01T09:00:00Z,',
      '3,Phone - Inbound,2026-10-01T09:00:00Z,2026-10-01T09:05:00Z',
      '4,Email - Outbound,2026-10-01T09:00:00Z,',
      '5,Phone (outbound),2026-10-01T09:00:00Z,',
      '6,Outgoing call,2026-10-01T09:00:00Z,',
    ]);
    // row 3 the one customer: answered after 300 s
    for (const json of await bothWays(path)) {
      expect(kindCounts(json)).toEqual([['outbound', 5]]);
      expect(firstMedians(json)).toEqual([['phone', 1, 300]]);
    }
  });

  it('direction values: out, Ausgehend, sortant and OUTBOUND are agent-initiated; the rejection keeps the value as written', async () => {
    const path = file('directions.csv', [
      'id,channel,created_at,first_response_at,direction',
      '1,phone,2026-10-01T09:00:00Z,2026-10-01T09:10:00Z,out',
      '2,phone,2026-10-01T09:00:00Z,2026-10-01T09:10:00Z,Ausgehend',
      '3,phone,2026-10-01T09:00:00Z,2026-10-01T09:10:00Z,sortant',
      '4,phone,2026-10-01T09:00:00Z,2026-10-01T09:10:00Z,OUTBOUND',
      '5,phone,2026-10-01T09:00:00Z,2026-10-01T09:20:00Z,in',
      '6,phone,2026-10-01T09:00:00Z,2026-10-01T09:30:00Z,outside line',
    ]);
    // rows 5 and 6 are customers: 1,200 and 1,800 s, median 1,500 s ("outside line" is not "out")
    for (const json of await bothWays(path)) {
      expect(kindCounts(json)).toEqual([['outbound', 4]]);
      expect(firstMedians(json)).toEqual([['phone', 2, 1500]]);
    }
    const rejected: Array<[number, string | null]> = [];
    const report = await auditFiles([path], {}, { minSample: 1 });
    expect(report.input.dataQuality[0]?.example).toMatchObject({ line: 2, column: 'direction', value: 'out' });
    const { loadDataset } = await import('../../../src/load/dataset.js');
    const { resolveSettings } = await import('../../../src/commands/options.js');
    const { Readable } = await import('node:stream');
    await loadDataset(resolveSettings([path], {}, {}, 'test'), { stdin: Readable.from([]), onReject: (issue) => rejected.push([issue.line, issue.value ?? null]) });
    expect(rejected).toEqual([[2, 'out'], [3, 'Ausgehend'], [4, 'sortant'], [5, 'OUTBOUND']]);
  });
});

describe('a channel value the config maps to outbound is excluded as a built-in outbound spelling is, in-process and through DuckDB alike', () => {
  const config = join(dir, 'outbound.config.json');
  writeFileSync(config, JSON.stringify({ channels: { Sortant: 'outbound', 'Appel sortant': 'outbound', Callback: 'outbound' } }));

  it('Sortant, appel sortant (any case) and Callback, which the built-in vocabulary calls phone', async () => {
    const path = file('configured-outbound.csv', [
      'id,channel,created_at,first_response_at',
      '1,Sortant,2026-10-01T09:00:00Z,',
      '2,APPEL SORTANT,2026-10-01T09:00:00Z,',
      '3,sortant,2026-10-01T09:00:00Z,',
      '4,Téléphone,2026-10-01T09:00:00Z,2026-10-01T09:10:00Z',
      '5,Courriel,2026-10-01T09:00:00Z,2026-10-01T09:20:00Z',
      '6,phone,2026-10-01T09:00:00Z,2026-10-01T09:30:00Z',
      '7,Callback,2026-10-01T09:00:00Z,',
    ]);
    // rows 1, 2, 3 and 7 outbound; phone: 600 and 1,800 s, survival exactly 0.5 between them so
    // the median is their midpoint, 1,200 s; email: 1,200 s
    for (const json of await bothWays(path, config)) {
      expect(kindCounts(json)).toEqual([['outbound', 4]]);
      expect(firstMedians(json)).toEqual([['phone', 2, 1200], ['email', 1, 1200]]);
      expect([json.input.rowsRead, json.input.rowsUsed, json.input.rowsRejected]).toEqual([7, 3, 4]);
    }
  });

  it('read from its bytes: configured outbound rows far into a large file', async () => {
    const filler = Array.from({ length: 30_000 }, (_, k) => `F${k},email,2026-10-01T07:00:00Z,2026-10-01T07:10:00Z`);
    const path = file('configured-outbound-large.csv', [
      'id,channel,created_at,first_response_at',
      ...filler,
      'X1,Sortant,2026-10-01T08:00:00Z,', // line 30,002
      'X2,phone,2026-10-01T08:00:00Z,2026-10-01T08:20:00Z',
      'X3,Callback,2026-10-01T08:00:00Z,',
    ]);
    // X1 and X3 outbound; phone: X2 alone, 1,200 s; email: 30,000 at 600 s
    for (const json of await bothWays(path, config)) {
      expect(kindCounts(json)).toEqual([['outbound', 2]]);
      expect(firstMedians(json)).toEqual([['phone', 1, 1200], ['email', 30_000, 600]]);
    }
    const report = await auditFiles([path], {}, { channels: { Sortant: 'outbound', Callback: 'outbound' } });
    expect(report.input.dataQuality[0]?.example).toMatchObject({ line: 30_002, column: 'channel', value: 'Sortant' });
  });
});

describe('a call centre\'s Handle Time is the agent\'s time on the call, not the time to resolution (found by an independent attack)', () => {
  it('is not read as the resolution duration', async () => {
    const path = file('cdr.csv', ['ticket_id,channel,created_at,first_response_at,handle_time', 'C1,phone,2026-10-01T09:00:00Z,2026-10-01T09:02:00Z,340']);
    const report = await auditFiles([path], {}, { minSample: 1 });
    // first response 120 s; no resolution column: resolution not measured, resolved null (read as
    // one, 340 s would be resolved: 1)
    expect(report.channels.map((c) => [c.channel, c.firstResponse.median, c.resolution.resolved])).toEqual([['phone', 120, null]]);
  });
});

describe('channel and status words of localised exports (found by an independent attack: they fell to other and open)', () => {
  it('German, French and Spanish words, in-process and through DuckDB alike', async () => {
    const path = file('localised.csv', [
      'ticket_id,channel,created_at,first_response_at,resolved_at,status',
      'L1,Telefon,2026-10-01T09:00:00Z,2026-10-01T09:05:00Z,2026-10-01T10:00:00Z,Gelöst',
      'L2,Courriel,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,,Offen',
      'L3,Kontaktformular,2026-10-01T09:00:00Z,2026-10-01T09:30:00Z,2026-10-01T11:00:00Z,Résolu',
      'L4,Teléfono,2026-10-01T09:00:00Z,2026-10-01T09:15:00Z,,Cerrado',
    ]);
    // phone L1 (300 s) and L4 (900 s): median 600 s; email L2 3,600 s; web L3 1,800 s.
    // L4 says closed without a resolution time: resolved-without-time, left out of resolution
    for (const json of await bothWays(path)) {
      expect(json.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median, c.resolution.resolved])).toEqual([
        ['phone', 2, 600, 1],
        ['email', 1, 3600, 0],
        ['web', 1, 1800, 1],
      ]);
      expect(json.input.unknownChannels).toEqual([]);
    }
  });

  it('Dutch, Portuguese and Italian channel words, localised outbound calls and open statuses, in-process and through DuckDB alike', async () => {
    const path = file('localised-more.csv', [
      'ticket_id,channel,created_at,first_response_at,resolved_at,status',
      'M1,Telefoon,2026-10-01T09:00:00Z,2026-10-01T09:10:00Z,2026-10-01T10:00:00Z,Opgelost',
      'M2,Ligação telefônica,2026-10-01T09:00:00Z,2026-10-01T09:30:00Z,2026-10-01T12:00:00Z,In behandeling',
      'M3,Correio eletrônico,2026-10-01T09:00:00Z,2026-10-01T11:00:00Z,2026-10-02T09:00:00Z,Resolvido',
      'M4,Webformulier,2026-10-01T09:00:00Z,2026-10-01T09:20:00Z,2026-10-01T11:00:00Z,Em andamento',
      'M5,Modulo web,2026-10-01T09:00:00Z,2026-10-01T09:40:00Z,2026-10-01T12:00:00Z,Chiuso',
      'M6,Chat ao vivo,2026-10-01T09:00:00Z,2026-10-01T09:01:00Z,2026-10-01T09:10:00Z,Resolvido',
      'M7,Redes sociais,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,2026-10-01T13:00:00Z,In sospeso',
      'M8,Telefonanruf (ausgehend),2026-10-01T09:00:00Z,,,',
      'M9,Appel sortant,2026-10-01T09:00:00Z,,,',
      'M10,Llamada telefónica (saliente),2026-10-01T09:00:00Z,,,',
      'M11,Uitgaand gesprek,2026-10-01T09:00:00Z,,,',
      'M12,Brief,2026-10-01T09:00:00Z,2026-10-02T09:00:00Z,,',
    ]);
    // M8–M11: calls the team made, outbound. phone M1 600 s and M2 1,800 s: survival exactly 0.5
    // between them, median their midpoint 1,200 s; M2's status "In behandeling" is open, so its
    // resolution time does not make it resolved (as M4's "Em andamento" and M7's "In sospeso").
    // email M3 7,200 s; web M4 1,200 s and M5 2,400 s: midpoint 1,800 s; social M7 3,600 s;
    // chat M6 60 s; other (a letter) M12 86,400 s.
    const [inProcess, duckdb] = (await bothWays(path)) as [AuditJson, AuditJson];
    for (const json of [inProcess, duckdb]) {
      expect(json.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median, c.resolution.resolved])).toEqual([
        ['phone', 2, 1200, 1],
        ['email', 1, 7200, 1],
        ['web', 2, 1800, 1],
        ['social', 1, 3600, 0],
        ['chat', 1, 60, 1],
        ['other', 1, 86400, 0],
      ]);
      expect(kindCounts(json)).toContainEqual(['outbound', 4]);
      expect([json.input.rowsRead, json.input.rowsUsed, json.input.rowsRejected]).toEqual([12, 8, 4]);
    }
    // every value known (a count table lists each value read as other, the known letter too)
    expect(inProcess.input.unknownChannels).toEqual([]);
    expect(duckdb.input.unknownChannels).toEqual([{ raw: 'Brief', count: 1 }]);
  });
});
