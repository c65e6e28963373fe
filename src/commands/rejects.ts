/**
 * `--rejects <file>`: every rejected row, as it was read, with where it came from and why.
 * Written while reading, so a million bad rows never sit in memory.
 *
 * A fixed column set, like csvkit's csvclean error file, so the file loads cleanly in a
 * spreadsheet or pandas: `file, line, column, value, reason` and then the columns of the
 * export itself (the union of the headers of every file read, in the order first seen). Rows
 * read before a later file added columns end early, which readers fill with empty cells. Cells
 * are formula-neutralised; with --redact the customer column is replaced by its pseudonym and
 * e-mail addresses and @handles in every cell by theirs. The file appears at its path only when
 * the run has read everything (written to a temporary file, then renamed). Rows in reading
 * order, except the rows that a later row of the same id replaced (--duplicates last): their
 * files are read again for their values after the last file, so they come last. An event log
 * (tweets, ServiceNow) rejects most of its rows once the whole file is reduced: its file is read
 * again for their values then, so they follow that file's other rejected rows, in line order.
 */
import { ParityError } from '../errors.js';
import type { RowIssue } from '../normalise/issues.js';
import { customerPseudonym, redactFreeText, redactTextWithIds } from '../render/redact.js';
import { openAtomic, openScratch, type AtomicFile, type ScratchFile } from '../write/outputs.js';
import { createReadStream } from 'node:fs';

/** The reason columns, before the export's own columns. */
export const REJECT_COLUMNS = ['file', 'line', 'column', 'value', 'reason'] as const;

export interface RejectsWriter {
  /** A file is about to be read: its header and (for --redact) its customer column. */
  file(file: string, header: readonly string[], customerColumn: string | null): void;
  write(issue: RowIssue): void;
  /** Puts the file in place (after a complete read). */
  close(): Promise<void>;
  /** Leaves no file behind (the read failed). */
  abort(): Promise<void>;
}

export async function openRejects(path: string, options: { redact?: boolean } = {}): Promise<RejectsWriter> {
  // (the CSV writer loaded here: a run without --rejects does not load it, start-up)
  const { csvLine } = await import('../text/csvSafe.js');
  // The rows go to a scratch file first; the header, known only once every file is open, is
  // written in front of them when the read is complete.
  let body: ScratchFile;
  try {
    body = await openScratch(path);
  } catch (error) {
    throw error instanceof ParityError ? new ParityError(`cannot write the rejects file: ${error.message.replace(/^cannot write: /, '')}`, { location: { file: path } }) : error;
  }
  const union: string[] = [];
  const unionKeys = new Map<string, number>();
  // each file's columns' places in the union and its customer column (a row that a later file's
  // row replaced, --duplicates last, is written after the last file is opened)
  // (customerAt: the file's column of the customer id, found once per file, for --redact)
  const filesSeen = new Map<string, { positions: number[]; customerColumn: string | null; customerAt?: number }>();
  let current: { positions: number[]; customerColumn: string | null; customerAt?: number } = { positions: [], customerColumn: null };
  const redact = options.redact === true;
  const cell = (text: string): string => (redact ? redactFreeText(text) : text);

  return {
    file(file, header, customer) {
      const occurrences = new Map<string, number>();
      const positions = header.map((name) => {
        const k = (occurrences.get(name) ?? 0) + 1;
        occurrences.set(name, k);
        const key = `${k}\u0000${name}`;
        let at = unionKeys.get(key);
        if (at === undefined) {
          at = union.length;
          union.push(name);
          unionKeys.set(key, at);
        }
        return at;
      });
      current = { positions, customerColumn: customer, ...(redact && customer !== null ? { customerAt: header.indexOf(customer) } : {}) };
      filesSeen.set(file, current);
    },
    write(issue) {
      const own: string[] = new Array<string>(union.length).fill('');
      const { positions, customerColumn, customerAt } = filesSeen.get(issue.file) ?? current;
      // with --redact, the row's own customer id is replaced in its other cells too (a subject
      // that quotes it, "re CUST-42"), as in its own column, by the rule the report's free text
      // follows (render/redact.ts: whole tokens, ids too short or numeric to search for left)
      const customer = customerAt !== undefined && customerAt >= 0 ? (issue.values?.[customerAt] ?? '').trim() : '';
      const text = (v: string): string => (customer !== '' && v.includes(customer) ? redactTextWithIds(v, [customer]) : cell(v));
      (issue.values ?? []).forEach((v, i) => {
        const at = positions[i];
        if (at === undefined) return;
        const isCustomer = redact && customerColumn !== null && union[at] === customerColumn && v !== '';
        own[at] = isCustomer ? customerPseudonym(v) : text(v);
      });
      const value = issue.value ?? '';
      const shownValue = redact && customerColumn !== null && issue.column === customerColumn && value !== '' ? customerPseudonym(value) : text(value);
      body.write(csvLine([issue.file, issue.line, issue.column ?? '', shownValue, text(`${issue.kind}: ${issue.detail}`), ...own]));
    },
    async close() {
      const rows = await body.finish();
      let out: AtomicFile | null = null;
      try {
        out = await openAtomic(path);
        out.write(csvLine([...REJECT_COLUMNS, ...distinctNames(union)]));
        for await (const chunk of createReadStream(rows, { encoding: 'utf8' })) out.write(chunk as string);
        await out.commit();
      } catch (error) {
        await out?.abort();
        throw error;
      } finally {
        await body.discard();
      }
    },
    async abort() {
      await body.discard();
    },
  };
}

/**
 * The export's column names as the rejects file's header writes them after parity's own five:
 * each name once, so that a spreadsheet or pandas maps every column (an export with its own
 * `file`, `line`, `column`, `value` or `reason` column had given a header with two of them, and
 * pandas took the export's for parity's location and reason). A name parity's columns have is
 * written `file (export)`; a name the export has twice (two `Tags` columns), `Tags (2)` the
 * second time.
 */
export function distinctNames(names: readonly string[]): string[] {
  const used = new Set<string>(REJECT_COLUMNS);
  // the next number to try for each name (a header of 16,000 names alike is counted on, not
  // searched from 2 each time: that had taken 13 s)
  const next = new Map<string, number>();
  return names.map((name) => {
    let out = (REJECT_COLUMNS as readonly string[]).includes(name) ? `${name} (export)` : name;
    let k = next.get(name) ?? 2;
    while (used.has(out)) out = `${name} (${k++})`;
    next.set(name, k);
    used.add(out);
    return out;
  });
}
