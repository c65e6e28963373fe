/**
 * The fast CSV reader: a quote-aware byte scanner for the common case (UTF-8 with or without a
 * byte-order mark, a sniffed one-byte field delimiter, LF, CRLF or CR records). It finds field
 * boundaries in the raw bytes, decodes each field once, and yields the same records, the same
 * physical line numbers and the same errors as the csv-parse path in source.ts, which stays the
 * reference and the fallback for everything else (UTF-16, Windows-1252). A differential test
 * (test/unit/read/scan.test.ts) holds the two together on generated tricky CSV.
 *
 * Why hand-written: csv-parse (with `info: true`, which we need for line numbers) read a
 * million-row export in about 4.6 s on a 2-core machine, two object copies per record included,
 * and 3.0 s without `info`; papaparse 1.5 s, udsv 0.55 s, and none of them reports the physical
 * line a record starts on. This scanner reads the same file in well under a second (see the
 * Performance section of the README for the measured numbers). The bytes that mean nothing to
 * it (all but the delimiter, quotes, line breaks and non-ASCII bytes) it skips without a look:
 * a WebAssembly SIMD function lists where the others are (read/specialBytes.ts), and its own
 * byte loop does where that is not available; both are held to csv-parse by the same test.
 *
 * The semantics copied from csv-parse with `relax_quotes`, `relax_column_count` and
 * `skip_empty_lines` (quirks included, because line numbers and values must match):
 * - a quote opens a quoted field only as the field's first byte; elsewhere it is a plain byte;
 * - inside quotes, `""` is one quote; a quote followed by the delimiter, the record delimiter
 *   or the end closes the field; a quote followed by anything else is kept, with the opening
 *   quote put back in front, and the rest of the field is read unquoted;
 * - a record delimiter is exactly the sniffed one (in a CRLF file a bare LF is field content);
 * - a line with nothing on it is skipped; a line of one `""` is a record of one empty field;
 * - a quote inside quotes followed by a NUL byte closes the field (csv-parse takes the NUL for the
 *   end of its buffer) and the bytes after it are the field's.
 * A field that is not valid UTF-8 (the file's first 64 KiB were) is decoded as Windows-1252, one
 * character per byte, and its record counted (ScanOptions.recoded); the csv-parse path does the same.
 */
import { isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';
import { raiseHint } from './limits.js';
import { decodeWindows1252 } from './windows1252.js';
import { specialBytes, type SpecialBytes } from './specialBytes.js';
import { FORMULA_OPENING, unwrapExcelText } from './excelText.js';
import { ParityError } from '../errors.js';
import { FIELD_ESCAPED, FIELD_ODD, FIELD_PLAIN, FIELD_QUOTED, FIELD_RECODED, type FieldBatch, type FieldBatchedRecords, type RawRecord, type RecodedRows } from './record.js';

/**
 * Longest record (in bytes) the scanner holds before giving up with a location: an unclosed
 * quote would otherwise pull the rest of the file into memory. A local default; the resource
 * limits of the reader are meant to supply it.
 */
export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** How the bytes are delimited (from source.ts `sniffDelimiters`). */
export interface ScanOptions {
  /** File name for records and errors. */
  readonly file: string;
  /** One-byte field delimiter: `,`, `;` or tab. */
  readonly delimiter: string;
  /**
   * `\n` and `\r\n` both mean "a record ends at LF or CRLF", whichever the file's first line
   * had (a file joined from exports of two systems, or lines appended to a Windows export, has
   * both); `\r` a file of CR line ends (a bare LF is then field content).
   */
  readonly recordDelimiter: '\n' | '\r\n' | '\r';
  /** Longest record in bytes; default DEFAULT_MAX_RECORD_BYTES. */
  readonly maxRecordBytes?: number;
  /** Counts the records that were not valid UTF-8 and were read as Windows-1252 (record.ts). */
  readonly recoded?: RecodedRows;
}

/** Node's Buffer has a latin1 decoder without the argument checks of toString. */
type AsciiBuffer = Buffer & { latin1Slice(start: number, end: number): string };

const QUOTE = 0x22;
const NUL = 0x00;
const CR = 0x0d;
const LF = 0x0a;

/** Field kinds, decided while scanning so that decoding is a slice in the common case. */
const PLAIN = FIELD_PLAIN;
const QUOTED = FIELD_QUOTED;
const ESCAPED = FIELD_ESCAPED;
const ODD = FIELD_ODD;

/** Bytes `start`..`end` as text: UTF-8, or Windows-1252 for a field that is not valid UTF-8. */
function textOf(buf: Buffer, start: number, end: number, recoded: boolean): string {
  return recoded ? decodeWindows1252(buf, start, end) : buf.toString('utf8', start, end);
}

/**
 * Decodes a field the relaxed way (kind ODD), byte by byte as csv-parse does: the field is
 * quoted, and some quote inside it was neither doubled nor closing (or was followed by a NUL
 * byte, which csv-parse takes for the end of its buffer and so for a closing quote).
 */
function decodeOdd(buf: Buffer, start: number, end: number, recoded: boolean): string {
  const out: number[] = [];
  let quoting = true;
  for (let i = start + 1; i < end; i++) {
    const b = buf[i] as number;
    if (quoting && b === QUOTE) {
      if (i + 1 < end && buf[i + 1] === QUOTE) {
        out.push(QUOTE);
        i++;
      } else if (i + 1 === end || buf[i + 1] === NUL) {
        quoting = false; // the closing quote
      } else {
        quoting = false;
        out.unshift(QUOTE);
        out.push(QUOTE);
      }
    } else {
      out.push(b);
    }
  }
  const bytes = Buffer.from(out);
  return textOf(bytes, 0, bytes.length, recoded);
}

/** One field's value from its bytes (`start`..`end`, quotes included), by its kind (FIELD_RECODED: read as Windows-1252). */
function decodeField(buf: Buffer, kindBits: number, start: number, end: number): string {
  const recoded = (kindBits & FIELD_RECODED) !== 0;
  const kind = kindBits & ~FIELD_RECODED;
  if (kind === PLAIN) return start === end ? '' : textOf(buf, start, end, recoded);
  if (kind === QUOTED) return textOf(buf, start + 1, end - 1, recoded);
  if (kind === ESCAPED) return textOf(buf, start + 1, end - 1, recoded).replaceAll('""', '"');
  return decodeOdd(buf, start, end, recoded);
}


const NO_BYTES = Buffer.alloc(0);
const NO_POSITIONS = new Uint32Array(0);
/**
 * A block with more than one special byte in DENSE is read on by the byte loop: in Cyrillic or
 * CJK text every byte is one, and walking their positions cost a quarter more than the loop
 * (40 MB of either, best of five: 338–351 against 268–283 ms); with this rule the two take about
 * the same there. An ASCII export has about one special byte in nine.
 */
const DENSE = 3;

function grown<T extends Int32Array | Uint32Array | Uint8Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  next.set(a);
  return next;
}

/** The records of one scanned chunk as field offsets (read/record.ts FieldBatch); reused batch after batch. */
class ScanBatch implements FieldBatch {
  bytes: Buffer = NO_BYTES;
  count = 0;
  line: Uint32Array<ArrayBuffer>;
  firstField: Int32Array<ArrayBuffer>;
  ascii: Uint8Array<ArrayBuffer>;
  start: Int32Array<ArrayBuffer>;
  end: Int32Array<ArrayBuffer>;
  kind: Uint8Array<ArrayBuffer>;

  /** `arrays`: offsets made elsewhere (fieldBatchOf); else room for a first chunk of records. */
  constructor(
    readonly file: string,
    arrays?: FieldArrays,
  ) {
    this.line = arrays?.line ?? new Uint32Array(1024);
    this.firstField = arrays?.firstField ?? new Int32Array(1025);
    this.ascii = arrays?.ascii ?? new Uint8Array(1024);
    this.start = arrays?.start ?? new Int32Array(16 * 1024);
    this.end = arrays?.end ?? new Int32Array(16 * 1024);
    this.kind = arrays?.kind ?? new Uint8Array(16 * 1024);
  }

  clear(): void {
    this.count = 0;
    this.marks = undefined;
  }

  /** formulaRows' answer for the records as they are (undefined: not yet searched). */
  private marks: Uint8Array | null | undefined = undefined;

  formulaRows(): Uint8Array | null {
    return this.marks !== undefined ? this.marks : (this.marks = this.markFormulaRows());
  }

  /** One search of the records' bytes for `="`; a record that holds one is marked, and the search goes on after it. */
  private markFormulaRows(): Uint8Array | null {
    const count = this.count;
    if (count === 0) return null;
    const { firstField, start, end } = this;
    // (the records' bytes alone: the buffer goes on past them, with bytes of reads to come or gone)
    const from = start[firstField[0] as number] as number;
    const bytes = this.bytes.subarray(from, end[(firstField[count] as number) - 1] as number);
    let at = bytes.indexOf(FORMULA_OPENING, 0, 'latin1');
    if (at < 0) return null;
    const marks = new Uint8Array(count);
    for (let r = 0; r < count && at >= 0; r++) {
      const recordEnd = (end[(firstField[r + 1] as number) - 1] as number) - from;
      if (at >= recordEnd) continue;
      marks[r] = 1;
      at = bytes.indexOf(FORMULA_OPENING, recordEnd, 'latin1');
    }
    return marks;
  }

  /** Room for field offsets up to index `size` - 1 (the scanner writes a record's fields here as it finds them). */
  roomForFields(size: number): void {
    if (size <= this.start.length) return;
    this.start = grown(this.start, size);
    this.end = grown(this.end, size);
    this.kind = grown(this.kind, size);
  }

  /**
   * Ends a record whose `n` fields the scanner wrote at `from` (the field count so far): no
   * copy of its offsets, only where it starts and ends, its line and whether it is ASCII.
   */
  commit(bytes: Buffer, line: number, ascii: boolean, from: number, n: number): void {
    const r = this.count;
    if (r + 1 >= this.line.length) {
      this.line = grown(this.line, r + 2);
      this.ascii = grown(this.ascii, r + 2);
      this.firstField = grown(this.firstField, r + 3);
    }
    this.bytes = bytes;
    this.firstField[r] = from;
    this.firstField[r + 1] = from + n;
    this.line[r] = line;
    this.ascii[r] = ascii ? 1 : 0;
    this.count = r + 1;
    this.marks = undefined;
  }

  text(f: number): string {
    return decodeField(this.bytes, this.kind[f] as number, this.start[f] as number, this.end[f] as number);
  }

  record(r: number): RawRecord {
    const buf = this.bytes;
    const first = this.firstField[r] as number;
    const n = (this.firstField[r + 1] as number) - first;
    const values = new Array<string>(n);
    const starts = this.start;
    const ends = this.end;
    const kinds = this.kind;
    // (whether any value may be an Excel text formula: an ASCII record's whole text is looked at once)
    let formulas = true;
    if (this.ascii[r] === 1) {
      // One decode per record; byte offsets are character offsets.
      const from = starts[first] as number;
      const text = (buf as AsciiBuffer).latin1Slice(from, ends[first + n - 1] as number);
      formulas = text.includes(FORMULA_OPENING);
      for (let f = 0; f < n; f++) {
        const s = (starts[first + f] as number) - from;
        const e = (ends[first + f] as number) - from;
        const kind = kinds[first + f];
        if (kind === PLAIN) values[f] = s === e ? '' : text.slice(s, e);
        else if (kind === QUOTED) values[f] = text.slice(s + 1, e - 1);
        else if (kind === ESCAPED) values[f] = text.slice(s + 1, e - 1).replaceAll('""', '"');
        else values[f] = decodeOdd(buf, s + from, e + from, false);
      }
    } else {
      for (let f = 0; f < n; f++) values[f] = decodeField(buf, kinds[first + f] as number, starts[first + f] as number, ends[first + f] as number);
    }
    // Excel's text formulas (`="00123"`) read as the text they show; the record as written kept for --rejects
    const unwrapped = formulas ? unwrapExcelText(values) : null;
    return unwrapped === null ? { file: this.file, line: this.line[r] as number, values } : { file: this.file, line: this.line[r] as number, values: unwrapped, written: values };
  }
}

/** The arrays of a FieldBatch (a reading worker sends them; read/record.ts FieldBatch). */
export interface FieldArrays {
  readonly line: Uint32Array<ArrayBuffer>;
  readonly firstField: Int32Array<ArrayBuffer>;
  readonly start: Int32Array<ArrayBuffer>;
  readonly end: Int32Array<ArrayBuffer>;
  readonly kind: Uint8Array<ArrayBuffer>;
  readonly ascii: Uint8Array<ArrayBuffer>;
}

/** A FieldBatch over arrays made elsewhere (a reading worker's scan of `bytes`): decodes as the scanner's own. */
export function fieldBatchOf(file: string, bytes: Buffer, count: number, arrays: FieldArrays): FieldBatch {
  const batch = new ScanBatch(file, arrays);
  batch.bytes = bytes;
  batch.count = count;
  return batch;
}

/**
 * The synchronous core: feed it byte chunks, then `finish()`; it calls `emit` for every
 * record. Exposed for the differential test and for callers that do their own I/O.
 */
export class CsvScanner {
  private readonly file: string;
  private readonly delimiter: number;
  private readonly rd: number; // first byte of the record delimiter
  private readonly crlf: boolean;
  private readonly crMode: boolean;
  private readonly maxRecordBytes: number;
  private readonly emit: ((record: RawRecord) => void) | null;
  private readonly recoded: RecodedRows | null;
  /** 1 for an ASCII byte that means nothing outside quotes (not a delimiter, quote, CR or LF). */
  private readonly ordinary = new Uint8Array(128).fill(1);
  /** The records scanned and not yet taken. */
  readonly batch: ScanBatch;

  private buf: Buffer = Buffer.alloc(0);
  private len = 0;
  private pos = 0;
  private recordStart = 0;
  private fieldStart = 0;
  private quoting = false;
  private high = 0;
  private kind = PLAIN;
  private bomChecked = false;
  // The record being scanned: its fields so far are written straight into the batch (absolute
  // offsets into buf) from index `base`, the batch's field count (no copy when it ends).
  private base = 0;
  private fields = 0;
  // Line accounting, mirroring csv-parse's `info.lines` and source.ts's correction of it.
  private lineEvents = 0; // CR/LF bytes in fields + record delimiters (csv-parse counts these)
  private cr = 0;
  private lf = 0;
  private crlfPairs = 0;
  private phantomLines = 0;
  private lastLine = 0;
  /** The block indexed: bytes `indexed`..`indexedTo` of the buffer, `specials` positions, the next one to read `at`. */
  private indexed = 0;
  private indexedTo = 0;
  private specials = 0;
  private at = 0;

  /**
   * With `emit`, every record is decoded and handed to it as it completes; without, records
   * collect in `batch` as field offsets until the caller takes them (`takeBatch`).
   */
  constructor(
    options: ScanOptions,
    emit?: (record: RawRecord) => void,
    /** The special bytes' index (read/specialBytes.ts; null: the byte loop, where it is not available, and in the tests). */
    private readonly special: SpecialBytes | null = specialBytes(),
  ) {
    this.file = options.file;
    this.delimiter = options.delimiter.charCodeAt(0);
    // LF or CRLF (any file but a CR one): a CR ends a record when an LF follows it (crlf), an LF
    // on its own does too (below); in a CR file a CR does
    this.crMode = options.recordDelimiter === '\r';
    this.rd = CR;
    this.crlf = !this.crMode;
    this.maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
    this.emit = emit ?? null;
    this.recoded = options.recoded ?? null;
    for (const b of [this.delimiter, this.rd, QUOTE, CR, LF]) if (b < 128) this.ordinary[b] = 0;
    this.batch = new ScanBatch(options.file);
  }

  /** Empties the batch (the caller is done with its records; the bytes may be reused next). */
  takeBatch(): void {
    const batch = this.batch;
    // the record being scanned moves to the front of the emptied batch
    if (this.fields > 0 && this.base > 0) {
      const to = this.base + this.fields;
      batch.start.copyWithin(0, this.base, to);
      batch.end.copyWithin(0, this.base, to);
      batch.kind.copyWithin(0, this.base, to);
    }
    this.base = 0;
    batch.clear();
  }

  /** Scans a chunk of bytes, emitting every record it completes. */
  feed(chunk: Buffer): void {
    this.append(chunk);
    this.scan(false);
  }

  /** End of input: emits the last record or throws for an unclosed quote. */
  finish(): void {
    this.scan(true);
  }

  /**
   * Room for at least `size` more bytes after the ones held: the buffer to write them into, at
   * `length`; then `wrote(n)`. A file is read this way straight into the scanner's buffer,
   * without a copy of every chunk (source.ts `directFile`).
   */
  room(size: number): Buffer {
    this.compact();
    this.ensure(size);
    return this.buf;
  }

  /** Bytes held (where `room`'s caller writes). */
  get length(): number {
    return this.len;
  }

  /** `n` bytes were written into the buffer at `length`: scans them, emitting every record they complete. */
  wrote(n: number): void {
    this.len += n;
    this.scan(false);
  }

  private append(chunk: Buffer): void {
    this.compact();
    this.ensure(chunk.length);
    chunk.copy(this.buf, this.len);
    this.len += chunk.length;
  }

  /** Drops finished records; the pending one moves to the front (offsets shift with it). */
  private compact(): void {
    if (this.recordStart === 0) return;
    const shift = this.recordStart;
    this.buf.copyWithin(0, shift, this.len);
    this.len -= shift;
    this.pos -= shift;
    this.fieldStart -= shift;
    // (the batch is empty here — its records were taken — but for the record being scanned)
    const { start, end } = this.batch;
    for (let f = this.base; f < this.base + this.fields; f++) {
      start[f] = (start[f] as number) - shift;
      end[f] = (end[f] as number) - shift;
    }
    this.recordStart = 0;
  }

  /** Makes the buffer hold at least `size` bytes more than it does. */
  private ensure(size: number): void {
    if (this.len === 0 && this.buf.length < size) {
      this.buf = Buffer.allocUnsafe(Math.max(size, 64 * 1024));
    } else if (this.len + size > this.buf.length) {
      const next = Buffer.allocUnsafe(Math.max(this.len + size, this.buf.length * 2));
      this.buf.copy(next, 0, 0, this.len);
      this.buf = next;
    }
  }

  private pushField(end: number): void {
    const at = this.base + this.fields;
    const batch = this.batch;
    if (at >= batch.start.length) batch.roomForFields(at + 1);
    batch.start[at] = this.fieldStart;
    batch.end[at] = end;
    batch.kind[at] = this.kind;
    this.fields++;
    this.kind = PLAIN;
  }

  private endRecord(ascii: boolean): void {
    const n = this.fields;
    this.fields = 0;
    // csv-parse reports the line a record ends on, counting every CR and LF inside fields as a
    // line; physical lines break on LF (on CR in a CR-delimited file). Same correction as source.ts.
    const physical = this.crMode ? this.cr + this.lf - this.crlfPairs : this.lf;
    this.phantomLines += this.cr + this.lf - physical;
    const end = 1 + this.lineEvents - this.phantomLines;
    const line = Math.max(this.lastLine + 1, end - physical);
    this.lastLine = end;
    this.cr = this.lf = this.crlfPairs = 0;
    // A field that is not valid UTF-8 in a file whose head is (a Windows-1252 export whose first
    // 64 KiB are ASCII, a stray byte): read as Windows-1252, one character per byte, so no byte
    // is lost, and its row counted for a note; the row's other fields stay UTF-8. (A field's
    // quotes are ASCII: its bytes are valid exactly when its value's are.)
    if (!ascii) this.recode(n, line);
    const batch = this.batch;
    batch.commit(this.buf, line, ascii, this.base, n);
    this.base += n;
    if (this.emit !== null) {
      const record = batch.record(batch.count - 1);
      batch.clear();
      this.base = 0;
      this.emit(record);
    }
  }

  /** Marks the record's fields that are not valid UTF-8 (FIELD_RECODED) and counts the record if any is. */
  private recode(n: number, line: number): void {
    const { start, end, kind } = this.batch;
    const from = this.base;
    // one check of the whole record first (the common case: valid), then field by field
    if (isUtf8(this.buf.subarray(start[from] as number, end[from + n - 1] as number))) return;
    let any = false;
    for (let f = from; f < from + n; f++) {
      const s = start[f] as number;
      const e = end[f] as number;
      if (e > s && !isUtf8(this.buf.subarray(s, e))) {
        kind[f] = (kind[f] as number) | FIELD_RECODED;
        any = true;
      }
    }
    if (any && this.recoded !== null && this.recoded.rows++ === 0) this.recoded.firstLine = line;
  }

  private tooLong(): ParityError {
    return new ParityError(`a record is larger than ${this.maxRecordBytes.toLocaleString('en-US')} bytes (a missing line break or closing quote, or not a CSV file)`, {
      location: { file: this.file, line: this.lastLine + 1 },
      hint: raiseHint('maxRecordBytes', this.maxRecordBytes),
    });
  }

  private scan(eof: boolean): void {
    let buf = this.buf;
    const len = this.len;
    const D = this.delimiter;
    const RD = this.rd;
    const crlf = this.crlf;
    let i = this.pos;
    if (!this.bomChecked) {
      if (len < 3 && !eof) return;
      this.bomChecked = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        i = 3;
        this.recordStart = this.fieldStart = 3;
      }
    }
    let quoting = this.quoting;
    let high = this.high; // OR of the record's bytes: below 0x80 means ASCII
    const ordinary = this.ordinary;
    // the special bytes' positions (read/specialBytes.ts) are indexed afresh in each call: the
    // buffer may have moved since the last
    this.indexed = this.indexedTo = i;
    this.specials = this.at = 0;
    // (null from a block dense with special bytes on: non-Latin text, where every byte of a
    // character is one and the byte loop is the faster way; the next call tries the index again)
    let special = this.special;
    const positions = special?.positions ?? NO_POSITIONS;
    // (the block in locals: read at every special byte)
    let indexed = i;
    let count = 0;
    let k = 0;
    while (i < len) {
      const b = buf[i] as number;
      // A run of ASCII bytes that mean nothing here: outside quotes, all but the delimiters, a
      // quote and the line breaks; inside quotes, all but a quote and the line breaks. (ASCII
      // leaves `high` as it is.) Skipped to the next special byte by the index — which also
      // stops at a delimiter inside quotes, which comes back here — or by the byte loop.
      if (b < 0x80 && (quoting ? b !== QUOTE && b !== LF && b !== CR : ordinary[b] === 1)) {
        if (special !== null) {
          const target = i + 1 - indexed;
          while (k < count && (positions[k] as number) < target) k++;
          if (k < count) {
            i = indexed + (positions[k] as number);
            continue;
          }
          i = this.indexFrom(special, buf, i + 1, len);
          indexed = this.indexed;
          count = this.specials;
          k = this.at;
          if (count * DENSE > this.indexedTo - indexed) special = null;
          continue;
        }
        if (quoting) {
          for (i++; i < len; i++) {
            const c = buf[i] as number;
            if (c >= 0x80 || c === QUOTE || c === LF || c === CR) break;
          }
        } else {
          for (i++; i < len; i++) {
            const c = buf[i] as number;
            if (c >= 0x80 || ordinary[c] !== 1) break;
          }
        }
        continue;
      }
      if (quoting) {
        if (b === QUOTE) {
          if (i + 1 >= len) {
            if (!eof) break;
            quoting = false; // closed by the end of the input
            i++;
            continue;
          }
          const n = buf[i + 1] as number;
          if (n === QUOTE) {
            if (this.kind === QUOTED) this.kind = ESCAPED;
            i += 2;
            continue;
          }
          if (n === NUL) {
            // csv-parse takes a NUL for the end of its buffer: the quote closes, and the bytes
            // after it are read on as the field's (decodeOdd)
            quoting = false;
            this.kind = ODD;
            i++;
            continue;
          }
          let closes = n === D || (crlf && n === LF);
          if (!closes && n === RD) {
            if (!crlf) closes = true;
            else if (i + 2 >= len) {
              if (!eof) break;
            } else closes = buf[i + 2] === LF;
          }
          quoting = false;
          if (!closes) this.kind = ODD;
          i++;
          continue;
        }
        if (b === LF) {
          this.lf++;
          this.lineEvents++;
          if (buf[i - 1] === CR) this.crlfPairs++;
        } else if (b === CR) {
          this.cr++;
          this.lineEvents++;
        }
        high |= b;
        i++;
        continue;
      }
      if (b === D) {
        this.pushField(i);
        this.fieldStart = ++i;
        continue;
      }
      if (b === RD) {
        if (crlf) {
          if (i + 1 >= len) {
            if (!eof) break;
          } else if (buf[i + 1] === LF) {
            this.endLine(i, high);
            high = 0;
            i += 2;
            this.recordStart = this.fieldStart = i;
            continue;
          }
          // A bare CR in a CRLF file is field content.
          this.cr++;
          this.lineEvents++;
          i++;
          continue;
        }
        this.endLine(i, high);
        high = 0;
        i++;
        this.recordStart = this.fieldStart = i;
        continue;
      }
      if (b === QUOTE && i === this.fieldStart) {
        quoting = true;
        this.kind = QUOTED;
        i++;
        continue;
      }
      if (b === LF && crlf) {
        // an LF on its own ends a record as a CRLF does
        this.endLine(i, high);
        high = 0;
        i++;
        this.recordStart = this.fieldStart = i;
        continue;
      }
      if (b === LF) {
        this.lf++;
        this.lineEvents++;
      } else if (b === CR) {
        this.cr++;
        this.lineEvents++;
      }
      high |= b;
      i++;
    }
    this.quoting = quoting;
    this.high = high;
    this.pos = i;
    buf = this.buf;
    if (i - this.recordStart > this.maxRecordBytes) throw this.tooLong();
    if (!eof) return;
    // At the end csv-parse emits (or fails) before counting a line break that is the very last
    // byte; any other line break at the end was a record delimiter, already counted.
    const last = buf[len - 1];
    if (last === CR || last === LF) this.lineEvents--;
    if (quoting) throw quoteNotClosed(this.file, this.lastLine);
    // The last record, when the input does not end with a record delimiter.
    if (i > this.recordStart || this.fields > 0) {
      this.pushField(i);
      this.endRecord(high < 0x80);
      this.recordStart = this.fieldStart = i;
    }
  }

  /**
   * The first position from `from` on (below `len`) whose byte is special (read/specialBytes.ts:
   * the delimiter, a quote, CR, LF, or 0x80 or more), else `len`, when the block indexed has no
   * more: the next blocks are indexed until one has (the scan reads the block from `at` on).
   */
  private indexFrom(special: SpecialBytes, buf: Buffer, from: number, len: number): number {
    for (;;) {
      if (this.indexedTo >= len) {
        this.specials = this.at = 0;
        this.indexed = this.indexedTo = len;
        return len;
      }
      const start = Math.max(from, this.indexedTo);
      const end = Math.min(len, start + special.block);
      this.specials = special.index(buf, start, end, this.delimiter);
      this.indexed = start;
      this.indexedTo = end;
      this.at = 0;
      if (this.specials > 0) return start + (special.positions[0] as number);
    }
  }

  /** A record delimiter at `at`: ends the record, or skips an empty line. */
  private endLine(at: number, high: number): void {
    if (at - this.recordStart > this.maxRecordBytes) throw this.tooLong();
    // csv-parse counts the delimiter after emitting the record, so the record's line does not
    // include it.
    if (this.fields > 0 || at > this.recordStart) {
      this.pushField(at);
      this.endRecord(high < 0x80);
    } // else an empty line, skipped
    this.lineEvents++;
  }
}

/**
 * A quoted field the file ends inside: located where its record starts, the line after the last
 * whole record (`lastLine`, physical lines) — where the stray quote is, not the end of the file
 * that csv-parse's own message names. The scanner and the csv-parse reader (source.ts) both
 * say it so.
 */
export function quoteNotClosed(file: string, lastLine: number): ParityError {
  return new ParityError(`a quoted field from this line on is never closed: the file ends inside it`, {
    location: { file, line: lastLine + 1 },
    hint: 'check this row for a stray " (a quote inside a quoted value is written twice: "")',
  });
}

/** Whether record r of a batch has a field read as Windows-1252 (not valid UTF-8). */
export function isRecoded(batch: FieldBatch, r: number): boolean {
  if (batch.ascii[r] === 1) return false;
  for (let f = batch.firstField[r] as number; f < (batch.firstField[r + 1] as number); f++) if (((batch.kind[f] as number) & FIELD_RECODED) !== 0) return true;
  return false;
}

/** A file read straight into a buffer (source.ts `directFile`): bytes written at `offset`, 0 at the end. */
export interface ByteFiller {
  fill(target: Buffer, offset: number, length: number): Promise<number>;
  /** Releases the file (at the end, or when the reader stops early); more calls do nothing. */
  close(): Promise<void>;
  /**
   * The open file's descriptor, when another reader (a worker thread of this process) may read
   * it by position too: a regular file. The same open file, not the path opened again — a file
   * renamed over or deleted meanwhile would be another file, or none.
   */
  readonly fd?: number;
  /** Bytes read so far by whoever reads on (a reading worker), for the progress line. */
  report?(bytesRead: number): void;
}

/**
 * Where a scan can be taken over by another reader of the same open file (load/readAhead.ts):
 * its descriptor (still open: it is closed when the records are, after the other reader is
 * done), how it is delimited, and how many records (the header included) were handed out,
 * which the new reader skips. Its records are the same, in the same order, with the same lines.
 */
export interface ScanHandOff {
  readonly fd: number;
  readonly options: Omit<ScanOptions, 'recoded'>;
  readonly skip: number;
  /** Tells the progress line how far the new reader is. */
  report(bytesRead: number): void;
}

/** Bytes read per batch by a SkippingScan. */
export const SKIPPING_READ_BYTES = 1024 * 1024;

/**
 * A handed-over file read on from its start by position (ScanHandOff: the same open file), the
 * records already handed out passed over, batch by batch: what a reading worker does
 * (load/readWorker.ts), and what the main thread does when that worker fails
 * (load/readAhead.ts). Rescanning the skipped records costs a few milliseconds a megabyte and
 * needs no scanner state from the first reader.
 */
export class SkippingScan {
  private readonly scanner: CsvScanner;
  /** Bytes read so far. */
  position = 0;
  /** Records in the batches before the current one (the header included). */
  private scanned = 0;
  private ended = false;

  constructor(
    private readonly fd: number,
    options: Omit<ScanOptions, 'recoded'>,
    private readonly file: string,
    private readonly skip: number,
  ) {
    this.scanner = new CsvScanner({ ...options, file });
  }

  /**
   * The records of the next read (up to SKIPPING_READ_BYTES): the batch, and the index in it of
   * the first record past the skipped ones — `batch.count` or more when it holds none — so that a
   * caller on the main thread can turn the event loop between reads while it skips (the caller is
   * done with the previous batch: its arrays are reused); null at the end.
   */
  next(): { batch: FieldBatch; from: number } | null {
    const scanner = this.scanner;
    const batch = scanner.batch;
    this.scanned += batch.count;
    scanner.takeBatch();
    if (this.ended) return null;
    const target = scanner.room(SKIPPING_READ_BYTES);
    let read: number;
    try {
      read = readSync(this.fd, target, scanner.length, SKIPPING_READ_BYTES, this.position);
    } catch (error) {
      throw new ParityError(`cannot read: ${(error as Error).message}`, { location: { file: this.file } });
    }
    if (read === 0) {
      this.ended = true;
      scanner.finish();
    } else {
      this.position += read;
      scanner.wrote(read);
    }
    return { batch, from: Math.max(0, this.skip - this.scanned) };
  }
}

/** Bytes asked of a ByteFiller per read. */
const FILL_BYTES = 1024 * 1024;

/**
 * Records of a UTF-8 byte stream, header first. Errors (an unclosed quote, a record over the
 * size limit) are ParityErrors with the file and line. A plain iterator over batches rather than
 * an async generator: one promise per chunk of records, not per record; `nextFields` hands the
 * chunk undecoded (record.ts FieldBatch) to a consumer that reads the bytes itself.
 */
export function scanCsv(bytes: AsyncIterable<Buffer | string> | Iterable<Buffer> | ByteFiller, options: ScanOptions, special: SpecialBytes | null = specialBytes()): AsyncIterableIterator<RawRecord> & FieldBatchedRecords {
  // (an array has a `fill` too: a filler is what is not iterable)
  const filler = Symbol.asyncIterator in bytes || Symbol.iterator in bytes ? null : bytes;
  const source: AsyncIterator<Buffer | string> | Iterator<Buffer> | null =
    Symbol.asyncIterator in bytes ? bytes[Symbol.asyncIterator]() : Symbol.iterator in bytes ? bytes[Symbol.iterator]() : null;
  let at = 0;
  let ended = false;
  /** Records in the batches before the current one (the header included). */
  let before = 0;
  const scanner = new CsvScanner(options, undefined, special);
  const batch = scanner.batch;
  const done: IteratorResult<RawRecord> = { value: undefined, done: true };
  async function refill(): Promise<boolean> {
    before += batch.count;
    scanner.takeBatch();
    at = 0;
    while (batch.count === 0) {
      if (ended) return false;
      if (filler !== null) {
        const read = await filler.fill(scanner.room(FILL_BYTES), scanner.length, FILL_BYTES);
        if (read === 0) {
          ended = true;
          await filler.close();
          scanner.finish();
        } else scanner.wrote(read);
        continue;
      }
      const next = await (source as AsyncIterator<Buffer | string> | Iterator<Buffer>).next();
      if (next.done) {
        ended = true;
        scanner.finish();
      } else {
        const chunk = next.value;
        scanner.feed(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      }
    }
    return true;
  }
  const rest = (): RawRecord[] => {
    const out: RawRecord[] = [];
    for (; at < batch.count; at++) out.push(batch.record(at));
    return out;
  };
  const iterator: AsyncIterableIterator<RawRecord> & FieldBatchedRecords = {
    next(): Promise<IteratorResult<RawRecord>> {
      if (at < batch.count) return Promise.resolve({ value: batch.record(at++), done: false });
      return refill().then((more) => (more ? { value: batch.record(at++), done: false } : done));
    },
    async nextBatch(): Promise<readonly RawRecord[] | null> {
      if (at >= batch.count && !(await refill())) return null;
      return rest();
    },
    async nextFields(): Promise<FieldBatch | readonly RawRecord[] | null> {
      if (at >= batch.count && !(await refill())) return null;
      if (at > 0) return rest(); // some were taken one by one
      at = batch.count;
      return batch;
    },
    async handOff(): Promise<ScanHandOff | null> {
      if (ended || filler === null || filler.fd === undefined) return null;
      const fd = filler.fd;
      // the records scanned but not handed out are the new reader's: their UTF-8 notes too
      if (options.recoded) {
        for (let r = at; r < batch.count; r++) if (isRecoded(batch, r)) options.recoded.rows--;
        if (options.recoded.rows === 0) options.recoded.firstLine = 0;
      }
      const skip = before + at;
      // this reader stops here; the file stays open for the new one until `return()`
      ended = true;
      scanner.takeBatch();
      at = 0;
      const { recoded: _recoded, ...rest } = options;
      return { fd, options: rest, skip, report: (n) => filler.report?.(n) };
    },
    async return(): Promise<IteratorResult<RawRecord>> {
      ended = true;
      scanner.takeBatch();
      at = 0;
      await (filler ? filler.close() : source?.return?.());
      return done;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
