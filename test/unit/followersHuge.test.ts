// A follower count too large for a 64-bit integer (found by an attack: `99999999999999999999`)
// is read in-process as a count in the top band; through DuckDB the query rounded it to a BIGINT
// and stopped with DuckDB's own "out of range" error (exit 2), refusing the whole file. A count
// too large for a double (400 digits) is no count in-process (band unknown), and so through DuckDB.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runParity } from '../helpers/exec.js';

const HEADER = 'ticket_id,channel,created_at,first_response_at,status,follower_count';

function bands(stdout: string): Record<string, number> {
  const report = JSON.parse(stdout) as { followerBands: Array<{ band: string; tickets: number }> };
  return Object.fromEntries(report.followerBands.filter((b) => b.tickets > 0).map((b) => [b.band, b.tickets]));
}

describe('huge follower counts, in-process and through DuckDB alike', () => {
  // by hand: 9223372036854775808 (2^63) and 99999999999999999999 are 100k+; 9007199254740993
  // (2^53 + 1, a double's 2^53) is 100k+; 999.5 rounds half up to 1000 (1k-10k); 12 is <1k;
  // 1 followed by 400 zeros is no number a double holds: unknown
  const values = ['9223372036854775808', '99999999999999999999', '9007199254740993', '999.5', '12', `1${'0'.repeat(400)}`];
  const expected = { '<1k': 1, '1k-10k': 1, '100k+': 3, unknown: 1 };
  const dir = mkdtempSync(join(tmpdir(), 'parity-followers-'));
  const file = join(dir, 'huge.csv');
  writeFileSync(file, `${[HEADER, ...values.map((v, i) => `T${i},social,2026-05-01T08:00:00Z,2026-05-01T0${i + 1}:00:00Z,solved,${v}`)].join('\n')}\n`);

  it('in-process', async () => {
    const r = await runParity(['audit', file, '--no-config', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(bands(r.stdout)).toEqual(expected);
  });

  it('--engine duckdb', async () => {
    const r = await runParity(['audit', file, '--no-config', '--engine', 'duckdb', '--format', 'json']);
    expect(r.stderr).not.toContain('Conversion Error');
    expect(r.code).toBe(0);
    expect(bands(r.stdout)).toEqual(expected);
  });
});
