// The program as bin/parity.js loads it: dist/cli.js and dist/launch.js (tsc's output, one module
// per source file) bundled by esbuild into dist/cli.bundle.js and dist/launch.bundle.js (and the
// reading worker, dist/readWorker.bundle.js, and the statistics helper, dist/helperWorker.bundle.js,
// each on its own), with the modules loaded on demand (commands, renderers, engines, charts) split
// into dist/chunks/.
//
// Why: Node's ES-module loader spends about a millisecond per module resolving, reading and
// linking it, and an audit of a small file loaded ~110 of parity's own modules: ~80 ms of its
// start-up (issue 11's budget is 250 ms over bare node). Packages stay external — they are
// resolved from node_modules as package.json declares them, and the optional DuckDB stays
// optional — except a few small ES-module packages an audit loads every time (INLINE below):
// bundled with parity's code, only the functions parity calls are kept, and their 20 or so
// files are not resolved one by one (the 12-row audit: 335–358 → 313–338 ms, medians of 21
// interleaved runs, 2 December 2026). A CommonJS package (commander) stays external: bundled
// into ES modules it needs a `require` made in every chunk, which cost more than it saved.
// tsc's per-file output stays in dist/ for the scripts and benches that import one module. Run
// by `npm run build` after tsc.
//
// Chunks are named by a hash of their content, and a build leaves the previous build's chunks
// in place: a parity process started before a rebuild still finds the chunks it loads later.
// `node scripts/bundle.mjs --prune` (npm's prepack) removes the chunks this build did not write,
// so a package holds only its own.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
// Packages bundled into parity's chunks; every other bare import (packages, node: modules) stays external.
const INLINE = new Set(['simple-statistics', 'csv-stringify', '@date-fns/tz', 'date-fns']);
const inlineSome = {
  name: 'inline-some',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      const parts = args.path.split('/');
      const name = args.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      return INLINE.has(name) ? undefined : { external: true };
    });
  },
};
const result = await build({
  entryPoints: { 'cli.bundle': `${dist}cli.js`, 'launch.bundle': `${dist}launch.js` },
  outdir: dist,
  chunkNames: 'chunks/[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [inlineSome],
  metafile: true,
  logLevel: 'warning',
});
// The reading worker (src/load/readWorker.ts), the statistics helper (src/measure/helperWorker.ts)
// and DuckDB's process (src/read/engines/duckdbHost.ts), each in one file of its own: sharing
// chunks with the program would split the program's own code into more chunks (more modules for
// every run to load).
await build({
  entryPoints: {
    'readWorker.bundle': `${dist}load/readWorker.js`,
    'helperWorker.bundle': `${dist}measure/helperWorker.js`,
    'duckdbHost.bundle': `${dist}read/engines/duckdbHost.js`,
  },
  outdir: dist,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
// (PARITY_BUNDLE_META=<file>: esbuild's account of which modules went into which chunk, to see what a run loads)
if (process.env.PARITY_BUNDLE_META) (await import('node:fs')).writeFileSync(process.env.PARITY_BUNDLE_META, JSON.stringify(result.metafile));
if (process.argv.includes('--prune')) {
  const written = new Set(Object.keys(result.metafile.outputs).map((path) => basename(path)));
  for (const name of readdirSync(`${dist}chunks`)) if (!written.has(name)) rmSync(`${dist}chunks/${name}`);
}
