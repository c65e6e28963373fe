/**
 * `--redact` for error messages: a ParityError quoting a row (the --strict error, a date that
 * cannot be read) gets its e-mail addresses and @handles replaced by their pseudonyms, like
 * every other output. Other errors pass through.
 */
import { ParityError, UsageError } from '../errors.js';
import { redactFreeText } from '../render/redact.js';

export function redactError(error: unknown): unknown {
  if (!(error instanceof ParityError)) return error;
  const options = {
    ...(error.location ? { location: error.location } : {}),
    ...(error.hint !== undefined ? { hint: redactFreeText(error.hint) } : {}),
  };
  return error instanceof UsageError
    ? new UsageError(redactFreeText(error.message), error.hint !== undefined ? { hint: redactFreeText(error.hint) } : {})
    : new ParityError(redactFreeText(error.message), options);
}
