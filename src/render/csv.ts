/**
 * `--format csv`: the per-period, per-channel numbers for spreadsheets, one row per period and
 * channel. `parity report` writes its trend (the last period is the period of interest);
 * `parity audit` writes one period, the audit's (without the changes, which only the report's
 * periods carry; its `too_few` is the report's rule, so the audit of a month and the report's row
 * of that month say the same). The verdicts are the audit's: on every audit row, and on the
 * report's period of interest. The
 * column set is fixed; durations are whole seconds, ratios have three
 * significant digits (what a spreadsheet needs; the JSON report keeps full precision), absent
 * values are empty cells. Every cell goes through csvLine, so text starting with = + - @ is
 * neutralised against formula injection. With --by, two columns more (by_field, by_value) and
 * one row per by group after the channels. Renders the Report; computes nothing.
 */
import type { Report } from '../report.js';
import { csvLine } from '../text/csvSafe.js';
import { formatDate } from './format.js';
import { byLabel, referenceLabel } from './by.js';
import { roundingOf } from '../format.js';
import { roundTo } from '../measure/duration.js';
import type { Bound } from '../measure/estimate.js';
import { openCount } from '../measure/summary.js';
import { enoughOf } from '../measure/periods.js';

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
  'too_few',
  'first_response_verdict_holds_overall',
  'resolution_verdict_holds_overall',
  // (added December 2026, last so that the columns before keep their places)
  'unanswered',
] as const;

/** A verdict's `*_holds_overall` cell: `no` when it was reached like for like only (VsReference), empty without a verdict. */
function holds(x: boolean | null | undefined): 'yes' | 'no' | null {
  return x === true ? 'yes' : x === false ? 'no' : null;
}

/**
 * Durations: whole seconds; a bound rounded its way (at least 1,286,938.5 s is 1286938, at most
 * 99.2 s is 100), so a cell never claims more than the data show — the `*_bound` column beside it
 * says which way it is one.
 */
function seconds(x: number | null | undefined, bound: Bound | null = null): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : roundTo(x, 1, roundingOf(bound));
}

/** Ratios: three significant digits (0.128, 2.57, 12.3), a bound rounded its way (at most 0.045923 is 0.0460). */
function ratio(x: number | null | undefined, bound: Bound | null = null): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const r = roundingOf(bound);
  if (r === 'nearest' || x === 0) return Number(x.toPrecision(3));
  // (toPrecision after: the multiple of the step without its float noise, 0.046 not 0.046000000000000006)
  return Number(roundTo(x, 10 ** (Math.floor(Math.log10(Math.abs(x))) - 2), r).toPrecision(3));
}

/** With --by, two more columns: a group row names its field and value (channel empty), a channel row leaves them empty. */
export const BY_CSV_COLUMNS = ['by_field', 'by_value'] as const;

export function renderCsv(report: Report): string {
  const by = report.by;
  // (`unanswered`, added last, stays last with the by columns too, so that every earlier column keeps its place)
  const lines = [csvLine(by ? [...CSV_COLUMNS.slice(0, -1), ...BY_CSV_COLUMNS, 'unanswered'] : [...CSV_COLUMNS])];
  const tail: Array<string | null> = by ? [null, null] : [];
  if (report.periods) {
    // The period of interest is the report's audit (its main body): its rows carry that audit's
    // verdicts, the ones the JSON, Markdown and HTML show; the earlier periods are trend only.
    const judged = new Map(report.channels.map((c) => [c.channel, c.vsReference]));
    for (const p of report.periods) {
      if (p.channels.length === 0) {
        // a period without tickets between others is a row too (no channel, 0 tickets), as the
        // Markdown and HTML trend and the JSON show it: a gap in the series is not a missing row
        lines.push(csvLine([p.period, p.from, p.to, p.current ? 'yes' : 'no', p.complete ? 'yes' : 'no', null, report.reference, 0, 0, 0, ...Array<null>(CSV_COLUMNS.length - 14).fill(null), 'yes', null, null, ...tail, 0]));
        continue;
      }
      for (const c of p.channels) {
        const verdicts = p.current ? judged.get(c.channel) : undefined;
        lines.push(
          csvLine([
            p.period, p.from, p.to, p.current ? 'yes' : 'no', p.complete ? 'yes' : 'no', c.channel, report.reference,
            c.tickets, c.answered, c.open,
            seconds(c.firstResponseMedian, c.firstResponseBound), seconds(c.change?.firstResponseMedian), ratio(c.firstResponseRatio, c.firstResponseRatioBound), ratio(c.change?.firstResponseRatio),
            seconds(c.resolutionMedian, c.resolutionBound), seconds(c.change?.resolutionMedian), ratio(c.resolutionRatio, c.resolutionRatioBound),
            c.firstResponseBound, c.resolutionBound, c.firstResponseRatioBound, c.resolutionRatioBound, seconds(c.answeredMedian),
            verdicts?.firstResponseVerdict ?? null, verdicts?.resolutionVerdict ?? null,
            c.enough ? 'no' : 'yes',
            holds(verdicts?.firstResponseVerdictHoldsOverall), holds(verdicts?.resolutionVerdictHoldsOverall),
            ...tail,
            c.unanswered,
          ]),
        );
      }
    }
  } else {
    const label = auditLabel(report);
    for (const c of report.channels) {
      lines.push(
        csvLine([
          label, report.period.from, report.period.to, 'yes', 'yes', c.channel, report.reference,
          // open = the resolution estimate's tickets that are not resolved (n counts resolved + still
          // open); empty when no ticket's resolution is measurable, as the trend's open is
          c.tickets, c.answered, openCount(c.tickets, c.resolution.n, c.resolution.resolved),
          seconds(c.firstResponse.median, c.firstResponse.bound), null, ratio(c.vsReference?.firstResponseRatio, c.vsReference?.firstResponseBound), null,
          seconds(c.resolution.median, c.resolution.bound), null, ratio(c.vsReference?.resolutionRatio, c.vsReference?.resolutionBound),
          c.firstResponse.bound, c.resolution.bound, c.vsReference?.firstResponseBound ?? null, c.vsReference?.resolutionBound ?? null,
          seconds(c.firstResponse.answeredMedian), c.vsReference?.firstResponseVerdict ?? null, c.vsReference?.resolutionVerdict ?? null,
          // the trend's rule, as the report's row of the same period has it (one number for one question)
          enoughOf(c.firstResponse.n, c.resolution.n, report.settings.minSample).enough ? 'no' : 'yes',
          holds(c.vsReference?.firstResponseVerdictHoldsOverall), holds(c.vsReference?.resolutionVerdictHoldsOverall),
          ...tail,
          // unanswered = the first-response estimate's tickets not answered, as the trend's (null: none measurable)
          openCount(c.tickets, c.firstResponse.n, c.answered),
        ]),
      );
    }
  }
  if (by) {
    // The by groups belong to the audited period: the report's period of interest, or the audit's span.
    const current = report.periods?.find((p) => p.current);
    const label = current ? current.period : auditLabel(report);
    const from = current ? current.from : report.period.from;
    const to = current ? current.to : report.period.to;
    const complete = current ? current.complete : true;
    for (const g of by.groups) {
      const v = g.vsReference;
      lines.push(
        csvLine([
          label, from, to, 'yes', complete ? 'yes' : 'no', null, referenceLabel(by),
          g.tickets, g.answered, openCount(g.tickets, g.resolution.n, g.resolution.resolved),
          seconds(g.firstResponse.median, g.firstResponse.bound), null, ratio(v?.firstResponseRatio, v?.firstResponseBound), null,
          seconds(g.resolution.median, g.resolution.bound), null, ratio(v?.resolutionRatio, v?.resolutionBound),
          g.firstResponse.bound, g.resolution.bound, v?.firstResponseBound ?? null, v?.resolutionBound ?? null,
          seconds(g.firstResponse.answeredMedian), v?.firstResponseVerdict ?? null, v?.resolutionVerdict ?? null,
          null,
          holds(v?.firstResponseVerdictHoldsOverall), holds(v?.resolutionVerdictHoldsOverall),
          by.field, byLabel(g),
          openCount(g.tickets, g.firstResponse.n, g.answered),
        ]),
      );
    }
  }
  return lines.join('');
}

/** An audit's period label: its first and last creation dates in the run's zone, as every other output shows them (from/to stay instants). */
function auditLabel(report: Report): string {
  const zone = report.settings.timeZone;
  return report.period.from && report.period.to ? `${formatDate(report.period.from, zone)} to ${formatDate(report.period.to, zone)}` : 'all';
}
