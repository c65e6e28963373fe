/**
 * Gate expressions (`--fail-on`, `gates` in the config): tokenizer, recursive-descent parser and
 * the canonical text of a parsed gate.
 *
 * Hand-written, no parser library: the grammar is a dozen productions with no operators to
 * weigh against each other, and what matters is the error a CI maintainer sees — the expression
 * with a caret under the bad token and the list of valid words — which a generated parser would
 * make harder, not easier. Follower-band labels (`<1k`, `1k-10k`, `100k+`) contain characters
 * that are operators elsewhere, so the tokenizer is pulled by the parser and reads a band label
 * only where the grammar expects one.
 *
 *   gate       := measure comparator threshold END
 *   measure    := "delta" "(" subject ")" | subject
 *   subject    := "findings" "." "significant"
 *               | ("ratio" | "gap") "(" channel "," channel ")" "." metric
 *               | "channel" "(" channel ")" "." metric
 *               | "band" "(" band ["," band] ")" "." metric
 *               | "by" "(" value ["," value] ")" "." metric      --by groups; a value is read up
 *                                                                 to "," or ")", or written "…"
 *   metric     := ("firstResponse" | "resolution") "." ("median" | "p90")
 *               | "answeredShare" | "resolvedShare"
 *   comparator := ">" | ">=" | "<" | "<="
 *   threshold  := ["-"] (number | number "%" | duration)      e.g. 3, 0.5, 90%, 45s, 1h30m
 *
 * There is exactly one comparison per gate and no arithmetic, so there is no precedence to get
 * wrong: `a > 3 > 2`, `and`, `||` are errors, not silently reinterpreted.
 */
import { ParityError } from '../../errors.js';
import { CHANNELS, isChannel, type Channel } from '../../model.js';
import { parseDuration } from '../../measure/duration.js';
import type { GateNumberUnit } from '../../format.js';
import { sanitiseText } from '../../text/sanitise.js';
import { displayWidth } from '../../text/width.js';

/** A metric a gate can read, as data: what it is called, where it sits and what unit it has. */
export interface MetricSpec {
  path: MetricPath;
  /** Duration metrics are seconds; shares are fractions 0..1. */
  unit: 'seconds' | 'share';
  /** Words for messages ("first-response median"). */
  label: string;
}

export const METRICS = [
  { path: 'firstResponse.median', unit: 'seconds', label: 'first-response median' },
  { path: 'firstResponse.p90', unit: 'seconds', label: 'first-response p90' },
  { path: 'resolution.median', unit: 'seconds', label: 'resolution median' },
  { path: 'resolution.p90', unit: 'seconds', label: 'resolution p90' },
  { path: 'answeredShare', unit: 'share', label: 'answered share' },
  { path: 'resolvedShare', unit: 'share', label: 'resolved share' },
] as const satisfies ReadonlyArray<{ path: string; unit: MetricSpec['unit']; label: string }>;

export type MetricPath = (typeof METRICS)[number]['path'];

export function metricSpec(path: MetricPath): MetricSpec {
  return METRICS.find((m) => m.path === path) as MetricSpec;
}

/** What a gate measures, before any `delta(...)`. */
export type Subject =
  | { kind: 'ratio' | 'gap'; a: Channel; b: Channel; metric: MetricPath }
  | { kind: 'channel'; a: Channel; metric: MetricPath }
  | { kind: 'band'; a: string; metric: MetricPath }
  | { kind: 'bandRatio'; a: string; b: string; metric: MetricPath }
  | { kind: 'by'; a: string; metric: MetricPath }
  | { kind: 'byRatio'; a: string; b: string; metric: MetricPath }
  | { kind: 'findings' };

export type Comparator = '>' | '>=' | '<' | '<=';

/** The unit of a gate's value: a plain ratio, seconds, a share (0..1) or a count (written by src/format.ts gateValue). */
export type GateUnit = GateNumberUnit;

/** A parsed gate. The gate FAILS when `measure comparator threshold` is true. */
export interface Gate {
  /** The expression as written (trimmed). */
  text: string;
  subject: Subject;
  /** `delta(...)`: the change of the subject since the baseline report. */
  delta: boolean;
  comparator: Comparator;
  /** Seconds for durations, a fraction for percentages, else the number as written. */
  threshold: number;
  unit: GateUnit;
}

/** Words the parser knows beyond metrics: what the error lists show. */
const SUBJECT_WORDS = ['ratio(A,B)', 'gap(A,B)', 'channel(A)', 'band(X,Y)', 'band(X)', 'by(A,B)', 'by(A)', 'delta(...)', 'findings.significant'];

/** Where a gate expression came from, for messages (`--fail-on`, `gates[0]` of the config). */
export interface GateOrigin {
  file?: string;
  column?: string;
}

/** A syntax or vocabulary error in a gate: message, the position of the bad token, the choices. */
export class GateSyntaxError extends ParityError {
  readonly position: number;
  constructor(text: string, position: number, message: string, origin: GateOrigin, choices?: string) {
    // The caret goes under the expression as the terminal shows it: a control character is
    // written as its escape (`\u001b`, six columns), a wide character takes two columns and a
    // combining accent none, so the offset in the text is not the column on the screen.
    const shown = sanitiseText(text.replace(/[\r\n\t]/g, ' '));
    const column = displayWidth(sanitiseText(text.slice(0, position).replace(/[\r\n\t]/g, ' ')));
    const caret = `${' '.repeat(column)}^`;
    super(message, {
      location: origin,
      hint: [shown, caret, ...(choices ? [choices] : [])].join('\n  '),
    });
    this.name = 'GateSyntaxError';
    this.position = position;
  }
}

type TokenKind = 'word' | 'literal' | 'punct' | 'op' | 'band' | 'value' | 'end';

interface Token {
  kind: TokenKind;
  text: string;
  /** Offset of the token's first character in the expression. */
  start: number;
}

const PUNCT = new Set(['(', ')', ',', '.', '-']);

/**
 * The tokenizer. `next()` reads ordinary tokens: words, literals (`3`, `0.5`, `90%`, `1h30m`),
 * punctuation and comparison operators. `band()` reads a follower-band label up to `,` or `)`.
 */
class Lexer {
  private pos = 0;
  constructor(private readonly text: string) {}

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  /** The next ordinary token without consuming it. */
  peek(): Token {
    const saved = this.pos;
    const token = this.next();
    this.pos = saved;
    return token;
  }

  next(): Token {
    this.skipSpace();
    const { text } = this;
    const start = this.pos;
    if (start >= text.length) return { kind: 'end', text: '', start };
    const ch = text[start] as string;
    if (/[A-Za-z_]/.test(ch)) {
      let end = start + 1;
      while (end < text.length && /[A-Za-z0-9_]/.test(text[end] as string)) end++;
      this.pos = end;
      return { kind: 'word', text: text.slice(start, end), start };
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(text[start + 1] ?? ''))) {
      let end = start + 1;
      while (end < text.length && /[0-9A-Za-z.]/.test(text[end] as string)) end++;
      if (text[end] === '%') end++;
      this.pos = end;
      return { kind: 'literal', text: text.slice(start, end), start };
    }
    for (const op of ['>=', '<=', '==', '!=', '&&', '||', '>', '<', '=', '!']) {
      if (text.startsWith(op, start)) {
        this.pos = start + op.length;
        return { kind: 'op', text: op, start };
      }
    }
    this.pos = start + 1;
    return { kind: PUNCT.has(ch) ? 'punct' : 'op', text: ch, start };
  }

  /** A follower-band label: everything up to the next `,` or `)`, trimmed. */
  band(): Token {
    this.skipSpace();
    const start = this.pos;
    let end = start;
    while (end < this.text.length && !/[,)]/.test(this.text[end] as string)) end++;
    this.pos = end;
    const raw = this.text.slice(start, end);
    return { kind: raw.trim() ? 'band' : 'end', text: raw.trim(), start };
  }

  /**
   * A --by group value: `"…"` (a JSON string, for values with commas, parentheses or quotes),
   * else everything up to the next `,` or `)`, trimmed. A bad quoted string is kind 'op'.
   */
  value(): Token {
    this.skipSpace();
    const start = this.pos;
    if (this.text[start] === '"') {
      let end = start + 1;
      while (end < this.text.length && this.text[end] !== '"') end += this.text[end] === '\\' ? 2 : 1;
      this.pos = Math.min(end + 1, this.text.length);
      try {
        const text = JSON.parse(this.text.slice(start, end + 1)) as unknown;
        if (typeof text === 'string' && text.trim() !== '') return { kind: 'value', text, start };
      } catch {
        // fall through: reported by the parser with a caret here
      }
      return { kind: 'op', text: this.text.slice(start, end + 1), start };
    }
    const token = this.band();
    return token.kind === 'band' ? { ...token, kind: 'value' } : token;
  }
}

/** Options for parsing: the follower-band labels in force (from the band edges). */
export interface ParseOptions {
  bands: readonly string[];
  origin?: GateOrigin;
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'the end of the expression' : `"${token.text}"`;
}

/** Parses one gate expression; throws a GateSyntaxError with a caret under the bad token. */
export function parseGate(source: string, options: ParseOptions): Gate {
  const text = source.trim();
  const origin = options.origin ?? {};
  const lexer = new Lexer(text);
  const fail = (token: Token, message: string, choices?: string): never => {
    throw new GateSyntaxError(text, token.start, message, origin, choices);
  };
  const expect = (punct: string, after: string): Token => {
    const token = lexer.next();
    if (token.text !== punct || token.kind === 'literal' || token.kind === 'word') {
      fail(token, `expected "${punct}" ${after}, found ${describe(token)}`);
    }
    return token;
  };

  const channel = (): Channel => {
    const token = lexer.next();
    if (token.kind !== 'word' || !isChannel(token.text)) {
      fail(token, token.kind === 'word' ? `unknown channel "${token.text}"` : `expected a channel, found ${describe(token)}`, `channels: ${CHANNELS.join(', ')}`);
    }
    return token.text as Channel;
  };

  const band = (): string => {
    const token = lexer.band();
    if (token.kind !== 'band') fail(token, 'expected a follower band', `bands: ${options.bands.join(', ')}`);
    if (!options.bands.includes(token.text)) fail(token, `unknown follower band "${token.text}"`, `bands: ${options.bands.join(', ')} (set by the band edges, --bands or "bands" in the config)`);
    return token.text;
  };

  const groupValue = (): string => {
    const token = lexer.value();
    if (token.kind === 'op') fail(token, `${token.text} is not a quoted value`, 'write a value with commas or parentheses as a JSON string, e.g. by("Sales, EMEA",Support)');
    if (token.kind !== 'value') {
      // (by(,Ops): the value is empty, before a comma or a parenthesis, not the end of the text)
      const at = text[token.start];
      fail(token, at === ',' || at === ')' ? `expected a --by value before "${at}": a value cannot be empty` : `expected a --by value, found ${describe(token)}`, 'e.g. by(Billing,Support).firstResponse.median > 2');
    }
    return token.text;
  };

  const metric = (): MetricPath => {
    const head = lexer.next();
    const metricChoices = `metrics: ${METRICS.map((m) => m.path).join(', ')}`;
    if (head.kind !== 'word') fail(head, 'expected a metric after "."', metricChoices);
    if (head.text === 'firstResponse' || head.text === 'resolution') {
      expect('.', `after "${head.text}" (${head.text}.median or ${head.text}.p90)`);
      const stat = lexer.next();
      if (stat.kind !== 'word' || (stat.text !== 'median' && stat.text !== 'p90')) {
        fail(stat, `expected median or p90 after "${head.text}.", found ${describe(stat)}`, metricChoices);
      }
      return `${head.text}.${stat.text}` as MetricPath;
    }
    if (head.text === 'answeredShare' || head.text === 'resolvedShare') return head.text;
    return fail(head, `expected a metric after ".", found "${head.text}"`, metricChoices);
  };

  const dotMetric = (closing: Token): MetricPath => {
    const dot = lexer.next();
    if (dot.text !== '.' || dot.kind !== 'punct') fail(dot, `expected "." and a metric after "${closing.text}", found ${describe(dot)}`, `metrics: ${METRICS.map((m) => m.path).join(', ')}`);
    return metric();
  };

  const subject = (): { subject: Subject; start: Token } => {
    const head = lexer.next();
    const choices = `gates start with: ${SUBJECT_WORDS.join(', ')}`;
    if (head.kind !== 'word') fail(head, `expected a gate such as ratio(phone,social).firstResponse.median, found ${describe(head)}`, choices);
    switch (head.text) {
      case 'findings': {
        expect('.', 'after "findings" (findings.significant)');
        const word = lexer.next();
        if (word.text !== 'significant') fail(word, `expected "significant" after "findings.", found ${describe(word)}`);
        return { subject: { kind: 'findings' }, start: head };
      }
      case 'ratio':
      case 'gap': {
        expect('(', `after "${head.text}"`);
        const aToken = lexer.peek();
        const a = channel();
        expect(',', `between the two channels of ${head.text}(A,B)`);
        const b = channel();
        if (a === b) fail(aToken, `${head.text}(${a},${b}) compares ${a} with itself`);
        const close = expect(')', `after the second channel`);
        return { subject: { kind: head.text, a, b, metric: dotMetric(close) }, start: head };
      }
      case 'channel': {
        expect('(', 'after "channel"');
        const a = channel();
        const close = expect(')', 'after the channel (channel(A) names one channel)');
        return { subject: { kind: 'channel', a, metric: dotMetric(close) }, start: head };
      }
      case 'band': {
        expect('(', 'after "band"');
        const a = band();
        const sep = lexer.next();
        if (sep.text === ')') return { subject: { kind: 'band', a, metric: dotMetric(sep) }, start: head };
        if (sep.text !== ',') fail(sep, `expected "," or ")" after the band, found ${describe(sep)}`);
        const bStart = lexer.peek();
        const b = band();
        if (a === b) fail(bStart, `band(${a},${b}) compares ${a} with itself`);
        const close = expect(')', 'after the second band');
        return { subject: { kind: 'bandRatio', a, b, metric: dotMetric(close) }, start: head };
      }
      case 'by': {
        expect('(', 'after "by"');
        const a = groupValue();
        const sep = lexer.next();
        if (sep.text === ')') return { subject: { kind: 'by', a, metric: dotMetric(sep) }, start: head };
        if (sep.text !== ',') fail(sep, `expected "," or ")" after the value, found ${describe(sep)}`);
        const bStart = lexer.peek();
        const b = groupValue();
        if (a === b) fail(bStart, `by(${a},${b}) compares ${a} with itself`);
        const close = expect(')', 'after the second value');
        return { subject: { kind: 'byRatio', a, b, metric: dotMetric(close) }, start: head };
      }
      case 'delta':
        return fail(head, 'delta(...) can only wrap a whole measure once, e.g. delta(gap(phone,social).firstResponse.median) > 30m');
      default:
        return fail(head, `unknown gate "${head.text}"`, choices);
    }
  };

  // measure
  let delta = false;
  let parsed: Subject;
  const first = lexer.peek();
  if (first.kind === 'word' && first.text === 'delta') {
    lexer.next();
    expect('(', 'after "delta"');
    delta = true;
    parsed = subject().subject;
    expect(')', 'to close delta(...)');
  } else {
    parsed = subject().subject;
  }

  // comparator
  const op = lexer.next();
  const comparators = 'comparisons: >, >=, <, <=';
  if (op.kind !== 'op' || !['>', '>=', '<', '<='].includes(op.text)) {
    const why = op.kind === 'op' ? `"${op.text}" is not a comparison a gate can use` : `expected a comparison after the measure, found ${describe(op)}`;
    fail(op, why, comparators);
  }
  const comparator = op.text as Comparator;

  // threshold
  let sign = 1;
  let literal = lexer.next();
  if (literal.kind === 'punct' && literal.text === '-') {
    sign = -1;
    literal = lexer.next();
  }
  const unit = unitOf(parsed);
  const thresholdChoices = unit === 'seconds' ? 'write a duration such as 45s, 30m, 2h, 1d or 1h30m' : unit === 'share' ? 'write a fraction such as 0.9 or a percentage such as 90%' : 'write a number such as 3 or 0.5';
  // a typographic minus or dash (U+2212, an en dash) from a word processor: said as such
  if (literal.text === '\u2212' || literal.text === '\u2013') fail(literal, `"${literal.text}" is not a minus sign parity reads: write "-" (the ASCII hyphen-minus)`, thresholdChoices);
  if (literal.kind !== 'literal') fail(literal, `expected a threshold after "${comparator}", found ${describe(literal)}`, thresholdChoices);
  // `> 1 h`: the unit apart from its number
  const apart = /^\s+([wdhms])\b/.exec(text.slice(literal.start + literal.text.length));
  if (unit === 'seconds' && /^\d+(\.\d+)?$/.test(literal.text) && apart) fail(literal, `write the unit right after the number, without a space: ${literal.text}${apart[1]}`, thresholdChoices);
  const threshold = sign * readThreshold(literal, unit, parsed, delta, fail, thresholdChoices);
  // only a change or a gap can be below zero: a gate on anything else against a negative
  // threshold could never fail (or never pass)
  if (sign < 0 && !delta && parsed.kind !== 'gap') {
    fail(literal, `${describeSubject(parsed)} is never below zero: a negative threshold fits only a change (delta(…)) or a gap`, thresholdChoices);
  }

  const rest = lexer.next();
  if (rest.kind !== 'end') {
    fail(rest, `unexpected ${describe(rest)} after the threshold`, 'a gate is one comparison: give several --fail-on (or several config gates) for several conditions');
  }
  return { text, subject: parsed, delta, comparator, threshold, unit };
}

/** The unit of a subject's value. Ratios are plain numbers whatever the metric. */
export function unitOf(subject: Subject): GateUnit {
  switch (subject.kind) {
    case 'findings':
      return 'count';
    case 'ratio':
    case 'bandRatio':
    case 'byRatio':
      return 'ratio';
    default:
      return metricSpec(subject.metric).unit;
  }
}

function readThreshold(
  token: Token,
  unit: GateUnit,
  subject: Subject,
  delta: boolean,
  fail: (token: Token, message: string, choices?: string) => never,
  choices: string,
): number {
  const text = token.text;
  const what = `${delta ? 'a change in ' : ''}${describeSubject(subject)}`;
  if (/^\d+(\.\d+)?$|^\.\d+$/.test(text)) {
    const n = Number(text);
    if (!Number.isFinite(n) || n > Number.MAX_SAFE_INTEGER) fail(token, `${text.length > 24 ? `${text.slice(0, 20)}…` : text} is too large to be a threshold`, choices);
    if (unit === 'seconds' && n !== 0) fail(token, `${what} is a duration: give the threshold a unit`, choices);
    // a share is a fraction: 95 would mean 9500%
    if (unit === 'share' && n > 1) fail(token, `${what} is a fraction from 0 to 1: did you mean ${n <= 100 ? `${+(n / 100).toFixed(6)} (${text}%)` : 'a fraction'}?`, `write ${n <= 100 ? `${+(n / 100).toFixed(6)} or ${text}%` : 'a fraction such as 0.9 or a percentage such as 90%'}`);
    return n;
  }
  if (/^(\d+(\.\d+)?|\.\d+)%$/.test(text)) {
    if (unit !== 'share') {
      // by(Sales, EMEA).answeredShare: one value with a comma, written unquoted, reads as two groups
      const comma = subject.kind === 'byRatio' ? `; by(${subject.a},${subject.b}) compares the group "${subject.a}" with the group "${subject.b}": a value with a comma is written as a JSON string, by(${JSON.stringify(`${subject.a}, ${subject.b}`)})` : '';
      fail(token, `a percentage only fits a share (answeredShare, resolvedShare), not ${what}${comma}`, choices);
    }
    const pct = Number(text.slice(0, -1));
    if (!Number.isFinite(pct) || pct > 100) fail(token, `${text.length > 24 ? `${text.slice(0, 20)}…` : text} is not a percentage from 0% to 100%`, choices);
    return pct / 100;
  }
  const seconds = parseDuration(text);
  if (seconds === null) fail(token, `"${text}" is not a number or a duration`, choices);
  if (!Number.isFinite(seconds as number) || (seconds as number) > Number.MAX_SAFE_INTEGER) fail(token, `${text.length > 24 ? `${text.slice(0, 20)}…` : text} is too long a duration to be a threshold`, choices);
  if (unit !== 'seconds') fail(token, `${what} is not a duration: the threshold needs no unit`, choices);
  return seconds as number;
}

/** Words for a subject in messages ("the ratio of phone over social first-response median"). */
export function describeSubject(subject: Subject): string {
  switch (subject.kind) {
    case 'findings':
      return 'the number of significant findings';
    case 'ratio':
    case 'bandRatio':
    case 'byRatio':
      return 'a ratio';
    case 'gap':
      return metricSpec(subject.metric).unit === 'seconds' ? 'a gap between durations' : 'a gap between shares';
    default:
      return metricSpec(subject.metric).unit === 'seconds' ? 'a duration' : 'a share';
  }
}

/** Canonical text of a subject: no spaces, the form other reports are matched by. */
export function subjectText(subject: Subject): string {
  switch (subject.kind) {
    case 'findings':
      return 'findings.significant';
    case 'ratio':
    case 'gap':
      return `${subject.kind}(${subject.a},${subject.b}).${subject.metric}`;
    case 'channel':
      return `channel(${subject.a}).${subject.metric}`;
    case 'band':
      return `band(${subject.a}).${subject.metric}`;
    case 'bandRatio':
      return `band(${subject.a},${subject.b}).${subject.metric}`;
    case 'by':
      return `by(${valueText(subject.a)}).${subject.metric}`;
    case 'byRatio':
      return `by(${valueText(subject.a)},${valueText(subject.b)}).${subject.metric}`;
  }
}

/** A --by value as the parser reads it back: bare when it can be, else a JSON string. */
export function valueText(value: string): string {
  return /^[^,()"]+$/.test(value) && value.trim() === value ? value : JSON.stringify(value);
}
