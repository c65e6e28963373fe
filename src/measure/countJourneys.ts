/**
 * Loud vs quiet and channel jumps read from a count table's journey dimensions (journeyGroups.ts
 * says what each holds): the same groups, counts and medians the in-process producer gives, so
 * the loud-preference and channel-jump findings are the same on both. What a count table cannot
 * carry is the list of jump cases ticket by ticket (`cases` gives null; the audit notes it).
 */
import { CHANNELS, type Channel } from '../model.js';
import { CountGroups, groupKey, type CountGroup, type CountStrata } from './countGroups.js';
import { PackedReader } from '../stats/packedTally.js';
import { JUMP_GROUP, JUMP_TARGET, LOUD_REASONS, OTHER_SOCIAL_GROUP, loudGroup, loudReasonGroup, type JumpSplit, type Journeys, type LoudSplit, type LoudReason } from './journeyGroups.js';

/** Values with their counts → sorted values (the medians are of these). */
function expand(pairs: Iterable<[number, number]>): Float64Array {
  const list = [...pairs].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const out = new Float64Array(list.reduce((a, [, n]) => a + n, 0));
  let k = 0;
  for (const [value, n] of list) out.fill(value, k, (k += n));
  return out;
}

/** The journeys of a count table; null when the table has no journey rows (made without them). */
export function countJourneys(groups: CountGroups): Journeys<CountGroup, CountStrata> | null {
  const facts = groups.counts.header.journeys;
  if (!facts) return null;
  // the journey dimensions' series, read cell by cell where cells are needed (a loud dimension
  // has a cell per distinct duration: millions at 10M tickets, never made into row objects)
  const series = groups.counts.series;
  const tickets = (key: CountGroup): number => groups.of(key).tickets;
  const reasonTickets = new Map<string, number>();
  for (const s of series) if (s.dimension === 'loudReason' && s.metric === 'tickets') reasonTickets.set(s.group, (reasonTickets.get(s.group) ?? 0) + s.packed.ended);

  const loud: Array<LoudSplit<CountGroup>> = [];
  for (const channel of groups.channels.keys()) {
    const l = groupKey('loud', loudGroup(true, channel));
    const q = groupKey('loud', loudGroup(false, channel));
    const loudTickets = tickets(l);
    const quietTickets = tickets(q);
    if (!loudTickets || !quietTickets) continue;
    const reasons = Object.fromEntries(LOUD_REASONS.map((reason) => [reason, reasonTickets.get(loudReasonGroup(reason, channel)) ?? 0])) as Record<LoudReason, number>;
    loud.push({ channel, loud: l, quiet: q, loudTickets, quietTickets, reasons });
  }

  const social = groups.channels.get(JUMP_TARGET);
  const socialTickets = social ? tickets(social) : 0;
  let jumps: JumpSplit<CountGroup> | 'no-customers' = 'no-customers';
  if (facts.customers > 0) {
    const jump = groupKey('jump', JUMP_GROUP);
    const other = groupKey('jump', OTHER_SOCIAL_GROUP);
    const waited = new Map<number, number>();
    const byOrigin = new Map<Channel, number>();
    let unansweredAtJump = 0;
    let originsAnswered = 0;
    let originsResolved = 0;
    for (const s of series) {
      if (s.dimension !== 'jumpOrigin') continue;
      if (s.metric === 'waited') {
        for (const r = new PackedReader(s.packed); r.next(); ) waited.set(r.time, (waited.get(r.time) ?? 0) + r.ended + r.waiting);
        unansweredAtJump += s.packed.waiting;
        const channel = s.group as Channel;
        byOrigin.set(channel, (byOrigin.get(channel) ?? 0) + s.packed.ended + s.packed.waiting);
      } else if (s.metric === 'firstResponse') originsAnswered += s.packed.ended;
      else if (s.metric === 'resolution') originsResolved += s.packed.ended;
    }
    const originChannels: Partial<Record<Channel, number>> = {};
    for (const c of CHANNELS) if (byOrigin.get(c)) originChannels[c] = byOrigin.get(c) as number;
    const answered = new Map<number, number>();
    for (const s of series) {
      if (s.dimension !== 'jump' || s.group !== JUMP_GROUP || s.metric !== 'firstResponse') continue;
      for (const r = new PackedReader(s.packed); r.next(); ) if (r.ended) answered.set(r.time, (answered.get(r.time) ?? 0) + r.ended);
    }
    jumps = {
      socialTickets,
      jumpTickets: tickets(jump),
      jump,
      other: tickets(other) ? other : null,
      distinctJumpers: facts.jumpers,
      waited: expand(waited),
      unansweredAtJump,
      originChannels,
      originsAnswered,
      originsResolved,
      jumpFirstResponses: expand(answered),
      cases: () => null,
    };
  }
  return { source: groups, strata: groups.strata, categoryStrata: groups.strataBy(['category']), socialTickets, loud, jumps };
}
