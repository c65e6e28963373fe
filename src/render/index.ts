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
import { escapeJsonText, sanitiseDeep } from '../text/sanitise.js';

export interface RenderOptions {
  color: boolean;
}

export type Renderer = (report: Report, options: RenderOptions) => string;

/**
 * The formats by name. A Map, so a name from the command line (`toString`, `__proto__`) is
 * never looked up on an object's prototype. Every text format renders a Report whose data
 * strings went through the sanitiser (control and bidi characters shown as escapes); JSON keeps
 * the data and writes those characters as `\u` escapes.
 */
export const RENDERERS: ReadonlyMap<string, Renderer> = new Map<string, Renderer>([
  ['table', (report, options) => renderTable(sanitiseDeep(report), options)],
  ['json', (report) => escapeJsonText(renderJson(report))],
  ['markdown', (report) => renderMarkdown(sanitiseDeep(report))],
  ['html', (report) => renderHtml(sanitiseDeep(report))],
  ['csv', (report) => renderCsv(sanitiseDeep(report))],
  ['junit', (report) => renderJunit(sanitiseDeep(report))],
]);

/** The renderer for `--format`, or a usage error naming the choices. */
export function rendererFor(format: string, command: string): Renderer {
  const renderer = RENDERERS.get(format);
  if (!renderer) {
    throw new UsageError(`--format ${format} is not available for ${command}`, {
      hint: `choose one of: ${[...RENDERERS.keys()].join(', ')}`,
    });
  }
  return renderer;
}

/** What a renderer needs loaded before it runs (HTML: the plotting library, loaded on demand). */
const PRELOAD: ReadonlyMap<string, () => Promise<void>> = new Map([['html', loadChartKit]]);

/** `rendererFor`, with whatever the renderer needs loaded first; commands call this one. */
export async function loadRenderer(format: string, command: string): Promise<Renderer> {
  const renderer = rendererFor(format, command);
  await PRELOAD.get(format)?.();
  return renderer;
}
