/**
 * What every finding module gets: the measured groups (from the ticket table or a count table),
 * the judging rules, the shared p-value family, and — in-process only — the tickets themselves
 * for the findings that need single tickets. A module registers its tests now and returns
 * builders that run once the family is Holm-adjusted (two phases, so every p-value is adjusted
 * with all the others).
 */
import type { Channel } from '../../model.js';
import type { TicketTable } from '../../normalise/table.js';
import type { Strata } from '../../measure/strata.js';
import type { FollowerCorrelation } from '../../measure/rankCorrelation.js';
import type { CellLayout, MeasuredGroups } from '../../measure/source.js';
import type { Journeys } from '../../measure/journeyGroups.js';
import type { Finding, Report } from '../../report.js';
import type { PFamily } from './family.js';
import type { Rules } from './rules.js';
import type { Samples } from '../../measure/sample.js';

/** Per-ticket data: the follower rank correlation, loudness and channel jumps read it. */
export interface TicketData {
  table: TicketTable;
  /** The measure stage's gathered durations (the same Samples the groups read). */
  samples: Samples;
  /** Category × priority cells of the tickets; null when the data have neither. */
  strata: Strata | null;
  /** Category-only cells (for loudness, where priority can itself be the escalation marker). */
  categoryStrata: Strata | null;
  /** The follower rank correlation's numbers (measure/rankCorrelation.ts), worked out when first asked. */
  correlation: () => FollowerCorrelation;
}

export interface FindingContext {
  report: Report;
  reference: Channel;
  /** Every group's durations, shared by every comparison (and with the measure stage). */
  groups: MeasuredGroups<unknown, CellLayout>;
  rules: Rules;
  /** The report's family: every test a count table of the same tickets makes too. */
  family: PFamily;
  /**
   * The tests only single tickets allow (the follower rank correlation), Holm-adjusted among
   * themselves: in the report's family they made its size, and so every adjusted p-value and at
   * the margin a verdict, depend on whether the tickets or their count table were audited.
   */
  ticketFamily: PFamily;
  bandEdges: number[];
  loud: { repeatContacts: number; repeatWindowDays: number };
  jumpWindowDays: number;
  /** null when the groups come from a count table. */
  tickets: TicketData | null;
  /** Loud vs quiet and channel jumps (from the tickets, or a count table's journey rows); null = not computed. */
  journeys: Journeys<unknown, CellLayout> | null;
}

/** Builds a finding after the family has been adjusted. */
export type Deferred = () => Finding | Finding[] | null;
