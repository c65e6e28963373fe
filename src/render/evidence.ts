/**
 * A finding's evidence for people (Markdown and HTML): label/value pairs in words, with units —
 * durations as durations, shares as percentages, ratios as "× faster/slower", Spearman's rho as
 * rho — never camelCase keys or raw seconds. Formatting only: every number is already in the
 * finding (its effect, CI, p-values and `details`, which the judge wrote).
 */
import type { Finding } from '../report.js';
import { boundedSpeed, count, duration, durationBeside, formatP, num, p, percentileWords, rhoText, roundingOf, share, speedCi, VERDICT_WORDS, type Edges, type Rounding } from '../format.js';
import { roundTo } from '../measure/duration.js';
import type { Interval } from '../measure/estimate.js';

type Pair = [string, string];
type Dict = Record<string, unknown>;

const isDict = (x: unknown): x is Dict => x !== null && typeof x === 'object' && !Array.isArray(x);
const numberOr = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const bound = (x: unknown): 'lower' | 'upper' | null => (x === 'lower' || x === 'upper' ? x : null);

const METRIC_WORDS = { firstResponse: 'time to first response', resolution: 'time to resolution' } as const;

const TEST_WORDS: Record<string, string> = {
  gehan: "Gehan's generalized Wilcoxon test (unanswered tickets counted as still waiting)",
  'stratified-gehan': 'stratified Gehan test with Van Elteren weights',
  'log-rank': 'log-rank test (open tickets counted as still waiting)',
  'stratified-log-rank': 'stratified log-rank test',
  spearman: "Spearman's rank correlation",
};

/** "at least 4.1× slower", "7.3× faster". */
function ratioWords(ratio: unknown, b: unknown, edges: Edges = []): string {
  const r = numberOr(ratio);
  return r === null || r <= 0 ? 'no ratio' : boundedSpeed(r, bound(b), edges);
}

/** A ratio's 95% CI as speeds (format.ts speedCi: `1.10×–1.40×`, `from 1.25× faster to 3.6× slower`, `at least 2.9× slower`); none without a ratio. */
function ciWords(ratio: unknown, ci: unknown, edges: Edges = []): string | null {
  if (!Array.isArray(ci) || numberOr(ratio) === null) return null;
  return speedCi(ci as Interval, edges);
}

/** `social 60, phone 60` from `{ social: 60, phone: 60 }`, with a formatter per value. */
function pairs(x: unknown, f: (v: unknown) => string): string | null {
  if (!isDict(x)) return null;
  return Object.entries(x)
    .map(([k, v]) => `${k} ${f(v)}`)
    .join(', ');
}

const countOf = (v: unknown): string => (numberOr(v) === null ? '—' : count(v as number));
const shareOf = (v: unknown): string => (numberOr(v) === null ? '—' : share(v as number));
const durationOf = (v: unknown, r: Rounding = 'nearest'): string => (numberOr(v) === null ? '—' : duration(v as number, r));

/** The SLA targets a group's medians of a metric are written beside (a channel's; none for other groups). */
export type TargetsOf = (group: string, metric: 'firstResponse' | 'resolution') => Edges;

/** One comparison view (raw or like for like) in a sentence. */
function viewWords(v: Dict, metric: Finding['metric'], edges: Edges = [], targetsOf: TargetsOf = () => []): string {
  const beside = (k: string, m: unknown, r: Rounding = 'nearest'): string => (numberOr(m) === null || metric === null ? '—' : durationBeside(m as number, r, targetsOf(k, metric as 'firstResponse' | 'resolution')));
  const parts: string[] = [];
  if (v['rho'] !== undefined) {
    parts.push(`rho ${numberOr(v['rho']) === null ? '—' : rhoText(v['rho'] as number)}`);
  } else {
    parts.push(ratioWords(v['ratio'], v['bound'], edges));
    const ci = ciWords(v['ratio'], v['ci95'], edges);
    if (ci) parts.push(`95% CI ${ci}`);
  }
  const medians = v['medians'];
  const reached = isDict(v['mediansReached']) ? v['mediansReached'] : {};
  if (isDict(medians)) {
    parts.push(
      `medians ${Object.entries(medians)
        .map(([k, m]) => `${k} ${reached[k] === false && m !== null ? `at least ${beside(k, m, 'down')}` : beside(k, m)}`)
        .join(' vs ')}`,
    );
  }
  const atQ = v['atQuantile'];
  if (isDict(atQ) && typeof atQ['quantile'] === 'number') {
    // neither median reached: the ratio at the lower quantile the verdict reads (compare.ts)
    const reachedQ = isDict(atQ['reached']) ? atQ['reached'] : {};
    const values = isDict(atQ['values']) ? ` (${Object.entries(atQ['values']).map(([k, m]) => `${k} ${reachedQ[k] === false ? `at least ${durationOf(m, 'down')}` : durationOf(m)}`).join(' vs ')})` : '';
    const ci = ciWords(atQ['ratio'], atQ['ci95'], edges);
    parts.push(`at the ${percentileWords(atQ['quantile'])} ${ratioWords(atQ['ratio'], atQ['bound'], edges)}${ci ? `, 95% CI ${ci}` : ''}${values}`);
  }
  const answeredShare = v['answeredShare'] ?? v['resolvedShare'];
  if (isDict(answeredShare)) parts.push(`${v['answeredShare'] ? 'answered' : 'resolved'} ${pairs(answeredShare, shareOf)}`);
  if (isDict(v['answeredMedians']) && metric === 'firstResponse') parts.push(`answered-only medians ${Object.entries(v['answeredMedians']).map(([k, m]) => `${k} ${beside(k, m)}`).join(', ')}`);
  const pv = numberOr(v['pValueAdjusted']) ?? numberOr(v['pValue']);
  if (pv !== null) parts.push(`${v['pValueAdjusted'] !== undefined && v['pValueAdjusted'] !== null ? 'Holm ' : ''}${p(pv)}`);
  if (isDict(v['n'])) parts.push(`tickets ${pairs(v['n'], countOf)}`);
  else if (numberOr(v['n']) !== null) parts.push(`${count(v['n'] as number)} tickets`);
  if (typeof v['test'] === 'string') parts.push(TEST_WORDS[v['test']] ?? v['test']);
  return parts.join('; ');
}

function likeForLikeWords(v: Dict, metric: Finding['metric'], edges: Edges): Pair[] {
  const out: Pair[] = [];
  const by = Array.isArray(v['by']) ? (v['by'] as string[]).join(' and ') : 'category and priority';
  const used = numberOr(v['strataUsed']);
  const coverage = pairs(v['coverage'], shareOf);
  const unrated = numberOr(v['strataWithoutRatio']);
  // (a correlation's like-for-like view has no cells to count: its words alone)
  // (no cell with a ratio of medians: every cell compared at one lower percentile, said so)
  const q = typeof v['quantile'] === 'number' ? v['quantile'] : null;
  const atQ = q === null ? '' : `at the ${percentileWords(q)} `;
  const why = q === null ? 'both medians not reached' : `neither group reaches the ${percentileWords(q)}`;
  const where = `${used === null ? '' : `${count(used)} cells of the same ${by}`}${unrated ? `, ${count(unrated)} of them without a ratio (${why})` : ''}${coverage ? ` (covering ${coverage} of the tickets)` : ''}`;
  const view = `${atQ}${viewWords(v, metric, edges)}`;
  out.push(['like for like', where ? `${where}: ${view}` : view]);
  const cells = Array.isArray(v['strata']) ? (v['strata'] as Dict[]) : [];
  if (cells.length) {
    const shown = cells.slice(0, 5).map((c) => `${String(c['stratum'])}: ${typeof c['quantile'] === 'number' ? `at the ${percentileWords(c['quantile'])} ` : ''}${ratioWords(c['ratio'], c['bound'])} (tickets ${pairs(c['n'], countOf) ?? '—'})`);
    out.push(['largest cells', `${shown.join('; ')}${cells.length > 5 ? `; and ${cells.length - 5} more` : ''}`]);
  }
  return out;
}

/** Labels for detail keys that are not comparison views, with how to write their values. */
const KNOWN: Record<string, [label: string, format: (v: unknown) => string | null]> = {
  holmFamilySize: ['tests adjusted together (Holm)', countOf],
  jumpTickets: ['jump tickets', countOf],
  distinctJumpers: ['customers who jumped', countOf],
  shareOfSocial: ['share of social tickets', shareOf],
  waitedMedian: ['median wait before going public', durationOf],
  originsUnansweredAtJump: ['original tickets not yet answered when the customer went public', countOf],
  originsAnsweredByAsOf: ['original tickets answered by the as-of time', countOf],
  originsResolvedByAsOf: ['original tickets resolved by the as-of time', countOf],
  jumpFirstResponseMedian: ['jump tickets: median first response (answered ones)', durationOf],
  jumpAnswered: ['jump tickets answered', countOf],
  loudTickets: ['loud tickets', countOf],
  quietTickets: ['quiet tickets', countOf],
  reasons: ['why tickets count as loud', (v) => pairs(v, countOf)],
  definition: ['definition', (v) => (typeof v === 'string' ? v : null)],
  advantageSurviving: ['share of the reply advantage that survives to resolution', shareOf],
  cases: ['longest waits listed', (v) => (Array.isArray(v) ? `${count(v.length)} (in the JSON report)` : null)],
  origins: ['where the customers came from', (v) => pairs(v, countOf)],
  customerId: ['customer', (v) => (typeof v === 'string' ? v : null)],
};

/** A ratio as a plain number with two significant digits below 0.1 (0.0026), else as `num`. */
function plainRatio(x: number, r: Rounding = 'nearest', edges: Edges = []): string {
  if (!(x > 0 && x < 0.1)) return num(x, r, edges);
  // two significant digits, in the bound's direction: 0.0137 at least is 0.013, at most 0.014
  const scale = 10 ** (1 - Math.floor(Math.log10(x)));
  return r === 'nearest' ? x.toPrecision(2) : String(roundTo(x * scale, 1, r) / scale);
}

/** `holmFamilySize` → `holm family size`. */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A value of an unknown key: plain scalars and short lists, never a raw object dump. */
function plain(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? count(v) : num(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.every((x) => x === null || typeof x !== 'object') ? v.map(plain).join(', ') : `${count(v.length)} items (in the JSON report)`;
  return 'see the JSON report';
}

/**
 * The evidence of a finding, in words. A comparison's ratios and CI ends are written on their
 * side of `edges` (the tolerance band's, as the finding's rule writes them).
 */
export function findingEvidence(f: Finding, edges: Edges = [], targetsOf: TargetsOf = () => []): Pair[] {
  const out: Pair[] = [];
  const d = f.details ?? {};
  const rho = d['test'] === 'spearman';
  out.push(['verdict', f.kind === 'response-theatre' && f.verdict === 'info' ? 'response theatre' : f.significant ? 'significant preference' : VERDICT_WORDS[f.verdict]]);
  if (f.metric) out.push(['measured', METRIC_WORDS[f.metric]]);
  if (f.effect !== null) {
    // a data-quality finding's effect is the share of rows with a problem, not a ratio
    if (f.kind === 'data-quality') out.push(['effect', `data problems (rows rejected and values left out) come to ${share(f.effect)} of the rows read`]);
    else {
      // (a ratio of a lower quantile when neither median is reached: the judge's effectQuantile)
      const of = typeof d['effectQuantile'] === 'number' ? `the ${percentileWords(d['effectQuantile'])}s` : 'medians';
      out.push(['effect', rho ? `Spearman's rho ${rhoText(f.effect)}` : `${ratioWords(f.effect, d['effectBound'], edges)} (ratio of ${of} ${plainRatio(f.effect, roundingOf(bound(d['effectBound'])), edges)})`]);
    }
  }
  if (f.effectCi95) {
    const ci = rho ? `${num(f.effectCi95[0])} to ${num(f.effectCi95[1])}` : ciWords(f.effect, f.effectCi95, edges);
    if (ci) out.push(['95% CI', ci]);
  }
  if (f.pValueAdjusted !== undefined && f.pValueAdjusted !== null) out.push(['Holm-adjusted p', formatP(f.pValueAdjusted)]);
  if (f.pValue !== null) out.push(['unadjusted p', formatP(f.pValue)]);
  if (f.n) out.push(['tickets', pairs(f.n, countOf) ?? '—']);
  if (f.count !== undefined) out.push(['count', count(f.count)]);
  if (f.rule) out.push(['rule', f.rule]);
  for (const [key, value] of Object.entries(d)) {
    if (key === 'view' || key === 'effectBound' || key === 'effectQuantile' || key === 'test' || key === 'verdictHoldsOverall') continue; // (verdictHoldsOverall: said in the tables' cells)
    if (key === 'raw' && isDict(value)) out.push(['overall (raw view)', viewWords(value, f.metric, edges, f.kind === 'channel-preference' ? targetsOf : () => [])]);
    else if (key === 'likeForLike') {
      if (isDict(value)) out.push(...likeForLikeWords(value, f.metric, edges));
    } else if ((key === 'firstResponse' || key === 'resolution') && isDict(value)) {
      const verdict = typeof value['verdict'] === 'string' ? ` (${VERDICT_WORDS[value['verdict'] as Finding['verdict']] ?? value['verdict']})` : '';
      // (a ratio of a lower percentile, neither median reached: said so, as in the sentence)
      const atQ = typeof value['quantile'] === 'number' ? ` at the ${percentileWords(value['quantile'])}` : '';
      out.push([METRIC_WORDS[key], `${ratioWords(value['ratio'], value['bound'])}${atQ}${verdict}`]);
    } else if (key === 'comparison' && isDict(value) && isDict(value['raw'])) {
      out.push(['jump tickets against other social tickets', viewWords(value['raw'] as Dict, 'firstResponse')]);
    } else {
      const known = KNOWN[key];
      const text = known ? known[1](value) : plain(value);
      if (text !== null) out.push([known ? known[0] : words(key), text]);
    }
  }
  return out;
}
