/**
 * --redact: customer ids, @handles and e-mail addresses become stable pseudonyms everywhere.
 * Expected pseudonyms were computed outside the code under test, with a shell:
 *   printf 'parity-redact-v1:C1234' | sha256sum   → b4c85cab…
 */
import { describe, expect, it } from 'vitest';
import { customerPseudonym, handlePseudonym, redactReport } from '../../../src/render/redact.js';
import { sampleReport } from './sampleReport.js';

const C1234 = 'customer-b4c85cab';
const C9876 = 'customer-cc2a37a5';
const LOUD_FAN = '@handle-4255a9f9';

describe('pseudonyms', () => {
  it('are the first 8 hex digits of sha256(salt + id), the same in every run', () => {
    expect(customerPseudonym('C1234')).toBe(C1234);
    expect(customerPseudonym('C101')).toBe('customer-a4270aa9');
    expect(handlePseudonym('@loud_fan')).toBe(LOUD_FAN);
    expect(handlePseudonym('@Loud_Fan')).toBe(LOUD_FAN); // handles are case-insensitive
  });
});

describe('redactReport', () => {
  const original = sampleReport();
  const snapshot = JSON.stringify(original);
  const redacted = redactReport(original);
  const text = JSON.stringify(redacted);

  it('replaces ids under customerId keys, inside messages, and in data-quality examples of the customer column', () => {
    const finding = redacted.findings[0]!;
    expect(finding.details?.customerId).toBe(C1234);
    expect(finding.message).toContain(`customer ${C1234} wrote`);
    const example = redacted.input.dataQuality[1]!.example!;
    expect(example.value).toBe(C9876);
    expect(example.detail).toBe(`customer ${C9876} has no e-mail`);
    expect(text).not.toMatch(/C1234|C9876/);
  });

  it('replaces @handles in excerpts, keeps everything else', () => {
    expect(redacted.findings[0]!.details?.excerpt).toBe(`${LOUD_FAN} says <img src=x onerror=alert(1)>`);
    expect(text).not.toContain('loud_fan');
    expect(redacted.channels).toEqual(original.channels);
    expect(redacted.periods).toEqual(original.periods);
    expect(redacted.input.files).toEqual(['exports/october.csv']);
    expect(redacted.redacted).toBe(true);
  });

  it('is pure and deterministic', () => {
    expect(JSON.stringify(original)).toBe(snapshot);
    expect(JSON.stringify(redactReport(sampleReport()))).toBe(text);
    // running it twice changes nothing more
    expect(JSON.stringify(redactReport(redacted))).toBe(text);
  });

  it('finds ids in arrays under customer keys and e-mail addresses in any text, but leaves counts alone', () => {
    const r = sampleReport();
    r.findings = [
      {
        kind: 'channel-jump',
        subject: 'social',
        significant: false,
        verdict: 'info',
        effect: null,
        pValue: null,
        count: 2,
        message: 'C1234 and C77 jumped to social; 77 tickets in all; write to alice@example.com',
        details: { customers: ['C1234', 'C77'], examples: [{ customerId: 'C77', author: '@someone' }] },
      },
    ];
    const out = redactReport(r);
    const f = out.findings[0]!;
    expect(f.details?.customers).toEqual([C1234, customerPseudonym('C77')]);
    expect(f.details?.examples).toEqual([{ customerId: customerPseudonym('C77'), author: customerPseudonym('@someone') }]);
    // printf 'parity-redact-v1:alice@example.com' | sha256sum → 5d60174c…
    // C77 is too short to be searched for in free text (it would hit other numbers), C1234 is not.
    expect(f.message).toBe(`${C1234} and C77 jumped to social; 77 tickets in all; write to email-5d60174c`);
  });
});
