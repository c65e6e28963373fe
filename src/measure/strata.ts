/**
 * Like-for-like cells: every ticket gets the code of its category × priority cell, so the judge
 * can compare two groups within tickets of the same kind and combine the cells (Van Elteren,
 * stratified log-rank). One pass over the dictionary codes; no per-ticket objects.
 */
import type { CodeColumn, TicketTable } from '../normalise/table.js';

/**
 * Fewest tickets of each group a cell needs to enter the like-for-like view (compare.ts), and
 * fewest tickets of a cell ranked within it (the follower rank correlation, rankCorrelation.ts).
 * Five is where the Price–Bonett spread (read from the sample's extremes at this size) still
 * covers about 95%: [x_(1), x_(5)] covers the median with probability 1 − 2/2⁵ = 0.94; with
 * three it is 0.75.
 */
export const MIN_CELL = 5;

/** Which ticket fields define a cell. */
export type StratumField = 'category' | 'priority';

/** Each ticket's cell: a dense code 0..labels.length−1, with a readable label per code. */
export interface Strata {
  /** Fields the cells are made of, in label order. */
  by: StratumField[];
  /** Cell code of ticket i (one byte a ticket up to 256 possible cells, two up to 65,536). */
  code: CellCodes;
  /** Label of each cell, e.g. `Billing / high`; a missing value reads `(no category)`. */
  labels: string[];
  /** Each cell's values where two cells share a label (CellLayout.keys, measure/source.ts). */
  keys?: string[];
}

/** Cells already worked out, per table and fields (the channel comparisons, the journeys and the follower test each ask). */
const made = new WeakMap<TicketTable, Map<string, Strata | null>>();

/**
 * Cells of `by` over the whole table. Fields with no value on any ticket are left out; null
 * when fewer than two cells remain (nothing to stratify by). Worked out once per table and
 * fields: a table does not change once built.
 */
export function strataOf(table: TicketTable, by: readonly StratumField[]): Strata | null {
  let perTable = made.get(table);
  if (!perTable) {
    perTable = new Map();
    made.set(table, perTable);
  }
  const key = by.join(',');
  if (perTable.has(key)) return perTable.get(key) as Strata | null;
  const strata = cellsOf(table, by);
  perTable.set(key, strata);
  return strata;
}

/** Cell codes of the tickets: the narrowest unsigned array their number allows (`Int32Array` beyond 65,536). */
export type CellCodes = Uint8Array | Uint16Array | Int32Array;

/** Largest product of dictionary sizes looked up in a flat array rather than a Map (16 MiB of Int32). */
const FLAT_KEYS = 1 << 22;

function cellsOf(table: TicketTable, by: readonly StratumField[]): Strata | null {
  const fields = by.filter((field) => {
    const column = table[field];
    for (let i = 0; i < table.size; i++) if ((column[i] as number) >= 0) return true;
    return false;
  });
  if (fields.length === 0) return null;
  const n = table.size;
  // A cell key from the dictionary codes (each shifted by one so "no value", −1, becomes 0):
  // key = (((c1 + 1) · size2 + c2 + 1) · size3 + …), at most the product of the sizes.
  const sizes = fields.map((f) => table.dictionaries[f].size + 1);
  const span = sizes.reduce((a, b) => a * b, 1);
  // the cells are at most the product of the fields' dictionary sizes: codes in as few bytes as that allows
  const code: CellCodes = span <= 256 ? new Uint8Array(n) : span <= 65_536 ? new Uint16Array(n) : new Int32Array(n);
  const labels: string[] = [];
  const label = (i: number): string =>
    fields.map((f) => table.dictionaries[f].valueOf(table[f][i] as number) ?? `(no ${f})`).join(' / ');
  if (span <= FLAT_KEYS && fields.length <= 2) {
    // each ticket's key made as it is read (no column of keys, 8 bytes a ticket) and looked up flat
    const dense = new Int32Array(span).fill(-1);
    if (fields.length === 1) numberOne(table[fields[0]!], code, dense, labels, label);
    else numberTwo(table[fields[0]!], table[fields[1]!], sizes[1]!, code, dense, labels, label);
  } else {
    const keys = new Float64Array(n);
    for (let k = 0; k < fields.length; k++) addDigit(keys, table[fields[k]!], sizes[k]!);
    const dense = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const key = keys[i] as number;
      let c = dense.get(key);
      if (c === undefined) {
        c = labels.length;
        dense.set(key, c);
        labels.push(label(i));
      }
      code[i] = c;
    }
  }
  if (labels.length < 2) return null;
  return { by: fields, code, labels, ...(new Set(labels).size < labels.length ? { keys: cellKeys(table, fields, code, labels.length) } : {}) };
}

/**
 * Each cell's values as JSON (null for none), as a count table keys its cells
 * (countGroups.ts layout): read off the first ticket of each cell. Made only when two cells
 * share a label, where it orders them alike from both producers.
 */
function cellKeys(table: TicketTable, fields: readonly StratumField[], code: CellCodes, cells: number): string[] {
  const keys = new Array<string>(cells);
  let left = cells;
  for (let i = 0; i < code.length && left > 0; i++) {
    const c = code[i] as number;
    if (keys[c] !== undefined) continue;
    keys[c] = JSON.stringify(fields.map((f) => table.dictionaries[f].valueOf(table[f][i] as number)));
    left--;
  }
  return keys;
}

/*
 * The passes over every ticket sit in functions of their own (see src/stats/tally.ts: a long
 * loop followed by more code deoptimises when it ends).
 */

/** keys[i] = keys[i] · size + column[i] + 1: one more field in each ticket's cell key. */
function addDigit(keys: Float64Array, column: CodeColumn, size: number): void {
  for (let i = 0; i < keys.length; i++) keys[i] = (keys[i] as number) * size + (column[i] as number) + 1;
}

/** code[i]: the cell of the one-field key column[i] + 1, numbered in order of first appearance through the flat `dense` lookup. */
function numberOne(column: CodeColumn, code: CellCodes, dense: Int32Array, labels: string[], label: (i: number) => string): void {
  for (let i = 0; i < code.length; i++) code[i] = cellOf(dense, (column[i] as number) + 1, i, labels, label);
}

/** numberOne of the two-field key (a[i] + 1) · bSize + b[i] + 1. */
function numberTwo(a: CodeColumn, b: CodeColumn, bSize: number, code: CellCodes, dense: Int32Array, labels: string[], label: (i: number) => string): void {
  for (let i = 0; i < code.length; i++) code[i] = cellOf(dense, ((a[i] as number) + 1) * bSize + (b[i] as number) + 1, i, labels, label);
}

/** The cell numbered for `key` (ticket i's), numbering it now when it is new. */
function cellOf(dense: Int32Array, key: number, i: number, labels: string[], label: (i: number) => string): number {
  let c = dense[key] as number;
  if (c < 0) {
    c = labels.length;
    dense[key] = c;
    labels.push(label(i));
  }
  return c;
}

/**
 * Splits `indices` by cell: returns the cell codes present and, for each, the ticket indices
 * (a counting sort, O(n + cells)).
 */
export function splitByStratum(strata: Strata, indices: ArrayLike<number>): Map<number, Uint32Array> {
  const counts = new Uint32Array(strata.labels.length);
  for (let k = 0; k < indices.length; k++) counts[strata.code[indices[k] as number] as number]!++;
  const out = new Map<number, Uint32Array>();
  const fill = new Uint32Array(strata.labels.length);
  for (let c = 0; c < counts.length; c++) if ((counts[c] as number) > 0) out.set(c, new Uint32Array(counts[c] as number));
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const c = strata.code[i] as number;
    (out.get(c) as Uint32Array)[fill[c]!++] = i;
  }
  return out;
}
