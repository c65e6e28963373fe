// The count table's CSV and NDJSON writers (parity counts) write each series' text once and its
// cells by hand; their bytes must equal what csv-stringify and JSON.stringify make of the flat
// rows (independent references), for text that needs quoting, formula guards or redaction.
import { stringify } from 'csv-stringify/sync';
import { describe, expect, test } from 'vitest';
import { countsCsv, countsCsvChunks, countsNdjson } from '../../src/commands/counts.js';
import { flattenCounts, unflattenCounts, type FlatCountRow } from '../../src/measure/counts.js';
import { neutraliseReversibly } from '../../src/text/csvSafe.js';
import { redactFreeText } from '../../src/render/redact.js';

const HOSTILE = ['=1+1', 'a,b', 'say "hi"', 'line\nbreak', "'=x", '-3', '+', ' @sum', 'cr\rhere', 'plain', '＝cmd', 'ana@example.com'];

function row(group: string, category: string | null, priority: string | null, seconds: number, ended: number, waiting: number, metric: FlatCountRow['metric'] = 'firstResponse'): FlatCountRow {
  return { dimension: 'bandChannel', group, category, priority, metric, seconds, ended, waiting };
}

/** A table with hostile group/category/priority text, and counts past 32 bits. */
function hostileTable() {
  const rows: FlatCountRow[] = [
    // a whole table: 12 texts × 4 tickets (each cell's durations, 1 + 2 + 1, within its tickets)
    { dimension: 'meta', group: 'tickets', category: null, priority: null, metric: null, seconds: null, ended: 48, waiting: 0 },
    { dimension: 'meta', group: 'asOf', category: null, priority: null, metric: null, seconds: 1_790_000_000, ended: 0, waiting: 0 },
    { dimension: 'meta', group: 'note', category: 'a note, with "quotes" and =formula', priority: null, metric: null, seconds: 0, ended: 0, waiting: 0 },
    // the raw channel value the 48 tickets had, itself hostile
    { dimension: 'rawChannel', group: '=HYPERLINK("x")', category: 'phone', priority: null, metric: null, seconds: null, ended: 48, waiting: 0 },
  ];
  HOSTILE.forEach((text, k) => {
    // the hostile text as the band of a group (its channel is one parity knows: a count table
    // naming another channel is refused), as the category and as the priority
    rows.push(row(`${text} / phone`, text, HOSTILE[(k + 1) % HOSTILE.length] as string, 5 + k, 1, 0));
    rows.push(row(`${text} / phone`, text, HOSTILE[(k + 1) % HOSTILE.length] as string, 4_294_967_296 + k, 2, 1));
    rows.push(row(`${text} / phone`, text, HOSTILE[(k + 1) % HOSTILE.length] as string, 0, 4, 0, 'tickets'));
  });
  return unflattenCounts(rows);
}

describe('count table writers', () => {
  const table = hostileTable();

  test('CSV: the same bytes as csv-stringify of the flat rows, every cell through the reversible formula guard', () => {
    const flat = flattenCounts(table);
    const columns = ['dimension', 'group', 'category', 'priority', 'metric', 'seconds', 'ended', 'waiting'] as const;
    const expected =
      'dimension,group,category,priority,metric,seconds,ended,waiting\n' +
      'meta,csv,formula-like cells start with an added apostrophe,,,,0,0\n' +
      stringify(flat.map((r) => columns.map((c) => neutraliseReversibly(String(r[c] ?? '')))));
    const written = countsCsv(table);
    expect(written).toBe(expected);
    // spot checks by hand: quoted and guarded text, a count past 32 bits
    expect(written).toContain(`bandChannel,'=1+1 / phone,'=1+1,"a,b",firstResponse,5,1,0\n`);
    expect(written).toContain(`bandChannel,"line\nbreak / phone","line\nbreak",''=x,firstResponse,8,1,0\n`);
    expect(written).toContain(`bandChannel,"cr\rhere / phone","cr\rhere",plain,firstResponse,13,1,0\n`);
    expect(written).toContain(`bandChannel,'=1+1 / phone,'=1+1,"a,b",firstResponse,4294967296,2,1\n`);
    expect(written).toContain(`rawChannel,"'=HYPERLINK(""x"")",phone,,,,48,0\n`);
  });

  test('NDJSON: one JSON.stringify of each flat row per line', () => {
    const expected = flattenCounts(table).map((r) => `${JSON.stringify(r)}\n`).join('');
    expect([...countsNdjson(table)].join('')).toBe(expected);
  });

  test('redacted: group, category and priority text pseudonymised in both forms, as the row-by-row path did', () => {
    const redacted = flattenCounts(table).map((r) => ({
      ...r,
      group: r.group === null ? null : redactFreeText(r.group),
      category: r.category === null ? null : redactFreeText(r.category),
      priority: r.priority === null ? null : redactFreeText(r.priority),
    }));
    expect([...countsNdjson(table, true)].join('')).toBe(redacted.map((r) => `${JSON.stringify(r)}\n`).join(''));
    const csv = [...countsCsvChunks(table, true)].join('');
    expect(csv).not.toContain('ana@example.com');
    expect(csv.split('\n').length).toBe(countsCsv(table).split('\n').length);
  });

  test('a table of more than one chunk (10,000 cells a chunk) is written whole, in order', () => {
    const rows: FlatCountRow[] = [
      { dimension: 'meta', group: 'tickets', category: null, priority: null, metric: null, seconds: null, ended: 25_000, waiting: 0 },
      { dimension: 'meta', group: 'asOf', category: null, priority: null, metric: null, seconds: 1_790_000_000, ended: 0, waiting: 0 },
      { dimension: 'rawChannel', group: 'Phone', category: 'phone', priority: null, metric: null, seconds: null, ended: 25_000, waiting: 0 },
    ];
    for (let k = 0; k < 25_000; k++) rows.push(row('<1k / phone', 'Billing', 'high', k, 1, 0));
    rows.push(row('<1k / phone', 'Billing', 'high', 0, 25_000, 0, 'tickets')); // a whole table: its 25,000 tickets
    const big = unflattenCounts(rows);
    const chunks = [...countsCsvChunks(big)];
    expect(chunks.length).toBeGreaterThan(3);
    const lines = chunks.join('').split('\n');
    const first = lines.indexOf('bandChannel,<1k / phone,Billing,high,firstResponse,0,1,0');
    expect(lines.slice(first, first + 3)).toEqual(['bandChannel,<1k / phone,Billing,high,firstResponse,0,1,0', 'bandChannel,<1k / phone,Billing,high,firstResponse,1,1,0', 'bandChannel,<1k / phone,Billing,high,firstResponse,2,1,0']);
    expect(lines.length - 1 - first).toBe(25_001); // every cell once, after the header facts, then the tickets row
    expect(lines[lines.length - 3]).toBe('bandChannel,<1k / phone,Billing,high,firstResponse,24999,1,0');
    expect(lines[lines.length - 2]).toBe('bandChannel,<1k / phone,Billing,high,tickets,0,25000,0');
  });
});
