/**
 * Golden test of the structure of `--format html`: the outline of sections, headings, tables
 * (columns × rows), findings and charts (each chart's marks and how many elements each drew),
 * from the hand-built report and audit. The outline is stable across Plot's drawing details;
 * the whole file is checked to be byte-for-byte the same on a second render. UPDATE_GOLDEN=1 (or
 * PARITY_UPDATE_GOLDEN=1) rewrites the outlines.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/render/html.js';
import { loadChartKit } from '../../../src/render/charts.js';
import { sampleAudit, sampleReport } from '../../unit/report/sampleReport.js';
import { outline } from '../../helpers/outline.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const UPDATE = Boolean(process.env.UPDATE_GOLDEN || process.env.PARITY_UPDATE_GOLDEN);

await loadChartKit();

function golden(name: string, actual: string): void {
  const path = join(HERE, name);
  if (UPDATE) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('html golden (structure)', () => {
  it('report: headline, channels with box plot, trend chart and tables, bands chart, findings, gates, data quality', () => {
    const html = renderHtml(sampleReport());
    golden('report.outline.txt', outline(html));
    expect(renderHtml(sampleReport())).toBe(html);
  });

  it('audit: no trend section', () => {
    golden('audit.outline.txt', outline(renderHtml(sampleAudit())));
  });
});
