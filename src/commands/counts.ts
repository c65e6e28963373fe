/**
 * `parity counts`: the count table of any source (files in-process, Parquet through DuckDB,
 * Postgres, ClickHouse), as CSV or NDJSON. What an engine computes for the judge, shown; the
 * same table from two sources means the same audit. Thin: flags → source → count table.
 */
import { neutraliseReversibly } from '../text/csvSafe.js';
import { escapeJsonText } from '../text/sanitise.js';
import { NEUTRALISED_MARKER } from '../read/countsFile.js';
import { loadConfig } from '../config/load.js';
import { UsageError } from '../errors.js';
import { count } from '../format.js';
import { BY_FIELDS, FLAT_COLUMNS, countDataset, headerRows, type ByField, type CountSeries, type CountTable, type FlatCountRow } from '../measure/counts.js';
import { countFromEngine } from '../read/engines/count.js';
import { openEngine, resolveSource, type SourceFlags } from '../read/engines/index.js';
import { resolveSettings, withoutGroupBy, type CommonFlags } from './options.js';
import { futureAsOf, loadDataset } from '../load/dataset.js';
import { openRejects } from './rejects.js';
import { enforceStrict, runTime } from './dataset.js';
import { countingReporter } from './progress.js';
import type { CommandContext, CommandResult } from './context.js';
import { redactFreeText } from '../render/redact.js';
import { PackedReader } from '../stats/packedTally.js';
import { recordedHours } from '../measure/clock.js';

export interface CountsFlags extends CommonFlags, SourceFlags {
  by?: string;
}

export function byOption(value: string | undefined): ByField | null {
  if (value === undefined) return null;
  if (!(BY_FIELDS as readonly string[]).includes(value)) {
    throw new UsageError(`--by "${value}" is not a field a count table can group on`, { hint: `choose one of ${BY_FIELDS.join(', ')}` });
  }
  return value as ByField;
}

/** The count table of the source the flags and config name, and whether it is to be redacted (--redact or config). */
export async function countSource(files: string[], flags: CountsFlags, ctx: CommandContext): Promise<{ table: CountTable; redact: boolean }> {
  const { config } = await loadConfig(flags.config, ctx.cwd);
  // `--by` here is the count table's own (a canonical field); the audit's --by groups are not read
  const by = byOption(flags.by);
  const { by: _countBy, ...common } = flags;
  const settings = withoutGroupBy(resolveSettings(files, common, config, ctx.version));
  const source = resolveSource(files, flags, config);
  if (source.kind === 'files') {
    const rejects = flags.rejects ? await openRejects(flags.rejects, { redact: settings.redact }) : null;
    const warnings: string[] = [];
    const now = runTime(settings, ctx);
    try {
      const dataset = await loadDataset(settings, {
        stdin: ctx.stdin,
        ...(ctx.workers ? { workers: ctx.workers } : {}),
        onProgress: (rows, file) => ctx.progress(`parity: ${rows.toLocaleString('en-US')} rows read from ${file}…`),
        onWarning: (message) => warnings.push(message),
        ...(now !== undefined ? { now } : {}),
        ...(rejects ? { onReject: (issue) => rejects.write(issue), onFile: (file, header, customer) => rejects.file(file, header, customer) } : {}),
      });
      if (flags.strict) enforceStrict(dataset.issues.entries(), settings.duplicates, { files: dataset.files.map((f) => f.file), rejects: flags.rejects });
      // a business-clock table records its hours: an audit of it under others is refused (pipeline.ts)
      const businessHours = settings.clock.kind === 'business' ? recordedHours(settings.clock) : null;
      return { table: countDataset(dataset, { bands: settings.bands, by, journeys: settings.loud, businessHours }), redact: settings.redact };
    } finally {
      ctx.progress(null);
      for (const warning of warnings) ctx.warn(warning);
      await rejects?.close();
    }
  }
  const { connection, source: sql, notes: readNotes } = await openEngine(source, settings.timeZone, { progress: countingReporter((line) => ctx.progress(line)), workers: ctx.workers, maxRecordBytes: settings.limits.maxRecordBytes, mapping: settings.mapping });
  const warnings: string[] = [];
  const now = runTime(settings, ctx);
  try {
    const { counts } = await countFromEngine(connection, sql, { ...settings, by });
    // an as-of time from the data after the run: in the table's notes and on stderr, as the audit says it
    const future = futureAsOf(counts.header.asOf, settings, { ...(now !== undefined ? { now } : {}), onWarning: (message) => warnings.push(message) });
    const added = [...readNotes, ...future];
    return { table: added.length ? { ...counts, header: { ...counts.header, notes: [...counts.header.notes, ...added] } } : counts, redact: settings.redact };
  } finally {
    await connection.close();
    for (const warning of warnings) ctx.warn(warning);
  }
}

/** Flat rows per chunk of output (a count table of tens of millions of cells is written in pieces). */
const CHUNK_ROWS = 10_000;

/** Group, category and priority values and note texts with e-mail addresses and @handles replaced by stable pseudonyms (--redact, as the audit's outputs). */
function redactText(v: string | null): string | null {
  return v === null ? null : redactFreeText(v);
}

/** A flat row redacted (see {@link redactText}). */
function redactedRow(r: FlatCountRow): FlatCountRow {
  return { ...r, group: redactText(r.group), category: redactText(r.category), priority: redactText(r.priority) };
}

/**
 * One CSV cell as csv-stringify writes it with its defaults (quoted when it holds a comma, a
 * quote or a line break; quotes doubled), after the reversible formula guard.
 */
function csvCell(value: string | number | null): string {
  return quoted(neutraliseReversibly(value === null ? '' : String(value)));
}

function quoted(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number cell: plain digits for the whole numbers a tally holds, anything else through {@link csvCell}. */
function numberCell(x: number): string {
  return Number.isInteger(x) && x >= 0 ? String(x) : csvCell(x);
}

/**
 * The lines of a count table in chunks of {@link CHUNK_ROWS}: the header facts' rows through
 * `row`, then every series' cells through `cells(series)` (a function of one cell's three
 * numbers). The cells of a series share its five text columns, so their text is made safe and
 * quoted once per series, not once per cell (csv-stringify per cell took ~4 s, and as much again
 * in garbage collection, for 2.4M cells; the bytes are the same).
 */
function* lineChunks(
  table: CountTable,
  redact: boolean,
  row: (r: FlatCountRow) => string,
  cells: (s: CountSeries, text: (v: string | null) => string | null) => (seconds: number, ended: number, waiting: number) => string,
): Generator<string> {
  let chunk = '';
  let rows = 0;
  for (const r of headerRows(table)) chunk += row(redact ? redactedRow(r) : r);
  const text = redact ? redactText : (v: string | null) => v;
  for (const s of table.series) {
    const cell = cells(s, text);
    for (const r = new PackedReader(s.packed); r.next(); ) {
      chunk += cell(r.time, r.ended, r.waiting);
      if (++rows === CHUNK_ROWS) {
        yield chunk;
        chunk = '';
        rows = 0;
      }
    }
  }
  if (chunk) yield chunk;
}

/** A count table as CSV (the flat form, header first), chunk by chunk. */
export function* countsCsvChunks(table: CountTable, redact = false): Generator<string> {
  yield `${FLAT_COLUMNS.join(',')}\n`;
  // Cells a spreadsheet would run as formulas (group and category names are the data's) get an
  // apostrophe that `parity audit --counts` takes off again (text/csvSafe.ts) — only in a file
  // that says so in its first row, so that a table exported from an engine is read as it is.
  yield `${FLAT_COLUMNS.map((c) => quoted(String(NEUTRALISED_MARKER[c] ?? ''))).join(',')}\n`;
  yield* lineChunks(
    table,
    redact,
    (r) => `${FLAT_COLUMNS.map((c) => csvCell(r[c])).join(',')}\n`,
    (s, text) => {
      const prefix = `${csvCell(s.dimension)},${csvCell(text(s.group))},${csvCell(text(s.category))},${csvCell(text(s.priority))},${csvCell(s.metric)},`;
      return (seconds, ended, waiting) => `${prefix}${numberCell(seconds)},${numberCell(ended)},${numberCell(waiting)}\n`;
    },
  );
}

/** A count table as CSV (the flat form, header first). */
export function countsCsv(table: CountTable): string {
  return [...countsCsvChunks(table)].join('');
}

/** A number as JSON writes it (null for NaN and infinities). */
function jsonNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}

/** A count table as NDJSON (one flat row per line, keys in the flat columns' order), chunk by chunk. */
export function* countsNdjson(table: CountTable, redact = false): Generator<string> {
  yield* lineChunks(
    table,
    redact,
    (r) => `${escapeJsonText(JSON.stringify(r))}\n`,
    (s, text) => {
      const prefix = escapeJsonText(`{"dimension":${JSON.stringify(s.dimension)},"group":${JSON.stringify(text(s.group))},"category":${JSON.stringify(text(s.category))},"priority":${JSON.stringify(text(s.priority))},"metric":${JSON.stringify(s.metric)},"seconds":`);
      return (seconds, ended, waiting) => `${prefix}${jsonNumber(seconds)},"ended":${jsonNumber(ended)},"waiting":${jsonNumber(waiting)}}\n`;
    },
  );
}

export async function countsCommand(files: string[], flags: CountsFlags, ctx: CommandContext): Promise<CommandResult> {
  const format = flags.format ?? 'csv';
  if (format !== 'csv' && format !== 'ndjson') throw new UsageError(`--format "${format}" is not csv or ndjson for counts`);
  const { table, redact } = await countSource(files, flags, ctx);
  const empty = emptyTableWarning(table);
  if (empty) ctx.warn(empty);
  return { output: format === 'csv' ? countsCsvChunks(table, redact) : countsNdjson(table, redact), exitCode: 0 };
}

/**
 * A count table without a usable ticket is still a count table (a day or a period with no
 * tickets; its rows say why the rows read were rejected), so it is written and the run exits 0 —
 * but an audit of it would stop with "no usable tickets", and when rows were read it is most
 * often a mapping the export does not fit: said on stderr, with the reasons. Null otherwise.
 */
export function emptyTableWarning(table: CountTable): string | null {
  const h = table.header;
  if (h.tickets > 0) return null;
  if (!h.rowsRead) return 'the count table holds no ticket: the source has no rows (an audit of it would stop with "no usable tickets")';
  const reasons = Object.entries(h.rejected)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([kind, n]) => `${kind} ×${count(n)}`)
    .join(', ');
  const kinds = Object.keys(h.rejected);
  const what = kinds.length > 0 && kinds.every((k) => k === 'outside-period') ? 'check --since and --until (or the config\'s since/until) against the export\'s dates' : 'run `parity inspect` on the export to check the mapping';
  return `the count table holds no ticket: all ${count(h.rowsRead)} rows read were rejected${reasons ? ` (${reasons})` : ''}; an audit of it would stop with "no usable tickets" — ${what}`;
}
