/**
 * loud-preference: within each channel, loud complainants against quiet ones on first response
 * (unanswered tickets counted as still waiting, see compare.ts). Loud = a public post, or the customer's 3rd+ contact within 7 days (configurable), or shouting
 * text (capitals, runs of "!"), or tags/priority marking it escalated/VIP.
 *
 * Like for like within category only: priority can itself be the escalation marker, so
 * stratifying by it would compare VIP tickets with nothing.
 *
 * Reads the journeys handle (measure/journeyGroups.ts): the same groups from the tickets or from
 * a count table's `loud` rows.
 */
import { compareGroups } from '../../measure/compare.js';
import type { Deferred, FindingContext } from './context.js';
import { comparisonFinding, register } from './sentence.js';

/** Registers loud-vs-quiet comparisons per channel; returns the builders of their findings. */
export function loudFindings(ctx: FindingContext): Deferred[] {
  const j = ctx.journeys;
  if (!j) return []; // not computed by this source (input notes say so)
  const out: Deferred[] = [];
  for (const split of j.loud) {
    const { channel } = split;
    const reg = register(ctx.family, compareGroups(j.source, split.loud, split.quiet, 'firstResponse', j.categoryStrata), ctx.rules.minSample);
    const names = { a: 'loud', b: 'quiet', aPhrase: `loud ${channel} tickets`, bPhrase: `quiet ${channel} tickets` };
    out.push(() =>
      comparisonFinding('loud-preference', channel, 'quiet', names, reg, ctx.family, ctx.rules, {
        details: {
          loudTickets: split.loudTickets,
          quietTickets: split.quietTickets,
          reasons: { ...split.reasons },
          definition: `public post, or ${ctx.loud.repeatContacts}+ contacts by the customer within ${ctx.loud.repeatWindowDays} days, or shouting text, or escalated/VIP tags or priority`,
        },
      }),
    );
  }
  return out;
}
