/** The built binary, as a user runs it: stdout, stderr and exit code. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, runParity } from '../helpers/exec.js';

const AS_OF = ['--as-of', '2026-10-10T00:00:00Z'];
const tmp = mkdtempSync(join(tmpdir(), 'parity-e2e-'));

function json(stdout: string): any {
  return JSON.parse(stdout);
}

describe('parity audit (end to end)', () => {
  it('prints the table for the demo export', async () => {
    const r = await runParity(['audit', fixture('demo.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('parity audit — 3,050 tickets from');
    for (const ch of ['phone', 'email', 'web', 'social', 'chat']) expect(r.stdout).toMatch(new RegExp(`│ ${ch}\\s`));
    expect(r.stdout).toContain('Follower bands');
    expect(r.stdout).toContain('3,050 rows read: 3,050 used, 0 rejected.');
    expect(r.stdout).not.toMatch(/\u001b\[/); // NO_COLOR: no escape codes
  });

  it('writes JSON schemaVersion 2 with the hand-computed numbers', async () => {
    const r = await runParity(['audit', fixture('small.csv'), '--format', 'json', ...AS_OF]);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(report.schemaVersion).toBe(2);
    expect(report.reference).toBe('phone');
    const phone = report.channels.find((c: any) => c.channel === 'phone');
    // Kaplan–Meier with P5 (never answered) still waiting: S(1h) .8, S(2h) .6, S(3h) .4 → 3h;
    // the answered-only median of 1h 2h 3h 4h is 2h 30m (test/unit/pipeline.test.ts has the rest).
    expect(phone.firstResponse).toMatchObject({ median: 10800, bound: null, answeredMedian: 9000, method: 'kaplan-meier' });
    expect(phone.resolution.median).toBe(259200);
    // S never reaches .1: p90 is a lower bound, the observed times' p90 (745200 s, the open tickets' age)
    expect(phone.resolution).toMatchObject({ p90: 745200, p90Bound: 'lower' });
  });

  it('reads standard input with -', async () => {
    const r = await runParity(['audit', '-', '--format', 'json', ...AS_OF], { stdin: readFileSync(fixture('small.csv')) });
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(report.input.files).toEqual(['<stdin>']);
    expect(report.channels.find((c: any) => c.channel === 'phone').firstResponse.median).toBe(10800);
  });

  it('reads gzip, and semicolon + BOM + CRLF, to the same numbers', async () => {
    const plain = json((await runParity(['audit', fixture('small.csv'), '--format', 'json', ...AS_OF])).stdout);
    for (const file of ['small.csv.gz', 'semicolon-bom-crlf.csv', 'windows-1252.csv', 'utf16le.tsv']) {
      const r = await runParity(['audit', fixture(file), '--format', 'json', ...AS_OF]);
      expect(r.code, file).toBe(0);
      const other = json(r.stdout);
      expect(other.channels).toEqual(plain.channels);
      expect(other.input.rowsRead).toBe(11);
    }
    // gzip on standard input too
    const gz = await runParity(['audit', '-', '--format', 'json', ...AS_OF], { stdin: readFileSync(fixture('small.csv.gz')) });
    expect(json(gz.stdout).channels).toEqual(plain.channels);
  });

  it('a value that is not UTF-8 after a UTF-8 start is read as Windows-1252 and said in a note', async () => {
    // 2,000 ASCII rows (~80 KiB: past the 64 KiB the encoding is sniffed on), then one row whose
    // category is "Facturación" in Windows-1252 (ó = 0xF3)
    const rows = ['ticket_id,channel,created_at,category'];
    for (let i = 0; i < 2000; i++) rows.push(`T${i},email,2026-10-01T09:00:00Z,Billing`);
    const head = Buffer.from(`${rows.join('\n')}\n`);
    expect(head.length).toBeGreaterThan(64 * 1024);
    const path = join(tmp, 'mixed-encoding.csv');
    writeFileSync(path, Buffer.concat([head, Buffer.from('X1,phone,2026-10-01T10:00:00Z,Facturaci'), Buffer.from([0xf3]), Buffer.from('n\n')]));
    const audit = await runParity(['audit', path, '--format', 'json', ...AS_OF]);
    expect(audit.code).toBe(0);
    const report = json(audit.stdout);
    expect(report.input.rowsUsed).toBe(2001);
    expect(report.input.notes).toContain(
      `${path}: 1 row has values that are not valid UTF-8 (the first on line 2,002) although the file starts as UTF-8; those values were read as Windows-1252, one character per byte. Check them, or save the file as UTF-8`,
    );
    const listed = json((await runParity(['tickets', path, '--format', 'json'])).stdout);
    expect(listed.tickets.find((t: any) => t.ticketId === 'X1').category).toBe('Facturación');
  });

  it('a row with one value that is not UTF-8 keeps its other values UTF-8, and reads alike wherever it is in the file', async () => {
    // the same row early (read by the string path with the sniffed sample) and late (past the
    // first 1 MiB read, from its bytes): customer "Zoë" in UTF-8, subject "it’s" with a Windows-1252
    // apostrophe (0x92), text "éééééééééé" in UTF-8 (lower case: not shouting)
    const row = (id: string) => Buffer.concat([Buffer.from(`${id},Zoë,email,2026-10-01T09:00:00Z,it`), Buffer.from([0x92]), Buffer.from('s broken,éééééééééé\n')]);
    const pad = (from: number, n: number) => Buffer.from(Array.from({ length: n }, (_, i) => `P${from + i},c${i},email,2026-10-01T09:00:00Z,plain subject,plain text\n`).join(''));
    const bytes = Buffer.concat([Buffer.from('ticket_id,customer_id,channel,created_at,subject,text\n'), pad(0, 1600), row('EARLY'), pad(1600, 25000), row('LATE')]);
    expect(bytes.length).toBeGreaterThan(1024 * 1024 + 100_000);
    const path = join(tmp, 'mixed-fields.csv');
    writeFileSync(path, bytes);
    const listed = json((await runParity(['tickets', path, '--format', 'json'])).stdout);
    const early = listed.tickets.find((t: any) => t.ticketId === 'EARLY');
    const late = listed.tickets.find((t: any) => t.ticketId === 'LATE');
    expect(early.customerId).toBe('Zoë');
    expect(early.loud).toEqual([]);
    expect({ ...late, ticketId: 'EARLY', line: early.line }).toEqual(early);
    const report = json((await runParity(['audit', path, '--format', 'json', ...AS_OF])).stdout);
    expect(report.input.notes.find((n: string) => n.includes('not valid UTF-8'))).toMatch(/: 2 rows have values that are not valid UTF-8 \(the first on line 1,602\)/);
  });

  it('a long list of channel values is cut to the 20 most frequent, saying how many more, in every human-readable output', async () => {
    // "alpha" on 3 rows, then 24 values on one row each: 25 unknown values; the 20 shown are alpha
    // and zz01..zz19 (count, then name); left out: zz20..zz24, 5 values on 5 tickets
    const rows = ['ticket_id,channel,created_at'];
    for (let i = 0; i < 3; i++) rows.push(`A${i},alpha,2026-10-01T09:00:00Z`);
    for (let k = 1; k <= 24; k++) rows.push(`Z${k},zz${String(k).padStart(2, '0')},2026-10-01T09:00:00Z`);
    const path = join(tmp, 'many-channels.csv');
    writeFileSync(path, `${rows.join('\n')}\n`);
    const table = (await runParity(['audit', path, ...AS_OF])).stdout.replace(/\s+/g, ' ');
    expect(table).toContain('"zz19" (1), and 5 more values (5 tickets): the JSON report lists them all; map them with "channels" in the config.');
    expect(table).not.toContain('zz20');
    const markdown = (await runParity(['audit', path, '--format', 'markdown', ...AS_OF])).stdout;
    expect(markdown).toContain('zz19 (1), and 5 more values (5 tickets). Map them');
    expect(markdown).toContain('And 5 more values (5 tickets): the JSON report lists them all.');
    expect(markdown).not.toContain('zz20');
    const html = (await runParity(['audit', path, '--format', 'html', ...AS_OF])).stdout;
    expect(html).toContain('And 5 more values (5 tickets): the JSON report lists them all.');
    expect(html).not.toContain('zz20');
    const report = json((await runParity(['audit', path, '--format', 'json', ...AS_OF])).stdout);
    expect(report.input.unknownChannels).toHaveLength(25);
    const inspect = (await runParity(['inspect', path])).stdout;
    expect(inspect).toContain('and 5 more values (5 rows): --format json lists them all');
    expect(inspect).not.toContain('zz20');
  });

  it('several files are one audit', async () => {
    const r = await runParity(['audit', fixture('small.csv'), fixture('bad', 'negative-durations.csv'), '--format', 'json', ...AS_OF]);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(report.input.rowsRead).toBe(14);
    expect(report.channels.find((c: any) => c.channel === 'phone').tickets).toBe(8);
  });

  it('-o writes the report to a file and nothing to stdout', async () => {
    const out = join(tmp, 'report.json');
    const r = await runParity(['audit', fixture('small.csv'), '--format', 'json', '-o', out, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(json(readFileSync(out, 'utf8')).schemaVersion).toBe(2);
  });
});

describe('what an export cannot measure is absent, not zero', () => {
  it('a Salesforce report has no first-response field: answered share is null, not 0%', async () => {
    const report = json((await runParity(['audit', fixture('formats', 'salesforce.csv'), '--format', 'json'])).stdout);
    for (const ch of report.channels) {
      expect(ch.answeredShare, ch.channel).toBeNull();
      expect(ch.firstResponse).toEqual({ n: 0, median: null, bound: null, p90: null, p90Bound: null, ci95: null, answeredMedian: null, method: 'kaplan-meier' });
    }
    expect(report.input.notes.join('\n')).toContain('no first-response information, so first response is not measured');
  });

  it('a tweet log has no resolution: resolved share is null; tickets are counted apart from rows', async () => {
    const report = json((await runParity(['audit', fixture('formats', 'tweets.csv'), '--format', 'json'])).stdout);
    // By hand from the fixture: customer tweets replying to nothing are 10, 20, 30, 40, 70 → 5
    // tickets. Excluded: 50 (replies to 49, not in the file), the brand's own post 60 and the
    // reply 61 to it → 3. Used: 14 − 3 = 11 rows.
    expect(report.input).toMatchObject({ rowsRead: 14, rowsUsed: 11, rowsRejected: 3, tickets: 5 });
    expect(report.channels[0]).toMatchObject({ channel: 'social', tickets: 5, resolvedShare: null, resolution: { n: 0, median: null } });
    const table = await runParity(['audit', fixture('formats', 'tweets.csv')]);
    expect(table.stdout).toContain('parity audit — 5 tickets (11 rows) from');
  });
});

describe('bad input: clear message, exit 2, nothing lost', () => {
  it('a missing file', async () => {
    const r = await runParity(['audit', 'no/such/file.csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('parity: no/such/file.csv: no such file\n  check the path; use - to read standard input\n');
  });

  it('an unknown flag is a usage error (exit 2, not commander\'s 1)', async () => {
    const r = await runParity(['audit', fixture('small.csv'), '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
  });

  it('--format csv labels every row, channel and --by alike, with the dates of --tz (found by a review: --by rows kept UTC)', async () => {
    const file = join(tmp, 'berlin.csv');
    writeFileSync(file, 'ticket_id,channel,created_at,first_response_at,category\nA,phone,2026-10-31T23:30:00Z,2026-11-01T00:30:00Z,Billing\nB,email,2026-11-30T23:30:00Z,2026-12-01T00:30:00Z,Billing\n');
    const r = await runParity(['audit', file, '--tz', 'Europe/Berlin', '--format', 'csv', '--by', 'category']);
    expect(r.code).toBe(0);
    const labels = new Set(r.stdout.trim().split('\n').slice(1).map((line) => line.split(',')[0]));
    // 23:30 UTC on 31 October and 30 November is 00:30 on 1 November and 1 December in Berlin
    expect([...labels]).toEqual(['2026-11-01 to 2026-12-01']);
  });

  it('bad business hours name the configuration, and an overnight range how to write it', async () => {
    const zone = join(tmp, 'hours-zone.json');
    writeFileSync(zone, JSON.stringify({ clock: 'business', businessHours: { timeZone: '+02:00', open: ['Mon-Fri 09:00-17:00'] } }));
    const z = await runParity(['audit', fixture('small.csv'), '-c', zone]);
    expect([z.code, z.stderr]).toEqual([2, `parity: ${zone}: unknown time zone "+02:00"\n  businessHours.timeZone in the config: use an IANA name such as Europe/Berlin, America/New_York or UTC\n`]);
    const night = join(tmp, 'hours-night.json');
    writeFileSync(night, JSON.stringify({ clock: 'business', businessHours: { open: ['Mon-Fri 22:00-06:00'] } }));
    const n = await runParity(['audit', fixture('small.csv'), '-c', night]);
    expect([n.code, n.stderr]).toEqual([
      2,
      `parity: ${night}: businessHours.open: "Mon-Fri 22:00-06:00" closes before it opens\n  a range lies within one day: write an overnight shift as two, e.g. "Mon-Fri 22:00-24:00" and "Tue-Sat 00:00-06:00"\n`,
    ]);
  });

  it('a bad option value', async () => {
    expect((await runParity(['audit', fixture('small.csv'), '--reference', 'fax'])).stderr).toContain('--reference "fax" is not a channel');
    expect((await runParity(['audit', fixture('small.csv'), '--tz', 'Mars/Olympus'])).stderr).toContain('unknown time zone "Mars/Olympus"');
    // an empty --tz is the flag's, not the config's (there is none)
    expect((await runParity(['audit', fixture('small.csv'), '--tz', ''])).stderr).toBe('parity: unknown time zone ""\n  --tz: use an IANA name such as Europe/Berlin, America/New_York or UTC\n');
    // standard input can be read once (the second "-" read as an empty file before)
    const twice = await runParity(['audit', '-', '-'], { stdin: readFileSync(fixture('small.csv')) });
    expect([twice.code, twice.stderr]).toEqual([2, 'parity: standard input (-) is named more than once\n  name - once; give the other inputs as files\n']);
    expect((await runParity(['audit', fixture('small.csv'), '--since', 'last week'])).code).toBe(2);
    expect((await runParity(['audit', fixture('small.csv'), '--format', 'pdf'])).stderr).toContain('--format pdf is not available');
  });

  it('an empty file', async () => {
    const r = await runParity(['audit', fixture('bad', 'empty.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^parity: .*empty\.csv: the file is empty/);
  });

  it('a header with no rows', async () => {
    const r = await runParity(['audit', fixture('bad', 'header-only.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('header-only.csv: no usable tickets: nothing to audit');
  });

  it('every row left out by --since/--until or --as-of names those options as the fix, not the mapping (found by an attack)', async () => {
    // fixtures/small.csv: every ticket created in 2026, none in 2030 or before 2000
    const late = await runParity(['audit', fixture('small.csv'), '--since', '2030-01-01']);
    expect(late.code).toBe(2);
    expect(late.stderr).toMatch(/rows left out; most often outside-period \(\d+×\), e\.g\. created before --since\. No ticket was created between --since and --until: widen them \(or check --tz\); `parity inspect` shows the dates the export holds\./);
    expect(late.stderr).not.toContain('check the mapping');
    const early = await runParity(['audit', fixture('small.csv'), '--as-of', '2000-01-01']);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/rows left out; most often after-as-of \(\d+×\), e\.g\. created after --as-of\. No ticket was created before --as-of: give a later one, or leave it out \(the default is the latest time in the data\)\./);
  });

  it('no creation-time column names the fix', async () => {
    const r = await runParity(['audit', fixture('bad', 'no-created-column.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-created-column.csv:1: no creation-time column; without a creation time no duration can be measured; if the export has one under another name, map one with columns.createdAt');
    expect(r.stderr).toContain('headers found: "Ticket ID", "Ticket Channel", "First Response Time", "Time to Resolution"');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('an unclosed quote is reported at its line', async () => {
    const r = await runParity(['audit', fixture('bad', 'unclosed-quote.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unclosed-quote\.csv:\d+: .*[Qq]uote/);
  });

  it('ragged rows are rejected with their line, the rest audited', async () => {
    const r = await runParity(['audit', fixture('bad', 'ragged.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    // R2 (3 fields) and R3 (6, last non-empty) rejected; R4's extra empty field is tolerated
    expect(report.input).toMatchObject({ rowsRead: 4, rowsUsed: 2, rowsRejected: 2 });
    expect(report.input.dataQuality[0]).toMatchObject({ kind: 'ragged-row', count: 2, example: { line: 3, detail: 'expected 5 fields, found 3' } });
    expect(r.stderr).toContain('2 of 4 rows rejected');
  });

  it('unreadable and impossible dates are rejected; a bad reply time only leaves that metric', async () => {
    const report = json((await runParity(['audit', fixture('bad', 'bad-dates.csv'), '--format', 'json'])).stdout);
    expect(report.input).toMatchObject({ rowsRead: 5, rowsUsed: 2, rowsRejected: 3 });
    const kinds = Object.fromEntries(report.input.dataQuality.map((d: any) => [d.kind, d.count]));
    expect(kinds).toEqual({ 'bad-created': 2, 'missing-created': 1, 'bad-first-response': 1 });
    const bad = report.input.dataQuality.find((d: any) => d.kind === 'bad-created');
    expect(bad.example).toMatchObject({ line: 3, column: 'created_at', value: '2026-02-31T09:00:00Z' });
  });

  it('negative durations are counted and left out of that metric only', async () => {
    const report = json((await runParity(['audit', fixture('bad', 'negative-durations.csv'), '--format', 'json'])).stdout);
    const phone = report.channels.find((c: any) => c.channel === 'phone');
    // N1's reply is before creation: first response from N2 (1h) and N3 (2h) → 5400 s
    expect(phone.firstResponse).toMatchObject({ n: 2, median: 5400 });
    // N2's resolution is before creation: resolution from N1 (3h) and N3 (6h); S(3h) = .5 → midpoint (3h+6h)/2
    expect(phone.resolution).toMatchObject({ n: 2, resolved: 2, median: 16200 });
    expect(report.input.rowsUsed).toBe(3);
  });

  it('duplicate ids: the first is kept, the later one rejected', async () => {
    const report = json((await runParity(['audit', fixture('bad', 'duplicate-ids.csv'), '--format', 'json'])).stdout);
    expect(report.input).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1 });
    expect(report.channels.find((c: any) => c.channel === 'phone').firstResponse.median).toBe(3600);
  });

  it('--duplicates last keeps the newest row of a repeated id (overlapping exports)', async () => {
    const r = await runParity(['audit', fixture('bad', 'duplicate-ids.csv'), '--format', 'json', '--duplicates', 'last']);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    // X1 at line 2 (answered 10:00, 1h) is superseded by X1 at line 4 (answered 18:00, 9h)
    expect(report.input).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1, tickets: 2 });
    expect(report.channels.find((c: any) => c.channel === 'phone').firstResponse.median).toBe(32400);
    expect(report.input.dataQuality[0]).toMatchObject({ kind: 'duplicate-id', count: 1, example: { line: 2 } });
    expect((await runParity(['audit', fixture('bad', 'duplicate-ids.csv'), '--duplicates', 'newest'])).code).toBe(2);
  });

  it('--duplicates last takes back the notes of the row it replaces (that row is rejected, not used)', async () => {
    // X1 at line 2 is answered before it was created (a metric note) and is replaced by X1 at
    // line 4; X3 at line 5 has the same note and stays
    const path = join(tmp, 'dup-notes.csv');
    writeFileSync(
      path,
      [
        'ticket_id,channel,created_at,first_response_at',
        'X1,phone,2026-10-01T09:00:00Z,2026-10-01T08:00:00Z',
        'X2,email,2026-10-01T09:00:00Z,2026-10-01T10:30:00Z',
        'X1,phone,2026-10-01T09:00:00Z,2026-10-01T18:00:00Z',
        'X3,phone,2026-10-01T09:00:00Z,2026-10-01T07:00:00Z',
        '',
      ].join('\n'),
    );
    const quality = async (...flags: string[]) => {
      const report = json((await runParity(['audit', path, '--format', 'json', ...AS_OF, ...flags])).stdout);
      return Object.fromEntries(report.input.dataQuality.map((q: any) => [q.kind, q.count]));
    };
    // first (default): line 4 is the duplicate; both notes stand (lines 2 and 5 are used)
    expect(await quality()).toEqual({ 'duplicate-id': 1, 'negative-first-response': 2 });
    // last: line 2 is the duplicate, and its note goes with it
    expect(await quality('--duplicates', 'last')).toEqual({ 'duplicate-id': 1, 'negative-first-response': 1 });
    // a replaced row's only note of its kind: the kind is gone
    writeFileSync(path, ['ticket_id,channel,created_at,first_response_at', 'X1,phone,2026-10-01T09:00:00Z,2026-10-01T08:00:00Z', 'X1,phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z', ''].join('\n'));
    expect(await quality('--duplicates', 'last')).toEqual({ 'duplicate-id': 1 });
  });

  it('unknown channel values go to other and are listed', async () => {
    const r = await runParity(['audit', fixture('bad', 'unknown-channels.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Unknown channel values mapped to other: "(empty)" (1), "Carrier pigeon" (1), "Smoke signal" (1)');
  });

  it('--strict turns rejected rows into exit 2 with the first location', async () => {
    const r = await runParity(['audit', fixture('bad', 'ragged.csv'), '--strict']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^parity: .*ragged\.csv:3: expected 5 fields, found 3 \(--strict: 2 rows rejected\)/);
    expect((await runParity(['audit', fixture('small.csv'), '--strict'])).code).toBe(0);
  });

  it('--rejects writes every rejected row with its reason, formulas neutralised', async () => {
    const out = join(tmp, 'rejects.csv');
    const input = join(tmp, 'hostile.csv');
    writeFileSync(input, 'ticket_id,channel,created_at\nH1,phone,2026-10-01T09:00:00Z\nH2,=HYPERLINK("http://x"),never\n');
    const r = await runParity(['audit', input, '--rejects', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    // csvclean's layout: the reason columns, then the export's own columns
    expect(lines[0]).toBe('file,line,column,value,reason,ticket_id,channel,created_at');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(`${input},3,created_at,never,"bad-created: cannot read date ""never""",H2,"'=HYPERLINK(""http://x"")",never`);
  });
});

describe('--rejects and --strict when rows are rejected', () => {
  it('--rejects is written when every row is rejected: the audit stops (exit 2) and the file says why', async () => {
    const out = join(tmp, 'all-rejected.rejects.csv');
    const input = join(tmp, 'all-rejected.csv');
    writeFileSync(input, 'ticket_id,channel,created_at\n,phone,2026-10-01T09:00:00Z\nT2,email,garbage\n');
    const r = await runParity(['audit', input, '--rejects', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no usable tickets');
    expect(r.stderr).toContain(`The rejected rows are written to ${out}.`);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toEqual([
      'file,line,column,value,reason,ticket_id,channel,created_at',
      `${input},2,ticket_id,,missing-id: no ticket id,,phone,2026-10-01T09:00:00Z`,
      `${input},3,created_at,garbage,"bad-created: cannot read date ""garbage""",T2,email,garbage`,
    ]);
  });

  it('--strict quotes the first rejected row of the file, whatever its kind, and names the --rejects file', async () => {
    const input = join(tmp, 'two-kinds.csv');
    const out = join(tmp, 'two-kinds.rejects.csv');
    // line 2 has no id (missing-id), line 3 an unreadable date (bad-created, listed first by kind)
    writeFileSync(input, 'ticket_id,channel,created_at\n,phone,2026-10-01T09:00:00Z\nT2,email,garbage\nT3,phone,2026-10-01T09:00:00Z\n');
    const r = await runParity(['audit', input, '--strict', '--rejects', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${input}:2: ticket_id: no ticket id (--strict: 2 rows rejected)`);
    expect(r.stderr).toContain(`the rejected rows are written to ${out}: correct them, or drop --strict`);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});

describe('the rejects file names each column once (found by an attack)', () => {
  it("an export's own file/reason columns and a header given twice are written apart from parity's", async () => {
    const input = join(tmp, 'own-columns.csv');
    const out = join(tmp, 'own-columns.rejects.csv');
    writeFileSync(input, 'ticket_id,channel,created_at,file,reason,Tags,Tags\nA,phone,never,f1,r1,t1,t2\nB,phone,2026-10-01T09:00:00Z,f2,r2,t3,t4\n');
    expect((await runParity(['audit', input, '--rejects', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toEqual([
      'file,line,column,value,reason,ticket_id,channel,created_at,file (export),reason (export),Tags,Tags (2)',
      `${input},2,created_at,never,"bad-created: cannot read date ""never""",A,phone,never,f1,r1,t1,t2`,
    ]);
  });
});

describe('--redact in the rejects file (found by an attack)', () => {
  it("the row's own customer id is replaced in its other cells too, as a whole word", async () => {
    const input = join(tmp, 'pii.csv');
    const out = join(tmp, 'pii.rejects.csv');
    writeFileSync(input, 'ticket_id,customer_id,channel,created_at,subject\nQ1,CUST-SECRET-42,phone,notadate,re CUST-SECRET-42 ticket (not XCUST-SECRET-42)\nQ2,CUST-SECRET-42,phone,2026-01-01T00:00:00Z,see CUST-SECRET-42\n');
    expect((await runParity(['audit', input, '--redact', '--rejects', out])).code).toBe(0);
    const row = readFileSync(out, 'utf8').trim().split('\n')[1]!;
    expect(row).not.toContain(',CUST-SECRET-42');
    expect(row).not.toContain(' CUST-SECRET-42 ');
    expect(row).toMatch(/,Q1,(customer-[0-9a-f]{8}),phone,notadate,re \1 ticket \(not XCUST-SECRET-42\)$/);
  });
});
