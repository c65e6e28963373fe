/**
 * DuckDB's own process: parity's process (duckdbProcess.ts) starts it with an IPC channel and
 * asks it to open DuckDB, sample the source and run count queries; it answers with the sample,
 * the count table's series as DuckDB streams them, or an error as parity would say it
 * (duckdbProtocol.ts). It runs the same code as DuckDB in parity's process (duckdb.ts); only
 * where DuckDB's memory lives changes — here, so that parity's process holds the count table
 * and nothing of DuckDB's working memory.
 *
 * It stops when parity's process lets go of the channel (its close, its exit, or its death):
 * it never outlives the run. Bundled by `npm run build` as dist/duckdbHost.bundle.js.
 */
import { rmSync } from 'node:fs';
import type { EngineConnection } from './connection.js';
import { connectDuckDB } from './duckdb.js';
import { sendable, type HostReply, type HostRequest } from './duckdbProtocol.js';
import type { FlatCountSeries } from '../../measure/counts.js';
import { fitsU32 } from '../../stats/tally.js';

/** Messages sent and not yet written to the channel, above which the count query waits. */
const BACKLOG = 8;

let connection: EngineConnection | null = null;
/** DuckDB's spill folder (made by parity's process), removed here when parity's process goes without removing it. */
let spill: string | null = null;
let unsent = 0;
let resume: (() => void) | null = null;

function send(reply: HostReply): void {
  unsent++;
  process.send!(reply, undefined, {}, () => {
    unsent--;
    if (resume && unsent <= BACKLOG / 2) {
      const go = resume;
      resume = null;
      go();
    }
  });
}

/** The series of the chunk in hand, sent together by pace() at the chunk's end. */
let pending: { id: number; list: FlatCountSeries[] } | null = null;

/**
 * After each chunk of DuckDB's stream (duckdb.ts sortedSeries): the chunk's series go as one
 * message, and the stream waits while too much is unsent (parity reads slower than DuckDB
 * streams), so that memory stays bounded here too.
 */
function pace(): Promise<void> | undefined {
  if (pending && pending.list.length) {
    send({ id: pending.id, type: 'series', list: pending.list });
    pending.list = [];
  }
  if (unsent <= BACKLOG) return undefined;
  return new Promise((go) => {
    resume = go;
  });
}

/**
 * A series with each of its arrays in 32 bits where every value is a whole number below 2^32
 * (nearly always: whole seconds, counts): half the bytes to send, and half the garbage parity's
 * process makes of them before it packs the series.
 */
function compact(series: FlatCountSeries): FlatCountSeries {
  return { ...series, seconds: narrow(series.seconds), ended: narrow(series.ended), waiting: narrow(series.waiting) };
}

function narrow<T extends ArrayLike<number | null>>(values: T): T | Uint32Array {
  if (!(values instanceof Float64Array)) return values;
  for (let k = 0; k < values.length; k++) {
    if (!fitsU32(values[k] as number)) return values;
  }
  return Uint32Array.from(values);
}

async function answer(request: HostRequest): Promise<void> {
  const { id } = request;
  try {
    if (request.op === 'open') {
      spill = request.spill;
      connection = await connectDuckDB(request.label, request.timeZone, request.memory, { spill: request.spill, pace });
      send({ id, type: 'done' });
    } else if (request.op === 'sample') {
      send({ id, type: 'done', sample: await connection!.sample(request.source, request.n) });
    } else {
      // the series of one chunk go together (pace): one message a chunk, not one a series
      pending = { id, list: [] };
      try {
        await connection!.countSeries(request.sql, (series) => pending!.list.push(compact(series)));
        pace();
      } finally {
        pending = null;
      }
      send({ id, type: 'done' });
    }
  } catch (error) {
    send({ id, type: 'error', error: sendable(error) });
  }
}

// one request at a time, in order
let queue: Promise<void> = Promise.resolve();
process.on('message', (request: HostRequest) => {
  queue = queue.then(() => answer(request));
});
// A Ctrl-C reaches every process of the terminal's group: parity's process stops the run (and
// removes the spill folder); this one ends when parity's does, not before it with an error of its own.
process.on('SIGINT', () => undefined);
process.on('disconnect', () => {
  // parity is done (or gone: a crash, SIGKILL, the system's out-of-memory killer, which no
  // handler of parity's sees): the spill folder goes here too, parity's close removes it as well
  try {
    if (spill !== null) rmSync(spill, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
  } catch {
    // parity's process removes it when it can
  }
  // Not process.exit(): the C library's exit waits in DuckDB's destructors for a query still
  // running on DuckDB's threads (seen: a minute of CPU after parity was gone). Nothing here needs
  // an orderly end — DuckDB's only files were in the spill folder.
  process.kill(process.pid, 'SIGKILL');
});
