// vitest globalSetup: compile once so end-to-end tests run the real binary.
import { execFileSync } from 'node:child_process';
import { ROOT } from './exec.js';

export default function setup(): void {
  execFileSync(process.execPath, [`${ROOT}/node_modules/typescript/bin/tsc`, '-p', `${ROOT}/tsconfig.json`], { stdio: 'inherit' });
}
