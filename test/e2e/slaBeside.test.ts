/**
 * A median one second past its SLA target is never written as the target (fixtures/sla): the
 * channel table of every human format writes the email medians as `1h 0m 1s` and `1d 0h 0m 1s`
 * beside targets of 1h and 1d, where the short form `1h` would read as the target met at the
 * median while 3 of 5 tickets breached it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runParity } from '../helpers/exec.js';

const args = ['audit', fixture('sla', 'at-target.csv'), '-c', fixture('sla', 'sla.config.json'), '--as-of', '2026-10-03T00:00:00Z', '--no-color'];

describe('durations beside an SLA target (end to end)', () => {
  it('the JSON has the medians worked by hand and the SLA counts', async () => {
    const r = await runParity([...args, '--format', 'json']);
    expect(r.code).toBe(0);
    const email = JSON.parse(r.stdout).channels.find((c: { channel: string }) => c.channel === 'email');
    // first responses 50m 50m 1h0m1s 1h0m1s 1h0m1s: median 3,601 s; 2 within 1h, 3 past it
    expect(email.firstResponse.median).toBe(3601);
    expect(email.resolution.median).toBe(86_401);
    expect(email.sla.firstResponse).toMatchObject({ target: 3600, met: 2, breached: 3 });
    expect(email.sla.resolution).toMatchObject({ target: 86_400, met: 0, breached: 5 });
  });

  it('the terminal table writes them down to the second, the phone row stays short', async () => {
    const r = await runParity(args);
    expect(r.code).toBe(0);
    const email = r.stdout.split('\n').find((l) => l.includes('│ email'))!;
    expect(email).toContain('1h 0m 1s (50m–1h 0m 1s)');
    expect(email).toContain('1d 0h 0m 1s (1d 0h 0m 1s–1d 0h 0m 1s)');
    expect(email).not.toMatch(/│ 1h │|│ 1h \(/);
    expect(r.stdout.split('\n').find((l) => l.includes('│ phone'))!).toContain('30m (30m–30m)');
  });

  it('Markdown and HTML write the same', async () => {
    const md = await runParity([...args, '--format', 'markdown']);
    expect(md.stdout).toContain('| email | 5 | 100% | 1h 0m 1s | 50m–1h 0m 1s | 1h 0m 1s |');
    expect(md.stdout).toContain('- email: first response 1h 0m 1s,');
    const html = await runParity([...args, '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('1h 0m 1s');
    expect(html.stdout).toContain('1d 0h 0m 1s');
  });

  it("the findings' sentences and evidence, the reference's sentence and the HTML tile write the same (found by a review)", async () => {
    const md = await runParity([...args, '--format', 'markdown', '--reference', 'email']);
    expect(md.stdout).toContain('- email (the reference) waited 1h 0m 1s for a first response and 1d 0h 0m 1s for resolution');
    expect(md.stdout).toContain('medians phone 30m vs email 1h 0m 1s; answered phone 100%, email 100%; answered-only medians phone 30m, email 1h 0m 1s');
    const html = await runParity([...args, '--format', 'html', '--reference', 'email']);
    expect(html.stdout).toContain('<div class="value">1h 0m 1s</div><div class="label">email first response (median)');
    // judged with 5 tickets a group (minSample 5), the finding's sentence gives the medians
    const dir = mkdtempSync(join(tmpdir(), 'parity-sla-'));
    const config = join(dir, 'sla.json');
    writeFileSync(config, JSON.stringify({ minSample: 5, sla: { firstResponse: { default: '1h' }, resolution: { default: '1d' } } }));
    const judged = await runParity(['audit', fixture('sla', 'at-target.csv'), '-c', config, '--as-of', '2026-10-03T00:00:00Z', '--no-color']);
    expect(judged.stdout).toContain('median time to first response 1h 0m 1s vs 30m');
    expect(judged.stdout).toContain('median resolution 1d 0h 0m 1s vs 1d');
  });

  it("the report's trend table and trend chart write the period's medians the same (found by an attack)", async () => {
    const report = ['report', fixture('sla', 'at-target.csv'), '-c', fixture('sla', 'sla.config.json'), '--month', '2026-10', '--as-of', '2026-10-03T00:00:00Z'];
    const md = await runParity([...report, '--format', 'markdown']);
    expect(md.code).toBe(0);
    const trend = md.stdout.slice(md.stdout.indexOf('## Trend'));
    // the one period (October, to date) is the audit: email 3,601 s and 86,401 s beside 1h and 1d
    expect(trend).toContain('| 1h 0m 1s (n=5, too few) |');
    expect(trend).toContain('| 1d 0h 0m 1s (n=5, too few) |');
    expect(trend).not.toMatch(/\| 1h \(/);
    const html = await runParity([...report, '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('email, 2026-10: median 1h 0m 1s');
    expect(html.stdout).not.toContain('email, 2026-10: median 1h (');
  });
});
