// Benchmark: generate an export of N rows (default 1,000,000; `npm run bench -- 200000` for
// fewer), audit it with the built CLI in a child process, and print wall time, rows per second
// and peak memory (max RSS). The generated file is written to the OS temp dir, never committed.
import { createWriteStream, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generate, toCsv } from './generate.mjs';

const rows = Number(process.argv[2] ?? 1_000_000);
const file = join(tmpdir(), `parity-bench-${rows}.csv`);
const root = fileURLToPath(new URL('..', import.meta.url));

const out = createWriteStream(file);
const batch = 100_000;
let written = 0;
for (let seed = 1; written < rows; seed++) {
  const n = Math.min(batch, rows - written);
  const { header, rows: r } = generate({ n, seed, jumpers: 0, speed: { social: { fr: 0.3, res: 1 } } });
  for (const row of r) row[0] = `${row[0]}-${seed}`; // ids unique across batches
  const csv = toCsv({ header, rows: r });
  out.write(written === 0 ? csv : csv.slice(csv.indexOf('\n') + 1));
  written += n;
}
await new Promise((resolve) => out.end(resolve));
const size = statSync(file).size;
console.log(`generated ${rows.toLocaleString('en-US')} rows, ${(size / 1e6).toFixed(1)} MB`);

for (const format of ['json', 'table']) {
  const script = `
    const { main } = await import(${JSON.stringify(join(root, 'dist', 'cli.js'))});
    const t0 = process.hrtime.bigint();
    const code = await main(['audit', ${JSON.stringify(file)}, '--format', '${format}', '-o', '/dev/null', '--quiet']);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    process.stderr.write(JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\\n');
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  const line = child.stderr.trim().split('\n').pop() ?? '';
  try {
    const { code, ms, maxRssMb } = JSON.parse(line);
    console.log(`audit --format ${format}: exit ${code}, ${(ms / 1000).toFixed(2)} s, ${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s, max RSS ${maxRssMb.toFixed(0)} MB`);
  } catch {
    console.log(`audit --format ${format} failed:\n${child.stderr}`);
    process.exitCode = 1;
  }
}
unlinkSync(file);
