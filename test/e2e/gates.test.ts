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
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('findings.significant on an export where nothing could be compared', () => {
  it('fails as not evaluated (exit 1) when every channel value is unknown, and passes with --allow-missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-mismapped-'));
    const file = join(dir, 'mismapped.csv');
    // pigeon and smoke are no channel parity knows: all four tickets land in other
    const rows = ['1,pigeon,1h', '2,pigeon,2h', '3,smoke,3h', '4,smoke,4h'].map((r) => {
      const [id, ch, h] = r.split(',');
      return `${id},${ch},2026-10-01T09:00:00Z,2026-10-01T${String(9 + Number(h!.slice(0, -1))).padStart(2, '0')}:00:00Z`;
    });
    writeFileSync(file, `ticket_id,channel,created_at,first_response_at\n${rows.join('\n')}\n`);
    const run = await runParity(['audit', file, '--no-config', '--fail-on', 'findings.significant > 0']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL  findings.significant > 0: not evaluated: nothing was compared: there was only one group to compare');
    const allowed = await runParity(['audit', file, '--no-config', '--allow-missing', '--fail-on', 'findings.significant > 0']);
    expect(allowed.code).toBe(0);
  });
});

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

  it('parity check prints gate results only: a document format is a usage error naming parity audit', async () => {
    const run = await runParity(['check', g('wide.csv'), ...MIN5, '--fail-on', RATIO, '--format', 'markdown']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format "markdown" is not a format of parity check: text, json, junit');
    expect(run.stderr).toContain('parity audit --format markdown');
    expect(run.stdout).toBe('');
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
    // a by group that is not an object with a value (found by an independent attack: an internal error)
    const report = JSON.parse((await runParity(['audit', g('wide.csv'), ...MIN5, '--format', 'json'])).stdout);
    const dir = mkdtempSync(join(tmpdir(), 'parity-bad-baseline-'));
    for (const groups of [[null], [{ value: 5 }]]) {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ ...report, by: { field: 'category', reference: null, groups } }));
      const run = await runParity(['audit', g('wide.csv'), ...MIN5, '--by', 'category', '--fail-on', 'delta(by(Billing).answeredShare) > 5%', '--baseline', bad]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`parity: ${bad}: the baseline is not a parity report: by.groups[0]`);
      expect(run.stderr).not.toContain('internal error');
    }
    const missing = await runParity(['audit', g('wide.csv'), '--baseline', g('no-such-report.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`parity: ${g('no-such-report.json')}: cannot read the baseline report: no such file`);
  });
});

describe('delta gates against a baseline measured differently', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-baseline-'));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  // Ten phone tickets with a group and a category (first response in minutes):
  //   group A: 10 20 30 40 50 → median 30m    group B: 60 70 80 90 100 → median 80m    by(A,B) = 30/80 = 0.375
  //   category A: 10 20 80 90 100 → median 80m    category B: 30 40 50 60 70 → median 50m    by(A,B) = 80/50 = 1.6
  const minutes = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const categories = ['A', 'A', 'B', 'B', 'B', 'B', 'B', 'A', 'A', 'A'];
  const byCsv = file(
    'by.csv',
    ['ticket_id,channel,created_at,first_response_at,group,category']
      .concat(minutes.map((m, i) => `G${i},phone,2026-09-01T08:00:00Z,${new Date(Date.parse('2026-09-01T08:00:00Z') + m * 60_000).toISOString()},${i < 5 ? 'A' : 'B'},${categories[i]}`))
      .join('\n'),
  );
  const BY = 'delta(by(A,B).firstResponse.median) > 0.5';

  it('by(...) over another --by field is not evaluated (a group ratio is not a category ratio)', async () => {
    const baseline = join(dir, 'by-group.json');
    expect((await runParity(['audit', byCsv, ...MIN5, '--by', 'group', '--format', 'json', '-o', baseline])).code).toBe(0);
    // compared, the change would be 1.6 − 0.375 = 1.225 > 0.5: a failure made of two different questions
    const run = await runParity(['check', byCsv, ...MIN5, '--by', 'category', '--baseline', baseline, '--fail-on', BY, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(json(run.stdout).gates[0]).toMatchObject({
      value: null,
      passed: false,
      evaluated: false,
      current: 1.6,
      baseline: null,
      reason: "the baseline report was measured differently (--by field group in the baseline, category now), so their difference is not a change in service: make the baseline again with this run's settings",
    });
    // --allow-missing lets it through, the reason still shown
    const through = await runParity(['check', byCsv, ...MIN5, '--by', 'category', '--baseline', baseline, '--fail-on', BY, '--allow-missing']);
    expect(through.code).toBe(0);
    expect(through.stdout).toContain('not evaluated: the baseline report was measured differently (--by field group in the baseline, category now)');
    // the same field in the baseline is compared: 1.6 − 1.6 = 0
    const same = join(dir, 'by-category.json');
    await runParity(['audit', byCsv, ...MIN5, '--by', 'category', '--format', 'json', '-o', same]);
    const compared = await runParity(['check', byCsv, ...MIN5, '--by', 'category', '--baseline', same, '--fail-on', BY, '--format', 'json']);
    expect(compared.code).toBe(0);
    expect(json(compared.stdout).gates[0]).toMatchObject({ value: 0, passed: true, evaluated: true, current: 1.6, baseline: 1.6 });
  });

  // Five phone tickets created on Friday 2026-09-04 16:00Z and answered on Monday 10:00Z, five
  // e-mails created on Monday 09:00Z and answered at 12:00Z.
  //   calendar: phone 66h, email 3h: gap(phone,email) = 63h
  //   business hours Mon–Fri 09:00–17:00 UTC: phone 1h on Friday + 1h on Monday = 2h, email 3h: gap −1h
  const clockCsv = file(
    'clock.csv',
    ['ticket_id,channel,created_at,first_response_at']
      .concat([1, 2, 3, 4, 5].map((k) => `P${k},phone,2026-09-04T16:00:00Z,2026-09-07T10:00:00Z`))
      .concat([1, 2, 3, 4, 5].map((k) => `E${k},email,2026-09-07T09:00:00Z,2026-09-07T12:00:00Z`))
      .join('\n'),
  );
  const calendar = file('calendar.config.json', JSON.stringify({ minSample: 5 }));
  const business = file('business.config.json', JSON.stringify({ minSample: 5, clock: 'business', businessHours: { timeZone: 'UTC', open: ['Mon-Fri 09:00-17:00'] } }));
  const GAP = 'delta(gap(phone,email).firstResponse.median) > 30m';
  const SHARE = 'delta(channel(phone).answeredShare) < -10%';

  it('durations on another clock are not evaluated; shares, which no clock changes, are', async () => {
    const baseline = join(dir, 'calendar.json');
    expect((await runParity(['audit', clockCsv, '-c', calendar, '--format', 'json', '-o', baseline])).code).toBe(0);
    // compared, the change would be −1h − 63h = −64h: a pass made of two clocks
    const run = await runParity(['check', clockCsv, '-c', business, '--baseline', baseline, '--fail-on', GAP, '--fail-on', SHARE, '--format', 'json']);
    expect(run.code).toBe(1);
    const [gap, share] = json(run.stdout).gates;
    expect(gap).toMatchObject({ value: null, passed: false, evaluated: false, current: -3600 });
    expect(gap?.reason).toBe(
      "the baseline report was measured differently (durations counted in calendar time in the baseline, business hours Mon-Fri 09:00-17:00 (UTC) now), so their difference is not a change in service: make the baseline again with this run's settings",
    );
    // answered share 5/5 = 1 then and now: change 0
    expect(share).toMatchObject({ value: 0, passed: true, evaluated: true, current: 1, baseline: 1 });
    // other opening hours are another clock too: Mon–Fri 08:00–18:00 gives phone 1h + 2h = 3h
    const longer = file('longer.config.json', JSON.stringify({ minSample: 5, clock: 'business', businessHours: { timeZone: 'UTC', open: ['Mon-Fri 08:00-18:00'] } }));
    const businessBaseline = join(dir, 'business.json');
    await runParity(['audit', clockCsv, '-c', business, '--format', 'json', '-o', businessBaseline]);
    const hours = await runParity(['check', clockCsv, '-c', longer, '--baseline', businessBaseline, '--fail-on', GAP]);
    expect(hours.code).toBe(1);
    expect(hours.stdout).toContain('not evaluated: the baseline report was measured differently (durations counted in business hours Mon-Fri 09:00-17:00 (UTC) in the baseline, business hours Mon-Fri 08:00-18:00 (UTC) now)');
    // the same business hours are compared: −1h − (−1h) = 0
    const same = await runParity(['check', clockCsv, '-c', business, '--baseline', businessBaseline, '--fail-on', GAP, '--format', 'json']);
    expect(same.code).toBe(0);
    expect(json(same.stdout).gates[0]).toMatchObject({ value: 0, evaluated: true, current: -3600, baseline: -3600 });
  });

  it('findings.significant judged against another reference channel is not evaluated', async () => {
    const baseline = join(dir, 'reference-phone.json');
    await runParity(['audit', g('wide.csv'), ...MIN5, '--format', 'json', '-o', baseline]);
    const run = await runParity(['check', g('wide.csv'), ...MIN5, '--reference', 'email', '--baseline', baseline, '--fail-on', 'delta(findings.significant) > 0']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('not evaluated: the baseline report was measured differently (reference channel phone in the baseline, email now)');
    // a ratio names both its channels: the reference does not change it (4 then and now)
    const ratio = await runParity(['check', g('wide.csv'), ...MIN5, '--reference', 'email', '--baseline', baseline, '--fail-on', 'delta(ratio(phone,social).firstResponse.median) > 0', '--format', 'json']);
    expect(json(ratio.stdout).gates[0]).toMatchObject({ value: 0, evaluated: true, current: 4, baseline: 4 });
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

describe('parity check --format hints (found by an attack)', () => {
  it('a format neither check nor audit has names check\'s formats, not an audit command that fails too', async () => {
    const r = await runParity(['check', fixture('small.csv'), '--fail-on', 'findings.significant > 9', '--format', 'ndjson']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('choose one of: text, json, junit');
    expect(r.stderr).not.toContain('parity audit --format ndjson');
    const md = await runParity(['check', fixture('small.csv'), '--fail-on', 'findings.significant > 9', '--format', 'markdown']);
    expect(md.stderr).toContain('run parity audit --format markdown with the same --fail-on');
  });
});

describe("a gate line's brackets write the group's duration as the value is written (found by an attack)", () => {
  it('a median of 3,600.5 s beside a threshold of 1h is `1h 0m 1s` in the value and in the brackets, never `1h`', async () => {
    // email answered after 3,599, 3,600, 3,601 and 10,800 s: median (3,600 + 3,601) / 2 = 3,600.5 s
    const dir = mkdtempSync(join(tmpdir(), 'parity-gate-brackets-'));
    const file = join(dir, 'b.csv');
    const at = (s: number): string => new Date(Date.UTC(2026, 9, 1, 9) + s * 1000).toISOString().replace('.000Z', 'Z');
    const rows = [3599, 3600, 3601, 10_800].map((s, k) => `E${k},email,${at(0)},${at(s)}`);
    writeFileSync(file, `ticket_id,channel,created_at,first_response_at\n${rows.join('\n')}\n`);
    const config = join(dir, 'min1.json');
    writeFileSync(config, '{"minSample":1}');
    const run = await runParity(['check', file, '-c', config, '--fail-on', 'channel(email).firstResponse.median > 1h', '--no-color']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL  channel(email).firstResponse.median > 1h: value 1h 0m 1s is above 1h 0m 0s [email 1h 0m 1s (n=4)]');
  });
});
