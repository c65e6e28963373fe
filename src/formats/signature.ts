/**
 * Header signatures: how sure a format is about a header, from the header cells it must have
 * and the ones it usually has. A format missing any required cell scores below the generic
 * fallback, so a half-matching vendor layout is never chosen over plain synonyms.
 */
import { headerKey } from './types.js';

/** A required cell: one name, or alternatives of which one must be present. */
export type Cell = string | readonly string[];

function present(keys: ReadonlySet<string>, cell: Cell): boolean {
  const names = typeof cell === 'string' ? [cell] : cell;
  return names.some((n) => keys.has(headerKey(n)));
}

/**
 * 0.55 when every required cell is present, rising to 1 as the usual cells are present too;
 * under 0.05 (below generic's 0.1) when a required cell is missing.
 */
export function signature(keys: ReadonlySet<string>, required: readonly Cell[], usual: readonly Cell[]): number {
  const requiredFound = required.filter((c) => present(keys, c)).length;
  if (requiredFound < required.length) return 0.05 * (requiredFound / Math.max(1, required.length));
  const usualFound = usual.filter((c) => present(keys, c)).length;
  return 0.55 + 0.45 * (usual.length ? usualFound / usual.length : 1);
}
