/**
 * Decimal commas end to end: a semicolon export with `12,5`-style minutes and follower counts
 * (fixtures/decimal/semicolon-comma.csv), and one whose only values are `1,234`-like
 * (fixtures/decimal/ambiguous.csv), which must be refused rather than read ten or a thousand
 * times too large.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, runParity } from '../helpers/exec.js';

describe('decimal commas in a semicolon export', () => {
  it('reads 12,5 minutes as 750 seconds, not 125 minutes', async () => {
    const result = await runParity(['audit', fixture('decimal', 'semicolon-comma.csv'), '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { channels: Array<{ channel: string; firstResponse: { median: number } }>; followerBands: Array<{ band: string; tickets: number }> };
    // phone: 12,5 / 30,25 / 1.234,5 minutes = 750 / 1815 / 74070 s: median 1815
    expect(report.channels.find((c) => c.channel === 'phone')?.firstResponse.median).toBe(1815);
    // followers "1.500" = 1500 (1k-10k) and "15,6k" = 15600 (10k-100k)
    expect(report.followerBands.filter((b) => b.tickets > 0 && b.band !== 'unknown').map((b) => b.band)).toEqual(['1k-10k', '10k-100k']);
  });

  it('refuses an ambiguous column with the fix, and reads it once --decimal says how', async () => {
    const refused = await runParity(['audit', fixture('decimal', 'ambiguous.csv')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('first_response_minutes: "1,234" could be 1234 or 1.234');
    expect(refused.stderr).toContain('"decimal": ","');
    const told = await runParity(['audit', fixture('decimal', 'ambiguous.csv'), '--decimal', ',', '--format', 'json']);
    expect(told.code).toBe(0);
    // phone: 1,234 and 2,500 minutes = 74.04 and 150 s, in whole seconds 74 and 150
    const phone = (JSON.parse(told.stdout) as { channels: Array<{ channel: string; firstResponse: { median: number } }> }).channels.find((c) => c.channel === 'phone');
    // survival is exactly 0.5 between them, so the median is their midpoint (as R's survfit): 112 s
    expect(phone?.firstResponse.median).toBe(112);
  });
});

describe('clock text in a column of minutes (a call-centre export)', () => {
  it('reads 1:30 under first_response_minutes as a minute and a half; --engine duckdb refuses the column, naming it', async () => {
    const d = mkdtempSync(join(tmpdir(), 'parity-mmss-'));
    const file = join(d, 'calls.csv');
    writeFileSync(file, 'ticket_id,channel,created_at,first_response_minutes\nT1,phone,2026-10-01T09:00:00Z,1:30\nT2,phone,2026-10-01T10:00:00Z,2:00\nT3,phone,2026-10-01T11:00:00Z,3:30\nT4,email,2026-10-01T09:00:00Z,0:45\n');
    const result = await runParity(['audit', file, '--format', 'json']);
    expect(result.code).toBe(0);
    const channels = (JSON.parse(result.stdout) as { channels: Array<{ channel: string; firstResponse: { median: number } }> }).channels;
    // phone: 1:30, 2:00, 3:30 = 90, 120, 210 s: median 120 (as hours and minutes it would be 7,200)
    expect(channels.find((c) => c.channel === 'phone')?.firstResponse.median).toBe(120);
    expect(channels.find((c) => c.channel === 'email')?.firstResponse.median).toBe(45);
    // a column of clock text without a unit in its header is HH:MM[:SS], a plain 0 among it
    // included (found by an independent attack: one 0 had made the column seconds and 3:40 220 s):
    // 26:15, 3:40 and 0 = 94,500, 13,200 and 0 s, median 13,200
    const hours = join(d, 'hours.csv');
    writeFileSync(hours, 'ticket_id,channel,created_at,resolution_time,status\n1,email,2026-01-05T10:00:00Z,26:15,solved\n2,email,2026-01-05T11:00:00Z,3:40,solved\n3,email,2026-01-05T11:30:00Z,0,solved\n');
    const read = await runParity(['audit', hours, '--format', 'json']);
    expect(read.code).toBe(0);
    expect((JSON.parse(read.stdout) as { channels: Array<{ channel: string; resolution: { median: number } }> }).channels[0]?.resolution.median).toBe(13200);
    const engine = await runParity(['audit', file, '--engine', 'duckdb']);
    expect(engine.code).toBe(2);
    expect(engine.stderr).toContain('first_response_minutes: MM:SS durations cannot be read by a database query');
  });
});
