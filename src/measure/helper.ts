/**
 * The statistics helper thread: while this thread measures a large table (the durations sorted,
 * every group and cell tallied), a worker (measure/helperWorker.ts) works out two things the
 * judge reads later and that need only a few columns: the customer journeys (every customer's
 * tickets in time order, then repeat contacts, loudness and channel jumps: journeys.ts,
 * journeyGroups.ts journeyMarks) and the follower rank correlation (rankCorrelation.ts). On a
 * 2-core machine the second core is otherwise idle after reading.
 *
 * Nothing is decided here: the worker runs the same functions on copies of the same columns, so
 * the numbers are the ones this thread would work out (the tests compare whole reports with and
 * without the helper). A helper that cannot start, fails or stops is not an error: what it did
 * not hand back is worked out on this thread when the judge reads it (TicketGroups).
 *
 * Used from pipeline.ts's audit for tables of HELPER_TICKETS or more (PARITY_WORKERS=always:
 * any size; never: none). The pipeline awaits the results between measure and judge, so no
 * thread ever blocks on another.
 */
import type { Worker } from 'node:worker_threads';
import type { TicketTable } from '../normalise/table.js';
import { workerBundle, workersPossible, type WorkerUse } from '../threads.js';
import type { JourneyColumns } from './journeys.js';
import type { JourneyMarks, JourneyRules } from './journeyGroups.js';
import { correlationInput, type CorrelationInput, type FollowerCorrelation } from './rankCorrelation.js';
import type { Strata } from './strata.js';

/** Tables from this size on are measured with the helper (below it a thread's start costs more than it saves). */
export const HELPER_TICKETS = 500_000;

/** A job for the helper thread. */
export type HelperJob =
  | { readonly kind: 'journeys'; readonly columns: JourneyColumns; readonly customers: number; readonly rules: JourneyRules }
  | { readonly kind: 'correlation'; readonly input: CorrelationInput };

/** What the helper hands back for each job, in the order they were sent. */
export type HelperAnswer =
  | { readonly kind: 'journeys'; readonly value: JourneyMarks }
  | { readonly kind: 'correlation'; readonly value: FollowerCorrelation }
  | { readonly kind: 'failed'; readonly message: string };

/** The journeys the helper worked out, and the rules they were worked out under. */
export interface HelpedJourneys {
  rules: JourneyRules;
  marks: JourneyMarks;
}

/** What the helper worked out (null: not, to be worked out on this thread). */
export interface Helped {
  journeys: HelpedJourneys | null;
  correlation: FollowerCorrelation | null;
}

/** Whether a table of `tickets` is measured with the helper. */
export function wantsHelper(tickets: number, use: WorkerUse): boolean {
  if (use !== 'auto') return use === 'always';
  return tickets >= HELPER_TICKETS;
}

/**
 * Starts the helper on `table`'s timeline and follower correlation (`strata`: the table's
 * category × priority cells); null when there is no helper to start (not built, or the process
 * cannot afford a thread). The worker reads the table's columns where they are when they are in
 * shared memory, else copies; this thread goes on with them (neither writes them any more).
 */
export async function startHelper(table: TicketTable, strata: Strata | null, rules: JourneyRules): Promise<Helper | null> {
  const path = workersPossible() ? workerBundle('helperWorker') : null;
  if (path === null) return null;
  let worker: Worker;
  try {
    const { Worker } = await import('node:worker_threads');
    // (execArgv: none of the main thread's node options; `node -e` would hand the worker its script)
    worker = new Worker(path, { execArgv: [] });
  } catch {
    return null;
  }
  const jobs: HelperJob[] = [
    { kind: 'journeys', columns: journeyColumns(table), customers: table.dictionaries.customer.size, rules: { ...rules } },
    { kind: 'correlation', input: correlationInput(table, strata) },
  ];
  const done = new Promise<Helped>((resolve) => {
    const helped: Helped = { journeys: null, correlation: null };
    let answers = 0;
    const finish = (): void => {
      resolve(helped);
      void worker.terminate();
    };
    worker.on('message', (answer: HelperAnswer) => {
      if (answer.kind === 'journeys') helped.journeys = { rules, marks: answer.value };
      else if (answer.kind === 'correlation') helped.correlation = answer.value;
      if (answer.kind === 'failed' || ++answers === jobs.length) finish();
    });
    // a helper that fails or stops: what it did not hand back is worked out on this thread
    worker.on('error', finish);
    worker.on('exit', finish);
  });
  for (const job of jobs) worker.postMessage(job, transferOf(job));
  return { done, stop: () => void worker.terminate() };
}

/** A started helper: what it works out, once it is done; `stop` lets it go unawaited (the audit failed). */
export interface Helper {
  done: Promise<Helped>;
  stop(): void;
}

type Column = Uint8Array | Int8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

/**
 * The first `n` values of a column, as the worker can read them: the column itself when it is
 * in shared memory (the table builder's, normalise/table.ts), else a copy.
 */
function shared<T extends Column>(column: T, n: number): T {
  return (column.buffer instanceof SharedArrayBuffer ? column.subarray(0, n) : column.slice(0, n)) as T;
}

/** The columns the journeys read, for the worker. */
function journeyColumns(table: TicketTable): JourneyColumns {
  const n = table.size;
  return {
    size: n,
    createdAt: shared(table.createdAt, n),
    channel: shared(table.channel, n),
    customer: shared(table.customer, n),
    isPublic: shared(table.isPublic, n),
    flags: shared(table.flags, n),
    firstResponseState: shared(table.firstResponseState, n),
    firstResponse: shared(table.firstResponse, n),
    resolutionState: shared(table.resolutionState, n),
    resolution: shared(table.resolution, n),
    ...(table.instantFirstResponse ? { instantFirstResponse: shared(table.instantFirstResponse, n) } : {}),
    ...(table.instantResolution ? { instantResolution: shared(table.instantResolution, n) } : {}),
  };
}

/** The buffers of a job's copies (handed over, not copied again); shared memory is shared, not handed over. */
function transferOf(job: HelperJob): ArrayBuffer[] {
  const arrays: ArrayBufferView[] =
    job.kind === 'journeys'
      ? Object.values(job.columns as object).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v))
      : [job.input.followers, job.input.seconds, ...(job.input.cells ? [job.input.cells.code] : [])];
  return arrays.map((a) => a.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
