/**
 * Business-hours clock (config `clock: "business"` with `businessHours`): durations count only
 * open hours, in the business's own time zone, skipping holidays. Hand-written: date-fns has
 * no business-hours arithmetic beyond whole days. A calendar is precomputed per local day over
 * the data's span with cumulative open seconds, so each duration costs two binary searches,
 * not a walk over the days it spans (a million open tickets stay cheap).
 */
import { ParityError } from '../errors.js';
import { tzOffset } from '@date-fns/tz/tzOffset';
import { dayStartIn, isUtcZone, wallClockIn, checkTimeZone, type WallClock } from '../normalise/time.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Open intervals per weekday (0 = Sunday), minutes from local midnight. */
export type WeeklySchedule = Array<Array<[number, number]>>;

/** Parses `["Mon-Fri 09:00-17:00", "Sat 10:00-14:00"]`; `file`: the configuration they come from, named in an error. */
export function parseWeeklyHours(lines: readonly string[], file: string | null = null): WeeklySchedule {
  const schedule: WeeklySchedule = DAYS.map(() => []);
  const where = file ? { location: { file } } : {};
  for (const line of lines) {
    const m = /^([A-Za-z,-]+) (\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(line.trim());
    if (!m) throw new ParityError(`businessHours.open: cannot read "${line}"`, { ...where, hint: 'write opening hours like "Mon-Fri 09:00-17:00"' });
    const start = Number(m[2]) * 60 + Number(m[3]);
    const end = Number(m[4]) * 60 + Number(m[5]);
    if (Number(m[3]) > 59 || Number(m[5]) > 59 || start >= 24 * 60 || end > 24 * 60) {
      throw new ParityError(`businessHours.open: "${line}" is not a time of day`, { ...where, hint: 'hours run from 00:00 to 24:00 ("Mon-Sun 00:00-24:00" is open all day)' });
    }
    if (end <= start) {
      throw new ParityError(`businessHours.open: "${line}" closes before it opens`, {
        ...where,
        hint: 'a range lies within one day: write an overnight shift as two, e.g. "Mon-Fri 22:00-24:00" and "Tue-Sat 00:00-06:00"',
      });
    }
    for (const part of (m[1] as string).split(',')) {
      const [from, to] = part.split('-');
      const a = DAYS.indexOf(from ?? '');
      const b = to === undefined ? a : DAYS.indexOf(to);
      if (a < 0 || b < 0) throw new ParityError(`businessHours.open: unknown day in "${line}"`, { ...where, hint: `days are ${DAYS.join(', ')}` });
      for (let d = a; ; d = (d + 1) % 7) {
        schedule[d]!.push([start, end]);
        if (d === b) break;
      }
    }
  }
  // ranges that overlap or touch are one (a minute open under two lines is open once)
  return schedule.map((day) => {
    day.sort((x, y) => x[0] - y[0]);
    const merged: Array<[number, number]> = [];
    for (const [a, b] of day) {
      const last = merged[merged.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    return merged;
  });
}

/**
 * A schedule written back as `businessHours.open` lines, Monday first, consecutive days with the
 * same hours on one line (`["Mon-Fri 09:00-17:00", "Sat 10:00-14:00"]`): the same schedule gives
 * the same lines however the config spelt it. Recorded in the report's settings, so a delta
 * gate can tell whether its baseline counted the same hours.
 */
export function openingHours(schedule: WeeklySchedule): string[] {
  const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const order = [1, 2, 3, 4, 5, 6, 0];
  const key = (d: number): string => (schedule[d] ?? []).map(([a, b]) => `${hhmm(a)}-${hhmm(b)}`).join(' ');
  const lines: string[] = [];
  for (let k = 0; k < order.length; ) {
    let end = k;
    while (end + 1 < order.length && key(order[end + 1] as number) === key(order[k] as number)) end++;
    const first = order[k] as number;
    const days = end === k ? DAYS[first] : `${DAYS[first]}-${DAYS[order[end] as number]}`;
    for (const hours of key(first).split(' ').filter(Boolean)) lines.push(`${days} ${hours}`);
    k = end + 1;
  }
  return lines;
}

/** Opening hours as a report's settings and a count table record them: `openingHours` lines, the zone, the holidays. */
export interface RecordedHours {
  timeZone: string;
  open: string[];
  holidays: string[];
}

/** The record of a business clock's hours (the same hours give the same record however the config spelt them). */
export function recordedHours(clock: { schedule: WeeklySchedule; timeZone: string; holidays: readonly string[] }): RecordedHours {
  return { timeZone: clock.timeZone, open: openingHours(clock.schedule), holidays: [...clock.holidays] };
}

/** Recorded hours in words: `Mon-Fri 09:00-17:00 (UTC)`, with the holidays when there are any. */
export function hoursText(h: RecordedHours): string {
  return `${h.open.join(', ') || 'never open'} (${h.timeZone})${h.holidays.length ? `, holidays ${h.holidays.join(', ')}` : ''}`;
}

/** Whether two records of opening hours are the same hours. */
export function sameHours(a: RecordedHours, b: RecordedHours): boolean {
  const same = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((v, i) => v === y[i]);
  return a.timeZone === b.timeZone && same(a.open, b.open) && same([...a.holidays].sort(), [...b.holidays].sort());
}

/**
 * The instant an opening or closing time (minutes after local midnight) falls on. A wall time the
 * clocks skip (02:30 on a night they go from 02:00 to 03:00) is the change itself: hours open
 * 00:00–02:30 close when the clocks jump, after 2 hours, not at 03:30 summer time, the moment
 * after that a ticket's timestamp in the gap is read as (it counted 2h 30m, more than 00:00–03:00
 * gave, and 02:00–02:30 counted 30 minutes of a half hour that never was). Clocks change on a
 * quarter hour in every zone, so the change is found among the quarter hours of the gap.
 */
function boundaryAt(wall: WallClock, zone: string, y: number, mo: number, d: number, minutes: number): number {
  const t = wall(y, mo, d, Math.floor(minutes / 60), minutes % 60, 0) as number;
  if (isUtcZone(zone)) return t; // no clock changes (and no time-zone data loaded)
  const asked = Date.UTC(y, mo, d, Math.floor(minutes / 60), minutes % 60);
  const ms = t * 1000;
  const shown = ms + tzOffset(zone, new Date(ms)) * 60_000;
  if (shown <= asked) return t; // the wall time exists (or repeats: the second one is taken)
  // skipped: the clocks changed within the gap's length before t
  const startOffset = tzOffset(zone, new Date(ms - (shown - asked)));
  for (let q = Math.ceil((ms - (shown - asked)) / QUARTER_HOUR) * QUARTER_HOUR; q <= ms; q += QUARTER_HOUR) {
    if (tzOffset(zone, new Date(q)) !== startOffset) return q / 1000;
  }
  return t;
}

const QUARTER_HOUR = 900_000;

/** Open seconds between instants, for one schedule, zone and holiday list, over a span. */
export class BusinessCalendar {
  /** UTC start (epoch s) of each local day in the span. */
  private readonly dayStart: Float64Array;
  /** Open seconds before each day. */
  private readonly cumulative: Float64Array;
  /**
   * Open intervals of every day as UTC instants, flattened in one array ([from, to, from, to, …]
   * day after day; day k's from `dayFirst[k]` to `dayFirst[k + 1]`): one array, not one a day, since a
   * mistyped year in the data spans thousands of years of days (a resolution in 9026 made 1.5 GB
   * of per-day arrays).
   */
  private readonly intervals: Float64Array;
  private readonly dayFirst: Int32Array;

  constructor(schedule: WeeklySchedule, zone: string, holidays: readonly string[], fromSeconds: number, toSeconds: number) {
    checkTimeZone(zone, 'businessHours.timeZone');
    const wall = wallClockIn(zone);
    const holidaySet = new Set(holidays);
    // Local calendar dates from a day before `from` to a day after `to`.
    const first = new Date((fromSeconds - 2 * 86400) * 1000);
    const days = Math.ceil((toSeconds - fromSeconds) / 86400) + 5;
    const starts: number[] = [];
    const intervals: number[] = [];
    const firstOf: number[] = [];
    const cumulative: number[] = [];
    let total = 0;
    for (let k = 0; k < days; k++) {
      const date = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate() + k));
      const y = date.getUTCFullYear(), mo = date.getUTCMonth(), d = date.getUTCDate();
      // (the first of two midnights where the clocks go back at 01:00: a holiday is the whole day)
      const start = dayStartIn(wall, zone, y, mo, d) as number;
      starts.push(start);
      cumulative.push(total);
      const iso = `${y}-${String(mo + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const open = holidaySet.has(iso) ? [] : (schedule[date.getUTCDay()] ?? []);
      firstOf.push(intervals.length);
      // 24:00 is the next day's midnight (the next calendar day: 31 January → 1 February)
      const next = new Date(Date.UTC(y, mo, d + 1));
      const nextStart = open.length ? dayStartIn(wall, zone, next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate()) : null;
      // a day of 24 hours has no skipped time: its boundaries are read as they are (the look for a
      // change of clocks costs two time-zone look-ups a boundary, ~5× the calendar's build)
      const at = (minutes: number): number =>
        nextStart !== null && nextStart - start === 86400 ? (wall(y, mo, d, Math.floor(minutes / 60), minutes % 60, 0) as number) : boundaryAt(wall, zone, y, mo, d, minutes);
      open.forEach(([a, b]) => {
        // 00:00 is the day's start, as the day before's 24:00 is: no hour between them
        const from = a === 0 ? start : at(a);
        const to = b === 24 * 60 ? (nextStart ?? from) : at(b);
        intervals.push(from, to);
        total += Math.max(0, to - from);
      });
    }
    firstOf.push(intervals.length);
    this.dayStart = Float64Array.from(starts);
    this.cumulative = Float64Array.from(cumulative);
    this.intervals = Float64Array.from(intervals);
    this.dayFirst = Int32Array.from(firstOf);
  }

  /** Open seconds from the start of the span to instant t. */
  private elapsed(t: number): number {
    const starts = this.dayStart;
    let lo = 0;
    let hi = starts.length - 1;
    if (t <= (starts[0] as number)) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    let sum = this.cumulative[lo] as number;
    const flat = this.intervals;
    for (let j = this.dayFirst[lo] as number, end = this.dayFirst[lo + 1] as number; j < end; j += 2) {
      const from = flat[j] as number;
      const to = flat[j + 1] as number;
      if (t <= from) break;
      sum += Math.min(t, to) - from;
    }
    return sum;
  }

  /** Open seconds between two instants (epoch seconds); 0 when `to` is not after `from`. */
  between(from: number, to: number): number {
    return to > from ? this.elapsed(to) - this.elapsed(from) : 0;
  }
}
