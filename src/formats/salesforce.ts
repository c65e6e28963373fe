/**
 * Salesforce case report export (CSV, "Details Only"). US-style dates (`07/01/2026 12:02 AM`) in
 * the report runner's time zone. A case report has no first-response field: parity reports
 * resolution only and says why.
 */
import { signature } from './signature.js';
import type { FormatDef } from './types.js';

const WHY_NO_FIRST_RESPONSE =
  'a Salesforce case report has no first-response field (it needs Entitlements milestones or a custom field); resolution only. Map one with columns.firstResponseAt if your report adds it';

export const salesforce: FormatDef = {
  id: 'salesforce',
  label: 'Salesforce case report',
  detect: (keys) =>
    signature(keys, ['case number', ['date/time opened', 'opened date']], [
      'case origin', ['date/time closed', 'closed date'], 'status', 'priority', 'contact id', 'type', 'case reason', 'subject',
      'account name', 'case owner',
    ]),
  synonyms: {
    ticketId: ['Case Number', 'Case ID'],
    customerId: ['Contact ID', 'Contact Name', 'Account Name'],
    channel: ['Case Origin'],
    createdAt: ['Date/Time Opened', 'Opened Date'],
    resolvedAt: ['Date/Time Closed', 'Closed Date'],
    status: ['Status'],
    priority: ['Priority'],
    category: ['Type', 'Case Reason'],
    group: ['Case Owner'],
    subject: ['Subject'],
    text: ['Description'],
  },
  channels: {
    Phone: { channel: 'phone' },
    Email: { channel: 'email' },
    Web: { channel: 'web' },
    Chat: { channel: 'chat' },
    Twitter: { channel: 'social' },
    Facebook: { channel: 'social' },
  },
  absent: {
    firstResponseAt: WHY_NO_FIRST_RESPONSE,
  },
};
