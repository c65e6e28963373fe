/**
 * Reading with a worker (load/readAhead.ts) under what a run meets besides data: a Ctrl-C
 * while the worker reads, the input renamed over or deleted once parity opened it, a system
 * that refuses a thread, an address-space limit. Each run is the real binary with
 * PARITY_WORKERS=always (so a few megabytes are enough) and, where an event has to happen at a
 * given moment, a preload module (written here) that makes it happen then.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/exec.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-read-ahead-robust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * An export of `rows` tickets (ids with a prefix, so two files' ids differ). An id with a doubled
 * quote (`"T""1"`) is one the byte reader leaves to the main thread's string normaliser: then
 * the main thread is the slower one and the worker's batches queue up.
 */
function exportOf(name: string, rows: number, prefix: string): string {
  const lines = ['ticket_id,channel,created_at,first_response_at,status,subject'];
  const channels = ['phone', 'email', 'chat', 'web', 'Twitter'];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(`${prefix.includes('"') ? `"${prefix}${i}"` : `${prefix}${i}`},${channels[i % 5]},2026-09-${day}T${String(i % 24).padStart(2, '0')}:00:00Z,2026-09-${day}T23:59:00Z,open,"say ""hi"", please"`);
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

function run(args: string[], env: Record<string, string>, shell?: string): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const options = { encoding: 'utf8' as const, env: { ...process.env, PARITY_WORKERS: 'always', ...env }, timeout: 60_000 };
  const r = shell
    ? spawnSync('bash', ['-c', `${shell}; exec "$0" "$@"`, process.execPath, BIN, ...args], options)
    : spawnSync(process.execPath, [BIN, ...args], options);
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const rowsRead = (json: string): number => (JSON.parse(json) as { input: { rowsRead: number } }).input.rowsRead;

describe('reading with a worker, besides the data', () => {
  const big = exportOf('big.csv', 150_000, 'T'); // ~13 MB: many batches after the hand-over

  it('Ctrl-C while the worker reads stops the run (exit 130), as on one thread', () => {
    // the worker raises SIGINT when it reads at 4 MiB; the main thread, busy with the batches
    // queued (every row through the string normaliser), must still see it
    const slow = exportOf('slow.csv', 150_000, 'T""');
    const preload = join(dir, 'sigint.mjs');
    writeFileSync(
      preload,
      `import { isMainThread } from 'node:worker_threads';
import { createRequire, syncBuiltinESMExports } from 'node:module';
if (!isMainThread) {
  const fs = createRequire(import.meta.url)('node:fs');
  const readSync = fs.readSync;
  let sent = false;
  fs.readSync = function (...a) { if (!sent && a[4] === 4 * 1048576) { sent = true; process.kill(process.pid, 'SIGINT'); } return readSync.apply(this, a); };
  syncBuiltinESMExports();
}
`,
    );
    const r = run(['audit', slow, '--format', 'json'], { NODE_OPTIONS: `--import ${preload}` });
    expect(r.status).toBe(130);
    expect(r.stdout).toBe('');
  });

  it('the input renamed over or deleted once parity opened it: the file opened is the one read to its end', () => {
    const alone = run(['audit', big, '--format', 'json'], { PARITY_WORKERS: 'never' });
    for (const replace of [true, false]) {
      const input = exportOf('input.csv', 150_000, 'T');
      const other = exportOf('other.csv', 2_000, 'X');
      // after the main thread's first read (at position 0), rename the other file over the input, or delete it
      const preload = join(dir, 'swap.mjs');
      writeFileSync(
        preload,
        `import { isMainThread } from 'node:worker_threads';
import { open } from 'node:fs/promises';
import { renameSync, unlinkSync } from 'node:fs';
if (isMainThread) {
  const h = await open(process.argv[1]); const proto = Object.getPrototypeOf(h); await h.close();
  const read = proto.read; let done = false;
  proto.read = async function (...a) { const r = await read.apply(this, a); if (!done && a[3] === 0) { done = true; ${replace ? `renameSync(${JSON.stringify(other)}, ${JSON.stringify(input)})` : `unlinkSync(${JSON.stringify(input)})`}; } return r; };
}
`,
      );
      const r = run(['audit', input, '--format', 'json'], { NODE_OPTIONS: `--import ${preload}` });
      expect(r.status, r.stderr).toBe(0);
      expect(rowsRead(r.stdout)).toBe(150_000);
      expect(r.stdout.replaceAll(input, big)).toBe(alone.stdout);
      expect(existsSync(input)).toBe(replace);
    }
  });

  it('the worker failing part-way (its thread stops, or a fault of its own): this thread reads on, same report', () => {
    const alone = run(['audit', big, '--format', 'json'], { PARITY_WORKERS: 'never' });
    // in the worker, before it sent anything (this thread then reads on from inside the batch
    // where it handed over) or after three batches: its thread exits (at that read of the file),
    // or a fault of parity's own is thrown (sending that batch fails)
    for (const kind of ['exit', 'fault']) for (const sent of [0, 3]) {
      const name = `${kind} after ${sent} batches`;
      const preload = join(dir, `fail-${kind}-${sent}.mjs`);
      const failure =
        kind === 'exit'
          ? `const fs = createRequire(import.meta.url)('node:fs');
  const readSync = fs.readSync;
  fs.readSync = function (...a) { if (a[4] === ${sent} * 1048576) process.exit(3); return readSync.apply(this, a); };
  syncBuiltinESMExports();`
          : `const post = MessagePort.prototype.postMessage;
  let n = 0;
  MessagePort.prototype.postMessage = function (...a) { if (++n === ${sent + 1}) throw new TypeError('a fault'); return post.apply(this, a); };`;
      writeFileSync(
        preload,
        `import { isMainThread, MessagePort } from 'node:worker_threads';
import { createRequire, syncBuiltinESMExports } from 'node:module';
if (!isMainThread) {
  ${failure}
}
`,
      );
      const failed = run(['audit', big, '--format', 'json'], { NODE_OPTIONS: `--import ${preload}` });
      expect(failed.status, `${name}: ${failed.stderr}`).toBe(0);
      expect(failed.stderr).toBe('');
      expect(failed.stdout).toBe(alone.stdout);
    }
  });

  it('a system that refuses a thread: read on one thread, same report', () => {
    const preload = join(dir, 'nothread.mjs');
    writeFileSync(
      preload,
      `import { createRequire, syncBuiltinESMExports } from 'node:module';
const wt = createRequire(import.meta.url)('node:worker_threads');
wt.Worker = class { constructor() { const e = new Error('Resource temporarily unavailable'); e.code = 'EAGAIN'; throw e; } };
syncBuiltinESMExports();
`,
    );
    const refused = run(['audit', big, '--format', 'json'], { NODE_OPTIONS: `--import ${preload}` });
    const alone = run(['audit', big, '--format', 'json'], { PARITY_WORKERS: 'never' });
    expect(refused.status, refused.stderr).toBe(0);
    expect(refused.stdout).toBe(alone.stdout);
  });

  it('under an address-space limit (ulimit -v) no worker is started: the run ends as on one thread', () => {
    const limited = run(['audit', big, '--format', 'json'], {}, 'ulimit -v 1600000');
    const alone = run(['audit', big, '--format', 'json'], { PARITY_WORKERS: 'never' });
    expect(limited.status, limited.stderr).toBe(0);
    expect(limited.stdout).toBe(alone.stdout);
  });
});
