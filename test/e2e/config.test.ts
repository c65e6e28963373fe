/** Anything a flag sets can be set in the config file, and flags win. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, runParity } from '../helpers/exec.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-config-'));
function config(name: string, body: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(body));
  return file;
}

describe('config keys that mirror flags', () => {
  it('"redact": true pseudonymises customer ids like --redact', async () => {
    // fixtures/findings/jumps.csv: customers A, B, … jump from phone to Twitter; the jump
    // finding lists them under customerId
    const plain = await runParity(['audit', fixture('findings', 'jumps.csv'), '--format', 'json']);
    expect(plain.stdout).toMatch(/"customerId": "A"/);
    const viaConfig = await runParity(['audit', fixture('findings', 'jumps.csv'), '--format', 'json', '-c', config('redact.json', { redact: true })]);
    const viaFlag = await runParity(['audit', fixture('findings', 'jumps.csv'), '--format', 'json', '--redact']);
    expect(viaConfig.code).toBe(0);
    expect(viaConfig.stdout).not.toMatch(/"customerId": "A"/);
    expect(viaConfig.stdout).toMatch(/"customerId": "customer-[0-9a-f]{8}"/);
    expect(viaConfig.stdout).toBe(viaFlag.stdout);
  });

  it('"period" and "periods" choose the report\'s cut like --period and --periods', async () => {
    const cfg = config('quarter.json', { period: 'quarter', periods: 1 });
    // as of the end of 2026, so that the fourth quarter is over and is the default
    const r = await runParity(['report', fixture('demo.csv'), '--format', 'json', '-c', cfg, '--as-of', '2027-01-01T00:00:00Z']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    // demo.csv spans July–October 2026: the latest quarter is 2026-Q4, one earlier period (Q3)
    expect(report.reportPeriod).toMatchObject({ unit: 'quarter', previous: 1 });
    expect(report.periods.map((p: { period: string }) => p.period)).toEqual(['2026-Q3', '2026-Q4']);
    // the flag wins over the config
    const flagged = JSON.parse((await runParity(['report', fixture('demo.csv'), '--format', 'json', '-c', cfg, '--period', 'month'])).stdout);
    expect(flagged.reportPeriod.unit).toBe('month');
  });
});

describe('-c and --no-config together (found by an independent attack: the later one won in silence)', () => {
  it('is a usage error in either order, naming both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-config-both-'));
    const config = join(dir, 'team.json');
    writeFileSync(config, JSON.stringify({ timeZone: 'Europe/Berlin' }));
    for (const args of [['-c', config, '--no-config'], ['--no-config', '-c', config], [`--config=${config}`, '--no-config']]) {
      const run = await runParity(['audit', fixture('small.csv'), ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('parity: -c and --no-config given together: one of them would be ignored');
    }
    // each alone is fine
    expect((await runParity(['audit', fixture('small.csv'), '--no-config', '--quiet'])).code).toBe(0);
    expect((await runParity(['audit', fixture('small.csv'), '-c', config, '--quiet'])).code).toBe(0);
  });
});

describe('an option of one file given twice (found by an independent attack: the first was ignored, then overwritten by -o)', () => {
  it('is a usage error, and no file is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-twice-'));
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, '{}');
    writeFileSync(b, '{}');
    for (const [args, named] of [
      [['-c', a, '-c', b], '--config'],
      [['-o', join(dir, 'x.json'), `--output=${join(dir, 'y.json')}`], '--output'],
      [['--baseline', a, '--baseline', b, '-o', a], '--baseline'],
      [['--rejects', join(dir, 'r1.csv'), '--rejects', join(dir, 'r2.csv')], '--rejects'],
    ] as const) {
      const run = await runParity(['audit', fixture('small.csv'), ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(`parity: ${named} given twice: it takes one file`);
    }
    expect(readFileSync(a, 'utf8')).toBe('{}');
  });
});

describe('business hours that are wrong are an error whatever the clock (found by an attack: a calendar run passed them in silence)', () => {
  it('an hour past 24:00 or an unknown zone exits 2 naming the config, with the calendar clock too', async () => {
    const hours = join(dir, 'bad-hours.json');
    writeFileSync(hours, JSON.stringify({ businessHours: { open: ['Mon-Fri 25:00-26:00'] } }));
    const r = await runParity(['audit', fixture('small.csv'), '-c', hours]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`parity: ${hours}: businessHours.open: "Mon-Fri 25:00-26:00" is not a time of day`);
    const zone = join(dir, 'bad-zone.json');
    writeFileSync(zone, JSON.stringify({ clock: 'calendar', businessHours: { timeZone: 'Mars/Base', open: ['Mon-Fri 09:00-17:00'] } }));
    const z = await runParity(['audit', fixture('small.csv'), '-c', zone]);
    expect(z.code).toBe(2);
    expect(z.stderr).toContain('unknown time zone "Mars/Base"');
    // right hours under the calendar clock are still only noted as not applied
    const fine = join(dir, 'calendar-hours.json');
    writeFileSync(fine, JSON.stringify({ businessHours: { open: ['Mon-Fri 09:00-17:00'] } }));
    const f = await runParity(['audit', fixture('small.csv'), '-c', fine, '--format', 'json']);
    expect(f.code).toBe(0);
    expect(JSON.parse(f.stdout).input.notes.join(' ')).toContain('the config has businessHours, but clock is "calendar" (the default)');
  });
});

describe('--until before --since says how to fix it (found by an attack)', () => {
  it('names both dates and the fix', async () => {
    const r = await runParity(['audit', fixture('small.csv'), '--since', '2026-10-05', '--until', '2026-10-03']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('parity: --until must be later than --since\n  --since 2026-10-05 starts the window and --until 2026-10-03 ends it (that day included): swap them, or widen the window\n');
  });
});
