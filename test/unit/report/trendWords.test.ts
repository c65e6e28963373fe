/**
 * Words of the report that must agree with their numbers (found by an attack): the first-response
 * trend table's column of tickets still waiting counts the unanswered (it had shown the open,
 * unresolved tickets, 9 beside a phone channel with 27 of 28 answered), and the gate summary
 * says "The gate passed." for one gate, not "All 1 gates passed.".
 */
import { describe, expect, it } from 'vitest';
import { gatesSentence, stillWaiting } from '../../../src/render/markdown.js';
import type { PeriodReport } from '../../../src/report.js';

function period(channels: Array<{ answered: number | null; firstResponseN: number }>, open: number | null): PeriodReport {
  return { open, channels } as unknown as PeriodReport;
}

describe('the trend tables\' tickets still waiting', () => {
  it('first response: each channel\'s tickets in the estimate less those answered (28 − 27 + 30 − 20 = 11); resolution: the open', () => {
    const p = period([{ answered: 27, firstResponseN: 28 }, { answered: 20, firstResponseN: 30 }], 9);
    expect(stillWaiting(p, 'firstResponse')).toBe(11);
    expect(stillWaiting(p, 'resolution')).toBe(9);
  });

  it('not known when a channel\'s answered count is not known', () => {
    expect(stillWaiting(period([{ answered: null, firstResponseN: 5 }], 2), 'firstResponse')).toBeNull();
  });
});

describe('the gate summary', () => {
  it('agrees in number', () => {
    expect(gatesSentence(0, 1)).toBe('The gate passed.');
    expect(gatesSentence(0, 3)).toBe('All 3 gates passed.');
    expect(gatesSentence(1, 1)).toBe('1 of 1 gate failed.');
    expect(gatesSentence(2, 5)).toBe('2 of 5 gates failed.');
  });
});
