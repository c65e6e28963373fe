/**
 * `--redact`: a pure Report → Report transform that replaces customer ids, @handles and e-mail
 * addresses with stable pseudonyms before any renderer sees the report.
 *
 * Pseudonyms are `customer-` + the first 8 hex digits of sha256(salt + id) (`@handle-…`,
 * `email-…` likewise), with a fixed salt: the same customer gets the same pseudonym in every run
 * and every output, so reports of different months can still be compared. They are pseudonyms,
 * not anonymity: anyone holding the original ids can recompute them.
 *
 * Customer ids are found generically, by walking the report: any value under a key named
 * `customerId`, `customer`, `customers`, `customerIds` or `author`, and the `value` of a
 * data-quality example whose column is the customer column. Every occurrence of those ids in
 * any other string (finding messages, details) is then replaced too.
 */
import { createHash } from 'node:crypto';
import type { Report } from '../report.js';
import { textOrder } from '../text/order.js';

const SALT = 'parity-redact-v1:';

const CUSTOMER_KEYS = new Set(['customerid', 'customer', 'customers', 'customerids', 'author', 'authorid', 'requester', 'requesterid']);
/** Column names that hold the customer (data-quality examples name the column they came from). */
const CUSTOMER_COLUMN = /customer|requester|author|user.?id|contact.?id|handle/i;
/**
 * @handles, Unicode-aware (`@Jürgen_Müller` is one handle), with the full-width at sign `＠`:
 * not preceded by a letter, digit, dot or another @ (so not an e-mail address).
 */
const HANDLE = /(?<![\p{L}\p{M}\p{N}_＿.．@＠])[@＠](?!handle-[0-9a-f]{8}(?![\p{L}\p{N}_]))([\p{L}\p{M}\p{N}_＿](?:[\p{L}\p{M}\p{N}_＿.．]{0,38}[\p{L}\p{M}\p{N}_＿])?)/gu;
/** A pseudonym this module made: left as it is, so redacting twice changes nothing. */
const PSEUDONYM = /^(customer|email)-[0-9a-f]{8}$/;
/**
 * E-mail addresses, Unicode-aware: a quoted local part (`"jane"@…`) or one of letters, digits and
 * the usual punctuation, then `@` or `＠`, then a domain whose labels may be separated by `.`,
 * `．` or `。` (full-width forms, as in `ｊａｎｅ＠ｖｉｃｔｉｍ．ｅｘａｍｐｌｅ`).
 */
const EMAIL = /(?:"[^"\r\n]{1,64}"|＂[^＂\r\n]{1,64}＂|[\p{L}\p{M}\p{N}._%+\-'＿．－]+)[@＠][\p{L}\p{M}\p{N}\-－]+(?:[.．。][\p{L}\p{M}\p{N}\-－]+)*[.．。][\p{L}\p{M}]{2,}/gu;

function digest(text: string): string {
  return createHash('sha256').update(SALT + text).digest('hex').slice(0, 8);
}

/** The pseudonym of a customer id: `customer-` + 8 hex digits, the same in every run. */
export function customerPseudonym(id: string): string {
  return `customer-${digest(id)}`;
}

/** The pseudonym of an @handle (case-insensitive, as handles are). */
export function handlePseudonym(handle: string): string {
  return `@handle-${digest(`@${handle.normalize('NFKC').replace(/^@/, '').toLowerCase()}`)}`;
}

/** The pseudonym of an e-mail address (full-width forms count as their plain twins). */
function emailPseudonym(address: string): string {
  return `email-${digest(address.normalize('NFKC').replace(/。/g, '.').toLowerCase())}`;
}

/**
 * E-mail addresses and @handles in free text replaced by their pseudonyms: for text that is not
 * inside a Report (the rejects file, inspect, error messages).
 */
export function redactFreeText(text: string): string {
  return redactText(text, null, new Map());
}

/** Any JSON-like value with `redactFreeText` applied to every string (inspect profiles). */
export function redactDeep<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactFreeText(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v)) Object.defineProperty(out, k, { value: walk(child), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return walk(value) as T;
}

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects the customer ids anywhere in `value` (see the module comment for where they are). */
function collectIds(value: unknown, ids: Set<string>, underCustomerKey = false): void {
  if (typeof value === 'string' || typeof value === 'number') {
    if (underCustomerKey && String(value) !== '' && !PSEUDONYM.test(String(value))) ids.add(String(value));
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectIds(item, ids, underCustomerKey);
    return;
  }
  if (!isRecord(value)) return;
  if (typeof value.column === 'string' && CUSTOMER_COLUMN.test(value.column) && typeof value.value === 'string' && value.value !== '' && !PSEUDONYM.test(value.value)) {
    ids.add(value.value);
  }
  for (const [key, child] of Object.entries(value)) collectIds(child, ids, underCustomerKey || CUSTOMER_KEYS.has(key.toLowerCase()));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces ids (whole tokens only), e-mail addresses and @handles in one string. */
function redactText(text: string, idPattern: RegExp | null, known: Map<string, string>): string {
  let out = text.replace(EMAIL, (address) => known.get(address) ?? emailPseudonym(address));
  if (idPattern) out = out.replace(idPattern, (id) => known.get(id) ?? customerPseudonym(id));
  return out.replace(HANDLE, (_whole, handle: string) => handlePseudonym(handle));
}

function transform(value: Json, key: string | null, idPattern: RegExp | null, known: Map<string, string>): Json {
  if (typeof value === 'string') {
    if (key !== null && CUSTOMER_KEYS.has(key.toLowerCase())) return PSEUDONYM.test(value) ? value : (known.get(value) ?? customerPseudonym(value));
    return redactText(value, idPattern, known);
  }
  if (typeof value === 'number' && key !== null && CUSTOMER_KEYS.has(key.toLowerCase())) return customerPseudonym(String(value));
  if (Array.isArray(value)) {
    const underCustomer = key !== null && CUSTOMER_KEYS.has(key.toLowerCase());
    return value.map((item) => transform(item, underCustomer ? key : null, idPattern, known));
  }
  if (isRecord(value)) {
    const out: Record<string, Json> = {};
    // Keys can be data too (a finding's per-group counts and medians are keyed by the groups'
    // names, and a --by value can be an e-mail address): they are redacted like any text.
    for (const [k, child] of Object.entries(value)) out[redactText(k, idPattern, known)] = transform(child, k, idPattern, known);
    return out;
  }
  return value;
}

/** A --by field that holds customers (its values are customer ids: pseudonymised wherever they stand). */
export function byHoldsCustomers(field: string): boolean {
  return CUSTOMER_COLUMN.test(field);
}

/**
 * The report with customer ids, @handles and e-mail addresses replaced by stable pseudonyms.
 * Pure: the input is not modified. Numbers, channel names and file names are kept.
 */
export function redactReport(report: Report): Report {
  if (report.redacted) return report;
  const ids = new Set<string>();
  collectIds(report, ids);
  // --by on the customer column: every group value is a customer id
  if (report.by && byHoldsCustomers(report.by.field)) {
    for (const g of report.by.groups) if (g.value !== '' && !PSEUDONYM.test(g.value)) ids.add(g.value);
  }
  const known = new Map<string, string>();
  for (const id of ids) known.set(id, customerPseudonym(id));
  // Longest first, so `C12` is not replaced inside `C123`; whole tokens only. Very short or short
  // numeric ids are left alone inside free text (they would hit counts and numbers), though
  // they are always replaced where they stand under a customer key.
  const alternatives = [...ids].filter(searchableInText).sort((a, b) => b.length - a.length || textOrder(a, b)).map(escapeRegExp);
  const idPattern = alternatives.length ? new RegExp(`(?<![\\w-])(?:${alternatives.join('|')})(?![\\w-])`, 'g') : null;
  const redacted = transform(report as unknown as Json, null, idPattern, known) as unknown as Report;
  // File names are the user's own paths, not customer data: kept as they are.
  return { ...redacted, input: { ...redacted.input, files: report.input.files, formats: report.input.formats }, redacted: true };
}

/**
 * Free text with the given customer ids (whole tokens, by the rule redactReport uses: long and
 * distinctive enough, searchableInText) and every e-mail address and @handle replaced by its
 * pseudonym: for text outside a Report that sits beside a known id (a rejected row's subject that
 * quotes its own customer).
 */
export function redactTextWithIds(text: string, ids: readonly string[]): string {
  const alternatives = ids.filter((id) => id !== '' && !PSEUDONYM.test(id) && searchableInText(id)).sort((a, b) => b.length - a.length || textOrder(a, b)).map(escapeRegExp);
  const idPattern = alternatives.length ? new RegExp(`(?<![\\w-])(?:${alternatives.join('|')})(?![\\w-])`, 'g') : null;
  return redactText(text, idPattern, new Map());
}

/** Whether an id is distinctive enough to be searched for inside free text. */
function searchableInText(id: string): boolean {
  return id.length >= 4 && (/\D/.test(id) || id.length >= 6);
}
