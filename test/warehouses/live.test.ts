// Live, opt-in (`npm run test:warehouses`; not part of `npm test` or CI, which cannot reach the
// clouds): on each warehouse — BigQuery, Snowflake, Databricks — the demo export is loaded into a
// typed table (timestamps as timestamps, follower counts as integers, the rest as text, as a
// warehouse holds a helpdesk's tickets), the query `parity sql --dialect <d>` prints is run there
// as a user would run it, its result saved as CSV, and `parity audit --counts` of that CSV must
// equal the in-process audit of the file, apart from the fields only a file has
// (test/helpers/exactness.ts) — the contract the engine tests hold Postgres, ClickHouse and
// DuckDB to (flow.ts; the same path runs on DuckDB in the engine tests). The table is dropped
// afterwards.
//
// Each warehouse needs its environment variables (clients.ts ENV; README "Where your tickets
// live"). PARITY_WAREHOUSES=snowflake,databricks runs only those; a warehouse asked for whose
// variables are not set fails naming them (nothing is skipped).
import { describe, expect, test } from 'vitest';
import { comparable } from '../helpers/exactness.js';
import { client, needs, WAREHOUSES } from './clients.js';
import { throughWarehouse } from './flow.js';

const asked = (process.env['PARITY_WAREHOUSES'] ?? WAREHOUSES.join(','))
  .split(',')
  .map((w) => w.trim().toLowerCase())
  .filter(Boolean);

describe('the printed count query, run on the warehouse, audits as parity does in-process', () => {
  test('PARITY_WAREHOUSES names warehouses parity prints SQL for', () => {
    expect(asked.filter((w) => !(WAREHOUSES as readonly string[]).includes(w))).toEqual([]);
  });

  for (const warehouse of WAREHOUSES.filter((w) => asked.includes(w))) {
    test(warehouse, async () => {
      expect(needs(warehouse), `set these to run the ${warehouse} test (README "Where your tickets live")`).toEqual([]);
      const { fromWarehouse, reference } = await throughWarehouse(warehouse, client(warehouse));
      expect(reference.input.tickets).toBe(3050);
      expect(comparable(fromWarehouse)).toEqual(comparable(reference));
    });
  }
});
