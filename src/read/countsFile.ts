/**
 * Reading a count table exported from any engine (the result of `parity sql`'s query, or
 * `parity counts`): CSV with the header dimension,group,category,priority,metric,seconds,
 * ended,waiting (any column order; names case-insensitive), or NDJSON with those keys.
 * Every problem names its file and line.
 */
import { ParityError } from '../errors.js';
import { CountRowError, FLAT_COLUMNS, unflattenCounts, type CountTable, type FlatCountRow } from '../measure/counts.js';
import { openCsv } from './source.js';
import type { Readable } from 'node:stream';
import { readFile } from 'node:fs/promises';

const TEXT = new Set(['dimension', 'group', 'category', 'priority', 'metric']);

function cell(column: string, value: unknown, where: { file: string; line: number }): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (TEXT.has(column)) return String(value);
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isFinite(n)) throw new ParityError(`${column}: "${String(value)}" is not a number`, { location: { ...where, column } });
  return n;
}

function toRow(record: Record<string, unknown>, where: { file: string; line: number }): FlatCountRow {
  const get = (c: (typeof FLAT_COLUMNS)[number]) => cell(c, record[c], where);
  return {
    dimension: String(get('dimension') ?? ''),
    group: get('group') as string | null,
    category: get('category') as string | null,
    priority: get('priority') as string | null,
    metric: get('metric') as string | null,
    seconds: get('seconds') as number | null,
    ended: (get('ended') as number | null) ?? 0,
    waiting: (get('waiting') as number | null) ?? 0,
  };
}

/** Reads a count table file (CSV or NDJSON, by content). */
export async function readCountsFile(path: string, stdin: Readable): Promise<CountTable> {
  const rows: FlatCountRow[] = [];
  const lines: number[] = [];
  let file = path;
  const firstBytes = path === '-' ? '' : (await readFile(path, 'utf8').catch(() => '')).trimStart().slice(0, 1);
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
      const lower = Object.fromEntries(Object.entries(record).map(([key, v]) => [key.toLowerCase(), v]));
      rows.push(toRow(lower, { file, line: k + 1 }));
      lines.push(k + 1);
    });
  } else {
    const source = await openCsv(path, stdin);
    file = source.file;
    const header = source.header.map((h) => h.trim().toLowerCase());
    const missing = FLAT_COLUMNS.filter((c) => !header.includes(c));
    if (missing.length) {
      throw new ParityError(`not a count table: no ${missing.join(', ')} column`, {
        location: { file, line: 1 },
        hint: `a count table has the columns ${FLAT_COLUMNS.join(',')} (the result of the query \`parity sql\` prints)`,
      });
    }
    for await (const record of source.records) {
      const object = Object.fromEntries(header.map((h, k) => [h, record.values[k] ?? '']));
      rows.push(toRow(object, { file, line: record.line }));
      lines.push(record.line);
    }
  }
  try {
    return unflattenCounts(rows);
  } catch (error) {
    if (!(error instanceof CountRowError)) throw error;
    const m = /^row (\d+): (.*)$/.exec(error.message);
    const line = m ? lines[Number(m[1]) - 1] : undefined;
    throw new ParityError(m ? (m[2] as string) : error.message, { location: line === undefined ? { file } : { file, line } });
  }
}
