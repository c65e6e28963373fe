/**
 * How many terminal columns a piece of text takes, for lining up a caret under it: combining
 * marks and other zero-width characters take none, East Asian wide and fullwidth characters and
 * emoji take two (as terminals draw them), everything else one. A code point is one character
 * whatever its UTF-16 length, so an emoji is not counted twice for being a surrogate pair.
 */

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200d\u2060\ufeff]$/u;
/** Halfwidth Katakana and Hangul and halfwidth symbols: of scripts drawn wide, but one column each. */
const HALFWIDTH = /^[\uff61-\uffdc\uffe8-\uffee]$/u;
const WIDE =
  /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{Emoji_Presentation}\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]$/u;

/** Columns `text` takes in a terminal (one line, no control characters). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** `text` padded with spaces on the right to `columns` terminal columns (String.padEnd counts UTF-16 units, so a Chinese value came out two columns too wide a character). */
export function padEndColumns(text: string, columns: number): string {
  const width = displayWidth(text);
  return width >= columns ? text : text + ' '.repeat(columns - width);
}

/** Columns one character takes (displayWidth of a single code point). */
function charWidth(ch: string): number {
  return ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) && !HALFWIDTH.test(ch) ? 2 : 1;
}

/** The longest start of `text` that takes at most `columns` terminal columns (whole characters; marks after a kept character kept). */
export function headColumns(text: string, columns: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > columns) break;
    out += ch;
    used += w;
  }
  return out;
}

/** The longest end of `text` that takes at most `columns` terminal columns and starts with a character that takes room (not a lone combining mark). */
export function tailColumns(text: string, columns: number): string {
  const chars = [...text];
  let used = 0;
  let start = chars.length;
  for (let k = chars.length - 1; k >= 0; k--) {
    const w = charWidth(chars[k] as string);
    if (used + w > columns) break;
    used += w;
    start = k;
  }
  while (start < chars.length && charWidth(chars[start] as string) === 0) start++;
  return chars.slice(start).join('');
}

/** `text` cut to at most `columns` terminal columns, with `…` where it was cut; as it is when it fits. */
export function truncateColumns(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  return `${headColumns(text, Math.max(0, columns - 1))}…`;
}
