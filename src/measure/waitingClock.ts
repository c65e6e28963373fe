/**
 * The waiting time of open tickets in business hours, for a count table that gives it in
 * calendar time (`meta,waitingClock`: an engine's table whose durations are business-time
 * columns used as given, while a database can only age an open ticket as as-of − created).
 *
 * A waiting ticket's calendar age and the table's as-of time name its creation time exactly
 * (created = as-of − age, whole seconds), so its business age is the configured calendar's open
 * seconds between the two: the number the in-process path computes per ticket (load/dataset.ts
 * applyClock). Ages that fall together (tickets created while closed) merge into one time.
 * Pure: a count table and the business calendar in, a count table out.
 */
import type { CountSeries, CountTable } from './counts.js';
import { BusinessCalendar } from './clock.js';
import type { ClockSettings } from '../settings.js';
import { isWholeColumn, type Tally, type TallyColumn } from '../stats/tally.js';
import { packTally } from '../stats/packedTally.js';

type BusinessClock = Extract<ClockSettings, { kind: 'business' }>;

/** The count table with every waiting age in business time (ended durations are already). */
export function businessWaiting(counts: CountTable, clock: BusinessClock): CountTable {
  const asOf = counts.header.asOf;
  let oldest = 0;
  for (const s of counts.series) {
    if (!ages(s)) continue;
    const t = s.packed.unpack();
    for (let i = t.times.length - 1; i >= 0; i--) {
      if ((t.waiting[i] as number) > 0) {
        oldest = Math.max(oldest, t.times[i] as number);
        break;
      }
    }
  }
  const calendar = new BusinessCalendar(clock.schedule, clock.timeZone, clock.holidays, asOf - oldest, asOf);
  const business = (age: number): number => Math.floor(calendar.between(asOf - age, asOf) + 0.5);
  const { waitingClock: _calendar, ...header } = counts.header;
  return { ...counts, header, series: counts.series.map((s) => (ages(s) ? { ...s, packed: packTally(converted(s.packed.unpack(), business)) } : s)) };
}

/** Series whose waiting entries are ages of open tickets (the duration metrics; not jump waits). */
function ages(s: CountSeries): boolean {
  return s.metric === 'firstResponse' || s.metric === 'resolution';
}

/** A tally with its waiting times mapped (ended times kept), merged and in ascending order again. */
function converted(t: Tally, map: (age: number) => number): Tally {
  const merged = new Map<number, { ended: number; waiting: number }>();
  const at = (time: number): { ended: number; waiting: number } => {
    let e = merged.get(time);
    if (!e) merged.set(time, (e = { ended: 0, waiting: 0 }));
    return e;
  };
  for (let i = 0; i < t.times.length; i++) {
    const time = t.times[i] as number;
    const ended = t.ended[i] as number;
    const waiting = t.waiting[i] as number;
    if (ended > 0) at(time).ended += ended;
    if (waiting > 0) at(map(time)).waiting += waiting;
  }
  const times = [...merged.keys()].sort((a, b) => a - b);
  // the columns' own types (a business age is whole and never above its calendar age: it fits)
  const column = (like: TallyColumn, values: (time: number) => number): TallyColumn =>
    isWholeColumn(like) ? Uint32Array.from(times, values) : Float64Array.from(times, values);
  return {
    times: column(t.times, (time) => time),
    ended: column(t.ended, (time) => (merged.get(time) as { ended: number }).ended),
    waiting: column(t.waiting, (time) => (merged.get(time) as { waiting: number }).waiting),
  };
}
