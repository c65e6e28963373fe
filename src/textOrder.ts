/**
 * One order for text from the data, the same on every machine: ICU's collation for English,
 * then code units for the distinct texts it takes as equal (a zero-width space, a soft hyphen).
 * `localeCompare` without a locale follows the machine's (LANG, LC_ALL): under `sv_SE` an `ä`
 * sorts after `z`, under `en_US` beside `a`, so the order of a report's lists on ties (unknown
 * channel values, like-for-like cells of equal size, inspect's channel values) changed with the
 * machine that made it, and two runs of one export could differ.
 */
const collator = new Intl.Collator('en');

/** Negative when `a` comes first, positive when `b` does, 0 only for equal strings. */
export function textOrder(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
