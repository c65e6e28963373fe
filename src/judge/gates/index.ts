/**
 * Gates, the judge's exit decision: parse every `--fail-on` / config `gates` expression (the
 * commands call `parseGates` before reading any data, so a typo costs no time), then evaluate
 * them against the finished Report, after the findings, so `findings.significant` sees them.
 */
import { CHANNELS, type Channel } from '../../model.js';
import { bandsFromEdges, byBand } from '../../measure/groups.js';
import { gatherSample, summarise } from '../../measure/summary.js';
import type { Dataset, Settings } from '../../pipeline.js';
import type { GateResult, Report } from '../../report.js';
import { evaluateGate, type GateContext, type LikeForLike } from './evaluate.js';
import { parseGate, type Gate } from './parse.js';

export { parseGate, GateSyntaxError, type Gate } from './parse.js';
export { evaluateGate, type GateContext } from './evaluate.js';

/** A parsed gate and where it was given. */
export interface GateEntry {
  gate: Gate;
  /** `--fail-on` or `config gates[i]`. */
  source: string;
}

/**
 * Parses the gates of a run: `--fail-on` ones first, then the config's. Settings list them in
 * that order (commands/options.ts), so the config's are the last `config.gates.length`.
 * `configFile` names the config in error messages when known.
 */
export function parseGates(settings: Pick<Settings, 'gates' | 'config' | 'bands'>, configFile?: string | null): GateEntry[] {
  const bands = bandsFromEdges(settings.bands).map((b) => b.label);
  const fromConfig = settings.config.gates?.length ?? 0;
  const flagCount = settings.gates.length - fromConfig;
  return settings.gates.map((text, i) => {
    const isFlag = i < flagCount;
    const key = `gates[${i - flagCount}]`;
    const origin = isFlag ? { file: '--fail-on' } : { file: configFile ?? 'config', column: key };
    return { gate: parseGate(text, { bands, origin }), source: isFlag ? '--fail-on' : `config ${key}` };
  });
}

/** `band(X,Y)` support: both bands restricted to the channels they share, from the tickets. */
export function likeForLikeFromDataset(dataset: Dataset, settings: Pick<Settings, 'bands' | 'asOf'>): GateContext['likeForLike'] {
  const bands = bandsFromEdges(settings.bands);
  let groups: Uint32Array[] | null = null;
  const asOf = settings.asOf ?? dataset.latest ?? 0;
  const { table } = dataset;
  const channelsIn = (indices: Uint32Array): Set<Channel> => {
    const present = new Set<Channel>();
    for (const i of indices) present.add(CHANNELS[table.channel[i] as number] as Channel);
    return present;
  };
  return (a: string, b: string): LikeForLike | { reason: string } => {
    groups ??= byBand(table, bands);
    const ia = groups[bands.findIndex((x) => x.label === a)];
    const ib = groups[bands.findIndex((x) => x.label === b)];
    if (!ia || ia.length === 0) return { reason: `no tickets in follower band ${a}` };
    if (!ib || ib.length === 0) return { reason: `no tickets in follower band ${b}` };
    const inA = channelsIn(ia);
    const inB = channelsIn(ib);
    const shared = CHANNELS.filter((c) => inA.has(c) && inB.has(c));
    if (shared.length === 0) {
      return { reason: `follower bands ${a} (${[...inA].join(', ')}) and ${b} (${[...inB].join(', ')}) share no channel, so they cannot be compared like for like` };
    }
    const keep = new Set(shared.map((c) => CHANNELS.indexOf(c)));
    const restrict = (indices: Uint32Array): Uint32Array => indices.filter((i) => keep.has(table.channel[i] as number));
    const ra = restrict(ia);
    const rb = restrict(ib);
    return { a: summarise(ra.length, gatherSample(table, ra, asOf)), b: summarise(rb.length, gatherSample(table, rb, asOf)), channels: shared };
  };
}

/** Evaluates the run's gates against the report (after findings). */
export function evaluateGates(input: { report: Report; dataset: Dataset; settings: Settings; baseline: Report | null }): GateResult[] {
  const { report, dataset, settings, baseline } = input;
  if (settings.gates.length === 0) return [];
  const context: GateContext = {
    report,
    baseline,
    minSample: settings.minSample,
    allowMissing: settings.allowMissing,
    likeForLike: likeForLikeFromDataset(dataset, settings),
  };
  return parseGates(settings).map(({ gate, source }) => evaluateGate(gate, context, source));
}
