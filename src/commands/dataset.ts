/**
 * Reading the inputs for a command: the pipeline's loadDataset with the command-line extras
 * every reading command shares (progress line, --rejects file, --strict).
 */
import { ParityError } from '../errors.js';
import { loadDataset, type Dataset, type Settings } from '../pipeline.js';
import type { CommandContext } from './context.js';
import { progressReporter } from './progress.js';

/** `--strict`: any rejected row (bad data, not deliberate exclusions) is an input error. */
export function enforceStrict(dataset: Dataset): void {
  const errors = dataset.issues.entries().filter((e) => e.severity === 'error');
  const total = errors.reduce((a, e) => a + e.count, 0);
  const first = errors[0];
  if (!first) return;
  throw new ParityError(`${first.example.detail} (--strict: ${total} row${total === 1 ? '' : 's'} rejected)`, {
    location: { file: first.example.file, line: first.example.line, ...(first.example.column ? { column: first.example.column } : {}) },
    hint: `reasons: ${errors.map((e) => `${e.kind} ×${e.count}`).join(', ')}; write them out with --rejects <file>, or drop --strict`,
  });
}

/** Reads every input once, writing rejected rows to --rejects and enforcing --strict. */
export async function readDataset(settings: Settings, flags: { rejects?: string; strict?: boolean }, ctx: CommandContext): Promise<Dataset> {
  // The rejects writer (csv-stringify) is loaded only when asked for.
  const rejects = flags.rejects ? await (await import('./rejects.js')).openRejects(flags.rejects) : null;
  let dataset: Dataset;
  try {
    dataset = await loadDataset(settings, {
      stdin: ctx.stdin,
      onProgress: progressReporter((line) => ctx.progress(line)),
      ...(rejects ? { onReject: (issue) => rejects.write(issue) } : {}),
    });
  } finally {
    ctx.progress(null);
    await rejects?.close();
  }
  if (flags.strict) enforceStrict(dataset);
  return dataset;
}
