// The terminal's status line: drawn over itself, cleared before any other line and at the end,
// never drawn when standard error is not a terminal.
import { describe, expect, test } from 'vitest';
import { CLEAR_LINE, StatusLine } from '../../src/text/statusLine.js';

function terminal(tty = true) {
  let out = '';
  const line = new StatusLine((t) => (out += t), () => tty);
  return { line, out: () => out };
}

describe('status line', () => {
  test('a warning after a progress line starts on a clean line; the next progress is drawn again', () => {
    const t = terminal();
    t.line.show('reading a.csv: 10%');
    t.line.show('reading a.csv: 20%');
    t.line.line('parity: 3 rows rejected\n');
    t.line.show('reading a.csv: 30%');
    expect(t.out()).toBe(`${CLEAR_LINE}reading a.csv: 10%${CLEAR_LINE}reading a.csv: 20%${CLEAR_LINE}parity: 3 rows rejected\n${CLEAR_LINE}reading a.csv: 30%`);
  });

  test('clear (an error, Ctrl-C, the end) takes the progress text away once; with nothing drawn it writes nothing', () => {
    const t = terminal();
    t.line.clear();
    t.line.line('parity: no such file\n');
    expect(t.out()).toBe('parity: no such file\n');
    t.line.show('counting: 3 s');
    t.line.clear();
    t.line.clear();
    t.line.show(null);
    expect(t.out()).toBe(`parity: no such file\n${CLEAR_LINE}counting: 3 s${CLEAR_LINE}`);
  });

  test('not a terminal: no status is drawn and nothing is cleared, lines are written as they are', () => {
    const t = terminal(false);
    t.line.show('reading a.csv: 10%');
    t.line.line('parity: warning\n');
    t.line.clear();
    expect(t.out()).toBe('parity: warning\n');
  });
});
