/**
 * A --by value wider than the terminal is shortened in the table (render/fit.ts shortenDistinct,
 * text/width.ts), kept distinct, and a line under the table says so.
 *
 * shortenDistinct(labels, 10), worked by hand:
 *   "Support"                (7 columns)  fits: kept whole
 *   "abcdefghijklmnop"       (16)         → 9 columns + …: "abcdefghi…"
 *   "Customer EMEA" / "Customer APAC" (13 each): both cut to "Customer …", equal; the end kept
 *     starts at a third of the room (3 columns): head 10 − 1 − 3 = 6 → "Custom…" + "MEA" /
 *     "PAC": "Custom…MEA", "Custom…PAC", distinct.
 *   "xxxxxxxxxxxx1x" / "xxxxxxxxxxxx2x" (14): the ends agree up to 3 columns ("2x" vs "1x" differ
 *     at 2): tail 3 gives "xxxxxx…x1x" / "xxxxxx…x2x".
 *   "aaaaaaaaaaaaaaaa1" vs "aaaaaaaaaaaaaaaa2": tail 3 "aa1"/"aa2": "aaaaaa…aa1" / "aaaaaa…aa2".
 *   Labels that differ only in the middle (ends equal even at 8 columns): numbered, "(1)", "(2)"
 *     in the order given, head 10 − 1 − 3 = 6: "mmmmmm…(1)", "mmmmmm…(2)".
 *   Chinese: "客服中心华东区域" is 16 columns (two a character); cut to 5: head of 4 columns
 *     "客服" + "…" (truncateColumns).
 *
 * The table of fixtures/by/long-values.csv at 100 columns: layout 1 (no answered share, no CIs)
 * has columns of content + 2 padding and 7 bars: region L+2, Tickets 9, "First response" 16,
 * "vs Support" 13 ("2.5× slower" is 11), "Resolution" 12, vs 13: L + 72 columns, so L = 28:
 * 26 for a label and 2 for " ·" (untested). Layout 0 needs L + 115: no room. Labels cut to 26:
 * the two long values (112 columns) share their first 25 and their last 1… so: tail
 * floor(26 / 3) = 8 "ion EMEA" / "ion APAC", head 26 − 1 − 8 = 17 "Customer operatio".
 */
import { describe, expect, it } from 'vitest';
import { shortenDistinct } from '../../../src/render/fit.js';
import { truncateColumns, displayWidth } from '../../../src/text/width.js';
import { auditFiles } from '../../helpers/audit.js';
import { fixture } from '../../helpers/exec.js';
import { loadRenderer } from '../../../src/render/index.js';

describe('shortenDistinct', () => {
  it('keeps what fits and cuts the rest with …', () => {
    expect(shortenDistinct(['Support', 'abcdefghijklmnop'], 10)).toEqual({ labels: ['Support', 'abcdefghi…'], shortened: 1 });
  });

  it('keeps labels apart by their ends when the cut would make them equal', () => {
    expect(shortenDistinct(['Customer EMEA', 'Customer APAC'], 10).labels).toEqual(['Custom…MEA', 'Custom…PAC']);
    expect(shortenDistinct(['xxxxxxxxxxxx1x', 'xxxxxxxxxxxx2x'], 10).labels).toEqual(['xxxxxx…x1x', 'xxxxxx…x2x']);
    expect(shortenDistinct(['aaaaaaaaaaaaaaaa1', 'aaaaaaaaaaaaaaaa2'], 10).labels).toEqual(['aaaaaa…aa1', 'aaaaaa…aa2']);
  });

  it('numbers labels whose ends are equal too', () => {
    const a = `${'m'.repeat(12)}A${'z'.repeat(12)}`;
    const b = `${'m'.repeat(12)}B${'z'.repeat(12)}`;
    expect(shortenDistinct([a, b], 10).labels).toEqual(['mmmmmm…(1)', 'mmmmmm…(2)']);
  });

  it('counts terminal columns, not UTF-16 units', () => {
    expect(displayWidth('客服中心华东区域')).toBe(16);
    expect(truncateColumns('客服中心华东区域', 5)).toBe('客服…');
    expect(truncateColumns('客服中心华东区域', 16)).toBe('客服中心华东区域');
  });
});

describe('the by table in a terminal', () => {
  it('shortens a value wider than the room a layout leaves, and says so', async () => {
    const report = await auditFiles([fixture('by', 'long-values.csv')], { by: 'Region' });
    const table = (await loadRenderer('table', 'audit'))(report, { color: false, width: 100 });
    const section = table.slice(table.indexOf('By Region'), table.indexOf('Findings'));
    for (const line of section.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(100);
    expect(section).toContain('│ Customer operatio…ion EMEA · │ 2 ');
    expect(section).toContain('│ Customer operatio…ion APAC · │ 1 ');
    expect(section.replace(/\n/g, ' ')).toContain('(2 Region values shortened with … to fit the terminal; --wide, --format csv or --format json show them in full)');
  });

  it('draws values in full without a width (a pipe, a file, --wide)', async () => {
    const report = await auditFiles([fixture('by', 'long-values.csv')], { by: 'Region' });
    const table = (await loadRenderer('table', 'audit'))(report, { color: false });
    expect(table).toContain(`│ Customer operations enterprise accounts ${'x'.repeat(60)} region EMEA · │`);
    expect(table).not.toContain('shortened');
  });
});
