/**
 * `parity audit <file...>`: flags → settings → pipeline → renderer. Thin on purpose.
 */
import { loadConfig, noteConfigSource } from '../config/load.js';
import { rowsWarning } from './rowsWarning.js';
import { audit } from '../pipeline.js';
import { loadRenderer } from '../render/index.js';
import type { Report } from '../report.js';
import { resolveSettings, type CommonFlags } from './options.js';
import { withReading } from './dataset.js';
import { parseGates } from '../judge/gates/index.js';
import { annotationMode, renderAnnotations } from '../render/annotations.js';
import type { CommandContext, CommandResult } from './context.js';

/** Runs the audit and returns the report (shared with `check`). */
export async function runAudit(files: string[], flags: CommonFlags, ctx: CommandContext): Promise<Report> {
  const loadedConfig = await loadConfig(flags.config, ctx.cwd);
  const settings = resolveSettings(files, flags, loadedConfig.config, ctx.version, loadedConfig.file);
  // gates: a typo in an expression or an unusable baseline fails before any data is read
  parseGates(settings);
  // (baseline.ts validates with zod: loaded only when there is a baseline)
  const baseline = flags.baseline ? await (await import('./baseline.js')).loadBaseline(flags.baseline, ctx.cwd) : null;
  return withReading(flags, settings, ctx, (io) => audit(settings, { ...io, baseline })).catch((error: unknown) => {
    throw noteConfigSource(error, loadedConfig);
  });
}

export async function auditCommand(files: string[], flags: GateFlags, ctx: CommandContext): Promise<CommandResult> {
  const render = await loadRenderer(flags.format ?? 'table', 'audit');
  const annotations = annotationMode(flags.annotations);
  const report = await runAudit(files, flags, ctx);
  const warning = rowsWarning(report, flags.rejects);
  if (warning) ctx.warn(warning);
  const failed = report.gates.some((g) => !g.passed);
  return { output: render(report, { color: ctx.color, width: flags.wide ? undefined : ctx.columns }), exitCode: failed ? 1 : 0, ...(annotations === 'github' ? { stderr: renderAnnotations(report) } : {}) };
}

/** Flags of the commands that run gates (audit, check). */
export interface GateFlags extends CommonFlags {
  /** `github`: GitHub Actions annotations on stderr (cli.ts sets it under GITHUB_ACTIONS=true). */
  annotations?: string;
  /** `--wide`: the table in full whatever the terminal's width. */
  wide?: boolean;
}
