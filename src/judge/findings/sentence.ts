/**
 * A comparison finding: the judged comparison turned into the Finding the report carries, with
 * one plain sentence that has the numbers behind it, and every number (raw and like-for-like
 * views, per-cell ratios) in `details`.
 */
import type { Finding, FindingKind } from '../../report.js';
import { MIN_CELL, type Comparison, type Metric, type View } from './compare.js';
import type { PFamily } from './family.js';
import { judgeComparison, type Rules } from './rules.js';
import { count, duration, interval, num, p, speed, speedInterval } from './words.js';

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
const MEDIAN: Record<Metric, string> = { firstResponse: 'median first response', resolution: 'median resolution' };

function byWords(fields: string[]): string {
  return fields.join(' and ');
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
  extra: { details?: Record<string, unknown>; mixNote?: string } = {},
): Finding {
  const c = reg.comparison;
  const pRaw = family.get(reg.rawHandle);
  const pAdj = family.get(reg.adjustedHandle);
  const j = judgeComparison(c, { raw: pRaw, adjusted: pAdj }, rules);
  const decisive = c.adjusted ?? c.raw;
  const pDecisive = c.adjusted ? pAdj : pRaw;
  const verb = VERB[c.metric];
  const medians = `${MEDIAN[c.metric]} ${duration(c.raw.medians[0])} vs ${duration(c.raw.medians[1])}`;
  const nText = `n = ${count(decisive.n[0])} vs ${count(decisive.n[1])}`;
  const like = c.adjusted ? ` with the same ${byWords(c.adjusted.by)}` : '';
  const cellsText = c.adjusted ? `like for like in ${c.adjusted.strataUsed} cell${c.adjusted.strataUsed === 1 ? '' : 's'}: ` : '';
  const overall = c.adjusted ? `; overall ${medians}` : '';
  const ratio = decisive.ratio;
  let message: string;
  switch (j.verdict) {
    case 'preference':
      message = `${names.aPhrase} are ${verb} ${speed(ratio as number)} than ${names.bPhrase}${like} (${c.adjusted ? cellsText : `${medians}, `}95% CI ${speedInterval(ratio as number, decisive.ci95)}, Holm ${p(pDecisive)}, ${nText}${overall}).`;
      break;
    case 'case-mix':
      message = `${names.aPhrase} are ${verb} ${speed(c.raw.ratio as number)} than ${names.bPhrase} overall (${medians}, Holm ${p(pRaw)}), but${like} the ratio is ${num(ratio)} (95% CI ${interval(decisive.ci95)}, Holm ${p(pDecisive)}, ${nText}): case mix, not preference${extra.mixNote ?? ''}.`;
      break;
    case 'within-tolerance':
      message = `${names.aPhrase} are ${verb} about as fast as ${names.bPhrase}${like}: ratio of medians ${num(ratio)}, inside the tolerance ${num(rules.tolerance.low)}–${num(rules.tolerance.high)} (${cellsText}95% CI ${interval(decisive.ci95)}, Holm ${p(pDecisive)}, ${nText}${c.adjusted ? overall : `; ${medians}`}).`;
      break;
    case 'no-preference':
      message = `No preference shown: ${names.aPhrase} are ${verb} ${speed(ratio as number)} than ${names.bPhrase}${like}, but the evidence falls short (${cellsText}95% CI ${interval(decisive.ci95)}, Holm ${p(pDecisive)}, ${nText}${c.adjusted ? overall : `; ${medians}`}).`;
      break;
    default: {
      const rawN = `n = ${count(c.raw.n[0])} vs ${count(c.raw.n[1])}`;
      const cellN = c.adjusted ? `, of which ${count(c.adjusted.n[0])} vs ${count(c.adjusted.n[1])} in cells with at least ${MIN_CELL} of each` : '';
      message = `Too few tickets to judge whether ${names.aPhrase} are ${verb} faster than ${names.bPhrase}${like} (${rawN}${cellN}; at least ${count(rules.minSample)} per group needed).`;
    }
  }
  const viewDetails = (v: typeof c.raw | NonNullable<typeof c.adjusted>, pValueAdjusted: number | null): Record<string, unknown> => ({
    ratio: v.ratio,
    ci95: v.ci95,
    pValue: v.pValue,
    pValueAdjusted,
    n: { [names.a]: v.n[0], [names.b]: v.n[1] },
    test: v.test,
  });
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
      raw: { ...viewDetails(c.raw, pRaw), medians: { [names.a]: c.raw.medians[0], [names.b]: c.raw.medians[1] }, significant: j.rawSignificant },
      likeForLike: c.adjusted
        ? {
            ...viewDetails(c.adjusted, pAdj),
            by: c.adjusted.by,
            strataUsed: c.adjusted.strataUsed,
            strataSkipped: c.adjusted.strataSkipped,
            coverage: { [names.a]: c.adjusted.coverage[0], [names.b]: c.adjusted.coverage[1] },
            strata: c.adjusted.cells.map((cell) => ({
              stratum: cell.stratum,
              n: { [names.a]: cell.n[0], [names.b]: cell.n[1] },
              ratio: cell.ratio,
              ci95: cell.ci95,
            })),
          }
        : null,
      ...extra.details,
    },
  };
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
