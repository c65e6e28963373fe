/**
 * The published package, as a user gets it: `npm pack` makes the tarball (from the dist/ the
 * test setup just built), an empty project installs it, and `npx parity` runs from there.
 *
 * Offline on purpose: `npm install <tarball>` would ask the registry for every dependency's
 * metadata, which npm's cache does not hold after `npm ci` (ci fetches tarballs by integrity,
 * never metadata). So the empty project gets a lock file made from this repository's own lock
 * (the production entries, plus the tarball itself), and `npm ci --offline` installs it from
 * the cache alone; an unreachable proxy makes any network access fail loudly.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, fixture } from '../helpers/exec.js';

const run = promisify(execFile);
const NO_NETWORK = { ...process.env, npm_config_proxy: 'http://127.0.0.1:9', npm_config_https_proxy: 'http://127.0.0.1:9', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' };

interface LockEntry { dev?: boolean; devOptional?: boolean; [key: string]: unknown }

describe('the npm package parity-audit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-pack-'));
  const project = join(dir, 'project');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; license: string; bin: Record<string, string>; dependencies: Record<string, string>; engines: Record<string, string> };

  beforeAll(async () => {
    await run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, env: NO_NETWORK });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz')) as string;
    const spec = `file:../${tarball}`;
    const integrity = `sha512-${createHash('sha512').update(readFileSync(join(dir, tarball))).digest('base64')}`;
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
    const packages: Record<string, unknown> = {
      '': { name: 'audit-project', dependencies: { [pkg.name]: spec } },
      [`node_modules/${pkg.name}`]: { version: pkg.version, resolved: spec, integrity, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
    };
    for (const [path, entry] of Object.entries(lock.packages)) if (path && !entry.dev && !entry.devOptional) packages[path] = entry;
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'audit-project', private: true, dependencies: { [pkg.name]: spec } }));
    writeFileSync(join(project, 'package-lock.json'), JSON.stringify({ name: 'audit-project', lockfileVersion: 3, requires: true, packages }));
    await run('npm', ['ci', '--offline'], { cwd: project, env: NO_NETWORK });
  }, 180_000);

  it('is named parity-audit and installs the command parity', () => {
    expect(pkg.name).toBe('parity-audit');
    expect(Object.keys(pkg.bin)).toEqual(['parity']);
  });

  it('runs `npx parity --version` from the installed tarball', async () => {
    const { stdout } = await run('npx', ['--offline', 'parity', '--version'], { cwd: project, env: NO_NETWORK });
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('audits a fixture from the installed tarball, with the schema the config points to', async () => {
    const { stdout } = await run('npx', ['--offline', 'parity', 'audit', fixture('small.csv'), '--format', 'json'], { cwd: project, env: NO_NETWORK });
    const report = JSON.parse(stdout) as { input: { tickets: number; rowsRead: number } };
    // small.csv: 11 data rows, all usable
    expect(report.input).toMatchObject({ rowsRead: 11, tickets: 11 });
    // init writes "$schema": "./node_modules/parity-audit/parity.schema.json": that file must exist
    const schema = JSON.parse(readFileSync(join(project, 'node_modules', 'parity-audit', 'parity.schema.json'), 'utf8')) as { type: string };
    expect(schema.type).toBe('object');
  });
});
