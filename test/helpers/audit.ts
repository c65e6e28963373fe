/** In-process audit for unit tests: resolve settings like the CLI, run the pipeline. */
import { Readable } from 'node:stream';
import { buildReport, loadDataset } from '../../src/pipeline.js';
import { resolveSettings, type CommonFlags } from '../../src/commands/options.js';
import { judge } from '../../src/judge/index.js';
import type { Config } from '../../src/config/schema.js';
import type { Report } from '../../src/report.js';
import type { ReadOptions } from '../../src/read/source.js';

export async function auditFiles(files: string[], flags: CommonFlags = {}, config: Config = {}, stdin = '', read: ReadOptions = {}): Promise<Report> {
  const settings = resolveSettings(files, flags, config, 'test');
  const dataset = await loadDataset(settings, { stdin: Readable.from([Buffer.from(stdin)]), read });
  return judge({ report: buildReport(dataset, settings), dataset, settings, baseline: null });
}
