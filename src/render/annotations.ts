/**
 * GitHub Actions annotations (workflow commands) for gates and significant findings:
 *
 *   ::error title=parity gate::ratio(phone,social).firstResponse.median > 3: value 4 is > threshold 3 …
 *
 * The CLI prints these on stderr, not stdout: Actions reads workflow commands from both, and
 * stdout stays the report (`--format json > report.json` remains valid JSON). Escaped as the
 * Actions toolkit does: in the message `%`, CR and LF; in a property also `:` and `,`. Escaping
 * `\n` keeps hostile text (a finding quoting a ticket) on one line, so it cannot start a command
 * of its own.
 *
 * Failing gates are errors; gates let through by --allow-missing are warnings. Significant
 * findings are errors when a `findings.significant` gate failed (they are why the job is red),
 * else notices.
 */
import type { GateResult, Report } from '../report.js';
import { UsageError } from '../errors.js';
import { gateMessage } from './junit.js';

/** Escapes a workflow-command message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property value (e.g. title). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: 'error' | 'warning' | 'notice', title: string, message: string): string {
  return `::${kind} title=${escapeProperty(title)}::${escapeData(message)}`;
}

function isMissing(g: GateResult): boolean {
  return g.evaluated === false || (g.value === null && g.reason !== null);
}

/** The annotation lines for a report (empty string when there is nothing to say). */
export function renderAnnotations(report: Report): string {
  const lines: string[] = [];
  for (const g of report.gates) {
    if (!g.passed) lines.push(command('error', 'parity gate', `${g.expression}: ${gateMessage(g)}`));
    else if (isMissing(g)) lines.push(command('warning', 'parity gate', `${g.expression}: ${gateMessage(g)}`));
  }
  const findingsGateFailed = report.gates.some((g) => !g.passed && g.subject === 'findings.significant');
  for (const f of report.findings) {
    if (!f.significant) continue;
    lines.push(command(findingsGateFailed ? 'error' : 'notice', 'parity finding', `${f.kind} (${f.subject}): ${f.message}`));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** `--annotations <mode>`: `github` or `none` (the default). */
export function annotationMode(value: string | undefined): 'github' | 'none' {
  if (value === undefined || value === 'none') return 'none';
  if (value === 'github') return 'github';
  throw new UsageError(`--annotations ${value} is not available`, { hint: 'choose github or none' });
}
