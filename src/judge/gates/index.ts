/**
 * Gates, the judge's exit decision: parse every `--fail-on` / config `gates` expression (the
 * commands call `parseGates` before reading any data, so a typo costs no time), then evaluate
 * them against the finished Report, after the findings, so `findings.significant` sees them.
 */
import { CHANNELS } from '../../model.js';
import { bandsFromEdges } from '../../measure/groups.js';
import { summarise } from '../../measure/summary.js';
import type { Measurement } from '../../measure/index.js';
import type { Settings } from '../../settings.js';
import type { GateResult, Report } from '../../report.js';
import { evaluateGate, type GateContext, type LikeForLike } from './evaluate.js';
import { parseGate, type Gate } from './parse.js';
import { UsageError } from '../../errors.js';

export { parseGate, GateSyntaxError, type Gate } from './parse.js';
export { evaluateGate, type GateContext } from './evaluate.js';

/** A parsed gate and where it was given. */
export interface GateEntry {
  gate: Gate;
  /** `--fail-on` or `config gates[i]`. */
  source: string;
}

/**
 * Parses the gates of a run (`--fail-on` ones first, then the config's). `configFile` names the
 * config in error messages when known.
 */
export function parseGates(settings: Pick<Settings, 'gates' | 'bands' | 'configFile'> & { groupBy?: Settings['groupBy'] }): GateEntry[] {
  const bands = bandsFromEdges(settings.bands).map((b) => b.label);
  return settings.gates.map(({ text, source, key }) => {
    const origin = key === null ? { file: '--fail-on' } : { file: settings.configFile ?? 'config', column: key };
    const gate = parseGate(text, { bands, origin });
    // by(...) reads the --by groups: without --by it could never be evaluated, so say so before reading.
    const inner = gate.subject.kind;
    if ((inner === 'by' || inner === 'byRatio') && settings.groupBy === null) {
      throw new UsageError(`${key === null ? '--fail-on' : `${settings.configFile ?? 'config'}: ${key}`}: ${gate.text} reads the groups of --by, but no --by field is given`, {
        hint: 'add --by <field> (group, category, priority, status or a column header), or "by" in the config',
      });
    }
    return { gate, source };
  });
}

/** `band(X,Y)` support: both bands restricted to the channels they share, from the measured groups. */
export function likeForLikeFromMeasurement(measured: Measurement): GateContext['likeForLike'] {
  const { groups } = measured;
  const { bands } = groups;
  return (a: string, b: string): LikeForLike | { reason: string } => {
    const ka = bands.findIndex((x) => x.label === a);
    const kb = bands.findIndex((x) => x.label === b);
    const inA = ka < 0 ? [] : groups.bandChannels(ka);
    const inB = kb < 0 ? [] : groups.bandChannels(kb);
    if (inA.length === 0) return { reason: `no tickets in follower band ${a}` };
    if (inB.length === 0) return { reason: `no tickets in follower band ${b}` };
    const shared = CHANNELS.filter((c) => inA.includes(c) && inB.includes(c));
    if (shared.length === 0) {
      return { reason: `follower bands ${a} (${inA.join(', ')}) and ${b} (${inB.join(', ')}) share no channel, so they cannot be compared like for like` };
    }
    return { a: summarise(groups.bandOnChannels(ka, shared)), b: summarise(groups.bandOnChannels(kb, shared)), channels: shared };
  };
}

/** Evaluates the run's gates against the report (after findings). */
export function evaluateGates(input: { report: Report; measured: Measurement; settings: Settings; baseline: Report | null; byShownAs?: (value: string) => string }): GateResult[] {
  const { report, measured, settings, baseline } = input;
  if (settings.gates.length === 0) return [];
  const context: GateContext = {
    report,
    baseline,
    minSample: settings.minSample,
    allowMissing: settings.allowMissing,
    likeForLike: likeForLikeFromMeasurement(measured),
    ...(input.byShownAs ? { byShownAs: input.byShownAs } : {}),
  };
  return parseGates(settings).map(({ gate, source }) => evaluateGate(gate, context, source));
}
