/**
 * The trend chart marks periods below the minimum sample: sampleReport's chat has three tickets
 * in each of its three months (enough: false), so chat is three hollow points, each labelled
 * n=3, and no line joins them; phone and social (enough) are solid points joined by lines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChartKit, trendChart } from '../../../src/render/charts.js';
import { sampleReport } from './sampleReport.js';

describe('trend chart: thin periods', () => {
  beforeAll(async () => {
    await loadChartKit();
  });

  it('draws them hollow with their n and breaks the line', () => {
    const svg = trendChart(sampleReport()) as string;
    expect(svg).not.toBeNull();
    expect(svg.match(/>n=3</g) ?? []).toHaveLength(3);
    // one white-filled dot group (the hollow points), three circles in it
    const hollow = /<g[^>]*fill="#fff"[^>]*>((?:<circle[^>]*>(?:<title>[^<]*<\/title><\/circle>|<\/circle>)?)+)<\/g>/.exec(svg);
    expect(hollow, svg.slice(0, 400)).not.toBeNull();
    expect(hollow![1]!.match(/<circle/g)).toHaveLength(3);
    // lines: one path per joined channel (phone, social); chat, thin everywhere, has none
    const lineGroup = /<g[^>]*aria-label="line"[^>]*>(.*?)<\/g>/s.exec(svg);
    expect(lineGroup![1]!.match(/<path/g)).toHaveLength(2);
  });

  it('a thin period between two comparable ones breaks the line: they are not joined across it', () => {
    const report = sampleReport();
    const periods = report.periods!;
    expect(periods).toHaveLength(3);
    // social thin in the middle month only
    periods[1]!.channels = periods[1]!.channels.map((c) => (c.channel === 'social' ? { ...c, enough: false, firstResponseEnough: false, resolutionEnough: false, tickets: 4, firstResponseN: 4, resolutionN: 4 } : c));
    const svg = trendChart(report) as string;
    expect(svg.match(/>n=4</g) ?? []).toHaveLength(1);
    const lineGroup = /<g[^>]*aria-label="line"[^>]*>(.*?)<\/g>/s.exec(svg)![1]!;
    const paths = [...lineGroup.matchAll(/<path[^>]*\bd="([^"]*)"/g)].map((m) => m[1]!);
    // phone joins three points (two segments); social's two points sit on either side of a gap,
    // so its path has two separate moves and no segment between them
    expect(paths).toHaveLength(2);
    const social = paths.find((d) => (d.match(/M/g) ?? []).length === 2);
    expect(social, paths.join(' | ')).toBeDefined();
    expect(social).not.toMatch(/L/);
  });
});

describe('trend chart: medians not reached', () => {
  beforeAll(async () => {
    await loadChartKit();
  });

  it('are triangles marked ≥, "at least" in their tooltip, and not joined to the line', () => {
    const report = sampleReport();
    const periods = report.periods!;
    // social's median in the middle month is only a lower bound: at least 45m (2,700 s)
    periods[1]!.channels = periods[1]!.channels.map((c) => (c.channel === 'social' ? { ...c, firstResponseBound: 'lower' as const } : c));
    const svg = trendChart(report) as string;
    expect(svg).toContain('<title>social, 2026-09: median at least 45m (');
    // phone's and social's reached medians keep their plain tooltips
    expect(svg).toContain('<title>social, 2026-10: median 30m (');
    // one triangle (a symbol path, not a circle) and one ≥ beside it
    const whiteDots = [...svg.matchAll(/<g[^>]*fill="#fff"[^>]*aria-label="dot"[^>]*>(.*?)<\/g>/gs)].map((m) => m[1]!);
    // chat's three hollow circles, and social's one triangle
    expect(whiteDots.map((g) => [(g.match(/<circle/g) ?? []).length, (g.match(/<path/g) ?? []).length])).toEqual([[3, 0], [0, 1]]);
    expect(svg.match(/>≥</g) ?? []).toHaveLength(1);
    // social's line is broken at the bound: two separate points, no segment
    const lineGroup = /<g[^>]*aria-label="line"[^>]*>(.*?)<\/g>/s.exec(svg)![1]!;
    const paths = [...lineGroup.matchAll(/<path[^>]*\bd="([^"]*)"/g)].map((m) => m[1]!);
    expect(paths.find((d) => (d.match(/M/g) ?? []).length === 2 && !/L/.test(d)), paths.join(' | ')).toBeDefined();
  });
});
