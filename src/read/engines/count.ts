/**
 * A count table from a database: sample the source, map its columns exactly as a file's
 * header is mapped (formats/bind.ts: config `columns`, then a format's names, then generic
 * synonyms), write the count query for the engine's dialect, run it, read the rows back.
 * Also says, as notes, what an engine source cannot measure that a file can.
 */
import { ParityError } from '../../errors.js';
import type { Settings } from '../../settings.js';
import { CLOCK_UNITS, type TicketField } from '../../model.js';
import { detectFormat } from '../../formats/index.js';
import { assumedUnitNotes, bindColumns, dateFormatNotes, headerZoneNotes, type Mapping } from '../../formats/bind.js';
import { BUSINESS_GIVEN_NOTE, CALENDAR_FALLBACK_NOTE, CountRowError, CountTableReader, type ByField, type CountClock, type CountTable } from '../../measure/counts.js';
import { QUERY_ATTEMPTS, SAMPLE_ROWS, type EngineConnection, type SqlSource } from './connection.js';
import { countQuery, KEYED_FIELDS, valuesBeyondAsciiQuery, type CountQuerySpec, type SourceColumn } from './sql.js';
import { vocabularyKey } from '../../normalise/channel.js';
import { isNoValue, unsampled } from '../../normalise/rows.js';
import { ISO_TIME, PLAIN_NUMBER, type DialectId } from './dialects.js';
import { escalationTags } from './journeysSql.js';
import { STYLE_LABELS } from '../../normalise/time.js';
import { DURATION_METRICS, businessAsOfNote, businessExample, checkDurationClocks, durationColumn, durationField, metricName, metricSource, type DurationMetric } from '../../measure/durationClocks.js';

const REQUIRED = ['ticketId', 'channel', 'createdAt'] as const;

/** The settings a count query depends on (a subset of the pipeline's Settings, plus --by). */
export type CountSettings = Pick<Settings, 'mapping' | 'timeZone' | 'bands' | 'asOf' | 'since' | 'until' | 'clock'> & {
  by?: ByField | null;
  loud?: Settings['loud'];
  /** Whether the user gave the as-of time (a report's periods carry the export's own; default: asOf set). */
  asOfGiven?: boolean;
};

/**
 * Mapped columns → the query's column list (name and unit of each bound field; `text`: the names
 * of the source's columns of a text type, whose times and numbers the query reads trimmed).
 */
export function sourceColumns(mapping: Mapping, text: ReadonlySet<string> = new Set()): Partial<Record<TicketField, SourceColumn>> {
  const out: Partial<Record<TicketField, SourceColumn>> = {};
  for (const [field, b] of Object.entries(mapping.bindings) as Array<[TicketField, NonNullable<Mapping['bindings'][TicketField]>]>) {
    out[field] = { column: b.header, ...(b.unit ? { unit: b.unit } : {}), ...(b.clock ? { clock: b.clock } : {}), ...(b.clockAssumed ? { clockAssumed: true } : {}), ...(text.has(b.header) ? { text: true } : {}) };
  }
  return out;
}

/**
 * The clock of an engine's count table. Parity sets it on the table (`meta,clock` when written
 * out), not the query, so the query and its result stay as they were: business only when the
 * settings ask for it and mapped duration columns give the durations (a database cannot count
 * business hours: without them it measures calendar time, and with them the waiting time of
 * open tickets stays calendar time, as engineNotes says); calendar otherwise.
 */
export function engineClock(columns: Partial<Record<TicketField, SourceColumn>>, clock: Settings['clock']): CountClock {
  // the same rule as the note the table carries (a timestamp wins over a duration column)
  return clock.kind === 'business' && businessClockNote(columns, clock) !== CALENDAR_FALLBACK_NOTE ? 'business' : 'calendar';
}

/** What a database source cannot measure that a file can, given the mapped columns. */
export function engineNotes(columns: Partial<Record<TicketField, SourceColumn>>, clock: Settings['clock'], loud: Settings['loud'] | null = null, asOfGiven = false): string[] {
  const notes: string[] = [];
  const clockNote = businessClockNote(columns, clock);
  if (clockNote) notes.push(clockNote);
  const asOfNote = businessAsOfNote([columns], clock.kind, asOfGiven);
  if (asOfNote) notes.push(asOfNote);
  if (!columns.firstResponseAt && !columns.firstResponseTime) notes.push('no first-response column, so first response is not measured');
  if (!columns.resolvedAt && !columns.resolutionTime) notes.push('no resolution column, so resolution is not measured');
  notes.push(...journeyNotes(columns, loud));
  return notes;
}

/**
 * The clock of an engine source's durations under the business clock, as the note the count
 * table carries (null under the calendar clock, where business-time duration columns are
 * refused as in-process: measure/durationClocks.ts). A database cannot count business hours:
 * timestamps and calendar-time duration columns give calendar time (CALENDAR_FALLBACK_NOTE,
 * which the judge reads as the report's clock: pipeline.ts judgeCounts); business-time duration
 * columns give the business time as given. One metric of each would be two clocks in one
 * report, so it is refused.
 */
export function businessClockNote(columns: Partial<Record<TicketField, SourceColumn>>, clock: Settings['clock']): string | null {
  checkDurationClocks(columns, clock.kind);
  if (clock.kind !== 'business') return null;
  const given = DURATION_METRICS.filter((m) => metricSource(columns, m) === 'business column');
  const converted = DURATION_METRICS.filter((m) => {
    const source = metricSource(columns, m);
    return source === 'timestamp' || source === 'calendar column';
  });
  if (given.length === 0) return CALENDAR_FALLBACK_NOTE;
  if (converted.length === 0) return BUSINESS_GIVEN_NOTE;
  const g = given[0] as DurationMetric;
  const t = converted[0] as DurationMetric;
  const how = metricSource(columns, t) === 'timestamp' ? 'from timestamps' : `from the calendar-time duration column "${durationColumn(columns, t)}"`;
  throw new ParityError(
    `clock is "business", but a database source measures ${metricName(t)} ${how}, in calendar time, while ${metricName(g)} is the business-time duration column "${durationColumn(columns, g)}" used as given: one report cannot be in both clocks`,
    {
      hint:
        `map columns.${durationField(t)} to a business-time duration column as well (e.g. ${businessExample(t)}); ` +
        `or, for a report in calendar time, map columns.${durationField(g)} to a timestamp or a calendar-time column instead and set "clock": "calendar"; ` +
        'a CSV file can also be audited without --engine, which converts calendar time to business hours',
    },
  );
}

/** What the query computes of loudness and channel jumps, and what not (never silently absent). */
export function journeyNotes(columns: Partial<Record<TicketField, SourceColumn>>, loud: Settings['loud'] | null): string[] {
  if (!loud) return ['loud vs quiet and channel jumps are not computed for this source'];
  const cues = ['public posts', 'repeat contacts', 'shouting (runs of "!" anywhere; capitals only on ASCII text)', 'escalation tags and priority'];
  const notes = [`loudness cues computed in the database: ${cues.join(', ')}; channel jumps by customer`];
  const { skipped } = escalationTags(loud.escalationTags);
  if (skipped.length) notes.push(`escalation tags with letters beyond ASCII are not matched in the database: ${skipped.join(', ')}`);
  if (!columns.customerId) notes.push('no customer column: repeat contacts and channel jumps cannot be found');
  return notes;
}

/**
 * Maps a database source's columns from a sample, as a file's header is mapped, and gives the
 * query's column list (sourceColumns: the columns the engine says are of a text type are read
 * trimmed).
 */
export async function mapSource(connection: EngineConnection, source: SqlSource, settings: CountSettings): Promise<MappedSource> {
  const { header, rows, text: isText, durationTypes } = await connection.sample(source, SAMPLE_ROWS);
  const text = new Set(header.filter((_, k) => isText?.[k] === true));
  const detection = detectFormat(header, settings.mapping.inputFormat);
  const mapping = bindColumns(header, detection.format, detection.confidence, settings.mapping, rows.map((r) => r.map((v) => v ?? '')), settings.timeZone, connection.label, undefined, connection.dialect !== 'duckdb');
  refuseDurationTypes(mapping, header, durationTypes, connection.label);
  // a log makes one ticket of many rows (a conversation, an incident's events): the count query
  // counts rows as tickets, so it would count every event as a ticket
  if (mapping.format.reduce) {
    throw new ParityError(`${mapping.format.label}: many rows make one ticket, which a database source cannot assemble (every row would count as a ticket)`, {
      location: { file: connection.label },
      hint: 'audit the export as a file, without --engine; a table of one row per ticket can be read with --input-format generic and its columns mapped',
    });
  }
  readableByQuery(mapping, rows, connection.label);
  const missing = REQUIRED.filter((f) => !mapping.bindings[f]);
  if (missing.length) {
    throw new ParityError(`no ${missing.join(', ')} column in the source`, {
      location: { file: connection.label },
      hint: `columns found: ${header.map((h) => JSON.stringify(h)).join(', ')}; map them with ${missing.map((f) => `columns.${f}`).join(', ')} in parity.config.json`,
    });
  }
  const columns = sourceColumns(mapping, text);
  return { mapping, columns, ...(await ownKeys(connection, source, columns)) };
}

/**
 * A time or duration mapped to a column of a duration type (Postgres `interval`): the query would
 * cast it to a timestamp ("cannot cast type interval to timestamp") or read it as a number it is
 * not. Refused naming the column, its type and the fix: the seconds in a --query, mapped as a
 * duration in seconds.
 */
function refuseDurationTypes(mapping: Mapping, header: readonly string[], types: ReadonlyArray<string | null> | undefined, label: string): void {
  if (!types) return;
  for (const [field, binding] of Object.entries(mapping.bindings)) {
    if (!binding) continue;
    const type = types[header.indexOf(binding.header)];
    if (!type) continue;
    const duration = field === 'firstResponseAt' || field === 'firstResponseTime' ? 'firstResponseTime' : field === 'resolvedAt' || field === 'resolutionTime' ? 'resolutionTime' : null;
    const seconds = `${binding.header.replace(/[^A-Za-z0-9_]/g, '_')}_seconds`;
    throw new ParityError(`column ${JSON.stringify(binding.header)} (mapped as ${field}) is of type ${type}, a duration the count query cannot read as it is`, {
      location: { file: label },
      hint: duration
        ? `read its seconds in a --query, e.g. --query 'SELECT *, EXTRACT(EPOCH FROM "${binding.header.replace(/"/g, '""')}") AS ${seconds} FROM <table>', and map it with "columns": { "${duration}": { "column": "${seconds}", "unit": "seconds" } }`
        : `${field} needs a time: map columns.${field} to a timestamp column`,
    });
  }
}

/** A database source mapped: its columns, and parity's keys of its channel and status values beyond ASCII. */
export interface MappedSource {
  mapping: Mapping;
  columns: Partial<Record<TicketField, SourceColumn>>;
  keys: NonNullable<CountQuerySpec['keys']>;
  /** Said when a column had more values beyond ASCII than are keyed. */
  keyNotes: string[];
}

/** Values beyond ASCII keyed by parity per column; a column with more keeps SQL's keys for the rest (a note says so). */
export const OWN_KEYS_LIMIT = 500;

/**
 * Parity's own vocabulary keys for the channel and status values beyond ASCII the source holds
 * (sql.ts CountQuerySpec.keys says why), found by one DISTINCT query per column: a channel or
 * status column holds a handful of values. A value holding NUL (which no literal can hold) keeps SQL's key.
 */
async function ownKeys(connection: EngineConnection, source: SqlSource, columns: Partial<Record<TicketField, SourceColumn>>): Promise<Pick<MappedSource, 'keys' | 'keyNotes'>> {
  const keys: MappedSource['keys'] = {};
  const keyNotes: string[] = [];
  for (const field of KEYED_FIELDS) {
    const column = columns[field]?.column;
    if (column === undefined) continue;
    const { rows } = await connection.sample({ query: valuesBeyondAsciiQuery(connection.dialect, source, column, OWN_KEYS_LIMIT + 1) }, OWN_KEYS_LIMIT + 1);
    const values = rows.map((r) => r[0]).filter((v): v is string => typeof v === 'string' && !v.includes('\u0000'));
    if (values.length > OWN_KEYS_LIMIT) {
      keyNotes.push(`column "${column}" holds more than ${OWN_KEYS_LIMIT} distinct ${field} values with letters beyond ASCII: ${OWN_KEYS_LIMIT} of them are matched as parity matches them in-process (accents and full-width letters decomposed), the rest by the database's lower case, which drops such letters`);
    }
    const own: Record<string, string> = {};
    for (const v of values.slice(0, OWN_KEYS_LIMIT)) own[v] = vocabularyKey(v);
    if (values.length) keys[field] = own;
  }
  return { keys, keyNotes };
}

const QUERY_TIMESTAMPS: readonly TicketField[] = ['createdAt', 'firstResponseAt', 'resolvedAt'];
const QUERY_NUMBERS: readonly TicketField[] = ['firstResponseTime', 'resolutionTime', 'followers'];
// (no exponent: parity's own reading does not take `1.994e3` as a follower count either; the
// query holds every value past the sample to the same rule: dialects.ts PLAIN_NUMBER)
const PLAIN = new RegExp(PLAIN_NUMBER);
const ISO_TEXT = new RegExp(ISO_TIME);

/**
 * What the count query can read, said before it runs: it casts timestamps as ISO 8601 (or the
 * database's timestamp type) and numbers as plain digits, so a column parity reads in-process in
 * another way (US or day-first dates, Unix times, `150,000`, `12,5`, `1.2k`) would fail inside
 * the database with its own message, or be misread. Refused here naming the column and a value.
 */
function readableByQuery(mapping: Mapping, rows: ReadonlyArray<ReadonlyArray<string | null>>, label: string): void {
  const inProcess = 'or, for a file, audit it without --engine: parity reads it itself';
  for (const field of QUERY_TIMESTAMPS) {
    const b = mapping.bindings[field];
    if (!b || !b.style || b.style === 'iso') continue;
    // (the example is a value in the column's own style: ISO values, which such a column also holds, the query could read;
    // a placeholder or a spreadsheet error, which the style was not read from, is none either)
    const values = rows.map((r) => r[b.index]).filter((v): v is string => typeof v === 'string' && !unsampled(v.trim()));
    const example = values.find((v) => !ISO_TEXT.test(v.trim())) ?? values[0] ?? '';
    throw new ParityError(`column "${b.header}" holds timestamps written like ${JSON.stringify(example)} (${STYLE_LABELS[b.style]}), which the database query cannot read`, { location: { file: label }, hint: `store it as a timestamp type (or ISO 8601 text) where the tickets live, ${inProcess}` });
  }
  for (const field of QUERY_NUMBERS) {
    const b = mapping.bindings[field];
    if (!b || (b.unit !== undefined && CLOCK_UNITS.has(b.unit))) continue; // refused by the query builder with its own message
    // (a placeholder for no value, `NULL`, the query reads as none: dialects.ts noValueToNull)
    const odd = rows.map((r) => r[b.index]).find((v) => v !== null && v !== undefined && v.trim() !== '' && !PLAIN.test(v.trim()) && !isNoValue(v.trim()));
    if (odd !== undefined) {
      throw new ParityError(`column "${b.header}" holds ${JSON.stringify(odd)}, which the database query cannot read as a number`, { location: { file: label }, hint: `store plain numbers (digits, a decimal point) where the tickets live, ${inProcess}` });
    }
  }
}

/** The count query spec for a mapped source. */
export function querySpec(dialect: DialectId, source: SqlSource, columns: Partial<Record<TicketField, SourceColumn>>, settings: CountSettings, mapping?: Mapping, own?: Pick<MappedSource, 'keys' | 'keyNotes'>): CountQuerySpec {
  return {
    dialect,
    source,
    columns,
    channels: Object.fromEntries(settings.mapping.channels),
    ...(mapping?.format.channels ? { formatVocabulary: mapping.format.channels } : {}),
    ...(mapping?.format.outboundDirections ? { outboundDirections: mapping.format.outboundDirections } : {}),
    ...(mapping?.format.privateDirections ? { privateDirections: mapping.format.privateDirections } : {}),
    timeZone: settings.timeZone,
    bands: settings.bands,
    by: settings.by ?? null,
    since: settings.since,
    until: settings.until,
    asOf: settings.asOf,
    clock: engineClock(columns, settings.clock),
    notes: [...engineNotes(columns, settings.clock, settings.loud ?? null, settings.asOfGiven ?? settings.asOf !== null), ...(mapping ? [...assumedUnitNotes(mapping), ...headerZoneNotes(mapping), ...dateFormatNotes(mapping)] : []), ...(own?.keyNotes ?? [])],
    journeys: settings.loud ?? null,
    ...(own ? { keys: own.keys } : {}),
  };
}

/**
 * Runs the count query on a connected engine and returns the count table (`sql`: the flat count
 * query, as `parity sql` prints it; the engine runs it grouped into series, sql.ts seriesQuery).
 */
export async function countFromEngine(connection: EngineConnection, source: SqlSource, settings: CountSettings): Promise<{ counts: CountTable; sql: string; mapping: Mapping }> {
  const mapped = await mapSource(connection, source, settings);
  return { ...(await runCountSpec(connection, querySpec(connection.dialect, source, mapped.columns, settings, mapped.mapping, mapped))), mapping: mapped.mapping };
}

/** The note of a count table whose journey layers the server could not run. */
export const JOURNEYS_FAILED_NOTE = 'loudness, repeat contacts and channel jumps are not computed: ClickHouse failed on their query';

/**
 * Runs the count query of a spec (its `meta,clock` row is the table's clock). ClickHouse 18
 * fails on the journey layers (loudness, repeat contacts, channel jumps) for some data ("Size of
 * filter doesn't match size of column", code 9): the count table is then made without them and
 * says so in a note, rather than no audit.
 */
export async function runCountSpec(connection: EngineConnection, spec: CountQuerySpec): Promise<{ counts: CountTable; sql: string }> {
  const sql = countQuery(spec);
  try {
    return { counts: await runCountQuery(connection, sql), sql };
  } catch (error) {
    if (!spec.journeys || connection.dialect !== 'clickhouse' || !(error instanceof ParityError) || !/Code: 9\b/.test(error.message)) throw error;
    const reason = error.message.replace(/^ClickHouse: /, '').replace(/, e\.what\(\).*$/, '');
    const without: CountQuerySpec = { ...spec, journeys: null, notes: [...spec.notes, `${JOURNEYS_FAILED_NOTE} (${reason})`] };
    const fallback = countQuery(without);
    return { counts: await runCountQuery(connection, fallback), sql: fallback };
  }
}

/** Runs a flat count query on the engine, grouped into series (sql.ts seriesQuery), into a count table. */
export async function runCountQuery(connection: EngineConnection, sql: string): Promise<CountTable> {
  const faults: string[] = [];
  for (let attempt = 1; ; attempt++) {
    // a query run again starts a new table: the series the failed one delivered are dropped
    const reader = new CountTableReader();
    try {
      await connection.countSeries(sql, (series) => reader.series(series));
      const table = reader.finish();
      // said where the user reads the run's notes: the time it took was that of several queries
      if (faults.length > 0) table.header.notes.push(retriedNote(faults));
      return table;
    } catch (error) {
      // the table parity's own query returned: a problem with it is parity's, not the data's
      if (error instanceof CountRowError) throw new ParityError(`the engine's count table: ${error.message}`, { location: { file: connection.label }, hint: 'please report this with the command you ran' });
      if (attempt < QUERY_ATTEMPTS && connection.retryable?.(error)) {
        faults.push(error instanceof Error ? error.message : String(error));
        continue;
      }
      throw error;
    }
  }
}

/** The note of a count query that was run again after a fault of the server. */
export function retriedNote(faults: readonly string[]): string {
  const first = (faults[0] ?? '').replace(/, e\.what\(\).*$/, '');
  return `the count query was run ${faults.length + 1} times: the server failed ${faults.length === 1 ? 'once' : `${faults.length} times`} with a fault it does not repeat (${first}); the counts are those of the last run alone`;
}
