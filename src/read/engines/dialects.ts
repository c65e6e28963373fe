/**
 * SQL dialects parity writes its aggregation query in: how each quotes identifiers and string
 * literals, turns a timestamp into epoch seconds, casts, and normalises a text value to the
 * channel vocabulary's key. Kept to the few functions the count query uses, so each dialect
 * is one small table to check against its manual. No library fits: query builders (knex,
 * kysely) cover Postgres-like dialects but not ClickHouse 18, BigQuery, Snowflake and
 * Databricks together, and parity needs the exact expression text to be the same everywhere.
 *
 * Quoting is the safety boundary: every identifier and every value from a config, a flag or
 * the data goes through `ident` / `string`, which escape the dialect's quote and escape
 * characters and refuse NUL, so no name or value can end a literal and change the query.
 */
import { ParityError } from '../../errors.js';
import { NO_VALUE } from '../../normalise/rows.js';

export const DIALECTS = ['duckdb', 'postgres', 'clickhouse', 'bigquery', 'snowflake', 'databricks'] as const;

/**
 * The count query is longer than ClickHouse's defaults allow (262,144 bytes, 50,000 syntax-tree
 * elements): parity's connection raises them for its query (clickhouse.ts), and `parity sql`
 * prints them as SET statements above the query it prints.
 */
export const CLICKHOUSE_QUERY_LIMITS = { max_query_size: '16777216', max_ast_elements: '10000000', max_expanded_ast_elements: '10000000' } as const;
export type DialectId = (typeof DIALECTS)[number];
/** The dialects parity connects to itself (for the others it prints the query). */
export type LiveDialectId = Extract<DialectId, 'duckdb' | 'postgres' | 'clickhouse'>;

export interface Dialect {
  readonly id: DialectId;
  /** Whether the dialect has WITH … AS (…) common table expressions. */
  readonly ctes: boolean;
  /** A quoted identifier (one name part). */
  ident(name: string): string;
  /** A string literal. */
  string(value: string): string;
  /**
   * A timestamp expression → epoch seconds (possibly fractional). `column`: the source column it
   * reads, for a dialect that learns only in the query whether the column is text (DuckDB).
   */
  epochSeconds(expr: string, column?: string): string;
  /**
   * A column of a text type holding ISO 8601 timestamps → epoch seconds: trimmed of WHITESPACE,
   * blank or a placeholder for no value ({@link noValueToNull}) = NULL, as parity reads a file's
   * cell; `timeZone` for a time without an offset where the session's zone does not apply
   * (ClickHouse). A value that is not ISO 8601 as parity reads it ({@link ISO_TIME}) stops the
   * query, its message quoting the value and `column`.
   */
  timeFromText(expr: string, timeZone: string, column: string): string;
  /**
   * The statement that makes a session read a time without an offset (text, or a timestamp type
   * without a zone) in `zone`, run before the count query: parity's own connections run it, and
   * `parity sql` prints it above the query. Null where the query names the zone itself
   * (ClickHouse's text; its DateTime is an instant).
   */
  sessionTimeZone(zone: string): string | null;
  /**
   * A column of a text type holding plain numbers ({@link PLAIN_NUMBER}) → floating point: trimmed,
   * blank or a placeholder for no value ({@link noValueToNull}) = NULL; any other value stops the
   * query.
   */
  numberFromText(expr: string, column: string): string;
  /** Whether text matches a regular expression (RE2 / POSIX syntax common to the engines; NULL for NULL). */
  matches(text: string, pattern: string): string;
  /** Cast to text / whole number / floating point. */
  text(expr: string): string;
  int(expr: string): string;
  /** Cast to floating point (`column` as for epochSeconds: a source column's text is read as numberFromText reads it). */
  double(expr: string, column?: string): string;
  /** Cast of a number (never text) to floating point. */
  float(expr: string): string;
  /**
   * A floating-point value with NaN made NULL: a typed column's NaN (a float or numeric NaN, a
   * Parquet or pandas "no value") is no value, as the text `NaN` is in a file (NO_VALUE), so a
   * NaN first-response time is a ticket not answered and a NaN follower count band `unknown`.
   * The engines disagree on NaN = NaN (true in Postgres, DuckDB, Snowflake and Spark, false in
   * ClickHouse and BigQuery), so each says it its own way.
   */
  noNaN(expr: string): string;
  /** NULL of text type. */
  readonly nullText: string;
  /** Trim the whitespace JavaScript's trim() removes (WHITESPACE), then NULL when empty. */
  blankToNull(expr: string): string;
  /** `text` without WHITESPACE at either end. */
  trimWhite(text: string): string;
  /** Lower case, letters and digits only (the vocabulary key). */
  key(expr: string): string;
  /** Greater of two values. */
  greatest(a: string, b: string): string;
  /** Round half up to a whole number (the count table's rule). */
  wholeSeconds(expr: string): string;
  /** Round up to a whole number (the as-of time taken from the data: no time of the data lies after it). */
  ceilSeconds(expr: string): string;
  /** Sum of a 0/1 expression as a whole number (0 for no rows). */
  sum(expr: string): string;
  count(): string;
  min(expr: string): string;
  max(expr: string): string;
  // Text functions of the loudness cues (read/engines/journeysSql.ts):
  /** Strings joined (no argument is NULL where they are used). */
  concat(...parts: string[]): string;
  /** 1-based position of `needle` in `haystack`, 0 when absent. */
  position(haystack: string, needle: string): string;
  /** Length in characters. */
  charLength(expr: string): string;
  /** Every match of a regular expression (given as text) replaced by `replacement`. */
  replaceAll(expr: string, pattern: string, replacement?: string): string;
  /** Whether the text is ASCII throughout (a UTF-8 byte per character). */
  asciiOnly(expr: string): string;
}

function refuseNul(text: string, what: string): void {
  if (text.includes('\u0000')) throw new ParityError(`${what} contains a NUL character`, { hint: 'remove it from the configuration' });
}

/** `"a""b"` style (SQL standard). */
function doubleQuoted(name: string): string {
  refuseNul(name, `identifier "${name}"`);
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Snowflake's identifiers as Snowflake resolves them: an unquoted name is stored upper-case, so
 * a name that could be written unquoted (a letter or _, then letters, digits, _ or $) is
 * matched upper-cased — `created_at` finds the column CREATED_AT, as `SELECT created_at` would,
 * and a Fivetran or dbt table's columns are upper-case. A name that could only be written in
 * quotes (a space, a hyphen, a letter beyond ASCII) is matched exactly, and so is one given in
 * double quotes (`"created_at"` for a column made lower-case with quotes). Always written
 * quoted, so that no name is read as a keyword.
 */
export function snowflakeIdent(name: string): string {
  if (/^"(?:[^"]|"")*"$/.test(name)) {
    const exact = name.slice(1, -1).replace(/""/g, '"');
    if (exact === '') throw new ParityError('a Snowflake name in double quotes is empty ("")', { hint: 'give the table or column its name' });
    return doubleQuoted(exact);
  }
  return doubleQuoted(/^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) ? name.toUpperCase() : name);
}

/**
 * Characters no literal holds as they are: C0 and C1 controls (tab and line breaks included), the
 * line and paragraph separators, bidirectional controls and the byte-order mark. The guard on
 * parity's output writes them as visible `\u` escapes (text/sanitise.ts), which turned a printed
 * query into one that no engine accepts (the tag separators' pattern holds \v, \f, U+2028, …);
 * a literal writes them in the dialect's own escape syntax instead, so the same text means the
 * same value and prints safely.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'g');

/** `\u2028`-style escape (BigQuery, Snowflake, Databricks, Postgres E'' strings). */
function unicodeEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `\xE2\x80\xA8`: the character's UTF-8 bytes (ClickHouse, whose strings are bytes). */
function byteEscapes(ch: string): string {
  return [...Buffer.from(ch, 'utf8')].map((b) => `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** Standard string literal: only the quote is special (the caller has checked there is nothing unprintable). */
function standardString(value: string): string {
  refuseNul(value, 'a value');
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * DuckDB: a standard literal, and an unprintable character as `chr(code)` joined to its
 * neighbours (DuckDB's `chr` takes any Unicode code point; its literals have no escapes).
 */
function duckdbString(value: string): string {
  if (!UNPRINTABLE.test(value)) return standardString(value);
  refuseNul(value, 'a value');
  const parts: string[] = [];
  let last = 0;
  for (const m of value.matchAll(UNPRINTABLE_ALL)) {
    if (m.index > last) parts.push(standardString(value.slice(last, m.index)));
    parts.push(`chr(${(m[0] as string).charCodeAt(0)})`);
    last = m.index + 1;
  }
  if (last < value.length) parts.push(standardString(value.slice(last)));
  return `(${parts.join(' || ')})`;
}

/**
 * Backslash-escaping string literal (ClickHouse, BigQuery, Snowflake, Databricks, Postgres E''):
 * the backslash, the quote, and every unprintable character escaped (`escape`: the dialect's form).
 */
function backslashString(value: string, escape: (ch: string) => string = unicodeEscape): string {
  refuseNul(value, 'a value');
  return `'${value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(UNPRINTABLE_ALL, (ch) => (ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : escape(ch)))}'`;
}

function backtickBackslash(name: string): string {
  refuseNul(name, `identifier "${name}"`);
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

/**
 * What JavaScript's trim() removes, as parity trims every value it reads: the ASCII white space
 * (tab, line feed, vertical tab, form feed, carriage return, space) and Unicode's (no-break space,
 * the Ogham space mark, en to hair spaces, line and paragraph separators, narrow no-break, medium
 * mathematical and ideographic spaces, the byte-order mark). SQL's plain TRIM removes spaces only,
 * so `Billing\u00a0` or a tab before an id would be other values than parity's.
 */
export const WHITESPACE = ' \t\n\u000b\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * ISO 8601 text exactly as parity reads it in-process (normalise/time.ts: the ISO pattern, with
 * the ranges wallClockIn and offsetMinutes hold it to: month 1–12, day 1–31, hour 0–23 or 24:00
 * for the day's end, a leap second :60, an offset below ±24:00), for a value already trimmed.
 * Each engine's own reading of a time is wider than parity's — Postgres takes `now`, `epoch` and
 * US dates, DuckDB zone names and `+25:00`, ClickHouse's parseDateTimeBestEffort rolls
 * `2026-09-31` over to 1 October — so the count query reads a text time only when it matches this,
 * and stops at any other value ({@link unreadable}), as it stops at a value the engine cannot
 * read: a value read differently from in-process would be a different number. The days of a
 * month are left to Postgres' and DuckDB's casts, which refuse 31 September; ClickHouse checks
 * them itself (clickhouseCalendar).
 */
export const ISO_TIME =
  '^\\d{4}-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\\d|3[01])([Tt ](([01]?\\d|2[0-3]):[0-5]\\d(:([0-5]\\d|60)([.,]\\d+)?)?|24:00(:00([.,]0+)?)?))?\\s*(Z|z|UTC|GMT|[+-]([01]\\d|2[0-3])(:?[0-5]\\d)?)?$';

/** A number as the count query reads it from text (count.ts checks the sample against the same rule): digits, a minus sign, a decimal point. */
export const PLAIN_NUMBER = '^-?\\d+(\\.\\d+)?$';

/**
 * What a value the query refuses is turned into: text no engine reads as a time or a number, so
 * the engine's cast stops the query with a message that quotes it (Postgres "invalid input
 * syntax …", DuckDB "Conversion Error …", ClickHouse "Cannot parse string …"), the column named.
 */
export function unreadable(d: Dialect, what: 'time' | 'number', column: string, text: string): string {
  const label = what === 'time' ? `unreadable as an ISO 8601 time (column ${column}): ` : `unreadable as a plain number (column ${column}): `;
  return d.concat(d.string(label), text);
}

/**
 * `read(text)` when `text` (trimmed, NULL when blank) matches `pattern` or is NULL, else `fail`
 * of {@link unreadable}'s text (by default `read`): the conversion that stops the query. For the
 * dialects whose CASE evaluates only the branch a row takes (all but ClickHouse).
 */
function guarded(d: Dialect, text: string, pattern: string, what: 'time' | 'number', column: string, read: (text: string) => string, fail: (text: string) => string = read): string {
  return `CASE WHEN ${text} IS NULL OR ${d.matches(text, pattern)} THEN ${read(text)} ELSE ${fail(unreadable(d, what, column, text))} END`;
}

/**
 * A source column's text (trimmed, NULL when blank) with the placeholders for no value made NULL
 * too (`NULL`, `\N`, `n/a`, … in any case: normalise/rows.ts NO_VALUE, the one list), as parity
 * reads them in-process in every column: an empty cell — no ticket id (`missing-id`), no creation
 * time (`missing-created`), not answered or not resolved yet, no channel, customer, category,
 * status, follower count (read/engines/sql.ts). None of them has a letter beyond ASCII, so each
 * engine's lower case (ClickHouse's is ASCII only) finds the same ones as parity's.
 */
export function noValueToNull(d: Dialect, text: string): string {
  const lower = d.id === 'clickhouse' ? 'lower' : 'LOWER';
  return `CASE WHEN ${lower}(${text}) IN (${NO_VALUE.map((w) => d.string(w)).join(', ')}) THEN ${d.nullText} ELSE ${text} END`;
}

const common = {
  float(this: Dialect, expr: string): string {
    return this.double(expr);
  },
  timeFromText(this: Dialect, expr: string, _timeZone: string, column: string): string {
    return guarded(this, noValueToNull(this, this.blankToNull(expr)), ISO_TIME, 'time', column, (t) => this.epochSeconds(t));
  },
  numberFromText(this: Dialect, expr: string, column: string): string {
    return guarded(this, noValueToNull(this, this.blankToNull(expr)), PLAIN_NUMBER, 'number', column, (t) => this.double(t));
  },
  matches(this: Dialect, text: string, pattern: string): string {
    return `REGEXP_CONTAINS(${text}, ${this.string(pattern)})`;
  },
  blankToNull(this: Dialect, expr: string): string {
    return `NULLIF(${this.trimWhite(this.text(expr))}, '')`;
  },
  trimWhite(this: Dialect, text: string): string {
    return `TRIM(${text}, ${this.string(WHITESPACE)})`;
  },
  key(expr: string): string {
    return `REGEXP_REPLACE(LOWER(${expr}), '[^a-z0-9]', '')`;
  },
  greatest(a: string, b: string): string {
    return `GREATEST(${a}, ${b})`;
  },
  wholeSeconds(this: Dialect, expr: string): string {
    return this.int(`FLOOR(${expr} + 0.5)`);
  },
  ceilSeconds(this: Dialect, expr: string): string {
    return this.int(`CEIL(${expr})`);
  },
  sum(this: Dialect, expr: string): string {
    return this.int(`COALESCE(SUM(${expr}), 0)`);
  },
  count(this: Dialect): string {
    return this.int('COUNT(*)');
  },
  min(expr: string): string {
    return `MIN(${expr})`;
  },
  max(expr: string): string {
    return `MAX(${expr})`;
  },
  concat(...parts: string[]): string {
    return `CONCAT(${parts.join(', ')})`;
  },
  position(haystack: string, needle: string): string {
    return `STRPOS(${haystack}, ${needle})`;
  },
  charLength(expr: string): string {
    return `CHAR_LENGTH(${expr})`;
  },
  replaceAll(this: Dialect, expr: string, pattern: string, replacement = ''): string {
    return `REGEXP_REPLACE(${expr}, ${this.string(pattern)}, ${this.string(replacement)})`;
  },
  asciiOnly(expr: string): string {
    return `OCTET_LENGTH(${expr}) = CHAR_LENGTH(${expr})`;
  },
};

const postgres: Dialect = {
  ...common,
  id: 'postgres',
  sessionTimeZone(zone) {
    return `SET TIME ZONE ${this.string(zone)}`;
  },
  ctes: true,
  ident: doubleQuoted,
  // E'' strings escape backslashes, so the literal means the same whatever
  // standard_conforming_strings says; they also write the unprintable characters (\\u2028).
  string: (value) => (value.includes('\\') || UNPRINTABLE.test(value) ? `E${backslashString(value)}` : standardString(value)),
  epochSeconds: (expr) => `EXTRACT(EPOCH FROM CAST(${expr} AS TIMESTAMPTZ))`,
  // Postgres reads every ISO 8601 shape parity reads but a decimal comma (`10:00:00,5`); an ISO
  // timestamp has no other comma (other styles are refused before the query: count.ts)
  timeFromText(expr, _timeZone, column) {
    return guarded(this, noValueToNull(this, this.blankToNull(expr)), ISO_TIME, 'time', column, (t) => this.epochSeconds(`REPLACE(${t}, ',', '.')`), (t) => this.epochSeconds(t));
  },
  matches(text, pattern) {
    return `(${text} ~ ${this.string(pattern)})`;
  },
  text: (expr) => `CAST(${expr} AS TEXT)`,
  int: (expr) => `CAST(${expr} AS BIGINT)`,
  double: (expr) => `CAST(${expr} AS DOUBLE PRECISION)`,
  noNaN: (expr) => `NULLIF(${expr}, CAST('NaN' AS DOUBLE PRECISION))`,
  nullText: 'CAST(NULL AS TEXT)',
  trimWhite(text) {
    return `BTRIM(${text}, ${this.string(WHITESPACE)})`;
  },
  key: (expr) => `REGEXP_REPLACE(LOWER(${expr}), '[^a-z0-9]', '', 'g')`,
  replaceAll(expr, pattern, replacement = '') {
    return `REGEXP_REPLACE(${expr}, ${this.string(pattern)}, ${this.string(replacement)}, 'g')`;
  },
};

/**
 * DuckDB: a value cast to `type`, and when it is text (a CSV read by DuckDB: every column is
 * text, duckdb.ts fileQuery), trimmed of WHITESPACE first and empty = NULL, as parity reads a
 * blank or padded timestamp or number in-process (a cell of one space failed the whole query);
 * a source column's value is NULL for a placeholder for no value as well ({@link noValueToNull}).
 * `typeof` of a column is a constant, so DuckDB keeps one branch: a typed column (Parquet) pays
 * nothing.
 */
function fromText(d: Dialect, expr: string, type: 'TIMESTAMPTZ' | 'DOUBLE', column: string | undefined): string {
  const blank = d.blankToNull(expr);
  const text = column !== undefined ? noValueToNull(d, blank) : blank;
  const cast =
    column === undefined
      ? type === 'TIMESTAMPTZ'
        ? duckdbIsoTime(d, text)
        : `CAST(${text} AS DOUBLE)`
      : type === 'TIMESTAMPTZ'
        ? guarded(d, text, ISO_TIME, 'time', column, (t) => duckdbIsoTime(d, t), (t) => `CAST(${t} AS TIMESTAMPTZ)`)
        : guarded(d, text, PLAIN_NUMBER, 'number', column, (t) => `CAST(${t} AS DOUBLE)`);
  return `CASE WHEN typeof(${expr}) = 'VARCHAR' THEN ${cast} ELSE CAST(${expr} AS ${type}) END`;
}

/** An ISO 8601 date and a time to the minute (normalise/time.ts ISO), as the patterns below start. */
const ISO_MINUTE = '\\d{4}-\\d{1,2}-\\d{1,2}[Tt ]\\d{1,2}:\\d{2}';

/**
 * DuckDB: ISO 8601 text as parity reads it (normalise/time.ts ISO). DuckDB's cast takes the common
 * shapes; the ones it refuses are rewritten into one it takes — a date with a zone and no time,
 * minutes without seconds (`10:00Z` → `10:00:00Z`), a decimal comma, `t`, `z`, `UTC`, `GMT` or a space before the zone, a leap second
 * (`:60`, read as the next minute's first, as in-process). Only a value the plain cast cannot read
 * (TRY_CAST NULL) goes through the rewrite; what it still cannot read fails with DuckDB's message.
 *
 * A value ending in `UTC` never reaches DuckDB's cast as it is written: the cast reads `UTC` as a
 * zone name and keeps that zone for every value without an offset it casts after it in the query,
 * on that thread, across chunks (`2026-11-02 10:00` after a `… 10:00:00 UTC` row was read as
 * 10:00 UTC under `SET TimeZone = 'Asia/Kolkata'`, where it is 04:30 UTC). So it takes the
 * rewrite, which writes `UTC` as `+00:00`, an offset, which leaves no zone behind; `GMT` too.
 */
function duckdbIsoTime(d: Dialect, text: string): string {
  const replace = (expr: string, pattern: string, replacement: string): string => `regexp_replace(${expr}, ${d.string(pattern)}, ${d.string(replacement)})`;
  const ZONE = '([zZ]|UTC|GMT|[+-]\\d{2}(:?\\d{2})?)';
  let rewritten = replace(text, '^(\\d{4}-\\d{1,2}-\\d{1,2})t', '\\1T');
  rewritten = replace(rewritten, `^(\\d{4}-\\d{1,2}-\\d{1,2})(\\s*${ZONE})$`, '\\1 00:00:00\\2');
  rewritten = replace(rewritten, `^(${ISO_MINUTE})(\\s*${ZONE}?)$`, '\\1:00\\2');
  rewritten = replace(rewritten, ':(\\d{2}),(\\d+)', ':\\1.\\2');
  rewritten = replace(rewritten, '\\s*([zZ]|UTC|GMT)$', '+00:00');
  rewritten = replace(rewritten, '\\s+([+-]\\d{2}(:?\\d{2})?)$', '\\1');
  rewritten = replace(rewritten, `^(${ISO_MINUTE}):60`, '\\1:59');
  const leap = `CASE WHEN regexp_matches(${text}, ${d.string(`^${ISO_MINUTE}:60`)}) THEN INTERVAL '1 second' ELSE INTERVAL '0 seconds' END`;
  const noZoneName = `CASE WHEN suffix(${text}, 'UTC') OR suffix(${text}, 'GMT') THEN NULL ELSE ${text} END`;
  return `COALESCE(TRY_CAST(${noZoneName} AS TIMESTAMPTZ), CAST(${rewritten} AS TIMESTAMPTZ) + ${leap})`;
}

const duckdb: Dialect = {
  ...common,
  id: 'duckdb',
  sessionTimeZone(zone) {
    return `SET TimeZone = ${this.string(zone)}`;
  },
  ctes: true,
  ident: doubleQuoted,
  string: duckdbString,
  // A column's values are text or not only in the query (a CSV is read with every column text,
  // a Parquet file typed: duckdb.ts's sample casts to text): a source column's text is guarded
  // there (ISO_TIME, PLAIN_NUMBER), a typed column read as it is.
  epochSeconds(expr, column) {
    return `(EPOCH_US(${fromText(this, expr, 'TIMESTAMPTZ', column)}) / 1000000.0)`;
  },
  timeFromText(expr, _timeZone, column) {
    return this.epochSeconds(this.blankToNull(expr), column);
  },
  numberFromText(expr, column) {
    return this.double(this.blankToNull(expr), column);
  },
  matches(text, pattern) {
    return `regexp_matches(${text}, ${this.string(pattern)})`;
  },
  text: (expr) => `CAST(${expr} AS VARCHAR)`,
  int: (expr) => `CAST(${expr} AS BIGINT)`,
  double(expr, column) {
    return fromText(this, expr, 'DOUBLE', column);
  },
  float: (expr) => `CAST(${expr} AS DOUBLE)`,
  noNaN: (expr) => `CASE WHEN isnan(${expr}) THEN NULL ELSE ${expr} END`,
  nullText: 'CAST(NULL AS VARCHAR)',
  key: (expr) => `REGEXP_REPLACE(LOWER(${expr}), '[^a-z0-9]', '', 'g')`,
  replaceAll(expr, pattern, replacement = '') {
    return `REGEXP_REPLACE(${expr}, ${this.string(pattern)}, ${this.string(replacement)}, 'g')`;
  },
  charLength: (expr) => `LENGTH(${expr})`,
  asciiOnly: (expr) => `STRLEN(${expr}) = LENGTH(${expr})`,
};

/**
 * ClickHouse: whether an ISO date's day exists in its month, and its year in 1970–2105 (a
 * DateTime holds no other: parseDateTimeBestEffort reads 1960 as 1970 without a word), for a
 * text that matched ISO_TIME (any other gives false or a meaningless true: it is refused anyway).
 */
function clickhouseCalendar(text: string): string {
  const part = (pattern: string): string => `toUInt32OrZero(extract(${text}, ${backslashString(pattern, byteEscapes)}))`;
  const y = part('^(\\d{4})');
  const m = part('^\\d{4}-(\\d{1,2})');
  const d = part('^\\d{4}-\\d{1,2}-(\\d{1,2})');
  const leap = `(${y} % 4 = 0 AND (${y} % 100 != 0 OR ${y} % 400 = 0))`;
  return `(${d} <= arrayElement([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], ${m}) + (${m} = 2 AND ${leap}) AND ${y} >= 1970 AND ${y} <= 2105)`;
}

/**
 * ClickHouse, down to release 18.16 (the one Debian ships): no common table expressions (so
 * subqueries are written inline), DateTime in whole seconds, functions in their own names.
 */
const clickhouse: Dialect = {
  ...common,
  id: 'clickhouse',
  sessionTimeZone: () => null,
  ctes: false,
  ident: backtickBackslash,
  string: (value) => backslashString(value, byteEscapes),
  epochSeconds: (expr) => `toFloat64(toUnixTimestamp(${expr}))`,
  // Release 18 reads text as a DateTime only in its own layout, in the server's zone: ISO 8601
  // (T, Z, offsets, minutes without seconds) is read by parseDateTimeBestEffort in --tz, which
  // drops a fraction of a second (DateTime is whole seconds), so the fraction is added back;
  // a lower-case z or t and a decimal comma, which it does not take, are read as Z, T and a point.
  //
  // ClickHouse evaluates every branch of `if` and CASE on every row, so a value the query
  // refuses (ISO_TIME, and the days of its month: clickhouseCalendar) is not a branch that
  // fails: the parser is given a harmless time in its place, and a conversion that fails only
  // then (toFloat64 of the unreadable text, 0 otherwise) is added, its message quoting the value.
  timeFromText(expr, timeZone, column) {
    const t = noValueToNull(this, this.blankToNull(expr));
    const probe = `ifNull(${t}, '2000-01-01')`;
    const ok = `(${this.matches(probe, ISO_TIME)} AND ${clickhouseCalendar(probe)})`;
    const zoned = `replaceRegexpOne(replaceRegexpOne(replaceOne(if(${ok}, ${t}, '2000-01-01'), ',', '.'), 'z$', 'Z'), ${this.string('^(\\d{4}-\\d{1,2}-\\d{1,2})t')}, ${this.string('\\1T')})`;
    const fraction = `toFloat64OrZero(concat('0.', extract(ifNull(${t}, ''), ${this.string('^\\d{4}-\\d{1,2}-\\d{1,2}[Tt ]\\d{1,2}:\\d{2}:\\d{2}[.,](\\d+)')})))`;
    const stop = `toFloat64(if(${ok}, '0', ${unreadable(this, 'time', column, probe)}))`;
    return `(toFloat64(toUnixTimestamp(parseDateTimeBestEffort(${zoned}, ${this.string(timeZone)}))) + ${fraction} + ${stop})`;
  },
  // toFloat64 of a NULL fails on release 18 (it converts the empty value under it): NULL kept
  // apart; a value not a plain number is turned into text that stops the query (see above)
  numberFromText(expr, column) {
    const t = noValueToNull(this, this.blankToNull(expr));
    const probe = `ifNull(${t}, '0')`;
    const read = `if(${this.matches(probe, PLAIN_NUMBER)}, ${probe}, ${unreadable(this, 'number', column, probe)})`;
    return `CASE WHEN ${t} IS NULL THEN ${this.double('NULL')} ELSE toNullable(toFloat64(${read})) END`;
  },
  matches(text, pattern) {
    return `match(${text}, ${this.string(pattern)})`;
  },
  text: (expr) => `toNullable(toString(${expr}))`,
  int: (expr) => `toNullable(toInt64(${expr}))`,
  double: (expr) => `toNullable(toFloat64(${expr}))`,
  noNaN: (expr) => `CASE WHEN isNaN(${expr}) THEN NULL ELSE ${expr} END`,
  nullText: 'CAST(NULL AS Nullable(String))',
  blankToNull(expr) {
    return `nullIf(${this.trimWhite(`toString(${expr})`)}, '')`;
  },
  // (release 18 has no trimBoth with a set of characters: a pattern of them, written literally)
  trimWhite(text) {
    return `replaceRegexpAll(${text}, ${this.string(`^[${WHITESPACE}]+|[${WHITESPACE}]+$`)}, '')`;
  },
  key: (expr) => `replaceRegexpAll(lower(${expr}), '[^a-z0-9]', '')`,
  greatest: (a, b) => `greatest(${a}, ${b})`,
  wholeSeconds: (expr) => `toNullable(toInt64(floor(${expr} + 0.5)))`,
  ceilSeconds: (expr) => `toNullable(toInt64(ceil(${expr})))`,
  // (a sum of no rows of a Nullable column is NULL: 0, as COALESCE makes it in the others —
  // the meta,repeatedIds row of a table without repeats read "\N" in the printed query's CSV)
  sum: (expr) => `toNullable(toInt64(ifNull(sum(${expr}), 0)))`,
  count: () => 'toNullable(toInt64(count()))',
  min: (expr) => `min(${expr})`,
  max: (expr) => `max(${expr})`,
  concat: (...parts) => `concat(${parts.join(', ')})`,
  position: (haystack, needle) => `position(${haystack}, ${needle})`,
  charLength: (expr) => `lengthUTF8(${expr})`,
  replaceAll(expr, pattern, replacement = '') {
    return `replaceRegexpAll(${expr}, ${this.string(pattern)}, ${this.string(replacement)})`;
  },
  asciiOnly: (expr) => `length(${expr}) = lengthUTF8(${expr})`,
};

const bigquery: Dialect = {
  ...common,
  id: 'bigquery',
  // the default zone of its casts and time functions, in a multi-statement query or a session
  sessionTimeZone(zone) {
    return `SET @@time_zone = ${this.string(zone)}`;
  },
  ctes: true,
  ident: backtickBackslash,
  string: backslashString,
  epochSeconds: (expr) => `(UNIX_MICROS(CAST(${expr} AS TIMESTAMP)) / 1000000)`,
  text: (expr) => `CAST(${expr} AS STRING)`,
  int: (expr) => `CAST(${expr} AS INT64)`,
  double: (expr) => `CAST(${expr} AS FLOAT64)`,
  noNaN: (expr) => `IF(IS_NAN(${expr}), NULL, ${expr})`,
  nullText: 'CAST(NULL AS STRING)',
  asciiOnly: (expr) => `BYTE_LENGTH(${expr}) = CHAR_LENGTH(${expr})`,
};

const snowflake: Dialect = {
  ...common,
  id: 'snowflake',
  // TIMESTAMP_TZ takes the session's TIMEZONE for text without an offset and for TIMESTAMP_NTZ
  sessionTimeZone(zone) {
    return `ALTER SESSION SET TIMEZONE = ${this.string(zone)}`;
  },
  ctes: true,
  ident: snowflakeIdent,
  string: backslashString,
  epochSeconds: (expr) => `(DATE_PART(EPOCH_MICROSECOND, CAST(${expr} AS TIMESTAMP_TZ)) / 1000000)`,
  text: (expr) => `CAST(${expr} AS VARCHAR)`,
  int: (expr) => `CAST(${expr} AS BIGINT)`,
  double: (expr) => `CAST(${expr} AS DOUBLE)`,
  noNaN: (expr) => `NULLIF(${expr}, CAST('NaN' AS DOUBLE))`,
  nullText: 'CAST(NULL AS VARCHAR)',
  position: (haystack, needle) => `POSITION(${needle}, ${haystack})`,
  charLength: (expr) => `LENGTH(${expr})`,
  matches(text, pattern) {
    return `REGEXP_LIKE(${text}, ${this.string(pattern)})`;
  },
};

const databricks: Dialect = {
  ...common,
  id: 'databricks',
  // spark.sql.session.timeZone: the zone of a cast of text or TIMESTAMP_NTZ to TIMESTAMP
  sessionTimeZone(zone) {
    return `SET TIME ZONE ${this.string(zone)}`;
  },
  ctes: true,
  ident: (name) => {
    refuseNul(name, `identifier "${name}"`);
    return `\`${name.replace(/`/g, '``')}\``;
  },
  string: backslashString,
  epochSeconds: (expr) => `(UNIX_MICROS(CAST(${expr} AS TIMESTAMP)) / 1000000)`,
  text: (expr) => `CAST(${expr} AS STRING)`,
  int: (expr) => `CAST(${expr} AS BIGINT)`,
  double: (expr) => `CAST(${expr} AS DOUBLE)`,
  noNaN: (expr) => `CASE WHEN isnan(${expr}) THEN NULL ELSE ${expr} END`,
  nullText: 'CAST(NULL AS STRING)',
  trimWhite(text) {
    return `BTRIM(${text}, ${this.string(WHITESPACE)})`;
  },
  position: (haystack, needle) => `INSTR(${haystack}, ${needle})`,
  matches(text, pattern) {
    return `(${text} RLIKE ${this.string(pattern)})`;
  },
};

const BY_ID: Record<DialectId, Dialect> = { postgres, duckdb, clickhouse, bigquery, snowflake, databricks };

export function isDialect(value: string): value is DialectId {
  return (DIALECTS as readonly string[]).includes(value);
}

export function dialect(id: DialectId): Dialect {
  return BY_ID[id];
}

/** A table name as written (`support.tickets`) → quoted parts (`"support"."tickets"`). */
export function qualifiedName(d: Dialect, name: string): string {
  // a part in double quotes keeps its dots ("My.DB".public.tickets: three parts)
  const quoted = name.match(/"(?:[^"]|"")*"|[^.]+|(?<=^|\.)(?=\.|$)/g) ?? [''];
  // (anything the pattern does not take apart cleanly, such as "a"b, is split at every dot as before)
  const parts = quoted.join('.') === name ? quoted : name.split('.');
  if (parts.some((p) => p === '')) {
    throw new ParityError(`table name "${name}" has an empty part`, { hint: 'write it like tickets or support.tickets' });
  }
  return parts.map((p) => d.ident(p)).join('.');
}
