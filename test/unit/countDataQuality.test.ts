// Data quality from a count table: besides rejected rows and negative durations, the values a
// metric left out for another reason ("solved" without a time) are counted from the table's own
// facts (meta,tickets − meta,measured − meta,negative), so the data-quality warning a file's
// audit gives is not silently absent where the tickets live.
import { expect, test } from 'vitest';
import { bothProducers } from '../helpers/audit.js';
import { tempCsv } from '../helpers/exec.js';

test('a "solved" ticket without a resolution time is counted as left out of resolution by both producers, and both warn', async () => {
  // By hand, as of 12:00:
  // T1 answered and resolved: measured on both metrics.
  // T2 "solved" with no resolution time: left out of resolution (in-process resolved-without-time).
  // T3 answered an hour before it was created (negative first response) and "closed" with no
  //    time: left out of both metrics, one row with two values.
  // T4 open, unanswered: waiting on both, measured.
  // T5 resolved an hour before it was created: negative resolution.
  // Resolution: 5 tickets, measured T1 and T4 (2), negative 1 (T5) → 5 − 2 − 1 = 2 left out
  // otherwise (T2, T3). First response: measured 4 (all but T3), negative 1 → 0 left out otherwise.
  // Values left out: 2 + 1 + 1 = 4, of 5 rows: the data-quality finding fires (over 1%) in both.
  // In-process it counts rows (T2, T3, T5: 3 of 5 = 60%); a count table counts values (4 of 5 = 80%).
  const path = tempCsv('solved.csv', [
    'ticket_id,channel,created_at,first_response_at,resolved_at,status',
    'T1,phone,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z,2026-09-14T11:00:00Z,solved',
    'T2,phone,2026-09-14T10:00:00Z,2026-09-14T10:20:00Z,,solved',
    'T3,email,2026-09-14T10:00:00Z,2026-09-14T09:00:00Z,,closed',
    'T4,email,2026-09-14T10:00:00Z,,,open',
    'T5,email,2026-09-14T10:00:00Z,2026-09-14T10:30:00Z,2026-09-14T09:30:00Z,solved',
  ]);
  const [inProcess, duckdb] = await bothProducers([path], { asOf: '2026-09-14T12:00:00Z' }, { minSample: 1 });
  expect(inProcess.input.dataQuality.map((e) => [e.kind, e.count])).toEqual([
    ['resolved-without-time', 2],
    ['negative-first-response', 1],
    ['negative-resolution', 1],
  ]);
  expect(duckdb.input.dataQuality.map((e) => [e.kind, e.severity, e.count])).toEqual([
    ['left-out-of-resolution', 'metric', 2],
    ['negative-first-response', 'metric', 1],
    ['negative-resolution', 'metric', 1],
  ]);
  const warning = (r: typeof duckdb) => r.findings.find((f) => f.kind === 'data-quality');
  expect([warning(inProcess)?.count, warning(inProcess)?.effect]).toEqual([4, 0.6]);
  expect([warning(duckdb)?.count, warning(duckdb)?.effect]).toEqual([4, 0.8]);
  // the numbers themselves agree: resolution n is phone 1 (T1), email 1 (T4 waiting)
  for (const r of [inProcess, duckdb]) expect(r.channels.map((c) => [c.channel, c.resolution.n])).toEqual([['phone', 1], ['email', 1]]);
});

test('a source without a resolution column leaves nothing "left out" of resolution: it is not measured at all', async () => {
  // The same tickets without resolved_at and status: resolution is measured for no ticket
  // (meta,measured 0), which is no data problem; T3's negative first response is the only entry.
  const path = tempCsv('noresolution.csv', [
    'ticket_id,channel,created_at,first_response_at',
    'T1,phone,2026-09-14T10:00:00Z,2026-09-14T10:10:00Z',
    'T2,phone,2026-09-14T10:00:00Z,2026-09-14T10:20:00Z',
    'T3,email,2026-09-14T10:00:00Z,2026-09-14T09:00:00Z',
    'T4,email,2026-09-14T10:00:00Z,',
    'T5,email,2026-09-14T10:00:00Z,2026-09-14T10:30:00Z',
  ]);
  const [, duckdb] = await bothProducers([path], { asOf: '2026-09-14T12:00:00Z' }, { minSample: 1 });
  expect(duckdb.input.dataQuality.map((e) => [e.kind, e.count])).toEqual([['negative-first-response', 1]]);
});
