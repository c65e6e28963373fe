/**
 * The count query reads a time held as text only when it matches ISO_TIME (read/engines/
 * dialects.ts), and stops at any other value. Checked here against parity's own reading
 * (normalise/time.ts, the independent reference): no time parity reads stops the query, and
 * every text the query takes is one parity reads, but for a day its month does not have (which
 * Postgres' and DuckDB's casts refuse, and ClickHouse's own check does).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ISO_TIME } from '../../src/read/engines/dialects.js';
import { parserFor } from '../../src/normalise/time.js';

const inProcess = parserFor('iso', 'UTC');
// the pattern as the databases' regex engines read it (RE2, POSIX ARE): \d and \s are ASCII there
const query = new RegExp(ISO_TIME.replace(/\\s/g, '[ \\t\\n\\r\\f\\v]'));

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Whether y-m-d (as written) names a day its month does not have, in a month 1–12. */
function dayBeyondMonth(text: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d > (mo === 2 && !leap ? 28 : (DAYS[mo - 1] as number));
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** 0..max, the edges (0, the last valid values and just past them) as often as the rest. */
const edgy = (max: number, edges: number[]) => fc.oneof(fc.constantFrom(...edges), fc.integer({ min: 0, max }));
const digits = (max: number, edges: number[]) => fc.tuple(edgy(max, edges), fc.boolean()).map(([n, two]) => (two || n > 9 ? pad(n, 2) : String(n)));
/** ISO-like text, in range and out: months 0–13, days 0–32, hours 0–25, minutes and seconds 0–61, offsets to ±25:61. */
const isoLike = fc
  .record({
    year: fc.integer({ min: 1000, max: 2999 }),
    month: digits(13, [0, 1, 2, 12, 13]),
    day: digits(32, [0, 1, 28, 29, 30, 31, 32]),
    time: fc.option(
      fc.record({
        sep: fc.constantFrom('T', 't', ' '),
        hour: digits(25, [0, 23, 24, 25]),
        minute: edgy(61, [0, 59, 60, 61]),
        second: fc.option(edgy(61, [0, 59, 60, 61]), { nil: null }),
        fraction: fc.option(fc.tuple(fc.constantFrom('.', ','), fc.constantFrom('0', '000', '5', '999')), { nil: null }),
      }),
      { nil: null },
    ),
    space: fc.constantFrom('', ' '),
    zone: fc.option(
      fc.oneof(fc.constantFrom('Z', 'z', 'UTC', 'GMT'), fc.tuple(fc.constantFrom('+', '-'), edgy(25, [0, 23, 24]), fc.option(edgy(61, [0, 59, 60]), { nil: null }), fc.constantFrom(':', '')).map(([s, h, m, colon]) => `${s}${pad(h, 2)}${m === null ? '' : `${colon}${pad(m, 2)}`}`)),
      { nil: null },
    ),
  })
  .map(({ year, month, day, time, space, zone }) => {
    let text = `${year}-${month}-${day}`;
    if (time) {
      text += `${time.sep}${time.hour}:${pad(time.minute, 2)}`;
      if (time.second !== null) text += `:${pad(time.second, 2)}${time.fraction ? `${time.fraction[0]}${time.fraction[1]}` : ''}`;
    }
    return zone === null ? text : `${text}${space}${zone}`;
  });

describe('the count query takes exactly the ISO 8601 times parity reads', () => {
  it('generated ISO-like text, in range and out: read in-process ⇔ taken by the query (days a month lacks aside)', () => {
    fc.assert(
      fc.property(isoLike, (text) => {
        const read = inProcess(text) !== null;
        const taken = query.test(text);
        if (read) expect(taken, text).toBe(true);
        if (taken && !read) expect(dayBeyondMonth(text), text).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('every edge, exhaustively: dates, times and zones each around their limits', () => {
    const agree = (text: string): void => {
      const read = inProcess(text) !== null;
      const taken = query.test(text);
      if (read) expect(taken, text).toBe(true);
      if (taken && !read) expect(dayBeyondMonth(text), text).toBe(true);
    };
    const widths = (n: number) => [...new Set([String(n), pad(n, 2)])];
    for (const y of [1900, 2000, 2024, 2026]) for (const mo of [0, 1, 2, 12, 13].flatMap(widths)) for (const d of [0, 1, 28, 29, 30, 31, 32].flatMap(widths)) agree(`${y}-${mo}-${d}T10:00Z`);
    for (const sep of ['T', ' ']) {
      for (const h of [0, 9, 23, 24, 25].flatMap(widths)) {
        for (const mi of ['00', '59', '60']) {
          agree(`2026-07-01${sep}${h}:${mi}`);
          for (const sec of ['00', '59', '60', '61']) for (const fraction of ['', '.0', ',000', '.5']) agree(`2026-07-01${sep}${h}:${mi}:${sec}${fraction}`);
        }
      }
    }
    for (const zone of ['Z', 'z', 'UTC', 'GMT', '+00', '+2359', '-23:59', '+24:00', '+05:60', '+0560', '-2400']) for (const space of ['', ' ']) for (const time of ['', 'T10:00', 'T24:00:00']) agree(`2026-07-01${time}${space}${zone}`);
  });

  it('hand-picked edges', () => {
    for (const text of ['2026-06-30T24:00Z', '2026-06-30 24:00:00,000', '2026-07-01T09:59:60Z', '2026-7-1 9:00', '2026-07-01T12:00+0200', '2026-07-01 10:00 UTC', '2026-07-01Z']) {
      expect([text, inProcess(text) !== null, query.test(text)]).toEqual([text, true, true]);
    }
    for (const text of ['now', 'epoch', 'infinity', '2026-07-01T24:01Z', '2026-06-30 24:00:00.5', '2026-07-01T10:00+24:00', '2026-07-01T10:00:00 America/New_York', '10/06/2026', '2026-13-01']) {
      expect([text, inProcess(text) !== null, query.test(text)]).toEqual([text, false, false]);
    }
  });
});
