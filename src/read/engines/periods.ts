/**
 * Count tables of one engine source for several windows of creation time: `parity report` from
 * Parquet, `--engine duckdb` or `--db` asks for the whole export (to plan the periods and fix
 * the as-of time), then for each period. The source is sampled and mapped once; each window is
 * the ordinary count query (sql.ts) with its own since/until and the export's as-of, so every
 * period's table is what `parity counts --since … --until … --as-of …` would return.
 */
import type { CountTable } from '../../measure/counts.js';
import { mapSource, querySpec, runCountSpec, type CountSettings } from './count.js';
import type { EngineConnection, SqlSource } from './connection.js';

/** What changes from one window's count query to the next. */
export type CountWindow = Required<Pick<CountSettings, 'since' | 'until' | 'asOf' | 'by'>>;

/** Maps the source once; the returned function runs the count query of one window. */
export async function windowCounter(connection: EngineConnection, source: SqlSource, settings: CountSettings): Promise<(window: CountWindow) => Promise<CountTable>> {
  const mapped = await mapSource(connection, source, settings);
  return async (window) => {
    return (await runCountSpec(connection, querySpec(connection.dialect, source, mapped.columns, { ...settings, ...window, asOfGiven: settings.asOf !== null }, mapped.mapping, mapped))).counts;
  };
}
