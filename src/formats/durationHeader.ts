/**
 * A duration header taken apart: the name of a field followed by the unit and clock it is
 * written in. `First response time (minutes)`, `Resolution time [h]`, `FRT (mins)`,
 * `First reply time, minutes`, `Resolution Time in Hours`, `TTR (days)`, `Full resolution time
 * in minutes (business)`, `Response time (hh:mm)` and `firstResponseTimeMinutes` are each a name
 * (`first response time`, `resolution time`, `frt`, …) and a qualifier. formats/bind.ts binds
 * such a header to a duration field when its name is one of the field's names, so that no list
 * of synonyms has to spell every unit and bracket.
 *
 * Only a qualifier made wholly of words this module knows is taken off: a header whose last
 * word is anything else (`First response time (UTC)`, `Avg first response time`) keeps its whole
 * name, and is matched as before by its synonyms or not at all.
 */
import type { DurationUnit } from '../model.js';

/** A header read as a name and the unit and clock words after it. */
export interface DurationHeader {
  /** The name without its qualifier, reduced as headerKey reduces a header. */
  readonly base: string;
  /** The unit the qualifier names (`hh:mm` names none: the values say which clock text it is). */
  readonly unit: DurationUnit | null;
  /** `business` or `calendar`, when the qualifier says. */
  readonly clock: 'business' | 'calendar' | null;
  /** The qualifier writes a clock pattern (`hh:mm`, `mm:ss`). */
  readonly clockText: boolean;
  /**
   * The unit is only the `hours` of `business hours` (`First reply time (business hours)`): those
   * words name the clock, and may or may not name the unit too, so the unit is said as assumed.
   */
  readonly unitFromClock?: true;
}

/** Unit words in any spelling, the short ones included. */
const UNIT_WORDS: Readonly<Record<string, Exclude<DurationUnit, 'hms' | 'mmss'>>> = {
  ms: 'ms', msec: 'ms', msecs: 'ms', millis: 'ms', millisecond: 'ms', milliseconds: 'ms',
  s: 'seconds', sec: 'seconds', secs: 'seconds', second: 'seconds', seconds: 'seconds',
  m: 'minutes', min: 'minutes', mins: 'minutes', minute: 'minutes', minutes: 'minutes',
  h: 'hours', hr: 'hours', hrs: 'hours', hour: 'hours', hours: 'hours',
  d: 'days', day: 'days', days: 'days',
  // German, French, Spanish, Portuguese, Dutch and Italian (formats/generic.ts reads those
  // languages' names): `Erste Antwortzeit in Minuten`, `Temps de résolution (heures)`
  sek: 'seconds', sekunde: 'seconds', sekunden: 'seconds', seconde: 'seconds', secondes: 'seconds', seconden: 'seconds',
  seg: 'seconds', segundo: 'seconds', segundos: 'seconds', secondi: 'seconds',
  minuten: 'minutes', minuto: 'minutes', minutos: 'minutes', minuti: 'minutes',
  std: 'hours', stunde: 'hours', stunden: 'hours', heure: 'hours', heures: 'hours', hora: 'hours', horas: 'hours',
  uur: 'hours', uren: 'hours', ore: 'hours',
  tage: 'days', tagen: 'days', jour: 'days', jours: 'days', dia: 'days', dias: 'days', dag: 'days', dagen: 'days', giorni: 'days',
};
/**
 * The spellings read as a unit outside brackets too (`Resolution Time in Hours`, `frt_mins`):
 * a letter alone or a singular `day` there is more often part of a name (`Closed day`) than a
 * unit; in brackets (`[h]`, `(d)`) or after an underscore (`frt_h`) it is a unit.
 */
const LOOSE_UNITS = new Set([
  'ms', 'msec', 'msecs', 'millis', 'milliseconds', 'sec', 'secs', 'seconds', 'min', 'mins', 'minutes', 'hr', 'hrs', 'hours', 'days',
  // the plurals (and German `Std`) of the other languages; their singulars, as `day`, only in brackets
  'sek', 'sekunden', 'secondes', 'seconden', 'segundos', 'secondi', 'minuten', 'minutos', 'minuti',
  'std', 'stunden', 'heures', 'horas', 'uren', 'ore', 'tage', 'tagen', 'jours', 'dias', 'dagen', 'giorni',
]);
const HOUR_WORDS = new Set(['h', 'hr', 'hrs', 'hour', 'hours']);
/** Words that join a unit to its name: `in minutes`, `within business hours`; `en minutes`, `em horas`. */
const LINK_WORDS = new Set(['in', 'within', 'during', 'en', 'em']);
/** Stands for a clock pattern (`hh:mm`) once the header is split into words. */
const CLOCK_TOKEN = '\u0001';
const CLOCK_PATTERNS = [
  /\b(h|hh|hrs?|hours?)\s*:\s*(m|mm|mins?|minutes?)(\s*:\s*(s|ss|secs?|seconds?))?\b/gi,
  /\b(m|mm|mins?|minutes?)\s*:\s*(s|ss|secs?|seconds?)\b/gi,
];

interface Word {
  readonly text: string;
  /** Inside brackets (`(min)`, `[h]`). */
  readonly bracketed: boolean;
  /** Written right after an underscore (`frt_h`). */
  readonly snake: boolean;
}

function words(header: string): Word[] {
  // (accents dropped, as headerKey drops them: `días` is one word, not `di` and `as`)
  let text = header.normalize('NFKD').replace(/\p{M}/gu, '');
  for (const pattern of CLOCK_PATTERNS) text = text.replace(pattern, ` ${CLOCK_TOKEN} `);
  // camelCase and PascalCase words apart: firstResponseTimeMinutes, TTRDays (the capital before
  // a capitalised word found by looking ahead, in time linear in the header: `([A-Z]+)([A-Z][a-z])`
  // backtracked over a long run of capitals, and a header of 100,000 of them took 23 s)
  text = text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ').toLowerCase();
  const out: Word[] = [];
  let depth = 0;
  let snake = false;
  for (const m of text.matchAll(/[a-z0-9]+|\u0001|[([{]|[)\]}]|_|[^a-z0-9\s]/g)) {
    const t = m[0];
    if (t === '(' || t === '[' || t === '{') depth++;
    else if (t === ')' || t === ']' || t === '}') depth = Math.max(0, depth - 1);
    if (/^[a-z0-9]+$|^\u0001$/.test(t)) out.push({ text: t, bracketed: depth > 0, snake });
    snake = t === '_';
  }
  return out;
}

/**
 * The header's name and the unit and clock its last words name, or null when they name none
 * (or two units: `(hours, minutes)` is no one unit). `business hours` names the clock; its
 * `hours` is the unit only when no other unit is named (`in minutes within business hours` is
 * minutes).
 */
export function durationHeader(header: string): DurationHeader | null {
  const all = words(header);
  const units: { unit: DurationUnit; weak: boolean }[] = [];
  let clock: 'business' | 'calendar' | null = null;
  let clockText = false;
  let named = false;
  let end = all.length;
  while (end > 1) {
    const word = all[end - 1] as Word;
    const unit = UNIT_WORDS[word.text];
    if (word.text === CLOCK_TOKEN) clockText = true;
    else if (word.text === 'business' || word.text === 'calendar') {
      clock = word.text;
      // the `hours` of `business hours` is the clock's word before it is a unit
      const next = all[end];
      const last = units[units.length - 1];
      if (next && HOUR_WORDS.has(next.text) && last) units[units.length - 1] = { ...last, weak: true };
    } else if (LINK_WORDS.has(word.text) && named) {
      // (a joining word only between a name and a unit: `Logged in` keeps its `in`)
    } else if (unit && (word.bracketed || word.snake || LOOSE_UNITS.has(word.text))) units.push({ unit, weak: false });
    else break;
    named = true;
    end--;
  }
  if (!named) return null;
  const strong = new Set(units.filter((u) => !u.weak).map((u) => u.unit));
  if (strong.size > 1) return null;
  const unit = strong.size === 1 ? ([...strong][0] as DurationUnit) : (units[0]?.unit ?? null);
  if (unit === null && clock === null && !clockText) return null;
  const base = all.slice(0, end).map((w) => w.text).join('');
  const unitFromClock = strong.size === 0 && units[0]?.weak === true;
  return base === '' ? null : { base, unit, clock, clockText, ...(unitFromClock ? { unitFromClock: true as const } : {}) };
}
