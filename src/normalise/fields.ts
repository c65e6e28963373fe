/**
 * Record → ticket straight from the byte scanner's field offsets (read/record.ts FieldBatch),
 * for the rows that need nothing but the common case: the bound columns are read from their
 * bytes (ISO timestamps, digits, trimmed ASCII ranges for ids and dictionary values, the
 * shouting test), no string is made per field and no object per row (the result is written into
 * one reused ByteRow). Anything else — a ragged row, a value that would be rejected or noted, a
 * timestamp in another shape, a field with doubled quotes or non-ASCII bytes where that matters,
 * a record that holds `="` (an Excel text formula, which the readers unwrap: read/excelText.ts) —
 * is answered "not here", and the caller decodes the record and hands it to the string
 * normaliser (rows.ts), which stays the one definition of every rule. So the two cannot differ
 * on a row: either this reader accepts it with exactly the values rows.ts would give, or rows.ts
 * reads it. test/unit/normalise/fields.test.ts holds them together on generated rows.
 */
import { FIELD_ODD, FIELD_PLAIN, FIELD_QUOTED, FIELD_RECODED, type FieldBatch } from '../read/record.js';
import type { TicketField } from '../model.js';
import { CHANNELS } from '../model.js';
import { channelResolver, isOutboundDirection, parseBoolean, type ChannelMeaning } from './channel.js';
import { classifyStatus, flagValue, type StatusClass } from './status.js';
import { inCalendar, isoBytesReader, parserFor, type TimestampBytesReader, type TimestampParser, type TimestampStyle } from './time.js';
import { isNoValue, isNoValueAscii, NO_VALUE_LONGEST, NO_VALUE_WORD_LONGEST, parseDurationValue, parseFollowers, shouting, type RowBinding, type RowContext, type RowMapping, type TimestampField } from './rows.js';
import {
  ANSWERED, OPEN, RESOLVED, UNANSWERED, FLAG_ESCALATED, FLAG_SHOUTING,
  TEXT_BY, TEXT_CATEGORY, TEXT_CUSTOMER, TEXT_GROUP, TEXT_PRIORITY, TEXT_STATUS, ColumnCache, type ByteRow,
} from './table.js';

/**
 * Reads record r of a batch into `row`; false when the string normaliser must read it instead.
 * `settle` gives a timestamp column the style the string normaliser settled on its first value
 * (rows.ts timestampParser), when the sample had none: until then the byte reader reads that
 * column's empty cells and leaves every row with a value in it to the string normaliser.
 */
export interface ByteNormaliser {
  (batch: FieldBatch, r: number, row: ByteRow): boolean;
  settle(field: TimestampField, style: TimestampStyle): void;
}

/** Trimmed range of the last field `plain` accepted (module state: no object per field). */
let S = 0;
let E = 0;

/** JavaScript's trim() within ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
function isSpace(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 13);
}

/**
 * Whether field f is plain ASCII (unquoted, or quoted without doubled quotes): then its trimmed
 * value is the bytes S..E, exactly what `.trim()` of the decoded string gives. Otherwise the
 * caller decodes it (non-ASCII whitespace, doubled quotes and the relaxed odd quotes need the
 * string rules).
 */
function plain(batch: FieldBatch, f: number, asciiRecord: boolean): boolean {
  const kind = batch.kind[f];
  let s = batch.start[f] as number;
  let e = batch.end[f] as number;
  if (kind === FIELD_QUOTED) {
    s++;
    e--;
  } else if (kind !== FIELD_PLAIN) return false;
  const b = batch.bytes;
  if (!asciiRecord) for (let j = s; j < e; j++) if ((b[j] as number) >= 0x80) return false;
  while (s < e && isSpace(b[s] as number)) s++;
  while (e > s && isSpace(b[e - 1] as number)) e--;
  S = s;
  E = e;
  return true;
}

/**
 * Whether a time field that did not read as a time is a placeholder for no value (rows.ts
 * isNoValue: `NULL`, `n/a`, …), which rows.ts reads as an empty cell: from its decoded `text`,
 * or from the bytes S..E of a plain field (`text` null).
 */
function noValue(buf: Uint8Array, text: string | null): boolean {
  return isNoValue(text ?? (buf as Buffer).toString('latin1', S, E));
}

/**
 * Whether field f, trimmed, is a placeholder for no value (rows.ts isNoValue), which rows.ts reads
 * as an empty cell in every column: from its bytes when plain; otherwise decoded only when it
 * could be one — a placeholder is 1 to NO_VALUE_LONGEST ASCII characters, none a quote, so a
 * field with none or more of them (quotes, spaces and bytes beyond ASCII aside: a decoded
 * character beyond ASCII is never one of them) is not, and a long text is not decoded for it.
 */
function noValueField(batch: FieldBatch, f: number, asciiRecord: boolean): boolean {
  if (plain(batch, f, asciiRecord)) return isNoValueAscii(batch.bytes, S, E);
  const b = batch.bytes;
  const end = batch.end[f] as number;
  let n = 0;
  // (longer than a word only when it is a zero date: its first character, a 0, says so)
  let longest = NO_VALUE_WORD_LONGEST;
  for (let j = batch.start[f] as number; j < end; j++) {
    const c = b[j] as number;
    if (c >= 0x80 || c === 34 || isSpace(c)) continue;
    if (n === 0 && c === 48) longest = NO_VALUE_LONGEST;
    if (++n > longest) return false;
  }
  return n > 0 && isNoValue(batch.text(f).trim());
}

/**
 * Adds field f to the shouting counts (rows.ts `shouting`): from its bytes — quotes aside; a
 * doubled quote counts like the one quote it stands for, neither a letter nor `!` — or, for the
 * relaxed odd quoting and bytes that are not valid UTF-8, from its decoded text.
 */
function shout(batch: FieldBatch, f: number, asciiRecord: boolean, exclamationRun: number): boolean {
  const kind = batch.kind[f] as number;
  let s = batch.start[f] as number;
  let e = batch.end[f] as number;
  if (kind !== FIELD_PLAIN) {
    // the relaxed odd quoting, and bytes read as Windows-1252 (FIELD_RECODED): from the text
    if (kind === FIELD_ODD || (kind & FIELD_RECODED) !== 0) return shouting.text(batch.text(f), exclamationRun);
    s++;
    e--;
  }
  if (asciiRecord) return shouting.ascii(batch.bytes, s, e, exclamationRun);
  return shouting.utf8(batch.bytes, s, e, exclamationRun) ?? shouting.text(batch.text(f), exclamationRun);
}

/**
 * Reads the text column k of a ByteRow from field `index` of the record starting at field
 * `first` (-1: the column is not bound, no value): as a key of `cache` when one is given and
 * has room, else as the trimmed byte range, else (not plain ASCII) as the decoded, trimmed
 * text. Returns the cache key, or -1.
 */
function readText(batch: FieldBatch, first: number, index: number, ascii: boolean, row: ByteRow, k: number, cache: ColumnCache<unknown> | null, notedPlaceholder = false): number {
  if (index < 0) {
    row.start[k] = row.end[k] = 0;
    return -1;
  }
  const f = first + index;
  if (plain(batch, f, ascii)) {
    // (a placeholder for no value, `NULL`, is none, as rows.ts reads it; in a grouping column
    // rows.ts notes it, so the row is left to it)
    if (S !== E && isNoValueAscii(batch.bytes, S, E)) {
      if (notedPlaceholder) return PLACEHOLDER;
      E = S;
    }
    if (S !== E && cache !== null) {
      const key = cache.key(batch.bytes, S, E);
      if (key >= 0) {
        row.start[k] = -2;
        row.key[k] = key;
        row.cache[k] = cache;
        return key;
      }
    }
    row.start[k] = S;
    row.end[k] = E;
    return -1;
  }
  row.start[k] = -1;
  const text = batch.text(f).trim();
  const none = text !== '' && isNoValue(text);
  if (none && notedPlaceholder) return PLACEHOLDER;
  row.text[k] = text === '' || none ? null : text;
  return -1;
}

/** What readText returns for a placeholder in a column whose placeholders rows.ts notes (`placeholder-value`). */
const PLACEHOLDER = -3;

/** The value of a ByteRow's text column k read without a cache key: its text, or null for none. */
function valueText(row: ByteRow, k: number): string | null {
  const start = row.start[k] as number;
  if (start === -1) return row.text[k] ?? null;
  const end = row.end[k] as number;
  return start === end ? null : (row.bytes as Buffer).toString('latin1', start, end);
}

/**
 * The byte ranges of column `index` in records `from`..`to` of a batch, into `starts` and
 * `ends` (room for to - from); returns how many. For reading ahead (StringTable.warmAscii), so
 * close enough: quotes and ASCII spaces trimmed as `plain` does, any other field as it stands.
 */
export function fieldRanges(batch: FieldBatch, index: number, from: number, to: number, starts: Int32Array, ends: Int32Array): number {
  const b = batch.bytes;
  let n = 0;
  for (let r = from; r < to; r++) {
    const first = batch.firstField[r] as number;
    if ((batch.firstField[r + 1] as number) - first <= index) continue;
    const f = first + index;
    let s = batch.start[f] as number;
    let e = batch.end[f] as number;
    if (batch.kind[f] === FIELD_QUOTED) {
      s++;
      e--;
    }
    while (s < e && isSpace(b[s] as number)) s++;
    while (e > s && isSpace(b[e - 1] as number)) e--;
    if (s === e) continue;
    starts[n] = s;
    ends[n] = e;
    n++;
  }
  return n;
}

const CHANNEL_CODE = new Map(CHANNELS.map((c, i) => [c, i]));

/**
 * The byte reader for one file's mapping, or null when the mapping needs what only the string
 * normaliser does (a fixed channel).
 *
 * A timestamp column whose style the sample did not settle (no value in its first rows: a
 * newest-first export whose latest tickets are open leaves `resolved_at` empty there) is read
 * here only where it is empty, until `settle` gives it the style the string normaliser took from
 * its first value; the rows with a value before that go to the string normaliser, which settles
 * it. (Leaving the whole file to the string normaliser instead made such a file of 1M rows half
 * as fast again and half as large again: README, Performance.)
 */
export function byteNormaliser(mapping: RowMapping, context: RowContext): ByteNormaliser | null {
  const b = mapping.bindings;
  if (mapping.format.fixedChannel) return null;
  if (!b.ticketId || !b.createdAt || !b.channel) return null;
  const width = mapping.header.length;
  const column = (field: TicketField): number => b[field]?.index ?? -1;
  const idIndex = b.ticketId.index;
  const createdIndex = b.createdAt.index;
  const channelIndex = b.channel.index;
  const directionIndex = column('direction');
  const firstIndex = b.firstResponseAt ? b.firstResponseAt.index : column('firstResponseTime');
  const resolvedIndex = b.resolvedAt ? b.resolvedAt.index : column('resolutionTime');
  const statusIndex = column('status');
  const followersIndex = column('followers');
  const publicIndex = column('isPublic');
  const spamIndex = column('spam');
  const deletedIndex = column('deleted');
  const textIndex = column('text');
  const subjectIndex = column('subject');
  const tagsIndex = column('tags');
  const priorityIndex = column('priority');
  const customerIndex = column('customerId');
  const categoryIndex = column('category');
  const groupIndex = column('group');
  const byIndex = mapping.byColumn ? mapping.byColumn.index : -1;

  const zone = mapping.timeZone;
  const stringReader = (binding: RowBinding | undefined): TimestampParser | null =>
    binding?.style ? parserFor(binding.style, zone, binding.dateFormat) : null;
  const byteReader = (binding: RowBinding | undefined): TimestampBytesReader | null => (binding?.style === 'iso' ? isoBytesReader(zone) : null);
  // (a column still waiting for its style: `…Pending`, its parsers set by `settle`)
  let createdPending = !b.createdAt.style;
  let created = stringReader(b.createdAt) as TimestampParser;
  let createdBytes = byteReader(b.createdAt);
  let firstPending = b.firstResponseAt !== undefined && !b.firstResponseAt.style;
  let firstAt = stringReader(b.firstResponseAt);
  let firstAtBytes = byteReader(b.firstResponseAt);
  let resolvedPending = b.resolvedAt !== undefined && !b.resolvedAt.style;
  let resolvedAt = stringReader(b.resolvedAt);
  let resolvedAtBytes = byteReader(b.resolvedAt);
  const settle = (field: TimestampField, style: TimestampStyle): void => {
    const binding = b[field];
    if (!binding || binding.style) return;
    const settled: RowBinding = { ...binding, style };
    if (field === 'createdAt' && createdPending) {
      created = stringReader(settled) as TimestampParser;
      createdBytes = byteReader(settled);
      createdPending = false;
    } else if (field === 'firstResponseAt' && firstPending) {
      firstAt = stringReader(settled);
      firstAtBytes = byteReader(settled);
      firstPending = false;
    } else if (field === 'resolvedAt' && resolvedPending) {
      resolvedAt = stringReader(settled);
      resolvedAtBytes = byteReader(settled);
      resolvedPending = false;
    }
  };
  const firstUnit = b.firstResponseTime?.unit ?? 'seconds';
  const firstNumber = b.firstResponseTime?.number;
  const resolutionUnit = b.resolutionTime?.unit ?? 'seconds';
  const resolutionNumber = b.resolutionTime?.number;
  const followersReading = b.followers?.number;
  const { since, until, asOf, capitalsShare, exclamationRun } = context;

  const escalation = new Set(context.escalationTags.map((t) => t.toLowerCase()));
  const outboundDirections = new Set((mapping.format.outboundDirections ?? []).map((v) => v.toLowerCase()));
  const privateDirections = new Set((mapping.format.privateDirections ?? []).map((v) => v.toLowerCase()));
  const resolveChannel = channelResolver(context.channels, mapping.format.channels ?? {});
  const channels = new ColumnCache<ChannelMeaning>(resolveChannel);
  const statuses = new ColumnCache<StatusClass>(classifyStatus);
  const publics = new ColumnCache<boolean | null>(parseBoolean);
  const spamFlags = new ColumnCache<boolean | null>((text) => flagValue(text, false));
  const deletedFlags = new ColumnCache<boolean | null>((text) => flagValue(text, true));
  /**
   * Whether flag field f is anything but unset (status.ts flagValue): set, or unreadable (the
   * string normaliser then excludes the row, or notes it). From its bytes through `cache`: no
   * string is made for an empty cell or a value seen before.
   */
  const flagged = (batch: FieldBatch, f: number, ascii: boolean, cache: ColumnCache<boolean | null>, timeMeansSet: boolean): boolean => {
    if (!plain(batch, f, ascii)) return flagValue(textOf(batch, f), timeMeansSet) !== false;
    if (S === E) return false;
    const key = cache.key(batch.bytes, S, E);
    return (key >= 0 ? cache.meaning(key) : flagValue((batch.bytes as Buffer).toString('latin1', S, E), timeMeansSet)) !== false;
  };
  const isEscalation = (priority: string): boolean => escalation.has(priority.toLowerCase());
  const priorities = new ColumnCache<boolean>(isEscalation);
  const categories = new ColumnCache<null>(() => null);
  const groups = new ColumnCache<null>(() => null);

  /** The trimmed text of field f the way rows.ts reads it (for the fields not read from bytes). */
  const textOf = (batch: FieldBatch, f: number): string => batch.text(f).trim();

  /**
   * A non-empty timestamp field: epoch seconds or null, as the column's parser reads it; from
   * the bytes S..E when `text` is null (a plain field), else from the decoded text.
   */
  const timeOf = (buf: Uint8Array, text: string | null, bytes: TimestampBytesReader | null, parse: TimestampParser): number | null => {
    if (text !== null) return parse(text);
    if (bytes !== null) {
      const fast = bytes(buf, S, E);
      if (fast !== undefined) return fast;
    }
    return parse((buf as Buffer).toString('latin1', S, E));
  };

  const read = (batch: FieldBatch, r: number, row: ByteRow): boolean => {
    const first = batch.firstField[r] as number;
    if ((batch.firstField[r + 1] as number) - first !== width) return false; // rows.ts decides on ragged rows
    // A record with an Excel text formula (`="00123"`, read as `00123`: read/excelText.ts) is read
    // from its decoded values, by rows.ts; its batch's bytes were searched for `="` once.
    const formulas = batch.formulaRows();
    if (formulas !== null && formulas[r] === 1) return false;
    const ascii = batch.ascii[r] === 1;
    const buf = batch.bytes;
    row.bytes = buf;

    // Ticket id: read from bytes or not at all (the duplicate check keys on them); none (or a
    // placeholder for no value) is rejected by rows.ts.
    if (!plain(batch, first + idIndex, ascii) || S === E || isNoValueAscii(buf, S, E)) return false;
    row.idStart = S;
    row.idEnd = E;

    // Creation time; rejections and exclusions are rows.ts's.
    let f = first + createdIndex;
    let text = plain(batch, f, ascii) ? null : textOf(batch, f);
    if (text === null ? S === E : text === '') return false;
    if (createdPending) return false; // its style comes from its first value, in rows.ts
    const createdAt = timeOf(buf, text, createdBytes, created);
    if (createdAt === null || !inCalendar(createdAt)) return false; // rejected by rows.ts
    if (since !== null && createdAt < since) return false;
    if (until !== null && createdAt >= until) return false;
    if (asOf !== null && createdAt > asOf) return false;

    // Channel: an empty one (or a placeholder for no value) is noted by rows.ts; an outbound one excluded there.
    f = first + channelIndex;
    let meaning: ChannelMeaning;
    let rawChannel: string;
    let channelKey = -1;
    if (plain(batch, f, ascii)) {
      if (S === E || isNoValueAscii(buf, S, E)) return false;
      channelKey = channels.key(buf, S, E);
      if (channelKey >= 0) {
        meaning = channels.meaning(channelKey);
        rawChannel = channels.text(channelKey);
      } else {
        rawChannel = (buf as Buffer).toString('latin1', S, E);
        meaning = resolveChannel(rawChannel);
      }
    } else {
      rawChannel = textOf(batch, f);
      if (rawChannel === '' || isNoValue(rawChannel)) return false;
      meaning = resolveChannel(rawChannel);
    }
    if (meaning.outbound) return false;
    // (rows.ts: a direct message on a channel of public posts is private)
    let privateByDirection = false;
    if (directionIndex >= 0) {
      const directionText = textOf(batch, first + directionIndex).toLowerCase();
      const direction = isNoValue(directionText) ? '' : directionText;
      if (direction && (isOutboundDirection(direction) || outboundDirections.has(direction))) return false;
      privateByDirection = direction !== '' && privateDirections.has(direction);
    }
    let latest = createdAt;

    // First response: a timestamp or a duration; empty = not answered yet.
    let firstResponseSeconds = Number.NaN;
    let firstResponseState: typeof ANSWERED | typeof UNANSWERED = UNANSWERED;
    if (firstIndex >= 0) {
      f = first + firstIndex;
      text = plain(batch, f, ascii) ? null : textOf(batch, f);
      if (text === null ? S !== E : text !== '') {
        let seconds: number | null;
        if (firstPending) {
          if (!noValue(buf, text)) return false; // its style comes from its first value, in rows.ts
          seconds = null;
        } else if (firstAt !== null) {
          const at = timeOf(buf, text, firstAtBytes, firstAt);
          seconds = at === null ? null : at - createdAt;
        } else {
          seconds = parseDurationValue(text ?? (buf as Buffer).toString('latin1', S, E), firstUnit, firstNumber);
        }
        if (seconds === null && noValue(buf, text)) {
          // a placeholder for no value: not answered yet, as an empty cell
        } else if (seconds === null || seconds < 0 || !inCalendar(createdAt + seconds)) return false; // a note in rows.ts
        else if (asOf !== null && createdAt + seconds > asOf) {
          // answered after the as-of time: not known then
        } else {
          firstResponseSeconds = seconds;
          firstResponseState = ANSWERED;
          latest = Math.max(latest, createdAt + seconds);
        }
      }
    }

    // Status and resolution.
    let statusClass: StatusClass = 'unknown';
    const statusKey = readText(batch, first, statusIndex, ascii, row, TEXT_STATUS, statuses);
    if (statusKey >= 0) statusClass = statuses.meaning(statusKey);
    else if (statusIndex >= 0) statusClass = classifyStatus(valueText(row, TEXT_STATUS));
    if (statusClass === 'discarded') return false; // spam or deleted: the string normaliser excludes it, saying why
    // (the same by a flag of its own, status.ts flagValue; a flag it cannot read has a note there)
    if (spamIndex >= 0 && flagged(batch, first + spamIndex, ascii, spamFlags, false)) return false;
    if (deletedIndex >= 0 && flagged(batch, first + deletedIndex, ascii, deletedFlags, true)) return false;
    let resolutionSeconds = Number.NaN;
    let resolutionState: typeof RESOLVED | typeof OPEN = OPEN;
    let resolvedGiven = false;
    if (resolvedIndex >= 0) {
      f = first + resolvedIndex;
      text = plain(batch, f, ascii) ? null : textOf(batch, f);
      resolvedGiven = text === null ? S !== E : text !== '';
      if (resolvedGiven) {
        let seconds: number | null;
        if (resolvedPending) {
          if (!noValue(buf, text)) return false; // its style comes from its first value, in rows.ts
          seconds = null;
        } else if (resolvedAt !== null) {
          const at = timeOf(buf, text, resolvedAtBytes, resolvedAt);
          seconds = at === null ? null : at - createdAt;
        } else {
          seconds = parseDurationValue(text ?? (buf as Buffer).toString('latin1', S, E), resolutionUnit, resolutionNumber);
        }
        // (a placeholder for no value is an empty cell: still open, or resolved without a time below)
        if (seconds === null && noValue(buf, text)) resolvedGiven = false;
        else if (statusClass === 'open') return false; // reopened: a note in rows.ts
        else if (seconds === null || seconds < 0 || !inCalendar(createdAt + seconds)) return false;
        else if (asOf !== null && createdAt + seconds > asOf) {
          // resolved after the as-of time: still open then
        } else {
          if (firstResponseState === ANSWERED && seconds < firstResponseSeconds) return false; // a note in rows.ts
          resolutionSeconds = seconds;
          resolutionState = RESOLVED;
          latest = Math.max(latest, createdAt + seconds);
        }
      }
    }
    if (!resolvedGiven && statusClass === 'resolved' && resolvedIndex >= 0) return false; // resolved without a time

    let followers = Number.NaN;
    if (followersIndex >= 0) {
      f = first + followersIndex;
      if (plain(batch, f, ascii)) {
        // (a placeholder for no value, `NULL`, is no follower count, as an empty cell)
        if (S !== E && !isNoValueAscii(buf, S, E)) {
          let n = 0;
          let digits = E - S <= 15;
          for (let j = S; digits && j < E; j++) {
            const d = (buf[j] as number) - 48;
            if (d < 0 || d > 9) digits = false;
            else n = n * 10 + d;
          }
          if (!digits) {
            const parsed = parseFollowers((buf as Buffer).toString('latin1', S, E), followersReading);
            if (parsed === null) return false;
            n = parsed;
          }
          followers = n;
        }
      } else {
        text = textOf(batch, f);
        if (text && !isNoValue(text)) {
          const parsed = parseFollowers(text, followersReading);
          if (parsed === null) return false;
          followers = parsed;
        }
      }
    }

    let isPublic: boolean | null = privateByDirection ? false : (meaning.isPublic ?? null);
    if (publicIndex >= 0) {
      f = first + publicIndex;
      let given: boolean | null = null;
      let read = false;
      if (plain(batch, f, ascii)) {
        if (S !== E && !isNoValueAscii(buf, S, E)) {
          read = true;
          const key = publics.key(buf, S, E);
          given = key >= 0 ? publics.meaning(key) : parseBoolean((buf as Buffer).toString('latin1', S, E));
        }
      } else {
        text = textOf(batch, f);
        if (text && !isNoValue(text)) {
          read = true;
          given = parseBoolean(text);
        }
      }
      if (read) {
        if (given === null) return false; // a note in rows.ts
        isPublic = given;
      }
    }

    // Shouting: subject then text, as rows.ts's shoutsJoined (trimming changes no count); a
    // placeholder for no value, `NULL`, is no subject or text and is not counted.
    let flags = 0;
    if (subjectIndex >= 0 || textIndex >= 0) {
      shouting.start();
      let decided = false;
      if (subjectIndex >= 0 && !noValueField(batch, first + subjectIndex, ascii)) decided = shout(batch, first + subjectIndex, ascii, exclamationRun);
      if (!decided && textIndex >= 0 && !noValueField(batch, first + textIndex, ascii)) decided = shout(batch, first + textIndex, ascii, exclamationRun);
      if (decided || shouting.verdict(capitalsShare)) flags |= FLAG_SHOUTING;
    }
    const priorityKey = readText(batch, first, priorityIndex, ascii, row, TEXT_PRIORITY, priorities, true);
    if (priorityKey === PLACEHOLDER) return false; // a note in rows.ts
    if (escalation.size) {
      let escalated = false;
      if (tagsIndex >= 0) {
        const tags = textOf(batch, first + tagsIndex).toLowerCase();
        escalated = !isNoValue(tags) && tags.split(/[\s,;|]+/).filter(Boolean).some((w) => escalation.has(w));
      }
      if (!escalated && priorityIndex >= 0) {
        if (priorityKey >= 0) escalated = priorities.meaning(priorityKey);
        else {
          const priority = valueText(row, TEXT_PRIORITY);
          escalated = priority !== null && isEscalation(priority);
        }
      }
      if (escalated) flags |= FLAG_ESCALATED;
    }

    // The other text columns, for the table's dictionaries.
    readText(batch, first, customerIndex, ascii, row, TEXT_CUSTOMER, null);
    // (a placeholder for no value in a grouping column: a note in rows.ts)
    if (readText(batch, first, categoryIndex, ascii, row, TEXT_CATEGORY, categories, true) === PLACEHOLDER) return false;
    if (readText(batch, first, groupIndex, ascii, row, TEXT_GROUP, groups, true) === PLACEHOLDER) return false;
    if (readText(batch, first, byIndex, ascii, row, TEXT_BY, null, true) === PLACEHOLDER) return false;
    row.hasBy = byIndex >= 0;
    row.rawChannelKey = channelKey;
    row.rawChannelCache = channels;
    row.channel = CHANNEL_CODE.get(meaning.channel) ?? CHANNELS.length - 1;
    row.rawChannel = rawChannel;
    row.channelKnown = meaning.known;
    row.isPublic = isPublic === null ? -1 : isPublic ? 1 : 0;
    row.createdAt = createdAt;
    row.firstResponseSeconds = firstResponseSeconds;
    row.firstResponseState = firstResponseState;
    row.resolutionSeconds = resolutionSeconds;
    row.resolutionState = resolutionState;
    row.followers = followers;
    row.flags = flags;
    row.file = batch.file;
    row.line = batch.line[r] as number;
    row.latest = latest;
    return true;
  };
  return Object.assign(read, { settle });
}

