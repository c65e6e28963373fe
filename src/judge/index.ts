/**
 * The judge stage: turns measured numbers into findings and gate results on the Report.
 * Findings (preference by channel, band, loudness; jumps; theatre) and gates plug in here.
 */
import type { Dataset, Settings } from '../pipeline.js';
import type { Finding, Report } from '../report.js';
import { evaluateGates } from './gates/index.js';
import { computeFindings } from './findings/index.js';

/** Context the judge needs beyond the report: the tickets and an optional baseline report. */
export interface JudgeInput {
  report: Report;
  dataset: Dataset;
  settings: Settings;
  baseline: Report | null;
}

/** Order findings for a reader: what was shown first, then case mix, then the rest, then "too few". */
function byImportance(findings: Finding[]): Finding[] {
  const rank = (f: Finding): number => (f.significant ? 0 : f.verdict === 'case-mix' ? 1 : f.verdict === 'insufficient-data' ? 3 : 2);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

/** Returns a new report with findings and gates; the input report is not changed. */
export function judge(input: JudgeInput): Report {
  // --- findings (src/judge/findings): preference, like for like, jumps, theatre, data quality ---
  const findings = byImportance(computeFindings(input.report, input.dataset, input.settings));
  const report = { ...input.report, findings };

  // --- gates (src/judge/gates): last, so findings.significant sees the findings ---
  const gates = evaluateGates({ ...input, report });
  return { ...report, gates };
}
