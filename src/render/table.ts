/**
 * `--format table`: what an analyst reads in a terminal. cli-table3 for the grids, chalk for
 * colour (off unless the caller says the terminal wants it). Renders the Report; computes nothing.
 */
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { Report, Finding, GateResult } from '../report.js';
import type { MetricSummary } from '../measure/summary.js';
import type { Bound } from '../measure/estimate.js';
import type { Verdict } from '../report.js';
import { gateMessage } from './junit.js';
import type { RenderOptions } from './index.js';
import {
  formatBoundedDuration, formatCount, formatDate, formatDuration, formatInstant, formatInterval, formatShare, speedWords,
} from './format.js';
import { VERDICT_LEGEND, VERDICT_MARKS } from '../format.js';

function grid(head: string[], color: boolean): Table.Table {
  return new Table({
    head,
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    chars: color ? {} : { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}

/** `3h 29m (3h 10m–3h 45m)`, `≥ 9d 21h (≥ 3d 2h)` for a median not reached, or `—` when there is none. */
function withCi(summary: MetricSummary): string {
  if (summary.median === null) return '—';
  if (summary.bound === 'lower') return `${formatBoundedDuration(summary.median, 'lower')}${summary.ci95?.[0] != null ? ` (≥ ${formatDuration(summary.ci95[0])})` : ''}`;
  return `${formatDuration(summary.median)} (${formatInterval(summary.ci95)})`;
}

/** `7.3× faster !`: the ratio with its verdict's mark. */
function vsCell(ratio: number | null, bound: Bound | null, verdict: Verdict | null): string {
  const words = speedWords(ratio, bound);
  const mark = verdict ? VERDICT_MARKS[verdict] : '';
  return mark && words !== '—' ? `${words} ${mark}` : words;
}

function findingMark(f: Finding, c: InstanceType<typeof Chalk>): string {
  if (f.significant) return c.red('!');
  if (f.verdict === 'insufficient-data') return c.yellow('?');
  if (f.kind === 'data-quality') return c.yellow('~');
  return c.green('·');
}

export function renderTable(report: Report, options: RenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  const input = report.input;
  const files = input.files.length === 1 ? input.files[0] : `${input.files.length} files`;
  const rows = input.tickets === input.rowsUsed ? '' : ` (${formatCount(input.rowsUsed)} rows)`;
  out.push(c.bold(`parity audit — ${formatCount(input.tickets)} tickets${rows} from ${files} (${input.format})`));
  out.push(
    `Period ${formatDate(report.period.from)} to ${formatDate(report.period.to)}; open tickets measured to ${formatInstant(report.period.asOf)}; reference channel: ${report.reference}`,
  );
  out.push('');

  const ref = report.reference;
  const t = grid(
    ['Channel', 'Tickets', 'Answered', 'First response median (95% CI)', 'p90', `vs ${ref}`, 'Answered-only median', 'Resolved', 'Resolution median (95% CI)', 'p90', `vs ${ref}`],
    options.color,
  );
  for (const ch of report.channels) {
    const v = ch.vsReference;
    const isRef = ch.channel === ref;
    t.push([
      isRef ? c.bold(ch.channel) : ch.channel,
      formatCount(ch.tickets),
      formatShare(ch.answeredShare),
      withCi(ch.firstResponse),
      formatBoundedDuration(ch.firstResponse.p90, ch.firstResponse.p90Bound),
      isRef ? 'ref' : v ? vsCell(v.firstResponseRatio, v.firstResponseBound, v.firstResponseVerdict) : '—',
      formatDuration(ch.firstResponse.answeredMedian),
      formatShare(ch.resolvedShare),
      withCi(ch.resolution),
      formatBoundedDuration(ch.resolution.p90, ch.resolution.p90Bound),
      isRef ? 'ref' : v ? vsCell(v.resolutionRatio, v.resolutionBound, v.resolutionVerdict) : '—',
    ]);
  }
  out.push(t.toString());
  if (!report.channels.some((ch) => ch.channel === ref)) {
    out.push(c.yellow(`No ${ref} tickets: nothing to compare against (choose another with --reference).`));
  }

  if (report.channels.some((ch) => ch.sla)) {
    out.push('');
    out.push(c.bold(`SLA attainment${report.settings.clock === 'business' ? ' (business hours)' : ''}`));
    const st = grid(['Channel', 'First response target', 'Met', 'Breached', 'Not yet due', 'Attainment', 'Resolution target', 'Met', 'Breached', 'Not yet due', 'Attainment'], options.color);
    for (const ch of report.channels) {
      const f = ch.sla?.firstResponse;
      const r = ch.sla?.resolution;
      st.push([
        ch.channel,
        f ? formatDuration(f.target) : '—', formatCount(f?.met), formatCount(f?.breached), formatCount(f?.notYetDue), formatShare(f?.attainment),
        r ? formatDuration(r.target) : '—', formatCount(r?.met), formatCount(r?.breached), formatCount(r?.notYetDue), formatShare(r?.attainment),
      ]);
    }
    out.push(st.toString());
  }

  const bands = report.followerBands.filter((b) => b.tickets > 0);
  if (bands.some((b) => b.band !== 'unknown')) {
    out.push('');
    out.push(c.bold('Follower bands'));
    const bt = grid(['Band', 'Tickets', 'Channels', 'Answered', 'First response median (95% CI)', 'p90', 'Resolution median (95% CI)'], options.color);
    for (const b of bands) {
      const mix = Object.entries(b.channels)
        .map(([ch, n]) => `${ch} ${formatCount(n)}`)
        .join(', ');
      bt.push([
        b.band,
        formatCount(b.tickets),
        mix,
        formatShare(b.answeredShare),
        withCi(b.firstResponse),
        formatBoundedDuration(b.firstResponse.p90, b.firstResponse.p90Bound),
        withCi(b.resolution),
      ]);
    }
    out.push(bt.toString());
  }

  out.push('');
  out.push(c.bold('Findings'));
  if (report.findings.length === 0) out.push('  (none)');
  for (const f of report.findings) out.push(`  ${findingMark(f, c)} ${f.message}`);

  if (report.gates.length) {
    out.push('');
    out.push(c.bold('Gates'));
    for (const g of report.gates) out.push(`  ${gateLine(g, c)}`);
    out.push(`  ${gatesSummary(report.gates)}`);
  }

  out.push('');
  out.push(c.bold('Data quality'));
  out.push(`  ${formatCount(input.rowsRead)} rows read: ${formatCount(input.rowsUsed)} used, ${formatCount(input.rowsRejected)} rejected.`);
  for (const dq of input.dataQuality) {
    const where = dq.example ? ` e.g. ${dq.example.file}:${dq.example.line}${dq.example.column ? ` (${dq.example.column})` : ''}: ${dq.example.detail}` : '';
    out.push(`  ${dq.severity.padEnd(8)} ${dq.kind} ×${formatCount(dq.count)}${where}`);
  }
  if (input.unknownChannels.length) {
    out.push(
      `  Unknown channel values mapped to other: ${input.unknownChannels.map((u) => `${JSON.stringify(u.raw)} (${formatCount(u.count)})`).join(', ')}; map them with "channels" in the config.`,
    );
  }
  for (const note of input.notes) out.push(`  note: ${note}`);
  out.push('');
  out.push(
    c.dim(
      `Medians count tickets not answered (not resolved) by ${formatInstant(report.period.asOf)} as still waiting (Kaplan–Meier); ≥ marks a median not reached, a lower bound. The answered-only median ignores the unanswered, as helpdesk dashboards do.\n` +
        `vs ${ref}: ${VERDICT_LEGEND}. Durations are ${report.settings.clock === 'business' ? 'business-hours' : 'calendar'} time.`,
    ),
  );
  return `${out.join('\n')}\n`;
}

// --- gates block (owned with src/judge/gates): one line per gate, shared with `parity check` ---

function gateNotEvaluated(g: GateResult): boolean {
  return g.evaluated === false || (g.value === null && g.reason !== null);
}

/** `FAIL  ratio(phone,social).firstResponse.median > 3: value 4 is above 3 [phone 2h (n=5) over …]`. */
export function gateLine(g: GateResult, c: InstanceType<typeof Chalk>): string {
  const missing = gateNotEvaluated(g);
  const mark = !g.passed ? c.red('FAIL') : missing ? c.yellow('PASS') : c.green('PASS');
  const detail = g.detail && !missing ? c.dim(` [${g.detail}]`) : '';
  return `${mark}  ${g.expression}: ${gateMessage(g)}${detail}`;
}

/** `3 gates: 1 failed, 2 passed (1 not evaluated, passed by --allow-missing)`. */
export function gatesSummary(gates: readonly GateResult[]): string {
  const failed = gates.filter((g) => !g.passed).length;
  const allowed = gates.filter((g) => g.passed && gateNotEvaluated(g)).length;
  const notEvaluated = gates.filter((g) => !g.passed && gateNotEvaluated(g)).length;
  const parts = [`${failed} failed`, `${gates.length - failed} passed`];
  const notes = [
    ...(notEvaluated ? [`${notEvaluated} failed because not evaluated`] : []),
    ...(allowed ? [`${allowed} not evaluated, passed by --allow-missing`] : []),
  ];
  return `${gates.length} gate${gates.length === 1 ? '' : 's'}: ${parts.join(', ')}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}
// --- end gates block ---
