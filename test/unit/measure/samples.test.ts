import { describe, expect, it } from 'vitest';
import { ANSWERED, EXCLUDED, TicketTableBuilder, UNANSWERED, waitingAge, type TicketTable } from '../../../src/normalise/table.js';
import { ticketRow } from '../../helpers/tickets.js';
import { gatherDurations, Samples, sortedMetric, type GroupDurations, type ResolutionTwin } from '../../../src/measure/sample.js';
import { sortDurations, type SortedDurations, type Tally, type TallyCodes } from '../../../src/stats/tally.js';
import { talliesByTicket } from '../../reference/tallies.js';
import { packTally, type PackedTally } from '../../../src/stats/packedTally.js';
import { RESOLVED } from '../../../src/normalise/table.js';
import { splitByStratum, strataOf } from '../../../src/measure/strata.js';
import { CHANNELS, type Channel } from '../../../src/model.js';

/** 60,000 tickets: large groups take the one pass over durations sorted once, small ones not. */
function table(): TicketTable {
  const builder = new TicketTableBuilder();
  let r = 12345;
  const next = (): number => (r = (r * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < 60_000; i++) {
    const channel = (['phone', 'phone', 'email', 'social', 'web'] as Channel[])[next() % 5]!;
    const answered = next() % 4 !== 0;
    const resolution = next() % 7 === 0 ? 'excluded' : next() % 3 === 0 ? null : next() % 900_000;
    builder.add(
      ticketRow({
        id: `T${i}`,
        channel,
        category: ['Billing', 'Technical', 'Account'][next() % 3]!,
        priority: next() % 5 === 0 ? null : ['low', 'high'][next() % 2]!,
        createdAt: 1_700_000_000 + (next() % 100_000),
        firstResponse: answered ? next() % 200_000 : null,
        resolution,
      }),
    );
  }
  return builder.build();
}

function same(a: GroupDurations, b: GroupDurations): void {
  expect(a.tickets).toBe(b.tickets);
  for (const metric of ['firstResponse', 'resolution'] as const) {
    expect(Array.from(a.samples[metric].times)).toEqual(Array.from(b.samples[metric].times));
    expect(Array.from(a.samples[metric].ended)).toEqual(Array.from(b.samples[metric].ended));
    expect(Array.from(a.samples[metric].waiting)).toEqual(Array.from(b.samples[metric].waiting));
  }
}

describe('Samples: a group tallied from durations sorted once equals the group gathered alone', () => {
  const t = table();
  const asOf = 1_700_200_000;
  const byChannel = CHANNELS.map((_, c) => Uint32Array.from({ length: t.size }, (_, i) => i).filter((i) => t.channel[i] === c)).filter((g) => g.length > 0);
  const strata = strataOf(t, ['category', 'priority'])!;

  it('whole groups (phone is ~24k tickets, over the 20k threshold; every channel, and all tickets)', () => {
    const samples = new Samples(t, asOf);
    const all = Uint32Array.from({ length: t.size }, (_, i) => i);
    for (const g of [...byChannel, all]) same(samples.of(g), gatherDurations(t, g, asOf));
    // Still-waiting tickets wait at their age: a phone ticket not answered is censored at asOf − createdAt.
    const phone = byChannel[0]!;
    const waiting = phone.filter((i) => t.firstResponseState[i] === UNANSWERED);
    const ages = new Set(Array.from(waiting, (i) => asOf - t.createdAt[i]!));
    const tally = samples.of(phone).samples.firstResponse;
    let censored = 0;
    tally.waiting.forEach((w, k) => {
      if (w > 0) expect(ages.has(tally.times[k]!)).toBe(true);
      censored += w;
    });
    expect(censored).toBe(waiting.length);
  });

  it('each metric sorted from its keys alone (sortedMetric) is the stable sort of (key, ticket) pairs: the same runs and positions', () => {
    for (const [seconds, state, ended] of [
      [t.firstResponse, t.firstResponseState, ANSWERED],
      [t.resolution, t.resolutionState, RESOLVED],
    ] as const) {
      // the reference: every ticket's duration as gatherDurations reads it (its seconds once
      // ended, its age at the as-of time while waiting, none when excluded), sorted as pairs
      const times = Array.from({ length: t.size }, (_, i) => (state[i] === ended ? seconds[i]! : state[i] === EXCLUDED ? Number.NaN : waitingAge(t, i, asOf)));
      const events = Array.from({ length: t.size }, (_, i) => (state[i] === ended ? 1 : 0));
      const pairs = sortDurations(times, events)!;
      const mine = sortedMetric(t, seconds, state, ended, asOf, { bytes: null })!;
      expect([...mine.runKeys]).toEqual([...pairs.runKeys]);
      expect([...mine.runEnds]).toEqual([...pairs.runEnds]);
      expect([...mine.position]).toEqual([...pairs.position]);
      expect(mine.position.includes(-1)).toBe(times.some((x) => Number.isNaN(x)));
    }
  });

  it('cells of a large group', () => {
    const samples = new Samples(t, asOf);
    for (const g of byChannel) {
      const cells = samples.byCell(g, strata);
      const alone = splitByStratum(strata, g);
      expect([...cells.keys()].sort()).toEqual([...alone.keys()].sort());
      for (const [code, indices] of alone) same(cells.get(code)!, gatherDurations(t, indices, asOf));
    }
  });

  it('durations that are not whole seconds (a table not made by the builder, which rounds): no sorted pass, every group gathered alone, same tallies', () => {
    // every 7th answered ticket half a second later
    let answered = 0;
    const firstResponse = Float64Array.from(t.firstResponse, (x, i) => (t.firstResponseState[i] === ANSWERED && answered++ % 7 === 0 ? x + 0.5 : x));
    const halves: TicketTable = { ...t, firstResponse };
    const samples = new Samples(halves, asOf);
    const all = Uint32Array.from({ length: halves.size }, (_, i) => i);
    samples.together(byChannel);
    for (const g of [...byChannel, all]) same(samples.of(g), gatherDurations(halves, g, asOf));
    // the tally holds the fractional durations as they are
    const tally = samples.of(all).samples.firstResponse;
    expect(Array.from(tally.times).some((x) => x % 1 === 0.5)).toBe(true);
    for (const [code, indices] of splitByStratum(strata, byChannel[0]!)) same(samples.byCell(byChannel[0]!, strata).get(code)!, gatherDurations(halves, indices, asOf));
  });

  it('groups declared together (one pass for the family): each equals the group gathered alone, whole and by cell', () => {
    // the channels, and a family of small groups only (each under the 20k threshold: gathered alone)
    const samples = new Samples(t, asOf);
    samples.together(byChannel);
    const thirds = [0, 1, 2].map((k) => Uint32Array.from({ length: t.size }, (_, i) => i).filter((i) => i % 3 === k && i < 30_000));
    samples.together(thirds);
    // asked in an order where a small member comes first
    for (const g of [byChannel[3]!, ...byChannel, ...thirds]) same(samples.of(g), gatherDurations(t, g, asOf));
    for (const g of [...byChannel].reverse()) {
      const cells = samples.byCell(g, strata);
      for (const [code, indices] of splitByStratum(strata, g)) same(cells.get(code)!, gatherDurations(t, indices, asOf));
    }
  });

  it('what is kept: the two groups asked for last stay unpacked; a cell is unpacked at each read, its size known without it', () => {
    const samples = new Samples(t, asOf);
    samples.together(byChannel);
    const [a, b, c] = byChannel as [Uint32Array, Uint32Array, Uint32Array];
    const first = samples.of(a);
    expect(samples.of(a)).toBe(first);
    samples.of(b);
    expect(samples.of(a)).toBe(first); // a and b are the last two
    samples.of(b);
    samples.of(c);
    const again = samples.of(a); // b and c came after it: made again from the packed tallies
    expect(again).not.toBe(first);
    same(again, first);
    same(again, gatherDurations(t, a, asOf));
    const [code, indices] = [...splitByStratum(strata, a)][0]!;
    const cell = samples.byCell(a, strata).get(code)!;
    expect(cell.samples.firstResponse).not.toBe(cell.samples.firstResponse);
    const alone = gatherDurations(t, indices, asOf);
    same(cell, alone);
    const ended = Array.from(alone.samples.firstResponse.ended).reduce((x, y) => x + y, 0);
    const waiting = Array.from(alone.samples.firstResponse.waiting).reduce((x, y) => x + y, 0);
    expect(cell.sizes?.firstResponse).toEqual({ n: ended + waiting, ended });
  });

  /**
   * A twin on this thread (the helper thread's side, measure/helper.ts, without the thread): it
   * sorts resolution as the helper does and answers each pass, or stops answering after `answers`
   * passes (a helper that stopped). `corrupt` makes its answers wrong by one ticket, so a test can
   * see they are the ones used.
   */
  function fakeTwin(answers = Infinity, corrupt = false): ResolutionTwin & { asked: number; refused: number } {
    let sorted: SortedDurations | null = null;
    let codes: TallyCodes | null = null;
    let groups = 0;
    const twin = {
      asked: 0,
      refused: 0,
      sorted() {
        sorted = sortedMetric(t, t.resolution, t.resolutionState, RESOLVED, asOf, { bytes: null });
        return sorted && { runKeys: sorted.runKeys, runEnds: sorted.runEnds, position: sorted.position };
      },
      free: () => true,
      start(c: TallyCodes, g: number) {
        expect(c.buffer).toBeInstanceOf(SharedArrayBuffer);
        codes = c;
        groups = g;
      },
      finish(): PackedTally[] | null {
        twin.asked++;
        if (twin.asked > answers) {
          twin.refused++;
          return null;
        }
        const out = talliesByTicket(sorted!, codes!, groups);
        if (corrupt) for (const tally of out) if (tally.ended.length > 0) tally.ended[0]! += 1;
        return out.map(packTally);
      },
    };
    return twin;
  }

  it('with a twin tallying resolution (what the helper thread does): whole groups and cells equal the groups gathered alone, and its answers are the ones used', () => {
    const twin = fakeTwin();
    const samples = new Samples(t, asOf, twin);
    samples.together(byChannel);
    for (const g of byChannel) same(samples.of(g), gatherDurations(t, g, asOf));
    for (const g of byChannel) for (const [code, indices] of splitByStratum(strata, g)) same(samples.byCell(g, strata).get(code)!, gatherDurations(t, indices, asOf));
    // one pass for the channels whole, one for their cells
    expect(twin.asked).toBe(2);
    // a twin whose answers are off by one ticket: the tallies read are its (first response's are this thread's)
    const wrong = new Samples(t, asOf, fakeTwin(Infinity, true));
    wrong.together(byChannel);
    const phone = byChannel[0]!;
    const alone = gatherDurations(t, phone, asOf).samples;
    const ended = (tally: Tally): number => Array.from(tally.ended).reduce((x, y) => x + y, 0);
    expect(ended(wrong.of(phone).samples.resolution)).toBe(ended(alone.resolution) + 1);
    expect(ended(wrong.of(phone).samples.firstResponse)).toBe(ended(alone.firstResponse));
  });

  it('a twin that stops answering: the pass is made here, with the same tallies, and the twin is not asked again', () => {
    const twin = fakeTwin(1);
    const samples = new Samples(t, asOf, twin);
    samples.together(byChannel);
    for (const g of byChannel) same(samples.of(g), gatherDurations(t, g, asOf)); // answered
    for (const g of byChannel) for (const [code, indices] of splitByStratum(strata, g)) same(samples.byCell(g, strata).get(code)!, gatherDurations(t, indices, asOf)); // refused
    const all = Uint32Array.from({ length: t.size }, (_, i) => i);
    same(samples.of(all), gatherDurations(t, all, asOf));
    expect(twin.refused).toBe(1);
    expect(twin.asked).toBe(2);
  });

  it('a twin whose sort did not come: resolution is sorted here, the twin not asked', () => {
    const twin = { ...fakeTwin(), sorted: () => undefined, finish: () => expect.unreachable('asked after its sort did not come') };
    const samples = new Samples(t, asOf, twin);
    samples.together(byChannel);
    for (const g of byChannel) same(samples.of(g), gatherDurations(t, g, asOf));
  });
});
