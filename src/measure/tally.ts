/**
 * Count table → tallies: for one dimension and metric, each group's distinct durations
 * (ascending) with how many tickets ended and how many were still waiting at each, pooled over
 * strata and per stratum (category × priority). The shape the statistics over counts take
 * (Kaplan–Meier, Gehan, log-rank), so the judge can run on a count table from any engine.
 */
import type { CountDimension, CountMetric, CountRow, CountTable } from './counts.js';
import { tallyFromRows, type Tally } from '../stats/tally.js';

export type { Tally };

/** One group's tallies: pooled, and per stratum (key: category and priority, null = none). */
export interface GroupTallies {
  pooled: Tally;
  strata: Map<string, { category: string | null; priority: string | null; tally: Tally }>;
}

/** A tally from cells (any order; cells at the same seconds are added): stats/tally.ts's builder. */
export function tallyOf(rows: readonly Pick<CountRow, 'seconds' | 'ended' | 'waiting'>[]): Tally {
  return tallyFromRows(
    rows.map((r) => r.seconds),
    rows.map((r) => r.ended),
    rows.map((r) => r.waiting),
  );
}

export function stratumKey(category: string | null, priority: string | null): string {
  return JSON.stringify([category, priority]);
}

/** Per group of `dimension`, the tallies of `metric`. Groups with no cells are absent. */
export function talliesOf(table: CountTable, dimension: CountDimension, metric: CountMetric): Map<string, GroupTallies> {
  const byGroup = new Map<string, CountRow[]>();
  for (const r of table.rows) {
    if (r.dimension !== dimension || r.metric !== metric) continue;
    const list = byGroup.get(r.group) ?? [];
    list.push(r);
    byGroup.set(r.group, list);
  }
  const out = new Map<string, GroupTallies>();
  for (const [group, rows] of byGroup) {
    const strata = new Map<string, { category: string | null; priority: string | null; rows: CountRow[] }>();
    for (const r of rows) {
      const key = stratumKey(r.category, r.priority);
      const s = strata.get(key) ?? { category: r.category, priority: r.priority, rows: [] };
      s.rows.push(r);
      strata.set(key, s);
    }
    out.set(group, {
      pooled: tallyOf(rows),
      strata: new Map([...strata].map(([key, s]) => [key, { category: s.category, priority: s.priority, tally: tallyOf(s.rows) }])),
    });
  }
  return out;
}
