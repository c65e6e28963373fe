import { describe, expect, it } from 'vitest';
import { resolveSource } from '../../src/read/engines/index.js';
import { twice } from '../../src/read/engines/duckdb.js';
import { UsageError } from '../../src/errors.js';

describe('--duckdb-memory: DuckDB working memory for files it reads', () => {
  it('defaults to 1GB; a size in KB…TB or KiB…TiB is passed on with its unit spelled as DuckDB spells it', () => {
    expect(resolveSource(['t.parquet'], {}, {})).toEqual({ kind: 'duckdb', files: ['t.parquet'], memory: '1GB' });
    expect(resolveSource(['t.parquet'], { duckdbMemory: '8gb' }, {})).toMatchObject({ memory: '8GB' });
    expect(resolveSource(['t.csv'], { engine: 'duckdb', duckdbMemory: ' 512 mib ' }, {})).toMatchObject({ memory: '512MiB' });
    expect(resolveSource(['t.parquet'], { duckdbMemory: '1.5GB' }, {})).toMatchObject({ memory: '1.5GB' });
  });

  it('anything else is a usage error, and so is the option for a source DuckDB does not read', () => {
    for (const bad of ['lots', '8', '0GB', '-1GB', '8 GBs', '80%']) {
      expect(() => resolveSource(['t.parquet'], { duckdbMemory: bad }, {}), bad).toThrow(UsageError);
    }
    expect(() => resolveSource(['t.csv'], { duckdbMemory: '8GB' }, {})).toThrow(/--duckdb-memory is for files read by DuckDB/);
  });

  it('the out-of-memory hint suggests twice the size that was not enough, in its unit', () => {
    expect(twice('1GB')).toBe('2GB');
    expect(twice('512MiB')).toBe('1024MiB');
    expect(twice('1.5GB')).toBe('3GB');
  });
});

describe('--engine mistakes name the fix (found by an independent attack: no hint line)', () => {
  const refusal = (files: string[], engine: string): { message: string; hint: string | undefined } => {
    try {
      resolveSource(files, { engine }, {});
    } catch (error) {
      return { message: (error as Error).message, hint: (error as UsageError).hint };
    }
    throw new Error('expected a refusal');
  };

  it('a database name as the engine points at --db', () => {
    expect(refusal(['t.csv'], 'postgres')).toEqual({ message: '--engine "postgres" is not duckdb or parity', hint: 'a database is read with --db: parity audit --db postgresql://user@host:5432/database --table tickets' });
    expect(refusal(['t.csv'], 'ClickHouse').hint).toBe('a database is read with --db: parity audit --db clickhouse://host:8123/database --table tickets');
    expect(refusal(['t.csv'], 'sqlite').hint).toBe('--engine duckdb reads the files through DuckDB; --engine parity (the default) reads them in-process');
  });

  it('DuckDB on standard input says to read it in-process or save it', () => {
    expect(refusal(['-'], 'duckdb')).toEqual({ message: 'DuckDB reads files, not standard input', hint: 'leave out --engine duckdb to read standard input in-process, or save it to a file and give its path' });
  });
});
