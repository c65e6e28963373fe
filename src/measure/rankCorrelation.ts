/**
 * The follower rank correlation's numbers (judge/findings/followers.ts judges them): Spearman's
 * rho of follower count against first-response time over every social ticket that has a count,
 * raw and like for like (percentile ranks within category × priority cells). A ticket not yet
 * answered counts with its age at the as-of time as a time still running: the times are put in
 * order by their Gehan scores (stats/spearman.ts censoredMidranks: a waiting ticket is longer
 * than every answer that came within its age, and not ordered against later ones), and Spearman's
 * rho is taken on the ranks of that order (spearman() ranks what it is given), so the customers
 * nobody answered are in the number as they are in the medians. With every ticket answered the
 * order is the times' own and the rho is the classic one.
 *
 * Two steps, so that the second can run on the statistics helper thread (measure/helper.ts):
 * `correlationInput` reads the ticket table into a few typed arrays, `followerCorrelation`
 * works on those arrays alone. Either thread runs the same code, so the numbers are the same.
 */
import { CHANNELS } from '../model.js';
import { ANSWERED, UNANSWERED, followersOf, waitingAge, type TicketTable } from '../normalise/table.js';
import { censoredMidranks, midranks, spearman, type SpearmanResult } from '../stats/spearman.js';
import { MIN_CELL, type CellCodes, type Strata } from './strata.js';

/**
 * What the correlation reads: per counted ticket, its follower count, its first-response seconds
 * (its age at the as-of time while unanswered), whether it was answered, and its cell.
 */
export interface CorrelationInput {
  followers: Float64Array;
  seconds: Float64Array;
  /** 1: answered after `seconds`; 0: still unanswered at the as-of time, `seconds` old. */
  answered: Uint8Array;
  /** Each counted ticket's category × priority cell, and how many cells there are; null without cells. */
  cells: { code: CellCodes; count: number } | null;
}

/** The raw and (with cells) the like-for-like correlation. */
export interface FollowerCorrelation {
  raw: SpearmanResult;
  adjusted: SpearmanResult | null;
  /** Of the tickets counted, how many were answered (none: nothing to rank them by). */
  answered: number;
}

/**
 * The counted tickets of the table (social, with a follower count, answered or still unanswered
 * at `asOf`: the tickets the first-response medians count), read into arrays.
 */
export function correlationInput(table: TicketTable, strata: Strata | null, asOf: number): CorrelationInput {
  const socialCode = CHANNELS.indexOf('social');
  const channel = table.channel;
  const state = table.firstResponseState;
  const counted = (i: number): boolean => channel[i] === socialCode && (state[i] === ANSWERED || state[i] === UNANSWERED) && !Number.isNaN(followersOf(table, i));
  let size = 0;
  for (let i = 0; i < table.size; i++) if (counted(i)) size++;
  const followers = new Float64Array(size);
  const seconds = new Float64Array(size);
  const answered = new Uint8Array(size);
  const code = strata ? new (strata.code.constructor as new (n: number) => CellCodes)(size) : null;
  for (let i = 0, k = 0; i < table.size; i++) {
    if (!counted(i)) continue;
    followers[k] = followersOf(table, i);
    const done = state[i] === ANSWERED;
    seconds[k] = done ? (table.firstResponse[i] as number) : waitingAge(table, i, asOf);
    answered[k] = done ? 1 : 0;
    if (code) code[k] = strata!.code[i] as number;
    k++;
  }
  return { followers, seconds, answered, cells: code && strata ? { code, count: strata.labels.length } : null };
}

/** Spearman's rho raw and, with cells, on percentile ranks within each cell (times ranked with censoring, see the header). */
export function followerCorrelation(input: CorrelationInput): FollowerCorrelation {
  const raw = spearman(input.followers, censoredMidranks(input.seconds, input.answered));
  const cells = input.cells;
  const adjusted = cells
    ? spearman(withinCellPercentiles(cells.code, cells.count, input.followers), withinCellPercentiles(cells.code, cells.count, input.seconds, input.answered))
    : null;
  let answered = 0;
  for (let k = 0; k < input.answered.length; k++) answered += input.answered[k] as number;
  return { raw, adjusted, answered };
}

/**
 * Percentile ranks within cells: value k (in cell `cell[k]`, one of `cells`) becomes its rank
 * among its cell's values / (m + 1) for a cell of m values; NaN in cells with fewer than
 * MIN_CELL values (spearman drops those pairs). With `ended`, values are times some of which are
 * still running (0), ranked within the cell by censoredMidranks.
 */
export function withinCellPercentiles(cell: ArrayLike<number>, cells: number, x: Float64Array, ended?: Uint8Array): Float64Array {
  const n = x.length;
  // the values cell by cell (a counting sort on the cell), each cell's in their order
  const starts = new Uint32Array(cells + 1);
  for (let k = 0; k < n; k++) starts[(cell[k] as number) + 1]!++;
  for (let c = 0; c < cells; c++) starts[c + 1]! += starts[c] as number;
  const fill = starts.slice(0, cells);
  const place = new Uint32Array(n);
  for (let k = 0; k < n; k++) place[fill[cell[k] as number]!++] = k;
  const out = new Float64Array(n).fill(Number.NaN);
  for (let c = 0; c < cells; c++) {
    const s = starts[c] as number;
    const m = (starts[c + 1] as number) - s;
    if (m < MIN_CELL) continue;
    const values = new Float64Array(m);
    for (let r = 0; r < m; r++) values[r] = x[place[s + r] as number] as number;
    let ranks: Float64Array;
    if (ended) {
      const flags = new Uint8Array(m);
      for (let r = 0; r < m; r++) flags[r] = ended[place[s + r] as number] as number;
      ranks = censoredMidranks(values, flags);
    } else ranks = midranks(values);
    for (let r = 0; r < m; r++) out[place[s + r] as number] = (ranks[r] as number) / (m + 1);
  }
  return out;
}
