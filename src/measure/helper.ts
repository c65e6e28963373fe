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
 * any size; never: none). The pipeline awaits the results between measure and judge.
 *
 * Its second job is resolution's half of every tally pass (sample.ts Samples, through
 * {@link HelperTwin}): it sorts the resolution durations while this thread sorts first
 * response's, keeps them in shared memory, and, whenever this thread tallies groups (the
 * channels, their like-for-like cells, the follower bands, the loud and quiet tickets), tallies
 * resolution while this thread tallies first response. Those answers are awaited in the middle of
 * synchronous code, so they come on a port of their own, read with receiveMessageOnPort while
 * this thread waits on a shared counter (Atomics.wait) the helper raises after each answer; the
 * helper is only asked when it has nothing else to do. An answer that does not come within
 * {@link twinDeadline} (the helper stopped or failed) is given up: the pass is made here, and the
 * helper is not asked again.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import { RESOLVED, type SecondsColumn, type TicketTable, type TimeColumn } from '../normalise/table.js';
import type { TallyCodes } from '../stats/tally.js';
import { PackedTally } from '../stats/packedTally.js';
import { workerBundle, workersPossible, type WorkerUse } from '../threads.js';
import type { CustomerTimeline } from './journeys.js';
import { correlationInput, type CorrelationInput, type FollowerCorrelation } from './rankCorrelation.js';
import type { ResolutionTwin, SortedRuns } from './sample.js';
import { strataOf, type Strata } from './strata.js';

/**
 * Tables from this size on are measured with the helper. The 1M bench export: 4.63–5.01 s →
 * 4.26–4.72 s with it (three runs each, interleaved); at 300k rows the difference was within
 * the runs' spread (a thread's start and the copies against a few tenths of a second of work).
 */
export const HELPER_TICKETS = 500_000;

/** A job for the helper thread: answered on its parent port (the first two) or on the twin's port (sort, pass). */
export type HelperJob =
  | { readonly kind: 'timeline'; readonly customer: Int32Array; readonly created: TimeColumn; readonly customers: number }
  | { readonly kind: 'correlation'; readonly input: CorrelationInput }
  | { readonly kind: 'sort'; readonly ages: TwinAges; readonly seconds: SecondsColumn; readonly state: Uint8Array; readonly resolved: number; readonly asOf: number }
  | { readonly kind: 'pass'; readonly id: number; readonly codes: TallyCodes; readonly groups: number };

/** The columns a waiting age is read from (sample.ts TableAges), as the helper gets them. */
export interface TwinAges {
  readonly size: number;
  readonly createdAt: TimeColumn;
  readonly openAge?: Float64Array;
}

/** What the helper hands back for each timeline or correlation job, in the order they were sent. */
export type HelperAnswer =
  | { readonly kind: 'timeline'; readonly value: CustomerTimeline }
  | { readonly kind: 'correlation'; readonly value: FollowerCorrelation }
  | { readonly kind: 'failed'; readonly message: string };

/** What the helper hands back for a sort or a pass, on the twin's port, with the request's number (the sort's: SORT_ID). */
export type TwinAnswer = { readonly id: number } & (
  | ({ readonly kind: 'sorted' } & SortedRuns)
  | { readonly kind: 'unsortable' }
  | { readonly kind: 'tallies'; readonly tallies: PackedTally[] }
  | { readonly kind: 'failed'; readonly message: string }
);

/** The number of the sort's answer (passes are numbered from 1). */
export const SORT_ID = 0;

/** What the helper is started with. */
export interface HelperStart {
  /** The port the twin's answers go to. */
  readonly twinPort: MessagePort;
  /** Int32 [twin answers sent, timeline and correlation jobs done, started]. */
  readonly control: SharedArrayBuffer;
}

/** Slots of the helper's shared counters (HelperStart.control). */
export const TWIN_ANSWERS = 0;
export const JOBS_DONE = 1;
export const STARTED = 2;

/** What the helper worked out (null: not, to be worked out on this thread), and what for. */
export interface Helped {
  timeline: CustomerTimeline | null;
  /** The follower correlation, with the cells it was worked out in. */
  correlation: { strata: Strata | null; value: FollowerCorrelation } | null;
  /** Why the helper stopped before answering every job (null: it did not). */
  failure: string | null;
}

/** A started helper: what it works out, once it is done; the resolution twin of the table's Samples; `stop` ends it (after the judge, or when the audit failed). */
export interface Helper {
  done: Promise<Helped>;
  twin: ResolutionTwin | null;
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
export async function startHelper(table: TicketTable, asOf: number): Promise<Helper | null> {
  const path = workersPossible() ? workerBundle('helperWorker') : null;
  if (path === null) return null;
  const strata = strataOf(table, ['category', 'priority']);
  const n = table.size;
  let jobs: HelperJob[];
  let sort: HelperJob;
  try {
    // first the sort, which this thread is about to wait for
    const ages: TwinAges = { size: n, createdAt: forWorker(table.createdAt, n), ...(table.openAge ? { openAge: forWorker(table.openAge, n) } : {}) };
    sort = { kind: 'sort', ages, seconds: forWorker(table.resolution, n), state: forWorker(table.resolutionState, n), resolved: RESOLVED, asOf };
    jobs = [
      // (a copy of their own: each job's copies are handed over with it)
      { kind: 'timeline', customer: forWorker(table.customer, n), created: forWorker(table.createdAt, n), customers: table.dictionaries.customer.size },
      { kind: 'correlation', input: correlationInput(table, strata, asOf) },
    ];
  } catch {
    return null; // (no memory for the copies: this thread works it out later, as without a helper)
  }
  const { Worker, MessageChannel, receiveMessageOnPort } = await import('node:worker_threads');
  let worker: Worker | null = null;
  try {
    const { port1, port2 } = new MessageChannel();
    const control = new SharedArrayBuffer(3 * 4);
    const start: HelperStart = { twinPort: port2, control };
    // (execArgv: none of the main thread's node options; `node -e` would hand the worker its script)
    const started = (worker = new Worker(path, { execArgv: [], workerData: start, transferList: [port2] }));
    const twin = new HelperTwin(started, port1, new Int32Array(control), jobs.length, twinDeadline(n), receiveMessageOnPort);
    const done = new Promise<Helped>((resolve) => {
      const helped: Helped = { timeline: null, correlation: null, failure: null };
      let answers = 0;
      const finish = (failure: string | null): void => {
        if (failure !== null && answers < jobs.length) helped.failure ??= failure;
        resolve(helped);
      };
      started.on('message', (answer: HelperAnswer) => {
        if (answer.kind === 'timeline') helped.timeline = answer.value;
        else if (answer.kind === 'correlation') helped.correlation = { strata, value: answer.value };
        else return finish(`a job failed: ${answer.message}`);
        if (++answers === jobs.length) finish(null);
      });
      // a helper that fails or stops: what it did not hand back is worked out on this thread
      started.on('messageerror', (error: Error) => finish(`an answer could not be read: ${error.message}`));
      started.on('error', (error: Error) => {
        twin.lost();
        finish(`the thread failed: ${error.message}`);
      });
      started.on('exit', (code: number) => {
        twin.lost();
        finish(`the thread stopped (exit code ${code})`);
      });
    });
    for (const job of [sort, ...jobs]) started.postMessage(job, transferOf(job));
    return {
      done,
      twin,
      stop: () => {
        twin.stop();
        void started.terminate();
      },
    };
  } catch {
    // a thread the system refuses, or a job it cannot be sent
    void worker?.terminate();
    return null;
  }
}

/** How long this thread waits for the helper to start before it sorts resolution itself (a thread starts in tens of milliseconds). */
const START_WAIT_MS = 2_000;

/**
 * How long this thread waits for one answer of the twin before giving it up, in milliseconds:
 * 2 s and 1 µs a ticket, several times what a sort or a pass takes (about 0.1–0.2 µs a ticket
 * measured at 5M), so only a helper that stopped, failed or was starved of the CPU meets it. A
 * stopped helper cannot be seen from synchronous code (its exit is an event), so this bounds
 * the time one costs (7 s at 5M tickets, once: it is not asked again); the numbers never depend
 * on it.
 */
export function twinDeadline(tickets: number): number {
  return 2_000 + tickets / 1_000;
}

/** The helper's side of Samples' tallies (sample.ts ResolutionTwin; the module header says how). */
export class HelperTwin implements ResolutionTwin {
  /** Resolution's durations as the helper sorted them: not yet asked; undefined: they did not come. */
  private sortedThere: SortedRuns | null | undefined | 'pending' = 'pending';
  private gone = false;
  /** The last pass asked for (its answer carries the number; the sort's is SORT_ID). */
  private asked = SORT_ID;
  /** Passes the helper made (the tests read it). */
  passes = 0;

  constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly control: Int32Array,
    /** Timeline and correlation jobs sent: the helper is free once it has done them. */
    private readonly jobs: number,
    private readonly deadlineMs: number,
    private readonly receive: (port: MessagePort) => { message: unknown } | undefined,
  ) {}

  sorted(): SortedRuns | null | undefined {
    if (this.sortedThere !== 'pending') return this.sortedThere;
    if (this.gone) return (this.sortedThere = undefined); // (its exit was seen: not waited for)
    // a helper that has not started within a second (its script cannot load, or the system
    // starves it) is not waited for
    Atomics.wait(this.control, STARTED, 0, START_WAIT_MS);
    const answer = Atomics.load(this.control, STARTED) === 1 ? this.answer(SORT_ID) : null;
    if (answer?.kind === 'sorted') return (this.sortedThere = { runKeys: answer.runKeys, runEnds: answer.runEnds, position: answer.position });
    if (answer?.kind === 'unsortable') return (this.sortedThere = null);
    this.gone = true;
    return (this.sortedThere = undefined);
  }

  free(): boolean {
    return !this.gone && this.sortedThere !== 'pending' && this.sortedThere !== undefined && this.sortedThere !== null && Atomics.load(this.control, JOBS_DONE) === this.jobs;
  }

  start(codes: TallyCodes, groups: number): void {
    const job: HelperJob = { kind: 'pass', id: ++this.asked, codes, groups };
    try {
      this.worker.postMessage(job);
    } catch {
      this.gone = true;
    }
  }

  finish(): PackedTally[] | null {
    const answer = this.gone ? null : this.answer(this.asked);
    if (answer?.kind !== 'tallies') {
      this.gone = true;
      return null;
    }
    this.passes++;
    return answer.tallies.map(PackedTally.revived);
  }

  /** The helper is known to have stopped (its exit seen between two synchronous stretches): not waited for again. */
  lost(): void {
    this.gone = true;
  }

  stop(): void {
    this.gone = true;
    this.port.close();
  }

  /**
   * The answer to request `id` on the twin's port, waited for up to the deadline (an answer to an
   * earlier request, one this thread gave up on, is passed over); null when none came.
   */
  private answer(id: number): TwinAnswer | null {
    const until = performance.now() + this.deadlineMs;
    for (;;) {
      const seen = Atomics.load(this.control, TWIN_ANSWERS);
      const got = this.receive(this.port);
      if (got !== undefined) {
        const answer = got.message as TwinAnswer;
        if (answer.id === id) return answer;
        continue;
      }
      const left = until - performance.now();
      if (left <= 0) return null;
      Atomics.wait(this.control, TWIN_ANSWERS, seen, left);
    }
  }
}

/**
 * The first `n` values of a column, as the worker reads them: the column itself when it is in
 * shared memory (the table builder's, normalise/table.ts), else a copy of them.
 */
function forWorker<T extends Int32Array | Uint32Array | Float64Array | Uint8Array>(column: T, n: number): T {
  return (column.buffer instanceof SharedArrayBuffer ? column.subarray(0, n) : column.slice(0, n)) as T;
}

/** The buffers of a job's copies (handed over, not copied again); shared memory is shared, not handed over. */
function transferOf(job: HelperJob): ArrayBuffer[] {
  const arrays: ArrayBufferView[] =
    job.kind === 'timeline'
      ? [job.customer, job.created]
      : job.kind === 'sort'
        ? [job.ages.createdAt, ...(job.ages.openAge ? [job.ages.openAge] : []), job.seconds, job.state]
        : job.kind === 'correlation'
          ? [job.input.followers, job.input.seconds, job.input.answered, ...(job.input.cells ? [job.input.cells.code] : [])]
          : [];
  return arrays.map((a) => a.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
