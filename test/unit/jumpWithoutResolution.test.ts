// A channel jump's origin is a phone, email or web ticket still pending when the social ticket
// is opened: unresolved, or, without a usable resolution time, unanswered (measure/journeys.ts
// settledAt). A source with no resolution at all is the second case for every ticket: in-process
// each ticket's resolution is excluded (load/dataset.ts withoutUnmeasured) and an answered origin
// stops pending at its answer; the count query had taken it as pending for ever, and counted a
// jump from a phone ticket answered the day before.
import { describe, expect, test } from 'vitest';
import { bothProducers } from '../helpers/audit.js';
import { tempCsv } from '../helpers/exec.js';

describe('channel jumps from a source without resolution times', () => {
  test('an origin answered before the social ticket is not pending: in-process and DuckDB alike', async () => {
    // By hand: c1's phone ticket P1 was answered at 10:00 on the 14th, a day before c1's social
    // ticket S1: not pending, no jump. c2's P2 was never answered: S2 is a jump, waited 24 h
    // (86,400 s), its origin unanswered at the jump. c3's S3 has no other ticket. 1 jump of 3
    // social tickets.
    const path = tempCsv('jumps-no-resolution.csv', [
      'ticket_id,channel,created_at,first_response_at,customer_id',
      'P1,phone,2026-09-14T09:00:00Z,2026-09-14T10:00:00Z,c1',
      'P2,phone,2026-09-14T09:00:00Z,,c2',
      'S1,twitter,2026-09-15T09:00:00Z,2026-09-15T09:30:00Z,c1',
      'S2,twitter,2026-09-15T09:00:00Z,2026-09-15T09:30:00Z,c2',
      'S3,twitter,2026-09-15T09:00:00Z,2026-09-15T09:30:00Z,c3',
    ]);
    for (const report of await bothProducers([path], { asOf: '2026-09-20T00:00:00Z' }, { minSample: 1 })) {
      const jump = report.findings.find((f) => f.kind === 'channel-jump');
      expect(jump?.count).toBe(1);
      expect(jump?.details).toMatchObject({ jumpTickets: 1, distinctJumpers: 1, socialTickets: 3, waitedMedian: 86400, originChannels: { phone: 1 }, originsUnansweredAtJump: 1 });
    }
  });
});
