// `parity report` where the tickets live: on each fixture, the period report from DuckDB (CSV),
// Postgres and ClickHouse over two shards — one count query for the whole export, then one per
// period — equals the in-process period report of the same file (the period's audit with the
// per-ticket findings left out, as from any count table; the trend; the report period), apart
// from the fields only a file has (test/helpers/exactness.ts).
import { JOURNEYS_FAILED_NOTE } from '../../src/read/engines/count.js';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CommonFlags } from '../../src/commands/options.js';
import type { Config } from '../../src/config/schema.js';
import { parseMonth } from '../../src/measure/periods.js';
import { countedPeriodReport, periodReport, type CountedSource, type PeriodOptions } from '../../src/pipeline.js';
import type { Report } from '../../src/report.js';
import { runParity } from '../helpers/exec.js';
import { comparable } from '../helpers/exactness.js';
import { CH_URL, loadClickHouse, loadPostgres, PG_URL, settingsFor } from './helpers.js';

interface ReportCase {
  name: string;
  file: string;
  table: string;
  config?: Config;
  flags?: CommonFlags;
  unit?: PeriodOptions['unit'];
  month?: string;
  previous?: number;
}

const CASES: ReportCase[] = [
  { name: 'demo export, latest complete month, 12 before', file: 'fixtures/demo.csv', table: 'demo' },
  { name: 'mixed export, weeks, 6 before, --by group', file: 'fixtures/engines/mixed.csv', table: 'mixed', unit: 'week', previous: 6, flags: { by: 'group' } },
  {
    name: 'mixed export, custom --since/--until, --as-of, config channels and bands',
    file: 'fixtures/engines/mixed.csv',
    table: 'mixed',
    config: { channels: { Fax: 'email', Letter: 'phone', 'Twitter DM': 'chat' }, bands: [100, 5000] },
    flags: { since: '2026-10-01', until: '2026-10-20', asOf: '2026-10-15T12:00:00Z' },
  },
  { name: 'four months, --month 2026-09, minSample 3', file: 'fixtures/report/four-months.csv', table: 'fourmonths', month: '2026-09', config: { minSample: 3 } },
  {
    name: 'precomputed business-minute durations, weeks, 3 before',
    file: 'fixtures/engines/durations.csv',
    table: 'durations',
    unit: 'week',
    previous: 3,
    config: {
      // the columns count business minutes: audited in the business clock, used as given
      clock: 'business',
      businessHours: { timeZone: 'UTC', open: ['Mon-Fri 09:00-17:00'] },
      columns: {
        channel: 'via_channel',
        category: 'ticket_type',
        firstResponseTime: { column: 'first_reply_time_business_minutes', unit: 'minutes' },
        resolutionTime: { column: 'full_resolution_time_business_minutes', unit: 'minutes' },
      },
    },
  },
];

function plan(c: ReportCase) {
  const settings = { ...settingsFor(c.file, c.config, c.flags), generatedAt: null };
  const month = c.month ? parseMonth(c.month, settings.timeZone) : null;
  const focus = month ? { start: month.start, end: month.end } : settings.since !== null || settings.until !== null ? { start: settings.since, end: settings.until } : null;
  const options: PeriodOptions = { unit: c.unit ?? 'month', focus, previous: c.previous ?? 12 };
  return { settings, options };
}

async function inProcess(c: ReportCase): Promise<Report> {
  const { settings, options } = plan(c);
  return periodReport(settings, { stdin: Readable.from([]) }, { ...options, perTicket: false });
}

async function counted(c: ReportCase, source: Exclude<CountedSource, { kind: 'counts' }>): Promise<Report> {
  const { settings, options } = plan(c);
  return countedPeriodReport(source, settings, { stdin: Readable.from([]) }, options);
}

/** The one case where ClickHouse 18 cannot run the journey layers (see read/engines/count.ts runCountSpec). */
const CLICKHOUSE_JOURNEYS_FAIL = 'four months, --month 2026-09, minSample 3';

beforeAll(async () => {
  for (const table of new Set(CASES.map((c) => c.table))) {
    const file = CASES.find((c) => c.table === table)!.file;
    await loadPostgres(table, file);
    await loadClickHouse(table, file);
  }
});

describe('each engine reports as parity does in-process', () => {
  for (const c of CASES) {
    test(`DuckDB: ${c.name}`, async () => {
      const reference = await inProcess(c);
      expect(reference.periods!.length).toBeGreaterThan(1);
      const report = await counted(c, { kind: 'duckdb', files: [c.file] });
      expect(comparable(report)).toEqual(comparable(reference));
    });
    test(`Postgres: ${c.name}`, async () => {
      const report = await counted(c, { kind: 'postgres', url: PG_URL, source: { table: c.table } });
      expect(comparable(report)).toEqual(comparable(await inProcess(c)));
    });
    test(`ClickHouse, Distributed over two shards: ${c.name}`, async () => {
      const report = await counted(c, { kind: 'clickhouse', url: CH_URL, source: { table: c.table } });
      const reference = await inProcess(c);
      if (c.name !== CLICKHOUSE_JOURNEYS_FAIL) {
        expect(comparable(report)).toEqual(comparable(reference));
        return;
      }
      // ClickHouse 18 fails on the journey layers for this export's September: the report is made
      // without loud and jump findings, says so, and its channel numbers are still the file's
      expect(report.input.notes.some((n) => n.startsWith(JOURNEYS_FAILED_NOTE))).toBe(true);
      expect(report.findings.some((f) => f.kind === 'loud-preference' || f.kind === 'channel-jump')).toBe(false);
      expect(report.channels).toEqual(reference.channels);
      expect(report.periods).toEqual(reference.periods);
    });
  }

  test('the mixed export by weeks: the trend has every week, the by section is there', async () => {
    const report = await counted(CASES[1]!, { kind: 'postgres', url: PG_URL, source: { table: 'mixed' } });
    expect(report.periods).toHaveLength(7);
    expect(report.by?.field).toBe('group');
    expect(report.reportPeriod?.allTickets).toBe(report.input.rowsUsed);
  });

  test('parity report --db … --table … writes the document; a period without tickets is exit 2', async () => {
    const r = await runParity(['report', '--db', PG_URL, '--table', 'fourmonths', '--format', 'json', '-c', 'fixtures/report/min3.config.json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.input.format).toBe('postgres');
    expect(report.periods!.length).toBeGreaterThan(1);
    const none = await runParity(['report', '--db', PG_URL, '--table', 'fourmonths', '--month', '2025-01']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no tickets were created in 2025-01');
  });
});
