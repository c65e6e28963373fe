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
import { displayWidth, padEndColumns } from '../../../src/text/width.js';
import { auditFiles } from '../../helpers/audit.js';
import { ROOT, tempCsv } from '../../helpers/exec.js';
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

  it('measures terminal columns, not characters: Chinese and emoji take two, a combining accent none', () => {
    // 客 服 2 + 2, space 1, │ 1; 🚀 2 (one code point, two UTF-16 units); e + U+0301 1
    expect(visibleWidth('\u001b[1m客服\u001b[22m │')).toBe(6);
    expect(visibleWidth('🚀 team')).toBe(7);
    expect(visibleWidth('Equipe\u0301')).toBe(6);
    // halfwidth Katakana and Hangul are one column each (as terminals and cli-table3 draw them), fullwidth two
    expect(visibleWidth('ｶﾀｶﾅ ﾾ')).toBe(6);
    expect(visibleWidth('カタ')).toBe(4);
  });

  it('wraps words by their terminal columns', () => {
    // 24 columns less the 2 of the prefix: 22 for words. 客服一组 is 8 columns; with the 22 of
    // 技术支持与售后服务部门 after it, 31: a line of its own (by characters, 4 + 1 + 11 = 16, it
    // had joined the first and drawn 33 columns); ok 客服二组 is 2 + 1 + 8 = 11.
    expect(wrap('客服一组 技术支持与售后服务部门 ok 客服二组', 24, '  ')).toBe('  客服一组\n  技术支持与售后服务部门\n  ok 客服二组');
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

describe('values in wide characters', () => {
  it('a --by group and an unknown channel in Chinese: every line fits the width in terminal columns', async () => {
    const path = tempCsv('cjk.csv', [
      'ticket_id,channel,created_at,first_response_at,resolved_at,group',
      '1,phone,2026-10-01T09:00:00Z,2026-10-01T09:10:00Z,2026-10-01T10:00:00Z,客服一组',
      '2,phone,2026-10-01T09:00:00Z,2026-10-01T09:20:00Z,2026-10-01T11:00:00Z,客服一组',
      '3,微信客服,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,2026-10-02T09:00:00Z,客服一组',
      '4,email,2026-10-01T09:00:00Z,2026-10-01T11:00:00Z,2026-10-02T10:00:00Z,技术支持与售后服务部门',
      '5,phone,2026-10-01T09:00:00Z,2026-10-01T09:30:00Z,2026-10-01T12:00:00Z,技术支持与售后服务部门',
      '6,email,2026-10-01T09:00:00Z,2026-10-01T12:00:00Z,2026-10-03T09:00:00Z,技术支持与售后服务部门 🚀',
    ]);
    const report = await auditFiles([path], { asOf: '2026-10-10T00:00:00Z', by: 'group' }, { minSample: 1 });
    // (widths some layout of the grids fits: a value is never cut, so below them the last layout overflows)
    for (const width of [72, 80, 90]) {
      const text = renderTable(report, { color: false, width });
      expect(text).toContain('技术支持与售后服务部门 🚀');
      for (const line of text.split('\n')) expect(displayWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
    }
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

describe('padding to terminal columns', () => {
  it('pads by the columns a value takes, not its UTF-16 length', () => {
    // 客服 is two wide characters: four columns, so two spaces make six; "ab" takes two
    expect(padEndColumns('客服', 6)).toBe('客服  ');
    expect(padEndColumns('ab', 6)).toBe('ab    ');
    // é written as e + a combining accent is one column: five spaces make six
    expect(padEndColumns('e\u0301', 6)).toBe('e\u0301     ');
    // 🚀 (a surrogate pair) is two columns; a value already as wide is left as it is
    expect(padEndColumns('🚀🚀🚀', 6)).toBe('🚀🚀🚀');
  });
});
