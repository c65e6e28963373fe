/**
 * Text from the data made safe to show a person or a CI log. Ticket text is written by
 * customers, some of them hostile: an escape sequence in a category would be executed by a
 * terminal, a line break followed by `::error::` would become a GitHub Actions workflow command,
 * a right-to-left override would make "30%" read "%03". This module owns the one rule for all
 * of it, applied at the edges (the Report and inspect profiles just before a text renderer, and
 * everything cli.ts writes):
 *
 * - C0 controls (including line breaks and tabs inside a value), DEL, C1 controls, U+2028/2029
 *   and the bidirectional controls become visible escapes: `\n`, `\t`, `\r`, else `\u001b`.
 * - A whole output (stdout, stderr) keeps its own line breaks (and tabs), keeps parity's own
 *   colour codes only when colour is on, and no line of it starts with `::` unless it is one of
 *   parity's own annotations.
 *
 * Hand-written: the libraries that strip ANSI codes (strip-ansi and kin) remove escape
 * sequences but leave the remaining control characters, line separators and bidi controls, and
 * they delete rather than show what was there; the rule here is a dozen lines.
 */

/**
 * Characters never written raw from the data: C0, DEL, C1, the Arabic letter mark, LRM/RLM,
 * the bidi embeddings/overrides (U+202A–202E) and isolates (U+2066–2069), U+2028/2029.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify writes raw (it escapes C0 itself; a pretty document's own line breaks stay). */
const NOT_ESCAPED_BY_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** parity's own colour codes (chalk writes SGR sequences only). */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/y;

/** The visible escape of one unsafe character: `\n`, `\r`, `\t`, else `\u001b`. */
export function visibleEscape(ch: string): string {
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Whether `text` holds any character this module escapes. */
export function hasUnsafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/** One value from the data, safe on one line: every unsafe character shown as an escape. */
export function sanitiseText(text: string): string {
  return text.replace(UNSAFE, visibleEscape);
}

/**
 * Any JSON-like value with every string (and object key) passed through `sanitiseText`.
 * Plain objects and arrays are copied; other objects (typed arrays, dates) are kept as they are.
 */
export function sanitiseDeep<T>(value: T): T {
  return deep(value) as T;
}

function deep(value: unknown): unknown {
  if (typeof value === 'string') return sanitiseText(value);
  if (Array.isArray(value)) return value.map(deep);
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    Object.defineProperty(out, sanitiseText(k), { value: deep(v), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * A whole text for stdout or stderr: line breaks (and tabs) kept, every other unsafe character
 * escaped, parity's colour codes kept when `color`, and a line that would start with `::` (a
 * workflow command) pushed one space to the right unless `annotations` says these are
 * parity's own.
 */
/** Whether guardOutput would change `text` (it holds a character it writes as a visible escape; line breaks and tabs aside). */
export function guardChanges(text: string): boolean {
  UNSAFE_BUT_LINES.lastIndex = 0;
  const found = UNSAFE_BUT_LINES.test(text);
  UNSAFE_BUT_LINES.lastIndex = 0;
  return found;
}

export function guardOutput(text: string, options: { color?: boolean; annotations?: boolean } = {}): string {
  let out = '';
  let last = 0;
  UNSAFE_BUT_LINES.lastIndex = 0;
  for (let m = UNSAFE_BUT_LINES.exec(text); m; m = UNSAFE_BUT_LINES.exec(text)) {
    const at = m.index;
    if (options.color && m[0] === '\u001b') {
      SGR.lastIndex = at;
      const sgr = SGR.exec(text);
      if (sgr) {
        UNSAFE_BUT_LINES.lastIndex = at + sgr[0].length;
        continue;
      }
    }
    out += text.slice(last, at) + visibleEscape(m[0]);
    last = at + 1;
  }
  out += text.slice(last);
  return options.annotations ? out : out.replace(/^::/gm, ' ::');
}

/** JSON text with the unsafe characters JSON.stringify leaves raw written as `\u` escapes (lossless). */
export function escapeJsonText(json: string): string {
  return json.replace(NOT_ESCAPED_BY_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A message for stderr (an error, its hint, a warning): the message on one line, each hint line
 * escaped and indented, so data quoted in a message can neither run commands nor start a line.
 */
export function safeMessage(head: string, hint?: string): string {
  const first = sanitiseText(head);
  if (!hint) return first;
  const lines = hint.split('\n').map((line) => {
    const clean = sanitiseText(line);
    return /^\s/.test(clean) ? clean : `  ${clean}`;
  });
  return `${first}\n${lines.join('\n')}`;
}
