/**
 * ServiceNow incident event log (UCI subset): 5,998 event rows of 890 incidents. parity must read
 * it as an event log — one ticket per incident — never as 5,998 tickets.
 *
 * Counted independently of parity (a short script over the CSV):
 * - 890 distinct `number`s; every incident's last event is Closed; contact_type is Phone on every row;
 * - first response = first sys_updated_at whose incident_state is not New, minus opened_at: 890
 *   incidents have one; 2 are earlier than opened_at (left out) → 888, median 19,020 s;
 * - resolution = resolved_at of the last event, or closed_at where resolved_at is "?" (29
 *   incidents): 890 resolved; sorted, the 445th and 446th are 219,480 and 225,180 s → median
 *   222,330 s.
 */
import { describe, expect, it } from 'vitest';
import { runParity } from '../helpers/exec.js';
import { HAS_REAL_DATA, realFile } from '../helpers/realData.js';

const FILE = realFile('uci-incident-event-log', 'incident_event_log_subset.csv');

describe.skipIf(!HAS_REAL_DATA)('ServiceNow incident event log', () => {
  it('audits 890 incidents from 5,998 events', async () => {
    const r = await runParity(['audit', FILE, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.input.format).toBe('servicenow');
    expect([report.input.rowsRead, report.input.rowsUsed, report.input.rowsRejected]).toEqual([5998, 5998, 0]);
    expect(report.channels.map((c: any) => c.channel)).toEqual(['phone']);
    const phone = report.channels[0];
    expect(phone.tickets).toBe(890);
    expect(phone.answered).toBe(888);
    expect(phone.firstResponse.median).toBe(19020);
    expect(phone.resolution.resolved).toBe(890);
    expect(phone.resolution.median).toBe(222330);
    expect(report.input.dataQuality.map((d: any) => [d.kind, d.count])).toEqual([['negative-first-response', 2]]);
    // The first-response proxy is stated, not hidden.
    expect(report.input.notes.join('\n')).toContain('first update that moved the incident out of New');
  });

  it('inspect says it is an event log: 5,998 events, 890 tickets', async () => {
    const r = await runParity(['inspect', FILE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('ServiceNow incident event log (servicenow)');
    expect(r.stdout).toContain('rows: 5,998 events → 890 tickets');
  });

  it('forcing the generic format does not count the events as tickets', async () => {
    const r = await runParity(['audit', FILE, '--input-format', 'generic', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    // Each incident's later events repeat its number: rejected as duplicate ids, the first kept.
    expect(report.channels[0].tickets).toBe(890);
    expect(report.input.dataQuality.find((d: any) => d.kind === 'duplicate-id').count).toBe(5998 - 890);
  });
});
