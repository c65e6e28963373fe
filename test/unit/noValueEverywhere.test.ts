// A placeholder for no value (`NULL`, `\N`, `n/a`, `-`, `NaN`, `None`, `#N/A`, … in any case:
// normalise/rows.ts NO_VALUE) is an empty cell in EVERY column, not only in the time columns
// (noValue.test.ts): no ticket id (missing-id, not a duplicate of another `NULL`), no customer (no
// repeat contact nor channel jump is made of it), no category, priority, group or status (no
// `--by` group named "NULL"), no channel (other, with a missing-channel note), no follower count
// (band unknown, not a bad-followers note), no is_public, no subject or text (not shouting).
// Through the string normaliser (rows.ts), the byte reader (fields.ts), the reading worker, the
// csv-parse reader, DuckDB's count query, and the log formats. Expected numbers by hand below.
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { auditFiles, bothProducers } from '../helpers/audit.js';
import { tempCsv } from '../helpers/exec.js';
import { isNoValue, isNoValueAscii, NO_VALUE, rowNormaliser, type RowContext, type RowMapping } from '../../src/normalise/rows.js';
import { byteNormaliser } from '../../src/normalise/fields.js';
import { ByteRow, TEXT_CATEGORY, TEXT_CUSTOMER, TEXT_GROUP, TEXT_PRIORITY, TEXT_STATUS } from '../../src/normalise/table.js';
import { CsvScanner } from '../../src/read/scan.js';
import { resolveSettings, type CommonFlags } from '../../src/commands/options.js';
import { audit } from '../../src/pipeline.js';
import { profileFiles } from '../../src/load/profile.js';
import type { Report } from '../../src/report.js';
import type { ReadOptions } from '../../src/read/source.js';
import type { WorkerUse } from '../../src/threads.js';

const HEADER = ['ticket_id', 'customer_id', 'channel', 'created_at', 'first_response_at', 'status', 'priority', 'category', 'group', 'follower_count', 'is_public', 'direction', 'subject', 'text', 'tags'];

const MAPPING: RowMapping = {
  header: HEADER,
  timeZone: 'UTC',
  bindings: {
    ticketId: { index: 0, header: 'ticket_id' },
    customerId: { index: 1, header: 'customer_id' },
    channel: { index: 2, header: 'channel' },
    createdAt: { index: 3, header: 'created_at', style: 'iso' },
    firstResponseAt: { index: 4, header: 'first_response_at', style: 'iso' },
    status: { index: 5, header: 'status' },
    priority: { index: 6, header: 'priority' },
    category: { index: 7, header: 'category' },
    group: { index: 8, header: 'group' },
    followers: { index: 9, header: 'follower_count' },
    isPublic: { index: 10, header: 'is_public' },
    direction: { index: 11, header: 'direction' },
    subject: { index: 12, header: 'subject' },
    text: { index: 13, header: 'text' },
    tags: { index: 14, header: 'tags' },
  },
  format: {},
};
// (escalation tag `none`: a tags cell `None` is no tag, so it does not escalate either)
const CONTEXT: RowContext = { channels: {}, asOf: Date.UTC(2026, 8, 14, 14) / 1000, since: null, until: null, capitalsShare: 0.6, exclamationRun: 3, escalationTags: ['vip', 'none'] };

describe('the string normaliser (rows.ts)', () => {
  const normalise = rowNormaliser(MAPPING, CONTEXT);
  const row = (values: string[]) => normalise({ file: 'f.csv', line: 2, values });

  test('every column but the id, the creation time and the channel: none; noted only in the grouping columns', () => {
    // subject `NULL` and text `NULL`: read as text, "NULL NULL" is 8 letters, all capitals, which
    // shouts (capitals share 1 ≥ 0.6 among ≥ 8 letters); as no subject and no text, nothing is tested
    const result = row(['T1', 'NULL', 'email', '2026-09-14T10:00:00Z', '2026-09-14T10:10:00Z', 'None', 'n/a', 'NULL', '-', 'NaN', '\\N', 'null', 'NULL', ' NULL ', 'None']);
    // a category, priority or group written as a placeholder is said (a region `NA` would vanish
    // from its group without a word); the customer, status and the rest are not grouped by
    const note = (column: string, value: string, label: string) => ({
      kind: 'placeholder-value', severity: 'note', file: 'f.csv', line: 2, column, value,
      detail: `"${value}" stands for no value: read as none; if it is a real ${label}, rename it in the export`,
    });
    expect(result.ok && result.notes).toEqual([note('category', 'NULL', 'category'), note('priority', 'n/a', 'priority'), note('group', '-', 'group')]);
    expect(result).toMatchObject({
      ok: true,
      ticket: { id: 'T1', customerId: null, channel: 'email', status: null, priority: null, category: null, group: null, followers: Number.NaN, isPublic: null, flags: 0, firstResponseSeconds: 600 },
    });
    // the same as empty cells
    const empty = row(['T1', '', 'email', '2026-09-14T10:00:00Z', '2026-09-14T10:10:00Z', '', '', '', '', '', '', '', '', '', '']);
    expect(empty.ok && result.ok && { ...result.ticket }).toEqual(empty.ok && { ...empty.ticket });
  });

  test('a ticket id of one is no ticket id (missing-id, the value quoted), a channel of one no channel (other, noted)', () => {
    const values = (id: string, channel: string) => [id, 'c1', channel, '2026-09-14T10:00:00Z', '', '', '', '', '', '', '', '', '', '', ''];
    expect(row(values('NULL', 'email'))).toMatchObject({ ok: false, issue: { kind: 'missing-id', severity: 'error', column: 'ticket_id', value: 'NULL', detail: 'no ticket id ("NULL" stands for no value)' } });
    expect(row(values('', 'email'))).toMatchObject({ ok: false, issue: { kind: 'missing-id', value: '', detail: 'no ticket id' } });
    const channel = row(values('T2', '#N/A'));
    expect(channel).toMatchObject({ ok: true, ticket: { channel: 'other', rawChannel: '(empty)', channelKnown: false } });
    expect(channel.ok && channel.notes).toEqual([
      { kind: 'missing-channel', severity: 'note', file: 'f.csv', line: 2, column: 'channel', value: '#N/A', detail: 'no channel value ("#N/A" stands for no value); counted as other' },
    ]);
  });

  test('a value that only looks like one is kept: `Nonesuch`, `n/a!`, `--`', () => {
    for (const text of ['Nonesuch', 'n/a!', '--', 'NULLS', 'N.A.']) expect(isNoValue(text), text).toBe(false);
    const result = row(['T3', 'Nonesuch', 'email', '2026-09-14T10:00:00Z', '', '--', 'n/a!', 'Nonesuch', '--', '', '', '', '', '', '']);
    expect(result).toMatchObject({ ok: true, ticket: { customerId: 'Nonesuch', status: '--', priority: 'n/a!', category: 'Nonesuch', group: '--' } });
  });
});

describe('the byte reader (fields.ts) reads a placeholder as rows.ts does', () => {
  test('its test of ASCII bytes agrees with isNoValue on the text', () => {
    const words = NO_VALUE.flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1), `${w}x`, w.slice(1), `x${w}`]);
    const ascii = fc.oneof(fc.constantFrom(...words), fc.string({ unit: fc.constantFrom('n', 'N', 'u', 'l', 'L', '/', 'a', 'A', '-', '#', '\\', 'o', 'e', 'x'), maxLength: 10 }));
    fc.assert(
      fc.property(ascii, (t) => {
        const bytes = Buffer.from(`[${t}]`, 'latin1');
        expect(isNoValueAscii(bytes, 1, bytes.length - 1)).toBe(isNoValue(t));
      }),
      { numRuns: 5000, seed: 20261202 },
    );
    for (const w of NO_VALUE) expect(isNoValueAscii(Buffer.from(w.toUpperCase()), 0, w.length), w).toBe(true);
  });

  const rowsOf = (lines: string[]) => {
    const bytes = Buffer.from(`${[HEADER.join(','), ...lines].join('\n')}\n`);
    const scanner = new CsvScanner({ file: 'f.csv', delimiter: ',', recordDelimiter: '\n' });
    scanner.feed(bytes);
    scanner.finish();
    return scanner.batch;
  };

  test('as none in the text columns, the follower count, is_public, tags, subject and text; an id or channel of one goes to rows.ts', () => {
    const fast = byteNormaliser(MAPPING, CONTEXT)!;
    const slow = rowNormaliser(MAPPING, CONTEXT);
    const batch = rowsOf([
      // every optional column a placeholder (one quoted, one padded, one behind a no-break space: decoded)
      'T1,NULL,email,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,None,n/a,"NULL",-,NaN, \\N ,null,NULL,\u00a0NULL,None',
      'NULL,c1,email,2026-09-14T10:00:00Z,,,,,,,,,,,',
      'T2,c1,none,2026-09-14T10:00:00Z,,,,,,,,,,,',
      'T3,c1,"\u00a0nil",2026-09-14T10:00:00Z,,,,,,,,,,,',
      // T1 with no priority, category or group
      'T1,NULL,email,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,None,,,,NaN, \\N ,null,NULL,\u00a0NULL,None',
    ]);
    const row = new ByteRow();
    const text = (k: number): string | null => {
      const start = row.start[k] as number;
      if (start === -2) return row.cache[k]!.text(row.key[k] as number);
      return start >= 0 ? batch.bytes.toString('latin1', start, row.end[k]) || null : (row.text[k] ?? null);
    };
    // a placeholder in a grouping column (priority `n/a`, category `"NULL"`, group `-`): left to
    // rows.ts, which notes it
    expect(fast(batch, 1, row)).toBe(false);
    expect(slow(batch.record(1))).toMatchObject({
      ok: true,
      notes: [{ kind: 'placeholder-value', column: 'category', value: 'NULL' }, { kind: 'placeholder-value', column: 'priority', value: 'n/a' }, { kind: 'placeholder-value', column: 'group', value: '-' }],
      ticket: { customerId: null, flags: 0, followers: Number.NaN, category: null, priority: null, group: null },
    });
    // the same row with those three empty is read here: every other placeholder is none
    expect(fast(batch, 5, row)).toBe(true);
    expect([text(TEXT_CUSTOMER), text(TEXT_STATUS), text(TEXT_PRIORITY), text(TEXT_CATEGORY), text(TEXT_GROUP)]).toEqual([null, null, null, null, null]);
    // no follower count, no is_public (email: not public), not shouting (subject and text none),
    // not escalated (tags `None` is no tag, though `none` is an escalation tag); answered after 600 s
    expect([row.followers, row.isPublic, row.flags, row.firstResponseSeconds]).toEqual([Number.NaN, -1, 0, 600]);
    expect(slow(batch.record(5))).toMatchObject({ ok: true, notes: [], ticket: { customerId: null, flags: 0, followers: Number.NaN } });
    // the id `NULL` and the channels `none` and ` nil` (a no-break space before it) are declined, and rows.ts says why
    for (const r of [2, 3, 4]) expect(fast(batch, r, row), `row ${r}`).toBe(false);
    expect(slow(batch.record(2))).toMatchObject({ ok: false, issue: { kind: 'missing-id', value: 'NULL' } });
    expect(slow(batch.record(3))).toMatchObject({ ok: true, notes: [{ kind: 'missing-channel', value: 'none' }], ticket: { channel: 'other' } });
    expect(slow(batch.record(4))).toMatchObject({ ok: true, notes: [{ kind: 'missing-channel', value: 'nil' }], ticket: { channel: 'other' } });
  });
});

/** Every loud ticket counted for `reason` (loud-preference findings, one per channel). */
function loudFor(report: Report, reason: 'repeatContact' | 'shouting' | 'public' | 'escalated'): number {
  return report.findings
    .filter((f) => f.kind === 'loud-preference')
    .reduce((n, f) => n + (((f.details?.['reasons'] as Record<string, number> | undefined)?.[reason]) ?? 0), 0);
}

describe('both producers (in-process and DuckDB)', () => {
  test('customer NULL is no customer: no repeat contacts and no channel jump are made of it', async () => {
    // By hand (repeat contacts: the 3rd contact within 7 days; a jump: a social ticket within 14
    // days of the same customer's phone, email or web ticket still open). P1–P3 (phone, not
    // answered) and S1 (social) have customer NULL; S2 `null`. Read as a customer, NULL had
    // 4 contacts in a day: P3 and S1 repeat contacts, and S1 a jump from P1 (waited 24 h). As no
    // customer: only c9 jumps, Q2 from Q1 (phone, open, created a day before: waited 86,400 s),
    // 1 jump of 3 social tickets, and nobody has 3 contacts.
    const path = tempCsv('customers.csv', [
      'ticket_id,channel,created_at,first_response_at,status,customer_id',
      'P1,phone,2026-09-14T09:00:00Z,,open,NULL',
      'P2,phone,2026-09-14T10:00:00Z,,open,NULL',
      'P3,phone,2026-09-14T11:00:00Z,,open,NULL',
      'Q1,phone,2026-09-14T12:00:00Z,,open,c9',
      'S1,twitter,2026-09-15T09:00:00Z,2026-09-15T09:30:00Z,open,NULL',
      'S2,twitter,2026-09-15T10:00:00Z,2026-09-15T10:30:00Z,open,null',
      'Q2,twitter,2026-09-15T12:00:00Z,2026-09-15T12:30:00Z,open,c9',
    ]);
    for (const report of await bothProducers([path], { asOf: '2026-09-20T00:00:00Z' }, { minSample: 1 })) {
      const jump = report.findings.find((f) => f.kind === 'channel-jump');
      expect(jump?.count).toBe(1);
      expect(jump?.details).toMatchObject({ jumpTickets: 1, distinctJumpers: 1, socialTickets: 3, waitedMedian: 86400, originChannels: { phone: 1 } });
      expect(loudFor(report, 'repeatContact')).toBe(0);
    }
  });

  test('--by category, priority, group, status: a placeholder is no value, not a group named "NULL"', async () => {
    // B1–B3 have the value (`billing`, `high`, `tier1`, `open`), answered after 600, 1,200 and
    // 1,800 s: one group of 3, its median 1,200 s. N1–N4 have `NULL`, `None`, `-`, `n/a`, `NaN`,
    // `\N`, `#N/A` or an empty cell: 4 tickets without a value, in no group.
    const path = tempCsv('by.csv', [
      'ticket_id,channel,created_at,first_response_at,category,priority,group,status',
      'B1,phone,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,billing,high,tier1,open',
      'B2,phone,2026-09-14T10:00:00Z,2026-09-14T10:20:00Z,billing,high,tier1,open',
      'B3,email,2026-09-14T10:00:00Z,2026-09-14T10:30:00Z,billing,high,tier1,open',
      'N1,phone,2026-09-14T10:00:00Z,2026-09-14T11:00:00Z,NULL,n/a,-,None',
      'N2,email,2026-09-14T10:00:00Z,2026-09-14T12:00:00Z,None,NaN,#N/A,NULL',
      'N3,phone,2026-09-14T10:00:00Z,2026-09-14T13:00:00Z,-,\\N,None,-',
      'N4,email,2026-09-14T10:00:00Z,2026-09-14T10:05:00Z,,,,',
    ]);
    for (const [by, value] of [['category', 'billing'], ['priority', 'high'], ['group', 'tier1'], ['status', 'open']] as const) {
      for (const report of await bothProducers([path], { asOf: '2026-09-14T14:00:00Z', by }, { minSample: 1 })) {
        expect(report.by?.noValue, by).toBe(4);
        expect(report.by?.groups.map((g) => [g.value, g.tickets, g.firstResponse.median]), by).toEqual([[value, 3, 1200]]);
      }
      // in-process, each placeholder in a grouping column is noted: N1–N3 have one in category,
      // priority and group (status is not one), 9 cells, the first N1's category `NULL` at line 5;
      // counted where the tickets live there is no such note: a count table does not carry it (README)
      const [inProcess, duckdb] = await bothProducers([path], { asOf: '2026-09-14T14:00:00Z', by }, { minSample: 1 });
      expect(inProcess.input.dataQuality.map((e) => [e.kind, e.severity, e.count, e.example?.line, e.example?.column, e.example?.value]), by).toEqual([['placeholder-value', 'note', 9, 5, 'category', 'NULL']]);
      expect(duckdb.input.dataQuality, by).toEqual([]);
    }
  });

  test('a --by column of its own (in-process): a region `NA` is no value, and said so in data quality', async () => {
    // R writes NA for a missing value, so `NA` is one; a region really called NA (North America)
    // is then read as none. R1 and R2 (`NA`, ` na `) are in no group, with a note each; R3 and R4
    // are EU, answered after 2 h and 10 min: median (2 h + 10 min) / 2 = 3,900 s.
    const path = tempCsv('region.csv', [
      'ticket_id,channel,created_at,first_response_at,region',
      'R1,phone,2026-09-14T10:00:00Z,2026-09-14T11:00:00Z,NA',
      'R2,email,2026-09-14T10:00:00Z,2026-09-14T10:30:00Z, na ',
      'R3,phone,2026-09-14T10:00:00Z,2026-09-14T12:00:00Z,EU',
      'R4,email,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,EU',
    ]);
    // (in-process only: a count table has --by groups for its own fields only)
    const inProcess = await auditFiles([path], { asOf: '2026-09-15T00:00:00Z', by: 'region' }, { minSample: 1 });
    expect(inProcess.by?.noValue).toBe(2);
    expect(inProcess.by?.groups.map((g) => [g.value, g.tickets, g.firstResponse.median])).toEqual([['EU', 2, 3900]]);
    expect(inProcess.input.dataQuality).toEqual([
      {
        kind: 'placeholder-value',
        severity: 'note',
        count: 2,
        example: { file: path, line: 2, column: 'region', value: 'NA', detail: '"NA" stands for no value: read as none; if it is a real region value, rename it in the export' },
      },
    ]);
  });

  test('follower count NULL, n/a, -, None: no follower count (band unknown), not a data problem', async () => {
    // F1–F4 and F7 (empty) have none: band unknown, 5 tickets; F5 500 (<1k), F6 5,000 (1k-10k).
    // No bad-followers note; DuckDB had refused the column for its `-`.
    const path = tempCsv('followers.csv', [
      'ticket_id,channel,created_at,first_response_at,follower_count',
      'F1,twitter,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,NULL',
      'F2,twitter,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,n/a',
      'F3,twitter,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,-',
      'F4,twitter,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,None',
      'F5,twitter,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,500',
      'F6,twitter,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,5000',
      'F7,twitter,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,',
    ]);
    for (const report of await bothProducers([path], { asOf: '2026-09-14T14:00:00Z' }, { minSample: 1 })) {
      expect(report.followerBands.map((b) => [b.band, b.tickets])).toEqual([['<1k', 1], ['1k-10k', 1], ['10k-100k', 0], ['100k+', 0], ['unknown', 5]]);
      expect(report.input.dataQuality).toEqual([]);
      expect([report.input.rowsUsed, report.input.rowsRejected]).toEqual([7, 0]);
    }
  });

  test('ticket id NULL twice: both missing-id, neither a duplicate of the other; a channel of one is other', async () => {
    // 6 rows: ids NULL, NULL, none and an empty one are rejected (missing-id ×4); T1 and T2 used.
    // T2's channel `NULL` is none: other (in-process with a missing-channel note, which the count
    // query does not make).
    const path = tempCsv('ids.csv', [
      'ticket_id,channel,created_at,first_response_at',
      'NULL,phone,2026-09-14T10:00:00Z,',
      'NULL,phone,2026-09-14T11:00:00Z,',
      'none,phone,2026-09-14T11:00:00Z,',
      ',phone,2026-09-14T11:00:00Z,',
      'T1,phone,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z',
      'T2,NULL,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z',
    ]);
    const [inProcess, duckdb] = await bothProducers([path], { asOf: '2026-09-14T14:00:00Z' }, { minSample: 1 });
    for (const report of [inProcess, duckdb]) {
      expect([report.input.rowsRead, report.input.rowsUsed, report.input.rowsRejected]).toEqual([6, 2, 4]);
      expect(report.input.dataQuality.filter((e) => e.severity === 'error').map((e) => [e.kind, e.count])).toEqual([['missing-id', 4]]);
      expect(report.channels.map((c) => [c.channel, c.tickets])).toEqual([['phone', 1], ['other', 1]]);
    }
    expect(inProcess.input.dataQuality.map((e) => [e.kind, e.count])).toEqual([['missing-id', 4], ['missing-channel', 1]]);
  });

  test('subject and text NULL are no subject and no text: not shouting; is_public NULL is not given (no note)', async () => {
    // L1–L3: subject `NULL`, text `NULL` — as text "NULL NULL", 8 capitals of 8 letters, loud by
    // shouting; as none, quiet. Q1–Q3 quiet by their words. is_public `NULL`: the channel's own
    // (email: not public), no bad-is-public note. No loud ticket at all.
    const path = tempCsv('shouting.csv', [
      'ticket_id,channel,created_at,first_response_at,subject,text,is_public',
      'L1,email,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,NULL,NULL,NULL',
      'L2,email,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,NULL,NULL,NULL',
      'L3,email,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,NULL,NULL,NULL',
      'Q1,email,2026-09-14T10:00:00Z,2026-09-14T10:20:00Z,where is my parcel,it was due monday,false',
      'Q2,email,2026-09-14T10:00:00Z,2026-09-14T10:20:00Z,where is my parcel,it was due monday,false',
      'Q3,email,2026-09-14T10:00:00Z,2026-09-14T10:20:00Z,where is my parcel,it was due monday,false',
    ]);
    for (const report of await bothProducers([path], { asOf: '2026-09-14T14:00:00Z' }, { minSample: 1 })) {
      expect(loudFor(report, 'shouting')).toBe(0);
      expect(loudFor(report, 'public')).toBe(0);
      expect(report.input.dataQuality).toEqual([]);
    }
  });
});

describe('past the first megabyte (the byte reader, csv-parse, the reading worker)', () => {
  // FILLER email tickets (customer e<k>, category Billing, 10 followers, answered after 1 h), then
  // the rows that matter, read from their bytes by fields.ts (the sample and the rest of the first
  // megabyte go to rows.ts).
  const FILLER = 12_000;
  const lines = [
    'ticket_id,customer_id,channel,created_at,first_response_at,category,follower_count,subject,text',
    ...Array.from({ length: FILLER }, (_, k) => `E${k},e${k},email,2026-09-01T00:00:00Z,2026-09-01T01:00:00Z,Billing,10,hello,where is my parcel`),
    'P1,NULL,phone,2026-09-14T09:00:00Z,,NULL,NULL,NULL,NULL',
    'P2,NULL,phone,2026-09-14T10:00:00Z,,None,n/a,NULL,NULL',
    'P3,NULL,phone,2026-09-14T11:00:00Z,,-,-,NULL,NULL',
    'S1,NULL,twitter,2026-09-15T09:00:00Z,2026-09-15T09:30:00Z,"NULL", NaN ,NULL,NULL',
    'NULL,c1,phone,2026-09-15T09:00:00Z,,Billing,10,hello,hello',
    'NULL,c2,phone,2026-09-15T09:00:00Z,,Billing,10,hello,hello',
  ];
  const file = tempCsv('large.csv', lines);

  async function auditOf(read: { reader?: ReadOptions['reader']; workers?: WorkerUse }, flags: CommonFlags): Promise<Report> {
    const settings = { ...resolveSettings([file], flags, { minSample: 1 }, 'test'), generatedAt: null };
    return audit(settings, { stdin: Readable.from([]), ...read });
  }

  for (const [name, read] of [['the byte reader', {}], ['csv-parse', { reader: 'csv-parse' as const }], ['the reading worker', { workers: 'always' as const }]] as const) {
    test(`${name}: the same tickets, groups, bands and rejections as by hand`, async () => {
      const report = await auditOf(read, { asOf: '2026-09-20T00:00:00Z', by: 'category' });
      // FILLER + 4 used; the two `NULL` ids are missing-id, neither a duplicate-id
      expect([report.input.rowsRead, report.input.rowsUsed, report.input.rowsRejected]).toEqual([FILLER + 6, FILLER + 4, 2]);
      // P1–P3 and S1's category (`NULL`, `None`, `-`, `"NULL"`) noted as placeholders
      expect(report.input.dataQuality.map((e) => [e.kind, e.count])).toEqual([['missing-id', 2], ['placeholder-value', 4]]);
      // P1–P3 and S1 have no category: 4 without a value; the filler's Billing is the one group
      expect(report.by?.noValue).toBe(4);
      expect(report.by?.groups.map((g) => [g.value, g.tickets])).toEqual([['Billing', FILLER]]);
      // no follower count for P1–P3 and S1: band unknown; the filler's 10 in <1k
      expect(report.followerBands.filter((b) => b.tickets > 0).map((b) => [b.band, b.tickets])).toEqual([['<1k', FILLER], ['unknown', 4]]);
      // no customer for P1–P3 and S1: no jump, no repeat contact; subject and text NULL: no shouting
      expect(report.findings.find((f) => f.kind === 'channel-jump')?.count ?? 0).toBe(0);
      expect(loudFor(report, 'repeatContact')).toBe(0);
      expect(loudFor(report, 'shouting')).toBe(0);
    });
  }
});

describe('the log formats', () => {
  test('ServiceNow: a placeholder is missing, as `?` is: the channel and caller of a later event are the incident\'s', async () => {
    // INC1's first event has contact_type and caller_id NULL: the later event's Phone and Caller 1
    // are taken (a NULL had been the incident's channel, counted as other). Acknowledged at 09:20
    // (out of New): first response 1,200 s; resolved at 10:00 by its last event: 3,600 s.
    // INC2's number is `NULL`: no incident number (missing-id).
    const path = tempCsv('servicenow.csv', [
      'number,incident_state,sys_mod_count,opened_at,sys_updated_at,contact_type,caller_id,resolved_at,closed_at',
      'INC1,New,0,01-07-2026 09:00,01-07-2026 09:00,NULL,NULL,NULL,?',
      'INC1,Active,1,01-07-2026 09:00,01-07-2026 09:20,Phone,Caller 1,NULL,NULL',
      'INC1,Resolved,2,01-07-2026 09:00,01-07-2026 10:00,Phone,Caller 1,01-07-2026 10:00,None',
      'NULL,New,0,01-07-2026 09:00,01-07-2026 09:00,Phone,Caller 2,?,?',
    ]);
    const report = await auditFiles([path], { asOf: '2026-07-10T00:00:00Z' }, { minSample: 1 });
    expect(report.channels.map((c) => [c.channel, c.tickets, c.answered, c.firstResponse.median, c.resolution.resolved, c.resolution.median])).toEqual([['phone', 1, 1, 1200, 1, 3600]]);
    expect(report.input.dataQuality.map((e) => [e.kind, e.count, e.example?.detail])).toEqual([['missing-id', 1, 'no incident number']]);
  });

  test('tweets: in_response_to_tweet_id NaN replies to nothing (a ticket, not an orphan reply); author NULL is no customer', async () => {
    // 10 and 20 are customer tweets whose in_response_to_tweet_id is NaN (pandas' gap): tickets,
    // answered by the brand's 11 (after 300 s) and 21 (after 600 s): median 450 s. Their author
    // `NULL` is no customer (two tickets of "NULL" within a day were one customer's).
    const path = tempCsv('tweets.csv', [
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
      '10,NULL,True,Tue Oct 31 10:00:00 +0000 2017,@Brand help,11,NaN',
      '11,Brand,False,Tue Oct 31 10:05:00 +0000 2017,@x sure,NaN,10',
      '20,NULL,True,Tue Oct 31 11:00:00 +0000 2017,@Brand help,21,NaN',
      '21,Brand,False,Tue Oct 31 11:10:00 +0000 2017,@y sure,NaN,20',
    ]);
    const report = await auditFiles([path], { asOf: '2017-11-01T00:00:00Z' }, { minSample: 1 });
    expect([report.input.rowsRead, report.input.rowsUsed, report.input.rowsRejected]).toEqual([4, 4, 0]);
    expect(report.channels.map((c) => [c.channel, c.tickets, c.answered, c.firstResponse.median])).toEqual([['social', 2, 2, 450]]);
    expect(loudFor(report, 'repeatContact')).toBe(0);
  });
});

test('inspect counts a channel placeholder as an empty channel value', async () => {
  // 2 rows `NULL` and 1 empty: 3 without a channel value (""), 1 phone
  const path = tempCsv('inspect.csv', ['ticket_id,channel,created_at', 'T1,NULL,2026-09-14T10:00:00Z', 'T2,,2026-09-14T10:00:00Z', 'T3,phone,2026-09-14T10:00:00Z', 'T4,null,2026-09-14T10:00:00Z']);
  const [profile] = await profileFiles(resolveSettings([path], {}, {}, 'test'), { stdin: Readable.from([]) });
  expect(profile?.channelValues.map((v) => [v.raw, v.count, v.channel])).toEqual([['', 3, 'other'], ['phone', 1, 'phone']]);
});

test('the config: a channels key that is a placeholder matches nothing; mapped to a channel it stops the run, to other it is what happens anyway', async () => {
  const { validateConfig } = await import('../../src/config/validate.js');
  expect(() => validateConfig({ channels: { NULL: 'phone' } }, 'parity.config.json')).toThrow('channels: "NULL" stands for no value, so no channel value matches it: a ticket whose channel cell holds it has no channel value and is counted as other, not phone');
  expect(() => validateConfig({ channels: { ' n/a ': 'outbound' } }, 'parity.config.json')).toThrow(/" n\/a " stands for no value/);
  expect(validateConfig({ channels: { '-': 'other', 'Phone call': 'phone' } }, 'parity.config.json').channels).toEqual({ '-': 'other', 'Phone call': 'phone' });
});
