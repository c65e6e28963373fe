/**
 * Numbers as they appear inside finding sentences. The judge writes the sentences (renderers only
 * print them), so the few formatters it needs live here rather than in render/.
 */
import { formatDuration } from '../../measure/duration.js';
import type { Interval } from '../../measure/summary.js';

export { formatDuration as duration };

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `1,053`. */
export function count(n: number): string {
  return INTEGER.format(n);
}

/** A plain ratio: `0.83`, `1.05`, `12.3`. */
export function num(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return 'NA';
  return x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** A multiple: `1.64×`, `7.8×`, `12×`. */
export function times(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return 'NA';
  return `${x >= 10 ? x.toFixed(0) : x >= 2 ? x.toFixed(1) : x.toFixed(2)}×`;
}

/** `p < 0.0001`, `p = 0.012`, `p = 1`. */
export function p(value: number | null): string {
  if (value === null || Number.isNaN(value)) return 'p = NA';
  if (value < 0.0001) return 'p < 0.0001';
  if (value >= 0.9995) return 'p = 1';
  return `p = ${value < 0.01 ? value.toFixed(4) : value.toFixed(3)}`;
}

/** `42%`, `5.4%`. */
export function share(x: number): string {
  const pct = x * 100;
  return `${pct >= 10 || pct === 0 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/** A ratio below 1 as "k× faster", above 1 as "k× slower"; equal as "as fast". */
export function speed(ratio: number): string {
  if (ratio < 1) return `${times(1 / ratio)} faster`;
  if (ratio > 1) return `${times(ratio)} slower`;
  return 'as fast';
}

/**
 * A ratio CI in the units of `speed(ratio)`: for a faster group the bounds are inverted
 * (0.11–0.16 → 6.1×–9.0×). Missing bounds read NA.
 */
export function speedInterval(ratio: number, ci: Interval | null): string {
  if (!ci) return 'NA';
  const [lo, hi] = ci;
  if (ratio < 1) return `${times(hi === null ? null : 1 / hi)}–${times(lo === null || lo === 0 ? null : 1 / lo)}`;
  return `${times(lo)}–${times(hi)}`;
}

/**
 * A ratio that is only a bound (a median not reached) as speed words: `at least 4.1× slower`,
 * `at least 2.0× faster`, or `at most …` when the bound points towards 1.
 */
export function boundedSpeed(ratio: number, bound: 'lower' | 'upper' | null | undefined): string {
  if (!bound) return speed(ratio);
  const atLeast = bound === 'lower' ? ratio > 1 : ratio < 1;
  return `${atLeast ? 'at least' : 'at most'} ${speed(ratio)}`;
}

/**
 * The one end of a one-sided ratio CI (a bounded ratio) in speed words: `at least 2.9× slower`,
 * `at least 3.3× faster`, `at most 1.2× slower`; NA without either end.
 */
export function speedBound(ci: Interval | null): string {
  const [lo, hi] = ci ?? [null, null];
  if (lo !== null && hi === null) return lo > 1 ? `at least ${speed(lo)}` : lo === 1 ? 'no faster' : `at most ${speed(lo)}`;
  if (hi !== null && lo === null) return hi < 1 ? `at least ${speed(hi)}` : hi === 1 ? 'no slower' : `at most ${speed(hi)}`;
  return 'NA';
}

/** A one-sided ratio CI as plain ratios: `at least 2.10`, `at most 0.45`. */
export function oneSided(ci: Interval | null): string {
  if (!ci) return 'NA';
  const [lo, hi] = ci;
  if (lo !== null && hi === null) return `at least ${num(lo)}`;
  if (hi !== null && lo === null) return `at most ${num(hi)}`;
  return interval(ci);
}

/** A ratio CI as plain ratios: `0.92–1.19`. */
export function interval(ci: Interval | null): string {
  if (!ci) return 'NA';
  return `${num(ci[0])}–${num(ci[1])}`;
}
