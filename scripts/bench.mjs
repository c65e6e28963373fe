// Benchmark: generates ticket exports of 1M, 5M and 10M rows (deterministic, seeded; quoted
// subjects with commas, doubled quotes and line breaks) into a temp folder, then for each size
// times, in child processes of their own:
//   - read+normalise alone (loadDataset),
//   - the whole `parity audit --format json --quiet` (in-process main(), so start-up is included),
//   - DuckDB's equivalent aggregate (per channel: count, median and p90 of first response),
// and prints wall time, rows/s, MB/s, peak RSS (max RSS of the child) and parity ÷ DuckDB.
// First, start-up: `parity --version` and `parity audit` of the 12-row fixture as separate
// processes (median of BENCH_STARTUP runs, default 15), beside a bare `node -e 0`.
// DuckDB (@duckdb/node-api) is installed on first use into a cache folder, never into
// package.json; without network or with BENCH_DUCKDB=0 its column is left out.
//
//   npm run build && npm run bench            # 1M, 5M, 10M
//   BENCH_SIZES=1e6,2e6 npm run bench         # other sizes
//   BENCH_REPEAT=3 npm run bench              # repeat each timing, report the range
//   BENCH_KEEP=1 npm run bench                # keep the generated files
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir, homedir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RAW, rng } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const sizes = (process.env.BENCH_SIZES ?? (process.argv[2] ? process.argv[2] : '1e6,5e6,10e6')).split(',').map((s) => Math.round(Number(s)));
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
const dir = join(tmpdir(), 'parity-bench');
mkdirSync(dir, { recursive: true });

if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('bench: run `npm run build` first');
  process.exit(2);
}
const launch = await import(new URL('../dist/launch.js', import.meta.url).href);

// ---------------------------------------------------------------- generation
const MIX = [['phone', 0.35], ['email', 0.3], ['web', 0.15], ['social', 0.15], ['chat', 0.05]];
const SPEED = { phone: 1, email: 1.4, web: 1.2, social: 0.3, chat: 0.5 };
const CATEGORIES = ['Billing', 'Technical', 'Account', 'Delivery'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const SUBJECTS = [
  'Where is my order?',
  'Refund, please',
  'He said "call back tomorrow" and never did',
  'Invoice 2026-0042, line 3 is wrong',
  'Line one\nline two, with a comma',
  'REFUND NOW!!!',
  'Café crème, déjà vu: €5 charged twice',
  'Password reset does not arrive',
];
const START = Date.parse('2026-01-01T00:00:00Z');
const SPAN = 365 * 86400_000;

function iso(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function quote(text) {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes an export of `rows` tickets (generic layout) to `file`; same rows every time. */
async function generateExport(rows, file) {
  const random = rng(20261128);
  const out = createWriteStream(file);
  out.write('ticket_id,customer_id,channel,created_at,first_response_at,resolved_at,status,priority,category,follower_count,is_public,subject\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    let r = random();
    let channel = 'chat';
    for (const [c, w] of MIX) {
      if ((r -= w) <= 0) {
        channel = c;
        break;
      }
    }
    const raws = RAW[channel];
    const raw = raws[Math.floor(random() * raws.length)];
    const created = START + random() * SPAN;
    // lognormal first response around 4 h × channel speed; resolution after it
    const z = Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
    const first = 4 * 3600 * SPEED[channel] * Math.exp(z);
    const resolution = first + 86400 * Math.exp(random() * 2);
    const answered = random() > 0.03;
    const open = random() < 0.06;
    const social = channel === 'social';
    const followers = social ? String(Math.round(Math.exp(random() * Math.log(300000)))) : '';
    const isPublic = social ? (/DM/.test(raw) ? 'false' : 'true') : '';
    chunk +=
      `T${i},C${Math.floor(random() * rows * 0.8)},${raw},${iso(created)},` +
      `${answered ? iso(created + first * 1000) : ''},${answered && !open ? iso(created + resolution * 1000) : ''},` +
      `${!answered ? 'new' : open ? 'pending' : 'solved'},${PRIORITIES[Math.floor(random() * 4)]},${CATEGORIES[Math.floor(random() * 4)]},` +
      `${followers},${isPublic},${quote(SUBJECTS[Math.floor(random() * SUBJECTS.length)])}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise((resolve) => out.end(resolve));
}

// ---------------------------------------------------------------- timing
/** Runs `script` (an ES module body) in a fresh node; it prints one JSON line on stderr. */
function child(script, env = {}, nodeArgs = []) {
  const result = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 26,
  });
  const line = result.stderr.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line);
  } catch {
    return { error: result.stderr.slice(-2000) || `exit ${result.status}` };
  }
}

const usage = `process.stderr.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000, ...extra }) + '\\n');`;

/**
 * The node options and allocator tunables bin/parity.js's launcher would start parity with for
 * this file (a larger young generation and glibc's huge pages and fixed thresholds for large
 * inputs, src/launch.ts): the stages run in-process here so that their own CPU time and peak
 * memory can be read, so they get the same settings directly.
 */
function tuned(file) {
  const tuning = launch.tuningFor([file], [], {});
  return tuning
    ? { args: launch.childNodeOptions(tuning), env: { GLIBC_TUNABLES: launch.childTunables(process.env.GLIBC_TUNABLES, process.env, tuning) } }
    : { args: [], env: {} };
}

function readNormalise(file) {
  return child(`
    const t0 = performance.now();
    const { loadDataset } = await import(${JSON.stringify(join(root, 'dist', 'load', 'dataset.js'))});
    const { resolveSettings } = await import(${JSON.stringify(join(root, 'dist', 'commands', 'options.js'))});
    const settings = resolveSettings([${JSON.stringify(file)}], {}, {}, 'bench');
    const dataset = await loadDataset(settings, { stdin: process.stdin });
    const ms = performance.now() - t0;
    const extra = { rows: dataset.rowsRead };
    ${usage}
  `, tuned(file).env, tuned(file).args);
}

function audit(file) {
  return child(`
    const t0 = performance.now();
    const { main } = await import(${JSON.stringify(join(root, 'dist', 'cli.js'))});
    const code = await main(['audit', ${JSON.stringify(file)}, '--format', 'json', '-o', '/dev/null', '--quiet']);
    const ms = performance.now() - t0;
    const extra = { code };
    ${usage}
  `, tuned(file).env, tuned(file).args);
}

/** Installs @duckdb/node-api into a cache folder on first use; returns its folder, or null. */
function duckdbHome() {
  if (process.env.BENCH_DUCKDB === '0') return null;
  const cache = process.env.BENCH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'parity-bench');
  if (!existsSync(join(cache, 'node_modules', '@duckdb', 'node-api'))) {
    mkdirSync(cache, { recursive: true });
    console.log(`installing @duckdb/node-api into ${cache} (once; not a dependency of parity)…`);
    const npm = spawnSync('npm', ['install', '--prefix', cache, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '@duckdb/node-api'], { encoding: 'utf8' });
    if (npm.status !== 0) {
      console.log(`DuckDB not available (npm install failed): ${npm.stderr.trim().split('\n').pop()}`);
      return null;
    }
  }
  return cache;
}

function duckdb(home, file) {
  return child(`
    import { createRequire } from 'node:module';
    const t0 = performance.now();
    const require = createRequire(${JSON.stringify(join(home, 'package.json'))});
    const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));
    const db = await DuckDBInstance.create(':memory:', { threads: '2' });
    const connection = await db.connect();
    const reader = await connection.runAndReadAll(\`
      SELECT channel, count(*) AS tickets,
             median(epoch(first_response_at) - epoch(created_at)) AS median_s,
             quantile_cont(epoch(first_response_at) - epoch(created_at), 0.9) AS p90_s
      FROM read_csv(${JSON.stringify(file).replace(/"/g, "'")}, header = true, auto_detect = true)
      GROUP BY channel ORDER BY channel\`);
    const rows = reader.getRows().length;
    const ms = performance.now() - t0;
    const extra = { groups: rows };
    ${usage}
  `);
}

// ---------------------------------------------------------------- start-up
/** Wall milliseconds of one process run. */
function timed(args) {
  const t0 = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return wall;
}

function startup() {
  const runs = Math.max(3, Number(process.env.BENCH_STARTUP ?? 15));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const measure = (args) => median(Array.from({ length: runs }, () => timed(args)));
  const bare = measure(['-e', '0']);
  const version = measure([join(root, 'bin', 'parity.js'), '--version']);
  const small = measure([join(root, 'bin', 'parity.js'), 'audit', join(root, 'fixtures', 'small.csv'), '--quiet', '--format', 'json', '-o', '/dev/null']);
  console.log(`start-up (median of ${runs}, wall ms): node -e 0 ${bare.toFixed(0)}, parity --version ${version.toFixed(0)}, parity audit fixtures/small.csv ${small.toFixed(0)} (${(small - bare).toFixed(0)} over bare node)`);
}

// ---------------------------------------------------------------- report
const range = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 1 ? `${sorted[0].toFixed(2)}` : `${sorted[0].toFixed(2)}–${sorted[sorted.length - 1].toFixed(2)}`;
};
const fmtRate = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : `${Math.round(n / 1e3)}k`);

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`);
startup();
const home = duckdbHome();
console.log('| rows | MB | stage | wall s | rows/s | MB/s | CPU s | peak RSS MiB | ÷ DuckDB |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const rows of sizes) {
  const file = join(dir, `export-${rows}.csv`);
  if (!existsSync(file)) await generateExport(rows, file);
  const mb = statSync(file).size / 1e6;
  const runs = { 'read+normalise': [], 'audit --format json': [], duckdb: [] };
  for (let k = 0; k < repeat; k++) {
    runs['read+normalise'].push(readNormalise(file));
    runs['audit --format json'].push(audit(file));
    if (home) runs.duckdb.push(duckdb(home, file));
  }
  const duckBest = runs.duckdb.filter((r) => !r.error).map((r) => r.ms);
  for (const [stage, results] of Object.entries(runs)) {
    if (!results.length) continue;
    const failed = results.find((r) => r.error);
    if (failed) {
      console.log(`| ${rows.toLocaleString('en-US')} | ${mb.toFixed(0)} | ${stage} | failed: ${failed.error.split('\n').filter(Boolean).pop()} | | | | | |`);
      continue;
    }
    const secs = results.map((r) => r.ms / 1000);
    const best = Math.min(...secs);
    const ratio = duckBest.length && stage !== 'duckdb' ? `${(best / (Math.min(...duckBest) / 1000)).toFixed(1)}×` : '';
    console.log(
      `| ${rows.toLocaleString('en-US')} | ${mb.toFixed(0)} | ${stage} | ${range(secs)} | ${fmtRate(rows / best)} | ${(mb / best).toFixed(0)} | ` +
        `${range(results.map((r) => r.cpuMs / 1000))} | ${Math.max(...results.map((r) => r.maxRssMb)).toFixed(0)} | ${ratio} |`,
    );
  }
  if (!process.env.BENCH_KEEP) rmSync(file);
}
