// DuckDB in-process: each fixture read by DuckDB's CSV reader gives the in-process count table,
// the Parquet fixture gives its CSV's, and hostile names cannot change the query.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { connectDuckDB, DuckDBError, fileQuery } from '../../src/read/engines/duckdb.js';
import { connectDuckDBAside } from '../../src/read/engines/duckdbProcess.js';
import { ParityError } from '../../src/errors.js';
import { countFromEngine } from '../../src/read/engines/count.js';
import { countCells, type FlatCountSeries } from '../../src/measure/counts.js';
import { asJudged, referenceCounts, repeatsQuery, REPEATS, settingsFor, withoutNotes } from './helpers.js';
import { SCENARIOS } from './scenarios.js';
import { BIN, ROOT, runParity } from '../helpers/exec.js';

/**
 * Processes running now (not ended, not zombies awaiting their parent) that were started with
 * TMPDIR=`temp` — each test gives its run a temporary folder of its own — and, with `command`,
 * whose command line holds it.
 */
function runningWith(temp: string, command?: string): string[] {
  return readdirSync('/proc').filter((name) => {
    try {
      if (!/^\d+$/.test(name) || !readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(`TMPDIR=${temp}`)) return false;
      if (command !== undefined && !readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(command)) return false;
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
    } catch {
      return false; // gone meanwhile
    }
  });
}

/** A count query that keeps DuckDB busy for seconds (a grouping of 2·10^9 rows): killed part-way in the tests. */
const SLOW_COUNT = `SELECT 'channel' AS "dimension", 'email' AS "group", NULL AS "category", NULL AS "priority", 'firstResponse' AS "metric", CAST(n % 100000 AS DOUBLE) AS "seconds", COUNT(*) AS "ended", 0 AS "waiting" FROM range(2000000000) AS r(n) GROUP BY n % 100000`;

/** An export of 600,000 tickets in `dir` (big.csv): seconds of DuckDB's time, so a run can be stopped part-way. */
function bigExport(dir: string): string {
  const rows = ['ticket_id,channel,created_at,first_response_at'];
  for (let k = 0; k < 600_000; k++) rows.push(`T${k},${k % 2 ? 'phone' : 'email'},2026-10-01T09:00:00Z,2026-10-01T${String(10 + (k % 10)).padStart(2, '0')}:00:00Z`);
  const file = join(dir, 'big.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

async function duckCounts(file: string, settings: ReturnType<typeof settingsFor>, query = fileQuery(file)) {
  const connection = await connectDuckDB(file, settings.timeZone);
  try {
    return await countFromEngine(connection, { query }, settings);
  } finally {
    await connection.close();
  }
}

describe('DuckDB count table equals the in-process one', () => {
  for (const s of SCENARIOS) {
    test(s.name, async () => {
      const reference = await referenceCounts(s.file, s.config, s.flags, s.by ?? null);
      const settings = settingsFor(s.file, s.config, s.flags, s.by ?? null);
      const { counts } = await duckCounts(s.file, settings);
      expect(countCells(reference)).toBeGreaterThan(50); // not a trivial table (the smallest scenario has 75 cells)
      expect(withoutNotes(asJudged(counts, settings))).toEqual(withoutNotes(reference));
    });
  }

  test('too little working memory is exit 2 naming --duckdb-memory; enough memory audits', async () => {
    const low = await runParity(['audit', 'fixtures/engines/demo.parquet', '--duckdb-memory', '1MB', '--quiet']);
    expect(low.code).toBe(2);
    expect(low.stderr).toContain('DuckDB: Out of Memory Error');
    expect(low.stderr).toContain("DuckDB's working memory (1MB) was not enough for this file: give it more with --duckdb-memory, e.g. --duckdb-memory 2MB");
    const enough = await runParity(['audit', 'fixtures/engines/demo.parquet', '--duckdb-memory', '512MiB', '--quiet', '--format', 'json']);
    expect(enough.code).toBe(0);
    expect(JSON.parse(enough.stdout).input.rowsRead).toBe(3050);
  });

  test("a ticket text longer than DuckDB's own 2 MB line bound reads as in parity's own reader; one over --max-record-bytes fails in both", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-duck-'));
    const file = join(dir, 'long-text.csv');
    // ticket 2's subject is 3,000,000 characters, with a comma and doubled quotes in it
    const long = `"${'x'.repeat(1_500_000)}, ""quoted"" ${'y'.repeat(1_499_990)}"`;
    writeFileSync(file, `ticket_id,channel,created_at,first_response_at,subject\nT1,phone,2026-07-01T09:00:00Z,2026-07-01T10:00:00Z,short\nT2,email,2026-07-01T09:00:00Z,2026-07-01T11:00:00Z,${long}\nT3,email,2026-07-01T09:30:00Z,,short\n`);
    const engine = await runParity(['audit', file, '--engine', 'duckdb', '--format', 'json']);
    const own = await runParity(['audit', file, '--format', 'json']);
    expect(engine.code).toBe(0);
    const channels = (out: string) => (JSON.parse(out) as { channels: Array<{ channel: string; n: number; firstResponse: { n: number; median: number | null } }> }).channels;
    expect(channels(engine.stdout)).toEqual(channels(own.stdout));
    // three tickets; email: T2 answered after 2 h, T3 still waiting (2 h at the as-of time 11:00, the latest time)
    expect(channels(engine.stdout).find((c) => c.channel === 'email')?.firstResponse).toMatchObject({ n: 2 });
    expect((JSON.parse(engine.stdout) as { input: { tickets: number } }).input.tickets).toBe(3);
    // Over the bound: on line 3 the record lies in the head parity's own reader reads first
    // (to find the header below any title lines), so both runs stop there with its message
    const bounded = await runParity(['audit', file, '--engine', 'duckdb', '--max-record-bytes', '1MiB']);
    expect(bounded.code).toBe(2);
    expect(bounded.stderr).toContain('long-text.csv:3: a record is larger than 1,048,576 bytes');
    expect(bounded.stderr).toContain('the limit is 1 MiB; if the file is genuine, raise it with --max-record-bytes <size>');
    const boundedOwn = await runParity(['audit', file, '--max-record-bytes', '1MiB']);
    expect(boundedOwn.code).toBe(2);
    expect(boundedOwn.stderr).toContain('long-text.csv:3: a record is larger than 1,048,576 bytes');
    // past the first 500 rows DuckDB meets it first, and its error is raised the way parity's own bound is
    const later = join(dir, 'long-text-later.csv');
    const short = Array.from({ length: 600 }, (_, k) => `S${k},phone,2026-07-01T09:00:00Z,2026-07-01T10:00:00Z,short`).join('\n');
    writeFileSync(later, `ticket_id,channel,created_at,first_response_at,subject\n${short}\nT2,email,2026-07-01T09:00:00Z,2026-07-01T11:00:00Z,${long}\n`);
    const boundedLater = await runParity(['audit', later, '--engine', 'duckdb', '--max-record-bytes', '1MiB']);
    expect(boundedLater.code).toBe(2);
    expect(boundedLater.stderr).toContain('a line over 1048576 bytes');
    expect(boundedLater.stderr).toContain('the limit is 1 MiB; if the file is genuine, raise it with --max-record-bytes <size>');
  });

  test("Excel's text formulas (=\"…\") are read as the text they show, as parity reads them (read/excelText.ts)", async () => {
    // fixtures/excel-formulas.csv, lines 1–7: ids, customers and times written ="…" or "=""…""";
    // DuckDB stops at an unreadable time (line 8's =SUM(A1), line 10's ="abc), so they are left out
    const dir = mkdtempSync(join(tmpdir(), 'parity-duck-'));
    const lines = readFileSync('fixtures/excel-formulas.csv', 'utf8').trimEnd().split('\n');
    const file = join(dir, 'excel.csv');
    writeFileSync(file, `${lines.slice(0, 7).join('\n')}\n`);
    const settings = settingsFor(file);
    const reference = await referenceCounts(file);
    const { counts } = await duckCounts(file, settings);
    expect(withoutNotes(asJudged(counts, settings))).toEqual(withoutNotes(reference));
    // six tickets (in-process too): phone's first responses 1,800, 3,600 and 7,200 s, email's
    // 7,200, 14,400 and 21,600 s — each read from a text formula somewhere
    expect([counts.header.rowsRead, counts.header.tickets, counts.header.repeatedIds]).toEqual([6, 6, 0]);
    const audited = await runParity(['audit', file, '--engine', 'duckdb', '--format', 'json']);
    expect(audited.code).toBe(0);
    const medians = (JSON.parse(audited.stdout) as { channels: Array<{ channel: string; firstResponse: { median: number } }> }).channels.map((c) => [c.channel, c.firstResponse.median]);
    expect(medians).toEqual([['phone', 3600], ['email', 14400]]);
    // line 9's id 000481 is line 2's ="000481": DuckDB counts the repeated id, and says so
    const repeated = join(dir, 'excel-repeated.csv');
    writeFileSync(repeated, `${[...lines.slice(0, 7), lines[8]].join('\n')}\n`);
    expect((await duckCounts(repeated, settingsFor(repeated))).counts.header.repeatedIds).toBe(1);
  });

  test('the Parquet fixture counts as its CSV', async () => {
    const reference = await referenceCounts('fixtures/demo.csv');
    const { counts } = await duckCounts('fixtures/engines/demo.parquet', settingsFor('fixtures/engines/demo.parquet'));
    expect(withoutNotes(counts)).toEqual(withoutNotes(reference));
    // demo.csv: 3050 tickets, none rejected
    expect(counts.header.tickets).toBe(3050);
    expect(counts.header.rowsRead).toBe(3050);
  });

  test('rows that repeat a used ticket id are counted, and how many there are is said', async () => {
    const { counts } = await duckCounts('fixtures/demo.csv', settingsFor('fixtures/demo.csv'), repeatsQuery(`read_csv('fixtures/demo.csv')`));
    const h = counts.header;
    expect({ rowsRead: h.rowsRead, rejected: h.rejected, tickets: h.tickets, repeatedIds: h.repeatedIds }).toEqual(REPEATS);
  });

  test('an export with repeated ids through --engine duckdb: the report and stderr say the repeats were counted', async () => {
    // demo.csv with its 157 Chat rows appended again (cut -d, -f3 | sort | uniq -c)
    const dir = mkdtempSync(join(tmpdir(), 'parity-duck-'));
    const file = join(dir, 'twice.csv');
    const lines = readFileSync('fixtures/demo.csv', 'utf8').trimEnd().split('\n');
    const chat = lines.filter((l) => l.split(',')[2] === 'Chat');
    expect(chat).toHaveLength(157);
    writeFileSync(file, [...lines, ...chat].join('\n') + '\n');
    const engine = await runParity(['audit', file, '--engine', 'duckdb', '--format', 'json']);
    expect(engine.code).toBe(0);
    const input = JSON.parse(engine.stdout).input;
    expect(input.tickets).toBe(3207);
    expect(input.dataQuality).toContainEqual({ kind: 'repeated-id', severity: 'note', count: 157, example: null });
    expect(input.notes).toContainEqual(expect.stringMatching(/^157 rows repeat a ticket id already counted, and each was counted as a ticket/));
    expect(engine.stderr).toContain('157 rows repeat a ticket id and were counted as tickets of their own (see the notes)');
    // parity's own reading keeps the first row of each id
    const own = await runParity(['audit', file, '--format', 'json']);
    expect(JSON.parse(own.stdout).input).toMatchObject({ tickets: 3050, rowsRejected: 157 });
  });

  test('a CSV read as text: blank and padded timestamps and follower counts read as parity reads them (a cell of one space failed the query)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-duck-'));
    const file = join(dir, 'blank-cells.csv');
    const rows = ['ticket_id,channel,created_at,first_response_at,resolved_at,status,follower_count'];
    for (let i = 0; i < 60; i++) {
      const pad = ['', ' ', '\t', '\u00a0', '\u3000'][i % 5] as string;
      const created = i % 17 === 0 ? ' ' : `${pad}2026-07-${String(1 + (i % 20)).padStart(2, '0')}T0${i % 10}:00:00Z${pad}`;
      const first = i % 7 === 0 ? pad : `2026-07-${String(1 + (i % 20)).padStart(2, '0')}T1${i % 10}:30:00Z${pad}`;
      const followers = i % 3 === 0 ? pad : `${pad}${(i * 997) % 200000}${pad}`;
      rows.push(`T${i},${i % 2 ? 'Twitter' : 'Phone'},${created},${first},,open,${followers}`);
    }
    writeFileSync(file, rows.join('\n') + '\n');
    const reference = await referenceCounts(file);
    // 4 rows (i = 0, 17, 34, 51) have a blank creation time: missing-created in both
    expect(reference.header.rejected).toEqual({ 'missing-created': 4 });
    const { counts } = await duckCounts(file, settingsFor(file));
    expect(withoutNotes(counts)).toEqual(withoutNotes(reference));
  });

  test("a time written with UTC leaves no zone behind: the times after it without an offset are read in --tz (found by a differential run)", async () => {
    // DuckDB's cast reads `UTC` as a zone name and kept it for every value without an offset it
    // cast after it (across its chunks of 2,048 rows), in place of the session's zone.
    // Hand-worked, in Asia/Kolkata (UTC+05:30):
    //   U1  created 2026-07-01T10:00:00 UTC = 10:00Z, answered 11:00Z: 3600 s
    //   P*  created 2026-07-01 10:00 (Kolkata) = 04:30Z, answered 05:30Z: 3600 s each (2,100 rows;
    //       read as 10:00Z they were answered 16,200 s before creation: negative, left out)
    //   D1  created 2026-07-01 (a date alone: midnight in Kolkata) = 2026-06-30T18:30Z, answered
    //       19:00Z: 1800 s (read as 00:00Z: 18,000 s before creation)
    //   E1  created 10:00Z, answered 2026-07-01 16:00 (Kolkata) = 10:30Z: 1800 s
    // So phone: 2,101 answered at 3600 s; email: 2 at 1800 s; no negative first response.
    const dir = mkdtempSync(join(tmpdir(), 'parity-duck-'));
    const file = join(dir, 'utc-zone.csv');
    const rows = ['ticket_id,channel,created_at,first_response_at', 'U1,Phone,2026-07-01T10:00:00 UTC,2026-07-01T11:00:00Z'];
    for (let i = 0; i < 2100; i++) rows.push(`P${i},Phone,2026-07-01 10:00,2026-07-01T05:30:00Z`);
    rows.push('D1,Email,2026-07-01,2026-06-30T19:00:00Z', 'E1,Email,2026-07-01T10:00:00Z,2026-07-01 16:00');
    writeFileSync(file, rows.join('\n') + '\n');
    const settings = settingsFor(file, {}, { tz: 'Asia/Kolkata' });
    const { counts } = await duckCounts(file, settings);
    const cells: Record<string, number> = {};
    for (const s of counts.series) {
      if (s.dimension !== 'bandChannel' || s.metric !== 'firstResponse') continue;
      const { times, ended } = s.packed.unpack();
      for (let k = 0; k < times.length; k++) cells[`${s.group} ${times[k]}`] = (cells[`${s.group} ${times[k]}`] ?? 0) + (ended[k] as number);
    }
    expect(cells).toEqual({ 'unknown / phone 3600': 2101, 'unknown / email 1800': 2 });
    expect(counts.header.negative).toEqual({ firstResponse: 0, resolution: 0 });
    expect(withoutNotes(counts)).toEqual(withoutNotes(await referenceCounts(file, {}, { tz: 'Asia/Kolkata' })));
  });

  test('a spam or deleted row created outside the years 1 to 9999 is rejected as discarded, as in-process (found by a differential run)', async () => {
    // In-process a spam or deleted row is discarded whatever its creation time (normalise/rows.ts);
    // the query had called one created in the year 0 `bad-created`. Hand-worked:
    //   1 phone, created 2026-07-01T10:00Z, open: the one ticket
    //   2 created in the year 0, status spam: discarded
    //   3 created in the year 0, spam flag set: discarded
    //   4 created in the year 0, open: bad-created
    const dir = mkdtempSync(join(tmpdir(), 'parity-duck-'));
    const file = join(dir, 'year-zero.csv');
    writeFileSync(
      file,
      [
        'ticket_id,channel,created_at,first_response_at,status,spam',
        '1,Phone,2026-07-01T10:00:00Z,2026-07-01T11:00:00Z,open,',
        '2,Phone,0000-07-01T10:00:00Z,2026-07-01T11:00:00Z,spam,',
        '3,Phone,0000-07-01T10:00:00Z,2026-07-01T11:00:00Z,open,true',
        '4,Phone,0000-07-01T10:00:00Z,2026-07-01T11:00:00Z,open,',
      ].join('\n') + '\n',
    );
    const settings = settingsFor(file, {}, { asOf: '2026-07-02T00:00:00Z' });
    const { counts } = await duckCounts(file, settings);
    expect(counts.header.rowsRead).toBe(4);
    expect(counts.header.rejected).toEqual({ discarded: 2, 'bad-created': 1 });
    expect(counts.header.tickets).toBe(1);
    expect(withoutNotes(counts)).toEqual(withoutNotes(await referenceCounts(file, {}, { asOf: '2026-07-02T00:00:00Z' })));
  });

  test('ids that look like numbers stay text, as parity reads them: no false repeats', async () => {
    // 1.0 and 1, 2.50 and 2.5, 1e1 and 10 are six ids; two 20-digit ids one apart are two (as
    // numbers they would be one double); DuckDB used to type the column as a number
    const dir = mkdtempSync(join(tmpdir(), 'parity-duck-'));
    const file = join(dir, 'numeric-ids.csv');
    const ids = ['1.0', '1', '2.50', '2.5', '1e1', '10', '12345678901234567890', '12345678901234567891'];
    writeFileSync(file, ['ticket_id,channel,created_at,first_response_at,status', ...ids.map((id) => `${id},Phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,open`)].join('\n') + '\n');
    const engine = await runParity(['audit', file, '--engine', 'duckdb', '--format', 'json']);
    expect(engine.code).toBe(0);
    const input = JSON.parse(engine.stdout).input;
    expect(input.tickets).toBe(8);
    expect(input.dataQuality.filter((d: { kind: string }) => d.kind === 'repeated-id')).toEqual([]);
    expect(engine.stderr).not.toContain('repeat');
  });

  test('bytes that are not UTF-8 past the first 64 KiB: exit 2 naming the file and its line (DuckDB counts records)', async () => {
    // demo.csv (about 300 KB, one ticket a line, no quoted line breaks) with "question" on
    // line 3,000 spelt with a Windows-1252 ó (0xF3); the in-process audit reads it
    const dir = mkdtempSync(join(tmpdir(), 'parity-duck-'));
    const file = join(dir, 'late-1252.csv');
    const lines = readFileSync('fixtures/demo.csv').toString('latin1').split('\n');
    expect(lines[2999]).toContain('question');
    lines[2999] = lines[2999]!.replace('question', 'questi\u00f3n');
    writeFileSync(file, Buffer.from(lines.join('\n'), 'latin1'));
    const engine = await runParity(['audit', file, '--engine', 'duckdb']);
    expect(engine.code).toBe(2);
    expect(engine.stderr).toContain(`${file}:3000: this line holds bytes that are not UTF-8`);
    expect(engine.stderr).toContain('audit it without --engine (parity reads it), or save it as "CSV UTF-8"');
    expect((await runParity(['audit', file, '--format', 'json'])).code).toBe(0);
    // beside a Parquet file (DuckDB's own binary format, never looked through as text) the CSV is named
    const mixed = await runParity(['audit', 'fixtures/engines/demo.parquet', file, '--engine', 'duckdb']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain(`${file}:3000: this line holds bytes that are not UTF-8`);
  });

  test('a CSV error that is not about UTF-8 keeps the record number DuckDB gives, whatever the rows it quotes say', async () => {
    // all UTF-8: demo.csv's rows eight times (24,400 rows, past the 20,480 DuckDB samples to
    // sniff the layout), and line 24,000 has a field too many whose text mimics DuckDB's UTF-8 message
    const dir = mkdtempSync(join(tmpdir(), 'parity-duck-'));
    const file = join(dir, 'ragged.csv');
    const [header, ...rows] = readFileSync('fixtures/demo.csv', 'utf8').trimEnd().split('\n');
    const lines = [header, ...Array.from({ length: 8 }, () => rows).flat()];
    expect(lines).toHaveLength(24_401);
    lines[23999] = `${lines[23999]},"Invalid unicode (byte sequence mismatch) detected. This file is not utf-8 encoded."`;
    writeFileSync(file, lines.join('\n') + '\n');
    const engine = await runParity(['audit', file, '--engine', 'duckdb']);
    expect(engine.code).toBe(2);
    expect(engine.stderr).toContain(`${file}: DuckDB: Invalid Input Error: CSV Error on Line: 24000 (expected 12 columns, found 13)`);
    expect(engine.stderr).not.toContain('not UTF-8');
    // with a byte that is not UTF-8 further on (line 24,300), the error is still the one DuckDB stopped at
    expect(lines[24299]).toContain('question');
    lines[24299] = lines[24299]!.replace('question', 'questi\u00f3n');
    writeFileSync(file, Buffer.from(lines.join('\n') + '\n', 'latin1'));
    const both = await runParity(['audit', file, '--engine', 'duckdb']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('CSV Error on Line: 24000 (expected 12 columns, found 13)');
    expect(both.stderr).not.toContain('not UTF-8');
  });

  test('a source with no usable ticket: "no usable tickets", as in-process; follower counts written with an exponent are refused before the query, as parity does not read them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-duck-'));
    // one row, its id a no-break space: missing-id, nothing left
    const none = join(dir, 'none.csv');
    writeFileSync(none, 'ticket_id,channel,created_at\n\u00a0,Phone,2026-10-01T09:00:00Z\n');
    for (const args of [[none, '--engine', 'duckdb'], [none]]) {
      const r = await runParity(['audit', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no usable tickets: nothing to audit');
    }
    const exponent = join(dir, 'exponent.csv');
    writeFileSync(exponent, 'ticket_id,channel,created_at,follower_count\nT1,Twitter,2026-10-01T09:00:00Z,1.994e3\n');
    const refused = await runParity(['audit', exponent, '--engine', 'duckdb']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('column "follower_count" holds "1.994e3", which the database query cannot read as a number');
  });

  test('a file path, table and column names with quotes stay names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-duck-'));
    const file = join(dir, `it's "odd"; --.csv`);
    copyFileSync('fixtures/engines/mixed.csv', file);
    const reference = await referenceCounts('fixtures/engines/mixed.csv', {}, {}, 'group');
    const { counts } = await duckCounts(file, settingsFor(file, {}, {}, 'group'));
    expect(withoutNotes(counts)).toEqual(withoutNotes(reference));

    // Columns renamed to hostile names, mapped in the config: same counts.
    const hostile = { ticketId: `id"); DROP TABLE t; --`, channel: `ch'an"nel`, createdAt: 'created at\nnewline' };
    const query = `SELECT ticket_id AS "${hostile.ticketId.replace(/"/g, '""')}", channel AS "${hostile.channel.replace(/"/g, '""')}", ` +
      `created_at AS "${hostile.createdAt}", customer_id, first_response_at, resolved_at, status, priority, category, team, follower_count, direction FROM read_csv('fixtures/engines/mixed.csv')`;
    const config = { columns: hostile };
    const renamed = await duckCounts('fixtures/engines/mixed.csv', settingsFor('fixtures/engines/mixed.csv', config, {}, 'group'), query);
    expect(withoutNotes(renamed.counts)).toEqual(withoutNotes(reference));
  });
});

describe('DuckDB hands the count table on sorted, series by series', () => {
  test('each series in pieces that come together, its times rising, across DuckDB\'s chunks of 2,048 rows', async () => {
    // email: n = 0…2,999 at seconds (7919·n) mod 3,000; phone: m = 0…1,999 at (7919·m) mod 2,000 —
    // every second once each, scrambled — with n mod 3 (m mod 3) ended and 1 waiting; and a meta
    // row without seconds
    const flat = `SELECT 'channel' AS "dimension", CASE WHEN n < 3000 THEN 'email' ELSE 'phone' END AS "group", CAST(NULL AS VARCHAR) AS "category", CAST(NULL AS VARCHAR) AS "priority", 'firstResponse' AS "metric",
      CAST(CASE WHEN n < 3000 THEN (n * 7919) % 3000 ELSE ((n - 3000) * 7919) % 2000 END AS DOUBLE) AS "seconds", CAST(n % 3 AS BIGINT) AS "ended", CAST(1 AS BIGINT) AS "waiting" FROM range(5000) AS r(n)
      UNION ALL SELECT 'meta', 'asOf', NULL, NULL, NULL, NULL, 0, 0`;
    const connection = await connectDuckDB('sorted', 'UTC');
    const got: FlatCountSeries[] = [];
    try {
      await connection.countSeries(flat, (series) => got.push(series));
    } finally {
      await connection.close();
    }
    // the pieces of one series come one after another
    const order = got.map((s) => s.group).filter((g, k, all) => k === 0 || all[k - 1] !== g);
    expect([...order].sort()).toEqual(['asOf', 'email', 'phone']);
    const of = (group: string) => got.filter((s) => s.group === group);
    expect(of('email').length).toBeGreaterThan(1); // 5,001 rows are three chunks: a series crosses one
    expect(of('email').flatMap((s) => Array.from(s.seconds))).toEqual(Array.from({ length: 3000 }, (_, k) => k));
    expect(of('phone').flatMap((s) => Array.from(s.seconds))).toEqual(Array.from({ length: 2000 }, (_, k) => k));
    // the n at second s: 7919·n ≡ s, n = 1,679·s (7919·1,679 = 13,296,001 ≡ 1 mod 3,000 and mod 2,000)
    expect(of('email').flatMap((s) => Array.from(s.ended))).toEqual(Array.from({ length: 3000 }, (_, s) => ((1679 * s) % 3000) % 3));
    expect(of('phone').flatMap((s) => Array.from(s.ended))).toEqual(Array.from({ length: 2000 }, (_, s) => ((1679 * s) % 2000) % 3));
    expect(got.flatMap((s) => Array.from(s.waiting)).filter((w) => w !== 1)).toEqual([0]);
    expect(of('asOf').map((s) => [s.dimension, Array.from(s.seconds), Array.from(s.ended)])).toEqual([['meta', [null], [0]]]);
  });

  test('a run stopped by SIGTERM takes DuckDB\'s spill folder with it', async () => {
    const data = mkdtempSync(join(tmpdir(), 'parity-duck-data-'));
    const temp = mkdtempSync(join(tmpdir(), 'parity-duck-spill-'));
    const file = bigExport(data);
    let seen = false;
    const code = await new Promise<number | string>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'audit', file, '--engine', 'duckdb', '--format', 'json', '-o', '/dev/null'], { stdio: 'ignore', env: { ...process.env, TMPDIR: temp } });
      // stop it once DuckDB's folder exists (made when DuckDB opens, before the count query)
      const poll = setInterval(() => {
        if (readdirSync(temp).some((f) => f.startsWith('parity-duckdb-'))) {
          seen = true;
          clearInterval(poll);
          child.kill('SIGTERM');
        }
      }, 10);
      child.on('close', () => clearInterval(poll));
      child.on('close', (c, signal) => resolve(c ?? signal ?? -1));
    });
    expect(seen).toBe(true);
    expect(code).toBe(143);
    expect(readdirSync(temp)).toEqual([]);
    // and DuckDB's process (started by parity's, itself the launcher's child) is gone with it
    const left = () => runningWith(temp, 'duckdbHost.bundle.js');
    // (a process stopped by SIGKILL may take a moment to be reaped)
    for (let k = 0; k < 30 && left().length; k++) await new Promise((done) => setTimeout(done, 100));
    expect(left()).toEqual([]);
  });
});

describe("DuckDB in a process of its own (duckdbProcess.ts): the same answers, DuckDB's memory outside parity's", () => {
  /** Processes started by this one running DuckDB's host, with the TMPDIR each was given. */
  function hosts(): Array<{ pid: number; tmp: string | null }> {
    const out: Array<{ pid: number; tmp: string | null }> = [];
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid !== process.pid || !readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('duckdbHost.bundle.js')) continue;
        const tmp = readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').find((e) => e.startsWith('TMPDIR='));
        out.push({ pid: Number(name), tmp: tmp ? tmp.slice('TMPDIR='.length) : null });
      } catch {
        // gone meanwhile
      }
    }
    return out;
  }

  /** Runs `body` with os.tmpdir() a fresh folder (DuckDB's spill folder is made there). */
  async function inTemp<T>(body: (temp: string) => Promise<T>): Promise<T> {
    const temp = mkdtempSync(join(tmpdir(), 'parity-duck-aside-'));
    const before = process.env['TMPDIR'];
    process.env['TMPDIR'] = temp;
    try {
      return await body(temp);
    } finally {
      if (before === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = before;
    }
  }

  test('every scenario counts as in-process, from a process that exists while the connection is open and is gone, with its spill folder, after close', async () => {
    for (const s of SCENARIOS) {
      await inTemp(async (temp) => {
        const reference = await referenceCounts(s.file, s.config, s.flags, s.by ?? null);
        const settings = settingsFor(s.file, s.config, s.flags, s.by ?? null);
        const connection = await connectDuckDBAside(s.file, settings.timeZone);
        let counts;
        try {
          expect(hosts().filter((h) => h.tmp === temp), s.name).toHaveLength(1);
          expect(readdirSync(temp).filter((f) => f.startsWith('parity-duckdb-')), s.name).toHaveLength(1);
          ({ counts } = await countFromEngine(connection, { query: fileQuery(s.file) }, settings));
        } finally {
          await connection.close();
        }
        expect(withoutNotes(asJudged(counts, settings)), s.name).toEqual(withoutNotes(reference));
        expect(hosts().filter((h) => h.tmp === temp), s.name).toEqual([]);
        expect(readdirSync(temp), s.name).toEqual([]);
      });
    }
  });

  test("DuckDB's errors arrive as parity's (class, message, where, hint, DuckDB's reason), and the connection answers on", async () => {
    const connection = await connectDuckDBAside('fixtures/demo.csv', 'UTC');
    try {
      const error = await connection.countSeries('SELECT * FROM parity_no_such_table', () => undefined).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DuckDBError);
      expect((error as DuckDBError).message).toMatch(/^DuckDB: Catalog Error: Table with name parity_no_such_table does not exist!/);
      expect((error as DuckDBError).location).toEqual({ file: 'fixtures/demo.csv' });
      expect((error as DuckDBError).hint).toBe('check the file and the columns mapping');
      expect((error as DuckDBError).reason).toBeNull();
      const sample = await connection.sample({ query: fileQuery('fixtures/demo.csv') }, 2);
      expect(sample.header.slice(0, 3)).toEqual(['ticket_id', 'customer_id', 'channel']);
      expect(sample.rows).toHaveLength(2);
    } finally {
      await connection.close();
    }
  });

  test("DuckDB's process killed mid-query: the query fails with parity's error naming --duckdb-memory, and the spill folder goes at close", async () => {
    await inTemp(async (temp) => {
      const connection = await connectDuckDBAside('slow', 'UTC', '256MB');
      const [host] = hosts().filter((h) => h.tmp === temp);
      expect(host).toBeDefined();
      // a grouping of 2·10^9 rows: seconds of DuckDB's time, killed after 300 ms
      const slow = SLOW_COUNT;
      setTimeout(() => process.kill(host!.pid, 'SIGKILL'), 300);
      const error = await connection.countSeries(slow, () => undefined).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ParityError);
      expect((error as ParityError).message).toBe("DuckDB's process was stopped by SIGKILL before it answered");
      // the files DuckDB was reading (the connection's label), as every input error names its file
      expect((error as ParityError).location).toEqual({ file: 'slow' });
      expect((error as ParityError).hint).toBe('the system stops a process that takes more memory than there is: give DuckDB less working memory than 256MB (--duckdb-memory) so that it spills to disk sooner, or free memory');
      // asked again: the same error at once
      await expect(connection.sample({ query: 'SELECT 1' }, 1)).rejects.toThrow("DuckDB's process was stopped by SIGKILL before it answered");
      await connection.close();
      expect(readdirSync(temp)).toEqual([]);
    });
    // SIGTERM to DuckDB's process alone (not to parity's, whose handler would end the run): the
    // error comes a moment later, with the hint to run again
    await inTemp(async (temp) => {
      const connection = await connectDuckDBAside('slow', 'UTC', '256MB');
      const [host] = hosts().filter((h) => h.tmp === temp);
      const slow = SLOW_COUNT;
      setTimeout(() => process.kill(host!.pid, 'SIGTERM'), 300);
      const error = await connection.countSeries(slow, () => undefined).catch((e: unknown) => e);
      expect(error).toMatchObject({ message: "DuckDB's process was stopped by SIGTERM before it answered", hint: "run it again; if it stops again, run it with PARITY_WORKERS=never (DuckDB in parity's process) to see DuckDB's own error" });
      await connection.close();
      expect(readdirSync(temp)).toEqual([]);
    });
  });

  test("parity's process killed (no handler of its own runs): DuckDB's process ends and removes the spill folder itself", async () => {
    const temp = mkdtempSync(join(tmpdir(), 'parity-duck-aside-'));
    const slow = SLOW_COUNT;
    // parity's side in a process of its own (tsc's output of the module), counting until killed
    const script = `import('${join(ROOT, 'dist', 'read', 'engines', 'duckdbProcess.js')}').then(async ({ connectDuckDBAside }) => { const c = await connectDuckDBAside('slow', 'UTC', '256MB'); process.stdout.write('open\\n'); await c.countSeries(${JSON.stringify(slow)}, () => undefined); })`;
    const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TMPDIR: temp } });
    await new Promise<void>((ready) => parent.stdout.on('data', () => ready()));
    expect(readdirSync(temp).filter((f) => f.startsWith('parity-duckdb-'))).toHaveLength(1);
    expect(runningWith(temp, 'duckdbHost.bundle.js')).toHaveLength(1);
    const running = () => runningWith(temp, 'duckdbHost.bundle.js');
    parent.kill('SIGKILL');
    for (let k = 0; k < 50 && (running().length || readdirSync(temp).length); k++) await new Promise((done) => setTimeout(done, 100));
    expect(running()).toEqual([]);
    expect(readdirSync(temp)).toEqual([]);
  });

  test('the launcher killed (SIGKILL: no handler runs): the run it started, DuckDB\'s process and the spill folder go with it', async () => {
    const data = mkdtempSync(join(tmpdir(), 'parity-duck-data-'));
    const temp = mkdtempSync(join(tmpdir(), 'parity-duck-spill-'));
    const file = bigExport(data);
    // every process of this run carries TMPDIR=temp: the launcher, parity's run, DuckDB's process
    const ours = () => runningWith(temp);
    const launcher = spawn(process.execPath, [BIN, 'audit', file, '--engine', 'duckdb', '--format', 'json', '-o', join(data, 'out.json')], { stdio: 'ignore', env: { ...process.env, TMPDIR: temp } });
    // the spill folder is made just before DuckDB's process is started: wait for all three, DuckDB's
    // by name (a count of 3 alone once stopped the wait early on a short-lived process, CI flake)
    const host = () => runningWith(temp, 'duckdbHost.bundle.js');
    for (let k = 0; k < 400 && (ours().length < 3 || host().length < 1); k++) await new Promise((done) => setTimeout(done, 25));
    expect(host()).toHaveLength(1);
    expect(ours().length).toBeGreaterThanOrEqual(3);
    launcher.kill('SIGKILL');
    // within 1.5 s (the run itself would go on for seconds more: 600,000 rows through DuckDB)
    for (let k = 0; k < 15 && (ours().length || readdirSync(temp).length); k++) await new Promise((done) => setTimeout(done, 100));
    expect(ours()).toEqual([]);
    expect(readdirSync(temp)).toEqual([]);
  });

  test("a host that cannot even load: DuckDB in parity's process instead, same counts; NODE_OPTIONS does not reach DuckDB's process", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-duck-host-'));
    const broken = join(dir, 'broken.mjs');
    writeFileSync(broken, "throw new Error('cannot load');\n");
    const reference = await referenceCounts('fixtures/demo.csv');
    const fallback = await connectDuckDBAside('fixtures/demo.csv', 'UTC', '1GB', broken);
    try {
      const { counts } = await countFromEngine(fallback, { query: fileQuery('fixtures/demo.csv') }, settingsFor('fixtures/demo.csv'));
      expect(withoutNotes(counts)).toEqual(withoutNotes(reference));
    } finally {
      await fallback.close();
    }
    // a --require hook in NODE_OPTIONS would write its mark in each process it runs in
    const mark = join(dir, 'mark');
    const hook = join(dir, 'hook.cjs');
    writeFileSync(hook, `require('node:fs').appendFileSync(${JSON.stringify(mark)}, 'ran\\n');\n`);
    const before = process.env['NODE_OPTIONS'];
    process.env['NODE_OPTIONS'] = `--require ${hook}`;
    try {
      const connection = await connectDuckDBAside('fixtures/demo.csv', 'UTC');
      expect((await connection.sample({ query: fileQuery('fixtures/demo.csv') }, 1)).rows).toHaveLength(1);
      await connection.close();
    } finally {
      if (before === undefined) delete process.env['NODE_OPTIONS'];
      else process.env['NODE_OPTIONS'] = before;
    }
    expect(readdirSync(dir).sort()).toEqual(['broken.mjs', 'hook.cjs']);
  });

  test('without a built host DuckDB runs in parity\'s process, with the same counts; PARITY_WORKERS=never asks for that and the report is the same', async () => {
    const reference = await referenceCounts('fixtures/demo.csv');
    const settings = settingsFor('fixtures/demo.csv');
    const before = hosts().length;
    const connection = await connectDuckDBAside('fixtures/demo.csv', 'UTC', '1GB', null);
    try {
      expect(hosts()).toHaveLength(before);
      const { counts } = await countFromEngine(connection, { query: fileQuery('fixtures/demo.csv') }, settings);
      expect(withoutNotes(counts)).toEqual(withoutNotes(reference));
    } finally {
      await connection.close();
    }
    const aside = await runParity(['audit', 'fixtures/engines/demo.parquet', '--format', 'json']);
    const inside = await runParity(['audit', 'fixtures/engines/demo.parquet', '--format', 'json'], { env: { PARITY_WORKERS: 'never' } });
    expect(aside.code).toBe(0);
    expect(inside.code).toBe(0);
    const report = (out: string) => {
      const r = JSON.parse(out);
      delete r.generatedAt;
      return r;
    };
    expect(report(aside.stdout)).toEqual(report(inside.stdout));
    expect(JSON.parse(aside.stdout).input.rowsRead).toBe(3050);
  });
});
