// The live warehouse tests' readers of each API's result (test/warehouses/clients.ts), on answers
// shaped as each API's reference documents them: BigQuery jobs.query / getQueryResults (rows of
// {f: [{v}]}, every value a string or null, pageToken while pages remain), Snowflake's SQL API
// (202 while running; resultSetMetaData.rowType, data as arrays of strings, partitionInfo),
// Databricks' statement execution API (status.state; manifest.schema.columns; data_array;
// next_chunk_index). The live tests themselves need the clouds (npm run test:warehouses).
import { describe, expect, it } from 'vitest';
import { bigqueryPage, databricksPage, needs, snowflakePage } from '../warehouses/clients.js';

describe('BigQuery', () => {
  it('a complete first page: columns, rows as text with NULLs, the token of the next page', () => {
    const page = bigqueryPage({
      jobComplete: true,
      jobReference: { projectId: 'p', jobId: 'job_1', location: 'EU' },
      schema: { fields: [{ name: 'dimension' }, { name: 'seconds' }, { name: 'ended' }] },
      rows: [{ f: [{ v: 'channel' }, { v: '3600' }, { v: '2' }] }, { f: [{ v: 'meta' }, { v: null }, { v: '0' }] }],
      pageToken: 'tok',
    });
    expect(page).toEqual({ done: true, columns: ['dimension', 'seconds', 'ended'], rows: [['channel', '3600', '2'], ['meta', null, '0']], pageToken: 'tok' });
  });
  it('not complete yet: nothing read, more to ask; the last page has no token; a complete job with errors and no result is thrown', () => {
    expect(bigqueryPage({ jobComplete: false, jobReference: { projectId: 'p', jobId: 'j' } })).toEqual({ done: false, columns: null, rows: [], pageToken: null });
    expect(bigqueryPage({ jobComplete: true, rows: [{ f: [{ v: '1' }] }] })).toEqual({ done: true, columns: null, rows: [['1']], pageToken: null });
    expect(() => bigqueryPage({ jobComplete: true, errors: [{ message: 'Syntax error: Unexpected keyword RANGE at [12:3]' }] })).toThrow('BigQuery: Syntax error: Unexpected keyword RANGE at [12:3]');
    // errors beside a result are warnings of a job that succeeded (the API's own words)
    expect(bigqueryPage({ jobComplete: true, errors: [{ message: 'a warning' }], schema: { fields: [{ name: 'a' }] }, rows: [{ f: [{ v: '1' }] }] })).toMatchObject({ done: true, rows: [['1']] });
  });
});

describe('Snowflake', () => {
  it('202 is still running; 200 gives the columns, the first partition and the number of partitions', () => {
    expect(snowflakePage(202, { statementHandle: 'h', message: 'Asynchronous execution in progress.' }).done).toBe(false);
    const page = snowflakePage(200, {
      statementHandle: 'h',
      resultSetMetaData: { rowType: [{ name: 'dimension' }, { name: 'group' }], partitionInfo: [{ rowCount: 2 }, { rowCount: 5 }, { rowCount: 1 }] },
      data: [['channel', 'email'], ['meta', null]],
    });
    expect(page).toEqual({ done: true, columns: ['dimension', 'group'], rows: [['channel', 'email'], ['meta', null]], partitions: 3 });
  });
  it('an answer without a result is the error it carries', () => {
    expect(() => snowflakePage(200, { message: "SQL compilation error: Object 'T' does not exist", code: '002003' })).toThrow("Snowflake: SQL compilation error: Object 'T' does not exist (002003)");
  });
});

describe('Databricks', () => {
  it('PENDING and RUNNING wait; SUCCEEDED gives columns, rows and the next chunk; anything else throws its message', () => {
    expect(databricksPage({ statement_id: 's', status: { state: 'PENDING' } }).done).toBe(false);
    expect(databricksPage({ statement_id: 's', status: { state: 'RUNNING' } }).done).toBe(false);
    expect(
      databricksPage({
        statement_id: 's',
        status: { state: 'SUCCEEDED' },
        manifest: { schema: { columns: [{ name: 'metric' }, { name: 'waiting' }] }, total_chunk_count: 2 },
        result: { data_array: [['firstResponse', '1'], [null, '0']], next_chunk_index: 1 },
      }),
    ).toEqual({ done: true, columns: ['metric', 'waiting'], rows: [['firstResponse', '1'], [null, '0']], next: 1 });
    expect(() => databricksPage({ status: { state: 'FAILED', error: { message: '[TABLE_OR_VIEW_NOT_FOUND]' } } })).toThrow('Databricks: FAILED: [TABLE_OR_VIEW_NOT_FOUND]');
  });
});

it('each warehouse says which of its variables a run lacks', () => {
  expect(needs('snowflake', { PARITY_SNOWFLAKE_ACCOUNT: 'xy12345', PARITY_SNOWFLAKE_TOKEN: 't' })).toEqual(['PARITY_SNOWFLAKE_WAREHOUSE', 'PARITY_SNOWFLAKE_DATABASE', 'PARITY_SNOWFLAKE_SCHEMA']);
  expect(needs('bigquery', { PARITY_BIGQUERY_TOKEN: 't', PARITY_BIGQUERY_PROJECT: 'p', PARITY_BIGQUERY_DATASET: 'd' })).toEqual([]);
});
