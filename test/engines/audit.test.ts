// Exactness: on each fixture every engine's audit (DuckDB over CSV and Parquet, Postgres,
// ClickHouse over two shards) equals the in-process audit of the same file — loud vs quiet and
// channel jumps included (without the jump cases ticket by ticket), the follower rank
// correlation left out of it, as from any count table — apart from the fields only a file has
// (FILE_ONLY_FIELDS in test/helpers/exactness.ts, listed in README too).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runParity } from '../helpers/exec.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadDataset } from '../../src/load/dataset.js';
import { bandsFromEdges } from '../../src/measure/groups.js';
import { auditCounted, auditDataset, type CountedSource } from '../../src/pipeline.js';
import type { Report } from '../../src/report.js';
import { comparable } from '../helpers/exactness.js';
import { CH_URL, loadClickHouse, loadPostgres, PG_URL, settingsFor } from './helpers.js';
import { SCENARIOS, type Scenario } from './scenarios.js';
import type { CommonFlags } from '../../src/commands/options.js';

const GATES = ['ratio(phone,social).firstResponse.median > 3', 'findings.significant > 0'];

/** Gates on the first two follower bands too (whatever the scenario's edges). */
function settingsOf(s: Scenario, file = s.file) {
  const edges = (s.config?.bands as number[] | undefined) ?? [1000, 10000, 100000];
  const [low, next] = bandsFromEdges(edges).map((b) => b.label);
  return { ...settingsFor(file, s.config, { ...s.flags, failOn: [...GATES, `band(${low},${next}).firstResponse.median > 1.5`, ...(s.flags?.failOn ?? [])] }), by: null };
}

async function inProcess(s: Scenario): Promise<Report> {
  const settings = settingsOf(s);
  const dataset = await loadDataset(settings, { stdin: Readable.from([]) });
  return auditDataset(dataset, settings, null, { perTicket: false });
}

async function engineAudit(s: Scenario, source: CountedSource, file = s.file): Promise<Report> {
  return auditCounted(source, settingsOf(s, file), { stdin: Readable.from([]) });
}

beforeAll(async () => {
  for (const table of new Set(SCENARIOS.map((s) => s.table))) {
    const file = SCENARIOS.find((s) => s.table === table)!.file;
    await loadPostgres(table, file);
    await loadClickHouse(table, file);
  }
});


/** A scenario by name (scenarios.ts may gain scenarios in between). */
function scenario(name: string): Scenario {
  const s = SCENARIOS.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
}

describe('each engine audits as parity does in-process', () => {
  for (const s of SCENARIOS) {
    test(`DuckDB: ${s.name}`, async () => {
      const reference = await inProcess(s);
      const report = await engineAudit(s, { kind: 'duckdb', files: [s.file] });
      expect(comparable(report)).toEqual(comparable(reference));
      expect(report.findings.length).toBeGreaterThan(0);
    });
    test(`Postgres: ${s.name}`, async () => {
      const report = await engineAudit(s, { kind: 'postgres', url: PG_URL, source: { table: s.table } });
      expect(comparable(report)).toEqual(comparable(await inProcess(s)));
    });
    test(`ClickHouse, Distributed over two shards: ${s.name}`, async () => {
      const report = await engineAudit(s, { kind: 'clickhouse', url: CH_URL, source: { table: s.table } });
      expect(comparable(report)).toEqual(comparable(await inProcess(s)));
    });
  }

  test('DuckDB: the Parquet fixture audits as its CSV, and as the CSV in-process', async () => {
    const demo = scenario('demo export');
    const parquet = await engineAudit(demo, { kind: 'duckdb', files: ['fixtures/engines/demo.parquet'] }, 'fixtures/engines/demo.parquet');
    const csv = await engineAudit(demo, { kind: 'duckdb', files: [demo.file] });
    expect({ ...parquet, input: { ...parquet.input, files: [] } }).toEqual({ ...csv, input: { ...csv.input, files: [] } });
    expect(comparable(parquet)).toEqual(comparable(await inProcess(demo)));
    // demo.csv: 3050 tickets, none rejected
    expect(parquet.input.tickets).toBe(3050);
    expect(parquet.gates).toHaveLength(GATES.length + 1);
  });

  test('an engine audit says what it cannot measure', async () => {
    const report = await engineAudit(scenario('demo export'), { kind: 'duckdb', files: ['fixtures/engines/demo.parquet'] }, 'fixtures/engines/demo.parquet');
    const notes = report.input.notes.join('\n');
    expect(notes).toMatch(/Spearman rank correlation\) is not computed from a count table/);
    expect(notes).toMatch(/loudness cues computed in the database: public posts, repeat contacts, shouting/);
    expect(notes).toMatch(/channel jumps: the longest waits are listed ticket by ticket only when the tickets are read in-process/);
    expect(report.findings.some((f) => f.kind === 'loud-preference')).toBe(true);
    expect(report.findings.some((f) => f.kind === 'channel-jump')).toBe(true);
  });

  test('the config\'s source: parity audit with no file reads the database it names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-source-'));
    const config = join(dir, 'parity.config.json');
    writeFileSync(config, JSON.stringify({ source: { db: PG_URL, table: 'demo' } }));
    const r = await runParity(['audit', '-c', config, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.input.format).toBe('postgres');
    const demo = scenario('demo export');
    const reference = await inProcess({ ...demo, flags: {} });
    const strip = (x: Report) => ({ ...(comparable(x) as Report), gates: [], settings: null, tool: null });
    expect(strip(report)).toEqual(strip(reference));
  });
});

/**
 * --by from each engine: the count query carries the by field's dimension, and the by section,
 * the group-preference findings (one Holm family with the channel findings) and by(...) gates
 * equal the in-process audit with --by.
 */
const BY_CASES: Array<{ name: string; scenario: Scenario; flags: CommonFlags }> = [
  {
    name: '--by group with by gates',
    scenario: scenario('strata, open tickets, rejections, --by group'),
    flags: { by: 'group', failOn: ['by(Tier 2,Tier 1).firstResponse.median > 1.2', 'by(Tier 1).resolution.median > 2d'] },
  },
  { name: '--by priority --by-reference, config channels, --since/--until/--as-of', scenario: scenario('config channels, --since/--until/--as-of'), flags: { by: 'priority', byReference: 'low' } },
  { name: '--by status', scenario: scenario('strata, open tickets, rejections, --by group'), flags: { by: 'status' } },
  { name: '--by category, precomputed durations', scenario: scenario('precomputed business-minute durations'), flags: { by: 'category' } },
  { name: '--by category, demo export', scenario: scenario('demo export'), flags: { by: 'category' } },
];

describe('each engine audits --by as parity does in-process', () => {
  const withBy = (s: Scenario, flags: CommonFlags): Scenario => ({ ...s, flags: { ...s.flags, ...flags, failOn: [...(s.flags?.failOn ?? []), ...(flags.failOn ?? [])] } });
  for (const c of BY_CASES) {
    const s = withBy(c.scenario, c.flags);
    test(`DuckDB: ${c.name}`, async () => {
      const reference = await inProcess(s);
      expect(reference.by?.groups.length).toBeGreaterThan(1);
      const report = await engineAudit(s, { kind: 'duckdb', files: [s.file] });
      expect(comparable(report)).toEqual(comparable(reference));
    });
    test(`Postgres: ${c.name}`, async () => {
      const report = await engineAudit(s, { kind: 'postgres', url: PG_URL, source: { table: s.table } });
      expect(comparable(report)).toEqual(comparable(await inProcess(s)));
    });
    test(`ClickHouse, Distributed over two shards: ${c.name}`, async () => {
      const report = await engineAudit(s, { kind: 'clickhouse', url: CH_URL, source: { table: s.table } });
      expect(comparable(report)).toEqual(comparable(await inProcess(s)));
    });
  }

  test('the by gates and group-preference findings are there to compare', async () => {
    const s = withBy(BY_CASES[0]!.scenario, BY_CASES[0]!.flags);
    const report = await engineAudit(s, { kind: 'duckdb', files: ['fixtures/engines/mixed.csv'] });
    expect(report.gates.filter((g) => g.expression.startsWith('by(')).map((g) => g.value === null)).toEqual([false, false]);
    expect(report.findings.some((f) => f.kind === 'group-preference' && f.verdict !== 'insufficient-data')).toBe(true);
  });

  test('parity audit --db … --by <column header> is refused (exit 2) naming the fields that work', async () => {
    const r = await runParity(['audit', '--db', PG_URL, '--table', 'mixed', '--by', 'direction']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--by direction: a count table .* has by groups for group, category, priority, status only/);
  });

  test('parity audit --db … --by group prints the by section', async () => {
    const r = await runParity(['audit', '--db', PG_URL, '--table', 'mixed', '--by', 'group', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.by?.field).toBe('group');
    const reference = await inProcess(withBy(scenario('strata, open tickets, rejections, --by group'), { by: 'group' }));
    expect(report.by?.groups.map((g) => [g.value, g.tickets])).toEqual(reference.by?.groups.map((g) => [g.value, g.tickets]));
  });
});
