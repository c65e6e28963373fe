/**
 * `--strict` for commands that stop at the dataset (`parity counts`): any row rejected as bad
 * data is an input error, named by its first example, as the audit's --strict says it.
 */
import { ParityError } from '../errors.js';
import type { Dataset } from '../load/dataset.js';

export function enforceStrictDataset(dataset: Dataset): void {
  const errors = dataset.issues.entries().filter((e) => e.severity === 'error');
  const total = errors.reduce((a, e) => a + e.count, 0);
  const first = errors[0];
  if (!first) return;
  throw new ParityError(`${first.example.detail} (--strict: ${total} row${total === 1 ? '' : 's'} rejected)`, {
    location: { file: first.example.file, line: first.example.line, ...(first.example.column ? { column: first.example.column } : {}) },
    hint: `reasons: ${errors.map((e) => `${e.kind} ×${e.count}`).join(', ')}; write them out with --rejects <file>, or drop --strict`,
  });
}
