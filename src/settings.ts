/**
 * Settings: every option of a run, resolved once from flags, the config file and defaults
 * (commands/options.ts does the resolving) into typed values. No stage reads the raw config:
 * what a stage needs is here, already parsed (durations in seconds, opening hours as a
 * schedule, channel maps as Maps), with its defaults.
 */
import type { Channel, ChannelTarget } from './model.js';
import type { Config } from './config/schema.js';
import type { SlaTargets } from './measure/sla.js';
import type { WeeklySchedule } from './measure/clock.js';
import type { ReadLimits } from './read/limits.js';

/** How raw columns become ticket fields (format detection and header binding). */
export interface MappingSettings {
  /** --input-format or config `format`; null = detect. */
  inputFormat: string | null;
  /** config `columns`: canonical field → header (or header with unit/format). */
  columns: NonNullable<Config['columns']>;
  /** config `dateFormat`: date-fns pattern for timestamps that are not ISO. */
  dateFormat: string | null;
  /** config `channels`: raw channel value → channel, or `outbound` (excluded). */
  channels: ReadonlyMap<string, ChannelTarget>;
  /** --sheet / config `sheet`: the sheet of an .xlsx workbook (name or 1-based position); null = the first. */
  sheet: string | number | null;
  /** --decimal / config `decimal`: decimal separator of number columns; null = detected per column. */
  decimal: ',' | '.' | null;
  /** `--by <header>` when it names a header rather than a canonical field: read into the table by name. */
  byHeader?: string | null;
}

/** Loudness cues and journeys (config `loud.*`, `jumpWindowDays`). */
export interface LoudSettings {
  capitalsShare: number;
  exclamationRun: number;
  escalationTags: readonly string[];
  repeatContacts: number;
  repeatWindowDays: number;
  jumpWindowDays: number;
}

/** Which clock durations are measured in. */
export type ClockSettings =
  | { kind: 'calendar' }
  | { kind: 'business'; schedule: WeeklySchedule; timeZone: string; holidays: readonly string[] };

/** A gate expression and where it was given (`--fail-on`, `config gates[0]`). */
export interface GateSource {
  text: string;
  source: string;
  /** For config gates: the config key, e.g. `gates[0]`. */
  key: string | null;
}

/** `--by <field>`: the groups of a ticket field compared like channels (measure/byGroups.ts). */
export interface BySettings {
  /** A canonical field (group, category, priority, status) or, for any other name, a header. */
  field: string;
  /** Which table column holds it: a canonical dictionary column, or the header read by name. */
  column: 'group' | 'category' | 'priority' | 'status' | 'header';
  /** The value the others are compared with (--by-reference or by.reference); null = the largest group. */
  reference: string | null;
  /** Where the reference came from, for messages (`--by-reference`, `by.reference in the config`). */
  referenceOrigin: string | null;
  /** True when the field came from the config's `by`, not from --by. */
  fromConfig: boolean;
}

export interface Settings {
  files: string[];
  mapping: MappingSettings;
  timeZone: string;
  reference: Channel;
  /** True when the reference was given (flag or config) rather than defaulted. */
  referenceGiven: boolean;
  /** Set by the pipeline when it chose the reference itself (no phone tickets): said in input.notes. */
  referenceNote?: string;
  /** What the configuration sets that this run does not apply, said in input.notes (businessHours without the business clock). */
  configNotes?: readonly string[];
  bands: number[];
  /** --by / config `by`; null = no by groups. (Not `by`: the count table's settings use that name for its own ByField.) */
  groupBy: BySettings | null;
  /** Epoch seconds, or null = the latest timestamp in the data (resolved once, in loadDataset). */
  asOf: number | null;
  since: number | null;
  until: number | null;
  tolerance: { low: number; high: number };
  alpha: number;
  minSample: number;
  /** Gate expressions (--fail-on, then config gates). */
  gates: GateSource[];
  allowMissing: boolean;
  /** Replace customer ids and handles with stable pseudonyms in every output. */
  redact: boolean;
  /** Which row of a repeated ticket id is kept: the first (default) or the last (newer exports). */
  duplicates: 'first' | 'last';
  clock: ClockSettings;
  sla: { firstResponse: SlaTargets | null; resolution: SlaTargets | null };
  loud: LoudSettings;
  /** Resource bounds of reading (read/limits.ts): defaults, config `limits`, --limit and --max-record-bytes. */
  limits: ReadLimits;
  /** Config file the settings came from (for messages), or null. */
  configFile: string | null;
  generatedAt: string | null;
  version: string;
}

export const DEFAULT_LOUD: LoudSettings = {
  capitalsShare: 0.6,
  exclamationRun: 3,
  escalationTags: ['vip', 'escalated', 'escalation', 'executive', 'press', 'influencer'],
  repeatContacts: 3,
  repeatWindowDays: 7,
  jumpWindowDays: 14,
};
