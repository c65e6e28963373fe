/**
 * The format registry and detection: every format is asked how sure it is about a header; the
 * most certain wins (generic is the fallback). `--input-format` / config `format` forces one.
 */
import { ParityError, UsageError } from '../errors.js';
import { generic } from './generic.js';
import { zendesk } from './zendesk.js';
import { freshdesk } from './freshdesk.js';
import { salesforce } from './salesforce.js';
import { helpscout } from './helpscout.js';
import { intercom } from './intercom.js';
import { hubspot } from './hubspot.js';
import { zoho } from './zoho.js';
import { gorgias } from './gorgias.js';
import { tweets } from './tweets.js';
import { servicenow } from './servicenow.js';
import { headerKey, type FormatDef } from './types.js';

/** Every known format, most specific first. */
export const FORMATS: readonly FormatDef[] = [
  tweets,
  servicenow,
  zendesk,
  freshdesk,
  salesforce,
  helpscout,
  intercom,
  hubspot,
  zoho,
  gorgias,
  generic,
];

/** The format with this id, or a usage error listing the ids. */
export function formatById(id: string): FormatDef {
  const format = FORMATS.find((f) => f.id === id.toLowerCase());
  if (!format) {
    throw new UsageError(`unknown input format "${id}"`, {
      hint: `known formats: ${FORMATS.map((f) => f.id).join(', ')}`,
    });
  }
  return format;
}

/** Detection result: the chosen format and how sure, plus the runners-up for `inspect`. */
export interface Detection {
  format: FormatDef;
  confidence: number;
  candidates: Array<{ id: string; confidence: number }>;
}

/** Picks the format of a header (or the forced one). */
export function detectFormat(header: readonly string[], forced: string | null): Detection {
  const keys = new Set(header.map(headerKey));
  const candidates = FORMATS.map((f) => ({ format: f, confidence: f.detect(keys) })).sort((a, b) => b.confidence - a.confidence);
  const summary = candidates.map((c) => ({ id: c.format.id, confidence: Math.round(c.confidence * 100) / 100 }));
  if (forced) {
    const format = formatById(forced);
    return { format, confidence: 1, candidates: summary };
  }
  const best = candidates[0];
  if (!best) throw new ParityError('no input formats are registered');
  return { format: best.format, confidence: best.confidence, candidates: summary };
}
