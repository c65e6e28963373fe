/**
 * Status words → open / resolved. Used to censor still-open tickets and to spot a resolved
 * ticket without a resolution time. Unknown words leave the timestamps to decide.
 */
import { vocabularyKey } from './channel.js';

export type StatusClass = 'open' | 'resolved' | 'unknown';

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
const OPEN_KEYS = new Set(OPEN.map(vocabularyKey));
const RESOLVED_KEYS = new Set(RESOLVED.map(vocabularyKey));

/** The status words by key, and the key prefixes that mean open (for SQL generation). */
export const STATUS_VOCABULARY = { open: [...OPEN_KEYS], resolved: [...RESOLVED_KEYS], openPrefixes: ['awaiting', 'waiting', 'pending'] } as const;

/** Classifies a raw status value. */
export function classifyStatus(raw: string | null): StatusClass {
  if (!raw) return 'unknown';
  const key = vocabularyKey(raw);
  if (RESOLVED_KEYS.has(key)) return 'resolved';
  if (OPEN_KEYS.has(key)) return 'open';
  if (key.startsWith('awaiting') || key.startsWith('waiting') || key.startsWith('pending')) return 'open';
  return 'unknown';
}
