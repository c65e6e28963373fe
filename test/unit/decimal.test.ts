/** Decimal separators of number columns (src/normalise/decimal.ts), with values worked by hand. */
import { describe, expect, it } from 'vitest';
import { decimalEvidence, detectDecimal, parseNumberText, ungroupSpaced, DOT_READING } from '../../src/normalise/decimal.js';
import { parseDurationValue, parseFollowers } from '../../src/normalise/rows.js';
import { ParityError } from '../../src/errors.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditFiles } from '../helpers/audit.js';
import { runParity } from '../helpers/exec.js';

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

describe('thousands grouped with a space or an apostrophe', () => {
  const NBSP = '\u00a0';
  const NNBSP = '\u202f';
  it('takes the marks out only where they group thousands', () => {
    expect(ungroupSpaced('1 440')).toBe('1440');
    expect(ungroupSpaced(`150${NBSP}000`)).toBe('150000');
    expect(ungroupSpaced(`1${NNBSP}234${NNBSP}567,5`)).toBe('1234567,5');
    expect(ungroupSpaced("1'440.5")).toBe('1440.5');
    // a group of two, a first group of four, two different marks: left as written
    expect(ungroupSpaced('1 44')).toBe('1 44');
    // a first group starting with 0 groups nothing (found by an independent attack: `0 500` and `000 500` were read as 500)
    expect(ungroupSpaced('0 500')).toBe('0 500');
    expect(ungroupSpaced('000 500')).toBe('000 500');
    expect(parseNumberText('0 500')).toBeNull();
    expect(ungroupSpaced('1440 000')).toBe('1440 000');
    expect(ungroupSpaced(`1 440${NBSP}000`)).toBe(`1 440${NBSP}000`);
  });

  it('reads them as the same number as the comma-grouped one, and a bad grouping not at all', () => {
    // 1 440 = 1,440 = 1440
    expect(parseNumberText('1 440')).toBe(1440);
    expect(parseNumberText(`1${NBSP}440`)).toBe(1440);
    expect(parseNumberText(`1${NNBSP}440`)).toBe(1440);
    expect(parseNumberText("1'440")).toBe(1440);
    expect(parseNumberText('-1 440')).toBe(-1440);
    // French: space thousands, decimal comma: 1 234,5 = 1234.5, in a comma column and by itself
    expect(parseNumberText('1 234,5', COMMA)).toBe(1234.5);
    expect(parseNumberText('1 234,5')).toBe(1234.5);
    // Swiss: apostrophe thousands, decimal point: 1'234.25 = 1234.25; in a comma column unreadable
    expect(parseNumberText("1'234.25", DOT)).toBe(1234.25);
    expect(parseNumberText("1'234.25", COMMA)).toBeNull();
    // in a column read as groups or refused when ambiguous, no mark is left to decide: 1 234 = 1234
    expect(parseNumberText('1 234', { separator: null, ambiguous: 'error' })).toBe(1234);
    expect(parseNumberText('1 44')).toBeNull();
    expect(parseNumberText('12 3456')).toBeNull();
    expect(parseNumberText('1 440,000,000')).toBeNull();
  });

  it('counts as evidence like the number it writes', () => {
    expect(decimalEvidence('1 440')).toBe('none');
    expect(decimalEvidence('1 234,5')).toBe(',');
    expect(decimalEvidence("1'234.5")).toBe('.');
    expect(decimalEvidence('1 44')).toBe('invalid');
  });

  it('feeds durations and follower counts', () => {
    // 1 440 minutes = 1440 × 60 = 86,400 s; 1 440 seconds = 1,440 s; 2 160,5 minutes = 129,630 s
    expect(parseDurationValue('1 440', 'minutes')).toBe(86400);
    expect(parseDurationValue(`1${NBSP}440`, 'seconds')).toBe(1440);
    expect(parseDurationValue('2 160,5', 'minutes', COMMA)).toBe(129630);
    expect(parseDurationValue('1 44', 'minutes')).toBeNull();
    // 150 000 followers = 150000; 1 234 567 = 1234567; 15.6 k = 15600
    expect(parseFollowers('150 000')).toBe(150000);
    expect(parseFollowers(`150${NNBSP}000`)).toBe(150000);
    expect(parseFollowers("1'234'567")).toBe(1234567);
    expect(parseFollowers('15.6 k')).toBe(15600);
    // was read as 150 when every space was dropped: not a thousands group
    expect(parseFollowers('1 50')).toBeNull();
  });
});

describe('space-grouped numbers in a file, past the sample (read from the bytes) and by the reference reader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-spaced-'));
  const header = 'ticket_id,channel,created_at,first_response_minutes,follower_count';
  const filler = Array.from({ length: 20_000 }, (_, k) => `F${k},email,2026-03-01T10:00:00Z,30,5`);
  const path = join(dir, 'spaced-large.csv');
  writeFileSync(path, `${[
    header,
    ...filler,
    'X1,phone,2026-03-01T10:00:00Z,1 440,150 000', // line 20,002
    'X2,phone,2026-03-01T10:00:00Z,1\u00a0440,1\u202f500',
    "X3,phone,2026-03-01T10:00:00Z,2\u202f880,1'000",
    'X4,phone,2026-03-01T10:00:00Z,1 44,1 50', // line 20,005: no thousands groups
  ].join('\n')}\n`);

  for (const reader of ['fast', 'csv-parse'] as const) {
    it(`reads 1 440 minutes as 86,400 s and 150 000 followers as 150000 (${reader})`, async () => {
      const report = await auditFiles([path], {}, {}, '', { reader });
      // phone: 1 440, 1 440 and 2 880 minutes = 86,400, 86,400 and 172,800 s; X4's "1 44" left out: n 3, median 86,400
      const phone = report.channels.find((c) => c.channel === 'phone');
      expect([phone?.tickets, phone?.firstResponse.n, phone?.firstResponse.median]).toEqual([4, 3, 86400]);
      // email: 20,000 tickets at 30 minutes = 1,800 s
      expect(report.channels.find((c) => c.channel === 'email')?.firstResponse.median).toBe(1800);
      // followers: 150000 → 100k+; 1500 and 1000 → 1k-10k; 20,000 × 5 → <1k; "1 50" → unknown
      expect(report.followerBands.map((b) => [b.band, b.tickets])).toEqual([['<1k', 20_000], ['1k-10k', 2], ['10k-100k', 0], ['100k+', 1], ['unknown', 1]]);
      expect(report.input.dataQuality.map((d) => [d.kind, d.count, d.example?.line, d.example?.value])).toEqual([
        ['bad-first-response', 1, 20_005, '1 44'],
        ['bad-followers', 1, 20_005, '1 50'],
      ]);
    });
  }

  it('--engine duckdb refuses them as it refuses 1,440, naming the value (its query reads plain numbers only)', async () => {
    const small = join(dir, 'spaced-small.csv');
    writeFileSync(small, `${header}\nX1,phone,2026-03-01T10:00:00Z,1 440,5\n`);
    const refused = await runParity(['audit', small, '--engine', 'duckdb', '--no-config']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('column "first_response_minutes" holds "1 440", which the database query cannot read as a number');
    expect(refused.stderr).toContain('audit it without --engine');
    // past the sample the query itself stops at the value
    const large = await runParity(['audit', path, '--engine', 'duckdb', '--no-config']);
    expect(large.code).toBe(2);
    expect(large.stderr).toMatch(/unreadable as a plain number \(column (first_response_minutes|follower_count)\): (1 440|150 000)/);
  });
});
