import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, fixture, ROOT, runParity } from '../helpers/exec.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

describe('the command line', () => {
  it('--help and --version exit 0 on stdout', async () => {
    const help = await runParity(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: parity');
    expect(help.stdout).toContain('audit');
    const version = await runParity(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    // the short path (package.json read by bin/) and the program's own flag say the same
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`${pkg.version}\n`);
    expect((await runParity(['-V'])).stdout).toBe(`${pkg.version}\n`);
    const viaProgram = await runParity(['--quiet', '--version']);
    expect(viaProgram.code).toBe(0);
    expect(viaProgram.stdout).toBe(`${pkg.version}\n`);
  });

  it('no command, an unknown command, or a missing file argument is a usage error (exit 2)', async () => {
    expect((await runParity([])).code).toBe(2);
    const unknown = await runParity(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const missing = await runParity(['audit']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'file'");
  });

  it('--bands given empty is a usage error, not the default bands in silence', async () => {
    const empty = await runParity(['audit', fixture('small.csv'), '--bands', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--bands "" is not a list of positive numbers');
  });

  it("a bad --generated-at is parity's usage error, as every other option's bad value is, not commander's \"error: option …\"", async () => {
    for (const command of ['audit', 'report']) {
      const r = await runParity([command, fixture('small.csv'), '--generated-at', 'yesterday']);
      expect(r.code, command).toBe(2);
      expect(r.stderr, command).toBe('parity: --generated-at "yesterday" is not an ISO date or date-time\n  write it like 2026-11-01 or 2026-11-01T09:00:00Z\n');
      expect(r.stdout, command).toBe('');
    }
    // the value is data from the user: an escape sequence in it is shown escaped
    const escaped = await runParity(['audit', fixture('small.csv'), '--generated-at', '2026\u001b[31m']);
    expect(escaped.code).toBe(2);
    expect(escaped.stderr).toContain('parity: --generated-at "2026\\u001b[31m" is not an ISO date or date-time');
  });

  it('a closed pipe ends quietly', async () => {
    // the child writes the whole table into a pipe whose reader is gone: no EPIPE stack trace
    const { spawn } = await import('node:child_process');
    const { BIN, fixture } = await import('../helpers/exec.js');
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'audit', fixture('demo.csv')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.destroy();
      child.on('close', (c) => {
        expect(stderr).not.toContain('EPIPE');
        resolve(c ?? -1);
      });
    });
    expect(code).toBe(0);
  });

  it("a closed pipe keeps the run's exit code, and a closed stderr changes nothing (found by an independent attack)", async () => {
    const { spawn } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'parity-pipes-'));
    const run = (args: string[], close: 'stdout' | 'stderr'): Promise<{ code: number; stderr: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
        let stderr = '';
        if (close === 'stdout') {
          child.stdout.destroy();
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        } else {
          child.stderr.destroy();
          child.stdout.resume();
        }
        child.on('close', (c) => resolve({ code: c ?? -1, stderr }));
      });
    // a gate that fails (demo.csv has significant findings): `… | head` under pipefail stays red
    const gate = await run(['audit', fixture('demo.csv'), '--format', 'json', '--fail-on', 'findings.significant > 0'], 'stdout');
    expect(gate.code).toBe(1);
    expect(gate.stderr).not.toContain('EPIPE');
    // notes on a closed stderr (--since warns): the run ends as it would, its -o file written
    const quiet = await run(['audit', fixture('demo.csv'), '--since', '2026-10-01', '--format', 'json', '-o', 'out.json'], 'stderr');
    expect(quiet.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).schemaVersion).toBe(2);
  });
});

describe('a working folder removed under the shell', () => {
  it('exit 2 with what to do, no stack trace', () => {
    const base = mkdtempSync(join(tmpdir(), 'parity-gone-'));
    const run = (input: string) => {
      try {
        execFileSync('sh', ['-c', `mkdir gone && cd gone && rmdir ../gone && exec "$0" "$1" audit "$2"`, process.execPath, BIN, input], { cwd: base, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        return { code: 0, stderr: '' };
      } catch (error) {
        const e = error as { status: number; stderr: string };
        return { code: e.status, stderr: e.stderr };
      }
    };
    const r = run(fixture('demo.csv'));
    expect(r).toEqual({ code: 2, stderr: 'parity: the current folder no longer exists (or cannot be read)\n  cd to a folder that exists and run it again\n' });
  });
});
