/**
 * One date order for the whole audit. A file's slash dates are read in the order its values
 * settle (a part over 12: `13/04/2026` is day-first), or, when none does, in the default order
 * (month-first), marked as guessed (bind.ts). Several
 * files are one audit, so the same text must not be two dates in it:
 *
 * - a file whose order is only guessed takes the order an earlier file of the audit settled;
 * - a file that settles the order the other way than an earlier file guessed it stops the run
 *   (exit 2), as a later value settling it the other way does inside one file (rows.ts): the
 *   earlier file's dates may all have been read the wrong way round, and only the user can say.
 *
 * Two files that each settle a different order keep their own: each is proven by its values
 * (two systems that write dates differently).
 */
import { ParityError } from '../errors.js';
import type { TimestampStyle } from '../normalise/time.js';
import type { FieldBinding, Mapping } from './types.js';
import { TIMESTAMP_FIELDS } from './bind.js';
import type { TicketField } from '../model.js';

type DateOrder = 'day-first' | 'month-first';

/**
 * The order of a slash style; null for any other. Dash dates (`01-07-2026`) are read day-first
 * only (parity has no month-first dash style), and dot dates are day-first: their order is not
 * in question, and a slash file's order says nothing of theirs.
 */
function orderOf(style: TimestampStyle | null | undefined): DateOrder | null {
  if (style === 'mdy') return 'month-first';
  if (style === 'dmy') return 'day-first';
  return null;
}

/** The slash style of `order`. */
function styled(order: DateOrder): TimestampStyle {
  return order === 'day-first' ? 'dmy' : 'mdy';
}

interface Seen {
  readonly order: DateOrder;
  readonly file: string;
  readonly column: string;
}

/** The audit's date order so far, file by file (load/stream.ts keeps one per run). */
export class AuditDateOrder {
  private settled: Seen | null = null;
  private readonly guessed: Seen[] = [];

  /** `mapping` of `file` with its guessed columns in the order an earlier file settled; throws when it settles the order against an earlier guess. */
  align(mapping: Mapping, file: string): Mapping {
    let bindings: Partial<Record<TicketField, FieldBinding>> | null = null;
    for (const field of TIMESTAMP_FIELDS) {
      const b = mapping.bindings[field];
      const order = orderOf(b?.style);
      if (!b || order === null || b.dateFormat) continue;
      if (!b.orderGuessed) {
        const against = this.guessed.find((g) => g.order !== order);
        if (against) throw conflict(against, { order, file, column: b.header });
        this.settled ??= { order, file, column: b.header };
        continue;
      }
      if (this.settled === null) {
        this.guessed.push({ order, file, column: b.header });
        continue;
      }
      // settled by an earlier file: read that way, and settled here too (a value the other way
      // is then only a row that cannot be read, as after the first rows of one file)
      const { orderGuessed: _, ...rest } = b;
      bindings ??= { ...mapping.bindings };
      bindings[field] = { ...rest, style: styled(this.settled.order) };
    }
    return bindings === null ? mapping : { ...mapping, bindings };
  }
}

function conflict(guessed: Seen, settling: Seen): ParityError {
  const words = (o: DateOrder): string => (o === 'day-first' ? 'day-first (DD/MM)' : 'month-first (MM/DD)');
  return new ParityError(
    `${settling.file} writes its dates ${words(settling.order)} (column ${settling.column}), but ${guessed.file} was read ${words(guessed.order)} because no date in its first rows has a part over 12 (column ${guessed.column}): in one audit the same text would be two dates`,
    {
      location: { file: settling.file, line: 1, column: settling.column },
      hint: `say the order in the config: "dateFormat": "dd/MM/yyyy HH:mm" if the files are day-first, "MM/dd/yyyy HH:mm" if month-first (with the time as your files write it); or audit the files separately`,
    },
  );
}
