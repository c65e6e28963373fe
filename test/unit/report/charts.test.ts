/** Duration axes of the HTML charts: 0 s is drawn as 0 s (symlog axes), not moved to 1 s; the band chart says a bound as one. */
import { describe, expect, it } from 'vitest';
import { bandChart, loadChartKit, trendChart } from '../../../src/render/charts.js';
import { sampleReport } from './sampleReport.js';

await loadChartKit();

/** The tick labels of an SVG axis, in order. */
function tickLabels(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
}

describe('the trend chart', () => {
  it('draws a 0 s median at a 0s tick', () => {
    const report = sampleReport();
    const social = report.periods![0]!.channels.find((c) => c.channel === 'social')!;
    social.firstResponseMedian = 0;
    const svg = trendChart(report) as string;
    const labels = tickLabels(svg);
    expect(labels).toContain('0s');
  });

  it('labels the y axis along the axis, clear of the data', () => {
    const svg = trendChart(sampleReport()) as string;
    expect(svg).toContain('Median first response (log scale)');
    expect(svg).not.toContain('↑ Median first response');
  });
});

describe('follower band chart', () => {
  it('labels a median not reached ≥ (rounded down), says "at least" and counts the answered, not the tickets', () => {
    const report = sampleReport();
    // 100k+: 10 tickets, 4 answered; median at least 1d 2h 30m 30s (95,430 s), CI lower end 5m
    report.followerBands = report.followerBands.map((b) =>
      b.band === '100k+' ? { ...b, answered: 4, answeredShare: 0.4, firstResponse: { ...b.firstResponse, median: 95430, bound: 'lower' as const, ci95: [300, null] as [number, null] } } : b,
    );
    const svg = bandChart(report) as string;
    expect(svg).toContain('<title>100k+ followers: median at least 1d 2h (95% CI ≥ 5m), 4 of 10 answered</title>');
    expect(svg).toContain('>≥ 1d 2h<');
    // a reached median keeps its plain label and both CI ends
    expect(svg).toContain('<title>&lt;1k followers: median 40m (95% CI 30m–45m), 10 of 10 answered</title>');
  });
});
