/**
 * Files and folders that exist only while the run does — a report or rejects file being written
 * (write/outputs.ts), DuckDB's spill folder (read/engines/duckdb.ts) — listed so that the CLI
 * removes them when it is stopped by a signal (cli.ts). Each owner removes its own on the way
 * out as usual and then lets go of it here.
 */
import { rmSync } from 'node:fs';

const held = new Set<string>();

/** A path to remove if the run is stopped before its owner lets go of it. */
export function holdTemporary(path: string): void {
  held.add(path);
}

/** The owner has removed (or kept, renamed) the path itself. */
export function releaseTemporary(path: string): void {
  held.delete(path);
}

/** Removes every path still held (a folder with its contents). Synchronous: called while the process stops. */
export function removeTemporaries(): void {
  for (const path of held) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // nothing more can be done while stopping (a file still open on Windows stays)
    }
  }
  held.clear();
}
