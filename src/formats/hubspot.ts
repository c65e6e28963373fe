/**
 * HubSpot tickets: CRM export CSV (display names: `Ticket ID`, `Create date`, `Source`, …) or API
 * property names (`hs_object_id`, `createdate`, `source_type`, `first_agent_reply_date`,
 * `time_to_first_agent_reply` in milliseconds, `closed_date`), bare or as the CRM v3 API returns
 * them, inside each object's `properties` (`{"results": [{"id": …, "properties": {…}}]}`,
 * flattened by the reader to `properties.createdate`).
 */
import { signature } from './signature.js';
import type { FormatDef } from './types.js';

/** An API property name, bare and as a v3 object's `properties.` member. */
const api = (name: string): [string, string] => [name, `properties.${name}`];

export const hubspot: FormatDef = {
  id: 'hubspot',
  label: 'HubSpot tickets',
  detect: (keys) =>
    signature(keys, [[...api('hs_ticket_id'), ...api('hs_object_id'), 'ticket id'], [...api('createdate'), 'create date']], [
      [...api('source_type'), 'source'], [...api('closed_date'), 'close date'], [...api('first_agent_reply_date'), 'first agent reply date'],
      [...api('time_to_first_agent_reply'), 'time to first agent reply'], [...api('hs_pipeline_stage'), 'ticket status'],
      [...api('hs_ticket_priority'), 'priority'], [...api('subject'), 'ticket name'], [...api('hs_ticket_category'), 'category'], [...api('time_to_close'), 'time to close'],
    ]),
  synonyms: {
    ticketId: [...api('hs_ticket_id'), ...api('hs_object_id'), 'Ticket ID'],
    customerId: [...api('associated_contact_id'), 'Associated Contact', ...api('hs_primary_contact_id')],
    channel: [...api('source_type'), 'Source'],
    createdAt: [...api('createdate'), 'Create date'],
    firstResponseAt: [...api('first_agent_reply_date'), 'First agent reply date'],
    firstResponseTime: [...api('time_to_first_agent_reply'), 'Time to first agent reply'],
    resolvedAt: [...api('closed_date'), 'Close date'],
    resolutionTime: [...api('time_to_close'), 'Time to close'],
    status: [...api('hs_pipeline_stage'), 'Ticket status'],
    priority: [...api('hs_ticket_priority'), 'Priority'],
    category: [...api('hs_ticket_category'), 'Category'],
    group: [...api('hubspot_team_id'), 'HubSpot team'],
    subject: [...api('subject'), 'Ticket name'],
    text: [...api('content'), 'Ticket description'],
  },
  durationUnits: { firstResponseTime: 'ms', resolutionTime: 'ms' },
  channels: {
    EMAIL: { channel: 'email' },
    CHAT: { channel: 'chat' },
    PHONE: { channel: 'phone' },
    FORM: { channel: 'web' },
    FACEBOOK_MESSENGER: { channel: 'social', isPublic: false },
    WHATSAPP: { channel: 'chat' },
  },
  notes: ['HubSpot durations (time_to_first_agent_reply, time_to_close) are milliseconds; the dates are preferred when present'],
};
