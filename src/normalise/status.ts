/**
 * Status words → open / resolved. Used to censor still-open tickets and to spot a resolved
 * ticket without a resolution time. Unknown words leave the timestamps to decide.
 */
import { parseBoolean, vocabularyKey } from './channel.js';

/** `discarded`: spam or deleted (Help Scout's `spam`, Zendesk's `deleted`): no customer waiting, excluded. */
export type StatusClass = 'open' | 'resolved' | 'discarded' | 'unknown';

const OPEN = [
  'new', 'open', 'opened', 'pending', 'hold', 'on hold', 'onhold', 'in progress', 'inprogress', 'active', 'assigned',
  'awaiting user info', 'awaiting customer', 'awaiting', 'waiting', 'waiting on customer', 'waiting on third party',
  'pending customer response', 'reopened', 're-opened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed',
  'awaiting problem', 'awaiting vendor', 'awaiting evidence', 'awaiting change', 'in process', 'todo', 'to do',
];
const RESOLVED = [
  'solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled',
  'resolved closed', 'closed resolved',
];
const DISCARDED = ['spam', 'deleted', 'trash', 'trashed', 'junk'];
const OPEN_KEYS = new Set(OPEN.map(vocabularyKey));
const DISCARDED_KEYS = new Set(DISCARDED.map(vocabularyKey));
const RESOLVED_KEYS = new Set(RESOLVED.map(vocabularyKey));

/** Classes of the raw values seen (a column holds a handful); bounded for odd exports. */
const SEEN = new Map<string, StatusClass>();
const SEEN_LIMIT = 10_000;
/** The status words by key, and the key prefixes that mean open (for SQL generation). */
export const STATUS_VOCABULARY = { open: [...OPEN_KEYS], resolved: [...RESOLVED_KEYS], discarded: [...DISCARDED_KEYS], openPrefixes: ['awaiting', 'waiting', 'pending'] } as const;

/**
 * Whether a ticket's own flags discard it, as a `spam` or `deleted` status does: a spam flag
 * that reads true (Gorgias `spam`, Zoho `isSpam`), or a deleted flag that is true or any value
 * other than a false word (Gorgias `trashed_datetime` holds the time it went to the trash).
 * The words are parseBoolean's; the engines' count query reads them alike (read/engines/sql.ts).
 */
export function flaggedDiscarded(spam: string, deleted: string): boolean {
  return (spam !== '' && parseBoolean(spam) === true) || (deleted !== '' && parseBoolean(deleted) !== false);
}

/** Classifies a raw status value. */
export function classifyStatus(raw: string | null): StatusClass {
  if (!raw) return 'unknown';
  const seen = SEEN.get(raw);
  if (seen !== undefined) return seen;
  const found = classifyKey(vocabularyKey(raw));
  if (SEEN.size < SEEN_LIMIT) SEEN.set(raw, found);
  return found;
}

function classifyKey(key: string): StatusClass {
  if (RESOLVED_KEYS.has(key)) return 'resolved';
  if (DISCARDED_KEYS.has(key)) return 'discarded';
  if (OPEN_KEYS.has(key)) return 'open';
  if (key.startsWith('awaiting') || key.startsWith('waiting') || key.startsWith('pending')) return 'open';
  return 'unknown';
}
