/**
 * A string → code table for the hot path of the normaliser: the ticket-id duplicate check and
 * the dictionaries (customer ids are nearly one per ticket). Open addressing over an Int32Array,
 * with the strings themselves kept as code units in one growable array (TextArena), so a
 * million keys are a few flat typed arrays instead of a million-entry Map and a million string
 * objects the garbage collector has to copy out of the young generation and mark again on every
 * major collection. A value becomes a JavaScript string again only when something reads it.
 *
 * Hand-written because a JavaScript Map is the only built-in, and the difference is the
 * collector's work, not the lookup. Where the numbers below were taken (a 2-core virtual
 * machine) fresh memory costs most: every 4 KiB page touched the first time is a fault of about
 * 25 µs, so what these tables touch, and where, is what their speed is made of.
 */

/**
 * Trailing digits read as an id's number, at most: below 10^9, an exact small integer that fits
 * 4 bytes (NumberedForm) and keeps a sum with a 32-bit hash an int32 (orderedHashOf).
 */
const NUMBER_DIGITS = 9;
/** Code units a numbered key's prefix has at most. */
const NUMBERED_PREFIX = 64;

/**
 * The shape every string of a numbered arena has: one prefix, then 1 to NUMBER_DIGITS
 * decimal digits ending the string (`T1041`, `C350157`, `48213`, `INC0010001`), written either
 * without leading zeros (`width` 0) or always with `width` digits (zeros in front). A string of
 * this shape is known by its number alone, and written back exactly: `prefix + number`, padded.
 */
class NumberedForm {
  /** The prefix's code units (compared with ASCII bytes unit by unit). */
  private readonly units: Uint16Array;
  /**
   * While `width` is 0: how many digits every string so far has, or −1 when they differ. A
   * string with leading zeros of that many digits then turns the form to that fixed width
   * (every earlier string has that many digits and no leading zero, so each is still written
   * back exactly).
   */
  private sameWidth: number;

  /** What `width` answers (changed only by admit). */
  private fixedWidth: number;

  private constructor(readonly prefix: string, width: number, digits: number) {
    // (code unit by code unit: a character beyond the BMP is two)
    this.units = Uint16Array.from({ length: prefix.length }, (_, i) => prefix.charCodeAt(i));
    this.fixedWidth = width;
    this.sameWidth = width === 0 ? digits : -1;
  }

  /** 0: numbers written without leading zeros; else how many digits every number is written with. */
  get width(): number {
    return this.fixedWidth;
  }

  /** The form `text` has, or null when it is not a prefix and a number. */
  static of(text: string): NumberedForm | null {
    let d = text.length;
    while (d > 0 && isDigit(text.charCodeAt(d - 1))) d--;
    const digits = text.length - d;
    if (digits === 0 || digits > NUMBER_DIGITS || d > NUMBERED_PREFIX) return null;
    return new NumberedForm(text.slice(0, d), digits > 1 && text.charCodeAt(d) === 48 ? digits : 0, digits);
  }

  /** The number of `text` when it has this form, else −1. */
  numberOf(text: string): number {
    const p = this.units.length;
    const digits = text.length - p;
    if (!this.digitsFit(digits, text.charCodeAt(p))) return -1;
    for (let i = 0; i < p; i++) if (text.charCodeAt(i) !== this.units[i]) return -1;
    let n = 0;
    for (let i = p; i < text.length; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return -1;
      n = n * 10 + digit;
    }
    return n;
  }

  /** numberOf the string whose code units are the ASCII bytes `buf[start..end)`. */
  numberOfAscii(buf: Uint8Array, start: number, end: number): number {
    const p = this.units.length;
    const digits = end - start - p;
    if (!this.digitsFit(digits, buf[start + p] as number)) return -1;
    for (let i = 0; i < p; i++) if (buf[start + i] !== this.units[i]) return -1;
    let n = 0;
    for (let i = start + p; i < end; i++) {
      const digit = (buf[i] as number) - 48;
      if (digit < 0 || digit > 9) return -1;
      n = n * 10 + digit;
    }
    return n;
  }

  /** Whether `digits` digits starting with unit `first` are written as this form writes them. */
  private digitsFit(digits: number, first: number): boolean {
    if (digits < 1 || digits > NUMBER_DIGITS) return false;
    if (this.fixedWidth !== 0) return digits === this.fixedWidth;
    return digits === 1 || first !== 48;
  }

  /**
   * numberOf for a string being added. One with leading zeros, where the form has none, turns
   * the form to a fixed width when every string so far has that many digits (each of them is
   * then still written back as it was); else −1.
   */
  admit(text: string): number {
    const n = this.numberOf(text);
    if (n >= 0 || !this.widthToTry(text.length - this.units.length)) return n;
    this.fixedWidth = this.sameWidth;
    return this.keptIf(this.numberOf(text));
  }

  /** admit of the string whose code units are the ASCII bytes `buf[start..end)`. */
  admitAscii(buf: Uint8Array, start: number, end: number): number {
    const n = this.numberOfAscii(buf, start, end);
    if (n >= 0 || !this.widthToTry(end - start - this.units.length)) return n;
    this.fixedWidth = this.sameWidth;
    return this.keptIf(this.numberOfAscii(buf, start, end));
  }

  /** Whether a string of `digits` digits that does not fit may fit at a fixed width: every string so far has that many (two or more). */
  private widthToTry(digits: number): boolean {
    return this.fixedWidth === 0 && this.sameWidth >= 2 && digits === this.sameWidth;
  }

  /** n, read at the fixed width being tried: the width is kept when n fits it, else given up. */
  private keptIf(n: number): number {
    if (n < 0) this.fixedWidth = 0;
    return n;
  }

  /**
   * Notes that the string of number n was added (whether all have one number of digits so
   * far); returns how many code units that string has.
   */
  added(n: number): number {
    if (this.fixedWidth !== 0) return this.units.length + this.fixedWidth;
    const digits = digitsOf(n);
    if (digits !== this.sameWidth) this.sameWidth = -1;
    return this.units.length + digits;
  }

  /** The string of number n. */
  text(n: number): string {
    const digits = String(n);
    return this.fixedWidth === 0 ? this.prefix + digits : this.prefix + digits.padStart(this.fixedWidth, '0');
  }
}

/** How many decimal digits n (a whole number ≥ 0) has. */
function digitsOf(n: number): number {
  let digits = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    digits++;
  }
  return digits;
}

function isDigit(unit: number): boolean {
  return unit >= 48 && unit <= 57;
}

/**
 * Strings stored one after another as code units, numbered 0, 1, 2, … in the order they were
 * added. No object per string. Exact for any string (lone surrogates included): the units are
 * held one byte each while every unit is below 256 (ticket and customer ids are ASCII: half
 * the memory, and the page faults and cache misses that come with it), and two bytes each from
 * the first string that needs it on (the bytes held so far widened once).
 *
 * Numbered strings are kept smaller still. Ids are mostly a prefix and a running number
 * (`T1041`, `C350157`, `48213`, `INC0010001`): while every string added has the first one's
 * prefix and its way of writing the number (NumberedForm), the arena holds only the numbers,
 * 4 bytes a string instead of its units and its start (a ticket id of the bench file took 12
 * bytes: 125 MB at 10M tickets). The first string that has another form turns the arena to
 * units, every string held so far written out once.
 */
export class TextArena {
  /** The units while all are below 256 (null once widened). */
  private narrow: Uint8Array | null = new Uint8Array(1 << 12);
  /** The units once some string needed two bytes a unit (null until then). */
  private wide: Uint16Array | null = null;
  /** starts[k] .. starts[k + 1] are string k's units. */
  private starts = new Int32Array(1 << 10);
  private count = 0;
  /** While every string is numbered: their form, and string k's number is numbers[k]. */
  private form: NumberedForm | null = null;
  private numbers = new Uint32Array(0);
  /** Code units of the numbered strings together. */
  private numberedUnits = 0;
  /** What `reserve` asked for before the first string settled the form (or after, while numbered). */
  private wanted = { strings: 0, units: 0 };
  /** Whether the first string has settled how strings are held. */
  private settled = false;

  /** How many strings it holds. */
  get length(): number {
    return this.count;
  }

  /** How many code units its strings hold together. */
  get units(): number {
    return this.form !== null ? this.numberedUnits : (this.starts[this.count] as number);
  }

  /** The form of the numbered strings held, while every string is one (else null): StringTable's index by number reads it. */
  get numbered(): NumberedForm | null {
    return this.form;
  }

  /** String k's number (only while numbered). */
  numberAt(k: number): number {
    return this.numbers[k] as number;
  }

  /**
   * Makes room for `strings` strings of `units` code units in all (estimates), so that adding
   * up to that many copies nothing: growing by doubling writes every unit two or three times
   * over, into memory that is new each time.
   */
  reserve(strings: number, units: number): void {
    if (this.count === 0 || this.form !== null) {
      // (the first string settles how strings are held: only then is the room made)
      this.wanted = { strings: Math.max(this.wanted.strings, strings), units: Math.max(this.wanted.units, units) };
      if (this.form !== null && strings > this.numbers.length) this.numbers = grownTo(this.numbers, strings, this.count);
      return;
    }
    this.reserveUnits(strings, units);
  }

  private reserveUnits(strings: number, units: number): void {
    if (strings + 1 > this.starts.length) this.starts = grownTo(this.starts, strings + 1);
    const held = this.starts[this.count] as number;
    if (this.narrow !== null) {
      if (units > this.narrow.length) this.narrow = grownTo(this.narrow, units, held);
    } else if (this.wide !== null && units > this.wide.length) this.wide = grownTo(this.wide, units, held);
  }

  /**
   * Settles how strings are held, from the first one: by number when it is numbered, else as
   * units (with the room asked for so far).
   */
  private settle(first: string): void {
    this.settled = true;
    this.form = NumberedForm.of(first);
    if (this.form !== null) this.numbers = new Uint32Array(Math.max(1 << 10, this.wanted.strings));
    else this.reserveUnits(this.wanted.strings, this.wanted.units);
  }

  /** Adds the string of number n of the numbered form (a number its `admit` gave); returns its number in the arena. */
  pushNumber(n: number): number {
    const form = this.form;
    if (form === null) throw new Error('a number added to an arena that holds units');
    const k = this.count;
    if (k === this.numbers.length) this.numbers = grownTo(this.numbers, k * 2, k);
    this.numbers[k] = n;
    this.numberedUnits += form.added(n);
    this.count = k + 1;
    return k;
  }

  /**
   * Holds every string as units from here on (what the first string of another form does): each
   * string held is written out once. Nothing changes when the arena holds units already.
   */
  toUnits(): void {
    const form = this.form;
    if (form === null) return;
    const numbers = this.numbers;
    const n = this.count;
    this.form = null;
    this.numbers = new Uint32Array(0);
    this.count = 0;
    this.reserveUnits(Math.max(this.wanted.strings, n + 1), Math.max(this.wanted.units, this.numberedUnits));
    for (let k = 0; k < n; k++) this.push(form.text(numbers[k] as number));
  }

  /** Room for string k's start and end, and units up to `stop`. */
  private room(k: number, at: number, stop: number): void {
    if (k + 2 > this.starts.length) this.starts = grownTo(this.starts, this.starts.length * 2);
    const units = this.narrow ?? (this.wide as Uint16Array);
    if (stop > units.length) {
      let size = units.length * 2;
      while (size < stop) size *= 2;
      if (this.narrow !== null) this.narrow = grownTo(this.narrow, size, at);
      else this.wide = grownTo(this.wide as Uint16Array, size, at);
    }
  }

  /**
   * From one byte a unit to two (once: the first string with a unit of 256 or more), the first
   * `held` units carried over (those of the strings before and of the one being added).
   */
  private widen(held: number): void {
    const narrow = this.narrow as Uint8Array;
    const wide = new Uint16Array(narrow.length);
    wide.set(narrow.subarray(0, held));
    this.wide = wide;
    this.narrow = null;
  }

  /** Adds `text`; returns its number. */
  push(text: string): number {
    if (!this.settled) this.settle(text);
    const form = this.form;
    if (form !== null) {
      const n = form.admit(text);
      if (n >= 0) return this.pushNumber(n);
      this.toUnits();
    }
    const k = this.count;
    const at = this.starts[k] as number;
    const end = at + text.length;
    this.room(k, at, end);
    const narrow = this.narrow;
    if (narrow !== null) {
      let j = 0;
      for (; j < text.length; j++) {
        const unit = text.charCodeAt(j);
        if (unit > 0xff) break;
        narrow[at + j] = unit;
      }
      if (j < text.length) {
        this.widen(at + j);
        const wide = this.wide as Uint16Array;
        for (; j < text.length; j++) wide[at + j] = text.charCodeAt(j);
      }
    } else {
      const wide = this.wide as Uint16Array;
      for (let j = 0; j < text.length; j++) wide[at + j] = text.charCodeAt(j);
    }
    this.starts[k + 1] = end;
    this.count = k + 1;
    return k;
  }

  /** Adds the ASCII bytes `buf[start..end)` as a string (each byte one code unit); returns its number. */
  pushAscii(buf: Uint8Array, start: number, end: number): number {
    if (!this.settled) this.settle(Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1'));
    const form = this.form;
    if (form !== null) {
      const n = form.admitAscii(buf, start, end);
      if (n >= 0) return this.pushNumber(n);
      this.toUnits();
    }
    const k = this.count;
    const at = this.starts[k] as number;
    const stop = at + end - start;
    this.room(k, at, stop);
    const units = this.narrow ?? (this.wide as Uint16Array);
    for (let j = start, u = at; j < end; j++, u++) units[u] = buf[j] as number;
    this.starts[k + 1] = stop;
    this.count = k + 1;
    return k;
  }

  /** String k. */
  get(k: number): string {
    if (!(k >= 0 && k < this.count)) throw new RangeError(`no string ${k} (holds ${this.count})`);
    if (this.form !== null) return this.form.text(this.numbers[k] as number);
    const from = this.starts[k] as number;
    const to = this.starts[k + 1] as number;
    const units = this.narrow ?? (this.wide as Uint16Array);
    if (to - from <= 64) {
      let out = '';
      for (let j = from; j < to; j++) out += String.fromCharCode(units[j] as number);
      return out;
    }
    let out = '';
    for (let j = from; j < to; j += 4096) out += String.fromCharCode(...units.subarray(j, Math.min(to, j + 4096)));
    return out;
  }

  /** Whether string k equals `text`, without making a string of it. */
  equals(k: number, text: string): boolean {
    if (this.form !== null) return this.form.numberOf(text) === this.numbers[k];
    const from = this.starts[k] as number;
    if ((this.starts[k + 1] as number) - from !== text.length) return false;
    const units = this.narrow ?? (this.wide as Uint16Array);
    for (let j = 0; j < text.length; j++) if (units[from + j] !== text.charCodeAt(j)) return false;
    return true;
  }

  /** Whether string k equals the ASCII bytes `buf[start..end)`. */
  equalsAscii(k: number, buf: Uint8Array, start: number, end: number): boolean {
    if (this.form !== null) return this.form.numberOfAscii(buf, start, end) === this.numbers[k];
    const from = this.starts[k] as number;
    if ((this.starts[k + 1] as number) - from !== end - start) return false;
    const units = this.narrow ?? (this.wide as Uint16Array);
    for (let j = start, u = from; j < end; j++, u++) if (units[u] !== buf[j]) return false;
    return true;
  }

  /** What warmAscii reads of string k: its first code unit (or whatever is held there, for an empty one), its number while numbered. */
  firstUnit(k: number): number {
    if (this.form !== null) return this.numbers[k] as number;
    const units = this.narrow ?? (this.wide as Uint16Array);
    return units[this.starts[k] as number] ?? 0;
  }

  /** The strings at `indices`, in that order, as a new arena. */
  subset(indices: ArrayLike<number>): TextArena {
    const out = new TextArena();
    for (let j = 0; j < indices.length; j++) out.push(this.get(indices[j] as number));
    return out;
  }

  /** Every string, in order (for tests and small arenas). */
  toArray(): string[] {
    return Array.from({ length: this.count }, (_, k) => this.get(k));
  }
}

/** A copy of `array` `size` long, its first `keep` elements (all by default) carried over. */
function grownTo<T extends Uint8Array | Uint16Array | Int32Array | Uint32Array>(array: T, size: number, keep = array.length): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array.subarray(0, keep));
  return next;
}

/** FNV-1a over code units, with a final mix so that similar ids spread. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h);
}

/** hashOf of the string whose code units are the ASCII bytes `buf[start..end)`: the same number. */
function hashOfAscii(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
  return mix(h);
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}

/**
 * Where a key is placed while a table keeps ids in order: the hash of everything before its
 * trailing digits (at most NUMBER_DIGITS) plus the number those digits make. `T1041` and
 * `T1042` land in neighbouring slots; `T07` and `T7` in the same one (told apart by comparing
 * them, as any two keys with one hash are).
 */
function orderedHashOf(text: string): number {
  let end = text.length;
  let number = 0;
  for (let scale = 1, n = 0; end > 0 && n < NUMBER_DIGITS; n++, scale *= 10) {
    const digit = text.charCodeAt(end - 1) - 48;
    if (digit < 0 || digit > 9) break;
    number += digit * scale;
    end--;
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (mix(h) + number) | 0;
}

/** orderedHashOf of the string whose code units are the ASCII bytes `buf[start..end)`. */
function orderedHashOfAscii(buf: Uint8Array, start: number, end: number): number {
  let number = 0;
  for (let scale = 1, n = 0; end > start && n < NUMBER_DIGITS; n++, scale *= 10) {
    const digit = (buf[end - 1] as number) - 48;
    if (digit < 0 || digit > 9) break;
    number += digit * scale;
    end--;
  }
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
  return (mix(h) + number) | 0;
}

/** The slot mask of a table made for `n` strings (at most half its slots taken). */
function slotMask(n: number): number {
  let size = 2048;
  while (n * 2 > size - 1) size *= 2;
  return size - 1;
}

/** An index by number has at most this many entries per string expected, plus NUMBER_INDEX_SLACK. */
const NUMBER_INDEX_DENSITY = 4;
const NUMBER_INDEX_SLACK = 1 << 16;

/**
 * Codes by number, for a table whose strings are all numbered (NumberedForm): entry n − base
 * holds the code + 1 of the string of number n (0: none). While the numbers lie close enough
 * together (they span at most NUMBER_INDEX_DENSITY entries a string expected, plus
 * NUMBER_INDEX_SLACK), a lookup is one read: no hash, no probe, no text compared. Grows by
 * doubling, towards the side a new number lies on (an export listed newest first has its ids
 * in descending order).
 */
class NumberIndex {
  private base = 0;
  private codes = new Int32Array(0);

  /** The code of the string of number n, or −1 (n = −1: a string not numbered, never held). */
  find(n: number): number {
    const at = n - this.base;
    return at >= 0 && at < this.codes.length ? (this.codes[at] as number) - 1 : -1;
  }

  /**
   * Files `code` under number n unless a code is there already (a copy added with `add` stays
   * behind the first). False, and nothing changed, when covering n would take more entries
   * than the density allows for `strings` strings.
   */
  place(n: number, code: number, strings: number): boolean {
    let at = n - this.base;
    if (at < 0 || at >= this.codes.length) {
      if (!this.cover(n, strings)) return false;
      at = n - this.base;
    }
    if (this.codes[at] === 0) this.codes[at] = code + 1;
    return true;
  }

  /** Entries an index for `strings` strings may span: more, and the keys go to the slots. */
  static limit(strings: number): number {
    return NUMBER_INDEX_DENSITY * strings + NUMBER_INDEX_SLACK;
  }

  /** An index whose entries cover the numbers lo..hi already (no growth while they come). */
  static covering(lo: number, hi: number): NumberIndex {
    const index = new NumberIndex();
    index.base = lo;
    index.codes = new Int32Array(hi - lo + 1);
    return index;
  }

  /**
   * Grows the entries to cover n; false when the numbers would span more than the limit. The
   * limit decides only that: the entries at least double (up to twice the limit), so numbers a
   * few apart do not make a copy every few thousand keys.
   */
  private cover(n: number, strings: number): boolean {
    const limit = NumberIndex.limit(strings);
    const length = this.codes.length;
    const lo = length === 0 ? n : Math.min(this.base, n);
    const hi = length === 0 ? n : Math.max(this.base + length - 1, n);
    if (hi - lo + 1 > limit) return false;
    const size = Math.min(2 * limit, Math.max(hi - lo + 1, 2 * length, strings, 1024));
    // the first number near the front (ids mostly run upwards), later room on the side n lies on
    const base = length === 0 ? Math.max(0, n - (size >> 3)) : n < this.base ? Math.max(0, hi - size + 1) : this.base;
    const codes = new Int32Array(size);
    if (length > 0) codes.set(this.codes, this.base - base);
    this.codes = codes;
    this.base = base;
    return true;
  }

  /** What entry n holds (0: none, or n outside the entries): for reading ahead. */
  peek(n: number): number {
    const at = n - this.base;
    return at >= 0 && at < this.codes.length ? (this.codes[at] as number) : 0;
  }

  /** Reads the entries of the numbers of these keys (StringTable.warmAscii); returns a sum of what it read. */
  warm(form: NumberedForm, buf: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): number {
    let sum = 0;
    for (let k = 0; k < count; k++) {
      const at = form.numberOfAscii(buf, starts[k] as number, ends[k] as number) - this.base;
      if (at >= 0 && at < this.codes.length) sum += this.codes[at] as number;
    }
    return sum;
  }
}

/** Waiting numbers whose index entries internWaiting reads ahead together. */
const WARM_NUMBERS = 512;

/**
 * Probes past which a table placing keys in order gives that up (a sign that its keys cluster:
 * numbers a power of two apart, or the runs of two prefixes overlapping).
 */
const ORDERED_PROBE_LIMIT = 48;

/**
 * Strings numbered 0, 1, 2, … in order of first appearance. A string can also be looked up or
 * added from ASCII bytes (the byte scanner's fields), with the same hash and the same codes as
 * the string itself: `"T1"` from a record and `T1` read as bytes are one key.
 *
 * Slots hold the code and the hash side by side, so a probe compares text only when the hashes
 * agree (an equal hash is only a hint; keys are always compared in full, so two different
 * strings are never one key).
 *
 * Keys are first placed in order (orderedHashOf): ids are mostly a prefix and a running number
 * (`48213`, `T1041`, `INC-0042`), and an export lists them about in that order, so consecutive
 * ids take consecutive slots and the duplicate check walks the slots front to back instead of
 * jumping across a table of tens of MB (a cache and TLB miss per id, and a first-touch page
 * fault for nearly every page of the table, where only the front is touched now). Measured
 * alone on the bench file's ids (`T0`, `T1`, … in file order; 2-core shared machine): 5M ids
 * 3.7–3.9 s before, 1.2 s after; 1M ids 0.7–1.0 s before, 0.15–0.25 s after; the page faults of
 * the id and customer tables together 155k → 40k at 5M. Random customer numbers gain less (a
 * slot range as wide as the numbers instead of the whole table): 3.8–4.0 s → 2.3–3.0 s. Keys
 * that do not suit it (a probe longer than ORDERED_PROBE_LIMIT) make the table re-place every
 * key by the mixed hash (hashOf) once and for good, so the worst case is the plain hashed
 * table plus one rehash.
 *
 * While every key is numbered (TextArena holds only the numbers) and the numbers lie close
 * together, the table needs no slots at all: a NumberIndex finds a key by its number. A key of
 * another form, or a number too far from the others, moves every key into the slots once.
 */
export class StringTable {
  private readonly texts = new TextArena();
  /** Pairs (code + 1, hash) per slot; code + 1 = 0 is an empty slot. */
  private slots = new Int32Array(2048);
  private mask = 1023;
  /** Whether keys are placed by the mixed hash (hashOf) rather than in order (orderedHashOf). */
  private spread = false;
  /** `values` as last materialised (dropped when a string is added). */
  private materialised: string[] | null = null;
  /** warmAscii's scratch: the slot each key goes to, then what that slot holds. */
  private warmSlots = new Int32Array(0);
  /** What warmAscii read, kept so that the reads are not optimised away. */
  warmed = 0;
  /** Whether the slots were let go ({@link dropIndex}): made again on the next lookup. */
  private dropped = false;
  /** The index by number, while the keys are numbered and close together (then the slots are unused); else null. */
  private byNumber: NumberIndex | null = null;
  /** How many strings {@link reserve} said to expect (the slots are sized for them once the first key shows they are needed). */
  private expected = 0;

  /**
   * The strings by code, as an array (made on demand and kept until the next new string): for
   * small tables and for reports; the hot path uses {@link valueOf} and {@link size}.
   */
  get values(): string[] {
    return (this.materialised ??= this.texts.toArray());
  }

  /** The strings, as code units in one arena (string k is code k). */
  get arena(): TextArena {
    return this.texts;
  }

  /** The string of `code`. */
  valueOf(code: number): string {
    return this.texts.get(code);
  }

  private hash(text: string): number {
    return this.spread ? hashOf(text) : orderedHashOf(text);
  }

  private hashAscii(buf: Uint8Array, start: number, end: number): number {
    return this.spread ? hashOfAscii(buf, start, end) : orderedHashOfAscii(buf, start, end);
  }

  /** The code of `text`, or -1 when it is not in the table. */
  find(text: string): number {
    if (this.dropped) this.reindex();
    const form = this.numberedForm();
    if (form !== null) return (this.byNumber as NumberIndex).find(form.numberOf(text));
    const slots = this.slots;
    const mask = this.mask;
    const hash = this.hash(text);
    for (let i = hash & mask, probes = 0; ; i = (i + 1) & mask, probes++) {
      const at = slots[2 * i] as number;
      if (at === 0) return -1;
      if (slots[2 * i + 1] === hash && this.texts.equals(at - 1, text)) return at - 1;
      if (probes === ORDERED_PROBE_LIMIT && !this.spread) return this.spreadOut().find(text);
    }
  }

  /** The code of the string made of the ASCII bytes `buf[start..end)`, or -1. */
  findAscii(buf: Uint8Array, start: number, end: number): number {
    if (this.dropped) this.reindex();
    const form = this.numberedForm();
    if (form !== null) return (this.byNumber as NumberIndex).find(form.numberOfAscii(buf, start, end));
    const slots = this.slots;
    const mask = this.mask;
    const hash = this.hashAscii(buf, start, end);
    for (let i = hash & mask, probes = 0; ; i = (i + 1) & mask, probes++) {
      const at = slots[2 * i] as number;
      if (at === 0) return -1;
      if (slots[2 * i + 1] === hash && this.texts.equalsAscii(at - 1, buf, start, end)) return at - 1;
      if (probes === ORDERED_PROBE_LIMIT && !this.spread) return this.spreadOut().findAscii(buf, start, end);
    }
  }

  /** The code of `text`, adding it when new (a new code is `size - 1` afterwards). */
  intern(text: string): number {
    if (this.dropped) this.reindex();
    const form = this.numberedForm();
    if (form !== null) {
      // (a number not found is a new key; a key of no number may still fit once the width is fixed)
      const n = form.numberOf(text);
      const known = (this.byNumber as NumberIndex).find(n);
      if (known >= 0) return known;
      const code = this.addNumber(n >= 0 ? n : form.admit(text));
      if (code >= 0) return code;
    } else if (this.texts.length === 0) return this.first(this.texts.push(text));
    const slots = this.slots;
    const mask = this.mask;
    const hash = this.hash(text);
    let i = hash & mask;
    for (let probes = 0; ; i = (i + 1) & mask, probes++) {
      const at = slots[2 * i] as number;
      if (at === 0) break;
      if (slots[2 * i + 1] === hash && this.texts.equals(at - 1, text)) return at - 1;
      if (probes === ORDERED_PROBE_LIMIT && !this.spread) return this.spreadOut().intern(text);
    }
    return this.insert(i, hash, this.texts.push(text));
  }

  /** intern of the string made of the ASCII bytes `buf[start..end)`. */
  internAscii(buf: Uint8Array, start: number, end: number): number {
    if (this.dropped) this.reindex();
    const form = this.numberedForm();
    if (form !== null) {
      const n = form.numberOfAscii(buf, start, end);
      const known = (this.byNumber as NumberIndex).find(n);
      if (known >= 0) return known;
      const code = this.addNumber(n >= 0 ? n : form.admitAscii(buf, start, end));
      if (code >= 0) return code;
    } else if (this.texts.length === 0) return this.first(this.texts.pushAscii(buf, start, end));
    const slots = this.slots;
    const mask = this.mask;
    const hash = this.hashAscii(buf, start, end);
    let i = hash & mask;
    for (let probes = 0; ; i = (i + 1) & mask, probes++) {
      const at = slots[2 * i] as number;
      if (at === 0) break;
      if (slots[2 * i + 1] === hash && this.texts.equalsAscii(at - 1, buf, start, end)) return at - 1;
      if (probes === ORDERED_PROBE_LIMIT && !this.spread) return this.spreadOut().internAscii(buf, start, end);
    }
    return this.insert(i, hash, this.texts.pushAscii(buf, start, end));
  }

  /**
   * The number of the ASCII key `buf[start..end)` when its lookup can wait ({@link internNumber}
   * later, in the same order, gives the code intern would give now), else −1: while every key
   * so far is numbered and indexed by number and this key is written in the form as it stands.
   * A key of another form (or one that would fix the form's width) must be interned now, after
   * every key that waits.
   */
  waitingNumberAscii(buf: Uint8Array, start: number, end: number): number {
    const form = this.dropped ? null : this.numberedForm();
    return form === null ? -1 : form.numberOfAscii(buf, start, end);
  }

  /** Whether keys are indexed by number now (then waitingNumberAscii lets a key of the form wait). */
  get byNumbers(): boolean {
    return !this.dropped && this.byNumber !== null;
  }

  /** waitingNumberAscii of a string. */
  waitingNumber(text: string): number {
    const form = this.dropped ? null : this.numberedForm();
    return form === null ? -1 : form.numberOf(text);
  }

  /**
   * intern of the key of number n that {@link waitingNumberAscii} let wait. Keys that waited are
   * interned in the order they came, before any other key: the table then ends as intern one by
   * one would have left it (the same codes, the same form, the same index).
   */
  internNumber(n: number): number {
    const index = this.byNumber;
    if (index !== null) {
      const known = index.find(n);
      if (known >= 0) return known;
      return this.placeNumber(n, this.texts.pushNumber(n));
    }
    // (the numbers have just left the index: a number too far from the others)
    return this.intern((this.texts.numbered as NumberedForm).text(n));
  }

  /**
   * internNumber of every value of `column[from..to)` at or below `waiting` (the number
   * waiting − value), in place and in order; other values are left as they are. The index
   * entries of each block of WARM_NUMBERS values are read ahead first, so that their cache
   * misses overlap (as warmAscii does for lookups while reading).
   */
  internWaiting(column: Int32Array, from: number, to: number, waiting: number): void {
    let sum = 0;
    for (let block = from; block < to; block += WARM_NUMBERS) {
      const end = Math.min(to, block + WARM_NUMBERS);
      const index = this.dropped ? null : this.byNumber;
      if (index !== null) {
        for (let i = block; i < end; i++) {
          const v = column[i] as number;
          if (v <= waiting) sum += index.peek(waiting - v);
        }
      }
      for (let i = block; i < end; i++) {
        const v = column[i] as number;
        if (v <= waiting) column[i] = this.internNumber(waiting - v);
      }
    }
    this.warmed = sum;
  }

  /**
   * Reads, for the ASCII keys `buf[starts[k]..ends[k])` (k < count), the slot each goes to and
   * the first unit of the text of the key held there, and changes nothing. Called on the next
   * few hundred keys before they are looked up one by one: the processor then has those loads
   * in flight together, instead of one cache miss after another inside each lookup (slot, then
   * the key's start, then its text). 5M customer ids like the bench file's (random numbers,
   * 2.9M distinct), looked up alone: 3.0–3.6 s cold, 1.4–1.9 s read ahead 64 to 1,024 at a
   * time; reading and normalising the 5M-row file: 12.3–13.2 s of CPU before, 10.2–11.4 s
   * after (2-core shared machine, interleaved). A key range that is not exactly the key warms a
   * slot in vain, nothing worse. With the index by number, what is read ahead is each key's entry
   * there (the key's number is read again by the lookup: a few digits, against a cache miss).
   */
  warmAscii(buf: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): void {
    if (this.dropped) this.reindex();
    const form = this.numberedForm();
    if (form !== null) {
      this.warmed = (this.byNumber as NumberIndex).warm(form, buf, starts, ends, count);
      return;
    }
    if (this.warmSlots.length < count) this.warmSlots = new Int32Array(count);
    const at = this.warmSlots;
    const mask = this.mask;
    for (let k = 0; k < count; k++) at[k] = this.hashAscii(buf, starts[k] as number, ends[k] as number) & mask;
    const slots = this.slots;
    for (let k = 0; k < count; k++) at[k] = slots[2 * (at[k] as number)] as number;
    let sum = 0;
    for (let k = 0; k < count; k++) {
      const code = at[k] as number;
      if (code !== 0) sum += this.texts.firstUnit(code - 1);
    }
    this.warmed = sum;
  }

  /**
   * Adds `text` under a new code even when it is already there (a table builder given the same
   * id twice by a caller that does its own duplicate check); find and intern answer the first.
   */
  add(text: string): number {
    if (this.dropped) this.reindex();
    const form = this.numberedForm();
    if (form !== null) {
      const code = this.addNumber(form.admit(text));
      if (code >= 0) return code;
    } else if (this.texts.length === 0) return this.first(this.texts.push(text));
    const hash = this.hash(text);
    const slots = this.slots;
    const mask = this.mask;
    let i = hash & mask;
    for (let probes = 0; slots[2 * i] !== 0; i = (i + 1) & mask, probes++) {
      if (probes === ORDERED_PROBE_LIMIT && !this.spread) return this.spreadOut().add(text);
    }
    return this.insert(i, hash, this.texts.push(text));
  }

  /** How many strings the table holds. */
  get size(): number {
    return this.texts.length;
  }

  /**
   * Makes room for `n` strings in all, about `units` code units long together (estimates), so
   * that adding up to that many rehashes and copies nothing.
   */
  reserve(n: number, units = 0): void {
    if (this.dropped) this.reindex();
    this.expected = Math.max(this.expected, n);
    this.texts.reserve(n, units);
    // (the slots are not grown while the first key may still make them unneeded, nor while the
    // index by number is used: they are sized for `expected` when they are needed)
    if (this.byNumber !== null || this.texts.length === 0 || n * 2 <= this.mask) return;
    this.resize(slotMask(n));
  }

  /**
   * Lets go of the hash slots (8 bytes a slot, two to four slots a string: 128 MB for the 2.9M
   * customer ids of 5M tickets) once no more strings are expected; the strings and codes stay.
   * A later lookup makes the slots again from the strings (the same codes, in code order).
   */
  dropIndex(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.byNumber = null;
    this.slots = new Int32Array(2);
    this.mask = 0;
    this.warmSlots = new Int32Array(0);
  }

  private reindex(): void {
    this.dropped = false;
    const n = this.texts.length;
    if (this.texts.numbered !== null && n > 0) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = -1;
      for (let code = 0; code < n; code++) {
        const number = this.texts.numberAt(code);
        if (number < lo) lo = number;
        if (number > hi) hi = number;
      }
      if (hi - lo + 1 <= NumberIndex.limit(Math.max(n, this.expected))) {
        const index = NumberIndex.covering(lo, hi);
        for (let code = 0; code < n; code++) index.place(this.texts.numberAt(code), code, n);
        this.byNumber = index;
        return;
      }
    }
    this.placeAll(slotMask(n));
  }

  /**
   * The arena's numbered form while the index by number is in use, else null. (Should the arena
   * have been given a string of another form past this table, the keys go to the slots now.)
   */
  private numberedForm(): NumberedForm | null {
    if (this.byNumber === null) return null;
    const form = this.texts.numbered;
    if (form === null) this.leaveNumbers();
    return form;
  }

  /**
   * Adds the key of number n (what the form's `admit` gave) to the arena and the index, and
   * returns its code; n = −1 (a key of another form): every key goes to the units and the slots,
   * and −1 tells the caller to go on there.
   */
  private addNumber(n: number): number {
    if (n >= 0) return this.placeNumber(n, this.texts.pushNumber(n));
    this.texts.toUnits();
    this.leaveNumbers();
    return -1;
  }

  /** After the first key was added as `code` (0): indexed by number when it is numbered, else in the slots. */
  private first(code: number): number {
    this.materialised = null;
    if (this.texts.numbered === null) {
      this.leaveNumbers();
      return code;
    }
    this.byNumber = new NumberIndex();
    return this.placeNumber(this.texts.numberAt(code), code);
  }

  /** Files the key just added as `code`, number n, in the index by number (every key to the slots when it lies too far). */
  private placeNumber(n: number, code: number): number {
    this.materialised = null;
    if (!(this.byNumber as NumberIndex).place(n, code, Math.max(code + 1, this.expected))) this.leaveNumbers();
    return code;
  }

  /** To the slots (from the index by number, or from no index yet: the first key): every key placed there, sized for the keys expected. */
  private leaveNumbers(): void {
    this.byNumber = null;
    this.placeAll(slotMask(Math.max(this.texts.length, this.expected)));
  }

  /** Every string placed again by the current hash into fresh slots under `mask`, in code order (a duplicate added with `add` stays behind the first). */
  private placeAll(mask: number): void {
    const slots = new Int32Array(2 * (mask + 1));
    for (let code = 0; code < this.texts.length; code++) {
      const hash = this.hash(this.texts.get(code));
      let i = hash & mask;
      while (slots[2 * i] !== 0) i = (i + 1) & mask;
      slots[2 * i] = code + 1;
      slots[2 * i + 1] = hash;
    }
    this.mask = mask;
    this.slots = slots;
  }

  private insert(slot: number, hash: number, code: number): number {
    this.materialised = null;
    this.slots[2 * slot] = code + 1;
    this.slots[2 * slot + 1] = hash;
    if (this.texts.length * 2 > this.mask) this.grow();
    return code;
  }

  private grow(): void {
    this.resize(this.mask * 2 + 1);
  }

  /**
   * Gives up placing keys in order: every key hashed again by hashOf and placed in code order
   * (a duplicate added with `add` stays behind the first). Returns the table, to retry on.
   */
  private spreadOut(): this {
    this.spread = true; // this.hash is hashOf from here on
    this.placeAll(this.mask);
    return this;
  }

  private resize(mask: number): void {
    const old = this.slots;
    const slots = new Int32Array(2 * (mask + 1));
    // From an empty slot on, so that each probe chain is moved in its order (a duplicate added
    // with `add` stays behind the first).
    let from = 0;
    while (old[from] !== 0) from += 2;
    for (let k = 0; k < old.length; k += 2) {
      const j = (from + k) % old.length;
      const at = old[j] as number;
      if (at === 0) continue;
      const hash = old[j + 1] as number;
      let i = hash & mask;
      while (slots[2 * i] !== 0) i = (i + 1) & mask;
      slots[2 * i] = at;
      slots[2 * i + 1] = hash;
    }
    this.mask = mask;
    this.slots = slots;
  }
}
