/**
 * Runs the built binary (bin/parity.js → dist/) as a user would, with NO_COLOR, and returns
 * stdout, stderr and the exit code. The e2e suites build once in globalSetup.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'parity.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `parity <args>` in `cwd` (default the project root), feeding `stdin` if given. */
export function runParity(args: string[], options: { cwd?: string; stdin?: string | Buffer; env?: Record<string, string> } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', GITHUB_ACTIONS: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else child.stdin.end();
  });
}

/** Path of a fixture. */
export function fixture(...parts: string[]): string {
  return join(ROOT, 'fixtures', ...parts);
}

/** A CSV written to a fresh temporary folder from its lines (header first); returns its path. */
export function tempCsv(name: string, lines: readonly string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'parity-test-')), name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
