import { describe, expect, it } from 'vitest';
import { annotationMode, escapeData, escapeProperty, renderAnnotations } from '../../../src/render/annotations.js';
import { channel, finding, handReport } from './handReport.js';

describe('GitHub Actions annotations', () => {
  it('escapes data and properties as the Actions toolkit does', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('one error per failing gate, a warning per gate let through, notices for findings', () => {
    const report = handReport({
      channels: [channel('phone', { tickets: 40, firstResponse: { n: 40, median: 7200, p90: 9000 } })],
      findings: [finding('social', true, 'line one\n::error::injected'), finding('email', false)],
    });
    report.gates = [
      { expression: 'ratio(phone,social).firstResponse.median > 3', value: 4, threshold: 3, passed: false, reason: null, comparator: '>', unit: 'ratio', evaluated: true },
      { expression: 'gap(phone,social).firstResponse.median > 2h', value: 5400, threshold: 7200, passed: true, reason: null, comparator: '>', unit: 'seconds', evaluated: true },
      { expression: 'channel(web).answeredShare < 90%', value: null, threshold: 0.9, passed: true, reason: 'no web tickets (50% of nothing)', comparator: '<', unit: 'share', evaluated: false },
    ];
    expect(renderAnnotations(report)).toBe(
      [
        '::error title=parity gate::ratio(phone,social).firstResponse.median > 3: value 4 is above 3',
        '::warning title=parity gate::channel(web).answeredShare < 90%25: not evaluated: no web tickets (50%25 of nothing) (passed: --allow-missing)',
        // the line break is escaped, so the injected text cannot start a command of its own
        '::notice title=parity finding::channel-preference (social): line one%0A::error::injected',
        '',
      ].join('\n'),
    );
  });

  it('nothing to say is an empty string; modes are github or none', () => {
    expect(renderAnnotations(handReport({ channels: [] }))).toBe('');
    expect(annotationMode(undefined)).toBe('none');
    expect(annotationMode('github')).toBe('github');
    expect(() => annotationMode('gitlab')).toThrow(/--annotations gitlab is not available/);
  });
});
