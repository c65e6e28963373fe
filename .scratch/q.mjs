// quick: generate SQL for demo columns
import { countQuery } from '../dist/read/engines/sql.js';
const d = process.argv[2] ?? 'duckdb';
console.log(countQuery({ dialect: d, source: { table: 'tickets' }, columns: { ticketId: {column:'ticket_id'}, channel:{column:'channel'}, createdAt:{column:'created_at'}, firstResponseAt:{column:'first_response_at'}, resolvedAt:{column:'resolved_at'}, status:{column:'status'}, priority:{column:'priority'}, category:{column:'category'}, followers:{column:'follower_count'} }, channels: {}, bands:[1000,10000,100000], by: null, since:null, until:null, asOf:null, notes:["it's a note"] }));
