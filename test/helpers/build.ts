// vitest globalSetup: compile and bundle once (npm run build's two steps) so end-to-end tests run
// the real binary, and type-check the
// tests too (vitest itself does not). A type error fails the run (set PARITY_LOOSE_BUILD=1 to go
// on with what tsc emitted, while others' work is mid-way).
import { execFileSync } from 'node:child_process';
import { ROOT } from './exec.js';

export default function setup(): void {
  const tsc = `${ROOT}/node_modules/typescript/bin/tsc`;
  try {
    execFileSync(process.execPath, [tsc, '-p', `${ROOT}/tsconfig.json`], { stdio: 'inherit' });
    execFileSync(process.execPath, [`${ROOT}/scripts/bundle.mjs`], { stdio: 'inherit' });
    if (!process.env.PARITY_LOOSE_BUILD) execFileSync(process.execPath, [tsc, '-p', `${ROOT}/test/tsconfig.json`, '--noEmit'], { stdio: 'inherit' });
  } catch (error) {
    if (!process.env.PARITY_LOOSE_BUILD) throw error;
  }
}
