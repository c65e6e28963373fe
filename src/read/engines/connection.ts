/**
 * What parity needs from a database: a sample of the source (to map its columns exactly as a
 * file's header is mapped) and the rows of one query. Each engine module (duckdb.ts,
 * postgres.ts, clickhouse.ts) implements this over its own client; the count-table logic in
 * count.ts does not know which one it talks to.
 */
import type { FlatCountSeries } from '../../measure/counts.js';
import type { LiveDialectId } from './dialects.js';
import { NO_SECONDS } from './sql.js';

export { safeUrl } from './url.js';

/** What `EngineConnection.sample` returns. */
export interface SourceSample {
  header: string[];
  rows: Array<Array<string | null>>;
  text?: boolean[];
  /**
   * Columns of a duration type the count query does not read as they are (Postgres `interval`):
   * the engine's type name, else null. A time or duration mapped to one is refused with the fix.
   */
  durationTypes?: Array<string | null>;
}

/** Where the ticket rows are: a table, or a query whose result is the ticket rows. */
export type SqlSource = { table: string } | { query: string };

export interface EngineConnection {
  readonly dialect: LiveDialectId;
  /** How the source is named in messages and in `input.files` (a URL without password, a file). */
  readonly label: string;
  /**
   * Column names of the source and up to `n` rows, every value as text (null = empty); `text`,
   * where the engine says, whether each column is of a text type (sql.ts reads a time or number
   * from text trimmed, blank = none; a typed column as it is). DuckDB does not say: its query
   * tells text from a typed column itself (dialects.ts fromText).
   */
  sample(source: SqlSource, n: number): Promise<SourceSample>;
  /**
   * Runs a flat count query (sql.ts countQuery), grouped into series the engine's way — Postgres
   * and ClickHouse as arrays (sql.ts seriesQuery), DuckDB sorted (duckdb.ts sortedSeries) — and
   * hands the series to `sink` piece by piece as they arrive, each series' pieces together and
   * its times rising, so that only the packed count table, not the driver's whole result, is held.
   */
  countSeries(sql: string, sink: (series: FlatCountSeries) => void): Promise<void>;
  /**
   * Whether a failed query may be run again from its start: a fault of the server that the same
   * query does not repeat. None when absent.
   */
  readonly retryable?: (error: unknown) => boolean;
  close(): Promise<void>;
}

/** How many times a query that failed with a retryable fault is run in all. */
export const QUERY_ATTEMPTS = 3;

/**
 * What a long count query tells a progress line: that it started (and on which source), the
 * cells received so far as the series arrive, that it ended. A query of tens of millions of
 * tickets keeps a server busy for minutes before its first series comes back.
 */
export interface CountingProgress {
  start(source: string): void;
  cells(received: number): void;
  stop(): void;
}

/** The connection with each count query reported to `progress`. */
export function reportingProgress(connection: EngineConnection, progress: CountingProgress): EngineConnection {
  return {
    ...connection,
    async countSeries(sql, sink) {
      progress.start(connection.label);
      let cells = 0;
      try {
        await connection.countSeries(sql, (series) => {
          cells += series.seconds.length;
          progress.cells(cells);
          sink(series);
        });
      } finally {
        progress.stop();
      }
    },
  };
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** An array of numbers from a driver (numbers, numeric strings or bigints); NO_SECONDS = none. */
function numbers(value: unknown, seconds: boolean): Float64Array {
  const items = Array.isArray(value) ? value : [];
  const out = new Float64Array(items.length);
  for (let k = 0; k < items.length; k++) {
    const v = items[k];
    out[k] = v === null || v === undefined ? (seconds ? NO_SECONDS : 0) : Number(v);
  }
  return out;
}

/** NO_SECONDS (a `meta` row's missing seconds in the series query) → null. */
export function secondsOrNull(seconds: Float64Array): ArrayLike<number | null> {
  for (let k = 0; k < seconds.length; k++) if (seconds[k] === NO_SECONDS) return Array.from(seconds, (x) => (x === NO_SECONDS ? null : x));
  return seconds;
}

/**
 * A driver's series row (dimension, group, category, priority, metric, seconds[], ended[],
 * waiting[], by name or by position) → a flat count series.
 */
export function toFlatSeries(row: Record<string, unknown> | unknown[]): FlatCountSeries {
  const get = (name: string, k: number): unknown => (Array.isArray(row) ? row[k] : row[name]);
  return {
    dimension: String(get('dimension', 0) ?? ''),
    group: textOrNull(get('group', 1)),
    category: textOrNull(get('category', 2)),
    priority: textOrNull(get('priority', 3)),
    metric: textOrNull(get('metric', 4)),
    seconds: secondsOrNull(numbers(get('seconds', 5), true)),
    ended: numbers(get('ended', 6), false),
    waiting: numbers(get('waiting', 7), false),
  };
}

/** A sample value as the text a file would hold. */
export function sampleText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * The hint for a count query that stopped at a value the database could not read as a time or a
 * number (Postgres "date/time field value out of range", "invalid input syntax", "bigint out of
 * range"; DuckDB "Conversion Error", "can't be cast", "out of range"; ClickHouse "Cannot parse",
 * "Cannot convert"): parity checks the mapping on a sample of the first rows, and in-process it
 * rejects such a row or leaves the value out with its line, but a query stops at it. Null for
 * any other failure (the engine's own hint applies).
 *
 * `sampled` (the values of each column in the sample the connection took, trimmed) tells where
 * the value lies: one among the first rows (an ISO time of a month 13, which is written like a
 * time, or text the column's other values outvoted) is no value "past them".
 */
export function unreadableValueHint(message: string, sampled?: ReadonlyMap<string, ReadonlySet<string>>): string | null {
  if (!/out of range|invalid input syntax|conversion error|can't be cast|could not convert|cannot parse|cannot convert string|Code: (6|27|41|69|70|72)\b/i.test(message)) return null;
  const where = sampled !== undefined && quotesSampledValue(message, sampled)
    ? `it lies in the first ${SAMPLE_ROWS} rows, which parity samples to choose how each column is read (a value there that does not fit is not refused before the query), and the query stops at it`
    : 'parity checks the columns on a sample of the first rows, and a query stops at the first bad value past them';
  return `a value in the data cannot be read as a time or number (the message quotes it): ${where}, where a file read in-process rejects that row (or leaves the value out) and goes on; correct the value where the tickets live, or audit an export of them without --engine / --db to see every such row with its line`;
}

/** How many of the first rows a source's columns are mapped from (count.ts mapSource). */
export const SAMPLE_ROWS = 500;

/**
 * Whether the message quotes, after the count query's own `(column X): ` (dialects.ts
 * unreadable), a value the sample holds in column X, whole: followed by the quote the database
 * closes it with.
 */
function quotesSampledValue(message: string, sampled: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  for (const [column, values] of sampled) {
    const prefix = `(column ${column}): `;
    for (let at = message.indexOf(prefix); at >= 0; at = message.indexOf(prefix, at + 1)) {
      const rest = message.slice(at + prefix.length);
      for (const value of values) if (value !== '' && (rest.startsWith(`${value}"`) || rest.startsWith(`${value}'`))) return true;
    }
  }
  return false;
}

/** The values of each column of a sample, trimmed: what {@link unreadableValueHint} looks a quoted value up in. */
export function sampledValues(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | null>>, into: Map<string, Set<string>> = new Map()): Map<string, Set<string>> {
  header.forEach((column, k) => {
    let values = into.get(column);
    if (!values) into.set(column, (values = new Set()));
    for (const row of rows) {
      const v = row[k];
      if (v !== null && v !== undefined) values.add(v.trim());
    }
  });
  return into;
}
