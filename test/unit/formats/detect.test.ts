/** Format detection by header signature, and the binding details formats rely on. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { detectFormat, FORMATS } from '../../../src/formats/index.js';
import { signature } from '../../../src/formats/signature.js';
import { headerKey } from '../../../src/formats/types.js';
import { bindColumns, clockUnitFromHeader, unitFromHeader } from '../../../src/formats/bind.js';
import { generic } from '../../../src/formats/generic.js';
import { fixture } from '../../helpers/exec.js';

function headerOf(file: string): string[] {
  const first = readFileSync(fixture('formats', file), 'utf8').split('\n')[0] as string;
  return first.split(',').map((h) => h.replace(/^"|"$/g, ''));
}

describe('detectFormat', () => {
  const cases: Array<[string, string]> = [
    ['zendesk.csv', 'zendesk'],
    ['freshdesk.csv', 'freshdesk'],
    ['salesforce.csv', 'salesforce'],
    ['helpscout.csv', 'helpscout'],
    ['intercom.csv', 'intercom'],
    ['hubspot.csv', 'hubspot'],
    ['zoho.csv', 'zoho'],
    ['gorgias.csv', 'gorgias'],
    ['tweets.csv', 'tweets'],
    ['servicenow.csv', 'servicenow'],
    ['unknown-layout.csv', 'generic'],
  ];
  for (const [file, id] of cases) {
    it(`${file} → ${id}`, () => {
      const d = detectFormat(headerOf(file), null);
      expect(d.format.id).toBe(id);
      // The winner is clear of the runner-up (no coin flips between vendors).
      const [best, second] = d.candidates;
      if (id !== 'generic') expect((best?.confidence ?? 0) - (second?.confidence ?? 0)).toBeGreaterThan(0.3);
    });
  }

  it('the UCI ServiceNow header and the TWCS header (with its unnamed index column)', () => {
    const uci = 'number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,opened_at,sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,contact_type,location,category,subcategory,u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,knowledge,u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,closed_at';
    expect(detectFormat(uci.split(','), null).format.id).toBe('servicenow');
    const twcs = ',tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';
    expect(detectFormat(twcs.split(','), null)).toMatchObject({ format: { id: 'tweets' }, confidence: 1 });
  });

  it('plain generic headers stay generic', () => {
    expect(detectFormat(['ticket_id', 'channel', 'created_at', 'first_response_at'], null).format.id).toBe('generic');
  });

  it('a forced format wins with confidence 1; ids are unique and lower case', () => {
    expect(detectFormat(headerOf('zendesk.csv'), 'Generic')).toMatchObject({ format: { id: 'generic' }, confidence: 1 });
    const ids = FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toBe(id.toLowerCase());
    expect(ids[ids.length - 1]).toBe('generic');
  });
});

describe('signature', () => {
  const keys = new Set(['id', 'via', 'createdat', 'status'].map(headerKey));
  it('0.55 with every required cell, + 0.45 × share of the usual ones', () => {
    // required 3/3; usual: status yes, priority no → 0.55 + 0.45 × 1/2 = 0.775
    expect(signature(keys, ['id', 'via', 'created at'], ['status', 'priority'])).toBeCloseTo(0.775, 10);
  });
  it('under generic (0.1) when a required cell is missing; alternatives count as one', () => {
    // 2 of 3 required → 0.05 × 2/3
    expect(signature(keys, ['id', 'via', 'solved at'], [])).toBeCloseTo(0.05 * (2 / 3), 10);
    expect(signature(keys, [['ID', 'Ticket ID'], 'Via'], [])).toBe(1);
  });
});

describe('bindColumns details', () => {
  const zendesk = FORMATS.find((f) => f.id === 'zendesk')!;
  const hubspot = FORMATS.find((f) => f.id === 'hubspot')!;
  const servicenow = FORMATS.find((f) => f.id === 'servicenow')!;

  it('Zendesk: first reply in minutes, business-hours twins left unused', () => {
    const header = headerOf('zendesk.csv');
    const m = bindColumns(header, zendesk, 1, { columns: {}, dateFormat: null, decimal: null }, [], 'UTC', 'x.csv');
    expect(m.bindings.firstResponseTime).toMatchObject({ header: 'First reply time in minutes', unit: 'minutes' });
    expect(m.bindings.firstResponseAt).toBeUndefined();
    expect(m.unused).toContain('First reply time in minutes within business hours');
  });

  it("a format's unit holds for numbers, but HH:MM:SS values say their own unit", () => {
    const header = ['hs_object_id', 'createdate', 'source_type', 'time_to_first_agent_reply'];
    const numbers = bindColumns(header, hubspot, 1, { columns: {}, dateFormat: null, decimal: null }, [['1', '2026-07-01T09:00:00Z', 'EMAIL', '60000']], 'UTC', 'x.csv');
    expect(numbers.bindings.firstResponseTime?.unit).toBe('ms');
    const hms = bindColumns(header, hubspot, 1, { columns: {}, dateFormat: null, decimal: null }, [['1', '2026-07-01T09:00:00Z', 'EMAIL', '00:01:00']], 'UTC', 'x.csv');
    expect(hms.bindings.firstResponseTime?.unit).toBe('hms');
  });

  it('clock text is MM:SS under a header of minutes or mm:ss, HH:MM[:SS] otherwise', () => {
    const bind = (name: string, value: string) => bindColumns(['ticket_id', 'channel', 'created_at', name], generic, 1, { columns: { firstResponseTime: name }, dateFormat: null, decimal: null }, [['1', 'phone', '2026-07-01T09:00:00Z', value]], 'UTC', 'x.csv').bindings.firstResponseTime?.unit;
    expect(bind('first_response_minutes', '1:30')).toBe('mmss');
    expect(bind('Talk time (mm:ss)', '1:30')).toBe('mmss');
    expect(bind('Wait in minutes (hh:mm)', '1:30')).toBe('hms');
    expect(bind('first_response_time', '1:30')).toBe('hms');
    expect(bind('first_response_hours', '1:30')).toBe('hms');
    // a clock pattern in the header decides, hours first (found by an independent attack: "minutes" had won over "hours")
    for (const header of ['response time (hrs:mins)', 'Duration [hours:minutes]', 'Response time (h:mm; minutes)', 'Wait (hh:mm:ss)']) expect(bind(header, '1:30'), header).toBe('hms');
    for (const header of ['Handle time (min:sec)', 'Handle time (mins:secs)', 'Talk time (m:ss)', 'Wait (minutes:seconds)']) expect(bind(header, '1:30'), header).toBe('mmss');
    // a minutes header that also names hours is not MM:SS; "admin" holds no minutes
    expect(bind('Time in hours and minutes', '1:30')).toBe('hms');
    expect(bind('Time to first admin reply', '1:30')).toBe('hms');
    expect(unitFromHeader('Time to first admin reply')).toBeNull();
    expect(unitFromHeader('frtMins')).toBe('minutes');
    expect(unitFromHeader('frt_min')).toBe('minutes');
    // a plain 0 among clock text leaves the column clock text (found by the same attack: one 0 had turned 26:15 into 26 minutes)
    const withZero = (name: string, values: string[]) => bindColumns(['ticket_id', 'channel', 'created_at', name], generic, 1, { columns: { firstResponseTime: name }, dateFormat: null, decimal: null }, values.map((v, i) => [String(i), 'phone', '2026-07-01T09:00:00Z', v]), 'UTC', 'x.csv').bindings.firstResponseTime?.unit;
    expect(withZero('resolution_time', ['26:15', '3:40', '0'])).toBe('hms');
    expect(withZero('first_response_minutes', ['1:30', '0', '2:00'])).toBe('mmss');
    expect(withZero('first_response_minutes', ['0', '0'])).toBe('minutes');
    // numbers keep the header's unit
    expect(bind('first_response_minutes', '90')).toBe('minutes');
    expect(clockUnitFromHeader('FRT (MM:SS)')).toBe('mmss');
    // seconds with a fraction are clock text too (a column of them is MM:SS under a minutes header)
    expect(withZero('Talk time (mm:ss)', ['1:30.5', '0:59.25'])).toBe('mmss');
  });

  it('ServiceNow "?" does not sway timestamp style detection', () => {
    const header = ['number', 'incident_state', 'opened_at', 'resolved_at'];
    const samples = [['INC1', 'New', '13-07-2026 09:00', '?'], ['INC2', 'New', '01-07-2026 10:00', '02-07-2026 10:00']];
    const m = bindColumns(header, servicenow, 1, { columns: {}, dateFormat: null, decimal: null }, samples, 'UTC', 'x.csv');
    expect(m.bindings.resolvedAt?.style).toBe('dmy-dash');
  });
});
