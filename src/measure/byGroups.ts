/**
 * `--by <field>`: the tickets grouped by the values of one field (a canonical dictionary column
 * such as group, category, priority, status, or a header read by name), each group measured like
 * a channel and compared with a reference group through the same comparison engine
 * (compare.ts). A group is a handle of the measure stage's groups (source.ts), as channels and
 * follower bands are: index arrays into the table in-process (groupByField), the `by` dimension's
 * groups of a count table (groupByCounts), so the judge reuses the durations gathered here and
 * both producers feed the one judge.
 *
 * Tickets with no value for the field form no group (they are counted, and the report says how
 * many). The reference is the value given (--by-reference, config by.reference), else the
 * largest group. Every group is measured and shown; which are tested is the judge's decision
 * (judge/findings/groups.ts).
 */
import { ParityError } from '../errors.js';
import type { BySettings } from '../settings.js';
import type { CodeColumn, TicketTable } from '../normalise/table.js';
import type { ByGroupReport, ByReport } from '../report.js';
import { compareRaw } from './compare.js';
import type { CellLayout, MeasuredGroups } from './source.js';
import type { StratumField } from './strata.js';
import { selfRatio, summarise } from './summary.js';
import { vsReferenceOf } from './index.js';
import { findLookalikes, lookalikeList } from '../text/lookalike.js';

/** The by groups of a table: values, largest group first, each with its group handle. */
export interface ByGrouping<G = unknown> {
  field: string;
  /** Group values, most tickets first (ties by value). */
  values: string[];
  /** The group of each value (same order as `values`): ticket indices in-process, a count-table group. */
  groups: G[];
  /** Tickets of each value (same order as `values`). */
  sizes: number[];
  /** Tickets with no value for the field (in no group). */
  noValue: number;
  /** Index into `values` of the reference group; -1 when there are no groups. */
  reference: number;
  /** Whether the reference was given (true) or is the largest group (false). */
  referenceGiven: boolean;
  /**
   * Stratum fields that hold the by column's value on every ticket: the same column read twice
   * (`--by type` where `type` is the file's category column). Left out of the like-for-like
   * strata as the by field itself is, or every cell would hold one group and nothing be judged.
   */
  sameAs?: StratumField[];
}

/** The by groups as the measure stage hands them to the judge and the gates. */
export interface ByMeasurement<G = unknown> extends ByGrouping<G> {
  /** Strata the like-for-like view uses: category × priority without the by field itself. */
  strataFields: StratumField[];
  /** How sentences name each value (same order as `values`): its look-alike label (withLookalikeLabels), else null for the value itself. */
  labels?: ReadonlyArray<string | null>;
}

/** Each ticket's code of the by field (−1 = no value) and the dictionary's values. */
function columnOf(table: TicketTable, by: BySettings): { codes: CodeColumn; values: readonly string[] } {
  if (by.column === 'header') {
    const codes = table.byValue ?? new Int32Array(table.size).fill(-1);
    return { codes, values: table.dictionaries.byValue?.values ?? [] };
  }
  return { codes: table[by.column], values: table.dictionaries[by.column].values };
}

/** Ticket i's value of the by field (null = none): for listings (`parity tickets --by`). */
export function byValueReader(table: TicketTable, by: BySettings): (i: number) => string | null {
  const { codes, values } = columnOf(table, by);
  return (i) => {
    const code = codes[i] as number;
    return code < 0 ? null : (values[code] ?? null);
  };
}

/** Ticket indices per value of the by field; tickets without a value counted apart. */
export function groupByField(table: TicketTable, by: BySettings, shownAs: (value: string) => string = same): ByGrouping<Uint32Array> {
  const { codes, values: dictionary } = columnOf(table, by);
  const counts = new Uint32Array(dictionary.length);
  let noValue = 0;
  for (let i = 0; i < table.size; i++) {
    const code = codes[i] as number;
    if (code < 0) noValue++;
    else counts[code]!++;
  }
  const arrays = Array.from(counts, (n) => new Uint32Array(n));
  const fill = new Uint32Array(dictionary.length);
  for (let i = 0; i < table.size; i++) {
    const code = codes[i] as number;
    if (code >= 0) (arrays[code] as Uint32Array)[fill[code]!++] = i;
  }
  const order = [...counts.keys()]
    .filter((code) => (counts[code] as number) > 0)
    .sort((a, b) => (counts[b] as number) - (counts[a] as number) || compareValues(dictionary[a] as string, dictionary[b] as string));
  const values = order.map((code) => dictionary[code] as string);
  const groups = order.map((code) => arrays[code] as Uint32Array);
  const sizes = order.map((code) => counts[code] as number);
  const sameAs = by.column === 'header' ? sameAsBy(table, codes, dictionary) : [];
  return { field: by.field, values, groups, sizes, noValue, ...referenceOf(values, by, shownAs), ...(sameAs.length ? { sameAs } : {}) };
}

/** The stratum fields whose value is the by column's (`codes` into `values`) on every ticket, no value where it has none. */
function sameAsBy(table: TicketTable, codes: CodeColumn, values: readonly string[]): StratumField[] {
  return (['category', 'priority'] as const).filter((field) => {
    const other = table[field];
    const otherValues = table.dictionaries[field].values;
    // the field's code for each by code, once seen (−2: not yet)
    const seen = new Int32Array(values.length).fill(-2);
    for (let i = 0; i < table.size; i++) {
      const c = codes[i] as number;
      const o = other[i] as number;
      if (c < 0 || o < 0) {
        if (c !== o && !(c < 0 && o < 0)) return false;
        continue;
      }
      const known = seen[c] as number;
      if (known === -2) {
        if (values[c] !== otherValues[o]) return false;
        seen[c] = o;
      } else if (known !== o) return false;
    }
    return true;
  });
}

/**
 * The by groups of a count table's `by` dimension (countGroups.ts byGroups), ordered as
 * groupByField orders a table's: most tickets first, ties by value in code-point order.
 */
export function groupByCounts<G>(counted: { groups: ReadonlyArray<{ value: string; group: G; tickets: number }>; noValue: number }, by: BySettings, shownAs: (value: string) => string = same): ByGrouping<G> {
  const ordered = counted.groups.filter((g) => g.tickets > 0).sort((a, b) => b.tickets - a.tickets || compareValues(a.value, b.value));
  const values = ordered.map((g) => g.value);
  return { field: by.field, values, groups: ordered.map((g) => g.group), sizes: ordered.map((g) => g.tickets), noValue: counted.noValue, ...referenceOf(values, by, shownAs) };
}

/** Code-point order, the same on every machine (no locale). */
function compareValues(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A value as it is (no pseudonym). */
const same = (value: string): string => value;

/**
 * The reference group: the value given, matched exactly or as the report shows it (`shownAs`: a
 * customer's pseudonym under --redact, so what the report prints is what --by-reference takes),
 * else ignoring case when that names one value; without one, the largest group. A given value the
 * data lack is an error listing the values as the report shows them.
 */
function referenceOf(values: readonly string[], by: BySettings, shownAs: (value: string) => string): { reference: number; referenceGiven: boolean } {
  if (by.reference === null) return { reference: values.length ? 0 : -1, referenceGiven: false };
  // values are read trimmed: so is the reference (" high" is high)
  const wanted = by.reference.trim();
  let index = values.indexOf(wanted);
  // a value as the report shows it (a customer's pseudonym under --redact)
  if (index < 0) index = values.findIndex((v) => shownAs(v) === wanted);
  // a look-alike value as its label shows it (`Sales\u200b`)
  const labels = findLookalikes(values.map(shownAs)).labels;
  if (index < 0) index = labels.indexOf(wanted);
  // a value as the report shows it: a look-alike's label is already a JSON string's text (`Sales\u200b`)
  const listed = (i: number): string => {
    const label = labels[i];
    return label ? `"${label}"` : JSON.stringify(shownAs(values[i] as string));
  };
  let alike: number[] = [];
  if (index < 0) {
    const lower = wanted.toLowerCase();
    alike = values.flatMap((v, i) => (v.toLowerCase() === lower || shownAs(v).toLowerCase() === lower ? [i] : []));
    if (alike.length === 1) index = alike[0] as number;
  }
  if (index < 0 && alike.length > 1) {
    throw new ParityError(`${by.referenceOrigin ?? '--by-reference'} "${by.reference}" matches ${alike.length} ${by.field} values that differ only in case`, {
      hint: `write one of them exactly: ${alike.map(listed).join(', ')}`,
    });
  }
  if (index < 0) {
    const shown = values.slice(0, 20).map((_, i) => listed(i)).join(', ');
    throw new ParityError(`${by.referenceOrigin ?? '--by-reference'} "${by.reference}" is not a ${by.field} value of any ticket audited (a report audits the tickets of its period)`, {
      hint: values.length
        ? `${by.field} values, largest first: ${shown}${values.length > 20 ? `, and ${values.length - 20} more` : ''}`
        : `no ticket has a ${by.field} value`,
    });
  }
  return { reference: index, referenceGiven: true };
}

/** The stratum fields of the like-for-like view for a by field: category × priority without itself. */
export function byStrataFields(by: BySettings, sameAs: readonly StratumField[] = []): StratumField[] {
  return (['category', 'priority'] as const).filter((f) => !(by.column === f) && !sameAs.includes(f));
}

/**
 * measure for --by: every group's summary and its raw comparison with the reference (the same
 * engine and estimate as the channel table), from either producer's groups. Verdicts are filled
 * in by the judge.
 */
export function measureBy<G>(source: MeasuredGroups<G, CellLayout>, grouping: ByGrouping<G>, by: BySettings): { measurement: ByMeasurement<G>; report: ByReport } {
  const hasRef = grouping.reference >= 0;
  const ref = grouping.groups[grouping.reference] as G;
  const groups: ByGroupReport[] = grouping.groups.map((group, k) => {
    const summary = summarise(source.of(group));
    return {
      value: grouping.values[k] as string,
      ...summary,
      vsReference: !hasRef
        ? null
        : k === grouping.reference
          ? selfRatio(summary)
          : vsReferenceOf(compareRaw(source, group, ref, 'firstResponse'), compareRaw(source, group, ref, 'resolution')),
      tested: false, // the judge says which groups its findings test
      isReference: hasRef && k === grouping.reference,
    };
  });
  return {
    measurement: { ...grouping, strataFields: byStrataFields(by, grouping.sameAs) },
    report: {
      field: by.field,
      reference: hasRef ? (grouping.values[grouping.reference] as string) : null,
      referenceChosen: grouping.referenceGiven ? 'given' : 'largest',
      noValue: grouping.noValue,
      groups,
    },
  };
}

/**
 * The by groups with every value replaced by `pseudonym(value)` (--redact on a field that holds
 * customers): done before the judge, so no sentence, key or label is ever made of a raw value.
 */
export function renamedBy<G>(by: { measurement: ByMeasurement<G>; report: ByReport }, pseudonym: (value: string) => string): { measurement: ByMeasurement<G>; report: ByReport } {
  return {
    measurement: { ...by.measurement, values: by.measurement.values.map(pseudonym) },
    report: {
      ...by.report,
      reference: by.report.reference === null ? null : pseudonym(by.report.reference),
      groups: by.report.groups.map((g) => ({ ...g, value: pseudonym(g.value) })),
    },
  };
}

/**
 * The by groups with look-alike values labelled (text/lookalike.ts): two values of the field that
 * would look the same in one table get labels that show the difference, which the report's
 * groups carry (`label`) and the judge's sentences use; `note` names them for the data-quality
 * notes (null when no two look alike). Done after any pseudonyms, on the values as shown.
 */
export function withLookalikeLabels<G>(by: { measurement: ByMeasurement<G>; report: ByReport }): { measurement: ByMeasurement<G>; report: ByReport; note: string | null } {
  const values = by.measurement.values;
  const found = findLookalikes(values);
  if (found.classes.length === 0) return { ...by, note: null };
  const labelOf = new Map(values.map((v, k) => [v, found.labels[k] ?? null]));
  const field = by.report.field;
  return {
    measurement: { ...by.measurement, labels: found.labels },
    report: {
      ...by.report,
      groups: by.report.groups.map((g) => {
        const label = labelOf.get(g.value);
        return label ? { ...g, label } : g;
      }),
    },
    note: `${field} values that look alike but differ in the export are kept as separate groups, their hidden characters shown as escapes: ${lookalikeList(values, found)}. Clean the ${field} column in the export to merge them (JSON keeps the values as they are).`,
  };
}
