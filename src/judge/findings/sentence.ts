/**
 * A comparison finding: the judged comparison turned into the Finding the report carries, with
 * one plain sentence that has the numbers behind it, and every number (raw and like-for-like
 * views, per-cell ratios) in `details`.
 *
 * First-response sentences quote the Kaplan–Meier medians the effect is made of ("median time to
 * first response …, counting unanswered tickets as still waiting"; "at least …" where a median is
 * not reached), and the answered shares when they differ, because a channel that leaves tickets
 * unanswered is slower than its answered tickets alone say. The channel table keeps the plain
 * median of answered tickets beside it (answeredMedian); `details.raw.answeredMedians` has it too.
 */
import type { Finding, FindingKind } from '../../report.js';
import { decisiveView, MIN_CELL, type Comparison, type Metric, type RawView, type View } from '../../measure/compare.js';
import type { PFamily } from './family.js';
import { ciText, insideBand, judgeComparison, type Rules } from './rules.js';
import { count, duration, durationBeside, num, p, percentileWords, share, speedCi, speedThan, toleranceBand, toleranceEdges, type Edges } from '../../format.js';

/** Answered shares that differ by at least this much (absolute) are named in the sentence. */
/**
 * A finding that reports rather than tests (no comparison behind it): not significant, no
 * effect size or p-value unless given.
 */
export function noteFinding(
  fields: Pick<Finding, 'kind' | 'subject' | 'verdict' | 'rule' | 'message'> & Partial<Pick<Finding, 'effect' | 'count' | 'details'>>,
): Finding {
  // Same key order as the tested findings, so the JSON reads alike.
  const { kind, subject, verdict, effect = null, ...rest } = fields;
  return { kind, subject, against: null, metric: null, significant: false, verdict, effect, pValue: null, ...rest };
}

export const ANSWERED_SHARE_NOTE = 0.05;

/** How the two groups are named: keys of `n` and phrases inside the sentence (plural nouns). */
export interface GroupNames {
  /** Short key of group a, e.g. `social`, `100k+`, `loud`. */
  a: string;
  b: string;
  /** Sentence phrase for group a, e.g. `social tickets`. */
  aPhrase: string;
  bPhrase: string;
}

/** A comparison whose p-values are in the family. */
export interface Registered {
  comparison: Comparison;
  rawHandle: number;
  adjustedHandle: number;
}

/**
 * Puts a comparison's p-values (raw and like for like) into the family: only views with at least
 * `minSample` tickets in both groups, because the others are `insufficient-data` whatever their p
 * and would only make the adjustment stricter for the rest.
 */
export function register(family: PFamily, comparison: Comparison, minSample: number): Registered {
  const testable = (v: View): number | null => (v.n[0] >= minSample && v.n[1] >= minSample ? v.pValue : null);
  return {
    comparison,
    rawHandle: family.add(testable(comparison.raw)),
    adjustedHandle: comparison.adjusted ? family.add(testable(comparison.adjusted)) : -1,
  };
}

const VERB: Record<Metric, string> = { firstResponse: 'answered', resolution: 'resolved' };
const MEDIAN: Record<Metric, string> = { firstResponse: 'median time to first response', resolution: 'median resolution' };

function byWords(fields: string[]): string {
  return fields.join(' and ');
}

/** Share of each group's tickets that ended (answered / resolved) by the as-of time. */
function endedShares(raw: RawView): [number, number] | null {
  if (raw.n[0] === 0 || raw.n[1] === 0) return null;
  return [raw.ended[0] / raw.n[0], raw.ended[1] / raw.n[1]];
}

const STILL: Record<Metric, { clause: string; share: string }> = {
  firstResponse: { clause: 'counting unanswered tickets as still waiting', share: 'answered' },
  resolution: { clause: 'counting open tickets as still waiting', share: 'resolved' },
};

/**
 * "median time to first response 40m vs at least 2d, counting unanswered tickets as still
 * waiting; answered 100% vs 40%": the raw medians, with the clause about unanswered tickets only
 * when there are any and the answered shares only when they differ.
 */
function mediansText(metric: Metric, raw: RawView, targets: readonly [Edges, Edges] = [[], []]): string {
  // (each median written beside its own group's SLA targets, as the channel table writes it)
  const one = (k: 0 | 1): string => (raw.medians[k] === null ? '—' : raw.mediansReached[k] ? durationBeside(raw.medians[k], 'nearest', targets[k]) : `at least ${durationBeside(raw.medians[k], 'down', targets[k])}`);
  let text = `${MEDIAN[metric]} ${one(0)} vs ${one(1)}`;
  const shares = endedShares(raw);
  if (shares && (shares[0] < 1 || shares[1] < 1)) {
    text += `, ${STILL[metric].clause}`;
    if (Math.abs(shares[0] - shares[1]) >= ANSWERED_SHARE_NOTE) text += `; ${STILL[metric].share} ${share(shares[0])} vs ${share(shares[1])}`;
  }
  return text;
}

/**
 * The tail's clause for a ratio of a lower quantile: "; neither median is reached, so the 25th
 * percentiles are compared: 3h 10m vs 1d 2h" (the raw view's two quantiles). Like for like it
 * says what is true there: no comparable cell has a ratio of medians (the medians overall may
 * well be reached, by tickets in cells left out), and the cells' quantiles are in the details.
 */
function quantileText(c: Comparison, q: number): string {
  if (c.adjusted) return `; no comparable cell has a ratio of medians (half or more of both groups still waiting in each), so the ${percentileWords(q)}s are compared like for like`;
  const words = `; neither median is reached, so the ${percentileWords(q)}s are compared`;
  const at = c.raw.atQuantile;
  if (!at || at.quantile !== q) return words;
  const one = (k: 0 | 1): string => (at.reached[k] ? duration(at.values[k]) : `at least ${duration(at.values[k], 'down')}`);
  return `${words}: ${one(0)} vs ${one(1)}`;
}

/**
 * Builds the finding (after the family is adjusted). `mixNote` is appended to a case-mix
 * sentence (e.g. "; 88% of social tickets are Account vs 25% of phone tickets").
 */
export function comparisonFinding(
  kind: FindingKind,
  subject: string,
  against: string,
  names: GroupNames,
  reg: Registered,
  family: PFamily,
  rules: Rules,
  /** `targets`: the SLA targets each group's medians are written beside (channels only). */
  extra: { details?: Record<string, unknown>; mixNote?: string; targets?: readonly [Edges, Edges] } = {},
): Finding {
  const c = reg.comparison;
  const pRaw = family.get(reg.rawHandle);
  const pAdj = family.get(reg.adjustedHandle);
  const j = judgeComparison(c, { raw: pRaw, adjusted: pAdj }, rules);
  const decisive = decisiveView(c);
  const pDecisive = c.adjusted ? pAdj : pRaw;
  const verb = VERB[c.metric];
  // a ratio of a lower quantile (neither median reached) says so beside its number, and the
  // sentence's tail says why and gives the two quantiles (compare.ts decisiveView)
  const atQ = decisive.quantile === undefined ? '' : ` at the ${percentileWords(decisive.quantile)}`;
  const medians = mediansText(c.metric, c.raw, extra.targets) + (decisive.quantile === undefined ? '' : quantileText(c, decisive.quantile));
  const nText = `n = ${count(decisive.n[0])} vs ${count(decisive.n[1])}`;
  const like = c.adjusted ? ` with the same ${byWords(c.adjusted.by)}` : '';
  const unrated = c.adjusted?.strataWithoutRatio ?? 0;
  const cellsText = c.adjusted
    ? `like for like in ${c.adjusted.strataUsed} cell${c.adjusted.strataUsed === 1 ? '' : 's'}${unrated ? `, ${unrated} of them without a ratio (${unratedWhy(c.adjusted.quantile)})` : ''}: `
    : '';
  const tail = `; ${c.adjusted ? 'overall ' : ''}${medians}`;
  const ratio = decisive.ratio;
  // every ratio, multiple and CI end on its side of the tolerance band's edges, as in the rule
  const edges = toleranceEdges(rules.tolerance);
  let message: string;
  switch (j.verdict) {
    case 'preference': {
      const ci = speedCi(decisive.ci95, edges);
      message = `${names.aPhrase} are ${verb} ${speedThan(ratio as number, decisive.bound, names.bPhrase, edges)}${atQ}${like} (${cellsText}95% CI ${ci}, Holm ${p(pDecisive)}, ${nText}${tail}).`;
      break;
    }
    case 'case-mix':
      if (j.significant) {
        // reversed: like for like the one way (significant), overall the other
        const ci = speedCi(decisive.ci95, edges);
        message = `${names.aPhrase} are ${verb} ${speedThan(ratio as number, decisive.bound, names.bPhrase, edges)}${atQ}${like} (${cellsText}95% CI ${ci}, Holm ${p(pDecisive)}, ${nText}), though ${speedThan(c.raw.ratio as number, c.raw.bound, names.bPhrase, edges)} overall (${medians}): the mix of tickets turns the gap around${extra.mixNote ?? ''}.`;
        break;
      }
      message = `${names.aPhrase} are ${verb} ${speedThan(c.raw.ratio as number, c.raw.bound, names.bPhrase, edges)} overall (Holm ${p(pRaw)}; ${medians}), but${like} the ratio${decisive.quantile === undefined ? '' : ` of the ${percentileWords(decisive.quantile)}s`} is ${num(ratio, 'nearest', edges)} (95% CI ${ciText(decisive, edges)}, Holm ${p(pDecisive)}, ${nText}): case mix, not preference${extra.mixNote ?? ''}.`;
      break;
    case 'within-tolerance':
      message = `${names.aPhrase} are ${verb} about as fast as ${names.bPhrase}${like}: ratio of ${decisive.quantile === undefined ? 'medians' : `the ${percentileWords(decisive.quantile)}s`} ${num(ratio, 'nearest', edges)}, inside the tolerance ${toleranceBand(rules.tolerance)} (${cellsText}95% CI ${ciText(decisive, edges)}, Holm ${p(pDecisive)}, ${nText}${tail}).`;
      break;
    case 'no-preference':
      message =
        ratio === null
          ? `Cannot judge whether ${names.aPhrase} are ${verb} faster than ${names.bPhrase}${like}: ${noRatio(c)} (${cellsText}${pDecisive === null ? '' : `Holm ${p(pDecisive)}, `}${nText}${tail}).`
          : `No preference shown: ${names.aPhrase} are ${verb} ${speedThan(ratio, decisive.bound, names.bPhrase, edges)}${atQ}${like}, but the evidence falls short (${cellsText}95% CI ${speedCi(decisive.ci95, edges)}, Holm ${p(pDecisive)}, ${nText}${tail}).`;
      break;
    default: {
      const rawN = `n = ${count(c.raw.n[0])} vs ${count(c.raw.n[1])}`;
      const cellN = c.adjusted ? `, of which ${count(c.adjusted.n[0])} vs ${count(c.adjusted.n[1])} in cells with at least ${MIN_CELL} of each` : '';
      // neither group has a single measurable time (an export without resolution times): not a
      // matter of too few tickets, so the finding says what is missing rather than ask for more
      message =
        c.raw.n[0] === 0 && c.raw.n[1] === 0
          ? `No ${c.metric === 'firstResponse' ? 'first-response' : 'resolution'} comparison of ${names.aPhrase} with ${names.bPhrase}: neither has a ticket with a measurable ${c.metric === 'firstResponse' ? 'first-response' : 'resolution'} time (see the notes).`
          : `Too few tickets to judge whether ${names.aPhrase} are ${verb} faster than ${names.bPhrase}${like} (${rawN}${cellN}; at least ${count(rules.minSample)} per group needed).`;
    }
  }
  const viewDetails = (v: View, pValueAdjusted: number | null): Record<string, unknown> => ({
    ratio: v.ratio,
    ci95: v.ci95,
    bound: v.bound ?? null,
    pValue: v.pValue,
    pValueAdjusted,
    n: { [names.a]: v.n[0], [names.b]: v.n[1] },
    test: v.test,
  });
  const pair = <T>(x: [T, T]): Record<string, T> => ({ [names.a]: x[0], [names.b]: x[1] });
  const shares = endedShares(c.raw);
  const endedKey = STILL[c.metric].share;
  return {
    kind,
    subject,
    against,
    metric: c.metric,
    significant: j.significant,
    verdict: j.verdict,
    effect: ratio,
    effectCi95: decisive.ci95,
    pValue: decisive.pValue,
    pValueAdjusted: pDecisive,
    n: { [names.a]: decisive.n[0], [names.b]: decisive.n[1] },
    rule: j.rule,
    message: capitalise(message),
    details: {
      view: j.view,
      // whether the verdict's words hold for the raw ratio too (the tables' number): false for a
      // preference only like for like (the raw view not significant) and for within tolerance like
      // for like while the raw ratio lies outside the band (or is only a bound); the tables then
      // say the verdict is like for like
      verdictHoldsOverall:
        j.view === 'raw' ||
        (j.verdict === 'preference' ? j.rawSignificant : j.verdict === 'within-tolerance' ? !c.raw.bound && insideBand(c.raw.ratio, rules.tolerance) : true),
      // 'lower': the effect is only a lower bound (the subject's median was not reached), 'upper': an upper bound.
      effectBound: decisive.bound ?? null,
      // the effect is the ratio of this quantile, not of the medians (neither median reached): present only then
      ...(decisive.quantile === undefined ? {} : { effectQuantile: decisive.quantile }),
      raw: {
        ...viewDetails(c.raw, pRaw),
        medians: pair(c.raw.medians),
        mediansReached: pair(c.raw.mediansReached),
        [endedKey]: pair(c.raw.ended),
        ...(shares ? { [`${endedKey}Share`]: pair(shares) } : {}),
        ...(c.raw.answeredMedians ? { answeredMedians: pair(c.raw.answeredMedians) } : {}),
        ...(c.raw.atQuantile
          ? {
              atQuantile: {
                quantile: c.raw.atQuantile.quantile,
                values: pair(c.raw.atQuantile.values),
                reached: pair(c.raw.atQuantile.reached),
                ratio: c.raw.atQuantile.ratio,
                ci95: c.raw.atQuantile.ci95,
                bound: c.raw.atQuantile.bound ?? null,
              },
            }
          : {}),
        significant: j.rawSignificant,
      },
      likeForLike: c.adjusted
        ? {
            ...viewDetails(c.adjusted, pAdj),
            ...(c.adjusted.quantile === undefined ? {} : { quantile: c.adjusted.quantile }),
            by: c.adjusted.by,
            strataUsed: c.adjusted.strataUsed,
            strataSkipped: c.adjusted.strataSkipped,
            strataWithoutRatio: c.adjusted.strataWithoutRatio,
            coverage: pair(c.adjusted.coverage),
            strata: c.adjusted.cells.map((cell) => ({
              stratum: cell.stratum,
              n: pair(cell.n),
              ratio: cell.ratio,
              ci95: cell.ci95,
              ...(cell.bound ? { bound: cell.bound } : {}),
              ...(cell.quantile === undefined ? {} : { quantile: cell.quantile }),
            })),
          }
        : null,
      ...extra.details,
    },
  };
}

/** Why a like-for-like cell has no ratio: neither median reached, or at the fallback quantile neither group reaching it. */
function unratedWhy(quantile: number | undefined): string {
  return quantile === undefined ? 'both medians not reached' : `neither group reaches the ${percentileWords(quantile)}`;
}

/** Why there is no ratio of medians although there are tickets enough. */
function noRatio(c: Comparison): string {
  if (c.adjusted?.opposingBounds) {
    return c.metric === 'firstResponse'
      ? 'in some comparable cells one group is slower and in others the other, each with half or more of a group still unanswered, so no single ratio of medians can be estimated'
      : 'in some comparable cells one group is slower and in others the other, each with half or more of a group still open, so no single ratio of medians can be estimated';
  }
  const reached = c.raw.mediansReached;
  if (!reached[0] && !reached[1] && c.raw.medians[0] !== null && c.raw.medians[1] !== null) {
    const base =
      c.metric === 'firstResponse'
        ? 'in both groups half or more of the tickets are still unanswered as far as the data reach, so neither median time to first response is known'
        : 'in both groups half or more of the tickets are still open as far as the data reach, so neither median resolution time is known';
    // (nor a lower percentile: compare.ts reads the 25th or 10th where either group reaches it)
    return c.adjusted
      ? `${base}; within the comparable cells no ratio of a lower percentile can be estimated either`
      : `${base}, nor a lower percentile: fewer than a tenth of either group ${VERB[c.metric]} as far as the data reach`;
  }
  return c.adjusted ? 'no ratio of medians can be estimated within the comparable cells' : 'no ratio of medians can be estimated';
}

/** Whether a comparison finding's effect is only a bound (report.ts, where renderers read it too). */
export { effectBound } from '../../report.js';

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
