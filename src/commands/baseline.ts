/**
 * `--baseline <report.json>`: loads an earlier `parity audit --format json` (or `parity report
 * --format json`) report for `delta(...)` gates. Checked before any data is read: a file that is
 * not JSON, not a parity report, or of another schemaVersion is an input error (exit 2) naming
 * the file. Only the parts gates read are validated, loosely (passthrough), so a report from a
 * newer parity with more fields of the same schemaVersion, or a hand-written baseline with only
 * the channels it needs, still loads.
 *
 * A schemaVersion 1 report is refused, with how to regenerate it: its first-response medians
 * were of the answered tickets only, so a delta against this version's medians (which count the
 * unanswered as still waiting) would compare two different questions.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { ParityError } from '../errors.js';
import { SCHEMA_VERSION, type Report } from '../report.js';
import { FIRST_TIME, LAST_TIME } from '../normalise/time.js';

const nullableNumber = z.number().nullable();
// A duration is never below zero and a share lies from 0 to 1 (a negative duration is data
// quality, left out of every estimate): a baseline that says otherwise was edited by hand or is
// not a report, and a change measured from it would be a number nobody measured.
// (and no longer than the years parity reads, 1 to 9999: a median of 1e308 s had been rendered as
// a change of -1.16e303 days)
const nullableDuration = z.number().nonnegative().max(LAST_TIME - FIRST_TIME, { message: 'longer than any duration between the years 1 and 9999' }).nullable();
const nullableShare = z.number().min(0).max(1).nullable();
// The baseline's period end decides whether it is earlier than this run; one no date reads
// would let that check pass in silence.
const instant = z.string().refine((text) => !Number.isNaN(Date.parse(text)), { message: 'not a date and time' });

const bound = z.enum(['lower', 'upper']).nullable();

// A median or p90 is only ever a lower bound (not reached: estimate.ts boundOf); "upper" had been
// rendered as "at most 2h 41m (a lower bound: …)"
const quantileBound = z.enum(['lower']).nullable();

const durationSummary = z.looseObject({
  n: z.number().int().nonnegative().optional(),
  // (null when the group has tickets but none with a measurable resolution: measure/summary.ts measuredCount)
  resolved: z.number().int().nonnegative().nullable().optional(),
  median: nullableDuration.optional(),
  bound: quantileBound.optional(),
  p90: nullableDuration.optional(),
  p90Bound: quantileBound.optional(),
  ci95: z.tuple([nullableDuration, nullableDuration]).nullable().optional(),
});

const group = {
  tickets: z.number().int().nonnegative().optional(),
  answeredShare: nullableShare.optional(),
  resolvedShare: nullableShare.optional(),
  firstResponse: durationSummary.nullable().optional(),
  resolution: durationSummary.nullable().optional(),
};

// What a delta gate compares to tell whether the baseline was measured as this run is (gates/evaluate.ts notComparable).
const settings = z.looseObject({
  reference: z.string().optional(),
  clock: z.string().optional(),
  businessHours: z.looseObject({ timeZone: z.string(), open: z.array(z.string()), holidays: z.array(z.string()) }).optional(),
  bands: z.array(z.number()).optional(),
  tolerance: z.looseObject({ low: z.number(), high: z.number() }).optional(),
  alpha: z.number().optional(),
  minSample: z.number().optional(),
});

const baselineSchema = z.looseObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  period: z.looseObject({ to: instant.nullable().optional() }).optional(),
  settings: settings.optional(),
  channels: z
    .array(z.looseObject({ channel: z.string(), ...group }))
    .refine((list) => new Set(list.map((c) => c.channel)).size === list.length, { message: 'a channel is listed twice' }),
  followerBands: z.array(z.looseObject({ band: z.string(), min: nullableNumber.optional(), max: nullableNumber.optional(), ...group })).optional(),
  by: z.looseObject({ field: z.string(), reference: z.string().nullable().optional(), groups: z.array(z.looseObject({ value: z.string(), ...group })).optional() }).optional(),
  findings: z.array(z.looseObject({ significant: z.boolean().optional(), kind: z.string().optional(), subject: z.string().optional() })).optional(),
  gates: z
    .array(z.looseObject({ expression: z.string().optional(), subject: z.string().optional(), current: nullableNumber.optional(), bound: bound.optional() }))
    .optional(),
});

function dotted(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(top level)';
}

/** A JSON value that is no number, in words for a message: `the text "2"`, `null`, `an object`. */
function valueWords(value: unknown): string {
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (value === null || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

const NOT_A_REPORT_HINT = 'pass the JSON of an earlier run: parity audit <export> --format json -o report.json';

/** Reads and checks a baseline report; throws a ParityError naming the file when it is unusable. */
export async function loadBaseline(file: string, cwd: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(isAbsolute(file) ? file : join(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ParityError(`cannot read the baseline report${code === 'ENOENT' ? ': no such file' : ''}`, {
      location: { file },
      hint: 'check the path given to --baseline',
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ParityError(`the baseline is not a parity report: not valid JSON (${(error as Error).message})`, { location: { file }, hint: NOT_A_REPORT_HINT });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('schemaVersion' in raw)) {
    throw new ParityError('the baseline is not a parity report: it has no schemaVersion', { location: { file }, hint: NOT_A_REPORT_HINT });
  }
  const tool = (raw as { tool?: { name?: unknown } }).tool;
  if (tool !== undefined && (typeof tool !== 'object' || tool === null || tool.name !== 'parity')) {
    throw new ParityError('the baseline is not a parity report: its "tool.name" is not parity', { location: { file }, hint: NOT_A_REPORT_HINT });
  }
  const version = (raw as { schemaVersion: unknown }).schemaVersion;
  if (version === 1) {
    throw new ParityError('the baseline report has schemaVersion 1: its first-response medians ignore unanswered tickets, so it cannot be compared with this version, which counts them as still waiting', {
      location: { file },
      hint: 'regenerate the baseline from the same export with this parity: parity audit <that export> --as-of <its asOf> --format json -o baseline.json (the old report\'s period.asOf is its as-of time)',
    });
  }
  if (typeof version !== 'number') {
    // `"schemaVersion": "2"` (a baseline written or edited by another tool) is not "another
    // schemaVersion" that a matching parity would read: parity writes the number, and only reads it
    throw new ParityError(`the baseline report's schemaVersion is ${valueWords(version)}; it must be the number ${SCHEMA_VERSION} (written without quotes), as parity writes it`, {
      location: { file },
      hint: `regenerate the baseline with this parity: parity audit <that export> --as-of <its asOf> --format json -o baseline.json (its period.asOf is its as-of time)`,
    });
  }
  if (version !== SCHEMA_VERSION) {
    throw new ParityError(`the baseline report has schemaVersion ${JSON.stringify(version)}; this parity reads schemaVersion ${SCHEMA_VERSION}`, {
      location: { file },
      hint: 'produce the baseline with the same major version of parity, or run without delta(...) gates this once',
    });
  }
  const result = baselineSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ParityError(`the baseline is not a parity report: ${issue ? `${dotted(issue.path)}: ${issue.message}` : 'unexpected shape'}`, {
      location: { file },
      hint: NOT_A_REPORT_HINT,
    });
  }
  // Validated as far as gates read it; the rest is taken as the report it claims to be.
  return result.data as unknown as Report;
}
