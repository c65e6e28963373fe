/**
 * Config loading: read → parse JSON → validate with zod (validate.ts, loaded only when there is
 * a file to read, so a run without one never loads zod). Every problem names the file and the
 * dotted key path ("parity.config.json: columns.createdAt: expected string").
 */
import { duplicateKey } from './duplicateKeys.js';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { ParityError, UsageError } from '../errors.js';
import type { Config } from './schema.js';
import { DEFAULT_CONFIG_FILE } from './file.js';

export { DEFAULT_CONFIG_FILE };

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** A loaded configuration and where it came from. */
export interface LoadedConfig {
  config: Config;
  /** The file read, or null when there is none. */
  file: string | null;
  /** True when the file is ./parity.config.json, read because it was there (no -c). */
  auto: boolean;
  /** The file's JSON as written (keys in its order; `parity init -c` keeps it), null without a file. */
  raw?: Record<string, unknown> | null;
}

/**
 * Loads the config named by `-c`, or `./parity.config.json` when it exists (unless
 * `--no-config`, given as `false`), or none. An explicitly named file that does not exist is
 * an error.
 */
export async function loadConfig(explicit: string | false | undefined, cwd: string): Promise<LoadedConfig> {
  const auto = explicit === undefined && existsSync(`${cwd}/${DEFAULT_CONFIG_FILE}`);
  const file = typeof explicit === 'string' ? explicit : auto ? DEFAULT_CONFIG_FILE : null;
  if (file === null) return { config: {}, file: null, auto: false };
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
  const body = text.replace(/^\uFEFF/, '');
  try {
    raw = JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = lineColumn(body, position ? Number(position[1]) : body.length);
    const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/,? ?"[^"]*" is not valid JSON$/, '').replace(/ at position \d+.*$/s, '');
    throw new ParityError(`configuration is not valid JSON at line ${where.line}, column ${where.column}: ${reason}`, {
      location: { file, line: where.line },
      hint: 'JSON needs double-quoted keys and strings, and no comma after the last item',
    });
  }
  const twice = duplicateKey(body);
  if (twice) {
    throw new ParityError(`invalid configuration: ${twice.path} is written twice (line ${twice.line}); JSON would keep only the last, silently`, {
      location: { file, line: twice.line },
      hint: 'keep one of them',
    });
  }
  const { validateConfig } = await import('./validate.js');
  return { config: validateConfig(raw, file), file, auto, raw: raw as Record<string, unknown> };
}

/**
 * An error about the mapping (a column not found) says, when the configuration was read only
 * because ./parity.config.json was there, that it came from that file and how to skip it.
 */
export function noteConfigSource(error: unknown, loaded: LoadedConfig): unknown {
  if (!loaded.auto || !(error instanceof ParityError) || error instanceof UsageError) return error;
  const text = `${error.message}\n${error.hint ?? ''}`;
  if (!/column|mapping|header/i.test(text)) return error;
  const note = `the mapping came from ./${DEFAULT_CONFIG_FILE}, loaded automatically; pass -c other.json or --no-config`;
  return new ParityError(error.message, { ...(error.location ? { location: error.location } : {}), hint: error.hint ? `${error.hint}\n  ${note}` : note });
}
