/**
 * Issue 10's reproductions, each run on the built binary with the outcome it must have:
 * no foreign workflow command or control byte in anything printed, inputs byte-identical
 * after a run that names them as outputs, limits hit as exit 2 naming the file (and line),
 * write errors as exit 2 with the reason, --redact everywhere, user keys never reaching
 * Object.prototype.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { BIN, fixture, runParity, type RunResult } from '../helpers/exec.js';

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'parity-sec-'));
}

function write(folder: string, name: string, text: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** Control characters other than line feed (and tab), DEL, C1, line separators, bidi controls. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectClean(r: RunResult): void {
  expect(r.stdout).not.toMatch(CONTROL);
  expect(r.stderr).not.toMatch(CONTROL);
  expect(r.stdout.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
  expect(r.stderr.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const GHA = 'ticket_id,channel,created_at\nT1,phone,"x\n::error title=pwned::injected\n::stop-commands::tok"\nT2,phone,2026-10-01T09:00:00Z\n';
const ESC = 'ticket_id,channel,created_at\nT1,phone,"\u001b]0;pwned\u0007\u001b[2J"\nT2,phone,2026-10-01T09:00:00Z\n';

describe('terminal and CI command injection', () => {
  it('a workflow command in a date cannot start a line: table, markdown, --strict', async () => {
    const d = dir();
    const file = write(d, 'gha.csv', GHA);
    for (const args of [['audit', file], ['audit', file, '--format', 'markdown'], ['audit', file, '--strict'], ['inspect', file]]) {
      const r = await runParity(args);
      expectClean(r);
      // shown as data, escaped (Markdown escapes the escape's backslash once more)
      expect(`${r.stdout}${r.stderr}`).toMatch(/x\\{1,2}n::error title=pwned::injected\\{1,2}n::stop-commands::tok/);
    }
    const strict = await runParity(['audit', file, '--strict']);
    expect(strict.code).toBe(2);
  });

  it('terminal escapes in the data are shown, not executed', async () => {
    const d = dir();
    const file = write(d, 'esc.csv', ESC);
    const r = await runParity(['audit', file]);
    expectClean(r);
    expect(r.stdout).toContain('cannot read date "\\u001b]0;pwned\\u0007\\u001b[2J"');
    const colour = await runParity(['audit', file, '--strict'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expectClean(colour);
  });

  it('colour codes in the data reach no terminal through the ticket listing or a count table, colour on', async () => {
    const d = dir();
    const file = write(d, 'sgr.csv', 'ticket_id,channel,created_at,category\nT1,Phone,2026-10-01T09:00:00Z,\u001b[8mhidden\u001b[0m\n');
    for (const command of ['tickets', 'counts']) {
      const r = await runParity([command, file], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).not.toContain('\u001b');
      expect(r.stdout, command).toContain('\\u001b[8mhidden\\u001b[0m');
    }
  });

  it('the ticket listing written with -o is as clean as on standard output: escapes shown, no line starts with ::', async () => {
    const d = dir();
    // a workflow command as a ticket id (the listing's first column), a colour code and a
    // right-to-left override in the category, a line break in the status
    const file = write(d, 'ids.csv', 'ticket_id,channel,created_at,category,status\n::error::pwned,phone,2026-10-01T09:00:00Z,"\u001b[31mred\u202e",open\nT2,email,2026-10-01T10:00:00Z,billing,"new\n::warning::x"\n');
    for (const format of ['csv', 'json', 'ndjson']) {
      const out = join(d, `t.${format}`);
      const r = await runParity(['tickets', file, '--format', format, '-o', out]);
      expect(r.code, format).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text, format).not.toMatch(CONTROL);
      expect(text.split('\n').filter((l) => l.startsWith('::')), format).toEqual([]);
    }
    const csv = parse(readFileSync(join(d, 't.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(csv.map((row) => [row['ticket_id'], row['category'], row['status']])).toEqual([
      ['::error::pwned', '\\u001b[31mred\\u202e', 'open'],
      ['T2', 'billing', 'new\\n::warning::x'],
    ]);
    // JSON keeps the data: the escapes are JSON's own
    const rows = (JSON.parse(readFileSync(join(d, 't.json'), 'utf8')) as { tickets: Array<{ ticketId: string; category: string }> }).tickets;
    expect(rows[0]).toMatchObject({ ticketId: '::error::pwned', category: '\u001b[31mred\u202e' });
  });

  it('parity tickets --format toString is a usage error, not a name looked up on an object', async () => {
    const r = await runParity(['tickets', fixture('small.csv'), '--format', 'toString']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format toString is not available for tickets');
  });

  it('a GFM autolink in a channel value carries no markup; mentions do not ping', async () => {
    const d = dir();
    const file = write(d, 'md.csv', 'ticket_id,channel,created_at\nT1,"see http://evil.example/<img src=x onerror=alert(1)> @octocat",2026-10-01T09:00:00Z\nT2,phone,2026-10-01T09:00:00Z\n');
    const r = await runParity(['audit', file, '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('<img');
    expect(r.stdout).not.toContain('http://evil');
    expect(r.stdout).not.toMatch(/@octocat/);
    expect(r.stdout).toContain('http&#58;//evil.example/&lt;img src=x onerror=alert(1)&gt; @&#8203;octocat');
  });

  it('a right-to-left override in a category is shown as an escape in HTML, Markdown and the table', async () => {
    const d = dir();
    const file = write(d, 'bidi.csv', 'ticket_id,channel,created_at,category\nT1,phone,2026-10-01T09:00:00Z,"\u202e30%"\nT2,email,2026-10-01T10:00:00Z,billing\n');
    for (const format of ['html', 'markdown', 'table', 'csv', 'junit']) {
      const r = await runParity(['audit', file, '--format', format]);
      expect(r.code).toBe(0);
      expectClean(r);
    }
  });
});

describe('outputs never clobber inputs', () => {
  it('--rejects or -o naming the export is refused before reading; the export is byte-identical', async () => {
    const d = dir();
    const file = write(d, 'e.csv', readFileSync(fixture('demo.csv')));
    const before = readFileSync(file);
    for (const args of [['--rejects', file], ['-o', file], ['-o', join(d, 'sub', '..', 'e.csv')]]) {
      const r = await runParity(['audit', file, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is the same file as the input .*e\.csv: writing it would destroy the input/);
      expect(readFileSync(file).equals(before)).toBe(true);
    }
  });

  it('standard input redirected from the export counts as that file; -o - is standard output, -o "" a usage error', async () => {
    const d = dir();
    const file = write(d, 'e.csv', readFileSync(fixture('small.csv')));
    const before = readFileSync(file);
    // `parity audit - -o e.csv < e.csv`: standard input is a file descriptor on e.csv itself
    const redirected = (args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> =>
      new Promise((done) => {
        const fd = openSync(file, 'r');
        const child = spawn(process.execPath, [BIN, 'audit', '-', ...args], { cwd: d, stdio: [fd, 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
        let stdout = '';
        let stderr = '';
        child.stdout?.on('data', (c) => (stdout += c));
        child.stderr?.on('data', (c) => (stderr += c));
        child.on('close', (code) => {
          closeSync(fd);
          done({ code, stdout, stderr });
        });
      });
    for (const args of [['-o', 'e.csv'], ['--rejects', 'e.csv']]) {
      const r = await redirected(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is the same file as the input (standard input): writing it would destroy the input');
      expect(readFileSync(file).equals(before)).toBe(true);
    }
    // another file from the same redirect is fine, and -o - writes to standard output (no file "-")
    expect((await redirected(['-o', 'report.txt'])).code).toBe(0);
    const toStdout = await redirected(['-o', '-', '--format', 'json']);
    expect(toStdout.code).toBe(0);
    expect(JSON.parse(toStdout.stdout).schemaVersion).toBe(2);
    expect(existsSync(join(d, '-'))).toBe(false);
    const empty = await runParity(['audit', file, '-o', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('parity: -o/--output needs a file name');
  });

  it('an input named twice (the same path, two paths of one file, a link, standard input redirected from it) is refused before reading, for every command that reads tickets', async () => {
    const d = dir();
    write(d, 'e.csv', readFileSync(fixture('small.csv')));
    write(d, 'other.csv', readFileSync(fixture('small.csv'))); // the same text in a file of its own: not the same file
    symlinkSync('e.csv', join(d, 'link.csv'));
    const cases: Array<[string[], string]> = [
      [['e.csv', 'e.csv'], 'parity: e.csv is named twice: its tickets would be read twice, every one of the second reading a duplicate-id'],
      [['e.csv', './e.csv'], 'parity: ./e.csv and e.csv are the same file:'],
      [['link.csv', 'e.csv'], 'parity: e.csv and link.csv are the same file:'],
    ];
    for (const command of ['audit', 'inspect', 'counts']) {
      for (const [files, message] of cases) {
        const r = await runParity([command, ...files], { cwd: d });
        expect(r.code, `${command} ${files.join(' ')}`).toBe(2);
        expect(r.stderr).toContain(message);
        expect(r.stderr).toContain('name each file once');
        expect(r.stdout).toBe('');
      }
    }
    // `parity audit e.csv - < e.csv`: standard input is a descriptor on e.csv itself
    const fd = openSync(join(d, 'e.csv'), 'r');
    const stdin = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [BIN, 'audit', 'e.csv', '-'], { cwd: d, stdio: [fd, 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr?.on('data', (c) => (stderr += c));
      child.on('close', (code) => {
        closeSync(fd);
        done({ code, stderr });
      });
    });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('parity: standard input and e.csv are the same file:');
    // two files of the same text are two files: read, the second's 11 ids duplicates (the input says so)
    const copies = await runParity(['audit', 'e.csv', 'other.csv', '--format', 'json'], { cwd: d });
    expect(copies.code).toBe(0);
    expect(JSON.parse(copies.stdout).input.rowsRejected).toBe(11);
  });

  it('the config and a symlinked input count too; -o and --rejects must differ', async () => {
    const d = dir();
    const file = write(d, 'e.csv', readFileSync(fixture('demo.csv')));
    write(d, 'parity.config.json', '{}');
    const config = await runParity(['audit', 'e.csv', '-o', 'parity.config.json'], { cwd: d });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('is the same file as the configuration parity.config.json');
    const same = await runParity(['audit', file, '-o', join(d, 'x.csv'), '--rejects', join(d, 'x.csv')]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('both name');
    const init = await runParity(['init', file, '-o', file, '--force']);
    expect(init.code).toBe(2);
    expect(readFileSync(file).equals(readFileSync(fixture('demo.csv')))).toBe(true);
  });

  it('a write error is exit 2 with the reason: /dev/full, a missing folder', async () => {
    const d = dir();
    const file = write(d, 'gha.csv', GHA);
    const full = await runParity(['audit', file, '--rejects', '/dev/full']);
    expect(full.code).toBe(2);
    expect(full.stderr).toContain('no space left on the device');
    const fullOut = await runParity(['audit', fixture('demo.csv'), '-o', '/dev/full']);
    expect(fullOut.code).toBe(2);
    expect(fullOut.stderr).toContain('no space left on the device');
    const missing = await runParity(['audit', fixture('demo.csv'), '-o', join(d, 'nope', 'r.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the folder does not exist');
  });

  it('SIGTERM while reading leaves the previous --rejects and -o files whole and no temporary file', async () => {
    const d = dir();
    const rows = ['ticket_id,channel,created_at'];
    for (let k = 0; k < 400_000; k++) rows.push(`T${k},phone,${k % 2 ? 'not a date' : '2026-10-01T09:00:00Z'}`);
    const file = write(d, 'big.csv', `${rows.join('\n')}\n`);
    write(d, 'rejects.csv', 'old rejects\n');
    write(d, 'report.json', 'old report\n');
    const code = await new Promise<number | string>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'audit', file, '--rejects', join(d, 'rejects.csv'), '--format', 'json', '-o', join(d, 'report.json')], { stdio: 'ignore' });
      // stop it while the rows are being read: its temporary rejects file exists then
      const poll = setInterval(() => {
        if (readdirSync(d).some((f) => f.endsWith('.tmp'))) {
          clearInterval(poll);
          child.kill('SIGTERM');
        }
      }, 20);
      child.on('close', () => clearInterval(poll));
      child.on('close', (c, signal) => resolve(c ?? signal ?? -1));
    });
    expect(code).toBe(143);
    expect(readdirSync(d).sort()).toEqual(['big.csv', 'rejects.csv', 'report.json']);
    expect(readFileSync(join(d, 'rejects.csv'), 'utf8')).toBe('old rejects\n');
    expect(readFileSync(join(d, 'report.json'), 'utf8')).toBe('old report\n');
  });
});

describe('resource bounds', () => {
  it('a gzip bomb stops at the compression-ratio bound, naming the file', async () => {
    const d = dir();
    const file = write(d, 'bomb.csv.gz', gzipSync(Buffer.alloc(40 * 1024 * 1024, 'A'), { level: 9 }));
    const r = await runParity(['audit', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: decompresses more than 200 times its size`);
    expect(r.stderr).toContain('--limit maxCompressionRatio=');
    expectClean(r);
  });

  it('a gzip file cut short, or with bytes after its end, is an input error naming the file (found by an independent attack: "internal error")', async () => {
    const d = dir();
    // 20,000 rows, so that the damage lies past the first 64 KiB read to sniff the file
    const whole = gzipSync(`ticket_id,channel,created_at\n${Array.from({ length: 20_000 }, (_, k) => `T${k},phone,2026-10-01T10:00:00Z`).join('\n')}\n`);
    const cut = write(d, 'cut.csv.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    const trailing = write(d, 'trailing.csv.gz', Buffer.concat([whole, Buffer.from('junk\n')]));
    for (const [file, args] of [[cut, ['audit', cut]], [trailing, ['audit', trailing]], [cut, ['inspect', cut]], [cut, ['tickets', cut]]] as const) {
      const r = await runParity([...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${file}: the gzip data is damaged or truncated`);
      expect(r.stderr).not.toContain('internal error');
      expectClean(r);
    }
  });

  it('gzip holding a workbook or another gzip is named as such, never read as text (found by an attack: "no header row")', async () => {
    const d = dir();
    const workbook = write(d, 'book.xlsx.gz', gzipSync(readFileSync(fixture('xlsx', 'zendesk.xlsx'))));
    const twice = write(d, 'twice.csv.gz', gzipSync(gzipSync('ticket_id,channel,created_at\nT1,phone,2026-10-01T10:00:00Z\n')));
    for (const [file, what] of [[workbook, 'a zip archive (an .xlsx workbook, or another)'], [twice, 'another gzip file']] as const) {
      const r = await runParity(['audit', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${file}: the file is gzip holding ${what}, which parity does not read compressed`);
      expect(r.stderr).toContain(`decompress it (gunzip -k ${file})`);
      expectClean(r);
    }
  });

  it('/dev/zero and a record without an end stop at the record bound, naming file and line', async () => {
    const zero = await runParity(['audit', '/dev/zero', '--max-record-bytes', '1MiB']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('/dev/zero:1: a record is larger than 1,048,576 bytes');
    const d = dir();
    const file = write(d, 'open.csv', `ticket_id,channel,created_at\nT1,phone,2026-10-01T09:00:00Z\nT2,phone,"${'x'.repeat(3 * 1024 * 1024)}\n`);
    const r = await runParity(['audit', file, '--max-record-bytes', '1MiB']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3: a record is larger than 1,048,576 bytes`);
    expect(r.stderr).toContain('--max-record-bytes');
  });

  it('a huge NDJSON line and a JSON document over its bound are input errors, not "Invalid string length"', async () => {
    const d = dir();
    const ndjson = write(d, 'big.ndjson', `{"id":"T1","channel":"phone","created_at":"2026-10-01T09:00:00Z"}\n{"id":"T2","text":"${'x'.repeat(2 * 1024 * 1024)}"}\n`);
    const line = await runParity(['audit', ndjson, '--max-record-bytes', '1MiB']);
    expect(line.code).toBe(2);
    expect(line.stderr).toContain(`${ndjson}:2: a line is longer than 1 MiB`);
    const array = write(d, 'big.json', `[\n${Array.from({ length: 20_000 }, (_, k) => `{"id":"T${k}","channel":"phone","created_at":"2026-10-01T09:00:00Z"}`).join(',\n')}\n]`);
    const doc = await runParity(['audit', array, '--limit', 'maxJsonBytes=1MiB']);
    expect(doc.code).toBe(2);
    expect(doc.stderr).toContain(`${array}:1: the JSON document is larger than 1 MiB`);
  });

  it('JSON nested 4,000 deep: a clear error by default, flattened without a crash when allowed', async () => {
    const d = dir();
    const deep = write(d, 'deep.json', `${'{"a":'.repeat(4000)}1${'}'.repeat(4000)}\n`);
    const r = await runParity(['audit', deep]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${deep}:1: JSON nested more than 1,000 levels deep`);
    const allowed = await runParity(['inspect', deep, '--limit', 'maxJsonDepth=5000']);
    expect(allowed.stderr).not.toContain('internal error');
    expect(allowed.stderr).not.toContain('call stack');
  });

  it('dateFormat "NaN" is a configuration error', async () => {
    const d = dir();
    write(d, 'c.json', '{"dateFormat": "NaN"}');
    const r = await runParity(['audit', fixture('demo.csv'), '-c', join(d, 'c.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid configuration: dateFormat: not a date-fns pattern');
  });
});

describe('--redact covers every output', () => {
  const HOSTILE = 'ticket_id,customer_id,channel,created_at,subject\nT1,jane@victim-mail.example,phone,not a date,"hi @Jürgen_Müller ""jane""@victim-mail.example ｊａｎｅ＠ｖｉｃｔｉｍ．ｅｘａｍｐｌｅ"\nT2,bob,phone,2026-10-01T09:00:00Z,ok\n';
  const LEAKS = [/jane/i, /ürgen/, /ｊａｎｅ/, /victim/];

  it('the rejects file, the --strict error and inspect carry pseudonyms, not the customers', async () => {
    const d = dir();
    const file = write(d, 'h.csv', HOSTILE);
    const rejects = join(d, 'r.csv');
    const audit = await runParity(['audit', file, '--redact', '--rejects', rejects]);
    expect(audit.code).toBe(0);
    const written = readFileSync(rejects, 'utf8');
    for (const leak of LEAKS) expect(written).not.toMatch(leak);
    expect(written).toMatch(/customer-[0-9a-f]{8}/);
    const strict = await runParity(['audit', file, '--redact', '--strict']);
    expect(strict.code).toBe(2);
    for (const leak of LEAKS) expect(strict.stderr).not.toMatch(leak);
    for (const format of ['table', 'json']) {
      const inspect = await runParity(['inspect', file, '--redact', '--format', format]);
      expect(inspect.code).toBe(0);
      for (const leak of LEAKS) expect(inspect.stdout).not.toMatch(leak);
    }
  });
});

describe('rejects file', () => {
  it('fixed columns (the reasons, then the export\'s own), neutralised formulas; loads as a rectangle', async () => {
    const d = dir();
    const file = write(d, 'f.csv', 'ticket_id,channel,created_at,subject\nT1,phone,bad,＝HYPERLINK("http://x")\nT2,phone,2026-10-01T09:00:00Z,ok\nT3,email,also bad," =1+1"\nT4,email,worse\n');
    const rejects = join(d, 'r.csv');
    const r = await runParity(['audit', file, '--rejects', rejects]);
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(rejects, 'utf8'), { relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(['file', 'line', 'column', 'value', 'reason', 'ticket_id', 'channel', 'created_at', 'subject']);
    expect(rows.slice(1).map((row) => row.length)).toEqual([9, 9, 9]);
    expect(rows[1]?.slice(0, 4)).toEqual([file, '2', 'created_at', 'bad']);
    expect(rows[1]?.[8]).toBe('\'＝HYPERLINK("http://x")');
    expect(rows[2]?.[8]).toBe("' =1+1");
    expect(rows[3]?.slice(5)).toEqual(['T4', 'email', 'worse', '']);
  });

  it('several files with different headers: one header, their union; values under their own column', async () => {
    const d = dir();
    const a = write(d, 'a.csv', 'ticket_id,channel,created_at\nA1,phone,bad\nA2,phone,2026-10-01T09:00:00Z\n');
    const b = write(d, 'b.csv', 'ticket_id,created_at,channel,priority\nB1,worse,email,high\nB2,2026-10-01T09:00:00Z,email,low\n');
    const rejects = join(d, 'r.csv');
    expect((await runParity(['audit', a, b, '--rejects', rejects])).code).toBe(0);
    const rows = parse(readFileSync(rejects, 'utf8'), { relax_column_count: true }) as string[][];
    expect(rows).toEqual([
      ['file', 'line', 'column', 'value', 'reason', 'ticket_id', 'channel', 'created_at', 'priority'],
      // written before b.csv added "priority": the row ends early (readers fill it as empty)
      [a, '2', 'created_at', 'bad', 'bad-created: cannot read date "bad"', 'A1', 'phone', 'bad'],
      [b, '2', 'created_at', 'worse', 'bad-created: cannot read date "worse"', 'B1', 'email', 'worse', 'high'],
    ]);
  });
});

describe('keys from users', () => {
  it('--format toString, constructor, __proto__: usage errors naming the formats', async () => {
    for (const name of ['toString', 'constructor', '__proto__', 'valueOf']) {
      const r = await runParity(['audit', fixture('demo.csv'), '--format', name]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--format ${name} is not available for audit`);
    }
  });

  it('a channel value "constructor" is listed as unknown; channels.__proto__ in the config maps', async () => {
    const d = dir();
    const file = write(d, 'k.csv', 'ticket_id,channel,created_at\nT1,constructor,2026-10-01T09:00:00Z\nT2,__proto__,2026-10-01T09:00:00Z\nT3,phone,2026-10-01T09:00:00Z\n');
    const r = await runParity(['audit', file, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { input: { unknownChannels: Array<{ raw: string; count: number }> }; channels: Array<{ channel: string; tickets: number }> };
    expect(report.input.unknownChannels.map((u) => u.raw).sort()).toEqual(['__proto__', 'constructor']);
    write(d, 'c.json', '{"channels": {"__proto__": "social", "constructor": "email"}}');
    const mapped = JSON.parse((await runParity(['audit', file, '--format', 'json', '-c', join(d, 'c.json')])).stdout) as typeof report;
    expect(mapped.channels.map((c) => [c.channel, c.tickets]).sort()).toEqual([['email', 1], ['phone', 1], ['social', 1]]);
  });

  it('a 400-digit threshold is an error, not Infinity', async () => {
    const r = await runParity(['audit', fixture('demo.csv'), '--fail-on', `ratio(phone,social).firstResponse.median > ${'9'.repeat(400)}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is too large to be a threshold');
  });

  it('a reply cycle in a tweet log is reported as a cycle', async () => {
    const d = dir();
    const file = write(
      d,
      'tw.csv',
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n' +
        '1,alice,True,Tue Oct 31 22:10:47 +0000 2017,help,2,\n' +
        '2,Brand,False,Tue Oct 31 22:20:47 +0000 2017,sure,,1\n' +
        '10,bob,True,Tue Oct 31 22:11:47 +0000 2017,loop a,,11\n' +
        '11,Brand,False,Tue Oct 31 22:12:47 +0000 2017,loop b,,10\n',
    );
    const r = await runParity(['audit', file, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { input: { dataQuality: Array<{ kind: string; count: number }> } };
    expect(report.input.dataQuality.find((q) => q.kind === 'reply-cycle')?.count).toBe(2);
    expect(report.input.dataQuality.find((q) => q.kind === 'orphan-reply')).toBeUndefined();
  });
});

describe('config and command-line frictions', () => {
  it('did you mean, JSON line and column', async () => {
    const d = dir();
    write(d, 'tz.json', '{"timezone": "Europe/Berlin"}');
    const tz = await runParity(['audit', fixture('demo.csv'), '-c', join(d, 'tz.json')]);
    expect(tz.code).toBe(2);
    expect(tz.stderr).toContain('unknown key "timezone" (did you mean "timeZone"?)');
    write(d, 'bad.json', '{\n  "timeZone": "UTC",\n  "reference": "phone",\n}\n');
    const bad = await runParity(['audit', fixture('demo.csv'), '-c', join(d, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json:4: configuration is not valid JSON at line 4, column 1');
    expect(bad.stderr).not.toContain('position');
  });

  it('a mapping error from an auto-loaded config says so; --no-config skips it', async () => {
    const d = dir();
    write(d, 'parity.config.json', '{"columns": {"ticketId": "case_ref"}}');
    write(d, 'e.csv', readFileSync(fixture('demo.csv')));
    const auto = await runParity(['audit', 'e.csv'], { cwd: d });
    expect(auto.code).toBe(2);
    expect(auto.stderr).toContain('the mapping came from ./parity.config.json, loaded automatically; pass -c other.json or --no-config');
    const skipped = await runParity(['audit', 'e.csv', '--no-config'], { cwd: d });
    expect(skipped.code).toBe(0);
  });

  it('init writes with -o/--output (and still --out)', async () => {
    const d = dir();
    const out = await runParity(['init', fixture('demo.csv'), '--output', join(d, 'a.json')]);
    expect(out.code).toBe(0);
    expect(existsSync(join(d, 'a.json'))).toBe(true);
    const old = await runParity(['init', fixture('demo.csv'), '--out', join(d, 'b.json')]);
    expect(old.code).toBe(0);
    expect(readFileSync(join(d, 'b.json'), 'utf8')).toBe(readFileSync(join(d, 'a.json'), 'utf8'));
  });

  it('every command\'s --help has examples and the exit codes', async () => {
    for (const command of ['audit', 'report', 'check', 'inspect', 'init']) {
      const r = await runParity([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).toContain(`$ parity ${command} `);
      expect(r.stdout).toContain('2  usage, configuration or input error');
    }
  });

  it('a share compared with 95 asks whether 95% was meant; 95% is 0.95', async () => {
    const wrong = await runParity(['audit', fixture('demo.csv'), '--fail-on', 'channel(social).answeredShare < 95']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('did you mean 0.95 (95%)?');
    const right = await runParity(['audit', fixture('demo.csv'), '--fail-on', 'channel(social).answeredShare < 95%', '--format', 'json']);
    const gates = (JSON.parse(right.stdout) as { gates: Array<{ expression: string; threshold?: number }> }).gates;
    expect(gates).toHaveLength(1);
  });

  it('excluded rows are counted apart from rejected ones, with thousands separators', async () => {
    const d = dir();
    const rows = ['ticket_id,channel,created_at'];
    for (let k = 0; k < 1500; k++) rows.push(`T${k},phone,2026-09-${String(1 + (k % 28)).padStart(2, '0')}T09:00:00Z`);
    rows.push('B1,phone,not a date');
    for (let k = 0; k < 20; k++) rows.push(`N${k},phone,2026-10-02T09:00:00Z`);
    const file = write(d, 'x.csv', `${rows.join('\n')}\n`);
    const r = await runParity(['audit', file, '--since', '2026-10-01']);
    expect(r.stderr).toContain('parity: 1 of 1,521 rows rejected as unusable');
    expect(r.stderr).toContain('1,500 rows excluded on purpose (');
  });
});
