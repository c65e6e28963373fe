/**
 * `parity tickets`: the per-ticket drill-down, checked by hand on fixtures/tickets/drilldown.csv
 * (five tickets, SLA targets in fixtures/tickets/sla.config.json), and against the audit's own
 * counts on the demo export.
 *
 * By hand (as-of = the latest timestamp, T5's resolution 2026-10-05T09:10Z):
 *   T1 phone   answered 1h (3600 s), resolved 3h (10800 s): SLA 4h / 2d met, met
 *   T2 email   unanswered, open: age 4d 10m = 346200 s; email SLA 1d: breached, breached
 *   T3 social  answered 30m (1800 s), open: age 3d 10m = 259800 s; 25,000 followers → 10k-100k;
 *              all capitals and "!!!" → shouting; customer B's T2 (email) still open a day
 *              earlier → jump from T2 after 86400 s; SLA 4h met, resolution 2d breached
 *   T4 email   answered 1d (86400 s, exactly its 1d target: met), resolved 2d (172800 s: met)
 *   T5 chat    answered 2m (120 s), resolved 10m (600 s): met, met
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { fixture, runParity } from '../helpers/exec.js';

const FILE = fixture('tickets', 'drilldown.csv');
const CONFIG = fixture('tickets', 'sla.config.json');

async function rows(...args: string[]): Promise<Array<Record<string, string>>> {
  const result = await runParity(['tickets', FILE, '-c', CONFIG, ...args]);
  expect(result.code).toBe(0);
  return parse(result.stdout, { columns: true }) as Array<Record<string, string>>;
}

const ids = (list: Array<Record<string, string>>): string[] => list.map((r) => r.ticket_id as string);

describe('parity tickets', () => {
  it('lists every ticket with what was measured, worked by hand', async () => {
    const list = await rows();
    expect(ids(list)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    const byId = Object.fromEntries(list.map((r) => [r.ticket_id, r]));
    expect(byId.T1).toMatchObject({ channel: 'phone', channel_raw: 'Phone', created: '2026-10-01T09:00:00.000Z', answered: 'yes', first_response_s: '3600', resolved: 'yes', resolution_s: '10800', age_s: '', sla_first_response: 'met', sla_resolution: 'met', line: '2' });
    expect(byId.T2).toMatchObject({ channel: 'email', answered: 'no', first_response_s: '', resolved: 'no', age_s: '346200', sla_first_response: 'breached', sla_resolution: 'breached' });
    expect(byId.T3).toMatchObject({ channel: 'social', channel_raw: 'Twitter', first_response_s: '1800', resolved: 'no', age_s: '259800', followers: '25000', follower_band: '10k-100k', loud: 'shouting', jump_from: 'T2', jump_waited_s: '86400', sla_first_response: 'met', sla_resolution: 'breached' });
    expect(byId.T4).toMatchObject({ first_response_s: '86400', resolution_s: '172800', sla_first_response: 'met', sla_resolution: 'met' });
    expect(byId.T5).toMatchObject({ channel: 'chat', first_response_s: '120', resolution_s: '600', jump_from: '' });
  });

  it('filters: --unanswered, --open, --breached, --waited-over, --channel (canonical or raw)', async () => {
    expect(ids(await rows('--unanswered'))).toEqual(['T2']);
    expect(ids(await rows('--open'))).toEqual(['T2', 'T3']);
    expect(ids(await rows('--breached'))).toEqual(['T2', 'T3']);
    // T4 waited exactly 1d: not over it; T2 is still waiting after 4d
    expect(ids(await rows('--waited-over', '1d'))).toEqual(['T2']);
    expect(ids(await rows('--waited-over', '23h'))).toEqual(['T2', 'T4']);
    expect(ids(await rows('--channel', 'social'))).toEqual(['T3']);
    expect(ids(await rows('--channel', 'Email,chat'))).toEqual(['T2', 'T4', 'T5']);
    expect(ids(await rows('--open', '--channel', 'email'))).toEqual(['T2']);
  });

  it('writes JSON and NDJSON with the same rows, durations in seconds', async () => {
    const json = await runParity(['tickets', FILE, '-c', CONFIG, '--format', 'json']);
    const doc = JSON.parse(json.stdout) as { asOf: string; clock: string; tickets: Array<{ ticketId: string; ageSeconds: number | null; loud: string[] }> };
    expect(doc.asOf).toBe('2026-10-05T09:10:00.000Z');
    expect(doc.clock).toBe('calendar');
    expect(doc.tickets.find((t) => t.ticketId === 'T2')?.ageSeconds).toBe(346200);
    const ndjson = await runParity(['tickets', FILE, '-c', CONFIG, '--format', 'ndjson', '--unanswered']);
    const lines = ndjson.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ticketId: string; answered: boolean });
    expect(lines).toEqual([expect.objectContaining({ ticketId: 'T2', answered: false })]);
  });

  it('--redact replaces customer ids with stable pseudonyms', async () => {
    const list = await rows('--redact');
    const customers = list.map((r) => r.customer_id as string);
    for (const c of customers) expect(c).toMatch(/^customer-[0-9a-f]{8}$/);
    // T2 and T3 are both customer B
    expect(customers[1]).toBe(customers[2]);
    expect(new Set(customers).size).toBe(4);
  });

  it('--redact also covers ticket ids holding an address or a handle, and the jump origin (found by an independent attack)', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'parity-tickets-redact-')), 'ids.csv');
    // c1 writes by e-mail (its ticket id is the sender's address), then on social a day later
    // while still unanswered: a jump whose origin is that address
    writeFileSync(file, 'ticket_id,customer_id,channel,created_at,first_response_at\nalice@corp.com,c1,Email,2026-10-01T09:00:00Z,\n@bobhandle,c1,Twitter,2026-10-02T09:00:00Z,2026-10-02T09:10:00Z\n');
    const run = await runParity(['tickets', file, '--redact']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('alice');
    expect(run.stdout).not.toContain('bobhandle');
    const list = parse(run.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(list.map((r) => r.ticket_id)).toEqual([expect.stringMatching(/^email-[0-9a-f]{8}$/), expect.stringMatching(/^'?@handle-[0-9a-f]{8}$/)]);
    expect(list[1]?.jump_from).toBe(list[0]?.ticket_id);
  });

  it('a --channel value no ticket has is said on stderr, not only an empty list (found by an independent attack)', async () => {
    const run = await runParity(['tickets', FILE, '-c', CONFIG, '--channel', 'phnoe,email']);
    expect(run.code).toBe(0);
    // drilldown.csv's channels: phone (T1), email (T2, T4), social (T3), chat (T5)
    expect(run.stderr).toContain('parity: --channel "phnoe" is no channel and no raw channel value of any ticket (channels present: phone, email, social, chat)');
    expect(run.stderr).not.toContain('"email" is no channel');
    expect(ids(parse(run.stdout, { columns: true }) as Array<Record<string, string>>)).toEqual(['T2', 'T4']);
  });

  it('a --channel value is echoed as typed, though matched ignoring case', async () => {
    // PHNOE is no channel: said once (phnoe is the same value), in the user's capitals; EMAIL and
    // TWITTER match email (T2, T4) and T3's raw value Twitter, so they are listed, not noted
    const run = await runParity(['tickets', FILE, '-c', CONFIG, '--channel', 'PHNOE,EMAIL', '--channel', 'phnoe,TWITTER']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('parity: --channel "PHNOE" is no channel and no raw channel value of any ticket (channels present: phone, email, social, chat)\n');
    expect(run.stderr).not.toContain('"phnoe"');
    expect(run.stderr.match(/is no channel/g)).toHaveLength(1);
    expect(ids(parse(run.stdout, { columns: true }) as Array<Record<string, string>>)).toEqual(['T2', 'T3', 'T4']);
    // what the user typed is data too: an escape character in it is shown escaped
    const escaped = await runParity(['tickets', FILE, '-c', CONFIG, '--channel', 'Ph\u001bX']);
    expect(escaped.stderr).toContain('parity: --channel "Ph\\u001bX" is no channel');
  });

  it('--channel with no value in it (an unset shell variable) is a usage error, not an empty list in silence', async () => {
    for (const value of ['', ' , ']) {
      const run = await runParity(['tickets', FILE, '-c', CONFIG, '--channel', value]);
      expect(run.code, JSON.stringify(value)).toBe(2);
      expect(run.stderr).toBe(`parity: --channel "${value}" names no channel\n  write e.g. --channel social or --channel email,chat, or leave --channel out to list every channel\n`);
      expect(run.stdout).toBe('');
    }
  });

  it('leaves out the SLA columns without sla, and refuses --breached then', async () => {
    const plain = await runParity(['tickets', FILE]);
    expect(plain.stdout.split('\n')[0]).not.toContain('sla_');
    expect(plain.stderr).toContain('no sla in the config');
    const refused = await runParity(['tickets', FILE, '--breached']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--breached needs SLA targets');
    const badDuration = await runParity(['tickets', FILE, '--waited-over', 'soon']);
    expect(badDuration.code).toBe(2);
  });

  it('no usable ticket is an input error (exit 2) saying why, as for audit, not an empty list dated 1970', async () => {
    const r = await runParity(['tickets', fixture('bad', 'header-only.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no usable tickets: nothing to audit');
    expect(r.stderr).not.toContain('1970');
    expect(r.stdout).toBe('');
  });

  it('lists exactly the tickets the audit counts, channel by channel', async () => {
    const demo = fixture('demo.csv');
    const [audit, list] = await Promise.all([runParity(['audit', demo, '--format', 'json']), runParity(['tickets', demo, '--format', 'ndjson'])]);
    const report = JSON.parse(audit.stdout) as { input: { tickets: number }; channels: Array<{ channel: string; tickets: number; answered: number }> };
    const tickets = list.stdout.trim().split('\n').map((l) => JSON.parse(l) as { channel: string; answered: boolean | null });
    expect(tickets.length).toBe(report.input.tickets);
    for (const c of report.channels) {
      const mine = tickets.filter((t) => t.channel === c.channel);
      expect(mine.length).toBe(c.tickets);
      expect(mine.filter((t) => t.answered === true).length).toBe(c.answered);
    }
  });
});

describe('parity tickets --rejects when every row is rejected (found by a review)', () => {
  it('exits 2 and keeps and names the rejects file', async () => {
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'parity-tickets-rejected-'));
    const input = join(dir, 'all-rejected.csv');
    const out = join(dir, 'rejects.csv');
    writeFileSync(input, 'ticket_id,channel,created_at\n,phone,2026-10-01T09:00:00Z\nT2,email,garbage\n');
    const r = await runParity(['tickets', input, '--rejects', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`The rejected rows are written to ${out}.`);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});
