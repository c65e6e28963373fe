// Synthetic ticket exports with known, planted effects. Used to make the demo fixture, by the
// validation script (detection / false-alarm rates) and by the benchmark. Seeded: same
// options, same file.

/** mulberry32: a small seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lognormal(random, median, sigma) {
  const u = Math.max(random(), 1e-12);
  const v = random();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * z);
}

const CATEGORIES = [
  { name: 'Billing', fr: 1.0, res: 1.0 },
  { name: 'Technical', fr: 1.6, res: 2.5 },
  { name: 'Account', fr: 0.8, res: 0.7 },
  { name: 'Delivery', fr: 1.1, res: 1.4 },
];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const PRIORITY_SPEED = { low: 1.3, normal: 1.0, high: 0.7, urgent: 0.4 };
/** Raw channel values as helpdesks write them, per channel (the bench uses the same ones). */
export const RAW = {
  phone: ['Phone', 'Phone call (inbound)', 'Voicemail'],
  email: ['Email', 'Mail'],
  web: ['Web form', 'Portal'],
  social: ['Twitter', 'Facebook post', 'Twitter DM', 'Instagram DM'],
  chat: ['Chat'],
};

function iso(ms) {
  return new Date(Math.round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * options: n, seed, start (ISO), days, mix {channel: weight}, base {firstResponse, resolution}
 * (seconds, medians), speed {channel: {fr, res}} (multipliers on the medians: 0.5 = 2× faster),
 * followerGradient (multiplier per decade of followers above 1k on social first response),
 * socialCaseMix (share of social tickets that are 'Account', the easy category),
 * openShare, jumpers (count of customers who jump from a stuck phone/email ticket to social),
 * shouting share, text (bool).
 * Also: socialPriorityMix (share of social tickets forced to 'urgent', the fast priority: an
 * easier case mix by priority), publicSpeed (multiplier on the first response of public social
 * posts: a planted loudness effect), uniqueCustomers (every background ticket its own customer,
 * so the only channel jumps are the planted ones). Left at their defaults, the stream of random
 * numbers is the same as without them.
 */
export function generate(options = {}) {
  const o = {
    n: 3000,
    seed: 1,
    start: '2026-07-01T00:00:00Z',
    days: 123,
    mix: { phone: 0.35, email: 0.3, web: 0.15, social: 0.15, chat: 0.05 },
    base: { firstResponse: 4 * 3600, resolution: 2 * 86400 },
    speed: {},
    followerGradient: 1,
    socialCaseMix: null,
    socialPriorityMix: null,
    publicSpeed: 1,
    uniqueCustomers: false,
    openShare: 0.06,
    unansweredShare: 0.03,
    jumpers: 0,
    sigma: 1.0,
    text: true,
    ...options,
  };
  const random = rng(o.seed);
  const start = Date.parse(o.start);
  const span = o.days * 86400_000;
  const channels = Object.keys(o.mix);
  const weights = channels.map((c) => o.mix[c]);
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = (list) => list[Math.floor(random() * list.length) % list.length];
  const pickChannel = () => {
    let r = random() * total;
    for (let k = 0; k < channels.length; k++) {
      r -= weights[k];
      if (r <= 0) return channels[k];
    }
    return channels[channels.length - 1];
  };
  const rows = [];
  const header = ['ticket_id', 'customer_id', 'channel', 'created_at', 'first_response_at', 'resolved_at', 'status', 'priority', 'category', 'follower_count', 'is_public', 'subject'];
  let nextId = 100000;
  const end = start + span;
  const makeTicket = (channel, created, customer, overrides = {}) => {
    const category = overrides.category
      ?? (channel === 'social' && o.socialCaseMix !== null && random() < o.socialCaseMix ? CATEGORIES[2] : pick(CATEGORIES));
    const priority = channel === 'social' && o.socialPriorityMix !== null && random() < o.socialPriorityMix ? 'urgent' : pick(PRIORITIES);
    const sp = o.speed[channel] ?? { fr: 1, res: 1 };
    let followers = '';
    let fr = o.base.firstResponse * category.fr * PRIORITY_SPEED[priority] * sp.fr;
    let isPublic = '';
    const raw = overrides.raw ?? pick(RAW[channel] ?? [channel]);
    if (channel === 'social') {
      const f = Math.round(Math.exp(random() * Math.log(300000)) * 1);
      followers = String(f);
      if (o.followerGradient !== 1 && f > 1000) fr *= Math.pow(o.followerGradient, Math.log10(f / 1000));
      isPublic = /DM/.test(raw) ? 'false' : 'true';
      if (isPublic === 'true' && o.publicSpeed !== 1) fr *= o.publicSpeed;
    }
    const firstSeconds = lognormal(random, fr, o.sigma);
    const resSeconds = Math.max(firstSeconds + 60, lognormal(random, o.base.resolution * category.res * sp.res, o.sigma));
    const answered = overrides.unanswered ? false : random() >= o.unansweredShare;
    const firstAt = created + firstSeconds * 1000;
    const resolvedAt = created + resSeconds * 1000;
    const open = overrides.open ?? (random() < o.openShare || resolvedAt > end);
    const firstKnown = answered && firstAt <= end;
    return [
      `T${nextId++}`,
      customer,
      raw,
      iso(created),
      firstKnown ? iso(firstAt) : '',
      open || !firstKnown ? '' : iso(resolvedAt),
      open || !firstKnown ? (firstKnown ? 'pending' : 'new') : 'solved',
      priority,
      category.name,
      followers,
      isPublic,
      o.text ? overrides.subject ?? `${category.name} question` : '',
    ];
  };
  for (let i = 0; i < o.n; i++) {
    const channel = pickChannel();
    const created = start + random() * span;
    const customer = `C${Math.floor(random() * o.n * 0.8)}`;
    rows.push(makeTicket(channel, created, o.uniqueCustomers ? `U${i}` : customer));
  }
  for (let j = 0; j < o.jumpers; j++) {
    const customer = `J${j}`;
    const created = start + random() * (span - 20 * 86400_000);
    const origin = random() < 0.7 ? 'phone' : 'email';
    rows.push(makeTicket(origin, created, customer, { unanswered: true, open: true }));
    const waited = (1 + random() * 9) * 86400_000;
    rows.push(makeTicket('social', created + waited, customer, { raw: 'Twitter', subject: 'Called four times and nobody answers!!!' }));
  }
  rows.sort((a, b) => (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0));
  return { header, rows };
}

export function toCsv({ header, rows }) {
  const esc = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((r) => r.map(esc).join(',')).join('\n') + '\n';
}
