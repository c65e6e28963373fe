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
