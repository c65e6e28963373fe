// Values at the edges of what parity reads in-process, read the same way by every engine: a CSV
// through DuckDB (every column text), and the same rows as a table in Postgres and in ClickHouse
// (two shards), with the columns a test names held as text, as a table loaded from a CSV holds them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createClient } from '@clickhouse/client';
import { connectDuckDB, fileQuery } from '../../src/read/engines/duckdb.js';
import { connectPostgres } from '../../src/read/engines/postgres.js';
import { connectClickHouse } from '../../src/read/engines/clickhouse.js';
import { countFromEngine } from '../../src/read/engines/count.js';
import type { EngineConnection, SqlSource } from '../../src/read/engines/connection.js';
import type { CountTable } from '../../src/measure/counts.js';
import { runParity } from '../helpers/exec.js';
import { CH_URL, PG_URL, columnType, loadClickHouse, loadPostgres, referenceCounts, settingsFor, withoutNotes, type ColumnType } from './helpers.js';

const ENGINES = ['duckdb', 'postgres', 'clickhouse'] as const;
type Engine = (typeof ENGINES)[number];

/** The columns of these tests' files. */
const HEADER = 'ticket_id,channel,created_at,first_response_at,status,category,priority,followers';

/** Writes `lines` as a CSV in a temporary folder. */
function csvFile(name: string, lines: readonly string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'parity-edges-')), `${name}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * The count table of a CSV from one engine: DuckDB reads the file; Postgres and ClickHouse get a
 * table `table` with the columns `typeOf` says (default: the fixtures' types, timestamps typed).
 */
async function engineCounts(engine: Engine, file: string, table: string, typeOf: (header: string) => ColumnType = columnType): Promise<CountTable> {
  const settings = settingsFor(file);
  let connection: EngineConnection;
  let source: SqlSource = { table };
  if (engine === 'duckdb') {
    connection = await connectDuckDB(file, settings.timeZone);
    source = { query: fileQuery(file) };
  } else if (engine === 'postgres') {
    await loadPostgres(table, file, {}, typeOf);
    connection = await connectPostgres(PG_URL, settings.timeZone);
  } else {
    await loadClickHouse(table, file, typeOf);
    connection = await connectClickHouse(CH_URL);
  }
  try {
    return (await countFromEngine(connection, source, settings)).counts;
  } finally {
    await connection.close();
  }
}

/** Tickets per follower band (the bandChannel dimension's `tickets` series, summed over channels). */
function bandTickets(counts: CountTable): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of counts.series) {
    if (s.dimension !== 'bandChannel' || s.metric !== 'tickets') continue;
    const band = s.group.slice(0, s.group.indexOf(' / '));
    out[band] = (out[band] ?? 0) + s.packed.ended;
  }
  return out;
}

describe('follower counts with a minus sign are no count (band unknown), as in-process', () => {
  // parity reads no follower count with a minus sign (normalise/rows.ts parseFollowers): -5, -7, -0.4
  // and -0 are unknown; 0 and 0.4 (rounded half up to 0) are <1k, 999.5 (1000) is 1k-10k
  const values = ['-0', '-5', '-0.4', '0', '0.4', '999.5', '12', '-7'];
  const lines = [HEADER];
  values.forEach((v, i) => lines.push(`T${i},Twitter,2026-07-01T10:00:00Z,2026-07-01T1${i}:30:00Z,open,General,normal,${v}`));
  const expected = { '<1k': 3, '1k-10k': 1, unknown: 4 };

  test('in-process (the reference)', async () => {
    expect(bandTickets(await referenceCounts(csvFile('followers', lines)))).toEqual(expected);
  });
  for (const engine of ENGINES) {
    test(engine, async () => {
      const file = csvFile('followers', lines);
      // a text column, as a CSV loaded into a table holds it (an integer column has no -0 or -0.4)
      const counts = await engineCounts(engine, file, 'edge_followers', (h) => (h === 'followers' ? 'text' : columnType(h)));
      expect(bandTickets(counts)).toEqual(expected);
      expect(withoutNotes(counts)).toEqual(withoutNotes(await referenceCounts(file)));
    });
  }
});

/** First-response cells as `channel seconds ended|waiting`, one a ticket, sorted as text. */
function firstResponseCells(counts: CountTable): string[] {
  const out: string[] = [];
  for (const s of counts.series) {
    if (s.dimension !== 'bandChannel' || s.metric !== 'firstResponse') continue;
    const channel = s.group.slice(s.group.indexOf(' / ') + 3);
    const { times, ended, waiting } = s.packed.unpack();
    for (let k = 0; k < times.length; k++) {
      for (let e = 0; e < (ended[k] as number); e++) out.push(`${channel} ${times[k]} ended`);
      for (let w = 0; w < (waiting[k] as number); w++) out.push(`${channel} ${times[k]} waiting`);
    }
  }
  return out.sort();
}

describe('a table of text columns: blank and padded times and numbers are trimmed, blank = none, as in-process', () => {
  // Postgres and ClickHouse cast a text column as it was: a blank cell failed the query, and
  // ClickHouse read no ISO 8601 text at all (T, Z); fractions of a second are kept
  const lines = [
    HEADER,
    // first response 10:00 → 10:10 = 600 s; 1500 followers (1k-10k)
    'A1,Phone, 2026-07-01T10:00:00Z ,2026-07-01T10:10:00Z\t,open,General,normal, 1500 ',
    // no first response (empty) and no follower count: waiting, unknown
    'A2,Phone,2026-07-01T11:00:00Z,,open,General,normal,',
    // a first response of one space and followers of a no-break space: none, as empty
    'A3,Phone,2026-07-01T12:00:00Z, ,open,General,normal,\u00a0',
    // a creation time of one space: missing-created, rejected
    'A4,Phone, ,2026-07-01T12:00:00Z,open,General,normal,',
    // 13:00:00.600 → 13:00:02 = 1.4 s, 1 s (2 s if the fraction were dropped); 20 followers (<1k)
    'A5,Twitter,\u30002026-07-01T13:00:00.600Z,2026-07-01T13:00:02Z,open,General,normal,\t20\t',
    // 14:00 → 15:00 = 3600 s; -0 is no follower count (unknown)
    'A6,Twitter,2026-07-01T14:00:00Z,\u00a02026-07-01T15:00:00Z\u00a0,open,General,normal,-0',
  ];
  // as-of: the latest time, A6's answer at 15:00; A2 waits 15:00 − 11:00 = 14400 s, A3 10800 s
  const expected = {
    rejected: { 'missing-created': 1 },
    tickets: 5,
    cells: ['phone 10800 waiting', 'phone 14400 waiting', 'phone 600 ended', 'social 1 ended', 'social 3600 ended'],
    bands: { '<1k': 1, '1k-10k': 1, unknown: 3 },
  };
  const facts = (counts: CountTable) => ({ rejected: counts.header.rejected, tickets: counts.header.tickets, cells: firstResponseCells(counts), bands: bandTickets(counts) });

  test('in-process (the reference)', async () => {
    expect(facts(await referenceCounts(csvFile('blank', lines)))).toEqual(expected);
  });
  for (const engine of ENGINES) {
    test(engine, async () => {
      const file = csvFile('blank', lines);
      const counts = await engineCounts(engine, file, 'edge_blank', () => 'text');
      expect(facts(counts)).toEqual(expected);
      expect(withoutNotes(counts)).toEqual(withoutNotes(await referenceCounts(file)));
    });
  }
});

describe('ISO 8601 timestamps in every shape parity reads, read alike by every engine', () => {
  // each creation time is 10:00:00 UTC written another way (normalise/time.ts ISO), answered at
  // 11:00:00Z: every first response is 3600 s. DuckDB failed inside the query on minutes without
  // seconds with a zone, a space or UTC before it, z, a leap second and a decimal comma;
  // Postgres on the comma; ClickHouse on z and the comma (and on every ISO text, before)
  const created = [
    '2026-07-01T10:00Z',
    '2026-07-01T12:00+02:00',
    '2026-07-01T12:00+0200',
    '2026-07-01T10:00:00 Z',
    '2026-07-01T10:00:00UTC',
    '2026-07-01T10:00:00z',
    '2026-07-01T05:00:00 -05:00',
    '2026-07-01 10:00',
    // a leap second is the next minute's first
    '2026-07-01T09:59:60Z',
    // 10:00:00.4 → 11:00 = 3599.6 s, 3600 rounded half up
    '"2026-07-01T10:00:00,4Z"',
  ];
  const lines = [HEADER, ...created.map((c, i) => `S${i},Phone,${c},2026-07-01T11:00:00Z,open,General,normal,`)];
  // a date with a zone and no time is its midnight: answered at 01:00, 3600 s
  lines.push('S10,Phone,2026-07-01Z,2026-07-01T01:00:00Z,open,General,normal,');
  // 24:00 is the next day's 00:00 (answered 01:00); one-digit month, day and hour (09:00 → 10:00)
  lines.push('S11,Phone,2026-06-30T24:00Z,2026-07-01T01:00:00Z,open,General,normal,');
  lines.push('S12,Phone,2026-7-1 9:00Z,2026-07-01T10:00:00Z,open,General,normal,');
  // a lower-case t, GMT for UTC (with and without a space), as some exports write them
  // (refused in-process and stopping every engine's query until December 2026)
  lines.push('S13,Phone,2026-07-01t10:00:00z,2026-07-01T11:00:00Z,open,General,normal,');
  lines.push('S14,Phone,2026-07-01 10:00:00 GMT,2026-07-01T11:00:00Z,open,General,normal,');
  lines.push('S15,Phone,2026-07-01t10:00GMT,2026-07-01t11:00:00 GMT,open,General,normal,');
  const expected = { rejected: {}, tickets: 16, cells: Array.from({ length: 16 }, () => 'phone 3600 ended') };
  const facts = (counts: CountTable) => ({ rejected: counts.header.rejected, tickets: counts.header.tickets, cells: firstResponseCells(counts) });

  test('in-process (the reference)', async () => {
    expect(facts(await referenceCounts(csvFile('shapes', lines)))).toEqual(expected);
  });
  for (const engine of ENGINES) {
    test(engine, async () => {
      const file = csvFile('shapes', lines);
      const counts = await engineCounts(engine, file, 'edge_shapes', () => 'text');
      expect(facts(counts)).toEqual(expected);
      expect(withoutNotes(counts)).toEqual(withoutNotes(await referenceCounts(file)));
    });
  }
});

describe('a ClickHouse Date column is a date at midnight in --tz, as a file\'s date alone is (found by an independent attack)', () => {
  // created is a Date (2026-10-01), first response a DateTime: phone answered 10:00 UTC, email
  // 00:30 UTC. In UTC: 36,000 s and 1,800 s. In Asia/Kolkata (UTC+05:30) the day starts at
  // 18:30 UTC the day before: 55,800 s and 21,600 s. toUnixTimestamp of a Date is its day number
  // on ClickHouse 18 (20,727): the durations were some 1.79e9 s and the period 1970.
  const file = csvFile('dates', ['ticket_id,channel,created_at,first_response_at', 'D1,phone,2026-10-01,2026-10-01T10:00:00Z', 'D2,email,2026-10-01,2026-10-01T00:30:00Z']);
  for (const [tz, phone, email] of [['UTC', 36000, 1800], ['Asia/Kolkata', 55800, 21600]] as const) {
    test(`in ${tz}, beside the in-process count`, async () => {
      const client = createClient({ url: CH_URL });
      try {
        await client.command({ query: 'DROP TABLE IF EXISTS edge_dates' });
        await client.command({ query: 'CREATE TABLE edge_dates (ticket_id String, channel String, created_at Date, first_response_at Nullable(DateTime)) ENGINE = Memory' });
        await client.insert({ table: 'edge_dates', values: [{ ticket_id: 'D1', channel: 'phone', created_at: '2026-10-01', first_response_at: '2026-10-01 10:00:00' }, { ticket_id: 'D2', channel: 'email', created_at: '2026-10-01', first_response_at: '2026-10-01 00:30:00' }], format: 'JSONEachRow' });
      } finally {
        await client.close();
      }
      const settings = settingsFor(file, {}, { tz });
      const connection = await connectClickHouse(CH_URL);
      let counts: CountTable;
      try {
        counts = (await countFromEngine(connection, { table: 'edge_dates' }, settings)).counts;
      } finally {
        await connection.close();
      }
      expect(firstResponseCells(counts)).toEqual([`email ${email} ended`, `phone ${phone} ended`]);
      expect(firstResponseCells(await referenceCounts(file, {}, { tz }))).toEqual([`email ${email} ended`, `phone ${phone} ended`]);
      expect(counts.header.createdFrom).toBe(Date.parse(tz === 'UTC' ? '2026-10-01T00:00:00Z' : '2026-09-30T18:30:00Z') / 1000);
    });
  }
});

describe('channel and status words with accents or full-width letters are matched as in-process', () => {
  // parity's key decomposes letters before it keeps a–z and 0–9 (normalise/channel.ts): Téléphone
  // is telephone (phone), ＥＭＡＩＬ email, ＳＯＬＶＥＤ resolved, Ｏｐｅｎ open. SQL's lower case
  // and [^a-z0-9] made them tlphone (other), nothing (other), nothing (unknown status)
  const lines = [
    HEADER,
    // phone, answered in 600 s, resolved (a resolved status with no resolution time: left out of resolution)
    'K1,Téléphone,2026-07-01T10:00:00Z,2026-07-01T10:10:00Z,ＳＯＬＶＥＤ,General,normal,',
    // email, answered in 1200 s, open
    'K2,ＥＭＡＩＬ,2026-07-01T11:00:00Z,2026-07-01T11:20:00Z,Ｏｐｅｎ,General,normal,',
    // phone (ASCII), answered in 1800 s
    'K3,phone,2026-07-01T12:00:00Z,2026-07-01T12:30:00Z,open,General,normal,',
    // a word beyond ASCII that is no channel stays other
    'K4,Télécopie,2026-07-01T13:00:00Z,2026-07-01T13:40:00Z,open,General,normal,',
  ];
  const expected = ['email 1200 ended', 'other 2400 ended', 'phone 1800 ended', 'phone 600 ended'];

  test('in-process (the reference)', async () => {
    expect(firstResponseCells(await referenceCounts(csvFile('accents', lines)))).toEqual(expected);
  });
  for (const engine of ENGINES) {
    test(engine, async () => {
      const file = csvFile('accents', lines);
      const counts = await engineCounts(engine, file, 'edge_accents', () => 'text');
      expect(firstResponseCells(counts)).toEqual(expected);
      expect(withoutNotes(counts)).toEqual(withoutNotes(await referenceCounts(file)));
    });
  }
});

describe('text parity does not read as a time or a number, past the sample, stops the query with the value and its column', () => {
  // Each engine reads more as a time or number than parity does in-process: Postgres `now` and
  // `epoch`, DuckDB zone names, `infinity` and `+25:00`, ClickHouse rolls 31 September over to
  // 1 October, and Postgres and DuckDB read `1e3` and `NaN` as numbers. Read, they would be other
  // numbers than the file audit's (which rejects the row, or leaves the value out); past the 500
  // rows parity samples, the query now stops at them, as at a value the engine cannot read.
  // 1,200 good rows first: ClickHouse's two shards hold 600 each, so no sample reaches the last row.
  const good = Array.from({ length: 1200 }, (_, i) => `G${i},Email,2026-07-01T10:00:00Z,2026-07-01T11:00:00Z,open,General,normal,10`);
  const cases: Array<{ value: string; column: 'created_at' | 'followers' }> = [
    { value: 'now', column: 'created_at' },
    { value: 'epoch', column: 'created_at' },
    { value: 'infinity', column: 'created_at' },
    { value: '2026-09-31T10:00:00Z', column: 'created_at' },
    { value: '2026-02-29T10:00:00Z', column: 'created_at' },
    { value: '2026-10-06T10:00:00+25:00', column: 'created_at' },
    { value: '2026-10-06 10:00:00 America/New_York', column: 'created_at' },
    { value: '2026-10-06T10:61:00Z', column: 'created_at' },
    { value: '1e3', column: 'followers' },
    // (`NaN` is not here: it is a placeholder for no value, no follower count in every reader; below)
    { value: 'inf', column: 'followers' },
  ];
  const row = (c: (typeof cases)[number]): string =>
    c.column === 'created_at' ? `BAD,Email,${c.value},2026-10-07T11:00:00Z,open,General,normal,10` : `BAD,Email,2026-07-01T10:00:00Z,2026-07-01T11:00:00Z,open,General,normal,${c.value}`;
  // the message parity makes the engine quote; a day the month does not have (31 September,
  // 29 February 2026) Postgres and DuckDB refuse with their own message, quoting the value too
  const quoted = (c: (typeof cases)[number]): string => (c.column === 'created_at' ? `unreadable as an ISO 8601 time (column created_at): ${c.value}` : `unreadable as a plain number (column followers): ${c.value}`);
  const ownRefusal = (engine: Engine, c: (typeof cases)[number]): boolean => engine !== 'clickhouse' && /-(09-31|02-29)T/.test(c.value);

  test('in-process reads none of them: the row is rejected, or the follower count left out (the reference)', async () => {
    for (const c of cases) {
      const counts = await referenceCounts(csvFile('stops', [HEADER, ...good, row(c)]));
      if (c.column === 'created_at') {
        expect([counts.header.tickets, counts.header.rejected], c.value).toEqual([1200, { 'bad-created': 1 }]);
      } else {
        expect([counts.header.tickets, bandTickets(counts).unknown], c.value).toEqual([1201, 1]);
      }
    }
  });
  for (const engine of ENGINES) {
    test(`${engine}: NaN, a placeholder for no value, is no follower count, as in-process (the unknown band)`, async () => {
      const file = csvFile('nan', [HEADER, ...good, row({ value: 'NaN', column: 'followers' })]);
      const counts = await engineCounts(engine, file, 'edge_nan', () => 'text');
      // 1,201 tickets, the one with NaN in the unknown band: the same counts as the file audit's
      expect([counts.header.tickets, bandTickets(counts).unknown]).toEqual([1201, 1]);
      expect(withoutNotes(counts)).toEqual(withoutNotes(await referenceCounts(file)));
    });
    test(engine, async () => {
      for (const [k, c] of cases.entries()) {
        const file = csvFile('stops', [HEADER, ...good, row(c)]);
        const failure = await engineCounts(engine, file, `edge_stop_${k}`, () => 'text').then(
          () => null,
          (error: Error & { hint?: string }) => ({ message: error.message, hint: error.hint }),
        );
        expect(failure?.message, c.value).toContain(ownRefusal(engine, c) ? c.value.slice(0, 19) : quoted(c));
        expect(failure?.hint, c.value).toMatch(/^a value in the data cannot be read as a time or number/);
      }
    });
  }
});

describe('an ISO date with a 12-hour clock, and Go\'s zone name after the offset: read in-process, they stop the query naming the value (README)', () => {
  const good = Array.from({ length: 1200 }, (_, i) => `G${i},Email,2026-07-01T10:00:00Z,2026-07-01T11:00:00Z,open,General,normal,10`);
  const values = ['2026-10-06 10:00:00 PM', '2026-10-06 10:00:00 +0200 CEST'];
  const file = (value: string): string => csvFile('readInProcess', [HEADER, ...good, `BAD,Email,${value},2026-10-07T11:00:00Z,open,General,normal,10`]);

  test('in-process reads both: 1,201 tickets, none rejected (the reference)', async () => {
    for (const value of values) {
      const h = (await referenceCounts(file(value))).header;
      expect([h.tickets, h.rejected], value).toEqual([1201, {}]);
    }
  });
  for (const engine of ENGINES) {
    test(engine, async () => {
      for (const [k, value] of values.entries()) {
        const failure = await engineCounts(engine, file(value), `edge_in_process_${k}`, () => 'text').then(
          () => null,
          (error: Error & { hint?: string }) => ({ message: error.message, hint: error.hint }),
        );
        expect(failure?.message, value).toContain(`unreadable as an ISO 8601 time (column created_at): ${value}`);
      }
    });
  }
});

describe('NaN in a typed float column is no value, as the text NaN is in-process (found by an independent attack)', () => {
  // A float column's NaN (Postgres float8, ClickHouse Float64, a DuckDB double as Parquet holds
  // one): a first response of NaN minutes is a ticket not answered, a NaN follower count band
  // unknown. Before, ClickHouse banded the NaN count <1k and stopped on the NaN duration, and
  // Postgres and DuckDB left the ticket out of the first-response estimate.
  const lines = [
    'ticket_id,channel,created_at,first_response_minutes,followers',
    'T1,phone,2026-07-01T10:00:00Z,60,5',
    'T2,phone,2026-07-01T10:00:00Z,NaN,NaN',
    'T3,phone,2026-07-01T10:00:00Z,180,2000',
  ];
  const typeOf = (h: string): ColumnType => (h === 'first_response_minutes' || h === 'followers' ? 'double' : columnType(h));
  // T2 waits from its creation to the as-of time (the latest time of the data, T3's answer at 13:00): 3h
  const cells = ['phone 10800 ended', 'phone 10800 waiting', 'phone 3600 ended'];
  const bands = { '<1k': 1, '1k-10k': 1, unknown: 1 };

  test('in-process (the reference): NaN is a placeholder for no value', async () => {
    const counts = await referenceCounts(csvFile('nan', lines));
    expect(firstResponseCells(counts)).toEqual(cells);
    expect(bandTickets(counts)).toEqual(bands);
  });
  for (const engine of ENGINES) {
    test(engine, async () => {
      const file = csvFile('nan', lines);
      let counts: CountTable;
      if (engine === 'duckdb') {
        // DuckDB reads a CSV's columns as text: the doubles are made in the query, as a Parquet file holds them
        const connection = await connectDuckDB(file, 'UTC');
        try {
          const query = `SELECT * REPLACE (CAST(first_response_minutes AS DOUBLE) AS first_response_minutes, CAST(followers AS DOUBLE) AS followers) FROM (${fileQuery(file)})`;
          counts = (await countFromEngine(connection, { query }, settingsFor(file))).counts;
        } finally {
          await connection.close();
        }
      } else {
        counts = await engineCounts(engine, file, 'edge_nan', typeOf);
      }
      expect(firstResponseCells(counts)).toEqual(cells);
      expect(bandTickets(counts)).toEqual(bands);
    });
  }
});

describe("the report's period keeps fractions of a second, as in-process", () => {
  // first and last creation 09:00:00.400 and 12:00:00.600 (the count table rounded them to 09:00:00
  // and 12:00:01); the as-of time stays whole seconds in both: 12:00:00.6 rounded half up, 12:00:01
  const lines = [
    HEADER,
    'F1,Phone,2026-07-01T10:00:00.123Z,2026-07-01T11:00:00.700Z,open,General,normal,',
    'F2,Phone,2026-07-01T12:00:00.600Z,,open,General,normal,',
    'F3,Email,2026-07-01T09:00:00.400Z,2026-07-01T09:30:00Z,open,General,normal,',
  ];
  const from = Date.UTC(2026, 6, 1, 9, 0, 0, 400) / 1000;
  const to = Date.UTC(2026, 6, 1, 12, 0, 0, 600) / 1000;
  const asOf = Date.UTC(2026, 6, 1, 12, 0, 1) / 1000;

  test('in-process (the reference)', async () => {
    const h = (await referenceCounts(csvFile('fractions', lines))).header;
    expect([h.createdFrom, h.createdTo, h.asOf]).toEqual([from, to, asOf]);
  });
  for (const engine of ENGINES) {
    test(engine, async () => {
      const h = (await engineCounts(engine, csvFile('fractions', lines), 'edge_fractions', () => 'text')).header;
      // to the microsecond (the databases' timestamps)
      expect(h.createdFrom).toBeCloseTo(from, 6);
      expect(h.createdTo).toBeCloseTo(to, 6);
      expect(h.asOf).toBe(asOf);
    });
  }
  test('the JSON report: the same period from --engine duckdb and from parity itself', async () => {
    const file = csvFile('fractions', lines);
    const period = { from: '2026-07-01T09:00:00.400Z', to: '2026-07-01T12:00:00.600Z', asOf: '2026-07-01T12:00:01.000Z' };
    for (const args of [[file], [file, '--engine', 'duckdb']]) {
      const r = await runParity(['audit', ...args, '--format', 'json', '--no-config']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).period).toEqual(period);
    }
  });
});
