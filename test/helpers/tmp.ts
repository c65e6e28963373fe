// vitest globalSetup: every temporary file a test (or a parity process it starts) makes goes
// into one folder of this run, removed when the run ends, however the test ended. The test
// files make their folders with mkdtempSync(join(tmpdir(), …)); tmpdir() reads TMPDIR, which
// the test workers and the processes they start inherit from here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'parity-tests-'));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
