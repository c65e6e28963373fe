/**
 * Simpson's paradox: within each category email answers faster than phone, but email gets the
 * hard tickets and phone the easy ones, so overall email is slower. The preference is real
 * (like for like, significant) and the raw ratio every table shows points the other way: the
 * verdict beside that ratio must not be a preference mark, and every output must say both.
 * Found by an independent review (a table showing "12× slower !" beside a finding "2.0× faster").
 *
 * The plant (minutes to first response, every ticket answered, no resolution column):
 *   phone Easy 40 tickets: 20, 21, …, 59      phone Hard 10 tickets: 600, …, 609
 *   email Easy 10 tickets: 10, 11, …, 19      email Hard 40 tickets: 300, …, 339
 * Overall medians (50 tickets each, the mean of the 25th and 26th): phone (44 + 45) / 2 = 44.5
 * min, email (314 + 315) / 2 = 314.5 min (5h 14m 30s, "5h 15m" to the minute): email/phone = 314.5 / 44.5
 * = 7.067, "7.1× slower".
 * Per cell: Easy 14.5 / 39.5 = 0.367, Hard 319.5 / 604.5 = 0.529: like for like email is faster
 * in both, so any pooling of the two lies between them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../helpers/audit.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { renderTable } from '../../../src/render/table.js';
import { renderCsv } from '../../../src/render/csv.js';
import { plantedCsv } from '../../helpers/planted.js';

function simpsonCsv(): string {
  return plantedCsv([
    ['phone', 'Easy', 40, 20],
    ['phone', 'Hard', 10, 600],
    ['email', 'Easy', 10, 10],
    ['email', 'Hard', 40, 300],
  ]);
}

describe('a like-for-like preference that reverses the raw gap (case mix)', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'parity-reversal-')), 'simpson.csv');
  writeFileSync(file, simpsonCsv());

  it('is significant, marked case mix beside the raw ratio, and said both ways', async () => {
    const report = await auditFiles([file]);
    const email = report.channels.find((c) => c.channel === 'email');
    expect(email?.firstResponse.median).toBe(314.5 * 60);
    expect(report.channels.find((c) => c.channel === 'phone')?.firstResponse.median).toBe(44.5 * 60);
    expect(email?.vsReference?.firstResponseRatio).toBeCloseTo(314.5 / 44.5, 12);
    const finding = report.findings.find((f) => f.kind === 'channel-preference' && f.subject === 'email' && f.metric === 'firstResponse');
    expect(finding).toMatchObject({ significant: true, verdict: 'case-mix' });
    expect(finding?.effect).toBeGreaterThanOrEqual(14.5 / 39.5);
    expect(finding?.effect).toBeLessThanOrEqual(319.5 / 604.5);
    // the verdict beside the table's number is the finding's
    expect(email?.vsReference?.firstResponseVerdict).toBe('case-mix');
    expect(finding?.message).toMatch(/^Email tickets are answered [\d.]+× faster than phone tickets with the same category .*, though 7\.1× slower than phone tickets overall .*: the mix of tickets turns the gap around/);
    // the terminal table: the raw ratio marked ~ (case mix), never ! beside "slower"
    const table = renderTable(report, { color: false, width: 200 } as never);
    expect(table).toContain('7.1× slower ~');
    expect(table).not.toContain('slower !');
    // the summary says both numbers
    expect(renderMarkdown(report)).toMatch(/email: first response 5h 15m, 7\.1× slower than phone overall, but [\d.]+× faster than phone like for like \(significant\): the mix of tickets turns the gap around\./);
    // the CSV carries the verdict beside its ratio
    const line = renderCsv(report).split('\n').find((l) => l.includes(',email,'));
    expect(line).toContain(',7.07,');
    expect(line).toContain(',case-mix,');
  });
});
