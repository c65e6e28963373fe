/**
 * Text formatting shared by the renderers: the project-wide number formats (src/format.ts) plus
 * the dates only renderers show. Formatting only: every number shown is already in the Report.
 */
export {
  formatBoundedDuration, formatCount, formatDuration, formatInterval, formatP, formatRatio, formatShare, speedWords,
} from '../format.js';

/** `2026-10-31 14:05 UTC` from an ISO string. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}
