/** `parity inspect <file...>`: what parity detects in an export, before trusting an audit. */
import { loadConfig, noteConfigSource } from '../config/load.js';
import { redactDeep } from '../render/redact.js';
import { redactError } from './redactError.js';
import { UsageError } from '../errors.js';
import { profileFiles } from '../load/profile.js';
import { renderInspectJson, renderInspectText } from '../render/inspect.js';
import { resolveSettings, type CommonFlags } from './options.js';
import type { CommandContext, CommandResult } from './context.js';

export async function inspectCommand(files: string[], flags: CommonFlags, ctx: CommandContext): Promise<CommandResult> {
  const format = flags.format ?? 'table';
  // (common options inspect has no use for: refused, not ignored in silence)
  for (const [given, name] of [[flags.strict, '--strict'], [flags.rejects, '--rejects']] as const) {
    if (given !== undefined && given !== false) throw new UsageError(`${name} is not an option of inspect: it shows how the rows are read and counts the rejected ones, whatever their number`, { hint: `parity audit <file> ${name === '--strict' ? '--strict' : '--rejects rejected.csv'} does that` });
  }
  if (format !== 'table' && format !== 'json') {
    throw new UsageError(`--format ${format} is not available for inspect`, { hint: 'choose table or json' });
  }
  const loadedConfig = await loadConfig(flags.config, ctx.cwd);
  const settings = resolveSettings(files, flags, loadedConfig.config, ctx.version, loadedConfig.file);
  if (files.length === 0) throw new UsageError('no input files given', { hint: 'pass one or more files, or - for standard input' });
  let read;
  try {
    read = await profileFiles(settings, { stdin: ctx.stdin });
  } catch (error) {
    const noted = noteConfigSource(error, loadedConfig);
    throw settings.redact ? redactError(noted) : noted;
  }
  // --redact: e-mail addresses and @handles in values and examples become pseudonyms
  const profiles = settings.redact ? redactDeep(read) : read;
  return { output: format === 'json' ? renderInspectJson(profiles) : renderInspectText(profiles, ctx.color), exitCode: 0 };
}
