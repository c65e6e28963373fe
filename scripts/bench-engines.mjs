// Engine bench: the count table of N synthetic tickets computed where they live, and the audit
// of the same source (parity audit on the Parquet file / --db), with parity's CPU and peak memory. `node scripts/bench-engines.mjs [N] [duckdb,postgres,clickhouse]` (default 10M,
// duckdb and postgres; Postgres and ClickHouse from scripts/services.sh, or PARITY_PG_URL /
// PARITY_CH_URL / PARITY_CH2_URL). Needs `npm run build`.
//
// Tickets: 5 channels, 3 categories × 3 priorities, created over 300 days (whole seconds);
// first responses after an exponential wait (mean 1–5 h by channel), 3% never answered;
// resolutions after 0–10 days; tickets of the last 7 days still open. Generated inside each
// engine (generate_series / range / numbers), so the load is not what is measured.
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const N = Number(process.argv[2] ?? 10_000_000);
const engines = (process.argv[3] ?? 'duckdb,postgres').split(',');
const PG_URL = process.env.PARITY_PG_URL ?? 'postgresql://postgres@127.0.0.1:54329/postgres';
const CH_URL = process.env.PARITY_CH_URL ?? 'http://127.0.0.1:18123';
const CH2_URL = process.env.PARITY_CH2_URL ?? 'http://127.0.0.1:18124';
const AS_OF = '2026-10-28T00:00:00Z';
const bin = new URL('../bin/parity.js', import.meta.url).pathname;

/**
 * Runs `parity <command> …` in a child: wall seconds, CPU seconds (user + system of parity and
 * DuckDB's process, GNU time's %U %S) and peak RSS per process: `rssMiB`, parity's own (the
 * launcher's child that judges, the largest of parity's processes), and `duckdbMiB`, DuckDB's
 * process beside it (src/read/engines/duckdbProcess.ts; 0 for the servers). Each process's
 * high-water mark (VmHWM) is read from /proc every 100 ms while it runs; GNU time's %M alone
 * would give the largest of them, whichever that is.
 */
async function parityRun(command, args) {
  const started = process.hrtime.bigint();
  const child = spawn('/usr/bin/time', ['-f', '%U %S %M', process.execPath, bin, command, '--as-of', AS_OF, '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  const peaks = { parity: 0, duckdb: 0 };
  const sample = () => {
    for (const [pid, hwm] of descendants(child.pid)) {
      const role = hwm.cmd.includes('duckdbHost') ? 'duckdb' : hwm.cmd.includes('parity') ? 'parity' : null;
      if (role) peaks[role] = Math.max(peaks[role], hwm.kib);
      void pid;
    }
  };
  const timer = setInterval(sample, 100);
  const status = await new Promise((done) => child.on('close', (code) => done(code)));
  clearInterval(timer);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (status !== 0 && !(command === 'audit' && status === 1)) throw new Error(stderr);
  const [user, sys] = stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, cpu: user + sys, rssMiB: peaks.parity / 1024, duckdbMiB: peaks.duckdb / 1024, stdout };
}

/** The processes below `root` (from /proc), each with its command line and VmHWM in KiB. */
function descendants(root) {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out = [];
  const below = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parent) if (below.has(ppid) && !below.has(pid)) (below.add(pid), (grew = true));
  }
  for (const pid of below) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      out.push([pid, { kib, cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8') }]);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** `parity counts` into a file (duration cells counted from it), then `parity audit` of the same source. */
async function countsRun(args) {
  const dir = mkdtempSync(join(tmpdir(), 'parity-bench-counts-'));
  const file = join(dir, 'counts.csv');
  const counts = await parityRun('counts', [...args, '-o', file]);
  let cells = 0;
  for await (const line of createInterface({ input: createReadStream(file) })) if (/^(channel|bandChannel),/.test(line) && !line.includes(',tickets,')) cells++;
  rmSync(dir, { recursive: true, force: true });
  const audit = await parityRun('audit', [...args, '--format', 'json', '-o', '/dev/null']);
  return { seconds: counts.seconds, rssMiB: counts.rssMiB, duckdbMiB: counts.duckdbMiB, cells, audit };
}

const results = {
  header: false,
  /** Prints each engine's line as soon as it is measured (a long run shows what it has). */
  push(r) {
    if (!this.header) {
      console.log("| engine | tickets | duration cells | parity counts: wall s / peak RSS MiB (DuckDB's process) | parity audit: wall s / CPU s / peak RSS MiB (DuckDB's process) |");
      console.log('| --- | ---: | ---: | ---: | ---: |');
      this.header = true;
    }
    const a = r.audit;
    const duck = (mib) => (mib > 0 ? ` (${mib.toFixed(0)})` : '');
    console.log(`| ${r.engine} | ${r.rows.toLocaleString('en-US')} | ${r.cells.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} / ${r.rssMiB.toFixed(0)}${duck(r.duckdbMiB)} | ${a.seconds.toFixed(1)} / ${a.cpu.toFixed(1)} / ${a.rssMiB.toFixed(0)}${duck(a.duckdbMiB)} |`);
  },
};

if (engines.includes('duckdb')) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const dir = mkdtempSync(join(tmpdir(), 'parity-bench-'));
  const file = join(dir, 'tickets.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const t0 = Date.now();
  await c.run(`COPY (
    SELECT 'T' || i AS ticket_id,
      ['Phone','Email','Web form','Twitter','Live chat'][1 + i % 5] AS channel,
      created AS created_at,
      CASE WHEN random() < 0.97 THEN created + to_seconds(CAST(floor(-ln(1 - random()) * 3600 * (1 + i % 5)) AS BIGINT)) END AS first_response_at,
      CASE WHEN created < TIMESTAMPTZ '2026-10-21 00:00:00+00' THEN created + to_seconds(CAST(floor(random() * 864000) AS BIGINT)) END AS resolved_at,
      CASE WHEN created < TIMESTAMPTZ '2026-10-21 00:00:00+00' THEN 'solved' ELSE 'open' END AS status,
      ['low','normal','high'][1 + i % 3] AS priority,
      ['Billing','Technical','Account'][1 + (i // 7) % 3] AS category,
      CAST(floor(random() * 1000000) AS BIGINT) AS follower_count
    FROM (SELECT i, TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_seconds(CAST(floor(random() * 300 * 86400) AS BIGINT)) AS created FROM range(${N}) t(i))
  ) TO '${file}' (FORMAT parquet)`);
  c.closeSync();
  // BENCH_DUCKDB_MEMORY=8GB: DuckDB's working memory inside parity (--duckdb-memory; default 1GB, too little at 50M)
  const r = await countsRun([file, ...(process.env.BENCH_DUCKDB_MEMORY ? ['--duckdb-memory', process.env.BENCH_DUCKDB_MEMORY] : [])]);
  results.push({ engine: 'duckdb (parquet)', rows: N, load: (Date.now() - t0) / 1000, ...r });
  rmSync(dir, { recursive: true, force: true });
}

if (engines.includes('postgres')) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  const t0 = Date.now();
  await client.query('DROP TABLE IF EXISTS bench_tickets');
  await client.query(`CREATE UNLOGGED TABLE bench_tickets AS
    SELECT 'T' || i AS ticket_id,
      (ARRAY['Phone','Email','Web form','Twitter','Live chat'])[1 + i % 5] AS channel,
      created AS created_at,
      CASE WHEN random() < 0.97 THEN created + floor(-ln(1 - random()) * 3600 * (1 + i % 5)) * interval '1 second' END AS first_response_at,
      CASE WHEN created < timestamptz '2026-10-21 00:00:00+00' THEN created + floor(random() * 864000) * interval '1 second' END AS resolved_at,
      CASE WHEN created < timestamptz '2026-10-21 00:00:00+00' THEN 'solved' ELSE 'open' END AS status,
      (ARRAY['low','normal','high'])[1 + i % 3] AS priority,
      (ARRAY['Billing','Technical','Account'])[1 + (i / 7) % 3] AS category,
      floor(random() * 1000000)::bigint AS follower_count
    FROM (SELECT i, timestamptz '2026-01-01 00:00:00+00' + floor(random() * 300 * 86400) * interval '1 second' AS created FROM generate_series(1, ${N}) i) s`);
  await client.query('ANALYZE bench_tickets');
  await client.end();
  const r = await countsRun(['--db', PG_URL, '--table', 'bench_tickets']);
  results.push({ engine: 'postgres', rows: N, load: (Date.now() - t0) / 1000 - r.seconds - r.audit.seconds, ...r });
}

if (engines.includes('clickhouse')) {
  const { createClient } = await import('@clickhouse/client');
  const clients = [createClient({ url: CH_URL, request_timeout: 3_600_000 }), createClient({ url: CH2_URL, request_timeout: 3_600_000 })];
  const t0 = Date.now();
  const columns = 'ticket_id String, channel String, created_at DateTime, first_response_at Nullable(DateTime), resolved_at Nullable(DateTime), status String, priority String, category String, follower_count Int64';
  for (const [shard, client] of clients.entries()) {
    await client.command({ query: 'DROP TABLE IF EXISTS bench_local' });
    await client.command({ query: `CREATE TABLE bench_local (${columns}) ENGINE = MergeTree ORDER BY created_at` });
    await client.command({ query: `INSERT INTO bench_local SELECT
        concat('T', toString(i)), ['Phone','Email','Web form','Twitter','Live chat'][1 + i % 5], created,
        if(rand() % 100 < 97, toNullable(created + toUInt32(-log(1 - rand() / 4294967296) * 3600 * (1 + i % 5))), NULL),
        if(created < toDateTime('2026-10-21 00:00:00'), toNullable(created + rand() % 864000), NULL),
        if(created < toDateTime('2026-10-21 00:00:00'), 'solved', 'open'),
        ['low','normal','high'][1 + i % 3], ['Billing','Technical','Account'][1 + intDiv(i, 7) % 3], toInt64(rand() % 1000000)
      FROM (SELECT number * 2 + ${shard} AS i, toDateTime('2026-01-01 00:00:00') + rand(1) % (300 * 86400) AS created FROM system.numbers LIMIT ${Math.ceil(N / 2)})`, clickhouse_settings: { max_query_size: '1000000' } });
  }
  await clients[0].command({ query: 'DROP TABLE IF EXISTS bench' });
  await clients[0].command({ query: `CREATE TABLE bench (${columns}) ENGINE = Distributed(parity_shards, default, bench_local)` });
  await Promise.all(clients.map((c) => c.close()));
  const r = await countsRun(['--db', CH_URL, '--table', 'bench']);
  results.push({ engine: 'clickhouse (2 shards)', rows: N, load: (Date.now() - t0) / 1000 - r.seconds - r.audit.seconds, ...r });
}
