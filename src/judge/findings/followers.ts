/**
 * follower-preference: among social tickets with a follower count, (1) Spearman's rank
 * correlation of follower count with first-response time, and (2) each follower band against the
 * lowest band, judged like any other comparison (on first response with the still unanswered
 * tickets censored, see compare.ts).
 *
 * The correlation counts the unanswered tickets too, as the medians do: a ticket still waiting
 * has waited at least its age, so it ranks above every answer that came sooner and is left
 * unordered against later ones (Gehan's scores, measure/rankCorrelation.ts). On answered tickets
 * alone, a band that leaves most of its customers waiting would look fast: the few it answered
 * were answered quickly.
 *
 * With category/priority cells the correlation is taken like for like too: each ticket's follower
 * count and response time become percentile ranks within its cell, and Spearman's rho is computed
 * on those, so a band that simply asks easier questions does not make a correlation. The rho and
 * p-values are measured in measure/rankCorrelation.ts (on the statistics helper thread for a
 * large table); the family, verdict and sentence are decided here.
 */
import type { FollowerBand } from '../../measure/groups.js';
import { groupSize } from '../../measure/sample.js';
import type { Finding } from '../../report.js';
import type { SpearmanResult } from '../../stats/spearman.js';
import { compareGroups, MIN_CELL } from '../../measure/compare.js';
import type { Deferred, FindingContext } from './context.js';
import { comparisonFinding, register } from './sentence.js';
import { count, MIN_RHO, num, p, rhoText } from '../../format.js';

/** Smallest |rho| that counts as a relation worth reporting (format.ts, where every rho is written against it). */
export { MIN_RHO };

function rhoSignificant(r: SpearmanResult, pAdjusted: number | null, minSample: number, alpha: number): boolean {
  return r.n >= minSample && Number.isFinite(r.rho) && Math.abs(r.rho) >= MIN_RHO && pAdjusted !== null && pAdjusted < alpha;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function correlationFinding(ctx: FindingContext, raw: SpearmanResult, adjusted: SpearmanResult | null, hRaw: number, hAdj: number, answered: number): Finding {
  const { rules, ticketFamily: family } = ctx;
  const pRaw = family.get(hRaw);
  const pAdj = family.get(hAdj);
  const decisive = adjusted ?? raw;
  const pDecisive = adjusted ? pAdj : pRaw;
  const like = adjusted && ctx.groups.strata ? ` within the same ${ctx.groups.strata.by.join(' and ')}` : '';
  const direction = decisive.rho < 0 ? 'more followers go with faster first responses' : 'more followers go with slower first responses';
  const stats = `Spearman rho = ${rhoText(decisive.rho)}, Holm ${p(pDecisive)}, n = ${count(decisive.n)}${adjusted ? `; overall rho = ${rhoText(raw.rho)}` : ''}`;
  const rawSig = rhoSignificant(raw, pRaw, rules.minSample, rules.alpha);
  let verdict: Finding['verdict'];
  let rule: string;
  let message: string;
  if (decisive.n < rules.minSample) {
    verdict = 'insufficient-data';
    rule = `insufficient data: fewer than ${rules.minSample} social tickets with a follower count${adjusted ? ' in cells of at least ' + MIN_CELL : ''}`;
    message = `Too few social tickets with a follower count to relate followers to response time (n = ${count(decisive.n)}; at least ${count(rules.minSample)} needed).`;
  } else if (!Number.isFinite(decisive.rho) && answered === 0) {
    // every one still waiting: their waits are lower bounds that cannot be put in order
    verdict = 'no-preference';
    rule = `no preference shown: none of the social tickets with a follower count was answered, so their waits cannot be ranked (n = ${count(decisive.n)})`;
    message = `Cannot relate follower count to first-response time on social: none of the ${count(decisive.n)} social tickets with a follower count was answered, so their waits cannot be put in order (each has waited at least its age so far).`;
  } else if (!Number.isFinite(decisive.rho)) {
    // tickets enough, nothing to rank (one follower count, or one time): not a lack of tickets,
    // and not shown either way, as a comparison with tickets enough but no ratio (rules.ts)
    verdict = 'no-preference';
    rule = `no preference shown: the follower count or the first-response time does not vary${like}, so no rank correlation can be computed (n = ${count(decisive.n)})`;
    message = `Cannot relate follower count to first-response time on social: among the ${count(decisive.n)} social tickets with a follower count${adjusted ? ` in cells of at least ${MIN_CELL}` : ''}, the follower count or the response time does not vary${like}.`;
  } else if (rhoSignificant(decisive, pDecisive, rules.minSample, rules.alpha)) {
    verdict = 'preference';
    rule = `preference: |rho| ≥ ${MIN_RHO} and Holm ${p(pDecisive)} < ${rules.alpha} (Spearman, t approximation, unanswered tickets ranked as still waiting${adjusted ? ', on percentile ranks within cells' : ''})`;
    message = `Among social tickets with a follower count (the unanswered counted as still waiting), ${direction}${like} (${stats}).`;
  } else if (adjusted && rawSig && Math.abs(decisive.rho) <= Math.abs(raw.rho) / 2) {
    verdict = 'case-mix';
    rule = `case mix: overall rho ${rhoText(raw.rho)} (Holm ${p(pRaw)}) is significant, but${like} rho is ${rhoText(decisive.rho)} (Holm ${p(pDecisive)})`;
    message = `Follower count goes with first-response time overall (rho = ${rhoText(raw.rho)}, Holm ${p(pRaw)}), but not${like} (rho = ${rhoText(decisive.rho)}, Holm ${p(pDecisive)}, n = ${count(decisive.n)}): case mix, not preference.`;
  } else if (Math.abs(decisive.rho) < MIN_RHO) {
    verdict = 'within-tolerance';
    rule = `within tolerance: |rho| = ${num(Math.abs(decisive.rho), 'nearest', [MIN_RHO])} < ${MIN_RHO}`;
    message = `Follower count and first-response time on social are barely related${like} (${stats}; |rho| under ${MIN_RHO}).`;
  } else {
    verdict = 'no-preference';
    rule = `no preference shown: |rho| ≥ ${MIN_RHO} but Holm ${p(pDecisive)} is not below ${rules.alpha}`;
    message = `No preference shown: ${direction}${like} on social, but the evidence falls short (${stats}).`;
  }
  return {
    kind: 'follower-preference',
    subject: 'social',
    against: null,
    metric: 'firstResponse',
    significant: verdict === 'preference',
    verdict,
    effect: finite(decisive.rho),
    effectCi95: null,
    pValue: finite(decisive.pValue),
    pValueAdjusted: pDecisive,
    n: { social: decisive.n },
    rule,
    message,
    details: {
      test: 'spearman',
      view: adjusted ? 'like-for-like' : 'raw',
      raw: { rho: finite(raw.rho), pValue: finite(raw.pValue), pValueAdjusted: pRaw, n: raw.n },
      likeForLike: adjusted
        ? { rho: finite(adjusted.rho), pValue: finite(adjusted.pValue), pValueAdjusted: pAdj, n: adjusted.n, by: ctx.groups.strata?.by ?? [] }
        : null,
    },
  };
}

/** Registers the follower tests; returns the builders of their findings. */
export function followerFindings(ctx: FindingContext): Deferred[] {
  const { groups } = ctx;
  const socialBands = groups.socialBands;
  if (socialBands.every((g) => groups.of(g).tickets === 0)) return [];
  const out: Deferred[] = [];

  // Correlation, over every social ticket with a follower count (the unanswered ranked as still
  // waiting): needs each ticket's follower count and time, so only
  // in-process (a count table's audit says so in its input notes).
  const t = ctx.tickets;
  if (t) {
    const { raw, adjusted, answered } = t.correlation();
    const testable = (r: SpearmanResult): number | null => (r.n >= ctx.rules.minSample ? finite(r.pValue) : null);
    // (a family of their own: context.ts ticketFamily)
    const hRaw = ctx.ticketFamily.add(testable(raw));
    const hAdj = adjusted ? ctx.ticketFamily.add(testable(adjusted)) : -1;
    out.push(() => correlationFinding(ctx, raw, adjusted, hRaw, hAdj, answered));
  }

  // Bands against the lowest band with enough tickets in the first-response comparison (answered
  // or still waiting; else the lowest with any).
  const bands = groups.bands.slice(0, -1); // without the trailing `unknown` band
  const compared = (g: unknown): number => groupSize(groups.of(g), 'firstResponse').n;
  let low = socialBands.findIndex((g) => compared(g) >= ctx.rules.minSample);
  if (low < 0) low = socialBands.findIndex((g) => groups.of(g).tickets > 0);
  if (low < 0) return out;
  const lowBand = bands[low] as FollowerBand;
  const lowGroup = socialBands[low];
  socialBands.forEach((group, k) => {
    if (k === low || groups.of(group).tickets === 0) return;
    const band = bands[k] as FollowerBand;
    const reg = register(ctx.family, compareGroups(groups, group, lowGroup, 'firstResponse', groups.strata), ctx.rules.minSample);
    const names = {
      a: band.label,
      b: lowBand.label,
      aPhrase: `social tickets from accounts with ${band.label} followers`,
      bPhrase: `those with ${lowBand.label}`,
    };
    out.push(() => comparisonFinding('follower-preference', band.label, lowBand.label, names, reg, ctx.family, ctx.rules, { details: { band: { min: band.min, max: band.max } } }));
  });
  return out;
}
