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
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** Strings numbered 0, 1, 2, … in order of first appearance. */
export class StringTable {
  private readonly texts = new TextArena();
  private slots = new Int32Array(1024); // code + 1; 0 = empty
  private mask = 1023;
  private hashes = new Int32Array(512); // by code, so growing does not hash again
  /** `values` as last materialised (dropped when a string is added). */
  private materialised: string[] | null = null;

  /**
   * The strings by code, as an array (made on demand and kept until the next new string): for
   * small tables and for reports; the hot path uses {@link valueOf} and {@link size}.
   */
  get values(): string[] {
    return (this.materialised ??= this.texts.toArray());
  }

  /** The string of `code`. */
  valueOf(code: number): string {
    return this.texts.get(code);
  }

  /** The code of `text`, or -1 when it is not in the table. */
  find(text: string): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let i = hashOf(text) & mask; ; i = (i + 1) & mask) {
      const at = slots[i] as number;
      if (at === 0) return -1;
      if (this.texts.equals(at - 1, text)) return at - 1;
    }
  }

  /** The code of `text`, adding it when new. */
  intern(text: string): number {
    const slots = this.slots;
    const mask = this.mask;
    const hash = hashOf(text);
    let i = hash & mask;
    for (; ; i = (i + 1) & mask) {
      const at = slots[i] as number;
      if (at === 0) break;
      if (this.texts.equals(at - 1, text)) return at - 1;
    }
    const code = this.texts.push(text);
    this.materialised = null;
    if (code === this.hashes.length) {
      const next = new Int32Array(code * 2);
      next.set(this.hashes);
      this.hashes = next;
    }
    this.hashes[code] = hash;
    slots[i] = code + 1;
    if (this.texts.length * 2 > mask) this.grow();
    return code;
  }

  /** How many strings the table holds. */
  get size(): number {
    return this.texts.length;
  }

  private grow(): void {
    const mask = this.mask * 2 + 1;
    const slots = new Int32Array(mask + 1);
    for (let code = 0; code < this.texts.length; code++) {
      let i = (this.hashes[code] as number) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = code + 1;
    }
    this.mask = mask;
    this.slots = slots;
  }
}

/**
 * Ticket id → the index of its ticket in the table, with the `get`/`set` of a Map (what the
 * duplicate check uses), over a StringTable and an index per id.
 */
export class IdIndex {
  private readonly ids = new StringTable();
  private index = new Int32Array(1024);

  get(id: string): number | undefined {
    const code = this.ids.find(id);
    return code < 0 ? undefined : this.index[code];
  }

  set(id: string, ticket: number): this {
    const code = this.ids.intern(id);
    if (code >= this.index.length) {
      const next = new Int32Array(this.index.length * 2);
      next.set(this.index);
      this.index = next;
    }
    this.index[code] = ticket;
    return this;
  }
}
