// by(...) gates match a value as --by-reference does (README "Comparing teams…"): trimmed, as the
// data's values are read, as written, else the one value equal to it ignoring case. A quoted
// value with blanks around it had found nothing; a value matching two that differ only in case
// had been reported as "no team TEAM", as if neither existed; and the gate's numbers named the
// value as typed (`team sales`) rather than as the report shows it (`team Sales`).
import { describe, expect, it } from 'vitest';
import { evaluateGate, type GateContext } from '../../../src/judge/gates/evaluate.js';
import { parseGate } from '../../../src/judge/gates/parse.js';
import type { ByGroupReport, Report } from '../../../src/report.js';
import { channel, handReport } from './handReport.js';

// Sales: 40 tickets, median 3h = 10,800 s; Team 40, 1h = 3,600 s; team 40, 2h = 7,200 s.
function group(value: string, median: number): ByGroupReport {
  return {
    value,
    tickets: 40,
    answered: 40,
    answeredShare: 1,
    resolvedShare: 1,
    firstResponse: { n: 40, median, bound: null, p90: median * 2, p90Bound: null, ci95: null, answeredMedian: median, method: 'kaplan-meier' },
    resolution: { n: 40, resolved: 40, median: 36000, bound: null, p90: 72000, p90Bound: null, ci95: null, method: 'kaplan-meier' },
    vsReference: null,
    tested: true,
    isReference: false,
  };
}

const report: Report = {
  ...handReport({ channels: [channel('phone', { tickets: 40, firstResponse: { n: 40, median: 3600, p90: 7200 } })] }),
  by: { field: 'team', reference: 'Sales', referenceChosen: 'largest', noValue: 0, groups: [group('Sales', 10800), group('Team', 3600), group('team', 7200)] },
};
const context: GateContext = { report, baseline: null, minSample: 30, allowMissing: false, likeForLike: () => ({ reason: 'none' }) };
const run = (text: string) => evaluateGate(parseGate(text, { bands: [] }), context, '--fail-on');

describe('by(...) gates match values as --by-reference does', () => {
  it('a quoted value with blanks around it is the trimmed value', () => {
    // Sales 3h over Team 1h: 10,800 / 3,600 = 3 > 2
    const result = run('by(" Sales ","Team").firstResponse.median > 2');
    expect(result).toMatchObject({ value: 3, passed: false, evaluated: true });
    expect(result.detail).toBe('team Sales 3h (n=40) over team Team 1h (n=40)');
  });

  it('a value matched ignoring case is named as the report shows it', () => {
    expect(run('by(sales).firstResponse.median > 2h').detail).toBe('team Sales 3h (n=40)');
  });

  it('a value equal to two ignoring case names both, not "no team"', () => {
    const result = run('by(TEAM).firstResponse.median > 2h');
    expect(result).toMatchObject({ passed: false, evaluated: false });
    expect(result.reason).toBe('team TEAM matches 2 values that differ only in case ("Team", "team"): write one of them exactly');
  });
});
