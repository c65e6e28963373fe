/**
 * What every renderer says about the --by groups besides the table: which value is the
 * reference and why, how many tickets have no value, and which groups are shown but not tested.
 * Words only, from the Report (the judge marked which groups its findings test).
 */
import type { ByGroupReport, ByReport } from '../report.js';
import { formatCount } from '../format.js';

/** How every output shows a group's value: its look-alike label when the report gave it one (text/lookalike.ts), else the value. */
export function byLabel(group: Pick<ByGroupReport, 'value' | 'label'>): string {
  return group.label ?? group.value;
}

/** The reference value as its row shows it (null: no reference). */
export function referenceLabel(by: ByReport): string | null {
  if (by.reference === null) return null;
  const group = by.groups.find((g) => g.isReference);
  return group ? byLabel(group) : by.reference;
}

/** The section title: `By group`. */
export function byTitle(by: ByReport): string {
  return `By ${by.field}`;
}

/** Sentences under the by table (plain text; each renderer escapes them). */
export function byNotes(by: ByReport, minSample: number, mark = '·'): string[] {
  const notes: string[] = [];
  const reference = referenceLabel(by);
  if (reference !== null) {
    notes.push(
      by.referenceChosen === 'given'
        ? `Reference: ${reference} (given); ratios are each ${by.field}'s median over its median.`
        : `Reference: ${reference}, the largest ${by.field} (choose another with --by-reference); ratios are each ${by.field}'s median over its median.`,
    );
  }
  const untested = by.groups.filter((g) => !g.tested && !g.isReference).length;
  const referenceGroup = by.groups.find((g) => g.isReference);
  if (untested > 0 && referenceGroup && referenceGroup.tickets < minSample) {
    notes.push(`The reference has ${formatCount(referenceGroup.tickets)} tickets, fewer than ${formatCount(minSample)}: the groups are measured and shown, none is tested.`);
  } else if (untested > 0) {
    notes.push(
      `${formatCount(untested)} ${by.field} value${untested === 1 ? '' : 's'} with fewer than ${formatCount(minSample)} tickets ${untested === 1 ? 'is' : 'are'} measured and shown but not tested (marked ${mark}).`,
    );
  }
  if (by.noValue > 0) notes.push(`${formatCount(by.noValue)} ticket${by.noValue === 1 ? ' has' : 's have'} no ${by.field} value and ${by.noValue === 1 ? 'is' : 'are'} in no group.`);
  return notes;
}
