/**
 * JSON → records. Helpdesk APIs export JSON, not CSV: NDJSON with one object per line (Zendesk's
 * `{"ticket": {...}}` lines), a JSON array of objects, or API pages (`{"tickets": [...],
 * "next_page": ...}`, one per line or one per file). Each object becomes one record in the same
 * shape as a CSV row: nested objects are flattened to dotted keys (`via.channel`,
 * `statistics.first_admin_reply_at`), arrays of plain values are joined with ", ", and the header
 * is the union of the keys of the first records, in the order first seen.
 *
 * NDJSON streams line by line; a whole-file JSON document (an array or a page) is read whole, so
 * very large exports should be NDJSON.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { ParityError } from '../errors.js';
import type { CsvSource, RawRecord } from './record.js';

/** How many records settle the header (keys first seen later are not read). */
const HEADER_SAMPLE = 1000;

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
 * itself.
 */
export function recordsOf(value: Json): { objects: JsonObject[]; arrayIndex: number | null } {
  const unwrap = (o: JsonObject): JsonObject => {
    const keys = Object.keys(o);
    const only = keys.length === 1 ? o[keys[0] as string] : undefined;
    return isObject(only) ? only : o;
  };
  if (Array.isArray(value)) return { objects: value.filter(isObject).map(unwrap), arrayIndex: null };
  if (!isObject(value)) return { objects: [], arrayIndex: null };
  const arrays = Object.entries(value).filter(([, v]) => Array.isArray(v)) as Array<[string, Json[]]>;
  const lists = arrays.filter(([, v]) => v.length > 0 && v.every(isObject));
  const named = LIST_KEYS.map((k) => lists.find(([key]) => key.toLowerCase() === k)).find((x) => x !== undefined);
  const scalarsOnly = Object.values(value).every((v) => !isObject(v));
  const list = named ?? (lists.length === 1 && scalarsOnly ? lists[0] : undefined);
  if (list) return { objects: list[1].filter(isObject).map(unwrap), arrayIndex: arrays.indexOf(list) };
  return { objects: [unwrap(value)], arrayIndex: null };
}

/** `{"via": {"channel": "web"}, "tags": ["a", "b"]}` → `{"via.channel": "web", "tags": "a, b"}`. */
export function flatten(object: JsonObject, prefix = '', out: Map<string, string> = new Map()): Map<string, string> {
  for (const [key, value] of Object.entries(object)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value === null) out.set(name, '');
    else if (isObject(value)) flatten(value, name, out);
    else if (Array.isArray(value)) {
      out.set(name, value.every((v) => v === null || typeof v !== 'object') ? value.map((v) => (v === null ? '' : String(v))).join(', ') : JSON.stringify(value));
    } else out.set(name, String(value));
  }
  return out;
}

interface Flat {
  line: number;
  fields: Map<string, string>;
}

function parseError(file: string, line: number, error: unknown): ParityError {
  return new ParityError(`not valid JSON: ${(error as Error).message}`, {
    location: { file, line },
    hint: 'parity reads NDJSON (one object per line), a JSON array of objects, or one API page per file',
  });
}

/** Lines where the elements of the root's arrays start: [k] = the k-th array property (or the root array). */
function elementLines(text: string): number[][] {
  const out: number[][] = [];
  const stack: Array<{ kind: '{' | '['; lines: number[] | null }> = [];
  let line = 1;
  let inString = false;
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
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      const parent = stack[stack.length - 1];
      if (parent?.kind === '[' && parent.lines) parent.lines.push(line);
      // Record element lines for the root array and for arrays directly inside the root object.
      const depth = stack.length;
      const tracked = c === 91 && (depth === 0 || (depth === 1 && stack[0]?.kind === '{'));
      const lines = tracked ? [] : null;
      if (lines) out.push(lines);
      stack.push({ kind: c === 123 ? '{' : '[', lines });
    } else if (c === 125 || c === 93) stack.pop();
  }
  return out;
}

/** Opens a JSON or NDJSON stream as records (the caller has sniffed `{` or `[`). */
export async function openJson(file: string, stream: Readable): Promise<CsvSource> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const pending: Flat[] = [];
  let lineNo = 0;
  let whole: string[] | null = null;
  let done = false;

  // NDJSON if the first non-empty line is a JSON value on its own; else one document.
  for (;;) {
    const next = await lines.next();
    if (next.done) {
      done = true;
      break;
    }
    lineNo++;
    const text = (lineNo === 1 ? next.value.replace(/^\uFEFF/, '') : next.value).trim();
    if (!text) continue;
    try {
      const value = JSON.parse(text) as Json;
      for (const o of recordsOf(value).objects) pending.push({ line: lineNo, fields: flatten(o) });
    } catch {
      whole = [next.value.replace(/^\uFEFF/, '')];
    }
    break;
  }

  if (whole) {
    for (;;) {
      const next = await lines.next();
      if (next.done) break;
      whole.push(next.value);
    }
    const text = whole.join('\n');
    let value: Json;
    try {
      value = JSON.parse(text) as Json;
    } catch (error) {
      throw parseError(file, lineNo, error);
    }
    const { objects, arrayIndex } = recordsOf(value);
    const starts = elementLines(text)[arrayIndex ?? 0] ?? [];
    objects.forEach((o, k) => pending.push({ line: lineNo - 1 + (starts[k] ?? 1), fields: flatten(o) }));
    done = true;
  }

  // NDJSON: read on until the header sample is full.
  async function nextLine(): Promise<Flat[] | null> {
    for (;;) {
      const next = await lines.next();
      if (next.done) return null;
      lineNo++;
      const text = next.value.trim();
      if (!text) continue;
      let value: Json;
      try {
        value = JSON.parse(text) as Json;
      } catch (error) {
        throw parseError(file, lineNo, error);
      }
      return recordsOf(value).objects.map((o) => ({ line: lineNo, fields: flatten(o) }));
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
    for (const key of r.fields.keys()) {
      if (!seen.has(key)) {
        seen.add(key);
        header.push(key);
      }
    }
  }
  if (header.length === 0) throw new ParityError('the JSON holds no objects: nothing to read', { location: { file } });
  const toRecord = (r: Flat): RawRecord => ({ file, line: r.line, values: header.map((h) => r.fields.get(h) ?? '') });

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
  return { file, header, delimiter: 'json', records: records() };
}
