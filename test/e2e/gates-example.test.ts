/**
 * The example workflow's steps, run as written against the demo export, so the documented recipe
 * keeps working: JSON and JUnit (exit 0 or 1, files written), then `check` against the JSON
 * report as the next month's baseline.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { ROOT, fixture, runParity } from '../helpers/exec.js';
import type { Report } from '../../src/report.js';

const CONFIG = join(ROOT, 'examples', 'github-actions', 'parity.config.json');

describe('examples/github-actions', () => {
  it('the workflow file names only commands and options parity has', () => {
    const workflow = readFileSync(join(ROOT, 'examples', 'github-actions', 'parity.yml'), 'utf8');
    const commands = [...workflow.matchAll(/npx parity (\w+)/g)].map((m) => m[1]);
    expect(new Set(commands)).toEqual(new Set(['audit', 'check']));
    for (const option of workflow.match(/--[a-z-]+/g) ?? []) {
      expect(['--baseline', '--format', '--annotations', '--month', '--allow-missing']).toContain(option);
    }
  });

  it('runs the first month without a baseline, then the next month against it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-gates-'));
    const report = join(dir, 'report.json');
    const junit = join(dir, 'parity-junit.xml');
    const json = await runParity(['audit', fixture('demo.csv'), '-c', CONFIG, '--format', 'json', '-o', report, '--annotations', 'none']);
    expect([0, 1]).toContain(json.code);
    const written = JSON.parse(readFileSync(report, 'utf8')) as Report;
    expect(written.gates.map((g) => g.expression)).toEqual((JSON.parse(readFileSync(CONFIG, 'utf8')) as { gates: string[] }).gates);
    // the first month has no baseline: the delta gate cannot be evaluated, so it fails
    expect(written.gates[1]).toMatchObject({ passed: false, reason: 'delta(...) needs an earlier report: pass --baseline <report.json>' });
    const xml = await runParity(['audit', fixture('demo.csv'), '-c', CONFIG, '--format', 'junit', '-o', junit, '--annotations', 'none']);
    expect(xml.code).toBe(json.code);
    expect(XMLValidator.validate(readFileSync(junit, 'utf8'))).toBe(true);

    // next month (here: the same export), against the kept report: the gap changed by 0s
    const next = await runParity(['check', fixture('demo.csv'), '-c', CONFIG, '--baseline', report], { env: { GITHUB_ACTIONS: 'true' } });
    expect([0, 1]).toContain(next.code);
    expect(next.stdout).toContain('PASS  delta(gap(phone,social).firstResponse.median) > 30m: change 0s is not above 30m');
    expect(next.stdout.trim().split('\n')).toHaveLength(5); // four gates and the summary
  });
});
