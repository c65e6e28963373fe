/**
 * Decimal separators of number columns (durations such as `first_response_minutes`, follower
 * counts). European exports write `12,5` and `1.234,5`; reading `12,5` as 125 is a silent 10×,
 * so each number column's separator is settled once, from its sampled values or from the config
 * (`decimal`, `--decimal`), and every value is then read by that rule or not at all.
 *
 * What one value says: both marks (`1.234,5`, `1,234.5`): the last one is the decimal mark; a
 * mark used twice (`1,234,567`) groups thousands; a single mark followed by other than three
 * digits (`12,5`, `30,25`, `3.14`), or after a leading 0 or after four or more digits
 * (`0,125`, `1234,567`), is the decimal mark. A single mark between one to three digits and
 * exactly three (`1,234`, `1.234`) could be either: it decides nothing.
 *
 * Thousands may also be grouped with a space (plain, no-break U+00A0 or narrow no-break U+202F,
 * as French, Nordic and Polish locales write `1 440`) or an apostrophe (Swiss `1'440`, also as
 * `’`), only when the first group has one to three digits and every later group exactly three
 * ({@link ungroupSpaced}): such a mark can never be a decimal mark, so it is taken out before the
 * rules above (`1 234,5` is 1234,5: a decimal comma). `1 44` is not a grouping and stays unreadable.
 *
 * A column is an error when its values disagree (`12,5` and `3.25`), and when it is ambiguous in
 * a file where a comma may well be decimal (semicolon- or tab-delimited: the CSV dialect of
 * locales that write decimal commas) and nothing else settles it, unless it holds a count
 * (followers), where `150,000` can only group thousands. In a comma-delimited file a
 * lone `1,234` keeps its usual meaning, 1234; workbook and JSON numbers are written with a dot.
 * Hand-written: number-parsing libraries need the locale up front, which is what is unknown here.
 */
import { ParityError } from '../errors.js';

export type DecimalSeparator = ',' | '.';

/** How a column's numbers are read: its separator, or (null) each value by itself. */
export interface NumberReading {
  readonly separator: DecimalSeparator | null;
  /**
   * An undecidable value (`1,234`, `1.234`) in a column that settled nothing: `dot` reads it the
   * usual way (comma thousands, decimal point), `group` as thousands either way (a count),
   * `error` not at all.
   */
  readonly ambiguous: 'dot' | 'group' | 'error';
}

/** The usual reading: dot decimals, comma thousands (what parity did before columns were sampled). */
export const DOT_READING: NumberReading = { separator: null, ambiguous: 'dot' };

type Evidence = DecimalSeparator | 'none' | 'ambiguous' | 'invalid';

const SIGNED = /^[+-]?/;

/**
 * A leading run of thousands groups separated by one space-like mark or apostrophe, the same
 * mark throughout: one to three digits, not starting with 0 (`0 500` is no grouping), then groups
 * of exactly three, up to the end or a `.`/`,`.
 */
const SPACED_GROUPS = /^[1-9]\d{0,2}([ \u00a0\u202f'\u2019])\d{3}(?:\1\d{3})*(?=$|[.,])/;

/**
 * `text` (trimmed, unsigned) without its space or apostrophe thousands marks when they group
 * thousands properly (`1 440` → `1440`, `150 000,5` → `150000,5`, `1'440.5` → `1440.5`); else
 * `text` as it is, which the number rules then refuse when it holds such a mark (`1 44`).
 */
export function ungroupSpaced(text: string): string {
  const m = SPACED_GROUPS.exec(text);
  if (!m) return text;
  return m[0].split(m[1] as string).join('') + text.slice(m[0].length);
}

/** What one number text says about its decimal separator. */
export function decimalEvidence(text: string): Evidence {
  const t = ungroupSpaced(text.trim().replace(SIGNED, ''));
  if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return 'invalid';
  const commas = t.split(',').length - 1;
  const dots = t.split('.').length - 1;
  if (commas === 0 && dots === 0) return 'none';
  if (commas > 0 && dots > 0) return t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
  const mark = commas > 0 ? ',' : '.';
  const count = commas + dots;
  if (count > 1) return mark === ',' ? '.' : ',';
  const [whole = '', fraction = ''] = t.split(mark);
  const couldGroup = fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole);
  return couldGroup ? 'ambiguous' : mark;
}

/** Whether the file's dialect makes a decimal comma likely (semicolon- or tab-delimited). */
export function commaDecimalLikely(delimiter: string | undefined): boolean {
  return delimiter === ';' || delimiter === '\t';
}

/**
 * The reading of one number column from its sampled values. Throws ParityError (naming the
 * file, column and value, and the `decimal` setting that fixes it) for a column whose values
 * disagree, or that is ambiguous where a decimal comma is likely.
 */
export function detectDecimal(
  values: readonly string[],
  where: { file: string; column: string; delimiter?: string | undefined; configured?: DecimalSeparator | undefined; count?: boolean },
): NumberReading {
  if (where.configured) return { separator: where.configured, ambiguous: 'dot' };
  const likely = commaDecimalLikely(where.delimiter);
  let comma: string | null = null;
  let dot: string | null = null;
  let ambiguous: string | null = null;
  for (const value of values) {
    const e = decimalEvidence(value);
    if (e === ',') comma ??= value;
    else if (e === '.') dot ??= value;
    else if (e === 'ambiguous') ambiguous ??= value;
  }
  const fix = 'set "decimal": "," or "decimal": "." in parity.config.json (or pass --decimal , or --decimal .)';
  if (comma !== null && dot !== null) {
    throw new ParityError(`mixes decimal commas ("${comma}") and decimal points ("${dot}")`, {
      location: { file: where.file, column: where.column },
      hint: `say which one the export uses: ${fix}`,
    });
  }
  if (comma !== null) return { separator: ',', ambiguous: 'dot' };
  if (dot !== null) return { separator: '.', ambiguous: 'dot' };
  // A count (followers) has no fractions: `150,000` and `1.500` group thousands whatever the locale.
  if (where.count) return { separator: null, ambiguous: 'group' };
  if (ambiguous !== null && likely) {
    const mark = ambiguous.includes(',') ? ',' : '.';
    const asGroup = Number(ambiguous.replace(/[.,]/g, ''));
    const asDecimal = Number(ambiguous.replace(mark, '.'));
    throw new ParityError(`"${ambiguous}" could be ${asGroup} or ${asDecimal}, and no value in the first rows settles which`, {
      location: { file: where.file, column: where.column },
      hint: `the file is ${where.delimiter === ';' ? 'semicolon' : 'tab'}-delimited, where "${mark}" is often a decimal ${mark === ',' ? 'comma' : 'point'}: ${fix}`,
    });
  }
  return { separator: null, ambiguous: likely ? 'error' : 'dot' };
}

/**
 * A number text read by `reading`, or null when it does not fit: a mark that is neither the
 * decimal separator nor a well-placed thousands group (`12,5` in a dot column) is unreadable,
 * never read as 125.
 */
export function parseNumberText(text: string, reading: NumberReading = DOT_READING): number | null {
  const t = text.trim();
  const sign = t.startsWith('-') ? -1 : 1;
  const body = ungroupSpaced(t.replace(SIGNED, ''));
  const evidence = decimalEvidence(body);
  if (evidence === 'invalid') return null;
  let separator = reading.separator;
  if (separator === null) {
    if (evidence === 'ambiguous') {
      if (reading.ambiguous === 'error') return null;
      // as groups: the mark is the group separator, so the decimal separator is the other one
      separator = reading.ambiguous === 'group' && body.includes('.') ? ',' : '.';
    } else separator = evidence === 'none' ? '.' : evidence;
  }
  const group = separator === ',' ? '.' : ',';
  const [whole = '', fraction, extra] = body.split(separator);
  if (extra !== undefined) return null;
  if (whole.includes(group) && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) return null;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  const digits = whole.split(group).join('');
  if (digits === '' && fraction === undefined) return null;
  const n = Number(`${digits || '0'}${fraction === undefined ? '' : `.${fraction}`}`);
  return Number.isFinite(n) ? sign * n : null;
}
