/**
 * Golden test of `--format junit` on a hand-built report: every gate state (failed, passed,
 * not evaluated, let through by --allow-missing, delta) and significant findings whose text is
 * hostile (markup, quotes, ampersands, control characters, a line break, `]]>`).
 * The golden file was reviewed by hand; PARITY_UPDATE_GOLDEN=1 rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderJunit, xmlEscape } from '../../../src/render/junit.js';
import type { GateResult, Report } from '../../../src/report.js';
import { channel, finding, handReport } from '../../unit/gates/handReport.js';

const HERE = dirname(fileURLToPath(import.meta.url));

const HOSTILE = 'Customer wrote "<script>alert(1)</script>" & ]]> \u0001\u0007 it\'s\nurgent 😡';

function report(gates: GateResult[], findingsGateFailed: boolean): Report {
  const r = handReport({
    channels: [channel('phone', { tickets: 40, firstResponse: { n: 40, median: 7200, p90: 9000 } })],
    findings: [finding('social', true, HOSTILE), finding('email', false, 'not significant: must not appear'), finding('chat', true, 'chat answered 2× faster than phone')],
  });
  r.gates = findingsGateFailed
    ? [...gates, { expression: 'findings.significant > 0', value: 2, threshold: 0, passed: false, reason: null, comparator: '>', unit: 'count', evaluated: true, subject: 'findings.significant', current: 2, detail: 'significant: channel-preference social, channel-preference chat' }]
    : gates;
  return r;
}

const GATES: GateResult[] = [
  // failed: 7200 / 1800 = 4 > 3
  { expression: 'ratio(phone,social).firstResponse.median > 3', value: 4, threshold: 3, passed: false, reason: null, comparator: '>', unit: 'ratio', evaluated: true, subject: 'ratio(phone,social).firstResponse.median', current: 4, detail: 'phone 2h (n=40) over social 30m (n=40)' },
  // passed: 7200 - 1800 = 5400 s = 1h 30m, not above 2h
  { expression: 'gap(phone,social).firstResponse.median > 2h', value: 5400, threshold: 7200, passed: true, reason: null, comparator: '>', unit: 'seconds', evaluated: true, subject: 'gap(phone,social).firstResponse.median', current: 5400, detail: 'phone 2h (n=40) minus social 30m (n=40)' },
  // not evaluated, failed
  { expression: 'ratio(phone,chat).firstResponse.median > 3', value: null, threshold: 3, passed: false, reason: 'no chat tickets (channels present: phone, social)', comparator: '>', unit: 'ratio', evaluated: false, subject: 'ratio(phone,chat).firstResponse.median', current: null },
  // not evaluated, let through
  { expression: 'channel(web).answeredShare < 90%', value: null, threshold: 0.9, passed: true, reason: 'no web tickets (channels present: phone, social)', comparator: '<', unit: 'share', evaluated: false, subject: 'channel(web).answeredShare', current: null },
  // delta failed: now 5400 s (1h 30m), baseline 3600 s (1h): 5400 - 3600 = 1800 s = 30m, at or above 30m
  { expression: 'delta(gap(phone,social).firstResponse.median) >= 30m', value: 1800, threshold: 1800, passed: false, reason: null, comparator: '>=', unit: 'seconds', evaluated: true, subject: 'gap(phone,social).firstResponse.median', current: 5400, baseline: 3600, detail: 'now: phone 2h (n=40) minus social 30m (n=40); baseline: phone 1h 30m (n=40) minus social 30m (n=40)' },
];

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['testsuite', 'testcase'].includes(name) });

interface Case {
  '@_name': string;
  failure?: { '@_message': string; '@_type': string } | string;
  skipped?: { '@_message': string };
  'system-out'?: string;
}

function golden(name: string, xml: string): void {
  const file = join(HERE, name);
  if (process.env.PARITY_UPDATE_GOLDEN) writeFileSync(file, xml);
  expect(xml).toBe(readFileSync(file, 'utf8'));
}

describe('--format junit', () => {
  it('matches the golden file and is well-formed XML', () => {
    const xml = renderJunit(report(GATES, false));
    expect(XMLValidator.validate(xml)).toBe(true);
    golden('gates.xml', xml);
  });

  it('counts right: one testcase per gate and per significant finding', () => {
    const doc = parser.parse(renderJunit(report(GATES, false)));
    const root = doc.testsuites;
    // 5 gates + 2 significant findings (email's finding is not significant) = 7 tests;
    // failures: ratio(phone,social), ratio(phone,chat) not evaluated, the delta = 3;
    // skipped: channel(web) let through by --allow-missing = 1; findings pass (no findings gate)
    expect(root).toMatchObject({ '@_tests': '7', '@_failures': '3', '@_errors': '0', '@_skipped': '1' });
    const [gates, findings] = root.testsuite as Array<{ '@_name': string; '@_tests': string; '@_failures': string; '@_skipped': string; testcase: Case[] }>;
    expect(gates).toMatchObject({ '@_name': 'parity gates', '@_tests': '5', '@_failures': '3', '@_skipped': '1' });
    expect(findings).toMatchObject({ '@_name': 'parity findings', '@_tests': '2', '@_failures': '0' });
    expect(gates?.testcase.map((c) => c['@_name'])).toEqual(GATES.map((g) => g.expression));
    const [ratio, gap, absent, allowed, delta] = gates?.testcase ?? [];
    expect(ratio?.failure).toMatchObject({ '@_message': 'value 4 is above 3', '@_type': 'gate' });
    expect(gap?.failure).toBeUndefined();
    expect(gap?.['system-out']).toBe('value 1h 30m is not above 2h; phone 2h (n=40) minus social 30m (n=40)');
    expect(absent?.failure).toMatchObject({ '@_message': 'not evaluated: no chat tickets (channels present: phone, social)', '@_type': 'not-evaluated' });
    expect(allowed?.skipped).toMatchObject({ '@_message': 'not evaluated: no web tickets (channels present: phone, social) (passed: --allow-missing)' });
    expect(delta?.failure).toMatchObject({ '@_message': 'change 30m is at or above 30m (1h 30m now, 1h in the baseline)' });
  });

  it('findings fail when a findings gate failed, so failures match the exit code', () => {
    const doc = parser.parse(renderJunit(report(GATES, true)));
    // 6 gates + 2 findings = 8; failures 3 + the findings gate + 2 findings = 6
    expect(doc.testsuites).toMatchObject({ '@_tests': '8', '@_failures': '6', '@_skipped': '1' });
    const findings = doc.testsuites.testsuite[1];
    expect(findings).toMatchObject({ '@_tests': '2', '@_failures': '2' });
    expect(findings.testcase[1].failure['@_message']).toBe('chat answered 2× faster than phone');
  });

  it('escapes hostile text: it parses back, minus characters XML cannot hold', () => {
    const xml = renderJunit(report(GATES, true));
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0001');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['testsuite', 'testcase'].includes(name), processEntities: true, htmlEntities: true }).parse(xml);
    const hostile = doc.testsuites.testsuite[1].testcase[0];
    // U+0001 and U+0007 are not allowed in XML 1.0: each becomes U+FFFD; the line break survives
    expect(hostile.failure['@_message']).toBe('Customer wrote "<script>alert(1)</script>" & ]]> \uFFFD\uFFFD it\'s\nurgent 😡');
  });

  it("a finding's effect is said as the evidence says it: a bound with its word, rounded its way, never 0", () => {
    const bounded = (effect: number): Report => {
      const r = handReport({ channels: [], findings: [{ ...finding('social', true, 'social answered faster'), effect, details: { effectBound: 'upper' } }] });
      return r;
    };
    // 1 / 0.00000426 = 234,741.8: at least 234,741× faster (a lower bound on the speed-up, rounded down);
    // the ratio at most 0.0000043 (two significant digits, rounded up), not the 0 that four decimals gave
    const tiny = parser.parse(renderJunit(bounded(4.26e-6))).testsuites.testsuite[1].testcase[0]['system-out'];
    expect(tiny).toBe('social answered faster\neffect at least 234741× faster (ratio of medians 0.0000043); p 0.001');
    // 1 / 0.11775 = 8.49: at least 8.4× faster, the ratio at most 0.12 (not 0.1177, below the bound)
    const near = parser.parse(renderJunit(bounded(0.11775))).testsuites.testsuite[1].testcase[0]['system-out'];
    expect(near).toBe('social answered faster\neffect at least 8.4× faster (ratio of medians 0.12); p 0.001');
  });

  it('an empty report is still a valid document', () => {
    const xml = renderJunit(handReport({ channels: [] }));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).testsuites).toMatchObject({ '@_tests': '0', '@_failures': '0' });
  });

  it('xmlEscape covers markup, quotes and line breaks', () => {
    expect(xmlEscape(`a<b>&"c"'d'\n\r\t`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#10;&#13;&#9;');
  });
});
