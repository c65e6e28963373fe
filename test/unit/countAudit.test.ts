// One judge, two producers: the audit of a count table (written to CSV and read back, as
// `parity audit --counts` reads it) equals the in-process audit of the same tickets, apart
// from the fields only a file has (test/helpers/exactness.ts); and the findings a count table
// cannot give are the only findings a file's audit has beyond it, each named in input.notes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { resolveSettings, type CommonFlags } from '../../src/commands/options.js';
import { countsCsv } from '../../src/commands/counts.js';
import type { Config } from '../../src/config/schema.js';
import { loadDataset } from '../../src/load/dataset.js';
import { countDataset } from '../../src/measure/counts.js';
import { auditCounts, auditDataset } from '../../src/pipeline.js';
import { readCountsFile } from '../../src/read/countsFile.js';
import type { Report } from '../../src/report.js';
import { comparable, perTicketFinding } from '../helpers/exactness.js';

interface Case {
  name: string;
  file: string;
  config?: Config;
  flags?: CommonFlags;
}

const GATES = [
  'ratio(phone,social).firstResponse.median > 3',
  'ratio(phone,email).resolution.median > 1.1',
  'channel(social).answeredShare < 95%',
  'band(<1k,100k+).firstResponse.median > 1.5',
  'findings.significant > 0',
];

const CASES: Case[] = [
  { name: 'demo export, with gates', file: 'fixtures/demo.csv', flags: { failOn: GATES } },
  { name: 'small export, SLA targets', file: 'fixtures/small.csv', config: { sla: { firstResponse: { default: '4h', email: '1d' }, resolution: { default: '2d' } } } },
  { name: 'strata, open tickets, rejections', file: 'fixtures/engines/mixed.csv' },
  {
    name: 'config channels, bands, --since/--until/--as-of',
    file: 'fixtures/engines/mixed.csv',
    config: { channels: { Fax: 'email', Letter: 'phone', 'Twitter DM': 'chat' }, bands: [100, 5000] },
    flags: { since: '2026-09-10', until: '2026-10-20', asOf: '2026-10-15T12:00:00Z' },
  },
  {
    name: 'precomputed business-minute durations',
    file: 'fixtures/engines/durations.csv',
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
  { name: 'survivorship: medians not reached', file: 'fixtures/survivorship/survivorship.csv' },
  { name: 'channel jumps fixture', file: 'fixtures/findings/jumps.csv' },
];

async function both(c: Case): Promise<{ file: Report; perTicketOff: Report; counts: Report }> {
  const settings = { ...resolveSettings([c.file], c.flags ?? {}, c.config ?? {}, 'test'), generatedAt: null };
  const dataset = await loadDataset(settings, { stdin: Readable.from([]) });
  const dir = mkdtempSync(join(tmpdir(), 'parity-count-audit-'));
  const path = join(dir, 'counts.csv');
  writeFileSync(path, countsCsv(countDataset(dataset, { bands: settings.bands, journeys: settings.loud })));
  const table = await readCountsFile(path, Readable.from([]));
  return {
    file: auditDataset(dataset, settings, null),
    perTicketOff: auditDataset(dataset, settings, null, { perTicket: false }),
    counts: auditCounts(table, settings, { files: [path], format: 'counts' }, null),
  };
}

describe('a count table audits as its tickets do', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const { perTicketOff, counts } = await both(c);
      expect(comparable(counts)).toEqual(comparable(perTicketOff));
      expect(counts.channels.length).toBeGreaterThan(0);
    });
  }

  test('gates are judged the same from both (demo: every gate listed evaluates)', async () => {
    const { perTicketOff, counts } = await both(CASES[0]!);
    expect(counts.gates.map((g) => [g.expression, g.passed, g.value])).toEqual(perTicketOff.gates.map((g) => [g.expression, g.passed, g.value]));
    expect(counts.gates).toHaveLength(GATES.length);
  });

  test('SLA attainment from the count table: small.csv, worked out from the file', async () => {
    const { counts } = await both(CASES[1]!);
    const sla = Object.fromEntries(counts.channels.map((c) => [c.channel, c.sla]));
    expect(sla['phone']).not.toBeNull();
    expect(counts.channels.every((c) => c.sla !== null)).toBe(true);
  });
});

describe('what a file audit has beyond a count table', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const { file, counts } = await both(c);
      const key = (f: Report['findings'][number]) => `${f.kind}|${f.subject}|${f.against ?? ''}|${f.metric ?? ''}`;
      const fileKeys = file.findings.filter((f) => !perTicketFinding(f) && f.kind !== 'data-quality').map(key).sort();
      expect(counts.findings.filter((f) => f.kind !== 'data-quality').map(key).sort()).toEqual(fileKeys);
      // the raw numbers of every shared finding are the file's (the Holm family is smaller
      // without the per-ticket tests, so adjusted p-values may differ)
      const raw = (r: Report) =>
        comparable({ ...r, findings: r.findings.filter((f) => !perTicketFinding(f) && f.kind !== 'data-quality' && f.kind !== 'response-theatre') } as Report) as Report;
      const pick = (r: Report) => raw(r).findings.map((f) => [key(f), f.effect, f.effectCi95, f.pValue, f.n ?? null]);
      expect(pick(counts)).toEqual(pick(file));
      // channel and band numbers are the file's (verdicts aside: they follow Holm)
      const numbers = (r: Report) =>
        comparable({ ...r, findings: [], gates: [], channels: r.channels.map((ch) => ({ ...ch, vsReference: ch.vsReference ? { ...ch.vsReference, firstResponseVerdict: null, resolutionVerdict: null } : null })) } as Report);
      expect(numbers(counts)).toEqual(numbers(file));
      // every per-ticket finding the file has is named in the count audit's notes
      const notes = counts.input.notes.join('\n');
      if (file.findings.some((f) => f.kind === 'channel-jump' && f.count)) expect(notes).toMatch(/channel jumps: the longest waits are listed ticket by ticket only when the tickets are read in-process/);
      if (file.findings.some((f) => f.kind === 'follower-preference' && f.subject === 'social')) expect(notes).toMatch(/Spearman rank correlation\) is not computed from a count table/);
    });
  }
});

/** What follows the Holm adjustment (adjusted p-values, verdicts, sentences, family size), wherever it is nested. */
function withoutHolm(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutHolm);
  if (!value || typeof value !== 'object') return value;
  const drop = new Set(['pValueAdjusted', 'verdict', 'significant', 'message', 'holmFamilySize', 'rule']);
  return Object.fromEntries(Object.entries(value).filter(([k]) => !drop.has(k)).map(([k, v]) => [k, withoutHolm(v)]));
}

describe('loud vs quiet and channel jumps: the same findings from a count table as from the file', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const { file, counts } = await both(c);
      // Holm is over every test: the file's has the follower rank correlation besides, so the
      // adjusted p-values (and the verdicts that follow them) are compared where the families match
      const familySize = (r: Report) => r.findings.find((f) => f.details?.['holmFamilySize'] !== undefined)?.details?.['holmFamilySize'];
      const sameFamily = familySize(file) === familySize(counts);
      const pick = (r: Report) =>
        (comparable(r) as Report).findings
          .filter((f) => f.kind === 'loud-preference' || f.kind === 'channel-jump')
          .map((f) => (sameFamily ? f : withoutHolm(f)));
      expect(pick(counts)).toEqual(pick(file));
      if (c.file.endsWith('jumps.csv')) expect((comparable(file) as Report).findings.map((f) => f.kind)).toContain('channel-jump');
    });
  }
});

describe('count-table audits refuse what they cannot do', () => {
  test('bands other than the table was made with', async () => {
    const settings = resolveSettings(['fixtures/small.csv'], {}, {}, 'test');
    const dataset = await loadDataset(settings, { stdin: Readable.from([]) });
    const table = countDataset(dataset, { bands: [1000, 10000, 100000] });
    expect(() => auditCounts(table, { ...settings, bands: [50] }, { files: ['t.csv'], format: 'counts' }, null)).toThrow(/follower bands .* are not the bands of this audit/);
  });
});
