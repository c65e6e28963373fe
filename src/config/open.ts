/**
 * Finding and reading the config file: `-c`, or `./parity.config.json` when it exists, or none.
 * Validation (zod, about a hundred modules) is loaded only when there is a file to validate, so
 * a run without a config does not pay for it at start-up.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { ParityError } from '../errors.js';
import type { Config } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'parity.config.json';

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
  const { validateConfig } = await import('./load.js');
  return { config: validateConfig(raw, file), file };
}

