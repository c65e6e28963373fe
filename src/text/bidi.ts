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

/** A Latin letter: text that holds one beside right-to-left letters is a sentence about the value, not the value. */
const LATIN = /[A-Za-z\u00c0-\u024f]/;

/**
 * A run of right-to-left text: from a strong right-to-left letter to the last one before
 * anything else than spaces, digits and the punctuation inside names (`שלום עולם`, `مرحبا 123 ب`).
 */
const RTL_RUN = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}](?:[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}\s\d'’.,:_-]*[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}])?/gu;

/**
 * Already-escaped HTML text with its right-to-left letters isolated in `<bdi>`: a value alone
 * (no Latin letter: a cell, a channel name) whole; in a sentence (a finding, a summary line) each
 * right-to-left run alone, so that the numbers and words around it keep their order ("medians
 * <bdi>שלום עולם</bdi> 1h vs abc 1h"; a whole sentence in one `<bdi>` let the bidi algorithm
 * move "1h" to the other side of the name).
 */
export function isolateHtml(escaped: string): string {
  if (!hasRightToLeft(escaped)) return escaped;
  if (!LATIN.test(escaped.replace(/&[#\w]+;/g, ''))) return `<bdi>${escaped}</bdi>`;
  return escaped.replace(RTL_RUN, (run) => `<bdi>${run}</bdi>`);
}
