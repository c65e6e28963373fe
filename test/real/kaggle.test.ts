/**
 * Kaggle "Customer Support Ticket Dataset": 8,469 tickets, no creation time. parity must refuse
 * to audit it (exit 2) and say which column is missing and how to map it: no invented numbers.
 */
import { describe, expect, it } from 'vitest';
import { runParity } from '../helpers/exec.js';
import { HAS_REAL_DATA, realFile } from '../helpers/realData.js';

const FILE = realFile('kaggle-customer-support-tickets', 'customer_support_tickets.csv');

describe.skipIf(!HAS_REAL_DATA)('Kaggle support tickets (no creation time)', () => {
  it('audit exits 2 naming the missing column and the fix, with no output', async () => {
    const r = await runParity(['audit', FILE]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('customer_support_tickets.csv:1: no creation-time column; without a creation time no duration can be measured');
    expect(r.stderr).toContain('columns.createdAt');
    expect(r.stderr).toContain('"First Response Time"');
    expect(r.stderr.split('\n').length, r.stderr).toBeLessThan(5);
  });

  it('inspect still shows what was found: 8,469 rows, four channels, the missing column', async () => {
    const r = await runParity(['inspect', FILE, '--format', 'json']);
    expect(r.code).toBe(0);
    const profile = JSON.parse(r.stdout).files[0];
    expect(profile.rows).toBe(8469);
    expect(profile.missingRequired.map((m: { field: string }) => m.field)).toEqual(['createdAt']);
    const counts = Object.fromEntries(profile.channelValues.map((v: { raw: string; count: number }) => [v.raw, v.count]));
    // counts from the file: Email 2143, Phone 2132, Social media 2121, Chat 2073 (sum 8469)
    expect(counts).toEqual({ Email: 2143, Phone: 2132, 'Social media': 2121, Chat: 2073 });
    // the data set's documented quirk, counted independently with a script over the CSV:
    // 2,769 rows carry both timestamps and 1,365 of them resolve before the first response
    expect(profile.eventOrder).toEqual({ bothTimes: 2769, resolvedBeforeFirstResponse: 1365 });
  });
});
