import { describe, expect, it } from 'vitest';
import { clickhouseFailure, clickhouseHttpUrl, refusedSetting, resultRow, spillSettings, transientClickHouse } from '../../src/read/engines/clickhouse.js';
import { fixture } from '../helpers/exec.js';
import { safeUrl, unreadableValueHint } from '../../src/read/engines/connection.js';
import { checkDatabaseUrl } from '../../src/read/engines/url.js';
import { UsageError } from '../../src/errors.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('ClickHouse failures name their fix', () => {
  it('a query over the server\'s memory limit (code 241, as a 50M-ticket count query got it) names the settings', () => {
    // the server's message, first line as the client reported it
    const e = new Error('Code: 241, e.displayText() = DB::Exception: Memory limit (for query) exceeded: would use 3.73 GiB (attempt to allocate chunk of 4194304 bytes), maximum: 3.73 GiB, e.what() = DB::Exception\nmore');
    const failure = clickhouseFailure(e, 'http://127.0.0.1:8123/');
    expect(failure.message).toBe('ClickHouse: Code: 241, e.displayText() = DB::Exception: Memory limit (for query) exceeded: would use 3.73 GiB (attempt to allocate chunk of 4194304 bytes), maximum: 3.73 GiB, e.what() = DB::Exception');
    expect(failure.hint).toMatch(/max_memory_usage/);
    expect(failure.hint).toMatch(/max_bytes_before_external_group_by/);
    expect(failure.hint).toMatch(/--since\/--until/);
  });

  it('newer servers name the code MEMORY_LIMIT_EXCEEDED; other errors point at the table and mapping; a refused connection at the URL', () => {
    expect(clickhouseFailure(new Error('Memory limit (total) exceeded: would use 9.31 GiB (MEMORY_LIMIT_EXCEEDED)'), 'x').hint).toMatch(/max_memory_usage/);
    const missing = clickhouseFailure(new Error("Code: 60. DB::Exception: Table default.tickets doesn't exist. (UNKNOWN_TABLE)"), 'x');
    expect(missing.hint).toBe('check --table / --query and the columns mapping');
    const refused = clickhouseFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8123'), { code: 'ECONNREFUSED' }), 'x');
    expect(refused.message).toBe('ClickHouse: cannot connect');
    expect(refused.hint).toMatch(/^check --db/);
  });

  it('a refused login or an unknown database points at --db, not at the mapping (the servers\' own first lines)', () => {
    const hint = (line: string): string | undefined => clickhouseFailure(new Error(line), 'x').hint;
    expect(hint('Code: 193, e.displayText() = DB::Exception: Wrong password for user default, e.what() = DB::Exception')).toBe(
      "check --db's user and password (clickhouse://user:password@host:8123/database; without a user parity logs in as default)",
    );
    expect(hint('Code: 192, e.displayText() = DB::Exception: Unknown user nobody, e.what() = DB::Exception')).toMatch(/^check --db's user and password/);
    expect(hint('Code: 516. DB::Exception: default: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)')).toMatch(/^check --db's user and password/);
    expect(hint("Code: 81, e.displayText() = DB::Exception: Database nodb doesn't exist, e.what() = DB::Exception")).toBe(
      'check the database in --db (clickhouse://host:8123/<database>): the server has no database of that name',
    );
    expect(hint('Code: 497. DB::Exception: analyst: Not enough privileges. (ACCESS_DENIED)')).toMatch(/grant it SELECT/);
  });

  it("a ClickHouse URL's user, password and database may be query parameters; any other parameter is refused, not dropped", () => {
    expect(clickhouseHttpUrl('http://ch:8123/?user=analyst&password=p%26w&database=support')).toEqual({ url: 'http://analyst:p%26w@ch:8123', database: 'support' });
    // the user part wins over parameters; a database named twice must be named alike
    expect(clickhouseHttpUrl('clickhouses://a:b@ch/sales?user=c')).toEqual({ url: 'https://a:b@ch:8443', database: 'sales' });
    expect(clickhouseHttpUrl('clickhouse://ch/my%20db?database=my%20db')).toEqual({ url: 'http://ch:8123', database: 'my db' });
    expect(() => clickhouseHttpUrl('clickhouses://a:b@ch/sales?database=support')).toThrow('--db names two databases: "sales" in the path and "support" in ?database=');
    expect(() => clickhouseHttpUrl('http://ch:8123/?secure=1&compress=0')).toThrow('--db: the ClickHouse URL\'s parameter "secure", "compress" is not one parity reads');
  });

  it('the count query spills grouping and sorting to disk at half the per-query limit, unless the profile chose a threshold or there is no limit', () => {
    const settings = (entries: Array<[string, string]>) => spillSettings(new Map(entries));
    // 4,000,000,000 bytes (the test servers' profile): spill at 2,000,000,000
    expect(settings([['max_memory_usage', '4000000000'], ['max_bytes_before_external_group_by', '0'], ['max_bytes_before_external_sort', '0']])).toEqual({
      max_bytes_before_external_group_by: '2000000000',
      max_bytes_before_external_sort: '2000000000',
    });
    // a threshold of the profile's own stays; an odd limit rounds down
    expect(settings([['max_memory_usage', '3'], ['max_bytes_before_external_group_by', '1000'], ['max_bytes_before_external_sort', '0']])).toEqual({ max_bytes_before_external_sort: '1' });
    // no limit (0) or no answer: nothing set
    expect(settings([['max_memory_usage', '0']])).toEqual({});
    expect(settings([])).toEqual({});
  });

  it("an exception the server writes into a result already under way (after a progress header) is the query's error, with its code", () => {
    expect(resultRow('{"dimension":"meta","seconds":[1]}\n')).toEqual({ dimension: 'meta', seconds: [1] });
    const drain = 'Code: 49, e.displayText() = DB::Exception: Cannot drain connections: cancel first., e.what() = DB::Exception';
    let thrown: unknown;
    try {
      resultRow(`${drain}\n`);
    } catch (error) {
      thrown = error;
    }
    const failure = clickhouseFailure(thrown, 'http://127.0.0.1:8123/');
    expect(failure.message).toBe(`ClickHouse: ${drain}`);
    expect(transientClickHouse(failure)).toBe(true); // run again (count.ts)
    expect(() => resultRow('Code: 241. DB::Exception: Memory limit (for query) exceeded')).toThrow('Code: 241. DB::Exception: Memory limit (for query) exceeded');
    // a line that is neither stays a JSON error
    expect(() => resultRow('Codex')).toThrow(SyntaxError);
    expect(transientClickHouse(new Error("Code: 60. DB::Exception: Table default.tickets doesn't exist"))).toBe(false);
  });

  it('a server that refuses a setting parity chose is asked again without it (constraint, read-only profile); other errors are not', () => {
    expect(refusedSetting(new Error("Code: 452. DB::Exception: Setting max_bytes_before_external_group_by should not be changed. (SETTING_CONSTRAINT_VIOLATION)"))).toBe(true);
    expect(refusedSetting(new Error('Code: 164, e.displayText() = DB::Exception: Cannot modify \'max_bytes_before_external_sort\' setting in readonly mode'))).toBe(true);
    expect(refusedSetting(new Error('Code: 241, e.displayText() = DB::Exception: Memory limit (for query) exceeded'))).toBe(false);
    expect(refusedSetting(new Error("Code: 60. DB::Exception: Table default.tickets doesn't exist. (UNKNOWN_TABLE)"))).toBe(false);
  });
});

/** An audit of a file through DuckDB, with the settings the command line would resolve. */
async function throughDuckdb(file: string) {
  const { Readable } = await import('node:stream');
  const { resolveSettings } = await import('../../src/commands/options.js');
  const { auditCounted } = await import('../../src/pipeline.js');
  return auditCounted({ kind: 'duckdb', files: [file] }, resolveSettings([file], {}, {}, 'test'), { stdin: Readable.from([]) });
}

describe('what the count query cannot read is refused before it runs, naming the column and a value', () => {
  it('US dates, Unix times and numbers with thousands separators (read in-process) are named, not DuckDB errors', async () => {
    await expect(throughDuckdb(fixture('formats', 'salesforce.csv'))).rejects.toThrow('column "Date/Time Opened" holds timestamps written like "07/01/2026 12:02 AM" (US month/day/year');
    await expect(throughDuckdb(fixture('formats', 'intercom.csv'))).rejects.toThrow('column "created_at" holds timestamps written like "1782867600" (Unix seconds), which the database query cannot read');
    await expect(throughDuckdb(fixture('small.csv'))).rejects.toThrow('column "follower_count" holds "150,000", which the database query cannot read as a number');
  });

  it('durations in words, English or another language (read in-process), are refused alike: in the sample by name, past it by the query', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-words-'));
    const csv = (name: string, values: readonly string[], column = 'first_response_time') => {
      const path = join(dir, name);
      writeFileSync(path, [`ticket_id,channel,created_at,${column}`, ...values.map((v, i) => `T${i},phone,2026-11-03T10:00:00Z,${v}`)].join('\n') + '\n');
      return path;
    };
    await expect(throughDuckdb(csv('en.csv', ['2h 30m', '45m']))).rejects.toThrow('column "first_response_time" holds "2h 30m", which the database query cannot read as a number');
    await expect(throughDuckdb(csv('de.csv', ['1 Stunde 30 Minuten', '2 Std.']))).rejects.toThrow('column "first_response_time" holds "1 Stunde 30 Minuten", which the database query cannot read as a number');
    await expect(throughDuckdb(csv('es.csv', ['1 día']))).rejects.toThrow('column "first_response_time" holds "1 día", which the database query cannot read as a number');
    // (a unit given twice is no number either)
    await expect(throughDuckdb(csv('twice.csv', ['1h 1h', '2h']))).rejects.toThrow('column "first_response_time" holds "1h 1h", which the database query cannot read as a number');
    // past the 500 sampled rows of seconds: the query stops at the word, it reads no number from it
    await expect(throughDuckdb(csv('late.csv', [...Array.from({ length: 600 }, () => '60'), '2 Std.'], 'first_response_seconds'))).rejects.toThrow(/2 Std\./);
  });

  it('a file that is not UTF-8 (read in-process) is named before DuckDB fails on it', async () => {
    await expect(throughDuckdb(fixture('utf16le.tsv'))).rejects.toThrow('utf16le.tsv is UTF-16: DuckDB reads UTF-8 only');
    await expect(throughDuckdb(fixture('windows-1252.csv'))).rejects.toThrow('windows-1252.csv is not UTF-8 (Windows-1252, as Excel writes "CSV" on Western Windows): DuckDB reads UTF-8 only');
    // without a byte-order mark too (their NULs are valid UTF-8 byte by byte; found by a review)
    const dir = mkdtempSync(join(tmpdir(), 'parity-enc-'));
    const text = 'ticket_id,channel,created_at\nT1,phone,2026-07-01T00:00:00Z\n';
    const le = join(dir, 'le.csv');
    writeFileSync(le, Buffer.from(text, 'utf16le'));
    await expect(throughDuckdb(le)).rejects.toThrow('le.csv is UTF-16: DuckDB reads UTF-8 only');
    const be = join(dir, 'be.csv');
    writeFileSync(be, Buffer.from(text, 'utf16le').swap16());
    await expect(throughDuckdb(be)).rejects.toThrow('be.csv is UTF-16 big-endian: DuckDB reads UTF-8 only');
    const wide = Buffer.alloc(text.length * 4);
    for (let i = 0; i < text.length; i++) wide.writeUInt32LE(text.charCodeAt(i), i * 4);
    const u32 = join(dir, 'u32.csv');
    writeFileSync(u32, Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), wide]));
    await expect(throughDuckdb(u32)).rejects.toThrow('u32.csv is UTF-32: DuckDB reads UTF-8 only');
  });
});

describe('a count query that stops at an unreadable value', () => {
  it('gets a hint about the value past the sample, not about the mapping (messages as the servers write them)', () => {
    const stops = [
      'date/time field value out of range: "2026-02-31T10:00:00Z"',
      'bigint out of range',
      'invalid input syntax for type double precision: "abc"',
      "Conversion Error: Type DOUBLE with value nan can't be cast because the value is out of range for the destination type INT64",
      'Conversion Error: timestamp field value out of range: "2026-02-31 10:00:00", expected format is (YYYY-MM-DD HH:MM:SS[.US][±HH:MM| ZONE])',
      "Code: 6, e.displayText() = DB::Exception: Cannot parse string '2026-10-01T10:00:00Z' as UInt32",
    ];
    for (const message of stops) expect(unreadableValueHint(message), message).toMatch(/^a value in the data cannot be read as a time or number/);
    // other failures keep the engine's own hint
    for (const message of ['relation "attack_x" does not exist', "Code: 60, e.displayText() = DB::Exception: Table default.x doesn't exist", 'Code: 241, Memory limit (for query) exceeded']) {
      expect(unreadableValueHint(message), message).toBeNull();
    }
  });
});

describe('a value the count query stops at that lies in the first rows, which parity samples', () => {
  const PAST = 'parity checks the columns on a sample of the first rows, and a query stops at the first bad value past them';
  const INSIDE = 'it lies in the first 500 rows, which parity samples to choose how each column is read (a value there that does not fit is not refused before the query), and the query stops at it';
  const message = 'Conversion Error: invalid timestamp field format: "unreadable as an ISO 8601 time (column first_response_at): 2026-13-45T10:00:00Z", expected format is (YYYY-MM-DD HH:MM:SS[.US][±HH[:MM[:SS]]| ZONE])';

  it('is said to lie in the sample when the sample holds it in that column, and past it otherwise', () => {
    const inside = new Map([['first_response_at', new Set(['2026-10-01T10:00:00Z', '2026-13-45T10:00:00Z'])]]);
    expect(unreadableValueHint(message, inside)).toContain(INSIDE);
    expect(unreadableValueHint(message, inside)).not.toContain('past them');
    // the same text in another column, or a value the quoted one only begins with, is not it
    const elsewhere = new Map([['created_at', new Set(['2026-13-45T10:00:00Z'])], ['first_response_at', new Set(['2026-13-45T10:00'])]]);
    expect(unreadableValueHint(message, elsewhere)).toContain(PAST);
    expect(unreadableValueHint(message)).toContain(PAST);
  });

  it('through DuckDB: a bad time on the third line is in the sample; on line 602 it is past it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-sampled-'));
    const early = join(dir, 'early.csv');
    writeFileSync(early, 'ticket_id,channel,created_at,first_response_at\nT1,phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z\nT2,email,2026-10-01T09:00:00Z,2026-13-45T10:00:00Z\n');
    await expect(throughDuckdb(early)).rejects.toMatchObject({ hint: expect.stringContaining(INSIDE) });
    // 600 good rows (lines 2–601), then the bad one on line 602: past the 500 sampled
    const late = join(dir, 'late.csv');
    const good = Array.from({ length: 600 }, (_, k) => `T${k},phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z`);
    writeFileSync(late, ['ticket_id,channel,created_at,first_response_at', ...good, 'T9,email,2026-10-01T09:00:00Z,2026-13-45T10:00:00Z'].join('\n') + '\n');
    await expect(throughDuckdb(late)).rejects.toMatchObject({ hint: expect.stringContaining(PAST) });
  });
});

describe('a connection URL as messages and reports show it', () => {
  it('masks the password in the user part and in any query parameter that holds a secret', () => {
    expect(safeUrl('postgresql://analyst:hunter2@db:5432/support')).toBe('postgresql://analyst:***@db:5432/support');
    expect(safeUrl('postgresql://analyst@db:5432/support?sslmode=require&password=hunter2')).toBe('postgresql://analyst@db:5432/support?sslmode=require&password=***');
    expect(safeUrl('http://ch:8123/?user=analyst&password=hunter2')).toBe('http://ch:8123/?user=analyst&password=***');
    // where a secret ends cannot be known (it may hold & or #): everything after it is masked
    expect(safeUrl('postgresql://db/support?application_name=parity&sslpassword=k&PASSWORD=x&access_token=t')).toBe(
      'postgresql://db/support?application_name=parity&sslpassword=***',
    );
    expect(safeUrl('postgresql://db/support?password=se&cret&sslmode=require')).toBe('postgresql://db/support?password=***');
    expect(safeUrl('postgresql://db/support?password=se#cretpart')).toBe('postgresql://db/support?password=***');
    // a URL the parser cannot read, or one with a #, is masked from the user part's : to the last @
    expect(safeUrl('postgresql://a:b@[bad/support?password=c&x=1')).toBe('postgresql://a:***@[bad/support?password=***');
    expect(safeUrl('postgresql://postgres:pa/ss@host/db')).toBe('postgresql://postgres:***@host/db');
    expect(safeUrl('postgresql://u:12#34@h/db')).toBe('postgresql://u:***@h/db');
    expect(safeUrl('postgresql://u:p@ss@h/db')).toBe('postgresql://u:***@h/db');
  });
});

describe('a --db URL that cannot be opened as written', () => {
  it('is refused before anything is opened, masked, with how to percent-encode the password', () => {
    const refused = (url: string) => {
      try {
        checkDatabaseUrl(url);
      } catch (e) {
        return e as UsageError;
      }
      throw new Error(`${url} was not refused`);
    };
    const slash = refused('postgresql://postgres:pa/ss@host/db');
    expect(slash).toBeInstanceOf(UsageError);
    expect(slash.message).toBe('--db "postgresql://postgres:***@host/db" cannot be read as a URL');
    expect(slash.hint).toMatch(/\/ as %2F/);
    expect(refused('postgres://h:99999/db').hint).toMatch(/a port is a number up to 65535/);
    const hash = refused('postgresql://u:se#cret@h/db');
    expect(hash.message).not.toMatch(/se|cret/);
    expect(refused('postgresql://h/db?password=ab#cd').message).toBe('--db "postgresql://h/db?password=***" holds a #, which ends a URL: the rest would not reach the database');
    expect(refused('postgresql://h/db?password=ab#cd').hint).toMatch(/# as %23/);
    // written encoded, each is read
    expect(() => checkDatabaseUrl('postgresql://postgres:pa%2Fss@host/db')).not.toThrow();
    expect(() => checkDatabaseUrl('postgresql://u:se%23cret@h/db')).not.toThrow();
    expect(() => checkDatabaseUrl('postgresql:///support?host=/var/run/postgresql')).not.toThrow();
  });
});
