/**
 * Reading with a worker (load/readAhead.ts) gives exactly what reading on one thread gives: the
 * same report, the same rejected rows with their lines and values, the same notes, the same
 * errors. Files are generated (seeded) to cross many batches and the hand-over point, with what
 * the byte reader leaves to the string normaliser (bad dates, non-ASCII text, doubled quotes,
 * line breaks in quotes, bytes that are not UTF-8, ragged rows), duplicate ids, more distinct
 * statuses than the byte reader's column cache holds, CRLF and a byte-order mark.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { audit } from '../../../src/pipeline.js';
import { resolveSettings, type CommonFlags } from '../../../src/commands/options.js';
import { ReadAhead } from '../../../src/load/readAhead.js';
import type { RowIssue } from '../../../src/normalise/issues.js';
import { rng } from '../../../scripts/generate.mjs';

const dir = mkdtempSync(join(tmpdir(), 'parity-read-ahead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

interface Shape {
  rows: number;
  seed: number;
  crlf?: boolean;
  bom?: boolean;
  /** Ends inside an unclosed quote (an error at the last record). */
  unclosed?: boolean;
}

/** A generated export with every kind of row the two readers must agree on. */
function exportFile(name: string, shape: Shape): string {
  const rnd = rng(shape.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const eol = shape.crlf ? '\r\n' : '\n';
  const parts: Buffer[] = [];
  if (shape.bom) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
  parts.push(Buffer.from(['ticket_id,channel,created_at,first_response_at,resolved_at,status,priority,category,group,customer_id,followers,subject,region'].join(',') + eol));
  const base = Date.UTC(2026, 8, 1) / 1000;
  const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  for (let i = 0; i < shape.rows; i++) {
    const u = rnd();
    // duplicates, an empty id, an id written as an Excel text formula (`="T7"` is T7: read/excelText.ts)
    const id = u < 0.02 ? `T${Math.floor(rnd() * i)}` : u < 0.025 ? '' : u < 0.035 ? `="T${i}"` : `T${i}`;
    const channel = pick(['phone', 'email', 'Twitter', '"web"', 'chat', 'carrier pigeon', '', 'Téléphone', 'outbound']);
    const created = base + Math.floor(rnd() * 60 * 86400);
    const createdText = rnd() < 0.01 ? 'not a date' : rnd() < 0.05 ? iso(created).replace('Z', '+02:00') : rnd() < 0.03 ? iso(created).replace('Z', '.250Z') : iso(created);
    const first = rnd() < 0.2 ? '' : iso(created + Math.floor(rnd() * 86400) - (rnd() < 0.01 ? 90_000 : 0));
    const resolved = rnd() < 0.3 ? '' : iso(created + 86400 + Math.floor(rnd() * 10 * 86400));
    const status = rnd() < 0.15 ? `custom-${Math.floor(rnd() * 6000)}` : pick(['open', 'solved', 'closed', 'pending', 'Résolu']);
    const priority = pick(['low', 'high', 'urgent', '', '"normal"']);
    const category = pick(['billing', '"refund, partial"', '"says ""hi"""', '"multi\nline"', 'späť', '']);
    const group = pick(['Tier 1', 'Tier 2', '  padded  ', '']);
    const customer = rnd() < 0.01 ? `"=""C${Math.floor(rnd() * (shape.rows / 3))}"""` : `C${Math.floor(rnd() * (shape.rows / 3))}`;
    const followers = pick(['', '12', '150000', '1.5k', 'many', '0']);
    const subject = pick(['help', 'WHY IS THIS BROKEN!!!', '"quoted, with comma"', '"line\r\nbreak"', '"say ""now"""', 'naïve café', '']);
    const region = pick(['north', 'south', '', 'ost']);
    const fields = [id, channel, createdText, first, resolved, status, priority, category, group, customer, followers, subject, region];
    if (rnd() < 0.005) fields.pop(); // a ragged row
    const line = Buffer.from(fields.join(',') + eol);
    if (i > 2000 && rnd() < 0.003) {
      // a byte that is not UTF-8 in the subject (read as Windows-1252; past the first 64 KiB,
      // which decide the file's encoding)
      parts.push(Buffer.concat([Buffer.from(fields.slice(0, -2).join(',') + ',caf'), Buffer.from([0xe9]), Buffer.from(',north' + eol)]));
    } else parts.push(line);
  }
  if (shape.unclosed) parts.push(Buffer.from(`T-last,phone,${iso(base)},,,open,low,"never closed,x,y,z,1,s,north${eol}`));
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

interface Outcome {
  report: unknown;
  rejected: RowIssue[];
  error: string | null;
  workers: number;
}

async function run(files: string[], mode: 'always' | 'never', flags: CommonFlags = {}): Promise<Outcome> {
  const begin = vi.spyOn(ReadAhead.prototype, 'begin');
  const rejected: RowIssue[] = [];
  try {
    const settings = { ...resolveSettings(files, flags, {}, 'test'), generatedAt: null };
    const report = await audit(settings, { stdin: Readable.from([]), workers: mode, onReject: (issue) => rejected.push(issue) });
    return { report, rejected, error: null, workers: begin.mock.calls.length };
  } catch (error) {
    return { report: null, rejected, error: String(error) + JSON.stringify((error as { location?: unknown }).location ?? null), workers: begin.mock.calls.length };
  } finally {
    begin.mockRestore();
  }
}

async function expectSame(files: string[], flags: CommonFlags = {}): Promise<Outcome> {
  const one = await run(files, 'never', flags);
  const two = await run(files, 'always', flags);
  expect(one.workers).toBe(0);
  expect(two.workers).toBe(files.length); // the worker did read every file
  expect(two.error).toBe(one.error);
  expect(two.rejected).toEqual(one.rejected);
  expect(two.report).toEqual(one.report);
  return two;
}

describe('reading with a worker = reading on one thread', () => {
  it('a generated export of many batches: the same report, rejections (lines, values) and notes', async () => {
    const file = exportFile('mixed.csv', { rows: 30_000, seed: 1 });
    const out = await expectSame([file], { by: 'region' });
    // the file did exercise what it is for
    const rejected = out.rejected.map((r) => r.kind);
    expect(rejected).toContain('duplicate-id');
    expect(rejected).toContain('bad-created');
    expect((out.report as { input: { notes: string[] } }).input.notes.join(' ')).toMatch(/Windows-1252/);
    expect((out.report as { input: { notes: string[] } }).input.notes.join(' ')).toMatch(/values are written as Excel text formulas/);
    expect(out.rejected.length).toBeGreaterThan(600);
    expect((out.report as { input: { rowsRead: number } }).input.rowsRead).toBe(30_000);
  });

  it('CRLF with a byte-order mark, --duplicates last, two files', async () => {
    const a = exportFile('crlf-a.csv', { rows: 12_000, seed: 2, crlf: true, bom: true });
    const b = exportFile('crlf-b.csv', { rows: 9_000, seed: 3 });
    await expectSame([a, b], { duplicates: 'last' });
  });

  it('a quote never closed at the end: the same error at the same line', async () => {
    const file = exportFile('unclosed.csv', { rows: 10_000, seed: 4, unclosed: true });
    const out = await expectSame([file]);
    expect(out.error).toMatch(/a quoted field from this line on is never closed/);
  });
});
