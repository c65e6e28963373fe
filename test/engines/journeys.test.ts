// Loud vs quiet and channel jumps computed by each engine's query (read/engines/journeysSql.ts),
// checked against values worked out by hand (test/helpers/journeyFixture.ts): window functions
// per customer for repeat contacts, the self-join for jumps, text expressions for the cues
// (ClickHouse 18: arrays per customer).
// A database does not test capitals on text beyond ASCII: M's "Ça NE MARCHE PAS" is quiet
// there and counted as untested, and the audit says so in its notes.
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, test } from 'vitest';
import { connectDuckDB, fileQuery } from '../../src/read/engines/duckdb.js';
import { connectPostgres } from '../../src/read/engines/postgres.js';
import { countFromEngine } from '../../src/read/engines/count.js';
import { countRows } from '../../src/measure/counts.js';
import { auditCounted } from '../../src/pipeline.js';
import { expectedJourneyCells, journeyCells, LOUD_AS_OF, LOUD_FIXTURE } from '../helpers/journeyFixture.js';
import { connectClickHouse } from '../../src/read/engines/clickhouse.js';
import { CH_URL, loadClickHouse, loadPostgres, PG_URL, settingsFor } from './helpers.js';

const settings = () => settingsFor(LOUD_FIXTURE, {}, { asOf: LOUD_AS_OF });

beforeAll(async () => {
  await loadPostgres('loud', LOUD_FIXTURE);
  await loadClickHouse('loud', LOUD_FIXTURE);
});

describe('journey rows from each engine, by hand', () => {
  test('DuckDB', async () => {
    const connection = await connectDuckDB(LOUD_FIXTURE, 'UTC');
    try {
      const { counts } = await countFromEngine(connection, { query: fileQuery(LOUD_FIXTURE) }, settings());
      expect(journeyCells([...countRows(counts)])).toEqual(expectedJourneyCells(false));
      expect(counts.header.journeys).toEqual({ repeatContacts: 3, repeatWindowSeconds: 7 * 86400, jumpWindowSeconds: 14 * 86400, customers: 17, jumpers: 2, capitalsUntested: 1 });
    } finally {
      await connection.close();
    }
  });

  test('Postgres', async () => {
    const connection = await connectPostgres(PG_URL, 'UTC');
    try {
      const { counts } = await countFromEngine(connection, { table: 'loud' }, settings());
      expect(journeyCells([...countRows(counts)])).toEqual(expectedJourneyCells(false));
      expect(counts.header.journeys?.capitalsUntested).toBe(1);
    } finally {
      await connection.close();
    }
  });

  test('ClickHouse 18, Distributed over two shards (arrays per customer instead of windows)', async () => {
    const connection = await connectClickHouse(CH_URL);
    try {
      const { counts } = await countFromEngine(connection, { table: 'loud' }, settings());
      expect(journeyCells([...countRows(counts)])).toEqual(expectedJourneyCells(false));
      expect(counts.header.journeys).toEqual({ repeatContacts: 3, repeatWindowSeconds: 7 * 86400, jumpWindowSeconds: 14 * 86400, customers: 17, jumpers: 2, capitalsUntested: 1 });
    } finally {
      await connection.close();
    }
  });

  test('the audit notes the ticket whose capitals were not tested', async () => {
    const report = await auditCounted({ kind: 'postgres', url: PG_URL, source: { table: 'loud' } }, settings(), { stdin: Readable.from([]) });
    expect(report.input.notes.join('\n')).toMatch(/shouting by capitals was not tested on 1 ticket whose subject or text has letters beyond ASCII/);
    expect(report.findings.find((f) => f.kind === 'loud-preference' && f.subject === 'email')?.details).toMatchObject({ loudTickets: 2, quietTickets: 5 });
  });
});
