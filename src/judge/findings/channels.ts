/**
 * channel-preference: every channel against the reference channel on first response and on
 * resolution (raw and like for like; unanswered and unresolved tickets count as still waiting,
 * see measure/compare.ts); response-theatre: a channel answered faster than the reference (a
 * preference) but not resolved faster (no preference for it on resolution).
 */
import { CHANNELS, type Channel } from '../../model.js';
import type { Finding } from '../../report.js';
import { compareGroups, type Metric } from '../../measure/compare.js';
import type { Deferred, FindingContext } from './context.js';
import { capitalise, comparisonFinding, effectBound, noteFinding, register, type Registered } from './sentence.js';
import { boundedSpeed, interval, oneSided, p, percentileWords, share, slaEdges, toleranceEdges, type Edges } from '../../format.js';

/** The case-mix clause of two ticket groups (moved to measure/ticketGroups.ts, where both producers of groups have one). */
export { mixNote } from '../../measure/ticketGroups.js';

/** How a resolution verdict reads after "but resolved …" in a theatre sentence. */
const RESOLVED_WORDS: Partial<Record<Finding['verdict'], string>> = {
  'within-tolerance': 'within the tolerance band',
  'no-preference': 'not shown to be faster',
  // (case mix: the raw gap is significant, but like for like at least half of it, or all beyond
  // the band, is the mix of tickets, as the resolution finding's rule says; "no faster like for
  // like" had stood beside a like-for-like ratio of 0.89, CI 0.81–0.98: faster, inside the band)
  'case-mix': 'case mix: the raw gap comes from the mix of tickets',
  preference: 'significantly slower',
};

/** The quantile a comparison finding's effect is of (details.effectQuantile), or null for the medians. */
function quantileOf(f: Finding): number | null {
  const q = f.details?.['effectQuantile'];
  return typeof q === 'number' ? q : null;
}

/**
 * Response theatre, one rule: the channel's first-response comparison with the reference is a
 * preference (faster), while its resolution comparison is not a preference for it (within
 * tolerance, not conclusive, case mix, or slower). The sentence gives both ratios and how much of
 * the reply advantage survives to resolution, on the log scale: ln(resolution ratio) / ln(first-
 * response ratio), only when both ratios are of the same measure (both of the medians, or both of
 * the same lower percentile when neither median is reached: compare.ts decisiveView); otherwise
 * it says that share cannot be said. Resolution not measurable → no claim, a note says why. Every ratio and CI end
 * is written on its side of the tolerance band's `edges`, as in the comparison findings.
 */
export function theatre(channel: Channel, reference: Channel, edges: Edges, first: Finding, resolution: Finding): Finding | null {
  // (significant: a preference, or one like for like that the raw ratio reverses — case mix)
  if (!first.significant || first.effect === null || first.effect >= 1) return null;
  // (a ratio of a lower quantile, neither median reached, says so: compare.ts decisiveView)
  const at = (f: Finding): string => {
    const q = quantileOf(f);
    return q === null ? '' : ` at the ${percentileWords(q)}`;
  };
  const firstWords = `answered ${boundedSpeed(first.effect, effectBound(first), edges)} than ${reference} tickets${at(first)}`;
  if (resolution.verdict === 'insufficient-data' || resolution.effect === null) {
    return noteFinding({
      kind: 'response-theatre',
      subject: channel,
      verdict: 'insufficient-data',
      rule: 'no response-theatre claim: the resolution comparison cannot be judged',
      message: `${capitalise(channel)} tickets are ${firstWords}; whether they are also resolved faster cannot be judged (${resolution.rule ?? 'no resolution comparison'}), so no response-theatre claim is made.`,
    });
  }
  if (resolution.significant && resolution.effect < 1) return null;
  const r = resolution.effect;
  const bound = effectBound(resolution);
  // a share of two ratios is a number only when both are: a bound (a median not reached) leaves
  // it open, unless resolution is no faster at all (then none survives, whatever the bounds)
  const bounded = bound !== null || effectBound(first) !== null;
  // nor when the two ratios are of different quantiles (one of the medians, the other of a lower
  // percentile because neither median was reached, or the 25th beside the 10th): a share of one
  // in the other would divide two different measures
  const qFirst = quantileOf(first);
  const qResolution = quantileOf(resolution);
  const unlike = qFirst !== qResolution;
  const noneSurvives = r >= 1 && (bound === null || bound === 'lower');
  const survives = noneSurvives ? 0 : bounded || unlike ? null : Math.max(0, Math.min(1, Math.log(r) / Math.log(first.effect)));
  const of = (q: number | null): string => (q === null ? 'the medians' : `the ${percentileWords(q)}`);
  const survivalText =
    survives === 0
      ? 'none of the reply advantage survives to resolution'
      : survives === null
        ? `how much of the reply advantage survives to resolution cannot be said (${unlike ? `first response is compared at ${of(qFirst)}, resolution at ${of(qResolution)}` : 'a median is only a bound'})`
        : `about ${share(survives)} of the reply advantage survives to resolution`;
  // (a significant one is slower here, like for like even when the raw ratio says otherwise)
  const words = resolution.significant ? RESOLVED_WORDS.preference : (RESOLVED_WORDS[resolution.verdict] ?? resolution.verdict);
  return {
    kind: 'response-theatre',
    subject: channel,
    against: reference,
    metric: 'resolution',
    significant: false,
    verdict: 'info',
    effect: r,
    effectCi95: resolution.effectCi95 ?? null,
    pValue: null,
    pValueAdjusted: null,
    ...(resolution.n ? { n: resolution.n } : {}),
    rule: `response theatre: first response is a preference for ${channel} (${first.rule ?? 'preference'}) while resolution is not (${resolution.rule ?? resolution.verdict})`,
    message: `Response theatre on ${channel}: ${firstWords}, but resolved ${boundedSpeed(r, bound, edges)}${at(resolution)} (${words}; 95% CI ${bound ? oneSided(resolution.effectCi95 ?? null, edges) : interval(resolution.effectCi95 ?? null, edges)}, Holm ${p(resolution.pValueAdjusted ?? null)}): ${survivalText}.`,
    details: {
      // the finding's effect is the resolution ratio: its bound travels with it, as every comparison finding's does
      effectBound: bound,
      // and so does its quantile, when the resolution ratio is of a lower percentile (neither median reached)
      ...(qResolution === null ? {} : { effectQuantile: qResolution }),
      firstResponse: { ratio: first.effect, ci95: first.effectCi95 ?? null, bound: effectBound(first), verdict: first.verdict, pValueAdjusted: first.pValueAdjusted ?? null, ...(qFirst === null ? {} : { quantile: qFirst }) },
      resolution: { ratio: r, ci95: resolution.effectCi95 ?? null, bound, verdict: resolution.verdict, pValue: resolution.pValue, pValueAdjusted: resolution.pValueAdjusted ?? null, view: resolution.details?.['view'] ?? null, ...(qResolution === null ? {} : { quantile: qResolution }) },
      advantageSurviving: survives,
    },
  };
}

/** Registers the channel comparisons; returns the builders of their findings. */
export function channelFindings(ctx: FindingContext): Deferred[] {
  const { reference, groups } = ctx;
  const ref = groups.channels.get(reference);
  if (ref === undefined) {
    return [
      () =>
        noteFinding({
          kind: 'channel-preference',
          subject: reference,
          verdict: 'insufficient-data',
          rule: 'insufficient data: no tickets of the reference channel',
          message: `No ${reference} tickets: channels cannot be compared with the reference (choose another with --reference).`,
        }),
    ];
  }
  const out: Deferred[] = [];
  for (const channel of CHANNELS) {
    const indices = groups.channels.get(channel);
    if (channel === reference || indices === undefined) continue;
    const names = { a: channel, b: reference, aPhrase: `${channel} tickets`, bPhrase: `${reference} tickets` };
    const regs = (['firstResponse', 'resolution'] as Metric[]).map((metric) =>
      register(ctx.family, compareGroups(groups, indices, ref, metric, groups.strata), ctx.rules.minSample),
    ) as [Registered, Registered];
    out.push(() => {
      const mix = groups.mixNote(indices, ref, names.aPhrase, names.bPhrase);
      const row = (c: Channel) => ctx.report.channels.find((x) => x.channel === c);
      const [first, resolution] = regs.map((reg, k) => {
        const metric = k === 0 ? 'firstResponse' : 'resolution';
        return comparisonFinding('channel-preference', channel, reference, names, reg, ctx.family, ctx.rules, { mixNote: mix, targets: [slaEdges(row(channel), metric), slaEdges(row(reference), metric)] });
      }) as [Finding, Finding];
      const show = theatre(channel, reference, toleranceEdges(ctx.rules.tolerance), first, resolution);
      return show ? [first, resolution, show] : [first, resolution];
    });
  }
  return out;
}
