// The program as bin/parity.js loads it: dist/cli.js and dist/launch.js (tsc's output, one module
// per source file) bundled by esbuild into dist/cli.bundle.js and dist/launch.bundle.js, with the
// modules loaded on demand (commands, renderers, engines, charts) split into dist/chunks/.
//
// Why: Node's ES-module loader spends about a millisecond per module resolving, reading and
// linking it, and an audit of a small file loaded ~110 of parity's own modules: ~80 ms of its
// start-up (issue 11's budget is 250 ms over bare node). Packages stay external — they are
// resolved from node_modules as package.json declares them, and the optional DuckDB stays
// optional. tsc's per-file output stays in dist/ for the scripts and benches that import one
// module. Run by `npm run build` after tsc.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
rmSync(`${dist}chunks`, { recursive: true, force: true });
await build({
  entryPoints: { 'cli.bundle': `${dist}cli.js`, 'launch.bundle': `${dist}launch.js` },
  outdir: dist,
  chunkNames: 'chunks/[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
