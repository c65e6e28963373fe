// The count query: printed SQL per dialect (snapshots), checked by a SQL parser where one exists
// for the dialect, and quoting that keeps hostile names and values inside their quotes. The
// queries' results are checked against the in-process count table by the engine tests
// (npm run test:engines); ClickHouse has no parser on npm and is checked there on a live server.
import NodeSqlParser from 'node-sql-parser';
import { describe, expect, test } from 'vitest';
import { countQuery, seriesQuery, type CountQuerySpec } from '../../src/read/engines/sql.js';
import { DIALECTS, dialect, qualifiedName, snowflakeIdent, type DialectId } from '../../src/read/engines/dialects.js';
import { journeyNotes } from '../../src/read/engines/count.js';
import { DEFAULT_LOUD } from '../../src/settings.js';

const spec = (d: DialectId): CountQuerySpec => ({
  dialect: d,
  source: { table: 'zendesk.tickets' },
  columns: {
    ticketId: { column: 'ticket_id' },
    channel: { column: 'via_channel' },
    createdAt: { column: 'created_at' },
    firstResponseTime: { column: 'first_reply_time_business_minutes', unit: 'minutes' },
    resolvedAt: { column: 'solved_at' },
    status: { column: 'status' },
    priority: { column: 'priority' },
    category: { column: 'ticket_type' },
    group: { column: 'group_name' },
    followers: { column: 'follower_count' },
    direction: { column: 'direction' },
    customerId: { column: 'requester_id' },
    isPublic: { column: 'is_public' },
    subject: { column: 'subject' },
    tags: { column: 'tags' },
  },
  channels: { 'Walk-in': 'other', 'IG DM': 'social', Letter: 'phone' },
  bands: [1000, 10000, 100000],
  by: 'group',
  since: Date.UTC(2026, 9, 1) / 1000,
  until: null,
  asOf: Date.UTC(2026, 10, 1) / 1000,
  clock: 'business',
  notes: ["business clock: it's a note"],
  journeys: { repeatContacts: 3, repeatWindowDays: 7, jumpWindowDays: 14, capitalsShare: 0.6, exclamationRun: 3, escalationTags: ['vip', 'escalated', 'Präsident'] },
});

/**
 * The query as node-sql-parser can read it: its Postgres, Hive and Snowflake grammars lack window
 * frames with a numeric offset (`RANGE BETWEEN 604800 PRECEDING AND CURRENT ROW`, the repeat
 * contacts' window), so that one frame is read as a ROWS frame of the same shape; the RANGE frame
 * itself runs on DuckDB and Postgres in the engine tests, and BigQuery's grammar takes it as is.
 * Its Postgres grammar has no TRY_CAST (DuckDB's ISO reading, dialects.ts duckdbIsoTime), read as
 * a CAST of the same shape; the engine tests run it on DuckDB.
 */
function forParser(sql: string, mode: string): string {
  const cast = mode === 'PostgresQL' ? sql.replace(/\bTRY_CAST\(/g, 'CAST(') : sql;
  return mode === 'BigQuery' ? cast : cast.replace(/RANGE BETWEEN (\d+) PRECEDING AND CURRENT ROW/g, 'ROWS BETWEEN $1 PRECEDING AND CURRENT ROW');
}

// node-sql-parser's name for each dialect (Databricks SQL is HiveQL's descendant).
const PARSER: Partial<Record<DialectId, string>> = { bigquery: 'BigQuery', snowflake: 'Snowflake', databricks: 'Hive', postgres: 'PostgresQL', duckdb: 'PostgresQL' };

describe('printed count query', () => {
  for (const d of DIALECTS) {
    test(`${d}: snapshot`, async () => {
      await expect(countQuery(spec(d))).toMatchFileSnapshot(`__snapshots__/count-query.${d}.sql`);
    });
    const mode = PARSER[d];
    if (mode) {
      test(`${d}: parses as ${mode}`, () => {
        const parser = new NodeSqlParser.Parser();
        expect(() => parser.astify(forParser(countQuery(spec(d)), mode), { database: mode })).not.toThrow();
        // and the parser does reject a broken query (a check that can fail)
        expect(() => parser.astify(forParser(countQuery(spec(d)), mode).replace('GROUP BY', 'GROUP'), { database: mode })).toThrow();
      });
    }
  }

  test('ClickHouse (release 18 has no WITH … AS subqueries): layers inline, no CTE', () => {
    const sql = countQuery(spec('clickhouse'));
    expect(sql).not.toMatch(/^WITH/m);
    expect(sql).toContain('FROM (\n');
  });

  test('ClickHouse reads the tickets once per kind of fact, not once per union branch (oneScan.ts)', () => {
    const tables = (sql: string): number => sql.split('`zendesk`.`tickets`').length - 1;
    // With --as-of (a literal): one scan for every row's cells, counts and first and last creation
    // time, one for the repeated ids (grouped by id) = 2; with journeys, the per-customer arrays
    // (loud, loudReason and jump cells), the jump origins' cells (the arrays again, filtered to
    // jumps) and the count of distinct jumpers = 3 more. Written as one union branch per
    // dimension, metric and fact, the same query named the table 32 times.
    expect(tables(countQuery({ ...spec('clickhouse'), journeys: null }))).toBe(2);
    expect(tables(countQuery(spec('clickhouse')))).toBe(5);
    // every row of the scan adds to cells through one ARRAY JOIN, summed by one GROUP BY
    const sql = countQuery({ ...spec('clickhouse'), journeys: null });
    expect(sql.match(/\n *ARRAY JOIN\n/g)?.length).toBe(2); // the scan, and the zeros of the header sums
    expect(sql).toContain('GROUP BY p_dim, p_grp, p_cat, p_pri, p_met, p_agg, if(p_agg = 0, p_sec, toNullable(toFloat64(NULL)))');
  });

  test('without --as-of, the as-of time is the latest timestamp of the used tickets, rounded up to whole seconds', () => {
    const sql = countQuery({ ...spec('postgres'), asOf: null, since: null, until: null });
    // rounded up: no time of the data lies after it
    // a resolution whatever the status (a reopened ticket's too: the export was taken after it),
    // when readable, not below zero and before the end of 9999-12-31 (253402300799), as in-process
    expect(sql).toContain('(SELECT CAST(CEIL(MAX(GREATEST(CASE WHEN fr_kind = \'e\' THEN created_s + fr_s ELSE created_s END, CASE WHEN res_s >= 0 AND created_s + res_s <= 253402300799 THEN created_s + res_s ELSE created_s END))) AS BIGINT) FROM t)');
    expect(sql).not.toContain('outbound_row');
  });

  test('with --since/--until and no --as-of, the rows only the period leaves out count too: a period does not make the export younger', () => {
    const sql = countQuery({ ...spec('postgres'), asOf: null });
    // read from c, before the period's filter: the used rows and the outside-period rows that are not agent-initiated
    expect(sql).toContain("FROM c WHERE reason IS NULL OR (reason = 'outside-period' AND outbound_row = 0))");
    expect(sql).toMatch(/CASE WHEN \(CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL .*ELSE 'e' END\) = 'e' THEN created_s \+ fr_s ELSE created_s END/);
    expect(sql).toContain('THEN 1 ELSE 0 END AS outbound_row,');
    // with --as-of, none of it
    expect(countQuery(spec('postgres'))).not.toContain('outbound_row');
  });

  test('loudness and jumps: a window per customer, the first origin by ROW_NUMBER, ASCII-only capitals', () => {
    const sql = countQuery(spec('postgres'));
    expect(sql).toContain('COUNT(*) OVER (PARTITION BY cust ORDER BY created_s RANGE BETWEEN 604800 PRECEDING AND CURRENT ROW)');
    expect(sql).toContain("o.created_s < s.created_s AND o.created_s >= s.created_s - 1209600");
    expect(sql).toContain('OCTET_LENGTH(');
    // an escalation tag beyond ASCII is not matched in SQL (the notes say so: count.ts)
    expect(sql).toContain("' vip '");
    expect(sql).not.toContain('präsident');
    expect(journeyNotes(spec('postgres').columns, { ...DEFAULT_LOUD, escalationTags: ['vip', 'Präsident'] })).toContain('escalation tags with letters beyond ASCII are not matched in the database: Präsident');
  });

  test('without a customer column: no jump layers, no jumpers, no repeat contacts', () => {
    const { customerId: _c, ...columns } = spec('duckdb').columns;
    const sql = countQuery({ ...spec('duckdb'), columns });
    expect(sql).not.toMatch(/^jp AS/m);
    expect(sql).not.toContain('OVER (PARTITION BY cust');
    expect(sql).toContain("'jumpers'");
    expect(journeyNotes(columns, DEFAULT_LOUD)).toContain('no customer column: repeat contacts and channel jumps cannot be found');
  });

  test('HH:MM:SS duration columns are refused with a hint', () => {
    expect(() => countQuery({ ...spec('postgres'), columns: { ...spec('postgres').columns, firstResponseTime: { column: 'frt', unit: 'hms' } } })).toThrow(/HH:MM:SS/);
  });
});

describe('quoting', () => {
  const name = 'a"b`c\\d\'e';
  test('identifiers', () => {
    expect(dialect('postgres').ident(name)).toBe('"a""b`c\\d\'e"');
    expect(dialect('duckdb').ident(name)).toBe('"a""b`c\\d\'e"');
    expect(dialect('snowflake').ident(name)).toBe('"a""b`c\\d\'e"');
    expect(dialect('databricks').ident(name)).toBe('`a"b``c\\d\'e`');
    expect(dialect('bigquery').ident(name)).toBe('`a"b\\`c\\\\d\'e`');
    expect(dialect('clickhouse').ident(name)).toBe('`a"b\\`c\\\\d\'e`');
  });

  test('string literals', () => {
    const value = "O'Brien\\\n";
    expect(dialect('duckdb').string(value)).toBe("('O''Brien\\' || chr(10))");
    expect(dialect('duckdb').string("O'Brien")).toBe("'O''Brien'");
    expect(dialect('postgres').string("O'Brien")).toBe("'O''Brien'");
    expect(dialect('postgres').string(value)).toBe("E'O\\'Brien\\\\\\n'");
    for (const d of ['clickhouse', 'bigquery', 'snowflake', 'databricks'] as const) expect(dialect(d).string(value)).toBe("'O\\'Brien\\\\\\n'");
  });

  // Unprintable characters (here a vertical tab and U+2028, both in the tag separators' pattern)
  // are written in each dialect's escape syntax: the output guard would otherwise print them as
  // visible escapes, and the printed query would not be the one parity runs.
  test('unprintable characters are escaped the way each dialect reads them', () => {
    const value = 'a\u000bb\u2028c';
    expect(dialect('duckdb').string(value)).toBe("('a' || chr(11) || 'b' || chr(8232) || 'c')");
    expect(dialect('postgres').string(value)).toBe("E'a\\u000bb\\u2028c'");
    expect(dialect('clickhouse').string(value)).toBe("'a\\x0Bb\\xE2\\x80\\xA8c'");
    for (const d of ['bigquery', 'snowflake', 'databricks'] as const) expect(dialect(d).string(value)).toBe("'a\\u000bb\\u2028c'");
    for (const d of DIALECTS) expect(dialect(d).string(value)).not.toMatch(/[\u0000-\u001f\u2028]/);
  });

  test('NUL is refused, table names split on dots', () => {
    expect(() => dialect('postgres').ident('a\u0000b')).toThrow(/NUL/);
    expect(qualifiedName(dialect('bigquery'), 'proj.support.tickets')).toBe('`proj`.`support`.`tickets`');
    expect(() => qualifiedName(dialect('postgres'), 'a..b')).toThrow(/empty part/);
  });

  // node-sql-parser's grammars do not all read a dialect's own quote escaped inside a quoted
  // identifier ("" in its Postgres mode, \` in BigQuery's), though the engines do: names with the
  // engine's own quote are run live by the engine tests (Postgres, DuckDB). Here: the classic
  // string-literal break-out in a column name and a note, which every parser reads.
  test('a hostile column name and note stay inside their quotes in every dialect', () => {
    for (const d of DIALECTS) {
      const name = "x'); DROP TABLE t; --";
      const hostile = { ...spec(d), columns: { ...spec(d).columns, channel: { column: name } }, notes: ["'); DROP TABLE t; --"] };
      const sql = countQuery(hostile);
      const parser = PARSER[d];
      if (parser) expect(() => new NodeSqlParser.Parser().astify(forParser(sql, parser), { database: parser })).not.toThrow();
      expect(sql).toContain(dialect(d).ident(name));
      expect(sql).not.toMatch(/^\s*DROP/m);
    }
  });
});

// The layout indents each layer (a space pair after every line break); a line break inside a
// quoted name or inside the user's --query (a string literal spanning lines) is theirs: indenting
// it made another name (the engine: "column not found") or another literal (a silent filter).
/** `text` as a regular expression matching itself. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('line breaks that belong to a name or to the user\'s query', () => {
  test('are kept as they are, in every dialect, through the flat and the series query', () => {
    const query = "SELECT * FROM t WHERE note <> 'a\nb'\r\n  AND x = 1";
    for (const d of DIALECTS) {
      const named = { ...spec(d), columns: { ...spec(d).columns, firstResponseAt: { column: 'First reply\r\ntime' } } };
      const sql = countQuery({ ...named, source: { query } });
      expect(sql).toContain(dialect(d).ident('First reply\r\ntime'));
      // (the closing parenthesis on a line of its own: a query may end in a line comment)
      expect(sql).toMatch(new RegExp(`\\(${escape(query)}\\n *\\)`));
      if (d === 'postgres' || d === 'clickhouse') {
        const series = seriesQuery(sql, d);
        expect(series).toContain(dialect(d).ident('First reply\r\ntime'));
        expect(series).toMatch(new RegExp(`\\(${escape(query)}\\n *\\)`));
      }
    }
  });

  test('DuckDB runs the query on a header with a line break and measures what the file audit measures', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { Readable } = await import('node:stream');
    const { resolveSettings } = await import('../../src/commands/options.js');
    const { audit, auditCounted } = await import('../../src/pipeline.js');
    const path = join(mkdtempSync(join(tmpdir(), 'parity-sql-break-')), 'break.csv');
    // answered after 1h and 3h: median (1h + 3h) / 2 = 2h
    writeFileSync(path, 'ticket_id,channel,created_at,"First reply\ntime"\nA,phone,2026-09-07T10:00:00Z,2026-09-07T11:00:00Z\nB,phone,2026-09-07T10:00:00Z,2026-09-07T13:00:00Z\n');
    const settings = { ...resolveSettings([path], {}, { columns: { firstResponseAt: 'First reply\ntime' } }, 'test'), generatedAt: null };
    const io = { stdin: Readable.from([]) };
    for (const report of [await audit(settings, io), await auditCounted({ kind: 'duckdb', files: [path] }, settings, io)]) {
      expect(report.channels.map((c) => [c.channel, c.firstResponse.median])).toEqual([['phone', 7200]]);
    }
  });

  test('names, literals and queries holding the stand-in characters themselves come back as they were', () => {
    // a private-use character of the stand-ins' range in a name, in a note (a literal) and in the
    // query (a file name DuckDB reads): kept, not turned into a line break, and nothing refused
    const query = "SELECT * FROM read_csv('tickets\uE000\uE004.csv')";
    const named = { ...spec('duckdb'), columns: { ...spec('duckdb').columns, category: { column: 'type\uE000' } }, notes: ['tag café\uE001x'], source: { query } };
    const sql = countQuery(named);
    expect(sql).toContain('"type\uE000"');
    expect(sql).toContain('tag café\uE001x');
    expect(sql).toMatch(new RegExp(`\\(${escape(query)}\\n *\\)`));
    expect(sql).not.toMatch(/type\n|café\r/);
  });

  test('a --query ending in a line comment keeps its closing parenthesis', () => {
    const sql = countQuery({ ...spec('postgres'), source: { query: 'SELECT * FROM t -- all tickets' } });
    expect(sql).toMatch(/\(SELECT \* FROM t -- all tickets\n *\) AS "parity_source"/);
  });
});

describe('series rows from an engine', () => {
  test('a meta row without seconds comes back as null; a creation time before 1970 stays a number', async () => {
    const { toFlatSeries } = await import('../../src/read/engines/connection.js');
    const { NO_SECONDS } = await import('../../src/read/engines/sql.js');
    const createdFrom = toFlatSeries({ dimension: 'meta', group: 'createdFrom', category: null, priority: null, metric: null, seconds: [-86400], ended: [0], waiting: [0] });
    expect(Array.from(createdFrom.seconds)).toEqual([-86400]); // 1969-12-31
    const rows = toFlatSeries({ dimension: 'meta', group: 'rows', category: null, priority: null, metric: null, seconds: [NO_SECONDS], ended: ['12'], waiting: [0] });
    expect(Array.from(rows.seconds)).toEqual([null]);
    expect(Array.from(rows.ended)).toEqual([12]); // numeric strings (Postgres bigint) read as numbers
  });
});

describe('Snowflake names, matched as Snowflake matches them', () => {
  test('a name that could be unquoted is upper-cased (Snowflake stores unquoted names so); one that could not, or given in double quotes, is exact', () => {
    expect(snowflakeIdent('created_at')).toBe('"CREATED_AT"');
    expect(snowflakeIdent('_x$1')).toBe('"_X$1"');
    expect(snowflakeIdent('group')).toBe('"GROUP"'); // a keyword: quoted, so still a name
    expect(snowflakeIdent('Created At')).toBe('"Created At"');
    expect(snowflakeIdent('1st_reply')).toBe('"1st_reply"');
    expect(snowflakeIdent('réponse')).toBe('"réponse"');
    expect(snowflakeIdent('via-channel')).toBe('"via-channel"');
    expect(snowflakeIdent('"created_at"')).toBe('"created_at"');
    expect(snowflakeIdent('"a""b"')).toBe('"a""b"');
    // a lone quote is part of the name, not quoting
    expect(snowflakeIdent('a"b')).toBe('"a""b"');
    expect(snowflakeIdent('"')).toBe('""""');
    expect(dialect('snowflake').ident('ticket_id')).toBe('"TICKET_ID"');
    // an empty quoted name is refused, as an empty one is
    expect(() => snowflakeIdent('""')).toThrow('a Snowflake name in double quotes is empty ("")');
  });

  test('a table name part in double quotes keeps its dots', () => {
    const sf = dialect('snowflake');
    expect(qualifiedName(sf, '"My.DB".public.tickets')).toBe('"My.DB"."PUBLIC"."TICKETS"');
    expect(qualifiedName(sf, '"a.b"')).toBe('"a.b"');
    expect(qualifiedName(sf, 'analytics.support.tickets')).toBe('"ANALYTICS"."SUPPORT"."TICKETS"');
    expect(qualifiedName(dialect('postgres'), 'support.tickets')).toBe('"support"."tickets"');
    expect(() => qualifiedName(sf, 'a..b')).toThrow('has an empty part');
    expect(() => qualifiedName(sf, '"".tickets')).toThrow('is empty');
  });
});
