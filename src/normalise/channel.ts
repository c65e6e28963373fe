/**
 * Raw channel values → the canonical channel, keeping the raw value. Vendors spell channels
 * many ways ("Phone call (inbound)", "Twitter DM", "Feedback Widget"); matching is on a key with
 * case and punctuation removed. Where the raw value says whether a social post was public
 * (a tweet vs a DM) that is recorded too. Unknown values map to `other` and are listed in the
 * report; agent-initiated ("outbound") values are flagged so they can be left out of response
 * metrics.
 */
import type { Channel, ChannelTarget } from '../model.js';

/** What a raw channel value means. */
export interface ChannelMeaning {
  readonly channel: Channel;
  /** true = public post, false = private message, undefined = not said. */
  readonly isPublic?: boolean;
  /** Agent-initiated contact: not a customer waiting for a reply. */
  readonly outbound?: boolean;
  /** Whether the value was recognised (false = fell through to `other`). */
  readonly known: boolean;
}

/** `Phone call (inbound)` → `phonecallinbound`. */
export function vocabularyKey(raw: string): string {
  return raw.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
}

type Entry = [Channel, boolean | undefined, boolean?];

/** The built-in vocabulary, by vocabularyKey. Formats add their own on top. */
const BUILT_IN: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
function add(channel: Channel, isPublic: boolean | undefined, words: string[], outbound = false): void {
  for (const w of words) BUILT_IN[vocabularyKey(w)] = [channel, isPublic, outbound];
}
add('phone', undefined, [
  'phone', 'phone call', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inbound call',
  'phone call (inbound)', 'phone call inbound', 'call centre', 'call center', 'hotline', 'callback', 'sms', 'text message',
  'phone - inbound', 'phone (inbound)', 'phone inbound', 'inbound phone', 'incoming call', 'call inbound', 'voice call',
  'pstn phone', 'pstnphone', 'telefon', 'teléfono', 'telefone', 'telefono', 'anruf', 'appel', 'llamada', 'chiamata',
  'telephony', 'telefonanruf', 'appel entrant', 'appel téléphonique', 'llamada entrante',
  // German, French, Spanish, Portuguese, Dutch and Italian exports, as their helpdesks write them
  'telefonisch', 'telefonanruf (eingehend)', 'anruf (eingehend)', 'eingehender anruf', 'sprachnachricht', 'rückruf',
  'appel téléphonique (entrant)', 'appel (entrant)', 'messagerie vocale',
  'llamada telefónica', 'llamada telefónica (entrante)', 'llamada (entrante)', 'correo de voz', 'buzón de voz',
  'ligação', 'ligação telefônica', 'ligação telefónica', 'chamada', 'chamada telefônica', 'chamada telefónica', 'correio de voz',
  'telefoon', 'telefoongesprek', 'inkomend gesprek', 'inkomende oproep', 'terugbelverzoek',
  'telefonata', 'chiamata in entrata', 'chiamata telefonica', 'segreteria telefonica',
]);
add('phone', undefined, [
  'phone call (outbound)', 'outbound call', 'outbound phone', 'phone - outbound', 'phone (outbound)', 'phone outbound',
  'outgoing call', 'call outbound', 'outbound calls', 'outbound', 'outgoing',
  'telefonanruf (ausgehend)', 'anruf (ausgehend)', 'ausgehender anruf', 'appel sortant', 'appel téléphonique (sortant)',
  'appel (sortant)', 'llamada saliente', 'llamada telefónica (saliente)', 'llamada (saliente)', 'uitgaand gesprek',
  'uitgaande oproep', 'chiamata in uscita',
], true);
add('email', undefined, [
  'email', 'e-mail', 'mail', 'inbound email', 'email inbound', 'letter by email', 'emails', 'email - inbound', 'incoming email',
  'courriel', 'correo', 'correo electrónico', 'posta elettronica',
  'correio eletrônico', 'correio eletrónico', 'correio electrónico',
]);
add('email', undefined, ['outbound email', 'outbound e-mail', 'email outbound', 'email - outbound', 'outgoing email'], true);
add('web', undefined, [
  'web', 'web form', 'webform', 'form', 'contact form', 'contact_form', 'portal', 'support portal', 'customer portal',
  'website', 'web site', 'online', 'self service', 'self-service', 'feedback widget', 'widget', 'help center',
  'helpcenter', 'web widget', 'api', 'mobile app', 'app', 'in-app', 'mobile', 'mobile sdk', 'forum', 'forums', 'community',
  'service portal', 'webformular', 'kontaktformular', 'formulaire', 'formulaire de contact', 'formulario', 'formulario web',
  'formulaire web',
  'webseite', 'kundenportal', 'site web', 'site internet', 'portail', 'portail client', 'application mobile',
  'sitio web', 'página web', 'formulario de contacto', 'aplicación móvil', 'portal del cliente',
  'formulário de contato', 'formulário de contacto', 'aplicativo', 'portal do cliente',
  'webformulier', 'contactformulier', 'klantenportaal', 'sito web', 'modulo web', 'modulo di contatto', 'portale clienti',
]);
add('chat', undefined, [
  'chat', 'live chat', 'livechat', 'web chat', 'webchat', 'messaging', 'whatsapp', 'whats app', 'wechat', 'line',
  'whatsapp business', 'whatsapp business api',
  'telegram', 'native messaging', 'conversation', 'bot', 'chatbot', 'widget chat', 'widgetchat',
  // messaging apps and business messaging services: a chat with a company, whoever carries it
  'viber', 'signal', 'imessage', 'kakaotalk', 'kakao talk', 'rcs', 'apple business chat', 'apple messages for business',
  'google business messages', 'google messages', 'sunshine conversations', 'web messaging', 'in-app messaging',
  'mobile messaging', 'slack', 'microsoft teams', 'teams chat', 'in-app chat', 'apple messages', 'chat en direct',
  'chat en ligne', 'tchat', 'messagerie instantanée', 'chat en vivo', 'chat en línea', 'chat ao vivo', 'chat online',
  'chat dal vivo',
]);
add('social', undefined, [
  'social', 'social media', 'socialmedia', 'social network', 'twitter', 'x', 'x (twitter)', 'tweet', 'facebook',
  'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'any channel social', 'threads', 'mastodon', 'bluesky',
  'twitter/x', 'soziale medien', 'réseaux sociaux', 'redes sociales',
  'soziale netzwerke', 'réseau social', 'red social', 'redes sociais', 'rede social', 'sociale media',
]);
add('social', true, [
  'twitter public', 'public tweet', 'twitter mention', 'twitter-mention', 'tweet mention', 'facebook post',
  'facebook-post', 'facebook comment', 'facebook-comment', 'facebook mention', 'facebook-mention', 'facebook wall',
  'instagram comment', 'instagram-comment', 'instagram mention', 'instagram-mention', 'instagram ad comment',
  'instagram-ad-comment', 'facebook review', 'facebook-recommendations', 'review', 'app store review', 'trustpilot',
  // (public reviews on the other app store and the review sites alike: `App Store review` was social, `Google Play review` other)
  'google play review', 'google play', 'play store review', 'play store', 'google review', 'google reviews', 'yelp',
]);
add('social', false, [
  'twitter dm', 'twitter direct message', 'twitter-direct-message', 'twitter private message', 'x dm',
  'facebook private message', 'facebook message', 'facebook messenger', 'messenger', 'facebook-messenger',
  'instagram dm', 'instagram direct message', 'instagram-direct-message', 'ig dm', 'instagram direct', 'instagram messaging',
]);
add('other', undefined, [
  'other', 'letter', 'post', 'walk-in', 'walk in', 'in person', 'fax', 'closed ticket',
  'sonstige', 'brief', 'persönlich', 'vor ort', 'geschlossenes ticket', 'autre', 'courrier', 'lettre', 'en personne', 'ticket fermé',
  'otro', 'carta', 'en persona', 'presencial', 'ticket cerrado', 'outro', 'pessoalmente', 'overig', 'overige', 'balie',
  'altro', 'lettera', 'di persona',
]);

/** The built-in vocabulary by key: channel, public/private, agent-initiated (for SQL generation). */
export function builtInVocabulary(): ReadonlyArray<{ key: string; channel: Channel; isPublic?: boolean; outbound: boolean }> {
  return Object.entries(BUILT_IN).map(([key, [channel, isPublic, outbound]]) => ({ key, channel, ...(isPublic === undefined ? {} : { isPublic }), outbound: Boolean(outbound) }));
}

/**
 * A `direction` value that means the team started the contact (agent-initiated: excluded), in
 * lower case: one that starts with one of OUTBOUND_DIRECTION_PREFIXES (`Outbound call`,
 * `agent`, `Admin`, `outgoing`; German `ausgehend`, French `sortant`, Spanish `saliente`) or is
 * `out`. A format adds its own words (formats/types.ts outboundDirections). The engines' count
 * query reads the same words (read/engines/sql.ts).
 */
export const OUTBOUND_DIRECTION_PREFIXES = ['outbound', 'agent', 'admin', 'outgoing', 'ausgehend', 'sortant', 'saliente'] as const;
export const OUTBOUND_DIRECTION_WORDS = ['out'] as const;
const OUTBOUND_DIRECTION = new RegExp(`^(${OUTBOUND_DIRECTION_PREFIXES.join('|')})|^(${OUTBOUND_DIRECTION_WORDS.join('|')})$`);

/** Whether a lower-case direction value says the team started the contact (see OUTBOUND_DIRECTION_PREFIXES). */
export function isOutboundDirection(direction: string): boolean {
  return OUTBOUND_DIRECTION.test(direction);
}

/** The words parseBoolean reads as true and as false (the engines' queries read them alike). */
export const BOOLEAN_WORDS = { true: ['true', 't', 'yes', 'y', '1', 'public'], false: ['false', 'f', 'no', 'n', '0', 'private'] } as const;

/** Truthy/falsey words for boolean columns such as `is_public`. */
export function parseBoolean(raw: string): boolean | null {
  const k = raw.trim().toLowerCase();
  if ((BOOLEAN_WORDS.true as readonly string[]).includes(k)) return true;
  if ((BOOLEAN_WORDS.false as readonly string[]).includes(k)) return false;
  return null;
}

/**
 * Builds the lookup used for every row: configured mappings (`channels` in the config) win over
 * a format's vocabulary, which wins over the built-in one. Results are cached per raw value. A
 * value the config maps to `outbound` is agent-initiated as a built-in outbound spelling is; its
 * channel stays the one the vocabularies give it (`other` when none knows it).
 */
export function channelResolver(
  configured: Readonly<Record<string, ChannelTarget>> = {},
  formatVocabulary: Readonly<Record<string, Partial<ChannelMeaning> & { channel: Channel }>> = {},
): (raw: string) => ChannelMeaning {
  const configuredByKey = new Map<string, ChannelTarget>();
  for (const [raw, channel] of Object.entries(configured)) configuredByKey.set(vocabularyKey(raw), channel);
  const formatByKey = new Map<string, Partial<ChannelMeaning> & { channel: Channel }>();
  for (const [raw, meaning] of Object.entries(formatVocabulary)) formatByKey.set(vocabularyKey(raw), meaning);
  const cache = new Map<string, ChannelMeaning>();
  return (raw) => {
    let hit = cache.get(raw);
    if (hit) return hit;
    const key = vocabularyKey(raw);
    const fromConfig = configuredByKey.get(key);
    const fromFormat = formatByKey.get(key);
    // own keys only: a channel value "constructor" or "__proto__" is just an unknown value
    const builtIn = Object.hasOwn(BUILT_IN, key) ? BUILT_IN[key] : undefined;
    if (fromConfig === 'outbound') {
      const base = fromFormat ?? (builtIn ? { channel: builtIn[0], isPublic: builtIn[1] } : { channel: 'other' as const });
      hit = withOptional({ channel: base.channel, known: true }, base.isPublic, true);
    } else if (fromConfig) {
      const base = fromFormat ?? (builtIn ? { isPublic: builtIn[1], outbound: builtIn[2] } : {});
      hit = withOptional({ channel: fromConfig, known: true }, base.isPublic, base.outbound);
    } else if (fromFormat) {
      hit = withOptional({ channel: fromFormat.channel, known: true }, fromFormat.isPublic, fromFormat.outbound);
    } else if (builtIn) {
      hit = withOptional({ channel: builtIn[0], known: true }, builtIn[1], builtIn[2]);
    } else {
      hit = { channel: 'other', known: key === '' ? false : false };
    }
    cache.set(raw, hit);
    return hit;
  };
}

function withOptional(base: { channel: Channel; known: boolean }, isPublic: boolean | undefined, outbound: boolean | undefined): ChannelMeaning {
  const out: { channel: Channel; known: boolean; isPublic?: boolean; outbound?: boolean } = { ...base };
  if (isPublic !== undefined) out.isPublic = isPublic;
  if (outbound) out.outbound = true;
  return out;
}
