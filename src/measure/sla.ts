/**
 * SLA attainment (config `sla`): per ticket the target is found by priority first, then by
 * channel, then `default` (so `"urgent": "8h"` beats `"email": "4h"` for an urgent email).
 * A ticket met the target when answered/resolved within it, breached it when answered late or
 * still waiting past it at the as-of time, and is not yet due when still waiting within it.
 */
import { CHANNELS } from '../model.js';
import { parseDuration } from './duration.js';
import { ANSWERED, EXCLUDED, RESOLVED, type TicketTable } from '../normalise/table.js';

export interface SlaCount {
  target: number;
  met: number;
  breached: number;
  notYetDue: number;
  attainment: number | null;
}

/** Targets by lower-cased key (channel, priority or `default`), in seconds. */
export type SlaTargets = ReadonlyMap<string, number>;

export function slaTargets(spec: Readonly<Record<string, string | number>> | undefined): SlaTargets | null {
  if (!spec) return null;
  const out = new Map<string, number>();
  for (const [key, value] of Object.entries(spec)) {
    const seconds = typeof value === 'number' ? value : parseDuration(value);
    if (seconds !== null) out.set(key.toLowerCase(), seconds);
  }
  return out.size ? out : null;
}

/** The target that applies to ticket i: by priority, then channel, then `default`. */
export function slaTargetOf(table: TicketTable, i: number, targets: SlaTargets): number | undefined {
  const channel = CHANNELS[table.channel[i] as number] as string;
  const priority = table.dictionaries.priority.valueOf(table.priority[i] as number)?.toLowerCase();
  return (priority !== undefined ? targets.get(priority) : undefined) ?? targets.get(channel) ?? targets.get('default');
}

/** One ticket's SLA outcome on one metric, or null when no target applies or the metric is left out. */
export function slaOutcome(
  table: TicketTable,
  i: number,
  targets: SlaTargets,
  metric: 'firstResponse' | 'resolution',
  openAge: Float64Array,
): 'met' | 'breached' | 'not-yet-due' | null {
  const target = slaTargetOf(table, i, targets);
  if (target === undefined) return null;
  const state = metric === 'firstResponse' ? table.firstResponseState[i] : table.resolutionState[i];
  if (state === EXCLUDED) return null;
  const done = metric === 'firstResponse' ? state === ANSWERED : state === RESOLVED;
  if (done) {
    const value = (metric === 'firstResponse' ? table.firstResponse[i] : table.resolution[i]) as number;
    return value <= target ? 'met' : 'breached';
  }
  return (openAge[i] as number) > target ? 'breached' : 'not-yet-due';
}

/**
 * SLA counts for the tickets at `indices` on one metric. `target` of the summary is the
 * channel's own (or default) target, for display; per-ticket priority targets still apply.
 */
export function slaSummary(
  table: TicketTable,
  indices: ArrayLike<number>,
  targets: SlaTargets,
  metric: 'firstResponse' | 'resolution',
  openAge: Float64Array,
): SlaCount | null {
  let met = 0;
  let breached = 0;
  let notYetDue = 0;
  let shown: number | null = null;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const target = slaTargetOf(table, i, targets);
    if (target === undefined) continue;
    const channel = CHANNELS[table.channel[i] as number] as string;
    shown ??= targets.get(channel) ?? targets.get('default') ?? target;
    const outcome = slaOutcome(table, i, targets, metric, openAge);
    if (outcome === 'met') met++;
    else if (outcome === 'breached') breached++;
    else if (outcome === 'not-yet-due') notYetDue++;
  }
  if (shown === null) return null;
  return { target: shown, met, breached, notYetDue, attainment: met + breached ? met / (met + breached) : null };
}
