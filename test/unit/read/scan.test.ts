// The byte scanner against csv-parse (the reference reader): on seeded, generated tricky CSV
// both must give the same records, the same physical line numbers and the same errors, however
// the bytes are cut into chunks.
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvScanner, scanCsv, type ScanOptions } from '../../../src/read/scan.js';
import { specialBytes, specialBytesOf, type SpecialBytes } from '../../../src/read/specialBytes.js';
import { csvParseRecords, openCsv, type RawRecord } from '../../../src/read/source.js';
import { ParityError } from '../../../src/errors.js';
import { decodeWindows1252 } from '../../../src/read/windows1252.js';
import { rng } from '../../../scripts/generate.mjs';

/** generate.mjs's seeded PRNG (mulberry32): a failure can be replayed from its seed. */
const random = rng;

type Outcome = {
  records: Array<{ line: number; values: string[]; written?: string[] }>;
  error: { message: string; line: number | undefined; hint: string | undefined } | null;
  recoded?: { rows: number; firstLine: number };
};

async function collect(records: AsyncIterable<RawRecord>): Promise<Outcome> {
  const out: Outcome = { records: [], error: null };
  try {
    for await (const r of records) out.records.push({ line: r.line, values: r.values, ...(r.written ? { written: r.written } : {}) });
  } catch (error) {
    if (!(error instanceof ParityError)) throw error;
    out.error = { message: error.message, line: error.location?.line, hint: error.hint };
  }
  return out;
}

/** Cuts bytes into chunks of random size (1 byte up to the whole), as a stream would. */
function chunks(bytes: Buffer, rand: () => number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; ) {
    const size = rand() < 0.3 ? 1 + Math.floor(rand() * 3) : 1 + Math.floor(rand() * 40);
    out.push(bytes.subarray(i, i + size));
    i += size;
  }
  return out;
}

const stream = (parts: Buffer[]): Readable => Readable.from(parts, { objectMode: false });

/**
 * How the scanner skips the bytes that mean nothing to it: the index of special bytes
 * (read/specialBytes.ts) in its blocks of 64 KiB, in blocks of a few bytes (so that records cross
 * their boundaries), or its own byte loop (where WebAssembly SIMD is not available).
 */
const SKIPPING: ReadonlyArray<{ name: string; special: (seed: number) => SpecialBytes | null }> = [
  { name: 'index, 64 KiB blocks', special: () => specialBytes() },
  { name: 'index, blocks of 1–23 bytes', special: (seed) => specialBytesOf(1 + (seed % 23)) },
  { name: 'byte loop', special: () => null },
];

it('WebAssembly SIMD is there to index the special bytes (Node 20): the index is what the scanner uses', () => {
  expect(specialBytes()).not.toBeNull();
  // delimiter, quote, CR, LF and bytes of 0x80 or more; nothing else
  const bytes = Buffer.from('ab;"c""d"\te\r\nf\u00e9,g\n');
  const index = specialBytes()!;
  const n = index.index(bytes, 0, bytes.length, ';'.charCodeAt(0));
  const expected = [...bytes].flatMap((b, i) => (b === 0x3b || b === 0x22 || b === 0x0d || b === 0x0a || b >= 0x80 ? [i] : []));
  expect(Array.from(index.positions.subarray(0, n))).toEqual(expected);
  expect(expected).toEqual([2, 3, 5, 6, 8, 11, 12, 14, 15, 18]);
});

async function both(bytes: Buffer, options: ScanOptions, rand: () => number, special: SpecialBytes | null = specialBytes()): Promise<{ fast: Outcome; reference: Outcome }> {
  const parts = chunks(bytes, rand);
  // each reader counts the records it read as Windows-1252 (not valid UTF-8)
  const fastRecoded = { rows: 0, firstLine: 0 };
  const referenceRecoded = { rows: 0, firstLine: 0 };
  const fast = await collect(scanCsv(parts, { ...options, recoded: fastRecoded }, special));
  const reference = await collect(csvParseRecords(stream([bytes]), { ...options, recoded: referenceRecoded }, true));
  if (reference.error) reference.records = []; // csv-parse may drop records buffered before an error
  if (fast.error) fast.records = [];
  else {
    fast.recoded = fastRecoded;
    reference.recoded = referenceRecoded;
  }
  return { fast, reference };
}

// NUL after a closing quote is a csv-parse quirk the scanner copies (it closes the quote)
// (and Excel's text formulas, `="…"`, which both read as the text they show: read/excelText.ts)
const PIECES = ['a', 'b', 'x y', 'Zürich', '€', '日本', '"', '""', ',', ';', '\t', '\n', '\r', '\r\n', ' ', '!!!', 'ABC', '\0', '"\0', '="', '="0"', '='];

/** A field: plain, quoted, quoted with doubled quotes and line breaks, or deliberately odd. */
function field(rand: () => number): string {
  const r = rand();
  let text = '';
  const n = Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) text += PIECES[Math.floor(rand() * PIECES.length)];
  if (r < 0.15) return '';
  if (r < 0.2) {
    // an Excel text formula, unquoted or quoted, its inner quotes doubled (`="a""b"`, `"=""a""""b"""`)
    const formula = `="${text.replace(/[,;\t\r\n]/g, '').replace(/"/g, '""')}"`;
    return rand() < 0.5 ? formula : `"${formula.replace(/"/g, '""')}"`;
  }
  if (r < 0.55) return text.replace(/[",;\t\r\n]/g, ''); // plain
  if (r < 0.9) return `"${text.replace(/"/g, '""')}"`; // properly quoted
  return text; // raw: stray quotes, delimiters, line breaks where they do not belong
}

function generateCsv(rand: () => number, delimiter: string, recordDelimiter: string): Buffer {
  const width = 1 + Math.floor(rand() * 4);
  const lines: string[] = [];
  const rows = Math.floor(rand() * 8);
  lines.push(Array.from({ length: width }, (_, i) => `h${i}`).join(delimiter));
  for (let r = 0; r < rows; r++) {
    const w = rand() < 0.2 ? Math.floor(rand() * (width + 2)) : width; // ragged rows, empty lines
    lines.push(Array.from({ length: w }, () => field(rand)).join(delimiter));
  }
  let text = lines.join(recordDelimiter);
  if (rand() < 0.5) text += recordDelimiter;
  if (rand() < 0.1) text += recordDelimiter + recordDelimiter;
  let bytes = Buffer.from(text);
  if (rand() < 0.2) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  if (rand() < 0.15) {
    // invalid UTF-8: a lone continuation byte, a truncated sequence, an overlong form
    const bad = [[0x80], [0xe2, 0x82], [0xc0, 0xaf], [0xff]][Math.floor(rand() * 4)] as number[];
    const at = Math.floor(rand() * (bytes.length + 1));
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]);
  }
  return bytes;
}

describe('the byte scanner agrees with csv-parse', () => {
  it('on 2,000 generated files: records, values, line numbers and errors, whichever way the scanner skips bytes', async () => {
    let errors = 0;
    let formulas = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const rand = random(seed);
      const delimiter = [',', ';', '\t'][seed % 3] as string;
      const recordDelimiter = (['\n', '\r\n', '\r'] as const)[Math.floor(seed / 3) % 3]!;
      const skipping = SKIPPING[Math.floor(seed / 9) % 3]!;
      const bytes = generateCsv(rand, delimiter, recordDelimiter);
      const { fast, reference } = await both(bytes, { file: 'x.csv', delimiter, recordDelimiter }, rand, skipping.special(seed));
      if (reference.error) errors++;
      formulas += fast.records.filter((r) => r.written !== undefined).length;
      expect({ seed, skipping: skipping.name, ...fast }).toEqual({ seed, skipping: skipping.name, ...reference });
    }
    expect(errors).toBeGreaterThan(10); // the generator does reach unclosed quotes
    expect(formulas).toBeGreaterThan(100); // and records with Excel text formulas read as their text
  });

  it('a file read in large pieces, across the 64 KiB blocks of the index and small ones: the same records as csv-parse', async () => {
    // generated files joined until over 200 KB, read in pieces of up to 100 KB (a scan of each
    // piece indexes several blocks, and records and quoted fields cross their boundaries)
    for (const delimiter of [',', ';']) {
      const rand = random(delimiter.charCodeAt(0));
      const parts: Buffer[] = [Buffer.from(`a${delimiter}b${delimiter}c\n`)];
      let size = 0;
      while (size < 200_000) {
        const row = ['x', '"quoted, with ""doubled"" quotes\nand a line break"', 'Zürich €', ''][Math.floor(rand() * 4)]!;
        const line = `${Math.floor(rand() * 1e6)}${delimiter}${row}${delimiter}${'y'.repeat(Math.floor(rand() * 300))}\n`;
        parts.push(Buffer.from(line));
        size += line.length;
      }
      const bytes = Buffer.concat(parts);
      const pieces: Buffer[] = [];
      for (let i = 0; i < bytes.length; ) {
        const n = 1 + Math.floor(rand() * 100_000);
        pieces.push(bytes.subarray(i, i + n));
        i += n;
      }
      const reference = await collect(csvParseRecords(stream([bytes]), { file: 'x.csv', delimiter, recordDelimiter: '\n' }, true));
      expect(reference.records.length).toBeGreaterThan(1000);
      for (const special of [specialBytes(), specialBytesOf(4096), specialBytesOf(5), null]) {
        expect(await collect(scanCsv(pieces, { file: 'x.csv', delimiter, recordDelimiter: '\n' }, special))).toEqual(reference);
      }
    }
  });

  it('cases worked by hand: doubled quotes, a quote kept after a closing quote, CRLF in quotes', async () => {
    const text = 'id,text\r\n1,"say ""hi"""\r\n2,"a"b"c\r\n3,"x\r\ny"\r\n4,\r\n\r\n5,""\r\n';
    const fast = await collect(scanCsv([Buffer.from(text)], { file: 'f.csv', delimiter: ',', recordDelimiter: '\r\n' }));
    expect(fast.error).toBeNull();
    expect(fast.records).toEqual([
      { line: 1, values: ['id', 'text'] },
      { line: 2, values: ['1', 'say "hi"'] },
      // csv-parse (relax_quotes): the quote after "a" is kept and the opening quote put back
      { line: 3, values: ['2', '"a"b"c'] },
      { line: 4, values: ['3', 'x\r\ny'] },
      { line: 6, values: ['4', ''] },
      // line 7 is empty and skipped
      { line: 8, values: ['5', ''] },
    ]);
  });

  it("Excel's text formulas, unquoted or quoted, are read as the text they show by both readers; the record as written is kept", async () => {
    // line 2: `="007"` and `"=""2026-03-04 09:15:00"""` are 007 and the time; `=" 7 "` is ` 7 `
    // (trimmed where it is read, as any value); line 3: nothing but `="…"` exactly is one —
    // `=SUM(A1)`, `="a"&"b"`, an unclosed `="abc`, `=1+2` stay as they are; line 4: `""` inside is
    // one quote, `=""` is empty, and white space around the formula is passed over
    const text = [
      'id,created,note',
      '="007","=""2026-03-04 09:15:00""",=" 7 "',
      '=SUM(A1),="a"&"b",="abc',
      '"=""say """"hi"""""""," ="""" ",=1+2',
      '',
    ].join('\n');
    const expected = [
      { line: 1, values: ['id', 'created', 'note'] },
      { line: 2, values: ['007', '2026-03-04 09:15:00', ' 7 '], written: ['="007"', '="2026-03-04 09:15:00"', '=" 7 "'] },
      { line: 3, values: ['=SUM(A1)', '="a"&"b"', '="abc'] },
      { line: 4, values: ['say "hi"', '', '=1+2'], written: ['="say ""hi"""', ' ="" ', '=1+2'] },
    ];
    const options = { file: 'f.csv', delimiter: ',', recordDelimiter: '\n' } as const;
    expect(await collect(scanCsv([Buffer.from(text)], options))).toEqual({ records: expected, error: null });
    expect(await collect(csvParseRecords(stream([Buffer.from(text)]), options, true))).toEqual({ records: expected, error: null });
    // Windows-1252 text read by csv-parse alike
    expect(await collect(csvParseRecords(stream([Buffer.from(text, 'latin1')]), options, false))).toEqual({ records: expected, error: null });
  });

  it('LF and CRLF line ends mixed in one file end records alike, whichever came first (found by an independent review)', async () => {
    // a Windows export with lines appended by a Unix tool, and the other way round; a quoted last
    // field before either; an LF inside quotes stays in the value; a bare CR stays a character
    const windowsFirst = 'id,text\r\n1,a\r\n2,"q"\n3,b\n4,"x\ny"\r\n5,c\rd\n';
    const unixFirst = 'id,text\n1,a\n2,"q"\r\n3,b\r\n4,"x\ny"\n5,c\rd\r\n';
    const expected = [
      { line: 1, values: ['id', 'text'] },
      { line: 2, values: ['1', 'a'] },
      { line: 3, values: ['2', 'q'] },
      { line: 4, values: ['3', 'b'] },
      { line: 5, values: ['4', 'x\ny'] },
      { line: 7, values: ['5', 'c\rd'] },
    ];
    for (const [text, recordDelimiter] of [[windowsFirst, '\r\n'], [unixFirst, '\n']] as const) {
      const rand = random(7);
      const { fast, reference } = await both(Buffer.from(text), { file: 'f.csv', delimiter: ',', recordDelimiter }, rand);
      expect(fast.error).toBeNull();
      expect(fast.records).toEqual(expected);
      expect(reference.records).toEqual(expected);
    }
  });

  it('a NUL after a closing quote closes it, as in csv-parse (which takes NUL for the end of its buffer)', async () => {
    const text = 'id,x\n"T1"\0,2\n"T""2"\0x,3\n"T3"a,4\n';
    const fast = await collect(scanCsv([Buffer.from(text)], { file: 'f.csv', delimiter: ',', recordDelimiter: '\n' }));
    expect(fast.records).toEqual([
      { line: 1, values: ['id', 'x'] },
      { line: 2, values: ['T1\0', '2'] },
      // the bytes after the NUL are the field's; no opening quote put back
      { line: 3, values: ['T"2\0x', '3'] },
      // any other byte after the quote: kept, the opening quote put back
      { line: 4, values: ['"T3"a', '4'] },
    ]);
  });

  it('Windows-1252 bytes read one character per byte, as the WHATWG decoder reads them when streaming', () => {
    const all = Uint8Array.from({ length: 256 }, (_, b) => b);
    // (Node 20's TextDecoder reads Latin-1 instead when not streaming: only its streaming form is a reference)
    expect(decodeWindows1252(all)).toBe(new TextDecoder('windows-1252').decode(all, { stream: true }));
    expect(decodeWindows1252(Buffer.from([0x80, 0x92, 0x9c, 0x81, 0xe9]))).toBe('€’œ\u0081é');
    expect(decodeWindows1252(Buffer.from('xxAéyy', 'latin1'), 2, 4)).toBe('Aé');
  });

  it('a value that is not UTF-8 after a UTF-8 head is read as Windows-1252 and its row counted, by either reader and either way in', async () => {
    // 70 KiB of ASCII rows (the encoding is sniffed on the first 64 KiB), then "Café" in
    // Windows-1252 (é = 0xE9), then "Zürich" in UTF-8, then 0x81 (a byte Windows-1252 leaves
    // undefined: U+0081, kept)
    const head = ['id,channel,text'];
    for (let i = 0; i < 2000; i++) head.push(`a${i},email,plain ascii text for padding`);
    const lines = head.length;
    const bytes = Buffer.concat([
      Buffer.from(head.join('\n') + '\n'),
      Buffer.from('b1,email,"Caf'),
      Buffer.from([0xe9]),
      Buffer.from('"\nb2,email,Zürich\nb3,email,x'),
      Buffer.from([0x81]),
      Buffer.from('y\nb4,Zoë,it'),
      Buffer.from([0x92]),
      Buffer.from('s\n'),
    ]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const dir = mkdtempSync(join(tmpdir(), 'parity-1252-'));
    const path = join(dir, 'mixed.csv');
    writeFileSync(path, bytes);
    const expected = [
      { line: lines + 1, values: ['b1', 'email', 'Café'] },
      { line: lines + 2, values: ['b2', 'email', 'Zürich'] },
      { line: lines + 3, values: ['b3', 'email', 'x\u0081y'] },
      // one value in Windows-1252 (0x92 is ’): the row's UTF-8 values stay UTF-8
      { line: lines + 4, values: ['b4', 'Zoë', 'it’s'] },
    ];
    for (const [reader, input] of [['fast', path], ['csv-parse', path], ['fast', '-'], ['csv-parse', '-']] as const) {
      const source = await openCsv(input, stream(chunks(bytes, random(3))), { reader });
      const out = await collect(source.records);
      expect(out.records.slice(-4), `${reader} ${input}`).toEqual(expected);
      expect(source.encoding).toBe('utf-8');
      expect(source.recoded, `${reader} ${input}`).toEqual({ rows: 3, firstLine: lines + 1 });
    }
  });

  it('a quoted field straddling every chunk boundary, and a file shorter than one chunk', async () => {
    const text = 'id,text\n1,"one, ""two""\nthree"\n2,four\n';
    const expected = [
      { line: 1, values: ['id', 'text'] },
      { line: 2, values: ['1', 'one, "two"\nthree'] },
      { line: 4, values: ['2', 'four'] },
    ];
    const bytes = Buffer.from(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const parts = [bytes.subarray(0, cut), bytes.subarray(cut)];
      for (const special of [specialBytes(), specialBytesOf(1 + (cut % 5)), null]) {
        expect((await collect(scanCsv(parts, { file: 'f.csv', delimiter: ',', recordDelimiter: '\n' }, special))).records).toEqual(expected);
      }
    }
    const oneByte = Array.from(bytes, (b) => Buffer.from([b]));
    expect((await collect(scanCsv(oneByte, { file: 'f.csv', delimiter: ',', recordDelimiter: '\n' }))).records).toEqual(expected);
  });

  it('an unclosed quote is an error at the line its record starts, not where the file ends (found by an independent attack)', async () => {
    // lines: 1 header, 2 "1,ok", 3 the record whose quote never closes, 4 "more", 5 empty
    const text = 'id,text\n1,ok\n2,"never closed\nmore\n';
    const fast = await collect(scanCsv([Buffer.from(text)], { file: 'f.csv', delimiter: ',', recordDelimiter: '\n' }));
    expect(fast.error).toEqual({
      message: 'a quoted field from this line on is never closed: the file ends inside it',
      line: 3,
      hint: 'check this row for a stray " (a quote inside a quoted value is written twice: "")',
    });
    // in the header itself: line 1
    const head = await collect(scanCsv([Buffer.from('id,"text\n1,ok\n')], { file: 'f.csv', delimiter: ',', recordDelimiter: '\n' }));
    expect(head.error?.line).toBe(1);
  });

  it('a record longer than the limit fails with its line instead of filling memory', () => {
    const records: RawRecord[] = [];
    const scanner = new CsvScanner({ file: 'big.csv', delimiter: ',', recordDelimiter: '\n', maxRecordBytes: 100 }, (r) => records.push(r));
    scanner.feed(Buffer.from('id,text\n1,short\n2,"'));
    expect(() => scanner.feed(Buffer.alloc(200, 0x61))).toThrow(/larger than 100 bytes/);
    expect(records.map((r) => r.line)).toEqual([1, 2]);
    try {
      scanner.feed(Buffer.alloc(1, 0x61));
    } catch (error) {
      expect((error as ParityError).location).toEqual({ file: 'big.csv', line: 3 });
    }
  });

  it('openCsv gives the same records through either reader', async () => {
    const rand = random(7);
    for (let k = 0; k < 50; k++) {
      const bytes = Buffer.from(`id,channel,text\n${Array.from({ length: 20 }, (_, i) => `${k}-${i},email,${field(rand).replace(/\r/g, '')}`).join('\n')}\n`);
      const read = async (reader: 'fast' | 'csv-parse'): Promise<Outcome & { header?: string[] }> => {
        try {
          const source = await openCsv('-', stream(chunks(bytes, rand)), { reader });
          return { header: source.header, ...(await collect(source.records)) };
        } catch (error) {
          if (!(error instanceof ParityError)) throw error;
          return { records: [], error: { message: error.message, line: error.location?.line, hint: error.hint } };
        }
      };
      const fast = await read('fast');
      const reference = await read('csv-parse');
      // An error may surface at opening (csv-parse buffers) or while reading (the scanner): the
      // same error either way, and no records are compared after one.
      if (reference.error || fast.error) {
        expect(fast.error).toEqual(reference.error);
        continue;
      }
      expect(fast).toEqual(reference);
    }
  });

  it('a file is read straight into the scanner (no stream copy) with the same records as csv-parse, across many reads', async () => {
    const rand = random(11);
    const dir = mkdtempSync(join(tmpdir(), 'parity-scan-'));
    // Files past the 1 MiB read: quoted fields with line breaks and doubled quotes fall across
    // the reads; CRLF, a BOM and a file without a final line break too.
    const variants = [
      { size: 3.5 * 1024 * 1024, eol: '\n', bom: false, last: '\n' },
      { size: 2.2 * 1024 * 1024, eol: '\r\n', bom: true, last: '' },
      { size: 300, eol: '\n', bom: false, last: '' },
    ];
    for (const [k, v] of variants.entries()) {
      const lines = ['id,channel,text'];
      let size = 0;
      for (let i = 0; size < v.size; i++) {
        const text = rand() < 0.3 ? `"${'line ""one""\nline two, '.repeat(1 + Math.floor(rand() * 40))}"` : field(rand).replace(/[\r\n]/g, '');
        const line = `${k}-${i},email,${text}`;
        lines.push(line);
        size += line.length + v.eol.length;
      }
      const path = join(dir, `f${k}.csv`);
      writeFileSync(path, `${v.bom ? '\uFEFF' : ''}${lines.join(v.eol)}${v.last}`);
      const read = async (reader: 'fast' | 'csv-parse'): Promise<Outcome & { header: string[]; position?: unknown }> => {
        const source = await openCsv(path, stream([]), { reader });
        const out = await collect(source.records);
        return { header: source.header, ...out, ...(reader === 'fast' ? { position: source.position?.() } : {}) };
      };
      const fast = await read('fast');
      const reference = await read('csv-parse');
      expect(fast.error).toBeNull();
      expect(fast.records).toEqual(reference.records);
      expect(fast.header).toEqual(reference.header);
      const bytes = statSync(path).size;
      expect(fast.position).toEqual({ bytesRead: bytes, totalBytes: bytes });
    }
    // A reader stopped early closes the file (the iterator's return).
    const source = await openCsv(join(dir, 'f0.csv'), stream([]), {});
    for await (const record of source.records) if (record.line > 10) break;
  });
});
