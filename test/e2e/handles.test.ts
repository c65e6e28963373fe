/**
 * A run that stops early (a missing column, a bad --by, --strict on a bad row) releases the file
 * it opened: a file handle left to the garbage collector makes Node print two warnings on
 * stderr at some later collection, so whether they appeared depended on timing (a CI run under
 * load showed them after the Kaggle export's "no creation-time column"). Each case runs the
 * program with a collection forced after it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';

function runThenCollect(args: string[]): { stderr: string; code: string } {
  const cli = pathToFileURL(join(ROOT, 'dist', 'cli.js')).href;
  const script = `const { main } = await import(${JSON.stringify(cli)});
const code = await main(${JSON.stringify(args)});
for (let k = 0; k < 3; k++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 20)); }
process.stderr.write('exit ' + code + '\\n');`;
  const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return { stderr: run.stderr, code: /exit (\d+)/.exec(run.stderr)?.[1] ?? '?' };
}

describe('a run that stops early closes the file it opened', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-handles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('no creation-time column: exit 2, and no file handle left to the collector', () => {
    // over 1 MiB: the scanner reads a file a MiB at a time, so a smaller one is read to its end (and closed) at once
    const file = join(dir, 'no-created.csv');
    writeFileSync(file, 'ticket_id,channel,first_response_at\n' + 'T1,phone,2026-10-01T10:00:00Z\n'.repeat(60_000));
    const r = runThenCollect(['audit', file]);
    expect(r.code).toBe('2');
    expect(r.stderr).toContain('no creation-time column');
    expect(r.stderr).not.toContain('Closing file descriptor');
    expect(r.stderr).not.toContain('DEP0137');
  });

  it('--by naming no column: exit 2, no handle left', () => {
    const file = join(dir, 'large.csv');
    const rows = ['ticket_id,channel,created_at,first_response_at'];
    for (let i = 0; i < 40_000; i++) rows.push(`T${i},phone,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z`);
    writeFileSync(file, rows.join('\n') + '\n');
    const r = runThenCollect(['audit', file, '--by', 'no such column']);
    expect(r.code).toBe('2');
    expect(r.stderr).toContain('--by "no such column"');
    expect(r.stderr).not.toContain('Closing file descriptor');
  });

  it('--strict stopping at a bad row in the middle: exit 2, no handle left', () => {
    const file = join(dir, 'bad-row.csv');
    const rows = ['ticket_id,channel,created_at,first_response_at'];
    for (let i = 0; i < 40_000; i++) rows.push(`T${i},phone,${i === 1500 ? 'not a date' : '2026-10-01T10:00:00Z'},2026-10-01T11:00:00Z`);
    writeFileSync(file, rows.join('\n') + '\n');
    const r = runThenCollect(['audit', file, '--strict']);
    expect(r.code).toBe('2');
    expect(r.stderr).toContain(':1502');
    expect(r.stderr).not.toContain('Closing file descriptor');
  });
});
