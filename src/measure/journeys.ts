/**
 * Customer journeys across tickets: repeat contacts (the same customer again and again within a
 * few days) and channel jumps (a phone/email/web ticket still pending when the customer goes to
 * social). Both walk one timeline: tickets with a customer id, grouped by customer (a counting
 * sort on the dictionary code) and by creation time within a customer, so the cost is
 * O(n log n) over the typed arrays with no per-ticket objects.
 */
import { CHANNELS, type Channel } from '../model.js';
import { ANSWERED, EXCLUDED, RESOLVED, whole, type TicketTable, type TimeColumn } from '../normalise/table.js';
import { radixSortPairs } from '../stats/radix.js';

/** Tickets with a customer id, customer by customer, oldest first within a customer. */
export interface CustomerTimeline {
  /** Ticket indices; customer k's tickets are order[starts[k] .. starts[k+1]). */
  order: Uint32Array;
  /** Start offsets into `order`, one per customer plus a final end offset. */
  starts: Uint32Array;
}

/**
 * Groups tickets by customer and orders each customer's tickets by creation time (ties by row).
 * When every creation time is a whole second within 2^32 s of the earliest (any real export),
 * the tickets with a customer are radix-sorted by time, their customers read in that order, then
 * (stably) by customer: four linear passes whose writes go to 65,536 buckets at a time. (Dealing the
 * time-ordered tickets to their customers by a counting sort — one bucket per customer, millions
 * of them — cost a cache miss or three per ticket: 1.8 s of a 5M-row audit, against 0.3 s.)
 * Otherwise each customer's tickets are sorted on their own. The same order either way.
 */
export function customerTimeline(table: TicketTable): CustomerTimeline {
  return timelineOf(table.customer.subarray(0, table.size), table.createdAt.subarray(0, table.size), table.dictionaries.customer.size);
}

/**
 * customerTimeline from the two columns it reads (each ticket's customer code, -1 for none, and
 * creation time) and the number of customers: what the statistics helper thread is handed
 * (measure/helper.ts).
 */
export function timelineOf(customer: Int32Array, created: TimeColumn, customers: number): CustomerTimeline {
  const n = customer.length;
  const starts = new Uint32Array(customers + 1);
  const byTime = timeOrder(customer, created);
  if (byTime) {
    const { keys, payload } = radixSortPairs(byTime.customers, byTime.tickets, byTime.scratch);
    countStarts(keys, starts);
    return { order: payload, starts };
  }
  for (let i = 0; i < n; i++) {
    const c = customer[i] as number;
    if (c >= 0) starts[c + 1]!++;
  }
  for (let c = 0; c < customers; c++) starts[c + 1]! += starts[c] as number;
  const order = new Uint32Array(starts[customers] as number);
  const fill = starts.slice(0, customers);
  for (let i = 0; i < n; i++) {
    const c = customer[i] as number;
    if (c >= 0) order[fill[c]!++] = i;
  }
  const compare = (a: number, b: number): number => (created[a] as number) - (created[b] as number) || a - b;
  for (let c = 0; c < customers; c++) {
    const s = starts[c] as number;
    const e = starts[c + 1] as number;
    if (e - s > 1) order.subarray(s, e).sort(compare);
  }
  return { order, starts };
}

/** Start offsets from customer codes in ascending order: customer c's tickets are [starts[c], starts[c + 1]). */
function countStarts(sortedCustomers: Uint32Array, starts: Uint32Array): void {
  for (let k = 0; k < sortedCustomers.length; k++) starts[(sortedCustomers[k] as number) + 1]!++;
  for (let c = 1; c < starts.length; c++) starts[c]! += starts[c - 1] as number;
}

/**
 * The tickets with a customer ordered by creation time, ties by index (an LSD radix sort of
 * 16-bit digits of the seconds since the earliest ticket, stable), with their customers in the
 * same order; null when a time is not a whole second or the span is 2^32 s or more.
 *
 * Sixteen bytes a ticket while it runs, not 24: the tickets are sorted by time as pairs (time,
 * ticket), and their customers are then read by ticket into the array the times were in (done
 * with once sorted), rather than carried through the time sort as a third array with a spare of
 * its own. The two arrays the sort leaves free are the customer sort's scratch. (The customer
 * reads are by ticket, scattered through the column: one read a ticket, against the cache miss
 * or three of dealing tickets to millions of customer buckets; this runs on the statistics
 * helper thread beside the measure stage at its peak, where 8 bytes a ticket are 80 MB at 10M.)
 */
function timeOrder(customer: Int32Array, created: TimeColumn): { tickets: Uint32Array; customers: Uint32Array; scratch: [Uint32Array, Uint32Array] } | null {
  const n = customer.length;
  let min = Number.POSITIVE_INFINITY;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if ((customer[i] as number) < 0) continue;
    const t = created[i] as number;
    if (!Number.isInteger(t)) return null;
    if (t < min) min = t;
    m++;
  }
  const keys = new Uint32Array(m);
  const tickets = new Uint32Array(m);
  for (let i = 0, k = 0; i < n; i++) {
    const c = customer[i] as number;
    if (c < 0) continue;
    const d = (created[i] as number) - min;
    if (d >= 2 ** 32) return null;
    keys[k] = d;
    tickets[k++] = i;
  }
  const spare: [Uint32Array, Uint32Array] = [new Uint32Array(m), new Uint32Array(m)];
  const sorted = radixSortPairs(keys, tickets, spare);
  // the times are done with: their array takes the customers, in the same order
  const customers = sorted.keys;
  customersOf(sorted.payload, customer, customers);
  const freeKeys = sorted.keys.buffer === keys.buffer ? spare[0] : keys;
  const freePayload = sorted.payload.buffer === tickets.buffer ? spare[1] : tickets;
  return { tickets: sorted.payload, customers, scratch: [freeKeys, freePayload] };
}

/** out[k] = the customer of ticket tickets[k] (a loop of its own: see stats/radix.ts). */
function customersOf(tickets: Uint32Array, customer: Int32Array, out: Uint32Array): void {
  for (let k = 0; k < tickets.length; k++) out[k] = customer[tickets[k] as number] as number;
}

/**
 * Marks repeat contacts: ticket i is marked when it is at least the `minContacts`-th contact of
 * its customer within `windowSeconds`: counting i and the customer's tickets created no more than
 * the window before it, on any channel, tickets opened at the same instant as i included (so
 * the rule does not depend on the order of rows in a file, and a database computes it with
 * `COUNT(*) OVER (PARTITION BY customer ORDER BY created RANGE BETWEEN window PRECEDING AND
 * CURRENT ROW)`, read/engines/journeysSql.ts). Only later contacts are marked: what the customer
 * did afterwards cannot make an earlier ticket loud.
 */
export function repeatContacts(table: TicketTable, timeline: CustomerTimeline, minContacts: number, windowSeconds: number): Uint8Array {
  const marked = new Uint8Array(table.size);
  const { order, starts } = timeline;
  const created = table.createdAt;
  for (let c = 0; c + 1 < starts.length; c++) {
    const s = starts[c] as number;
    const e = starts[c + 1] as number;
    if (e - s < minContacts) continue;
    let lo = s;
    let k = s;
    while (k < e) {
      const t = created[order[k] as number] as number;
      let runEnd = k;
      while (runEnd < e && created[order[runEnd] as number] === t) runEnd++;
      while ((created[order[lo] as number] as number) < t - windowSeconds) lo++;
      if (runEnd - lo >= minContacts) for (let r = k; r < runEnd; r++) marked[order[r] as number] = 1;
      k = runEnd;
    }
  }
  return marked;
}

/** Channel jumps, one entry per jump ticket (struct of arrays). */
export interface ChannelJumps {
  /** The social (target-channel) ticket. */
  jump: Uint32Array;
  /** The pending ticket the customer went public over (their oldest still pending in the window). */
  origin: Uint32Array;
  /** Seconds from the origin ticket's creation to the jump ticket's creation. */
  waited: Float64Array;
  /** 1 when the origin ticket had no first response yet when the jump ticket was opened. */
  unansweredAtJump: Uint8Array;
}

/** When a ticket stopped being pending (epoch s): resolved, or answered when resolution is unusable. */
function settledAt(table: TicketTable, i: number): number {
  const created = table.createdAt[i] as number;
  const state = table.resolutionState[i];
  if (state === RESOLVED) return created + ((table.instantResolution ?? table.resolution)[i] as number);
  if (state === EXCLUDED) {
    // Resolution time unusable: the first response is the only evidence that the ticket moved.
    return table.firstResponseState[i] === ANSWERED ? created + ((table.instantFirstResponse ?? table.firstResponse)[i] as number) : Number.POSITIVE_INFINITY;
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * The origin among pending tickets created at the same instant as the queue's head: the least by
 * (channel in CHANNELS order, answered at, resolved at; never = last), so the choice does not
 * depend on the order of rows in a file and a database makes the same one
 * (read/engines/journeysSql.ts). Tickets equal on all of these count alike in every number.
 */
function originAt(table: TicketTable, queue: readonly number[], head: number, t: number): number {
  let best = queue[head] as number;
  const createdBest = table.createdAt[best] as number;
  for (let q = head + 1; q < queue.length; q++) {
    const o = queue[q] as number;
    if (table.createdAt[o] !== createdBest) break;
    if (settledAt(table, o) <= t) continue;
    if (originKeyLess(table, o, best)) best = o;
  }
  return best;
}

function answeredAt(table: TicketTable, i: number): number {
  return table.firstResponseState[i] === ANSWERED ? (table.createdAt[i] as number) + ((table.instantFirstResponse ?? table.firstResponse)[i] as number) : Number.POSITIVE_INFINITY;
}

function resolvedAt(table: TicketTable, i: number): number {
  return table.resolutionState[i] === RESOLVED ? (table.createdAt[i] as number) + ((table.instantResolution ?? table.resolution)[i] as number) : Number.POSITIVE_INFINITY;
}

function originKeyLess(table: TicketTable, a: number, b: number): boolean {
  const ca = table.channel[a] as number;
  const cb = table.channel[b] as number;
  if (ca !== cb) return ca < cb;
  const fa = answeredAt(table, a);
  const fb = answeredAt(table, b);
  if (fa !== fb) return fa < fb;
  return resolvedAt(table, a) < resolvedAt(table, b);
}

/**
 * 1 for each customer with at least one ticket on `channelCode`: one pass in ticket order, so
 * that the walk over timelines skips the customers who cannot jump (no social ticket; most of
 * them) without reading their tickets' times scattered through the table (measured on 5M
 * tickets, 2.85M customers: see README, Performance).
 */
function customersWith(table: TicketTable, channelCode: number, customers: number): Uint8Array {
  const out = new Uint8Array(customers);
  const channel = table.channel;
  const customer = table.customer;
  for (let i = 0; i < table.size; i++) {
    if (channel[i] === channelCode) {
      const c = customer[i] as number;
      if (c >= 0) out[c] = 1;
    }
  }
  return out;
}

/**
 * Finds channel jumps: a `to` ticket (social) whose customer has a `from` ticket (phone, email,
 * web) created before it, within `windowSeconds`, and still unresolved when the `to` ticket was
 * opened (or, when its resolution time is unusable, still unanswered). The origin is the oldest
 * such ticket (ties: originAt), so `waited` is how long the customer had been waiting. Every qualifying `to`
 * ticket is a jump ticket (a customer who posts twice counts twice).
 *
 * Per customer one pass with a queue of `from` tickets: a ticket leaves the queue for good once it
 * is out of the window or settled, both of which only become more true as time moves on, so the
 * walk is linear after the sort.
 */
export function channelJumps(
  table: TicketTable,
  timeline: CustomerTimeline,
  windowSeconds: number,
  from: readonly Channel[] = ['phone', 'email', 'web'],
  to: Channel = 'social',
): ChannelJumps {
  const fromCodes = new Uint8Array(CHANNELS.length);
  for (const ch of from) fromCodes[CHANNELS.indexOf(ch)] = 1;
  const toCode = CHANNELS.indexOf(to);
  const jump: number[] = [];
  const origin: number[] = [];
  const waited: number[] = [];
  const unanswered: number[] = [];
  const { order, starts } = timeline;
  const withTarget = customersWith(table, toCode, starts.length - 1);
  const queue: number[] = [];
  for (let c = 0; c + 1 < starts.length; c++) {
    const s = starts[c] as number;
    const e = starts[c + 1] as number;
    if (e - s < 2 || withTarget[c] === 0) continue;
    queue.length = 0;
    let head = 0;
    let k = s;
    while (k < e) {
      // One run of tickets created at the same instant: a ticket cannot jump from one opened at
      // the same moment, so the run's `to` tickets are checked before its `from` tickets queue.
      const t = table.createdAt[order[k] as number] as number;
      let runEnd = k;
      while (runEnd < e && table.createdAt[order[runEnd] as number] === t) runEnd++;
      for (let r = k; r < runEnd; r++) {
        const i = order[r] as number;
        if (table.channel[i] !== toCode) continue;
        while (head < queue.length) {
          const o = queue[head] as number;
          if ((table.createdAt[o] as number) < t - windowSeconds || settledAt(table, o) <= t) head++;
          else break;
        }
        if (head === queue.length) continue;
        const o = originAt(table, queue, head, t);
        const createdO = table.createdAt[o] as number;
        jump.push(i);
        origin.push(o);
        waited.push(whole(t - createdO));
        const answeredBy = table.firstResponseState[o] === ANSWERED ? createdO + ((table.instantFirstResponse ?? table.firstResponse)[o] as number) : Number.POSITIVE_INFINITY;
        unanswered.push(answeredBy > t ? 1 : 0);
      }
      for (let r = k; r < runEnd; r++) {
        const i = order[r] as number;
        if (fromCodes[table.channel[i] as number]) queue.push(i);
      }
      k = runEnd;
    }
  }
  return {
    jump: Uint32Array.from(jump),
    origin: Uint32Array.from(origin),
    waited: Float64Array.from(waited),
    unansweredAtJump: Uint8Array.from(unanswered),
  };
}
