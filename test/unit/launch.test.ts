import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LARGE_INPUT_BYTES, childTunables, wantsTunedHeap } from '../../src/launch.js';

describe('launcher: which runs get a process with a larger young generation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-launch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // sparse files: the size without writing the bytes
  const file = (name: string, size: number): string => {
    const path = join(dir, name);
    writeFileSync(path, '');
    truncateSync(path, size);
    return path;
  };
  const big = file('big.csv', LARGE_INPUT_BYTES);
  const small = file('small.csv', LARGE_INPUT_BYTES - 1);
  const bigGz = file('big.csv.gz', LARGE_INPUT_BYTES / 4);
  const smallGz = file('small.csv.gz', LARGE_INPUT_BYTES / 4 - 1);
  const bigParquet = file('big.parquet', LARGE_INPUT_BYTES * 4);

  it('an input file of 16 MiB or more (a quarter of that gzipped) does; smaller ones do not', () => {
    expect(wantsTunedHeap(['audit', big], [], {})).toBe(true);
    expect(wantsTunedHeap(['audit', small], [], {})).toBe(false);
    expect(wantsTunedHeap(['audit', bigGz], [], {})).toBe(true);
    expect(wantsTunedHeap(['audit', smallGz], [], {})).toBe(false);
    expect(wantsTunedHeap(['audit', small, big, '--format', 'json'], [], {})).toBe(true);
  });

  it('never twice, never when node already has the setting, never for options, folders or missing paths', () => {
    expect(wantsTunedHeap(['audit', big], [], { PARITY_LAUNCHED: '1' })).toBe(false);
    expect(wantsTunedHeap(['audit', big], ['--max-semi-space-size=32'], {})).toBe(false);
    expect(wantsTunedHeap(['audit', big], [], { NODE_OPTIONS: '--max-old-space-size=8000 --max-semi-space-size=32' })).toBe(false);
    expect(wantsTunedHeap(['audit', big], ['--inspect'], {})).toBe(false); // a second process could not bind the debugger's port
    expect(wantsTunedHeap(['audit', big], [], { NODE_OPTIONS: '--max-old-space-size=8000' })).toBe(true);
    expect(wantsTunedHeap(['--version'], [], {})).toBe(false);
    expect(wantsTunedHeap(['audit', dir, join(dir, 'missing.csv'), '-'], [], {})).toBe(false);
  });

  it('never when the tickets are counted elsewhere: Parquet (DuckDB), --engine, --db, --counts', () => {
    expect(wantsTunedHeap(['audit', bigParquet], [], {})).toBe(false);
    expect(wantsTunedHeap(['audit', big, '--engine', 'duckdb'], [], {})).toBe(false);
    expect(wantsTunedHeap(['audit', big, '--engine=duckdb'], [], {})).toBe(false);
    expect(wantsTunedHeap(['audit', '--counts', big], [], {})).toBe(false);
    expect(wantsTunedHeap(['audit', '--db', 'postgresql://localhost/x', '--table', 't'], [], {})).toBe(false);
    expect(wantsTunedHeap(['audit', bigParquet, big], [], {})).toBe(true); // the CSV is still read in-process
  });
});

describe('launcher: the tuned process asks glibc for huge pages, keeping what the user set', () => {
  it('adds huge pages and fixed mmap and trim thresholds to nothing or to other tunables; a setting of the user wins', () => {
    const ours = 'glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=131072:glibc.malloc.trim_threshold=131072';
    expect(childTunables(undefined)).toBe(ours);
    expect(childTunables('')).toBe(ours);
    expect(childTunables('glibc.malloc.arena_max=2')).toBe(`glibc.malloc.arena_max=2:${ours}`);
    expect(childTunables('glibc.malloc.hugetlb=0')).toBe('glibc.malloc.hugetlb=0:glibc.malloc.mmap_threshold=131072:glibc.malloc.trim_threshold=131072');
    expect(childTunables('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2')).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2:glibc.malloc.mmap_threshold=131072:glibc.malloc.trim_threshold=131072');
    expect(childTunables('glibc.malloc.mmap_threshold=4096:glibc.malloc.trim_threshold=0')).toBe('glibc.malloc.mmap_threshold=4096:glibc.malloc.trim_threshold=0:glibc.malloc.hugetlb=1');
    // a prefix of a name is another tunable
    expect(childTunables('glibc.malloc.hugetlb_x=1')).toBe(`glibc.malloc.hugetlb_x=1:${ours}`);
    // glibc's older variables for the thresholds are the user's setting too (a tunable would override them)
    expect(childTunables(undefined, { MALLOC_TRIM_THRESHOLD_: '0' })).toBe('glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=131072');
    expect(childTunables('glibc.malloc.arena_max=2', { MALLOC_MMAP_THRESHOLD_: '65536', MALLOC_TRIM_THRESHOLD_: '0' })).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1');
  });
});
