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
