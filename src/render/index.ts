/**
 * The renderer registry: each output format is a pure function of the Report. Commands pick one
 * by name; none computes a statistic.
 */
import type { Report } from '../report.js';
import { UsageError } from '../errors.js';
import { renderJson } from './json.js';
import { renderTable } from './table.js';
import { renderJunit } from './junit.js';

export interface RenderOptions {
  color: boolean;
}

export type Renderer = (report: Report, options: RenderOptions) => string;

export const RENDERERS: Record<string, Renderer> = {
  table: renderTable,
  json: renderJson,
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
