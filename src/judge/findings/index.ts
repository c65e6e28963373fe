/**
 * Findings: what the audit concludes, each with the evidence behind it. Every module registers
 * its tests into one p-value family first; the family is Holm-adjusted once; then each finding is
 * judged (tolerance band + adjusted p + minimum sample, like for like when the data allow) and
 * written as one sentence. Pure: the report and the ticket table in, findings out.
 *
 * Order in the report: channels (with response theatre), follower bands, loudness, channel
 * jumps, data quality.
 */
import type { Dataset, Settings } from '../../pipeline.js';
import type { Finding, Report } from '../../report.js';
import { customerTimeline } from '../../measure/journeys.js';
import { strataOf } from '../../measure/strata.js';
import { channelFindings } from './channels.js';
import { Samples } from './compare.js';
import type { Deferred, FindingContext } from './context.js';
import { dataQualityFinding } from './dataQuality.js';
import { PFamily } from './family.js';
import { followerFindings } from './followers.js';
import { jumpFindings } from './jumps.js';
import { loudFindings } from './loud.js';

/** Default loudness and jump settings (config `loud.*`, `jumpWindowDays`). */
export const DEFAULT_REPEAT_CONTACTS = 3;
export const DEFAULT_REPEAT_WINDOW_DAYS = 7;
export const DEFAULT_JUMP_WINDOW_DAYS = 14;

/** All findings of a report. */
export function computeFindings(report: Report, dataset: Dataset, settings: Settings): Finding[] {
  const table = dataset.table;
  // The same as-of time the channel summaries were censored at (pipeline.buildReport).
  const asOf = settings.asOf ?? dataset.latest ?? 0;
  const ctx: FindingContext = {
    table,
    report,
    asOf,
    reference: settings.reference,
    samples: new Samples(table, asOf),
    rules: { tolerance: settings.tolerance, alpha: settings.alpha, minSample: settings.minSample },
    family: new PFamily(),
    strata: strataOf(table, ['category', 'priority']),
    categoryStrata: strataOf(table, ['category']),
    timeline: customerTimeline(table),
    bandEdges: settings.bands,
    loud: {
      repeatContacts: settings.config.loud?.repeatContacts ?? DEFAULT_REPEAT_CONTACTS,
      repeatWindowDays: settings.config.loud?.repeatWindowDays ?? DEFAULT_REPEAT_WINDOW_DAYS,
    },
    jumpWindowDays: settings.config.jumpWindowDays ?? DEFAULT_JUMP_WINDOW_DAYS,
  };
  const deferred: Deferred[] = [...channelFindings(ctx), ...followerFindings(ctx), ...loudFindings(ctx), ...jumpFindings(ctx)];
  ctx.family.adjust();
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
    if (f.details && f.pValue !== null) f.details['holmFamilySize'] = ctx.family.size;
  }
  return findings;
}
