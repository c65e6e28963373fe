// Writes the engine fixtures: `node scripts/make-engine-fixtures.mjs`.
//   fixtures/engines/mixed.csv       categories, priorities, teams, followers, open and unanswered
//                                    tickets, negative durations, outbound and unusable rows
//   fixtures/engines/durations.csv   precomputed business-minute duration columns (dbt style)
//   fixtures/engines/padded.csv      values padded with whitespace that JavaScript trims (NBSP, tab, …)
//   fixtures/engines/demo.parquet    fixtures/demo.csv written by DuckDB (COPY … TO … parquet)
// The Parquet file needs @duckdb/node-api (an optional dependency of parity).
import { writeFileSync } from 'node:fs';

let state = 20261128;
function random() { // mulberry32: the fixtures are the same on every machine
  state = (state + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const iso = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
const csvCell = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (header, rows) => `${[header, ...rows].map((r) => r.map((v) => csvCell(String(v))).join(',')).join('\n')}\n`;

const start = Date.UTC(2026, 8, 1) / 1000; // 2026-09-01
const channels = ['Phone', 'phone call (inbound)', 'E-mail', 'Email', 'Twitter DM', 'Facebook post', 'Live chat', 'Web form', 'Letter', 'Outbound call', '', `O'Brien "hotline"; DROP TABLE x; --`, 'Fax'];
const statuses = ['solved', 'closed', 'open', 'pending', 'Awaiting customer', 'on-hold', '', 'Resolved'];
const categories = ['Billing', 'Technical', 'Account', ''];
const priorities = ['low', 'normal', 'high', 'urgent', ''];
const teams = ['Tier 1', 'Tier 2', "Ops 'night'", ''];

const mixed = [];
for (let i = 0; i < 1500; i++) {
  const created = start + Math.floor(random() * 60 * 86400);
  const channel = pick(channels);
  let status = pick(statuses);
  const r = random();
  let first = '';
  if (r < 0.8) first = iso(created + Math.floor(random() * random() * 3 * 86400));
  else if (r < 0.83) first = iso(created - 1 - Math.floor(random() * 3600)); // before creation
  let resolved = '';
  const q = random();
  if (q < 0.6) resolved = iso(created + Math.floor(random() * 20 * 86400));
  else if (q < 0.63) resolved = iso(created - 1 - Math.floor(random() * 7200));
  if (resolved && random() < 0.1) status = 'open'; // reopened: counted as still open
  const followers = random() < 0.3 ? '' : String(Math.floor(10 ** (random() * 6.3)));
  const id = random() < 0.01 ? '' : `M${100000 + i}`;
  const createdText = random() < 0.005 ? '' : iso(created);
  const direction = random() < 0.03 ? 'outbound' : random() < 0.5 ? 'inbound' : '';
  mixed.push([id, `C${Math.floor(random() * 400)}`, channel, createdText, first, resolved, status, pick(priorities), pick(categories), pick(teams), followers, direction]);
}
writeFileSync(new URL('../fixtures/engines/mixed.csv', import.meta.url),
  csv(['ticket_id', 'customer_id', 'channel', 'created_at', 'first_response_at', 'resolved_at', 'status', 'priority', 'category', 'team', 'follower_count', 'direction'], mixed));

const durations = [];
for (let i = 0; i < 600; i++) {
  const created = start + Math.floor(random() * 30 * 86400);
  const first = random() < 0.85 ? (Math.round(random() * random() * 2000 * 4) / 4).toString() : ''; // quarter minutes
  const solved = random() < 0.7;
  const resolution = solved ? (Math.round(random() * 20000 * 2) / 2).toString() : '';
  durations.push([`D${i}`, pick(['voice', 'email', 'web', 'chat', 'twitter', 'api']), iso(created), first, resolution, solved ? 'solved' : pick(['open', 'pending', 'hold']), pick(priorities), pick(categories)]);
}
writeFileSync(new URL('../fixtures/engines/durations.csv', import.meta.url),
  csv(['ticket_id', 'via_channel', 'created_at', 'first_reply_time_business_minutes', 'full_resolution_time_business_minutes', 'status', 'priority', 'ticket_type'], durations));

// Values padded with whitespace JavaScript's trim() removes and plain SQL TRIM does not (tab,
// no-break space, ideographic and em spaces, the byte-order mark, line and paragraph separators):
// parity reads `\u00a0Billing\t` as `Billing`, and every engine's count query must too.
state = 20261129;
const WHITE = ['\t', '\u00a0', '\u3000', '\u2003', '\ufeff', '\u2028', '\u202f', ' ', '\u000b'];
const pad = (v) => (random() < 0.5 ? pick(WHITE) : '') + v + (random() < 0.5 ? pick(WHITE) + (random() < 0.3 ? pick(WHITE) : '') : '');
const padded = [];
for (let i = 0; i < 400; i++) {
  const created = start + Math.floor(random() * 20 * 86400);
  const first = random() < 0.9 ? iso(created + Math.floor(random() * 2 * 86400)) : '';
  const solved = random() < 0.7;
  padded.push([pad(`P${i}`), pad(`C${Math.floor(random() * 120)}`), pad(pick(['Phone', 'Email', 'Web form', 'Twitter', 'Live chat'])), iso(created), first, solved ? iso(created + Math.floor(random() * 9 * 86400)) : '', pad(solved ? 'solved' : 'open'), pad(pick(['low', 'normal', 'high'])), pad(pick(['Billing', 'Technical', 'Account']))]);
}
writeFileSync(new URL('../fixtures/engines/padded.csv', import.meta.url),
  csv(['ticket_id', 'customer_id', 'channel', 'created_at', 'first_response_at', 'resolved_at', 'status', 'priority', 'category'], padded));

try {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const from = new URL('../fixtures/demo.csv', import.meta.url).pathname;
  const to = new URL('../fixtures/engines/demo.parquet', import.meta.url).pathname;
  await connection.run(`COPY (SELECT * FROM read_csv('${from}')) TO '${to}' (FORMAT parquet)`);
  connection.closeSync();
  console.log('fixtures/engines/demo.parquet written');
} catch (error) {
  console.error(`demo.parquet not written (needs @duckdb/node-api): ${error.message}`);
}
console.log(`fixtures/engines: mixed.csv ${mixed.length} rows, durations.csv ${durations.length} rows, padded.csv ${padded.length} rows`);
