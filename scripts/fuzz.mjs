// Fuzzing (not part of the unit suite): seeded mutations of the fixtures, each audited by the
// built CLI in a child process. Every run must end with exit 0, 1 or 2, within the time limit,
// without a stack trace or "internal error", and with no control character (other than line
// feed and tab) and no line starting with "::" in stdout or stderr.
//
//   npm run fuzz                         # 200 runs, seed 1
//   npm run fuzz -- --runs 500 --seed 7  # more, another seed
//
// A failing input is kept in the OS temp folder and its path printed; exit 1 when any failed.
import { rng } from './generate.mjs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'parity.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 200);
const SEED = arg('--seed', 1);
const TIME_LIMIT_MS = arg('--time-limit', 30_000);
const PARALLEL = arg('--parallel', 2);

function fixtures(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    if (info.isDirectory()) out.push(...fixtures(path));
    else if (info.size < 2_000_000 && /\.(csv|tsv|json|ndjson|gz)$/.test(name)) out.push(path);
  }
  return out;
}

const HOSTILE = ['\u001b[2J', '\u001b]0;pwned\u0007', '\n::error title=x::y\n', '\r', '\u0000', '\u202e', '\u2028', '\u0085', '"', '""', ',', ';', '\t', '{', '[', '＝HYPERLINK("x")', '@everyone', 'http://x/<img src=x>', '9'.repeat(400), '-1', '1e400', 'NaN', '2026-02-31', '\uFEFF', '\u00ff\u00fe'];
const FORMATS = ['table', 'json', 'markdown', 'html', 'csv', 'junit'];

function mutate(bytes, rand) {
  let buf = Buffer.from(bytes);
  const steps = 1 + Math.floor(rand() * 4);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(rand() * Math.max(buf.length, 1));
    switch (Math.floor(rand() * 7)) {
      case 0: // flip a byte
        if (buf.length) buf[at] = Math.floor(rand() * 256);
        break;
      case 1: { // insert hostile text
        const text = Buffer.from(HOSTILE[Math.floor(rand() * HOSTILE.length)]);
        buf = Buffer.concat([buf.subarray(0, at), text, buf.subarray(at)]);
        break;
      }
      case 2: // delete a range
        buf = Buffer.concat([buf.subarray(0, at), buf.subarray(Math.min(buf.length, at + Math.floor(rand() * 200)))]);
        break;
      case 3: // truncate
        buf = buf.subarray(0, at);
        break;
      case 4: { // duplicate a range
        const end = Math.min(buf.length, at + Math.floor(rand() * 400));
        buf = Buffer.concat([buf.subarray(0, end), buf.subarray(at, end), buf.subarray(end)]);
        break;
      }
      case 5: { // replace a delimiter everywhere
        const from = [',', ';', '\t', '\n', '"'][Math.floor(rand() * 5)];
        const to = [',', ';', '\t', '\r', '"', ''][Math.floor(rand() * 6)];
        buf = Buffer.from(buf.toString('latin1').split(from).join(to), 'latin1');
        break;
      }
      default: { // a long field
        const text = Buffer.alloc(Math.floor(rand() * 100_000), 'A');
        buf = Buffer.concat([buf.subarray(0, at), text, buf.subarray(at)]);
      }
    }
  }
  return buf;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function runOnce(file, format) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [bin, 'audit', file, '--format', format, '--as-of', '2026-12-01T00:00:00Z'], {
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', GITHUB_ACTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIME_LIMIT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

function problems(r) {
  const found = [];
  if (r.signal) found.push(`killed by ${r.signal} (time limit ${TIME_LIMIT_MS} ms)`);
  else if (![0, 1, 2].includes(r.code)) found.push(`exit ${r.code}`);
  if (r.stderr.includes('internal error')) found.push('internal error');
  if (/\n\s+at .+:\d+:\d+/.test(r.stderr)) found.push('stack trace');
  if (CONTROL.test(r.stdout) || CONTROL.test(r.stderr)) found.push('control character in output');
  if (`${r.stdout}\n${r.stderr}`.split('\n').some((l) => l.startsWith('::'))) found.push('line starting with ::');
  return found;
}

const rand = rng(SEED); // generate.mjs's seeded PRNG: a seed reproduces a run
const sources = fixtures(join(root, 'fixtures')).sort();
const work = mkdtempSync(join(tmpdir(), 'parity-fuzz-'));
const jobs = Array.from({ length: RUNS }, (_, k) => {
  const source = sources[Math.floor(rand() * sources.length)];
  const bytes = mutate(readFileSync(source), rand);
  const file = join(work, `${k}${extname(source)}`);
  writeFileSync(file, bytes);
  return { k, source, file, format: FORMATS[Math.floor(rand() * FORMATS.length)] };
});

const tally = { 0: 0, 1: 0, 2: 0 };
const failures = [];
let slowest = 0;
const started = Date.now();
let next = 0;
async function worker() {
  while (next < jobs.length) {
    const job = jobs[next++];
    const r = await runOnce(job.file, job.format);
    slowest = Math.max(slowest, r.ms);
    if (r.code in tally) tally[r.code]++;
    const found = problems(r);
    if (found.length) {
      failures.push({ ...job, found, stderr: r.stderr.slice(0, 400) });
    }
  }
}
await Promise.all(Array.from({ length: PARALLEL }, worker));

console.log(`fuzz: ${RUNS} runs (seed ${SEED}) over ${sources.length} fixtures in ${((Date.now() - started) / 1000).toFixed(0)} s; exit 0: ${tally[0]}, exit 1: ${tally[1]}, exit 2: ${tally[2]}; slowest run ${(slowest / 1000).toFixed(1)} s`);
for (const f of failures) console.log(`FAILED ${f.file} (from ${f.source}, --format ${f.format}): ${f.found.join(', ')}\n  ${f.stderr.split('\n').join('\n  ')}`);
if (failures.length) {
  console.log(`${failures.length} failing input(s) kept in ${work}`);
  process.exitCode = 1;
} else {
  rmSync(work, { recursive: true, force: true });
  console.log('fuzz: no failures');
}
