/**
 * `parity sql --dialect <d> --table <name>`: prints the count query for an engine parity
 * cannot reach (BigQuery, Snowflake, Databricks) or that the user wants to run themselves.
 * Columns come from the config's `columns` (required fields default to ticket_id, channel,
 * created_at); everything else that shapes the audit (channels, bands, --since/--until/--as-of,
 * --by) is written into the query. Its result, saved as CSV, is what `parity audit --counts` reads.
 */
import { guardChanges } from '../text/sanitise.js';
import { loadConfig } from '../config/load.js';
import type { ColumnRef } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { TICKET_FIELDS, type TicketField } from '../model.js';
import { CLICKHOUSE_QUERY_LIMITS, DIALECTS, dialect as dialectOf, isDialect } from '../read/engines/dialects.js';
import { countQuery, type SourceColumn } from '../read/engines/sql.js';
import { querySpec } from '../read/engines/count.js';
import { durationClockFromHeader, unitFromHeader } from '../formats/bind.js';
import { resolveSettings, withoutGroupBy, type CommonFlags } from './options.js';
import { byOption } from './counts.js';
import type { CommandContext, CommandResult } from './context.js';

export interface SqlFlags extends CommonFlags {
  dialect?: string;
  table?: string;
  query?: string;
  by?: string;
  /** The table's columns are text (a CSV loaded as it is): the query reads them as parity reads a file's cells. */
  textColumns?: boolean;
}

const DEFAULT_COLUMNS: Partial<Record<TicketField, string>> = { ticketId: 'ticket_id', channel: 'channel', createdAt: 'created_at' };

function sourceColumn(field: TicketField, ref: ColumnRef): SourceColumn {
  const { column, unit, clock } = typeof ref === 'string' ? { column: ref, unit: undefined, clock: undefined } : ref;
  if (field !== 'firstResponseTime' && field !== 'resolutionTime') return { column };
  // a duration's unit: configured, else the header's (as formats/bind.ts), else seconds
  const given = (unit as SourceColumn['unit'] | undefined) ?? unitFromHeader(column) ?? 'seconds';
  const out: SourceColumn = { column, unit: given };
  // a duration column's clock: configured, else the header's word (as formats/bind.ts), else calendar
  const named = clock ?? durationClockFromHeader(column);
  return named ? { ...out, clock: named } : { ...out, clock: 'calendar', clockAssumed: true };
}

export async function sqlCommand(_files: string[], flags: SqlFlags, ctx: CommandContext): Promise<CommandResult> {
  const dialect = flags.dialect;
  if (!dialect || !isDialect(dialect)) {
    // (a dialect given but unknown is not "required": it is one parity does not write)
    throw new UsageError(dialect ? `--dialect "${dialect}" is not a dialect parity writes: use one of ${DIALECTS.join(', ')}` : `--dialect is required: one of ${DIALECTS.join(', ')}`);
  }
  const { config } = await loadConfig(flags.config, ctx.cwd);
  // `--by` here is the count query's own (a canonical field); the audit's --by groups are not resolved
  const { by: _countBy, textColumns: _text, ...common } = flags;
  const settings = withoutGroupBy(resolveSettings([], common, config, ctx.version));
  const table = flags.table ?? (flags.query ? undefined : config.source?.table);
  const query = flags.query ?? (flags.table ? undefined : config.source?.query);
  if ((table ? 1 : 0) + (query ? 1 : 0) !== 1) {
    throw new UsageError('give exactly one of --table <name> or --query <sql>', { hint: 'e.g. parity sql --dialect bigquery --table project.support.tickets' });
  }
  const columns: Partial<Record<TicketField, SourceColumn>> = {};
  for (const field of TICKET_FIELDS) {
    const ref = config.columns?.[field];
    if (ref) columns[field] = sourceColumn(field, ref);
    else if (DEFAULT_COLUMNS[field]) columns[field] = { column: DEFAULT_COLUMNS[field] as string };
  }
  // parity sql has no database to ask a column's type (a live connection does: count.ts): by
  // default times are timestamps and numbers numbers; --text-columns reads every column as text
  // (trimmed, blank or a placeholder = none, ISO 8601 and plain numbers only), as a table loaded
  // from a CSV holds them — the typed query failed there (ClickHouse's toUnixTimestamp of a
  // String, Postgres' cast of '' to a number)
  if (flags.textColumns) for (const c of Object.values(columns)) c.text = true;
  const spec = querySpec(dialect, table ? { table } : { query: query as string }, columns, { ...settings, by: byOption(flags.by) });
  const mapped = Object.entries(columns).map(([field, c]) => `--   ${field}: ${JSON.stringify(c.column)}${c.unit ? ` (${c.unit}${c.clock === 'business' ? ', business time' : ''})` : ''}`);
  const typing = flags.textColumns
    ? '-- Every column is read as text (--text-columns): times as ISO 8601, numbers as plain digits, blank = none.'
    : '-- Times are read as timestamp columns and numbers as number columns; for a table of text columns (a CSV loaded as it is) use --text-columns.';
  // The zone a time without an offset is read in is the session's in most engines: the
  // statement parity's own connections run first, printed with the query (without it the
  // session's zone, often UTC, read the data while --since/--until were cut in --tz).
  const session = dialectOf(dialect).sessionTimeZone(settings.timeZone);
  const preface = [
    `-- Columns (map others with "columns" in parity.config.json):`,
    ...mapped,
    typing,
    `-- Save the result as CSV and judge it with: parity audit --counts <file.csv>`,
    ...(session
      ? [`-- Times without an offset are read in ${settings.timeZone} (--tz or the config's timeZone), as parity reads a file: run this statement first, in the same session:`, `${session};`]
      : [`-- Times without an offset are read in ${settings.timeZone} (--tz or the config's timeZone), written into the query.`]),
    // (the query is longer than ClickHouse's defaults allow: parity's own connection raises them)
    ...(dialect === 'clickhouse'
      ? ['-- The query is longer than ClickHouse allows by default: run these first, in the same session (clickhouse-client --multiquery):', ...Object.entries(CLICKHOUSE_QUERY_LIMITS).map(([k, v]) => `SET ${k} = ${v};`)]
      : []),
  ].join('\n');
  const sql = countQuery(spec);
  // String literals escape what a terminal cannot show (dialects.ts); a quoted name cannot in
  // every dialect, and the output guard would print it escaped: a query that names another
  // column than the one parity runs. Such a query goes to a file only.
  if (guardChanges(sql) && (flags.output === undefined || flags.output === '-')) {
    throw new UsageError('the query names a column or table with a control character (a line break or tab in a header, say), which standard output cannot show as it is', {
      hint: 'write it to a file: parity sql … -o query.sql (or rename the column)',
    });
  }
  return { output: `${preface}\n${sql}`, exitCode: 0 };
}

