/**
 * The reading worker (started by load/readAhead.ts, which explains why and how): scans a CSV
 * file with the byte scanner, skips the records the main thread already handed out, reads
 * every other row from its bytes with the byte reader (normalise/fields.ts), and sends a batch
 * per megabyte read. Nothing here decides a rule: a row the byte reader does not take is sent
 * as "not read", with its bytes, for the main thread's string normaliser.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { ParityError } from '../errors.js';
import { isRecoded, SkippingScan } from '../read/scan.js';
import type { FieldBatch } from '../read/record.js';
import { byteNormaliser } from '../normalise/fields.js';
import { ByteRow, type KeyedValues } from '../normalise/table.js';
import type { TimestampField } from '../normalise/rows.js';
import type { TimestampStyle } from '../normalise/time.js';
import { buffersOf, CACHED_COLUMNS, CREDITS, packRow, SETTLED_AT, SETTLED_FIELDS, STYLES, TEXT_COLUMNS, type BatchArrays, type ReadAheadJob, type ReadAheadMessage, type ReadAheadStart } from './readAhead.js';

const start = workerData as ReadAheadStart;
const port = parentPort;
const control = new Int32Array(start.control);

function post(message: ReadAheadMessage, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

/** Waits until the main thread may take another batch; false when it asked the worker to stop. */
function credit(): boolean {
  for (;;) {
    if (Atomics.load(control, 1) === 1) return false;
    const credits = Atomics.load(control, 0);
    if (credits > 0) {
      if (Atomics.compareExchange(control, 0, credits, credits - 1) === credits) return true;
      continue;
    }
    Atomics.wait(control, 0, credits);
  }
}

function run(job: ReadAheadJob): void {
  const fromBytes = byteNormaliser(job.mapping, job.context);
  if (fromBytes === null) throw new Error('the byte reader does not read this mapping');
  const row = new ByteRow();
  /** The cache each keyed column's values went to (the byte reader has one per column) and how many of its texts were sent. */
  const caches: Array<KeyedValues | null> = CACHED_COLUMNS.map(() => null);
  const sent = CACHED_COLUMNS.map(() => 0);

  /** Arrays the main thread sent back, to be filled again. */
  const free: BatchArrays[] = [];
  /** Arrays with room for `rows` records of `fields` fields in `bytes` bytes: one sent back, or new (a quarter over). */
  const arraysFor = (rows: number, fields: number, bytes: number): BatchArrays => {
    for (let m = receiveMessageOnPort(start.back); m !== undefined; m = receiveMessageOnPort(start.back)) free.push(m.message as BatchArrays);
    const fits = free.findIndex((a) => a.taken.length >= rows && a.start.length >= fields && a.bytes.length >= bytes);
    if (fits >= 0) return free.splice(fits, 1)[0] as BatchArrays;
    free.pop(); // too small for this batch: let it go
    const R = Math.ceil(rows * 1.25) + 16;
    const F = Math.ceil(fields * 1.25) + 16;
    return {
      bytes: new Uint8Array(Math.ceil(bytes * 1.25) + 4096),
      line: new Uint32Array(R),
      firstField: new Int32Array(R + 1),
      ascii: new Uint8Array(R),
      start: new Int32Array(F),
      end: new Int32Array(F),
      kind: new Uint8Array(F),
      taken: new Uint8Array(R),
      idStart: new Int32Array(R),
      idEnd: new Int32Array(R),
      times: new Float64Array(5 * R),
      small: new Uint8Array(6 * R),
      rawChannelKey: new Int32Array(R),
      textStart: new Int32Array(TEXT_COLUMNS * R),
      textEnd: new Int32Array(TEXT_COLUMNS * R),
      textKey: new Int32Array(TEXT_COLUMNS * R),
    };
  };

  /** Sends a batch's records from `from` on; false when told to stop. */
  const send = (batch: FieldBatch, from: number, position: number): boolean => {
    // The worker reads a batch's rows only while the main thread has at least half the
    // batches in flight still to do; otherwise it sends the batch as scanned and the main
    // thread reads the rows itself, so that neither thread waits for the other for long
    // (5M rows, 2-core machine: read and normalise 7.6 s on one thread; with the worker,
    // reading every batch 5.9-6.9 s, this rule 4.7-5.1 s).
    const decode = job.decodeAll || Atomics.load(control, 0) <= CREDITS / 2;
    if (!credit()) return false;
    const message = encode(batch, from, batch.count - from, decode, position);
    post(message, buffersOf(message.arrays));
    return true;
  };

  /** The styles the main thread settled that this thread's byte reader has been given (SETTLED_FIELDS order). */
  const settled = SETTLED_FIELDS.map(() => false);
  const encode = (b: FieldBatch, from: number, n: number, decode: boolean, position: number): Extract<ReadAheadMessage, { type: 'batch' }> => {
    for (let k = 0; k < SETTLED_FIELDS.length; k++) {
      const code = settled[k] ? 0 : Atomics.load(control, SETTLED_AT + k);
      if (code === 0) continue;
      fromBytes.settle(SETTLED_FIELDS[k] as TimestampField, STYLES[code - 1] as TimestampStyle);
      settled[k] = true;
    }
    const f0 = b.firstField[from] as number;
    const f1 = b.firstField[from + n] as number;
    const byteLength = b.end[f1 - 1] as number;
    const a = arraysFor(n, f1 - f0, byteLength);
    a.bytes.set(b.bytes.subarray(0, byteLength));
    for (let r = 0; r <= n; r++) a.firstField[r] = (b.firstField[from + r] as number) - f0;
    a.line.set(b.line.subarray(from, from + n));
    a.ascii.set(b.ascii.subarray(from, from + n));
    a.start.set(b.start.subarray(f0, f1));
    a.end.set(b.end.subarray(f0, f1));
    a.kind.set(b.kind.subarray(f0, f1));
    a.taken.fill(0, 0, n);
    const strings: Array<[number, number, string | null]> = [];
    let recodedRows = 0;
    let recodedFirstLine = 0;
    for (let i = 0; i < n; i++) {
      const r = from + i;
      if (isRecoded(b, r) && recodedRows++ === 0) recodedFirstLine = b.line[r] as number;
      if (!decode || !fromBytes(b, r, row)) continue;
      packRow(a, i, row, strings, caches);
    }
    // the texts the caches learnt since the last batch, for the main thread's mirrors
    const texts = caches.map((cache, c) => {
      if (cache === null) return [];
      const out: string[] = [];
      for (let k = sent[c] as number; k < cache.size; k++) out.push(cache.text(k));
      sent[c] = cache.size;
      return out;
    });
    return { type: 'batch', bytesRead: position, count: n, byteLength, decoded: decode, arrays: a, strings, texts, recodedRows, recodedFirstLine };
  };

  // the main thread's open file (not the path opened again), read by position; it closes it
  const scan = new SkippingScan(job.fd, job.options, job.file, job.skip);
  for (let next = scan.next(); next !== null; next = scan.next()) {
    if (next.from < next.batch.count && !send(next.batch, next.from, scan.position)) return;
  }
  post({ type: 'done', bytesRead: scan.position });
}

// Loaded: wait for the job.
port?.once('message', (job: ReadAheadJob) => {
  try {
    run(job);
  } catch (error) {
    if (error instanceof ParityError) {
      post({ type: 'error', message: error.message, ...(error.location ? { location: error.location } : {}), ...(error.hint ? { hint: error.hint } : {}), internal: false });
    } else {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error), internal: true });
    }
  }
  port.close();
});
