/**
 * `parity report <file...>`: the audit of one period (month by default) with the trend over the
 * periods before it, as a document (Markdown by default; HTML, CSV, JSON too).
 *
 * The whole export is read once (--since/--until choose the period of interest here, they do not
 * filter the reading), tickets are cut by creation time in the configured time zone, the period
 * of interest is audited like `parity audit` would (findings, gates), and the earlier periods
 * give the trend. Open tickets of every period are censored at the as-of time of the export.
 * Gates (--fail-on, config `gates`) read the period of interest; `delta(...)` compares it with
 * `--baseline`, an earlier report (a `parity report --format json` of an earlier period, or an
 * audit's JSON), as `parity audit` does.
 *
 * Where the tickets live (Parquet, --engine duckdb, --db, config `source`), the same report is
 * made from one count query per period (pipeline.ts countedPeriodReport). A count-table file
 * (--counts) is one table for the whole export, without creation times: it is refused, with
 * what to do instead.
 */
import { loadConfig, noteConfigSource } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { rowsWarning } from './rowsWarning.js';
import { UsageError } from '../errors.js';
import { countedPeriodReport, periodReport } from '../pipeline.js';
import { loadRenderer } from '../render/index.js';
import { parseGates } from '../judge/gates/index.js';
import type { PeriodUnit, Report } from '../report.js';
import { parseMonth, PERIOD_UNITS } from '../measure/periods.js';
import { engineIO, withReading } from './dataset.js';
import { resolveSettings, type CommonFlags } from './options.js';
import type { Settings } from '../settings.js';
import { countedSource, type SourceOptions } from './audit.js';
import type { CommandContext, CommandResult } from './context.js';

/** Flags of `parity report` beyond the common ones. */
export interface ReportFlags extends CommonFlags, SourceOptions {
  /** `week` (ISO, Monday start), `month` (default) or `quarter`. */
  period?: string;
  /** `2026-10`: the month of interest. */
  month?: string;
  /** How many earlier periods the trend shows (default 12). */
  periods?: string;
  /** `--wide`: the table in full whatever the terminal's width. */
  wide?: boolean;
}

export const DEFAULT_PREVIOUS_PERIODS = 12;

function periodUnit(text: string | undefined): PeriodUnit {
  const unit = (text ?? 'month').trim().toLowerCase();
  if (!(PERIOD_UNITS as readonly string[]).includes(unit)) {
    throw new UsageError(`--period "${text}" is not a period`, { hint: 'choose one of week, month, quarter' });
  }
  return unit as PeriodUnit;
}

function previousCount(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PREVIOUS_PERIODS;
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 0 || n > 520) {
    throw new UsageError(`--periods "${text}" is not a number of periods`, { hint: 'write a whole number from 0 to 520, e.g. --periods 6' });
  }
  return n;
}

/** The config without the keys that choose the period of interest (since, until, period): --month chooses it. */
function withoutConfigPeriod(config: Config): Config {
  const { since: _since, until: _until, period: _period, ...rest } = config;
  return rest;
}

/** Builds the report of the period of interest, with `periods` (the trend) and chart data. */
export async function runReport(files: string[], flags: ReportFlags, ctx: CommandContext, told?: (settings: Settings) => void): Promise<Report> {
  const loadedConfig = await loadConfig(flags.config, ctx.cwd);
  const givenConfig = loadedConfig.config;
  // --month is a flag, and flags win: a period the config chooses (since/until, period) gives way
  // to it; only another flag choosing the period too is a contradiction (below)
  const monthFlag = flags.month !== undefined;
  const config = monthFlag ? withoutConfigPeriod(givenConfig) : givenConfig;
  const settings = resolveSettings(files, flags, config, ctx.version, loadedConfig.file);
  told?.(settings);
  const source = countedSource(files, flags, config);
  if (source?.kind === 'counts') {
    throw new UsageError('a count table (--counts) cannot be cut into periods: it is one table for the whole export, without creation times', {
      hint: `for the same audit as a document: parity audit --counts ${source.file} --format markdown (or html); for the trend, report from where the tickets are (the export, Parquet, --db with --table or --query)`,
    });
  }
  // gates: a typo or an unusable baseline fails before any data is read, as in `parity audit`
  parseGates(settings);
  const baseline = flags.baseline ? await (await import('./baseline.js')).loadBaseline(flags.baseline, ctx.cwd) : null;
  const unit = periodUnit(flags.period ?? config.period);
  const previous = previousCount(flags.periods ?? (config.periods === undefined ? undefined : String(config.periods)));
  if (flags.month !== undefined && (settings.since !== null || settings.until !== null)) {
    throw new UsageError('--month and --since/--until both choose the period of interest', { hint: 'give one of them' });
  }
  if (flags.month !== undefined && unit !== 'month') {
    throw new UsageError(`--month picks a month, but --period is ${unit}`, { hint: 'drop --period, or choose the period with --since/--until' });
  }
  const month = flags.month !== undefined ? parseMonth(flags.month, settings.timeZone) : null;
  if (flags.month !== undefined && !month) {
    throw new UsageError(`--month "${flags.month}" is not a month`, { hint: 'write it like --month 2026-10 (a year from 1000 on)' });
  }
  const focus = month ? { start: month.start, end: month.end } : settings.since !== null || settings.until !== null ? { start: settings.since, end: settings.until } : null;
  const run = source
    ? countedPeriodReport(source, settings, engineIO(settings, ctx, baseline), { unit, focus, previous })
    : withReading(flags, settings, ctx, (io) => periodReport(settings, { ...io, baseline }, { unit, focus, previous }));
  return run.catch((error: unknown) => {
    throw noteConfigSource(error, loadedConfig);
  });
}

export async function reportCommand(files: string[], flags: ReportFlags, ctx: CommandContext): Promise<CommandResult> {
  const render = await loadRenderer(flags.format ?? 'markdown', 'report');
  let duplicates: Settings['duplicates'] = 'first';
  const report = await runReport(files, flags, ctx, (s) => (duplicates = s.duplicates));
  const warning = rowsWarning(report.input, flags.rejects, false, duplicates);
  if (warning) ctx.warn(warning);
  const failed = report.gates.some((g) => !g.passed);
  // (fitted to the terminal as the audit's table is: the trend's narrower layouts, --wide for all)
  return { output: render(report, { color: ctx.color, width: flags.wide ? undefined : ctx.columns }), exitCode: failed ? 1 : 0 };
}
