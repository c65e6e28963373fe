/**
 * Durations written by people (`45s`, `30m`, `2h`, `1d`, `1h30m`) and shown to people (`2h 14m`),
 * and duration cells as exports write them with their units (wordedDuration: `2h 30m`, `1 day 3
 * hours`, `PT2H30M`, `1.02:00:00`). Hand-written: the grammars are tiny and date-fns'
 * formatDuration does not round to two units.
 */

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

/** Seconds of each unit word (`2h 30m`, `1 day 3 hours`, `45 mins`): parseDuration's letters and their words. */
const WORD_SECONDS: ReadonlyArray<[RegExp, number]> = [
  [/^(w|wks?|weeks?)$/, 604_800],
  [/^(d|days?)$/, 86_400],
  [/^(h|hrs?|hours?)$/, 3_600],
  [/^(m|mins?|minutes?)$/, 60],
  [/^(s|secs?|seconds?)$/, 1],
];
const WORDED = /^(-?)\s*((?:\d+(?:\.\d+)?\s*[a-z]+\s*,?\s*)+)$/i;
const ISO_DURATION = /^(-?)P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const DAYS_HMS = /^(-?)(\d+)[.:](\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/;

/**
 * A duration written with its units, as Jira Service Management, Freshservice and .NET write
 * them: `2h 30m`, `1 day 3 hours`, `45 mins`, ISO 8601 `PT2H30M` / `P1DT3H`, and days before a
 * clock, `1.02:00:00` (1 day 2 hours); seconds, or null when it has that shape with a word that
 * is no unit; undefined when it has none of these shapes (a plain number, read in the column's unit).
 */
export function wordedDuration(text: string): number | null | undefined {
  const iso = ISO_DURATION.exec(text);
  if (iso && /\d/.test(text)) {
    const [, sign, d, h, m, sec] = iso;
    const seconds = Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3_600 + Number(m ?? 0) * 60 + Number(sec ?? 0);
    return sign ? -seconds : seconds;
  }
  const clock = DAYS_HMS.exec(text);
  if (clock) {
    const [, sign, d, h, m, sec] = clock;
    if (Number(h) > 23) return undefined;
    const seconds = Number(d) * 86_400 + Number(h) * 3_600 + Number(m) * 60 + Number(sec ?? 0);
    return sign ? -seconds : seconds;
  }
  const worded = WORDED.exec(text);
  if (!worded) return undefined;
  let seconds = 0;
  for (const part of (worded[2] as string).matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)/gi)) {
    const unit = WORD_SECONDS.find(([word]) => word.test((part[2] as string).toLowerCase()));
    if (!unit) return null;
    seconds += Number(part[1]) * unit[1];
  }
  return worded[1] ? -seconds : seconds;
}

/** The units {@link wordedDuration} reads, as a message lists them for a value it cannot read. */
export const DURATION_UNITS_READ = 'weeks (w, wk), days (d), hours (h, hr), minutes (m, min), seconds (s, sec), ISO 8601 (PT2H30M) or a clock (01:30:00, 1.02:00:00)';

/**
 * The word of a duration written with its units that is no unit (`fortnights` in `5
 * fortnights`, `jiffies` in `2h 3 jiffies`): the first, as written; null when the text has no
 * such word (it reads, or has none of wordedDuration's shapes).
 */
export function unknownDurationUnit(text: string): string | null {
  if (wordedDuration(text) !== null) return null;
  const worded = WORDED.exec(text);
  for (const part of (worded?.[2] ?? '').matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)/gi)) {
    const word = part[2] as string;
    if (!WORD_SECONDS.some(([unit]) => unit.test(word.toLowerCase()))) return word;
  }
  return null;
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
