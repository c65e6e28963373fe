/**
 * The count query: one SQL aggregation, per dialect, that returns the flat count table
 * (measure/counts.ts) from a table or a user query, with the in-process normaliser's rules
 * written as expressions (normalise/rows.ts, channel.ts, status.ts):
 *
 * - a record without id or creation time, created outside --since/--until or after --as-of,
 *   or agent-initiated (outbound channel value or direction) is rejected and counted by reason;
 * - the channel is the vocabulary key of the raw value (lower case, letters and digits) looked
 *   up in the config's `channels`, then the format's vocabulary, then the built-in one, as CASE;
 * - every column's text is trimmed, and blank or a placeholder for no value (`NULL`, `n/a`:
 *   normalise/rows.ts NO_VALUE) is NULL, as in-process (dialects.ts noValueToNull);
 * - first response: empty = waiting; below zero = left out and counted; after --as-of =
 *   waiting; resolution likewise, except that an open status keeps a ticket open whatever its
 *   resolution time, and a resolved status without a time leaves it out;
 * - the as-of time is --as-of or the latest timestamp among the used tickets (created,
 *   answered, resolved), and a waiting ticket's age is measured to it;
 * - durations are rounded half up to whole seconds (floor(x + 0.5)), as in-process;
 * - a precomputed duration column (`first_reply_time_business_minutes`) is used as given;
 * - a used record whose id an earlier used record has is counted, not rejected (a table has no
 *   file order to keep the first by): how many there are is the `meta,repeatedIds` row.
 *
 * Layers: r (typed values of each record) → c (channel, status, rejection reason) → t (used
 * tickets: band, band × channel, metric states) → m (one row per ticket × metric) → the union
 * of the cells by dimension (durations from m, ticket counts from t) and the header facts as
 * `meta` rows. Dialects with CTEs name the layers. ClickHouse 18 has none (and a later
 * ClickHouse reads a CTE again at every use), so there the layers are written inline, and the
 * union is not one branch per dimension and fact, each reading the tickets again (55 readings of
 * the table for the demo's columns), but one scan whose every row adds to the cells it belongs to
 * (oneScan.ts), beside the few facts that are not sums. Loudness and channel jumps add their own
 * layers and rows (journeysSql.ts) when the spec asks for them.
 */
import { ParityError } from '../../errors.js';
import type { Channel, ChannelTarget, DurationUnit, TicketField } from '../../model.js';
import { CHANNELS } from '../../model.js';
import { BOOLEAN_WORDS, OUTBOUND_DIRECTION_PREFIXES, OUTBOUND_DIRECTION_WORDS, builtInVocabulary, vocabularyKey, type ChannelMeaning } from '../../normalise/channel.js';
import { FLAG_DATE_PATTERN, FLAG_NUMBER_PATTERN, FLAG_ZERO_PATTERN, STATUS_VOCABULARY } from '../../normalise/status.js';
import { FIRST_TIME, LAST_TIME } from '../../normalise/time.js';
import { bandsFromEdges } from '../../measure/groups.js';
import { FLAT_COLUMNS, noValueLabel, type ByField } from '../../measure/counts.js';
import { dialect as dialectOf, noValueToNull, qualifiedName, type Dialect, type DialectId } from './dialects.js';
import { cueColumns, journeyParts, type JourneyContext, type JourneySpec } from './journeysSql.js';
import { oneScan, type ScanCell } from './oneScan.js';

/** A mapped column of the source: its name and, for durations, the unit. */
export interface SourceColumn {
  column: string;
  unit?: DurationUnit;
  /** Duration columns: the clock they count in (measure/durationClocks.ts); the query reads them as given. */
  clock?: 'calendar' | 'business';
  clockAssumed?: boolean;
  /**
   * The column is of a text type (the engine's sample says so: count.ts sourceColumns): its times
   * and numbers are trimmed of WHITESPACE and blank = none before the cast, as parity reads a
   * file's cell (a blank or padded cell failed the query). A typed column is cast as it is.
   */
  text?: boolean;
}

/** Everything the count query depends on. Times are epoch seconds. */
export interface CountQuerySpec {
  dialect: DialectId;
  /** A table (`support.tickets`) or a query whose result is the ticket rows. */
  source: { table: string } | { query: string };
  columns: Partial<Record<TicketField, SourceColumn>>;
  /** Config `channels` (raw value → channel). */
  channels: Readonly<Record<string, ChannelTarget>>;
  /** A format's channel vocabulary (raw value → meaning), when a format is named. */
  formatVocabulary?: Readonly<Record<string, Partial<ChannelMeaning> & { channel: Channel }>>;
  outboundDirections?: readonly string[];
  /** A format's directions that make a post private (formats/types.ts privateDirections). */
  privateDirections?: readonly string[];
  /** IANA zone of text timestamps without an offset (ClickHouse's text reading; the other engines read the session's). Default UTC. */
  timeZone?: string;
  bands: readonly number[];
  by: ByField | null;
  since: number | null;
  until: number | null;
  asOf: number | null;
  /** The clock of the durations the query gives (count.ts engineClock), carried as the `meta,clock` row. */
  clock: 'calendar' | 'business';
  /** Notes carried into the result as `meta,note` rows. */
  notes: readonly string[];
  /** Loudness and channel jumps (journeysSql.ts); absent or null = not computed. */
  journeys?: JourneySpec | null;
  /**
   * Keys parity works out itself (normalise/channel.ts vocabularyKey) for the channel and status
   * values beyond ASCII the source holds (count.ts ownKeys): trimmed value → key. SQL keys a value
   * by lower case and letters and digits only, which drops an accented or full-width letter
   * (`Téléphone` → `tlphone`, `ＯＰＥＮ` → ``) where parity's key decomposes it first
   * (`telephone`, `open`); these values are keyed by parity's key instead.
   */
  keys?: Partial<Record<KeyedField, Readonly<Record<string, string>>>>;
}

/** The text columns the query keys (looked up in a vocabulary). */
export type KeyedField = 'channel' | 'status';
export const KEYED_FIELDS: readonly KeyedField[] = ['channel', 'status'];

const UNIT_SECONDS: Record<Exclude<DurationUnit, 'hms' | 'mmss'>, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400, ms: 0.001 };

/** A number as a SQL literal (no exponent). */
function numberLiteral(x: number): string {
  if (!Number.isFinite(x)) throw new ParityError(`cannot write ${x} into SQL`);
  return Number.isInteger(x) ? String(x) : x.toFixed(6).replace(/0+$/, '');
}

/**
 * A follower count as parity reads one (normalise/rows.ts parseFollowers): whole, rounded half up
 * (999.5 is 1000, in the 1k band), and none (NULL, band `unknown`) when written with a minus
 * sign, which parity does not read as a count: `-5`, and also `-0.4` and `-0`, which round to 0
 * and would otherwise land in the lowest band. A typed column's -0.0 is written `-0` as text;
 * the text is looked at only for a value of 0.
 */
function followersOf(d: Dialect, column: string, value: string): string {
  const minus = `${d.trimWhite(d.text(column))} LIKE ${d.string('-%')}`;
  // From 2^53 on every double is whole: such a count is kept as it is, not rounded through a
  // 64-bit integer, which a count of 2^63 or more overflowed (DuckDB's query stopped with "out of
  // range", where parity reads a count in the top band); one the engine read as infinite
  // (inf − inf is no 0) is no count, as parity reads no number it cannot hold.
  const huge = `CASE WHEN ${value} - ${value} = 0 THEN ${value} ELSE ${d.double('NULL')} END`;
  return `CASE WHEN ${value} < 0 OR (${value} = 0 AND ${minus}) THEN ${d.double('NULL')} WHEN ${value} >= ${2 ** 53} THEN ${huge} ELSE ${d.double(d.wholeSeconds(value))} END`;
}

/** CASE over the vocabulary key: config first, then the format's vocabulary, then built-in. */
function channelCase(d: Dialect, key: string, spec: CountQuerySpec): { channel: string; outbound: string } {
  const channelOfKey = new Map<string, Channel>();
  const outboundKeys = new Set<string>();
  const builtIn = builtInVocabulary();
  for (const e of builtIn) if (e.outbound) outboundKeys.add(e.key);
  for (const [raw, meaning] of Object.entries(spec.formatVocabulary ?? {})) {
    const k = vocabularyKey(raw);
    if (meaning.outbound) outboundKeys.add(k);
    else if (!builtIn.some((e) => e.key === k && e.outbound)) outboundKeys.delete(k);
  }
  const setFirst = (k: string, channel: Channel): void => {
    if (k !== '' && !channelOfKey.has(k)) channelOfKey.set(k, channel);
  };
  // a value the config calls outbound is agent-initiated; its channel is the vocabularies' (channel.ts channelResolver)
  for (const [raw, target] of Object.entries(spec.channels)) {
    if (target === 'outbound') outboundKeys.add(vocabularyKey(raw));
    else setFirst(vocabularyKey(raw), target);
  }
  for (const [raw, meaning] of Object.entries(spec.formatVocabulary ?? {})) setFirst(vocabularyKey(raw), meaning.channel);
  for (const e of builtIn) setFirst(e.key, e.channel);
  const byChannel = new Map<Channel, string[]>();
  for (const [k, channel] of channelOfKey) {
    if (channel === 'other') continue; // the ELSE
    const list = byChannel.get(channel) ?? [];
    list.push(k);
    byChannel.set(channel, list);
  }
  const whens = CHANNELS.filter((c) => byChannel.has(c)).map(
    (c) => `WHEN ${key} IN (${(byChannel.get(c) as string[]).map((k) => d.string(k)).join(', ')}) THEN ${d.string(c)}`,
  );
  const channel = `CASE ${whens.join(' ')} ELSE ${d.string('other')} END`;
  const outbound = outboundKeys.size ? `CASE WHEN ${key} IN (${[...outboundKeys].map((k) => d.string(k)).join(', ')}) THEN 1 ELSE 0 END` : '0';
  return { channel, outbound };
}

/**
 * Line breaks inside a quoted name or the user's --query are theirs, not the layout's: while the
 * query is built they stand as private-use characters, so indenting a layer (which inserts spaces
 * after every line break) cannot change a name or a string literal of the user's query; restored
 * at the end. The encoding is one-to-one: a private-use character of the stand-ins' range that is
 * already in a name, a literal or the query is written with an escape character before it and
 * restored as itself. String literals never hold a raw break (dialects.ts escapes them), but go
 * through the same encoding so that their text comes back as it was.
 */
const ESCAPE = '\uE004';
const STAND_IN: Record<string, string> = { '\n': '\uE000', '\r': '\uE001', '\u2028': '\uE002', '\u2029': '\uE003' };
const BREAK_OF: Record<string, string> = Object.fromEntries(Object.entries(STAND_IN).map(([k, v]) => [v, k]));

function protectBreaks(text: string): string {
  return text.replace(/[\n\r\u2028\u2029\uE000-\uE004]/g, (c) => STAND_IN[c] ?? `${ESCAPE}${c}`);
}

function restoreBreaks(text: string): string {
  return text.replace(/\uE004([\s\S])|[\uE000-\uE003]/g, (stand, escaped: string | undefined) => escaped ?? (BREAK_OF[stand] as string));
}

/** The dialect with its names' and literals' line breaks protected while a query is built. */
function building(d: Dialect): Dialect {
  return { ...d, ident: (name: string) => protectBreaks(d.ident(name)), string: (value: string) => protectBreaks(d.string(value)) };
}

/** The source as a FROM item: a table's qualified name, or the user's query as a subquery. */
function sourceSql(d: Dialect, source: CountQuerySpec['source'], protect: (text: string) => string = (text) => text): string {
  if ('table' in source) return qualifiedName(d, source.table);
  return `(${protect(source.query.replace(/;\s*$/, ''))}\n) ${d.id === 'clickhouse' ? '' : 'AS '}${d.ident('parity_source')}`;
}

/**
 * The distinct values beyond ASCII of a text column (trimmed, blank = none), which the count
 * query keys by parity's own key (CountQuerySpec.keys); the first `limit` of them.
 */
export function valuesBeyondAsciiQuery(dialect: DialectId, source: CountQuerySpec['source'], column: string, limit: number): string {
  const d = dialectOf(dialect);
  const value = d.blankToNull(d.ident(column));
  // (an alias no column is likely to have: ClickHouse refuses an alias that is a column's name used inside it)
  return `SELECT DISTINCT ${value} AS ${d.ident('parity_value_beyond_ascii')} FROM ${sourceSql(d, source)} WHERE ${value} IS NOT NULL AND NOT (${d.asciiOnly(value)}) LIMIT ${Math.floor(limit)}`;
}

/** Builds the count query. */
export function countQuery(spec: CountQuerySpec): string {
  return restoreBreaks(buildCountQuery(spec));
}

function buildCountQuery(spec: CountQuerySpec): string {
  const d = building(dialectOf(spec.dialect));
  const col = (field: TicketField): string | null => {
    const c = spec.columns[field];
    return c ? d.ident(c.column) : null;
  };
  // No column: NULL text. ClickHouse 18 over a Distributed table refuses a constant NULL here
  // ("Cannot convert column cat because it is non constant in source stream but must be constant
  // in result", code 171: the shards send it materialised): there it is a NULL made from the
  // ticket id, a value of every row (nullIf(x, x) is NULL whatever x is).
  const idColumn = col('ticketId');
  const missingText = d.id === 'clickhouse' && idColumn !== null ? `nullIf(${d.blankToNull(idColumn)}, ${d.blankToNull(idColumn)})` : d.nullText;
  // a column's text: trimmed, blank or a placeholder for no value (`NULL`, `n/a`) = none, in
  // every column as in-process (normalise/rows.ts NO_VALUE: an id, a channel, a customer, a category…)
  const textOf = (field: TicketField): string => {
    const c = col(field);
    return c ? noValueToNull(d, d.blankToNull(c)) : missingText;
  };
  // a time or number: from a column of a text type trimmed, blank or a placeholder for no value =
  // none (dialects.ts noValueToNull); a typed column as it is
  const timeOf = (field: TicketField): string => {
    const c = spec.columns[field] as SourceColumn;
    return c.text ? d.timeFromText(d.ident(c.column), spec.timeZone ?? 'UTC', c.column) : d.epochSeconds(d.ident(c.column), c.column);
  };
  // a vocabulary key: SQL's, or parity's own for the values beyond ASCII it was given (spec.keys)
  const keyOf = (field: KeyedField): string => {
    const text = textOf(field);
    const valuesOf = new Map<string, string[]>();
    for (const [value, key] of Object.entries(spec.keys?.[field] ?? {})) valuesOf.set(key, [...(valuesOf.get(key) ?? []), value]);
    if (valuesOf.size === 0) return d.key(text);
    const whens = [...valuesOf].map(([key, values]) => `WHEN ${text} IN (${values.map((v) => d.string(v)).join(', ')}) THEN ${d.string(key)}`);
    return `CASE ${whens.join(' ')} ELSE ${d.key(text)} END`;
  };
  const numberOf = (c: SourceColumn): string => (c.text ? d.numberFromText(d.ident(c.column), c.column) : d.noNaN(d.double(d.ident(c.column), c.column)));
  for (const field of ['ticketId', 'channel', 'createdAt'] as const) {
    if (!spec.columns[field]) {
      throw new ParityError(`no ${field} column for the query`, { hint: `map one with columns.${field} in parity.config.json` });
    }
  }

  // durations in seconds: a timestamp minus the creation time, or a duration column in its unit
  const duration = (atField: TicketField, timeField: TicketField): string | null => {
    if (spec.columns[atField]) return `(${timeOf(atField)} - ${timeOf('createdAt')})`;
    const time = spec.columns[timeField];
    if (!time) return null;
    const unit = time.unit ?? 'seconds';
    if (unit === 'hms' || unit === 'mmss') {
      throw new ParityError(`${time.column}: ${unit === 'hms' ? 'HH:MM:SS' : 'MM:SS'} durations cannot be read by a database query`, {
        hint: `store the duration as a number of seconds or minutes and set columns.${timeField}.unit`,
      });
    }
    const factor = UNIT_SECONDS[unit];
    return factor === 1 ? numberOf(time) : `(${numberOf(time)} * ${numberLiteral(factor)})`;
  };
  const frSeconds = duration('firstResponseAt', 'firstResponseTime');
  const resSeconds = duration('resolvedAt', 'resolutionTime');
  const by = spec.by;
  const journeys = spec.journeys ?? null;

  const source = sourceSql(d, spec.source, protectBreaks);
  const r = [
    `SELECT`,
    `  ${textOf('ticketId')} AS id_txt,`,
    `  ${timeOf('createdAt')} AS created_s,`,
    `  ${textOf('channel')} AS raw_ch,`,
    `  ${keyOf('channel')} AS ch_key,`,
    `  ${col('direction') ? `LOWER(${textOf('direction')})` : d.nullText} AS dir_txt,`,
    // a spam or deleted flag of the ticket's own (normalise/status.ts flagValue)
    ...(col('spam') ? [`  LOWER(${textOf('spam')}) AS spam_txt,`] : []),
    ...(col('deleted') ? [`  LOWER(${textOf('deleted')}) AS del_txt,`] : []),
    `  ${frSeconds ?? d.double('NULL')} AS fr_s,`,
    `  ${resSeconds ?? d.double('NULL')} AS res_s,`,
    `  ${keyOf('status')} AS status_key,`,
    `  ${textOf('category')} AS cat,`,
    `  ${textOf('priority')} AS pri,`,
    `  ${by ? textOf(by) : d.nullText} AS byv,`,
    `  ${spec.columns.followers ? followersOf(d, col('followers') as string, numberOf(spec.columns.followers)) : d.double('NULL')} AS followers${journeys ? ',' : ''}`,
    ...(journeys
      ? [
          `  ${textOf('customerId')} AS cust,`,
          `  ${textOf('isPublic')} AS pub_txt,`,
          `  ${textOf('subject')} AS subj,`,
          `  ${textOf('text')} AS txt,`,
          `  ${textOf('tags')} AS tags_txt`,
        ]
      : []),
    `FROM ${source}`,
  ].join('\n');

  const chKey = 'ch_key';
  const { channel, outbound } = channelCase(d, chKey, spec);
  // (normalise/channel.ts isOutboundDirection)
  const directions = [...OUTBOUND_DIRECTION_PREFIXES.map((p) => `dir_txt LIKE ${d.string(`${p}%`)}`), ...OUTBOUND_DIRECTION_WORDS.map((w) => `dir_txt = ${d.string(w)}`)];
  // spam or deleted by its status (normalise/status.ts), as in-process
  // or by a flag of its own that is set (normalise/status.ts flagValue): a true word, a number
  // other than 0, and for deleted a date or time
  const flagSet = (text: string, timeMeansSet: boolean): string => {
    const set = [
      `${text} IN (${BOOLEAN_WORDS.true.map((w) => d.string(w)).join(', ')})`,
      `(${d.matches(text, FLAG_NUMBER_PATTERN)} AND NOT ${d.matches(text, FLAG_ZERO_PATTERN)})`,
      ...(timeMeansSet ? [d.matches(text, FLAG_DATE_PATTERN)] : []),
    ];
    return `(${text} IS NOT NULL AND (${set.join(' OR ')}))`;
  };
  const flags = [...(col('spam') ? [flagSet('spam_txt', false)] : []), ...(col('deleted') ? [flagSet('del_txt', true)] : [])];
  const discarded = [`status_key IN (${STATUS_VOCABULARY.discarded.map((k) => d.string(k)).join(', ')})`, ...flags].join(' OR ');
  for (const v of spec.outboundDirections ?? []) directions.push(`dir_txt = ${d.string(v.toLowerCase())}`);
  const reasons = [
    `WHEN id_txt IS NULL THEN ${d.string('missing-id')}`,
    // a spam or deleted row without a creation time, or with one outside the years 1 to 9999, is
    // rejected as spam or deleted, as in-process (normalise/rows.ts)
    `WHEN (created_s IS NULL OR created_s < ${numberLiteral(FIRST_TIME)} OR created_s > ${numberLiteral(LAST_TIME)}) AND (${discarded}) THEN ${d.string('discarded')}`,
    `WHEN created_s IS NULL THEN ${d.string('missing-created')}`,
    // outside the years 1 to 9999, as in-process (normalise/time.ts inCalendar)
    `WHEN created_s < ${numberLiteral(FIRST_TIME)} OR created_s > ${numberLiteral(LAST_TIME)} THEN ${d.string('bad-created')}`,
    ...(spec.since !== null ? [`WHEN created_s < ${numberLiteral(spec.since)} THEN ${d.string('outside-period')}`] : []),
    ...(spec.until !== null ? [`WHEN created_s >= ${numberLiteral(spec.until)} THEN ${d.string('outside-period')}`] : []),
    ...(spec.asOf !== null ? [`WHEN created_s > ${numberLiteral(spec.asOf)} THEN ${d.string('after-as-of')}`] : []),
    `WHEN ${outbound} = 1 THEN ${d.string('outbound')}`,
    `WHEN ${directions.join(' OR ')} THEN ${d.string('outbound')}`,
    `WHEN ${discarded} THEN ${d.string('discarded')}`,
  ];
  const statusList = (keys: readonly string[]): string => keys.map((k) => d.string(k)).join(', ');
  const statusClass = [
    `CASE WHEN status_key IN (${statusList(STATUS_VOCABULARY.resolved)}) THEN ${d.string('resolved')}`,
    ` WHEN status_key IN (${statusList(STATUS_VOCABULARY.open)}) OR ${STATUS_VOCABULARY.openPrefixes.map((p) => `status_key LIKE ${d.string(`${p}%`)}`).join(' OR ')} THEN ${d.string('open')}`,
    ` ELSE ${d.string('unknown')} END`,
  ].join('');
  const c = [
    `SELECT`,
    `  id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,`,
    `  ${channel} AS channel,`,
    `  CASE ${reasons.join(' ')} ELSE ${d.nullText} END AS reason,`,
    ...(spec.asOf === null && (spec.since !== null || spec.until !== null) ? [`  CASE WHEN ${outbound} = 1 OR ${directions.join(' OR ')} OR ${discarded} THEN 1 ELSE 0 END AS outbound_row,`] : []),
    `  ${statusClass} AS status_class${journeys ? ',' : ''}`,
    ...(journeys ? [`  ${cueColumns(d, spec, journeys).join(', ')}`] : []),
    `FROM ${ref(d, 'r', r)}`,
  ].join('\n');

  const afterAsOf = (seconds: string): string => (spec.asOf !== null ? `WHEN created_s + ${seconds} > ${numberLiteral(spec.asOf)} THEN 'w' ` : '');
  // a duration that puts the reply or resolution after the year 9999 is left out, as in-process
  const pastCalendar = (seconds: string): string => `WHEN created_s + ${seconds} > ${numberLiteral(LAST_TIME)} THEN NULL `;
  const frKind = frSeconds ? `CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL ${pastCalendar('fr_s')}${afterAsOf('fr_s')}ELSE 'e' END` : 'NULL';
  const resKind = resSeconds
    ? `CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL ${pastCalendar('res_s')}${afterAsOf('res_s')}ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END`
    : 'NULL';
  const bands = bandsFromEdges(spec.bands);
  const bandWhens = bands
    .filter((b) => b.max !== null)
    .map((b) => `WHEN followers < ${numberLiteral(b.max as number)} THEN ${d.string(b.label)}`);
  const lastBand = bands[bands.length - 2]?.label ?? 'unknown';
  // (no follower count, or one parity does not read: followersOf)
  const band = `CASE WHEN followers IS NULL THEN ${d.string('unknown')} ${bandWhens.join(' ')} ELSE ${d.string(lastBand)} END`;
  const tColumns = [
    `SELECT`,
    `  created_s, raw_ch, channel, cat, pri, fr_s, res_s,`,
    `  ${by ? `COALESCE(byv, ${d.string(noValueLabel(by))})` : d.nullText} AS byv,`,
    `  ${band} AS band,`,
    `  concat(${band}, ${d.string(' / ')}, channel) AS bandch,`,
    `  ${frKind} AS fr_kind,`,
    `  ${resKind} AS res_kind,`,
    `  CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,`,
    `  CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,`,
    `  id_txt${journeys ? ', cust, pub, shout, cap_untested, esc' : ''}`,
  ];
  const t = [...tColumns, `FROM ${ref(d, 'c', c)}`, `WHERE reason IS NULL`].join('\n');

  // Latest timestamp among the used tickets: creation, an answer, a resolution (as in-process),
  // and, with --since/--until, among the rows only the period leaves out: the export is as old
  // as its latest time, whatever the period (as in-process: normalise/rows.ts). Those are read
  // from the rows before the period's filter, with the same kinds (no --as-of here). A
  // resolution counts whatever the status: a reopened ticket's (open status) is not measured,
  // but the export was taken after it, so it is a time of the data as any other (a readable,
  // non-negative one in the calendar, as in-process).
  const frEnd = (kind: string): string => (frSeconds ? `CASE WHEN ${kind} = 'e' THEN created_s + fr_s ELSE created_s END` : 'created_s');
  const resEnd = resSeconds ? `CASE WHEN res_s >= 0 AND created_s + res_s <= ${numberLiteral(LAST_TIME)} THEN created_s + res_s ELSE created_s END` : 'created_s';
  const period = spec.since !== null || spec.until !== null;
  const latest = period
    ? `SELECT ${d.ceilSeconds(d.max(d.greatest(frEnd(`(${frKind})`), resEnd)))} FROM ${ref(d, 'c', c)} WHERE reason IS NULL OR (reason = ${d.string('outside-period')} AND outbound_row = 0)`
    : `SELECT ${d.ceilSeconds(d.max(d.greatest(frEnd('fr_kind'), resEnd)))} FROM ${ref(d, 't', t)}`;
  // whole seconds (rounded half up), as in-process: every age is measured to it
  const asOf = spec.asOf !== null ? numberLiteral(Math.ceil(spec.asOf)) : `(${latest})`;

  const age = d.greatest('0', `${asOf} - created_s`);
  const metricRows = (metric: string, seconds: string, kind: string): string =>
    [
      `SELECT bandch, byv, cat, pri, ${d.string(metric)} AS metric,`,
      `  ${d.wholeSeconds(`CASE WHEN ${kind} = 'e' THEN ${seconds} ELSE ${age} END`)} AS seconds, ${kind} AS kind`,
      `FROM ${ref(d, 't', t)}`,
      `WHERE ${kind} IS NOT NULL`,
    ].join('\n');
  const m = `${metricRows('firstResponse', 'fr_s', 'fr_kind')}\nUNION ALL\n${metricRows('resolution', 'res_s', 'res_kind')}`;

  // The select list every branch of the final union shares, with types made explicit.
  const row = (dimension: string, group: string, category: string, priority: string, metric: string, seconds: string, ended: string, waiting: string): string =>
    `SELECT ${d.text(dimension)} AS ${d.ident('dimension')}, ${d.text(group)} AS ${d.ident('group')}, ${d.text(category)} AS ${d.ident('category')}, ` +
    `${d.text(priority)} AS ${d.ident('priority')}, ${d.text(metric)} AS ${d.ident('metric')}, ${d.float(seconds)} AS ${d.ident('seconds')}, ` +
    `${d.int(ended)} AS ${d.ident('ended')}, ${d.int(waiting)} AS ${d.ident('waiting')}`;
  const NULL = d.nullText;
  const cells = (dimension: string, groupColumn: string): string =>
    `${row(d.string(dimension), groupColumn, 'cat', 'pri', 'metric', 'seconds', d.sum(`CASE WHEN kind = 'e' THEN 1 ELSE 0 END`), d.sum(`CASE WHEN kind = 'w' THEN 1 ELSE 0 END`))}\n` +
    `FROM ${ref(d, 'm', m)}\nGROUP BY ${groupColumn}, cat, pri, metric, seconds`;
  // Every ticket of a group and stratum, whether or not it takes part in a duration metric.
  const ticketCells = (dimension: string, groupColumn: string): string =>
    `${row(d.string(dimension), groupColumn, 'cat', 'pri', d.string('tickets'), '0', d.count(), '0')}\n` +
    `FROM ${ref(d, 't', t)}\nGROUP BY ${groupColumn}, cat, pri`;
  const metaRow = (group: string, fields: { category?: string; metric?: string; seconds?: string; ended?: string }, from: string | null, tail = ''): string =>
    `${row(d.string('meta'), d.string(group), fields.category ?? NULL, NULL, fields.metric ?? NULL, fields.seconds ?? 'NULL', fields.ended ?? '0', '0')}${from ? `\nFROM ${from}` : ''}${tail}`;

  const journeyContext = (): JourneyContext => ({
    d,
    spec,
    j: journeys as JourneySpec,
    t: ref(d, 't', t),
    ref: (name, layer) => ref(d, name, layer),
    row,
    asOf,
    hasFirstResponse: frSeconds !== null,
    hasResolution: resSeconds !== null,
  });
  const header = `-- parity count table (${FLAT_COLUMNS.join(', ')}), ${d.id} dialect\n`;
  if (!d.ctes) {
    // ClickHouse: every row's cells and counts from one scan of the rows (oneScan.ts), then the
    // facts that are not sums (the first and last creation time, the as-of time, repeated ids)
    const parts = journeys ? journeyParts(journeyContext()) : null;
    const last = tColumns[tColumns.length - 1] as string;
    // every row (the rejected ones add to `rows` and `rejected` only), and the as-of time once
    const u = [...tColumns.slice(0, -1), `${last},`, `  reason,`, `  ${asOf} AS p_as_of`, `FROM ${ref(d, 'c', c)}`].join('\n');
    const scanned = oneScan(d, `(\n${indent(u)}\n)`, [...rowCells(), ...(parts?.ticketCells ?? [])], row);
    const facts = [
      metaRow('asOf', { seconds: d.wholeSeconds(asOf) }, null),
      repeatedIds(),
      ...constantFacts(),
      ...(parts?.branches ?? []),
    ];
    return `${header}${[scanned, ...facts].join('\nUNION ALL\n')}\n`;
  }
  /** What one row adds to (oneScan.ts): the branches' cells and sums, over the `u` layer. */
  function rowCells(): ScanCell[] {
    const used = 'reason IS NULL';
    const fact = (group: string, keep: string, fields: { category?: string; metric?: string; ended?: string }): ScanCell => ({
      keep,
      dimension: d.string('meta'),
      group: d.string(group),
      category: fields.category ?? NULL,
      priority: NULL,
      metric: fields.metric ?? NULL,
      seconds: null,
      ended: fields.ended ?? '1',
      waiting: '0',
      always: group !== 'rejected',
    });
    const scanAge = d.greatest('0', `p_as_of - created_s`);
    const cellsOf = (dimension: string, group: string): ScanCell[] => {
      const cell = (metric: string, seconds: string, kind: string): ScanCell => ({
        keep: `${used} AND ${kind} IS NOT NULL`,
        dimension: d.string(dimension),
        group,
        category: 'cat',
        priority: 'pri',
        metric: d.string(metric),
        seconds: d.wholeSeconds(`CASE WHEN ${kind} = 'e' THEN ${seconds} ELSE ${scanAge} END`),
        ended: `CASE WHEN ${kind} = 'e' THEN 1 ELSE 0 END`,
        waiting: `CASE WHEN ${kind} = 'w' THEN 1 ELSE 0 END`,
      });
      const tickets: ScanCell = { keep: used, dimension: d.string(dimension), group, category: 'cat', priority: 'pri', metric: d.string('tickets'), seconds: '0', ended: '1', waiting: '0' };
      return [...(frSeconds ? [cell('firstResponse', 'fr_s', 'fr_kind')] : []), ...(resSeconds ? [cell('resolution', 'res_s', 'res_kind')] : []), tickets];
    };
    const measured = (kind: string): string => `CASE WHEN ${kind} IS NOT NULL THEN 1 ELSE 0 END`;
    return [
      // no channel cells: a channel is the sum of its band × channel cells (measure/counts.ts)
      ...cellsOf('bandChannel', 'bandch'),
      ...(by ? cellsOf('by', 'byv') : []),
      fact('rows', '1', {}),
      fact('rejected', 'reason IS NOT NULL', { category: 'reason' }),
      fact('tickets', used, {}),
      fact('negative', used, { metric: d.string('firstResponse'), ended: 'fr_neg' }),
      fact('negative', used, { metric: d.string('resolution'), ended: 'res_neg' }),
      fact('measured', used, { metric: d.string('firstResponse'), ended: measured('fr_kind') }),
      fact('measured', used, { metric: d.string('resolution'), ended: measured('res_kind') }),
      // the first and last creation times as they are (see the branches below): none without a ticket
      { ...fact('createdFrom', used, { ended: '0' }), seconds: 'created_s', secondsOf: 'min', always: false },
      { ...fact('createdTo', used, { ended: '0' }), seconds: 'created_s', secondsOf: 'max', always: false },
      {
        keep: used,
        dimension: d.string('rawChannel'),
        group: `COALESCE(raw_ch, ${d.string('(empty)')})`,
        category: 'channel',
        priority: NULL,
        metric: NULL,
        seconds: null,
        ended: '1',
        waiting: '0',
      },
    ];
  }
  function repeatedIds(): string {
    // used rows whose id an earlier used row has: counted each (a query has no file order to keep
    // the first by, as parity's own reading does), so the report says how many (describe.ts)
    return metaRow('repeatedIds', { ended: d.sum(`n - 1`) }, `(\n${indent(`SELECT ${d.count()} AS n\nFROM ${ref(d, 't', t)}\nGROUP BY id_txt\nHAVING ${d.count()} > 1`)}\n) ${d.id === 'clickhouse' ? '' : 'AS '}${d.ident('parity_repeats')}`);
  }
  function constantFacts(): string[] {
    return [
      ...(by ? [metaRow('by', { category: d.string(by) }, null)] : []),
      metaRow('clock', { category: d.string(spec.clock) }, null),
      // business durations given as columns; the ages of open tickets are as-of − created, calendar time
      ...(spec.clock === 'business' ? [metaRow('waitingClock', { category: d.string('calendar') }, null)] : []),
      // a note's position in `seconds`: grouped results (seriesQuery) do not keep row order
      ...spec.notes.map((note, k) => metaRow('note', { category: d.string(note), seconds: String(k) }, null)),
    ];
  }

  const branches = [
    // no channel cells: a channel is the sum of its band × channel cells (measure/counts.ts)
    cells('bandChannel', 'bandch'),
    ...(by ? [cells('by', 'byv')] : []),
    ticketCells('bandChannel', 'bandch'),
    ...(by ? [ticketCells('by', 'byv')] : []),
    metaRow('rows', { ended: d.count() }, ref(d, 'c', c)),
    metaRow('rejected', { category: 'reason', ended: d.count() }, ref(d, 'c', c), '\nWHERE reason IS NOT NULL\nGROUP BY reason'),
    metaRow('tickets', { ended: d.count() }, ref(d, 't', t)),
    repeatedIds(),
    // the first and last creation times as they are, fractions of a second included, as the
    // in-process report's period (measure/counts.ts): a time, not a duration (seconds is a double)
    metaRow('createdFrom', { seconds: d.min('created_s') }, ref(d, 't', t)),
    metaRow('createdTo', { seconds: d.max('created_s') }, ref(d, 't', t)),
    metaRow('asOf', { seconds: d.wholeSeconds(asOf) }, null),
    metaRow('negative', { metric: d.string('firstResponse'), ended: d.sum('fr_neg') }, ref(d, 't', t)),
    metaRow('negative', { metric: d.string('resolution'), ended: d.sum('res_neg') }, ref(d, 't', t)),
    metaRow('measured', { metric: d.string('firstResponse'), ended: d.sum(`CASE WHEN fr_kind IS NOT NULL THEN 1 ELSE 0 END`) }, ref(d, 't', t)),
    metaRow('measured', { metric: d.string('resolution'), ended: d.sum(`CASE WHEN res_kind IS NOT NULL THEN 1 ELSE 0 END`) }, ref(d, 't', t)),
    ...constantFacts(),
    `${row(d.string('rawChannel'), `COALESCE(raw_ch, ${d.string('(empty)')})`, 'channel', NULL, NULL, 'NULL', d.count(), '0')}\nFROM ${ref(d, 't', t)}\nGROUP BY raw_ch, channel`,
  ];
  const journeyLayers: Array<[string, string]> = [];
  if (journeys) {
    const parts = journeyParts(journeyContext());
    branches.push(...parts.branches);
    journeyLayers.push(...parts.layers);
  }
  const body = branches.join('\nUNION ALL\n');
  const layers: Array<[string, string]> = [['r', r], ['c', c], ['t', t], ['m', m], ...journeyLayers];
  return `${header}WITH\n${layers.map(([name, layer]) => `${name} AS (\n${indent(layer)}\n)`).join(',\n')}\n${body}\n`;
}


function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}

/** A layer by name (dialects with CTEs) or inline as a subquery (ClickHouse 18). */
function ref(d: Dialect, name: string, body: string): string {
  return d.ctes ? name : `(\n${indent(body)}\n)`;
}

/**
 * Cells in one row of the series query at most: Postgres cuts a series every 16,384 cells,
 * ClickHouse every 16,384 seconds of duration (whole seconds: as many cells at most). A whole
 * channel of a 50M-ticket table is millions of cells: as one row its text (about 14 bytes a cell)
 * and the arrays the driver parses it into were most of parity's memory while the result streamed
 * in (measured: 108 MB of JavaScript heap at the peak of a 50M ClickHouse audit). Cut, a row is at
 * most about 230 kB of text, and a series' rows arrive in order, so the reader still packs it as
 * it comes.
 */
export const SERIES_ROW_CELLS = 16384;

/**
 * A flat row's missing seconds in the series query's arrays: far outside any epoch second or
 * duration (a creation time before 1970 is negative, so -1 would not do), exact in a double.
 */
export const NO_SECONDS = -1e15;

/**
 * The count query grouped into series — dimension, group, category, priority, metric, then the
 * seconds, ended and waiting of its cells as three arrays of doubles (a `meta` row's missing
 * seconds as NO_SECONDS), sorted by seconds and cut into rows of SERIES_ROW_CELLS cells — for the
 * servers parity reads itself (Postgres, ClickHouse; DuckDB sorts instead, duckdb.ts
 * sortedSeries): the text columns cross the wire once per row of cells instead of once per cell,
 * and the reader packs each series as it comes (measure/counts.ts CountTableReader.series). Same
 * cells as the flat query; `parity sql` and `--counts` keep the flat form.
 */
export function seriesQuery(flat: string, id: 'postgres' | 'clickhouse'): string {
  const d = dialectOf(id);
  const keys = ['dimension', 'group', 'category', 'priority', 'metric'].map((c) => `f.${d.ident(c)}`);
  const seconds = `f.${d.ident('seconds')}`;
  const column = (c: 'seconds' | 'ended' | 'waiting'): string => (c === 'seconds' ? `COALESCE(${seconds}, ${NO_SECONDS})` : `f.${d.ident(c)}`);
  const list = (c: 'seconds' | 'ended' | 'waiting'): string => {
    // groupArray skips NULLs: every array element must be there, or the three arrays disagree
    // (seconds is a Float64 column: its stand-in a Float64 too, release 18 has no common type of Float64 and Int64)
    if (id === 'clickhouse') return `groupArray(toFloat64(ifNull(f.${d.ident(c)}, ${c === 'seconds' ? `toFloat64(${NO_SECONDS})` : 0})))`;
    return `array_agg(CAST(${column(c)} AS DOUBLE PRECISION) ORDER BY ${seconds})`;
  };
  const names = ['dimension', 'group', 'category', 'priority', 'metric'].map((c) => d.ident(c));
  const n = SERIES_ROW_CELLS;
  if (id === 'clickhouse') {
    // A series in pieces of SERIES_ROW_CELLS seconds (durations are whole seconds, so at most that
    // many cells a piece), grouped straight from the flat rows: a whole series is never one array
    // on the server either (slicing one with ARRAY JOIN copies it into every piece, and ClickHouse
    // 18 has no window functions to number the cells). Each piece sorted by seconds, the three
    // arrays by the same key, and the pieces in order of series and seconds: the reader packs a
    // series as it comes, where an unsorted one is buffered until the end (about 3 bytes a cell).
    // In a query of its own around the grouping: ClickHouse resolves a column named as an output
    // alias to the alias.
    const piece = `intDiv(toInt64(ifNull(${seconds}, toFloat64(${NO_SECONDS}))), ${n})`;
    return [
      `SELECT ${names.join(', ')},`,
      `  arraySort(parity_s) AS ${d.ident('seconds')}, arraySort((v, k) -> k, parity_e, parity_s) AS ${d.ident('ended')}, arraySort((v, k) -> k, parity_w, parity_s) AS ${d.ident('waiting')}`,
      'FROM (',
      `SELECT ${keys.map((k, i) => `${k} AS ${names[i]}`).join(', ')}, ${piece} AS parity_p,`,
      `  ${list('seconds')} AS parity_s, ${list('ended')} AS parity_e, ${list('waiting')} AS parity_w`,
      // not indented: a line break inside a quoted name or the user's query is part of it
      `FROM (\n${flat.trimEnd()}\n) f`,
      `GROUP BY ${keys.join(', ')}, parity_p`,
      ')',
      `ORDER BY ${names.join(', ')}, parity_p`,
    ].join('\n');
  }
  {
    // Postgres: sorted by array_agg's ORDER BY, then cut into rows of SERIES_ROW_CELLS cells in order.
    const slice = (a: string, out: string): string => `g.${a}[parity_i:parity_i + ${n - 1}] AS ${d.ident(out)}`;
    return [
      `SELECT ${names.map((c) => `g.${c}`).join(', ')}, ${slice('parity_s', 'seconds')}, ${slice('parity_e', 'ended')}, ${slice('parity_w', 'waiting')}`,
      'FROM (',
      `SELECT ${keys.map((k, i) => `${k} AS ${names[i]}`).join(', ')},`,
      `  ${list('seconds')} AS parity_s, ${list('ended')} AS parity_e, ${list('waiting')} AS parity_w`,
      // not indented: a line break inside a quoted name or the user's query is part of it
      `FROM (\n${flat.trimEnd()}\n) AS f`,
      `GROUP BY ${keys.join(', ')}`,
      // (no ORDER BY: a series' rows come together and in order from the lateral join; were they
      // not, the reader would buffer the series and sort it, the same cells)
      `) AS g CROSS JOIN LATERAL generate_series(1, cardinality(g.parity_s), ${n}) AS parity_i`,
    ].join('\n');
  }
}
