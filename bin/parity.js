#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runTuned, tuningFor } from '../dist/launch.bundle.js';

const args = process.argv.slice(2);
// `parity --version` alone answers from package.json without loading the program (start-up
// budget 150 ms); anything else, `--version` among other flags included, goes through cli.ts.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  let version = '0.0.0';
  try {
    version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version ?? version;
  } catch {
    // as cli.ts: an unreadable package.json reads 0.0.0
  }
  process.stdout.write(`${version}\n`);
  process.exit(0);
}
const tuning = tuningFor(args, process.execArgv, process.env);
if (tuning) {
  const code = await runTuned(fileURLToPath(import.meta.url), args, tuning);
  // -1: the tuned process could not be started; run here with the default heap instead
  if (code >= 0) process.exit(code);
}
const { main } = await import('../dist/cli.bundle.js');
process.exitCode = await main(args);
