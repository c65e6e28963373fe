// A gate's value and threshold are written so that two different numbers never read alike: a
// share of 79.96% failing `< 80%` used to read "value 80% is below 80%". Expected strings are
// worked by hand from the numbers.
import { describe, expect, test } from 'vitest';
import { gateValue, gateValues } from '../../../src/format.js';
import { gateMessage } from '../../../src/render/junit.js';
import type { GateResult } from '../../../src/report.js';

describe('gateValues', () => {
  test('in the usual form when that tells the numbers apart', () => {
    expect(gateValues(0.7512, 0.8, 'share')).toEqual(['75.1%', '80%']);
    expect(gateValues(9000, 7200, 'seconds')).toEqual(['2h 30m', '2h']);
    expect(gateValues(3.25, 3, 'ratio')).toEqual(['3.25', '3']);
    expect(gateValues(12, 10, 'count')).toEqual(['12', '10']);
  });

  test('with more digits when the usual form would print different numbers alike', () => {
    // 1999 of 2500 answered: 79.96%, which one decimal rounds to 80.0%
    expect(gateValues(1999 / 2500, 0.8, 'share')).toEqual(['79.96%', '80%']);
    // 1.50004 to three decimals is 1.500, to four 1.5000: five tell it from 1.5
    expect(gateValues(1.50004, 1.5, 'ratio')).toEqual(['1.50004', '1.5']);
    // 7,220 s rounds to 2h (two units, to the minute); every unit down to the second
    expect(gateValues(7220, 7200, 'seconds')).toEqual(['2h 0m 20s', '2h 0m 0s']);
    // a day and 5 s against a day; a negative gap of 30.4 s against 30 s below zero
    expect(gateValues(86405, 86400, 'seconds')).toEqual(['1d 0h 0m 5s', '1d 0h 0m 0s']);
    expect(gateValues(-30.4, -30, 'seconds')).toEqual(['-30.4s', '-30s']);
  });

  test('the threshold is written as the user wrote it, never rounded to another number (found by an independent attack)', () => {
    // 5d3h31m = 5·86400 + 3·3600 + 31·60 = 444,660 s: the short form (two units) wrote "5d 4h"
    expect(gateValues(7200, 444660, 'seconds')).toEqual(['2h 0m 0s', '5d 3h 31m 0s']);
    // 3.14159: three decimals wrote 3.142; 93.25%: one decimal wrote 93.3%
    expect(gateValues(4, 3.14159, 'ratio')).toEqual(['4', '3.14159']);
    expect(gateValues(1, 0.9325, 'share')).toEqual(['100%', '93.25%']);
    // a threshold the usual form writes exactly changes nothing
    expect(gateValues(9000, 7200, 'seconds')).toEqual(['2h 30m', '2h']);
  });

  test('seconds are rounded once, as a whole: a half second short of a minute never reads 60s', () => {
    // a Kaplan–Meier median halfway between 7,199 s and 7,200 s against 2h: whole seconds round
    // it up to 2h 0m 0s, so one decimal: 1h 59m 59.5s
    expect(gateValues(7199.5, 7200, 'seconds')).toEqual(['1h 59m 59.5s', '2h 0m 0s']);
    expect(gateValues(59.6, 60, 'seconds')).toEqual(['59.6s', '1m 0s']);
    expect(gateValues(86399.7, 86400, 'seconds')).toEqual(['23h 59m 59.7s', '1d 0h 0m 0s']);
  });

  test('a bound, rounded its own way, is told from its threshold the right way round (found by an attack)', () => {
    // at least 2d 1h 36m (178,560 s) against 2d 1h 20m: rounded down to two units both read 2d 1h
    expect(gateValues(178560, 178560 - 16 * 60, 'seconds', 'down')).toEqual(['2d 1h 36m 0s', '2d 1h 20m 0s']);
    // against itself: 2d 1h (down) and 2d 2h (nearest) read as different numbers, "at least 2d 1h is at or above 2d 2h"
    expect(gateValues(178560, 178560, 'seconds', 'down')).toEqual(['2d 1h 36m 0s', '2d 1h 36m 0s']);
    // at least 8.60115607 against 8.601156: down to four places 8.6011, the threshold to the
    // nearest 8.6012, "at least 8.6011 is above 8.6012"; every digit it takes, eight places
    expect(gateValues(8.60115607, 8.601156, 'ratio', 'down')).toEqual(['8.60115607', '8.601156']);
  });

  test('a share below 1 never reads 100%, one above 0 never 0%, whatever the threshold beside it', () => {
    // 9,996 of 10,000 answered against 95%: one decimal rounds 99.96 to 100.0
    expect(gateValues(9996 / 10000, 0.95, 'share')).toEqual(['99.96%', '95%']);
    expect(gateValue(9996 / 10000, 'share')).toBe('99.96%');
    // 4 of 100,000 (0.004%) against 1%: one decimal rounds it to 0.0
    expect(gateValues(4 / 100000, 0.01, 'share')).toEqual(['0.004%', '1%']);
    expect(gateValue(1, 'share')).toBe('100%');
  });

  test('numbers a gate takes for equal (within 1e-9, relative) read alike; closer ones below 1 are still told apart', () => {
    // 3.0000000005 is 3 to the gate (1.7e-10 relative): both read 3, never "3.000000001" against "3"
    expect(gateValues(3.0000000005, 3, 'ratio')).toEqual(['3', '3']);
    // 30 minutes and half a microsecond: the gate's 1,800 s
    expect(gateValues(1800.0000005, 1800, 'seconds')).toEqual(['30m', '30m']);
    // 1e-10 against 2e-10 is a factor of two apart
    expect(gateValues(1e-10, 2e-10, 'ratio')).toEqual(['1e-10', '2e-10']);
  });

  test('equal numbers and missing ones as they are', () => {
    expect(gateValues(0.5, 0.5, 'share')).toEqual(['50%', '50%']);
    expect(gateValues(null, 0.5, 'share')).toEqual(['n/a', '50%']);
    expect(gateValue(undefined, 'ratio')).toBe('n/a');
  });
});

describe('the gate message', () => {
  const gate = (fields: Partial<GateResult>): GateResult =>
    ({ expression: 'share(social).answered < 80%', passed: false, evaluated: true, value: 0.7996, threshold: 0.8, comparator: '<', unit: 'share', bound: null, reason: null, ...fields }) as GateResult;

  test('a failing share just below its threshold', () => {
    expect(gateMessage(gate({}))).toBe('value 79.96% is below 80%');
  });

  test('a duration change against the baseline: every number down to the second, so that now − baseline reads as the change', () => {
    // 1h 59m 50s then 2h 14m 40s: 14m 50s more (2h 15m − 2h would read 15m)
    const g = gate({ expression: 'delta(channel(email).firstResponse.median) > 10m', comparator: '>', value: 890, threshold: 600, current: 8080, baseline: 7190, unit: 'seconds' });
    expect(gateMessage(g)).toBe('change 14m 50s is above 10m 0s (2h 14m 40s now, 1h 59m 50s in the baseline)');
    // whole minutes and hours, each short form exact: kept short
    const round = gate({ comparator: '>', value: 1200, threshold: 900, current: 8400, baseline: 7200, unit: 'seconds' });
    expect(gateMessage(round)).toBe('change 20m is above 15m (2h 20m now, 2h in the baseline)');
  });

  test('a change against the baseline: all four numbers with the digits that tell the change from its threshold, so that now − baseline reads as the change', () => {
    const g = gate({ comparator: '>', value: 0.30004, threshold: 0.3, current: 1.80004, baseline: 1.5, unit: 'ratio' });
    expect(gateMessage(g)).toBe('change 0.30004 is above 0.3 (1.80004 now, 1.5 in the baseline)');
  });

  test('a bound travels with every number it is: the value now and in the baseline say "at least" too (found by an independent review)', () => {
    // now at least 31d 22h 7m 54s (a median not reached), baseline 18h 4m 0s: change at least 31d 4h 3m 54s
    const g = gate({ comparator: '>', value: 2693034, threshold: 0, current: 2758074, baseline: 65040, unit: 'seconds', bound: 'lower', currentBound: 'lower', baselineBound: null });
    expect(gateMessage(g)).toBe('change at least 31d 4h 3m 54s is above 0s (at least 31d 22h 7m 54s now, 18h 4m 0s in the baseline)');
  });

  test('a value that is not 0 never reads as 0', () => {
    // chat answered in 0 s (floored to 1 s) against phone's 12h 37m: ratio 1/45,420 =
    // 0.0000220167…, an upper bound, so rounded up at its second significant digit: 0.000023
    // (0.000022, to the nearest, would be a bound tighter than the data allow)
    expect(gateMessage(gate({ comparator: '<', value: 1 / 45420, threshold: 0.001, unit: 'ratio', bound: 'upper' }))).toBe('value at most 0.000023 is below 0.001');
    expect(gateValue(0.00000004, 'share')).toBe('0.000004%');
  });

  test('a small bound is rounded its way at its significant digits (found by an attack)', () => {
    // 1 s over at least 243,300 s = 0.00000411015…: at most 0.0000042, never 0.0000041
    expect(gateValue(1 / 243300, 'ratio', 0, 'up')).toBe('0.0000042');
    // 0.000925926 (5 s over 5,400 s), a lower bound: at least 0.00092, never 0.00093
    expect(gateValue(5 / 5400, 'ratio', 0, 'down')).toBe('0.00092');
    // to the nearest when it is no bound
    expect(gateValue(5 / 5400, 'ratio')).toBe('0.001'); // three places, as any ratio
    expect(gateValue(1 / 243300, 'ratio')).toBe('0.0000041');
    // a value exactly on two digits stays as it is, either way
    expect(gateValue(0.000042, 'ratio', 0, 'up')).toBe('0.000042');
    expect(gateValue(0.000042, 'ratio', 0, 'down')).toBe('0.000042');
  });

  test('a bound is rounded its way in the gate line, as in the tables: at least 5d 3h 30m is "at least 5d 3h", at least 61.754 "at least 61.75"', () => {
    // 444,600 s = 5d 3h 30m, only a lower bound, against > 1d (found by a review: it read "at least 5d 4h")
    const g = gate({ expression: 'channel(email).firstResponse.median > 1d', comparator: '>', value: 444600, threshold: 86400, unit: 'seconds', bound: 'lower' });
    expect(gateMessage(g)).toBe('value at least 5d 3h is above 1d');
    // a ratio of at least 61.7546 to three places: 61.754, not 61.755
    const r = gate({ expression: 'ratio(email,phone).firstResponse.median > 2', comparator: '>', value: 61.7546, threshold: 2, unit: 'ratio', bound: 'lower' });
    expect(gateMessage(r)).toBe('value at least 61.754 is above 2');
    // an upper bound rounds up: at most 1h 29m 30s is at most 1h 30m
    const u = gate({ expression: 'channel(email).firstResponse.median < 2h', comparator: '<', value: 5370, threshold: 7200, unit: 'seconds', bound: 'upper' });
    expect(gateMessage(u)).toBe('value at most 1h 30m is below 2h');
    // an exact value keeps rounding to the nearest
    expect(gateMessage(gate({ comparator: '>', value: 444600, threshold: 86400, unit: 'seconds', bound: null }))).toBe('value 5d 4h is above 1d');
  });
});
