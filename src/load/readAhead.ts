/**
 * Reading on a second thread: a worker (load/readWorker.ts) scans a large CSV file and reads
 * each row from its bytes (normalise/fields.ts) while this thread does what must stay in order on
 * one thread — the duplicate check against every earlier id, the dictionaries' codes (given in
 * order of first appearance), the table's columns, the rejections and notes.
 *
 * Why: on a 2-core machine reading a large export is about half of an audit, and half of the
 * reading (finding field boundaries, parsing timestamps, the shouting test, the channel,
 * status and priority look-ups) needs nothing that other rows decide. A pipeline keeps every
 * rule where it is: the worker runs the same scanner and the same byte reader as the one-thread
 * path, rows it cannot read are decoded here and go through the string normaliser (rows.ts) as
 * they would without it, and every record keeps its line. Measured numbers: README, Performance.
 *
 * How: the main thread reads the file's head itself (header, sample, format detection), then
 * hands the open file over (read/scan.ts ScanHandOff: its descriptor, not its path, so a file
 * renamed over or deleted meanwhile cannot be read instead): the worker scans it from the start and
 * skips the records already handed out (rescanning a megabyte costs a few milliseconds and no
 * scanner state has to cross). It sends a batch per megabyte read: the bytes and field offsets
 * (so that any row can still be decoded here), and per row what the byte reader found, or that
 * it found nothing. Texts the worker's column caches learn are sent with the first batch that
 * uses them, and mirrored here (KeyedValues). At most CREDITS batches are in flight, so memory
 * stays bounded when this thread is the slower one.
 *
 * Used for a regular UTF-8 file of threads.ts READ_AHEAD_BYTES or more read by the byte scanner into a
 * table (threads.ts `wantsReadAhead`; loaded only then).
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import { workerBundle, workersPossible } from '../threads.js';
import { ParityError, type Location } from '../errors.js';
import { fieldBatchOf, isRecoded, SkippingScan, type FieldArrays, type ScanHandOff } from '../read/scan.js';
import type { FieldBatch, RawRecord, RecodedRows } from '../read/record.js';
import type { RowContext, RowMapping, TimestampField } from '../normalise/rows.js';
import { STYLE_LABELS, type TimestampStyle } from '../normalise/time.js';
import { KeyedValues, TEXT_CATEGORY, TEXT_GROUP, TEXT_PRIORITY, TEXT_STATUS, type ByteRow } from '../normalise/table.js';

/** Batches the worker may have sent and this thread not yet read. */
export const CREDITS = 6;

/** Text columns of a ByteRow (normalise/table.ts TEXT_*) and the raw channel (RAW_CHANNEL). */
export const TEXT_COLUMNS = 6;
export const RAW_CHANNEL = 6;
/** The columns whose values the byte reader keys in a cache: their texts are mirrored here. */
export const CACHED_COLUMNS = [TEXT_STATUS, TEXT_PRIORITY, TEXT_CATEGORY, TEXT_GROUP, RAW_CHANNEL] as const;

/** The worker's job, sent once the file is handed over. */
export interface ReadAheadJob {
  /** The main thread's open descriptor of the file (read by position; closed by the main thread). */
  readonly fd: number;
  readonly file: string;
  readonly options: ScanHandOff['options'];
  readonly skip: number;
  /** Read every batch's rows in the worker, whatever the balance (PARITY_WORKERS=always: what the tests compare). */
  readonly decodeAll: boolean;
  readonly mapping: RowMapping;
  readonly context: RowContext;
}

/**
 * The timestamp columns whose style the main thread may settle while the worker reads (a column
 * with no value in the sample: normalise/fields.ts ByteNormaliser.settle), in their `control`
 * slots' order (from SETTLED_AT), and the styles by number (a slot holds 1 + the index; 0: not yet).
 */
export const SETTLED_FIELDS: readonly TimestampField[] = ['createdAt', 'firstResponseAt', 'resolvedAt'];
export const SETTLED_AT = 2;
export const STYLES = Object.keys(STYLE_LABELS) as TimestampStyle[];

/** What the worker is started with (before its job). */
export interface ReadAheadStart {
  /**
   * Int32 [credits, stop, ...styles]: batches it may still send; 1 when it is to stop; then a
   * slot per SETTLED_FIELDS.
   */
  readonly control: SharedArrayBuffer;
  /** Where the main thread sends each batch's arrays back, to be filled again. */
  readonly back: MessagePort;
}

/**
 * The arrays of one batch: the bytes and field offsets the worker scanned (read/scan.ts
 * FieldArrays) and, per row, what the byte reader found (see ByteRow); `taken[r]` is 0 when it
 * found nothing. Sent to the main thread and back, to be filled again: on the machines measured,
 * memory touched for the first time costs more than the reading itself (a page fault per 4 KiB),
 * and a new set per batch made the worker slower than reading on one thread.
 */
export interface BatchArrays extends FieldArrays {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly taken: Uint8Array<ArrayBuffer>;
  readonly idStart: Int32Array<ArrayBuffer>;
  readonly idEnd: Int32Array<ArrayBuffer>;
  /** createdAt, firstResponseSeconds, resolutionSeconds, followers, latest: 5 a row. */
  readonly times: Float64Array<ArrayBuffer>;
  /** firstResponseState, resolutionState, channel, flags, channelKnown, isPublic + 1: 6 a row. */
  readonly small: Uint8Array<ArrayBuffer>;
  readonly rawChannelKey: Int32Array<ArrayBuffer>;
  /** ByteRow start, end and key of each text column: TEXT_COLUMNS a row. */
  readonly textStart: Int32Array<ArrayBuffer>;
  readonly textEnd: Int32Array<ArrayBuffer>;
  readonly textKey: Int32Array<ArrayBuffer>;
}

/** Every buffer of a BatchArrays (to transfer it). */
export function buffersOf(arrays: BatchArrays): ArrayBuffer[] {
  return Object.values(arrays).map((a: Uint8Array<ArrayBuffer>) => a.buffer);
}

/** What the worker sends. */
export type ReadAheadMessage =
  | {
      readonly type: 'batch';
      readonly bytesRead: number;
      /** Records in the batch, and the bytes of `arrays.bytes` they use. */
      readonly count: number;
      readonly byteLength: number;
      /** Whether the worker read the rows (else the main thread reads them from the bytes itself). */
      readonly decoded: boolean;
      readonly arrays: BatchArrays;
      /** [row, column, text]: a text column read as a string (start -1), or the raw channel (RAW_CHANNEL) when not keyed. */
      readonly strings: ReadonlyArray<readonly [number, number, string | null]>;
      /** Texts new to each cached column's cache (CACHED_COLUMNS order), keys from where the last batch ended. */
      readonly texts: readonly (readonly string[])[];
      /** Records of this batch with a field read as Windows-1252, and the first one's line (0: none). */
      readonly recodedRows: number;
      readonly recodedFirstLine: number;
    }
  | { readonly type: 'done'; readonly bytesRead: number }
  | { readonly type: 'error'; readonly message: string; readonly location?: Location; readonly hint?: string; readonly internal: boolean };

/** Index into CACHED_COLUMNS of each text column (-1: its values are not keyed). */
const CACHE_OF = Int8Array.from({ length: TEXT_COLUMNS }, (_, k) => CACHED_COLUMNS.indexOf(k as (typeof CACHED_COLUMNS)[number]));

// A row's place in a batch's arrays: packRow (the worker) and unpackRow (this thread) are the
// one definition of the layout, side by side. The file, line, bytes and `hasBy` are the batch's.

/**
 * Row i of `row` (read by the byte reader) into the batch's arrays. Texts read as strings go to
 * `strings`; a keyed column's cache is noted in `caches` (CACHED_COLUMNS order), whose new texts
 * go with the batch.
 */
export function packRow(a: BatchArrays, i: number, row: ByteRow, strings: Array<[number, number, string | null]>, caches: Array<KeyedValues | null>): void {
  a.taken[i] = 1;
  a.idStart[i] = row.idStart;
  a.idEnd[i] = row.idEnd;
  const t = 5 * i;
  a.times[t] = row.createdAt;
  a.times[t + 1] = row.firstResponseSeconds;
  a.times[t + 2] = row.resolutionSeconds;
  a.times[t + 3] = row.followers;
  a.times[t + 4] = row.latest;
  const s = 6 * i;
  a.small[s] = row.firstResponseState;
  a.small[s + 1] = row.resolutionState;
  a.small[s + 2] = row.channel;
  a.small[s + 3] = row.flags;
  a.small[s + 4] = row.channelKnown ? 1 : 0;
  a.small[s + 5] = row.isPublic + 1;
  for (let k = 0; k < TEXT_COLUMNS; k++) {
    const at = TEXT_COLUMNS * i + k;
    const start = row.start[k] as number;
    a.textStart[at] = start;
    a.textEnd[at] = row.end[k] as number;
    if (start === -2) {
      a.textKey[at] = row.key[k] as number;
      const c = CACHE_OF[k] as number;
      if (c < 0) throw new Error(`text column ${k} keyed without a mirror`);
      caches[c] ??= row.cache[k] as KeyedValues;
    } else if (start === -1) strings.push([i, k, row.text[k] ?? null]);
  }
  a.rawChannelKey[i] = row.rawChannelKey;
  if (row.rawChannelKey >= 0) caches[CACHED_COLUMNS.length - 1] ??= row.rawChannelCache as KeyedValues;
  else strings.push([i, RAW_CHANNEL, row.rawChannel]);
}

/** Row r of a batch's arrays into `row`, keyed texts read through `mirrorOf` (per text column, then the raw channel). */
function unpackRow(d: BatchArrays, r: number, row: ByteRow, mirrorOf: ReadonlyArray<KeyedValues | null>, strings: ReadonlyMap<number, string | null>): void {
  row.idStart = d.idStart[r] as number;
  row.idEnd = d.idEnd[r] as number;
  const t = r * 5;
  row.createdAt = d.times[t] as number;
  row.firstResponseSeconds = d.times[t + 1] as number;
  row.resolutionSeconds = d.times[t + 2] as number;
  row.followers = d.times[t + 3] as number;
  row.latest = d.times[t + 4] as number;
  const s = r * 6;
  row.firstResponseState = d.small[s] as ByteRow['firstResponseState'];
  row.resolutionState = d.small[s + 1] as ByteRow['resolutionState'];
  row.channel = d.small[s + 2] as number;
  row.flags = d.small[s + 3] as number;
  row.channelKnown = d.small[s + 4] === 1;
  row.isPublic = (d.small[s + 5] as number) - 1;
  for (let k = 0; k < TEXT_COLUMNS; k++) {
    const at = r * TEXT_COLUMNS + k;
    const start = d.textStart[at] as number;
    row.start[k] = start;
    row.end[k] = d.textEnd[at] as number;
    if (start === -2) {
      row.key[k] = d.textKey[at] as number;
      row.cache[k] = mirrorOf[k] as KeyedValues;
    } else if (start === -1) row.text[k] = strings.get(r * (TEXT_COLUMNS + 1) + k) ?? null;
  }
  const rawKey = d.rawChannelKey[r] as number;
  const rawMirror = mirrorOf[RAW_CHANNEL] as KeyedValues;
  row.rawChannelKey = rawKey;
  row.rawChannelCache = rawMirror;
  row.rawChannel = rawKey >= 0 ? rawMirror.text(rawKey) : ((strings.get(r * (TEXT_COLUMNS + 1) + RAW_CHANNEL) as string | undefined) ?? '');
}

/** A worker reading a file on: its batches in order, each row filled into a ByteRow on request. */
export class ReadAhead {
  private readonly queue: ReadAheadMessage[] = [];
  private wake: (() => void) | null = null;
  private readonly control: Int32Array;
  private readonly mirrors: KeyedValues[] = CACHED_COLUMNS.map(() => new KeyedValues());
  /** The mirror of each text column (null: not keyed) and of the raw channel. */
  private readonly mirrorOf: Array<KeyedValues | null> = Array.from({ length: TEXT_COLUMNS + 1 }, () => null);
  private rows: BatchArrays | null = null;
  private lines = new Uint32Array(0);
  /** Whether the worker read the current batch's rows (see `fill`). */
  decoded = false;
  /** Whether the worker said it is done (then its exit is no failure). */
  private finished = false;
  private bytes: Buffer = Buffer.alloc(0);
  private strings = new Map<number, string | null>();
  private closed = false;
  /** Records of the batches handed out so far (where this thread reads on if the worker fails). */
  private handed = 0;
  /** This thread's own scan of the file, once the worker failed (see {@link next}). */
  private local: SkippingScan | null = null;

  /** Set by {@link begin}: the file read, where it was handed over, its UTF-8 notes, whether it has a `--by` column. */
  private file = '';
  private handOff: ScanHandOff | null = null;
  private recoded: RecodedRows | undefined = undefined;
  private hasBy = false;

  private constructor(
    private readonly worker: Worker,
    control: SharedArrayBuffer,
    private readonly back: MessagePort,
  ) {
    this.control = new Int32Array(control);
    CACHED_COLUMNS.forEach((column, i) => (this.mirrorOf[column] = this.mirrors[i] as KeyedValues));
    worker.on('message', (message: ReadAheadMessage) => this.push(message));
    worker.on('error', (error: Error) => this.push({ type: 'error', message: error.message, internal: true }));
    worker.on('exit', (code) => {
      if (!this.closed && !this.finished) this.push({ type: 'error', message: `the reading thread stopped (exit code ${code})`, internal: true });
    });
  }

  /**
   * Starts a worker: it loads its modules and waits for {@link begin}. Throws when there is no
   * worker to start (not built, or threads.ts says the process cannot afford one, or the
   * system refuses a thread): the caller then reads on one thread. (Letting this thread read on
   * until the worker had loaded saved nothing measurable.)
   */
  static async prepare(): Promise<ReadAhead> {
    const path = workersPossible() ? workerBundle('readWorker') : null;
    if (path === null) throw new Error('no reading worker');
    const { MessageChannel, Worker } = await import('node:worker_threads');
    const control = new SharedArrayBuffer(4 * (SETTLED_AT + SETTLED_FIELDS.length));
    new Int32Array(control)[0] = CREDITS;
    const { port1, port2 } = new MessageChannel();
    const start: ReadAheadStart = { control, back: port2 };
    // (execArgv: none of the main thread's node options; `node -e` would hand the worker its script)
    const worker = new Worker(path, { workerData: start, transferList: [port2], execArgv: [] });
    return new ReadAhead(worker, control, port1);
  }

  /**
   * Tells the worker the style a timestamp column took from its first value here (the sample had
   * none): it reads the column in it from its next batch on, and left the rows with a value
   * before that to this thread.
   */
  settle(field: TimestampField, style: TimestampStyle): void {
    Atomics.store(this.control, SETTLED_AT + SETTLED_FIELDS.indexOf(field), STYLES.indexOf(style) + 1);
  }

  /** Hands the file over to the worker at `handOff`; its batches then come from {@link next}. */
  begin(handOff: ScanHandOff, file: string, mapping: RowMapping, context: RowContext, recoded: RecodedRows | undefined, decodeAll = false): void {
    this.handOff = handOff;
    this.file = file;
    this.recoded = recoded;
    this.hasBy = (mapping.byColumn ?? null) !== null;
    // only what the byte reader uses, as plain data (a format's functions do not cross threads)
    const plain: RowMapping = {
      header: mapping.header,
      bindings: mapping.bindings,
      timeZone: mapping.timeZone,
      byColumn: mapping.byColumn ?? null,
      format: {
        ...(mapping.format.channels ? { channels: mapping.format.channels } : {}),
        ...(mapping.format.outboundDirections ? { outboundDirections: mapping.format.outboundDirections } : {}),
        ...(mapping.format.fixedChannel ? { fixedChannel: mapping.format.fixedChannel } : {}),
      },
    };
    const job: ReadAheadJob = { fd: handOff.fd, file, options: handOff.options, skip: handOff.skip, decodeAll, mapping: plain, context };
    this.worker.postMessage(job);
  }

  private push(message: ReadAheadMessage): void {
    if (message.type === 'done') this.finished = true;
    this.queue.push(message);
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private async take(): Promise<ReadAheadMessage> {
    while (this.queue.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.queue.shift() as ReadAheadMessage;
  }

  /**
   * The next batch of records (the previous one is done with), or null at the end of the file.
   * Records this thread read itself after the worker failed come as scanned (`decoded` false),
   * or as records where a batch starts with some already handed out.
   */
  async next(): Promise<FieldBatch | readonly RawRecord[] | null> {
    if (this.local !== null) return this.readOn(this.local);
    if (this.rows !== null) {
      // done with the last batch: its arrays go back to be filled again, then one more may come
      const arrays = this.rows;
      this.rows = null;
      this.back.postMessage(arrays, buffersOf(arrays));
      Atomics.add(this.control, 0, 1);
      Atomics.notify(this.control, 0);
    }
    // One turn of the event loop per batch: the worker's messages would otherwise be handed over
    // one after another without one, and a signal (Ctrl-C) waits unread until the end of the run.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const message = await this.take();
    if (message.type === 'done') {
      this.handOff?.report(message.bytesRead);
      this.closed = true;
      this.back.close();
      return null;
    }
    if (message.type === 'error') {
      await this.close();
      // The worker failed (a thread that stopped, ran out of its memory, or a fault of parity's):
      // this thread reads on from the first record not handed out, as it would have alone. An
      // error of the input (ParityError: an unclosed quote, a record too large, a read that
      // failed) is the input's, and is the run's error as it would be on one thread.
      if (message.internal && this.handOff !== null) {
        this.local = new SkippingScan(this.handOff.fd, this.handOff.options, this.file, this.handOff.skip + this.handed);
        return this.readOn(this.local);
      }
      if (message.internal) throw new Error(`reading ${this.file}: ${message.message}`);
      throw new ParityError(message.message, { ...(message.location ? { location: message.location } : {}), ...(message.hint ? { hint: message.hint } : {}) });
    }
    this.handOff?.report(message.bytesRead);
    this.handed += message.count;
    message.texts.forEach((texts, i) => (this.mirrors[i] as KeyedValues).add(texts));
    if (this.recoded && message.recodedRows > 0) {
      if (this.recoded.rows === 0) this.recoded.firstLine = message.recodedFirstLine;
      this.recoded.rows += message.recodedRows;
    }
    const arrays = message.arrays;
    this.rows = arrays;
    this.decoded = message.decoded;
    this.lines = arrays.line;
    this.bytes = Buffer.from(arrays.bytes.buffer, 0, message.byteLength);
    this.strings.clear();
    for (const [r, column, text] of message.strings) this.strings.set(r * (TEXT_COLUMNS + 1) + column, text);
    return fieldBatchOf(this.file, this.bytes, message.count, arrays);
  }

  /** The next records of this thread's own scan (the worker failed): a batch as scanned, or its records past those handed out. */
  private async readOn(scan: SkippingScan): Promise<FieldBatch | readonly RawRecord[] | null> {
    this.decoded = false;
    let next: ReturnType<SkippingScan['next']>;
    do {
      // a turn of the event loop per read, as above, also while the records handed out are skipped
      await new Promise<void>((resolve) => setImmediate(resolve));
      next = scan.next();
      if (next === null) return null;
      this.handOff?.report(scan.position);
    } while (next.from >= next.batch.count);
    const { batch, from } = next;
    if (this.recoded) {
      for (let r = from; r < batch.count; r++) {
        if (isRecoded(batch, r) && this.recoded.rows++ === 0) this.recoded.firstLine = batch.line[r] as number;
      }
    }
    if (from === 0) return batch;
    const records: RawRecord[] = [];
    for (let r = from; r < batch.count; r++) records.push(batch.record(r));
    return records;
  }

  /**
   * Row r of the current batch as the byte reader read it, into `row`; false when it did not
   * (the caller decodes it). Only for a batch the worker read (`decoded`): the caller reads the
   * others' rows with its own byte reader.
   */
  fill(r: number, row: ByteRow): boolean {
    const d = this.rows as BatchArrays;
    if (d.taken[r] === 0) return false;
    unpackRow(d, r, row, this.mirrorOf, this.strings);
    row.bytes = this.bytes;
    row.hasBy = this.hasBy;
    row.file = this.file;
    row.line = this.lines[r] as number;
    return true;
  }


  /** Stops the worker (the reading ended early, or it failed). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.control, 1, 1);
    Atomics.add(this.control, 0, 1);
    Atomics.notify(this.control, 0);
    this.back.close();
    await this.worker.terminate();
  }
}
