// Writes the generated fixtures. Run `node scripts/make-fixtures.mjs` after changing the generator.
import { writeFileSync } from 'node:fs';
import { generate, toCsv } from './generate.mjs';

const demo = generate({
  n: 3000,
  seed: 2026,
  speed: { social: { fr: 0.15, res: 1.0 }, email: { fr: 1.6, res: 1.2 }, chat: { fr: 0.1, res: 0.6 } },
  followerGradient: 0.7,
  jumpers: 25,
});
writeFileSync(new URL('../fixtures/demo.csv', import.meta.url), toCsv(demo));
console.log(`fixtures/demo.csv: ${demo.rows.length} tickets`);
