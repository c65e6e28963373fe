/**
 * SLA attainment of a metric the file does not measure: no SLA for it, not a target met 0 times
 * and breached 0 times beside every channel. Counts worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { auditFiles } from './../helpers/audit.js';
import { tempCsv } from './../helpers/exec.js';
import { renderTable } from '../../src/render/table.js';

describe('a file without first-response times', () => {
  // as-of: the latest time, B's resolution at 2026-07-02 12:00
  // email A resolved in 2h (met 4h), email C open since 11:00, 25h (breached); phone B 26h (breached)
  const file = tempCsv('no-first-response', [
    'ticket_id,channel,created_at,resolved_at,status',
    'A,Email,2026-07-01T10:00:00Z,2026-07-01T12:00:00Z,closed',
    'B,Phone,2026-07-01T10:00:00Z,2026-07-02T12:00:00Z,closed',
    'C,Email,2026-07-01T11:00:00Z,,open',
  ]);
  const config = { sla: { firstResponse: { default: '1h' }, resolution: { default: '4h' } } };

  it('has no first-response SLA, and its resolution SLA as counted', async () => {
    const report = await auditFiles([file], {}, config);
    const sla = Object.fromEntries(report.channels.map((c) => [c.channel, c.sla]));
    expect(sla['email']?.firstResponse).toBeNull();
    expect(sla['phone']?.firstResponse).toBeNull();
    expect(sla['email']?.resolution).toMatchObject({ target: 4 * 3600, met: 1, breached: 1, notYetDue: 0, attainment: 0.5 });
    expect(sla['phone']?.resolution).toMatchObject({ target: 4 * 3600, met: 0, breached: 1, notYetDue: 0, attainment: 0 });
    // the table: no first-response target where nothing is measured
    expect(renderTable(report, { color: false })).toMatch(/│ email\s+│ —\s+│ —\s+│ —\s+│ —\s+│ —\s+│ 4h\s+│ 1\s+│ 1\s+│ 0\s+│ 50%\s+│/);
  });
});
