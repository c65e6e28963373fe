// vitest globalSetup: compile and bundle once (npm run build's two steps) so end-to-end tests run
// the real binary, and type-check the tests too (vitest itself does not). A type error fails the
// run (set PARITY_LOOSE_BUILD=1 to go on with what tsc emitted — bundled all the same — while
// others' work is mid-way).
import { execFileSync } from 'node:child_process';
import { ROOT } from './exec.js';

export default function setup(): void {
  const tsc = `${ROOT}/node_modules/typescript/bin/tsc`;
  const loose = Boolean(process.env.PARITY_LOOSE_BUILD);
  try {
    execFileSync(process.execPath, [tsc, '-p', `${ROOT}/tsconfig.json`], { stdio: 'inherit' });
  } catch (error) {
    if (!loose) throw error; // tsc wrote its JavaScript all the same
  }
  execFileSync(process.execPath, [`${ROOT}/scripts/bundle.mjs`], { stdio: 'inherit' });
  if (!loose) execFileSync(process.execPath, [tsc, '-p', `${ROOT}/test/tsconfig.json`, '--noEmit'], { stdio: 'inherit' });
}
