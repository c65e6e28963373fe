/**
 * `--format csv`: the per-period, per-channel numbers for spreadsheets, one row per period and
 * channel. `parity report` writes its trend (the last period is the period of interest);
 * `parity audit` writes one period, the audit's (without the changes, which only the report's
 * periods carry). The column set is fixed; durations are whole seconds, ratios have three
 * significant digits (what a spreadsheet needs; the JSON report keeps full precision), absent
 * values are empty cells. Every cell goes through csvLine, so text starting with = + - @ is
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

/** Durations: whole seconds. */
function seconds(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x);
}

/** Ratios: three significant digits (0.128, 2.57, 12.3). */
function ratio(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toPrecision(3));
}

export function renderCsv(report: Report): string {
  const lines = [csvLine([...CSV_COLUMNS])];
  if (report.periods) {
    for (const p of report.periods) {
      for (const c of p.channels) {
        lines.push(
          csvLine([
            p.period, p.from, p.to, p.current ? 'yes' : 'no', p.complete ? 'yes' : 'no', c.channel, report.reference,
            c.tickets, c.answered, c.open,
            seconds(c.firstResponseMedian), seconds(c.change?.firstResponseMedian), ratio(c.firstResponseRatio), ratio(c.change?.firstResponseRatio),
            seconds(c.resolutionMedian), seconds(c.change?.resolutionMedian), ratio(c.resolutionRatio),
            c.firstResponseBound, c.resolutionBound, c.firstResponseRatioBound, c.resolutionRatioBound, seconds(c.answeredMedian),
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
          // open = the resolution estimate's tickets that are not resolved (n counts resolved + still open)
          c.tickets, c.answered, c.resolution.n - c.resolution.resolved,
          seconds(c.firstResponse.median), null, ratio(c.vsReference?.firstResponseRatio), null,
          seconds(c.resolution.median), null, ratio(c.vsReference?.resolutionRatio),
          c.firstResponse.bound, c.resolution.bound, c.vsReference?.firstResponseBound ?? null, c.vsReference?.resolutionBound ?? null,
          seconds(c.firstResponse.answeredMedian), c.vsReference?.firstResponseVerdict ?? null, c.vsReference?.resolutionVerdict ?? null,
        ]),
      );
    }
  }
  return lines.join('');
}
