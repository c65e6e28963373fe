/**
 * Resource bounds of reading, so that a hostile or broken export ends in a clear input error
 * (exit 2, naming the file and line) instead of gigabytes of memory and an internal error:
 * an 8 MB gzip bomb that inflates to 8 GiB of one line, `/dev/zero`, a 600 MB NDJSON line, a
 * 700 MB JSON array, JSON nested thousands deep.
 *
 * Each bound is generous for real exports and can be raised: config `limits`
 * (`{"limits": {"maxRecordBytes": "256MiB"}}`), `--max-record-bytes <size>`, or
 * `--limit <name>=<value>` for any of them. Memory while reading stays in the order of the
 * largest allowed record (CSV, NDJSON line) or document (whole-file JSON).
 *
 * The defaults and the type are exported for every reader (the CSV scanner takes
 * `maxRecordBytes` from here).
 */
import { UsageError } from '../errors.js';

/** The bounds of one run. Sizes in bytes (of decoded text for records and documents). */
export interface ReadLimits {
  /** Largest CSV record or NDJSON line. */
  readonly maxRecordBytes: number;
  /** Largest JSON document read whole (an array or an API page; NDJSON has no such bound). */
  readonly maxJsonBytes: number;
  /** Deepest nesting of JSON objects and arrays. */
  readonly maxJsonDepth: number;
  /** Largest gzip-decompressed size of one input. */
  readonly maxDecompressedBytes: number;
  /** Largest ratio of decompressed to compressed bytes (a gzip bomb is ~1000; text ~5–20). */
  readonly maxCompressionRatio: number;
  /**
   * Most columns of a CSV header (Excel's own limit, 16,384): a header of millions of columns
   * (a file of commas) had taken 39 s and 800 MB before any row was read.
   */
  readonly maxColumns: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const DEFAULT_LIMITS: ReadLimits = Object.freeze({
  maxRecordBytes: 64 * MiB,
  maxJsonBytes: 256 * MiB,
  maxJsonDepth: 1000,
  maxDecompressedBytes: 64 * GiB,
  maxCompressionRatio: 200,
  maxColumns: 16_384,
});

/** The ratio is judged only once this much was decompressed (tiny files have noisy ratios). */
export const RATIO_FLOOR_BYTES = 16 * MiB;

/** The names of the limits, as written in the config and in `--limit name=value`. */
export const LIMIT_NAMES = Object.freeze(Object.keys(DEFAULT_LIMITS) as Array<keyof ReadLimits>);

const SIZE_NAMES = new Set<keyof ReadLimits>(['maxRecordBytes', 'maxJsonBytes', 'maxDecompressedBytes']);

const UNITS = new Map<string, number>([
  ['', 1], ['b', 1],
  ['k', 1024], ['kb', 1000], ['kib', 1024],
  ['m', MiB], ['mb', 1000 ** 2], ['mib', MiB],
  ['g', GiB], ['gb', 1000 ** 3], ['gib', GiB],
  ['t', 1024 * GiB], ['tb', 1000 ** 4], ['tib', 1024 * GiB],
]);

/** `64MiB`, `500MB`, `1g`, `1048576` → bytes; null when it is not a size. */
export function parseSize(text: string | number): number | null {
  if (typeof text === 'number') return Number.isSafeInteger(text) && text > 0 ? text : null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return null;
  const unit = UNITS.get((m[2] ?? '').toLowerCase());
  if (unit === undefined) return null;
  const bytes = Math.round(Number(m[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

/** `67108864` → `64 MiB` (for messages). */
export function formatSize(bytes: number): string {
  if (bytes >= GiB && bytes % (GiB / 4) === 0) return `${bytes / GiB} GiB`;
  if (bytes >= MiB) return `${+(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** One limit's value from text or a number; a usage error naming `where` when it is not one. */
export function limitValue(name: keyof ReadLimits, value: string | number, where: string): number {
  const parsed = SIZE_NAMES.has(name)
    ? parseSize(value)
    : typeof value === 'number' || /^\s*\d+(\.\d+)?\s*$/.test(value)
      ? Number(value)
      : null;
  const whole = name === 'maxJsonDepth' || name === 'maxColumns';
  if (parsed === null || !Number.isFinite(parsed) || parsed <= 0 || (whole && !Number.isInteger(parsed))) {
    throw new UsageError(`${where}: "${value}" is not a valid ${name}`, {
      hint: SIZE_NAMES.has(name) ? 'write a size such as 64MiB, 512MB or 2GiB' : whole ? 'write a whole number such as 2000' : 'write a number such as 500',
    });
  }
  return parsed;
}

/** `--limit maxJsonDepth=2000` → ['maxJsonDepth', 2000]. */
export function parseLimitFlag(text: string): [keyof ReadLimits, number] {
  const m = /^\s*([A-Za-z]+)\s*=\s*(.+)$/.exec(text);
  const name = m?.[1] as keyof ReadLimits | undefined;
  if (!m || name === undefined || !LIMIT_NAMES.includes(name)) {
    throw new UsageError(`--limit "${text}" is not name=value for a known limit`, { hint: `limits: ${LIMIT_NAMES.join(', ')}; e.g. --limit maxRecordBytes=256MiB` });
  }
  return [name, limitValue(name, m[2] as string, '--limit')];
}

/** The limits of a run: defaults, then the config's `limits`, then flags. */
export function resolveLimits(config: { [K in keyof ReadLimits]?: string | number | undefined } | undefined, flags: Partial<ReadLimits> = {}): ReadLimits {
  const out: Record<keyof ReadLimits, number> = { ...DEFAULT_LIMITS };
  for (const name of LIMIT_NAMES) {
    const fromConfig = config && Object.hasOwn(config, name) ? config[name] : undefined;
    if (fromConfig !== undefined) out[name] = limitValue(name, fromConfig, `limits.${name} in the config`);
    const fromFlag = flags[name];
    if (fromFlag !== undefined) out[name] = fromFlag;
  }
  return out;
}

/** The hint of a limit error: how to raise it. */
export function raiseHint(name: keyof ReadLimits, current: number): string {
  const shown = SIZE_NAMES.has(name) ? formatSize(current) : String(current);
  const flag = name === 'maxRecordBytes' ? '--max-record-bytes <size>, ' : '';
  return `the limit is ${shown}; if the file is genuine, raise it with ${flag}--limit ${name}=<value> or "limits": { "${name}": … } in the config`;
}
