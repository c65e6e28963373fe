/**
 * A report does not depend on the machine's language settings: lists ordered by text on ties
 * (unknown channel values, inspect's channel values, like-for-like cells of one size) use one
 * collation (src/text/order.ts), not the locale of LANG / LC_ALL. Under Swedish collation `ä`
 * sorts after `z`; under English it sorts with `a`, before `p` and `z`: the order expected below
 * on every machine.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runParity } from '../helpers/exec.js';
import { textOrder } from '../../src/text/order.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-locale-'));
const file = join(dir, 'locale.csv');
// one ticket each on `zeta`, `äpple` (unknown channel values: a tie at one ticket) and phone
writeFileSync(file, [
  'ticket_id,channel,created_at,first_response_at',
  'T1,zeta,2026-10-01T09:00:00Z,2026-10-01T09:10:00Z',
  'T2,äpple,2026-10-01T09:00:00Z,2026-10-01T09:20:00Z',
  'T3,phone,2026-10-01T09:00:00Z,2026-10-01T09:20:00Z',
  '',
].join('\n'));

const LOCALES = ['C', 'en_US.UTF-8', 'sv_SE.UTF-8'];

describe('the order of text on ties is the same under every locale', () => {
  test('audit: unknown channel values äpple then zeta, whatever LC_ALL says', async () => {
    for (const locale of LOCALES) {
      const r = await runParity(['audit', file, '--format', 'json'], { env: { LC_ALL: locale, LANG: locale } });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).input.unknownChannels, locale).toEqual([{ raw: 'äpple', count: 1 }, { raw: 'zeta', count: 1 }]);
    }
  });

  test('inspect: the channel values in one order, äpple, phone, zeta, under each locale', async () => {
    for (const locale of LOCALES) {
      const r = await runParity(['inspect', file], { env: { LC_ALL: locale, LANG: locale } });
      expect(r.code, r.stderr).toBe(0);
      const values = [...r.stdout.matchAll(/^ {4}"([^"]+)"/gm)].map((m) => m[1]);
      expect(values, locale).toEqual(['äpple', 'phone', 'zeta']);
    }
  });

  test('textOrder: collation first, code units for texts it takes as equal; 0 only for equal strings', () => {
    expect(['zeta', 'äpple', 'apple', 'Zeta'].sort(textOrder)).toEqual(['apple', 'äpple', 'zeta', 'Zeta']);
    // a zero-width space is ignored by collation: code units decide (U+200B after the letters)
    expect(textOrder('ab', 'a\u200bb')).toBeLessThan(0);
    expect(textOrder('a\u200bb', 'ab')).toBeGreaterThan(0);
    expect(textOrder('same', 'same')).toBe(0);
  });
});
