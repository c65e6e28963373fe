/**
 * A string → code table for the hot path of the normaliser: the ticket-id duplicate check and
 * the dictionaries (customer ids are nearly one per ticket). Open addressing over an Int32Array,
 * with the strings themselves kept as UTF-16 code units in one growable array (TextArena), so a
 * million keys are a few flat typed arrays instead of a million-entry Map and a million string
 * objects the garbage collector has to copy out of the young generation and mark again on every
 * major collection. A value becomes a JavaScript string again only when something reads it.
 *
 * Hand-written because a JavaScript Map is the only built-in, and the difference is the
 * collector's work, not the lookup.
 */

/**
 * Strings stored one after another as UTF-16 code units (exact: any string, lone surrogates
 * included), numbered 0, 1, 2, … in the order they were added. No object per string.
 */
export class TextArena {
  private units = new Uint16Array(1 << 12);
  /** starts[k] .. starts[k + 1] are string k's units. */
  private starts = new Int32Array(1 << 10);
  private count = 0;

  /** How many strings it holds. */
  get length(): number {
    return this.count;
  }

  /** Adds `text`; returns its number. */
  push(text: string): number {
    const k = this.count;
    if (k + 2 > this.starts.length) {
      const next = new Int32Array(this.starts.length * 2);
      next.set(this.starts);
      this.starts = next;
    }
    const at = this.starts[k] as number;
    const end = at + text.length;
    if (end > this.units.length) {
      let size = this.units.length * 2;
      while (size < end) size *= 2;
      const next = new Uint16Array(size);
      next.set(this.units.subarray(0, at));
      this.units = next;
    }
    const units = this.units;
    for (let j = 0; j < text.length; j++) units[at + j] = text.charCodeAt(j);
    this.starts[k + 1] = end;
    this.count = k + 1;
    return k;
  }

  /** Adds the ASCII bytes `buf[start..end)` as a string (each byte one code unit); returns its number. */
  pushAscii(buf: Uint8Array, start: number, end: number): number {
    const k = this.count;
    if (k + 2 > this.starts.length) {
      const next = new Int32Array(this.starts.length * 2);
      next.set(this.starts);
      this.starts = next;
    }
    const at = this.starts[k] as number;
    const stop = at + end - start;
    if (stop > this.units.length) {
      let size = this.units.length * 2;
      while (size < stop) size *= 2;
      const next = new Uint16Array(size);
      next.set(this.units.subarray(0, at));
      this.units = next;
    }
    const units = this.units;
    for (let j = start, u = at; j < end; j++, u++) units[u] = buf[j] as number;
    this.starts[k + 1] = stop;
    this.count = k + 1;
    return k;
  }

  /** String k. */
  get(k: number): string {
    if (!(k >= 0 && k < this.count)) throw new RangeError(`no string ${k} (holds ${this.count})`);
    const from = this.starts[k] as number;
    const to = this.starts[k + 1] as number;
    const units = this.units;
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
    const from = this.starts[k] as number;
    if ((this.starts[k + 1] as number) - from !== text.length) return false;
    const units = this.units;
    for (let j = 0; j < text.length; j++) if (units[from + j] !== text.charCodeAt(j)) return false;
    return true;
  }

  /** Whether string k equals the ASCII bytes `buf[start..end)`. */
  equalsAscii(k: number, buf: Uint8Array, start: number, end: number): boolean {
    const from = this.starts[k] as number;
    if ((this.starts[k + 1] as number) - from !== end - start) return false;
    const units = this.units;
    for (let j = start, u = from; j < end; j++, u++) if (units[u] !== buf[j]) return false;
    return true;
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

/** FNV-1a over UTF-16 code units, with a final mix so that similar ids spread. */
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
 * Strings numbered 0, 1, 2, … in order of first appearance. A string can also be looked up or
 * added from ASCII bytes (the byte scanner's fields), with the same hash and the same codes as
 * the string itself: `"T1"` from a record and `T1` read as bytes are one key.
 *
 * Slots hold the code and the hash side by side, so a probe compares text only when the hashes
 * agree (an equal hash is only a hint; keys are always compared in full, so two different
 * strings are never one key).
 */
export class StringTable {
  private readonly texts = new TextArena();
  /** Pairs (code + 1, hash) per slot; code + 1 = 0 is an empty slot. */
  private slots = new Int32Array(2048);
  private mask = 1023;
  /** `values` as last materialised (dropped when a string is added). */
  private materialised: string[] | null = null;

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

  /** The code of `text`, or -1 when it is not in the table. */
  find(text: string): number {
    const slots = this.slots;
    const mask = this.mask;
    const hash = hashOf(text);
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const at = slots[2 * i] as number;
      if (at === 0) return -1;
      if (slots[2 * i + 1] === hash && this.texts.equals(at - 1, text)) return at - 1;
    }
  }

  /** The code of the string made of the ASCII bytes `buf[start..end)`, or -1. */
  findAscii(buf: Uint8Array, start: number, end: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const hash = hashOfAscii(buf, start, end);
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const at = slots[2 * i] as number;
      if (at === 0) return -1;
      if (slots[2 * i + 1] === hash && this.texts.equalsAscii(at - 1, buf, start, end)) return at - 1;
    }
  }

  /** The code of `text`, adding it when new (a new code is `size - 1` afterwards). */
  intern(text: string): number {
    const slots = this.slots;
    const mask = this.mask;
    const hash = hashOf(text);
    let i = hash & mask;
    for (; ; i = (i + 1) & mask) {
      const at = slots[2 * i] as number;
      if (at === 0) break;
      if (slots[2 * i + 1] === hash && this.texts.equals(at - 1, text)) return at - 1;
    }
    return this.insert(i, hash, this.texts.push(text));
  }

  /** intern of the string made of the ASCII bytes `buf[start..end)`. */
  internAscii(buf: Uint8Array, start: number, end: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const hash = hashOfAscii(buf, start, end);
    let i = hash & mask;
    for (; ; i = (i + 1) & mask) {
      const at = slots[2 * i] as number;
      if (at === 0) break;
      if (slots[2 * i + 1] === hash && this.texts.equalsAscii(at - 1, buf, start, end)) return at - 1;
    }
    return this.insert(i, hash, this.texts.pushAscii(buf, start, end));
  }

  /**
   * Adds `text` under a new code even when it is already there (a table builder given the same
   * id twice by a caller that does its own duplicate check); find and intern answer the first.
   */
  add(text: string): number {
    const hash = hashOf(text);
    const slots = this.slots;
    const mask = this.mask;
    let i = hash & mask;
    while (slots[2 * i] !== 0) i = (i + 1) & mask;
    return this.insert(i, hash, this.texts.push(text));
  }

  /** How many strings the table holds. */
  get size(): number {
    return this.texts.length;
  }

  /** Makes room for `n` strings in all, so that adding up to that many rehashes nothing. */
  reserve(n: number): void {
    if (n * 2 <= this.mask) return;
    let size = this.mask + 1;
    while (n * 2 > size - 1) size *= 2;
    this.resize(size - 1);
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
