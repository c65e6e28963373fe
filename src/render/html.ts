/**
 * `--format html`: one self-contained document for people who do not read terminals. Inline CSS
 * and inline SVG charts (charts.ts), no script, no external font, image or link target that would
 * make a request; a Content-Security-Policy meta forbids anything else. Works offline and as an
 * e-mail attachment.
 *
 * Every piece of markup is built with the `html` tagged template: interpolated values are
 * escaped by `escapeHtml` unless they are `Markup` made by this module (or the chart SVG that
 * Plot serialised). Data-derived text (channel values, categories, file names, finding messages)
 * therefore cannot become markup. Renders the Report; computes nothing.
 */
import type { Channel } from '../model.js';
import { isolateHtml } from '../text/bidi.js';
import { effectBound, effectScope, rowLikeForLikeOnly, verdictLikeForLikeOnly, type ByReport, type DataQualityEntry, type Finding, type Report, type SlaSummary } from '../report.js';
import { byLabel, byNotes, byTitle, referenceLabel } from './by.js';
import { bandChart, CHANNEL_COLOURS, distributionChart, trendChart } from './charts.js';
import { firstValues, formatAnsweredShare, formatResolvedShare, formatBoundedDuration, formatCount, formatDate, formatInstant, formatMedianCi, formatShare, formatSlaTarget, durationBeside, slaEdges, moreValues, slaTitle, speedWords, zoneNote } from './format.js';
import { gateDetail, gateMessage } from './junit.js';
import { ratioWithVerdict, toleranceEdges, type Edges } from '../format.js';
import {
  exampleText, findingEvidence, findingLabel, findingTone, generatedLine, methodNote, periodName, reportTitle, scopeSentence,
  gatesSentence, summarySentences, trendView, unitName,
} from './markdown.js';

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Markup that is already safe (built by `html` or serialised by Plot). */
class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Piece = Markup | string | number | null | undefined | false | readonly Piece[];

function piece(value: Piece): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map((v: Piece) => piece(v)).join('');
  return isolateHtml(escapeHtml(String(value)));
}

/** Tagged template: the literal parts are markup, every interpolation is escaped (unless Markup). */
function html(strings: TemplateStringsArray, ...values: Piece[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((v, k) => {
    out += piece(v) + (strings[k + 1] ?? '');
  });
  return new Markup(out);
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

const CSS = `
:root { --ink: #1d2330; --muted: #5b6373; --line: #e3e6eb; --soft: #f5f6f8; --accent: #2f5bd3; --bad: #c0392b; --warn: #b7791f; --good: #2f855a; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #eef0f3; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1060px; margin: 24px auto; background: #fff; padding: 36px 44px 28px; border-radius: 10px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
header { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 8px; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--accent); font-weight: 700; margin: 0 0 4px; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 8px; }
h2 { font-size: 20px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 22px 0 8px; }
p { margin: 8px 0; }
.scope, .note, figcaption, footer { color: var(--muted); }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 14px 0 16px; }
.tile { background: var(--soft); border-radius: 8px; padding: 12px 14px; border-left: 4px solid var(--accent); }
.tile .value { font-size: 22px; font-weight: 700; line-height: 1.2; overflow-wrap: anywhere; }
.tile .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.tile.bad { border-left-color: var(--bad); } .tile.good { border-left-color: var(--good); }
ul.summary { padding-left: 20px; } ul.summary li { margin: 4px 0; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0 4px; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 7px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; font-size: 12.5px; color: #3a4150; }
td.num, th.num { text-align: right; white-space: nowrap; }
td:first-child, .nowrap { white-space: nowrap; }
tr.current td { background: #eef3ff; font-weight: 600; }
tr.ref td:first-child { font-weight: 700; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; vertical-align: baseline; }
.change { display: block; color: var(--muted); font-size: 11.5px; font-weight: 400; }
figure { margin: 16px 0 8px; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 13px; margin-bottom: 6px; }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--good); border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
td.thin { color: var(--muted); font-style: italic; }
.finding.significant { border-left-color: var(--bad); } .finding.insufficient { border-left-color: var(--warn); } .finding.note { border-left-color: #8a94a6; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; padding: 1px 7px; border-radius: 10px; background: #e6f4ea; color: var(--good); margin-right: 6px; }
.significant .badge { background: #fdecea; color: var(--bad); } .insufficient .badge { background: #fdf3e1; color: var(--warn); } .note .badge { background: #eceff3; color: #4a5468; }
.finding summary { cursor: pointer; list-style-position: outside; margin-left: 14px; }
.finding .message { font-weight: 500; }
dl.evidence { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0 0; font-size: 13px; }
dl.evidence dt { color: var(--muted); } dl.evidence dd { margin: 0; overflow-wrap: anywhere; }
.pass { color: var(--good); font-weight: 700; } .fail { color: var(--bad); font-weight: 700; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; overflow-wrap: anywhere; }
footer { border-top: 1px solid var(--line); margin-top: 32px; padding-top: 10px; font-size: 12.5px; }
@media print { body { background: #fff; } main { box-shadow: none; margin: 0; max-width: none; padding: 0; } h2 { break-after: avoid; } figure, .finding, table { break-inside: avoid; } }
`;

function swatch(channel: Channel): Markup {
  return html`<span class="swatch" style="background:${CHANNEL_COLOURS[channel]}"></span>`;
}

function tile(label: string, value: string, tone: '' | 'bad' | 'good' = ''): Markup {
  return html`<div class="tile${tone ? ` ${tone}` : ''}"><div class="value">${value}</div><div class="label">${label}</div></div>`;
}

/** The key figures at the top: tickets, the reference's median, the widest gap, findings, open. */
function tiles(report: Report): Markup {
  const ref = report.channels.find((c) => c.channel === report.reference);
  // The headline gap is the largest one the findings call significant; a gap they call too
  // small, not conclusive or within tolerance is never a headline. Its number is the table's raw
  // ratio when the verdict beside that is the preference and the raw ratio is significant itself;
  // when the preference holds only like for like (no raw ratio, both medians not reached; the raw
  // ratio pointing the other way, case mix; or a raw ratio the mix of tickets pulls into the
  // band), the finding's own number, said to be like for like.
  const headlines = report.channels.flatMap((c) => {
    const v = c.vsReference;
    if (c.channel === report.reference || !v) return [];
    const f = report.findings.find((x) => x.kind === 'channel-preference' && x.subject === c.channel && x.metric === 'firstResponse' && x.significant);
    if (v.firstResponseVerdict === 'preference' && v.firstResponseRatio && !verdictLikeForLikeOnly(f)) return [{ channel: c.channel, ratio: v.firstResponseRatio, bound: v.firstResponseBound, scope: '' }];
    // (said with what it compares: like for like, or a lower percentile when neither median is reached)
    return f?.effect ? [{ channel: c.channel, ratio: f.effect, bound: effectBound(f), scope: effectScope(f) || 'like for like' }] : [];
  });
  let widest = headlines[0];
  for (const h of headlines) if (Math.abs(Math.log(h.ratio)) > Math.abs(Math.log((widest as (typeof headlines)[number]).ratio))) widest = h;
  const significant = report.findings.filter((f) => f.significant).length;
  const out: Markup[] = [tile('Tickets', formatCount(report.reportPeriod?.tickets ?? report.input.tickets))];
  if (ref) out.push(tile(`${report.reference} first response (median)`, formatBoundedDuration(ref.firstResponse.median, ref.firstResponse.bound, slaEdges(ref, 'firstResponse'))));
  if (widest) {
    out.push(tile(`${widest.channel} vs ${report.reference}, first response (significant${widest.scope ? `, ${widest.scope}` : ''})`, speedWords(widest.ratio, widest.bound, toleranceEdges(report.settings.tolerance)), 'bad'));
  } else if (ref) out.push(tile(`first response vs ${report.reference}`, 'no significant gap'));
  out.push(tile('Significant findings', formatCount(significant), significant ? 'bad' : 'good'));
  if (report.reportPeriod) out.push(tile('Still open at as-of', formatCount(report.reportPeriod.open)));
  const failed = report.gates.filter((g) => !g.passed).length;
  if (report.gates.length) out.push(tile('Gates failed', `${failed} of ${report.gates.length}`, failed ? 'bad' : 'good'));
  return html`<div class="tiles">${out}</div>`;
}

function num(text: string): Markup {
  return html`<td class="num">${text}</td>`;
}

/** A median with its confidence interval in small print below it. */
function withCi(median: string, ci: string): Markup {
  return html`<td class="num">${median}<span class="change">${ci}</span></td>`;
}

function channelTable(report: Report): Markup {
  const ref = report.reference;
  const rows = report.channels.map((c) => {
    const isRef = c.channel === ref;
    const v = c.vsReference;
    const firstTargets = slaEdges(c, 'firstResponse');
    const resolutionTargets = slaEdges(c, 'resolution');
    return html`<tr${isRef ? new Markup(' class="ref"') : ''}><td>${swatch(c.channel)}${c.channel}${isRef ? html`<span class="change">reference</span>` : ''}</td>${[
      num(formatCount(c.tickets)),
      num(formatAnsweredShare(c)),
      withCi(formatBoundedDuration(c.firstResponse.median, c.firstResponse.bound, firstTargets), formatMedianCi(c.firstResponse.ci95, c.firstResponse.bound, firstTargets)),
      num(formatBoundedDuration(c.firstResponse.p90, c.firstResponse.p90Bound, firstTargets)),
      html`<td class="nowrap">${isRef ? '—' : v ? ratioWithVerdict(v.firstResponseRatio, v.firstResponseBound, v.firstResponseVerdict, toleranceEdges(report.settings.tolerance), rowLikeForLikeOnly(v, 'firstResponse')) : '—'}</td>`,
      num(durationBeside(c.firstResponse.answeredMedian, 'nearest', firstTargets)),
      num(formatResolvedShare(c)),
      withCi(formatBoundedDuration(c.resolution.median, c.resolution.bound, resolutionTargets), formatMedianCi(c.resolution.ci95, c.resolution.bound, resolutionTargets)),
      num(formatBoundedDuration(c.resolution.p90, c.resolution.p90Bound, resolutionTargets)),
      html`<td class="nowrap">${isRef ? '—' : v ? ratioWithVerdict(v.resolutionRatio, v.resolutionBound, v.resolutionVerdict, toleranceEdges(report.settings.tolerance), rowLikeForLikeOnly(v, 'resolution')) : '—'}</td>`,
    ]}</tr>`;
  });
  return html`<div class="table-wrap"><table>
<thead><tr><th>Channel</th><th class="num">Tickets</th><th class="num">Answered</th><th class="num">First response median<span class="change">95% CI</span></th><th class="num">p90</th><th>vs ${ref}</th><th class="num">Answered-only median</th><th class="num">Resolved</th><th class="num">Resolution median<span class="change">95% CI</span></th><th class="num">p90</th><th>vs ${ref}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** SLA attainment per channel (config `sla`), as the terminal's table; null without targets. */
function slaTable(report: Report): Markup | null {
  if (!report.channels.some((ch) => ch.sla)) return null;
  const cells = (s: SlaSummary | null | undefined): Markup[] => [
    html`<td>${formatSlaTarget(s)}</td>`,
    num(formatCount(s?.met)),
    num(formatCount(s?.breached)),
    num(formatCount(s?.notYetDue)),
    num(formatShare(s?.attainment)),
  ];
  const rows = report.channels.map((ch) => html`<tr><td>${swatch(ch.channel)}${ch.channel}</td>${[...cells(ch.sla?.firstResponse), ...cells(ch.sla?.resolution)]}</tr>`);
  const counts = html`<th class="num">Met</th><th class="num">Breached</th><th class="num">Not yet due</th><th class="num">Attainment</th>`;
  return html`<div class="table-wrap"><table>
<thead><tr><th>Channel</th><th>First response target</th>${counts}<th>Resolution target</th>${counts}</tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

function bandTable(report: Report): Markup | null {
  const bands = report.followerBands.filter((b) => b.tickets > 0);
  if (!bands.some((b) => b.band !== 'unknown')) return null;
  const rows = bands.map(
    (b) => html`<tr><td>${b.band}</td>${num(formatCount(b.tickets))}<td>${Object.entries(b.channels).map(([ch, n]) => `${ch} ${formatCount(n)}`).join(', ')}</td>${[
      num(formatAnsweredShare(b)),
      withCi(formatBoundedDuration(b.firstResponse.median, b.firstResponse.bound), formatMedianCi(b.firstResponse.ci95, b.firstResponse.bound)),
      num(formatBoundedDuration(b.firstResponse.p90, b.firstResponse.p90Bound)),
      withCi(formatBoundedDuration(b.resolution.median, b.resolution.bound), formatMedianCi(b.resolution.ci95, b.resolution.bound)),
    ]}</tr>`,
  );
  return html`<div class="table-wrap"><table>
<thead><tr><th>Followers</th><th class="num">Tickets</th><th>Channels</th><th class="num">Answered</th><th class="num">First response median<span class="change">95% CI</span></th><th class="num">p90</th><th class="num">Resolution median<span class="change">95% CI</span></th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** The --by section's table: one row per value, largest first; untested groups marked ·. */
function byTable(report: Report, by: ByReport): Markup {
  const ref = referenceLabel(by) ?? 'ref';
  const rows = by.groups.map((g) => {
    const isRef = g.isReference;
    const v = g.vsReference;
    return html`<tr${isRef ? new Markup(' class="ref"') : ''}><td>${byLabel(g)}${isRef ? html`<span class="change">reference</span>` : g.tested ? '' : html`<span class="change">not tested</span>`}</td>${[
      num(formatCount(g.tickets)),
      num(formatAnsweredShare(g)),
      withCi(formatBoundedDuration(g.firstResponse.median, g.firstResponse.bound), formatMedianCi(g.firstResponse.ci95, g.firstResponse.bound)),
      html`<td class="nowrap">${isRef ? '—' : v ? ratioWithVerdict(v.firstResponseRatio, v.firstResponseBound, v.firstResponseVerdict, toleranceEdges(report.settings.tolerance), rowLikeForLikeOnly(v, 'firstResponse')) : '—'}</td>`,
      num(formatResolvedShare(g)),
      withCi(formatBoundedDuration(g.resolution.median, g.resolution.bound), formatMedianCi(g.resolution.ci95, g.resolution.bound)),
      html`<td class="nowrap">${isRef ? '—' : v ? ratioWithVerdict(v.resolutionRatio, v.resolutionBound, v.resolutionVerdict, toleranceEdges(report.settings.tolerance), rowLikeForLikeOnly(v, 'resolution')) : '—'}</td>`,
    ]}</tr>`;
  });
  return html`<div class="table-wrap"><table>
<thead><tr><th>${by.field}</th><th class="num">Tickets</th><th class="num">Answered</th><th class="num">First response median<span class="change">95% CI</span></th><th>vs ${ref}</th><th class="num">Resolved</th><th class="num">Resolution median<span class="change">95% CI</span></th><th>vs ${ref}</th></tr></thead>
<tbody>${rows}</tbody></table></div>
${byNotes(by, report.settings.minSample, '“not tested”').map((note) => html`<p class="note">${note}</p>`)}`;
}

function trendTable(report: Report, metric: 'firstResponse' | 'resolution'): Markup {
  const view = trendView(report, metric);
  const rows = view.rows.map((r) => {
    const cells = r.cells.map((x) =>
      x ? html`<td class="num${x.thin ? ' thin' : ''}">${x.median}${x.change ? html` <span class="change">${x.change}</span>` : ''}${x.thin ? html` <span class="change">${x.thin}</span>` : ''}</td>` : num('—'),
    );
    return html`<tr${r.current ? new Markup(' class="current"') : ''}><td>${r.label}</td>${num(r.tickets)}${num(r.waiting)}${cells}${num(r.gap)}${num(r.gapChange)}</tr>`;
  });
  return html`<div class="table-wrap"><table>
<thead><tr><th>${view.unit}</th><th class="num">Tickets</th><th class="num">${view.waitingHead}</th>${view.channels.map((c) => html`<th class="num">${swatch(c)}${c}</th>`)}<th class="num">${view.gapHead}</th><th class="num">Gap change</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

function figure(svg: string | null, caption: string): Markup | null {
  return svg ? html`<figure><figcaption>${caption}</figcaption>${new Markup(svg)}</figure>` : null;
}


function findingCard(f: Finding, edges: Edges, report: Report): Markup {
  const evidence = findingEvidence(f, edges, (group, metric) => slaEdges(report.channels.find((c) => c.channel === group), metric)).map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`);
  // <details> folds the evidence away without any script; significant findings start open.
  return html`<details class="finding ${findingTone(f)}"${f.significant ? new Markup(' open') : ''}><summary><span class="badge">${findingLabel(f)}</span><span class="message">${f.message}</span></summary>
<dl class="evidence">${evidence}</dl></details>`;
}

function dataQualityRows(entries: readonly DataQualityEntry[]): Markup[] {
  return entries.map((dq) => html`<tr><td>${dq.severity}</td><td>${dq.kind}</td>${num(formatCount(dq.count))}<td class="mono">${exampleText(dq)}</td></tr>`);
}

export function renderHtml(report: Report): string {
  const title = reportTitle(report);
  const input = report.input;
  const channelValues = firstValues(input.channelValues);
  const unknown = firstValues(input.unknownChannels);
  const periods = report.periods ?? [];
  const unit = unitName(report).toLowerCase();
  const bandsTable = bandTable(report);
  const sla = slaTable(report);
  const failed = report.gates.filter((g) => !g.passed);

  const body = html`<main>
<header>
<p class="eyebrow">parity · ${report.reportPeriod ? `${unit}ly report` : 'audit'}</p>
<h1>${title}</h1>
<p class="scope">${scopeSentence(report)}</p>
</header>

<section id="summary">
<h2>Summary</h2>
${tiles(report)}
<ul class="summary">${summarySentences(report).map((s) => html`<li>${s}</li>`)}</ul>
</section>

<section id="channels">
<h2>Channels</h2>
${channelTable(report)}
${figure(distributionChart(report), `First response by channel${report.reportPeriod ? `, ${periodName(report.reportPeriod.label)}` : ''}, the unanswered counted as still waiting, as in the tables: box from the 25th to the 75th percentile, whiskers from the 10th to the 90th, thick tick at the median, dots at the fastest answer and the longest time seen (hollow: a ticket still waiting that long); a dashed part ends at a percentile not reached, a lower bound: that share of the channel had not been answered by then (log scale).`)}
</section>
${sla ? html`
<section id="sla">
<h2>${slaTitle(report)}</h2>
${sla}
</section>` : ''}
${periods.length ? html`
<section id="trend">
<h2>Trend by ${unit}</h2>
<p class="note">Medians per ${unit}; in small print the change since the ${unit} before. The gap is ${report.reference}’s median minus the fastest other channel’s. Open tickets are censored at the as-of time (${formatInstant(report.period.asOf)}).</p>
${figure(trendChart(report), `Median first response per channel, ${unit} by ${unit} (log scale); the shaded ${unit} is the one this report is about.${periods.some((p) => p.channels.some((c) => !c.firstResponseEnough && !c.firstResponseBound && c.firstResponseMedian !== null)) ? ` Hollow points have fewer than ${formatCount(report.settings.minSample)} tickets measured (n shown) and are not joined to the line.` : ''}${periods.some((p) => p.channels.some((c) => c.firstResponseBound && c.firstResponseMedian !== null)) ? ' Triangles marked ≥ are medians not reached (half or more still unanswered): the channel waited at least that long, and the point is not joined to the line.' : ''}`)}
<h3>First response</h3>
${trendTable(report, 'firstResponse')}
<h3>Resolution</h3>
${trendTable(report, 'resolution')}
</section>` : ''}
${bandsTable ? html`
<section id="bands">
<h2>Follower bands</h2>
${bandsTable}
${figure(bandChart(report), `Median first response by follower count of the complaining account, with its 95% confidence interval (accounts with an unknown follower count are in the table only).${report.followerBands.some((b) => b.band !== 'unknown' && b.firstResponse.bound && b.firstResponse.median !== null) ? ' Pale bars marked ≥ are medians not reached: at least that long.' : ''}`)}
</section>` : ''}
${report.by ? html`
<section id="by">
<h2>${byTitle(report.by)}</h2>
${byTable(report, report.by)}
</section>` : ''}

<section id="findings">
<h2>Findings</h2>
${report.findings.length ? html`<p class="note">Each finding folds out to its evidence; significant ones are open.</p>${report.findings.map((f) => findingCard(f, toleranceEdges(report.settings.tolerance), report))}` : html`<p>No findings.</p>`}
</section>
${report.gates.length ? html`
<section id="gates">
<h2>Gates</h2>
<p>${gatesSentence(failed.length, report.gates.length)}</p>
<div class="table-wrap"><table><thead><tr><th>Result</th><th>Gate</th><th>Outcome</th><th>Detail</th></tr></thead><tbody>
${report.gates.map((g) => html`<tr><td class="${g.passed ? 'pass' : 'fail'}">${g.passed ? 'pass' : 'FAIL'}</td><td class="mono">${g.expression}</td><td>${gateMessage(g)}</td><td>${gateDetail(g) ?? ''}</td></tr>`)}
</tbody></table></div>
</section>` : ''}

<section id="data-quality">
<h2>Data quality</h2>
<p>${formatCount(input.rowsRead)} row${input.rowsRead === 1 ? '' : 's'} read: ${formatCount(input.rowsUsed)} used, ${formatCount(input.rowsRejected)} rejected${input.files.length ? html` (${input.files.map((f, k) => html`${k ? ', ' : ''}<span class="mono">${f}</span>`)})` : ''}.</p>
${input.dataQuality.length ? html`<div class="table-wrap"><table><thead><tr><th>Severity</th><th>Problem</th><th class="num">Rows</th><th>Example</th></tr></thead><tbody>${dataQualityRows(input.dataQuality)}</tbody></table></div>` : html`<p>No problems found in the rows.</p>`}
${input.channelValues.length ? html`<h3>Channel values</h3><p class="note">How the values in the export’s channel column were read${report.reportPeriod ? ` (tickets of ${periodName(report.reportPeriod.label)})` : ''}.</p><div class="table-wrap"><table><thead><tr><th>Value in the export</th><th>Read as</th><th class="num">Tickets</th></tr></thead><tbody>${channelValues.shown.map((v) => html`<tr><td class="mono">${v.label ?? v.raw}</td><td>${swatch(v.channel)}${v.channel}</td>${num(formatCount(v.count))}</tr>`)}</tbody></table></div>${channelValues.more ? html`<p class="note">And ${moreValues(channelValues.more, channelValues.moreCount)}: the JSON report lists them all.</p>` : ''}` : ''}
${input.unknownChannels.length ? html`<p>Unknown channel values read as <em>other</em>: ${unknown.shown.map((u, k) => html`${k ? ', ' : ''}<span class="mono">${u.label ?? u.raw}</span> (${formatCount(u.count)})`)}${unknown.more ? `, and ${moreValues(unknown.more, unknown.moreCount)}` : ''}. Map them with <code>channels</code> in the configuration.</p>` : ''}
${input.notes.length ? html`<ul>${input.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}
</section>

<footer>
<p>${methodNote(report)}</p>
<p>Period ${formatDate(report.period.from, report.settings.timeZone)} to ${formatDate(report.period.to, report.settings.timeZone)}${zoneNote(report.settings.timeZone)}; open tickets measured to ${formatInstant(report.period.asOf)}. ${generatedLine(report)}</p>
</footer>
</main>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body.value}
</body>
</html>
`;
}
