/**
 * The one multiple-comparison family of a report: every p-value the findings use to decide
 * anything goes in, and all are Holm-adjusted together, so the chance of any false alarm in the
 * whole report stays at alpha however many channels, bands and cells there are.
 */
import { holm } from '../../stats/holm.js';

/** Collects p-values, adjusts them once, hands back the adjusted value of each. */
export class PFamily {
  private readonly raw: number[] = [];
  private adjusted: number[] | null = null;

  /** Adds a p-value; returns its handle (-1 for null: no test, nothing to adjust). */
  add(p: number | null): number {
    if (this.adjusted) throw new Error('p-value added after the family was adjusted');
    if (p === null || Number.isNaN(p)) return -1;
    this.raw.push(p);
    return this.raw.length - 1;
  }

  /** Number of p-values in the family. */
  get size(): number {
    return this.raw.length;
  }

  /** Holm-adjusts the family (once). */
  adjust(): void {
    this.adjusted ??= holm(this.raw);
  }

  /** The adjusted p-value of a handle (null for -1). */
  get(handle: number): number | null {
    if (!this.adjusted) throw new Error('family not adjusted yet');
    return handle < 0 ? null : (this.adjusted[handle] ?? null);
  }
}
