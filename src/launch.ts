/**
 * The launcher bin/parity.js runs first: for a large input it starts parity again with a larger
 * young generation for V8's garbage collector, because no setting made from inside a running
 * process changes it (`v8.setFlagsFromString` is read at start-up only).
 *
 * Why: reading an export allocates a record and its strings per row, which live until the row
 * is normalised; with Node's default semi-space (16 MiB) the collector runs a scavenge every few
 * thousand rows and promotes rows still in flight into the old generation, which it then marks
 * again and again. Measured on 1M generated rows (2-core machine, shared): 223 collections
 * taking 4.7 s of 18 s of CPU by default, 98 taking 1.8 s of 13.3 s with a 64 MiB semi-space.
 * The price is one more process start (~50 ms), paid only when an input file is large enough
 * for the run to take a second or more (16 MiB, about 110k rows). A shebang with `env -S node --max-semi-space-size=…` would be
 * free but fails where `env` has no -S (BusyBox, common in CI images).
 *
 * The child also asks glibc's allocator for transparent huge pages (`GLIBC_TUNABLES=
 * glibc.malloc.hugetlb=1`, glibc 2.35 and later; ignored by other C libraries, and by kernels
 * without them): the statistics stages write hundreds of megabytes of fresh typed arrays (a tally
 * per group, cell and metric), and with 4 KiB pages that is a page fault per 4 KiB and a TLB miss
 * on nearly every random access. Measured on 1M generated rows (2-core machine, shared, three
 * runs each, interleaved): page faults 150k → 27k, user CPU 7.1–8.4 s → 5.2–6.6 s, peak memory
 * +25 MB. And it fixes the allocator's mmap and trim thresholds at 128 KiB: glibc raises its
 * mmap threshold to the size of each large block freed (up to 32 MiB), after which the judge's
 * typed arrays of a few MiB come from the heap and what is freed there is kept, not returned —
 * peak RSS measured at 10M rows 1,751–1,774 → 1,562–1,569 MiB, at 5M 966 → 882 MiB. It costs
 * system time (a freed block is unmapped, a new one faulted in): at 10M, on the later version,
 * 1,412–1,487 → 1,365–1,371 MiB for 1.5–2.4 s more system time, CPU 48.4–48.5 → 49.7–56.6 s
 * (two runs each, interleaved). A value the user already gave for any of these tunables is kept
 * (set them to take the time back).
 *
 * A run that counts where the tickets live (`--db`, `--engine duckdb`, Parquet, a large
 * `--counts` file) gets a child too, on Linux, with Node's default heap and only the two thresholds: what it holds is
 * packed counts, and the freed stream buffers glibc kept were a sixth of its peak (see
 * COUNT_TUNABLES).
 *
 * Only process handling here: the child inherits stdin, stdout and stderr (a terminal stays a
 * terminal), its exit code is parity's, and a signal that ends it ends the launcher the same way.
 */
import { fstatSync, statSync } from 'node:fs';

/** Semi-space size in MiB for large inputs (the young generation is about three of them). */
export const SEMI_SPACE_MB = 64;
/** An input file at least this large (compressed: a quarter of it) gets the larger young generation. */
export const LARGE_INPUT_BYTES = 16 * 2 ** 20;
/** Set in the child so it never starts another. */
const MARK = 'PARITY_LAUNCHED';

/**
 * glibc tunables for the child (see the header): huge pages for large allocations, and large
 * allocations always mapped and returned to the system when freed.
 */
const CHILD_TUNABLES = ['glibc.malloc.hugetlb=1', 'glibc.malloc.mmap_threshold=131072', 'glibc.malloc.trim_threshold=131072'];
/**
 * A run that counts elsewhere gets the thresholds only: its peak is a few hundred MiB of packed
 * counts, read while the stream's buffers come and go; without fixed thresholds glibc kept
 * ~50 MiB of freed blocks (`parity audit --counts` of a 50M-ticket table); huge pages would add
 * back what they cost in memory, with little to save in page faults.
 */
const COUNT_TUNABLES = CHILD_TUNABLES.filter((t) => !t.startsWith('glibc.malloc.hugetlb='));

/**
 * How a run is tuned: `tickets` — an export read into parity's heap, the larger young generation
 * and every tunable; `counts` — counted where the tickets live (an engine, Parquet, a count table
 * file), default heap and the allocator's thresholds; null — run here as it is.
 */
export type Tuning = 'tickets' | 'counts';

/** The environment variables glibc also reads for a tunable (a tunable in GLIBC_TUNABLES would override them). */
const ENV_ALIASES: Record<string, string> = {
  'glibc.malloc.mmap_threshold': 'MALLOC_MMAP_THRESHOLD_',
  'glibc.malloc.trim_threshold': 'MALLOC_TRIM_THRESHOLD_',
};

/**
 * The child's GLIBC_TUNABLES: the user's own, with each of CHILD_TUNABLES added unless they set
 * that tunable themselves — in GLIBC_TUNABLES or through glibc's older variable for it
 * (`MALLOC_TRIM_THRESHOLD_=0`), which a tunable of ours would silently override.
 */
export function childTunables(given: string | undefined, env: NodeJS.ProcessEnv = {}, tuning: Tuning = 'tickets'): string {
  const own = given ? given.split(':').filter((t) => t !== '') : [];
  const set = new Set(own.map((t) => t.split('=')[0]));
  for (const [name, variable] of Object.entries(ENV_ALIASES)) if (env[variable] !== undefined) set.add(name);
  return [...own, ...(tuning === 'tickets' ? CHILD_TUNABLES : COUNT_TUNABLES).filter((t) => !set.has(t.split('=')[0]))].join(':');
}

/** Whether `path` is a file of at least LARGE_INPUT_BYTES (a quarter of that gzipped); `-` is standard input. */
function largeFile(path: string): boolean {
  try {
    // `-` is standard input: redirected from a file (`parity audit - < export.csv`) it has a size
    const stat = path === '-' ? fstatSync(0) : statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile()) return false;
    return stat.size >= (/\.gz$/i.test(path) ? LARGE_INPUT_BYTES / 4 : LARGE_INPUT_BYTES);
  } catch {
    return false; // not a path we can look at: the command itself will say what is wrong
  }
}

/**
 * How `args` want to be run ({@link Tuning}): an input file large enough to take a second or
 * more of reading gets a tuned process; so does, on Linux (the thresholds are glibc's), a run
 * counted where the tickets live (`--db`, `--engine duckdb`, a Parquet file: the size of its
 * count table is known only at the end, and a process start is small beside a query) and a
 * large `--counts` file. A database named only in the config file is not seen here.
 */
export function tuningFor(args: readonly string[], execArgv: readonly string[], env: NodeJS.ProcessEnv): Tuning | null {
  if (env[MARK] === '1') return null;
  // Node's own options decide: a semi-space already chosen, or a debugger (a second process
  // could not bind the inspector's port).
  const nodeOptions = [...execArgv, ...(env['NODE_OPTIONS'] ?? '').split(/\s+/)];
  if (nodeOptions.some((a) => a.startsWith('--max-semi-space-size') || a.startsWith('--inspect'))) return null;
  // Counted where the tickets live (a database, DuckDB, a count table): parity's heap holds
  // counts only. The thresholds are glibc's: elsewhere such a run stays in this process.
  const counted = (tuning: Tuning | null): Tuning | null => (process.platform === 'linux' ? tuning : null);
  if (args.some((a) => /^--db(=|$)/.test(a)) || optionValue(args, '--engine') === 'duckdb') return counted('counts');
  const at = args.findIndex((a) => /^--counts(=|$)/.test(a));
  if (at >= 0) {
    const path = optionValue(args, '--counts');
    return counted(path !== undefined && largeFile(path) ? 'counts' : null);
  }
  let parquet = false;
  for (const arg of args) {
    if (arg.startsWith('-') && arg !== '-') continue;
    if (/\.parquet$/i.test(arg)) {
      parquet = true; // read by DuckDB, not by parity's heap
      continue;
    }
    if (largeFile(arg)) return 'tickets';
  }
  return counted(parquet ? 'counts' : null);
}

/** The value of an option given as `--name value` or `--name=value` (the first one). */
function optionValue(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === name) return args[i + 1];
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

/** The node options of a tuned child. */
export function childNodeOptions(tuning: Tuning): string[] {
  return tuning === 'tickets' ? [`--max-semi-space-size=${SEMI_SPACE_MB}`] : [];
}

/**
 * Runs parity (`entry`) in a child node tuned as `tuning` says; resolves with its exit code. A
 * signal that stopped the child is sent on to this process after the child is gone.
 */
export async function runTuned(entry: string, args: readonly string[], tuning: Tuning = 'tickets'): Promise<number> {
  // loaded here: `parity --version` and small runs never start a child
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...childNodeOptions(tuning), ...process.execArgv, entry, ...args], {
      // a channel that closes when the launcher goes, however it goes: the child then ends too (cli.ts)
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, [MARK]: '1', GLIBC_TUNABLES: childTunables(process.env['GLIBC_TUNABLES'], process.env, tuning) },
    });
    // A signal to the launcher goes on to the child, which handles it as any run does
    // (temporary files removed, exit 130/143/129); the launcher then ends as the child did.
    // (Ctrl-C in a terminal reaches both: the child's handler runs once either way.)
    const forward = (signal: NodeJS.Signals): void => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    for (const signal of signals) process.on(signal, forward);
    child.on('error', () => resolve(-1));
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      if (signal) {
        process.kill(process.pid, signal);
        return;
      }
      resolve(code ?? 2);
    });
  });
}
