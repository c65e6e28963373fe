/**
 * ClickHouse through `@clickhouse/client` (its HTTP interface). Works down to release 18.16,
 * the one Debian ships: the count query has no CTEs and its layers are inlined, so it is
 * longer than the default max_query_size allows for big vocabularies; the setting is raised
 * per query. A Distributed table is queried like any other: the shards aggregate, the
 * initiator merges.
 */
import { ClickHouseLogLevel, createClient } from '@clickhouse/client';
import { ParityError, UsageError } from '../../errors.js';
import { CountRowError } from '../../measure/counts.js';
import { CLICKHOUSE_QUERY_LIMITS, dialect, qualifiedName } from './dialects.js';
import { seriesQuery } from './sql.js';
import { QUERY_ATTEMPTS, safeUrl, sampleText, toFlatSeries, unreadableValueHint, type EngineConnection, type SqlSource } from './connection.js';

/** `clickhouse://user:pass@host:8123/db` → the HTTP URL the client speaks, and the database. */
export function clickhouseHttpUrl(url: string): { url: string; database: string | null } {
  const u = new URL(url);
  const secure = u.protocol === 'clickhouses:' || u.protocol === 'https:';
  // ClickHouse's HTTP interface takes the user, password and database as query parameters too
  // (http://host:8123/?user=analyst&password=…); any other parameter would be dropped unseen
  const params = u.searchParams;
  const unknown = [...params.keys()].filter((k) => k !== 'user' && k !== 'password' && k !== 'database');
  if (unknown.length) {
    throw new UsageError(`--db: the ClickHouse URL's parameter ${unknown.map((k) => `"${k}"`).join(', ')} is not one parity reads`, {
      hint: 'a ClickHouse URL takes user, password and database (clickhouse://user:password@host:8123/database, or ?user=…&password=…&database=…); set server settings in the user\'s profile',
    });
  }
  const inPath = percentDecoded(u.pathname.replace(/^\//, '')) || null;
  const inParameter = params.get('database') || null;
  if (inPath && inParameter && inPath !== inParameter) {
    throw new UsageError(`--db names two databases: "${inPath}" in the path and "${inParameter}" in ?database=`, {
      hint: 'keep one of them: clickhouse://host:8123/database, or ?database=… with no path',
    });
  }
  const database = inPath ?? inParameter;
  const http = new URL(`${secure ? 'https' : 'http'}://${u.host}`);
  if (!u.port) http.port = secure ? '8443' : '8123';
  http.username = u.username || encodeURIComponent(params.get('user') ?? '');
  http.password = u.password || encodeURIComponent(params.get('password') ?? '');
  return { url: http.toString().replace(/\/$/, ''), database };
}

/** A URL part as written before encoding (`my%20db` → `my db`), or as it is where it is no valid encoding. */
function percentDecoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** How long one query may take before parity gives up on the server. */
const REQUEST_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * Every query's settings: the count query (with the journey layers inlined about a dozen times)
 * is longer and deeper than the defaults allow; progress headers keep a long query's connection
 * alive through proxies that drop idle ones.
 */
const QUERY_SETTINGS = {
  ...CLICKHOUSE_QUERY_LIMITS,
  send_progress_in_http_headers: 1,
  http_headers_progress_interval_ms: '10000',
} as const;

/** The settings {@link spillSettings} reads, as the server has them for parity's user. */
const MEMORY_SETTINGS = ['max_memory_usage', 'max_bytes_before_external_group_by', 'max_bytes_before_external_sort'] as const;

/**
 * Settings that let the count query spill to disk instead of failing at the server's per-query
 * memory limit: grouping and sorting go external at half the limit (the share ClickHouse's
 * documentation advises), unless the user's profile already chose a threshold, and nothing
 * when there is no limit. Measured: 50M tickets on a server limited to 3.73 GiB a query failed
 * with code 241 without them.
 */
export function spillSettings(current: ReadonlyMap<string, string>): Record<string, string> {
  const limit = Number(current.get('max_memory_usage') ?? 0);
  if (!(limit > 0)) return {};
  const half = String(Math.floor(limit / 2));
  const out: Record<string, string> = {};
  for (const name of ['max_bytes_before_external_group_by', 'max_bytes_before_external_sort'] as const) {
    if (!(Number(current.get(name) ?? 0) > 0)) out[name] = half;
  }
  return out;
}

/** Whether the server refused a setting parity chose (a profile's constraint, a read-only user). */
export function refusedSetting(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /\bCode: (164|452)\b|SETTING_CONSTRAINT_VIOLATION|READONLY|should not be (changed|greater|less)|Cannot modify '/i.test(message);
}

function fromSql(source: SqlSource): string {
  const d = dialect('clickhouse');
  return 'table' in source ? qualifiedName(d, source.table) : `(${source.query.replace(/;\s*$/, '')}\n)`;
}

/**
 * One JSONEachRow line of a result. A query that fails after its first progress header (10 s
 * in: the HTTP status is already 200) ends its body with the server's exception as a plain line
 * ("Code: 49, e.displayText() = …"; servers before 2024 have no tag for it): that line is the
 * query's error, not a row that is not JSON.
 */
export function resultRow(line: string): Record<string, unknown> {
  const text = line.trim();
  if (/^Code: \d+[.,]/.test(text)) throw new Error(text);
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * Whether a ClickHouse failure is a fault of the server that running the same query again does
 * not repeat: "Cannot drain connections: cancel first" (code 49, a logical error) is a race in
 * the Distributed engine's end of a query, fixed upstream in 2023 (ClickHouse pull request
 * 52585); ClickHouse 18 gives it now and then on a query that succeeds when run again.
 */
export function transientClickHouse(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Cannot drain connections/i.test(message);
}

/**
 * A ClickHouse failure as the user reads it: the server's first line, with a hint that names the
 * fix — the URL when the server cannot be reached; the server's settings when the count query
 * ran out of the memory a query may use (code 241: 50M tickets on a server with a 3.7 GiB
 * per-query limit, measured); the URL's user, password or database when the server refuses
 * them; otherwise the table and the mapping.
 */
export function clickhouseFailure(error: unknown, label: string): ParityError {
  const message = (error as Error).message.split('\n')[0] ?? '';
  const unreachable = /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|socket hang up/i.test(message + String((error as { code?: string }).code ?? ''));
  const memory = /\bCode: 241\b|MEMORY_LIMIT_EXCEEDED|Memory limit \(for [a-z ]+\) exceeded/i.test(message);
  // 192 unknown user, 193 wrong password, 516 authentication failed (later releases), 81 unknown
  // database, 497 not allowed: the URL's credentials or database, not the mapping
  const login = /\bCode: (192|193|516)\b|UNKNOWN_USER|WRONG_PASSWORD|AUTHENTICATION_FAILED/.test(message);
  const database = /\bCode: 81\b|UNKNOWN_DATABASE/.test(message);
  const denied = /\bCode: 497\b|ACCESS_DENIED/.test(message);
  const hint = unreachable
    ? 'check --db (clickhouse://host:8123/database or http://host:8123) and that the server is running'
    : login
      ? "check --db's user and password (clickhouse://user:password@host:8123/database; without a user parity logs in as default)"
      : database
        ? 'check the database in --db (clickhouse://host:8123/<database>): the server has no database of that name'
        : denied
          ? 'the user in --db may not read this table: grant it SELECT, or log in as a user who may'
          : memory
            ? "the count query needs more memory than the server lets one query use (parity already lets grouping and sorting spill to disk at half of it): raise max_memory_usage for parity's user, or lower max_bytes_before_external_group_by in that user's profile, or audit a shorter period with --since/--until"
            : (unreadableValueHint(message) ?? 'check --table / --query and the columns mapping');
  return new ParityError(`ClickHouse: ${unreachable ? 'cannot connect' : message}`, { location: { file: label }, hint });
}

export async function connectClickHouse(url: string): Promise<EngineConnection> {
  const { url: http, database } = clickhouseHttpUrl(url);
  const parsed = new URL(http);
  const client = createClient({
    url: `${parsed.protocol}//${parsed.host}`,
    username: decodeURIComponent(parsed.username) || 'default',
    password: decodeURIComponent(parsed.password),
    ...(database ? { database } : {}),
    // the count query scans the whole table: minutes on a large one, not the client's 30 s default
    request_timeout: REQUEST_TIMEOUT_MS,
    // the client's own log lines would reach the terminal; parity reports failures itself
    log: { level: ClickHouseLogLevel.OFF },
  });
  const label = safeUrl(url);
  const failed = (error: unknown): ParityError => clickhouseFailure(error, label);
  const run = async (sql: string): Promise<Array<Record<string, unknown>>> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await client.query({ query: sql, format: 'JSONEachRow', clickhouse_settings: QUERY_SETTINGS });
        return (await result.text())
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map(resultRow);
      } catch (error) {
        if (attempt < QUERY_ATTEMPTS && transientClickHouse(error)) continue;
        throw failed(error);
      }
    }
  };
  return {
    dialect: 'clickhouse',
    label,
    async sample(source, n) {
      // DESCRIBE gives the column names and order even when the source is empty, and their types:
      // a String column's times and numbers are read trimmed, blank = none (sql.ts). A Date is
      // read through its text too (2026-10-01, midnight in --tz, as a file's date alone is):
      // toUnixTimestamp of a Date is its day number on ClickHouse 18 (20727 for 2026-10-01),
      // which made every duration from it some 56 years long.
      const rows = await run(`SELECT * FROM ${fromSql(source)} LIMIT ${Math.floor(n)}`);
      const described = await run(`DESCRIBE TABLE ${'table' in source ? fromSql(source) : `(${source.query.replace(/;\s*$/, '')}\n)`}`);
      const header = described.map((r) => String(r.name));
      const text = described.map((r) => /\bString\b|\bFixedString\(|\bDate(32)?\b/.test(String(r.type)));
      return { header, rows: rows.map((row) => header.map((h) => sampleText(row[h]))), text };
    },
    async countSeries(sql, sink) {
      // The spill thresholds are a help, never a requirement: a server that will not show its
      // settings, or whose profile forbids changing them, runs the query as it did without them.
      let spill: Record<string, string> = {};
      try {
        const current = await run(`SELECT name, value FROM system.settings WHERE name IN (${MEMORY_SETTINGS.map((n) => `'${n}'`).join(', ')})`);
        spill = spillSettings(new Map(current.map((r) => [String(r.name), String(r.value)])));
      } catch {
        spill = {};
      }
      let delivered = false;
      const query = async (settings: Record<string, string>): Promise<void> => {
        // Streamed: rows (a piece of a series each, sql.ts seriesQuery) are handed on as they arrive.
        const result = await client.query({ query: seriesQuery(sql, 'clickhouse'), format: 'JSONEachRow', clickhouse_settings: { ...QUERY_SETTINGS, ...settings } });
        for await (const rows of result.stream()) {
          for (const row of rows) {
            delivered = true;
            sink(toFlatSeries(resultRow(row.text)));
          }
        }
      };
      try {
        try {
          await query(spill);
        } catch (error) {
          if (delivered || Object.keys(spill).length === 0 || !refusedSetting(error)) throw error;
          await query({});
        }
      } catch (error) {
        if (error instanceof ParityError || error instanceof CountRowError) throw error;
        throw failed(error);
      }
    },
    // the count query is run again by its caller (count.ts), which starts a new table
    retryable: transientClickHouse,
    async close() {
      await client.close();
    },
  };
}
