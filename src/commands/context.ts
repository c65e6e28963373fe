/**
 * What a command gets from the CLI and gives back. Commands never touch `process`: the CLI
 * passes standard input, the working directory and a warning sink, and prints the result.
 */
import type { Readable } from 'node:stream';
import type { WorkerUse } from '../threads.js';

export interface CommandContext {
  cwd: string;
  stdin: Readable;
  version: string;
  /** Whether the output may use colour (stdout is a TTY and colour is not switched off). */
  color: boolean;
  /** The terminal's width when the output goes to a terminal (absent for pipes and files). */
  columns?: number | undefined;
  /** Warnings and notes for stderr (suppressed by --quiet). */
  warn(message: string): void;
  /** Progress for long reads; shown only on a terminal (a no-op otherwise). */
  progress(message: string | null): void;
  /** Whether a large input is read with a worker thread (PARITY_WORKERS; default by size). */
  workers?: WorkerUse;
  /** The clock (epoch milliseconds): the time of the run, unless --generated-at gives it. Absent: not known. */
  now?: () => number;
}

export interface CommandResult {
  /** The report text for stdout (or for -o); a long one as chunks of whole lines, written as they come. */
  output: string | Iterable<string>;
  /** 0 ok, 1 a gate failed. Usage and input errors are thrown as ParityError (exit 2). */
  exitCode: 0 | 1;
  /** Extra text for stderr, printed before the output whatever --quiet says (CI annotations). */
  stderr?: string;
}
