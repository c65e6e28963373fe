/**
 * `parity tickets` output: the per-ticket listing (measure/ticketRows.ts) as CSV (default, for
 * spreadsheets: formula-neutralised cells, durations in whole seconds, a fixed column set for the
 * listing), JSON (an object with the as-of time, the clock and the rows) or NDJSON (one row per
 * line, for jq and warehouses). A registry, like render/index.ts; formatting only.
 */
import { UsageError } from '../errors.js';
import type { TicketListing, TicketListingRow } from '../measure/ticketRows.js';
import { csvLine } from '../text/csvSafe.js';
import { escapeJsonText, sanitiseDeep } from '../text/sanitise.js';

export type TicketsRenderer = (listing: TicketListing) => string;

/** CSV columns: always these, then jump_from/jump_waited_s with customer ids, the SLA pair with `sla` configured, by_value with --by. */
export const TICKET_CSV_COLUMNS = [
  'ticket_id', 'customer_id', 'channel', 'channel_raw', 'created', 'status', 'priority', 'category', 'group',
  'answered', 'first_response_s', 'resolved', 'resolution_s', 'age_s', 'followers', 'follower_band', 'loud',
] as const;

const seconds = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : Math.round(x));
const yesNo = (x: boolean | null): string | null => (x === null ? null : x ? 'yes' : 'no');

export function renderTicketsCsv(listing: TicketListing): string {
  const header: string[] = [...TICKET_CSV_COLUMNS];
  if (listing.jumps) header.push('jump_from', 'jump_waited_s');
  if (listing.sla) header.push('sla_first_response', 'sla_resolution');
  if (listing.by !== undefined) header.push('by_value');
  header.push('file', 'line');
  const lines = [csvLine(header)];
  for (const r of listing.rows) {
    const cells: Array<string | number | null> = [
      r.ticketId, r.customerId, r.channel, r.rawChannel, r.created, r.status, r.priority, r.category, r.group,
      yesNo(r.answered), seconds(r.firstResponseSeconds), yesNo(r.resolved), seconds(r.resolutionSeconds), seconds(r.ageSeconds),
      r.followers, r.followerBand, r.loud.join(' '),
    ];
    if (listing.jumps) cells.push(r.jumpFrom ?? null, seconds(r.jumpWaitedSeconds));
    if (listing.sla) cells.push(r.slaFirstResponse ?? null, r.slaResolution ?? null);
    if (listing.by !== undefined) cells.push(r.byValue ?? null);
    cells.push(r.file, r.line);
    lines.push(csvLine(cells));
  }
  return lines.join('');
}

export function renderTicketsJson(listing: TicketListing): string {
  const { rows, ...about } = listing;
  return `${JSON.stringify({ ...about, tickets: rows }, null, 2)}\n`;
}

export function renderTicketsNdjson(listing: TicketListing): string {
  return listing.rows.map((r: TicketListingRow) => `${JSON.stringify(r)}\n`).join('');
}

/**
 * The formats by name. As for a report (render/index.ts), whether written to standard output or
 * to a file with -o: CSV shows the data's control and bidirectional characters as visible
 * escapes; JSON and NDJSON keep the data and write those characters as `\u` escapes. A Map,
 * so a name from the command line (`toString`) is never looked up on an object's prototype.
 */
export const TICKETS_RENDERERS: ReadonlyMap<string, TicketsRenderer> = new Map<string, TicketsRenderer>([
  ['csv', (listing) => renderTicketsCsv(sanitiseDeep(listing))],
  ['json', (listing) => escapeJsonText(renderTicketsJson(listing))],
  ['ndjson', (listing) => escapeJsonText(renderTicketsNdjson(listing))],
]);

/** The renderer for `parity tickets --format`, or a usage error naming the choices. */
export function ticketsRendererFor(format: string): TicketsRenderer {
  const renderer = TICKETS_RENDERERS.get(format);
  if (!renderer) {
    throw new UsageError(`--format ${format} is not available for tickets`, { hint: `choose one of: ${[...TICKETS_RENDERERS.keys()].join(', ')}` });
  }
  return renderer;
}
