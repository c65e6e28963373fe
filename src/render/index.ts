/**
 * The renderer registry: every output format is a pure function of the Report, looked up here
 * once (per-command choices are checked by the commands through `loadRenderer`).
 */
import type { Report } from '../report.js';
import { UsageError } from '../errors.js';
import { escapeJsonText, sanitiseDeep } from '../text/sanitise.js';

export interface RenderOptions {
  color: boolean;
  /** Terminal width to fit the table output to (render/fit.ts); absent = draw everything in full. */
  width?: number | undefined;
}

export type Renderer = (report: Report, options: RenderOptions) => string;

/**
 * The formats by name, each loaded when asked for: a JSON run does not load the table, HTML or
 * plotting modules (start-up time), and the HTML renderer loads its plotting kit first. A Map,
 * so a name from the command line (`toString`, `__proto__`) is never looked up on an object's
 * prototype. Every text format renders a Report whose data strings went through the sanitiser
 * (control and bidi characters shown as escapes); JSON keeps the data and writes those
 * characters as `\u` escapes.
 */
export const RENDERERS: ReadonlyMap<string, () => Promise<Renderer>> = new Map<string, () => Promise<Renderer>>([
  ['table', async () => {
    const { renderTable } = await import('./table.js');
    return (report, options) => renderTable(sanitiseDeep(report), options);
  }],
  ['json', async () => {
    const { renderJson } = await import('./json.js');
    return (report) => escapeJsonText(renderJson(report));
  }],
  ['markdown', async () => {
    const { renderMarkdown } = await import('./markdown.js');
    return (report) => renderMarkdown(sanitiseDeep(report));
  }],
  ['html', async () => {
    const [{ renderHtml }, { loadChartKit }] = await Promise.all([import('./html.js'), import('./charts.js')]);
    await loadChartKit();
    return (report) => renderHtml(sanitiseDeep(report));
  }],
  ['csv', async () => {
    const { renderCsv } = await import('./csv.js');
    return (report) => renderCsv(sanitiseDeep(report));
  }],
  ['junit', async () => {
    const { renderJunit } = await import('./junit.js');
    return (report) => renderJunit(sanitiseDeep(report));
  }],
]);

/** Whether `format` is one the report renderers write (audit's and report's formats). */
export function isReportFormat(format: string): boolean {
  return RENDERERS.has(format);
}

/** The renderer for `--format` (loaded), or a usage error naming the choices; commands call this. */
export async function loadRenderer(format: string, command: string): Promise<Renderer> {
  const load = RENDERERS.get(format);
  if (!load) {
    throw new UsageError(`--format ${format} is not available for ${command}`, {
      hint: `choose one of: ${[...RENDERERS.keys()].join(', ')}`,
    });
  }
  return load();
}
