/** `parity inspect <file...>`: what parity detects in an export, before trusting an audit. */
import { loadConfig } from '../config/load.js';
import { UsageError } from '../errors.js';
import { profileFiles } from '../normalise/profile.js';
import { renderInspectJson, renderInspectText } from '../render/inspect.js';
import { resolveSettings, type CommonFlags } from './options.js';
import type { CommandContext, CommandResult } from './context.js';

export async function inspectCommand(files: string[], flags: CommonFlags, ctx: CommandContext): Promise<CommandResult> {
  const format = flags.format ?? 'table';
  if (format !== 'table' && format !== 'json') {
    throw new UsageError(`--format ${format} is not available for inspect`, { hint: 'choose table or json' });
  }
  const { config, file: configFile } = await loadConfig(flags.config, ctx.cwd);
  const settings = resolveSettings(files, flags, config, ctx.version, configFile);
  if (files.length === 0) throw new UsageError('no input files given', { hint: 'pass one or more files, or - for standard input' });
  const profiles = await profileFiles(settings, { stdin: ctx.stdin });
  return { output: format === 'json' ? renderInspectJson(profiles) : renderInspectText(profiles, ctx.color), exitCode: 0 };
}
