/**
 * The progress line of a long read, for a terminal (cli.ts shows it only on a TTY and never with
 * --quiet): bytes read of the file's size, rows, rows per second and the time left. Nothing is
 * shown during the first second, so short runs print nothing at all.
 */

/** Bytes read so far and the file size when known (see read/record.ts `CsvSource.position`). */
export interface ReadPosition {
  readonly bytesRead: number;
  readonly totalBytes: number | null;
}

/** Seconds before the first progress line. */
const QUIET_SECONDS = 1;

/** `12.3 MB`, `1.2 GB`. */
function megabytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** `1.2M`, `830k`, `950`. */
function rate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)}M`;
  if (perSecond >= 1e3) return `${Math.round(perSecond / 1e3)}k`;
  return String(Math.round(perSecond));
}

/** `45 s`, `3 min`. */
function duration(seconds: number): string {
  return seconds < 90 ? `${Math.max(1, Math.round(seconds))} s` : `${Math.round(seconds / 60)} min`;
}

/**
 * The progress line for `rows` read from `file` after `elapsedSeconds`, or null while it is
 * too early to show one.
 */
export function progressLine(file: string, rows: number, elapsedSeconds: number, position?: ReadPosition): string | null {
  if (elapsedSeconds < QUIET_SECONDS) return null;
  const parts = [`${rows.toLocaleString('en-US')} rows`, `${rate(rows / elapsedSeconds)} rows/s`];
  if (position && position.totalBytes && position.bytesRead > 0) {
    const share = Math.min(1, position.bytesRead / position.totalBytes);
    const left = (elapsedSeconds * (1 - share)) / share;
    parts.unshift(`${Math.floor(share * 100)}% (${megabytes(position.bytesRead)} of ${megabytes(position.totalBytes)})`);
    parts.push(`~${duration(left)} left`);
  }
  return `parity: reading ${file}: ${parts.join(', ')}`;
}

/** A progress callback for loadDataset that writes through `show` (ctx.progress). */
export function progressReporter(show: (message: string) => void, now: () => number = () => performance.now()): (rows: number, file: string, position?: ReadPosition) => void {
  return progressReporters(show, now).onProgress;
}

/** What each statistics stage is doing, as its progress line says. */
const STAGE_WORDS: Record<'measure' | 'judge', string> = {
  measure: 'measuring medians',
  judge: 'judging comparisons',
};

/**
 * Progress callbacks for a whole audit: the reading line (see {@link progressLine}), then a line
 * per statistics stage with the time the reading took. Like the reading line, nothing is shown
 * while the run is under a second old.
 */
export function progressReporters(
  show: (message: string) => void,
  now: () => number = () => performance.now(),
): { onProgress: (rows: number, file: string, position?: ReadPosition) => void; onStage: (stage: 'measure' | 'judge', rowsRead: number) => void } {
  const start = now();
  let readSeconds: number | null = null;
  return {
    onProgress: (rows, file, position) => {
      const line = progressLine(file, rows, (now() - start) / 1000, position);
      if (line) show(line);
    },
    onStage: (stage, rowsRead) => {
      const elapsed = (now() - start) / 1000;
      readSeconds ??= elapsed;
      if (elapsed < QUIET_SECONDS) return;
      // short enough for an 80-column terminal: the line is redrawn in place, so it must not wrap
      show(`parity: ${rowsRead.toLocaleString('en-US')} rows read in ${duration(readSeconds)}; ${STAGE_WORDS[stage]}…`);
    },
  };
}

/**
 * The progress line of a count query where the tickets live: `parity: counting in
 * …ouse.example.com/support: 3 min, 1,234,567 cells so far`; null during its first second.
 */
export function countingLine(source: string, elapsedSeconds: number, cells: number): string | null {
  if (elapsedSeconds < QUIET_SECONDS) return null;
  return `parity: counting in ${shortSource(source)}: ${duration(elapsedSeconds)}${cells > 0 ? `, ${cells.toLocaleString('en-US')} cells` : ''} so far`;
}

/** Characters of a source's name the counting line shows: the line is redrawn in place and must not wrap on an 80-column terminal. */
const SOURCE_CHARS = 28;

/** A source's name cut to its last SOURCE_CHARS characters (the file or table end of it), `…` before. */
function shortSource(source: string): string {
  const chars = [...source];
  return chars.length <= SOURCE_CHARS ? source : `…${chars.slice(chars.length - SOURCE_CHARS + 1).join('')}`;
}

/** Calls `tick` every `ms` until the returned function is called (a timer that does not keep the process alive). */
export type Every = (tick: () => void, ms: number) => () => void;

const everyInterval: Every = (tick, ms) => {
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/**
 * Progress of count queries (read/engines/connection.ts CountingProgress) as a line redrawn
 * every second through `show`, and cleared (`show(null)`) when a query ends.
 */
export function countingReporter(show: (message: string | null) => void, now: () => number = () => performance.now(), every: Every = everyInterval): {
  start(source: string): void;
  cells(received: number): void;
  stop(): void;
} {
  let source = '';
  let started = 0;
  let cells = 0;
  let cancel: (() => void) | null = null;
  const draw = (): void => {
    const line = countingLine(source, (now() - started) / 1000, cells);
    if (line) show(line);
  };
  return {
    start(name) {
      cancel?.();
      source = name;
      started = now();
      cells = 0;
      cancel = every(draw, 1000);
    },
    cells(received) {
      cells = received;
    },
    stop() {
      cancel?.();
      cancel = null;
      show(null);
    },
  };
}
