/**
 * Tweet conversation logs, as in the "Customer Support on Twitter" data set: one row per tweet
 * (`tweet_id, author_id, inbound, created_at, text, response_tweet_id, in_response_to_tweet_id`),
 * possibly with a leading unnamed index column and float ids (`3.0`) from a pandas re-save.
 *
 * A ticket is a customer tweet (inbound) that replies to nothing, or the earliest tweet in such a
 * conversation of another customer than the one who started it (`@custA @Brand same here!`: a
 * second customer waiting, who is owed an answer of their own). Every later tweet of a customer
 * in the conversation continues that customer's ticket, wherever in the thread it replies; a
 * brand tweet belongs to the ticket of the tweet it replies to. Its first response is the earliest brand
 * tweet (inbound = False) of the ticket that is in the file (a reply to it, listed in its
 * `response_tweet_id`, or to a later tweet of the ticket): a brand reply to another customer in
 * the thread is that customer's answer, not this one's (until 3 December 2026 every brand tweet of
 * a conversation answered its first tweet: in the public Twitter support log a 2011 post that
 * another customer replied to in 2017 was a ticket answered after 2,255 days, and 217 customers
 * who joined a thread were not counted at all; found by an attack);
 * its customer is `author_id`; channel social, public. Its `group` is the brand that answered
 * it, or for a tweet not answered, the first brand of the log it @mentions (null when none). A conversation has no solved state, so
 * resolution is not measured.
 *
 * Every row is accounted for (rowsRead = rowsUsed + rowsRejected):
 * - a ticket's own row, and every row of its conversation that belongs to it (brand replies,
 *   customer follow-ups), are used rows of that ticket;
 * - a brand tweet that replies to nothing, and every row of a conversation it starts, are
 *   excluded (`outbound`: agent-initiated, nobody was waiting);
 * - a row whose chain reaches a tweet that is not in the file is excluded (`orphan-reply`): its
 *   conversation began outside the export, so there is no ticket to count it in;
 * - rows without an id, with a repeated id, or whose ticket is rejected, are rejected with the reason.
 */
import type { RawRecord } from '../read/source.js';
import { writtenValues } from '../read/record.js';
import { isNoValue, type RowContext } from '../normalise/rows.js';
import { parseBoolean } from '../normalise/channel.js';
import { parserFor, detectStyle, type TimestampParser } from '../normalise/time.js';
import { Dictionary } from '../normalise/table.js';
import type { Mapping } from './bind.js';
import { signature } from './signature.js';
import { logTicketNormaliser, requireColumn, settle, type LogOutput, type UnreadableTime } from './logRows.js';
import type { FormatDef } from './types.js';

/**
 * `3.0` → `3` (pandas writes integer ids of a column with gaps as floats, and the gaps `NaN`: a
 * placeholder for no value, normalise/rows.ts NO_VALUE, is no id, as an empty cell).
 */
export function tweetId(text: string | undefined): string {
  const t = cell(text);
  return /^\d+\.0+$/.test(t) ? t.slice(0, t.indexOf('.')) : t;
}

/** A cell's trimmed text; empty for a placeholder for no value (`NULL`, `NaN`), as rows.ts reads every column. */
function cell(text: string | undefined): string {
  const t = (text ?? '').trim();
  return isNoValue(t) ? '' : t;
}

/** Map keys: numeric ids as numbers (half the memory of strings), others as strings. */
function idKey(id: string): number | string {
  return id.length < 16 && /^\d+$/.test(id) ? Number(id) : id;
}

const ORPHAN = -2;
const UNKNOWN = -1;
/** A row whose in_response_to chain comes back to itself (a reply cycle, never a real thread). */
const CYCLE = -3;
/** A row on the chain being followed right now. */
const VISITING = -4;

async function* reduceTweets(records: AsyncIterable<RawRecord>, mapping: Mapping, context: RowContext): AsyncGenerator<LogOutput> {
  const columns = (file: string) => ({
    id: requireColumn(mapping, 'ticketId', ['tweet_id'], file, tweets),
    author: requireColumn(mapping, 'customerId', ['author_id'], file, tweets),
    inbound: requireColumn(mapping, null, ['inbound'], file, tweets),
    created: requireColumn(mapping, 'createdAt', ['created_at'], file, tweets),
    responses: requireColumn(mapping, null, ['response_tweet_id'], file, tweets),
    parent: requireColumn(mapping, null, ['in_response_to_tweet_id'], file, tweets),
    text: mapping.bindings.text?.index ?? -1,
  });
  let col: ReturnType<typeof columns> | null = null;
  const binding = mapping.bindings.createdAt;
  let parse: TimestampParser | null = binding?.style ? parserFor(binding.style, mapping.timeZone, binding.dateFormat) : null;

  // The log in compact columns: one slot per row that has a usable id.
  const index = new Map<number | string, number>();
  const lines: number[] = [];
  const ids: string[] = [];
  const created: number[] = [];
  /** The text of each tweet whose time cannot be read (empty when it has none). */
  const unreadableCreated = new Map<number, string>();
  const inbound: Array<boolean | null> = [];
  /** The inbound text of each tweet whose author side it does not say (neither True nor False). */
  const unknownInbound = new Map<number, string>();
  const parents: string[] = [];
  const authors = new Dictionary();
  const authorCode: number[] = [];
  /** Only for customer tweets (inbound, each may start a ticket): their reply ids and text. */
  const responses = new Map<number, string>();
  const texts = new Map<number, string>();
  let fileName = '';

  for await (const record of records) {
    fileName = record.file;
    col ??= columns(record.file);
    const v = record.values;
    const id = tweetId(v[col.id]);
    if (!id) {
      yield { issue: { kind: 'missing-id', severity: 'error', file: record.file, line: record.line, column: mapping.header[col.id] ?? 'tweet_id', value: '', detail: 'no tweet id', values: writtenValues(record) } };
      continue;
    }
    const key = idKey(id);
    if (index.has(key)) {
      yield { issue: { kind: 'duplicate-id', severity: 'error', file: record.file, line: record.line, column: mapping.header[col.id] ?? 'tweet_id', value: id, detail: `tweet id "${id}" appeared earlier; the first one is kept`, values: writtenValues(record) } };
      continue;
    }
    const createdText = cell(v[col.created]);
    if (!parse && createdText) {
      const style = detectStyle([createdText], mapping.timeZone);
      if (style) parse = parserFor(style, mapping.timeZone);
    }
    const slot = ids.length;
    index.set(key, slot);
    ids.push(id);
    lines.push(record.line);
    const at = createdText && parse ? (parse(createdText) ?? Number.NaN) : Number.NaN;
    created.push(at);
    if (Number.isNaN(at)) unreadableCreated.set(slot, createdText);
    // true: a customer's tweet, false: the brand's; null: neither written (said, never guessed)
    const isInbound = parseBoolean(v[col.inbound] ?? '');
    inbound.push(isInbound);
    if (isInbound === null) unknownInbound.set(slot, (v[col.inbound] ?? '').trim());
    const parent = tweetId(v[col.parent]);
    parents.push(parent);
    authorCode.push(authors.codeOf(cell(v[col.author])));
    if (isInbound) {
      responses.set(slot, v[col.responses] ?? '');
      if (col.text >= 0) texts.set(slot, cell(v[col.text]) ? (v[col.text] ?? '').slice(0, 400) : '');
    }
  }

  if (!col) return; // no rows

  // The conversation each row belongs to: follow in_response_to up to a tweet that replies to
  // nothing (path compression keeps this linear); ORPHAN when the chain leaves the file.
  const n = ids.length;
  const root = new Int32Array(n).fill(UNKNOWN);
  /** Each row's parent row (−1: replies to nothing, or to a tweet not in the file). */
  const parentSlot = new Int32Array(n).fill(-1);
  /** For a row whose chain leaves the file: the tweet it reaches that is not in the file. */
  const missing = new Map<number, string>();
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    let at = i;
    path.length = 0;
    let found = UNKNOWN;
    let gone = '';
    while (found === UNKNOWN) {
      if (root[at] === VISITING) {
        found = CYCLE;
        break;
      }
      if (root[at] !== UNKNOWN) {
        found = root[at] as number;
        if (found === ORPHAN) gone = missing.get(at) ?? '';
        break;
      }
      path.push(at);
      root[at] = VISITING;
      const parent = parents[at] as string;
      if (!parent) {
        found = at;
        break;
      }
      const next = index.get(idKey(parent));
      if (next === undefined) {
        found = ORPHAN;
        gone = parent;
        break;
      }
      parentSlot[at] = next;
      at = next;
    }
    for (const p of path) {
      root[p] = found;
      if (found === ORPHAN) missing.set(p, gone);
    }
  }

  // The ticket each row of a customer's conversation belongs to (see the header). A customer
  // tweet is its customer's ticket in the conversation: the first customer's is the
  // conversation's first tweet, another customer's is their earliest tweet in it (by time, then
  // by id: the same whatever the order of the rows). A brand tweet (or one of unknown side)
  // belongs to the ticket of the tweet it replies to, followed up to the nearest customer tweet.
  const owner = new Int32Array(n).fill(-1);
  const joinedAt = (a: number): number => {
    const t = created[a] as number;
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  };
  const sooner = (a: number, b: number): boolean => {
    if (joinedAt(a) !== joinedAt(b)) return joinedAt(a) < joinedAt(b);
    const x = ids[a] as string;
    const y = ids[b] as string;
    return x.length !== y.length ? x.length < y.length : x < y;
  };
  const inCustomerConversation = (i: number): number => {
    const r = root[i] as number;
    return r >= 0 && inbound[r] === true ? r : -1;
  };
  const joined = new Map<string, number>();
  const joinKey = (r: number, i: number): string => `${r}:${authorCode[i]}`;
  for (let i = 0; i < n; i++) {
    const r = inCustomerConversation(i);
    if (r < 0 || inbound[i] !== true || authorCode[i] === authorCode[r]) continue;
    const key = joinKey(r, i);
    const first = joined.get(key);
    if (first === undefined || sooner(i, first)) joined.set(key, i);
  }
  for (let i = 0; i < n; i++) {
    const r = inCustomerConversation(i);
    if (r < 0 || inbound[i] !== true) continue;
    owner[i] = authorCode[i] === authorCode[r] ? r : (joined.get(joinKey(r, i)) as number);
  }
  for (let i = 0; i < n; i++) {
    if (inCustomerConversation(i) < 0 || owner[i]! >= 0) continue;
    path.length = 0;
    let at = i;
    while (owner[at]! < 0) {
      path.push(at);
      at = parentSlot[at] as number;
    }
    for (const row of path) owner[row] = owner[at] as number;
  }

  // Rows grouped by ticket (a customer's conversation) or by conversation (a brand's, a bad
  // one), so each knows its rows' lines.
  const normalise = logTicketNormaliser(mapping, context);
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = root[i] as number;
    const group = r < 0 ? -1 : owner[i]! >= 0 ? (owner[i] as number) : r;
    if (group < 0 || group === i) continue;
    let list = members.get(group);
    if (!list) members.set(group, (list = []));
    list.push(i);
  }

  // The brands of the log (authors of brand tweets), by lower-cased handle: an unanswered tweet's
  // brand is the first of them it mentions (`@AppleSupport my phone…`), so it is still in its group.
  const brands = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const name = inbound[i] === false ? authors.valueOf(authorCode[i] as number) : null;
    if (name) brands.set(name.toLowerCase(), name);
  }
  const mentioned = (text: string | undefined): string | null => {
    for (const m of (text ?? '').matchAll(/@(\w{1,50})/g)) {
      const brand = brands.get((m[1] as string).toLowerCase());
      if (brand) return brand;
    }
    return null;
  };

  for (let i = 0; i < n; i++) {
    const r = root[i] as number;
    const line = lines[i] as number;
    if (r === CYCLE) {
      yield { issue: { kind: 'reply-cycle', severity: 'error', file: fileName, line, column: mapping.header[col.parent] ?? 'in_response_to_tweet_id', value: parents[i] as string, detail: `replies to tweet ${parents[i]}, whose chain of replies runs in a circle: a reply cycle, not a conversation` } };
      continue;
    }
    if (r === ORPHAN) {
      // (the value is the tweet not in the file, which a reply's own parent may not be: a reply
      // to a reply whose chain leaves the file)
      const gone = missing.get(i) ?? (parents[i] as string);
      const detail = gone === parents[i] ? `replies to tweet ${gone}, which is not in the file` : `replies to tweet ${parents[i]}, whose thread replies to tweet ${gone}, which is not in the file`;
      yield { issue: { kind: 'orphan-reply', severity: 'excluded', file: fileName, line, column: mapping.header[col.parent] ?? 'in_response_to_tweet_id', value: gone, detail: `${detail}: its conversation began outside this export` } };
      continue;
    }
    if ((owner[i]! >= 0 ? owner[i] : r) !== i) continue; // counted with its ticket below
    const rowLines = [line, ...(members.get(i) ?? []).map((m) => lines[m] as number)];
    if (inbound[i] === null) {
      const value = unknownInbound.get(i) ?? '';
      yield* settle(
        { ok: false, issue: { kind: 'bad-inbound', severity: 'error', file: fileName, line, column: mapping.header[col.inbound] ?? 'inbound', value, detail: `inbound ${value ? `"${value}"` : 'empty'} is neither True nor False: whether the customer or the brand wrote tweet ${ids[i]} is not known` } },
        rowLines,
        `conversation ${ids[i]}`,
      );
      continue;
    }
    if (!inbound[i]) {
      for (const l of rowLines) {
        yield { issue: { kind: 'outbound', severity: 'excluded', file: fileName, line: l, column: mapping.header[col.inbound] ?? 'inbound', value: unknownInbound.get(i) ?? 'False', detail: l === line ? `brand tweet ${ids[i]} replies to nothing: agent-initiated, nobody was waiting` : `part of a conversation started by brand tweet ${ids[i]}` } };
      }
      continue;
    }
    // First response: the earliest brand tweet of the ticket in the file — a reply to the
    // customer's first tweet (its response_tweet_id list) or to a later tweet of the thread
    // (the customer's follow-up, "it's an iPhone 7 btw", answered ten minutes later). Only the
    // first tweet's own replies had been read: a customer answered under their follow-up was
    // counted as never answered (131 of 1,285 tickets of the first 5,000 rows of the public
    // Twitter support log).
    let first = Number.NaN;
    let brand: string | null = null;
    // a brand reply whose time cannot be read may have been the first: the first response is then not known
    let unreadable: UnreadableTime | null = null;
    const candidates = new Set<number>(members.get(i) ?? []);
    for (const part of (responses.get(i) ?? '').split(',')) {
      const reply = index.get(idKey(tweetId(part)));
      // (a reply listed here that another customer's ticket holds is that customer's answer)
      if (reply !== undefined && (owner[reply] === i || root[reply] === reply)) candidates.add(reply);
    }
    for (const reply of candidates) {
      if (inbound[reply] === true) continue;
      if (inbound[reply] === null) {
        // a reply whose author side is not said may have been the brand's first: not known
        const text = unknownInbound.get(reply) ?? '';
        unreadable ??= { text, line: lines[reply] as number, column: mapping.header[col.inbound] ?? 'inbound', why: `reply ${ids[reply]} has inbound ${text ? `"${text}"` : 'empty'}, neither True nor False, so whether the brand answered with it is not known` };
        continue;
      }
      const at = created[reply] as number;
      if (Number.isNaN(at)) {
        unreadable ??= { text: unreadableCreated.get(reply) ?? '', line: lines[reply] as number, column: mapping.header[col.created] ?? 'created_at' };
        continue;
      }
      if (Number.isNaN(first) || at < first) {
        first = at;
        brand = authors.valueOf(authorCode[reply] as number);
      }
    }
    const createdAt = created[i] as number;
    if (Number.isNaN(createdAt)) {
      yield* settle(
        { ok: false, issue: { kind: 'bad-created', severity: 'error', file: fileName, line, column: mapping.header[col.created] ?? 'created_at', value: unreadableCreated.get(i) ?? '', detail: `cannot read the date of tweet ${ids[i]}` } },
        rowLines,
        `conversation ${ids[i]}`,
      );
      continue;
    }
    const result = normalise(
      {
        ticketId: ids[i] as string,
        customerId: authors.valueOf(authorCode[i] as number),
        channel: 'Twitter',
        createdAt,
        firstResponseAt: unreadable !== null || Number.isNaN(first) ? null : first,
        resolvedAt: null,
        ...(unreadable !== null ? { unreadable: { firstResponseAt: unreadable } } : {}),
        group: brand ?? mentioned(texts.get(i)),
        text: texts.get(i) ?? null,
        isPublic: 'true',
      },
      fileName,
      line,
    );
    // the conversation's latest tweet (a customer's follow-up after the answer included)
    const latest = { at: createdAt, line };
    for (const m of members.get(i) ?? []) {
      if ((created[m] as number) > latest.at) {
        latest.at = created[m] as number;
        latest.line = lines[m] as number;
      }
    }
    yield* settle(result, rowLines, `conversation ${ids[i]}`, latest);
  }
}

export const tweets: FormatDef = {
  id: 'tweets',
  label: 'tweet conversation log',
  recordNoun: 'tweet',
  // replies are found by response_tweet_id, a column every tweet log has: a log in which no
  // customer was answered yet measures first response (all still waiting), it is not unmeasured
  measures: () => ({ firstResponse: true }),
  detect: (keys) =>
    signature(keys, ['tweet_id', 'author_id', 'inbound', 'created_at'], ['response_tweet_id', 'in_response_to_tweet_id', 'text']),
  synonyms: {
    ticketId: ['tweet_id'],
    customerId: ['author_id'],
    createdAt: ['created_at'],
    text: ['text'],
  },
  fixedChannel: 'social',
  logColumns: {
    inbound: 'True = customer tweet, False = brand reply',
    response_tweet_id: "replies to the tweet: with in_response_to_tweet_id, the earliest brand tweet of the ticket is its first response",
    in_response_to_tweet_id: 'the tweet it answers: links a reply to its conversation',
  },
  absent: {
    firstResponseAt: 'derived: the earliest brand tweet (inbound False) of the ticket (a reply to its first tweet or to a later one of it)',
    resolvedAt: 'a conversation log has no solved or closed state: resolution is not measured',
  },
  notes: [
    'tweet log: a ticket is a customer tweet that replies to nothing, or a customer joining another customer\'s thread; brand replies and customer follow-ups count as used rows of the ticket they reply to; brand-started conversations and replies to tweets not in the file are excluded',
  ],
  reduce: reduceTweets,
};
