/**
 * Bounds on gzip input: the decompressed size of one input, and the ratio of decompressed to
 * compressed bytes (judged once RATIO_FLOOR_BYTES came out). An 8 MB gzip bomb that inflates to
 * 8 GiB stops after a few MiB instead of running for a minute; real CSV compresses 5–20×.
 * Counting happens on the stream, so nothing extra is held in memory.
 */
import { Transform, type Readable } from 'node:stream';
import type { Gunzip } from 'node:zlib';
import { ParityError } from '../errors.js';
import { RATIO_FLOOR_BYTES, formatSize, raiseHint, type ReadLimits } from './limits.js';

/** Pipes `compressed` through `gunzip` and returns the decompressed stream, bounded by `limits`. */
export function gzipGuard(compressed: Readable, gunzip: Gunzip, file: string, limits: ReadLimits): Readable {
  let inBytes = 0;
  let outBytes = 0;
  const countIn = new Transform({
    transform(chunk: Buffer, _enc, done) {
      inBytes += chunk.length;
      done(null, chunk);
    },
  });
  const countOut = new Transform({
    transform(chunk: Buffer, _enc, done) {
      outBytes += chunk.length;
      if (outBytes > limits.maxDecompressedBytes) {
        done(new ParityError(`decompresses to more than ${formatSize(limits.maxDecompressedBytes)}`, { location: { file }, hint: raiseHint('maxDecompressedBytes', limits.maxDecompressedBytes) }));
        return;
      }
      if (outBytes >= RATIO_FLOOR_BYTES && outBytes / Math.max(inBytes, 1) > limits.maxCompressionRatio) {
        done(
          new ParityError(`decompresses more than ${limits.maxCompressionRatio} times its size (${formatSize(outBytes)} from ${formatSize(inBytes)}): a gzip bomb, not an export`, {
            location: { file },
            hint: raiseHint('maxCompressionRatio', limits.maxCompressionRatio),
          }),
        );
        return;
      }
      done(null, chunk);
    },
  });
  compressed.on('error', (e) => countIn.destroy(e));
  countIn.on('error', (e) => gunzip.destroy(e));
  // (zlib's own words, "unexpected end of file", name no file: said as parity says it, for every reader)
  gunzip.on('error', (e) => countOut.destroy(damaged(e, file)));
  compressed.pipe(countIn).pipe(gunzip).pipe(countOut);
  return countOut;
}

/** A zlib error as the input error it is: the file's gzip data is damaged or cut short. */
function damaged(error: Error, file: string): Error {
  if (error instanceof ParityError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'Z_DATA_ERROR' && code !== 'Z_BUF_ERROR') return error;
  return new ParityError('the gzip data is damaged or truncated', {
    location: { file },
    hint: `zlib says: ${error.message}; a file cut short in a download or a copy, or with bytes after the end of its gzip data: fetch it again`,
  });
}
