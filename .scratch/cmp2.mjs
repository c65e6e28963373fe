import { Readable } from 'node:stream';
import { resolveSettings } from '../dist/commands/options.js';
import { loadDataset } from '../dist/pipeline.js';
import { countDataset } from '../dist/measure/counts.js';
import { connectDuckDB, fileQuery } from '../dist/read/engines/duckdb.js';
import { countFromEngine } from '../dist/read/engines/count.js';
const file = process.argv[2];
const config = JSON.parse(process.argv[3] ?? '{}');
const flags = JSON.parse(process.argv[4] ?? '{}');
const settings = { ...resolveSettings([file], flags, config, '0'), by: flags.by ?? null };
const ds = await loadDataset(settings, { stdin: Readable.from([]) });
const a = countDataset(ds, { bands: settings.bands, by: settings.by });
const conn = await connectDuckDB(file, settings.timeZone);
const { counts: b, sql } = await countFromEngine(conn, { query: fileQuery(file) }, settings);
await conn.close();
const strip = (t) => ({ ...t, header: { ...t.header, notes: [] } });
const ja = JSON.stringify(strip(a)), jb = JSON.stringify(strip(b));
console.log('rows', a.rows.length, b.rows.length, 'equal', ja === jb);
if (ja !== jb) {
  console.log(JSON.stringify(a.header), '\n', JSON.stringify(b.header));
  for (let i = 0; i < Math.max(a.rows.length, b.rows.length); i++) if (JSON.stringify(a.rows[i]) !== JSON.stringify(b.rows[i])) { console.log(i, a.rows[i], b.rows[i]); break; }
}
