/**
 * Stable least-significant-digit radix sort of 32-bit keys carrying a 32-bit payload (a ticket
 * index), by 16-bit digits: two linear passes, against a comparator sort's n log n calls. Used
 * where parity orders every ticket once — durations per metric (tally.ts), creation times per
 * customer timeline (measure/journeys.ts). Equal keys keep their payload's order.
 *
 * Each loop sits in a function of its own: a function called once over millions of keys is
 * optimised while its loop runs, and optimised code gives up at code after the loop that has never
 * run, restarting the next loop in the interpreter (see tally.ts).
 */

/**
 * Sorts `keys` with `payload` alongside; returns the sorted pair (the given arrays may be reused
 * as scratch, and so may `scratch`: two arrays of at least `keys.length` the caller is done with).
 */
export function radixSortPairs(keys: Uint32Array, payload: Uint32Array, scratch?: readonly [Uint32Array, Uint32Array]): { keys: Uint32Array; payload: Uint32Array } {
  const n = keys.length;
  if (n < SMALL) return comparatorSort(keys, payload);
  let k = keys;
  let p = payload;
  let spareKeys: Uint32Array = scratch ? scratch[0].subarray(0, n) : new Uint32Array(n);
  let sparePayload: Uint32Array = scratch ? scratch[1].subarray(0, n) : new Uint32Array(n);
  for (const shift of [0, 16]) {
    const counts = digitStarts(k, shift);
    if (counts === null) continue; // every digit 0: already in order for this pass
    scatter(k, p, spareKeys, sparePayload, counts, shift);
    [k, spareKeys] = [spareKeys, k];
    [p, sparePayload] = [sparePayload, p];
  }
  return { keys: k, payload: p };
}

/**
 * Below this many keys a comparator sort is quicker than two passes over 65,536 digit counters
 * (a small file's audit sorted a dozen durations with 0.5 MB of counters, ~8 ms of its start-up).
 */
const SMALL = 1024;

/** The same stable order by a comparator sort of positions (equal keys keep their order). */
function comparatorSort(keys: Uint32Array, payload: Uint32Array): { keys: Uint32Array; payload: Uint32Array } {
  const order = Array.from(keys.keys()).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
  return { keys: Uint32Array.from(order, (i) => keys[i] as number), payload: Uint32Array.from(order, (i) => payload[i] as number) };
}

/** Where each 16-bit digit's keys start; null when every key's digit is 0. */
function digitStarts(keys: Uint32Array, shift: number): Uint32Array | null {
  const counts = new Uint32Array(0x10000);
  for (let j = 0; j < keys.length; j++) counts[((keys[j] as number) >>> shift) & 0xffff]!++;
  if (counts[0] === keys.length) return null;
  let sum = 0;
  for (let b = 0; b < 0x10000; b++) {
    const c = counts[b] as number;
    counts[b] = sum;
    sum += c;
  }
  return counts;
}

function scatter(keys: Uint32Array, payload: Uint32Array, outKeys: Uint32Array, outPayload: Uint32Array, starts: Uint32Array, shift: number): void {
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j] as number;
    const at = starts[(key >>> shift) & 0xffff]!++;
    outKeys[at] = key;
    outPayload[at] = payload[j] as number;
  }
}
