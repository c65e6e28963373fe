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

const GATES = ['ratio(phone,social).firstResponse.median > 3', 'findings.significant > 0'];

/** Gates on the first two follower bands too (whatever the scenario's edges). */
function settingsOf(s: Scenario, file = s.file) {
  const edges = (s.config?.bands as number[] | undefined) ?? [1000, 10000, 100000];
  const [low, next] = bandsFromEdges(edges).map((b) => b.label);
  return { ...settingsFor(file, s.config, { ...s.flags, failOn: [...GATES, `band(${low},${next}).firstResponse.median > 1.5`] }), by: null };
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
    if (SCENARIOS.some((s) => s.table === table && s.clickhouse !== false)) await loadClickHouse(table, file);
  }
});

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
    if (s.clickhouse === false) continue;
    test(`ClickHouse, Distributed over two shards: ${s.name}`, async () => {
      const report = await engineAudit(s, { kind: 'clickhouse', url: CH_URL, source: { table: s.table } });
      expect(comparable(report)).toEqual(comparable(await inProcess(s)));
    });
  }

  test('DuckDB: the Parquet fixture audits as its CSV, and as the CSV in-process', async () => {
    const demo = SCENARIOS[0]!;
    const parquet = await engineAudit(demo, { kind: 'duckdb', files: ['fixtures/engines/demo.parquet'] }, 'fixtures/engines/demo.parquet');
    const csv = await engineAudit(demo, { kind: 'duckdb', files: [demo.file] });
    expect({ ...parquet, input: { ...parquet.input, files: [] } }).toEqual({ ...csv, input: { ...csv.input, files: [] } });
    expect(comparable(parquet)).toEqual(comparable(await inProcess(demo)));
    // demo.csv: 3050 tickets, none rejected
    expect(parquet.input.tickets).toBe(3050);
    expect(parquet.gates).toHaveLength(GATES.length + 1);
  });

  test('an engine audit says what it cannot measure', async () => {
    const report = await engineAudit(SCENARIOS[0]!, { kind: 'duckdb', files: ['fixtures/engines/demo.parquet'] }, 'fixtures/engines/demo.parquet');
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
    const demo = SCENARIOS[0]!;
    const reference = await inProcess({ ...demo, flags: {} });
    const strip = (x: Report) => ({ ...(comparable(x) as Report), gates: [], settings: null, tool: null });
    expect(strip(report)).toEqual(strip(reference));
  });
});
