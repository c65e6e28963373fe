/**
 * Hand-built tickets for unit tests that fill a TicketTable directly: the fields a test cares
 * about, everything else absent. Durations are seconds; null = not answered / still open.
 */
import { ANSWERED, EXCLUDED, OPEN, RESOLVED, UNANSWERED, type TicketRow } from '../../src/normalise/table.js';
import type { Channel } from '../../src/model.js';

export interface TicketSpec extends Partial<Omit<TicketRow, 'firstResponseSeconds' | 'firstResponseState' | 'resolutionSeconds' | 'resolutionState'>> {
  id: string;
  channel: Channel;
  createdAt: number;
  /** Seconds to the first response; null (default) = not answered yet. */
  firstResponse?: number | null;
  /** Seconds to resolution; null (default) = still open; 'excluded' = unusable. */
  resolution?: number | null | 'excluded';
}

export function ticketRow(spec: TicketSpec): TicketRow {
  const { firstResponse = null, resolution = null, ...fields } = spec;
  return {
    customerId: null,
    rawChannel: spec.channel,
    isPublic: null,
    status: null,
    priority: null,
    category: null,
    group: null,
    followers: Number.NaN,
    flags: 0,
    file: 'hand.csv',
    line: 1,
    ...fields,
    firstResponseSeconds: firstResponse ?? Number.NaN,
    firstResponseState: firstResponse === null ? UNANSWERED : ANSWERED,
    resolutionSeconds: typeof resolution === 'number' ? resolution : Number.NaN,
    resolutionState: resolution === 'excluded' ? EXCLUDED : resolution === null ? OPEN : RESOLVED,
  };
}
