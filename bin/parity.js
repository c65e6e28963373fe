#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { runTuned, wantsTunedHeap } from '../dist/launch.js';

const args = process.argv.slice(2);
if (wantsTunedHeap(args, process.execArgv, process.env)) {
  const code = await runTuned(fileURLToPath(import.meta.url), args);
  // -1: the tuned process could not be started; run here with the default heap instead
  if (code >= 0) process.exit(code);
}
const { main } = await import('../dist/cli.js');
process.exitCode = await main(args);
