/**
 * The statistics helper thread (started by measure/helper.ts, which explains why): works out
 * each job it is sent with the same function this thread's caller would run, and hands the
 * result back with its arrays (transferred, not copied). A job that fails is answered `failed`,
 * and its caller works it out itself.
 */
import { parentPort } from 'node:worker_threads';
import { timelineOf } from './journeys.js';
import { journeyMarks } from './journeyGroups.js';
import { followerCorrelation } from './rankCorrelation.js';
import type { HelperAnswer, HelperJob } from './helper.js';

const port = parentPort;

port?.on('message', (job: HelperJob) => {
  let answer: HelperAnswer;
  let transfer: ArrayBuffer[] = [];
  try {
    if (job.kind === 'journeys') {
      const { columns } = job;
      const value = journeyMarks(columns, job.rules, timelineOf(columns.customer, columns.createdAt, job.customers));
      answer = { kind: 'journeys', value };
      const { timeline, reasons, jumps } = value;
      transfer = [timeline.order, timeline.starts, reasons, jumps.jump, jumps.origin, jumps.waited, jumps.unansweredAtJump].map((a) => a.buffer as ArrayBuffer);
    } else {
      answer = { kind: 'correlation', value: followerCorrelation(job.input) };
    }
  } catch (error) {
    answer = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer, transfer);
});
