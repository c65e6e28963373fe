// The live warehouse tests' path (test/warehouses/flow.ts: a typed table loaded from the demo
// export, the query `parity sql` prints run on it, its result saved as CSV and audited with
// `parity audit --counts`) run on DuckDB, which CI has: the path the opt-in BigQuery, Snowflake
// and Databricks tests take is itself checked, apart from their REST clients (whose result
// readers test/unit/warehouseResults.test.ts checks).
import { describe, expect, test } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { comparable } from '../helpers/exactness.js';
import { throughWarehouse } from '../warehouses/flow.js';
import type { WarehouseClient } from '../warehouses/clients.js';

describe('the live warehouse path, on DuckDB', () => {
  test('the printed DuckDB query over a typed table of the demo export audits as the file does in-process', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const db: WarehouseClient = {
      tableName: (name) => ({ sql: `"main"."${name}"`, plain: `main.${name}` }),
      async run(sql) {
        const reader = await connection.runAndReadAll(sql);
        return { columns: reader.columnNames(), rows: reader.getRows().map((row) => row.map((v) => (v === null ? null : String(v)))) };
      },
    };
    try {
      const { fromWarehouse, reference, rows } = await throughWarehouse('duckdb', db);
      expect(reference.input.tickets).toBe(3050);
      expect(fromWarehouse.input.tickets).toBe(3050);
      expect(rows).toBeGreaterThan(1000);
      expect(comparable(fromWarehouse)).toEqual(comparable(reference));
      // the journeys came through the printed query: the channel-jump finding is in both
      expect(fromWarehouse.findings.some((f) => f.kind === 'channel-jump')).toBe(reference.findings.some((f) => f.kind === 'channel-jump'));
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
