/**
 * The drill-down behind every number: one row per ticket of the ticket table with what parity
 * measured for it (`parity tickets`). Pure: the table the audit reads (so the rows are exactly
 * the tickets the audit counts) and the audit's settings in, rows out; renderers in
 * render/tickets.ts write them.
 *
 * The per-ticket meanings are the audit's own, from the same functions: durations in the active
 * clock (calendar or business), the age at the as-of time of a ticket still waiting, follower
 * bands (groups.ts), loud cues (journeyGroups.ts), channel jumps (journeys.ts) and SLA
 * outcomes (sla.ts).
 */
import { CHANNELS, type Channel } from '../model.js';
import { ANSWERED, EXCLUDED, OPEN, RESOLVED, UNANSWERED, followersOf, locationsOf, openAges, type TicketTable } from '../normalise/table.js';
import { bandIndex, bandsFromEdges } from './groups.js';
import { byValueReader } from './byGroups.js';
import type { BySettings } from '../settings.js';
import { channelJumps, customerTimeline, repeatContacts } from './journeys.js';
import { slaOutcome, type SlaTargets } from './sla.js';
import { LOUD_ESCALATED, LOUD_PUBLIC, LOUD_REPEAT, LOUD_SHOUTING, loudness } from './journeyGroups.js';

export type SlaOutcome = 'met' | 'breached' | 'not-yet-due';

/** One ticket as `parity tickets` shows it. Durations are seconds; null = not measured / not applicable. */
export interface TicketListingRow {
  ticketId: string;
  customerId: string | null;
  channel: Channel;
  rawChannel: string;
  /** ISO 8601 UTC. */
  created: string;
  status: string | null;
  priority: string | null;
  category: string | null;
  group: string | null;
  /** Whether a first response came by the as-of time; null when first response is not measured for this ticket. */
  answered: boolean | null;
  firstResponseSeconds: number | null;
  resolved: boolean | null;
  resolutionSeconds: number | null;
  /** Age at the as-of time, for a ticket still unanswered or still open; else null. */
  ageSeconds: number | null;
  followers: number | null;
  followerBand: string;
  /** Loud cues: public, repeat (3rd+ contact within the window), shouting, escalated. */
  loud: string[];
  /** Channel jumps (only when customer ids exist): the pending ticket this one jumped from, and how long it had waited. */
  jumpFrom?: string | null;
  jumpWaitedSeconds?: number | null;
  /** SLA outcomes (only when `sla` is configured). */
  slaFirstResponse?: SlaOutcome | null;
  slaResolution?: SlaOutcome | null;
  /** With --by: the ticket's value of the --by field (null = none). */
  byValue?: string | null;
  file: string;
  line: number;
}

/** Which of the optional columns the listing has, and why one is missing. */
export interface TicketListing {
  clock: 'calendar' | 'business';
  /** ISO 8601 UTC. */
  asOf: string;
  jumps: boolean;
  sla: boolean;
  /** The --by field when given: rows carry `byValue`. */
  by?: string;
  rows: TicketListingRow[];
  /** Tickets in the table before filtering. */
  total: number;
  notes: string[];
}

/** The questions people ask of the list (all given ones must hold). */
export interface TicketFilter {
  /** Canonical channels or raw channel values (case-insensitive). */
  channels?: readonly string[];
  unanswered?: boolean;
  open?: boolean;
  /** Breached an SLA target (first response or resolution). */
  breached?: boolean;
  /** Waited longer than this for a first response (answered after it, or still waiting past it). */
  waitedOverSeconds?: number;
}

export interface TicketListingSettings {
  asOf: number;
  bands: readonly number[];
  sla: { firstResponse: SlaTargets | null; resolution: SlaTargets | null };
  loud: { repeatContacts: number; repeatWindowDays: number };
  jumpWindowDays: number;
  /** --by: each row gets the ticket's value of that field (`byValue`). */
  by?: BySettings | null;
}

const LOUD_WORDS: Array<[number, string]> = [
  [LOUD_PUBLIC, 'public'],
  [LOUD_REPEAT, 'repeat'],
  [LOUD_SHOUTING, 'shouting'],
  [LOUD_ESCALATED, 'escalated'],
];

function stateOf(state: number, done: number): boolean | null {
  return state === EXCLUDED ? null : state === done;
}

/** The rows of `table` that pass `filter`, in the order they were read. */
export function ticketListing(table: TicketTable, settings: TicketListingSettings, filter: TicketFilter = {}): TicketListing {
  const openAge = openAges(table, settings.asOf);
  const bands = bandsFromEdges(settings.bands);
  const timeline = customerTimeline(table);
  const repeat = repeatContacts(table, timeline, settings.loud.repeatContacts, settings.loud.repeatWindowDays * 86400);
  const loudReasons = loudness(table, repeat);
  const hasCustomers = table.dictionaries.customer.size > 0;
  const jumpOf = new Map<number, { origin: number; waited: number }>();
  if (hasCustomers) {
    const jumps = channelJumps(table, timeline, settings.jumpWindowDays * 86400);
    jumps.jump.forEach((i, k) => jumpOf.set(i, { origin: jumps.origin[k] as number, waited: jumps.waited[k] as number }));
  }
  const slaFirst = settings.sla.firstResponse;
  const slaResolution = settings.sla.resolution;
  const hasSla = Boolean(slaFirst || slaResolution);
  const wanted = filter.channels?.map((c) => c.toLowerCase());
  const notes: string[] = [];
  if (!hasCustomers) notes.push('no customer ids, so channel jumps cannot be found: the jump columns are left out');
  if (!hasSla) notes.push('no sla in the config: the SLA columns are left out');
  if (filter.channels) {
    // a --channel value no ticket has (a typo: `phnoe`) lists nothing; said, as a gate says it,
    // with the value as the user typed it (`PHNOE`), though it is matched ignoring case
    const raw = new Set(table.dictionaries.rawChannel.values.map((v) => v.toLowerCase()));
    const present = CHANNELS.filter((c) => table.channel.includes(CHANNELS.indexOf(c)));
    const said = new Set<string>();
    for (const given of filter.channels) {
      const w = given.toLowerCase();
      if (said.has(w)) continue;
      said.add(w);
      if (!(CHANNELS as readonly string[]).includes(w) && !raw.has(w)) notes.push(`--channel "${given}" is no channel and no raw channel value of any ticket (channels present: ${present.join(', ') || 'none'})`);
    }
  }

  const byValue = settings.by ? byValueReader(table, settings.by) : null;
  const { fileIndex, line } = locationsOf(table);
  const rows: TicketListingRow[] = [];
  for (let i = 0; i < table.size; i++) {
    const channel = CHANNELS[table.channel[i] as number] as Channel;
    const rawChannel = table.dictionaries.rawChannel.valueOf(table.rawChannel[i] as number) ?? '';
    if (wanted && !wanted.includes(channel) && !wanted.includes(rawChannel.toLowerCase())) continue;
    const frState = table.firstResponseState[i] as number;
    const resState = table.resolutionState[i] as number;
    if (filter.unanswered && frState !== UNANSWERED) continue;
    if (filter.open && resState !== OPEN) continue;
    const slaFr = slaFirst ? slaOutcome(table, i, slaFirst, 'firstResponse', openAge) : null;
    const slaRes = slaResolution ? slaOutcome(table, i, slaResolution, 'resolution', openAge) : null;
    if (filter.breached && slaFr !== 'breached' && slaRes !== 'breached') continue;
    const firstResponse = frState === ANSWERED ? (table.firstResponse[i] as number) : null;
    const age = frState === UNANSWERED || resState === OPEN ? (openAge[i] as number) : null;
    if (filter.waitedOverSeconds !== undefined) {
      const waited = frState === ANSWERED ? firstResponse : frState === UNANSWERED ? (openAge[i] as number) : null;
      if (waited === null || !(waited > filter.waitedOverSeconds)) continue;
    }
    const followers = followersOf(table, i);
    const reasons = loudReasons[i] as number;
    const row: TicketListingRow = {
      ticketId: table.id.get(i),
      customerId: table.dictionaries.customer.valueOf(table.customer[i] as number),
      channel,
      rawChannel,
      created: new Date(Math.round((table.createdAt[i] as number) * 1000)).toISOString(),
      status: table.dictionaries.status.valueOf(table.status[i] as number),
      priority: table.dictionaries.priority.valueOf(table.priority[i] as number),
      category: table.dictionaries.category.valueOf(table.category[i] as number),
      group: table.dictionaries.group.valueOf(table.group[i] as number),
      answered: stateOf(frState, ANSWERED),
      firstResponseSeconds: firstResponse,
      resolved: stateOf(resState, RESOLVED),
      resolutionSeconds: resState === RESOLVED ? (table.resolution[i] as number) : null,
      ageSeconds: age,
      followers: Number.isNaN(followers) ? null : followers,
      followerBand: bands[bandIndex(bands, followers)]?.label ?? 'unknown',
      loud: LOUD_WORDS.filter(([bit]) => reasons & bit).map(([, word]) => word),
      file: table.dictionaries.file.valueOf(fileIndex[i] as number) ?? '',
      line: line[i] as number,
    };
    if (hasCustomers) {
      const jump = jumpOf.get(i);
      row.jumpFrom = jump ? table.id.get(jump.origin) : null;
      row.jumpWaitedSeconds = jump ? jump.waited : null;
    }
    if (hasSla) {
      row.slaFirstResponse = slaFr;
      row.slaResolution = slaRes;
    }
    if (byValue) row.byValue = byValue(i);
    rows.push(row);
  }
  return {
    clock: table.clock ?? 'calendar',
    asOf: new Date(Math.round(settings.asOf * 1000)).toISOString(),
    jumps: hasCustomers,
    sla: hasSla,
    ...(settings.by ? { by: settings.by.field } : {}),
    rows,
    total: table.size,
    notes,
  };
}
