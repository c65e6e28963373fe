import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, durationBeside, num, placesBeside, share, speed, speedCi, times } from '../../src/format.js';

describe('count: whole numbers with thousands separators, as en-US writes them', () => {
  it('hand examples: separators, rounding halves away from zero, signs, zero and non-finite', () => {
    expect(count(0)).toBe('0');
    expect(count(999)).toBe('999');
    expect(count(1000)).toBe('1,000');
    expect(count(1053)).toBe('1,053');
    expect(count(1234567)).toBe('1,234,567');
    expect(count(999.5)).toBe('1,000');
    expect(count(2.5)).toBe('3');
    expect(count(-2.5)).toBe('-3');
    expect(count(-1234.4)).toBe('-1,234');
    expect(count(-0)).toBe('-0');
    expect(count(1e21)).toBe('1,000,000,000,000,000,000,000');
    expect(count(1.0000000000000001e21)).toBe('1,000,000,000,000,000,100,000');
    expect(count(Number.NaN)).toBe('NaN');
    expect(count(Infinity)).toBe('∞');
    expect(count(-Infinity)).toBe('-∞');
  });

  it("agrees with Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }) on any double", () => {
    const reference = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -1e7, max: 1e7 }), fc.double({ min: -1e6, max: 1e6 }), fc.maxSafeNat()), (x) => {
        expect(count(x)).toBe(reference.format(x));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('share: a percentage that reads 100% only when all and 0% only when none', () => {
  it('hand examples: whole percents in the middle, one decimal below 10% and near the ends, more only where one still reads 100 or 0', () => {
    expect(share(0.42)).toBe('42%');
    expect(share(0.054)).toBe('5.4%');
    expect(share(1)).toBe('100%');
    expect(share(0)).toBe('0%');
    // 998 of 1,000 is 99.8%, 3 of 1,000 is 0.3% (whole percents made them 100% and 0%)
    expect(share(998 / 1000)).toBe('99.8%');
    expect(share(3 / 1000)).toBe('0.3%');
    // 9,998 of 10,000 is 99.98%: one decimal would read 100.0%
    expect(share(9998 / 10000)).toBe('99.98%');
    // 4 of 10,000 is 0.04%: one decimal would read 0.0%
    expect(share(4 / 10000)).toBe('0.04%');
    // 1 of 1,000,000,000: 0.0000001%
    expect(share(1 / 1e9)).toBe('0.0000001%');
    // 99.5% and 0.5% themselves, once rounded to 100% and 1%
    expect(share(995 / 1000)).toBe('99.5%');
    expect(share(5 / 1000)).toBe('0.5%');
    expect(share(994 / 1000)).toBe('99%');
  });

  it('k of n (0 < k < n) never reads 100% or 0%, and the number shown is k/n to the last place written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1e9 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, u) => {
        const k = Math.min(n - 1, Math.max(1, Math.floor(u * n)));
        const text = share(k / n);
        expect(text).not.toBe('100%');
        expect(text).not.toBe('0%');
        const digits = text.slice(0, -1);
        const places = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
        expect(Math.abs(Number(digits) - (100 * k) / n)).toBeLessThanOrEqual(0.5 * 10 ** -places + 1e-9);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('placesBeside: a number printed on the side of each edge it is on', () => {
  it('adds decimals only where fewer would put the number on an edge or across it', () => {
    // 1.2504 against 1.25: two places 1.25 (the edge), three 1.250 (the edge), four 1.2504
    expect(placesBeside(1.2504, 2, [0.8, 1.25])).toBe(4);
    expect(num(1.2504, 'nearest', [0.8, 1.25])).toBe('1.2504');
    // 1.2551 is 1.26 at two places: above 1.25 already
    expect(num(1.2551, 'nearest', [0.8, 1.25])).toBe('1.26');
    // exactly the edge stays the edge
    expect(num(1.25, 'nearest', [0.8, 1.25])).toBe('1.25');
    // 0.79996 against 0.8: 0.80, 0.800, 0.7999 (rounding would give 0.8000 at four), 0.79996
    expect(num(0.79996, 'nearest', [0.8, 1.25])).toBe('0.79996');
    // no edges: as before
    expect(num(1.2504)).toBe('1.25');
    // a lower bound rounds down: at least 1.25004 is 1.2500 down at four, 1.25004 at five
    expect(num(1.25004, 'down', [1.25])).toBe('1.25004');
  });

  it('a bound within floating-point noise of an edge is written as the edge, never across it', () => {
    // the CI end 0.8000000000000007 (survivorship.csv, social's resolution: 0.8 plus 7e-16) is an
    // upper bound, rounded up. Rounded its way a number holds about 11 significant digits (a hair
    // of 1e-12 is forgiven as float error), so no number of places puts it above 0.8: it is the
    // edge. It had been written "0.79999999999920068383", below the edge, the digits noise.
    expect(num(0.8000000000000007, 'up', [0.8, 1.25])).toBe('0.80');
    expect(num(0.8000000000000007, 'up', [0.8, 1.25])).not.toMatch(/^0\.7/);
    // a bound 1e-10 above the edge is still told apart: at least 0.8000000001, rounded down, is
    // the edge at two to nine places and 0.8000000001 at ten
    expect(num(0.8000000001, 'down', [0.8, 1.25])).toBe('0.8000000001');
  });

  it('multiples: 1.2504× slower and, below 1, the inverse read against the inverse edges', () => {
    expect(times(1.2504, 'nearest', [0.8, 1.25])).toBe('1.2504×');
    expect(speed(1.2504, 'nearest', [0.8, 1.25])).toBe('1.2504× slower');
    // 0.7998: 1 / 0.7998 = 1.250312…× faster, the edge 0.8 is 1.25× faster: 1.2503× faster
    expect(speed(0.7998, 'nearest', [0.8, 1.25])).toBe('1.2503× faster');
    // 0.8002: 1.249688…× faster, inside: 1.2497×
    expect(speed(0.8002, 'nearest', [0.8, 1.25])).toBe('1.2497× faster');
    // a CI 1.2503–1.60 of a slower group: 1.2503×–1.60×
    expect(speedCi([1.2503, 1.6], [0.8, 1.25])).toBe('1.2503×–1.60×');
    // a faster group's CI 0.40–0.7998: 1/0.7998 = 1.250312…× faster, 1/0.4 = 2.5×: 1.2503×–2.5×
    expect(speedCi([0.4, 0.7998], [0.8, 1.25])).toBe('1.2503×–2.5×');
  });
});

describe('durationBeside: a duration never written as a target it is not', () => {
  it('hand examples against a target of 1h (3,600 s)', () => {
    expect(durationBeside(3601, 'nearest', [3600])).toBe('1h 0m 1s'); // short form 1h: on the target
    expect(durationBeside(3629, 'nearest', [3600])).toBe('1h 0m 29s'); // short form 1h
    expect(durationBeside(3599, 'nearest', [3600])).toBe('59m 59s'); // short form 1h: the wrong side
    expect(durationBeside(3600, 'nearest', [3600])).toBe('1h'); // the target itself
    expect(durationBeside(3630, 'nearest', [3600])).toBe('1h 1m'); // 1h 1m is past 1h, as 3,630 s is
    expect(durationBeside(3601, 'nearest', [])).toBe('1h'); // no target: the short form
    expect(durationBeside(3600.4, 'nearest', [3600])).toBe('1h 0m 0.4s'); // a fraction past it
    expect(durationBeside(86_401, 'nearest', [86_400, 3600])).toBe('1d 0h 0m 1s');
    // a lower bound rounds down: ≥ 1h would understate nothing, but reads as the target
    expect(durationBeside(3659, 'down', [3600])).toBe('1h 0m 59s');
    expect(durationBeside(null, 'nearest', [3600])).toBe('—');
  });

  it('any duration is written on the same side of every target as it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 86_400 }), fc.array(fc.constantFrom(60, 900, 3600, 4 * 3600, 86_400, 3 * 86_400), { maxLength: 3 }), (s, edges) => {
        const text = durationBeside(s, 'nearest', edges);
        const shown = [...text.matchAll(/(\d+(?:\.\d+)?)([dhms])/g)].reduce((t, m) => t + Number(m[1]) * ({ d: 86_400, h: 3600, m: 60, s: 1 } as Record<string, number>)[m[2]!]!, 0);
        for (const e of edges) expect(Math.sign(shown - e)).toBe(Math.sign(s - e));
      }),
      { numRuns: 3000 },
    );
  });
});
