/**
 * Config validation with the zod schema: every problem names the dotted key path
 * ("columns.createdAt: expected string"), an unknown key what it most likely meant. Its own
 * module so that a run without a config file never loads zod.
 */
import { z } from 'zod';
import { ParityError } from '../errors.js';
import { CHANNELS } from '../model.js';
import { parseDuration } from '../measure/duration.js';
import { isNoValue } from '../normalise/rows.js';
import { configSchema, type Config } from './schema.js';
import { FORMATS } from '../formats/index.js';

/** Dotted path for a zod issue path (`columns.createdAt`, `bands[2]`). */
function dottedPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

type Issue = z.core.$ZodIssue;

/**
 * For a union (a column given as a string or as { column, unit }), zod reports only "invalid
 * input" at the union; the branch that got furthest says what is actually wrong.
 */
function deepestIssue(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || !issue.errors.length) return issue;
  let best: Issue | null = null;
  for (const branch of issue.errors) {
    for (const inner of branch) {
      if (inner.code === 'invalid_type' && inner.path.length === 0) continue;
      if (!best || inner.path.length > best.path.length) best = inner;
    }
  }
  if (best) return { ...deepestIssue(best), path: [...issue.path, ...best.path] };
  // every branch refused the value's type itself ({"by": 5}): zod's message is a bare "Invalid
  // input"; say what the key takes and what it was given
  const expected = [...new Set(issue.errors.flatMap((branch) => branch.filter((i) => i.code === 'invalid_type' && i.path.length === 0).map((i) => TYPE_WORDS[(i as { expected: string }).expected] ?? (i as { expected: string }).expected)))];
  const received = issue.errors.flat().map((i) => /received (\w+)/.exec(i.message)?.[1]).find((r) => r !== undefined);
  return expected.length ? { ...issue, message: `expected ${expected.join(' or ')}${received ? `, not ${TYPE_WORDS[received] ?? received}` : ''}` } : issue;
}

/** zod's type names as a config's reader would say them. */
const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', object: 'an object ({ … })', array: 'a list ([ … ])', null: 'null' };

/** Plain objects in the raw config whose keys come from the user (raw channel values, priorities). */
const USER_MAPS: ReadonlyArray<{ path: readonly string[]; value: z.ZodType }> = [
  { path: ['channels'], value: z.enum(CHANNELS) },
  { path: ['sla', 'firstResponse'], value: z.union([z.number().nonnegative(), z.string().refine((t) => parseDuration(t) !== null, { message: 'not a duration; write it like 45s, 30m, 2h, 1d or 1h30m' })]) },
  { path: ['sla', 'resolution'], value: z.union([z.number().nonnegative(), z.string().refine((t) => parseDuration(t) !== null, { message: 'not a duration; write it like 45s, 30m, 2h, 1d or 1h30m' })]) },
];

function at(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/**
 * A user's map as an object without a prototype, holding every own key of the raw JSON —
 * including `__proto__`, which JSON.parse keeps as an own key but zod's record (like any plain
 * assignment) would drop. Lookups in it can never reach Object.prototype.
 */
function ownMap(raw: Record<string, unknown>, parsed: Record<string, unknown>, valueSchema: z.ZodType, file: string, path: readonly string[]): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(parsed)) out[k] = v;
  if (Object.hasOwn(raw, '__proto__')) {
    const checked = valueSchema.safeParse(raw['__proto__']);
    if (!checked.success) {
      throw new ParityError(`invalid configuration: ${path.join('.')}.__proto__: ${checked.error.issues[0]?.message ?? 'invalid value'}`, { location: { file } });
    }
    Object.defineProperty(out, '__proto__', { value: checked.data, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The keys the schema allows at a dotted path (for "did you mean"), or none. */
function knownKeysAt(path: ReadonlyArray<PropertyKey>): string[] {
  let schema: unknown = configSchema;
  const unwrap = (s: unknown): unknown => {
    let cur = s as { _zod?: { def?: { type?: string; innerType?: unknown; in?: unknown } } };
    for (let k = 0; k < 5 && cur?._zod?.def; k++) {
      const def = cur._zod.def;
      if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') cur = def.innerType as typeof cur;
      else if (def.type === 'pipe') cur = def.in as typeof cur;
      else break;
    }
    return cur;
  };
  for (const key of path) {
    const s = unwrap(schema) as { shape?: Record<string, unknown> };
    if (!s?.shape || typeof key !== 'string' || !Object.hasOwn(s.shape, key)) return [];
    schema = s.shape[key];
  }
  const s = unwrap(schema) as { shape?: Record<string, unknown> };
  return s?.shape ? Object.keys(s.shape) : [];
}

/** Levenshtein distance (small strings: config keys). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] as number;
      prev[j] = Math.min(above + 1, (prev[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length] as number;
}

/** The known key a mistyped one most likely meant: same letters in another case, or one or two edits away. */
export function didYouMean(key: string, known: readonly string[]): string | null {
  const lower = key.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(1, Math.min(2, Math.floor(key.length / 3))) ? best : null;
}

/** `format` names a layout parity knows, said with the file, the key and the nearest id (it was a bare "unknown input format"). */
function refuseUnknownFormat(data: Record<string, unknown>, file: string): void {
  const given = data.format;
  if (typeof given !== 'string') return;
  const ids = FORMATS.map((f) => f.id);
  if (ids.includes(given.toLowerCase())) return;
  const guess = didYouMean(given, ids);
  throw new ParityError(`invalid configuration: format: unknown input format "${given}"${guess ? ` (did you mean "${guess}"?)` : ''}`, {
    location: { file },
    hint: `known formats: ${ids.join(', ')}; or leave format out and let detection decide`,
  });
}

/** Validates an already-parsed config object; `file` is only used in messages. */
/**
 * `parity init` maps channel values no vocabulary knows to "other" next to a `<EDIT: …>` key to
 * delete once they are checked. Left in place, that key matched no value and the audit ran with
 * the unchecked guesses: it stops instead, as every other placeholder does (a column named
 * `<EDIT…` is not in the file).
 */
function refuseEditPlaceholder(data: Record<string, unknown>, file: string): void {
  const channels = data.channels;
  if (!channels || typeof channels !== 'object') return;
  const placeholder = Object.keys(channels).find((k) => k.startsWith('<EDIT'));
  if (placeholder === undefined) return;
  throw new ParityError(`channels: the placeholder "${placeholder}" is still in the configuration`, {
    location: { file },
    hint: 'check the channel values mapped to "other" above it (map each to phone, email, web, social, chat or other, or to outbound for the team\'s own outgoing contacts), then delete the placeholder line',
  });
}

/**
 * A `channels` key that is a placeholder for no value (`NULL`, `n/a`, `-`: normalise/rows.ts
 * NO_VALUE) matches no value: a cell holding one is read as empty in every column, so its ticket
 * has no channel value and is counted as other. Mapped to other it says just that; mapped to a
 * channel or to outbound it would be ignored without a word, so the run stops and says why.
 */
function refuseNoValueChannel(data: Record<string, unknown>, file: string): void {
  const channels = data.channels;
  if (!channels || typeof channels !== 'object') return;
  const entry = Object.entries(channels as Record<string, unknown>).find(([k, target]) => isNoValue(k.trim()) && target !== 'other');
  if (entry === undefined) return;
  throw new ParityError(`channels: "${entry[0]}" stands for no value, so no channel value matches it: a ticket whose channel cell holds it has no channel value and is counted as other, not ${String(entry[1])}`, {
    location: { file },
    hint: 'delete the line, or write the channel into those rows of the export (placeholders such as NULL, n/a, - and None are read as empty cells in every column)',
  });
}

export function validateConfig(raw: unknown, file: string): Config {
  const result = configSchema.safeParse(raw);
  if (result.success) {
    const data = result.data as Record<string, unknown>;
    for (const { path, value } of USER_MAPS) {
      const rawMap = at(raw, path);
      const parsedParent = at(data, path.slice(0, -1)) as Record<string, unknown> | undefined;
      const last = path[path.length - 1] as string;
      if (rawMap && typeof rawMap === 'object' && parsedParent && Object.hasOwn(parsedParent, last)) {
        parsedParent[last] = ownMap(rawMap as Record<string, unknown>, parsedParent[last] as Record<string, unknown>, value, file, path);
      }
    }
    refuseUnknownFormat(data, file);
    refuseEditPlaceholder(data, file);
    refuseNoValueChannel(data, file);
    return data as Config;
  }
  const lines = result.error.issues.map(deepestIssue).map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? `${dottedPath(issue.path)}.` : '';
      const known = knownKeysAt(issue.path);
      return `unknown key ${issue.keys
        .map((k) => {
          const guess = didYouMean(k, known);
          return `"${where}${k}"${guess ? ` (did you mean "${where}${guess}"?)` : ''}`;
        })
        .join(', ')}`;
    }
    return `${dottedPath(issue.path)}: ${issue.message}`;
  });
  const [first, ...rest] = lines;
  throw new ParityError(`invalid configuration: ${first}`, {
    location: { file },
    hint: [...rest.map((l) => `also: ${l}`), 'see README "Configuration" for every key'].join('\n  '),
  });
}

/** JSON Schema for the config file, generated from the zod schema (shipped as parity.schema.json). */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });
}
