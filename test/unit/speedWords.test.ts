/**
 * Speed words for ratios of medians that may be bounds, checked on ratios that read 1.00×: the
 * direction of "at least" / "at most" follows what the bound says of group a (an upper bound of
 * a over b: a is no slower), not which side of 1 the digits fall; and "as fast" takes "as".
 */
import { describe, expect, it } from 'vitest';
import { boundedSpeed, speedBound, speedThan } from '../../src/format.js';

describe('a ratio that reads 1.00× as a bound', () => {
  it('an upper bound (b not reached: a/b ≤ 1.001) is at least as fast; a lower bound at most as fast', () => {
    expect(speedThan(1.001, 'upper', 'phone')).toBe('at least as fast as phone');
    expect(speedThan(0.999, 'upper', 'phone')).toBe('at least as fast as phone');
    expect(speedThan(1.001, 'lower', 'phone')).toBe('at most as fast as phone');
    expect(speedThan(0.999, 'lower', 'phone')).toBe('at most as fast as phone');
    expect(speedThan(1.001, null, 'phone')).toBe('as fast as phone');
    expect(boundedSpeed(1.001, 'upper')).toBe('at least as fast');
  });

  it('other ratios keep their words (two digits from 2×): a/b ≥ 4.1 is at least 4.1× slower, a/b ≤ 0.5 at least 2.0× faster, a/b ≤ 1.5 at most 1.50× slower', () => {
    expect(speedThan(4.1, 'lower', 'phone')).toBe('at least 4.1× slower than phone');
    expect(speedThan(0.5, 'upper', 'phone')).toBe('at least 2.0× faster than phone');
    expect(speedThan(1.5, 'upper', 'phone')).toBe('at most 1.50× slower than phone');
    expect(speedThan(0.25, null, 'phone')).toBe('4.0× faster than phone');
  });

  it('a one-sided CI whose end reads 1.00×: no faster (a lower end) or no slower (an upper end)', () => {
    expect(speedBound([1.0004, null])).toBe('no faster');
    expect(speedBound([0.9996, null])).toBe('no faster');
    expect(speedBound([null, 1.0004])).toBe('no slower');
    expect(speedBound([null, 0.9996])).toBe('no slower');
    expect(speedBound([2.9, null])).toBe('at least 2.9× slower');
    // 1 / 0.3 = 3.33…
    expect(speedBound([null, 0.3])).toBe('at least 3.3× faster');
  });
});
