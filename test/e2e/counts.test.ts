// `parity counts` and `parity sql` as a user runs them (the built binary).
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, runParity } from '../helpers/exec.js';
import { readCountsFile } from '../../src/read/countsFile.js';
import { countRows } from '../../src/measure/counts.js';
import { Readable } from 'node:stream';
import type { Report } from '../../src/report.js';
import { comparable } from '../helpers/exactness.js';

describe('parity counts', () => {
  test('a table without a usable ticket is written (exit 0), and stderr says why there is none and what an audit of it would do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-empty-'));
    // three rows: a creation time that is no date, one missing, one not a time either
    writeFileSync(join(dir, 'bad.csv'), 'ticket_id,channel,created_at\nT1,Phone,notadate\nT2,Email,\nT3,Chat,yesterday\n');
    const bad = await runParity(['counts', 'bad.csv'], { cwd: dir });
    expect(bad.code).toBe(0);
    expect(bad.stdout).toContain('meta,tickets,,,,,0,0');
    expect(bad.stdout).toContain('meta,rejected,bad-created,,,,2,0');
    expect(bad.stderr).toContain('the count table holds no ticket: all 3 rows read were rejected (bad-created ×2, missing-created ×1); an audit of it would stop with "no usable tickets" — run `parity inspect` on the export to check the mapping');
    expect((await runParity(['counts', 'bad.csv', '--quiet'], { cwd: dir })).stderr).toBe('');
    writeFileSync(join(dir, 'header.csv'), 'ticket_id,channel,created_at\n');
    const none = await runParity(['counts', 'header.csv'], { cwd: dir });
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('the count table holds no ticket: the source has no rows');
    // every row outside the period: the period is what to check (demo.csv is July–October 2026)
    const late = await runParity(['counts', fixture('demo.csv'), '--since', '2030-01-01']);
    expect(late.code).toBe(0);
    expect(late.stderr).toContain('the count table holds no ticket: all 3,050 rows read were rejected (outside-period ×3,050); an audit of it would stop with "no usable tickets" — check --since and --until (or the config\'s since/until) against the export\'s dates');
    // a table with tickets says nothing of the kind
    expect((await runParity(['counts', fixture('demo.csv')])).stderr).not.toContain('holds no ticket');
  });

  test('fixtures/small.csv: header facts worked out from the file', async () => {
    const r = await runParity(['counts', fixture('small.csv')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('dimension,group,category,priority,metric,seconds,ended,waiting');
    // 11 rows, 11 tickets; as-of = the latest timestamp: P4 resolved 2026-10-04T09:00Z
    // = P1's creation (2026-10-01T09:00Z = 1790845200) + 3 days = 1791104400
    expect(lines).toContain('meta,rows,,,,,11,0');
    expect(lines).toContain('meta,tickets,,,,,11,0');
    expect(lines).toContain('meta,asOf,,,,1791104400,0,0');
    // Phone ×3 (P1, P4, P5), Carrier pigeon → other
    expect(lines).toContain('rawChannel,Phone,phone,,,,3,0');
    expect(lines).toContain('rawChannel,Carrier pigeon,other,,,,1,0');
    // P5 (phone, Billing/normal) created 2026-10-01T09:00Z, never answered: waits 3 days = 259200 s
    expect(lines).toContain('bandChannel,unknown / phone,Billing,normal,firstResponse,259200,0,1'); // no follower counts: band unknown
    // P1 answered after 1 h, P2 after 2 h (both phone, Billing/normal)
    expect(lines).toContain('bandChannel,unknown / phone,Billing,normal,firstResponse,3600,1,0');
    expect(lines).toContain('bandChannel,unknown / phone,Billing,normal,firstResponse,7200,1,0');
    expect(lines.filter((l) => l.startsWith('channel,'))).toEqual([]); // a channel is the sum of its bands
  });

  test('the Parquet fixture gives the CSV\'s count table (DuckDB)', async () => {
    const [parquet, csv] = await Promise.all([runParity(['counts', fixture('engines', 'demo.parquet')]), runParity(['counts', fixture('demo.csv')])]);
    expect(parquet.code).toBe(0);
    const withoutNotes = (text: string) => text.split('\n').filter((l) => !l.startsWith('meta,note,')).join('\n');
    expect(withoutNotes(parquet.stdout)).toBe(withoutNotes(csv.stdout));
    expect(parquet.stdout).toContain('meta,note,"loudness cues computed in the database: public posts, repeat contacts');
    // loud vs quiet and channel jumps travel too: the same rows as the CSV's in-process table
    expect(parquet.stdout).toMatch(/^loud,loud \/ social,/m);
    expect(parquet.stdout).toMatch(/^jumpOrigin,/m);
  });

  test('NDJSON, and the file reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-'));
    const r = await runParity(['counts', fixture('small.csv'), '--format', 'ndjson', '--by', 'category']);
    expect(r.code).toBe(0);
    writeFileSync(join(dir, 'counts.ndjson'), r.stdout);
    const csv = await runParity(['counts', fixture('small.csv'), '--by', 'category']);
    writeFileSync(join(dir, 'counts.csv'), csv.stdout);
    const fromNdjson = await readCountsFile(join(dir, 'counts.ndjson'), Readable.from([]));
    const fromCsv = await readCountsFile(join(dir, 'counts.csv'), Readable.from([]));
    expect(fromNdjson).toEqual(fromCsv);
    expect(fromCsv.header.by).toBe('category');
    expect(fromCsv.header.tickets).toBe(11);
    // by category: Billing has P1, P2, P5, E1, S1, S2
    const billing = [...countRows(fromCsv)].filter((row) => row.dimension === 'by' && row.group === 'Billing' && row.metric === 'firstResponse');
    expect(billing.reduce((a, row) => a + row.ended + row.waiting, 0)).toBe(6);
  });

  test('a count table with a bad cell is refused with its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'dimension,group,category,priority,metric,seconds,ended,waiting\nmeta,tickets,,,,,1,0\nmeta,asOf,,,,100,0,0\nchannel,phone,,,firstResponse,ten,1,0\n');
    // the message says what is wrong; its location names the file, line and column (printed `bad.csv:4: seconds: "ten" is not a number`)
    await expect(readCountsFile(file, Readable.from([]))).rejects.toMatchObject({ message: '"ten" is not a number', location: { file, line: 4, column: 'seconds' } });
    writeFileSync(file, 'dimension,group\nmeta,tickets\n');
    await expect(readCountsFile(file, Readable.from([]))).rejects.toThrow(/not a count table: no category/);
  });

  // (the process's open files, as Linux lists them: where CI runs)
  test.runIf(existsSync('/proc/self/fd'))('a file that is not a count table is let go at once, not left open for the collector to close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-'));
    const file = join(dir, 'tickets.csv');
    writeFileSync(file, 'ticket_id,channel,created_at\nT1,phone,2026-10-01T09:00:00Z\n');
    const openFiles = (): string[] => readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        return [readlinkSync(`/proc/self/fd/${fd}`)];
      } catch {
        return []; // (the listing's own descriptor, gone by now)
      }
    });
    await expect(readCountsFile(file, Readable.from([]))).rejects.toThrow(/not a count table: no dimension, group, category/);
    expect(openFiles()).not.toContain(file);
  });

  test('usage errors exit 2', async () => {
    const both = await runParity(['counts', fixture('small.csv'), '--db', 'postgresql://localhost/x', '--table', 't']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give either files or --db, not both');
    const scheme = await runParity(['counts', '--db', 'mysql://localhost/x', '--table', 't']);
    expect(scheme.code).toBe(2);
    expect(scheme.stderr).toContain('is not a database URL parity can read');
    const noTable = await runParity(['counts', '--db', 'postgresql://localhost/x']);
    expect(noTable.code).toBe(2);
    expect(noTable.stderr).toContain('exactly one of --table <name> or --query <sql>');
    const by = await runParity(['counts', fixture('small.csv'), '--by', 'colour']);
    expect(by.code).toBe(2);
  });

  test('an unreachable database is an input error naming the URL without its password', async () => {
    const r = await runParity(['counts', '--db', 'postgresql://someone:secret@127.0.0.1:1/x', '--table', 't']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot connect to Postgres');
    expect(r.stderr).not.toContain('secret');
  });
});

describe('parity audit --counts: what acts on rows is refused, the table is protected', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-counts-in-'));
  const table = join(dir, 'small.counts.csv');

  test('-o naming the count table itself exits 2 and leaves it as it was', async () => {
    expect((await runParity(['counts', fixture('small.csv'), '-o', table])).code).toBe(0);
    const before = readFileSync(table, 'utf8');
    for (const command of [['audit', '--counts', table, '--format', 'json', '-o', table], ['check', '--counts', table, '--format', 'junit', '-o', table]]) {
      const r = await runParity(command);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('same file');
      expect(readFileSync(table, 'utf8')).toBe(before);
    }
  });

  test('--since, --until, --as-of, --strict and --rejects with --counts exit 2 saying why; a config\'s as-of is noted as not applied', async () => {
    expect((await runParity(['counts', fixture('small.csv'), '-o', table])).code).toBe(0);
    for (const [flag, value] of [['--since', '2026-10-02'], ['--until', '2026-10-02'], ['--as-of', '2026-10-05']] as const) {
      const r = await runParity(['audit', '--counts', table, flag, value]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${flag} cannot be applied to a count table`);
    }
    expect((await runParity(['audit', '--counts', table, '--strict'])).code).toBe(2);
    // options that read an export's rows: the table's rows were read when it was made
    for (const args of [['--duplicates', 'last'], ['--decimal', ','], ['--input-format', 'zendesk'], ['--sheet', '2']]) {
      const r = await runParity(['audit', '--counts', table, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${args[0]} reads rows in-process; a count table's rows were read when it was made`);
    }
    const rejects = join(dir, 'rejects.csv');
    expect((await runParity(['audit', '--counts', table, '--rejects', rejects])).code).toBe(2);
    expect(existsSync(rejects)).toBe(false);
    writeFileSync(join(dir, 'parity.config.json'), JSON.stringify({ asOf: '2026-10-05T00:00:00Z' }));
    const r = await runParity(['audit', '--counts', table, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.input.notes).toContain("as-of in the config is not applied: a count table's period and as-of time were fixed when it was made");
    // a config's duplicates rule (the flag exits 2 above) is said not to apply either
    writeFileSync(join(dir, 'parity.config.json'), JSON.stringify({ duplicates: 'last' }));
    const dup = JSON.parse((await runParity(['audit', '--counts', table, '--format', 'json'], { cwd: dir })).stdout) as Report;
    expect(dup.input.notes).toContain('duplicates "last" in the config is not applied: a count table\'s rows (and which of a repeated id was kept) were read when it was made');
    writeFileSync(join(dir, 'parity.config.json'), JSON.stringify({ asOf: '2026-10-05T00:00:00Z' }));
    // the table's own as-of (the latest timestamp of small.csv, 2026-10-04T09:00Z) stays
    expect(report.period.asOf).toBe('2026-10-04T09:00:00.000Z');
  });
});

describe('a config grouping by a plain column, audited from a count table (found by an attack)', () => {
  test('with a by(...) gate: exit 2 saying the count table cannot group by that column, not that no --by is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-by-'));
    const table = join(dir, 'small.counts.csv');
    expect((await runParity(['counts', fixture('small.csv'), '-o', table])).code).toBe(0);
    writeFileSync(join(dir, 'by-agent.json'), JSON.stringify({ by: { field: 'agent' }, gates: ['by(ann,bob).firstResponse.median > 2'] }));
    const r = await runParity(['audit', '--counts', table, '-c', join(dir, 'by-agent.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('by agent in the config cannot be applied to a count table (--counts, Parquet, --engine, --db), which has by groups for group, category, priority, status only, and the gate by(ann,bob).firstResponse.median > 2 reads its groups');
    expect(r.stderr).not.toContain('no --by field is given');
  });
});

describe('a count table in business hours audited with a calendar configuration', () => {
  test('leaves SLA attainment out with a note (calendar targets against business durations), as the mirror case does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-clock-'));
    writeFileSync(join(dir, 'business.json'), JSON.stringify({ clock: 'business', businessHours: { timeZone: 'UTC', open: ['Mon-Fri 09:00-17:00'] } }));
    writeFileSync(join(dir, 'calendar-sla.json'), JSON.stringify({ sla: { firstResponse: { default: '1h' } } }));
    const table = join(dir, 'business.counts.csv');
    expect((await runParity(['counts', fixture('engines', 'business.csv'), '-c', join(dir, 'business.json'), '-o', table])).code).toBe(0);
    expect(readFileSync(table, 'utf8')).toContain('meta,clock,business');
    const r = await runParity(['audit', '--counts', table, '-c', join(dir, 'calendar-sla.json'), '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.settings.clock).toBe('business');
    expect(report.channels.every((c) => c.sla === null)).toBe(true);
    expect(report.input.notes.some((n) => n.startsWith('SLA attainment is not computed: its targets are in calendar time'))).toBe(true);
  });
});

describe('parity sql', () => {
  test('prints the query for a dialect with the mapped columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-sql-'));
    writeFileSync(join(dir, 'parity.config.json'), JSON.stringify({ clock: 'business', businessHours: { timeZone: 'UTC', open: ['Mon-Fri 09:00-17:00'] }, columns: { ticketId: 'id', channel: 'via', createdAt: 'created', firstResponseTime: { column: 'first_reply_time_business_minutes', unit: 'minutes' } } }));
    const r = await runParity(['sql', '--dialect', 'snowflake', '--table', 'support.tickets', '--since', '2026-10-01'], { cwd: dir });
    expect(r.code).toBe(0);
    // Snowflake matches a name that could be unquoted upper-cased, as Snowflake itself does
    expect(r.stdout).toContain('FROM "SUPPORT"."TICKETS"');
    expect(r.stdout).toContain(`(NULLIF(CAST("FIRST_REPLY_TIME_BUSINESS_MINUTES" AS DOUBLE), CAST('NaN' AS DOUBLE)) * 60) AS fr_s`);
    // a business clock and its waiting ages are written into the query's result
    expect(r.stdout).toContain(`CAST('clock' AS VARCHAR) AS "GROUP", CAST('business' AS VARCHAR) AS "CATEGORY"`);
    expect(r.stdout).toContain(`CAST('waitingClock' AS VARCHAR) AS "GROUP", CAST('calendar' AS VARCHAR) AS "CATEGORY"`);
    // without a unit in the config, the header's (minutes) as in-process, not seconds
    writeFileSync(join(dir, 'parity.config.json'), JSON.stringify({ clock: 'business', businessHours: { timeZone: 'UTC', open: ['Mon-Fri 09:00-17:00'] }, columns: { ticketId: 'id', channel: 'via', createdAt: 'created', firstResponseTime: 'first_reply_time_business_minutes' } }));
    const headerUnit = await runParity(['sql', '--dialect', 'snowflake', '--table', 'support.tickets'], { cwd: dir });
    expect(headerUnit.stdout).toContain(`(NULLIF(CAST("FIRST_REPLY_TIME_BUSINESS_MINUTES" AS DOUBLE), CAST('NaN' AS DOUBLE)) * 60) AS fr_s`);
    // --since 2026-10-01 = 1790812800
    expect(r.stdout).toContain("WHEN created_s < 1790812800 THEN 'outside-period'");
  });

  // The tag separators' pattern holds a vertical tab, a form feed, U+2028…: written raw, the
  // output guard printed them as visible escapes and the query on standard output was not the
  // one parity runs (DuckDB: "invalid escape sequence: \u").
  test('the query printed on standard output is byte for byte the one written with -o, with nothing unprintable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-sql-'));
    writeFileSync(join(dir, 'parity.config.json'), JSON.stringify({ columns: { ticketId: 'id', channel: 'via', createdAt: 'created', tags: 'tags', subject: 'subject' } }));
    for (const d of ['duckdb', 'postgres', 'clickhouse', 'bigquery', 'snowflake', 'databricks']) {
      const printed = await runParity(['sql', '--dialect', d, '--table', 't'], { cwd: dir });
      expect(printed.code).toBe(0);
      expect(await runParity(['sql', '--dialect', d, '--table', 't', '-o', `${d}.sql`], { cwd: dir })).toMatchObject({ code: 0 });
      expect(printed.stdout).toBe(readFileSync(join(dir, `${d}.sql`), 'utf8'));
      expect(printed.stdout).not.toMatch(/[\u000b\u000c\u2028\u2029]/);
      expect(printed.stdout).toContain(' vip ');
    }
  });

  test('a column name with a control character (an Excel header with a line break) is written with -o, refused on standard output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-sql-'));
    writeFileSync(join(dir, 'parity.config.json'), JSON.stringify({ columns: { ticketId: 'id', channel: 'via', createdAt: 'created', firstResponseAt: 'First reply\r\ntime' } }));
    const printed = await runParity(['sql', '--dialect', 'duckdb', '--table', 't'], { cwd: dir });
    expect(printed.code).toBe(2);
    expect(printed.stderr).toContain('standard output cannot show as it is');
    expect(printed.stderr).toContain('-o query.sql');
    expect((await runParity(['sql', '--dialect', 'duckdb', '--table', 't', '-o', 'q.sql'], { cwd: dir })).code).toBe(0);
    // the name as it is: the layout's indentation does not reach inside the quotes
    expect(readFileSync(join(dir, 'q.sql'), 'utf8')).toContain('"First reply\r\ntime"');
  });

  test('the printed query reads times without an offset in --tz: the session statement above it, run in DuckDB, gives the file audit\'s durations (found by an independent attack)', async () => {
    // New York, 1 November 2026 (clocks back 02:00 EDT → 01:00 EST at 06:00 UTC). By hand:
    // T1 is created 31 October 22:00 EDT, before --since 2026-11-01 (04:00 UTC); T2 created
    // 00:30 EDT (04:30 UTC), answered 02:30 EST (07:30 UTC): 3h = 10,800 s; T3 10:00 → 10:30
    // EST: 1,800 s. In the session's zone (UTC) T2 had been left out (00:30 < 04:00) and T3's
    // 30 minutes were the only duration.
    const dir = mkdtempSync(join(tmpdir(), 'parity-sql-tz-'));
    writeFileSync(
      join(dir, 'ny.csv'),
      ['ticket_id,channel,created_at,first_response_at', 'T1,phone,2026-10-31 22:00:00,2026-10-31 23:00:00', 'T2,phone,2026-11-01 00:30:00,2026-11-01 02:30:00', 'T3,email,2026-11-01 10:00:00,2026-11-01 10:30:00'].join('\n') + '\n',
    );
    writeFileSync(join(dir, 'parity.config.json'), JSON.stringify({ columns: { ticketId: 'ticket_id', channel: 'channel', createdAt: 'created_at', firstResponseAt: 'first_response_at' } }));
    const printed = await runParity(['sql', '--dialect', 'duckdb', '--table', 't', '--tz', 'America/New_York', '--since', '2026-11-01'], { cwd: dir });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain("SET TimeZone = 'America/New_York';\n");
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run("SET TimeZone = 'UTC'"); // a session in another zone, whatever this machine's
      await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${join(dir, 'ny.csv').replace(/'/g, "''")}', types = {'created_at': 'TIMESTAMP', 'first_response_at': 'TIMESTAMP'})`);
      const result = await connection.runAndReadAll(printed.stdout);
      const rows = result.getRowObjectsJS() as Array<Record<string, unknown>>;
      const durations = rows
        .filter((r) => r.dimension === 'bandChannel' && r.metric === 'firstResponse')
        .map((r) => [String(r.group), Number(r.seconds), Number(r.ended)])
        .sort();
      expect(durations).toEqual([
        ['unknown / email', 1800, 1],
        ['unknown / phone', 10800, 1],
      ]);
    } finally {
      connection.closeSync();
    }
  });

  test('an unknown dialect or no table exits 2', async () => {
    const oracle = await runParity(['sql', '--dialect', 'oracle', '--table', 't']);
    expect(oracle.code).toBe(2);
    // (it had read '--dialect "oracle" is required: one of …', as if none had been given)
    expect(oracle.stderr).toContain('--dialect "oracle" is not a dialect parity writes: use one of duckdb, postgres, clickhouse, bigquery, snowflake, databricks');
    expect((await runParity(['sql', '--dialect', 'bigquery'])).code).toBe(2);
    expect((await runParity(['sql', '--table', 't'])).code).toBe(2);
  });
});

describe('a count table CSV opened in a spreadsheet', () => {
  test('category and group names that start like formulas are neutralised, and --counts reads them back as they were', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-formula-'));
    const rows = ['ticket_id,channel,created_at,first_response_at,category,priority'];
    const categories = ['=HYPERLINK("http://x","y")', "'=quoted", '@SUM(A1)', 'Billing'];
    let k = 0;
    for (const category of categories) {
      for (const channel of ['phone', 'social']) {
        for (let i = 0; i < 3; i++) rows.push(`T${k++},${channel},2026-10-01T09:00:00Z,2026-10-01T1${i}:00:00Z,"${category.replace(/"/g, '""')}",normal`);
      }
    }
    const path = join(dir, 'formulas.csv');
    writeFileSync(path, `${rows.join('\n')}\n`);
    const counts = await runParity(['counts', path]);
    expect(counts.code).toBe(0);
    const lines = counts.stdout.split('\n');
    // every data cell starting with = or @ (after the CSV quoting) carries the apostrophe
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""http://x"",""y"")"`))).toBe(true);
    expect(lines.some((l) => l.includes(",''=quoted,"))).toBe(true);
    expect(lines.some((l) => l.includes(",'@SUM(A1),"))).toBe(true);
    expect(lines.some((l) => /(^|,)[=@]/.test(l))).toBe(false);
    writeFileSync(join(dir, 'counts.csv'), counts.stdout);
    const table = await readCountsFile(join(dir, 'counts.csv'), Readable.from([]));
    const read = new Set([...countRows(table)].map((r) => r.category).filter((c) => c !== null));
    for (const category of categories) expect(read.has(category), category).toBe(true);
    // the first row says so; a table exported from an engine has no such row and is read as it is
    expect(lines[1]).toBe('meta,csv,formula-like cells start with an added apostrophe,,,,0,0');
    writeFileSync(join(dir, 'engine.csv'), [lines[0], ...lines.slice(2)].join('\n'));
    const asExported = await readCountsFile(join(dir, 'engine.csv'), Readable.from([]));
    const exported = new Set([...countRows(asExported)].map((r) => r.category).filter((c) => c !== null));
    expect(exported.has(`'=HYPERLINK("http://x","y")`)).toBe(true);
    expect(exported.has("''=quoted")).toBe(true);
    const [fromCounts, fromFile] = await Promise.all([
      runParity(['audit', '--counts', join(dir, 'counts.csv'), '--format', 'json']),
      runParity(['audit', path, '--format', 'json']),
    ]);
    const cells = (r: Report) => r.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median]);
    expect(cells(JSON.parse(fromCounts.stdout))).toEqual(cells(JSON.parse(fromFile.stdout)));
  });
});

describe('parity audit from a count table or an engine', () => {
  test('--counts judges what parity counts wrote; Parquet (DuckDB) gives the same audit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-'));
    const counts = await runParity(['counts', fixture('demo.csv')]);
    writeFileSync(join(dir, 'demo-counts.csv'), counts.stdout);
    const [fromCounts, fromParquet, fromFile] = await Promise.all([
      runParity(['audit', '--counts', join(dir, 'demo-counts.csv'), '--format', 'json']),
      runParity(['audit', fixture('engines', 'demo.parquet'), '--format', 'json']),
      runParity(['audit', fixture('demo.csv'), '--format', 'json']),
    ]);
    expect([fromCounts.code, fromParquet.code, fromFile.code]).toEqual([0, 0, 0]);
    const [a, b, file] = [JSON.parse(fromCounts.stdout), JSON.parse(fromParquet.stdout), JSON.parse(fromFile.stdout)] as Report[];
    expect(a!.input.format).toBe('counts');
    expect(b!.input.format).toBe('duckdb');
    expect(comparable(a!)).toEqual(comparable(b!));
    // the channel table is the file's: demo.csv, 3050 tickets
    expect(a!.input.tickets).toBe(3050);
    const medians = (r: Report) => r.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median, c.resolution.median, c.vsReference?.firstResponseRatio]);
    expect(medians(a!)).toEqual(medians(file!));
    // what a count table cannot give is said, never silently absent: here the jump cases ticket by ticket
    expect(a!.input.notes.join('\n')).toMatch(/channel jumps: the longest waits are listed ticket by ticket only when the tickets are read in-process/);
    // loud vs quiet and channel jumps come from the count table's journey rows: the file's numbers
    const journeys = (r: Report) =>
      r.findings.filter((f) => f.kind === 'loud-preference' || f.kind === 'channel-jump').map((f) => [f.kind, f.subject, f.count ?? null, f.effect, f.pValue, f.n ?? null]);
    expect(journeys(a!)).toEqual(journeys(file!));
    expect(journeys(a!).length).toBeGreaterThan(1);
  });

  test('gates run on a count table: check exits 1 when one fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-'));
    writeFileSync(join(dir, 'c.csv'), (await runParity(['counts', fixture('demo.csv')])).stdout);
    // demo.csv: phone's median first response (3h 43m) is 7.3× social's (30m 26s)
    const r = await runParity(['check', '--counts', join(dir, 'c.csv'), '--fail-on', 'ratio(phone,social).firstResponse.median > 3']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('parity check failed');
  });

  test('--by from a count table made with it: the by section is the file audit\'s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-'));
    writeFileSync(join(dir, 'c.csv'), (await runParity(['counts', fixture('demo.csv'), '--by', 'category'])).stdout);
    const r = await runParity(['audit', '--counts', join(dir, 'c.csv'), '--by', 'category', '--format', 'json']);
    const f = await runParity(['audit', fixture('demo.csv'), '--by', 'category', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(f.code).toBe(0);
    const counted = JSON.parse(r.stdout) as Report;
    const file = JSON.parse(f.stdout) as Report;
    // numbers, not verdicts: the file's Holm family also holds the per-ticket findings
    const numbers = (x: Report) =>
      x.by?.groups.map((g) => [g.value, g.tickets, g.firstResponse.median, g.resolution.median, g.vsReference?.firstResponseRatio, g.vsReference?.pValue]);
    expect(counted.by?.field).toBe('category');
    expect(counted.by?.reference).toBe(file.by?.reference);
    expect(numbers(counted)).toEqual(numbers(file));
    expect(counted.by!.groups.length).toBeGreaterThan(1);
    expect(counted.findings.some((x) => x.kind === 'group-preference')).toBe(true);
  });

  test('--by with a count table made without it is refused with how to make one, not left out silently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-'));
    writeFileSync(join(dir, 'c.csv'), (await runParity(['counts', fixture('demo.csv')])).stdout);
    const r = await runParity(['audit', '--counts', join(dir, 'c.csv'), '--by', 'category']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--by category: the count table was made without by groups');
    expect(r.stderr).toContain('parity counts … --by category');
  });

  test("a config's by naming a column a count table cannot carry does not block its audit: it is not applied, and the report says so", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-'));
    writeFileSync(join(dir, 'c.csv'), (await runParity(['counts', fixture('demo.csv')])).stdout);
    writeFileSync(join(dir, 'by.json'), JSON.stringify({ by: 'team' }));
    const r = await runParity(['audit', '--counts', join(dir, 'c.csv'), '-c', join(dir, 'by.json'), '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.by).toBeUndefined();
    expect(report.input.notes).toContain(
      'by team in the config is not applied: a count table has by groups for group, category, priority, status only (audit the export itself to group by another column)',
    );
    // --by on the command line is refused, naming the fields that work
    const flag = await runParity(['audit', '--counts', join(dir, 'c.csv'), '--by', 'team']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--by team: a count table (--counts, Parquet, --engine, --db) has by groups for group, category, priority, status only');
  });

  test('parity report from Parquet: the trend and the report period are the CSV\'s; from --counts: exit 2 with what to do', async () => {
    const parquet = await runParity(['report', fixture('engines', 'demo.parquet'), '--format', 'json']);
    const csv = await runParity(['report', fixture('demo.csv'), '--format', 'json']);
    expect(parquet.code).toBe(0);
    expect(csv.code).toBe(0);
    const a = JSON.parse(parquet.stdout) as Report;
    const b = JSON.parse(csv.stdout) as Report;
    expect(a.input.format).toBe('duckdb');
    // demo.csv: September 2026 (October is not complete at the as-of), after July and August
    expect(a.reportPeriod).toEqual(b.reportPeriod);
    expect(a.reportPeriod?.label).toBe('2026-09');
    expect(a.periods).toEqual(b.periods);
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-'));
    writeFileSync(join(dir, 'c.csv'), (await runParity(['counts', fixture('demo.csv')])).stdout);
    const counts = await runParity(['report', '--counts', join(dir, 'c.csv')]);
    expect(counts.code).toBe(2);
    expect(counts.stderr).toContain('a count table (--counts) cannot be cut into periods');
    expect(counts.stderr).toContain('parity audit --counts');
  });

  test('no input at all is still a usage error', async () => {
    const r = await runParity(['audit', '--no-config']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'file'");
  });
});

describe('a count table read back: whole, within bounds, in the clock it was made with', () => {
  test('a table cut short is exit 2 naming the file, not a PASS: cut after its header rows, or before its phone rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-'));
    const lines = (await runParity(['counts', fixture('small.csv')])).stdout.split('\n');
    const head = join(dir, 'head.csv');
    writeFileSync(head, `${lines.slice(0, lines.findIndex((l) => l.startsWith('bandChannel,'))).join('\n')}\n`);
    const check = await runParity(['check', '--counts', head, '--fail-on', 'findings.significant > 0']);
    expect(check.code).toBe(2);
    expect(check.stdout).not.toContain('PASS');
    // small.csv: 11 tickets
    expect(check.stderr).toContain(`parity: ${head}: the count table is not whole: its "meta,tickets" row says 11 tickets, but its bandChannel rows of metric tickets hold 0`);
    expect(check.stderr).toContain('write it again with `parity counts`');
    // the band × channel rows come in order (social, email, other, phone): cut before phone's,
    // S1, S2, E1, E2, E3 and O1 are left, 6 of the 11 tickets
    const half = join(dir, 'half.csv');
    writeFileSync(half, `${lines.slice(0, lines.findIndex((l) => l.startsWith('bandChannel,unknown / phone,'))).join('\n')}\n`);
    const audit = await runParity(['audit', '--counts', half]);
    expect(audit.code).toBe(2);
    expect(audit.stdout).toBe('');
    expect(audit.stderr).toContain(`parity: ${half}: the count table is not whole: its "meta,tickets" row says 11 tickets, but its bandChannel rows of metric tickets hold 6`);
  });

  test('a count of 1e300 is an input error at its file and line, not an internal error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-'));
    const lines = (await runParity(['counts', fixture('small.csv')])).stdout.split('\n');
    const at = lines.indexOf('bandChannel,unknown / other,Other,low,firstResponse,3600,1,0'); // O1, answered after 1 h
    lines[at] = 'bandChannel,unknown / other,Other,low,firstResponse,3600,1e300,0';
    const file = join(dir, 'huge.csv');
    writeFileSync(file, lines.join('\n'));
    const r = await runParity(['audit', '--counts', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`parity: ${file}:${at + 1}: ended 1e+300 is above 9007199254740991 (2^53 − 1)`);
    expect(r.stderr).not.toContain('internal error');
  });

  test('a table made on the business clock is audited as business hours, without the config; one without a clock row as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-'));
    // Mon–Fri 09:00–17:00 UTC. T1 (phone): Fri 2026-10-02 16:00 → Mon 10:00 = 1 h + 1 h = 7200 s of business hours
    // (237600 s, 66 h, on the calendar); T2 (email): Mon 09:00 → 12:00 = 10800 s on both clocks
    writeFileSync(join(dir, 'biz.csv'), 'ticket_id,channel,created_at,first_response_at\nT1,phone,2026-10-02T16:00:00Z,2026-10-05T10:00:00Z\nT2,email,2026-10-05T09:00:00Z,2026-10-05T12:00:00Z\n');
    writeFileSync(join(dir, 'biz.json'), JSON.stringify({ clock: 'business', businessHours: { timeZone: 'UTC', open: ['Mon-Fri 09:00-17:00'] } }));
    const made = await runParity(['counts', join(dir, 'biz.csv'), '-c', join(dir, 'biz.json'), '-o', join(dir, 'bz.counts.csv')]);
    expect(made.code).toBe(0);
    const text = readFileSync(join(dir, 'bz.counts.csv'), 'utf8');
    expect(text).toContain('\nmeta,clock,business,,,,0,0\n');
    const medians = (r: Report) => r.channels.map((c) => [c.channel, c.firstResponse.median]);
    const json = await runParity(['audit', '--counts', join(dir, 'bz.counts.csv'), '--format', 'json', '--no-config']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.settings.clock).toBe('business');
    expect(medians(report)).toEqual([['phone', 7200], ['email', 10800]]);
    const table = await runParity(['audit', '--counts', join(dir, 'bz.counts.csv'), '--no-config']);
    expect(table.stdout).toContain('Durations are business-hours time: only open hours count');
    // a table without the row (an older parity's, or the result of `parity sql`'s query) does not say: the audit's clock, calendar by default
    writeFileSync(join(dir, 'noclock.csv'), text.replace('meta,clock,business,,,,0,0\n', ''));
    const older = JSON.parse((await runParity(['audit', '--counts', join(dir, 'noclock.csv'), '--format', 'json', '--no-config'])).stdout) as Report;
    expect(older.settings.clock).toBe('calendar');
    // a calendar table audited with the business config: calendar, and the notes say the config's clock is not applied
    await runParity(['counts', join(dir, 'biz.csv'), '-o', join(dir, 'cal.counts.csv'), '--no-config']);
    const cal = JSON.parse((await runParity(['audit', '--counts', join(dir, 'cal.counts.csv'), '-c', join(dir, 'biz.json'), '--format', 'json'])).stdout) as Report;
    expect(cal.settings.clock).toBe('calendar');
    expect(medians(cal)).toEqual([['phone', 237600], ['email', 10800]]);
    expect(cal.input.notes).toContain('business clock in the config is not applied: the count table was made in calendar time (make it with the business clock for business hours)');
    // DuckDB cannot count business hours without duration columns: calendar time, and the report says so (its footer did not)
    const duck = await runParity(['audit', join(dir, 'biz.csv'), '--engine', 'duckdb', '-c', join(dir, 'biz.json'), '--format', 'json']);
    expect(duck.code).toBe(0);
    const engine = JSON.parse(duck.stdout) as Report;
    expect(engine.settings.clock).toBe('calendar');
    expect(medians(engine)).toEqual([['phone', 237600], ['email', 10800]]);
    expect((await runParity(['counts', join(dir, 'biz.csv'), '--engine', 'duckdb', '-c', join(dir, 'biz.json')])).stdout).toContain('\nmeta,clock,calendar,,,,0,0\n');
  });
});

describe('--engine duckdb over files', () => {
  test('files with other columns are refused (read as one table under the first file\'s mapping), and --duplicates too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-duck-files-'));
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, 'ticket_id,channel,created_at,first_response_at\nA1,phone,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z\n');
    // b has no first_response_at: its tickets would have been read as never answered
    writeFileSync(b, 'ticket_id,channel,created_at\nB1,phone,2026-09-14T11:00:00Z\n');
    const other = await runParity(['audit', a, b, '--engine', 'duckdb']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`--engine duckdb reads the files as one table, but ${b} has other columns than ${a}: no "first_response_at"`);
    const dup = await runParity(['audit', a, '--engine', 'duckdb', '--duplicates', 'last']);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('--duplicates is a rule of parity\'s own reading');
    // the same files in-process: each mapped from its own header
    expect((await runParity(['audit', a, b])).code).toBe(0);
  }, 30_000);
});

describe('a business-clock count table carries its opening hours', () => {
  // one phone ticket, Monday 5 October 2026: created 07:00Z, answered 10:00Z. Open 09:00–17:00 it
  // waited one open hour (09:00–10:00); open 08:00–17:00, two
  const dir = mkdtempSync(join(tmpdir(), 'parity-counts-hours-'));
  writeFileSync(join(dir, 'one.csv'), 'ticket_id,channel,created_at,first_response_at\nP1,phone,2026-10-05T07:00:00Z,2026-10-05T10:00:00Z\n');
  writeFileSync(join(dir, 'nine.json'), JSON.stringify({ clock: 'business', businessHours: { timeZone: 'UTC', open: ['Mon-Fri 09:00-17:00'] } }));
  writeFileSync(join(dir, 'eight.json'), JSON.stringify({ clock: 'business', businessHours: { timeZone: 'UTC', open: ['Mon-Fri 08:00-17:00'] } }));

  test('written as meta,businessHours; the same hours audit it, other hours are refused, none read it in its own', async () => {
    const made = await runParity(['counts', 'one.csv', '-c', 'nine.json', '-o', 'nine.csv'], { cwd: dir });
    expect(made.code).toBe(0);
    expect(readFileSync(join(dir, 'nine.csv'), 'utf8')).toContain('meta,businessHours,"{""timeZone"":""UTC"",""open"":[""Mon-Fri 09:00-17:00""],""holidays"":[]}",,,,0,0');
    const same = await runParity(['audit', '--counts', 'nine.csv', '-c', 'nine.json', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(same.stdout) as Report).channels[0]?.firstResponse.median).toBe(3600);
    // the in-process audit under 08:00–17:00 says 2 h: the table's 1 h must not be read as that
    const other = await runParity(['audit', '--counts', 'nine.csv', '-c', 'eight.json', '--format', 'json'], { cwd: dir });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("nine.csv: the count table's durations are in the business hours it was made with, Mon-Fri 09:00-17:00 (UTC), not in this audit's, Mon-Fri 08:00-17:00 (UTC)");
    expect(JSON.parse((await runParity(['audit', 'one.csv', '-c', 'eight.json', '--format', 'json'], { cwd: dir })).stdout).channels[0].firstResponse.median).toBe(7200);
    // no config: the table's own hours, in the report's settings (a delta gate compares them)
    const none = JSON.parse((await runParity(['audit', '--counts', 'nine.csv', '--no-config', '--format', 'json'], { cwd: dir })).stdout) as Report;
    expect(none.settings).toMatchObject({ clock: 'business', businessHours: { timeZone: 'UTC', open: ['Mon-Fri 09:00-17:00'], holidays: [] } });
    expect(none.channels[0]?.firstResponse.median).toBe(3600);
    expect(none.input.notes).toContain('durations are in the business hours the count table was made with: Mon-Fri 09:00-17:00 (UTC)');
  });

  test('a businessHours row that is not the hours is an error at its line', async () => {
    const made = await runParity(['counts', 'one.csv', '-c', 'nine.json'], { cwd: dir });
    const table = made.stdout.replace(/meta,businessHours,"[^\n]*",,,,0,0/, 'meta,businessHours,nine to five,,,,0,0');
    writeFileSync(join(dir, 'broken.csv'), table);
    const r = await runParity(['audit', '--counts', 'broken.csv', '--no-config'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('businessHours is not {"timeZone": …, "open": […], "holidays": […]}');
  });
});

describe('a business-hours count table audited with a config whose clock is not set', () => {
  test("is measured in the table's hours, and no note says the config's hours are not applied (found by a review)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-clock-'));
    const hours = { timeZone: 'Europe/Berlin', open: ['Mon-Fri 09:00-17:00'] };
    const business = join(dir, 'business.json');
    const unset = join(dir, 'unset.json');
    writeFileSync(business, JSON.stringify({ clock: 'business', businessHours: hours }));
    writeFileSync(unset, JSON.stringify({ businessHours: hours }));
    const table = join(dir, 'counts.csv');
    const made = await runParity(['counts', fixture('small.csv'), '-c', business, '-o', table]);
    expect(made.code).toBe(0);
    const r = await runParity(['audit', '--counts', table, '-c', unset, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { settings: { clock: string }; input: { notes: string[] } };
    expect(report.settings.clock).toBe('business');
    expect(report.input.notes.filter((n) => n.includes('the hours are not applied'))).toEqual([]);
  });
});

describe('a count table cut inside its last row (found by an independent attack: empty counts read as 0)', () => {
  test('is refused naming the row and the empty count, not audited as a smaller table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-cut-'));
    const whole = await runParity(['counts', fixture('small.csv')]);
    expect(whole.code).toBe(0);
    const lines = whole.stdout.trimEnd().split('\n');
    // the last row without its last two cells' digits: `…,<seconds>,` then nothing
    const last = lines[lines.length - 1] as string;
    const cut = last.split(',').slice(0, 6).join(',') + ',';
    writeFileSync(join(dir, 'cut.csv'), `${[...lines.slice(0, -1), cut].join('\n')}\n`);
    const run = await runParity(['audit', '--counts', join(dir, 'cut.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`cut.csv:${lines.length}: ended: no count: every row of a count table has its ended and waiting counts (0 for none)`);
  });
});

describe('a count table written with -o: NDJSON escaped losslessly, CSV exact for reading back (found by an attack)', () => {
  test('an escape sequence, a bidi override and a C1 control from the data: \\u escapes in the NDJSON file, exact in the CSV file, which reads back as the file audit reads the export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-counts-escape-'));
    const input = join(dir, 'hostile.csv');
    writeFileSync(input, 'ticket_id,channel,created_at,category\nA,\u001b[31mRED,2026-10-01T09:00:00Z,a\u202eb\u0085c\nB,phone,2026-10-01T09:00:00Z,x\n');
    const ndjson = join(dir, 'counts.ndjson');
    expect((await runParity(['counts', input, '--no-config', '--format', 'ndjson', '-o', ndjson])).code).toBe(0);
    const bytes = readFileSync(ndjson, 'utf8');
    expect(bytes).toBe((await runParity(['counts', input, '--no-config', '--format', 'ndjson'])).stdout);
    expect(bytes).not.toMatch(/[\u001b\u202e\u0085]/);
    expect(bytes).toContain('"group":"\\u001b[31mRED"');
    // JSON's escapes are lossless: parsed, the row holds the data's own text
    expect(bytes.split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((r) => r.dimension === 'rawChannel' && r.category === 'other').group).toBe('\u001b[31mRED');
    const csv = join(dir, 'counts.csv');
    expect((await runParity(['counts', input, '--no-config', '-o', csv])).code).toBe(0);
    const fromTable = JSON.parse((await runParity(['audit', '--counts', csv, '--no-config', '--format', 'json'])).stdout);
    const fromFile = JSON.parse((await runParity(['audit', input, '--no-config', '--format', 'json'])).stdout);
    expect(fromTable.input.channelValues).toEqual(fromFile.input.channelValues);
    expect(fromTable.input.channelValues.find((v: { channel: string }) => v.channel === 'other').raw).toBe('\u001b[31mRED');
  });
});
