import type { NumberReading } from '../normalise/decimal.js';
/**
 * What an export format is: how to recognise its header and how its columns and vocabulary map
 * to the canonical ticket. Most formats are declarative (synonyms + vocabulary); conversation and
 * event logs, where many rows make one ticket, supply `reduce`.
 */
import type { Channel, DurationUnit, TicketField } from '../model.js';
import type { ChannelMeaning } from '../normalise/channel.js';
import type { RawRecord } from '../read/record.js';
import type { LogOutput } from './logRows.js';
import type { TimestampStyle } from '../normalise/time.js';
import type { RowContext } from '../normalise/rows.js';

/** A header cell reduced for matching: lower case, letters and digits only. */
export function headerKey(header: string): string {
  return header.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
}

/** How one canonical field is read from a file. */
export interface FieldBinding {
  readonly field: TicketField;
  readonly index: number;
  readonly header: string;
  /** Where the binding came from. */
  readonly source: 'config' | 'format';
  /** Duration columns: the unit, and whether it was only assumed. */
  readonly unit?: DurationUnit;
  readonly unitAssumed?: boolean;
  /** Duration columns: every sampled value says its own unit (`2h`, `1d 2h`, `01:30:00`); `unit` is only that of a plain number. */
  readonly unitsWritten?: boolean;
  /**
   * Duration columns: the clock the durations count in (config `clock`, else the header's word
   * "business" or "calendar", else calendar), and whether it was only assumed.
   */
  readonly clock?: 'calendar' | 'business';
  readonly clockAssumed?: boolean;
  /** Timestamp columns: the style detected (or `custom` for dateFormat). */
  readonly style?: TimestampStyle | null;
  readonly dateFormat?: string;
  /**
   * Slash, dash or dot dates whose order no sampled value settled (no part over 12): the order
   * in `style` is only the default, and a later value that reads only the other way stops the
   * run (rows.ts), since every date before it may have been misread.
   */
  readonly orderGuessed?: boolean;
  /**
   * A configured dateFormat (the column's or the config's) that read fewer than half of the
   * values sampled, so the column's style was detected instead: the format, how many it read of
   * how many, and a value it did not read (said in the report: formats/bind.ts dateFormatNotes).
   */
  readonly dateFormatUnused?: { readonly format: string; readonly read: number; readonly sampled: number; readonly example: string };
  /** With `orderGuessed`: the column's first sampled value, the example its note gives (bind.ts guessedOrderNotes). */
  readonly orderExample?: string;
  /** A timestamp column with no value in the rows sampled: its style (null) is settled by its first value (rows.ts). */
  readonly unsampled?: boolean;
  /** Number columns (durations, followers): how their decimals are written (normalise/decimal.ts). */
  readonly number?: NumberReading;
}

/** The mapping of one file. */
export interface Mapping {
  readonly format: FormatDef;
  readonly confidence: number;
  readonly header: readonly string[];
  readonly bindings: Partial<Record<TicketField, FieldBinding>>;
  readonly timeZone: string;
  /** Headers that feed no field. */
  readonly unused: readonly string[];
  /** The `--by` column when `--by` names a header rather than a canonical field (bound by name in open.ts). */
  readonly byColumn?: { readonly index: number; readonly header: string } | null;
}

/** A recognised export format. */
export interface FormatDef {
  /** Short id used in `--input-format`, config `format` and the report (`zendesk`). */
  readonly id: string;
  /** Name shown to people (`Zendesk ticket CSV`). */
  readonly label: string;
  /**
   * How sure we are that a header is this format, 0..1, with the reason. `keys` holds
   * headerKey() of every header cell.
   */
  detect(keys: ReadonlySet<string>): number;
  /** Header names (any spelling; compared by headerKey) that feed each field, best first. */
  readonly synonyms: Partial<Record<TicketField, readonly string[]>>;
  /** Units of duration columns this format writes. */
  readonly durationUnits?: Partial<Record<'firstResponseTime' | 'resolutionTime', DurationUnit>>;
  /** The clock of the format's duration columns when their header does not name one (default calendar). */
  readonly durationClocks?: Partial<Record<'firstResponseTime' | 'resolutionTime', 'calendar' | 'business'>>;
  /** The format's own channel vocabulary (raw value → meaning), on top of the built-in one. */
  readonly channels?: Readonly<Record<string, Partial<ChannelMeaning> & { channel: Channel }>>;
  /** Every ticket of this format is on this channel (e.g. a tweet log is all `social`). */
  readonly fixedChannel?: Channel;
  /** Fields this format never has, with the reason shown to the user. */
  readonly absent?: Partial<Record<TicketField, string>>;
  /** Notes shown by `inspect` and in the report's data quality (e.g. "Outbound Email excluded"). */
  readonly notes?: readonly string[];
  /** Values of the `direction` column that mean agent-initiated (Gorgias `from_agent` = `true`). */
  readonly outboundDirections?: readonly string[];
  /**
   * Values of the `direction` column that mean a private conversation on a channel whose name
   * alone reads as public (Zendesk JSON `via.source.rel` `direct_message` on `twitter`). An
   * isPublic column, when there is one, still decides.
   */
  readonly privateDirections?: readonly string[];
  /** Headers never bound by name (Intercom's `type` is always "conversation", not a category). */
  readonly ignoreColumns?: readonly string[];
  /** Cell values this format writes for "no value" (ServiceNow writes `?`); read as empty. */
  readonly missingValues?: readonly string[];
  /** What one record is, for `inspect` ("tweet", "event"); absent = one record is one ticket. */
  readonly recordNoun?: string;
  /** Log formats: columns `reduce` reads beyond the ticket fields (header → what for), for `inspect`. */
  readonly logColumns?: Readonly<Record<string, string>>;
  /**
   * For logs where many rows make one ticket (tweet conversations, event logs): consume every
   * record and yield tickets and issues. Every record must end up in exactly one ticket or
   * one issue (rowsRead = rowsUsed + rowsRejected); `lines` on a yielded ticket are the lines of
   * the records it consumed, its own line first, and `latest` the latest time among them and its
   * line (a follow-up, an update after the answer: the export is at least that old, and the
   * default as-of time is the latest timestamp in the data; formats/logRows.ts LogOutput).
   */
  reduce?(
    records: AsyncIterable<RawRecord>,
    mapping: Mapping,
    context: RowContext,
  ): AsyncIterable<LogOutput>;
  /**
   * Log formats: which metrics the log can measure by its layout, whatever its tickets say (a
   * ServiceNow log with update times measures first response even when no incident has left New
   * yet: those incidents are unanswered, not unmeasured). Absent = a metric is measured when a
   * column is bound to it or any ticket has it.
   */
  measures?(mapping: Mapping): { firstResponse?: boolean; resolution?: boolean };
}
