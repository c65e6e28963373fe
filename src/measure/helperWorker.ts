/**
 * The statistics helper thread (started by measure/helper.ts, which explains why): works out
 * each job it is sent with the same function this thread's caller would run, and hands the
 * result back with its arrays (transferred, not copied). A job that fails is answered `failed`,
 * and its caller works it out itself.
 *
 * The timeline and the correlation are answered on the parent port (awaited there); the sort
 * and the passes of resolution's tallies on the twin's port, each answer followed by a raised
 * counter the main thread waits on (it waits in synchronous code: measure/helper.ts HelperTwin).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { timelineOf } from './journeys.js';
import { followerCorrelation } from './rankCorrelation.js';
import { sortedMetric } from './sample.js';
import { marksByTicket, type SortedDurations } from '../stats/tally.js';
import { packMarked } from '../stats/packedTally.js';
import { JOBS_DONE, SORT_ID, STARTED, TWIN_ANSWERS, type HelperAnswer, type HelperJob, type HelperStart, type TwinAnswer } from './helper.js';

const port = parentPort;
const start = workerData as HelperStart;
const control = new Int32Array(start.control);
Atomics.store(control, STARTED, 1);
Atomics.notify(control, STARTED);

/** Resolution's durations as sorted here (its runs and positions in shared memory). */
let sorted: SortedDurations | null = null;

/** Sends a twin answer and raises the counter the main thread waits on. */
function answerTwin(answer: TwinAnswer, transfer: ArrayBuffer[] = []): void {
  start.twinPort.postMessage(answer, transfer);
  Atomics.add(control, TWIN_ANSWERS, 1);
  Atomics.notify(control, TWIN_ANSWERS);
}

function twinJob(job: Extract<HelperJob, { kind: 'sort' | 'pass' }>): void {
  try {
    if (job.kind === 'sort') {
      // (the runs and positions in shared memory, whatever the table's size: the main thread
      // reads the same arrays, nothing is copied)
      sorted = sortedMetric(job.ages, job.seconds, job.state, job.resolved, job.asOf, { bytes: null }, true);
      if (sorted === null) return answerTwin({ id: SORT_ID, kind: 'unsortable' });
      return answerTwin({ id: SORT_ID, kind: 'sorted', runKeys: sorted.runKeys, runEnds: sorted.runEnds, position: sorted.position });
    }
    if (sorted === null) throw new Error('a pass before the sort');
    // (packed here, as the main thread packs first response's meanwhile: each tally's bytes are
    // an array of their own, handed over)
    const tallies = packMarked(sorted, marksByTicket(sorted, job.codes), job.groups);
    const transfer = new Set<ArrayBuffer>();
    for (const t of tallies) if (t.bytes.byteLength > 0 && t.bytes.buffer instanceof ArrayBuffer) transfer.add(t.bytes.buffer);
    answerTwin({ id: job.id, kind: 'tallies', tallies }, [...transfer]);
  } catch (error) {
    answerTwin({ id: job.kind === 'sort' ? SORT_ID : job.id, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

port?.on('message', (job: HelperJob) => {
  if (job.kind === 'sort' || job.kind === 'pass') return twinJob(job);
  let answer: HelperAnswer;
  let transfer: ArrayBuffer[] = [];
  try {
    if (job.kind === 'timeline') {
      const value = timelineOf(job.customer, job.created, job.customers);
      answer = { kind: 'timeline', value };
      transfer = [value.order.buffer as ArrayBuffer, value.starts.buffer as ArrayBuffer];
    } else {
      answer = { kind: 'correlation', value: followerCorrelation(job.input) };
    }
  } catch (error) {
    answer = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer, transfer);
  Atomics.add(control, JOBS_DONE, 1);
});
