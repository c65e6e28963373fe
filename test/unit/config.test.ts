import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate.js';
import { ParityError } from '../../src/errors.js';

function problem(raw: unknown): string {
  try {
    validateConfig(raw, 'parity.config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ParityError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be refused');
}

describe('config validation', () => {
  it('accepts the contract example', () => {
    const config = validateConfig(
      {
        format: 'generic',
        columns: { ticketId: 'case_ref', channel: 'contact_method', createdAt: 'opened', firstResponseAt: 'first_reply', resolvedAt: 'closed' },
        dateFormat: 'M/d/yyyy',
        timeZone: 'Europe/Berlin',
        channels: { Letter: 'other', 'Walk-in': 'other', 'Call centre': 'phone', 'IG DM': 'social' },
        reference: 'phone',
        bands: [1000, 10000, 100000],
        gates: ['ratio(phone,social).firstResponse.median > 3'],
        clock: 'business',
        businessHours: { timeZone: 'Europe/London', open: ['Mon-Fri 09:00-17:00', 'Sat 10:00-14:00'], holidays: ['2026-12-25', '2026-12-26'] },
        sla: { firstResponse: { default: '1h', email: '4h' }, resolution: { default: '3d', urgent: '8h' } },
      },
      'parity.config.json',
    );
    expect(config.columns?.ticketId).toBe('case_ref');
  });

  it('accepts "HH:MM:SS" as the name of the hms duration unit', () => {
    const config = validateConfig({ columns: { firstResponseTime: { column: 'frt', unit: 'HH:MM:SS' } } }, 'parity.config.json');
    expect(config.columns?.firstResponseTime).toEqual({ column: 'frt', unit: 'hms' });
  });

  it('takes a duration column\'s clock, and refuses one on a timestamp column', () => {
    const config = validateConfig({ columns: { resolutionTime: { column: 'r', unit: 'minutes', clock: 'business' } } }, 'parity.config.json');
    expect(config.columns?.resolutionTime).toEqual({ column: 'r', unit: 'minutes', clock: 'business' });
    const message = problem({ columns: { createdAt: { column: 'created', clock: 'business' } } });
    expect(message).toContain('columns.createdAt.clock');
    expect(message).toContain('only a duration column (firstResponseTime, resolutionTime) has a clock');
  });

  it('names unknown keys with their path', () => {
    expect(problem({ colums: {} })).toBe('invalid configuration: unknown key "colums" (did you mean "columns"?)');
    expect(problem({ columns: { createdOn: 'x' } })).toBe('invalid configuration: unknown key "columns.createdOn" (did you mean "columns.createdAt"?)');
    expect(problem({ banana: 1 })).toBe('invalid configuration: unknown key "banana"');
  });

  it('names bad values with their path', () => {
    expect(problem({ reference: 'fax' })).toMatch(/^invalid configuration: reference: /);
    expect(problem({ bands: [1000, -5] })).toMatch(/^invalid configuration: bands\[1\]: /);
    expect(problem({ channels: { Letter: 'post' } })).toMatch(/^invalid configuration: channels\.Letter: /);
    expect(problem({ sla: { firstResponse: { default: 'soon' } } })).toContain('sla.firstResponse.default: not a duration');
    expect(problem({ columns: { firstResponseTime: { column: 'frt', unit: 'fortnights' } } })).toMatch(/columns\.firstResponseTime\.unit/);
  });

  it('a value of a type no branch of its key takes says what the key takes, not a bare "Invalid input" (found by an independent attack)', () => {
    expect(problem({ by: 5 })).toBe('invalid configuration: by: expected text or an object ({ … }), not a number');
    expect(problem({ columns: { createdAt: ['opened'] } })).toBe('invalid configuration: columns.createdAt: expected text or an object ({ … }), not a list ([ … ])');
  });

  it('an unknown format is named with its key and the nearest format (it was a bare "unknown input format" without the file)', () => {
    expect(problem({ format: 'zendsk' })).toBe('invalid configuration: format: unknown input format "zendsk" (did you mean "zendesk"?)');
    expect(problem({ format: 'teradata' })).toBe('invalid configuration: format: unknown input format "teradata"');
    // case aside, a known id is taken, as --input-format takes it
    expect(validateConfig({ format: 'Zendesk' }, 'parity.config.json').format).toBe('Zendesk');
  });
});

describe('config values that would be read silently otherwise', () => {
  it('a holiday that is not a date of the calendar is refused, naming it', () => {
    const hours = (holidays: string[]): unknown => ({ clock: 'business', businessHours: { timeZone: 'UTC', open: ['Mon-Fri 09:00-17:00'], holidays } });
    expect(problem(hours(['2026-12-25', '2026-02-30']))).toContain('businessHours.holidays[1]: "2026-02-30" is not a date of the calendar');
    expect(problem(hours(['2026-13-01']))).toContain('"2026-13-01" is not a date of the calendar');
    expect(() => validateConfig(hours(['2028-02-29', '2026-12-31']), 'parity.config.json')).not.toThrow(); // a leap day
  });

  it('two channel keys that are one value to parity (case and punctuation aside) may not map to different channels', async () => {
    const { resolveSettings } = await import('../../src/commands/options.js');
    expect(() => resolveSettings(['x.csv'], {}, { channels: { Phone: 'email', phone: 'chat' } }, 'test')).toThrow(
      'channels in the config: "Phone" and "phone" are one value to parity (case and punctuation aside), mapped to email and chat',
    );
    // the same channel twice is harmless
    expect(resolveSettings(['x.csv'], {}, { channels: { Phone: 'email', 'PHONE!': 'email' } }, 'test').mapping.channels.size).toBe(2);
  });
});

describe('--generated-at (found by an independent attack: read in the machine zone)', () => {
  it('without an offset is read in the run zone, as --as-of is, and written in UTC; with one it is written as given', async () => {
    const { resolveSettings } = await import('../../src/commands/options.js');
    // 06:00 in Tokyo (UTC+9, no summer time) is 21:00 UTC the day before
    expect(resolveSettings(['x.csv'], { generatedAt: '2026-11-01T06:00', tz: 'Asia/Tokyo' }, {}, 'test').generatedAt).toBe('2026-10-31T21:00:00Z');
    expect(resolveSettings(['x.csv'], { generatedAt: '2026-11-01T06:00' }, {}, 'test').generatedAt).toBe('2026-11-01T06:00:00Z');
    expect(resolveSettings(['x.csv'], { generatedAt: '2026-11-01T06:00:00+02:00', tz: 'Asia/Tokyo' }, {}, 'test').generatedAt).toBe('2026-11-01T06:00:00+02:00');
    expect(() => resolveSettings(['x.csv'], { generatedAt: 'yesterday' }, {}, 'test')).toThrow('--generated-at "yesterday" is not a date');
    // 24:00 and a leap second are written as the instant they name (strict ISO readers refuse
    // 24:00; found by an independent attack): the next day's midnight, the next minute's first
    expect(resolveSettings(['x.csv'], { generatedAt: '2026-12-28T24:00:00Z' }, {}, 'test').generatedAt).toBe('2026-12-29T00:00:00Z');
    expect(resolveSettings(['x.csv'], { generatedAt: '2026-12-31T23:59:60Z' }, {}, 'test').generatedAt).toBe('2027-01-01T00:00:00Z');
  });
});

describe('config keys and values that had silently won or been taken (found by an attack)', () => {
  it('a key written twice in one object is found with its dotted path and line; keys of different objects and text inside strings are not', async () => {
    const { duplicateKey } = await import('../../src/config/duplicateKeys.js');
    expect(duplicateKey('{"reference":"phone",\n "reference":"email"}')).toEqual({ path: 'reference', line: 2 });
    expect(duplicateKey('{"sla":{"firstResponse":{"default":"1h",\n\n"default":"9h"}}}')).toEqual({ path: 'sla.firstResponse.default', line: 3 });
    // "\u0041" is A: the same key written two ways
    expect(duplicateKey('{"A":1,"\\u0041":2}')).toEqual({ path: 'A', line: 1 });
    expect(duplicateKey('{"x":{"a":1},"y":{"a":2},"s":"\\"a\\":1","z":[{"a":1},{"a":2}]}')).toBeNull();
    expect(duplicateKey('{"z":[{"a":1,"b":[1,2]},{"a":2,"a":3}]}')).toEqual({ path: 'z[1].a', line: 1 });
  });

  it('SLA keys that are one key in any case, with different targets, are refused; the same target twice is not', async () => {
    const { slaTargets } = await import('../../src/measure/sla.js');
    expect(() => slaTargets({ default: '4h', high: '30m', HIGH: '2h' }, 'sla.firstResponse')).toThrow('sla.firstResponse.HIGH in the config: "high" and "HIGH" are one key to parity (case aside), with different targets');
    expect(slaTargets({ high: '30m', HIGH: '30m' }, 'sla.firstResponse')?.get('high')).toBe(1800);
    // the config file is named, as every other config error names it (found by a review)
    const error = (() => {
      try {
        slaTargets({ Phone: '4h', phone: '5h' }, 'sla.firstResponse', 'c.json');
        return null;
      } catch (e) {
        return e as ParityError;
      }
    })();
    expect(error?.location).toEqual({ file: 'c.json' });
  });

  it('an SLA target or a band edge beyond 2^53 − 1 is refused, not shown as 100000000000000000000d or 1k-1e+302M', async () => {
    const { slaTargets } = await import('../../src/measure/sla.js');
    expect(() => slaTargets({ default: '99999999999999999999d' }, 'sla.firstResponse')).toThrow('sla.firstResponse.default in the config: 99999999999999999999d is too long a duration to be a target');
    expect(() => validateConfig({ bands: [1000, 1e308] }, 'c.json')).toThrow('bands[1]: above 9007199254740991 (2^53 − 1)');
    const { parseBands } = await import('../../src/commands/options.js');
    expect(() => parseBands('1000,9007199254740993')).toThrow('is not a list of positive numbers');
  });
});
