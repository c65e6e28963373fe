/**
 * What parity needs from a database: a sample of the source (to map its columns exactly as a
 * file's header is mapped) and the rows of one query. Each engine module (duckdb.ts,
 * postgres.ts, clickhouse.ts) implements this over its own client; the count-table logic in
 * count.ts does not know which one it talks to.
 */
import type { FlatCountRow } from '../../measure/counts.js';
import type { DialectId } from './dialects.js';

/** Where the ticket rows are: a table, or a query whose result is the ticket rows. */
export type SqlSource = { table: string } | { query: string };

export interface EngineConnection {
  readonly dialect: DialectId;
  /** How the source is named in messages and in `input.files` (a URL without password, a file). */
  readonly label: string;
  /** Column names of the source and up to `n` rows, every value as text (null = empty). */
  sample(source: SqlSource, n: number): Promise<{ header: string[]; rows: Array<Array<string | null>> }>;
  /** Runs the count query and returns its rows. */
  countRows(sql: string): Promise<FlatCountRow[]>;
  close(): Promise<void>;
}

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'bigint' ? Number(value) : Number(value);
  return Number.isFinite(n) ? n : null;
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A driver's result row (any casing of numbers) → a flat count row. */
export function toFlatRow(row: Record<string, unknown>): FlatCountRow {
  return {
    dimension: String(row.dimension ?? ''),
    group: textOrNull(row.group),
    category: textOrNull(row.category),
    priority: textOrNull(row.priority),
    metric: textOrNull(row.metric),
    seconds: numberOrNull(row.seconds),
    ended: numberOrNull(row.ended) ?? 0,
    waiting: numberOrNull(row.waiting) ?? 0,
  };
}

/** A sample value as the text a file would hold. */
export function sampleText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** A connection URL for messages: the password replaced by `***`. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
