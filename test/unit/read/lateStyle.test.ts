/**
 * A time column with no value in the format sample (an export listed newest first whose latest
 * tickets are still open leaves `resolved_at` empty there) takes the style of its first value
 * (rows.ts timestampParser). The byte reader reads such a column's empty cells, leaves the rows
 * with a value to the string normaliser until that has settled the style, and from then on
 * reads it in that style, on one thread and on the reading worker (normalise/fields.ts
 * ByteNormaliser.settle). Before, the whole file went through the string normaliser: the same
 * numbers, much slower (README, Performance).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { audit } from '../../../src/pipeline.js';
import { resolveSettings } from '../../../src/commands/options.js';
import { byteNormaliser } from '../../../src/normalise/fields.js';
import type { RowContext, RowMapping } from '../../../src/normalise/rows.js';
import { ByteRow, OPEN, RESOLVED, TicketTableBuilder } from '../../../src/normalise/table.js';
import { CsvScanner } from '../../../src/read/scan.js';
import type { WorkerUse } from '../../../src/threads.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-late-style-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
/** Day first, as `16/09/2026 09:20` (UTC). */
const dayFirst = (s: number): string => {
  const d = new Date(s * 1000);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

const ROWS = 40_000;
const OPEN_HEAD = 2_000;
const BASE = Date.UTC(2026, 8, 13) / 1000; // 13 September 2026, 00:00 UTC

/**
 * Ticket i: created BASE + i minutes, answered an hour later, on phone (even i) or email (odd);
 * the first OPEN_HEAD still open (resolved_at empty, or `NULL` every tenth), the rest resolved
 * exactly two days after creation, written day first. The first value, ticket 2000's
 * `16/09/2026 09:20`, has a day over 12, so the column is day-first; the last days (1 to 12
 * October) read otherwise month first.
 */
function exportFile(): string {
  const lines = ['ticket_id,channel,created_at,first_response_at,resolved_at,status,subject'];
  for (let i = 0; i < ROWS; i++) {
    const created = BASE + 60 * i;
    const open = i < OPEN_HEAD;
    const resolved = open ? (i % 10 === 0 ? 'NULL' : '') : dayFirst(created + 2 * 86400);
    lines.push(`T${i},${i % 2 ? 'email' : 'phone'},${iso(created)},${iso(created + 3600)},${resolved},${open ? 'open' : 'solved'},"a subject, quoted"`);
  }
  const file = join(dir, 'newest-open.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('a time column empty in the format sample', () => {
  it('the byte reader reads its empty cells, leaves a value to rows.ts, and reads values once given the style', () => {
    const mapping: RowMapping = {
      header: ['ticket_id', 'channel', 'created_at', 'resolved_at'],
      timeZone: 'UTC',
      bindings: {
        ticketId: { index: 0, header: 'ticket_id' },
        channel: { index: 1, header: 'channel' },
        createdAt: { index: 2, header: 'created_at', style: 'iso' },
        resolvedAt: { index: 3, header: 'resolved_at', style: null },
      },
      format: {},
    };
    const context: RowContext = { channels: {}, asOf: null, since: null, until: null, capitalsShare: 0.6, exclamationRun: 3, escalationTags: [] };
    const bytes = Buffer.from(
      ['ticket_id,channel,created_at,resolved_at', 'T1,phone,2026-10-30T21:30:00Z,', 'T2,phone,2026-10-30T21:30:00Z,NULL', 'T3,phone,2026-10-30T21:30:00Z,31/10/2026 21:30', 'T4,phone,2026-10-01T00:00:00Z,03/10/2026 06:00', ''].join('\n'),
    );
    const scanner = new CsvScanner({ file: 'f.csv', delimiter: ',', recordDelimiter: '\n' });
    scanner.feed(bytes);
    scanner.finish();
    const batch = scanner.batch;
    const fast = byteNormaliser(mapping, context);
    expect(fast).not.toBeNull();
    const row = new ByteRow();
    // empty, and a placeholder for no value: open, read here
    expect(fast!(batch, 1, row)).toBe(true);
    expect(row.resolutionState).toBe(OPEN);
    expect(fast!(batch, 2, row)).toBe(true);
    expect(row.resolutionState).toBe(OPEN);
    // a value before the style is settled: left to rows.ts
    expect(fast!(batch, 3, row)).toBe(false);
    fast!.settle('resolvedAt', 'dmy');
    // 30 Oct 21:30 → 31 Oct 21:30: one day
    expect(fast!(batch, 3, row)).toBe(true);
    expect(row.resolutionState).toBe(RESOLVED);
    expect(row.resolutionSeconds).toBe(86_400);
    // day first: 3 October 06:00, 54 hours after 1 October (month first it would be 10 March)
    expect(fast!(batch, 4, row)).toBe(true);
    expect(row.resolutionSeconds).toBe(54 * 3600);
  });

  const modes: Array<[string, { workers?: WorkerUse; reader?: 'csv-parse' }]> = [
    ['on one thread', { workers: 'never' }],
    ['with the reading worker', { workers: 'always' }],
    ['through csv-parse (the reference)', { reader: 'csv-parse' }],
  ];
  const file = exportFile();
  const reports = new Map<string, Report>();
  for (const [name, io] of modes) {
    it(`reads every ticket in the style of the column's first value, ${name}`, async () => {
      const addBytes = vi.spyOn(TicketTableBuilder.prototype, 'addBytes');
      const settings = { ...resolveSettings([file], {}, {}, 'test'), generatedAt: null };
      const report = (await audit(settings, { stdin: Readable.from([]), ...io })) as unknown as Report;
      reports.set(name, report);
      expect(report.input.rowsRead).toBe(ROWS);
      expect(report.input.rowsUsed).toBe(ROWS);
      for (const channel of ['phone', 'email']) {
        const c = report.channels.find((x) => x.channel === channel)!;
        expect(c.tickets).toBe(ROWS / 2);
        // every resolved ticket took exactly two days (read day first: month first would have
        // made the October ones negative or months long), every answered one an hour
        expect(c.resolution.median).toBe(2 * 86_400);
        expect(c.resolution.resolved).toBe((ROWS - OPEN_HEAD) / 2);
        expect(c.firstResponse.median).toBe(3600);
      }
      if (io.reader === 'csv-parse') return;
      // and most resolved tickets were read from their bytes, not by the string normaliser
      const resolvedFromBytes = addBytes.mock.calls.filter(([row]) => row.resolutionState === RESOLVED).length;
      expect(resolvedFromBytes).toBeGreaterThan(0.5 * (ROWS - OPEN_HEAD));
    });
  }
  it('the three readings give the same report, to the last number', () => {
    const [one, two, reference] = modes.map(([name]) => reports.get(name));
    expect(reference).toBeDefined();
    expect(one).toEqual(reference);
    expect(two).toEqual(reference);
  });
});

interface Report {
  input: { rowsRead: number; rowsUsed: number };
  channels: Array<{ channel: string; tickets: number; firstResponse: { median: number }; resolution: { median: number; resolved: number } }>;
}
