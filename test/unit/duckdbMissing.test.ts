// Without the optional @duckdb/node-api, reading Parquet is a clear input error naming the fix.
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('@duckdb/node-api');
  vi.resetModules();
});

test('a missing DuckDB says how to install it', async () => {
  vi.doMock('@duckdb/node-api', () => {
    throw new Error("Cannot find package '@duckdb/node-api'");
  });
  const { connectDuckDB } = await import('../../src/read/engines/duckdb.js');
  const error = await connectDuckDB('tickets.parquet', 'UTC').catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'ParityError', message: 'reading Parquet (or --engine duckdb) needs DuckDB, which is not installed' });
  expect((error as { hint: string }).hint).toBe('install it next to parity: npm install @duckdb/node-api');
});

test('an installed DuckDB whose native library cannot load says so, with the loader\'s first line, not "not installed"', async () => {
  vi.doMock('@duckdb/node-api', () => {
    throw new Error('libduckdb.so: failed to map segment from shared object\n    at Module._extensions..node');
  });
  const { connectDuckDB } = await import('../../src/read/engines/duckdb.js');
  const error = await connectDuckDB('tickets.parquet', 'UTC').catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'ParityError' });
  expect((error as Error).message).toMatch(/^DuckDB is installed but could not be loaded: .*libduckdb\.so: failed to map segment from shared object$/);
  expect((error as { hint: string }).hint).toBe('reinstall it for this platform (npm install @duckdb/node-api), and check limits on memory such as ulimit -v');
});
