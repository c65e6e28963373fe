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
