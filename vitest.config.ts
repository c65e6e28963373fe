import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/build.ts', 'test/helpers/tmp.ts'],
    setupFiles: ['test/helpers/yieldBetweenTests.ts'],
    include: ['test/**/*.test.ts'],
    exclude: ['test/real/**', 'test/engines/**', 'test/warehouses/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest runs one test file at a time on a 2-core machine (cores − 1), but most of this
    // suite waits on the parity processes it starts: two at a time there took the suite from
    // 368–417 s to 246 s (all passing), so never fewer than two.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
