// Loud vs quiet and channel jumps as count-table rows (measure/journeyGroups.ts), worked out by
// hand on fixtures/engines/loud.csv (test/helpers/journeyFixture.ts says how), and the findings
// they give read back from the count table equal to the file's.
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { resolveSettings } from '../../src/commands/options.js';
import { loadDataset } from '../../src/load/dataset.js';
import { countDataset, countRows, flattenCounts, unflattenCounts } from '../../src/measure/counts.js';
import { auditCounts, auditDataset } from '../../src/pipeline.js';
import { comparable } from '../helpers/exactness.js';
import { expectedJourneyCells, journeyCells, LOUD_AS_OF, LOUD_FIXTURE } from '../helpers/journeyFixture.js';
import type { Report } from '../../src/report.js';

async function load() {
  const settings = { ...resolveSettings([LOUD_FIXTURE], { asOf: LOUD_AS_OF }, {}, 'test'), generatedAt: null };
  const dataset = await loadDataset(settings, { stdin: Readable.from([]) });
  return { settings, dataset, counts: countDataset(dataset, { bands: settings.bands, journeys: settings.loud }) };
}

describe('journey rows of the in-process count table, by hand', () => {
  test('loud, loudReason, jump and jumpOrigin cells', async () => {
    const { counts } = await load();
    expect(journeyCells([...countRows(counts)])).toEqual(expectedJourneyCells(true));
  });

  test('journey facts: the rules, 17 tickets with a customer, 2 customers who jumped', async () => {
    const { counts } = await load();
    expect(counts.header.journeys).toEqual({ repeatContacts: 3, repeatWindowSeconds: 7 * 86400, jumpWindowSeconds: 14 * 86400, customers: 17, jumpers: 2, capitalsUntested: 0 });
  });

  test('the flat form carries them (meta,journey rows) and reads back equal', async () => {
    const { counts } = await load();
    const flat = flattenCounts(counts);
    expect(flat.filter((r) => r.dimension === 'meta' && r.group === 'journey').map((r) => [r.category, r.seconds, r.ended])).toEqual([
      ['repeatContacts', null, 3],
      ['repeatWindowSeconds', 604800, 0],
      ['jumpWindowSeconds', 1209600, 0],
      ['customers', null, 17],
      ['jumpers', null, 2],
      ['capitalsUntested', null, 0],
    ]);
    expect(unflattenCounts(flat)).toEqual(counts);
  });

  test('a jump cell counting more tickets than its group has is not whole (an edited table; it was an internal error)', async () => {
    // journeyFixture.ts: group jump holds C3 and E3 (first responses 7200 and 300, one ticket
    // each; tickets 2); their origins, both phone, waited 1 day (answered) and 5 days (not; tickets 2)
    const flat = flattenCounts((await load()).counts);
    const jumpFirst = flat.findIndex((r) => r.dimension === 'jump' && r.group === 'jump' && r.metric === 'firstResponse');
    expect(() => unflattenCounts(flat.map((r, k) => (k === jumpFirst ? { ...r, ended: 2 ** 32 } : r)))).toThrow(
      `its jump rows of group "jump" (General) and metric firstResponse hold ${2 ** 32 + 1} tickets, but its tickets rows of that group 2`,
    );
    const wait = flat.findIndex((r) => r.dimension === 'jumpOrigin' && r.metric === 'waited' && r.ended === 1);
    expect(() => unflattenCounts(flat.map((r, k) => (k === wait ? { ...r, ended: 3 } : r)))).toThrow('its jumpOrigin rows of group "phone" and metric waited hold 4 jumps, but its tickets rows of that group 2');
  });

  test('a table whose journey rows are cut short is not whole', async () => {
    // 18 tickets, one in each loud row; 5 social tickets (C3, E3, K1, P1, R2) in the jump rows, 2 of them jumps (C3, E3)
    const flat = flattenCounts((await load()).counts);
    expect(() => unflattenCounts(flat.filter((r) => r.dimension !== 'jumpOrigin'))).toThrow('its jumpOrigin rows of metric tickets hold 0 jumps, but its jump rows 2');
    expect(() => unflattenCounts(flat.filter((r) => !(r.dimension === 'jump' && r.group === 'other')))).toThrow('its jump rows of metric tickets hold 2 tickets, but its social tickets are 5');
    // O1, the only loud phone ticket (priority Escalated)
    expect(() => unflattenCounts(flat.filter((r) => !(r.dimension === 'loud' && r.group === 'loud / phone')))).toThrow('says 18 tickets, but its loud rows of metric tickets hold 17');
  });

  test("a table whose loud tickets' reasons were lost or edited is not whole (found by an independent attack)", async () => {
    // by hand from the cells above: loud phone 1 (O1, escalated); loud email 3 (L1, Q1, M1:
    // public 1, shouting 2); loud social 4 (public 1, repeatContact 2, shouting 1)
    const flat = flattenCounts((await load()).counts);
    expect(() => unflattenCounts(flat.filter((r) => r.dimension !== 'loudReason'))).toThrow(/its loud rows hold \d+ loud \w+ tickets?, but its loudReason rows give a reason for 0/);
    expect(() => unflattenCounts(flat.filter((r) => !(r.dimension === 'loudReason' && r.group === 'escalated / phone')))).toThrow(
      'its loud rows hold 1 loud phone ticket, but its loudReason rows give a reason for 0 (each loud ticket has one or more)',
    );
    const edit = (group: string, change: Partial<(typeof flat)[number]>) => flat.map((r) => (r.dimension === 'loudReason' && r.group === group ? { ...r, ...change } : r));
    expect(() => unflattenCounts(edit('shouting / email', { ended: 4 }))).toThrow('its loudReason rows count 4 loud email tickets for shouting, but its loud rows hold 3 loud email tickets');
    expect(() => unflattenCounts(edit('shouting / email', { group: 'yelling / email' }))).toThrow('its loudReason group "yelling / email" is not a reason');
    // social: reasons 1 + 2 + 1 for 4 loud tickets; repeatContact's 2 taken away leaves 2 for 4
    expect(() => unflattenCounts(edit('repeatContact / social', { ended: 0 }))).toThrow('its loud rows hold 4 loud social tickets, but its loudReason rows give a reason for 2');
  });

  test('row order does not matter: the file reversed counts alike', async () => {
    const { dataset, counts, settings } = await load();
    const n = dataset.table.size;
    const { subsetTable } = await import('../../src/normalise/table.js');
    const reversed = subsetTable(dataset.table, Uint32Array.from({ length: n }, (_, k) => n - 1 - k));
    const again = countDataset({ ...dataset, table: reversed }, { bands: settings.bands, journeys: settings.loud });
    expect(journeyCells([...countRows(again)])).toEqual(journeyCells([...countRows(counts)]));
  });
});

describe('the findings from the count table are the file\'s', () => {
  test('loud-preference per channel and channel-jump, same numbers; the jump cases only in the file', async () => {
    const { settings, dataset, counts } = await load();
    const file = auditDataset(dataset, settings, null, { perTicket: false });
    const fromCounts = auditCounts(counts, settings, { files: ['counts.csv'], format: 'counts' }, null);
    expect(comparable(fromCounts)).toEqual(comparable(file));
    const jump = fromCounts.findings.find((f) => f.kind === 'channel-jump') as Report['findings'][number];
    // 2 of 5 social tickets; waited 1 and 5 days: median 3 days; one origin not yet answered
    expect(jump.count).toBe(2);
    expect(jump.details).toMatchObject({ jumpTickets: 2, distinctJumpers: 2, socialTickets: 5, waitedMedian: 3 * 86400, originChannels: { phone: 2 }, originsUnansweredAtJump: 1, originsAnsweredByAsOf: 1, originsResolvedByAsOf: 0, jumpAnswered: 2, jumpFirstResponseMedian: 3750 });
    expect(jump.details).not.toHaveProperty('cases');
    const withCases = auditDataset(dataset, settings, null).findings.find((f) => f.kind === 'channel-jump');
    expect((withCases?.details?.['cases'] as unknown[]).length).toBe(2);
    const social = fromCounts.findings.find((f) => f.kind === 'loud-preference' && f.subject === 'social');
    expect(social?.details).toMatchObject({ loudTickets: 4, quietTickets: 1, reasons: { public: 1, repeatContact: 2, shouting: 1, escalated: 0 } });
    expect(fromCounts.input.notes.join('\n')).toMatch(/the longest waits are listed ticket by ticket only when the tickets are read in-process/);
  });

  test('a count table made with other windows is refused', async () => {
    const { settings, counts } = await load();
    expect(() => auditCounts(counts, { ...settings, loud: { ...settings.loud, jumpWindowDays: 7 } }, { files: ['c.csv'], format: 'counts' }, null)).toThrow(/made with jumpWindowDays 14 \(not 7\)/);
  });
});
