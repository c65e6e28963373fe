import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringTable, TextArena } from '../../src/normalise/strings.js';

/** The bytes of `text` (ASCII) and its range, for the byte lookups. */
function ascii(text: string): [Buffer, number, number] {
  const buf = Buffer.from(`,${text},`, 'latin1');
  return [buf, 1, 1 + text.length];
}

describe('the text arena holding numbered strings by number', () => {
  it('keeps a prefix and a running number as the number, and writes each back exactly', () => {
    const arena = new TextArena();
    arena.reserve(10, 100);
    expect(arena.push('T7')).toBe(0);
    expect(arena.pushAscii(...ascii('T1041'))).toBe(1);
    expect(arena.push('T0')).toBe(2);
    expect(arena.numbered?.prefix).toBe('T');
    expect(arena.numberAt(1)).toBe(1041);
    expect(arena.units).toBe(2 + 5 + 2);
    expect(arena.toArray()).toEqual(['T7', 'T1041', 'T0']);
    // compared by number, and only in the same writing
    expect(arena.equals(0, 'T7')).toBe(true);
    expect(arena.equals(0, 'T07')).toBe(false);
    expect(arena.equals(0, 't7')).toBe(false);
    expect(arena.equals(0, '7')).toBe(false);
    expect(arena.equalsAscii(1, ...ascii('T1041'))).toBe(true);
    expect(arena.equalsAscii(1, ...ascii('T1042'))).toBe(false);
    expect(arena.equalsAscii(1, ...ascii('X1041'))).toBe(false);
    expect(arena.subset([1, 0]).toArray()).toEqual(['T1041', 'T7']);
  });

  it('keeps ids written with a fixed number of digits (leading zeros) by number too', () => {
    const arena = new TextArena();
    for (const id of ['INC0010001', 'INC0010002', 'INC0000017']) arena.push(id);
    expect(arena.numbered?.width).toBe(7);
    expect(arena.toArray()).toEqual(['INC0010001', 'INC0010002', 'INC0000017']);
    expect(arena.units).toBe(30);
    expect(arena.equals(2, 'INC17')).toBe(false);
    // an id of the same prefix without the zeros is another string: the arena turns to units
    arena.push('INC17');
    expect(arena.numbered).toBeNull();
    expect(arena.toArray()).toEqual(['INC0010001', 'INC0010002', 'INC0000017', 'INC17']);
    expect(arena.units).toBe(35);
  });

  it('turns to a fixed width when the first leading zeros come after strings of that many digits', () => {
    const arena = new TextArena();
    for (const id of ['S1000', 'S2000']) arena.push(id);
    expect(arena.numbered?.width).toBe(0);
    arena.pushAscii(...ascii('S0999'));
    expect(arena.numbered?.width).toBe(4);
    expect(arena.toArray()).toEqual(['S1000', 'S2000', 'S0999']);
    // fewer digits no longer fit: turned to units, nothing lost
    arena.push('S5');
    expect(arena.numbered).toBeNull();
    expect(arena.toArray()).toEqual(['S1000', 'S2000', 'S0999', 'S5']);
    // strings of different lengths first: leading zeros cannot be a fixed width
    const mixed = new TextArena();
    for (const id of ['S5', 'S1000', 'S0999']) mixed.push(id);
    expect(mixed.numbered).toBeNull();
    expect(mixed.toArray()).toEqual(['S5', 'S1000', 'S0999']);
    const shorter = new TextArena();
    for (const id of ['S1000', 'S5', 'S0999']) shorter.push(id);
    expect(shorter.numbered).toBeNull();
    expect(shorter.toArray()).toEqual(['S1000', 'S5', 'S0999']);
  });

  it('holds as units what is not a prefix and at most nine digits', () => {
    for (const first of ['solved', 'T1234567890', '', '7a', `${'x'.repeat(65)}1`, 'déjà vu']) {
      const arena = new TextArena();
      arena.push(first);
      expect(arena.numbered, first).toBeNull();
      expect(arena.get(0)).toBe(first);
    }
    // a prefix beyond the basic plane (two code units a character) is kept unit by unit
    const astral = new TextArena();
    for (const id of ['😀-1', '😀-22']) astral.push(id);
    expect(astral.numbered?.prefix).toBe('😀-');
    expect(astral.toArray()).toEqual(['😀-1', '😀-22']);
    expect(astral.equals(1, '😀-22')).toBe(true);
    const nine = new TextArena();
    nine.push('123456789');
    expect(nine.numbered?.prefix).toBe('');
    expect(nine.get(0)).toBe('123456789');
    // a prefix of any text, digits included, as long as the digits end the string
    const odd = new TextArena();
    for (const id of ['é-2-01', 'é-2-99']) odd.push(id);
    expect(odd.numbered?.prefix).toBe('é-2-');
    expect(odd.toArray()).toEqual(['é-2-01', 'é-2-99']);
    expect(odd.equalsAscii(0, ...ascii('e-2-01'))).toBe(false);
  });
});

describe('the string table finding numbered keys by number', () => {
  it('numbers ids given newest first (descending) and finds each by its bytes or text', () => {
    const table = new StringTable();
    table.reserve(1000);
    const wrong: number[] = [];
    for (let k = 0; k < 100_000; k++) if (table.intern(`T${100_000 - k}`) !== k) wrong.push(k);
    expect(wrong).toEqual([]);
    expect(table.find('T100000')).toBe(0);
    expect(table.find('T1')).toBe(99_999);
    expect(table.findAscii(...ascii('T50000'))).toBe(50_000);
    expect(table.find('T0')).toBe(-1);
    expect(table.find('T100001')).toBe(-1);
    expect(table.find('T050000')).toBe(-1);
    expect(table.internAscii(...ascii('T100000'))).toBe(0);
    expect(table.size).toBe(100_000);
    expect(table.valueOf(99_999)).toBe('T1');
  });

  it('moves every key to the slots when a number lies far from the rest, or a key has another form', () => {
    const far = new StringTable();
    expect(far.intern('T1')).toBe(0);
    expect(far.intern('T2')).toBe(1);
    expect(far.intern('T900000000')).toBe(2); // 900 million entries away: hashed from here on
    expect(far.intern('T3')).toBe(3);
    expect(far.find('T900000000')).toBe(2);
    expect(far.find('T2')).toBe(1);
    expect(far.intern('T2')).toBe(1);
    expect(far.arena.numbered?.prefix).toBe('T'); // still held by number
    expect(far.intern('Z9')).toBe(4);
    expect(far.arena.numbered).toBeNull();
    expect(far.values).toEqual(['T1', 'T2', 'T900000000', 'T3', 'Z9']);
    const other = new StringTable();
    for (let i = 0; i < 3000; i++) other.intern(`C${i}`);
    expect(other.internAscii(...ascii('guest'))).toBe(3000);
    for (let i = 0; i < 3000; i += 7) expect(other.find(`C${i}`)).toBe(i);
    expect(other.find('guest')).toBe(3000);
    expect(other.intern('C3000')).toBe(3001);
  });

  it('keeps the first of two copies (add), reads ahead without changing anything, and finds again after dropIndex', () => {
    const table = new StringTable();
    for (let i = 10; i < 20; i++) table.intern(`C${i}`);
    expect(table.add('C15')).toBe(10);
    expect(table.find('C15')).toBe(5);
    expect(table.valueOf(10)).toBe('C15');
    const buf = Buffer.from('C11,C99,C15,x');
    table.warmAscii(buf, Int32Array.of(0, 4, 8, 12), Int32Array.of(3, 7, 11, 13), 4);
    expect(table.size).toBe(11);
    table.dropIndex();
    expect(table.find('C15')).toBe(5);
    expect(table.findAscii(buf, 0, 3)).toBe(1);
    expect(table.intern('C20')).toBe(11);
    expect(table.values).toEqual(['C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16', 'C17', 'C18', 'C19', 'C15', 'C20']);
  });

  it('gives every key the code a plain map gives it when thousands of numbers run up, down and far apart', () => {
    // runs of numbers a few apart (the index grows, at its front too), far jumps (past its
    // density limit: every key to the slots), dropIndex (the index made again from the numbers)
    const run = fc.record({ from: fc.constantFrom(0, 70_000, 500_000_000), step: fc.integer({ min: 1, max: 9 }), count: fc.integer({ min: 1, max: 6000 }), down: fc.boolean() });
    const op = fc.oneof(
      run.map((r) => ({ kind: 'run' as const, ...r })),
      fc.record({ kind: fc.constantFrom('drop' as const, 'reserve' as const, 'far' as const, 'add' as const), at: fc.nat(999_999_999) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const table = new StringTable();
        const codes = new Map<string, number>();
        const all: string[] = [];
        // (codes compared once at the end: an expect per key would be most of the test's time)
        const got: number[] = [];
        const want: number[] = [];
        const intern = (k: string, bytes: boolean): void => {
          if (!codes.has(k)) {
            codes.set(k, all.length);
            all.push(k);
          }
          want.push(codes.get(k) as number);
          got.push(bytes ? table.internAscii(...ascii(k)) : table.intern(k));
        };
        for (const o of ops) {
          if (o.kind === 'run') {
            for (let j = 0; j < o.count; j++) intern(`T${o.from + (o.down ? o.count - 1 - j : j) * o.step}`, j % 2 === 0);
          } else if (o.kind === 'far') intern(`T${o.at}`, false);
          else if (o.kind === 'add') {
            const k = all.length > 0 ? (all[o.at % all.length] as string) : `T${o.at}`;
            if (!codes.has(k)) codes.set(k, all.length);
            all.push(k);
            want.push(all.length - 1);
            got.push(table.add(k));
          } else if (o.kind === 'drop') table.dropIndex();
          else table.reserve(all.length + (o.at % 5000), 0);
        }
        expect(got).toEqual(want);
        expect(table.size).toBe(all.length);
        const found = [...codes.keys()].map((k) => table.find(k));
        expect(found).toEqual([...codes.values()]);
        expect(table.find('T1000000000')).toBe(-1);
        expect(table.values).toEqual(all);
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });

  it('stays consistent should its arena be given a string past it', () => {
    const table = new StringTable();
    expect(table.intern('T1')).toBe(0);
    table.arena.push('x');
    expect(table.find('T1')).toBe(0);
    expect(table.intern('T2')).toBe(2);
  });

  it('gives every key the code a plain map gives it, whatever the mix of forms and operations', () => {
    // keys of a few prefixes, written with and without leading zeros, near and far numbers,
    // and keys of no number at all; operations as the table's callers make them
    const key = fc.oneof(
      fc.record({ p: fc.constantFrom('T', '', 'INC', 'é'), n: fc.integer({ min: 0, max: 3000 }), pad: fc.constantFrom(0, 0, 0, 4, 7) }).map(({ p, n, pad }) => p + String(n).padStart(pad, '0')),
      fc.constantFrom('T900000000', 'T1234567890', 'guest', 'T', 'x1y', '0', '00'),
    );
    const op = fc.record({ kind: fc.constantFrom('intern', 'intern', 'internAscii', 'find', 'findAscii', 'add', 'drop', 'reserve'), key });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const table = new StringTable();
        const codes = new Map<string, number>();
        const all: string[] = [];
        for (const { kind, key: k } of ops) {
          const asciiKey = /^[\x00-\x7f]*$/.test(k);
          if (kind === 'intern' || (kind === 'internAscii' && asciiKey)) {
            const expected = codes.get(k) ?? all.length;
            if (!codes.has(k)) {
              codes.set(k, expected);
              all.push(k);
            }
            expect(kind === 'intern' ? table.intern(k) : table.internAscii(...ascii(k))).toBe(expected);
          } else if (kind === 'find' || (kind === 'findAscii' && asciiKey)) {
            expect(kind === 'find' ? table.find(k) : table.findAscii(...ascii(k))).toBe(codes.get(k) ?? -1);
          } else if (kind === 'add') {
            if (!codes.has(k)) codes.set(k, all.length);
            all.push(k);
            expect(table.add(k)).toBe(all.length - 1);
          } else if (kind === 'drop') table.dropIndex();
          else if (kind === 'reserve') table.reserve(all.length + 50, 0);
        }
        expect(table.size).toBe(all.length);
        expect(table.values).toEqual(all);
        expect(table.arena.units).toBe(all.reduce((sum, k) => sum + k.length, 0));
        for (const [k, code] of codes) expect(table.find(k)).toBe(code);
      }),
      { numRuns: 400, seed: 20261130 },
    );
  });
});
