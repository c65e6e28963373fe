// Each live engine reads parity's string literals as the value they were made from, unprintable
// characters included: they are written in each dialect's own escape syntax (chr() in DuckDB,
// E'\u2028' in Postgres, '\xE2\x80\xA8' in ClickHouse), so that the query parity prints is the
// one it runs (read/engines/dialects.ts).
import { describe, expect, test } from 'vitest';
import { connectDuckDB } from '../../src/read/engines/duckdb.js';
import { connectPostgres } from '../../src/read/engines/postgres.js';
import { connectClickHouse } from '../../src/read/engines/clickhouse.js';
import { dialect } from '../../src/read/engines/dialects.js';
import type { EngineConnection } from '../../src/read/engines/connection.js';
import { CH_URL, PG_URL } from './helpers.js';

const VALUES = [
  'plain',
  "O'Brien \\ backslash",
  'tab\there, line\nbreak, cr\rend',
  'vt\u000bff\u000cnel\u0085',
  'sep\u2028para\u2029bom\ufeffbidi\u202edel\u007f',
  'üñí ✓ 𝄞',
];

async function roundTrip(connect: () => Promise<EngineConnection>): Promise<void> {
  const connection = await connect();
  try {
    const d = dialect(connection.dialect);
    const select = VALUES.map((v, k) => `${d.string(v)} AS ${d.ident(`v${k}`)}`).join(', ');
    const { rows } = await connection.sample({ query: `SELECT ${select}` }, 1);
    expect(rows[0]).toEqual(VALUES);
  } finally {
    await connection.close();
  }
}

describe('string literals with unprintable characters, read back by each engine', () => {
  test('DuckDB', () => roundTrip(() => connectDuckDB('literals', 'UTC')));
  test('Postgres', () => roundTrip(() => connectPostgres(PG_URL, 'UTC')));
  test('ClickHouse', () => roundTrip(() => connectClickHouse(CH_URL)));
});
