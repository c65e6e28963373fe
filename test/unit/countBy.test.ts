// --by from a count table: the count table of a file made with its `by` dimension, written to CSV
// and read back (as `parity audit --counts` reads it), audits with --by exactly as the file does
// in-process with the per-ticket findings off — the by section, the group-preference findings
// in the one Holm family, the by(...) gates — apart from the fields only a file has
// (test/helpers/exactness.ts). Expected values come from the in-process audit, or by hand on
// fixtures/by/teams.csv.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { resolveSettings, type CommonFlags } from '../../src/commands/options.js';
import { countsCsv } from '../../src/commands/counts.js';
import type { Config } from '../../src/config/schema.js';
import { loadDataset } from '../../src/load/dataset.js';
import { countDataset, type ByField, type CountTable } from '../../src/measure/counts.js';
import { auditCounted, auditCounts, auditDataset } from '../../src/pipeline.js';
import { readCountsFile } from '../../src/read/countsFile.js';
import type { Report } from '../../src/report.js';
import type { Settings } from '../../src/settings.js';
import { comparable } from '../helpers/exactness.js';

interface Case {
  name: string;
  file: string;
  /** The field the count table is made with (the --by of `parity counts`). */
  by: ByField;
  config?: Config;
  flags?: CommonFlags;
}

const CASES: Case[] = [
  {
    name: 'mixed export, --by group, with by gates',
    file: 'fixtures/engines/mixed.csv',
    by: 'group',
    flags: { by: 'group', failOn: ['by(Tier 2,Tier 1).firstResponse.median > 1.2', 'by(Tier 1).resolution.median > 2d', 'findings.significant > 0'] },
    config: { columns: { group: 'team' } },
  },
  { name: 'mixed export, --by group --by-reference, config channels, --since/--until/--as-of', file: 'fixtures/engines/mixed.csv', by: 'group',
    config: { columns: { group: 'team' }, channels: { Fax: 'email', Letter: 'phone', 'Twitter DM': 'chat' }, bands: [100, 5000] },
    flags: { by: 'group', byReference: 'tier 2', since: '2026-09-10', until: '2026-10-20', asOf: '2026-10-15T12:00:00Z' } },
  { name: 'mixed export, --by category (like for like within priority)', file: 'fixtures/engines/mixed.csv', by: 'category', flags: { by: 'category' } },
  { name: 'mixed export, --by priority (like for like within category)', file: 'fixtures/engines/mixed.csv', by: 'priority', flags: { by: 'priority' } },
  { name: 'mixed export, --by status', file: 'fixtures/engines/mixed.csv', by: 'status', flags: { by: 'status' } },
  { name: 'demo export, --by priority', file: 'fixtures/demo.csv', by: 'priority', flags: { by: 'priority', failOn: ['by(low,high).firstResponse.median > 1.5'] } },
  { name: 'demo export, config by category with a reference', file: 'fixtures/demo.csv', by: 'category', config: { by: { field: 'category', reference: 'Billing' } } },
  { name: 'small export, --by group: no ticket has a group', file: 'fixtures/small.csv', by: 'group', flags: { by: 'group' } },
  { name: 'teams, --by group, minSample 3', file: 'fixtures/by/teams.csv', by: 'group', flags: { by: 'group' }, config: { minSample: 3 } },
];

function settingsOf(c: Case): Settings {
  return { ...resolveSettings([c.file], c.flags ?? {}, c.config ?? {}, 'test'), generatedAt: null };
}

async function countTableOf(c: Case, by: ByField | null = c.by): Promise<{ path: string; table: CountTable }> {
  const settings = settingsOf(c);
  const dataset = await loadDataset(settings, { stdin: Readable.from([]) });
  const dir = mkdtempSync(join(tmpdir(), 'parity-count-by-'));
  const path = join(dir, 'counts.csv');
  writeFileSync(path, countsCsv(countDataset(dataset, { bands: settings.bands, by, journeys: settings.loud })));
  return { path, table: await readCountsFile(path, Readable.from([])) };
}

async function both(c: Case): Promise<{ file: Report; counts: Report }> {
  const settings = settingsOf(c);
  const dataset = await loadDataset(settings, { stdin: Readable.from([]) });
  const { path, table } = await countTableOf(c);
  return {
    file: auditDataset(dataset, settings, null, { perTicket: false }),
    counts: auditCounts(table, settings, { files: [path], format: 'counts' }, null),
  };
}

describe('--by from a count table audits as the tickets do', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const { file, counts } = await both(c);
      expect(file.by).toBeDefined();
      expect(comparable(counts)).toEqual(comparable(file));
      // every group of the file's by section is there, with the file's tickets
      expect(counts.by?.groups.map((g) => [g.value, g.tickets])).toEqual(file.by?.groups.map((g) => [g.value, g.tickets]));
    });
  }

  test('the mixed export has group-preference findings tested and by gates evaluated', async () => {
    const { file, counts } = await both(CASES[0]!);
    const groupFindings = (r: Report) => r.findings.filter((f) => f.kind === 'group-preference' && f.verdict !== 'insufficient-data');
    expect(groupFindings(file).length).toBeGreaterThan(0);
    // the numbers exactly, as comparable() compares them
    const pick = (r: Report) => comparable({ ...r, findings: groupFindings(r).map((f) => ({ ...f, details: {} })) } as Report) as Report;
    expect(pick(counts).findings.map((f) => [f.subject, f.metric, f.pValue, f.pValueAdjusted, f.verdict])).toEqual(
      pick(file).findings.map((f) => [f.subject, f.metric, f.pValue, f.pValueAdjusted, f.verdict]),
    );
    expect(counts.gates.map((g) => [g.expression, g.passed, g.value])).toEqual(file.gates.map((g) => [g.expression, g.passed, g.value]));
    expect(counts.gates.filter((g) => g.expression.startsWith('by(')).every((g) => g.value !== null)).toBe(true);
  });

  test('--by category compares within priority only, as in-process', async () => {
    const { counts } = await both(CASES[2]!);
    const likeForLike = counts.findings.flatMap((f) => (f.kind === 'group-preference' && f.details?.['likeForLike'] ? [f.details['likeForLike'] as { by: string[] }] : []));
    expect(likeForLike.length).toBeGreaterThan(0);
    for (const view of likeForLike) expect(view.by).toEqual(['priority']);
  });

  test('teams.csv by hand: Support 30m/3h (reference, largest), Billing 90m/4h, Sales one ticket, one ticket without a team', async () => {
    const { counts } = await both(CASES[8]!);
    const by = counts.by!;
    expect(by.reference).toBe('Support');
    expect(by.referenceChosen).toBe('largest');
    expect(by.noValue).toBe(1);
    expect(by.groups.map((g) => [g.value, g.tickets, g.firstResponse.median, g.resolution.median])).toEqual([
      ['Support', 5, 30 * 60, 3 * 3600],
      ['Billing', 3, 90 * 60, 4 * 3600],
      ['<b>Sales</b>', 1, 15 * 60, 3600],
    ]);
    // 90m / 30m = 3; 4h / 3h = 4/3
    expect(by.groups[1]!.vsReference!.firstResponseRatio).toBeCloseTo(3, 12);
    expect(by.groups[1]!.vsReference!.resolutionRatio).toBeCloseTo(4 / 3, 12);
    expect(by.groups.map((g) => g.tested)).toEqual([false, true, false]);
  });
});

describe('--by from a count table: what it cannot do, said', () => {
  const mixed = CASES[0]!;

  test('a column header that is not group, category, priority or status is refused, naming the fields that work', async () => {
    const { path } = await countTableOf(mixed);
    const settings = { ...resolveSettings([], { by: 'direction' }, {}, 'test'), generatedAt: null };
    const run = auditCounted({ kind: 'counts', file: path }, settings, { stdin: Readable.from([]) });
    await expect(run).rejects.toThrow(/--by direction: a count table .* has by groups for group, category, priority, status only/);
  });

  test('a config by naming another column is noted, not applied', async () => {
    const { path } = await countTableOf(mixed);
    const settings = { ...resolveSettings([], {}, { by: 'direction' }, 'test'), generatedAt: null };
    const report = await auditCounted({ kind: 'counts', file: path }, settings, { stdin: Readable.from([]) });
    expect(report.by).toBeUndefined();
    expect(report.input.notes.join('\n')).toMatch(/by direction in the config is not applied: a count table has by groups for group, category, priority, status only/);
  });

  test('--by with a count table made without it (or for another field) is refused with how to make one', async () => {
    const none = await countTableOf(mixed, null);
    const other = await countTableOf(mixed, 'priority');
    const settings = settingsOf(mixed);
    expect(() => auditCounts(none.table, settings, { files: [none.path], format: 'counts' }, null)).toThrow(/--by group: the count table was made without by groups/);
    expect(() => auditCounts(other.table, settings, { files: [other.path], format: 'counts' }, null)).toThrow(/--by group: the count table was made with by groups for priority/);
  });

  test('a config by with a count table made without it is noted, and the audit is the one without --by', async () => {
    const c = CASES[6]!;
    const { path, table } = await countTableOf(c, null);
    const report = auditCounts(table, settingsOf(c), { files: [path], format: 'counts' }, null);
    expect(report.by).toBeUndefined();
    expect(report.input.notes.join('\n')).toMatch(/by category in the config is not applied: the count table was made without by groups \(make it with --by category/);
    const plain = auditCounts(table, { ...settingsOf(c), groupBy: null }, { files: [path], format: 'counts' }, null);
    expect(comparable(report)).toEqual(comparable(plain));
  });
});
