import { describe, expect, it } from 'vitest';
import { IdIndex, StringTable } from '../../src/normalise/strings.js';

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
