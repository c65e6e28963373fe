// One date order per file: only first_response_at has a day above 12 (13/04), so the file is
// day-first, created_at too. Read month-first, P1's 03/04 would be created on 4 March and
// answered on 3 April (30 days), and P2's and E1's answers would come "before" their creation.
// By hand, day-first: P1 10:00 → 11:00 (1h), P2 5 April 10:00 → 13 April 10:00 (8d), E1 30 min.
import { expect, test } from 'vitest';
import { auditFiles } from '../helpers/audit.js';
import { tempCsv } from '../helpers/exec.js';

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
