/**
 * What every finding module gets: the tickets, the judging rules, the shared p-value family, and
 * the like-for-like cells. A module registers its tests now and returns builders that run once
 * the family is Holm-adjusted (two phases, so every p-value is adjusted with all the others).
 */
import type { Channel } from '../../model.js';
import type { TicketTable } from '../../normalise/table.js';
import type { Strata } from '../../measure/strata.js';
import type { CustomerTimeline } from '../../measure/journeys.js';
import type { Finding, Report } from '../../report.js';
import type { PFamily } from './family.js';
import type { Rules } from './rules.js';
import type { Samples } from '../../measure/sample.js';

export interface FindingContext {
  table: TicketTable;
  report: Report;
  /** Open tickets are censored here (epoch seconds). */
  asOf: number;
  reference: Channel;
  /** Gathered durations, shared by every comparison (and with the measure stage). */
  samples: Samples;
  /** Ticket indices per channel: the measure stage's own arrays, so its gathered durations are reused. */
  channelGroups: ReadonlyMap<Channel, Uint32Array>;
  rules: Rules;
  family: PFamily;
  /** Category × priority cells; null when the data have neither. */
  strata: Strata | null;
  /** Category-only cells (for loudness, where priority can itself be the escalation marker). */
  categoryStrata: Strata | null;
  /** Tickets with a customer id, by customer and time (repeat contacts, channel jumps). */
  timeline: CustomerTimeline;
  bandEdges: number[];
  loud: { repeatContacts: number; repeatWindowDays: number };
  jumpWindowDays: number;
}

/** Builds a finding after the family has been adjusted. */
export type Deferred = () => Finding | Finding[] | null;
