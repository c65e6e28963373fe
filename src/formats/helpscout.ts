/**
 * Help Scout conversations, as the Mailbox API v2 returns them (JSON, flattened to dotted keys by
 * the reader, or the same keys in a CSV). `type` (email, chat, phone) is the channel. A
 * conversation object carries no first-reply time (that lives in its threads), so first response
 * is only read when a column for it is mapped.
 */
import { signature } from './signature.js';
import type { FormatDef } from './types.js';

export const helpscout: FormatDef = {
  id: 'helpscout',
  label: 'Help Scout conversations',
  detect: (keys) =>
    signature(keys, ['createdAt', ['mailboxId', 'primaryCustomer.id', 'customerWaitingSince.time']], [
      'number', 'closedAt', 'type', 'status', 'source.type', 'source.via', 'primaryCustomer.id', 'subject', 'mailboxId', 'state',
    ]),
  synonyms: {
    ticketId: ['number', 'id'],
    customerId: ['primaryCustomer.id', 'primaryCustomer.email', 'createdBy.id'],
    channel: ['type'],
    createdAt: ['createdAt'],
    resolvedAt: ['closedAt'],
    status: ['status'],
    group: ['mailboxId'],
    subject: ['subject'],
    text: ['preview'],
    tags: ['tags'],
  },
  channels: {
    email: { channel: 'email' },
    chat: { channel: 'chat' },
    phone: { channel: 'phone' },
  },
  absent: {
    firstResponseAt: 'a Help Scout conversation has no first-reply time (it is in the threads); map one with columns.firstResponseAt if your export adds it',
  },
  notes: ['Help Scout conversations started by a teammate (source.via "user") are not told apart from customer ones'],
};
