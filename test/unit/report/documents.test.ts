/**
 * Markdown and HTML say what the terminal table says: a gate's value in the gate's unit with its
 * bound words and the numbers behind it, a median not reached with a one-sided CI (`≥ 9d`, never
 * `9d–NA`), and a summary sentence for every channel, also one without a ratio. Small reports
 * built by hand; every expected string is worked out from the numbers in the comments.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { renderHtml } from '../../../src/render/html.js';
import { renderTable } from '../../../src/render/table.js';
import type { ChannelReport, GateResult, Report } from '../../../src/report.js';
import { sampleAudit } from './sampleReport.js';

const H = 3600;
const D = 86400;

/** A channel's first response (and the same resolution); `notReached` makes the median a lower bound with a one-sided CI. */
function channel(name: ChannelReport['channel'], median: number | null, ci95: [number | null, number | null] | null, notReached: boolean, ratio: number | null): ChannelReport {
  const bound = notReached ? ('lower' as const) : null;
  const n = median === null ? 0 : 40;
  return {
    channel: name,
    tickets: 40,
    answered: notReached ? 0 : n,
    answeredShare: notReached ? 0 : n / 40,
    resolvedShare: notReached ? 0 : n / 40,
    firstResponse: { n, median, bound, p90: median, p90Bound: bound, ci95, answeredMedian: null, method: 'kaplan-meier' },
    resolution: { n, resolved: notReached ? 0 : n, median, bound, p90: median, p90Bound: bound, ci95, method: 'kaplan-meier' },
    vsReference: {
      firstResponseRatio: ratio,
      firstResponseRatioCi95: null,
      firstResponseBound: null,
      resolutionRatio: ratio,
      resolutionRatioCi95: null,
      resolutionBound: null,
      pValue: null,
      resolutionPValue: null,
      firstResponseVerdict: name === 'phone' ? null : 'insufficient-data',
      resolutionVerdict: name === 'phone' ? null : 'insufficient-data',
      firstResponseVerdictHoldsOverall: name === 'phone' ? null : true,
      resolutionVerdictHoldsOverall: name === 'phone' ? null : true,
    },
    sla: null,
  };
}

function report(channels: ChannelReport[], gates: GateResult[] = []): Report {
  return { ...sampleAudit(), channels, followerBands: [], findings: [], gates, distributions: { firstResponse: [] } };
}

describe('gates in Markdown and HTML: the terminal line in a table', () => {
  // chat's median is at least 10d 2h = 10·86400 + 2·3600 = 871200 s, more than 1d = 86400 s: the bound decides
  const bounded: GateResult = {
    expression: 'channel(chat).firstResponse.median > 1d',
    value: 10 * D + 2 * H,
    threshold: D,
    passed: false,
    reason: null,
    comparator: '>',
    unit: 'seconds',
    evaluated: true,
    bound: 'lower',
    detail: 'chat at least 10d 2h (n=40)',
  };
  // no chat ticket answered: a share of 0, below 50% (threshold 0.5)
  const share: GateResult = {
    expression: 'channel(chat).answeredShare < 50%',
    value: 0,
    threshold: 0.5,
    passed: false,
    reason: null,
    comparator: '<',
    unit: 'share',
    evaluated: true,
    bound: null,
    detail: 'chat 0% (n=40)',
  };
  const missing: GateResult = {
    expression: 'channel(web).firstResponse.median > 1d',
    value: null,
    threshold: D,
    passed: false,
    reason: 'no web tickets (channels present: phone, chat)',
    comparator: '>',
    unit: 'seconds',
    evaluated: false,
    detail: null,
  };
  const r = report([channel('phone', 3 * H, [2 * H, 4 * H], false, 1), channel('chat', 10 * D + 2 * H, [8 * D, null], true, 80)], [bounded, share, missing]);

  it('Markdown: value with its bound and unit, the comparison, the numbers behind it', () => {
    const md = renderMarkdown(r);
    expect(md).toContain('| Result | Gate | Outcome | Detail |');
    expect(md).toContain('| **FAIL** | channel(chat).firstResponse.median &gt; 1d | value at least 10d 2h is above 1d | chat at least 10d 2h (n=40) |');
    expect(md).toContain('| **FAIL** | channel(chat).answeredShare &lt; 50% | value 0% is below 50% | chat 0% (n=40) |');
    expect(md).toContain('| **FAIL** | channel(web).firstResponse.median &gt; 1d | not evaluated: no web tickets (channels present: phone, chat) |  |');
    expect(md).not.toContain('871200');
    // the terminal's line says the same
    const text = renderTable(r, { color: false });
    expect(text).toContain('FAIL  channel(chat).firstResponse.median > 1d: value at least 10d 2h is above 1d [chat at least 10d 2h (n=40)]');
    expect(text).toContain('FAIL  channel(chat).answeredShare < 50%: value 0% is below 50% [chat 0% (n=40)]');
  });

  it('HTML: the same words', () => {
    const html = renderHtml(r);
    expect(html).toContain('<th>Result</th><th>Gate</th><th>Outcome</th><th>Detail</th>');
    expect(html).toContain('<td>value at least 10d 2h is above 1d</td><td>chat at least 10d 2h (n=40)</td>');
    expect(html).toContain('<td>value 0% is below 50%</td><td>chat 0% (n=40)</td>');
    expect(html).toContain('<td>not evaluated: no web tickets (channels present: phone, chat)</td><td></td>');
    expect(html).not.toContain('871200');
  });
});

describe('a median not reached: its CI has only a lower end', () => {
  // chat ≥ 12d with the CI's lower end 9d and no upper end; phone 3h (2h–4h)
  const r = report([channel('phone', 3 * H, [2 * H, 4 * H], false, 1), channel('chat', 12 * D, [9 * D, null], true, 96)]);

  it('Markdown writes ≥ 9d as the table does, not 9d–NA', () => {
    const md = renderMarkdown(r);
    expect(md).toMatch(/^\| chat \| 40 \| 0% \| ≥ 12d \| ≥ 9d \| ≥ 12d \|/m);
    expect(md).toMatch(/^\| \*\*phone\*\* \(ref\) \| 40 \| 100% \| 3h \| 2h–4h \|/m);
    expect(md).not.toContain('9d–NA');
    expect(renderTable(r, { color: false })).toContain('≥ 12d (≥ 9d)');
  });

  it('Markdown gives resolution its CI as the table does, in the channel table', () => {
    const md = renderMarkdown(r);
    expect(md).toContain('| Resolved | Resolution median | 95% CI | p90 | vs phone |');
    // phone resolved 40 of 40 in a median 3h (2h–4h), p90 3h; chat none, at least 12d (at least 9d)
    expect(md).toMatch(/^\| \*\*phone\*\* \(ref\) \|.*\| 100% \| 3h \| 2h–4h \| 3h \| ref \|$/m);
    expect(md).toMatch(/^\| chat \|.*\| 0% \| ≥ 12d \| ≥ 9d \| ≥ 12d \| [^|]+ \|$/m);
  });

  it('HTML writes ≥ 9d below the median, for first response and resolution', () => {
    const html = renderHtml(r);
    expect(html).toContain('<td class="num">≥ 12d<span class="change">≥ 9d</span></td>');
    expect(html.split('<span class="change">≥ 9d</span>')).toHaveLength(3);
    expect(html).not.toContain('9d–NA');
  });
});

describe('the summary names every channel', () => {
  const summary = (md: string): string => md.slice(md.indexOf('## Summary'), md.indexOf('## Channels'));

  it('one without a ratio (both medians only lower bounds) says its bound and why there is no ratio', () => {
    // phone ≥ 9d, chat ≥ 12d: two lower bounds, no ratio (vsReference ratio null); web never measured (n = 0)
    const r = report([channel('phone', 9 * D, [5 * D, null], true, 1), channel('web', null, null, false, null), channel('chat', 12 * D, [9 * D, null], true, null)]);
    const md = summary(renderMarkdown(r));
    expect(md).toContain('- phone (the reference) waited at least 9d for a first response');
    expect(md).toContain(
      '- chat: first response at least 12d; no ratio to phone: half or more of the tickets of both chat and phone are still unanswered as far as the data reach, so neither median is known.',
    );
    expect(md).toContain('- web: no ticket has a measurable first-response time, so there is nothing to compare with phone.');
    const html = renderHtml(r);
    expect(html).toContain('<li>chat: first response at least 12d; no ratio to phone: half or more of the tickets of both chat and phone are still unanswered as far as the data reach, so neither median is known.</li>');
    expect(html).toContain('<li>web: no ticket has a measurable first-response time, so there is nothing to compare with phone.</li>');
  });

  it('one whose reference has no measured time says so', () => {
    const r = report([channel('phone', null, null, false, 1), channel('email', 3 * H, [2 * H, 4 * H], false, null)]);
    expect(summary(renderMarkdown(r))).toContain('- email: first response 3h; phone has no ticket with a measurable first-response time, so there is no ratio.');
  });

  it('without any reference ticket every channel still has its median', () => {
    const r = report([channel('email', 3 * H, [2 * H, 4 * H], false, null), channel('chat', 12 * D, [9 * D, null], true, null)].map((c) => ({ ...c, vsReference: null })));
    const md = summary(renderMarkdown(r));
    expect(md).toContain('- There are no phone tickets in this period, so no channel could be compared with the reference.');
    expect(md).toContain('- email: first response 3h.');
    expect(md).toContain('- chat: first response at least 12d.');
  });
});

describe('a ratio at the tolerance edge carries the digits that put it on its side, in every table', () => {
  // tolerance 0.80–1.25 (the sample's settings). chat: 1.2504 (outside, marked significant);
  // email: 1.2496 (inside, within tolerance). Two decimals would make both "1.25× slower", one
  // marked ! and the other =. Four tell them apart: 1.2504× and 1.2496×.
  const withVerdict = (c: ChannelReport, verdict: 'preference' | 'within-tolerance'): ChannelReport => ({
    ...c,
    vsReference: { ...(c.vsReference as NonNullable<ChannelReport['vsReference']>), firstResponseVerdict: verdict, resolutionVerdict: null, resolutionRatio: null },
  });
  const r = report([
    channel('phone', 3 * H, [2 * H, 4 * H], false, 1),
    withVerdict(channel('chat', 3.7512 * H, [3 * H, 4 * H], false, 1.2504), 'preference'),
    withVerdict(channel('email', 3.7488 * H, [3 * H, 4 * H], false, 1.2496), 'within-tolerance'),
  ]);

  it('terminal: 1.2504× slower ! and 1.2496× slower =', () => {
    const out = renderTable(r, { color: false });
    expect(out).toContain('1.2504× slower !');
    expect(out).toContain('1.2496× slower =');
    expect(out).not.toContain('1.25× slower');
  });

  it('Markdown and HTML: the same digits beside their verdicts', () => {
    for (const doc of [renderMarkdown(r), renderHtml(r)]) {
      expect(doc).toContain('1.2504× slower (significant)');
      expect(doc).toContain('1.2496× slower (within tolerance)');
      expect(doc).not.toContain('1.25× slower');
    }
  });
});
