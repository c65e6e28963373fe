/**
 * Start-up stays light: what a command loads decides how long `parity --version` or the audit of
 * a small file takes (timed in `npm run bench`, not here). This asserts which packages load, so a
 * whole-package import of date-fns or an eager zod or Excel reader shows up as a failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, fixture } from '../helpers/exec.js';

function loaded(args: string[]): string[] {
  const run = spawnSync(process.execPath, ['--import', join(ROOT, 'test', 'helpers', 'loadRegister.mjs'), BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return run.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice('LOADED '.length));
}

const packageOf = (url: string): string | null => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? null;

/**
 * Packages the build bundles into parity's own chunks (scripts/bundle.mjs INLINE) do not show
 * as node_modules files: a text only their code holds tells whether a loaded chunk carries them.
 */
const INLINED_MARKS: Record<string, string> = {
  // date-fns' format-string parser (formats/dateOrder.ts uses it for configured formats)
  'date-fns': 'Format string contains an unescaped latin alphabet character',
  'csv-stringify': 'Invalid Record: expect an array or an object',
};

/** The inlined packages whose code a loaded chunk of parity's holds. */
function inlinedLoaded(urls: string[]): string[] {
  const texts = urls.filter((u) => packageOf(u) === null && u.includes('/dist/')).map((u) => readFileSync(fileURLToPath(u), 'utf8'));
  return Object.entries(INLINED_MARKS)
    .filter(([, mark]) => texts.some((t) => t.includes(mark)))
    .map(([name]) => name);
}

describe('start-up loads only what the command needs', () => {
  it('parity --version answers from package.json: no package, not the program', () => {
    const urls = loaded(['--version']);
    expect(urls.map(packageOf).filter((p) => p !== null)).toEqual([]);
    expect(urls.some((u) => /\/dist\/cli(\.bundle)?\.js$/.test(u))).toBe(false);
    expect(urls.length).toBeLessThan(5);
  });

  it('parity --help: the program and commander only, no command, few modules', () => {
    const urls = loaded(['--help']);
    const packages = new Set(urls.map(packageOf).filter((p): p is string => p !== null));
    expect([...packages].sort()).toEqual(['commander']);
    // the program is bundled (chunks named by hash): look for the audit command's code itself
    const programFiles = urls.filter((u) => packageOf(u) === null && u.includes('/dist/'));
    expect(programFiles.length).toBeGreaterThan(0);
    expect(programFiles.filter((u) => /function auditCommand\b/.test(readFileSync(fileURLToPath(u), 'utf8')))).toEqual([]);
    expect(urls.length).toBeLessThan(25);
  });

  it('an audit of a small CSV without a config: no zod, no date-fns parser, no Excel reader, no charts', () => {
    const urls = loaded(['audit', fixture('small.csv'), '--quiet', '--no-config']);
    const packages = new Set(urls.map(packageOf).filter((p): p is string => p !== null));
    for (const heavy of ['zod', 'date-fns', 'read-excel-file', '@observablehq/plot', 'linkedom', 'pg', '@clickhouse/client']) {
      expect(packages.has(heavy), heavy).toBe(false);
    }
    // nor the date-fns parser or the CSV writer bundled into a chunk of parity's (no --rejects)
    expect(inlinedLoaded(urls)).toEqual([]);
    // the bundle runs, not tsc's per-file modules (about 110 of them)
    const programFiles = urls.filter((u) => packageOf(u) === null && u.includes('/dist/'));
    expect(programFiles.filter((u) => !/\/dist\/(\w+\.bundle\.js|chunks\/\w+\.js)$/.test(u))).toEqual([]);
    expect(urls.length).toBeLessThan(90);
    // and the audit command is there (the check above looks for the right thing)
    expect(programFiles.some((u) => /function auditCommand\b/.test(readFileSync(fileURLToPath(u), 'utf8')))).toBe(true);
  });

  it('the inlined packages are found where they are used: a date format in the config loads the parser, --rejects the CSV writer', () => {
    // (the check above could not fail if the marks were not in the build at all)
    const dir = mkdtempSync(join(tmpdir(), 'parity-startup-'));
    try {
      const config = join(dir, 'parity.config.json');
      writeFileSync(config, JSON.stringify({ dateFormat: "yyyy-MM-dd'T'HH:mm:ssX" }));
      const urls = loaded(['audit', fixture('small.csv'), '--quiet', '-c', config, '--rejects', join(dir, 'rejects.csv')]);
      expect(inlinedLoaded(urls).sort()).toEqual(['csv-stringify', 'date-fns']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a config file loads the schema (zod) when there is one to check', () => {
    const urls = loaded(['audit', fixture('small.csv'), '--quiet', '-c', fixture('gates', 'min5.config.json')]);
    expect(urls.some((u) => packageOf(u) === 'zod')).toBe(true);
  });
});
