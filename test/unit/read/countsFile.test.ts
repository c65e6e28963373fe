/**
 * The number cells of a count table CSV: plain digits are read straight, anything else as
 * decimal text (padding, a sign, a fraction or an exponent) or refused at its file, line and
 * column — the same values whether the fast path or the decimal reading takes a cell.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readCountsFile } from '../../../src/read/countsFile.js';
import { countRows } from '../../../src/measure/counts.js';
import { ParityError } from '../../../src/errors.js';

const HEADER = 'dimension,group,category,priority,metric,seconds,ended,waiting';
const META = ['meta,tickets,,,,,3,0', 'meta,asOf,,,,1000,0,0', 'meta,measured,,,firstResponse,,3,0', 'meta,measured,,,resolution,,0,0'];

async function read(cells: string[]): Promise<{ seconds: number; ended: number; waiting: number }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'parity-counts-file-'));
  const path = join(dir, 'counts.csv');
  writeFileSync(path, [HEADER, ...META, 'rawChannel,Phone,phone,,,,3,0', 'bandChannel,unknown / phone,,,tickets,0,3,0', ...cells].join('\n') + '\n');
  const table = await readCountsFile(path, Readable.from([]));
  return [...countRows(table)].filter((r) => r.metric === 'firstResponse').map((r) => ({ seconds: r.seconds, ended: r.ended, waiting: r.waiting }));
}

describe('count table file: number cells', () => {
  test('digits with leading zeros, padding, a plus sign, a fraction of zero and an exponent read as their values', async () => {
    const rows = await read([
      'bandChannel,unknown / phone,,,firstResponse,0012,1,0',
      'bandChannel,unknown / phone,,,firstResponse, 40 ,+1,0',
      'bandChannel,unknown / phone,,,firstResponse,5e1,0,1.0',
    ]);
    expect(rows).toEqual([
      { seconds: 12, ended: 1, waiting: 0 },
      { seconds: 40, ended: 1, waiting: 0 },
      { seconds: 50, ended: 0, waiting: 1 },
    ]);
  });

  test('a 16-digit count beyond the digit fast path is still read exactly', async () => {
    const rows = await read(['bandChannel,unknown / phone,,,firstResponse,1234567890123456,3,0']);
    expect(rows).toEqual([{ seconds: 1234567890123456, ended: 3, waiting: 0 }]);
  });

  test.each([
    ['0x10', '"0x10" is not a number'],
    ['Infinity', '"Infinity" is not a number'],
    ['1 2', '"1 2" is not a number'],
  ])('seconds %j is refused at its line and column', async (value, message) => {
    const error = await read([`bandChannel,unknown / phone,,,firstResponse,${value},3,0`]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParityError);
    expect((error as ParityError).message).toBe(message);
    expect((error as ParityError).location).toMatchObject({ line: 8, column: 'seconds' });
  });

  test.each([
    ['bandChannel,unknown / Phone', '"unknown / Phone" names no channel parity knows ("Phone")'],
    ['bandChannel,unknown / fax', '"unknown / fax" names no channel parity knows ("fax")'],
    ['bandChannel,unknown / __proto__', '"unknown / __proto__" names no channel parity knows ("__proto__")'],
    ['channel,Phone', '"Phone" names no channel parity knows ("Phone")'],
  ])('a group %j that names a channel parity does not know is refused at its line (its tickets would go unseen)', async (group, message) => {
    const error = await read([`${group},,,tickets,0,3,0`]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParityError);
    expect((error as ParityError).message).toContain(message);
    expect((error as ParityError).location).toMatchObject({ line: 8 });
  });

  test('\\N, ClickHouse\'s NULL in a CSV it writes, is an empty cell in a table an engine exported (found by an independent attack: refused as "not a number")', async () => {
    const rows = await read(['bandChannel,unknown / phone,\\N,\\N,firstResponse,30,3,0', 'meta,note,written by hand,\\N,\\N,\\N,0,0']);
    expect(rows).toEqual([{ seconds: 30, ended: 3, waiting: 0 }]);
    // a count is never NULL: "\N" there is a row cut short
    const error = await read(['bandChannel,unknown / phone,,,firstResponse,30,\\N,0']).catch((e: unknown) => e);
    expect((error as ParityError).message).toContain('no count: every row of a count table has its ended and waiting counts');
  });

  test('a period that runs backwards, or ends after the as-of time, is refused (the as-of time is 1000 here)', async () => {
    const message = async (cells: string[]): Promise<string> => ((await read(cells).catch((e: unknown) => e)) as Error).message;
    expect(await message(['meta,createdFrom,,,,900,0,0', 'meta,createdTo,,,,800,0,0'])).toContain('its "meta,createdFrom" row (900) is after its "meta,createdTo" row (800)');
    expect(await message(['meta,createdFrom,,,,500,0,0', 'meta,createdTo,,,,2000,0,0'])).toContain('its "meta,asOf" row (1000) is before the last ticket was created (2000)');
    // half a second after the as-of time is a table that rounded the as-of time half up: read
    const rows = await read(['meta,createdFrom,,,,500,0,0', 'meta,createdTo,,,,1000.4,0,0', 'bandChannel,unknown / phone,,,firstResponse,60,3,0']);
    expect(rows).toEqual([{ seconds: 60, ended: 3, waiting: 0 }]);
  });
});
