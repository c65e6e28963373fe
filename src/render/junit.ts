/**
 * `--format junit`: gates and significant findings as JUnit XML, the format CI test reporters
 * (Jenkins, GitLab, GitHub test-report actions) read.
 *
 * - Suite "parity gates": one testcase per gate. A failing gate is a <failure> with value,
 *   comparator, threshold and detail; a gate that could not be evaluated is a <failure> with its
 *   reason, or <skipped> with the reason when --allow-missing let it pass.
 * - Suite "parity findings": one testcase per significant finding. They are failures only when a
 *   `findings.significant` gate failed, so the XML's failures match the exit code; otherwise
 *   they pass and carry their message, for the reporter to list.
 *
 * Stable output for golden files: no timestamps, no host name, `time="0"` everywhere (nothing
 * here is timed). Every string is XML-escaped and stripped of characters XML 1.0 cannot hold:
 * finding messages can contain ticket-derived text, which is hostile.
 */
import type { Finding, GateResult, Report } from '../report.js';
import { gateChangeValues, gateValues } from './format.js';
import { roundingOf, toleranceEdges, type Edges } from '../format.js';
import { findingEvidence } from './evidence.js';

/** Characters XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for an XML attribute value or element content (both safe with this set). */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Element content keeps its line breaks (attributes above encode them). */
function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function attrs(pairs: Array<[string, string | number]>): string {
  return pairs.map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`).join('');
}

/** One line saying why a gate failed or was skipped. Shared with the annotations. */
export function gateMessage(g: GateResult): string {
  if (g.evaluated === false || (g.value === null && g.reason)) {
    return `not evaluated: ${g.reason ?? 'no value'}${g.passed ? ' (passed: --allow-missing)' : ''}`;
  }
  const words = COMPARATOR_WORDS[g.comparator ?? '>'];
  const holds = g.passed ? `is not ${words}` : `is ${words}`;
  if (g.baseline !== undefined && g.baseline !== null) {
    const changeBound = boundWords(g.bound);
    const [change, threshold, now, before] = gateChangeValues(g.value, g.threshold, g.current, g.baseline, g.unit, { change: roundingOf(g.bound), now: roundingOf(g.currentBound), before: roundingOf(g.baselineBound) });
    return `change ${changeBound}${change} ${holds} ${threshold} (${boundWords(g.currentBound)}${now} now, ${boundWords(g.baselineBound)}${before} in the baseline)`;
  }
  const [value, threshold] = gateValues(g.value, g.threshold, g.unit, roundingOf(g.bound));
  return `value ${boundWords(g.bound)}${value} ${holds} ${threshold}`;
}

/** `at least ` / `at most ` before a value that is only a bound. */
function boundWords(bound: GateResult['bound']): string {
  return bound === 'lower' ? 'at least ' : bound === 'upper' ? 'at most ' : '';
}

/**
 * The numbers behind an evaluated gate's value (`chat at least 10d 2h … (n=40)`), as the table,
 * Markdown and HTML show them; null for a gate not evaluated, whose message says why instead.
 */
export function gateDetail(g: GateResult): string | null {
  return g.detail && !(g.evaluated === false || (g.value === null && g.reason)) ? g.detail : null;
}

const COMPARATOR_WORDS = { '>': 'above', '>=': 'at or above', '<': 'below', '<=': 'at or below' } as const;

function gateCase(g: GateResult): string[] {
  const open = `    <testcase${attrs([['classname', 'parity.gates'], ['name', g.expression], ['time', 0]])}`;
  const detail = g.detail ? xmlText(g.detail) : '';
  if (g.evaluated === false || (g.value === null && g.reason)) {
    const message = gateMessage(g);
    if (g.passed) return [`${open}>`, `      <skipped${attrs([['message', message]])}/>`, '    </testcase>'];
    return [`${open}>`, `      <failure${attrs([['message', message], ['type', 'not-evaluated']])}>${detail}</failure>`, '    </testcase>'];
  }
  if (g.passed) {
    return [`${open}>`, `      <system-out>${xmlText(gateMessage(g))}${detail ? `; ${detail}` : ''}</system-out>`, '    </testcase>'];
  }
  return [`${open}>`, `      <failure${attrs([['message', gateMessage(g)], ['type', 'gate']])}>${detail}</failure>`, '    </testcase>'];
}

function pText(p: number): string {
  return p < 0.0001 ? '<0.0001' : String(+p.toFixed(4));
}

function findingCase(f: Finding, failing: boolean, edges: Edges): string[] {
  const name = `${f.kind}: ${f.subject}`;
  const open = `    <testcase${attrs([['classname', `parity.findings.${f.kind}`], ['name', name], ['time', 0]])}>`;
  const facts = [
    // (the evidence's words: a bound says "at least"/"at most" and is rounded its way; a ratio far from 1 keeps its digits)
    f.effect === null ? null : `effect ${findingEvidence(f, edges).find(([key]) => key === 'effect')?.[1] ?? ''}`,
    f.pValue === null ? null : `p ${pText(f.pValue)}`,
    f.pValueAdjusted === null || f.pValueAdjusted === undefined ? null : `adjusted p ${pText(f.pValueAdjusted)}`,
    f.rule ? `rule: ${f.rule}` : null,
  ].filter((x): x is string => x !== null);
  const body = xmlText([f.message, ...(facts.length ? [facts.join('; ')] : [])].join('\n'));
  if (failing) return [open, `      <failure${attrs([['message', f.message], ['type', 'finding']])}>${body}</failure>`, '    </testcase>'];
  return [open, `      <system-out>${body}</system-out>`, '    </testcase>'];
}

function suite(name: string, cases: string[][], failures: number, skipped: number): string[] {
  const head = `  <testsuite${attrs([['name', name], ['tests', cases.length], ['failures', failures], ['errors', 0], ['skipped', skipped], ['time', 0]])}`;
  if (cases.length === 0) return [`${head}/>`];
  return [`${head}>`, ...cases.flat(), '  </testsuite>'];
}

export function renderJunit(report: Report): string {
  const gates = report.gates;
  const isMissing = (g: GateResult): boolean => g.evaluated === false || (g.value === null && g.reason !== null);
  const gateFailures = gates.filter((g) => !g.passed).length;
  const gateSkipped = gates.filter((g) => g.passed && isMissing(g)).length;
  // The findings testcases fail exactly when a findings gate failed (the exit code's reason).
  const findingsGateFailed = gates.some((g) => !g.passed && g.subject === 'findings.significant');
  const significant = report.findings.filter((f) => f.significant);
  const findingFailures = findingsGateFailed ? significant.length : 0;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs([
      ['name', 'parity'],
      ['tests', gates.length + significant.length],
      ['failures', gateFailures + findingFailures],
      ['errors', 0],
      ['skipped', gateSkipped],
      ['time', 0],
    ])}>`,
    ...suite('parity gates', gates.map(gateCase), gateFailures, gateSkipped),
    ...suite('parity findings', significant.map((f) => findingCase(f, findingsGateFailed, toleranceEdges(report.settings.tolerance))), findingFailures, 0),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}
