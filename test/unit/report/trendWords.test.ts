/**
 * Words of the report that must agree with their numbers (found by an attack): the first-response
 * trend table's column of tickets still waiting is the period's unanswered (it had shown the open,
 * unresolved tickets, 9 beside a phone channel with 27 of 28 answered), and the gate summary
 * says "The gate passed." for one gate, not "All 1 gates passed.". The count itself is the
 * measure stage's (test/e2e/report.test.ts works one out by hand).
 */
import { describe, expect, it } from 'vitest';
import { gatesSentence, stillWaiting } from '../../../src/render/markdown.js';
import type { PeriodReport } from '../../../src/report.js';

function period(unanswered: number | null, open: number | null): PeriodReport {
  return { unanswered, open, channels: [] } as unknown as PeriodReport;
}

describe('the trend tables\' tickets still waiting', () => {
  it('first response: the period\'s unanswered; resolution: its open (both from the measure stage)', () => {
    expect(stillWaiting(period(11, 9), 'firstResponse')).toBe(11);
    expect(stillWaiting(period(11, 9), 'resolution')).toBe(9);
    expect(stillWaiting(period(null, 2), 'firstResponse')).toBeNull();
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
