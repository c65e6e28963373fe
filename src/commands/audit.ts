/**
 * `parity audit <file...>`: flags → settings → pipeline → renderer. Thin on purpose.
 */
import { loadConfig } from '../config/load.js';
import { buildReport, type Dataset } from '../pipeline.js';
import { loadRenderer } from '../render/index.js';
import { redactReport } from '../render/redact.js';
import { withDistributions } from '../measure/periods.js';
import { judge } from '../judge/index.js';
import type { Report } from '../report.js';
import { resolveSettings, type CommonFlags } from './options.js';
import { readDataset } from './dataset.js';
import { loadBaseline } from './baseline.js';
import { parseGates } from '../judge/gates/index.js';
import { annotationMode, renderAnnotations } from '../render/annotations.js';
import type { CommandContext, CommandResult } from './context.js';

/** Runs the audit and returns the report (shared with `report` and `check`). */
export async function runAudit(files: string[], flags: CommonFlags, ctx: CommandContext, loaded?: { dataset?: Dataset }): Promise<Report> {
  const { config, file: configFile } = await loadConfig(flags.config, ctx.cwd);
  const settings = resolveSettings(files, flags, config, ctx.version);
  // gates: a typo in an expression or an unusable baseline fails before any data is read
  parseGates(settings, configFile);
  const baseline = flags.baseline ? await loadBaseline(flags.baseline, ctx.cwd) : null;
  const dataset = await readDataset(settings, flags, ctx);
  if (loaded) loaded.dataset = dataset;
  const report = judge({ report: buildReport(dataset, settings), dataset, settings, baseline });
  return settings.redact ? redactReport(report) : report;
}

export async function auditCommand(files: string[], flags: GateFlags, ctx: CommandContext): Promise<CommandResult> {
  const render = await loadRenderer(flags.format ?? 'table', 'audit');
  const annotations = annotationMode(flags.annotations);
  const loaded: { dataset?: Dataset } = {};
  const audited = await runAudit(files, flags, ctx, loaded);
  // HTML draws the first-response distributions (runAudit already applied --redact).
  const report = flags.format === 'html' && loaded.dataset ? withDistributions(audited, loaded.dataset.table) : audited;
  if (report.input.rowsRejected > 0) {
    ctx.warn(`${report.input.rowsRejected} of ${report.input.rowsRead} rows rejected (see Data quality${flags.rejects ? `; written to ${flags.rejects}` : '; --rejects <file> writes them out'})`);
  }
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
