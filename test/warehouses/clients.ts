/**
 * The warehouses parity cannot reach from here (BigQuery, Snowflake, Databricks), reached for the
 * opt-in live tests (`npm run test:warehouses`) through each one's documented REST API with
 * Node's fetch — no vendor SDK among parity's dependencies. Each client runs one SQL statement
 * and returns its result as column names and rows of text (null = SQL NULL), following the
 * result's pages or chunks. What each needs comes from environment variables (README "Where your
 * tickets live", live tests); `needs` lists the ones a run lacks.
 *
 * The parsers of each API's result (bigqueryPage, snowflakePage, databricksPage) are pure and
 * unit-tested (test/unit/warehouseResults.test.ts) on results shaped as each API documents them.
 */
import { snowflakeIdent } from '../../src/read/engines/dialects.js';

export type Warehouse = 'bigquery' | 'snowflake' | 'databricks';
export const WAREHOUSES: readonly Warehouse[] = ['bigquery', 'snowflake', 'databricks'];

/** The environment variables each warehouse's live test reads. */
export const ENV: Record<Warehouse, readonly string[]> = {
  // an OAuth access token (e.g. `gcloud auth print-access-token`), the project billed, and a dataset the test may create a table in
  bigquery: ['PARITY_BIGQUERY_TOKEN', 'PARITY_BIGQUERY_PROJECT', 'PARITY_BIGQUERY_DATASET'],
  // account identifier (the host's first label: <account>.snowflakecomputing.com), an OAuth or programmatic access token, where to run
  snowflake: ['PARITY_SNOWFLAKE_ACCOUNT', 'PARITY_SNOWFLAKE_TOKEN', 'PARITY_SNOWFLAKE_WAREHOUSE', 'PARITY_SNOWFLAKE_DATABASE', 'PARITY_SNOWFLAKE_SCHEMA'],
  // workspace host (dbc-….cloud.databricks.com), a personal access token, a SQL warehouse id, catalog and schema to create a table in
  databricks: ['PARITY_DATABRICKS_HOST', 'PARITY_DATABRICKS_TOKEN', 'PARITY_DATABRICKS_WAREHOUSE', 'PARITY_DATABRICKS_CATALOG', 'PARITY_DATABRICKS_SCHEMA'],
};

/** The variables of `warehouse` that are not set. */
export function needs(warehouse: Warehouse, env: NodeJS.ProcessEnv = process.env): string[] {
  return ENV[warehouse].filter((name) => !env[name]);
}

/** A statement's result: column names and rows, every value as text or null. */
export interface Result {
  columns: string[];
  rows: Array<Array<string | null>>;
}

export interface WarehouseClient {
  /**
   * Where a test's table goes, `<dataset or database.schema>.<name>`: as the test's own SQL
   * writes it (each part quoted) and as `parity sql --table` takes it (dotted; parity quotes each part).
   */
  tableName(name: string): { sql: string; plain: string };
  run(sql: string): Promise<Result>;
}

/** How long a statement may take, polled every second. */
const DEADLINE_MS = 10 * 60_000;

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

async function call(url: string, init: RequestInit & { headers: Record<string, string> }): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, init);
  const raw = await response.text();
  let body: unknown = raw;
  try {
    body = JSON.parse(raw);
  } catch {
    // not JSON: said as it is below
  }
  if (!response.ok && response.status !== 202) throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${response.status}: ${raw.slice(0, 500)}`);
  return { status: response.status, body };
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

// ---------------------------------------------------------------------------------------------
// BigQuery: jobs.query, then jobs.getQueryResults for the pages after the first (REST v2).

interface BigQueryResponse {
  jobComplete?: boolean;
  jobReference?: { projectId: string; jobId: string; location?: string };
  schema?: { fields: Array<{ name: string }> };
  rows?: Array<{ f: Array<{ v: unknown }> }>;
  pageToken?: string;
  errors?: Array<{ message: string }>;
}

/** One page of a BigQuery query result: its columns (when the schema is given), rows, and whether more is to come. */
export function bigqueryPage(body: BigQueryResponse): { done: boolean; columns: string[] | null; rows: Array<Array<string | null>>; pageToken: string | null } {
  // `errors` may hold warnings of a job that succeeded (the API says so); a failed query is an
  // HTTP error (call() throws it), or a complete job with no result to read
  if (!body.jobComplete) return { done: false, columns: null, rows: [], pageToken: null };
  if (body.errors?.length && !body.schema && !body.rows) throw new Error(`BigQuery: ${body.errors.map((e) => e.message).join('; ')}`);
  return {
    done: true,
    columns: body.schema ? body.schema.fields.map((f) => f.name) : null,
    rows: (body.rows ?? []).map((r) => r.f.map((cell) => text(cell.v))),
    pageToken: body.pageToken ?? null,
  };
}

function bigquery(env: NodeJS.ProcessEnv): WarehouseClient {
  const project = env['PARITY_BIGQUERY_PROJECT'] as string;
  const headers = { authorization: `Bearer ${env['PARITY_BIGQUERY_TOKEN']}`, 'content-type': 'application/json' };
  const base = `https://bigquery.googleapis.com/bigquery/v2/projects/${encodeURIComponent(project)}/queries`;
  const q = (part: string) => `\`${part.replace(/[`\\]/g, (c) => `\\${c}`)}\``;
  return {
    tableName: (name) => ({ sql: [project, env['PARITY_BIGQUERY_DATASET'] as string, name].map(q).join('.'), plain: [project, env['PARITY_BIGQUERY_DATASET'] as string, name].join('.') }),
    async run(sql) {
      const started = Date.now();
      let { body } = await call(base, { method: 'POST', headers, body: JSON.stringify({ query: sql, useLegacySql: false, timeoutMs: 30_000, maxResults: 50_000 }) });
      const job = (body as BigQueryResponse).jobReference;
      let columns: string[] = [];
      const rows: Array<Array<string | null>> = [];
      for (;;) {
        const page = bigqueryPage(body as BigQueryResponse);
        if (page.done) {
          columns = page.columns ?? columns;
          for (const row of page.rows) rows.push(row);
          if (page.pageToken === null) return { columns, rows };
        } else if (Date.now() - started > DEADLINE_MS) {
          throw new Error('BigQuery: the query did not finish in 10 minutes');
        }
        if (!job) throw new Error('BigQuery: no job reference to read the rest of the result');
        const params = new URLSearchParams({ timeoutMs: '30000', maxResults: '50000', ...(job.location ? { location: job.location } : {}), ...(page.done && page.pageToken ? { pageToken: page.pageToken } : {}) });
        ({ body } = await call(`${base}/${encodeURIComponent(job.jobId)}?${params}`, { method: 'GET', headers }));
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Snowflake: the SQL API (POST /api/v2/statements; 202 while running; partitions after the first).

interface SnowflakeResponse {
  statementHandle?: string;
  message?: string;
  code?: string;
  resultSetMetaData?: { rowType: Array<{ name: string }>; partitionInfo?: Array<{ rowCount: number }> };
  data?: unknown[][];
}

/** A Snowflake SQL API answer: still running (202), or its columns, first partition's rows and how many partitions there are. */
export function snowflakePage(status: number, body: SnowflakeResponse): { done: boolean; columns: string[]; rows: Array<Array<string | null>>; partitions: number } {
  if (status === 202) return { done: false, columns: [], rows: [], partitions: 0 };
  if (!body.resultSetMetaData) throw new Error(`Snowflake: ${body.message ?? 'no result'}${body.code ? ` (${body.code})` : ''}`);
  return {
    done: true,
    columns: body.resultSetMetaData.rowType.map((c) => c.name),
    rows: (body.data ?? []).map((r) => r.map(text)),
    partitions: body.resultSetMetaData.partitionInfo?.length ?? 1,
  };
}

function snowflake(env: NodeJS.ProcessEnv): WarehouseClient {
  const base = `https://${env['PARITY_SNOWFLAKE_ACCOUNT']}.snowflakecomputing.com/api/v2/statements`;
  const headers = {
    authorization: `Bearer ${env['PARITY_SNOWFLAKE_TOKEN']}`,
    // OAUTH, PROGRAMMATIC_ACCESS_TOKEN or KEYPAIR_JWT, as the token is
    'x-snowflake-authorization-token-type': env['PARITY_SNOWFLAKE_TOKEN_TYPE'] ?? 'OAUTH',
    'content-type': 'application/json',
    accept: 'application/json',
  };
  // as parity quotes a Snowflake name (upper-cased where an unquoted name would be)
  const q = (part: string) => snowflakeIdent(part);
  return {
    tableName: (name) => ({ sql: [env['PARITY_SNOWFLAKE_DATABASE'] as string, env['PARITY_SNOWFLAKE_SCHEMA'] as string, name].map(q).join('.'), plain: [env['PARITY_SNOWFLAKE_DATABASE'] as string, env['PARITY_SNOWFLAKE_SCHEMA'] as string, name].join('.') }),
    async run(sql) {
      const started = Date.now();
      let { status, body } = await call(base, {
        method: 'POST',
        headers,
        body: JSON.stringify({ statement: sql, timeout: 600, warehouse: env['PARITY_SNOWFLAKE_WAREHOUSE'], database: env['PARITY_SNOWFLAKE_DATABASE'], schema: env['PARITY_SNOWFLAKE_SCHEMA'] }),
      });
      const handle = (body as SnowflakeResponse).statementHandle;
      for (;;) {
        const page = snowflakePage(status, body as SnowflakeResponse);
        if (page.done) {
          const rows = [...page.rows];
          for (let p = 1; p < page.partitions; p++) {
            const part = await call(`${base}/${handle}?partition=${p}`, { method: 'GET', headers });
            for (const row of (part.body as SnowflakeResponse).data ?? []) rows.push(row.map(text));
          }
          return { columns: page.columns, rows };
        }
        if (Date.now() - started > DEADLINE_MS) throw new Error('Snowflake: the statement did not finish in 10 minutes');
        await pause(1000);
        ({ status, body } = await call(`${base}/${handle}`, { method: 'GET', headers }));
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Databricks: the SQL Statement Execution API (POST /api/2.0/sql/statements; chunks after the first).

interface DatabricksResponse {
  statement_id?: string;
  status?: { state: string; error?: { message?: string } };
  manifest?: { schema?: { columns?: Array<{ name: string }> }; total_chunk_count?: number };
  result?: { data_array?: unknown[][]; next_chunk_index?: number };
}

/** A Databricks statement's answer: still running, failed (thrown), or its columns, first chunk's rows and the next chunk's index. */
export function databricksPage(body: DatabricksResponse): { done: boolean; columns: string[]; rows: Array<Array<string | null>>; next: number | null } {
  const state = body.status?.state ?? 'FAILED';
  if (state === 'PENDING' || state === 'RUNNING') return { done: false, columns: [], rows: [], next: null };
  if (state !== 'SUCCEEDED') throw new Error(`Databricks: ${state}: ${body.status?.error?.message ?? 'no message'}`);
  return {
    done: true,
    columns: (body.manifest?.schema?.columns ?? []).map((c) => c.name),
    rows: (body.result?.data_array ?? []).map((r) => r.map(text)),
    next: body.result?.next_chunk_index ?? null,
  };
}

function databricks(env: NodeJS.ProcessEnv): WarehouseClient {
  const host = (env['PARITY_DATABRICKS_HOST'] as string).replace(/^https?:\/\//, '').replace(/\/+$/, '');
  const base = `https://${host}/api/2.0/sql/statements`;
  const headers = { authorization: `Bearer ${env['PARITY_DATABRICKS_TOKEN']}`, 'content-type': 'application/json' };
  const q = (part: string) => `\`${part.replace(/`/g, '``')}\``;
  return {
    tableName: (name) => ({ sql: [env['PARITY_DATABRICKS_CATALOG'] as string, env['PARITY_DATABRICKS_SCHEMA'] as string, name].map(q).join('.'), plain: [env['PARITY_DATABRICKS_CATALOG'] as string, env['PARITY_DATABRICKS_SCHEMA'] as string, name].join('.') }),
    async run(sql) {
      const started = Date.now();
      let { body } = await call(base, {
        method: 'POST',
        headers,
        body: JSON.stringify({ statement: sql, warehouse_id: env['PARITY_DATABRICKS_WAREHOUSE'], wait_timeout: '30s', on_wait_timeout: 'CONTINUE', format: 'JSON_ARRAY', disposition: 'INLINE' }),
      });
      const id = (body as DatabricksResponse).statement_id;
      for (;;) {
        const page = databricksPage(body as DatabricksResponse);
        if (page.done) {
          const rows = [...page.rows];
          for (let next = page.next; next !== null; ) {
            const chunk = (await call(`${base}/${id}/result/chunks/${next}`, { method: 'GET', headers })).body as DatabricksResponse['result'];
            for (const row of chunk?.data_array ?? []) rows.push(row.map(text));
            next = chunk?.next_chunk_index ?? null;
          }
          return { columns: page.columns, rows };
        }
        if (Date.now() - started > DEADLINE_MS) throw new Error('Databricks: the statement did not finish in 10 minutes');
        await pause(1000);
        ({ body } = await call(`${base}/${id}`, { method: 'GET', headers }));
      }
    },
  };
}

/** The client of `warehouse` from the environment (needs() must be empty). */
export function client(warehouse: Warehouse, env: NodeJS.ProcessEnv = process.env): WarehouseClient {
  return warehouse === 'bigquery' ? bigquery(env) : warehouse === 'snowflake' ? snowflake(env) : databricks(env);
}
