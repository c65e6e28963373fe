/**
 * Loud vs quiet complainants and channel jumps as groups: the handle the loud-preference and
 * channel-jump findings read, from either producer (one judge, two producers, as source.ts).
 *
 * - In-process (`ticketJourneys`): loudness reasons and jumps are worked out ticket by ticket
 *   (journeys.ts), the groups are index arrays, and the worst jump cases can be listed.
 * - From a count table (countJourneys.ts): the `loud`, `loudReason`, `jump` and `jumpOrigin`
 *   dimensions that the in-process producer (`journeyRows`, below) and every engine's count
 *   query (read/engines/journeysSql.ts) write, so the comparisons are the same numbers.
 *
 * Loud = a public post, or the customer's Nth+ contact within the repeat window, or shouting text
 * (capitals, runs of "!"), or escalation tags / VIP priority (normalise/rows.ts sets the flags).
 */
import { CHANNELS, type Channel } from '../model.js';
import { ANSWERED, EXCLUDED, FLAG_ESCALATED, FLAG_SHOUTING, OPEN, RESOLVED, UNANSWERED, type TicketTable } from '../normalise/table.js';
import { sortedCopy } from '../stats/quantile.js';
import { byChannel } from './groups.js';
import { channelJumps, customerTimeline, repeatContacts, type ChannelJumps, type CustomerTimeline } from './journeys.js';
import type { Samples } from './sample.js';
import type { CellLayout, GroupSource } from './source.js';
import { strataOf, type Strata } from './strata.js';

/** Why a ticket is loud, in the order the finding's details list them. */
export const LOUD_REASONS = ['public', 'repeatContact', 'shouting', 'escalated'] as const;
export type LoudReason = (typeof LOUD_REASONS)[number];
/** Reason bits of loudness (bit k = LOUD_REASONS[k]). */
export const LOUD_PUBLIC = 1, LOUD_REPEAT = 2, LOUD_SHOUTING = 4, LOUD_ESCALATED = 8;
/** Channels a jump starts from, and the one it goes to. */
export const JUMP_ORIGINS: readonly Channel[] = ['phone', 'email', 'web'];
export const JUMP_TARGET: Channel = 'social';

/** The rules journeys are worked out with (config `loud.repeatContacts`, `loud.repeatWindowDays`, `jumpWindowDays`). */
export interface JourneyRules {
  repeatContacts: number;
  repeatWindowDays: number;
  jumpWindowDays: number;
}

/** Count-table group names. */
export function loudGroup(loud: boolean, channel: string): string {
  return `${loud ? 'loud' : 'quiet'} / ${channel}`;
}
export function loudReasonGroup(reason: LoudReason, channel: string): string {
  return `${reason} / ${channel}`;
}
export const JUMP_GROUP = 'jump', OTHER_SOCIAL_GROUP = 'other';

/** Loud against quiet tickets of one channel. */
export interface LoudSplit<G> {
  channel: Channel;
  loud: G;
  quiet: G;
  loudTickets: number;
  quietTickets: number;
  /** Loud tickets with each reason (a ticket can have several). */
  reasons: Record<LoudReason, number>;
}

/** One jump, as the finding lists the longest waits (in-process only). */
export interface JumpCase {
  customerId: string | null;
  originTicketId: string;
  originChannel: Channel;
  jumpTicketId: string;
  waited: number;
  originAnsweredBeforeJump: boolean;
  originFirstResponse: number | null;
  originResolution: number | null;
  jumpFirstResponse: number | null;
  jumpResolution: number | null;
}

/** Channel jumps: jump social tickets against the other social tickets, and what is known of the jumps. */
export interface JumpSplit<G> {
  socialTickets: number;
  jumpTickets: number;
  jump: G;
  /** null when every social ticket is a jump ticket. */
  other: G | null;
  distinctJumpers: number;
  /** Seconds from the origin ticket's creation to the jump ticket's, sorted. */
  waited: Float64Array;
  /** Jumps whose origin had no first response yet when the jump ticket was opened. */
  unansweredAtJump: number;
  /** Jumps by their origin's channel, in CHANNELS order. */
  originChannels: Partial<Record<Channel, number>>;
  originsAnswered: number;
  originsResolved: number;
  /** First responses of the answered jump tickets, sorted. */
  jumpFirstResponses: Float64Array;
  /** The longest waits ticket by ticket (at most `limit`); null when the source has no single tickets. */
  cases(limit: number): JumpCase[] | null;
}

/** What the loud and jump findings read. */
export interface Journeys<G, L extends CellLayout> {
  source: GroupSource<G, L>;
  /** Category × priority cells (the jump comparison). */
  strata: L | null;
  /** Category-only cells (loudness: priority can itself be the escalation marker). */
  categoryStrata: L | null;
  socialTickets: number;
  /** Per channel with loud and quiet tickets, in CHANNELS order. */
  loud: Array<LoudSplit<G>>;
  /** 'no-customers' when no ticket has a customer id. */
  jumps: JumpSplit<G> | 'no-customers';
}

/** Loudness reasons of every ticket (0 = quiet). */
export function loudness(table: TicketTable, repeat: Uint8Array): Uint8Array {
  const out = new Uint8Array(table.size);
  for (let i = 0; i < table.size; i++) {
    const f = table.flags[i] as number;
    out[i] =
      (table.isPublic[i] === 1 ? LOUD_PUBLIC : 0) |
      (repeat[i] ? LOUD_REPEAT : 0) |
      (f & FLAG_SHOUTING ? LOUD_SHOUTING : 0) |
      (f & FLAG_ESCALATED ? LOUD_ESCALATED : 0);
  }
  return out;
}

/**
 * Loudness and jumps of a ticket table, worked out once. Without the timeline they were worked
 * out from: nothing reads it after, and the groups made from these marks need not be made while
 * it is held (6 bytes a ticket).
 */
export interface JourneyMarks {
  reasons: Uint8Array;
  jumps: ChannelJumps;
}

export function journeyMarks(table: TicketTable, rules: JourneyRules, timeline: CustomerTimeline = customerTimeline(table)): JourneyMarks {
  const repeat = repeatContacts(table, timeline, rules.repeatContacts, rules.repeatWindowDays * 86400);
  return { reasons: loudness(table, repeat), jumps: channelJumps(table, timeline, rules.jumpWindowDays * 86400, JUMP_ORIGINS, JUMP_TARGET) };
}

function reasonCounts(): Record<LoudReason, number> {
  return { public: 0, repeatContact: 0, shouting: 0, escalated: 0 };
}

/**
 * In-process journeys: index arrays into the ticket table. `marks`: the table's loudness and
 * jumps when the caller has worked them out ({@link journeyMarks}, so that the timeline they
 * are made from can be let go first); `channels`: the table's channel index lists when the
 * caller has them (groups.ts byChannel), so that they are not made a second time.
 */
export function ticketJourneys(
  table: TicketTable,
  samples: Samples,
  strata: Strata | null,
  rules: JourneyRules,
  options: { marks?: JourneyMarks; channels?: ReadonlyMap<Channel, Uint32Array>; cases?: boolean } = {},
): Journeys<Uint32Array, Strata> {
  const { reasons, jumps } = options.marks ?? journeyMarks(table, rules);
  const loud: Array<LoudSplit<Uint32Array>> = [];
  for (const [channel, indices] of options.channels ?? byChannel(table)) {
    // counted first, then filled: typed arrays of the right size, no growing lists
    const perReason = new Uint32Array(LOUD_REASONS.length);
    let loudCount = 0;
    for (let k = 0; k < indices.length; k++) {
      const r = reasons[indices[k] as number] as number;
      if (r === 0) continue;
      loudCount++;
      for (let b = 0; b < LOUD_REASONS.length; b++) if (r & (1 << b)) perReason[b]!++;
    }
    const quietCount = indices.length - loudCount;
    if (loudCount === 0 || quietCount === 0) continue;
    const l = new Uint32Array(loudCount);
    const q = new Uint32Array(quietCount);
    for (let k = 0, a = 0, b = 0; k < indices.length; k++) {
      const i = indices[k] as number;
      if (reasons[i] === 0) q[b++] = i;
      else l[a++] = i;
    }
    const why = reasonCounts();
    LOUD_REASONS.forEach((reason, b) => (why[reason] = perReason[b] as number));
    loud.push({ channel, loud: l, quiet: q, loudTickets: loudCount, quietTickets: quietCount, reasons: why });
  }
  samples.together(loud.flatMap((split) => [split.loud, split.quiet]));
  const socialCode = CHANNELS.indexOf(JUMP_TARGET);
  let socialTickets = 0;
  for (let i = 0; i < table.size; i++) if (table.channel[i] === socialCode) socialTickets++;
  return {
    source: samples,
    strata,
    categoryStrata: strataOf(table, ['category']),
    socialTickets,
    loud,
    jumps: table.dictionaries.customer.size === 0 ? 'no-customers' : ticketJumpSplit(table, jumps, socialTickets, options.cases ?? true),
  };
}

function firstResponseOf(table: TicketTable, i: number): number | null {
  return table.firstResponseState[i] === ANSWERED ? (table.firstResponse[i] as number) : null;
}

function resolutionOf(table: TicketTable, i: number): number | null {
  return table.resolutionState[i] === RESOLVED ? (table.resolution[i] as number) : null;
}

function ticketJumpSplit(table: TicketTable, jumps: ChannelJumps, socialTickets: number, withCases: boolean): JumpSplit<Uint32Array> {
  const socialCode = CHANNELS.indexOf(JUMP_TARGET);
  const isJump = new Uint8Array(table.size);
  for (const i of jumps.jump) isJump[i] = 1;
  // counted first, then filled (a growing list of millions of social tickets was 3-4 times the size)
  const other = (i: number): boolean => table.channel[i] === socialCode && !isJump[i];
  let otherCount = 0;
  for (let i = 0; i < table.size; i++) if (other(i)) otherCount++;
  const others = new Uint32Array(otherCount);
  for (let i = 0, k = 0; i < table.size; i++) if (other(i)) others[k++] = i;
  const byChannelCount = new Uint32Array(CHANNELS.length);
  let originsAnswered = 0;
  let originsResolved = 0;
  for (const o of jumps.origin) {
    byChannelCount[table.channel[o] as number]!++;
    if (table.firstResponseState[o] === ANSWERED) originsAnswered++;
    if (table.resolutionState[o] === RESOLVED) originsResolved++;
  }
  const originChannels: Partial<Record<Channel, number>> = {};
  CHANNELS.forEach((c, k) => {
    if (byChannelCount[k]) originChannels[c] = byChannelCount[k] as number;
  });
  return {
    socialTickets,
    jumpTickets: jumps.jump.length,
    jump: jumps.jump,
    other: others.length ? others : null,
    distinctJumpers: new Set(Array.from(jumps.jump, (i) => table.customer[i] as number)).size,
    waited: sortedCopy(jumps.waited),
    unansweredAtJump: jumps.unansweredAtJump.reduce((a, b) => a + b, 0),
    originChannels,
    originsAnswered,
    originsResolved,
    jumpFirstResponses: sortedCopy(Array.from(jumps.jump, (i) => firstResponseOf(table, i) ?? Number.NaN)),
    cases: (limit) => {
      if (!withCases) return null;
      const order = Array.from(jumps.waited.keys()).sort((a, b) => (jumps.waited[b] as number) - (jumps.waited[a] as number) || a - b);
      return order.slice(0, limit).map((k) => {
        const j = jumps.jump[k] as number;
        const o = jumps.origin[k] as number;
        return {
          customerId: table.dictionaries.customer.valueOf(table.customer[j] as number),
          originTicketId: table.id.get(o),
          originChannel: CHANNELS[table.channel[o] as number] ?? 'other',
          jumpTicketId: table.id.get(j),
          waited: jumps.waited[k] as number,
          originAnsweredBeforeJump: jumps.unansweredAtJump[k] === 0,
          originFirstResponse: firstResponseOf(table, o),
          originResolution: resolutionOf(table, o),
          jumpFirstResponse: firstResponseOf(table, j),
          jumpResolution: resolutionOf(table, j),
        };
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The in-process producer of the journey dimensions (counts.ts calls it; every engine's count
// query must write the same rows).

/** Adds one count-table cell (counts.ts's accumulator). */
export type AddCell = (dimension: 'loud' | 'loudReason' | 'jump' | 'jumpOrigin', group: string, category: string | null, priority: string | null, metric: 'firstResponse' | 'resolution' | 'tickets' | 'waited', seconds: number, ended: boolean) => void;

/** Facts of a count table's journeys (meta rows `journey`). */
export interface JourneyFacts {
  repeatContacts: number;
  repeatWindowSeconds: number;
  jumpWindowSeconds: number;
  /** Tickets with a customer id (0 = none: jumps cannot be checked). */
  customers: number;
  /** Distinct customers with a jump ticket. */
  jumpers: number;
  /** Tickets whose text the source could not test for capitals (a database: non-ASCII text). */
  capitalsUntested: number;
}

/**
 * The journey dimensions of a ticket table: `loud` (first response and tickets of loud and
 * quiet tickets per channel, by category × priority), `loudReason` (loud tickets per reason and
 * channel), `jump` (social tickets: jump or other, first response and tickets by category ×
 * priority) and `jumpOrigin` (per jump, by the origin's channel: `waited` = seconds from the
 * origin's creation to the jump, ended = origin answered before the jump, waiting = not yet;
 * the origin's own first response and resolution; tickets = jumps).
 */
export function journeyRows(
  table: TicketTable,
  rules: JourneyRules,
  wholeSeconds: (x: number) => number,
  ageOf: (i: number) => number,
  add: AddCell,
): JourneyFacts {
  const { reasons, jumps } = journeyMarks(table, rules);
  const d = table.dictionaries;
  const socialCode = CHANNELS.indexOf(JUMP_TARGET);
  const isJump = new Uint8Array(table.size);
  for (const i of jumps.jump) isJump[i] = 1;
  let customers = 0;
  const firstResponse = (i: number): [number, boolean] | null => {
    const fr = table.firstResponseState[i];
    if (fr === ANSWERED) return [wholeSeconds(table.firstResponse[i] as number), true];
    if (fr === UNANSWERED) return [ageOf(i), false];
    return null;
  };
  for (let i = 0; i < table.size; i++) {
    if ((table.customer[i] as number) >= 0) customers++;
    const channel = CHANNELS[table.channel[i] as number] ?? 'other';
    const category = d.category.valueOf(table.category[i] as number);
    const priority = d.priority.valueOf(table.priority[i] as number);
    const r = reasons[i] as number;
    const fr = firstResponse(i);
    const loudName = loudGroup(r !== 0, channel);
    if (fr) add('loud', loudName, category, priority, 'firstResponse', fr[0], fr[1]);
    add('loud', loudName, category, priority, 'tickets', 0, true);
    LOUD_REASONS.forEach((reason, k) => {
      if (r & (1 << k)) add('loudReason', loudReasonGroup(reason, channel), null, null, 'tickets', 0, true);
    });
    if (table.channel[i] === socialCode) {
      const g = isJump[i] ? JUMP_GROUP : OTHER_SOCIAL_GROUP;
      if (fr) add('jump', g, category, priority, 'firstResponse', fr[0], fr[1]);
      add('jump', g, category, priority, 'tickets', 0, true);
    }
  }
  for (let k = 0; k < jumps.jump.length; k++) {
    const o = jumps.origin[k] as number;
    const g = CHANNELS[table.channel[o] as number] ?? 'other';
    add('jumpOrigin', g, null, null, 'waited', wholeSeconds(jumps.waited[k] as number), jumps.unansweredAtJump[k] === 0);
    const fr = firstResponse(o);
    if (fr) add('jumpOrigin', g, null, null, 'firstResponse', fr[0], fr[1]);
    const res = table.resolutionState[o];
    if (res === RESOLVED) add('jumpOrigin', g, null, null, 'resolution', wholeSeconds(table.resolution[o] as number), true);
    else if (res === OPEN) add('jumpOrigin', g, null, null, 'resolution', ageOf(o), false);
    else if (res !== EXCLUDED) throw new Error(`resolution state ${res}`);
    add('jumpOrigin', g, null, null, 'tickets', 0, true);
  }
  return {
    repeatContacts: rules.repeatContacts,
    repeatWindowSeconds: rules.repeatWindowDays * 86400,
    jumpWindowSeconds: rules.jumpWindowDays * 86400,
    customers,
    jumpers: new Set(Array.from(jumps.jump, (i) => table.customer[i] as number)).size,
    capitalsUntested: 0,
  };
}
