/**
 * The HTML report's charts, drawn by Observable Plot into a server-side DOM (linkedom) and
 * serialised to static SVG when the report is built: no script runs where the report is read.
 *
 *   first response by channel   box plot from the Report's per-channel quantiles
 *   trend                       median first response per channel per period (report.periods)
 *   follower bands              median first response per band with its 95% CI
 *
 * Chart data comes from the Report as it is (reshaped into rows, never computed). Plot and
 * linkedom are loaded on demand (`loadChartKit`) so commands that print a table do not pay for
 * them. Plot writes data-derived text through text nodes (`<text>`, `<title>`), which the
 * serialiser escapes; the labels here are channel names, band labels and period labels anyway.
 */
import type { Channel } from '../model.js';
import type { Report } from '../report.js';
import type { Bound } from '../measure/estimate.js';
import { boundedDurationWords, formatBoundedDuration, formatCount, formatDuration, formatMedianCi, slaEdges } from './format.js';

type PlotModule = typeof import('@observablehq/plot');
type ParseHtml = (typeof import('linkedom'))['parseHTML'];

let kit: { Plot: PlotModule; parseHTML: ParseHtml } | null = null;

/** Loads Plot and linkedom once; the HTML renderer needs them (see render/index.ts). */
export async function loadChartKit(): Promise<void> {
  if (kit) return;
  const [Plot, linkedom] = await Promise.all([import('@observablehq/plot'), import('linkedom')]);
  kit = { Plot, parseHTML: linkedom.parseHTML };
}

function chartKit(): { Plot: PlotModule; parseHTML: ParseHtml } {
  if (!kit) throw new Error('charts: call loadChartKit() before rendering HTML');
  return kit;
}

/** One colour per channel, the same in every chart and table (Observable's 10-colour scheme). */
export const CHANNEL_COLOURS: Record<Channel, string> = {
  phone: '#4269d0',
  email: '#efb118',
  web: '#ff725c',
  social: '#3ca951',
  chat: '#a463f2',
  other: '#9498a0',
};

/** Durations worth a tick on a log axis: 0s (drawn where it is: the axes are symlog) … 8 weeks. */
const DURATION_TICKS = [0, 1, 5, 15, 60, 300, 900, 1800, 3600, 2 * 3600, 4 * 3600, 8 * 3600, 86400, 2 * 86400, 4 * 86400, 7 * 86400, 14 * 86400, 28 * 86400, 56 * 86400];


/** Steps for a linear duration axis, smallest first; the first giving at most 7 ticks is used. */
const DURATION_STEPS = [1, 5, 15, 30, 60, 300, 600, 900, 1800, 3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400, 14 * 86400, 28 * 86400];

/** A tick "interval" for a linear duration axis: whole minutes, hours or days. */
const linearDurationTicks = {
  floor: (x: number): number => x,
  offset: (x: number): number => x,
  range: (lo: number, hi: number): number[] => {
    const step = DURATION_STEPS.find((s) => (hi - lo) / s <= 7) ?? (DURATION_STEPS[DURATION_STEPS.length - 1] as number);
    const out: number[] = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) out.push(v);
    return out;
  },
};

/**
 * A tick "interval" for Plot that yields the duration ticks inside the scale's domain; on a
 * narrow domain (fewer than three of them inside) it falls back to even steps.
 */
const durationTicks = {
  floor: (x: number): number => x,
  offset: (x: number): number => x,
  range: (lo: number, hi: number): number[] => {
    const ticks = DURATION_TICKS.filter((v) => v >= lo && v <= hi);
    return ticks.length >= 3 ? ticks : linearDurationTicks.range(lo, hi);
  },
};

/**
 * Duration axes that span seconds to weeks are symmetric-log ("symlog"): logarithmic for the
 * long durations, linear near zero, so a 0 s value is drawn at 0 s and labelled so, where a
 * plain log scale (which has no zero) would have to pretend it was 1 s.
 */
const SYMLOG = { type: 'symlog', constant: 1 } as const;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

function svgOf(node: unknown): string {
  const element = node as { outerHTML: string; setAttribute(name: string, value: string): void };
  element.setAttribute('role', 'img');
  return element.outerHTML;
}

function newDocument(): unknown {
  return chartKit().parseHTML('<!doctype html><html><body></body></html>').document;
}

/**
 * Box plot of first response per channel, read off the same Kaplan–Meier curve as the tables
 * (the unanswered counted as still waiting): p25–p75 box, p10–p90 whiskers, a dot at the fastest
 * answer and one at the longest time seen (hollow: a ticket still waiting), median tick. A
 * quantile not reached is a lower bound: the part of the box or whisker that reaches it is
 * dashed and pale, and the median's label says `≥`. A channel nobody answered is still drawn.
 */
export function distributionChart(report: Report): string | null {
  const rows = report.distributions?.firstResponse.filter((d) => d.n > 0 && d.median !== null) ?? [];
  if (!rows.length) return null;
  const { Plot } = chartKit();
  const data = rows.map((d) => {
    // each value beside the channel's first-response SLA targets, as the channel table writes them
    const targets = slaEdges(report.channels.find((c) => c.channel === d.channel), 'firstResponse');
    const f = (x: number | null, bound: Bound | null = null): string => boundedDurationWords(x, bound, targets);
    return {
      channel: d.channel,
      min: d.min,
      p10: d.p10, p25: d.p25, median: d.median, p75: d.p75, p90: d.p90, max: d.max,
      // a segment whose right end is a quantile not reached is dashed (it reaches at least there)
      leftBound: d.p25Bound !== null,
      boxBound: d.p75Bound !== null,
      rightBound: d.p90Bound !== null,
      maxWaiting: d.maxBound !== null,
      label: formatBoundedDuration(d.median, d.medianBound, targets),
      title: `${d.channel}: ${formatCount(d.answered)} of ${formatCount(d.n)} answered (the rest counted as still waiting); fastest answer ${f(d.min)}, p10 ${f(d.p10, d.p10Bound)}, p25 ${f(d.p25, d.p25Bound)}, median ${f(d.median, d.medianBound)}, p75 ${f(d.p75, d.p75Bound)}, p90 ${f(d.p90, d.p90Bound)}, longest ${d.maxBound ? 'still waiting ' : ''}${f(d.max, d.maxBound)}`,
    };
  });
  const channels = data.map((d) => d.channel);
  const colour = { domain: channels, range: channels.map((c) => CHANNEL_COLOURS[c]) };
  const plot = Plot.plot({
    document: newDocument() as never,
    width: 900,
    height: 60 + 46 * data.length,
    marginLeft: 70,
    marginRight: 30,
    marginBottom: 46,
    style: { fontFamily: FONT, fontSize: '12px' },
    ariaLabel: 'First response time by channel (box plot, unanswered counted as still waiting)',
    x: { ...SYMLOG, label: 'First response (log scale) →', grid: false },
    y: { domain: channels, label: null },
    color: colour,
    marks: [
      Plot.gridX({ ticks: durationTicks, stroke: '#000', strokeOpacity: 0.08 }),
      Plot.axisX({ ticks: durationTicks, text: (d: number) => formatDuration(d), label: 'First response (log scale) →', labelAnchor: 'center', labelOffset: 36 }),
      Plot.ruleY(data, { y: 'channel', x1: 'min', x2: 'max', stroke: 'channel', strokeOpacity: 0.35, strokeDasharray: '2,3' }),
      ...([false, true] as const).flatMap((dashed) => {
        const line = dashed ? { strokeDasharray: '4,3' } : {};
        return [
          Plot.ruleY(data.filter((d) => d.leftBound === dashed), { y: 'channel', x1: 'p10', x2: 'p25', stroke: 'channel', strokeWidth: 1.5, ...line }),
          Plot.ruleY(data.filter((d) => d.rightBound === dashed), { y: 'channel', x1: 'p75', x2: 'p90', stroke: 'channel', strokeWidth: 1.5, ...line }),
          Plot.barX(data.filter((d) => d.boxBound === dashed), { y: 'channel', x1: 'p25', x2: 'p75', fill: 'channel', fillOpacity: dashed ? 0.08 : 0.25, stroke: 'channel', insetTop: 9, insetBottom: 9, title: 'title', ...line }),
        ];
      }),
      Plot.tickX(data, { y: 'channel', x: 'median', stroke: 'channel', strokeWidth: 3, insetTop: 7, insetBottom: 7, title: 'title' }),
      Plot.dot(data, { y: 'channel', x: 'min', stroke: 'channel', r: 2.5 }),
      Plot.dot(data.filter((d) => !d.maxWaiting), { y: 'channel', x: 'max', stroke: 'channel', r: 2.5 }),
      Plot.dot(data.filter((d) => d.maxWaiting), { y: 'channel', x: 'max', stroke: 'channel', fill: '#fff', r: 3.5 }),
      Plot.text(data, { y: 'channel', x: 'median', text: 'label', dy: -17, fontWeight: 600, fill: '#333' }),
    ],
  });
  return svgOf(plot);
}

/** Median first response per channel, period by period; the period of interest is marked. */
export function trendChart(report: Report): string | null {
  const periods = report.periods ?? [];
  if (!periods.length) return null;
  const { Plot } = chartKit();
  const labels = periods.map((p) => p.period);
  const channels = [...new Set(periods.flatMap((p) => p.channels.map((c) => c.channel)))];
  const rows = channels.flatMap((channel) =>
    periods.map((p) => {
      const c = p.channels.find((x) => x.channel === channel);
      const median = c ? c.firstResponseMedian : null;
      const bound = c?.firstResponseBound ?? null;
      // (first response's own count, as the gates count it)
      const enough = c ? c.firstResponseEnough : false;
      const thin = enough ? '' : `; n=${c?.firstResponseN ?? 0}, too few tickets to compare`;
      return {
        channel,
        period: p.period,
        median,
        // The line joins only periods with enough tickets and a median reached: a thin period or
        // a bound breaks it (null), so that neither is drawn as if it were a value like the others.
        joined: enough && !bound ? median : null,
        enough,
        bound,
        n: `n=${c?.firstResponseN ?? 0}`,
        title: `${channel}, ${p.period}: median ${boundedDurationWords(c?.firstResponseMedian, bound, slaEdges(report.channels.find((x) => x.channel === channel), 'firstResponse'))} (${c?.answered ?? 0} answered${thin})`,
      };
    }),
  );
  const drawn = rows.filter((r) => r.median !== null);
  if (!drawn.length) return null;
  const solid = drawn.filter((r) => r.enough && !r.bound);
  // Periods below the minimum sample: hollow points with their n beside them.
  const hollow = drawn.filter((r) => !r.enough && !r.bound);
  // Medians not reached (at least this long): upward triangles, the value only a floor.
  const bounds = drawn.filter((r) => r.bound);
  const current = periods.find((p) => p.current)?.period;
  const plot = Plot.plot({
    document: newDocument() as never,
    width: 900,
    height: 340,
    marginLeft: 70,
    marginRight: 70,
    marginBottom: 40,
    style: { fontFamily: FONT, fontSize: '12px' },
    ariaLabel: 'Median first response per channel by period',
    x: { type: 'point', domain: labels, label: null, padding: 0.3 },
    // insetTop keeps the highest dot clear of the axis label above the frame
    y: { ...SYMLOG, label: '↑ Median first response (log scale)', insetTop: 12 },
    color: { domain: channels, range: channels.map((c) => CHANNEL_COLOURS[c]) },
    marks: [
      ...(current ? [Plot.ruleX([current], { stroke: '#000', strokeOpacity: 0.12, strokeWidth: 18 })] : []),
      Plot.gridY({ ticks: durationTicks, stroke: '#000', strokeOpacity: 0.08 }),
      Plot.axisY({ ticks: durationTicks, text: (d: number) => formatDuration(d), label: 'Median first response (log scale)', labelAnchor: 'center', labelOffset: 60 }),
      Plot.axisX({ label: null }),
      Plot.line(rows, { x: 'period', y: 'joined', z: 'channel', stroke: 'channel', strokeWidth: 2 }),
      Plot.dot(solid, { x: 'period', y: 'median', fill: 'channel', r: 3.5, title: 'title' }),
      ...(hollow.length
        ? [
            Plot.dot(hollow, { x: 'period', y: 'median', stroke: 'channel', fill: '#fff', strokeWidth: 1.5, r: 3.5, title: 'title' }),
            Plot.text(hollow, { x: 'period', y: 'median', text: 'n', fill: 'channel', dy: -9, fontSize: 10 }),
          ]
        : []),
      ...(bounds.length
        ? [
            Plot.dot(bounds, { x: 'period', y: 'median', symbol: 'triangle', stroke: 'channel', fill: '#fff', strokeWidth: 1.5, r: 4.5, title: 'title' }),
            Plot.text(bounds, { x: 'period', y: 'median', text: (r: { enough: boolean; n: string }) => (r.enough ? '≥' : `≥ ${r.n}`), fill: 'channel', dy: -11, fontSize: 11, fontWeight: 600 }),
          ]
        : []),
      Plot.text(drawn, Plot.selectLast({ x: 'period', y: 'median', z: 'channel', text: 'channel', fill: 'channel', dx: 8, textAnchor: 'start', fontWeight: 600 })),
    ],
  });
  return svgOf(plot);
}

/** Median first response per follower band with its 95% CI (bands with tickets). */
export function bandChart(report: Report): string | null {
  // The unknown band (no follower count: usually every non-social ticket) would dwarf the gradient.
  const bands = report.followerBands.filter((b) => b.tickets > 0 && b.firstResponse.median !== null && b.band !== 'unknown');
  if (!bands.length) return null;
  const { Plot } = chartKit();
  const data = bands.map((b) => ({
    band: b.band,
    median: b.firstResponse.median,
    bound: b.firstResponse.bound,
    lo: b.firstResponse.ci95?.[0] ?? null,
    hi: b.firstResponse.ci95?.[1] ?? null,
    // a median not reached is a floor, said as one, as in every table
    label: formatBoundedDuration(b.firstResponse.median, b.firstResponse.bound),
    title: `${b.band} followers: median ${boundedDurationWords(b.firstResponse.median, b.firstResponse.bound)} (95% CI ${formatMedianCi(b.firstResponse.ci95, b.firstResponse.bound)}), ${formatCount(b.answered)} of ${formatCount(b.firstResponse.n)} answered`,
  }));
  const plot = Plot.plot({
    document: newDocument() as never,
    width: 900,
    height: 60 + 40 * data.length,
    marginLeft: 80,
    marginRight: 60,
    marginBottom: 46,
    style: { fontFamily: FONT, fontSize: '12px' },
    ariaLabel: 'Median first response by follower band',
    x: { label: 'Median first response →', grid: false, nice: true },
    y: { domain: data.map((d) => d.band), label: 'Followers' },
    marks: [
      Plot.gridX({ ticks: linearDurationTicks, stroke: '#000', strokeOpacity: 0.08 }),
      Plot.axisX({ ticks: linearDurationTicks, text: (d: number) => formatDuration(d), label: 'Median first response →', labelAnchor: 'center', labelOffset: 36 }),
      // a median not reached: a pale bar with a dashed edge, its label `≥ …` (the value only a floor)
      Plot.barX(data.filter((d) => !d.bound), { y: 'band', x: 'median', fill: '#6b8fd6', insetTop: 6, insetBottom: 6, title: 'title' }),
      Plot.barX(data.filter((d) => d.bound), { y: 'band', x: 'median', fill: '#d3dcf2', stroke: '#6b8fd6', strokeDasharray: '4 3', insetTop: 6, insetBottom: 6, title: 'title' }),
      Plot.ruleY(data.filter((d) => d.lo !== null && d.hi !== null), { y: 'band', x1: 'lo', x2: 'hi', stroke: '#333', strokeWidth: 1.5 }),
      Plot.text(data, { y: 'band', x: 'median', text: 'label', dx: 6, dy: -10, textAnchor: 'start', fill: '#333', fontWeight: 600 }),
      Plot.ruleX([0]),
    ],
  });
  return svgOf(plot);
}
