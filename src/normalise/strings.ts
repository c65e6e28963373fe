/**
 * A string → code table for the hot path of the normaliser: the ticket-id duplicate check and
 * the dictionaries (customer ids are nearly one per ticket). Open addressing over an Int32Array
 * with the strings kept once in an array, so a million keys are two flat arrays instead of a
 * million-entry Map the garbage collector has to walk on every major collection.
 *
 * Hand-written because a JavaScript Map is the only built-in, and the difference is the
 * collector's work, not the lookup: at a million distinct keys the Map's backing store is an
 * old-generation object re-marked on every major collection.
 */

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
  /** The strings by code. */
  readonly values: string[] = [];
  private slots = new Int32Array(1024); // code + 1; 0 = empty
  private mask = 1023;
  private hashes = new Int32Array(512); // by code, so growing does not hash again

  /** The code of `text`, or -1 when it is not in the table. */
  find(text: string): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let i = hashOf(text) & mask; ; i = (i + 1) & mask) {
      const at = slots[i] as number;
      if (at === 0) return -1;
      if (this.values[at - 1] === text) return at - 1;
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
      if (this.values[at - 1] === text) return at - 1;
    }
    const code = this.values.length;
    this.values.push(text);
    if (code === this.hashes.length) {
      const next = new Int32Array(code * 2);
      next.set(this.hashes);
      this.hashes = next;
    }
    this.hashes[code] = hash;
    slots[i] = code + 1;
    if (this.values.length * 2 > mask) this.grow();
    return code;
  }

  /** How many strings the table holds. */
  get size(): number {
    return this.values.length;
  }

  private grow(): void {
    const mask = this.mask * 2 + 1;
    const slots = new Int32Array(mask + 1);
    for (let code = 0; code < this.values.length; code++) {
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
