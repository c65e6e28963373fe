/**
 * Holm (1979) step-down adjustment of a family of p-values, identical to R's
 * `p.adjust(p, method = "holm")`.
 *
 * Hand-written because simple-statistics has no multiple-comparison
 * adjustment; it is a sort plus a running maximum, O(m log m).
 */

/**
 * Holm-adjusted p-values in the original order: sort ascending, multiply the
 * i-th smallest (1-based) by m − i + 1, enforce monotonicity with a running
 * maximum, cap at 1. NaN entries are left as NaN and do not count towards m
 * (R's treatment of NA).
 */
export function holm(p: readonly number[]): number[] {
  const out = p.map(() => Number.NaN);
  const idx: number[] = [];
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i] as number)) idx.push(i);
  const m = idx.length;
  // Stable sort by p (ties keep input order, as R's order()).
  idx.sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
  let running = 0;
  for (let r = 0; r < m; r++) {
    const i = idx[r] as number;
    const adj = (m - r) * (p[i] as number);
    running = Math.max(running, adj);
    out[i] = Math.min(1, running);
  }
  return out;
}
