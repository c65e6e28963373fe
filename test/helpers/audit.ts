/** In-process audit for unit tests: resolve settings like the CLI, run the pipeline's audit. */
import { Readable } from 'node:stream';
import { audit, auditCounted } from '../../src/pipeline.js';
import { resolveSettings, type CommonFlags } from '../../src/commands/options.js';
import type { Config } from '../../src/config/schema.js';
import type { Report } from '../../src/report.js';
import type { ReadOptions } from '../../src/read/source.js';

export async function auditFiles(files: string[], flags: CommonFlags = {}, config: Config = {}, stdin = '', read: Pick<ReadOptions, 'reader'> = {}): Promise<Report> {
  const settings = resolveSettings(files, flags, config, 'test');
  return audit(settings, { stdin: Readable.from([Buffer.from(stdin)]), ...(read.reader ? { reader: read.reader } : {}) });
}

/**
 * The same files audited by both producers with the same settings: in-process, and through
 * DuckDB (its count table judged by the same judge). Tests of "one number" assert on both.
 */
export async function bothProducers(files: string[], flags: CommonFlags = {}, config: Config = {}): Promise<[Report, Report]> {
  const settings = { ...resolveSettings(files, flags, config, 'test'), generatedAt: null };
  const io = () => ({ stdin: Readable.from([]) });
  return [await audit(settings, io()), await auditCounted({ kind: 'duckdb', files }, settings, io())];
}
