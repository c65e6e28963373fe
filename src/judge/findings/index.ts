/**
 * Findings: what the audit concludes, each with the evidence behind it. Every module registers
 * its tests into the report's p-value family first (the follower rank correlation, which only
 * single tickets allow, into a family of its own: context.ts ticketFamily, so that a count table
 * of the same tickets gives the same adjusted p-values and verdicts); the families are
 * Holm-adjusted once; then each finding is
 * judged (tolerance band + adjusted p + minimum sample, like for like when the data allow) and
 * written as one sentence. Pure: the report and the measured groups in, findings out. From a
 * count table (no tickets), the follower rank correlation is not computed; loudness and channel
 * jumps come from its journey rows when it has them (measure/countJourneys.ts), and the audit's
 * input notes say what is not computed (pipeline.ts).
 *
 * Order in the report: channels (with response theatre), follower bands, --by groups, loudness,
 * channel jumps, data quality.
 */
import type { Settings } from '../../settings.js';
import type { Measurement } from '../../measure/index.js';
import type { Finding, Report } from '../../report.js';
import { strataOf } from '../../measure/strata.js';
import { TicketGroups } from '../../measure/ticketGroups.js';
import { CountGroups } from '../../measure/countGroups.js';
import { countJourneys } from '../../measure/countJourneys.js';
import { journeyMarks, ticketJourneys, type Journeys } from '../../measure/journeyGroups.js';
import type { CellLayout } from '../../measure/source.js';
import { channelFindings } from './channels.js';
import type { Deferred, FindingContext } from './context.js';
import { dataQualityFinding } from './dataQuality.js';
import { PFamily } from './family.js';
import { followerFindings } from './followers.js';
import { groupFindings } from './groups.js';
import { jumpFindings } from './jumps.js';
import { loudFindings } from './loud.js';

/**
 * Loudness and jumps: from the tickets (even when the other per-ticket findings are hidden, as a
 * count table with journey rows gives them too; only the jump cases then stay unlisted: `cases`
 * false), or from a count table's journey rows. The customer timeline is taken from the groups
 * and let go once loudness and jumps are marked, before their groups are made (no frame of the
 * judge holds it); the channels' index lists are the groups' own, not made again.
 */
function journeysOf(groups: Measurement['groups'], settings: Settings, cases: boolean): Journeys<unknown, CellLayout> | null {
  if (groups instanceof CountGroups) return countJourneys(groups) as Journeys<unknown, CellLayout> | null;
  if (!(groups instanceof TicketGroups)) return null;
  const rules = { repeatContacts: settings.loud.repeatContacts, repeatWindowDays: settings.loud.repeatWindowDays, jumpWindowDays: settings.loud.jumpWindowDays };
  const marks = journeyMarks(groups.table, rules, groups.takeTimeline());
  return ticketJourneys(groups.table, groups.samples, groups.strata, rules, { marks, channels: groups.channels, cases }) as Journeys<unknown, CellLayout>;
}

/** All findings of a report. */
export function computeFindings(report: Report, measured: Measurement, settings: Settings): Finding[] {
  const { groups } = measured;
  const table = groups.tickets;
  const journeys = journeysOf(groups, settings, table !== null);
  const ctx: FindingContext = {
    report,
    reference: settings.reference,
    groups,
    rules: { tolerance: settings.tolerance, alpha: settings.alpha, minSample: settings.minSample },
    family: new PFamily(),
    ticketFamily: new PFamily(),
    bandEdges: settings.bands,
    loud: { repeatContacts: settings.loud.repeatContacts, repeatWindowDays: settings.loud.repeatWindowDays },
    jumpWindowDays: settings.loud.jumpWindowDays,
    tickets:
      table && groups instanceof TicketGroups
        ? { table, samples: groups.samples, strata: groups.strata, categoryStrata: strataOf(table, ['category']), correlation: () => groups.followerCorrelation() }
        : null,
    journeys,
  };
  const deferred: Deferred[] = [...channelFindings(ctx), ...followerFindings(ctx), ...groupFindings(ctx, measured.by), ...loudFindings(ctx), ...jumpFindings(ctx)];
  ctx.family.adjust();
  ctx.ticketFamily.adjust();
  const findings: Finding[] = [];
  for (const build of deferred) {
    const built = build();
    if (built === null) continue;
    if (Array.isArray(built)) findings.push(...built);
    else findings.push(built);
  }
  const quality = dataQualityFinding(report);
  if (quality) findings.push(quality);
  for (const f of findings) {
    // a finding any of whose views' p-values was adjusted in the family (the raw view's too, when
    // the like-for-like view had no cell to test and the finding itself has no p)
    const raw = f.details?.['raw'] as { pValueAdjusted?: number | null } | undefined;
    const tested = f.pValue !== null || (raw?.pValueAdjusted !== null && raw?.pValueAdjusted !== undefined);
    if (f.details && tested) f.details['holmFamilySize'] = f.details['test'] === 'spearman' ? ctx.ticketFamily.size : ctx.family.size;
  }
  return findings;
}
