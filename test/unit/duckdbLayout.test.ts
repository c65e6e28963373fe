/**
 * DuckDB guesses a CSV file's layout from its first rows; a row with a trailing comma near the
 * top made it read every line as one column, and the audit then asked for a column mapping the
 * file did not need (found by an independent attack). Such a file is refused saying what DuckDB
 * found beside what the header names, and what to do; in-process it is read as it is.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParity } from '../helpers/exec.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-duck-layout-'));

describe('a CSV whose layout DuckDB guesses wrong', () => {
  it('a trailing comma on the second row: refused through DuckDB naming both counts of columns; read in-process', async () => {
    const file = join(dir, 'trailing.csv');
    writeFileSync(
      file,
      'ticket_id,channel,created_at,first_response_at,subject\n1,phone,2026-10-01T10:00:00Z,2026-10-01T10:01:00Z,a\n5,web,2026-10-01T10:00:00Z,2026-10-01T10:04:00Z,,\n2,email,2026-10-01T10:00:00Z,2026-10-01T10:02:00Z,x\n',
    );
    const duckdb = await runParity(['audit', file, '--engine', 'duckdb', '--no-config']);
    expect(duckdb.code).toBe(2);
    expect(duckdb.stderr).toContain(`${file}:1: DuckDB's CSV reader found 1 column ("ticket_id,channel,created_at,first_response_at,subject") in this file, but its header line names 5 columns`);
    expect(duckdb.stderr).toContain('audit it without --engine');
    expect(duckdb.stderr).not.toContain('map them with');
    // in-process: phone 60 s, web 240 s, email 120 s, every row used
    const own = await runParity(['audit', file, '--no-config', '--format', 'json']);
    expect(own.code, own.stderr).toBe(0);
    const report = JSON.parse(own.stdout);
    expect(report.input.rowsUsed).toBe(3);
    expect(report.channels.map((c: { channel: string; firstResponse: { median: number } }) => [c.channel, c.firstResponse.median])).toEqual([
      ['phone', 60],
      ['email', 120],
      ['web', 240],
    ]);
  });

  it('an empty file gets parity\'s own message, not a mapping request', async () => {
    const file = join(dir, 'empty.csv');
    writeFileSync(file, '');
    const r = await runParity(['audit', file, '--engine', 'duckdb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the file is empty: no header row and no tickets');
  });
});

describe('a file that is no CSV for DuckDB: said so, not as DuckDB misreads it (found by an independent attack)', () => {
  const cases: Array<[string, string | Buffer, string]> = [
    // a workbook: a zip archive (had been called "not UTF-8")
    ['book.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'an Excel workbook'],
    // JSON (had been read as CSV, its fragments listed as columns)
    ['tickets.ndjson', '{"id":1,"via":{"channel":"web"},"created_at":"2026-10-01T10:00:00Z"}\n', 'a JSON export'],
    // bare carriage returns (DuckDB's sniffer had failed with its own words)
    ['mac.csv', 'ticket_id,channel,created_at\r1,phone,2026-10-01T10:00:00Z\r', 'lines that end in a bare carriage return (an old Mac text file)'],
  ];
  for (const [name, content, what] of cases) {
    it(name, async () => {
      const file = join(dir, name);
      writeFileSync(file, content);
      const r = await runParity(['audit', file, '--engine', 'duckdb', '--no-config']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${file}: ${what}: --engine duckdb reads CSV and Parquet files only`);
      expect(r.stderr).toContain('audit it without --engine');
    });
  }
});
