/**
 * Zoho Desk tickets: the ticket export CSV (`Ticket Id`, `Created Time`, `Channel`, `Department`,
 * `Closed Time`, …) or the API's names (`ticketNumber`, `createdTime`, `closedTime`, `channel`,
 * `contactId`, `departmentId`).
 */
import { signature } from './signature.js';
import type { FormatDef } from './types.js';

export const zoho: FormatDef = {
  id: 'zoho',
  label: 'Zoho Desk tickets',
  detect: (keys) =>
    signature(keys, [['ticketNumber', 'ticket id', 'request id'], ['createdTime'], ['channel'], ['department', 'departmentId', 'department name']], [
      ['closedTime', 'ticket closed time'], 'status', 'priority', ['contactId', 'contact name'], 'category', 'subject',
      ['first response time', 'firstResponseTime'], ['ticket owner', 'assigneeId'],
    ]),
  synonyms: {
    ticketId: ['ticketNumber', 'Ticket Id', 'Request Id'],
    customerId: ['contactId', 'Contact Name', 'Email'],
    channel: ['channel'],
    createdAt: ['createdTime'],
    firstResponseAt: ['First Response Time', 'firstResponseTime'],
    resolvedAt: ['closedTime', 'Ticket Closed Time'],
    status: ['status'],
    priority: ['priority'],
    category: ['category'],
    group: ['Department', 'departmentId', 'Department Name'],
    subject: ['subject'],
    spam: ['isSpam', 'Is Spam'],
  },
  channels: {
    Email: { channel: 'email' },
    Phone: { channel: 'phone' },
    Web: { channel: 'web' },
    Chat: { channel: 'chat' },
    Forums: { channel: 'web' },
    'Feedback Widget': { channel: 'web' },
    Twitter: { channel: 'social' },
    Facebook: { channel: 'social' },
    Instagram: { channel: 'social' },
  },
};
