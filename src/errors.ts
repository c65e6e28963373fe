/**
 * Errors that reach the user. Every stage throws `ParityError` with a location when it can;
 * only `cli.ts` formats them (one line, no stack trace) and maps them to exit code 2.
 */

/** Where in the input (or config) a problem was found. */
export interface Location {
  file?: string;
  line?: number;
  column?: string;
}

/** A problem with usage, configuration or input: nothing trustworthy was computed (exit 2). */
export class ParityError extends Error {
  readonly location: Location | undefined;
  /** What the user can do about it ("map one with columns.createdAt"). */
  readonly hint: string | undefined;
  constructor(message: string, options: { location?: Location; hint?: string } = {}) {
    super(message);
    this.name = 'ParityError';
    this.location = options.location;
    this.hint = options.hint;
  }
}

/**
 * Every row was read and none is a usable ticket. The reading itself finished, so what it wrote
 * beside (the `--rejects` file) is whole and is kept: it is what the user needs to see why.
 */
export class NoTicketsError extends ParityError {
  constructor(message: string, options: { location?: Location; hint?: string } = {}) {
    super(message, options);
    this.name = 'NoTicketsError';
  }

  /** The same error, its hint naming the rejects file that holds every row. */
  withRejects(file: string): NoTicketsError {
    return new NoTicketsError(this.message, { ...(this.location ? { location: this.location } : {}), hint: `${this.hint ? `${this.hint} ` : ''}The rejected rows are written to ${file}.` });
  }
}

/** Bad flags or arguments. */
export class UsageError extends ParityError {
  constructor(message: string, options: { hint?: string } = {}) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/** `file:line: column: ` prefix for a location, empty when there is none. */
export function locationPrefix(location: Location | undefined): string {
  if (!location) return '';
  let out = '';
  if (location.file !== undefined) out += location.file;
  if (location.line !== undefined) out += `${out ? ':' : 'line '}${location.line}`;
  if (out) out += ': ';
  if (location.column !== undefined) out += `${location.column}: `;
  return out;
}

/** The one-line (plus hint) message shown to the user for an error. */
export function formatError(error: ParityError): string {
  const head = `parity: ${locationPrefix(error.location)}${error.message}`;
  return error.hint ? `${head}\n  ${error.hint}` : head;
}
