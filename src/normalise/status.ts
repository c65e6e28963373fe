/**
 * Status words → open / resolved. Used to censor still-open tickets and to spot a resolved
 * ticket without a resolution time. Unknown words leave the timestamps to decide.
 */
import { parseBoolean, vocabularyKey } from './channel.js';
import { isNoValue } from './rows.js';

/** `discarded`: spam or deleted (Help Scout's `spam`, Zendesk's `deleted`): no customer waiting, excluded. */
export type StatusClass = 'open' | 'resolved' | 'discarded' | 'unknown';

const OPEN = [
  'new', 'open', 'opened', 'pending', 'hold', 'on hold', 'onhold', 'in progress', 'inprogress', 'active', 'assigned',
  'awaiting user info', 'awaiting customer', 'awaiting', 'waiting', 'waiting on customer', 'waiting on third party',
  'pending customer response', 'reopened', 're-opened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed',
  'awaiting problem', 'awaiting vendor', 'awaiting evidence', 'awaiting change', 'in process', 'todo', 'to do',
  // German, French, Spanish, Italian, Portuguese, Dutch exports
  'offen', 'neu', 'in bearbeitung', 'wartend', 'ouvert', 'nouveau', 'en cours', 'en attente', 'abierto', 'nuevo',
  'pendiente', 'en curso', 'aperto', 'nuovo', 'in attesa', 'aberto', 'novo', 'pendente', 'open staand', 'nieuw',
  'ausstehend', 'wartet', 'en espera', 'en progreso', 'em espera', 'em andamento', 'em aberto', 'in behandeling', 'wachtend',
  'in afwachting', 'openstaand', 'aperta', 'nuova', 'in sospeso', 'in lavorazione',
];
const RESOLVED = [
  'solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled',
  'resolved closed', 'closed resolved',
  'gelöst', 'geschlossen', 'erledigt', 'résolu', 'résolue', 'fermé', 'fermée', 'clos', 'resuelto', 'cerrado',
  'risolto', 'chiuso', 'resolvido', 'fechado', 'opgelost', 'gesloten',
  'abgeschlossen', 'beendet', 'concluído', 'concluido', 'concluded', 'finalizado', 'finalized', 'finalised', 'terminé',
  'terminée', 'terminado', 'afgesloten', 'completato', 'chiusa', 'risolta', 'cerrada', 'resuelta',
  'clôturé', 'clôturée', 'solucionado', 'solucionada', 'afgehandeld',
  'resolved (auto)', 'auto-resolved', 'auto-closed', 'closed (auto)',
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
 * How a spam or deleted flag cell is read (the engines' count query reads them alike:
 * read/engines/sql.ts, with these patterns):
 * - parseBoolean's words, `true`/`false`, `yes`/`no`, `1`/`0`, … (in any case);
 * - a number: 0 is not set, any other is (`1.0` and `0.0` from a pandas re-save);
 * - for `deleted` also a date or time (Gorgias `trashed_datetime` holds when it went to the
 *   trash): set;
 * - empty, or a placeholder for "no value" (`NULL`, `None`, `NaN`, `n/a`, `-`, `\N`: rows.ts
 *   NO_VALUE, which the time columns read as empty too): not set;
 * - anything else cannot be read: null (the row keeps its ticket, with a note).
 */
export function flagValue(raw: string, timeMeansSet: boolean): boolean | null {
  const text = raw.trim();
  if (text === '' || isNoValue(text)) return false;
  const word = parseBoolean(text);
  if (word !== null) return word;
  if (FLAG_NUMBER.test(text)) return !FLAG_ZERO.test(text);
  if (timeMeansSet && FLAG_DATE.test(text)) return true;
  return null;
}

// (none of the placeholders for no value matches a pattern below: the count query's flags need no list of them)
/** A plain number, a decimal point or comma allowed; zero. */
export const FLAG_NUMBER_PATTERN = '^[+-]?[0-9]+([.,][0-9]+)?$';
export const FLAG_ZERO_PATTERN = '^[+-]?0+([.,]0+)?$';
/** A date as exports write one (ISO, or day and month with slashes or dots), with or without a time after it. */
export const FLAG_DATE_PATTERN = '^([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{2,4})';
const FLAG_NUMBER = new RegExp(FLAG_NUMBER_PATTERN);
const FLAG_ZERO = new RegExp(FLAG_ZERO_PATTERN);
const FLAG_DATE = new RegExp(FLAG_DATE_PATTERN);


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
