/**
 * The statistics helper thread (started by measure/helper.ts, which explains why): works out
 * each job it is sent with the same function this thread's caller would run, and hands the
 * result back with its arrays (transferred, not copied). A job that fails is answered `failed`,
 * and its caller works it out itself.
 */
import { parentPort } from 'node:worker_threads';
import { timelineOf } from './journeys.js';
import { followerCorrelation } from './rankCorrelation.js';
import type { HelperAnswer, HelperJob } from './helper.js';

const port = parentPort;

port?.on('message', (job: HelperJob) => {
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
});
