// The stderr line about rows not used: `--rejects` is suggested only where it can run (files read
// in-process); a count table or an engine source counts its rows where they live.
import { describe, expect, test } from 'vitest';
import { rowsWarning } from '../../src/commands/rowsWarning.js';
import { repeatedIdsNote } from '../../src/load/describe.js';
import type { Report } from '../../src/report.js';

function reportOf(formats: Report['input']['formats']): Report {
  return {
    input: {
      rowsRead: 1500,
      formats,
      dataQuality: [
        { kind: 'missing-created', severity: 'error', count: 23, example: null },
        { kind: 'outbound', severity: 'excluded', count: 150, example: null },
      ],
    },
  } as unknown as Report;
}

describe('rowsWarning', () => {
  test('files: suggests --rejects, or names the file written', () => {
    const files = reportOf([{ file: 'x.csv', format: 'generic', rows: 1500 }] as unknown as Report['input']['formats']);
    expect(rowsWarning(files.input, undefined)).toBe('23 of 1,500 rows rejected as unusable (see Data quality; --rejects <file> writes them out); 150 rows excluded on purpose (outbound ×150)');
    expect(rowsWarning(files.input, 'r.csv')).toBe('23 of 1,500 rows rejected as unusable (see Data quality; written to r.csv); 150 rows excluded on purpose (outbound ×150)');
  });

  test('parity tickets: the rows not listed, rejected apart from excluded on purpose (it has no Data quality section)', () => {
    const files = reportOf([{ file: 'x.csv', format: 'generic', rows: 1500 }] as unknown as Report['input']['formats']);
    expect(rowsWarning(files.input, undefined, true)).toBe('23 of 1,500 rows rejected as unusable, not listed (--rejects <file> writes them out); 150 rows excluded on purpose (outbound ×150), not listed');
    expect(rowsWarning(files.input, 'r.csv', true)).toBe('23 of 1,500 rows rejected as unusable, not listed (written to r.csv); 150 rows excluded on purpose (outbound ×150), not listed');
    const onlyExcluded = { rowsRead: 3050, formats: files.input.formats, dataQuality: [{ kind: 'outside-period', severity: 'excluded', count: 2638, example: null }] } as unknown as Report['input'];
    expect(rowsWarning(onlyExcluded, undefined, true)).toBe('2,638 of 3,050 rows excluded on purpose (outside-period ×2,638), not listed');
  });

  test('a count table or an engine: no --rejects hint (it reads rows in-process only)', () => {
    expect(rowsWarning(reportOf([]).input, undefined)).toBe('23 of 1,500 rows rejected as unusable (see Data quality); 150 rows excluded on purpose (outbound ×150)');
  });

  test("an engine source's rows repeating a ticket id were counted: said on their own, alone or after the rest", () => {
    const repeated = (count: number, others: boolean): Report =>
      ({ input: { rowsRead: 4000, formats: [], dataQuality: [...(others ? reportOf([]).input.dataQuality : []), { kind: 'repeated-id', severity: 'note', count, example: null }] } }) as unknown as Report;
    expect(rowsWarning(repeated(1234, false).input, undefined)).toBe('1,234 rows repeat a ticket id and were counted as tickets of their own (see the notes)');
    expect(rowsWarning(repeated(1, false).input, undefined)).toBe('1 row repeats a ticket id and was counted as a ticket of its own (see the notes)');
    expect(rowsWarning(repeated(7, true).input, undefined)).toBe('23 of 4,000 rows rejected as unusable (see Data quality); 150 rows excluded on purpose (outbound ×150); 7 rows repeat a ticket id and were counted as tickets of their own (see the notes)');
  });
});

describe('wording of one row', () => {
  test('one excluded row after rejected ones is "1 row"', () => {
    const report = { input: { rowsRead: 10, formats: [], dataQuality: [
      { kind: 'missing-created', severity: 'error', count: 2, example: null },
      { kind: 'outbound', severity: 'excluded', count: 1, example: null },
    ] } } as unknown as Report;
    expect(rowsWarning(report.input, undefined)).toBe('2 of 10 rows rejected as unusable (see Data quality); 1 row excluded on purpose (outbound ×1)');
  });

  test("the repeated-id note: one row or many, and the fix that fits the source", () => {
    expect(repeatedIdsNote(1, false)).toBe('1 row repeats a ticket id already counted, and was counted as a ticket too: a database source counts every row (a join that repeats tickets, or an export loaded twice, does this); remove the repeats where the tickets live (a query can select each ticket once)');
    expect(repeatedIdsNote(1500, true)).toBe('1,500 rows repeat a ticket id already counted, and each was counted as a ticket: a database source counts every row (a join that repeats tickets, or an export loaded twice, does this); remove the repeats, or audit the CSV file without --engine, which keeps the first row of an id');
  });
});

describe('--duplicates last (found by an attack: replaced rows read "rejected as unusable")', () => {
  const input = (extra: boolean) =>
    ({
      rowsRead: 10,
      formats: [],
      dataQuality: [
        ...(extra ? [{ kind: 'missing-created', severity: 'error', count: 2, example: null }] : []),
        { kind: 'duplicate-id', severity: 'error', count: 3, example: null },
      ],
    }) as unknown as Report['input'];

  test('rows a later row of their id replaced are said as the rule chosen, apart from bad rows', () => {
    expect(rowsWarning(input(false), undefined, false, 'last')).toBe('3 of 10 rows replaced by a later row of the same ticket id (--duplicates last)');
    expect(rowsWarning(input(true), undefined, false, 'last')).toBe('2 of 10 rows rejected as unusable (see Data quality); 3 rows replaced by a later row of the same ticket id (--duplicates last)');
    expect(rowsWarning(input(false), undefined, true, 'last')).toBe('3 of 10 rows replaced by a later row of the same ticket id (--duplicates last), not listed');
  });

  test('with --duplicates first they are rejected rows, as before', () => {
    expect(rowsWarning(input(false), undefined)).toBe('3 of 10 rows rejected as unusable (see Data quality)');
  });
});
