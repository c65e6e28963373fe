/**
 * The rule every comparison finding is judged by (the Aequitas method plus a significance test):
 *
 * - fewer than `minSample` tickets in either group → `insufficient-data` (neither pass nor fail);
 * - tickets enough but no ratio of medians (both medians not reached, or like-for-like cells
 *   bounded in opposite directions) or no test → `no-preference`: nothing shown either way;
 * - `preference` (significant) only when the whole 95% CI of the ratio of medians lies outside
 *   the tolerance band (default 0.80–1.25) AND the Holm-adjusted p < alpha;
 * - when the data have strata (category and/or priority), the like-for-like view decides; the
 *   raw view is reported beside it. A raw gap that would have been significant but shrinks by at
 *   least half (on the log scale), or into the tolerance band, and stops being significant like
 *   for like is `case-mix`; a
 *   like-for-like preference whose raw ratio points the other way (Simpson's paradox) is
 *   `case-mix` too, and significant: the preference is real, the raw gap beside it is the mix;
 * - otherwise `within-tolerance` when the ratio itself lies inside the band, else
 *   `no-preference` (a gap is possible but not shown).
 *
 * Neither median reached (half or more of both groups still waiting): the verdict reads the ratio
 * at the largest lower quantile either group reaches (25th, else 10th percentile; compare.ts
 * decisiveView) under the same rule, and every text says which quantile it is.
 *
 * A ratio that is only a bound (a group's median time to first response not reached: more than
 * half of it still waiting) has a one-sided CI. It can be a preference when that CI clears the
 * band on its side; it is never `within-tolerance` (the true ratio may lie beyond the band), and
 * a like-for-like bound cannot show that a raw gap shrank, so it is never `case-mix` either.
 */
import type { Interval } from '../../measure/summary.js';
import type { Verdict } from '../../report.js';
import { decisiveView, FALLBACK_QUANTILES, type Comparison, type View } from '../../measure/compare.js';
import { interval, num, oneSided, p, percentileWords, roundingOf, toleranceBand, toleranceEdges, type Edges } from '../../format.js';

/** The judging settings (from Settings). */
export interface Rules {
  tolerance: { low: number; high: number };
  alpha: number;
  minSample: number;
}

/** Holm-adjusted p-values of a comparison's views. */
export interface Adjusted {
  raw: number | null;
  adjusted: number | null;
}

export interface Judgement {
  verdict: Verdict;
  significant: boolean;
  /** The view that decided. */
  view: 'raw' | 'like-for-like';
  /** The rule that fired, in words. */
  rule: string;
  /** Whether the raw view on its own would have been significant. */
  rawSignificant: boolean;
}

/** Whether the whole CI lies outside the band [low, high]. */
export function outsideBand(ci: Interval | null, band: Rules['tolerance']): boolean {
  if (!ci) return false;
  const [lo, hi] = ci;
  return (hi !== null && hi < band.low) || (lo !== null && lo > band.high);
}

export function insideBand(ratio: number | null, band: Rules['tolerance']): boolean {
  return ratio !== null && ratio >= band.low && ratio <= band.high;
}

function enough(view: View, rules: Rules): boolean {
  return view.n[0] >= rules.minSample && view.n[1] >= rules.minSample;
}

function viewSignificant(view: View, pAdjusted: number | null, rules: Rules): boolean {
  return enough(view, rules) && view.ratio !== null && pAdjusted !== null && pAdjusted < rules.alpha && outsideBand(view.ci95, rules.tolerance);
}

/**
 * A view's CI in words: both ends, or the one end of a bounded ratio ("at least 2.10"); each end
 * on its side of `edges` (the tolerance band's: an end of 1.2504 is `1.2504`, not `1.25`).
 */
export function ciText(view: View, edges: Edges = []): string {
  return view.bound ? oneSided(view.ci95, edges) : interval(view.ci95, edges);
}

/**
 * Whether a view's gap from 1 is at least |ln ratio|: true for an estimate, and for a bound that
 * points away from 1 (at least 3× slower, at least 2× faster).
 */
function gapAtLeast(view: View): boolean {
  if (!view.bound || view.ratio === null) return true;
  return view.bound === 'lower' ? view.ratio >= 1 : view.ratio <= 1;
}

/**
 * Whether the raw view points the other way from the decisive one: its ratio on the other side
 * of 1 for certain (a bound only when it points away from 1), neither of them 1.
 */
function reversed(raw: View, decisive: View): boolean {
  if (raw.ratio === null || decisive.ratio === null || raw.ratio === 1 || decisive.ratio === 1 || !gapAtLeast(raw)) return false;
  return raw.ratio > 1 !== decisive.ratio > 1;
}

/**
 * What a view's ratio is of, for the rule texts: ` of the 25th percentiles (neither median
 * reached)`, like for like ` of the 25th percentiles (no cell has a ratio of medians)` (the
 * medians overall may be reached), or nothing for medians.
 */
export function ratioOfWords(view: View): string {
  if (view.quantile === undefined) return '';
  const why = 'strataUsed' in view ? 'no cell has a ratio of medians' : 'neither median reached';
  return ` of the ${percentileWords(view.quantile)}s (${why})`;
}

/** Human name of a view's test. */
export function testName(view: View, cells?: number): string {
  switch (view.test) {
    case 'gehan':
      return "Gehan's generalized Wilcoxon test, unanswered tickets censored";
    case 'stratified-gehan':
      return `stratified Gehan test over ${cells ?? 0} cells (Van Elteren weights), unanswered tickets censored`;
    case 'log-rank':
      return 'log-rank test, open tickets censored';
    case 'stratified-log-rank':
      return `stratified log-rank test over ${cells ?? 0} cells, open tickets censored`;
    default:
      return view.test;
  }
}

/** Judges one comparison with its Holm-adjusted p-values. */
export function judgeComparison(c: Comparison, adj: Adjusted, rules: Rules): Judgement {
  // Every ratio and CI end is written on its side of the band's edges (format.ts placesBeside):
  // 1.2504 is `1.2504`, never `1.25`, which reads as the edge, inside the band.
  const band = toleranceBand(rules.tolerance);
  const edges = toleranceEdges(rules.tolerance);
  const ratioText = (ratio: number, bound: View['bound'] | null = null, also: Edges = []): string => num(ratio, roundingOf(bound), [...edges, ...also]);
  const decisive: View = decisiveView(c);
  const of = ratioOfWords(decisive);
  const pDecisive = c.adjusted ? adj.adjusted : adj.raw;
  const view = c.adjusted ? 'like-for-like' : 'raw';
  const cells = c.adjusted?.strataUsed;
  const test = testName(decisive, cells);
  const rawSignificant = viewSignificant(c.raw, adj.raw, rules);
  if (!enough(decisive, rules)) {
    const why = `fewer than ${rules.minSample} tickets in a group${c.adjusted ? ' within comparable cells' : ''} (n = ${decisive.n[0]} vs ${decisive.n[1]})`;
    return { verdict: 'insufficient-data', significant: false, view, rule: `insufficient data: ${why}`, rawSignificant };
  }
  if (decisive.ratio === null || decisive.pValue === null) {
    // Tickets enough, but no ratio of medians (both medians not reached; like for like, cells
    // bounded in opposite directions) or no test (no spread at all): not a lack of tickets, and
    // not shown either way.
    const why =
      decisive.ratio === null
        ? c.adjusted?.opposingBounds
          ? 'like for like, some cells are bounded one way and others the other way (medians not reached), so no ratio of medians can be estimated'
          : `no ratio of medians can be estimated (medians not reached), nor of the ${FALLBACK_QUANTILES.map(percentileWords).join('s or ')}s (${c.adjusted ? 'in no comparable cell does either group reach them' : 'neither group reaches them'})`
        : 'the test cannot be computed (no spread in the times)';
    return { verdict: 'no-preference', significant: false, view, rule: `no preference shown: ${why} (${test}${decisive.pValue === null ? '' : `, Holm ${p(pDecisive)}`})`, rawSignificant };
  }
  if (viewSignificant(decisive, pDecisive, rules)) {
    if (c.adjusted && reversed(c.raw, decisive)) {
      // Simpson's paradox: like for like one group is served faster, overall the other. The
      // preference is real (significant, counted by findings.significant), but the raw ratio
      // every table shows points the other way, so the verdict beside it is `case-mix`, never a
      // `preference` mark on a number that says the opposite.
      return {
        verdict: 'case-mix',
        significant: true,
        view,
        // (the raw ratio on its side of 1 too: it points the other way)
        rule: `preference, reversed by case mix: like for like the 95% CI${of} ${ciText(decisive, edges)} is wholly outside the tolerance ${band} and Holm ${p(pDecisive)} < ${rules.alpha} (${test}), while the raw ratio ${c.raw.bound ? (c.raw.bound === 'lower' ? 'at least ' : 'at most ') : ''}${ratioText(c.raw.ratio as number, c.raw.bound, [1])} points the other way: the mix of ${c.adjusted.by.join(' and ')} turns the gap around`,
        rawSignificant,
      };
    }
    return {
      verdict: 'preference',
      significant: true,
      view,
      rule: `preference: 95% CI${of} ${ciText(decisive, edges)} wholly outside the tolerance ${band} and Holm ${p(pDecisive)} < ${rules.alpha} (${test})`,
      rawSignificant,
    };
  }
  if (c.adjusted && rawSignificant && c.raw.ratio !== null && gapAtLeast(c.raw) && !decisive.bound) {
    const rawGap = Math.abs(Math.log(c.raw.ratio));
    const adjGap = Math.abs(Math.log(decisive.ratio));
    // (half the gap is measured only between two ratios of medians: a like-for-like ratio of a
    // lower percentile, neither median reached in any cell, measures another thing than the raw
    // ratio of medians, and a smaller number there need not be the mix; inside the band it is
    // no gap either way)
    const halved = adjGap <= rawGap / 2 && decisive.quantile === undefined;
    if (halved || insideBand(decisive.ratio, rules.tolerance)) {
      // (two ways to it, said as they are: at least half the gap gone, or less than half gone
      // but what is left inside the tolerance band; found by an independent check of the text)
      const why = halved ? 'at least half of it comes from the mix' : `what is left lies inside the tolerance ${band}: the gap beyond it comes from the mix`;
      return {
        verdict: 'case-mix',
        significant: false,
        view,
        rule: `case mix: the raw gap (${c.raw.bound ? (c.raw.bound === 'lower' ? 'at least ' : 'at most ') : ''}${ratioText(c.raw.ratio, c.raw.bound)}, Holm ${p(adj.raw)}) is significant, but like for like the ratio${of} is ${ratioText(decisive.ratio)} (95% CI ${interval(decisive.ci95, edges)}, Holm ${p(pDecisive)}; ${test}): ${why} of ${c.adjusted.by.join(' and ')}`,
        rawSignificant,
      };
    }
  }
  if (insideBand(decisive.ratio, rules.tolerance) && !decisive.bound) {
    return { verdict: 'within-tolerance', significant: false, view, rule: `within tolerance: ratio${of} ${ratioText(decisive.ratio)} inside ${band} (${test})`, rawSignificant };
  }
  return {
    verdict: 'no-preference',
    significant: false,
    view,
    rule: decisive.bound
      ? `no preference shown: the ratio${of} is ${decisive.bound === 'lower' ? 'at least' : 'at most'} ${ratioText(decisive.ratio, decisive.bound)} (${decisive.quantile === undefined ? 'a median' : 'a quantile'} not reached), but the 95% CI (${ciText(decisive, edges)}) is not wholly outside ${band} or Holm ${p(pDecisive)} is not below ${rules.alpha} (${test})`
      : `no preference shown: ratio${of} ${ratioText(decisive.ratio)} is outside ${band}, but the 95% CI ${interval(decisive.ci95, edges)} is not wholly outside it or Holm ${p(pDecisive)} is not below ${rules.alpha} (${test})`,
    rawSignificant,
  };
}
