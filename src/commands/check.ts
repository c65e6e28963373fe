/**
 * `parity check <file...>`: the audit for CI, printing only the gates — one line per gate and a
 * summary line — with the audit's exit codes (0 all passed, 1 a gate failed, 2 error). At least
 * one gate (--fail-on or config `gates`) is required: a check with nothing to check would be
 * green for nothing. `--format json|junit` gives the audit's full JSON or JUnit output instead.
 */
import { UsageError } from '../errors.js';
import { isReportFormat, loadRenderer } from '../render/index.js';
import { annotationMode, renderAnnotations } from '../render/annotations.js';
import { gateLine, gatesSummary } from '../render/table.js';
import { Chalk } from 'chalk';
import type { Report } from '../report.js';
import { loadConfig } from '../config/load.js';
import { sanitiseDeep } from '../text/sanitise.js';
import { runAudit, type GateFlags } from './audit.js';
import type { CommandContext, CommandResult } from './context.js';

/** The check's text: gate lines and the summary. */
export function renderCheck(unsafe: Report, color: boolean): string {
  const report = sanitiseDeep(unsafe);
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines = report.gates.map((g) => gateLine(g, c));
  const failed = report.gates.some((g) => !g.passed);
  lines.push(`${failed ? c.red('parity check failed') : c.green('parity check passed')}: ${gatesSummary(report.gates)}`);
  return `${lines.join('\n')}\n`;
}

/** What parity check prints: gate lines (text), the report as JSON, or JUnit XML for CI. */
const CHECK_FORMATS = ['text', 'json', 'junit'];

export async function checkCommand(files: string[], flags: GateFlags, ctx: CommandContext): Promise<CommandResult> {
  const format = flags.format ?? 'text';
  // check prints gate results; a document of the whole audit is `parity audit --format …`
  if (!CHECK_FORMATS.includes(format)) {
    throw new UsageError(`--format "${format}" is not a format of parity check: ${CHECK_FORMATS.join(', ')}`, {
      // (only a format audit has: "run parity audit --format ndjson" had sent the user to another error)
      hint: isReportFormat(format)
        ? `for the whole audit as ${format}, run parity audit --format ${format} with the same --fail-on (its exit code is the same)`
        : `choose one of: ${CHECK_FORMATS.join(', ')}`,
    });
  }
  const render = format === 'text' ? null : await loadRenderer(format, 'check');
  const annotations = annotationMode(flags.annotations);
  const configGates = (await loadConfig(flags.config, ctx.cwd)).config.gates ?? [];
  if ((flags.failOn?.length ?? 0) + configGates.length === 0) {
    throw new UsageError('parity check needs at least one gate', {
      hint: `give one with --fail-on '<expression>' (e.g. --fail-on 'ratio(phone,social).firstResponse.median > 3') or "gates" in the config`,
    });
  }
  const report = await runAudit(files, flags, ctx);
  const failed = report.gates.some((g) => !g.passed);
  return {
    output: render ? render(report, { color: ctx.color }) : renderCheck(report, ctx.color),
    exitCode: failed ? 1 : 0,
    ...(annotations === 'github' ? { stderr: renderAnnotations(report) } : {}),
  };
}
