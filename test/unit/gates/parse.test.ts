import { describe, expect, it } from 'vitest';
import { GateSyntaxError, parseGate, subjectText, type Gate } from '../../../src/judge/gates/parse.js';
import { formatError } from '../../../src/errors.js';

// The default band edges 1000, 10000, 100000 give these labels (contract: "Follower bands").
const BANDS = ['<1k', '1k-10k', '10k-100k', '100k+', 'unknown'];
const parse = (text: string): Gate => parseGate(text, { bands: BANDS, origin: { file: '--fail-on' } });

function syntaxError(text: string): GateSyntaxError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof GateSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for ${text}`);
}

describe('gate parser: good expressions', () => {
  it('reads the contract examples', () => {
    expect(parse('ratio(phone,social).firstResponse.median > 3')).toEqual({
      text: 'ratio(phone,social).firstResponse.median > 3',
      subject: { kind: 'ratio', a: 'phone', b: 'social', metric: 'firstResponse.median' },
      delta: false,
      comparator: '>',
      threshold: 3,
      unit: 'ratio',
    });
    // 2d = 2 × 86400 s = 172800 s
    expect(parse('gap(email,social).resolution.p90 > 2d')).toMatchObject({
      subject: { kind: 'gap', a: 'email', b: 'social', metric: 'resolution.p90' },
      threshold: 172800,
      unit: 'seconds',
    });
    expect(parse('band(100k+,<1k).firstResponse.median < 0.5')).toMatchObject({
      subject: { kind: 'bandRatio', a: '100k+', b: '<1k', metric: 'firstResponse.median' },
      comparator: '<',
      threshold: 0.5,
      unit: 'ratio',
    });
    // 30m = 1800 s
    expect(parse('delta(gap(phone,social).firstResponse.median) > 30m')).toMatchObject({
      subject: { kind: 'gap', a: 'phone', b: 'social', metric: 'firstResponse.median' },
      delta: true,
      threshold: 1800,
      unit: 'seconds',
    });
    expect(parse('findings.significant > 0')).toMatchObject({ subject: { kind: 'findings' }, threshold: 0, unit: 'count' });
  });

  it('reads single-group forms and every metric path', () => {
    // 2h = 7200 s
    expect(parse('channel(social).firstResponse.median > 2h')).toMatchObject({ subject: { kind: 'channel', a: 'social' }, threshold: 7200 });
    expect(parse('band(1k-10k).resolution.median >= 1d')).toMatchObject({ subject: { kind: 'band', a: '1k-10k', metric: 'resolution.median' }, comparator: '>=', threshold: 86400 });
    for (const metric of ['firstResponse.median', 'firstResponse.p90', 'resolution.median', 'resolution.p90', 'answeredShare', 'resolvedShare']) {
      expect(parse(`ratio(phone,web).${metric} <= 2`).subject).toEqual({ kind: 'ratio', a: 'phone', b: 'web', metric });
    }
  });

  it('reads durations, numbers, percentages and negative thresholds', () => {
    // 45 s; 1h30m = 3600 + 1800 = 5400 s; 1.5h = 5400 s; 1w = 604800 s
    expect(parse('gap(phone,chat).firstResponse.median > 45s').threshold).toBe(45);
    expect(parse('gap(phone,chat).firstResponse.median > 1h30m').threshold).toBe(5400);
    expect(parse('gap(phone,chat).firstResponse.median > 1.5h').threshold).toBe(5400);
    expect(parse('gap(phone,chat).firstResponse.median > 1w').threshold).toBe(604800);
    // -30m = -1800 s: "social answered more than half an hour after phone"
    expect(parse('gap(phone,social).firstResponse.median < -30m').threshold).toBe(-1800);
    // a zero gap needs no unit
    expect(parse('gap(phone,social).firstResponse.median > 0').threshold).toBe(0);
    // 90% = 0.9; .5 = 0.5
    expect(parse('channel(social).answeredShare < 90%').threshold).toBeCloseTo(0.9, 12);
    expect(parse('ratio(phone,social).firstResponse.median > .5').threshold).toBe(0.5);
    expect(parse('gap(phone,social).answeredShare < -0.1')).toMatchObject({ threshold: -0.1, unit: 'share' });
  });

  it('ignores whitespace between tokens, and inside band parentheses', () => {
    const spaced = parse('  ratio ( phone , social ) . firstResponse . median   >=   3  ');
    expect(spaced).toMatchObject({ subject: { kind: 'ratio', a: 'phone', b: 'social', metric: 'firstResponse.median' }, comparator: '>=', threshold: 3 });
    expect(spaced.text).toBe('ratio ( phone , social ) . firstResponse . median   >=   3');
    expect(parse('ratio(phone,social).firstResponse.median>3')).toMatchObject({ comparator: '>', threshold: 3 });
    expect(parse('band( 100k+ , <1k ).firstResponse.median<0.5').subject).toMatchObject({ a: '100k+', b: '<1k' });
    expect(parse('delta( findings.significant ) > 2')).toMatchObject({ delta: true, subject: { kind: 'findings' }, threshold: 2 });
  });

  it('writes a canonical subject text without spaces', () => {
    expect(subjectText(parse(' delta( gap( phone , social ).firstResponse.median ) > 1h').subject)).toBe('gap(phone,social).firstResponse.median');
    expect(subjectText(parse('band(100k+, <1k).resolution.p90 > 2').subject)).toBe('band(100k+,<1k).resolution.p90');
  });

  it('knows the band labels it is given (custom --bands)', () => {
    const custom = ['<500', '500-5k', '5k+', 'unknown'];
    expect(parseGate('band(5k+,<500).firstResponse.median < 0.5', { bands: custom }).subject).toMatchObject({ a: '5k+', b: '<500' });
    expect(() => parseGate('band(100k+,<1k).firstResponse.median < 0.5', { bands: custom })).toThrow(/unknown follower band "100k\+"/);
  });
});

describe('gate parser: nothing surprising about precedence', () => {
  it('allows exactly one comparison', () => {
    expect(syntaxError('ratio(phone,social).firstResponse.median > 3 > 2').message).toMatch(/unexpected ">" after the threshold/);
    expect(syntaxError('ratio(phone,social).firstResponse.median > 3 and gap(phone,social).firstResponse.median > 1h').message).toMatch(/unexpected "and"/);
    expect(syntaxError('ratio(phone,social).firstResponse.median > 3 || findings.significant > 0').message).toMatch(/unexpected "\|\|"/);
  });

  it('has no equality and no arithmetic', () => {
    expect(syntaxError('ratio(phone,social).firstResponse.median = 3').message).toMatch(/"=" is not a comparison/);
    expect(syntaxError('ratio(phone,social).firstResponse.median == 3').message).toMatch(/"==" is not a comparison/);
    expect(syntaxError('ratio(phone,social).firstResponse.median > 3 * 2').message).toMatch(/unexpected "\*"/);
    expect(syntaxError('ratio(phone,social).firstResponse.median + 1 > 3').message).toMatch(/"\+" is not a comparison/);
  });

  it('does not nest delta', () => {
    expect(syntaxError('delta(delta(gap(phone,social).firstResponse.median)) > 1h').message).toMatch(/delta\(\.\.\.\) can only wrap/);
  });
});

describe('gate parser: errors put a caret under the bad token', () => {
  it('the misspelt metric of the issue', () => {
    const error = syntaxError('ratio(phone,social).firstRespons.median > 3');
    // "ratio(phone,social)." is 20 characters: the bad word starts at offset 20
    expect(error.position).toBe(20);
    expect(formatError(error)).toBe(
      [
        'parity: --fail-on: expected a metric after ".", found "firstRespons"',
        '  ratio(phone,social).firstRespons.median > 3',
        `  ${' '.repeat(20)}^`,
        '  metrics: firstResponse.median, firstResponse.p90, resolution.median, resolution.p90, answeredShare, resolvedShare',
      ].join('\n'),
    );
  });

  it('unknown channels list the valid ones', () => {
    const error = syntaxError('ratio(phone,twitter).firstResponse.median > 3');
    expect(error.message).toBe('unknown channel "twitter"');
    expect(error.position).toBe(12); // "ratio(phone," is 12 characters
    expect(error.hint).toContain('channels: phone, email, web, social, chat, other');
  });

  it('unknown bands list the valid ones', () => {
    const error = syntaxError('band(100k,<1k).firstResponse.median < 0.5');
    expect(error.message).toBe('unknown follower band "100k"');
    expect(error.position).toBe(5);
    expect(error.hint).toContain('bands: <1k, 1k-10k, 10k-100k, 100k+, unknown');
  });

  it('a wrong statistic, a missing metric, an unknown gate', () => {
    const stat = syntaxError('channel(phone).firstResponse.mean > 1h');
    expect(stat.message).toBe('expected median or p90 after "firstResponse.", found "mean"');
    expect(stat.position).toBe(29); // "channel(phone).firstResponse." is 29 characters
    const noMetric = syntaxError('ratio(phone,social) > 3');
    expect(noMetric.message).toBe('expected "." and a metric after ")", found ">"');
    expect(noMetric.position).toBe(20);
    const unknown = syntaxError('mean(phone,social).firstResponse.median > 3');
    expect(unknown.message).toBe('unknown gate "mean"');
    expect(unknown.position).toBe(0);
    expect(unknown.hint).toContain('gates start with: ratio(A,B), gap(A,B)');
  });

  it('missing or malformed thresholds and comparisons', () => {
    const noThreshold = syntaxError('ratio(phone,social).firstResponse.median >');
    expect(noThreshold.message).toBe('expected a threshold after ">", found the end of the expression');
    expect(noThreshold.position).toBe(42); // the expression is 42 characters long
    const noComparison = syntaxError('ratio(phone,social).firstResponse.median 3');
    expect(noComparison.message).toBe('expected a comparison after the measure, found "3"');
    const badLiteral = syntaxError('gap(phone,social).firstResponse.median > 3x');
    expect(badLiteral.message).toBe('"3x" is not a number or a duration');
    expect(badLiteral.position).toBe(41);
  });

  it('checks the threshold against the unit of the measure', () => {
    expect(syntaxError('ratio(phone,social).firstResponse.median > 3h').message).toBe('a ratio is not a duration: the threshold needs no unit');
    expect(syntaxError('gap(phone,social).firstResponse.median > 30').message).toBe('a gap between durations is a duration: give the threshold a unit');
    expect(syntaxError('delta(gap(phone,social).firstResponse.median) > 30').message).toBe('a change in a gap between durations is a duration: give the threshold a unit');
    expect(syntaxError('ratio(phone,social).firstResponse.median > 30%').message).toMatch(/a percentage only fits a share/);
    // a share, a median, a ratio or a count is never below zero: such a gate could never fail
    expect(syntaxError('channel(social).answeredShare < -5%').message).toMatch(/is never below zero: a negative threshold fits only a change \(delta\(…\)\) or a gap/);
    expect(syntaxError('ratio(phone,social).firstResponse.median > -1').message).toMatch(/^a ratio is never below zero/);
    expect(syntaxError('findings.significant < -1').message).toMatch(/^the number of significant findings is never below zero/);
    // a change may be negative
    expect(parse('delta(channel(social).answeredShare) < -5%').threshold).toBeCloseTo(-0.05, 12);
  });

  it('messages that name the real mistake (found by an attack)', () => {
    expect(syntaxError('gap(phone,social).firstResponse.median > 1 h').message).toBe('write the unit right after the number, without a space: 1h');
    expect(syntaxError('gap(phone,social).firstResponse.median > \u221230m').message).toBe('"\u2212" is not a minus sign parity reads: write "-" (the ASCII hyphen-minus)');
    expect(syntaxError('by(,Ops).firstResponse.median > 2').message).toBe('expected a --by value before ",": a value cannot be empty');
    expect(syntaxError('by(Ops,).firstResponse.median > 2').message).toBe('expected a --by value before ")": a value cannot be empty');
    // and the same gates written right parse
    expect(parse('gap(phone,social).firstResponse.median > -30m').threshold).toBe(-1800);
    expect(parse('gap(phone,social).firstResponse.median > 1h').threshold).toBe(3600);
  });

  it('a channel compared with itself', () => {
    expect(syntaxError('gap(phone,phone).firstResponse.median > 1h').message).toBe('gap(phone,phone) compares phone with itself');
  });

  it('names the config entry when the gate comes from the config', () => {
    try {
      parseGate('ratio(phone,social).firstResponse.medain > 3', { bands: BANDS, origin: { file: 'parity.config.json', column: 'gates[1]' } });
      expect.unreachable();
    } catch (error) {
      expect(formatError(error as GateSyntaxError).split('\n')[0]).toBe(
        'parity: parity.config.json: gates[1]: expected median or p90 after "firstResponse.", found "medain"',
      );
    }
  });
});

describe('gate parser: the caret lines up with the expression as the terminal shows it', () => {
  // The hint is what formatError prints: the expression, then the caret line.
  const caretLine = (text: string): { shown: string; caret: string } => {
    const lines = formatError(syntaxError(text)).split('\n');
    return { shown: lines[1] as string, caret: lines[2] as string };
  };

  it('counts an escaped control character as its escape', () => {
    // ESC is shown as \u001b (6 columns): "by(\u001b[31mRED\u001b[0m,A|B)." is 31 columns
    // (3 + 6 + 7 + 6 + 3 + 6 = 31), where the text has only 21 characters before the bad word.
    const { shown, caret } = caretLine('by(\u001b[31mRED\u001b[0m,A|B).firstRespons.median > 1');
    expect(shown).toBe('  by(\\u001b[31mRED\\u001b[0m,A|B).firstRespons.median > 1');
    expect(caret).toBe(`  ${' '.repeat(31)}^`);
    expect(shown.indexOf('firstRespons')).toBe(caret.indexOf('^'));
  });

  it('counts a wide character as two columns and a combining accent as none', () => {
    // "by(" 3 + 日本語 3 × 2 + ",A|B)." 6 = 15 columns (the text has 12 characters there)
    expect(caretLine('by(日本語,A|B).firstRespons.median > 1').caret).toBe(`  ${' '.repeat(15)}^`);
    // "by(" 3 + "e\u0301" twice, 1 column each + ",A|B)." 6 = 11 columns (15 UTF-16 units)
    expect(caretLine('by(e\u0301e\u0301,A|B).firstRespons.median > 1').caret).toBe(`  ${' '.repeat(11)}^`);
    // an emoji is one character of two columns (and two UTF-16 units): 3 + 2 + 6 = 11
    expect(caretLine('by(😀,A|B).firstRespons.median > 1').caret).toBe(`  ${' '.repeat(11)}^`);
  });
});
