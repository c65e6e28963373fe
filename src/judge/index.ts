/**
 * The judge stage: turns measured numbers into findings and gate results on the Report.
 * Findings (preference by channel, band, loudness; jumps; theatre) and gates plug in here.
 */
import type { Dataset, Settings } from '../pipeline.js';
import type { Report } from '../report.js';
import { evaluateGates } from './gates/index.js';
import { computeFindings } from './findings/index.js';

/** Context the judge needs beyond the report: the tickets and an optional baseline report. */
export interface JudgeInput {
  report: Report;
  dataset: Dataset;
  settings: Settings;
  baseline: Report | null;
}

export function judge(input: JudgeInput): Report {
  // --- findings (src/judge/findings): preference, like for like, jumps, theatre, data quality ---
  input.report.findings = computeFindings(input.report, input.dataset, input.settings);

  // --- gates (src/judge/gates): last, so findings.significant sees the findings ---
  input.report.gates = evaluateGates(input);
  return input.report;
}
