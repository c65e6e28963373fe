/**
 * `--format csv`: the per-period, per-channel numbers for spreadsheets, one row per period and
 * channel. `parity report` writes its trend (the last period is the period of interest);
 * `parity audit` writes one period, the audit's (without `open` and changes, which only the
 * report's periods carry). Durations are seconds, ratios plain numbers,
 * absent values empty cells. Every cell goes through csvLine, so text starting with = + - @ is
 * neutralised against formula injection. Renders the Report; computes nothing.
 */
import type { Report } from '../report.js';
import { csvLine } from './csvSafe.js';

export const CSV_COLUMNS = [
  'period',
  'from',
  'to',
  'current',
  'complete',
  'channel',
  'reference',
  'tickets',
  'answered',
  'open',
  'first_response_median_s',
  'first_response_median_change_s',
  'first_response_ratio',
  'first_response_ratio_change',
  'resolution_median_s',
  'resolution_median_change_s',
  'resolution_ratio',
  'first_response_median_bound',
  'resolution_median_bound',
  'first_response_ratio_bound',
  'resolution_ratio_bound',
  'answered_median_s',
  'first_response_verdict',
  'resolution_verdict',
] as const;

export function renderCsv(report: Report): string {
  const lines = [csvLine([...CSV_COLUMNS])];
  if (report.periods) {
    for (const p of report.periods) {
      for (const c of p.channels) {
        lines.push(
          csvLine([
            p.period, p.from, p.to, p.current ? 'yes' : 'no', p.complete ? 'yes' : 'no', c.channel, report.reference,
            c.tickets, c.answered, c.open,
            c.firstResponseMedian, c.change?.firstResponseMedian ?? null, c.firstResponseRatio, c.change?.firstResponseRatio ?? null,
            c.resolutionMedian, c.change?.resolutionMedian ?? null, c.resolutionRatio,
            c.firstResponseBound, c.resolutionBound, c.firstResponseRatioBound, c.resolutionRatioBound, c.answeredMedian,
            // The trend carries no verdicts; the period of interest's are in the audit rows.
            null, null,
          ]),
        );
      }
    }
  } else {
    const label = report.period.from && report.period.to ? `${report.period.from.slice(0, 10)} to ${report.period.to.slice(0, 10)}` : 'all';
    for (const c of report.channels) {
      lines.push(
        csvLine([
          label, report.period.from, report.period.to, 'yes', 'yes', c.channel, report.reference,
          c.tickets, c.answered, c.resolution.n - c.resolution.resolved,
          c.firstResponse.median, null, c.vsReference?.firstResponseRatio ?? null, null,
          c.resolution.median, null, c.vsReference?.resolutionRatio ?? null,
          c.firstResponse.bound, c.resolution.bound, c.vsReference?.firstResponseBound ?? null, c.vsReference?.resolutionBound ?? null,
          c.firstResponse.answeredMedian, c.vsReference?.firstResponseVerdict ?? null, c.vsReference?.resolutionVerdict ?? null,
        ]),
      );
    }
  }
  return lines.join('');
}
