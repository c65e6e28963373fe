/**
 * `parity audit <file...>` (or `--counts <file>`, Parquet files, `--db <url> --table|--query`):
 * flags → settings → pipeline → renderer. Thin on purpose.
 */
import { loadConfig, noteConfigSource } from '../config/load.js';
import { rowsWarning } from './rowsWarning.js';
import { audit, auditCounted, type CountedSource } from '../pipeline.js';
import { UsageError } from '../errors.js';
import type { Config } from '../config/schema.js';
import { resolveSource, type SourceFlags } from '../read/engines/choose.js';
import { loadRenderer } from '../render/index.js';
import type { Report } from '../report.js';
import { resolveSettings, type CommonFlags } from './options.js';
import type { Settings } from '../settings.js';
import { engineIO, withReading } from './dataset.js';
import { parseGates } from '../judge/gates/index.js';
import { annotationMode, renderAnnotations } from '../render/annotations.js';
import type { CommandContext, CommandResult } from './context.js';

/** Where the tickets are: files (default), a count table file, or an engine. */
export interface SourceOptions extends SourceFlags {
  /** `--counts <file>`: a count table exported from any engine. */
  counts?: string;
}

/** Runs the audit and returns the report (shared with `check`). */
export async function runAudit(files: string[], flags: CommonFlags & SourceOptions, ctx: CommandContext, told?: (settings: Settings) => void): Promise<Report> {
  const loadedConfig = await loadConfig(flags.config, ctx.cwd);
  const settings = resolveSettings(files, flags, loadedConfig.config, ctx.version, loadedConfig.file);
  told?.(settings);
  const source = countedSource(files, flags, loadedConfig.config);
  // gates: a typo in an expression or an unusable baseline fails before any data is read
  parseGates(settings);
  // (baseline.ts validates with zod: loaded only when there is a baseline)
  const baseline = flags.baseline ? await (await import('./baseline.js')).loadBaseline(flags.baseline, ctx.cwd) : null;
  const run = source
    ? auditCounted(source, settings, engineIO(settings, ctx, baseline))
    : withReading(flags, settings, ctx, (io) => audit(settings, { ...io, baseline }));
  return run.catch((error: unknown) => {
    throw noteConfigSource(error, loadedConfig);
  });
}

/** A count table or an engine when the flags or config name one; null for files read in-process. */
export function countedSource(
  files: string[],
  flags: SourceOptions & Pick<CommonFlags, 'rejects' | 'strict' | 'since' | 'until' | 'asOf' | 'duplicates' | 'decimal' | 'inputFormat' | 'sheet'>,
  config: Config,
): CountedSource | null {
  if (flags.counts !== undefined) {
    if (files.length || flags.db || flags.engine) throw new UsageError('--counts is the whole input: give no files, --db or --engine with it');
    // A count table is made with its period and as-of time (and its rows read and rejected
    // then): options that act on rows cannot act on it, and must not look as if they had.
    const reading = [
      ['--rejects', flags.rejects],
      ['--strict', flags.strict],
      ['--duplicates', flags.duplicates],
      ['--decimal', flags.decimal],
      ['--input-format', flags.inputFormat],
      ['--sheet', flags.sheet],
    ] as const;
    for (const [flag, given] of reading) {
      if (given) throw new UsageError(`${flag} reads rows in-process; a count table's rows were read when it was made`, { hint: `give ${flag} to parity counts when making the table` });
    }
    for (const [flag, given] of [['--since', flags.since], ['--until', flags.until], ['--as-of', flags.asOf]] as const) {
      if (given !== undefined) {
        throw new UsageError(`${flag} cannot be applied to a count table: its period and as-of time were fixed when it was made`, {
          hint: `make the table with ${flag} (parity counts … ${flag} …, or parity sql … ${flag} …), then audit it without`,
        });
      }
    }
    return { kind: 'counts', file: flags.counts };
  }
  const source = resolveSource(files, flags, config);
  if (source.kind === 'files') {
    if (files.length === 0) throw new UsageError("missing required argument 'file'", { hint: 'give ticket exports, --counts <file> or --db <url> with --table or --query' });
    return null;
  }
  for (const [flag, given] of [['--rejects', flags.rejects], ['--strict', flags.strict]] as const) {
    if (given) throw new UsageError(`${flag} reads rows in-process; a ${source.kind} source is counted where it lives`);
  }
  return source;
}

export async function auditCommand(files: string[], flags: GateFlags, ctx: CommandContext): Promise<CommandResult> {
  const render = await loadRenderer(flags.format ?? 'table', 'audit');
  const annotations = annotationMode(flags.annotations);
  let duplicates: Settings['duplicates'] = 'first';
  const report = await runAudit(files, flags, ctx, (s) => (duplicates = s.duplicates));
  const warning = rowsWarning(report.input, flags.rejects, false, duplicates);
  if (warning) ctx.warn(warning);
  const failed = report.gates.some((g) => !g.passed);
  return { output: render(report, { color: ctx.color, width: flags.wide ? undefined : ctx.columns }), exitCode: failed ? 1 : 0, ...(annotations === 'github' ? { stderr: renderAnnotations(report) } : {}) };
}

/** Flags of the commands that run gates (audit, check). */
export interface GateFlags extends CommonFlags, SourceOptions {
  /** `github`: GitHub Actions annotations on stderr (cli.ts sets it under GITHUB_ACTIONS=true). */
  annotations?: string;
  /** `--wide`: the table in full whatever the terminal's width. */
  wide?: boolean;
}
