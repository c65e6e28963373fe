/**
 * Event logs split over several files: refused, not read wrong. A log's tickets are made file by
 * file (formats/servicenow.ts, tweets.ts reduce one file's rows), so an incident whose events
 * are in two monthly exports, or a reply in one file to a tweet in another, cannot be joined:
 * read apart, the later file's events of the incident were rejected as duplicates (its
 * resolution lost, and the as-of time drawn back to the earlier file's last event), and a brand
 * reply in the next day's file left its customer counted as never answered (found by an attack).
 * The run stops instead (exit 2), naming both files and the way out: one file with the rows of
 * both (the same header once), or the export given once when it was given twice.
 *
 * Only links between files of the same log format count: a ticket id that a table export and a
 * log share is the ordinary duplicate rule's (--duplicates).
 */
import { ParityError } from '../errors.js';

const JOIN_HINT = 'join the files into one (the header once, then the rows of each) and audit that file; if it is the same export given twice, give it once';

export class SplitLogs {
  /** Ticket ids of earlier files, by log format, with the file that had them. */
  private readonly tickets = new Map<string, Map<string, string>>();
  /** Tweet ids of earlier tweet files, with their file. */
  private readonly tweets = new Map<string, string>();
  /** The tweets of earlier files that replied to a tweet not in their file: by that tweet's id. */
  private readonly orphans = new Map<string, { file: string; line: number }>();
  private fileTickets: Array<[string, string]> = [];
  private fileTweets: string[] = [];
  private fileOrphans: Array<[string, { file: string; line: number }]> = [];
  private file = '';
  private format = '';

  /** A file of log format `format` starts. */
  start(format: string, file: string): void {
    this.format = format;
    this.file = file;
  }

  /** A ticket the log made, at its first line: refused when an earlier file of the same log had its id. */
  ticket(id: string, line: number): void {
    const earlier = this.tickets.get(this.format)?.get(id);
    if (earlier !== undefined) {
      throw new ParityError(`ticket "${id}" has rows in ${earlier} too: an event log split over several files cannot be joined into tickets (read apart, its rows in this file would be rejected as duplicates and what they say, a resolution or a reply, lost)`, {
        location: { file: this.file, line },
        hint: JOIN_HINT,
      });
    }
    this.fileTickets.push([id, this.file]);
  }

  /** A tweet of a tweet log (its id as the reducer keys it): refused when a tweet of an earlier file replied to it. */
  tweet(id: string, line: number): void {
    if (id === '') return;
    const reply = this.orphans.get(id);
    if (reply !== undefined) {
      throw new ParityError(`tweet ${id} is the one that the tweet at ${reply.file}:${reply.line} replies to: a tweet log split over several files cannot be joined into conversations (read apart, the reply is left out and its customer may be counted as never answered)`, {
        location: { file: this.file, line },
        hint: JOIN_HINT,
      });
    }
    this.fileTweets.push(id);
  }

  /** A tweet of this file that replies to tweet `parent`, not in this file: refused when an earlier file has it. */
  orphan(parent: string, line: number): void {
    const earlier = this.tweets.get(parent);
    if (earlier !== undefined) {
      throw new ParityError(`this tweet replies to tweet ${parent}, which is in ${earlier}: a tweet log split over several files cannot be joined into conversations (read apart, the reply is left out and its customer may be counted as never answered)`, {
        location: { file: this.file, line },
        hint: JOIN_HINT,
      });
    }
    this.fileOrphans.push([parent, { file: this.file, line }]);
  }

  /** The file is read: what it had is now an earlier file's. */
  done(): void {
    let ids = this.tickets.get(this.format);
    if (!ids) this.tickets.set(this.format, (ids = new Map()));
    for (const [id, file] of this.fileTickets) ids.set(id, file);
    for (const id of this.fileTweets) this.tweets.set(id, this.file);
    for (const [parent, at] of this.fileOrphans) if (!this.orphans.has(parent)) this.orphans.set(parent, at);
    this.fileTickets = [];
    this.fileTweets = [];
    this.fileOrphans = [];
  }
}
