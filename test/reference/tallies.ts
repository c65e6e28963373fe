/**
 * Tallies of groups from one pass over a metric's sorted durations, as 32-bit columns: the
 * times of each group counted in order, then written, run by run. What the measure stage did
 * before each group's tally was packed as the pass reads it (src/stats/packedTally.ts
 * packMarked); kept as the reference the packed pass must equal, byte for byte once packed
 * (test/unit/stats/tally/packed.test.ts), and that must equal each group tallied alone
 * (equivalence.test.ts). The group codes by position are the source's (marksByTicket,
 * marksOfGroups): the reference counts differently, not from different marks.
 */
import { marksByTicket, marksOfGroups, type SortedDurations, type Tally, type TallyCodes } from '../../src/stats/tally.js';

/**
 * Tallies of the tickets of `memberLists` (groups that share no ticket) in one sequential pass
 * over durations sorted once: group g's tickets go to tally g·cells + code[i] (or g without
 * `code`, cells = 1). Equal, tally by tally, to tallyFromSamples (src/stats/tally.ts) of those tickets. A
 * ticket is counted once (a group is a set: channels, bands, --by values, loud/quiet, cells).
 * Channels, or the loud and quiet tickets of every channel, are tallied together so, however
 * many there are.
 */
export function talliesOfGroups(sorted: SortedDurations, memberLists: readonly ArrayLike<number>[], code: ArrayLike<number> | null, cells: number): Tally[] {
  return countMarked(sorted, marksOfGroups(sorted, memberLists, code, cells), memberLists.length * cells);
}

/**
 * Tallies 0..groups−1 of the tickets by their code (src/stats/tally.ts ticketCodes), in one pass over the
 * sorted durations: every ticket with a usable time writes its code where it sits (every
 * position is written), then the keys are counted in order.
 */
export function talliesByTicket(sorted: SortedDurations, codes: TallyCodes, groups: number): Tally[] {
  return countMarked(sorted, marksByTicket(sorted, codes), groups);
}

/**
 * The tallies of the positions marked with a group code in `marks` (none: 255 in bytes, −1 in 32 bits), read run
 * by run of the sorted keys: the distinct times of each group counted in one pass, then every tally written in a
 * second, into one block per column (each tally a view of its stretch).
 */
function countMarked(sorted: Pick<SortedDurations, 'runKeys' | 'runEnds'>, marks: TallyCodes, groups: number): Tally[] {
  const { runKeys, runEnds } = sorted;
  const offset = distinctOffsets(runKeys, runEnds, marks, groups);
  const total = offset[groups] as number;
  // whole seconds below 2^31 and counts below the number of tickets: 32 bits hold them exactly
  const times = new Uint32Array(total);
  const ended = new Uint32Array(total);
  const waiting = new Uint32Array(total);
  writeTallies(runKeys, runEnds, marks, offset, times, ended, waiting);
  const out: Tally[] = [];
  for (let g = 0; g < groups; g++) {
    const from = offset[g] as number;
    const to = offset[g + 1] as number;
    out.push({ times: times.subarray(from, to), ended: ended.subarray(from, to), waiting: waiting.subarray(from, to) });
  }
  return out;
}

/** offset[g]: where group g's tally starts in the blocks (the running count of distinct times); offset[groups] = the total. */
function distinctOffsets(runKeys: Uint32Array, runEnds: Uint32Array, marks: TallyCodes, groups: number): Float64Array {
  const last = new Float64Array(groups).fill(-1);
  const distinct = new Float64Array(groups + 1);
  let k = 0;
  for (let r = 0; r < runKeys.length; r++) {
    const t = (runKeys[r] as number) >>> 1;
    const end = runEnds[r] as number;
    for (; k < end; k++) {
      const g = marks[k] as number;
      if (g >>> 0 >= groups) continue;
      if (t !== last[g]) {
        distinct[g + 1]!++;
        last[g] = t;
      }
    }
  }
  for (let g = 0; g < groups; g++) distinct[g + 1]! += distinct[g] as number;
  return distinct;
}

/** Writes every group's tally into the blocks at its offset. */
function writeTallies(runKeys: Uint32Array, runEnds: Uint32Array, marks: TallyCodes, offset: Float64Array, times: Uint32Array, ended: Uint32Array, waiting: Uint32Array): void {
  const groups = offset.length - 1;
  const last = new Float64Array(groups).fill(-1);
  const at = new Float64Array(groups);
  for (let g = 0; g < groups; g++) at[g] = (offset[g] as number) - 1;
  let k = 0;
  for (let r = 0; r < runKeys.length; r++) {
    const key = runKeys[r] as number;
    const t = key >>> 1;
    const counts = key & 1 ? waiting : ended;
    const end = runEnds[r] as number;
    for (; k < end; k++) {
      const g = marks[k] as number;
      if (g >>> 0 >= groups) continue;
      let j = at[g] as number;
      if (t !== last[g]) {
        j++;
        at[g] = j;
        times[j] = t;
        last[g] = t;
      }
      counts[j]! += 1;
    }
  }
}

