import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { openCsv, sniffDelimiters, type RawRecord } from '../../src/read/source.js';

async function readAll(text: string | Buffer): Promise<{ header: string[]; records: RawRecord[] }> {
  const source = await openCsv('-', Readable.from([Buffer.from(text)]));
  const records: RawRecord[] = [];
  for await (const r of source.records) records.push(r);
  return { header: source.header, records };
}

describe('reading delimited text', () => {
  it('sniffs the delimiter from the header line, ignoring quoted text', () => {
    expect(sniffDelimiters('a,b,c\n1,2,3')).toEqual({ delimiter: ',', recordDelimiter: '\n' });
    expect(sniffDelimiters('\uFEFFa;b;c\r\n1;2;3')).toEqual({ delimiter: ';', recordDelimiter: '\r\n' });
    expect(sniffDelimiters('a\tb\tc\r1\t2\t3')).toEqual({ delimiter: '\t', recordDelimiter: '\r' });
    expect(sniffDelimiters('"x;y;z",b,c\n')).toEqual({ delimiter: ',', recordDelimiter: '\n' });
  });

  it('a bare CR before the first line feed (in the header) is a character of its field, not the record delimiter (found by an attack)', async () => {
    expect(sniffDelimiters('id,sub\rject\n1,ab\n2,x\n')).toEqual({ delimiter: ',', recordDelimiter: '\n' });
    expect(sniffDelimiters('id,sub\rject\r\n1,ab\r\n')).toEqual({ delimiter: ',', recordDelimiter: '\r\n' });
    // a file with no line feed at all is CR-ended (classic Mac), as before
    expect(sniffDelimiters('id,a\r1,2\r')).toEqual({ delimiter: ',', recordDelimiter: '\r' });
    // and so is one whose stray quote (5" screen) comes before a quoted line feed (found by a review)
    expect(sniffDelimiters('id,note\r1,5" screen\r2,"two\nlines"\r3,x\r').recordDelimiter).toBe('\r');
    // and the three rows are read as three, the CR kept in the header's name
    const { header, records } = await readAll('ticket_id,channel,created_at,sub\rject\nT1,phone,2026-10-01T09:00:00Z,ab\nT2,email,2026-10-02T09:00:00Z,x\nT3,email,2026-10-02T09:00:00Z,x\n');
    expect(header).toEqual(['ticket_id', 'channel', 'created_at', 'sub\rject']);
    expect(records.map((r) => [r.values[0], r.line])).toEqual([['T1', 2], ['T2', 3], ['T3', 4]]);
  });

  it('keeps the line each record starts on, across quoted line breaks', async () => {
    const { header, records } = await readAll('id,text\n1,"one\ntwo\nthree"\n2,plain\n\n3,"a\r\nb"\n4,x\n');
    expect(header).toEqual(['id', 'text']);
    expect(records.map((r) => [r.values[0], r.line])).toEqual([
      ['1', 2],
      ['2', 5],
      ['3', 7],
      ['4', 9],
    ]);
    expect(records[0]?.values[1]).toBe('one\ntwo\nthree');
  });

  it('survives bare carriage returns inside an unquoted field of an LF file', async () => {
    const { records } = await readAll('id,text\n1,a\rb\rc\n2,d\n');
    expect(records.map((r) => [r.values, r.line])).toEqual([
      [['1', 'a\rb\rc'], 2],
      [['2', 'd'], 3],
    ]);
  });

  it('strips a BOM, reads CRLF and semicolons, and un-gzips by magic bytes', async () => {
    const text = '\uFEFFid;channel\r\n1;phone\r\n2;email\r\n';
    const plain = await readAll(text);
    expect(plain.header).toEqual(['id', 'channel']);
    expect(plain.records.map((r) => r.values)).toEqual([
      ['1', 'phone'],
      ['2', 'email'],
    ]);
    const zipped = await readAll(gzipSync(Buffer.from(text)));
    expect(zipped.records.map((r) => r.values)).toEqual(plain.records.map((r) => r.values));
  });

  it('reads Excel\'s other encodings: UTF-16LE with BOM, and Windows-1252 when not UTF-8', async () => {
    const text = 'id,text\n1,Café €5\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await readAll(utf16)).records[0]?.values).toEqual(['1', 'Café €5']);
    // é = 0xE9 and € = 0x80 in Windows-1252; neither is valid UTF-8 on its own
    const cp1252 = Buffer.from([...Buffer.from('id,text\n1,Caf'), 0xe9, 0x20, 0x80, 0x35, 0x0a]);
    expect((await readAll(cp1252)).records[0]?.values).toEqual(['1', 'Café €5']);
    expect((await readAll(Buffer.from(text))).records[0]?.values).toEqual(['1', 'Café €5']);
  });

  it('UTF-16LE saved without its byte-order mark is read as UTF-16LE; UTF-16BE and UTF-32 are refused naming the fix (found by an independent review)', async () => {
    const text = 'id,text\n1,Café €5\n';
    // no BOM: a NUL after every ASCII byte (it was read as UTF-8, every value full of NULs)
    expect((await readAll(Buffer.from(text, 'utf16le'))).records[0]?.values).toEqual(['1', 'Café €5']);
    const swapped = Buffer.from(text, 'utf16le').swap16();
    await expect(readAll(swapped)).rejects.toThrow('the file is UTF-16 big-endian, which parity does not read');
    const utf32 = Buffer.alloc(text.length * 4);
    for (let i = 0; i < text.length; i++) utf32.writeUInt32LE(text.codePointAt(i) as number, i * 4);
    await expect(readAll(utf32)).rejects.toThrow('the file is UTF-32, which parity does not read');
    await expect(readAll(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32]))).rejects.toThrow('the file is UTF-32, which parity does not read');
  });

  it('an empty input is an error naming the file', async () => {
    await expect(readAll('')).rejects.toThrow('the file is empty');
    await expect(readAll('\n\n')).rejects.toThrow('the file is empty');
  });
});

describe('lines above the header (found by an independent attack: a title line or Excel\'s sep= line made the file unreadable)', () => {
  it('the delimiter: Excel\'s sep= names it; a title line holding at most one of any is passed over', () => {
    expect(sniffDelimiters('sep=;\r\na;b;c\r\n1;2;3')).toEqual({ delimiter: ';', recordDelimiter: '\r\n' });
    expect(sniffDelimiters('sep=\t\na\tb\n')).toEqual({ delimiter: '\t', recordDelimiter: '\n' });
    expect(sniffDelimiters('Report, October 2026\na;b;c;d\n1;2;3;4')).toEqual({ delimiter: ';', recordDelimiter: '\n' });
    // a two-column header still decides on its one comma when no line holds two
    expect(sniffDelimiters('a,b\n1,2')).toEqual({ delimiter: ',', recordDelimiter: '\n' });
  });

  for (const reader of [undefined, 'csv-parse' as const]) {
    it(`${reader ?? 'the byte scanner'}: a title line, Excel's padded title and sep= are passed over, lines keep their numbers`, async () => {
      for (const [text, headerLine] of [
        ['Conversations report Oct 2026\nid,channel,created_at\n1,phone,2026-10-01\n', 2],
        ['Report,,\n\nid,channel,created_at\n1,phone,2026-10-01\n', 3],
        ['sep=;\r\nid;channel;created_at\r\n1;phone;2026-10-01\r\n', 2],
      ] as const) {
        const source = await openCsv('-', Readable.from([Buffer.from(text)]), reader ? { reader } : {});
        expect(source.header).toEqual(['id', 'channel', 'created_at']);
        // the line passed over, for the note that says so (a blank line is no line of the table either)
        expect(source.aboveHeader?.lines).toEqual([1]);
        const rows: Array<[number, string[]]> = [];
        for await (const r of source.records) rows.push([r.line, r.values]);
        expect(rows).toEqual([[headerLine + 1, ['1', 'phone', '2026-10-01']]]);
      }
    });
  }

  it('a file of one value a line has no header row: said so', async () => {
    await expect(openCsv('-', Readable.from([Buffer.from('ids\n1\n2\n')]))).rejects.toMatchObject({ message: 'no header row: the first 3 lines hold one value each', location: { file: '<stdin>', line: 3 } });
  });
});

describe('the note on lines passed over above the header', () => {
  it('names the lines and the first one\'s text', async () => {
    const { readNotes } = await import('../../src/formats/open.js');
    const opened = { file: 'r.csv', aboveHeader: { lines: [1, 2], first: 'sep=' } } as unknown as Parameters<typeof readNotes>[0];
    expect(readNotes(opened)).toEqual(['r.csv: lines 1, 2 above the header ("sep=", …) passed over: a title or Excel\'s sep= line, not a ticket']);
  });
});
