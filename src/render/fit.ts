/**
 * Fitting the table output to a terminal: a grid is drawn in the first of its layouts (full,
 * then with secondary columns dropped, then stacked as two grids) whose every line fits the
 * width, and prose (finding sentences, notes) is word-wrapped with a hanging indent. Without a
 * width (a pipe, a file, `--wide`) everything is drawn in full, unwrapped, so scripts that grep
 * the output see whole lines. Formatting only: the cells come from the renderer.
 *
 * Widths are terminal columns (text/width.ts), not characters: a `--by` value in Chinese or with
 * an emoji takes two columns a character, a combining accent none. cli-table3 pads its cells by
 * the same count (string-width) for those, so the grid it draws and the width measured here agree.
 */
import { displayWidth, headColumns, tailColumns, truncateColumns } from '../text/width.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Printed width of a line in terminal columns (colour codes take no room; the table's characters are one column each). */
export function visibleWidth(line: string): number {
  return displayWidth(line.replace(ANSI, ''));
}

/** The widest line of a block of text. */
export function blockWidth(text: string): number {
  return Math.max(0, ...text.split('\n').map(visibleWidth));
}

/**
 * The first layout whose drawing fits `width` (each layout draws one block of text); the last
 * layout when none fits, every layout's first when there is no width.
 */
export function firstThatFits(layouts: ReadonlyArray<() => string>, width: number | undefined): { text: string; index: number } {
  const first = layouts[0];
  if (!first) return { text: '', index: -1 };
  if (width === undefined) return { text: first(), index: 0 };
  for (let k = 0; k < layouts.length; k++) {
    const text = (layouts[k] as () => string)();
    if (blockWidth(text) <= width || k === layouts.length - 1) return { text, index: k };
  }
  return { text: first(), index: 0 };
}

/**
 * Word-wraps `text` to `width` columns: the first line starts with `prefix`, continuation lines
 * with as many spaces. A word longer than a line is left whole. No width: the text unchanged.
 */
export function wrap(text: string, width: number | undefined, prefix = ''): string {
  const indent = ' '.repeat(visibleWidth(prefix));
  if (width === undefined) return `${prefix}${text}`;
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      if (line === '') line = word;
      else if (visibleWidth(line) + 1 + visibleWidth(word) <= room) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines.map((l, k) => `${k === 0 ? prefix : indent}${l}`).join('\n');
}

/**
 * Labels cut to at most `columns` terminal columns each (`…` where cut), kept apart: labels that
 * the cut would make equal keep a third of the room or more of their ends, as much as tells them apart (`Customer servi…EMEA`,
 * `Customer servi…APAC`), or, when their ends are equal too, a number (`Customer servi…(2)`, in
 * the order given). Labels that fit are kept whole. `shortened` counts the labels cut.
 */
export function shortenDistinct(labels: readonly string[], columns: number): { labels: string[]; shortened: number } {
  const out = labels.map((label) => truncateColumns(label, columns));
  const shortened = out.filter((label, k) => label !== labels[k]).length;
  if (shortened === 0) return { labels: out, shortened };
  const taken = (): Map<string, number[]> => {
    const at = new Map<string, number[]>();
    out.forEach((label, k) => at.set(label, [...(at.get(label) ?? []), k]));
    return at;
  };
  for (const clash of taken().values()) {
    const cut = clash.filter((k) => out[k] !== labels[k]);
    if (clash.length < 2 || cut.length === 0) continue;
    const others = new Set(out.filter((_, k) => !clash.includes(k)));
    let settled = false;
    // an end of a third of the room at least (one letter would tell them apart, not a reader),
    // longer while the labels need it
    for (let tail = Math.max(1, Math.floor(columns / 3)); tail <= columns - 2 && !settled; tail++) {
      const tried = cut.map((k) => `${headColumns(labels[k] as string, columns - 1 - tail)}…${tailColumns(labels[k] as string, tail)}`);
      const whole = clash.filter((k) => !cut.includes(k)).map((k) => out[k] as string);
      const all = [...tried, ...whole];
      if (new Set(all).size === all.length && !all.some((label) => others.has(label))) {
        cut.forEach((k, j) => (out[k] = tried[j] as string));
        settled = true;
      }
    }
    if (!settled) {
      cut.forEach((k, j) => {
        const number = `(${j + 1})`;
        out[k] = `${headColumns(labels[k] as string, Math.max(0, columns - 1 - number.length))}…${number}`;
      });
    }
  }
  return { labels: out, shortened };
}
