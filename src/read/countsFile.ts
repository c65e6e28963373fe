/**
 * Reading a count table exported from any engine (the result of `parity sql`'s query, or
 * `parity counts`): CSV with the header dimension,group,category,priority,metric,seconds,
 * ended,waiting (any column order; names case-insensitive), or NDJSON with those keys.
 * Every problem names its file and line.
 */
import { ParityError } from '../errors.js';
import { CountRowError, CountTableReader, FLAT_COLUMNS, type CountTable, type FlatCountRow } from '../measure/counts.js';
import { fileHead, openCsv } from './source.js';
import { closeRecords } from './record.js';
import { restoreCell } from '../text/csvSafe.js';
import type { Readable } from 'node:stream';
import { readFile } from 'node:fs/promises';

const TEXT = new Set(['dimension', 'group', 'category', 'priority', 'metric']);

/**
 * The first row of a count table CSV that `parity counts` wrote: its cells that start like
 * spreadsheet formulas carry an apostrophe to take off (text/csvSafe.ts). A table exported from
 * an engine has no such row, and its values are read as they are.
 */
export const NEUTRALISED_MARKER: Partial<Record<(typeof FLAT_COLUMNS)[number], string>> = {
  dimension: 'meta',
  group: 'csv',
  category: 'formula-like cells start with an added apostrophe',
  ended: '0',
  waiting: '0',
};

function isMarker(values: readonly string[], header: readonly string[]): boolean {
  return header.every((h, k) => (NEUTRALISED_MARKER[h as (typeof FLAT_COLUMNS)[number]] ?? '') === (values[k] ?? '').trim() || !(FLAT_COLUMNS as readonly string[]).includes(h));
}

function cell(column: string, value: unknown, where: { file: string; line: number }): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (TEXT.has(column)) return String(value);
  return numberCell(column, value, where);
}

/** A number column's value: plain digits read straight (nearly every cell of a count table), anything else as decimal text. */
function numberCell(column: string, value: unknown, where: { file: string; line: number }): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ParityError(`"${String(value)}" is not a number`, { location: { ...where, column } });
    return value;
  }
  const text = String(value);
  if (text === '') return null;
  if (text.length <= 15) {
    let n = 0;
    let k = 0;
    for (; k < text.length; k++) {
      const c = text.charCodeAt(k) - 48;
      if (c < 0 || c > 9) break;
      n = n * 10 + c;
    }
    if (k === text.length) return n;
  }
  const trimmed = text.trim();
  // decimal only: Number() would also read 0x10, 0b11, 0o7 and Infinity
  const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(n)) throw new ParityError(`"${String(value)}" is not a number`, { location: { ...where, column } });
  return n;
}

/**
 * A cell of a table an engine exported: `\N` is ClickHouse's NULL in CSV (the only way it
 * writes one before release 22; the count query's meta rows always have some), read as empty.
 * A table parity wrote never holds it so (its cells are read by restoreCell).
 */
function engineCell(value: string): string {
  return value === '\\N' ? '' : value;
}

/** A flat row from its cells, read by column name (`value`: a CSV record's cell or an NDJSON key's value). */
function toRow(value: (column: (typeof FLAT_COLUMNS)[number]) => unknown, where: { file: string; line: number }): FlatCountRow {
  const get = (c: (typeof FLAT_COLUMNS)[number]) => cell(c, value(c), where);
  return {
    dimension: String(get('dimension') ?? ''),
    group: get('group') as string | null,
    category: get('category') as string | null,
    priority: get('priority') as string | null,
    metric: get('metric') as string | null,
    seconds: get('seconds') as number | null,
    ended: count('ended', get('ended'), where),
    waiting: count('waiting', get('waiting'), where),
  };
}

/**
 * An ended or waiting count: never empty — every row parity writes, and every row of the query
 * `parity sql` prints, has both (0 for none), so an empty one is a row cut short or edited, not
 * a zero (a table cut inside its last row read on as if whole).
 */
function count(column: 'ended' | 'waiting', value: string | number | null, where: { file: string; line: number }): number {
  if (value === null) throw new ParityError(`no count: every row of a count table has its ended and waiting counts (0 for none)`, { location: { ...where, column }, hint: 'a row cut short or edited: write the table again with parity counts, or save the whole result of the query parity sql prints' });
  return value as number;
}

/** The first few kilobytes of a file as text ('' when it cannot be read: the CSV reader says why). */
async function firstText(path: string): Promise<string> {
  return (await fileHead(path, 4096))?.toString('utf8') ?? '';
}

/** A reader error at a line: the reader's "row N: " prefix replaced by the location. */
function atLine(error: unknown, where: { file: string; line?: number }): unknown {
  if (!(error instanceof CountRowError)) return error;
  return new ParityError(error.message.replace(/^row \d+: /, ''), { location: where, ...(error.hint ? { hint: error.hint } : {}) });
}

/** Reads a count table file (CSV or NDJSON, by content), row by row into the typed table. */
export async function readCountsFile(path: string, stdin: Readable): Promise<CountTable> {
  const reader = new CountTableReader();
  let file = path;
  const add = (record: Record<string, unknown>, line: number): void => {
    try {
      reader.row(toRow((c) => record[c], { file, line }));
    } catch (error) {
      throw atLine(error, { file, line });
    }
  };
  const firstBytes = path === '-' ? '' : (await firstText(path)).trimStart().slice(0, 1);
  if (firstBytes === '{') {
    const text = await readFile(path, 'utf8');
    text.split(/\r?\n/).forEach((line, k) => {
      if (!line.trim()) return;
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new ParityError('not a JSON object', { location: { file, line: k + 1 } });
      }
      add(Object.fromEntries(Object.entries(record).map(([key, v]) => [key.toLowerCase(), v])), k + 1);
    });
  } else {
    const source = await openCsv(path, stdin);
    file = source.file;
    const header = source.header.map((h) => h.trim().toLowerCase());
    const missing = FLAT_COLUMNS.filter((c) => !header.includes(c));
    if (missing.length) {
      await closeRecords(source.records); // not read further: the file is let go now, not when collected
      throw new ParityError(`not a count table: no ${missing.join(', ')} column`, {
        location: { file, line: 1 },
        hint: `a count table has the columns ${FLAT_COLUMNS.join(',')} (the result of the query \`parity sql\` prints)`,
      });
    }
    // A file parity counts wrote starts with the marker row: its cells neutralised for
    // spreadsheets are read as the values they were given.
    // (a column named twice: the last one is read, as a record keyed by name would have it)
    const at = Object.fromEntries(FLAT_COLUMNS.map((c) => [c, header.lastIndexOf(c)])) as Record<(typeof FLAT_COLUMNS)[number], number>;
    let restore = false;
    let first = true;
    for await (const record of source.records) {
      if (first) {
        first = false;
        if (isMarker(record.values, header)) {
          restore = true;
          continue;
        }
      }
      const where = { file, line: record.line };
      try {
        const values = record.values;
        // by position (an object keyed by name per row cost more than the rest of the reading)
        reader.row(toRow((c) => (restore ? restoreCell(values[at[c]] ?? '') : engineCell(values[at[c]] ?? '')), where));
      } catch (error) {
        throw atLine(error, where);
      }
    }
  }
  try {
    return reader.finish();
  } catch (error) {
    throw atLine(error, { file });
  }
}
