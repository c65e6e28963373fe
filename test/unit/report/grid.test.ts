/**
 * A long grid is drawn in blocks of GRID_BLOCK rows (cli-table3's layout takes time in the square
 * of the rows), at the widest block's column widths, the blocks' inner borders left out. The
 * reference is cli-table3 drawing the whole grid at once in the same style: the text must be the
 * same, character for character. The widest cell of a column sits in the last block only (so a
 * block drawn at its own widths would be narrower), a header has two lines, cells hold wide
 * characters (中文 and an emoji take two columns each, a combining accent none) and colour codes.
 */
import { describe, expect, it } from 'vitest';
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import { grid, GRID_BLOCK } from '../../../src/render/grid.js';

/** cli-table3 drawing every row at once, in the grids' style. */
function whole(head: string[], rows: string[][], color: boolean): string {
  const t = new Table({
    head,
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    chars: color ? {} : { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) t.push(row);
  return t.toString();
}

function blocks(head: string[], rows: string[][], color: boolean): string {
  const g = grid(head, color);
  for (const row of rows) g.push(row);
  return g.toString();
}

const c = new Chalk({ level: 1 });
const head = ['Team', 'Tickets', 'First response\nmedian'];
function rows(n: number, color = false): string[][] {
  return Array.from({ length: n }, (_, k) => [
    k === n - 1 ? 'support 中文 🎧 café résumé (the longest name)' : color && k % 7 === 0 ? c.bold(`team${k}`) : `team${k}`,
    String(k * 13),
    k % 5 === 0 ? '—' : `${k % 24}h ${k % 60}m`,
  ]);
}

describe('grids drawn in blocks', () => {
  it('is the whole grid character for character: several blocks, the widest cell in the last', () => {
    const r = rows(2 * GRID_BLOCK + 57);
    const text = blocks(head, r, false);
    expect(text).toBe(whole(head, r, false));
    // top border, header (2 lines), one line a row, bottom border (no separator line without colour)
    expect(text.split('\n')).toHaveLength(1 + 2 + r.length + 1);
    expect(text.split('\n').at(-2)).toContain('support 中文 🎧 café résumé (the longest name)');
  });

  it('in colour too', () => {
    const r = rows(GRID_BLOCK + 3, true);
    expect(blocks(head, r, true)).toBe(whole(head, r, true));
  });

  it('at the edges of a block: exactly one block, one row more, none', () => {
    for (const n of [0, 1, GRID_BLOCK - 1, GRID_BLOCK, GRID_BLOCK + 1, 2 * GRID_BLOCK]) {
      const r = rows(n);
      expect(blocks(head, r, false), `${n} rows`).toBe(whole(head, r, false));
    }
  });
});
