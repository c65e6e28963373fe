import { defineConfig } from 'vitest/config';

// The live warehouse tests (npm run test:warehouses): BigQuery, Snowflake and Databricks reached
// with credentials from environment variables (test/warehouses/clients.ts). Opt-in: not part of
// `npm test` or CI, which cannot reach the clouds.
export default defineConfig({
  test: {
    globalSetup: ['test/helpers/build.ts', 'test/helpers/tmp.ts'],
    setupFiles: ['test/helpers/yieldBetweenTests.ts'],
    include: ['test/warehouses/**/*.test.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 10 * 60_000,
    fileParallelism: false,
  },
});
