/**
 * A group's durations held packed (stats/packedTally.ts: one or two bytes a distinct time instead
 * of twelve), and the judge's view of them. Both producers of groups keep what they gathered this
 * way — the ticket table's (sample.ts Samples) and a count table's (countGroups.ts) — so the two
 * hold the same bytes for the same tickets and unpack on the same rule:
 *
 * - a group's whole durations are read many times (a summary, then a comparison with each other
 *   group: its curve and median made once), so the views of the last few groups asked for stay
 *   unpacked ({@link RecentViews}); an older group is unpacked again when asked for;
 * - a like-for-like cell is read by one comparison, a few times, and a comparison reads its cells
 *   one after another, so a cell is unpacked at each read and let go after it: only the cell in
 *   hand is unpacked (at 5M tickets the cells of every group hold 22M distinct times: 260 MB
 *   unpacked, about 40 MB packed).
 */
import { EMPTY_PACKED, packTally, type PackedTally } from '../stats/packedTally.js';
import type { Tally } from '../stats/tally.js';
import type { GroupDurations } from './sample.js';

/** A group's durations, packed: its tickets and each metric's tally. */
export interface PackedDurations {
  tickets: number;
  firstResponse: PackedTally;
  resolution: PackedTally;
}

/** The durations of no tickets. */
export const NO_DURATIONS: PackedDurations = { tickets: 0, firstResponse: EMPTY_PACKED, resolution: EMPTY_PACKED };

/** Tallies → packed durations (a tally that cannot be packed, a fractional time, is kept as it is). */
export function packDurations(tickets: number, firstResponse: Tally, resolution: Tally): PackedDurations {
  return { tickets, firstResponse: packTally(firstResponse), resolution: packTally(resolution) };
}

/** Bytes packed durations hold. */
export function packedBytes(d: PackedDurations): number {
  return d.firstResponse.byteLength + d.resolution.byteLength;
}

/**
 * The judge's view of packed durations: each metric's tally unpacked when a statistic reads it.
 * `keep`: kept with this object once unpacked (a group's whole durations); otherwise unpacked
 * again at every read and let go after it (a like-for-like cell). Sizes are known without
 * unpacking (sample.ts groupSize).
 */
export function unpacked(d: PackedDurations, keep: boolean): GroupDurations {
  if (!keep) {
    // one view per packed cell, so what is worked out of it once (its medians: sample.ts
    // medianOf, keyed by the view) is not worked out again by the next comparison reading it
    let view = cellViews.get(d);
    if (!view) cellViews.set(d, (view = view_(d, false)));
    return view;
  }
  return view_(d, true);
}

/** Views of packed cells made so far (the view holds no unpacked tally: getters unpack at each read). */
const cellViews = new WeakMap<PackedDurations, GroupDurations>();

function view_(d: PackedDurations, keep: boolean): GroupDurations {
  const sizes = {
    firstResponse: { n: d.firstResponse.ended + d.firstResponse.waiting, ended: d.firstResponse.ended },
    resolution: { n: d.resolution.ended + d.resolution.waiting, ended: d.resolution.ended },
  };
  if (!keep) {
    return {
      tickets: d.tickets,
      sizes,
      samples: {
        get firstResponse(): Tally {
          return d.firstResponse.unpack();
        },
        get resolution(): Tally {
          return d.resolution.unpack();
        },
      },
    };
  }
  let first: Tally | null = null;
  let resolution: Tally | null = null;
  return {
    tickets: d.tickets,
    sizes,
    samples: {
      get firstResponse(): Tally {
        return (first ??= d.firstResponse.unpack());
      },
      get resolution(): Tally {
        return (resolution ??= d.resolution.unpack());
      },
    },
  };
}

/** How many groups' whole durations stay unpacked ({@link RecentViews}). */
export const KEPT_VIEWS = 2;

/**
 * The unpacked views of the groups asked for last (at most `kept`); an older group's view is
 * made again from its packed durations when asked for.
 */
export class RecentViews<K> {
  private readonly views = new Map<K, GroupDurations>();

  constructor(private readonly kept: number = KEPT_VIEWS) {}

  /** The view of `group`, made from `packed()` unless it is one of the last ones asked for. */
  get(group: K, packed: () => PackedDurations): GroupDurations {
    let d = this.views.get(group);
    if (d) this.views.delete(group);
    else d = unpacked(packed(), true);
    this.views.set(group, d);
    for (const old of this.views.keys()) {
      if (this.views.size <= this.kept) break;
      this.views.delete(old);
    }
    return d;
  }
}
