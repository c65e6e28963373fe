/**
 * Bytes → records. Opens a file or standard input, un-gzips when the bytes say so, sniffs the
 * field delimiter (comma, semicolon, tab) and the record delimiter (LF, CRLF, CR) from the first
 * chunk, and streams records, each with its file and starting line: UTF-8 through the byte
 * scanner (scan.ts), anything else through csv-parse, which is also the reference the scanner is
 * tested against. Nothing here holds a whole file in memory.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream, ReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { CsvError } from 'csv-parse';

type CsvErrorClass = typeof CsvError;
import { ParityError } from '../errors.js';
import { openJson } from './ndjson.js';
import { quoteNotClosed, scanCsv, type ByteFiller, type ScanOptions } from './scan.js';
import { DEFAULT_LIMITS, raiseHint, type ReadLimits } from './limits.js';
import { gzipGuard } from './gzipGuard.js';
import { decodeWindows1252 } from './windows1252.js';
import type { CsvSource, RawRecord, RecodedRows, TextEncoding } from './record.js';
import { closeRecords, writtenValues } from './record.js';
import { unwrapExcelText } from './excelText.js';
import { isOle2, isZip, openXlsx, unsupportedWorkbook, workbookKind, type SheetChoice } from './xlsx.js';

export type { CsvSource, RawRecord, TextEncoding } from './record.js';

/** How to read: which reader (the byte scanner unless told otherwise) and the resource bounds. */
export interface ReadOptions {
  /** `csv-parse` forces the reference reader (tests run both). */
  readonly reader?: 'fast' | 'csv-parse';
  /** Resource bounds (read/limits.ts): largest record, JSON size and depth, gzip ratio. */
  readonly limits?: ReadLimits;
  /** The sheet of an .xlsx workbook (name or 1-based position); the first when absent. */
  readonly sheet?: SheetChoice | undefined;
  /**
   * Whether a cell names a column some format reads (formats/open.ts knownHeaderName): a
   * workbook row holding one is never passed over as a title (read/xlsx.ts headerRowOf).
   */
  readonly headerName?: (cell: string) => boolean;
}

/**
 * The encoding of a text head: a UTF-16LE byte-order mark (Excel's "Unicode text"), valid UTF-8
 * (with or without BOM), or else Windows-1252 (Excel's "CSV" on Western Windows).
 */
export function sniffEncoding(head: Buffer): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  // UTF-16LE saved without its byte-order mark: ASCII text with a NUL after every byte
  if (zeroPattern(head) === 'utf-16le') return 'utf-16le';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * The encoding a head's NUL bytes give away, for text mostly ASCII: UTF-16 (a NUL beside every
 * character, after it little-endian, before it big-endian) or UTF-32 (three NULs a character, or
 * its byte-order mark); null when they follow no such pattern (UTF-8 text has no NUL; a stray one
 * is its field's).
 */
export function zeroPattern(head: Buffer): 'utf-16le' | 'utf-16be' | 'utf-32' | null {
  // a UTF-32 byte-order mark, little- or big-endian (FF FE alone is UTF-16LE's)
  if ((head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) || (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff)) return 'utf-32';
  const n = Math.min(head.length, 4096) & ~3;
  if (n < 8) return null;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (head[i] === 0) zeros[i & 3]!++;
  const quarter = n / 4;
  const share = (k: number): number => (zeros[k] as number) / quarter;
  // UTF-32: three of every four bytes NUL (little- or big-endian), a byte-order mark or not
  if ([0, 1, 2, 3].filter((k) => share(k) >= 0.8).length === 3) return 'utf-32';
  const even = (share(0) + share(2)) / 2;
  const odd = (share(1) + share(3)) / 2;
  if (odd >= 0.4 && even <= 0.05) return 'utf-16le';
  if (even >= 0.4 && odd <= 0.05) return 'utf-16be';
  return null;
}

/** Re-decodes a byte stream to UTF-8 text chunks. */
function decodeStream(stream: Readable, encoding: TextEncoding): Readable {
  const decoder = new TextDecoder(encoding);
  async function* decode(): AsyncGenerator<string> {
    for await (const chunk of stream) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }
  return Readable.from(decode(), { objectMode: false });
}

const PEEK_BYTES = 64 * 1024;
/** Read size: large reads cost fewer system calls and fewer scanner resumptions. */
const READ_CHUNK_BYTES = 1024 * 1024;

/** Reads at least `min` bytes (or to the end) and returns them with a stream that replays them. */
async function peek(stream: Readable, min: number): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = stream[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < min) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer);
    chunks.push(chunk);
    size += chunk.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value as Buffer;
    }
  }
  return { head, stream: Readable.from(replay(), { objectMode: false }) };
}

/**
 * The delimiters of a CSV text head: the field delimiter that occurs most in the header line
 * outside quotes (comma on a tie), and the first record delimiter outside quotes.
 */
export function sniffDelimiters(head: string): { delimiter: string; recordDelimiter: string } {
  const text = head.replace(/^\uFEFF/, '');
  // Excel's `sep=;` first line names the delimiter
  const sep = /^sep=([^\r\n])(\r\n|\r|\n)/i.exec(text);
  if (sep) return { delimiter: sep[1] as string, recordDelimiter: sep[2] as string };
  // The delimiter is the one the header line holds most of. A title line above the table
  // ("Conversations report Oct 2026") holds at most one of any: the first of the first
  // TITLE_LINES + 1 lines that holds two or more of one is the header (else the first line).
  const recordDelimiter = sniffRecordDelimiter(text);
  const lines: Array<Record<string, number>> = [];
  let counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length && lines.length <= TITLE_LINES; i++) {
    const c = text[i] as string;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === recordDelimiter[0] && (recordDelimiter.length === 1 || text[i + 1] === '\n')) {
      i += recordDelimiter.length - 1;
      lines.push(counts);
      counts = { ',': 0, ';': 0, '\t': 0 };
    } else if (!inQuotes && c in counts) counts[c] = (counts[c] ?? 0) + 1;
  }
  if (lines.length <= TITLE_LINES) lines.push(counts);
  const most = (line: Record<string, number>): number => Math.max(line[','] ?? 0, line[';'] ?? 0, line['\t'] ?? 0);
  const header = lines.find((line) => most(line) >= 2) ?? (lines[0] as Record<string, number>);
  let delimiter = ',';
  for (const d of [';', '\t']) if ((header[d] ?? 0) > (header[delimiter] ?? 0)) delimiter = d;
  return { delimiter, recordDelimiter };
}

/**
 * The record delimiter of a CSV text head: the first line end outside quotes (LF, CRLF or a bare
 * CR), as ever, unless that is a bare CR in a head whose line feeds outnumber its bare CRs: then
 * the CR is a character of its field, as a bare CR on any later line of an LF file is (Python's
 * csv.writer leaves one unquoted in a header: taken as the delimiter, it had made a file of three
 * LF rows one ragged row), and the line feeds decide, CRLF when most of them follow a CR. The
 * counts ignore quotes, so that one stray quote in a CR-ended file (`5" screen`) cannot turn a
 * quoted line feed into the record delimiter.
 */
function sniffRecordDelimiter(text: string): '\n' | '\r\n' | '\r' {
  let inQuotes = false;
  let first: '\n' | '\r\n' | '\r' = '\n';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      first = c === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
      break;
    }
  }
  if (first !== '\r') return first;
  let lf = 0;
  let crlf = 0;
  let bareCr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lf++;
      if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    } else if (c === 13 && text.charCodeAt(i + 1) !== 10) bareCr++;
  }
  if (lf <= bareCr) return '\r';
  return crlf * 2 > lf ? '\r\n' : '\n';
}

/** Most lines above a CSV's header read as a title (or Excel's `sep=` line) and passed over. */
const TITLE_LINES = 5;

/**
 * Whether the first record of a CSV is a line above its header rather than the header: Excel's
 * `sep=;` line, or a title (one cell with text, the rest empty: "Conversations report Oct
 * 2026", or Excel's `Report,,,,`), as a workbook's title row is passed over (xlsx.ts).
 */
function aboveHeader(values: readonly string[]): boolean {
  if (/^sep=/i.test(values[0]?.trim() ?? '') && values.slice(1).every((v) => v.trim() === '')) return true;
  return values.filter((v) => v.trim() !== '').length < 2;
}

/**
 * The first `bytes` bytes of a file (fewer when it is shorter), or null when it cannot be read
 * here (the reader that opens it next says why). For a look at a file before it is read.
 */
export async function fileHead(path: string, bytes: number): Promise<Buffer | null> {
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(bytes), 0, bytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/**
 * The line of a file's first byte that is not valid UTF-8, numbered as parity numbers lines (1 +
 * the line breaks before it: LF, CRLF or a bare CR), or null when the file is all UTF-8 or cannot
 * be read here. For an error that says where: DuckDB stops at such a byte and counts records,
 * not lines (engines/index.ts).
 */
export async function firstInvalidUtf8Line(path: string): Promise<number | null> {
  const CHUNK = 4 * 2 ** 20;
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(CHUNK + 4);
    let carry = 0; // bytes of a sequence cut at the end of the last chunk, moved to the front
    let lines = 1;
    let position = 0;
    let afterCr = false; // the last byte counted was a CR (an LF first in the next chunk is its CRLF)
    for (;;) {
      const { bytesRead } = await handle.read(buf, carry, CHUNK, position);
      position += bytesRead;
      const length = carry + bytesRead;
      const end = bytesRead === 0 ? length : completeUtf8End(buf, length);
      const bad = isUtf8(buf.subarray(0, end)) ? -1 : firstInvalidUtf8(buf, end);
      const upTo = bad < 0 ? end : bad;
      const counted = lineBreaks(buf, upTo, afterCr);
      lines += counted.breaks;
      afterCr = counted.afterCr;
      if (bad >= 0) return lines;
      if (bytesRead === 0) return carry > 0 ? lines : null; // a sequence cut by the end of the file
      buf.copy(buf, 0, end, length);
      carry = length - end;
    }
  } finally {
    await handle.close();
  }
}

/** Line breaks in `buf[0, end)` (LF, CRLF, a bare CR; an LF first after a CR that ended the last chunk is that CR's), and whether it ends with a CR. */
function lineBreaks(buf: Buffer, end: number, afterCr: boolean): { breaks: number; afterCr: boolean } {
  let breaks = 0;
  let cr = afterCr;
  for (let k = 0; k < end; k++) {
    const b = buf[k] as number;
    if (b === 0x0a) {
      if (!cr) breaks++;
      cr = false;
    } else if (b === 0x0d) {
      breaks++;
      cr = true;
    } else cr = false;
  }
  return { breaks, afterCr: cr };
}

/** Where the last complete UTF-8 sequence of `buf[0, length)` ends (before a lead byte whose sequence is cut). */
function completeUtf8End(buf: Buffer, length: number): number {
  for (let k = length - 1; k >= Math.max(0, length - 3); k--) {
    const b = buf[k] as number;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length - k < need ? k : length;
  }
  return length;
}

/** The offset of the first byte of `buf[0, end)` that does not start or continue a valid UTF-8 sequence (WHATWG rules, as isUtf8), or `end`. */
function firstInvalidUtf8(buf: Buffer, end: number): number {
  let i = 0;
  while (i < end) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    // the allowed range of the second byte, and how many bytes the sequence has
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 3;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 4;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + n > end) return i;
    const second = buf[i + 1] as number;
    if (second < lo || second > hi) return i;
    for (let k = 2; k < n; k++) if (((buf[i + k] as number) & 0xc0) !== 0x80) return i;
    i += n;
  }
  return end;
}

/** A readable for `path`, or standard input for `-`. */
async function openBytes(path: string, stdin: Readable): Promise<Readable> {
  if (path === '-') return stdin;
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new ParityError('no such file', { location: { file: path }, hint: 'check the path; use - to read standard input' });
  }
  if (info.isDirectory()) throw new ParityError('is a directory, not a file', { location: { file: path } });
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  FILE_SIZES.set(stream, info.size);
  if (info.isFile()) REGULAR_FILES.add(stream);
  return stream;
}

/** Sizes of the files opened, by stream (for progress). */
const FILE_SIZES = new WeakMap<Readable, number>();
/** The streams of regular files (not pipes or devices), which can be read again by position. */
const REGULAR_FILES = new WeakSet<Readable>();

/**
 * A regular file read again from its start straight into the byte scanner's buffer, by
 * position: no copy of every chunk out of a stream's buffer into the scanner's. Read errors are
 * ParityErrors naming the file.
 */
async function directFile(path: string, file: string): Promise<ByteFiller & { readonly bytesRead: number }> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw csvFailure(error, file, 1);
  });
  let position = 0;
  let closed = false;
  const filler: ByteFiller & { readonly bytesRead: number } = {
    fd: handle.fd,
    get bytesRead() {
      return position;
    },
    report(bytesRead) {
      position = bytesRead;
    },
    async fill(target, offset, length) {
      try {
        const { bytesRead } = await handle.read(target, offset, length, position);
        position += bytesRead;
        return bytesRead;
      } catch (error) {
        await filler.close();
        throw csvFailure(error, file, 1);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
  return filler;
}

/** How far into its bytes a source is: for a file, bytes read of its size (compressed if gzip). */
function positionOf(stream: Readable): CsvSource['position'] {
  if (!(stream instanceof ReadStream)) return undefined;
  const total = FILE_SIZES.get(stream) ?? null;
  return () => ({ bytesRead: stream.bytesRead, totalBytes: total });
}

function csvFailure(error: unknown, file: string, fallbackLine: number, csvError?: CsvErrorClass, limits: ReadLimits = DEFAULT_LIMITS): ParityError {
  if (csvError && error instanceof csvError && error.code === 'CSV_MAX_RECORD_SIZE') {
    return new ParityError(`a record is larger than ${limits.maxRecordBytes.toLocaleString('en-US')} bytes (a missing line break or closing quote, or not a CSV file)`, {
      location: { file, line: fallbackLine },
      hint: raiseHint('maxRecordBytes', limits.maxRecordBytes),
    });
  }
  // (fallbackLine: the line after the last whole record, where the unclosed one starts)
  if (csvError && error instanceof csvError && error.code === 'CSV_QUOTE_NOT_CLOSED') return quoteNotClosed(file, fallbackLine - 1);
  if (csvError && error instanceof csvError) {
    const line = (error as CsvError & { lines?: number }).lines ?? fallbackLine;
    const hint =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field is never closed; check for a stray " in the row'
        : 'the file is not well-formed CSV at this point';
    return new ParityError(error.message.replace(/^Invalid [^:]*: /, ''), { location: { file, line }, hint });
  }
  if (error instanceof ParityError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
    return new ParityError('the gzip data is damaged or truncated', { location: { file } });
  }
  return new ParityError(`cannot read: ${(error as Error).message}`, { location: { file } });
}



/** The words for fields between `|`, a delimiter parity does not sniff (formats/open.ts says them too, for a header of such fields). */
export const PIPES = 'its fields are separated by "|", which parity does not read as a delimiter: export it as CSV (comma, semicolon or tab), or turn the bars into tabs (tr \'|\' \'\\t\' < file > file.tsv) if no value holds one';

/** How a web page or another XML document starts (a doctype, the html element, an XML declaration or a comment), after any space. */
const HTML_START = /^\s*<(!doctype\s+html|html[\s>]|\?xml|!--)/i;

/** A web page (or an XML document) given as the export: a sign-in or error page saved in its place. */
function webPage(file: string, line?: number): ParityError {
  return new ParityError('the file is a web page (HTML) or another XML document, not a ticket export', {
    location: line === undefined ? { file } : { file, line },
    hint: 'a page saved in place of the export (a sign-in or error page, a download link opened in the browser): download the export again from the helpdesk, as CSV or JSON',
  });
}

/** Parquet's magic "PAR1", how every Parquet file starts (and ends). */
export function isParquet(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}

/**
 * A Parquet file reached a command that reads text (tickets, inspect, init, or audit of a file
 * not named .parquet): its bytes are never read as CSV.
 */
function parquetAsText(file: string): ParityError {
  const asCsv = "to list or inspect its rows, write it out as CSV first (in DuckDB: COPY (FROM 'file.parquet') TO 'file.csv')";
  return new ParityError('the file is Parquet, which parity reads only through DuckDB, counted where it is (parity audit, parity counts)', {
    location: { file },
    hint:
      file === '<stdin>'
        ? 'save it as a file named .parquet and audit that with parity audit'
        : /\.parquet$/i.test(file)
          ? `audit it with parity audit (or count it with parity counts); ${asCsv}`
          : `name it with the .parquet extension and audit it with parity audit; ${asCsv}`,
  });
}

/**
 * Opens `path` (or `-`) as a delimited file, a JSON export or an Excel workbook (read/xlsx.ts).
 * Throws ParityError for a missing or empty file; record-level CSV errors surface from the
 * `records` iterator as ParityError with a line.
 */
export async function openCsv(path: string, stdin: Readable, read: ReadOptions = {}): Promise<CsvSource> {
  const file = path === '-' ? '<stdin>' : path;
  const limits = read.limits ?? DEFAULT_LIMITS;
  let bytes = await openBytes(path, stdin);
  bytes.on('error', () => undefined);
  const original = bytes;
  let gzipped = false;
  let position = positionOf(bytes);
  const withPosition = <T extends CsvSource>(source: T): T => (position ? { ...source, position } : source);
  let peeked = await peek(bytes, 8).catch((error: unknown) => {
    throw csvFailure(error, file, 1);
  });
  // Workbooks, by name or by their bytes (a renamed export): never read zip bytes as CSV.
  const kind = path === '-' ? null : workbookKind(path);
  if (kind === 'legacy' || isOle2(peeked.head)) {
    if (path !== '-') bytes.destroy();
    throw unsupportedWorkbook(file, 'legacy');
  }
  // (a page saved under the workbook's name, an expired download: not "a zip that is no workbook")
  if (kind === 'xlsx' && !isZip(peeked.head) && HTML_START.test(Buffer.from(peeked.head).toString('latin1'))) {
    bytes.destroy();
    throw webPage(file);
  }
  if (kind === 'xlsx' || isZip(peeked.head)) {
    if (path !== '-') bytes.destroy();
    if (path === '-') throw unsupportedWorkbook(file, 'stdin');
    return openXlsx(path, file, read.sheet, kind === 'xlsx', read.headerName, limits);
  }
  if (isParquet(peeked.head)) {
    if (path !== '-') bytes.destroy();
    throw parquetAsText(file);
  }
  if (peeked.head[0] === 0x1f && peeked.head[1] === 0x8b) {
    gzipped = true;
    const gunzip = createGunzip();
    const guarded = gzipGuard(peeked.stream, gunzip, file, limits);
    peeked.stream.on('error', (e) => gunzip.destroy(e));
    bytes = guarded;
  } else {
    bytes = peeked.stream;
  }
  peeked = await peek(bytes, PEEK_BYTES).catch((error: unknown) => {
    throw csvFailure(error, file, 1);
  });
  // (inside gzip: a workbook, Parquet or a gzipped gzip are none of them read as text)
  if (gzipped && (isZip(peeked.head) || isOle2(peeked.head) || isParquet(peeked.head) || (peeked.head[0] === 0x1f && peeked.head[1] === 0x8b))) {
    const what = isParquet(peeked.head) ? 'a Parquet file' : peeked.head[0] === 0x1f ? 'another gzip file' : isOle2(peeked.head) ? 'a legacy Excel workbook (.xls)' : 'a zip archive (an .xlsx workbook, or another)';
    throw new ParityError(`the file is gzip holding ${what}, which parity does not read compressed`, {
      location: { file },
      hint: `decompress it (gunzip -k ${file === '<stdin>' ? '<file>.gz' : file}) and give parity the file inside`,
    });
  }
  const zeros = zeroPattern(peeked.head);
  if (zeros === 'utf-32') {
    throw new ParityError('the file is UTF-32, which parity does not read', { location: { file }, hint: 'save it as UTF-8 (or UTF-16 little-endian) CSV' });
  }
  if ((peeked.head[0] === 0xfe && peeked.head[1] === 0xff) || zeros === 'utf-16be') {
    throw new ParityError('the file is UTF-16 big-endian, which parity does not read', {
      location: { file },
      hint: 'save it as UTF-8 (or UTF-16 little-endian) CSV',
    });
  }
  // Sniff from the first 64 KiB whatever the read size, so the same file is always read alike.
  const head = peeked.head.subarray(0, PEEK_BYTES);
  const encoding = sniffEncoding(head);
  const headText = encoding === 'utf-8' ? head.toString('utf8') : new TextDecoder(encoding).decode(head, { stream: true });
  const text = encoding === 'utf-8' ? peeked.stream : decodeStream(peeked.stream, encoding);
  if (headText.replace(/^\uFEFF/, '').trim() === '') {
    throw new ParityError('the file is empty: no header row and no tickets', { location: { file } });
  }
  // JSON exports (NDJSON, arrays, API pages) start with { or [; CSV never does.
  const firstChar = headText.replace(/^\uFEFF/, '').trimStart()[0];
  if (firstChar === '{' || firstChar === '[') {
    // a regular file is read once more for the keys past the header sample (ndjson.ts); a pipe cannot be
    const reopen = path !== '-' && REGULAR_FILES.has(original)
      ? (): Readable => {
          const raw = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
          raw.on('error', () => undefined);
          let again: Readable = raw;
          if (gzipped) {
            const gunzip = createGunzip();
            raw.on('error', (e) => gunzip.destroy(e));
            again = gzipGuard(raw, gunzip, file, limits);
          }
          return encoding === 'utf-8' ? again : decodeStream(again, encoding);
        }
      : null;
    return withPosition({ ...(await openJson(file, text, limits, reopen)), encoding, ...(read.sheet !== undefined ? { sheetIgnored: true as const } : {}) });
  }
  const { delimiter, recordDelimiter } = sniffDelimiters(headText);
  const recoded: RecodedRows = { rows: 0, firstLine: 0 };
  const options: ScanOptions = { file, delimiter, recordDelimiter: recordDelimiter as ScanOptions['recordDelimiter'], maxRecordBytes: limits.maxRecordBytes, recoded };
  // The byte scanner reads UTF-8 (a plain file straight into its buffer); csv-parse (the
  // reference) reads everything else.
  let all: AsyncIterableIterator<RawRecord>;
  if (encoding === 'utf-8' && read.reader !== 'csv-parse' && !gzipped && REGULAR_FILES.has(original)) {
    original.destroy();
    const direct = await directFile(path, file);
    const totalBytes = FILE_SIZES.get(original) ?? null;
    position = () => ({ bytesRead: direct.bytesRead, totalBytes });
    all = scanCsv(direct, options);
  } else all = encoding === 'utf-8' && read.reader !== 'csv-parse' ? scanCsv(text, options) : csvParseRecords(text, options, encoding === 'utf-8');
  let first = await all.next();
  if (first.done) throw new ParityError('the file is empty: no header row and no tickets', { location: { file } });
  if (HTML_START.test(first.value.values.join(delimiter))) {
    await closeRecords(all);
    throw webPage(file, first.value.line);
  }
  // a title or Excel's sep= line above the header is passed over (not a row: it is not
  // counted), and a note says which lines (formats/open.ts readNotes)
  const passed: RawRecord[] = [];
  for (let skipped = 0; aboveHeader(first.value.values); skipped++) {
    const next: IteratorResult<RawRecord> = skipped < TITLE_LINES ? await all.next() : { done: true, value: undefined };
    if (next.done) {
      await closeRecords(all);
      const lines = [...passed, first.value];
      // (fields between `|`, as a database's unload or a wiki table writes them: a delimiter
      // parity does not sniff, named rather than "one value each")
      const piped = lines.every((r) => (r.values[0] ?? '').split('|').length >= 3);
      throw new ParityError(`no header row: the first ${skipped + 1 === 1 ? 'line holds' : `${skipped + 1} lines hold`} one value each`, {
        location: { file, line: first.value.line },
        hint: piped ? PIPES : 'a ticket export has a header row naming its columns (id, channel, creation time, …) above its rows',
      });
    }
    passed.push(first.value);
    first = next;
  }
  if (first.value.values.length > limits.maxColumns) {
    await closeRecords(all);
    throw new ParityError(`the header row has ${first.value.values.length.toLocaleString('en-US')} columns, more than ${limits.maxColumns.toLocaleString('en-US')} (a file of delimiters, or not a CSV file)`, {
      location: { file, line: first.value.line },
      hint: raiseHint('maxColumns', limits.maxColumns),
    });
  }
  // (a header is read as written: only values are Excel's text formulas, read/excelText.ts)
  const header = writtenValues(first.value).map((h) => h.trim());
  const above = passed.length ? { aboveHeader: { lines: passed.map((r) => r.line), first: passed[0]!.values.filter((v) => v.trim() !== '').join(' ') } } : {};
  return withPosition({ file, header, delimiter, encoding, records: all, headerLine: first.value.line, ...(encoding === 'utf-8' ? { recoded } : {}), ...above, ...(read.sheet !== undefined ? { sheetIgnored: true as const } : {}) });
}

/**
 * A csv-parse record read from UTF-8 bytes as latin1 (one character per byte) decoded as the
 * byte scanner decodes it: each value UTF-8, or Windows-1252 when it is not valid UTF-8.
 */
function decodedRecord(values: string[], line: number, recoded: RecodedRows | undefined): string[] {
  let any = false;
  const out = values.map((value) => {
    if (!/[^\x00-\x7f]/.test(value)) return value;
    const bytes = Buffer.from(value, 'latin1');
    if (isUtf8(bytes)) return bytes.toString('utf8');
    any = true;
    return decodeWindows1252(bytes);
  });
  if (any && recoded && recoded.rows++ === 0) recoded.firstLine = line;
  return out;
}

/** A byte stream without its UTF-8 byte-order mark. */
async function* withoutBom(bytes: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let head: Buffer | null = Buffer.alloc(0);
  for await (const part of bytes) {
    const chunk = typeof part === 'string' ? Buffer.from(part) : part;
    if (head === null) {
      yield chunk;
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < 3) continue;
    yield head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
    head = null;
  }
  if (head !== null && head.length > 0) yield head;
}

/**
 * Records (header first) through csv-parse: the reference reader, and the one for text that is
 * not UTF-8. Errors surface as ParityError with a line.
 */
export async function* csvParseRecords(text: Readable, options: ScanOptions, utf8Bytes = false): AsyncGenerator<RawRecord> {
  const { file, delimiter, recordDelimiter } = options;
  // Loaded only for the fallback: the byte scanner reads UTF-8 without it.
  const { parse, CsvError } = await import('csv-parse');
  const parser = parse({
    delimiter,
    // LF and CRLF alike, as the scanner (ScanOptions.recordDelimiter)
    record_delimiter: recordDelimiter === '\r' ? '\r' : ['\r\n', '\n'],
    // (csv-parse would switch to UTF-8 on a BOM: bytes read as latin1 lose theirs first)
    bom: !utf8Bytes,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    // UTF-8 bytes are parsed one character per byte and decoded value by value as the scanner
    // does (a value that is not valid UTF-8 is read as Windows-1252); record sizes are then bytes.
    ...(utf8Bytes ? { encoding: 'latin1' as const } : {}),
    // bounded memory: a file without line breaks (a gzip bomb, /dev/zero) stops here
    max_record_size: options.maxRecordBytes ?? DEFAULT_LIMITS.maxRecordBytes,
  });
  const input = utf8Bytes ? Readable.from(withoutBom(text), { objectMode: false }) : text;
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  let lastLine = 0;
  let phantomLines = 0;
  for (;;) {
    let next: IteratorResult<{ record: string[]; info: { lines: number } }>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw csvFailure(error, file, lastLine + 1, CsvError, { ...DEFAULT_LIMITS, maxRecordBytes: options.maxRecordBytes ?? DEFAULT_LIMITS.maxRecordBytes });
    }
    if (next.done) return;
    const { record, info } = next.value;
    // csv-parse reports the line a record ends on, counting every CR and LF inside fields as a
    // line break. Physical lines (as grep or an editor count them) break on LF, or on CR in a
    // CR-delimited file, so a CRLF or a bare CR inside a field is over-counted: keep a tally.
    let cr = 0;
    let lf = 0;
    let crlf = 0;
    for (const value of record) {
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (c === 10) lf++;
        else if (c === 13) {
          cr++;
          if (value.charCodeAt(i + 1) === 10) crlf++;
        }
      }
    }
    const physical = recordDelimiter === '\r' ? cr + lf - crlf : lf;
    phantomLines += cr + lf - physical;
    const end = info.lines - phantomLines;
    const line = Math.max(lastLine + 1, end - physical);
    lastLine = end;
    const values = utf8Bytes ? decodedRecord(record, line, options.recoded) : record;
    // Excel's text formulas (`="00123"`) read as the text they show, as the scanner reads them (read/excelText.ts)
    const unwrapped = unwrapExcelText(values);
    yield unwrapped === null ? { file, line, values } : { file, line, values: unwrapped, written: values };
  }
}
