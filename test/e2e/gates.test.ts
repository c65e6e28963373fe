/**
 * Gates end to end: the built binary on hand-made fixtures in fixtures/gates.
 *
 * wide.csv (first-response minutes):   phone 60, 100, 120, 150, 200 → median 120m = 2h
 *                                      social 10, 20, 30, 40, 90   → median 30m
 *                                      email 60 ×5                  → median 1h
 *   ratio(phone,social) = 120 / 30 = 4; gap = 120m − 30m = 90m = 5400 s
 * narrow.csv:                          phone 40, 50, 60, 70, 80    → median 60m
 *                                      social 10, 20, 30, 40, 50   → median 30m
 *   ratio(phone,social) = 60 / 30 = 2
 * Five answered tickets per channel, so the runs use min5.config.json (minSample 5).
 */
import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { fixture, runParity } from '../helpers/exec.js';
import type { Report } from '../../src/report.js';

const g = (...parts: string[]): string => fixture('gates', ...parts);
const MIN5 = ['-c', g('min5.config.json')];
const RATIO = 'ratio(phone,social).firstResponse.median > 3';
const DELTA = 'delta(gap(phone,social).firstResponse.median) > 30m';

function json(stdout: string): Report {
  return JSON.parse(stdout) as Report;
}

describe('ratio gate', () => {
  it('fails (exit 1) when phone waits more than 3× as long as social', async () => {
    const run = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', RATIO]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL  ratio(phone,social).firstResponse.median > 3: value 4 is above 3 [phone 2h (n=5) over social 30m (n=5)]');
    expect(run.stdout).toContain('1 gate: 1 failed, 0 passed');
  });

  it('passes (exit 0) when the ratio is 2', async () => {
    const run = await runParity(['audit', g('narrow.csv'), ...MIN5, '--fail-on', RATIO]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('PASS  ratio(phone,social).firstResponse.median > 3: value 2 is not above 3 [phone 1h (n=5) over social 30m (n=5)]');
  });

  it('JSON has gates[] with value, threshold, passed and reason', async () => {
    const run = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', RATIO, '--fail-on', 'gap(phone,social).firstResponse.median > 2h', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = json(run.stdout);
    expect(report.gates).toHaveLength(2);
    expect(report.gates[0]).toMatchObject({ expression: RATIO, value: 4, threshold: 3, passed: false, reason: null, comparator: '>', unit: 'ratio', source: '--fail-on' });
    // 5400 s is not above 2h = 7200 s
    expect(report.gates[1]).toMatchObject({ value: 5400, threshold: 7200, passed: true, reason: null, unit: 'seconds' });
  });

  it('too few answered tickets (default minSample 30) fails with the reason', async () => {
    const run = await runParity(['audit', g('wide.csv'), '--fail-on', RATIO, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(json(run.stdout).gates[0]).toMatchObject({
      value: null,
      passed: false,
      reason: 'phone has 5 tickets with a measurable first-response time; a first-response gate needs at least 30 (minSample)',
    });
  });
});

describe('delta gates against --baseline', () => {
  it('fails when the gap grew by more than 30m since a better baseline', async () => {
    // baseline gap 4500 − 1800 = 2700 s (45m); now 5400 s: change 2700 s = 45m > 30m
    const run = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', DELTA, '--baseline', g('baseline-better.json'), '--format', 'json']);
    expect(run.code).toBe(1);
    expect(json(run.stdout).gates[0]).toMatchObject({ value: 2700, threshold: 1800, passed: false, current: 5400, baseline: 2700 });
  });

  it('passes when the baseline was worse', async () => {
    // baseline gap 7200 − 1200 = 6000 s (1h40m); now 5400 s: change −600 s = −10m
    const run = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', DELTA, '--baseline', g('baseline-worse.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('PASS  delta(gap(phone,social).firstResponse.median) > 30m: change -10m is not above 30m (1h 30m now, 1h 40m in the baseline)');
  });

  it('a delta gate without --baseline fails with its reason', async () => {
    const run = await runParity(['check', g('wide.csv'), ...MIN5, '--fail-on', DELTA]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('not evaluated: delta(...) needs an earlier report: pass --baseline <report.json>');
  });

  it('a baseline of another schemaVersion, or not a parity report, is exit 2 naming the file', async () => {
    const v3 = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', DELTA, '--baseline', g('baseline-v3.json')]);
    expect(v3.code).toBe(2);
    expect(v3.stdout).toBe('');
    expect(v3.stderr).toContain(`parity: ${g('baseline-v3.json')}: the baseline report has schemaVersion 3; this parity reads schemaVersion 2`);
    // A version 1 report's first-response medians ignored unanswered tickets: refused, with how to regenerate it.
    const v1 = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', DELTA, '--baseline', g('baseline-v1.json')]);
    expect(v1.code).toBe(2);
    expect(v1.stderr).toContain(`parity: ${g('baseline-v1.json')}: the baseline report has schemaVersion 1: its first-response medians ignore unanswered tickets`);
    expect(v1.stderr).toContain('regenerate the baseline from the same export with this parity: parity audit <that export> --as-of <its asOf> --format json -o baseline.json');
    const other = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', DELTA, '--baseline', g('not-a-report.json')]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`parity: ${g('not-a-report.json')}: the baseline is not a parity report: it has no schemaVersion`);
    const csv = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', DELTA, '--baseline', g('wide.csv')]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain(`parity: ${g('wide.csv')}: the baseline is not a parity report: not valid JSON`);
    const missing = await runParity(['audit', g('wide.csv'), '--baseline', g('no-such-report.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`parity: ${g('no-such-report.json')}: cannot read the baseline report: no such file`);
  });
});

describe('gates that cannot be evaluated', () => {
  const ABSENT = 'ratio(phone,chat).firstResponse.median > 3';

  it('an absent channel fails with the reason', async () => {
    const run = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', ABSENT]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL  ratio(phone,chat).firstResponse.median > 3: not evaluated: no chat tickets (channels present: phone, email, social)');
  });

  it('and passes with --allow-missing, the reason still shown', async () => {
    const run = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', ABSENT, '--allow-missing', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(json(run.stdout).gates[0]).toMatchObject({ value: null, passed: true, evaluated: false, reason: 'no chat tickets (channels present: phone, email, social)' });
  });

  it('a mis-mapped export (every channel unknown) fails the gate', async () => {
    const run = await runParity(['check', g('mismapped.csv'), ...MIN5, '--fail-on', RATIO]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('not evaluated: no phone tickets (channels present: other)');
  });

  it('an empty export never passes, even with --allow-missing', async () => {
    const run = await runParity(['audit', g('header-only.csv'), '--fail-on', RATIO, '--allow-missing']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no usable tickets: nothing to audit');
  });
});

describe('malformed expressions', () => {
  it('exit 2 with the expression and a caret under the bad token, before reading the data', async () => {
    const run = await runParity(['audit', g('does-not-exist.csv'), '--fail-on', 'ratio(phone,social).firstRespons.median > 3']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    // "ratio(phone,social)." is 20 characters: the caret is under offset 20
    expect(run.stderr).toBe(
      [
        'parity: --fail-on: expected a metric after ".", found "firstRespons"',
        '  ratio(phone,social).firstRespons.median > 3',
        `  ${' '.repeat(20)}^`,
        '  metrics: firstResponse.median, firstResponse.p90, resolution.median, resolution.p90, answeredShare, resolvedShare',
        '',
      ].join('\n'),
    );
  });

  it('names the config entry for a bad config gate', async () => {
    const run = await runParity(['audit', g('wide.csv'), '-c', g('bad-gate.config.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`parity: ${g('bad-gate.config.json')}: gates[1]: unknown channel "twitter"`);
    expect(run.stderr).toContain('  channels: phone, email, web, social, chat, other');
  });
});

describe('config gates', () => {
  it('a config gates entry works the same as --fail-on', async () => {
    const fromConfig = await runParity(['audit', g('wide.csv'), '-c', g('gates.config.json'), '--format', 'json']);
    const fromFlag = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', RATIO, '--format', 'json']);
    expect(fromConfig.code).toBe(1);
    expect(fromFlag.code).toBe(1);
    const [a] = json(fromConfig.stdout).gates;
    const [b] = json(fromFlag.stdout).gates;
    expect(a).toMatchObject({ expression: RATIO, value: 4, threshold: 3, passed: false, source: 'config gates[0]' });
    expect({ ...a, source: null }).toEqual({ ...b, source: null });
    const narrow = await runParity(['audit', g('narrow.csv'), '-c', g('gates.config.json')]);
    expect(narrow.code).toBe(0);
  });
});

describe('follower bands compare like channels', () => {
  // bands.csv, first-response minutes:
  //   100k+: social 10 ×3, phone 20 ×3          → median of [10,10,10,20,20,20] = 15m
  //   <1k:   social 30 ×3, phone 60 ×3, email 600 ×3
  //          like channels (phone, social) only → median of [30,30,30,60,60,60] = 45m
  //   ratio 15 / 45 = 1/3 ≈ 0.333 (with email kept it would be 15 / 60 = 0.25)
  it('band(100k+,<1k) restricts both bands to the channels they share', async () => {
    const run = await runParity([
      'audit', g('bands.csv'), ...MIN5, '--format', 'json',
      '--fail-on', 'band(100k+,<1k).firstResponse.median < 0.3',
      '--fail-on', 'band(100k+,<1k).firstResponse.median < 0.34',
    ]);
    expect(run.code).toBe(1);
    const [loose, tight] = json(run.stdout).gates;
    expect(loose?.value).toBeCloseTo(1 / 3, 9);
    expect(loose?.passed).toBe(true);
    expect(tight?.passed).toBe(false);
    expect(loose?.detail).toBe('band 100k+ (phone, social) 15m (n=6) over band <1k (phone, social) 45m (n=6); like channels only: phone, social');
  });
});

describe('CI outputs', () => {
  it('--format junit is well-formed XML with the failing gate', async () => {
    const run = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', RATIO, '--fail-on', 'gap(phone,social).firstResponse.median > 2h', '--format', 'junit']);
    expect(run.code).toBe(1);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    expect(run.stdout).toContain('<testsuite name="parity gates" tests="2" failures="1" errors="0" skipped="0" time="0">');
    expect(run.stdout).toContain('<failure message="value 4 is above 3" type="gate">');
  });

  it('Markdown and HTML write each gate as the terminal line does: the gap as a duration, the numbers behind it', async () => {
    const gates = ['--fail-on', RATIO, '--fail-on', 'gap(phone,social).firstResponse.median > 2h'];
    const md = await runParity(['audit', g('wide.csv'), ...MIN5, ...gates, '--format', 'markdown']);
    expect(md.code).toBe(1);
    // ratio 120m / 30m = 4 > 3 fails; gap 120m − 30m = 90m = 1h 30m (5400 s) is not above 2h
    expect(md.stdout).toContain('| **FAIL** | ratio(phone,social).firstResponse.median &gt; 3 | value 4 is above 3 | phone 2h (n=5) over social 30m (n=5) |');
    expect(md.stdout).toContain('| pass | gap(phone,social).firstResponse.median &gt; 2h | value 1h 30m is not above 2h | phone 2h (n=5) minus social 30m (n=5) |');
    expect(md.stdout).not.toContain('5400');
    const html = await runParity(['audit', g('wide.csv'), ...MIN5, ...gates, '--format', 'html']);
    expect(html.code).toBe(1);
    expect(html.stdout).toContain('<td>value 1h 30m is not above 2h</td><td>phone 2h (n=5) minus social 30m (n=5)</td>');
    expect(html.stdout).not.toContain('>5400<');
  });

  it('GitHub annotations go to stderr under GITHUB_ACTIONS=true; stdout stays the JSON report', async () => {
    const run = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', RATIO, '--format', 'json'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(run.code).toBe(1);
    expect(json(run.stdout).gates[0]?.passed).toBe(false);
    expect(run.stderr).toContain('::error title=parity gate::ratio(phone,social).firstResponse.median > 3: value 4 is above 3\n');
    const off = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', RATIO, '--annotations', 'none'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(off.stderr).not.toContain('::error');
    const flag = await runParity(['check', g('wide.csv'), ...MIN5, '--fail-on', RATIO, '--annotations', 'github']);
    expect(flag.stderr).toContain('::error title=parity gate::');
    const plain = await runParity(['audit', g('wide.csv'), ...MIN5, '--fail-on', RATIO]);
    expect(plain.stderr).not.toContain('::error');
  });
});

describe('parity check', () => {
  it('prints only the gate lines and a summary, with the audit exit codes', async () => {
    const failing = await runParity(['check', g('wide.csv'), ...MIN5, '--fail-on', RATIO, '--fail-on', 'gap(phone,social).firstResponse.median > 2h']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toBe(
      [
        'FAIL  ratio(phone,social).firstResponse.median > 3: value 4 is above 3 [phone 2h (n=5) over social 30m (n=5)]',
        // 5400 s = 1h 30m, not above 2h
        'PASS  gap(phone,social).firstResponse.median > 2h: value 1h 30m is not above 2h [phone 2h (n=5) minus social 30m (n=5)]',
        'parity check failed: 2 gates: 1 failed, 1 passed',
        '',
      ].join('\n'),
    );
    const passing = await runParity(['check', g('narrow.csv'), '-c', g('gates.config.json')]);
    expect(passing.code).toBe(0);
    expect(passing.stdout).toBe(
      ['PASS  ratio(phone,social).firstResponse.median > 3: value 2 is not above 3 [phone 1h (n=5) over social 30m (n=5)]', 'parity check passed: 1 gate: 0 failed, 1 passed', ''].join('\n'),
    );
  });

  it('needs at least one gate (exit 2)', async () => {
    const run = await runParity(['check', g('wide.csv'), ...MIN5]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('parity: parity check needs at least one gate');
  });
});
