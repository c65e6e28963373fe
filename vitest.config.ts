import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/build.ts'],
    include: ['test/**/*.test.ts'],
    exclude: ['test/real/**', 'test/engines/**', 'test/warehouses/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
