/**
 * `parity inspect` output, compared exactly with reviewed golden files in test/golden/inspect/.
 * After an intended change run `UPDATE_GOLDEN=1 npx vitest run test/e2e/inspect.test.ts`, then
 * read the diff of the goldens before committing them.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, ROOT, runParity } from '../helpers/exec.js';

const GOLDEN = join(ROOT, 'test', 'golden', 'inspect');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function matchGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`missing golden ${name}; run with UPDATE_GOLDEN=1 to write it, then review it`);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const FIXTURES = [
  'zendesk.csv', 'zendesk.ndjson', 'freshdesk.csv', 'salesforce.csv', 'helpscout.csv', 'intercom.csv', 'hubspot.csv', 'zoho.csv',
  'gorgias.csv', 'tweets.csv', 'servicenow.csv', 'unknown-layout.csv',
];

describe('parity inspect (golden files)', () => {
  for (const name of FIXTURES) {
    it(`${name}: text`, async () => {
      // A relative path keeps the golden free of this machine's directories.
      const r = await runParity(['inspect', `fixtures/formats/${name}`, '--as-of', '2026-07-10T00:00:00Z'], { cwd: ROOT });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      matchGolden(`${name.replace(/\.[a-z]+$/, '')}${name.endsWith('.ndjson') ? '-ndjson' : ''}.txt`, r.stdout);
    });
  }

  it('zendesk.csv: JSON', async () => {
    const r = await runParity(['inspect', 'fixtures/formats/zendesk.csv', '--format', 'json', '--as-of', '2026-07-10T00:00:00Z'], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    matchGolden('zendesk.json', r.stdout);
  });

  it('a configured mapping shows as (config), and channels mapped by the config are known', async () => {
    const dir = join(ROOT, 'test', 'golden', 'inspect');
    const r = await runParity(
      ['inspect', 'fixtures/formats/unknown-layout.csv', '-c', join(dir, 'unknown-layout.config.json')],
      { cwd: ROOT },
    );
    expect(r.code, r.stderr).toBe(0);
    matchGolden('unknown-layout-configured.txt', r.stdout);
  });

  it('an unknown --format is a usage error', async () => {
    const r = await runParity(['inspect', 'fixtures/formats/zendesk.csv', '--format', 'html'], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format html is not available for inspect');
  });

  it('the event-order line names the field that is missing, not always the creation time (found by a review)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-inspect-'));
    const path = join(dir, 'no-id.csv');
    writeFileSync(path, 'Contact Method,Opened,First Reply,Closed\nPhone,10/1/2026 9:00 AM,10/1/2026 10:00 AM,10/1/2026 9:30 AM\n');
    const r = await runParity(['inspect', path, '--no-config']);
    // the row is answered at 10:00 and closed at 9:30: resolved before its first response
    expect(r.stdout).toContain('  without ticketId no ticket can be audited; of 1 rows with both a first-response and a resolution time, 1 resolve before the first response');
    expect(r.stdout).not.toContain('without a creation time no duration');
  });
});


describe('inspect of a very wide file: the unused columns are capped in the text, complete in the JSON', () => {
  it('250 unused columns: the first 20, then "and 230 more"; JSON lists all 250', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-inspect-wide-'));
    const path = join(dir, 'wide.csv');
    const extra = Array.from({ length: 250 }, (_, k) => `x${String(k + 1).padStart(3, '0')}`);
    writeFileSync(path, `${['ticket_id', 'channel', 'created_at', ...extra].join(',')}\n${['1', 'phone', '2026-10-01T09:00:00Z', ...extra.map(() => '')].join(',')}\n`);
    const text = await runParity(['inspect', path, '--no-config']);
    expect(text.code, text.stderr).toBe(0);
    // x001 … x020 shown; 250 − 20 = 230 left to the JSON
    const shown = extra.slice(0, 20).map((h) => `"${h}"`).join(', ');
    expect(text.stdout).toContain(`  unused columns: ${shown}, and 230 more: --format json lists them all\n`);
    expect(text.stdout).not.toContain('"x021"');
    const json = await runParity(['inspect', path, '--no-config', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as { files: Array<{ unusedColumns: string[] }> }).files[0]?.unusedColumns).toEqual(extra);
  });

  it('20 unused columns are all shown, 21 leave "1 more"', async () => {
    const { unusedColumnsText } = await import('../../src/render/inspect.js');
    const names = Array.from({ length: 21 }, (_, k) => `c${k + 1}`);
    expect(unusedColumnsText(names.slice(0, 20))).toBe(names.slice(0, 20).map((h) => `"${h}"`).join(', '));
    expect(unusedColumnsText(names)).toBe(`${names.slice(0, 20).map((h) => `"${h}"`).join(', ')}, and 1 more: --format json lists them all`);
  });
});

describe('inspect and the options it has no use for (found by an independent attack: accepted and ignored)', () => {
  it('--strict and --rejects are usage errors naming the command that does it', async () => {
    const strict = await runParity(['inspect', fixture('small.csv'), '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('parity: --strict is not an option of inspect');
    const rejects = await runParity(['inspect', fixture('small.csv'), '--rejects', 'r.csv']);
    expect(rejects.code).toBe(2);
    expect(rejects.stderr).toContain('parity audit <file> --rejects rejected.csv does that');
  });

  it('and inspect --help does not list them (it did, as if they worked), while audit --help does', async () => {
    const help = await runParity(['inspect', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--input-format <id>');
    expect(help.stdout).not.toContain('--strict');
    expect(help.stdout).not.toContain('--rejects');
    const audit = await runParity(['audit', '--help']);
    expect(audit.stdout).toContain('--strict');
    expect(audit.stdout).toContain('--rejects <file>');
  });
});

describe('a timestamp column with no value in the rows sampled (found by an independent attack)', () => {
  it('inspect says so, not "set dateFormat"; init asks for no dateFormat', async () => {
    // resolved_at is empty in every row: nothing to recognise, nothing to set
    const dir = mkdtempSync(join(tmpdir(), 'parity-inspect-empty-'));
    const path = join(dir, 'empty.csv');
    writeFileSync(path, 'ticket_id,channel,created_at,first_response_at,resolved_at\nT1,email,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,\nT2,phone,2026-10-01T09:00:00Z,,\n');
    const inspected = await runParity(['inspect', path]);
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toContain('timestamps resolvedAt ("resolved_at"): no value in the rows sampled (read in the style of its first value)');
    expect(inspected.stdout).not.toContain('set dateFormat');
    const init = await runParity(['init', path, '-o', join(dir, 'parity.config.json')]);
    expect(init.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'parity.config.json'), 'utf8'))).not.toHaveProperty('dateFormat');
  });
});

describe('a header that names a time zone (found by an attack: the note was the audit\'s only)', () => {
  it('inspect says what the audit\'s note says, before the audit; not when --tz is that zone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-inspect-zone-'));
    const path = join(dir, 'zone.csv');
    writeFileSync(path, 'Ticket ID,Channel,Created (GMT+2),Resolved (GMT+2)\nT1,Phone,2026-10-01 10:00,2026-10-02 10:00\n');
    const inspected = await runParity(['inspect', path]);
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toContain('createdAt          ← "Created (GMT+2)"');
    expect(inspected.stdout).toContain('note: columns "Created (GMT+2)" and "Resolved (GMT+2)" say their times are in GMT+2, but times without an offset are read in UTC: give --tz Etc/GMT-2');
    const told = await runParity(['inspect', path, '--tz', 'Etc/GMT-2']);
    expect(told.code).toBe(0);
    expect(told.stdout).not.toContain('note: columns');
  });
});

describe('a control character from the data is shown as one escape, as the audit shows it', () => {
  it('inspect (headers, channel values, unused columns) and the audit table write ESC as \\u001b, not \\\\u001b', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-inspect-escape-'));
    const path = join(dir, 'escape.csv');
    // ESC in the subject's header, in an unused column's header and in one channel value
    writeFileSync(
      path,
      'ticket_id,channel,created_at,sub\u001bject,no\u001bte\n' +
        'T1,Ph\u001b[31mone,2026-10-01T09:00:00Z,a,b\n' +
        'T2,email,2026-10-01T10:00:00Z,a,b\n' +
        'T3,email,2026-10-0\u001b1,a,b\n',
    );
    const inspected = await runParity(['inspect', path, '--no-config']);
    expect(inspected.code, inspected.stderr).toBe(0);
    expect(inspected.stdout).not.toContain('\u001b');
    expect(inspected.stdout).not.toContain('\\\\u001b');
    expect(inspected.stdout).toContain('    subject            ← "sub\\u001bject"\n');
    expect(inspected.stdout).toContain('  unused columns: "no\\u001bte"\n');
    expect(inspected.stdout).toMatch(/\n {4}"Ph\\u001b\[31mone" +1 {2}→ other/);
    // the row problem was already written this way: the same form everywhere
    expect(inspected.stdout).toContain('cannot read date "2026-10-0\\u001b1"');
    const audited = await runParity(['audit', path, '--no-config']);
    expect(audited.stdout).not.toContain('\\\\u001b');
    expect(audited.stdout).toContain('Unknown channel values mapped to other: "Ph\\u001b[31mone" (1);');
    expect(audited.stdout).toContain('cannot read date "2026-10-0\\u001b1"');
  });
});

describe('a first-response column none of whose values is read (found while checking duration words)', () => {
  it('says to set dateFormat or to map it as a duration with its unit, naming the column; created gets the date format only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-inspect-frt-'));
    const file = join(dir, 'fortnights.csv');
    writeFileSync(file, 'ticket_id,channel,created_at,first_response_time\nT1,phone,2026-10-01T09:00:00Z,5 fortnights\nT2,email,2026-10-01T09:00:00Z,3 fortnights\n');
    const r = await runParity(['inspect', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('  timestamps firstResponseAt ("first_response_time"): not recognised; set dateFormat, or, if it holds durations, map it with their unit: "columns": { "firstResponseTime": { "column": "first_response_time", "unit": "minutes" } }\n');
    expect(r.stdout).toContain('  timestamps createdAt ("created_at"): ISO 8601');
    // the values are not lost: each row is left out of first response with its line and value
    expect(r.stdout).toMatch(/bad-first-response ×2 {2}e\.g\. line 2 \(first_response_time\): cannot read "5 fortnights"/);
  });
});
