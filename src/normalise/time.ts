/**
 * Timestamp text → epoch seconds. Exports write times in a handful of styles; we detect the style
 * of each column from a sample (so `03/04/2026` is read the same way on every row) and then parse
 * each value with a small fast parser. Wall-clock values without an offset are read in the
 * configured time zone (via @date-fns/tz offsets, cached per quarter hour: per-row Intl calls
 * would dominate a million-row audit). A configured `dateFormat` goes through date-fns `parse`.
 */
import { createRequire } from 'node:module';
// A per-function entry point: the package root pulls in its whole API at start-up.
import { tzOffset } from '@date-fns/tz/tzOffset';
import { ParityError } from '../errors.js';

/** The timestamp styles parity recognises without configuration. */
export type TimestampStyle =
  | 'iso'
  | 'twitter'
  | 'mdy'
  | 'dmy'
  | 'dmy-dash'
  | 'dmy-dot'
  | 'ymd'
  | 'month-name'
  | 'epoch-seconds'
  | 'epoch-ms'
  | 'custom';

/** Human-readable description of a style, for `inspect`. */
export const STYLE_LABELS: Record<TimestampStyle, string> = {
  iso: 'ISO 8601 (2026-10-01T09:30:00Z / 2026-10-01 09:30)',
  twitter: 'Twitter (Tue Oct 31 22:10:47 +0000 2017)',
  mdy: 'US month/day/year (10/31/2026 9:30 PM)',
  dmy: 'day/month/year (31/10/2026 21:30)',
  'dmy-dash': 'day-month-year (31-10-2026 21:30)',
  'dmy-dot': 'day.month.year (31.10.2026 21:30)',
  ymd: 'year/month/day (2026/10/31 21:30, 2026.10.31)',
  'month-name': 'month by name (3 Nov 2026 2:05 PM / Nov 3, 2026 2:05 PM / 03-Nov-2026 14:05)',
  'epoch-seconds': 'Unix seconds',
  'epoch-ms': 'Unix milliseconds',
  custom: 'dateFormat from the configuration',
};

/** Throws a ParityError unless `zone` is an IANA zone name (or UTC offset) the runtime knows. */
/**
 * The times parity reads: from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z (epoch seconds), the
 * years ISO 8601 writes with four digits. A creation time outside them (a microsecond count in a
 * seconds column, a mistyped year 58431) is not a time of the export; nor is a reply or a
 * resolution a duration puts there. Beyond year 275760 JavaScript cannot even write the date.
 */
export const FIRST_TIME = -62_135_596_800;
export const LAST_TIME = 253_402_300_799;

/** Whether epoch seconds `t` lie in the years parity reads ({@link FIRST_TIME}..{@link LAST_TIME}). */
export function inCalendar(t: number): boolean {
  return t >= FIRST_TIME && t <= LAST_TIME;
}

export function checkTimeZone(zone: string, where: string, file: string | null = null): void {
  if (zone === 'UTC') return; // the default: known everywhere, and no Intl start-up (~20 ms) for it
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new ParityError(`unknown time zone "${zone}"`, {
      ...(file ? { location: { file } } : {}),
      hint: `${where}: use an IANA name such as Europe/Berlin, America/New_York or UTC`,
    });
  }
}

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

// (`t` and `z` in lower case, and GMT beside UTC, as some exports write them: read as T, Z and
// UTC; a 12-hour clock, `2026-10-01 10:00:00 PM`, as spreadsheets write ISO dates; and Go's
// time.String(), `2026-10-01 10:00:00.5 +0000 UTC`: a zone's name after a numeric offset, which
// the offset alone decides)
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([AaPp][Mm]))?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?(?:\s+([A-Z]{2,5}))?$/;
const TWITTER = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/;
// (a time may end in UTC, GMT, Z or an offset: `10/01/2026 10:00 AM UTC`, `31/10/2026 21:30 +01:00`)
const SLASH = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?(?:\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?)?$/;
const DIGITS = /^\d+(\.\d+)?$/;
/** Year, month and day between slashes or dots (a space after each, and a trailing dot, allowed, as Hungarian dates are written: `2026. 10. 31.`), then anything an ISO time may have after its date. */
const YMD = /^(\d{4})([/.]) ?(\d{1,2})\2 ?(\d{1,2})\.?((?:[Tt ].*)?)$/;
/**
 * A date whose month is a word says its own order: day first (`3 Nov 2026`, `03-Nov-2026`,
 * Jira's `03/Nov/26`, e-mail's `Tue, 03 Nov 2026 14:05:00 +0000`) or month first (`Nov 3, 2026`,
 * `November 3rd, 2026 at 2:05 PM`), with an optional weekday before it and a time after it (12- or
 * 24-hour, an optional offset). The words are checked against MONTH_WORDS and WEEKDAY_WORDS.
 */
const NAME_CLOCK = String.raw`(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?$`;
const NAME_WEEKDAY = String.raw`^(?:([A-Za-z]{3,9})\.?,?\s+)?`;
const DAY_MONTH_NAME = new RegExp(String.raw`${NAME_WEEKDAY}(\d{1,2})(?:\s+|-|/)([A-Za-z]{3,9})\.?(?:\s+|-|/|,\s*)(\d{4}|\d{2})${NAME_CLOCK}`);
const MONTH_NAME_DAY = new RegExp(String.raw`${NAME_WEEKDAY}([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${NAME_CLOCK}`);
const MONTH_WORDS: Record<string, number> = Object.fromEntries(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].flatMap((name, mo) => [
    [name, mo],
    [name.slice(0, 3), mo],
  ]).concat([['sept', 8]]),
);
const WEEKDAY_WORDS = new Set(
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].flatMap((d) => [d, d.slice(0, 3)]).concat(['tues', 'thur', 'thurs']),
);

/** Offset minutes from `+0100`, `-05:00`, `Z`, `UTC`, `GMT`; NaN for an offset no clock has (`+25:00`, `+05:99`). */
function offsetMinutes(text: string): number {
  if (text === 'Z' || text === 'z' || text === 'UTC' || text === 'GMT') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) return NaN;
  return sign * (hours * 60 + minutes);
}

/** 10000-01-01T00:00:00Z in milliseconds. */
const YEAR_10000 = 253_402_300_800_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `mo` (0–11) of year `y`, proleptic Gregorian. */
function daysInMonth(y: number, mo: number): number {
  return mo === 1 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : (DAYS_IN_MONTH[mo] as number);
}

/** Converts wall-clock fields read in a zone to epoch seconds; null for impossible dates. */
export type WallClock = (y: number, mo: number, d: number, h: number, mi: number, s: number) => number | null;

/** A converter from wall-clock fields in `zone` to epoch seconds, with a cached offset lookup. */
/** Whether a zone is UTC by one of its names, in any case (`--tz utc` is accepted as written): no clock changes, no time-zone data to load. */
export function isUtcZone(zone: string): boolean {
  return /^(etc\/)?(utc|gmt|uct|zulu|universal)$/i.test(zone);
}

/** Quarter hours' offsets a wall clock keeps before it starts again (about 20 MB). */
const OFFSET_CACHE_MAX = 1 << 18;

export function wallClockIn(zone: string): WallClock {
  const utc = isUtcZone(zone);
  const cache = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const key = Math.floor(ms / 900_000);
    let off = cache.get(key);
    if (off === undefined) {
      off = tzOffset(zone, new Date(ms));
      // (bounded: the business calendar of a span a mistyped year makes thousands of years long
      // probed 13M quarter hours, a gigabyte of cache; a few years of data stay well within it)
      if (cache.size >= OFFSET_CACHE_MAX) cache.clear();
      cache.set(key, off);
    }
    return off;
  };
  return (y, mo, d, h, mi, s) => {
    // 31/02 is no date; 24:00:00 is the end of a day (ISO 8601), the next day's 00:00; a leap
    // second (:60) is the next minute's first, as POSIX time counts it.
    if (mo < 0 || mo > 11 || d < 1 || d > daysInMonth(y, mo) || h > 24 || mi > 59 || s > 60 || (h === 24 && mi + s > 0)) return null;
    // calendar arithmetic, not Date.UTC (which reads years below 100 as 19xx)
    const wall = (daysFromCivil(y, mo + 1, d) * 86400 + h * 3600 + mi * 60 + s) * 1000;
    if (wall >= YEAR_10000) return null; // 9999-12-31T24:00: a year no 4-digit timestamp can write
    if (utc) return wall / 1000;
    // Almost every time: the same offset 20 hours either side of the wall time read as UTC (the
    // instant is within 14 hours of it, and no zone changes its clocks twice in 40 hours), so no
    // change of clocks is near. Two lookups, as before the rule below.
    const wide = offsetAt(wall - TWENTY_HOURS);
    if (wide === offsetAt(wall + TWENTY_HOURS)) return (wall - wide * 60_000) / 1000;
    // Near a change: the offsets in force six hours either side of the instant. A local time that
    // occurs twice (clocks going back) is the second, in the later offset, and one that does not
    // exist (clocks going forward) is read with the offset before the change (02:30 → 03:30
    // summer time): ICU's rule, which DuckDB follows, and Postgres'.
    const probe = wall - offsetAt(wall) * 60_000;
    const before = offsetAt(probe - SIX_HOURS);
    const after = offsetAt(probe + SIX_HOURS);
    const early = wall - before * 60_000;
    if (before === after) return early / 1000;
    const late = wall - after * 60_000;
    const earlyHolds = offsetAt(early) === before;
    const lateHolds = offsetAt(late) === after;
    if (earlyHolds && lateHolds) return Math.max(early, late) / 1000;
    if (lateHolds) return late / 1000;
    return early / 1000;
  };
}

/**
 * The first instant (epoch s) of local day y-mo-d in `zone` through its converter; null for no
 * such day. Where midnight repeats (clocks going back from 01:00 to 00:00, as in Havana in
 * November) a day starts at the first midnight, not at the second that a timestamp written
 * 00:30 is read at; where midnight is skipped, at the change itself (what `wall` gives). Report
 * periods start their days so (date-fns' TZDate); --since/--until dates and business days
 * (holidays, 24:00) start them here, the same instant.
 */
export function dayStartIn(wall: WallClock, zone: string, y: number, mo: number, d: number): number | null {
  const t = wall(y, mo, d, 0, 0, 0);
  if (t === null || isUtcZone(zone)) return t;
  const offset = tzOffset(zone, new Date(t * 1000));
  if (tzOffset(zone, new Date((t - DAY_START_REACH) * 1000)) === offset) return t; // no change of clocks just before
  // earlier quarter hours of the same local date: the first midnight and the hour after it
  const day = daysFromCivil(y, mo + 1, d);
  let start = t;
  for (let q = t - 900; q >= t - DAY_START_REACH; q -= 900) {
    if (Math.floor((q + tzOffset(zone, new Date(q * 1000)) * 60) / 86400) !== day) break;
    start = q;
  }
  return start;
}

/** How far back a repeated midnight can lie (no zone sets its clocks back by more than 3 hours). */
const DAY_START_REACH = 4 * 3600;

const SIX_HOURS = 6 * 3600_000;
const TWENTY_HOURS = 20 * 3600_000;

/** The UTC converter, built once (times with an offset are read through it). */
const utcWall = wallClockIn('UTC');

/**
 * The common ISO shapes read without a regular expression: `2026-10-01T09:30:00Z` and
 * `2026-10-01 09:30:00` (T or space, Z or nothing). Returns undefined for anything else, which
 * then goes through the ISO pattern; the numbers passed on are the ones the pattern would read.
 */
function isoFast(text: string, wall: WallClock): number | null | undefined {
  const n = text.length;
  if (n !== 19 && !(n === 20 && text.charCodeAt(19) === 90)) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const t = text.charCodeAt(10);
  if (t !== 84 && t !== 32) return undefined;
  const y = num4(text, 0);
  const mo = num2(text, 5) - 1;
  const d = num2(text, 8);
  const h = num2(text, 11);
  const mi = num2(text, 14);
  const s = num2(text, 17);
  if ((y | mo | d | h | mi | s) < 0) return undefined; // a non-digit
  if (n === 19) return wall(y, mo, d, h, mi, s);
  // UTC: plain calendar arithmetic where nothing can roll over; the rest is checked by utcWall.
  if (mo > 11 || d < 1 || d > 28 || h > 23 || mi > 59 || s > 59) return utcWall(y, mo, d, h, mi, s);
  return daysFromCivil(y, mo + 1, d) * 86400 + h * 3600 + mi * 60 + s;
}

/** Reads ASCII bytes: epoch seconds, null for an impossible date, undefined for another shape. */
export type TimestampBytesReader = (buf: Uint8Array, start: number, end: number) => number | null | undefined;

/**
 * isoFast over the ASCII bytes of a field (the byte scanner's), for an ISO column in `zone`:
 * the same shapes, the same numbers; undefined for any other text, which the caller then reads
 * as a string with the column's parser.
 */
export function isoBytesReader(zone: string): TimestampBytesReader {
  const wall = wallClockIn(zone);
  return (buf, start, end) => {
    const n = end - start;
    if (n !== 19 && !(n === 20 && buf[start + 19] === 90)) return undefined;
    if (buf[start + 4] !== 45 || buf[start + 7] !== 45 || buf[start + 13] !== 58 || buf[start + 16] !== 58) return undefined;
    const t = buf[start + 10];
    if (t !== 84 && t !== 32) return undefined;
    const y = byte4(buf, start);
    const mo = byte2(buf, start + 5) - 1;
    const d = byte2(buf, start + 8);
    const h = byte2(buf, start + 11);
    const mi = byte2(buf, start + 14);
    const s = byte2(buf, start + 17);
    if ((y | mo | d | h | mi | s) < 0) return undefined; // a non-digit
    if (n === 19) return wall(y, mo, d, h, mi, s);
    if (mo > 11 || d < 1 || d > 28 || h > 23 || mi > 59 || s > 59) return utcWall(y, mo, d, h, mi, s);
    return daysFromCivil(y, mo + 1, d) * 86400 + h * 3600 + mi * 60 + s;
  };
}

/** Two ASCII digit bytes at i as a number, or -1. */
function byte2(buf: Uint8Array, i: number): number {
  const a = (buf[i] as number) - 48;
  const b = (buf[i + 1] as number) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Four ASCII digit bytes at i as a number, or -1. */
function byte4(buf: Uint8Array, i: number): number {
  const hi = byte2(buf, i);
  const lo = byte2(buf, i + 2);
  return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}

/** Two ASCII digits at i as a number, or -1. */
function num2(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Four ASCII digits at i as a number, or -1. */
function num4(text: string, i: number): number {
  const hi = num2(text, i);
  const lo = num2(text, i + 2);
  return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12); H. Hinnant's algorithm. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function year2(y: number, text: string): number {
  // within 50 years of 2000, as date-fns reads `yy` with the reference date a dateFormat gets:
  // 00–49 are 2000–2049, 50–99 are 1950–1999 (one reading of `15/10/99` with or without one)
  return text.length === 2 ? (y < 50 ? 2000 + y : 1900 + y) : y;
}

/** Unix times from this size on are milliseconds (10¹¹ s is the year 5138, 10¹¹ ms 1973). */
const EPOCH_MS_FROM = 1e11;

/**
 * Why a number is not read in a column of Unix seconds or milliseconds: it is of the other size
 * (a millisecond count among seconds, or the other way); null when that is not the reason.
 */
export function epochMismatch(style: TimestampStyle | null | undefined, text: string): string | null {
  const t = text.trim();
  if (!DIGITS.test(t)) return null;
  const big = Number(t) >= EPOCH_MS_FROM;
  if (style === 'epoch-seconds' && big) return `"${t}" is 10¹¹ or more, a count of milliseconds, in a column of Unix seconds`;
  if (style === 'epoch-ms' && !big) return `"${t}" is below 10¹¹, a count of seconds, in a column of Unix milliseconds`;
  return null;
}

/** A parser for one style: text → epoch seconds, or null when the text is not in that style. */
export type TimestampParser = (text: string) => number | null;

/** Builds the parser for a style. `dateFormat` (date-fns tokens) is needed for `custom`. */
export function parserFor(style: TimestampStyle, zone: string, dateFormat?: string): TimestampParser {
  const wall = wallClockIn(zone);
  switch (style) {
    case 'iso':
      return (text) => {
        const fast = isoFast(text, wall);
        if (fast !== undefined) return fast;
        const m = ISO.exec(text);
        if (!m) return null;
        const fraction = m[7] ? Number(`0.${m[7]}`) : 0;
        const y = Number(m[1]), mo = Number(m[2]) - 1, d = Number(m[3]);
        let h = m[4] ? Number(m[4]) : 0;
        const mi = m[5] ? Number(m[5]) : 0, s = m[6] ? Number(m[6]) : 0;
        const meridiem = m[8]?.toLowerCase();
        if (meridiem) {
          if (h < 1 || h > 12) return null;
          if (meridiem === 'am' && h === 12) h = 0;
          if (meridiem === 'pm' && h !== 12) h += 12;
        }
        // (a zone's name only after a numeric offset, Go's `+0000 UTC`: alone it names no one offset)
        if (m[10] && !(m[9] && (m[9][0] === '+' || m[9][0] === '-'))) return null;
        if (h === 24 && fraction > 0) return null; // nothing comes after 24:00:00
        if (m[9]) {
          const base = utcWall(y, mo, d, h, mi, s);
          const offset = offsetMinutes(m[9]);
          return base === null || Number.isNaN(offset) ? null : base - offset * 60 + fraction;
        }
        const local = wall(y, mo, d, h, mi, s);
        return local === null ? null : local + fraction;
      };
    case 'ymd': {
      // Year first with slashes or dots (East Asian and Hungarian locales: `2026/10/31 21:30`,
      // `2026.10.31.`): the order is the ISO order, read as ISO 8601 once the separators are dashes
      const iso = parserFor('iso', zone);
      return (text) => {
        const m = YMD.exec(text);
        return m ? iso(`${m[1]}-${m[3]}-${m[4]}${m[5] ?? ''}`) : iso(text);
      };
    }
    case 'twitter':
      return (text) => {
        const m = TWITTER.exec(text);
        if (!m) return null;
        const mo = MONTHS[(m[1] as string).toLowerCase()];
        if (mo === undefined) return null;
        const base = utcWall(Number(m[7]), mo, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
        const offset = offsetMinutes(m[6] as string);
        return base === null || Number.isNaN(offset) ? null : base - offset * 60;
      };
    case 'mdy':
    case 'dmy':
    case 'dmy-dash':
    case 'dmy-dot': {
      const separator = style === 'dmy-dash' ? '-' : style === 'dmy-dot' ? '.' : '/';
      const dayFirst = style !== 'mdy';
      // An ISO 8601 value (year first: `2026-03-04T10:00:00Z`, `2026-03-04 10:00`) says its own
      // order, so a column of dates in either order reads it too (a system that changed its
      // export, or a row typed in by hand), as the ISO style reads it.
      const iso = parserFor('iso', zone);
      return (text) => {
        const m = SLASH.exec(text);
        if (!m) return iso(text);
        if (m[2] !== separator) return null;
        const a = Number(m[1]), b = Number(m[3]);
        const [month, day] = dayFirst ? [b, a] : [a, b];
        let h = m[5] ? Number(m[5]) : 0;
        const meridiem = m[8]?.toLowerCase();
        if (meridiem) {
          if (h < 1 || h > 12) return null;
          if (meridiem === 'am' && h === 12) h = 0;
          if (meridiem === 'pm' && h !== 12) h += 12;
        }
        const y = year2(Number(m[4]), m[4] as string);
        if (m[9]) {
          // an instant: the wall time read in UTC, less its offset (not a wall time in --tz)
          const base = utcWall(y, month - 1, day, h, m[6] ? Number(m[6]) : 0, m[7] ? Number(m[7]) : 0);
          const offset = offsetMinutes(m[9]);
          return base === null || Number.isNaN(offset) ? null : base - offset * 60;
        }
        return wall(y, month - 1, day, h, m[6] ? Number(m[6]) : 0, m[7] ? Number(m[7]) : 0);
      };
    }
    case 'month-name':
      return (text) => {
        const dayFirst = DAY_MONTH_NAME.exec(text);
        const m = dayFirst ?? MONTH_NAME_DAY.exec(text);
        if (!m) return null;
        const [dayText, monthText] = dayFirst ? [m[2], m[3]] : [m[3], m[2]];
        const mo = Object.hasOwn(MONTH_WORDS, (monthText as string).toLowerCase()) ? MONTH_WORDS[(monthText as string).toLowerCase()] : undefined;
        if (mo === undefined || (m[1] !== undefined && !WEEKDAY_WORDS.has(m[1].toLowerCase()))) return null;
        let h = m[5] ? Number(m[5]) : 0;
        const meridiem = m[8]?.replace(/\./g, '').toLowerCase();
        if (meridiem) {
          if (h < 1 || h > 12) return null;
          if (meridiem === 'am' && h === 12) h = 0;
          if (meridiem === 'pm' && h !== 12) h += 12;
        }
        const y = year2(Number(m[4]), m[4] as string), d = Number(dayText), mi = m[6] ? Number(m[6]) : 0, sec = m[7] ? Number(m[7]) : 0;
        if (m[9]) {
          const base = utcWall(y, mo, d, h, mi, sec);
          const offset = offsetMinutes(m[9] === 'GMT' ? 'Z' : m[9]);
          return base === null || Number.isNaN(offset) ? null : base - offset * 60;
        }
        return wall(y, mo, d, h, mi, sec);
      };
    // Told apart by size (README): 10¹¹ or more is milliseconds — as seconds it would be the
    // year 5138 or later — and below that seconds. A value of the other size in the column is not
    // read (epochMismatch says why): read in its own unit, one stray count in a seconds column
    // (13 digits, the year 2286) would become the export's latest time, and so the as-of time
    // every open ticket is measured to.
    case 'epoch-seconds':
      return (text) => (DIGITS.test(text) && Number(text) < EPOCH_MS_FROM ? Number(text) : null);
    case 'epoch-ms':
      return (text) => (DIGITS.test(text) && Number(text) >= EPOCH_MS_FROM ? Number(text) / 1000 : null);
    case 'custom': {
      if (!dateFormat) throw new ParityError('a custom timestamp style needs dateFormat');
      // date-fns's format parser is ~70 modules: loaded (synchronously) only for a dateFormat.
      const load = createRequire(import.meta.url);
      const { parse: parseWithFormat } = load('date-fns/parse') as typeof import('date-fns/parse');
      const { isValid } = load('date-fns/isValid') as typeof import('date-fns/isValid');
      const { tz } = load('@date-fns/tz/tz') as typeof import('@date-fns/tz/tz');
      // the reference date places a two-digit year (`yy`) within 50 years of it: 2000 reads `26`
      // as 2026, as the built-in styles do (year2), where 1970 read it as 1926
      const reference = new Date(Date.UTC(2000, 0, 1));
      // A format with an offset or an epoch token (X, x, O, t, T outside quotes) names its own
      // instant. Any other gives a wall-clock time: read in UTC, its fields are put in the zone
      // by the same converter as every built-in style, so a time of the repeated hour is the
      // second one (standard time) and one in the skipped hour the moment after, on any
      // machine (date-fns in a zone's context read the repeated hour by the machine's own zone).
      const absolute = /[XxOtT]/.test(dateFormat.replace(/'[^']*'/g, ''));
      const inZone = tz(absolute ? zone : 'UTC');
      return (text) => {
        const date = parseWithFormat(text, dateFormat, reference, { in: inZone });
        if (!isValid(date)) return null;
        if (absolute) return date.getTime() / 1000;
        return wall(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds() + date.getUTCMilliseconds() / 1000);
      };
    }
  }
}

/**
 * Whether slash or dash dates settle their order: some value reads only one way — a part over
 * 12 (`13/04/2026` is day-first, `04/13/2026` month-first) in a date that is valid that way
 * (`31/31/2026` settles nothing). Without one, `03/04/2026` could be either, and the order taken
 * is only the default (month-first with slashes, day-first with dashes).
 */
export function dateOrderSettled(samples: readonly string[], zone: string): boolean {
  for (const s of samples) {
    const text = s.trim();
    const m = SLASH.exec(text);
    if (!m || (m[2] !== '/' && m[2] !== '-')) continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && readsInOrder(text, 'day-first', zone)) return true;
    // (dashes are read day-first only: a dash date that is valid only month-first settles
    // nothing, and the column's rows then meet it as a date the other way, which stops the run
    // naming the dateFormat, rather than being passed over as one unreadable row while every
    // other date of the column is read with day and month swapped)
    if (m[2] === '/' && b > 12 && readsInOrder(text, 'month-first', zone)) return true;
  }
  return false;
}

/**
 * Whether some sample is a dash date valid only month-first (`10-31-2026`): parity reads dash
 * dates day-first only, so such a column is bound day-first with its order marked as guessed,
 * and its rows stop the run at that date naming the dateFormat (normalise/rows.ts), rather than
 * the column being unreadable or its dates read with day and month swapped.
 */
export function dashMonthFirstOnly(samples: readonly string[], zone: string): boolean {
  for (const s of samples) {
    const text = s.trim();
    const m = SLASH.exec(text);
    if (!m || m[2] !== '-') continue;
    if (Number(m[3]) > 12 && Number(m[1]) <= 12 && readsInOrder(text, 'month-first', zone)) return true;
  }
  return false;
}

/** Whether a slash or dash date reads as a valid date in `order`. */
function readsInOrder(text: string, order: 'day-first' | 'month-first', zone: string): boolean {
  const m = SLASH.exec(text);
  if (!m) return false;
  if (m[2] === '/') return parserFor(order === 'day-first' ? 'dmy' : 'mdy', zone)(text) !== null;
  if (m[2] !== '-') return false;
  // dashes: only a day-first parser, so a month-first date is read with its first two parts swapped
  const swapped = order === 'day-first' ? text : `${m[3]}-${m[1]}${text.slice((m[1] as string).length + 1 + (m[3] as string).length)}`;
  return parserFor('dmy-dash', zone)(swapped) !== null;
}

/**
 * A date `text` that cannot be read in a column's date `style` but is a valid date in the other
 * order (`13/03/2026` in a month-first column; not `31/02/2026`, a date in neither): the order
 * it needs, else null.
 */
export function otherDateOrder(style: TimestampStyle | null | undefined, text: string, zone: string): 'day-first' | 'month-first' | null {
  if (style !== 'mdy' && style !== 'dmy' && style !== 'dmy-dash') return null;
  const t = text.trim();
  const m = SLASH.exec(t);
  if (!m || m[2] !== (style === 'dmy-dash' ? '-' : '/')) return null;
  const other = style === 'mdy' ? 'day-first' : 'month-first';
  return readsInOrder(t, other, zone) ? other : null;
}

/**
 * The style of a column, from sample values: the first style that reads every non-empty sample.
 * Slash dates are month-first unless some sample's first part is over 12 (then day-first).
 * Returns null when no style reads them all.
 */
export function detectStyle(samples: readonly string[], zone: string): TimestampStyle | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0) return null;
  const candidates: TimestampStyle[] = ['iso', 'twitter'];
  const slashes = values.map((v) => SLASH.exec(v)).filter((m) => m !== null);
  if (slashes.length) {
    const sep = slashes[0]?.[2];
    const firstOver12 = slashes.some((m) => Number(m[1]) > 12);
    const secondOver12 = slashes.some((m) => Number(m[3]) > 12);
    if (sep === '/') candidates.push(firstOver12 && !secondOver12 ? 'dmy' : 'mdy');
    if (sep === '-') candidates.push(secondOver12 && !firstOver12 ? 'mdy' : 'dmy-dash');
    if (sep === '.') candidates.push('dmy-dot');
  }
  if (values.some((v) => YMD.test(v))) candidates.push('ymd');
  if (values.some((v) => DAY_MONTH_NAME.test(v) || MONTH_NAME_DAY.test(v))) candidates.push('month-name');
  if (values.every((v) => DIGITS.test(v))) {
    // By size, not by length: 10¹¹ seconds is the year 5138, 10¹¹ milliseconds 1973. A length
    // read `1792888200.5` and pandas' `1792888200.0` (a float column with blanks) as milliseconds.
    const big = values.every((v) => Number(v) >= 1e11);
    candidates.push(big ? 'epoch-ms' : 'epoch-seconds');
  }
  for (const style of candidates) {
    const parse = parserFor(style, zone);
    if (values.every((v) => parse(v) !== null)) return style;
  }
  return null;
}
