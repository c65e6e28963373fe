import { describe, expect, it } from 'vitest';
import { TicketTableBuilder, type TicketTable } from '../../../src/normalise/table.js';
import { ticketRow } from '../../helpers/tickets.js';
import { channelJumps, customerTimeline, repeatContacts } from '../../../src/measure/journeys.js';
import { medianSorted, sortedCopy } from '../../../src/stats/quantile.js';
import type { Channel } from '../../../src/model.js';

const DAY = 86400;
const T0 = Date.UTC(2026, 9, 1) / 1000;

interface Spec {
  id: string;
  customer: string | null;
  channel: Channel;
  day: number;
  /** days after creation; null = not answered */
  answeredAfter?: number | null;
  /** days after creation; null = open; 'excluded' = resolution time unusable */
  resolvedAfter?: number | null | 'excluded';
}

function table(specs: Spec[]): TicketTable {
  const builder = new TicketTableBuilder();
  specs.forEach((s, k) => {
    const answered = s.answeredAfter ?? null;
    const resolved = s.resolvedAfter ?? null;
    builder.add(
      ticketRow({
        id: s.id,
        customerId: s.customer,
        channel: s.channel,
        createdAt: T0 + s.day * DAY,
        firstResponse: answered === null ? null : answered * DAY,
        resolution: typeof resolved === 'number' ? resolved * DAY : resolved,
        line: k + 2,
      }),
    );
  });
  return builder.build();
}

// Worked out by hand (window 14 days; origin channels phone, email, web):
//   A: phone day 0 never answered → social day 2 (jump, waited 2d) and social day 3 (jump, 3d)
//   B: email day 0 resolved after 1d → social day 2: origin settled, no jump
//   C: web day 0 resolved after 5d, phone day 1 open → social day 4: jump; origin is the oldest
//      still pending (the web ticket), waited 4d
//   D: phone day 0 open → social day 15: outside the window, no jump
//   E: social day 0, then phone day 1: social came first, no jump
//   F: phone day 0 answered after 1d, resolution time unusable → social day 0.5 is a jump
//      (still unanswered, waited 0.5d); social day 2 is not (answered by then)
//   G: phone and social at the same instant: not "then", no jump
//   no customer id: a social ticket that cannot be linked
// Jumps: A2, A3, C4, F0.5 → 4; waited 0.5d, 2d, 3d, 4d → median (2d + 3d)/2 = 2.5d = 216000 s.
const specs: Spec[] = [
  { id: 'A1', customer: 'A', channel: 'phone', day: 0 },
  { id: 'A2', customer: 'A', channel: 'social', day: 2, answeredAfter: 0.01 },
  { id: 'A3', customer: 'A', channel: 'social', day: 3, answeredAfter: 0.02 },
  { id: 'B1', customer: 'B', channel: 'email', day: 0, answeredAfter: 0.04, resolvedAfter: 1 },
  { id: 'B2', customer: 'B', channel: 'social', day: 2, answeredAfter: 0.01 },
  { id: 'C1', customer: 'C', channel: 'web', day: 0, answeredAfter: 2, resolvedAfter: 5 },
  { id: 'C2', customer: 'C', channel: 'phone', day: 1 },
  { id: 'C3', customer: 'C', channel: 'social', day: 4, answeredAfter: 0.1 },
  { id: 'D1', customer: 'D', channel: 'phone', day: 0 },
  { id: 'D2', customer: 'D', channel: 'social', day: 15 },
  { id: 'E1', customer: 'E', channel: 'social', day: 0 },
  { id: 'E2', customer: 'E', channel: 'phone', day: 1 },
  { id: 'F1', customer: 'F', channel: 'phone', day: 0, answeredAfter: 1, resolvedAfter: 'excluded' },
  { id: 'F2', customer: 'F', channel: 'social', day: 0.5 },
  { id: 'F3', customer: 'F', channel: 'social', day: 2 },
  { id: 'G1', customer: 'G', channel: 'phone', day: 3 },
  { id: 'G2', customer: 'G', channel: 'social', day: 3 },
  { id: 'N1', customer: null, channel: 'social', day: 1 },
];

describe('channel jumps on a table worked out by hand', () => {
  // Shuffled input order must not matter: the timeline sorts by customer and time.
  const t = table([...specs].reverse());
  const jumps = channelJumps(t, customerTimeline(t), 14 * DAY);
  const pairs = Array.from(jumps.jump, (j, k) => `${t.id.get(j)}<-${t.id.get(jumps.origin[k] as number)}`).sort();

  it('finds exactly the four jumps, each with the oldest pending ticket as its origin', () => {
    expect(jumps.jump.length).toBe(4);
    expect(pairs).toEqual(['A2<-A1', 'A3<-A1', 'C3<-C1', 'F2<-F1']);
  });

  it('measures how long they had waited: median 2.5 days', () => {
    expect([...jumps.waited].sort((a, b) => a - b)).toEqual([0.5 * DAY, 2 * DAY, 3 * DAY, 4 * DAY]);
    expect(medianSorted(sortedCopy(jumps.waited))).toBe(216000);
  });

  it('knows which origins had no answer yet: A1 (never), C1 (answered day 2 < day 4: answered), F1 (answered day 1 > day 0.5)', () => {
    const unanswered = Object.fromEntries(Array.from(jumps.jump, (j, k) => [t.id.get(j), jumps.unansweredAtJump[k]]));
    expect(unanswered).toEqual({ A2: 1, A3: 1, C3: 0, F2: 1 });
  });

  it('the window is inclusive, and a shorter one drops the longer waits', () => {
    // 3 days: A3 (waited exactly 3d) stays; for C3 the web ticket (4d) is out, but the phone
    // ticket of day 1 is still open, so C3 jumps from it after 3d.
    const three = channelJumps(t, customerTimeline(t), 3 * DAY);
    expect(Array.from(three.jump, (j, k) => `${t.id.get(j)}<-${t.id.get(three.origin[k] as number)}`).sort()).toEqual(['A2<-A1', 'A3<-A1', 'C3<-C2', 'F2<-F1']);
    // 2.5 days: only A2 (2d) and F2 (0.5d) remain.
    const short = channelJumps(t, customerTimeline(t), 2.5 * DAY);
    expect(Array.from(short.jump, (j) => t.id.get(j)).sort()).toEqual(['A2', 'F2']);
  });
});

describe('repeat contacts (3 within 7 days) by hand', () => {
  const t = table(specs);
  const marked = repeatContacts(t, customerTimeline(t), 3, 7 * DAY);
  const ids = [...marked.keys()].filter((i) => marked[i]).map((i) => t.id.get(i)).sort();

  it('marks the third contact onwards, never the earlier ones', () => {
    // A: days 0, 2, 3 → A3. C: days 0, 1, 4 → C3. F: days 0, 0.5, 2 → F3.
    // D: days 0, 15 (two contacts). G: two contacts. B, E: two contacts each.
    expect(ids).toEqual(['A3', 'C3', 'F3']);
  });

  it('a window shorter than the gaps marks nothing', () => {
    const none = repeatContacts(t, customerTimeline(t), 3, 1 * DAY);
    expect(none.reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe('customerTimeline', () => {
  const specs: Spec[] = [
    { id: 'a1', customer: 'A', channel: 'phone', day: 3 },
    { id: 'b1', customer: 'B', channel: 'email', day: 1 },
    { id: 'a2', customer: 'A', channel: 'social', day: 1 },
    { id: 'x', customer: null, channel: 'web', day: 0 },
    { id: 'a3', customer: 'A', channel: 'web', day: 1 },
    { id: 'b2', customer: 'B', channel: 'phone', day: 0.5 },
  ];

  it('customer by customer (first seen first), oldest first, same instant by row (hand example)', () => {
    // A: a2 (day 1, row 2), a3 (day 1, row 4), a1 (day 3); B: b2 (day 0.5), b1 (day 1); x has no customer
    const t = customerTimeline(table(specs));
    expect(Array.from(t.order)).toEqual([2, 4, 0, 5, 1]);
    expect(Array.from(t.starts)).toEqual([0, 3, 5]);
  });

  it('creation times in fractions of a second (each customer sorted alone) give the same order', () => {
    const whole = customerTimeline(table(specs));
    const fractional = customerTimeline(table(specs.map((s) => ({ ...s, day: s.day + 0.25 / DAY }))));
    expect(Array.from(fractional.order)).toEqual(Array.from(whole.order));
    // and a generated table, whole seconds against the same shifted by 0.5 s
    let r = 99;
    const next = (): number => (r = (r * 1103515245 + 12345) % 2 ** 31);
    // (eighths of a day are whole seconds exactly; 1,000 instants for 3,000 tickets: many ties)
    const many: Spec[] = Array.from({ length: 3000 }, (_, k) => ({ id: `t${k}`, customer: next() % 9 === 0 ? null : `c${next() % 400}`, channel: 'phone', day: (next() % 1000) / 8 }));
    const wholeSeconds = table(many);
    expect(Array.from(wholeSeconds.createdAt).every(Number.isInteger)).toBe(true);
    const shifted = table(many.map((s) => ({ ...s, day: s.day + 0.5 / DAY })));
    expect(Array.from(shifted.createdAt).some((t) => !Number.isInteger(t))).toBe(true);
    const order = Array.from(customerTimeline(wholeSeconds).order);
    expect(Array.from(customerTimeline(shifted).order)).toEqual(order);
    // within a customer, creation times never go down and equal times keep row order
    const { starts } = customerTimeline(wholeSeconds);
    for (let c = 0; c + 1 < starts.length; c++) {
      for (let k = starts[c]! + 1; k < starts[c + 1]!; k++) {
        const [a, b] = [order[k - 1]!, order[k]!];
        expect(wholeSeconds.createdAt[a]! < wholeSeconds.createdAt[b]! || (wholeSeconds.createdAt[a] === wholeSeconds.createdAt[b] && a < b)).toBe(true);
      }
    }
  });
});
