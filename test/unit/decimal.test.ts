/** Decimal separators of number columns (src/normalise/decimal.ts), with values worked by hand. */
import { describe, expect, it } from 'vitest';
import { decimalEvidence, detectDecimal, parseNumberText, DOT_READING } from '../../src/normalise/decimal.js';
import { parseDurationValue, parseFollowers } from '../../src/normalise/rows.js';
import { ParityError } from '../../src/errors.js';

const COMMA = { separator: ',' as const, ambiguous: 'dot' as const };
const DOT = { separator: '.' as const, ambiguous: 'dot' as const };
const where = (delimiter: string) => ({ file: 'export.csv', column: 'first_response_minutes', delimiter });

describe('what one value says about its decimal separator', () => {
  it('reads both marks, repeated marks and short fractions', () => {
    expect(decimalEvidence('1.234,5')).toBe(',');
    expect(decimalEvidence('1,234.5')).toBe('.');
    expect(decimalEvidence('12,5')).toBe(',');
    expect(decimalEvidence('30,25')).toBe(',');
    expect(decimalEvidence('3.14')).toBe('.');
    expect(decimalEvidence('1,234,567')).toBe('.');
    expect(decimalEvidence('1.234.567')).toBe(',');
    // a leading 0 or four digits before the mark cannot be a thousands group
    expect(decimalEvidence('0,125')).toBe(',');
    expect(decimalEvidence('1234,567')).toBe(',');
    expect(decimalEvidence('42')).toBe('none');
  });

  it('leaves one to three digits, a mark and three digits undecided', () => {
    expect(decimalEvidence('1,234')).toBe('ambiguous');
    expect(decimalEvidence('1.234')).toBe('ambiguous');
    expect(decimalEvidence('abc')).toBe('invalid');
  });
});

describe('reading a number by its column', () => {
  it('reads decimal commas as decimals, never as ten times the value', () => {
    expect(parseNumberText('12,5', COMMA)).toBe(12.5);
    expect(parseNumberText('1.234,5', COMMA)).toBe(1234.5);
    expect(parseNumberText('1.234', COMMA)).toBe(1234);
    expect(parseNumberText('-0,5', COMMA)).toBe(-0.5);
    // in a decimal-point column a comma that is not a thousands group is unreadable
    expect(parseNumberText('12,5', DOT)).toBeNull();
    expect(parseNumberText('1,234.5', DOT)).toBe(1234.5);
    expect(parseNumberText('12.5', COMMA)).toBeNull();
    expect(parseNumberText('1,2,3', COMMA)).toBeNull();
  });

  it('reads each value by itself when the column settled nothing', () => {
    expect(parseNumberText('12,5', DOT_READING)).toBe(12.5);
    expect(parseNumberText('1,234', DOT_READING)).toBe(1234);
    expect(parseNumberText('1,234', { separator: null, ambiguous: 'error' })).toBeNull();
    // a count groups thousands with either mark
    expect(parseNumberText('150,000', { separator: null, ambiguous: 'group' })).toBe(150000);
    expect(parseNumberText('1.500', { separator: null, ambiguous: 'group' })).toBe(1500);
  });

  it('feeds durations and follower counts', () => {
    // 12,5 minutes = 750 s; 30,25 minutes = 1,815 s; 1.234,5 minutes = 74,070 s
    expect(parseDurationValue('12,5', 'minutes', COMMA)).toBe(750);
    expect(parseDurationValue('30,25', 'minutes', COMMA)).toBe(1815);
    expect(parseDurationValue('1.234,5', 'minutes', COMMA)).toBe(74070);
    expect(parseDurationValue('1,5', 'hours', COMMA)).toBe(5400);
    expect(parseFollowers('15,6k', COMMA)).toBe(15600);
    expect(parseFollowers('1.500', COMMA)).toBe(1500);
    expect(parseFollowers('156,924')).toBe(156924);
  });
});

describe('settling a column', () => {
  it('takes the separator the values show', () => {
    expect(detectDecimal(['12,5', '30', '1.234,5'], where(';'))).toEqual(COMMA);
    expect(detectDecimal(['12.5', '1,234'], where(','))).toEqual(DOT);
    expect(detectDecimal(['30', '45'], where(';'))).toEqual({ separator: null, ambiguous: 'error' });
    expect(detectDecimal(['30', '1,234'], where(','))).toEqual({ separator: null, ambiguous: 'dot' });
    // follower counts in a semicolon file: 150,000 is 150000
    expect(detectDecimal(['500', '150,000'], { ...where(';'), count: true })).toEqual({ separator: null, ambiguous: 'group' });
  });

  it('takes the configured separator over the values', () => {
    expect(detectDecimal(['1,234'], { ...where(';'), configured: ',' })).toEqual(COMMA);
  });

  it('refuses a column that only holds 1,234-like values in a semicolon file, naming the fix', () => {
    let error: unknown;
    try {
      detectDecimal(['1,234', '2,500'], where(';'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParityError);
    const e = error as ParityError;
    expect(e.message).toBe('"1,234" could be 1234 or 1.234, and no value in the first rows settles which');
    expect(e.location).toEqual({ file: 'export.csv', column: 'first_response_minutes' });
    expect(e.hint).toContain('"decimal": ","');
  });

  it('refuses a column that mixes decimal commas and points', () => {
    expect(() => detectDecimal(['12,5', '3.25'], where(';'))).toThrow('mixes decimal commas ("12,5") and decimal points ("3.25")');
  });
});
