import { describe, expect, it } from 'vitest';
import { radixSortPairs } from '../../../src/stats/radix.js';

describe('radixSortPairs: stable sort of 32-bit keys with a payload', () => {
  it('hand example: equal keys keep their payload order; keys above 2^16 and 2^31', () => {
    const keys = Uint32Array.from([70000, 3, 2 ** 31 + 5, 3, 0, 70000, 65535]);
    const payload = Uint32Array.from([0, 1, 2, 3, 4, 5, 6]);
    const sorted = radixSortPairs(keys, payload);
    expect(Array.from(sorted.keys)).toEqual([0, 3, 3, 65535, 70000, 70000, 2 ** 31 + 5]);
    expect(Array.from(sorted.payload)).toEqual([4, 1, 3, 6, 0, 5, 2]);
  });

  it('small inputs (a comparator sort) and an empty input', () => {
    const sorted = radixSortPairs(Uint32Array.from([5, 1, 5, 0]), Uint32Array.from([10, 11, 12, 13]));
    expect(Array.from(sorted.payload)).toEqual([13, 11, 10, 12]);
    expect(Array.from(sorted.keys)).toEqual([0, 1, 5, 5]);
    expect(Array.from(radixSortPairs(new Uint32Array(0), new Uint32Array(0)).keys)).toEqual([]);
  });

  it('keys below 2^16 (the high pass skipped): 5,000 keys in reverse, pairs of equal keys keep their order', () => {
    // key of position i: 2499 − ⌊i/2⌋, so sorted position 2k, 2k+1 holds the pair 4998 − 2k, 4999 − 2k
    const keys = Uint32Array.from({ length: 5000 }, (_, i) => 2499 - Math.floor(i / 2));
    const sorted = radixSortPairs(keys, Uint32Array.from(keys.keys()));
    expect(Array.from(sorted.payload.subarray(0, 4))).toEqual([4998, 4999, 4996, 4997]);
    expect(Array.from(sorted.keys.subarray(0, 4))).toEqual([0, 0, 1, 1]);
    expect(sorted.keys[4999]).toBe(2499);
    expect(sorted.payload[4999]).toBe(1);
  });

  it('agrees with a comparator sort of (key, position) at every size around the small-input cut-off', () => {
    let r = 99;
    const next = (): number => (r = (r * 1103515245 + 12345) % 2 ** 31);
    for (const n of [1, 2, 3, 1000, 1023, 1024, 1025, 1100]) {
      const keys = Uint32Array.from({ length: n }, () => (next() % 2 === 0 ? next() % 7 : next() * 2) >>> 0);
      const expected = Array.from(keys.keys()).sort((a, b) => keys[a]! - keys[b]! || a - b);
      const sorted = radixSortPairs(Uint32Array.from(keys), Uint32Array.from(keys.keys()));
      expect(Array.from(sorted.payload), `n = ${n}`).toEqual(expected);
    }
  });

  it('agrees with a comparator sort of (key, position) on 20,000 generated keys with many ties', () => {
    let r = 4242;
    const next = (): number => (r = (r * 1103515245 + 12345) % 2 ** 31);
    const keys = Uint32Array.from({ length: 20_000 }, () => (next() % 3 === 0 ? next() % 50 : next() * 2) >>> 0);
    const expected = Array.from(keys.keys()).sort((a, b) => keys[a]! - keys[b]! || a - b);
    const sorted = radixSortPairs(Uint32Array.from(keys), Uint32Array.from(keys.keys()));
    expect(Array.from(sorted.payload)).toEqual(expected);
    expect(Array.from(sorted.keys)).toEqual(expected.map((i) => keys[i]!));
  });
});
