// Follower band edges are measured in order, each once (measure/groups.ts bandsFromEdges); the
// settings, and so the report a delta gate compares with its baseline, record them the same way.
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/commands/options.js';

describe('follower band edges', () => {
  it('are recorded ascending and once, however they were written', () => {
    expect(resolveSettings(['x.csv'], { bands: '10000,1000,100000,100000' }, {}, 'test').bands).toEqual([1000, 10000, 100000]);
    expect(resolveSettings(['x.csv'], {}, { bands: [5000, 500, 500] }, 'test').bands).toEqual([500, 5000]);
    expect(resolveSettings(['x.csv'], {}, {}, 'test').bands).toEqual([1000, 10000, 100000]);
  });
});

describe('band labels (found by an independent attack: --bands 1000,1001,1002 made two bands "1k-1k")', () => {
  it('are short only when exact, so every band has a label of its own', async () => {
    const { bandsFromEdges } = await import('../../src/measure/groups.js');
    expect(bandsFromEdges([1000, 1001, 1002]).map((b) => b.label)).toEqual(['<1k', '1k-1001', '1001-1002', '1002+', 'unknown']);
    expect(bandsFromEdges([1500, 2_500_000, 1_234_567]).map((b) => b.label)).toEqual(['<1.5k', '1.5k-1234567', '1234567-2.5M', '2.5M+', 'unknown']);
    expect(bandsFromEdges([1150, 10000]).map((b) => b.label)).toEqual(['<1.15k', '1.15k-10k', '10k+', 'unknown']);
  });
});
