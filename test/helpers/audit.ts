/** In-process audit for unit tests: resolve settings like the CLI, run the pipeline's audit. */
import { Readable } from 'node:stream';
import { audit } from '../../src/pipeline.js';
import { resolveSettings, type CommonFlags } from '../../src/commands/options.js';
import type { Config } from '../../src/config/schema.js';
import type { Report } from '../../src/report.js';

export async function auditFiles(files: string[], flags: CommonFlags = {}, config: Config = {}, stdin = ''): Promise<Report> {
  const settings = resolveSettings(files, flags, config, 'test');
  return audit(settings, { stdin: Readable.from([Buffer.from(stdin)]) });
}
