/**
 * `--format table`: what an analyst reads in a terminal. cli-table3 for the grids, chalk for
 * colour (off unless the caller says the terminal wants it). Renders the Report; computes nothing.
 */
import { Chalk } from 'chalk';
import { rowLikeForLikeOnly, type ByReport, type Report, type Finding, type GateResult, type SlaSummary } from '../report.js';
import { byLabel, byNotes, byTitle, referenceLabel } from './by.js';
import type { MetricSummary } from '../measure/summary.js';
import type { Bound } from '../measure/estimate.js';
import type { Verdict } from '../report.js';
import { gateDetail, gateMessage } from './junit.js';
import type { RenderOptions } from './index.js';
import { grid } from './grid.js';
import { blockWidth, firstThatFits, shortenDistinct, wrap } from './fit.js';
import { displayWidth, truncateColumns } from '../text/width.js';
import { reportTitle, trendView, unitName, type TrendCell } from './markdown.js';
import {
  clockSentence, firstValues, formatAnsweredShare, formatResolvedShare, formatBoundedDuration, formatCount, formatDate, formatInstant, formatMedianCi, formatShare, formatSlaTarget, durationBeside, slaEdges, moreValues, quoted, slaTitle, speedWords,
  zoneNote,
} from './format.js';
import { toleranceEdges, VERDICT_LEGEND, VERDICT_MARKS, type Edges } from '../format.js';


/** `3h 29m (3h 10m–3h 45m)`, `≥ 9d 21h (≥ 3d 2h)` for a median not reached, or `—` when there is none. */
function withCi(summary: MetricSummary, edges: Edges = []): string {
  if (summary.median === null) return '—';
  if (summary.bound === 'lower') return `${formatBoundedDuration(summary.median, 'lower', edges)} (${formatMedianCi(summary.ci95, 'lower', edges)})`;
  return `${durationBeside(summary.median, 'nearest', edges)} (${formatMedianCi(summary.ci95, summary.bound, edges)})`;
}

/**
 * `7.3× faster !`: the ratio with its verdict's mark. Without a ratio only a verdict the
 * findings reached like for like is marked (`— !`: no ratio overall, both medians not reached,
 * but a significant preference within comparable cells): a cell never hides a preference.
 */
function vsCell(ratio: number | null, bound: Bound | null, verdict: Verdict | null, edges: Edges, alike: boolean, marked: AlikeMarks): string {
  // (on its side of the tolerance band's edges: 1.2504× marked ! never reads 1.25× beside a 1.25× marked =)
  const words = speedWords(ratio, bound, edges);
  const mark = verdict ? VERDICT_MARKS[verdict] : '';
  // (alike: the mark was earned like for like only, and the raw ratio beside it would not earn it:
  // Markdown and HTML say "(within tolerance like for like)")
  if (!mark || (words === '—' && verdict !== 'preference' && verdict !== 'case-mix')) return words;
  if (words === '—') {
    marked.noRatio = true;
    return `${words} ${mark}`;
  }
  if (!alike) return `${words} ${mark}`;
  marked.shown = true;
  return `${words} ${mark}${ALIKE_MARK}`;
}

/** Whether any "vs" cell drawn carries ALIKE_MARK, or a mark without a ratio (then the legend explains it). */
interface AlikeMarks {
  shown: boolean;
  noRatio?: boolean;
}

/** After a verdict's mark: reached like for like only (explained under the table). */
const ALIKE_MARK = '†';
const ALIKE_LEGEND = `${ALIKE_MARK} the mark holds like for like only: the ratio beside it is the raw one, which alone would not earn it (see Findings)`;
/** A mark beside no ratio: the verdict's number is the finding's (like for like, or a lower percentile when neither median is reached). */
const NO_RATIO_LEGEND = '— with a mark: no ratio of medians (neither is reached, or none overall), but a verdict on the finding\'s own number, like for like or at a lower percentile (see Findings)';

/**
 * A finding's mark: its verdict's, as the table's "vs" cells and their legend write it (one
 * meaning per mark on the screen); `*` for a data-quality warning, `·` for a note.
 */
function findingMark(f: Finding, c: InstanceType<typeof Chalk>): string {
  if (f.significant) return c.red('!');
  if (f.kind === 'data-quality') return c.yellow('*');
  const mark = VERDICT_MARKS[f.verdict] || '·';
  return f.verdict === 'insufficient-data' || f.verdict === 'no-preference' ? c.yellow(mark) : c.green(mark);
}

export function renderTable(report: Report, options: RenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  const input = report.input;
  const files = input.files.length === 1 ? input.files[0] : `${input.files.length} files`;
  const rows = input.tickets === input.rowsUsed ? '' : ` (${formatCount(input.rowsUsed)} row${input.rowsUsed === 1 ? '' : 's'})`;
  // a report's table is about its period: its title, and the period's tickets of the export's
  const rp = report.reportPeriod;
  const title = rp
    ? `${reportTitle(report)} — ${formatCount(rp.tickets)} ticket${rp.tickets === 1 ? '' : 's'} in the period, of ${formatCount(rp.allTickets)} from ${files} (${input.format})`
    : `parity audit — ${formatCount(input.tickets)} ticket${input.tickets === 1 ? '' : 's'}${rows} from ${files} (${input.format})`;
  out.push(c.bold(wrap(title, options.width)));
  out.push(
    wrap(`Period ${formatDate(report.period.from, report.settings.timeZone)} to ${formatDate(report.period.to, report.settings.timeZone)}${zoneNote(report.settings.timeZone)}; open tickets measured to ${formatInstant(report.period.asOf)}; reference channel: ${report.reference}`, options.width),
  );
  out.push('');

  const ref = report.reference;
  const width = options.width;
  const marked: AlikeMarks = { shown: false };
  // The channel table's cells, drawn in the first layout that fits the terminal (render/fit.ts).
  const cells = report.channels.map((ch) => {
    const v = ch.vsReference;
    const isRef = ch.channel === ref;
    const firstTargets = slaEdges(ch, 'firstResponse');
    const resolutionTargets = slaEdges(ch, 'resolution');
    return {
      channel: isRef ? c.bold(ch.channel) : ch.channel,
      tickets: formatCount(ch.tickets),
      answered: formatAnsweredShare(ch),
      firstCi: withCi(ch.firstResponse, firstTargets),
      first: formatBoundedDuration(ch.firstResponse.median, ch.firstResponse.bound, firstTargets),
      firstP90: formatBoundedDuration(ch.firstResponse.p90, ch.firstResponse.p90Bound, firstTargets),
      firstVs: isRef ? 'ref' : v ? vsCell(v.firstResponseRatio, v.firstResponseBound, v.firstResponseVerdict, toleranceEdges(report.settings.tolerance), rowLikeForLikeOnly(v, 'firstResponse'), marked) : '—',
      answeredOnly: durationBeside(ch.firstResponse.answeredMedian, 'nearest', firstTargets),
      resolved: formatResolvedShare(ch),
      resolutionCi: withCi(ch.resolution, resolutionTargets),
      resolution: formatBoundedDuration(ch.resolution.median, ch.resolution.bound, resolutionTargets),
      resolutionP90: formatBoundedDuration(ch.resolution.p90, ch.resolution.p90Bound, resolutionTargets),
      resolutionVs: isRef ? 'ref' : v ? vsCell(v.resolutionRatio, v.resolutionBound, v.resolutionVerdict, toleranceEdges(report.settings.tolerance), rowLikeForLikeOnly(v, 'resolution'), marked) : '—',
    };
  });
  type Cells = (typeof cells)[number];
  const draw = (columns: Array<[string, (x: Cells) => string]>): string => {
    const t = grid(columns.map(([head]) => head), options.color);
    for (const x of cells) t.push(columns.map(([, cell]) => cell(x)));
    return t.toString();
  };
  const FIRST_CI: [string, (x: Cells) => string] = ['First response median (95% CI)', (x) => x.firstCi];
  const FIRST: [string, (x: Cells) => string] = ['First response\nmedian', (x) => x.first];
  const RES_CI: [string, (x: Cells) => string] = ['Resolution median (95% CI)', (x) => x.resolutionCi];
  const RES: [string, (x: Cells) => string] = ['Resolution\nmedian', (x) => x.resolution];
  const head: Array<[string, (x: Cells) => string]> = [['Channel', (x) => x.channel], ['Tickets', (x) => x.tickets], ['Answered', (x) => x.answered]];
  const firstVs: [string, (x: Cells) => string] = [`vs ${ref}`, (x) => x.firstVs];
  const resVs: [string, (x: Cells) => string] = [`vs ${ref}`, (x) => x.resolutionVs];
  const firstP90: [string, (x: Cells) => string] = ['p90', (x) => x.firstP90];
  const resP90: [string, (x: Cells) => string] = ['p90', (x) => x.resolutionP90];
  const resolved: [string, (x: Cells) => string] = ['Resolved', (x) => x.resolved];
  const answeredOnly: [string, (x: Cells) => string] = ['Answered-only\nmedian', (x) => x.answeredOnly];
  const channelOnly: [string, (x: Cells) => string] = ['Channel', (x) => x.channel];
  const stacked = (first: Array<[string, (x: Cells) => string]>, second: Array<[string, (x: Cells) => string]>): string => `${draw([...head, ...first])}\n${draw([channelOnly, resolved, ...second])}`;
  const layouts = [
    () => draw([...head, FIRST_CI, firstP90, firstVs, answeredOnly, resolved, RES_CI, resP90, resVs]),
    () => draw([...head, FIRST_CI, firstVs, answeredOnly, resolved, RES_CI, resVs]),
    () => stacked([FIRST_CI, firstP90, firstVs, answeredOnly], [RES_CI, resP90, resVs]),
    () => stacked([FIRST_CI, firstVs], [RES_CI, resVs]),
    () => stacked([FIRST, firstVs], [RES, resVs]),
  ];
  // (each layout's note names every column it leaves out)
  const HIDDEN = ['', 'p90 hidden', '', 'p90 and answered-only median hidden', 'p90, CIs and answered-only median hidden'];
  const fitted = firstThatFits(layouts, width);
  out.push(fitted.text);
  if (HIDDEN[fitted.index]) out.push(c.dim(wrap(`(${HIDDEN[fitted.index]} to fit the terminal; --wide shows all)`, width)));
  if (!report.channels.some((ch) => ch.channel === ref)) {
    out.push(c.yellow(`No ${ref} tickets: nothing to compare against (choose another with --reference).`));
  }

  if (report.channels.some((ch) => ch.sla)) {
    out.push('');
    out.push(c.bold(slaTitle(report)));
    const slaCells = (s: SlaSummary | null | undefined): string[] => [formatSlaTarget(s), formatCount(s?.met), formatCount(s?.breached), formatCount(s?.notYetDue), formatShare(s?.attainment)];
    const slaGrid = (heads: string[], row: (ch: (typeof report.channels)[number]) => string[]): string => {
      const st = grid(heads, options.color);
      for (const ch of report.channels) st.push([ch.channel, ...row(ch)]);
      return st.toString();
    };
    const counts = ['Met', 'Breached', 'Not yet due', 'Attainment'];
    out.push(
      firstThatFits(
        [
          () => slaGrid(['Channel', 'First response target', ...counts, 'Resolution target', ...counts], (ch) => [...slaCells(ch.sla?.firstResponse), ...slaCells(ch.sla?.resolution)]),
          () =>
            `${slaGrid(['Channel', 'First response target', ...counts], (ch) => slaCells(ch.sla?.firstResponse))}\n${slaGrid(['Channel', 'Resolution target', ...counts], (ch) => slaCells(ch.sla?.resolution))}`,
        ],
        width,
      ).text,
    );
  }

  const bands = report.followerBands.filter((b) => b.tickets > 0);
  if (bands.some((b) => b.band !== 'unknown')) {
    out.push('');
    out.push(c.bold('Follower bands'));
    const bandGrid = (full: boolean, ci: boolean): string => {
      const bt = grid(
        full
          ? ['Band', 'Tickets', 'Channels', 'Answered', 'First response median (95% CI)', 'p90', 'Resolution median (95% CI)']
          : ['Band', 'Tickets', 'Answered', ci ? 'First response median (95% CI)' : 'First response\nmedian', ci ? 'Resolution median (95% CI)' : 'Resolution\nmedian'],
        options.color,
      );
      for (const b of bands) {
        const mix = Object.entries(b.channels)
          .map(([ch, n]) => `${ch} ${formatCount(n)}`)
          .join(', ');
        const first = ci ? withCi(b.firstResponse) : formatBoundedDuration(b.firstResponse.median, b.firstResponse.bound);
        const resolution = ci ? withCi(b.resolution) : formatBoundedDuration(b.resolution.median, b.resolution.bound);
        bt.push(
          full
            ? [b.band, formatCount(b.tickets), mix, formatAnsweredShare(b), first, formatBoundedDuration(b.firstResponse.p90, b.firstResponse.p90Bound), resolution]
            : [b.band, formatCount(b.tickets), formatAnsweredShare(b), first, resolution],
        );
      }
      return bt.toString();
    };
    const fittedBands = firstThatFits([() => bandGrid(true, true), () => bandGrid(false, true), () => bandGrid(false, false)], width);
    out.push(fittedBands.text);
    if (fittedBands.index > 0) out.push(c.dim(wrap(`(${fittedBands.index === 1 ? 'channel mix and p90' : 'channel mix, p90 and 95% CIs'} hidden to fit the terminal; --wide shows all)`, width)));
  }

  if (report.periods && report.periods.length) out.push('', ...trendTables(report, c, width, options.color));

  if (report.by) out.push('', ...byTable(report, report.by, c, width, options.color, marked));

  out.push('');
  out.push(c.bold('Findings'));
  if (report.findings.length === 0) out.push('  (none)');
  for (const f of report.findings) out.push(wrap(f.message, width, `  ${findingMark(f, c)} `));

  if (report.gates.length) {
    out.push('');
    out.push(c.bold('Gates'));
    for (const g of report.gates) out.push(wrap(gateLine(g, c), width, '  '));
    out.push(wrap(gatesSummary(report.gates), width, '  '));
  }

  out.push('');
  out.push(c.bold('Data quality'));
  out.push(`  ${formatCount(input.rowsRead)} row${input.rowsRead === 1 ? '' : 's'} read: ${formatCount(input.rowsUsed)} used, ${formatCount(input.rowsRejected)} rejected.`);
  for (const dq of input.dataQuality) {
    const where = dq.example ? ` e.g. ${dq.example.file}:${dq.example.line}${dq.example.column ? ` (${dq.example.column})` : ''}: ${dq.example.detail}` : '';
    out.push(wrap(`${dq.kind} ×${formatCount(dq.count)}${where}`, width, `  ${dq.severity.padEnd(8)} `));
  }
  if (input.unknownChannels.length) {
    const { shown, more, moreCount } = firstValues(input.unknownChannels);
    const rest = more ? `, and ${moreValues(more, moreCount)}: the JSON report lists them all` : '';
    out.push(
      wrap(`Unknown channel values mapped to other: ${shown.map((u) => `${quoted(u.label ?? u.raw)} (${formatCount(u.count)})`).join(', ')}${rest}; map them with "channels" in the config.`, width, '  '),
    );
  }
  for (const note of input.notes) out.push(wrap(note, width, '  note: '));
  out.push('');
  out.push(
    c.dim(
      wrap(
        `Medians count tickets not answered (not resolved) by ${formatInstant(report.period.asOf)} as still waiting (Kaplan–Meier); ≥ marks a median not reached, a lower bound. The answered-only median ignores the unanswered, as helpdesk dashboards do.`,
        width,
      ) +
        '\n' +
        wrap(`vs ${ref}: ${VERDICT_LEGEND}${marked.shown ? `; ${ALIKE_LEGEND}` : ''}${marked.noRatio ? `; ${NO_RATIO_LEGEND}` : ''}. ${clockSentence(report)}`, width),
    ),
  );
  return `${out.join('\n')}\n`;
}

/**
 * `parity report`'s trend, as the Markdown and HTML reports have it (markdown.ts trendView): a
 * table per metric, a row per period (the period of interest in bold), a column per channel with
 * its change since the period before, then the reference's gap. Too wide for the terminal, the
 * changes go under the medians (a cell of two lines); narrower still, the tables are drawn at
 * their width and the terminal wraps them.
 */
function trendTables(report: Report, c: InstanceType<typeof Chalk>, width: number | undefined, color: boolean): string[] {
  const unit = unitName(report).toLowerCase();
  const out = [c.bold(`Trend by ${unit}`), c.dim(wrap(`Medians per ${unit}; in brackets the change since the ${unit} before; * the ${unit} this report is about. The gap is ${report.reference}'s median minus the fastest other channel's.`, width))];
  for (const [metric, title] of [['firstResponse', 'First response'], ['resolution', 'Resolution']] as const) {
    const view = trendView(report, metric);
    // narrower and narrower: the changes under the medians; the gap's channel under it; then
    // without the changes and the gap (said, as the channel table says what it hides)
    const draw = (stack: boolean, gap: boolean): string => {
      const head = [view.unit, 'Tickets', stack ? `${view.waitingHead.slice(0, 2)}-\n${view.waitingHead.slice(2).toLowerCase()}`.replace('Op-\nen', 'Open') : view.waitingHead, ...view.channels];
      const t = grid(gap ? [...head, stack ? view.gapHead.replace(' − ', '\n− ') : view.gapHead, 'Gap\nchange'] : head, color);
      for (const r of view.rows) {
        const cell = (x: TrendCell | null): string => {
          if (!x) return '—';
          const extra = [gap && x.change ? `(${x.change})` : '', x.thin ? `(${x.thin})` : ''].filter(Boolean).join(stack ? '\n' : ' ');
          return extra ? `${x.median}${stack ? '\n' : ' '}${extra}` : x.median;
        };
        // (the period of interest marked in words too: bold is lost without colour, in a CI log)
        const row = [r.current ? `${r.label} *` : r.label, r.tickets, r.waiting, ...r.cells.map(cell)];
        const full = gap ? [...row, stack ? r.gap.replace(' (', '\n(') : r.gap, r.gapChange] : row;
        t.push(r.current ? full.map((x) => x.split('\n').map((l) => c.bold(l)).join('\n')) : full);
      }
      return t.toString();
    };
    const fitted = firstThatFits([() => draw(false, true), () => draw(true, true), () => draw(true, false)], width);
    out.push('', c.bold(title), fitted.text);
    if (fitted.index === 2) out.push(c.dim(wrap('(changes and the gap hidden to fit the terminal; --wide shows all)', width)));
  }
  return out;
}

/** Fewest columns a shortened --by value keeps before a narrower layout is tried instead (render/fit.ts shortenDistinct). */
const SHORTEST_LABEL = 20;
/** Columns the reference's name keeps in the "vs" headers of a table whose values were shortened. */
const VS_REFERENCE = 16;

/**
 * The --by section: one row per value, largest first, fitted to the terminal like the channel
 * table. A value wider than any layout leaves room for is shortened (`…`, kept distinct), and a
 * line under the table says so and where the values are in full.
 */
function byTable(report: Report, by: ByReport, c: InstanceType<typeof Chalk>, width: number | undefined, color: boolean, marked: AlikeMarks): string[] {
  const refLabel = referenceLabel(by);
  const title = (ref: string): string => c.bold(`${byTitle(by)} (reference: ${ref})`);
  const out: string[] = [];
  const notes: string[] = [];
  if (by.groups.length) {
    const rows = by.groups.map((g) => {
      const v = g.vsReference;
      const isRef = g.isReference;
      return {
        label: byLabel(g),
        isRef,
        mark: isRef || g.tested ? '' : ' ·',
        tickets: formatCount(g.tickets),
        answered: formatAnsweredShare(g),
        firstCi: withCi(g.firstResponse),
        first: formatBoundedDuration(g.firstResponse.median, g.firstResponse.bound),
        firstVs: isRef ? 'ref' : v ? vsCell(v.firstResponseRatio, v.firstResponseBound, v.firstResponseVerdict, toleranceEdges(report.settings.tolerance), rowLikeForLikeOnly(v, 'firstResponse'), marked) : '—',
        resolutionCi: withCi(g.resolution),
        resolution: formatBoundedDuration(g.resolution.median, g.resolution.bound),
        resolutionVs: isRef ? 'ref' : v ? vsCell(v.resolutionRatio, v.resolutionBound, v.resolutionVerdict, toleranceEdges(report.settings.tolerance), rowLikeForLikeOnly(v, 'resolution'), marked) : '—',
      };
    });
    type Row = (typeof rows)[number];
    type Column = [string, (x: Row, k: number) => string];
    /** The layouts (as the channel table's), drawn with the given labels and reference name in the "vs" headers. */
    const layouts = (labels: readonly string[], ref: string): Array<() => string> => {
      const draw = (columns: Column[]): string => {
        const t = grid(columns.map(([head]) => head), color);
        rows.forEach((x, k) => t.push(columns.map(([, cell]) => cell(x, k))));
        return t.toString();
      };
      const name: Column = [by.field, (x, k) => (x.isRef ? c.bold(labels[k] as string) : `${labels[k] as string}${x.mark}`)];
      const vs = `vs ${ref}`;
      return [
        () => draw([name, ['Tickets', (x) => x.tickets], ['Answered', (x) => x.answered], ['First response median (95% CI)', (x) => x.firstCi], [vs, (x) => x.firstVs], ['Resolution median (95% CI)', (x) => x.resolutionCi], [vs, (x) => x.resolutionVs]]),
        () => draw([name, ['Tickets', (x) => x.tickets], ['First response\nmedian', (x) => x.first], [vs, (x) => x.firstVs], ['Resolution\nmedian', (x) => x.resolution], [vs, (x) => x.resolutionVs]]),
        () => `${draw([name, ['Tickets', (x) => x.tickets], ['First response\nmedian', (x) => x.first], [vs, (x) => x.firstVs]])}\n${draw([name, ['Resolution\nmedian', (x) => x.resolution], [vs, (x) => x.resolutionVs]])}`,
      ];
    };
    const labels = rows.map((x) => x.label);
    const full = layouts(labels, refLabel ?? 'ref');
    let fitted = firstThatFits(full, width);
    let shownRef = refLabel ?? 'ref';
    if (width !== undefined && blockWidth(fitted.text) > width) {
      // No layout fits with the values whole: the first layout that leaves the values at least
      // SHORTEST_LABEL columns (else the narrowest) draws them shortened to the room it leaves.
      shownRef = truncateColumns(refLabel ?? 'ref', VS_REFERENCE);
      const bare = layouts(rows.map(() => ''), shownRef);
      const marks = rows.some((x) => x.mark !== '') ? displayWidth(' ·') : 0;
      const room = bare.map((draw) => width - blockWidth(draw()) + Math.max(displayWidth(by.field), marks) - marks);
      let index = room.findIndex((r) => r >= SHORTEST_LABEL);
      if (index < 0) index = bare.length - 1;
      const short = shortenDistinct(labels, Math.max(room[index] as number, SHORTEST_LABEL / 2));
      fitted = { text: (layouts(short.labels, shownRef)[index] as () => string)(), index };
      if (short.shortened > 0) {
        shownRef = short.labels[rows.findIndex((x) => x.isRef)] ?? shownRef;
        notes.push(`(${formatCount(short.shortened)} ${by.field} value${short.shortened === 1 ? '' : 's'} shortened with … to fit the terminal; --wide, --format csv or --format json show${short.shortened === 1 ? 's it' : ' them'} in full)`);
      }
    }
    out.push(fitted.text);
    if (fitted.index > 0) out.push(c.dim(wrap('(answered share and 95% CIs hidden to fit the terminal; --wide shows all)', width)));
    for (const note of notes) out.push(c.dim(wrap(note, width)));
    out.unshift(title(shownRef));
  } else out.push(title(refLabel ?? 'none'));
  for (const note of byNotes(by, report.settings.minSample)) out.push(wrap(note, width, '  '));
  return out;
}

// --- gates block (owned with src/judge/gates): one line per gate, shared with `parity check` ---

function gateNotEvaluated(g: GateResult): boolean {
  return g.evaluated === false || (g.value === null && g.reason !== null);
}

/** `FAIL  ratio(phone,social).firstResponse.median > 3: value 4 is above 3 [phone 2h (n=5) over …]`. */
export function gateLine(g: GateResult, c: InstanceType<typeof Chalk>): string {
  const missing = gateNotEvaluated(g);
  const mark = !g.passed ? c.red('FAIL') : missing ? c.yellow('PASS') : c.green('PASS');
  const numbers = gateDetail(g);
  const detail = numbers ? c.dim(` [${numbers}]`) : '';
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
