/**
 * The second thread: parity reads a large CSV with a worker thread (load/readAhead.ts). Here:
 * where a worker's code is, and whether to use one.
 *
 * Workers are bundled by `npm run build` (scripts/bundle.mjs: dist/<name>.bundle.js); the path
 * is found from wherever this module runs (a bundle chunk, tsc's output, or the sources under a
 * test runner, which runs the built worker). Without a build there is no worker and everything
 * runs on one thread, with the same results.
 *
 * `PARITY_WORKERS=never` keeps everything on one thread; `always` uses the workers whatever the
 * size (the tests compare the two); anything else lets the size decide.
 */
import { existsSync } from 'node:fs';
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

/** Whether work of this size goes to a worker: `large` says whether it is large enough to pay for one. */
export function wantsWorker(large: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  const said = env['PARITY_WORKERS'];
  if (said === 'never') return false;
  if (said === 'always') return true;
  return large;
}
