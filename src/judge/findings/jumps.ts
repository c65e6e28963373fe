/**
 * channel-jump: customers who, with a phone/email/web ticket still unresolved, open a social
 * ticket within the jump window (14 days by default). How many, their share of social tickets,
 * how long they had waited before going public, and how the jump ticket was served against their
 * original ticket and against other social tickets (the latter judged like any comparison, on
 * first response with the still unanswered tickets censored; the sentence's "answered in a
 * median" is of the answered jump tickets only, and says how many those are).
 *
 * Customer ids appear only under keys named `customerId`, where --redact looks for them.
 */
import { medianSorted } from '../../stats/quantile.js';
import type { Finding } from '../../report.js';
import { compareGroups } from '../../measure/compare.js';
import { medianOf } from '../../measure/sample.js';
import type { Estimate } from '../../measure/estimate.js';
import type { Deferred, FindingContext } from './context.js';
import { comparisonFinding, effectBound, noteFinding, register } from './sentence.js';
import { boundedSpeed, count, duration, interval, num, oneSided, p, roundingOf, share, speedCi, toleranceEdges } from '../../format.js';

/** Jump cases listed in the finding's details, longest wait first. */
export const WORST_CASES = 10;

/**
 * "they were answered in a median 28m", "3 of 4 were answered; a median first response of at
 * least 23h 50m", "none was answered yet": the median is the group's Kaplan–Meier one, the tickets
 * not answered counted as still waiting (the number every other output gives), a bound when it is
 * not reached.
 */
function answeredWords(answered: number, n: number, median: Estimate): string {
  if (answered === 0 || median.value === null) return 'none was answered yet';
  const value = median.reached ? duration(median.value) : `at least ${duration(median.value, 'down')}`;
  if (answered === n) return `${n === 1 ? 'it was' : 'they were'} answered in a median ${value}`;
  return `${count(answered)} of ${count(n)} ${answered === 1 ? 'was' : 'were'} answered, a median first response of ${value} (counting the ones still waiting)`;
}

/** Registers the jump comparison; returns the builder of the channel-jump finding. */
export function jumpFindings(ctx: FindingContext): Deferred[] {
  const journeys = ctx.journeys;
  if (!journeys) return []; // not computed by this source (input notes say so)
  const socialTickets = journeys.socialTickets;
  if (socialTickets === 0) return [];
  const windowDays = ctx.jumpWindowDays;
  const definition = `a social ticket opened within ${windowDays} days after a phone, email or web ticket of the same customer that was still unresolved (or, without a usable resolution time, unanswered) at that moment`;
  const jumps = journeys.jumps;
  if (jumps === 'no-customers') {
    return [
      () =>
        noteFinding({
          kind: 'channel-jump',
          subject: 'social',
          verdict: 'insufficient-data',
          rule: 'insufficient data: no customer ids, so tickets cannot be linked to their customer',
          message: 'Channel jumps cannot be checked: the export has no customer ids (map a customerId column).',
        }),
    ];
  }

  const n = jumps.jumpTickets;
  if (n === 0) {
    return [
      () =>
        noteFinding({
          kind: 'channel-jump',
          subject: 'social',
          verdict: 'info',
          count: 0,
          rule: `channel jump: ${definition}`,
          message: `No channel jumps: no customer opened a social ticket within ${windowDays} days while a phone, email or web ticket of theirs was still open (${count(socialTickets)} social ticket${socialTickets === 1 ? '' : 's'}).`,
          details: { jumpTickets: 0, socialTickets, windowDays, cases: [] },
        }),
    ];
  }

  const reg = jumps.other !== null ? register(ctx.family, compareGroups(journeys.source, jumps.jump, jumps.other, 'firstResponse', journeys.strata), ctx.rules.minSample) : null;

  return [
    () => {
      const waitedMedian = medianSorted(jumps.waited);
      const unansweredAtJump = jumps.unansweredAtJump;
      const jumpFirst = jumps.jumpFirstResponses;
      const jumpFirstMedian = jumpFirst.length ? medianSorted(jumpFirst) : null;
      const originChannels = jumps.originChannels;
      const cases = jumps.cases(WORST_CASES);

      const judged: Finding | null = reg
        ? comparisonFinding('channel-jump', 'social', 'other social', { a: 'jump', b: 'other social', aPhrase: 'jump tickets', bPhrase: 'other social tickets' }, reg, ctx.family, ctx.rules)
        : null;
      const verdict = judged?.verdict ?? 'insufficient-data';
      const effect = judged?.effect ?? null;
      const ci = judged?.effectCi95 ?? null;
      const nPart = judged?.n ? `n = ${count(judged.n['jump'] ?? 0)} vs ${count(judged.n['other social'] ?? 0)}` : 'no other social tickets';
      // (every ratio and CI end on its side of the tolerance band's edges, as in the comparison findings)
      const edges = toleranceEdges(ctx.rules.tolerance);
      let served: string;
      if (verdict === 'insufficient-data' || effect === null) {
        served = `too few to compare with other social tickets (${nPart}; at least ${count(ctx.rules.minSample)} per group needed)`;
      } else if (judged?.significant) {
        // a preference, or one like for like that the raw ratio reverses (case mix): its own number
        const bound = judged ? effectBound(judged) : null;
        served = `${boundedSpeed(effect, bound, edges)} than other social tickets (95% CI ${speedCi(ci, edges)}, Holm ${p(judged?.pValueAdjusted ?? null)}, ${nPart})`;
      } else {
        const bound = judged ? effectBound(judged) : null;
        const word = verdict === 'case-mix' ? 'a gap explained by case mix' : verdict === 'within-tolerance' ? 'about as fast as other social tickets' : 'no preference shown against other social tickets';
        const ratioWords = bound ? `${bound === 'lower' ? 'at least' : 'at most'} ${num(effect, roundingOf(bound), edges)}` : num(effect, 'nearest', edges);
        served = `${word} (ratio ${ratioWords}, 95% CI ${bound ? oneSided(ci, edges) : interval(ci, edges)}, Holm ${p(judged?.pValueAdjusted ?? null)}, ${nPart})`;
      }
      const origins = Object.entries(originChannels).map(([ch, k]) => `${ch} ${count(k)}`).join(', ');
      const message =
        `${count(n)} social ticket${n === 1 ? '' : 's'} (${share(n / socialTickets)} of social) came from customers who went public after waiting a median ${duration(waitedMedian)} on an open phone, email or web ticket` +
        ` (${origins}; ${share(unansweredAtJump / n)} not yet answered); on social ${answeredWords(jumpFirst.length, n, medianOf(journeys.source.of(jumps.jump), 'firstResponse'))}, ${served}.`;
      return {
        kind: 'channel-jump',
        subject: 'social',
        against: 'other social',
        metric: 'firstResponse',
        significant: judged?.significant ?? false,
        verdict,
        effect,
        effectCi95: ci,
        pValue: judged?.pValue ?? null,
        pValueAdjusted: judged?.pValueAdjusted ?? null,
        ...(judged?.n ? { n: judged.n } : {}),
        count: n,
        rule: `channel jump: ${definition}; jump tickets against other social tickets judged by the preference rule (${judged?.rule ?? 'no comparison'})`,
        message,
        details: {
          jumpTickets: n,
          distinctJumpers: jumps.distinctJumpers,
          socialTickets,
          shareOfSocial: n / socialTickets,
          windowDays,
          waitedMedian,
          originChannels,
          originsUnansweredAtJump: unansweredAtJump,
          originsAnsweredByAsOf: jumps.originsAnswered,
          originsResolvedByAsOf: jumps.originsResolved,
          jumpFirstResponseMedian: jumpFirstMedian,
          jumpAnswered: jumpFirst.length,
          comparison: judged?.details ?? null,
          // ticket by ticket: only when the tickets are read in-process (a count table's audit notes it)
          ...(cases ? { cases } : {}),
        },
      };
    },
  ];
}
