/**
 * Goldens rendered from real pipeline output: the audit of three fixtures (every number of
 * small.csv is worked out by hand in test/unit/pipeline.test.ts; survivorship.csv is the export
 * where counting only answered tickets would make phone look fast) in every format an analyst,
 * a CI job or a manager reads. A change of any number anywhere shows here as a diff to review.
 * UPDATE_GOLDEN=1 (or PARITY_UPDATE_GOLDEN=1) rewrites them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../helpers/audit.js';
import { fixture } from '../../helpers/exec.js';
import { outline } from '../../helpers/outline.js';
import { loadRenderer } from '../../../src/render/index.js';
import type { CommonFlags } from '../../../src/commands/options.js';
import type { Config } from '../../../src/config/schema.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const UPDATE = Boolean(process.env.UPDATE_GOLDEN || process.env.PARITY_UPDATE_GOLDEN);

function golden(name: string, actual: string): void {
  const path = join(HERE, name);
  if (UPDATE) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const CASES: Array<{ name: string; file: string[]; flags: CommonFlags; config?: Config }> = [
  { name: 'small', file: ['small.csv'], flags: { asOf: '2026-10-10T00:00:00Z' } },
  {
    name: 'survivorship',
    file: ['survivorship', 'survivorship.csv'],
    flags: { asOf: '2026-11-01T00:00:00Z', failOn: ['ratio(phone,social).firstResponse.median > 3', 'channel(phone).firstResponse.median > 4h'] },
  },
  { name: 'zendesk', file: ['formats', 'zendesk.csv'], flags: { asOf: '2026-07-10T00:00:00Z' }, config: { minSample: 2 } },
  // --by group on the hand-made teams fixture (medians by hand in test/unit/by.test.ts), with a
  // by gate and a hostile group value
  {
    name: 'by-group',
    file: ['by', 'teams.csv'],
    flags: { by: 'group', failOn: ['by(Billing,Support).firstResponse.median > 2'] },
    config: { minSample: 3 },
  },
];

describe('pipeline goldens', () => {
  for (const c of CASES) {
    it(`${c.name}: table, json, csv, markdown, html outline`, async () => {
      const report = await auditFiles([fixture(...c.file)], { ...c.flags, generatedAt: '2026-11-28T00:00:00Z' }, c.config ?? {});
      // Paths differ between machines: show the fixture path relative to the repository.
      const stable = JSON.parse(JSON.stringify(report).split(fixture()).join('fixtures'));
      for (const format of ['table', 'json', 'csv', 'markdown'] as const) {
        const render = await loadRenderer(format, 'audit');
        golden(`${c.name}.${format === 'markdown' ? 'md' : format === 'table' ? 'txt' : format}`, render(stable, { color: false }));
      }
      const html = await loadRenderer('html', 'audit');
      golden(`${c.name}.html.outline.txt`, outline(html(stable, { color: false })));
    });
  }
});
