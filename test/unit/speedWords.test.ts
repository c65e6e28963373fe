/**
 * Speed words for ratios of medians that may be bounds, checked on ratios that read 1.00×: the
 * direction of "at least" / "at most" follows what the bound says of group a (an upper bound of
 * a over b: a is no slower), not which side of 1 the digits fall; and "as fast" takes "as".
 */
import { describe, expect, it } from 'vitest';
import { boundedDurationWords, boundedSpeed, formatBoundedDuration, formatDuration, formatInterval, formatMedianCi, oneSided, speedBound, speedCi, speedThan } from '../../src/format.js';

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

describe('a bound is rounded so that its words stay true', () => {
  it('at least rounds the multiple down, at most up: a/b ≥ 2.96 is at least 2.9× slower, never 3.0×', () => {
    expect(boundedSpeed(2.96, 'lower')).toBe('at least 2.9× slower');
    expect(boundedSpeed(2.96, null)).toBe('3.0× slower');
    // a/b ≤ 1/2.96: b is at least 2.96 times a, so a is at least 2.9× faster
    expect(boundedSpeed(1 / 2.96, 'upper')).toBe('at least 2.9× faster');
    // a/b ≤ 1.504 is at most 1.51× slower (up), a/b ≥ 1/1.504 at most 1.51× faster
    expect(boundedSpeed(1.504, 'upper')).toBe('at most 1.51× slower');
    expect(boundedSpeed(1 / 1.504, 'lower')).toBe('at most 1.51× faster');
    // 9.96 reads 10× to the nearest; as a lower bound 9.9×; 101.7 as a lower bound 101×
    expect(boundedSpeed(9.96, 'lower')).toBe('at least 9.9× slower');
    expect(boundedSpeed(101.7, 'lower')).toBe('at least 101× slower');
    // an exact value is not pushed a step down by float error: 4.1 stays 4.1
    expect(boundedSpeed(4.1, 'lower')).toBe('at least 4.1× slower');
  });

  it("a one-sided CI's end: at least rounds down, at most up", () => {
    expect(speedBound([2.96, null])).toBe('at least 2.9× slower');
    expect(speedBound([null, 1 / 2.96])).toBe('at least 2.9× faster');
    expect(speedBound([null, 6.34])).toBe('at most 6.4× slower');
    expect(oneSided([0.005, null])).toBe('at least 0.00');
    expect(oneSided([null, 0.0041])).toBe('at most 0.01');
    expect(oneSided([2.967, null])).toBe('at least 2.96');
  });

  it('a duration that is a bound: ≥ rounds down, ≤ up (444,600 s = 5d 3h 30m is ≥ 5d 3h, not ≥ 5d 4h)', () => {
    expect(formatBoundedDuration(444600, 'lower')).toBe('≥ 5d 3h');
    expect(formatBoundedDuration(444600, null)).toBe('5d 4h');
    expect(formatBoundedDuration(444600, 'upper')).toBe('≤ 5d 4h');
    expect(boundedDurationWords(29600, 'lower')).toBe('at least 8h 13m');
    expect(boundedDurationWords(86399, 'lower')).toBe('at least 23h 59m');
    expect(boundedDurationWords(86399, null)).toBe('1d');
    expect(formatMedianCi([3599.9, null], 'lower')).toBe('≥ 59m 59s');
    expect(formatInterval([90, null])).toBe('≥ 1m 30s');
    expect(formatInterval([null, 5430])).toBe('≤ 1h 31m');
    // a negative duration's magnitude rounds the other way: at least −1h 30m 30s is at least −1h 31m
    expect(formatDuration(-5430, 'down')).toBe('-1h 31m');
    expect(formatDuration(-5430, 'up')).toBe('-1h 30m');
  });
});

describe('a bound whose multiple rounds to 1.00× its own way', () => {
  it('says no faster / no slower, never "at least 1.00× slower" (found by a review)', () => {
    // a/b ≥ 1.006: a is at most as fast as b; a/b ≤ 0.995: a is at least as fast
    expect(speedThan(1.006, 'lower', 'phone')).toBe('at most as fast as phone');
    expect(speedThan(0.995, 'upper', 'phone')).toBe('at least as fast as phone');
    expect(speedBound([1.006, null])).toBe('no faster');
    expect(speedBound([null, 0.995])).toBe('no slower');
  });
});

describe('a ratio CI in speed words (speedCi)', () => {
  it('ends on one side of 1 are multiples on that side; a faster group\'s ends inverted', () => {
    expect(speedCi([1.1, 1.4])).toBe('1.10×–1.40×');
    // 1/0.25 = 4, 1/0.125 = 8
    expect(speedCi([0.125, 0.25])).toBe('4.0×–8.0×');
    // an end at 1 stays on the side of the other: 1/1 = 1.00×, 1/0.5 = 2.0×
    expect(speedCi([1, 1.4])).toBe('1.00×–1.40×');
    expect(speedCi([0.5, 1])).toBe('1.00×–2.0×');
  });

  it('a CI across 1 gives each end in its own words, never "0.80× faster"', () => {
    // 0.8 is 1/0.8 = 1.25× faster; 3.6 is 3.6× slower
    expect(speedCi([0.8, 3.6])).toBe('from 1.25× faster to 3.6× slower');
    // 0.3 is 1/0.3 = 3.33… → 3.3× faster; 1.1 is 1.10× slower
    expect(speedCi([0.3, 1.1])).toBe('from 3.3× faster to 1.10× slower');
  });

  it('one end is that end as a bound; neither, not estimable', () => {
    expect(speedCi([2.9, null])).toBe('at least 2.9× slower');
    expect(speedCi([null, 0.3])).toBe('at least 3.3× faster');
    expect(speedCi([null, null])).toBe('not estimable');
    expect(speedCi(null)).toBe('not estimable');
  });
});
