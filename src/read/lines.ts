/**
 * Lines of a text stream with a bound on their length, and a bounded check of JSON nesting.
 * node:readline keeps a line growing until it ends, so a 600 MB line without a break used
 * 600 MB (and then more than V8's longest string); here a line over its limit is an error as
 * soon as the limit is passed, holding no more than the limit in memory.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/** Reads a text or byte stream line by line (LF or CRLF). */
export class LineReader {
  private readonly iterator: AsyncIterator<Buffer | string>;
  private readonly decoder = new StringDecoder('utf8');
  /** Text after the last line returned, not yet searched past `searched`. */
  private rest = '';
  private ended = false;

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
    for (;;) {
      const at = chunk.indexOf('\n');
      if (at >= 0) {
        if (length + at > limit) throw tooLong();
        parts.push(chunk.slice(0, at));
        this.rest = chunk.slice(at + 1);
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
        const line = parts.join('');
        return line.endsWith('\r') ? line.slice(0, -1) : line;
      }
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        chunk = this.decoder.end();
      } else {
        chunk = typeof next.value === 'string' ? next.value : this.decoder.write(next.value);
      }
    }
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
