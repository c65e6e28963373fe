/**
 * Two --by values that read alike once shown: one holds an escape character (ESC), which every
 * text output writes as `\u001b`; the other holds those six characters themselves. They are two
 * groups, and only the reference is the reference: the table, Markdown and HTML had found the
 * reference again by comparing shown values, so both rows read "ref" where the JSON gave the
 * other a ratio of 2 (one question, two answers).
 */
import { describe, expect, it } from 'vitest';
import { runParity, tempCsv } from '../helpers/exec.js';

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
    const table = (await runParity(args)).stdout;
    const tableRows = table.split('\n').filter((line) => line.startsWith('│ X\\u001bY'));
    expect(tableRows).toHaveLength(2);
    expect(tableRows[0]).toMatch(/│ 6 .*│ ref /);
    expect(tableRows[1]).toMatch(/│ 4 .*│ 2\.0× slower/);

    const markdown = (await runParity([...args, '--format', 'markdown'])).stdout;
    const mdRows = markdown.split('\n').filter((line) => line.startsWith('| **X\\\\u001bY') || line.startsWith('| X\\\\u001bY'));
    expect(mdRows).toHaveLength(2);
    expect(mdRows[0]).toMatch(/^\| \*\*X\\\\u001bY\*\* \(ref\) \| 6 \|/);
    expect(mdRows[1]).toMatch(/^\| X\\\\u001bY \| 4 \| .*\| 2\.0× slower/);

    const html = (await runParity([...args, '--format', 'html'])).stdout;
    expect(html.match(/<tr class="ref"><td>X\\u001bY<span class="change">reference<\/span>/g)).toHaveLength(1);
    expect(html.match(/<tr><td>X\\u001bY<\/td>/g)).toHaveLength(1);
  });
});
