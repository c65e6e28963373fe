/** `parity inspect <file...>`: what parity detects in an export, before trusting an audit. */
import { loadConfig } from '../config/open.js';
import { UsageError } from '../errors.js';
import { profileFile } from '../profile.js';
import { renderInspectJson, renderInspectText } from '../render/inspect.js';
import { resolveSettings, type CommonFlags } from './options.js';
import type { CommandContext, CommandResult } from './context.js';

export async function inspectCommand(files: string[], flags: CommonFlags, ctx: CommandContext): Promise<CommandResult> {
  const format = flags.format ?? 'table';
  if (format !== 'table' && format !== 'json') {
    throw new UsageError(`--format ${format} is not available for inspect`, { hint: 'choose table or json' });
  }
  const { config } = await loadConfig(flags.config, ctx.cwd);
  const settings = resolveSettings(files, flags, config, ctx.version);
  const profiles = [];
  for (const file of files) profiles.push(await profileFile(file, settings, ctx.stdin));
  return { output: format === 'json' ? renderInspectJson(profiles) : renderInspectText(profiles, ctx.color), exitCode: 0 };
}
