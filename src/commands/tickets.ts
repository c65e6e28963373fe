/**
 * `parity tickets <file...>`: one row per ticket with what parity measured, filterable, for the
 * drill-down behind an audit's numbers. Reads through the same readDataset as `audit`, so the
 * rows are exactly the tickets the audit counts. Thin: flags → settings → dataset → listing
 * (measure/ticketRows.ts) → renderer (render/tickets.ts).
 */
import { loadConfig } from '../config/load.js';
import { NoTicketsError, UsageError } from '../errors.js';
import { parseDuration } from '../measure/duration.js';
import { ticketListing, type TicketFilter, type TicketListing } from '../measure/ticketRows.js';
import { byHoldsCustomers, customerPseudonym, redactFreeText } from '../render/redact.js';
import { ticketsRendererFor } from '../render/tickets.js';
import { readDataset } from './dataset.js';
import { rowsWarning } from './rowsWarning.js';
import { describeInput } from '../load/describe.js';
import { requireTickets } from '../pipeline.js';
import { resolveSettings, type CommonFlags } from './options.js';
import type { CommandContext, CommandResult } from './context.js';

export interface TicketsFlags extends CommonFlags {
  channel?: string[];
  unanswered?: boolean;
  open?: boolean;
  breached?: boolean;
  waitedOver?: string;
}

function filterOf(flags: TicketsFlags, hasSla: boolean): TicketFilter {
  const filter: TicketFilter = {};
  if (flags.channel?.length) {
    filter.channels = flags.channel.flatMap((c) => c.split(',')).map((c) => c.trim()).filter(Boolean);
    // `--channel ""` (an unset shell variable) named no channel and listed no ticket, in silence
    if (filter.channels.length === 0) throw new UsageError(`--channel "${flags.channel.join(',')}" names no channel`, { hint: 'write e.g. --channel social or --channel email,chat, or leave --channel out to list every channel' });
  }
  if (flags.unanswered) filter.unanswered = true;
  if (flags.open) filter.open = true;
  if (flags.breached) {
    if (!hasSla) throw new UsageError('--breached needs SLA targets', { hint: 'add "sla": { "firstResponse": { "default": "4h" } } to the config' });
    filter.breached = true;
  }
  if (flags.waitedOver !== undefined) {
    const seconds = parseDuration(flags.waitedOver);
    if (seconds === null) throw new UsageError(`--waited-over "${flags.waitedOver}" is not a duration`, { hint: 'write it like 45m, 4h, 3d or 1d12h' });
    filter.waitedOverSeconds = seconds;
  }
  return filter;
}

function redacted(listing: TicketListing, byField: string | null): TicketListing {
  // a --by value is a customer id when the field holds customers, else free text (e-mails, @handles)
  const byValue = (v: string): string => (byField !== null && byHoldsCustomers(byField) ? customerPseudonym(v) : redactFreeText(v));
  return {
    ...listing,
    rows: listing.rows.map((r) => ({
      ...r,
      // a ticket id is free text to redaction, as in the audit's jump cases and the rejects file
      // (an export keyed by the sender's address: `alice@corp.com`)
      ticketId: redactFreeText(r.ticketId),
      ...(r.jumpFrom !== undefined && r.jumpFrom !== null ? { jumpFrom: redactFreeText(r.jumpFrom) } : {}),
      customerId: r.customerId === null ? null : customerPseudonym(r.customerId),
      // e-mail addresses and @handles in the text columns, as the audit's outputs redact them
      rawChannel: redactFreeText(r.rawChannel),
      status: r.status === null ? null : redactFreeText(r.status),
      priority: r.priority === null ? null : redactFreeText(r.priority),
      category: r.category === null ? null : redactFreeText(r.category),
      group: r.group === null ? null : redactFreeText(r.group),
      ...(r.byValue !== undefined && r.byValue !== null ? { byValue: byValue(r.byValue) } : {}),
    })),
  };
}

export async function ticketsCommand(files: string[], flags: TicketsFlags, ctx: CommandContext): Promise<CommandResult> {
  const render = ticketsRendererFor(flags.format ?? 'csv');
  const { config, file: configFile } = await loadConfig(flags.config, ctx.cwd);
  const settings = resolveSettings(files, flags, config, ctx.version, configFile);
  const { sla } = settings;
  const filter = filterOf(flags, Boolean(sla.firstResponse || sla.resolution));
  const dataset = await readDataset(settings, flags, ctx);
  // as audit: no usable ticket is an input error (exit 2) saying why, not an empty list (and
  // naming the --rejects file, which holds every row: the reading finished)
  try {
    requireTickets(dataset);
  } catch (error) {
    throw error instanceof NoTicketsError && flags.rejects ? error.withRejects(flags.rejects) : error;
  }
  // as audit counts them: rows rejected as unusable apart from rows excluded on purpose (--since)
  const notListed = rowsWarning(describeInput(dataset), flags.rejects, true, settings.duplicates);
  if (notListed !== null) ctx.warn(notListed);
  const listing = ticketListing(
    dataset.table,
    {
      asOf: dataset.asOf,
      bands: settings.bands,
      sla,
      loud: { repeatContacts: settings.loud.repeatContacts, repeatWindowDays: settings.loud.repeatWindowDays },
      jumpWindowDays: settings.loud.jumpWindowDays,
      by: settings.groupBy,
    },
    filter,
  );
  for (const note of listing.notes) ctx.warn(note);
  if (listing.clock === 'business') ctx.warn('durations are in business-hours seconds (clock "business")');
  ctx.warn(`${listing.rows.length} of ${listing.total} tickets listed; ages measured to ${listing.asOf}`);
  return { output: render(settings.redact ? redacted(listing, settings.groupBy?.field ?? null) : listing), exitCode: 0 };
}
