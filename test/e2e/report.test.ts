/**
 * `parity report` end to end on fixtures/report/four-months.csv: July–October 2026, three phone,
 * three or four e-mail and three social tickets a month, created at 10:00 UTC, every number
 * worked out by hand from the file (first responses in minutes, resolutions in whole days):
 *
 *            phone FR (min)    email FR (min)         social FR (min)   open
 *   July     60 120 180 → 120  240 300 360 320 → 310  10 20 30 → 20     email R007
 *   August   90 150 210 → 150  200 300 400 → 300      10 15 50 → 15
 *   Sept.    60 100 140 180    120 240 480 → 240      5 25 45 → 25
 *            → (100+140)/2 = 120
 *   October  30 60 90 → 60     100 200 300 → 200      4 6 8 → 6         phone R030
 *
 * Resolution medians are Kaplan–Meier with R's rule (where the curve sits at exactly 0.5 the
 * median is halfway to the next event): July e-mail 2d 3d 4d + one open → 3.5d; September phone
 * 1d 2d 3d 4d → 2.5d; October phone 1d 2d + one open → 2d (2/3, 1/3: the open one is censored).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runParity, tempCsv } from '../helpers/exec.js';
import type { PeriodReport, Report } from '../../src/report.js';

const FILE = fixture('report', 'four-months.csv');
const AS_OF = ['--as-of', '2026-11-01T00:00:00Z'];
const MIN = 60;
const DAY = 86400;

async function reportJson(...args: string[]): Promise<Report> {
  const r = await runParity(['report', FILE, ...AS_OF, '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

function channel(p: PeriodReport | undefined, name: string) {
  const c = p?.channels.find((x) => x.channel === name);
  if (!c) throw new Error(`no ${name} in ${p?.period}`);
  return c;
}

describe('parity report: month over month on four months', () => {
  it('reports the latest month, with the three months before it as the trend', async () => {
    const report = await reportJson();
    expect(report.reportPeriod).toMatchObject({ unit: 'month', label: '2026-10', custom: false, from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', timeZone: 'UTC', tickets: 9, open: 1, complete: true });
    expect(report.periods?.map((p) => [p.period, p.tickets, p.open, p.current])).toEqual([
      ['2026-07', 10, 1, false],
      ['2026-08', 9, 0, false],
      ['2026-09', 10, 0, false],
      ['2026-10', 9, 1, true],
    ]);
    // The main body is October's audit.
    expect(report.input.rowsUsed).toBe(38);
    expect(report.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median])).toEqual([
      ['phone', 3, 60 * MIN],
      ['email', 3, 200 * MIN],
      ['social', 3, 6 * MIN],
    ]);
    expect(report.channels[0]?.resolution).toMatchObject({ n: 3, resolved: 2, median: 2 * DAY });
    expect(report.channels.find((c) => c.channel === 'social')?.vsReference?.firstResponseRatio).toBeCloseTo(6 / 60, 9);
    expect(report.period.asOf).toBe('2026-11-01T00:00:00.000Z');
  });

  it('gives per-channel medians per month, censoring tickets still open', async () => {
    const [jul, aug, sep, oct] = (await reportJson()).periods ?? [];
    expect(channel(jul, 'phone')).toMatchObject({ firstResponseMedian: 120 * MIN, resolutionMedian: 2 * DAY, open: 0 });
    expect(channel(jul, 'email')).toMatchObject({ tickets: 4, answered: 4, open: 1, firstResponseMedian: 310 * MIN, resolutionMedian: 3.5 * DAY });
    expect(channel(jul, 'social').firstResponseMedian).toBe(20 * MIN);
    expect(channel(aug, 'phone').firstResponseMedian).toBe(150 * MIN);
    expect(channel(aug, 'email')).toMatchObject({ firstResponseMedian: 300 * MIN, resolutionMedian: 4 * DAY });
    expect(channel(aug, 'social')).toMatchObject({ firstResponseMedian: 15 * MIN, resolutionMedian: DAY });
    expect(channel(sep, 'phone')).toMatchObject({ tickets: 4, firstResponseMedian: 120 * MIN, resolutionMedian: 2.5 * DAY });
    expect(channel(sep, 'email').firstResponseMedian).toBe(240 * MIN);
    expect(channel(sep, 'social').firstResponseMedian).toBe(25 * MIN);
    expect(channel(oct, 'phone')).toMatchObject({ open: 1, firstResponseMedian: 60 * MIN, resolutionMedian: 2 * DAY });
    expect(channel(oct, 'social').firstResponseRatio).toBeCloseTo(0.1, 9);
  });

  it('gives the change since the month before and the reference gap', async () => {
    // Three tickets a channel a month: below the default minSample (30), a channel is shown but
    // never headlined in the gap (below). With minSample 3 every channel counts.
    const thin = await reportJson();
    expect(thin.periods?.every((p) => p.referenceGap.firstResponse === null)).toBe(true);
    expect(thin.periods?.[0]?.channels.every((c) => !c.enough)).toBe(true);
    // too few tickets: no change in the JSON either (the Markdown shows none)
    expect(thin.periods?.every((p) => p.channels.every((c) => c.change === null))).toBe(true);
    const [jul, aug, sep, oct] = (await reportJson('-c', fixture('report', 'min3.config.json'))).periods ?? [];
    expect(channel(jul, 'phone').change).toBeNull();
    expect(channel(aug, 'phone').change?.firstResponseMedian).toBe(30 * MIN); // 150 − 120
    expect(channel(aug, 'email').change?.firstResponseMedian).toBe(-10 * MIN); // 300 − 310
    expect(channel(aug, 'email').change?.resolutionMedian).toBe(0.5 * DAY); // 4d − 3.5d
    expect(channel(sep, 'social').change?.firstResponseMedian).toBe(10 * MIN); // 25 − 15
    expect(channel(oct, 'phone').change?.firstResponseMedian).toBe(-60 * MIN); // 60 − 120
    expect(channel(oct, 'social').change?.firstResponseMedian).toBe(-19 * MIN); // 6 − 25
    // gap = phone − fastest other (social every month): 100, 135, 95, 54 minutes
    expect(jul?.referenceGap.firstResponse).toEqual({ channel: 'social', gap: 100 * MIN, ratio: 6, bound: null, ratioBound: null, change: null });
    expect(aug?.referenceGap.firstResponse).toEqual({ channel: 'social', gap: 135 * MIN, ratio: 10, bound: null, ratioBound: null, change: 35 * MIN });
    expect(sep?.referenceGap.firstResponse?.gap).toBe(95 * MIN);
    expect(sep?.referenceGap.firstResponse?.change).toBe(-40 * MIN);
    expect(oct?.referenceGap.firstResponse).toEqual({ channel: 'social', gap: 54 * MIN, ratio: 10, bound: null, ratioBound: null, change: -41 * MIN });
    // resolution in September: phone 2.5d, e-mail and social both 2d: the first of them (email) is named
    expect(sep?.referenceGap.resolution).toMatchObject({ channel: 'email', gap: 0.5 * DAY });
  });

  it('--month picks the period of interest; later months are left out', async () => {
    const report = await reportJson('--month', '2026-08');
    expect(report.reportPeriod?.label).toBe('2026-08');
    expect(report.periods?.map((p) => p.period)).toEqual(['2026-07', '2026-08']);
    expect(report.channels.map((c) => [c.channel, c.firstResponse.median])).toEqual([
      ['phone', 150 * MIN],
      ['email', 300 * MIN],
      ['social', 15 * MIN],
    ]);
  });

  it('--periods limits the trend', async () => {
    expect((await reportJson('--periods', '1')).periods?.map((p) => p.period)).toEqual(['2026-09', '2026-10']);
    expect((await reportJson('--periods', '0')).periods?.map((p) => p.period)).toEqual(['2026-10']);
  });

  it('--since/--until choose a range of interest', async () => {
    const report = await reportJson('--since', '2026-10-05', '--until', '2026-10-14');
    // tickets created 5–14 October: phone 5 and 12, email 6 and 13, social 7 and 14
    expect(report.reportPeriod).toMatchObject({ label: '2026-10-05 to 2026-10-14', custom: true, tickets: 6 });
    expect(report.periods?.map((p) => p.period)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10-05 to 2026-10-14']);
    expect(report.channels.find((c) => c.channel === 'phone')?.firstResponse.median).toBe(45 * MIN); // (30 + 60) / 2
  });

  it('--period quarter and week', async () => {
    // As of 1 November the fourth quarter is not over: the default is the latest complete one.
    const quarters = await reportJson('--period', 'quarter');
    expect(quarters.periods?.map((p) => [p.period, p.tickets])).toEqual([['2026-Q3', 29]]);
    const q4 = await reportJson('--period', 'quarter', '--since', '2026-10-01', '--until', '2026-12-31');
    expect(q4.reportPeriod).toMatchObject({ label: '2026-Q4', complete: false });
    // Q3 phone: 60 60 90 100 120 140 150 180 180 210 → (120 + 140) / 2 = 130 minutes
    expect(channel(quarters.periods?.[0], 'phone').firstResponseMedian).toBe(130 * MIN);
    const weeks = await reportJson('--period', 'week', '--periods', '2');
    // the last ticket is Thursday 22 October: ISO week 43 (19–25 October)
    expect(weeks.periods?.map((p) => [p.period, p.tickets])).toEqual([
      ['2026-W41', 3],
      ['2026-W42', 3],
      ['2026-W43', 3],
    ]);
  });

  it('writes Markdown by default, the same every run, with no timestamp unless asked', async () => {
    const first = await runParity(['report', FILE, ...AS_OF]);
    const second = await runParity(['report', FILE, ...AS_OF]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    // nine tickets, fewer than minSample (30): the title says so
    expect(first.stdout).toMatch(/^# Service parity report: October 2026 \(only 9 tickets\)\n/);
    // three tickets a channel: marked as too few, no change shown, no gap
    // (the first-response table's third column is the unanswered: October's nine were all answered)
    expect(first.stdout).toContain('| **2026-10** | 9 | 0 | 1h (n=3, too few) | 3h 20m (n=3, too few) | 6m (n=3, too few) | — | — |');
    // … nor in the summary: phone's 60 − 120 minutes is not a change of a channel this thin
    expect(first.stdout).not.toContain("phone's own first-response median changed");
    const enough = await runParity(['report', FILE, ...AS_OF, '-c', fixture('report', 'min3.config.json')]);
    expect(enough.stdout).toContain('| **2026-10** | 9 | 0 | 1h (−1h) | 3h 20m (−40m) | 6m (−19m) | 54m (social) | −41m |');
    expect(enough.stdout).toContain("phone's own first-response median changed by −1h since September 2026.");
    expect(first.stdout).toContain('_Generated by parity 0.1.0._');
    const stamped = await runParity(['report', FILE, ...AS_OF, '--generated-at', '2026-11-02T08:00:00Z']);
    expect(stamped.stdout).toContain('_Generated by parity 0.1.0 at 2026-11-02T08:00:00Z._');
  });

  it('the terminal table shows the trend the Markdown shows (found by an attack: left out without a word)', async () => {
    const args = ['report', FILE, ...AS_OF, '-c', fixture('report', 'min3.config.json')];
    const md = await runParity([...args, '--format', 'markdown']);
    const table = await runParity([...args, '--format', 'table']);
    expect([md.code, table.code]).toEqual([0, 0]);
    expect(table.stdout).toContain('Trend by month');
    // each Markdown trend row (first response, then resolution) is a table row with the same cells
    const mdRows = md.stdout.split('\n').filter((l) => /^\| (\*\*)?2026-\d\d/.test(l)).map((l) => l.split(' | ').map((x) => x.replace(/^\| |\*\*| \|$/g, '').trim()));
    const tableRows = table.stdout.split('\n').filter((l) => /^│ 2026-\d\d/.test(l)).map((l) => l.split('│').slice(1, -1).map((x) => x.trim().replace(/ \*$/, '')));
    expect(mdRows).toHaveLength(8);
    expect(tableRows).toEqual(mdRows);
    // October, the period of interest, is marked; e-mail's October first response by hand: 3h 20m, 40m less than September's 4h
    expect(table.stdout).toMatch(/│ 2026-10 \* +│ 9 +│ 0 +│ 1h \(−1h\) +│ 3h 20m \(−40m\) +│/);
    // --wide, which the narrower layouts' note names, is an option of report too (a review: "unknown option")
    const wide = await runParity([...args, '--format', 'table', '--wide']);
    expect([wide.code, wide.stdout]).toEqual([0, table.stdout]);
  });

  it('writes the per-period, per-channel numbers as CSV', async () => {
    const r = await runParity(['report', FILE, ...AS_OF, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 4 * 3);
    // (the verdicts' holds-overall columns after too_few, then the unanswered, added last)
    expect(lines[0]?.split(',').slice(-4)).toEqual(['too_few', 'first_response_verdict_holds_overall', 'resolution_verdict_holds_overall', 'unanswered']);
    // … then bounds (none), the answered-only median 7200, no verdicts in the trend rows, and
    // too_few: three tickets, below the default minSample (30); all three answered: 0 unanswered
    expect(lines[1]).toBe('2026-07,2026-07-01T00:00:00.000Z,2026-08-01T00:00:00.000Z,no,yes,phone,phone,3,3,0,7200,,1,,172800,,1,,,,,7200,,,yes,,,0');
    // October e-mail: 200 min = 12000 s; three tickets are too few, so no change since
    // September, as the Markdown trend shows "3h 20m (n=3, too few)" without one
    const october = lines.find((l) => l.startsWith('2026-10,') && l.includes(',email,'))!.split(',');
    expect(october.slice(0, 12)).toEqual(['2026-10', '2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', 'yes', 'yes', 'email', 'phone', '3', '3', '0', '12000', '']);
    // 12000 / 3600 = 3.333…, written to three significant digits
    expect(october[12]).toBe('3.33');
    expect(october.at(-4)).toBe('yes');
    // with minSample 3 the channel is compared: 40 min less than September's 240 = −2400 s
    const enough = await runParity(['report', FILE, ...AS_OF, '--format', 'csv', '-c', fixture('report', 'min3.config.json')]);
    const compared = enough.stdout.split('\n').find((l) => l.startsWith('2026-10,') && l.includes(',email,'))!.split(',');
    expect(compared[11]).toBe('-2400');
    expect(compared.at(-4)).toBe('no');
  });

  it('--redact leaves no customer id or handle in the output', async () => {
    const plain = await runParity(['report', FILE, ...AS_OF, '--format', 'json']);
    const r = await runParity(['report', FILE, ...AS_OF, '--format', 'json', '--redact']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\bC1\d\d\b|@shopper/);
    expect((JSON.parse(r.stdout) as Report).redacted).toBe(true);
    // the numbers are untouched
    expect((JSON.parse(r.stdout) as Report).periods).toEqual((JSON.parse(plain.stdout) as Report).periods);
  });

  it('refuses what it cannot do, with exit 2 and a hint', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--month', '2026-13'], /--month "2026-13" is not a month/],
      // a year below 100 was read as 19xx (0099-05 as May 1999; found by a review)
      [['--month', '0099-05'], /--month "0099-05" is not a month/],
      [['--month', '2026-12'], /no tickets were created in 2026-12[\s\S]*2026-07-06 to 2026-10-22/],
      // October is full of tickets, all created after --as-of: none "before --as-of", not none at all;
      // those created before it run from R001 (07-06) to the last of August's (08-19) (found by an attack)
      [['--month', '2026-10', '--as-of', '2026-09-01T00:00:00Z'], /no tickets were created in 2026-10 before --as-of 2026-09-01T00:00:00Z\n *the tickets created before --as-of run 2026-07-06 to 2026-08-19 \(UTC\): choose a period in that range, or give a later --as-of/],
      [['--month', '2026-10', '--since', '2026-10-01'], /--month and --since\/--until/],
      [['--month', '2026-10', '--period', 'week'], /--month picks a month/],
      [['--period', 'decade'], /--period "decade" is not a period/],
      [['--periods', 'many'], /--periods "many"/],
      [['--format', 'pdf'], /--format pdf is not available for report/],
      [['--generated-at', 'yesterday'], /generated-at/],
    ];
    for (const [args, message] of cases) {
      const r = await runParity(['report', FILE, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});

describe('parity report: flags win over the config', () => {
  it('--month chooses the period though the config has since/until or a period (found by a review)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-report-flags-'));
    const window = join(dir, 'window.json');
    writeFileSync(window, JSON.stringify({ since: '2026-09-01', until: '2026-09-30' }));
    const weekly = join(dir, 'weekly.json');
    writeFileSync(weekly, JSON.stringify({ period: 'week' }));
    const plain = await runParity(['report', FILE, '--month', '2026-10', '--format', 'json', '--no-config', ...AS_OF]);
    for (const config of [window, weekly]) {
      const r = await runParity(['report', FILE, '--month', '2026-10', '--format', 'json', '-c', config, ...AS_OF]);
      expect([r.code, r.stderr]).toEqual([0, '']);
      const report = JSON.parse(r.stdout) as Report;
      expect([report.reportPeriod?.label, report.reportPeriod?.unit]).toEqual(['2026-10', 'month']);
      expect(report.channels).toEqual((JSON.parse(plain.stdout) as Report).channels);
    }
  });
});

describe('parity report: gates and --baseline on the period of interest', () => {
  // Gates read the period of interest. The gap email − phone of first-response medians:
  //   September: email 120 240 480 → 240m, phone 60 100 140 180 → (100+140)/2 = 120m: gap 120m = 7200 s
  //   October:   email 100 200 300 → 200m, phone 30 60 90 → 60m: gap 140m = 8400 s
  //   (the whole export would give email 300m − phone 100m = 200m: not what a report's gate reads)
  // so October against September's report: change 8400 − 7200 = 1200 s = 20m.
  // Three or four tickets a channel a month: the config lowers minSample to 3.
  const dir = mkdtempSync(join(tmpdir(), 'parity-report-gates-'));
  const config = join(dir, 'parity.config.json');
  writeFileSync(config, JSON.stringify({ minSample: 3, gates: ['delta(gap(email,phone).firstResponse.median) > 30m'] }));
  const september = join(dir, '2026-09.json');
  const october = join(dir, '2026-10.json');
  const run = (...args: string[]) => runParity(['report', FILE, ...AS_OF, '-c', config, ...args]);

  it("evaluates the config's delta gate against last month's report", async () => {
    // September's own report has no baseline: its delta gate is not evaluated (exit 1), the JSON is written
    expect((await run('--month', '2026-09', '--format', 'json', '-o', september)).code).toBe(1);
    const r = await run('--baseline', september, '--format', 'json', '-o', october);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(october, 'utf8')) as Report;
    expect(report.reportPeriod?.label).toBe('2026-10');
    expect(report.gates[0]).toMatchObject({ value: 1200, threshold: 1800, passed: true, evaluated: true, current: 8400, baseline: 7200 });
    // --fail-on adds a gate as for audit: 20m is above 15m
    const strict = await run('--baseline', september, '--fail-on', 'delta(gap(email,phone).firstResponse.median) > 15m');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('| **FAIL** | delta(gap(email,phone).firstResponse.median) &gt; 15m | change 20m is above 15m (2h 20m now, 2h in the baseline) |');
  });

  it('--allow-missing lets a delta gate without a baseline through, with its reason', async () => {
    const r = await run('--allow-missing', '--format', 'json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).gates[0]).toMatchObject({ passed: true, evaluated: false, reason: 'delta(...) needs an earlier report: pass --baseline <report.json>' });
  });

  it('a baseline of a later period is not compared: September against October would run backwards', async () => {
    // October's report (as the first test writes it), made here again so this test stands alone
    await run('--format', 'json', '-o', october);
    const r = await run('--month', '2026-09', '--baseline', october, '--format', 'json');
    expect(r.code).toBe(1);
    // the last tickets: R038 created 2026-10-22 10:00 in October, R023 2026-09-22 10:00 in September
    expect((JSON.parse(r.stdout) as Report).gates[0]).toMatchObject({
      evaluated: false,
      passed: false,
      reason: 'the baseline report is not earlier than this run: its tickets were created up to 2026-10-22T10:00:00.000Z, this run\'s up to 2026-09-22T10:00:00.000Z; delta(...) is the change since an earlier report',
    });
  });

  it('an unusable baseline is exit 2 before any data is read, as for audit', async () => {
    const r = await runParity(['report', fixture('no-such-export.csv'), '--baseline', fixture('gates', 'baseline-v3.json'), '--fail-on', 'delta(gap(email,phone).firstResponse.median) > 30m']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the baseline report has schemaVersion 3; this parity reads schemaVersion 2');
  });
});

describe('parity report --format csv: the period of interest carries the report\'s verdicts', () => {
  // September: three phone and three e-mail tickets (trend only). October, the period of
  // interest: day d = 1..8 at 10:00 one phone ticket answered after 10 + d minutes and one
  // e-mail ticket after 480 + d minutes, both resolved after 20 + d hours.
  //   phone first response 11..18 min → median (14 + 15) / 2 = 14.5 min = 870 s
  //   email first response 481..488 min → median 484.5 min = 29070 s; ratio 29070 / 870 = 33.41…
  //   resolution 21..28 h for both → median 24.5 h = 88200 s; ratio 1
  // A 33× slower first response with no overlap at all is a preference; an identical resolution
  // is within the tolerance.
  const dir = mkdtempSync(join(tmpdir(), 'parity-report-csv-'));
  const file = join(dir, 'two-months.csv');
  const iso = (month: number, day: number, minutes: number) => new Date(Date.UTC(2026, month - 1, day, 10, minutes)).toISOString().replace('.000Z', 'Z');
  const rows = ['ticket_id,channel,created_at,first_response_at,resolved_at,status'];
  for (let d = 1; d <= 3; d++) {
    rows.push(`S${d}P,phone,${iso(9, d, 0)},${iso(9, d, 60)},${iso(9, d, 24 * 60)},solved`);
    rows.push(`S${d}E,email,${iso(9, d, 0)},${iso(9, d, 240)},${iso(9, d, 24 * 60)},solved`);
  }
  for (let d = 1; d <= 8; d++) {
    rows.push(`O${d}P,phone,${iso(10, d, 0)},${iso(10, d, 10 + d)},${iso(10, d, (20 + d) * 60)},solved`);
    rows.push(`O${d}E,email,${iso(10, d, 0)},${iso(10, d, 480 + d)},${iso(10, d, (20 + d) * 60)},solved`);
  }
  writeFileSync(file, `${rows.join('\n')}\n`);
  const args = ['report', file, ...AS_OF, '-c', fixture('report', 'min3.config.json')];

  it('the same verdicts as the JSON report of the same input; the trend rows have none', async () => {
    const json = await runParity([...args, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as Report;
    const email = report.channels.find((c) => c.channel === 'email');
    expect(email?.vsReference).toMatchObject({ firstResponseVerdict: 'preference', resolutionVerdict: 'within-tolerance' });
    const csv = await runParity([...args, '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const [header, ...lines] = csv.stdout.trimEnd().split('\n').map((l) => l.split(','));
    const at = (name: string) => header!.indexOf(name);
    const row = (period: string, name: string) => lines.find((l) => l[at('period')] === period && l[at('channel')] === name)!;
    const october = row('2026-10', 'email');
    expect(october[at('current')]).toBe('yes');
    expect([october[at('first_response_median_s')], october[at('first_response_ratio')], october[at('resolution_median_s')], october[at('resolution_ratio')]]).toEqual(['29070', '33.4', '88200', '1']);
    for (const c of report.channels) {
      const line = row('2026-10', c.channel);
      expect([line[at('first_response_verdict')], line[at('resolution_verdict')]]).toEqual([c.vsReference?.firstResponseVerdict ?? '', c.vsReference?.resolutionVerdict ?? '']);
    }
    expect([october[at('first_response_verdict')], october[at('resolution_verdict')]]).toEqual(['preference', 'within-tolerance']);
    // September is trend only: it was not judged
    const september = row('2026-09', 'email');
    expect([september[at('current')], september[at('first_response_verdict')], september[at('resolution_verdict')]]).toEqual(['no', '', '']);
  });
});

describe('parity audit in the document formats', () => {
  it('writes Markdown, HTML with charts, and CSV for the whole range', async () => {
    const md = await runParity(['audit', FILE, '--format', 'markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Service parity audit\n/);
    expect(md.stdout).not.toContain('## Trend');
    const html = await runParity(['audit', FILE, '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('aria-label="First response time by channel (box plot, unanswered counted as still waiting)"');
    expect(html.stdout).toContain('aria-label="Median first response by follower band"');
    expect(html.stdout).not.toContain('id="trend"');
    const csv = await runParity(['audit', FILE, '--format', 'csv']);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    // all of it: phone 13 tickets, first responses 30 60 60 60 90 90 100 120 140 150 180 180 210: the 7th, 100 min;
    // one still open (R032, no resolution time)
    expect(lines[1]?.split(',').slice(5, 11)).toEqual(['phone', 'phone', '13', '13', '1', '6000']);
  });
});

describe('SLA attainment in every document', () => {
  // fixtures/small.csv as of 2026-10-10 (worked out in test/unit/clock.test.ts): phone first
  // response P1 1h, P2 2h met (default 2h), P3 high (its own 5h) 3h met, P4 4h breached, P5 never
  // answered: breached → 3 met, 2 breached, 60%; resolution 2d: 2 met, 3 breached, 40%.
  const config = { sla: { firstResponse: { default: '2h', email: '1h', high: '5h' }, resolution: { default: '2d' } } };
  it('the terminal, Markdown and HTML show the same table, with the priority target some tickets were judged against', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-sla-'));
    writeFileSync(join(dir, 'parity.config.json'), JSON.stringify(config));
    const args = ['audit', fixture('small.csv'), '--as-of', '2026-10-10T00:00:00Z'];
    const table = await runParity(args, { cwd: dir });
    expect(table.stdout).toMatch(/│ phone\s+│ 2h; high 5h \(1\)\s+│ 3\s+│ 2\s+│ 0\s+│ 60%\s+│ 2d\s+│ 2\s+│ 3\s+│ 0\s+│ 40%/);
    const md = await runParity([...args, '--format', 'markdown'], { cwd: dir });
    expect(md.stdout).toContain('## SLA attainment\n');
    expect(md.stdout).toContain('| phone | 2h; high 5h (1) | 3 | 2 | 0 | 60% | 2d | 2 | 3 | 0 | 40% |');
    const html = await runParity([...args, '--format', 'html'], { cwd: dir });
    expect(html.stdout).toContain('<section id="sla">');
    expect(html.stdout).toMatch(/phone<\/td><td>2h; high 5h \(1\)<\/td><td class="num">3<\/td><td class="num">2<\/td><td class="num">0<\/td><td class="num">60%<\/td>/);
  });
});

describe('hostile text', () => {
  it('never becomes markup in the HTML report', async () => {
    // October: the month of the hostile rows (the default, the latest complete month, is September)
    const r = await runParity(['report', fixture('report', 'hostile.csv'), '--month', '2026-10', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/<script|<img/i);
    expect(r.stdout).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(r.stdout).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('never becomes markup in the Markdown report', async () => {
    const r = await runParity(['report', fixture('report', 'hostile.csv'), '--month', '2026-10']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/</);
    // entities, not backslashes: a GFM autolink would swallow a backslash escape
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('unknown channel values of the period', () => {
  it("are counted over the period's tickets, as the channel table above them is (Pigeon: 1 in May, not the export's 2)", async () => {
    const file = tempCsv('unk.csv', [
      'ticket_id,channel,created_at,first_response_at',
      'A,Pigeon,2026-04-10T10:00:00Z,2026-04-10T11:00:00Z',
      'B,Pigeon,2026-05-10T10:00:00Z,2026-05-10T11:00:00Z',
      'C,Phone,2026-05-11T10:00:00Z,2026-05-11T12:00:00Z',
    ]);
    const r = await runParity(['report', file, '--month', '2026-05', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.input.channelValues.filter((v) => v.raw === 'Pigeon')).toEqual([{ raw: 'Pigeon', count: 1, channel: 'other' }]);
    expect(report.input.unknownChannels).toEqual([{ raw: 'Pigeon', count: 1 }]);
  });
});

describe('a month without tickets between months with some (found by an independent attack)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-gap-month-'));
  const file = join(dir, 'gap.csv');
  // July and September, nothing in August
  writeFileSync(
    file,
    [
      'ticket_id,channel,created_at,first_response_at',
      ...['2026-07-06', '2026-07-07', '2026-09-07', '2026-09-08'].flatMap((d, k) => [`P${k},phone,${d}T09:00:00Z,${d}T10:00:00Z`, `S${k},social,${d}T09:00:00Z,${d}T09:30:00Z`]),
    ].join('\n') + '\n',
  );

  it('is a row of the CSV trend, as the Markdown and JSON show it', async () => {
    const run = await runParity(['report', file, '--month', '2026-09', '--format', 'csv']);
    expect(run.code, run.stderr).toBe(0);
    const august = run.stdout.split('\n').filter((l) => l.startsWith('2026-08,'));
    expect(august).toEqual(['2026-08,2026-08-01T00:00:00.000Z,2026-09-01T00:00:00.000Z,no,yes,,phone,0,0,0,,,,,,,,,,,,,,,yes,,,0']);
  });

  it('asked for, it is refused with a hint that does not send you back into the range it is in', async () => {
    const run = await runParity(['report', file, '--month', '2026-08']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no tickets were created in 2026-08');
    expect(run.stderr).toContain('the data has tickets created 2026-07-06 to 2026-09-08 (UTC), but none in this period; choose a period that has some');
  });
});

describe('an export without resolution information', () => {
  // No resolved_at column: nobody knows whether a ticket is still open, so the open count is
  // unknown: null in JSON, an empty CSV cell, "—" in Markdown and HTML; never 0 (which would say
  // every ticket was resolved). September 2026: 2 phone and 2 Twitter (social) tickets.
  const file = tempCsv('noresolution.csv', [
    'ticket_id,channel,created_at,first_response_at',
    'P1,Phone,2026-09-01T10:00:00Z,2026-09-01T10:05:00Z',
    'P2,Phone,2026-09-02T10:00:00Z,',
    'T1,Twitter,2026-09-03T10:00:00Z,2026-09-03T12:00:00Z',
    'T2,Twitter,2026-09-05T10:00:00Z,',
  ]);
  const asOf = ['--as-of', '2026-10-02T00:00:00Z'];

  it('is null in the JSON report: the period of interest, the periods and their channels', async () => {
    const run = await runParity(['report', file, ...asOf, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.reportPeriod?.open).toBeNull();
    expect(report.periods?.map((p) => [p.period, p.tickets, p.open, p.channels.map((c) => [c.channel, c.open])])).toEqual([
      ['2026-09', 4, null, [['phone', null], ['social', null]]],
    ]);
    // first response is known: P2 and T2 unanswered of the four, one in each channel
    expect(report.periods?.map((p) => p.unanswered)).toEqual([2]);
    expect(report.periods?.[0]?.channels.map((c) => [c.channel, c.unanswered])).toEqual([['phone', 1], ['social', 1]]);
  });

  it('reads "—" in the Markdown trend and the HTML report, and is an empty cell in the CSV of report and audit', async () => {
    const md = await runParity(['report', file, ...asOf, '--format', 'markdown']);
    expect(md.code, md.stderr).toBe(0);
    // both trend tables: first response (Month | Tickets | Unanswered: P2 and T2, known) and
    // resolution (Month | Tickets | Open: not known)
    const rows = md.stdout.split('\n').filter((l) => l.startsWith('| **2026-09** |'));
    expect(rows.map((row) => row.split(' | ').slice(0, 3))).toEqual([
      ['| **2026-09**', '4', '2'],
      ['| **2026-09**', '4', '—'],
    ]);
    expect(md.stdout).not.toContain('still open at');

    const html = await runParity(['report', file, ...asOf, '--format', 'html']);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toContain('<div class="value">—</div><div class="label">Still open at as-of</div>');
    expect(html.stdout).toContain('<td>2026-09</td><td class="num">4</td><td class="num">—</td>');

    const csv = await runParity(['report', file, ...asOf, '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const [head, ...lines] = csv.stdout.trim().split('\n');
    const open = (head as string).split(',').indexOf('open');
    expect(lines.map((l) => l.split(',').slice(5, open + 1))).toEqual([
      ['phone', 'phone', '2', '1', ''],
      ['social', 'phone', '2', '1', ''],
    ]);
    // the unanswered, known, are a column too (P2, T2): the Markdown trend's 2, channel by channel
    const unanswered = (head as string).split(',').indexOf('unanswered');
    expect(unanswered).toBe(27);
    expect(lines.map((l) => l.split(',')[unanswered])).toEqual(['1', '1']);
    for (const engine of [[], ['--engine', 'duckdb']]) {
      const audit = await runParity(['audit', file, ...asOf, '--format', 'csv', ...engine]);
      expect(audit.code, audit.stderr).toBe(0);
      expect(audit.stdout.trim().split('\n').slice(1).map((l) => [...l.split(',').slice(5, open + 1), l.split(',')[unanswered]])).toEqual([
        ['phone', 'phone', '2', '1', '', '1'],
        ['social', 'phone', '2', '1', '', '1'],
      ]);
    }
  });
});

describe('audit --format csv of the report\'s month says what the report\'s row of that month says (one number)', () => {
  it('the same numbers, verdicts and too_few flags: chat\'s 35 September tickets are too few for minSample 40, the others are not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-csv-month-'));
    const config = join(dir, 'min40.json');
    writeFileSync(config, JSON.stringify({ minSample: 40 }));
    const report = await runParity(['report', fixture('demo.csv'), '-c', config, '--format', 'csv']);
    expect(report.code, report.stderr).toBe(0);
    const audit = await runParity(['audit', fixture('demo.csv'), '-c', config, '--since', '2026-09-01', '--until', '2026-09-30', '--format', 'csv']);
    expect(audit.code, audit.stderr).toBe(0);
    const rows = (text: string) => text.trimEnd().split('\n').slice(1).map((l) => l.split(','));
    // the report's period of interest is September (October is not complete); channel onwards,
    // without the change columns (12, 14, 16: only a trend has them)
    const pick = (r: string[]) => r.filter((_, k) => k >= 5 && ![11, 13, 15].includes(k));
    const september = rows(report.stdout).filter((r) => r[0] === '2026-09');
    expect(september.map(pick)).toEqual(rows(audit.stdout).map(pick));
    // too_few (column 25). September's tickets per channel, counted in the file (awk on
    // created_at 2026-09, raw channel | sort | uniq -c): phone = Phone 87 + Phone call (inbound)
    // 80 + Voicemail 94 = 261; email = Email 82 + Mail 119 = 201; web = Portal 51 + Web form 60 =
    // 111; social = Facebook post 26 + Instagram DM 28 + Twitter 43 + Twitter DM 40 = 137; chat
    // 35. Each metric's estimate holds at most its channel's tickets: chat's 35 are below 40,
    // the others' are not (even the fewest, web's 111, would need 72 left out to fall below)
    expect(rows(audit.stdout).map((r) => [r[5], r[7], r[24]])).toEqual([
      ['phone', '261', 'no'], ['email', '201', 'no'], ['web', '111', 'no'], ['social', '137', 'no'], ['chat', '35', 'yes'],
    ]);
  });
});
