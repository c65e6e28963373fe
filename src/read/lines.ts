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
  /**
   * A second, fatal decoder that only checks: whether the chunk `rest` came from, and whether any
   * chunk the last line came from, held bytes that are not valid UTF-8 (the text decoder turns
   * them into U+FFFD, which a valid file may hold as itself).
   */
  private check = new TextDecoder('utf-8', { fatal: true });
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

  /** Whether `bytes` (undefined: the end of the input) hold bytes that are not valid UTF-8, carried over chunk boundaries. */
  private checked(bytes: Buffer | undefined): boolean {
    try {
      if (bytes === undefined) this.check.decode();
      else this.check.decode(bytes, { stream: true });
      return false;
    } catch {
      this.check = new TextDecoder('utf-8', { fatal: true });
      return true;
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
