/**
 * The `parity.config.json` schema. Strict: an unknown key or a bad value is an error naming its
 * dotted path. Anything a flag sets can be set here; flags win (merged in commands/options.ts).
 * The shipped JSON Schema (parity.schema.json) is generated from this by scripts/schema.mjs.
 */
import { z } from 'zod';
import { CHANNEL_TARGETS, CHANNELS, DURATION_UNITS, TICKET_FIELDS } from '../model.js';
import { parseDuration } from '../measure/duration.js';
import { parse as parseDate } from 'date-fns/parse';

const channel = z.enum(CHANNELS);

/** A duration written like `45s`, `30m`, `2h`, `1d`, `1h30m`, or a number of seconds. */
const durationText = z.union([
  z.number().nonnegative(),
  z.string().refine((s) => Number.isFinite(parseDuration(s) ?? Number.NaN), {
    message: 'not a duration; write it like 45s, 30m, 2h, 1d or 1h30m',
  }),
]);

/**
 * A date-fns pattern that date-fns accepts: `NaN` or `hello` make date-fns throw on the first
 * row ("unescaped latin alphabet character"), which is a configuration error, not an internal one.
 */
const dateFormatText = z
  .string()
  .min(1)
  .superRefine((pattern, ctx) => {
    try {
      parseDate('', pattern, new Date(0));
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `not a date-fns pattern (${(error as Error).message}); write it like dd/MM/yyyy HH:mm, with literal letters in single quotes`,
      });
    }
  });

const columnRef = z.union([
  z.string().min(1),
  z.strictObject({
    column: z.string().min(1),
    // "HH:MM:SS" and "MM:SS" are how people write the units hms and mmss.
    unit: z
      .enum([...DURATION_UNITS, 'HH:MM:SS', 'MM:SS'])
      .transform((u) => (u === 'HH:MM:SS' ? 'hms' : u === 'MM:SS' ? 'mmss' : u))
      .optional(),
    format: dateFormatText.optional(),
    // The clock a duration column counts in: business time is used as given under the business
    // clock; calendar time is converted to it (formats/bind.ts durationClockFromHeader decides when unset).
    clock: z.enum(['calendar', 'business']).optional(),
  }),
]);

const columns = z.strictObject(
  Object.fromEntries(TICKET_FIELDS.map((f) => [f, columnRef.optional()])) as Record<
    (typeof TICKET_FIELDS)[number],
    z.ZodOptional<typeof columnRef>
  >,
).superRefine((cols, ctx) => {
  // a clock belongs to a duration; a timestamp is a moment, in no clock
  for (const [field, ref] of Object.entries(cols)) {
    if (ref && typeof ref === 'object' && ref.clock !== undefined && field !== 'firstResponseTime' && field !== 'resolutionTime') {
      ctx.addIssue({ code: 'custom', path: [field, 'clock'], message: 'only a duration column (firstResponseTime, resolutionTime) has a clock' });
    }
  }
});

const isoDateOrTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), {
  message: 'not a date; write it like 2026-10-01 or 2026-10-01T12:00:00Z',
});

const weeklyHours = z
  .string()
  .regex(
    /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?(,(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?)* \d{2}:\d{2}-\d{2}:\d{2}$/,
    'write opening hours like "Mon-Fri 09:00-17:00"',
  );

const slaTargets = z.record(z.string(), durationText);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.string().min(1).optional(),
  columns: columns.optional(),
  dateFormat: dateFormatText.optional(),
  /** Decimal separator of number columns (durations, follower counts); detected per column when absent. */
  decimal: z.enum([',', '.']).optional(),
  /** Which sheet of an Excel workbook holds the tickets: its name, or its position (1 = first). */
  sheet: z.union([z.string().min(1), z.number().int().positive()]).optional(),
  timeZone: z.string().min(1).optional(),
  /** Raw channel value → channel, or `outbound` for a value that is the team's own outgoing contact (excluded). */
  channels: z.record(z.string(), z.enum(CHANNEL_TARGETS)).optional(),
  reference: channel.optional(),
  bands: z.array(z.number().positive().max(Number.MAX_SAFE_INTEGER, 'above 9007199254740991 (2^53 − 1), beyond what parity counts exactly')).min(1).optional(),
  /**
   * `--by`: compare the groups of a ticket field like channels. A field name (group, category,
   * priority, status, or any header), or the field with the value the others are compared with.
   */
  by: z
    .union([z.string().min(1), z.strictObject({ field: z.string().min(1), reference: z.string().min(1).optional() })])
    .optional(),
  gates: z.array(z.string().min(1)).optional(),
  allowMissing: z.boolean().optional(),
  asOf: isoDateOrTime.optional(),
  since: isoDateOrTime.optional(),
  until: isoDateOrTime.optional(),
  clock: z.enum(['calendar', 'business']).optional(),
  businessHours: z
    .strictObject({
      timeZone: z.string().min(1).optional(),
      open: z.array(weeklyHours).min(1),
      holidays: z
        .array(
          z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, 'write holidays as YYYY-MM-DD')
            // a date of the calendar (2026-02-30 is not one: it would close no day)
            .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: (issue) => `"${String(issue.input)}" is not a date of the calendar` }),
        )
        .optional(),
    })
    .optional(),
  sla: z
    .strictObject({
      firstResponse: slaTargets.optional(),
      resolution: slaTargets.optional(),
    })
    .optional(),
  /** Judging: the tolerance band for a ratio (Aequitas-style), significance and sample size. */
  tolerance: z
    .strictObject({ low: z.number().positive().max(1), high: z.number().min(1) })
    .optional(),
  alpha: z.number().positive().max(0.5).optional(),
  minSample: z.number().int().positive().optional(),
  loud: z
    .strictObject({
      repeatContacts: z.number().int().min(2).optional(),
      repeatWindowDays: z.number().positive().optional(),
      capitalsShare: z.number().min(0).max(1).optional(),
      exclamationRun: z.number().int().min(1).optional(),
      escalationTags: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  jumpWindowDays: z.number().positive().optional(),
  period: z.enum(['week', 'month', 'quarter']).optional(),
  periods: z.number().int().positive().optional(),
  redact: z.boolean().optional(),
  /** Resource bounds of reading (src/read/limits.ts): sizes as 64MiB or bytes, depth and ratio as numbers. */
  limits: z
    .strictObject({
      maxRecordBytes: z.union([z.string(), z.number()]).optional(),
      maxJsonBytes: z.union([z.string(), z.number()]).optional(),
      maxJsonDepth: z.number().int().positive().optional(),
      maxDecompressedBytes: z.union([z.string(), z.number()]).optional(),
      maxCompressionRatio: z.number().positive().optional(),
      maxColumns: z.number().int().positive().optional(),
    })
    .optional(),
  duplicates: z.enum(['first', 'last']).optional(),
  /** A database instead of files (read/engines): a URL and a table or a query. */
  source: z
    .strictObject({ db: z.string().min(1), table: z.string().min(1).optional(), query: z.string().min(1).optional() })
    .optional(),
});

/** A validated configuration file. */
export type Config = z.infer<typeof configSchema>;
export type ColumnRef = z.infer<typeof columnRef>;
