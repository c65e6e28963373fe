/** The JSON reader: NDJSON lines, arrays and API pages become flat records with line numbers. */
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { exactNumbers, flatten, openJson, recordsOf } from '../../../src/read/ndjson.js';
import { openCsv } from '../../../src/read/source.js';
import { auditFiles } from '../../helpers/audit.js';
import type { RawRecord } from '../../../src/read/record.js';

async function readAll(text: string): Promise<{ header: string[]; records: Array<{ line: number; values: string[]; rejected?: RawRecord['rejected'] }> }> {
  const source = await openJson('t.json', Readable.from([Buffer.from(text)]));
  const records = [];
  for await (const r of source.records) records.push({ line: r.line, values: r.values, ...(r.rejected ? { rejected: r.rejected } : {}) });
  return { header: source.header, records };
}

describe('flatten and recordsOf', () => {
  it('nested objects become dotted keys; plain arrays are joined; null is empty', () => {
    const flat = flatten({ id: 1, via: { channel: 'web', source: { rel: null } }, tags: ['a', 'b'], ok: true, custom: [{ id: 5 }] });
    expect(Object.fromEntries(flat)).toEqual({ id: '1', 'via.channel': 'web', 'via.source.rel': '', tags: 'a, b', ok: 'true', custom: '[{"id":5}]' });
  });

  it('unwraps {"ticket": {...}}, arrays and pages', () => {
    expect(recordsOf({ ticket: { id: 1 } }).records).toEqual([{ id: 1 }]);
    expect(recordsOf([{ id: 1 }, { ticket: { id: 2 } }]).records).toEqual([{ id: 1 }, { id: 2 }]);
    const page = recordsOf({ count: 2, tickets: [{ id: 1 }, { id: 2 }], users: [{ id: 9 }], end_of_stream: true });
    expect(page.records).toEqual([{ id: 1 }, { id: 2 }]);
    expect(page.arrayIndex).toBe(0);
    // A ticket that merely has an array of objects stays one record.
    expect(recordsOf({ id: 1, via: { channel: 'web' }, comments: [{ id: 3 }] }).records).toHaveLength(1);
  });

  it('values that are not objects are records too (for the normaliser to reject), never dropped', () => {
    // an array's elements are its records, whatever they are; a lone value is one record
    expect(recordsOf([{ id: 1 }, 5, 'x', [1], null, { ticket: { id: 2 } }]).records).toEqual([{ id: 1 }, 5, 'x', [1], null, { id: 2 }]);
    expect(recordsOf(42).records).toEqual([42]);
    // a page's own list with a stray value: its records, the value among them (not the page as one record)
    expect(recordsOf({ tickets: [{ id: 'N1' }, 5, { id: 'N2' }], next_page: null }).records).toEqual([{ id: 'N1' }, 5, { id: 'N2' }]);
    // an unnamed list with a stray value stays a field of one record, as before
    expect(recordsOf({ id: 1, parts: [{ id: 3 }, 5] }).records).toHaveLength(1);
    expect(recordsOf(null).records).toEqual([null]);
  });
});

describe('bytes that are not UTF-8', () => {
  it('read as U+FFFD (JSON is UTF-8) and counted by line for a note, never passed over', async () => {
    const bytes = Buffer.concat([Buffer.from('{"id":1,"c":"ok"}\n{"id":2,"c":"Zo'), Buffer.from([0xeb]), Buffer.from('"}\n{"id":3,"c":"x"}\n{"id":4,"c":"'), Buffer.from([0xff]), Buffer.from('"}\n')]);
    const source = await openJson('t.json', Readable.from([bytes]));
    const values = [];
    for await (const r of source.records) values.push(r.values);
    expect(values).toEqual([['1', 'ok'], ['2', 'Zo\uFFFD'], ['3', 'x'], ['4', '\uFFFD']]);
    expect(source.replaced).toEqual({ rows: 2, firstLine: 2 });
  });

  it('a character cut by a chunk boundary is valid; a bad byte, or a character cut short by the end, is not', async () => {
    const text = Buffer.from('{"id":1,"c":"日本"}\n{"id":2,"c":"Zoë"}\n');
    // every cut of the bytes into two chunks, the 3-byte 日 and 2-byte ë among them: no note
    for (let cut = 1; cut < text.length; cut++) {
      const source = await openJson('t.json', Readable.from([text.subarray(0, cut), text.subarray(cut)]));
      for await (const r of source.records) void r;
      expect(source.replaced, `cut at ${cut}`).toEqual({ rows: 0, firstLine: 0 });
    }
    // 0xFF in the second chunk, and a last line that ends inside a character
    const bad = await openJson('t.json', Readable.from([Buffer.from('{"id":1,"c":"ok"}\n{"id":2,"c":"x'), Buffer.from([0xff]), Buffer.from('"}\n{"id":3,"c":"'), Buffer.from([0xe6, 0x97]), Buffer.from('"}')]));
    const values = [];
    for await (const r of bad.records) values.push(r.values);
    expect(values).toEqual([['1', 'ok'], ['2', 'x\uFFFD'], ['3', '\uFFFD']]);
    expect(bad.replaced).toEqual({ rows: 2, firstLine: 2 });
  });

  it('a replacement character the file itself holds (valid UTF-8: EF BF BD) is data, not a note', async () => {
    const source = await openJson('t.json', Readable.from([Buffer.from('{"id":1,"c":"broken \uFFFD earlier"}\n{"id":2,"c":"ok"}\n')]));
    const values = [];
    for await (const r of source.records) values.push(r.values);
    expect(values).toEqual([['1', 'broken \uFFFD earlier'], ['2', 'ok']]);
    expect(source.replaced).toEqual({ rows: 0, firstLine: 0 });
  });
});

describe('numbers a double cannot hold', () => {
  it('ids beyond 2^53 keep every digit (two tickets stay two), numbers beyond the double range stay as written', async () => {
    // 2^53 = 9007199254740992: one more is the first integer a double cannot hold
    const { records } = await readAll(
      '{"id":12345678901234567890,"n":9007199254740993}\n{"id":12345678901234567891,"n":9007199254740992}\n{"id":-98765432109876543210,"n":1e400}\n',
    );
    expect(records.map((r) => r.values)).toEqual([
      ['12345678901234567890', '9007199254740993'],
      ['12345678901234567891', '9007199254740992'],
      ['-98765432109876543210', '1e400'],
    ]);
    // a whole JSON document (an array) too
    const doc = await readAll('[{"id":12345678901234567890},{"id":12345678901234567891}]');
    expect(doc.records.map((r) => r.values)).toEqual([['12345678901234567890'], ['12345678901234567891']]);
  });

  it('leaves strings, short numbers and invalid text alone', () => {
    expect(exactNumbers('{"a":1,"b":2.5}')).toBe('{"a":1,"b":2.5}');
    // digits inside a string (with an escaped quote before them) are text already
    expect(exactNumbers('{"a":"x\\"12345678901234567890","b":12345678901234567890}')).toBe('{"a":"x\\"12345678901234567890","b":"12345678901234567890"}');
    // a long number with a fraction is a double as written (not an id)
    expect(exactNumbers('[12345678901234567.5]')).toBe('[12345678901234567.5]');
    // not a JSON number: left for JSON.parse to reject
    expect(exactNumbers('[01234567890123456789]')).toBe('[01234567890123456789]');
    // a number where a key belongs is no value: invalid JSON stays invalid
    expect(exactNumbers('{12345678901234567890: "x"}')).toBe('{12345678901234567890: "x"}');
    expect(exactNumbers('{"a":1, 99999999999999999999:2}')).toBe('{"a":1, 99999999999999999999:2}');
    expect(() => JSON.parse(exactNumbers('{"a":1, 99999999999999999999:2}'))).toThrow();
    // values in arrays inside objects inside arrays, after a string, after a nested array
    expect(exactNumbers('[{"a":[1, 12345678901234567890]}, [2], 12345678901234567891]')).toBe('[{"a":[1, "12345678901234567890"]}, [2], "12345678901234567891"]');
    // below the double range: 1e-400 would read 0; 0e-500 is 0
    expect(exactNumbers('{"a":1e-400,"b":0e-500}')).toBe('{"a":"1e-400","b":0e-500}');
  });
});

describe('openJson', () => {
  it('NDJSON: one record per line, header = union of keys in first-seen order, blank lines skipped', async () => {
    const { header, records } = await readAll('{"ticket":{"id":1,"via":{"channel":"web"}}}\n\n{"ticket":{"id":2,"status":"open"}}\n');
    expect(header).toEqual(['id', 'via.channel', 'status']);
    expect(records).toEqual([
      { line: 1, values: ['1', 'web', ''] },
      { line: 3, values: ['2', '', 'open'] },
    ]);
  });

  it('a pretty-printed array: each element keeps the line it starts on', async () => {
    const text = '[\n  {\n    "id": 1\n  },\n  {"id": 2, "note": "a { brace\\" in text"}\n]\n';
    const { records } = await readAll(text);
    expect(records).toEqual([
      { line: 2, values: ['1', ''] },
      { line: 5, values: ['2', 'a { brace" in text'] },
    ]);
  });

  it('a pretty-printed API page reads its record list', async () => {
    const text = '{\n "users": [],\n "tickets": [\n  {"id": 7},\n  {"id": 8}\n ],\n "next_page": null\n}\n';
    const { header, records } = await readAll(text);
    expect(header).toEqual(['id']);
    // "users" is the first array property, "tickets" the second: elements start on lines 4 and 5.
    expect(records.map((r) => r.line)).toEqual([4, 5]);
  });

  it('a HAL page (Help Scout): the list inside _embedded, each element with the line it starts on', async () => {
    // _links holds one array ("curies", lines 3-5) before _embedded's "conversations" (elements on lines 9, 10 and 11)
    const text = [
      '{',
      ' "_links": {',
      '  "curies": [',
      '   {"name": "hs"}',
      '  ]',
      ' },',
      ' "_embedded": {',
      '  "conversations": [',
      '   {"number": 7, "createdAt": "2026-07-01T08:00:00Z"},',
      '   {"number": 8, "createdAt": "2026-07-01T09:00:00Z"},',
      '   42',
      '  ]',
      ' },',
      ' "page": {"size": 25, "totalElements": 3}',
      '}',
    ].join('\n');
    const { header, records } = await readAll(text);
    expect(header).toEqual(['number', 'createdAt']);
    expect(records.map((r) => [r.line, r.values, r.rejected?.kind ?? null])).toEqual([
      [9, ['7', '2026-07-01T08:00:00Z'], null],
      [10, ['8', '2026-07-01T09:00:00Z'], null],
      [11, [], 'not-an-object'],
    ]);
    // the same page on one line (NDJSON): its records, on that line
    const one = await readAll(`${JSON.stringify(JSON.parse(text))}\n`);
    expect(one.records.map((r) => [r.line, r.values])).toEqual([
      [1, ['7', '2026-07-01T08:00:00Z']],
      [1, ['8', '2026-07-01T09:00:00Z']],
      [1, []],
    ]);
  });

  it('an NDJSON line that is not an object is a record marked rejected, with its line and what it is', async () => {
    // lines 2–5 hold no object: [1,2] is two records (an array's elements are records, as
    // [{…},{…}] is two), "str", 42 and null one each; the header is the objects' keys only
    const { header, records } = await readAll('{"id":1,"c":"phone"}\n[1,2]\n"str"\n42\nnull\n{"id":3,"c":"email"}\n');
    expect(header).toEqual(['id', 'c']);
    const what = (value: string, kind: string) => ({ kind: 'not-an-object', detail: `a JSON record must be an object {…}; this is ${kind}`, value });
    expect(records).toEqual([
      { line: 1, values: ['1', 'phone'] },
      { line: 2, values: [], rejected: what('1', 'a number') },
      { line: 2, values: [], rejected: what('2', 'a number') },
      { line: 3, values: [], rejected: what('"str"', 'a string') },
      { line: 4, values: [], rejected: what('42', 'a number') },
      { line: 5, values: [], rejected: what('null', 'null') },
      { line: 6, values: ['3', 'email'] },
    ]);
  });

  it('a pretty-printed array: a plain value or a nested array keeps the line it starts on too', async () => {
    // elements start on lines 2 ({id 1}), 3 (5), 4 ("x, y"), 5 ([1, {…}] over lines 5–7), 8 (true), 9 ({id 2})
    const text = '[\n  {"id": 1},\n  5,\n  "x, y",\n  [1,\n   {"id": 9}\n  ],\n  true,\n  {"id": 2}\n]\n';
    const { records } = await readAll(text);
    expect(records.map((r) => [r.line, r.values, r.rejected?.value ?? null])).toEqual([
      [2, ['1'], null],
      [3, [], '5'],
      [4, [], '"x, y"'],
      [5, [], '[1,{"id":9}]'],
      [8, [], 'true'],
      [9, ['2'], null],
    ]);
    expect(records[4]?.rejected?.detail).toBe('a JSON record must be an object {…}; this is a boolean (true)');
  });

  it('a JSON of no object at all is an input error, as before', async () => {
    await expect(readAll('[1, 2]\n')).rejects.toThrow('the JSON holds no objects: nothing to read');
  });

  it('an API page with an empty list holds no record: not a row rejected for its missing id', async () => {
    // Zendesk's incremental export ends on a page of no tickets; dumped one page per line, that
    // line had been read as a record of its own (keys tickets, next_page, …) and rejected as
    // missing-id, half of this file's rows "with data problems"
    const text = '{"tickets": [{"id": 1}], "next_page": "https://x/2", "count": 1}\n{"tickets": [], "next_page": null, "count": 0, "end_of_stream": true}\n';
    const { header, records } = await readAll(text);
    expect(header).toEqual(['id']);
    expect(records.map((r) => [r.line, r.values])).toEqual([[1, ['1']]]);
    // HubSpot's and Help Scout's pages alike; a file of nothing but an empty page is an input error
    await expect(readAll('{"results": [], "paging": {}}')).rejects.toThrow('the JSON holds no objects: nothing to read');
    await expect(readAll('{"_embedded": {"conversations": []}, "page": {"size": 50, "totalElements": 0}}')).rejects.toThrow('nothing to read');
    // a ticket that has an empty list of that name is still a ticket: it has keys of its own
    expect((await readAll('{"id": 7, "data": [], "count": 0}\n')).records.map((r) => r.values)).toEqual([['7', '', '0']]);
  });

  it('a broken line is an input error naming the line', async () => {
    await expect(readAll('{"id":1}\n{"id":\n')).rejects.toThrow(/not valid JSON/);
    await expect(
      (async () => {
        const s = await openJson('t.json', Readable.from([Buffer.from('{"id":1}\n{"id":\n')]));
        for await (const _ of s.records) void _;
      })(),
    ).rejects.toMatchObject({ location: { file: 't.json', line: 2 } });
  });

  it('a broken first line of NDJSON, or a broken record inside a pretty-printed array, is named at its own line (found by an attack)', async () => {
    const good = (id: number): string => `{"id":${id},"channel":"phone","created_at":"2026-10-01T09:00:00Z"}`;
    // line 1 lacks a comma before "created_at"; it had been reported at the last line (4)
    const ndjson = ['{"id":1,"channel":"phone" "created_at":"2026-10-01T09:00:00Z"}', good(2), good(3), good(4), ''].join('\n');
    await expect(openJson('t.ndjson', Readable.from([Buffer.from(ndjson)]))).rejects.toMatchObject({
      location: { file: 't.ndjson', line: 1 },
      message: `not valid JSON: Expected ',' or '}' after property value`,
    });
    // an escape character raw inside a string of line 1
    const raw = ['{"id":1,"channel":"ph\u001bone","created_at":"2026-10-01T09:00:00Z"}', good(2), ''].join('\n');
    await expect(openJson('t.ndjson', Readable.from([Buffer.from(raw)]))).rejects.toMatchObject({ location: { line: 1 }, message: 'not valid JSON: Bad control character in string literal' });
    // an array, one record per line: the third line's record is broken (reported at line 5, the last, before)
    const array = ['[', `${good(1)},`, '{"id":2,"channel":"phone" "created_at":"2026-10-01T09:00:00Z"},', good(3), ']', ''].join('\n');
    await expect(openJson('t.json', Readable.from([Buffer.from(array)]))).rejects.toMatchObject({ location: { line: 3 } });
    // text after a whole document (jq's pretty output of two objects): the line of the second
    const two = ['{', '  "id": 1', '}', '{', '  "id": 2', '}', ''].join('\n');
    await expect(openJson('t.json', Readable.from([Buffer.from(two)]))).rejects.toMatchObject({ location: { line: 4 }, message: 'not valid JSON: Unexpected non-whitespace character' });
  });

  it('openCsv hands JSON to the JSON reader by its first byte (after a BOM and spaces)', async () => {
    const source = await openCsv('-', Readable.from([Buffer.from('\uFEFF  {"id": 1, "via": {"channel": "email"}}\n')]));
    expect(source.header).toEqual(['id', 'via.channel']);
  });
});

describe('a key first seen after the records the header is made from (found by an attack)', () => {
  // 1,000 unanswered tickets without first_response_at (an exporter leaves out a null), then one
  // answered: the key first appears on line 1,001
  const lines = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ id: `T${i}`, channel: 'email', created_at: '2026-10-01T00:00:00Z' }));
  lines.push(JSON.stringify({ id: 'LATE', channel: 'email', created_at: '2026-10-01T00:00:00Z', first_response_at: '2026-10-01T01:00:00Z', priority: 'high' }));
  const text = `${lines.join('\n')}\n`;

  it('a file is read once more for its keys: the header has every key, and the late record its values', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'parity-late-')), 'late.ndjson');
    writeFileSync(file, text);
    const source = await openCsv(file, Readable.from([]));
    expect(source.header).toEqual(['id', 'channel', 'created_at', 'first_response_at', 'priority']);
    const records: RawRecord[] = [];
    for await (const r of source.records) records.push(r);
    expect(records).toHaveLength(1001);
    expect(records[1000]).toMatchObject({ line: 1001, values: ['LATE', 'email', '2026-10-01T00:00:00Z', '2026-10-01T01:00:00Z', 'high'] });
    expect(records[0]?.values).toEqual(['T0', 'email', '2026-10-01T00:00:00Z', '', '']);
    expect(source.lateKeys?.keys).toEqual([]);
  });

  it('the same file gzipped is read once more too', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'parity-late-')), 'late.ndjson.gz');
    writeFileSync(file, gzipSync(text));
    expect((await openCsv(file, Readable.from([]))).header).toEqual(['id', 'channel', 'created_at', 'first_response_at', 'priority']);
  });

  it('standard input cannot be read twice: the late keys are named with the line of the first, for a note', async () => {
    const source = await openCsv('-', Readable.from([Buffer.from(text)]));
    expect(source.header).toEqual(['id', 'channel', 'created_at']);
    for await (const _ of source.records) void _;
    expect(source.lateKeys).toEqual({ keys: ['first_response_at', 'priority'], firstLine: 1001, why: 'stdin' });
  });

  it('a file takes at most 1,000 keys first seen later, and says which it did not read (found by a review)', async () => {
    // 1,200 records past the first 1,000, each with a key of its own (k0 … k1199): the header
    // would grow with the file, and every record is written out to its width
    const many = [...lines.slice(0, 1000), ...Array.from({ length: 1200 }, (_, i) => JSON.stringify({ id: `M${i}`, channel: 'email', created_at: '2026-10-01T00:00:00Z', [`k${i}`]: 'x' }))];
    const file = join(mkdtempSync(join(tmpdir(), 'parity-late-')), 'many.ndjson');
    writeFileSync(file, `${many.join('\n')}\n`);
    const source = await openCsv(file, Readable.from([]));
    expect(source.header).toHaveLength(3 + 1000);
    expect(source.header.slice(0, 5)).toEqual(['id', 'channel', 'created_at', 'k0', 'k1']);
    expect(source.header.at(-1)).toBe('k999');
    for await (const _ of source.records) void _;
    // k1000 is on line 2,001; ten are named, 190 more counted
    expect(source.lateKeys).toEqual({ keys: Array.from({ length: 10 }, (_, i) => `k${1000 + i}`), more: 190, firstLine: 2001, why: 'many' });
  });

  it('the audit says so in its notes, and a file audits the answered ticket', async () => {
    const piped = await auditFiles(['-'], {}, {}, text);
    expect(piped.input.notes).toContain(
      '<stdin>: JSON keys first seen after the first 1,000 records (from line 1,001) were not read: "first_response_at", "priority"; standard input cannot be read twice for them: save the export to a file and audit that (every key of a file is read)',
    );
    const file = join(mkdtempSync(join(tmpdir(), 'parity-late-')), 'late.ndjson');
    writeFileSync(file, text);
    const read = await auditFiles([file]);
    expect(read.channels.map((c) => [c.channel, c.tickets, c.answered])).toEqual([['email', 1001, 1]]);
    expect(read.input.notes.some((n) => n.includes('were not read'))).toBe(false);
  });
});

describe('a column empty in every sample row does not stand in for a filled one (found by an independent review)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-bind-'));

  it('a Zendesk record with "via": null leaves the channel read from via.channel', async () => {
    // 40 tickets, odd ids email, even ids voice (phone), and one whose via is null: the flat
    // `via` column it adds is empty on every other record and must not be the channel column
    const lines = Array.from({ length: 40 }, (_, k) =>
      JSON.stringify({ ticket: { id: k + 1, via: { channel: (k + 1) % 2 ? 'email' : 'voice' }, created_at: '2026-10-01T09:00:00Z', status: 'open' } }),
    );
    lines.push(JSON.stringify({ ticket: { id: 99, via: null, created_at: '2026-10-01T09:00:00Z' } }));
    const file = join(dir, 'zd.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const report = await auditFiles([file]);
    expect(Object.fromEntries(report.channels.map((c) => [c.channel, c.tickets]))).toMatchObject({ phone: 20, email: 20 });
  });

  it('a "First Response Time" column of HH:MM:SS is read as a duration, whatever its header says', async () => {
    const file = join(dir, 'frt.csv');
    writeFileSync(file, 'ticket_id,channel,created_at,First Response Time\n1,phone,2026-10-01T09:00:00Z,01:30:00\n2,email,2026-10-01T09:00:00Z,00:10:00\n');
    const report = await auditFiles([file]);
    // 1:30:00 = 5,400 s; 0:10:00 = 600 s
    expect(report.channels.map((c) => [c.channel, c.firstResponse.median])).toEqual([['phone', 5400], ['email', 600]]);
    expect(report.input.rowsRejected).toBe(0);
  });
});

describe('API pages of the helpdesks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-api-pages-'));
  it("a HubSpot CRM v3 page: each object's properties are its fields", async () => {
    // ticket 101 phone, first agent reply after 10 min (closed after 1 h); 102 email, reply after 30 min, still open
    const ticket = (id: string, source: string, created: string, reply: string, closed: string | null, stage: string) => ({
      id,
      properties: { hs_object_id: id, createdate: created, source_type: source, first_agent_reply_date: reply, closed_date: closed, hs_pipeline_stage: stage, subject: `ticket ${id}` },
      createdAt: created,
      updatedAt: created,
      archived: false,
    });
    const page = {
      results: [
        ticket('101', 'PHONE', '2026-07-01T08:00:00.000Z', '2026-07-01T08:10:00.000Z', '2026-07-01T09:00:00.000Z', '4'),
        ticket('102', 'EMAIL', '2026-07-01T08:00:00.000Z', '2026-07-01T08:30:00.000Z', null, '1'),
      ],
      paging: { next: { after: '103', link: 'https://api.example.com/crm/v3/objects/tickets?after=103' } },
    };
    const path = join(dir, 'hubspot-v3.json');
    writeFileSync(path, JSON.stringify(page, null, 2));
    const report = await auditFiles([path], {}, { minSample: 1 });
    expect(report.input.format).toBe('hubspot');
    expect([report.input.rowsRead, report.input.rowsUsed]).toEqual([2, 2]);
    expect(report.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median])).toEqual([
      ['phone', 1, 600],
      ['email', 1, 1800],
    ]);
  });

  it('a Help Scout Mailbox API page: the conversations inside _embedded', async () => {
    // 201 email closed after 2 h; 202 chat closed after 30 min
    const conversation = (number: number, type: string, created: string, closed: string) => ({ id: 9000 + number, number, type, status: 'closed', state: 'published', mailboxId: 12, createdAt: created, closedAt: closed, primaryCustomer: { id: number * 10 } });
    const page = {
      _embedded: { conversations: [conversation(201, 'email', '2026-07-01T08:00:00Z', '2026-07-01T10:00:00Z'), conversation(202, 'chat', '2026-07-01T08:00:00Z', '2026-07-01T08:30:00Z')] },
      _links: { self: { href: 'https://api.example.com/v2/conversations?page=1' } },
      page: { size: 25, totalElements: 2, totalPages: 1, number: 1 },
    };
    const path = join(dir, 'helpscout-page.json');
    writeFileSync(path, JSON.stringify(page, null, 2));
    const report = await auditFiles([path], {}, { minSample: 1 });
    expect(report.input.format).toBe('helpscout');
    expect([report.input.rowsRead, report.input.rowsUsed]).toEqual([2, 2]);
    expect(report.channels.map((c) => [c.channel, c.tickets, c.resolution.median]).sort()).toEqual([
      ['chat', 1, 1800],
      ['email', 1, 7200],
    ]);
  });
});
