/** Renders `parity inspect` profiles as text or JSON. Formatting only. */
import { Chalk } from 'chalk';
import type { FileProfile } from '../load/profile.js';
import { TIME_TWINS, TWIN_FIELD, type TicketField } from '../model.js';
import { firstValues, formatCount, moreValues, quoted, SHOWN_VALUES } from './format.js';
import { escapeJsonText, sanitiseDeep } from '../text/sanitise.js';
import { padEndColumns } from '../text/width.js';

export function renderInspectJson(profiles: FileProfile[]): string {
  return escapeJsonText(`${JSON.stringify({ files: profiles }, null, 2)}\n`);
}

/**
 * How well the format was recognised: a known export's header signature match, or, for the
 * generic mapping (which has no signature, so its detection score says nothing), how many
 * canonical fields its column names found.
 */
function formatMatch(p: FileProfile): string {
  if (p.format.id !== 'generic') return `signature match ${p.format.confidence.toFixed(2)}`;
  const found = new Set(p.mapping.filter((m) => m.column).map((m) => m.field));
  // A timestamp and its duration twin are one field.
  for (const [at, time] of TIME_TWINS) if (found.has(time)) found.add(at);
  const fields = p.mapping.map((m) => m.field).filter((f) => f !== 'firstResponseTime' && f !== 'resolutionTime');
  const have = fields.filter((f) => found.has(f)).length;
  const required = 3 - p.missingRequired.length;
  return `no known export signature; columns matched by name: ${have} of ${fields.length} fields, ${required} of 3 required`;
}

/**
 * The unused columns, the first SHOWN_VALUES of them (a file of hundreds of columns must not
 * print a paragraph of names), then how many more: the JSON lists them all.
 */
export function unusedColumnsText(columns: readonly string[], limit = SHOWN_VALUES): string {
  const shown = columns.slice(0, limit).map((h) => quoted(h)).join(', ');
  const more = columns.length - limit;
  return more > 0 ? `${shown}, and ${formatCount(more)} more: --format json lists them all` : shown;
}

export function renderInspectText(unsafe: FileProfile[], color: boolean): string {
  // Everything shown comes from the data (headers, values, problems): escaped once, here.
  const profiles = sanitiseDeep(unsafe);
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  for (const p of profiles) {
    out.push(c.bold(`${p.file}`));
    out.push(`  format: ${p.format.label} (${p.format.id}), ${formatMatch(p)}`);
    const others = p.format.candidates.filter((x) => x.id !== p.format.id && x.confidence > 0.1);
    if (others.length) out.push(`  also considered: ${others.map((x) => `${x.id} ${x.confidence.toFixed(2)}`).join(', ')}`);
    const counted = (n: number | null, what: string, metric: string): string => (n === null ? `${metric} not measured` : `${formatCount(n)} ${what}`);
    const outcome = p.ticketsUsable === null ? '' : ` (${counted(p.answered, 'answered', 'first response')}, ${counted(p.resolved, 'resolved', 'resolution')})`;
    if (p.recordNoun !== 'row') {
      // A log: many rows make one ticket.
      out.push(`  rows: ${formatCount(p.rows)} ${p.recordNoun}s → ${formatCount(p.ticketsUsable ?? 0)} tickets${outcome}`);
    } else {
      out.push(`  rows: ${formatCount(p.rows)}${p.ticketsUsable === null ? '' : `, usable tickets: ${formatCount(p.ticketsUsable)}${outcome}`}`);
    }
    out.push('  mapping:');
    for (const m of p.mapping) {
      if (!m.column) continue;
      out.push(`    ${m.field.padEnd(18)} ← ${quoted(m.column)}${m.source === 'config' ? ' (config)' : ''}${m.detail ? `  [${m.detail}]` : ''}`);
    }
    if (p.fixedChannel) out.push(`    ${'channel'.padEnd(18)} ← (every ticket: ${p.fixedChannel})`);
    for (const l of p.logColumns) out.push(`    ${'(log)'.padEnd(18)} ← ${quoted(l.column)}  [${l.use}]`);
    const absent = new Set(p.absent.map((a) => a.field));
    if (p.fixedChannel) absent.add('channel');
    // A missing timestamp field and its duration twin are one gap, told once.
    for (const [at, time] of TIME_TWINS) {
      if (absent.has(at)) absent.add(time);
      if (absent.has(time)) absent.add(at);
    }
    const bound = new Set<string>(p.mapping.filter((m) => m.column).map((m) => m.field));
    const unmapped = p.mapping.filter((m) => !m.column && !absent.has(m.field) && !bound.has(TWIN_FIELD[m.field] ?? '')).map((m) => m.field);
    if (unmapped.length) out.push(`    not found: ${unmapped.join(', ')}`);
    for (const a of p.absent) out.push(`    not a column: ${a.field}: ${a.reason}`);
    for (const miss of p.missingRequired) out.push(c.red(`  missing required ${miss.field}: ${miss.hint}`));
    if (p.eventOrder) {
      out.push(
        `  without ${p.missingRequired.map((m) => m.field).join(' and ')} no ticket can be audited; of ${formatCount(p.eventOrder.bothTimes)} rows with both a first-response and a resolution time, ${formatCount(p.eventOrder.resolvedBeforeFirstResponse)} resolve before the first response`,
      );
    }
    if (p.unusedColumns.length) out.push(`  unused columns: ${unusedColumnsText(p.unusedColumns)}`);
    if (p.channelValues.length) {
      // counted per row read, rejected and left-out rows too (what a mapping needs to see): said
      // so when they do not add up to the usable tickets above (--since, --until, --as-of, rejects)
      const counted = p.channelValues.reduce((a, v) => a + v.count, 0);
      out.push(p.recordNoun === 'row' && p.ticketsUsable !== null && counted !== p.ticketsUsable ? `  channel values (of all ${formatCount(counted)} rows read, not only the usable tickets):` : '  channel values:');
      const values = firstValues(p.channelValues);
      for (const v of values.shown) {
        const extra = [v.isPublic === true ? 'public' : v.isPublic === false ? 'private' : '', v.outbound ? 'outbound: excluded' : '', v.known ? '' : 'unknown: map it with "channels"']
          .filter(Boolean)
          .join(', ');
        out.push(`    ${padEndColumns(quoted(v.label ?? v.raw), 28)} ${formatCount(v.count).padStart(8)}  → ${v.channel}${extra ? `  (${extra})` : ''}`);
      }
      if (values.more) out.push(`    and ${moreValues(values.more, values.moreCount, p.recordNoun === 'row' ? 'rows' : `${p.recordNoun}s`)}: --format json lists them all`);
    }
    if (p.createdRange.from) out.push(`  created: ${p.createdRange.from} to ${p.createdRange.to}`);
    for (const s of p.timestampStyles) out.push(`  timestamps ${s.field} (${quoted(s.column)}): ${s.style ?? (s.unsampled ? 'no value in the rows sampled (read in the style of its first value)' : unrecognised(s.field, s.column))}`);
    if (p.issues.length) {
      out.push('  row problems:');
      for (const i of p.issues) {
        out.push(`    ${i.severity.padEnd(8)} ${i.kind} ×${formatCount(i.count)}  e.g. line ${i.example.line}${i.example.column ? ` (${i.example.column})` : ''}: ${i.example.detail}`);
      }
    } else if (p.ticketsUsable !== null) out.push('  row problems: none');
    for (const n of p.notes) out.push(`  note: ${n}`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * What to do about a time column none of whose sampled values is a timestamp: a date format, or,
 * for an answer or resolution column, a mapping as a duration with its unit (a column named
 * `first_response_time` whose values are words parity does not read is taken for timestamps).
 */
function unrecognised(field: TicketField, column: string): string {
  // the duration field the column may have meant (`first_response_time` holding `5 fortnights`)
  const duration = TIME_TWINS.find(([at]) => at === field)?.[1];
  if (!duration) return 'not recognised; set dateFormat';
  return `not recognised; set dateFormat, or, if it holds durations, map it with their unit: "columns": { "${duration}": { "column": ${JSON.stringify(column)}, "unit": "minutes" } }`;
}
