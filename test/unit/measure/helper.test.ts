/**
 * The statistics helper thread (measure/helper.ts) changes no number: an audit with it (workers
 * `always`) is the audit without it (`never`), on a generated export that has what the helper
 * works out — customers with repeat contacts and channel jumps (the timeline they walk) and social tickets
 * with follower counts in category × priority cells (the follower correlation, raw and like for
 * like). A helper that stops before answering leaves its work to the main thread, with the same
 * report. The two columns the helper reads in place stay in shared memory. The within-cell percentile ranks the correlation reads are worked by hand.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { MessageChannel, receiveMessageOnPort, Worker, type Transferable } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { audit } from '../../../src/pipeline.js';
import { resolveSettings } from '../../../src/commands/options.js';
import { validateConfig } from '../../../src/config/validate.js';
import { TicketGroups } from '../../../src/measure/ticketGroups.js';
import { HelperTwin, twinDeadline, type Helped } from '../../../src/measure/helper.js';
import { followerCorrelation, withinCellPercentiles } from '../../../src/measure/rankCorrelation.js';
import { TicketTableBuilder } from '../../../src/normalise/table.js';
import { ticketRow } from '../../helpers/tickets.js';
import { PackedTally, packTally } from '../../../src/stats/packedTally.js';
import type { Finding, Report } from '../../../src/report.js';
import { rng } from '../../../scripts/generate.mjs';

const dir = mkdtempSync(join(tmpdir(), 'parity-helper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** An export of `rows` tickets: 600 customers coming back on any channel, social tickets with follower counts. */
function exportFile(rows: number, seed: number, fractions = false): string {
  const rnd = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const base = Date.UTC(2026, 5, 1) / 1000;
  const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  const lines = ['ticket_id,customer_id,channel,created_at,first_response_at,resolved_at,status,priority,category,follower_count,subject'];
  for (let i = 0; i < rows; i++) {
    const channel = pick(['phone', 'email', 'web', 'chat', 'twitter', 'twitter']);
    // (fractions: a creation time with milliseconds now and then, so the table keeps float64 times)
    const created = base + Math.floor(rnd() * 90 * 86400) + (fractions && rnd() < 0.1 ? 0.25 : 0);
    const social = channel === 'twitter';
    const followers = social && rnd() < 0.9 ? String(Math.floor(Math.exp(rnd() * 12))) : '';
    // social answered faster the more followers (so the correlation has a sign to find)
    const speed = social ? 3600 * (1 + 20 / (1 + Number(followers || 0) / 100)) : 3600 * (2 + rnd() * 30);
    const answered = rnd() < 0.92;
    const resolved = answered && rnd() < 0.85;
    lines.push(
      [
        `T${i}`,
        rnd() < 0.05 ? '' : `C${Math.floor(rnd() * 600)}`,
        channel,
        iso(created),
        answered ? iso(created + Math.floor(speed * (0.5 + rnd()))) : '',
        resolved ? iso(created + Math.floor(speed * 2 + rnd() * 5 * 86400)) : '',
        resolved ? 'solved' : 'open',
        pick(['low', 'normal', 'urgent']),
        pick(['billing', 'delivery', 'account']),
        followers,
        rnd() < 0.05 ? 'WHY IS NOBODY ANSWERING!!!' : 'help please',
      ].join(','),
    );
  }
  const path = join(dir, `export-${seed}${fractions ? '-fractions' : ''}.csv`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** The audit's JSON report (what the promise is about: the same bytes with and without the helper). */
async function run(file: string, workers: 'always' | 'never', config: unknown = {}): Promise<string> {
  const settings = { ...resolveSettings([file], {}, validateConfig(config, 'test config'), 'test'), generatedAt: null };
  return JSON.stringify(await audit(settings, { stdin: Readable.from([]), workers }));
}

/** Stops the helper thread instead of sending it a job whose kind `stops` picks (the reading worker's messages have no kind: they go through). */
function stopHelperWhenSent(stops: (kind: string) => boolean): void {
  const post = Worker.prototype.postMessage;
  vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, message: unknown, transfer?: readonly Transferable[]) {
    const kind = typeof message === 'object' && message !== null ? (message as { kind?: unknown }).kind : undefined;
    if (typeof kind === 'string' && stops(kind)) {
      void this.terminate();
      return;
    }
    post.call(this, message, transfer);
  });
}

const spearmanOf = (report: Report): Finding | undefined => report.findings.find((f) => f.details?.['test'] === 'spearman');
const kinds = (json: string): string[] => (JSON.parse(json) as Report).findings.map((f) => f.kind);

describe('the statistics helper thread', () => {
  it('works out the customer timeline and the follower correlation: the report is the one made without it', async () => {
    const file = exportFile(6000, 11);
    // (the timeline read when handed over: adopt takes it out of the helper's record)
    const original = TicketGroups.prototype.adopt;
    const handed: { timeline: Helped['timeline'] } = { timeline: null };
    const adopt = vi.spyOn(TicketGroups.prototype, 'adopt').mockImplementation(function (this: TicketGroups, done) {
      handed.timeline = done.timeline;
      original.call(this, done);
    });
    const alone = await run(file, 'never');
    expect(adopt).not.toHaveBeenCalled();
    const correlation = vi.spyOn(TicketGroups.prototype, 'followerCorrelation');
    const timeline = vi.spyOn(TicketGroups.prototype, 'timeline', 'get');
    const helped = await run(file, 'always');
    expect(adopt).toHaveBeenCalledTimes(1);
    const given = adopt.mock.calls[0]![0];
    expect(given.failure).toBeNull();
    expect(given.timeline).toBeNull();
    expect(handed.timeline?.order.length).toBeGreaterThan(5000);
    expect(given.correlation?.value.adjusted).not.toBeNull();
    // what the helper handed over is what the judge read (not worked out again)
    expect(timeline.mock.results[0]!.value).toBe(handed.timeline);
    expect(correlation.mock.results[0]!.value).toBe(given.correlation!.value);
    expect(helped).toBe(alone);
    // the export did exercise both: a like-for-like correlation, loudness and channel jumps
    const rho = spearmanOf(JSON.parse(helped) as Report)!;
    expect((rho.details!['likeForLike'] as { n: number }).n).toBeGreaterThan(1000);
    expect(kinds(helped)).toContain('loud-preference');
    expect(kinds(helped)).toContain('channel-jump');
  });

  it('in business hours, under loudness rules of a config: the same report', async () => {
    const file = exportFile(5000, 14);
    const config = { clock: 'business', businessHours: { timeZone: 'UTC', open: ['Mon-Fri 09:00-17:00'] }, loud: { repeatContacts: 2, repeatWindowDays: 30 }, jumpWindowDays: 3 };
    const adopt = vi.spyOn(TicketGroups.prototype, 'adopt');
    const alone = await run(file, 'never', config);
    const helped = await run(file, 'always', config);
    expect(adopt.mock.calls[0]![0].failure).toBeNull();
    expect((JSON.parse(helped) as Report).settings.clock).toBe('business');
    expect(helped).toBe(alone);
    expect(kinds(helped)).toContain('channel-jump');
  });

  it('creation times with fractions of a second (a column the worker gets a copy of, the timeline sorted per customer): the same report', async () => {
    const file = exportFile(4000, 13, true);
    // (read when handed over: adopt takes the timeline out of the helper's record)
    const original = TicketGroups.prototype.adopt;
    const handed: boolean[] = [];
    vi.spyOn(TicketGroups.prototype, 'adopt').mockImplementation(function (this: TicketGroups, done) {
      handed.push(done.timeline !== null);
      original.call(this, done);
    });
    const alone = await run(file, 'never');
    const helped = await run(file, 'always');
    expect(handed[0]).toBe(true);
    expect(helped).toBe(alone);
    expect(kinds(helped)).toContain('channel-jump');
  });

  it('a helper that stops before answering: the main thread works it out, the same report', async () => {
    const file = exportFile(3000, 12);
    const alone = await run(file, 'never');
    // the helper's jobs (not the reading worker's) never arrive: it is stopped instead
    stopHelperWhenSent(() => true);
    const adopt = vi.spyOn(TicketGroups.prototype, 'adopt');
    const helped = await run(file, 'always');
    expect(adopt).toHaveBeenCalledTimes(1);
    expect(adopt.mock.calls[0]![0]).toEqual({ timeline: null, correlation: null, failure: expect.stringMatching(/^the thread stopped/) });
    expect(helped).toBe(alone);
  });
});

describe('the helper tallying resolution beside this thread (HelperTwin)', () => {
  // 70,000 tickets: Twitter (a third) is over the 20,000 a group needs for the passes over
  // durations sorted once, so the channels, their cells, the bands and the loud and quiet
  // tickets are tallied in passes, resolution's half of each on the helper
  it('sorts and tallies resolution there: the report is the one made without it', async () => {
    const file = exportFile(70_000, 21);
    const alone = await run(file, 'never');
    const finish = vi.spyOn(HelperTwin.prototype, 'finish');
    const sorted = vi.spyOn(HelperTwin.prototype, 'sorted');
    const helped = await run(file, 'always');
    expect(sorted.mock.results[0]!.value).toMatchObject({ runKeys: expect.any(Uint32Array), runEnds: expect.any(Uint32Array) });
    expect((sorted.mock.results[0]!.value as { position: Int32Array }).position.buffer).toBeInstanceOf(SharedArrayBuffer);
    // (a pass the helper is too slow for, on a loaded machine, would be made here: the same report)
    const answered = finish.mock.results.filter((r) => Array.isArray(r.value)).length;
    expect(answered).toBeGreaterThanOrEqual(3);
    expect(helped).toBe(alone);
    expect(kinds(helped)).toContain('loud-preference');
  });

  it('a helper that stops while this thread waits for a pass: the pass is made here, the same report', async () => {
    const file = exportFile(70_000, 22);
    const alone = await run(file, 'never');
    // the first pass never arrives: the helper is stopped instead
    stopHelperWhenSent((kind) => kind === 'pass');
    const finish = vi.spyOn(HelperTwin.prototype, 'finish');
    const started = performance.now();
    const helped = await run(file, 'always');
    expect(finish.mock.results.map((r) => r.value)).toEqual([null]); // asked once, then not again
    expect(helped).toBe(alone);
    // it cost at most the deadline (and the audit itself)
    expect(performance.now() - started).toBeLessThan(twinDeadline(70_000) + 20_000);
  });

  it('the protocol on its own: an answer is read as soon as it is sent; none within the deadline is given up', () => {
    const { port1, port2 } = new MessageChannel();
    const control = new Int32Array(new SharedArrayBuffer(12));
    const sent: unknown[] = [];
    const worker = { postMessage: (m: unknown) => sent.push(m) } as unknown as Worker;
    const twin = new HelperTwin(worker, port1, control, 2, 50, receiveMessageOnPort);
    Atomics.store(control, 2, 1); // started
    const runKeys = new Uint32Array(new SharedArrayBuffer(8));
    port2.postMessage({ id: 0, kind: 'sorted', runKeys, runEnds: new Uint32Array(new SharedArrayBuffer(8)), position: new Int32Array(new SharedArrayBuffer(8)) });
    Atomics.add(control, 0, 1);
    expect(twin.sorted()?.runKeys).toBeInstanceOf(Uint32Array);
    // not free while the timeline and correlation jobs are not done
    expect(twin.free()).toBe(false);
    Atomics.store(control, 1, 2);
    expect(twin.free()).toBe(true);
    const codes = new Uint8Array(new SharedArrayBuffer(4));
    twin.start(codes, 3);
    expect(sent).toEqual([{ kind: 'pass', id: 1, codes, groups: 3 }]);
    // one cell, 5 s, 1 ended: step 5 from 0, (4 << 3) | (1 << 1) = 34
    const tally = packTally({ times: Uint32Array.of(5), ended: Uint32Array.of(1), waiting: Uint32Array.of(0) });
    expect([...tally.bytes]).toEqual([34]);
    // an answer to another request (one given up on) is passed over, not taken for this one
    port2.postMessage({ id: 7, kind: 'tallies', tallies: [] });
    port2.postMessage({ id: 1, kind: 'tallies', tallies: [tally] });
    Atomics.add(control, 0, 2);
    // the message made a plain object of it: a PackedTally again, unpacking to the cell sent
    const [got] = twin.finish()!;
    expect(got).toBeInstanceOf(PackedTally);
    expect([...got!.bytes]).toEqual([34]);
    expect([got!.cells, got!.ended, got!.waiting, got!.last]).toEqual([1, 1, 0, 5]);
    expect([...got!.unpack().times]).toEqual([5]);
    expect(twin.passes).toBe(1);
    // no answer: given up after the deadline (50 ms here), and not asked again
    twin.start(codes, 3);
    const t0 = performance.now();
    expect(twin.finish()).toBeNull();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
    expect(twin.free()).toBe(false);
    twin.stop();
    port2.close();
  });

  it('a helper that never starts: resolution is sorted here after two seconds at most; one seen to stop: not waited for at all', () => {
    const { port1 } = new MessageChannel();
    const control = new Int32Array(new SharedArrayBuffer(12));
    const twin = new HelperTwin({ postMessage: () => {} } as unknown as Worker, port1, control, 0, 60_000, receiveMessageOnPort);
    const t0 = performance.now();
    expect(twin.sorted()).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(6_000);
    expect(twin.free()).toBe(false);
    twin.stop();
    const started = new Int32Array(new SharedArrayBuffer(12));
    Atomics.store(started, 2, 1);
    const lost = new HelperTwin({ postMessage: () => {} } as unknown as Worker, new MessageChannel().port1, started, 0, 60_000, receiveMessageOnPort);
    lost.lost(); // its exit was seen (between measure and judge)
    const t1 = performance.now();
    expect(lost.sorted()).toBeUndefined();
    expect(performance.now() - t1).toBeLessThan(500);
    lost.stop();
  });
});

describe('the columns the helper reads where they are', () => {
  it('stay in shared memory when the table is trimmed to size, with their values', () => {
    const builder = new TicketTableBuilder(1024); // room for 1,024: three rows are trimmed, not viewed
    [0, 60, 120].forEach((at, k) => builder.add(ticketRow({ id: `T${k}`, customerId: `C${k % 2}`, channel: 'phone', createdAt: 1_700_000_000 + at, line: k + 2 })));
    const table = builder.build();
    expect(table.customer.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(table.createdAt.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(table.customer)).toEqual([0, 1, 0]);
    expect(Array.from(table.createdAt)).toEqual([1_700_000_000, 1_700_000_060, 1_700_000_120]);
    expect(table.customer.buffer.byteLength).toBe(12);
  });
});

describe('within-cell percentile ranks (by hand)', () => {
  it('rank / (m + 1) inside each cell of at least 5; NaN in smaller cells', () => {
    // cell 0: 10, 30, 20, 20, 50 → ranks 1, 4, 2.5, 2.5, 5 of m = 5 → / 6
    // cell 1: 5, 4, 3, 2, 1 → ranks 5, 4, 3, 2, 1 → / 6
    // cell 2: two values, below the 5 a cell needs → NaN
    const cells = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 2, 2];
    const x = Float64Array.from([10, 5, 30, 4, 20, 3, 20, 2, 50, 1, 7, 8]);
    const out = Array.from(withinCellPercentiles(cells, 3, x));
    const expected = [1, 5, 4, 4, 2.5, 3, 2.5, 2, 5, 1].map((r) => r / 6);
    out.slice(0, 10).forEach((v, k) => expect(v).toBeCloseTo(expected[k]!, 12));
    expect(out.slice(10).every(Number.isNaN)).toBe(true);
  });

  it('like for like reads the relation inside the cells, not across them', () => {
    // Two cells of 5. Inside each, the more followers the faster the answer; across cells the
    // big accounts sit in the slow cell. Raw, the cells win (rho > 0); like for like, the
    // percentile ranks are 1/6..5/6 in both cells with seconds reversed: exactly -1.
    const followers = Float64Array.from([1, 2, 3, 4, 5, 101, 102, 103, 104, 105]);
    const seconds = Float64Array.from([50, 40, 30, 20, 10, 500, 400, 300, 200, 100]);
    const code = Uint8Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    const { raw, adjusted } = followerCorrelation({ followers, seconds, answered: new Uint8Array(10).fill(1), cells: { code, count: 2 } });
    // raw: ranks of followers 1..10; of seconds 5,4,3,2,1,10,9,8,7,6: d = -4,-2,0,2,4,-4,-2,0,2,4,
    // Σd² = 2·(16+4+0+4+16) = 80; rho = 1 − 6·80/(10·99) = 1 − 480/990 = 0.515151…
    expect(raw.rho).toBeCloseTo(1 - 480 / 990, 12);
    expect(adjusted!.rho).toBeCloseTo(-1, 12);
    expect(adjusted!.n).toBe(10);
  });

  it('like for like ranks the unanswered within their cell as still waiting', () => {
    // One cell of 5 (followers 1..5). Answered after 10, 20, 30 s; the tickets of 4 and 5
    // followers unanswered at ages 15 and 25 s. Gehan scores (certainly shorter − certainly
    // longer): 10 → 0 − 2 − 2 = −4; 20 → 1 − 1 − 1 = −1; 30 → 2 − 0 − 0 = 2; waiting 15 → 1
    // (the answer at 10); waiting 25 → 2. Midranks (U + 6) / 2: 1, 2.5, 4, 3.5, 4; percentiles
    // over 6. Followers' percentiles 1/6..5/6. Spearman then ranks both: x = 1..5,
    // y = 1, 2, 4.5, 3, 4.5; d = 0, 0, −1.5, 1, 0.5: Pearson of the ranks by hand,
    // Σ(x−3)(y−3) = (−2)(−2) + (−1)(−1) + 0 + (1)(0) + (2)(1.5) = 8; Σ(x−3)² = 10;
    // Σ(y−3)² = 4 + 1 + 2.25 + 0 + 2.25 = 9.5; rho = 8 / √95.
    const followers = Float64Array.from([1, 2, 3, 4, 5]);
    const seconds = Float64Array.from([10, 20, 30, 15, 25]);
    const answered = Uint8Array.from([1, 1, 1, 0, 0]);
    const { raw, adjusted } = followerCorrelation({ followers, seconds, answered, cells: { code: new Uint8Array(5), count: 1 } });
    expect(adjusted!.rho).toBeCloseTo(8 / Math.sqrt(95), 12);
    expect(raw.rho).toBeCloseTo(8 / Math.sqrt(95), 12);
    expect(raw.n).toBe(5);
  });

  it('the rho is Spearman\'s on the order of the Gehan scores, not a Pearson correlation of the scores (found by a review)', () => {
    // Followers 1..5; answered after 5, 10 and 10 s; waiting at 7 and 3 s. Gehan midranks:
    // 1.5, 3.5, 3.5 (the waiting 7 s: only the 5 s answer is certainly shorter), 3 (the waiting
    // 3 s: none), 3.5. Ranked again: 1, 4, 4, 2, 4. Pearson of x = 1..5 with them by hand:
    // Σ(x−3)(y−3) = 4 − 1 + 0 − 1 + 2 = 4, Σ(x−3)² = 10, Σ(y−3)² = 4 + 1 + 1 + 1 + 1 = 8:
    // rho = 4/√80 = 0.4472 (a Pearson correlation of the midranks themselves would be 0.639).
    const { raw, answered } = followerCorrelation({
      followers: Float64Array.from([1, 2, 3, 4, 5]),
      seconds: Float64Array.from([5, 10, 7, 3, 10]),
      answered: Uint8Array.from([1, 1, 0, 0, 1]),
      cells: null,
    });
    expect(raw.rho).toBeCloseTo(4 / Math.sqrt(80), 12);
    expect(answered).toBe(3);
  });
});
