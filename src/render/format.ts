/**
 * Text formatting shared by the renderers: numbers, shares, ratios, durations, dates. Formatting
 * only: every number shown is already in the Report.
 */
export { formatDuration } from '../measure/duration.js';
import { formatDuration } from '../measure/duration.js';
import type { Interval } from '../measure/summary.js';

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : INTEGER.format(n);
}

export function formatShare(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  const pct = x * 100;
  return `${pct >= 99.5 || pct < 0.5 ? pct.toFixed(0) : pct < 10 ? pct.toFixed(1) : pct.toFixed(0)}%`;
}

/** `0.42×`, `3.1×`. */
export function formatRatio(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return `${x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(2).replace(/0$/, '') : x.toFixed(2)}×`;
}

export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return '—';
  if (p < 0.0001) return '<0.0001';
  return p < 0.01 ? p.toFixed(4) : p.toFixed(3);
}

/** `28m–36m`, `18s–NA`. */
export function formatInterval(ci: Interval | null | undefined, f: (x: number | null) => string = formatDuration): string {
  if (!ci) return '—';
  const [lo, hi] = ci;
  return `${lo === null ? 'NA' : f(lo)}–${hi === null ? 'NA' : f(hi)}`;
}

/** `2026-10-31 14:05 UTC` from an ISO string. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

/** "how many times faster/slower" words for a ratio of medians (subject over reference). */
export function speedWords(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio) || ratio <= 0) return '';
  if (ratio < 0.995) return `${formatRatio(1 / ratio)} faster`;
  if (ratio > 1.005) return `${formatRatio(ratio)} slower`;
  return 'same';
}
