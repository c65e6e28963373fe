// Where a file stops being UTF-8 (read/source.ts firstInvalidUtf8Line): the line of its first
// byte that is not, counted by hand in each file written here. DuckDB stops at such a byte and
// counts records, not lines, so `--engine duckdb` names the line parity finds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { firstInvalidUtf8Line } from '../../../src/read/source.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, ...parts: Array<string | number[]>): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))));
  return path;
}

describe('firstInvalidUtf8Line', () => {
  test('all UTF-8 (two-, three- and four-byte characters): null', async () => {
    expect(await firstInvalidUtf8Line(file('ok.csv', 'id,subject\n1,café\n2,€ 5\n3,😀\n'))).toBeNull();
  });

  test('a Windows-1252 é (0xE9 before an ASCII letter) on line 3', async () => {
    expect(await firstInvalidUtf8Line(file('e9.csv', 'id,subject\n1,ok\n2,caf', [0xe9], 's\n3,ok\n'))).toBe(3);
  });

  test('a quoted line break counts as a line: the bad byte after it is on line 4', async () => {
    expect(await firstInvalidUtf8Line(file('quoted.csv', 'id,subject\n1,"two\nlines"\n2,', [0x93], 'quoted', [0x94], '\n'))).toBe(4);
  });

  test('sequences WHATWG UTF-8 refuses: overlong, a surrogate, above U+10FFFF, a lone continuation byte', async () => {
    expect(await firstInvalidUtf8Line(file('overlong.csv', 'a\nb\n', [0xe0, 0x80, 0x80], '\n'))).toBe(3);
    expect(await firstInvalidUtf8Line(file('surrogate.csv', 'a\n', [0xed, 0xa0, 0x80], '\n'))).toBe(2);
    expect(await firstInvalidUtf8Line(file('beyond.csv', [0xf4, 0x90, 0x80, 0x80], '\n'))).toBe(1);
    expect(await firstInvalidUtf8Line(file('lone.csv', 'a\nb\nc\n', [0x80], '\n'))).toBe(4);
  });

  test('a character cut by the end of the file is not UTF-8', async () => {
    expect(await firstInvalidUtf8Line(file('cut.csv', 'a\nb\n', [0xe2, 0x82]))).toBe(3);
  });

  test('past the 4 MiB the file is read in: a character split across two reads is whole, a bad byte after it is found', async () => {
    // 4 MiB - 1 bytes of 63-byte lines and a filler, then "€" (E2 82 AC) straddling the boundary
    const lines = Math.floor((4 * 2 ** 20 - 1) / 64);
    const head = 'x'.repeat(63) + '\n';
    const filler = 'y'.repeat(4 * 2 ** 20 - 1 - lines * 64);
    const body = head.repeat(lines) + filler;
    expect(Buffer.byteLength(body)).toBe(4 * 2 ** 20 - 1);
    expect(await firstInvalidUtf8Line(file('split.csv', body, '€\nz\n'))).toBeNull();
    // the same, then a bad byte two lines on: lines + 1 is the line of the €, lines + 3 the bad one
    expect(await firstInvalidUtf8Line(file('split-bad.csv', body, '€\nz\n', [0xff], '\n'))).toBe(lines + 3);
  });

  test('lines as parity numbers them: CRLF is one break, a bare CR is one (a file of CR line ends), also when a CRLF is split across two reads', async () => {
    expect(await firstInvalidUtf8Line(file('crlf.csv', 'id\r\n1\r\n', [0xe9], '\r\n'))).toBe(3);
    expect(await firstInvalidUtf8Line(file('cr.csv', 'id\r1\r2\r', [0xe9], '\r'))).toBe(4);
    // L CRLF lines of 65 bytes, a filler line whose CR is the last byte of the first 4 MiB read
    // and whose LF is the first of the next: the bad byte is on line L + 2 (not L + 3)
    const L = Math.floor((4 * 2 ** 20 - 1) / 65);
    const body = ('y'.repeat(63) + '\r\n').repeat(L) + 'y'.repeat(4 * 2 ** 20 - 1 - 65 * L);
    expect(Buffer.byteLength(body)).toBe(4 * 2 ** 20 - 1);
    expect(await firstInvalidUtf8Line(file('crlf-split.csv', body, '\r\n', [0xff], '\r\n'))).toBe(L + 2);
  });

  test('a file that cannot be read: null (the reader that opens it next says why)', async () => {
    expect(await firstInvalidUtf8Line(join(dir, 'missing.csv'))).toBeNull();
  });
});
