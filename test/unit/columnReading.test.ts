// How a column is read: the date order, numbers that are no Unix time, a header named twice.
//
// One date order per file: only first_response_at has a day above 12 (13/04), so the file is
// day-first, created_at too. Read month-first, P1's 03/04 would be created on 4 March and
// answered on 3 April (30 days), and P2's and E1's answers would come "before" their creation.
// By hand, day-first: P1 10:00 → 11:00 (1h), P2 5 April 10:00 → 13 April 10:00 (8d), E1 30 min.
import { expect, test } from 'vitest';
import { auditFiles } from '../helpers/audit.js';
import { tempCsv } from '../helpers/exec.js';
import { ParityError } from '../../src/errors.js';

test('an ambiguous date column takes the order another column of the file proves', async () => {
  const path = tempCsv('dates.csv', [
    'ticket_id,channel,created_at,first_response_at,resolved_at,status',
    'P1,phone,03/04/2026 10:00,03/04/2026 11:00,03/04/2026 12:00,solved',
    'P2,phone,05/04/2026 10:00,13/04/2026 10:00,14/04/2026 10:00,solved',
    'E1,email,06/04/2026 10:00,06/04/2026 10:30,06/04/2026 11:00,solved',
  ]);
  const report = await auditFiles([path], {}, { minSample: 1 });
  expect(report.input.dataQuality).toEqual([]);
  // phone: 1h and 8d, median the midpoint (S = 1/2 between them): (3600 + 691200) / 2
  expect(report.channels.map((c) => [c.channel, c.firstResponse.median])).toEqual([['phone', (3600 + 8 * 86400) / 2], ['email', 1800]]);
});

// A column whose first rows leave the order open (no day over 12) is read month-first by default.
// A later date that can only be day-first means every date before it may have been read the wrong
// way round (01/03 as 3 January, a 2-hour reply as 30 days: found by an independent review), so the
// run stops, naming the file, line, column and value, and the dateFormat that says the order.
function ambiguousThen(rows: number, last: string): { path: string; line: number } {
  const lines = ['ticket_id,channel,created_at,first_response_at'];
  for (let i = 0; i < rows; i++) lines.push(`A${i},phone,01/03/2026 23:00,02/03/2026 01:00`);
  lines.push(last);
  return { path: tempCsv('ambiguous.csv', lines), line: lines.length };
}

test('a date that reads only the other way than the default order stops the run, with its place and the fix', async () => {
  const { path, line } = ambiguousThen(600, 'B1,email,13/03/2026 23:00,14/03/2026 01:00');
  const error = await auditFiles([path]).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ParityError);
  const e = error as ParityError;
  expect(e.location).toEqual({ file: path, line, column: 'created_at' });
  expect(e.message).toBe('"13/03/2026 23:00" is a date only day-first (DD/MM), but the column was read month-first (MM/DD) because no date in its first rows has a day over 12: either the column is day-first and every date in it may have been read the wrong way round, or this value is a mistake');
  expect(e.hint).toBe('say the order in the config: "dateFormat": "dd/MM/yyyy HH:mm" if the export is day-first, or "MM/dd/yyyy HH:mm" if it is month-first (this row is then rejected); then run again');
});

test('a value that is a date in neither order is only a bad row, and a sampled one settles nothing (found by a review)', async () => {
  // 31/02 is no date day-first either: rejected, the run goes on
  const { path } = ambiguousThen(600, 'B1,email,31/02/2026 23:00,14/03/2026 01:00');
  const report = await auditFiles([path]);
  expect(report.input.rowsRejected).toBe(1);
  expect(report.input.dataQuality[0]?.kind).toBe('bad-created');
  // 31/31/2026 among the sampled values proves no order: a later 13/03/2026 still stops the run
  const lines = ['ticket_id,channel,created_at,first_response_at', 'G1,phone,01/03/2026 23:00,31/31/2026 01:00'];
  for (let i = 0; i < 600; i++) lines.push(`A${i},phone,01/03/2026 23:00,02/03/2026 01:00`);
  lines.push('B1,email,13/03/2026 23:00,14/03/2026 01:00');
  const error = await auditFiles([tempCsv('garbage.csv', lines)]).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ParityError);
  expect((error as ParityError).location?.line).toBe(lines.length);
});

test('following the hint reads the dates: a two-digit year in dateFormat is this century (26 is 2026, not 1926)', async () => {
  const path = tempCsv('yy.csv', ['ticket_id,channel,created_at,first_response_at', 'Y1,phone,13/10/26 09:00,13/10/26 11:30']);
  const report = await auditFiles([path], {}, { minSample: 1, dateFormat: 'dd/MM/yy HH:mm' });
  expect(report.period.from).toBe('2026-10-13T09:00:00.000Z');
  expect(report.channels[0]?.firstResponse.median).toBe(9000);
});

test('past the first read of the file (rows read from their bytes, a first response), the same stop', async () => {
  // 20,000 rows of 48 bytes: past the sample and the first MiB, so the row is read from its bytes
  const { path, line } = ambiguousThen(20_000, 'B1,email,03/03/2026 23:00,30/03/26 1:05 PM');
  const error = await auditFiles([path]).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ParityError);
  expect((error as ParityError).location).toEqual({ file: path, line, column: 'first_response_at' });
  expect((error as ParityError).hint).toBe('say the order in the config: "dateFormat": "dd/MM/yy h:mm a" if the export is day-first, or "MM/dd/yy h:mm a" if it is month-first (this row is then rejected); then run again');
});

test('with the order said by dateFormat, or settled by a day over 12, a date the other way is only a bad row', async () => {
  const { path } = ambiguousThen(600, 'B1,email,13/03/2026 23:00,14/03/2026 01:00');
  // day-first said: every row reads, 01/03 23:00 → 02/03 01:00 is 2 hours
  const said = await auditFiles([path], {}, { dateFormat: 'dd/MM/yyyy HH:mm' });
  expect(said.input.rowsRejected).toBe(0);
  expect(said.channels.find((c) => c.channel === 'phone')?.firstResponse.median).toBe(7200);
  // month-first settled by 12/25 in the first rows: 13/03 is a row that cannot be read
  const settled = tempCsv('settled.csv', ['ticket_id,channel,created_at,first_response_at', 'S1,phone,12/25/2026 10:00,12/25/2026 11:00', 'S2,phone,13/03/2026 10:00,13/03/2026 11:00']);
  const report = await auditFiles([settled], {}, { minSample: 1 });
  expect(report.input.rowsRejected).toBe(1);
  expect(report.channels.find((c) => c.channel === 'phone')?.firstResponse.median).toBe(3600);
});

// Spreadsheet serial dates saved to CSV as numbers (45000.04 = 15 March 2023 00:57) read as
// Unix seconds would be a few hours into 1970, every duration 86,400 times too short: refused,
// with what to do (found by an independent review). Unix seconds of 1973 on are read as before.
test('numbers that as Unix seconds would all fall before 1973 are refused, naming serial dates', async () => {
  const path = tempCsv('serial.csv', ['ticket_id,channel,created_at,first_response_at', 'X1,phone,45000,45000.04', 'X2,email,45001.5,45001.6']);
  const error = await auditFiles([path]).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ParityError);
  expect((error as ParityError).location).toEqual({ file: path, column: 'created_at' });
  expect((error as ParityError).message).toBe('holds numbers like "45000", which as Unix seconds would all fall before 1973, and look like spreadsheet serial dates (days since 1899)');
  // durations in a column taken for times: said so, with the mapping that reads them
  const durations = tempCsv('durations.csv', ['ticket_id,channel,created_at,first response', 'D1,phone,2026-07-01T00:00:00Z,3600']);
  const duration = await auditFiles([durations]).catch((e: unknown) => e);
  expect((duration as ParityError).message).toBe('holds numbers like "3600", which as Unix seconds would all fall before 1973, and may be durations');
  expect((duration as ParityError).hint).toBe('if they are durations, map the column in the config: "columns": { "firstResponseTime": { "column": "first response", "unit": "seconds" } } (or "minutes", "hours")');
  // 100,000,000 s is 3 March 1973 09:46:40 UTC: read, a reply 30 minutes later
  const epoch = tempCsv('epoch.csv', ['ticket_id,channel,created_at,first_response_at', 'E1,phone,100000000,100001800']);
  const report = await auditFiles([epoch], {}, { minSample: 1 });
  expect(report.period.from).toBe('1973-03-03T09:46:40.000Z');
  expect(report.channels[0]?.firstResponse.median).toBe(1800);
});

// Two columns with the same name: the first is read, and a note says so (it was chosen silently;
// found by an independent review).
test('a field read from a header the file has twice is named in a note', async () => {
  const path = tempCsv('twice.csv', ['ticket_id,channel,created_at,Channel,first_response_at', 'H1,phone,2026-07-01T00:00:00Z,email,2026-07-01T01:00:00Z']);
  const report = await auditFiles([path], {}, { minSample: 1 });
  expect(report.channels.map((c) => c.channel)).toEqual(['phone']);
  expect(report.input.notes).toContain(`${path}: 2 columns name the same field: "channel", "Channel" (columns 2, 4); column 2 is read as channel`);
  // written alike twice: "are named"
  const alike = tempCsv('alike.csv', ['ticket_id,channel,created_at,channel,first_response_at', 'H1,phone,2026-07-01T00:00:00Z,email,2026-07-01T01:00:00Z']);
  expect((await auditFiles([alike], {}, { minSample: 1 })).input.notes).toContain(`${alike}: 2 columns are named "channel" (columns 2, 4); column 2 is read as channel`);
});
