/**
 * Tally: one group's durations on one metric as a count table — the distinct durations, ascending,
 * with how many tickets ended (were answered or resolved) and how many were still waiting
 * (censored) at each. Every statistic parity reports (Kaplan–Meier curves and quantiles, type-7
 * quantiles of the answered, Gehan and log-rank tests, stratified or not) depends on a sample only
 * through these counts, so the same judge can run on tickets sorted in memory or on a count table
 * returned by a database's GROUP BY.
 *
 * This module owns the builders: from per-ticket arrays (one sort), many groups' tallies from one
 * metric's durations sorted once (sortDurations, then one pass for groups that share no ticket),
 * from count rows in any order (rows of one time merged), the sum of tallies (strata merged), the
 * sizes and the ended-only part.
 *
 * The per-ticket builders sort with a least-significant-digit radix sort (16-bit digits, one or
 * two passes) when every time is a whole number of seconds below 2^31, which is what parity's
 * durations are: the key time·2 + (still waiting ? 1 : 0) sorts an event before a censoring at the
 * same time in the same pass. On 5M durations scripts/bench-stats.mjs measured 0.33 s of CPU for
 * the whole tally against 0.8 s for a Float64Array sort alone (2-core machine). Other times
 * (fractions, negatives, beyond 2^31) take the typed-array sort. Hand-written: no maintained npm
 * package radix-sorts typed arrays without per-element objects, and the merge into counts is a
 * few lines.
 */
import { radixSortPairs } from './radix.js';

/**
 * One group's durations on one metric: distinct durations in seconds, strictly ascending, with how
 * many tickets ended (answered/resolved) at each and how many were still waiting (censored) at
 * each. An event comes before a censoring at the same time. Columns are float64 (sums exact to
 * 2^53) or, for tallies of whole seconds from the sorted pass, 32-bit ({@link TallyColumn}).
 */
export interface Tally {
  readonly times: TallyColumn;
  readonly ended: TallyColumn;
  readonly waiting: TallyColumn;
}

/**
 * A tally's column: float64 in general (fractional times, counts from a count table of any
 * size); 32-bit unsigned where every value is known to fit — tallies of whole-second durations
 * from the sorted pass, whose counts are below the number of tickets in memory. Half the bytes
 * for the tens of millions of distinct times a judge holds at 5M tickets. A packed tally
 * unpacks its counts into 8 or 16 bits when its largest count fits (packedTally.ts); a column
 * is only read after it is made, and a tally built from others is 32-bit or float64.
 */
export type TallyColumn = Float64Array | Uint32Array | Uint16Array | Uint8Array;

/** How many tickets a tally holds. */
export interface TallySizes {
  /** ended + waiting. */
  n: number;
  ended: number;
  waiting: number;
}

/** The tally of no tickets. */
export const EMPTY_TALLY: Tally = Object.freeze({ times: new Float64Array(0), ended: new Float64Array(0), waiting: new Float64Array(0) });

/** Below this many durations the native sort beats building a 65,536-bucket histogram. */
const RADIX_MIN = 4096;
/** Largest key time·2 + 1 of the radix path: whole seconds up to 2^31 − 1 fit a Uint32. */
const RADIX_MAX_TIME = 2 ** 31 - 1;

/** Sizes already counted (a tally does not change once built; the judge asks for a group's size in every comparison it is in). */
const sized = new WeakMap<Tally, TallySizes>();

/** Sizes of a tally: tickets, ended, still waiting. */
export function tallySizes(t: Tally): TallySizes {
  let sizes = sized.get(t);
  if (!sizes) {
    let ended = 0;
    let waiting = 0;
    for (let i = 0; i < t.times.length; i++) {
      ended += t.ended[i] as number;
      waiting += t.waiting[i] as number;
    }
    sizes = Object.freeze({ n: ended + waiting, ended, waiting });
    sized.set(t, sizes);
  }
  return sizes;
}

/**
 * Tally of per-ticket durations: `times[i]` seconds, `events[i]` non-zero when the ticket ended
 * there and 0 when it was still waiting. As the Kaplan–Meier estimator and the rank tests on
 * per-ticket samples, pairs with a non-finite time or a NaN status are dropped.
 * @throws RangeError when the two inputs differ in length.
 */
export function tallyFromSamples(times: ArrayLike<number>, events: ArrayLike<number>): Tally {
  if (times.length !== events.length) {
    throw new RangeError(`times (${times.length}) and events (${events.length}) differ in length`);
  }
  let valid = 0;
  let wholeSeconds = true;
  let maxTime = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    if (!Number.isFinite(t) || Number.isNaN(events[i] as number)) continue;
    valid++;
    if (wholeSeconds && !(Number.isInteger(t) && t >= 0 && t <= RADIX_MAX_TIME)) wholeSeconds = false;
    else if (t > maxTime) maxTime = t;
  }
  return wholeSeconds ? fromKeys(times, events, valid, maxTime) : fromFloats(times, events);
}

/**
 * One metric's tickets sorted once by time (an event before a censoring at the same time), held
 * as runs: `runKeys[r]` is a distinct key time·2 + (still waiting ? 1 : 0), ascending, and its
 * tickets sit at sorted positions runEnds[r − 1] .. runEnds[r] (from 0 for r = 0); `position[i]`
 * is where ticket i sits in that order (−1: no usable time). Any group's tally is then one
 * sequential pass in this order (packedTally.ts packMarked), with no sort per group or per
 * like-for-like cell. Held while the judge runs: four bytes a ticket and eight a distinct key
 * (the sorted order itself is not kept: a pass writes each ticket's group code where the ticket
 * sits; and a key a position was four bytes a ticket more, 76 MB for both metrics at 10M
 * tickets, where their 0.5M and 1.5M distinct keys take 16 MB); the group codes by position are
 * a scratch the metrics share ({@link SharedMarks}).
 */
export interface SortedDurations {
  readonly runKeys: Uint32Array;
  readonly runEnds: Uint32Array;
  readonly position: Int32Array;
  /** Group codes by position, one byte each ({@link marksOfGroups}), shared by the metrics of the same tickets. */
  readonly marks: SharedMarks;
}

/** How many tickets a sorted metric holds (its sorted positions). */
export function sortedCount(sorted: Pick<SortedDurations, 'runEnds'>): number {
  const ends = sorted.runEnds;
  return ends.length === 0 ? 0 : (ends[ends.length - 1] as number);
}

/**
 * A scratch of one-byte group codes by sorted position that the sorted metrics of the same
 * tickets share (each pass writes every position it reads): one byte a ticket, once.
 */
export interface SharedMarks {
  bytes: Uint8Array | null;
}

/** The shared byte marks, long enough for `n` positions. */
function byteMarks(sorted: SortedDurations): Uint8Array {
  const n = sorted.position.length;
  let marks = sorted.marks.bytes;
  if (!marks || marks.length < n) sorted.marks.bytes = marks = new Uint8Array(n);
  return marks;
}

/**
 * Sorts per-ticket durations once (see {@link SortedDurations}); tickets with a non-finite time
 * or a NaN status are left out. Null when a time is not a whole number of seconds in 0..2^31−1
 * (the caller then tallies each group on its own).
 */
export function sortDurations(times: ArrayLike<number>, events: ArrayLike<number>): SortedDurations | null {
  const n = times.length;
  if (events.length !== n) throw new RangeError(`times (${n}) and events (${events.length}) differ in length`);
  const valid = countSortable(times, events);
  if (valid < 0) return null;
  const keys = new Uint32Array(valid);
  const index = new Uint32Array(valid);
  fillKeys(times, events, keys, index);
  return sortKeyed(keys, index, n);
}

/** Largest whole second a sort key holds (time·2 + 1 fits a Uint32). */
export const SORTABLE_MAX_TIME = RADIX_MAX_TIME;

/**
 * {@link sortDurations} from keys the caller made — `keys[k]` = time·2 + (still waiting ? 1 : 0)
 * for whole seconds 0..{@link SORTABLE_MAX_TIME}, `index[k]` its ticket among `tickets` — when
 * the durations come straight from the ticket table (no per-ticket arrays of times made first).
 */
export function sortKeyed(keys: Uint32Array, index: Uint32Array, tickets: number, marks: SharedMarks = { bytes: null }, shared = false): SortedDurations {
  // shared: keys and index are in shared memory, and so are the runs and the positions (the
  // statistics helper sorts for both threads, measure/helper.ts: no copy after)
  const n = keys.length;
  const scratch = [new Uint32Array(n), new Uint32Array(n)] as const;
  const sorted = radixSortPairs(keys, index, scratch);
  const runs = keyRuns(sorted.keys, shared);
  // Once the runs are made, only the sorted tickets (the payload) are read again: the positions
  // go into one of the other arrays when it is long enough (the caller's keys and index are
  // made for every ticket of the table), not into 4 bytes a ticket more. The sort holds 16 bytes
  // a ticket (keys and tickets, twice); writing the positions beside them had made it 20 at the
  // measure stage's peak (both metrics at once with the helper thread: 80 MB at 10M tickets).
  const free = [keys, index, ...scratch].find((a) => a.buffer !== sorted.payload.buffer && a.buffer.byteLength - a.byteOffset >= 4 * tickets && (!shared || a.buffer instanceof SharedArrayBuffer));
  const position = free ? new Int32Array(free.buffer, free.byteOffset, tickets) : shared ? new Int32Array(new SharedArrayBuffer(4 * tickets)) : new Int32Array(tickets);
  positionsInto(sorted.payload, position);
  return { runKeys: runs.keys, runEnds: runs.ends, position, marks };
}

/** Sorted keys as runs: each distinct key once, with where its run ends ({@link SortedDurations}). */
export function keyRuns(sortedKeys: Uint32Array, shared = false): { keys: Uint32Array; ends: Uint32Array } {
  const count = distinctKeys(sortedKeys);
  const array = (length: number): Uint32Array => (shared ? new Uint32Array(new SharedArrayBuffer(4 * length)) : new Uint32Array(length));
  const keys = array(count);
  const ends = array(count);
  writeRuns(sortedKeys, keys, ends);
  return { keys, ends };
}

/** How many distinct keys sorted keys hold. */
function distinctKeys(sortedKeys: Uint32Array): number {
  let count = 0;
  for (let j = 0; j < sortedKeys.length; j++) if (j === 0 || sortedKeys[j] !== sortedKeys[j - 1]) count++;
  return count;
}

/** keys[r], ends[r]: the r-th distinct key and where its run ends. */
function writeRuns(sortedKeys: Uint32Array, keys: Uint32Array, ends: Uint32Array): void {
  let r = -1;
  for (let j = 0; j < sortedKeys.length; j++) {
    const key = sortedKeys[j] as number;
    if (r < 0 || key !== keys[r]) keys[++r] = key;
    ends[r] = j + 1;
  }
}

/** position[ticket] = where it sits in `order`; −1 for tickets not in it. */
function positionsInto(order: Uint32Array, position: Int32Array): void {
  position.fill(-1);
  for (let j = 0; j < order.length; j++) position[order[j] as number] = j;
}

/** Durations with a usable time and status; −1 when one is not whole seconds in 0..2^31−1. */
function countSortable(times: ArrayLike<number>, events: ArrayLike<number>): number {
  let valid = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    if (!Number.isFinite(t) || Number.isNaN(events[i] as number)) continue;
    if (!(Number.isInteger(t) && t >= 0 && t <= RADIX_MAX_TIME)) return -1;
    valid++;
  }
  return valid;
}

/** keys: time·2 + (still waiting ? 1 : 0) of each usable duration, index: its ticket. */
function fillKeys(times: ArrayLike<number>, events: ArrayLike<number>, keys: Uint32Array, index: Uint32Array): void {
  let k = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    const e = events[i] as number;
    if (!Number.isFinite(t) || Number.isNaN(e)) continue;
    keys[k] = t * 2 + (e !== 0 ? 0 : 1);
    index[k++] = i;
  }
}

/**
 * The group codes by sorted position of the groups of `memberLists` (g·cells + code[i] for
 * a ticket of group g, "none" elsewhere), for a pass in that order.
 */
export function marksOfGroups(sorted: SortedDurations, memberLists: readonly ArrayLike<number>[], code: ArrayLike<number> | null, cells: number): TallyCodes {
  let members = 0;
  for (const list of memberLists) members += list.length;
  const groups = memberLists.length * cells;
  // Many members (or more than 255 groups): each ticket's tally code is written in ticket order
  // and then where the ticket sits ({@link marksByTicket}); few: only the members are marked
  // where they sit, on marks cleared first.
  const count = sortedCount(sorted);
  if (members * 4 >= count || groups > BYTE_GROUPS) return marksByTicket(sorted, ticketCodes(sorted.position.length, memberLists, code, cells));
  const { position } = sorted;
  const marks = byteMarks(sorted);
  marks.fill(255, 0, count);
  memberLists.forEach((list, g) => {
    const base = g * cells;
    for (let j = 0; j < list.length; j++) {
      const i = list[j] as number;
      const at = position[i] as number;
      if (at >= 0) marks[at] = base + (code ? (code[i] as number) : 0);
    }
  });
  return marks;
}

/**
 * Tally codes, one per ticket or per sorted position: a group code below `groups`, or "none" —
 * 255 in bytes (at most 255 groups, codes 0..254: the usual case, channels × cells), −1 in 32-bit codes.
 * Every reader skips a code by one unsigned test, `code >>> 0 >= groups`, true for both.
 */
export type TallyCodes = Uint8Array | Int32Array;

/** Up to this many groups (codes 0..254) a code takes one byte; 255 is "none". */
const BYTE_GROUPS = 255;

/**
 * Each ticket's tally code (g·cells + code[i] for a ticket of group g, "none" for a ticket in no
 * group), for a pass in sorted order ({@link marksByTicket}): one array serves every metric. One byte a ticket when the
 * groups fit: reading the codes through the sorted order is a random read per ticket, and 5M
 * codes in 5 MB stay in the cache where 20 MB do not (0.12–0.18 s → 0.03 s a pass, measured).
 */
export function ticketCodes(tickets: number, memberLists: readonly ArrayLike<number>[], code: ArrayLike<number> | null, cells: number, shared = false): TallyCodes {
  // (shared: in shared memory, for a pass on the statistics helper thread too, measure/helper.ts)
  const bytes = (length: number): ArrayBuffer | SharedArrayBuffer => (shared ? new SharedArrayBuffer(length) : new ArrayBuffer(length));
  const out = memberLists.length * cells <= BYTE_GROUPS ? new Uint8Array(bytes(tickets)).fill(255) : new Int32Array(bytes(4 * tickets)).fill(-1);
  memberLists.forEach((list, g) => writeCodes(out, list, g * cells, code, memberLists.length * cells));
  return out;
}

/** out[i] = base + code[i] for each ticket i of `list`; a ticket already given a code means the groups overlap (a bug). */
function writeCodes(out: TallyCodes, list: ArrayLike<number>, base: number, code: ArrayLike<number> | null, groups: number): void {
  for (let j = 0; j < list.length; j++) {
    const i = list[j] as number;
    if ((out[i] as number) >>> 0 < groups) throw new Error(`ticket ${i} is in two groups tallied together`);
    out[i] = base + (code ? (code[i] as number) : 0);
  }
}

/**
 * The group codes of {@link ticketCodes} by sorted position (what a pass reads in order): the
 * shared byte marks, or, for more than 255 groups (a rare layout), 32-bit codes made for this
 * pass only.
 */
export function marksByTicket(sorted: SortedDurations, codes: TallyCodes): TallyCodes {
  const { position } = sorted;
  if (codes instanceof Uint8Array) {
    const marks = byteMarks(sorted);
    placeBytes(marks, codes, position);
    return marks;
  }
  const marks = new Int32Array(sortedCount(sorted));
  place(marks, codes, position);
  return marks;
}

/*
 * The loops below each sit in a function of their own, on purpose. A function that runs a few
 * times over a million durations is optimised while its loop runs (on-stack replacement); code
 * after that loop has never run, so the optimised code gives up when it gets there
 * (--trace-deopt: "insufficient type feedback") and the next loop starts again in the
 * interpreter. Measured on 1M generated durations: with every loop in one function the first
 * three calls took 130–170 ms each, against ~20 ms once warm. (The pass itself, which packs
 * each group's tally as it reads the marks, is stats/packedTally.ts packMarked.)
 */

/** out[position[i]] = codes[i] for every ticket with a position. */
function place(out: Int32Array, codes: Int32Array, position: Int32Array): void {
  for (let i = 0; i < position.length; i++) {
    const at = position[i] as number;
    if (at >= 0) out[at] = codes[i] as number;
  }
}

/** The same in bytes (a function of its own: each loop sees one array type). */
function placeBytes(out: Uint8Array, codes: Uint8Array, position: Int32Array): void {
  for (let i = 0; i < position.length; i++) {
    const at = position[i] as number;
    if (at >= 0) out[at] = codes[i] as number;
  }
}

/** Whole non-negative seconds: sort the keys time·2 + waiting bit, then count runs. */
function fromKeys(times: ArrayLike<number>, events: ArrayLike<number>, valid: number, maxTime: number): Tally {
  let keys: Uint32Array = new Uint32Array(valid);
  let k = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    const e = events[i] as number;
    if (!Number.isFinite(t) || Number.isNaN(e)) continue;
    keys[k++] = t * 2 + (e !== 0 ? 0 : 1);
  }
  if (!isSortedU32(keys)) keys = valid < RADIX_MIN ? keys.sort() : radixSortU32(keys, maxTime * 2 + 1);
  let distinct = 0;
  for (let i = 0; i < valid; i++) if (i === 0 || (keys[i] as number) >>> 1 !== (keys[i - 1] as number) >>> 1) distinct++;
  // whole seconds below 2^31, at most `valid` tickets a time
  const out = allocate(distinct, true);
  let j = -1;
  let last = -1;
  for (let i = 0; i < valid; i++) {
    const key = keys[i] as number;
    const t = key >>> 1;
    if (t !== last) {
      j++;
      last = t;
      out.times[j] = t;
    }
    if (key & 1) out.waiting[j]! += 1;
    else out.ended[j]! += 1;
  }
  return out;
}

function isSortedU32(x: Uint32Array): boolean {
  for (let i = 1; i < x.length; i++) if ((x[i] as number) < (x[i - 1] as number)) return false;
  return true;
}

/** LSD radix sort of 32-bit keys by 16-bit digits; one pass when every key is below 2^16. */
function radixSortU32(keys: Uint32Array, maxKey: number): Uint32Array {
  const n = keys.length;
  const passes = maxKey < 0x10000 ? 1 : 2;
  const low = new Uint32Array(0x10000);
  const high = passes === 2 ? new Uint32Array(0x10000) : low;
  for (let i = 0; i < n; i++) {
    const x = keys[i] as number;
    low[x & 0xffff]!++;
    if (passes === 2) high[x >>> 16]!++;
  }
  prefixSums(low);
  if (passes === 2) prefixSums(high);
  const tmp = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const x = keys[i] as number;
    tmp[low[x & 0xffff]!++] = x;
  }
  if (passes === 1) return tmp;
  for (let i = 0; i < n; i++) {
    const x = tmp[i] as number;
    keys[high[x >>> 16]!++] = x;
  }
  return keys;
}

/** Counts → starting offsets, in place. */
function prefixSums(counts: Uint32Array): void {
  let sum = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b] as number;
    counts[b] = sum;
    sum += c;
  }
}

/** Any finite times: events and censorings sorted apart (typed-array sort), then merged into runs. */
function fromFloats(times: ArrayLike<number>, events: ArrayLike<number>): Tally {
  let nEv = 0;
  let nCen = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    const e = events[i] as number;
    if (!Number.isFinite(t) || Number.isNaN(e)) continue;
    if (e !== 0) nEv++;
    else nCen++;
  }
  const ev = new Float64Array(nEv);
  const cen = new Float64Array(nCen);
  let a = 0;
  let b = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    const e = events[i] as number;
    if (!Number.isFinite(t) || Number.isNaN(e)) continue;
    if (e !== 0) ev[a++] = t;
    else cen[b++] = t;
  }
  ev.sort();
  cen.sort();
  return mergeRuns(ev, cen);
}

/** Two ascending arrays (ended times, waiting times) as a tally; −0 and 0 are one time. */
function mergeRuns(ev: Float64Array, cen: Float64Array): Tally {
  let distinct = 0;
  let i = 0;
  let j = 0;
  let last = Number.NaN;
  while (i < ev.length || j < cen.length) {
    const t = j >= cen.length || (i < ev.length && (ev[i] as number) <= (cen[j] as number)) ? (ev[i++] as number) : (cen[j++] as number);
    if (t !== last) distinct++;
    last = t;
  }
  const out = allocate(distinct);
  i = 0;
  j = 0;
  let k = -1;
  last = Number.NaN;
  while (i < ev.length || j < cen.length) {
    const fromEv = j >= cen.length || (i < ev.length && (ev[i] as number) <= (cen[j] as number));
    const t = fromEv ? (ev[i++] as number) : (cen[j++] as number);
    if (t !== last) {
      k++;
      out.times[k] = t;
      last = t;
    }
    if (fromEv) out.ended[k]! += 1;
    else out.waiting[k]! += 1;
  }
  return out;
}

/**
 * Columns for `k` distinct times: 32-bit unsigned when the caller knows every time is a whole
 * second below 2^32 and every count below 2^32 (12 bytes a time instead of 24: the judge of an
 * engine's count table holds tens of millions of them), else float64.
 */
function allocate(k: number, narrow = false): { times: TallyColumn; ended: TallyColumn; waiting: TallyColumn } {
  if (narrow) return { times: new Uint32Array(k), ended: new Uint32Array(k), waiting: new Uint32Array(k) };
  return { times: new Float64Array(k), ended: new Float64Array(k), waiting: new Float64Array(k) };
}

/** Largest value a 32-bit tally column holds. */
const U32_MAX = 2 ** 32 - 1;

/** A whole number a 32-bit tally column holds as it is (not −0, not fractional, not negative). */
export function fitsU32(v: number): boolean {
  return Number.isInteger(v) && v >= 0 && v <= U32_MAX && !Object.is(v, -0);
}

/**
 * Whether a column holds whole numbers of 32 bits or fewer by its type (an unsigned typed array).
 * Asked positively: anything else (float64, or a plain array a caller built) may hold fractions.
 */
export function isWholeColumn(column: ArrayLike<number>): boolean {
  return column instanceof Uint32Array || column instanceof Uint16Array || column instanceof Uint8Array;
}

/** Whether a tally's columns are all whole numbers of 32 bits or fewer (whole seconds, counts that fit). */
function narrowTally(t: Tally): boolean {
  return isWholeColumn(t.times) && isWholeColumn(t.ended) && isWholeColumn(t.waiting);
}

/** Index bits of a packed sort key (seconds · 2^22 + index): series up to 4M rows. */
const PACK_BITS = 22;
const PACK = 2 ** PACK_BITS;

/**
 * Sorts row indices by their seconds (a stable order for equal seconds is not needed: equal
 * seconds are added up). Whole seconds in [0, 2^31) and at most 2^22 rows — what an engine
 * returns for one series — are packed into one float64 key each and sorted natively, several
 * times faster than a comparator sort; anything else takes the comparator.
 */
function sortBySeconds(order: Uint32Array, seconds: ArrayLike<number>): void {
  const n = order.length;
  let packable = n <= PACK;
  for (let i = 0; i < n && packable; i++) {
    const t = seconds[i] as number;
    packable = Number.isInteger(t) && t >= 0 && t < 2 ** 31;
  }
  if (!packable) {
    order.sort((a, b) => (seconds[a] as number) - (seconds[b] as number));
    return;
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (seconds[i] as number) * PACK + i;
  keys.sort();
  for (let k = 0; k < n; k++) order[k] = (keys[k] as number) % PACK;
}

/**
 * Tally of count rows in any order, as an engine's GROUP BY returns them: row i says `ended[i]`
 * tickets ended and `waiting[i]` were still waiting at `seconds[i]`. Rows of the same time are
 * added up; times with no ticket are left out.
 * @throws RangeError naming the row when the lengths differ, a time is not finite, or a count is
 *   not a non-negative whole number.
 */
export function tallyFromRows(seconds: ArrayLike<number>, ended: ArrayLike<number>, waiting: ArrayLike<number>): Tally {
  const n = seconds.length;
  if (ended.length !== n || waiting.length !== n) {
    throw new RangeError(`seconds (${n}), ended (${ended.length}) and waiting (${waiting.length}) differ in length`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(seconds[i] as number)) throw new RangeError(`row ${i}: time ${seconds[i]} is not a finite number of seconds`);
    for (const [name, v] of [['ended', ended[i]], ['waiting', waiting[i]]] as const) {
      if (!(Number.isInteger(v) && (v as number) >= 0)) throw new RangeError(`row ${i}: ${name} count ${v} is not a non-negative whole number`);
    }
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = (seconds[i - 1] as number) <= (seconds[i] as number);
  if (!sorted) sortBySeconds(order, seconds);
  let distinct = 0;
  let last = Number.NaN;
  let total = 0;
  let whole = true;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const count = (ended[i] as number) + (waiting[i] as number);
    if (count === 0) continue;
    total += count;
    const t = seconds[i] as number;
    if (!fitsU32(t)) whole = false;
    if (t !== last) distinct++;
    last = t;
  }
  const out = allocate(distinct, whole && total <= U32_MAX);
  let j = -1;
  last = Number.NaN;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    if ((ended[i] as number) + (waiting[i] as number) === 0) continue;
    const t = seconds[i] as number;
    if (t !== last) {
      j++;
      out.times[j] = t;
      last = t;
    }
    out.ended[j]! += ended[i] as number;
    out.waiting[j]! += waiting[i] as number;
  }
  return out;
}

/** Two tallies as one (the tickets of both): a linear merge of their distinct times. */
function mergeTwo(x: Tally, y: Tally): Tally {
  let distinct = 0;
  let i = 0;
  let j = 0;
  while (i < x.times.length || j < y.times.length) {
    const a = i < x.times.length ? (x.times[i] as number) : Number.POSITIVE_INFINITY;
    const b = j < y.times.length ? (y.times[j] as number) : Number.POSITIVE_INFINITY;
    if (a <= b) i++;
    if (b <= a) j++;
    distinct++;
  }
  const out = allocate(distinct, narrowTally(x) && narrowTally(y) && tallySizes(x).n + tallySizes(y).n <= U32_MAX);
  i = 0;
  j = 0;
  for (let k = 0; k < distinct; k++) {
    const a = i < x.times.length ? (x.times[i] as number) : Number.POSITIVE_INFINITY;
    const b = j < y.times.length ? (y.times[j] as number) : Number.POSITIVE_INFINITY;
    out.times[k] = a <= b ? a : b;
    if (a <= b) {
      out.ended[k]! += x.ended[i] as number;
      out.waiting[k]! += x.waiting[i] as number;
      i++;
    }
    if (b <= a) {
      out.ended[k]! += y.ended[j] as number;
      out.waiting[k]! += y.waiting[j] as number;
      j++;
    }
  }
  return out;
}

/**
 * The sum of tallies: the tickets of every stratum of a group in one tally (a group's tally from
 * its cells' tallies). Merged pairwise, so k tallies cost O(total · log k).
 */
export function sumTallies(tallies: readonly Tally[]): Tally {
  if (tallies.length === 0) return EMPTY_TALLY;
  let level = [...tallies];
  while (level.length > 1) {
    const next: Tally[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const b = level[i + 1];
      next.push(b ? mergeTwo(level[i] as Tally, b) : (level[i] as Tally));
    }
    level = next;
  }
  return level[0] as Tally;
}

/** The ended part of a tally: the answered (resolved) tickets only, as plain observations. */
export function endedOnly(t: Tally): Tally {
  let distinct = 0;
  for (let i = 0; i < t.times.length; i++) if ((t.ended[i] as number) > 0) distinct++;
  const out = allocate(distinct, narrowTally(t));
  let j = 0;
  for (let i = 0; i < t.times.length; i++) {
    const d = t.ended[i] as number;
    if (!(d > 0)) continue;
    out.times[j] = t.times[i] as number;
    out.ended[j] = d;
    j++;
  }
  return out;
}
