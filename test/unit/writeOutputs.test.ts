// Atomic writes of an output given in chunks (parity counts of a large table).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeAtomic } from '../../src/write/outputs.js';

describe('writeAtomic with chunks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-write-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the chunks land in order, as one file', async () => {
    const path = join(dir, 'counts.csv');
    function* chunks() {
      yield 'a,b\n';
      for (let k = 0; k < 3000; k++) yield `${k},${'x'.repeat(100)}\n`;
    }
    await writeAtomic(path, chunks());
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.length).toBe(3002); // header, 3000 rows, '' after the last newline
    expect(lines[0]).toBe('a,b');
    expect(lines[2999]).toBe(`2998,${'x'.repeat(100)}`);
  });

  test('writing many chunks that each wait for the disk leaves no listener behind (no leak warning)', async () => {
    const path = join(dir, 'long.csv');
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    // 64 chunks of 1 MiB: every write fills the stream's buffer, so every chunk waits for 'drain'
    function* chunks() {
      for (let k = 0; k < 64; k++) yield 'y'.repeat(1 << 20);
    }
    try {
      await writeAtomic(path, chunks());
      await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(readFileSync(path).length).toBe(64 << 20);
    expect(warnings).toEqual([]);
  });

  test('a failing producer leaves the earlier file as it was and no temporary file', async () => {
    const path = join(dir, 'kept.csv');
    writeFileSync(path, 'before\n');
    function* failing() {
      yield 'half\n';
      throw new Error('the engine went away');
    }
    await expect(writeAtomic(path, failing())).rejects.toThrow('the engine went away');
    expect(readFileSync(path, 'utf8')).toBe('before\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
