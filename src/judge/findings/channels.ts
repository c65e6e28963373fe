/**
 * channel-preference: every channel against the reference channel on first response and on
 * resolution (raw and like for like; unanswered and unresolved tickets count as still waiting,
 * see compare.ts); response-theatre: a channel answered significantly faster than the reference
 * but resolved no faster.
 */
import { CHANNELS, type Channel } from '../../model.js';
import { byChannel } from '../../measure/groups.js';
import type { TicketTable } from '../../normalise/table.js';
import type { Finding } from '../../report.js';
import { compareGroups, type Metric } from './compare.js';
import type { Deferred, FindingContext } from './context.js';
import { comparisonFinding, effectBound, noteFinding, register, type Registered } from './sentence.js';
import { boundedSpeed, interval, num, p, share } from './words.js';

/**
 * The category or priority whose share differs most between two groups, as a clause for a
 * case-mix sentence ("; 88% of social tickets are Account vs 25% of phone tickets"); '' when the
 * data have neither field.
 */
export function mixNote(table: TicketTable, a: ArrayLike<number>, b: ArrayLike<number>, aPhrase: string, bPhrase: string): string {
  if (a.length === 0 || b.length === 0) return '';
  let best: { field: 'category' | 'priority'; code: number; sa: number; sb: number } | null = null;
  for (const field of ['category', 'priority'] as const) {
    const size = table.dictionaries[field].values.length;
    if (size === 0) continue;
    const ca = new Float64Array(size + 1);
    const cb = new Float64Array(size + 1);
    for (let k = 0; k < a.length; k++) ca[(table[field][a[k] as number] as number) + 1]!++;
    for (let k = 0; k < b.length; k++) cb[(table[field][b[k] as number] as number) + 1]!++;
    for (let c = 0; c <= size; c++) {
      const sa = (ca[c] as number) / a.length;
      const sb = (cb[c] as number) / b.length;
      if (!best || Math.abs(sa - sb) > Math.abs(best.sa - best.sb)) best = { field, code: c - 1, sa, sb };
    }
  }
  if (!best) return '';
  const value = table.dictionaries[best.field].valueOf(best.code);
  const label = value === null ? `without a ${best.field}` : best.field === 'priority' ? `${value} priority` : value;
  return `; ${share(best.sa)} of ${aPhrase} are ${label} vs ${share(best.sb)} of ${bPhrase}`;
}

function theatre(channel: Channel, reference: Channel, first: Finding, resolution: Finding, resolutionReg: Registered): Finding | null {
  if (first.verdict !== 'preference' || first.effect === null || first.effect >= 1) return null;
  if (resolution.verdict === 'insufficient-data') return null;
  const c = resolutionReg.comparison;
  const view = c.adjusted ?? c.raw;
  const ci = view.ci95;
  if (!ci || view.ratio === null || ci[1] === null || ci[1] < 1) return null;
  const resolved = `resolved no faster (resolution ratio ${num(view.ratio)}, 95% CI ${interval(ci)}${ci[0] !== null && ci[0] > 1 ? ', slower' : ', includes 1'}`;
  return {
    kind: 'response-theatre',
    subject: channel,
    against: reference,
    metric: 'resolution',
    significant: true,
    verdict: 'info',
    effect: view.ratio,
    effectCi95: ci,
    pValue: resolution.pValue,
    pValueAdjusted: resolution.pValueAdjusted ?? null,
    ...(resolution.n ? { n: resolution.n } : {}),
    rule: `response theatre: first response significantly faster than ${reference} (${first.rule ?? 'preference'}) while the resolution ratio's 95% CI (${interval(ci)}) reaches 1 or above`,
    message: `Response theatre on ${channel}: answered ${boundedSpeed(first.effect, effectBound(first))} than ${reference} tickets, but ${resolved}, Holm ${p(resolution.pValueAdjusted ?? null)}) — answered fast, fixed no faster.`,
    details: {
      firstResponse: { ratio: first.effect, ci95: first.effectCi95 ?? null, bound: effectBound(first), pValueAdjusted: first.pValueAdjusted ?? null },
      resolution: { ratio: view.ratio, ci95: ci, pValue: resolution.pValue, pValueAdjusted: resolution.pValueAdjusted ?? null, view: resolution.details?.['view'] ?? null },
    },
  };
}

/** Registers the channel comparisons; returns the builders of their findings. */
export function channelFindings(ctx: FindingContext): Deferred[] {
  const { table, reference } = ctx;
  const groups = byChannel(table);
  const ref = groups.get(reference);
  if (!ref) {
    return [
      () =>
        noteFinding({
          kind: 'channel-preference',
          subject: reference,
          verdict: 'insufficient-data',
          rule: 'insufficient data: no tickets of the reference channel',
          message: `No ${reference} tickets: channels cannot be compared with the reference (choose another with --reference).`,
        }),
    ];
  }
  const out: Deferred[] = [];
  for (const channel of CHANNELS) {
    const indices = groups.get(channel);
    if (channel === reference || !indices) continue;
    const names = { a: channel, b: reference, aPhrase: `${channel} tickets`, bPhrase: `${reference} tickets` };
    const regs = (['firstResponse', 'resolution'] as Metric[]).map((metric) =>
      register(ctx.family, compareGroups(ctx.samples, indices, ref, metric, ctx.strata), ctx.rules.minSample),
    ) as [Registered, Registered];
    out.push(() => {
      const mix = mixNote(table, indices, ref, names.aPhrase, names.bPhrase);
      const [first, resolution] = regs.map((reg) =>
        comparisonFinding('channel-preference', channel, reference, names, reg, ctx.family, ctx.rules, { mixNote: mix }),
      ) as [Finding, Finding];
      const show = theatre(channel, reference, first, resolution, regs[1]);
      return show ? [first, resolution, show] : [first, resolution];
    });
  }
  return out;
}
