/**
 * Lines of a text stream with a bound on their length, and a bounded check of JSON nesting.
 * node:readline keeps a line growing until it ends, so a 600 MB line without a break used
 * 600 MB (and then more than V8's longest string); here a line over its limit is an error as
 * soon as the limit is passed, holding no more than the limit in memory.
 */
import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/** Reads a text or byte stream line by line (LF or CRLF). */
export class LineReader {
  private readonly iterator: AsyncIterator<Buffer | string>;
  private readonly decoder = new StringDecoder('utf8');
  /** Text after the last line returned, not yet searched past `searched`. */
  private rest = '';
  private ended = false;
  /**
   * Whether the chunk `rest` came from, and any chunk the last line came from, held bytes that
   * are not valid UTF-8 (the decoder turns them into U+FFFD, which a valid file may hold as
   * itself). Checked with isUtf8 per chunk, a character cut by the chunk's end carried over
   * (`carry`): a fatal TextDecoder beside the reading one cost 69 ms per 100 MB against 6 ms.
   */
  private carry: Buffer = Buffer.alloc(0);
  private restInvalid = false;
  /** Whether a chunk the line last returned came from held bytes that are not valid UTF-8. */
  lastLineInvalid = false;

  constructor(stream: Readable, readonly file: string) {
    this.iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  }

  /**
   * The next line without its break, or null at the end. When the line grows past `limit`
   * characters, `tooLong()` is thrown (`line` is only for the caller's message). Each chunk
   * is searched once: the pieces of a long line are joined only when it ends.
   */
  async next(limit: number, _line: number, tooLong: () => Error): Promise<string | null> {
    const parts: string[] = [];
    let length = 0;
    let chunk = this.rest;
    this.rest = '';
    let invalid = this.restInvalid;
    for (;;) {
      const at = chunk.indexOf('\n');
      if (at >= 0) {
        if (length + at > limit) throw tooLong();
        parts.push(chunk.slice(0, at));
        this.rest = chunk.slice(at + 1);
        this.lastLineInvalid = invalid;
        const line = parts.length === 1 ? (parts[0] as string) : parts.join('');
        return line.endsWith('\r') ? line.slice(0, -1) : line;
      }
      if (chunk) {
        length += chunk.length;
        if (length > limit) throw tooLong();
        parts.push(chunk);
      }
      if (this.ended) {
        if (length === 0) return null;
        this.lastLineInvalid = invalid;
        const line = parts.join('');
        return line.endsWith('\r') ? line.slice(0, -1) : line;
      }
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        chunk = this.decoder.end();
        this.restInvalid = this.checked(undefined);
      } else if (typeof next.value === 'string') {
        chunk = next.value;
        this.restInvalid = false;
      } else {
        chunk = this.decoder.write(next.value);
        this.restInvalid = this.checked(next.value);
      }
      invalid ||= this.restInvalid;
    }
  }

  /** Whether `bytes` (undefined: the end of the input) hold bytes that are not valid UTF-8. */
  private checked(bytes: Buffer | undefined): boolean {
    if (bytes === undefined) return this.carry.length > 0; // a character cut short by the end
    // the last character, when the chunk ends inside it, waits for the next chunk
    let cut = bytes.length;
    for (let k = 1; k <= Math.min(3, bytes.length); k++) {
      const b = bytes[bytes.length - k] as number;
      if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
      const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (size > k) cut = bytes.length - k;
      break;
    }
    const whole = this.carry.length > 0 ? Buffer.concat([this.carry, bytes.subarray(0, cut)]) : bytes.subarray(0, cut);
    this.carry = Buffer.from(bytes.subarray(cut)); // a copy: the stream may reuse its chunk
    return !isUtf8(whole);
  }
}

/**
 * Where JSON text first nests deeper than `max` objects/arrays: the 0-based line offset, or
 * null when it does not. Strings are skipped, so brackets inside them do not count.
 */
export function jsonDepthExceeded(text: string, max: number): number | null {
  let depth = 0;
  let line = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return line;
    } else if (c === 125 || c === 93) depth--;
  }
  return null;
}
