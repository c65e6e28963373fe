/**
 * Config loading: read → parse JSON → validate with zod. Every problem names the file and the
 * dotted key path ("parity.config.json: columns.createdAt: expected string").
 */
import { z } from 'zod';
import { ParityError } from '../errors.js';
import { configSchema, type Config } from './schema.js';

export { DEFAULT_CONFIG_FILE, loadConfig } from './open.js';

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
  return best ? { ...deepestIssue(best), path: [...issue.path, ...best.path] } : issue;
}

/** Validates an already-parsed config object; `file` is only used in messages. */
export function validateConfig(raw: unknown, file: string): Config {
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map(deepestIssue).map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? `${dottedPath(issue.path)}.` : '';
      return `unknown key ${issue.keys.map((k) => `"${where}${k}"`).join(', ')}`;
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
