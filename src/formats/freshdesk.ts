/**
 * Freshdesk ticket export (Tickets › Export, CSV). Timestamps are preferred: `Initial response
 * time` is the first agent response; `First response time (in hrs)` and `Resolution time (in
 * hrs)` are business-hours `HH:MM:SS` strings, often empty, used only when the timestamps are not
 * there. `Outbound Email` tickets are agent-initiated and left out (severity excluded).
 */
import { signature } from './signature.js';
import type { FormatDef } from './types.js';

export const freshdesk: FormatDef = {
  id: 'freshdesk',
  label: 'Freshdesk ticket export',
  detect: (keys) =>
    signature(keys, ['ticket id', 'source', 'created time'], [
      'subject', 'status', 'priority', 'type', 'group', 'agent', 'resolved time', 'closed time', 'initial response time',
      'first response time (in hrs)', 'resolution time (in hrs)', 'contact id', 'due by time', 'last update time',
    ]),
  synonyms: {
    ticketId: ['Ticket ID'],
    customerId: ['Contact ID', 'Email', 'Full name'],
    channel: ['Source'],
    createdAt: ['Created time'],
    firstResponseAt: ['Initial response time'],
    firstResponseTime: ['First response time (in hrs)'],
    resolvedAt: ['Resolved time', 'Closed time'],
    resolutionTime: ['Resolution time (in hrs)'],
    status: ['Status'],
    priority: ['Priority'],
    category: ['Type'],
    group: ['Group'],
    subject: ['Subject'],
    tags: ['Tags'],
  },
  durationUnits: { firstResponseTime: 'hms', resolutionTime: 'hms' },
  // Freshdesk counts them in the helpdesk's business hours
  durationClocks: { firstResponseTime: 'business', resolutionTime: 'business' },
  channels: {
    Email: { channel: 'email' },
    Portal: { channel: 'web' },
    Phone: { channel: 'phone' },
    Chat: { channel: 'chat' },
    'Feedback Widget': { channel: 'web' },
    'Outbound Email': { channel: 'email', outbound: true },
    Twitter: { channel: 'social' },
    Facebook: { channel: 'social' },
    Forum: { channel: 'web' },
    'Mobihelp': { channel: 'web' },
    'E-commerce': { channel: 'web' },
    WhatsApp: { channel: 'chat' },
  },
  notes: [
    'Freshdesk "Outbound Email" tickets are started by an agent: excluded from response metrics (rows counted as excluded)',
    'Freshdesk "(in hrs)" durations are business hours: the timestamps (Initial response time, Resolved time) are read where the export has them',
  ],
};
