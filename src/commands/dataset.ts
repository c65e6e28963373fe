/**
 * What every reading command adds around the pipeline: the progress line, the --rejects file,
 * and --strict (any row rejected as bad data is an input error).
 */
import { NoTicketsError, ParityError } from '../errors.js';
import type { AuditIO } from '../pipeline.js';
import type { Settings } from '../settings.js';
import { loadDataset, type Dataset } from '../load/dataset.js';
import { describeInput } from '../load/describe.js';
import type { Report } from '../report.js';
import { openRejects } from './rejects.js';
import { countingReporter, progressReporters } from './progress.js';
import { redactError } from './redactError.js';
import type { CommandContext } from './context.js';

/** What --strict's message quotes of a rejected row (a data-quality entry's example, or a row issue). */
type StrictExample = { file: string; line: number; column?: string | null; detail: string };

/**
 * `--strict`: any rejected row (bad data, not deliberate exclusions) is an input error. With
 * `--duplicates last` a row a later row of its id replaces is the rule the user chose for
 * overlapping exports (a Zendesk incremental export sends a ticket again at every change), not
 * bad data: its `duplicate-id` does not fail the run.
 */
export function enforceStrict(
  dataQuality: ReadonlyArray<{ kind: string; severity: string; count: number; example?: StrictExample | null }>,
  duplicates: Settings['duplicates'],
  /** The files in the order read, and the --rejects file when one is written. */
  read: { files?: readonly string[]; rejects?: string | undefined } = {},
): void {
  const errors = dataQuality.filter((e) => e.severity === 'error' && !(duplicates === 'last' && e.kind === 'duplicate-id'));
  const total = errors.reduce((a, e) => a + e.count, 0);
  // the first rejected row of the input (each kind's example is its first row): the one quoted
  const order = (file: string): number => {
    const k = read.files?.indexOf(file) ?? -1;
    return k < 0 ? Number.MAX_SAFE_INTEGER : k;
  };
  const first = errors
    .map((e) => e.example)
    .filter((x): x is StrictExample => !!x)
    .sort((a, b) => order(a.file) - order(b.file) || a.line - b.line)[0];
  if (!first) return;
  throw new ParityError(`${first.detail} (--strict: ${total} row${total === 1 ? '' : 's'} rejected)`, {
    location: { file: first.file, line: first.line, ...(first.column ? { column: first.column } : {}) },
    hint: `reasons: ${errors.map((e) => `${e.kind} ×${e.count}`).join(', ')}; ${read.rejects ? `the rejected rows are written to ${read.rejects}: correct them, or drop --strict` : 'write them out with --rejects <file>, or drop --strict'}`,
  });
}

/**
 * The time of the run (epoch seconds) for the reading side channels: --generated-at when given
 * (the time the report says it was made; tests set it), else the CLI's clock.
 */
export function runTime(settings: Pick<Settings, 'generatedAt'>, ctx: Pick<CommandContext, 'now'>): number | undefined {
  if (settings.generatedAt !== null) return Date.parse(settings.generatedAt) / 1000;
  return ctx.now ? ctx.now() / 1000 : undefined;
}

/**
 * The side channels of an audit counted where the tickets live: the time of the run (an as-of
 * time from the data after it is said, pipeline.ts) and warnings straight to stderr.
 */
export function engineIO(settings: Pick<Settings, 'generatedAt'>, ctx: CommandContext, baseline: Report | null): AuditIO {
  const now = runTime(settings, ctx);
  return { stdin: ctx.stdin, baseline, onWarning: (message) => ctx.warn(message), onCounting: countingReporter((line) => ctx.progress(line)), ...(ctx.workers ? { workers: ctx.workers } : {}), ...(now !== undefined ? { now } : {}) };
}

/**
 * Runs `run` with the reading side channels of a command (progress, --rejects, the time of the
 * run, warnings for stderr), then applies --strict.
 */
export async function withReading<T extends Pick<Report, 'input'>>(
  flags: { rejects?: string; strict?: boolean },
  settings: Pick<Settings, 'redact' | 'generatedAt' | 'duplicates'>,
  ctx: CommandContext,
  run: (io: AuditIO) => Promise<T>,
): Promise<T> {
  try {
    const rejects = flags.rejects ? await openRejects(flags.rejects, { redact: settings.redact }) : null;
    let report: T;
    const progress = progressReporters((line) => ctx.progress(line));
    // said once the progress line is gone
    const warnings: string[] = [];
    const now = runTime(settings, ctx);
    try {
      report = await run({
        stdin: ctx.stdin,
        ...(ctx.workers ? { workers: ctx.workers } : {}),
        onProgress: progress.onProgress,
        onStage: progress.onStage,
        onWarning: (message) => warnings.push(message),
        ...(now !== undefined ? { now } : {}),
        ...(rejects ? { onReject: (issue) => rejects.write(issue), onFile: (file, header, customer) => rejects.file(file, header, customer) } : {}),
      });
    } catch (error) {
      if (rejects && error instanceof NoTicketsError) {
        // every row was read and rejected: the file of them is whole, and it is the answer to "why"
        await rejects.close();
        throw error.withRejects(flags.rejects as string);
      }
      await rejects?.abort();
      throw error;
    } finally {
      ctx.progress(null);
    }
    for (const warning of warnings) ctx.warn(warning);
    await rejects?.close();
    if (flags.strict) enforceStrict(report.input.dataQuality, settings.duplicates, { files: report.input.files, rejects: flags.rejects });
    return report;
  } catch (error) {
    // --redact covers error messages too (a --strict message quotes the row).
    throw settings.redact ? redactError(error) : error;
  }
}

/**
 * The dataset itself (for `parity tickets`, which lists tickets rather than summarising them),
 * read with the same side channels and --strict as the audit.
 */
export async function readDataset(settings: Settings, flags: { rejects?: string; strict?: boolean }, ctx: CommandContext): Promise<Dataset> {
  const read = await withReading(flags, settings, ctx, async (io) => {
    const dataset = await loadDataset(settings, io);
    return { dataset, input: describeInput(dataset) };
  });
  return read.dataset;
}
