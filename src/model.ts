/**
 * The canonical vocabulary every input format maps to (see the contract's "Canonical ticket").
 */

export const CHANNELS = ['phone', 'email', 'web', 'social', 'chat', 'other'] as const;
/** A normalised contact channel. */
export type Channel = (typeof CHANNELS)[number];

/**
 * What the config's `channels` may map a raw channel value to: a channel, or `outbound` (the
 * team's own outgoing contact, excluded as the built-in outbound spellings are).
 */
export const CHANNEL_TARGETS = [...CHANNELS, 'outbound'] as const;
export type ChannelTarget = (typeof CHANNEL_TARGETS)[number];

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

/** Canonical ticket fields a format or a `columns` mapping can feed. */
export const TICKET_FIELDS = [
  'ticketId',
  'customerId',
  'channel',
  'createdAt',
  'firstResponseAt',
  'firstResponseTime',
  'resolvedAt',
  'resolutionTime',
  'status',
  'priority',
  'category',
  'group',
  'followers',
  'isPublic',
  'text',
  'subject',
  'tags',
  'direction',
  'spam',
  'deleted',
] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];

/**
 * The moments a column may give either as a timestamp or as a duration from creation: each
 * timestamp field with its duration twin (a file maps one or the other).
 */
export const TIME_TWINS = [
  ['firstResponseAt', 'firstResponseTime'],
  ['resolvedAt', 'resolutionTime'],
] as const satisfies ReadonlyArray<readonly [TicketField, TicketField]>;

/** Each field of TIME_TWINS to its twin, both ways (`firstResponseAt` ↔ `firstResponseTime`). */
export const TWIN_FIELD: Readonly<Partial<Record<TicketField, TicketField>>> = Object.fromEntries(
  TIME_TWINS.flatMap(([at, time]) => [[at, time], [time, at]]),
);

/**
 * Units a duration column can be written in. `hms` is `HH:MM[:SS]` (two parts are hours and
 * minutes); `mmss` is `MM:SS` (two parts are minutes and seconds, three still hours, minutes and
 * seconds: a call-centre column of talk or wait times).
 */
export const DURATION_UNITS = ['seconds', 'minutes', 'hours', 'days', 'ms', 'hms', 'mmss'] as const;

/** Units whose values are clock text (`1:30`), not numbers. */
export const CLOCK_UNITS: ReadonlySet<string> = new Set(['hms', 'mmss']);
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** What one field of the canonical ticket is for, shown by `inspect` and `init`. */
export const FIELD_DESCRIPTIONS: Record<TicketField, string> = {
  ticketId: 'unique ticket id (required)',
  customerId: 'requester / author (repeat contacts, channel jumps)',
  channel: 'contact channel (required)',
  createdAt: 'when the customer reached out (required)',
  firstResponseAt: 'timestamp of the first human reply',
  firstResponseTime: 'first-reply duration (alternative to firstResponseAt)',
  resolvedAt: 'timestamp when solved/closed',
  resolutionTime: 'resolution duration (alternative to resolvedAt)',
  status: 'ticket status (open tickets are censored)',
  priority: 'priority (like-for-like comparison)',
  category: 'category / type (like-for-like comparison)',
  group: 'team / group',
  followers: 'follower count of the complaining account',
  isPublic: 'public post (true) or private message (false)',
  text: 'message text (loudness cues)',
  subject: 'subject line (loudness cues)',
  tags: 'tags (escalated / VIP markers)',
  direction: 'inbound or outbound (agent-initiated tickets are excluded)',
  spam: 'spam flag: true leaves the ticket out (no customer waiting)',
  deleted: 'deleted or trashed: true or a time leaves the ticket out',
};
