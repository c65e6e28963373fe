import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LARGE_INPUT_BYTES, childNodeOptions, childTunables, tuningFor } from '../../src/launch.js';

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
    expect(tuningFor(['audit', big], [], {})).toBe('tickets');
    expect(tuningFor(['audit', small], [], {})).toBe(null);
    expect(tuningFor(['audit', bigGz], [], {})).toBe('tickets');
    expect(tuningFor(['audit', smallGz], [], {})).toBe(null);
    expect(tuningFor(['audit', small, big, '--format', 'json'], [], {})).toBe('tickets');
  });

  it('never twice, never when node already has the setting, never for options, folders or missing paths', () => {
    expect(tuningFor(['audit', big], [], { PARITY_LAUNCHED: '1' })).toBe(null);
    expect(tuningFor(['audit', big], ['--max-semi-space-size=32'], {})).toBe(null);
    expect(tuningFor(['audit', big], [], { NODE_OPTIONS: '--max-old-space-size=8000 --max-semi-space-size=32' })).toBe(null);
    expect(tuningFor(['audit', big], ['--inspect'], {})).toBe(null); // a second process could not bind the debugger's port
    expect(tuningFor(['audit', '--db', 'postgresql://localhost/x', '--table', 't'], ['--inspect'], {})).toBe(null);
    expect(tuningFor(['audit', big], [], { NODE_OPTIONS: '--max-old-space-size=8000' })).toBe('tickets');
    expect(tuningFor(['--version'], [], {})).toBe(null);
    expect(tuningFor(['audit', dir, join(dir, 'missing.csv'), '-'], [], {})).toBe(null);
  });

  it('counted where the tickets live (Parquet, --engine, --db, a large --counts file): the allocator thresholds, not the young generation', () => {
    expect(tuningFor(['audit', bigParquet], [], {})).toBe('counts');
    expect(tuningFor(['audit', big, '--engine', 'duckdb'], [], {})).toBe('counts');
    expect(tuningFor(['audit', big, '--engine=duckdb'], [], {})).toBe('counts');
    expect(tuningFor(['audit', '--db', 'postgresql://localhost/x', '--table', 't'], [], {})).toBe('counts');
    expect(tuningFor(['audit', '--counts', big], [], {})).toBe('counts');
    expect(tuningFor(['audit', `--counts=${big}`], [], {})).toBe('counts');
    expect(tuningFor(['audit', '--counts', small], [], {})).toBe(null);
    expect(tuningFor(['audit', '--counts'], [], {})).toBe(null); // the command says what is missing
    expect(tuningFor(['audit', bigParquet, big], [], {})).toBe('tickets'); // the CSV is still read in-process
    expect(tuningFor(['audit', big, '--engine', 'parity'], [], {})).toBe('tickets'); // read in-process
    expect(tuningFor(['audit', small, '--engine=parity'], [], {})).toBe(null);
    expect(childNodeOptions('tickets')).toEqual(['--max-semi-space-size=64']);
    expect(childNodeOptions('counts')).toEqual([]);
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

  it('a run that counts elsewhere gets the thresholds without huge pages, the user\'s settings still first', () => {
    expect(childTunables(undefined, {}, 'counts')).toBe('glibc.malloc.mmap_threshold=131072:glibc.malloc.trim_threshold=131072');
    expect(childTunables('glibc.malloc.hugetlb=1', {}, 'counts')).toBe('glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=131072:glibc.malloc.trim_threshold=131072');
    expect(childTunables(undefined, { MALLOC_MMAP_THRESHOLD_: '65536' }, 'counts')).toBe('glibc.malloc.trim_threshold=131072');
  });
});
