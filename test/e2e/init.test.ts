/**
 * `parity init` end to end: the starter config it writes for each fixture, fed back to `audit`
 * with -c, gives the same numbers as detection did; placeholders are marked and refused loudly;
 * an existing file is never overwritten without --force. Also the config errors users meet.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, runParity } from '../helpers/exec.js';

const AS_OF = ['--as-of', '2026-07-10T00:00:00Z'];
const FIXTURES = [
  'zendesk.csv', 'zendesk.ndjson', 'freshdesk.csv', 'salesforce.csv', 'helpscout.csv', 'intercom.csv', 'hubspot.csv', 'zoho.csv',
  'gorgias.csv', 'tweets.csv', 'servicenow.csv',
];

function channels(stdout: string): unknown {
  const report = JSON.parse(stdout);
  // init sets reference to the most common channel when there is no phone: compare the rest.
  const rest = report.channels.map(({ vsReference: _v, ...c }: any) => c);
  return { format: report.input.format, rows: [report.input.rowsRead, report.input.rowsUsed], channels: rest };
}

describe('parity init, then audit', () => {
  for (const name of FIXTURES) {
    it(`${name}: the written config reproduces the detected audit`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'parity-init-'));
      const init = await runParity(['init', fixture('formats', name)], { cwd: dir });
      expect(init.code, init.stderr).toBe(0);
      expect(init.stdout).toBe('');
      expect(init.stderr).toContain('wrote parity.config.json');
      const config = JSON.parse(readFileSync(join(dir, 'parity.config.json'), 'utf8'));
      expect(config.$schema).toBe('./node_modules/parity-audit/parity.schema.json');
      expect(config.columns.ticketId).toBeTruthy();
      // The user checks the channel values init could not place and deletes its placeholder line.
      if (config.channels) {
        for (const key of Object.keys(config.channels)) if (key.startsWith('<EDIT')) delete config.channels[key];
        writeFileSync(join(dir, 'parity.config.json'), JSON.stringify(config));
      }
      // The default ./parity.config.json is picked up by audit run in the same directory.
      const configured = await runParity(['audit', fixture('formats', name), '--format', 'json', ...AS_OF], { cwd: dir });
      expect(configured.code, configured.stderr).toBe(0);
      const detected = await runParity(['audit', fixture('formats', name), '--format', 'json', ...AS_OF]);
      expect(channels(configured.stdout)).toEqual(channels(detected.stdout));
    });
  }

  it('an export with French headers: every column written by its header, no placeholder', async () => {
    const init = await runParity(['init', fixture('languages', 'fr.csv'), '-o', '-']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).not.toContain('<EDIT');
    const config = JSON.parse(init.stdout);
    expect(config.format).toBe('generic');
    expect(config.columns).toEqual({
      ticketId: 'N° de ticket', customerId: 'Demandeur', channel: 'Canal', createdAt: 'Date de création',
      firstResponseTime: { column: 'Temps de première réponse (minutes)', unit: 'minutes' }, resolvedAt: 'Résolu le',
      status: 'Statut', priority: 'Priorité', category: 'Catégorie', group: 'Équipe', subject: 'Objet',
    });
    expect(config.channels).toBeUndefined();
  });

  it('durations are written with their unit, unknown channel values are marked to edit', async () => {
    const zendesk = JSON.parse((await runParity(['init', fixture('formats', 'zendesk.csv'), '-o', '-'])).stdout);
    expect(zendesk.format).toBe('zendesk');
    expect(zendesk.columns.firstResponseTime).toEqual({ column: 'First reply time in minutes', unit: 'minutes' });
    expect(zendesk.channels).toBeUndefined();

    const zoho = await runParity(['init', fixture('formats', 'zoho.csv'), '-o', '-']);
    const config = JSON.parse(zoho.stdout);
    expect(config.channels['Trade show']).toBe('other');
    const marker = Object.keys(config.channels).find((k) => k.startsWith('<EDIT'));
    expect(marker).toContain('phone, email, web, social, chat, other');
    expect(zoho.stderr).toContain('channels: 1 value no vocabulary knows ("Trade show") mapped to "other"');
    // Zoho times carry no offset: the time zone is flagged for a look.
    expect(zoho.stderr).toContain('timeZone: the timestamps carry no offset');
    expect(config.timeZone).toBe('UTC');
    const berlin = JSON.parse((await runParity(['init', fixture('formats', 'zoho.csv'), '-o', '-', '--tz', 'Europe/Berlin'])).stdout);
    expect(berlin.timeZone).toBe('Europe/Berlin');
  });

  it('the channels placeholder left in place stops audit (exit 2) until the line is deleted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-init-'));
    const file = fixture('formats', 'zoho.csv');
    expect((await runParity(['init', file], { cwd: dir })).code).toBe(0);
    const refused = await runParity(['audit', file], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('channels: the placeholder "<EDIT: map the values above');
    expect(refused.stderr).toContain('then delete the placeholder line');
    const path = join(dir, 'parity.config.json');
    const config = JSON.parse(readFileSync(path, 'utf8'));
    for (const key of Object.keys(config.channels)) if (key.startsWith('<EDIT')) delete config.channels[key];
    writeFileSync(path, JSON.stringify(config));
    expect((await runParity(['audit', file], { cwd: dir })).code).toBe(0);
  });

  it('an unknown layout gets placeholders that audit refuses by name until edited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-init-'));
    const file = fixture('formats', 'unknown-layout.csv');
    const init = await runParity(['init', file], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stderr).toContain('columns.ticketId, columns.channel, columns.createdAt: no column was recognised; headers found: "Case", "Medium Used", "When", "Reply", "Done"');
    const refused = await runParity(['audit', file], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('columns.ticketId names "<EDIT: header holding ticketId: unique ticket id>", but the file has no such column');

    // The user fills in the three headers.
    const path = join(dir, 'parity.config.json');
    const config = JSON.parse(readFileSync(path, 'utf8'));
    config.columns = { ticketId: 'Case', channel: 'Medium Used', createdAt: 'When', firstResponseAt: 'Reply', resolvedAt: 'Done' };
    writeFileSync(path, JSON.stringify(config));
    const audited = await runParity(['audit', file, '--format', 'json', ...AS_OF], { cwd: dir });
    expect(audited.code, audited.stderr).toBe(0);
    const report = JSON.parse(audited.stdout);
    // A-1 Telephone: 09:00 → 09:30 = 1800 s; A-2 Letter → other: 10:00 → 12:00 = 7200 s.
    expect(report.channels.map((c: any) => [c.channel, c.firstResponse.median])).toEqual([['phone', 1800], ['other', 7200]]);
  });

  it('timestamps no style reads get a dateFormat placeholder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-init-'));
    const file = join(dir, 'dates.csv');
    writeFileSync(file, 'ticket_id,channel,created_at\n1,Phone,1 Jul 2026 9am\n2,Email,2 Jul 2026 10am\n');
    const r = await runParity(['init', file, '-o', '-'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).dateFormat).toMatch(/^<EDIT: date-fns pattern/);
    expect(r.stderr).toContain('dateFormat: the timestamps in "created_at" were not recognised');
  });

  it('channel values with C1, line-separator and bidi controls are written escaped to the file, as to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-init-'));
    const file = join(dir, 'hostile-channels.csv');
    // three channel values no vocabulary knows: "Pigeon" + U+009B (CSI, a C1 control), "Pager" +
    // U+2028 (line separator) + "x", U+202E (right-to-left override) + "liame"
    writeFileSync(file, 'ticket_id,channel,created_at\n1,Phone,2026-07-01T09:00:00Z\n2,Pigeon\u009b,2026-07-01T10:00:00Z\n3,Pager\u2028x,2026-07-01T11:00:00Z\n4,\u202eliame,2026-07-01T12:00:00Z\n');
    const r = await runParity(['init', file, '-o', 'parity.config.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'parity.config.json'), 'utf8');
    expect(text).not.toMatch(/[\u0080-\u009f\u2028\u2029\u202a-\u202e]/);
    // each as a JSON \u escape (the keys sorted by code unit: Pa, Pi, U+202E)
    expect(text).toContain('"channels": {\n    "Pager\\u2028x": "other",\n    "Pigeon\\u009b": "other",\n    "\\u202eliame": "other",');
    // the escapes read back as the values themselves, so the mapping still matches the data
    expect(Object.keys(JSON.parse(text).channels).slice(0, 3)).toEqual(['Pager\u2028x', 'Pigeon\u009b', '\u202eliame']);
    // the same text as `init -o -` writes to stdout
    const stdout = await runParity(['init', file, '-o', '-'], { cwd: dir });
    expect(stdout.code, stdout.stderr).toBe(0);
    expect(text).toBe(stdout.stdout);
  });

  it('a channel value __proto__ is written as the key it is, and audit maps it back (found by an independent attack)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-init-'));
    const file = join(dir, 'proto.csv');
    writeFileSync(file, 'ticket_id,channel,created_at,first_response_at\n1,__proto__,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z\n2,Carrier pigeon,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z\n3,phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z\n');
    const r = await runParity(['init', file, '-o', '-'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('"channels": {\n    "Carrier pigeon": "other",\n    "__proto__": "other",');
  });

  it('init -c old.json keeps the old config whole (channel map, minSample, gates, tolerance) and adds what it detects (found by an independent attack)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-init-keep-'));
    // pigeon and smoke are no channel a vocabulary knows: the old config maps them
    writeFileSync(
      join(dir, 'mismapped.csv'),
      'ticket_id,channel,created_at,first_response_at\n1,pigeon,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z\n2,pigeon,2026-10-01T09:00:00Z,2026-10-01T11:00:00Z\n3,smoke,2026-10-01T09:00:00Z,2026-10-01T09:10:00Z\n4,smoke,2026-10-01T09:00:00Z,2026-10-01T09:20:00Z\n',
    );
    const old = { channels: { pigeon: 'phone', smoke: 'social' }, minSample: 2, gates: ['findings.significant > 5'], tolerance: { low: 0.9, high: 1.1 } };
    writeFileSync(join(dir, 'old.json'), JSON.stringify(old));
    const init = await runParity(['init', 'mismapped.csv', '-c', 'old.json', '-o', 'new.json', '--tz', 'Europe/Paris'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'new.json'), 'utf8'));
    expect(written).toMatchObject({ ...old, format: 'generic', reference: 'phone', timeZone: 'Europe/Paris' });
    expect(written.columns).toEqual({ ticketId: 'ticket_id', channel: 'channel', createdAt: 'created_at', firstResponseAt: 'first_response_at' });
    // the same numbers from either config: phone 1h and 2h (median 1h 30m), social 10m and 20m
    const before = await runParity(['audit', 'mismapped.csv', '-c', 'old.json', '--tz', 'Europe/Paris', '--format', 'json'], { cwd: dir });
    const after = await runParity(['audit', 'mismapped.csv', '-c', 'new.json', '--format', 'json'], { cwd: dir });
    const medians = (stdout: string) => JSON.parse(stdout).channels.map((c: any) => [c.channel, c.firstResponse.median]);
    expect(medians(after.stdout)).toEqual([['phone', 5400], ['social', 900]]);
    expect(medians(before.stdout)).toEqual(medians(after.stdout));
  });

  it('-o - prints the config and tells to save it to a file, not to audit with -c -', async () => {
    // (helpscout.csv leaves nothing to edit, so init says how to audit with it)
    const run = await runParity(['init', fixture('formats', 'helpscout.csv'), '-o', '-']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).format).toBe('helpscout');
    expect(run.stderr).toContain('save it to a file, then run: parity audit');
    expect(run.stderr).toContain('helpscout.csv -c <file>');
    expect(run.stderr).not.toContain('-c -');
  });

  it('refuses to overwrite without --force; -o chooses the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-init-'));
    writeFileSync(join(dir, 'parity.config.json'), '{"reference": "email"}\n');
    const refused = await runParity(['init', fixture('formats', 'zendesk.csv')], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('parity.config.json: already exists; not overwritten');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'parity.config.json'), 'utf8')).toBe('{"reference": "email"}\n');

    const other = await runParity(['init', fixture('formats', 'zendesk.csv'), '-o', 'zd.json'], { cwd: dir });
    expect(other.code, other.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'zd.json'), 'utf8')).format).toBe('zendesk');

    const forced = await runParity(['init', fixture('formats', 'zendesk.csv'), '--force'], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'parity.config.json'), 'utf8')).format).toBe('zendesk');
  });

  it('without a file: a blank starter that names what to fill in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-init-'));
    const r = await runParity(['init'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('blank starter');
    expect(existsSync(join(dir, 'parity.config.json'))).toBe(true);
    const config = JSON.parse(readFileSync(join(dir, 'parity.config.json'), 'utf8'));
    expect(Object.keys(config.columns)).toEqual(['ticketId', 'channel', 'createdAt', 'firstResponseAt', 'resolvedAt']);
    expect(config.format).toBeUndefined();
  });
});

describe('configuration and layout errors (exit 2, named)', () => {
  const zoho = fixture('formats', 'zoho.csv');
  function config(text: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'parity-config-'));
    const path = join(dir, 'parity.config.json');
    writeFileSync(path, text);
    return path;
  }

  it('an unknown key is named with its path', async () => {
    const r = await runParity(['audit', zoho, '-c', config('{"columns": {"ticketId": "Ticket Id", "createdOn": "Created Time"}}')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('invalid configuration: unknown key "columns.createdOn"');
  });

  it('a bad value is named with its path', async () => {
    const r = await runParity(['audit', zoho, '-c', config('{"channels": {"Trade show": "fax"}}')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('channels.Trade show');
    expect(r.stderr).toContain('"phone"|"email"|"web"|"social"|"chat"|"other"');
    const unit = await runParity(['audit', zoho, '-c', config('{"columns": {"firstResponseTime": {"column": "First Response Time", "unit": "fortnights"}}}')]);
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('columns.firstResponseTime.unit');
  });

  it('an unknown layout lists the headers found and every columns key to set', async () => {
    const r = await runParity(['audit', fixture('formats', 'unknown-layout.csv')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown-layout.csv:1: no ticket-id, channel or creation-time column; map them with columns.ticketId, columns.channel, columns.createdAt');
    expect(r.stderr).toContain('headers found: "Case", "Medium Used", "When", "Reply", "Done"');
  });
});

describe('parity init: a date order no sampled value settles', () => {
  it('lists the dateFormat edit for the other order: dd/MM for slash dates read month-first, MM-dd for dash dates read day-first', async () => {
    // every day ≤ 12 in both files: slashes are read month-first by default, dashes day-first
    for (const [sep, order, other] of [['/', 'month-first (MM/DD)', 'dd/MM/yyyy HH:mm'], ['-', 'day-first (DD-MM)', 'MM-dd-yyyy HH:mm']] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'parity-init-order-'));
      const file = join(dir, 'export.csv');
      writeFileSync(file, `ticket_id,channel,created_at,first_response_at\nT1,phone,05${sep}01${sep}2026 09:00,05${sep}01${sep}2026 10:00\nT2,email,06${sep}01${sep}2026 09:00,07${sep}01${sep}2026 09:00\n`);
      const init = await runParity(['init', file], { cwd: dir });
      expect(init.code, init.stderr).toBe(0);
      expect(init.stderr).toContain(`dateFormat: no date in "created_at", "first_response_at" has a day over 12, so they are read ${order} only by default`);
      expect(init.stderr).toContain(`add "dateFormat": "${other}"`);
    }
  });
});

describe('parity init with many unknown channel values (found by an attack)', () => {
  it('stderr names the first 20 and says how many more; the config maps all 30', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-init-many-'));
    const input = join(dir, 'many.csv');
    const rows = Array.from({ length: 30 }, (_, k) => `T${k},Pigeon ${String(k).padStart(2, '0')},2026-10-01T09:00:00Z`);
    writeFileSync(input, `ticket_id,channel,created_at\n${rows.join('\n')}\n`);
    const out = join(dir, 'parity.config.json');
    const r = await runParity(['init', input, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('channels: 30 values no vocabulary knows ("Pigeon 00", "Pigeon 01",');
    expect(r.stderr).toContain('"Pigeon 19", and 10 more in the file) mapped to "other"');
    expect(r.stderr).not.toContain('"Pigeon 20"');
    const channels = JSON.parse(readFileSync(out, 'utf8')).channels as Record<string, string>;
    expect(Object.keys(channels).filter((k) => k.startsWith('Pigeon'))).toHaveLength(30);
  });
});

describe('parity init with a channel value that looks like another (found by an attack)', () => {
  it('writes it with \\u escapes, as inspect shows it, and the config still maps that value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-init-lookalike-'));
    const input = join(dir, 'lookalike.csv');
    // "Phоne" with a Cyrillic о (U+043E) beside "Phone"
    writeFileSync(input, 'ticket_id,channel,created_at\n1,Phone,2026-10-01T09:00:00Z\n2,Ph\u043ene,2026-10-01T09:00:00Z\n');
    const out = join(dir, 'parity.config.json');
    const r = await runParity(['init', input, '-o', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('"Ph\\u043ene": "other"');
    expect(text).not.toContain('Ph\u043ene');
    expect(r.stderr).toContain('("Ph\\u043ene") mapped to "other"');
    expect(Object.keys(JSON.parse(text).channels)).toContain('Ph\u043ene');
  });
});

describe('parity init on files of different layouts (found by an attack)', () => {
  it('refuses before writing anything: one config maps one layout, and the audit it was written for had failed on the second file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-init-mixed-'));
    const r = await runParity(['init', fixture('formats', 'servicenow.csv'), fixture('formats', 'zendesk.csv')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('servicenow.csv is servicenow and');
    expect(r.stderr).toContain('zendesk.csv is zendesk): one config maps one layout');
    expect(r.stderr).toContain('audit them without a config');
    expect(existsSync(join(dir, 'parity.config.json'))).toBe(false);
  });

  it('refuses files of one format whose headers differ (a column the first maps is missing)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-init-headers-'));
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, 'ticket_id,channel,created_at,first_response_at\nT1,phone,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z\n');
    writeFileSync(b, 'id,channel,created_at\nT2,email,2026-10-01T10:00:00Z\n');
    const r = await runParity(['init', a, b, '-o', join(dir, 'c.json')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/b\.csv has no column "ticket_id", "first_response_at", which .*a\.csv maps/);
    expect(existsSync(join(dir, 'c.json'))).toBe(false);
  });
});

describe('parity init on files whose headers differ only in case (found by a review)', () => {
  it('takes them for one layout, as the config it writes reads both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-init-case-'));
    const a = join(dir, 'f1.csv');
    const b = join(dir, 'f2.csv');
    writeFileSync(a, 'ticket_id,channel,created_at\nT1,phone,2026-10-01T10:00:00Z\n');
    writeFileSync(b, 'Ticket_ID,Channel,Created_At\nT2,email,2026-10-01T10:00:00Z\n');
    const r = await runParity(['init', a, b, '-o', join(dir, 'c.json')], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const audit = await runParity(['audit', a, b, '-c', join(dir, 'c.json'), '--format', 'json'], { cwd: dir });
    expect(audit.code, audit.stderr).toBe(0);
    expect(JSON.parse(audit.stdout).input.tickets).toBe(2);
  });
});
