/**
 * Gorgias `from_agent` is a boolean: a ticket an agent started is excluded from the response
 * metrics however the export writes true (found by an independent attack: only `true` was).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../helpers/audit.js';

describe('Gorgias from_agent', () => {
  it('true, 1, yes, t and y are agent-initiated; false, 0 and no are not', async () => {
    const head = 'id,channel,via,status,priority,subject,customer.id,customer.email,created_datetime,opened_datetime,closed_datetime,last_message_datetime,from_agent,spam';
    const values = ['true', '1', 'yes', 'T', 'y', 'false', '0', 'no'];
    const rows = values.map((v, k) => `g${k},email,email,closed,normal,s,6${k},a${k}@example.com,2026-07-01T09:00:00.000000+00:00,,2026-07-01T10:00:00.000000+00:00,,${v},false`);
    const file = join(mkdtempSync(join(tmpdir(), 'parity-gorgias-')), 'gorgias.csv');
    writeFileSync(file, `${[head, ...rows].join('\n')}\n`);
    const report = await auditFiles([file]);
    expect(report.input.format).toBe('gorgias');
    // 8 rows: 5 agent-initiated (outbound), 3 customer tickets
    expect([report.input.rowsRead, report.input.rowsUsed, report.input.rowsRejected]).toEqual([8, 3, 5]);
    expect(report.channels.map((c) => [c.channel, c.tickets])).toEqual([['email', 3]]);
  });
});
