// DuckDB's CSV errors in parity's words (read/engines/duckdb.ts csvErrorReason): the message
// quotes the row (the data's text, which can say anything and span lines), then the reason; the
// last reason is DuckDB's own. Messages written here in DuckDB 1.x's form.
import { describe, expect, test } from 'vitest';
import { csvErrorReason, NOT_UTF8_REASON } from '../../src/read/engines/duckdb.js';

const message = (row: string, reason: string): string =>
  `Invalid Input Error: CSV Error on Line: 3043\nOriginal Line: ${row}\n${reason}\n\nPossible Solution: Enable ignore errors (ignore_errors=true) to skip this row\n\n  file = x.csv\n  delimiter = , (Auto-Detected)`;

describe('csvErrorReason', () => {
  test('the known reasons, with DuckDB\'s digits only', () => {
    expect(csvErrorReason(message('T1,a', 'Invalid unicode (byte sequence mismatch) detected. This file is not utf-8 encoded.'))).toBe(NOT_UTF8_REASON);
    expect(csvErrorReason(message('T1,a,b', 'Expected Number of Columns: 12 Found: 13'))).toBe('expected 12 columns, found 13');
    expect(csvErrorReason(message('T1,"a', 'Value with unterminated quote found.'))).toBe('a quote that is never closed');
    expect(csvErrorReason(message('T1', 'Maximum line size of 2000000 bytes exceeded. Actual Size:2500000 bytes.'))).toBe('a line over 2000000 bytes');
    expect(csvErrorReason(message('T1', 'Something new'))).toBeNull();
  });

  test('a quoted row that mimics a reason does not decide it: the last reason is DuckDB\'s', () => {
    const row = 'T1,"Invalid unicode (byte sequence mismatch) detected.\nExpected Number of Columns: 1 Found: 99"';
    expect(csvErrorReason(message(row, 'Expected Number of Columns: 12 Found: 13'))).toBe('expected 12 columns, found 13');
    expect(csvErrorReason(message('T1,"Expected Number of Columns: 1 Found: 2"', 'Invalid unicode (byte sequence mismatch) detected.'))).toBe(NOT_UTF8_REASON);
  });
});
