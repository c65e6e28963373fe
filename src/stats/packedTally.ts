/**
 * A tally kept packed: the same distinct times, ended and waiting counts as a {@link Tally}, in
 * one to two bytes a distinct time (1.7 on a 50M-ticket table) instead of 12 (32-bit columns) or
 * 24 (float64). A count table
 * of tens of millions of cells (50M tickets gave 36M duration cells, besides the loud, jump and
 * by rows) and the sums the judge forms from it are held this way, and unpacked into a Tally
 * only while a statistic reads it — so parity's memory for an engine's audit is one to two bytes
 * a cell plus the few tallies in use, not 12 to 24 bytes a cell.
 *
 * The encoding, one cell after another in ascending time (times strictly increasing, the first
 * time counted from 0):
 *   - a byte below 0x80 is a whole cell: time step (b >> 3) + 1 (1–16), ended (b >> 1) & 3,
 *     waiting b & 1 — what nearly every cell of a table of many tickets is (durations a few
 *     seconds apart, one or two tickets at each);
 *   - a byte from 0x81 to 0xfe and the byte after it are a cell: v = b − 0x81, time step
 *     (v >> 1) + 1 (1–63), waiting v & 1, ended the second byte (0–255) — the sums of many
 *     cells (a channel's tally over its bands and strata: 50M tickets gave a few to a few dozen
 *     tickets at each second);
 *   - 0x80 starts a cell of three varints (7 bits a byte, low first, up to 2^53): the time step,
 *     ended, waiting.
 * Values that are not whole numbers from 0 to 2^53 − 1 (fractional or negative times a tally of
 * tickets may have) are not packed: the tally is kept as it is.
 *
 * Hand-written: no npm package packs sorted integer triples this way (delta-varint libraries
 * encode one column of 32-bit integers), and the encoder and decoder are a few dozen lines.
 */
import { EMPTY_TALLY, tallyFromRows, type SortedDurations, type Tally, type TallyCodes, type TallyColumn } from './tally.js';

const ESCAPE = 0x80;
/** The first byte of a two-byte cell (0x81–0xfe). */
const TWO = 0x81;
const U32_MAX = 2 ** 32 - 1;
const MAX = Number.MAX_SAFE_INTEGER;

/** Whole numbers 0…2^53 − 1 (not −0): what the encoding holds. */
function packable(v: number): boolean {
  return Number.isInteger(v) && v >= 0 && v <= MAX && !Object.is(v, -0);
}

/** Growable bytes with varints (7 bits a byte, low first; whole numbers up to 2^53 − 1). */
export class ByteBuffer {
  buffer: Uint8Array;
  size = 0;
  constructor(capacity = 64) {
    this.buffer = new Uint8Array(capacity);
  }
  room(n: number): void {
    if (this.size + n <= this.buffer.length) return;
    let capacity = Math.max(16, this.buffer.length * 2);
    while (capacity < this.size + n) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.buffer.subarray(0, this.size));
    this.buffer = next;
  }
  byte(b: number): void {
    this.room(1);
    this.buffer[this.size++] = b;
  }
  varint(v: number): void {
    this.room(8);
    while (v >= 0x80) {
      this.buffer[this.size++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buffer[this.size++] = v;
  }
  /** The bytes written, in an array of their own length. */
  take(): Uint8Array {
    return this.buffer.length === this.size ? this.buffer : this.buffer.slice(0, this.size);
  }
}

/** Reads bytes from `at` on: single bytes and the varints {@link ByteBuffer} writes. */
export class ByteCursor {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}
  byte(): number {
    return this.bytes[this.at++] as number;
  }
  varint(): number {
    const bytes = this.bytes;
    let b = bytes[this.at++] as number;
    if (b < 0x80) return b;
    let v = b & 0x7f;
    let scale = 0x80;
    for (;;) {
      b = bytes[this.at++] as number;
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
    }
  }
}

/**
 * Writes a packed tally cell by cell, times strictly ascending (a time equal to the last one is
 * added to it). Every value must be a whole number from 0 to 2^53 − 1.
 */
export class PackedWriter {
  private readonly bytes: ByteBuffer;
  private last = 0;
  private cells = 0;
  private ended = 0;
  private waiting = 0;
  private maxEnded = 0;
  private maxWaiting = 0;
  /** The pending cell (written when the next time comes, so equal times add up). */
  private time = -1;
  private e = 0;
  private w = 0;

  constructor(capacity = 64) {
    this.bytes = new ByteBuffer(capacity);
  }

  cell(time: number, ended: number, waiting: number): void {
    if (ended === 0 && waiting === 0) return;
    if (time === this.time) {
      this.e += ended;
      this.w += waiting;
      return;
    }
    if (time < this.time) throw new RangeError(`packed tally: time ${time} after ${this.time}`);
    this.flush();
    this.time = time;
    this.e = ended;
    this.w = waiting;
  }

  private flush(): void {
    if (this.time < 0) return;
    const e = this.e;
    const w = this.w;
    this.bytes.room(CELL_MAX);
    this.bytes.size = encodeCell(this.bytes.buffer, this.bytes.size, this.time - this.last, e, w);
    this.last = this.time;
    this.cells++;
    this.ended += e;
    this.waiting += w;
    if (e > this.maxEnded) this.maxEnded = e;
    if (w > this.maxWaiting) this.maxWaiting = w;
    this.time = -1;
  }

  finish(): PackedTally {
    this.flush();
    return new PackedTally(this.bytes.take(), null, this.cells, this.ended, this.waiting, this.last, this.maxEnded, this.maxWaiting);
  }
}

/** Reads a packed tally's cells in order (a cursor: `next()` then `time`, `ended`, `waiting`). */
export class PackedReader {
  time = 0;
  ended = 0;
  waiting = 0;
  private readonly cursor: ByteCursor;
  private k = 0;
  constructor(private readonly packed: PackedTally) {
    this.cursor = new ByteCursor(packed.bytes);
  }

  /** Moves to the next cell; false after the last. */
  next(): boolean {
    const p = this.packed;
    if (this.k >= p.cells) return false;
    this.k++;
    if (p.raw) {
      this.time = p.raw.times[this.k - 1] as number;
      this.ended = p.raw.ended[this.k - 1] as number;
      this.waiting = p.raw.waiting[this.k - 1] as number;
      return true;
    }
    const c = this.cursor;
    const b = c.byte();
    if (b < ESCAPE) {
      this.time += (b >> 3) + 1;
      this.ended = (b >> 1) & 3;
      this.waiting = b & 1;
      return true;
    }
    if (b > ESCAPE) {
      const v = b - TWO;
      this.time += (v >> 1) + 1;
      this.waiting = v & 1;
      this.ended = c.byte();
      return true;
    }
    this.time += c.varint();
    this.ended = c.varint();
    this.waiting = c.varint();
    return true;
  }
}

/**
 * A tally packed (see the module header), with its sizes. `raw` holds a tally the encoding does
 * not cover (fractional or negative times), kept as it is.
 */
export class PackedTally {
  constructor(
    readonly bytes: Uint8Array,
    readonly raw: Tally | null,
    /** Distinct times. */
    readonly cells: number,
    /** Tickets ended, over all times. */
    readonly ended: number,
    /** Tickets still waiting, over all times. */
    readonly waiting: number,
    /** The latest time (0 when empty). */
    readonly last: number,
    /** The most tickets ended at one time (unknown: the largest a column may need). */
    readonly maxEnded = Number.MAX_SAFE_INTEGER,
    /** The most tickets waiting at one time (unknown: the largest a column may need). */
    readonly maxWaiting = Number.MAX_SAFE_INTEGER,
  ) {}

  /**
   * A packed tally again from what a thread's message made of one (structured cloning keeps its
   * fields, not its class): the statistics helper's passes (measure/helperWorker.ts).
   */
  static revived(fields: PackedTally): PackedTally {
    const f = fields;
    return new PackedTally(f.bytes, f.raw, f.cells, f.ended, f.waiting, f.last, f.maxEnded, f.maxWaiting);
  }

  /** Bytes held (the packed cells, or the columns of a raw tally). */
  get byteLength(): number {
    return this.raw ? this.raw.times.byteLength + this.raw.ended.byteLength + this.raw.waiting.byteLength : this.bytes.byteLength;
  }

  /**
   * The tally itself: when every time and the total fit 32 bits, times 32-bit and each count
   * column as narrow as its largest count allows (8, 16 or 32 bits: a whole channel of a 50M
   * table holds millions of distinct times, mostly with a few tickets each, so 6–7 bytes a time
   * instead of 12); float64 otherwise (as tallyFromRows makes them).
   */
  unpack(): Tally {
    if (this.raw) return this.raw;
    if (this.cells === 0) return EMPTY_TALLY;
    const narrow = this.last <= U32_MAX && this.ended + this.waiting <= U32_MAX;
    const n = this.cells;
    const times: TallyColumn = narrow ? new Uint32Array(n) : new Float64Array(n);
    const ended = narrow ? countColumn(n, this.maxEnded) : new Float64Array(n);
    const waiting = narrow ? countColumn(n, this.maxWaiting) : new Float64Array(n);
    decodeCells(this.bytes, n, times, ended, waiting);
    return { times, ended, waiting };
  }
}

/** Where {@link escapedValue} stopped reading. */
let escapedAt = 0;

/** A varint of `bytes` at `at` (ByteCursor.varint); where it ends is left in escapedAt. */
function escapedValue(bytes: Uint8Array, at: number): number {
  let b = bytes[at++] as number;
  let v = b & 0x7f;
  let scale = 0x80;
  while (b >= 0x80) {
    b = bytes[at++] as number;
    v += (b & 0x7f) * scale;
    scale *= 0x80;
  }
  escapedAt = at;
  return v;
}

/**
 * The `n` cells of packed bytes into the columns: PackedReader's decoding in one loop, with no
 * call per cell (every statistic that reads a group or cell unpacks it: a fifth of the judge's
 * time went to the reader's calls at 5M tickets). The round-trip tests hold it to the writer.
 */
function decodeCells(bytes: Uint8Array, n: number, times: TallyColumn, ended: TallyColumn, waiting: TallyColumn): void {
  let at = 0;
  let time = 0;
  for (let k = 0; k < n; k++) {
    const b = bytes[at++] as number;
    if (b < ESCAPE) {
      time += (b >> 3) + 1;
      ended[k] = (b >> 1) & 3;
      waiting[k] = b & 1;
    } else if (b > ESCAPE) {
      const v = b - TWO;
      time += (v >> 1) + 1;
      waiting[k] = v & 1;
      ended[k] = bytes[at++] as number;
    } else {
      time += escapedValue(bytes, at);
      ended[k] = escapedValue(bytes, escapedAt);
      waiting[k] = escapedValue(bytes, escapedAt);
      at = escapedAt;
    }
    times[k] = time;
  }
}

/** A column of `n` counts up to `max`, in the fewest bits that hold them. */
function countColumn(n: number, max: number): TallyColumn {
  return max <= 0xff ? new Uint8Array(n) : max <= 0xffff ? new Uint16Array(n) : new Uint32Array(n);
}

/** The packed tally of no tickets. */
export const EMPTY_PACKED = new PackedTally(new Uint8Array(0), null, 0, 0, 0, 0);

/** A tally packed (or kept as it is when a value is not a whole number from 0 to 2^53 − 1). */
export function packTally(t: Tally): PackedTally {
  const n = t.times.length;
  if (n === 0) return EMPTY_PACKED;
  if (unsigned(t.times) && unsigned(t.ended) && unsigned(t.waiting)) return packUnsigned(t.times, t.ended, t.waiting);
  let ok = true;
  for (let i = 0; i < n && ok; i++) ok = packable(t.times[i] as number) && packable(t.ended[i] as number) && packable(t.waiting[i] as number);
  if (!ok) {
    let ended = 0;
    let waiting = 0;
    for (let i = 0; i < n; i++) {
      ended += t.ended[i] as number;
      waiting += t.waiting[i] as number;
    }
    return new PackedTally(new Uint8Array(0), t, n, ended, waiting, t.times[n - 1] as number);
  }
  const w = new PackedWriter(n + 8);
  for (let i = 0; i < n; i++) w.cell(t.times[i] as number, t.ended[i] as number, t.waiting[i] as number);
  return w.finish();
}

/** A column of unsigned integers below 2^32 (every value packable). */
function unsigned(column: TallyColumn): boolean {
  return column instanceof Uint32Array || column instanceof Uint16Array || column instanceof Uint8Array;
}

/**
 * {@link packTally} of a tally of unsigned integer columns (what every pass over sorted durations
 * makes): the bytes and sizes PackedWriter gives for the same cells (the same encodeCell), in
 * one loop without its calls per cell and byte; the tests hold the two to the same bytes.
 */
function packUnsigned(times: TallyColumn, ended: TallyColumn, waiting: TallyColumn): PackedTally {
  const n = times.length;
  let out = new Uint8Array(n + 32);
  let size = 0;
  let last = 0;
  let cells = 0;
  let sumEnded = 0;
  let sumWaiting = 0;
  let maxEnded = 0;
  let maxWaiting = 0;
  // the pending cell (written when a later time comes, so equal times add up)
  let time = -1;
  let e = 0;
  let w = 0;
  for (let i = 0; i <= n; i++) {
    let t = 0;
    let ce = 0;
    let cw = 0;
    if (i < n) {
      ce = ended[i] as number;
      cw = waiting[i] as number;
      if (ce === 0 && cw === 0) continue;
      t = times[i] as number;
      if (t === time) {
        e += ce;
        w += cw;
        continue;
      }
      if (t < time) throw new RangeError(`packed tally: time ${t} after ${time}`);
    }
    if (time >= 0) {
      if (size + CELL_MAX > out.length) {
        const next = new Uint8Array(out.length * 2);
        next.set(out.subarray(0, size));
        out = next;
      }
      size = encodeCell(out, size, time - last, e, w);
      last = time;
      cells++;
      sumEnded += e;
      sumWaiting += w;
      if (e > maxEnded) maxEnded = e;
      if (w > maxWaiting) maxWaiting = w;
    }
    time = t;
    e = ce;
    w = cw;
  }
  const bytes = out.length === size ? out : out.slice(0, size);
  return new PackedTally(bytes, null, cells, sumEnded, sumWaiting, last, maxEnded, maxWaiting);
}

/**
 * The packed tallies of groups 0..groups−1 from their codes by sorted position (`marks`, as
 * stats/tally.ts marksByTicket / marksOfGroups make them; a code `>>> 0 >= groups` is none), in
 * one pass over the runs of the sorted keys: each group's cells are encoded as its times rise.
 * The same bytes and sizes as packing the tallies a pass counts in 32-bit columns (test/reference/tallies.ts, then
 * {@link packTally}; the tests hold the two alike), without those tallies: a pass over a whole
 * metric made three blocks of 32-bit columns, 12 bytes a distinct time of each group (about
 * 100 MB for the loud and quiet cells of 10M tickets), counted the times twice, then packed them
 * in a third loop.
 */
export function packMarked(sorted: Pick<SortedDurations, 'runKeys' | 'runEnds'>, marks: TallyCodes, groups: number): PackedTally[] {
  const { runKeys, runEnds } = sorted;
  const count = runEnds.length === 0 ? 0 : (runEnds[runEnds.length - 1] as number);
  const cells = new CellWriters(groups, memberCounts(marks, count, groups));
  // (the writers' columns in locals: the loop reads them at every position)
  const { time, ended, waiting } = cells;
  let k = 0;
  for (let r = 0; r < runKeys.length; r++) {
    const key = runKeys[r] as number;
    const t = key >>> 1;
    const counts = key & 1 ? waiting : ended;
    const end = runEnds[r] as number;
    for (; k < end; k++) {
      const g = marks[k] as number;
      if (g >>> 0 >= groups) continue;
      if (time[g] !== t) cells.next(g, t);
      counts[g]! += 1;
    }
  }
  const out: PackedTally[] = [];
  for (let g = 0; g < groups; g++) out.push(cells.finish(g));
  return out;
}

/** How many positions of `marks[0..count)` each group has (a first size for its bytes). */
function memberCounts(marks: TallyCodes, count: number, groups: number): Float64Array {
  const members = new Float64Array(groups);
  for (let k = 0; k < count; k++) {
    const g = marks[k] as number;
    if (g >>> 0 < groups) members[g]! += 1;
  }
  return members;
}

/**
 * The writers of {@link packMarked}: PackedWriter's state, one slot a group in typed arrays (a
 * pass over millions of positions touches them all; 255 writer objects with their buffers would
 * each be a dictionary of fields to the loop), with the pending cell of each group in
 * `time`/`ended`/`waiting` until a later time comes.
 */
class CellWriters {
  readonly time: Float64Array;
  readonly ended: Float64Array;
  readonly waiting: Float64Array;
  private readonly bytes: Uint8Array[] = [];
  private readonly size: Float64Array;
  private readonly last: Float64Array;
  private readonly cells: Float64Array;
  private readonly sumEnded: Float64Array;
  private readonly sumWaiting: Float64Array;
  private readonly maxEnded: Float64Array;
  private readonly maxWaiting: Float64Array;

  constructor(groups: number, members: Float64Array) {
    this.time = new Float64Array(groups).fill(-1);
    this.ended = new Float64Array(groups);
    this.waiting = new Float64Array(groups);
    this.size = new Float64Array(groups);
    this.last = new Float64Array(groups);
    this.cells = new Float64Array(groups);
    this.sumEnded = new Float64Array(groups);
    this.sumWaiting = new Float64Array(groups);
    this.maxEnded = new Float64Array(groups);
    this.maxWaiting = new Float64Array(groups);
    // a cell holds at least one ticket and is mostly one byte: room for a byte a member
    for (let g = 0; g < groups; g++) this.bytes.push(new Uint8Array((members[g] as number) > 0 ? (members[g] as number) + CELL_MAX : 0));
  }

  /** Writes group g's pending cell, if any, and starts one at time t. */
  next(g: number, t: number): void {
    if ((this.time[g] as number) >= 0) this.flush(g);
    this.time[g] = t;
    this.ended[g] = 0;
    this.waiting[g] = 0;
  }

  private flush(g: number): void {
    const time = this.time[g] as number;
    const e = this.ended[g] as number;
    const w = this.waiting[g] as number;
    let out = this.bytes[g] as Uint8Array;
    const at = this.size[g] as number;
    if (at + CELL_MAX > out.length) {
      const grown = new Uint8Array(Math.max(out.length * 2, at + CELL_MAX));
      grown.set(out.subarray(0, at));
      this.bytes[g] = out = grown;
    }
    this.size[g] = encodeCell(out, at, time - (this.last[g] as number), e, w);
    this.last[g] = time;
    this.cells[g]! += 1;
    this.sumEnded[g]! += e;
    this.sumWaiting[g]! += w;
    if (e > (this.maxEnded[g] as number)) this.maxEnded[g] = e;
    if (w > (this.maxWaiting[g] as number)) this.maxWaiting[g] = w;
    this.time[g] = -1;
  }

  /** Group g's packed tally (its pending cell written). */
  finish(g: number): PackedTally {
    if ((this.time[g] as number) >= 0) this.flush(g);
    if (this.cells[g] === 0) return EMPTY_PACKED;
    const out = this.bytes[g] as Uint8Array;
    const size = this.size[g] as number;
    const bytes = out.length === size ? out : out.slice(0, size);
    return new PackedTally(bytes, null, this.cells[g] as number, this.sumEnded[g] as number, this.sumWaiting[g] as number, this.last[g] as number, this.maxEnded[g] as number, this.maxWaiting[g] as number);
  }
}

/** The most bytes one cell takes (an escape and three varints of up to 8 bytes). */
const CELL_MAX = 32;

/**
 * Writes a cell (its time's step from the last one, ended, waiting) at `at` of `out`, as the
 * module header says, with room for CELL_MAX bytes made by the caller; the position after it.
 * The one definition of the encoding, for PackedWriter and packUnsigned.
 */
function encodeCell(out: Uint8Array, at: number, step: number, e: number, w: number): number {
  if (step >= 1 && step <= 16 && e <= 3 && w <= 1) {
    out[at] = ((step - 1) << 3) | (e << 1) | w;
    return at + 1;
  }
  if (step >= 1 && step <= 63 && e <= 255 && w <= 1) {
    out[at] = TWO + (((step - 1) << 1) | w);
    out[at + 1] = e;
    return at + 2;
  }
  out[at] = ESCAPE;
  return varintAt(out, varintAt(out, varintAt(out, at + 1, step), e), w);
}

/** ByteBuffer.varint into `out` at `at` (room made by the caller); the position after it. */
function varintAt(out: Uint8Array, at: number, v: number): number {
  while (v >= 0x80) {
    out[at++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  out[at++] = v;
  return at;
}

/**
 * The sum of packed tallies (the tickets of all of them), packed: a k-way merge of their cells
 * in time order, so no input is unpacked and the sum is the only thing built. Raw inputs (see
 * {@link packTally}) are summed through their tallies.
 */
export function sumPacked(list: readonly PackedTally[]): PackedTally {
  const parts = list.filter((p) => p.cells > 0);
  if (parts.length === 0) return EMPTY_PACKED;
  if (parts.length === 1) return parts[0] as PackedTally;
  if (parts.some((p) => p.raw)) return sumRaw(parts);
  // a binary heap of cursors by their current time
  const heap: PackedReader[] = [];
  const less = (a: PackedReader, b: PackedReader): boolean => a.time < b.time;
  const down = (i: number): void => {
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const r = l + 1;
      const c = r < n && less(heap[r] as PackedReader, heap[l] as PackedReader) ? r : l;
      if (!less(heap[c] as PackedReader, heap[i] as PackedReader)) return;
      [heap[c], heap[i]] = [heap[i] as PackedReader, heap[c] as PackedReader];
      i = c;
    }
  };
  let capacity = 0;
  for (const p of parts) {
    capacity += p.bytes.length;
    const r = new PackedReader(p);
    if (r.next()) heap.push(r);
  }
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  const out = new PackedWriter(Math.max(64, capacity >> 1));
  while (heap.length) {
    const top = heap[0] as PackedReader;
    out.cell(top.time, top.ended, top.waiting);
    if (!top.next()) {
      const last = heap.pop() as PackedReader;
      if (heap.length === 0) break;
      heap[0] = last;
    }
    down(0);
  }
  return out.finish();
}

/** Sums packed tallies through their tallies (when one is raw). */
function sumRaw(parts: readonly PackedTally[]): PackedTally {
  const times: number[] = [];
  const ended: number[] = [];
  const waiting: number[] = [];
  for (const p of parts) {
    const t = p.unpack();
    for (let i = 0; i < t.times.length; i++) {
      times.push(t.times[i] as number);
      ended.push(t.ended[i] as number);
      waiting.push(t.waiting[i] as number);
    }
  }
  return packTally(tallyFromRows(times, ended, waiting));
}
