/**
 * `details.holmFamilySize` is on every finding a p-value of which was adjusted in the family: also
 * one whose like-for-like view has no cell to test (the finding has no p of its own) while its raw
 * view's p was adjusted (found by the statistics attack).
 */
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../helpers/audit.js';
import { tempCsv } from '../../helpers/exec.js';

describe('holmFamilySize', () => {
  it('a finding without a like-for-like cell but with its raw p adjusted carries the family size', async () => {
    // phone only in category Y, social only in X: no cell holds both, so like for like tests nothing
    const file = tempCsv('cells.csv', [
      'ticket_id,channel,created_at,first_response_at,category',
      'P1,phone,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z,Y',
      'P2,phone,2026-10-02T10:00:00Z,2026-10-02T12:00:00Z,Y',
      'P3,phone,2026-10-03T10:00:00Z,2026-10-03T13:00:00Z,Y',
      'S1,social,2026-10-01T10:00:00Z,2026-10-01T10:10:00Z,X',
      'S2,social,2026-10-02T10:00:00Z,2026-10-02T10:20:00Z,X',
      'S3,social,2026-10-03T10:00:00Z,2026-10-03T10:30:00Z,X',
    ]);
    const report = await auditFiles([file], {}, { minSample: 1 });
    const f = report.findings.find((x) => x.kind === 'channel-preference' && x.subject === 'social' && x.metric === 'firstResponse')!;
    expect(f.pValue).toBeNull();
    const raw = f.details!['raw'] as { pValueAdjusted: number | null };
    // one p in the family (resolution has no data): adjusted equals raw
    expect(raw.pValueAdjusted).not.toBeNull();
    expect(f.details!['holmFamilySize']).toBe(1);
  });
});
