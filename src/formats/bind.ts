/**
 * Header → mapping. Picks the format (by header signature, or as forced), then binds each
 * canonical field to a column: the config's `columns` first, then the format's names, then the
 * generic synonyms. Sample values settle what a header cannot: whether "First Response Time"
 * holds timestamps or durations, the unit of a duration, and the timestamp style of a column.
 */
import type { ColumnRef } from '../config/schema.js';
import type { MappingSettings } from '../settings.js';
import { ParityError } from '../errors.js';
import { tzOffset } from '@date-fns/tz/tzOffset';
import { CLOCK_UNITS, TICKET_FIELDS, TIME_TWINS, TWIN_FIELD, type DurationUnit, type TicketField } from '../model.js';
import { checkTimeZone, dashMonthFirstOnly, dateOrderSettled, detectStyle, parserFor, STYLE_LABELS, type TimestampStyle } from '../normalise/time.js';
import { detectDecimal, ungroupSpaced } from '../normalise/decimal.js';
import { CLOCK_TEXT, PLAIN_ZERO, dateFormatLike, unsampled } from '../normalise/rows.js';
import { wordedDuration } from '../measure/duration.js';
import { longDate } from '../format.js';
import { GENERIC_SYNONYMS } from './generic.js';
import { durationHeader } from './durationHeader.js';
import { headerKey, type FieldBinding, type FormatDef, type Mapping } from './types.js';

export type { FieldBinding, Mapping } from './types.js';

/** The fields read as timestamps (their style detected per column; formats/dateOrder.ts aligns their order across files). */
export const TIMESTAMP_FIELDS: readonly TicketField[] = ['createdAt', 'firstResponseAt', 'resolvedAt'];
const DURATION_FIELDS = TIME_TWINS.map(([, time]) => time);
const TWIN = TWIN_FIELD;

/** What to write in the config to map a field (used in error hints). */
export function columnsHint(field: TicketField): string {
  const map = `map one with columns.${field} in parity.config.json (e.g. "columns": { "${field}": "<header>" })`;
  // Without a creation time no wait can be measured: say so, not only how to map one.
  if (field === 'createdAt') return `without a creation time no duration can be measured; if the export has one under another name, ${map}`;
  return map;
}

/**
 * The unit a header names (`First reply time in minutes` → minutes, `Resolution time [h]` →
 * hours, `TTR (days)` → days), if any: the qualifier after the name first (formats/durationHeader.ts),
 * else a unit word anywhere in it (`minutes_to_first_reply`).
 */
export function unitFromHeader(header: string): DurationUnit | null {
  const named = durationHeader(header)?.unit;
  if (named) return named;
  const h = header.toLowerCase();
  if (/\b(ms|millis|milliseconds)\b|_ms\b/.test(h)) return 'ms';
  if (/(seconds|secs?\b|_s\b)/.test(h)) return 'seconds';
  // `min` / `mins` as a word of their own (`frt_min`, `Wait (mins)`, camelCase `frtMins`), not
  // the end of another (`Time to first admin reply` is no count of minutes)
  if (/minutes|(?<![a-z])mins?\b/.test(h) || /[a-z0-9]Mins?\b/.test(header)) return 'minutes';
  if (/(hours|hrs?\b)/.test(h)) return 'hours';
  if (/\bdays\b/.test(h)) return 'days';
  return null;
}

/**
 * The clock a duration header names, if any: dbt's `first_reply_time_business_minutes`,
 * Zendesk's `… within business hours` and `metric_set.reply_time_in_minutes.business` count open
 * hours only; `….calendar` counts every hour.
 */
export function durationClockFromHeader(header: string): 'calendar' | 'business' | null {
  // anywhere in the name: snake_case, camelCase (FirstReplyTimeBusinessMinutes) and run-together
  // words alike (only duration columns are asked, where "business" means opening hours)
  const h = header.toLowerCase();
  if (h.includes('business')) return 'business';
  if (h.includes('calendar')) return 'calendar';
  return null;
}

const NUMBER = /^-?\d+([.,]\d+)?$/;
/** A clock pattern written in a header, hours first: `hh:mm`, `h:mm:ss`, `hrs:mins`, `hours:minutes`. */
const HOURS_CLOCK = /\b(h|hh|hrs?|hours?)\s*:\s*(m|mm|mins?|minutes?)\b/i;
/** The same, minutes first: `mm:ss`, `m:ss`, `min:sec`, `mins:secs`, `minutes:seconds`. */
const MINUTES_CLOCK = /\b(m|mm|mins?|minutes?)\s*:\s*(s|ss|secs?|seconds?)\b/i;
/** An hour named in a header: `hours`, `hrs`, `(h)`. */
const HOURS_WORD = /hours?|(?<![a-z])(hrs?|h)(?![a-z])/i;

/**
 * The unit of a column of clock text (`1:30`, `0:45:10`) by its header. A clock pattern the
 * header writes decides: `hh:mm`, `h:mm:ss`, `hrs:mins` are HH:MM[:SS]; `mm:ss`, `m:ss`,
 * `min:sec`, `mins:secs` are MM:SS (hours first is looked for first: `hh:mm:ss` holds `mm:ss`).
 * Without one, a header of minutes that names no hour is MM:SS (`Talk time (min)`: a
 * call-centre column, where `1:30` is a minute and a half); anything else is HH:MM[:SS]
 * (`First response time` holding `01:30:00`).
 */
export function clockUnitFromHeader(header: string): 'hms' | 'mmss' {
  if (HOURS_CLOCK.test(header)) return 'hms';
  if (MINUTES_CLOCK.test(header)) return 'mmss';
  return unitFromHeader(header) === 'minutes' && !HOURS_WORD.test(header) ? 'mmss' : 'hms';
}

function refColumn(ref: ColumnRef): { column: string; unit?: DurationUnit | undefined; format?: string | undefined; clock?: 'calendar' | 'business' | undefined } {
  return typeof ref === 'string' ? { column: ref } : ref;
}

/** The column index for a header name: exact first, then by headerKey. */
function findColumn(header: readonly string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const key = headerKey(name);
  return header.findIndex((h) => headerKey(h) === key);
}

/**
 * Samples of column `index`, trimmed, passing over what says nothing of the column's kind
 * (rows.ts unsampled): empty cells, placeholders for no value (`NULL`, `n/a`), which the reader
 * reads as empty, and spreadsheet errors (`#VALUE!`, `#N/A`), so that none of them makes a
 * column of times unreadable or a column of durations or clock text something else.
 */
function columnSamples(samples: readonly (readonly string[])[], index: number): string[] {
  const out: string[] = [];
  for (const row of samples) {
    const v = row[index]?.trim();
    if (v !== undefined && !unsampled(v)) out.push(v);
  }
  return out;
}

function looksLikeDuration(values: readonly string[]): boolean {
  return values.length > 0 && values.every(durationShaped);
}

/** A plain number or a value written with a unit: the shape of a duration. */
function durationShaped(v: string): boolean {
  return NUMBER.test(ungroupSpaced(v.replace(/^-/, ''))) || writtenWithUnit(v);
}

/**
 * Whether a column bound by a timestamp's name holds durations: every value a duration (a number
 * or written with a unit), or, some values being neither (free text such as `pending` or `see
 * notes`), most of them durations, at least one written with its unit (`2h 30m`, `01:30:00`), and
 * more of them durations than any one date style reads. One such word had made a column of
 * `2h 30m`, `45m`, `1d 2h` a timestamp column in no style (or in Unix seconds, read off one plain
 * number): every value left out as unreadable, the metric lost; now only that word is, on its row.
 */
function holdsDurations(values: readonly string[], timeZone: string): boolean {
  if (looksLikeDuration(values)) return true;
  const durations = values.filter(durationShaped).length;
  if (durations * 2 <= values.length || !values.some(saysItsUnit)) return false;
  return durations > partialStyleCount(values, timeZone);
}

/**
 * Whether a duration value says its own unit: clock text (`01:30:00`) or a duration written with
 * its units (`1h 30m`, `45 mins`, `PT2H`, `1.02:00:00`), which every duration column reads as
 * written (normalise/rows.ts parseDurationValue), whatever the column's unit.
 */
function saysItsUnit(v: string): boolean {
  return CLOCK_TEXT.test(v) || typeof wordedDuration(v) === 'number';
}

/**
 * Whether a duration value is written with a unit, one parity reads or not: `5 fortnights` has
 * the shape of `5 days`. Such a value is no reason to take its column for times, nor its unit
 * for seconds: it is rejected on its row, naming the word (normalise/rows.ts durationUnread).
 */
function writtenWithUnit(v: string): boolean {
  return CLOCK_TEXT.test(v) || wordedDuration(v) !== undefined;
}

/**
 * Binds the fields of `header` for `format`. Throws ParityError naming the file when a config
 * column does not exist. Required fields that are missing are left unbound: the caller decides
 * (audit refuses, inspect reports).
 */
export function bindColumns(
  header: readonly string[],
  format: FormatDef,
  confidence: number,
  config: Pick<MappingSettings, 'columns' | 'dateFormat' | 'decimal'>,
  samples: readonly (readonly string[])[],
  timeZone: string,
  file: string,
  delimiter?: string,
  /** A table or query of a database (no header line): said so, and no line named. */
  database = false,
): Mapping {
  const bindings: Partial<Record<TicketField, FieldBinding>> = {};
  const taken = new Set<number>();
  // Values a format writes for "nothing" (ServiceNow's `?`) must not sway style or unit detection.
  const missing = new Set(format.missingValues ?? []);
  if (missing.size) samples = samples.map((row) => row.map((v) => (missing.has(v.trim()) ? '' : v)));
  const configured = config.columns;

  for (const field of TICKET_FIELDS) {
    const ref = configured[field];
    if (ref === undefined) continue;
    const { column, unit, format: columnFormat, clock } = refColumn(ref);
    const index = findColumn(header, column);
    if (index < 0) {
      throw new ParityError(`columns.${field} names "${column}", but the ${database ? 'table or query' : 'file'} has no such column`, {
        location: database ? { file } : { file, line: 1 },
        hint: `${database ? 'columns' : 'headers'} found: ${headerList(header)}`,
      });
    }
    const b: { -readonly [K in keyof FieldBinding]: FieldBinding[K] } = { field, index, header: header[index] ?? column, source: 'config' };
    if (unit) b.unit = unit;
    if (clock) b.clock = clock;
    if (columnFormat) b.dateFormat = columnFormat;
    bindings[field] = b;
    taken.add(index);
  }

  // (a header that names its time zone after the name, `Started at (Europe/London)` as
  // Intercom's and HubSpot's UI exports write them, is matched by the name: headerZone)
  const keys = header.map((h) => headerKey(headerZone(h)?.name ?? h));
  const ignored = new Set((format.ignoreColumns ?? []).map(headerKey));
  keys.forEach((k, i) => {
    if (ignored.has(k) && !taken.has(i)) taken.add(i);
  });
  // The names a field is bound by: the format's, then the generic ones, unless the format says
  // it lacks the field (or its twin): such a field is not guessed from generic names.
  const fieldNames = (field: TicketField): readonly string[] => {
    const twin = TWIN[field];
    const absent = format.absent?.[field] !== undefined || (twin !== undefined && format.absent?.[twin] !== undefined);
    return [...(format.synonyms[field] ?? []), ...(absent ? [] : GENERIC_SYNONYMS[field])];
  };
  for (const field of TICKET_FIELDS) {
    if (bindings[field]) continue;
    // A twin configured by the user (firstResponseTime vs firstResponseAt) settles the field.
    const twin = TWIN[field];
    if (twin && configured[twin] !== undefined) continue;
    const names = fieldNames(field);
    // The first name the header has, unless it is empty in every sample row while a later one
    // has values: a JSON export where one record says `"via": null` has a flat `via` column
    // beside `via.channel`, and the empty one must not stand in for the one that is filled.
    const found: number[] = [];
    for (const name of names) {
      const key = headerKey(name);
      const index = keys.findIndex((k, i) => k === key && !taken.has(i) && !found.includes(i));
      if (index >= 0) found.push(index);
    }
    const index = found.find((i) => columnSamples(samples, i).length > 0) ?? found[0];
    if (index !== undefined) {
      bindings[field] = { field, index, header: header[index] ?? field, source: 'format' };
      taken.add(index);
    }
  }

  // A field's name with a unit or clock after it (`First response time (minutes)`, `TTR (days)`,
  // `Full resolution time in minutes (business)`): the duration, in that unit and clock. The name
  // may be the duration's or its timestamp twin's (`Time to resolution (hours)`); the unit says
  // it is a duration, unless the values are dates (below). A column matched by a whole name
  // above comes first; among these, the better name, then a calendar before a business-time
  // column (as Zendesk's own names prefer), then the column further left, one with values first.
  for (const field of DURATION_FIELDS) {
    const twin = TWIN[field] as TicketField;
    if (bindings[field] || configured[twin] !== undefined || format.absent?.[field] !== undefined) continue;
    const rank = new Map<string, number>();
    [...fieldNames(field), ...fieldNames(twin)].forEach((name, k) => {
      for (const key of [headerKey(name), durationHeader(name)?.base]) if (key && !rank.has(key)) rank.set(key, k);
    });
    const found = header
      .map((h, index) => ({ index, named: taken.has(index) ? null : durationHeader(h) }))
      .flatMap(({ index, named }) => (named && rank.has(named.base) ? [{ index, rank: rank.get(named.base) as number, business: named.clock === 'business' }] : []))
      .sort((x, y) => x.rank - y.rank || Number(x.business) - Number(y.business) || x.index - y.index);
    const index = (found.find((c) => columnSamples(samples, c.index).length > 0) ?? found[0])?.index;
    if (index !== undefined) {
      bindings[field] = { field, index, header: header[index] ?? field, source: 'format' };
      taken.add(index);
    }
  }

  // Timestamp-or-duration: let the values decide for columns bound by name only.
  for (const [at, time] of TIME_TWINS) {
    const atB = bindings[at];
    if (atB && atB.source === 'format' && !bindings[time]) {
      const values = columnSamples(samples, atB.index).slice(0, 200);
      const style = detectStyle(values, timeZone);
      // (HH:MM:SS and `1h 30m` say they are durations by themselves: "First Response Time"
      // holding 01:30:00 or 1h 30m; a plain number beside them is read in the column's unit)
      if ((style === null || style.startsWith('epoch')) && holdsDurations(values, timeZone) && (unitFromHeader(atB.header) || values.every((v) => CLOCK_TEXT.test(v)) || (style === null && values.some(saysItsUnit)))) {
        bindings[time] = { ...atB, field: time };
        delete bindings[at];
      }
    }
    const timeB = bindings[time];
    if (timeB && timeB.source === 'format' && !bindings[at]) {
      const values = columnSamples(samples, timeB.index).slice(0, 200);
      const style = detectStyle(values, timeZone);
      // (dates are times whatever unit the header names: `Time to resolution (hours)` holding 2026-01-05)
      if (style !== null && !style.startsWith('epoch') && (!unitFromHeader(timeB.header) || !looksLikeDuration(values))) {
        bindings[at] = { ...timeB, field: at };
        delete bindings[time];
      }
    }
    // Both twins found by name: the timestamp is read first (normalise/rows.ts, the engines'
    // query), so one with no value in any sampled row (`first_response_at` all `NULL` beside
    // `First response time (minutes)`) would make every ticket unanswered while the duration holds
    // the answer. It gives way, as an empty column gives way among one field's names (above).
    const atNow = bindings[at];
    const timeNow = bindings[time];
    if (atNow && timeNow && atNow.source === 'format' && timeNow.source === 'format' && columnSamples(samples, atNow.index).length === 0 && columnSamples(samples, timeNow.index).length > 0) {
      delete bindings[at];
    }
  }

  // Duration units.
  for (const field of DURATION_FIELDS) {
    const b = bindings[field];
    if (!b || b.unit) continue;
    const values = columnSamples(samples, b.index).slice(0, 200);
    const fromHeader = unitFromHeader(b.header);
    // the format's unit is its own columns' (Zendesk's minutes), and any column's whose header names none
    const formatColumn = (format.synonyms[field] ?? []).some((name) => headerKey(name) === headerKey(b.header));
    const fromFormat = formatColumn || !fromHeader ? format.durationUnits?.[field] : undefined;
    // A format's unit holds for numbers; HH:MM:SS text says its own unit.
    // (a plain 0 is the same in every unit: it does not make a column of clock text a column of numbers)
    const clocks = values.filter((v) => !PLAIN_ZERO.test(v));
    const allHms = clocks.length > 0 && clocks.every((v) => CLOCK_TEXT.test(v));
    if (fromFormat && !(allHms && !CLOCK_UNITS.has(fromFormat))) bindings[field] = { ...b, unit: fromFormat };
    else if (allHms) bindings[field] = { ...b, unit: clockUnitFromHeader(b.header) };
    // (the hours of `business hours` alone: read as hours, said as assumed: those words name the clock)
    else if (fromHeader) bindings[field] = { ...b, unit: fromHeader, ...(durationHeader(b.header)?.unitFromClock ? { unitAssumed: true } : {}) };
    // values that all say their unit (`2h`, `1d 2h`, `01:30:00`) are read as written: seconds
    // is only the unit of a plain number, and none was sampled, so no unit was assumed for one
    // (a value with a word that is no unit, `5 fortnights`, is written with its unit too: its row says so)
    // (a value of no duration's shape, `pending`, says nothing of the unit: its row says it cannot be read)
    else if (clocks.some(writtenWithUnit) && clocks.filter(durationShaped).every(writtenWithUnit)) bindings[field] = { ...b, unit: 'seconds', unitsWritten: true };
    else bindings[field] = { ...b, unit: 'seconds', unitAssumed: true };
  }

  // Duration clocks: configured, else named by the header, else calendar (said as assumed).
  for (const field of DURATION_FIELDS) {
    const b = bindings[field];
    if (!b || b.clock) continue;
    // the header's own word first (Zendesk exports both clocks side by side), then the format's
    const formatColumn = (format.synonyms[field] ?? []).some((name) => headerKey(name) === headerKey(b.header));
    const named = durationClockFromHeader(b.header) ?? (formatColumn ? (format.durationClocks?.[field] ?? null) : null);
    bindings[field] = named ? { ...b, clock: named } : { ...b, clock: 'calendar', clockAssumed: true };
  }

  // Decimal separators of number columns (a `12,5` column is not read as 125).
  for (const field of [...DURATION_FIELDS, 'followers'] as const) {
    const b = bindings[field];
    if (!b || (b.unit !== undefined && CLOCK_UNITS.has(b.unit))) continue;
    const values = columnSamples(samples, b.index)
      .filter((v) => !CLOCK_TEXT.test(v))
      .map((v) => (field === 'followers' ? v.replace(/[kKmM]$/, '') : v));
    bindings[field] = { ...b, number: detectDecimal(values, { file, column: b.header, delimiter, configured: config.decimal ?? undefined, count: field === 'followers' }) };
  }

  // Timestamp styles.
  for (const field of TIMESTAMP_FIELDS) {
    const b = bindings[field];
    if (!b) continue;
    const values = columnSamples(samples, b.index).slice(0, 500);
    const dateFormat = b.dateFormat ?? config.dateFormat ?? undefined;
    if (dateFormat) {
      const custom = parserFor('custom', timeZone, dateFormat);
      // (the format the user gave is taken when it reads at least half of the sampled values: in a
      // column mixing orders the rows it cannot read are rejected, as the stop's hint promises,
      // rather than the column going back to detection and being read the other way round)
      const read = values.filter((v) => custom(v) !== null).length;
      if (values.length === 0 || read * 2 >= values.length) {
        bindings[field] = { ...b, style: 'custom', dateFormat };
        continue;
      }
      // (not a word had been said: the format asked for went unused, and a hint that had led to
      // it led nowhere; found by an attack)
      // (the config's one dateFormat beside a column of ISO 8601 or Unix times, which say their own
      // form, is no mistake: only a column's own format, or one of dates it was meant for, is said)
      const example = values.find((v) => custom(v) === null) as string;
      const detectedAnyway = bindStyle(b, values);
      const ownForm = detectedAnyway.style !== null && detectedAnyway.style !== undefined && SELF_DESCRIBING.has(detectedAnyway.style);
      bindings[field] = b.dateFormat === undefined && ownForm ? detectedAnyway : { ...detectedAnyway, dateFormatUnused: { format: dateFormat, read, sampled: values.length, example } };
      continue;
    }
    bindings[field] = bindStyle(b, values);
  }

  /** The binding with the style its values are read in, detected (not configured). */
  function bindStyle(b: FieldBinding, values: string[]): FieldBinding {
    const detected = detectStyle(values, timeZone) ?? bestPartialStyle(values, timeZone);
    // (dash dates valid only month-first: read day-first, the order marked as guessed, so that the
    // first such row stops the run naming the dateFormat; see time.ts dashMonthFirstOnly)
    const monthFirstDashes = (detected === null || detected === 'dmy-dash') && dashMonthFirstOnly(values, timeZone);
    const style = monthFirstDashes ? 'dmy-dash' : detected;
    if (style === 'epoch-seconds') refuseEarlyEpoch(values, file, b.header, b.field, delimiter === 'xlsx');
    const guessed = monthFirstDashes || (ORDERED.has(style) && !dateOrderSettled(values, timeZone));
    return { ...b, style, ...(guessed ? { orderGuessed: true, ...orderExample(values) } : {}), ...(values.length === 0 ? { unsampled: true } : {}) };
  }

  // One date order per file: `03/04/2026` in one column and `13/04/2026` in another are both
  // day-first. Columns read in different orders (an ambiguous one defaulting to month-first) take
  // the order all their values together allow, when one does.
  const ordered = TIMESTAMP_FIELDS.filter((f) => {
    const style = bindings[f]?.style;
    return style === 'mdy' || style === 'dmy' || style === 'dmy-dash';
  });
  if (new Set(ordered.map((f) => bindings[f]?.style)).size > 1) {
    const all = ordered.flatMap((f) => columnSamples(samples, (bindings[f] as FieldBinding).index).slice(0, 500));
    const joint = detectStyle(all, timeZone);
    if (joint === 'mdy' || joint === 'dmy' || joint === 'dmy-dash') {
      const guessed = !dateOrderSettled(all, timeZone);
      for (const f of ordered) {
        const { orderGuessed: _, orderExample: __, ...rest } = bindings[f] as FieldBinding;
        bindings[f] = { ...rest, style: joint, ...(guessed ? { orderGuessed: true, ...orderExample(columnSamples(samples, rest.index).slice(0, 500)) } : {}) };
      }
    }
  }
  // one column that settles the order settles it for the file's other columns read that way
  const settled = new Set(ordered.filter((f) => !bindings[f]?.orderGuessed).map((f) => bindings[f]?.style));
  for (const f of ordered) {
    const binding = bindings[f] as FieldBinding;
    if (binding.orderGuessed && settled.has(binding.style)) {
      const { orderGuessed: _, ...rest } = binding;
      bindings[f] = rest;
    }
  }

  const used = new Set(Object.values(bindings).map((b) => b.index));
  return {
    format,
    confidence,
    header,
    bindings,
    timeZone,
    unused: header.filter((_, i) => !used.has(i)),
  };
}

/** Timestamp styles whose values say their own form (no order to settle, no format to give). */
const SELF_DESCRIBING: ReadonlySet<TimestampStyle> = new Set(['iso', 'twitter', 'epoch-seconds', 'epoch-ms']);

/** A time zone written in brackets after a header's name: an IANA name (`Europe/London`), UTC/GMT, or UTC/GMT with an offset (`GMT+2`, `UTC-05:00`). */
const HEADER_ZONE = /^(.*\S)\s*[([]\s*([A-Za-z]+\/[A-Za-z0-9_+\-/]+|(?:UTC|GMT)(?:\s*[+\-\u2212]\s*\d{1,2}(?::?\d{2})?)?)\s*[)\]]\s*$/;
const HEADER_OFFSET = /^(?:UTC|GMT)\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/;

/**
 * A header's name and the time zone written after it (`Started at (Europe/London)`), or null when
 * it names none: only a zone the runtime knows, as `--tz` takes it (`Created (DD/MM/YYYY)` is a
 * date format, not a zone). An offset from UTC (`Created (GMT+2)`, as many helpdesks write the
 * account's zone) is the zone `--tz` takes for it: `Etc/GMT-2` for UTC+2 (the IANA `Etc` names
 * count the other way), `UTC` for +0; an offset of hours and minutes (`UTC+05:30`), which no
 * fixed IANA zone has, is `zone` null with the offset as written in `label`: the name still binds,
 * and the note asks for a zone at that offset.
 */
export function headerZone(header: string): { name: string; zone: string | null; label: string; offset?: number } | null {
  const m = HEADER_ZONE.exec(header);
  if (!m) return null;
  const written = m[2] as string;
  const offset = HEADER_OFFSET.exec(written);
  if (offset) {
    const sign = offset[1] === '+' ? 1 : -1;
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? 0);
    if (hours > 14 || minutes >= 60) return null;
    const label = written.replace(/\s+/g, '').replace('\u2212', '-');
    if (hours === 0 && minutes === 0) return { name: m[1] as string, zone: 'UTC', label };
    // Etc/GMT-14 … Etc/GMT+12 exist; minutes have no fixed zone
    const zone = minutes === 0 && -sign * hours >= -14 && -sign * hours <= 12 ? `Etc/GMT${sign > 0 ? '-' : '+'}${hours}` : null;
    return { name: m[1] as string, zone, label, offset: sign * (hours * 60 + minutes) };
  }
  try {
    checkTimeZone(written, 'header');
  } catch {
    return null;
  }
  return { name: m[1] as string, zone: written, label: written };
}

/**
 * The notes for timestamp columns whose header names a time zone other than the one the run
 * reads times without an offset in (`--tz`, the config's `timeZone`, else UTC): the export wrote
 * its times in that zone, so the dates and the periods are off by the difference until the run
 * is told so. (Durations between two columns of one zone are right either way, but near a
 * change of daylight saving time.)
 */
export function headerZoneNotes(mapping: Pick<Mapping, 'bindings' | 'timeZone'>): string[] {
  // (an offset of hours and minutes, which no Etc zone has, is the run's zone when that zone is at
  // that offset in winter or in summer: `UTC+05:30` read in Asia/Kolkata)
  const atOffset = (offset: number): boolean => [Date.UTC(2026, 0, 1), Date.UTC(2026, 6, 1)].some((t) => tzOffset(mapping.timeZone, new Date(t)) === offset);
  const same = (zone: string | null, offset: number | undefined): boolean =>
    zone === null
      ? offset !== undefined && atOffset(offset)
      : zone.toLowerCase() === mapping.timeZone.toLowerCase() || (/^(UTC|GMT)$/i.test(zone) && /^(UTC|Etc\/UTC|GMT|Etc\/GMT)$/i.test(mapping.timeZone));
  const byZone = new Map<string, { zone: string | null; names: string[] }>();
  for (const field of TIMESTAMP_FIELDS) {
    const b = mapping.bindings[field];
    const named = b ? headerZone(b.header) : null;
    if (!b || !named || same(named.zone, named.offset)) continue;
    const entry = byZone.get(named.label) ?? { zone: named.zone, names: [] };
    entry.names.push(`"${b.header}"`);
    byZone.set(named.label, entry);
  }
  return [...byZone].map(([label, { zone, names }]) => {
    const listed = names.length === 1 ? `column ${names[0]} says its times are` : `columns ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} say their times are`;
    const read = `but times without an offset are read in ${mapping.timeZone}`;
    if (zone === null) return `${listed} at ${label}, ${read}: give --tz a zone at that offset (an IANA name such as Asia/Kolkata for UTC+05:30; or "timeZone" in the config) if the export wrote them there`;
    const spelled = zone === label ? '' : zone.startsWith('Etc/') ? `; ${zone} is ${label}, its sign the other way, as IANA writes it` : `; ${zone} is ${label}`;
    return `${listed} in ${label}, ${read}: give --tz ${zone} (or "timeZone": "${zone}" in the config${spelled}) if the export wrote them there`;
  });
}

/**
 * The notes for timestamp columns whose configured dateFormat read fewer than half of the values
 * sampled, so their style was detected instead (FieldBinding.dateFormatUnused): the format, the
 * count, a value it did not read, and what the column is read as.
 */
export function dateFormatNotes(mapping: Pick<Mapping, 'bindings'>): string[] {
  const out: string[] = [];
  for (const field of TIMESTAMP_FIELDS) {
    const b = mapping.bindings[field];
    const unused = b?.dateFormatUnused;
    if (!b || !unused) continue;
    const readAs = b.style ? `read as ${STYLE_LABELS[b.style]}` : 'read as its values allow';
    out.push(`the dateFormat "${unused.format}" reads ${unused.read} of the ${unused.sampled} values sampled from column "${b.header}" (not "${unused.example}"), so it is not used there: the column is ${readAs}; give a dateFormat that reads its values, or none`);
  }
  return out;
}

/**
 * The notes for duration columns read in seconds only because nothing named their unit (no
 * config unit, no format's, no unit word in the header, no clock text): the choice said in the
 * report, not only by `inspect`. A column whose timestamp twin is read instead is not.
 */
export function assumedUnitNotes(mapping: Pick<Mapping, 'bindings'>): string[] {
  const out: string[] = [];
  for (const field of DURATION_FIELDS) {
    const b = mapping.bindings[field];
    if (!b?.unitAssumed || mapping.bindings[TWIN[field] as TicketField]) continue;
    const metric = field === 'firstResponseTime' ? 'first-response' : 'resolution';
    const unit = b.unit ?? 'seconds';
    // (`First reply time (business hours)`: hours, read from words that name the clock)
    const names = unit === 'seconds' ? 'names no unit' : `names no unit but the "hours" of "business hours", which names its clock`;
    out.push(`column "${b.header}" ${names}: its ${metric} durations are read as ${unit} (set columns.${field}.unit if they are not)`);
  }
  return out;
}

/** The example a guessed date order's note gives: the first sampled value written with slashes or dashes. */
function orderExample(values: readonly string[]): { orderExample?: string } {
  const example = values.map((v) => v.trim()).find((v) => /^\d{1,2}[/-]\d{1,2}[/-]\d/.test(v));
  return example === undefined ? {} : { orderExample: example };
}

/**
 * The note for a file whose slash or dash dates no value settled the order of (no day over 12
 * in the rows sampled, and none later that reads only the other way, which would have stopped the
 * run): every date was read in the default order, and if the export writes them the other way
 * every date and duration is wrong (a week of 05/01–11/01 in day-first dates read as May to
 * November, a next-day reply as a month) — said in the report, not only by `inspect`, with the
 * dateFormat that reads the other order.
 */
export function guessedOrderNotes(mapping: Pick<Mapping, 'bindings' | 'timeZone'>): string[] {
  const guessed = TIMESTAMP_FIELDS.map((f) => mapping.bindings[f]).filter((b): b is FieldBinding => b?.orderGuessed === true && b.dateFormat === undefined && ORDERED.has(b.style ?? null));
  if (guessed.length === 0) return [];
  const out: string[] = [];
  for (const style of new Set(guessed.map((b) => b.style))) {
    const columns = guessed.filter((b) => b.style === style);
    const names = columns.map((b) => `"${b.header}"`);
    const listed = names.length === 1 ? `column ${names[0]}` : `columns ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    const monthFirst = style === 'mdy';
    const taken = monthFirst ? 'month-first (MM/DD)' : 'day-first (DD-MM)';
    const other = monthFirst ? 'day-first' : 'month-first';
    const example = columns.find((b) => b.orderExample !== undefined)?.orderExample;
    const at = example === undefined ? null : parserFor(style as TimestampStyle, 'UTC')(example);
    const shown = at === null ? '' : `: "${example}" is read as ${longDate(at)}`;
    const format = example === undefined ? (monthFirst ? 'dd/MM/yyyy HH:mm' : 'MM-dd-yyyy HH:mm') : dateFormatLike(example, other);
    out.push(
      `no date in ${listed} has a day over 12 in the rows sampled, so which comes first, the day or the month, is not known: the dates are read ${taken}, the default${shown}. If the export writes the ${monthFirst ? 'day' : 'month'} first, every date and duration is misread: set "dateFormat": "${format}" in the config`,
    );
  }
  return out;
}

/** Unix seconds before this (3 March 1973) are no ticket's time: numbers that small are something else. */
const EARLIEST_EPOCH_SECONDS = 1e8;

/**
 * A timestamp column of plain numbers is read as Unix seconds; when every sampled one falls
 * before 1973 they are not: spreadsheet serial dates saved to CSV as numbers (`45000.04` = 15
 * March 2023 00:57, every duration shrunk 86,400 times), or durations in a column taken for
 * times (`3600`). Refused, naming the column, a value and what to do, rather than read silently
 * wrong.
 */
function refuseEarlyEpoch(values: readonly string[], file: string, column: string, field: TicketField, workbook = false): void {
  const numbers = values.map((v) => v.trim()).filter((v) => v !== '');
  if (numbers.length === 0 || !numbers.every((v) => Number(v) < EARLIEST_EPOCH_SECONDS)) return;
  const example = numbers[0] as string;
  // 20,000 to 80,000 days after 30 December 1899: 1954 to 2119
  const serial = numbers.every((v) => Number(v) >= 20000 && Number(v) <= 80000);
  const duration = field === 'firstResponseAt' ? 'firstResponseTime' : field === 'resolvedAt' ? 'resolutionTime' : null;
  const what = serial ? ', and look like spreadsheet serial dates (days since 1899)' : duration ? ', and may be durations' : '';
  throw new ParityError(`holds numbers like "${example}", which as Unix seconds would all fall before 1973${what}`, {
    location: { file, column },
    hint: serial
      ? workbook
        ? 'the workbook holds them as plain numbers: format the column as dates in it (Format Cells, Date) and save it, then parity reads them as dates'
        : 'save the sheet as .xlsx (parity reads serial dates from a workbook) or format the column as dates before saving it as CSV'
      : duration
        ? `if they are durations, map the column in the config: "columns": { "${duration}": { "column": ${JSON.stringify(column)}, "unit": "seconds" } } (or "minutes", "hours")`
        : 'export the times as dates (ISO 8601) or as Unix seconds, or say how they are written with "dateFormat" in the config',
  });
}

/** Date styles whose day and month order a value may leave open (`03/04/2026`). */
const ORDERED = new Set<TimestampStyle | null>(['mdy', 'dmy', 'dmy-dash']);

/** When no style reads every sample: the one reading most of them (the rest become row issues). */
function bestPartialStyle(values: readonly string[], timeZone: string): TimestampStyle | null {
  return partialStyle(values, timeZone).style;
}

/** How many samples the style that reads most of them reads. */
function partialStyleCount(values: readonly string[], timeZone: string): number {
  return partialStyle(values, timeZone).count;
}

function partialStyle(values: readonly string[], timeZone: string): { style: TimestampStyle | null; count: number } {
  let best: TimestampStyle | null = null;
  let bestCount = 0;
  for (const style of ['iso', 'twitter', 'mdy', 'dmy', 'dmy-dash', 'dmy-dot', 'ymd', 'month-name', 'epoch-seconds', 'epoch-ms'] as const) {
    const parse = parserFor(style, timeZone);
    const count = values.filter((v) => parse(v) !== null).length;
    if (count > bestCount) {
      best = style;
      bestCount = count;
    }
  }
  return { style: best, count: bestCount };
}

/** Most headers a message lists (a file of 20,000 columns had printed every one). */
const HEADERS_LISTED = 50;

/** The headers of a file for a message: quoted, the first {@link HEADERS_LISTED}, then how many more. */
export function headerList(header: readonly string[]): string {
  const shown = header.slice(0, HEADERS_LISTED).map((h) => JSON.stringify(h)).join(', ');
  const more = header.length - HEADERS_LISTED;
  return more > 0 ? `${shown}, … and ${more.toLocaleString('en-US')} more` : shown;
}
