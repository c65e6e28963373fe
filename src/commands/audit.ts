/**
 * `parity audit <file...>`: flags → settings → pipeline → renderer. Thin on purpose.
 */
import { loadConfig } from '../config/load.js';
import { audit } from '../pipeline.js';
import { loadRenderer } from '../render/index.js';
import type { Report } from '../report.js';
import { resolveSettings, type CommonFlags } from './options.js';
import { withReading } from './dataset.js';
import { loadBaseline } from './baseline.js';
import { parseGates } from '../judge/gates/index.js';
import { annotationMode, renderAnnotations } from '../render/annotations.js';
import type { CommandContext, CommandResult } from './context.js';

/** Runs the audit and returns the report (shared with `check`). */
export async function runAudit(files: string[], flags: CommonFlags, ctx: CommandContext): Promise<Report> {
  const { config, file: configFile } = await loadConfig(flags.config, ctx.cwd);
  const settings = resolveSettings(files, flags, config, ctx.version, configFile);
  // gates: a typo in an expression or an unusable baseline fails before any data is read
  parseGates(settings);
  const baseline = flags.baseline ? await loadBaseline(flags.baseline, ctx.cwd) : null;
  return withReading(flags, ctx, (io) => audit(settings, { ...io, baseline }));
}

/** The stderr line about rejected rows (shared with `report`). */
export function rejectedWarning(report: Report, rejectsFile: string | undefined): string | null {
  if (report.input.rowsRejected === 0) return null;
  return `${report.input.rowsRejected} of ${report.input.rowsRead} rows rejected (see Data quality${rejectsFile ? `; written to ${rejectsFile}` : '; --rejects <file> writes them out'})`;
}

export async function auditCommand(files: string[], flags: GateFlags, ctx: CommandContext): Promise<CommandResult> {
  const render = await loadRenderer(flags.format ?? 'table', 'audit');
  const annotations = annotationMode(flags.annotations);
  const report = await runAudit(files, flags, ctx);
  const warning = rejectedWarning(report, flags.rejects);
  if (warning) ctx.warn(warning);
  const failed = report.gates.some((g) => !g.passed);
  return { output: render(report, { color: ctx.color }), exitCode: failed ? 1 : 0, ...(annotations === 'github' ? { stderr: renderAnnotations(report) } : {}) };
}

/** Flags of the commands that run gates (audit, check). */
export interface GateFlags extends CommonFlags {
  /** `github`: GitHub Actions annotations on stderr (cli.ts sets it under GITHUB_ACTIONS=true). */
  annotations?: string;
}
