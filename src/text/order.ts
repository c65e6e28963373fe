/**
 * Orders for text, the same on every machine.
 *
 * - `textOrder`, for lists a reader scans (unknown channel values, inspect's channel values,
 *   like-for-like cells of equal size): ICU's collation for English, then code units for the
 *   distinct texts it takes as equal (a zero-width space, a soft hyphen). `localeCompare`
 *   without a locale follows the machine's (LANG, LC_ALL): under `sv_SE` an `ä` sorts after `z`,
 *   under `en_US` beside `a`, so a report's lists on ties changed with the machine that made it.
 * - `codeUnitOrder`, where both producers of groups (a file read in-process, a count table) must
 *   take values in one order that needs no collation data: the like-for-like cells summed
 *   (measure/compare.ts cellOrder), the values a case-mix note tries (measure/ticketGroups.ts,
 *   measure/countGroups.ts).
 */
const collator = new Intl.Collator('en');

/** Code-unit order (JavaScript's `<` on strings): negative when `a` comes first, 0 only for equal strings. */
export function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** English collation, then code units: negative when `a` comes first, 0 only for equal strings. */
export function textOrder(a: string, b: string): number {
  return collator.compare(a, b) || codeUnitOrder(a, b);
}
