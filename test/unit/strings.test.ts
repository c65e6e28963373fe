import { describe, expect, it } from 'vitest';
import { StringTable, TextArena } from '../../src/normalise/strings.js';

describe('the string table', () => {
  it('numbers strings in order of first appearance, across growth', () => {
    const table = new StringTable();
    expect(table.intern('b')).toBe(0);
    expect(table.intern('a')).toBe(1);
    expect(table.intern('b')).toBe(0);
    expect(table.find('c')).toBe(-1);
    // 5,000 more keys force several doublings of the 1,024 slots; codes stay put
    for (let i = 0; i < 5000; i++) table.intern(`T${i}`);
    expect(table.size).toBe(5002);
    expect(table.find('T0')).toBe(2);
    expect(table.find('T4999')).toBe(5001);
    expect(table.find('a')).toBe(1);
    expect(table.values[5001]).toBe('T4999');
    expect(table.find('')).toBe(-1);
  });

  it('reads ASCII bytes as the same keys as strings, and keeps ids whose hashes collide apart', () => {
    const table = new StringTable();
    const bytes = Buffer.from('xx T1 ,T2,C350157');
    expect(table.internAscii(bytes, 3, 5)).toBe(0); // "T1"
    expect(table.intern('T1')).toBe(0);
    expect(table.find('T2')).toBe(-1);
    expect(table.intern('T2')).toBe(1);
    expect(table.findAscii(bytes, 7, 9)).toBe(1);
    expect(table.findAscii(bytes, 10, 17)).toBe(-1);
    expect(table.internAscii(bytes, 10, 17)).toBe(2);
    expect(table.valueOf(2)).toBe('C350157');
    expect(table.findAscii(bytes, 3, 3)).toBe(-1); // the empty string was never added
    // Two different ids with the same 32-bit hash (found by search with the table's own hash,
    // FNV-1a and a final mix, written out again here): two keys, never one.
    const hash = (text: string): number => {
      let h = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      return h | 0;
    };
    const byHash = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; pair === null; i++) {
      const id = `ID-${i}`;
      const other = byHash.get(hash(id));
      if (other !== undefined) pair = [other, id];
      else byHash.set(hash(id), id);
    }
    const [a, b] = pair;
    expect(a).not.toBe(b);
    const ids = new StringTable();
    const ab = Buffer.from(`${a},${b}`);
    const codeA = ids.internAscii(ab, 0, a.length);
    const codeB = ids.internAscii(ab, a.length + 1, ab.length);
    expect(codeB).not.toBe(codeA);
    expect(ids.find(a)).toBe(codeA);
    expect(ids.find(b)).toBe(codeB);
    expect(ids.intern(b)).toBe(codeB);
    expect(ids.size).toBe(2);
  });

  it('reserves room without changing any code, and `add` keeps a second copy behind the first', () => {
    const table = new StringTable();
    for (let i = 0; i < 3000; i++) table.intern(`T${i}`);
    table.reserve(100_000);
    for (let i = 0; i < 3000; i++) expect(table.find(`T${i}`)).toBe(i);
    expect(table.add('T5')).toBe(3000);
    expect(table.find('T5')).toBe(5);
    for (let i = 3000; i < 20_000; i++) table.intern(`T${i}`); // grows past the reservation's doubling
    expect(table.find('T5')).toBe(5);
    expect(table.valueOf(3000)).toBe('T5');
  });
});

describe('the string table without its index (dropIndex)', () => {
  it('answers the same codes after letting go of its slots, in both placements, `add` copies included', () => {
    for (const spread of [false, true]) {
      const table = new StringTable();
      // ids 2^20 apart make the table give up placing in order (spread); T0…T4999 stay in order
      for (let i = 0; i < 5000; i++) table.intern(spread ? `T${i * 1048576}` : `T${i}`);
      const key = (i: number): string => (spread ? `T${i * 1048576}` : `T${i}`);
      expect(table.add(key(7))).toBe(5000); // a second copy of code 7's string
      table.dropIndex();
      expect(table.size).toBe(5001);
      expect(table.valueOf(4999)).toBe(key(4999)); // strings by code need no index
      expect(table.find(key(7))).toBe(7); // the first copy still answers
      for (let i = 0; i < 5000; i += 97) expect(table.find(key(i)), `${spread} ${i}`).toBe(i);
      expect(table.findAscii(Buffer.from(key(12)), 0, key(12).length)).toBe(12);
      expect(table.find('X1')).toBe(-1);
      expect(table.intern('X1')).toBe(5001); // a new string after the drop: the next code
      table.dropIndex();
      expect(table.internAscii(Buffer.from('X1'), 0, 2)).toBe(5001);
      expect(table.intern(key(4999))).toBe(4999);
    }
  });
});

describe('the string table placing ids in order', () => {
  it('keeps ids that differ only in leading zeros apart (same number, same slot)', () => {
    const table = new StringTable();
    expect(table.intern('T7')).toBe(0);
    expect(table.intern('T07')).toBe(1);
    expect(table.intern('T007')).toBe(2);
    expect(table.intern('7')).toBe(3);
    expect(table.find('T07')).toBe(1);
    expect(table.findAscii(Buffer.from('T007'), 0, 4)).toBe(2);
    expect(table.find('T0007')).toBe(-1);
  });

  it('stays exact when the numbers cluster (a power of two apart) and it re-places every key', () => {
    // 3,000 ids 2^20 apart: placed by number they would all want one slot of a table far
    // smaller than 2^20, so the table must give up the order and hash them again.
    const table = new StringTable();
    for (let i = 0; i < 3000; i++) expect(table.intern(`T${i * 1048576}`)).toBe(i);
    expect(table.size).toBe(3000);
    expect(table.find('T0')).toBe(0);
    expect(table.find(`T${2999 * 1048576}`)).toBe(2999);
    expect(table.findAscii(Buffer.from('T1048576'), 0, 8)).toBe(1);
    expect(table.find('T1')).toBe(-1);
    expect(table.intern('T2097152')).toBe(2); // already there
    expect(table.size).toBe(3000);
  });

  it('stays exact when two prefixes run over the same slots, `add` copies included', () => {
    const table = new StringTable();
    expect(table.intern('A5')).toBe(0);
    expect(table.add('A5')).toBe(1); // a second copy, behind the first
    for (let i = 0; i < 2000; i++) {
      table.intern(`A${i}`);
      table.intern(`B${i}`);
    }
    // A5 was there first; A0..A1999 and B0..B1999 are 3,999 more keys
    expect(table.size).toBe(2 + 1999 + 2000);
    expect(table.find('A5')).toBe(0);
    expect(table.valueOf(1)).toBe('A5');
    expect(table.find('B0')).toBe(3);
    expect(table.find('A1999')).toBe(2 + 2 * 1999 - 1);
    expect(table.find('B1999')).toBe(2 + 2 * 1999);
    expect(table.find('C1')).toBe(-1);
  });
});

describe('the text arena', () => {
  it('holds one-byte text until a string needs two bytes a unit, then widens without losing any', () => {
    const arena = new TextArena();
    arena.reserve(4, 8); // less room than the text: grows past it
    expect(arena.push('T1')).toBe(0);
    expect(arena.pushAscii(Buffer.from('xC42y'), 1, 4)).toBe(1); // "C42"
    expect(arena.push('déjà ÿ')).toBe(2); // every unit below 256
    expect(arena.units).toBe(2 + 3 + 6);
    expect(arena.push('ab€cd')).toBe(3); // € is U+20AC: widens after "ab"
    expect(arena.pushAscii(Buffer.from('T9'), 0, 2)).toBe(4);
    expect(arena.toArray()).toEqual(['T1', 'C42', 'déjà ÿ', 'ab€cd', 'T9']);
    expect(arena.equalsAscii(1, Buffer.from('C42'), 0, 3)).toBe(true);
    expect(arena.equalsAscii(4, Buffer.from('T9'), 0, 2)).toBe(true);
    expect(arena.equals(3, 'ab€cd')).toBe(true);
    expect(arena.equals(3, 'ab€ce')).toBe(false);
    expect(arena.units).toBe(11 + 5 + 2);
  });

  it('keeps any string exactly (surrogate pairs, lone surrogates, long text) and compares without decoding', () => {
    const arena = new TextArena();
    const texts = ['T1', '', 'Café ☕', '𝒳 and 😀', '\ud800 lone', 'x'.repeat(10_000) + 'é'];
    texts.forEach((t, k) => expect(arena.push(t)).toBe(k));
    expect(arena.length).toBe(texts.length);
    texts.forEach((t, k) => expect(arena.get(k)).toBe(t));
    expect(arena.equals(2, 'Café ☕')).toBe(true);
    expect(arena.equals(2, 'Cafe ☕')).toBe(false);
    expect(arena.equals(0, 'T10')).toBe(false);
    expect(arena.subset([3, 0]).toArray()).toEqual(['𝒳 and 😀', 'T1']);
    expect(() => arena.get(6)).toThrow(RangeError);
    // growth: 100,000 ids, every one back as it went in
    const many = new TextArena();
    for (let i = 0; i < 100_000; i++) many.push(`ID-${i}`);
    expect(many.get(0)).toBe('ID-0');
    expect(many.get(99_999)).toBe('ID-99999');
  });
});
