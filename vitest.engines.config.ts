import { defineConfig } from 'vitest/config';

// The engine tests (npm run test:engines): DuckDB in-process, Postgres and ClickHouse servers
// started by scripts/services.sh. Not part of `npm test`: they need those servers.
export default defineConfig({
  test: {
    globalSetup: ['test/helpers/build.ts', 'test/helpers/tmp.ts'],
    setupFiles: ['test/helpers/yieldBetweenTests.ts'],
    include: ['test/engines/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
