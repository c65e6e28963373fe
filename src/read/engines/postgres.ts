/**
 * Postgres through `pg`. One client, one count query; the session time zone is set to the
 * audit's --tz so that `timestamp without time zone` columns are read in it, as a file's
 * timestamps without an offset are.
 */
import pg from 'pg';
import { ParityError } from '../../errors.js';
import { dialect, qualifiedName } from './dialects.js';
import { seriesQuery } from './sql.js';
import { safeUrl, sampleText, toFlatSeries, unreadableValueHint, type EngineConnection, type SqlSource } from './connection.js';

/**
 * Postgres' text types (pg_type oids: text, varchar, bpchar, name): a time or number in one is read
 * trimmed, blank = none (sql.ts), as parity reads a file's cell; a timestamp or number column as it is.
 */
const TEXT_TYPES = new Set([25, 1043, 1042, 19]);

/** Postgres' interval type (pg_type oid 1186): a duration, which the query needs as a number of seconds. */
const INTERVAL_TYPE = 1186;

/** A sampled value as text: an interval as Postgres writes it (`01:00:00`, `1 day 02:00:00`), not "[object Object]". */
function postgresSampleText(value: unknown): string | null {
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && typeof (value as { toPostgres?: unknown }).toPostgres === 'function') {
    return String((value as { toPostgres: () => string }).toPostgres());
  }
  return sampleText(value);
}

/** Rows fetched per round trip (a row is up to 16,384 cells of one series: sql.ts SERIES_ROW_CELLS). */
const FETCH_ROWS = 16;

function fromSql(source: SqlSource): string {
  const d = dialect('postgres');
  return 'table' in source ? qualifiedName(d, source.table) : `(${source.query.replace(/;\s*$/, '')}\n) AS parity_source`;
}

export async function connectPostgres(url: string, timeZone: string): Promise<EngineConnection> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query(dialect('postgres').sessionTimeZone(timeZone) as string);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new ParityError(`cannot connect to Postgres: ${(error as Error).message}`, {
      location: { file: safeUrl(url) },
      hint: 'check --db (postgresql://user:password@host:port/database) and that the server is running',
    });
  }
  const run = async <T extends Record<string, unknown>>(sql: string): Promise<pg.QueryResult<T>> => {
    try {
      return await client.query<T>(sql);
    } catch (error) {
      const message = (error as Error).message;
      throw new ParityError(`Postgres: ${message}`, { location: { file: safeUrl(url) }, hint: unreadableValueHint(message) ?? 'check --table / --query and the columns mapping' });
    }
  };
  return {
    dialect: 'postgres',
    label: safeUrl(url),
    async sample(source, n) {
      const result = await run(`SELECT * FROM ${fromSql(source)} LIMIT ${Math.floor(n)}`);
      const header = result.fields.map((f) => f.name);
      return {
        header,
        rows: result.rows.map((row) => header.map((h) => postgresSampleText(row[h]))),
        text: result.fields.map((f) => TEXT_TYPES.has(f.dataTypeID)),
        durationTypes: result.fields.map((f) => (f.dataTypeID === INTERVAL_TYPE ? 'interval' : null)),
      };
    },
    async countSeries(sql, sink) {
      // A cursor, so that the client holds a few series at a time, not the whole result.
      await run('BEGIN');
      try {
        await run(`DECLARE parity_series NO SCROLL CURSOR FOR ${seriesQuery(sql, 'postgres')}`);
        for (;;) {
          const result = await run(`FETCH ${FETCH_ROWS} FROM parity_series`);
          for (const row of result.rows) sink(toFlatSeries(row));
          if (result.rows.length < FETCH_ROWS) break;
        }
        await run('CLOSE parity_series');
        await run('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async close() {
      await client.end();
    },
  };
}
