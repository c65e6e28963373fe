/**
 * Generic ticket CSV: any export whose headers use common names. Matching is by headerKey
 * (case and punctuation ignored), so `Ticket ID`, `ticket_id` and `ticket-id` are the same.
 * Other formats reuse these synonyms for the fields they do not name themselves.
 */
import type { TicketField } from '../model.js';
import { type FormatDef } from './types.js';

export const GENERIC_SYNONYMS: Record<TicketField, readonly string[]> = {
  ticketId: ['ticket_id', 'ticket id', 'id', 'ticket', 'ticket number', 'ticket_no', 'case_id', 'case number', 'case_ref', 'number', 'ref', 'reference', 'key', 'issue key', 'conversation id'],
  customerId: ['customer_id', 'customer', 'requester', 'requester_id', 'requester id', 'contact_id', 'contact id', 'user_id', 'user', 'author_id', 'author', 'client_id', 'customer_email', 'requester email', 'email address', 'caller', 'caller_id', 'account_id'],
  channel: ['channel', 'source', 'via', 'origin', 'contact_method', 'contact method', 'contact_type', 'medium', 'channel_type', 'ticket channel', 'case origin', 'submission channel'],
  createdAt: ['created_at', 'created', 'opened_at', 'opened', 'created_time', 'created time', 'created_date', 'created date', 'creation_date', 'date_created', 'date created', 'create_date', 'submitted_at', 'received_at', 'created_on', 'open_date', 'date_opened', 'opened_on', 'timestamp', 'date'],
  firstResponseAt: ['first_response_at', 'first reply', 'first_reply_at', 'first_replied_at', 'first response', 'first_responded_at', 'first_response_date', 'first reply at', 'first_response', 'initial_response_at', 'initial response time', 'first response time', 'first_response_time', 'responded_at'],
  firstResponseTime: ['first_response_seconds', 'first_response_minutes', 'first_response_hours', 'first_reply_minutes', 'first reply time in minutes', 'first_reply_seconds', 'time_to_first_response', 'first_response_duration', 'frt', 'frt_seconds', 'frt_minutes', 'response_time', 'response time'],
  resolvedAt: ['resolved_at', 'solved_at', 'closed_at', 'resolved', 'solved', 'closed', 'resolution_date', 'resolved_date', 'date_closed', 'closed_date', 'resolved_time', 'closed time', 'resolved time', 'completed_at', 'time to resolution', 'time_to_resolution'],
  resolutionTime: ['resolution_seconds', 'resolution_minutes', 'resolution_hours', 'resolution_time', 'resolution time', 'full_resolution_time', 'time_to_resolve', 'resolution_duration', 'ttr'],
  status: ['status', 'state', 'ticket_status', 'ticket status', 'case status'],
  priority: ['priority', 'urgency', 'severity', 'ticket_priority', 'ticket priority'],
  category: ['category', 'type', 'ticket_type', 'ticket type', 'issue_type', 'topic', 'reason', 'case_type', 'case reason', 'subcategory'],
  group: ['group', 'team', 'queue', 'assignment_group', 'department'],
  followers: ['follower_count', 'followers', 'followers_count', 'user_followers_count', 'author_followers', 'audience'],
  isPublic: ['is_public', 'public', 'visibility', 'is_public_post'],
  text: ['text', 'body', 'description', 'message', 'content', 'ticket description', 'comment', 'first_message'],
  subject: ['subject', 'title', 'ticket subject', 'summary', 'headline'],
  tags: ['tags', 'labels', 'tag'],
  direction: ['direction', 'inbound_outbound', 'initiated_by'],
  spam: ['spam', 'is_spam', 'spam_flag', 'marked_as_spam'],
  deleted: ['deleted', 'is_deleted', 'deleted_at', 'trashed', 'trashed_at', 'trashed_datetime'],
};

export const generic: FormatDef = {
  id: 'generic',
  label: 'generic ticket CSV',
  // The fallback: chosen when no vendor format is more certain.
  detect: () => 0.1,
  synonyms: GENERIC_SYNONYMS,
};
