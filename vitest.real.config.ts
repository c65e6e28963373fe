import { defineConfig } from 'vitest/config';

// The real-data suite reads ../shared/data, which a user's clone does not have.
export default defineConfig({
  test: {
    globalSetup: ['test/helpers/build.ts', 'test/helpers/tmp.ts'],
    setupFiles: ['test/helpers/yieldBetweenTests.ts'],
    include: ['test/real/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
