/**
 * Durations written by people (`45s`, `30m`, `2h`, `1d`, `1h30m`) and shown to people (`2h 14m`),
 * and duration cells as exports write them with their units (wordedDuration: `2h 30m`, `1 day 3
 * hours`, `1 Stunde 30 Minuten`, `PT2H30M`, `1.02:00:00`; unreadDuration says why such a cell is
 * not read). Hand-written: the grammars are tiny and date-fns' formatDuration does not round to
 * two units.
 */
import { decimalEvidence } from '../normalise/decimal.js';

const UNIT_SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/** Seconds for `45s`, `30m`, `2h`, `1d`, `1h30m`, `1.5h`; null when the text is not a duration (also `1h1h`, `30m1h`: each unit once, larger first). */
export function parseDuration(text: string): number | null {
  // a capital M is a month as often as a minute (`1M` in a gate meant a month read as 60 s): refused, so the user writes 30m or 30d
  if (text.includes('M')) return null;
  const s = text.trim().toLowerCase().replace(/\s+/g, '');
  if (!/^(\d+(\.\d+)?[wdhms])+$/.test(s)) return null;
  let total = 0;
  // each unit once, larger first (1h30m): `1h1h` or `30m1h` is a typo to point at, not 2h or 1h30m
  let previous = Infinity;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)([wdhms])/g)) {
    const unit = UNIT_SECONDS[m[2] as string] ?? 0;
    if (unit >= previous) return null;
    previous = unit;
    total += Number(m[1]) * unit;
  }
  return total;
}

/**
 * The words of each unit a duration cell may be written in: English and the languages whose
 * status and channel words parity reads (German, French, Spanish, Portuguese, Dutch, Italian;
 * normalise/status.ts, channel.ts). Looked up lower-cased, accents dropped (`días` is `dias`)
 * and a closing period dropped (`Std.`, `min.`). No word is in two units, in any of the languages:
 * `m`, `min` and `mn` are minutes and nothing else; a month (`mo`, `month`, `Monat`, `mois`,
 * `mes`, `maand`, `mese`) is no unit here, so it is refused, never read as minutes; and the
 * milliseconds of `500ms` are refused too, as before.
 */
const UNIT_WORDS: ReadonlyArray<readonly [seconds: number, name: string, words: readonly string[]]> = [
  [604_800, 'weeks', [
    'w', 'wk', 'wks', 'week', 'weeks', // English (Dutch `week`, `wk`)
    'wo', 'woche', 'wochen', // German
    'sem', 'semaine', 'semaines', 'semana', 'semanas', // French, Spanish, Portuguese
    'weken', // Dutch
    'sett', 'settimana', 'settimane', // Italian
  ]],
  [86_400, 'days', [
    'd', 'day', 'days',
    'tg', 'tag', 'tage', 'tagen',
    'j', 'jour', 'jours',
    'dia', 'dias', // Spanish `día`, `días`, Portuguese
    'dag', 'dagen',
    'gg', 'giorno', 'giorni',
  ]],
  [3_600, 'hours', [
    'h', 'hr', 'hrs', 'hour', 'hours',
    'std', 'stdn', 'stunde', 'stunden',
    'heure', 'heures',
    'hora', 'horas',
    'u', 'uur', 'uren',
    'ora', 'ore',
  ]],
  [60, 'minutes', [
    'm', 'min', 'mins', 'minute', 'minutes', // (French `minute`, `minutes`, German `Minute`)
    'minuten', // German, Dutch
    'mn', // French
    'minuto', 'minutos', // Spanish, Portuguese (Italian `minuto`)
    'minuut',
    'minuti',
  ]],
  [1, 'seconds', [
    's', 'sec', 'secs', 'second', 'seconds',
    'sek', 'sekunde', 'sekunden',
    'seconde', 'secondes', // French (Dutch `seconde`)
    'seg', 'segundo', 'segundos',
    'seconden',
    'secondo', 'secondi',
  ]],
];
const UNIT_OF_WORD: ReadonlyMap<string, readonly [seconds: number, name: string]> = new Map(UNIT_WORDS.flatMap(([seconds, name, words]) => words.map((w) => [w, [seconds, name] as const])));

/** A word of a duration as it is looked up: lower case, accents dropped, a closing period dropped. */
function unitKey(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
}

/**
 * A number and its word: the number with a decimal point or comma, the word any letters (accented
 * too: `día`) and a closing period (`Std.`); between parts a space or a comma (`1 hour, 30 minutes`).
 */
const WORDED = /^(-?)\s*((?:\d+(?:[.,]\d+)?\s*[\p{L}\p{M}]+\.?\s*,?\s*)+)$/iu;
const WORDED_PART = /(\d+(?:[.,]\d+)?)\s*([\p{L}\p{M}]+\.?)/giu;
const ISO_DURATION = /^(-?)P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const DAYS_HMS = /^(-?)(\d+)[.:](\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/;
/** Days in words before a clock, as pandas (`0 days 01:30:00`) and Python's timedelta (`2 days, 3:00:00`) write a duration. */
const DAYS_WORD_HMS = /^(-?)(\d+) days?,? +\+?(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$/;

/** A duration with units read: its seconds, or why it is not one. */
type Worded = { readonly seconds: number } | { readonly problem: string };

/**
 * The words of `text` read (WORDED's second group): each unit once and larger first, as the
 * gates read them (parseDuration): a unit given twice (`1h 1h`, `2h 30m 15m`) is two values run
 * together or a corrupted one, and a smaller unit before a larger (`30m 1h`) is written by no
 * export and may be the same; neither is summed. A number is read by itself (no column's
 * separator reaches it): a comma is a decimal comma (`1,5 Stunden`), but one to three digits, a
 * mark and three digits (`1,500`, `1.500`) are a thousands group in some of these languages
 * and a decimal in others (normalise/decimal.ts decimalEvidence), and are refused.
 */
function readWords(parts: string): Worded {
  let seconds = 0;
  let previous: { readonly size: number; readonly name: string; readonly text: string } | null = null;
  for (const part of parts.matchAll(WORDED_PART)) {
    const [whole, number, word] = part as unknown as [string, string, string];
    const unit = UNIT_OF_WORD.get(unitKey(word));
    if (!unit) return { problem: `"${word.replace(/\.$/, '')}" is no unit parity reads (it reads ${DURATION_UNITS_READ})` };
    const [size, name] = unit;
    if (previous && size === previous.size) return { problem: `${name} are given twice ("${previous.text}", "${whole}"): a duration gives each unit once, larger first (2h 30m)` };
    if (previous && size > previous.size) return { problem: `${name} ("${whole}") come after ${previous.name} ("${previous.text}"): a duration gives each unit once, larger first (2h 30m)` };
    if (decimalEvidence(number) === 'ambiguous') return { problem: `"${number}" may be ${number.replace(/[.,]/, '')} or ${Number(number.replace(',', '.'))} (a thousands group in some languages, a decimal in others)` };
    seconds += Number(number.replace(',', '.')) * size;
    previous = { size, name, text: whole };
  }
  return { seconds };
}

/**
 * A duration written with its units, as Jira Service Management, Freshservice and .NET write
 * them: `2h 30m`, `1 day 3 hours`, `45 mins`, the same in German, French, Spanish, Portuguese,
 * Dutch and Italian words (`1 Stunde 30 Minuten`, `2 Std.`, `2 heures 15 minutes`, `1 día`, `3
 * uur`, `2 giorni`; UNIT_WORDS), ISO 8601 `PT2H30M` / `P1DT3H`, and days before a clock,
 * `1.02:00:00` (1 day 2 hours), and days in words before one as pandas and Python write them
 * (`0 days 01:30:00`, `2 days, 3:00:00`); seconds, or null when it has that shape and is not read (a word
 * that is no unit, a unit given twice or out of order: {@link unreadDuration} says which);
 * undefined when it has none of these shapes (a plain number, read in the column's unit).
 */
export function wordedDuration(text: string): number | null | undefined {
  const read = readDuration(text);
  return read === undefined ? undefined : 'seconds' in read ? read.seconds : null;
}

function readDuration(text: string): Worded | undefined {
  const iso = ISO_DURATION.exec(text);
  if (iso && /\d/.test(text)) {
    const [, sign, d, h, m, sec] = iso;
    const seconds = Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3_600 + Number(m ?? 0) * 60 + Number(sec ?? 0);
    return { seconds: sign ? -seconds : seconds };
  }
  const python = DAYS_WORD_HMS.exec(text);
  if (python) {
    // (the sign is the days' alone, the clock after it counts up: `-1 day, 23:00:00` is −1 h)
    const [, sign, d, h, m, sec] = python;
    if (Number(h) > 23) return undefined;
    return { seconds: (sign ? -1 : 1) * Number(d) * 86_400 + Number(h) * 3_600 + Number(m) * 60 + Number(sec) };
  }
  const clock = DAYS_HMS.exec(text);
  if (clock) {
    const [, sign, d, h, m, sec] = clock;
    if (Number(h) > 23) return undefined;
    const seconds = Number(d) * 86_400 + Number(h) * 3_600 + Number(m) * 60 + Number(sec ?? 0);
    return { seconds: sign ? -seconds : seconds };
  }
  const worded = WORDED.exec(text);
  if (!worded) return undefined;
  const read = readWords(worded[2] as string);
  return worded[1] && 'seconds' in read ? { seconds: -read.seconds } : read;
}

/** The units {@link wordedDuration} reads, as a message lists them for a value it cannot read. */
export const DURATION_UNITS_READ =
  'weeks (w, wk), days (d), hours (h, hr), minutes (m, min) and seconds (s, sec) in English, German, French, Spanish, Portuguese, Dutch or Italian words (Stunden, Std., heures, j, días, uur, ore, Min., mn, seg), ISO 8601 (PT2H30M) or a clock (01:30:00, 1.02:00:00, 0 days 01:30:00)';

/**
 * Why a duration written with its units is not read (`5 fortnights`: `"fortnights" is no unit
 * parity reads (…)`; `1h 1h`: `hours are given twice ("1h", "1h"): …`), the first reason, naming
 * what was written; null when the text reads, or has none of wordedDuration's shapes.
 */
export function unreadDuration(text: string): string | null {
  const read = readDuration(text);
  return read !== undefined && 'problem' in read ? read.problem : null;
}

/**
 * Which way a shown number is rounded: to the nearest, or down or up for a bound — "at least
 * 5d 3h 30m" shown in two units is `≥ 5d 3h`, never `≥ 5d 4h`, which would claim more than the
 * data show (an "at most" rounds up).
 */
export type Rounding = 'nearest' | 'down' | 'up';

/** x rounded to a multiple of `unit` in direction `r` (a hair of float error is no step). */
export function roundTo(x: number, unit: number, r: Rounding): number {
  const q = x / unit;
  // the hair is relative too: 8.60115607 in steps of 1e-8 is 860115606.99999988 in floating point
  const hair = Math.max(1e-9, Math.abs(q) * 1e-12);
  return unit * (r === 'down' ? Math.floor(q + hair) : r === 'up' ? Math.ceil(q - hair) : Math.round(q));
}

/**
 * `2h 14m`, `3d 4h`, `45s`, `0s`; `—` for null. At most two units, rounded to the smaller (to the
 * nearest, or in direction `round` for a bound: see {@link Rounding}).
 */
export function formatDuration(seconds: number | null | undefined, round: Rounding = 'nearest'): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const sign = seconds < 0 ? '-' : '';
  // the magnitude is rounded: down in value is up in magnitude for a negative duration
  const r: Rounding = seconds >= 0 || round === 'nearest' ? round : round === 'down' ? 'up' : 'down';
  let s = roundTo(Math.abs(seconds), 1, r);
  if (s < 60) return `${sign}${s}s`;
  const units: Array<[string, number]> = [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ];
  const first = units.findIndex(([, size]) => s >= size);
  const [bigName, bigSize] = units[first] as [string, number];
  const [smallName, smallSize] = units[first + 1] as [string, number];
  // rounded once, from the value itself (13,769.5 s is 3h 49m: rounded to 13,770 s first, it was 3h 50m)
  s = roundTo(Math.abs(seconds), smallSize, r);
  // rounded up into the next unit (86,370 s is a day, not "24h")
  const above = units[first - 1];
  if (above && s >= above[1]) return formatDuration(seconds < 0 ? -s : s);
  const big = Math.floor(s / bigSize);
  const small = Math.round((s - big * bigSize) / smallSize);
  return small ? `${sign}${big}${bigName} ${small}${smallName}` : `${sign}${big}${bigName}`;
}
