/**
 * The terminal table fitted to the terminal's width (render/fit.ts): golden files at 80 and 100
 * columns and in full (a pipe, or --wide), from the hand-built sample report. After an intended
 * change run `UPDATE_GOLDEN=1 npx vitest run test/unit/report/table.test.ts`, then review the
 * diff of test/golden/table/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../../src/render/table.js';
import { firstThatFits, visibleWidth, wrap } from '../../../src/render/fit.js';
import { ROOT } from '../../helpers/exec.js';
import { sampleAudit, sampleReport } from './sampleReport.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const DIR = join(ROOT, 'test', 'golden', 'table');

function golden(name: string, actual: string): void {
  const path = join(DIR, name);
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`missing golden ${name}; run with UPDATE_GOLDEN=1 to write it, then review it`);
    mkdirSync(DIR, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('fitting text to a width', () => {
  it('wraps words with a hanging indent, and leaves text whole without a width', () => {
    // 30 columns less the 4 of the prefix: 26 for words; "alpha beta gamma delta" is 22, "+ epsilon" would be 30
    expect(wrap('alpha beta gamma delta epsilon zeta', 30, '  ! ')).toBe('  ! alpha beta gamma delta\n    epsilon zeta');
    expect(wrap('one two three four', undefined, '  ! ')).toBe('  ! one two three four');
  });

  it('measures printed width without colour codes', () => {
    expect(visibleWidth('\u001b[31mred\u001b[39m │')).toBe(5);
  });

  it('takes the first layout that fits, the last when none does, the first without a width', () => {
    const layouts = [() => 'x'.repeat(30), () => 'y'.repeat(20), () => 'z'.repeat(25)];
    expect(firstThatFits(layouts, 22).index).toBe(1);
    expect(firstThatFits(layouts, 10).index).toBe(2);
    expect(firstThatFits(layouts, undefined).index).toBe(0);
  });
});

describe('the audit table in a terminal', () => {
  const report = sampleReport();

  for (const width of [80, 100]) {
    it(`fits ${width} columns: every line at most ${width} wide`, () => {
      const text = renderTable(report, { color: false, width });
      for (const line of text.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(width);
      golden(`sample-${width}.txt`, text);
    });
  }

  it('draws everything in full, unwrapped, without a width (pipes, --wide)', () => {
    const text = renderTable(report, { color: false });
    expect(text).not.toContain('to fit the terminal');
    golden('sample-full.txt', text);
  });
});

describe('the title counts in words that agree with the number', () => {
  it('says "1 ticket", and "(1 row)" where one row made the tickets', () => {
    const audit = sampleAudit();
    const one = { ...audit, input: { ...audit.input, tickets: 1, rowsUsed: 1 } };
    expect(renderTable(one, { color: false }).split('\n')[0]).toMatch(/^parity audit — 1 ticket from /);
    const oneRow = { ...audit, input: { ...audit.input, tickets: 2, rowsUsed: 1 } };
    expect(renderTable(oneRow, { color: false }).split('\n')[0]).toMatch(/^parity audit — 2 tickets \(1 row\) from /);
  });
});
