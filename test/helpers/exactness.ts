/**
 * The exactness contract between the two producers of groups (src/measure/source.ts): an audit
 * from a count table equals the in-process audit of the same tickets — with the follower rank
 * correlation, the one finding that needs single tickets, left out of both (auditDataset's
 * perTicket = false; loud vs quiet and channel jumps stay in) — apart from the fields only a
 * file has. The list is the one README's "Where your tickets live" gives.
 */
import type { Report } from '../../src/report.js';

/**
 * Fields only a file has (left out of the comparison):
 * - input.files, input.format, input.formats: a file's name, detected format and per-file rows;
 * - input.dataQuality: a file lists every kind of problem with an example line; a count table
 *   carries only rejected rows by reason, negative durations and other values left out per metric, without lines;
 * - input.unknownChannels: a count table does not say whether `other` came from a vocabulary;
 * - input.notes: each source notes what it cannot measure;
 * - the data-quality finding, which reads input.dataQuality;
 * - the jump cases of the channel-jump finding (ticket ids and customers, longest waits first).
 */
export const FILE_ONLY_FIELDS = [
  'input.files',
  'input.format',
  'input.formats',
  'input.dataQuality',
  'input.unknownChannels',
  'input.notes',
  'findings[kind=data-quality]',
  'findings[kind=channel-jump].details.cases',
] as const;

/**
 * Findings that need single tickets: in a file's audit only (a count table's input notes name
 * them). Loud vs quiet and channel jumps are not among them: a count table carries their groups
 * (the journey dimensions), so they are compared like every other finding — apart from the jump
 * cases listed ticket by ticket (`details.cases` of channel-jump), which only a file has.
 */
export function perTicketFinding(f: Report['findings'][number]): boolean {
  return f.kind === 'follower-preference' && f.subject === 'social';
}

/** A finding without what only a file has (the jump cases ticket by ticket). */
function withoutFileOnly(f: Report['findings'][number]): Report['findings'][number] {
  if (f.kind !== 'channel-jump' || !f.details || !('cases' in f.details)) return f;
  const { cases: _cases, ...details } = f.details;
  return { ...f, details };
}

/**
 * A report without the file-only fields. Numbers are compared as they are, to the last bit: both
 * producers sum the like-for-like cells in the order of their labels (measure/compare.ts).
 */
export function comparable(report: Report): unknown {
  const { files: _files, format: _format, formats: _formats, dataQuality: _dq, rowsWithValuesLeftOut: _rows, unknownChannels: _unknown, notes: _notes, ...input } = report.input;
  return { ...report, input, findings: report.findings.filter((f) => f.kind !== 'data-quality').map(withoutFileOnly) };
}
