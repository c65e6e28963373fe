/**
 * Look-alike values (src/text/lookalike.ts), worked out by hand:
 *
 *   value                     skeleton (invisibles out, NFKC, Cyrillic/Greek folded, one space)
 *   "Sales"                   Sales
 *   "Sales" + U+200B          Sales           → one class with "Sales"
 *   "S" + U+0430 + "les"      Sales           (Cyrillic а folded to a)
 *   "Sales" + U+00AD          Sales           (soft hyphen: a format character)
 *   "Support"                 Support         → no class: no label
 *   "café" (U+00E9)           café
 *   "cafe" + U+0301           café            (NFKC composes it) → a class of two
 *   "Sales" + U+00A0 + "EMEA" Sales EMEA      (NFKC: no-break space → space)
 *   "Sales  EMEA"             Sales EMEA      (a run of spaces as one)
 *
 * Labels: every character that is not what it seems as an escape in JSON string syntax:
 * U+200B → `\u200b`, U+0430 → `\u0430`, U+00AD → `\u00ad`, the NFD accent `\u0301` (the base
 * `e` stays), U+00A0 → `\u00a0`, each space of a run → `\u0020`; the plain value keeps its text.
 * An escape character and the six characters `\u001b` typed out read alike once the sanitiser
 * shows the first as `\u001b`: a class, the typed one's backslash shown `\\`.
 */
import { describe, expect, it } from 'vitest';
import { explicitLabel, findLookalikes, lookalikeList, skeleton } from '../../../src/text/lookalike.js';

describe('skeleton', () => {
  it('folds what a reader cannot tell apart, and nothing a reader can', () => {
    expect(skeleton('Sales\u200b')).toBe('Sales');
    expect(skeleton('S\u0430les')).toBe('Sales');
    expect(skeleton('Sales\u00ad')).toBe('Sales');
    expect(skeleton('Sales\u202e')).toBe('Sales');
    expect(skeleton('cafe\u0301')).toBe('caf\u00e9');
    expect(skeleton('Sales\u00a0EMEA')).toBe('Sales EMEA');
    expect(skeleton('Sales  EMEA')).toBe('Sales EMEA');
    expect(skeleton('\uff33ales')).toBe('Sales'); // full-width S
    // case and letters of other shapes stay apart
    expect(skeleton('sales')).toBe('sales');
    expect(skeleton('Продажи')).toBe('Пpoдaжи'); // р, о, а fold; П, д, ж have no Latin twin
  });
});

describe('explicitLabel', () => {
  it('writes hidden and look-alike characters as escapes', () => {
    expect(explicitLabel('Sales\u200b')).toBe('Sales\\u200b');
    expect(explicitLabel('S\u0430les')).toBe('S\\u0430les');
    expect(explicitLabel('cafe\u0301')).toBe('cafe\\u0301');
    expect(explicitLabel('caf\u00e9')).toBe('caf\u00e9');
    expect(explicitLabel('Sales\u00a0EMEA')).toBe('Sales\\u00a0EMEA');
    expect(explicitLabel('Sales  EMEA')).toBe('Sales\\u0020\\u0020EMEA');
    expect(explicitLabel('Sales EMEA')).toBe('Sales EMEA');
    expect(explicitLabel('X\u001bY')).toBe('X\\u001bY');
    expect(explicitLabel('X\\u001bY')).toBe('X\\\\u001bY');
    expect(explicitLabel('A\tB')).toBe('A\\tB');
    // beyond the Basic Multilingual Plane: a tag character as JSON writes it (two UTF-16 escapes)
    expect(explicitLabel('Sales\u{e0041}')).toBe('Sales\\udb40\\udc41');
  });

  it('is a JSON string body: JSON.parse reads the value back', () => {
    for (const value of ['Sales\u200b', 'S\u0430les', 'cafe\u0301', 'Sales  EMEA', 'X\u001bY', 'X\\u001bY', 'A\tB', 'Sales\u{e0041}']) {
      expect(JSON.parse(`"${explicitLabel(value)}"`)).toBe(value);
    }
  });
});

describe('findLookalikes', () => {
  it('labels the values of each class, and only those', () => {
    const values = ['Support', 'Sales', 'Sales\u200b', 'S\u0430les', 'caf\u00e9', 'cafe\u0301', 'Billing'];
    const found = findLookalikes(values);
    expect(found.classes).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(found.labels).toEqual([null, 'Sales', 'Sales\\u200b', 'S\\u0430les', 'caf\u00e9', 'cafe\\u0301', null]);
    expect(lookalikeList(values, found)).toBe(
      '"Sales", "Sales\\u200b" and "S\\u0430les" (an invisible character; a Cyrillic or Greek letter in place of a Latin one); "café" and "cafe\\u0301" (an accent written as a separate character, NFD)',
    );
  });

  it('an escape character and its escape typed out are one class', () => {
    const found = findLookalikes(['X\u001bY', 'X\\u001bY']);
    expect(found.classes).toEqual([[0, 1]]);
    expect(found.labels).toEqual(['X\\u001bY', 'X\\\\u001bY']);
  });

  it('values that look like no other: nothing labelled', () => {
    const found = findLookalikes(['Support', 'Billing', 'sales', 'Sales']);
    expect(found.classes).toEqual([]);
    expect(found.labels).toEqual([null, null, null, null]);
  });
});
