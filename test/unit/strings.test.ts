import { describe, expect, it } from 'vitest';
import { IdIndex, StringTable, TextArena } from '../../src/normalise/strings.js';

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

  it('IdIndex answers like a Map', () => {
    const index = new IdIndex();
    expect(index.get('T1')).toBeUndefined();
    for (let i = 0; i < 3000; i++) index.set(`T${i}`, i * 2);
    index.set('T7', 99); // an id seen again, the last one kept
    expect(index.get('T7')).toBe(99);
    expect(index.get('T2999')).toBe(5998);
    expect(index.get('T3000')).toBeUndefined();
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
