/**
 * One date order for the whole audit (formats/dateOrder.ts; found by an independent attack:
 * `03/04/2026` was 3 April in one file and 4 March in the next). Expected dates from the calendar.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../helpers/audit.js';

const HEAD = 'ticket_id,channel,created_at,first_response_at';
const dir = mkdtempSync(join(tmpdir(), 'parity-date-order-'));
function file(name: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[HEAD, ...rows].join('\n')}\n`);
  return path;
}

// settles day-first: 13/04 has a day over 12
const settledDayFirst = file('settled.csv', ['B1,phone,13/04/2026 09:00,13/04/2026 10:00', 'B2,phone,03/04/2026 09:00,03/04/2026 10:00']);
// settles nothing: every part 12 or under (read month-first when alone)
const ambiguous = file('ambiguous.csv', ['A1,phone,03/04/2026 09:00,03/04/2026 10:00', 'A2,phone,05/06/2026 09:00,05/06/2026 11:00']);

describe('one date order for the whole audit', () => {
  it('alone, a file that settles nothing is read month-first (the default): 05/06/2026 is 6 May', async () => {
    const report = await auditFiles([ambiguous]);
    expect([report.period.from, report.period.to]).toEqual(['2026-03-04T09:00:00.000Z', '2026-05-06T09:00:00.000Z']);
  });

  it('after a file that settled day-first, it is read day-first too: 03/04/2026 is 3 April in both', async () => {
    const report = await auditFiles([settledDayFirst, ambiguous]);
    // B2 and A1 (03/04) are 3 April, B1 13 April, A2 (05/06) 5 June
    expect([report.period.from, report.period.to]).toEqual(['2026-04-03T09:00:00.000Z', '2026-06-05T09:00:00.000Z']);
    expect(report.input.rowsRejected).toBe(0);
  });

  it('a file that settles the order against an earlier guess stops the run, naming both files', async () => {
    await expect(auditFiles([ambiguous, settledDayFirst])).rejects.toThrow(
      /settled\.csv writes its dates day-first \(DD\/MM\) \(column created_at\), but .*ambiguous\.csv was read month-first \(MM\/DD\) because no date in its first rows has a part over 12/,
    );
  });

  it('two files that each settle their own order keep them (each proven by its values)', async () => {
    const monthFirst = file('month-first.csv', ['C1,phone,04/13/2026 09:00,04/13/2026 10:00', 'C2,phone,04/14/2026 09:00,04/14/2026 10:00']);
    const report = await auditFiles([settledDayFirst, monthFirst]);
    expect([report.period.from, report.period.to]).toEqual(['2026-04-03T09:00:00.000Z', '2026-04-14T09:00:00.000Z']);
  });

  it('dash dates are day-first whatever a slash file settled: they are read, not rejected (found by a second attack)', async () => {
    const us = file('us.csv', ['U1,phone,07/13/2026 09:00,07/13/2026 10:00']);
    const dash = file('dash.csv', ['D1,phone,01-07-2026 09:00,01-07-2026 10:00', 'D2,email,03-07-2026 09:00,04-07-2026 09:00']);
    const report = await auditFiles([us, dash]);
    // U1 13 July (month-first, settled); D1 1 July and D2 3 July (day-first dashes)
    expect([report.input.rowsRead, report.input.rowsRejected]).toEqual([3, 0]);
    expect([report.period.from, report.period.to]).toEqual(['2026-07-01T09:00:00.000Z', '2026-07-13T09:00:00.000Z']);
  });
});

/**
 * A file whose dates never say their order is read in the default one, and the report says so
 * (found by an attack: a week of day-first dates, 05/01/2026 to 11/01/2026, was read as May to
 * November without a word, a next-day resolution as a month). Expected by hand:
 * - `03/04/2026 09:00` month-first is 4 March 2026; the dateFormat that reads it day-first is
 *   `dd/MM/yyyy HH:mm` (two-digit day and month, four-digit year, 24-hour time, no seconds);
 * - `01-07-2026 09:00` (dashes, day-first by default) is 1 July 2026; the other order's format
 *   is `MM-dd-yyyy HH:mm`.
 */
describe('a date order no value settled is said in the notes', () => {
  it('alone, the ambiguous file has a note naming both columns, the order taken, an example and the dateFormat for the other order', async () => {
    const report = await auditFiles([ambiguous]);
    expect(report.input.notes).toContain(
      `${ambiguous}: no date in columns "created_at" and "first_response_at" has a day over 12 in the rows sampled, so which comes first, the day or the month, is not known: the dates are read month-first (MM/DD), the default: "03/04/2026 09:00" is read as 4 March 2026. If the export writes the day first, every date and duration is misread: set "dateFormat": "dd/MM/yyyy HH:mm" in the config`,
    );
  });

  it('no note when the file settles its order, or an earlier file settled it', async () => {
    for (const files of [[settledDayFirst], [settledDayFirst, ambiguous]]) {
      const report = await auditFiles(files);
      expect(report.input.notes.filter((n) => n.includes('has a day over 12'))).toEqual([]);
    }
  });

  it('dash dates taken day-first by default say so, with the month-first dateFormat', async () => {
    const dashOnly = file('dash-only.csv', ['D1,phone,01-07-2026 09:00,01-07-2026 10:00', 'D2,email,03-07-2026 09:00,04-07-2026 09:00']);
    const report = await auditFiles([dashOnly]);
    expect(report.input.notes).toContain(
      `${dashOnly}: no date in columns "created_at" and "first_response_at" has a day over 12 in the rows sampled, so which comes first, the day or the month, is not known: the dates are read day-first (DD-MM), the default: "01-07-2026 09:00" is read as 1 July 2026. If the export writes the month first, every date and duration is misread: set "dateFormat": "MM-dd-yyyy HH:mm" in the config`,
    );
  });

  it('a dash date that is valid only month-first stops the run naming the dateFormat, never one row rejected while the rest are read with day and month swapped (found by an attack)', async () => {
    // October dates written month-first; only `10-31-2026` proves it (31 cannot be a month).
    // It had been rejected as bad-created while 10-01 … 10-12 were read as 10 January … 10
    // December: a next-day answer as a month, with no note.
    const rows: string[] = [];
    for (let d = 1; d <= 12; d++) {
      const dd = String(d).padStart(2, '0');
      rows.push(`P${dd},phone,10-${dd}-2026 09:00,10-${dd}-2026 10:00`);
    }
    rows.push('P31,phone,10-31-2026 09:00,10-31-2026 10:00');
    const monthFirst = file('dash-month-first.csv', rows);
    const error = await auditFiles([monthFirst]).then(
      () => null,
      (e: unknown) => e as { message: string; location?: { line?: number } },
    );
    expect(error?.message).toMatch(/^"10-31-2026 09:00" is a date only month-first/);
    expect(error?.location?.line).toBe(14);
    expect(JSON.stringify(error)).toContain('MM-dd-yyyy HH:mm');
  });

  it('a dash column whose every date is valid only month-first stops at its first row too, beside ISO creation times or alone (found by a review)', async () => {
    // had been: every first response "cannot read" (exit 0, no hint), or "no usable tickets"
    const beside = join(dir, 'dash-beside-iso.csv');
    writeFileSync(beside, 'ticket_id,channel,created_at,first_response_at\nT1,phone,2026-10-31T09:00:00Z,10-31-2026 10:00\nT2,email,2026-10-20T09:00:00Z,10-20-2026 11:00\n');
    const alone = join(dir, 'dash-alone.csv');
    writeFileSync(alone, 'ticket_id,channel,created_at,first_response_at\nT1,phone,10-31-2026 09:00,10-31-2026 10:00\nT2,email,11-20-2026 09:00,11-20-2026 11:00\n');
    for (const [file, text] of [[beside, '10-31-2026 10:00'], [alone, '10-31-2026 09:00']] as const) {
      const error = await auditFiles([file]).then(
        () => null,
        (e: unknown) => e as { message: string; location?: { line?: number }; hint?: string },
      );
      expect(error?.message).toBe(
        `"${text}" is a date only month-first (MM-DD), but the column was read day-first (DD-MM) because parity reads dates written with dashes day-first unless a dateFormat says otherwise: either the column is month-first and every date in it may have been read the wrong way round, or this value is a mistake`,
      );
      expect(error?.location?.line).toBe(2);
      expect(error?.hint).toContain('"dateFormat": "MM-dd-yyyy HH:mm" if the export is month-first');
    }
  });

  it('a dateFormat in the config is taken for a dash column that mixes orders: the rows it cannot read are rejected, as the stop\'s hint says (found by a review)', async () => {
    const mixed = join(dir, 'dash-mixed.csv');
    writeFileSync(mixed, 'ticket_id,channel,created_at,first_response_at\nT1,phone,31-10-2026 09:00,31-10-2026 10:00\nT2,phone,10-30-2026 09:00,10-30-2026 10:00\nT3,phone,01-11-2026 09:00,01-11-2026 10:00\n');
    // day-first: 31 October and 1 November read, 10-30 rejected
    const dayFirst = await auditFiles([mixed], {}, { dateFormat: 'dd-MM-yyyy HH:mm', minSample: 1 });
    expect([dayFirst.input.rowsUsed, dayFirst.period.from, dayFirst.period.to]).toEqual([2, '2026-10-31T09:00:00.000Z', '2026-11-01T09:00:00.000Z']);
    // month-first: 30 October and 11 January read, 31-10 rejected
    const monthFirst = await auditFiles([mixed], {}, { dateFormat: 'MM-dd-yyyy HH:mm', minSample: 1 });
    expect([monthFirst.input.rowsUsed, monthFirst.period.from, monthFirst.period.to]).toEqual([2, '2026-01-11T09:00:00.000Z', '2026-10-30T09:00:00.000Z']);
  });
});
