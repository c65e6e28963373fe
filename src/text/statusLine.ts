/**
 * The one status line a terminal shows (the progress of a long read or query): drawn over itself
 * with a carriage return, and cleared before anything else is written to the same stream — a
 * warning, an error, the end on Ctrl-C — so that nothing is printed after a half line and no
 * progress text is left in front of the shell's prompt. Not a TTY: never drawn (a log or a CI
 * job gets the warnings and errors only).
 */

/** Clears the terminal line the cursor is on and returns to its start. */
export const CLEAR_LINE = '\r\u001b[K';

export class StatusLine {
  private shown = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly isTty: () => boolean,
  ) {}

  /** Draws `text` as the status (already made safe for a terminal), or clears it (null). */
  show(text: string | null): void {
    if (text === null) {
      this.clear();
      return;
    }
    if (!this.isTty()) return;
    this.write(`${CLEAR_LINE}${text}`);
    this.shown = true;
  }

  /** Clears the status if one is drawn (nothing written otherwise). */
  clear(): void {
    if (!this.shown) return;
    this.write(CLEAR_LINE);
    this.shown = false;
  }

  /** Writes a line of its own (a warning, an error): the status is cleared first, and drawn again by the next `show`. */
  line(text: string): void {
    this.clear();
    this.write(text);
  }
}
