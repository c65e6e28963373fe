/**
 * The Report: the one object every renderer reads (JSON schemaVersion 2 in the contract, plus
 * additive fields). Produced by pipeline.ts from measure and judge; renderers only format it,
 * whatever the output format (the Report never depends on it). Durations are seconds; absent
 * values are null, never 0.
 */
import type { Channel } from './model.js';
import type { GroupSummary } from './measure/summary.js';
import type { Bound, Interval } from './measure/estimate.js';
import type { Severity } from './normalise/issues.js';
import { percentileWords } from './format.js';

export const SCHEMA_VERSION = 2 as const;

export interface DataQualityEntry {
  kind: string;
  severity: Severity;
  count: number;
  example: { file: string; line: number; column: string | null; value: string | null; detail: string } | null;
}

export interface FileSummary {
  file: string;
  format: string;
  formatLabel: string;
  confidence: number;
  rowsRead: number;
}

export interface ReportInput {
  files: string[];
  format: string;
  formats: FileSummary[];
  rowsRead: number;
  rowsUsed: number;
  rowsRejected: number;
  /** Tickets audited (equals rowsUsed for ticket exports; fewer for logs, where many rows make one ticket). */
  tickets: number;
  dataQuality: DataQualityEntry[];
  /**
   * Rows used with at least one value left out of a metric (the `metric` entries of dataQuality
   * count values: a row may have two). Absent when none, and for a count table, which counts values only.
   */
  rowsWithValuesLeftOut?: number;
  /** Raw channel values not in any vocabulary, mapped to `other`. */
  unknownChannels: Array<{ raw: string; count: number; label?: string }>;
  /**
   * Raw channel values seen, with where each maps. `label`: how the text outputs show a value
   * that looks like another one (text/lookalike.ts); absent for every other value.
   */
  channelValues: Array<{ raw: string; channel: Channel; count: number; label?: string }>;
  /** Things the format cannot provide (e.g. Salesforce has no first-response field). */
  notes: string[];
}

export interface SlaSummary {
  /** The channel's own target, or the default. */
  target: number;
  met: number;
  breached: number;
  notYetDue: number;
  attainment: number | null;
  /** Tickets judged against their priority's own target instead, per priority (config key, lower case). */
  priorityTargets: Array<{ priority: string; target: number; tickets: number }>;
  /** Tickets judged against `target`. */
  targetTickets: number;
}

/**
 * A group against the reference group: the raw view of the one comparison engine
 * (measure/compare.ts), the same numbers as the findings' `details.raw` and the gates' `ratio`,
 * with the findings' verdict attached by the judge.
 */
export interface VsReference {
  /** This group's first-response median over the reference's (< 1 = faster than reference); a bound when firstResponseBound is set. */
  firstResponseRatio: number | null;
  firstResponseRatioCi95: Interval | null;
  /** 'lower': at least this ratio (this group's median not reached); 'upper': at most (the reference's not reached). */
  firstResponseBound: Bound | null;
  resolutionRatio: number | null;
  resolutionRatioCi95: Interval | null;
  resolutionBound: Bound | null;
  /** Two-sided Gehan p on first response (unanswered tickets counted as still waiting), unadjusted. */
  pValue: number | null;
  /** Two-sided log-rank p on resolution (open tickets counted as still waiting), unadjusted. */
  resolutionPValue: number | null;
  /** The verdict of the finding on the same pair and metric (null for the reference itself, or when no finding judged it). */
  firstResponseVerdict: Verdict | null;
  resolutionVerdict: Verdict | null;
  /**
   * Whether that verdict holds overall (true), or was reached like for like only (false: beside
   * the raw ratio of this row it is to be said as such, verdictLikeForLikeOnly); null with no verdict.
   */
  firstResponseVerdictHoldsOverall: boolean | null;
  resolutionVerdictHoldsOverall: boolean | null;
}

/** One channel: the group summary (tickets, shares, first response, resolution) and more. */
export interface ChannelReport extends GroupSummary {
  channel: Channel;
  vsReference: VsReference | null;
  sla: { firstResponse: SlaSummary | null; resolution: SlaSummary | null } | null;
}

/** One follower band: the group summary, its edges and its channel mix. */
export interface BandReport extends GroupSummary {
  band: string;
  min: number | null;
  max: number | null;
  /** Tickets per channel inside the band. */
  channels: Partial<Record<Channel, number>>;
}

/** One value of the --by field: the group summary and the raw comparison with the reference value. */
export interface ByGroupReport extends GroupSummary {
  value: string;
  vsReference: VsReference | null;
  /** Whether the findings test this group against the reference (false: too few tickets, or the reference itself). */
  tested: boolean;
  /**
   * Whether this group is the reference. Said by the stage that chose it, not found again by
   * comparing values: two values can read alike once shown (a control character and its escape
   * written out, `X\u001bY`), and a renderer comparing shown values marked both as the reference.
   */
  isReference: boolean;
  /**
   * How the text outputs show the value when another value of the field looks the same
   * (text/lookalike.ts): its invisible or look-alike characters as escapes (`Sales\u200b`,
   * `S\u0430les`; the plain one of them keeps its own text). Absent for every value that looks
   * like no other, which is shown as it is; `value` stays the data.
   */
  label?: string;
}

/** `--by <field>`: the groups of that field against a reference value (only with --by). */
export interface ByReport {
  field: string;
  /** The value the others are compared with; null when no ticket has a value. */
  reference: string | null;
  /** Whether the reference was given (--by-reference, config by.reference) or is the largest group. */
  referenceChosen: 'given' | 'largest';
  /** Tickets with no value for the field: in no group. */
  noValue: number;
  /** Largest group first. */
  groups: ByGroupReport[];
}

export type FindingKind =
  | 'channel-preference'
  | 'group-preference'
  | 'follower-preference'
  | 'loud-preference'
  | 'channel-jump'
  | 'response-theatre'
  | 'case-mix'
  | 'data-quality';

export type Verdict = 'preference' | 'no-preference' | 'within-tolerance' | 'insufficient-data' | 'case-mix' | 'info';

export interface Finding {
  kind: FindingKind;
  subject: string;
  /** What the subject is compared with (the reference channel, the lowest band, quiet tickets…). */
  against?: string | null;
  /** Which metric the finding is about, when one. */
  metric?: 'firstResponse' | 'resolution' | null;
  significant: boolean;
  verdict: Verdict;
  /** Effect size (ratio of medians, subject over comparison; or rho for correlations). */
  effect: number | null;
  effectCi95?: Interval | null;
  pValue: number | null;
  pValueAdjusted?: number | null;
  n?: Record<string, number>;
  /** The rule that fired, in words ("CI outside 0.80–1.25 and Holm p < 0.05"). */
  rule?: string;
  message: string;
  count?: number;
  details?: Record<string, unknown>;
}

export interface GateResult {
  expression: string;
  /** The measured value (for delta gates: the change since the baseline); null = not evaluated. */
  value: number | null;
  threshold: number | null;
  /** False when the gate's condition held (a gate is a failure condition) or it could not be evaluated. */
  passed: boolean;
  /** Why the gate could not be evaluated (absent channel, too few tickets, no baseline value). */
  reason: string | null;
  // --- gates (src/judge/gates): additive fields ---
  /** `>`, `>=`, `<`, `<=`: the gate fails when `value comparator threshold`. */
  comparator?: '>' | '>=' | '<' | '<=';
  /** Unit of value and threshold: seconds, a plain ratio, a share (0..1) or a count. */
  unit?: 'ratio' | 'seconds' | 'share' | 'count';
  /** False when the gate could not be evaluated (see reason; passed only with --allow-missing). */
  evaluated?: boolean;
  /** Canonical text of what is measured (inside delta(...)), e.g. `gap(phone,social).firstResponse.median`. */
  subject?: string;
  /** Set when the value is only a bound ('lower': at least; 'upper': at most) that decided the gate. */
  bound?: Bound | null;
  /** The subject's value in this run (equals value unless delta). */
  current?: number | null;
  /** delta gates: the subject's value in the baseline report. */
  baseline?: number | null;
  /** delta gates: set when the value in this run (`current`) is only a bound. */
  currentBound?: Bound | null;
  /** delta gates: set when the baseline's value is only a bound. */
  baselineBound?: Bound | null;
  /** The numbers behind the value, in words ("phone 2h (n=40) over social 30m (n=35)"). */
  detail?: string | null;
  /** Where the gate was given: `--fail-on` or `config gates[0]`. */
  source?: string;
}

/** How `parity report` cuts time: ISO weeks (Monday start), calendar months or quarters. */
export type PeriodUnit = 'week' | 'month' | 'quarter';

/** One channel in one period of the trend. Durations in seconds; null = absent. */
export interface PeriodChannel {
  channel: Channel;
  tickets: number;
  /**
   * Answered tickets (the sample of the first-response median). Null when none of the channel's
   * tickets has a measurable first response (measure/summary.ts measuredCount).
   */
  answered: number | null;
  /**
   * Tickets still open at the as-of time: resolution censored there (Kaplan–Meier). Null when
   * none of the channel's tickets has a measurable resolution (an export without resolution
   * information): how many are open is not known, and 0 would say none is.
   */
  open: number | null;
  /**
   * Tickets not answered by the as-of time: first response censored there, counted among the
   * firstResponseN. Null when none of the channel's tickets has a measurable first response.
   */
  unanswered: number | null;
  /** Kaplan–Meier medians (unanswered / open tickets counted as still waiting); a lower bound when the *Bound is 'lower'. */
  firstResponseMedian: number | null;
  firstResponseBound: Bound | null;
  resolutionMedian: number | null;
  resolutionBound: Bound | null;
  /** Plain median of the period's answered tickets (answeredMedian). */
  answeredMedian: number | null;
  /** This channel against the reference in the same period: the one comparison engine's raw view. */
  firstResponseRatio: number | null;
  firstResponseRatioBound: Bound | null;
  resolutionRatio: number | null;
  resolutionRatioBound: Bound | null;
  /**
   * Tickets in each metric's estimate (answered or resolved, plus still waiting): the `n` the
   * gates and findings count. A ticket whose duration is left out (answered before it was
   * created) is one of the channel's tickets but in neither estimate's n; a metric the export
   * does not measure has n 0.
   */
  firstResponseN: number;
  resolutionN: number;
  /**
   * Whether each metric has at least minSample tickets in its estimate — the rule the gates and
   * findings apply — so the trend compares what they would (fewer: shown as "too few", no change).
   */
  firstResponseEnough: boolean;
  resolutionEnough: boolean;
  /** Every metric measured here (n above 0) has enough tickets: the CSV's `too_few` is its opposite. */
  enough: boolean;
  /**
   * This period minus the previous one; null when the channel is absent from either period or
   * has too few tickets on both metrics. Each field is null when its metric (for the ratio, also
   * the reference's first response) has too few tickets in either period, or is only a bound.
   */
  change: { firstResponseMedian: number | null; resolutionMedian: number | null; firstResponseRatio: number | null } | null;
}

/**
 * The reference gap of one period and metric: the reference channel's median minus that of the
 * other channel served fastest (positive = that channel waits less than the reference).
 */
export interface ReferenceGap {
  channel: Channel;
  gap: number;
  /** Reference median over that channel's median (the comparison engine's ratio, reference over channel). */
  ratio: number | null;
  /** Set when a median is only a bound, so the gap is a bound too (the gate gap(...) says the same). */
  bound: Bound | null;
  /** The ratio's own bound: as `bound`, and also when a median is under a second (a ratio divides by at least one second; the gap does not). */
  ratioBound: Bound | null;
  /** This period's gap minus the previous period's (null for the first, when absent there, or when that gap named another channel). */
  change: number | null;
}

/** One period of the report's trend (oldest first; the last is the period of interest). */
export interface PeriodReport {
  /** `2026-10`, `2026-W40`, `2026-Q4`, or `2026-10-05 to 2026-10-19` for a --since/--until range. */
  period: string;
  /** Start (inclusive) and end (exclusive), ISO instants. */
  from: string;
  to: string;
  /** Whether this is the period of interest (the report's main body). */
  current: boolean;
  /** Whether the as-of time is at or after the period's end (false = period not over yet). */
  complete: boolean;
  tickets: number;
  /**
   * Tickets still open at the as-of time (their resolution is censored, not dropped); counted
   * among the tickets whose resolution is measurable. Null when the period has tickets but none
   * with a measurable resolution (see PeriodChannel.open).
   */
  open: number | null;
  /**
   * Tickets not answered by the as-of time (their first response is censored, not dropped);
   * counted among the tickets whose first response is measurable. Null when the period has
   * tickets but none with a measurable first response.
   */
  unanswered: number | null;
  channels: PeriodChannel[];
  referenceGap: { firstResponse: ReferenceGap | null; resolution: ReferenceGap | null };
}

/** The period the report's main body covers, and how the trend was cut. */
export interface ReportPeriod {
  unit: PeriodUnit;
  /** Label of the period of interest (see PeriodReport.period). */
  label: string;
  /** True when --since/--until chose a range that is not one whole period. */
  custom: boolean;
  from: string;
  to: string;
  timeZone: string;
  /** Previous periods asked for (--periods); `periods` may hold fewer when the data starts later. */
  previous: number;
  tickets: number;
  /** Tickets in the whole input, every period. */
  allTickets: number;
  /** Tickets of the period still open at the as-of time (resolution censored there); null when none has a measurable resolution (see PeriodChannel.open). */
  open: number | null;
  complete: boolean;
}

/** First-response quantiles of one channel (answered tickets, R type 7), for box plots. */
/**
 * A channel's first response for the box plot, counted as the tables count it: quantiles read off
 * the same Kaplan–Meier curve as the channel's median and p90 (the unanswered counted as still
 * waiting; `median` and `p90` are the table's numbers), each a lower bound when not reached.
 */
export interface FirstResponseDistribution {
  channel: Channel;
  /** Tickets in the estimate: answered plus still waiting (the channel's firstResponse.n). */
  n: number;
  /** Of them, answered. */
  answered: number;
  /** The fastest answer (null when none). */
  min: number | null;
  p10: number | null;
  p10Bound: Bound | null;
  p25: number | null;
  p25Bound: Bound | null;
  median: number | null;
  medianBound: Bound | null;
  p75: number | null;
  p75Bound: Bound | null;
  p90: number | null;
  p90Bound: Bound | null;
  /** The longest time seen: the slowest answer, or a ticket still waiting that long (`maxBound` lower). */
  max: number | null;
  maxBound: Bound | null;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'parity'; version: string };
  generatedAt: string | null;
  input: ReportInput;
  period: { from: string | null; to: string | null; asOf: string | null };
  settings: {
    reference: Channel;
    timeZone: string;
    clock: 'calendar' | 'business';
    /** With the business clock: the hours counted (measure/clock.ts openingHours), their zone and holidays. */
    businessHours?: { timeZone: string; open: string[]; holidays: string[] };
    bands: number[];
    tolerance: { low: number; high: number };
    alpha: number;
    minSample: number;
  };
  reference: Channel;
  channels: ChannelReport[];
  followerBands: BandReport[];
  /** --by groups (only with --by). */
  by?: ByReport;
  findings: Finding[];
  gates: GateResult[];
  /** `parity report`: the period of interest (the main body is its audit). */
  reportPeriod?: ReportPeriod;
  /** `parity report`: the trend, oldest first, ending with the period of interest. */
  periods?: PeriodReport[];
  /** Chart data for the HTML report (per-channel first-response quantiles). */
  distributions?: { firstResponse: FirstResponseDistribution[] };
  /** Whether customer ids and handles were replaced by pseudonyms (--redact). */
  redacted?: boolean;
}

/**
 * Whether a comparison finding's effect is only a bound (`details.effectBound`: a median not
 * reached), and which way: the judge writes it, every renderer that gives the effect reads it.
 */
export function effectBound(f: Finding): 'lower' | 'upper' | null {
  const b = f.details?.['effectBound'];
  return b === 'lower' || b === 'upper' ? b : null;
}

/**
 * Whether a comparison finding's verdict was reached like for like only, so that beside the raw
 * ratio (the tables' number) it is said as such: a preference the raw view does not show (1.09×
 * slower overall, 4.1× like for like), or within tolerance like for like while the raw ratio lies
 * outside the band (1.28× slower overall). The judge decides it (`details.verdictHoldsOverall`).
 */
export function verdictLikeForLikeOnly(f: Finding | null | undefined): boolean {
  return f?.details?.['verdictHoldsOverall'] === false;
}

/**
 * What a comparison finding's effect compares when it is not the raw ratio of medians, in words
 * after its number: `like for like`, `at the 25th percentile` (neither median reached: the judge
 * read a lower quantile, `details.effectQuantile`), or both; '' for the raw ratio of medians.
 */
export function effectScope(f: Finding): string {
  const q = f.details?.['effectQuantile'];
  const at = typeof q === 'number' ? `at the ${percentileWords(q)}` : '';
  const alike = f.details?.['view'] === 'like-for-like' ? 'like for like' : '';
  return [at, alike].filter((w) => w !== '').join(' ');
}

/** Whether a row's verdict on a metric was reached like for like only (the judge's flag beside it, VsReference). */
export function rowLikeForLikeOnly(v: VsReference | null | undefined, metric: 'firstResponse' | 'resolution'): boolean {
  return (metric === 'firstResponse' ? v?.firstResponseVerdictHoldsOverall : v?.resolutionVerdictHoldsOverall) === false;
}
