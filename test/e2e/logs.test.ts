/**
 * Event logs (tweet conversations, ServiceNow incident events) answer "how fast was this group
 * served" like any export: the default as-of time is the latest time of any event (a follow-up,
 * an update), and a log that can tell an answer (ServiceNow with update times) measures first
 * response even when nobody has been answered yet. Found by an independent attack; values by hand.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParity } from '../helpers/exec.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-logs-'));

interface Json {
  period: { asOf: string };
  channels: Array<{ channel: string; firstResponse: { n: number; median: number | null; bound: string | null } }>;
  input: { notes: string[] };
}

async function audit(file: string, format: string): Promise<Json> {
  const r = await runParity(['audit', file, '--input-format', format, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

const SN_HEADER = 'number,incident_state,sys_mod_count,opened_at,sys_updated_at,contact_type';

describe('ServiceNow event logs', () => {
  it('an incident still New is waiting, not unmeasured: its last update at 12:00 is the as-of time, and it has waited at least 3 h', async () => {
    const file = join(dir, 'new.csv');
    writeFileSync(file, [SN_HEADER, 'INC1,New,0,2026-07-01T09:00:00Z,2026-07-01T09:05:00Z,Phone', 'INC1,New,1,2026-07-01T09:00:00Z,2026-07-01T12:00:00Z,Phone'].join('\n') + '\n');
    const r = await audit(file, 'servicenow');
    expect(r.period.asOf).toBe('2026-07-01T12:00:00.000Z');
    // one incident, never answered, 09:00 → 12:00: a wait of 10,800 s, more than half waiting: a bound
    expect(r.channels).toEqual([expect.objectContaining({ channel: 'phone', firstResponse: expect.objectContaining({ n: 1, median: 10_800, bound: 'lower' }) })]);
    expect(r.input.notes.join(' ')).not.toContain('first response is not measured');
  });

  it("a later event of a waiting incident makes the export that old: INC2's update at 18:00", async () => {
    const file = join(dir, 'later.csv');
    writeFileSync(
      file,
      [
        SN_HEADER,
        'INC1,New,0,2026-07-01T09:00:00Z,2026-07-01T09:05:00Z,Phone',
        'INC1,Active,1,2026-07-01T09:00:00Z,2026-07-01T09:30:00Z,Phone',
        'INC2,New,0,2026-07-01T09:00:00Z,2026-07-01T18:00:00Z,Phone',
      ].join('\n') + '\n',
    );
    const r = await audit(file, 'servicenow');
    expect(r.period.asOf).toBe('2026-07-01T18:00:00.000Z');
    // INC1 answered after 30 min (1,800 s); INC2 still New after 9 h (32,400 s): exactly half
    // waiting, a lower bound, the observed median (1,800 + 32,400) / 2 = 17,100 s
    expect(r.channels[0]?.firstResponse).toMatchObject({ n: 2, median: 17_100, bound: 'lower' });
  });
});

/**
 * A tweet log in `dir`: customer 501's tweet 1 (15:00) answered by tweet 2 (15:30), customer
 * 502's tweet 3 (16:00) unanswered, and 501's follow-up tweet 4 (line 5), created at `followUp`.
 */
function tweetLog(name: string, followUp: string): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    [
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
      '1,501,True,Wed Jul 01 15:00:00 +0000 2026,@BrandCo my order never arrived,2,',
      '2,BrandCo,False,Wed Jul 01 15:30:00 +0000 2026,@501 Sorry! DM us,4,1',
      '3,502,True,Wed Jul 01 16:00:00 +0000 2026,@BrandCo hello?,,',
      `4,501,True,${followUp},@BrandCo done,,2`,
    ].join('\n') + '\n',
  );
  return file;
}

describe('tweet conversation logs', () => {
  it("a customer's follow-up after the answer is the export's latest time: tweet 4 at 16:01", async () => {
    const r = await audit(tweetLog('tweets.csv', 'Wed Jul 01 16:01:00 +0000 2026'), 'tweets');
    expect(r.period.asOf).toBe('2026-07-01T16:01:00.000Z');
    // conversation 1 answered after 30 min; tweet 3 unanswered, waiting 60 s at 16:01
    expect(r.channels[0]?.firstResponse.n).toBe(2);
  });

  it('a mistyped year in a follow-up is named at its own line, where the as-of note sends the user to fix it', async () => {
    const file = tweetLog('future.csv', 'Sat Jul 01 16:01:00 +0000 2062');
    const r = await runParity(['audit', file, '--input-format', 'tweets', '--format', 'json']);
    // tweet 4 is on line 5 (the header is line 1)
    expect(r.stderr).toContain(`the as-of time is the latest timestamp in the data, 2062-07-01T16:01:00Z (${file}:5`);
  });
});
