/**
 * A `--db` URL: checked before anything is opened, and shown with its secrets masked.
 *
 * Kept apart from connection.ts so that choosing the source (choose.ts) loads no engine code.
 */
import { UsageError } from '../../errors.js';

/** Query parameters of a connection URL whose value is a secret (`?password=`, `sslpassword`, `access_token`, `api_key`). */
const SECRET_PARAMETER = /pass|pwd|secret|token|key|auth|credential/i;

/**
 * A connection URL for messages, the report's input and its Markdown and HTML: the password
 * replaced by `***`, in the user part (`user:secret@host`) and in any query parameter that holds
 * one (`?password=secret`, which libpq and ClickHouse's HTTP interface both take).
 *
 * A secret is written by hand and may hold what a URL uses as a separator (`&`, `#`, `@`, `/`),
 * so where it ends cannot be known: everything after a secret parameter's `=` is masked (the
 * parameters after it too), and in a URL the parser cannot read, or one with a `#`, everything
 * from the user part's `:` to the last `@`.
 */
export function safeUrl(url: string): string {
  let shown: string;
  try {
    if (url.includes('#')) throw new Error('a # ends the URL where the password may go on');
    const u = new URL(url);
    if (u.password) u.password = '***';
    shown = u.toString();
  } catch {
    shown = maskUserPart(url);
  }
  return cutAtSecretParameter(shown);
}

function maskUserPart(url: string): string {
  const start = url.indexOf('://');
  const at = url.lastIndexOf('@');
  if (start < 0 || at < start) return url;
  const colon = url.indexOf(':', start + 3);
  if (colon < 0 || colon > at) return url;
  return `${url.slice(0, colon + 1)}***${url.slice(at)}`;
}

function cutAtSecretParameter(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const parameter = /[?&;]([^=&;?#]*)=/g;
  parameter.lastIndex = query;
  for (let m = parameter.exec(url); m; m = parameter.exec(url)) {
    if (SECRET_PARAMETER.test(m[1] as string)) return `${url.slice(0, m.index + m[0].length)}***`;
  }
  return url;
}

/** Percent-encoding the characters a URL gives a meaning, as a user would write it into a password. */
const ENCODE_HINT = 'a user name or password holding / ? # @ : & or % is written percent-encoded (/ as %2F, ? as %3F, # as %23, @ as %40, : as %3A, & as %26, % as %25), e.g. postgresql://analyst:pa%2Fss@host:5432/support';

/**
 * A `--db` URL parity can open, or a usage error saying how to write it: one the URL parser
 * cannot read (a `/` or `?` in the password, a port that is not a number), or one with a `#`,
 * which ends a URL where a password would go on (the drivers would connect with part of it).
 */
export function checkDatabaseUrl(url: string): void {
  if (!URL.canParse(url)) {
    throw new UsageError(`--db "${safeUrl(url)}" cannot be read as a URL`, { hint: `${ENCODE_HINT}; a port is a number up to 65535` });
  }
  if (url.includes('#')) {
    throw new UsageError(`--db "${safeUrl(url)}" holds a #, which ends a URL: the rest would not reach the database`, { hint: ENCODE_HINT });
  }
}
