/**
 * Flags + config → Settings. Flags win over the config file; the config wins over defaults.
 * Shared by every command so a flag means the same everywhere.
 */
import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { isChannel, type Channel } from '../model.js';
import { DEFAULT_BAND_EDGES } from '../measure/groups.js';
import { checkTimeZone, parserFor } from '../normalise/time.js';
import type { Settings } from '../pipeline.js';
import { parseSheetChoice } from '../read/xlsx.js';

/** The options commander hands over (all optional; names as in the contract). */
export interface CommonFlags {
  config?: string;
  format?: string;
  output?: string;
  reference?: string;
  since?: string;
  until?: string;
  tz?: string;
  asOf?: string;
  strict?: boolean;
  rejects?: string;
  redact?: boolean;
  duplicates?: string;
  color?: boolean;
  quiet?: boolean;
  inputFormat?: string;
  bands?: string;
  failOn?: string[];
  baseline?: string;
  allowMissing?: boolean;
  generatedAt?: string;
  sheet?: string;
  decimal?: string;
}

/** Reads a --since/--until/--as-of value: ISO date or date-time; no offset = in `zone`. */
export function parseInstant(text: string, flag: string, zone: string, endOfDay = false): number {
  const t = text.trim();
  const value = parserFor('iso', zone)(t);
  if (value === null) {
    throw new UsageError(`${flag} "${text}" is not a date`, { hint: `write it like 2026-10-01 or 2026-10-01T12:00:00Z` });
  }
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(t);
  return endOfDay && dateOnly ? value + 86400 : value;
}

/** `--bands 500,5000,50000` → [500, 5000, 50000]. */
export function parseBands(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  const edges = parts.map(Number);
  if (parts.length === 0 || edges.some((e) => !Number.isFinite(e) || e <= 0)) {
    throw new UsageError(`--bands "${text}" is not a list of positive numbers`, { hint: 'write it like --bands 1000,10000,100000' });
  }
  return edges;
}

function channelOption(value: string, flag: string): Channel {
  if (!isChannel(value)) {
    throw new UsageError(`${flag} "${value}" is not a channel`, { hint: 'choose one of phone, email, web, social, chat, other' });
  }
  return value;
}

function duplicatesOption(value: string): 'first' | 'last' {
  if (value !== 'first' && value !== 'last') {
    throw new UsageError(`--duplicates "${value}" is not first or last`, { hint: 'keep the first row of a repeated ticket id (first) or the last one (last, for overlapping exports)' });
  }
  return value;
}

/** `--decimal , | .` → the separator. */
function decimalOption(value: string): ',' | '.' {
  if (value !== ',' && value !== '.') {
    throw new UsageError(`--decimal "${value}" is not , or .`, { hint: 'write --decimal , for numbers like 12,5 or --decimal . for numbers like 12.5' });
  }
  return value;
}

/** The config with the reading flags (--sheet, --decimal) laid over it: they are read where the config is. */
export function withReadingFlags(config: Config, flags: Pick<CommonFlags, 'sheet' | 'decimal'>): Config {
  return {
    ...config,
    ...(flags.sheet !== undefined ? { sheet: sheetOption(flags.sheet) } : {}),
    ...(flags.decimal !== undefined ? { decimal: decimalOption(flags.decimal) } : {}),
  };
}

function sheetOption(value: string): string | number {
  const choice = parseSheetChoice(value);
  if (choice === 0 || choice === '') throw new UsageError(`--sheet "${value}" is not a sheet`, { hint: 'write a sheet name, or its position: --sheet 1 is the first sheet' });
  return choice;
}

/** Resolves the settings of a run. `version` is the tool version for the report. */
export function resolveSettings(files: string[], flags: CommonFlags, config: Config, version: string): Settings {
  const timeZone = flags.tz ?? config.timeZone ?? 'UTC';
  checkTimeZone(timeZone, flags.tz ? '--tz' : 'timeZone in the config');
  const since = flags.since ?? config.since;
  const until = flags.until ?? config.until;
  const asOf = flags.asOf ?? config.asOf;
  const sinceSeconds = since ? parseInstant(since, '--since', timeZone) : null;
  const untilSeconds = until ? parseInstant(until, '--until', timeZone, true) : null;
  if (sinceSeconds !== null && untilSeconds !== null && untilSeconds <= sinceSeconds) {
    throw new UsageError('--until must be later than --since');
  }
  const tolerance = config.tolerance ?? { low: 0.8, high: 1.25 };
  return {
    files,
    config: withReadingFlags(config, flags),
    inputFormat: flags.inputFormat ?? config.format ?? null,
    timeZone,
    reference: channelOption(flags.reference ?? config.reference ?? 'phone', '--reference'),
    bands: flags.bands ? parseBands(flags.bands) : (config.bands ?? [...DEFAULT_BAND_EDGES]),
    asOf: asOf ? parseInstant(asOf, '--as-of', timeZone) : null,
    since: sinceSeconds,
    until: untilSeconds,
    tolerance,
    alpha: config.alpha ?? 0.05,
    minSample: config.minSample ?? 30,
    gates: [...(flags.failOn ?? []), ...(config.gates ?? [])],
    allowMissing: flags.allowMissing ?? config.allowMissing ?? false,
    redact: flags.redact ?? config.redact ?? false,
    duplicates: duplicatesOption(flags.duplicates ?? config.duplicates ?? 'first'),
    generatedAt: flags.generatedAt ?? null,
    version,
  };
}
