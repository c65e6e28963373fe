/**
 * Files parity writes (the report for -o, the --rejects file, init's config): never over an
 * input, never half-written at their final path, every failure an input/usage error (exit 2)
 * with the reason.
 *
 * - `checkOutputs` runs before any data is read: an output that is the same file as an input,
 *   the config or the baseline (same device and inode, or the same real path for a file that
 *   does not exist yet), or as another output, is refused naming both; so is an output whose
 *   folder is missing or not writable, so a long audit does not end in "permission denied".
 * - `openAtomic`/`writeAtomic` write a temporary file in the same folder and rename it over
 *   the final path only once everything was written, so a reader (a CI job picking up the
 *   report) sees the old file or the whole new one, never a truncated one. A device or pipe
 *   (`/dev/stdout`, `/dev/null`) cannot be replaced by renaming and is written directly.
 * - Temporary files still open are held in temporaries.ts, so that the CLI deletes them when it
 *   is stopped by a signal.
 *
 * Hand-written rather than write-file-atomic: that package covers the one-shot write but not a
 * stream written while the export is read (the rejects file), nor the device case, and the
 * rename itself is three lines of node:fs.
 */
import { createWriteStream, realpathSync, statSync, type Stats, type WriteStream } from 'node:fs';
import { access, chmod, constants, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { ParityError } from '../errors.js';
import { holdTemporary, releaseTemporary } from '../temporaries.js';

/**
 * Resolves when `stream` emits `event` or 'error', whichever comes first, and takes the other
 * listener off again: racing two bare `once` calls left an 'error' listener behind at every
 * drain, and a long output written in pieces hit Node's listener-leak warning on stderr.
 */
async function eventOrError(stream: WriteStream, event: 'open' | 'drain'): Promise<void> {
  const stop = new AbortController();
  try {
    await Promise.race([once(stream, event, { signal: stop.signal }), once(stream, 'error', { signal: stop.signal })]);
  } catch {
    // the error itself is recorded by the stream's own 'error' handler
  } finally {
    stop.abort();
  }
}

/** One file the run will write, with the option that named it (for messages). */
export interface PlannedOutput {
  option: string;
  path: string;
}

/** One file the run reads, with what it is (for messages). */
export interface PlannedInput {
  what: string;
  path: string;
  /** For `-` (standard input): its file when redirected from one (`parity audit - < export.csv`). */
  stats?: Stats | null;
}

interface Identity {
  stats: Stats | null;
  real: string;
}

function identify(path: string): Identity {
  let stats: Stats | null = null;
  try {
    stats = statSync(path);
  } catch {
    stats = null;
  }
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    // Not there yet: the real folder plus the name.
    try {
      real = join(realpathSync(dirname(path)), basename(path));
    } catch {
      real = resolve(path);
    }
  }
  return { stats, real };
}

function sameFile(a: Identity, b: Identity): boolean {
  if (a.stats && b.stats) return a.stats.dev === b.stats.dev && a.stats.ino === b.stats.ino;
  return a.real === b.real;
}

/** The reason in an errno error, without the code and syscall node puts around it. */
export function writeReason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    EISDIR: 'it is a directory',
    // (also a folder that takes no new files, such as /proc: the output is written to a new file beside it first)
    ENOENT: 'the folder does not exist or takes no new files',
    ENOTDIR: 'a part of the path is not a folder',
    EDQUOT: 'disk quota exceeded',
    EFBIG: 'the file is too large',
    EIO: 'input/output error',
  };
  if (e && typeof e.code === 'string' && Object.hasOwn(known, e.code)) return known[e.code] as string;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
}

/**
 * Refuses input files named twice (the same path, or two paths of one file: `./a.csv` and
 * `a.csv`, a link and its target, `-` redirected from a file also named): read twice, every ticket of the second copy would
 * be a `duplicate-id` and the audit would go on as if the file held them twice over. Paths are
 * relative to `cwd`; a file that is not there is left to the reader to report.
 */
export function checkInputs(inputs: readonly PlannedInput[], cwd: string): void {
  const seen: Array<{ input: PlannedInput; id: Identity | null }> = [];
  const shown = (input: PlannedInput): string => (input.path === '-' ? 'standard input' : input.path);
  for (const input of inputs) {
    if (input.what !== 'input') continue;
    // standard input is its file when redirected from one (`parity audit a.csv - < a.csv`)
    const id: Identity | null = input.path === '-' ? (input.stats?.isFile() ? { stats: input.stats, real: '' } : null) : identify(isAbsolute(input.path) ? input.path : join(cwd, input.path));
    if (input.path !== '-' && !id?.stats?.isFile()) continue; // (not there, or no file: the reader says so)
    // (`-` twice is refused where the inputs are resolved, commands/options.ts)
    const earlier = seen.find((s) => !(input.path === '-' && s.input.path === '-') && id !== null && s.id !== null && sameFile(id, s.id));
    if (earlier) {
      const named = earlier.input.path === input.path ? `${shown(input)} is named twice` : `${shown(input)} and ${shown(earlier.input)} are the same file`;
      throw new ParityError(`${named}: its tickets would be read twice, every one of the second reading a duplicate-id`, { hint: 'name each file once' });
    }
    seen.push({ input, id });
  }
}

/**
 * Refuses outputs that would overwrite an input (or each other) or cannot be written. Paths are
 * relative to `cwd`; `-` (standard input or output) is skipped.
 */
export async function checkOutputs(outputs: readonly PlannedOutput[], inputs: readonly PlannedInput[], cwd: string): Promise<void> {
  const abs = (p: string): string => (isAbsolute(p) ? p : join(cwd, p));
  const seen: Array<{ output: PlannedOutput; id: Identity }> = [];
  // standard input redirected from a file is that file (by device and inode); a pipe is nothing to protect
  const inputIds = inputs
    .filter((i) => i.path !== '-' || i.stats?.isFile())
    .map((i) => ({ input: i, id: i.path === '-' ? { stats: i.stats ?? null, real: '' } : identify(abs(i.path)) }));
  for (const output of outputs) {
    if (output.path === '-' || output.path === '') continue;
    const path = abs(output.path);
    const id = identify(path);
    const replaceable = !id.stats || id.stats.isFile();
    if (id.stats?.isDirectory()) {
      throw new ParityError(`${output.option} names a folder, not a file`, { location: { file: output.path }, hint: `give ${output.option} a file name` });
    }
    if (replaceable) {
      for (const { input, id: inputId } of inputIds) {
        if (sameFile(id, inputId)) {
          const what = input.path === '-' ? `${input.what} (standard input)` : `${input.what} ${input.path}`;
          throw new ParityError(`${output.option} ${output.path} is the same file as the ${what}: writing it would destroy the ${input.what}`, {
            hint: `choose another file for ${output.option}`,
          });
        }
      }
      for (const other of seen) {
        if (sameFile(id, other.id)) {
          throw new ParityError(`${output.option} and ${other.output.option} both name ${output.path}`, {
            hint: 'give each output its own file',
          });
        }
      }
    }
    seen.push({ output, id });
    // Writable? An existing file must be; a new one needs a writable folder (renaming into it too).
    const folder = id.stats?.isFile() ? dirname(id.real) : dirname(path);
    try {
      if (id.stats) await access(id.real, constants.W_OK);
      if (replaceable) await access(folder, constants.W_OK);
    } catch (error) {
      throw new ParityError(`cannot write ${output.option} ${output.path}: ${writeReason(error)}`, {
        hint: 'choose a file in a folder you can write to',
      });
    }
  }
}

/** A file being written: chunks go to a temporary file that `commit` renames into place. */
export interface AtomicFile {
  write(chunk: string): void;
  /** Resolves when the chunks written so far have left memory (for long outputs written in pieces). */
  drained(): Promise<void>;
  /** Finishes the write and puts the file at its final path; ParityError if anything failed. */
  commit(): Promise<void>;
  /** Drops the write: the final path is left as it was. */
  abort(): Promise<void>;
}

function failure(path: string, error: unknown): ParityError {
  return new ParityError(`cannot write: ${writeReason(error)}`, { location: { file: path } });
}

/** Opens `path` for an atomic write (`label` is the path shown in messages). */
export async function openAtomic(path: string, label: string = path): Promise<AtomicFile> {
  let target = path;
  let direct = false;
  let mode: number | null = null;
  try {
    const info = await stat(path);
    direct = !info.isFile();
    mode = info.mode & 0o7777;
    target = realpathSync(path);
  } catch {
    // a new file
  }
  const temp = direct ? null : join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  if (temp) holdTemporary(temp);
  const stream: WriteStream = createWriteStream(temp ?? target, temp ? { flags: 'wx', mode: 0o666 } : { flags: 'w' });
  let error: unknown = null;
  stream.on('error', (e) => {
    error ??= e;
  });
  await eventOrError(stream, 'open');
  const cleanup = async (): Promise<void> => {
    if (!temp) return;
    await rm(temp, { force: true }).catch(() => undefined);
    releaseTemporary(temp);
  };
  if (error) {
    await cleanup();
    throw failure(label, error);
  }
  return {
    write(chunk) {
      if (!error) stream.write(chunk);
    },
    async drained() {
      if (error || !stream.writableNeedDrain) return;
      await eventOrError(stream, 'drain');
    },
    async commit() {
      if (!stream.writableEnded && !stream.destroyed) stream.end();
      await finished(stream).catch(() => undefined);
      if (error) {
        await cleanup();
        throw failure(label, error);
      }
      if (temp) {
        try {
          // the replaced file keeps its permissions
          if (mode !== null) await chmod(temp, mode);
          await rename(temp, target);
          releaseTemporary(temp);
        } catch (e) {
          await cleanup();
          throw failure(label, e);
        }
      }
    },
    async abort() {
      stream.destroy();
      await cleanup();
    },
  };
}

/** A temporary file written in pieces and read back (the rejects rows before their header). */
export interface ScratchFile {
  write(chunk: string): void;
  /** Ends the writing; resolves to the temporary file's path. */
  finish(): Promise<string>;
  /** Deletes the temporary file. */
  discard(): Promise<void>;
}

/** A temporary file next to `near` (in the system's temporary folder when `near` is a device). */
export async function openScratch(near: string, label: string = near): Promise<ScratchFile> {
  let folder = dirname(near);
  try {
    const info = await stat(near);
    if (!info.isFile()) folder = tmpdir();
    else folder = dirname(realpathSync(near));
  } catch {
    // a new file: its folder
  }
  const temp = join(folder, `.${basename(near)}.${randomBytes(6).toString('hex')}.tmp`);
  holdTemporary(temp);
  const stream = createWriteStream(temp, { flags: 'wx' });
  let error: unknown = null;
  stream.on('error', (e) => {
    error ??= e;
  });
  await eventOrError(stream, 'open');
  const discard = async (): Promise<void> => {
    stream.destroy();
    await rm(temp, { force: true }).catch(() => undefined);
    releaseTemporary(temp);
  };
  if (error) {
    await discard();
    throw failure(label, error);
  }
  return {
    write(chunk) {
      if (!error) stream.write(chunk);
    },
    async finish() {
      if (!stream.writableEnded && !stream.destroyed) stream.end();
      await finished(stream).catch(() => undefined);
      if (error) {
        await discard();
        throw failure(label, error);
      }
      return temp;
    },
    discard,
  };
}

/** Writes `text` (or its chunks, in order) to `path` atomically (see the module comment). */
export async function writeAtomic(path: string, text: string | Iterable<string>, label: string = path): Promise<void> {
  const file = await openAtomic(path, label);
  if (typeof text === 'string') file.write(text);
  else {
    try {
      for (const chunk of text) {
        file.write(chunk);
        await file.drained();
      }
    } catch (error) {
      await file.abort();
      throw error;
    }
  }
  await file.commit();
}
