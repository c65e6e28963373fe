// Ticket ids are settled before --since/--until, as `parity report` settles them over the whole
// export before it cuts its periods: `audit --since … --until …` and the report of the same
// period keep the same tickets, with the same as-of time, when a ticket id has rows both inside
// and outside the period (--duplicates first or last), on every reader (the byte scanner,
// csv-parse, the reading worker) and for event logs. Expected tickets, medians and lines are
// worked out by hand below.
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { resolveSettings, type CommonFlags } from '../../src/commands/options.js';
import { profileFiles } from '../../src/load/profile.js';
import { audit, periodReport } from '../../src/pipeline.js';
import type { Report } from '../../src/report.js';
import type { ReadOptions } from '../../src/read/source.js';
import type { WorkerUse } from '../../src/threads.js';
import { tempCsv } from '../helpers/exec.js';

const HEADER = 'ticket_id,customer_id,channel,created_at,first_response_at,resolved_at,status,priority,category';
/** A phone ticket created at `created`, answered `first` hours and resolved 11 hours later. */
const row = (line: number, id: string, created: string, first: number): string => {
  const at = Date.parse(created);
  // (whole seconds, as the byte reader reads them straight: a row it cannot read goes the string way)
  const iso = (hours: number): string => new Date(at + hours * 3_600_000).toISOString().replace('.000Z', 'Z');
  return `${id},c${line},Phone,${iso(0)},${iso(first)},${iso(11)},solved,normal,Billing`;
};
// The rows that matter come after FILLER email tickets of 1 October, so at lines F+2 to F+9
// (line 1 is the header): the sample and the rest of the first megabyte the scanner reads are
// handed on decoded, and the rows after them are read from their bytes (normalise/fields.ts),
// which has a duplicate check of its own. October 2026 is the period.
const FILLER = 12_000;
const F = FILLER;
const LINES = [
  HEADER,
  ...Array.from({ length: FILLER }, (_, k) => `E${k},e${k},Email,2026-10-01T00:00:00Z,2026-10-01T01:00:00Z,2026-10-01T11:00:00Z,solved,normal,Billing`),
  row(2, 'A', '2026-09-30T09:00:00Z', 1), // outside (before)
  row(3, 'A', '2026-10-02T09:00:00Z', 5), // inside: first wins → duplicate of line F+2; last wins → the ticket
  row(4, 'B', '2026-10-03T09:00:00Z', 2), // inside: first wins → the ticket; last wins → replaced by line F+5
  row(5, 'B', '2026-11-02T09:00:00Z', 1), // outside (after)
  row(6, 'C', '2026-10-04T09:00:00Z', 3), // inside, once
  row(7, 'D', '2026-10-05T09:00:00Z', 4), // inside: first wins → the ticket
  row(8, 'D', '2026-11-05T09:00:00Z', 1), // outside
  row(9, 'D', '2026-10-06T09:00:00Z', 6), // inside: last wins → the ticket, after line F+8 took it out
];
/** `kind@line` for the rows above, by their line without the filler. */
const at = (kind: string, line: number): string => `${kind}@${F + line}`;
const OCTOBER = { since: '2026-10-01', until: '2026-11-01' };
const FOCUS = { start: Date.parse('2026-10-01T00:00:00Z') / 1000, end: Date.parse('2026-11-01T00:00:00Z') / 1000 };

interface Run {
  report: Report;
  rejected: string[];
}

async function auditOf(files: string[], flags: CommonFlags, read: { reader?: ReadOptions['reader']; workers?: WorkerUse } = {}): Promise<Run> {
  const rejected: string[] = [];
  const settings = { ...resolveSettings(files, flags, {}, 'test'), generatedAt: null };
  const report = await audit(settings, { stdin: Readable.from([]), onReject: (issue) => rejected.push(`${issue.kind}@${issue.line}`), ...read });
  return { report, rejected: rejected.sort() };
}

async function reportOf(files: string[], flags: CommonFlags): Promise<Report> {
  const settings = { ...resolveSettings(files, flags, {}, 'test'), generatedAt: null };
  return periodReport(settings, { stdin: Readable.from([]) }, { unit: 'month', focus: FOCUS, previous: 0 });
}

const phone = (r: Report) => r.channels.find((c) => c.channel === 'phone');

describe('ids are settled before the period (audit --since/--until = the report of that period)', () => {
  const file = tempCsv('overlap.csv', LINES);
  const readers = [
    ['the byte scanner', {}],
    ['csv-parse', { reader: 'csv-parse' as const }],
    ['the reading worker', { workers: 'always' as const }],
  ] as const;

  for (const [name, read] of readers) {
    test(`--duplicates first, ${name}: a row of the period whose id first came before it is a duplicate, not a ticket`, async () => {
      const { report, rejected } = await auditOf([file], { ...OCTOBER, duplicates: 'first' }, read);
      // tickets B (line 4, 2h), C (3h), D (line 7, 4h): median 3h; resolution 11h each
      expect(phone(report)?.tickets).toBe(3);
      expect(phone(report)?.firstResponse.median).toBe(3 * 3600);
      expect(phone(report)?.resolution.median).toBe(11 * 3600);
      // as-of: the latest time of a kept row, line 7's resolution (2026-10-05 09:00 + 11h); lines
      // 5 and 8 (November) are duplicates, so they do not make the export look older
      expect(report.period.asOf).toBe('2026-10-05T20:00:00.000Z');
      expect(rejected).toEqual([at('duplicate-id', 3), at('duplicate-id', 5), at('duplicate-id', 8), at('duplicate-id', 9), at('outside-period', 2)]);
      expect(report.input.rowsUsed).toBe(F + 3);
    });

    test(`--duplicates last, ${name}: a ticket whose last row lies outside the period leaves it, and comes back with a later row inside`, async () => {
      const { report, rejected } = await auditOf([file], { ...OCTOBER, duplicates: 'last' }, read);
      // tickets A (line 3, 5h), C (3h), D (line 9, 6h): median 5h; B's last row is in November
      expect(phone(report)?.tickets).toBe(3);
      expect(phone(report)?.firstResponse.median).toBe(5 * 3600);
      // as-of: line 8's resolution, 2026-11-05 09:00 + 11h (a replaced row's times count, as a report's do)
      expect(report.period.asOf).toBe('2026-11-05T20:00:00.000Z');
      // line 4 (B) and line 7 (D) are the replaced rows; 2, 5 and 8 lie outside
      expect(rejected).toEqual([at('duplicate-id', 4), at('duplicate-id', 7), at('outside-period', 2), at('outside-period', 5), at('outside-period', 8)]);
      expect(report.input.rowsUsed).toBe(F + 3);
    });
  }

  for (const duplicates of ['first', 'last'] as const) {
    test(`--duplicates ${duplicates}: the report of October has the audit's tickets, numbers and as-of time`, async () => {
      const { report: audited } = await auditOf([file], { ...OCTOBER, duplicates });
      const reported = await reportOf([file], { duplicates });
      expect(reported.reportPeriod?.tickets).toBe(F + 3);
      expect(reported.channels).toEqual(audited.channels);
      expect(reported.period.asOf).toBe(audited.period.asOf);
    });

    test(`--duplicates ${duplicates}: inspect counts the same usable tickets`, async () => {
      const settings = resolveSettings([file], { ...OCTOBER, duplicates }, {}, 'test');
      const [profile] = await profileFiles(settings, { stdin: Readable.from([]) });
      expect(profile?.ticketsUsable).toBe(F + 3);
      expect(profile?.rows).toBe(F + 8);
    });
  }

  test('--rejects gets each rejected row with its values and the reason it was left out', async () => {
    const rejected = new Map<number, { detail: string; values: readonly string[] | undefined }>();
    const settings = { ...resolveSettings([file], { ...OCTOBER, duplicates: 'last' }, {}, 'test'), generatedAt: null };
    await audit(settings, { stdin: Readable.from([]), onReject: (issue) => rejected.set(issue.line, { detail: issue.detail, values: issue.values }) });
    expect(rejected.get(F + 7)?.detail).toBe(`ticket id "D" appears again at ${file}:${F + 8}, on a row created outside --since/--until; the last one is kept, so the ticket is not in the period`);
    expect(rejected.get(F + 7)?.values?.[3]).toBe('2026-10-05T09:00:00Z');
    const first = new Map<number, string>();
    await audit({ ...settings, duplicates: 'first' }, { stdin: Readable.from([]), onReject: (issue) => first.set(issue.line, issue.detail) });
    expect(first.get(F + 3)).toBe('ticket id "A" appeared earlier, on a row created outside --since/--until; the first one is kept, so the ticket is not in the period');
  });
});

describe('an event log: an incident opened before the period in one file and again inside it in another', () => {
  const header =
    'number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,opened_at,sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,contact_type,location,category,subcategory,u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,knowledge,u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,closed_at';
  /** One event of an incident (ServiceNow's DD-MM-YYYY HH:MM). */
  const event = (number: string, state: string, mod: number, opened: string, updated: string, resolved: string): string =>
    `${number},${state},TRUE,0,0,${mod},TRUE,Caller 1,Opened by 1,${opened},Created by 1,${opened},Updated by 1,${updated},Phone,Location 1,Category 1,Subcategory 1,Symptom 1,?,2 - Medium,2 - Medium,3 - Moderate,Group 1,?,TRUE,FALSE,Do Not Notify,?,?,?,?,code 5,Resolved by 1,${resolved},?`;
  // INC1 in June's file: opened 30 June, out of New after 1 h. In July's file INC1 again, opened
  // 2 July (out of New after 2 h), and INC2 opened 3 July (out of New after 3 h).
  const june = tempCsv('june.csv', [
    header,
    event('INC1', 'New', 0, '30-06-2026 09:00', '30-06-2026 09:00', '?'),
    event('INC1', 'Active', 1, '30-06-2026 09:00', '30-06-2026 10:00', '?'),
    event('INC1', 'Resolved', 2, '30-06-2026 09:00', '30-06-2026 12:00', '30-06-2026 12:00'),
  ]);
  const july = tempCsv('july.csv', [
    header,
    event('INC1', 'New', 0, '02-07-2026 09:00', '02-07-2026 09:00', '?'),
    event('INC1', 'Active', 1, '02-07-2026 09:00', '02-07-2026 11:00', '?'),
    event('INC1', 'Resolved', 2, '02-07-2026 09:00', '02-07-2026 12:00', '02-07-2026 12:00'),
    event('INC2', 'New', 0, '03-07-2026 09:00', '03-07-2026 09:00', '?'),
    event('INC2', 'Active', 1, '03-07-2026 09:00', '03-07-2026 12:00', '?'),
    event('INC2', 'Resolved', 2, '03-07-2026 09:00', '03-07-2026 13:00', '03-07-2026 13:00'),
  ]);

  // (until 3 December 2026 the first file's INC1 decided and the other file's records of it were
  // its duplicates; an event log split over files is now refused, load/splitLogs.ts)
  test('the incident in both files stops the run in either order, the period or not, naming both files', async () => {
    for (const [files, second] of [[[june, july], july], [[july, june], june]] as const) {
      const error = await auditOf([...files], { since: '2026-07-01', until: '2026-08-01', asOf: '2026-07-31T00:00:00Z' }).then(
        () => null,
        (e: unknown) => e as { message: string; location?: { file?: string } },
      );
      expect(error?.message).toMatch(/^ticket "INC1" has rows in .* too: an event log split over several files cannot be joined into tickets/);
      expect(error?.location?.file).toBe(second);
      await expect(periodReportOf([...files])).rejects.toThrow('ticket "INC1" has rows in');
    }
  });

  // An export read with --duplicates last before the log, whose incidents' first row still wins:
  // INC1 is the export's ticket of 30 June (alone, or after a row of July it replaced), so the
  // log's INC1 of July is its duplicate, as the report of July finds
  const exportJune = tempCsv('export-june.csv', [HEADER, row(2, 'INC1', '2026-06-30T09:00:00Z', 1)]);
  const exportJulyJune = tempCsv('export-july-june.csv', [HEADER, row(2, 'INC1', '2026-07-05T09:00:00Z', 1), row(3, 'INC1', '2026-06-30T09:00:00Z', 1)]);
  for (const [name, first] of [['alone', exportJune], ['after a row of July it replaced', exportJulyJune]] as const) {
    test(`an export with --duplicates last before the log, INC1 of June ${name}: the log's INC1 of July is a duplicate`, async () => {
      const flags = { since: '2026-07-01', until: '2026-08-01', asOf: '2026-07-31T00:00:00Z', duplicates: 'last' } as const;
      const { report, rejected } = await auditOf([first, july], flags);
      expect(phone(report)?.tickets).toBe(1);
      expect(phone(report)?.firstResponse.median).toBe(3 * 3600);
      expect(rejected.filter((r) => r.startsWith('duplicate-id')).length).toBe(name === 'alone' ? 3 : 4);
      expect((await periodReportOf([first, july], 'last')).channels).toEqual(report.channels);
    });
  }

  test('no window: an export row that replaces an incident of the log (--duplicates last) takes every record of the incident with it', async () => {
    // July's file: INC1's three records at lines 2–4, INC2's at 5–7; the export's INC1 replaces INC1
    const replacing = tempCsv('export-inc1.csv', [HEADER, row(2, 'INC1', '2026-07-02T09:00:00Z', 1)]);
    const settings = { ...resolveSettings([july, replacing], { asOf: '2026-07-31T00:00:00Z', duplicates: 'last' }, {}, 'test'), generatedAt: null };
    const rejected: Array<{ line: number; detail: string; values: readonly string[] | undefined }> = [];
    const report = await audit(settings, { stdin: Readable.from([]), onReject: (issue) => rejected.push({ line: issue.line, detail: issue.detail, values: issue.values }) });
    expect(report.input.rowsRead).toBe(7);
    expect(report.input.rowsRejected).toBe(3);
    expect(report.input.rowsUsed).toBe(4);
    expect(rejected.map((r) => r.line).sort()).toEqual([2, 3, 4]);
    expect(rejected.find((r) => r.line === 4)?.detail).toBe(`part of ticket "INC1", rejected at line 2: ticket id "INC1" appears again at ${replacing}:2; the last one is kept`);
    // each with its own record's values, read again from the log
    expect(rejected.find((r) => r.line === 3)?.values?.[1]).toBe('Active');
    // INC1 from the export (answered after 1 h) and INC2 (3 h)
    expect(phone(report)?.tickets).toBe(2);
  });

  async function periodReportOf(files: string[], duplicates: 'first' | 'last' = 'first'): Promise<Report> {
    const settings = { ...resolveSettings(files, { asOf: '2026-07-31T00:00:00Z', duplicates }, {}, 'test'), generatedAt: null };
    const start = Date.parse('2026-07-01T00:00:00Z') / 1000;
    return periodReport(settings, { stdin: Readable.from([]) }, { unit: 'month', focus: { start, end: Date.parse('2026-08-01T00:00:00Z') / 1000 }, previous: 0 });
  }
});
