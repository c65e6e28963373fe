/**
 * The terminal format's grids: cli-table3 draws them, in one style (header cyan and borders grey
 * in colour; compact, one space of padding), and a long grid in blocks (GRID_BLOCK). Drawing only.
 */
import Table from 'cli-table3';

/**
 * Rows a grid gives cli-table3 at once. Its layout looks for row spans by comparing each cell
 * with every cell above it, so its time grows with the square of the rows: a `--by` table of
 * 8,000 values took 13 s of the terminal format's 16 (JSON: 3 s). A longer grid is drawn in
 * blocks of this many rows at the widest block's column widths, and the blocks' lines joined
 * without their inner borders: the same text, in time linear in the rows.
 */
export const GRID_BLOCK = 200;

/** The grids' one style (header cyan and borders grey in colour; compact, one space of padding). */
function gridTable(head: string[], color: boolean, colWidths?: number[]): Table.Table {
  return new Table({
    head,
    ...(colWidths ? { colWidths } : {}),
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    chars: color ? {} : { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}

/** A grid: rows pushed, then drawn by toString() (see GRID_BLOCK). */
export class Grid {
  private readonly rows: string[][] = [];
  constructor(
    private readonly head: string[],
    private readonly color: boolean,
  ) {}
  push(row: string[]): void {
    this.rows.push(row);
  }
  toString(): string {
    const { head, color, rows } = this;
    const block = (from: number, withHead: boolean, colWidths?: number[]): Table.Table => {
      const t = gridTable(withHead ? head : [], color, colWidths);
      for (const row of rows.slice(from, from + GRID_BLOCK)) t.push(row);
      return t;
    };
    if (rows.length <= GRID_BLOCK) return block(0, true).toString();
    // the widths cli-table3 gives each block (with the header, which every block must fit), widest per column
    const widths: number[] = [];
    for (let from = 0; from < rows.length; from += GRID_BLOCK) {
      const t = block(from, true);
      t.toString();
      (t.options.colWidths as number[]).forEach((w, k) => (widths[k] = Math.max(widths[k] ?? 0, w)));
    }
    const lines: string[] = [];
    for (let from = 0; from < rows.length; from += GRID_BLOCK) {
      const drawn = block(from, from === 0, widths).toString().split('\n');
      // the first block keeps its top border and header; the last its bottom border
      lines.push(...drawn.slice(from === 0 ? 0 : 1, from + GRID_BLOCK >= rows.length ? drawn.length : -1));
    }
    return lines.join('\n');
  }
}

export function grid(head: string[], color: boolean): Grid {
  return new Grid(head, color);
}
