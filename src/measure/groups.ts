/**
 * Grouping tickets: by channel and by follower band. A group is a list of ticket indices.
 */
import { CHANNELS, type Channel } from '../model.js';
import { followersOf, type TicketTable } from '../normalise/table.js';

/** A follower band: `min` ≤ followers < `max` (max null = no upper bound). */
export interface FollowerBand {
  label: string;
  min: number | null;
  max: number | null;
}

export const DEFAULT_BAND_EDGES: readonly number[] = [1000, 10000, 100000];

/** `1000` → `1k`, `1500` → `1.5k`, `2000000` → `2M`. */
function compact(n: number): string {
  // short only when exact to two decimals: 1500 is 1.5k, but 1001 stays 1001 — `--bands
  // 1000,1001` would otherwise make two bands labelled alike, and gates find a band by its label
  if (n >= 1e6 && exact(n / 1e6)) return `${+(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3 && exact(n / 1e3)) return `${+(n / 1e3).toFixed(2)}k`;
  return String(n);
}

/** Whether x has at most two decimals (a hair of float error aside). */
function exact(x: number): boolean {
  return Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;
}

/** Band edges as they are measured: ascending, each once (`10000,1000,1000` → `1000,10000`). */
export function bandEdges(edges: readonly number[]): number[] {
  return [...new Set(edges)].sort((a, b) => a - b);
}

/** Bands from edges: `<1k`, `1k-10k`, `10k-100k`, `100k+`, then `unknown`. */
export function bandsFromEdges(edges: readonly number[]): FollowerBand[] {
  const sorted = bandEdges(edges);
  const bands: FollowerBand[] = [];
  sorted.forEach((edge, k) => {
    const lower = k === 0 ? null : (sorted[k - 1] as number);
    bands.push({ label: lower === null ? `<${compact(edge)}` : `${compact(lower)}-${compact(edge)}`, min: lower ?? 0, max: edge });
  });
  const last = sorted[sorted.length - 1];
  if (last !== undefined) bands.push({ label: `${compact(last)}+`, min: last, max: null });
  bands.push({ label: 'unknown', min: null, max: null });
  return bands;
}

/** Index of the band a follower count falls in (NaN → the `unknown` band, last). */
export function bandIndex(bands: readonly FollowerBand[], followers: number): number {
  if (Number.isNaN(followers)) return bands.length - 1;
  for (let k = 0; k < bands.length - 1; k++) {
    const band = bands[k] as FollowerBand;
    if (band.max === null || followers < band.max) return k;
  }
  return bands.length - 2;
}

/** Ticket indices per channel. */
export function byChannel(table: TicketTable): Map<Channel, Uint32Array> {
  const counts = new Uint32Array(CHANNELS.length);
  for (let i = 0; i < table.size; i++) counts[table.channel[i] as number]!++;
  const out = new Map<Channel, Uint32Array>();
  const fill = new Uint32Array(CHANNELS.length);
  const arrays = CHANNELS.map((_, c) => new Uint32Array(counts[c] as number));
  for (let i = 0; i < table.size; i++) {
    const c = table.channel[i] as number;
    (arrays[c] as Uint32Array)[fill[c]!++] = i;
  }
  CHANNELS.forEach((channel, c) => {
    if ((counts[c] as number) > 0) out.set(channel, arrays[c] as Uint32Array);
  });
  return out;
}

/** Ticket indices per follower band (same order as `bands`), optionally restricted to `subset`. */
export function byBand(table: TicketTable, bands: readonly FollowerBand[], subset?: ArrayLike<number>): Uint32Array[] {
  const n = subset ? subset.length : table.size;
  const band = new Uint32Array(n);
  const counts = new Uint32Array(bands.length);
  for (let k = 0; k < n; k++) {
    const b = bandIndex(bands, followersOf(table, subset ? (subset[k] as number) : k));
    band[k] = b;
    counts[b]!++;
  }
  const out = bands.map((_, b) => new Uint32Array(counts[b] as number));
  const fill = new Uint32Array(bands.length);
  for (let k = 0; k < n; k++) {
    const b = band[k] as number;
    (out[b] as Uint32Array)[fill[b]!++] = subset ? (subset[k] as number) : k;
  }
  return out;
}

/** Earliest and latest creation time (epoch seconds); infinities for an empty table. */
export function createdRange(table: TicketTable): { from: number; to: number } {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < table.size; i++) {
    const t = table.createdAt[i] as number;
    if (t < from) from = t;
    if (t > to) to = t;
  }
  return { from, to };
}

/** The latest creation time before `end` (epoch seconds), null when no ticket was created before it. */
export function latestCreatedBefore(table: TicketTable, end: number): number | null {
  let latest = -Infinity;
  for (let i = 0; i < table.size; i++) {
    const at = table.createdAt[i] as number;
    if (at < end && at > latest) latest = at;
  }
  return latest === -Infinity ? null : latest;
}
