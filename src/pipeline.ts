/**
 * The pipeline, end to end: read → normalise → measure → judge → report. Prints nothing and
 * touches no process state; commands call it and hand the Report to a renderer.
 *
 *   files ──read/──▶ records ──formats/──▶ mapping ──normalise/──▶ TicketTable + issues
 *         ──measure/──▶ group summaries ──judge/──▶ comparisons, findings, gates ──▶ Report
 */
import type { Readable } from 'node:stream';
import { ParityError } from './errors.js';
import { CHANNELS, type Channel } from './model.js';
import type { Config } from './config/schema.js';
import { openCsv, type RawRecord } from './read/source.js';
import { detectFormat } from './formats/index.js';
import { bindColumns, columnsHint, type Mapping } from './formats/bind.js';
import { rowNormaliser, type RowContext } from './normalise/rows.js';
import { EXCLUDED, OPEN, TicketTableBuilder, UNANSWERED, type TicketTable } from './normalise/table.js';
import { IssueLog, isRejection, type RowIssue } from './normalise/issues.js';
import { byBand, byChannel, bandsFromEdges, createdRange } from './measure/groups.js';
import { gatherSample, summarise, type GroupSample } from './measure/summary.js';
import { compareToReference } from './judge/compare.js';
import { BusinessCalendar, parseWeeklyHours } from './measure/clock.js';
import { slaSummary, slaTargets } from './measure/sla.js';
import type { BandReport, ChannelReport, DataQualityEntry, FileSummary, Report } from './report.js';
import { SCHEMA_VERSION } from './report.js';

/** Options resolved from flags and config (flags win); see commands/options.ts. */
export interface Settings {
  files: string[];
  config: Config;
  inputFormat: string | null;
  timeZone: string;
  reference: Channel;
  bands: number[];
  /** Epoch seconds, or null = latest timestamp in the data. */
  asOf: number | null;
  since: number | null;
  until: number | null;
  tolerance: { low: number; high: number };
  alpha: number;
  minSample: number;
  /** Gate expressions (--fail-on, then config gates). */
  gates: string[];
  allowMissing: boolean;
  /** Replace customer ids and handles with stable pseudonyms in every output. */
  redact: boolean;
  /** Which row of a repeated ticket id is kept: the first (default) or the last (newer exports). */
  duplicates: 'first' | 'last';
  generatedAt: string | null;
  version: string;
}

/** Side channels of a run: where standard input comes from and where rejected rows go. */
export interface RunIO {
  stdin: Readable;
  onReject?: (issue: RowIssue) => void;
  /** Called every PROGRESS_EVERY rows read (for a progress line on a terminal). */
  onProgress?: (rowsRead: number, file: string) => void;
}

const PROGRESS_EVERY = 100_000;

/** Everything read and normalised: the ticket table and the accounting. */
export interface Dataset {
  table: TicketTable;
  files: FileSummary[];
  mappings: Array<{ file: string; mapping: Mapping }>;
  rowsRead: number;
  rowsUsed: number;
  rowsRejected: number;
  issues: IssueLog;
  /** Raw channel values no vocabulary knew (mapped to `other`), with counts. */
  unknownChannels: Map<string, number>;
  /** Latest timestamp seen in the data (epoch seconds), or null when there is none. */
  latest: number | null;
  /** The as-of time (epoch seconds): --as-of, or the latest timestamp in the data. */
  asOf: number;
  notes: string[];
}

const SAMPLE_ROWS = 500;
const REQUIRED = ['ticketId', 'channel', 'createdAt'] as const;
const REQUIRED_WORDS: Record<(typeof REQUIRED)[number], string> = {
  ticketId: 'ticket-id',
  channel: 'channel',
  createdAt: 'creation-time',
};

/** Reads the first records of a source for sniffing, returning them and the rest. */
async function takeSample(records: AsyncIterable<RawRecord>, n: number): Promise<{ sample: RawRecord[]; rest: AsyncIterable<RawRecord> }> {
  const iterator = records[Symbol.asyncIterator]();
  const sample: RawRecord[] = [];
  let done = false;
  while (sample.length < n) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    sample.push(next.value);
  }
  async function* rest(): AsyncGenerator<RawRecord> {
    yield* sample;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { sample, rest: rest() };
}

/** Opens one file and maps its header; throws a ParityError when a required field is missing. */
export async function openMapped(
  path: string,
  settings: Pick<Settings, 'config' | 'inputFormat' | 'timeZone'>,
  stdin: Readable,
  requireFields = true,
): Promise<{ file: string; mapping: Mapping; records: AsyncIterable<RawRecord>; sample: RawRecord[]; encoding: string }> {
  const source = await openCsv(path, stdin, { sheet: settings.config.sheet });
  const { sample, rest } = await takeSample(source.records, SAMPLE_ROWS);
  const detection = detectFormat(source.header, settings.inputFormat ?? settings.config.format ?? null);
  const mapping = bindColumns(
    source.header,
    detection.format,
    detection.confidence,
    settings.config,
    sample.map((r) => r.values),
    settings.timeZone,
    source.file,
    source.delimiter,
  );
  if (requireFields && !detection.format.reduce) {
    const missing = REQUIRED.filter((field) => !mapping.bindings[field] && !(field === 'channel' && detection.format.fixedChannel));
    const [first] = missing;
    if (first) {
      // Name every missing key at once, so one edit of the config fixes the layout.
      const words = missing.map((f) => REQUIRED_WORDS[f]);
      const what = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
      const fix = missing.length === 1 ? columnsHint(first) : `map them with ${missing.map((f) => `columns.${f}`).join(', ')} in parity.config.json (\`parity init <file>\` writes a starter)`;
      throw new ParityError(`no ${what} column; ${fix}`, {
        location: { file: source.file, line: 1 },
        hint: `headers found: ${source.header.map((h) => JSON.stringify(h)).join(', ')}\n  \`parity inspect ${source.file === '<stdin>' ? '-' : source.file}\` shows what can be read from it`,
      });
    }
  }
  return { file: source.file, mapping, records: rest, sample, encoding: source.encoding ?? 'utf-8' };
}

/** Row-normaliser settings from the resolved options. */
export function rowContext(settings: Settings): RowContext {
  const loud = settings.config.loud ?? {};
  return {
    channels: settings.config.channels ?? {},
    asOf: settings.asOf,
    since: settings.since,
    until: settings.until,
    capitalsShare: loud.capitalsShare ?? 0.6,
    exclamationRun: loud.exclamationRun ?? 3,
    escalationTags: loud.escalationTags ?? ['vip', 'escalated', 'escalation', 'executive', 'press', 'influencer'],
  };
}

/** read → normalise: every file into one ticket table, every row accounted for. */
export async function loadDataset(settings: Settings, io: RunIO): Promise<Dataset> {
  if (settings.files.length === 0) throw new ParityError('no input files given', { hint: 'pass one or more files, or - for standard input' });
  const builder = new TicketTableBuilder();
  const issues = new IssueLog();
  const seen = new Map<string, number>();
  const files: FileSummary[] = [];
  const mappings: Dataset['mappings'] = [];
  const notes = new Set<string>();
  const unknownRaw = new Set<string>();
  const fileMeasures = new Map<string, { firstResponse: boolean; resolution: boolean }>();
  const context = rowContext(settings);
  let rowsRead = 0;
  let rowsRejected = 0;
  let latest = Number.NEGATIVE_INFINITY;

  const reject = (issue: RowIssue): void => {
    rowsRejected++;
    issues.add(issue);
    io.onReject?.(issue);
  };

  for (const path of settings.files) {
    const opened = await openMapped(path, settings, io.stdin);
    const { mapping } = opened;
    mappings.push({ file: opened.file, mapping });
    for (const note of mapping.format.notes ?? []) notes.add(note);
    if (opened.encoding !== 'utf-8') notes.add(`${opened.file} is not UTF-8; it was read as ${opened.encoding}`);
    for (const [field, why] of Object.entries(mapping.format.absent ?? {})) notes.add(`${field}: ${why}`);
    let fileRows = 0;
    // Which metrics this file can measure: a bound column, or (for logs) any ticket that has it.
    const b = mapping.bindings;
    const measures = { firstResponse: Boolean(b.firstResponseAt || b.firstResponseTime), resolution: Boolean(b.resolvedAt || b.resolutionTime) };
    const idColumn = mapping.bindings.ticketId?.header ?? 'ticketId';
    // Logs reduce many rows to one ticket, so a later duplicate cannot take the earlier one's rows.
    const lastWins = settings.duplicates === 'last' && !mapping.format.reduce;
    const accept = (ticket: Parameters<TicketTableBuilder['add']>[0], line: number, file: string): boolean => {
      if (ticket.channelKnown === false) unknownRaw.add(ticket.rawChannel);
      const earlier = seen.get(ticket.id);
      if (earlier === undefined) {
        seen.set(ticket.id, builder.add(ticket));
        return true;
      }
      if (!lastWins) {
        reject({ kind: 'duplicate-id', severity: 'error', file, line, column: idColumn, value: ticket.id, detail: `ticket id "${ticket.id}" appeared earlier; the first one is kept` });
        return false;
      }
      const before = builder.locationOf(earlier);
      reject({ kind: 'duplicate-id', severity: 'error', file: before.file, line: before.line, column: idColumn, value: ticket.id, detail: `ticket id "${ticket.id}" appears again at ${file}:${line}; the last one is kept` });
      builder.replace(earlier, ticket);
      return true;
    };
    if (mapping.format.reduce) {
      for await (const out of mapping.format.reduce(countRecords(opened.records, () => { rowsRead++; fileRows++; }), mapping, context)) {
        if ('issue' in out) {
          if (isRejection(out.issue)) reject(out.issue);
          else issues.add(out.issue);
        } else if (!accept(out.ticket, out.ticket.line, out.ticket.file)) {
          rowsRejected += out.usedRows - 1;
        } else {
          latest = Math.max(latest, out.ticket.createdAt + Math.max(nanToZero(out.ticket.firstResponseSeconds), nanToZero(out.ticket.resolutionSeconds)));
          if (out.ticket.firstResponseState !== UNANSWERED) measures.firstResponse = true;
          if (out.ticket.resolutionState !== OPEN) measures.resolution = true;
        }
      }
    } else {
      const normalise = rowNormaliser(mapping, context);
      for await (const record of opened.records) {
        rowsRead++;
        fileRows++;
        if (io.onProgress && rowsRead % PROGRESS_EVERY === 0) io.onProgress(rowsRead, opened.file);
        const result = normalise(record);
        if (!result.ok) {
          reject(result.issue);
          continue;
        }
        if (accept(result.ticket, record.line, record.file)) {
          for (const note of result.notes) issues.add(note);
          if (result.latest > latest) latest = result.latest;
        }
      }
    }
    files.push({ file: opened.file, format: mapping.format.id, formatLabel: mapping.format.label, confidence: mapping.confidence, rowsRead: fileRows });
    fileMeasures.set(opened.file, measures);
    if (!measures.firstResponse) notes.add(`${opened.file}: no first-response information, so first response is not measured for its tickets`);
    if (!measures.resolution) notes.add(`${opened.file}: no resolution information, so resolution is not measured for its tickets`);
  }
  const latestSeen = Number.isFinite(latest) ? latest : null;
  const asOf = settings.asOf ?? latestSeen ?? 0;
  const table = applyClock(withoutUnmeasured(builder.build(), fileMeasures), settings.config, asOf);
  return {
    table,
    files,
    mappings,
    rowsRead,
    rowsUsed: rowsRead - rowsRejected,
    rowsRejected,
    issues,
    latest: latestSeen,
    asOf,
    unknownChannels: countUnknown(table, unknownRaw),
    notes: [...notes],
  };
}

/**
 * Tickets from a file that cannot measure a metric (Salesforce has no first-response field, a
 * tweet log no resolution) are left out of that metric, instead of counting as never answered
 * or never resolved.
 */
function withoutUnmeasured(table: TicketTable, measures: ReadonlyMap<string, { firstResponse: boolean; resolution: boolean }>): TicketTable {
  const files = table.dictionaries.file.values;
  const lacking = files.map((f) => measures.get(f) ?? { firstResponse: true, resolution: true });
  if (lacking.every((m) => m.firstResponse && m.resolution)) return table;
  const firstResponseState = table.firstResponseState.slice();
  const resolutionState = table.resolutionState.slice();
  for (let i = 0; i < table.size; i++) {
    const m = lacking[table.fileIndex[i] as number];
    if (m && !m.firstResponse) firstResponseState[i] = EXCLUDED;
    if (m && !m.resolution) resolutionState[i] = EXCLUDED;
  }
  return { ...table, firstResponseState, resolutionState };
}

/**
 * Puts the table's durations in the configured clock and records each ticket's age at the
 * as-of time (the censoring time of a still-open ticket).
 */
function applyClock(table: TicketTable, config: Config, asOf: number): TicketTable {
  const openAge = new Float64Array(table.size);
  if (config.clock !== 'business') {
    for (let i = 0; i < table.size; i++) openAge[i] = asOf - (table.createdAt[i] as number);
    return { ...table, openAge, clock: 'calendar' };
  }
  if (!config.businessHours) {
    throw new ParityError('clock is "business" but no businessHours are configured', {
      hint: 'add "businessHours": { "timeZone": "Europe/London", "open": ["Mon-Fri 09:00-17:00"] } to the config',
    });
  }
  let from = asOf;
  for (let i = 0; i < table.size; i++) from = Math.min(from, table.createdAt[i] as number);
  let to = asOf;
  for (let i = 0; i < table.size; i++) {
    const c = table.createdAt[i] as number;
    to = Math.max(to, c + nanToZero(table.firstResponse[i] as number), c + nanToZero(table.resolution[i] as number));
  }
  const calendar = new BusinessCalendar(
    parseWeeklyHours(config.businessHours.open),
    config.businessHours.timeZone ?? config.timeZone ?? 'UTC',
    config.businessHours.holidays ?? [],
    from,
    to,
  );
  const firstResponse = new Float64Array(table.size);
  const resolution = new Float64Array(table.size);
  for (let i = 0; i < table.size; i++) {
    const c = table.createdAt[i] as number;
    const f = table.firstResponse[i] as number;
    const r = table.resolution[i] as number;
    firstResponse[i] = Number.isNaN(f) ? f : calendar.between(c, c + f);
    resolution[i] = Number.isNaN(r) ? r : calendar.between(c, c + r);
    openAge[i] = calendar.between(c, asOf);
  }
  return { ...table, firstResponse, resolution, openAge, clock: 'business' };
}

/** Tickets per raw channel value that no vocabulary knew (counted on the final table). */
function countUnknown(table: TicketTable, unknownRaw: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  if (unknownRaw.size === 0) return out;
  const dictionary = table.dictionaries.rawChannel;
  for (let i = 0; i < table.size; i++) {
    const raw = dictionary.valueOf(table.rawChannel[i] as number) ?? '';
    if (unknownRaw.has(raw)) out.set(raw, (out.get(raw) ?? 0) + 1);
  }
  return out;
}

function nanToZero(x: number): number {
  return Number.isNaN(x) ? 0 : x;
}

async function* countRecords(records: AsyncIterable<RawRecord>, onRecord: () => void): AsyncGenerator<RawRecord> {
  for await (const r of records) {
    onRecord();
    yield r;
  }
}

function iso(seconds: number | null): string | null {
  return seconds === null ? null : new Date(Math.round(seconds * 1000)).toISOString();
}

/** The data-quality list of the report, errors first, then by count. */
function dataQuality(issues: IssueLog): DataQualityEntry[] {
  const order = { error: 0, excluded: 1, metric: 2, note: 3 } as const;
  return issues
    .entries()
    .sort((a, b) => order[a.severity] - order[b.severity] || b.count - a.count || a.kind.localeCompare(b.kind))
    .map((e) => ({
      kind: e.kind,
      severity: e.severity,
      count: e.count,
      example: { file: e.example.file, line: e.example.line, column: e.example.column ?? null, value: e.example.value ?? null, detail: e.example.detail },
    }));
}

/** measure → judge → Report, for a loaded dataset. */
export function buildReport(dataset: Dataset, settings: Settings): Report {
  const { table } = dataset;
  if (table.size === 0) {
    const top = dataset.issues.entries().sort((a, b) => b.count - a.count)[0];
    throw new ParityError('no usable tickets: nothing to audit', {
      location: top
        ? { file: top.example.file, line: top.example.line, ...(top.example.column ? { column: top.example.column } : {}) }
        : { file: dataset.files.map((f) => f.file).join(', ') },
      hint: top
        ? `${dataset.rowsRejected} of ${dataset.rowsRead} rows rejected; most often ${top.kind} (${top.count}×), e.g. ${top.example.detail}. Run \`parity inspect\` to check the mapping.`
        : 'the file has a header but no rows',
    });
  }
  const asOf = dataset.asOf;
  const slaFirst = slaTargets(settings.config.sla?.firstResponse);
  const slaResolution = slaTargets(settings.config.sla?.resolution);
  const openAge = table.openAge ?? new Float64Array(table.size);

  // measure
  const channelGroups = byChannel(table);
  const samples = new Map<Channel, GroupSample>();
  const channels: ChannelReport[] = [];
  for (const channel of CHANNELS) {
    const indices = channelGroups.get(channel);
    if (!indices) continue;
    const sample = gatherSample(table, indices, asOf);
    samples.set(channel, sample);
    const s = summarise(indices.length, sample);
    const sla =
      slaFirst || slaResolution
        ? {
            firstResponse: slaFirst ? slaSummary(table, indices, slaFirst, 'firstResponse', openAge) : null,
            resolution: slaResolution ? slaSummary(table, indices, slaResolution, 'resolution', openAge) : null,
          }
        : null;
    channels.push({ channel, ...s, vsReference: null, sla });
  }
  const bands = bandsFromEdges(settings.bands);
  const bandGroups = byBand(table, bands);
  const followerBands: BandReport[] = bands.map((band, k) => {
    const indices = bandGroups[k] as Uint32Array;
    const s = summarise(indices.length, gatherSample(table, indices, asOf));
    const counts = new Uint32Array(CHANNELS.length);
    for (const i of indices) counts[table.channel[i] as number]!++;
    const mix: Partial<Record<Channel, number>> = {};
    CHANNELS.forEach((c, k) => {
      if (counts[k]) mix[c] = counts[k] as number;
    });
    return { band: band.label, min: band.min, max: band.max, ...s, channels: mix };
  });

  // judge
  const referenceSample = samples.get(settings.reference) ?? null;
  const referenceReport = channels.find((c) => c.channel === settings.reference) ?? null;
  for (const c of channels) {
    if (!referenceSample || !referenceReport) break;
    c.vsReference = compareToReference(c, samples.get(c.channel) as GroupSample, referenceReport, referenceSample);
  }

  // input description
  const rawCounts = new Map<number, number>();
  for (let i = 0; i < table.size; i++) rawCounts.set(table.rawChannel[i] as number, (rawCounts.get(table.rawChannel[i] as number) ?? 0) + 1);
  const channelValues = [...rawCounts.entries()]
    .map(([code, count]) => {
      const raw = table.dictionaries.rawChannel.valueOf(code) ?? '';
      return { raw, count, code };
    })
    .sort((a, b) => b.count - a.count || a.raw.localeCompare(b.raw));
  const valueChannel = new Map<number, Channel>();
  for (let i = 0; i < table.size; i++) valueChannel.set(table.rawChannel[i] as number, CHANNELS[table.channel[i] as number] as Channel);
  const formatIds = [...new Set(dataset.files.map((f) => f.format))];
  const { from, to } = createdRange(table);

  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'parity', version: settings.version },
    generatedAt: settings.generatedAt,
    input: {
      files: dataset.files.map((f) => f.file),
      format: formatIds.length === 1 ? (formatIds[0] as string) : 'mixed',
      formats: dataset.files,
      rowsRead: dataset.rowsRead,
      rowsUsed: dataset.rowsUsed,
      rowsRejected: dataset.rowsRejected,
      tickets: table.size,
      dataQuality: dataQuality(dataset.issues),
      unknownChannels: [...dataset.unknownChannels.entries()]
        .map(([raw, count]) => ({ raw, count }))
        .sort((a, b) => b.count - a.count || a.raw.localeCompare(b.raw)),
      channelValues: channelValues.map(({ raw, count, code }) => ({ raw, count, channel: valueChannel.get(code) ?? 'other' })),
      notes: dataset.notes,
    },
    period: { from: iso(from), to: iso(to), asOf: iso(asOf) },
    settings: {
      reference: settings.reference,
      timeZone: settings.timeZone,
      clock: settings.config.clock ?? 'calendar',
      bands: [...settings.bands],
      tolerance: settings.tolerance,
      alpha: settings.alpha,
      minSample: settings.minSample,
    },
    reference: settings.reference,
    channels,
    followerBands,
    findings: [],
    gates: [],
  };
}
