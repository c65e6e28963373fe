// Simulation check of the findings: generates exports with planted effects and with none, runs
// the built audit on each (dist/, so run `npm run build` first) and reports how often a planted
// effect is found (detection rate) and how many preference findings appear where none was
// planted (false alarms). Seeded: the same numbers every run.
//
//   npm run validate                 # all scenarios, 100 data sets each where it matters
//   node scripts/validate.mjs --quick
import { Readable } from 'node:stream';
import { generate, rng, toCsv } from './generate.mjs';

const dist = new URL('../dist/', import.meta.url);
const pipeline = await import(new URL('pipeline.js', dist).href);
const { resolveSettings } = await import(new URL('commands/options.js', dist).href);
const { mannWhitney } = await import(new URL('judge/stats/mannWhitney.js', dist).href);
const { ratioCi } = await import(new URL('judge/stats/ratioCi.js', dist).href);

const quick = process.argv.includes('--quick');
const runs = (n) => (quick ? Math.max(5, Math.round(n / 10)) : n);

/**
 * One question, one number: in every data set, each channel's vsReference ratio must equal the
 * raw ratio of its first-response and resolution findings (counted here, printed at the end).
 */
const consistency = { checked: 0, mismatched: [] };
function checkConsistency(report, label) {
  for (const c of report.channels) {
    if (c.channel === report.reference || !c.vsReference) continue;
    for (const [metric, key] of [['firstResponse', 'firstResponseRatio'], ['resolution', 'resolutionRatio']]) {
      const f = report.findings.find((x) => x.kind === 'channel-preference' && x.subject === c.channel && x.metric === metric);
      if (!f) continue;
      consistency.checked++;
      const a = c.vsReference[key];
      const b = f.details.raw.ratio;
      if (!(a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))))) consistency.mismatched.push(`${label} ${c.channel} ${metric}: ${a} vs ${b}`);
    }
  }
}

/** Runs the audit on one generated export (optionally changed by `edit`) and returns the findings. */
async function audit(options, edit = (data) => data) {
  const csv = toCsv(edit(generate(options)));
  const settings = resolveSettings(['-'], {}, {}, 'validate');
  const report = await pipeline.audit(settings, { stdin: Readable.from([csv]) });
  checkConsistency(report, `seed ${options.seed}`);
  return report.findings;
}

const PREFERENCE_KINDS = new Set(['channel-preference', 'follower-preference', 'loud-preference']);
const find = (findings, kind, subject, metric) => findings.find((f) => f.kind === kind && f.subject === subject && (metric === undefined || f.metric === metric));
const pct = (k, n) => `${((100 * k) / n).toFixed(1)}%`;

const results = [];
const started = Date.now();

// 1. A planted 2× social preference (first response and resolution) on 2,000 tickets.
{
  const n = runs(100);
  let first = 0;
  let resolution = 0;
  for (let k = 0; k < n; k++) {
    const f = await audit({ n: 2000, seed: 10_000 + k, speed: { social: { fr: 0.5, res: 0.5 } } });
    const fr = find(f, 'channel-preference', 'social', 'firstResponse');
    const res = find(f, 'channel-preference', 'social', 'resolution');
    if (fr?.significant && fr.effect < 1) first++;
    if (res?.significant && res.effect < 1) resolution++;
  }
  results.push({ scenario: 'planted 2× social preference, 2,000 tickets', runs: n, measure: 'detected (first response)', value: `${first}/${n} = ${pct(first, n)}`, target: '≥ 95%' });
  results.push({ scenario: '', runs: n, measure: 'detected (resolution)', value: `${resolution}/${n} = ${pct(resolution, n)}`, target: '' });
}

// 1b. Smaller planted effects, for the power curve (the rule asks the whole CI to clear 0.80).
for (const [label, fr] of [['1.5×', 1 / 1.5], ['1.3×', 1 / 1.3]]) {
  const n = runs(50);
  let first = 0;
  for (let k = 0; k < n; k++) {
    const f = await audit({ n: 2000, seed: 11_000 + k, speed: { social: { fr, res: 1 } } });
    const x = find(f, 'channel-preference', 'social', 'firstResponse');
    if (x?.significant && x.effect < 1) first++;
  }
  results.push({ scenario: `planted ${label} social preference, 2,000 tickets`, runs: n, measure: 'detected (first response)', value: `${first}/${n} = ${pct(first, n)}`, target: '' });
}

// 1c. A planted 2× preference hidden in an easier case mix: like for like must still find it.
{
  const n = runs(50);
  let first = 0;
  for (let k = 0; k < n; k++) {
    const f = await audit({ n: 2000, seed: 12_000 + k, speed: { social: { fr: 0.5, res: 1 } }, socialCaseMix: 0.8, socialPriorityMix: 0.8 });
    const x = find(f, 'channel-preference', 'social', 'firstResponse');
    if (x?.significant && x.effect < 1) first++;
  }
  results.push({ scenario: 'planted 2× social preference plus easier case mix, 2,000 tickets', runs: n, measure: 'detected (first response)', value: `${first}/${n} = ${pct(first, n)}`, target: '' });
}

// 1d. Survivorship: phone leaves 60% of its tickets unanswered (never answered, still open) and
//     answers the rest faster than social, which answers everything 1.33× slower than phone's
//     answered ones. Counting the unanswered as still waiting, phone is the slower channel; an
//     answered-only comparison sees the opposite.
{
  const n = runs(50);
  let found = 0;
  let answeredOnly = 0;
  for (let k = 0; k < n; k++) {
    const random = rng(13_000 + k);
    const unanswerPhone = (data) => {
      const col = Object.fromEntries(data.header.map((h, i) => [h, i]));
      for (const row of data.rows) {
        if (!/^(Phone|Voicemail)/.test(row[col.channel]) || random() >= 0.6) continue;
        row[col.first_response_at] = '';
        row[col.resolved_at] = '';
        row[col.status] = 'new';
      }
      return data;
    };
    let rows;
    const f = await audit({ n: 2000, seed: 13_000 + k, speed: { social: { fr: 1.33, res: 1 } } }, (data) => (rows = unanswerPhone(data)));
    const x = find(f, 'channel-preference', 'social', 'firstResponse');
    if (x?.significant && x.effect < 1) found++;
    // The former method: answered tickets only, Mann–Whitney and Price–Bonett, unadjusted.
    const col = Object.fromEntries(rows.header.map((h, i) => [h, i]));
    const seconds = (re) => rows.rows.filter((r) => re.test(r[col.channel]) && r[col.first_response_at]).map((r) => (Date.parse(r[col.first_response_at]) - Date.parse(r[col.created_at])) / 1000);
    const social = seconds(/Twitter|Facebook|Instagram/);
    const phone = seconds(/^(Phone|Voicemail)/);
    const ci = ratioCi(social, phone);
    if (mannWhitney(social, phone).pValue < 0.05 && ci.hi !== null && ci.hi < 0.8) answeredOnly++;
  }
  results.push({ scenario: 'phone 60% unanswered, the rest answered 1.33× faster than social, 2,000 tickets', runs: n, measure: 'phone found slower (first response)', value: `${found}/${n} = ${pct(found, n)}`, target: '' });
  results.push({ scenario: '', runs: n, measure: 'found by an answered-only comparison', value: `${answeredOnly}/${n}`, target: '' });
}

// 2. Fair data: no preference planted. Half of the data sets give social an easier case mix
//    (80% Account questions, 80% urgent priority), which a raw comparison mistakes for preference.
{
  const n = runs(100);
  let significant = 0;
  let anySignificant = 0;
  let caseMix = 0;
  let rawWouldFlag = 0;
  let confounded = 0;
  const examples = [];
  for (let k = 0; k < n; k++) {
    const easier = k % 2 === 1;
    if (easier) confounded++;
    const f = await audit({ n: 2000, seed: 20_000 + k, ...(easier ? { socialCaseMix: 0.8, socialPriorityMix: 0.8 } : {}) });
    for (const x of f) {
      if (x.significant) anySignificant++;
      if (x.significant && PREFERENCE_KINDS.has(x.kind)) {
        significant++;
        if (examples.length < 3) examples.push(`seed ${20_000 + k}: ${x.message}`);
      }
    }
    if (easier) {
      const fr = find(f, 'channel-preference', 'social', 'firstResponse');
      if (fr?.verdict === 'case-mix') caseMix++;
      if (fr?.details?.raw?.significant) rawWouldFlag++;
    }
  }
  results.push({ scenario: 'fair data (half with an easier social case mix), 2,000 tickets', runs: n, measure: 'significant preference findings, total', value: String(significant), target: '≤ 5' });
  results.push({ scenario: '', runs: n, measure: 'significant findings of any kind, total', value: String(anySignificant), target: '' });
  results.push({ scenario: '', runs: confounded, measure: 'easier-mix sets a raw comparison would flag', value: `${rawWouldFlag}/${confounded}`, target: '' });
  results.push({ scenario: '', runs: confounded, measure: 'easier-mix sets reported as case mix', value: `${caseMix}/${confounded}`, target: '' });
  for (const e of examples) results.push({ scenario: '', runs: '', measure: 'false alarm', value: e, target: '' });
}

// 2b. Fair data with heavy censoring: 40% of the tickets of every channel never answered.
{
  const n = runs(50);
  let significant = 0;
  for (let k = 0; k < n; k++) {
    const f = await audit({ n: 2000, seed: 21_000 + k, unansweredShare: 0.4 });
    significant += f.filter((x) => x.significant && PREFERENCE_KINDS.has(x.kind)).length;
  }
  results.push({ scenario: 'fair data, 40% of every channel unanswered, 2,000 tickets', runs: n, measure: 'significant preference findings, total', value: String(significant), target: '' });
}

// 3. A planted follower gradient: social first response × 0.5 per decade of followers above 1k.
{
  const n = runs(50);
  let detected = 0;
  for (let k = 0; k < n; k++) {
    const f = await audit({ n: 6000, seed: 30_000 + k, followerGradient: 0.5 });
    if (f.some((x) => x.kind === 'follower-preference' && x.significant)) detected++;
  }
  results.push({ scenario: 'planted follower gradient (×0.5 per decade), 6,000 tickets', runs: n, measure: 'detected (any follower-preference)', value: `${detected}/${n} = ${pct(detected, n)}`, target: '' });
}

// 4. Planted loudness: public social posts answered 2× faster than private messages.
{
  const n = runs(50);
  let detected = 0;
  for (let k = 0; k < n; k++) {
    const f = await audit({ n: 4000, seed: 40_000 + k, publicSpeed: 0.5 });
    const loud = find(f, 'loud-preference', 'social');
    if (loud?.significant && loud.effect < 1) detected++;
  }
  results.push({ scenario: 'planted loudness (public social 2× faster), 4,000 tickets', runs: n, measure: 'detected (loud social)', value: `${detected}/${n} = ${pct(detected, n)}`, target: '' });
}

// 5. Planted channel jumps: the count must be exactly what was planted.
{
  const n = runs(20);
  let exact = 0;
  for (let k = 0; k < n; k++) {
    const planted = 10 + k;
    const f = await audit({ n: 2000, seed: 50_000 + k, jumpers: planted, uniqueCustomers: true });
    if (find(f, 'channel-jump', 'social')?.count === planted) exact++;
  }
  results.push({ scenario: 'planted channel jumps (10–29), 2,000 tickets', runs: n, measure: 'jump count exactly as planted', value: `${exact}/${n}`, target: 'all' });
}

// 6. Response theatre, one rule: replies ~6× faster but resolution only ~1.2× faster is theatre;
//    both 2× faster is not.
{
  const n = runs(50);
  let theatre = 0;
  let notTheatre = 0;
  for (let k = 0; k < n; k++) {
    const f = await audit({ n: 3000, seed: 60_000 + k, speed: { social: { fr: 1 / 6, res: 1 / 1.2 } } });
    if (find(f, 'response-theatre', 'social')?.verdict === 'info') theatre++;
    const g = await audit({ n: 3000, seed: 61_000 + k, speed: { social: { fr: 0.5, res: 0.5 } } });
    if (!find(g, 'response-theatre', 'social')) notTheatre++;
  }
  results.push({ scenario: 'social replies 6× faster, resolved 1.2× faster, 3,000 tickets', runs: n, measure: 'response theatre found', value: `${theatre}/${n} = ${pct(theatre, n)}`, target: '' });
  results.push({ scenario: 'social replies and resolution both 2× faster, 3,000 tickets', runs: n, measure: 'no response-theatre claim', value: `${notTheatre}/${n} = ${pct(notTheatre, n)}`, target: '' });
}

results.push({
  scenario: 'every data set above',
  runs: consistency.checked,
  measure: 'vsReference ratio = finding raw ratio',
  value: consistency.mismatched.length ? `${consistency.mismatched.length} mismatches, e.g. ${consistency.mismatched[0]}` : `${consistency.checked}/${consistency.checked}`,
  target: 'all',
});

const widths = ['scenario', 'runs', 'measure', 'value'].map((key) => Math.max(key.length, ...results.map((r) => String(r[key]).length)));
const line = (r) => ['scenario', 'runs', 'measure', 'value'].map((key, k) => String(r[key]).padEnd(widths[k])).join('  ') + (r.target ? `  (target ${r.target})` : '');
console.log(line({ scenario: 'scenario', runs: 'runs', measure: 'measure', value: 'value' }));
for (const r of results) console.log(line(r));
console.log(`\n${((Date.now() - started) / 1000).toFixed(0)}s${quick ? ' (--quick: a tenth of the runs)' : ''}`);
