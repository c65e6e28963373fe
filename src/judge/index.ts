/**
 * The judge stage: turns measured numbers into findings, puts each finding's verdict onto the
 * number it judges (a channel's vsReference), and evaluates the gates on the result.
 */
import type { Settings } from '../settings.js';
import type { Measurement } from '../measure/index.js';
import { verdictLikeForLikeOnly, type ByReport, type ChannelReport, type Finding, type Report, type VsReference } from '../report.js';
import { evaluateGates } from './gates/index.js';
import { computeFindings } from './findings/index.js';

/** What the judge needs: the measured report, the measurement behind it, and an optional baseline report. */
export interface JudgeInput {
  report: Report;
  measured: Measurement;
  settings: Settings;
  baseline: Report | null;
  /** How the report shows a --by value (a customer's pseudonym with --redact on a customer field): a gate may name the value as the data has it. */
  byShownAs?: (value: string) => string;
}

/** Order findings for a reader: what was shown first, then case mix, then the rest, then "too few". */
function byImportance(findings: Finding[]): Finding[] {
  const rank = (f: Finding): number => (f.significant ? 0 : f.verdict === 'case-mix' ? 1 : f.verdict === 'insufficient-data' ? 3 : 2);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * The verdict travels with its number: each channel's vsReference carries the verdict of the
 * channel-preference finding on the same pair and metric.
 */
function withVerdicts(channels: readonly ChannelReport[], findings: readonly Finding[], reference: string): ChannelReport[] {
  const findingOf = (channel: string, metric: 'firstResponse' | 'resolution'): Finding | undefined =>
    findings.find((f) => f.kind === 'channel-preference' && f.subject === channel && f.against === reference && f.metric === metric);
  return channels.map((c) =>
    c.vsReference && c.channel !== reference ? { ...c, vsReference: { ...c.vsReference, ...verdicts(findingOf(c.channel, 'firstResponse'), findingOf(c.channel, 'resolution')) } } : c,
  );
}

/** A row's verdicts from the findings on its pair, each with whether it holds overall (VsReference). */
function verdicts(first: Finding | undefined, resolution: Finding | undefined): Pick<VsReference, 'firstResponseVerdict' | 'resolutionVerdict' | 'firstResponseVerdictHoldsOverall' | 'resolutionVerdictHoldsOverall'> {
  return {
    firstResponseVerdict: first?.verdict ?? null,
    resolutionVerdict: resolution?.verdict ?? null,
    firstResponseVerdictHoldsOverall: first ? !verdictLikeForLikeOnly(first) : null,
    resolutionVerdictHoldsOverall: resolution ? !verdictLikeForLikeOnly(resolution) : null,
  };
}

/** The same for the --by groups: each group's vsReference carries its group-preference verdicts. */
function withGroupVerdicts(by: ByReport | undefined, findings: readonly Finding[]): { by?: ByReport } {
  if (!by) return {};
  const findingOf = (value: string, metric: 'firstResponse' | 'resolution'): Finding | undefined =>
    findings.find((f) => f.kind === 'group-preference' && f.subject === value && f.against === by.reference && f.metric === metric);
  return {
    by: {
      ...by,
      groups: by.groups.map((g) => {
        if (!g.vsReference || g.value === by.reference) return g;
        const judged = verdicts(findingOf(g.value, 'firstResponse'), findingOf(g.value, 'resolution'));
        return { ...g, vsReference: { ...g.vsReference, ...judged }, tested: judged.firstResponseVerdict !== null || judged.resolutionVerdict !== null };
      }),
    },
  };
}

/** Returns a new report with findings, verdicts and gates; the input report is not changed. */
export function judge(input: JudgeInput): Report {
  // --- findings (src/judge/findings): preference, like for like, jumps, theatre, data quality ---
  const findings = byImportance(computeFindings(input.report, input.measured, input.settings));
  const report = {
    ...input.report,
    findings,
    channels: withVerdicts(input.report.channels, findings, input.settings.reference),
    ...withGroupVerdicts(input.report.by, findings),
  };

  // --- gates (src/judge/gates): last, so findings.significant sees the findings ---
  const gates = evaluateGates({ report, measured: input.measured, settings: input.settings, baseline: input.baseline, ...(input.byShownAs ? { byShownAs: input.byShownAs } : {}) });
  return { ...report, gates };
}
