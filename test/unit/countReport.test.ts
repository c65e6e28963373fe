// `parity report` from DuckDB (in-process, so part of the unit suite; Postgres and ClickHouse are
// in test/engines/report.test.ts): the period report of a Parquet file, or of a CSV read by
// DuckDB, equals the in-process period report of the same tickets with the per-ticket findings
// left out — the period's audit, the trend, the report period — apart from the fields only a
// file has (test/helpers/exactness.ts). A count-table file cannot be cut into periods: refused.
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { resolveSettings, type CommonFlags } from '../../src/commands/options.js';
import { runReport } from '../../src/commands/report.js';
import type { Config } from '../../src/config/schema.js';
import { countedPeriodReport, periodReport, type PeriodOptions } from '../../src/pipeline.js';
import type { Report } from '../../src/report.js';
import { comparable } from '../helpers/exactness.js';
import { tempCsv } from '../helpers/exec.js';

function settingsOf(file: string, flags: CommonFlags = {}, config: Config = {}) {
  return { ...resolveSettings([file], flags, config, 'test'), generatedAt: null };
}

async function both(file: string, options: PeriodOptions, flags: CommonFlags = {}, config: Config = {}, engineFile = file): Promise<{ file: Report; duckdb: Report }> {
  const io = { stdin: Readable.from([]) };
  return {
    file: await periodReport(settingsOf(file, flags, config), io, { ...options, perTicket: false }),
    duckdb: await countedPeriodReport({ kind: 'duckdb', files: [engineFile] }, settingsOf(engineFile, flags, config), io, options),
  };
}

describe('parity report from DuckDB equals the in-process report', () => {
  test('demo export as Parquet: September 2026 (the latest complete month), with the two months before', async () => {
    const { file, duckdb } = await both('fixtures/demo.csv', { unit: 'month', focus: null, previous: 12 }, {}, {}, 'fixtures/engines/demo.parquet');
    expect(comparable(duckdb)).toEqual(comparable(file));
    // demo.csv by hand: created 2026-07-01 to 2026-10-31; the latest timestamp (the as-of) is
    // 2026-10-31T23:46:15Z, so October is not complete and September is reported: 745 tickets
    // created in September, 1,529 in July and August
    expect(duckdb.reportPeriod?.label).toBe('2026-09');
    expect(duckdb.reportPeriod?.complete).toBe(true);
    expect(duckdb.reportPeriod?.tickets).toBe(745);
    expect(duckdb.reportPeriod?.allTickets).toBe(3050);
    expect(duckdb.period.asOf).toBe('2026-10-31T23:46:15.000Z');
    expect(duckdb.periods?.map((p) => p.period)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(duckdb.periods?.reduce((n, p) => n + p.tickets, 0)).toBe(1529 + 745);
  });

  test('mixed export by weeks with --by group, through DuckDB\'s CSV reader', async () => {
    const { file, duckdb } = await both('fixtures/engines/mixed.csv', { unit: 'week', focus: null, previous: 4 }, { by: 'group' });
    expect(comparable(duckdb)).toEqual(comparable(file));
    expect(duckdb.periods).toHaveLength(5);
    expect(duckdb.by?.groups.length).toBeGreaterThan(1);
  });
});

test('the default period skips a complete month without tickets to the latest one with some, in-process and through DuckDB alike', async () => {
  // September and October: five phone and five email tickets each; no ticket in November; one on
  // 10 December, whose answer (the latest time, so the as-of) leaves December incomplete. The
  // latest complete month with tickets is October (November, the month before December, has none:
  // it was reported as an error, "no tickets were created in 2026-11"; found by an independent review).
  const lines = ['ticket_id,channel,created_at,first_response_at'];
  for (const month of ['09', '10']) {
    for (let i = 1; i <= 5; i++) {
      lines.push(`P${month}${i},phone,2026-${month}-0${i}T10:00:00Z,2026-${month}-0${i}T11:00:00Z`);
      lines.push(`E${month}${i},email,2026-${month}-0${i}T10:00:00Z,2026-${month}-0${i}T10:30:00Z`);
    }
  }
  lines.push('D1,phone,2026-12-10T10:00:00Z,2026-12-10T12:00:00Z');
  const path = tempCsv('gap.csv', lines);
  const { file, duckdb } = await both(path, { unit: 'month', focus: null, previous: 12 });
  expect(comparable(duckdb)).toEqual(comparable(file));
  expect(file.reportPeriod?.label).toBe('2026-10');
  expect(file.reportPeriod?.complete).toBe(true);
  expect(file.reportPeriod?.tickets).toBe(10);
  expect(file.period.asOf).toBe('2026-12-10T12:00:00.000Z');
  expect(file.periods?.map((p) => [p.period, p.tickets])).toEqual([['2026-09', 10], ['2026-10', 10]]);
  // October by hand: phone 1h each, email 30m each
  expect(file.channels.map((c) => [c.channel, c.firstResponse.median])).toEqual([['phone', 3600], ['email', 1800]]);
});

test('a period of interest without phone tickets: the trend is against the reference its audit chose, in-process and through DuckDB alike (found by an independent attack)', async () => {
  // UTC weeks. 2026-W53 (28 Dec – 4 Jan): phone answered in 1h and 2h, email in 30m. 2027-W01:
  // email only (10m, 20m), so the audit's reference is email, the largest channel there. W02 holds
  // a phone ticket answered at 16:00 on 11 January, the latest time: W02 is not complete, W01 is
  // reported. The trend's W53 by hand against email: phone's median (3,600 + 7,200) / 2 = 5,400 s,
  // ratio 5,400 / 1,800 = 3; email 1; the gap email − phone = 1,800 − 5,400 = −3,600 s (phone
  // waits longer), ratio email over phone 1,800 / 5,400 = 1/3. It was measured against phone
  // (ratios 1 and 1/3, gap +3,600 labelled email) under a header naming email.
  const path = tempCsv('nophone.csv', [
    'ticket_id,channel,created_at,first_response_at',
    'P1,phone,2026-12-28T15:00:00Z,2026-12-28T16:00:00Z',
    'P2,phone,2027-01-01T04:30:00Z,2027-01-01T06:30:00Z',
    'E1,email,2027-01-03T10:00:00Z,2027-01-03T10:30:00Z',
    'E2,email,2027-01-05T15:00:00Z,2027-01-05T15:10:00Z',
    'E3,email,2027-01-06T10:00:00Z,2027-01-06T10:20:00Z',
    'P3,phone,2027-01-11T15:00:00Z,2027-01-11T16:00:00Z',
  ]);
  const { file, duckdb } = await both(path, { unit: 'week', focus: null, previous: 1 }, {}, { minSample: 1 });
  expect(comparable(duckdb)).toEqual(comparable(file));
  expect(file.reportPeriod?.label).toBe('2027-W01');
  expect(file.reference).toBe('email');
  const [w53, w01] = file.periods ?? [];
  expect(w53?.period).toBe('2026-W53');
  expect(w53?.channels.map((c) => [c.channel, c.firstResponseMedian, c.firstResponseRatio])).toEqual([
    ['phone', 5400, 3],
    ['email', 1800, 1],
  ]);
  expect(w53?.referenceGap.firstResponse).toMatchObject({ channel: 'phone', gap: -3600 });
  expect(w53?.referenceGap.firstResponse?.ratio).toBeCloseTo(1 / 3, 12);
  // W01: email alone (median of 600 and 1,200 = 900), no other channel to be the gap's
  expect(w01?.channels.map((c) => [c.channel, c.firstResponseMedian, c.firstResponseRatio])).toEqual([['email', 900, 1]]);
  expect(w01?.referenceGap.firstResponse).toBeNull();
});

test('an export without resolution information: how many tickets are open is unknown (null), not 0, in-process and through DuckDB alike', async () => {
  // No resolved_at column: every ticket's resolution is unmeasurable, so nobody knows whether any
  // is still open. Two months, August and September 2026; as-of 2 October, both complete.
  // August: 2 phone, 1 social; September: 2 phone, 2 social. By hand every open count is unknown.
  const path = tempCsv('noresolution.csv', [
    'ticket_id,channel,created_at,first_response_at',
    'P1,Phone,2026-08-03T10:00:00Z,2026-08-03T10:05:00Z',
    'P2,Phone,2026-08-04T10:00:00Z,2026-08-04T10:15:00Z',
    'T1,Twitter,2026-08-05T10:00:00Z,2026-08-05T11:00:00Z',
    'P3,Phone,2026-09-01T10:00:00Z,2026-09-01T10:05:00Z',
    'P4,Phone,2026-09-02T10:00:00Z,',
    'T2,Twitter,2026-09-03T10:00:00Z,2026-09-03T12:00:00Z',
    'T3,Twitter,2026-09-05T10:00:00Z,',
  ]);
  const { file, duckdb } = await both(path, { unit: 'month', focus: null, previous: 1 }, { asOf: '2026-10-02T00:00:00Z' });
  expect(comparable(duckdb)).toEqual(comparable(file));
  for (const report of [file, duckdb]) {
    expect(report.reportPeriod?.label).toBe('2026-09');
    expect(report.reportPeriod?.open).toBeNull();
    expect(report.periods?.map((p) => [p.period, p.tickets, p.open])).toEqual([
      ['2026-08', 3, null],
      ['2026-09', 4, null],
    ]);
    expect(report.periods?.flatMap((p) => p.channels.map((c) => [p.period, c.channel, c.tickets, c.open]))).toEqual([
      ['2026-08', 'phone', 2, null],
      ['2026-08', 'social', 1, null],
      ['2026-09', 'phone', 2, null],
      ['2026-09', 'social', 2, null],
    ]);
  }
});

test('an export with resolution information keeps its counts of open tickets: 0 when every ticket was resolved, in-process and through DuckDB alike', async () => {
  // September: P1 resolved, P2 and T1 without a resolution time (still open at the as-of time),
  // T2 resolved. By hand: phone 1 open, social 1 open, the month 2; August: A1 resolved, 0 open.
  const path = tempCsv('resolution.csv', [
    'ticket_id,channel,created_at,first_response_at,resolved_at',
    'A1,Phone,2026-08-03T10:00:00Z,2026-08-03T10:05:00Z,2026-08-04T10:00:00Z',
    'P1,Phone,2026-09-01T10:00:00Z,2026-09-01T10:05:00Z,2026-09-02T10:00:00Z',
    'P2,Phone,2026-09-02T10:00:00Z,,',
    'T1,Twitter,2026-09-03T10:00:00Z,2026-09-03T12:00:00Z,',
    'T2,Twitter,2026-09-05T10:00:00Z,2026-09-05T11:00:00Z,2026-09-06T10:00:00Z',
  ]);
  const { file, duckdb } = await both(path, { unit: 'month', focus: null, previous: 1 }, { asOf: '2026-10-02T00:00:00Z' });
  expect(comparable(duckdb)).toEqual(comparable(file));
  for (const report of [file, duckdb]) {
    expect(report.reportPeriod?.open).toBe(2);
    expect(report.periods?.map((p) => [p.period, p.open, p.channels.map((c) => [c.channel, c.open])])).toEqual([
      ['2026-08', 0, [['phone', 0]]],
      ['2026-09', 2, [['phone', 1], ['social', 1]]],
    ]);
  }
});

describe('parity report from a count table file', () => {
  test('is refused (exit 2) with what to do instead', async () => {
    const ctx = { cwd: process.cwd(), stdin: Readable.from([]), version: 'test', color: false, columns: undefined, warn: () => {}, progress: () => {} };
    await expect(runReport([], { counts: 'counts.csv', config: false }, ctx)).rejects.toThrow(/a count table \(--counts\) cannot be cut into periods: it is one table for the whole export, without creation times/);
  });
});
