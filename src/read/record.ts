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
}

/** An opened delimited file: its header and a one-shot stream of the records after it. */
export interface CsvSource {
  readonly file: string;
  readonly header: string[];
  readonly delimiter: string;
  /** The text encoding the bytes were read in (`utf-8` unless the bytes said otherwise). */
  readonly encoding?: TextEncoding;
  readonly records: AsyncIterable<RawRecord>;
  /** Bytes read so far and the total when known (a file; not standard input), for progress. */
  readonly position?: () => { bytesRead: number; totalBytes: number | null };
}

/** Encodings spreadsheet tools write CSV in. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';

