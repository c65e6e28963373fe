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

describe('the text arena', () => {
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
