/**
 * An export without resolution times: the resolution comparison says what is missing, not that
 * there are too few tickets (n = 0 vs 0 is no sample size to ask more of).
 */
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../helpers/audit.js';
import { tempCsv } from '../../helpers/exec.js';

describe('a metric the export does not carry', () => {
  it('no resolution column: "No resolution comparison …", not "Too few tickets (n = 0 vs 0)"', async () => {
    const file = tempCsv('first-only.csv', [
      'ticket_id,channel,created_at,first_response_at',
      'A,Phone,2026-05-04T10:00:00Z,2026-05-04T11:00:00Z',
      'B,Phone,2026-05-05T10:00:00Z,2026-05-05T13:00:00Z',
      'C,Email,2026-05-06T10:00:00Z,2026-05-06T14:00:00Z',
      'D,Email,2026-05-07T10:00:00Z,2026-05-07T16:00:00Z',
    ]);
    const report = await auditFiles([file], {}, { minSample: 1 });
    const resolution = report.findings.find((f) => f.kind === 'channel-preference' && f.subject === 'email' && f.metric === 'resolution');
    expect(resolution?.verdict).toBe('insufficient-data');
    expect(resolution?.message).toBe('No resolution comparison of email tickets with phone tickets: neither has a ticket with a measurable resolution time (see the notes).');
    // first response is compared as before: email 4h, 6h vs phone 1h, 3h
    const first = report.findings.find((f) => f.kind === 'channel-preference' && f.subject === 'email' && f.metric === 'firstResponse');
    expect(first?.message).not.toMatch(/^No first-response comparison/);
  });
});
