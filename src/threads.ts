/**
 * The second thread: parity reads a large CSV with a worker thread (load/readAhead.ts), and
 * measures a large table with a helper thread beside it (measure/helper.ts). Here: where a
 * worker's code is, and whether to use one.
 *
 * Workers are bundled by `npm run build` (scripts/bundle.mjs: dist/<name>.bundle.js); the path
 * is found from wherever this module runs (a bundle chunk, tsc's output, or the sources under a
 * test runner, which runs the built worker). Without a build there is no worker and everything
 * runs on one thread, with the same results.
 *
 * `PARITY_WORKERS=never` (or 0, off, false) keeps everything on one thread; `always` uses the
 * workers whatever the size and has them do all their work (the reading worker reads every row
 * it sends, rather than balancing with the main thread): the tests compare it with `never`;
 * anything else lets the size decide (READ_AHEAD_BYTES below, measure/helper.ts HELPER_TICKETS).
 * cli.ts reads it (workerUse) and hands it on in the command context; nothing here reads process.
 * A process limited in address space (`ulimit -v`) never starts one (workersPossible).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Path of the bundled worker `name` (`readWorker`), or null when the program was not built with it. */
export function workerBundle(name: string): string | null {
  const here = import.meta.url;
  const dist = here.lastIndexOf('/dist/');
  const src = here.lastIndexOf('/src/');
  const base = dist >= 0 ? here.slice(0, dist + 1) : src >= 0 ? here.slice(0, src + 1) : null;
  if (base === null) return null;
  const path = fileURLToPath(new URL(`dist/${name}.bundle.js`, base));
  return existsSync(path) ? path : null;
}

/** Whether workers are used: by the size of the work (auto), never, or always (tests). */
export type WorkerUse = 'auto' | 'never' | 'always';

/** PARITY_WORKERS's value (cli.ts reads it) as a WorkerUse: never (or 0, off, false), always, else auto. */
export function workerUse(said: string | undefined): WorkerUse {
  const value = (said ?? '').trim().toLowerCase();
  if (value === 'never' || value === '0' || value === 'off' || value === 'false') return 'never';
  return value === 'always' ? 'always' : 'auto';
}

/**
 * Files from this size on are read with a worker. Below it the worker costs more than it saves
 * (2-core machine, the bench's export, read and normalised, three runs each: 28 MB 0.62-0.70 s
 * on one thread, 0.83-1.06 s with the worker; 56 MB even; 84 MB 1.30-1.71 s and 1.18-1.39 s;
 * 141 MB 1.80-1.84 s and 1.50-1.58 s): a thread's start (~80 ms, more while this thread is busy
 * faulting in fresh memory), the worker's code starting cold, the first megabytes read twice.
 */
export const READ_AHEAD_BYTES = 64 * 2 ** 20;

/** Whether a file of `totalBytes` is read with a worker (load/readAhead.ts). */
export function wantsReadAhead(totalBytes: number | null, use: WorkerUse): boolean {
  if (use !== 'auto') return use === 'always';
  return totalBytes !== null && totalBytes >= READ_AHEAD_BYTES;
}

let possible: boolean | null = null;

/**
 * Whether this process can afford a worker: not under a limit on its address space (`ulimit -v`),
 * where a second V8 heap cannot reserve its memory and the process dies with a fatal error that
 * nothing can catch. Read once from /proc (Linux); elsewhere assumed.
 */
export function workersPossible(): boolean {
  if (possible !== null) return possible;
  possible = true;
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max address space'));
    if (line && !/\bunlimited\b/.test(line.slice('Max address space'.length).trim().split(/\s+/)[0] ?? '')) possible = false;
  } catch {
    // no /proc: assume no such limit
  }
  return possible;
}
