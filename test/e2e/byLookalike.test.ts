/**
 * Two --by values that read alike once shown: one holds an escape character (ESC), which every
 * text output writes as `\u001b`; the other holds those six characters themselves. They are two
 * groups, and only the reference is the reference: the table, Markdown and HTML had found the
 * reference again by comparing shown values, so both rows read "ref" where the JSON gave the
 * other a ratio of 2 (one question, two answers).
 */
import { describe, expect, it } from 'vitest';
import { fixture, ROOT, runParity, tempCsv } from '../helpers/exec.js';
import { join } from 'node:path';

// The reference (6 tickets, the larger group) is answered after 1h, 1h, 2h, 2h, 3h, 3h: median
// 2h (the mean of the 3rd and 4th). The look-alike (4 tickets) after 4h each: median 4h. Nothing
// is censored, so the ratio is 4h / 2h = 2.
const rows = ['ticket_id,channel,created_at,first_response_at,team'];
[1, 1, 2, 2, 3, 3].forEach((h, k) => rows.push(`R${k},phone,2026-10-01T09:00:00Z,2026-10-01T${String(9 + h).padStart(2, '0')}:00:00Z,X\u001bY`));
for (let k = 0; k < 4; k++) rows.push(`L${k},phone,2026-10-01T09:00:00Z,2026-10-01T13:00:00Z,X\\u001bY`);
const file = tempCsv('lookalike.csv', rows);
const config = tempCsv('min3.json', [JSON.stringify({ minSample: 3 })]);
const args = ['audit', file, '-c', config, '--by', 'team'];

describe('--by values that read alike once escaped', () => {
  it('JSON: two groups, one reference, the other at ratio 2', async () => {
    const r = await runParity([...args, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const by = (JSON.parse(r.stdout) as { by: { reference: string; groups: Array<{ value: string; isReference: boolean; firstResponse: { median: number }; vsReference: { firstResponseRatio: number } }> } }).by;
    expect(by.reference).toBe('X\u001bY');
    expect(by.groups.map((g) => [g.value, g.isReference, g.firstResponse.median, g.vsReference.firstResponseRatio])).toEqual([
      ['X\u001bY', true, 7200, 1],
      ['X\\u001bY', false, 14400, 2],
    ]);
  });

  it('the table, Markdown and HTML mark only the reference as such', async () => {
    // (since the look-alike labels, text/lookalike.ts: the typed one's backslash is shown `\\`,
    // so the two rows no longer read alike either)
    const table = (await runParity(args)).stdout;
    const tableRows = table.split('\n').filter((line) => line.startsWith('│ X\\u001bY') || line.startsWith('│ X\\\\u001bY'));
    expect(tableRows).toHaveLength(2);
    expect(tableRows[0]).toMatch(/^│ X\\u001bY +│ 6 .*│ ref /);
    expect(tableRows[1]).toMatch(/^│ X\\\\u001bY +│ 4 .*│ 2\.0× slower/);

    const markdown = (await runParity([...args, '--format', 'markdown'])).stdout;
    const mdRows = markdown.split('\n').filter((line) => line.startsWith('| **X\\\\u001bY') || line.startsWith('| X\\\\\\\\u001bY'));
    expect(mdRows).toHaveLength(2);
    expect(mdRows[0]).toMatch(/^\| \*\*X\\\\u001bY\*\* \(ref\) \| 6 \|/);
    expect(mdRows[1]).toMatch(/^\| X\\\\\\\\u001bY \| 4 \| .*\| 2\.0× slower/);

    const html = (await runParity([...args, '--format', 'html'])).stdout;
    expect(html.match(/<tr class="ref"><td>X\\u001bY<span class="change">reference<\/span>/g)).toHaveLength(1);
    expect(html.match(/<tr><td>X\\\\u001bY<\/td>/g)).toHaveLength(1);
  });
});

/**
 * fixtures/by/lookalike.csv: ten tickets created at one instant, all answered and resolved.
 *
 *   Region           tickets  first responses    median  resolutions   median  vs Support (25m, 2h 30m)
 *   Support          4        10, 20, 30, 40 m   25m     1, 2, 3, 4 h  2h 30m  ref
 *   Sales            3        10, 20, 30 m       20m     1, 2, 3 h     2h      20/25 = 0.8: 1.25× faster; 1.25× faster
 *   Sales + U+200B   2        40, 60 m           50m     4, 6 h        5h      2.0× slower; 2.0× slower
 *   S + U+0430 + les 1        90 m               1h 30m  8 h           8h      3.6× slower; 3.2× slower
 *
 * The channel of the last ticket is "Ph" + Cyrillic о + "ne" (unknown: other), of the rest "Phone".
 */
describe('look-alike --by values and channel values (fixtures/by/lookalike.csv)', () => {
  const csv = fixture('by', 'lookalike.csv');
  const by = ['audit', csv, '--by', 'region'];
  const note = '"Sales", "Sales\\u200b" and "S\\u0430les" (an invisible character; a Cyrillic or Greek letter in place of a Latin one)';

  it('the table shows the hidden characters, and a note names the values and the fix', async () => {
    const r = await runParity(by);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((line) => /^│ S/.test(line));
    expect(rows.map((line) => line.split('│')[1]!.trim())).toEqual(['Support', 'Sales ·', 'Sales\\u200b ·', 'S\\u0430les ·']);
    expect(rows[2]).toMatch(/│ 50m \(—\) +│ 2\.0× slower/);
    expect(rows[3]).toMatch(/│ 1h 30m \(—\) +│ 3\.6× slower/);
    const text = r.stdout.replace(/\n +/g, ' ');
    expect(text).toContain(`region values that look alike but differ in the export are kept as separate groups, their hidden characters shown as escapes: ${note}. Clean the region column in the export to merge them`);
    expect(text).toContain('Unknown channel values mapped to other: "Ph\\u043ene" (1)');
  });

  it('Markdown, HTML and CSV show the same labels; JSON keeps the values and adds the labels', async () => {
    const md = (await runParity([...by, '--format', 'markdown'])).stdout;
    // (Markdown doubles a backslash: its own escape)
    expect(md).toContain('| Sales\\\\u200b · | 2 |');
    expect(md).toContain('| S\\\\u0430les · | 1 |');
    const html = (await runParity([...by, '--format', 'html'])).stdout;
    expect(html).toContain('<tr><td>Sales\\u200b<span class="change">not tested</span>');
    expect(html).not.toContain('Sales\u200b');
    const csvOut = (await runParity([...by, '--format', 'csv'])).stdout;
    expect(csvOut.split('\n').filter((l) => l.includes(',region,'))// (the by value, then the unanswered column, added last: 0 here)
      .map((l) => l.slice(l.lastIndexOf(',region,') + 8))).toEqual(['Support,0', 'Sales,0', 'Sales\\u200b,0', 'S\\u0430les,0']);
    const json = JSON.parse((await runParity([...by, '--format', 'json'])).stdout) as { by: { groups: Array<{ value: string; label?: string }> }; input: { notes: string[] } };
    expect(json.by.groups.map((g) => [g.value, g.label ?? null])).toEqual([
      ['Support', null],
      ['Sales', 'Sales'],
      ['Sales\u200b', 'Sales\\u200b'],
      ['S\u0430les', 'S\\u0430les'],
    ]);
    expect(json.input.notes.some((n) => n.includes(note))).toBe(true);
  });

  it('--by-reference takes a value as its label shows it', async () => {
    const r = await runParity([...by, '--by-reference', 'Sales\\u200b', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { by: { reference: string } };
    expect(json.by.reference).toBe('Sales\u200b');
  });

  it('a by(...) gate names the groups by their labels (found by an attack: the gate line showed "Sales" with its zero-width space hidden)', async () => {
    // Sales\u200b 40, 60 m: median 50m (n = 2); Sales 10, 20, 30 m: median 20m (n = 3); 50/20 = 2.5 > 2
    const min2 = tempCsv('min2.json', [JSON.stringify({ minSample: 2 })]);
    const r = await runParity(['check', csv, '-c', min2, '--by', 'region', '--fail-on', 'by("Sales\\u200b",Sales).firstResponse.median > 2']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('value 2.5 is above 2 [region Sales\\u200b 50m (n=2) over region Sales 20m (n=3)]');
    expect(r.stdout).not.toContain('Sales\u200b');
  });

  it('a --by-reference no value has lists the values as the report shows them, labels included', async () => {
    const r = await runParity([...by, '--by-reference', 'Marketing']);
    expect(r.code).toBe(2);
    // largest first: Support 4, Sales 3, Sales\u200b 2, S\u0430les 1
    expect(r.stderr).toContain('region values, largest first: "Support", "Sales", "Sales\\u200b", "S\\u0430les"');
    expect(r.stderr).not.toContain('Sales\u200b');
  });

  it('inspect shows the channel values apart and says how to map them', async () => {
    const r = await runParity(['inspect', csv]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/"Phone" +9 {2}→ phone/);
    expect(r.stdout).toMatch(/"Ph\\u043ene" +1 {2}→ other/);
    expect(r.stdout).toContain('note: channel values that look alike but differ in the export, their hidden characters shown as escapes: "Phone" and "Ph\\u043ene" (a Cyrillic or Greek letter in place of a Latin one). Map each with "channels" in the config, written as shown');
  });
});

/** fixtures/by/long-values.csv in a terminal of 100 columns (the arithmetic: test/unit/report/byShortened.test.ts). */
describe('a --by value wider than the terminal (fixtures/by/long-values.csv)', () => {
  const args = ['audit', fixture('by', 'long-values.csv'), '--by', 'region'];
  const terminal = { NODE_OPTIONS: `--import ${join(ROOT, 'test', 'helpers', 'fakeTerminal.mjs')}`, PARITY_TEST_COLUMNS: '100' };

  it('is shortened in a terminal, distinct, with a line saying so', async () => {
    const r = await runParity(args, { env: terminal });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('│ Customer operatio…ion EMEA · │ 2 ');
    expect(r.stdout).toContain('│ Customer operatio…ion APAC · │ 1 ');
    expect(r.stdout.replace(/\n/g, ' ')).toContain('(2 region values shortened with … to fit the terminal; --wide, --format csv or --format json show them in full)');
  });

  it('is drawn in full to a pipe and with --wide', async () => {
    for (const r of [await runParity(args), await runParity([...args, '--wide'], { env: terminal })]) {
      expect(r.stdout).toContain(`│ Customer operations enterprise accounts ${'x'.repeat(60)} region EMEA · │`);
      expect(r.stdout).not.toContain('shortened');
    }
  });
});

/**
 * fixtures/by/lookalike.csv: Region values Support (4 tickets), Sales (3), Sales + U+200B (2),
 * S + Cyrillic а + les (1). A gate's reason names a look-alike value by its label, as the tables
 * do: "Sales\u200b" where the raw value would print as a second "Sales". First responses of the
 * two Sales\u200b tickets 40 and 60 min: median 50m; Support's 10, 20, 30, 40 min: median 25m.
 */
describe('gates name look-alike --by values by their labels', () => {
  it('in a value list and in a ratio', async () => {
    const config = tempCsv('min2.json', [JSON.stringify({ minSample: 2 })]);
    const r = await runParity([
      'audit', fixture('by', 'lookalike.csv'), '--by', 'Region', '-c', config,
      '--fail-on', 'by(Nope).firstResponse.median > 1h',
      '--fail-on', 'by("Sales\\u200b",Support).firstResponse.median > 100',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no Region Nope (values: Support, Sales, Sales\\u200b, S\\u0430les)');
    expect(r.stdout).toContain('[Region Sales\\u200b 50m (n=2) over Region Support 25m (n=4)]');
  });
});
