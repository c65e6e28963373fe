/**
 * Zendesk Support ticket export: the CSV from Reporting › Export (one row per ticket, times in
 * the account's time zone without an offset: pass --tz) and the JSON/NDJSON exports (`{"ticket":
 * {...}}` per line or incremental-export pages, UTC), which the reader flattens to dotted keys
 * (`via.channel`, `metric_set.reply_time_in_minutes.calendar`).
 *
 * The CSV has no first-reply timestamp, only `First reply time in minutes` (calendar minutes);
 * the `… within business hours` twins are not read.
 */
import { signature } from './signature.js';
import type { FormatDef } from './types.js';

const CSV_REQUIRED = ['id', 'via', 'created at'];
const CSV_USUAL = [
  'requester id', 'status', 'priority', 'ticket type', 'group', 'solved at', 'first reply time in minutes',
  'full resolution time in minutes', 'first reply time in minutes within business hours', 'reopens', 'replies', 'subject',
];
const JSON_REQUIRED = ['id', 'via.channel', 'created_at'];
const JSON_USUAL = ['requester_id', 'status', 'priority', 'type', 'group_id', 'subject', 'tags', 'metric_set.solved_at', 'metric_set.reply_time_in_minutes.calendar'];

export const zendesk: FormatDef = {
  id: 'zendesk',
  label: 'Zendesk ticket export',
  detect: (keys) => Math.max(signature(keys, CSV_REQUIRED, CSV_USUAL), signature(keys, JSON_REQUIRED, JSON_USUAL)),
  synonyms: {
    ticketId: ['Id', 'ID'],
    customerId: ['Requester id', 'requester_id', 'Requester'],
    channel: ['Via', 'via.channel'],
    createdAt: ['Created at', 'created_at'],
    firstResponseTime: ['First reply time in minutes', 'metric_set.reply_time_in_minutes.calendar'],
    resolvedAt: ['Solved at', 'metric_set.solved_at', 'solved_at'],
    resolutionTime: ['Full resolution time in minutes', 'metric_set.full_resolution_time_in_minutes.calendar'],
    status: ['Status', 'status'],
    priority: ['Priority', 'priority'],
    category: ['Ticket type', 'type'],
    group: ['Group', 'group_id'],
    subject: ['Subject', 'subject'],
    text: ['description'],
    tags: ['Tags', 'tags'],
    // JSON: how the ticket came in on its channel — `outbound` for a call the agent made
    // (`via.channel` voice), `inbound`, `voicemail`, `direct_message`, `mention`… for the rest
    direction: ['via.source.rel'],
  },
  // `via.channel` twitter or facebook is a public post unless its rel says a direct message
  privateDirections: ['direct_message'],
  // the tickets API's `is_public` says whether the ticket has a public comment, not whether it
  // came as a public post: never read as isPublic (columns.isPublic still maps it)
  ignoreColumns: [
    'is_public',
    // the business-hours twins of the calendar durations, which are read (the notes say so):
    // never bound, not even by their name and unit when the calendar column is missing
    'First reply time in minutes within business hours', 'Full resolution time in minutes within business hours',
    'metric_set.reply_time_in_minutes.business', 'metric_set.full_resolution_time_in_minutes.business',
  ],
  durationUnits: { firstResponseTime: 'minutes', resolutionTime: 'minutes' },
  channels: {
    // CSV "Via" values
    'Web form': { channel: 'web' },
    'Web Widget': { channel: 'web' },
    'Web service': { channel: 'other' },
    Mail: { channel: 'email' },
    'Phone call (inbound)': { channel: 'phone' },
    'Phone call (outbound)': { channel: 'phone', outbound: true },
    Voicemail: { channel: 'phone' },
    // Talk Partner Edition (CTI) calls
    'CTI phone call (inbound)': { channel: 'phone' },
    'CTI phone call (outbound)': { channel: 'phone', outbound: true },
    'CTI voicemail': { channel: 'phone' },
    Twitter: { channel: 'social', isPublic: true },
    'Twitter DM': { channel: 'social', isPublic: false },
    'Twitter Favorite': { channel: 'social', isPublic: true },
    'Facebook post': { channel: 'social', isPublic: true },
    'Facebook private message': { channel: 'social', isPublic: false },
    Chat: { channel: 'chat' },
    'Mobile SDK': { channel: 'web' },
    // API-created tickets come from integrations whose origin the export does not say.
    API: { channel: 'other' },
    // A follow-up to a closed ticket: its channel is the original ticket's, which the row lacks.
    'Closed ticket': { channel: 'other' },
    // JSON via.channel values
    web: { channel: 'web' },
    email: { channel: 'email' },
    voice: { channel: 'phone' },
    twitter: { channel: 'social', isPublic: true },
    facebook: { channel: 'social' },
    chat: { channel: 'chat' },
    api: { channel: 'other' },
    mobile_sdk: { channel: 'web' },
    native_messaging: { channel: 'chat' },
    sms: { channel: 'phone' },
    closed_ticket: { channel: 'other' },
    any_channel: { channel: 'other' },
  },
  absent: {
    firstResponseAt: 'Zendesk exports no first-reply timestamp; the first reply time in calendar minutes is used',
  },
  notes: [
    'Zendesk CSV times have no offset: they are read in --tz (the account time zone), UTC by default (JSON times carry their own)',
    'Zendesk "within business hours" columns are not read; durations are calendar minutes',
    'Zendesk Via "API" and "Closed ticket" map to other: the export does not say where those tickets came from',
  ],
};
