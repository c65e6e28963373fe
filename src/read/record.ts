/**
 * What the readers hand on: one record with the file and physical line it starts on, and an
 * opened source (header plus the records after it). Its own module so that the readers
 * (source.ts, scan.ts, ndjson.ts) share the types without importing each other.
 */

/** One CSV record with where it came from. `line` is the physical line the record starts on. */
export interface RawRecord {
  readonly file: string;
  readonly line: number;
  readonly values: string[];
  /**
   * The values as the file writes them, when a reader read any of them otherwise (an Excel text
   * formula `="00123"` is read as `00123`: read/excelText.ts); absent when they are the values.
   * What --rejects writes of a rejected row ({@link writtenValues}).
   */
  readonly written?: string[];
  /**
   * Set by a reader for a record it read that cannot be a row (a JSON value that is not an
   * object; `values` is then empty): the normaliser rejects it with this reason.
   */
  readonly rejected?: { readonly kind: string; readonly detail: string; readonly value: string } | undefined;
}

/** An opened delimited file: its header and a one-shot stream of the records after it. */
export interface CsvSource {
  readonly file: string;
  readonly header: string[];
  readonly delimiter: string;
  /** The text encoding the bytes were read in (`utf-8` unless the bytes said otherwise). */
  readonly encoding?: TextEncoding;
  readonly records: AsyncIterable<RawRecord>;
  /** Records with a value read as Windows-1252 because it was not valid UTF-8 (a UTF-8 file only). */
  readonly recoded?: RecodedRows;
  /** JSON lines with a U+FFFD: bytes that were not valid UTF-8 (or the character itself). */
  readonly replaced?: RecodedRows;
  /** Bytes read so far and the total when known (a file; not standard input), for progress. */
  readonly position?: () => { bytesRead: number; totalBytes: number | null };
  /** JSON keys not read: first seen after the records the header was made from (standard input), or past the header's cap (a file); filled in as it is read. */
  readonly lateKeys?: LateKeys;
  /**
   * Lines above a CSV's header that were passed over (Excel's `sep=` line, a title), or a sheet's
   * title rows (`rows`: their numbers are the sheet's rows): their numbers and the first one's text.
   */
  readonly aboveHeader?: { lines: number[]; first: string; rows?: true };
  /** The header's line (a CSV only): where a title above it would end (formats/open.ts). */
  readonly headerLine?: number;
  /** A workbook's: reads its records to at least `n` cells from now on (a header taken from a lower, wider row). */
  readonly widen?: (n: number) => void;
  /** A sheet was asked for (`--sheet`, the config's `sheet`) and the file is no workbook: read as it is, and said. */
  readonly sheetIgnored?: true;
  /** A workbook read at its first sheet (no sheet asked for): the names of its sheets, asked for only when that sheet cannot be audited. */
  readonly sheetNames?: () => Promise<string[]>;
  /** JSON API pages (`{"tickets": [...], "next_page": …}`): what they say of the pages after them, filled in as they are read. */
  readonly pages?: ApiPages;
}

/** What a JSON file's API pages say of the result they are pages of (read/ndjson.ts pageOf). */
export interface ApiPages {
  /** Pages read. */
  count: number;
  /** Records the pages held. */
  records: number;
  /**
   * What the pages say of the pages after them: the key by which the last page read says more
   * follow (`next_page`, `meta.has_more`); null when a page of the file says none follows (the
   * file holds the last page, wherever it is among its lines) or none says.
   */
  more: string | null;
  /** A page of the file said none follows. */
  ended: boolean;
  /** The largest count of the whole result a page gave (`total`, `total_count`, a `count` beyond its own records), with its key. */
  total: { value: number; key: string } | null;
}

/** Keys a JSON reader met after its header was made: the first few, how many more, the line of the first. */
export interface LateKeys {
  keys: string[];
  more?: number;
  firstLine: number;
  /** Why they were not read: standard input cannot be read twice; a file had more than the header takes. */
  why: 'stdin' | 'many';
}

/**
 * Records with a value that is not valid UTF-8 in a file read as UTF-8 (its first 64 KiB were):
 * each such value was read as Windows-1252, one character per byte, and its record counted here
 * for a note. Filled in by the reader as it goes.
 */
export interface RecodedRows {
  rows: number;
  /** Physical line of the first such record (0 while there is none). */
  firstLine: number;
}

/** A record's values as its file writes them (RawRecord.written), for --rejects. */
export function writtenValues(record: RawRecord): string[] {
  return record.written ?? record.values;
}

/** Encodings spreadsheet tools write CSV in. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';


/**
 * A record stream that can also hand over every record it already holds at once (the byte
 * scanner decodes a chunk of records per read): consumers that loop over millions of records
 * take them batch by batch, one promise per batch instead of one per record.
 */
export interface BatchedRecords extends AsyncIterable<RawRecord> {
  /** The records decoded but not yet taken (at least one), or null at the end. */
  nextBatch(): Promise<readonly RawRecord[] | null>;
}

function isBatched(records: AsyncIterable<RawRecord>): records is BatchedRecords {
  return typeof (records as Partial<BatchedRecords>).nextBatch === 'function';
}

/**
 * Records as the byte scanner found them, before any field is decoded: the bytes of a chunk and
 * where each record's fields start and end in them. Lets a consumer read the few columns it
 * needs straight from the bytes and make strings only of what it keeps; `record(r)` decodes a
 * whole record exactly as the string path does. Valid until the source's next batch is asked
 * for (the bytes are reused).
 */
export interface FieldBatch {
  readonly file: string;
  /** The bytes the offsets point into. */
  readonly bytes: Buffer;
  /** Records in the batch. */
  readonly count: number;
  /** Physical line each record starts on. */
  readonly line: Uint32Array;
  /** Record r's fields are firstField[r] .. firstField[r + 1] - 1. */
  readonly firstField: Int32Array;
  /** Byte offsets of each field, quotes included (a quoted field starts and ends with its quote). */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** How each field is written (see FIELD_* below). */
  readonly kind: Uint8Array;
  /** 1 when every byte of record r is ASCII. */
  readonly ascii: Uint8Array;
  /** Record r with every field decoded: the same values the string path yields (Excel's text formulas unwrapped, read/excelText.ts). */
  record(r: number): RawRecord;
  /** Field f (an index into start/end/kind) decoded, untrimmed, as written (a text formula not unwrapped). */
  text(f: number): string;
  /**
   * Which records' bytes hold `="` (1 at their index), the mark of every value read from an Excel
   * text formula (read/excelText.ts), or null when none does (one search of the batch's bytes,
   * made once). The byte reader (normalise/fields.ts) leaves such records to the string path.
   */
  formulaRows(): Uint8Array | null;
}

/** Field kinds of a FieldBatch. */
export const FIELD_PLAIN = 0; // unquoted: the value is the raw bytes
export const FIELD_QUOTED = 1; // "…" without doubled quotes: the bytes between the quotes
export const FIELD_ESCAPED = 2; // "…" with doubled quotes: between the quotes, "" → "
export const FIELD_ODD = 3; // a quote inside quotes not followed by a delimiter: the rare relaxed case
/** Added to a field's kind when its bytes are not valid UTF-8: its value is read as Windows-1252. */
export const FIELD_RECODED = 4;

/**
 * A record stream that can hand over undecoded field batches (the byte scanner). Until the
 * records already decoded (a sample taken for sniffing) are used up, `nextFields` hands those.
 */
export interface FieldBatchedRecords extends BatchedRecords {
  nextFields(): Promise<FieldBatch | readonly RawRecord[] | null>;
  /**
   * Ends this reading and says where another reader of the same file takes over (read/scan.ts
   * ScanHandOff), or null when it cannot (not a regular file read directly, or already ended).
   */
  handOff?(): Promise<import('./scan.js').ScanHandOff | null>;
}

export function isFieldBatched(records: AsyncIterable<RawRecord>): records is FieldBatchedRecords {
  return typeof (records as Partial<FieldBatchedRecords>).nextFields === 'function';
}

/** The records of `records` in batches: the source's own when it has them, else one record each. */
export async function* batchesOf(records: AsyncIterable<RawRecord>): AsyncGenerator<readonly RawRecord[]> {
  if (isBatched(records)) {
    try {
      for (let batch = await records.nextBatch(); batch !== null; batch = await records.nextBatch()) yield batch;
    } finally {
      // the consumer stopped early (an error, a break): close the source as for-await would
      const source = records as Partial<AsyncIterator<RawRecord>>;
      await source.return?.();
    }
    return;
  }
  for await (const record of records) yield [record];
}

/** A batched source's next batch, or the next record alone for any other source; null at the end. */
export async function nextBatchOf(records: AsyncIterable<RawRecord>, iterator: AsyncIterator<RawRecord>): Promise<readonly RawRecord[] | null> {
  if (isBatched(records)) return records.nextBatch();
  const next = await iterator.next();
  return next.done ? null : [next.value];
}

/**
 * Stops reading `records` early and releases what they read from (a file handle, a stream);
 * call it whenever an opened file is given up before its last record.
 */
export async function closeRecords(records: AsyncIterable<RawRecord>): Promise<void> {
  const own = records as Partial<AsyncIterator<RawRecord>>;
  if (typeof own.return === 'function') await own.return();
  else await records[Symbol.asyncIterator]().return?.();
}
