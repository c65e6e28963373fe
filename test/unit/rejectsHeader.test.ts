// The rejects file's header names each column once (commands/rejects.ts distinctNames): parity's
// own five first, an export's column of one of their names marked `(export)`, a name given twice
// numbered. Expected names written by hand.
import { describe, expect, it } from 'vitest';
import { distinctNames } from '../../src/commands/rejects.js';

describe('distinctNames', () => {
  it('hand examples', () => {
    expect(distinctNames(['ticket_id', 'file', 'reason', 'Tags', 'Tags', 'Tags'])).toEqual(['ticket_id', 'file (export)', 'reason (export)', 'Tags', 'Tags (2)', 'Tags (3)']);
    // a literal "Tags (2)" of the export's own keeps its name; the repeat takes the next free number
    expect(distinctNames(['Tags (2)', 'Tags', 'Tags'])).toEqual(['Tags (2)', 'Tags', 'Tags (3)']);
    expect(distinctNames(['file', 'file'])).toEqual(['file (export)', 'file (2)']);
  });

  it('a header of 16,384 names alike (trailing commas: empty names) is numbered 2 to 16,384, each once', () => {
    const out = distinctNames(new Array<string>(16_384).fill(''));
    expect(out[0]).toBe('');
    expect(out[1]).toBe(' (2)');
    expect(out[16_383]).toBe(' (16384)');
    expect(new Set(out).size).toBe(16_384);
  });
});
