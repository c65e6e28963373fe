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
  const priorities = table.dictionaries.priority;
  let met = 0;
  let breached = 0;
  let notYetDue = 0;
  let shown: number | null = null;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const channel = CHANNELS[table.channel[i] as number] as string;
    const priority = priorities.valueOf(table.priority[i] as number)?.toLowerCase();
    const target = (priority !== undefined ? targets.get(priority) : undefined) ?? targets.get(channel) ?? targets.get('default');
    if (target === undefined) continue;
    shown ??= targets.get(channel) ?? targets.get('default') ?? target;
    const state = metric === 'firstResponse' ? table.firstResponseState[i] : table.resolutionState[i];
    if (state === EXCLUDED) continue;
    const done = metric === 'firstResponse' ? state === ANSWERED : state === RESOLVED;
    if (done) {
      const value = (metric === 'firstResponse' ? table.firstResponse[i] : table.resolution[i]) as number;
      if (value <= target) met++;
      else breached++;
    } else if ((openAge[i] as number) > target) breached++;
    else notYetDue++;
  }
  if (shown === null) return null;
  return { target: shown, met, breached, notYetDue, attainment: met + breached ? met / (met + breached) : null };
}
