// A sheet asked of a file that is no workbook (`--sheet 2` on a CSV, or "sheet" in a config
// shared with workbooks) was ignored without a word: the file is still read as it is, and the
// report's notes now say the sheet was not used. Found by an attack.
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../helpers/audit.js';
import { tempCsv } from '../../helpers/exec.js';

describe('--sheet on a CSV', () => {
  const path = tempCsv('plain.csv', ['ticket_id,channel,created_at,first_response_at', 'T1,phone,2026-11-03T10:00:00Z,2026-11-03T11:00:00Z']);
  const note = `${path}: a sheet was asked for (--sheet, or "sheet" in the config), but the file is no Excel workbook: it is read as it is`;

  it('reads the file as it is and says the sheet was not used', async () => {
    const report = await auditFiles([path], { sheet: '2' }, { minSample: 1 });
    expect(report.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median])).toEqual([['phone', 1, 3600]]);
    expect(report.input.notes).toContain(note);
  });

  it('says nothing without one', async () => {
    const report = await auditFiles([path], {}, { minSample: 1 });
    expect(report.input.notes).not.toContain(note);
  });
});
