import { defineConfig } from 'vitest/config';

// The engine tests (npm run test:engines): DuckDB in-process, Postgres and ClickHouse servers
// started by scripts/services.sh. Not part of `npm test`: they need those servers.
export default defineConfig({
  test: {
    globalSetup: ['test/helpers/build.ts', 'test/helpers/tmp.ts'],
    setupFiles: ['test/helpers/engineDatabases.ts', 'test/helpers/yieldBetweenTests.ts'],
    include: ['test/engines/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // two files at a time (the servers leave a core idle for much of a serial run: 55% busy),
    // each worker in databases of its own (test/helpers/engineDatabases.ts)
    maxWorkers: 2,
    minWorkers: 1,
  },
});
