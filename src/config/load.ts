/**
 * Config loading: read → parse JSON → validate with zod. Every problem names the file and the
 * dotted key path ("parity.config.json: columns.createdAt: expected string").
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { ParityError } from '../errors.js';
import { configSchema, type Config } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'parity.config.json';

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

/**
 * Loads the config named by `-c`, or `./parity.config.json` when it exists, or none.
 * An explicitly named file that does not exist is an error.
 */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<{ config: Config; file: string | null }> {
  const file = explicit ?? (existsSync(`${cwd}/${DEFAULT_CONFIG_FILE}`) ? DEFAULT_CONFIG_FILE : null);
  if (file === null) return { config: {}, file: null };
  let text: string;
  try {
    text = await readFile(file.startsWith('/') ? file : `${cwd}/${file}`, 'utf8');
  } catch {
    throw new ParityError('cannot read the configuration file', {
      location: { file },
      hint: 'check the path given to -c/--config, or run `parity init` to write one',
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ParityError(`configuration is not valid JSON: ${(error as Error).message}`, { location: { file } });
  }
  return { config: validateConfig(raw, file), file };
}

/** JSON Schema for the config file, generated from the zod schema (shipped as parity.schema.json). */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });
}
