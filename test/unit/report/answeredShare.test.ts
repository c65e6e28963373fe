/**
 * The "Answered" cell beside "Tickets": a ticket whose first response cannot be measured (a
 * response before creation, noted under data quality) is in the channel's tickets but not in
 * the answered share, so the cell says what the share is of. Phone: 4 tickets, one answered an
 * hour before it was created, 2 of the other 3 answered → 2/3 = 67%, "of 3". Email: 2 tickets,
 * both measurable, 1 answered → 50%, no "of".
 */
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../helpers/audit.js';
import { tempCsv } from '../../helpers/exec.js';
import { loadRenderer } from '../../../src/render/index.js';

const file = tempCsv('negative.csv', [
  'ticket_id,channel,created_at,first_response_at',
  'P1,phone,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z',
  'P2,phone,2026-10-01T10:00:00Z,2026-10-01T12:00:00Z',
  'P3,phone,2026-10-01T10:00:00Z,',
  'P4,phone,2026-10-01T10:00:00Z,2026-10-01T09:00:00Z',
  'E1,email,2026-10-01T10:00:00Z,2026-10-01T13:00:00Z',
  'E2,email,2026-10-01T10:00:00Z,',
]);

describe('the answered share says what it is of', () => {
  it('in the report: phone 4 tickets, share 2/3 of the 3 measurable', async () => {
    const report = await auditFiles([file], { asOf: '2026-10-02T00:00:00Z' });
    const phone = report.channels.find((c) => c.channel === 'phone');
    expect(phone?.tickets).toBe(4);
    expect(phone?.firstResponse.n).toBe(3);
    expect(phone?.answeredShare).toBeCloseTo(2 / 3, 12);
  });

  it('in the terminal table, Markdown and HTML: "67% of 3" for phone, "50%" for email', async () => {
    const report = await auditFiles([file], { asOf: '2026-10-02T00:00:00Z' });
    for (const format of ['table', 'markdown', 'html']) {
      const text = (await loadRenderer(format, 'audit'))(report, { color: false });
      expect(text, format).toContain('67% of 3');
      expect(text, format).toMatch(/50%/);
      expect(text, format).not.toMatch(/50% of/);
    }
  });
});
