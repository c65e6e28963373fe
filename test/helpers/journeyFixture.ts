/**
 * fixtures/engines/loud.csv worked out by hand (every ticket of category General) (as of 2026-10-10T00:00Z; repeat contacts: 3
 * within 7 days; jumps within 14 days), for the in-process producer and every engine's query:
 *
 * - C: phone 10-01 (never answered, open), email 10-03 (answered after 1h, open), Twitter 10-06
 *   (answered after 2h): the Twitter ticket is C's 3rd contact in 7 days (loud: repeat) and a
 *   jump; its origin is the oldest pending ticket, the phone one: waited 5 days, unanswered.
 * - D: email 10-02, web and chat both at 10-04 00:00: contacts at the same instant count
 *   together, so web and chat are both 3rd contacts (loud: repeat); no social ticket.
 * - E: email and phone both at 10-01 00:00 (both open; phone answered after 12h), Twitter
 *   10-02: E's 3rd contact (repeat) and a jump; the two origins tie on creation, phone comes
 *   first by channel: waited 1 day, answered before the jump.
 * - K: Twitter "WHY IS THIS BROKEN" (15 letters, all capitals: shouting); L: email "Help!!!"
 *   (a run of 3 "!": shouting); M: email "Ça NE MARCHE PAS" (13 letters, 12 capitals: shouting
 *   in-process; a database does not test capitals on text beyond ASCII: quiet there, and
 *   counted as untested); N: web, tags "billing, VIP" (escalated); O: phone, priority
 *   "Escalated" (escalated); P: "facebook post" (a public post by the vocabulary); Q: email with
 *   is_public "yes" (public); R: email "A normal question" (quiet); a Twitter ticket without a
 *   customer, never answered (quiet, waiting 4 days).
 */
export const LOUD_FIXTURE = 'fixtures/engines/loud.csv';
export const LOUD_AS_OF = '2026-10-10T00:00:00Z';

const DAY = 86400;

/** Cells as `dimension|group|category|priority|metric|seconds|ended|waiting`. */
export function journeyCells(rows: ReadonlyArray<{ dimension: string; group: string; category: string | null; priority: string | null; metric: string; seconds: number; ended: number; waiting: number }>): string[] {
  return rows
    .filter((r) => ['loud', 'loudReason', 'jump', 'jumpOrigin'].includes(r.dimension))
    .map((r) => [r.dimension, r.group, r.category ?? '', r.priority ?? '', r.metric, r.seconds, r.ended, r.waiting].join('|'))
    .sort();
}

/** The expected journey cells; `capitalsTested` false = M's ticket is quiet (a database). */
export function expectedJourneyCells(capitalsTested: boolean): string[] {
  return journeyCellsWithoutCategory(capitalsTested).map((c) => {
    // every ticket's category is General: loud and jump cells carry it (reasons and origins have none)
    const parts = c.split('|');
    if (parts[0] === 'loud' || parts[0] === 'jump') parts[2] = 'General';
    return parts.join('|');
  });
}

function journeyCellsWithoutCategory(capitalsTested: boolean): string[] {
  const m = capitalsTested ? 'loud' : 'quiet';
  const cells = [
    // loud / quiet, first response and tickets
    'loud|loud / phone||Escalated|firstResponse|600|1|0',
    'loud|loud / phone||Escalated|tickets|0|1|0',
    `loud|quiet / phone|||firstResponse|${9 * DAY}|0|1`, // C1, never answered
    'loud|quiet / phone|||firstResponse|43200|1|0', // E2
    'loud|quiet / phone|||tickets|0|2|0',
    'loud|quiet / email|||firstResponse|3600|1|0', // C2
    'loud|quiet / email|||firstResponse|1800|2|0', // D1 and R1, both answered after 30 minutes
    `loud|quiet / email|||firstResponse|${9 * DAY}|0|1`, // E1
    'loud|loud / email|||firstResponse|2400|1|0', // L1
    'loud|loud / email|||firstResponse|1200|1|0', // Q1
    `loud|${m} / email|||firstResponse|3000|1|0`, // M1
    'loud|loud / web|||firstResponse|1800|1|0', // D2
    'loud|loud / web|||firstResponse|3600|1|0', // N1
    'loud|loud / web|||tickets|0|2|0',
    'loud|loud / chat|||firstResponse|600|1|0', // D3
    'loud|loud / chat|||tickets|0|1|0',
    'loud|loud / social|||firstResponse|7200|1|0', // C3
    'loud|loud / social|||firstResponse|300|1|0', // E3
    'loud|loud / social|||firstResponse|1200|1|0', // K1
    'loud|loud / social|||firstResponse|900|1|0', // P1
    'loud|loud / social|||tickets|0|4|0',
    `loud|quiet / social|||firstResponse|${4 * DAY}|0|1`, // the ticket without a customer
    'loud|quiet / social|||tickets|0|1|0',
    // reasons
    'loudReason|public / social|||tickets|0|1|0',
    'loudReason|public / email|||tickets|0|1|0',
    'loudReason|repeatContact / social|||tickets|0|2|0',
    'loudReason|repeatContact / web|||tickets|0|1|0',
    'loudReason|repeatContact / chat|||tickets|0|1|0',
    'loudReason|shouting / social|||tickets|0|1|0',
    `loudReason|shouting / email|||tickets|0|${capitalsTested ? 2 : 1}|0`,
    'loudReason|escalated / web|||tickets|0|1|0',
    'loudReason|escalated / phone|||tickets|0|1|0',
    // jumps: social tickets
    'jump|jump|||firstResponse|7200|1|0',
    'jump|jump|||firstResponse|300|1|0',
    'jump|jump|||tickets|0|2|0',
    'jump|other|||firstResponse|1200|1|0',
    'jump|other|||firstResponse|900|1|0',
    `jump|other|||firstResponse|${4 * DAY}|0|1`,
    'jump|other|||tickets|0|3|0',
    // jump origins (both phone): waited, their own first response and resolution, jumps
    `jumpOrigin|phone|||waited|${DAY}|1|0`,
    `jumpOrigin|phone|||waited|${5 * DAY}|0|1`,
    'jumpOrigin|phone|||firstResponse|43200|1|0',
    `jumpOrigin|phone|||firstResponse|${9 * DAY}|0|1`,
    `jumpOrigin|phone|||resolution|${9 * DAY}|0|2`,
    'jumpOrigin|phone|||tickets|0|2|0',
  ];
  const out = [...cells];
  // email: C2, D1, E1, R1 quiet; L1, Q1 loud; M1 loud where capitals are tested
  const quietEmail = capitalsTested ? 4 : 5;
  out.push(`loud|quiet / email|||tickets|0|${quietEmail}|0`, `loud|loud / email|||tickets|0|${7 - quietEmail}|0`);
  return mergeCells(out).sort();
}

/** Cells with the same key added up (M1 joins the quiet 3000 s cell or stays alone). */
function mergeCells(cells: string[]): string[] {
  const byKey = new Map<string, [number, number]>();
  for (const c of cells) {
    const parts = c.split('|');
    const key = parts.slice(0, 6).join('|');
    const [e, w] = byKey.get(key) ?? [0, 0];
    byKey.set(key, [e + Number(parts[6]), w + Number(parts[7])]);
  }
  return [...byKey].map(([k, [e, w]]) => `${k}|${e}|${w}`);
}
