/**
 * The renderer registry: each output format is a pure function of the Report. Commands pick one
 * by name; none computes a statistic.
 */
import type { Report } from '../report.js';
import { UsageError } from '../errors.js';

export interface RenderOptions {
  color: boolean;
}

export type Renderer = (report: Report, options: RenderOptions) => string;

/**
 * Each renderer is loaded when asked for: a JSON run does not load the table, HTML or plotting
 * modules (start-up time), and the HTML renderer loads its plotting kit first.
 */
export const RENDERERS: Record<string, () => Promise<Renderer>> = {
  table: async () => (await import('./table.js')).renderTable,
  json: async () => (await import('./json.js')).renderJson,
  markdown: async () => (await import('./markdown.js')).renderMarkdown,
  html: async () => {
    const [{ renderHtml }, { loadChartKit }] = await Promise.all([import('./html.js'), import('./charts.js')]);
    await loadChartKit();
    return renderHtml;
  },
  csv: async () => (await import('./csv.js')).renderCsv,
  junit: async () => (await import('./junit.js')).renderJunit,
};

/** The renderer for `--format` (loaded), or a usage error naming the choices; commands call this. */
export async function loadRenderer(format: string, command: string): Promise<Renderer> {
  const load = Object.hasOwn(RENDERERS, format) ? RENDERERS[format] : undefined;
  if (!load) {
    throw new UsageError(`--format ${format} is not available for ${command}`, {
      hint: `choose one of: ${Object.keys(RENDERERS).join(', ')}`,
    });
  }
  return load();
}
