/**
 * The profile of an export, for `parity inspect`: detected format and mapping, raw channel
 * values and where each maps, date range and timestamp styles, and the row problems a full
 * audit would meet. Works even when required columns are missing, so it can show what to map.
 */
import type { Readable } from 'node:stream';
import { TICKET_FIELDS, type Channel, type TicketField } from '../model.js';
import { detectFormat } from '../formats/index.js';
import { columnsHint } from '../formats/bind.js';
import { openMapped, rowContext, type Settings } from '../pipeline.js';
import { channelResolver } from './channel.js';
import { rowNormaliser } from './rows.js';
import { IssueLog } from './issues.js';
import { STYLE_LABELS } from './time.js';

export interface FileProfile {
  file: string;
  format: { id: string; label: string; confidence: number; candidates: Array<{ id: string; confidence: number }> };
  header: string[];
  mapping: Array<{ field: TicketField; column: string | null; source: 'config' | 'format' | null; detail: string | null }>;
  missingRequired: Array<{ field: TicketField; hint: string }>;
  unusedColumns: string[];
  rows: number;
  channelValues: Array<{ raw: string; count: number; channel: Channel; known: boolean; isPublic: boolean | null; outbound: boolean }>;
  createdRange: { from: string | null; to: string | null };
  timestampStyles: Array<{ field: TicketField; column: string; style: string | null }>;
  issues: Array<{ kind: string; severity: string; count: number; example: { line: number; column: string | null; detail: string } }>;
  ticketsUsable: number | null;
  notes: string[];
}

const REQUIRED: readonly TicketField[] = ['ticketId', 'channel', 'createdAt'];

/** Profiles one file. */
export async function profileFile(path: string, settings: Settings, stdin: Readable): Promise<FileProfile> {
  const opened = await openMapped(path, settings, stdin, false);
  const { mapping } = opened;
  const detection = detectFormat(mapping.header, settings.inputFormat);
  const b = mapping.bindings;
  const missingRequired = REQUIRED.filter((f) => !b[f] && !(f === 'channel' && mapping.format.fixedChannel) && !mapping.format.reduce).map((field) => ({
    field,
    hint: columnsHint(field),
  }));
  const resolve = channelResolver(settings.config.channels ?? {}, mapping.format.channels ?? {});
  const rawCounts = new Map<string, number>();
  const issues = new IssueLog();
  const normalise = missingRequired.length === 0 && !mapping.format.reduce ? rowNormaliser(mapping, rowContext(settings)) : null;
  const seen = new Set<string>();
  let rows = 0;
  let usable = 0;
  let from = Infinity;
  let to = -Infinity;
  for await (const record of opened.records) {
    rows++;
    if (b.channel) {
      const raw = (record.values[b.channel.index] ?? '').trim();
      rawCounts.set(raw, (rawCounts.get(raw) ?? 0) + 1);
    }
    if (!normalise) continue;
    const result = normalise(record);
    if (!result.ok) {
      issues.add(result.issue);
      continue;
    }
    if (seen.has(result.ticket.id)) {
      issues.add({ kind: 'duplicate-id', severity: 'error', file: record.file, line: record.line, column: b.ticketId?.header ?? 'ticketId', value: result.ticket.id, detail: `ticket id "${result.ticket.id}" appeared earlier` });
      continue;
    }
    seen.add(result.ticket.id);
    usable++;
    for (const note of result.notes) issues.add(note);
    from = Math.min(from, result.ticket.createdAt);
    to = Math.max(to, result.ticket.createdAt);
  }
  const iso = (s: number): string | null => (Number.isFinite(s) ? new Date(s * 1000).toISOString() : null);
  return {
    file: opened.file,
    format: { id: mapping.format.id, label: mapping.format.label, confidence: detection.confidence, candidates: detection.candidates },
    header: [...mapping.header],
    mapping: TICKET_FIELDS.map((field) => {
      const binding = b[field];
      const detail = binding?.unit ? `unit ${binding.unit}${binding.unitAssumed ? ' (assumed; set columns.' + field + '.unit)' : ''}` : binding?.style ? STYLE_LABELS[binding.style] : null;
      return { field, column: binding?.header ?? null, source: binding?.source ?? null, detail };
    }),
    missingRequired,
    unusedColumns: [...mapping.unused],
    rows,
    channelValues: [...rawCounts.entries()]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .map(([raw, count]) => {
        const m = resolve(raw);
        return { raw, count, channel: m.channel, known: m.known, isPublic: m.isPublic ?? null, outbound: m.outbound ?? false };
      }),
    createdRange: { from: iso(from), to: iso(to) },
    timestampStyles: (['createdAt', 'firstResponseAt', 'resolvedAt'] as const)
      .filter((f) => b[f])
      .map((field) => ({ field, column: b[field]!.header, style: b[field]!.style ? STYLE_LABELS[b[field]!.style!] : null })),
    issues: issues.entries().map((e) => ({ kind: e.kind, severity: e.severity, count: e.count, example: { line: e.example.line, column: e.example.column ?? null, detail: e.example.detail } })),
    ticketsUsable: normalise ? usable : null,
    notes: [...(mapping.format.notes ?? []), ...Object.entries(mapping.format.absent ?? {}).map(([f, why]) => `${f}: ${why}`)],
  };
}
