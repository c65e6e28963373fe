// What crosses from DuckDB's process to parity's (read/engines/duckdbProtocol.ts): an error
// arrives as the error parity would have thrown in-process — class, message, location, hint and
// DuckDB's reason — after the structured clone the IPC channel makes of it, and never a stack.
import { describe, expect, it } from 'vitest';
import { DuckDBError } from '../../src/read/engines/duckdb.js';
import { received, sendable } from '../../src/read/engines/duckdbProtocol.js';
import { ParityError, UsageError } from '../../src/errors.js';

const across = (error: unknown): Error => received(structuredClone(sendable(error)));

describe('errors from DuckDB\'s process', () => {
  it('a DuckDB error keeps its class, message, file, hint and reason', () => {
    const back = across(new DuckDBError('DuckDB: Invalid Input Error: CSV Error on Line: 7', { location: { file: 'a.csv' }, hint: 'check the file at that record' }, 'a quote that is never closed'));
    expect(back).toBeInstanceOf(DuckDBError);
    expect(back).toMatchObject({ message: 'DuckDB: Invalid Input Error: CSV Error on Line: 7', location: { file: 'a.csv' }, hint: 'check the file at that record', reason: 'a quote that is never closed' });
    const none = across(new DuckDBError('DuckDB: x', {}, null));
    expect(none).toBeInstanceOf(DuckDBError);
    expect(none).toMatchObject({ location: undefined, hint: undefined, reason: null });
  });

  it('a ParityError (DuckDB not installed) stays a ParityError with its hint, not a DuckDB error', () => {
    const back = across(new ParityError('reading Parquet (or --engine duckdb) needs DuckDB, which is not installed', { hint: 'install it next to parity: npm install @duckdb/node-api' }));
    expect(back).toBeInstanceOf(ParityError);
    expect(back).not.toBeInstanceOf(DuckDBError);
    expect(back).toMatchObject({ message: 'reading Parquet (or --engine duckdb) needs DuckDB, which is not installed', hint: 'install it next to parity: npm install @duckdb/node-api' });
    // a subclass arrives as what it is to the CLI: an input error (exit 2)
    expect(across(new UsageError('bad', { hint: 'h' }))).toMatchObject({ name: 'ParityError', message: 'bad', hint: 'h' });
  });

  it('anything else is a fault of parity\'s, said as coming from DuckDB\'s process, without its stack', () => {
    const sent = sendable(new TypeError('x is not a function'));
    expect(sent).toEqual({ kind: 'fault', message: 'x is not a function' });
    const back = received(structuredClone(sent));
    expect(back).not.toBeInstanceOf(ParityError);
    expect(back.message).toBe("in DuckDB's process: x is not a function");
    expect(sendable('thrown text')).toEqual({ kind: 'fault', message: 'thrown text' });
  });
});
