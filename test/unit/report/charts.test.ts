/** Duration axes of the HTML charts: 0 s is drawn as 0 s (symlog axes), not moved to 1 s. */
import { describe, expect, it } from 'vitest';
import { loadChartKit, trendChart } from '../../../src/render/charts.js';
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
