/**
 * JSON → records. Helpdesk APIs export JSON, not CSV: NDJSON with one object per line (Zendesk's
 * `{"ticket": {...}}` lines), a JSON array of objects, or API pages (`{"tickets": [...],
 * "next_page": ...}`, one per line or one per file). Each object becomes one record in the same
 * shape as a CSV row: nested objects are flattened to dotted keys (`via.channel`,
 * `statistics.first_admin_reply_at`), arrays of plain values are joined with ", ", and the header
 * is the union of the keys of the first records, in the order first seen. A record that is not an
 * object (`42`, `"text"`, `null`, `[1, 2]` on an NDJSON line or in the array) is handed on too,
 * marked `rejected` for the normaliser to reject with its line, so none is dropped unseen.
 *
 * NDJSON streams line by line; a whole-file JSON document (an array or a page) is read whole, so
 * very large exports should be NDJSON.
 */
import type { Readable } from 'node:stream';
import { ParityError } from '../errors.js';
import type { ApiPages, CsvSource, LateKeys, RawRecord, RecodedRows } from './record.js';
import { DEFAULT_LIMITS, formatSize, raiseHint, type ReadLimits } from './limits.js';
import { LineReader, jsonDepthExceeded } from './lines.js';

/**
 * How many records are read before the header is made. The header is the union of the keys of
 * every record: of a file, the rest of it is read once more for its keys first (an exporter
 * leaves out a key whose value is null, so `first_response_at` may appear first on line 5,000);
 * of standard input, which cannot be read twice, the keys of these first records, and a key
 * first seen later is named in a note (CsvSource.lateKeys), never passed over in silence.
 */
export const HEADER_SAMPLE = 1000;

/** Keys of API pages that hold the records, most likely first. */
const LIST_KEYS = ['tickets', 'conversations', 'results', 'data', 'records', 'items', 'cases', 'incidents', 'objects', 'rows'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The records inside one parsed JSON value, with the index of the array property (among the
 * value's array properties) they came from, for line numbers: an array is its elements; a page
 * is the elements of its record list; `{"ticket": {...}}` is the inner object; anything else is
 * itself. A record that is not an object (`42`, `"text"`, `null`, `[1, 2]`) is returned as it is,
 * for the reader to hand on as a record that cannot be a row.
 */
export function recordsOf(value: Json): { records: Json[]; arrayIndex: number | null; nestedIndex?: number } {
  if (Array.isArray(value)) return { records: value.map(unwrap), arrayIndex: null };
  if (!isObject(value)) return { records: [value], arrayIndex: null };
  const arrays = Object.entries(value).filter(([, v]) => Array.isArray(v)) as Array<[string, Json[]]>;
  const list = pageList(value, arrays);
  if (list) return { records: list[1].map(unwrap), arrayIndex: arrays.indexOf(list) };
  // A HAL page (Help Scout's Mailbox API: `{"_embedded": {"conversations": [...]}, "page": …}`):
  // the records are the list inside `_embedded`; its index among the arrays one level down
  // (elementLines' `nested`) gives their lines
  const embedded = value._embedded;
  if (isObject(embedded)) {
    const inner = Object.entries(embedded).filter(([, v]) => Array.isArray(v)) as Array<[string, Json[]]>;
    const found = pageList(embedded, inner);
    if (found) {
      let before = 0;
      for (const [key, v] of Object.entries(value)) {
        if (key === '_embedded') break;
        if (isObject(v)) before += Object.values(v).filter(Array.isArray).length;
      }
      return { records: found[1].map(unwrap), arrayIndex: null, nestedIndex: before + inner.indexOf(found) };
    }
  }
  return { records: [unwrap(value)], arrayIndex: null };
}

/** `{"ticket": {...}}` is the inner object; anything else is itself. */
function unwrap(o: Json): Json {
  if (!isObject(o)) return o;
  const keys = Object.keys(o);
  const only = keys.length === 1 ? o[keys[0] as string] : undefined;
  return isObject(only) ? only : o;
}

/**
 * Keys of an API page beside its record list: paging, counts and links (Zendesk's `next_page`,
 * `count`, `end_of_stream`; cursor pages' `meta` and `links`; HubSpot's `paging`; Help Scout's
 * `page` and `_links`; Intercom's `type`, `total_count`, `pages`).
 */
const PAGE_KEYS = new Set([
  'next_page', 'previous_page', 'count', 'end_of_stream', 'end_time', 'after_url', 'after_cursor', 'before_url',
  'before_cursor', 'meta', 'links', '_links', 'paging', 'page', 'pages', 'total', 'total_count', 'type', 'has_more',
  'next', 'prev', 'previous', 'cursor', 'offset', 'limit', 'per_page',
]);

/**
 * The key of an object's empty record list when it is an API page with none (`{"tickets": [], "next_page":
 * null}`, the last page of Zendesk's incremental export): a list of {@link LIST_KEYS} that is empty
 * and nothing beside it but paging keys, so no ticket can be mistaken for one.
 */
function emptyPage(value: JsonObject): string | null {
  const keys = Object.keys(value);
  const list = keys.find((k) => LIST_KEYS.includes(k.toLowerCase()));
  if (list === undefined) return null;
  const records = value[list];
  return Array.isArray(records) && records.length === 0 && keys.every((k) => k === list || PAGE_KEYS.has(k.toLowerCase())) ? list : null;
}

/** The list of a page object (`arrays`: its array properties) that holds the records, if any. */
function pageList(value: JsonObject, arrays: Array<[string, Json[]]>): [string, Json[]] | undefined {
  const empty = emptyPage(value);
  if (empty !== null) return arrays.find(([key]) => key === empty);
  const lists = arrays.filter(([, v]) => v.length > 0 && v.every(isObject));
  // a page's own list (`tickets`, `results`, …) is the records even with a stray value that is
  // not an object: that value is then rejected with its line, not the page read as one record
  const pageLists = arrays.filter(([, v]) => v.some(isObject));
  const named = LIST_KEYS.map((k) => pageLists.find(([key]) => key.toLowerCase() === k)).find((x) => x !== undefined);
  const scalarsOnly = Object.values(value).every((v) => !isObject(v));
  return named ?? (lists.length === 1 && scalarsOnly ? lists[0] : undefined);
}

/**
 * What an API page says of the pages after it, by the keys helpdesk APIs page with: Zendesk's
 * `next_page` (its incremental export's `end_of_stream` when present: its `next_page` is set on
 * the last page too), cursor pages' `meta.has_more` (else `links.next`), `has_more`, HubSpot's
 * `paging.next`, Help Scout's `_links.next`, Intercom's `pages.next`. Null: the value is no page.
 */
export function pageOf(value: Json, found: ReturnType<typeof recordsOf> = recordsOf(value)): { more: string | null; total: { value: number; key: string } | null; records: number } | null {
  if (!isObject(value)) return null;
  if (found.arrayIndex === null && found.nestedIndex === undefined) return null;
  const records = found.records.length;
  const set = (v: Json | undefined): boolean => v !== undefined && v !== null && v !== false && v !== '';
  const inner = (key: string, sub: string): Json | undefined => {
    const o = value[key];
    return isObject(o) ? o[sub] : undefined;
  };
  let more: string | null = null;
  if ('end_of_stream' in value) more = value.end_of_stream === false ? '"end_of_stream": false' : null;
  else if (isObject(value.meta) && 'has_more' in value.meta) more = value.meta.has_more === true ? '"meta.has_more": true' : null;
  else if ('has_more' in value) more = value.has_more === true ? '"has_more": true' : null;
  else if (set(value.next_page)) more = '"next_page"';
  else if (set(inner('links', 'next'))) more = '"links.next"';
  else if (set(inner('paging', 'next'))) more = '"paging.next"';
  else if (set(inner('_links', 'next'))) more = '"_links.next"';
  else if (set(inner('pages', 'next'))) more = '"pages.next"';
  let total: { value: number; key: string } | null = null;
  for (const key of ['total', 'total_count', 'count']) {
    const v = value[key];
    // (Zendesk's incremental `count` is the page's own records: a total only beyond them)
    if (typeof v === 'number' && Number.isSafeInteger(v) && v > records && (total === null || v > total.value)) total = { value: v, key };
  }
  return { more, total, records };
}

/** Adds what one parsed JSON value (its records `found`) says as an API page to `pages` (nothing when it is no page). */
function notePage(pages: ApiPages, value: Json, found: ReturnType<typeof recordsOf>): void {
  const page = pageOf(value, found);
  if (page === null) return;
  pages.count++;
  pages.records += page.records;
  // (the last page among the lines, wherever it is: pages written newest first end with the first)
  if (page.more === null) pages.ended = true;
  pages.more = pages.ended ? null : page.more;
  if (page.total && (pages.total === null || page.total.value > pages.total.value)) pages.total = page.total;
}

/** What a JSON value that is not an object is, for the reason it cannot be a record. */
function kindOf(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : `a boolean (${String(value)})`;
}

/** A number JSON.parse would not keep exactly: 16 or more digits in a row, or a 3-digit exponent. */
const LONG_NUMBER = /\d{16}|[eE][+-]?\d{3}/;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const JSON_INTEGER = /^-?(?:0|[1-9]\d*)$/;

/** Whether JSON.parse would change the number `token` (a valid JSON number): an integer beyond 2^53, or beyond the double range either way. */
function inexact(token: string): boolean {
  const value = Number(token);
  if (!Number.isFinite(value)) return true; // 1e400
  if (value === 0) return /[1-9]/.test(token.replace(/[eE].*$/, '')); // 1e-400 is not 0
  return JSON_INTEGER.test(token) && !Number.isSafeInteger(value);
}

/**
 * JSON text with the numbers JSON.parse would change written as strings of their digits: an
 * integer beyond 2^53 (ticket ids from 64-bit keys, which JSON.parse would round so that two
 * tickets became one) and a number beyond the double range (1e400, which would read "Infinity",
 * and 1e-400, which would read 0). A number with a fraction or an exponent within the range is a
 * measurement and stays a double. Only values are touched (after `:` or inside an array): text
 * that is not JSON stays as it is, for JSON.parse to reject. Returns the text itself when no
 * number is that long (the common case, tested with one regex).
 */
export function exactNumbers(text: string): string {
  if (!LONG_NUMBER.test(text)) return text;
  let out = '';
  let last = 0;
  let inString = false;
  // containers open around the current position ('{' or '['), and the last significant character
  const open: number[] = [];
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) {
        inString = false;
        previous = 0x22;
      }
      continue;
    }
    if (c === 0x22) {
      inString = true;
      continue;
    }
    if (c === 0x7b || c === 0x5b) open.push(c);
    else if (c === 0x7d || c === 0x5d) open.pop();
    if (c !== 0x2d && (c < 0x30 || c > 0x39)) {
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) previous = c;
      continue;
    }
    let j = i + 1;
    for (; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (!((d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d)) break;
    }
    const token = text.slice(i, j);
    // a value: after a key's colon, or an element of an array (after its [ or a comma)
    const value = previous === 0x3a || (open[open.length - 1] === 0x5b && (previous === 0x5b || previous === 0x2c));
    if (value && JSON_NUMBER.test(token) && inexact(token)) {
      out += `${text.slice(last, i)}"${token}"`;
      last = j;
    }
    previous = 0x30;
    i = j - 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * `{"via": {"channel": "web"}, "tags": ["a", "b"]}` → `{"via.channel": "web", "tags": "a, b"}`.
 * Iterative (an explicit stack), so nesting depth is bounded by `limits.maxJsonDepth`, not by
 * the call stack.
 */
export function flatten(object: JsonObject, prefix = '', out: Map<string, string> = new Map()): Map<string, string> {
  const stack: Array<{ prefix: string; entries: Array<[string, Json]>; at: number }> = [{ prefix, entries: Object.entries(object), at: 0 }];
  while (stack.length) {
    const frame = stack[stack.length - 1] as (typeof stack)[number];
    const entry = frame.entries[frame.at++];
    if (!entry) {
      stack.pop();
      continue;
    }
    const [key, value] = entry;
    const name = frame.prefix ? `${frame.prefix}.${key}` : key;
    if (value === null) out.set(name, '');
    else if (isObject(value)) stack.push({ prefix: name, entries: Object.entries(value), at: 0 });
    else if (Array.isArray(value)) {
      out.set(name, value.every((v) => v === null || typeof v !== 'object') ? value.map((v) => (v === null ? '' : String(v))).join(', ') : JSON.stringify(value));
    } else out.set(name, String(value));
  }
  return out;
}

interface Flat {
  line: number;
  /** The record's fields; null for a value that is not an object (then `rejected` says why). */
  fields: Map<string, string> | null;
  rejected?: RawRecord['rejected'];
}

/** A line or document beyond its limit. */
function limitError(file: string, line: number, limits: ReadLimits, document: boolean): ParityError {
  return document
    ? new ParityError(`the JSON document is larger than ${formatSize(limits.maxJsonBytes)}`, {
        location: { file, line },
        hint: `${raiseHint('maxJsonBytes', limits.maxJsonBytes)}; very large exports read better as NDJSON (one object per line)`,
      })
    : new ParityError(`a line is longer than ${formatSize(limits.maxRecordBytes)}`, { location: { file, line }, hint: raiseHint('maxRecordBytes', limits.maxRecordBytes) });
}

/**
 * The line of a document where JSON.parse stopped: V8 says the position ("… in JSON at position
 * 27"), made a line counted from the document's first line (exactNumbers adds no line break);
 * the last line read when it does not say. A first line that is not JSON on its
 * own makes the file read as one document, so a bad first record of an NDJSON file had been
 * reported at the file's last line.
 */
function documentError(file: string, text: string, firstLine: number, lastLine: number, error: unknown): ParityError {
  const message = (error as Error).message ?? '';
  const at = /at position (\d+)/.exec(message);
  if (!at) return parseError(file, lastLine, error);
  const position = Math.min(Number(at[1]), text.length);
  let line = firstLine;
  for (let k = text.indexOf('\n'); k !== -1 && k < position; k = text.indexOf('\n', k + 1)) line++;
  // (the line is the location; V8's position counts from the document's start, and in the text
  // exactNumbers rewrote, so it is dropped rather than shown as a column that may be off)
  return parseError(file, line, new Error(message.replace(/ (?:in|after) JSON at position \d+/, '')));
}

function parseError(file: string, line: number, error: unknown): ParityError {
  return new ParityError(`not valid JSON: ${(error as Error).message}`, {
    location: { file, line },
    hint: 'parity reads NDJSON (one object per line), a JSON array of objects, or one API page per file',
  });
}

/**
 * Lines where the elements of the root's arrays start: `root[k]` = the k-th array property (or
 * the root array); `nested[k]` = the k-th array property of the root object's object properties
 * (a HAL page's `_embedded` lists), in text order. Every element counts, objects and plain values
 * alike (`[{…}, 5, "x"]`: three).
 */
function elementLines(text: string): { root: number[][]; nested: number[][] } {
  const out: number[][] = [];
  const nested: number[][] = [];
  const stack: Array<{ kind: '{' | '['; lines: number[] | null }> = [];
  let line = 1;
  let inString = false;
  // an element of the innermost tracked array may start at the next significant character
  let elementDue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (elementDue && c !== 93) stack[stack.length - 1]?.lines?.push(line);
    elementDue = false;
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      // Record element lines for the root array and for arrays directly inside the root object.
      const depth = stack.length;
      const tracked = c === 91 && (depth === 0 || (depth === 1 && stack[0]?.kind === '{'));
      const inner = c === 91 && depth === 2 && stack[0]?.kind === '{' && stack[1]?.kind === '{';
      const lines = tracked || inner ? [] : null;
      if (lines) (tracked ? out : nested).push(lines);
      stack.push({ kind: c === 123 ? '{' : '[', lines });
      elementDue = lines !== null;
    } else if (c === 125 || c === 93) stack.pop();
    else if (c === 44) elementDue = stack[stack.length - 1]?.lines != null;
  }
  return { root: out, nested };
}

/** One record: an object's fields, or a value that is not an object, rejected with what it is. */
function flatOf(value: Json, file: string, line: number): Flat {
  if (isObject(value)) return { line, fields: flat(value, file, line) };
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep(file, line);
    throw error;
  }
  return { line, fields: null, rejected: { kind: 'not-an-object', detail: `a JSON record must be an object {…}; this is ${kindOf(value)}`, value: text } };
}

function tooDeep(file: string, line: number): ParityError {
  return new ParityError('a record is nested too deeply to be read', { location: { file, line }, hint: 'lower limits.maxJsonDepth, or flatten the export before reading it' });
}

/** Flattens a record, turning a stack overflow (nesting raised far beyond the default) into an input error. */
function flat(o: JsonObject, file: string, line: number): Map<string, string> {
  try {
    return flatten(o);
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep(file, line);
    throw error;
  }
}

/** Refuses JSON text nested deeper than the limit, before parsing it. */
function checkDepth(text: string, file: string, firstLine: number, limits: ReadLimits): void {
  const exceeded = jsonDepthExceeded(text, limits.maxJsonDepth);
  if (exceeded !== null) {
    throw new ParityError(`JSON nested more than ${limits.maxJsonDepth.toLocaleString('en-US')} levels deep`, {
      location: { file, line: firstLine + exceeded },
      hint: raiseHint('maxJsonDepth', limits.maxJsonDepth),
    });
  }
}

/**
 * Opens a JSON or NDJSON stream as records (the caller has sniffed `{` or `[`). `reopen`: the
 * same text from its start again (a file; null for standard input), for the keys of the
 * records past the header sample.
 */
export async function openJson(file: string, stream: Readable, limits: ReadLimits = DEFAULT_LIMITS, reopen: (() => Readable) | null = null): Promise<CsvSource> {
  const lines = new LineReader(stream, file);
  // JSON is UTF-8: bytes that are not (a Windows-1252 export) read as U+FFFD; the lines that hold
  // one are counted for a note rather than passed over in silence (a U+FFFD of the data's own, in
  // a part of the file without such bytes, is not)
  const replaced: RecodedRows = { rows: 0, firstLine: 0 };
  const replacedIn = (text: string, line: number): void => {
    if (lines.lastLineInvalid && text.includes('\uFFFD') && replaced.rows++ === 0) replaced.firstLine = line;
  };
  const pending: Flat[] = [];
  const pages: ApiPages = { count: 0, records: 0, more: null, ended: false, total: null };
  let lineNo = 0;
  let whole: string[] | null = null;
  let done = false;

  // NDJSON if the first non-empty line is a JSON value on its own; else one document. The first
  // line may be a whole minified document, so it may be as long as a document.
  for (;;) {
    const next = await lines.next(Math.max(limits.maxRecordBytes, limits.maxJsonBytes), lineNo + 1, () => limitError(file, lineNo + 1, limits, true));
    if (next === null) {
      done = true;
      break;
    }
    lineNo++;
    replacedIn(next, lineNo);
    const text = (lineNo === 1 ? next.replace(/^\uFEFF/, '') : next).trim();
    if (!text) continue;
    let value: Json | undefined;
    try {
      value = JSON.parse(exactNumbers(text)) as Json;
    } catch {
      whole = [next.replace(/^\uFEFF/, '')];
    }
    if (value !== undefined) {
      // a whole document on one line (an array, a page) is held whole: its bound is a document's;
      // one record's is a line's, as every later line's is
      const found = recordsOf(value);
      notePage(pages, value, found);
      const document = Array.isArray(value) || found.arrayIndex !== null || found.nestedIndex !== undefined;
      if (Buffer.byteLength(next) > (document ? limits.maxJsonBytes : limits.maxRecordBytes)) throw limitError(file, lineNo, limits, document);
      checkDepth(text, file, lineNo, limits);
      for (const v of found.records) pending.push(flatOf(v, file, lineNo));
    }
    break;
  }

  if (whole) {
    let size = whole[0]?.length ?? 0;
    const firstLine = lineNo;
    for (;;) {
      const next = await lines.next(limits.maxJsonBytes - size + 1, lineNo + 1, () => limitError(file, firstLine, limits, true));
      if (next === null) break;
      lineNo++;
      replacedIn(next, lineNo);
      size += next.length + 1;
      if (size > limits.maxJsonBytes) throw limitError(file, firstLine, limits, true);
      whole.push(next);
    }
    const text = whole.join('\n');
    whole = null;
    checkDepth(text, file, firstLine, limits);
    let value: Json;
    const parsed = exactNumbers(text);
    try {
      value = JSON.parse(parsed) as Json;
    } catch (error) {
      throw documentError(file, parsed, firstLine, lineNo, error);
    }
    const found = recordsOf(value);
    const { records, arrayIndex, nestedIndex } = found;
    notePage(pages, value, found);
    const elements = elementLines(text);
    const starts = (nestedIndex !== undefined ? elements.nested[nestedIndex] : elements.root[arrayIndex ?? 0]) ?? [];
    records.forEach((v, k) => {
      const line = firstLine - 1 + (starts[k] ?? 1);
      pending.push(flatOf(v, file, line));
    });
    done = true;
  }

  // NDJSON: read on until the header sample is full.
  async function nextLine(): Promise<Flat[] | null> {
    for (;;) {
      const next = await lines.next(limits.maxRecordBytes, lineNo + 1, () => limitError(file, lineNo + 1, limits, false));
      if (next === null) return null;
      lineNo++;
      replacedIn(next, lineNo);
      const text = next.trim();
      if (!text) continue;
      let value: Json;
      try {
        value = JSON.parse(exactNumbers(text)) as Json;
      } catch (error) {
        throw parseError(file, lineNo, error);
      }
      checkDepth(text, file, lineNo, limits);
      const found = recordsOf(value);
      notePage(pages, value, found);
      return found.records.map((v) => flatOf(v, file, lineNo));
    }
  }
  while (!done && pending.length < HEADER_SAMPLE) {
    const more = await nextLine();
    if (more === null) done = true;
    else pending.push(...more);
  }

  const header: string[] = [];
  const seen = new Set<string>();
  for (const r of pending) {
    if (r.fields === null) continue;
    for (const key of r.fields.keys()) {
      if (!seen.has(key)) {
        seen.add(key);
        header.push(key);
      }
    }
  }
  let added = 0;
  if (!done && reopen !== null) {
    for (const key of await laterKeys(reopen(), file, lineNo, limits)) {
      // (a record of keys of its own each, ids as keys: the header would grow with the file,
      // and every record is written out to its width; keys past the cap are said, not read)
      if (seen.has(key) || added >= LATER_KEYS_MAX) continue;
      seen.add(key);
      header.push(key);
      added++;
    }
  }
  if (header.length === 0) {
    throw new ParityError('the JSON holds no objects: nothing to read', {
      location: { file },
      hint: 'an empty array, or an API page whose list is empty ("tickets": []), holds no tickets: export a period that has some',
    });
  }
  const lateKeys: LateKeys = { keys: [], firstLine: 0, why: reopen === null ? 'stdin' : 'many' };
  // a record can hold a key the header lacks only from standard input, or past the file pass's cap
  const watchKeys = !done && (reopen === null || added >= LATER_KEYS_MAX);
  const toRecord = (r: Flat): RawRecord => {
    const fields = r.fields;
    if (watchKeys && fields !== null && fields.size > 0) {
      // (standard input: a key the header sample did not have is not read, and is said)
      for (const key of fields.keys()) {
        if (seen.has(key)) continue;
        seen.add(key);
        if (lateKeys.keys.length === 0) lateKeys.firstLine = r.line;
        if (lateKeys.keys.length < LATE_KEYS_NAMED) lateKeys.keys.push(key);
        else lateKeys.more = (lateKeys.more ?? 0) + 1;
      }
    }
    // (a value that is not an object has no fields: the normaliser rejects it with `rejected`)
    return fields === null ? { file, line: r.line, values: [], rejected: r.rejected } : { file, line: r.line, values: header.map((h) => fields.get(h) ?? '') };
  };

  async function* records(): AsyncGenerator<RawRecord> {
    for (const r of pending) yield toRecord(r);
    pending.length = 0;
    if (done) return;
    for (;;) {
      const more = await nextLine();
      if (more === null) return;
      for (const r of more) yield toRecord(r);
    }
  }
  return { file, header, delimiter: 'json', records: records(), replaced, lateKeys, pages };
}

/** Late keys named in a note; more are counted. */
const LATE_KEYS_NAMED = 10;
/** Keys a file's second pass adds to the header at most (beyond those of the first records). */
export const LATER_KEYS_MAX = 1000;

/**
 * The keys, in order first seen, of the NDJSON records after line `skip` of `stream` (the
 * flattened keys, as the header holds them). A line that is not JSON is passed over here: the
 * reading proper stops at it with its line.
 */
async function laterKeys(stream: Readable, file: string, skip: number, limits: ReadLimits): Promise<string[]> {
  const lines = new LineReader(stream, file);
  const keys = new Set<string>();
  let lineNo = 0;
  try {
    for (;;) {
      const next = await lines.next(limits.maxRecordBytes, lineNo + 1, () => limitError(file, lineNo + 1, limits, false));
      if (next === null) break;
      if (++lineNo <= skip) continue;
      const text = next.trim();
      if (!text) continue;
      let value: Json;
      try {
        value = JSON.parse(exactNumbers(text)) as Json;
      } catch {
        continue;
      }
      for (const v of recordsOf(value).records) {
        const fields = flatOf(v, file, lineNo).fields;
        if (fields) for (const key of fields.keys()) keys.add(key);
      }
    }
  } catch {
    // (a line beyond the limits: the reading proper stops there with its message)
  } finally {
    stream.destroy();
  }
  return [...keys];
}
