// vitest globalSetup: compile once so end-to-end tests run the real binary. A type error fails
// the run (set PARITY_LOOSE_BUILD=1 to go on with what tsc emitted, while others' work is mid-way).
import { execFileSync } from 'node:child_process';
import { ROOT } from './exec.js';

export default function setup(): void {
  try {
    execFileSync(process.execPath, [`${ROOT}/node_modules/typescript/bin/tsc`, '-p', `${ROOT}/tsconfig.json`], { stdio: 'inherit' });
  } catch (error) {
    if (!process.env.PARITY_LOOSE_BUILD) throw error;
  }
}
