// Dictionary code columns start at one byte a ticket and widen as the dictionary grows
// (normalise/table.ts CodeColumn): every ticket keeps its own value, through the row writer and
// through the byte reader (a file read by the scanner). Expected values are the rows as written.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ANSWERED, RESOLVED, TicketTableBuilder, followersOf, secondsColumn, type TicketTable } from '../../../src/normalise/table.js';
import { loadDataset } from '../../../src/load/dataset.js';
import { resolveSettings } from '../../../src/commands/options.js';
import { ticketRow } from '../../helpers/tickets.js';
import { strataOf } from '../../../src/measure/strata.js';

/** Ticket i's value of a code column, read back through its dictionary. */
function valueOf(table: TicketTable, field: 'status' | 'priority' | 'category' | 'group' | 'rawChannel', i: number): string | null {
  return table.dictionaries[field].valueOf(table[field][i] as number);
}

describe('dictionary code columns', () => {
  it('one byte while codes are below 128, two below 32,768, four beyond; every value kept across each widening', () => {
    const b = new TicketTableBuilder(16); // grows as rows come, widened columns included
    const n = 33_000;
    // category: 5 values (stays one byte); priority: 200 values, every 7th ticket none (two bytes);
    // group: a new value per ticket (four bytes from the 32,768th)
    for (let i = 0; i < n; i++) {
      b.add(ticketRow({ id: `T${i}`, channel: 'email', createdAt: i, category: `C${i % 5}`, priority: i % 7 === 0 ? null : `P${i % 200}`, group: `G${i}` }));
    }
    const t = b.build();
    expect(t.category).toBeInstanceOf(Int8Array);
    expect(t.priority).toBeInstanceOf(Int16Array);
    expect(t.group).toBeInstanceOf(Int32Array);
    for (const i of [0, 1, 6, 7, 127, 128, 199, 200, 32_767, 32_768, n - 1]) {
      expect(valueOf(t, 'category', i)).toBe(`C${i % 5}`);
      expect(valueOf(t, 'priority', i)).toBe(i % 7 === 0 ? null : `P${i % 200}`);
      expect(valueOf(t, 'group', i)).toBe(`G${i}`);
    }
    // every ticket, not only the ones around the widenings
    let wrong = 0;
    for (let i = 0; i < n; i++) if (valueOf(t, 'group', i) !== `G${i}` || valueOf(t, 'priority', i) !== (i % 7 === 0 ? null : `P${i % 200}`)) wrong++;
    expect(wrong).toBe(0);
    expect(t.priority[0]).toBe(-1); // none
  });

  it('a file read from its bytes: 300 categories and 40,000 groups, each ticket with its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-codes-'));
    const file = join(dir, 'export.csv');
    const n = 40_000;
    const lines = ['ticket_id,channel,created_at,first_response_at,status,priority,category,group'];
    for (let i = 0; i < n; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      lines.push(`T${i},${i % 3 ? 'email' : 'phone'},2026-03-${day}T10:00:00Z,2026-03-${day}T11:00:00Z,${i % 2 ? 'open' : 'solved'},${i % 11 === 0 ? '' : 'high'},Cat ${i % 300},Team ${i}`);
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const settings = resolveSettings([file], {}, {}, 'test');
    const { table } = await loadDataset(settings, { stdin: Readable.from([Buffer.alloc(0)]) });
    expect(table.size).toBe(n);
    expect(table.category).toBeInstanceOf(Int16Array);
    expect(table.group).toBeInstanceOf(Int32Array);
    let wrong = 0;
    for (let i = 0; i < n; i++) {
      if (valueOf(table, 'category', i) !== `Cat ${i % 300}`) wrong++;
      if (valueOf(table, 'group', i) !== `Team ${i}`) wrong++;
      if (valueOf(table, 'priority', i) !== (i % 11 === 0 ? null : 'high')) wrong++;
      if (valueOf(table, 'rawChannel', i) !== (i % 3 ? 'email' : 'phone')) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it('like-for-like cell codes take one byte up to 256 possible cells, two up to 65,536: each ticket in the cell its label names', () => {
    // (categories + 1) × (priorities + 1) possible cells, "no value" counted: 15 × 17 = 255; 300 × 17 = 5,100; 300 × 300 = 90,000
    for (const [categories, priorities, kind] of [
      [14, 16, Uint8Array],
      [299, 16, Uint16Array],
      [299, 299, Int32Array],
    ] as const) {
      const b = new TicketTableBuilder();
      const n = 3000;
      const cat = (i: number): string | null => (i % 17 === 0 ? null : `C${i % categories}`); // neither on every 221st
      const pri = (i: number): string | null => (i % 13 === 0 ? null : `P${(i * 7) % priorities}`);
      // every category and priority appears (the dictionaries hold them all), each ticket has its pair
      for (let i = 0; i < n; i++) b.add(ticketRow({ id: `T${i}`, channel: 'email', createdAt: i, category: cat(i), priority: pri(i) }));
      const table = b.build();
      const strata = strataOf(table, ['category', 'priority'])!;
      // and by category alone (the like-for-like cells of the loudness and follower findings)
      const byCategory = strataOf(table, ['category'])!;
      let wrongAlone = 0;
      for (let i = 0; i < n; i++) if (byCategory.labels[byCategory.code[i] as number] !== (cat(i) ?? '(no category)')) wrongAlone++;
      expect(wrongAlone).toBe(0);
      expect(byCategory.labels.length).toBe(categories + 1);
      expect(strata.code).toBeInstanceOf(kind);
      let wrong = 0;
      for (let i = 0; i < n; i++) if (strata.labels[strata.code[i] as number] !== `${cat(i) ?? '(no category)'} / ${pri(i) ?? '(no priority)'}`) wrong++;
      expect(wrong).toBe(0);
    }
  });

  it('durations take 4 bytes a ticket up to 2^32 − 1 seconds (136 years), then 8; every value kept across the widening', () => {
    const b = new TicketTableBuilder(16);
    const n = 5000;
    // answered after i × 61 s; resolved after i × 3,600 s, except ticket 4,000, resolved 150 years
    // (4,733,640,000 s, a mistyped year) after creation; every 3rd still open, every 5th not answered
    const year150 = 150 * 365.25 * 86_400;
    const first = (i: number): number | null => (i % 5 === 0 ? null : i * 61);
    const resolution = (i: number): number | null => (i === 4000 ? year150 : i % 3 === 0 ? null : i * 3600);
    for (let i = 0; i < n; i++) b.add(ticketRow({ id: `T${i}`, channel: 'email', createdAt: 1_700_000_000 + i, firstResponse: first(i), resolution: resolution(i) }));
    const t = b.build();
    expect(t.firstResponse).toBeInstanceOf(Uint32Array);
    expect(t.resolution).toBeInstanceOf(Float64Array);
    let wrong = 0;
    for (let i = 0; i < n; i++) {
      const f = first(i);
      const r = resolution(i);
      if ((t.firstResponseState[i] === ANSWERED) !== (f !== null) || (f !== null && t.firstResponse[i] !== f)) wrong++;
      if ((t.resolutionState[i] === RESOLVED) !== (r !== null) || (r !== null && t.resolution[i] !== r)) wrong++;
    }
    expect(wrong).toBe(0);
    expect(t.resolution[4000]).toBe(4_733_640_000);
    expect(t.resolution[3998]).toBe(3998 * 3600); // written before the widening
  });

  it('follower counts take 4 bytes a ticket while whole and below 2^32 − 1, then 8; none stays none', () => {
    for (const [odd, kind] of [
      [null, Uint32Array],
      [2.5, Float64Array], // a count that is not whole (as written in the export)
      [4_294_967_295, Float64Array], // 2^32 − 1: one more than the 32-bit column holds as count + 1
    ] as const) {
      const b = new TicketTableBuilder(16);
      const n = 3000;
      // no count on the first 100 tickets (the column is made at the first count), then every 4th without
      const count = (i: number): number => (i === 2500 && odd !== null ? odd : i < 100 || i % 4 === 0 ? Number.NaN : i * 1000);
      for (let i = 0; i < n; i++) b.add(ticketRow({ id: `T${i}`, channel: 'social', createdAt: i, followers: count(i) }));
      const t = b.build();
      expect(t.followers).toBeInstanceOf(kind);
      let wrong = 0;
      for (let i = 0; i < n; i++) if (!Object.is(followersOf(t, i), count(i))) wrong++;
      expect(wrong).toBe(0);
      expect(followersOf(t, 0)).toBeNaN();
      expect(followersOf(t, 101)).toBe(101_000);
    }
  });

  it('a duration column made after reading (the business clock) is 32-bit unless a value does not fit', () => {
    const narrow = secondsColumn(3, (i) => [7, Number.NaN, 4_294_967_295][i]!);
    expect(narrow).toBeInstanceOf(Uint32Array);
    expect(Array.from(narrow)).toEqual([7, 0, 4_294_967_295]); // none: 0 (the state says so)
    const wide = secondsColumn(4, (i) => [7, Number.NaN, 4_294_967_296, Number.NaN][i]!);
    expect(wide).toBeInstanceOf(Float64Array);
    expect(Array.from(wide)).toEqual([7, 0, 4_294_967_296, Number.NaN]);
  });

  it('creation times take 4 bytes a ticket while whole seconds from 1970 to 2106, then 8; every time kept across the widening', () => {
    for (const [odd, kind] of [
      [null, Uint32Array],
      [1_700_000_000.25, Float64Array], // a quarter of a second
      [-86_400, Float64Array], // 31 December 1969
      [4_294_967_296, Float64Array], // 2106-02-07T06:28:16Z, one second past 32 bits
    ] as const) {
      const b = new TicketTableBuilder(16);
      const n = 2000;
      const at = (i: number): number => (i === 1500 && odd !== null ? odd : 1_700_000_000 + i * 37);
      for (let i = 0; i < n; i++) b.add(ticketRow({ id: `T${i}`, channel: 'email', createdAt: at(i) }));
      const t = b.build();
      expect(t.createdAt).toBeInstanceOf(kind);
      let wrong = 0;
      for (let i = 0; i < n; i++) if (t.createdAt[i] !== at(i)) wrong++;
      expect(wrong).toBe(0);
    }
  });
});
