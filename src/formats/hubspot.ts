/**
 * HubSpot tickets: CRM export CSV (display names: `Ticket ID`, `Create date`, `Source`, …) or API
 * property names (`hs_object_id`, `createdate`, `source_type`, `first_agent_reply_date`,
 * `time_to_first_agent_reply` in milliseconds, `closed_date`).
 */
import { signature } from './signature.js';
import type { FormatDef } from './types.js';

export const hubspot: FormatDef = {
  id: 'hubspot',
  label: 'HubSpot tickets',
  detect: (keys) =>
    signature(keys, [['hs_ticket_id', 'hs_object_id', 'ticket id'], ['createdate', 'create date']], [
      ['source_type', 'source'], ['closed_date', 'close date'], ['first_agent_reply_date', 'first agent reply date'],
      ['time_to_first_agent_reply', 'time to first agent reply'], ['hs_pipeline_stage', 'ticket status'],
      ['hs_ticket_priority', 'priority'], ['subject', 'ticket name'], ['hs_ticket_category', 'category'], ['time_to_close', 'time to close'],
    ]),
  synonyms: {
    ticketId: ['hs_ticket_id', 'hs_object_id', 'Ticket ID'],
    customerId: ['associated_contact_id', 'Associated Contact', 'hs_primary_contact_id'],
    channel: ['source_type', 'Source'],
    createdAt: ['createdate', 'Create date'],
    firstResponseAt: ['first_agent_reply_date', 'First agent reply date'],
    firstResponseTime: ['time_to_first_agent_reply', 'Time to first agent reply'],
    resolvedAt: ['closed_date', 'Close date'],
    resolutionTime: ['time_to_close', 'Time to close'],
    status: ['hs_pipeline_stage', 'Ticket status'],
    priority: ['hs_ticket_priority', 'Priority'],
    category: ['hs_ticket_category', 'Category'],
    group: ['hubspot_team_id', 'HubSpot team'],
    subject: ['subject', 'Ticket name'],
    text: ['content', 'Ticket description'],
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
