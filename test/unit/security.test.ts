/**
 * Hostile text and hostile sizes, unit by unit (issue 10): the sanitiser, Markdown and HTML
 * defusing, formula neutralising, Unicode-aware redaction, the read limits, and the config's
 * own-key maps and "did you mean". Expected strings are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { escapeJsonText, guardOutput, safeMessage, sanitiseDeep, sanitiseText } from '../../src/text/sanitise.js';
import { defuseMarkdown } from '../../src/text/markdownSafe.js';
import { isolateHtml } from '../../src/text/bidi.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { neutraliseFormula, neutraliseReversibly, restoreCell } from '../../src/text/csvSafe.js';
import { handlePseudonym, redactFreeText } from '../../src/render/redact.js';
import { didYouMean, validateConfig } from '../../src/config/validate.js';
import { DEFAULT_LIMITS, parseLimitFlag, parseSize, resolveLimits } from '../../src/read/limits.js';
import { LineReader, jsonDepthExceeded } from '../../src/read/lines.js';
import { flatten, openJson } from '../../src/read/ndjson.js';
import { openCsv } from '../../src/read/source.js';
import { headerList } from '../../src/formats/bind.js';
import { loadRenderer } from '../../src/render/index.js';
import { ParityError } from '../../src/errors.js';
import { channelResolver } from '../../src/normalise/channel.js';

describe('sanitiser', () => {
  it('shows control, DEL, C1, line-separator and bidi characters as visible escapes', () => {
    expect(sanitiseText('a\u001b]0;pwned\u0007b')).toBe('a\\u001b]0;pwned\\u0007b');
    expect(sanitiseText('x\n::error::y\r\tz')).toBe('x\\n::error::y\\r\\tz');
    expect(sanitiseText('\u007f\u0085\u009b')).toBe('\\u007f\\u0085\\u009b');
    expect(sanitiseText('30\u202e%\u2066\u2028')).toBe('30\\u202e%\\u2066\\u2028');
    expect(sanitiseText('Jürgen — 東京 ＝ok')).toBe('Jürgen — 東京 ＝ok');
  });

  it('a whole output keeps its own line breaks and tabs, and no line of it starts with ::', () => {
    expect(guardOutput('ok\n::error::x\n\tnext\u001b[2J\n')).toBe('ok\n ::error::x\n\tnext\\u001b[2J\n');
    // colour codes survive only when colour is on
    expect(guardOutput('\u001b[31mFAIL\u001b[39m', { color: true })).toBe('\u001b[31mFAIL\u001b[39m');
    expect(guardOutput('\u001b[31mFAIL\u001b[39m')).toBe('\\u001b[31mFAIL\\u001b[39m');
    // an escape that is not a colour code is escaped even with colour on
    expect(guardOutput('\u001b]0;t\u0007', { color: true })).toBe('\\u001b]0;t\\u0007');
    // parity's own annotations keep their place
    expect(guardOutput('::error title=parity gate::x\n', { annotations: true })).toBe('::error title=parity gate::x\n');
  });

  it('an error message stays on one line; every hint line is indented', () => {
    expect(safeMessage('parity: bad "x\n::error::y"', 'first\n::warning::z')).toBe('parity: bad "x\\n::error::y"\n  first\n  ::warning::z');
  });

  it('deep values: strings and keys escaped, numbers and typed arrays untouched', () => {
    const typed = new Float64Array([1, 2]);
    const out = sanitiseDeep({ a: ['x\u001by', 3], 'k\n': null, t: typed });
    expect(out).toEqual({ a: ['x\\u001by', 3], 'k\\n': null, t: typed });
    expect(out.t).toBe(typed);
  });

  it('JSON keeps the data but writes C1, bidi and line separators as \\u escapes', () => {
    const json = escapeJsonText(JSON.stringify({ v: 'a\u202eb\u2028c\u0085' }, null, 2));
    expect(json).toBe('{\n  "v": "a\\u202eb\\u2028c\\u0085"\n}');
    expect(JSON.parse(json)).toEqual({ v: 'a\u202eb\u2028c\u0085' });
  });
});

describe('Markdown and HTML', () => {
  it('a GFM autolink cannot carry markup: < > entity-encoded, scheme and www. defused', () => {
    expect(escapeMarkdown('see http://evil.example/<img src=x onerror=alert(1)>')).toBe('see http&#58;//evil.example/&lt;img src=x onerror=alert(1)&gt;');
    expect(defuseMarkdown('www.evil.example and mailto:x')).toBe('www&#46;evil.example and mailto&#58;x');
  });

  it('@mentions and e-mail addresses do not ping or link', () => {
    expect(defuseMarkdown('ask @octocat or jane@example.com')).toBe('ask @&#8203;octocat or jane@&#8203;example.com');
  });

  it('HTML isolates right-to-left data in <bdi>, leaves other text as it is', () => {
    expect(isolateHtml('שלום 30%')).toBe('<bdi>שלום 30%</bdi>');
    expect(isolateHtml('social 30%')).toBe('social 30%');
    // in a sentence each right-to-left run alone, the numbers around it outside (found by the report attack)
    expect(isolateHtml('medians שלום עולם 1h vs abc 1h')).toBe('medians <bdi>שלום עולם</bdi> 1h vs abc 1h');
    expect(isolateHtml('groups مرحبا 123 3, abc 3')).toBe('groups <bdi>مرحبا</bdi> 123 3, abc 3');
    // an entity is no Latin word: a value with one is still isolated whole
    expect(isolateHtml('שלום &amp; 30%')).toBe('<bdi>שלום &amp; 30%</bdi>');
  });
});

describe('formula neutralising', () => {
  it('covers full-width signs and leading whitespace or line breaks', () => {
    expect(neutraliseFormula('＝HYPERLINK("x")')).toBe('\'＝HYPERLINK("x")');
    expect(neutraliseFormula('＋1')).toBe("'＋1");
    expect(neutraliseFormula('－1')).toBe("'－1");
    expect(neutraliseFormula('＠SUM(A1)')).toBe("'＠SUM(A1)");
    expect(neutraliseFormula(' =1+1')).toBe("' =1+1");
    expect(neutraliseFormula('\n=1+1')).toBe("'\n=1+1");
    expect(neutraliseFormula('-3.5')).toBe('-3.5');
    expect(neutraliseFormula('plain')).toBe('plain');
  });

  it('the reversible form (count tables) neutralises the same cells and reads back exactly what was written', () => {
    expect(neutraliseReversibly('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutraliseReversibly('-3.5')).toBe('-3.5');
    expect(neutraliseReversibly('Billing')).toBe('Billing');
    // an apostrophe of the data's own before a trigger gets one more, so reading back removes only ours
    expect(neutraliseReversibly("'=x")).toBe("''=x");
    expect(neutraliseReversibly("'plain")).toBe("'plain");
    for (const value of ['=1+1', "'=1+1", "''@x", ' =x', '\n-x', '-3.5', "'-3.5", "'", "''", 'plain', "'plain", '＝x', '', 'x\n::error::y', "x\r\n  '::w", "a::b\n::c\r::d", '=x\n::y']) {
      expect(restoreCell(neutraliseReversibly(value)), value).toBe(value);
    }
  });

  it('no line of a multi-line cell starts with a CI workflow command (found by an independent attack)', () => {
    // a line break inside a cell starts a line of the file: `::error …` there would be run by a
    // CI runner showing the file; an apostrophe goes before it, as before a formula
    expect(neutraliseFormula('x\n::error title=pwned::owned')).toBe("x\n'::error title=pwned::owned");
    expect(neutraliseFormula('x\r\n  ::warning::y')).toBe("x\r\n  '::warning::y");
    expect(neutraliseFormula('a::b')).toBe('a::b');
    expect(neutraliseReversibly("x\n'::y")).toBe("x\n''::y");
    for (const cell of [neutraliseFormula('x\n::error::a\r::b\r\n\t::c'), neutraliseReversibly('x\n::error::a')]) {
      for (const line of cell.split(/\r\n|\r|\n/)) expect(line.trimStart().startsWith('::'), JSON.stringify(cell)).toBe(false);
    }
  });
});

describe('redaction, Unicode-aware', () => {
  it('a handle with letters beyond ASCII is one handle', () => {
    expect(redactFreeText('hi @Jürgen_Müller!')).toBe(`hi ${handlePseudonym('Jürgen_Müller')}!`);
    expect(redactFreeText('hi @Jürgen_Müller!')).not.toContain('ürgen');
  });

  it('quoted local parts and full-width addresses are e-mail addresses', () => {
    expect(redactFreeText('"jane"@victim-mail.example wrote')).toMatch(/^email-[0-9a-f]{8} wrote$/);
    expect(redactFreeText('ｊａｎｅ＠ｖｉｃｔｉｍ．ｅｘａｍｐｌｅ')).toMatch(/^email-[0-9a-f]{8}$/);
    // full-width forms are the same address as their plain twins
    expect(redactFreeText('ｊａｎｅ＠ｖｉｃｔｉｍ．ｅｘａｍｐｌｅ')).toBe(redactFreeText('jane@victim.example'));
    expect(redactFreeText('＠ｊａｎｅ')).toBe(handlePseudonym('jane'));
  });

  it('a pseudonym is left as it is, and numbers with @ are not handles', () => {
    expect(redactFreeText('@handle-0123abcd')).toBe('@handle-0123abcd');
    expect(redactFreeText('5@3')).toBe('5@3');
  });
});

describe('keys from users', () => {
  it('--format toString, constructor, __proto__, valueOf are usage errors', async () => {
    for (const name of ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty']) {
      await expect(loadRenderer(name, 'audit')).rejects.toThrow(ParityError);
    }
  });

  it('a channel value "constructor" is an unknown value, mapped to other and listed', () => {
    const resolve = channelResolver({}, {});
    expect(resolve('constructor')).toEqual({ channel: 'other', known: false });
    expect(resolve('__proto__')).toEqual({ channel: 'other', known: false });
    expect(resolve('toString')).toEqual({ channel: 'other', known: false });
  });

  it('config maps keep a "__proto__" key as an ordinary own key', () => {
    const config = validateConfig(JSON.parse('{"channels": {"__proto__": "social", "Letter": "other"}, "sla": {"firstResponse": {"__proto__": "2h"}}}'), 'c.json');
    expect(Object.hasOwn(config.channels ?? {}, '__proto__')).toBe(true);
    expect(Object.entries(config.channels ?? {})).toEqual([['Letter', 'other'], ['__proto__', 'social']]);
    expect(Object.entries(config.sla?.firstResponse ?? {})).toEqual([['__proto__', '2h']]);
    expect(() => validateConfig(JSON.parse('{"channels": {"__proto__": "pigeon"}}'), 'c.json')).toThrow(/channels\.__proto__/);
    expect(() => validateConfig(JSON.parse('{"sla": {"firstResponse": {"__proto__": "soon"}}}'), 'c.json')).toThrow(/sla\.firstResponse\.__proto__/);
  });

  it('an unknown key says which key was meant', () => {
    expect(didYouMean('timezone', ['timeZone', 'format'])).toBe('timeZone');
    expect(didYouMean('colums', ['columns', 'clock'])).toBe('columns');
    expect(didYouMean('banana', ['columns', 'clock'])).toBeNull();
    expect(() => validateConfig({ timezone: 'UTC' }, 'c.json')).toThrow('unknown key "timezone" (did you mean "timeZone"?)');
    expect(() => validateConfig({ columns: { createdat: 'x' } }, 'c.json')).toThrow('unknown key "columns.createdat" (did you mean "columns.createdAt"?)');
    expect(() => validateConfig({ limits: { maxRecordByte: 5 } }, 'c.json')).toThrow('(did you mean "limits.maxRecordBytes"?)');
  });

  it('a dateFormat date-fns cannot use is a configuration error', () => {
    expect(() => validateConfig({ dateFormat: 'NaN' }, 'c.json')).toThrow(/dateFormat: not a date-fns pattern/);
    expect(validateConfig({ dateFormat: 'dd/MM/yyyy HH:mm' }, 'c.json').dateFormat).toBe('dd/MM/yyyy HH:mm');
  });
});

describe('read limits', () => {
  it('sizes read as people write them', () => {
    expect(parseSize('64MiB')).toBe(64 * 1024 * 1024);
    expect(parseSize('500MB')).toBe(500_000_000);
    expect(parseSize('1g')).toBe(1024 ** 3);
    expect(parseSize('1048576')).toBe(1048576);
    expect(parseSize('lots')).toBeNull();
    expect(parseSize('0')).toBeNull();
  });

  it('defaults, then the config, then flags', () => {
    expect(DEFAULT_LIMITS.maxRecordBytes).toBe(64 * 1024 * 1024);
    const limits = resolveLimits({ maxRecordBytes: '1MiB', maxJsonDepth: 50 }, { maxJsonDepth: 80 });
    expect(limits).toEqual({ ...DEFAULT_LIMITS, maxRecordBytes: 1024 * 1024, maxJsonDepth: 80 });
    expect(parseLimitFlag('maxCompressionRatio=500')).toEqual(['maxCompressionRatio', 500]);
    expect(() => parseLimitFlag('maxBananas=5')).toThrow(/not name=value/);
    expect(() => resolveLimits({ maxRecordBytes: 'huge' })).toThrow(/limits.maxRecordBytes/);
  });

  it('a line over its limit fails as soon as the limit is passed', async () => {
    const chunks = ['ab\ncd', 'e'.repeat(50), 'f'.repeat(50), '\nlast'];
    const reader = new LineReader(Readable.from(chunks.map((c) => Buffer.from(c))), 'x');
    const tooLong = (): Error => new Error('too long');
    expect(await reader.next(10, 1, tooLong)).toBe('ab');
    await expect(reader.next(60, 2, tooLong)).rejects.toThrow('too long');
  });

  it('lines: LF and CRLF, a last line without a break, multi-byte characters split across chunks', async () => {
    const bytes = Buffer.from('a\r\nü\nz');
    const chunks = [bytes.subarray(0, 4), bytes.subarray(4)]; // ü (2 bytes) is split
    const reader = new LineReader(Readable.from(chunks), 'x');
    const never = (): Error => new Error('never');
    expect([await reader.next(9, 1, never), await reader.next(9, 2, never), await reader.next(9, 3, never), await reader.next(9, 4, never)]).toEqual(['a', 'ü', 'z', null]);
  });

  it('JSON depth is measured without parsing; brackets inside strings do not count', () => {
    expect(jsonDepthExceeded('{"a":{"b":[1]}}', 3)).toBeNull();
    expect(jsonDepthExceeded('{"a":{"b":[1]}}', 2)).toBe(0);
    expect(jsonDepthExceeded('{"a":"[[[[["}', 1)).toBeNull();
    expect(jsonDepthExceeded('[\n[\n[\n]]]', 2)).toBe(2);
  });

  it('4,000-deep JSON flattens without a stack overflow', () => {
    let deep: Record<string, unknown> = { id: 1 };
    for (let k = 0; k < 4000; k++) deep = { n: deep };
    const flat = flatten(deep as never);
    expect(flat.size).toBe(1);
    expect([...flat.values()]).toEqual(['1']);
    expect([...flat.keys()][0]?.split('.').length).toBe(4001);
  });

  it('an NDJSON line over maxRecordBytes, a document over maxJsonBytes, nesting over maxJsonDepth: errors naming the line', async () => {
    const limits = { ...DEFAULT_LIMITS, maxRecordBytes: 100, maxJsonBytes: 200, maxJsonDepth: 5 };
    const ndjson = `{"id":1}\n{"id":2,"text":"${'x'.repeat(300)}"}\n`;
    // (the header sample is read on opening, so the error comes from openJson itself)
    await expect(openJson('big.ndjson', Readable.from([Buffer.from(ndjson)]), limits)).rejects.toMatchObject({ location: { file: 'big.ndjson', line: 2 }, message: 'a line is longer than 100 bytes' });
    const doc = `[\n${Array.from({ length: 30 }, (_, k) => `{"id":${k}}`).join(',\n')}\n]`;
    await expect(openJson('big.json', Readable.from([Buffer.from(doc)]), limits)).rejects.toMatchObject({ message: 'the JSON document is larger than 200 bytes' });
    // the same on one line (a minified export): a document's bound, not a line's (found by an
    // independent attack: a one-line document was held up to the larger of the two)
    const oneLine = `[${Array.from({ length: 30 }, (_, k) => `{"id":${k}}`).join(',')}]\n`; // 291 bytes (ids 0-9 take 8, 10-29 take 9, 29 commas, 2 brackets)
    await expect(openJson('min.json', Readable.from([Buffer.from(oneLine)]), { ...limits, maxRecordBytes: 1000 })).rejects.toMatchObject({ location: { file: 'min.json', line: 1 }, message: 'the JSON document is larger than 200 bytes' });
    // and a single record on the first line is a line: 115 bytes over a line's 100
    const first = `{"id":1,"text":"${'x'.repeat(97)}"}\n`;
    await expect(openJson('first.ndjson', Readable.from([Buffer.from(first)]), limits)).rejects.toMatchObject({ location: { file: 'first.ndjson', line: 1 }, message: 'a line is longer than 100 bytes' });
    const nested = `{"id":1}\n{"a":{"b":{"c":{"d":{"e":{"f":1}}}}}}\n`;
    await expect(openJson('deep.ndjson', Readable.from([Buffer.from(nested)]), limits)).rejects.toMatchObject({ message: 'JSON nested more than 5 levels deep', location: { file: 'deep.ndjson', line: 2 } });
  });
});

describe('a header of too many columns (found by an independent attack: 3,000,000 columns took 39 s and 800 MB)', () => {
  it('is refused at line 1 naming the count and the limit, on both readers; a raised limit reads it', async () => {
    const header = Array.from({ length: 40 }, (_, k) => `c${k}`).join(',');
    const text = `${header}\n${Array.from({ length: 40 }, () => 'x').join(',')}\n`;
    for (const reader of [undefined, 'csv-parse' as const]) {
      await expect(openCsv('-', Readable.from([Buffer.from(text)]), { limits: { ...DEFAULT_LIMITS, maxColumns: 39 }, ...(reader ? { reader } : {}) })).rejects.toMatchObject({
        location: { file: '<stdin>', line: 1 },
        message: 'the header row has 40 columns, more than 39 (a file of delimiters, or not a CSV file)',
      });
      const opened = await openCsv('-', Readable.from([Buffer.from(text)]), { limits: { ...DEFAULT_LIMITS, maxColumns: 40 }, ...(reader ? { reader } : {}) });
      expect(opened.header).toHaveLength(40);
    }
    expect(DEFAULT_LIMITS.maxColumns).toBe(16_384);
    expect(parseLimitFlag('maxColumns=20000')).toEqual(['maxColumns', 20_000]);
    expect(() => parseLimitFlag('maxColumns=2.5')).toThrow('is not a valid maxColumns');
  });

  it('a message lists the first 50 headers and says how many more', () => {
    const header = Array.from({ length: 53 }, (_, k) => `h${k}`);
    expect(headerList(header.slice(0, 2))).toBe('"h0", "h1"');
    const listed = headerList(header);
    expect(listed.startsWith('"h0", "h1", ')).toBe(true);
    expect(listed.endsWith('"h49", … and 3 more')).toBe(true);
  });
});
