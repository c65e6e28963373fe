/**
 * Title lines above a CSV's header through DuckDB. A file audit passes over a title of one cell
 * (`Zendesk export`) and one of two or more (`Ticket report,November 2026,,,`, as a sheet with
 * its title in two cells saves) and notes them; DuckDB's own sniffer passes over the first kind
 * silently and took the second for the header ("no ticketId, channel, createdAt column", exit 2).
 * Now parity's reader finds the header first and DuckDB reads from there: the same numbers and
 * the same note either way.
 *
 * The plant (minutes to first response, every ticket answered):
 *   phone: 60, 120, 180 → median 120 min = 7,200 s
 *   email: 30, 60, 90, 150 → median (60 + 90) / 2 = 75 min = 4,500 s
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParity } from '../helpers/exec.js';

// (the reference channel, phone, is listed first)

const dir = mkdtempSync(join(tmpdir(), 'parity-duck-title-'));

function body(): string {
  const rows = ['ticket_id,channel,created_at,first_response_at,category'];
  const plant: Array<[string, number]> = [['phone', 60], ['phone', 120], ['phone', 180], ['email', 30], ['email', 60], ['email', 90], ['email', 150]];
  plant.forEach(([channel, minutes], k) => {
    const created = Date.UTC(2026, 9, 1, 9) + k * 3_600_000;
    const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    rows.push(`T${k},${channel},${iso(created)},${iso(created + minutes * 60_000)},Billing`);
  });
  return `${rows.join('\n')}\n`;
}

async function both(file: string): Promise<Array<{ input: { rowsRead: number; tickets: number; notes: string[] }; channels: Array<{ channel: string; tickets: number; firstResponse: { median: number } }> }>> {
  const out = [];
  for (const engine of [[], ['--engine', 'duckdb']]) {
    const r = await runParity(['audit', file, '--no-config', '--format', 'json', ...engine]);
    expect(r.code, r.stderr).toBe(0);
    out.push(JSON.parse(r.stdout));
  }
  return out;
}

describe('title lines above the header, through DuckDB as in-process', () => {
  it.each([
    ['two cells', 'Ticket report,November 2026,,,\n', '"Ticket report November 2026"'],
    ['one cell', 'Zendesk export\n', '"Zendesk export"'],
  ])('a title of %s: the same medians, the title no ticket, and the note', async (_kind, title, quoted) => {
    const file = join(dir, `title-${title.length}.csv`);
    writeFileSync(file, title + body());
    for (const report of await both(file)) {
      expect(report.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median])).toEqual([
        ['phone', 3, 7_200],
        ['email', 4, 4_500],
      ]);
      expect(report.input.tickets).toBe(7);
      expect(report.input.notes).toContain(`${file}: line 1 above the header (${quoted}) passed over: a title or Excel's sep= line, not a ticket`);
    }
  });

  it('a file without a title is read as before: no note, the same medians', async () => {
    const file = join(dir, 'plain.csv');
    writeFileSync(file, body());
    for (const report of await both(file)) {
      expect(report.channels.map((c) => [c.channel, c.firstResponse.median])).toEqual([
        ['phone', 7_200],
        ['email', 4_500],
      ]);
      expect(report.input.notes.some((n) => n.includes('above the header'))).toBe(false);
    }
  });
});
