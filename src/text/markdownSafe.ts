/**
 * Markdown that data cannot turn into markup, links or pings. Backslash escapes are not enough
 * in GitHub-flavoured Markdown: an autolink (`http://…`, `www.…`, `jane@example.com`) is
 * recognised in the raw text and swallows the backslashes inside it, so
 * `see http://x/<img src=x onerror=…>` became a live image; `@name` notifies a person.
 *
 * Applied after the backslash escaping of markdown.ts, on text that came from the data:
 * - `<` and `>` become the entities `&lt;` `&gt;` (never raw HTML, whatever the parser);
 * - the `:` of `scheme://` and of `mailto:`/`xmpp:` becomes `&#58;`, the dot of `www.` becomes
 *   `&#46;`: no autolink starts, yet the page reads the same;
 * - `@` is followed by a zero-width space entity (`@&#8203;`), the convention Renovate uses so
 *   that GitHub neither pings a handle nor links an address.
 */

/** Data text (already backslash-escaped) with HTML, autolinks and mentions defused. */
export function defuseMarkdown(text: string): string {
  return text
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/:(?=\/\/)/g, '&#58;')
    .replace(/\b(mailto|xmpp):/gi, '$1&#58;')
    .replace(/\b(www)\./gi, '$1&#46;')
    .replace(/[@＠]/g, (at) => `${at}&#8203;`);
}
