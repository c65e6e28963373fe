/**
 * `--rejects <file>`: every rejected row, as it was read, with where it came from and why.
 * Written while reading, so a million bad rows never sit in memory.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { ParityError } from '../errors.js';
import type { RowIssue } from '../normalise/issues.js';
import { csvLine } from '../render/csvSafe.js';

export interface RejectsWriter {
  write(issue: RowIssue): void;
  close(): Promise<void>;
}

export async function openRejects(path: string): Promise<RejectsWriter> {
  const stream: WriteStream = createWriteStream(path);
  let failure: Error | null = null;
  stream.on('error', (e) => {
    failure = e;
  });
  await Promise.race([once(stream, 'open'), once(stream, 'error')]).catch(() => undefined);
  if (failure) throw new ParityError(`cannot write the rejects file: ${(failure as Error).message}`, { location: { file: path } });
  stream.write(csvLine(['file', 'line', 'reason', 'column', 'value', 'detail', 'record']));
  return {
    write(issue) {
      stream.write(
        csvLine([issue.file, issue.line, issue.kind, issue.column ?? '', issue.value ?? '', issue.detail, ...(issue.values ?? [])]),
      );
    },
    async close() {
      stream.end();
      await once(stream, 'finish');
    },
  };
}
