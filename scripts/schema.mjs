// Writes parity.schema.json (the JSON Schema of parity.config.json) from the zod schema.
// Run after a build: `npm run schema`. A unit test fails when the committed file is stale.
import { writeFileSync } from 'node:fs';

const { schemaText } = await import('../dist/commands/init.js');
const target = new URL('../parity.schema.json', import.meta.url);
writeFileSync(target, schemaText());
console.log('parity.schema.json written');
