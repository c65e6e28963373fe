/**
 * The ticket table: every usable ticket, stored column by column in typed arrays (a million
 * tickets are a few dozen MB, not a million objects). Text-like fields are dictionary-encoded.
 * Built once by the normaliser, then only read by measure and judge.
 */
import { CHANNELS, type Channel } from '../model.js';
import { StringTable, TextArena } from './strings.js';

/** First-response and resolution states. */
export const ANSWERED = 1, UNANSWERED = 0, EXCLUDED = 2;
export const RESOLVED = 1, OPEN = 0;
/** A ticket's first-response state (stored as its code in a Uint8Array column). */
export type FirstResponseState = typeof ANSWERED | typeof UNANSWERED | typeof EXCLUDED;
/** A ticket's resolution state: resolved, still open at the as-of time, or not measurable. */
export type ResolutionState = typeof RESOLVED | typeof OPEN | typeof EXCLUDED;
/** Bits of `flags`. */
export const FLAG_SHOUTING = 1, FLAG_ESCALATED = 2;

/** A customer column value at or below this is a customer that waits: WAITING − its number (TableBuilder.customerWaiting). */
const WAITING = -2;

/** Values a dictionary keeps in a Map before it relies on the string table alone. */
const SMALL_MAX = 4096;

/** Strings stored once, referred to by code. Code -1 means "no value". */
export class Dictionary {
  private readonly table = new StringTable();
  /**
   * Whether a numbered key's lookup may wait (the customer ids: see TableBuilder's
   * `customerWaiting`); false: every key is coded as it comes.
   */
  constructor(private readonly waits = false) {}
  /**
   * While the dictionary is small (statuses, priorities, channels' raw values), a Map in front of
   * the table: its lookup uses the hash V8 keeps with each string, where the table hashes every
   * value again. Dropped past SMALL_MAX values (customer ids), where the table's flat arrays spare
   * the garbage collector a large Map.
   */
  private small: Map<string, number> | null = new Map();
  /** The strings by code (an array made on demand: for small dictionaries). */
  get values(): string[] {
    return this.table.values;
  }
  /** How many strings it holds. */
  get size(): number {
    return this.table.size;
  }
  /** How many code units its strings hold together. */
  get units(): number {
    return this.table.arena.units;
  }
  codeOf(value: string | null | undefined): number {
    if (value === null || value === undefined || value === '') return -1;
    const small = this.small;
    if (small === null) return this.table.intern(value);
    const known = small.get(value);
    if (known !== undefined) return known;
    const code = this.table.intern(value);
    if (small.size < SMALL_MAX) small.set(value, code);
    else this.small = null;
    return code;
  }
  /**
   * Makes room for `n` strings in all, about `units` code units together (estimates), so that
   * the string table is not rehashed nor its text copied on the way.
   */
  reserve(n: number, units = 0): void {
    if (n > SMALL_MAX) this.small = null;
    this.table.reserve(n, units);
  }
  /** codeOf the string made of the ASCII bytes `buf[start..end)` (the byte scanner's field), without making it. */
  codeOfAscii(buf: Uint8Array, start: number, end: number): number {
    return start === end ? -1 : this.table.internAscii(buf, start, end);
  }
  valueOf(code: number): string | null {
    return code < 0 || code >= this.table.size ? null : this.table.valueOf(code);
  }
  /** Lets go of the lookup index (StringTable.dropIndex): values and codes stay; a later lookup makes it again. */
  dropIndex(): void {
    this.table.dropIndex();
  }
  /**
   * Reads ahead for the next codeOfAscii of these keys (StringTable.warmAscii); changes nothing.
   * Nothing while numbered keys wait (nothing is looked up then).
   */
  warmAscii(buf: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): void {
    if (this.waits && this.table.byNumbers) return;
    this.table.warmAscii(buf, starts, ends, count);
  }
  /**
   * The number of the ASCII key `buf[start..end)` when its code may be asked for later
   * ({@link codeOfNumber}, StringTable.waitingNumberAscii), else −1 (code it now; an empty key too).
   */
  waitingNumberAscii(buf: Uint8Array, start: number, end: number): number {
    return this.waits && start !== end ? this.table.waitingNumberAscii(buf, start, end) : -1;
  }
  /** waitingNumberAscii of a value. */
  waitingNumber(value: string | null | undefined): number {
    return this.waits && value !== null && value !== undefined && value !== '' ? this.table.waitingNumber(value) : -1;
  }
  /**
   * Codes the keys that waited: every value of `column[from..to)` at or below `waiting` becomes
   * the code of the key of number waiting − value, in order (StringTable.internWaiting); keys
   * that waited are coded in the order they came, before any other.
   */
  codeWaiting(column: Int32Array, from: number, to: number, waiting: number): void {
    this.table.internWaiting(column, from, to, waiting);
  }
}

/** Ticket i's follower count; NaN when it has none (or no ticket has one: no column). */
export function followersOf(table: TicketTable, i: number): number {
  const f = table.followers;
  if (f === null) return Number.NaN;
  const v = f[i] as number;
  // a 32-bit column holds count + 1, 0 for none (FollowerColumn)
  return f.BYTES_PER_ELEMENT === 4 ? (v === 0 ? Number.NaN : v - 1) : v;
}

/**
 * Ticket i's age at `asOf` in the table's clock, never below 0: where a ticket still waiting is
 * censored (the business-clock column when there is one, otherwise as-of − created). The one
 * definition every tally, count table and journey reads.
 */
export function waitingAge(table: Pick<TicketTable, 'openAge' | 'createdAt'>, i: number, asOf: number): number {
  const ages = table.openAge;
  return Math.max(0, ages ? (ages[i] as number) : whole(asOf - (table.createdAt[i] as number)));
}

/** Calendar ages made for a table without a business-clock column, one array per table and as-of time. */
const calendarAges = new WeakMap<TicketTable, { asOf: number; ages: Float64Array }>();

/**
 * Every ticket's age at `asOf` in the table's clock, as a column: the business-clock column when
 * there is one, otherwise as-of − created, made when first asked for (SLA counts, the ticket
 * listing) — an audit without them keeps no column of ages (8 bytes a ticket).
 */
export function openAges(table: TicketTable, asOf: number): Float64Array {
  if (table.openAge) return table.openAge;
  const made = calendarAges.get(table);
  if (made && made.asOf === asOf) return made.ages;
  const ages = new Float64Array(table.size);
  for (let i = 0; i < table.size; i++) ages[i] = whole(asOf - (table.createdAt[i] as number));
  calendarAges.set(table, { asOf, ages });
  return ages;
}

/**
 * Durations and ages are kept in whole seconds, rounded half up (`floor(x + 0.5)`, NaN kept):
 * the count query rounds so (read/engines/sql.ts), and every number of a report — medians, the
 * plain median of answered tickets, SLA met or breached — is then the same from either producer
 * when timestamps carry fractions of a second.
 */
export function whole(seconds: number): number {
  return Math.floor(seconds + 0.5);
}

/** One ticket as handed from the row normaliser to the table builder. */
export interface TicketRow {
  id: string;
  customerId: string | null;
  channel: Channel;
  rawChannel: string;
  /** Whether the raw channel value was recognised (false = fell through to `other`). */
  channelKnown?: boolean;
  isPublic: boolean | null;
  /** epoch seconds */
  createdAt: number;
  /** seconds from creation; NaN when not answered / excluded (see state) */
  firstResponseSeconds: number;
  firstResponseState: FirstResponseState;
  resolutionSeconds: number;
  resolutionState: ResolutionState;
  status: string | null;
  priority: string | null;
  category: string | null;
  group: string | null;
  /** The value of the `--by` column when it is not a canonical field (a header bound by name). */
  byValue?: string | null | undefined;
  followers: number;
  flags: number;
  file: string;
  line: number;
}

/** Values a ColumnCache holds at most; past it, a column's other values are read without it. */
const COLUMN_CACHE_MAX = 4096;

/**
 * Texts numbered 0, 1, 2, … (keys) and each one's code in a dictionary, looked up once: a
 * column's values as the byte reader keys them (ColumnCache), or as a reading worker keyed them
 * (load/readAhead.ts keeps their texts here as they come).
 */
export class KeyedValues {
  protected readonly texts: string[] = [];
  /** Dictionary code + 1 by key; 0 = not looked up yet. */
  private codes = new Int32Array(64);

  /** How many values it holds (keys 0 .. size - 1). */
  get size(): number {
    return this.texts.length;
  }

  /** Adds texts under the next keys. */
  add(texts: readonly string[]): void {
    for (const text of texts) this.texts.push(text);
  }

  /** Value k's text. */
  text(k: number): string {
    return this.texts[k] as string;
  }

  /** Value k's code in `dictionary` (the one dictionary this column's values go into). */
  code(k: number, dictionary: Dictionary): number {
    if (k >= this.codes.length) {
      const next = new Int32Array(Math.max(this.codes.length * 2, k + 1));
      next.set(this.codes);
      this.codes = next;
    }
    let code = (this.codes[k] as number) - 1;
    if (code < 0) {
      code = dictionary.codeOf(this.texts[k] as string);
      this.codes[k] = code + 1;
    }
    return code;
  }
}

/**
 * The values of one low-cardinality column of one file (channel, status, priority, category),
 * keyed by their ASCII bytes: what each means to the byte reader (decided once per value) and
 * its code in the table's dictionary (looked up once per value, when a kept ticket first has it,
 * so codes are given in the same order as from strings). Bounded: `key` answers -1 for a value
 * that is new once the cache is full, and the caller reads that value without it.
 */
export class ColumnCache<T> extends KeyedValues {
  private readonly keys = new StringTable();
  private readonly meanings: T[] = [];

  constructor(private readonly decide: (text: string) => T) {
    super();
  }

  /** The key of the ASCII bytes `buf[start..end)` (not empty), or -1 (full). */
  key(buf: Uint8Array, start: number, end: number): number {
    const keys = this.keys;
    const k = keys.size < COLUMN_CACHE_MAX ? keys.internAscii(buf, start, end) : keys.findAscii(buf, start, end);
    if (k === this.texts.length) {
      const text = keys.valueOf(k);
      this.texts.push(text);
      this.meanings.push(this.decide(text));
    }
    return k;
  }

  /** What value k means (decided from its text). */
  meaning(k: number): T {
    return this.meanings[k] as T;
  }
}

/** Indices of the text columns of a ByteRow. */
export const TEXT_CUSTOMER = 0, TEXT_STATUS = 1, TEXT_PRIORITY = 2, TEXT_CATEGORY = 3, TEXT_GROUP = 4, TEXT_BY = 5;

/**
 * One ticket read from bytes (load/stream.ts with normalise/fields.ts): the TicketRow's numbers,
 * and its text columns as byte ranges of trimmed ASCII (`start[k]` ≥ 0), as a key of a column
 * cache (`start[k]` = -2, `key[k]` in `cache[k]`) or, where the bytes are not plain ASCII, as
 * the decoded, trimmed string (`start[k]` = -1, `text[k]`, null for none). One instance is
 * reused for every row: no object per ticket.
 */
export class ByteRow {
  bytes: Uint8Array = new Uint8Array(0);
  /** The ticket id: trimmed ASCII bytes `bytes[idStart..idEnd)` (never empty). */
  idStart = 0;
  idEnd = 0;
  readonly start = new Int32Array(6);
  readonly end = new Int32Array(6);
  readonly text: Array<string | null> = [null, null, null, null, null, null];
  readonly key = new Int32Array(6);
  readonly cache: Array<KeyedValues | null> = [null, null, null, null, null, null];
  /** The raw channel's key in `rawChannelCache`, or -1 (then `rawChannel` is looked up). */
  rawChannelKey = -1;
  rawChannelCache: KeyedValues | null = null;
  /** Whether the `--by` column (TEXT_BY) is read. */
  hasBy = false;
  /** Index into CHANNELS. */
  channel = 0;
  rawChannel = '';
  channelKnown = true;
  /** 1 public, 0 private, -1 not said. */
  isPublic = -1;
  createdAt = 0;
  firstResponseSeconds = Number.NaN;
  firstResponseState: FirstResponseState = UNANSWERED;
  resolutionSeconds = Number.NaN;
  resolutionState: ResolutionState = OPEN;
  followers = Number.NaN;
  flags = 0;
  file = '';
  line = 0;
  /** Latest timestamp of the row (creation, or a response or resolution known by the as-of time). */
  latest = 0;
}

/**
 * A column of dictionary codes (−1: no value): one byte a ticket while every code is below 128,
 * two below 32,768, four beyond — widened as the dictionary grows (status, priority, category,
 * group and raw channel values are a handful in nearly every export: 15 bytes a ticket saved,
 * 150 MB at 10M tickets). Read it as any typed array: `column[i]` is the code.
 */
export type CodeColumn = Int8Array | Int16Array | Int32Array;

/** The columns of dictionary codes that start at one byte a ticket. */
type CodeColumnName = 'rawChannel' | 'status' | 'priority' | 'category' | 'group';

/** The largest code a code column holds. */
function codeLimit(column: CodeColumn): number {
  return column instanceof Int8Array ? 127 : column instanceof Int16Array ? 32767 : Number.POSITIVE_INFINITY;
}

/** The column widened to hold `code` (capacity kept, codes copied). */
function widened(column: CodeColumn, code: number): CodeColumn {
  const next = code <= 32767 ? new Int16Array(column.length) : new Int32Array(column.length);
  next.set(column);
  return next;
}

/**
 * A column of whole seconds (first response, resolution): 4 bytes a ticket, widened to float64
 * when a duration does not fit 32 bits (136 years; a mistyped year). A ticket's value is read only
 * where its state says there is one (ANSWERED, RESOLVED): a ticket without one holds 0 in the
 * 32-bit column, and 0 or NaN once widened (0 for the tickets written before the widening). 8 bytes a ticket less than float64: 160 MB at 10M tickets
 * for the two metrics.
 */
export type SecondsColumn = Uint32Array | Float64Array;

/**
 * Follower counts: a count c is held as c + 1 in 32 bits (0: none), widened to float64 (NaN:
 * none) when a count is not a whole number below 2^32 − 1. Read through followersOf.
 */
export type FollowerColumn = Uint32Array | Float64Array;

/**
 * Creation times (epoch seconds): 4 bytes a ticket while every time is a whole second from 1970
 * to 2106 (exports give seconds), widened to float64 at the first that is not (a fraction of a
 * second, a time before 1970). Read as any typed array: `column[i]` is the time.
 */
export type TimeColumn = Uint32Array | Float64Array;

/** Whether whole seconds `v` (not NaN) fit a 32-bit SecondsColumn. */
function fitsSeconds(v: number): boolean {
  return v >= 0 && v <= 0xffffffff;
}

/** The column as float64, its values kept (0 for a value a 32-bit column did not hold stays 0; NaN marks none from here on). */
function widenedSeconds(column: SecondsColumn): Float64Array {
  return column instanceof Float64Array ? column : Float64Array.from(column);
}

/**
 * A SecondsColumn of `n` tickets holding `value(i)` (NaN: none): 32-bit unless a value does
 * not fit, then float64. For columns made whole after reading (the business clock).
 */
export function secondsColumn(n: number, value: (i: number) => number): SecondsColumn {
  let out: SecondsColumn = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const v = value(i);
    if (Number.isNaN(v)) {
      if (out instanceof Float64Array) out[i] = Number.NaN;
      continue;
    }
    if (out instanceof Uint32Array && !fitsSeconds(v)) out = widenedSeconds(out);
    out[i] = v;
  }
  return out;
}

/** The columnar ticket store. Index i across all columns is ticket i. */
export interface TicketTable {
  readonly size: number;
  /** Ticket ids (kept as code units in one arena, not a string object per ticket: `id.get(i)`). */
  readonly id: TextArena;
  readonly channel: Uint8Array;
  readonly rawChannel: CodeColumn;
  readonly isPublic: Int8Array;
  readonly createdAt: TimeColumn;
  readonly firstResponse: SecondsColumn;
  readonly firstResponseState: Uint8Array;
  readonly resolution: SecondsColumn;
  readonly resolutionState: Uint8Array;
  /** Follower counts (FollowerColumn: read them through followersOf, NaN for none); null when no ticket has one (most helpdesk exports). */
  readonly followers: FollowerColumn | null;
  readonly customer: Int32Array;
  readonly status: CodeColumn;
  readonly priority: CodeColumn;
  readonly category: CodeColumn;
  readonly group: CodeColumn;
  /** Codes of the `--by` column that is not a canonical field (present only when one was read). */
  readonly byValue?: Int32Array;
  readonly flags: Uint8Array;
  /**
   * Where each ticket was read: its file's code in `dictionaries.file`, and its line. Read while
   * loading (the as-of note, each file's clocks) and by the ticket listing; an audit lets them go
   * once the table is loaded ({@link withoutLocations}): 6 bytes a ticket, 57 MB at 10M tickets
   * that would otherwise be held through its peak.
   */
  readonly fileIndex?: Uint16Array;
  readonly line?: Uint32Array;
  /**
   * Seconds from creation to the as-of time in the business clock (the censoring time of a still
   * open ticket), set by pipeline.loadDataset for that clock. In calendar time (no column) a
   * ticket's age is as-of − created: {@link openAges} gives either as a column.
   */
  readonly openAge?: Float64Array;
  /** Which clock the durations are in. */
  readonly clock?: 'calendar' | 'business';
  /**
   * Under the business clock, the durations before they were put in it (set by applyClock): an
   * answer's or resolution's instant is creation + this, which channel jumps read (whether an
   * earlier ticket was still waiting when the customer turned to another channel is a question
   * of instants, not of opening hours). Absent: `firstResponse`/`resolution` are that already.
   */
  readonly instantFirstResponse?: SecondsColumn;
  readonly instantResolution?: SecondsColumn;
  readonly dictionaries: {
    readonly rawChannel: Dictionary;
    readonly customer: Dictionary;
    readonly status: Dictionary;
    readonly priority: Dictionary;
    readonly category: Dictionary;
    readonly group: Dictionary;
    readonly file: Dictionary;
    /** Values of the `byValue` column. */
    readonly byValue?: Dictionary;
  };
}

type Typed = Uint8Array | Int8Array | Int16Array | Int32Array | Uint32Array | Uint16Array | Float64Array;

/** A new array of `column`'s type for `length` values, in shared memory when `column` is (the helper thread reads those, measure/helper.ts). */
function like<T extends Typed>(column: T, length: number): T {
  const Ctor = column.constructor as new (lengthOrBuffer: number | SharedArrayBuffer) => T;
  return column.buffer instanceof SharedArrayBuffer ? new Ctor(new SharedArrayBuffer(length * column.BYTES_PER_ELEMENT)) : new Ctor(length);
}

/** The first n values of a column in an array of that size (`slice`, but a column in shared memory stays shared). */
function trimmed<T extends Typed>(column: T, n: number): T {
  const next = like(column, n);
  next.set(column.subarray(0, n));
  return next;
}

/** The array grown to `capacity` (values kept). */
function grow<T extends Typed>(array: T, capacity: number): T {
  const next = like(array, capacity);
  next.set(array);
  return next;
}

const CHANNEL_CODE = new Map<Channel, number>(CHANNELS.map((c, i) => [c, i]));

/** Appends tickets; `build()` trims the columns to size. */
export class TicketTableBuilder {
  private n = 0;
  private capacity: number;
  /**
   * Ticket ids by index. The ticket stream checks duplicates in it (load/stream.ts): a new id is
   * interned there first, and its code is the index its ticket gets.
   */
  readonly ids = new StringTable();
  private cols;
  /** The largest code each code column holds now (CodeColumn: widened as dictionaries grow). */
  private readonly codeLimits: Record<CodeColumnName, number> = { rawChannel: 127, status: 127, priority: 127, category: 127, group: 127 };
  /** The file of the last row and its code (rows come file by file). */
  private lastFile: string | null = null;
  private lastFileCode = -1;
  readonly dictionaries = {
    rawChannel: new Dictionary(),
    customer: new Dictionary(true),
    status: new Dictionary(),
    priority: new Dictionary(),
    category: new Dictionary(),
    group: new Dictionary(),
    file: new Dictionary(),
    byValue: new Dictionary(),
  };
  /**
   * Codes of the `--by` header value, made when the first row carries one (-1 for the rows
   * before it): without --by, no 4 bytes a ticket of -1s (40 MB at 10M rows).
   */
  private byValue: Int32Array | null = null;
  /** Follower counts (FollowerColumn), made when the first row carries one (none for the rows before it). */
  private followers: FollowerColumn | null = null;
  /**
   * The first ticket whose customer column holds a customer that waits (WAITING − its number),
   * or −1 when none does. While every customer id is a prefix and a running number (`C48213`),
   * a row's customer is written as its number and coded only when the table is built (or when
   * a customer of another form comes): one pass over the column in ticket order gives every
   * customer the code the row-by-row lookup would have given (the order of first appearance),
   * with its cache misses in one tight loop instead of one per row among the rest of reading.
   */
  private customerWaiting = -1;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    const c = initialCapacity;
    this.cols = {
      channel: new Uint8Array(c),
      rawChannel: new Int8Array(c) as CodeColumn,
      isPublic: new Int8Array(c),
      // (shared memory: the statistics helper thread reads the customer timeline's two columns
      // where they are, measure/helper.ts, instead of a copy of 8 bytes a ticket)
      createdAt: new Uint32Array(new SharedArrayBuffer(4 * c)) as TimeColumn,
      firstResponse: new Uint32Array(c) as SecondsColumn,
      firstResponseState: new Uint8Array(c),
      // (so are resolution's: the helper sorts and tallies them while this thread does first response's)
      resolution: new Uint32Array(new SharedArrayBuffer(4 * c)) as SecondsColumn,
      resolutionState: new Uint8Array(new SharedArrayBuffer(c)),
      customer: new Int32Array(new SharedArrayBuffer(4 * c)),
      status: new Int8Array(c) as CodeColumn,
      priority: new Int8Array(c) as CodeColumn,
      category: new Int8Array(c) as CodeColumn,
      group: new Int8Array(c) as CodeColumn,
      flags: new Uint8Array(c),
      fileIndex: new Uint16Array(c),
      line: new Uint32Array(c),
    };
  }

  get size(): number {
    return this.n;
  }

  /** Appends a ticket; returns its index. */
  add(row: TicketRow): number {
    if (this.n === this.capacity) this.growColumns();
    const i = this.n++;
    if (this.ids.size === i) this.ids.add(row.id); // not interned by the stream (a caller of its own)
    this.write(i, row);
    return i;
  }

  /** Appends a ticket read from bytes whose id the stream has interned into `ids`; returns its index. */
  addBytes(row: ByteRow): number {
    if (this.n === this.capacity) this.growColumns();
    const i = this.n++;
    if (this.ids.size !== this.n) throw new Error(`ticket ${i}'s id is not in the id table`);
    this.writeBytes(i, row);
    return i;
  }

  /** Replaces ticket i with a later row of the same id read from bytes (the last one wins). */
  replaceBytes(i: number, row: ByteRow): void {
    // (the customer of the row replaced is coded first, where row-by-row coding coded it)
    this.codeWaitingCustomers();
    this.writeBytes(i, row);
  }

  /** Codes every customer that waits, in ticket order (see customerWaiting). */
  private codeWaitingCustomers(): void {
    const from = this.customerWaiting;
    if (from < 0) return;
    this.customerWaiting = -1;
    this.dictionaries.customer.codeWaiting(this.cols.customer, from, this.n, WAITING);
  }

  /**
   * Ticket i's customer column value for a customer of number n that may wait
   * (Dictionary.waitingNumber). i is never before a ticket that waits: a row replaced is coded
   * first (replace, replaceBytes), so the first one stays the first.
   */
  private waitingCustomer(i: number, n: number): number {
    if (this.customerWaiting < 0) this.customerWaiting = i;
    return WAITING - n;
  }

  /**
   * Makes room for `n` tickets in all, `customers` more distinct customers than it holds, and
   * ids of `idUnits` and `customerUnits` more code units (estimates from the file's size):
   * the columns, the id table and the customer dictionary are then allocated once instead of
   * doubled and copied as the rows come (fresh memory costs its page faults). Customers that
   * wait are coded first: the dictionary's size then counts them, and they are placed with the
   * room asked for before, as row-by-row coding placed them (what the dictionary expects decides
   * whether its index by number is kept).
   */
  reserve(n: number, customers = 0, idUnits = 0, customerUnits = 0): void {
    this.codeWaitingCustomers();
    this.ids.reserve(n, this.ids.arena.units + idUnits);
    const d = this.dictionaries.customer;
    d.reserve(d.size + customers, d.units + customerUnits);
    if (n <= this.capacity) return;
    this.growColumns(n);
  }

  private growColumns(capacity = this.capacity * 2): void {
    this.capacity = capacity;
    for (const key of Object.keys(this.cols) as Array<keyof typeof this.cols>) {
      (this.cols as Record<string, Typed>)[key] = grow(this.cols[key], capacity);
    }
    if (this.byValue !== null) this.byValue = grow(this.byValue, capacity);
    if (this.followers !== null) this.followers = grow(this.followers, capacity);
  }

  /** Code `code` into code column `name` at ticket i, widening the column when it does not fit. */
  private setCode(name: CodeColumnName, i: number, code: number): void {
    let column = this.cols[name];
    if (code > this.codeLimits[name]) {
      column = this.cols[name] = widened(column, code);
      this.codeLimits[name] = codeLimit(column);
    }
    column[i] = code;
  }

  /** A ticket's follower count (NaN: none), into the column made on the first count. */
  private writeFollowers(i: number, followers: number): void {
    let column = this.followers;
    if (Number.isNaN(followers)) {
      if (column !== null) column[i] = column instanceof Uint32Array ? 0 : Number.NaN;
      return;
    }
    column ??= this.followers = new Uint32Array(this.capacity);
    if (column instanceof Uint32Array) {
      if (Number.isInteger(followers) && followers >= 0 && followers < 0xffffffff) {
        column[i] = followers + 1;
        return;
      }
      // a count 32 bits cannot hold: float64 from here on (counts as they are, NaN for none)
      const wide = new Float64Array(column.length);
      for (let k = 0; k < this.n; k++) wide[k] = column[k] === 0 ? Number.NaN : (column[k] as number) - 1;
      column = this.followers = wide;
    }
    column[i] = followers;
  }

  /** A creation time into the TimeColumn, widening it when the time is not a whole second in 32 bits. */
  private setCreated(i: number, at: number): void {
    let column = this.cols.createdAt;
    if (column instanceof Uint32Array && !(Number.isInteger(at) && fitsSeconds(at))) column = this.cols.createdAt = Float64Array.from(column);
    column[i] = at;
  }

  /** Whole seconds (NaN: none) into a SecondsColumn, widening it when the value does not fit. */
  private setSeconds(name: 'firstResponse' | 'resolution', i: number, seconds: number): void {
    let column = this.cols[name];
    if (Number.isNaN(seconds)) {
      column[i] = column instanceof Uint32Array ? 0 : Number.NaN;
      return;
    }
    if (column instanceof Uint32Array && !fitsSeconds(seconds)) column = this.cols[name] = widenedSeconds(column);
    column[i] = seconds;
  }

  /** The `--by` column, made now when no row had a value before (they get -1). */
  private byColumn(): Int32Array {
    if (this.byValue === null) this.byValue = new Int32Array(this.capacity).fill(-1, 0, this.n);
    return this.byValue;
  }

  /** Replaces ticket i (a later row of the same ticket, when the last one wins). */
  replace(i: number, row: TicketRow): void {
    // (a later row of the same ticket: the id is the same, only the other columns change)
    if (!this.ids.arena.equals(i, row.id)) throw new Error(`ticket ${i} is ${this.ids.valueOf(i)}, not ${row.id}`);
    this.codeWaitingCustomers();
    this.write(i, row);
  }

  /** Where ticket i was read from. */
  locationOf(i: number): { file: string; line: number } {
    return { file: this.dictionaries.file.valueOf(this.cols.fileIndex[i] as number) ?? '', line: this.cols.line[i] as number };
  }

  private write(i: number, row: TicketRow): void {
    const c = this.cols;
    const d = this.dictionaries;
    c.channel[i] = CHANNEL_CODE.get(row.channel) ?? CHANNELS.length - 1;
    this.setCode('rawChannel', i, d.rawChannel.codeOf(row.rawChannel));
    c.isPublic[i] = row.isPublic === null ? -1 : row.isPublic ? 1 : 0;
    this.setCreated(i, row.createdAt);
    this.setSeconds('firstResponse', i, whole(row.firstResponseSeconds));
    c.firstResponseState[i] = row.firstResponseState;
    this.setSeconds('resolution', i, whole(row.resolutionSeconds));
    c.resolutionState[i] = row.resolutionState;
    this.writeFollowers(i, row.followers);
    const customer = d.customer.waitingNumber(row.customerId);
    if (customer >= 0) c.customer[i] = this.waitingCustomer(i, customer);
    else {
      this.codeWaitingCustomers();
      c.customer[i] = d.customer.codeOf(row.customerId);
    }
    this.setCode('status', i, d.status.codeOf(row.status));
    this.setCode('priority', i, d.priority.codeOf(row.priority));
    this.setCode('category', i, d.category.codeOf(row.category));
    this.setCode('group', i, d.group.codeOf(row.group));
    if (row.byValue !== undefined) this.byColumn()[i] = d.byValue.codeOf(row.byValue);
    else if (this.byValue !== null) this.byValue[i] = -1;
    this.writePlace(i, row.flags, row.file, row.line);
  }

  /** The ticket's flags and where it was read (both writers). */
  private writePlace(i: number, flags: number, file: string, line: number): void {
    const c = this.cols;
    c.flags[i] = flags;
    if (file !== this.lastFile) {
      this.lastFile = file;
      this.lastFileCode = this.dictionaries.file.codeOf(file);
    }
    c.fileIndex[i] = this.lastFileCode;
    c.line[i] = line;
  }

  private writeBytes(i: number, row: ByteRow): void {
    const c = this.cols;
    const d = this.dictionaries;
    c.channel[i] = row.channel;
    this.setCode('rawChannel', i, row.rawChannelKey >= 0 ? (row.rawChannelCache as KeyedValues).code(row.rawChannelKey, d.rawChannel) : d.rawChannel.codeOf(row.rawChannel));
    c.isPublic[i] = row.isPublic;
    this.setCreated(i, row.createdAt);
    this.setSeconds('firstResponse', i, whole(row.firstResponseSeconds));
    c.firstResponseState[i] = row.firstResponseState;
    this.setSeconds('resolution', i, whole(row.resolutionSeconds));
    c.resolutionState[i] = row.resolutionState;
    this.writeFollowers(i, row.followers);
    const at = row.start[TEXT_CUSTOMER] as number;
    const customer = at >= 0 ? d.customer.waitingNumberAscii(row.bytes, at, row.end[TEXT_CUSTOMER] as number) : at === -1 ? d.customer.waitingNumber(row.text[TEXT_CUSTOMER]) : -1;
    if (customer >= 0) c.customer[i] = this.waitingCustomer(i, customer);
    else {
      this.codeWaitingCustomers();
      c.customer[i] = textCode(row, TEXT_CUSTOMER, d.customer);
    }
    this.setCode('status', i, textCode(row, TEXT_STATUS, d.status));
    this.setCode('priority', i, textCode(row, TEXT_PRIORITY, d.priority));
    this.setCode('category', i, textCode(row, TEXT_CATEGORY, d.category));
    this.setCode('group', i, textCode(row, TEXT_GROUP, d.group));
    if (row.hasBy) this.byColumn()[i] = textCode(row, TEXT_BY, d.byValue);
    else if (this.byValue !== null) this.byValue[i] = -1;
    this.writePlace(i, row.flags, row.file, row.line);
  }

  build(): TicketTable {
    const n = this.n;
    const c = this.cols;
    // Columns reserved close to size are handed over as they are (a view of the first n: no
    // copy of every column into fresh memory, and a lower peak than the copy would have), others
    // trimmed to size.
    const tight = this.capacity <= n * 1.5;
    const fit = <T extends Typed>(column: T): T => (tight ? (column.subarray(0, n) as T) : trimmed(column, n));
    this.codeWaitingCustomers();
    // No more customers come: their ids are read by code from here on (journeys, the tickets
    // listed), never looked up, so the hash index goes (128 MB at 5M tickets).
    this.dictionaries.customer.dropIndex();
    return {
      size: n,
      id: this.ids.arena,
      channel: fit(c.channel),
      rawChannel: fit(c.rawChannel),
      isPublic: fit(c.isPublic),
      createdAt: fit(c.createdAt),
      firstResponse: fit(c.firstResponse),
      firstResponseState: fit(c.firstResponseState),
      resolution: fit(c.resolution),
      resolutionState: fit(c.resolutionState),
      followers: this.followers ? fit(this.followers) : null,
      customer: fit(c.customer),
      status: fit(c.status),
      priority: fit(c.priority),
      category: fit(c.category),
      group: fit(c.group),
      ...(this.byValue !== null ? { byValue: fit(this.byValue) } : {}),
      flags: fit(c.flags),
      fileIndex: fit(c.fileIndex),
      line: fit(c.line),
      dictionaries: this.dictionaries,
    };
  }
}

/** The dictionary code of a ByteRow's text column k. */
function textCode(row: ByteRow, k: number, dictionary: Dictionary): number {
  const start = row.start[k] as number;
  if (start >= 0) return dictionary.codeOfAscii(row.bytes, start, row.end[k] as number);
  if (start === -1) return dictionary.codeOf(row.text[k]);
  return (row.cache[k] as KeyedValues).code(row.key[k] as number, dictionary);
}

/** The table's location columns (TicketTable.fileIndex, line): there unless a caller let them go. */
export function locationsOf(table: TicketTable): { fileIndex: Uint16Array; line: Uint32Array } {
  if (!table.fileIndex || !table.line) throw new Error('the ticket table no longer holds where its tickets were read');
  return { fileIndex: table.fileIndex, line: table.line };
}

/** The table without its location columns, for a caller that lists no ticket's file and line (their memory can then go). */
export function withoutLocations(table: TicketTable): TicketTable {
  const { fileIndex: _fileIndex, line: _line, ...rest } = table;
  return rest;
}

/** The channel name of ticket i. */
export function channelOf(table: TicketTable, i: number): Channel {
  return CHANNELS[table.channel[i] ?? 5] ?? 'other';
}

/**
 * The tickets at `indices` as a table of their own: every column is cut the same way, and the
 * dictionaries are shared, so codes keep their meaning. Generic over the columns so a column
 * added to the table is carried along.
 */
export function subsetTable(table: TicketTable, indices: ArrayLike<number>): TicketTable {
  const n = indices.length;
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(table) as Array<[string, unknown]>) {
    if (key === 'size') out[key] = n;
    else if (ArrayBuffer.isView(column) && !(column instanceof DataView)) {
      const source = column as unknown as { [k: number]: number; constructor: new (length: number) => { [k: number]: number } };
      const copy = new source.constructor(n);
      for (let k = 0; k < n; k++) copy[k] = source[indices[k] as number] as number;
      out[key] = copy;
    } else if (column instanceof TextArena) {
      out[key] = column.subset(indices);
    } else if (Array.isArray(column)) {
      out[key] = Array.from({ length: n }, (_, k) => column[indices[k] as number] as unknown);
    } else out[key] = column;
  }
  return out as unknown as TicketTable;
}
