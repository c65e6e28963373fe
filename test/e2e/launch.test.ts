/**
 * bin/parity.js starts a tuned child process for a large input (src/launch.ts): the output, the
 * exit code and the error messages must be exactly those of a run without it.
 */
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runParity } from '../helpers/exec.js';

describe('the launcher passes everything through', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-launch-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // over 16 MiB: 300,000 tickets, two channels; phone answered in 600 s, social in 60 s.
  const rows = ['ticket_id,channel,created_at,first_response_at'];
  for (let i = 0; i < 300_000; i++) {
    const phone = i % 2 === 0;
    const created = Date.UTC(2026, 0, 1) + i * 60_000;
    rows.push(`T${i},${phone ? 'phone' : 'twitter'},${new Date(created).toISOString()},${new Date(created + (phone ? 600_000 : 60_000)).toISOString()}`);
  }
  const body = rows.join('\n') + '\n';
  const big = join(dir, 'big.csv');
  writeFileSync(big, body);

  it('the same JSON and exit code as a run in one process', async () => {
    expect(body.length).toBeGreaterThanOrEqual(16 * 2 ** 20); // large enough to be launched tuned
    const args = ['audit', big, '--format', 'json', '--generated-at', '2026-11-28T00:00:00Z', '--fail-on', 'ratio(social,phone).firstResponse.median < 0.5'];
    const tuned = await runParity(args);
    const plain = await runParity(args, { env: { PARITY_LAUNCHED: '1' } });
    expect(tuned.code).toBe(1); // social's median 60 s over phone's 600 s = 0.1 < 0.5: the gate fails
    expect(tuned.code).toBe(plain.code);
    expect(tuned.stdout).toBe(plain.stdout);
    expect(tuned.stderr).toBe(plain.stderr);
    const report = JSON.parse(tuned.stdout) as { channels: Array<{ channel: string; tickets: number; firstResponse: { median: number } }> };
    expect(report.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median])).toEqual([
      ['phone', 150_000, 600],
      ['social', 150_000, 60],
    ]);
  });

  it('a signal to the launcher stops the run as it stops one in one process: no output written', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../helpers/exec.js');
    const out = join(dir, 'stopped.json');
    // Five times the tickets (ids kept apart), so that the run is surely still going when the
    // signal comes: the 300k-row file alone audits in about 1.5 s, the moment the signal is sent.
    const larger = join(dir, 'larger.csv');
    writeFileSync(larger, body);
    for (const prefix of ['U', 'V', 'W', 'X']) appendFileSync(larger, body.slice(body.indexOf('\n') + 1).replace(/^T/gm, prefix));
    const child = spawn(process.execPath, [BIN, 'audit', larger, '--format', 'json', '-o', out], { stdio: 'ignore' });
    // listened to from the start: a run that ended before the signal must not go unnoticed
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGTERM'); // to the launcher's process only, as docker stop or a supervisor sends it
    const [code, signal] = await exited;
    // parity's handler exits 143 (128 + 15); before it is installed the default action kills the run
    expect(code === 143 || signal === 'SIGTERM').toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it('standard input redirected from a large file reaches the tuned process whole', async () => {
    const { spawn } = await import('node:child_process');
    const { openSync, closeSync } = await import('node:fs');
    const { BIN } = await import('../helpers/exec.js');
    const fd = openSync(big, 'r');
    const run = (env: Record<string, string>): Promise<string> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [BIN, 'audit', '-', '--format', 'json', '--generated-at', '2026-11-28T00:00:00Z'], { stdio: [fd, 'pipe', 'ignore'], env: { ...process.env, ...env } });
        let out = '';
        child.stdout?.on('data', (d: Buffer) => (out += d.toString('utf8')));
        child.on('close', () => resolve(out));
      });
    const tuned = await run({});
    closeSync(fd);
    const report = JSON.parse(tuned) as { input: { rowsRead: number } };
    expect(report.input.rowsRead).toBe(300_000); // every row, none read by the launcher first
  });

  it('an input error from the tuned process: exit 2 and its message', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'just,a,header\n' + 'x,y,z\n'.repeat(3_000_000));
    const run = await runParity(['audit', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^parity: /);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
