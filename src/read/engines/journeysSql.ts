/**
 * Loud vs quiet and channel jumps in the count query: the `loud`, `loudReason`, `jump` and
 * `jumpOrigin` rows and the `meta,journey` facts (measure/journeyGroups.ts says what each holds),
 * written so that a database computes exactly what the in-process producer does:
 *
 * - loudness cues per ticket (`cues`): a public post (the isPublic column read as parseBoolean
 *   reads it, else the channel vocabulary's public/private meaning); shouting — a run of "!" in
 *   subject or text, or at least 8 letters of which the capitals share reaches the setting,
 *   tested only on text that is ASCII throughout (a database's case rules for other letters are
 *   not parity's: such tickets are counted as `capitalsUntested` and the audit notes them);
 *   escalation — a tag word or the priority equal to an escalation tag, lower-cased as parity does
 *   (ASCII letters, and the Kelvin sign, the one other letter that lower-cases into ASCII);
 * - repeat contacts: `COUNT(*) OVER (PARTITION BY customer ORDER BY created RANGE BETWEEN window
 *   PRECEDING AND CURRENT ROW)` — contacts at the same instant count together (journeys.ts);
 * - channel jumps: each social ticket joined to the same customer's phone, email or web tickets
 *   created before it within the jump window and not settled by then; the origin is the first by
 *   (created, channel, answered at, resolved at) (ROW_NUMBER), as journeys.ts's originAt.
 *
 * ClickHouse 18 has no window functions: its layers group each customer's tickets into arrays
 * (`groupArray`) and walk them with array functions instead (`clickhouseJourneys`).
 */
import { CHANNELS } from '../../model.js';
import { BOOLEAN_WORDS, builtInVocabulary, vocabularyKey } from '../../normalise/channel.js';
import { JUMP_GROUP, JUMP_ORIGINS, JUMP_TARGET, LOUD_REASONS, OTHER_SOCIAL_GROUP } from '../../measure/journeyGroups.js';
import type { Dialect } from './dialects.js';
import { oneScan, type ScanCell } from './oneScan.js';
import type { CountQuerySpec } from './sql.js';

/** The loudness and journey settings the query is written with. */
export interface JourneySpec {
  repeatContacts: number;
  repeatWindowDays: number;
  jumpWindowDays: number;
  capitalsShare: number;
  exclamationRun: number;
  escalationTags: readonly string[];
}

/** Words parseBoolean reads as true / false (normalise/channel.ts). */
const TRUE_WORDS = BOOLEAN_WORDS.true;
const FALSE_WORDS = BOOLEAN_WORDS.false;
/** What JavaScript's \s matches, plus the tag separators (normalise/rows.ts splits tags on /[\s,;|]+/). */
const TAG_SEPARATORS = '[\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff,;|]+';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ\u212a';
const LOWER = 'abcdefghijklmnopqrstuvwxyzk';

/** Every column of the `t` layer a journey row is made of. */
const RID_ORDER = ['created_s', 'id_txt', 'channel', 'raw_ch', 'cat', 'pri', 'fr_s', 'res_s', 'fr_kind', 'res_kind', 'pub', 'shout', 'esc', 'cap_untested'];

function numberLiteral(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(6).replace(/0+$/, '');
}

/** Escalation tags a query can match exactly (ASCII, no separator inside) and the others. */
export function escalationTags(tags: readonly string[]): { matched: string[]; skipped: string[] } {
  const matched: string[] = [];
  const skipped: string[] = [];
  for (const raw of tags) {
    const t = raw.toLowerCase();
    if (t === '' || new RegExp(TAG_SEPARATORS).test(t)) continue; // never equal to one word in-process either
    if (/^[\x00-\x7f]*$/.test(t)) matched.push(t);
    else skipped.push(raw);
  }
  return { matched: [...new Set(matched)], skipped };
}

/** Lower case as parity's for matching ASCII words: ASCII letters and the Kelvin sign. */
function asciiLower(d: Dialect, expr: string): string {
  return d.id === 'clickhouse' ? `lower(replaceAll(${expr}, ${d.string('\u212a')}, 'k'))` : `TRANSLATE(${expr}, ${d.string(UPPER)}, ${d.string(LOWER)})`;
}

/** Number of matches of a character class in `expr` (length before minus after removing them). */
function countOf(d: Dialect, expr: string, cls: string): string {
  return `(${d.charLength(expr)} - ${d.charLength(d.replaceAll(expr, cls))})`;
}

/** Whether the vocabulary marks a channel key as a public post (format vocabulary first, then built-in). */
function publicKeys(spec: CountQuerySpec): string[] {
  const byKey = new Map<string, boolean | undefined>();
  for (const [raw, meaning] of Object.entries(spec.formatVocabulary ?? {})) {
    const k = vocabularyKey(raw);
    if (!byKey.has(k)) byKey.set(k, meaning.isPublic);
  }
  for (const e of builtInVocabulary()) if (!byKey.has(e.key)) byKey.set(e.key, e.isPublic);
  return [...byKey].filter(([k, isPublic]) => k !== '' && isPublic === true).map(([k]) => k);
}

/**
 * The cue columns of the `c` layer, from the `r` layer's `cust`, `pub_txt`, `subj`, `txt`,
 * `tags_txt`, `pri` and `ch_key`: `cust`, `pub`, `shout`, `cap_untested`, `esc` (0/1).
 */
export function cueColumns(d: Dialect, spec: CountQuerySpec, j: JourneySpec): string[] {
  const pubWord = asciiLower(d, 'pub_txt');
  const keys = publicKeys(spec);
  const vocabPublic = keys.length ? `CASE WHEN ch_key IN (${keys.map((k) => d.string(k)).join(', ')}) THEN 1 ELSE 0 END` : '0';
  // a direct message on a channel of public posts, by its direction (formats/types.ts privateDirections)
  const privates = (spec.privateDirections ?? []).map((v) => d.string(v.toLowerCase()));
  const byDirection = privates.length ? `CASE WHEN dir_txt IN (${privates.join(', ')}) THEN 0 ELSE ${vocabPublic} END` : vocabPublic;
  const pub = `CASE WHEN ${pubWord} IN (${TRUE_WORDS.map((w) => d.string(w)).join(', ')}) THEN 1 WHEN ${pubWord} IN (${FALSE_WORDS.map((w) => d.string(w)).join(', ')}) THEN 0 ELSE ${byDirection} END`;
  const joined = d.concat(`COALESCE(subj, '')`, d.string(' '), `COALESCE(txt, '')`);
  const hasText = `(subj IS NOT NULL OR txt IS NOT NULL)`;
  const run = '!'.repeat(Math.max(1, j.exclamationRun));
  const exclaim = `${d.position(joined, d.string(run))} > 0`;
  const letters = countOf(d, joined, '[A-Za-z]');
  const capitals = countOf(d, joined, '[A-Z]');
  const ascii = d.asciiOnly(joined);
  const capitalsRule = `${letters} >= 8 AND ${d.double(capitals)} / ${d.double(letters)} >= ${numberLiteral(j.capitalsShare)}`;
  const shout = `CASE WHEN ${hasText} AND (${exclaim} OR (${ascii} AND ${capitalsRule})) THEN 1 ELSE 0 END`;
  const untested = `CASE WHEN ${hasText} AND NOT (${exclaim}) AND NOT (${ascii}) THEN 1 ELSE 0 END`;
  const { matched } = escalationTags(j.escalationTags);
  let esc = '0';
  if (matched.length) {
    const padded = d.concat(d.string(' '), d.replaceAll(asciiLower(d, `COALESCE(tags_txt, '')`), TAG_SEPARATORS, ' '), d.string(' '));
    const inTags = matched.map((t) => `${d.position(padded, d.string(` ${t} `))} > 0`);
    const inPriority = `${asciiLower(d, 'pri')} IN (${matched.map((t) => d.string(t)).join(', ')})`;
    esc = `CASE WHEN ${inTags.join(' OR ')} OR ${inPriority} THEN 1 ELSE 0 END`;
  }
  return [`cust`, `${pub} AS pub`, `${shout} AS shout`, `${untested} AS cap_untested`, `${esc} AS esc`];
}

/** What the journey branches need from the count query. */
export interface JourneyContext {
  d: Dialect;
  spec: CountQuerySpec;
  j: JourneySpec;
  /** The `t` layer (used tickets) by name or inline. */
  t: string;
  /** A layer by name (CTE dialects) or inline. */
  ref: (name: string, body: string) => string;
  /** One row of the flat table with typed columns. */
  row: (dimension: string, group: string, category: string, priority: string, metric: string, seconds: string, ended: string, waiting: string) => string;
  /** The as-of time: a literal, or the query that finds it (ClickHouse's layers name it once each: clickhouseLayers). */
  asOf: string;
  hasFirstResponse: boolean;
  hasResolution: boolean;
}

/**
 * The layers (name, body) and union branches of the journey rows; for ClickHouse (no CTEs), the
 * branches read each layer once (oneScan.ts), and `ticketCells` are the journey facts that the
 * count query's own scan of the used tickets sums (`customers`, `capitalsUntested`).
 */
export function journeyParts(x: JourneyContext): { layers: Array<[string, string]>; branches: string[]; ticketCells: ScanCell[] } {
  const { d, j, row, ref } = x;
  const W = numberLiteral(j.repeatWindowDays * 86400);
  const JW = numberLiteral(j.jumpWindowDays * 86400);
  const NULL = d.nullText;
  const chOrder = `CASE channel ${CHANNELS.map((c, k) => `WHEN ${d.string(c)} THEN ${k}`).join(' ')} ELSE ${CHANNELS.length} END`;
  const answeredAt = x.hasFirstResponse ? `CASE WHEN fr_kind = 'e' THEN created_s + fr_s END` : d.double('NULL');
  const resolvedAt = x.hasResolution ? `CASE WHEN res_kind = 'e' THEN created_s + res_s END` : d.double('NULL');
  // settled: resolved; or, when the resolution time is unusable (the value is left out, or the
  // source has no resolution at all: in-process every ticket's resolution is then excluded,
  // load/dataset.ts withoutUnmeasured), answered; never otherwise (journeys.ts's settledAt)
  const settledAt = x.hasResolution ? `CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ${answeredAt} END` : answeredAt;
  const age = ageAt(d, x.asOf, 'created_s');
  const frSeconds = x.hasFirstResponse ? d.wholeSeconds(`CASE WHEN fr_kind = 'e' THEN fr_s ELSE ${age} END`) : 'NULL';
  const resSeconds = x.hasResolution ? d.wholeSeconds(`CASE WHEN res_kind = 'e' THEN res_s ELSE ${age} END`) : 'NULL';
  const contacts = `CASE WHEN cust IS NULL THEN 0 ELSE COUNT(*) OVER (PARTITION BY cust ORDER BY created_s RANGE BETWEEN ${W} PRECEDING AND CURRENT ROW) END`;
  const jt = [
    `SELECT *,`,
    `  ${contacts} AS contacts,`,
    // a ticket's number within its customer, ordered by everything the rows are made of, so that
    // every evaluation of the layer numbers alike (only rows equal in all of it can swap)
    `  ROW_NUMBER() OVER (PARTITION BY cust ORDER BY ${RID_ORDER.join(', ')}) AS rn,`,
    `  ${chOrder} AS ch_order,`,
    `  ${answeredAt} AS answered_at,`,
    `  ${resolvedAt} AS resolved_at,`,
    `  ${settledAt} AS settled_at,`,
    `  ${frSeconds} AS fr_sec`,
    `FROM ${x.t}`,
  ].join('\n');
  const origins = JUMP_ORIGINS.map((c) => d.string(c)).join(', ');
  const jp = [
    `SELECT s.rn AS jrn, s.cust AS cust, s.created_s - o.created_s AS waited, o.channel AS o_channel,`,
    `  o.created_s AS created_s, o.fr_kind AS fr_kind, o.fr_s AS fr_s, o.res_kind AS res_kind, o.res_s AS res_s,`,
    `  CASE WHEN o.answered_at IS NOT NULL AND o.answered_at <= s.created_s THEN 0 ELSE 1 END AS unanswered,`,
    `  ROW_NUMBER() OVER (PARTITION BY s.cust, s.rn ORDER BY o.created_s, o.ch_order, CASE WHEN o.answered_at IS NULL THEN 1 ELSE 0 END, o.answered_at, CASE WHEN o.resolved_at IS NULL THEN 1 ELSE 0 END, o.resolved_at) AS pick`,
    `FROM ${ref('jt', jt)} s JOIN ${ref('jt', jt)} o ON o.cust = s.cust`,
    `WHERE s.channel = ${d.string(JUMP_TARGET)} AND o.channel IN (${origins}) AND o.created_s < s.created_s AND o.created_s >= s.created_s - ${JW}`,
    `  AND (o.settled_at IS NULL OR o.settled_at > s.created_s)`,
  ].join('\n');
  let jo = `SELECT jrn, cust, o_channel, unanswered, fr_kind, res_kind, ${d.wholeSeconds('waited')} AS waited_sec, ${frSeconds} AS fr_sec, ${resSeconds} AS res_sec\nFROM ${ref('jp', jp)}\nWHERE pick = 1`;
  const loudFlag = `CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= ${j.repeatContacts} THEN 1 ELSE 0 END`;
  let jl = [
    `SELECT jt.*, ${loudFlag} AS loud,`,
    `  CASE WHEN jt.channel = ${d.string(JUMP_TARGET)} THEN (CASE WHEN jo.jrn IS NULL THEN ${d.string(OTHER_SOCIAL_GROUP)} ELSE ${d.string(JUMP_GROUP)} END) END AS jump_group`,
    `FROM ${ref('jt', jt)} jt LEFT JOIN ${ref('jo', jo)} jo ON jo.cust = jt.cust AND jo.jrn = jt.rn`,
  ].join('\n');
  const hasCustomer = Boolean(x.spec.columns.customerId);
  if (!hasCustomer) {
    // no customers: no repeat contacts, no jumps; every social ticket is an other one
    jl = [
      `SELECT channel, cat, pri, fr_kind, pub, shout, esc, 0 AS contacts, ${frSeconds} AS fr_sec,`,
      `  ${loudFlag.replace(` OR contacts >= ${j.repeatContacts}`, '')} AS loud,`,
      `  CASE WHEN channel = ${d.string(JUMP_TARGET)} THEN ${d.string(OTHER_SOCIAL_GROUP)} END AS jump_group`,
      `FROM ${x.t}`,
    ].join('\n');
  } else if (d.id === 'clickhouse') ({ jl, jo } = clickhouseLayers(x, loudFlag));
  const endedSum = (kind: string): string => d.sum(`CASE WHEN ${kind} = 'e' THEN 1 ELSE 0 END`);
  const waitingSum = (kind: string): string => d.sum(`CASE WHEN ${kind} = 'w' THEN 1 ELSE 0 END`);
  const loudGroupExpr = d.concat(`CASE WHEN loud = 1 THEN 'loud / ' ELSE 'quiet / ' END`, 'channel');
  const JL = ref('jl', jl);
  const JO = ref('jo', jo);
  const cells = (dimension: string, group: string, where: string | null): string[] => [
    ...(x.hasFirstResponse
      ? [
          `${row(d.string(dimension), group, 'cat', 'pri', d.string('firstResponse'), 'fr_sec', endedSum('fr_kind'), waitingSum('fr_kind'))}\nFROM ${JL}\nWHERE fr_kind IS NOT NULL${where ? ` AND ${where}` : ''}\nGROUP BY ${group}, cat, pri, fr_sec`,
        ]
      : []),
    `${row(d.string(dimension), group, 'cat', 'pri', d.string('tickets'), '0', d.count(), '0')}\nFROM ${JL}${where ? `\nWHERE ${where}` : ''}\nGROUP BY ${group}, cat, pri`,
  ];
  const reasonWhere: Record<(typeof LOUD_REASONS)[number], string> = { public: 'pub = 1', repeatContact: `contacts >= ${j.repeatContacts}`, shouting: 'shout = 1', escalated: 'esc = 1' };
  if (!d.ctes) return { layers: [], branches: scannedBranches(), ticketCells: journeyTicketCells(x) };
  function scannedBranches(): string[] {
    const ended = (kind: string): string => `CASE WHEN ${kind} = 'e' THEN 1 ELSE 0 END`;
    const waiting = (kind: string): string => `CASE WHEN ${kind} = 'w' THEN 1 ELSE 0 END`;
    const cell = (keep: string, dimension: string, group: string, stratified: boolean, metric: string, seconds: string, e: string, w: string): ScanCell => ({
      keep,
      dimension: d.string(dimension),
      group,
      category: stratified ? 'cat' : NULL,
      priority: stratified ? 'pri' : NULL,
      metric: d.string(metric),
      seconds,
      ended: e,
      waiting: w,
    });
    const durationCell = (keep: string, dimension: string, group: string, stratified: boolean, metric: string, seconds: string, kind: string): ScanCell =>
      cell(keep === '1' ? `${kind} IS NOT NULL` : `${kind} IS NOT NULL AND ${keep}`, dimension, group, stratified, metric, seconds, ended(kind), waiting(kind));
    const ticketsCell = (keep: string, dimension: string, group: string, stratified: boolean): ScanCell => cell(keep, dimension, group, stratified, 'tickets', '0', '1', '0');
    const jl: ScanCell[] = [
      ...(x.hasFirstResponse ? [durationCell('1', 'loud', loudGroupExpr, true, 'firstResponse', 'fr_sec', 'fr_kind')] : []),
      ticketsCell('1', 'loud', loudGroupExpr, true),
      ...LOUD_REASONS.map((reason) => ticketsCell(reasonWhere[reason], 'loudReason', d.concat(d.string(`${reason} / `), 'channel'), false)),
      ...(x.hasFirstResponse ? [durationCell('jump_group IS NOT NULL', 'jump', 'jump_group', true, 'firstResponse', 'fr_sec', 'fr_kind')] : []),
      ticketsCell('jump_group IS NOT NULL', 'jump', 'jump_group', true),
    ];
    const jo: ScanCell[] = [
      cell('1', 'jumpOrigin', 'o_channel', false, 'waited', 'waited_sec', '1 - unanswered', 'unanswered'),
      ...(x.hasFirstResponse ? [durationCell('1', 'jumpOrigin', 'o_channel', false, 'firstResponse', 'fr_sec', 'fr_kind')] : []),
      ...(x.hasResolution ? [durationCell('1', 'jumpOrigin', 'o_channel', false, 'resolution', 'res_sec', 'res_kind')] : []),
      ticketsCell('1', 'jumpOrigin', 'o_channel', false),
    ];
    return [oneScan(d, JL, jl, row), ...(hasCustomer ? [oneScan(d, JO, jo, row)] : []), ...journeyMeta(x, hasCustomer ? JO : null, false)];
  }
  const branches = [
    ...cells('loud', loudGroupExpr, null),
    ...LOUD_REASONS.map(
      (reason) => `${row(d.string('loudReason'), d.concat(d.string(`${reason} / `), 'channel'), NULL, NULL, d.string('tickets'), '0', d.count(), '0')}\nFROM ${JL}\nWHERE ${reasonWhere[reason]}\nGROUP BY channel`,
    ),
    ...cells('jump', 'jump_group', 'jump_group IS NOT NULL'),
    ...(hasCustomer ? jumpOriginBranches() : []),
    ...journeyMeta(x, hasCustomer ? JO : null, true),
  ];
  function jumpOriginBranches(): string[] {
    return [
      `${row(d.string('jumpOrigin'), 'o_channel', NULL, NULL, d.string('waited'), 'waited_sec', d.sum('1 - unanswered'), d.sum('unanswered'))}\nFROM ${JO}\nGROUP BY o_channel, waited_sec`,
      ...(x.hasFirstResponse
        ? [`${row(d.string('jumpOrigin'), 'o_channel', NULL, NULL, d.string('firstResponse'), 'fr_sec', endedSum('fr_kind'), waitingSum('fr_kind'))}\nFROM ${JO}\nWHERE fr_kind IS NOT NULL\nGROUP BY o_channel, fr_sec`]
        : []),
      ...(x.hasResolution
        ? [`${row(d.string('jumpOrigin'), 'o_channel', NULL, NULL, d.string('resolution'), 'res_sec', endedSum('res_kind'), waitingSum('res_kind'))}\nFROM ${JO}\nWHERE res_kind IS NOT NULL\nGROUP BY o_channel, res_sec`]
        : []),
      `${row(d.string('jumpOrigin'), 'o_channel', NULL, NULL, d.string('tickets'), '0', d.count(), '0')}\nFROM ${JO}\nGROUP BY o_channel`,
    ];
  }
  return { layers: hasCustomer ? [['jt', jt], ['jp', jp], ['jo', jo], ['jl', jl]] : [['jl', jl]], branches, ticketCells: [] };
}

/**
 * ClickHouse 18 (no window functions, no CTEs): each customer's tickets as one array of tuples
 * (`groupArray`), expanded back to one row per ticket (`ARRAY JOIN`) that carries the customer's
 * whole array; repeat contacts and the jump origin are then array functions over it (the same
 * rules as the window and the self-join). Tickets without a customer are each their own group.
 */
function clickhouseLayers(x: JourneyContext, loudFlag: string): { jl: string; jo: string } {
  const { d, j } = x;
  const W = numberLiteral(j.repeatWindowDays * 86400);
  const JW = numberLiteral(j.jumpWindowDays * 86400);
  const NEVER = '1e300';
  const chOrder = `CASE ${CHANNELS.map((c, k) => `WHEN channel = ${d.string(c)} THEN ${k}`).join(' ')} ELSE ${CHANNELS.length} END`;
  const answeredAt = x.hasFirstResponse ? `ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, ${NEVER})` : NEVER;
  const resolvedAt = x.hasResolution ? `ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s END, ${NEVER})` : NEVER;
  // (no resolution at all: answered, as in-process; see journeyParts)
  const settledAt = x.hasResolution ? `ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ${answeredAt} END, ${NEVER})` : answeredAt;
  // the tuple of a ticket: its columns by position
  const fields: Array<[string, string]> = [
    ['created_s', 'toFloat64(assumeNotNull(created_s))'],
    ['channel', 'channel'],
    ['cat', 'cat'],
    ['pri', 'pri'],
    ['fr_kind', 'CAST(fr_kind AS Nullable(String))'],
    ['fr_s', 'CAST(fr_s AS Nullable(Float64))'],
    ['res_kind', 'CAST(res_kind AS Nullable(String))'],
    ['res_s', 'CAST(res_s AS Nullable(Float64))'],
    ['pub', 'toUInt8(pub)'],
    ['shout', 'toUInt8(shout)'],
    ['esc', 'toUInt8(esc)'],
    ['ch_order', `toUInt8(assumeNotNull(${chOrder}))`],
    ['answered_at', `toFloat64(assumeNotNull(${answeredAt}))`],
    ['resolved_at', `toFloat64(assumeNotNull(${resolvedAt}))`],
    ['settled_at', `toFloat64(assumeNotNull(${settledAt}))`],
  ];
  const at = (tuple: string, name: string): string => `tupleElement(${tuple}, ${fields.findIndex(([n]) => n === name) + 1})`;
  const key = `ifNull(cust, concat('\\0', toString(rowNumberInAllBlocks())))`;
  const perCustomer = `SELECT ${key} AS ckey, any(cust) AS the_cust, groupArray(tuple(${fields.map(([, e]) => e).join(', ')})) AS arr\nFROM ${x.t}\nGROUP BY ckey`;
  const origins = JUMP_ORIGINS.map((c) => CHANNELS.indexOf(c)).join(', ');
  const me = (name: string): string => at('me', name);
  const c = me('created_s');
  // candidates: pending phone/email/web tickets of the customer created before, within the window
  const cand = `arrayFilter(o -> ${at('o', 'ch_order')} IN (${origins}) AND ${at('o', 'created_s')} < ${c} AND ${at('o', 'created_s')} >= ${c} - ${JW} AND ${at('o', 'settled_at')} > ${c}, arr)`;
  // the first by (created, channel, answered at, resolved at)
  // (each step with its own lambda names: ClickHouse 18 confuses equal lambda texts in nested scopes)
  const narrow = (list: string, name: string, k: number): string =>
    `arrayFilter(o${k} -> ${at(`o${k}`, name)} = arrayReduce('min', arrayMap(p${k} -> ${at(`p${k}`, name)}, ${list})), ${list})`;
  const origin = `${narrow(narrow(narrow(narrow('cand', 'created_s', 1), 'ch_order', 2), 'answered_at', 3), 'resolved_at', 4)}[1]`;
  const ticket = [
    `SELECT the_cust AS cust, ${fields.map(([name]) => `${me(name)} AS ${name}`).join(', ')},`,
    `  CASE WHEN cust IS NULL THEN 0 ELSE arrayCount(o -> ${at('o', 'created_s')} >= ${c} - ${W} AND ${at('o', 'created_s')} <= ${c}, arr) END AS contacts,`,
    `  ${cand} AS cand,`,
    // the as-of time once a layer (a query when not given: written at each age, it was read again each time)
    `  ${x.asOf} AS p_as_of,`,
    `  CASE WHEN channel = ${d.string(JUMP_TARGET)} AND cust IS NOT NULL AND length(cand) > 0 THEN 1 ELSE 0 END AS is_jump,`,
    `  ${origin} AS origin`,
    `FROM (\n${perCustomer}\n)\nARRAY JOIN arr AS me`,
  ].join('\n');
  const age = ageAt(d, 'p_as_of', 'created_s');
  const frSeconds = x.hasFirstResponse ? d.wholeSeconds(`CASE WHEN fr_kind = 'e' THEN fr_s ELSE ${age} END`) : 'NULL';
  const oAge = ageAt(d, 'p_as_of', at('origin', 'created_s'));
  const jl = [
    `SELECT cust, channel, cat, pri, fr_kind, pub, shout, esc, contacts,`,
    `  ${frSeconds} AS fr_sec, ${loudFlag} AS loud,`,
    `  CASE WHEN channel = ${d.string(JUMP_TARGET)} THEN (CASE WHEN is_jump = 1 THEN ${d.string(JUMP_GROUP)} ELSE ${d.string(OTHER_SOCIAL_GROUP)} END) END AS jump_group,`,
    `  is_jump, origin, created_s, p_as_of`,
    `FROM (\n${ticket}\n)`,
  ].join('\n');
  const oFrKind = at('origin', 'fr_kind');
  const oResKind = at('origin', 'res_kind');
  const jo = [
    `SELECT cust, CASE ${CHANNELS.map((ch, k) => `WHEN ${at('origin', 'ch_order')} = ${k} THEN ${d.string(ch)}`).join(' ')} END AS o_channel,`,
    `  CASE WHEN ${at('origin', 'answered_at')} <= created_s THEN 0 ELSE 1 END AS unanswered,`,
    `  ${oFrKind} AS fr_kind, ${oResKind} AS res_kind,`,
    `  ${d.wholeSeconds(`created_s - ${at('origin', 'created_s')}`)} AS waited_sec,`,
    `  ${x.hasFirstResponse ? d.wholeSeconds(`CASE WHEN ${oFrKind} = 'e' THEN ${at('origin', 'fr_s')} ELSE ${oAge} END`) : 'NULL'} AS fr_sec,`,
    `  ${x.hasResolution ? d.wholeSeconds(`CASE WHEN ${oResKind} = 'e' THEN ${at('origin', 'res_s')} ELSE ${oAge} END`) : 'NULL'} AS res_sec`,
    `FROM (\n${jl}\n)`,
    `WHERE is_jump = 1`,
  ].join('\n');
  return { jl, jo };
}

/** A waiting ticket's age at the as-of time, in seconds (never below 0). */
function ageAt(d: Dialect, asOf: string, created: string): string {
  return d.greatest('0', `${asOf} - ${created}`);
}

/**
 * The `meta,journey` rows; `ticketFacts` false leaves out the two the count query's scan of the
 * used tickets sums instead (journeyTicketCells).
 */
function journeyMeta(x: JourneyContext, jo: string | null, ticketFacts: boolean): string[] {
  const { d, j, row } = x;
  const NULL = d.nullText;
  const meta = (key: string, fields: { seconds?: string; ended?: string }, from: string | null): string =>
    `${row(d.string('meta'), d.string('journey'), d.string(key), NULL, NULL, fields.seconds ?? 'NULL', fields.ended ?? '0', '0')}${from ? `\nFROM ${from}` : ''}`;
  return [
    meta('repeatContacts', { ended: String(j.repeatContacts) }, null),
    meta('repeatWindowSeconds', { seconds: numberLiteral(j.repeatWindowDays * 86400) }, null),
    meta('jumpWindowSeconds', { seconds: numberLiteral(j.jumpWindowDays * 86400) }, null),
    ...(ticketFacts ? [meta('customers', { ended: d.sum(CUSTOMER_COUNT) }, x.t)] : []),
    jo ? meta('jumpers', { ended: d.int('COUNT(DISTINCT cust)') }, jo) : meta('jumpers', { ended: '0' }, null),
    ...(ticketFacts ? [meta('capitalsUntested', { ended: d.sum('cap_untested') }, x.t)] : []),
  ];
}

const CUSTOMER_COUNT = 'CASE WHEN cust IS NOT NULL THEN 1 ELSE 0 END';

/** The journey facts summed over the used tickets, as cells of the count query's one scan (ClickHouse). */
function journeyTicketCells(x: JourneyContext): ScanCell[] {
  const { d } = x;
  const fact = (key: string, ended: string): ScanCell => ({
    keep: 'reason IS NULL',
    dimension: d.string('meta'),
    group: d.string('journey'),
    category: d.string(key),
    priority: d.nullText,
    metric: d.nullText,
    seconds: null,
    ended,
    waiting: '0',
    always: true,
  });
  return [fact('customers', CUSTOMER_COUNT), fact('capitalsUntested', 'cap_untested')];
}
