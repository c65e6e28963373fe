/**
 * Record → ticket. Applies a file's mapping to each record and returns either a canonical
 * ticket row (possibly with metric-level notes) or the reason it cannot be used. Pure: the
 * caller (pipeline) owns counting, duplicate ids and the rejects file.
 */
import type { RawRecord } from '../read/source.js';
import { writtenValues } from '../read/record.js';
import type { TicketField } from '../model.js';
import { channelResolver, isOutboundDirection, parseBoolean, type ChannelMeaning } from './channel.js';
import { epochMismatch, parserFor, type TimestampParser, type TimestampStyle, detectStyle, inCalendar, otherDateOrder } from './time.js';
import { ParityError } from '../errors.js';
import { headerKey } from '../formats/types.js';
import { classifyStatus, flagValue } from './status.js';
import {
  ANSWERED, UNANSWERED, EXCLUDED, RESOLVED, OPEN, FLAG_ESCALATED, FLAG_SHOUTING, type FirstResponseState, type ResolutionState, type TicketRow,
} from './table.js';
import type { RowIssue } from './issues.js';
import type { Channel, ChannelTarget, DurationUnit } from '../model.js';
import { DOT_READING, parseNumberText, type NumberReading } from './decimal.js';
import { formatDuration, unreadDuration, wordedDuration } from '../measure/duration.js';

/**
 * What the normaliser reads of a file's mapping (formats/bind.ts `Mapping` is one): declared
 * here so that normalise does not import formats (formats imports normalise).
 */
export interface RowMapping {
  readonly header: readonly string[];
  readonly bindings: Partial<Record<TicketField, RowBinding>>;
  readonly timeZone: string;
  /** The `--by` column when it is a header, not a canonical field (formats/open.ts binds it by name). */
  readonly byColumn?: { readonly index: number; readonly header: string } | null;
  readonly format: {
    readonly channels?: Readonly<Record<string, Partial<ChannelMeaning> & { channel: Channel }>>;
    readonly outboundDirections?: readonly string[];
    readonly privateDirections?: readonly string[];
    readonly fixedChannel?: Channel;
  };
}

/** How one field is read (see formats/bind.ts `FieldBinding`). */
export interface RowBinding {
  readonly index: number;
  readonly header: string;
  readonly unit?: DurationUnit;
  readonly style?: TimestampStyle | null;
  readonly dateFormat?: string;
  /** Dates whose order (day or month first) no sampled value settled (FieldBinding.orderGuessed). */
  readonly orderGuessed?: boolean;
  /** Number columns (durations, followers): how their decimals are written (decimal.ts). */
  readonly number?: NumberReading;
}

/**
 * Times already parsed (epoch seconds; null = none), handed over by the log formats, which
 * read their own timestamps: used instead of parsing the record's text again.
 */
export interface ParsedTimes {
  readonly createdAt: number | null;
  readonly firstResponseAt: number | null;
  readonly resolvedAt: number | null;
}

/** Settings the row normaliser needs beyond the mapping. */
export interface RowContext {
  /** Raw channel value → channel or `outbound` (config `channels` mapping). */
  readonly channels: Readonly<Record<string, ChannelTarget>>;
  /** Epoch seconds; events after it are not yet known, tickets created after it are excluded. */
  readonly asOf: number | null;
  readonly since: number | null;
  readonly until: number | null;
  readonly capitalsShare: number;
  readonly exclamationRun: number;
  readonly escalationTags: readonly string[];
}

/** Result of one record: a ticket with notes, or a rejection. */
export type RowResult =
  | { ok: true; ticket: TicketRow; notes: RowIssue[]; latest: number }
  | {
      ok: false;
      issue: RowIssue;
      /** A row outside --since/--until that would be used otherwise: its latest time (the default as-of time is the export's latest; none with --as-of). */
      latest?: number;
      /** The column that latest time is read from (its header; a duration's column for a time it ends), for the note of a future as-of time. */
      latestColumn?: string;
      /**
       * A row outside --since/--until that would be used otherwise, or a spam or deleted row
       * (`discarded`): its ticket id. Ids are settled before the period (load/stream.ts), as a
       * report reads the whole export: a row of the period whose id first came outside it is a
       * duplicate, not a ticket of its own; when such a row is the last of its id (--duplicates last), it
       * takes the ticket out.
       */
      outsideId?: string;
      /** With outsideId: the row is spam or deleted by its status (not only outside the period). */
      discarded?: true;
    };

/** Shared by every row without notes (most rows): never pushed to. */
const NO_NOTES: RowIssue[] = [];

function withNote(notes: RowIssue[], note: RowIssue): RowIssue[] {
  if (notes === NO_NOTES) return [note];
  notes.push(note);
  return notes;
}

const UNIT_SECONDS: Record<Exclude<DurationUnit, 'hms' | 'mmss'>, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400, ms: 0.001 };

/**
 * Clock text a duration column may hold: `1:30`, `01:30:00`, `0:45:10.5`, and `1:30.5` (seconds
 * with a fraction, read in an MM:SS column only) — what {@link parseDurationValue} reads as a clock.
 */
export const CLOCK_TEXT = /^-?\d+:\d{2}(\.\d+)?(:\d{2}(\.\d+)?)?$/;
/** A zero written as a number (`0`, `00`, `0.0`, `0,00`): zero in every unit, clock columns included. */
export const PLAIN_ZERO = /^-?0+([.,]0+)?$/;

/**
 * Text exports write for "no value" where a value could stand, lower case: `NULL` and `\N`
 * (database dumps), `None`, `NaN` (pandas), `NA` (R), `n/a`, `-`, `nil`, `undefined`, and a
 * spreadsheet's `#N/A` ("not available": a lookup that found nothing; the other spreadsheet
 * errors are unreadable values, {@link SPREADSHEET_ERROR}). Read in any case, trimmed
 * ({@link isNoValue}), and in EVERY column such a cell is an empty one, whatever it means there:
 * - the ticket id: none, the row rejected (`missing-id`); the creation time: none (`missing-created`);
 * - the first response, the resolution (a timestamp or a duration): not answered or not
 *   resolved yet (waiting until the as-of time), or resolved without a time by its status;
 * - the channel: none (counted as other, with a `missing-channel` note); the customer, category,
 *   priority, group, status, a `--by` column: none (`(no category)`, no customer: no repeat
 *   contact nor channel jump is made of it);
 * - the follower count: none (band `unknown`), not an unreadable count; is_public, direction,
 *   tags: not given; subject and text: none (not tested for shouting); a spam or deleted flag:
 *   not set (status.ts flagValue).
 * A category or a group really named `None` or `-` is read as none too: the list is one for every
 * column and every reader, so that a value never means one thing in one column and another
 * elsewhere. Column detection passes over it as over an empty cell (formats/bind.ts); the byte
 * reader (fields.ts), the log formats (formats/servicenow.ts, tweets.ts) and the engines' count
 * query (read/engines/dialects.ts noValueToNull, sql.ts) read it as empty or NULL too.
 */
export const NO_VALUE: readonly string[] = [
  'null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a',
  // MySQL's zero date, which legacy helpdesks (PHP and MySQL) write for "not yet": a ticket
  // never answered, not an answer before it was created (found by an attack: such tickets were
  // left out of first response, never counted as waiting)
  '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z',
  // (DATETIME(3) and DATETIME(6): in this list, the count query knows them too)
  '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000',
];
const NO_VALUE_SET = new Set(NO_VALUE);
/** The longest {@link NO_VALUE} word (`0000-00-00 00:00:00.000000`), or zero date ({@link ZERO_DATE}: `0000-00-00T00:00:00.000000 +00:00`). */
export const NO_VALUE_LONGEST = 40;
/**
 * The longest placeholder that does not begin with `0` (`undefined`): a value longer than that
 * is one only when it is a zero date. The readers test it first, so that no free text of 10 to
 * 40 characters beginning with `n` or `u` is made a string for the test (a quoted subject on
 * every row of the 5M bench export, 13.0 s of reading against 7.0 s before).
 */
export const NO_VALUE_WORD_LONGEST = 9;
/** Whether a character code can begin a {@link NO_VALUE} word (`n`, `N`, `\`, `-`, `u`, `U`, `#`, `0`): most values are ruled out by it. */
export function noValueStart(c: number): boolean {
  return c === 110 || c === 78 || c === 92 || c === 45 || c === 117 || c === 85 || c === 35 || c === 48;
}

/**
 * MySQL's zero date in the other shapes it is written in (fractions of a second from a
 * DATETIME(3) or (6), a T, an offset of zero: `0000-00-00 00:00:00.000`, `0000-00-00T00:00:00Z`),
 * no value as the NO_VALUE forms are. In-process only: the count query knows the NO_VALUE words,
 * and stops at these in a time column, naming the value, as at any value it cannot read; in a
 * text column (a group, a category) it keeps them as a value (a known difference, said in the
 * README: no export writes a zero date there that we know of).
 */
const ZERO_DATE = /^0000-00-00(?:[Tt ]00:00(?::00(?:[.,]0+)?)?)?\s*(?:[Zz]|[+-]00:?00|UTC|GMT)?$/;

/** Whether trimmed text is a placeholder for no value ({@link NO_VALUE}, any case; MySQL's zero date in any of its shapes). */
export function isNoValue(text: string): boolean {
  if (text.length > NO_VALUE_LONGEST || text === '' || !noValueStart(text.charCodeAt(0))) return false;
  if (text.length > NO_VALUE_WORD_LONGEST && text.charCodeAt(0) !== 48) return false;
  return NO_VALUE_SET.has(text.toLowerCase()) || (text.startsWith('0000-') && ZERO_DATE.test(text));
}

/**
 * Whether the bytes `buf[start..end)` (trimmed, ASCII) are a placeholder for no value: the byte
 * reader's test (normalise/fields.ts), which makes a string only for a short value that begins
 * like one.
 */
export function isNoValueAscii(buf: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (n <= 0 || n > NO_VALUE_LONGEST || !noValueStart(buf[start] as number)) return false;
  if (n > NO_VALUE_WORD_LONGEST && buf[start] !== 48) return false;
  // compared byte by byte, capitals lowered (no string is made: `normal`, `new` pass here every row)
  words: for (const word of NO_VALUE_BY_LENGTH[n] as readonly Uint8Array[]) {
    for (let j = 0; j < n; j++) {
      const c = buf[start + j] as number;
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== word[j]) continue words;
    }
    return true;
  }
  // (a zero date in another shape: made a string only when it starts as one)
  if (n > 10 && buf[start] === 48 && buf[start + 1] === 48 && buf[start + 2] === 48 && buf[start + 3] === 48 && buf[start + 4] === 45) {
    return ZERO_DATE.test(String.fromCharCode(...buf.subarray(start, end)));
  }
  return false;
}
/** The {@link NO_VALUE} words as bytes, by length. */
const NO_VALUE_BY_LENGTH: ReadonlyArray<readonly Uint8Array[]> = Array.from({ length: NO_VALUE_LONGEST + 1 }, (_, n) =>
  NO_VALUE.filter((w) => w.length === n).map((w) => Uint8Array.from(w, (ch) => ch.charCodeAt(0))),
);

/**
 * The error values of a spreadsheet, a formula that failed, as Excel shows them (and a CSV saved
 * from the sheet holds them): `#N/A`, `#VALUE!`, `#REF!`, `#DIV/0!`, `#NUM!`, `#NAME?`, `#NULL!`,
 * and Excel's newer `#SPILL!`, `#CALC!`, `#GETTING_DATA`; LibreOffice's `Err:502` and the like.
 * Sampling a column for its kind passes over them as over empty cells ({@link unsampled}). Read
 * in a time column, `#N/A` is no value ({@link NO_VALUE}: waiting, as an empty cell); any other
 * is an unreadable value, noted with its file, line, column and value and left out of its metric
 * (a creation time: the row rejected, `bad-created`).
 */
export const SPREADSHEET_ERROR = /^(#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA)|Err:\d{3})$/i;

/**
 * Whether a trimmed sample value says nothing of its column's kind (timestamp, duration, number,
 * clock text): empty, a placeholder for no value, or a spreadsheet error. The binder's samples
 * pass over them (formats/bind.ts), so that none of them decides or vetoes a column's kind.
 */
export function unsampled(text: string): boolean {
  return text === '' || isNoValue(text) || SPREADSHEET_ERROR.test(text);
}

/**
 * Why a duration value cannot be read: a value written with its units says what in it is not
 * read (a word that is no unit, `5 fortnights`, named with the units parity reads; a unit given
 * twice, `1h 1h`, or after a smaller one, `30m 1h`), so the row's note says what to change; else
 * as {@link cannotRead}.
 */
function durationUnread(text: string): string {
  const why = unreadDuration(text);
  return why === null ? cannotRead(text) : `cannot read "${text}": ${why}`;
}

/** Why a time or duration value is not read: a spreadsheet error says so, any other value "cannot read". */
function cannotRead(text: string, what = ''): string {
  if (SPREADSHEET_ERROR.test(text)) return `"${text}" is a spreadsheet error (a formula that failed), not a ${what || 'time'}`;
  return `cannot read ${what ? `${what} ` : ''}"${text}"${zoneWordHint(text)}`;
}

/** Zone abbreviations seen after times in exports: none names one offset the world over (CST is US Central, China and Cuba). */
const ZONE_ABBREVIATION = /\s(EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST|AST|ADT|NST|NDT|BST|IST|CET|CEST|EET|EEST|WET|WEST|MSK|JST|KST|HKT|SGT|AEST|AEDT|ACST|ACDT|AWST|NZST|NZDT|UTC|GMT)$/;

/**
 * What to do about a time that ends in a zone's name parity does not read there (found by an
 * attack: `Oct 1, 2026 10:00 AM EST` was only "cannot read date"): an abbreviation names no
 * single offset, so the fix is --tz or an offset; UTC and GMT are read after the ISO 8601,
 * day/month/year and month-name forms, so one that is not read is in another form.
 */
function zoneWordHint(text: string): string {
  const word = ZONE_ABBREVIATION.exec(text.trim())?.[1];
  if (word === undefined) return '';
  if (word === 'UTC' || word === 'GMT') return `: "${word}" is read after a time in ISO 8601 (2026-10-01 10:00:00 ${word}), day/month/year or month-name form, in the column's form; write this one as the column's others are, or as ISO 8601`;
  // (not "write the offset": a day/month/year form takes none)
  return `: "${word}" is a time-zone abbreviation, which names no one offset (CST is US Central, China and Cuba): leave it out and give --tz the zone it stands for (an IANA name: America/New_York for EST, Europe/Paris for CET), or write the time as ISO 8601 with its offset (2026-10-01T10:00:00-05:00)`;
}

/**
 * A duration value in `unit` → seconds; null when unreadable. Empty is handled by the caller.
 * Numbers are read by the column's decimal reading (normalise/decimal.ts): `12,5` is 12.5 or
 * unreadable, never 125.
 */
export function parseDurationValue(text: string, unit: DurationUnit, reading: NumberReading = DOT_READING): number | null {
  const t = text.trim();
  if (unit === 'hms' || unit === 'mmss' || CLOCK_TEXT.test(t)) {
    const m = /^(-?)(\d+):(\d{2}(?:\.\d+)?)(?::(\d{2}(?:\.\d+)?))?$/.exec(t);
    // (a plain zero is zero in a column of clock text too: formats/bind.ts lets it in one)
    if (!m) return (unit === 'hms' || unit === 'mmss') && PLAIN_ZERO.test(t) ? 0 : null;
    // Two parts are minutes and seconds in an MM:SS column and in a column of minutes (as a
    // column of minutes that is all clock text is MM:SS: formats/bind.ts clockUnitFromHeader;
    // until December 2026 `1:30` among numbers of minutes was 90 minutes and among clock text
    // 90 seconds: the reading of one value must not hang on the values beside it), hours and
    // minutes in any other (HH:MM). Three parts are hours, minutes, seconds.
    const minutesFirst = !m[4] && (unit === 'mmss' || unit === 'minutes');
    // (a fraction belongs to the last part when it is seconds: `1:30.5` in an MM:SS column;
    // `1:30.5` as hours and minutes, or `1:02.5:03`, is unreadable)
    if ((m[3] as string).includes('.') && (m[4] !== undefined || !minutesFirst)) return null;
    // (every part after the first is below 60: `1:75` is no clock, and is not read as 2:15)
    if (Number(m[3]) >= 60 || (m[4] !== undefined && Number(m[4]) >= 60)) return null;
    const seconds = m[4] ? Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]) : Number(m[2]) * (minutesFirst ? 60 : 3600) + Number(m[3]) * (minutesFirst ? 1 : 60);
    return m[1] ? -seconds : seconds;
  }
  if (t === '') return null;
  const worded = wordedDuration(t);
  if (worded !== undefined) return worded;
  const n = parseNumberText(t, reading);
  return n === null ? null : n * UNIT_SECONDS[unit];
}


/**
 * Follower counts: `156924`, `156,924`, `150 000` (space groups as decimal.ts reads them: `1 50`
 * is unreadable), `15.6k`, `1.2M`, `15.6 k` (`15,6k` where the column's decimal is a comma).
 */
export function parseFollowers(text: string, reading: NumberReading = DOT_READING): number | null {
  const t = text.trim().toLowerCase().replace(/_/g, '');
  const m = /^([\d.,][\d.,\s'\u2019]*?)\s*([km])?$/.exec(t);
  if (!m) return null;
  const base = parseNumberText(m[1] as string, reading);
  if (base === null) return null;
  return Math.round(base * (m[2] === 'k' ? 1e3 : m[2] === 'm' ? 1e6 : 1));
}

/** Whether text shouts: mostly capitals (among ≥ 8 letters) or a run of exclamation marks. */
export function shouts(text: string, capitalsShare: number, exclamationRun: number): boolean {
  SHOUT.letters = SHOUT.capitals = SHOUT.run = 0;
  if (countShouting(text, exclamationRun)) return true;
  return SHOUT.letters >= 8 && SHOUT.capitals / SHOUT.letters >= capitalsShare;
}

/** Running counts of `countShouting` (module state: no object per row). */
const SHOUT = { letters: 0, capitals: 0, run: 0 };

/** Letter classes of code points (0 = not yet decided, 1 = not a letter, 2 = a letter, 3 = a capital), decided once each. */
let CASE_CLASS: Uint8Array | null = null;

/**
 * Whether a code point is a letter (its lower and upper case differ) and a capital (it is its
 * own upper case): the test countShouting applies to every character beyond ASCII.
 */
function caseClass(codePoint: number): number {
  const classes = (CASE_CLASS ??= new Uint8Array(0x110000));
  let k = classes[codePoint] as number;
  if (k === 0) {
    const ch = String.fromCodePoint(codePoint);
    const upper = ch.toUpperCase();
    k = ch.toLowerCase() === upper ? 1 : ch === upper ? 3 : 2;
    classes[codePoint] = k;
  }
  return k;
}

/**
 * Adds `text`'s letters, capitals and exclamation run to SHOUT; true as soon as the run reaches
 * `exclamationRun`. A letter is a character whose lower and upper case differ; ASCII is decided
 * by its code, anything else by case conversion of that one code point.
 */
function countShouting(text: string, exclamationRun: number): boolean {
  let { letters, capitals, run } = SHOUT;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 33) {
      run++;
      if (run >= exclamationRun) return true;
      continue;
    }
    run = 0;
    if (c < 128) {
      if (c >= 65 && c <= 90) {
        letters++;
        capitals++;
      } else if (c >= 97 && c <= 122) letters++;
      continue;
    }
    const codePoint = text.codePointAt(i) as number;
    if (codePoint > 0xffff) i++;
    const k = caseClass(codePoint);
    if (k > 1) {
      letters++;
      if (k === 3) capitals++;
    }
  }
  SHOUT.letters = letters;
  SHOUT.capitals = capitals;
  SHOUT.run = run;
  return false;
}

/** `shouts(subject + ' ' + text)` without building the joined string. */
function shoutsJoined(subject: string, text: string, capitalsShare: number, exclamationRun: number): boolean {
  SHOUT.letters = SHOUT.capitals = SHOUT.run = 0;
  if (countShouting(subject, exclamationRun)) return true;
  SHOUT.run = 0; // the space between them
  if (countShouting(text, exclamationRun)) return true;
  return SHOUT.letters >= 8 && SHOUT.capitals / SHOUT.letters >= capitalsShare;
}

/**
 * `shoutsJoined` taken apart for the byte reader (normalise/fields.ts), which counts a plain
 * ASCII field from its bytes and any other from its decoded text: start, then each of subject
 * and text in that order, then the verdict. Same counts, same answer.
 */
export const shouting = {
  start(): void {
    SHOUT.letters = SHOUT.capitals = SHOUT.run = 0;
  },
  /** Adds a decoded field; true when an exclamation run already decides. */
  text(text: string, exclamationRun: number): boolean {
    SHOUT.run = 0;
    return countShouting(text, exclamationRun);
  },
  /** Adds ASCII bytes `buf[start..end)`; true when an exclamation run already decides. */
  ascii(buf: Uint8Array, start: number, end: number, exclamationRun: number): boolean {
    let letters = SHOUT.letters;
    let capitals = SHOUT.capitals;
    let run = 0;
    for (let i = start; i < end; i++) {
      const c = buf[i] as number;
      if (c === 33) {
        run++;
        if (run >= exclamationRun) return true;
        continue;
      }
      run = 0;
      if (c >= 65 && c <= 90) {
        letters++;
        capitals++;
      } else if (c >= 97 && c <= 122) letters++;
    }
    SHOUT.letters = letters;
    SHOUT.capitals = capitals;
    SHOUT.run = run;
    return false;
  },
  /**
   * Adds the UTF-8 bytes `buf[start..end)` as their decoded text would be added; true when an
   * exclamation run decides, null (nothing added) at a byte sequence that is not valid UTF-8,
   * whose decoding (replacement characters) the caller leaves to the decoder.
   */
  utf8(buf: Uint8Array, start: number, end: number, exclamationRun: number): boolean | null {
    let letters = SHOUT.letters;
    let capitals = SHOUT.capitals;
    let run = 0;
    for (let i = start; i < end; ) {
      const c = buf[i] as number;
      if (c < 0x80) {
        i++;
        if (c === 33) {
          run++;
          if (run >= exclamationRun) return true;
          continue;
        }
        run = 0;
        if (c >= 65 && c <= 90) {
          letters++;
          capitals++;
        } else if (c >= 97 && c <= 122) letters++;
        continue;
      }
      let codePoint: number;
      let size: number;
      let low = 0x80;
      let high = 0xbf;
      if (c >= 0xc2 && c <= 0xdf) {
        codePoint = c & 0x1f;
        size = 2;
      } else if (c >= 0xe0 && c <= 0xef) {
        codePoint = c & 0x0f;
        size = 3;
        if (c === 0xe0) low = 0xa0;
        else if (c === 0xed) high = 0x9f;
      } else if (c >= 0xf0 && c <= 0xf4) {
        codePoint = c & 0x07;
        size = 4;
        if (c === 0xf0) low = 0x90;
        else if (c === 0xf4) high = 0x8f;
      } else return null;
      if (i + size > end) return null;
      for (let j = 1; j < size; j++) {
        const next = buf[i + j] as number;
        if (next < (j === 1 ? low : 0x80) || next > (j === 1 ? high : 0xbf)) return null;
        codePoint = (codePoint << 6) | (next & 0x3f);
      }
      i += size;
      run = 0;
      const k = caseClass(codePoint);
      if (k > 1) {
        letters++;
        if (k === 3) capitals++;
      }
    }
    SHOUT.letters = letters;
    SHOUT.capitals = capitals;
    SHOUT.run = run;
    return false;
  },
  verdict(capitalsShare: number): boolean {
    return SHOUT.letters >= 8 && SHOUT.capitals / SHOUT.letters >= capitalsShare;
  },
};

function timestampParser(binding: RowBinding, timeZone: string, settled?: (style: TimestampStyle) => void): TimestampParser {
  if (binding.style) return parserFor(binding.style, timeZone, binding.dateFormat);
  // No sample settled the style (the column was empty in the first rows): decide on first use,
  // and say so (the byte reader, which left this column's values to this normaliser, reads the
  // rest of the file in the same style: load/stream.ts).
  let parser: TimestampParser | null = null;
  return (text) => {
    if (!parser) {
      const style = detectStyle([text], timeZone);
      if (!style) return null;
      parser = parserFor(style, timeZone);
      settled?.(style);
    }
    return parser(text);
  };
}

/** The timestamp columns a row binds (the ones whose style may be settled on first use). */
export type TimestampField = 'createdAt' | 'firstResponseAt' | 'resolvedAt';

/**
 * The rejection of a record its reader marked as no row (a JSON value that is not an object):
 * the log formats' reduce, which reads records without this normaliser, rejects it the same way.
 */
export function readerRejection(record: RawRecord, rejected: NonNullable<RawRecord['rejected']>): RowIssue {
  return { kind: rejected.kind, severity: 'error', file: record.file, line: record.line, value: rejected.value, detail: rejected.detail, values: writtenValues(record) };
}

/** Fields written as one CSV fragment: comma-separated, quoted where a field holds a comma, quote or line break. */
function csvFields(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}

/**
 * Stops the run at a date that is valid only in the order its column was not given: the order
 * came from the default (no sampled value had a part over 12), so either the column is the other
 * way round and every date before it may have been misread (`01/03` as 3 January) — a silent
 * error in every duration, not a row to reject — or this one value is a mistake. Which, only the
 * user can say: the message names both and the dateFormat for each.
 */
function checkDateOrder(record: RawRecord, binding: RowBinding | undefined, text: string, zone: string): void {
  if (!binding?.orderGuessed) return;
  const needs = otherDateOrder(binding.style, text, zone);
  if (needs === null) return;
  const other = needs === 'day-first' ? 'month-first' : 'day-first';
  // dash dates are read day-first only, whatever the first rows say (time.ts dashMonthFirstOnly)
  const dashes = binding.style === 'dmy-dash';
  const sep = dashes ? '-' : '/';
  const taken = needs === 'day-first' ? `month-first (MM${sep}DD)` : `day-first (DD${sep}MM)`;
  const why = dashes ? 'because parity reads dates written with dashes day-first unless a dateFormat says otherwise' : 'because no date in its first rows has a day over 12';
  throw new ParityError(
    `"${text}" is a date only ${needs === 'day-first' ? `day-first (DD${sep}MM)` : `month-first (MM${sep}DD)`}, but the column was read ${taken} ${why}: either the column is ${needs} and every date in it may have been read the wrong way round, or this value is a mistake`,
    {
      location: { file: record.file, line: record.line, column: binding.header },
      hint: `say the order in the config: "dateFormat": "${dateFormatLike(text, needs)}" if the export is ${needs}, or "${dateFormatLike(text, other)}" if it is ${other} (this row is then rejected); then run again`,
    },
  );
}

/**
 * Whether `record` is the file's header once more (`cat` of two exports: each begins with its
 * header): every cell the header's name of its column, as headerKey compares them. A line of
 * the header's names in another order (an export of the same fields with its columns arranged
 * otherwise) stops the run: every row below it would be read under the first header, a value
 * swapped between columns (a first response read as a resolution) with no row to reject.
 */
function repeatedHeader(record: RawRecord, headerKeys: readonly string[]): boolean {
  if (sameAsHeader(record.values, headerKeys)) return true;
  const keys = record.values.map((v) => headerKey(v.trim()));
  const names = new Set(headerKeys.filter((k) => k !== ''));
  const named = keys.filter((k) => k !== '' && names.has(k)).length;
  if (named < 2 || named < Math.ceil(0.8 * headerKeys.length)) return false;
  throw new ParityError(`this line is a header again, with its columns in another order or others among them: the rows below it are not laid out as the first header says, and read under it their values would land in the wrong columns`, {
    location: { file: record.file, line: record.line },
    hint: `split the file at line ${record.line} (as where two exports were joined one after the other) and give both parts: each file is read under its own header`,
  });
}

/**
 * Whether a row's values are its file's header again, in its order, as headerKey compares them
 * (`headerKeys`: the header's, so compared): a `repeated-header` row (above), which column
 * detection and inspect's counts pass over as no data.
 */
export function sameAsHeader(values: readonly string[], headerKeys: readonly string[]): boolean {
  if (values.length !== headerKeys.length || !headerKeys.some((k) => k !== '')) return false;
  // (inspect asks it of every row: a first value shorter than the first name's key, a ticket id
  // such as `T1041`, is no header, tested without making its key)
  if ((values[0] as string).length < (headerKeys[0] as string).length) return false;
  return values.every((v, i) => headerKey(v.trim()) === headerKeys[i]);
}

/** A dateFormat that reads `text` in the order `order` (the hint of checkDateOrder). */
export function dateFormatLike(text: string, order: 'day-first' | 'month-first'): string {
  const m = /^\s*\d{1,2}([/.-])\d{1,2}\1(\d{2,4})(?:(,?\s+)\d{1,2}:\d{2}(:\d{2})?(?:\s*([AaPp][Mm]))?(\s*)(Z|UTC|GMT|[+-]\d{2}(:?)\d{2})?)?/.exec(text);
  if (!m) return order === 'day-first' ? 'dd/MM/yyyy HH:mm' : 'MM/dd/yyyy HH:mm';
  const sep = m[1] as string;
  const date = order === 'day-first' ? `dd${sep}MM${sep}${m[2]?.length === 2 ? 'yy' : 'yyyy'}` : `MM${sep}dd${sep}${m[2]?.length === 2 ? 'yy' : 'yyyy'}`;
  if (m[3] === undefined) return date;
  // (a zone after the time is in the format too, or the format reads none of the values: found
  // by an attack; an offset as date-fns writes it, Z as XXX reads it, UTC and GMT as written)
  const zone = m[7] === undefined ? '' : `${m[6] ?? ''}${m[7] === 'UTC' || m[7] === 'GMT' ? `'${m[7]}'` : m[7] === 'Z' || m[8] === ':' ? 'XXX' : 'XX'}`;
  return `${date}${m[3].includes(',') ? ',' : ''} ${m[5] ? 'h' : 'HH'}:mm${m[4] ? ':ss' : ''}${m[5] ? ' a' : ''}${zone}`;
}

/** The grouping columns whose placeholders for no value are noted (`placeholder-value`), besides a `--by` column of its own. */
const PLACEHOLDER_NOTED = ['category', 'priority', 'group'] as const;

/** The note on a grouping cell that holds a placeholder for no value (read as none). */
function placeholderNote(record: RawRecord, text: string, column: string, label: string): RowIssue {
  return {
    kind: 'placeholder-value',
    severity: 'note',
    file: record.file,
    line: record.line,
    column,
    value: text,
    detail: `"${text}" stands for no value: read as none; if it is a real ${label}, rename it in the export`,
  };
}

/**
 * Builds the per-record normaliser for one file's mapping. `settled` hears when a timestamp
 * column the sample left without a style (no value in it) takes the style of its first value.
 */
/** The first line of a report tool's footer below its table: Salesforce's copyright line. */
const REPORT_FOOTER = /^copyright\s*(?:\(c\)|©)\s*\d{4}(?:\s*-\s*\d{4})?,?\s+salesforce(?:\.com)?\b/i;

export function rowNormaliser(
  mapping: RowMapping,
  context: RowContext,
  settled?: (field: TimestampField, style: TimestampStyle) => void,
): (record: RawRecord, times?: ParsedTimes) => RowResult {
  const b = mapping.bindings;
  const width = mapping.header.length;
  const headerKeys = mapping.header.map(headerKey);
  const resolveChannel = channelResolver(context.channels, mapping.format.channels ?? {});
  const parserOf = (field: TimestampField): TimestampParser | null => {
    const binding = b[field];
    return binding ? timestampParser(binding, mapping.timeZone, settled && ((style) => settled(field, style))) : null;
  };
  const created = parserOf('createdAt');
  const firstAt = parserOf('firstResponseAt');
  const resolvedAt = parserOf('resolvedAt');
  const escalation = new Set(context.escalationTags.map((t) => t.toLowerCase()));
  const outboundDirections = new Set((mapping.format.outboundDirections ?? []).map((v) => v.toLowerCase()));
  const privateDirections = new Set((mapping.format.privateDirections ?? []).map((v) => v.toLowerCase()));
  const fixed: ChannelMeaning | null = mapping.format.fixedChannel
    ? { channel: mapping.format.fixedChannel, known: true }
    : null;

  const byIndex = mapping.byColumn ? mapping.byColumn.index : -1;
  /** A field's text as written, trimmed (what a message quotes). */
  const written = (values: readonly string[], field: TicketField): string => {
    const binding = b[field];
    return binding ? (values[binding.index] ?? '').trim() : '';
  };
  /** A field's text, trimmed; empty for a placeholder for no value (NO_VALUE), in every column, as for an empty cell. */
  const get = (values: readonly string[], field: TicketField): string => {
    const text = written(values, field);
    return isNoValue(text) ? '' : text;
  };
  /** The `--by` column's text when it is a header of its own, read as `get` reads a field. */
  const byText = (values: readonly string[]): string => {
    const text = (values[byIndex] ?? '').trim();
    return isNoValue(text) ? '' : text;
  };

  const issue = (record: RawRecord, kind: string, severity: RowIssue['severity'], detail: string, field?: TicketField, value?: string): RowIssue => {
    const out: { -readonly [K in keyof RowIssue]: RowIssue[K] } = { kind, severity, file: record.file, line: record.line, detail };
    const column = field ? b[field]?.header : undefined;
    if (column !== undefined) out.column = column;
    if (value !== undefined) out.value = value;
    // (as the file writes them: an Excel text formula as written, read/excelText.ts)
    if (severity === 'error' || severity === 'excluded') out.values = writtenValues(record);
    return out;
  };
  const reject = (record: RawRecord, kind: string, detail: string, field?: TicketField, value?: string, severity: RowIssue['severity'] = 'error'): RowResult => ({
    ok: false,
    issue: issue(record, kind, severity, detail, field, value),
  });

  /**
   * The latest time of a row --since/--until leave out: its creation, its first response and its
   * resolution where the rules of a used row would count them for the as-of time (a readable,
   * non-negative time in the calendar; a resolution whatever the status: a reopened ticket was
   * resolved then). No --as-of here.
   */
  const leftLatest = (values: readonly string[], createdAt: number, times: ParsedTimes | undefined): { latest: number; latestColumn: string } => {
    let latest = createdAt;
    let latestColumn = b.createdAt?.header ?? 'creation time';
    // a time `seconds` after creation, read from `column`
    const end = (seconds: number | null, column: string): void => {
      if (seconds !== null && seconds >= 0 && inCalendar(createdAt + seconds) && createdAt + seconds > latest) {
        latest = createdAt + seconds;
        latestColumn = column;
      }
    };
    const firstColumn = (b.firstResponseAt ?? b.firstResponseTime)?.header ?? 'first response';
    const firstText = b.firstResponseAt ? get(values, 'firstResponseAt') : get(values, 'firstResponseTime');
    if (firstText) {
      if (b.firstResponseAt) {
        const at = times ? times.firstResponseAt : firstAt!(firstText);
        end(at === null ? null : at - createdAt, firstColumn);
      } else end(parseDurationValue(firstText, b.firstResponseTime?.unit ?? 'seconds', b.firstResponseTime?.number), firstColumn);
    }
    const resolvedText = b.resolvedAt ? get(values, 'resolvedAt') : get(values, 'resolutionTime');
    const resolvedColumn = (b.resolvedAt ?? b.resolutionTime)?.header ?? 'resolution';
    if (resolvedText) {
      if (b.resolvedAt) {
        const at = times ? times.resolvedAt : resolvedAt!(resolvedText);
        end(at === null ? null : at - createdAt, resolvedColumn);
      } else end(parseDurationValue(resolvedText, b.resolutionTime?.unit ?? 'seconds', b.resolutionTime?.number), resolvedColumn);
    }
    return { latest, latestColumn };
  };

  // the line a report tool's footer starts on (below), once seen; only rows at or after it are
  // the footer's, whatever order the rows reach this normaliser in
  let footerFrom: number | null = null;

  return (record, times) => {
    const { file, line, values } = record;
    if (record.rejected) return { ok: false, issue: readerRejection(record, record.rejected) };
    if (values.length < width) {
      // A report's footer below its table, as Salesforce writes one into every report export
      // (`"Copyright (c) 2000-2026 salesforce.com, inc. …"`, `"Confidential Information - Do Not
      // Distribute"`, `"Generated By: …"`, the company's name), and the blank lines (`""`) above
      // it: no tickets, and not bad data either (each had been a ragged row, an error, so
      // --strict failed on every Salesforce report). From the footer's first line on, every short
      // row is the footer's; a short row with every field empty is a blank line.
      const first = values.length === 1 ? (values[0] ?? '').trim() : '';
      if (footerFrom === null && REPORT_FOOTER.test(first)) footerFrom = line;
      if (footerFrom !== null && line >= footerFrom) return reject(record, 'report-footer', `below the table, the report's footer (from line ${footerFrom}): no ticket`, undefined, csvFields(values), 'excluded');
      if (values.every((v) => v.trim() === '')) return reject(record, 'blank-row', `a blank line (${values.length === 1 ? 'one empty field' : `${values.length} empty fields`} of ${width}): no ticket`, undefined, undefined, 'excluded');
    }
    if (values.length !== width) {
      const extra = values.slice(width);
      if (values.length < width || extra.some((v) => v.trim() !== '')) {
        // the fields beyond the header have no column: they are the issue's value (--rejects shows them)
        return reject(record, 'ragged-row', `expected ${width} fields, found ${values.length}`, undefined, extra.length ? csvFields(extra) : undefined);
      }
    }
    // (a placeholder for no value, `NULL`, is no ticket id and no creation time, as an empty cell)
    const id = get(values, 'ticketId');
    if (!id) {
      const idWritten = written(values, 'ticketId');
      return reject(record, 'missing-id', idWritten ? `no ticket id ("${idWritten}" stands for no value)` : 'no ticket id', 'ticketId', idWritten);
    }
    const createdWritten = written(values, 'createdAt');
    const createdText = get(values, 'createdAt');
    // spam or deleted (its status says so, or a spam or deleted flag of its own: status.ts
    // flagValue): nobody is waiting; counted as waiting for ever, it had made a channel
    // look slower than it is. Its id still takes part in the duplicate check, in the period or
    // not, and whatever its creation time (load/stream.ts): with --duplicates last a later
    // export's `deleted` row takes back the ticket an earlier row made; with first, a later row
    // of a ticket first seen as spam is its duplicate.
    const statusWord = get(values, 'status');
    const spamText = get(values, 'spam');
    const deletedText = get(values, 'deleted');
    const spamSet = spamText ? flagValue(spamText, false) : false;
    const deletedSet = deletedText ? flagValue(deletedText, true) : false;
    const discardedBy: [TicketField, string] | null =
      statusWord && classifyStatus(statusWord) === 'discarded' ? ['status', statusWord] : spamSet === true ? ['spam', spamText] : deletedSet === true ? ['deleted', deletedText] : null;
    /** The rejection of a spam or deleted row: as outside the period when it is (`outside`), else as discarded. */
    const discardedRow = (outside: string | null): RowResult => {
      const [field, value] = discardedBy as [TicketField, string];
      const why = field === 'status' ? `status "${value}": spam or deleted, no customer waiting` : `${b[field]?.header ?? field} "${value}": ${field === 'spam' ? 'marked as spam' : 'deleted'}, no customer waiting`;
      const left = outside !== null ? issue(record, 'outside-period', 'excluded', outside, 'createdAt', createdText) : issue(record, 'discarded', 'excluded', why, field, value);
      return { ok: false, issue: left, outsideId: id, discarded: true };
    };
    // (a spam or deleted row without a readable creation time is rejected as spam or deleted)
    if (!createdText) return discardedBy !== null ? discardedRow(null) : reject(record, 'missing-created', createdWritten ? `no creation time ("${createdWritten}" stands for no value)` : 'no creation time', 'createdAt', createdWritten);
    const createdAt = times ? times.createdAt : created ? created(createdText) : null;
    if (createdAt === null && discardedBy !== null) return discardedRow(null);
    if (createdAt === null) {
      // (a creation time that is a column's name: the header again, where exports were joined)
      if (repeatedHeader(record, headerKeys)) return reject(record, 'repeated-header', 'the header line again, as where two exports were joined one after the other: no ticket', undefined, undefined, 'excluded');
      checkDateOrder(record, b.createdAt, createdText, mapping.timeZone);
      return reject(record, 'bad-created', epochMismatch(b.createdAt?.style, createdText) ?? cannotRead(createdText, 'date'), 'createdAt', createdText);
    }
    if (!inCalendar(createdAt)) return discardedBy !== null ? discardedRow(null) : reject(record, 'bad-created', `date "${createdText}" is not in the years 1 to 9999`, 'createdAt', createdText);
    // A row outside --since/--until is excluded, but its times are read first when no --as-of is
    // given (leftLatest): they still say how old the export is, and the default as-of time is
    // the latest timestamp of the export, not of the period (as a report's is: one as-of for
    // every period). Its id still takes part in the duplicate check (outsideId). An
    // agent-initiated row would not be used in any period, and says nothing.
    const outside = context.since !== null && createdAt < context.since ? 'created before --since' : context.until !== null && createdAt >= context.until ? 'created on or after --until' : null;
    if (context.asOf !== null && createdAt > context.asOf) {
      // (a row after --as-of is no ticket in any period: outside this one, it is excluded as such)
      return outside !== null ? reject(record, 'outside-period', outside, 'createdAt', createdText, 'excluded') : reject(record, 'after-as-of', 'created after --as-of', 'createdAt', createdText, 'excluded');
    }

    const rawChannel = fixed ? (b.channel ? get(values, 'channel') || mapping.format.fixedChannel! : mapping.format.fixedChannel!) : get(values, 'channel');
    const meaning = fixed ?? resolveChannel(rawChannel);
    if (meaning.outbound) return outside !== null ? reject(record, 'outside-period', outside, 'createdAt', createdText, 'excluded') : reject(record, 'outbound', `agent-initiated contact ("${rawChannel}") is not a customer waiting for a reply`, 'channel', rawChannel, 'excluded');
    const directionText = get(values, 'direction');
    const direction = directionText.toLowerCase();
    if (direction && (isOutboundDirection(direction) || outboundDirections.has(direction))) {
      // (the value as written: --rejects writes the cell beside the row's own columns)
      return outside !== null ? reject(record, 'outside-period', outside, 'createdAt', createdText, 'excluded') : reject(record, 'outbound', `agent-initiated contact (${directionText})`, 'direction', directionText, 'excluded');
    }
    if (discardedBy !== null) return discardedRow(outside);

    // outside the period: only its id (for the duplicate check) and its latest time are wanted
    // (the default as-of time: an answer or a resolution as the rules below count them; none
    // with --as-of), and nothing else is read of it
    if (outside !== null) {
      const left = issue(record, 'outside-period', 'excluded', outside, 'createdAt', createdText);
      return context.asOf !== null ? { ok: false, issue: left, outsideId: id } : { ok: false, issue: left, ...leftLatest(values, createdAt, times), outsideId: id };
    }

    let notes: RowIssue[] = NO_NOTES;
    let latest = createdAt;
    // a flag that is neither set nor unset (status.ts flagValue): the ticket is kept, and the note says so
    if (spamSet === null) notes = withNote(notes, issue(record, 'bad-flag', 'note', `cannot read "${spamText}" as true or false; the ticket is kept`, 'spam', spamText));
    if (deletedSet === null) notes = withNote(notes, issue(record, 'bad-flag', 'note', `cannot read "${deletedText}" as true, false or a time; the ticket is kept`, 'deleted', deletedText));
    if (!fixed && !rawChannel) {
      const channelWritten = written(values, 'channel');
      notes = withNote(notes, issue(record, 'missing-channel', 'note', channelWritten ? `no channel value ("${channelWritten}" stands for no value); counted as other` : 'no channel value; counted as other', 'channel', channelWritten));
    }
    // A grouping value written as a placeholder for no value (`NA`, `None`, `-`, `NULL`) is read
    // as none, and said: a region really called `NA` (North America) would otherwise vanish
    // from its group without a word. (The byte reader leaves such rows to this normaliser.)
    for (const field of PLACEHOLDER_NOTED) {
      const text = written(values, field);
      if (text !== '' && isNoValue(text)) notes = withNote(notes, placeholderNote(record, text, (b[field] as RowBinding).header, field));
    }
    if (byIndex >= 0 && !PLACEHOLDER_NOTED.some((field) => b[field]?.index === byIndex)) {
      const text = (values[byIndex] ?? '').trim();
      const header = (mapping.byColumn as { readonly header: string }).header;
      if (text !== '' && isNoValue(text)) notes = withNote(notes, placeholderNote(record, text, header, `${header} value`));
    }

    // First response: a timestamp or a duration; empty (or a placeholder for no value) = not answered yet.
    let firstResponseSeconds = Number.NaN;
    let firstResponseState: FirstResponseState = UNANSWERED;
    const firstText = b.firstResponseAt ? get(values, 'firstResponseAt') : get(values, 'firstResponseTime');
    if (firstText) {
      let seconds: number | null;
      if (b.firstResponseAt) {
        const at = times ? times.firstResponseAt : firstAt!(firstText);
        seconds = at === null ? null : at - createdAt;
      } else {
        seconds = parseDurationValue(firstText, b.firstResponseTime?.unit ?? 'seconds', b.firstResponseTime?.number);
      }
      const field: TicketField = b.firstResponseAt ? 'firstResponseAt' : 'firstResponseTime';
      if (seconds === null) {
        checkDateOrder(record, b.firstResponseAt, firstText, mapping.timeZone);
        notes = withNote(notes, issue(record, 'bad-first-response', 'metric', `${b.firstResponseAt ? (epochMismatch(b.firstResponseAt.style, firstText) ?? cannotRead(firstText)) : durationUnread(firstText)}; left out of first response`, field, firstText));
        firstResponseState = EXCLUDED;
      } else if (seconds < 0) {
        notes = withNote(notes, issue(record, 'negative-first-response', 'metric', `first response ${formatDuration(-seconds)} before creation; left out of first response`, field, firstText));
        firstResponseState = EXCLUDED;
      } else if (!inCalendar(createdAt + seconds)) {
        notes = withNote(notes, issue(record, 'bad-first-response', 'metric', `"${firstText}" puts the first response after the year 9999; left out of first response`, field, firstText));
        firstResponseState = EXCLUDED;
      } else if (context.asOf !== null && createdAt + seconds > context.asOf) {
        firstResponseState = UNANSWERED; // answered after the as-of time: not known then
      } else {
        firstResponseSeconds = seconds;
        firstResponseState = ANSWERED;
        latest = Math.max(latest, createdAt + seconds);
      }
    }

    // Resolution: a timestamp or a duration; empty (or a placeholder) = still open (censored), unless the status says otherwise.
    const status = get(values, 'status') || null;
    const statusClass = classifyStatus(status);
    let resolutionSeconds = Number.NaN;
    let resolutionState: ResolutionState = OPEN;
    const resolvedText = b.resolvedAt ? get(values, 'resolvedAt') : get(values, 'resolutionTime');
    const resField: TicketField = b.resolvedAt ? 'resolvedAt' : 'resolutionTime';
    if (resolvedText && statusClass !== 'open') {
      let seconds: number | null;
      if (b.resolvedAt) {
        const at = times ? times.resolvedAt : resolvedAt!(resolvedText);
        seconds = at === null ? null : at - createdAt;
      } else {
        seconds = parseDurationValue(resolvedText, b.resolutionTime?.unit ?? 'seconds', b.resolutionTime?.number);
      }
      if (seconds === null) {
        checkDateOrder(record, b.resolvedAt, resolvedText, mapping.timeZone);
        notes = withNote(notes, issue(record, 'bad-resolution', 'metric', `${b.resolvedAt ? (epochMismatch(b.resolvedAt.style, resolvedText) ?? cannotRead(resolvedText)) : durationUnread(resolvedText)}; left out of resolution`, resField, resolvedText));
        resolutionState = EXCLUDED;
      } else if (seconds < 0) {
        notes = withNote(notes, issue(record, 'negative-resolution', 'metric', `resolved ${formatDuration(-seconds)} before creation; left out of resolution`, resField, resolvedText));
        resolutionState = EXCLUDED;
      } else if (!inCalendar(createdAt + seconds)) {
        notes = withNote(notes, issue(record, 'bad-resolution', 'metric', `"${resolvedText}" puts the resolution after the year 9999; left out of resolution`, resField, resolvedText));
        resolutionState = EXCLUDED;
      } else if (context.asOf !== null && createdAt + seconds > context.asOf) {
        resolutionState = OPEN;
      } else {
        resolutionSeconds = seconds;
        resolutionState = RESOLVED;
        latest = Math.max(latest, createdAt + seconds);
        if (firstResponseState === ANSWERED && seconds < firstResponseSeconds) {
          notes = withNote(notes, issue(record, 'resolved-before-first-response', 'note', 'resolution time is earlier than the first response', resField, resolvedText));
        }
      }
    } else if (resolvedText && statusClass === 'open') {
      notes = withNote(notes, issue(record, 'reopened', 'note', `status "${status}" is open although a resolution time is given; counted as still open`, 'status', status ?? ''));
      // The resolution is not counted, but it happened: the export was taken after it (and after
      // the reopening), so it is a time the default as-of is the latest of, as in the count query
      // (read/engines/sql.ts resEnd). An unreadable or negative one is none (it is noted nowhere
      // else: the status decides the ticket).
      const at = b.resolvedAt ? (times ? times.resolvedAt : resolvedAt!(resolvedText)) : null;
      const seconds = b.resolvedAt ? (at === null ? null : at - createdAt) : parseDurationValue(resolvedText, b.resolutionTime?.unit ?? 'seconds', b.resolutionTime?.number);
      if (seconds !== null && seconds >= 0 && inCalendar(createdAt + seconds)) latest = Math.max(latest, createdAt + seconds);
    } else if (!resolvedText && statusClass === 'resolved' && (b.resolvedAt || b.resolutionTime)) {
      notes = withNote(notes, issue(record, 'resolved-without-time', 'metric', `status "${status}" but no resolution time; left out of resolution`, 'status', status ?? ''));
      resolutionState = EXCLUDED;
    }

    let followers = Number.NaN;
    const followersText = get(values, 'followers');
    if (followersText) {
      const n = parseFollowers(followersText, b.followers?.number);
      if (n === null) notes = withNote(notes, issue(record, 'bad-followers', 'metric', `cannot read follower count "${followersText}"`, 'followers', followersText));
      else followers = n;
    }

    // (a direct message on a channel of public posts, by its direction: formats/types.ts privateDirections)
    let isPublic: boolean | null = direction && privateDirections.has(direction) ? false : (meaning.isPublic ?? null);
    const publicText = get(values, 'isPublic');
    if (publicText) {
      const p = parseBoolean(publicText);
      if (p === null) notes = withNote(notes, issue(record, 'bad-is-public', 'note', `cannot read "${publicText}" as true/false`, 'isPublic', publicText));
      else isPublic = p;
    }

    const text = get(values, 'text');
    const subject = get(values, 'subject');
    let flags = 0;
    if ((text || subject) && shoutsJoined(subject, text, context.capitalsShare, context.exclamationRun)) flags |= FLAG_SHOUTING;
    const tags = get(values, 'tags').toLowerCase();
    const priority = get(values, 'priority') || null;
    if (escalation.size) {
      const words = tags.split(/[\s,;|]+/).filter(Boolean);
      if (words.some((w) => escalation.has(w)) || (priority && escalation.has(priority.toLowerCase()))) flags |= FLAG_ESCALATED;
    }

    return {
      ok: true,
      latest,
      notes,
      ticket: {
        id,
        customerId: get(values, 'customerId') || null,
        channel: meaning.channel,
        rawChannel: rawChannel || '(empty)',
        channelKnown: meaning.known,
        isPublic,
        createdAt,
        firstResponseSeconds,
        firstResponseState,
        resolutionSeconds,
        resolutionState,
        status,
        priority,
        category: get(values, 'category') || null,
        group: get(values, 'group') || null,
        byValue: byIndex >= 0 ? byText(values) || null : undefined,
        followers,
        flags,
        file,
        line,
      },
    };
  };
}
