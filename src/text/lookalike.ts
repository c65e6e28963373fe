/**
 * Values that are different in the export but look the same once shown: `Sales` and `Sales` with
 * a zero-width space after it, a Latin `a` and a Cyrillic `а`, `é` written as one character (NFC)
 * and as `e` plus a combining accent (NFD), a soft hyphen, a no-break space, a bidi control, a
 * value holding an escape character beside one holding the six characters `\u001b` typed out.
 * parity keeps them apart (they are different values), so a table would show two rows of the
 * same name and different numbers. This module owns the one rule that finds them and the one
 * form they are shown in; the report model (measure/byGroups.ts, load/describe.ts,
 * load/profile.ts) calls it for the values one output lists together, and renderers only print
 * the label it gave.
 *
 * - **Look alike**: the same skeleton — invisible characters (format characters, default
 *   ignorables, controls) removed, NFKC, the common Cyrillic and Greek look-alikes of Latin
 *   letters folded to them, runs of white space as one space — either of the value itself or of
 *   the value as the sanitiser shows it (sanitise.ts: an escape character is `\u001b`).
 * - **Label** of each value of such a class: the value with every character that is not what it
 *   seems written as an escape, in the sanitiser's convention and in JSON string syntax (so a
 *   label can be pasted into the config, `"channels": { "Ph\u043ene": "phone" }`, or a gate's
 *   quoted value): `\u200b`, `\u0430`, `e\u0301`, `\u00a0`, `\n`, and a backslash as `\\`, so
 *   two labels are never equal (a label reads back to its value).
 *
 * Values of no class are left as they are: an ordinary report is byte-identical.
 */
import { sanitiseText, visibleEscape } from './sanitise.js';

/** Characters a person cannot see: controls, format characters (bidi, zero-width, soft hyphen), default ignorables (variation selectors, fillers). */
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
const WHITE = /^\s$/u;
const MARK = /^\p{M}$/u;
/** Printable ASCII without a run of spaces: its own skeleton (the common case, kept fast). */
const PLAIN = /^(?:[\x21-\x7e]| (?! ))*$/;

/**
 * Cyrillic and Greek letters drawn like a Latin letter in common fonts (a subset of Unicode's
 * confusables.txt, the letters that turn up in mixed-script typing and homoglyph tricks).
 */
const CONFUSABLE: ReadonlyMap<string, string> = new Map(
  [
    // Cyrillic
    ['а', 'a'], ['е', 'e'], ['о', 'o'], ['р', 'p'], ['с', 'c'], ['у', 'y'], ['х', 'x'], ['ѕ', 's'], ['і', 'i'], ['ј', 'j'], ['һ', 'h'], ['ԁ', 'd'], ['ԛ', 'q'], ['ԝ', 'w'], ['ӏ', 'l'],
    ['А', 'A'], ['В', 'B'], ['Е', 'E'], ['К', 'K'], ['М', 'M'], ['Н', 'H'], ['О', 'O'], ['Р', 'P'], ['С', 'C'], ['Т', 'T'], ['Х', 'X'], ['У', 'Y'], ['Ѕ', 'S'], ['І', 'I'], ['Ј', 'J'], ['Ԛ', 'Q'], ['Ԝ', 'W'], ['Ӏ', 'I'],
    // Greek
    ['Α', 'A'], ['Β', 'B'], ['Ε', 'E'], ['Ζ', 'Z'], ['Η', 'H'], ['Ι', 'I'], ['Κ', 'K'], ['Μ', 'M'], ['Ν', 'N'], ['Ο', 'O'], ['Ρ', 'P'], ['Τ', 'T'], ['Υ', 'Y'], ['Χ', 'X'], ['ο', 'o'], ['ν', 'v'], ['α', 'a'], ['ϲ', 'c'], ['Ϲ', 'C'], ['ϳ', 'j'],
  ] as Array<[string, string]>,
);

/** What `value` looks like: the key two look-alike values share. */
export function skeleton(value: string): string {
  if (PLAIN.test(value)) return value;
  let visible = '';
  for (const ch of value) if (WHITE.test(ch) || !INVISIBLE.test(ch)) visible += ch;
  let folded = '';
  for (const ch of visible.normalize('NFKC')) folded += CONFUSABLE.get(ch) ?? ch;
  return folded.replace(/\s+/gu, ' ').trim();
}

/** `\u200b`; a character beyond the Basic Multilingual Plane as its two UTF-16 escapes, as JSON writes it. */
function codeEscape(ch: string): string {
  let out = '';
  for (let k = 0; k < ch.length; k++) out += `\\u${ch.charCodeAt(k).toString(16).padStart(4, '0')}`;
  return out;
}

/** Why a character of a look-alike value is written as an escape (null: shown as it is). */
export type Hidden = 'backslash' | 'control' | 'invisible' | 'space' | 'decomposed' | 'compatibility' | 'confusable';

function hiddenKind(ch: string, prev: string | undefined, next: string | undefined, decomposed: boolean): Hidden | null {
  if (ch === '\\') return 'backslash';
  if (/^\p{Cc}$/u.test(ch)) return 'control';
  if (INVISIBLE.test(ch)) return 'invisible';
  if (WHITE.test(ch)) return ch !== ' ' || (prev !== undefined && WHITE.test(prev)) || (next !== undefined && WHITE.test(next)) ? 'space' : null;
  if (decomposed && MARK.test(ch)) return 'decomposed';
  if (ch.normalize('NFKC') !== ch) return 'compatibility';
  if (CONFUSABLE.has(ch)) return 'confusable';
  return null;
}

/** A look-alike value's label: every character that is not what it seems as an escape (`Sales\u200b`, `S\u0430les`, `e\u0301`, `\\`). */
export function explicitLabel(value: string): string {
  const chars = [...value];
  const decomposed = value.normalize('NFC') !== value;
  let out = '';
  chars.forEach((ch, k) => {
    const kind = hiddenKind(ch, chars[k - 1], chars[k + 1], decomposed);
    out += kind === null ? ch : kind === 'backslash' ? '\\\\' : kind === 'control' ? visibleEscape(ch) : codeEscape(ch);
  });
  return out;
}

/** The kinds of hidden difference in a value (for the note that names a class). */
export function hiddenKinds(value: string): Hidden[] {
  const chars = [...value];
  const decomposed = value.normalize('NFC') !== value;
  const kinds = new Set<Hidden>();
  chars.forEach((ch, k) => {
    const kind = hiddenKind(ch, chars[k - 1], chars[k + 1], decomposed);
    if (kind) kinds.add(kind);
  });
  return [...kinds];
}

/** Values that look alike, found among the values one output shows together. */
export interface Lookalikes {
  /** Per value (same order): its label when it belongs to a class, else null (shown as it is). */
  labels: Array<string | null>;
  /** The classes, each the indices of its values (at least two), in order of their first value. */
  classes: number[][];
}

/**
 * The look-alike classes among `values` (distinct values, as one table or list shows them) and
 * the label of every value in one. Values alike as the sanitiser shows them (an escape character
 * as `\u001b`) are alike too.
 */
export function findLookalikes(values: readonly string[]): Lookalikes {
  const parent = values.map((_, k) => k);
  const root = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k] as number] as number;
    return k;
  };
  const firstOf = new Map<string, number>();
  values.forEach((value, k) => {
    const shown = sanitiseText(value);
    for (const key of shown === value ? [skeleton(value)] : [skeleton(value), skeleton(shown)]) {
      const seen = firstOf.get(key);
      if (seen === undefined) firstOf.set(key, k);
      else {
        const [a, b] = [root(seen), root(k)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const members = new Map<number, number[]>();
  values.forEach((_, k) => {
    const r = root(k);
    const list = members.get(r);
    if (list) list.push(k);
    else members.set(r, [k]);
  });
  const classes = [...members.values()].filter((m) => new Set(m.map((k) => values[k])).size > 1).sort((a, b) => (a[0] as number) - (b[0] as number));
  const labels: Array<string | null> = values.map(() => null);
  for (const c of classes) for (const k of c) labels[k] = explicitLabel(values[k] as string);
  return { labels, classes };
}

const KIND_WORDS: Record<Hidden, string> = {
  backslash: 'a backslash, shown \\\\',
  control: 'a control character',
  invisible: 'an invisible character',
  space: 'a space of another kind or a run of spaces',
  decomposed: 'an accent written as a separate character, NFD',
  compatibility: 'a compatibility form: full-width, a ligature, …',
  confusable: 'a Cyrillic or Greek letter in place of a Latin one',
};

/** Most classes a note names before "and N more". */
const NAMED = 5;

/**
 * The classes in words, for a data-quality note: `"Sales" and "Sales\u200b" (an invisible
 * character); "Sаles" …`, each value by its label, at most five classes and how many more.
 */
export function lookalikeList(values: readonly string[], found: Lookalikes): string {
  const named = found.classes.slice(0, NAMED).map((c) => {
    const kinds = [...new Set(c.flatMap((k) => hiddenKinds(values[k] as string)))];
    const labels = c.map((k) => `"${found.labels[k] ?? values[k]}"`);
    const listed = labels.length === 2 ? labels.join(' and ') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
    return `${listed}${kinds.length ? ` (${kinds.map((k) => KIND_WORDS[k]).join('; ')})` : ''}`;
  });
  const more = found.classes.length - NAMED;
  return `${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/**
 * A list of raw channel values (a report's input, an inspect profile) with look-alike values
 * labelled (`label`) and the data-quality note that names them (null when none look alike).
 */
export function labelledChannelValues<T extends { raw: string }>(list: readonly T[]): { list: Array<T & { label?: string }>; note: string | null } {
  const values = list.map((v) => v.raw);
  const found = findLookalikes(values);
  if (found.classes.length === 0) return { list: [...list], note: null };
  return {
    list: list.map((v, k) => {
      const label = found.labels[k];
      return label ? { ...v, label } : v;
    }),
    note: `channel values that look alike but differ in the export, their hidden characters shown as escapes: ${lookalikeList(values, found)}. Map each with "channels" in the config, written as shown (a JSON string reads the escapes), or clean the channel column in the export.`,
  };
}
