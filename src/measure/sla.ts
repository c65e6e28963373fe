/**
 * SLA attainment (config `sla`): per ticket the target is found by priority first, then by
 * channel, then `default` (so `"urgent": "8h"` beats `"email": "4h"` for an urgent email).
 * A ticket met the target when answered/resolved within it, breached it when answered late or
 * still waiting past it at the as-of time, and is not yet due when still waiting within it.
 */
import { ParityError } from '../errors.js';
import { CHANNELS } from '../model.js';
import { parseDuration } from './duration.js';
import { ANSWERED, EXCLUDED, RESOLVED, type TicketTable } from '../normalise/table.js';

export interface SlaCount {
  /** The channel's own target, or the default: what applies to the channel's tickets without a priority target. */
  target: number;
  met: number;
  breached: number;
  notYetDue: number;
  attainment: number | null;
  /**
   * Tickets judged against their priority's target instead (`"urgent": "30m"`), per priority
   * (the config's key, lower case), in key order; empty when none. Without it the one target
   * shown hid the one half the tickets were judged against.
   */
  priorityTargets: Array<{ priority: string; target: number; tickets: number }>;
  /** Tickets judged against `target` (the rest were judged against their priority's). */
  targetTickets: number;
}

/**
 * Adds up SLA outcomes and which target each ticket was judged against, the same way for
 * tickets one by one (slaSummary) and for a count table's cells (countGroups.ts).
 */
export class SlaCounter {
  met = 0;
  breached = 0;
  notYetDue = 0;
  private shown: number | null = null;
  private targetTickets = 0;
  private readonly byPriority = new Map<string, { target: number; tickets: number }>();

  constructor(
    private readonly targets: SlaTargets,
    private readonly channel: string,
  ) {}

  /**
   * The target for a ticket (or cell) of `priority` (any case; null = none), or undefined when
   * no target applies; `tickets` of them are then counted against it by the caller.
   */
  targetFor(priority: string | null | undefined): number | undefined {
    const own = priorityTarget(this.targets, priority);
    const target = own ?? this.targets.get(this.channel) ?? this.targets.get('default');
    if (target === undefined) return undefined;
    this.shown ??= this.targets.get(this.channel) ?? this.targets.get('default') ?? target;
    return target;
  }

  /** Records `tickets` judged against the target of `priority` (after targetFor gave one). */
  judged(priority: string | null | undefined, tickets: number): void {
    const key = priority?.toLowerCase();
    const own = priorityTarget(this.targets, priority);
    if (own === undefined || key === undefined) {
      this.targetTickets += tickets;
      return;
    }
    const entry = this.byPriority.get(key);
    if (entry) entry.tickets += tickets;
    else this.byPriority.set(key, { target: own, tickets });
  }

  /**
   * The summary, or null when no ticket had a target, or none was judged against one (the
   * metric is measured for none of them: a file without first-response times shows no
   * first-response target met 0 times and breached 0 times, but no first-response SLA).
   */
  result(): SlaCount | null {
    if (this.shown === null || this.met + this.breached + this.notYetDue === 0) return null;
    const priorityTargets = [...this.byPriority]
      .filter(([, v]) => v.tickets > 0)
      .map(([priority, v]) => ({ priority, target: v.target, tickets: v.tickets }))
      .sort((a, b) => (a.priority < b.priority ? -1 : a.priority > b.priority ? 1 : 0));
    const { met, breached, notYetDue } = this;
    return { target: this.shown, met, breached, notYetDue, attainment: met + breached ? met / (met + breached) : null, priorityTargets, targetTickets: this.targetTickets };
  }
}

/**
 * Notes for SLA keys no ticket was judged against that name no channel and are not `default`:
 * a priority no ticket has, or a typo (`"emial": "2h"`), which would otherwise change every SLA
 * count without a trace. A channel's key without tickets of that channel is no note (a config
 * shared by exports that lack a channel is not wrong).
 */
export function unusedSlaNotes(
  sla: { readonly firstResponse: SlaTargets | null; readonly resolution: SlaTargets | null },
  channels: ReadonlyArray<{ readonly sla: { readonly firstResponse: SlaCount | null; readonly resolution: SlaCount | null } | null }>,
): string[] {
  const notes: string[] = [];
  for (const metric of ['firstResponse', 'resolution'] as const) {
    const targets = sla[metric];
    if (!targets) continue;
    const used = new Set(channels.flatMap((c) => c.sla?.[metric]?.priorityTargets.map((p) => p.priority) ?? []));
    for (const key of targets.keys()) {
      if (key === 'default' || (CHANNELS as readonly string[]).includes(key) || used.has(key)) continue;
      notes.push(`sla.${metric} "${key}" is no channel (${CHANNELS.join(', ')}) and no ticket's priority here, so no ticket was judged against it: check its spelling`);
    }
  }
  return notes;
}

/** Targets by lower-cased key (channel, priority or `default`), in seconds. */
export type SlaTargets = ReadonlyMap<string, number>;

export function slaTargets(spec: Readonly<Record<string, string | number>> | undefined, path = 'sla', configFile: string | null = null): SlaTargets | null {
  if (!spec) return null;
  const out = new Map<string, number>();
  const written = new Map<string, string>();
  for (const [key, value] of Object.entries(spec)) {
    const seconds = typeof value === 'number' ? value : parseDuration(value);
    if (seconds === null) continue;
    // (a target beyond what parity computes with exactly is no target: refused as a gate's threshold is)
    if (!Number.isFinite(seconds) || seconds > Number.MAX_SAFE_INTEGER) {
      throw new ParityError(`${path}.${key} in the config: ${String(value).length > 24 ? `${String(value).slice(0, 20)}…` : String(value)} is too long a duration to be a target`, { hint: 'write a target like 4h or 3d', ...(configFile ? { location: { file: configFile } } : {}) });
    }
    // keys are matched in any case: two keys of one value with different targets are an error,
    // not the last one silently winning (found by an attack), as for the channels map
    const lower = key.toLowerCase();
    const earlier = written.get(lower);
    if (earlier !== undefined && out.get(lower) !== seconds) {
      throw new ParityError(`${path}.${key} in the config: "${earlier}" and "${key}" are one key to parity (case aside), with different targets`, { hint: 'keep one of them', ...(configFile ? { location: { file: configFile } } : {}) });
    }
    written.set(lower, key);
    out.set(lower, seconds);
  }
  return out.size ? out : null;
}

/**
 * The target a priority value has of its own (any case), or undefined. A key is a priority's
 * only when it is no channel and not `default`: a ticket whose priority is literally "Default"
 * (or "Email") falls back to its channel's target, as a priority without a target does, instead
 * of taking the fallback's (or another channel's) as if it were its own.
 */
export function priorityTarget(targets: SlaTargets, priority: string | null | undefined): number | undefined {
  const key = priority?.toLowerCase();
  if (key === undefined || key === 'default' || (CHANNELS as readonly string[]).includes(key)) return undefined;
  return targets.get(key);
}

/** The target that applies to ticket i: by priority, then channel, then `default`. */
export function slaTargetOf(table: TicketTable, i: number, targets: SlaTargets): number | undefined {
  const channel = CHANNELS[table.channel[i] as number] as string;
  const priority = table.dictionaries.priority.valueOf(table.priority[i] as number);
  return priorityTarget(targets, priority) ?? targets.get(channel) ?? targets.get('default');
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
  return target === undefined ? null : outcomeAgainst(table, i, target, metric, openAge);
}

/** Ticket i's outcome against `target` (found already), or null when the metric is left out. */
function outcomeAgainst(table: TicketTable, i: number, target: number, metric: 'firstResponse' | 'resolution', openAge: Float64Array): 'met' | 'breached' | 'not-yet-due' | null {
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
 * channel's own (or default) target; tickets of a priority with a target of its own are judged
 * against it and counted in `priorityTargets`.
 */
export function slaSummary(
  table: TicketTable,
  indices: ArrayLike<number>,
  targets: SlaTargets,
  metric: 'firstResponse' | 'resolution',
  openAge: Float64Array,
  channel: string,
): SlaCount | null {
  const counter = new SlaCounter(targets, channel);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const priority = table.dictionaries.priority.valueOf(table.priority[i] as number);
    // the target found once a ticket (it was looked up again for the outcome)
    const target = counter.targetFor(priority);
    if (target === undefined) continue;
    const outcome = outcomeAgainst(table, i, target, metric, openAge);
    if (outcome === null) continue;
    counter.judged(priority, 1);
    if (outcome === 'met') counter.met++;
    else if (outcome === 'breached') counter.breached++;
    else counter.notYetDue++;
  }
  return counter.result();
}
