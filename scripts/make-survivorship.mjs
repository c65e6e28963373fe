// Writes fixtures/survivorship/survivorship.csv: the export parity exists for. Phone leaves two
// thirds of its tickets unanswered and answers the rest within minutes; social answers nearly
// everything in about an hour. Counting only answered tickets, phone looks fast; counting the
// unanswered as still waiting (as parity does), phone is far slower. Deterministic: no random
// numbers, every value follows from the row number, so the expected numbers can be worked out
// by hand (see test/e2e/survivorship.test.ts).
//
//   node scripts/make-survivorship.mjs
import { writeFileSync } from 'node:fs';

const DAY = 86400_000;
const start = Date.parse('2026-10-01T08:00:00Z');
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const rows = [['ticket_id', 'customer_id', 'channel', 'created_at', 'first_response_at', 'resolved_at', 'status', 'priority', 'category']];

// Phone: 60 tickets, one every 8 hours from 1 Oct 08:00. Every third (k = 0, 3, 6, …) answered
// after 5 + (k/3 mod 10) minutes and resolved a day later; the other 40 never answered.
for (let k = 0; k < 60; k++) {
  const created = start + k * DAY / 3;
  const answered = k % 3 === 0;
  const minutes = 5 + ((k / 3) % 10);
  rows.push([
    `P${String(k + 1).padStart(3, '0')}`,
    `CP${k + 1}`,
    'Phone',
    iso(created),
    answered ? iso(created + minutes * 60_000) : '',
    answered ? iso(created + DAY) : '',
    answered ? 'solved' : 'new',
    'normal',
    'Billing',
  ]);
}
// Social: 60 tickets, one every 8 hours from 1 Oct 12:00. All but the last two answered after
// 30 + (k mod 60) minutes, resolved two days later.
for (let k = 0; k < 60; k++) {
  const created = start + 4 * 3600_000 + k * DAY / 3;
  const answered = k < 58;
  rows.push([
    `S${String(k + 1).padStart(3, '0')}`,
    `CS${k + 1}`,
    'Twitter',
    iso(created),
    answered ? iso(created + (30 + (k % 60)) * 60_000) : '',
    answered ? iso(created + 2 * DAY) : '',
    answered ? 'solved' : 'open',
    'normal',
    'Billing',
  ]);
}
writeFileSync(new URL('../fixtures/survivorship/survivorship.csv', import.meta.url), rows.map((r) => r.join(',')).join('\n') + '\n');
