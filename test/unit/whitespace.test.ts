// The white space the count query trims (read/engines/dialects.ts WHITESPACE) is what parity trims
// in-process, JavaScript's String.prototype.trim: checked against the engine itself, code point by
// code point over the Basic Multilingual Plane (trim removes nothing outside it).
import { describe, expect, test } from 'vitest';
import { WHITESPACE } from '../../src/read/engines/dialects.js';

describe('WHITESPACE', () => {
  test('holds exactly the characters String.prototype.trim removes', () => {
    const trimmed: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (ch.trim() === '') trimmed.push(ch);
    }
    expect([...WHITESPACE].sort()).toEqual(trimmed.sort());
    // and what it does not hold stays: a zero-width space, NEL, the Mongolian vowel separator
    for (const kept of ['\u200b', '\u0085', '\u180e']) expect(WHITESPACE.includes(kept)).toBe(false);
  });
});
