/**
 * Flags + config → Settings. Flags win over the config file; the config wins over defaults.
 * Shared by every command so a flag means the same everywhere.
 */
import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { isChannel, type Channel, type ChannelTarget } from '../model.js';
import { DEFAULT_BAND_EDGES, bandEdges } from '../measure/groups.js';
import { checkTimeZone, dayStartIn, parserFor, wallClockIn } from '../normalise/time.js';
import { vocabularyKey } from '../normalise/channel.js';
import type { BySettings, Settings } from '../settings.js';
import { DEFAULT_LOUD } from '../settings.js';
import { parseWeeklyHours } from '../measure/clock.js';
import { slaTargets } from '../measure/sla.js';
import { limitValue, parseLimitFlag, resolveLimits, type ReadLimits } from '../read/limits.js';
import { parseSheetChoice } from '../read/xlsx.js';
import { isoSeconds } from '../format.js';

/** The options commander hands over (all optional; names as in the contract). */
export interface CommonFlags {
  /** `false` for --no-config. */
  config?: string | false;
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
  /** --by <field>: compare the groups of a ticket field like channels. */
  by?: string;
  /** --by-reference <value>: the --by group the others are compared with (default the largest). */
  byReference?: string;
  failOn?: string[];
  baseline?: string;
  allowMissing?: boolean;
  generatedAt?: string;
  /** --max-record-bytes <size>. */
  maxRecordBytes?: string;
  /** --limit name=value (repeatable). */
  limit?: string[];
  sheet?: string;
  decimal?: string;
}

/**
 * Reads a --since/--until/--as-of value: ISO date or date-time; no offset = in `zone`. `flag`
 * names where the value came from (`--since`, or `since in the config`), so an error blames the
 * right place.
 */
export function parseInstant(text: string, flag: string, zone: string, endOfDay = false): number {
  const t = text.trim();
  const value = parserFor('iso', zone)(t);
  if (value === null) {
    throw new UsageError(`${flag} "${text}" is not a date`, { hint: `write it like 2026-10-01 or 2026-10-01T12:00:00Z` });
  }
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(t);
  if (!dateOnly) return value;
  // A date is its day's first instant in the zone (the first of two midnights where the clocks
  // go back at 01:00, as report periods start it); the end of a day is the start of the next
  // one: 23 or 25 hours on a DST change.
  const [y, m, d] = t.split('-').map(Number) as [number, number, number];
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, endOfDay ? d + 1 : d);
  return dayStartIn(wallClockIn(zone), zone, day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) ?? (endOfDay ? value + 86400 : value);
}

/**
 * --generated-at as written into the document: as given when it names its offset (`Z`,
 * `+02:00`), else read in the run's zone, as --as-of is, and written in UTC — not read by the
 * machine's own zone, which made the same command's output differ from one machine to another.
 */
function generatedAtOf(text: string, zone: string): string {
  const seconds = parseInstant(text, '--generated-at', zone);
  const t = text.trim();
  // (24:00 and a leap second :60 are written as the instant they name, which every ISO reader takes)
  const plain = !/[T ]24:|:60(?=\.|Z|[+-]|$)/i.test(t);
  return plain && /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(t) && t.includes('T') ? t : isoSeconds(seconds);
}

/** `--bands 500,5000,50000` → [500, 5000, 50000]. */
export function parseBands(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  const edges = parts.map(Number);
  if (parts.length === 0 || edges.some((e) => !Number.isFinite(e) || e <= 0 || e > Number.MAX_SAFE_INTEGER)) {
    throw new UsageError(`--bands "${text}" is not a list of positive numbers`, { hint: 'write it like --bands 1000,10000,100000' });
  }
  return edges;
}

/**
 * The config's channel mappings. A value is matched case and punctuation aside (`Phone`,
 * `phone`, `PHONE!` are one value): two keys that are one value but map to different channels
 * are an error, not the last one silently winning.
 */
function channelMappings(channels: Readonly<Record<string, ChannelTarget>>): Map<string, ChannelTarget> {
  const seen = new Map<string, [string, ChannelTarget]>();
  for (const [raw, channel] of Object.entries(channels)) {
    const key = vocabularyKey(raw);
    const earlier = seen.get(key);
    if (earlier && earlier[1] !== channel) {
      throw new UsageError(`channels in the config: "${earlier[0]}" and "${raw}" are one value to parity (case and punctuation aside), mapped to ${earlier[1]} and ${channel}`, {
        hint: 'keep one of them',
      });
    }
    seen.set(key, [raw, channel]);
  }
  return new Map(Object.entries(channels));
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

/** Canonical ticket fields `--by` reads from their own dictionary columns; any other name is a header. */
export const BY_CANONICAL = ['group', 'category', 'priority', 'status'] as const;

/**
 * --by / --by-reference over config `by` (a field name, or { field, reference }). `channel` is
 * refused: channels are what the audit compares anyway. A --by-reference without a field is a
 * usage error, not silently ignored.
 */
export function resolveBy(flags: Pick<CommonFlags, 'by' | 'byReference'>, config: Config): BySettings | null {
  const configured = typeof config.by === 'string' ? { field: config.by } : config.by;
  const fieldText = flags.by ?? configured?.field;
  // the config's reference holds when --by names its field, in any case (`--by Category` is `category`, as fields and headers are matched)
  const sameField = (a: string, b: string | undefined): boolean => b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
  const referenceText = flags.byReference ?? (flags.by === undefined || sameField(flags.by, configured?.field) ? configured?.reference : undefined);
  if (fieldText === undefined) {
    if (flags.byReference !== undefined) throw new UsageError('--by-reference needs --by <field>', { hint: 'write e.g. --by group --by-reference "Tier 1"' });
    return null;
  }
  const field = fieldText.trim();
  const where = origin(flags.by !== undefined, '--by', 'by');
  if (field === '') throw new UsageError(`${where} is empty`, { hint: 'name a field: group, category, priority, status, or a column header' });
  if (field.toLowerCase() === 'channel') {
    throw new UsageError(`${where} "channel": channels are what the audit compares already`, { hint: 'choose another field: group, category, priority, status, or a column header' });
  }
  // a canonical field in any case (`--by Category`), as headers are matched ignoring case
  const canonical = (BY_CANONICAL as readonly string[]).find((f) => f === field.toLowerCase());
  const reference = referenceText === undefined ? null : referenceText;
  return {
    field: canonical ?? field,
    column: (canonical as BySettings['column'] | undefined) ?? 'header',
    reference,
    referenceOrigin: reference === null ? null : flags.byReference !== undefined ? '--by-reference' : 'by.reference in the config',
    fromConfig: flags.by === undefined,
  };
}

/**
 * The settings without --by groups, for what reads files but compares no groups (inspect, init,
 * counts): a config `by` naming a header must not make them read it, or fail when it is absent.
 */
export function withoutGroupBy(settings: Settings): Settings {
  if (settings.groupBy === null) return settings;
  const { byHeader: _byHeader, ...mapping } = settings.mapping;
  return { ...settings, groupBy: null, mapping };
}

/** Where an option's value came from, for messages: the flag, or the config key. */
function origin(flagGiven: boolean, flag: string, key: string): string {
  return flagGiven ? flag : `${key} in the config`;
}

/**
 * The as-of time in whole seconds, rounded up: whatever happened at or before the given instant
 * has happened by it, and `--as-of` at the data's latest timestamp reads the data as the default
 * (that timestamp, rounded up too: load/dataset.ts) does.
 */
function asOfSecond(seconds: number | null): number | null {
  return seconds === null ? null : Math.ceil(seconds);
}

/** Resolves the settings of a run. `version` is the tool version for the report. */

export function resolveSettings(files: string[], flags: CommonFlags, config: Config, version: string, configFile: string | null = null): Settings {
  if (files.filter((f) => f === '-').length > 1) {
    // standard input can be read once: the second "-" would be an empty file
    throw new UsageError('standard input (-) is named more than once', { hint: 'name - once; give the other inputs as files' });
  }
  const timeZone = flags.tz ?? config.timeZone ?? 'UTC';
  checkTimeZone(timeZone, flags.tz !== undefined ? '--tz' : 'timeZone in the config', flags.tz !== undefined ? null : configFile);
  const instant = (flag: string, key: 'since' | 'until' | 'asOf', given: string | undefined, endOfDay = false): number | null => {
    const text = given ?? config[key];
    return text ? parseInstant(text, origin(given !== undefined, flag, key), timeZone, endOfDay) : null;
  };
  const sinceSeconds = instant('--since', 'since', flags.since);
  const untilSeconds = instant('--until', 'until', flags.until, true);
  if (sinceSeconds !== null && untilSeconds !== null && untilSeconds <= sinceSeconds) {
    const u = origin(flags.until !== undefined, '--until', 'until');
    const s = origin(flags.since !== undefined, '--since', 'since');
    throw new UsageError(`${u} must be later than ${s}`, {
      hint: `${s} ${flags.since ?? config.since} starts the window and ${u} ${flags.until ?? config.until} ends it (that day included): swap them, or widen the window`,
    });
  }
  const tolerance = config.tolerance ?? { low: 0.8, high: 1.25 };
  const loud = config.loud ?? {};
  const configGates = config.gates ?? [];
  const business = config.clock === 'business';
  // the hours' own zone, checked here to name the configuration (the clock would find it later);
  // hours that are wrong are an error whether or not this run applies them (a calendar run notes
  // them as not applied: "Mon-Fri 25:00-26:00" had passed silently until the clock was switched)
  if (config.businessHours?.timeZone !== undefined) checkTimeZone(config.businessHours.timeZone, 'businessHours.timeZone in the config', configFile);
  if (config.businessHours && !business) parseWeeklyHours(config.businessHours.open, configFile);
  if (business && !config.businessHours) {
    throw new UsageError('clock is "business" but no businessHours are configured', {
      hint: 'add "businessHours": { "timeZone": "Europe/London", "open": ["Mon-Fri 09:00-17:00"] } to the config',
    });
  }
  const referenceText = flags.reference ?? config.reference;
  const by = resolveBy(flags, config);
  // --sheet and --decimal laid over the config's sheet and decimal
  const reading = withReadingFlags(config, flags);
  const flagLimits: Partial<Record<keyof ReadLimits, number>> = {};
  for (const text of flags.limit ?? []) {
    const [name, value] = parseLimitFlag(text);
    flagLimits[name] = value;
  }
  if (flags.maxRecordBytes !== undefined) flagLimits.maxRecordBytes = limitValue('maxRecordBytes', flags.maxRecordBytes, '--max-record-bytes');
  return {
    files,
    mapping: {
      inputFormat: flags.inputFormat ?? config.format ?? null,
      columns: config.columns ?? {},
      dateFormat: config.dateFormat ?? null,
      channels: channelMappings(config.channels ?? {}),
      sheet: reading.sheet ?? null,
      decimal: reading.decimal ?? null,
      ...(by?.column === 'header' ? { byHeader: by.field } : {}),
    },
    timeZone,
    reference: channelOption(referenceText ?? 'phone', flags.reference ? '--reference' : 'reference in the config'),
    referenceGiven: referenceText !== undefined,
    // in order, each once, as the bands are measured: the report records the same edges however they were written
    bands: bandEdges(flags.bands !== undefined ? parseBands(flags.bands) : (config.bands ?? [...DEFAULT_BAND_EDGES])),
    groupBy: by,
    // the as-of time in whole seconds (rounded up), as every age measured to it
    asOf: asOfSecond(instant('--as-of', 'asOf', flags.asOf)),
    since: sinceSeconds,
    until: untilSeconds,
    tolerance,
    alpha: config.alpha ?? 0.05,
    minSample: config.minSample ?? 30,
    gates: [
      ...(flags.failOn ?? []).map((text) => ({ text, source: '--fail-on', key: null })),
      ...configGates.map((text, i) => ({ text, source: `config gates[${i}]`, key: `gates[${i}]` })),
    ],
    allowMissing: flags.allowMissing ?? config.allowMissing ?? false,
    redact: flags.redact ?? config.redact ?? false,
    duplicates: duplicatesOption(flags.duplicates ?? config.duplicates ?? 'first'),
    clock:
      business && config.businessHours
        ? {
            kind: 'business',
            schedule: parseWeeklyHours(config.businessHours.open, configFile),
            // hours without a zone of their own are in the run's zone: --tz, else the config's, else UTC
            timeZone: config.businessHours.timeZone ?? timeZone,
            // each date once: a date listed twice is one holiday (a count table records the list, and
            // its hours must read back the same as the config's)
            holidays: [...new Set(config.businessHours.holidays ?? [])],
          }
        : { kind: 'calendar' },
    sla: { firstResponse: slaTargets(config.sla?.firstResponse, 'sla.firstResponse', configFile), resolution: slaTargets(config.sla?.resolution, 'sla.resolution', configFile) },
    ...(config.businessHours && !business
      ? { configNotes: [`the config has businessHours, but clock is "calendar"${config.clock === undefined ? ' (the default)' : ''}: every duration and SLA is in calendar time and the hours are not applied; set "clock": "business" to measure in them`] }
      : {}),
    loud: {
      capitalsShare: loud.capitalsShare ?? DEFAULT_LOUD.capitalsShare,
      exclamationRun: loud.exclamationRun ?? DEFAULT_LOUD.exclamationRun,
      escalationTags: loud.escalationTags ?? DEFAULT_LOUD.escalationTags,
      repeatContacts: loud.repeatContacts ?? DEFAULT_LOUD.repeatContacts,
      repeatWindowDays: loud.repeatWindowDays ?? DEFAULT_LOUD.repeatWindowDays,
      jumpWindowDays: config.jumpWindowDays ?? DEFAULT_LOUD.jumpWindowDays,
    },
    // validated here, so a bad value in the config is a usage error before any file is opened
    limits: resolveLimits(config.limits, flagLimits),
    configFile,
    generatedAt: flags.generatedAt === undefined ? null : generatedAtOf(flags.generatedAt, timeZone),
    version,
  };
}
