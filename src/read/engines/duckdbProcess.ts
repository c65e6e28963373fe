/**
 * DuckDB in a process of its own beside parity's, as a database server would be: DuckDB's
 * working memory (up to --duckdb-memory, and what DuckDB holds beyond its limit) is that
 * process's, and parity's process holds the count table it judges — bounded by the count table,
 * not by the rows, as with Postgres or ClickHouse. Measured on 50M tickets in Parquet: DuckDB in
 * parity's process peaked at 979 MiB with a 512 MB limit; see README "Where your tickets live".
 * A crash or an abort inside DuckDB's native code ends its process, not parity's: the run
 * stops with a message instead of a core dump.
 *
 * The connection is the same EngineConnection (connection.ts) over Node's IPC channel
 * (duckdbProtocol.ts; duckdbHost.ts answers): sample and count queries go there, the count
 * table's series come back as typed arrays, one chunk of DuckDB's stream at a time, and are
 * handed to the sink as they arrive. Parity's process makes and removes the folder DuckDB spills
 * to, so a Ctrl-C or DuckDB's process killed leaves nothing behind.
 *
 * Where DuckDB's process cannot be started (parity run from its sources without a build, or
 * the system refuses a process) DuckDB runs in parity's process, with the same results
 * (duckdb.ts); `PARITY_WORKERS=never` asks for that too.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { ParityError } from '../../errors.js';
import { holdProcess, holdTemporary, releaseProcess, releaseTemporary } from '../../temporaries.js';
import { workerBundle } from '../../threads.js';
import type { FlatCountSeries } from '../../measure/counts.js';
import type { EngineConnection, SourceSample } from './connection.js';
import { connectDuckDB, DUCKDB_MEMORY, spillFolder } from './duckdb.js';
import { received, type HostReply, type HostRequest } from './duckdbProtocol.js';

/** DuckDB in its own process (in parity's when none can be started: the header). */
export async function connectDuckDBAside(label: string, timeZone: string, memory = DUCKDB_MEMORY, host = workerBundle('duckdbHost')): Promise<EngineConnection> {
  if (host === null) return connectDuckDB(label, timeZone, memory);
  const spill = await spillFolder();
  // removed by close(), or by the CLI when a signal stops the run: it may hold gigabytes
  holdTemporary(spill);
  const removeSpill = async (): Promise<void> => {
    // (retried: DuckDB's process, just stopped, may have been creating a file there)
    await rm(spill, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 }).catch(() => undefined);
    releaseTemporary(spill);
  };
  let child: ChildProcess;
  try {
    // no node options of parity's (the launcher's larger young generation is for reading rows),
    // nor NODE_OPTIONS (an --inspect there would clash on the debugger's port or wait for a
    // debugger; a --require hook would run again); stdout and stderr not inherited: nothing of
    // DuckDB's reaches the terminal except as parity says it
    const { NODE_OPTIONS: _options, ...env } = process.env;
    child = fork(host, [], { serialization: 'advanced', execArgv: [], env, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  } catch {
    await removeSpill();
    return connectDuckDB(label, timeZone, memory);
  }
  const channel = new Channel(child, memory, label);
  try {
    await channel.ask({ op: 'open', label, timeZone, memory, spill });
  } catch (error) {
    await channel.end();
    await removeSpill();
    // the process never started (the system refused it), or ended before it could answer at all
    // (its code could not be loaded): DuckDB in parity's process instead, which says DuckDB's own
    // error if there is one. A signal (a crash inside DuckDB) or DuckDB's error is the run's.
    if (error instanceof NotStarted || (error instanceof Stopped && error.signal === null)) return connectDuckDB(label, timeZone, memory);
    throw error;
  }
  return {
    dialect: 'duckdb',
    label,
    async sample(source, n) {
      return (await channel.ask({ op: 'sample', source, n })).sample as SourceSample;
    },
    async countSeries(sql, sink) {
      await channel.ask({ op: 'count', sql }, sink);
    },
    async close() {
      await channel.end();
      await removeSpill();
    },
  };
}

/** The process could not be started at all (fork's 'error' before it ran). */
class NotStarted extends Error {}

/** DuckDB's process ended while parity waited for it (the message says how, and what to do). */
class Stopped extends ParityError {
  constructor(
    message: string,
    hint: string,
    readonly signal: NodeJS.Signals | null,
    file: string,
  ) {
    super(message, { hint, location: { file } });
  }
}

interface Pending {
  id: number;
  resolve: (reply: Extract<HostReply, { type: 'done' }>) => void;
  reject: (error: Error) => void;
  sink?: ((series: FlatCountSeries) => void) | undefined;
}

/** One request at a time to DuckDB's process, its replies matched to it; the process's end fails what is pending. */
class Channel {
  private next = 0;
  private pending: Pending | null = null;
  private gone: Error | null = null;
  private started = false;
  /** Set by end(): the process's exit is then parity's doing, not a failure to report. */
  private closing = false;
  private readonly exited: Promise<void>;

  constructor(
    private readonly child: ChildProcess,
    private readonly memory: string,
    /** The files DuckDB reads, named by the error when its process stops. */
    private readonly label: string,
  ) {
    // stopped first when a signal stops the run (temporaries.ts), then its spill folder removed
    holdProcess(child);
    child.on('spawn', () => {
      this.started = true;
    });
    child.on('message', (reply: HostReply) => this.receive(reply));
    // after the start, a failed send is followed by the process's exit, which says what happened
    child.on('error', (error) => {
      if (this.started) return;
      releaseProcess(child);
      this.fail(new NotStarted(error.message));
    });
    this.exited = new Promise((done) => {
      child.on('exit', (code, signal) => {
        releaseProcess(child);
        const error = this.closing ? new Error("DuckDB's process was closed") : stopped(code, signal, this.memory, this.label);
        // A signal a terminal or a supervisor sends to the whole process group (SIGTERM, SIGHUP)
        // reaches parity's process too: its own handler ends the run as a stop (exit 143, 129),
        // so the failure waits a moment instead of racing it with an error message.
        if (!this.closing && (signal === 'SIGTERM' || signal === 'SIGHUP')) setTimeout(() => this.fail(error), 250);
        else this.fail(error);
        done();
      });
    });
  }

  ask(request: DistributiveOmit<HostRequest, 'id'>, sink?: (series: FlatCountSeries) => void): Promise<Extract<HostReply, { type: 'done' }>> {
    if (this.gone) return Promise.reject(this.gone);
    if (this.pending) return Promise.reject(new Error("DuckDB's process was asked two things at once"));
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject, sink };
      try {
        this.child.send({ ...request, id } as HostRequest);
      } catch (error) {
        this.pending = null;
        reject(error as Error);
      }
    });
  }

  private receive(reply: HostReply): void {
    const pending = this.pending;
    if (!pending || reply.id !== pending.id) return;
    try {
      if (reply.type === 'series') {
        for (const series of reply.list) pending.sink?.(series);
        return;
      }
    } catch (error) {
      // the sink refused a series (a count table parity cannot take): the query's error; the rest of its stream is ignored
      this.pending = null;
      pending.reject(error as Error);
      return;
    }
    this.pending = null;
    if (reply.type === 'error') pending.reject(received(reply.error));
    else pending.resolve(reply);
  }

  private fail(error: Error): void {
    if (this.gone) return;
    this.gone = error;
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }

  /** Lets DuckDB's process go (it exits when the channel closes) and waits for it to be gone. */
  async end(): Promise<void> {
    this.closing = true;
    // a process the system refused still has the channel fork opened for it
    if (!this.started && this.child.connected) this.child.disconnect();
    if (this.started && this.child.exitCode === null && this.child.signalCode === null) {
      if (this.child.connected) this.child.disconnect();
      // a process that does not go within a few seconds (DuckDB busy in native code) is stopped
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      await this.exited;
      clearTimeout(timer);
    }
    this.gone ??= new Error("DuckDB's process was closed");
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** DuckDB's process ended while parity waited for it. */
function stopped(code: number | null, signal: NodeJS.Signals | null, memory: string, file: string): Stopped {
  const how = signal ? `was stopped by ${signal}` : `stopped (exit code ${code ?? 'unknown'})`;
  const killed = signal === 'SIGKILL';
  return new Stopped(
    `DuckDB's process ${how} before it answered`,
    killed
      ? `the system stops a process that takes more memory than there is: give DuckDB less working memory than ${memory} (--duckdb-memory) so that it spills to disk sooner, or free memory`
      : 'run it again; if it stops again, run it with PARITY_WORKERS=never (DuckDB in parity\'s process) to see DuckDB\'s own error',
    signal,
    file,
  );
}
