/**
 * --redact with --by on a field that holds customers: the group values are customer ids (or
 * e-mail addresses) and must not appear anywhere in any output — not in the by section, not in
 * the findings' sentences, and not in keys (a finding's per-group counts are keyed by group).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runParity } from '../helpers/exec.js';

describe('--redact covers --by values', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-redact-by-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // 40 tickets per customer: jane answered in 10 min, bob in 2 h (a significant difference)
  const rows = ['ticket_id,channel,created_at,first_response_at,customer_email,customer_id'];
  for (let i = 0; i < 80; i++) {
    const jane = i % 2 === 0;
    const created = Date.UTC(2026, 9, 1) + i * 3_600_000;
    const answered = created + (jane ? 600_000 : 7_200_000) + (i % 7) * 1000;
    rows.push(`T${i},email,${new Date(created).toISOString()},${new Date(answered).toISOString()},${jane ? 'jane.doe@example.com' : 'bob@example.org'},${jane ? 'C7' : 'C9'}`);
  }
  const file = join(dir, 'customers.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  const config = join(dir, 'min.json');
  writeFileSync(config, JSON.stringify({ minSample: 20 }));

  it('by an e-mail column: no address in JSON, Markdown, HTML, CSV or the table, keys included', async () => {
    for (const format of ['json', 'markdown', 'html', 'csv', 'table']) {
      const r = await runParity(['audit', file, '-c', config, '--by', 'customer_email', '--redact', '--format', format]);
      expect(r.code, `${format}: ${r.stderr}`).toBe(0);
      expect(r.stdout, format).not.toMatch(/jane\.doe|bob@example/);
    }
    const report = JSON.parse((await runParity(['audit', file, '-c', config, '--by', 'customer_email', '--redact', '--format', 'json'])).stdout) as {
      by: { groups: Array<{ value: string }> };
      findings: Array<{ kind: string; significant: boolean }>;
    };
    expect(report.by.groups.map((g) => g.value).every((v) => /^(email|customer)-[0-9a-f]{8}$/.test(v))).toBe(true);
    expect(report.findings.some((f) => f.kind === 'group-preference' && f.significant)).toBe(true); // the keyed details exist
  });

  it('by a short customer id column: the ids are pseudonymised where they stand', async () => {
    const r = await runParity(['audit', file, '-c', config, '--by', 'customer_id', '--redact', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { by: { reference: string; groups: Array<{ value: string }> }; findings: Array<{ kind: string; subject: string; against?: string }> };
    expect(report.by.groups.map((g) => g.value).sort()).toEqual(['C7', 'C9'].map(() => expect.stringMatching(/^customer-[0-9a-f]{8}$/)));
    expect(report.by.reference).toMatch(/^customer-[0-9a-f]{8}$/);
    for (const f of report.findings.filter((x) => x.kind === 'group-preference')) expect(`${f.subject} ${f.against ?? ''}`).not.toMatch(/\bC[79]\b/);
    // short ids are not searched for in free text, so the values are pseudonyms before any sentence is written
    const markdown = await runParity(['audit', file, '-c', config, '--by', 'customer_id', '--redact', '--format', 'markdown']);
    expect(markdown.stdout).not.toMatch(/\bC[79]\b/);
    expect(markdown.stdout).toMatch(/customer-[0-9a-f]{8}/);
  });

  it('parity tickets and parity counts: addresses and @handles in channel, category, priority and group values are redacted as the audit redacts them', async () => {
    const f = join(dir, 'text.csv');
    writeFileSync(f, 'ticket_id,customer_id,channel,created_at,category,priority,group\nT1,alice@example.com,bob@example.com,2026-10-01T09:00:00Z,carol@example.com,@dave,team @erin\n');
    for (const args of [['tickets', f], ['counts', f], ['counts', f, '--format', 'ndjson']]) {
      const plain = await runParity(args);
      expect(plain.stdout, args.join(' ')).toMatch(/carol@example\.com/); // the value is there without --redact
      const r = await runParity([...args, '--redact']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(/alice@|bob@|carol@|@dave|@erin/);
    }
  });

  it('parity tickets --by: the by value is pseudonymised', async () => {
    const r = await runParity(['tickets', file, '--by', 'customer_email', '--redact']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/jane\.doe|bob@example/);
    expect(r.stdout).toMatch(/customer-[0-9a-f]{8}/);
  });
});
