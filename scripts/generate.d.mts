// Types of the synthetic export generator (generate.mjs), for tests that import it.

/** Options of {@link generate}; see generate.mjs for what each plants. */
export interface GenerateOptions {
  n?: number;
  seed?: number;
  start?: string;
  days?: number;
  mix?: Record<string, number>;
  base?: { firstResponse: number; resolution: number };
  speed?: Record<string, { fr: number; res: number }>;
  followerGradient?: number;
  socialCaseMix?: number | null;
  socialPriorityMix?: number | null;
  publicSpeed?: number;
  uniqueCustomers?: boolean;
  openShare?: number;
  unansweredShare?: number;
  jumpers?: number;
  sigma?: number;
  text?: boolean;
}

export interface GeneratedExport {
  header: string[];
  rows: string[][];
}

export function rng(seed: number): () => number;
export const RAW: Record<string, string[]>;
export function generate(options?: GenerateOptions): GeneratedExport;
export function toCsv(data: GeneratedExport): string;
