/**
 * The profile of an export, for `parity inspect`: detected format and mapping, raw channel
 * values and where each maps, date range and timestamp styles, and the row problems a full
 * audit would meet. Works even when required columns are missing, so it can show what to map.
 * It composes read, formats and normalise as the pipeline does, so it sits beside pipeline.ts
 * rather than inside normalise/ (normalise does not import formats).
 */
import type { Readable } from 'node:stream';
import { TICKET_FIELDS, type Channel, type TicketField } from './model.js';
import { detectFormat } from './formats/index.js';
import { columnsHint } from './formats/bind.js';
import { headerKey } from './formats/types.js';
import { openMapped, rowContext, type Settings } from './pipeline.js';
import { channelResolver } from './normalise/channel.js';
import { rowNormaliser } from './normalise/rows.js';
import { IssueLog } from './normalise/issues.js';
import { ANSWERED, RESOLVED, type TicketRow } from './normalise/table.js';
import type { RawRecord } from './read/source.js';
import { STYLE_LABELS, parserFor } from './normalise/time.js';

export interface FileProfile {
  file: string;
  format: { id: string; label: string; confidence: number; candidates: Array<{ id: string; confidence: number }> };
  header: string[];
  mapping: Array<{ field: TicketField; column: string | null; source: 'config' | 'format' | null; detail: string | null }>;
  missingRequired: Array<{ field: TicketField; hint: string }>;
  /** Fields the format never has, with the reason (Salesforce: no first-response field). */
  absent: Array<{ field: TicketField; reason: string }>;
  unusedColumns: string[];
  /** Log formats: further columns read to assemble tickets, with what for. */
  logColumns: Array<{ column: string; use: string }>;
  /** Every ticket is on this channel (tweet logs), when the format says so. */
  fixedChannel: Channel | null;
  rows: number;
  /** What one row is ("row", or "tweet"/"event" for logs where many rows make one ticket). */
  recordNoun: string;
  channelValues: Array<{ raw: string; count: number; channel: Channel; known: boolean; isPublic: boolean | null; outbound: boolean }>;
  createdRange: { from: string | null; to: string | null };
  timestampStyles: Array<{ field: TicketField; column: string; style: string | null }>;
  /** Whether creation times carry no offset (so the time zone setting decides what they mean). */
  naiveTimes: boolean;
  issues: Array<{ kind: string; severity: string; count: number; example: { line: number; column: string | null; detail: string } }>;
  ticketsUsable: number | null;
  /** Of the usable tickets: how many have a first response / a resolution (null when not read). */
  answered: number | null;
  resolved: number | null;
  /**
   * When tickets cannot be measured (no creation time) but first-response and resolution
   * timestamps exist: how many rows have both, and how many of those resolve before the first
   * response — what can honestly be said about such an export.
   */
  eventOrder?: { bothTimes: number; resolvedBeforeFirstResponse: number };
  notes: string[];
}

const REQUIRED: readonly TicketField[] = ['ticketId', 'channel', 'createdAt'];
const SEVERITY_ORDER = { error: 0, excluded: 1, metric: 2, note: 3 } as const;

/** Profiles one file. */
export async function profileFile(path: string, settings: Settings, stdin: Readable): Promise<FileProfile> {
  const opened = await openMapped(path, settings, stdin, false);
  const { mapping } = opened;
  const format = mapping.format;
  const detection = detectFormat(mapping.header, settings.inputFormat);
  const b = mapping.bindings;
  const isLog = Boolean(format.reduce);
  const missingRequired = REQUIRED.filter((f) => !b[f] && !(f === 'channel' && format.fixedChannel) && !isLog).map((field) => ({
    field,
    hint: columnsHint(field),
  }));
  const resolve = channelResolver(settings.config.channels ?? {}, format.channels ?? {});
  const rawCounts = new Map<string, number>();
  const issues = new IssueLog();
  const context = rowContext(settings);
  const seen = new Set<string>();
  let rows = 0;
  const eventOrder = { bothTimes: 0, resolvedBeforeFirstResponse: 0 };
  let usable = 0;
  let answered = 0;
  let resolved = 0;
  let from = Infinity;
  let to = -Infinity;
  const count = (raw: string): void => {
    rawCounts.set(raw, (rawCounts.get(raw) ?? 0) + 1);
  };
  const use = (ticket: TicketRow, file: string, line: number): void => {
    if (seen.has(ticket.id)) {
      issues.add({ kind: 'duplicate-id', severity: 'error', file, line, column: b.ticketId?.header ?? 'ticketId', value: ticket.id, detail: `ticket id "${ticket.id}" appeared earlier` });
      return;
    }
    seen.add(ticket.id);
    usable++;
    if (ticket.firstResponseState === ANSWERED) answered++;
    if (ticket.resolutionState === RESOLVED) resolved++;
    from = Math.min(from, ticket.createdAt);
    to = Math.max(to, ticket.createdAt);
  };

  let normalised = false;
  if (format.reduce) {
    // A log: tickets are made of many rows, so channel values are counted per ticket.
    normalised = true;
    async function* counted(): AsyncGenerator<RawRecord> {
      for await (const record of opened.records) {
        rows++;
        yield record;
      }
    }
    for await (const out of format.reduce(counted(), mapping, context)) {
      if ('issue' in out) issues.add(out.issue);
      else {
        count(out.ticket.rawChannel);
        use(out.ticket, out.ticket.file, out.ticket.line);
      }
    }
  } else {
    const normalise = missingRequired.length === 0 ? rowNormaliser(mapping, context) : null;
    normalised = normalise !== null;
    const firstB = b.firstResponseAt;
    const resolvedB = b.resolvedAt;
    const orderCheck =
      !normalise && firstB?.style && resolvedB?.style
        ? { first: parserFor(firstB.style, mapping.timeZone, firstB.dateFormat), resolved: parserFor(resolvedB.style, mapping.timeZone, resolvedB.dateFormat) }
        : null;
    for await (const record of opened.records) {
      rows++;
      if (b.channel) count((record.values[b.channel.index] ?? '').trim());
      if (orderCheck && firstB && resolvedB) {
        const first = orderCheck.first((record.values[firstB.index] ?? '').trim());
        const done = orderCheck.resolved((record.values[resolvedB.index] ?? '').trim());
        if (first !== null && done !== null) {
          eventOrder.bothTimes++;
          if (done < first) eventOrder.resolvedBeforeFirstResponse++;
        }
      }
      if (!normalise) continue;
      const result = normalise(record);
      if (!result.ok) {
        issues.add(result.issue);
        continue;
      }
      for (const note of result.notes) issues.add(note);
      use(result.ticket, record.file, record.line);
    }
  }
  const createdBinding = b.createdAt;
  const createdSamples = createdBinding ? opened.sample.map((r) => (r.values[createdBinding.index] ?? '').trim()).filter(Boolean) : [];
  const naiveTimes =
    createdBinding !== undefined &&
    !['twitter', 'epoch-seconds', 'epoch-ms'].includes(createdBinding.style ?? '') &&
    createdSamples.length > 0 &&
    !createdSamples.some((t) => /(?:Z|UTC|[+-]\d{2}:?\d{2})$/i.test(t));
  const iso = (s: number): string | null => (Number.isFinite(s) ? new Date(s * 1000).toISOString() : null);
  const logColumns = Object.entries(format.logColumns ?? {}).flatMap(([name, use]) => {
    const column = mapping.header.find((h) => headerKey(h) === headerKey(name));
    return column === undefined ? [] : [{ column, use }];
  });
  const absent = Object.entries(format.absent ?? {}).map(([field, reason]) => ({ field: field as TicketField, reason: reason as string }));
  return {
    file: opened.file,
    format: { id: format.id, label: format.label, confidence: detection.confidence, candidates: detection.candidates },
    header: [...mapping.header],
    mapping: TICKET_FIELDS.map((field) => {
      const binding = b[field];
      const detail = binding?.unit ? `unit ${binding.unit}${binding.unitAssumed ? ' (assumed; set columns.' + field + '.unit)' : ''}` : binding?.style ? STYLE_LABELS[binding.style] : null;
      return { field, column: binding?.header ?? null, source: binding?.source ?? null, detail };
    }),
    missingRequired,
    absent,
    unusedColumns: mapping.unused.filter((h) => !logColumns.some((c) => c.column === h)),
    logColumns,
    fixedChannel: format.fixedChannel && !b.channel ? format.fixedChannel : null,
    rows,
    recordNoun: format.recordNoun ?? 'row',
    channelValues: [...rawCounts.entries()]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .map(([raw, n]) => {
        const m = format.fixedChannel && !b.channel ? { channel: format.fixedChannel, known: true, isPublic: undefined, outbound: undefined } : resolve(raw);
        return { raw, count: n, channel: m.channel, known: m.known, isPublic: m.isPublic ?? null, outbound: m.outbound ?? false };
      }),
    createdRange: { from: iso(from), to: iso(to) },
    timestampStyles: (['createdAt', 'firstResponseAt', 'resolvedAt'] as const)
      .filter((f) => b[f])
      .map((field) => ({ field, column: b[field]!.header, style: b[field]!.style ? STYLE_LABELS[b[field]!.style!] : null })),
    naiveTimes,
    issues: issues
      .entries()
      .sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity] || y.count - x.count || x.kind.localeCompare(y.kind))
      .map((e) => ({ kind: e.kind, severity: e.severity, count: e.count, example: { line: e.example.line, column: e.example.column ?? null, detail: e.example.detail } })),
    ticketsUsable: normalised ? usable : null,
    answered: normalised ? answered : null,
    resolved: normalised ? resolved : null,
    ...(!normalised && eventOrder.bothTimes > 0 ? { eventOrder } : {}),
    notes: [...(format.notes ?? [])],
  };
}
