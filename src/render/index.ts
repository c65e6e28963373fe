/**
 * The renderer registry: each output format is a pure function of the Report. Commands pick one
 * by name; none computes a statistic.
 */
import type { Report } from '../report.js';
import { UsageError } from '../errors.js';
import { renderJson } from './json.js';
import { renderTable } from './table.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';
import { renderCsv } from './csv.js';
import { loadChartKit } from './charts.js';
import { renderJunit } from './junit.js';

export interface RenderOptions {
  color: boolean;
  /** Terminal width to fit the table output to (render/fit.ts); absent = draw everything in full. */
  width?: number | undefined;
}

export type Renderer = (report: Report, options: RenderOptions) => string;

export const RENDERERS: Record<string, Renderer> = {
  table: renderTable,
  json: renderJson,
  markdown: renderMarkdown,
  html: renderHtml,
  csv: renderCsv,
  junit: renderJunit,
};

/** The renderer for `--format`, or a usage error naming the choices. */
export function rendererFor(format: string, command: string): Renderer {
  const renderer = RENDERERS[format];
  if (!renderer) {
    throw new UsageError(`--format ${format} is not available for ${command}`, {
      hint: `choose one of: ${Object.keys(RENDERERS).join(', ')}`,
    });
  }
  return renderer;
}

/** What a renderer needs loaded before it runs (HTML: the plotting library, loaded on demand). */
const PRELOAD: Record<string, () => Promise<void>> = {
  html: loadChartKit,
};

/** `rendererFor`, with whatever the renderer needs loaded first; commands call this one. */
export async function loadRenderer(format: string, command: string): Promise<Renderer> {
  const renderer = rendererFor(format, command);
  await PRELOAD[format]?.();
  return renderer;
}
