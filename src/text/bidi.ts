/**
 * Right-to-left text from the data kept from reordering its neighbours. The sanitiser already
 * shows bidi *controls* as escapes; a value written in Hebrew or Arabic is legitimate data, but
 * its strong right-to-left letters still pull neighbouring numbers and punctuation ("30%" read
 * as "%30") unless the value is isolated. HTML isolates it in `<bdi>`; values without such
 * letters are left as they are, so ordinary reports stay byte-identical.
 */

/** Strong right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, …, and their presentation forms. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Whether `text` holds a strong right-to-left letter. */
export function hasRightToLeft(text: string): boolean {
  return RTL.test(text);
}

/** Already-escaped HTML text, wrapped in `<bdi>` when it holds right-to-left letters. */
export function isolateHtml(escaped: string): string {
  return hasRightToLeft(escaped) ? `<bdi>${escaped}</bdi>` : escaped;
}
