/**
 * group-preference: every value of the --by field against the reference value, on first
 * response and on resolution, judged exactly as channels are (compare.ts's raw and like-for-like
 * views, rules.ts, one Holm family with every other finding).
 *
 * Which groups are tested: every group with at least `minSample` tickets, against the reference
 * only (not all pairs: with 100 brands that would be 4,950 pairs and a Holm family too strict to
 * find anything). Smaller groups are measured and shown in the by table but not tested; one note
 * finding names them. Like for like is within category × priority cells, without the by field
 * itself (--by category compares within priority only).
 *
 * The groups are handles of the measure stage's groups (source.ts), so the same code judges the
 * by groups of tickets read in-process and of a count table's `by` dimension.
 */
import type { Finding } from '../../report.js';
import { compareGroups, type Metric } from '../../measure/compare.js';
import type { ByMeasurement } from '../../measure/byGroups.js';
import { groupSize } from '../../measure/sample.js';
import { count } from '../../format.js';
import type { Deferred, FindingContext } from './context.js';
import { comparisonFinding, noteFinding, register, type Registered } from './sentence.js';

/** Most untested group values a note names before "and N more". */
const NAMED = 10;

function listed(values: readonly string[]): string {
  const shown = values.slice(0, NAMED).join(', ');
  return values.length > NAMED ? `${shown} and ${count(values.length - NAMED)} more` : shown;
}

/** Registers the by-group comparisons; returns the builders of their findings. */
export function groupFindings(ctx: FindingContext, by: ByMeasurement | undefined): Deferred[] {
  if (!by) return [];
  const source = ctx.groups;
  const { field } = by;
  const minSample = ctx.rules.minSample;
  if (by.groups.length === 0) {
    return [
      () =>
        noteFinding({
          kind: 'group-preference',
          subject: field,
          verdict: 'insufficient-data',
          rule: `insufficient data: no ticket has a ${field} value`,
          message: `No ticket has a ${field} value, so there are no ${field} groups to compare.`,
        }),
    ];
  }
  // Sentences name a value by its label when another value looks the same (subjects stay the data).
  const named = (k: number): string => by.labels?.[k] ?? (by.values[k] as string);
  const refValue = by.values[by.reference] as string;
  const refName = named(by.reference);
  const ref = by.groups[by.reference];
  const refSize = by.sizes[by.reference] as number;
  const others = by.values.map((value, k) => ({ value, name: named(k), group: by.groups[k], size: by.sizes[k] as number, k })).filter((g) => g.k !== by.reference);
  const tested = refSize >= minSample ? others.filter((g) => g.size >= minSample) : [];
  const untestedGroups = others.filter((g) => !tested.includes(g));
  const untested = untestedGroups.map((g) => g.value);
  const out: Deferred[] = [];

  if (refSize < minSample && others.length > 0) {
    out.push(() =>
      noteFinding({
        kind: 'group-preference',
        subject: refValue,
        verdict: 'insufficient-data',
        rule: `insufficient data: the reference ${field} ${refName} has ${refSize} tickets, fewer than ${minSample}`,
        message: `The reference ${field} ${refName} has only ${count(refSize)} tickets (at least ${count(minSample)} needed), so no ${field} is tested against it; the groups are measured and shown (choose another with --by-reference).`,
      }),
    );
  } else if (untested.length > 0) {
    out.push(() =>
      noteFinding({
        kind: 'group-preference',
        subject: field,
        verdict: 'insufficient-data',
        count: untested.length,
        rule: `not tested: fewer than ${minSample} tickets (minSample)`,
        message: `${count(untested.length)} ${field} value${untested.length === 1 ? ' has' : 's have'} fewer than ${count(minSample)} tickets and ${untested.length === 1 ? 'is' : 'are'} measured and shown but not tested against ${refName}: ${listed(untestedGroups.map((g) => g.name))}.`,
        details: { untested },
      }),
    );
  }
  if (others.length === 0) {
    out.push(() =>
      noteFinding({
        kind: 'group-preference',
        subject: refValue,
        verdict: 'insufficient-data',
        rule: `insufficient data: every ticket with a ${field} has the same one`,
        message: `Every ticket with a ${field} value has ${refName}: there is no other ${field} to compare with.`,
      }),
    );
  }
  if (tested.length === 0) return out;

  const strata = source.strataBy(by.strataFields);
  // A metric the data do not measure at all (a tweet log has no resolution) is not compared:
  // "too few tickets" for every group would only be noise.
  const metrics = (['firstResponse', 'resolution'] as Metric[]).filter((metric) => groupSize(source.of(ref), metric).n > 0);
  const byIsStratum = by.strataFields.length < 2;
  for (const { value, name, group } of tested) {
    const names = { a: value, b: refValue, aPhrase: `tickets of ${field} ${name}`, bPhrase: `tickets of ${field} ${refName}` };
    const regs: Registered[] = metrics.map((metric) => register(ctx.family, compareGroups(source, group, ref, metric, strata), minSample));
    out.push(() => {
      // The mix note names the category or priority that differs most: not the by field itself.
      const mix = byIsStratum ? '' : source.mixNote(group, ref, names.aPhrase, names.bPhrase);
      return regs.map((reg): Finding =>
        comparisonFinding('group-preference', value, refValue, names, reg, ctx.family, ctx.rules, { mixNote: mix, details: { field } }),
      );
    });
  }
  return out;
}
