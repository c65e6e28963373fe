/**
 * One question, one number: the properties that keep the table, the JSON, the gates and the
 * findings from answering "how fast was this group served" differently, and `inspect` from
 * counting rows differently than `audit`. Checked on every shipped fixture and on generated
 * exports (fast-check), with unanswered tickets, open tickets and bad rows mixed in.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { auditFiles, bothProducers } from '../helpers/audit.js';
import { fixture, tempCsv } from '../helpers/exec.js';
import { periodReport } from '../../src/pipeline.js';
import { resolveSettings, type CommonFlags } from '../../src/commands/options.js';
import { profileFiles } from '../../src/load/profile.js';
import { evaluateGate } from '../../src/judge/gates/evaluate.js';
import { parseGate } from '../../src/judge/gates/parse.js';
import type { Report } from '../../src/report.js';
import { renderCsv } from '../../src/render/csv.js';

type Metric = 'firstResponse' | 'resolution';
type Finding = Report['findings'][number];
type VsReference = NonNullable<Report['channels'][number]['vsReference']>;

/**
 * One comparison's number three ways: the table's vsReference ratio and bound, the finding's raw
 * view, and the value of `gate` (a ratio or by gate, no sample-size floor) on the same report;
 * the verdict beside the table's number is the finding's; a significant finding points the way
 * the table's ratio does.
 */
function expectOneNumber(report: Report, what: string, vs: VsReference, metric: Metric, finding: Finding | undefined, gate: string): void {
  const tableRatio = metric === 'firstResponse' ? vs.firstResponseRatio : vs.resolutionRatio;
  const tableBound = metric === 'firstResponse' ? vs.firstResponseBound : vs.resolutionBound;
  const raw = finding?.details?.['raw'] as { ratio: number | null; bound: string | null } | undefined;
  if (raw) {
    expect(raw.ratio, `${what}: finding raw ratio`).toBe(tableRatio);
    expect(raw.bound, `${what}: finding raw bound`).toBe(tableBound);
  }
  const result = evaluateGate(parseGate(gate, { bands: [] }), {
    report,
    baseline: null,
    minSample: 0,
    allowMissing: false,
    likeForLike: () => ({ reason: 'unused' }),
  });
  if (tableRatio === null) {
    expect(result.value, `${what}: gate without a ratio`).toBeNull();
  } else if (result.evaluated) {
    expect(Math.abs((result.value as number) - tableRatio), `${what}: gate value`).toBeLessThanOrEqual(1e-9 * Math.max(1, tableRatio));
    expect(result.bound ?? null, `${what}: gate bound`).toBe(tableBound);
  } else {
    // Only a bound that cannot decide leaves the gate unevaluated.
    expect(tableBound, `${what}: ${result.reason}`).not.toBeNull();
  }
  const verdict = metric === 'firstResponse' ? vs.firstResponseVerdict : vs.resolutionVerdict;
  expect(verdict, `${what}: verdict`).toBe(finding?.verdict ?? null);
  // (a bound says which way only when it points away from 1: at least 3× slower, at most 0.5)
  const certain = tableRatio !== null && (tableBound === null || (tableBound === 'lower' ? tableRatio >= 1 : tableRatio <= 1));
  if (finding?.significant && certain && tableRatio !== null && finding.effect !== null && tableRatio !== 1 && finding.effect !== 1) {
    // a significant preference marked beside the table's ratio points its way; one that points
    // the other way (Simpson's paradox: like for like one way, overall the other) is marked case mix
    const same = Math.sign(Math.log(finding.effect)) === Math.sign(Math.log(tableRatio));
    expect(finding.verdict, `${what}: a significant finding's mark beside a ratio ${same ? 'pointing its way' : 'pointing the other way'}`).toBe(same ? 'preference' : 'case-mix');
  }
}

/** Every channel: vsReference ratio = the finding's raw ratio = the value of the ratio gate. */
function checkOneNumber(report: Report, label: string): number {
  let checked = 0;
  const ref = report.reference;
  for (const c of report.channels) {
    if (c.channel === ref || !c.vsReference) continue;
    for (const metric of ['firstResponse', 'resolution'] as const) {
      const finding = report.findings.find((f) => f.kind === 'channel-preference' && f.subject === c.channel && f.metric === metric);
      expectOneNumber(report, `${label} ${c.channel} ${metric}`, c.vsReference, metric, finding, `ratio(${c.channel},${ref}).${metric}.median > 1000000`);
      checked++;
    }
  }
  return checked;
}

/** Every --by group: vsReference ratio = the group-preference finding's raw ratio = the by(A,ref) gate. */
function checkOneNumberBy(report: Report, label: string): number {
  let checked = 0;
  const by = report.by;
  if (!by || by.reference === null) return 0;
  const quote = (v: string): string => JSON.stringify(v);
  for (const g of by.groups) {
    if (g.value === by.reference || !g.vsReference) continue;
    for (const metric of ['firstResponse', 'resolution'] as const) {
      const finding = report.findings.find((f) => f.kind === 'group-preference' && f.subject === g.value && f.against === by.reference && f.metric === metric);
      expectOneNumber(report, `${label} ${g.value} ${metric}`, g.vsReference, metric, finding, `by(${quote(g.value)},${quote(by.reference)}).${metric}.median > 1000000`);
      expect(g.tested, `${label} ${g.value}: tested`).toBe(report.findings.some((f) => f.kind === 'group-preference' && f.subject === g.value && f.against === by.reference));
      checked++;
    }
  }
  return checked;
}

function fixtureFiles(): string[] {
  const root = fixture();
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(csv|tsv|ndjson|json|gz)$/.test(name) && !/config|baseline|not-a-report/.test(name)) out.push(path);
    }
  };
  walk(root);
  return out.sort();
}

describe('table, finding and gate give one number for one question', () => {
  it('on every shipped fixture that audits', async () => {
    let checked = 0;
    let audited = 0;
    for (const file of fixtureFiles()) {
      let report: Report;
      try {
        report = await auditFiles([file]);
      } catch {
        continue; // fixtures of bad input: exit 2 by design
      }
      audited++;
      checked += checkOneNumber(report, file);
    }
    expect(audited).toBeGreaterThan(15);
    expect(checked).toBeGreaterThan(40);
  });

  it('on the survivorship fixture, every output says phone is slower', async () => {
    const report = await auditFiles([fixture('survivorship', 'survivorship.csv')], { asOf: '2026-11-01T00:00:00Z' });
    const social = report.channels.find((c) => c.channel === 'social')!;
    // social over phone: phone's median is only a lower bound, so the ratio is at most this: social faster
    expect(social.vsReference).toMatchObject({ firstResponseBound: 'upper', firstResponseVerdict: 'preference' });
    expect(social.vsReference!.firstResponseRatio!).toBeLessThan(0.01);
    const phone = report.channels.find((c) => c.channel === 'phone')!;
    // 40 of 60 phone tickets never answered: more than half waiting, the median is a lower bound;
    // the 20 answered ones took 5–14 minutes (answered-only median 9m 30s).
    expect(phone.firstResponse).toMatchObject({ bound: 'lower', answeredMedian: 570 });
    // By hand: the bound is the median of the 60 observed times. 20 are answers (minutes); the 40
    // unanswered tickets k = 1, 2, 4, 5, … (k not a multiple of 3, created 1 Oct 08:00 + 8k hours)
    // have waited (736 − 8k) hours by 1 Nov 00:00. The 30th and 31st observed times are the 10th
    // and 11th youngest waits: k = 46 (368 h) and k = 44 (384 h) → (368 + 384) / 2 = 376 h.
    expect(phone.firstResponse.median).toBe(376 * 3600);
    const finding = report.findings.find((f) => f.kind === 'channel-preference' && f.subject === 'social' && f.metric === 'firstResponse')!;
    expect(finding).toMatchObject({ significant: true, verdict: 'preference' });
    expect(finding.effect!).toBeLessThan(1);
    checkOneNumber(report, 'survivorship');
  });
});

const HEADER = 'ticket_id,customer_id,channel,created_at,first_response_at,resolved_at,status,category';
const BASE = Date.parse('2026-10-01T00:00:00Z');
const iso = (minute: number): string => new Date(BASE + minute * 60_000).toISOString();

const row = fc.record({
  id: fc.integer({ min: 0, max: 60 }),
  channel: fc.constantFrom('Phone', 'Email', 'Twitter', 'Chat'),
  category: fc.constantFrom('Billing', 'Technical'),
  created: fc.integer({ min: 0, max: 60 * 24 * 30 }),
  first: fc.option(fc.integer({ min: -20, max: 60 * 24 * 3 }), { nil: null }),
  resolved: fc.option(fc.integer({ min: 0, max: 60 * 24 * 20 }), { nil: null }),
  broken: fc.integer({ min: 0, max: 12 }),
});

function toCsv(rows: Array<typeof row extends fc.Arbitrary<infer T> ? T : never>): string {
  const lines = rows.map((r) => {
    if (r.broken === 0) return `T${r.id},c${r.id % 5},${r.channel},yesterday,,,open,${r.category}`;
    const first = r.first === null ? '' : iso(r.created + r.first);
    const resolved = r.resolved === null ? '' : iso(r.created + Math.max(r.resolved, r.first ?? 0));
    return `T${r.id},c${r.id % 5},${r.channel},${iso(r.created)},${first},${resolved},${resolved ? 'solved' : 'open'},${r.category}`;
  });
  return `${HEADER}\n${lines.join('\n')}\n`;
}

describe('--by groups give one number too', () => {
  it('on the by fixture, by group, category and a header', async () => {
    let checked = 0;
    for (const by of ['group', 'category', 'Region', 'priority']) {
      const report = await auditFiles([fixture('by', 'teams.csv')], { by }, { minSample: 3 });
      checked += checkOneNumberBy(report, `teams --by ${by}`);
    }
    // group: Billing, Sales; category: Software; Region: South, =1+1; priority: low (two metrics each)
    expect(checked).toBe(12);
  });
});

describe('generated exports (fast-check)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-one-number-'));

  it('--by category and --by status: the by table, the group finding and the by gate agree', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 5, maxLength: 120 }), fc.constantFrom('category', 'status'), async (rows, by) => {
        const file = join(dir, 'by.csv');
        writeFileSync(file, toCsv(rows));
        let report: Report;
        try {
          report = await auditFiles([file], { asOf: '2026-11-15T00:00:00Z', by }, { minSample: 5 });
        } catch {
          return;
        }
        checkOneNumberBy(report, `generated --by ${by}`);
        checkOneNumber(report, `generated --by ${by}`);
      }),
      { numRuns: 40, seed: 12 },
    );
  });

  it('table, finding and gate agree; a significant finding never contradicts the table', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 5, maxLength: 120 }), async (rows) => {
        const file = join(dir, 'export.csv');
        writeFileSync(file, toCsv(rows));
        let report: Report;
        try {
          report = await auditFiles([file], { asOf: '2026-11-15T00:00:00Z' }, { minSample: 5 });
        } catch {
          return; // every row rejected: exit 2 by design
        }
        checkOneNumber(report, 'generated');
      }),
      { numRuns: 60, seed: 9 },
    );
  });

  it('inspect and audit agree on rows read, used and rejected, and on which lines were rejected, under any flags', async () => {
    const flags = fc.record({
      duplicates: fc.constantFrom('first', 'last'),
      since: fc.option(fc.constantFrom('2026-10-05', '2026-10-12'), { nil: undefined }),
      until: fc.option(fc.constantFrom('2026-10-20', '2026-10-28'), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 80 }), flags, async (rows, f) => {
        const file = join(dir, 'accounting.csv');
        writeFileSync(file, toCsv(rows));
        const given: CommonFlags = { asOf: '2026-11-15T00:00:00Z', duplicates: f.duplicates, ...(f.since ? { since: f.since } : {}), ...(f.until ? { until: f.until } : {}) };
        const rejectedByAudit: string[] = [];
        const settings = resolveSettings([file], given, {}, 'test');
        const [profile] = await profileFiles(settings, { stdin: Readable.from([]) });
        let report: Report | null = null;
        try {
          report = await auditFiles([file], given);
        } catch {
          report = null;
        }
        const { audit } = await import('../../src/pipeline.js');
        await audit(settings, { stdin: Readable.from([]), onReject: (issue) => rejectedByAudit.push(`${issue.kind}@${issue.line}`) }).catch(() => null);
        const rejectedLines = (profile?.issues ?? []).filter((i) => i.severity === 'error' || i.severity === 'excluded').reduce((a, i) => a + i.count, 0);
        expect(profile?.rows).toBe(rows.length);
        expect(rejectedLines).toBe(rejectedByAudit.length);
        if (report) {
          expect(report.input.rowsRead).toBe(profile?.rows);
          expect(report.input.rowsRejected).toBe(rejectedByAudit.length);
          expect(profile?.ticketsUsable).toBe(report.input.tickets);
          // the same example line for every kind of problem
          for (const dq of report.input.dataQuality) {
            const twin = profile?.issues.find((i) => i.kind === dq.kind);
            expect(twin?.count, dq.kind).toBe(dq.count);
            expect(twin?.example.line, dq.kind).toBe(dq.example?.line);
          }
        }
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('with --duplicates last on the duplicate-ids fixture, inspect and audit reject the same line', async () => {
    const file = fixture('bad', 'duplicate-ids.csv');
    const settings = resolveSettings([file], { duplicates: 'last' }, {}, 'test');
    const [profile] = await profileFiles(settings, { stdin: Readable.from([]) });
    const report = await auditFiles([file], { duplicates: 'last' });
    const a = report.input.dataQuality.find((d) => d.kind === 'duplicate-id');
    const b = profile?.issues.find((i) => i.kind === 'duplicate-id');
    expect(b?.example.line).toBe(a?.example?.line);
    expect(b?.count).toBe(a?.count);
  });
});

describe('the reference against itself', () => {
  // By hand: no resolution column, so no channel has a resolution time. Phone (the reference)
  // answered in 1h, 3h, 2h (median 2h), social in 30m, 20m, 40m (median 30m): social's ratio
  // 1800/7200 = 0.25; phone's own first-response ratio is 1 by definition, but its resolution
  // ratio is unknown like every other channel's — never a 1 beside a median that is absent.
  const path = tempCsv('no-resolution.csv', [
    'ticket_id,channel,created_at,first_response_at,team',
    'P1,Phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,A',
    'P2,Phone,2026-10-01T09:00:00Z,2026-10-01T12:00:00Z,A',
    'P3,Phone,2026-10-01T09:00:00Z,2026-10-01T11:00:00Z,A',
    'T1,Twitter,2026-10-01T09:00:00Z,2026-10-01T09:30:00Z,B',
    'T2,Twitter,2026-10-01T09:00:00Z,2026-10-01T09:20:00Z,B',
    'T3,Twitter,2026-10-01T09:00:00Z,2026-10-01T09:40:00Z,B',
  ]);
  const flags = { asOf: '2026-10-02T00:00:00Z' };

  it('has ratio 1 only on a metric it has tickets to measure: the table, both producers', async () => {
    for (const report of await bothProducers([path], flags)) {
      const ratios = report.channels.map((c) => [c.channel, c.vsReference?.firstResponseRatio, c.vsReference?.resolutionRatio]);
      expect(ratios).toEqual([
        ['phone', 1, null],
        ['social', 0.25, null],
      ]);
    }
  });

  it('in the by table', async () => {
    const report = await auditFiles([path], { ...flags, by: 'team', byReference: 'A' }, { minSample: 1 });
    const groups = report.by?.groups.map((g) => [g.value, g.vsReference?.firstResponseRatio, g.vsReference?.resolutionRatio]);
    expect(groups).toEqual([
      ['A', 1, null],
      ['B', 0.25, null],
    ]);
  });

  it('in the trend', async () => {
    const settings = { ...resolveSettings([path], flags, {}, 'test'), generatedAt: null };
    const start = Date.parse('2026-10-01T00:00:00Z') / 1000;
    const report = await periodReport(settings, { stdin: Readable.from([]) }, { unit: 'month', focus: { start, end: Date.parse('2026-11-01T00:00:00Z') / 1000 }, previous: 0 });
    const current = report.periods?.at(-1);
    expect(current?.channels.map((c) => [c.channel, c.firstResponseRatio, c.resolutionRatio])).toEqual([
      ['phone', 1, null],
      ['social', 0.25, null],
    ]);
  });
});

describe('a reference median of 0 s', () => {
  // By hand: phone answers 25 of 40 tickets in the second they come in (0 s) and the rest after
  // 25 … 39 min: median (20th and 21st of 40) 0 s. Social answers after 10 … 49 min: median
  // (29 + 30) / 2 min = 1,770 s. Read over the 1 s floor the ratio is 1,770, but the true phone
  // median lies under a second, so social is at least 1,770 times slower: a lower bound, in the
  // table, the finding and the ratio gate alike.
  const rows = ['ticket_id,channel,created_at,first_response_at'];
  const at = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  for (let i = 0; i < 40; i++) {
    const created = Date.UTC(2026, 0, 1, i % 20);
    rows.push(`P${i},phone,${at(created)},${at(created + (i < 25 ? 0 : i * 60_000))}`);
    rows.push(`S${i},social,${at(created)},${at(created + (10 + i) * 60_000)}`);
  }
  const path = tempCsv('zero-median.csv', rows);

  it('makes the ratio a lower bound everywhere, both producers', async () => {
    for (const report of await bothProducers([path], { asOf: '2026-01-03T00:00:00Z' })) {
      const social = report.channels.find((c) => c.channel === 'social');
      const phone = report.channels.find((c) => c.channel === 'phone');
      expect([phone?.firstResponse.median, social?.firstResponse.median]).toEqual([0, 1770]);
      const vs = social?.vsReference as VsReference;
      expect([vs.firstResponseRatio, vs.firstResponseBound, vs.firstResponseRatioCi95?.[1]]).toEqual([1770, 'lower', null]);
      const finding = report.findings.find((f) => f.kind === 'channel-preference' && f.metric === 'firstResponse' && f.subject === 'social');
      expect(finding?.message).toContain('at least 1770× slower');
      expectOneNumber(report, 'social vs phone, 0 s reference', vs, 'firstResponse', finding, 'ratio(social,phone).firstResponse.median > 1000000');
    }
  });
});

describe('a count nobody can know is null, never 0', () => {
  // By hand: no first-response column, so nobody knows how many tickets were answered: answered
  // is null beside answeredShare null (0 would say nobody was answered), in the JSON, the by
  // table, the trend and the CSV (an empty cell). Resolution is known: phone resolved 2 of 3
  // (P3 open), social 3 of 3. A band or period with no tickets at all has 0, which is known.
  const noFirst = tempCsv('no-first-response.csv', [
    'ticket_id,channel,created_at,resolved_at,team',
    'P1,Phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,A',
    'P2,Phone,2026-10-01T09:00:00Z,2026-10-01T12:00:00Z,A',
    'P3,Phone,2026-10-01T09:00:00Z,,A',
    'T1,Twitter,2026-10-01T09:00:00Z,2026-10-01T09:30:00Z,B',
    'T2,Twitter,2026-10-01T09:00:00Z,2026-10-01T09:20:00Z,B',
    'T3,Twitter,2026-10-01T09:00:00Z,2026-10-01T09:40:00Z,B',
  ]);
  // By hand: no resolution column: resolved and open are unknown (null); first response is
  // known: phone answered P1 and P2 (P3 waiting), social T1 only.
  const noResolution = tempCsv('no-resolution-counts.csv', [
    'ticket_id,channel,created_at,first_response_at,team',
    'P1,Phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,A',
    'P2,Phone,2026-10-01T09:00:00Z,2026-10-01T12:00:00Z,A',
    'P3,Phone,2026-10-01T09:00:00Z,,A',
    'T1,Twitter,2026-10-01T09:00:00Z,2026-10-01T09:30:00Z,B',
  ]);
  const flags = { asOf: '2026-10-02T00:00:00Z' };
  const counts = (report: Report) => report.channels.map((c) => [c.channel, c.answered, c.answeredShare, c.resolution.resolved]);

  it('in the channel table and the by table, both producers', async () => {
    for (const report of await bothProducers([noFirst], flags)) {
      expect(counts(report)).toEqual([
        ['phone', null, null, 2],
        ['social', null, null, 3],
      ]);
    }
    for (const report of await bothProducers([noResolution], flags)) {
      expect(counts(report)).toEqual([
        ['phone', 2, 2 / 3, null],
        ['social', 1, 1, null],
      ]);
    }
    const by = await auditFiles([noFirst], { ...flags, by: 'team', byReference: 'A' }, { minSample: 1 });
    expect(by.by?.groups.map((g) => [g.value, g.answered, g.resolution.resolved])).toEqual([
      ['A', null, 2],
      ['B', null, 3],
    ]);
    // every follower band is empty here (no follower column): 0 answered of 0, a known count
    expect(by.followerBands.every((b) => b.tickets > 0 || b.answered === 0)).toBe(true);
  });

  it('in the CSV: an empty cell, where open is empty too without resolution', async () => {
    const rows = (report: Report) =>
      renderCsv(report)
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',').slice(5, 10));
    // columns: channel, reference, tickets, answered, open
    expect(rows(await auditFiles([noFirst], flags))).toEqual([
      ['phone', 'phone', '3', '', '1'],
      ['social', 'phone', '3', '', '0'],
    ]);
    expect(rows(await auditFiles([noResolution], flags))).toEqual([
      ['phone', 'phone', '3', '2', ''],
      ['social', 'phone', '1', '1', ''],
    ]);
  });

  it('in the trend', async () => {
    const settings = { ...resolveSettings([noFirst], flags, {}, 'test'), generatedAt: null };
    const start = Date.parse('2026-10-01T00:00:00Z') / 1000;
    const report = await periodReport(settings, { stdin: Readable.from([]) }, { unit: 'month', focus: { start, end: Date.parse('2026-11-01T00:00:00Z') / 1000 }, previous: 0 });
    expect(report.periods?.at(-1)?.channels.map((c) => [c.channel, c.answered, c.open])).toEqual([
      ['phone', null, 1],
      ['social', null, 0],
    ]);
  });
});

describe('a ticket closed without a reply was never answered', () => {
  it('waits for its first response until the as-of time, in-process and in the count query', async () => {
    // By hand: P1 closed after 1h with no reply: first response still waiting at the as-of time,
    // 2026-10-11 00:00 − 2026-10-01 09:00 = 9d 15h = 831,600 s (censored); P2 and P3 answered
    // after 600 and 1,200 s. Kaplan–Meier: S = 2/3 after 600 s, 1/3 after 1,200 s → median
    // 1,200 s; S never reaches 0.1, so the p90 is a lower bound, R type 7 of (600, 1200, 831600)
    // at 0.9: h = 1.8 → 1,200 + 0.8 × 830,400 = 665,520 s. Answered 2 of 3; answered-only median
    // (600 + 1,200)/2 = 900 s. Resolution: all three resolved after 3,600 s.
    const path = tempCsv('closed-without-reply.csv', [
      'ticket_id,channel,created_at,first_response_at,resolved_at,status',
      'P1,Phone,2026-10-01T09:00:00Z,,2026-10-01T10:00:00Z,closed',
      'P2,Phone,2026-10-01T09:00:00Z,2026-10-01T09:10:00Z,2026-10-01T10:00:00Z,solved',
      'P3,Phone,2026-10-01T09:00:00Z,2026-10-01T09:20:00Z,2026-10-01T10:00:00Z,solved',
    ]);
    for (const report of await bothProducers([path], { asOf: '2026-10-11T00:00:00Z' })) {
      const phone = report.channels.find((c) => c.channel === 'phone');
      expect(phone?.answered).toBe(2);
      expect(phone?.firstResponse).toMatchObject({ n: 3, median: 1200, bound: null, p90: 665520, p90Bound: 'lower', answeredMedian: 900 });
      expect(phone?.resolution).toMatchObject({ n: 3, resolved: 3, median: 3600, bound: null });
    }
  });
});
