/**
 * Files and folders that exist only while the run does — a report or rejects file being written
 * (write/outputs.ts), DuckDB's spill folder (read/engines/duckdb.ts) — listed so that the CLI
 * removes them when it is stopped by a signal (cli.ts). Each owner removes its own on the way
 * out as usual and then lets go of it here. Likewise DuckDB's own process
 * (read/engines/duckdbProcess.ts), stopped before its spill folder is removed, so that it
 * cannot write there again.
 */
import { rmSync } from 'node:fs';

const held = new Set<string>();
const processes = new Set<{ kill(signal: 'SIGKILL'): boolean }>();

/** A process of the run's to stop if the run is stopped before its owner lets it go. */
export function holdProcess(child: { kill(signal: 'SIGKILL'): boolean }): void {
  processes.add(child);
}

/** The process has ended (or its owner ends it). */
export function releaseProcess(child: { kill(signal: 'SIGKILL'): boolean }): void {
  processes.delete(child);
}

/** A path to remove if the run is stopped before its owner lets go of it. */
export function holdTemporary(path: string): void {
  held.add(path);
}

/** The owner has removed (or kept, renamed) the path itself. */
export function releaseTemporary(path: string): void {
  held.delete(path);
}

/** Stops every process still held, then removes every path still held (a folder with its contents). Synchronous: called while the process stops. */
export function removeTemporaries(): void {
  for (const child of processes) child.kill('SIGKILL');
  processes.clear();
  for (const path of held) {
    try {
      // (retried: a process just stopped above may have been creating a file there)
      rmSync(path, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    } catch {
      // nothing more can be done while stopping (a file still open on Windows stays)
    }
  }
  held.clear();
}
