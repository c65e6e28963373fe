/**
 * The fixtures every engine must count exactly as parity does in-process: the demo export;
 * an export with categories, priorities, teams, followers, open and unanswered tickets,
 * negative durations, outbound and unusable rows (with --by group, and with config channels
 * plus --since/--until/--as-of, and --since/--until alone); and a dbt-style export with precomputed business-minute
 * durations mapped in the config.
 */
import type { Config } from '../../src/config/schema.js';
import type { CommonFlags } from '../../src/commands/options.js';
import type { ByField } from '../../src/measure/counts.js';

export interface Scenario {
  name: string;
  file: string;
  /** Table name the loaders use. */
  table: string;
  config?: Config;
  flags?: CommonFlags;
  by?: ByField;
}

export const SCENARIOS: Scenario[] = [
  { name: 'demo export', file: 'fixtures/demo.csv', table: 'demo' },
  { name: 'strata, open tickets, rejections, --by group', file: 'fixtures/engines/mixed.csv', table: 'mixed', by: 'group' },
  {
    name: 'config channels, --since/--until/--as-of',
    file: 'fixtures/engines/mixed.csv',
    table: 'mixed',
    config: { channels: { Fax: 'email', Letter: 'phone', 'Twitter DM': 'chat' }, bands: [100, 5000] },
    flags: { since: '2026-09-10', until: '2026-10-20', asOf: '2026-10-15T12:00:00Z' },
  },
  {
    // no --as-of: the default is the export's latest time (2026-11-17), not the period's (2026-10-19)
    name: '--since/--until without --as-of',
    file: 'fixtures/engines/mixed.csv',
    table: 'mixed',
    flags: { since: '2026-09-10', until: '2026-10-01' },
  },
  { name: 'channel jumps and repeat contacts', file: 'fixtures/findings/jumps.csv', table: 'jumps' },
  // ids, customers, channels, statuses, categories and priorities padded with tabs, no-break and
  // ideographic spaces, byte-order marks, …: trimmed as JavaScript trims them, or strata and ids split
  { name: 'values padded with whitespace JavaScript trims', file: 'fixtures/engines/padded.csv', table: 'padded' },
  {
    name: 'precomputed business-minute durations',
    file: 'fixtures/engines/durations.csv',
    table: 'durations',
    config: {
      // the columns count business minutes: audited in the business clock, used as given
      clock: 'business',
      businessHours: { timeZone: 'UTC', open: ['Mon-Fri 09:00-17:00'] },
      columns: {
        channel: 'via_channel',
        category: 'ticket_type',
        firstResponseTime: { column: 'first_reply_time_business_minutes', unit: 'minutes' },
        resolutionTime: { column: 'full_resolution_time_business_minutes', unit: 'minutes' },
      },
    },
  },
];
