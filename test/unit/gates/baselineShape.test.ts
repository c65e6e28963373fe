// A baseline whose numbers no parity run could have written is refused naming the field (exit 2),
// not compared: a median of -5 s had been read as such (phone's change "1h 0m 5s", a ratio over
// it "at least 7200"), and a period end that reads as no date had skipped the check that the
// baseline is earlier than this run, in silence.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadBaseline } from '../../../src/commands/baseline.js';

const channel = (median: number | null, answeredShare: number | null) => ({
  channel: 'phone',
  tickets: 40,
  answeredShare,
  firstResponse: { n: 40, median, bound: null, p90: 7200, ci95: [1800, 5400] },
});

async function load(report: unknown): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'parity-baseline-shape-'));
  writeFileSync(join(dir, 'baseline.json'), JSON.stringify(report));
  return loadBaseline('baseline.json', dir);
}

describe('a baseline is read only when its numbers are ones a report can hold', () => {
  test('a plausible hand-written baseline loads', async () => {
    await expect(load({ schemaVersion: 2, period: { to: '2026-09-30T23:59:59Z' }, channels: [channel(3600, 0.9)] })).resolves.toBeTruthy();
  });

  test('a negative median is refused, naming where it is', async () => {
    await expect(load({ schemaVersion: 2, channels: [channel(-5, 0.9)] })).rejects.toThrow(
      /^the baseline is not a parity report: channels\[0\]\.firstResponse\.median: /,
    );
  });

  test('a share above 1 is refused', async () => {
    await expect(load({ schemaVersion: 2, channels: [channel(3600, 90)] })).rejects.toThrow(/^the baseline is not a parity report: channels\[0\]\.answeredShare: /);
  });

  test('a period end that is no date is refused', async () => {
    await expect(load({ schemaVersion: 2, period: { to: 'garbage' }, channels: [channel(3600, 0.9)] })).rejects.toThrow(
      'the baseline is not a parity report: period.to: not a date and time',
    );
  });
});

describe('a schemaVersion that is no number says it must be the number 2, and how to regenerate the baseline', () => {
  const regenerate =
    'regenerate the baseline with this parity: parity audit <that export> --as-of <its asOf> --format json -o baseline.json (its period.asOf is its as-of time)';

  test('the text "2" (a baseline written by another tool) is not "schemaVersion \\"2\\"; this parity reads schemaVersion 2"', async () => {
    const refused = load({ schemaVersion: '2', channels: [channel(3600, 0.9)] });
    await expect(refused).rejects.toThrow(`the baseline report's schemaVersion is the text "2"; it must be the number 2 (written without quotes), as parity writes it`);
    await expect(refused).rejects.toMatchObject({ hint: regenerate, location: { file: 'baseline.json' } });
  });

  test('the text "1", null and a list are told the same way', async () => {
    await expect(load({ schemaVersion: '1', channels: [] })).rejects.toThrow(`schemaVersion is the text "1"; it must be the number 2`);
    await expect(load({ schemaVersion: null, channels: [] })).rejects.toThrow(`schemaVersion is null; it must be the number 2`);
    await expect(load({ schemaVersion: [2], channels: [] })).rejects.toThrow(`schemaVersion is a list; it must be the number 2`);
  });

  test('the number 2 loads, and another number is still "another schemaVersion"', async () => {
    await expect(load({ schemaVersion: 2, channels: [channel(3600, 0.9)] })).resolves.toBeTruthy();
    await expect(load({ schemaVersion: 3, channels: [] })).rejects.toThrow('the baseline report has schemaVersion 3; this parity reads schemaVersion 2');
  });

  test('an "upper" median, a median past the years parity reads and a channel listed twice are refused (found by an attack)', async () => {
    const upper = { ...channel(3600, 0.9), firstResponse: { n: 40, median: 3600, bound: 'upper', p90: 7200, ci95: [1800, null] } };
    await expect(load({ schemaVersion: 2, channels: [upper] })).rejects.toThrow('the baseline is not a parity report: channels[0].firstResponse.bound: Invalid input: expected "lower"');
    await expect(load({ schemaVersion: 2, channels: [channel(1e308, 0.9)] })).rejects.toThrow(
      'the baseline is not a parity report: channels[0].firstResponse.median: longer than any duration between the years 1 and 9999',
    );
    await expect(load({ schemaVersion: 2, channels: [channel(3600, 0.9), channel(3000, 0.9)] })).rejects.toThrow('the baseline is not a parity report: channels: a channel is listed twice');
    // a lower bound loads
    const lower = { ...channel(3600, 0.4), firstResponse: { n: 40, median: 3600, bound: 'lower', p90: 7200, p90Bound: 'lower', ci95: [1800, null] } };
    await expect(load({ schemaVersion: 2, channels: [lower] })).resolves.toBeTruthy();
  });
});
