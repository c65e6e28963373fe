/**
 * What every reading command adds around the pipeline: the progress line, the --rejects file,
 * and --strict (any row rejected as bad data is an input error).
 */
import { ParityError } from '../errors.js';
import type { AuditIO } from '../pipeline.js';
import type { Report } from '../report.js';
import { openRejects } from './rejects.js';
import type { CommandContext } from './context.js';

/** `--strict`: any rejected row (bad data, not deliberate exclusions) is an input error. */
export function enforceStrict(report: Report): void {
  const errors = report.input.dataQuality.filter((e) => e.severity === 'error');
  const total = errors.reduce((a, e) => a + e.count, 0);
  const first = errors[0];
  if (!first || !first.example) return;
  throw new ParityError(`${first.example.detail} (--strict: ${total} row${total === 1 ? '' : 's'} rejected)`, {
    location: { file: first.example.file, line: first.example.line, ...(first.example.column ? { column: first.example.column } : {}) },
    hint: `reasons: ${errors.map((e) => `${e.kind} ×${e.count}`).join(', ')}; write them out with --rejects <file>, or drop --strict`,
  });
}

/** Runs `run` with the reading side channels of a command (progress, --rejects), then applies --strict. */
export async function withReading(
  flags: { rejects?: string; strict?: boolean },
  ctx: CommandContext,
  run: (io: AuditIO) => Promise<Report>,
): Promise<Report> {
  const rejects = flags.rejects ? await openRejects(flags.rejects) : null;
  let report: Report;
  try {
    report = await run({
      stdin: ctx.stdin,
      onProgress: (rows, file) => ctx.progress(`parity: ${rows.toLocaleString('en-US')} rows read from ${file}…`),
      ...(rejects ? { onReject: (issue) => rejects.write(issue) } : {}),
    });
  } finally {
    ctx.progress(null);
    await rejects?.close();
  }
  if (flags.strict) enforceStrict(report);
  return report;
}
