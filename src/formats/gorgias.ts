/**
 * Gorgias tickets (REST API ticket objects, flattened to dotted keys, or the same names in a CSV).
 * `channel` carries the public/private distinction (`twitter-direct-message` vs
 * `facebook-mention`). A ticket object has no first-reply time (Gorgias keeps it in its
 * statistics API), so first response is only read when a column for it is mapped.
 */
import { signature } from './signature.js';
import type { FormatDef } from './types.js';

export const gorgias: FormatDef = {
  id: 'gorgias',
  label: 'Gorgias tickets',
  detect: (keys) =>
    signature(keys, ['created_datetime', 'channel'], [
      'id', 'closed_datetime', 'opened_datetime', 'via', 'status', 'priority', ['customer.id', 'customer.email'], 'subject',
      'last_message_datetime', 'spam', 'from_agent',
    ]),
  synonyms: {
    ticketId: ['id'],
    customerId: ['customer.id', 'customer.email'],
    channel: ['channel'],
    createdAt: ['created_datetime'],
    resolvedAt: ['closed_datetime'],
    status: ['status'],
    priority: ['priority'],
    group: ['assignee_team.name', 'assignee_team.id'],
    subject: ['subject'],
    tags: ['tags'],
    direction: ['from_agent'],
    // a spam ticket, or one in the trash (its time): nobody waiting
    spam: ['spam'],
    deleted: ['trashed_datetime'],
  },
  // from_agent is a boolean: every way of writing true (as parseBoolean reads one) is agent-initiated
  outboundDirections: ['true', 't', 'yes', 'y', '1'],
  channels: {
    email: { channel: 'email' },
    chat: { channel: 'chat' },
    phone: { channel: 'phone' },
    aircall: { channel: 'phone' },
    sms: { channel: 'phone' },
    api: { channel: 'other' },
    contact_form: { channel: 'web' },
    'help-center': { channel: 'web' },
    facebook: { channel: 'social', isPublic: true },
    'facebook-messenger': { channel: 'social', isPublic: false },
    'facebook-mention': { channel: 'social', isPublic: true },
    'facebook-recommendations': { channel: 'social', isPublic: true },
    'instagram-comment': { channel: 'social', isPublic: true },
    'instagram-ad-comment': { channel: 'social', isPublic: true },
    'instagram-mention': { channel: 'social', isPublic: true },
    'instagram-direct-message': { channel: 'social', isPublic: false },
    twitter: { channel: 'social', isPublic: true },
    'twitter-direct-message': { channel: 'social', isPublic: false },
    whatsapp: { channel: 'chat' },
    'yotpo-review': { channel: 'social', isPublic: true },
    'internal-note': { channel: 'other', outbound: true },
  },
  absent: {
    firstResponseAt: 'a Gorgias ticket has no first-reply time (it is in the statistics API); map one with columns.firstResponseAt if your export adds it',
  },
  notes: ['Gorgias tickets whose first message came from an agent (from_agent true) are agent-initiated: excluded from response metrics'],
};
