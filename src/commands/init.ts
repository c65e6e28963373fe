/**
 * `parity init [file...]`: writes a starter `parity.config.json`, prefilled from what `inspect`
 * detects in the file(s): format, column mapping (durations with their unit), channel values no
 * vocabulary knows (mapped to "other" for the user to correct), time zone, and a placeholder
 * where a date format or a required column could not be found. JSON has no comments, so the
 * parts to edit are values starting with "<EDIT", and stderr lists them. Never overwrites a file
 * without --force.
 */
import { existsSync } from 'node:fs';
import { writeAtomic } from '../write/outputs.js';
import { isAbsolute, join } from 'node:path';
import { loadConfig } from '../config/load.js';
import { configJsonSchema } from '../config/validate.js';
import { ParityError } from '../errors.js';
import { CHANNELS, FIELD_DESCRIPTIONS, type Channel, type TicketField } from '../model.js';
import { FORMATS } from '../formats/index.js';
import { profileFiles, type FileProfile } from '../load/profile.js';
import { escapeJsonText } from '../text/sanitise.js';
import { SHOWN_VALUES } from '../render/format.js';
import { resolveSettings, type CommonFlags } from './options.js';
import type { CommandContext, CommandResult } from './context.js';
import { headerList } from '../formats/bind.js';
import { headerKey } from '../formats/types.js';

/** Flags of `init` beyond the common ones. */
export interface InitFlags extends CommonFlags {
  /** `--out`: the former name of -o/--output, kept as a hidden alias. */
  out?: string;
  force?: boolean;
}

/** Where the schema is found once parity is installed in a project. */
export const SCHEMA_REF = './node_modules/parity-audit/parity.schema.json';

/** The marker every value that needs a person's decision starts with. */
export const EDIT = '<EDIT';

const REQUIRED: readonly TicketField[] = ['ticketId', 'channel', 'createdAt'];
const DURATION_FIELDS = new Set<TicketField>(['firstResponseTime', 'resolutionTime']);

/** The text of parity.schema.json: the config's JSON Schema, generated from the zod schema. */
export function schemaText(): string {
  const schema = configJsonSchema() as Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> };
  const format = schema.properties?.format;
  const out = {
    ...schema,
    title: 'parity configuration (parity.config.json)',
    description: 'Maps an export to parity\'s canonical ticket and sets audit options. Unknown keys are errors.',
    properties: {
      ...schema.properties,
      ...(format ? { format: { ...format, description: 'input format id; omit to let detection decide', examples: FORMATS.map((f) => f.id) } } : {}),
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** A starter config and the list of things the user must edit. */
export interface Starter {
  config: Record<string, unknown>;
  edits: string[];
  /** Channel values that look like another value of the data (inspect labels them). */
  lookalike: ReadonlySet<string>;
}

/** A value as a JSON string; one that looks like another with every character beyond ASCII as a \u escape (`"Ph\u043ene"`). */
function asciiJson(raw: string, lookalike: ReadonlySet<string>): string {
  const json = JSON.stringify(raw);
  return lookalike.has(raw) ? json.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

function placeholder(what: string): string {
  return `${EDIT}: ${what}>`;
}

/** `<EDIT: header holding createdAt: when the customer reached out>` */
function columnPlaceholder(field: TicketField): string {
  return placeholder(`header holding ${field}: ${FIELD_DESCRIPTIONS[field].replace(/ \(required\)$/, '')}`);
}

/** The starter config for what was detected in `profiles` (none = a blank starter). */
export function starterConfig(profiles: readonly FileProfile[], timeZone: string): Starter {
  const edits: string[] = [];
  const first = profiles[0];
  if (!first) {
    const columns: Record<string, string> = {};
    for (const field of [...REQUIRED, 'firstResponseAt', 'resolvedAt'] as const) {
      columns[field] = columnPlaceholder(field);
    }
    edits.push('columns: name the headers of your export (ticketId, channel and createdAt are required; delete the others if you lack them)');
    edits.push('timeZone: the zone your export writes times in, if they carry no offset');
    return { config: { $schema: SCHEMA_REF, columns, timeZone, reference: 'phone' }, edits, lookalike: new Set() };
  }

  const config: Record<string, unknown> = { $schema: SCHEMA_REF, format: first.format.id };
  const columns: Record<string, unknown> = {};
  for (const m of first.mapping) {
    if (!m.column) continue;
    const unit = DURATION_FIELDS.has(m.field) ? /^unit (\w+)/.exec(m.detail ?? '')?.[1] : undefined;
    columns[m.field] = unit ? { column: m.column, unit } : m.column;
  }
  for (const miss of first.missingRequired) columns[miss.field] = columnPlaceholder(miss.field);
  if (first.missingRequired.length) {
    const keys = first.missingRequired.map((m) => `columns.${m.field}`).join(', ');
    edits.push(`${keys}: no column was recognised; headers found: ${headerList(first.header)}`);
  }
  for (const m of first.mapping) {
    if (m.column && m.detail?.includes('(assumed')) edits.push(`columns.${m.field}.unit: assumed seconds; check the unit of "${m.column}"`);
  }
  config.columns = columns;

  // (a column with no value in the rows sampled is not one whose values were not recognised)
  const unread = first.timestampStyles.filter((s) => s.style === null && !s.unsampled);
  if (unread.length) {
    config.dateFormat = placeholder('date-fns pattern of the timestamps, e.g. dd/MM/yyyy HH:mm');
    const columnsUnread = unread.map((s) => JSON.stringify(s.column));
    edits.push(`dateFormat: the timestamps in ${columnsUnread.join(', ')} were not recognised`);
  }
  // dates whose order no sampled value settled (no day over 12): the order is only the default
  const guessedOrder = first.timestampStyles.filter((s) => s.orderAssumed !== undefined);
  if (guessedOrder.length && !unread.length) {
    const monthFirst = guessedOrder[0]?.orderAssumed === 'month-first';
    edits.push(
      `dateFormat: no date in ${guessedOrder.map((s) => JSON.stringify(s.column)).join(', ')} has a day over 12, so they are read ${monthFirst ? 'month-first (MM/DD)' : 'day-first (DD-MM)'} only by default; if the export writes the ${monthFirst ? 'day' : 'month'} first, add "dateFormat": "${monthFirst ? 'dd/MM/yyyy HH:mm' : 'MM-dd-yyyy HH:mm'}" (adjusted to the time written)`,
    );
  }
  config.timeZone = timeZone;
  if (profiles.some((p) => p.naiveTimes) && timeZone === 'UTC') {
    edits.push('timeZone: the timestamps carry no offset and are read as UTC; set the zone your export writes times in');
  }

  // Raw channel values no vocabulary knew: mapped to "other" until someone says better.
  const unknown = new Map<string, number>();
  const lookalike = new Set<string>();
  const seen = new Map<Channel, number>();
  for (const p of profiles) {
    for (const v of p.channelValues) {
      if (v.label !== undefined) lookalike.add(v.raw);
      if (!v.known && v.raw !== '') unknown.set(v.raw, (unknown.get(v.raw) ?? 0) + v.count);
      if (!v.outbound) seen.set(v.channel, (seen.get(v.channel) ?? 0) + v.count);
    }
  }
  if (unknown.size) {
    // (no prototype: a channel value `__proto__` is a key like any other, not the object's prototype)
    const channels: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const raw of [...unknown.keys()].sort()) channels[raw] = 'other';
    channels[placeholder(`map the values above to ${CHANNELS.join(', ')}, or outbound for the team's own outgoing contacts, then delete this line`)] = 'other';
    config.channels = channels;
    // (the first 20 named, as inspect lists them; the config holds them all)
    const names = [...unknown.keys()].sort().map((r) => asciiJson(r, lookalike));
    const listed = names.length > SHOWN_VALUES ? `${names.slice(0, SHOWN_VALUES).join(', ')}, and ${names.length - SHOWN_VALUES} more in the file` : names.join(', ');
    edits.push(`channels: ${unknown.size} value${unknown.size === 1 ? '' : 's'} no vocabulary knows (${listed}) mapped to "other"`);
  }

  const reference: Channel = seen.has('phone')
    ? 'phone'
    : ([...seen.entries()].sort((a, b) => b[1] - a[1] || CHANNELS.indexOf(a[0]) - CHANNELS.indexOf(b[0]))[0]?.[0] ?? 'phone');
  config.reference = reference;
  if (reference !== 'phone') edits.push(`reference: no phone tickets, so "${reference}" (the most common channel) is the one others are compared with`);
  return { config, edits, lookalike };
}

/**
 * One config maps one layout: files of different layouts (a ServiceNow log beside a generic
 * workbook), or of one format whose headers differ (a column the first file maps is not in
 * another), are refused before anything is written. The config had been the first file's, and
 * the audit it was written for then failed on the second file (found by an attack). Without a
 * config each file's layout is detected on its own.
 */
function refuseMixedLayouts(profiles: readonly FileProfile[]): void {
  const first = profiles[0];
  if (!first) return;
  const mapped = first.mapping.map((m) => m.column).filter((c): c is string => c !== null);
  for (const p of profiles.slice(1)) {
    // (headers matched as a mapping matches them: `Ticket_ID` is `ticket_id`)
    const keys = new Set(p.header.map(headerKey));
    const missing = p.format.id === first.format.id ? mapped.filter((c) => !keys.has(headerKey(c))) : [];
    if (p.format.id === first.format.id && missing.length === 0) continue;
    const why =
      p.format.id !== first.format.id
        ? `${first.file} is ${first.format.id} and ${p.file} is ${p.format.id}`
        : `${p.file} has no column ${missing.map((c) => JSON.stringify(c)).join(', ')}, which ${first.file} maps`;
    throw new ParityError(`the files have different layouts (${why}): one config maps one layout`, {
      hint: `audit them without a config (each file's layout is detected on its own), or run parity init on the files of each layout with -o <file> and audit each set with its own -c`,
    });
  }
}

/** What the written config takes from the reading settings (flags over the given config), not from the given config as written. */
const FROM_SETTINGS = new Set(['format', 'timeZone', 'sheet', 'decimal']);

/**
 * The config given with `-c`, kept whole — its channel map, minSample, gates, bands, SLA and
 * every other key — with what detection found that it does not say: the columns and channel
 * values it leaves unmapped. Until December 2026 init wrote only what it detected, so
 * `init -c old.json -o new.json` dropped the old channel map and settings, and the new config
 * gave other numbers (found by an independent attack). The format, zone, sheet and decimal
 * separator are the ones this run read with (a flag over the config).
 */
function keptWith(given: Record<string, unknown>, found: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const [key, value] of Object.entries(found)) {
    const mine = given[key];
    if (FROM_SETTINGS.has(key) || mine === undefined) out[key] = value;
    else if ((key === 'columns' || key === 'channels') && isMap(value) && isMap(mine)) out[key] = { ...value, ...mine };
    else out[key] = mine;
  }
  for (const [key, value] of Object.entries(given)) if (!(key in out)) out[key] = value;
  return out;
}

export async function initCommand(files: string[], flags: InitFlags, ctx: CommandContext): Promise<CommandResult> {
  const target = flags.output ?? flags.out ?? 'parity.config.json';
  const path = target === '-' ? null : isAbsolute(target) ? target : join(ctx.cwd, target);
  if (path && existsSync(path) && !flags.force) {
    throw new ParityError('already exists; not overwritten', {
      location: { file: target },
      hint: 'pass --force to overwrite it, or -o <file> to write somewhere else',
    });
  }
  // An explicit -c is read (its mapping shapes what is detected); a default one is not, since
  // init is what writes it.
  const { config, raw: given } = typeof flags.config === 'string' ? await loadConfig(flags.config, ctx.cwd) : { config: {}, raw: null };
  const settings = resolveSettings(files, flags, config, ctx.version);
  const profiles: FileProfile[] = files.length ? await profileFiles(settings, { stdin: ctx.stdin }) : [];
  refuseMixedLayouts(profiles);
  const detected = starterConfig(profiles, settings.timeZone);
  const { edits } = detected;
  // --sheet and --decimal read this export: the config must keep saying so.
  const { sheet, decimal } = settings.mapping;
  const found = sheet !== null || decimal !== null ? { ...detected.config, ...(sheet !== null ? { sheet } : {}), ...(decimal !== null ? { decimal } : {}) } : detected.config;
  const starter = given ? keptWith(given, found) : found;
  // Channel values come from the data: the characters JSON leaves raw (C1 controls, U+2028/2029,
  // bidi controls) are written as \u escapes, as in the JSON report, so the file shows them and
  // still reads back as the same values.
  // A value that looks like another (`Ph\u043ene`, a Cyrillic o, beside `Phone`) is written with
  // its characters beyond ASCII as \u escapes, as inspect shows it: raw, the config's line looked
  // exactly like "Phone" mapped to other (found by an attack). The JSON reads back the same.
  let text = escapeJsonText(`${JSON.stringify(starter, null, 2)}\n`);
  for (const raw of detected.lookalike) text = text.split(`${escapeJsonText(JSON.stringify(raw))}:`).join(`${asciiJson(raw, detected.lookalike)}:`);
  if (path) {
    await writeAtomic(path, text, target);
    const what = profiles[0] ? `format ${profiles[0].format.id}, detected in ${profiles.map((p) => p.file).join(', ')}` : 'blank starter';
    ctx.warn(`wrote ${target} (${what})`);
  }
  if (edits.length) {
    ctx.warn(`edit before auditing (values starting "${EDIT}" are placeholders):`);
    for (const e of edits) ctx.warn(`  - ${e}`);
  } else if (path === null) {
    ctx.warn(`nothing left to guess; check the mapping, save it to a file, then run: parity audit ${files.join(' ')} -c <file>`);
  } else {
    ctx.warn(`nothing left to guess; check the mapping, then run: parity audit ${files.join(' ')}${target === 'parity.config.json' ? '' : ` -c ${target}`}`);
  }
  return { output: path ? '' : text, exitCode: 0 };
}
