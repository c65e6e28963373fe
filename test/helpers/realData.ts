/** Where the shared real exports live (beside the clone), and whether they are there. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './exec.js';

export const REAL_DATA = join(ROOT, '..', 'shared', 'data');
export const HAS_REAL_DATA = existsSync(REAL_DATA);

export function realFile(...parts: string[]): string {
  return join(REAL_DATA, ...parts);
}
