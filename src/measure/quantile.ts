/**
 * Moved to src/stats/quantile.ts, where measure and judge can both import it; this re-export keeps
 * the old import path working until the importers are updated.
 */
export * from '../stats/quantile.js';
