/**
 * loud-preference: within each channel, loud complainants against quiet ones on first response
 * (unanswered tickets counted as still waiting, see compare.ts). Loud = a public post, or the customer's 3rd+ contact within 7 days (configurable), or shouting
 * text (capitals, runs of "!"), or tags/priority marking it escalated/VIP.
 *
 * Like for like within category only: priority can itself be the escalation marker, so
 * stratifying by it would compare VIP tickets with nothing.
 */
import { byChannel } from '../../measure/groups.js';
import { repeatContacts } from '../../measure/journeys.js';
import { FLAG_ESCALATED, FLAG_SHOUTING, type TicketTable } from '../../normalise/table.js';
import { compareGroups } from '../../measure/compare.js';
import type { Deferred, FindingContext } from './context.js';
import { comparisonFinding, register } from './sentence.js';

/** Reason bits of loudness. */
export const LOUD_PUBLIC = 1, LOUD_REPEAT = 2, LOUD_SHOUTING = 4, LOUD_ESCALATED = 8;

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

/** Registers loud-vs-quiet comparisons per channel; returns the builders of their findings. */
export function loudFindings(ctx: FindingContext): Deferred[] {
  const t = ctx.tickets;
  if (!t) return []; // a count table: no single tickets to tell loud from quiet (input notes say so)
  const { table } = t;
  const repeat = repeatContacts(table, t.timeline, ctx.loud.repeatContacts, ctx.loud.repeatWindowDays * 86400);
  const reasons = loudness(table, repeat);
  const out: Deferred[] = [];
  for (const [channel, indices] of byChannel(table)) {
    const loud: number[] = [];
    const quiet: number[] = [];
    const why = { public: 0, repeatContact: 0, shouting: 0, escalated: 0 };
    for (const i of indices) {
      const r = reasons[i] as number;
      if (r === 0) {
        quiet.push(i);
        continue;
      }
      loud.push(i);
      if (r & LOUD_PUBLIC) why.public++;
      if (r & LOUD_REPEAT) why.repeatContact++;
      if (r & LOUD_SHOUTING) why.shouting++;
      if (r & LOUD_ESCALATED) why.escalated++;
    }
    if (loud.length === 0 || quiet.length === 0) continue;
    const reg = register(ctx.family, compareGroups(t.samples, Uint32Array.from(loud), Uint32Array.from(quiet), 'firstResponse', t.categoryStrata), ctx.rules.minSample);
    const names = { a: 'loud', b: 'quiet', aPhrase: `loud ${channel} tickets`, bPhrase: `quiet ${channel} tickets` };
    out.push(() =>
      comparisonFinding('loud-preference', channel, 'quiet', names, reg, ctx.family, ctx.rules, {
        details: {
          loudTickets: loud.length,
          quietTickets: quiet.length,
          reasons: why,
          definition: `public post, or ${ctx.loud.repeatContacts}+ contacts by the customer within ${ctx.loud.repeatWindowDays} days, or shouting text, or escalated/VIP tags or priority`,
        },
      }),
    );
  }
  return out;
}
