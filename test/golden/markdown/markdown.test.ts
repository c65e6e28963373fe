/**
 * Golden test of `--format markdown` on the hand-built report (with a trend) and audit (without):
 * headings, summary sentences, tables, findings with evidence, escaped hostile text. The golden
 * files were read by hand against the numbers in sampleReport.ts; UPDATE_GOLDEN=1 (or
 * PARITY_UPDATE_GOLDEN=1) rewrites them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { sampleAudit, sampleReport } from '../../unit/report/sampleReport.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const UPDATE = Boolean(process.env.UPDATE_GOLDEN || process.env.PARITY_UPDATE_GOLDEN);

function golden(name: string, actual: string): void {
  const path = join(HERE, name);
  if (UPDATE) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('markdown golden', () => {
  it('report: October 2026 with the August–October trend', () => {
    golden('report.md', renderMarkdown(sampleReport()));
  });

  it('audit: the same numbers without the period cut', () => {
    golden('audit.md', renderMarkdown(sampleAudit()));
  });
});
