/**
 * The statistics helper thread: while this thread measures a large table (the durations sorted,
 * every group and cell tallied), a worker (measure/helperWorker.ts) works out two things the
 * judge reads later and that need only a few columns: every customer's tickets in time order
 * (journeys.ts timelineOf, which repeat contacts and channel jumps walk) and the follower rank
 * correlation (rankCorrelation.ts). On a 2-core machine the second core is otherwise idle after
 * reading. (The journeys themselves were tried on the helper too, after the timeline: no gain
 * the runs could show at 5M rows, and 40–100 MB more at the peak of 10M, so they stay here.)
 *
 * Nothing is decided here: the worker runs the same functions on the same columns (read where
 * they are when the table builder put them in shared memory, copied otherwise), so the numbers
 * are the ones this thread would work out (the tests compare whole reports with and without
 * the helper). A helper that cannot start, fails or stops is not an error: what it did not
 * hand back is worked out on this thread when the judge reads it (TicketGroups), and `failure`
 * says why.
 *
 * Used from pipeline.ts's audit for tables of HELPER_TICKETS or more (PARITY_WORKERS=always:
 * any size; never: none). The pipeline awaits the results between measure and judge: this
 * thread waits for the helper only there, and never blocks its event loop.
 */
import type { Worker } from 'node:worker_threads';
import type { TicketTable, TimeColumn } from '../normalise/table.js';
import { workerBundle, workersPossible, type WorkerUse } from '../threads.js';
import type { CustomerTimeline } from './journeys.js';
import { correlationInput, type CorrelationInput, type FollowerCorrelation } from './rankCorrelation.js';
import { strataOf, type Strata } from './strata.js';

/**
 * Tables from this size on are measured with the helper. The 1M bench export: 4.63–5.01 s →
 * 4.26–4.72 s with it (three runs each, interleaved); at 300k rows the difference was within
 * the runs' spread (a thread's start and the copies against a few tenths of a second of work).
 */
export const HELPER_TICKETS = 500_000;

/** A job for the helper thread. */
export type HelperJob =
  | { readonly kind: 'timeline'; readonly customer: Int32Array; readonly created: TimeColumn; readonly customers: number }
  | { readonly kind: 'correlation'; readonly input: CorrelationInput };

/** What the helper hands back for each job, in the order they were sent. */
export type HelperAnswer =
  | { readonly kind: 'timeline'; readonly value: CustomerTimeline }
  | { readonly kind: 'correlation'; readonly value: FollowerCorrelation }
  | { readonly kind: 'failed'; readonly message: string };

/** What the helper worked out (null: not, to be worked out on this thread), and what for. */
export interface Helped {
  timeline: CustomerTimeline | null;
  /** The follower correlation, with the cells it was worked out in. */
  correlation: { strata: Strata | null; value: FollowerCorrelation } | null;
  /** Why the helper stopped before answering every job (null: it did not). */
  failure: string | null;
}

/** A started helper: what it works out, once it is done; `stop` lets it go unawaited (the audit failed). */
export interface Helper {
  done: Promise<Helped>;
  stop(): void;
}

/** Whether a table of `tickets` is measured with the helper. */
export function wantsHelper(tickets: number, use: WorkerUse): boolean {
  if (use !== 'auto') return use === 'always';
  return tickets >= HELPER_TICKETS;
}

/**
 * Starts the helper on `table`'s customer timeline and follower correlation (in its category ×
 * priority cells); null when there is none to start (not built, the process cannot afford a
 * thread, the system refuses one, or its columns cannot be copied).
 */
export async function startHelper(table: TicketTable): Promise<Helper | null> {
  const path = workersPossible() ? workerBundle('helperWorker') : null;
  if (path === null) return null;
  const strata = strataOf(table, ['category', 'priority']);
  const n = table.size;
  let jobs: HelperJob[];
  try {
    jobs = [
      { kind: 'timeline', customer: forWorker(table.customer, n), created: forWorker(table.createdAt, n), customers: table.dictionaries.customer.size },
      { kind: 'correlation', input: correlationInput(table, strata) },
    ];
  } catch {
    return null; // (no memory for the copies: this thread works it out later, as without a helper)
  }
  const { Worker } = await import('node:worker_threads');
  let worker: Worker | null = null;
  try {
    // (execArgv: none of the main thread's node options; `node -e` would hand the worker its script)
    const started = (worker = new Worker(path, { execArgv: [] }));
    const done = new Promise<Helped>((resolve) => {
      const helped: Helped = { timeline: null, correlation: null, failure: null };
      let answers = 0;
      const finish = (failure: string | null): void => {
        if (failure !== null && answers < jobs.length) helped.failure ??= failure;
        resolve(helped);
        void started.terminate();
      };
      started.on('message', (answer: HelperAnswer) => {
        if (answer.kind === 'timeline') helped.timeline = answer.value;
        else if (answer.kind === 'correlation') helped.correlation = { strata, value: answer.value };
        else return finish(`a job failed: ${answer.message}`);
        if (++answers === jobs.length) finish(null);
      });
      // a helper that fails or stops: what it did not hand back is worked out on this thread
      started.on('messageerror', (error: Error) => finish(`an answer could not be read: ${error.message}`));
      started.on('error', (error: Error) => finish(`the thread failed: ${error.message}`));
      started.on('exit', (code: number) => finish(`the thread stopped (exit code ${code})`));
    });
    for (const job of jobs) started.postMessage(job, transferOf(job));
    return { done, stop: () => void started.terminate() };
  } catch {
    // a thread the system refuses, or a job it cannot be sent
    void worker?.terminate();
    return null;
  }
}

/**
 * The first `n` values of a column, as the worker reads them: the column itself when it is in
 * shared memory (the table builder's, normalise/table.ts), else a copy of them.
 */
function forWorker<T extends Int32Array | Uint32Array | Float64Array>(column: T, n: number): T {
  return (column.buffer instanceof SharedArrayBuffer ? column.subarray(0, n) : column.slice(0, n)) as T;
}

/** The buffers of a job's copies (handed over, not copied again); shared memory is shared, not handed over. */
function transferOf(job: HelperJob): ArrayBuffer[] {
  const arrays: ArrayBufferView[] =
    job.kind === 'timeline' ? [job.customer, job.created] : [job.input.followers, job.input.seconds, ...(job.input.cells ? [job.input.cells.code] : [])];
  return arrays.map((a) => a.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
