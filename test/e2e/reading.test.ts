/**
 * What is read and said about it, end to end: JSON records that are not objects, the rows the
 * --rejects file holds (duplicates, ragged rows), and an as-of time from the data that lies after
 * the time of the run. Expected values are worked out from the inputs written here.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, runParity } from '../helpers/exec.js';

const tmp = mkdtempSync(join(tmpdir(), 'parity-reading-'));

function json(stdout: string): any {
  return JSON.parse(stdout);
}

function write(name: string, lines: string[]): string {
  const path = join(tmp, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** The rejects file's lines after its header. */
function rejectRows(path: string): string[] {
  return readFileSync(path, 'utf8').trim().split('\n').slice(1);
}

const NOT_AN_OBJECT = 'not-an-object: a JSON record must be an object {…}; this is';

describe('JSON records that are not objects are read and rejected, never dropped', () => {
  // lines 1 and 6 are tickets; line 2 is an array of two numbers (an array's elements are
  // records, as [{…}, {…}] is two tickets), lines 3–5 one value each: 2 + 2 + 3 = 7 records read,
  // the 5 that are not objects rejected
  const ndjson = write('values.ndjson', [
    '{"id":1,"channel":"phone","created_at":"2026-10-01T10:00:00Z"}',
    '[1,2]',
    '"str"',
    '42',
    'null',
    '{"id":3,"channel":"email","created_at":"2026-10-02T10:00:00Z"}',
  ]);

  it('NDJSON: counted in rowsRead and rowsRejected, listed in data quality with the line', async () => {
    const r = await runParity(['audit', ndjson, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(report.input).toMatchObject({ rowsRead: 7, rowsUsed: 2, rowsRejected: 5, tickets: 2 });
    expect(report.input.dataQuality).toEqual([
      {
        kind: 'not-an-object',
        severity: 'error',
        count: 5,
        example: { file: ndjson, line: 2, column: null, value: '1', detail: 'a JSON record must be an object {…}; this is a number' },
      },
    ]);
    expect(r.stderr).toContain('5 of 7 rows rejected as unusable');
  });

  it('--strict fails on them as on any rejected row', async () => {
    const r = await runParity(['audit', ndjson, '--strict']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${ndjson}:2: a JSON record must be an object {…}; this is a number (--strict: 5 rows rejected)`);
  });

  it('--rejects writes each with its line and the value as JSON (no columns of its own)', async () => {
    const out = join(tmp, 'values.rejects.csv');
    expect((await runParity(['audit', ndjson, '--rejects', out])).code).toBe(0);
    // the export's columns are the objects' keys: id, channel, created_at (all empty here)
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('file,line,column,value,reason,id,channel,created_at');
    expect(rejectRows(out)).toEqual([
      `${ndjson},2,,1,${NOT_AN_OBJECT} a number,,,`,
      `${ndjson},2,,2,${NOT_AN_OBJECT} a number,,,`,
      `${ndjson},3,,"""str""",${NOT_AN_OBJECT} a string,,,`,
      `${ndjson},4,,42,${NOT_AN_OBJECT} a number,,,`,
      `${ndjson},5,,null,${NOT_AN_OBJECT} null,,,`,
    ]);
  });

  it('a JSON array: each element that is not an object is rejected at the line it starts on', async () => {
    // elements start on lines 2 (ticket 1), 3 (5), 4 ("x"), 5 ([1]), 6 (ticket 2)
    const doc = write('values.json', [
      '[',
      '  {"id":1,"channel":"phone","created_at":"2026-10-01T10:00:00Z"},',
      '  5,',
      '  "x",',
      '  [1],',
      '  {"id":2,"channel":"phone","created_at":"2026-10-01T11:00:00Z"}',
      ']',
    ]);
    const out = join(tmp, 'array.rejects.csv');
    const r = await runParity(['audit', doc, '--format', 'json', '--rejects', out]);
    expect(json(r.stdout).input).toMatchObject({ rowsRead: 5, rowsUsed: 2, rowsRejected: 3 });
    expect(rejectRows(out)).toEqual([
      `${doc},3,,5,${NOT_AN_OBJECT} a number,,,`,
      `${doc},4,,"""x""",${NOT_AN_OBJECT} a string,,,`,
      `${doc},5,,[1],${NOT_AN_OBJECT} an array,,,`,
    ]);
  });
});

describe('--rejects: the rejected row\'s own columns follow its reason', () => {
  const DUPLICATES = fixture('bad', 'duplicate-ids.csv');

  it('a duplicate id (the first is kept): the later row, as it is in the file', async () => {
    const out = join(tmp, 'dup-first.csv');
    expect((await runParity(['audit', DUPLICATES, '--rejects', out])).code).toBe(0);
    // line 4 of the fixture: X1,phone,2026-10-01T09:00:00Z,2026-10-01T18:00:00Z,
    expect(rejectRows(out)).toEqual([`${DUPLICATES},4,ticket_id,X1,"duplicate-id: ticket id ""X1"" appeared earlier; the first one is kept",X1,phone,2026-10-01T09:00:00Z,2026-10-01T18:00:00Z,`]);
  });

  it('--duplicates last: the replaced earlier row, read again for its values', async () => {
    const out = join(tmp, 'dup-last.csv');
    expect((await runParity(['audit', DUPLICATES, '--duplicates', 'last', '--rejects', out])).code).toBe(0);
    // line 2 of the fixture: X1,phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,
    expect(rejectRows(out)).toEqual([
      `${DUPLICATES},2,ticket_id,X1,"duplicate-id: ticket id ""X1"" appears again at ${DUPLICATES}:4; the last one is kept",X1,phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,`,
    ]);
  });

  it('--duplicates last across files with different columns: the replaced row under its own file\'s columns', async () => {
    const october = write('october.csv', ['ticket_id,channel,created_at', 'A1,phone,2026-10-01T09:00:00Z', 'A2,email,2026-10-02T09:00:00Z']);
    // the newer export has its columns in another order, and one more
    const november = write('november.csv', ['created_at,ticket_id,first_response_at,channel', '2026-10-01T09:00:00Z,A1,2026-10-01T11:00:00Z,phone']);
    const out = join(tmp, 'dup-files.csv');
    expect((await runParity(['audit', october, november, '--duplicates', 'last', '--rejects', out])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    // the union of the headers in the order first seen
    expect(lines[0]).toBe('file,line,column,value,reason,ticket_id,channel,created_at,first_response_at');
    expect(lines.slice(1)).toEqual([
      `${october},2,ticket_id,A1,"duplicate-id: ticket id ""A1"" appears again at ${november}:2; the last one is kept",A1,phone,2026-10-01T09:00:00Z,`,
    ]);
  });

  it('--duplicates last on standard input, which cannot be read twice: the replaced row without its values', async () => {
    const out = join(tmp, 'dup-stdin.csv');
    const r = await runParity(['audit', '-', '--duplicates', 'last', '--rejects', out], { stdin: readFileSync(DUPLICATES) });
    expect(r.code).toBe(0);
    expect(rejectRows(out)).toEqual([`<stdin>,2,ticket_id,X1,"duplicate-id: ticket id ""X1"" appears again at <stdin>:4; the last one is kept",,,,,`]);
  });

  it('past the first read of the file (rows read from their bytes): the same rows with the same values', async () => {
    // The sample and the rest of the first 1 MiB read are decoded and read by rows.ts; later rows
    // by the byte reader. 30,000 rows of 54–58 bytes (1.6 MB): T1..T30000 on lines 2..30001,
    // then T1 again on line 30002 and T25000 again on line 30003, both well past 1 MiB.
    const rows = ['ticket_id,channel,created_at,first_response_at'];
    for (let k = 1; k <= 30_000; k++) rows.push(`T${k},phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z`);
    rows.push('T1,email,2026-10-02T09:00:00Z,2026-10-02T10:00:00Z', 'T25000,chat,2026-10-03T09:00:00Z,');
    const path = write('dup-big.csv', rows);
    const first = join(tmp, 'dup-big-first.csv');
    const r = await runParity(['audit', path, '--format', 'json', '--rejects', first]);
    expect(json(r.stdout).input).toMatchObject({ rowsRead: 30_002, rowsUsed: 30_000, rowsRejected: 2 });
    expect(rejectRows(first)).toEqual([
      `${path},30002,ticket_id,T1,"duplicate-id: ticket id ""T1"" appeared earlier; the first one is kept",T1,email,2026-10-02T09:00:00Z,2026-10-02T10:00:00Z`,
      `${path},30003,ticket_id,T25000,"duplicate-id: ticket id ""T25000"" appeared earlier; the first one is kept",T25000,chat,2026-10-03T09:00:00Z,`,
    ]);
    // last: the rows replaced are lines 2 (in the sample) and 25001 (past the first 1 MiB: the
    // second read takes it from its bytes too)
    const last = join(tmp, 'dup-big-last.csv');
    expect((await runParity(['audit', path, '--duplicates', 'last', '--rejects', last])).code).toBe(0);
    expect(rejectRows(last)).toEqual([
      `${path},2,ticket_id,T1,"duplicate-id: ticket id ""T1"" appears again at ${path}:30002; the last one is kept",T1,phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z`,
      `${path},25001,ticket_id,T25000,"duplicate-id: ticket id ""T25000"" appears again at ${path}:30003; the last one is kept",T25000,phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z`,
    ]);
  });

  it('a tweet log: each rejected tweet with its own columns, though its conversation is settled after the read', async () => {
    const path = write('tweets-rejected.csv', [
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
      '1,501,True,Wed Jul 01 09:00:00 +0000 2026,help please,2,', // line 2: a ticket, answered by tweet 2
      '2,BrandCo,False,Wed Jul 01 09:20:00 +0000 2026,on it,,1', // line 3: used with it
      '3,502,True,Wed Jul 01 10:00:00 +0000 2026,still waiting,,49', // line 4: tweet 49 is not in the file
      '4,BrandCo,False,Wed Jul 01 11:00:00 +0000 2026,Big sale!,5,', // line 5: a brand tweet replying to nothing
      '5,503,True,Wed Jul 01 11:10:00 +0000 2026,=1+1,,4', // line 6: in the conversation of line 5
      '6,504,True,someday,hello?,7,', // line 7: a ticket whose date cannot be read
      '7,BrandCo,False,Wed Jul 01 12:30:00 +0000 2026,hi,,6', // line 8: its reply, rejected with it
    ]);
    const out = join(tmp, 'tweets-rejected.rejects.csv');
    const r = await runParity(['audit', path, '--format', 'json', '--rejects', out]);
    expect(r.code).toBe(0);
    // 7 tweets: lines 2 and 3 are ticket 1, the other five rejected
    expect(json(r.stdout).input).toMatchObject({ rowsRead: 7, rowsUsed: 2, rowsRejected: 5 });
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('file,line,column,value,reason,tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id');
    // each line's own seven fields, as in the file (=1+1 neutralised as a formula)
    expect(lines.slice(1)).toEqual([
      `${path},4,in_response_to_tweet_id,49,"orphan-reply: replies to tweet 49, which is not in the file: its conversation began outside this export",3,502,True,Wed Jul 01 10:00:00 +0000 2026,still waiting,,49`,
      `${path},5,inbound,False,"outbound: brand tweet 4 replies to nothing: agent-initiated, nobody was waiting",4,BrandCo,False,Wed Jul 01 11:00:00 +0000 2026,Big sale!,5,`,
      `${path},6,inbound,False,outbound: part of a conversation started by brand tweet 4,5,503,True,Wed Jul 01 11:10:00 +0000 2026,'=1+1,,4`,
      `${path},7,created_at,someday,bad-created: cannot read the date of tweet 6,6,504,True,someday,hello?,7,`,
      `${path},8,created_at,someday,bad-created: part of conversation 6: cannot read the date of tweet 6,7,BrandCo,False,Wed Jul 01 12:30:00 +0000 2026,hi,,6`,
    ]);
  });

  it('a ServiceNow event log: each event of a rejected incident with its own columns', async () => {
    const path = write('servicenow-rejected.csv', [
      'number,incident_state,sys_mod_count,caller_id,opened_at,sys_updated_at,contact_type,priority,resolved_at,closed_at',
      'INC1,New,0,Caller 1,01-07-2026 09:00,01-07-2026 09:05,Phone,3 - Moderate,?,?',
      'INC1,Resolved,1,Caller 1,01-07-2026 09:00,01-07-2026 12:00,Phone,3 - Moderate,01-07-2026 12:00,?',
      // incident INC2's opened_at cannot be read: both its events (lines 4 and 5) are rejected
      'INC2,New,0,Caller 2,yesterday,01-07-2026 10:05,Email,2 - High,?,?',
      'INC2,Active,1,Caller 2,yesterday,01-07-2026 10:30,Email,2 - High,?,?',
    ]);
    const out = join(tmp, 'servicenow-rejected.rejects.csv');
    const r = await runParity(['audit', path, '--format', 'json', '--rejects', out]);
    expect(r.code).toBe(0);
    expect(json(r.stdout).input).toMatchObject({ format: 'servicenow', rowsRead: 4, rowsUsed: 2, rowsRejected: 2 });
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('file,line,column,value,reason,number,incident_state,sys_mod_count,caller_id,opened_at,sys_updated_at,contact_type,priority,resolved_at,closed_at');
    // the events as read ("?" included)
    expect(lines.slice(1)).toEqual([
      `${path},4,opened_at,yesterday,"bad-created: cannot read date ""yesterday""",INC2,New,0,Caller 2,yesterday,01-07-2026 10:05,Email,2 - High,?,?`,
      `${path},5,opened_at,yesterday,"bad-created: part of incident INC2: cannot read date ""yesterday""",INC2,Active,1,Caller 2,yesterday,01-07-2026 10:30,Email,2 - High,?,?`,
    ]);
  });

  it('parity counts --rejects writes the same rows, own columns included', async () => {
    const out = join(tmp, 'dup-counts.csv');
    expect((await runParity(['counts', DUPLICATES, '--rejects', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('file,line,column,value,reason,ticket_id,channel,created_at,first_response_at,resolved_at');
    expect(rejectRows(out)).toEqual([`${DUPLICATES},4,ticket_id,X1,"duplicate-id: ticket id ""X1"" appeared earlier; the first one is kept",X1,phone,2026-10-01T09:00:00Z,2026-10-01T18:00:00Z,`]);
  });

  it('a ragged row: the fields beyond the header are its value (as CSV), its own columns follow', async () => {
    // 3 columns; line 3 has one field more, line 4 two more (the second holding a comma)
    const path = write('ragged-extra.csv', [
      'ticket_id,channel,created_at',
      'R1,phone,2026-10-01T09:00:00Z',
      'R2,phone,2026-10-01T09:00:00Z,extra',
      'R3,email,2026-10-01T09:00:00Z,a,"b,c"',
    ]);
    const out = join(tmp, 'ragged-extra.rejects.csv');
    const r = await runParity(['audit', path, '--format', 'json', '--rejects', out]);
    expect(json(r.stdout).input.dataQuality[0]).toMatchObject({ kind: 'ragged-row', count: 2, example: { line: 3, value: 'extra', detail: 'expected 3 fields, found 4' } });
    // the value a,"b,c" is one CSV cell: quoted, its quotes doubled
    expect(rejectRows(out)).toEqual([
      `${path},3,,extra,"ragged-row: expected 3 fields, found 4",R2,phone,2026-10-01T09:00:00Z`,
      `${path},4,,"a,""b,c""","ragged-row: expected 3 fields, found 5",R3,email,2026-10-01T09:00:00Z`,
    ]);
  });
});

describe('--duplicates last --rejects on inputs that cannot be read twice by line', () => {
  it('a JSON line holding several replaced records: every one is rejected (without values), none lost', async () => {
    // one line each: [D1, D2] then [D2, D1]; the later file replaces both: 4 read, 2 rejected
    const a = join(tmp, 'page1.json');
    const b = join(tmp, 'page2.json');
    writeFileSync(a, '[{"id":"D1","channel":"phone","created_at":"2026-10-01T10:00:00Z"},{"id":"D2","channel":"email","created_at":"2026-10-01T11:00:00Z"}]\n');
    writeFileSync(b, '[{"id":"D2","channel":"email","created_at":"2026-10-01T11:00:00Z"},{"id":"D1","channel":"phone","created_at":"2026-10-01T10:00:00Z"}]\n');
    const out = join(tmp, 'pages.rejects.csv');
    const r = await runParity(['audit', a, b, '--duplicates', 'last', '--rejects', out, '--format', 'json', '--as-of', '2026-10-02T00:00:00Z']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).input).toMatchObject({ rowsRead: 4, rowsRejected: 2 });
    expect(rejectRows(out).map((row) => row.split(',').slice(0, 4).join(','))).toEqual([`${a},1,id,D2`, `${a},1,id,D1`]);
  });

  it('a FIFO is not read a second time (it would wait for ever): its replaced rows go without values', async () => {
    const fifo = join(tmp, 'first.fifo');
    execFileSync('mkfifo', [fifo]);
    const later = join(tmp, 'later.csv');
    writeFileSync(later, 'ticket_id,channel,created_at\nA1,email,2026-10-01T10:00:00Z\n');
    const writer = spawn('sh', ['-c', `printf 'ticket_id,channel,created_at\\nA1,phone,2026-10-01T10:00:00Z\\n' > '${fifo}'`]);
    const out = join(tmp, 'fifo.rejects.csv');
    const r = await runParity(['audit', fifo, later, '--duplicates', 'last', '--rejects', out, '--as-of', '2026-10-02T00:00:00Z']);
    writer.kill();
    expect(r.code).toBe(0);
    expect(rejectRows(out)).toEqual([`${fifo},2,ticket_id,A1,"duplicate-id: ticket id ""A1"" appears again at ${later}:2; the last one is kept",,,`]);
  }, 20_000);
});

describe('an as-of time from the data after the time of the run is said, not passed over', () => {
  // one resolution typed with the year 2099: the latest timestamp, so the default as-of time
  const path = write('future.csv', [
    'ticket_id,channel,created_at,first_response_at,resolved_at,status',
    'F1,phone,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,2026-10-02T09:00:00Z,solved',
    'F2,chat,2026-10-03T09:00:00Z,,,open',
    'F3,email,2026-10-05T10:00:00Z,2026-10-05T11:00:00Z,2099-10-05T11:00:00Z,solved',
  ]);
  // the run's time is not in the note (the output must not change with the clock)
  const note = (file: string, line: number, _run: string) =>
    `the as-of time is the latest timestamp in the data, 2099-10-05T11:00:00Z (${file}:${line}, resolved_at), which is after the time of this run: every ticket still open is measured to it. Fix that row, or give --as-of the time the export was taken`;

  it('a note in the report and on stderr naming the row, the column and the fix; the as-of rule unchanged', async () => {
    const r = await runParity(['audit', path, '--format', 'json', '--generated-at', '2026-11-01T00:00:00Z']);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(report.period.asOf).toBe('2099-10-05T11:00:00.000Z');
    expect(report.input.notes).toContain(note(path, 4, '2026-11-01T00:00:00Z'));
    expect(r.stderr).toContain(`parity: ${note(path, 4, '2026-11-01T00:00:00Z')}\n`);
  });

  it('shown by the table and by the report document', async () => {
    const table = await runParity(['audit', path, '--generated-at', '2026-11-01T00:00:00Z']);
    expect(table.stdout).toContain('note: the as-of time is the latest timestamp in the data, 2099-10-05T11:00:00Z');
    const markdown = await runParity(['report', path, '--generated-at', '2026-11-01T00:00:00Z']);
    expect(markdown.stdout).toContain('- Note: the as-of time is the latest timestamp in the data, 2099-10-05T11:00:00Z');
    expect(markdown.stderr).toContain(`parity: ${note(path, 4, '2026-11-01T00:00:00Z')}\n`);
  });

  it('the row outside --since/--until that holds it keeps its column in the note (found by an independent attack: "(file:4)" alone)', async () => {
    // F3 (created 5 October) is outside --until 2026-10-04; its resolution is still the export's latest time
    const r = await runParity(['audit', path, '--until', '2026-10-04', '--format', 'json', '--generated-at', '2026-11-01T00:00:00Z']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).input.notes).toContain(note(path, 4, '2026-11-01T00:00:00Z'));
  });

  it('no note with --as-of, or when the run is later than the data', async () => {
    for (const flags of [['--as-of', '2026-10-10T00:00:00Z'], ['--generated-at', '2099-10-05T11:00:00Z']]) {
      const r = await runParity(['audit', path, '--format', 'json', '--generated-at', '2026-11-01T00:00:00Z', ...flags]);
      expect(json(r.stdout).input.notes.some((n: string) => n.startsWith('the as-of time'))).toBe(false);
      expect(r.stderr).not.toContain('the as-of time');
    }
  });

  it('counted where the tickets live (DuckDB): said too, without the row an engine cannot name', async () => {
    const r = await runParity(['audit', path, '--engine', 'duckdb', '--format', 'json', '--generated-at', '2026-11-01T00:00:00Z']);
    expect(r.code).toBe(0);
    const engineNote = 'the as-of time is the latest timestamp in the data, 2099-10-05T11:00:00Z, which is after the time of this run: every ticket still open is measured to it. Fix the row that holds it, or give --as-of the time the export was taken';
    expect(json(r.stdout).input.notes).toContain(engineNote);
    expect(r.stderr).toContain(`parity: ${engineNote}`);
    const fixed = await runParity(['audit', path, '--engine', 'duckdb', '--format', 'json', '--generated-at', '2026-11-01T00:00:00Z', '--as-of', '2026-10-10T00:00:00Z']);
    expect(json(fixed.stdout).input.notes.some((n: string) => n.startsWith('the as-of time'))).toBe(false);
  }, 30_000);

  it('parity tickets and parity counts say it on stderr too (measured against the clock: 2099 is later)', async () => {
    const prefix = `parity: the as-of time is the latest timestamp in the data, 2099-10-05T11:00:00Z (${path}:4, resolved_at), which is after the time of this run: every ticket still open`;
    for (const command of ['tickets', 'counts']) {
      const r = await runParity([command, path]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(prefix);
    }
  });

  it('parity counts keeps it in the table\'s notes, in-process and from DuckDB (stderr too)', async () => {
    const engineNote = 'the as-of time is the latest timestamp in the data, 2099-10-05T11:00:00Z, which is after the time of this run: every ticket still open is measured to it. Fix the row that holds it, or give --as-of the time the export was taken';
    for (const [flags, text] of [[[], note(path, 4, '')], [['--engine', 'duckdb'], engineNote]] as Array<[string[], string]>) {
      const r = await runParity(['counts', path, ...flags]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`meta,note,"${text}",`);
      expect(r.stderr).toContain(`parity: ${text}`);
    }
  }, 30_000);

  it('past the first read of the file (rows read from their bytes): the row is named all the same', async () => {
    // 30,000 tickets answered and resolved in October (about 3 MB; rows past the first 1 MiB are
    // read from their bytes); line 25,000 resolved in 2099
    const rows = ['ticket_id,channel,created_at,first_response_at,resolved_at,status'];
    for (let k = 1; k <= 30_000; k++) {
      const resolved = k === 24_999 ? '2099-10-05T11:00:00Z' : '2026-10-02T09:00:00Z';
      rows.push(`B${k},${k % 2 ? 'phone' : 'chat'},2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,${resolved},solved`);
    }
    const big = write('future-big.csv', rows);
    const r = await runParity(['audit', big, '--format', 'json', '--generated-at', '2026-11-01T00:00:00Z']);
    expect(json(r.stdout).input.notes).toContain(note(big, 25_000, '2026-11-01T00:00:00Z'));
  });
});

describe('a Parquet file reaching a command that reads text is refused, never read as CSV', () => {
  const parquet = fixture('engines', 'demo.parquet');

  it('tickets, inspect and init: exit 2, the file named, the way to audit or list it; no config written', async () => {
    const dir = mkdtempSync(join(tmp, 'parquet-'));
    for (const args of [['tickets', parquet], ['inspect', parquet], ['init', parquet, '-o', join(dir, 'parity.config.json')]]) {
      const result = await runParity(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${parquet}: the file is Parquet, which parity reads only through DuckDB`);
      expect(result.stderr).toContain('audit it with parity audit');
      // none of the file's bytes reach the terminal as "headers found"
      expect(result.stderr).not.toContain('PAR1');
    }
    expect(() => readFileSync(join(dir, 'parity.config.json'))).toThrow();
  });

  it('audit of Parquet bytes under another name, or on standard input: said, with the name it needs', async () => {
    const renamed = join(tmp, 'demo.data');
    writeFileSync(renamed, readFileSync(parquet));
    const byName = await runParity(['audit', renamed]);
    expect(byName.code).toBe(2);
    expect(byName.stderr).toContain('name it with the .parquet extension');
    const stdin = await runParity(['audit', '-'], { stdin: readFileSync(parquet) });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('<stdin>: the file is Parquet');
    expect(stdin.stderr).toContain('save it as a file named .parquet');
  });
});

describe("Excel's text formulas (=\"…\") are read as the text they show, end to end", () => {
  // fixtures/excel-formulas.csv, worked by hand (test/unit/read/excelText.test.ts says how):
  // phone's first responses 1,800, 3,600 and 7,200 s (median 3,600), email's 7,200, 14,400 and
  // 21,600 s (median 14,400); line 8 (creation =SUM(A1)) and line 9 (000481, line 2's ="000481")
  // rejected
  it('audit: the medians, the note, and the rejected rows written as the file writes them', async () => {
    const rejects = join(tmp, 'excel-rejects.csv');
    const run = await runParity(['audit', 'fixtures/excel-formulas.csv', '--format', 'json', '--rejects', rejects]);
    expect(run.code).toBe(0);
    const report = json(run.stdout);
    expect(report.channels.map((c: any) => [c.channel, c.tickets, c.firstResponse.median])).toEqual([
      ['phone', 3, 3600],
      ['email', 3, 14400],
      ['chat', 1, null],
    ]);
    expect(report.input.notes.join('\n')).toContain('22 values are written as Excel text formulas (="…", the first on line 2), read as the text they show: 5 in "ticket_id"');
    // (a cell that starts with = is written with an apostrophe before it, as every output writes one)
    expect(rejectRows(rejects)).toEqual([
      `fixtures/excel-formulas.csv,8,created_at,'=SUM(A1),"bad-created: cannot read date ""=SUM(A1)""","'=""000487""","'=""C11""",chat,'=SUM(A1),2026-03-05 11:00:00,,open,unreadable date`,
      `fixtures/excel-formulas.csv,9,ticket_id,000481,"duplicate-id: ticket id ""000481"" appeared earlier; the first one is kept",000481,"'=""C12""",chat,2026-03-05 12:00:00,2026-03-05 12:15:00,,open,same id as line 2`,
    ]);
  });

  it('inspect reads the creation times as ISO 8601 timestamps and says how many values were formulas', async () => {
    const run = await runParity(['inspect', 'fixtures/excel-formulas.csv']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('rows: 9, usable tickets: 7 (6 answered, 2 resolved)');
    expect(run.stdout).toMatch(/createdAt +← "created_at" +\[ISO 8601/);
    expect(run.stdout).toContain('22 values are written as Excel text formulas');
  });
});

describe('files that are no export, named as what they are (found by an attack: "map columns" and "one value each")', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-notexport-'));
  it('a web page saved in place of the export', async () => {
    const path = join(dir, 'export.csv');
    writeFileSync(path, '<!DOCTYPE html>\n<html lang="en">\n<head><title>Sign in - Helpdesk</title></head>\n<body><div class="login, form">Please sign in, then retry</div></body></html>\n');
    for (const command of ['audit', 'inspect']) {
      const run = await runParity([command, path]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('export.csv:1: the file is a web page (HTML) or another XML document, not a ticket export');
      expect(run.stderr).toContain('download the export again');
    }
    // after an XML declaration or a comment, and saved under a workbook's name (a review: "a zip that is no workbook")
    const pages: Array<[string, string]> = [
      ['xhtml.csv', '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>\n'],
      ['commented.csv', '<!-- saved -->\n<html><body>x</body></html>\n'],
      ['expired.xlsx', '<!DOCTYPE html>\n<html><body>Sign in</body></html>\n'],
    ];
    for (const [name, text] of pages) {
      writeFileSync(join(dir, name), text);
      const run = await runParity(['audit', join(dir, name)]);
      expect(run.code, name).toBe(2);
      expect(run.stderr, name).toContain('the file is a web page (HTML) or another XML document, not a ticket export');
    }
  });
  it('fields between bars: the delimiter named', async () => {
    const path = join(dir, 'piped.csv');
    writeFileSync(path, 'ticket_id|channel|created_at\n1|phone|2026-10-01 10:00\n2|email|2026-10-01 11:00\n');
    const run = await runParity(['audit', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no header row: the first 3 lines hold one value each');
    expect(run.stderr).toContain('its fields are separated by "|", which parity does not read as a delimiter');
    // a comma in a value made commas the delimiter: the header of bars is named too (a review)
    const comma = join(dir, 'piped-comma.csv');
    writeFileSync(comma, 'ticket_id|channel|created_at|subject\n1|phone|2026-10-01 09:00|Hello, world\n');
    const named = await runParity(['audit', comma]);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('its fields are separated by "|", which parity does not read as a delimiter');
    // one value a line, without bars: the words as before
    const single = join(dir, 'single.csv');
    writeFileSync(single, 'hello\nworld\n');
    expect((await runParity(['audit', single])).stderr).not.toContain('"|"');
  });
});
