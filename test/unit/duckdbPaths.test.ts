// What parity hands DuckDB as a file (read/engines/index.ts requireLocalFile): DuckDB reads "*",
// "?" and "[" in a path as a pattern (other files matched, the output among them) and a URL as a
// download (installing an extension from the network) — refused before DuckDB sees them; and a
// temporary folder that cannot be made is said as such, not as an internal error.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireLocalFile } from '../../src/read/engines/index.js';
import { spillFolder } from '../../src/read/engines/duckdb.js';
import { ParityError } from '../../src/errors.js';

const refusal = (file: string) => {
  try {
    requireLocalFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ParityError);
    const e = error as ParityError;
    return { message: e.message, hint: e.hint, location: e.location };
  }
  return null;
};

describe('files DuckDB is given', () => {
  it('a path with a pattern character is refused even when the file exists; a URL or a missing file is "no such file"; a folder is not a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-paths-'));
    for (const name of ['x*.csv', 'x?.parquet', 'x[1].csv']) {
      const file = join(dir, name);
      writeFileSync(file, 'ticket_id,channel,created_at\n');
      expect(refusal(file)).toEqual({
        message: 'DuckDB would read "*", "?" and "[" in this path as a pattern, and read other files too',
        hint: name.endsWith('.parquet') ? 'rename the file' : 'rename the file, or audit it without --engine (parity reads it)',
        location: { file },
      });
    }
    expect(refusal('http://example.com/tickets.parquet')).toEqual({ message: 'no such file', hint: 'check the path (DuckDB reads local files only, not URLs)', location: { file: 'http://example.com/tickets.parquet' } });
    expect(refusal(join(dir, 'gone.csv'))?.message).toBe('no such file');
    mkdirSync(join(dir, 'folder.parquet'));
    expect(refusal(join(dir, 'folder.parquet'))).toMatchObject({ message: 'a folder, not a file', hint: 'name the files in it' });
    writeFileSync(join(dir, 'plain (1).csv'), 'x\n');
    expect(refusal(join(dir, 'plain (1).csv'))).toBeNull();
  });

  it('a temporary folder that cannot be made is an input error naming TMPDIR', async () => {
    const before = process.env['TMPDIR'];
    process.env['TMPDIR'] = '/nonexistent-parity-tmp';
    try {
      const error = await spillFolder().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ParityError);
      expect(error).toMatchObject({ message: "cannot make DuckDB's temporary folder in /nonexistent-parity-tmp (ENOENT)", hint: 'set TMPDIR to a folder that exists and can be written, with room for what DuckDB spills' });
    } finally {
      if (before === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = before;
    }
  });
});
