/**
 * --by <field> on fixtures/by/teams.csv (see its README): ten email tickets created at one
 * instant, all answered and resolved, so every median is a plain sample median worked out by hand.
 *
 *   Support  first responses 10, 20, 30, 40, 50 min → median 30m;  resolutions 1–5 h → 3h
 *   Billing  60, 90, 120 min → 90m;                                 2, 4, 6 h → 4h
 *   <b>Sales</b>  15 min; 1 h (one ticket)
 *   no team  5 min; 30 min
 */
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../helpers/audit.js';
import { fixture, runParity, tempCsv } from '../helpers/exec.js';
import { loadRenderer } from '../../src/render/index.js';
import { parseGate, subjectText } from '../../src/judge/gates/parse.js';
import type { Finding, Report } from '../../src/report.js';
import { customerPseudonym } from '../../src/render/redact.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TEAMS = fixture('by', 'teams.csv');
const MIN = 60;
const HOUR = 3600;

function group(report: Report, value: string) {
  const found = report.by?.groups.find((g) => g.value === value);
  if (!found) throw new Error(`no group ${value}`);
  return found;
}

function groupFinding(report: Report, subject: string, metric: 'firstResponse' | 'resolution'): Finding {
  const found = report.findings.find((f) => f.kind === 'group-preference' && f.subject === subject && f.metric === metric);
  if (!found) throw new Error(`no finding for ${subject} ${metric}`);
  return found;
}

describe('--by group', () => {
  it('measures every value, largest first, against the largest group', async () => {
    const report = await auditFiles([TEAMS], { by: 'group' }, { minSample: 3 });
    const by = report.by!;
    expect(by.field).toBe('group');
    expect(by.reference).toBe('Support'); // 5 tickets, the largest
    expect(by.referenceChosen).toBe('largest');
    expect(by.noValue).toBe(1); // N1 has no team
    expect(by.groups.map((g) => [g.value, g.tickets])).toEqual([
      ['Support', 5],
      ['Billing', 3],
      ['<b>Sales</b>', 1],
    ]);
    expect(group(report, 'Support').firstResponse.median).toBe(30 * MIN);
    expect(group(report, 'Billing').firstResponse.median).toBe(90 * MIN);
    expect(group(report, 'Support').resolution.median).toBe(3 * HOUR);
    expect(group(report, 'Billing').resolution.median).toBe(4 * HOUR);
    // 90m / 30m = 3; 4h / 3h = 1.333…; Sales 15m / 30m = 0.5, 1h / 3h = 0.333…
    expect(group(report, 'Billing').vsReference!.firstResponseRatio).toBeCloseTo(3, 12);
    expect(group(report, 'Billing').vsReference!.resolutionRatio).toBeCloseTo(4 / 3, 12);
    expect(group(report, '<b>Sales</b>').vsReference!.firstResponseRatio).toBeCloseTo(0.5, 12);
    expect(group(report, '<b>Sales</b>').vsReference!.resolutionRatio).toBeCloseTo(1 / 3, 12);
    expect(group(report, 'Support').vsReference!.firstResponseRatio).toBe(1);
  });

  it('tests only groups with at least minSample tickets, in the one Holm family, like for like by category × priority', async () => {
    const report = await auditFiles([TEAMS], { by: 'group' }, { minSample: 3 });
    expect(group(report, 'Billing').tested).toBe(true);
    expect(group(report, '<b>Sales</b>').tested).toBe(false);
    const first = groupFinding(report, 'Billing', 'firstResponse');
    expect(first.against).toBe('Support');
    const raw = first.details!['raw'] as { ratio: number };
    expect(raw.ratio).toBeCloseTo(3, 12);
    expect((first.details!['likeForLike'] as { by: string[] }).by).toEqual(['category', 'priority']);
    // No tested Sales finding; one note names it instead.
    expect(report.findings.some((f) => f.kind === 'group-preference' && f.subject === '<b>Sales</b>')).toBe(false);
    const note = report.findings.find((f) => f.kind === 'group-preference' && f.subject === 'group');
    expect(note?.verdict).toBe('insufficient-data');
    expect(note?.message).toContain('<b>Sales</b>');
    // The family holds two raw p-values (Billing's first response and resolution; the like-for-like
    // views have no cell with 5 tickets of each group, and one channel makes no channel test).
    // Holm on two: the smaller is doubled, the larger is max(that, itself).
    const res = groupFinding(report, 'Billing', 'resolution').details!['raw'] as { pValue: number; pValueAdjusted: number };
    const fr = first.details!['raw'] as { pValue: number; pValueAdjusted: number };
    const [lo, hi] = fr.pValue <= res.pValue ? [fr, res] : [res, fr];
    expect(lo.pValueAdjusted).toBeCloseTo(Math.min(1, 2 * lo.pValue), 12);
    expect(hi.pValueAdjusted).toBeCloseTo(Math.max(Math.min(1, 2 * lo.pValue), hi.pValue), 12);
    // The verdict travels with the by table's number.
    expect(group(report, 'Billing').vsReference!.firstResponseVerdict).toBe(first.verdict);
  });

  it('leaves the report without by when --by is not given', async () => {
    const report = await auditFiles([TEAMS], {}, { minSample: 3 });
    expect('by' in report).toBe(false);
    expect(report.findings.some((f) => f.kind === 'group-preference')).toBe(false);
  });

  it('--by-reference chooses the reference, matched ignoring case when that is unambiguous', async () => {
    const report = await auditFiles([TEAMS], { by: 'group', byReference: 'billing' }, { minSample: 3 });
    expect(report.by!.reference).toBe('Billing');
    expect(report.by!.referenceChosen).toBe('given');
    // 30m / 90m
    expect(group(report, 'Support').vsReference!.firstResponseRatio).toBeCloseTo(1 / 3, 12);
    await expect(auditFiles([TEAMS], { by: 'group', byReference: 'Nobody' }, { minSample: 3 })).rejects.toThrow(/"Nobody" is not a group value of any ticket audited \(a report audits the tickets of its period\)/);
  });

  it("the config's by.reference holds when --by names its field in another case (found by an independent attack)", async () => {
    for (const by of ['group', 'Group', ' GROUP ']) {
      const report = await auditFiles([TEAMS], { by }, { minSample: 3, by: { field: 'group', reference: 'Billing' } });
      expect([report.by!.reference, report.by!.referenceChosen], by).toEqual(['Billing', 'given']);
    }
    // another field: the config's reference is not its
    const other = await auditFiles([TEAMS], { by: 'category' }, { minSample: 3, by: { field: 'group', reference: 'Billing' } });
    expect(other.by!.referenceChosen).toBe('largest');
  });

  it('--by-reference is trimmed as values are, and one matching two values by case alone is ambiguous, not absent (found by an attack)', async () => {
    const report = await auditFiles([TEAMS], { by: 'group', byReference: ' billing ' }, { minSample: 3 });
    expect(report.by!.reference).toBe('Billing');
    const file = tempCsv('cases', [
      'ticket_id,channel,created_at,first_response_at,priority',
      'A,email,2026-10-01T00:00:00Z,2026-10-01T01:00:00Z,high',
      'B,email,2026-10-01T00:00:00Z,2026-10-01T02:00:00Z,HIGH',
      'C,email,2026-10-01T00:00:00Z,2026-10-01T03:00:00Z,low',
    ]);
    const failure = await auditFiles([file], { by: 'priority', byReference: 'High' }).then(
      () => null,
      (error: Error & { hint?: string }) => error,
    );
    expect(failure?.message).toBe('--by-reference "High" matches 2 priority values that differ only in case');
    expect(failure?.hint).toBe('write one of them exactly: "HIGH", "high"');
  });

  it('config by { field, reference } works like the flags', async () => {
    const report = await auditFiles([TEAMS], {}, { minSample: 3, by: { field: 'group', reference: 'Billing' } });
    expect(report.by!.reference).toBe('Billing');
  });
});

describe('--by category stratifies by priority only', () => {
  it('compares categories within priorities', async () => {
    const report = await auditFiles([TEAMS], { by: 'category' }, { minSample: 3 });
    // Hardware: S1 S3 S5 B1 B3 N1 = 6 tickets, first responses 10 30 50 60 120 5 → (30 + 50) / 2 = 40m
    // Software: S2 S4 B2 X1 = 4 tickets, 20 40 90 15 → (20 + 40) / 2 = 30m
    expect(report.by!.groups.map((g) => [g.value, g.tickets])).toEqual([
      ['Hardware', 6],
      ['Software', 4],
    ]);
    expect(group(report, 'Hardware').firstResponse.median).toBe(40 * MIN);
    expect(group(report, 'Software').firstResponse.median).toBe(30 * MIN);
    const first = groupFinding(report, 'Software', 'firstResponse');
    expect((first.details!['raw'] as { ratio: number }).ratio).toBeCloseTo(0.75, 12);
    expect((first.details!['likeForLike'] as { by: string[] }).by).toEqual(['priority']);
  });
});

describe('--by names the category column however it is written (found by an attack)', () => {
  // `--by Category` was read as a header, and `--by type` (the file's category column under a
  // name parity maps to category) too: the like-for-like cells were then category × priority,
  // the by field itself among them, so every cell held one group and nothing was judged
  const expected = async (): Promise<unknown> => {
    const r = await auditFiles([TEAMS], { by: 'category' }, { minSample: 3 });
    return [r.by, (groupFinding(r, 'Software', 'firstResponse').details!['likeForLike'] as { by: string[] }).by];
  };

  it('--by Category and --by CATEGORY are --by category', async () => {
    const want = await expected();
    for (const spelling of ['Category', 'CATEGORY']) {
      const r = await auditFiles([TEAMS], { by: spelling }, { minSample: 3 });
      expect([r.by, (groupFinding(r, 'Software', 'firstResponse').details!['likeForLike'] as { by: string[] }).by], spelling).toEqual(want);
    }
  });

  it('--by type, where type is the category column, compares within priorities only', async () => {
    const lines = readFileSync(TEAMS, 'utf8').trimEnd().split('\n');
    lines[0] = (lines[0] as string).replace(',category,', ',type,');
    const file = tempCsv('teams-type', lines);
    const r = await auditFiles([file], { by: 'type' }, { minSample: 3 });
    const first = groupFinding(r, 'Software', 'firstResponse');
    // as --by category: Software 30m against Hardware 40m, ratio 0.75, cells by priority alone
    expect((first.details!['raw'] as { ratio: number }).ratio).toBeCloseTo(0.75, 12);
    expect((first.details!['likeForLike'] as { by: string[] }).by).toEqual(['priority']);
    expect(r.by!.groups.map((g) => [g.value, g.tickets])).toEqual([
      ['Hardware', 6],
      ['Software', 4],
    ]);
  });
});

describe('--by <header>', () => {
  it('reads a column that is no canonical field, by its header ignoring case', async () => {
    const report = await auditFiles([TEAMS], { by: 'region' }, { minSample: 3 });
    expect(report.by!.field).toBe('region');
    expect(report.by!.groups.map((g) => [g.value, g.tickets])).toEqual([
      ['North', 5],
      ['South', 3],
      ['=1+1', 1],
    ]);
    expect(report.by!.noValue).toBe(1);
    expect(group(report, 'South').firstResponse.median).toBe(90 * MIN);
  });

  it('names the headers found when the column does not exist', async () => {
    await expect(auditFiles([TEAMS], { by: 'Country' })).rejects.toThrow(/--by "Country" is not a canonical field/);
    await expect(auditFiles([TEAMS], { by: 'Country' })).rejects.toMatchObject({ hint: expect.stringContaining('"Region"') });
  });

  it('refuses channel and a reference without a field', async () => {
    await expect(auditFiles([TEAMS], { by: 'channel' })).rejects.toThrow(/channels are what the audit compares/);
    await expect(auditFiles([TEAMS], { byReference: 'Support' })).rejects.toThrow(/--by-reference needs --by/);
  });
});

describe('by gates', () => {
  it('by(A,B) is the by table ratio; by(A) is the group median; small groups are not evaluated', async () => {
    const report = await auditFiles([TEAMS], {
      by: 'group',
      failOn: ['by(Billing,Support).firstResponse.median > 2', 'by(Support).firstResponse.median > 20m', 'by("<b>Sales</b>",Support).firstResponse.median > 1'],
    }, { minSample: 3 });
    const [ratio, median, small] = report.gates;
    expect(ratio!.value).toBeCloseTo(3, 12); // 90m / 30m
    expect(ratio!.passed).toBe(false);
    expect(median!.value).toBe(30 * MIN);
    expect(median!.passed).toBe(false); // 30m > 20m holds: the gate fails
    expect(small!.evaluated).toBe(false);
    expect(small!.reason).toMatch(/1 ticket .*at least 3 \(minSample\)/);
  });

  it('a by gate names a group as --by-reference does: as written, or the one value equal ignoring case (found by a review)', async () => {
    const report = await auditFiles([TEAMS], { by: 'group', failOn: ['by(billing,SUPPORT).firstResponse.median > 2'] }, { minSample: 3 });
    expect(report.gates[0]!.value).toBeCloseTo(3, 12); // Billing 90m / Support 30m, as above
  });

  it('--redact on a customer column: --by-reference takes the pseudonym the report shows, and its error lists pseudonyms (found by a review)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parity-by-')), 'customers.csv');
    const rows = ['ticket_id,channel,created_at,first_response_at,customer_id'];
    for (let i = 0; i < 6; i++) rows.push(`T${i},${i % 2 ? 'email' : 'phone'},2026-10-01T00:00:00Z,2026-10-01T0${i}:10:00Z,${i < 4 ? 'ann@example.com' : 'bob@example.com'}`);
    writeFileSync(path, `${rows.join('\n')}\n`);
    const plain = await auditFiles([path], { by: 'customer_id', redact: true }, { minSample: 1 });
    const [ann, bob] = plain.by!.groups.map((g) => g.value);
    expect([ann, bob]).toEqual([customerPseudonym('ann@example.com'), customerPseudonym('bob@example.com')]);
    const chosen = await auditFiles([path], { by: 'customer_id', redact: true, byReference: bob as string }, { minSample: 1 });
    expect(chosen.by!.reference).toBe(bob);
    await expect(auditFiles([path], { by: 'customer_id', redact: true, byReference: 'nobody' })).rejects.toThrow(expect.objectContaining({ hint: `customer_id values, largest first: "${ann}", "${bob}"` }));
    // a by gate names the customer as the data has it or by the pseudonym, as --by-reference does
    // (found by an attack: the raw id had been "not evaluated" beside its own pseudonym)
    const gated = await auditFiles([path], { by: 'customer_id', redact: true, failOn: ['by("bob@example.com").firstResponse.median > 1h', `by(${bob}).firstResponse.median > 1h`] }, { minSample: 1 });
    // bob's tickets T4 (phone, 4h 10m) and T5 (email, 5h 10m): median (4h 10m + 5h 10m) / 2 = 4h 40m
    expect(gated.gates.map((g) => [g.evaluated, g.value])).toEqual([[true, 4 * HOUR + 40 * MIN], [true, 4 * HOUR + 40 * MIN]]);
  });

  it('an unquoted value with a comma reads as two groups, and the error says how to write it (found by an attack)', () => {
    expect(() => parseGate('delta(by(Sales, EMEA).answeredShare) < -5%', { bands: [] })).toThrow(
      'a percentage only fits a share (answeredShare, resolvedShare), not a change in a ratio; by(Sales,EMEA) compares the group "Sales" with the group "EMEA": a value with a comma is written as a JSON string, by("Sales, EMEA")',
    );
  });

  it('two spellings of one value (by(Support,support)) are not evaluated rather than a ratio of 1 that always passes (found by an attack)', async () => {
    const report = await auditFiles([TEAMS], { by: 'team', failOn: ['by(Support,support).firstResponse.median > 2'] }, { minSample: 3 });
    expect(report.gates[0]).toMatchObject({
      passed: false,
      value: null,
      reason: 'Support and support are both team Support (matched ignoring case): the gate would compare it with itself; write two different values',
    });
  });

  it('a by gate without --by is a usage error before any reading', async () => {
    await expect(auditFiles([TEAMS], { failOn: ['by(A,B).firstResponse.median > 2'] })).rejects.toThrow(/no --by field is given/);
  });

  it('parses values with commas and parentheses written as JSON strings, and prints them back', () => {
    const gate = parseGate('by("Sales, EMEA", "Support (L2)").resolution.p90 >= 1.5', { bands: [] });
    expect(gate.subject).toEqual({ kind: 'byRatio', a: 'Sales, EMEA', b: 'Support (L2)', metric: 'resolution.p90' });
    expect(gate.unit).toBe('ratio');
    // "Support (L2)" has parentheses: it prints back quoted, so the text parses to the same gate.
    expect(subjectText(gate.subject)).toBe('by("Sales, EMEA","Support (L2)").resolution.p90');
    expect(parseGate(`${subjectText(gate.subject)} > 1`, { bands: [] }).subject).toEqual(gate.subject);
    expect(() => parseGate('by(A,A).firstResponse.median > 2', { bands: [] })).toThrow(/compares A with itself/);
    expect(parseGate('by(A).firstResponse.median > 2h', { bands: [] }).subject).toEqual({ kind: 'by', a: 'A', metric: 'firstResponse.median' });
    expect(() => parseGate('by("A).firstResponse.median > 2', { bands: [] })).toThrow(/not a quoted value/);
  });
});

describe('by in every renderer, with hostile values made inert', () => {
  it('markdown escapes, html escapes, csv neutralises formulas', async () => {
    const report = await auditFiles([TEAMS], { by: 'region' }, { minSample: 3 });
    const markdown = (await loadRenderer('markdown', 'audit'))(report, { color: false });
    expect(markdown).toContain('## By region');
    const csv = (await loadRenderer('csv', 'audit'))(report, { color: false });
    const header = csv.split('\n')[0]!;
    // (the by columns keep their places, 28 and 29, from before the unanswered column was added: it comes after them)
    expect(header.split(',').slice(25)).toEqual(['first_response_verdict_holds_overall', 'resolution_verdict_holds_overall', 'by_field', 'by_value', 'unanswered']);
    expect(csv.trim().split('\n').every((l) => l.split(',').length === 30)).toBe(true);
    expect(csv).toContain(",region,'=1+1");
    expect(csv).not.toMatch(/,=1\+1/);
    const byGroup = await auditFiles([TEAMS], { by: 'group' }, { minSample: 3 });
    const html = (await loadRenderer('html', 'audit'))(byGroup, { color: false });
    expect(html).toContain('<section id="by">');
    expect(html).not.toContain('<b>Sales</b>');
    expect(html).toContain('&#60;b&#62;Sales&#60;/b&#62;');
    const md = (await loadRenderer('markdown', 'audit'))(byGroup, { color: false });
    expect(md).not.toContain('<b>Sales</b>');
    const table = (await loadRenderer('table', 'audit'))(byGroup, { color: false, width: 72 });
    const section = table.slice(table.indexOf('By group (reference: Support)'), table.indexOf('Findings'));
    expect(section).toContain('<b>Sales</b> ·');
    for (const line of section.split('\n')) expect(line.length).toBeLessThanOrEqual(72);
  });

  it('csv without --by keeps its fixed columns', async () => {
    const csv = (await loadRenderer('csv', 'audit'))(await auditFiles([TEAMS], {}, { minSample: 3 }), { color: false });
    expect(csv.split('\n')[0]!.endsWith('first_response_verdict,resolution_verdict,too_few,first_response_verdict_holds_overall,resolution_verdict_holds_overall,unanswered')).toBe(true);
  });
});

describe('parity tickets --by', () => {
  it('adds each ticket\'s value of the field as by_value', async () => {
    const r = await runParity(['tickets', TEAMS, '--by', 'Region', '--no-config']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const header = lines[0]!.split(',');
    const at = header.indexOf('by_value');
    expect(at).toBeGreaterThan(0);
    const value = (id: string): string => lines.find((l) => l.startsWith(`${id},`))!.split(',')[at]!;
    expect([value('S1'), value('B2'), value('X1'), value('N1')]).toEqual(['North', 'South', "'=1+1", '']);
  });
});

describe('commands that compare no groups ignore a configured by', () => {
  it('inspect reads a file that lacks the configured by header', async () => {
    const { resolveSettings } = await import('../../src/commands/options.js');
    const { profileFiles } = await import('../../src/load/profile.js');
    const { Readable } = await import('node:stream');
    const settings = resolveSettings([TEAMS], {}, { by: 'Country' }, 'test');
    expect(settings.mapping.byHeader).toBe('Country');
    const [profile] = await profileFiles(settings, { stdin: Readable.from([]) });
    expect(profile?.rows).toBe(10);
  });
});
