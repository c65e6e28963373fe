/** parity.schema.json is generated from the zod schema and committed: it must not go stale. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaText, starterConfig } from '../../../src/commands/init.js';
import { validateConfig } from '../../../src/config/validate.js';
import { ROOT } from '../../helpers/exec.js';

describe('parity.schema.json', () => {
  it('equals the schema generated from the zod schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(join(ROOT, 'parity.schema.json'), 'utf8')).toBe(schemaText());
  });

  it('is shipped with the package and allows the $schema key init writes', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('parity.schema.json');
    const schema = JSON.parse(schemaText());
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toContain('$schema');
    expect(schema.properties.format.examples).toContain('zendesk');
  });

  it('a blank starter config is valid configuration', () => {
    const { config, edits } = starterConfig([], 'UTC');
    expect(() => validateConfig(config, 'parity.config.json')).not.toThrow();
    expect(edits.length).toBeGreaterThan(0);
  });
});
