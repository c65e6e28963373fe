/**
 * Intercom conversations (REST API / data export JSON, flattened to dotted keys). Times are unix
 * seconds. First response is `statistics.first_admin_reply_at` (the first human teammate reply),
 * resolution `statistics.last_close_at`. `source.delivered_as` says who started a conversation:
 * `customer_initiated` is a customer asking; `admin_initiated` (a teammate), `campaigns_initiated`
 * (a campaign), `operator_initiated` (a bot) and `automated` (Series, outbound messages) are the
 * team's own, excluded from response metrics (their `source.author` is the teammate or bot, no
 * customer).
 */
import { signature } from './signature.js';
import type { FormatDef } from './types.js';

export const intercom: FormatDef = {
  id: 'intercom',
  label: 'Intercom conversations',
  detect: (keys) =>
    signature(keys, ['created_at', ['statistics.first_admin_reply_at', 'source.delivered_as']], [
      'id', 'source.type', 'source.delivered_as', 'statistics.first_admin_reply_at', 'statistics.last_close_at', 'state', 'open',
      'priority', 'source.author.id', 'team_assignee_id', 'title',
    ]),
  synonyms: {
    ticketId: ['id'],
    customerId: ['source.author.id', 'contacts.contacts.id', 'contacts.id', 'user.id'],
    channel: ['source.type'],
    createdAt: ['created_at'],
    firstResponseAt: ['statistics.first_admin_reply_at'],
    firstResponseTime: [],
    resolvedAt: ['statistics.last_close_at'],
    status: ['state'],
    priority: ['priority'],
    group: ['team_assignee_id'],
    subject: ['title', 'source.subject'],
    text: ['source.body'],
    direction: ['source.delivered_as'],
  },
  channels: {
    conversation: { channel: 'chat' },
    email: { channel: 'email' },
    phone_call: { channel: 'phone' },
    phone_switch: { channel: 'phone' },
    sms: { channel: 'phone' },
    twitter: { channel: 'social' },
    facebook: { channel: 'social' },
    instagram: { channel: 'social' },
    whatsapp: { channel: 'chat' },
    // A push message is sent by the team, not a customer asking.
    push: { channel: 'other', outbound: true },
  },
  // (admin_initiated is outbound by the general rule, directions starting "admin")
  outboundDirections: ['campaigns_initiated', 'operator_initiated', 'automated'],
  ignoreColumns: ['type'],
  absent: {
    firstResponseTime: 'Intercom statistics durations subtract office hours; first_admin_reply_at is read instead',
  },
  notes: ['Intercom conversations delivered as admin_initiated, campaigns_initiated, operator_initiated or automated are started by the team, a campaign or a bot: excluded from response metrics'],
};
