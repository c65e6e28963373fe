// JSON API pages that are not the whole result (found by an attack: one page of a Zendesk result
// of 2,500 tickets was audited as the export, two tickets, without a word).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pageOf } from '../../src/read/ndjson.js';
import { auditFiles } from '../helpers/audit.js';
import { runParity } from '../helpers/exec.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-pages-'));
function page(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}
const ticket = (id: number, channel: string) => ({ id, via: { channel }, created_at: '2026-10-01T10:00:00Z', updated_at: '2026-10-01T10:00:00Z' });

describe('what a page says of the pages after it', () => {
  test('by the keys helpdesk APIs page with', () => {
    const tickets = [ticket(1, 'email')];
    expect(pageOf({ tickets, next_page: 'https://x.zendesk.com/api/v2/tickets.json?page=2', count: 2500 })).toEqual({ more: '"next_page"', total: { value: 2500, key: 'count' }, records: 1 });
    expect(pageOf({ tickets, next_page: null, count: 1 })).toEqual({ more: null, total: null, records: 1 });
    // Zendesk's incremental export sets next_page on its last page too: end_of_stream decides; its count is the page's own
    expect(pageOf({ tickets, next_page: 'https://x/incremental?start_time=1', end_of_stream: true, count: 1 })?.more).toBeNull();
    expect(pageOf({ tickets, next_page: 'https://x/incremental?start_time=1', end_of_stream: false, count: 1 })?.more).toBe('"end_of_stream": false');
    expect(pageOf({ tickets, meta: { has_more: true }, links: { next: 'https://x' } })?.more).toBe('"meta.has_more": true');
    expect(pageOf({ tickets, meta: { has_more: false }, links: { next: 'https://x' } })?.more).toBeNull();
    expect(pageOf({ results: tickets, paging: { next: { after: '2' } } })?.more).toBe('"paging.next"');
    expect(pageOf({ _embedded: { conversations: tickets }, _links: { next: { href: 'https://x' } }, page: { number: 1 } })?.more).toBe('"_links.next"');
    expect(pageOf({ type: 'conversation.list', conversations: tickets, pages: { next: null }, total_count: 1 })).toEqual({ more: null, total: null, records: 1 });
    // a record, or an array of them, is no page
    expect(pageOf(ticket(1, 'email'))).toBeNull();
    expect(pageOf([ticket(1, 'email')])).toBeNull();
  });
});

describe('an audit of API pages', () => {
  test('one page of many: said in the report and on stderr, with the counts', async () => {
    const path = page('page1.json', { tickets: [ticket(1, 'email'), ticket(2, 'voice')], next_page: 'https://x.zendesk.com/api/v2/tickets.json?page=2', count: 2500 });
    const report = await auditFiles([path], { asOf: '2026-10-05T00:00:00Z' }, { minSample: 1 });
    expect(report.input.notes.filter((n) => /API (result|pages)/.test(n))).toEqual([
      `${path} is one page of an API result, and the page says more pages follow ("next_page"): only the 2 records of the pages given are audited; fetch every page (until the last, which says none follows) and give them all, in one file or several`,
      'the API pages count 2,500 records in the whole result ("count"), and the pages given hold 2: the audit is of those 2 only',
    ]);
    const run = await runParity(['audit', path, '--as-of', '2026-10-05T00:00:00Z']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('is one page of an API result');
  });

  test('every page given, the last among them saying none follows, in any order: nothing to say', async () => {
    const first = page('p1.json', { tickets: [ticket(1, 'email'), ticket(2, 'voice')], next_page: 'https://x/tickets.json?page=2', count: 3 });
    const last = page('p2.json', { tickets: [ticket(3, 'email')], next_page: null, count: 3 });
    for (const files of [[first, last], [last, first]]) {
      const report = await auditFiles(files, { asOf: '2026-10-05T00:00:00Z' }, { minSample: 1 });
      expect(report.input.tickets).toBe(3);
      expect(report.input.notes.filter((n) => /API (result|pages)/.test(n))).toEqual([]);
    }
  });

  test('pages one per line (NDJSON), the last saying none follows: nothing to say; without it, said', async () => {
    const lines = (pages: unknown[]): string => {
      const path = join(dir, `lines-${pages.length}.ndjson`);
      writeFileSync(path, pages.map((p) => JSON.stringify(p)).join('\n'));
      return path;
    };
    const p1 = { tickets: [ticket(1, 'email')], next_page: 'https://x?page=2' };
    const p2 = { tickets: [ticket(2, 'email')], next_page: 'https://x?page=3' };
    const p3 = { tickets: [ticket(3, 'voice')], next_page: null };
    const whole = await auditFiles([lines([p1, p2, p3])], { asOf: '2026-10-05T00:00:00Z' }, { minSample: 1 });
    expect(whole.input.notes.filter((n) => /API (result|pages)/.test(n))).toEqual([]);
    // newest first: the last page among the first lines (a review)
    const reversed = await auditFiles([lines([p3, p2, p1, p3])], { asOf: '2026-10-05T00:00:00Z' }, { minSample: 1 });
    expect(reversed.input.notes.filter((n) => /API (result|pages)/.test(n))).toEqual([]);
    // one record: said in the singular (the review of the whole change)
    const single = await auditFiles([lines([p1])], { asOf: '2026-10-05T00:00:00Z' }, { minSample: 1 });
    expect(single.input.notes.filter((n) => /API (result|pages)/.test(n))).toEqual([expect.stringContaining('is one page of an API result, and the page says more pages follow ("next_page"): only the 1 record of the pages given is audited')]);
    const part = await auditFiles([lines([p1, p2])], { asOf: '2026-10-05T00:00:00Z' }, { minSample: 1 });
    expect(part.input.notes.filter((n) => /API (result|pages)/.test(n))).toEqual([expect.stringContaining('holds 2 pages of an API result, and the last says more pages follow ("next_page"): only the 2 records')]);
  });
});
