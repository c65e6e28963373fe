/**
 * What parity's process and DuckDB's own process (duckdbProcess.ts, duckdbHost.ts) say to each
 * other over Node's IPC channel (structured clone: typed arrays travel as they are). Parity asks
 * one thing at a time; every answer names the request it answers.
 */
import { ParityError, type Location } from '../../errors.js';
import type { FlatCountSeries } from '../../measure/counts.js';
import type { SourceSample, SqlSource } from './connection.js';
import { DuckDBError } from './duckdb.js';

/** Parity → DuckDB's process. */
export type HostRequest =
  | { id: number; op: 'open'; label: string; timeZone: string; memory: string; spill: string }
  | { id: number; op: 'sample'; source: SqlSource; n: number }
  | { id: number; op: 'count'; sql: string };

/** DuckDB's process → parity: an answer, the series of a count query as they come, or an error. */
export type HostReply =
  | { id: number; type: 'done'; sample?: SourceSample }
  | { id: number; type: 'series'; list: FlatCountSeries[] }
  | { id: number; type: 'error'; error: SentError };

/** An error as it crosses: what parity's error says to the user, without a stack. */
export interface SentError {
  /** DuckDBError, ParityError, or anything else (a fault, said as parity's internal error). */
  kind: 'duckdb' | 'parity' | 'fault';
  message: string;
  hint?: string;
  location?: Location;
  reason?: string | null;
}

/** An error thrown in DuckDB's process, as it is sent. */
export function sendable(error: unknown): SentError {
  if (error instanceof ParityError) {
    return {
      kind: error instanceof DuckDBError ? 'duckdb' : 'parity',
      message: error.message,
      ...(error.hint !== undefined ? { hint: error.hint } : {}),
      ...(error.location !== undefined ? { location: { ...error.location } } : {}),
      ...(error instanceof DuckDBError ? { reason: error.reason } : {}),
    };
  }
  return { kind: 'fault', message: error instanceof Error ? error.message : String(error) };
}

/** A sent error as the error parity's process throws: the same class, message, hint and location. */
export function received(sent: SentError): Error {
  const options = { ...(sent.location !== undefined ? { location: sent.location } : {}), ...(sent.hint !== undefined ? { hint: sent.hint } : {}) };
  if (sent.kind === 'duckdb') return new DuckDBError(sent.message, options, sent.reason ?? null);
  if (sent.kind === 'parity') return new ParityError(sent.message, options);
  return new Error(`in DuckDB's process: ${sent.message}`);
}
