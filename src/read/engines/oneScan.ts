/**
 * Many count-table rows from one scan of a layer, for ClickHouse. ClickHouse (release 18 has no
 * CTEs, and later releases inline a CTE at each use) reads a layer once for every place the
 * query names it: the count query written as a union of one branch per dimension, metric and
 * header fact named the tickets' layer 55 times for the demo's columns (1.18 MB of SQL; 3.8 s to
 * parse and plan on an empty table). Here each row of the layer becomes the cells it adds to
 * (`ARRAY JOIN` of parallel arrays, one element per kind of cell, with a flag saying whether the
 * row adds to it), and one GROUP BY sums them: the same cells as the branches, one scan.
 *
 * A header fact that the branches wrote as an aggregate without GROUP BY (`meta,rows`,
 * `meta,negative`…) is a row even over no tickets: such cells are `always`, a row of zeros is
 * added for each, so the sum is there with no ticket too.
 */
import type { Dialect } from './dialects.js';

/** One kind of cell a row of the layer may add to: SQL expressions over the layer's columns. */
export interface ScanCell {
  /** Whether the row adds to this cell (a condition); `1` = every row. */
  keep: string;
  dimension: string;
  group: string;
  category: string;
  priority: string;
  metric: string;
  /** null = no seconds (a header fact). */
  seconds: string | null;
  ended: string;
  waiting: string;
  /** A header fact that is a row even when no row of the layer adds to it (a sum of none: 0). */
  always?: boolean;
  /**
   * `min` / `max`: a header time (the first and last creation time), the least or greatest
   * `seconds` of the rows that add to it (none: no row), rather than a cell of its own per value.
   */
  secondsOf?: 'min' | 'max';
}

/** The typed select list of the flat count table (sql.ts countQuery's `row`). */
export type FlatRow = (dimension: string, group: string, category: string, priority: string, metric: string, seconds: string, ended: string, waiting: string) => string;

const COLUMNS = ['p_keep', 'p_dim', 'p_grp', 'p_cat', 'p_pri', 'p_met', 'p_sec', 'p_e', 'p_w', 'p_agg'] as const;
const AGGREGATE = { min: 1, max: 2 } as const;

/** A condition as 1 or 0 (a NULL condition is 0, as a WHERE reads it). */
function flag(condition: string): string {
  return `toUInt8(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
}

/** The cells of every row of `from` (a FROM item: an inline layer), summed: one branch of the flat union. */
export function oneScan(d: Dialect, from: string, cells: readonly ScanCell[], row: FlatRow): string {
  if (cells.length === 0) throw new Error('oneScan: no cells');
  const text = (expr: string): string => (expr === d.nullText ? d.nullText : d.text(expr));
  const typed = (c: ScanCell): string[] => [
    c.keep === '1' ? 'toUInt8(1)' : flag(c.keep),
    text(c.dimension),
    text(c.group),
    text(c.category),
    text(c.priority),
    text(c.metric),
    c.seconds === null ? d.double('NULL') : d.double(c.seconds),
    `toInt64(${c.ended})`,
    `toInt64(${c.waiting})`,
    `toUInt8(${c.secondsOf ? AGGREGATE[c.secondsOf] : 0})`,
  ];
  const arrays = (list: readonly ScanCell[], value: (c: ScanCell) => string[]): string =>
    COLUMNS.map((name, k) => `  [${list.map((c) => value(c)[k]).join(', ')}] AS ${name}`).join(',\n');
  const picked = COLUMNS.slice(1).join(', ');
  const scan = [`SELECT ${picked}`, `FROM ${from}`, `ARRAY JOIN`, arrays(cells, typed), `WHERE p_keep = 1`].join('\n');
  const always = cells.filter((c) => c.always);
  // (system.one: ClickHouse's table of one row, what a SELECT without FROM reads)
  const zeros = always.length
    ? `\nUNION ALL\n${[`SELECT ${picked}`, `FROM system.one`, `ARRAY JOIN`, arrays(always, (c) => typed({ ...c, keep: '1', ended: '0', waiting: '0' }))].join('\n')}`
    : '';
  // a cell is grouped by its seconds; a header time by its kind alone, its seconds the least or greatest
  const seconds = `multiIf(p_agg = ${AGGREGATE.min}, min(p_sec), p_agg = ${AGGREGATE.max}, max(p_sec), any(p_sec))`;
  return [
    row('p_dim', 'p_grp', 'p_cat', 'p_pri', 'p_met', seconds, d.sum('p_e'), d.sum('p_w')),
    `FROM (\n${indent(scan + zeros)}\n)`,
    `GROUP BY p_dim, p_grp, p_cat, p_pri, p_met, p_agg, if(p_agg = 0, p_sec, ${d.double('NULL')})`,
  ].join('\n');
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}
