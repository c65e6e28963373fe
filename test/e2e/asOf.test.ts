/**
 * One export, one as-of time: a customer nobody answered has waited at least as long as the
 * export is old, whichever period an audit looks at. `audit --since/--until`, `check` and the
 * monthly report measure the same month to the same as-of time (the export's latest timestamp),
 * so they give one number and one gate result. Expected values worked out by hand below.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runParity } from '../helpers/exec.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-asof-'));
const file = join(dir, 'since.csv');
// September: three phone tickets, two never answered; October: one social ticket answered 10 min
// after it came in, the export's latest time (2026-10-20T00:10Z)
writeFileSync(
  file,
  [
    'ticket_id,channel,created_at,first_response_at',
    'P1,phone,2026-09-10T00:00:00Z,',
    'P2,phone,2026-09-10T00:00:00Z,',
    'P3,phone,2026-09-10T00:00:00Z,2026-09-10T01:00:00Z',
    'S1,social,2026-10-20T00:00:00Z,2026-10-20T00:10:00Z',
  ].join('\n') + '\n',
);

interface Json {
  period: { asOf: string };
  channels: Array<{ channel: string; firstResponse: { median: number | null; bound: string | null } }>;
}

describe('the default as-of time is the export\'s, not the period\'s', () => {
  it('audit --since/--until: P1 and P2 have waited 40 days 10 minutes, as in the report of the same month', async () => {
    const audit = await runParity(['audit', file, '--since', '2026-09-01', '--until', '2026-10-01', '--format', 'json']);
    expect(audit.code).toBe(0);
    const report = JSON.parse(audit.stdout) as Json;
    expect(report.period.asOf).toBe('2026-10-20T00:10:00.000Z');
    // phone: answered after 1 h, and two waits of 2026-09-10 → 2026-10-20T00:10 = 40 d 10 min =
    // 3,456,600 s; more than half still waiting: the median of the observed times (1 h, 40 d 10 min,
    // 40 d 10 min) is 3,456,600 s, a lower bound
    expect(report.channels).toEqual([expect.objectContaining({ channel: 'phone', firstResponse: expect.objectContaining({ median: 3_456_600, bound: 'lower' }) })]);
  });

  it('a gate on the month gives the same result from check --since/--until as from the report of the month', async () => {
    // three tickets are enough here (minSample 3); a gate that cannot be evaluated passes (--allow-missing)
    const gate = ['-c', fixture('report', 'min3.config.json'), '--allow-missing', '--fail-on', 'channel(phone).firstResponse.median > 7d'];
    const check = await runParity(['check', file, '--since', '2026-09-01', '--until', '2026-10-01', ...gate]);
    const report = await runParity(['report', file, '--month', '2026-09', '--format', 'json', ...gate]);
    // at least 40 days is more than 7 days: failed in both (before, check measured to 01:00 on
    // 10 September, "≥ 1h", a bound that says nothing of 7 days: not evaluated, and passed)
    expect(check.code).toBe(1);
    expect(report.code).toBe(1);
    expect(check.stdout).toContain('FAIL');
  });

  it('an explicit --as-of still decides: the same month measured to 1 October', async () => {
    const audit = await runParity(['audit', file, '--since', '2026-09-01', '--until', '2026-10-01', '--as-of', '2026-10-01T00:00:00Z', '--format', 'json']);
    const report = JSON.parse(audit.stdout) as Json;
    expect(report.period.asOf).toBe('2026-10-01T00:00:00.000Z');
    // 2026-09-10 → 2026-10-01 = 21 days = 1,814,400 s
    expect(report.channels[0]?.firstResponse).toMatchObject({ median: 1_814_400, bound: 'lower' });
  });

  it('an event log likewise: a conversation outside the period still dates the export (a tweet log of September audited with the October one in the file)', async () => {
    const log = join(dir, 'tweets.csv');
    writeFileSync(
      log,
      [
        'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
        '1,501,True,Thu Sep 10 15:00:00 +0000 2026,@BrandCo my order never arrived,,',
        '2,502,True,Thu Sep 10 15:00:00 +0000 2026,@BrandCo hello,3,',
        '3,BrandCo,False,Thu Sep 10 16:00:00 +0000 2026,@502 hi,,2',
        '4,503,True,Tue Oct 20 15:00:00 +0000 2026,@BrandCo help,5,',
        '5,BrandCo,False,Tue Oct 20 15:10:00 +0000 2026,@503 ok,,4',
      ].join('\n') + '\n',
    );
    const audit = await runParity(['audit', log, '--since', '2026-09-01', '--until', '2026-10-01', '--format', 'json']);
    const report = JSON.parse(audit.stdout) as Json;
    // the October conversation's answer, 2026-10-20T15:10Z, as the report of September measures to
    expect(report.period.asOf).toBe('2026-10-20T15:10:00.000Z');
    // September: tweet 2 answered after 1 h; tweet 1 unanswered, waiting 2026-09-10T15:00 → 10-20T15:10 =
    // 40 d 10 min = 3,456,600 s: half still waiting, a lower bound, (3,600 + 3,456,600) / 2 = 1,730,100 s
    expect(report.channels[0]?.firstResponse).toMatchObject({ median: 1_730_100, bound: 'lower' });
  });
});

describe('a reopened ticket\'s resolution is a time of the export too (found by a review)', () => {
  // R1 was resolved on 10-05 12:00 and then reopened (status open): its resolution is not counted,
  // but the export was taken after it. The other times end at 10-03 10:00 (P1's first response).
  const reopened = join(dir, 'reopened.csv');
  writeFileSync(
    reopened,
    [
      'ticket_id,channel,created_at,first_response_at,resolved_at,status',
      'P1,phone,2026-10-01T09:00:00Z,2026-10-03T10:00:00Z,,open',
      'R1,email,2026-10-02T09:00:00Z,2026-10-02T10:00:00Z,2026-10-05T12:00:00Z,open',
      'E1,email,2026-10-02T09:00:00Z,,,new',
    ].join('\n') + '\n',
  );

  it('the default as-of is its resolution time, in-process, through DuckDB, and with --since/--until leaving it out', async () => {
    for (const args of [[], ['--engine', 'duckdb'], ['--since', '2026-10-01', '--until', '2026-10-01'], ['--since', '2026-10-01', '--until', '2026-10-01', '--engine', 'duckdb']]) {
      const run = await runParity(['audit', reopened, '--format', 'json', ...args]);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      const report = JSON.parse(run.stdout) as { period: { asOf: string }; channels: Array<{ channel: string; resolution: { median: number | null; bound: string | null; resolved: number } }> };
      expect(report.period.asOf, args.join(' ')).toBe('2026-10-05T12:00:00.000Z');
      // P1 is still waiting for its resolution from 10-01 09:00 to that as-of: 4d 3h
      if (args.length === 0) {
        const phone = report.channels.find((c) => c.channel === 'phone');
        expect(phone?.resolution.median).toBe(4 * 86400 + 3 * 3600);
        expect(phone?.resolution.bound).toBe('lower');
        // R1 stays open: no email ticket resolved
        expect(report.channels.find((c) => c.channel === 'email')?.resolution.resolved).toBe(0);
      }
    }
  });

  it('one in the future (a mistyped year) is named with its row and column when the default as-of lies after the run', async () => {
    const future = join(dir, 'reopened-future.csv');
    writeFileSync(future, ['ticket_id,channel,created_at,resolved_at,status', 'P1,phone,2026-10-01T09:00:00Z,,open', 'R1,email,2026-10-02T09:00:00Z,2096-10-05T12:00:00Z,open'].join('\n') + '\n');
    const run = await runParity(['audit', future, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`parity: the as-of time is the latest timestamp in the data, 2096-10-05T12:00:00Z (${future}:3, resolved_at, of a ticket whose status is open), which is after the time of this run`);
  });
});
