// Values at the edges of what parity reads in-process, read the same way by every engine: a CSV
// through DuckDB (every column text), and the same rows as a table in Postgres and in ClickHouse
// (two shards), with the columns a test names held as text, as a table loaded from a CSV holds them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { connectDuckDB, fileQuery } from '../../src/read/engines/duckdb.js';
import { connectPostgres } from '../../src/read/engines/postgres.js';
import { connectClickHouse } from '../../src/read/engines/clickhouse.js';
import { countFromEngine } from '../../src/read/engines/count.js';
import type { EngineConnection, SqlSource } from '../../src/read/engines/connection.js';
import type { CountTable } from '../../src/measure/counts.js';
import { CH_URL, PG_URL, columnType, loadClickHouse, loadPostgres, referenceCounts, settingsFor, withoutNotes, type ColumnType } from './helpers.js';

const ENGINES = ['duckdb', 'postgres', 'clickhouse'] as const;
type Engine = (typeof ENGINES)[number];

/**
 * The columns of these tests' files. Category and priority are there because ClickHouse 18 over a
 * Distributed table refuses the count query of a table without them (scenarios.ts).
 */
const HEADER = 'ticket_id,channel,created_at,first_response_at,status,category,priority,followers';

/** Writes `lines` as a CSV in a temporary folder. */
function csvFile(name: string, lines: readonly string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'parity-edges-')), `${name}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * The count table of a CSV from one engine: DuckDB reads the file; Postgres and ClickHouse get a
 * table `table` with the columns `typeOf` says (default: the fixtures' types, timestamps typed).
 */
async function engineCounts(engine: Engine, file: string, table: string, typeOf: (header: string) => ColumnType = columnType): Promise<CountTable> {
  const settings = settingsFor(file);
  let connection: EngineConnection;
  let source: SqlSource = { table };
  if (engine === 'duckdb') {
    connection = await connectDuckDB(file, settings.timeZone);
    source = { query: fileQuery(file) };
  } else if (engine === 'postgres') {
    await loadPostgres(table, file, {}, typeOf);
    connection = await connectPostgres(PG_URL, settings.timeZone);
  } else {
    await loadClickHouse(table, file, typeOf);
    connection = await connectClickHouse(CH_URL);
  }
  try {
    return (await countFromEngine(connection, source, settings)).counts;
  } finally {
    await connection.close();
  }
}

/** Tickets per follower band (the bandChannel dimension's `tickets` series, summed over channels). */
function bandTickets(counts: CountTable): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of counts.series) {
    if (s.dimension !== 'bandChannel' || s.metric !== 'tickets') continue;
    const band = s.group.slice(0, s.group.indexOf(' / '));
    for (let k = 0; k < s.tally.ended.length; k++) out[band] = (out[band] ?? 0) + (s.tally.ended[k] as number);
  }
  return out;
}

describe('follower counts with a minus sign are no count (band unknown), as in-process', () => {
  // parity reads no follower count with a minus sign (normalise/rows.ts parseFollowers): -5, -7, -0.4
  // and -0 are unknown; 0 and 0.4 (rounded half up to 0) are <1k, 999.5 (1000) is 1k-10k
  const values = ['-0', '-5', '-0.4', '0', '0.4', '999.5', '12', '-7'];
  const lines = [HEADER];
  values.forEach((v, i) => lines.push(`T${i},Twitter,2026-07-01T10:00:00Z,2026-07-01T1${i}:30:00Z,open,General,normal,${v}`));
  const expected = { '<1k': 3, '1k-10k': 1, unknown: 4 };

  test('in-process (the reference)', async () => {
    expect(bandTickets(await referenceCounts(csvFile('followers', lines)))).toEqual(expected);
  });
  for (const engine of ENGINES) {
    test(engine, async () => {
      const file = csvFile('followers', lines);
      // a text column, as a CSV loaded into a table holds it (an integer column has no -0 or -0.4)
      const counts = await engineCounts(engine, file, 'edge_followers', (h) => (h === 'followers' ? 'text' : columnType(h)));
      expect(bandTickets(counts)).toEqual(expected);
      expect(withoutNotes(counts)).toEqual(withoutNotes(await referenceCounts(file)));
    });
  }
});
