/**
 * The engine suite's files run two at a time (vitest.engines.config.ts), and several of them load
 * tables of the same names (`demo`, `mixed`, `loud`, …). So that two files never drop each
 * other's tables, each Vitest worker gets a database of its own on every server — `parity_w<N>`,
 * N being the worker's pool id — made here when missing, and the URLs the tests read
 * (PARITY_PG_URL, PARITY_CH_URL, PARITY_CH2_URL; helpers.ts) are pointed at it before any test
 * file is imported. `PARITY_CH_DATABASE` names it for what needs it apart from a URL
 * (clickhouse-client's `--database`, the Distributed table's database).
 */
import pg from 'pg';
import { createClient } from '@clickhouse/client';

const PG_BASE = process.env.PARITY_PG_URL ?? 'postgresql://postgres@127.0.0.1:54329/postgres';
const CH_BASES = [process.env.PARITY_CH_URL ?? 'http://127.0.0.1:18123', process.env.PARITY_CH2_URL ?? 'http://127.0.0.1:18124'];

/** `url` with its path (the database) replaced by `/name`. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

if (!process.env.PARITY_CH_DATABASE) {
  const name = `parity_w${Number(process.env.VITEST_POOL_ID ?? '1')}`;
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  for (const base of CH_BASES) {
    const client = createClient({ url: base });
    try {
      await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${name}` });
    } finally {
      await client.close();
    }
  }
  process.env.PARITY_PG_URL = withDatabase(PG_BASE, name);
  process.env.PARITY_CH_URL = withDatabase(CH_BASES[0]!, name).replace(/\/$/, '');
  process.env.PARITY_CH2_URL = withDatabase(CH_BASES[1]!, name).replace(/\/$/, '');
  process.env.PARITY_CH_DATABASE = name;
}
