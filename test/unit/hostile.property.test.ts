/**
 * Property (issue 10): any string — control characters, bidi controls, line separators, quotes,
 * workflow-command prefixes included — placed in any field (or a header) of a small export
 * yields stdout and stderr with no control character except line feed (and tab where the
 * format has it), and no line starting with `::`, in every command and output format. Runs the
 * CLI's own `main` in-process with stdout/stderr captured, so the path is the user's.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const HEADER = ['ticket_id', 'customer_id', 'channel', 'created_at', 'first_response_at', 'resolved_at', 'category', 'subject', 'follower_count'];
const BASE_ROWS = [
  ['T1', 'c1', 'phone', '2026-10-01T09:00:00Z', '2026-10-01T09:30:00Z', '2026-10-02T09:00:00Z', 'billing', 'help', '10'],
  ['T2', 'c2', 'email', '2026-10-01T10:00:00Z', '2026-10-01T12:00:00Z', '', 'billing', 'hello', '2000'],
  ['T3', 'c3', 'social', '2026-10-02T10:00:00Z', '', '', 'tech', 'HELP!!!', '150000'],
  ['T4', 'c1', 'chat', '2026-10-03T10:00:00Z', '2026-10-03T10:01:00Z', '2026-10-03T11:00:00Z', 'tech', 'hi', ''],
  ['T5', 'c4', 'phone', '2026-10-04T10:00:00Z', '2026-10-04T10:20:00Z', '2026-10-05T10:00:00Z', 'billing', 'x', '5'],
];

const hostileChar = fc.oneof(
  fc.constantFrom('\u001b', '\u001b[2J', '\u001b]0;t\u0007', '\n', '\r', '\r\n', '\t', '\u0000', '\u0007', '\u007f', '\u0085', '\u009b', '\u202e', '\u2066', '\u200f', '\u2028', '\u2029', '::error::x', '::stop-commands::t', '"', ',', ';', '@', '<img src=x>', '=1+1', '＝', '%', '\\', 'http://x', 'ü', '東'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const hostile = fc.array(hostileChar, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

function csvCell(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Captures what `main` writes; resolves to stdout, stderr and the exit code. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const capture = (sink: (s: string) => void) =>
    ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') (done as () => void)();
      return true;
    }) as typeof process.stdout.write;
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((s) => (stdout += s)));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((s) => (stderr += s)));
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const COMMANDS: string[][] = [
  ['audit', '--format', 'table'],
  ['audit', '--format', 'json'],
  ['audit', '--format', 'markdown'],
  ['audit', '--format', 'html'],
  ['audit', '--format', 'csv'],
  ['audit', '--format', 'junit', '--fail-on', 'ratio(email,phone).firstResponse.median > 2'],
  ['audit', '--strict'],
  ['check', '--fail-on', 'findings.significant > 0'],
  ['inspect'],
  ['inspect', '--format', 'json'],
  ['report', '--format', 'markdown'],
];

describe('hostile text in any field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-hostile-'));
  beforeAll(() => {
    vi.stubEnv('NO_COLOR', '1');
    vi.stubEnv('FORCE_COLOR', '0');
    vi.stubEnv('GITHUB_ACTIONS', '');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('prints no control character (but line feed and tab) and no line starting with ::, in every format', async () => {
    let k = 0;
    await fc.assert(
      fc.asyncProperty(hostile, fc.integer({ min: -1, max: HEADER.length - 1 }), fc.integer({ min: 0, max: BASE_ROWS.length - 1 }), async (text, column, row) => {
        // column -1: the text is a header name instead of a value
        const header = HEADER.map((h, c) => (column === -1 && c === 6 ? text : h));
        const rows = BASE_ROWS.map((r, i) => r.map((v, c) => (i === row && c === column ? text : v)));
        const file = join(dir, `h${k++}.csv`);
        writeFileSync(file, `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
        for (const command of COMMANDS) {
          const [name, ...flags] = command as [string, ...string[]];
          const result = await run([name, file, ...flags, '--as-of', '2026-11-01T00:00:00Z']);
          const where = `${command.join(' ')} with ${JSON.stringify(text)} in ${column === -1 ? 'a header' : HEADER[column]}`;
          expect([0, 1, 2], where).toContain(result.code);
          expect(result.stdout, where).not.toMatch(CONTROL);
          expect(result.stderr, where).not.toMatch(CONTROL);
          expect(`${result.stdout}\n${result.stderr}`.split('\n').filter((l) => l.startsWith('::')), where).toEqual([]);
          expect(result.stderr, where).not.toContain('internal error');
        }
      }),
      { numRuns: 25, seed: 20261128 },
    );
  });
});
