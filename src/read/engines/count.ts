/**
 * A count table from a database: sample the source, map its columns exactly as a file's
 * header is mapped (formats/bind.ts: config `columns`, then a format's names, then generic
 * synonyms), write the count query for the engine's dialect, run it, read the rows back.
 * Also says, as notes, what an engine source cannot measure that a file can.
 */
import { ParityError } from '../../errors.js';
import type { Settings } from '../../settings.js';
import type { TicketField } from '../../model.js';
import { detectFormat } from '../../formats/index.js';
import { bindColumns, type Mapping } from '../../formats/bind.js';
import { CALENDAR_FALLBACK_NOTE, CountRowError, CountTableReader, type ByField, type CountClock, type CountTable } from '../../measure/counts.js';
import type { EngineConnection, SqlSource } from './connection.js';
import { countQuery, seriesQuery, type CountQuerySpec, type SourceColumn } from './sql.js';
import type { DialectId } from './dialects.js';
import { escalationTags } from './journeysSql.js';

const SAMPLE_ROWS = 500;
const REQUIRED = ['ticketId', 'channel', 'createdAt'] as const;

/** The settings a count query depends on (a subset of the pipeline's Settings, plus --by). */
export type CountSettings = Pick<Settings, 'mapping' | 'timeZone' | 'bands' | 'asOf' | 'since' | 'until' | 'clock'> & { by?: ByField | null; loud?: Settings['loud'] };

/** Mapped columns → the query's column list (name and unit of each bound field). */
export function sourceColumns(mapping: Mapping): Partial<Record<TicketField, SourceColumn>> {
  const out: Partial<Record<TicketField, SourceColumn>> = {};
  for (const [field, b] of Object.entries(mapping.bindings) as Array<[TicketField, NonNullable<Mapping['bindings'][TicketField]>]>) {
    out[field] = b.unit ? { column: b.header, unit: b.unit } : { column: b.header };
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
export function engineNotes(columns: Partial<Record<TicketField, SourceColumn>>, clock: Settings['clock'], loud: Settings['loud'] | null = null): string[] {
  const notes: string[] = [];
  const clockNote = businessClockNote(columns, clock);
  if (clockNote) notes.push(clockNote);
  if (!columns.firstResponseAt && !columns.firstResponseTime) notes.push('no first-response column, so first response is not measured');
  if (!columns.resolvedAt && !columns.resolutionTime) notes.push('no resolution column, so resolution is not measured');
  notes.push(...journeyNotes(columns, loud));
  notes.push('repeated ticket ids are not checked for a database source: every row counts');
  return notes;
}

/**
 * Where the query takes a metric's durations from (sql.ts: a timestamp wins over a duration
 * column): a timestamp minus the creation time, which is calendar time, or a duration column,
 * used as given.
 */
function durationSource(columns: Partial<Record<TicketField, SourceColumn>>, at: TicketField, time: TicketField): 'timestamp' | 'duration' | null {
  return columns[at] ? 'timestamp' : columns[time] ? 'duration' : null;
}

const DURATION_FIELDS = {
  firstResponse: { name: 'first response', time: 'firstResponseTime', example: 'first_reply_time_business_minutes' },
  resolution: { name: 'resolution', time: 'resolutionTime', example: 'full_resolution_business_minutes' },
} as const;

/**
 * The clock of an engine source's durations under the business clock, as the note the count
 * table carries (null under the calendar clock). A database cannot count business hours: with
 * no metric from a duration column the durations are calendar time (CALENDAR_FALLBACK_NOTE, which
 * the judge reads as the report's clock: pipeline.ts judgeCounts); with every measured metric
 * from one they are the business time given. One metric of each would be two clocks in one
 * report, so it is refused.
 */
export function businessClockNote(columns: Partial<Record<TicketField, SourceColumn>>, clock: Settings['clock']): string | null {
  if (clock.kind !== 'business') return null;
  const sources = {
    firstResponse: durationSource(columns, 'firstResponseAt', 'firstResponseTime'),
    resolution: durationSource(columns, 'resolvedAt', 'resolutionTime'),
  };
  const given = (['firstResponse', 'resolution'] as const).filter((m) => sources[m] === 'duration');
  const timed = (['firstResponse', 'resolution'] as const).filter((m) => sources[m] === 'timestamp');
  if (given.length === 0) return CALENDAR_FALLBACK_NOTE;
  if (timed.length === 0) return 'business clock: the mapped duration columns are used as given; the waiting time of open tickets is calendar time';
  const g = DURATION_FIELDS[given[0] as keyof typeof DURATION_FIELDS];
  const t = DURATION_FIELDS[timed[0] as keyof typeof DURATION_FIELDS];
  throw new ParityError(
    `clock is "business", but a database source measures ${t.name} from timestamps, in calendar time, while ${g.name} is the duration column "${columns[g.time]?.column ?? ''}" used as given: one report cannot be in both clocks`,
    { hint: `map columns.${t.time} to a business-time duration column as well (e.g. ${t.example}), or set "clock": "calendar"` },
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

/** Maps a database source's columns from a sample, as a file's header is mapped. */
export async function mapSource(connection: EngineConnection, source: SqlSource, settings: CountSettings): Promise<{ mapping: Mapping; header: string[] }> {
  const { header, rows } = await connection.sample(source, SAMPLE_ROWS);
  const detection = detectFormat(header, settings.mapping.inputFormat);
  const mapping = bindColumns(header, detection.format, detection.confidence, settings.mapping, rows.map((r) => r.map((v) => v ?? '')), settings.timeZone, connection.label);
  const missing = REQUIRED.filter((f) => !mapping.bindings[f]);
  if (missing.length) {
    throw new ParityError(`no ${missing.join(', ')} column in the source`, {
      location: { file: connection.label },
      hint: `columns found: ${header.map((h) => JSON.stringify(h)).join(', ')}; map them with ${missing.map((f) => `columns.${f}`).join(', ')} in parity.config.json`,
    });
  }
  return { mapping, header };
}

/** The count query spec for a mapped source. */
export function querySpec(dialect: DialectId, source: SqlSource, columns: Partial<Record<TicketField, SourceColumn>>, settings: CountSettings, mapping?: Mapping): CountQuerySpec {
  return {
    dialect,
    source,
    columns,
    channels: Object.fromEntries(settings.mapping.channels),
    ...(mapping?.format.channels ? { formatVocabulary: mapping.format.channels } : {}),
    ...(mapping?.format.outboundDirections ? { outboundDirections: mapping.format.outboundDirections } : {}),
    bands: settings.bands,
    by: settings.by ?? null,
    since: settings.since,
    until: settings.until,
    asOf: settings.asOf,
    notes: engineNotes(columns, settings.clock, settings.loud ?? null),
    journeys: settings.loud ?? null,
  };
}

/**
 * Runs the count query on a connected engine and returns the count table (`sql`: the flat count
 * query, as `parity sql` prints it; the engine runs it grouped into series, sql.ts seriesQuery).
 */
export async function countFromEngine(connection: EngineConnection, source: SqlSource, settings: CountSettings): Promise<{ counts: CountTable; sql: string; mapping: Mapping }> {
  const { mapping } = await mapSource(connection, source, settings);
  const columns = sourceColumns(mapping);
  return { ...(await runCountSpec(connection, querySpec(connection.dialect, source, columns, settings, mapping), engineClock(columns, settings.clock))), mapping };
}

/** The note of a count table whose journey layers the server could not run. */
export const JOURNEYS_FAILED_NOTE = 'loudness, repeat contacts and channel jumps are not computed: ClickHouse failed on their query';

/**
 * Runs the count query of a spec; the table's clock is `clock` (engineClock). ClickHouse 18
 * fails on the journey layers (loudness, repeat contacts, channel jumps) for some data ("Size of
 * filter doesn't match size of column", code 9): the count table is then made without them and
 * says so in a note, rather than no audit.
 */
export async function runCountSpec(connection: EngineConnection, spec: CountQuerySpec, clock: CountClock): Promise<{ counts: CountTable; sql: string }> {
  const sql = countQuery(spec);
  const clocked = (counts: CountTable): CountTable => ({ ...counts, header: { ...counts.header, clock } });
  try {
    return { counts: clocked(await runCountQuery(connection, sql)), sql };
  } catch (error) {
    if (!spec.journeys || connection.dialect !== 'clickhouse' || !(error instanceof ParityError) || !/Code: 9\b/.test(error.message)) throw error;
    const reason = error.message.replace(/^ClickHouse: /, '').replace(/, e\.what\(\).*$/, '');
    const without: CountQuerySpec = { ...spec, journeys: null, notes: [...spec.notes, `${JOURNEYS_FAILED_NOTE} (${reason})`] };
    const fallback = countQuery(without);
    return { counts: clocked(await runCountQuery(connection, fallback)), sql: fallback };
  }
}

/** Runs a flat count query on the engine, grouped into series (sql.ts seriesQuery), into a count table. */
export async function runCountQuery(connection: EngineConnection, sql: string): Promise<CountTable> {
  const reader = new CountTableReader();
  try {
    await connection.countSeries(seriesQuery(sql, connection.dialect), (series) => reader.series(series));
    return reader.finish();
  } catch (error) {
    // the table parity's own query returned: a problem with it is parity's, not the data's
    if (error instanceof CountRowError) throw new ParityError(`the engine's count table: ${error.message}`, { location: { file: connection.label }, hint: 'please report this with the command you ran' });
    throw error;
  }
}
