import { createClient } from '@clickhouse/client';
const c = createClient({ url: 'http://127.0.0.1:18123' });
try {
  const r = await c.query({ query: "SELECT 1 AS x, toNullable(toString('a')) AS s, trimBoth('  b ') AS t, CAST(NULL AS Nullable(String)) AS n", format: 'JSONEachRow' });
  console.log(await r.json());
} catch (e) { console.log('ERR', e.message); }
try {
  await c.command({ query: 'CREATE TABLE IF NOT EXISTS tt (a String) ENGINE = Memory' });
  await c.insert({ table: 'tt', values: [{a:'x'}], format: 'JSONEachRow' });
  const r = await c.query({ query: 'SELECT * FROM tt', format: 'JSONEachRow' }); console.log(await r.json());
} catch (e) { console.log('ERR2', e.message); }
await c.close();
