// Benchmark of the read limits (not a timed unit test): hostile inputs that once took gigabytes
// and minutes, each audited by the built CLI in a child process; prints exit code, wall time,
// peak memory (max RSS) and the first line of the message. Inputs are generated in the OS temp
// folder and deleted afterwards.
//
//   npm run bench:limits                 # gzip bomb of 1 GiB, 200 MB NDJSON line, 300 MB JSON array
//   npm run bench:limits -- --bomb-gib 8 # the 8 GiB bomb of the original report (slow to make)
import { createWriteStream, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const BOMB_GIB = arg('--bomb-gib', 1);
const work = mkdtempSync(join(tmpdir(), 'parity-limits-'));
const MiB = 1024 * 1024;

async function writeChunks(path, chunks, gzip = false) {
  const file = createWriteStream(path);
  const sink = gzip ? createGzip({ level: 9 }) : file;
  if (gzip) sink.pipe(file);
  for (const chunk of chunks()) if (!sink.write(chunk)) await once(sink, 'drain');
  sink.end();
  await once(file, 'close');
}

function* repeat(chunk, times, head = '', tail = '') {
  if (head) yield Buffer.from(head);
  for (let k = 0; k < times; k++) yield chunk;
  if (tail) yield Buffer.from(tail);
}

const cases = [];

const bomb = join(work, 'bomb.csv.gz');
await writeChunks(bomb, () => repeat(Buffer.alloc(16 * MiB, 'A'), BOMB_GIB * 64), true);
cases.push({ name: `gzip bomb (${(statSync(bomb).size / MiB).toFixed(1)} MiB → ${BOMB_GIB} GiB of "A", no line break)`, file: bomb });

cases.push({ name: '/dev/zero', file: '/dev/zero' });

const ndjson = join(work, 'line.ndjson');
await writeChunks(ndjson, () => repeat(Buffer.alloc(MiB, 'x'), 200, '{"id":"T1","channel":"phone","created_at":"2026-10-01T09:00:00Z"}\n{"id":"T2","text":"', '"}\n'));
cases.push({ name: 'NDJSON with a 200 MB line', file: ndjson });

const array = join(work, 'array.json');
const element = Buffer.from(`{"id":"T","channel":"phone","created_at":"2026-10-01T09:00:00Z","subject":"${'s'.repeat(930)}"},\n`);
await writeChunks(array, () => repeat(element, Math.ceil((300 * MiB) / element.length), '[\n', '{"id":"last","channel":"phone","created_at":"2026-10-01T09:00:00Z"}\n]\n'));
cases.push({ name: `JSON array of ${(statSync(array).size / MiB).toFixed(0)} MiB`, file: array });

const deep = join(work, 'deep.json');
writeFileSync(deep, `${'{"a":'.repeat(4000)}1${'}'.repeat(4000)}\n`);
cases.push({ name: 'JSON nested 4,000 deep', file: deep });

for (const c of cases) {
  const script = `
    const { main } = await import(${JSON.stringify(join(root, 'dist', 'cli.js'))});
    const t0 = process.hrtime.bigint();
    const code = await main(['audit', ${JSON.stringify(c.file)}, '--format', 'json', '-o', '/dev/null', '--quiet']);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    process.stderr.write('\\n' + JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\\n');
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 * MiB });
  const lines = child.stderr.trim().split('\n');
  try {
    const { code, ms, maxRssMb } = JSON.parse(lines.pop() ?? '');
    const message = lines.find((l) => l.startsWith('parity:')) ?? '';
    console.log(`${c.name}: exit ${code}, ${(ms / 1000).toFixed(2)} s, max RSS ${maxRssMb.toFixed(0)} MB\n  ${message.slice(0, 160)}`);
  } catch {
    console.log(`${c.name}: failed\n${child.stderr.slice(0, 2000)}`);
    process.exitCode = 1;
  }
}
rmSync(work, { recursive: true, force: true });
