/**
 * A preference found like for like whose raw ratio sits inside the tolerance band: the mix of
 * tickets hides the gap (email is slower within every category but gets the easy tickets more
 * often). The raw ratio is not what is significant, so no sentence or headline may call it so:
 * the summary and the HTML headline give the finding's like-for-like number as the significant
 * one and the raw ratio as the overall one. Found by an attack on "one question, one number"
 * (the summary read "1.08× slower than chat (significant)" beside a finding "3.5× slower").
 *
 * The plant (minutes to first response, every ticket answered, no resolution column):
 *   phone Easy 10 tickets: 20, 21, …, 29      phone Hard 40 tickets: 100, 101, …, 139
 *   email Easy 40 tickets: 100, 101, …, 139   email Hard 10 tickets: 400, 401, …, 409
 * Overall medians (50 tickets each, the mean of the 25th and 26th): phone (114 + 115) / 2 =
 * 114.5 min, email (124 + 125) / 2 = 124.5 min: email/phone = 124.5 / 114.5 = 1.0873, "1.09×
 * slower", inside 0.80–1.25 (so the raw view cannot be significant: its CI holds the ratio).
 * Per cell: Easy 119.5 / 24.5 = 4.878, Hard 404.5 / 119.5 = 3.385; the weights n₁n₂/(n₁+n₂) are
 * 40·10/50 = 8 in both cells, so the pooled ratio is √(4.878 · 3.385) = √16.51 = 4.063, "4.1×
 * slower"; every email ticket of a cell is slower than every phone ticket of it (p tiny).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../helpers/audit.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { renderHtml } from '../../../src/render/html.js';
import { renderTable } from '../../../src/render/table.js';
import { renderCsv } from '../../../src/render/csv.js';
import { loadChartKit } from '../../../src/render/charts.js';
import { plantedCsv } from '../../helpers/planted.js';

await loadChartKit();

function hiddenGapCsv(): string {
  return plantedCsv([
    ['phone', 'Easy', 10, 20],
    ['phone', 'Hard', 40, 100],
    ['email', 'Easy', 40, 100],
    ['email', 'Hard', 10, 400],
  ]);
}

describe('a like-for-like preference whose raw ratio lies inside the tolerance band', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'parity-hidden-gap-')), 'hidden.csv');
  writeFileSync(file, hiddenGapCsv());

  it('is said with the like-for-like number as the significant one, the raw one as overall', async () => {
    const report = await auditFiles([file]);
    const email = report.channels.find((c) => c.channel === 'email');
    expect(email?.firstResponse.median).toBe(124.5 * 60);
    expect(report.channels.find((c) => c.channel === 'phone')?.firstResponse.median).toBe(114.5 * 60);
    expect(email?.vsReference?.firstResponseRatio).toBeCloseTo(124.5 / 114.5, 12);
    const finding = report.findings.find((f) => f.kind === 'channel-preference' && f.subject === 'email' && f.metric === 'firstResponse');
    expect(finding).toMatchObject({ significant: true, verdict: 'preference' });
    expect(finding?.effect).toBeCloseTo(Math.sqrt((119.5 / 24.5) * (404.5 / 119.5)), 9);
    expect((finding?.details?.['raw'] as { significant: boolean }).significant).toBe(false);
    // the summary: never "1.09× slower than phone (significant)"
    const md = renderMarkdown(report);
    expect(md).not.toContain('1.09× slower than phone (significant)');
    expect(md).toMatch(/- email: first response [^,]+, 4\.1× slower than phone like for like \(significant\), 1\.09× slower overall\./);
    // the HTML headline: the finding's number, said to be like for like
    const html = renderHtml(report);
    expect(html).toContain('<div class="tile bad"><div class="value">4.1× slower</div><div class="label">email vs phone, first response (significant, like for like)</div></div>');
    expect(html).not.toContain('<div class="value">1.09× slower</div>');
    // the channel tables: the raw ratio with the verdict said to be like for like, never
    // "1.09× slower (significant)"
    expect(md).toContain('| 1.09× slower (significant like for like) |');
    expect(md).not.toContain('1.09× slower (significant) |');
    expect(html).toContain('<td class="nowrap">1.09× slower (significant like for like)</td>');
    // the terminal table: its mark `!` followed by †, explained under the table
    const table = renderTable(report, { color: false });
    expect(table).toContain(' 1.09× slower !† ');
    expect(table).not.toMatch(/1\.09× slower ! /);
    expect(table).toContain('† the mark holds like for like only: the ratio beside it is the raw one, which alone would not earn it (see Findings)');
    // the JSON row and the CSV carry the verdict with whether it holds overall (here: no)
    expect(email?.vsReference).toMatchObject({ firstResponseVerdict: 'preference', firstResponseVerdictHoldsOverall: false });
    const [header, ...rows] = renderCsv(report).trim().split('\n').map((line) => line.split(','));
    const emailRow = rows.find((r) => r[header?.indexOf('channel') ?? -1] === 'email') ?? [];
    expect(emailRow[header?.indexOf('first_response_verdict') ?? -1]).toBe('preference');
    expect(emailRow[header?.indexOf('first_response_verdict_holds_overall') ?? -1]).toBe('no');
    // (no resolution column: too few to judge, which holds overall as much as anywhere)
    expect(emailRow[header?.indexOf('resolution_verdict') ?? -1]).toBe('insufficient-data');
    expect(emailRow[header?.indexOf('resolution_verdict_holds_overall') ?? -1]).toBe('yes');
  });

  it('a table without such a verdict has no † and no line for it', async () => {
    // phone as above, email 20 to 69 minutes in the same cells: faster overall and in each cell
    const plain = join(mkdtempSync(join(tmpdir(), 'parity-hidden-gap-')), 'plain.csv');
    writeFileSync(plain, plantedCsv([
      ['phone', 'Easy', 10, 20],
      ['phone', 'Hard', 40, 100],
      ['email', 'Easy', 40, 20],
      ['email', 'Hard', 10, 100],
    ]));
    const report = await auditFiles([plain]);
    const table = renderTable(report, { color: false });
    expect(table).not.toContain('†');
    expect(report.channels.find((c) => c.channel === 'email')?.vsReference).toMatchObject({ firstResponseVerdictHoldsOverall: true });
    expect(report.channels.find((c) => c.channel === 'phone')?.vsReference).toMatchObject({ firstResponseVerdict: null, firstResponseVerdictHoldsOverall: null });
  });
});
